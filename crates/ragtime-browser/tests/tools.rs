//! The browser tools on real Chromium against the fixture site on 127.0.0.1.

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
    let site = FixtureSite::start().await.expect("fixture site");
    let media = tempfile::tempdir().expect("media dir");
    let settings = BrowserSettings {
        allow_hosts: vec!["127.0.0.1".into()],
        media_dir: media.path().to_path_buf(),
        max_download_bytes: 1024 * 1024,
        ..BrowserSettings::default()
    };
    let pool = BrowserPool::new(settings);
    let browser = Arc::new(pool.open_context().await.expect("browser context"));
    let client = ragtime_browser::download::client(Arc::clone(pool.policy())).expect("client");
    let shared = Arc::new(BrowserTools { browser, client });
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
        attempt_id: 1,
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
    assert_eq!(
        call(&s, "find_audio_links", json!({})).await.expect("find"),
        "no audio links found"
    );
    let dead = call(
        &s,
        "intercept_audio_requests",
        json!({"selector": "button:has-text(\"Mehr Informationen\")"}),
    )
    .await
    .expect("click");
    assert!(dead.contains("no audio requests"), "{dead}");
    let menu = call(
        &s,
        "intercept_audio_requests",
        json!({"selector": "text=\"⋮\""}),
    )
    .await
    .expect("menu");
    assert!(menu.contains("/audio/german-menu.mp3"), "{menu}");
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
        Err(ToolError::Blocked(why)) => assert!(why.contains("169.254.169.254"), "{why}"),
        other => panic!("expected blocked, got {other:?}"),
    }
    for bad in [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
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
        matches!(hop, Err(ToolError::Blocked(ref why)) if why.contains("169.254.169.254")),
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
