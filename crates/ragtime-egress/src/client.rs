//! `EgressClient`: ragtime's own HTTP requests (page fetches, downloads), sent through
//! a gate listener like the browser's, and bounded in time, rate and size.
//!
//! The reqwest client uses the listener as its proxy and never resolves a name itself,
//! so the gate's one check covers it too. Redirects are followed here, hop by hop, so
//! each hop gets the cookies a browser would send to it and its own refusal.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use reqwest::header::{COOKIE, LOCATION};
use tokio::time::Instant;
use url::Url;

use crate::policy::Refused;
use crate::proxy::{EgressGate, GateListener, REFUSED_HEADER};

/// How long, how slow and how large one fetch may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    /// From sending the request to the last byte of the body.
    pub deadline: Duration,
    /// A body that arrives slower than this (bytes per second), measured over
    /// `rate_window`, is cut off.
    pub min_rate: u64,
    /// The window `min_rate` is measured over.
    pub rate_window: Duration,
    /// Largest body accepted.
    pub max_bytes: u64,
}

/// Why a fetch did not produce a (whole) response.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The egress policy refused the URL or a redirect target.
    #[error("blocked: {0}")]
    Blocked(Refused),
    /// The whole fetch took longer than its deadline.
    #[error("not complete within the fetch deadline of {0}")]
    Deadline(String),
    /// The body came slower than the minimum rate.
    #[error("{0}")]
    Stalled(String),
    /// The body was larger than the limit.
    #[error("{0}")]
    TooLarge(String),
    /// A redirect without a usable `Location`, or too many redirects.
    #[error("{0}")]
    Redirect(String),
    /// The connection failed or broke.
    #[error("{0}")]
    Network(String),
}

/// Cookies for a URL, as the browser would send them there.
#[async_trait::async_trait]
pub trait CookieSource: Send + Sync {
    /// The `Cookie` header value for `url`, if any cookie applies.
    async fn cookie_header(&self, url: &Url) -> Option<String>;
}

/// An HTTP client whose every connection passes the egress gate.
#[derive(Clone)]
pub struct EgressClient {
    client: reqwest::Client,
    listener: Arc<GateListener>,
}

const MAX_REDIRECTS: usize = 10;

/// A reqwest client builder whose TLS has a crypto provider: ring, made the process's
/// default the first time (reqwest is built without one, so that one TLS library is
/// compiled). Every reqwest client of the program, and of its tests, starts here.
pub fn client_builder() -> reqwest::ClientBuilder {
    // An error means a provider is installed already, which is all that is needed.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
}

impl EgressClient {
    /// A client with a gate listener of its own.
    pub async fn new(gate: &EgressGate) -> Result<EgressClient, std::io::Error> {
        let listener = Arc::new(gate.listen().await?);
        EgressClient::through(listener)
    }

    /// A client through an existing listener (an attempt's, shared with its browser).
    pub fn through(listener: Arc<GateListener>) -> Result<EgressClient, std::io::Error> {
        let proxy = reqwest::Proxy::all(listener.proxy_url()).map_err(std::io::Error::other)?;
        let client = client_builder()
            .proxy(proxy)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("ragtime/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(std::io::Error::other)?;
        Ok(EgressClient { client, listener })
    }

    /// The gate listener every request of this client goes through; its refusal log is the
    /// attempt's.
    pub fn listener(&self) -> &Arc<GateListener> {
        &self.listener
    }

    /// GETs `url`, following up to ten redirects, each hop checked by the gate and
    /// sent the cookies `cookies` gives for it. The response's status is not judged.
    pub async fn get(
        &self,
        url: &Url,
        cookies: Option<&dyn CookieSource>,
        limits: FetchLimits,
    ) -> Result<Fetched, FetchError> {
        let deadline = Instant::now() + limits.deadline;
        let mut hops = vec![url.clone()];
        loop {
            let hop = hops.last().cloned().unwrap_or_else(|| url.clone());
            self.listener
                .policy()
                .admit(&hop)
                .map_err(FetchError::Blocked)?;
            let mut request = self.client.get(hop.clone());
            if let Some(source) = cookies
                && let Some(header) = source.cookie_header(&hop).await
            {
                request = request.header(COOKIE, header);
            }
            let mark = self.listener.refusals().mark();
            let sent = tokio::time::timeout_at(deadline, request.send()).await;
            let response = match sent {
                Err(_) => return Err(FetchError::Deadline(human(limits.deadline))),
                Ok(Err(err)) => {
                    return Err(self
                        .refusal_since(mark, &hop)
                        .map(FetchError::Blocked)
                        .unwrap_or_else(|| FetchError::Network(err.without_url().to_string())));
                }
                Ok(Ok(response)) => response,
            };
            if response.headers().contains_key(REFUSED_HEADER)
                && let Some(refused) = self.refusal_since(mark, &hop)
            {
                return Err(FetchError::Blocked(refused));
            }
            if !response.status().is_redirection() {
                return Ok(Fetched {
                    response: Some(response),
                    hops,
                    limits,
                    deadline,
                });
            }
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| {
                    FetchError::Redirect(format!(
                        "HTTP {} without a Location from {hop}",
                        response.status()
                    ))
                })?;
            let next = hop
                .join(location)
                .map_err(|e| FetchError::Redirect(format!("bad redirect from {hop}: {e}")))?;
            if hops.len() > MAX_REDIRECTS {
                return Err(FetchError::Redirect(format!(
                    "more than {MAX_REDIRECTS} redirects, last to {next}"
                )));
            }
            hops.push(next);
        }
    }

    /// POSTs `body` as JSON to `url` with `headers`, following no redirect; the
    /// response (its status not judged) is read within `limits` like any other.
    pub async fn post_json(
        &self,
        url: &Url,
        headers: &[(&str, String)],
        body: Vec<u8>,
        limits: FetchLimits,
    ) -> Result<Fetched, FetchError> {
        let deadline = Instant::now() + limits.deadline;
        self.listener
            .policy()
            .admit(url)
            .map_err(FetchError::Blocked)?;
        let mut request = self
            .client
            .post(url.clone())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, value.as_str());
        }
        let mark = self.listener.refusals().mark();
        let response = match tokio::time::timeout_at(deadline, request.send()).await {
            Err(_) => return Err(FetchError::Deadline(human(limits.deadline))),
            Ok(Err(err)) => {
                return Err(self
                    .refusal_since(mark, url)
                    .map(FetchError::Blocked)
                    .unwrap_or_else(|| FetchError::Network(err.without_url().to_string())));
            }
            Ok(Ok(response)) => response,
        };
        if response.headers().contains_key(REFUSED_HEADER)
            && let Some(refused) = self.refusal_since(mark, url)
        {
            return Err(FetchError::Blocked(refused));
        }
        Ok(Fetched {
            response: Some(response),
            hops: vec![url.clone()],
            limits,
            deadline,
        })
    }

    /// The gate's refusal of this hop since `mark`, if it refused one.
    fn refusal_since(&self, mark: usize, hop: &Url) -> Option<Refused> {
        let authority = authority(hop);
        let refused = self.listener.refusals().since(mark);
        refused
            .iter()
            .find(|r| {
                Url::parse(&r.target)
                    .map_or(r.target == authority, |u| self::authority(&u) == authority)
            })
            .or(refused.first())
            .cloned()
    }
}

fn authority(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

fn human(d: Duration) -> String {
    humantime::format_duration(d).to_string()
}

/// A response whose body is read within the fetch's limits.
pub struct Fetched {
    response: Option<reqwest::Response>,
    /// The requested URL, then every redirect target; the last one answered.
    pub hops: Vec<Url>,
    limits: FetchLimits,
    deadline: Instant,
}

impl Fetched {
    fn response(&self) -> Result<&reqwest::Response, FetchError> {
        self.response
            .as_ref()
            .ok_or_else(|| FetchError::Network("the body was already read".to_string()))
    }

    /// The HTTP status of the last hop (500 when the response is gone).
    pub fn status(&self) -> reqwest::StatusCode {
        self.response
            .as_ref()
            .map_or(reqwest::StatusCode::INTERNAL_SERVER_ERROR, |r| r.status())
    }

    /// The URL that answered.
    pub fn final_url(&self) -> &Url {
        self.hops.last().unwrap_or_else(|| unreachable_hop())
    }

    /// The `Content-Type` without parameters, lower case.
    pub fn content_type(&self) -> Option<String> {
        let response = self.response().ok()?;
        response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
    }

    /// A response header's value, when it is text.
    pub fn header(&self, name: &str) -> Option<String> {
        self.response()
            .ok()?
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// The `Content-Length` the server declared, if any; the body limit is enforced
    /// whatever it says.
    pub fn content_length(&self) -> Option<u64> {
        self.response()
            .ok()
            .and_then(reqwest::Response::content_length)
    }

    /// The body as a stream of checked chunks: ends with an error past the deadline,
    /// below the minimum rate, or over the size cap.
    pub fn body(mut self) -> BodyReader {
        let stream = match self.response.take() {
            Some(response) => response.bytes_stream().boxed(),
            None => futures_util::stream::empty().boxed(),
        };
        let now = Instant::now();
        BodyReader {
            stream,
            limits: self.limits,
            deadline: self.deadline,
            window_start: now,
            window_bytes: 0,
            total: 0,
        }
    }

    /// The body up to the size cap, and whether it was cut there (the rest is not
    /// read); the deadline and the minimum rate still apply.
    pub async fn prefix(self) -> Result<(Vec<u8>, bool), FetchError> {
        let cap = usize::try_from(self.limits.max_bytes).unwrap_or(usize::MAX);
        let mut body = self.body();
        body.limits.max_bytes = u64::MAX;
        let mut out = Vec::new();
        while let Some(chunk) = body.next_chunk().await? {
            let room = cap.saturating_sub(out.len());
            if chunk.len() > room {
                out.extend_from_slice(&chunk[..room]);
                return Ok((out, true));
            }
            out.extend_from_slice(&chunk);
        }
        Ok((out, false))
    }

    /// The whole body, within the limits.
    pub async fn bytes(self) -> Result<Vec<u8>, FetchError> {
        let mut body = self.body();
        let mut out = Vec::new();
        while let Some(chunk) = body.next_chunk().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out)
    }
}

fn unreachable_hop() -> &'static Url {
    static BLANK: std::sync::LazyLock<Url> =
        std::sync::LazyLock::new(|| Url::parse("about:blank").unwrap_or_else(|_| unreachable!()));
    &BLANK
}

/// Reads a body chunk by chunk, enforcing the fetch's limits.
pub struct BodyReader {
    stream: futures_util::stream::BoxStream<'static, reqwest::Result<Bytes>>,
    limits: FetchLimits,
    deadline: Instant,
    window_start: Instant,
    window_bytes: u64,
    total: u64,
}

impl BodyReader {
    /// The next chunk, `None` at the end of the body.
    pub async fn next_chunk(&mut self) -> Result<Option<Bytes>, FetchError> {
        loop {
            let window_end = self.window_start + self.limits.rate_window;
            let wake = window_end.min(self.deadline);
            match tokio::time::timeout_at(wake, self.stream.next()).await {
                Ok(Some(Ok(chunk))) => {
                    self.total += chunk.len() as u64;
                    self.window_bytes += chunk.len() as u64;
                    if self.total > self.limits.max_bytes {
                        return Err(FetchError::TooLarge(format!(
                            "more than the {} byte limit",
                            self.limits.max_bytes
                        )));
                    }
                    self.check_rate()?;
                    return Ok(Some(chunk));
                }
                Ok(Some(Err(err))) => {
                    return Err(FetchError::Network(err.without_url().to_string()));
                }
                Ok(None) => return Ok(None),
                Err(_) if Instant::now() >= self.deadline => {
                    return Err(FetchError::Deadline(human(self.limits.deadline)));
                }
                Err(_) => self.check_rate()?,
            }
        }
    }

    /// Bytes read so far.
    pub fn total(&self) -> u64 {
        self.total
    }

    fn check_rate(&mut self) -> Result<(), FetchError> {
        let elapsed = self.window_start.elapsed();
        if elapsed < self.limits.rate_window {
            return Ok(());
        }
        let floor = u128::from(self.limits.min_rate) * elapsed.as_millis() / 1000;
        if u128::from(self.window_bytes) < floor {
            return Err(FetchError::Stalled(format!(
                "stalled: {} bytes in {}, below the minimum of {} bytes/s",
                self.window_bytes,
                human(Duration::from_millis(
                    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
                )),
                self.limits.min_rate
            )));
        }
        self.window_start = Instant::now();
        self.window_bytes = 0;
        Ok(())
    }
}
