//! `ragtime recover`: one agent attempt in the foreground, printed live from the
//! runtime's own progress events.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use ragtime::app::AttemptRequest;
use ragtime::{App, Config};
use ragtime_core::EpisodeId;
use ragtime_timeline::{Follow, clean};
use tokio::sync::broadcast::error::RecvError;

use crate::checked_url;
use crate::live::LiveSteps;

/// One agent attempt in the foreground, its steps printed as they start and end.
pub async fn run(config: Config, episode_id: Option<EpisodeId>, url: Option<String>) -> Result<()> {
    let app = std::sync::Arc::new(App::open(config).await.context("starting the runtime")?);
    let (episode_id, url) = match (episode_id, url) {
        (Some(id), _) => {
            let episode = app
                .store
                .episode(id)
                .await?
                .with_context(|| format!("no episode with id {id}"))?;
            (id, episode.url)
        }
        (None, Some(url)) => {
            let url = checked_url(&url)?;
            (
                app.store.submit(url.as_str()).await?.episode_id,
                url.to_string(),
            )
        }
        (None, None) => bail!("give an EPISODE_ID or --url"),
    };
    let request = AttemptRequest {
        episode_url: url.clone(),
        episode_id: Some(episode_id),
        strategy: "agent".to_string(),
        worker_id: Some("recover".to_string()),
        ..Default::default()
    };
    // Subscribed before the attempt starts, so no event of it is missed.
    let mut feed = app.live.subscribe();
    let handle = app.start_agent_attempt(request).await?;
    // An admin's cancel reaches this attempt too.
    let cancels = tokio::spawn(ragtime::daemon::watch_cancel_requests(
        std::sync::Arc::clone(&app),
    ));
    let attempt = handle.attempt_id;
    println!("attempt {attempt} for episode {episode_id}: {url}");
    let mut follow = Follow::new(attempt, "agent", chrono::Utc::now());
    let mut shown = LiveSteps::default();
    // The steps are printed from the live feed as they happen; the rows are read
    // only to catch up (the feed lagged) and, without a `live` sink, at the end.
    let follows_live = app.config.progress.runs("live");
    let mut waiting = Box::pin(handle.wait());
    let report = loop {
        tokio::select! {
            report = &mut waiting => break report,
            received = feed.recv(), if follows_live => match received {
                Ok(event) => {
                    if follow.apply(&event) {
                        print_changes(&follow, &mut shown);
                    }
                }
                Err(RecvError::Lagged(_)) => catch_up(&app, &mut follow).await?,
                Err(RecvError::Closed) => {}
            },
        }
    };
    cancels.abort();
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .context("flushing the sinks")?;
    // What the feed still holds (the attempt's end), then the rows, the record.
    while let Ok(event) = feed.try_recv() {
        follow.apply(&event);
    }
    catch_up(&app, &mut follow).await?;
    print_changes(&follow, &mut shown);
    println!(
        "=> {}: {}",
        report.status.as_str(),
        clean(&report.message, 300)
    );
    app.close(Duration::from_secs(10)).await?;
    Ok(())
}

fn print_changes(follow: &Follow, shown: &mut LiveSteps) {
    for line in shown.changes(&follow.timeline(), "", true) {
        println!("{line}");
    }
}

async fn catch_up(app: &App, follow: &mut Follow) -> Result<()> {
    let (attempt, steps) = app.store.attempt_rows(follow.attempt_id()).await?;
    follow.catch_up(attempt, steps);
    Ok(())
}
