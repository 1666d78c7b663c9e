//! Waiting on a page by its events, not by fixed sleeps.
//!
//! `navigate` starts the navigation from the page (`location.href`) and follows the
//! main frame's lifecycle events for the new document: `DOMContentLoaded`, then `load`
//! for at most a short while. chromiumoxide's own `goto` (and any `Page.navigate` sent
//! through it) waits until every frame reports `load`, which a frame the browser
//! refused, such as an `<iframe src=file:...>`, never does.

use std::time::Duration;

use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::page::{EventFrameNavigated, EventLifecycleEvent};
use futures_util::StreamExt;

/// How long to wait for `load` once the document itself has arrived.
const LOAD_GRACE: Duration = Duration::from_secs(3);

/// Why a navigation could not even start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NavigateError(String);

/// Opens `url` in `page` and returns once its new document has loaded, or once the
/// grace period after its `DOMContentLoaded` is over. A navigation that fails lands
/// on Chromium's error page, which loads like any other: the caller reads the URL.
pub async fn navigate(page: &Page, url: &str) -> Result<(), NavigateError> {
    let cdp = |e: chromiumoxide::error::CdpError| NavigateError(e.to_string());
    let mut committed = page
        .event_listener::<EventFrameNavigated>()
        .await
        .map_err(cdp)?;
    let mut lifecycle = page
        .event_listener::<EventLifecycleEvent>()
        .await
        .map_err(cdp)?;
    let target = serde_json::to_string(url).map_err(|e| NavigateError(e.to_string()))?;
    page.evaluate_expression(format!("location.href = {target}"))
        .await
        .map_err(cdp)?;
    let frame = loop {
        match committed.next().await {
            Some(event) if event.frame.parent_id.is_none() => break event.frame.clone(),
            Some(_) => {}
            None => return Err(NavigateError("the page went away".to_string())),
        }
    };
    let ours = |e: &EventLifecycleEvent| e.frame_id == frame.id && e.loader_id == frame.loader_id;
    loop {
        match lifecycle.next().await {
            Some(event) if ours(&event) && event.name == "load" => return Ok(()),
            Some(event) if ours(&event) && event.name == "DOMContentLoaded" => break,
            Some(_) => {}
            None => return Err(NavigateError("the page went away".to_string())),
        }
    }
    let _ = tokio::time::timeout(LOAD_GRACE, async {
        while let Some(event) = lifecycle.next().await {
            if ours(&event) && event.name == "load" {
                return;
            }
        }
    })
    .await;
    Ok(())
}
