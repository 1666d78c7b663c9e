//! The browser tools on real Chromium against the fixture site on 127.0.0.1.

#![allow(
    clippy::expect_used,
    reason = "a test helper that cannot go on may panic: that is a failed test"
)]

use std::sync::Arc;

use ragtime_browser::{BrowserPool, BrowserSettings, BrowserTools, registry};
use ragtime_core::{ToolContext, ToolError, ToolRegistry};
use ragtime_fixtures::FixtureSite;
use serde_json::{Value, json};

struct Setup {
    site: FixtureSite,
    pool: Arc<BrowserPool>,
    tools: ToolRegistry,
    shared: Arc<BrowserTools>,
    _media: tempfile::TempDir,
}

async fn setup() -> Setup {
    setup_allowing(&["127.0.0.1"]).await
}

async fn setup_allowing(hosts: &[&str]) -> Setup {
    setup_with(|_| BrowserSettings {
        allow_hosts: hosts.iter().map(|h| h.to_string()).collect(),
        ..BrowserSettings::default()
    })
    .await
}

/// A browser on the fixture site, with settings made from the running site.
async fn setup_with(settings: impl FnOnce(&FixtureSite) -> BrowserSettings) -> Setup {
    let site = FixtureSite::start().await.expect("fixture site");
    let media = tempfile::tempdir().expect("media dir");
    let base = settings(&site);
    let settings = BrowserSettings {
        media_dir: media.path().to_path_buf(),
        max_download_bytes: 1024 * 1024,
        ..base
    };
    let pool = BrowserPool::new(settings).expect("valid browser settings");
    let browser = Arc::new(pool.open_context().await.expect("browser context"));
    let shared = Arc::new(BrowserTools { browser });
    Setup {
        site,
        pool,
        tools: registry(Arc::clone(&shared)),
        shared,
        _media: media,
    }
}

async fn call(s: &Setup, tool: &str, args: Value) -> Result<String, ToolError> {
    let ctx = ToolContext {
        attempt_id: ragtime_core::AttemptId(1),
        step: 1,
    };
    let tool = s.tools.get(tool).expect("tool exists");
    tool.call(&args, &ctx).await.map(|o| o.text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tools_find_click_and_download_on_real_pages() {
    let s = setup().await;
    let nav = call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("german-menu")}),
    )
    .await
    .expect("navigate");
    assert!(nav.contains("language: de"), "{nav}");
    // The menu's markup sits in the page's script before anyone opens the menu.
    let found = call(&s, "find_audio_links", json!({})).await.expect("find");
    assert!(
        found.contains("/audio/german-menu.mp3 (script text)"),
        "{found}"
    );
    let dead = call(
        &s,
        "intercept_audio_requests",
        json!({"selector": "button:has-text(\"Mehr Informationen\")"}),
    )
    .await
    .expect("click");
    assert!(dead.contains("no audio heard"), "{dead}");
    call(&s, "click_element", json!({"selector": "text=\"⋮\""}))
        .await
        .expect("menu");
    let menu = call(&s, "find_audio_links", json!({})).await.expect("find");
    assert!(
        menu.contains("/audio/german-menu.mp3 (link \"Herunterladen\")"),
        "the link the menu revealed: {menu}"
    );
    let missing = call(&s, "click_element", json!({"selector": "#nope"}))
        .await
        .expect_err("missing");
    assert!(
        missing.to_string().contains("no element matches"),
        "{missing}"
    );

    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("stream-play")}),
    )
    .await
    .expect("navigate");
    let heard = call(&s, "intercept_audio_requests", json!({"selector": "#play"}))
        .await
        .expect("play");
    assert!(
        heard.contains("/stream/stream-play") && heard.contains("audio/mpeg"),
        "{heard}"
    );

    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("consent-overlay")}),
    )
    .await
    .expect("navigate");
    let covered = call(
        &s,
        "click_element",
        json!({"selector": "text=\"More information\""}),
    )
    .await
    .expect_err("covered");
    assert!(
        covered.to_string().contains("covered by div#consent"),
        "{covered}"
    );

    let saved = call(
        &s,
        "download_file",
        json!({"url": s.site.url("/audio/direct-link.mp3")}),
    )
    .await
    .expect("download");
    assert!(saved.starts_with("saved 8340 bytes"), "{saved}");
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_policy_holds_for_redirects_and_downloads() {
    let s = setup().await;
    let redirect = call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("redirect-metadata")}),
    )
    .await;
    match redirect {
        Err(ToolError::Blocked(why)) => assert!(why.contains("127.0.0.3"), "{why}"),
        other => panic!("expected blocked, got {other:?}"),
    }
    for bad in [
        "file:///etc/passwd",
        "http://127.0.0.3/latest/meta-data/",
        "http://[::1]:9/",
        "http://localhost:1/",
    ] {
        assert!(
            matches!(
                call(&s, "navigate_to_url", json!({"url": bad})).await,
                Err(ToolError::Blocked(_))
            ),
            "{bad}"
        );
        assert!(
            matches!(
                call(&s, "download_file", json!({"url": bad})).await,
                Err(ToolError::Blocked(_))
            ),
            "{bad}"
        );
    }
    let hop = call(
        &s,
        "download_file",
        json!({"url": s.site.url("/files/redirect-metadata.mp3")}),
    )
    .await;
    assert!(
        matches!(hop, Err(ToolError::Blocked(ref why)) if why.contains("127.0.0.3")),
        "{hop:?}"
    );
    let html = call(
        &s,
        "download_file",
        json!({"url": s.site.url("/files/not-audio.mp3")}),
    )
    .await;
    assert!(
        matches!(html, Err(ToolError::Failed(ref why)) if why.contains("not MP3")),
        "{html:?}"
    );
    let big = call(
        &s,
        "download_file",
        json!({"url": s.site.url("/files/big.mp3")}),
    )
    .await;
    assert!(
        matches!(big, Err(ToolError::Failed(ref why)) if why.contains("limit")),
        "{big:?}"
    );
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// A call the supervisor cut off (its future dropped mid-way, the page possibly in
/// any state) leaves the page suspect: the next call gets a fresh one. A call that
/// ended, even with an error, keeps the page for the next.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_cut_off_mid_way_gets_a_fresh_page_next_and_an_error_keeps_it() {
    let s = setup().await;
    let browser = &s.shared.browser;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("direct-link")}),
    )
    .await
    .expect("navigate");
    let first = browser.current_page().await.expect("a page is open");
    let (same, mark) = browser.page().await.expect("page");
    mark.done();
    assert_eq!(
        same.target_id(),
        first.target_id(),
        "a finished call keeps the page"
    );

    // An ordinary failure: the call returns an error and keeps the page.
    let failed = call(&s, "click_element", json!({"selector": "#no-such-element"})).await;
    assert!(failed.is_err(), "{failed:?}");
    let after_error = browser.current_page().await.expect("a page is open");
    assert_eq!(
        after_error.target_id(),
        first.target_id(),
        "an error keeps the page"
    );

    // A call cut off by a deadline: its future is dropped while it holds the page.
    let cut_off = async {
        let (_page, _mark) = browser.page().await.expect("page");
        std::future::pending::<()>().await;
    };
    assert!(
        tokio::time::timeout(std::time::Duration::from_millis(200), cut_off)
            .await
            .is_err(),
        "the stand-in call never ends by itself"
    );
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("direct-link")}),
    )
    .await
    .expect("the next call works on a fresh page");
    let replaced = browser.current_page().await.expect("a page is open");
    assert_ne!(
        replaced.target_id(),
        first.target_id(),
        "the page of a cut-off call is replaced"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_browser_is_started_again() {
    let s = setup().await;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("direct-link")}),
    )
    .await
    .expect("navigate");
    let pid = s.pool.pid().await.expect("a running browser");
    std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while s.pool.is_alive().await {
        assert!(
            std::time::Instant::now() < deadline,
            "the pool never noticed the browser died"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // The next attempt gets a new browser.
    let context = s.pool.open_context().await.expect("relaunched");
    let (page, mark) = context.page().await.expect("page");
    page.goto(s.site.episode_url("direct-link"))
        .await
        .expect("navigate on the new browser");
    mark.done();
    assert_ne!(s.pool.pid().await, Some(pid));
    context.close().await;
    s.pool.shutdown().await;
}

/// A download gets the cookies the browser would send to its URL: the page's session
/// cookie goes to the page's own host, never to another host.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_gets_only_the_cookies_the_browser_would_send_there() {
    let s = setup_allowing(&["127.0.0.1", "localhost"]).await;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.episode_url("cookie-jar")}),
    )
    .await
    .expect("navigate");
    let port = s.site.addr().port();
    let elsewhere = format!("localhost:{port}/audio/elsewhere.mp3");
    let own = format!("127.0.0.1:{port}/audio/members.mp3");
    for target in [&elsewhere, &own] {
        call(
            &s,
            "download_file",
            json!({"url": format!("http://{target}")}),
        )
        .await
        .unwrap_or_else(|e| panic!("{target}: {e}"));
    }
    let seen = s.site.log().cookies_seen();
    assert!(
        !seen.iter().any(|(at, _)| at == &elsewhere),
        "the page's cookie went to another host: {seen:?}"
    );
    assert!(
        seen.iter()
            .any(|(at, cookie)| at == &own && cookie.contains("session=page-secret")),
        "the page's own host gets its cookie: {seen:?}"
    );
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// JavaScript dialogs are dismissed, and a frame the browser refuses to load does not
/// hold the navigation up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dialogs_and_refused_frames_never_block_a_navigation() {
    let s = setup().await;
    for slug in ["alert-dialog", "file-frame"] {
        let opened = call(
            &s,
            "navigate_to_url",
            json!({"url": s.site.episode_url(slug)}),
        )
        .await
        .unwrap_or_else(|e| panic!("{slug}: {e}"));
        assert!(opened.contains("title: Episode"), "{slug}: {opened}");
        let links = call(&s, "find_audio_links", json!({})).await.expect("find");
        assert!(
            links.contains(&format!("/audio/{slug}.mp3")),
            "{slug}: {links}"
        );
    }
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// The controls `observe_page` listed, by label: (number, frame, in a shadow root).
fn controls(observed: &Value) -> Vec<(String, u64, u64, bool)> {
    observed["controls"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|c| {
                    (
                        c["label"].as_str().unwrap_or("").to_string(),
                        c["number"].as_u64().unwrap_or(0),
                        c["frame"].as_u64().unwrap_or(0),
                        c["shadow"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn observe(s: &Setup) -> Value {
    let ctx = ToolContext {
        attempt_id: ragtime_core::AttemptId(1),
        step: 1,
    };
    let tool = s.tools.get("observe_page").expect("tool exists");
    tool.call(&json!({}), &ctx)
        .await
        .expect("observe")
        .data
        .expect("observation data")
}

/// Observation sees into a frame of another site and into an open shadow root, and
/// a click by number reaches an element in either; labels keep their quotes and
/// accents, and a selector with escaped quotes clicks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn observe_and_click_inside_frames_and_shadow_roots() {
    let s = setup_with(|site| BrowserSettings {
        allow_hosts: site.allow_hosts(),
        ..BrowserSettings::default()
    })
    .await;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.url("/tools/frames-and-shadow")}),
    )
    .await
    .expect("navigate");
    let seen = observe(&s).await;
    let listed = controls(&seen);
    let find = |label: &str| {
        listed
            .iter()
            .find(|c| c.0 == label)
            .cloned()
            .unwrap_or_else(|| panic!("{label:?} not observed in {listed:?}"))
    };
    let (_, plain, plain_frame, _) = find("Say \"hello\"");
    assert_eq!(plain_frame, 0);
    let (_, shadow, shadow_frame, in_shadow) = find("Télécharger l’épisode");
    assert!(in_shadow && shadow_frame == 0, "{listed:?}");
    let (_, framed, framed_frame, _) = find("▶ Listen to “Ça va?”");
    assert_eq!(framed_frame, 1, "the cross-site frame is frame 1");
    assert!(
        seen["frames"][1]
            .as_str()
            .unwrap_or("")
            .starts_with(&s.site.origins().player),
        "{seen}"
    );
    for number in [shadow, framed] {
        call(&s, "click_element", json!({"element": number}))
            .await
            .unwrap_or_else(|e| panic!("click {number}: {e}"));
    }
    let links = call(&s, "find_audio_links", json!({})).await.expect("find");
    assert!(
        links.contains("/media/tools/shadow.mp3 (link in a shadow root"),
        "{links}"
    );
    assert!(
        links.contains("/media/tools/frame.mp3") && links.contains("in frame 1"),
        "{links}"
    );
    call(&s, "click_element", json!({"element": plain}))
        .await
        .expect("click by number");
    let title = call(&s, "get_page_content", json!({})).await.expect("text");
    assert!(title.contains("title: hello clicked"), "{title}");
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.url("/tools/frames-and-shadow")}),
    )
    .await
    .expect("navigate again");
    call(
        &s,
        "click_element",
        json!({"selector": "text=\"Say \\\"hello\\\"\""}),
    )
    .await
    .expect("click by a selector with escaped quotes");
    let title = call(&s, "get_page_content", json!({})).await.expect("text");
    assert!(title.contains("title: hello clicked"), "{title}");
    let stale = call(&s, "click_element", json!({"element": 999})).await;
    assert!(matches!(stale, Err(ToolError::InvalidArgs(_))), "{stale:?}");
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// Settling ends as soon as a page is still, and at the cap on a page that never is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settling_returns_early_on_a_quiet_page_and_at_the_cap_on_a_busy_one() {
    // The cap is far above the quiet window (300 ms), so a slow machine still sees
    // the quiet page settle before it; what is asserted is which of the two happened.
    const CAP_MS: u64 = 4000;
    let s = setup_with(|_| BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        settle_cap: std::time::Duration::from_millis(CAP_MS),
        ..BrowserSettings::default()
    })
    .await;
    for (page, expect) in [
        ("quiet", "the page settled"),
        ("busy", "still changing after"),
    ] {
        call(
            &s,
            "navigate_to_url",
            json!({"url": s.site.url(&format!("/tools/{page}"))}),
        )
        .await
        .expect("navigate");
        let clicked = call(&s, "click_element", json!({"selector": "#noop"}))
            .await
            .expect("click");
        assert!(clicked.contains(expect), "{page}: {clicked}");
        let waited: u64 = clicked
            .split(expect)
            .nth(1)
            .and_then(|rest| {
                rest.trim_start_matches([' ', 'a', 'f', 't', 'e', 'r'])
                    .split(' ')
                    .next()
            })
            .and_then(|ms| ms.parse().ok())
            .unwrap_or_else(|| panic!("{page}: no wait in {clicked}"));
        // Early means before the cap (the quiet window is 300 ms); busy means the cap.
        match page {
            "quiet" => assert!(waited < CAP_MS, "{page}: waited {waited} ms"),
            _ => assert!(waited >= CAP_MS, "{page}: waited {waited} ms"),
        }
        println!("{page}: {clicked}");
    }
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// A window the page opens (an ad) leaves the attempt's page in the background,
/// where players defer their work and frames are not drawn; the tools bring it back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_the_page_opens_does_not_leave_it_in_the_background() {
    let s = setup().await;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.url("/tools/pop-under")}),
    )
    .await
    .expect("navigate");
    call(&s, "click_element", json!({"selector": "#listen"}))
        .await
        .expect("click");
    let text = call(&s, "get_page_content", json!({}))
        .await
        .expect("content");
    assert!(text.contains("Episode 9 (MP3)"), "{text}");
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// Audio of other episodes (in a related section, under a JSON key naming them) is
/// reported as another item's; the episode's own is not, even inside `#__next`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audio_of_other_items_is_told_from_the_pages_own() {
    let s = setup().await;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.url("/tools/related")}),
    )
    .await
    .expect("navigate");
    let found = call(&s, "find_audio_links", json!({})).await.expect("find");
    let line = |name: &str| {
        found
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not found: {found}"))
            .to_string()
    };
    assert!(!line("episode-10.mp3").contains("another item"), "{found}");
    assert!(
        line("episode-3.mp3").contains("another item's, under \"related\""),
        "{found}"
    );
    assert!(
        line("episode-4.mp3").contains("another item's, under \"other\""),
        "{found}"
    );
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}

/// The tools' scripts run in ragtime's own world: a page that breaks the builtins of
/// its world (as old libraries do) changes nothing they see.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_patches_builtins_does_not_blind_the_tools() {
    let s = setup().await;
    call(
        &s,
        "navigate_to_url",
        json!({"url": s.site.url("/tools/hostile-js")}),
    )
    .await
    .expect("navigate");
    let seen = observe(&s).await;
    let labels: Vec<String> = controls(&seen).into_iter().map(|c| c.0).collect();
    assert!(
        labels.contains(&"More information".to_string()),
        "{labels:?}"
    );
    let links = call(&s, "find_audio_links", json!({})).await.expect("find");
    assert!(links.contains("/media/tools/hostile.mp3"), "{links}");
    call(
        &s,
        "click_element",
        json!({"selector": "text=\"More information\""}),
    )
    .await
    .expect("click through patched builtins");
    s.shared.browser.close().await;
    s.pool.shutdown().await;
}
