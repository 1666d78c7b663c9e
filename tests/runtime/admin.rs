//! The admin web over real HTTP on loopback: access control, CSRF, escaping of page
//! text, the live event stream; and in real Chromium, a timeline that updates itself.

use std::sync::Arc;
use std::time::Duration;

use ragtime::App;
use ragtime::admin::{AdminServer, AdminState, Sessions, hash_password};
use ragtime::app::AttemptRequest;
use ragtime_core::{Decision, RuntimeSettings, ToolRegistry};
use ragtime_testkit::{EchoTool, ScriptedPlanner, SleepTool};
use serde_json::json;

use crate::common::{TestDb, eventually};

const PASSWORD: &str = "correct horse";

pub(crate) struct Admin {
    pub app: Arc<App>,
    pub server: AdminServer,
    pub db: TestDb,
}

async fn admin() -> Admin {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.config(RuntimeSettings::default());
    admin_on(db, config).await
}

/// An app on `db` with `config`, and its admin on a free loopback port.
pub(crate) async fn admin_on(db: TestDb, config: ragtime::Config) -> Admin {
    let sessions = Sessions::new(
        hash_password(PASSWORD).expect("hash"),
        Duration::from_secs(600),
    );
    admin_with(db, config, sessions).await
}

/// An admin on SQLite whose logins are throttled by `limits`.
async fn admin_throttled(limits: ragtime::admin::LoginLimits) -> Admin {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.config(RuntimeSettings::default());
    let sessions = Sessions::with_limits(
        hash_password(PASSWORD).expect("hash"),
        Duration::from_secs(600),
        limits,
    );
    admin_with(db, config, sessions).await
}

async fn admin_with(db: TestDb, config: ragtime::Config, sessions: Sessions) -> Admin {
    let app = Arc::new(App::open(config).await.expect("open"));
    let state = Arc::new(AdminState {
        app: Arc::clone(&app),
        sessions,
        trace_url: Some("http://127.0.0.1:16686/trace/{trace_id}".to_string()),
    });
    let server = AdminServer::start("127.0.0.1:0", state)
        .await
        .expect("admin");
    Admin { app, server, db }
}

pub(crate) fn client() -> reqwest::Client {
    ragtime_egress::client_builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The CSRF token from a page of a logged-in session.
pub(crate) fn csrf_in(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("csrf token in the page")
        .to_string()
}

impl Admin {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.server.addr)
    }

    /// The CSRF token of a logged-in session, from one of its pages.
    pub(crate) async fn csrf(&self, cookie: &str) -> String {
        let page = self
            .get("/attempts", cookie)
            .await
            .text()
            .await
            .expect("body");
        csrf_in(&page)
    }

    /// Logs in; returns the session cookie and its CSRF token.
    pub(crate) async fn login_with_csrf(&self) -> (String, String) {
        let cookie = self.login().await;
        let csrf = self.csrf(&cookie).await;
        (cookie, csrf)
    }

    /// Logs in; returns the session cookie.
    pub(crate) async fn login(&self) -> String {
        let response = client()
            .post(self.url("/login"))
            .form(&[("password", PASSWORD)])
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), 303);
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .expect("cookie")
            .to_string();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
        cookie.split(';').next().unwrap_or_default().to_string()
    }

    pub(crate) async fn get(&self, path: &str, cookie: &str) -> reqwest::Response {
        client()
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .expect("get")
    }

    /// Logs in with the form in a real browser page; returns when it is on /attempts.
    pub(crate) async fn log_in_browser(&self, page: &chromiumoxide::Page) {
        page.goto(self.url("/login")).await.expect("login page");
        page.evaluate_expression(format!(
        "document.querySelector('input[name=password]').value = {}; document.querySelector('form').submit();",
        serde_json::to_string(PASSWORD).expect("json")
    ))
    .await
    .expect("submit login");
        // Logged in when the form's redirect has landed on the attempts list.
        let login_started = std::time::Instant::now();
        loop {
            let path: String = page
                .evaluate_expression("location.pathname")
                .await
                .ok()
                .and_then(|r| r.into_value().ok())
                .unwrap_or_default();
            if path == "/attempts" {
                break;
            }
            assert!(
                login_started.elapsed() < Duration::from_secs(10),
                "login did not land on /attempts: {path}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A finished attempt whose output is page text with markup in it.
    async fn attempt_with_markup(&self) -> ragtime_core::AttemptId {
        let script = vec![
            Decision::call(
                "echo",
                json!({"text": "<script>window.__owned = 1</script><img src=x onerror=alert(1)>"}),
            ),
            Decision::escalate("<b>not bold</b>"),
        ];
        let request = AttemptRequest {
            episode_url: "http://127.0.0.1/markup".into(),
            strategy: "agent".into(),
            ..Default::default()
        };
        let tools = Arc::new(ToolRegistry::new().with(EchoTool::default()));
        let report = self
            .app
            .start_attempt(request, Arc::new(ScriptedPlanner::new(script)), tools)
            .await
            .expect("start")
            .wait()
            .await;
        self.app
            .runtime
            .flush(Duration::from_secs(5))
            .await
            .expect("flush");
        report.attempt_id
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_needs_a_session_and_forms_need_the_csrf_token() {
    let a = admin().await;
    let id = a.attempt_with_markup().await;
    let anonymous = client();
    assert_eq!(
        anonymous
            .get(a.url("/healthz"))
            .send()
            .await
            .expect("healthz")
            .status(),
        200
    );
    for path in [
        "/attempts",
        "/episodes",
        &format!("/attempts/{id}"),
        "/episodes/1",
        &format!("/attempts/{id}/events"),
        "/screenshots/1",
    ] {
        let response = anonymous.get(a.url(path)).send().await.expect("get");
        assert_eq!(response.status(), 303, "{path}");
        assert_eq!(response.headers()["location"], "/login", "{path}");
    }
    assert_eq!(
        anonymous
            .post(a.url("/logout"))
            .form(&[("csrf", "x")])
            .send()
            .await
            .expect("post")
            .status(),
        401
    );
    let wrong = anonymous
        .post(a.url("/login"))
        .form(&[("password", "guess")])
        .send()
        .await
        .expect("login");
    assert_eq!(wrong.status(), 401);

    let cookie = a.login().await;
    for path in [
        "/attempts",
        "/attempts?status=awaiting_human",
        "/episodes",
        &format!("/attempts/{id}"),
        "/episodes/1",
    ] {
        let response = a.get(path, &cookie).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()["cache-control"],
            "no-store",
            "{path}: a session's page is not cached"
        );
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .expect("csp")
            .to_string();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
    }
    assert_eq!(a.get("/attempts?status=bogus", &cookie).await.status(), 400);
    assert_eq!(a.get("/attempts/999999", &cookie).await.status(), 404);

    // Logging out needs the session's CSRF token.
    let csrf = a.csrf(&cookie).await;
    let forged = client()
        .post(a.url("/logout"))
        .header("cookie", &cookie)
        .form(&[("csrf", "forged")])
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 403);
    let out = client()
        .post(a.url("/logout"))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(out.status(), 303);
    assert_eq!(
        a.get("/attempts", &cookie).await.status(),
        303,
        "the session is gone after logout"
    );
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_text_is_shown_as_text_and_the_event_stream_replays_the_attempt() {
    let a = admin().await;
    let id = a.attempt_with_markup().await;
    let cookie = a.login().await;
    let html = a
        .get(&format!("/attempts/{id}"), &cookie)
        .await
        .text()
        .await
        .expect("body");
    assert!(
        html.contains("&lt;script&gt;window.__owned = 1&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        !html.contains("<script>window.__owned"),
        "markup from the page must not reach the HTML"
    );
    assert!(html.contains("&lt;b&gt;not bold&lt;/b&gt;"));
    // `[admin] trace_url` links the attempt to its trace, by the id on its row.
    let trace = a
        .app
        .store
        .attempt(id)
        .await
        .expect("load")
        .expect("row")
        .trace_id
        .expect("the attempt has a trace id");
    assert!(
        html.contains(&format!(r#"href="http://127.0.0.1:16686/trace/{trace}""#)),
        "{html}"
    );
    let timeline = html
        .split("<main>")
        .nth(1)
        .and_then(|m| m.split("</main>").next())
        .expect("main");
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        filters => vec![
            (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( UTC)?", "[time]"),
            (r#"datetime="[^"]+""#, r#"datetime="[time]""#),
            (r"took \d+(\.\d)? s", "took [s]"),
            (r#"data-started="\d+""#, r#"data-started="[ms]""#),
            (r#"data-duration="\d+""#, r#"data-duration="[ms]""#),
            (r"\d+ ms", "[ms]"),
            (r#"value="\d+""#, r#"value="[pct]""#),
            (r#"name="csrf" value="[0-9a-f]+""#, r#"name="csrf" value="[csrf]""#),
            (r#"data-longest="\d+""#, r#"data-longest="[ms]""#),
            (r"/trace/[0-9a-f]{32}", "/trace/[trace_id]"),
        ],
    }, {
        insta::assert_snapshot!("admin_finished_timeline", timeline.replace("><", ">\n<"));
    });
    let events = a
        .get(&format!("/attempts/{id}/events"), &cookie)
        .await
        .text()
        .await
        .expect("stream");
    assert!(
        events.contains("event: step") && events.contains("event: end"),
        "{events}"
    );
    assert!(events.contains("\"status\":\"awaiting_human\""), "{events}");
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// In real Chromium: log in, open a running attempt, and see its next step and its
/// end appear without a reload; the page's own text never runs as script.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_timeline_updates_itself_in_a_real_browser() {
    use ragtime_browser::{BrowserPool, BrowserSettings};

    let a = admin().await;
    let script = vec![
        Decision::call(
            "echo",
            json!({"text": "<script>window.__owned = 1</script>"}),
        ),
        Decision::call("gate", json!({})),
        Decision::call("echo", json!({"text": "third step"})),
        Decision::escalate("done watching"),
    ];
    let (gate_tool, gate) = ragtime_testkit::GateTool::new();
    let tools = Arc::new(
        ToolRegistry::new()
            .with(EchoTool::default())
            .with(gate_tool),
    );
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/live".into(),
        strategy: "agent".into(),
        ..Default::default()
    };
    let pool = BrowserPool::new(BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        ..BrowserSettings::default()
    })
    .expect("valid browser settings");
    let browser = pool.open_context().await.expect("browser");
    let (page, mark) = browser.page().await.expect("page");
    a.log_in_browser(&page).await;
    // The watcher is in place before the page's own script runs.
    page.evaluate_on_new_document(
        chromiumoxide::cdp::browser_protocol::page::AddScriptToEvaluateOnNewDocumentParams::new(
            ragtime_testkit::WATCH_ADMIN_STEPS_JS,
        ),
    )
    .await
    .expect("watch the page");
    // The attempt holds at its second step until the page shows that step running
    // (loaded, streaming); what comes after can only reach the page live.
    let handle = a
        .app
        .start_attempt(request, Arc::new(ScriptedPlanner::new(script)), tools)
        .await
        .expect("start");
    let id = handle.attempt_id;
    page.goto(a.url(&format!("/attempts/{id}")))
        .await
        .expect("attempt page");
    let started = std::time::Instant::now();
    let running_shown = || async {
        page.evaluate_expression(
            "document.querySelectorAll('li.step[data-step=\"2\"][data-outcome=running]').length",
        )
        .await
        .ok()?
        .into_value::<u64>()
        .ok()
    };
    while running_shown().await.unwrap_or(0) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the page never showed the second step running"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    gate.open();
    let steps = || async {
        page.evaluate_expression("document.querySelectorAll('li.step').length")
            .await
            .ok()?
            .into_value::<u64>()
            .ok()
    };
    let end_text = || async {
        page.evaluate_expression("document.getElementById('end').textContent")
            .await
            .ok()?
            .into_value::<String>()
            .ok()
    };
    loop {
        if steps().await.unwrap_or(0) >= 3
            && end_text()
                .await
                .unwrap_or_default()
                .contains("awaiting_human")
        {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let shown: String = page
                .evaluate_expression("document.body.innerText")
                .await
                .ok()
                .and_then(|r| r.into_value().ok())
                .unwrap_or_default();
            let rows = a.app.store.rows().steps(id).await.expect("steps");
            panic!("the page never showed the third step and the end:\n{shown}\nrows: {rows:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let running: u64 = page
        .evaluate_expression("document.querySelectorAll('li.step[data-outcome=running]').length")
        .await
        .expect("count")
        .into_value()
        .expect("number");
    assert_eq!(
        running, 0,
        "every step shows its outcome when the attempt has ended"
    );
    // The third step and the end were added to the page live (by the stream, not a
    // reload); how late is printed (the benchmark `admin` measures it).
    let seen: serde_json::Value = serde_json::from_str(
        &page
            .evaluate_expression("JSON.stringify(window.__seen)")
            .await
            .expect("seen")
            .into_value::<String>()
            .expect("json"),
    )
    .expect("seen is JSON");
    let row = a
        .app
        .store
        .rows()
        .attempt(id)
        .await
        .expect("load")
        .expect("row");
    let third = a.app.store.rows().steps(id).await.expect("steps")[2].started_at;
    for (what, shown, happened) in [
        ("the third step", &seen["3"], third),
        ("the end", &seen["end"], row.finished_at.expect("finished")),
    ] {
        let shown = shown
            .as_i64()
            .unwrap_or_else(|| panic!("{what} was not added live: {seen}"));
        let late = shown - happened.timestamp_millis();
        println!("{what} was shown {late} ms after it happened");
    }
    let cancel_buttons: u64 = page
        .evaluate_expression(
            r#"document.querySelectorAll('form.action[action$="/cancel"]').length"#,
        )
        .await
        .expect("count")
        .into_value()
        .expect("number");
    assert_eq!(cancel_buttons, 0, "an ended attempt offers no cancel");
    let owned: Option<u64> = page
        .evaluate_expression("window.__owned || null")
        .await
        .ok()
        .and_then(|r| r.into_value().ok());
    assert_eq!(owned, None, "page text ran as script");
    let text: String = page
        .evaluate_expression("document.getElementById('timeline').textContent")
        .await
        .expect("text")
        .into_value()
        .expect("string");
    assert!(
        text.contains("<script>window.__owned = 1</script>"),
        "{text}"
    );
    let png = page
        .screenshot(
            chromiumoxide::page::ScreenshotParams::builder()
                .full_page(true)
                .build(),
        )
        .await
        .expect("screenshot");
    let artifacts = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("admin-timeline.png");
    std::fs::write(&artifacts, png).expect("save screenshot");
    mark.done();
    browser.close().await;
    pool.shutdown().await;
    handle.wait().await;
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// Cancel and retry: POST with the CSRF token only, and they do what they say.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_and_retry_need_the_csrf_token_and_work() {
    let a = admin().await;
    let (cookie, csrf) = a.login_with_csrf().await;

    let tools = Arc::new(ToolRegistry::new().with(SleepTool::default()));
    let script = vec![Decision::call("sleep", json!({"ms": 60_000}))];
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/slow".into(),
        strategy: "agent".into(),
        ..Default::default()
    };
    let handle = a
        .app
        .start_attempt(request, Arc::new(ScriptedPlanner::new(script)), tools)
        .await
        .expect("start");
    let running = handle.attempt_id;
    let post = |path: String, csrf: String| {
        let cookie = cookie.clone();
        let url = a.url(&path);
        async move {
            client()
                .post(url)
                .header("cookie", cookie)
                .form(&[("csrf", csrf)])
                .send()
                .await
                .expect("post")
        }
    };
    assert_eq!(
        post(format!("/attempts/{running}/cancel"), "forged".into())
            .await
            .status(),
        403
    );
    let began = std::time::Instant::now();
    let cancelled = post(format!("/attempts/{running}/cancel"), csrf.clone()).await;
    assert_eq!(cancelled.status(), 303);
    println!("cancel from the admin answered after {:?}", began.elapsed());
    assert_eq!(
        a.app
            .store
            .rows()
            .attempt(running)
            .await
            .expect("load")
            .expect("row")
            .status,
        "cancelled"
    );
    assert_eq!(
        handle.wait().await.status,
        ragtime_core::AttemptStatus::Cancelled
    );
    assert_eq!(
        post(format!("/attempts/{running}/retry"), csrf.clone())
            .await
            .status(),
        409,
        "only escalated attempts retry"
    );

    // An escalated attempt is retried as a new attempt on the same episode (the
    // agent's browser is not needed for the request to be accepted and recorded).
    let escalated = a.attempt_with_markup().await;
    let retried = post(format!("/attempts/{escalated}/retry"), csrf.clone()).await;
    if retried.status() == 303 {
        let location = retried.headers()["location"]
            .to_str()
            .expect("location")
            .to_string();
        let new_id: ragtime_core::AttemptId = location
            .trim_start_matches("/attempts/")
            .parse()
            .expect("new attempt id");
        assert_ne!(new_id, escalated);
        let old = a
            .app
            .store
            .rows()
            .attempt(escalated)
            .await
            .expect("load")
            .expect("row");
        let new = a
            .app
            .store
            .rows()
            .attempt(new_id)
            .await
            .expect("load")
            .expect("row");
        assert_eq!(new.episode_id, old.episode_id);
        assert_eq!(
            old.status, "awaiting_human",
            "the old attempt keeps its history"
        );
        a.app.runtime.cancel(new_id, "test over").await;
    } else {
        panic!(
            "retry failed: {} {}",
            retried.status(),
            retried.text().await.unwrap_or_default()
        );
    }
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// "Retry with agent" works the episode as the pipeline would: under a lease (a
/// second retry meanwhile is refused), and a resolved retry downloads the audio.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resolved_retry_downloads_the_episode_under_a_lease() {
    use ragtime_fixtures::FixtureSite;
    use ragtime_store::{EpisodeStatus, EpisodeUpdate};
    let site = FixtureSite::start().await.expect("site");
    let media = tempfile::tempdir().expect("media dir");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.browser_config(media.path());
    let a = admin_on(db, config).await;
    let store = &a.app.store;
    let episode = store
        .submit(&site.episode_url("german-menu"))
        .await
        .expect("submit")
        .episode_id;
    // An earlier attempt escalated and the episode awaits a human.
    let request = AttemptRequest {
        episode_url: site.episode_url("german-menu"),
        episode_id: Some(episode),
        strategy: "agent".into(),
        ..Default::default()
    };
    let script = vec![Decision::escalate("a person should look")];
    let tools = Arc::new(ToolRegistry::new().with(EchoTool::default()));
    let escalated = a
        .app
        .start_attempt(request, Arc::new(ScriptedPlanner::new(script)), tools)
        .await
        .expect("start")
        .wait()
        .await
        .attempt_id;
    let awaiting = EpisodeUpdate {
        error: Some("escalated".into()),
        ..Default::default()
    };
    store
        .set_episode_status(episode, EpisodeStatus::AwaitingHuman, awaiting)
        .await
        .expect("awaiting a human");

    let (cookie, csrf) = a.login_with_csrf().await;
    let retry = || {
        client()
            .post(a.url(&format!("/attempts/{escalated}/retry")))
            .header("cookie", cookie.clone())
            .form(&[("csrf", csrf.clone())])
            .send()
    };
    let retried = retry().await.expect("retry");
    assert_eq!(retried.status(), 303);
    let new_id: ragtime_core::AttemptId = retried.headers()["location"]
        .to_str()
        .ok()
        .and_then(|l| l.trim_start_matches("/attempts/").parse().ok())
        .expect("the new attempt's page");
    let leased = store.episode(episode).await.expect("load").expect("row");
    assert!(
        leased.status == ragtime_store::EpisodeStatus::Recovering
            && leased.claimed_by.is_some()
            && leased.lease_until.is_some(),
        "the retry holds a lease on the episode: {leased:?}"
    );
    assert_eq!(
        retry().await.expect("second retry").status(),
        409,
        "a second retry while the first runs is refused"
    );
    let done = eventually(
        Duration::from_secs(90),
        "the episode downloaded",
        || async {
            let row = store.episode(episode).await.ok()??;
            (row.status == ragtime_store::EpisodeStatus::Downloaded).then_some(row)
        },
    )
    .await;
    let file = done.audio_file.clone().expect("the saved file");
    assert!(
        std::fs::metadata(&file)
            .map(|m| m.len() > 0)
            .unwrap_or(false),
        "{file} holds the audio"
    );
    assert_eq!(done.claimed_by, None, "the lease ends with the episode");
    let attempt = store
        .rows()
        .attempt(new_id)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(attempt.status, "resolved");
    assert_eq!(attempt.episode_id, Some(episode.get()));
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// A flood of wrong passwords from one client gets 429 with Retry-After once its
/// bucket is empty; the right password works again once the window lets it through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_attempts_are_throttled_and_the_right_password_works_after_the_window() {
    use ragtime::admin::LoginLimits;
    // One attempt comes back every 10 s: longer than the four argon2 checks take on a
    // loaded machine, so the fourth attempt meets an empty bucket.
    let limits = LoginLimits {
        per_client: 3,
        global: 1000,
        window: Duration::from_secs(30),
    };
    let a = admin_throttled(limits).await;
    let server = &a.server;
    let login = |password: &'static str| {
        let url = format!("http://{}/login", server.addr);
        async move {
            client()
                .post(url)
                .form(&[("password", password)])
                .send()
                .await
                .expect("login")
        }
    };
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(login("guess").await.status().as_u16());
    }
    assert_eq!(&statuses[..3], &[401, 401, 401], "{statuses:?}");
    assert!(statuses[3..].iter().all(|s| *s == 429), "{statuses:?}");
    let throttled = login(PASSWORD).await;
    assert_eq!(
        throttled.status(),
        429,
        "the bucket is empty for everyone's password"
    );
    let retry: u64 = throttled.headers()["retry-after"]
        .to_str()
        .expect("retry-after")
        .parse()
        .expect("seconds");
    assert!((1..=11).contains(&retry), "retry after {retry} s");
    crate::common::eventually(
        Duration::from_secs(30),
        "the right password to work again",
        || async { (login(PASSWORD).await.status() == 303).then_some(()) },
    )
    .await;
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// The global bucket holds when the flood comes from many addresses: once it is
/// empty, a client that has never tried gets 429 too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_global_login_limit_holds_across_client_addresses() {
    use ragtime::admin::LoginLimits;
    let limits = LoginLimits {
        per_client: 100,
        global: 3,
        window: Duration::from_secs(60),
    };
    let a = admin_throttled(limits).await;
    let server = &a.server;
    // Each client connects from its own loopback source address.
    let login_from = |source: [u8; 4]| {
        let url = format!("http://{}/login", server.addr);
        async move {
            ragtime_egress::client_builder()
                .redirect(reqwest::redirect::Policy::none())
                .local_address(std::net::IpAddr::from(source))
                .build()
                .expect("client")
                .post(url)
                .form(&[("password", "guess")])
                .send()
                .await
                .expect("login")
                .status()
                .as_u16()
        }
    };
    let mut statuses = Vec::new();
    for last in 1..=5 {
        statuses.push(login_from([127, 0, 0, last]).await);
    }
    assert_eq!(
        statuses,
        [401, 401, 401, 429, 429],
        "one attempt per address"
    );
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// A session lives for `[admin] session_ttl`: its pages work until then, and once it
/// is older, every page sends it to the login page again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_older_than_its_lifetime_is_refused() {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let mut config = db.config(RuntimeSettings::default());
    config.admin.session_ttl = Duration::from_secs(3);
    let sessions = Sessions::new(
        hash_password(PASSWORD).expect("hash"),
        config.admin.session_ttl,
    );
    let a = admin_with(db, config.clone(), sessions).await;
    let logged_in = std::time::Instant::now();
    let cookie = a.login().await;
    let first = a.get("/attempts", &cookie).await.status();
    let age = logged_in.elapsed();
    println!("the first page came {age:?} after the login");
    if age < config.admin.session_ttl {
        assert_eq!(first, 200, "a fresh session's page");
    }
    let refused = eventually(Duration::from_secs(60), "the session to expire", || {
        let a = &a;
        let cookie = cookie.clone();
        async move {
            let response = a.get("/attempts", &cookie).await;
            (response.status() == 303).then(|| {
                (
                    response.headers()["location"]
                        .to_str()
                        .unwrap_or("")
                        .to_string(),
                    logged_in.elapsed(),
                )
            })
        }
    })
    .await;
    println!("the session was refused {:?} after the login", refused.1);
    assert_eq!(refused.0, "/login");
    assert!(
        refused.1 >= config.admin.session_ttl,
        "refused before its lifetime: {:?}",
        refused.1
    );
    assert_eq!(
        a.get("/attempts", &a.login().await).await.status(),
        200,
        "a new login works"
    );
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// `/screenshots/{id}` serves the PNG a step took, as `image/png`, linked from the
/// attempt's timeline; an unknown id is a 404.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screenshot_page_serves_the_png_a_step_took() {
    let a = admin().await;
    let script = vec![
        Decision::call("screenshot", json!({})),
        Decision::escalate("looked at it"),
    ];
    let request = AttemptRequest {
        episode_url: "http://127.0.0.1/screenshot".into(),
        strategy: "agent".into(),
        ..Default::default()
    };
    let tools = Arc::new(ToolRegistry::new().with(ragtime_testkit::ScreenshotTool::default()));
    let report = a
        .app
        .start_attempt(request, Arc::new(ScriptedPlanner::new(script)), tools)
        .await
        .expect("start")
        .wait()
        .await;
    a.app
        .runtime
        .flush(Duration::from_secs(5))
        .await
        .expect("flush");
    let cookie = a.login().await;
    let page = a
        .get(&format!("/attempts/{}", report.attempt_id), &cookie)
        .await
        .text()
        .await
        .expect("attempt page");
    let shot = page
        .split("href=\"/screenshots/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no screenshot link in the timeline: {page}"))
        .to_string();
    let response = a.get(&format!("/screenshots/{shot}"), &cookie).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/png");
    let body = response.bytes().await.expect("png");
    assert_eq!(&body[..], ragtime_testkit::TINY_PNG, "the step's own PNG");
    assert_eq!(a.get("/screenshots/999999", &cookie).await.status(), 404);
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}
