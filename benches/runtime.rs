//! Runtime benchmark: prints the figures issue 2 asks for; asserts nothing.
//!
//! `cargo bench --bench runtime` (add `-- --quick` for a smaller run). PostgreSQL
//! figures need `RAGTIME_TEST_POSTGRES_URL` (its database must allow CREATE DATABASE).
//!
//! 1. per-call overhead: an attempt of N echo calls through supervisor, tool actor and
//!    progress fan-out, minus calling the tool directly N times;
//! 2. events per second through the progress actor into a no-op sink;
//! 3. visibility latency: tool call finished -> its `recovery_steps` row finished when
//!    read from a separate connection, SQLite and PostgreSQL, 1 and 64 attempts;
//! 4. memory per live attempt with 10,000 concurrent attempts (RSS delta);
//! 5. the write ceiling of each database sink, fed batches directly.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::Utc;
use ragtime::Config;
use ragtime::app::start_runtime;
use ragtime_core::{
    AttemptContext, AttemptId, AttemptSpec, Decision, EventKind, ProgressEvent, QueueSettings,
    Runtime, RuntimeSettings, Sink, SinkError, SinkSpec, StepOutcome, Tool, ToolCallFinished,
    ToolContext, ToolError, ToolOutput, ToolRegistry,
};
use ragtime_store::{DatabaseSettings, NewAttempt, Store};
use ragtime_testkit::{EchoTool, ScriptedPlanner, SleepTool};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use serde_json::{Value, json};

/// Counts what it is given and does nothing else.
#[derive(Default)]
struct NoopSink(AtomicU64);

#[async_trait]
impl Sink for NoopSink {
    fn name(&self) -> &str {
        "noop"
    }
    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        self.0.fetch_add(events.len() as u64, Ordering::Relaxed);
        Ok(())
    }
}

type Stamps = Arc<Mutex<HashMap<(AttemptId, u32), Instant>>>;

/// Sleeps `ms`, then records the instant the call finished.
struct StampTool(Stamps);

#[async_trait]
impl Tool for StampTool {
    fn name(&self) -> &str {
        "stamp"
    }
    fn description(&self) -> &str {
        "sleeps, then stamps the finish time"
    }
    fn parameters(&self) -> Value {
        json!({"type": "object"})
    }
    async fn call(&self, args: &Value, ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let ms = args.get("ms").and_then(Value::as_u64).unwrap_or(5);
        tokio::time::sleep(Duration::from_millis(ms)).await;
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert((ctx.attempt_id, ctx.step), Instant::now());
        Ok(ToolOutput::text("stamped"))
    }
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "a rounded index between 0 and len - 1, which fits a usize"
)]
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

async fn sqlite_store(dir: &tempfile::TempDir, name: &str) -> Store {
    let settings = DatabaseSettings {
        url: format!("sqlite://{}", dir.path().join(name).display()),
        ..Default::default()
    };
    Store::open(&settings).await.expect("sqlite store")
}

async fn postgres_store(name: &str) -> Option<(Store, String)> {
    let admin_url = std::env::var("RAGTIME_TEST_POSTGRES_URL").ok()?;
    let admin = Database::connect(admin_url.as_str()).await.ok()?;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await
        .ok()?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .ok()?;
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url.as_str(), |(b, _)| b)
        .to_string();
    let settings = DatabaseSettings {
        url: format!("{base}/{name}"),
        ..Default::default()
    };
    Some((
        Store::open(&settings).await.expect("postgres store"),
        settings.url,
    ))
}

async fn drop_postgres(name: &str) {
    if let Ok(url) = std::env::var("RAGTIME_TEST_POSTGRES_URL")
        && let Ok(admin) = Database::connect(url.as_str()).await
    {
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await
            .ok();
    }
}

fn spec(id: AttemptId, script: Vec<Decision>, tools: Arc<ToolRegistry>) -> AttemptSpec {
    AttemptSpec {
        attempt_id: id,
        trace_id: ragtime_core::TraceId::random(),
        strategy: "bench".into(),
        context: Arc::new(AttemptContext {
            attempt_id: id,
            ..Default::default()
        }),
        planner: Arc::new(ScriptedPlanner::new(script)),
        tools,
    }
}

async fn new_attempts(store: &Store, n: usize) -> Vec<AttemptId> {
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        ids.push(
            store
                .create_attempt(NewAttempt {
                    strategy: "bench".into(),
                    ..Default::default()
                })
                .await
                .expect("row"),
        );
    }
    ids
}

async fn per_call_overhead(store: &Store, rounds: usize, calls: usize) {
    let sink = Arc::new(NoopSink::default());
    let runtime = Runtime::start(
        RuntimeSettings {
            max_steps: 100_000,
            ..RuntimeSettings::default()
        },
        vec![SinkSpec {
            sink: sink.clone(),
            queue: QueueSettings::default(),
        }],
        Arc::new(store.clone()),
    )
    .await
    .expect("runtime");
    let tools = Arc::new(ToolRegistry::new().with(EchoTool::default()));
    let echo = EchoTool::default();
    let args = json!({"text": "hello"});
    let script: Vec<Decision> = (0..calls)
        .map(|_| Decision::call("echo", args.clone()))
        .chain([Decision::resolve("done", None)])
        .collect();
    let mut overheads = Vec::new();
    for id in new_attempts(store, rounds).await {
        let direct_started = Instant::now();
        for step in 0..calls {
            let ctx = ToolContext {
                attempt_id: id,
                step: u32::try_from(step + 1).unwrap_or(u32::MAX),
            };
            let _ = echo.call(&args, &ctx).await;
        }
        let direct = direct_started.elapsed().as_secs_f64() / calls as f64;
        let started = Instant::now();
        let report = runtime
            .spawn_attempt(spec(id, script.clone(), tools.clone()))
            .await
            .expect("spawn")
            .wait()
            .await;
        // The attempt's own start and finish (two ledger writes) are not per-call costs.
        let through = started.elapsed().as_secs_f64() / calls as f64;
        assert_eq!(report.steps as usize, calls);
        overheads.push((through - direct) * 1e6);
    }
    overheads.sort_by(f64::total_cmp);
    println!(
        "per-call overhead ({calls} calls x {rounds} attempts, incl. planner hop): median {:.1} µs, p90 {:.1} µs (target ≤ 50 µs median)",
        percentile(&overheads, 0.5),
        percentile(&overheads, 0.9)
    );
    runtime.shutdown(Duration::from_secs(5)).await.ok();
}

async fn fanout_throughput(store: &Store, events: u64) {
    let sink = Arc::new(NoopSink::default());
    let queue = QueueSettings {
        capacity: usize::try_from(events)
            .unwrap_or(usize::MAX)
            .saturating_add(1),
        ..QueueSettings::default()
    };
    let runtime = Runtime::start(
        RuntimeSettings::default(),
        vec![SinkSpec {
            sink: sink.clone(),
            queue,
        }],
        Arc::new(store.clone()),
    )
    .await
    .expect("runtime");
    let event = ProgressEvent {
        texts_cut: false,
        trace_id: ragtime_core::TraceId::default(),
        attempt_id: ragtime_core::AttemptId(1),
        at: Utc::now(),
        kind: EventKind::ToolCallFinished(ToolCallFinished {
            step: 1,
            tool: "click_element".into(),
            args: json!({"selector": "button:has-text('Mehr Informationen')"}),
            started_at: Utc::now(),
            outcome: StepOutcome::Timeout,
            duration_ms: 30_000,
            output: "no answer within the tool deadline of 30s".into(),
            usage: None,
        }),
    };
    let started = Instant::now();
    for _ in 0..events {
        runtime.publish(event.clone()).expect("publish");
    }
    runtime
        .flush(Duration::from_secs(120))
        .await
        .expect("flush");
    let elapsed = started.elapsed().as_secs_f64();
    assert_eq!(sink.0.load(Ordering::Relaxed), events);
    println!(
        "fan-out: {events} tool_call_finished events through the progress actor into a no-op sink: {:.0} events/s (target ≥ 100,000/s)",
        events as f64 / elapsed
    );
    runtime.shutdown(Duration::from_secs(5)).await.ok();
}

async fn visibility_latency(
    label: &str,
    store: &Store,
    url: &str,
    attempts: usize,
    calls: usize,
    call_ms: u64,
) {
    let mut config = Config::default();
    config.database.url = url.to_string();
    config.progress.sinks = vec!["json_column".to_string(), "step_table".to_string()];
    config.runtime.max_steps = 100_000;
    let live = ragtime_core::LiveFeed::new(16);
    let runtime = start_runtime(&config.app(), store, &live, "bench")
        .await
        .expect("runtime");
    let stamps: Stamps = Arc::default();
    let tools = Arc::new(ToolRegistry::new().with(StampTool(stamps.clone())));
    let script: Vec<Decision> = (0..calls)
        .map(|_| Decision::call("stamp", json!({"ms": call_ms})))
        .chain([Decision::resolve("done", None)])
        .collect();
    let ids = new_attempts(store, attempts).await;
    let first = ids[0];
    // A separate connection (its own pool) reads what a dashboard would read.
    let reader = Database::connect(url).await.expect("reader");
    let backend = reader.get_database_backend();
    // Steps of one attempt finish in order, so the highest finished step per attempt
    // says which calls are visible; the poll stays small however many rows there are.
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT attempt_id, MAX(step_number) AS step FROM recovery_steps \
                                WHERE attempt_id >= $1 AND outcome <> 'running' GROUP BY attempt_id"
        }
        _ => {
            "SELECT attempt_id, MAX(step_number) AS step FROM recovery_steps \
              WHERE attempt_id >= ? AND outcome <> 'running' GROUP BY attempt_id"
        }
    };
    let mut handles = Vec::new();
    for &id in &ids {
        handles.push(
            runtime
                .spawn_attempt(spec(id, script.clone(), tools.clone()))
                .await
                .expect("spawn"),
        );
    }
    let total = attempts * calls;
    let mut visible: HashMap<i64, i32> = HashMap::new();
    let mut seen = 0;
    let mut latencies = Vec::with_capacity(total);
    let deadline = Instant::now() + Duration::from_secs(120);
    while seen < total && Instant::now() < deadline {
        let rows = reader
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [first.get().into()],
            ))
            .await
            .expect("poll");
        let now = Instant::now();
        for row in rows {
            let attempt: i64 = row.try_get("", "attempt_id").expect("attempt");
            let step: i32 = row.try_get("", "step").expect("step");
            let known = visible.insert(attempt, step).unwrap_or(0);
            let stamps = stamps.lock().unwrap_or_else(|p| p.into_inner());
            for newly in known + 1..=step {
                seen += 1;
                if let Some(stamp) = stamps.get(&(AttemptId(attempt), newly as u32)) {
                    latencies.push(now.saturating_duration_since(*stamp).as_secs_f64() * 1e3);
                }
            }
        }
        // Poll about every millisecond, as fast as a live view could care to.
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    for handle in handles {
        handle.wait().await;
    }
    latencies.sort_by(f64::total_cmp);
    println!(
        "visibility {label}, {attempts:>2} attempt(s) x {calls} calls of {call_ms:>2} ms: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} samples)",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(f64::NAN),
        latencies.len()
    );
    reader.close().await.ok();
    runtime.shutdown(Duration::from_secs(10)).await.ok();
}

/// Events per second one database sink writes when handed batches directly: the
/// ceiling that decides how far behind a sink falls under load.
async fn sink_throughput(label: &str, store: &Store, attempts: usize, calls: u32) {
    let ids = new_attempts(store, attempts).await;
    let mut events = Vec::new();
    for step in 1..=calls {
        for &id in &ids {
            let call = ragtime_core::ToolCallStarted {
                step,
                tool: "click_element".into(),
                args: json!({"selector": "#play"}),
            };
            events.push(Arc::new(ProgressEvent {
                texts_cut: false,
                trace_id: ragtime_core::TraceId::default(),
                attempt_id: id,
                at: Utc::now(),
                kind: EventKind::ToolCallStarted(call),
            }));
            let done = ToolCallFinished {
                step,
                tool: "click_element".into(),
                args: json!({"selector": "#play"}),
                started_at: Utc::now(),
                outcome: StepOutcome::Success,
                duration_ms: 50,
                output: "clicked".into(),
                usage: None,
            };
            events.push(Arc::new(ProgressEvent {
                texts_cut: false,
                trace_id: ragtime_core::TraceId::default(),
                attempt_id: id,
                at: Utc::now(),
                kind: EventKind::ToolCallFinished(done),
            }));
        }
    }
    let sinks: Vec<Arc<dyn Sink>> = vec![
        Arc::new(ragtime_store::JsonColumnSink::new(store)),
        Arc::new(ragtime_store::StepTableSink::new(store)),
    ];
    for sink in sinks {
        for batch in [1usize, 64] {
            let sample: Vec<_> = events
                .iter()
                .take(2_000.min(events.len()))
                .cloned()
                .collect();
            let started = Instant::now();
            for chunk in sample.chunks(batch) {
                sink.write_batch(chunk).await.expect("write");
            }
            println!(
                "sink {label} {:<11} batches of {batch:>2}: {:>7.0} events/s",
                sink.name(),
                sample.len() as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
}

async fn memory_per_attempt(store: &Store, attempts: usize) {
    let sink = Arc::new(NoopSink::default());
    let settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(600),
        attempt_deadline: Duration::from_secs(600),
        heartbeat_interval: Duration::from_secs(600),
        ..RuntimeSettings::default()
    };
    let queue = QueueSettings {
        capacity: attempts * 4,
        ..QueueSettings::default()
    };
    let runtime = Runtime::start(
        settings,
        vec![SinkSpec {
            sink: sink.clone(),
            queue,
        }],
        Arc::new(store.clone()),
    )
    .await
    .expect("runtime");
    let tools = Arc::new(ToolRegistry::new().with(SleepTool::default()));
    let script = vec![Decision::call("sleep", json!({"ms": 600_000}))];
    let ids = new_attempts(store, attempts).await;
    let before = rss_bytes();
    let mut handles = Vec::with_capacity(attempts);
    for id in ids {
        handles.push(
            runtime
                .spawn_attempt(spec(id, script.clone(), tools.clone()))
                .await
                .expect("spawn"),
        );
    }
    // Live means: every attempt's tool call has started (two events each so far).
    while sink.0.load(Ordering::Relaxed) < 2 * attempts as u64 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let after = rss_bytes();
    println!(
        "memory: {attempts} live attempts, each in a tool call: RSS +{:.1} MiB, {:.1} KiB per attempt (target ≤ 64 KiB)",
        (after.saturating_sub(before)) as f64 / 1048576.0,
        (after.saturating_sub(before)) as f64 / 1024.0 / attempts as f64
    );
    for handle in &handles {
        handle.cancel("benchmark over");
    }
    for handle in handles {
        handle.wait().await;
    }
    runtime.shutdown(Duration::from_secs(30)).await.ok();
}

#[tokio::main]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let scale = |full: usize, small: usize| if quick { small } else { full };
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sqlite_store(&dir, "bench.db").await;

    per_call_overhead(&store, scale(30, 5), 200).await;
    fanout_throughput(&store, scale(1_000_000, 100_000) as u64).await;
    // 50 ms calls are a fast browser; 5 ms calls are a stress test far past any real
    // pace (64 attempts then make ~20,000 events/s per sink).
    for (attempts, call_ms) in [(1, 50), (64, 50), (64, 5)] {
        let calls = if attempts == 1 {
            scale(100, 20)
        } else {
            scale(20, 5)
        };
        let file = format!("visible-{attempts}-{call_ms}.db");
        let sqlite = sqlite_store(&dir, &file).await;
        let url = format!("sqlite://{}", dir.path().join(&file).display());
        visibility_latency("SQLite    ", &sqlite, &url, attempts, calls, call_ms).await;
        let name = format!("ragtime_bench_{attempts}_{call_ms}");
        match postgres_store(&name).await {
            Some((pg, url)) => {
                visibility_latency("PostgreSQL", &pg, &url, attempts, calls, call_ms).await;
                pg.close().await.ok();
                drop_postgres(&name).await;
            }
            None => println!("visibility PostgreSQL: skipped (set RAGTIME_TEST_POSTGRES_URL)"),
        }
    }
    let sqlite = sqlite_store(&dir, "throughput.db").await;
    sink_throughput("SQLite    ", &sqlite, 64, 40).await;
    if let Some((pg, _)) = postgres_store("ragtime_bench_throughput").await {
        sink_throughput("PostgreSQL", &pg, 64, 40).await;
        pg.close().await.ok();
        drop_postgres("ragtime_bench_throughput").await;
    }
    let memory_store = sqlite_store(&dir, "memory.db").await;
    memory_per_attempt(&memory_store, scale(10_000, 1_000)).await;
}
