//! An attacker's site and its victim, for the egress gate's tests.
//!
//! The [`Victim`] stands in for an internal service (a metadata endpoint, an admin
//! port): it listens on 127.0.0.1 and `[::1]`, TCP and UDP, and records every
//! connection and datagram it gets. The [`AttackSite`] serves pages on 127.0.0.2 (and
//! one frame on 127.0.0.4, a second site) that try every way a page has to reach the
//! victim. A test allows only the attacker's hosts; the victim must see nothing.
//! Every address here is loopback, so even a failed gate would reach nothing else.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, UdpSocket};
use tokio::task::JoinHandle;

/// A service that must never be reached: it counts what reaches it.
pub struct Victim {
    /// TCP (HTTP and WebSocket) on 127.0.0.1.
    pub v4: SocketAddr,
    /// TCP on `[::1]`, when this machine has IPv6 loopback.
    pub v6: Option<SocketAddr>,
    /// UDP on 127.0.0.1 (a STUN server for WebRTC).
    pub udp: SocketAddr,
    hits: Arc<Mutex<Vec<String>>>,
    tasks: Vec<JoinHandle<()>>,
}

impl Victim {
    /// Starts the victim's listeners on loopback (TCP on 127.0.0.1 and, when there is one,
    /// `[::1]`; UDP on 127.0.0.1) and records from then on.
    pub async fn start() -> std::io::Result<Victim> {
        let hits = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        let v4 = TcpListener::bind("127.0.0.1:0").await?;
        let v4_addr = v4.local_addr()?;
        tasks.push(tokio::spawn(record_tcp(v4, Arc::clone(&hits))));
        let v6_addr = match TcpListener::bind("[::1]:0").await {
            Ok(v6) => {
                let addr = v6.local_addr()?;
                tasks.push(tokio::spawn(record_tcp(v6, Arc::clone(&hits))));
                Some(addr)
            }
            Err(_) => None,
        };
        let udp = UdpSocket::bind("127.0.0.1:0").await?;
        let udp_addr = udp.local_addr()?;
        let udp_hits = Arc::clone(&hits);
        tasks.push(tokio::spawn(async move {
            let mut buf = [0u8; 1500];
            while let Ok((n, from)) = udp.recv_from(&mut buf).await {
                lock(&udp_hits).push(format!("udp datagram of {n} bytes from {from}"));
            }
        }));
        Ok(Victim {
            v4: v4_addr,
            v6: v6_addr,
            udp: udp_addr,
            hits,
            tasks,
        })
    }

    /// Everything that reached the victim so far.
    pub fn hits(&self) -> Vec<String> {
        lock(&self.hits).clone()
    }
}

impl Drop for Victim {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

fn lock(hits: &Mutex<Vec<String>>) -> std::sync::MutexGuard<'_, Vec<String>> {
    hits.lock().unwrap_or_else(|p| p.into_inner())
}

/// Records each connection with the first line it sends, then answers 200.
async fn record_tcp(listener: TcpListener, hits: Arc<Mutex<Vec<String>>>) {
    while let Ok((mut stream, from)) = listener.accept().await {
        let hits = Arc::clone(&hits);
        tokio::spawn(async move {
            let mut buf = [0u8; 512];
            let n = stream.read(&mut buf).await.unwrap_or(0);
            let first = String::from_utf8_lossy(&buf[..n])
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            lock(&hits).push(format!("tcp from {from}: {first}"));
            let _ = tokio::io::AsyncWriteExt::write_all(
                &mut stream,
                b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nvictim",
            )
            .await;
        });
    }
}

/// One attack: the page at `/attack/{name}` and what it tries.
#[derive(Debug, Clone, Copy)]
pub struct Attack {
    /// The attack's name, the last segment of its path.
    pub name: &'static str,
    /// What the page tries, in words, for test output.
    pub about: &'static str,
    /// Whether the page runs script that says `ATTACK DONE` once it has tried.
    pub reports_done: bool,
}

/// Every attack page, in the order a test runs them.
pub const ATTACKS: &[Attack] = &[
    Attack {
        name: "websocket",
        about: "WebSockets from the page (ws: and wss:, IPv4 and IPv6)",
        reports_done: true,
    },
    Attack {
        name: "worker",
        about: "a dedicated worker's WebSocket and fetch",
        reports_done: true,
    },
    Attack {
        name: "shared-worker",
        about: "a shared worker's WebSocket and fetch",
        reports_done: true,
    },
    Attack {
        name: "popup",
        about: "window.open on load",
        reports_done: true,
    },
    Attack {
        name: "popup-link",
        about: "a target=_blank link the agent clicks",
        reports_done: false,
    },
    Attack {
        name: "iframe",
        about: "a cross-site iframe (127.0.0.4) that fetches and opens a WebSocket",
        reports_done: false,
    },
    Attack {
        name: "prefetch",
        about: "link rel=prefetch, preconnect, dns-prefetch, and an image",
        reports_done: false,
    },
    Attack {
        name: "beacon",
        about: "navigator.sendBeacon and an EventSource",
        reports_done: true,
    },
    Attack {
        name: "meta-refresh",
        about: "a meta refresh to the victim",
        reports_done: false,
    },
    Attack {
        name: "redirect",
        about: "a 302 redirect to the victim",
        reports_done: false,
    },
    Attack {
        name: "names",
        about: "the victim by other names: localhost, decimal, hex, IPv4-mapped and -compatible IPv6",
        reports_done: true,
    },
    Attack {
        name: "webrtc",
        about: "WebRTC ICE gathering against a STUN server on the victim (UDP)",
        reports_done: true,
    },
];

/// The attacker's pages on 127.0.0.2, and the second site's frame on 127.0.0.4.
pub struct AttackSite {
    addr: SocketAddr,
    frame_addr: SocketAddr,
    tasks: Vec<JoinHandle<()>>,
}

#[derive(Clone)]
struct Targets {
    /// `127.0.0.1:PORT`
    v4: String,
    /// `[::1]:PORT`, or the IPv4 one when there is no IPv6 loopback.
    v6: String,
    v4_port: u16,
    udp: String,
    frame_origin: String,
}

impl AttackSite {
    /// Starts the attacker's site on 127.0.0.2 and its second site on 127.0.0.4, with pages
    /// aimed at `victim`.
    pub async fn start(victim: &Victim) -> std::io::Result<AttackSite> {
        let site = TcpListener::bind("127.0.0.2:0").await?;
        let frame = TcpListener::bind("127.0.0.4:0").await?;
        let addr = site.local_addr()?;
        let frame_addr = frame.local_addr()?;
        let targets = Targets {
            v4: victim.v4.to_string(),
            v6: victim.v6.unwrap_or(victim.v4).to_string(),
            v4_port: victim.v4.port(),
            udp: victim.udp.to_string(),
            frame_origin: format!("http://{frame_addr}"),
        };
        let router = Router::new()
            .route("/attack/redirect", get(redirect))
            .route("/attack/frame", get(frame_page))
            .route("/attack/{name}", get(page))
            .with_state(targets);
        let mut tasks = Vec::new();
        for listener in [site, frame] {
            let router = router.clone();
            tasks.push(tokio::spawn(async move {
                let _ = axum::serve(listener, router).await;
            }));
        }
        Ok(AttackSite {
            addr,
            frame_addr,
            tasks,
        })
    }

    /// The URL of the page of the attack named `attack`.
    pub fn url(&self, attack: &str) -> String {
        format!("http://{}/attack/{attack}", self.addr)
    }

    /// The `allow_hosts` entries that open the attacker's two sites, and only them.
    pub fn allow_hosts(&self) -> Vec<String> {
        vec![self.addr.to_string(), self.frame_addr.to_string()]
    }
}

impl Drop for AttackSite {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

fn html(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn javascript(body: String) -> Response {
    // Workers are fetched with the page's origin; no CORS header is needed.
    ([(header::CONTENT_TYPE, "text/javascript")], body).into_response()
}

/// A page whose script calls `done()` when every attempt has settled.
fn scripted(title: &str, script: &str) -> Response {
    html(format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>\
         <body><h1>{title}</h1><p id=status>trying</p><script>\
         const done = () => {{ document.getElementById('status').textContent = 'ATTACK DONE'; }};\
         const settle = p => new Promise(r => {{ p.then(r, r); setTimeout(r, 3000); }});\
         const socket = u => settle(new Promise((ok, fail) => {{ try {{ const w = new WebSocket(u); w.onopen = ok; w.onerror = fail; w.onclose = fail; }} catch (e) {{ fail(e); }} }}));\
         const get = u => settle(fetch(u, {{ mode: 'no-cors' }}));\
         {script}</script></body></html>"
    ))
}

async fn page(State(t): State<Targets>, Path(name): Path<String>) -> Response {
    let Targets { v4, v6, .. } = &t;
    match name.as_str() {
        "websocket" => scripted(
            "WebSockets",
            &format!(
                "Promise.all([socket('ws://{v4}/ws'), socket('wss://{v4}/ws'), socket('ws://{v6}/ws')]).then(done);"
            ),
        ),
        "worker" => scripted(
            "Worker",
            "const w = new Worker('/attack/worker.js'); w.onmessage = done; w.onerror = done;",
        ),
        "worker.js" => javascript(format!(
            "{WORKER_TRIES}tried.then(() => postMessage('tried'));",
            WORKER_TRIES = worker_tries(v4)
        )),
        "shared.js" => javascript(format!(
            "{WORKER_TRIES}self.onconnect = e => tried.then(() => e.ports[0].postMessage('tried'));",
            WORKER_TRIES = worker_tries(v4)
        )),
        "shared-worker" => scripted(
            "Shared worker",
            "const s = new SharedWorker('/attack/shared.js'); s.port.onmessage = done; s.onerror = done; s.port.start();",
        ),
        "popup" => scripted(
            "Pop-up",
            &format!("const w = window.open('http://{v4}/popup'); setTimeout(done, 1500);"),
        ),
        "popup-link" => html(format!(
            "<!doctype html><html lang=en><head><title>Pop-up link</title></head><body>\
             <a id=open href=\"http://{v4}/popup-link\" target=\"_blank\">Open the player</a></body></html>"
        )),
        "iframe" => html(format!(
            "<!doctype html><html lang=en><head><title>Frame</title></head><body>\
             <iframe src=\"{}/attack/frame\" width=400 height=200></iframe></body></html>",
            t.frame_origin
        )),
        "prefetch" => html(format!(
            "<!doctype html><html lang=en><head><title>Prefetch</title>\
             <link rel=prefetch href=\"http://{v4}/prefetch\"><link rel=preconnect href=\"http://{v4}\">\
             <link rel=dns-prefetch href=\"//{v4}\"><link rel=stylesheet href=\"http://{v4}/style.css\"></head>\
             <body><img src=\"http://{v4}/pixel.png\" alt=\"\"><img src=\"http://{v6}/pixel.png\" alt=\"\"></body></html>"
        )),
        "beacon" => scripted(
            "Beacon",
            &format!(
                "navigator.sendBeacon('http://{v4}/beacon', 'secret');\
                 const es = new EventSource('http://{v4}/events');\
                 settle(new Promise((ok, fail) => {{ es.onopen = ok; es.onerror = fail; }})).then(() => {{ es.close(); done(); }});"
            ),
        ),
        "meta-refresh" => html(format!(
            "<!doctype html><html lang=en><head><title>Refresh</title>\
             <meta http-equiv=refresh content=\"0;url=http://{v4}/refreshed\"></head><body>moving on</body></html>"
        )),
        "names" => {
            let port = t.v4_port;
            scripted(
                "Other names",
                &format!(
                    "Promise.all(['http://localhost:{port}/', 'http://localhost.:{port}/', 'http://2130706433:{port}/',\
                     'http://0x7f000001:{port}/', 'http://0177.0.0.1:{port}/', 'http://127.1:{port}/',\
                     'http://[::ffff:127.0.0.1]:{port}/', 'http://[::127.0.0.1]:{port}/', 'http://{v6}/'].map(get)).then(done);"
                ),
            )
        }
        "webrtc" => scripted(
            "WebRTC",
            &format!(
                "const pc = new RTCPeerConnection({{ iceServers: [{{ urls: 'stun:{udp}' }}, {{ urls: 'turn:{udp}?transport=udp', username: 'u', credential: 'p' }}] }});\
                 pc.createDataChannel('x');\
                 pc.onicegatheringstatechange = () => {{ if (pc.iceGatheringState === 'complete') done(); }};\
                 pc.createOffer().then(o => pc.setLocalDescription(o));\
                 setTimeout(done, 5000);",
                udp = t.udp
            ),
        ),
        _ => (StatusCode::NOT_FOUND, "no such attack").into_response(),
    }
}

/// A worker's attempts on the victim, as a promise `tried` that settles when both have.
fn worker_tries(v4: &str) -> String {
    format!(
        "const settle = p => new Promise(r => {{ p.then(r, r); setTimeout(r, 3000); }});\
         const ws = new Promise((ok, fail) => {{ const w = new WebSocket('ws://{v4}/from-worker'); w.onopen = ok; w.onerror = fail; }});\
         const tried = Promise.all([settle(ws), settle(fetch('http://{v4}/from-worker', {{ mode: 'no-cors' }}))]);"
    )
}

/// The second site's frame: it tries the victim from another origin and process.
async fn frame_page(State(t): State<Targets>) -> Response {
    let v4 = &t.v4;
    scripted(
        "Frame",
        &format!(
            "Promise.all([get('http://{v4}/from-frame'), socket('ws://{v4}/from-frame')]).then(done);"
        ),
    )
}

/// A plain 302 (axum's `Redirect` offers only 303, 307 and 308).
async fn redirect(State(t): State<Targets>) -> Response {
    (
        StatusCode::FOUND,
        [(header::LOCATION, format!("http://{}/redirected", t.v4))],
    )
        .into_response()
}
