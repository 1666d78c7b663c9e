//! The supervisor's promises: deadlines that hold against tools that ignore them,
//! crash restarts within a budget, prompt cancel, a terminal status on shutdown, a
//! live heartbeat, and stale attempts swept to `interrupted` at start-up.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::{
    AttemptStatus, Decision, EventKind, ProgressEvent, RuntimeSettings, Sink, StepOutcome,
    ToolCallFinished, ToolCallStarted, ToolRegistry,
};
use ragtime_store::{JsonColumnSink, NewAttempt, StepTableSink};
use ragtime_testkit::{EchoTool, IgnoreCancellationTool, PanicTool, ScriptedPlanner, SleepTool};
use serde_json::json;

use crate::common::{Backend, TestDb, eventually, wait_for_steps};

fn quick_settings() -> RuntimeSettings {
    RuntimeSettings {
        tool_deadline: Duration::from_millis(200),
        attempt_deadline: Duration::from_secs(20),
        heartbeat_interval: Duration::from_millis(100),
        ..RuntimeSettings::default()
    }
}

fn request(name: &str) -> AttemptRequest {
    AttemptRequest {
        episode_url: format!("http://127.0.0.1/{name}"),
        strategy: "agent".into(),
        ..Default::default()
    }
}

async fn start(
    app: &App,
    name: &str,
    script: Vec<Decision>,
    tools: ToolRegistry,
) -> ragtime_core::AttemptHandle {
    app.start_attempt(
        request(name),
        Arc::new(ScriptedPlanner::new(script)),
        Arc::new(tools),
    )
    .await
    .expect("start")
}

async fn outcomes(app: &App, attempt: ragtime_core::AttemptId) -> Vec<String> {
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    app.store
        .rows()
        .steps(attempt)
        .await
        .expect("steps")
        .into_iter()
        .map(|s| s.outcome)
        .collect()
}

async fn tool_deadline_holds_when_the_tool_ignores_cancellation(backend: Backend) {
    let db = TestDb::new(backend).await;
    let app = App::open(db.config(quick_settings())).await.expect("open");
    let script = vec![
        Decision::call("ignore_cancellation", json!({"ms": 3_000})),
        Decision::call("echo", json!({"text": "the fresh tool actor answers"})),
        Decision::resolve("done", None),
    ];
    let began = Instant::now();
    let handle = start(
        &app,
        "ignore",
        script,
        ToolRegistry::new()
            .with(IgnoreCancellationTool::default())
            .with(EchoTool::default()),
    )
    .await;
    let report = handle.wait().await;
    // The outcome proves the cut (an uncut call ends `success` after its 3 s); the
    // time is printed, not asserted, so a slow machine cannot fail it.
    println!(
        "a 3 s call under a 200 ms deadline: attempt over after {:?}",
        began.elapsed()
    );
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
    assert_eq!(
        outcomes(&app, report.attempt_id).await,
        ["timeout", "success"]
    );
    let steps = app
        .store
        .rows()
        .steps(report.attempt_id)
        .await
        .expect("steps");
    let timed_out = steps[0].duration_ms.expect("duration");
    assert!(
        (200..3_000).contains(&timed_out),
        "recorded after the deadline and before the call's own end: {timed_out} ms"
    );
    assert_eq!(
        steps[1].tool_output.as_deref(),
        Some("the fresh tool actor answers")
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

/// A tool that holds its executor thread without ever yielding: the deadline still
/// cuts the call (the supervisor runs on another thread), and the next call gets a
/// fresh tool actor.
async fn tool_deadline_holds_when_the_tool_blocks_its_thread(backend: Backend) {
    let db = TestDb::new(backend).await;
    let app = App::open(db.config(quick_settings())).await.expect("open");
    let script = vec![
        Decision::call(
            "ignore_cancellation",
            json!({"ms": 3_000, "on_executor": true}),
        ),
        Decision::call(
            "echo",
            json!({"text": "answered while the old thread is held"}),
        ),
        Decision::resolve("done", None),
    ];
    let handle = start(
        &app,
        "block",
        script,
        ToolRegistry::new()
            .with(IgnoreCancellationTool::default())
            .with(EchoTool::default()),
    )
    .await;
    let report = handle.wait().await;
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
    // An uncut call would end `success` ("held the executor"), after its 3 s.
    assert_eq!(
        outcomes(&app, report.attempt_id).await,
        ["timeout", "success"]
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

async fn attempt_deadline_holds_mid_call(backend: Backend) {
    let db = TestDb::new(backend).await;
    let settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(30),
        attempt_deadline: Duration::from_millis(400),
        ..quick_settings()
    };
    let app = App::open(db.config(settings)).await.expect("open");
    let script = vec![Decision::call("ignore_cancellation", json!({"ms": 3_000}))];
    let began = Instant::now();
    let report = start(
        &app,
        "deadline",
        script,
        ToolRegistry::new().with(IgnoreCancellationTool::default()),
    )
    .await
    .wait()
    .await;
    println!(
        "a 3 s call under a 400 ms attempt deadline: over after {:?}",
        began.elapsed()
    );
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    assert!(
        report
            .message
            .contains("attempt deadline of 400ms reached during step 1"),
        "{}",
        report.message
    );
    assert_eq!(outcomes(&app, report.attempt_id).await, ["timeout"]);
    let row = app
        .store
        .rows()
        .attempt(report.attempt_id)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(row.status, "awaiting_human");
    assert!(row.finished_at.is_some());
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

async fn crashes_restart_within_the_budget_then_escalate(backend: Backend) {
    let db = TestDb::new(backend).await;
    let app = App::open(db.config(RuntimeSettings {
        restart_budget: 1,
        ..quick_settings()
    }))
    .await
    .expect("open");
    let tools = ToolRegistry::new()
        .with(PanicTool::default())
        .with(EchoTool::default());
    let script = vec![
        Decision::call("panic", json!({"message": "first"})),
        Decision::call("echo", json!({"text": "restarted"})),
        Decision::call("panic", json!({"message": "second"})),
        Decision::call("echo", json!({"text": "never runs"})),
    ];
    let report = start(&app, "panics", script, tools).await.wait().await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    assert!(
        report.message.contains("over the restart budget of 1"),
        "{}",
        report.message
    );
    assert_eq!(
        outcomes(&app, report.attempt_id).await,
        ["crashed", "success", "crashed"]
    );
    let steps = app
        .store
        .rows()
        .steps(report.attempt_id)
        .await
        .expect("steps");
    assert!(
        steps[0]
            .tool_output
            .as_deref()
            .unwrap_or("")
            .contains("first"),
        "{:?}",
        steps[0].tool_output
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

async fn cancel_ends_a_running_attempt_as_cancelled(backend: Backend) {
    let db = TestDb::new(backend).await;
    let settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(60),
        ..quick_settings()
    };
    let app = App::open(db.config(settings)).await.expect("open");
    let script = vec![Decision::call("sleep", json!({"ms": 60_000}))];
    let handle = start(
        &app,
        "cancel",
        script,
        ToolRegistry::new().with(SleepTool::default()),
    )
    .await;
    let attempt = handle.attempt_id;
    wait_for_steps(&app.store, attempt, 1).await;
    let began = Instant::now();
    assert!(app.runtime.cancel(attempt, "operator pressed cancel").await);
    // Cancel answers once the attempt has ended; its latency is in `benches/runtime.rs`.
    println!("cancel answered after {:?}", began.elapsed());
    let row = app
        .store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(
        (row.status.as_str(), row.message.as_deref()),
        ("cancelled", Some("operator pressed cancel"))
    );
    let report = handle.wait().await;
    assert_eq!(report.status, AttemptStatus::Cancelled);
    assert_eq!(outcomes(&app, attempt).await, ["cancelled"]);
    assert!(
        !app.runtime.cancel(attempt, "again").await,
        "a finished attempt cannot be cancelled"
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

async fn shutdown_writes_a_terminal_status(backend: Backend) {
    let db = TestDb::new(backend).await;
    let settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(60),
        ..quick_settings()
    };
    let app = App::open(db.config(settings)).await.expect("open");
    let handle = start(
        &app,
        "shutdown",
        vec![Decision::call("sleep", json!({"ms": 60_000}))],
        ToolRegistry::new().with(SleepTool::default()),
    )
    .await;
    let attempt = handle.attempt_id;
    wait_for_steps(&app.store, attempt, 1).await;
    let store = app.store.clone();
    app.runtime
        .shutdown(Duration::from_secs(5))
        .await
        .expect("shutdown flushes");
    let row = store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(row.status, "cancelled");
    assert_eq!(row.message.as_deref(), Some("daemon shutting down"));
    let steps = store.rows().steps(attempt).await.expect("steps");
    assert_eq!(steps[0].outcome, "cancelled");
    assert_eq!(handle.wait().await.status, AttemptStatus::Cancelled);
    store.close().await.ok();
    db.cleanup().await;
}

async fn heartbeat_is_refreshed_while_running(backend: Backend) {
    let db = TestDb::new(backend).await;
    let settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(60),
        ..quick_settings()
    };
    let app = App::open(db.config(settings)).await.expect("open");
    let handle = start(
        &app,
        "heartbeat",
        vec![Decision::call("sleep", json!({"ms": 60_000}))],
        ToolRegistry::new().with(SleepTool::default()),
    )
    .await;
    let attempt = handle.attempt_id;
    let first = app
        .store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row")
        .heartbeat_at;
    let store = app.store.clone();
    eventually(
        Duration::from_secs(10),
        "heartbeat_at to move forward",
        || {
            let store = store.clone();
            async move {
                let row = store.rows().attempt(attempt).await.ok().flatten()?;
                (row.heartbeat_at > first + chrono::Duration::milliseconds(150)
                    && row.status == "attempted")
                    .then_some(())
            }
        },
    )
    .await;
    handle.cancel("test done");
    assert_eq!(handle.wait().await.status, AttemptStatus::Cancelled);
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

async fn stale_attempts_become_interrupted_at_start(backend: Backend) {
    let db = TestDb::new(backend).await;
    let stale = db
        .store
        .create_attempt(NewAttempt {
            strategy: "agent".into(),
            ..Default::default()
        })
        .await
        .expect("row");
    let fresh = db
        .store
        .create_attempt(NewAttempt {
            strategy: "agent".into(),
            ..Default::default()
        })
        .await
        .expect("row");
    use ragtime_core::AttemptLedger;
    // The dead daemon's attempt: one call finished, one open when it died, written
    // by the real sinks, two hours ago; its last heartbeat an hour ago.
    let started_at = Utc::now() - chrono::Duration::hours(2);
    let last_alive = Utc::now() - chrono::Duration::hours(1);
    let at = |seconds: i64, kind: EventKind| {
        Arc::new(ProgressEvent {
            texts_cut: false,
            trace_id: ragtime_core::TraceId::default(),
            attempt_id: stale,
            at: started_at + chrono::Duration::seconds(seconds),
            kind,
        })
    };
    let call = |step: u32| ToolCallStarted {
        step,
        tool: "navigate_to_url".into(),
        args: json!({"step": step}),
    };
    let events = vec![
        at(0, EventKind::ToolCallStarted(call(1))),
        at(
            1,
            EventKind::ToolCallFinished(ToolCallFinished {
                step: 1,
                tool: "navigate_to_url".into(),
                args: json!({"step": 1}),
                outcome: StepOutcome::Success,
                output: "opened".into(),
                duration_ms: 1000,
                started_at,
                usage: None,
            }),
        ),
        at(2, EventKind::ToolCallStarted(call(2))),
    ];
    for sink in [
        Box::new(JsonColumnSink::new(&db.store)) as Box<dyn Sink>,
        Box::new(StepTableSink::new(&db.store)),
    ] {
        sink.write_batch(&events).await.expect("sink write");
    }
    db.store
        .heartbeat(stale, last_alive)
        .await
        .expect("backdate heartbeat");
    let app = App::open(db.config(RuntimeSettings::default()))
        .await
        .expect("open");
    let stale_row = app
        .store
        .rows()
        .attempt(stale)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(stale_row.status, "interrupted");
    // No call is left open in any view: rows, the JSON column (checked equal to the
    // rows), and the timeline that `ragtime timeline` and the admin print.
    let steps = app.store.rows().steps(stale).await.expect("steps");
    let outcomes: Vec<&str> = steps.iter().map(|s| s.outcome.as_str()).collect();
    assert_eq!(outcomes, ["success", "interrupted"]);
    let open = &steps[1];
    let open_started = open.started_at;
    assert_eq!(
        open.duration_ms,
        Some((stale_row.heartbeat_at - open_started).num_milliseconds()),
        "the open call ends at the last heartbeat"
    );
    assert!(open.finished_at.is_some());
    assert_eq!(
        crate::assert_progress_matches_steps(&app.store, stale).await,
        2
    );
    let timeline = app
        .store
        .timeline(stale)
        .await
        .expect("timeline")
        .to_string();
    assert!(
        !timeline.contains("running…") && !timeline.contains("still running"),
        "an interrupted attempt shows no running call:\n{timeline}"
    );
    assert!(timeline.contains("interrupted"), "{timeline}");
    assert!(
        stale_row
            .message
            .unwrap_or_default()
            .contains("stale heartbeat")
    );
    assert_eq!(
        app.store
            .rows()
            .attempt(fresh)
            .await
            .expect("load")
            .expect("row")
            .status,
        "attempted"
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

/// Step numbers come from the supervisor alone: across a crash and its restarted tool
/// actor, a call cut by its deadline whose late answer still comes, and a call of an
/// unknown tool, the calls are numbered 1, 2, 3, … in the order they started; each
/// call's start and end carry its number, and every view keeps it.
async fn steps_are_numbered_by_the_supervisor_alone(backend: Backend) {
    let db = TestDb::new(backend).await;
    let app = App::open(db.config(quick_settings())).await.expect("open");
    let mut feed = app.live.subscribe();
    let script = vec![
        Decision::call("echo", json!({"text": "one"})),
        Decision::call("panic", json!({"message": "the tool actor dies"})),
        Decision::call("echo", json!({"text": "on the restarted actor"})),
        Decision::call("ignore_cancellation", json!({"ms": 1_000})),
        Decision::call("no_such_tool", json!({})),
        Decision::call("echo", json!({"text": "last"})),
        Decision::escalate("numbered"),
    ];
    let tools = ToolRegistry::new()
        .with(EchoTool::default())
        .with(PanicTool::default())
        .with(IgnoreCancellationTool::default());
    let report = start(&app, "numbers", script, tools).await.wait().await;
    let id = report.attempt_id;
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    loop {
        let event = tokio::time::timeout(Duration::from_secs(30), feed.recv())
            .await
            .expect("the attempt's events arrive")
            .expect("the subscriber keeps up");
        if event.attempt_id != id {
            continue;
        }
        match &event.kind {
            EventKind::ToolCallStarted(c) => starts.push((c.step, c.tool.clone())),
            EventKind::ToolCallFinished(c) => ends.push((c.step, c.tool.clone())),
            EventKind::AttemptFinished(_) => break,
            _ => {}
        }
    }
    let tools = [
        "echo",
        "panic",
        "echo",
        "ignore_cancellation",
        "no_such_tool",
        "echo",
    ];
    let numbered: Vec<(u32, String)> = tools
        .iter()
        .enumerate()
        .map(|(n, t)| (n as u32 + 1, t.to_string()))
        .collect();
    assert_eq!(starts, numbered, "starts numbered in order");
    let mut ended = ends.clone();
    ended.sort();
    assert_eq!(
        ended, numbered,
        "each call ends once, under its own number: {ends:?}"
    );
    assert_eq!(
        outcomes(&app, id).await,
        [
            "success", "crashed", "success", "timeout", "error", "success"
        ]
    );
    let rows: Vec<(u32, String)> = app
        .store
        .steps(id)
        .await
        .expect("steps")
        .into_iter()
        .map(|s| (u32::try_from(s.step).unwrap_or(0), s.tool))
        .collect();
    assert_eq!(rows, numbered, "the rows keep the supervisor's numbers");
    crate::assert_progress_matches_steps(&app.store, id).await;
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

crate::on_both_backends!(
    tool_deadline_holds_when_the_tool_ignores_cancellation,
    tool_deadline_holds_when_the_tool_blocks_its_thread,
    attempt_deadline_holds_mid_call,
    crashes_restart_within_the_budget_then_escalate,
    cancel_ends_a_running_attempt_as_cancelled,
    shutdown_writes_a_terminal_status,
    heartbeat_is_refreshed_while_running,
    stale_attempts_become_interrupted_at_start,
    steps_are_numbered_by_the_supervisor_alone,
);
