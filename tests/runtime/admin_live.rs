//! The admin's live parts beyond one timeline: the attempts list updating itself in
//! real Chromium, an admin on one daemon following and cancelling an attempt another
//! daemon runs (PostgreSQL NOTIFY and the cancel mark), and the episode filters.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ragtime::App;
use ragtime_core::{AttemptHandle, Decision, EventKind, RuntimeSettings, ToolRegistry};
use ragtime_store::EpisodeStatus;
use ragtime_testkit::{EchoTool, SleepTool};
use serde_json::json;

use crate::admin::{admin_on, client, csrf_in};
use crate::common::{Backend, TestDb, eventually, start_scripted_with, wait_for_steps};

/// Starts an attempt on `app` that follows `script` with the echo and sleep tools.
async fn start_scripted(app: &App, path: &str, script: Vec<Decision>) -> AttemptHandle {
    start_scripted_with(
        app,
        path,
        script,
        ToolRegistry::new()
            .with(EchoTool::default())
            .with(SleepTool::default()),
    )
    .await
}

/// In real Chromium: the "in flight" attempts list shows an attempt that starts
/// after the page loaded, then its end status, without a reload; an attempt that
/// had ended before is never added to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_attempts_list_updates_itself_in_a_real_browser() {
    use ragtime_browser::{BrowserPool, BrowserSettings};

    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.config(RuntimeSettings::default());
    let a = admin_on(db, config).await;
    let pool = BrowserPool::new(BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        ..BrowserSettings::default()
    })
    .expect("valid browser settings");
    let browser = pool.open_context().await.expect("browser");
    let (page, mark) = browser.page().await.expect("page");
    let ended_before = start_scripted(&a.app, "/before", vec![Decision::escalate("over")])
        .await
        .wait()
        .await
        .attempt_id;
    a.log_in_browser(&page).await;
    page.goto(a.url("/attempts?status=attempted"))
        .await
        .expect("in-flight list");
    // The page has connected its stream once the server counts a subscriber.
    eventually(
        Duration::from_secs(10),
        "the list's live stream",
        async || (a.app.live.subscribers() > 0).then_some(()),
    )
    .await;

    // The attempt holds at its gate until the list has shown it in flight.
    let script = vec![
        Decision::call("gate", json!({})),
        Decision::escalate("<i>seen live</i>"),
    ];
    let (gate_tool, gate) = ragtime_testkit::GateTool::new();
    let handle =
        start_scripted_with(&a.app, "/list", script, ToolRegistry::new().with(gate_tool)).await;
    let id = handle.attempt_id;
    let row_status = format!(
        "(document.querySelector('tr[data-attempt=\"{id}\"] td.status') || {{}}).textContent || ''"
    );
    let status_shown = async |wanted: &str| {
        let started = Instant::now();
        loop {
            let shown: String = page
                .evaluate_expression(row_status.as_str())
                .await
                .ok()
                .and_then(|r| r.into_value().ok())
                .unwrap_or_default();
            if shown == wanted {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the list never showed attempt {id} as {wanted} (shows {shown:?})"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    status_shown("attempted").await;
    gate.open();
    handle.wait().await;
    status_shown("awaiting_human").await;
    let stray: bool = page
        .evaluate_expression(format!(
            "document.querySelector('tr[data-attempt=\"{ended_before}\"]') !== null"
        ))
        .await
        .expect("query")
        .into_value()
        .expect("bool");
    assert!(!stray, "an ended attempt was added to the in-flight list");
    let message: String = page
        .evaluate_expression(format!(
            "document.querySelector('tr[data-attempt=\"{id}\"] td.message').textContent"
        ))
        .await
        .expect("message")
        .into_value()
        .expect("text");
    assert_eq!(message, "<i>seen live</i>", "shown as text");
    let reloads: u64 = page
        .evaluate_expression("performance.getEntriesByType('navigation').length")
        .await
        .expect("navigation entries")
        .into_value()
        .expect("number");
    assert_eq!(reloads, 1, "the list updated without a reload");
    mark.done();
    browser.close().await;
    pool.shutdown().await;
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// Reads an SSE response until `done` holds for what arrived, or fails at `limit`.
async fn read_stream_until(
    response: &mut reqwest::Response,
    limit: Duration,
    done: impl Fn(&str) -> bool,
) -> String {
    let mut text = String::new();
    let started = Instant::now();
    while !done(&text) {
        let left = limit.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, response.chunk()).await {
            Ok(Ok(Some(chunk))) => text.push_str(&String::from_utf8_lossy(&chunk)),
            Ok(Ok(None)) => panic!("the stream ended early:\n{text}"),
            Ok(Err(err)) => panic!("the stream failed: {err}\n{text}"),
            Err(_) => panic!("the stream did not show what was expected in {limit:?}:\n{text}"),
        }
    }
    text
}

/// Two daemons on one PostgreSQL database: the admin of daemon A shows, live, an
/// attempt daemon B runs (its events reach A through NOTIFY), and A's cancel button
/// stops it in B within a second (through the cancel mark B watches).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_follows_and_cancels_an_attempt_another_daemon_runs() {
    let db = TestDb::postgres().await;
    let mut config = db.config(RuntimeSettings::default());
    config.progress.sinks = vec![
        "json_column".to_string(),
        "step_table".to_string(),
        "live".to_string(),
        "notify".to_string(),
    ];
    let a = admin_on(db, config.clone()).await;
    let b = Arc::new(App::open(config).await.expect("daemon B"));
    let b_watch = tokio::spawn(ragtime::daemon::watch_cancel_requests(Arc::clone(&b)));
    let mut a_feed = a.app.live.subscribe();

    let script = vec![
        Decision::call("echo", json!({"text": "first"})),
        Decision::call("sleep", json!({"ms": 60_000})),
    ];
    let handle = start_scripted(&b, "/elsewhere", script).await;
    let id = handle.attempt_id;

    // B's events arrive in A's live feed, so they did not come from A's rows.
    let via_notify = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let event = a_feed.recv().await.expect("A's feed");
            if event.attempt_id == id
                && matches!(&event.kind, EventKind::ToolCallStarted(c) if c.tool == "sleep")
            {
                return;
            }
        }
    })
    .await;
    assert!(via_notify.is_ok(), "B's step never reached A's live feed");

    let cookie = a.login().await;
    let mut stream = client()
        .get(a.url(&format!("/attempts/{id}/events")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("A's event stream");
    assert_eq!(stream.status(), 200);
    read_stream_until(&mut stream, Duration::from_secs(10), |t| {
        t.contains("\"tool\":\"sleep\"") && t.contains("\"outcome\":\"running\"")
    })
    .await;

    let page = a
        .get(&format!("/attempts/{id}"), &cookie)
        .await
        .text()
        .await
        .expect("attempt page");
    let asked = Instant::now();
    let cancelled = client()
        .post(a.url(&format!("/attempts/{id}/cancel")))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf_in(&page))])
        .send()
        .await
        .expect("cancel");
    assert_eq!(cancelled.status(), 303, "A accepts the cancel");
    let report = tokio::time::timeout(Duration::from_secs(30), handle.wait())
        .await
        .unwrap_or_else(|_| panic!("B did not cancel"));
    assert_eq!(report.status, ragtime_core::AttemptStatus::Cancelled);
    let took = asked.elapsed();
    let ended = read_stream_until(&mut stream, Duration::from_secs(10), |t| {
        t.contains("event: end")
    })
    .await;
    assert!(ended.contains("\"status\":\"cancelled\""), "{ended}");
    // The latency across daemons (a 250 ms poll) is printed; the outcome is asserted.
    println!("cancel across daemons took {took:?}");

    let again = client()
        .post(a.url(&format!("/attempts/{id}/cancel")))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf_in(&page))])
        .send()
        .await
        .expect("cancel again");
    assert_eq!(again.status(), 409, "an ended attempt cannot be cancelled");

    b_watch.abort();
    b.close(Duration::from_secs(5)).await.expect("close B");
    a.app.close(Duration::from_secs(5)).await.expect("close A");
    a.db.cleanup().await;
}

/// Without the `live` sink (like an attempt run by another process that does not
/// notify), the event stream still follows the attempt from its rows to the end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_without_live_events_follows_the_rows() {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let mut config = db.config(RuntimeSettings::default());
    config.progress.sinks = vec!["json_column".to_string(), "step_table".to_string()];
    let a = admin_on(db, config).await;
    let cookie = a.login().await;
    // The attempt holds at its gate until the stream has shown it, so the rest is
    // followed from the rows while the attempt runs.
    let script = vec![
        Decision::call("gate", json!({})),
        Decision::call("echo", json!({"text": "after the pause"})),
        Decision::escalate("seen from the rows"),
    ];
    let (gate_tool, gate) = ragtime_testkit::GateTool::new();
    let tools = ToolRegistry::new()
        .with(EchoTool::default())
        .with(gate_tool);
    let handle = start_scripted_with(&a.app, "/rows", script, tools).await;
    let id = handle.attempt_id;
    let mut stream = client()
        .get(a.url(&format!("/attempts/{id}/events")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("stream");
    read_stream_until(&mut stream, Duration::from_secs(60), |t| {
        t.contains("\"tool\":\"gate\"")
    })
    .await;
    gate.open();
    let text = read_stream_until(&mut stream, Duration::from_secs(60), |t| {
        t.contains("event: end")
    })
    .await;
    assert!(
        text.contains("\"tool\":\"echo\"") && text.contains("\"outcome\":\"success\""),
        "{text}"
    );
    assert!(text.contains("\"status\":\"awaiting_human\""), "{text}");
    handle.wait().await;
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// A text too long for a notification reaches another daemon's page whole: the
/// notification carries it cut and says so, and the page reads the rows for it once
/// the attempt ends (a stream whose events were complete and uncut reads none).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_a_notification_cut_reaches_the_page_whole() {
    let db = TestDb::postgres().await;
    let mut config = db.config(RuntimeSettings {
        output_limit: 20_000,
        ..RuntimeSettings::default()
    });
    config.progress.sinks = vec![
        "json_column".to_string(),
        "step_table".to_string(),
        "live".to_string(),
        "notify".to_string(),
    ];
    let a = admin_on(db, config.clone()).await;
    let b = App::open(config).await.expect("daemon B");
    let cookie = a.login().await;
    let long = format!("{}THE-WHOLE-TEXT-END", "0123456789".repeat(1200));
    let script = vec![
        Decision::call("gate", json!({})),
        Decision::call("echo", json!({"text": long})),
        Decision::escalate("long text shown"),
    ];
    let (gate_tool, gate) = ragtime_testkit::GateTool::new();
    let tools = ToolRegistry::new()
        .with(EchoTool::default())
        .with(gate_tool);
    let handle = start_scripted_with(&b, "/long", script, tools).await;
    let id = handle.attempt_id;
    let mut stream = client()
        .get(a.url(&format!("/attempts/{id}/events")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("A's event stream");
    // Connected while B holds at its gate, so the long step reaches A as a
    // notification.
    read_stream_until(&mut stream, Duration::from_secs(60), |t| {
        t.contains("\"tool\":\"gate\"")
    })
    .await;
    gate.open();
    let text = read_stream_until(&mut stream, Duration::from_secs(20), |t| {
        t.contains("event: end")
    })
    .await;
    let end = text.find("event: end").unwrap_or(text.len());
    assert!(
        text[..end].contains("THE-WHOLE-TEXT-END"),
        "the page got only the cut text before the end:\n{}",
        &text[..text.len().min(2000)]
    );
    handle.wait().await;
    b.close(Duration::from_secs(5)).await.expect("close B");
    a.app.close(Duration::from_secs(5)).await.expect("close A");
    a.db.cleanup().await;
}

/// `/episodes` filters by status and by text in the URL or title, and pages; a bad
/// status is a 400; the event stream of an unknown attempt is a 404.
async fn episodes_filter_by_status_and_text(backend: Backend) {
    let db = TestDb::new(backend).await;
    let config = db.config(RuntimeSettings::default());
    let a = admin_on(db, config).await;
    let store = &a.app.store;
    let mut ids = Vec::new();
    for n in 0..60 {
        ids.push(
            store
                .submit(&format!("http://127.0.0.1/show-{n}"))
                .await
                .expect("submit")
                .episode_id,
        );
    }
    let failed = store
        .submit("http://127.0.0.1/<b>broken</b>")
        .await
        .expect("submit")
        .episode_id;
    store
        .set_episode_status(failed, EpisodeStatus::Failed, Default::default())
        .await
        .expect("status");
    let cookie = a.login().await;
    let page = async |query: &str| {
        let response = a.get(&format!("/episodes{query}"), &cookie).await;
        (
            response.status().as_u16(),
            response.text().await.expect("body"),
        )
    };
    let listed = |html: &str| html.matches("<tr><td><a href=\"/episodes/").count();

    let (status, html) = page("?status=failed").await;
    assert_eq!(status, 200);
    assert_eq!(listed(&html), 1, "{html}");
    assert!(
        html.contains("&lt;b&gt;broken&lt;/b&gt;"),
        "URL shown as text"
    );
    let (_, html) = page("?q=show-1").await;
    // show-1 and show-10 … show-19
    assert_eq!(listed(&html), 11, "{html}");
    let (_, html) = page("?q=SHOW-1").await;
    assert_eq!(listed(&html), 11, "the text matches regardless of case");
    let (_, html) = page("?status=queued").await;
    assert_eq!(listed(&html), 50, "a page holds 50");
    assert!(html.contains("older →"));
    let (_, html) = page("?status=queued&page=1").await;
    assert_eq!(listed(&html), 10);
    assert!(html.contains("← newer") && !html.contains("older →"));
    let (status, _) = page("?status=nonsense").await;
    assert_eq!(status, 400);
    let (_, html) = page("?q=%25").await;
    assert_eq!(listed(&html), 0, "% is matched literally: {html}");
    let (_, html) = page("?q=show_1").await;
    assert_eq!(listed(&html), 0, "_ is matched literally");

    let missing = a.get("/attempts/999999/events", &cookie).await;
    assert_eq!(missing.status(), 404);
    let bad = a.get("/attempts/events?status=nonsense", &cookie).await;
    assert_eq!(bad.status(), 400);
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

crate::on_both_backends!(episodes_filter_by_status_and_text);

/// The steps an attempt's event stream has shown so far: step → (tool, outcome), the
/// last view of each; and the `end` event's data, once sent.
fn stream_steps(
    text: &str,
) -> (
    std::collections::BTreeMap<i64, (String, String)>,
    Option<serde_json::Value>,
) {
    let mut steps = std::collections::BTreeMap::new();
    let mut end = None;
    for block in text.split("\n\n") {
        let mut event = "";
        let mut data = String::new();
        for line in block.lines() {
            if let Some(name) = line.strip_prefix("event:") {
                event = name.trim();
            } else if let Some(d) = line.strip_prefix("data:") {
                data.push_str(d.trim_start());
            }
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&data) else {
            continue;
        };
        match event {
            "step" => {
                let text = |k: &str| value[k].as_str().unwrap_or_default().to_string();
                steps.insert(
                    value["step"].as_i64().unwrap_or(0),
                    (text("tool"), text("outcome")),
                );
            }
            "end" => end = Some(value),
            _ => {}
        }
    }
    (steps, end)
}

/// A page that reconnects to an attempt's event stream after missing some of its
/// steps is sent every step from the rows, then follows the attempt to its end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnecting_stream_catches_up_on_the_steps_it_missed() {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.config(RuntimeSettings::default());
    let a = admin_on(db, config).await;
    let cookie = a.login().await;
    let script = vec![
        Decision::call("echo", json!({"text": "seen live"})),
        Decision::call("sleep", json!({"ms": 300})),
        Decision::call("echo", json!({"text": "missed"})),
        Decision::call("echo", json!({"text": "missed too"})),
        Decision::call("sleep", json!({"ms": 60_000})),
    ];
    let handle = start_scripted(&a.app, "/reconnect", script).await;
    let id = handle.attempt_id;
    let path = format!("/attempts/{id}/events");
    let mut first = a.get(&path, &cookie).await;
    assert_eq!(first.status(), 200);
    let seen = read_stream_until(&mut first, Duration::from_secs(30), |t| {
        stream_steps(t)
            .0
            .get(&1)
            .is_some_and(|(_, o)| o == "success")
    })
    .await;
    // The page goes away; the attempt goes on without it.
    drop(first);
    wait_for_steps(&a.app.store, id, 5).await;
    // Steps 3 and 4 come after the page left (unless it was slow to read step 1).
    println!(
        "the first connection saw steps {:?}",
        stream_steps(&seen).0.keys().collect::<Vec<_>>()
    );

    let mut again = a.get(&path, &cookie).await;
    assert_eq!(again.status(), 200);
    let caught_up = read_stream_until(&mut again, Duration::from_secs(30), |t| {
        let steps = stream_steps(t).0;
        (1..=4).all(|n| steps.get(&n).is_some_and(|(_, o)| o == "success"))
            && steps.get(&5).is_some_and(|(_, o)| o == "running")
    })
    .await;
    let steps = stream_steps(&caught_up).0;
    let tools: Vec<&str> = steps.values().map(|(t, _)| t.as_str()).collect();
    assert_eq!(tools, ["echo", "sleep", "echo", "echo", "sleep"]);

    handle.cancel("the test is done");
    let ended = read_stream_until(&mut again, Duration::from_secs(30), |t| {
        stream_steps(t).1.is_some()
    })
    .await;
    let (steps, end) = stream_steps(&format!("{caught_up}{ended}"));
    assert_eq!(
        end.as_ref().and_then(|e| e["status"].as_str()),
        Some("cancelled"),
        "{ended}"
    );
    assert_eq!(
        steps.get(&5).map(|(_, o)| o.as_str()),
        Some("cancelled"),
        "{steps:?}"
    );
    handle.wait().await;
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// A page opened just as an attempt ended, while the sinks have not yet written its
/// last steps (the terminal status is written first): the stream waits for the
/// steps before it sends the end, instead of ending the page without them. On
/// PostgreSQL, a lock on `recovery_steps` holds the step rows back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_opened_as_an_attempt_ends_waits_for_its_last_steps() {
    use sea_orm::{ConnectionTrait, Database, TransactionTrait};

    let db = TestDb::postgres().await;
    let url = db.settings.url.clone();
    let config = db.config(RuntimeSettings::default());
    let a = admin_on(db, config).await;
    let cookie = a.login().await;
    let holder = Database::connect(&url).await.expect("connect");
    let lock = holder.begin().await.expect("begin");
    lock.execute_unprepared("LOCK TABLE recovery_steps IN EXCLUSIVE MODE")
        .await
        .expect("lock");
    let script = vec![
        Decision::call("echo", json!({"text": "first"})),
        Decision::call("echo", json!({"text": "second"})),
        Decision::escalate("over"),
    ];
    let handle = start_scripted(&a.app, "/late-rows", script).await;
    let id = handle.attempt_id;
    handle.wait().await;
    assert!(
        a.app.store.steps(id).await.expect("steps").is_empty(),
        "the step rows are held back by the lock"
    );
    let mut stream = a.get(&format!("/attempts/{id}/events"), &cookie).await;
    assert_eq!(stream.status(), 200);
    // The rows come a little after the page connected (the old stream had sent its
    // end by then).
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        lock.commit().await.expect("release");
    });
    let text = read_stream_until(&mut stream, Duration::from_secs(30), |t| {
        stream_steps(t).1.is_some()
    })
    .await;
    release.await.expect("released");
    let (steps, end) = stream_steps(&text);
    assert_eq!(
        end.as_ref().and_then(|e| e["status"].as_str()),
        Some("awaiting_human")
    );
    assert_eq!(
        steps.values().map(|(_, o)| o.as_str()).collect::<Vec<_>>(),
        ["success", "success"],
        "both steps reach the page before its end:\n{text}"
    );
    holder.close().await.ok();
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}
