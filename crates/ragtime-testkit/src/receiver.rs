//! A real HTTP receiver of POSTs on loopback: the stand-in for a collector or a chat
//! server in tests of sinks that send over HTTP (`otel`, `webhook`).
//!
//! It keeps every body posted to its path, in order, duplicates included, with the
//! request's headers, and answers 200 (or the status it is told to). It can go down
//! (its port refuses connections and its open connections are cut) and come back on
//! the same port, to play a receiver that is away for a while.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{HeaderMap, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// One POST as received.
#[derive(Debug, Clone)]
pub struct Received {
    /// The request's headers.
    pub headers: HeaderMap,
    /// Its body.
    pub body: Bytes,
    /// The status it was answered with.
    pub answered: u16,
}

#[derive(Default)]
struct Shared {
    posts: Vec<Received>,
    /// The answer to each POST; 200 unless told otherwise.
    answer: Option<StatusCode>,
    /// The content type of an answer.
    content_type: Option<&'static str>,
}

/// The receiver; what it received can be read at any time.
pub struct PostReceiver {
    addr: SocketAddr,
    path: &'static str,
    shared: Arc<Mutex<Shared>>,
    server: Option<JoinHandle<()>>,
}

impl PostReceiver {
    /// A receiver of POSTs to `path` on a free port of 127.0.0.1 (other paths get 404),
    /// answering with `content_type` and an empty body.
    pub async fn start(
        path: &'static str,
        content_type: &'static str,
    ) -> std::io::Result<PostReceiver> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let mut receiver = PostReceiver {
            addr: listener.local_addr()?,
            path,
            shared: Arc::default(),
            server: None,
        };
        receiver.lock().content_type = Some(content_type);
        receiver.serve(listener);
        Ok(receiver)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self) -> String {
        format!("{}{}", self.base(), self.path)
    }

    /// Every POST received so far, in order.
    pub fn posts(&self) -> Vec<Received> {
        self.lock().posts.clone()
    }

    /// Answers every later POST with the HTTP `status` (still keeping it); an
    /// invalid code answers 500.
    pub fn answer_with(&self, status: u16) {
        self.lock().answer =
            Some(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
    }

    /// Goes down: the port refuses connections, and open connections are cut.
    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }

    /// Comes back on the same port.
    pub async fn restart(&mut self) -> std::io::Result<()> {
        self.stop();
        // The aborted server lets go of its socket when its task is dropped, which
        // the runtime does soon after: retry the bind briefly.
        let mut tries = 0;
        let listener = loop {
            match TcpListener::bind(self.addr).await {
                Ok(listener) => break listener,
                Err(_) if tries < 100 => {
                    tries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
                Err(err) => return Err(err),
            }
        };
        self.serve(listener);
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn serve(&mut self, listener: TcpListener) {
        let shared = Arc::clone(&self.shared);
        let path = self.path;
        self.server = Some(tokio::spawn(async move {
            // Connections live in this task's set: aborting the task cuts them all.
            let mut connections = JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let shared = Arc::clone(&shared);
                connections.spawn(async move {
                    let service = service_fn(move |request| {
                        let shared = Arc::clone(&shared);
                        async move { Ok::<_, Infallible>(answer(request, path, &shared).await) }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
                while connections.try_join_next().is_some() {}
            }
        }));
    }
}

impl Drop for PostReceiver {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn answer(
    request: Request<Incoming>,
    path: &str,
    shared: &Mutex<Shared>,
) -> Response<Full<Bytes>> {
    let respond = |status: StatusCode| {
        let mut response = Response::new(Full::new(Bytes::new()));
        *response.status_mut() = status;
        response
    };
    if request.uri().path() != path || request.method() != hyper::Method::POST {
        return respond(StatusCode::NOT_FOUND);
    }
    let headers = request.headers().clone();
    let Ok(body) = request.into_body().collect().await else {
        return respond(StatusCode::BAD_REQUEST);
    };
    let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
    let status = shared.answer.unwrap_or(StatusCode::OK);
    shared.posts.push(Received {
        headers,
        body: body.to_bytes(),
        answered: status.as_u16(),
    });
    let mut response = respond(status);
    if let Some(kind) = shared.content_type {
        response.headers_mut().insert(
            hyper::header::CONTENT_TYPE,
            hyper::header::HeaderValue::from_static(kind),
        );
    }
    response
}
