//! The heuristic agent on real Chromium against every fixture page, through the real
//! runtime and sinks on SQLite: the right outcome, consistent rows, a pinned timeline.

use std::time::Duration;

use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::{AttemptStatus, RuntimeSettings};
use ragtime_fixtures::{Expected, FixtureSite, episodes};

use crate::common::TestDb;
use crate::{assert_progress_matches_steps, assert_timeline_snapshot};

async fn recover(slug: &str) {
    let site = FixtureSite::start().await.expect("fixture site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media dir");
    let app = App::open(db.browser_config(media.path()))
        .await
        .expect("open");
    let episode = episodes()
        .iter()
        .find(|e| e.slug == slug)
        .expect("fixture episode");
    let request = AttemptRequest {
        episode_url: site.episode_url(slug),
        strategy: "agent".into(),
        ..Default::default()
    };
    let report = app
        .start_agent_attempt(request)
        .await
        .expect("start")
        .wait()
        .await;
    let expected = match episode.expected {
        Expected::Resolved => AttemptStatus::Resolved,
        Expected::AwaitingHuman => AttemptStatus::AwaitingHuman,
    };
    assert_eq!(report.status, expected, "{slug}: {report:?}");
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    assert_progress_matches_steps(&app.store, report.attempt_id).await;
    let steps = app
        .store
        .rows()
        .steps(report.attempt_id)
        .await
        .expect("steps");
    if expected == AttemptStatus::Resolved {
        let audio = report
            .audio_url
            .clone()
            .expect("resolved with an audio URL");
        assert!(audio.starts_with(&site.url("/")), "{audio}");
        let saved: Vec<_> = std::fs::read_dir(media.path())
            .expect("media")
            .flatten()
            .collect();
        assert_eq!(saved.len(), 1, "one file in the media directory");
        let bytes = std::fs::read(saved[0].path()).expect("read audio");
        assert_eq!(&bytes[..2], &[0xFF, 0xFB], "an MP3 frame");
    }
    let first = &steps[0];
    match slug {
        "never-answers" => assert_eq!(first.outcome, "timeout"),
        "redirect-metadata" => {
            assert_eq!(first.outcome, "blocked");
            assert!(
                first
                    .tool_output
                    .as_deref()
                    .unwrap_or("")
                    .contains("127.0.0.3")
            );
        }
        "script-text" => {
            let output = first.tool_output.as_deref().unwrap_or("");
            assert!(
                output.contains("<script>alert('xss')</script>"),
                "page text is kept as text: {output}"
            );
        }
        "huge-page" => {
            let output = first.tool_output.as_deref().unwrap_or("");
            assert_eq!(
                output.chars().count(),
                501,
                "500 characters and an ellipsis"
            );
        }
        _ => {}
    }
    let timeline = app
        .store
        .timeline(report.attempt_id)
        .await
        .expect("timeline");
    assert_timeline_snapshot(
        &format!("agent_{}", slug.replace('-', "_")),
        &timeline.to_string(),
    );
    app.close(Duration::from_secs(10)).await.expect("close");
    db.cleanup().await;
}

macro_rules! fixture_tests {
    ($($name:ident => $slug:literal),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                recover($slug).await
            }
        )*

        #[test]
        fn every_fixture_episode_has_a_test() {
            let tested = [$($slug),*];
            for episode in episodes() {
                assert!(tested.contains(&episode.slug), "no end-to-end test for {}", episode.slug);
            }
        }
    };
}

fixture_tests!(
    direct_link => "direct-link",
    og_audio => "og-audio",
    more_info => "more-info",
    german_menu => "german-menu",
    stream_play => "stream-play",
    consent_overlay => "consent-overlay",
    no_audio => "no-audio",
    never_answers => "never-answers",
    huge_page => "huge-page",
    script_text => "script-text",
    alert_dialog => "alert-dialog",
    file_frame => "file-frame",
    redirect_metadata => "redirect-metadata",
);

/// Runs `script` on real Chromium tools as an attempt on `episode_url`, to its end.
async fn scripted_attempt(
    app: &App,
    episode_url: String,
    script: Vec<ragtime_core::Decision>,
) -> ragtime_core::AttemptReport {
    use ragtime_browser::{BrowserTools, registry};
    use std::sync::Arc;
    let context = app.browser().open_context().await.expect("browser");
    let tools = registry(Arc::new(BrowserTools {
        browser: Arc::new(context),
    }));
    let request = AttemptRequest {
        episode_url,
        strategy: "agent".into(),
        ..Default::default()
    };
    let planner = Arc::new(ragtime_testkit::ScriptedPlanner::new(script));
    app.start_attempt(request, planner, Arc::new(tools))
        .await
        .expect("start")
        .wait()
        .await
}

/// A screenshot from real Chromium is stored once, in `recovery_screenshots`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screenshots_are_stored_once_by_reference() {
    use ragtime_core::Decision;
    use ragtime_store::entity::recovery_screenshot;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use serde_json::json;

    let site = FixtureSite::start().await.expect("fixture site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let mut config = db.config(RuntimeSettings::default());
    config.browser.allow_hosts = vec!["127.0.0.1".to_string()];
    let app = App::open(config).await.expect("open");
    let script = vec![
        Decision::call(
            "navigate_to_url",
            json!({"url": site.episode_url("consent-overlay")}),
        ),
        Decision::call("analyze_screenshot", json!({})),
        Decision::escalate("a human should look at the screenshot"),
    ];
    let report = scripted_attempt(&app, site.episode_url("consent-overlay"), script).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let shots = recovery_screenshot::Entity::find()
        .filter(recovery_screenshot::Column::AttemptId.eq(report.attempt_id.get()))
        .all(app.store.connection())
        .await
        .expect("screenshots");
    assert_eq!(shots.len(), 1);
    assert_eq!(shots[0].step_number, 2);
    assert!(shots[0].data.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert_eq!(
        usize::try_from(shots[0].size_bytes).ok(),
        Some(shots[0].data.len())
    );
    let steps = app
        .store
        .rows()
        .steps(report.attempt_id)
        .await
        .expect("steps");
    let output = steps[1].tool_output.as_deref().unwrap_or("");
    assert!(
        output.contains("\"Accept all\"") && output.contains("covered"),
        "{output}"
    );
    let progress = app
        .store
        .rows()
        .attempt(report.attempt_id)
        .await
        .expect("row")
        .expect("row")
        .progress
        .to_string();
    assert!(
        !progress.contains("iVBOR"),
        "no image bytes in the progress column"
    );
    app.close(Duration::from_secs(10)).await.expect("close");
    db.cleanup().await;
}

/// The explorer on corpus pages that need it to act (a menu behind an icon, a consent
/// dialog in a shadow root, a player heard only on the network): timelines pinned.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn explorer_timelines_on_corpus_pages_are_pinned() {
    let site = FixtureSite::start().await.expect("fixture site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media dir");
    let mut config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_secs(10),
        attempt_deadline: Duration::from_secs(90),
        ..RuntimeSettings::default()
    });
    config.browser.allow_hosts = site.allow_hosts();
    config.browser.media_dir = media.path().to_path_buf();
    let app = App::open(config).await.expect("open");
    for slug in ["rtve-es", "usercentrics-shadow", "soundcloud-embed"] {
        let request = AttemptRequest {
            episode_url: site.corpus_url(slug),
            strategy: "agent".into(),
            ..Default::default()
        };
        let report = app
            .start_agent_attempt(request)
            .await
            .expect("start")
            .wait()
            .await;
        assert_eq!(report.status, AttemptStatus::Resolved, "{slug}: {report:?}");
        app.runtime
            .flush(Duration::from_secs(10))
            .await
            .expect("flush");
        let timeline = app
            .store
            .timeline(report.attempt_id)
            .await
            .expect("timeline");
        assert_timeline_snapshot(
            &format!("explorer_{}", slug.replace('-', "_")),
            &timeline.to_string(),
        );
    }
    app.close(Duration::from_secs(10)).await.expect("close");
    db.cleanup().await;
}

/// The supervisor cuts `download_file` at its tool deadline while the body still
/// trickles in: the step is `timeout` and no `.part` file stays in the media directory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_cut_by_the_tool_deadline_leaves_no_part_file() {
    use ragtime_core::Decision;
    use serde_json::json;

    let site = FixtureSite::start().await.expect("fixture site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media dir");
    let mut config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_secs(3),
        ..RuntimeSettings::default()
    });
    config.browser.allow_hosts = vec!["127.0.0.1".to_string()];
    config.browser.media_dir = media.path().to_path_buf();
    // The rate floor would end the download on its own; the deadline must be first.
    config.browser.min_rate = 0;
    let app = App::open(config).await.expect("open");
    let script = vec![
        Decision::call(
            "download_file",
            json!({"url": site.url("/files/trickle.mp3")}),
        ),
        Decision::escalate("the download was cut"),
    ];
    let report = scripted_attempt(&app, site.episode_url("slow-audio"), script).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman, "{report:?}");
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
    assert_eq!(steps[0].tool_name, "download_file");
    assert_eq!(steps[0].outcome, "timeout", "{:?}", steps[0]);
    assert!(
        site.log().streamed_bytes() > 0,
        "the download was under way when it was cut"
    );
    // The cut call's future is dropped by its task's abort, which may end a moment
    // after the attempt does.
    crate::common::eventually(Duration::from_secs(10), "the .part file to go", || {
        let empty = std::fs::read_dir(media.path())
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false);
        async move { empty.then_some(()) }
    })
    .await;
    app.close(Duration::from_secs(10)).await.expect("close");
    db.cleanup().await;
}
