//! Clicking: `click_element` (an observed element's number, or a selector),
//! `intercept_audio_requests` (a click that waits for audio on the network), and
//! `click_at_coordinates`. Every click watches the network and waits for the page to
//! settle, by its events, before it returns.

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chromiumoxide::Page;
use chromiumoxide::cdp::js_protocol::runtime::ExecutionContextId;
use chromiumoxide::layout::Point;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{BrowserTools, args, describe_tool, failed, page_of};
use crate::frames::{self, FrameRef};
use crate::network::HeardAudio;
use crate::observe;
use crate::scripts;
use crate::selector::{self, Locator};
use crate::settle::{self, Settled};

/// What to click: an element of the last observation, or a selector.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Element(usize),
    Selector(String),
}

fn target(a: &Value) -> Result<Target, ToolError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Args {
        element: Option<u64>,
        selector: Option<String>,
    }
    match args::<Args>(a)? {
        Args {
            element: Some(n),
            selector: None,
        } => usize::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .map(Target::Element)
            .ok_or_else(|| {
                ToolError::InvalidArgs(format!("element {n} is not a number observe_page listed"))
            }),
        Args {
            element: None,
            selector: Some(selector),
        } => Ok(Target::Selector(selector)),
        _ => Err(ToolError::InvalidArgs(
            "give either `element` (a number from observe_page) or `selector`".to_string(),
        )),
    }
}

#[derive(Deserialize)]
struct ClickPoint {
    state: String,
    x: Option<f64>,
    y: Option<f64>,
    label: Option<String>,
    by: Option<String>,
}

/// The frame and world an element lives in, and which of its elements it is
/// (-1: the one `locate` found).
struct Found {
    frame: FrameRef,
    world: ExecutionContextId,
    index: i64,
    name: String,
}

async fn find(shared: &BrowserTools, page: &Page, target: &Target) -> Result<Found, ToolError> {
    match target {
        Target::Element(n) => {
            let observed = shared.browser.observed();
            let element = observed.get(n - 1).cloned().ok_or_else(|| {
                ToolError::InvalidArgs(format!(
                    "no element {n} in the last observation ({} elements); call observe_page first",
                    observed.len()
                ))
            })?;
            Ok(Found {
                name: format!(
                    "[{n}] {}",
                    serde_json::to_string(&element.label).unwrap_or_default()
                ),
                frame: element.frame,
                world: element.world,
                index: element.index as i64,
            })
        }
        Target::Selector(selector) => locate(shared, page, selector).await,
    }
}

#[derive(Deserialize)]
struct Located {
    state: String,
    label: Option<String>,
    error: Option<String>,
}

/// Finds a selector's element in any frame, waiting up to `[browser] click_wait` for
/// it to appear; an element that exists but is hidden fails at once.
async fn locate(shared: &BrowserTools, page: &Page, selector: &str) -> Result<Found, ToolError> {
    let locator: Locator = selector::parse(selector).map_err(ToolError::InvalidArgs)?;
    let spec = serde_json::to_value(&locator).map_err(failed)?;
    let script = scripts::locate();
    let wait = shared.browser.pool().settings().click_wait;
    let started = Instant::now();
    loop {
        let mut hidden = None;
        for frame in frames::frames(page).await.map_err(failed)? {
            let Ok(world) = frames::world(page, &frame.id).await else {
                continue;
            };
            let Ok(found) =
                frames::call::<Located>(page, world, &script, std::slice::from_ref(&spec)).await
            else {
                continue;
            };
            match found.state.as_str() {
                "found" => {
                    return Ok(Found {
                        name: serde_json::to_string(&found.label.unwrap_or_default())
                            .unwrap_or_default(),
                        frame,
                        world,
                        index: -1,
                    });
                }
                "invalid" => {
                    return Err(ToolError::InvalidArgs(format!(
                        "invalid selector {selector:?}: {}",
                        found.error.unwrap_or_default()
                    )));
                }
                "hidden" => hidden = Some(found.label.unwrap_or_default()),
                _ => {}
            }
        }
        if let Some(label) = hidden {
            return Err(failed(format!(
                "{selector:?} matches only hidden elements ({label:?}); reveal them first"
            )));
        }
        if started.elapsed() >= wait {
            return Err(failed(format!(
                "no element matches {selector:?} (waited {} ms)",
                wait.as_millis()
            )));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What a click did.
struct Clicked {
    text: String,
    heard: Vec<HeardAudio>,
    settled: Settled,
}

/// Clicks `target` with the mouse, then waits for the page to settle (with
/// `watch_audio`, only until audio is heard).
async fn click(
    shared: &BrowserTools,
    page: &Page,
    target: &Target,
    watch_audio: bool,
) -> Result<Clicked, ToolError> {
    let found = find(shared, page, target).await?;
    let point: ClickPoint = frames::call(
        page,
        found.world,
        &scripts::click_point(),
        &[json!(found.index)],
    )
    .await
    .map_err(failed)?;
    let name = &found.name;
    match point.state.as_str() {
        "ready" => {}
        "gone" => {
            return Err(failed(format!(
                "{name} is no longer on the page (it changed since it was observed); observe again"
            )));
        }
        "hidden" => return Err(failed(format!("{name} is hidden; reveal it first"))),
        "covered" => {
            return Err(failed(format!(
                "{name} is covered by {} (an overlay?); dismiss it first",
                point.by.unwrap_or_else(|| "another element".into())
            )));
        }
        _ => {
            return Err(failed(format!(
                "{name} is outside the viewport and cannot be scrolled to"
            )));
        }
    }
    let (dx, dy) = frames::offset(page, &found.frame).await.map_err(failed)?;
    let at = Point {
        x: point.x.unwrap_or(0.0) + dx,
        y: point.y.unwrap_or(0.0) + dy,
    };
    // The page settles when its main frame and the clicked element's frame do.
    let mut worlds = vec![found.world];
    if found.frame.depth > 0 {
        worlds.push(frames::main_world(page).await.map_err(failed)?);
    }
    shared.browser.network().heard.clear();
    let pressed = Instant::now();
    page.click(at)
        .await
        .map_err(|e| failed(format!("click failed: {e}")))?;
    let released = Instant::now();
    let settled = settle::settle(
        &shared.browser,
        page,
        &worlds,
        (pressed, released),
        shared.settle_limits(),
        watch_audio,
    )
    .await;
    let heard = std::mem::take(&mut shared.browser.network().heard);
    let label = point.label.unwrap_or_default();
    let mut text = format!(
        "clicked {name} at ({:.0}, {:.0}){}; {}",
        at.x,
        at.y,
        if label.is_empty() || name.contains(&label) {
            String::new()
        } else {
            format!(" ({label:?})")
        },
        settled.describe()
    );
    if heard.is_empty() {
        text.push_str("\nno audio heard on the network");
    }
    for (url, mime) in &heard {
        text.push_str(&format!("\n{url} (heard on the network, {mime})"));
    }
    Ok(Clicked {
        text,
        heard,
        settled,
    })
}

fn heard_data(clicked: &Clicked) -> Value {
    let (Settled::Quiet(settled) | Settled::Audio(settled) | Settled::Busy(settled)) =
        clicked.settled;
    json!({
        "heard": clicked.heard.iter().map(|(url, mime)| json!({"url": url, "mime": mime})).collect::<Vec<_>>(),
        "settled_ms": u64::try_from(settled.as_millis()).unwrap_or(u64::MAX),
    })
}

const TARGET_SCHEMA: &str = r#"{"type": "object", "properties": {
  "element": {"type": "integer", "minimum": 1, "description": "A control's number from the last observe_page"},
  "selector": {"type": "string", "description": "CSS, or text=\"Label\" (exact), text=Label (contains), button:has-text(\"Label\")"}},
  "additionalProperties": false}"#;

fn target_schema() -> Value {
    serde_json::from_str(TARGET_SCHEMA).unwrap_or_else(|_| json!({"type": "object"}))
}

/// The `click_element` tool: clicks a control by its observation number or a selector, like
/// a mouse, and waits for the page to settle.
pub struct ClickElement(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for ClickElement {
    describe_tool!(
        "click_element",
        "Clicks a control (its number from observe_page, in any frame or shadow root, or a selector) like a mouse does, watches the network, and waits until the page settles; reports audio heard.",
        target_schema()
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let target = target(a)?;
        let (page, mark) = page_of(&self.0).await?;
        let clicked = click(&self.0, &page, &target, false).await;
        mark.done();
        let clicked = clicked?;
        let data = heard_data(&clicked);
        Ok(ToolOutput::text(clicked.text).with_data(data))
    }
}

/// The `intercept_audio_requests` tool: clicks a control and returns as soon as audio is
/// heard on the network.
pub struct InterceptAudioRequests(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for InterceptAudioRequests {
    describe_tool!(
        "intercept_audio_requests",
        "Clicks a control (number or selector) and returns as soon as audio is heard on the network, or when the page settles; reports audio requested and audio links that appeared.",
        target_schema()
    );

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let target = target(a)?;
        let (page, mark) = page_of(&self.0).await?;
        let before = observe::audio_links(&self.0.browser, &page).await;
        let clicked = click(&self.0, &page, &target, true).await;
        let after = observe::audio_links(&self.0.browser, &page).await;
        mark.done();
        let (before, clicked, after) = (before.map_err(failed)?, clicked?, after.map_err(failed)?);
        let appeared: Vec<_> = after
            .into_iter()
            .filter(|l| {
                !before.iter().any(|b| b.url == l.url)
                    && !clicked.heard.iter().any(|(u, _)| *u == l.url)
            })
            .collect();
        let mut text = clicked.text.clone();
        for link in &appeared {
            text.push_str(&format!("\n{} ({})", link.url, link.source()));
        }
        let mut data = heard_data(&clicked);
        data["appeared"] = serde_json::to_value(&appeared).map_err(failed)?;
        Ok(ToolOutput::text(text).with_data(data))
    }
}

/// The `click_at_coordinates` tool: clicks a point of the viewport, in CSS pixels.
pub struct ClickAtCoordinates(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for ClickAtCoordinates {
    describe_tool!(
        "click_at_coordinates",
        "Clicks at a point of the viewport (CSS pixels), then waits until the page settles.",
        json!({"type": "object", "properties": {"x": {"type": "number", "minimum": 0, "maximum": 10000}, "y": {"type": "number", "minimum": 0, "maximum": 10000}}, "required": ["x", "y"], "additionalProperties": false})
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
        let done = async {
            let main = frames::main_world(&page).await.map_err(failed)?;
            self.0.browser.network().heard.clear();
            let pressed = Instant::now();
            page.click(Point { x, y })
                .await
                .map_err(|e| failed(format!("click failed: {e}")))?;
            let released = Instant::now();
            let settled = settle::settle(
                &self.0.browser,
                &page,
                &[main],
                (pressed, released),
                self.0.settle_limits(),
                false,
            )
            .await;
            Ok::<_, ToolError>(settled)
        }
        .await;
        mark.done();
        Ok(ToolOutput::text(format!(
            "clicked at ({x:.0}, {y:.0}); {}",
            done?.describe()
        )))
    }
}
