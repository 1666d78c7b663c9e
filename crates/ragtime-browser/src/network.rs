//! What the attempt's page does on the network, as the tools need to know it: audio
//! responses (a play button that streams), and whether requests are still under way
//! (to tell a settled page from a busy one).
//!
//! Requests that stay open by nature (media streams, event streams, pings) keep a page
//! busy only until they answer, and no request older than [`STALE`] does: a page with
//! a live ticker or a playing stream must still be able to settle, yet a play button's
//! stream is heard before the click counts as done.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::network::{
    EventLoadingFailed, EventLoadingFinished, EventRequestWillBeSent, EventResponseReceived,
    RequestId, ResourceType,
};
use futures_util::StreamExt;
use tokio::task::JoinHandle;

/// A request still open after this long is background traffic, not loading.
const STALE: Duration = Duration::from_secs(2);

/// A response of the page that was audio: (url, mime type).
pub type HeardAudio = (String, String);

/// The page's network activity, shared by the event watchers and the tools.
#[derive(Debug, Default)]
pub struct NetworkLog {
    /// Audio responses not yet taken by a tool.
    pub heard: Vec<HeardAudio>,
    /// Every audio response of the attempt, for `find_audio_links`.
    pub heard_all: Vec<HeardAudio>,
    open: HashMap<RequestId, Instant>,
    last_event: Option<Instant>,
}

impl NetworkLog {
    /// Requests that keep the page busy: open, recent, and not long-lived by nature.
    pub fn loading(&self, now: Instant) -> usize {
        self.open
            .values()
            .filter(|started| now.duration_since(**started) < STALE)
            .count()
    }

    fn ended(&mut self, request: &RequestId) {
        self.open.remove(request);
        self.last_event = Some(Instant::now());
    }

    /// When a request last started or ended.
    pub fn last_event(&self) -> Option<Instant> {
        self.last_event
    }
}

/// The log, shared.
#[derive(Debug, Clone, Default)]
pub struct SharedLog(Arc<Mutex<NetworkLog>>);

impl SharedLog {
    /// Locks the log, taking it over if a panicking holder poisoned the lock.
    pub fn lock(&self) -> MutexGuard<'_, NetworkLog> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn long_lived(kind: Option<&ResourceType>) -> bool {
    matches!(
        kind,
        Some(
            ResourceType::Media
                | ResourceType::WebSocket
                | ResourceType::EventSource
                | ResourceType::Ping
        )
    )
}

/// Starts the watchers that keep `log` up to date for `page`.
pub async fn watch(
    page: &Page,
    log: &SharedLog,
) -> Result<Vec<JoinHandle<()>>, chromiumoxide::error::CdpError> {
    let mut started = page.event_listener::<EventRequestWillBeSent>().await?;
    let mut finished = page.event_listener::<EventLoadingFinished>().await?;
    let mut failed = page.event_listener::<EventLoadingFailed>().await?;
    let mut responses = page.event_listener::<EventResponseReceived>().await?;
    let shared = log.clone();
    // One task, earliest kind of event first: Chromium sends a request's start before
    // its response and its end, so a start that is ready is always taken first and an
    // end never arrives for a request not yet recorded.
    let task = tokio::spawn(async move {
        loop {
            tokio::select! {
                biased;
                Some(event) = started.next() => {
                    let mut log = shared.lock();
                    let now = Instant::now();
                    log.last_event = Some(now);
                    log.open.insert(event.request_id.clone(), now);
                }
                Some(event) = responses.next() => {
                    let mut log = shared.lock();
                    // A stream is loaded once it answers: its body may never end.
                    if long_lived(Some(&event.r#type)) {
                        log.open.remove(&event.request_id);
                    }
                    let mime = event.response.mime_type.to_ascii_lowercase();
                    let url = event.response.url.clone();
                    if mime.starts_with("audio/") || ragtime_egress::download::looks_like_audio_url(&url) {
                        log.heard.push((url.clone(), mime.clone()));
                        if !log.heard_all.iter().any(|(u, _)| *u == url) {
                            log.heard_all.push((url, mime));
                        }
                    }
                }
                Some(event) = finished.next() => shared.lock().ended(&event.request_id),
                Some(event) = failed.next() => shared.lock().ended(&event.request_id),
                else => break,
            }
        }
    });
    Ok(vec![task])
}
