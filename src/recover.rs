//! `ragtime recover`: one agent attempt in the foreground, printed live.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use ragtime::app::AttemptRequest;
use ragtime::{App, Config};
use ragtime_timeline::clean;

use crate::checked_url;
use crate::live::LiveSteps;

/// One agent attempt in the foreground, its steps printed as they start and end.
pub async fn run(config: Config, episode_id: Option<i64>, url: Option<String>) -> Result<()> {
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
    let handle = app.start_agent_attempt(request).await?;
    // An admin's cancel reaches this attempt too.
    let cancels = tokio::spawn(ragtime::daemon::watch_cancel_requests(
        std::sync::Arc::clone(&app),
    ));
    let attempt = handle.attempt_id;
    println!("attempt {attempt} for episode {episode_id}: {url}");
    let mut waiting = Box::pin(handle.wait());
    let mut shown = LiveSteps::default();
    let report = loop {
        let done = tokio::time::timeout(Duration::from_millis(200), &mut waiting).await;
        print_new_steps(&app, attempt, &mut shown).await?;
        if let Ok(report) = done {
            break report;
        }
    };
    cancels.abort();
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .context("flushing the sinks")?;
    print_new_steps(&app, attempt, &mut shown).await?;
    println!(
        "=> {}: {}",
        report.status.as_str(),
        clean(&report.message, 300)
    );
    app.close(Duration::from_secs(10)).await?;
    Ok(())
}

async fn print_new_steps(app: &App, attempt: i64, shown: &mut LiveSteps) -> Result<()> {
    let timeline = app.store.timeline(attempt).await?;
    for line in shown.changes(&timeline, "", true) {
        println!("{line}");
    }
    Ok(())
}
