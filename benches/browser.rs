//! Browser benchmark (issue 3): prints figures; asserts nothing.
//!
//! `cargo bench --bench browser`. Needs /usr/bin/chromium.
//!
//! 1. attempt start-up on the shared browser (new incognito context + page) versus
//!    launching a browser per attempt, and their ratio, in one run;
//! 2. time from dispatch to the terminal status on the no-audio page and on the
//!    German page with its dead buttons and the ⋮ menu, default settings;
//! 3. 8 attempts at once on the fixture pages: wall time and peak memory (this
//!    process plus every Chromium process it started);
//! 4. the egress gate's cost: whole attempts on the same pages with Chromium behind
//!    the gate and connecting directly, alternating (A B A B), medians and ratio.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::time::{Duration, Instant};

mod common;
use common::{median, status_kib};

use ragtime::App;
use ragtime::Config;
use ragtime::app::AttemptRequest;
use std::sync::Arc;

use ragtime_agent::HeuristicPlanner;
use ragtime_browser::{BrowserPool, BrowserSettings, BrowserTools, registry};
use ragtime_fixtures::{FixtureSite, episodes};

fn settings(media: &std::path::Path) -> BrowserSettings {
    BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        media_dir: media.to_path_buf(),
        ..BrowserSettings::default()
    }
}

async fn startup(media: &std::path::Path, rounds: usize) {
    let shared = BrowserPool::new(settings(media)).expect("valid browser settings");
    // Warm: the daemon's browser is already running when attempts arrive.
    drop(shared.open_context().await.expect("launch"));
    let mut shared_ms = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let context = shared.open_context().await.expect("context");
        context.page().await.expect("page").1.done();
        shared_ms.push(started.elapsed().as_secs_f64() * 1e3);
        context.close().await;
    }
    shared.shutdown().await;
    let mut launch_ms = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let pool = BrowserPool::new(settings(media)).expect("valid browser settings");
        let context = pool.open_context().await.expect("launch");
        context.page().await.expect("page").1.done();
        launch_ms.push(started.elapsed().as_secs_f64() * 1e3);
        context.close().await;
        pool.shutdown().await;
    }
    let (s, l) = (median(&mut shared_ms), median(&mut launch_ms));
    println!(
        "start-up ({rounds} each, median): shared browser, new context + page {s:.1} ms; browser per attempt {l:.1} ms; ratio {:.1}x",
        l / s
    );
}

async fn app(dir: &std::path::Path) -> App {
    let mut config = Config::default();
    config.database.url = format!("sqlite://{}", dir.join("bench.db").display());
    config.browser = settings(&dir.join("media"));
    App::open(config).await.expect("app")
}

async fn time_to_end(dir: &std::path::Path, site: &FixtureSite, slug: &str) {
    let app = app(dir).await;
    // Start the browser first: the figure is the attempt's, not the launch's.
    drop(app.browser().open_context().await.expect("launch"));
    let started = Instant::now();
    let request = AttemptRequest {
        episode_url: site.episode_url(slug),
        strategy: "agent".into(),
        ..Default::default()
    };
    let report = app
        .start_agent_attempt(request)
        .await
        .expect("start")
        .wait()
        .await;
    println!(
        "dispatch -> {} on {slug}: {:.2} s, {} steps (default settings)",
        report.status.as_str(),
        started.elapsed().as_secs_f64(),
        report.steps
    );
    app.close(Duration::from_secs(10)).await.expect("close");
}

fn rss_kib(pid: &str) -> u64 {
    status_kib(pid, "VmRSS")
}

/// RSS of this process and of every Chromium started with a ragtime profile.
fn total_rss_kib() -> u64 {
    let mut total = rss_kib("self");
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let pid = entry.file_name().to_string_lossy().to_string();
            if !pid.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if String::from_utf8_lossy(&cmdline).contains("ragtime-chromium-") {
                total += rss_kib(&pid);
            }
        }
    }
    total
}

async fn eight_at_once(dir: &std::path::Path, site: &FixtureSite) {
    let app = app(dir).await;
    drop(app.browser().open_context().await.expect("launch"));
    let baseline = total_rss_kib();
    let slugs: Vec<&str> = episodes()
        .iter()
        .map(|e| e.slug)
        .filter(|s| *s != "never-answers")
        .take(8)
        .collect();
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let flag = sampling.clone();
    let sampler = tokio::spawn(async move {
        let mut peak = 0;
        while flag.load(std::sync::atomic::Ordering::Relaxed) {
            peak = peak.max(total_rss_kib());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        peak
    });
    let started = Instant::now();
    let mut handles = Vec::new();
    for slug in &slugs {
        let request = AttemptRequest {
            episode_url: site.episode_url(slug),
            strategy: "agent".into(),
            ..Default::default()
        };
        handles.push(app.start_agent_attempt(request).await.expect("start"));
    }
    let mut resolved = 0;
    for handle in handles {
        if handle.wait().await.success {
            resolved += 1;
        }
    }
    let wall = started.elapsed().as_secs_f64();
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.await.unwrap_or(0);
    println!(
        "8 attempts at once ({}): wall {wall:.2} s, {resolved} resolved; peak RSS (ragtime + Chromium) {:.0} MiB, {:.0} MiB above the idle browser",
        slugs.join(", "),
        peak as f64 / 1024.0,
        peak.saturating_sub(baseline) as f64 / 1024.0
    );
    app.close(Duration::from_secs(10)).await.expect("close");
}

/// One heuristic attempt on `slug` with a context of `pool`; its wall time in ms.
async fn attempt_on(app: &App, pool: &Arc<BrowserPool>, site: &FixtureSite, slug: &str) -> f64 {
    let started = Instant::now();
    let context = pool.open_context().await.expect("context");
    let tools = registry(Arc::new(BrowserTools {
        browser: Arc::new(context),
    }));
    let request = AttemptRequest {
        episode_url: site.episode_url(slug),
        strategy: "agent".into(),
        ..Default::default()
    };
    let report = app
        .start_attempt(request, Arc::new(HeuristicPlanner), Arc::new(tools))
        .await
        .expect("start")
        .wait()
        .await;
    assert!(report.status.is_terminal());
    started.elapsed().as_secs_f64() * 1e3
}

async fn gate_cost(dir: &std::path::Path, site: &FixtureSite, rounds: usize) {
    let app = app(dir).await;
    let gated = BrowserPool::new(settings(&dir.join("media"))).expect("pool");
    let direct = BrowserPool::ungated_for_benchmarks(settings(&dir.join("media"))).expect("pool");
    for pool in [&gated, &direct] {
        drop(pool.open_context().await.expect("launch"));
    }
    for slug in ["direct-link", "german-menu"] {
        let (mut with, mut without) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            with.push(attempt_on(&app, &gated, site, slug).await);
            without.push(attempt_on(&app, &direct, site, slug).await);
        }
        let (w, d) = (median(&mut with), median(&mut without));
        println!(
            "egress gate on {slug} ({rounds} attempts each, alternating, median): through the gate {w:.0} ms, direct {d:.0} ms, ratio {:.3}",
            w / d
        );
    }
    gated.shutdown().await;
    direct.shutdown().await;
    app.close(Duration::from_secs(10)).await.expect("close");
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = FixtureSite::start().await.expect("fixture site");
    startup(&dir.path().join("media"), 10).await;
    time_to_end(dir.path(), &site, "no-audio").await;
    time_to_end(dir.path(), &site, "german-menu").await;
    eight_at_once(dir.path(), &site).await;
    gate_cost(dir.path(), &site, 15).await;
}
