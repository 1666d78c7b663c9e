//! The ingest pipeline for one claimed episode: `fetch_details` then `download`, and
//! on a failure the recovery chain (`agent`, then `human`).
//!
//! Every failure is a `pipeline_events` row with an error type; an agent attempt
//! recovers it, and on success the pipeline resumes with the audio URL the agent
//! found. The episode's lease is renewed while the episode is worked on.

use std::sync::Arc;

use ragtime_core::{AttemptHandle, AttemptStatus, EpisodeId};
use ragtime_egress::{DownloadError, DownloadRequest, FetchError, FetchLimits, download};
use ragtime_store::{Episode, EpisodeStatus, EpisodeUpdate, StepFailure};
use scraper::{Html, Selector};
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::App;
use crate::app::AttemptRequest;

pub mod settings;

pub use settings::{PipelineSettings, Strategy};

/// What `fetch_details` learned from the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    /// The page's title, if it has one.
    pub title: Option<String>,
    /// The page's language (`<html lang>`), if it names one.
    pub language: Option<String>,
    /// The first audio URL the page links, if any.
    pub audio_url: Option<String>,
}

/// Reads title, language and the first audio URL from an episode page.
pub fn parse_details(html: &str, base: &Url) -> Details {
    let doc = Html::parse_document(html);
    let first = |css: &str, attr: Option<&str>| -> Option<String> {
        let selector = Selector::parse(css).ok()?;
        doc.select(&selector).find_map(|e| match attr {
            Some(attr) => e.value().attr(attr).map(str::to_string),
            None => Some(e.text().collect::<String>()),
        })
    };
    let resolve = |raw: String| {
        base.join(raw.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(String::from)
    };
    let audio = first(
        "meta[property='og:audio'], meta[property='og:audio:url']",
        Some("content"),
    )
    .and_then(resolve)
    .or_else(|| first("audio[src]", Some("src")).and_then(resolve))
    .or_else(|| {
        first("audio source[src], source[type^='audio'][src]", Some("src")).and_then(resolve)
    })
    .or_else(|| json_ld_audio(&doc).and_then(resolve))
    .or_else(|| {
        let links = Selector::parse("a[href]").ok()?;
        doc.select(&links)
            .filter_map(|a| a.value().attr("href"))
            .find(|h| {
                h.split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
                    .ends_with(".mp3")
            })
            .map(str::to_string)
            .and_then(resolve)
    });
    Details {
        title: first("title", None)
            .map(|t| t.trim().chars().take(300).collect())
            .filter(|t: &String| !t.is_empty()),
        language: first("html[lang]", Some("lang"))
            .map(|l| l.trim().chars().take(20).collect())
            .filter(|l: &String| !l.is_empty()),
        audio_url: audio,
    }
}

fn json_ld_audio(doc: &Html) -> Option<String> {
    fn walk(value: &serde_json::Value) -> Option<String> {
        match value {
            serde_json::Value::Object(map) => map
                .get("contentUrl")
                .and_then(|v| v.as_str().map(str::to_string))
                .or_else(|| map.values().find_map(walk)),
            serde_json::Value::Array(items) => items.iter().find_map(walk),
            _ => None,
        }
    }
    let selector = Selector::parse("script[type='application/ld+json']").ok()?;
    doc.select(&selector).find_map(|s| {
        serde_json::from_str(&s.text().collect::<String>())
            .ok()
            .and_then(|v| walk(&v))
    })
}

fn failure(
    step: &str,
    error_type: &str,
    message: impl Into<String>,
    http_status: Option<i32>,
) -> StepFailure {
    StepFailure {
        step: step.to_string(),
        error_type: error_type.to_string(),
        message: message.into(),
        http_status,
    }
}

/// Works one claimed episode to a final status (or back to `queued` on shutdown).
pub struct EpisodeRun<'a> {
    /// The app whose store, fetcher and runtime the run uses.
    pub app: &'a App,
    /// Tries, timeouts and the recovery chain.
    pub settings: &'a PipelineSettings,
    /// This worker's name, written on the attempts it starts.
    pub worker_id: &'a str,
    /// Cancelled when the daemon stops: a fetch or download in progress ends at
    /// once and the episode goes back to `queued`.
    pub stop: &'a CancellationToken,
}

impl EpisodeRun<'_> {
    /// Runs the pipeline on `episode` and returns the status it ended in; the episode is
    /// failed outright when daemons took it up more than `max_tries` times.
    pub async fn run(&self, episode: Episode) -> Result<EpisodeStatus, crate::AppError> {
        let store = &self.app.store;
        if episode.tries > self.settings.max_tries {
            let error = format!(
                "taken up {} times without finishing; giving up",
                episode.tries - 1
            );
            store
                .set_episode_status(
                    episode.id,
                    EpisodeStatus::Failed,
                    EpisodeUpdate {
                        error: Some(error),
                        ..Default::default()
                    },
                )
                .await?;
            return Ok(EpisodeStatus::Failed);
        }
        let lease = self.keep_lease(episode.id);
        let result = self.steps(&episode).await;
        lease.abort();
        result
    }

    /// Renews the claim every third of the lease while the episode is worked on.
    fn keep_lease(&self, episode_id: EpisodeId) -> tokio::task::JoinHandle<()> {
        let store = self.app.store.clone();
        let worker = self.worker_id.to_string();
        let lease = self.settings.lease;
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(lease / 3).await;
                if let Err(err) = store.renew_lease(episode_id, &worker, lease).await {
                    tracing::warn!(episode = episode_id.get(), error = %err, "could not renew the lease");
                }
            }
        })
    }

    /// `work`, unless the daemon stops first.
    async fn unless_stopped<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        tokio::select! {
            done = work => Some(done),
            () = self.stop.cancelled() => None,
        }
    }

    /// The daemon is stopping: the episode waits for the next one.
    async fn requeue(&self, episode_id: EpisodeId) -> Result<EpisodeStatus, crate::AppError> {
        self.app
            .store
            .set_episode_status(episode_id, EpisodeStatus::Queued, EpisodeUpdate::default())
            .await?;
        Ok(EpisodeStatus::Queued)
    }

    async fn steps(&self, episode: &Episode) -> Result<EpisodeStatus, crate::AppError> {
        let store = &self.app.store;
        let Some(fetched) = self.unless_stopped(self.fetch_details(&episode.url)).await else {
            return self.requeue(episode.id).await;
        };
        let details = match fetched {
            Ok(details) => details,
            Err(fail) => return self.recover(episode, fail, Details::default()).await,
        };
        let update = EpisodeUpdate {
            title: details.title.clone(),
            language: details.language.clone(),
            audio_url: details.audio_url.clone(),
            ..Default::default()
        };
        store
            .set_episode_status(episode.id, EpisodeStatus::Downloading, update)
            .await?;
        let Some(audio_url) = details.audio_url.clone() else {
            let fail = failure(
                "fetch_details",
                "not_found",
                "no audio URL on the episode page",
                None,
            );
            return self.recover(episode, fail, details).await;
        };
        match self
            .unless_stopped(self.download(episode.id, &audio_url))
            .await
        {
            None => self.requeue(episode.id).await,
            Some(Ok(file)) => self.downloaded(episode.id, file).await,
            Some(Err(fail)) => self.recover(episode, fail, details).await,
        }
    }

    async fn downloaded(
        &self,
        episode_id: EpisodeId,
        file: String,
    ) -> Result<EpisodeStatus, crate::AppError> {
        let update = EpisodeUpdate {
            audio_file: Some(file),
            ..Default::default()
        };
        self.app
            .store
            .set_episode_status(episode_id, EpisodeStatus::Downloaded, update)
            .await?;
        Ok(EpisodeStatus::Downloaded)
    }

    async fn fetch_details(&self, page: &str) -> Result<Details, StepFailure> {
        let step = "fetch_details";
        let url = Url::parse(page)
            .map_err(|e| failure(step, "validation", format!("not a URL: {e}"), None))?;
        let browser = &self.app.config.browser;
        let limits = FetchLimits {
            deadline: self.settings.fetch_timeout,
            min_rate: browser.min_rate,
            rate_window: browser.min_rate_window,
            max_bytes: self.settings.max_page_bytes,
        };
        let fetch_failure = |err: FetchError| match err {
            FetchError::Blocked(refused) => {
                failure(step, "validation", format!("blocked: {refused}"), None)
            }
            FetchError::Deadline(_) | FetchError::Stalled(_) => {
                failure(step, "timeout", err.to_string(), None)
            }
            other => failure(step, "network", other.to_string(), None),
        };
        let fetched = self
            .app
            .fetcher()
            .get(&url, None, limits)
            .await
            .map_err(fetch_failure)?;
        let status = fetched.status();
        if !status.is_success() {
            let kind = if status.as_u16() == 404 || status.as_u16() == 410 {
                "not_found"
            } else {
                "http"
            };
            return Err(failure(
                step,
                kind,
                format!("HTTP {status}"),
                Some(i32::from(status.as_u16())),
            ));
        }
        let final_url = fetched.final_url().clone();
        // A page larger than the cap is read only as far as the cap: the details are
        // near the top (head, player), and the rest is never fetched.
        let (body, cut) = fetched.prefix().await.map_err(fetch_failure)?;
        if cut {
            tracing::info!(page, bytes = body.len(), "episode page cut at the size cap");
        }
        Ok(parse_details(&String::from_utf8_lossy(&body), &final_url))
    }

    async fn download(
        &self,
        episode_id: EpisodeId,
        audio_url: &str,
    ) -> Result<String, StepFailure> {
        let step = "download";
        let url = Url::parse(audio_url)
            .map_err(|e| failure(step, "validation", format!("not a URL: {e}"), None))?;
        let settings = &self.app.config.browser;
        let request = DownloadRequest {
            url: &url,
            cookies: None,
            limits: settings.download_limits(),
            dir: &settings.media_dir,
            stem: format!("episode-{episode_id}"),
        };
        match download(self.app.fetcher(), request).await {
            Ok(saved) => Ok(saved.path.display().to_string()),
            Err(DownloadError::Blocked(why)) => {
                Err(failure(step, "validation", format!("blocked: {why}"), None))
            }
            Err(DownloadError::Rejected(why)) => Err(failure(step, "validation", why, None)),
            Err(DownloadError::Failed(why)) => Err(failure(step, "network", why, None)),
        }
    }

    /// Waits for an agent's attempt and downloads what it found. `NotRecovered` when
    /// it found nothing or the download failed (recorded as a failure).
    async fn take_report(
        &self,
        episode_id: EpisodeId,
        handle: AttemptHandle,
    ) -> Result<AgentOutcome, crate::AppError> {
        let report = handle.wait().await;
        if report.status == AttemptStatus::Cancelled {
            return Ok(AgentOutcome::Cancelled);
        }
        let Some(audio_url) = report.audio_url.filter(|_| report.success) else {
            return Ok(AgentOutcome::NotRecovered(report.message));
        };
        let store = &self.app.store;
        let update = EpisodeUpdate {
            audio_url: Some(audio_url.clone()),
            ..Default::default()
        };
        store
            .set_episode_status(episode_id, EpisodeStatus::Downloading, update)
            .await?;
        match self
            .unless_stopped(self.download(episode_id, &audio_url))
            .await
        {
            None => Ok(AgentOutcome::Done(self.requeue(episode_id).await?)),
            Some(Ok(file)) => Ok(AgentOutcome::Done(self.downloaded(episode_id, file).await?)),
            Some(Err(again)) => {
                store.record_failure(episode_id, &again).await?;
                Ok(AgentOutcome::NotRecovered(format!(
                    "the download of {audio_url} failed ({}): {}",
                    again.error_type, again.message
                )))
            }
        }
    }

    /// Finishes an admin's retry of an episode awaiting a human (already leased to
    /// this run by [`ragtime_store::Store::take_for_retry`]): the attempt's find is downloaded as the
    /// pipeline would; otherwise, or when cancelled, the episode awaits a human again.
    pub async fn finish_retry(
        &self,
        episode_id: EpisodeId,
        handle: AttemptHandle,
    ) -> Result<EpisodeStatus, crate::AppError> {
        let attempt_id = handle.attempt_id;
        let lease = self.keep_lease(episode_id);
        let outcome = self.take_report(episode_id, handle).await;
        lease.abort();
        let error = match outcome? {
            AgentOutcome::Done(status) => return Ok(status),
            AgentOutcome::Cancelled => format!("retry attempt {attempt_id} was cancelled"),
            AgentOutcome::NotRecovered(why) => {
                format!("attempt {attempt_id} did not recover the audio: {why}")
            }
        };
        let update = EpisodeUpdate {
            error: Some(error),
            ..Default::default()
        };
        self.app
            .store
            .set_episode_status(episode_id, EpisodeStatus::AwaitingHuman, update)
            .await?;
        Ok(EpisodeStatus::AwaitingHuman)
    }

    /// Records the failure and runs the recovery chain.
    async fn recover(
        &self,
        episode: &Episode,
        fail: StepFailure,
        details: Details,
    ) -> Result<EpisodeStatus, crate::AppError> {
        let store = &self.app.store;
        let event_id = store.record_failure(episode.id, &fail).await?;
        let message = format!(
            "{} failed ({}): {}",
            fail.step, fail.error_type, fail.message
        );
        for strategy in &self.settings.recovery_chain {
            match strategy {
                Strategy::Human => {
                    let update = EpisodeUpdate {
                        error: Some(message.clone()),
                        ..Default::default()
                    };
                    store
                        .set_episode_status(episode.id, EpisodeStatus::AwaitingHuman, update)
                        .await?;
                    return Ok(EpisodeStatus::AwaitingHuman);
                }
                Strategy::Agent => {
                    if store.recoveries_for_step(episode.id, &fail.step).await?
                        >= self.settings.max_attempts_per_step
                    {
                        continue;
                    }
                    store
                        .set_episode_status(
                            episode.id,
                            EpisodeStatus::Recovering,
                            EpisodeUpdate::default(),
                        )
                        .await?;
                    let request = AttemptRequest {
                        episode_url: episode.url.clone(),
                        episode_id: Some(episode.id),
                        pipeline_event_id: Some(event_id),
                        language: details.language.clone(),
                        strategy: "agent".to_string(),
                        failure: Some(message.clone()),
                        worker_id: Some(self.worker_id.to_string()),
                    };
                    let handle = self.app.start_agent_attempt(request).await?;
                    match self.take_report(episode.id, handle).await? {
                        AgentOutcome::Cancelled => return self.requeue(episode.id).await,
                        AgentOutcome::Done(status) => return Ok(status),
                        AgentOutcome::NotRecovered(_) => {}
                    }
                }
            }
        }
        let update = EpisodeUpdate {
            error: Some(message),
            ..Default::default()
        };
        store
            .set_episode_status(episode.id, EpisodeStatus::Failed, update)
            .await?;
        Ok(EpisodeStatus::Failed)
    }
}

/// How an agent's attempt ended for the episode.
enum AgentOutcome {
    /// Downloaded, or queued again because the daemon stops.
    Done(EpisodeStatus),
    Cancelled,
    /// Nothing found, or the download of the find failed: why, in words.
    NotRecovered(String),
}

/// Keeps `EpisodeRun` usable from spawned workers.
pub type SharedApp = Arc<App>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_from_meta_audio_json_ld_and_links() {
        let base = Url::parse("http://a.example/ep/1").expect("url");
        let html = r#"<html lang="de"><head><title> Folge 1 </title></head><body><a href="/x.mp3">x</a></body></html>"#;
        assert_eq!(
            parse_details(html, &base),
            Details {
                title: Some("Folge 1".into()),
                language: Some("de".into()),
                audio_url: Some("http://a.example/x.mp3".into())
            }
        );
        let og = r#"<meta property="og:audio" content="https://cdn.example/a.mp3"><a href="/b.mp3">b</a>"#;
        assert_eq!(
            parse_details(og, &base).audio_url.as_deref(),
            Some("https://cdn.example/a.mp3")
        );
        let ld = r#"<script type="application/ld+json">{"@type":"PodcastEpisode","associatedMedia":{"contentUrl":"/c.mp3"}}</script>"#;
        assert_eq!(
            parse_details(ld, &base).audio_url.as_deref(),
            Some("http://a.example/c.mp3")
        );
        assert_eq!(
            parse_details("<p>nothing</p><a href='javascript:x.mp3'>", &base).audio_url,
            None
        );
    }
}
