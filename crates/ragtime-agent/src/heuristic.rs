//! `HeuristicPlanner`: navigate, look for audio links, download; otherwise dismiss a
//! consent layer and click the likely controls (by label in the page's language and
//! by symbol) while watching the network; then escalate, saying what it tried.

use std::collections::HashSet;

use async_trait::async_trait;
use ragtime_core::{
    AttemptContext, Decision, Planner, PlannerError, StepOutcome, ToolCallRecord, ToolSpec,
};
use serde_json::{Value, json};

/// Labels worth clicking, in English; `translate_text` gives them in the page's language.
const CONTROL_LABELS: [&str; 5] = [
    "Download",
    "Play",
    "Listen",
    "More information",
    "Information",
];
const CONSENT_LABELS: [&str; 2] = ["Accept all", "Accept"];
const CONSENT_WORDS: [&str; 6] = [
    "accept",
    "agree",
    "zustimmen",
    "einverstanden",
    "akzeptieren",
    "ok",
];
/// Menus and players drawn as symbols.
const SYMBOLS: [&str; 8] = ["⋮", "⋯", "…", "▶", "►", "⏵", "☰", "≡"];
const CONTROLS_SELECTOR: &str = "button, a, [role=button], [role=menuitem], summary";

#[derive(Debug, Clone, Default)]
pub struct HeuristicPlanner;

/// What the history says so far.
struct Seen<'a> {
    history: &'a [ToolCallRecord],
    failed: HashSet<(String, String)>,
}

impl<'a> Seen<'a> {
    fn new(history: &'a [ToolCallRecord]) -> Self {
        let failed = history
            .iter()
            .filter(|r| r.outcome != StepOutcome::Success)
            .map(|r| (r.call.tool.clone(), r.call.args.to_string()))
            .collect();
        Seen { history, failed }
    }

    fn calls(&self, tool: &'a str) -> impl Iterator<Item = &'a ToolCallRecord> + 'a {
        self.history.iter().filter(move |r| r.call.tool == tool)
    }

    fn succeeded(&self, tool: &str) -> Option<&'a ToolCallRecord> {
        self.history
            .iter()
            .rev()
            .find(|r| r.call.tool == tool && r.outcome == StepOutcome::Success)
    }

    /// Whether this exact call was made already (a failed one is never repeated; a
    /// successful one has nothing new to say).
    fn made(&self, tool: &str, args: &Value) -> bool {
        self.failed.contains(&(tool.to_string(), args.to_string()))
            || self
                .history
                .iter()
                .any(|r| r.call.tool == tool && r.call.args == *args)
    }

    /// Audio URLs any successful call reported, in the order they were seen.
    fn audio_urls(&self) -> Vec<String> {
        let mut urls: Vec<String> = Vec::new();
        for r in self
            .history
            .iter()
            .filter(|r| r.outcome == StepOutcome::Success)
        {
            if !matches!(
                r.call.tool.as_str(),
                "find_audio_links" | "intercept_audio_requests"
            ) {
                continue;
            }
            for line in r.output.lines() {
                let url = line.split_whitespace().next().unwrap_or("");
                if (url.starts_with("http://") || url.starts_with("https://"))
                    && !urls.iter().any(|u| u == url)
                {
                    urls.push(url.to_string());
                }
            }
        }
        // MP3 by name first: the download tool only accepts MP3.
        urls.sort_by_key(|u| {
            !u.split(['?', '#'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
                .ends_with(".mp3")
        });
        urls
    }

    fn language(&self, context: &AttemptContext) -> String {
        let from_page = self.succeeded("navigate_to_url").and_then(|r| {
            r.output
                .lines()
                .find_map(|l| l.strip_prefix("language: "))
                .map(|l| l.trim().to_string())
        });
        from_page
            .filter(|l| !l.is_empty())
            .or_else(|| context.language.clone())
            .map(|l| {
                l.split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            })
            .unwrap_or_else(|| "en".to_string())
    }

    /// The page's control labels, from the one `extract_text_by_selector` call.
    fn labels(&self) -> Option<Vec<String>> {
        let r = self
            .calls("extract_text_by_selector")
            .find(|r| r.outcome == StepOutcome::Success)?;
        Some(
            r.output
                .lines()
                .skip(1)
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    /// English label => page-language label, from `translate_text`.
    fn translations(&self) -> Vec<(String, String)> {
        let Some(r) = self.succeeded("translate_text") else {
            return Vec::new();
        };
        r.output
            .lines()
            .filter_map(|l| l.split_once(" => "))
            .filter(|(_, to)| !to.starts_with('('))
            .map(|(from, to)| (from.trim().to_string(), to.trim().to_string()))
            .collect()
    }
}

fn text_selector(label: &str) -> String {
    format!(
        "text={}",
        serde_json::to_string(label).unwrap_or_else(|_| format!("\"{label}\""))
    )
}

fn summary(seen: &Seen<'_>) -> String {
    let mut parts = Vec::new();
    for r in seen.history {
        let what = match r.call.tool.as_str() {
            "intercept_audio_requests" | "click_element" => {
                format!(
                    "clicked {}",
                    r.call
                        .args
                        .get("selector")
                        .and_then(Value::as_str)
                        .unwrap_or("?")
                )
            }
            "download_file" => format!(
                "download {}",
                r.call
                    .args
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
            ),
            other => other.to_string(),
        };
        parts.push(format!("{what} ({})", r.outcome.as_str()));
    }
    parts.join(", ")
}

impl HeuristicPlanner {
    fn decide(&self, context: &AttemptContext, seen: &Seen<'_>) -> Decision {
        let Some(page_url) = context.url.as_deref() else {
            return Decision::escalate("no episode URL to start from");
        };
        // 1. Open the page.
        if seen.succeeded("navigate_to_url").is_none() {
            if let Some(failed) = seen.calls("navigate_to_url").last() {
                let why = failed.output.lines().next().unwrap_or("").to_string();
                return Decision::escalate(format!(
                    "the episode page could not be opened ({}): {why}",
                    failed.outcome.as_str()
                ));
            }
            return Decision::call("navigate_to_url", json!({"url": page_url}));
        }
        // 2. Download the first audio URL any call has turned up.
        if let Some(done) = seen.succeeded("download_file") {
            let url = done
                .call
                .args
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_string);
            return Decision::resolve(
                format!(
                    "downloaded the episode audio: {}",
                    done.output.lines().next().unwrap_or("")
                ),
                url,
            );
        }
        let mut candidates = seen.audio_urls();
        if let Some(known) = context.extra.get("audio_url").and_then(Value::as_str) {
            candidates.push(known.to_string());
        }
        for url in candidates {
            let args = json!({"url": url});
            if !seen.made("download_file", &args) {
                return Decision::call("download_file", args)
                    .with_note("an audio URL turned up; try to download it");
            }
        }
        // 3. Look for audio links on the page as loaded (and again after consent).
        let finds = seen.calls("find_audio_links").count();
        let consent_clicks = seen
            .calls("click_element")
            .filter(|r| r.outcome == StepOutcome::Success)
            .count();
        if finds == 0 || finds <= consent_clicks {
            return Decision::call("find_audio_links", json!({}));
        }
        // 4. Read the controls, and their labels in the page's language.
        let Some(labels) = seen.labels() else {
            if seen.calls("extract_text_by_selector").next().is_some() {
                return Decision::escalate(format!(
                    "no audio found and the page's controls could not be read; tried: {}",
                    summary(seen)
                ));
            }
            return Decision::call(
                "extract_text_by_selector",
                json!({"selector": CONTROLS_SELECTOR, "limit": 80}),
            )
            .with_note("no audio links on the page; look for controls that may reveal the audio");
        };
        let language = seen.language(context);
        if language != "en" && seen.calls("translate_text").next().is_none() {
            let wanted: Vec<&str> = CONTROL_LABELS
                .iter()
                .chain(CONSENT_LABELS.iter())
                .copied()
                .collect();
            return Decision::call("translate_text", json!({"text": wanted, "to": language}))
                .with_note(format!("the page is in {language}; look for its labels"));
        }
        let translations = seen.translations();
        let translated = |english: &str| -> Vec<String> {
            let mut out = vec![english.to_lowercase()];
            out.extend(
                translations
                    .iter()
                    .filter(|(from, _)| from.eq_ignore_ascii_case(english))
                    .map(|(_, to)| to.to_lowercase()),
            );
            out
        };
        // 5. A consent layer first: it covers everything else.
        let consent_words: Vec<String> = CONSENT_LABELS
            .iter()
            .flat_map(|l| translated(l))
            .chain(CONSENT_WORDS.iter().map(|w| w.to_string()))
            .collect();
        for label in &labels {
            let folded = label.to_lowercase();
            if label.chars().count() <= 40
                && consent_words
                    .iter()
                    .any(|w| folded == *w || folded.starts_with(&format!("{w} ")))
            {
                let args = json!({"selector": text_selector(label)});
                if !seen.made("click_element", &args) {
                    return Decision::call("click_element", args)
                        .with_note("dismiss the consent layer first");
                }
            }
        }
        // 6. Likely controls, by label (in priority order), then by symbol.
        let mut order: Vec<&String> = Vec::new();
        for english in CONTROL_LABELS {
            let words = translated(english);
            for label in &labels {
                let folded = label.to_lowercase();
                if label.chars().count() <= 40
                    && words.iter().any(|w| folded.contains(w.as_str()))
                    && !order.contains(&label)
                {
                    order.push(label);
                }
            }
        }
        for label in &labels {
            if SYMBOLS.iter().any(|s| label.contains(s))
                && label.chars().count() <= 4
                && !order.contains(&label)
            {
                order.push(label);
            }
        }
        for label in order {
            let args = json!({"selector": text_selector(label)});
            if !seen.made("intercept_audio_requests", &args) {
                return Decision::call("intercept_audio_requests", args)
                    .with_note(format!("click {label:?} and watch the network for audio"));
            }
        }
        Decision::escalate(format!("no audio found; tried: {}", summary(seen)))
    }
}

#[async_trait]
impl Planner for HeuristicPlanner {
    async fn next(
        &self,
        context: &AttemptContext,
        history: &[ToolCallRecord],
        _tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError> {
        Ok(self.decide(context, &Seen::new(history)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::{Action, ToolCall};

    fn record(
        step: u32,
        tool: &str,
        args: Value,
        outcome: StepOutcome,
        output: &str,
    ) -> ToolCallRecord {
        ToolCallRecord {
            step,
            call: ToolCall::new(tool, args),
            outcome,
            output: output.to_string(),
        }
    }

    fn context() -> AttemptContext {
        AttemptContext {
            url: Some("http://podcasts.example/ep/1".into()),
            ..Default::default()
        }
    }

    fn next_call(history: &[ToolCallRecord]) -> Action {
        HeuristicPlanner
            .decide(&context(), &Seen::new(history))
            .action
    }

    #[test]
    fn a_failed_call_is_never_repeated_and_the_escalation_says_what_was_tried() {
        let click = json!({"selector": "text=\"More information\""});
        let history = vec![
            record(
                1,
                "navigate_to_url",
                json!({"url": "http://podcasts.example/ep/1"}),
                StepOutcome::Success,
                "title: x\nlanguage: en",
            ),
            record(
                2,
                "find_audio_links",
                json!({}),
                StepOutcome::Success,
                "no audio links found",
            ),
            record(
                3,
                "extract_text_by_selector",
                json!({}),
                StepOutcome::Success,
                "1 match(es):\nMore information",
            ),
            record(
                4,
                "intercept_audio_requests",
                click.clone(),
                StepOutcome::Timeout,
                "no answer",
            ),
        ];
        match next_call(&history[..3]) {
            Action::Call(call) => assert_eq!(
                (call.tool.as_str(), &call.args),
                ("intercept_audio_requests", &click)
            ),
            other => panic!("expected the click, got {other:?}"),
        }
        match next_call(&history) {
            Action::Finish(end) => {
                assert!(!end.resolved);
                assert!(
                    end.message
                        .contains("clicked text=\"More information\" (timeout)"),
                    "{}",
                    end.message
                );
            }
            other => panic!("expected escalation, got {other:?}"),
        }
    }

    #[test]
    fn a_failed_download_moves_on_to_the_next_url() {
        let history = vec![
            record(
                1,
                "navigate_to_url",
                json!({}),
                StepOutcome::Success,
                "language: en",
            ),
            record(
                2,
                "find_audio_links",
                json!({}),
                StepOutcome::Success,
                "http://a.example/x.m4a (link)\nhttp://a.example/y.mp3 (link)",
            ),
            record(
                3,
                "download_file",
                json!({"url": "http://a.example/y.mp3"}),
                StepOutcome::Error,
                "HTTP 404",
            ),
        ];
        match next_call(&history) {
            Action::Call(call) => assert_eq!(call.args["url"], "http://a.example/x.m4a"),
            other => panic!("expected the next download, got {other:?}"),
        }
    }
}
