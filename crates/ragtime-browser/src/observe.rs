//! Looking at the page as a user sees it: every frame (of any origin) and open shadow
//! root, its interactive elements numbered, and the audio it mentions.
//!
//! `observe` runs the observation script in ragtime's world of each frame and keeps,
//! per element number, which frame and which of that frame's elements it is, so
//! `click_element` can click element N wherever it lives.

use std::hash::{Hash, Hasher};

use chromiumoxide::Page;
use chromiumoxide::cdp::js_protocol::runtime::ExecutionContextId;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::frames::{self, FrameError, FrameRef, ObservedElement};
use crate::pool::AttemptBrowser;
use crate::scripts;

/// Most frames looked into; pages with more are ad farms, not players.
const MAX_FRAMES: usize = 20;

/// An interactive element as the observation reports it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Control {
    /// What `click_element {"element": N}` takes.
    pub number: usize,
    /// Its ARIA role, or the role its tag implies (`button`, `link`, `menuitem`, ...).
    pub role: String,
    /// Its accessible name: `aria-label`, labelled-by text, text, `title` or `alt`.
    pub label: String,
    /// Its visible text, when that differs from the label (an icon such as "⋮").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Words from its id and classes, when it has no label at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Whether it has a size and CSS does not hide it (display, visibility, opacity).
    pub visible: bool,
    /// Whether it accepts clicks (not `disabled` or `aria-disabled`).
    pub enabled: bool,
    /// The link target, for a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// A link with a `download` attribute: the browser would save what it points to.
    #[serde(default)]
    pub download: bool,
    /// Index of its frame in [`Observation::frames`] (0 is the page itself).
    pub frame: usize,
    /// Whether it lives in a shadow root.
    pub shadow: bool,
}

/// An audio URL and where it was found.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AudioLink {
    /// The audio URL, absolute.
    pub url: String,
    /// Where it was found (a media element, a link, a meta tag, the network, ...) and in
    /// which frame.
    pub via: String,
    /// The word that says the URL belongs to another item than the page's own: the
    /// class of an enclosing container ("related") or a JSON key ("otherEpisodes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

impl AudioLink {
    /// Where it was found, as the tools report it.
    pub fn source(&self) -> String {
        match &self.other {
            Some(word) => format!("{}; another item's, under {word:?}", self.via),
            None => self.via.clone(),
        }
    }
}

/// What `observe_page` sees.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Observation {
    /// The page's `document.title`.
    pub title: String,
    /// The page's own name for what it shows: its first `h1`, else `og:title` (a
    /// single-page app's `document.title` may stay the site's name).
    #[serde(default)]
    pub heading: String,
    /// The page's URL after redirects.
    pub url: String,
    /// The page's `<html lang>`, empty when it names none.
    pub language: String,
    /// URLs of the page (first) and of each frame in it.
    pub frames: Vec<String>,
    /// Audio URLs the page mentions or the network carried.
    pub audio: Vec<AudioLink>,
    /// The interactive elements, numbered, visible ones first, cut to a readable number.
    pub controls: Vec<Control>,
    /// Interactive elements found, of which `controls` shows the first.
    pub total: usize,
    /// Changes when the page visibly changes: URL, controls, audio.
    pub fingerprint: String,
}

#[derive(Deserialize)]
struct FrameControls {
    url: String,
    title: String,
    #[serde(default)]
    heading: String,
    lang: String,
    total: usize,
    elements: Vec<RawControl>,
}

#[derive(Deserialize)]
struct RawControl {
    role: String,
    label: String,
    text: String,
    hint: String,
    visible: bool,
    enabled: bool,
    href: Option<String>,
    download: bool,
    shadow: bool,
}

/// Runs `script` in every frame; frames that cannot run it (gone, still loading) are
/// skipped, the page itself must.
async fn each_frame<T: serde::de::DeserializeOwned>(
    page: &Page,
    script: &str,
    args: &[serde_json::Value],
) -> Result<Vec<(FrameRef, ExecutionContextId, T)>, FrameError> {
    let mut out = Vec::new();
    for frame in frames::frames(page).await?.into_iter().take(MAX_FRAMES) {
        let answer = async {
            let world = frames::world(page, &frame.id).await?;
            let value: T = frames::call(page, world, script, args).await?;
            Ok::<_, FrameError>((world, value))
        }
        .await;
        match answer {
            Ok((world, value)) => out.push((frame, world, value)),
            Err(err) if frame.depth == 0 => return Err(err),
            Err(err) => tracing::debug!(frame = %frame.url, error = %err, "frame skipped"),
        }
    }
    Ok(out)
}

/// Audio URLs in every frame, then those heard on the network.
pub async fn audio_links(
    browser: &AttemptBrowser,
    page: &Page,
) -> Result<Vec<AudioLink>, FrameError> {
    let found: Vec<(FrameRef, ExecutionContextId, Vec<AudioLink>)> =
        each_frame(page, &scripts::find_audio(), &[]).await?;
    let mut links: Vec<AudioLink> = Vec::new();
    for (index, (frame, _, frame_links)) in found.into_iter().enumerate() {
        for mut link in frame_links {
            if index > 0 {
                link.via = format!("{} in frame {index} ({})", link.via, short(&frame.url));
            }
            if !links.iter().any(|l| l.url == link.url) {
                links.push(link);
            }
        }
    }
    for (url, mime) in browser.network().heard_all.iter() {
        if !links.iter().any(|l| l.url == *url) {
            links.push(AudioLink {
                url: url.clone(),
                via: format!("heard on the network ({mime})"),
                other: None,
            });
        }
    }
    Ok(links)
}

/// Looks at every frame: its controls (numbered, at most `limit`) and audio.
pub async fn observe(
    browser: &AttemptBrowser,
    page: &Page,
    limit: usize,
) -> Result<Observation, FrameError> {
    let found: Vec<(FrameRef, ExecutionContextId, FrameControls)> =
        each_frame(page, &scripts::observe(), &[json!(limit)]).await?;
    let mut controls = Vec::new();
    let mut elements = Vec::new();
    let mut frames = Vec::new();
    let mut total = 0;
    let (mut title, mut heading, mut url, mut language) =
        (String::new(), String::new(), String::new(), String::new());
    let lens: Vec<usize> = found.iter().map(|(_, _, s)| s.elements.len()).collect();
    let quotas = fair_shares(&lens, limit);
    for (index, (frame, world, seen)) in found.into_iter().enumerate() {
        if index == 0 {
            (title, heading, url, language) = (
                seen.title.clone(),
                seen.heading.clone(),
                seen.url.clone(),
                seen.lang.clone(),
            );
        }
        frames.push(seen.url.clone());
        total += seen.total;
        let quota = quotas.get(index).copied().unwrap_or(0);
        for (local, raw) in seen.elements.into_iter().enumerate().take(quota) {
            let number = controls.len() + 1;
            elements.push(ObservedElement {
                frame: frame.clone(),
                world,
                index: local,
                label: raw.label.clone(),
            });
            let text = (!raw.text.is_empty() && raw.text != raw.label).then_some(raw.text);
            let hint = (raw.label.is_empty() && !raw.hint.is_empty()).then_some(raw.hint);
            controls.push(Control {
                number,
                role: raw.role,
                label: raw.label,
                text,
                hint,
                visible: raw.visible,
                enabled: raw.enabled,
                href: raw.href,
                download: raw.download,
                frame: index,
                shadow: raw.shadow,
            });
        }
    }
    *browser.observed() = elements;
    let audio = audio_links(browser, page).await?;
    let fingerprint = fingerprint(&url, &controls, &audio);
    Ok(Observation {
        title,
        heading,
        url,
        language,
        frames,
        audio,
        controls,
        total,
        fingerprint,
    })
}

/// How many of each frame's controls fit in `limit`: an equal share each, and what a
/// frame leaves unused goes to the others, so a long main page cannot crowd out the
/// player in its frame.
fn fair_shares(lens: &[usize], limit: usize) -> Vec<usize> {
    let mut quota = vec![0; lens.len()];
    let mut left = limit;
    loop {
        let open: Vec<usize> = (0..lens.len()).filter(|&i| quota[i] < lens[i]).collect();
        if open.is_empty() || left == 0 {
            return quota;
        }
        let each = (left / open.len()).max(1);
        for i in open {
            let add = each.min(lens[i] - quota[i]).min(left);
            quota[i] += add;
            left -= add;
        }
    }
}

fn fingerprint(url: &str, controls: &[Control], audio: &[AudioLink]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    url.hash(&mut hasher);
    for c in controls {
        (&c.role, &c.label, &c.text, c.visible, c.enabled, c.frame).hash(&mut hasher);
    }
    for a in audio {
        a.url.hash(&mut hasher);
    }
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the fingerprint keeps the low 32 bits of the hash on purpose"
    )]
    let short = hasher.finish() as u32;
    format!("{short:08x}")
}

/// A URL cut for display.
fn short(url: &str) -> String {
    url.chars().take(80).collect()
}

/// The observation as the text a planner (or a person) reads.
pub fn describe(o: &Observation) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut text = format!(
        "title: {}\nurl: {}\nlanguage: {}\npage: {}\n",
        o.title,
        o.url,
        if o.language.is_empty() {
            "unknown"
        } else {
            &o.language
        },
        o.fingerprint
    );
    for (i, frame) in o.frames.iter().enumerate().skip(1) {
        text.push_str(&format!("frame {i}: {}\n", short(frame)));
    }
    if o.audio.is_empty() {
        text.push_str("audio: none found\n");
    }
    for link in &o.audio {
        text.push_str(&format!("audio: {} ({})\n", link.url, link.source()));
    }
    text.push_str(&format!(
        "controls: {} shown of {} (hidden and disabled ones marked)\n",
        o.controls.len(),
        o.total
    ));
    for c in &o.controls {
        text.push_str(&format!("[{}] {} {}", c.number, c.role, quote(&c.label)));
        if let Some(shown) = &c.text {
            text.push_str(&format!(" shows {}", quote(shown)));
        }
        if let Some(hint) = &c.hint {
            text.push_str(&format!(" class {}", quote(hint)));
        }
        if let Some(href) = &c.href {
            text.push_str(&format!(" -> {}", short(href)));
        }
        if c.download {
            text.push_str(" (download)");
        }
        if c.frame > 0 {
            text.push_str(&format!(" (frame {})", c.frame));
        }
        if c.shadow {
            text.push_str(" (shadow root)");
        }
        if !c.visible {
            text.push_str(" hidden");
        }
        if !c.enabled {
            text.push_str(" disabled");
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::fair_shares;

    #[test]
    fn every_frame_gets_its_share_of_the_limit() {
        assert_eq!(fair_shares(&[400, 6], 150), vec![144, 6]);
        assert_eq!(fair_shares(&[400, 400, 400], 150), vec![50, 50, 50]);
        assert_eq!(fair_shares(&[10, 3], 150), vec![10, 3]);
        assert_eq!(fair_shares(&[2, 2, 2], 4), vec![2, 1, 1]);
        assert_eq!(fair_shares(&[], 150), Vec::<usize>::new());
        assert_eq!(fair_shares(&[5], 0), vec![0]);
    }
}
