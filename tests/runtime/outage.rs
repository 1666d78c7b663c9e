//! A database that goes away in the middle of an attempt: SQLite locked by another
//! writer, PostgreSQL refusing and dropping connections. The sinks retry with backoff,
//! the attempt goes on, and afterwards every event has landed once, in order.

use std::sync::Arc;
use std::time::Duration;

use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::{AttemptStatus, Decision, RuntimeSettings, SinkStats, ToolRegistry};
use ragtime_store::DatabaseSettings;
use ragtime_testkit::{EchoTool, GateTool, ScriptedPlanner, SleepTool};
use sea_orm::{ConnectionTrait, Database, DatabaseTransaction, TransactionTrait};
use serde_json::json;

use crate::common::{Backend, TestDb, eventually, start_scripted_with, wait_for_steps};
use crate::{assert_progress_matches_steps, assert_timeline_snapshot};

/// Whatever keeps the database unavailable until [`Outage::end`].
enum Outage {
    SqliteWriteLock(DatabaseTransaction),
    PostgresClosed {
        admin: sea_orm::DatabaseConnection,
        name: String,
    },
}

impl Outage {
    async fn begin(db: &TestDb) -> Outage {
        match db.backend {
            Backend::Sqlite => {
                let locker = Database::connect(db.settings.url.as_str())
                    .await
                    .expect("second connection");
                let txn = locker.begin().await.expect("begin");
                // The first write takes SQLite's single write lock until the commit.
                txn.execute_unprepared("UPDATE episodes SET url = url")
                    .await
                    .expect("take the write lock");
                Outage::SqliteWriteLock(txn)
            }
            Backend::Postgres => {
                let admin = db.admin().await.expect("postgres admin");
                let name = db.postgres_name().expect("postgres db").to_string();
                admin
                    .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
                    .await
                    .expect("refuse");
                admin
                    .execute_unprepared(&format!(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
                    ))
                    .await
                    .expect("drop connections");
                Outage::PostgresClosed { admin, name }
            }
        }
    }

    async fn end(self) {
        match self {
            Outage::SqliteWriteLock(txn) => txn.commit().await.expect("release the lock"),
            Outage::PostgresClosed { admin, name } => {
                admin
                    .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
                    .await
                    .expect("allow");
                admin.close().await.ok();
            }
        }
    }
}

fn durable(stats: &[SinkStats]) -> impl Iterator<Item = &SinkStats> {
    stats
        .iter()
        .filter(|s| matches!(s.name.as_str(), "json_column" | "step_table"))
}

async fn sink_outage_loses_nothing(backend: Backend) {
    let db = match backend {
        // A short busy timeout turns the lock into fast failures the sinks must retry.
        Backend::Sqlite => TestDb::sqlite(Duration::from_millis(50)).await,
        Backend::Postgres => TestDb::postgres().await,
    };
    let mut config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_secs(10),
        attempt_deadline: Duration::from_secs(60),
        heartbeat_interval: Duration::from_millis(200),
        ..RuntimeSettings::default()
    });
    config.database = DatabaseSettings {
        connect_timeout: Duration::from_millis(500),
        ..db.settings.clone()
    };
    let app = App::open(config).await.expect("open");

    let mut script = vec![Decision::call(
        "navigate_to_url",
        json!({"url": "http://127.0.0.1/outage", "text": "200 OK"}),
    )];
    for i in 0..6 {
        script.push(Decision::call(
            "click_element",
            json!({"selector": format!("#part-{i}"), "ms": 150}),
        ));
    }
    script.push(Decision::resolve(
        "the database came back and nothing was lost",
        None,
    ));
    let tools = ToolRegistry::new()
        .with(EchoTool::named("navigate_to_url"))
        .with(SleepTool::named("click_element"));
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/outage".into(),
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

    wait_for_steps(&app.store, attempt, 1).await;
    let outage = Outage::begin(&db).await;
    // The outage lasts until both durable sinks have failed and retried a few times.
    eventually(
        Duration::from_secs(20),
        "both database sinks to retry",
        || {
            let stats = app.runtime.sink_stats();
            async move { durable(&stats).all(|s| s.retries >= 3).then_some(()) }
        },
    )
    .await;
    outage.end().await;

    let report = handle.wait().await;
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
    assert!(report.status_written);
    app.runtime
        .flush(Duration::from_secs(30))
        .await
        .expect("flush after the outage");
    assert_eq!(assert_progress_matches_steps(&app.store, attempt).await, 7);
    for stats in durable(&app.runtime.sink_stats()) {
        assert_eq!(
            (stats.dropped, stats.failed, stats.pending),
            (0, 0, 0),
            "{stats:?}"
        );
    }
    let timeline = app.store.timeline(attempt).await.expect("timeline");
    assert_timeline_snapshot("sink_outage", &timeline.to_string());
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

crate::on_both_backends!(sink_outage_loses_nothing);

/// A sink whose database is away never holds up the attempt: once its small queue is
/// full, events are dropped and counted, and every event offered is accounted for as
/// written or dropped once the database is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_drops_and_counts_and_the_attempt_goes_on() {
    let db = TestDb::sqlite(Duration::from_millis(50)).await;
    let mut config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_secs(10),
        attempt_deadline: Duration::from_secs(60),
        ..RuntimeSettings::default()
    });
    let mut queue: ragtime_core::QueueSettings = config.progress.options_of("step_table");
    queue.capacity = 4;
    queue.max_batch = 1;
    config
        .progress
        .set_options("step_table", &queue)
        .expect("a queue table");
    let app = App::open(config).await.expect("open");
    let mut live = app.live.subscribe();
    let calls = 12u32;
    // The first call waits at its gate while the lock is taken; the rest are made
    // under it.
    let (gate_tool, gate) = GateTool::new();
    let script: Vec<Decision> = std::iter::once(Decision::call("gate", json!({})))
        .chain((2..=calls).map(|i| Decision::call("echo", json!({"call": i}))))
        .chain([Decision::resolve("all calls made", None)])
        .collect();
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/full-queue".into(),
        strategy: "agent".into(),
        ..Default::default()
    };
    let handle = app
        .start_attempt(
            request,
            Arc::new(ScriptedPlanner::new(script)),
            Arc::new(
                ToolRegistry::new()
                    .with(EchoTool::default())
                    .with(gate_tool),
            ),
        )
        .await
        .expect("start");
    wait_for_steps(&app.store, handle.attempt_id, 1).await;
    let outage = Outage::begin(&db).await;
    gate.open();
    // Every call is made while the database is still locked: the attempt does not
    // wait for the sink.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let event = tokio::time::timeout_at(deadline, live.recv())
            .await
            .expect("every call made while the sink's database is away")
            .expect("received");
        if matches!(&event.kind, ragtime_core::EventKind::ToolCallFinished(c) if c.step == calls) {
            break;
        }
    }
    let stats = app.runtime.sink_stats();
    let step_table = stats
        .iter()
        .find(|s| s.name == "step_table")
        .expect("step_table");
    assert!(
        step_table.dropped > 0 && step_table.pending <= 4,
        "the full queue drops instead of growing: {step_table:?}"
    );
    outage.end().await;
    let report = handle.wait().await;
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
    app.runtime
        .flush(Duration::from_secs(30))
        .await
        .expect("flush");
    let stats = app.runtime.sink_stats();
    let offered = stats.iter().find(|s| s.name == "live").expect("live");
    let step_table = stats
        .iter()
        .find(|s| s.name == "step_table")
        .expect("step_table");
    assert_eq!(offered.dropped, 0, "{offered:?}");
    assert_eq!(
        step_table.written + step_table.dropped + step_table.failed,
        offered.written,
        "every event is written or counted: {stats:?}"
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

/// The terminal status is given up on after `finish_write_timeout` while the database
/// is away: the attempt still ends (its waiter learns `status_written: false`), and
/// the next start, seeing its heartbeat stale, marks it `interrupted`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_terminal_status_given_up_on_becomes_interrupted_at_the_next_start() {
    let db = TestDb::sqlite(Duration::from_millis(50)).await;
    let settings = RuntimeSettings {
        heartbeat_interval: Duration::from_millis(200),
        finish_write_timeout: Duration::from_millis(500),
        ..RuntimeSettings::default()
    };
    let app = App::open(db.config(settings.clone())).await.expect("open");
    let (gate_tool, gate) = GateTool::new();
    let script = vec![
        Decision::call("gate", json!({})),
        Decision::resolve("found it while the database was away", None),
    ];
    let handle = start_scripted_with(
        &app,
        "/give-up",
        script,
        ToolRegistry::new().with(gate_tool),
    )
    .await;
    let attempt = handle.attempt_id;
    wait_for_steps(&app.store, attempt, 1).await;
    let outage = Outage::begin(&db).await;
    gate.open();
    let report = tokio::time::timeout(Duration::from_secs(60), handle.wait())
        .await
        .expect("the attempt ends although its status cannot be written");
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
    assert!(
        !report.status_written,
        "the status was given up on: {report:?}"
    );
    outage.end().await;
    // The row as the database holds it, read on the test's own connection.
    let row_of = async || {
        db.store
            .rows()
            .attempt(attempt)
            .await
            .expect("load")
            .expect("row")
    };
    let row = row_of().await;
    assert_eq!(row.status, "attempted", "nothing wrote the status");
    app.close(Duration::from_secs(5)).await.expect("close");

    // The next start finds the heartbeat stale (three intervals old) and reconciles.
    let stale_after = settings.heartbeat_interval * 3;
    eventually(
        Duration::from_secs(30),
        "the attempt's heartbeat to go stale",
        async || {
            let age = chrono::Utc::now() - row.heartbeat_at;
            (age.to_std().unwrap_or_default() > stale_after).then_some(())
        },
    )
    .await;
    let app = App::open(db.config(settings)).await.expect("reopen");
    let row = row_of().await;
    assert_eq!(row.status, "interrupted", "{row:?}");
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}
