//! The admin's actions, POST only and checked against the session's CSRF token:
//! cancel an attempt in flight (here, or through the database in the daemon that runs
//! it), and retry an escalated one with the agent.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use ragtime_core::{AttemptId, AttemptStatus};
use ragtime_store::{EpisodeStatus, EpisodeUpdate};
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

use super::Shared;
use super::auth::check_csrf;
use super::pages::internal;
use ragtime_ingest::AttemptRequest;
use ragtime_ingest::pipeline::EpisodeRun;

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

pub async fn retry(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<AttemptId>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Err(status) = check_csrf(&state, &headers, &form.csrf) {
        return status.into_response();
    }
    let app = &state.app;
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
    let episode = match row.episode_id {
        Some(episode) => match state.app.store.episode(episode).await {
            Ok(found) => found,
            Err(err) => return internal(err),
        },
        None => None,
    };
    let Some(episode) = episode else {
        return (StatusCode::CONFLICT, "the attempt has no episode to retry").into_response();
    };
    // The retry works the episode as the pipeline would, under a lease of its own:
    // no daemon claims it meanwhile, and a second click finds it taken.
    let worker = format!("admin@{}", app.origin);
    let lease = app.config.pipeline.lease;
    match app.store.take_for_retry(episode.id, &worker, lease).await {
        Ok(true) => {}
        Ok(false) => {
            return (StatusCode::CONFLICT, "the episode is already being retried").into_response();
        }
        Err(err) => return internal(err),
    }
    let request = AttemptRequest {
        episode_url: episode.url.clone(),
        episode_id: Some(episode.id),
        pipeline_event_id: row.pipeline_event_id,
        language: episode.language.clone(),
        strategy: "agent".to_string(),
        failure: Some(format!("retry of attempt {id} from the admin")),
        worker_id: Some(worker.clone()),
    };
    let handle = match app.start_agent_attempt(request).await {
        Ok(handle) => handle,
        Err(err) => {
            // Nothing runs: the episode goes back to the human who asked.
            let update = EpisodeUpdate {
                error: Some(format!("the retry could not start: {err}")),
                ..Default::default()
            };
            if let Err(err) = app
                .store
                .set_episode_status(episode.id, EpisodeStatus::AwaitingHuman, update)
                .await
            {
                return internal(err);
            }
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                format!("could not start the attempt: {err}"),
            )
                .into_response();
        }
    };
    let attempt_id = handle.attempt_id;
    let app = Arc::clone(&state.app);
    tokio::spawn(async move {
        // The admin has no stop of its own: the runtime's shutdown cancels the
        // attempt, and the episode then awaits a human again.
        let stop = CancellationToken::new();
        let run = EpisodeRun {
            app: &app,
            settings: &app.config.pipeline,
            worker_id: &worker,
            stop: &stop,
        };
        if let Err(err) = run.finish_retry(episode.id, handle).await {
            tracing::error!(episode = episode.id.get(), error = %err, "the admin's retry failed");
        }
    });
    Redirect::to(&format!("/attempts/{attempt_id}")).into_response()
}
