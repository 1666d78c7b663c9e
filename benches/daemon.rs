//! Daemon benchmark (issue 4): prints figures; asserts nothing.
//!
//! `cargo bench --bench daemon` (`-- --quick` for fewer episodes). Needs
//! /usr/bin/chromium. Episodes per minute through the whole pipeline on the fixture
//! site, for episodes with a direct link and for episodes the agent must recover,
//! with 1 and 4 workers, with all sinks and with the log sink only.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::time::{Duration, Instant};

use ragtime::{App, Config};
use ragtime_fixtures::FixtureSite;

async fn run(
    site: &FixtureSite,
    slug: &str,
    episodes: usize,
    workers: usize,
    sinks: &[&str],
) -> f64 {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = Config::default();
    config.database.url = format!("sqlite://{}", dir.path().join("bench.db").display());
    config.browser.allow_hosts = vec!["127.0.0.1".into()];
    config.browser.media_dir = dir.path().join("media");
    config.pipeline.workers = workers;
    config.pipeline.poll_interval = Duration::from_millis(50);
    config.progress.sinks = sinks.iter().map(|s| s.to_string()).collect();
    let app = App::open(config).await.expect("app");
    // The daemon's browser is up before the clock starts.
    drop(app.browser().open_context().await.expect("browser"));
    for n in 0..episodes {
        app.store
            .submit(&format!("{}?n={n}", site.episode_url(slug)))
            .await
            .expect("submit");
    }
    let store = app.store.clone();
    let started = Instant::now();
    let stop = async move {
        loop {
            let all = store.episodes().await.unwrap_or_default();
            if all.iter().all(|e| {
                matches!(
                    e.status.as_str(),
                    "downloaded" | "failed" | "awaiting_human"
                )
            }) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    ragtime::daemon::serve(std::sync::Arc::new(app), stop)
        .await
        .expect("serve");
    episodes as f64 / started.elapsed().as_secs_f64() * 60.0
}

#[tokio::main]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let site = FixtureSite::start().await.expect("site");
    let all = ["json_column", "step_table", "log"];
    let log_only = ["log"];
    for (slug, label, count) in [
        ("direct-link", "direct link", if quick { 20 } else { 60 }),
        (
            "more-info",
            "recovered by the agent",
            if quick { 4 } else { 12 },
        ),
    ] {
        for workers in [1, 4] {
            let with_all = run(&site, slug, count, workers, &all).await;
            let with_log = run(&site, slug, count, workers, &log_only).await;
            println!(
                "{label:<24} {workers} worker(s), {count} episodes: {with_all:>7.1}/min with all sinks, {with_log:>7.1}/min log only ({:+.1}%)",
                (with_all / with_log - 1.0) * 100.0
            );
        }
    }
}
