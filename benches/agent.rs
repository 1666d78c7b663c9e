//! Agent benchmark (issue 12): prints figures; asserts nothing.
//!
//! `cargo bench --bench agent` (`-- --rounds N`, default 20). Needs /usr/bin/chromium.
//! Side by side in one run, alternating (A B A B), medians and ratios:
//!
//! 1. the `navigate_to_url` step (a fresh context: page, navigation, settling) against
//!    plain CDP: a new page in a fresh context and `Page.navigate` until `load`;
//! 2. a `click_element` step that reveals a link, against a direct CDP click (find the
//!    button's centre, press and release the mouse) and a wait until the link is there;
//! 3. a `click_element` step on a control that does nothing;
//! 4. whole heuristic attempts on a page whose audio is two clicks away, and on the
//!    German page with the ⋮ menu.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use chromiumoxide::layout::Point;
use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_browser::{AttemptBrowser, BrowserPool, BrowserSettings, BrowserTools, registry};
use ragtime_core::{ToolContext, ToolRegistry};
use ragtime_fixtures::FixtureSite;
use serde_json::{Value, json};

mod common;
use common::median;

async fn call(tools: &ToolRegistry, tool: &str, args: Value) -> ragtime_core::ToolOutput {
    let ctx = ToolContext {
        attempt_id: ragtime_core::AttemptId(1),
        step: 1,
    };
    match tools.get(tool) {
        Some(t) => t
            .call(&args, &ctx)
            .await
            .unwrap_or_else(|e| panic!("{tool}: {e}")),
        None => panic!("no tool {tool}"),
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

async fn fresh(pool: &Arc<BrowserPool>) -> (Arc<AttemptBrowser>, ToolRegistry) {
    let browser = Arc::new(pool.open_context().await.expect("context"));
    let tools = registry(Arc::new(BrowserTools {
        browser: Arc::clone(&browser),
    }));
    (browser, tools)
}

/// The number `observe_page` gave the control labelled `label`.
async fn number_of(tools: &ToolRegistry, label: &str) -> u64 {
    let seen = call(tools, "observe_page", json!({}))
        .await
        .data
        .unwrap_or_default();
    seen["controls"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["label"] == label))
        .and_then(|c| c["number"].as_u64())
        .unwrap_or_else(|| panic!("no control {label:?}"))
}

async fn navigate(pool: &Arc<BrowserPool>, site: &FixtureSite, rounds: usize) {
    let url = site.episode_url("more-info");
    let (mut tool, mut cdp) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        let (browser, tools) = fresh(pool).await;
        call(&tools, "navigate_to_url", json!({"url": url})).await;
        tool.push(ms(started));
        browser.close().await;

        let started = Instant::now();
        let (browser, _) = fresh(pool).await;
        let (page, mark) = browser.page().await.expect("page");
        page.goto(url.as_str()).await.expect("goto");
        cdp.push(ms(started));
        mark.done();
        browser.close().await;
    }
    let (t, c) = (median(&mut tool), median(&mut cdp));
    println!(
        "navigate ({rounds} each, median): navigate_to_url step {t:.1} ms; CDP new page + navigate to load {c:.1} ms; ratio {:.2}",
        t / c
    );
}

async fn clicks(pool: &Arc<BrowserPool>, site: &FixtureSite, rounds: usize) {
    let (browser, tools) = fresh(pool).await;
    let url = site.episode_url("more-info");
    let quiet = site.url("/tools/quiet");
    let (mut tool, mut cdp, mut idle) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        call(&tools, "navigate_to_url", json!({"url": url})).await;
        let n = number_of(&tools, "More information").await;
        let started = Instant::now();
        call(&tools, "click_element", json!({"element": n})).await;
        tool.push(ms(started));

        call(&tools, "navigate_to_url", json!({"url": url})).await;
        let (page, mark) = browser.page().await.expect("page");
        let started = Instant::now();
        let at: Vec<f64> = page
            .evaluate("(() => { const r = document.getElementById('more').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
            .await
            .expect("locate")
            .into_value()
            .expect("point");
        page.click(Point { x: at[0], y: at[1] })
            .await
            .expect("click");
        loop {
            let there: bool = page
                .evaluate("!!document.querySelector('#details a')")
                .await
                .expect("check")
                .into_value()
                .unwrap_or(false);
            if there {
                break;
            }
        }
        cdp.push(ms(started));
        mark.done();

        call(&tools, "navigate_to_url", json!({"url": quiet})).await;
        let n = number_of(&tools, "Does nothing").await;
        let started = Instant::now();
        call(&tools, "click_element", json!({"element": n})).await;
        idle.push(ms(started));
    }
    let (t, c, i) = (median(&mut tool), median(&mut cdp), median(&mut idle));
    println!(
        "click that reveals a link ({rounds} each, median): click_element step {t:.1} ms; direct CDP click + wait for the link {c:.1} ms; ratio {:.2}",
        t / c
    );
    println!(
        "click on a control that does nothing ({rounds}, median): click_element step {i:.1} ms"
    );
    browser.close().await;
}

async fn attempts(dir: &std::path::Path, site: &FixtureSite, rounds: usize) {
    let mut config = ragtime::Config::default();
    config.database.url = format!("sqlite://{}", dir.join("bench.db").display());
    config.browser.allow_hosts = site.allow_hosts();
    config.browser.media_dir = dir.join("media");
    let app = App::open(config).await.expect("app");
    drop(app.browser().open_context().await.expect("launch"));
    for (label, url) in [
        ("two clicks away", site.url("/tools/two-clicks")),
        (
            "German page, dead buttons and a ⋮ menu",
            site.episode_url("german-menu"),
        ),
    ] {
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..rounds {
            let started = Instant::now();
            let request = AttemptRequest {
                episode_url: url.clone(),
                strategy: "agent".into(),
                ..Default::default()
            };
            let report = app
                .start_agent_attempt(request)
                .await
                .expect("start")
                .wait()
                .await;
            times.push(ms(started));
            last = Some(report);
        }
        let report = last.expect("a round");
        println!(
            "whole attempt, {label} ({rounds}, median): {:.0} ms to {} in {} steps",
            median(&mut times),
            report.status.as_str(),
            report.steps
        );
    }
    app.close(Duration::from_secs(10)).await.expect("close");
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let dir = tempfile::tempdir().expect("tempdir");
    let site = FixtureSite::start().await.expect("site");
    let pool = BrowserPool::new(BrowserSettings {
        allow_hosts: site.allow_hosts(),
        media_dir: dir.path().join("media"),
        ..BrowserSettings::default()
    })
    .expect("pool");
    drop(pool.open_context().await.expect("launch"));
    navigate(&pool, &site, rounds).await;
    clicks(&pool, &site, rounds).await;
    pool.shutdown().await;
    attempts(dir.path(), &site, rounds.min(10)).await;
}
