//! `[browser] connect`: attempts run in a Chromium this daemon did not start, behind
//! the same egress gate; a Chromium killed mid-attempt ends that attempt, and the
//! next one attaches to its replacement.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::AttemptStatus;
use ragtime_fixtures::FixtureSite;

use crate::common::{TestDb, eventually};

/// A Chromium started the way a browser pool or a sidecar container runs one:
/// headless, with its DevTools port on loopback.
struct RemoteChromium {
    child: Child,
    _profile: tempfile::TempDir,
}

impl RemoteChromium {
    async fn start(port: u16) -> RemoteChromium {
        let profile = tempfile::tempdir().expect("profile dir");
        let child = Command::new("/usr/bin/chromium")
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-address=127.0.0.1",
                &format!("--remote-debugging-port={port}"),
                &format!("--user-data-dir={}", profile.path().display()),
                "about:blank",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let chromium = RemoteChromium {
            child,
            _profile: profile,
        };
        eventually(Duration::from_secs(30), "chromium's DevTools", || {
            devtools_answer(port)
        })
        .await;
        chromium
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RemoteChromium {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `Some` when the DevTools endpoint on `port` answers.
async fn devtools_answer(port: u16) -> Option<()> {
    let client = ragtime_egress::client_builder()
        .no_proxy()
        .timeout(Duration::from_secs(2))
        .build()
        .ok()?;
    let response = client
        .get(format!("http://127.0.0.1:{port}/json/version"))
        .send()
        .await
        .ok()?;
    response.status().is_success().then_some(())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

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
    let port = free_port();
    let mut chromium = RemoteChromium::start(port).await;
    let site = FixtureSite::start().await.expect("fixture site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media dir");
    let mut config = db.browser_config(media.path());
    config.browser.connect = Some(format!("http://127.0.0.1:{port}"));
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
    let _replacement = RemoteChromium::start(port).await;
    let report = recover(&app, &site, "direct-link").await;
    assert_eq!(report.status, AttemptStatus::Resolved, "{report:?}");

    // The daemon lets go of a browser it did not start; it does not close it.
    app.close(Duration::from_secs(10)).await.expect("close");
    assert!(
        devtools_answer(port).await.is_some(),
        "the attached chromium still runs after the daemon closed"
    );
    db.cleanup().await;
}
