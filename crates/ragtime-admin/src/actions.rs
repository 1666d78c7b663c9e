//! The admin's actions, POST only and checked against the session's CSRF token:
//! cancel an attempt in flight (here, or through the database in the daemon that runs
//! it), and the human step for an episode awaiting a person: retry with the agent,
//! use an audio URL the operator found, or give up. Each of the latter is an attempt
//! (`ragtime_ingest::human`) signed with the session's label.

use axum::Form;
use axum::extract::Multipart;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use ragtime_core::{AttemptId, AttemptStatus, EpisodeId};
use ragtime_ingest::{HumanAction, HumanError};
use serde::Deserialize;

use super::Shared;
use super::auth::check_csrf;
use super::layout::frame;
use super::pages::internal;

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn cancel(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<AttemptId>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Err(status) = check_csrf(&state, &headers, &form.csrf) {
        return status.into_response();
    }
    let app = &state.app;
    if app.runtime.cancel(id, "cancelled from the admin").await {
        return Redirect::to(&format!("/attempts/{id}")).into_response();
    }
    // Another process on the database may run it (`serve` and `recover` watch for the
    // mark every 250 ms); an attempt in no live process is past helping anyway, and
    // the sweeper marks it interrupted.
    match state.app.store.request_cancel(id).await {
        Ok(true) => Redirect::to(&format!("/attempts/{id}")).into_response(),
        Ok(false) => (StatusCode::CONFLICT, "the attempt is not in flight").into_response(),
        Err(err) => internal(err),
    }
}

/// "Retry with agent" on an attempt awaiting a human: the agent again, for its
/// episode, counted against the same failed pipeline step.
pub async fn retry(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<AttemptId>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let by = match check_csrf(&state, &headers, &form.csrf) {
        Ok(by) => by,
        Err(status) => return status.into_response(),
    };
    let row = match state.app.store.attempt(id).await {
        Ok(Some(row)) => row,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such attempt").into_response(),
        Err(err) => return internal(err),
    };
    if row.status != AttemptStatus::AwaitingHuman {
        return (
            StatusCode::CONFLICT,
            "only an attempt awaiting a human can be retried",
        )
            .into_response();
    }
    let Some(episode) = row.episode_id else {
        return (StatusCode::CONFLICT, "the attempt has no episode to retry").into_response();
    };
    let action = HumanAction::RetryWithAgent {
        pipeline_event_id: row.pipeline_event_id,
    };
    act(&state, episode, action, &by).await
}

/// The forms of an episode's page: its CSRF token, and what the action needs.
#[derive(Deserialize)]
pub struct EpisodeForm {
    csrf: String,
    /// "Use this audio URL".
    #[serde(default)]
    url: String,
    /// "Give up": why.
    #[serde(default)]
    reason: String,
}

/// `POST /episodes/{id}/use-url`: the operator found the audio.
pub async fn use_url(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<EpisodeId>,
    Form(form): Form<EpisodeForm>,
) -> Response {
    let missing = "paste the audio URL you found";
    act_on_text(
        &state,
        &headers,
        id,
        &form.csrf,
        &form.url,
        missing,
        HumanAction::UseAudioUrl,
    )
    .await
}

/// `POST /episodes/{id}/give-up`: the episode ends `failed`, with the reason.
pub async fn give_up(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<EpisodeId>,
    Form(form): Form<EpisodeForm>,
) -> Response {
    let missing = "say why you give up";
    act_on_text(
        &state,
        &headers,
        id,
        &form.csrf,
        &form.reason,
        missing,
        HumanAction::GiveUp,
    )
    .await
}

/// An action that needs one text field: the token checked, the text required
/// (`missing` says so when it is empty), then the action made of it.
async fn act_on_text(
    state: &Shared,
    headers: &HeaderMap,
    id: EpisodeId,
    csrf: &str,
    text: &str,
    missing: &'static str,
    action: fn(String) -> HumanAction,
) -> Response {
    let by = match check_csrf(state, headers, csrf) {
        Ok(by) => by,
        Err(status) => return status.into_response(),
    };
    if text.trim().is_empty() {
        return (StatusCode::BAD_REQUEST, missing).into_response();
    }
    act(state, id, action(text.trim().to_string()), &by).await
}

/// `POST /episodes/{id}/retry`: the agent again, from the episode's page.
pub async fn retry_episode(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<EpisodeId>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let by = match check_csrf(&state, &headers, &form.csrf) {
        Ok(by) => by,
        Err(status) => return status.into_response(),
    };
    let action = HumanAction::RetryWithAgent {
        pipeline_event_id: None,
    };
    act(&state, id, action, &by).await
}

/// Starts `action` and shows its attempt; a refusal is answered with its reason.
async fn act(state: &Shared, episode: EpisodeId, action: HumanAction, by: &str) -> Response {
    match state.app.act_for_human(episode, action, by).await {
        Ok(attempt) => Redirect::to(&format!("/attempts/{attempt}")).into_response(),
        Err(err @ HumanError::NoEpisode(_)) => {
            (StatusCode::NOT_FOUND, err.to_string()).into_response()
        }
        Err(err @ (HumanError::NotForAHuman(_) | HumanError::Busy)) => {
            (StatusCode::CONFLICT, err.to_string()).into_response()
        }
        Err(HumanError::App(err)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("could not start the attempt: {err}"),
        )
            .into_response(),
    }
}

/// The "add episodes" form: one URL per line.
#[derive(Deserialize)]
pub struct AddForm {
    csrf: String,
    urls: String,
}

/// Most lines one paste may hold; a longer paste is refused whole, not cut.
const MAX_ADDED: usize = 1000;

/// `POST /episodes/add`: each line through the same checks and duplicate detection
/// as `ragtime submit`, and a result per line.
pub async fn add_episodes(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<AddForm>,
) -> Response {
    let csrf = form.csrf.clone();
    if let Err(status) = check_csrf(&state, &headers, &form.csrf) {
        return status.into_response();
    }
    let lines: Vec<&str> = form
        .urls
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return (StatusCode::BAD_REQUEST, "paste at least one episode URL").into_response();
    }
    if lines.len() > MAX_ADDED {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "at most {MAX_ADDED} URLs at once (this paste has {})",
                lines.len()
            ),
        )
            .into_response();
    }
    let mut results = Vec::with_capacity(lines.len());
    for line in lines {
        let result = match ragtime_ingest::app::checked_episode_url(line) {
            Err(why) => Added::Invalid(why),
            Ok(url) => match state.app.store.submit(url.as_str()).await {
                Ok(done) if done.created => Added::Queued(done.episode_id),
                Ok(done) => Added::Known(done.episode_id),
                Err(err) => return internal(err),
            },
        };
        results.push((line.to_string(), result));
    }
    let queued = results
        .iter()
        .filter(|(_, r)| matches!(r, Added::Queued(_)))
        .count();
    let body = html! {
        h1 { "Episodes added" }
        p { (queued) " of " (results.len()) " queued." }
        table #added {
            thead { tr { th { "URL" } th { "result" } } }
            tbody {
                @for (line, result) in &results {
                    tr {
                        td.url { (line) }
                        td {
                            @match result {
                                Added::Queued(id) => { "queued as " a href={"/episodes/" (id)} { "episode " (id) } }
                                Added::Known(id) => { "already known as " a href={"/episodes/" (id)} { "episode " (id) } }
                                Added::Invalid(why) => span.error { "refused: " (why) }
                            }
                        }
                    }
                }
            }
        }
        p { a href="/episodes" { "back to the episodes" } }
    };
    frame("Episodes added", Some(&csrf), body).into_response()
}

/// What became of one pasted line.
enum Added {
    Queued(EpisodeId),
    Known(EpisodeId),
    Invalid(String),
}

/// `POST /episodes/{id}/upload` (multipart: `csrf` first, then `file`): the audio a
/// person has, streamed to a partial file in the media directory, size-capped like a
/// download and checked as an MP3, then made the episode's audio by an attempt.
pub async fn upload(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<EpisodeId>,
    mut form: Multipart,
) -> Response {
    // The token comes before the file, so nothing is written for a forged form.
    let csrf = match form.next_field().await {
        Ok(Some(field)) if field.name() == Some("csrf") => field.text().await.unwrap_or_default(),
        _ => {
            return (
                StatusCode::BAD_REQUEST,
                "the form's csrf field must come first",
            )
                .into_response();
        }
    };
    let by = match check_csrf(&state, &headers, &csrf) {
        Ok(by) => by,
        Err(status) => return status.into_response(),
    };
    match state.app.store.episode(id).await {
        Ok(Some(e)) if ragtime_ingest::human::open_to_a_person(e.status) => {}
        Ok(Some(e)) => {
            return (
                StatusCode::CONFLICT,
                HumanError::NotForAHuman(e.status).to_string(),
            )
                .into_response();
        }
        Ok(None) => return (StatusCode::NOT_FOUND, "no such episode").into_response(),
        Err(err) => return internal(err),
    }
    let field = match form.next_field().await {
        Ok(Some(field)) if field.name() == Some("file") => field,
        _ => return (StatusCode::BAD_REQUEST, "choose the MP3 to upload").into_response(),
    };
    let name: String = field
        .file_name()
        .unwrap_or("upload.mp3")
        .chars()
        .take(200)
        .collect();
    let browser = &state.app.config.browser;
    let chunks = futures_util::TryStreamExt::map_err(field, |e| {
        ragtime_egress::DownloadError::Failed(format!("the upload broke off: {e}"))
    });
    let stem = format!("episode-{id}.upload-{}", std::process::id());
    let saved = ragtime_egress::save_mp3(
        chunks,
        &browser.media_dir,
        &stem,
        browser.max_download_bytes,
    )
    .await;
    let (path, bytes) = match saved {
        Ok(saved) => saved,
        Err(err) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("the upload was refused: {err}"),
            )
                .into_response();
        }
    };
    let action = HumanAction::UseUploadedFile {
        path: path.clone(),
        name,
        bytes,
    };
    let answer = act(&state, id, action, &by).await;
    if !answer.status().is_redirection() {
        // Not taken (another action holds the episode): the file goes.
        let _ = tokio::fs::remove_file(&path).await;
    }
    answer
}
