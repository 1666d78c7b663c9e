//! The shared sink conformance test, run against every sink, plus the promises the
//! database sinks make in a live attempt: visible while running, concurrent writers
//! lose nothing, and secrets never arrive.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::{
    AttemptFinished, AttemptStarted, AttemptStatus, Decision, EventKind, LiveFeed, LiveSink,
    LogSink, PlannerNote, ProgressEvent, RuntimeSettings, ScreenshotTaken, Sink, StepOutcome,
    ToolCallFinished, ToolCallStarted, ToolRegistry,
};
use ragtime_store::{JsonColumnSink, NewAttempt, NotifySink, StepTableSink, Store};
use ragtime_testkit::{EchoTool, ScriptedPlanner, SleepTool};
use serde_json::{Value, json};

use crate::common::{Backend, TestDb, eventually};

/// (step, tool, outcome) as a sink made it visible.
type Seen = Vec<(u32, String, String)>;

fn event(attempt: ragtime_core::AttemptId, kind: EventKind) -> Arc<ProgressEvent> {
    Arc::new(ProgressEvent {
        texts_cut: false,
        trace_id: ragtime_core::TraceId::default(),
        attempt_id: attempt,
        at: Utc::now(),
        kind,
    })
}

fn started(attempt: ragtime_core::AttemptId, step: u32, tool: &str) -> Arc<ProgressEvent> {
    event(
        attempt,
        EventKind::ToolCallStarted(ToolCallStarted {
            step,
            tool: tool.into(),
            args: json!({"n": step}),
        }),
    )
}

fn finished(
    attempt: ragtime_core::AttemptId,
    step: u32,
    tool: &str,
    outcome: StepOutcome,
) -> Arc<ProgressEvent> {
    event(
        attempt,
        EventKind::ToolCallFinished(ToolCallFinished {
            step,
            tool: tool.into(),
            args: json!({"n": step}),
            started_at: Utc::now(),
            outcome,
            duration_ms: 10 * u64::from(step),
            output: format!("output of {step}"),
            usage: None,
        }),
    )
}

/// How a sink's output is read back.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Output {
    /// One record per step (`json_column`, `step_table`): `seen` reads the view as it
    /// is now.
    Rows,
    /// A stream (`live`, `log`, `notify`): `seen` returns every record emitted so far,
    /// in order, never merged; a reader folds them by step.
    Stream,
    /// Spans (`otel`): a call is sent once it has ended (a span has no "running"
    /// state), and a replay sends the same spans, under the same ids, again; `seen`
    /// keeps one record per span id, by step.
    Spans,
    /// A notice when the attempt ends (`webhook`): nothing before the end, then one
    /// message whose steps are the attempt's last ones; a replay sends none again.
    /// `seen` returns the steps of every message received, in order.
    Notice,
}

/// Every sink must: accept every event kind; show a call when it starts and its end
/// when it finishes; write a finish whose start it never saw; and take a replayed
/// batch (a retry) without changing what a reader sees. For a row sink a replay
/// changes no row; a stream sink delivers the replayed events again, exactly as the
/// first time (the same steps, tools and outcomes, in the same order, nothing else),
/// so a reader folding by step ends where it was.
async fn conformance(
    sink: &dyn Sink,
    output: Output,
    attempt: ragtime_core::AttemptId,
    seen: impl AsyncFn(ragtime_core::AttemptId) -> Seen,
) {
    let name = sink.name();
    // For a stream: how many records earlier checks consumed.
    let mut read = 0;
    // For a notice: whether the attempt has ended yet.
    let ended = std::cell::Cell::new(false);
    let mut check = async |expected_rows: &Seen, expected_new: &[(u32, &str, &str)], what: &str| {
        let got = seen(attempt).await;
        match output {
            Output::Rows => assert_eq!(&got, expected_rows, "{name}: {what}"),
            Output::Stream => {
                let new: Seen = got[read.min(got.len())..].to_vec();
                let expected_new: Seen = expected_new
                    .iter()
                    .map(|(s, t, o)| (*s, t.to_string(), o.to_string()))
                    .collect();
                assert_eq!(new, expected_new, "{name}: {what}: the records emitted");
                assert_eq!(
                    &fold(got.clone()),
                    expected_rows,
                    "{name}: {what}: the stream folded by step"
                );
                read = got.len();
            }
            Output::Spans => {
                let ended: Seen = expected_rows
                    .iter()
                    .filter(|(_, _, outcome)| outcome != "running")
                    .cloned()
                    .collect();
                assert_eq!(got, ended, "{name}: {what}: the calls that ended");
            }
            Output::Notice if !ended.get() => {
                assert_eq!(got, Seen::new(), "{name}: {what}: nothing before the end");
            }
            Output::Notice => assert_eq!(&got, expected_rows, "{name}: {what}: one notice"),
        }
    };
    let all_kinds = vec![
        event(
            attempt,
            EventKind::AttemptStarted(AttemptStarted {
                strategy: "agent".into(),
                planner: "scripted".into(),
                episode_id: None,
                url: Some("http://127.0.0.1:9/episode?token=secret".into()),
            }),
        ),
        started(attempt, 1, "navigate_to_url"),
        finished(attempt, 1, "navigate_to_url", StepOutcome::Success),
        started(attempt, 2, "click_element"),
        event(
            attempt,
            EventKind::PlannerNote(PlannerNote {
                step: Some(2),
                note: "consent layer".into(),
            }),
        ),
        event(
            attempt,
            EventKind::ScreenshotTaken(ScreenshotTaken {
                step: 2,
                screenshot_id: 1,
                size_bytes: 68,
            }),
        ),
        finished(attempt, 2, "click_element", StepOutcome::Timeout),
        finished(attempt, 3, "find_audio_links", StepOutcome::Error),
    ];
    let emitted = [
        (1, "navigate_to_url", "running"),
        (1, "navigate_to_url", "success"),
        (2, "click_element", "running"),
        (2, "click_element", "timeout"),
        (3, "find_audio_links", "error"),
    ];
    sink.write_batch(&all_kinds)
        .await
        .expect("a batch of every kind is accepted");
    let expected: Seen = vec![
        (1, "navigate_to_url".into(), "success".into()),
        (2, "click_element".into(), "timeout".into()),
        (3, "find_audio_links".into(), "error".into()),
    ];
    check(&expected, &emitted, "after one batch").await;

    sink.write_batch(&all_kinds)
        .await
        .expect("a replayed batch is accepted");
    check(&expected, &emitted, "a replayed batch changes nothing").await;

    sink.write_batch(&[started(attempt, 4, "download_audio")])
        .await
        .expect("single event");
    let mut running = expected.clone();
    running.push((4, "download_audio".into(), "running".into()));
    check(
        &running,
        &[(4, "download_audio", "running")],
        "a started call is visible",
    )
    .await;

    let end = AttemptFinished {
        status: AttemptStatus::AwaitingHuman,
        success: false,
        message: "gave up".into(),
        steps: 4,
    };
    let last = [
        finished(attempt, 4, "download_audio", StepOutcome::Cancelled),
        event(attempt, EventKind::AttemptFinished(end)),
    ];
    sink.write_batch(&last).await.expect("finish");
    ended.set(true);
    running[3].2 = "cancelled".into();
    check(
        &running,
        &[(4, "download_audio", "cancelled")],
        "the started call is completed in place",
    )
    .await;
    sink.write_batch(&last)
        .await
        .expect("a replayed end is accepted");
    check(
        &running,
        &[(4, "download_audio", "cancelled")],
        "a replayed end changes nothing",
    )
    .await;
}

async fn new_attempt(store: &Store) -> ragtime_core::AttemptId {
    store
        .create_attempt(NewAttempt {
            strategy: "agent".into(),
            ..Default::default()
        })
        .await
        .expect("attempt row")
}

async fn seen_in_progress(store: &Store, attempt: ragtime_core::AttemptId) -> Seen {
    let row = store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    row.progress
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|e| {
                    let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                    (
                        u32::try_from(e["step"].as_u64().unwrap_or(0)).unwrap_or(u32::MAX),
                        text("tool"),
                        text("outcome"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn seen_in_steps(store: &Store, attempt: ragtime_core::AttemptId) -> Seen {
    let steps = store.rows().steps(attempt).await.expect("steps");
    steps
        .into_iter()
        .map(|s| (s.step_number as u32, s.tool_name, s.outcome))
        .collect()
}

async fn json_column_sink_conforms(backend: Backend) {
    let db = TestDb::new(backend).await;
    let attempt = new_attempt(&db.store).await;
    let store = db.store.clone();
    conformance(
        &JsonColumnSink::new(&db.store),
        Output::Rows,
        attempt,
        async |a| seen_in_progress(&store, a).await,
    )
    .await;
    db.cleanup().await;
}

async fn step_table_sink_conforms(backend: Backend) {
    let db = TestDb::new(backend).await;
    let attempt = new_attempt(&db.store).await;
    let store = db.store.clone();
    conformance(
        &StepTableSink::new(&db.store),
        Output::Rows,
        attempt,
        async |a| seen_in_steps(&store, a).await,
    )
    .await;
    let steps = db.store.rows().steps(attempt).await.expect("steps");
    assert_eq!(
        steps[1].note.as_deref(),
        Some("consent layer"),
        "planner notes land on their step"
    );
    db.cleanup().await;
}

/// Collects what the `log` sink printed, as JSON lines.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// Every (step, tool, outcome) logged for `attempt`, in the order logged.
    fn seen(&self, attempt: ragtime_core::AttemptId) -> Seen {
        let bytes = self.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut records = Vec::new();
        for line in String::from_utf8_lossy(&bytes).lines() {
            let Ok(record) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let fields = &record["fields"];
            if fields["attempt"].as_i64() != Some(attempt.get()) {
                continue;
            }
            let outcome = match fields["message"].as_str() {
                Some("tool call started") => "running".to_string(),
                Some("tool call finished") => {
                    fields["outcome"].as_str().unwrap_or_default().to_string()
                }
                _ => continue,
            };
            let step = u32::try_from(fields["step"].as_u64().unwrap_or(0)).unwrap_or(u32::MAX);
            let tool = fields["tool"].as_str().unwrap_or_default().to_string();
            records.push((step, tool, outcome));
        }
        records
    }
}

/// What a reader of a stream sink ends with: the last outcome of each step, by step,
/// from (step, tool, outcome) in the order the sink emitted them.
fn fold(records: Vec<(u32, String, String)>) -> Seen {
    let mut by_step = std::collections::BTreeMap::new();
    for (step, tool, outcome) in records {
        let entry = by_step.entry(step).or_insert((tool, outcome.clone()));
        // A replayed start after a finish does not undo the finish.
        if outcome != "running" {
            entry.1 = outcome;
        }
    }
    by_step
        .into_iter()
        .map(|(step, (tool, outcome))| (step, tool, outcome))
        .collect()
}

/// What a subscriber of a [`LiveFeed`] received, for the `live` and `notify` sinks.
struct FeedSeen {
    feed: tokio::sync::Mutex<tokio::sync::broadcast::Receiver<Arc<ProgressEvent>>>,
    records: tokio::sync::Mutex<Vec<(u32, String, String)>>,
    /// Sends the marker the same way the sink under test sends its events, so the
    /// marker's arrival means all that was sent before has arrived.
    marker: Arc<dyn Sink>,
    markers: std::sync::atomic::AtomicU32,
}

/// The attempt id of the markers: no real attempt has it.
const MARKER_ATTEMPT: ragtime_core::AttemptId = ragtime_core::AttemptId(i64::MIN);

impl FeedSeen {
    fn new(feed: &LiveFeed, marker: Arc<dyn Sink>) -> FeedSeen {
        FeedSeen {
            feed: tokio::sync::Mutex::new(feed.subscribe()),
            records: tokio::sync::Mutex::default(),
            marker,
            markers: std::sync::atomic::AtomicU32::new(0),
        }
    }

    /// Takes in what arrives up to a marker sent after it (NOTIFY is asynchronous; a
    /// quiet moment would only guess that delivery is complete) and returns every
    /// (step, tool, outcome) received for `attempt` so far, in order.
    async fn seen(&self, attempt: ragtime_core::AttemptId) -> Seen {
        let mut feed = self.feed.lock().await;
        let mut records = self.records.lock().await;
        let n = self
            .markers
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            + 1;
        self.marker
            .write_batch(&[started(MARKER_ATTEMPT, n, "marker")])
            .await
            .expect("marker sent");
        loop {
            let event = tokio::time::timeout(Duration::from_secs(30), feed.recv())
                .await
                .expect("the marker arrives")
                .expect("the subscriber keeps up");
            if event.attempt_id == MARKER_ATTEMPT {
                if matches!(&event.kind, EventKind::ToolCallStarted(c) if c.step == n) {
                    break;
                }
                continue;
            }
            if event.attempt_id != attempt {
                continue;
            }
            match &event.kind {
                EventKind::ToolCallStarted(c) => {
                    records.push((c.step, c.tool.clone(), "running".into()))
                }
                EventKind::ToolCallFinished(c) => {
                    records.push((c.step, c.tool.clone(), c.outcome.as_str().into()))
                }
                _ => {}
            }
        }
        records.clone()
    }
}

#[tokio::test]
async fn live_sink_conforms() {
    let feed = LiveFeed::new(64);
    let seen = FeedSeen::new(&feed, Arc::new(LiveSink::new(feed.clone())));
    conformance(
        &LiveSink::new(feed.clone()),
        Output::Stream,
        ragtime_core::AttemptId(42),
        async |a| seen.seen(a).await,
    )
    .await;
}

/// The `notify` sink, seen from the other end: another daemon's relay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notify_sink_conforms() {
    let db = TestDb::postgres().await;
    let attempt = new_attempt(&db.store).await;
    let feed = LiveFeed::new(64);
    let relay = db
        .store
        .relay_notifications("the other daemon", feed.clone())
        .await
        .expect("listen")
        .expect("PostgreSQL relays");
    let seen = FeedSeen::new(&feed, Arc::new(NotifySink::new(&db.store, "the marker")));
    conformance(
        &NotifySink::new(&db.store, "this daemon"),
        Output::Stream,
        attempt,
        async |a| seen.seen(a).await,
    )
    .await;
    // A daemon skips what it sent itself (its own `live` sink has published it):
    // of its own event and a later one from elsewhere, only the latter arrives.
    let after = FeedSeen::new(&feed, Arc::new(LiveSink::new(feed.clone())));
    NotifySink::new(&db.store, "the other daemon")
        .write_batch(&[started(attempt, 9, "own")])
        .await
        .expect("notify");
    NotifySink::new(&db.store, "a third daemon")
        .write_batch(&[started(attempt, 10, "marker")])
        .await
        .expect("notify");
    let mut feed_after = after.feed.lock().await;
    let first = tokio::time::timeout(Duration::from_secs(10), feed_after.recv())
        .await
        .expect("the marker arrives")
        .expect("received");
    assert!(
        matches!(&first.kind, EventKind::ToolCallStarted(c) if c.tool == "marker"),
        "{first:?}"
    );
    relay.abort();
    db.cleanup().await;
}

/// A notification is as untrusted as a web page: anyone who can reach the database can
/// send one. What is not an event is dropped without stopping the relay; an event
/// with markup arrives as data, its text unchanged, for the pages to escape.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_notifications_are_dropped_or_carried_as_data() {
    use sea_orm::{ConnectionTrait, Database, Statement};
    let db = TestDb::postgres().await;
    let attempt = new_attempt(&db.store).await;
    let feed = LiveFeed::new(64);
    let mut received = feed.subscribe();
    let relay = db
        .store
        .relay_notifications("this daemon", feed.clone())
        .await
        .expect("listen")
        .expect("PostgreSQL relays");
    let markup = "<script>window.__owned = 1</script>";
    let hostile = serde_json::to_string(&ragtime_store::sinks::notify::Notified {
        origin: "someone".into(),
        event: (*started(attempt, 1, markup)).clone(),
    })
    .expect("json");
    let marker = serde_json::to_string(&ragtime_store::sinks::notify::Notified {
        origin: "someone".into(),
        event: (*started(attempt, 2, "marker")).clone(),
    })
    .expect("json");
    let payloads = [
        "not json".to_string(),
        "{}".to_string(),
        r#"{"origin": "someone", "event": {"attempt_id": "DROP TABLE"}}"#.to_string(),
        format!(
            "{{\"origin\": \"someone\", \"event\": {}}}",
            "[".repeat(4000)
        ),
        "x".repeat(7900),
        hostile,
        marker,
    ];
    let sender = Database::connect(db.settings.url.as_str())
        .await
        .expect("connect");
    for payload in payloads {
        sender
            .execute_raw(Statement::from_sql_and_values(
                sea_orm::DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [
                    ragtime_store::sinks::notify::PROGRESS_CHANNEL.into(),
                    payload.into(),
                ],
            ))
            .await
            .expect("notify");
    }
    let mut tools = Vec::new();
    while tools.last().map(String::as_str) != Some("marker") {
        let event = tokio::time::timeout(Duration::from_secs(10), received.recv())
            .await
            .expect("the relay still delivers after the junk")
            .expect("received");
        if let EventKind::ToolCallStarted(call) = &event.kind {
            tools.push(call.tool.clone());
        }
    }
    assert_eq!(
        tools,
        [markup, "marker"],
        "junk dropped, markup carried as text"
    );
    assert!(!relay.is_finished(), "the relay outlives what it was sent");
    relay.abort();
    sender.close().await.ok();
    db.cleanup().await;
}

/// The `webhook` sink, seen from a real HTTP receiver on loopback.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_sink_conforms() {
    use ragtime_ingest::webhook::{WebhookSink, WebhookSinkConfig};
    let receiver = ragtime_testkit::receiver::PostReceiver::start("/hook", "application/json")
        .await
        .expect("receiver");
    let sink = WebhookSink::new(WebhookSinkConfig {
        url: receiver.url(),
        allow_hosts: vec!["127.0.0.1".into()],
        ..WebhookSinkConfig::default()
    })
    .expect("webhook sink");
    conformance(
        &sink,
        Output::Notice,
        ragtime_core::AttemptId(7),
        async |_| {
            let mut seen = Seen::new();
            for post in receiver.posts() {
                let message: serde_json::Value =
                    serde_json::from_slice(&post.body).expect("a JSON message");
                for step in message["steps"].as_array().into_iter().flatten() {
                    let text = |k: &str| step[k].as_str().unwrap_or_default().to_string();
                    seen.push((
                        u32::try_from(step["step"].as_u64().unwrap_or(0)).unwrap_or(u32::MAX),
                        text("tool"),
                        text("outcome"),
                    ));
                }
            }
            seen
        },
    )
    .await;
}

/// The `otel` sink, seen from a real OTLP/HTTP receiver on loopback.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn otel_sink_conforms() {
    let receiver = ragtime_testkit::otlp::OtlpReceiver::start()
        .await
        .expect("receiver");
    let config = ragtime_otel::OtelSinkConfig {
        endpoint: receiver.endpoint(),
        ..Default::default()
    };
    let sink = ragtime_otel::OtelSink::new(
        &config,
        ragtime_egress::client_builder().build().expect("client"),
    )
    .expect("otel sink");
    conformance(
        &sink,
        Output::Spans,
        ragtime_core::AttemptId(42),
        async |_| {
            let mut by_span = std::collections::BTreeMap::new();
            for span in receiver.spans() {
                if let Some(step) = span.attribute("ragtime.step") {
                    let step: u32 = step.parse().expect("a step number");
                    let record = (
                        step,
                        span.attribute("gen_ai.tool.name")
                            .unwrap_or_default()
                            .to_string(),
                        span.attribute("ragtime.outcome")
                            .unwrap_or_default()
                            .to_string(),
                    );
                    by_span.insert(span.span_id.clone(), record);
                }
            }
            let mut seen: Seen = by_span.into_values().collect();
            seen.sort();
            seen
        },
    )
    .await;
    let roots: Vec<_> = receiver
        .spans()
        .into_iter()
        .filter(|s| s.name == ragtime_otel::spans::ROOT_SPAN)
        .collect();
    // The conformance run replays the end once: the same root span, under its id.
    let ids: std::collections::BTreeSet<_> = roots.iter().map(|s| s.span_id.clone()).collect();
    assert_eq!(ids.len(), 1, "the attempt has one root span: {roots:?}");
    assert_eq!(roots[0].attribute("ragtime.status"), Some("awaiting_human"));
    assert_eq!(receiver.refused(), 0, "every body is OTLP protobuf");
}

#[tokio::test]
async fn log_sink_conforms() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    conformance(
        &LogSink,
        Output::Stream,
        ragtime_core::AttemptId(42),
        async |a| captured.seen(a),
    )
    .await;
}

async fn concurrent_json_writers_lose_nothing(backend: Backend) {
    let db = TestDb::new(backend).await;
    let attempt = new_attempt(&db.store).await;
    let writers = 8u32;
    let per_writer = 10u32;
    let mut tasks = tokio::task::JoinSet::new();
    for w in 0..writers {
        let sink = JsonColumnSink::new(&db.store);
        tasks.spawn(async move {
            for i in 0..per_writer {
                let step = w * per_writer + i + 1;
                sink.write_batch(&[started(attempt, step, "echo")]).await?;
                sink.write_batch(&[finished(attempt, step, "echo", StepOutcome::Success)])
                    .await?;
            }
            Ok::<(), ragtime_core::SinkError>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("writer task").expect("writes succeed");
    }
    let mut seen = seen_in_progress(&db.store, attempt).await;
    seen.sort();
    let expected: Seen = (1..=writers * per_writer)
        .map(|s| (s, "echo".into(), "success".into()))
        .collect();
    assert_eq!(seen, expected);
    db.cleanup().await;
}

/// The process-wide log, JSON lines: the `log` sink writes from the runtime's actor
/// threads, which a thread-local subscriber would not see.
fn global_log() -> &'static Captured {
    static LOG: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    LOG.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_writer(move || writer.clone())
            .finish();
        // Nothing else in this test binary sets the global subscriber; the check
        // below that the log saw the call keeps this from passing vacuously.
        let _ = tracing::subscriber::set_global_default(subscriber);
        captured
    })
}

/// Every event of `attempt` that arrives on `feed` up to and including the start of
/// step `until`, as JSON text.
async fn feed_text_until(
    feed: &mut tokio::sync::broadcast::Receiver<Arc<ProgressEvent>>,
    attempt: ragtime_core::AttemptId,
    until: u32,
) -> String {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let event = tokio::time::timeout_at(deadline, feed.recv())
            .await
            .expect("the feed delivers the attempt's events")
            .expect("the subscriber keeps up");
        if event.attempt_id != attempt {
            continue;
        }
        text.push_str(&serde_json::to_string(&*event).expect("event as JSON"));
        if matches!(&event.kind, EventKind::ToolCallStarted(c) if c.step == until) {
            return text;
        }
    }
}

async fn a_call_is_visible_while_it_runs_and_secrets_never_land(backend: Backend) {
    let log = global_log();
    let db = TestDb::new(backend).await;
    let settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(60),
        ..RuntimeSettings::default()
    };
    let mut config = db.config(settings.clone());
    // Every sink this database can run: on PostgreSQL `notify` too, read by a second
    // daemon on the same database (a daemon skips its own notifications).
    let watcher = if backend == Backend::Postgres {
        config.progress.sinks.push("notify".to_string());
        let mut watching = db.config(settings);
        watching.progress.sinks = vec!["notify".to_string()];
        Some(App::open(watching).await.expect("second daemon"))
    } else {
        None
    };
    let app = App::open(config).await.expect("open");
    let mut live = app.live.subscribe();
    let mut notified = watcher.as_ref().map(|w| w.live.subscribe());
    let script = vec![
        Decision::call(
            "echo",
            json!({"url": "http://127.0.0.1/feed?api_key=sk-123&x=1", "authorization": "Bearer abcdef123", "text": "password=hunter2 ok"}),
        ),
        Decision::call("sleep", json!({"ms": 60_000})),
    ];
    let tools = ToolRegistry::new()
        .with(EchoTool::default())
        .with(SleepTool::default());
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/visible".into(),
        strategy: "agent".into(),
        ..Default::default()
    };
    let handle = app
        .start_attempt(
            request,
            Arc::new(ScriptedPlanner::new(script)),
            Arc::new(tools),
        )
        .await
        .expect("start");
    let attempt = handle.attempt_id;
    let store = app.store.clone();
    eventually(
        Duration::from_secs(10),
        "step 2 running in both the progress column and the steps table",
        || {
            let store = store.clone();
            async move {
                let running = (2, "sleep".to_string(), "running".to_string());
                let in_progress = seen_in_progress(&store, attempt).await;
                let in_steps = seen_in_steps(&store, attempt).await;
                (in_progress.last() == Some(&running) && in_steps.last() == Some(&running))
                    .then_some(())
            }
        },
    )
    .await;
    let row = app
        .store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    let steps = app.store.rows().steps(attempt).await.expect("steps");
    let stored = format!(
        "{} {} {:?}",
        row.progress, steps[0].tool_input, steps[0].tool_output
    );
    for secret in ["sk-123", "abcdef123", "hunter2"] {
        assert!(
            !stored.contains(secret),
            "{secret} reached a sink: {stored}"
        );
    }
    assert!(stored.contains("[REDACTED]"), "{stored}");
    // The other sinks got the same redacted events: the live feed, NOTIFY as a second
    // daemon relays it, and the log.
    let mut seen = vec![("live", feed_text_until(&mut live, attempt, 2).await)];
    if let Some(feed) = notified.as_mut() {
        seen.push(("notify", feed_text_until(feed, attempt, 2).await));
    }
    let logged = eventually(
        Duration::from_secs(10),
        "the log sink wrote the call",
        || {
            let bytes = log.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // This test's calls (of either backend: both are redacted), by their URL.
            let mine: String = text
                .lines()
                .filter(|l| l.contains("127.0.0.1/feed"))
                .collect();
            std::future::ready((!mine.is_empty()).then_some(mine))
        },
    )
    .await;
    seen.push(("log", logged));
    for (sink, text) in &seen {
        assert!(text.contains("echo"), "{sink} saw the call: {text}");
        assert!(text.contains("[REDACTED]"), "{sink}: {text}");
        for secret in ["sk-123", "abcdef123", "hunter2"] {
            assert!(!text.contains(secret), "{secret} reached {sink}: {text}");
        }
    }
    handle.cancel("seen enough");
    assert_eq!(handle.wait().await.status, AttemptStatus::Cancelled);
    app.close(Duration::from_secs(5)).await.expect("close");
    if let Some(watcher) = watcher {
        watcher.close(Duration::from_secs(5)).await.expect("close");
    }
    db.cleanup().await;
}

crate::on_both_backends!(
    json_column_sink_conforms,
    step_table_sink_conforms,
    concurrent_json_writers_lose_nothing,
    a_call_is_visible_while_it_runs_and_secrets_never_land,
);
