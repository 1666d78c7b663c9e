//! `ragtime demo`: the agent on the built-in fixture site through the daemon, or
//! (`--scripted`) browser-free scripted attempts.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use ragtime::app::AttemptRequest;
use ragtime::{App, Config, scenarios};
use ragtime_core::{AttemptId, EpisodeId, EventKind, ProgressEvent};
use ragtime_fixtures::{Expected, FixtureSite, episodes as fixture_episodes};
use ragtime_store::{AttemptFilter, EpisodeStatus, Store};
use ragtime_timeline::{Follow, clean};
use tokio::sync::broadcast::error::RecvError;

use crate::live::LiveSteps;

/// Scripted scenarios (stand-in tools, short deadlines) through the real runtime.
pub async fn scripted(mut config: Config, chosen: Vec<String>) -> Result<()> {
    let known = scenarios::names();
    if let Some(unknown) = chosen.iter().find(|c| !known.contains(&c.as_str())) {
        bail!(
            "unknown scenario {unknown:?}; expected one of {}",
            known.join(", ")
        );
    }
    config.runtime = scenarios::demo_settings();
    let app = App::open(config).await.context("starting the runtime")?;
    let selected: Vec<_> = scenarios::all()
        .into_iter()
        .filter(|s| chosen.is_empty() || chosen.iter().any(|c| c == s.name))
        .collect();
    let mut handles = Vec::new();
    for scenario in &selected {
        println!("starting {}: {}", scenario.name, scenario.about);
        let request = AttemptRequest {
            episode_url: scenario.episode_url.clone(),
            strategy: "agent".to_string(),
            failure: Some("no audio element on the episode page".to_string()),
            worker_id: Some("demo".to_string()),
            ..Default::default()
        };
        handles.push(
            app.start_attempt(request, scenario.planner.clone(), scenario.tools.clone())
                .await?,
        );
    }
    let mut reports = Vec::new();
    for handle in handles {
        reports.push(handle.wait().await);
    }
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .context("flushing the sinks")?;
    println!();
    let mut unexpected = Vec::new();
    for (scenario, report) in selected.iter().zip(&reports) {
        print!("{}", app.store.timeline(report.attempt_id).await?);
        println!();
        if report.status != scenario.expected {
            unexpected.push(format!(
                "{} ended {} (expected {})",
                scenario.name,
                report.status.as_str(),
                scenario.expected.as_str()
            ));
        }
    }
    println!(
        "inspect again with: ragtime timeline ID   (database: {})",
        ragtime_store::redact_url(&app.config.database.url)
    );
    app.close(Duration::from_secs(10)).await?;
    if !unexpected.is_empty() {
        bail!("{}", unexpected.join("; "));
    }
    Ok(())
}

/// The fixture podcast site, its episodes submitted, and the daemon running until
/// each has reached a final state; steps are printed as they start and end.
pub async fn fixture_site(mut config: Config, only: Vec<String>, keep_open: bool) -> Result<()> {
    let known: Vec<&str> = fixture_episodes().iter().map(|e| e.slug).collect();
    if let Some(unknown) = only.iter().find(|o| !known.contains(&o.as_str())) {
        bail!(
            "unknown fixture episode {unknown:?}; expected one of {}",
            known.join(", ")
        );
    }
    if !config.browser.executable.exists() {
        bail!(
            "Chromium not found at {}: install it (apt-get install chromium) or set [browser] executable; \
             `ragtime demo --scripted` runs without a browser",
            config.browser.executable.display()
        );
    }
    let site = FixtureSite::start()
        .await
        .context("starting the fixture site")?;
    config
        .browser
        .allow_hosts
        .push(site.addr().ip().to_string());
    config.runtime.tool_deadline = Duration::from_secs(5);
    config.pipeline.fetch_timeout = Duration::from_secs(3);
    config.pipeline.poll_interval = Duration::from_millis(100);
    let admin_settings = config.admin.clone();
    let metrics_settings = config.metrics.clone();
    let app = std::sync::Arc::new(App::open(config).await.context("starting the daemon")?);
    println!("fixture podcast site on {}", site.url("/"));
    // The demo goes on without the admin when its port is taken.
    let admin = match crate::start_admin(&app, &admin_settings).await {
        Ok(admin) => admin,
        Err(err) => {
            eprintln!("admin web not started: {err:#}");
            None
        }
    };
    let _metrics = crate::start_metrics(&app, &metrics_settings).await?;
    let mut ours: Vec<(EpisodeId, &'static str)> = Vec::new();
    for episode in fixture_episodes()
        .iter()
        .filter(|e| only.is_empty() || only.iter().any(|o| o == e.slug))
    {
        let submitted = app.store.submit(&site.episode_url(episode.slug)).await?;
        println!(
            "submitted episode {} ({}): {}",
            submitted.episode_id, episode.slug, episode.about
        );
        ours.push((submitted.episode_id, episode.slug));
    }
    let store = app.store.clone();
    let media = app.config.browser.media_dir.clone();
    let database = ragtime_store::redact_url(&app.config.database.url);
    let watched = ours.clone();
    // Steps are printed from the runtime's own events; the rows are read only after
    // the feed lagged (or without a `live` sink), and the episodes' statuses, which
    // no event carries, in one query every half second.
    let follows_live = app.config.progress.runs("live");
    let mut feed = app.live.subscribe();
    let watch = async move {
        let mut progress = Progress::new(watched.clone());
        let mut check = tokio::time::interval(Duration::from_millis(500));
        loop {
            tokio::select! {
                received = feed.recv(), if follows_live => match received {
                    Ok(event) => progress.apply(&event),
                    Err(RecvError::Lagged(_)) => progress.catch_up(&store).await,
                    Err(RecvError::Closed) => {}
                },
                _ = check.tick() => {
                    if !follows_live {
                        progress.catch_up(&store).await;
                    }
                    match all_ended(&store, &watched).await {
                        Ok(true) => break,
                        Ok(false) => {}
                        Err(err) => eprintln!("progress: {err}"),
                    }
                }
            }
        }
        // The last steps, from the rows, the record.
        progress.catch_up(&store).await;
    };
    let summary_store = app.store.clone();
    let admin_url = admin.as_ref().map(|a| format!("http://{}/", a.addr));
    // The daemon runs until every episode has ended and, while the admin is up, on
    // until Ctrl-C, so the operator can browse the timelines.
    let unexpected = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let found = std::sync::Arc::clone(&unexpected);
    let until = async move {
        let interrupted = tokio::select! {
            _ = watch => false,
            _ = crate::stop_signal() => true,
        };
        if interrupted {
            println!("stopping before every episode has ended: attempts in flight are cancelled");
            return;
        }
        match summary(&summary_store, &ours).await {
            Ok(problems) => *found.lock().unwrap_or_else(|p| p.into_inner()) = problems,
            Err(err) => eprintln!("summary: {err:#}"),
        }
        println!();
        println!(
            "audio under {}; see one attempt with: ragtime timeline ID   (database: {database})",
            media.display()
        );
        if let Some(url) = admin_url.filter(|_| keep_open) {
            // Listening before saying so: a Ctrl-C right after the line is not lost.
            let stop = crate::stop_signal();
            println!("the admin stays up at {url}; stop with Ctrl-C");
            stop.await;
        }
    };
    ragtime::daemon::serve(app, until).await?;
    let unexpected = std::mem::take(&mut *unexpected.lock().unwrap_or_else(|p| p.into_inner()));
    if !unexpected.is_empty() {
        bail!("{}", unexpected.join("; "));
    }
    Ok(())
}

/// Prints each episode's end; returns those that did not end as expected.
async fn summary(store: &Store, ours: &[(EpisodeId, &'static str)]) -> Result<Vec<String>> {
    println!();
    let mut unexpected = Vec::new();
    for (id, slug) in ours {
        let Some(row) = store.episode(*id).await? else {
            continue;
        };
        let outcome = row
            .audio_file
            .clone()
            .or(row.error.clone())
            .unwrap_or_default();
        println!(
            "episode {id:>3} {slug:<18} {:<15} {}",
            row.status,
            clean(&outcome, 120)
        );
        let expected = fixture_episodes()
            .iter()
            .find(|e| e.slug == *slug)
            .map(|e| e.expected);
        let wanted = match expected {
            Some(Expected::Resolved) => EpisodeStatus::Downloaded,
            _ => EpisodeStatus::AwaitingHuman,
        };
        if row.status != wanted {
            unexpected.push(format!("{slug} ended {} (expected {wanted})", row.status));
        }
    }
    Ok(unexpected)
}

/// Whether every one of the demo's episodes has reached a final status (one query
/// of the demo's own rows, however long the database's history).
async fn all_ended(store: &Store, ours: &[(EpisodeId, &'static str)]) -> Result<bool> {
    let ids: Vec<EpisodeId> = ours.iter().map(|(id, _)| *id).collect();
    let episodes = store.episodes_by_id(&ids).await?;
    Ok(ours
        .iter()
        .all(|(id, _)| episodes.iter().any(|e| e.id == *id && e.status.is_ended())))
}

/// The demo's attempts as they run: each step printed once when it starts and once
/// when it ends, prefixed with its episode.
struct Progress {
    episodes: Vec<(EpisodeId, &'static str)>,
    /// attempt id -> (episode slug, what is known of it).
    attempts: HashMap<AttemptId, (&'static str, Follow)>,
    shown: LiveSteps,
}

impl Progress {
    fn new(episodes: Vec<(EpisodeId, &'static str)>) -> Progress {
        Progress {
            episodes,
            attempts: HashMap::new(),
            shown: LiveSteps::default(),
        }
    }

    fn slug_of(&self, episode: Option<EpisodeId>) -> Option<&'static str> {
        self.episodes
            .iter()
            .find(|(id, _)| Some(*id) == episode)
            .map(|(_, slug)| *slug)
    }

    fn apply(&mut self, event: &ProgressEvent) {
        if let EventKind::AttemptStarted(started) = &event.kind
            && let Some(slug) = self.slug_of(started.episode_id)
        {
            self.attempts.entry(event.attempt_id).or_insert_with(|| {
                (
                    slug,
                    Follow::new(event.attempt_id, &started.strategy, event.at),
                )
            });
        }
        if let Some((slug, follow)) = self.attempts.get_mut(&event.attempt_id)
            && follow.apply(event)
        {
            let prefix = format!("[{slug} #{}]", event.attempt_id);
            for line in self.shown.changes(&follow.timeline(), &prefix, false) {
                println!("{line}");
            }
        }
    }

    /// Reads the demo's attempts from the rows and prints what changed.
    async fn catch_up(&mut self, store: &Store) {
        let attempts = match store.attempts(&AttemptFilter::default()).await {
            Ok(attempts) => attempts,
            Err(err) => return eprintln!("progress: {err}"),
        };
        for attempt in attempts {
            let Some(slug) = self.slug_of(attempt.episode_id) else {
                continue;
            };
            let rows = match store.attempt_rows(attempt.id).await {
                Ok(rows) => rows,
                Err(err) => return eprintln!("progress: {err}"),
            };
            let (_, follow) = self.attempts.entry(attempt.id).or_insert_with(|| {
                (
                    slug,
                    Follow::new(attempt.id, &attempt.strategy, attempt.started_at),
                )
            });
            follow.catch_up(rows.0, rows.1);
            let prefix = format!("[{slug} #{}]", attempt.id);
            for line in self.shown.changes(&follow.timeline(), &prefix, false) {
                println!("{line}");
            }
        }
    }
}
