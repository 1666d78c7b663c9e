//! The explorer's decisions on histories written by hand.

use super::*;
use ragtime_core::{Action, ToolCall};

fn record(
    tool: &str,
    args: Value,
    outcome: StepOutcome,
    output: &str,
    data: Option<Value>,
) -> ToolCallRecord {
    ToolCallRecord {
        step: 0,
        call: ToolCall::new(tool, args),
        outcome,
        output: output.to_string(),
        data,
        usage: None,
    }
}

fn context() -> AttemptContext {
    AttemptContext {
        url: Some("http://podcasts.example/ep/1".into()),
        ..Default::default()
    }
}

fn control(number: usize, role: &str, label: &str, href: Option<&str>) -> Control {
    Control {
        number,
        role: role.into(),
        label: label.into(),
        text: None,
        hint: None,
        visible: true,
        enabled: true,
        href: href.map(str::to_string),
        download: false,
        frame: 0,
        shadow: false,
    }
}

fn link(url: &str, via: &str) -> AudioLink {
    AudioLink {
        url: url.into(),
        via: via.into(),
        other: None,
    }
}

fn observed(fingerprint: &str, controls: Vec<Control>, audio: Vec<AudioLink>) -> ToolCallRecord {
    let observation = Observation {
        title: "Episode 1".into(),
        heading: String::new(),
        url: "http://podcasts.example/ep/1".into(),
        language: "en".into(),
        frames: vec!["http://podcasts.example/ep/1".into()],
        audio,
        total: controls.len(),
        controls,
        fingerprint: fingerprint.into(),
    };
    let data = serde_json::to_value(&observation).ok();
    record(
        "observe_page",
        json!({}),
        StepOutcome::Success,
        "observed",
        data,
    )
}

/// The late look the explorer takes before it escalates: it must come, and then it sees
/// the page unchanged.
fn late_look(history: &mut Vec<ToolCallRecord>, fingerprint: &str, controls: Vec<Control>) {
    let look = call_of(next(history));
    assert_eq!(
        (look.tool.as_str(), &look.args),
        ("observe_page", &json!({"wait_ms": 2500}))
    );
    let mut record = observed(fingerprint, controls, vec![]);
    record.call.args = look.args;
    history.push(record);
}

fn opened() -> ToolCallRecord {
    record(
        "navigate_to_url",
        json!({"url": "http://podcasts.example/ep/1"}),
        StepOutcome::Success,
        "title: Episode 1",
        None,
    )
}

fn next(history: &[ToolCallRecord]) -> Action {
    HeuristicPlanner
        .decide(&context(), &Seen { history })
        .action
}

fn call_of(action: Action) -> ToolCall {
    match action {
        Action::Call(call) => call,
        other => panic!("expected a call, got {other:?}"),
    }
}

#[test]
fn it_opens_then_looks_then_downloads_what_turned_up() {
    assert_eq!(call_of(next(&[])).tool, "navigate_to_url");
    assert_eq!(call_of(next(&[opened()])).tool, "observe_page");
    let audio = vec![
        link("http://cdn.example/a.m4a", "link"),
        link("http://cdn.example/ep1.mp3", "meta og:audio"),
        link("http://cdn.example/preview/ep1.mp3", "link"),
    ];
    let history = vec![opened(), observed("f1", vec![], audio)];
    let download = call_of(next(&history));
    assert_eq!(
        (download.tool.as_str(), &download.args),
        (
            "download_file",
            &json!({"url": "http://cdn.example/ep1.mp3"})
        )
    );
    let mut failed = history.clone();
    failed.push(record(
        "download_file",
        download.args.clone(),
        StepOutcome::Error,
        "HTTP 404",
        None,
    ));
    let second = call_of(next(&failed));
    assert_eq!(
        second.args,
        json!({"url": "http://cdn.example/a.m4a"}),
        "the preview clip is never taken"
    );
}

#[test]
fn a_failed_click_is_not_repeated_on_an_unchanged_page_and_the_escalation_says_what_was_tried() {
    let controls = vec![
        control(1, "button", "Share", None),
        control(2, "button", "More information", None),
    ];
    let mut history = vec![opened(), observed("f1", controls.clone(), vec![])];
    let click = call_of(next(&history));
    assert_eq!(
        (click.tool.as_str(), &click.args),
        ("click_element", &json!({"element": 2})),
        "Share is never clicked"
    );
    history.push(record(
        "click_element",
        click.args.clone(),
        StepOutcome::Timeout,
        "no answer",
        None,
    ));
    // The cut-off click left a blank page: the episode is opened and looked at again.
    assert_eq!(call_of(next(&history)).tool, "navigate_to_url");
    history.push(opened());
    assert_eq!(call_of(next(&history)).tool, "observe_page");
    history.push(observed("f1", controls.clone(), vec![]));
    late_look(&mut history, "f1", controls);
    match next(&history) {
        Action::Finish(end) => {
            assert!(!end.resolved);
            assert!(
                end.message.contains("\"More information\" (timeout)"),
                "{}",
                end.message
            );
        }
        other => panic!("expected an escalation, got {other:?}"),
    }
}

#[test]
fn a_click_that_reveals_controls_leads_to_them_and_a_control_is_retried_only_on_a_changed_page() {
    let menu = control(1, "button", "Options", None);
    let mut history = vec![opened(), observed("f1", vec![menu.clone()], vec![])];
    let first = call_of(next(&history));
    assert_eq!(first.args, json!({"element": 1}));
    history.push(record(
        "click_element",
        first.args.clone(),
        StepOutcome::Success,
        "clicked",
        None,
    ));
    assert_eq!(
        call_of(next(&history)).tool,
        "observe_page",
        "it looks again after acting"
    );
    history.push(observed(
        "f2",
        vec![
            menu.clone(),
            control(2, "link", "Herunterladen", Some("/download/ep1")),
        ],
        vec![],
    ));
    let second = call_of(next(&history));
    assert_eq!(
        second.args,
        json!({"element": 2}),
        "the revealed download link comes next"
    );
    history.push(record(
        "click_element",
        second.args.clone(),
        StepOutcome::Error,
        "covered",
        None,
    ));
    // The menu was clicked on f1, not on f2: it may be clicked once more.
    let third = call_of(next(&history));
    assert_eq!(third.args, json!({"element": 1}));
    history.push(record(
        "click_element",
        third.args.clone(),
        StepOutcome::Success,
        "clicked",
        None,
    ));
    let seen = vec![
        menu,
        control(2, "link", "Herunterladen", Some("/download/ep1")),
    ];
    history.push(observed("f2", seen.clone(), vec![]));
    late_look(&mut history, "f2", seen);
    match next(&history) {
        Action::Finish(end) => assert!(!end.resolved, "no control is clicked a third time"),
        other => panic!("expected an escalation, got {other:?}"),
    }
}

#[test]
fn consent_comes_first_and_links_to_other_sites_are_never_clicked() {
    let controls = vec![
        control(
            1,
            "link",
            "More episodes",
            Some("https://apps.other.example/show"),
        ),
        control(
            2,
            "link",
            "Listen on Spotify",
            Some("https://open.spotify.example/ep"),
        ),
        control(3, "button", "Play", None),
        control(4, "button", "Alle akzeptieren", None),
    ];
    let history = vec![opened(), observed("f1", controls.clone(), vec![])];
    assert_eq!(call_of(next(&history)).args, json!({"element": 4}));
    let without_consent: Vec<Control> = controls.into_iter().take(3).collect();
    let history = vec![opened(), observed("f1", without_consent, vec![])];
    assert_eq!(
        call_of(next(&history)).args,
        json!({"element": 3}),
        "off-site links are skipped"
    );
}

/// Consent managers' buttons that also say "close" (Didomi's "Agree and close") are
/// consent buttons, not the close buttons the explorer avoids.
#[test]
fn a_consent_button_that_also_closes_is_clicked_first() {
    for label in [
        "Agree and close",
        "Accepter & Fermer",
        "Akzeptieren und schließen",
    ] {
        let controls = vec![
            control(1, "button", "Play", None),
            control(2, "button", "Close", None),
            control(3, "button", label, None),
        ];
        let history = vec![opened(), observed("f1", controls, vec![])];
        assert_eq!(
            call_of(next(&history)).args,
            json!({"element": 3}),
            "{label}"
        );
    }
}

/// A click cut off by its deadline leaves a blank page behind: the explorer opens the
/// episode again, once, and does not click the same control on the same page again.
#[test]
fn a_click_cut_off_by_its_deadline_reopens_the_page_once() {
    let controls = vec![
        control(1, "button", "Play", None),
        control(2, "button", "More", None),
    ];
    let mut history = vec![opened(), observed("f1", controls.clone(), vec![])];
    let click = call_of(next(&history));
    assert_eq!(click.args, json!({"element": 1}));
    history.push(record(
        "click_element",
        click.args,
        StepOutcome::Timeout,
        "no answer",
        None,
    ));
    let reopen = call_of(next(&history));
    assert_eq!(
        (reopen.tool.as_str(), &reopen.args),
        (
            "navigate_to_url",
            &json!({"url": "http://podcasts.example/ep/1"})
        )
    );
    history.push(opened());
    assert_eq!(call_of(next(&history)).tool, "observe_page");
    history.push(observed("f1", controls, vec![]));
    assert_eq!(
        call_of(next(&history)).args,
        json!({"element": 2}),
        "the control that hung is not clicked again on the same page"
    );
    history.push(record(
        "click_element",
        json!({"element": 2}),
        StepOutcome::Timeout,
        "no answer",
        None,
    ));
    assert_ne!(
        call_of(next(&history)).tool,
        "navigate_to_url",
        "the page is opened again only once"
    );
}

#[test]
fn a_page_that_cannot_be_opened_is_escalated_at_once() {
    let history = vec![record(
        "navigate_to_url",
        json!({"url": "http://podcasts.example/ep/1"}),
        StepOutcome::Blocked,
        "navigation refused: 127.0.0.3 is in 127.0.0.0/8",
        None,
    )];
    match next(&history) {
        Action::Finish(end) => assert!(
            end.message.contains("could not be opened (blocked)"),
            "{}",
            end.message
        ),
        other => panic!("expected an escalation, got {other:?}"),
    }
}

#[test]
fn a_download_link_is_tried_as_audio_and_excerpts_and_other_titles_are_not() {
    let mut download = control(
        1,
        "link",
        "Scarica",
        Some("https://cdn.example/relinker?cont=42"),
    );
    download.download = true;
    let other = control(2, "button", "Play: Episode 5, The River Village", None);
    let history = vec![
        opened(),
        observed(
            "f1",
            vec![download, other.clone()],
            vec![link(
                "https://cdn.example/audio/clips/clip_546000_597200.mp3",
                "meta og:audio",
            )],
        ),
    ];
    let first = call_of(next(&history));
    assert_eq!(
        (first.tool.as_str(), &first.args),
        (
            "download_file",
            &json!({"url": "https://cdn.example/relinker?cont=42"})
        ),
        "the download link, not the excerpt"
    );
    let mut failed = history.clone();
    failed.push(record(
        "download_file",
        first.args.clone(),
        StepOutcome::Error,
        "not MP3",
        None,
    ));
    let look = call_of(next(&failed));
    assert_eq!(
        look.tool, "observe_page",
        "playing another episode (\"{}\" on a page titled Episode 1) is not tried",
        other.label
    );
}

#[test]
fn trailers_other_items_audio_and_app_downloads_are_not_the_episode() {
    let app = control(
        1,
        "link",
        "Stáhnout aplikaci",
        Some("http://podcasts.example/app/download"),
    );
    let related = AudioLink {
        other: Some("related".into()),
        ..link("http://cdn.example/ep2.mp3", "audio currentSrc")
    };
    let history = vec![
        opened(),
        observed(
            "f1",
            vec![app],
            vec![
                link(
                    "http://cdn.example/show-trailer-season-3.mp3",
                    "audio currentSrc",
                ),
                related,
            ],
        ),
    ];
    let look = call_of(next(&history));
    assert_eq!(
        (look.tool.as_str(), &look.args),
        ("observe_page", &json!({"wait_ms": 2500})),
        "no trailer, no related episode, no app: nothing to try but a late look"
    );
    // On a page about the trailer, the trailer is what there is to get.
    let mut about_trailer = observed(
        "f1",
        vec![],
        vec![link(
            "http://cdn.example/show-trailer-season-3.mp3",
            "audio currentSrc",
        )],
    );
    if let Some(data) = about_trailer.data.as_mut() {
        data["title"] = json!("Season 3 trailer");
    }
    let download = call_of(next(&[opened(), about_trailer]));
    assert_eq!(download.tool, "download_file");
}

/// A single-page app whose `document.title` is only the site's name: the page's own
/// heading says which episode it is, so its titled Play button is not "another item".
#[test]
fn the_pages_heading_names_its_episode_when_the_title_does_not() {
    let controls = vec![control(
        1,
        "button",
        "Play: The River Village, part two",
        None,
    )];
    let mut look = observed("f1", controls, vec![]);
    if let Some(data) = look.data.as_mut() {
        data["title"] = json!("Podcasts");
        data["heading"] = json!("The River Village, part two");
    }
    let history = vec![opened(), look.clone()];
    assert_eq!(call_of(next(&history)).args, json!({"element": 1}));
    if let Some(data) = look.data.as_mut() {
        data["heading"] = json!("The Mountain Road");
    }
    let history = vec![opened(), look];
    assert_ne!(
        next(&history),
        Action::Call(ToolCall::new("click_element", json!({"element": 1}))),
        "a Play button naming another item is still skipped"
    );
}

/// An advertisement the player plays first is never the episode, wherever the page
/// names it as one: in its path or under the key that holds it.
#[test]
fn advertisements_are_not_the_episode() {
    let audio = vec![
        link(
            "http://cdn.example/adserver/spot-15s.mp3",
            "script application/json",
        ),
        link(
            "http://cdn.example/a/b.mp3",
            "script#data application/json player.publicidad.preroll",
        ),
        link(
            "http://cdn.example/episodes/ep1.mp3",
            "script application/json player.episode",
        ),
    ];
    let history = vec![opened(), observed("f1", vec![], audio)];
    assert_eq!(
        call_of(next(&history)).args,
        json!({"url": "http://cdn.example/episodes/ep1.mp3"})
    );
}

/// A media element's MP3 <source> counts as much as what the element plays: the
/// page's first player wins over a clip in a later one.
#[test]
fn the_first_players_mp3_source_wins_over_a_later_players_clip() {
    let audio = vec![
        link("http://cdn.example/ep1.m4a", "audio currentSrc"),
        link("http://cdn.example/ep1.mp3", "source"),
        link(
            "http://cdn.example/clips/street-noise.mp3",
            "audio currentSrc",
        ),
    ];
    let history = vec![opened(), observed("f1", vec![], audio)];
    assert_eq!(
        call_of(next(&history)).args,
        json!({"url": "http://cdn.example/ep1.mp3"})
    );
}

/// A click that failed because a dialog opened over the page: the explorer dismisses
/// the dialog, then goes back to the control.
#[test]
fn a_dialog_that_covers_the_control_is_dismissed_first() {
    let controls = vec![
        control(1, "button", "Play", None),
        control(2, "button", "Subscribe", None),
        control(3, "button", "Continue reading", None),
    ];
    let mut history = vec![opened(), observed("f1", controls.clone(), vec![])];
    assert_eq!(call_of(next(&history)).args, json!({"element": 1}));
    history.push(record(
        "click_element",
        json!({"element": 1}),
        StepOutcome::Error,
        "[1] \"Play\" is covered by div.modal-backdrop (an overlay?); dismiss it first",
        None,
    ));
    assert_eq!(
        call_of(next(&history)).args,
        json!({"element": 3}),
        "the dialog's dismiss control"
    );
    history.push(record(
        "click_element",
        json!({"element": 3}),
        StepOutcome::Success,
        "clicked",
        None,
    ));
    assert_eq!(call_of(next(&history)).tool, "observe_page");
    history.push(observed("f2", controls.clone(), vec![]));
    assert_eq!(
        call_of(next(&history)).args,
        json!({"element": 1}),
        "then Play again"
    );
    // Even when the page looks as it did before the dialog, where Play was already
    // clicked: that click may have landed on the dialog.
    let mut same_page = history[..history.len() - 1].to_vec();
    same_page.push(observed("f1", controls, vec![]));
    assert_eq!(call_of(next(&same_page)).args, json!({"element": 1}));
}

/// A consent layer that opened late swallowed a click ("covered"): once it is accepted,
/// the control is tried again although the page looks as it did.
#[test]
fn a_click_a_late_consent_layer_covered_is_tried_again_after_accepting() {
    let page = vec![control(1, "button", "Download", None)];
    let with_consent = vec![
        control(1, "button", "Download", None),
        control(2, "button", "AGREE", None),
    ];
    let mut history = vec![opened(), observed("f1", page.clone(), vec![])];
    history.push(record(
        "click_element",
        json!({"element": 1}),
        StepOutcome::Error,
        "[1] \"Download\" is covered by p (an overlay?); dismiss it first",
        None,
    ));
    history.push(observed("f2", with_consent, vec![]));
    assert_eq!(
        call_of(next(&history)).args,
        json!({"element": 2}),
        "consent first"
    );
    history.push(record(
        "click_element",
        json!({"element": 2}),
        StepOutcome::Success,
        "clicked",
        None,
    ));
    history.push(observed("f1", page, vec![]));
    assert_eq!(call_of(next(&history)).args, json!({"element": 1}));
}

/// A consent button, once accepted, is not clicked again on the page it was accepted
/// on: accepting forgets the other clicks, never itself.
#[test]
fn an_accepted_consent_button_is_not_clicked_again() {
    let controls = vec![
        control(1, "button", "Souhlasím", None),
        control(2, "button", "Play", None),
    ];
    let mut history = vec![opened(), observed("f1", controls.clone(), vec![])];
    assert_eq!(call_of(next(&history)).args, json!({"element": 1}));
    history.push(record(
        "click_element",
        json!({"element": 1}),
        StepOutcome::Success,
        "clicked",
        None,
    ));
    history.push(observed("f1", controls, vec![]));
    assert_eq!(call_of(next(&history)).args, json!({"element": 2}));
}

/// A decision is a function of the context and the history only: the planner that
/// walked an attempt decides each of its histories again, in any order, as a fresh
/// planner on another thread decides that history alone.
#[test]
fn a_decision_depends_on_the_context_and_the_history_only() {
    let controls = vec![
        control(1, "button", "Share", None),
        control(2, "button", "More information", None),
    ];
    let full = vec![
        opened(),
        observed("f1", controls.clone(), vec![]),
        record(
            "click_element",
            json!({"element": 2}),
            StepOutcome::Timeout,
            "no answer",
            None,
        ),
        opened(),
        observed("f1", controls.clone(), vec![]),
        observed(
            "f2",
            controls,
            vec![link("http://cdn.example/ep1.mp3", "link")],
        ),
    ];
    let decide = |planner: &HeuristicPlanner, k: usize| {
        format!(
            "{:?}",
            planner.decide(
                &context(),
                &Seen {
                    history: &full[..k]
                }
            )
        )
    };
    let planner = HeuristicPlanner;
    let walked: Vec<String> = (0..=full.len()).map(|k| decide(&planner, k)).collect();
    let mut backwards: Vec<String> = (0..=full.len())
        .rev()
        .map(|k| decide(&planner, k))
        .collect();
    backwards.reverse();
    assert_eq!(walked, backwards, "the same planner, the other way round");
    let fresh: Vec<String> = std::thread::scope(|s| {
        s.spawn(|| {
            (0..=full.len())
                .map(|k| decide(&HeuristicPlanner, k))
                .collect()
        })
        .join()
        .expect("thread")
    });
    assert_eq!(walked, fresh, "a fresh planner on another thread");
    let distinct: std::collections::BTreeSet<&String> = walked.iter().collect();
    assert!(
        distinct.len() >= 4,
        "the histories lead to different calls: {walked:#?}"
    );
}
