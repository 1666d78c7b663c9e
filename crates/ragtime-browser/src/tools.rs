//! The browser tools, each a runtime [`Tool`]. They return text the planner reads and
//! turn every page or browser failure into a `ToolError`, never a panic.

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::network::GetCookiesParams;
use chromiumoxide::cdp::browser_protocol::page::CaptureScreenshotFormat;
use chromiumoxide::layout::Point;
use chromiumoxide::page::ScreenshotParams;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput, ToolRegistry};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use url::Url;

use ragtime_egress::download::safe_stem;
use ragtime_egress::{CookieSource, DownloadError, DownloadRequest, Refused, download};

use crate::pool::{AttemptBrowser, BrowserError};
use crate::scripts;
use crate::selector::{self, Locator};
use crate::settle;
use crate::translate;

/// What every browser tool of one attempt shares.
pub struct BrowserTools {
    pub browser: Arc<AttemptBrowser>,
}

/// The registry of browser tools for one attempt.
pub fn registry(shared: Arc<BrowserTools>) -> ToolRegistry {
    let s = || Arc::clone(&shared);
    ToolRegistry::new()
        .with(NavigateToUrl(s()))
        .with(GetPageContent(s()))
        .with(ExtractTextBySelector(s()))
        .with(FindAudioLinks(s()))
        .with(ClickElement(s()))
        .with(ClickAtCoordinates(s()))
        .with(TakeScreenshot(s()))
        .with(AnalyzeScreenshot(s()))
        .with(InterceptAudioRequests(s()))
        .with(DownloadFile(s()))
        .with(TranslateText)
}

fn failed(err: impl std::fmt::Display) -> ToolError {
    ToolError::Failed(err.to_string())
}

fn args<T: DeserializeOwned>(value: &Value) -> Result<T, ToolError> {
    serde_json::from_value(value.clone()).map_err(|e| ToolError::InvalidArgs(e.to_string()))
}

async fn js<T: DeserializeOwned>(
    page: &Page,
    function: &str,
    call_args: &[Value],
) -> Result<T, ToolError> {
    let list: Vec<String> = call_args.iter().map(Value::to_string).collect();
    let expression = format!("({function})({})", list.join(", "));
    let result = page
        .evaluate_expression(expression)
        .await
        .map_err(|e| failed(format!("page script failed: {e}")))?;
    result
        .into_value()
        .map_err(|e| failed(format!("unexpected page script result: {e}")))
}

async fn page_of(shared: &BrowserTools) -> Result<(Page, crate::pool::CallMark<'_>), ToolError> {
    shared
        .browser
        .page()
        .await
        .map_err(|e: BrowserError| failed(e))
}

fn parse_url(text: &str) -> Result<Url, ToolError> {
    Url::parse(text.trim())
        .map_err(|e| ToolError::InvalidArgs(format!("not a URL ({e}): {text:?}")))
}

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

macro_rules! describe_tool {
    ($name:literal, $description:literal, $params:expr) => {
        fn name(&self) -> &str {
            $name
        }
        fn description(&self) -> &str {
            $description
        }
        fn parameters(&self) -> Value {
            $params
        }
    };
}

pub struct NavigateToUrl(Arc<BrowserTools>);

#[async_trait]
impl Tool for NavigateToUrl {
    describe_tool!(
        "navigate_to_url",
        "Opens a URL; returns the title, final URL, language and the first 2,000 characters of text.",
        json!({"type": "object", "properties": {"url": {"type": "string"}}, "required": ["url"]})
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
            .check_url(&url)
            .map_err(|r| ToolError::Blocked(r.to_string()))?;
        let (page, mark) = page_of(&self.0).await?;
        let since = browser.refusals().mark();
        let navigated = settle::navigate(&page, url.as_str()).await;
        let info: Option<PageText> = js(&page, scripts::PAGE_TEXT, &[json!(2000)]).await.ok();
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

pub struct GetPageContent(Arc<BrowserTools>);

#[async_trait]
impl Tool for GetPageContent {
    describe_tool!(
        "get_page_content",
        "Returns the current page's visible text, up to 15,000 characters.",
        json!({"type": "object", "properties": {"max_chars": {"type": "integer", "maximum": 15000}}})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let max = a
            .get("max_chars")
            .and_then(Value::as_u64)
            .unwrap_or(15_000)
            .min(15_000);
        let (page, mark) = page_of(&self.0).await?;
        let info: PageText = js(&page, scripts::PAGE_TEXT, &[json!(max)]).await?;
        mark.done();
        Ok(ToolOutput::text(describe_page(&info)))
    }
}

pub struct ExtractTextBySelector(Arc<BrowserTools>);

#[async_trait]
impl Tool for ExtractTextBySelector {
    describe_tool!(
        "extract_text_by_selector",
        "Returns the text of the elements a CSS selector matches, one per line.",
        json!({"type": "object", "properties": {"selector": {"type": "string"}, "limit": {"type": "integer"}}, "required": ["selector"]})
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
        let found: Found = js(
            &page,
            scripts::TEXT_BY_SELECTOR,
            &[json!(selector), json!(limit.unwrap_or(50).min(200))],
        )
        .await?;
        mark.done();
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

#[derive(Deserialize)]
struct AudioLink {
    url: String,
    via: String,
}

async fn audio_links(page: &Page) -> Result<Vec<AudioLink>, ToolError> {
    js(page, scripts::FIND_AUDIO, &[]).await
}

pub struct FindAudioLinks(Arc<BrowserTools>);

#[async_trait]
impl Tool for FindAudioLinks {
    describe_tool!(
        "find_audio_links",
        "Lists audio URLs on the page: <audio>, <source>, links, og:audio, data-* attributes, JSON-LD contentUrl.",
        json!({"type": "object", "properties": {}})
    );

    async fn call(&self, _a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let (page, mark) = page_of(&self.0).await?;
        let links = audio_links(&page).await?;
        mark.done();
        if links.is_empty() {
            return Ok(ToolOutput::text("no audio links found"));
        }
        Ok(ToolOutput::text(
            links
                .iter()
                .map(|l| format!("{} ({})", l.url, l.via))
                .collect::<Vec<_>>()
                .join("\n"),
        ))
    }
}

#[derive(Deserialize)]
struct Located {
    state: String,
    x: Option<f64>,
    y: Option<f64>,
    label: Option<String>,
    by: Option<String>,
    error: Option<String>,
}

/// Finds and clicks what `selector` names, waiting up to `[browser] click_wait` for
/// it to appear; returns a description of what was clicked.
async fn click(shared: &BrowserTools, page: &Page, selector: &str) -> Result<String, ToolError> {
    let locator: Locator = selector::parse(selector).map_err(ToolError::InvalidArgs)?;
    let spec = serde_json::to_value(&locator).map_err(failed)?;
    let wait = shared.browser.pool().settings().click_wait;
    let started = Instant::now();
    loop {
        let found: Located = js(page, scripts::LOCATE, std::slice::from_ref(&spec)).await?;
        let waited = started.elapsed() >= wait;
        match found.state.as_str() {
            "ready" => {
                let point = Point {
                    x: found.x.unwrap_or(0.0),
                    y: found.y.unwrap_or(0.0),
                };
                page.click(point)
                    .await
                    .map_err(|e| failed(format!("click failed: {e}")))?;
                // Let the page's handlers run before the next look at it.
                tokio::time::sleep(Duration::from_millis(250)).await;
                return Ok(format!(
                    "clicked {:?} at ({:.0}, {:.0})",
                    found.label.unwrap_or_default(),
                    point.x,
                    point.y
                ));
            }
            "invalid" => {
                return Err(ToolError::InvalidArgs(format!(
                    "invalid selector {selector:?}: {}",
                    found.error.unwrap_or_default()
                )));
            }
            "covered" if waited => {
                return Err(failed(format!(
                    "{selector:?} is covered by {} (an overlay?); dismiss it first",
                    found.by.unwrap_or_else(|| "another element".into())
                )));
            }
            "outside" if waited => {
                return Err(failed(format!(
                    "{selector:?} is outside the viewport and cannot be scrolled to"
                )));
            }
            "hidden" if waited => {
                return Err(failed(format!("{selector:?} matches only hidden elements")));
            }
            _ if waited => {
                return Err(failed(format!(
                    "no element matches {selector:?} (waited {} ms)",
                    wait.as_millis()
                )));
            }
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

#[derive(Deserialize)]
struct SelectorArgs {
    selector: String,
}

pub struct ClickElement(Arc<BrowserTools>);

#[async_trait]
impl Tool for ClickElement {
    describe_tool!(
        "click_element",
        "Clicks an element by CSS selector or by text: button:has-text(\"More information\"), text=\"Download\".",
        json!({"type": "object", "properties": {"selector": {"type": "string"}}, "required": ["selector"]})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let SelectorArgs { selector } = args(a)?;
        let (page, mark) = page_of(&self.0).await?;
        let done = click(&self.0, &page, &selector).await;
        mark.done();
        done.map(ToolOutput::text)
    }
}

pub struct ClickAtCoordinates(Arc<BrowserTools>);

#[async_trait]
impl Tool for ClickAtCoordinates {
    describe_tool!(
        "click_at_coordinates",
        "Clicks at a point of the viewport (CSS pixels).",
        json!({"type": "object", "properties": {"x": {"type": "number"}, "y": {"type": "number"}}, "required": ["x", "y"]})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Args {
            x: f64,
            y: f64,
        }
        let Args { x, y } = args(a)?;
        if !(x.is_finite()
            && y.is_finite()
            && (0.0..=10_000.0).contains(&x)
            && (0.0..=10_000.0).contains(&y))
        {
            return Err(ToolError::InvalidArgs(format!(
                "({x}, {y}) is not a point of the page"
            )));
        }
        let (page, mark) = page_of(&self.0).await?;
        page.click(Point { x, y })
            .await
            .map_err(|e| failed(format!("click failed: {e}")))?;
        tokio::time::sleep(Duration::from_millis(250)).await;
        mark.done();
        Ok(ToolOutput::text(format!("clicked at ({x:.0}, {y:.0})")))
    }
}

async fn screenshot(page: &Page) -> Result<Vec<u8>, ToolError> {
    let params = ScreenshotParams::builder()
        .format(CaptureScreenshotFormat::Png)
        .build();
    page.screenshot(params)
        .await
        .map_err(|e| failed(format!("screenshot failed: {e}")))
}

pub struct TakeScreenshot(Arc<BrowserTools>);

#[async_trait]
impl Tool for TakeScreenshot {
    describe_tool!(
        "take_screenshot",
        "Takes a PNG screenshot of the viewport; it is stored with the step.",
        json!({"type": "object", "properties": {}})
    );

    async fn call(&self, _a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let (page, mark) = page_of(&self.0).await?;
        let png = screenshot(&page).await?;
        mark.done();
        Ok(ToolOutput {
            text: format!("screenshot taken ({} bytes)", png.len()),
            screenshot_png: Some(png),
        })
    }
}

pub struct AnalyzeScreenshot(Arc<BrowserTools>);

#[async_trait]
impl Tool for AnalyzeScreenshot {
    describe_tool!(
        "analyze_screenshot",
        "Takes a screenshot and lists the visible controls with their positions and whether something covers them.",
        json!({"type": "object", "properties": {}})
    );

    async fn call(&self, _a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Control {
            label: String,
            x: f64,
            y: f64,
            covered: bool,
        }
        let (page, mark) = page_of(&self.0).await?;
        let png = screenshot(&page).await?;
        let controls: Vec<Control> = js(&page, scripts::CONTROLS, &[json!(40)]).await?;
        mark.done();
        let mut text = format!("{} visible control(s):", controls.len());
        for c in &controls {
            text.push_str(&format!(
                "\n{:?} at ({:.0}, {:.0}){}",
                c.label,
                c.x,
                c.y,
                if c.covered { " covered" } else { "" }
            ));
        }
        Ok(ToolOutput {
            text,
            screenshot_png: Some(png),
        })
    }
}

pub struct InterceptAudioRequests(Arc<BrowserTools>);

#[async_trait]
impl Tool for InterceptAudioRequests {
    describe_tool!(
        "intercept_audio_requests",
        "Clicks an element while watching the network; returns audio URLs requested (by extension or audio/* type) and audio links that appeared.",
        json!({"type": "object", "properties": {"selector": {"type": "string"}}, "required": ["selector"]})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let SelectorArgs { selector } = args(a)?;
        let (page, mark) = page_of(&self.0).await?;
        self.0.browser.heard_audio().clear();
        let before: Vec<String> = audio_links(&page)
            .await?
            .into_iter()
            .map(|l| l.url)
            .collect();
        let clicked = match click(&self.0, &page, &selector).await {
            Ok(clicked) => clicked,
            Err(err) => {
                mark.done();
                return Err(err);
            }
        };
        let window = self.0.browser.pool().settings().intercept_window;
        let started = Instant::now();
        while started.elapsed() < window && self.0.browser.heard_audio().is_empty() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let heard = std::mem::take(&mut *self.0.browser.heard_audio());
        let appeared: Vec<AudioLink> = audio_links(&page)
            .await?
            .into_iter()
            .filter(|l| !before.contains(&l.url))
            .collect();
        mark.done();
        let mut text = clicked;
        if heard.is_empty() && appeared.is_empty() {
            text.push_str("\nno audio requests and no new audio links");
        }
        for (url, mime) in &heard {
            text.push_str(&format!("\n{url} (request, {mime})"));
        }
        for link in &appeared {
            text.push_str(&format!("\n{} ({})", link.url, link.via));
        }
        Ok(ToolOutput::text(text))
    }
}

pub struct DownloadFile(Arc<BrowserTools>);

/// The cookies the attempt's browser would send to a URL (its domain, path and
/// secure rules, through `Network.getCookies`), never a page's cookies for another site.
struct BrowserCookies(Page);

#[async_trait]
impl CookieSource for BrowserCookies {
    async fn cookie_header(&self, url: &Url) -> Option<String> {
        let params = GetCookiesParams::builder().url(url.as_str()).build();
        let cookies = self.0.execute(params).await.ok()?.result.cookies;
        let header = cookies
            .iter()
            .map(|c| format!("{}={}", c.name, c.value))
            .collect::<Vec<_>>()
            .join("; ");
        (!header.is_empty()).then_some(header)
    }
}

#[async_trait]
impl Tool for DownloadFile {
    describe_tool!(
        "download_file",
        "Downloads an MP3 (audio/mpeg, or .mp3 without a type) into the media directory, with the cookies the browser holds for that URL.",
        json!({"type": "object", "properties": {"url": {"type": "string"}}, "required": ["url"]})
    );

    async fn call(&self, a: &Value, ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Args {
            url: String,
        }
        let url = parse_url(&args::<Args>(a)?.url)?;
        let browser = &self.0.browser;
        let cookies = browser.current_page().await.map(BrowserCookies);
        let settings = browser.pool().settings();
        let name = url
            .path_segments()
            .and_then(|mut s| s.next_back())
            .unwrap_or("audio")
            .trim_end_matches(".mp3");
        let request = DownloadRequest {
            url: &url,
            cookies: cookies.as_ref().map(|c| c as &dyn CookieSource),
            limits: settings.download_limits(),
            dir: &settings.media_dir,
            stem: safe_stem(&format!("attempt-{}-{}", ctx.attempt_id, name)),
        };
        match download(browser.client(), request).await {
            Ok(saved) => Ok(ToolOutput::text(format!(
                "saved {} bytes to {} ({}) from {}",
                saved.bytes,
                saved.path.display(),
                saved.content_type.as_deref().unwrap_or("no content type"),
                saved
                    .hops
                    .iter()
                    .map(Url::as_str)
                    .collect::<Vec<_>>()
                    .join(" -> ")
            ))),
            Err(DownloadError::Blocked(refused)) => Err(ToolError::Blocked(refused.to_string())),
            Err(other) => Err(failed(other)),
        }
    }
}

pub struct TranslateText;

#[async_trait]
impl Tool for TranslateText {
    describe_tool!(
        "translate_text",
        "Translates the labels Download, More information, Information, Play, Listen, Accept (all) into de, fr, es, it, nl, pt.",
        json!({"type": "object", "properties": {"text": {"type": ["string", "array"]}, "to": {"type": "string"}}, "required": ["text", "to"]})
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let to = a
            .get("to")
            .and_then(Value::as_str)
            .ok_or_else(|| ToolError::InvalidArgs("`to` must be a language code".into()))?;
        let texts: Vec<String> = match a.get("text") {
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(many)) => many
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => {
                return Err(ToolError::InvalidArgs(
                    "`text` must be a string or a list of strings".into(),
                ));
            }
        };
        let lines: Vec<String> = texts
            .iter()
            .map(|t| match translate::translate(t, to) {
                Some(done) => format!("{t} => {done}"),
                None => format!("{t} => (not in the table)"),
            })
            .collect();
        Ok(ToolOutput::text(lines.join("\n")))
    }
}
