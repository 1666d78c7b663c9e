//! `HeuristicPlanner`: an explorer. It opens the episode page, looks at it as a user
//! sees it (every frame and open shadow root), downloads any audio that turned up,
//! and otherwise clicks the most promising control it has not tried on the page as it
//! is now, then looks again; when nothing is left, it escalates, saying what it tried
//! and what it saw.
//!
//! It holds no state: every decision is derived from the history of calls, so a
//! replayed history gives the same decisions. It never clicks a link to another site,
//! never repeats a call on a page that has not changed since, and stops after
//! [`MAX_CLICKS`] clicks.

use async_trait::async_trait;
use ragtime_browser::observe::{AudioLink, Control, Observation};
use ragtime_core::{
    AttemptContext, Decision, Planner, PlannerError, StepOutcome, ToolCallRecord, ToolSpec,
};
use serde_json::{Value, json};
use url::Url;

use crate::labels::{self, Kind};

/// Most clicks one attempt makes before it escalates.
pub const MAX_CLICKS: usize = 16;

/// How long the last look before escalating waits for a page that renders late.
const LATE_LOOK_MS: u64 = 2500;

/// Tools that act on the page (and make the last observation stale).
const ACTIONS: [&str; 4] = [
    "navigate_to_url",
    "click_element",
    "intercept_audio_requests",
    "click_at_coordinates",
];

/// The heuristic explorer as a [`Planner`](ragtime_core::Planner): no network, no key, no
/// state.
#[derive(Debug, Clone, Default)]
pub struct HeuristicPlanner;

/// What the history says so far.
struct Seen<'a> {
    history: &'a [ToolCallRecord],
}

impl<'a> Seen<'a> {
    fn succeeded(&self, tool: &str) -> Option<&'a ToolCallRecord> {
        self.history
            .iter()
            .rev()
            .find(|r| r.call.tool == tool && r.outcome == StepOutcome::Success)
    }

    fn calls(&self, tool: &'a str) -> impl DoubleEndedIterator<Item = &'a ToolCallRecord> + 'a {
        self.history.iter().filter(move |r| r.call.tool == tool)
    }

    /// The observation made at `record`, when it is a successful `observe_page`.
    fn observation(record: &ToolCallRecord) -> Option<Observation> {
        if record.call.tool != "observe_page" || record.outcome != StepOutcome::Success {
            return None;
        }
        serde_json::from_value(record.data.clone()?).ok()
    }

    /// The last observation and the one before it, with their positions.
    fn observations(&self) -> Vec<(usize, Observation)> {
        self.history
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Self::observation(r).map(|o| (i, o)))
            .collect()
    }

    /// Whether a call acted on the page after the last observation (or none was made).
    fn stale(&self) -> bool {
        let observed = self
            .history
            .iter()
            .rposition(|r| r.call.tool == "observe_page" && r.outcome == StepOutcome::Success);
        let acted = self.history.iter().rposition(|r| {
            ACTIONS.contains(&r.call.tool.as_str()) && r.outcome == StepOutcome::Success
        });
        match (observed, acted) {
            (None, _) => true,
            (Some(o), Some(a)) => a > o,
            (Some(_), None) => false,
        }
    }

    /// The control a click call clicked: its observation's control by number.
    fn clicked(&self, at: usize) -> Option<(Control, String)> {
        let record = &self.history[at];
        let number = usize::try_from(record.call.args.get("element")?.as_u64()?).ok()?;
        let (_, observation) = self
            .history
            .iter()
            .enumerate()
            .take(at)
            .rev()
            .find_map(|(i, r)| Self::observation(r).map(|o| (i, o)))?;
        let control = observation
            .controls
            .into_iter()
            .find(|c| c.number == number)?;
        Some((control, observation.fingerprint))
    }

    /// Every click made on a control: (key, fingerprint of the page it was on, outcome).
    fn clicks(&self) -> Vec<(String, String, StepOutcome)> {
        self.clicks_from(0)
    }

    /// The clicks made from `start` on in the history, and before it the clicks on a
    /// dialog's own controls (a dialog's button, once clicked, stays tried).
    fn clicks_from(&self, start: usize) -> Vec<(String, String, StepOutcome)> {
        (0..self.history.len())
            .filter(|i| {
                matches!(
                    self.history[*i].call.tool.as_str(),
                    "click_element" | "intercept_audio_requests"
                )
            })
            .filter_map(|i| {
                self.clicked(i)
                    .filter(|(c, _)| i >= start || closes_dialog(c))
                    .map(|(c, fingerprint)| (key(&c), fingerprint, self.history[i].outcome))
            })
            .collect()
    }

    /// Where the history stands after the last dialog it dismissed or consent layer it
    /// accepted: clicks before that may have landed on the dialog, so they do not
    /// count as tried.
    fn after_last_dismissal(&self) -> usize {
        (0..self.history.len())
            .rev()
            .find(|&i| {
                self.history[i].call.tool == "click_element"
                    && self.history[i].outcome == StepOutcome::Success
                    && self.clicked(i).is_some_and(|(c, _)| closes_dialog(&c))
            })
            .map_or(0, |i| i + 1)
    }

    /// Every audio URL any call turned up, with where it came from.
    fn audio(&self) -> Vec<AudioLink> {
        let mut found: Vec<AudioLink> = Vec::new();
        let mut add = |link: AudioLink| {
            if !found.iter().any(|l| l.url == link.url) {
                found.push(link);
            }
        };
        let links = |value: &Value| -> Vec<AudioLink> {
            value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| serde_json::from_value(v.clone()).ok())
                .collect()
        };
        for record in self
            .history
            .iter()
            .filter(|r| r.outcome == StepOutcome::Success)
        {
            let Some(data) = &record.data else { continue };
            match record.call.tool.as_str() {
                "observe_page" => links(&data["audio"]).into_iter().for_each(&mut add),
                "find_audio_links" => links(data).into_iter().for_each(&mut add),
                _ => {
                    for heard in data["heard"].as_array().into_iter().flatten() {
                        add(AudioLink {
                            url: heard["url"].as_str().unwrap_or("").to_string(),
                            via: format!(
                                "heard on the network ({})",
                                heard["mime"].as_str().unwrap_or("")
                            ),
                            other: None,
                        });
                    }
                    links(&data["appeared"]).into_iter().for_each(&mut add);
                }
            }
        }
        // Links a user would click to save the file: labelled "Download" in some
        // language, or marked `download`, whatever their URL looks like.
        if let Some((_, latest)) = self.observations().last() {
            let here = latest.url.split('#').next().unwrap_or("");
            for c in &latest.controls {
                let Some(href) = &c.href else { continue };
                if href.split('#').next().unwrap_or("") == here {
                    // A placeholder (`href="#"`) a script fills in later.
                    continue;
                }
                let label = format!("{} {}", c.label, c.text.as_deref().unwrap_or(""));
                let saves = c.download || labels::kinds(&label).contains(&Kind::Download);
                if saves && !labels::avoided(&label) && href.starts_with("http") {
                    let via = format!("download link {:?}", c.label);
                    if !found.iter().any(|l| l.url == *href) {
                        found.push(AudioLink {
                            url: href.clone(),
                            via,
                            other: None,
                        });
                    }
                }
            }
        }
        found.retain(|l| !l.url.is_empty());
        found
    }

    /// Whether a late look (an observation that first waited for the page to change)
    /// was made since the last action.
    fn looked_late(&self) -> bool {
        self.history
            .iter()
            .rev()
            .take_while(|r| {
                !(ACTIONS.contains(&r.call.tool.as_str()) && r.outcome == StepOutcome::Success)
            })
            .any(|r| r.call.tool == "observe_page" && r.call.args.get("wait_ms").is_some())
    }

    fn downloaded(&self, url: &str) -> bool {
        self.calls("download_file")
            .any(|r| r.call.args.get("url").and_then(Value::as_str) == Some(url))
    }
}

/// What identifies a control across observations: its role, label, shown text and frame.
/// Whether a control closes a dialog: it dismisses one or accepts a consent layer.
fn closes_dialog(c: &Control) -> bool {
    labels::dismisses(&c.label) || labels::accepts_consent(&c.label)
}

fn key(c: &Control) -> String {
    format!(
        "{}|{}|{}|{}",
        c.role,
        c.label,
        c.text.as_deref().unwrap_or(""),
        c.frame
    )
}

/// Words of a file name that mark an excerpt or an advertisement of a show rather
/// than an episode.
const EXCERPT_WORDS: [&str; 5] = ["preview", "trailer", "teaser", "promo", "sample"];

/// Whether a file name marks an excerpt of an episode: a preview or a trailer (unless
/// the page itself is about one), or a clip named by its start and end
/// (`clip_546000_597200.mp3`).
fn excerpt(path: &str, page_title: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let parts: Vec<&str> = stem.split(['_', '-']).collect();
    let title = labels::words(page_title);
    let named = labels::words(path);
    let marked = EXCERPT_WORDS
        .iter()
        .any(|w| named.iter().any(|n| n == w) && !title.iter().any(|t| t == w));
    marked
        || path.contains("preview")
        || (parts.len() == 3
            && parts[0] == "clip"
            && parts[1..]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
}

/// Words that mark an advertisement, in a URL's path or in where the page keeps it
/// (`player.ads.preroll`, `publicidad`, `Werbung`): played before the episode, and
/// often heard first, but never the episode.
const AD_WORDS: &[&str] = &[
    "ads",
    "adserver",
    "advert",
    "adverts",
    "advertisement",
    "preroll",
    "midroll",
    "postroll",
    "publicidad",
    "publicitat",
    "publicité",
    "pubblicità",
    "werbung",
    "reklame",
    "reklama",
    "mainos",
];

fn advertisement(path: &str, via: &str) -> bool {
    labels::words(path)
        .into_iter()
        .chain(labels::words(via))
        .any(|w| AD_WORDS.contains(&w.as_str()))
}

/// How promising an audio URL is to download; `None` for an excerpt, an
/// advertisement or another item's audio.
fn audio_rank(link: &AudioLink, page_title: &str) -> Option<i32> {
    let path = link
        .url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if excerpt(&path, page_title) || link.other.is_some() {
        return None;
    }
    let via = link.via.to_ascii_lowercase();
    if advertisement(&path, &via) {
        return None;
    }
    let audio_name = crate::labels::AUDIO_EXTENSIONS
        .iter()
        .any(|ext| path.ends_with(ext));
    let mut rank = if path.ends_with(".mp3") || via.contains("audio/mpeg") {
        100
    } else if audio_name {
        10
    } else {
        // A download link whose URL does not name an audio file: worth a try.
        20
    };
    for (hint, bonus) in [
        ("download link", 25),
        ("link", 10),
        ("meta og:audio", 15),
        // A media element's MP3 <source> is as much its audio as what it plays now
        // (the browser takes the first source it can play, often an AAC one); on a
        // tie the page's order decides, and its first player is its own.
        ("currentsrc", 10),
        ("heard on the network", 5),
        ("source", 10),
    ] {
        if via.contains(hint) {
            rank += bonus;
            break;
        }
    }
    Some(rank)
}

/// Whether two hosts belong to one site: equal, or one a subdomain of the other.
fn same_site(a: &str, b: &str) -> bool {
    let strip = |h: &str| h.trim_start_matches("www.").to_ascii_lowercase();
    let (a, b) = (strip(a), strip(b));
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

/// Whether clicking a link stays on the episode's page or site and may help; links
/// elsewhere are never clicked.
fn link_allowed(href: &str, episode: &Url, label_kinds: &[Kind]) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    if lower.is_empty() || lower.starts_with('#') || lower.starts_with("javascript:") {
        return true;
    }
    let Ok(target) = episode.join(href) else {
        return false;
    };
    if !matches!(target.scheme(), "http" | "https") {
        return false;
    }
    let (Some(to), Some(from)) = (target.host_str(), episode.host_str()) else {
        return false;
    };
    if !same_site(to, from) {
        return false;
    }
    // The same page (another anchor), or a link that says it downloads: a link to
    // another page leaves the episode ("RTVE Play" is the site's logo, not a player).
    (target.path() == episode.path() && target.query() == episode.query())
        || label_kinds.contains(&Kind::Download)
}

/// Whether a play or download control names another item than the page: its label,
/// without the words that say what it does, is a title that shares less than half of
/// its words with the page's title ("Play: Episode 5, The River Village" on the page of
/// episode 4 plays episode 5).
fn names_another_item(label: &str, page_title: &str) -> bool {
    let title: Vec<String> = labels::words(page_title);
    let rest: Vec<String> = labels::words(label)
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !labels::is_action_word(w))
        .collect();
    if rest.len() < 2 {
        return false;
    }
    let shared = rest.iter().filter(|w| title.contains(w)).count();
    shared * 2 < rest.len()
}

/// How promising a control is to click; `None` for one never to click.
fn control_rank(c: &Control, episode: &Url, page_title: &str, new: bool) -> Option<i32> {
    if !(c.visible && c.enabled) || matches!(c.role.as_str(), "audio" | "video") {
        return None;
    }
    let label = format!("{} {}", c.label, c.text.as_deref().unwrap_or(""));
    // A consent button may say "close" too ("Agree and close"): consent decides first.
    if labels::avoided(&label) && !labels::accepts_consent(&c.label) {
        return None;
    }
    let mut kinds = labels::kinds(&label);
    if kinds.is_empty()
        && let Some(hint) = &c.hint
    {
        // Icon-only controls: words in their class names ("download-btn").
        kinds = labels::kinds(hint);
    }
    if let Some(href) = &c.href
        && !link_allowed(href, episode, &kinds)
    {
        return None;
    }
    if kinds
        .iter()
        .any(|k| matches!(k, Kind::Play | Kind::Download))
        && names_another_item(&c.label, page_title)
    {
        return None;
    }
    let mut rank = if labels::accepts_consent(&c.label) {
        100
    } else if kinds.contains(&Kind::Download) {
        80
    } else if kinds.contains(&Kind::Play) {
        60
    } else if kinds.contains(&Kind::More) {
        40
    } else if c.label.trim().is_empty() && c.role != "link" {
        // Unlabelled buttons are often a player's icons.
        5
    } else {
        return None;
    };
    if new {
        rank += 15;
    }
    if c.frame > 0 {
        rank += 2;
    }
    if c.href.is_none() {
        // A button acts on the page; a link may take the browser away from it.
        rank += 1;
    }
    Some(rank)
}

fn summary(seen: &Seen<'_>) -> String {
    let mut clicked = Vec::new();
    for (i, record) in seen.history.iter().enumerate() {
        if let Some((control, _)) = seen.clicked(i) {
            let label = if control.label.is_empty() {
                control
                    .text
                    .clone()
                    .or(control.hint.clone())
                    .unwrap_or_default()
            } else {
                control.label.clone()
            };
            clicked.push(format!("{label:?} ({})", record.outcome.as_str()));
        }
    }
    let downloads: Vec<String> = seen
        .calls("download_file")
        .map(|r| {
            format!(
                "{} ({}: {})",
                r.call
                    .args
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or("?"),
                r.outcome.as_str(),
                r.output.lines().next().unwrap_or("")
            )
        })
        .collect();
    let observations = seen.observations();
    let saw = observations.last().map_or_else(
        || "the page could not be observed".to_string(),
        |(_, o)| {
            format!(
                "the page showed {} control(s) in {} frame(s)",
                o.total,
                o.frames.len()
            )
        },
    );
    let mut parts = vec![saw];
    parts.push(if clicked.is_empty() {
        "nothing worth clicking".to_string()
    } else {
        format!("clicked {}", clicked.join(", "))
    });
    if !downloads.is_empty() {
        parts.push(format!("downloads failed: {}", downloads.join(", ")));
    }
    parts.join("; ")
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
        // 1b. A page call cut off by its deadline, or whose tool crashed, leaves the
        // attempt a fresh blank page: open the episode again (once per attempt).
        if let Some(last) = seen.history.last()
            && matches!(last.outcome, StepOutcome::Timeout | StepOutcome::Crashed)
            && matches!(last.call.tool.as_str(), "click_element" | "observe_page")
            && seen.calls("navigate_to_url").count() < 2
        {
            return Decision::call("navigate_to_url", json!({"url": page_url})).with_note(format!(
                "{} ended in {}: the page was replaced; open the episode again",
                last.call.tool,
                last.outcome.as_str()
            ));
        }
        // 2. A download that worked ends the attempt.
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
        // 3. Audio that turned up and was not tried yet: the most promising first.
        let page_title = seen
            .observations()
            .last()
            .map(|(_, o)| o.title.clone())
            .unwrap_or_default();
        let mut candidates: Vec<(i32, AudioLink)> = seen
            .audio()
            .into_iter()
            .filter(|l| !seen.downloaded(&l.url))
            .filter_map(|l| audio_rank(&l, &page_title).map(|r| (r, l)))
            .collect();
        if let Some(known) = context.extra.get("audio_url").and_then(Value::as_str)
            && !seen.downloaded(known)
            && !candidates.iter().any(|(_, l)| l.url == known)
        {
            candidates.push((
                1,
                AudioLink {
                    url: known.to_string(),
                    via: "the pipeline".to_string(),
                    other: None,
                },
            ));
        }
        candidates.sort_by_key(|(rank, _)| -rank);
        if let Some((_, best)) = candidates.first() {
            return Decision::call("download_file", json!({"url": best.url}))
                .with_note(format!("audio turned up ({}); download it", best.source()));
        }
        // 4. Look again after every action.
        if seen.stale() {
            let failed_looks = seen
                .calls("observe_page")
                .rev()
                .take_while(|r| r.outcome != StepOutcome::Success)
                .count();
            if failed_looks >= 2 {
                return Decision::escalate(format!(
                    "the page could not be observed: {}",
                    seen.calls("observe_page")
                        .last()
                        .map_or("", |r| r.output.as_str())
                ));
            }
            return Decision::call("observe_page", json!({}));
        }
        // 5. Click the most promising control not tried on the page as it is now.
        let observations = seen.observations();
        let Some((_, latest)) = observations.last() else {
            return Decision::escalate(format!("no audio found; {}", summary(seen)));
        };
        let clicks = seen.clicks();
        if clicks.len() >= MAX_CLICKS {
            return Decision::escalate(format!(
                "no audio found after {MAX_CLICKS} clicks; {}",
                summary(seen)
            ));
        }
        let episode = Url::parse(&latest.url)
            .or_else(|_| Url::parse(page_url))
            .ok();
        let earlier: Vec<String> = observations
            .iter()
            .rev()
            .nth(1)
            .map(|(_, o)| o.controls.iter().map(key).collect())
            .unwrap_or_default();
        // A click that failed because a dialog covered its control: dismiss the
        // dialog first (a newsletter prompt that opened late), once per page state.
        let covered = seen
            .history
            .iter()
            .rev()
            .take(2)
            .find(|r| r.call.tool == "click_element")
            .is_some_and(|r| r.outcome == StepOutcome::Error && r.output.contains("is covered by"));
        if covered
            && let Some(dismiss) = latest.controls.iter().find(|c| {
                c.visible
                    && c.enabled
                    && c.href.is_none()
                    && labels::dismisses(&c.label)
                    && !clicks
                        .iter()
                        .any(|(k, fp, _)| *k == key(c) && *fp == latest.fingerprint)
            })
        {
            return Decision::call("click_element", json!({"element": dismiss.number})).with_note(
                format!(
                    "a dialog covers the page; dismiss it with {:?}",
                    dismiss.label
                ),
            );
        }
        // What the page is about: its title and its own heading.
        let about = format!("{} {}", latest.title, latest.heading);
        let tried = seen.clicks_from(seen.after_last_dismissal());
        let best = latest
            .controls
            .iter()
            .filter(|c| {
                let k = key(c);
                let times = tried.iter().filter(|(ck, _, _)| *ck == k).count();
                times < 2
                    && !tried
                        .iter()
                        .any(|(ck, fp, _)| *ck == k && *fp == latest.fingerprint)
            })
            .filter_map(|c| {
                let new = !earlier.is_empty() && !earlier.contains(&key(c));
                episode
                    .as_ref()
                    .and_then(|e| control_rank(c, e, &about, new))
                    .map(|r| (r, c))
            })
            .max_by_key(|(rank, c)| (*rank, std::cmp::Reverse(c.number)));
        if best.is_none() && !seen.looked_late() {
            return Decision::call("observe_page", json!({"wait_ms": LATE_LOOK_MS}))
                .with_note("nothing left to try; give the page a moment in case it renders late");
        }
        if let Some((_, control)) = best {
            let label = if control.label.is_empty() {
                control
                    .text
                    .clone()
                    .or(control.hint.clone())
                    .unwrap_or_default()
            } else {
                control.label.clone()
            };
            return Decision::call("click_element", json!({"element": control.number}))
                .with_note(format!("click {label:?} and look again"));
        }
        Decision::escalate(format!("no audio found; {}", summary(seen)))
    }
}

#[async_trait]
impl Planner for HeuristicPlanner {
    fn name(&self) -> &str {
        "heuristic"
    }

    async fn next(
        &self,
        context: &AttemptContext,
        history: &[ToolCallRecord],
        _tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError> {
        Ok(self.decide(context, &Seen { history }))
    }
}

#[cfg(test)]
mod tests;
