//! Responses that would stall or swamp a careless client: a body that trickles, one
//! that never ends, an episode page of hundreds of megabytes, and a page that sets a
//! cookie its downloads must not leak. The site's [`SiteLog`] records what was sent
//! and which cookies arrived, so tests can check the client from the server's side.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::mp3::silent_mp3;

/// What the site saw: bytes its endless bodies sent, and the cookies requests carried.
#[derive(Debug, Default)]
pub struct SiteLog {
    streamed: AtomicU64,
    cookies: std::sync::Mutex<Vec<(String, String)>>,
}

impl SiteLog {
    /// Bytes the trickling, endless and huge bodies have sent so far.
    pub fn streamed_bytes(&self) -> u64 {
        self.streamed.load(Ordering::Relaxed)
    }

    /// (host and path, Cookie header) of every audio request that carried cookies.
    pub fn cookies_seen(&self) -> Vec<(String, String)> {
        self.cookies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub(crate) fn saw_cookie(&self, headers: &HeaderMap, path: &str) {
        let Some(cookie) = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()) else {
            return;
        };
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        self.cookies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((format!("{host}{path}"), cookie.to_string()));
    }
}

/// The size of `/episodes/huge-body`: far more than any page fetch should read.
pub const HUGE_PAGE_BYTES: u64 = 400 * 1024 * 1024;

/// A stream of `chunk`-sized pieces, `every` apart, until `total` bytes (or forever).
fn paced(
    log: Arc<SiteLog>,
    first: Vec<u8>,
    chunk: Bytes,
    every: Duration,
    total: Option<u64>,
) -> Body {
    let state = (log, Some(Bytes::from(first)), 0u64);
    let stream = futures_util::stream::unfold(state, move |(log, first, sent)| {
        let chunk = chunk.clone();
        async move {
            if let Some(first) = first {
                log.streamed
                    .fetch_add(first.len() as u64, Ordering::Relaxed);
                let len = first.len() as u64;
                return Some((Ok::<_, std::io::Error>(first), (log, None, sent + len)));
            }
            if total.is_some_and(|t| sent >= t) {
                return None;
            }
            if !every.is_zero() {
                tokio::time::sleep(every).await;
            }
            log.streamed
                .fetch_add(chunk.len() as u64, Ordering::Relaxed);
            let len = chunk.len() as u64;
            Some((Ok(chunk), (log, None, sent + len)))
        }
    });
    Body::from_stream(stream)
}

/// `/files/{name}` for the hostile bodies.
pub(crate) async fn file(State(log): State<Arc<SiteLog>>, Path(name): Path<String>) -> Response {
    let audio = [(header::CONTENT_TYPE, "audio/mpeg")];
    match name.as_str() {
        // An MP3 that arrives at one byte a second, forever.
        "trickle.mp3" => (
            audio,
            paced(
                log,
                silent_mp3(1),
                Bytes::from_static(&[0]),
                Duration::from_secs(1),
                None,
            ),
        )
            .into_response(),
        // An MP3 that arrives fast and never ends.
        "endless.mp3" => (
            audio,
            paced(
                log,
                silent_mp3(1),
                Bytes::from(vec![0u8; 64 * 1024]),
                Duration::ZERO,
                None,
            ),
        )
            .into_response(),
        _ => (axum::http::StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

/// An episode page of [`HUGE_PAGE_BYTES`] whose audio is named in its head.
pub(crate) async fn huge_page(State(log): State<Arc<SiteLog>>) -> Response {
    let head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Episode: the endless notes</title>\
                <meta property=\"og:audio\" content=\"/audio/huge-body.mp3\"></head><body><h1>The endless notes</h1>";
    let filler = Bytes::from(
        "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n".repeat(1024),
    );
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        paced(
            log,
            head.as_bytes().to_vec(),
            filler,
            Duration::ZERO,
            Some(HUGE_PAGE_BYTES),
        ),
    )
        .into_response()
}

/// An ordinary episode page whose audio is `/files/trickle.mp3`: the pipeline finds
/// the URL at once, and its download is what stalls.
pub(crate) async fn slow_audio_page() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!doctype html><html lang=\"en\"><head><title>Episode: slow audio</title>\
         <meta property=\"og:audio\" content=\"/files/trickle.mp3\"></head><body><h1>Slow audio</h1></body></html>",
    )
        .into_response()
}
