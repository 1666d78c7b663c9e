//! Admin benchmark (issue 5): prints figures; asserts nothing.
//!
//! `RAGTIME_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test cargo bench
//! --bench admin`. Needs /usr/bin/chromium; without the PostgreSQL URL the
//! two-daemon figure is skipped. `-- --quick` tries fewer page counts, `-- --pages
//! 4000,8000` the counts given.
//!
//! 1. From a tool call starting to its step being shown in a connected Chromium page
//!    (p50/p99): the page served by the daemon running the attempt (SQLite), and the
//!    page served by daemon A while daemon B runs the attempt (PostgreSQL, NOTIFY).
//!    Both daemons are separate `App`s with their own pools in this process.
//! 2. Open live pages: N event streams on one running attempt (HTTP clients in this
//!    process, like pages), and the latency from a call starting to its step arriving
//!    at every stream, for growing N.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ragtime::admin::{AdminServer, AdminState, Sessions, hash_password};
use ragtime::app::AttemptRequest;
use ragtime::{App, Config};
use ragtime_browser::{BrowserPool, BrowserSettings};
use ragtime_core::{AttemptHandle, Decision, ToolRegistry};
use ragtime_testkit::{ScriptedPlanner, SleepTool, WATCH_ADMIN_STEPS_JS};
use serde_json::{Value, json};

const PASSWORD: &str = "bench";

struct Daemon {
    app: Arc<App>,
    admin: AdminServer,
}

async fn daemon(config: Config) -> Daemon {
    let app = Arc::new(App::open(config).await.expect("app"));
    let state = Arc::new(AdminState {
        app: Arc::clone(&app),
        sessions: Sessions::new(
            hash_password(PASSWORD).expect("hash"),
            Duration::from_secs(3600),
        ),
        trace_url: None,
    });
    let admin = AdminServer::start("127.0.0.1:0", state)
        .await
        .expect("admin");
    Daemon { app, admin }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

/// `lead_ms` of quiet (the page loads, the streams connect), then `calls` calls of
/// `call_ms` each.
async fn start(app: &App, lead_ms: u64, calls: usize, call_ms: u64) -> AttemptHandle {
    let script: Vec<Decision> = std::iter::once(Decision::call("sleep", json!({"ms": lead_ms})))
        .chain((0..calls).map(|_| Decision::call("sleep", json!({"ms": call_ms}))))
        .chain([Decision::resolve("done", None)])
        .collect();
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/bench".into(),
        strategy: "agent".into(),
        ..Default::default()
    };
    let tools = Arc::new(ToolRegistry::new().with(SleepTool::default()));
    app.start_attempt(request, Arc::new(ScriptedPlanner::new(script)), tools)
        .await
        .expect("start")
}

/// Start time (ms since the epoch) of each step of an attempt, from its rows.
async fn step_starts(app: &App, id: ragtime_core::AttemptId) -> HashMap<String, i64> {
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    app.store
        .steps(id)
        .await
        .expect("steps")
        .into_iter()
        .map(|s| (s.step.to_string(), s.started_at.timestamp_millis()))
        .collect()
}

fn percentiles(mut ms: Vec<i64>) -> String {
    if ms.is_empty() {
        return "no samples".into();
    }
    ms.sort_unstable();
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a rounded index between 0 and len - 1, which fits a usize"
    )]
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    format!(
        "p50 {} ms, p99 {} ms, max {} ms ({} samples)",
        at(0.5),
        at(0.99),
        at(1.0),
        ms.len()
    )
}

async fn browser_login(page: &chromiumoxide::Page, base: &str) {
    page.goto(format!("{base}/login"))
        .await
        .expect("login page");
    page.evaluate_expression(format!(
        "document.querySelector('input[name=password]').value = {}; document.querySelector('form').submit();",
        serde_json::to_string(PASSWORD).expect("json")
    ))
    .await
    .expect("submit");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        let path: String = page
            .evaluate_expression("location.pathname")
            .await
            .ok()
            .and_then(|r| r.into_value().ok())
            .unwrap_or_default();
        if path == "/attempts" {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("login failed");
}

/// Latency from call start to the step shown in a page of `viewer`'s admin, for an
/// attempt `runner` runs.
async fn page_latency(label: &str, runner: &App, viewer: &Daemon, calls: usize) {
    let pool = BrowserPool::new(BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        ..BrowserSettings::default()
    })
    .expect("valid browser settings");
    let browser = pool.open_context().await.expect("browser");
    let (page, mark) = browser.page().await.expect("page");
    let base = format!("http://{}", viewer.admin.addr);
    browser_login(&page, &base).await;
    let handle = start(runner, 1500, calls, 50).await;
    let id = handle.attempt_id;
    page.goto(format!("{base}/attempts/{id}"))
        .await
        .expect("attempt page");
    let since: i64 = page
        .evaluate_expression(WATCH_ADMIN_STEPS_JS)
        .await
        .expect("watch")
        .into_value()
        .expect("ms");
    handle.wait().await;
    // The last step and the end reach the page shortly after.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seen: Value = serde_json::from_str(
        &page
            .evaluate_expression("JSON.stringify(window.__seen)")
            .await
            .expect("seen")
            .into_value::<String>()
            .expect("json"),
    )
    .expect("json");
    let starts = step_starts(runner, id).await;
    let latencies: Vec<i64> = starts
        .iter()
        .filter(|(_, started)| **started > since)
        .filter_map(|(step, started)| seen[step.as_str()].as_i64().map(|shown| shown - started))
        .collect();
    let missing: Vec<&String> = starts
        .iter()
        .filter(|(step, started)| **started > since && seen[step.as_str()].is_null())
        .map(|(step, _)| step)
        .collect();
    println!(
        "{label}: call start -> step shown in the browser: {}{}",
        percentiles(latencies),
        if missing.is_empty() {
            String::new()
        } else {
            format!("; never shown: steps {missing:?}")
        }
    );
    mark.done();
    browser.close().await;
    pool.shutdown().await;
}

/// Reads one event stream; returns when each step was first seen running.
async fn follow(client: reqwest::Client, url: String, cookie: String) -> HashMap<String, i64> {
    let mut seen = HashMap::new();
    let Ok(mut response) = client.get(url).header("cookie", cookie).send().await else {
        return seen;
    };
    let mut buffer = String::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        let arrived = now_ms();
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let message: String = buffer.drain(..end + 2).collect();
            if message.contains("event: end") {
                return seen;
            }
            let Some(data) = message.lines().find_map(|l| l.strip_prefix("data: ")) else {
                continue;
            };
            if let Ok(step) = serde_json::from_str::<Value>(data) {
                seen.entry(step["step"].to_string()).or_insert(arrived);
            }
        }
    }
    seen
}

/// N streams on one attempt with a call every 50 ms.
async fn fan_out(daemon: &Daemon, streams: usize) -> (usize, String) {
    let base = format!("http://{}", daemon.admin.addr);
    let cookie = common::login_cookie(PASSWORD, &base).await;
    let lead_ms = 2000 + streams as u64 * 2;
    let handle = start(&daemon.app, lead_ms, 20, 50).await;
    let id = handle.attempt_id;
    let client = ragtime_egress::client_builder().build().expect("client");
    let tasks: Vec<_> = (0..streams)
        .map(|_| {
            tokio::spawn(follow(
                client.clone(),
                format!("{base}/attempts/{id}/events"),
                cookie.clone(),
            ))
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap_or_default());
    }
    handle.wait().await;
    let starts = step_starts(&daemon.app, id).await;
    // Step 1 is the lead; steps from 2 on started while every stream was open.
    let mut latencies = Vec::new();
    let mut complete = 0;
    for seen in &results {
        let mut all = true;
        for (step, started) in starts.iter().filter(|(s, _)| s.as_str() != "1") {
            match seen.get(step) {
                Some(arrived) => latencies.push(arrived - started),
                None => all = false,
            }
        }
        complete += usize::from(all);
    }
    (complete, percentiles(latencies))
}

fn sqlite_config(dir: &std::path::Path) -> Config {
    let mut config = Config::default();
    config.database.url = format!("sqlite://{}", dir.join("bench.db").display());
    config.progress.sinks = vec![
        "json_column".to_string(),
        "step_table".to_string(),
        "live".to_string(),
    ];
    config
}

async fn postgres_config(admin_url: &str) -> Config {
    let url = common::fresh_postgres_database(admin_url, "ragtime_bench_admin").await;
    let mut config = Config::default();
    config.database.url = url;
    config.progress.sinks = vec![
        "json_column".to_string(),
        "step_table".to_string(),
        "live".to_string(),
        "notify".to_string(),
    ];
    config
}

fn pages_arg() -> Option<Vec<usize>> {
    let args: Vec<String> = std::env::args().collect();
    let list = args
        .iter()
        .position(|a| a == "--pages")
        .and_then(|i| args.get(i + 1))?;
    Some(
        list.split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("--pages takes counts like 1000,4000")
            })
            .collect(),
    )
}

#[tokio::main]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let dir = tempfile::tempdir().expect("tempdir");
    let one = daemon(sqlite_config(dir.path())).await;
    page_latency("same process, SQLite", &one.app, &one, 40).await;

    if let Ok(url) = std::env::var("RAGTIME_TEST_POSTGRES_URL") {
        let config = postgres_config(&url).await;
        let a = daemon(config.clone()).await;
        let b = App::open(config).await.expect("daemon B");
        page_latency(
            "two daemons, PostgreSQL (page on A, attempt on B)",
            &b,
            &a,
            40,
        )
        .await;
        b.close(Duration::from_secs(5)).await.ok();
        a.app.close(Duration::from_secs(5)).await.ok();
    } else {
        println!("two daemons: skipped (set RAGTIME_TEST_POSTGRES_URL)");
    }

    // `--pages 4000,8000` measures other counts; each page holds two sockets here.
    let counts: Vec<usize> = match pages_arg() {
        Some(counts) => counts,
        None if quick => vec![1, 100, 500],
        None => vec![1, 10, 100, 250, 500, 1000, 2000, 2500, 4000],
    };
    for streams in counts {
        let (complete, figures) = fan_out(&one, streams).await;
        println!(
            "{streams:>5} open live pages on one daemon ({complete} saw every step): call start -> step at each page: {figures}"
        );
    }
    one.app.close(Duration::from_secs(5)).await.ok();
}
