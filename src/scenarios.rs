//! Scripted recovery attempts: what `ragtime demo` runs and what the snapshot tests pin.
//!
//! Each scenario is a script of planner decisions over testkit tools named like the
//! browser tools, so it shows the runtime's behaviour (timeouts, a crash and restart,
//! the attempt deadline) without a browser. All of them run under [`demo_settings`],
//! which shortens the deadlines so the whole set finishes in a few seconds.

use std::sync::Arc;
use std::time::Duration;

use ragtime_core::{AttemptStatus, Decision, RuntimeSettings, ToolRegistry};
use ragtime_testkit::{EchoTool, PanicTool, ScriptedPlanner, SleepTool};
use serde_json::json;

/// One scripted attempt: its planner's script, the stand-in tools it calls, and the
/// status it must end in.
pub struct Scenario {
    /// The name `ragtime demo` and the snapshot tests pick it by, such as `resolved`.
    pub name: &'static str,
    /// One line on what the scenario shows, printed when it starts.
    pub about: &'static str,
    /// The (made-up) episode page the attempt is for, under `podcasts.example`.
    pub episode_url: String,
    /// The planner that replays the scenario's decisions in order.
    pub planner: Arc<ScriptedPlanner>,
    /// The testkit tools, named like the browser tools, that the script calls.
    pub tools: Arc<ToolRegistry>,
    /// How the attempt ends under [`demo_settings`].
    pub expected: AttemptStatus,
}

/// Deadlines short enough for a demo: clicks time out after 300 ms, attempts after 3 s.
pub fn demo_settings() -> RuntimeSettings {
    let mut settings = RuntimeSettings {
        tool_deadline: Duration::from_secs(2),
        attempt_deadline: Duration::from_secs(3),
        heartbeat_interval: Duration::from_millis(500),
        ..RuntimeSettings::default()
    };
    settings
        .tool_deadlines
        .insert("click_element".into(), Duration::from_millis(300).into());
    settings
        .tool_deadlines
        .insert("download_audio".into(), Duration::from_secs(30).into());
    settings
}

/// Every scenario, in the order the demo runs them.
pub fn all() -> Vec<Scenario> {
    vec![
        resolved(),
        click_timeouts(),
        tool_panic(),
        attempt_deadline(),
    ]
}

/// The scenario called `name`, if there is one.
pub fn by_name(name: &str) -> Option<Scenario> {
    all().into_iter().find(|s| s.name == name)
}

/// The scenarios' names, in the order the demo runs them.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|s| s.name).collect()
}

fn page(name: &str) -> String {
    format!("http://podcasts.example/episodes/{name}")
}

fn navigate(url: &str, text: &str) -> Decision {
    Decision::call("navigate_to_url", json!({"url": url, "text": text}))
}

fn scenario(
    name: &'static str,
    about: &'static str,
    expected: AttemptStatus,
    script: Vec<Decision>,
    tools: ToolRegistry,
) -> Scenario {
    Scenario {
        name,
        about,
        episode_url: page(name),
        planner: Arc::new(ScriptedPlanner::new(script)),
        tools: Arc::new(tools.with(EchoTool::named("navigate_to_url"))),
        expected,
    }
}

fn resolved() -> Scenario {
    let audio = "http://podcasts.example/audio/resolved.mp3";
    scenario(
        "resolved",
        "finds the audio link after a navigation and downloads it",
        AttemptStatus::Resolved,
        vec![
            navigate(&page("resolved"), "200 OK: Episode 12 - Der Podcast"),
            Decision::call("find_audio_links", json!({"text": audio}))
                .with_note("the page has no <audio> element; look for links"),
            Decision::call(
                "download_audio",
                json!({"url": audio, "text": "saved 14.2 MB to media/resolved.mp3"}),
            ),
            Decision::resolve("downloaded the episode audio", Some(audio.to_string())),
        ],
        ToolRegistry::new()
            .with(EchoTool::named("find_audio_links"))
            .with(EchoTool::named("download_audio")),
    )
}

fn click_timeouts() -> Scenario {
    let click = |selector: &str| {
        Decision::call("click_element", json!({"selector": selector, "ms": 60_000}))
    };
    scenario(
        "click_timeouts",
        "four clicks on a consent layer time out, then a human is asked",
        AttemptStatus::AwaitingHuman,
        vec![
            navigate(
                &page("click_timeouts"),
                "200 OK: consent layer covers the player",
            ),
            click("button:has-text('Mehr Informationen')")
                .with_note("a consent layer hides the player"),
            click("button:has-text('Akzeptieren')"),
            click("#play"),
            click("button.player-start"),
            Decision::escalate("four clicks timed out; the player never appeared"),
        ],
        ToolRegistry::new().with(SleepTool::named("click_element")),
    )
}

fn tool_panic() -> Scenario {
    let audio = "http://podcasts.example/audio/tool_panic.mp3";
    scenario(
        "tool_panic",
        "a tool panics, its actor is restarted, and the next tool finds the audio",
        AttemptStatus::Resolved,
        vec![
            navigate(&page("tool_panic"), "200 OK"),
            Decision::call(
                "extract_player_config",
                json!({"message": "unexpected player JSON"}),
            ),
            Decision::call("find_audio_links", json!({"text": audio}))
                .with_note("the config parser crashed; try links"),
            Decision::resolve("found the audio link", Some(audio.to_string())),
        ],
        ToolRegistry::new()
            .with(PanicTool::named("extract_player_config"))
            .with(EchoTool::named("find_audio_links")),
    )
}

fn attempt_deadline() -> Scenario {
    scenario(
        "attempt_deadline",
        "a download outlasts the whole attempt's deadline and is cut off",
        AttemptStatus::AwaitingHuman,
        vec![
            navigate(&page("attempt_deadline"), "200 OK"),
            Decision::call(
                "download_audio",
                json!({"url": "http://podcasts.example/audio/slow.mp3", "ms": 60_000}),
            ),
            Decision::resolve("downloaded", None),
        ],
        ToolRegistry::new().with(SleepTool::named("download_audio")),
    )
}
