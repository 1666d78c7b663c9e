//! `[browser] connect`: attempts run in a Chromium this daemon did not start, behind
//! the same egress gate; a Chromium killed mid-attempt ends that attempt, and the
//! next one attaches to its replacement.

use std::time::Duration;

use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::AttemptStatus;
use ragtime_fixtures::FixtureSite;
use ragtime_testkit::chromium::{RemoteChromium, devtools_answers, free_port};

use crate::common::{TestDb, eventually};

async fn recover(app: &App, site: &FixtureSite, slug: &str) -> ragtime_core::AttemptReport {
    let request = AttemptRequest {
        episode_url: site.episode_url(slug),
        strategy: "agent".into(),
        ..Default::default()
    };
    app.start_agent_attempt(request)
        .await
        .expect("start")
        .wait()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attempts_run_in_an_attached_chromium_and_reattach_after_it_dies() {
    let port = free_port().expect("a free port");
    let chromium_path = std::path::Path::new("/usr/bin/chromium");
    let mut chromium = RemoteChromium::start(chromium_path, port)
        .await
        .expect("chromium");
    let site = FixtureSite::start().await.expect("fixture site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media dir");
    let mut config = db.browser_config(media.path());
    config.browser.connect = Some(chromium.address());
    // Nothing may be launched: a launch would fail on this path.
    config.browser.executable = "/nonexistent/chromium".into();
    let app = App::open(config).await.expect("open");

    // An attempt that needs a click runs through the attached browser.
    let report = recover(&app, &site, "more-info").await;
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");
    assert!(
        std::fs::read_dir(media.path()).expect("media").count() == 1,
        "the audio was downloaded"
    );

    // The egress gate holds there too: the page that redirects to an internal
    // address (127.0.0.3 standing in) is refused.
    let report = recover(&app, &site, "redirect-metadata").await;
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let steps = app
        .store
        .rows()
        .steps(report.attempt_id)
        .await
        .expect("steps");
    assert_eq!(steps[0].outcome, "blocked", "{steps:?}");
    assert!(
        steps[0]
            .tool_output
            .as_deref()
            .unwrap_or("")
            .contains("127.0.0.3"),
        "{steps:?}"
    );

    // Chromium dies while a call waits on a page that never answers: the attempt
    // still ends, with a terminal status and no step left running.
    let handle = app
        .start_agent_attempt(AttemptRequest {
            episode_url: site.episode_url("never-answers"),
            strategy: "agent".into(),
            ..Default::default()
        })
        .await
        .expect("start");
    let id = handle.attempt_id;
    eventually(Duration::from_secs(30), "a step running", || {
        let store = app.store.clone();
        async move {
            let steps = store.rows().steps(id).await.ok()?;
            steps.iter().any(|s| s.outcome == "running").then_some(())
        }
    })
    .await;
    chromium.kill();
    let report = tokio::time::timeout(Duration::from_secs(120), handle.wait())
        .await
        .expect("the attempt ended after its browser died");
    assert_ne!(report.status, AttemptStatus::Attempted, "{report:?}");
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let steps = app.store.rows().steps(id).await.expect("steps");
    assert!(
        steps.iter().all(|s| s.outcome != "running"),
        "no step is left running: {steps:?}"
    );
    println!(
        "with its browser killed the attempt ended {} after {} step(s)",
        report.status.as_str(),
        steps.len()
    );

    // A new Chromium on the same address: the next attempt attaches to it.
    let _replacement = RemoteChromium::start(chromium_path, port)
        .await
        .expect("chromium again");
    let report = recover(&app, &site, "direct-link").await;
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");

    // The daemon lets go of a browser it did not start; it does not close it.
    app.close(Duration::from_secs(10)).await.expect("close");
    assert!(
        devtools_answers(port).await,
        "the attached chromium still runs after the daemon closed"
    );
    db.cleanup().await;
}
