//! The human step in the admin: an operator resolves an episode the agent could not
//! (an audio URL they found, or giving up), retries it with the agent from its page,
//! and adds episodes in bulk; each action is an attempt with its steps.

use std::time::Duration;

use ragtime_core::{AttemptId, AttemptStatus};
use ragtime_fixtures::FixtureSite;
use ragtime_store::{EpisodeStatus, EpisodeUpdate};

use crate::admin::{Admin, admin_on, client};
use crate::common::{TestDb, eventually};

/// An admin over the fixture site's loopback address, audio saved under `media`.
async fn admin_for(media: &std::path::Path) -> Admin {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let config = db.browser_config(media);
    admin_on(db, config).await
}

/// An episode at `url` that awaits a human, as after an escalated attempt.
async fn awaiting_human(a: &Admin, url: &str) -> ragtime_core::EpisodeId {
    let id = a.app.store.submit(url).await.expect("submit").episode_id;
    let update = EpisodeUpdate {
        error: Some("the agent escalated".into()),
        ..Default::default()
    };
    a.app
        .store
        .set_episode_status(id, EpisodeStatus::AwaitingHuman, update)
        .await
        .expect("awaiting a human");
    id
}

/// The steps of `attempt` once the sinks have written them (the episode's status
/// can be written before the last step rows).
async fn steps_of(a: &Admin, attempt: AttemptId) -> Vec<ragtime_timeline::StepRecord> {
    a.app
        .runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    a.app.store.steps(attempt).await.expect("steps")
}

/// POSTs `form` to `path` with the session; the response.
async fn post(a: &Admin, cookie: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    client()
        .post(a.url(path))
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .expect("post")
}

/// The attempt a redirect after an action points to.
fn attempt_of(response: &reqwest::Response) -> AttemptId {
    assert_eq!(response.status(), 303, "{response:?}");
    response.headers()["location"]
        .to_str()
        .ok()
        .and_then(|l| l.trim_start_matches("/attempts/").parse().ok())
        .expect("the attempt's page")
}

/// Waits until the episode's status is `status`; its row.
async fn ends(
    a: &Admin,
    id: ragtime_core::EpisodeId,
    status: EpisodeStatus,
) -> ragtime_store::Episode {
    eventually(Duration::from_secs(60), status.as_str(), || async {
        let row = a.app.store.episode(id).await.ok()??;
        (row.status == status).then_some(row)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audio_url_from_a_person_is_downloaded_or_refused_with_the_reason() {
    let site = FixtureSite::start().await.expect("site");
    let media = tempfile::tempdir().expect("media dir");
    let a = admin_for(media.path()).await;
    let (cookie, csrf) = a.login_with_csrf().await;

    // A real MP3 on loopback: the pipeline downloads it under the action's lease.
    let good = awaiting_human(&a, &site.url("/episodes/by-hand-1")).await;
    let audio = site.url("/audio/found-by-hand.mp3");
    let path = format!("/episodes/{good}/use-url");
    let attempt = attempt_of(&post(&a, &cookie, &path, &[("csrf", &csrf), ("url", &audio)]).await);
    // Worked under the action's own lease (a second action meanwhile is refused).
    let row = a
        .app
        .store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert!(
        row.worker_id
            .as_deref()
            .is_some_and(|w| w.starts_with("admin@")),
        "{row:?}"
    );
    let again = post(&a, &cookie, &path, &[("csrf", &csrf), ("url", &audio)]).await;
    assert_eq!(
        again.status(),
        409,
        "a second action while one runs is refused"
    );
    let row = ends(&a, good, EpisodeStatus::Downloaded).await;
    assert_eq!(row.audio_url.as_deref(), Some(audio.as_str()));
    assert!(row.claimed_by.is_none(), "the lease is released: {row:?}");
    let file = row.audio_file.expect("a file");
    let bytes = std::fs::read(&file).expect("the file exists");
    assert_eq!(&bytes[..2], &[0xFF, 0xFB], "an MP3 frame");
    let record = a
        .app
        .store
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(
        (record.strategy.as_str(), record.status),
        ("human", AttemptStatus::Resolved)
    );
    let steps = steps_of(&a, attempt).await;
    assert_eq!(steps.len(), 1, "{steps:?}");
    assert_eq!(steps[0].tool, "use_audio_url");
    let output = steps[0].output.clone().unwrap_or_default();
    assert!(
        output.contains("admin session ") && output.contains(&audio),
        "who gave what: {output}"
    );

    // Not an MP3: the download's checks refuse it, and the reason is on the page.
    let fake = awaiting_human(&a, &site.url("/episodes/by-hand-2")).await;
    let not_audio = site.url("/files/not-audio.mp3");
    post(
        &a,
        &cookie,
        &format!("/episodes/{fake}/use-url"),
        &[("csrf", &csrf), ("url", &not_audio)],
    )
    .await;
    let row = ends(&a, fake, EpisodeStatus::AwaitingHuman).await;
    let error = row.error.unwrap_or_default();
    assert!(
        error.contains("not-audio.mp3") && error.contains("download"),
        "{error}"
    );
    let page = a.get(&format!("/episodes/{fake}"), &cookie).await;
    let html = page.text().await.expect("page");
    assert!(html.contains("not-audio.mp3"), "the reason is shown");

    // An address the egress rules refuse (127.0.0.2 stands in for an internal host):
    // the step is blocked, nothing is fetched, and the reason is kept.
    let internal = awaiting_human(&a, &site.url("/episodes/by-hand-3")).await;
    let attempt = attempt_of(
        &post(
            &a,
            &cookie,
            &format!("/episodes/{internal}/use-url"),
            &[("csrf", &csrf), ("url", "http://127.0.0.2:9/audio.mp3")],
        )
        .await,
    );
    let row = ends(&a, internal, EpisodeStatus::AwaitingHuman).await;
    assert!(
        row.error.unwrap_or_default().contains("refused"),
        "the refusal is the reason"
    );
    let steps = steps_of(&a, attempt).await;
    assert_eq!(steps[0].outcome.as_str(), "blocked", "{steps:?}");

    // What is not for a human, or without its token or its URL, is refused.
    let queued = a
        .app
        .store
        .submit(&site.url("/episodes/queued"))
        .await
        .expect("submit")
        .episode_id;
    let path = format!("/episodes/{queued}/use-url");
    assert_eq!(
        post(&a, &cookie, &path, &[("csrf", &csrf), ("url", &audio)])
            .await
            .status(),
        409
    );
    let path = format!("/episodes/{fake}/use-url");
    assert_eq!(
        post(&a, &cookie, &path, &[("csrf", "wrong"), ("url", &audio)])
            .await
            .status(),
        403
    );
    assert_eq!(
        post(&a, &cookie, &path, &[("csrf", &csrf), ("url", " ")])
            .await
            .status(),
        400
    );
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn giving_up_ends_the_episode_failed_with_the_reason() {
    let media = tempfile::tempdir().expect("media dir");
    let a = admin_for(media.path()).await;
    let (cookie, csrf) = a.login_with_csrf().await;
    let id = awaiting_human(&a, "http://127.0.0.1:9/episodes/gone").await;
    let path = format!("/episodes/{id}/give-up");
    assert_eq!(
        post(&a, &cookie, &path, &[("csrf", &csrf), ("reason", "")])
            .await
            .status(),
        400,
        "a reason is required"
    );
    let attempt = attempt_of(
        &post(
            &a,
            &cookie,
            &path,
            &[("csrf", &csrf), ("reason", "the feed is gone")],
        )
        .await,
    );
    let row = ends(&a, id, EpisodeStatus::Failed).await;
    assert!(row.error.unwrap_or_default().contains("the feed is gone"));
    assert!(row.claimed_by.is_none(), "the lease is released");
    let record = a
        .app
        .store
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(record.strategy, "human");
    assert!(
        record
            .message
            .unwrap_or_default()
            .contains("the feed is gone"),
        "the attempt says why"
    );
    let steps = steps_of(&a, attempt).await;
    assert_eq!(
        steps.iter().map(|s| s.tool.as_str()).collect::<Vec<_>>(),
        ["give_up"]
    );
    // The attempts list filters by strategy, and says how long each attempt took and
    // when it started (a time the page script makes relative).
    let row = format!("<tr data-attempt=\"{attempt}\">");
    let human = a
        .get("/attempts?strategy=human", &cookie)
        .await
        .text()
        .await
        .expect("page");
    assert!(human.contains(&row), "{human}");
    assert!(
        human.contains("<td class=\"took\">") && human.contains(" s</td>"),
        "{human}"
    );
    assert!(human.contains("<time datetime=\""), "{human}");
    let agent = a
        .get("/attempts?strategy=agent", &cookie)
        .await
        .text()
        .await
        .expect("page");
    assert!(!agent.contains(&row), "{agent}");
    let page = a
        .get(&format!("/attempts/{attempt}"), &cookie)
        .await
        .text()
        .await
        .expect("page");
    assert!(page.contains(" · took "), "{page}");
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_episode_is_retried_with_the_agent_from_its_page() {
    let site = FixtureSite::start().await.expect("site");
    let media = tempfile::tempdir().expect("media dir");
    let a = admin_for(media.path()).await;
    let (cookie, csrf) = a.login_with_csrf().await;
    let id = awaiting_human(&a, &site.episode_url("more-info")).await;
    let page = a.get(&format!("/episodes/{id}"), &cookie).await;
    let html = page.text().await.expect("page");
    for action in ["use-url", "retry", "give-up"] {
        assert!(
            html.contains(&format!("/episodes/{id}/{action}")),
            "the page offers {action}"
        );
    }
    let attempt = attempt_of(
        &post(
            &a,
            &cookie,
            &format!("/episodes/{id}/retry"),
            &[("csrf", &csrf)],
        )
        .await,
    );
    ends(&a, id, EpisodeStatus::Downloaded).await;
    let record = a
        .app
        .store
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(
        (record.strategy.as_str(), record.status),
        ("agent", AttemptStatus::Resolved)
    );
    a.app.close(Duration::from_secs(10)).await.expect("close");
    a.db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn episodes_are_added_in_bulk_with_a_result_per_line() {
    let media = tempfile::tempdir().expect("media dir");
    let a = admin_for(media.path()).await;
    let (cookie, csrf) = a.login_with_csrf().await;
    let known = a
        .app
        .store
        .submit("http://127.0.0.1:9/episodes/known")
        .await
        .expect("submit")
        .episode_id;
    let pasted = "http://127.0.0.1:9/episodes/new-1\n\
                  \n\
                  http://127.0.0.1:9/episodes/known\n\
                  not a url\n\
                  ftp://127.0.0.1/episode\n  http://127.0.0.1:9/episodes/new-2  ";
    let response = post(
        &a,
        &cookie,
        "/episodes/add",
        &[("csrf", &csrf), ("urls", pasted)],
    )
    .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("page");
    assert!(html.contains("2 of 5 queued"), "{html}");
    assert!(html.contains(&format!("already known as <a href=\"/episodes/{known}\"")));
    assert!(html.contains("refused: not a URL"), "{html}");
    assert!(
        html.contains("refused: not an http(s) URL with a host"),
        "{html}"
    );
    let urls: Vec<String> = a
        .app
        .store
        .episodes()
        .await
        .expect("episodes")
        .into_iter()
        .map(|e| e.url)
        .collect();
    assert_eq!(
        urls,
        [
            "http://127.0.0.1:9/episodes/known",
            "http://127.0.0.1:9/episodes/new-1",
            "http://127.0.0.1:9/episodes/new-2"
        ]
    );
    assert_eq!(
        post(
            &a,
            &cookie,
            "/episodes/add",
            &[("csrf", "wrong"), ("urls", pasted)]
        )
        .await
        .status(),
        403
    );
    let escaped = post(
        &a,
        &cookie,
        "/episodes/add",
        &[("csrf", &csrf), ("urls", "<script>alert(1)</script>")],
    )
    .await
    .text()
    .await
    .expect("page");
    assert!(
        escaped.contains("&lt;script&gt;") && !escaped.contains("<script>alert"),
        "a pasted line is shown as text"
    );
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// The overview's numbers against the rows after a scripted run, on both databases.
async fn the_overview_counts_what_the_rows_hold(backend: crate::common::Backend) {
    use ragtime_core::{Decision, RuntimeSettings, ToolRegistry};
    use ragtime_testkit::{EchoTool, FailTool, SleepTool};
    use serde_json::json;

    let db = TestDb::new(backend).await;
    let config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_millis(300),
        ..RuntimeSettings::default()
    });
    let a = admin_on(db, config).await;
    let cookie = a.login().await;
    let scripts = [
        vec![
            Decision::call("echo", json!({})),
            Decision::resolve("found", Some("http://127.0.0.1/a.mp3".into())),
        ],
        vec![
            Decision::call("fail", json!({})),
            Decision::escalate("no audio on the page"),
        ],
        vec![
            Decision::call("fail", json!({})),
            Decision::call("sleep", json!({"ms": 60_000})),
            Decision::escalate("no audio on the page"),
        ],
        vec![Decision::escalate("a login wall")],
    ];
    for (n, script) in scripts.into_iter().enumerate() {
        let tools = ToolRegistry::new()
            .with(EchoTool::default())
            .with(FailTool::default())
            .with(SleepTool::default());
        crate::common::start_scripted_with(&a.app, &format!("/overview/{n}"), script, tools)
            .await
            .wait()
            .await;
    }
    a.app
        .runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let since = chrono::Utc::now() - chrono::Duration::hours(24);
    let o = a.app.store.overview(since).await.expect("overview");

    let attempts = a
        .app
        .store
        .attempts(&ragtime_store::AttemptFilter::default())
        .await
        .expect("attempts");
    for (status, n) in &o.ended {
        let rows = attempts.iter().filter(|r| r.status == *status).count() as u64;
        assert_eq!(*n, rows, "{status:?}");
    }
    assert_eq!(o.in_flight, 0);
    let resolved: Vec<i64> = attempts
        .iter()
        .filter(|r| r.status == AttemptStatus::Resolved)
        .filter_map(|r| Some((r.finished_at? - r.started_at).num_milliseconds()))
        .collect();
    assert_eq!(o.resolution_ms, Some((resolved[0], resolved[0])));
    assert_eq!(
        o.failing_tools,
        [("fail".to_string(), 2, 0), ("sleep".to_string(), 0, 1)]
    );
    assert_eq!(
        o.escalations,
        [
            ("no audio on the page".to_string(), 2),
            ("a login wall".to_string(), 1)
        ]
    );
    let episodes: u64 = o.episodes.iter().map(|(_, n)| n).sum();
    assert_eq!(
        episodes,
        a.app.store.episodes().await.expect("episodes").len() as u64
    );

    let page = a.get("/", &cookie).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("page");
    assert!(
        html.contains("<a id=\"in-flight\" href=\"/attempts?status=attempted\">0</a>"),
        "{html}"
    );
    assert!(
        html.contains("href=\"/attempts?status=awaiting_human\">3</a>"),
        "{html}"
    );
    assert!(html.contains("no audio on the page"), "{html}");
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

crate::on_both_backends!(the_overview_counts_what_the_rows_hold);

/// A multipart form as a browser sends it: the CSRF token first, then the file.
fn upload_form(csrf: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "ragtime-test-boundary-7f3a";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: audio/mpeg\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_uploaded_mp3_becomes_the_audio_and_a_fake_one_is_refused() {
    let media = tempfile::tempdir().expect("media dir");
    let a = admin_for(media.path()).await;
    let (cookie, csrf) = a.login_with_csrf().await;
    let send = |id: ragtime_core::EpisodeId, csrf: String, name: &'static str, bytes: Vec<u8>| {
        let (kind, body) = upload_form(&csrf, name, &bytes);
        client()
            .post(a.url(&format!("/episodes/{id}/upload")))
            .header("cookie", cookie.clone())
            .header("content-type", kind)
            .body(body)
            .send()
    };

    let id = awaiting_human(&a, "http://127.0.0.1:9/episodes/upload-1").await;
    let mp3 = ragtime_fixtures::silent_mp3(40);
    let response = send(id, csrf.clone(), "found.mp3", mp3.clone())
        .await
        .expect("upload");
    let attempt = attempt_of(&response);
    let row = ends(&a, id, EpisodeStatus::Downloaded).await;
    let file = row.audio_file.expect("a file");
    assert_eq!(
        std::fs::read(&file).expect("kept"),
        mp3,
        "the bytes uploaded"
    );
    assert!(file.ends_with(&format!("episode-{id}.mp3")), "{file}");
    let steps = steps_of(&a, attempt).await;
    assert_eq!(steps[0].tool, "upload_audio");
    assert!(
        steps[0]
            .output
            .as_deref()
            .unwrap_or("")
            .contains("found.mp3")
    );
    let record = a
        .app
        .store
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(
        (record.strategy.as_str(), record.status),
        ("human", AttemptStatus::Resolved)
    );

    // Not an MP3: refused with the reason, nothing kept, the episode unchanged.
    let fake = awaiting_human(&a, "http://127.0.0.1:9/episodes/upload-2").await;
    let response = send(
        fake,
        csrf.clone(),
        "notes.mp3",
        b"<html>not audio</html>".to_vec(),
    )
    .await
    .expect("upload");
    assert_eq!(response.status(), 422);
    assert!(response.text().await.expect("text").contains("not MP3"));
    let row = a.app.store.episode(fake).await.expect("load").expect("row");
    assert_eq!(row.status, EpisodeStatus::AwaitingHuman);
    let left: Vec<_> = std::fs::read_dir(media.path())
        .expect("media")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        [format!("episode-{id}.mp3")],
        "no partial file is left"
    );

    // Without the right token nothing is written.
    let response = send(fake, "wrong".into(), "found.mp3", mp3)
        .await
        .expect("upload");
    assert_eq!(response.status(), 403);
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}

/// In real Chromium: a person resolves an episode through its page's form, and the
/// overview and that episode's history render under the strict CSP, and the page script turns times into relative ones
/// (the absolute time stays on hover). Screenshots of both are saved for the README.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_and_a_resolved_by_hand_history_in_a_real_browser() {
    use ragtime_browser::{BrowserPool, BrowserSettings};

    let site = FixtureSite::start().await.expect("site");
    let media = tempfile::tempdir().expect("media dir");
    let a = admin_for(media.path()).await;
    let id = awaiting_human(&a, &site.url("/episodes/by-hand-history")).await;
    let audio = site.url("/audio/by-hand-history.mp3");
    let pool = BrowserPool::new(BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        ..BrowserSettings::default()
    })
    .expect("valid browser settings");
    let browser = pool.open_context().await.expect("browser");
    let (page, mark) = browser.page().await.expect("page");
    a.log_in_browser(&page).await;
    // The person pastes the URL into the episode page's form and sends it.
    page.goto(a.url(&format!("/episodes/{id}")))
        .await
        .expect("episode page");
    page.evaluate_expression(format!(
        "const form = document.querySelector('form[action$=\"/use-url\"]'); \
         form.querySelector('input[name=url]').value = {}; form.querySelector('button').click();",
        serde_json::to_string(&audio).expect("json")
    ))
    .await
    .expect("send the form");
    ends(&a, id, EpisodeStatus::Downloaded).await;
    let artifacts = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (path, shot) in [
        (format!("/episodes/{id}"), "admin-resolved-by-hand.png"),
        ("/attempts".to_string(), "admin-attempts.png"),
        ("/".to_string(), "admin-overview.png"),
    ] {
        page.goto(a.url(&path)).await.expect("page");
        let relative = eventually(Duration::from_secs(10), "relative times", || async {
            let texts: Vec<String> = page
                .evaluate_expression(
                    "Array.from(document.querySelectorAll('time[datetime]')).map(t => t.textContent + '|' + t.title)",
                )
                .await
                .ok()?
                .into_value()
                .ok()?;
            texts
                .iter()
                .all(|t| t.starts_with("just now|") && t.ends_with(" UTC"))
                .then_some(texts)
        })
        .await;
        let text: String = page
            .evaluate_expression("document.body.innerText")
            .await
            .expect("text")
            .into_value()
            .expect("string");
        match path.as_str() {
            "/" => assert!(
                text.contains("Overview") && text.contains("Time to resolution"),
                "{text}"
            ),
            "/attempts" => assert!(!relative.is_empty(), "the list shows times"),
            _ => assert!(
                text.contains("human") && text.contains("resolved"),
                "{text}"
            ),
        }
        let png = page
            .screenshot(
                chromiumoxide::page::ScreenshotParams::builder()
                    .full_page(true)
                    .build(),
            )
            .await
            .expect("screenshot");
        std::fs::write(artifacts.join(shot), png).expect("save screenshot");
    }
    // The overview is live: a person gives up on another episode elsewhere, and the
    // open page comes to count it without anyone reloading it.
    let failed_shown = || async {
        page.evaluate_expression(
            "document.querySelector('#episode-counts a[href=\"/episodes?status=failed\"]').textContent",
        )
        .await
        .ok()?
        .into_value::<String>()
        .ok()
    };
    assert_eq!(failed_shown().await.as_deref(), Some("0"));
    let other = awaiting_human(&a, &site.url("/episodes/given-up-elsewhere")).await;
    let (cookie, csrf) = a.login_with_csrf().await;
    attempt_of(
        &post(
            &a,
            &cookie,
            &format!("/episodes/{other}/give-up"),
            &[("csrf", &csrf), ("reason", "elsewhere")],
        )
        .await,
    );
    eventually(
        Duration::from_secs(30),
        "the overview updated itself",
        || async { (failed_shown().await.as_deref() == Some("1")).then_some(()) },
    )
    .await;
    mark.done();
    browser.close().await;
    pool.shutdown().await;
    a.app.close(Duration::from_secs(5)).await.expect("close");
    a.db.cleanup().await;
}
