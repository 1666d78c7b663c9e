//! The egress gate: an HTTP proxy on loopback that Chromium must use for everything.
//!
//! Chromium is started with this proxy for every connection (`<-loopback>` included),
//! and each attempt's browser context gets a listener of its own, so a refusal is
//! known to belong to the attempt that caused it. `CONNECT` (HTTPS, `wss:`) and plain
//! HTTP (`http:`, `ws:`) are both checked the same way: resolve the name once, check
//! every address, connect to exactly the address checked (the shape of
//! stripe/smokescreen). Nothing is decrypted. Pop-ups, frames of any origin, workers,
//! WebSockets, beacons and prefetches all arrive here by construction.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, Request, Response, StatusCode, Uri};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::policy::{EgressPolicy, Refused};

type Body = BoxBody<Bytes, hyper::Error>;

/// The refusals one listener made, in order; readers take what is new since a mark.
#[derive(Debug, Default)]
pub struct RefusalLog {
    refused: std::sync::Mutex<Vec<Refused>>,
}

impl RefusalLog {
    fn push(&self, refused: Refused) {
        self.lock().push(refused);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Refused>> {
        self.refused.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A mark to read later refusals from.
    pub fn mark(&self) -> usize {
        self.lock().len()
    }

    /// Every refusal made after `mark`.
    pub fn since(&self, mark: usize) -> Vec<Refused> {
        self.lock()
            .get(mark..)
            .map(<[Refused]>::to_vec)
            .unwrap_or_default()
    }

    /// How many requests were refused in all.
    pub fn count(&self) -> usize {
        self.mark()
    }
}

/// The header a refusal carries, so a caller can tell the gate's 403 from a site's.
pub const REFUSED_HEADER: &str = "x-ragtime-egress";

/// Opens gate listeners that all apply one policy.
#[derive(Clone)]
pub struct EgressGate {
    policy: Arc<EgressPolicy>,
    connect_timeout: Duration,
}

impl EgressGate {
    /// A gate applying `policy`, with a 10-second timeout for connecting upstream.
    pub fn new(policy: Arc<EgressPolicy>) -> EgressGate {
        EgressGate {
            policy,
            connect_timeout: Duration::from_secs(10),
        }
    }

    /// The policy every listener of this gate applies.
    pub fn policy(&self) -> &Arc<EgressPolicy> {
        &self.policy
    }

    /// A new listener on a free loopback port, with its own log of refusals. It stops,
    /// with every connection it carries, when dropped.
    pub async fn listen(&self) -> std::io::Result<GateListener> {
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let addr = listener.local_addr()?;
        let stop = CancellationToken::new();
        let refusals = Arc::new(RefusalLog::default());
        let shared = Arc::new(Connection {
            policy: Arc::clone(&self.policy),
            connect_timeout: self.connect_timeout,
            refusals: Arc::clone(&refusals),
            stop: stop.clone(),
        });
        let accepting = stop.clone();
        tokio::spawn(async move {
            loop {
                let accepted = tokio::select! {
                    () = accepting.cancelled() => break,
                    accepted = listener.accept() => accepted,
                };
                match accepted {
                    Ok((stream, _)) => {
                        let shared = Arc::clone(&shared);
                        tokio::spawn(async move {
                            let stop = shared.stop.clone();
                            tokio::select! {
                                () = stop.cancelled() => {}
                                () = serve(stream, shared) => {}
                            }
                        });
                    }
                    Err(err) => {
                        tracing::debug!(error = %err, "egress gate: accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
        });
        Ok(GateListener {
            addr,
            stop,
            refusals,
            policy: Arc::clone(&self.policy),
        })
    }
}

/// One listening port of the gate.
pub struct GateListener {
    addr: SocketAddr,
    stop: CancellationToken,
    refusals: Arc<RefusalLog>,
    policy: Arc<EgressPolicy>,
}

impl GateListener {
    /// What this listener refused so far.
    pub fn refusals(&self) -> &Arc<RefusalLog> {
        &self.refusals
    }

    /// The policy this listener applies.
    pub fn policy(&self) -> &Arc<EgressPolicy> {
        &self.policy
    }

    /// The loopback address the listener accepts on; Chromium's `--proxy-server` points
    /// here.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The value for Chromium's `--proxy-server` or a context's `proxyServer`.
    pub fn proxy_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for GateListener {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

/// What every connection of one listener shares.
struct Connection {
    policy: Arc<EgressPolicy>,
    connect_timeout: Duration,
    refusals: Arc<RefusalLog>,
    stop: CancellationToken,
}

async fn serve(stream: TcpStream, shared: Arc<Connection>) {
    let service = service_fn(move |request| {
        let shared = Arc::clone(&shared);
        async move { Ok::<_, Infallible>(shared.handle(request).await) }
    });
    let served = hyper::server::conn::http1::Builder::new()
        .preserve_header_case(true)
        .title_case_headers(true)
        .serve_connection(TokioIo::new(stream), service)
        .with_upgrades()
        .await;
    if let Err(err) = served {
        tracing::debug!(error = %err, "egress gate: connection ended");
    }
}

fn text(status: StatusCode, body: String) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::from(body)).map_err(|e| match e {}).boxed());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

impl Connection {
    async fn handle(&self, request: Request<Incoming>) -> Response<Body> {
        if request.method() == Method::CONNECT {
            self.tunnel(request).await
        } else {
            self.forward(request).await
        }
    }

    fn refuse(&self, refused: Refused) -> Response<Body> {
        tracing::info!(target = %refused.target, reason = %refused.reason, "egress gate refused a request");
        metrics::counter!(crate::policy::EGRESS_REFUSALS).increment(1);
        let body = format!("refused by ragtime's egress gate: {refused}\n");
        self.refusals.push(refused);
        let mut response = text(StatusCode::FORBIDDEN, body);
        response
            .headers_mut()
            .insert(REFUSED_HEADER, HeaderValue::from_static("refused"));
        response
    }

    /// Resolves once, checks every address, and connects to the first that answers.
    async fn connect(
        &self,
        target: &str,
        host: &str,
        port: u16,
    ) -> Result<TcpStream, Response<Body>> {
        let addrs = match self.policy.resolve(host, port).await {
            Ok(addrs) => addrs,
            Err(reason) => return Err(self.refuse(Refused::new(target, reason))),
        };
        let mut last = String::from("no address");
        for addr in addrs {
            match tokio::time::timeout(self.connect_timeout, TcpStream::connect(addr)).await {
                Ok(Ok(stream)) => return Ok(stream),
                Ok(Err(err)) => last = format!("{addr}: {err}"),
                Err(_) => last = format!("{addr}: no answer within {:?}", self.connect_timeout),
            }
        }
        Err(text(
            StatusCode::BAD_GATEWAY,
            format!("cannot connect to {target}: {last}\n"),
        ))
    }

    /// `CONNECT host:port`: a tunnel for HTTPS and `wss:`.
    async fn tunnel(&self, request: Request<Incoming>) -> Response<Body> {
        let Some(authority) = request.uri().authority().cloned() else {
            return text(StatusCode::BAD_REQUEST, "CONNECT needs host:port\n".into());
        };
        let target = authority.as_str().to_string();
        let Some(port) = authority.port_u16() else {
            return self.refuse(Refused::new(&target, "CONNECT without a port"));
        };
        let mut upstream = match self.connect(&target, authority.host(), port).await {
            Ok(stream) => stream,
            Err(response) => return response,
        };
        let stop = self.stop.clone();
        tokio::spawn(async move {
            match hyper::upgrade::on(request).await {
                Ok(upgraded) => {
                    let mut client = TokioIo::new(upgraded);
                    tokio::select! {
                        () = stop.cancelled() => {}
                        _ = tokio::io::copy_bidirectional(&mut client, &mut upstream) => {}
                    }
                }
                Err(err) => tracing::debug!(error = %err, "egress gate: tunnel not upgraded"),
            }
        });
        Response::new(BoxBody::default())
    }

    /// A plain `http:` (or `ws:`) request in absolute form.
    async fn forward(&self, mut request: Request<Incoming>) -> Response<Body> {
        let target = request.uri().to_string();
        let url = match Url::parse(&target) {
            Ok(url) if url.scheme() == "http" => url,
            _ => {
                return text(
                    StatusCode::BAD_REQUEST,
                    "this is an HTTP proxy: send http:// URLs in absolute form, or CONNECT\n"
                        .into(),
                );
            }
        };
        if let Err(refused) = self.policy.check_url(&url) {
            return self.refuse(refused);
        }
        let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
            return self.refuse(Refused::new(&target, "no host"));
        };
        let upstream = match self.connect(&target, host, port).await {
            Ok(stream) => stream,
            Err(response) => return response,
        };
        let (mut sender, connection) = match hyper::client::conn::http1::Builder::new()
            .preserve_header_case(true)
            .title_case_headers(true)
            .handshake::<_, Incoming>(TokioIo::new(upstream))
            .await
        {
            Ok(pair) => pair,
            Err(err) => return text(StatusCode::BAD_GATEWAY, format!("{target}: {err}\n")),
        };
        let stop = self.stop.clone();
        tokio::spawn(async move {
            tokio::select! {
                () = stop.cancelled() => {}
                _ = connection.with_upgrades() => {}
            }
        });
        let client_upgrade = hyper::upgrade::on(&mut request);
        let upgrading = is_upgrade(request.headers());
        strip_hop_by_hop(request.headers_mut(), upgrading);
        let origin_form = request
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .parse::<Uri>();
        match origin_form {
            Ok(uri) => *request.uri_mut() = uri,
            Err(err) => return text(StatusCode::BAD_REQUEST, format!("{err}\n")),
        }
        let mut response = match sender.send_request(request).await {
            Ok(response) => response,
            Err(err) => return text(StatusCode::BAD_GATEWAY, format!("{target}: {err}\n")),
        };
        if response.status() == StatusCode::SWITCHING_PROTOCOLS {
            let server_upgrade = hyper::upgrade::on(&mut response);
            let stop = self.stop.clone();
            tokio::spawn(async move {
                if let (Ok(client), Ok(server)) = (client_upgrade.await, server_upgrade.await) {
                    let (mut client, mut server) = (TokioIo::new(client), TokioIo::new(server));
                    tokio::select! {
                        () = stop.cancelled() => {}
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                    }
                }
            });
        } else {
            strip_hop_by_hop(response.headers_mut(), false);
        }
        response.map(BodyExt::boxed)
    }
}

fn is_upgrade(headers: &HeaderMap) -> bool {
    headers.contains_key(header::UPGRADE)
        && headers
            .get_all(header::CONNECTION)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case("upgrade"))
}

/// Removes the headers that belong to one hop (RFC 9110 section 7.6.1), and the proxy's
/// own; an upgrade keeps `Connection: upgrade` and `Upgrade`.
fn strip_hop_by_hop(headers: &mut HeaderMap, upgrading: bool) {
    let listed: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|t| HeaderName::from_bytes(t.trim().as_bytes()).ok())
        .filter(|name| !(upgrading && name == header::UPGRADE))
        .collect();
    for name in listed {
        headers.remove(name);
    }
    for name in [
        "proxy-connection",
        "proxy-authorization",
        "proxy-authenticate",
        "keep-alive",
        "te",
        "trailer",
    ] {
        headers.remove(name);
    }
    if upgrading {
        headers.insert(header::CONNECTION, HeaderValue::from_static("upgrade"));
    } else {
        headers.remove(header::CONNECTION);
        headers.remove(header::UPGRADE);
    }
}
