//! The `otel` sink end to end: attempts run by the app reach a real OTLP/HTTP
//! receiver on loopback as one trace each, and a collector that is away for a while
//! loses nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use ragtime::App;
use ragtime_core::{AttemptStatus, Decision, QueueSettings, RuntimeSettings, ToolRegistry};
use ragtime_otel::OtelSinkConfig;
use ragtime_otel::spans::ROOT_SPAN;
use ragtime_testkit::otlp::{OtlpReceiver, ReceivedSpan};
use ragtime_testkit::{EchoTool, FailTool, GateTool, ScreenshotTool, SleepTool};
use serde_json::json;

use crate::common::{TestDb, eventually, sink_stats, start_scripted_with, wait_for_steps};

/// An app on `db` whose sinks include `otel`, sending to `receiver`, retrying fast.
async fn app_sending_to(db: &TestDb, receiver: &OtlpReceiver) -> App {
    let mut config = db.config(RuntimeSettings::default());
    config.progress.sinks.push("otel".to_string());
    let otel = OtelSinkConfig {
        endpoint: receiver.endpoint(),
        queue: QueueSettings {
            retry_initial: Duration::from_millis(50),
            retry_max: Duration::from_millis(400),
            ..OtelSinkConfig::default().queue
        },
        ..OtelSinkConfig::default()
    };
    config
        .progress
        .set_options("otel", &otel)
        .expect("the otel table");
    App::open(config).await.expect("open")
}

/// The `otel` sink wrote every event it was offered: none dropped, failed or left.
fn assert_lost_nothing(app: &App) {
    let otel = sink_stats(app, "otel");
    assert_eq!(
        (otel.dropped, otel.failed, otel.pending),
        (0, 0, 0),
        "{otel:?}"
    );
}

/// The spans of one trace, by span id; fails on a span received twice.
fn trace_of(spans: &[ReceivedSpan], trace_id: &str) -> BTreeMap<String, ReceivedSpan> {
    let mut by_id = BTreeMap::new();
    for span in spans.iter().filter(|s| s.trace_id == trace_id) {
        let again = by_id.insert(span.span_id.clone(), span.clone());
        assert!(
            again.is_none(),
            "span {} arrived twice: {span:?}",
            span.name
        );
    }
    by_id
}

/// Checks a trace against the attempt's rows: one root, one child per step with the
/// step's tool, outcome and duration, each a child of the root.
async fn assert_trace_matches_rows(
    app: &App,
    attempt: ragtime_core::AttemptId,
    spans: &[ReceivedSpan],
) {
    let record = app
        .store
        .attempt(attempt)
        .await
        .expect("load")
        .expect("attempt");
    let trace_id = record
        .trace_id
        .expect("the row names its trace")
        .to_string();
    let trace = trace_of(spans, &trace_id);
    let roots: Vec<&ReceivedSpan> = trace
        .values()
        .filter(|s| s.parent_span_id.is_empty())
        .collect();
    assert_eq!(roots.len(), 1, "one root: {trace:?}");
    let root = roots[0];
    assert_eq!(root.name, ROOT_SPAN);
    assert_eq!(root.service_name, "ragtime");
    assert_eq!(
        root.attribute("ragtime.attempt.id"),
        Some(attempt.to_string().as_str())
    );
    assert_eq!(
        root.attribute("ragtime.status"),
        Some(record.status.as_str())
    );
    let steps = app.store.rows().steps(attempt).await.expect("steps");
    let children: BTreeMap<i32, &ReceivedSpan> = trace
        .values()
        .filter(|s| !s.parent_span_id.is_empty())
        .map(|s| {
            assert_eq!(
                s.parent_span_id, root.span_id,
                "{} hangs under the root",
                s.name
            );
            let step = s
                .attribute("ragtime.step")
                .expect("step")
                .parse()
                .expect("number");
            (step, s)
        })
        .collect();
    assert_eq!(
        children.len(),
        steps.len(),
        "one span per step: {children:?}"
    );
    for row in &steps {
        let span = children[&row.step_number];
        assert_eq!(span.name, format!("execute_tool {}", row.tool_name));
        assert_eq!(
            span.attribute("gen_ai.operation.name"),
            Some("execute_tool")
        );
        assert_eq!(
            span.attribute("gen_ai.tool.name"),
            Some(row.tool_name.as_str())
        );
        assert_eq!(
            span.attribute("ragtime.outcome"),
            Some(row.outcome.as_str())
        );
        assert_eq!(
            Some(i64::try_from(span.duration_ms()).expect("ms")),
            row.duration_ms
        );
        assert!(
            span.start_unix_nano >= root.start_unix_nano
                && span.end_unix_nano <= root.end_unix_nano + 1_000_000
        );
        let error = matches!(
            row.outcome.as_str(),
            "error" | "timeout" | "crashed" | "blocked"
        );
        assert_eq!(span.status_code == 2, error, "{span:?}");
    }
}

/// Two attempts, two traces: every call a child span of its attempt's root with the
/// rows' tool, outcome and duration; arguments as redacted before any sink; a
/// screenshot as an event of its call; the trace id the one on the attempt's row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_attempt_is_one_trace_with_a_span_per_call() {
    let receiver = OtlpReceiver::start().await.expect("receiver");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let app = app_sending_to(&db, &receiver).await;
    let tools = || {
        ToolRegistry::new()
            .with(EchoTool::default())
            .with(SleepTool::default())
            .with(FailTool::default())
            .with(ScreenshotTool::default())
    };
    let script = || {
        vec![
            Decision::call(
                "echo",
                json!({"text": "hello", "api_key": "sk-live-123456"}),
            ),
            Decision::call("sleep", json!({"ms": 30})),
            Decision::call("fail", json!({"message": "no such button"})),
            Decision::call("screenshot", json!({})),
            Decision::resolve("found it", None),
        ]
    };
    let mut attempts = Vec::new();
    for path in ["/one", "/two"] {
        attempts.push(start_scripted_with(&app, path, script(), tools()).await);
    }
    let mut ids = Vec::new();
    for handle in attempts {
        let report = handle.wait().await;
        assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
        ids.push(report.attempt_id);
    }
    app.runtime
        .flush(Duration::from_secs(30))
        .await
        .expect("flush");
    let spans = receiver.spans();
    let traces: BTreeSet<&str> = spans.iter().map(|s| s.trace_id.as_str()).collect();
    assert_eq!(traces.len(), 2, "one trace per attempt");
    for id in &ids {
        assert_trace_matches_rows(&app, *id, &spans).await;
    }
    let echo = spans
        .iter()
        .find(|s| s.name == "execute_tool echo")
        .expect("echo span");
    let args = echo
        .attribute("gen_ai.tool.call.arguments")
        .unwrap_or_default();
    assert!(
        !args.contains("sk-live-123456") && args.contains("[REDACTED]"),
        "{args}"
    );
    let shot = spans
        .iter()
        .find(|s| s.name == "execute_tool screenshot")
        .expect("shot");
    assert!(
        shot.events.iter().any(
            |(name, attrs)| name == "screenshot" && attrs.contains_key("ragtime.screenshot.id")
        ),
        "{shot:?}"
    );
    let root = spans.iter().find(|s| s.name == ROOT_SPAN).expect("root");
    assert!(
        root.attribute("url.full")
            .is_some_and(|u| u.starts_with("http://127.0.0.1/")),
        "{root:?}"
    );
    assert_lost_nothing(&app);
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

/// The collector goes away after the first call and comes back while the sink is
/// retrying: the attempt never waits for it, and afterwards every span has arrived,
/// once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_collector_away_mid_attempt_gets_every_span_once_it_is_back() {
    let mut receiver = OtlpReceiver::start().await.expect("receiver");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let app = app_sending_to(&db, &receiver).await;
    let (gate_tool, gate) = GateTool::new();
    let tools = ToolRegistry::new()
        .with(EchoTool::default())
        .with(gate_tool);
    let script = vec![
        Decision::call("echo", json!({"text": "before"})),
        Decision::call("gate", json!({})),
        Decision::call("echo", json!({"text": "while away"})),
        Decision::call("echo", json!({"text": "still away"})),
        Decision::escalate("nothing found"),
    ];
    let handle = start_scripted_with(&app, "/away", script, tools).await;
    let attempt = handle.attempt_id;
    eventually(
        Duration::from_secs(30),
        "the first call's span",
        async || {
            receiver
                .spans()
                .iter()
                .any(|s| s.name == "execute_tool echo")
                .then_some(())
        },
    )
    .await;
    wait_for_steps(&app.store, attempt, 2).await;
    receiver.stop();
    let away = Instant::now();
    gate.open();
    // The attempt ends while the collector is away: the sink never holds it up.
    let report = tokio::time::timeout(Duration::from_secs(60), handle.wait())
        .await
        .expect("the attempt ends without the collector");
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    let otel_retries = || sink_stats(&app, "otel").retries;
    eventually(
        Duration::from_secs(30),
        "the sink to retry while away",
        async || (otel_retries() >= 4).then_some(()),
    )
    .await;
    receiver.restart().await.expect("the receiver comes back");
    println!(
        "collector away for {:?}, {} retries",
        away.elapsed(),
        otel_retries()
    );
    app.runtime
        .flush(Duration::from_secs(30))
        .await
        .expect("flush");
    assert_trace_matches_rows(&app, attempt, &receiver.spans()).await;
    assert_eq!(
        receiver.spans().len(),
        5,
        "four calls and the root, once each"
    );
    assert_lost_nothing(&app);
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}
