//! `[metrics] listen`: `/metrics` parsed after a scripted run agrees with the rows.
//!
//! Its own test binary: the Prometheus recorder is one per process, so no other
//! test's attempts may be counted in it.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests fail loudly by design: a panic in a helper is a failed test"
)]

#[allow(
    dead_code,
    reason = "shared with the runtime tests; this binary uses a part"
)]
#[path = "runtime/common.rs"]
mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use common::TestDb;
use ragtime::App;
use ragtime::admin::MetricsServer;
use ragtime_core::{AttemptStatus, Decision, RuntimeSettings, ToolRegistry};
use ragtime_store::AttemptFilter;
use ragtime_testkit::{EchoTool, FailTool, SleepTool};
use serde_json::json;

/// One sample of the exposition: its name, its labels, its value.
type Sample = (String, BTreeMap<String, String>, f64);

/// Reads the Prometheus text format: comments skipped, `name{k="v",...} value`.
fn parse(text: &str) -> Vec<Sample> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').expect("a sample has a value");
            let value: f64 = value.parse().expect("a sample's value is a number");
            let (name, labels) = match series.split_once('{') {
                Some((name, rest)) => {
                    let labels = rest
                        .trim_end_matches('}')
                        .split("\",")
                        .filter(|pair| !pair.is_empty())
                        .map(|pair| {
                            let (key, value) = pair.split_once("=\"").expect("label=\"value\"");
                            (key.to_string(), value.trim_end_matches('"').to_string())
                        })
                        .collect();
                    (name.to_string(), labels)
                }
                None => (series.to_string(), BTreeMap::new()),
            };
            (name, labels, value)
        })
        .collect()
}

/// GETs `/metrics` from `addr`.
async fn scrape(addr: std::net::SocketAddr) -> reqwest::Result<reqwest::Response> {
    ragtime_egress::client_builder()
        .build()?
        .get(format!("http://{addr}/metrics"))
        .send()
        .await
}

/// The value of `name` with exactly these labels, if exposed.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let wanted: BTreeMap<String, String> = labels
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect();
    samples
        .iter()
        .find(|(n, l, _)| n == name && *l == wanted)
        .map(|(_, _, v)| *v)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_after_a_scripted_run_match_the_rows() {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_millis(300),
        ..RuntimeSettings::default()
    });
    let app = Arc::new(App::open(config).await.expect("open"));
    let server = MetricsServer::start("127.0.0.1:0", Arc::clone(&app))
        .await
        .expect("metrics server");
    for n in 1..=3 {
        app.store
            .submit(&format!("http://127.0.0.1/episode/{n}"))
            .await
            .expect("submit");
    }

    let tools = || {
        ToolRegistry::new()
            .with(EchoTool::default())
            .with(FailTool::default())
            .with(SleepTool::default())
    };
    let scripts = [
        vec![
            Decision::call("echo", json!({"text": "one"})),
            Decision::call("echo", json!({"text": "two"})),
            Decision::resolve("found it", Some("http://127.0.0.1/a.mp3".into())),
        ],
        vec![
            Decision::call("echo", json!({"text": "one"})),
            Decision::call("fail", json!({})),
            Decision::escalate("nothing here"),
        ],
        vec![
            Decision::call("sleep", json!({"ms": 60_000})),
            Decision::escalate("too slow"),
        ],
    ];
    for (n, script) in scripts.into_iter().enumerate() {
        let handle =
            common::start_scripted_with(&app, &format!("/metrics/{n}"), script, tools()).await;
        handle.wait().await;
    }
    // A request the egress rules refuse (a loopback address not allowed stands in
    // for an internal host) is counted once; then one browser launch.
    let refusals = || async {
        let text = scrape(server.addr)
            .await
            .expect("scrape")
            .text()
            .await
            .expect("body");
        value(&parse(&text), "ragtime_egress_refusals_total", &[]).unwrap_or(0.0)
    };
    let refusals_before = refusals().await;
    let refused = app
        .fetcher()
        .get(
            &url::Url::parse("http://127.0.0.2:9/").expect("url"),
            None,
            ragtime_egress::FetchLimits {
                deadline: Duration::from_secs(5),
                min_rate: 0,
                rate_window: Duration::from_secs(1),
                max_bytes: 1024,
            },
        )
        .await;
    assert!(
        matches!(refused, Err(ragtime_egress::FetchError::Blocked(_))),
        "{:?}",
        refused.err()
    );
    assert_eq!(refusals().await, refusals_before + 1.0);
    let browser = app.browser().open_context().await.expect("browser");
    browser.close().await;
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("sinks flushed");

    let text = scrape(server.addr)
        .await
        .expect("scrape")
        .text()
        .await
        .expect("body");
    println!("{text}");
    let samples = parse(&text);
    let metric = |name: &str, labels: &[(&str, &str)]| value(&samples, name, labels);

    let attempts = app
        .store
        .attempts(&AttemptFilter::default())
        .await
        .expect("attempts");
    assert_eq!(attempts.len(), 3);
    assert_eq!(
        metric("ragtime_attempts_started_total", &[("strategy", "agent")]),
        Some(3.0)
    );
    for status in AttemptStatus::ALL {
        let rows = attempts.iter().filter(|a| a.status == status).count();
        let counted = metric(
            "ragtime_attempts_finished_total",
            &[("status", status.as_str())],
        );
        if rows == 0 {
            assert_eq!(counted, None, "{status:?}");
        } else {
            #[allow(clippy::cast_precision_loss, reason = "a handful of rows")]
            let rows = rows as f64;
            assert_eq!(counted, Some(rows), "{status:?}");
        }
    }

    // Every step row is one observation of the duration histogram, under its tool
    // and outcome.
    let mut steps: BTreeMap<(String, String), f64> = BTreeMap::new();
    for attempt in &attempts {
        for step in app.store.steps(attempt.id).await.expect("steps") {
            *steps
                .entry((step.tool.clone(), step.outcome.as_str().to_string()))
                .or_default() += 1.0;
        }
    }
    assert!(steps.contains_key(&("fail".to_string(), "error".to_string())));
    assert!(steps.contains_key(&("sleep".to_string(), "timeout".to_string())));
    for ((tool, outcome), n) in &steps {
        assert_eq!(
            metric(
                "ragtime_tool_call_duration_seconds_count",
                &[("tool", tool), ("outcome", outcome)]
            ),
            Some(*n),
            "{tool} {outcome}"
        );
    }
    let observed: f64 = samples
        .iter()
        .filter(|(n, _, _)| n == "ragtime_tool_call_duration_seconds_count")
        .map(|(_, _, v)| v)
        .sum();
    assert_eq!(observed, steps.values().sum::<f64>());
    assert_eq!(metric("ragtime_steps_in_flight", &[]), Some(0.0));

    for (status, n) in app.store.episode_counts().await.expect("counts") {
        #[allow(clippy::cast_precision_loss, reason = "a handful of rows")]
        let n = n as f64;
        assert_eq!(
            metric("ragtime_episodes", &[("status", status.as_str())]),
            Some(n),
            "{status:?}"
        );
    }
    let episodes: f64 = samples
        .iter()
        .filter(|(n, _, _)| n == "ragtime_episodes")
        .map(|(_, _, v)| v)
        .sum();
    #[allow(clippy::cast_precision_loss, reason = "a handful of rows")]
    let rows = app.store.episodes().await.expect("episodes").len() as f64;
    assert!(rows >= 3.0);
    assert_eq!(episodes, rows);

    for sink in app.runtime.sink_stats() {
        assert_eq!(
            metric("ragtime_sink_queue_depth", &[("sink", &sink.name)]),
            Some(0.0),
            "{}",
            sink.name
        );
        assert!(
            metric("ragtime_sink_batches_total", &[("sink", &sink.name)]).unwrap_or(0.0) >= 1.0,
            "{} wrote batches",
            sink.name
        );
        assert!(
            metric(
                "ragtime_sink_write_duration_seconds_count",
                &[("sink", &sink.name)]
            )
            .unwrap_or(0.0)
                >= 1.0,
            "{} writes timed",
            sink.name
        );
        assert_eq!(
            metric("ragtime_sink_dropped_events_total", &[("sink", &sink.name)]),
            None
        );
    }
    assert_eq!(
        metric("ragtime_browser_launches_total", &[("kind", "launch")]),
        Some(1.0)
    );

    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}
