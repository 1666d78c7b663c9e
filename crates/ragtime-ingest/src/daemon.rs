//! The ingest daemon: N workers that claim episodes and run the pipeline, a sweeper
//! that turns attempts with a stale heartbeat into `interrupted`, a watcher for cancels
//! asked for through the database, and a clean stop.
//!
//! On stop (SIGINT/SIGTERM in `ragtime serve`) the workers claim nothing more, every
//! running attempt is cancelled (status `cancelled`, events flushed), its episode goes
//! back to `queued`, and the runtime, browser and database close.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::pipeline::EpisodeRun;
use crate::{App, AppError};

/// How often a daemon looks for cancels asked for through the database; the admin
/// promises a cancel within a second.
const CANCEL_POLL: Duration = Duration::from_millis(250);

/// Cancels this daemon's attempts that an admin of any daemon asked to cancel.
pub async fn watch_cancel_requests(app: Arc<App>) {
    loop {
        tokio::time::sleep(CANCEL_POLL).await;
        if app.runtime.running() == 0 {
            continue;
        }
        match app.store.cancel_requests().await {
            Ok(ids) => {
                for id in ids {
                    if app.runtime.cancel(id, "cancelled from the admin").await {
                        tracing::info!(
                            attempt = id.get(),
                            "cancelled on request through the database"
                        );
                    }
                }
            }
            Err(err) => tracing::warn!(error = %err, "could not read cancel requests"),
        }
    }
}

/// What a daemon run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Served {
    /// Episodes the workers took to a final status (or back to `queued`) before the stop.
    pub episodes: u64,
}

/// Runs the daemon until `stop` resolves, then stops cleanly and closes `app` (the
/// admin web may hold it too).
pub async fn serve(app: Arc<App>, stop: impl Future<Output = ()>) -> Result<Served, AppError> {
    // Claims and notifications carry one name for this process.
    let worker = app.origin.clone();
    let stopping = CancellationToken::new();
    let mut tasks = JoinSet::new();
    for n in 0..app.config.pipeline.workers {
        let app = Arc::clone(&app);
        let worker = format!("{worker}/{n}");
        let stopping = stopping.clone();
        tasks.spawn(async move {
            let mut done = 0u64;
            let settings = app.config.pipeline.clone();
            while !stopping.is_cancelled() {
                match app.store.claim(&worker, settings.lease).await {
                    Ok(Some(episode)) => {
                        let id = episode.id;
                        let run = EpisodeRun { app: &app, settings: &settings, worker_id: &worker, stop: &stopping };
                        match run.run(episode).await {
                            Ok(status) => tracing::info!(episode = id.get(), status = status.as_str(), "episode done"),
                            Err(err) => tracing::error!(episode = id.get(), error = %err, "episode failed in the daemon"),
                        }
                        done += 1;
                    }
                    Ok(None) => {
                        let _ = tokio::time::timeout(settings.poll_interval, stopping.cancelled()).await;
                    }
                    Err(err) => {
                        tracing::warn!(error = %err, "could not claim an episode");
                        let _ = tokio::time::timeout(settings.poll_interval, stopping.cancelled()).await;
                    }
                }
            }
            done
        });
    }
    let sweeper = {
        let app = Arc::clone(&app);
        let every = app
            .config
            .runtime
            .heartbeat_interval
            .saturating_mul(3)
            .max(Duration::from_millis(100));
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                match app.store.interrupt_stale(every).await {
                    Ok(ids) if !ids.is_empty() => {
                        tracing::warn!(attempts = ?ids, "attempts with a stale heartbeat are now interrupted")
                    }
                    Ok(_) => {}
                    Err(err) => tracing::warn!(error = %err, "stale-attempt sweep failed"),
                }
            }
        })
    };
    let cancels = tokio::spawn(watch_cancel_requests(Arc::clone(&app)));
    stop.await;
    cancels.abort();
    tracing::info!("stopping: no new claims, cancelling running attempts");
    stopping.cancel();
    app.runtime
        .cancel_all("daemon shutting down", Duration::from_secs(5))
        .await;
    let mut served = Served::default();
    loop {
        // A worker may have been about to start an attempt: cancel again until all
        // workers are back.
        match tokio::time::timeout(Duration::from_millis(500), tasks.join_next()).await {
            Ok(Some(done)) => served.episodes += done.unwrap_or(0),
            Ok(None) => break,
            Err(_) => {
                app.runtime
                    .cancel_all("daemon shutting down", Duration::from_secs(5))
                    .await
            }
        }
    }
    sweeper.abort();
    let _ = sweeper.await;
    app.close(Duration::from_secs(10)).await?;
    Ok(served)
}
