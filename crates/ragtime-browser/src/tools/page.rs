//! Tools that open and read the page: `navigate_to_url`, `observe_page`,
//! `get_page_content`, `extract_text_by_selector`, `find_audio_links`.

use std::sync::Arc;
use std::time::Instant;

use async_trait::async_trait;
use chromiumoxide::Page;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput};
use ragtime_egress::Refused;
use serde::Deserialize;
use serde_json::{Value, json};
use url::Url;

use super::{BrowserTools, args, describe_tool, failed, js, page_of, parse_url};
use crate::frames;
use crate::observe;
use crate::scripts;
use crate::settle;

/// Scroll steps (two screens each) `navigate_to_url` takes to wake lazy content.
const SCROLL_SCREENS: u32 = 12;
/// Most controls an observation lists.
const OBSERVE_LIMIT: usize = 150;

#[derive(Deserialize)]
struct PageText {
    title: String,
    url: String,
    lang: String,
    text: String,
    length: usize,
}

fn describe_page(info: &PageText) -> String {
    let more = if info.length > info.text.chars().count() {
        format!(
            "\n[... {} more characters]",
            info.length - info.text.chars().count()
        )
    } else {
        String::new()
    };
    format!(
        "title: {}\nurl: {}\nlanguage: {}\n\n{}{more}",
        info.title, info.url, info.lang, info.text
    )
}

/// The main frame's text.
async fn page_text(page: &Page, max: u64) -> Result<PageText, ToolError> {
    js(page, scripts::PAGE_TEXT, &[json!(max)]).await
}

/// The `navigate_to_url` tool: opens a URL and waits for the page to settle.
pub struct NavigateToUrl(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for NavigateToUrl {
    describe_tool!(
        "navigate_to_url",
        "Opens a URL and waits until the page has settled (scrolling through it once to load lazy content); returns the title, final URL, language and the first 2,000 characters of text.",
        json!({"type": "object", "properties": {"url": {"type": "string", "description": "An http(s) URL"}}, "required": ["url"], "additionalProperties": false})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Args {
            url: String,
        }
        let url = parse_url(&args::<Args>(a)?.url)?;
        let browser = &self.0.browser;
        browser
            .pool()
            .policy()
            .admit(&url)
            .map_err(|r| ToolError::Blocked(r.to_string()))?;
        let (page, mark) = page_of(&self.0).await?;
        let since = browser.refusals().mark();
        let navigated = settle::navigate(&page, url.as_str()).await;
        if navigated.is_ok()
            && let Ok(world) = frames::main_world(&page).await
        {
            let limits = self.0.settle_limits();
            let loaded = Instant::now();
            // One settle cap for the whole opening, before and after the scroll: a page
            // that never stops changing costs one cap, not two.
            let budget_end = loaded + limits.cap;
            settle::settle(browser, &page, &[world], (loaded, loaded), limits, false).await;
            let scrolled: u32 = frames::call(
                &page,
                world,
                scripts::SCROLL_THROUGH,
                &[json!(SCROLL_SCREENS)],
            )
            .await
            .unwrap_or(0);
            let now = Instant::now();
            let left = budget_end.saturating_duration_since(now);
            if scrolled > 0 && left > limits.quiet {
                let limits = settle::SettleLimits {
                    cap: left,
                    ..limits
                };
                settle::settle(browser, &page, &[world], (now, now), limits, false).await;
            }
        }
        let info = page_text(&page, 2000).await.ok();
        mark.done();
        let refused = browser.refusals().since(since);
        let landed = info.as_ref().map(|i| i.url.as_str()).unwrap_or("");
        let broke = navigated.is_err() || landed.is_empty() || landed.starts_with("chrome-error:");
        // The document itself refused: the gate answered for it (plain HTTP), or the
        // navigation failed after a refusal (a refused tunnel, a refused redirect).
        let document = refused
            .iter()
            .find(|r| same_target(r, landed))
            .or_else(|| refused.first().filter(|_| broke));
        if let Some(refusal) = document {
            return Err(ToolError::Blocked(format!("navigation refused: {refusal}")));
        }
        navigated.map_err(|e| failed(format!("navigation failed: {e}")))?;
        let info = info.ok_or_else(|| failed("the page gave no text"))?;
        if broke {
            return Err(failed(format!(
                "navigation failed: the browser shows an error page for {url}"
            )));
        }
        let mut text = describe_page(&info);
        if let Some(first) = refused.first() {
            text.push_str(&format!(
                "\n[{} request(s) of the page refused, first: {first}]",
                refused.len()
            ));
        }
        Ok(ToolOutput::text(text))
    }
}

/// Whether a refusal was of `url` (same host and port; a tunnel names only those).
fn same_target(refused: &Refused, url: &str) -> bool {
    let authority = |u: &Url| {
        format!(
            "{}:{}",
            u.host_str().unwrap_or(""),
            u.port_or_known_default().unwrap_or(0)
        )
    };
    let Ok(url) = Url::parse(url) else {
        return false;
    };
    match Url::parse(&refused.target) {
        Ok(target) if target.has_host() => authority(&target) == authority(&url),
        _ => refused.target == authority(&url),
    }
}

/// The `observe_page` tool: what a user can act on, across frames and shadow roots, as
/// numbered controls and audio URLs.
pub struct ObservePage(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for ObservePage {
    describe_tool!(
        "observe_page",
        "Lists what a user can act on, across every frame (of any site) and open shadow root: numbered controls with their role, label, visibility and frame, and the audio URLs the page mentions. click_element takes a control's number. With wait_ms, first waits up to that long for a page that renders late to change, and for it to settle.",
        json!({"type": "object", "properties": {"wait_ms": {"type": "integer", "minimum": 0, "maximum": 10000, "description": "Wait this long at most for the page to change first"}}, "additionalProperties": false})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let wait = a
            .get("wait_ms")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            .min(10_000);
        let (page, mark) = page_of(&self.0).await?;
        if wait > 0
            && let Ok(world) = frames::main_world(&page).await
        {
            let browser = &self.0.browser;
            let max = std::time::Duration::from_millis(wait);
            if settle::wait_for_change(browser, &page, world, max).await {
                let now = Instant::now();
                settle::settle(
                    browser,
                    &page,
                    &[world],
                    (now, now),
                    self.0.settle_limits(),
                    false,
                )
                .await;
            }
        }
        let seen = observe::observe(&self.0.browser, &page, OBSERVE_LIMIT).await;
        mark.done();
        let seen = seen.map_err(failed)?;
        let data = serde_json::to_value(&seen).map_err(failed)?;
        Ok(ToolOutput::text(observe::describe(&seen)).with_data(data))
    }
}

/// The `get_page_content` tool: the page's visible text.
pub struct GetPageContent(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for GetPageContent {
    describe_tool!(
        "get_page_content",
        "Returns the current page's visible text, up to 15,000 characters.",
        json!({"type": "object", "properties": {"max_chars": {"type": "integer", "minimum": 1, "maximum": 15000}}, "additionalProperties": false})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let max = a
            .get("max_chars")
            .and_then(Value::as_u64)
            .unwrap_or(15_000)
            .min(15_000);
        let (page, mark) = page_of(&self.0).await?;
        let info = page_text(&page, max).await;
        mark.done();
        Ok(ToolOutput::text(describe_page(&info?)))
    }
}

/// The `extract_text_by_selector` tool: the text of the elements a CSS selector matches.
pub struct ExtractTextBySelector(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for ExtractTextBySelector {
    describe_tool!(
        "extract_text_by_selector",
        "Returns the text of the elements a CSS selector matches in the page's main document, one per line.",
        json!({"type": "object", "properties": {"selector": {"type": "string"}, "limit": {"type": "integer", "minimum": 1, "maximum": 200}}, "required": ["selector"], "additionalProperties": false})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Args {
            selector: String,
            limit: Option<u64>,
        }
        let Args { selector, limit } = args(a)?;
        #[derive(Deserialize)]
        struct Found {
            error: Option<String>,
            count: Option<usize>,
            texts: Option<Vec<String>>,
        }
        let (page, mark) = page_of(&self.0).await?;
        let found: Result<Found, ToolError> = js(
            &page,
            scripts::TEXT_BY_SELECTOR,
            &[json!(selector), json!(limit.unwrap_or(50).min(200))],
        )
        .await;
        mark.done();
        let found = found?;
        if let Some(error) = found.error {
            return Err(ToolError::InvalidArgs(format!(
                "invalid selector {selector:?}: {error}"
            )));
        }
        let texts = found.texts.unwrap_or_default();
        if texts.is_empty() {
            return Ok(ToolOutput::text(format!("no element matches {selector:?}")));
        }
        Ok(ToolOutput::text(format!(
            "{} match(es):\n{}",
            found.count.unwrap_or(texts.len()),
            texts.join("\n")
        )))
    }
}

/// The `find_audio_links` tool: every audio URL the page mentions, in every frame and
/// shadow root.
pub struct FindAudioLinks(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for FindAudioLinks {
    describe_tool!(
        "find_audio_links",
        "Lists audio URLs the page mentions, in every frame and open shadow root: media elements (and what they play now), links, meta tags, data-* attributes, JSON in the page, URLs in scripts, and audio heard on the network; each with where it was found.",
        json!({"type": "object", "properties": {}, "additionalProperties": false})
    );

    async fn call(&self, _a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let (page, mark) = page_of(&self.0).await?;
        let links = observe::audio_links(&self.0.browser, &page).await;
        mark.done();
        let links = links.map_err(failed)?;
        let data = serde_json::to_value(&links).map_err(failed)?;
        if links.is_empty() {
            return Ok(ToolOutput::text("no audio links found").with_data(data));
        }
        let text = links
            .iter()
            .map(|l| format!("{} ({})", l.url, l.source()))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(ToolOutput::text(text).with_data(data))
    }
}
