//! The frames of a page, and running ragtime's scripts inside each of them.
//!
//! Chromium runs here without site isolation (see the pool), so frames of every
//! origin are in the page's frame tree. Each frame gets ragtime's own isolated world
//! (`Page.createIsolatedWorld`, same name every time, so the same world comes back and
//! keeps what the scripts stored); a script evaluated there sees the frame's DOM, open
//! shadow roots included, but none of the page's JavaScript.

use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::dom::{GetBoxModelParams, GetFrameOwnerParams};
use chromiumoxide::cdp::browser_protocol::page::{
    CreateIsolatedWorldParams, FrameId, FrameTree, GetFrameTreeParams,
};
use chromiumoxide::cdp::js_protocol::runtime::{EvaluateParams, ExecutionContextId};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The world ragtime's scripts run in, in every frame.
const WORLD: &str = "ragtime";

/// One frame of the page, in document order (the main frame first).
#[derive(Debug, Clone)]
pub struct FrameRef {
    /// Chromium's id of the frame.
    pub id: FrameId,
    /// The frame's document URL.
    pub url: String,
    /// How many frames it is nested in (0 for the main frame).
    pub depth: usize,
}

/// Why a frame script did not give an answer.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FrameError {
    /// The DevTools protocol call failed (the frame went away, the browser closed).
    #[error("browser: {0}")]
    Cdp(String),
    /// The script threw in the page.
    #[error("page script failed: {0}")]
    Script(String),
    /// The script answered something of another shape than expected.
    #[error("unexpected page script result: {0}")]
    Result(String),
}

fn cdp(err: impl std::fmt::Display) -> FrameError {
    FrameError::Cdp(err.to_string())
}

/// The page's frames, main frame first, depth first.
pub async fn frames(page: &Page) -> Result<Vec<FrameRef>, FrameError> {
    let tree = page
        .execute(GetFrameTreeParams::default())
        .await
        .map_err(cdp)?
        .result
        .frame_tree;
    let mut out = Vec::new();
    flatten(&tree, 0, &mut out);
    Ok(out)
}

fn flatten(tree: &FrameTree, depth: usize, out: &mut Vec<FrameRef>) {
    out.push(FrameRef {
        id: tree.frame.id.clone(),
        url: tree.frame.url.clone(),
        depth,
    });
    for child in tree.child_frames.iter().flatten() {
        flatten(child, depth + 1, out);
    }
}

/// ragtime's world in `frame`, created on first use.
pub async fn world(page: &Page, frame: &FrameId) -> Result<ExecutionContextId, FrameError> {
    let params = CreateIsolatedWorldParams::builder()
        .frame_id(frame.clone())
        .world_name(WORLD)
        .build()
        .map_err(FrameError::Cdp)?;
    Ok(page
        .execute(params)
        .await
        .map_err(cdp)?
        .result
        .execution_context_id)
}

/// Calls `function` (a JavaScript function expression) with `args` in `context` and
/// returns its (awaited) result.
pub async fn call<T: DeserializeOwned>(
    page: &Page,
    context: ExecutionContextId,
    function: &str,
    args: &[Value],
) -> Result<T, FrameError> {
    let list: Vec<String> = args.iter().map(Value::to_string).collect();
    let params = EvaluateParams::builder()
        .expression(format!("({function})({})", list.join(", ")))
        .context_id(context)
        .return_by_value(true)
        .await_promise(true)
        .build()
        .map_err(FrameError::Cdp)?;
    let answer = page.execute(params).await.map_err(cdp)?.result;
    if let Some(thrown) = answer.exception_details {
        let text = thrown
            .exception
            .and_then(|e| e.description)
            .unwrap_or(thrown.text);
        return Err(FrameError::Script(text));
    }
    let value = answer.result.value.unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| FrameError::Result(e.to_string()))
}

/// Where `frame`'s viewport starts in the main frame's viewport (CSS pixels): the
/// content box of the element that holds it. The main frame is at (0, 0).
pub async fn offset(page: &Page, frame: &FrameRef) -> Result<(f64, f64), FrameError> {
    if frame.depth == 0 {
        return Ok((0.0, 0.0));
    }
    let owner = page
        .execute(GetFrameOwnerParams::new(frame.id.clone()))
        .await
        .map_err(cdp)?
        .result;
    let model = page
        .execute(
            GetBoxModelParams::builder()
                .backend_node_id(owner.backend_node_id)
                .build(),
        )
        .await
        .map_err(cdp)?
        .result
        .model;
    let quad = model.content.inner();
    match (quad.first(), quad.get(1)) {
        (Some(x), Some(y)) => Ok((*x, *y)),
        _ => Err(FrameError::Result(
            "the frame's box has no corners".to_string(),
        )),
    }
}

/// ragtime's world in the page's main frame.
pub async fn main_world(page: &Page) -> Result<ExecutionContextId, FrameError> {
    let all = frames(page).await?;
    let main = all
        .first()
        .ok_or_else(|| FrameError::Result("the page has no frame".to_string()))?;
    world(page, &main.id).await
}

/// An element of the last observation, by number: which frame and world it lives
/// in, so `click_element` reaches it there. Kept here, beside the frames, so the
/// browser context (which holds the last observation) and the observer share it
/// without importing each other.
#[derive(Debug, Clone)]
pub(crate) struct ObservedElement {
    pub frame: FrameRef,
    pub world: ExecutionContextId,
    /// Its index among the frame's observed elements.
    pub index: usize,
    pub label: String,
}
