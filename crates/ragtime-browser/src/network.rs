//! What the attempt's page does on the network, as the tools need to know it: audio
//! responses (a play button that streams), and whether requests are still under way
//! (to tell a settled page from a busy one).
//!
//! Requests that stay open by nature (media streams, WebSockets, event streams) and
//! requests older than [`STALE`] do not keep a page busy: a page with a live ticker or
//! a playing stream must still be able to settle.

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

    /// When a request last started or ended.
    pub fn last_event(&self) -> Option<Instant> {
        self.last_event
    }
}

/// The log, shared.
#[derive(Debug, Clone, Default)]
pub struct SharedLog(Arc<Mutex<NetworkLog>>);

impl SharedLog {
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
    let mut tasks = Vec::new();
    let shared = log.clone();
    tasks.push(tokio::spawn(async move {
        while let Some(event) = started.next().await {
            let mut log = shared.lock();
            let now = Instant::now();
            log.last_event = Some(now);
            if !long_lived(event.r#type.as_ref()) {
                log.open.insert(event.request_id.clone(), now);
            }
        }
    }));
    let shared = log.clone();
    tasks.push(tokio::spawn(async move {
        loop {
            let ended = tokio::select! {
                Some(event) = finished.next() => event.request_id.clone(),
                Some(event) = failed.next() => event.request_id.clone(),
                else => break,
            };
            let mut log = shared.lock();
            log.open.remove(&ended);
            log.last_event = Some(Instant::now());
        }
    }));
    let shared = log.clone();
    tasks.push(tokio::spawn(async move {
        while let Some(event) = responses.next().await {
            let mime = event.response.mime_type.to_ascii_lowercase();
            let url = event.response.url.clone();
            if mime.starts_with("audio/") || ragtime_egress::download::looks_like_audio_url(&url) {
                let mut log = shared.lock();
                log.heard.push((url.clone(), mime.clone()));
                if !log.heard_all.iter().any(|(u, _)| *u == url) {
                    log.heard_all.push((url, mime));
                }
            }
        }
    }));
    Ok(tasks)
}
