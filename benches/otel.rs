//! What the `otel` sink costs; prints figures and asserts nothing.
//!
//! `cargo bench --bench otel` (add `-- --quick` for a smaller run):
//!
//! 1. events per second through the `otel` sink into a real OTLP/HTTP receiver on
//!    loopback (protobuf decoded), from publish to the last span received;
//! 2. the wall time of whole attempts (20 echo calls each, 8 at once, SQLite) with
//!    the default sinks and with `otel` added, alternating A B A B, and the ratio.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::{
    AttemptId, Decision, EventKind, ProgressEvent, QueueSettings, RuntimeSettings, SinkSpec,
    StepOutcome, ToolCallFinished, ToolRegistry, TraceId,
};
use ragtime_otel::{OtelSink, OtelSinkConfig};
use ragtime_testkit::otlp::OtlpReceiver;
use ragtime_testkit::{EchoTool, ScriptedPlanner};
use serde_json::json;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

async fn events_per_second(events: u32) {
    let receiver = OtlpReceiver::start().await.expect("receiver");
    let config = OtelSinkConfig {
        endpoint: receiver.endpoint(),
        ..OtelSinkConfig::default()
    };
    let sink = Arc::new(
        OtelSink::new(
            &config,
            ragtime_egress::client_builder().build().expect("client"),
        )
        .expect("sink"),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ragtime_store::Store::open(&ragtime_store::DatabaseSettings {
        url: format!("sqlite://{}", dir.path().join("bench.db").display()),
        ..ragtime_store::DatabaseSettings::default()
    })
    .await
    .expect("store");
    let runtime = ragtime_core::Runtime::start(
        RuntimeSettings::default(),
        vec![SinkSpec {
            sink,
            queue: QueueSettings {
                capacity: usize::try_from(events).unwrap_or(usize::MAX) + 1,
                ..config.queue.clone()
            },
        }],
        Arc::new(store),
    )
    .await
    .expect("runtime");
    let started = Instant::now();
    for n in 0..events {
        // 100 calls per attempt, each attempt its own trace.
        let attempt = i64::from(n / 100);
        let mut trace = [0u8; 16];
        trace[..8].copy_from_slice(&(attempt + 1).to_be_bytes());
        runtime
            .publish(ProgressEvent {
                attempt_id: AttemptId(attempt),
                trace_id: TraceId(trace),
                at: Utc::now(),
                texts_cut: false,
                kind: EventKind::ToolCallFinished(ToolCallFinished {
                    step: n % 100 + 1,
                    tool: "click_element".into(),
                    args: json!({"selector": "button:has-text('Mehr Informationen')"}),
                    started_at: Utc::now(),
                    outcome: StepOutcome::Timeout,
                    duration_ms: 30_000,
                    output: "no answer within the tool deadline of 30s".into(),
                    usage: None,
                }),
            })
            .expect("publish");
    }
    runtime
        .flush(Duration::from_secs(300))
        .await
        .expect("flush");
    let elapsed = started.elapsed().as_secs_f64();
    let received = receiver.spans().len();
    println!(
        "otel: {events} tool_call_finished events -> {received} spans received over OTLP/HTTP in {:.2} s: {:.0} events/s ({} export requests)",
        elapsed,
        f64::from(events) / elapsed,
        receiver.requests()
    );
    runtime.shutdown(Duration::from_secs(5)).await.ok();
}

async fn attempts_wall_time(app: &App, attempts: usize, calls: usize) -> f64 {
    let script: Vec<Decision> = (0..calls)
        .map(|i| Decision::call("echo", json!({"text": format!("call {i}")})))
        .chain([Decision::resolve("done", None)])
        .collect();
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..attempts {
        let request = AttemptRequest {
            episode_url: "http://127.0.0.1/bench".into(),
            strategy: "agent".into(),
            ..Default::default()
        };
        handles.push(
            app.start_attempt(
                request,
                Arc::new(ScriptedPlanner::new(script.clone())),
                Arc::new(ToolRegistry::new().with(EchoTool::default())),
            )
            .await
            .expect("start"),
        );
    }
    for handle in handles {
        handle.wait().await;
    }
    app.runtime
        .flush(Duration::from_secs(60))
        .await
        .expect("flush");
    started.elapsed().as_secs_f64() * 1000.0
}

async fn with_and_without(rounds: usize) {
    let receiver = OtlpReceiver::start().await.expect("receiver");
    let dir = tempfile::tempdir().expect("tempdir");
    let open = |name: &str, otel: bool| {
        let mut config = ragtime::Config::default();
        config.database.url = format!("sqlite://{}", dir.path().join(name).display());
        if otel {
            config.progress.sinks.push("otel".to_string());
            config
                .progress
                .set_options(
                    "otel",
                    &OtelSinkConfig {
                        endpoint: receiver.endpoint(),
                        ..OtelSinkConfig::default()
                    },
                )
                .expect("otel table");
        }
        App::open(config)
    };
    let without = open("without.db", false).await.expect("app");
    let with = open("with.db", true).await.expect("app");
    let (attempts, calls) = (8, 20);
    // One warm-up each, then A B A B.
    attempts_wall_time(&without, attempts, calls).await;
    attempts_wall_time(&with, attempts, calls).await;
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        a.push(attempts_wall_time(&without, attempts, calls).await);
        b.push(attempts_wall_time(&with, attempts, calls).await);
    }
    let (a, b) = (median(a), median(b));
    println!(
        "attempts: {attempts} at once x {calls} echo calls, median of {rounds} alternating runs: default sinks {a:.0} ms, with otel {b:.0} ms, ratio {:.3} ({} spans received)",
        b / a,
        receiver.spans().len()
    );
    without.close(Duration::from_secs(5)).await.ok();
    with.close(Duration::from_secs(5)).await.ok();
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    events_per_second(if quick { 20_000 } else { 100_000 }).await;
    with_and_without(if quick { 5 } else { 15 }).await;
}
