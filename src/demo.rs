//! `ragtime demo`: the agent on the built-in fixture site through the daemon, or
//! (`--scripted`) browser-free scripted attempts.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use ragtime::app::AttemptRequest;
use ragtime::{App, Config, scenarios};
use ragtime_fixtures::{Expected, FixtureSite, episodes as fixture_episodes};
use ragtime_store::{AttemptFilter, Store};
use ragtime_timeline::clean;

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
    let app = std::sync::Arc::new(App::open(config).await.context("starting the daemon")?);
    println!("fixture podcast site on {}", site.url("/"));
    // The demo goes on without the admin when its port is taken.
    let admin = match crate::start_admin(&app).await {
        Ok(admin) => admin,
        Err(err) => {
            eprintln!("admin web not started: {err:#}");
            None
        }
    };
    let mut ours: Vec<(i64, &'static str)> = Vec::new();
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
    let watch = async move {
        let mut shown = LiveSteps::default();
        loop {
            tokio::time::sleep(Duration::from_millis(300)).await;
            if let Err(err) = print_progress(&store, &watched, &mut shown).await {
                eprintln!("progress: {err}");
            }
            let mut done = true;
            for (id, _) in &watched {
                let status = store
                    .episode(*id)
                    .await
                    .ok()
                    .flatten()
                    .map(|e| e.status)
                    .unwrap_or_default();
                done &= matches!(status.as_str(), "downloaded" | "failed" | "awaiting_human");
            }
            if done {
                break;
            }
        }
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
            println!("the admin stays up at {url}; stop with Ctrl-C");
            crate::stop_signal().await;
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
async fn summary(store: &Store, ours: &[(i64, &'static str)]) -> Result<Vec<String>> {
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
            Some(Expected::Resolved) => "downloaded",
            _ => "awaiting_human",
        };
        if row.status != wanted {
            unexpected.push(format!("{slug} ended {} (expected {wanted})", row.status));
        }
    }
    Ok(unexpected)
}

/// Prints each step of the demo's attempts once when it starts and once when it ends.
async fn print_progress(
    store: &Store,
    episodes: &[(i64, &'static str)],
    shown: &mut LiveSteps,
) -> Result<()> {
    for attempt in store.attempts(&AttemptFilter::default()).await? {
        let Some((_, slug)) = episodes
            .iter()
            .find(|(id, _)| Some(*id) == attempt.episode_id)
        else {
            continue;
        };
        let timeline = store.timeline(attempt.id).await?;
        for line in shown.changes(&timeline, &format!("[{slug} #{}]", attempt.id), false) {
            println!("{line}");
        }
    }
    Ok(())
}
