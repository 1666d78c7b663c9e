//! The LLM planner on real Chromium and the fixture site, with a scripted
//! OpenAI-compatible server on loopback standing in for the paid model: a recovery, an
//! escalation, the limits, the faults a server has, a hang cut by the deadline, the API
//! key kept out of everything, and a recorded conversation replayed offline.

use std::path::Path;
use std::time::Duration;

use ragtime::app::AttemptRequest;
use ragtime::config::PlannerKind;
use ragtime::{App, Config};
use ragtime_core::{AttemptStatus, RuntimeSettings};
use ragtime_fixtures::FixtureSite;
use ragtime_testkit::openai::{ScriptedModel, Turn};
use serde_json::{Value, json};

use crate::assert_timeline_snapshot;
use crate::common::TestDb;

fn llm_config(db: &TestDb, site: &FixtureSite, base_url: &str, media: &Path) -> Config {
    let mut runtime = RuntimeSettings {
        tool_deadline: Duration::from_secs(20),
        attempt_deadline: Duration::from_secs(90),
        ..RuntimeSettings::default()
    };
    runtime.tool_deadlines.insert(
        "model".to_string(),
        humantime_serde::Serde::from(Duration::from_secs(10)),
    );
    let mut config = db.config(runtime);
    config.browser.allow_hosts = site.allow_hosts();
    config.browser.media_dir = media.to_path_buf();
    config.agent.planner = PlannerKind::Llm;
    config.llm.base_url = base_url.to_string();
    config.llm.model = "scripted".to_string();
    config.llm.api_key_env = String::new();
    config
}

/// Runs one attempt on `page` with the scripted model; its report and its steps.
async fn run(
    script: Vec<Turn>,
    page: &str,
    tweak: impl FnOnce(&mut Config),
) -> (
    ragtime_core::AttemptReport,
    Vec<ragtime_store::entity::recovery_step::Model>,
    Vec<Value>,
    String,
) {
    let site = FixtureSite::start().await.expect("site");
    let model = ScriptedModel::start(script).await.expect("model");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media");
    let mut config = llm_config(&db, &site, &model.base_url(), media.path());
    tweak(&mut config);
    let app = App::open(config).await.expect("open");
    let request = AttemptRequest {
        episode_url: site.url(page),
        strategy: "agent".into(),
        ..Default::default()
    };
    let report = app
        .start_agent_attempt(request)
        .await
        .expect("start")
        .wait()
        .await;
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
    let timeline = app
        .store
        .timeline(report.attempt_id)
        .await
        .expect("timeline")
        .to_string();
    crate::assert_progress_matches_steps(&app.store, report.attempt_id).await;
    app.close(Duration::from_secs(10)).await.expect("close");
    db.cleanup().await;
    let requests = model.requests();
    (report, steps, requests, timeline)
}

fn tools_offered(request: &Value) -> Vec<String> {
    request["tools"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(|t| t["function"]["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The last tool message of a request: what the model was told last.
fn last_tool_message(request: &Value) -> String {
    request["messages"]
        .as_array()
        .and_then(|m| m.iter().rev().find(|m| m["role"] == "tool"))
        .and_then(|m| m["content"].as_str())
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_model_drives_a_recovery_and_every_request_is_a_visible_step() {
    let script = vec![
        Turn::Computed(Box::new(|request| {
            let url = request["messages"][1]["content"]
                .as_str()
                .and_then(|t| t.lines().find_map(|l| l.strip_prefix("Episode page: ")))
                .unwrap_or("")
                .to_string();
            Turn::call("navigate_to_url", json!({"url": url}))
        })),
        Turn::call("observe_page", json!({})),
        Turn::Computed(Box::new(|request| {
            // The observation names the audio: "audio: URL (where)".
            let seen = last_tool_message(request);
            let url = seen
                .lines()
                .find_map(|l| l.strip_prefix("audio: "))
                .and_then(|l| l.split_whitespace().next())
                .unwrap_or("none")
                .to_string();
            Turn::call("download_file", json!({"url": url}))
        })),
    ];
    let (report, steps, requests, timeline) = run(script, "/episodes/more-info", |_| {}).await;
    assert_eq!(
        report.status,
        AttemptStatus::Resolved,
        "{report:?}\n{timeline}"
    );
    let tools: Vec<&str> = steps.iter().map(|s| s.tool_name.as_str()).collect();
    assert_eq!(
        tools,
        [
            "model",
            "navigate_to_url",
            "model",
            "observe_page",
            "model",
            "download_file"
        ]
    );
    for model_step in steps.iter().filter(|s| s.tool_name == "model") {
        assert!(
            model_step.input_tokens.unwrap_or(0) > 0 && model_step.output_tokens == Some(12),
            "{model_step:?}"
        );
    }
    let first = &requests[0];
    let offered = tools_offered(first);
    assert!(
        !offered.contains(&"model".to_string()),
        "the model is not offered to itself: {offered:?}"
    );
    for tool in [
        "navigate_to_url",
        "observe_page",
        "click_element",
        "download_file",
        "translate_text",
    ] {
        assert!(
            offered.contains(&tool.to_string()),
            "{tool} offered: {offered:?}"
        );
    }
    assert_eq!(first["parallel_tool_calls"], json!(false));
    assert_eq!(first["messages"][0]["role"], "system");
    assert!(
        first["messages"][0]["content"]
            .as_str()
            .unwrap_or("")
            .contains("untrusted"),
        "the system prompt says tool output is untrusted"
    );
    let told = last_tool_message(&requests[2]);
    assert!(
        told.starts_with("<tool_output step=\"4\" tool=\"observe_page\" outcome=\"success\">"),
        "tool output is delimited: {told}"
    );
    assert_timeline_snapshot("llm_recovery", &timeline);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_model_escalates_in_words_and_the_limits_end_the_attempt() {
    let script = vec![
        Turn::call(
            "navigate_to_url",
            json!({"url": "http://127.0.0.1:1/unused"}),
        ),
        Turn::text("This episode page has no audio; the episode was removed."),
    ];
    let (report, _, _, timeline) = run(script, "/episodes/no-audio", |_| {}).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    assert!(
        report.message.contains("the episode was removed"),
        "{}",
        report.message
    );
    assert_timeline_snapshot("llm_escalation", &timeline);

    let script = vec![
        Turn::call("observe_page", json!({})),
        Turn::call("observe_page", json!({})),
    ];
    let (report, steps, _, timeline) =
        run(script, "/episodes/no-audio", |c| c.llm.max_requests = 2).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    assert!(
        report.message.contains("used all 2 model requests"),
        "{}",
        report.message
    );
    assert_eq!(steps.iter().filter(|s| s.tool_name == "model").count(), 2);
    assert_timeline_snapshot("llm_limit", &timeline);

    let script = vec![Turn::call("observe_page", json!({}))];
    let (report, _, _, _) = run(script, "/episodes/no-audio", |c| c.llm.max_tokens = 150).await;
    assert!(
        report.message.contains("[llm] max_tokens"),
        "{}",
        report.message
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_faults_are_retried_visibly_and_bad_calls_go_back_to_the_model() {
    let script = vec![
        Turn::rate_limited(1),
        Turn::Status {
            code: 500,
            body: json!({"error": {"message": "The server had an error"}}),
            headers: vec![],
        },
        Turn::Call {
            tool: "navigate_to_url".into(),
            arguments: "{url: not json".into(),
        },
        Turn::call("fly_away", json!({})),
        Turn::call(
            "navigate_to_url",
            json!({"href": "http://example.invalid/"}),
        ),
        Turn::text("I cannot make the tools work."),
    ];
    let (report, steps, requests, timeline) = run(script, "/episodes/no-audio", |_| {}).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman, "{timeline}");
    let seen: Vec<(String, String)> = steps
        .iter()
        .map(|s| (s.tool_name.clone(), s.outcome.clone()))
        .collect();
    let expect = [
        ("model", "error"),
        ("model", "error"),
        ("model", "success"),
        ("navigate_to_url", "error"),
        ("model", "success"),
        ("fly_away", "error"),
        ("model", "success"),
        ("navigate_to_url", "error"),
        ("model", "success"),
    ];
    assert_eq!(
        seen,
        expect
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>(),
        "{timeline}"
    );
    let output = |i: usize| steps[i].tool_output.clone().unwrap_or_default();
    assert!(
        output(0).contains("HTTP 429") && output(0).contains("[retry in 1000 ms]"),
        "{}",
        output(0)
    );
    assert_eq!(
        steps[1].tool_input["wait_ms"],
        json!(1000),
        "the retry waited as the server asked"
    );
    assert!(output(3).contains("invalid arguments"), "{}", output(3));
    assert!(
        output(5).contains("no tool named \"fly_away\""),
        "{}",
        output(5)
    );
    assert!(
        output(7).contains("\"url\" is a required property"),
        "{}",
        output(7)
    );
    // Each refusal went back to the model as the answer to its call.
    assert!(last_tool_message(&requests[3]).contains("invalid arguments"));
    assert!(last_tool_message(&requests[4]).contains("no tool named"));
    assert!(last_tool_message(&requests[5]).contains("is a required property"));
    assert_timeline_snapshot("llm_faults", &timeline);
}

/// The attempt's deadline covers a model request too: with a `model` deadline longer
/// than the attempt's, a model that never answers ends the attempt at its deadline.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_attempt_deadline_cuts_a_model_request_that_never_answers() {
    let script = vec![Turn::Hang];
    let (report, steps, _, timeline) = run(script, "/episodes/no-audio", |c| {
        c.runtime.attempt_deadline = Duration::from_secs(2);
        c.runtime.tool_deadlines.insert(
            "model".to_string(),
            humantime_serde::Serde::from(Duration::from_secs(60)),
        );
    })
    .await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman, "{timeline}");
    assert!(
        report
            .message
            .contains("attempt deadline of 2s reached during step 1 (model)"),
        "{}",
        report.message
    );
    assert_eq!(steps.len(), 1, "{timeline}");
    assert_eq!(steps[0].tool_name, "model");
    assert_eq!(steps[0].outcome, "timeout", "{timeline}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_model_is_cut_by_its_deadline_and_a_huge_reply_is_refused() {
    let script = vec![Turn::Hang, Turn::text("No audio here.")];
    let (report, steps, _, timeline) = run(script, "/episodes/no-audio", |c| {
        c.runtime.tool_deadlines.insert(
            "model".to_string(),
            humantime_serde::Serde::from(Duration::from_secs(1)),
        );
    })
    .await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    assert_eq!(steps[0].outcome, "timeout", "{timeline}");
    assert_eq!(steps[1].outcome, "success", "{timeline}");
    assert_timeline_snapshot("llm_hang", &timeline);

    let script = vec![Turn::Huge(6 * 1024 * 1024)];
    let (report, steps, _, _) = run(script, "/episodes/no-audio", |_| {}).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    let output = steps[0].tool_output.clone().unwrap_or_default();
    assert!(
        output.contains("too large") && output.contains("[no retry]"),
        "{output}"
    );
}

/// A conversation recorded by hand, replayed with no model server at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recorded_conversation_replays_offline() {
    let cassette = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cassettes/more-info.jsonl");
    let site = FixtureSite::start().await.expect("site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media");
    // Port 9 on loopback: nothing listens there, and a replay sends nothing anyway.
    let mut config = llm_config(&db, &site, "http://127.0.0.1:9/v1", media.path());
    config.llm.cassette = Some(cassette);
    let app = App::open(config).await.expect("open");
    let request = AttemptRequest {
        episode_url: site.episode_url("more-info"),
        strategy: "agent".into(),
        ..Default::default()
    };
    let report = app
        .start_agent_attempt(request)
        .await
        .expect("start")
        .wait()
        .await;
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .expect("flush");
    let timeline = app
        .store
        .timeline(report.attempt_id)
        .await
        .expect("timeline")
        .to_string();
    assert_eq!(report.status, AttemptStatus::Resolved, "{timeline}");
    assert_timeline_snapshot("llm_replay", &timeline);
    app.close(Duration::from_secs(10)).await.expect("close");
    db.cleanup().await;
}

/// The real binary, `recover` with the LLM planner: each model request shows live, the
/// key is sent to the server and appears nowhere else (output, logs, rows), even when
/// the server echoes it back; without the key the daemon refuses to start, in one line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recover_with_a_model_shows_its_steps_and_never_the_key() {
    const SECRET: &str = "sk-test-7Hq2mZ9vX4pL0wRc";
    let site = FixtureSite::start().await.expect("site");
    let page = site.episode_url("no-audio");
    let echo = Turn::Status {
        code: 401,
        body: json!({"error": {"message": format!("Incorrect API key provided: {SECRET}. You can find your API key at the dashboard."), "type": "invalid_request_error", "code": "invalid_api_key"}}),
        headers: vec![],
    };
    // The first reply echoes the key in a call's arguments (the page ignores the
    // query), the second in an error.
    let model = ScriptedModel::start(vec![
        Turn::call(
            "navigate_to_url",
            json!({"url": format!("{page}?echo={SECRET}")}),
        ),
        echo,
    ])
    .await
    .expect("model");
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("ragtime.toml");
    std::fs::write(
        &config,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n[browser]\nallow_hosts = {:?}\nmedia_dir = \"{}\"\n\
             [agent]\nplanner = \"llm\"\n[llm]\nbase_url = \"{}\"\nmodel = \"scripted\"\napi_key_env = \"RAGTIME_TEST_MODEL_KEY\"\n\
             cassette = \"{}\"\ncassette_mode = \"record\"\n",
            dir.path().join("r.db").display(),
            site.allow_hosts(),
            dir.path().join("media").display(),
            model.base_url(),
            dir.path().join("recorded.jsonl").display()
        ),
    )
    .expect("config");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args([
            "--config",
            &config.display().to_string(),
            "recover",
            "--url",
            &page,
        ])
        .env("RAGTIME_TEST_MODEL_KEY", SECRET)
        .env("RUST_LOG", "debug")
        .output()
        .await
        .expect("run recover");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("model") && stdout.contains("... running"),
        "{stdout}"
    );
    assert!(stdout.contains("HTTP 401 from the model"), "{stdout}");
    assert_eq!(
        model.authorizations().first().cloned().flatten().as_deref(),
        Some(format!("Bearer {SECRET}").as_str()),
        "the key went to the model server"
    );
    assert!(
        !stdout.contains(SECRET) && !stderr.contains(SECRET),
        "the key leaked into the output"
    );
    assert!(
        dir.path().join("recorded.jsonl").exists(),
        "the exchanges were recorded"
    );
    let listed = tokio::process::Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(["--config", &config.display().to_string(), "attempts"])
        .env("RUST_LOG", "off")
        .output()
        .await
        .expect("run attempts");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains(" in, ") && listed.contains(" out tokens]"),
        "`ragtime attempts` shows the attempt's tokens: {listed}"
    );
    for file in std::fs::read_dir(dir.path()).expect("dir").flatten() {
        let bytes = std::fs::read(file.path()).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(SECRET),
            "the key leaked into {}",
            file.path().display()
        );
    }

    let refused = tokio::process::Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args([
            "--config",
            &config.display().to_string(),
            "recover",
            "--url",
            &page,
        ])
        .env_remove("RAGTIME_TEST_MODEL_KEY")
        .env("RUST_LOG", "off")
        .output()
        .await
        .expect("run recover without the key");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("RAGTIME_TEST_MODEL_KEY"), "{stderr}");
}

/// Vision and translation go to the model: a screenshot is sent as an image after the
/// call that took it, and `translate_text` asks the model (its tokens counted).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screenshots_and_translations_go_to_the_model() {
    let script = vec![
        Turn::Computed(Box::new(|request| {
            let url = request["messages"][1]["content"]
                .as_str()
                .and_then(|t| t.lines().find_map(|l| l.strip_prefix("Episode page: ")))
                .unwrap_or("")
                .to_string();
            Turn::call("navigate_to_url", json!({"url": url}))
        })),
        Turn::call("analyze_screenshot", json!({})),
        Turn::call(
            "translate_text",
            json!({"text": ["Download", "More information"], "to": "de"}),
        ),
        // The translation request itself.
        Turn::text("Herunterladen\nMehr Informationen"),
        Turn::text("Nothing to download here."),
    ];
    let (report, steps, requests, _) = run(script, "/episodes/no-audio", |_| {}).await;
    assert_eq!(report.status, AttemptStatus::AwaitingHuman);
    let image = requests[2]["messages"]
        .as_array()
        .and_then(|m| m.last())
        .map(|m| m["content"].to_string())
        .unwrap_or_default();
    assert!(
        image.contains("data:image/png;base64,"),
        "the screenshot went to the model: {}",
        &image[..image.len().min(300)]
    );
    // requests[3] is the translation; requests[4] answers it, long after the shot.
    assert!(
        !requests[4].to_string().contains("data:image/png;base64,"),
        "the screenshot rides along only with the turn that answers it"
    );
    let translated = steps
        .iter()
        .find(|s| s.tool_name == "translate_text")
        .expect("translate step");
    assert!(
        translated
            .tool_output
            .as_deref()
            .unwrap_or("")
            .contains("Download => Herunterladen"),
        "{translated:?}"
    );
    assert!(
        translated.input_tokens.is_some(),
        "the translation's tokens are counted"
    );
    assert!(
        requests[3]["messages"][0]["content"]
            .as_str()
            .unwrap_or("")
            .contains("Translate")
    );
}

/// A conversation recorded against a server replays without it, to the same end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recorded_cassette_replays_without_the_server() {
    let dir = tempfile::tempdir().expect("dir");
    let cassette = dir.path().join("recorded.jsonl");
    let script = vec![
        Turn::Computed(Box::new(|request| {
            let url = request["messages"][1]["content"]
                .as_str()
                .and_then(|t| t.lines().find_map(|l| l.strip_prefix("Episode page: ")))
                .unwrap_or("")
                .to_string();
            Turn::call("navigate_to_url", json!({"url": url}))
        })),
        Turn::call("find_audio_links", json!({})),
        Turn::text("No audio on this page."),
    ];
    let recording = cassette.clone();
    let (recorded, _, _, _) = run(script, "/episodes/no-audio", move |c| {
        c.llm.cassette = Some(recording);
        c.llm.cassette_mode = ragtime_llm::CassetteMode::Record;
    })
    .await;
    let lines = std::fs::read_to_string(&cassette)
        .expect("cassette")
        .lines()
        .count();
    assert_eq!(lines, 3, "one line per exchange");
    let (replayed, steps, requests, _) = run(vec![], "/episodes/no-audio", move |c| {
        c.llm.cassette = Some(cassette);
    })
    .await;
    assert!(requests.is_empty(), "a replay sends nothing");
    assert_eq!(
        (replayed.status, replayed.steps),
        (recorded.status, recorded.steps)
    );
    assert!(steps.iter().any(|s| s.tool_name == "find_audio_links"));
}
