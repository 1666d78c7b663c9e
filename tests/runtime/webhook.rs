//! The `webhook` sink end to end: a receiver on loopback gets exactly one message per
//! escalation, with the episode, the reason, the last steps and the admin's link, in
//! each shape; a receiver that is away for a while still gets each message once; the
//! egress rules hold for its address.

use std::time::Duration;

use ragtime::App;
use ragtime_core::{Decision, QueueSettings, RuntimeSettings, ToolRegistry};
use ragtime_ingest::webhook::{WebhookFormat, WebhookSinkConfig};
use ragtime_testkit::receiver::PostReceiver;
use ragtime_testkit::{EchoTool, FailTool};
use serde_json::{Value, json};

use crate::common::{TestDb, eventually, sink_stats, start_scripted_with};

/// An app on `db` whose sinks include `webhook`, configured by `tune`.
async fn app_with_webhook(db: &TestDb, tune: impl FnOnce(&mut WebhookSinkConfig)) -> App {
    let mut config = db.config(RuntimeSettings::default());
    config.progress.sinks.push("webhook".to_string());
    let mut webhook = WebhookSinkConfig {
        allow_hosts: vec!["127.0.0.1".into()],
        admin_url: Some("https://ragtime.example/".into()),
        queue: QueueSettings {
            retry_initial: Duration::from_millis(50),
            retry_max: Duration::from_millis(400),
            ..WebhookSinkConfig::default().queue
        },
        ..WebhookSinkConfig::default()
    };
    tune(&mut webhook);
    config
        .progress
        .set_options("webhook", &webhook)
        .expect("the webhook table");
    App::open(config).await.expect("open")
}

/// Runs an attempt that makes two calls and ends with `end`; its id.
async fn run(app: &App, path: &str, end: Decision) -> ragtime_core::AttemptId {
    let script = vec![
        Decision::call("echo", json!({"text": "looked at <the page>"})),
        Decision::call("fail", json!({"message": "no audio here"})),
        end,
    ];
    let tools = ToolRegistry::new()
        .with(EchoTool::default())
        .with(FailTool::default());
    start_scripted_with(app, path, script, tools)
        .await
        .wait()
        .await
        .attempt_id
}

/// The messages the receiver accepted (answered 200), in order.
fn bodies(receiver: &PostReceiver) -> Vec<Value> {
    receiver
        .posts()
        .iter()
        .filter(|p| p.answered == 200)
        .map(|p| serde_json::from_slice(&p.body).expect("a JSON body"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_escalation_is_one_message_with_what_a_person_needs() {
    let receiver = PostReceiver::start("/hook", "application/json")
        .await
        .expect("receiver");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    // A header's value from the environment (PATH: set in every environment).
    let app = app_with_webhook(&db, |w| {
        w.url = receiver.url();
        w.headers_from_env = [("X-Hook-Token".to_string(), "PATH".to_string())].into();
    })
    .await;
    let escalated = run(&app, "/hook/1", Decision::escalate("nothing to play")).await;
    run(
        &app,
        "/hook/2",
        Decision::resolve("found", Some("http://127.0.0.1/a.mp3".into())),
    )
    .await;
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let messages = bodies(&receiver);
    assert_eq!(
        messages.len(),
        1,
        "only the escalation is sent: {messages:?}"
    );
    let message = &messages[0];
    assert_eq!(message["event"], "attempt_ended");
    assert_eq!(message["attempt_id"], json!(escalated));
    assert_eq!(message["status"], "awaiting_human");
    assert_eq!(message["reason"], "nothing to play");
    assert_eq!(message["episode_url"], "http://127.0.0.1/hook/1");
    assert!(message["episode_id"].is_i64(), "{message}");
    assert_eq!(
        message["link"],
        format!("https://ragtime.example/attempts/{escalated}")
    );
    let steps: Vec<(&str, &str)> = message["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["tool"].as_str().unwrap_or(""),
                s["outcome"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(steps, [("echo", "success"), ("fail", "error")]);
    let headers = &receiver.posts()[0].headers;
    assert_eq!(
        headers.get("x-hook-token").and_then(|v| v.to_str().ok()),
        std::env::var("PATH").ok().as_deref(),
        "a header's value comes from the environment"
    );
    let stats = sink_stats(&app, "webhook");
    assert_eq!((stats.dropped, stats.failed), (0, 0), "{stats:?}");
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slack_and_matrix_shapes_escape_what_came_from_a_page() {
    for format in [WebhookFormat::Slack, WebhookFormat::Matrix] {
        let receiver = PostReceiver::start("/hook", "application/json")
            .await
            .expect("receiver");
        let db = TestDb::sqlite(Duration::from_secs(5)).await;
        let app = app_with_webhook(&db, |w| {
            w.url = receiver.url();
            w.format = format;
        })
        .await;
        let id = run(&app, "/hook/<b>", Decision::escalate("a <script> & more")).await;
        app.runtime
            .flush(Duration::from_secs(10))
            .await
            .expect("flush");
        let messages = bodies(&receiver);
        assert_eq!(messages.len(), 1, "{format:?}: {messages:?}");
        let text = messages[0]["text"].as_str().expect("text");
        let link = format!("https://ragtime.example/attempts/{id}");
        match format {
            WebhookFormat::Slack => {
                assert!(text.contains("a &lt;script&gt; &amp; more"), "{text}");
                assert!(
                    text.contains(&format!("<{link}|Open in the admin>")),
                    "{text}"
                );
            }
            _ => {
                let html = messages[0]["html"].as_str().expect("html");
                assert!(html.contains("a &lt;script&gt; &amp; more"), "{html}");
                assert!(!html.contains("<script>"), "{html}");
                assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
                assert!(text.contains("fail: error"), "{text}");
            }
        }
        app.close(Duration::from_secs(5)).await.expect("close");
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receiver_away_for_a_while_gets_every_message_once() {
    let mut receiver = PostReceiver::start("/hook", "application/json")
        .await
        .expect("receiver");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let app = app_with_webhook(&db, |w| w.url = receiver.url()).await;
    receiver.stop();
    let mut sent = Vec::new();
    for n in 0..3 {
        sent.push(run(&app, &format!("/away/{n}"), Decision::escalate("look")).await);
    }
    // The sink has tried and failed while the receiver was down.
    eventually(Duration::from_secs(30), "a retry", || async {
        (sink_stats(&app, "webhook").retries >= 2).then_some(())
    })
    .await;
    // A receiver that answers 503 is retried too, and keeps nothing twice.
    receiver.restart().await.expect("back");
    receiver.answer_with(503);
    eventually(Duration::from_secs(30), "a 503 answered", || async {
        (!receiver.posts().is_empty()).then_some(())
    })
    .await;
    receiver.answer_with(200);
    app.runtime
        .flush(Duration::from_secs(30))
        .await
        .expect("flush");
    let delivered = bodies(&receiver);
    let mut ids: Vec<_> = delivered.iter().map(|m| m["attempt_id"].clone()).collect();
    ids.sort_by_key(|v| v.as_i64());
    assert_eq!(ids, sent.iter().map(|id| json!(id)).collect::<Vec<_>>());
    let stats = sink_stats(&app, "webhook");
    assert_eq!(
        (stats.dropped, stats.failed, stats.pending),
        (0, 0, 0),
        "{stats:?}"
    );
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_egress_rules_hold_for_the_webhook_unless_its_host_is_allowed() {
    let receiver = PostReceiver::start("/hook", "application/json")
        .await
        .expect("receiver");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    // 127.0.0.2 stands in for an internal host; it is not allowed.
    let port = receiver
        .base()
        .rsplit(':')
        .next()
        .unwrap_or_default()
        .to_string();
    let app = app_with_webhook(&db, |w| {
        w.url = format!("http://127.0.0.2:{port}/hook");
        w.allow_hosts = Vec::new();
    })
    .await;
    run(&app, "/internal", Decision::escalate("look")).await;
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let stats = sink_stats(&app, "webhook");
    assert_eq!(stats.failed, 1, "refused, given up on: {stats:?}");
    assert!(receiver.posts().is_empty());
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}
