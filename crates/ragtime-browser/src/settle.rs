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

/// How long a document's changes must have been watched before it may count as still.
const MIN_WATCH_MS: f64 = 60.0;

/// How much longer than the settle cap one look at a frame may take.
const ANSWER_GRACE: Duration = Duration::from_millis(500);

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

/// How long a page must be still to count as settled, and the longest wait for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettleLimits {
    /// How long nothing may change before the page counts as settled.
    pub quiet: Duration,
    /// The longest wait, settled or not.
    pub cap: Duration,
}

/// How a wait for the page ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// Nothing moved since the action, or nothing for the quiet window after it did.
    Quiet(Duration),
    /// Audio was heard on the network (a watched click stops there).
    Audio(Duration),
    /// Still changing when the cap was reached.
    Busy(Duration),
}

impl Settled {
    /// How the wait ended, as a clause for a step's output ("the page settled after 120
    /// ms").
    pub fn describe(self) -> String {
        match self {
            Settled::Quiet(d) => format!("the page settled after {} ms", d.as_millis()),
            Settled::Audio(d) => format!("audio was heard after {} ms", d.as_millis()),
            Settled::Busy(d) => format!("the page was still changing after {} ms", d.as_millis()),
        }
    }
}

#[derive(serde::Deserialize)]
struct Activity {
    watching: f64,
    idle: f64,
    before: bool,
    after: bool,
    animations: u32,
    hidden: bool,
}

/// Waits until the page is quiet after an action that ran from `started` to `since`.
/// In `worlds` (ragtime's world of the frames that matter, the page's main frame
/// first, followed into a new document when the action navigated) the DOM must not
/// have changed after the action, or not for `limits.quiet` since it last did; a page
/// that was changing already before the action (a ticker, a progress bar) must be
/// still for `limits.quiet`. No request may be loading and no finite animation
/// running. Looks first once the tasks already queued have run (a click's handlers),
/// then once every animation frame; gives up at `limits.cap`. With `watch_audio`,
/// returns as soon as audio is heard on the network.
pub async fn settle(
    browser: &crate::pool::AttemptBrowser,
    page: &Page,
    worlds: &[chromiumoxide::cdp::js_protocol::runtime::ExecutionContextId],
    (started, since): (std::time::Instant, std::time::Instant),
    limits: SettleLimits,
    watch_audio: bool,
) -> Settled {
    let quiet_ms = limits.quiet.as_millis() as f64;
    let activity_script = crate::scripts::activity();
    let mut first = true;
    let mut brought_to_front = false;
    let mut worlds = worlds.to_vec();
    loop {
        let elapsed = since.elapsed();
        let heard = !browser.network().heard.is_empty();
        if watch_audio && heard {
            return Settled::Audio(elapsed);
        }
        if elapsed >= limits.cap {
            return Settled::Busy(elapsed);
        }
        let mut still = true;
        let mut gone = Vec::new();
        for (i, world) in worlds.iter().enumerate() {
            let ago = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1e3;
            let args = [
                serde_json::json!(!first),
                serde_json::json!(ago(started)),
                serde_json::json!(ago(since)),
                serde_json::json!(quiet_ms),
            ];
            // A renderer too busy to answer within the cap is not still either.
            let remaining = limits.cap.saturating_sub(since.elapsed()) + ANSWER_GRACE;
            let activity: Result<Activity, _> = match tokio::time::timeout(
                remaining,
                crate::frames::call(page, *world, &activity_script, &args),
            )
            .await
            {
                Ok(answer) => answer,
                Err(_) => return Settled::Busy(since.elapsed()),
            };
            // The document was replaced (the action navigated): follow the page's new
            // one; a frame's is not followed.
            let Ok(activity) = activity else {
                gone.push(i);
                still = false;
                continue;
            };
            let changing = (activity.after || activity.before) && activity.idle < quiet_ms;
            // A document just loaded has no past yet: watch it a moment before
            // calling it still (a ticker, a player mounting).
            let unknown = activity.watching < MIN_WATCH_MS;
            // A popup took the front: a page in the background neither draws nor
            // lazy-loads, so bring the attempt's page back.
            if i == 0 && activity.hidden && !brought_to_front {
                brought_to_front = true;
                if let Err(err) = page.bring_to_front().await {
                    tracing::debug!(error = %err, "could not bring the page to the front");
                }
            }
            if activity.animations > 0 || changing || unknown {
                still = false;
            }
        }
        for i in gone.into_iter().rev() {
            let replaced = if i == 0 {
                crate::frames::main_world(page).await.ok()
            } else {
                None
            };
            match replaced {
                Some(world) => worlds[i] = world,
                None => {
                    worlds.remove(i);
                }
            }
        }
        let loading = {
            let network = browser.network();
            let now = std::time::Instant::now();
            let recent_request = network
                .last_event()
                .is_some_and(|at| at > since && now.duration_since(at) < limits.quiet);
            network.loading(now) > 0 || recent_request
        };
        if loading {
            still = false;
        }
        if still {
            return Settled::Quiet(since.elapsed());
        }
        first = false;
        if worlds.is_empty() {
            tokio::time::sleep(Duration::from_millis(16)).await;
        }
    }
}

/// Waits up to `max` for the page to change at all (its DOM in `world`, or a request
/// starting), for a page that renders late: a player mounted by a timer, a frame that
/// loads after scrolling. Returns whether it changed.
pub async fn wait_for_change(
    browser: &crate::pool::AttemptBrowser,
    page: &Page,
    world: chromiumoxide::cdp::js_protocol::runtime::ExecutionContextId,
    max: Duration,
) -> bool {
    let started = std::time::Instant::now();
    let script = crate::scripts::activity();
    while started.elapsed() < max {
        let ago = started.elapsed().as_secs_f64() * 1e3;
        let args = [
            serde_json::json!(true),
            serde_json::json!(ago),
            serde_json::json!(ago),
            serde_json::json!(0),
        ];
        let changed = crate::frames::call::<Activity>(page, world, &script, &args)
            .await
            .is_ok_and(|a| a.after);
        let requested = browser
            .network()
            .last_event()
            .is_some_and(|at| at > started);
        if changed || requested {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}
