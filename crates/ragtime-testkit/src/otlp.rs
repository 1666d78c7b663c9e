//! A real OTLP/HTTP trace receiver on loopback: the stand-in for a collector
//! (Jaeger, Tempo, Langfuse) in tests of the `otel` sink.
//!
//! It decodes each `POST /v1/traces` body as the protobuf `ExportTraceServiceRequest`
//! the OTLP specification defines and keeps every span it received, in order,
//! duplicates included. It can go down (its port refuses connections and its open
//! connections are cut) and come back on the same port, to play a collector that is
//! away for a while.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::{AnyValue, KeyValue, any_value};
use prost::Message;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// One span as the receiver decoded it; ids in lowercase hex, attribute values as
/// text.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedSpan {
    /// The `service.name` of the resource the span came under.
    pub service_name: String,
    /// 32 hex digits.
    pub trace_id: String,
    /// 16 hex digits.
    pub span_id: String,
    /// 16 hex digits, empty for a root span.
    pub parent_span_id: String,
    /// The span's name.
    pub name: String,
    /// Start, nanoseconds since the Unix epoch.
    pub start_unix_nano: u64,
    /// End, nanoseconds since the Unix epoch.
    pub end_unix_nano: u64,
    /// 0 unset, 1 ok, 2 error.
    pub status_code: i32,
    /// The status's message (for an error).
    pub status_message: String,
    /// Attributes by key, values as text.
    pub attributes: BTreeMap<String, String>,
    /// Events: name and attributes.
    pub events: Vec<(String, BTreeMap<String, String>)>,
}

impl ReceivedSpan {
    /// The attribute `key` as text, if present.
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes.get(key).map(String::as_str)
    }

    /// The span's length in milliseconds.
    pub fn duration_ms(&self) -> u64 {
        self.end_unix_nano.saturating_sub(self.start_unix_nano) / 1_000_000
    }
}

#[derive(Default)]
struct Received {
    spans: Vec<ReceivedSpan>,
    requests: usize,
    refused: usize,
}

/// The receiver; its spans can be read at any time.
pub struct OtlpReceiver {
    addr: SocketAddr,
    received: Arc<Mutex<Received>>,
    server: Option<JoinHandle<()>>,
}

impl OtlpReceiver {
    /// A receiver listening on a free port of 127.0.0.1.
    pub async fn start() -> std::io::Result<OtlpReceiver> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let mut receiver = OtlpReceiver {
            addr: listener.local_addr()?,
            received: Arc::default(),
            server: None,
        };
        receiver.serve(listener);
        Ok(receiver)
    }

    /// The base address to configure as the sink's `endpoint`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every span received so far, in the order received.
    pub fn spans(&self) -> Vec<ReceivedSpan> {
        self.lock().spans.clone()
    }

    /// Export requests received so far (decoded or not).
    pub fn requests(&self) -> usize {
        self.lock().requests
    }

    /// Requests whose body was not an `ExportTraceServiceRequest`.
    pub fn refused(&self) -> usize {
        self.lock().refused
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
                Err(err) if tries < 100 => {
                    tries += 1;
                    let _ = err;
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
                Err(err) => return Err(err),
            }
        };
        self.serve(listener);
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Received> {
        self.received.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn serve(&mut self, listener: TcpListener) {
        let received = Arc::clone(&self.received);
        self.server = Some(tokio::spawn(async move {
            // Connections live in this task's set: aborting the task cuts them all.
            let mut connections = JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let received = Arc::clone(&received);
                connections.spawn(async move {
                    let service = service_fn(move |request| {
                        let received = Arc::clone(&received);
                        async move { Ok::<_, Infallible>(answer(request, &received).await) }
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

impl Drop for OtlpReceiver {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn answer(request: Request<Incoming>, received: &Mutex<Received>) -> Response<Full<Bytes>> {
    let respond = |status: StatusCode| {
        let mut response = Response::new(Full::new(Bytes::new()));
        *response.status_mut() = status;
        response
    };
    if request.uri().path() != "/v1/traces" {
        return respond(StatusCode::NOT_FOUND);
    }
    let Ok(body) = request.into_body().collect().await else {
        return respond(StatusCode::BAD_REQUEST);
    };
    let decoded = ExportTraceServiceRequest::decode(body.to_bytes());
    let mut received = received.lock().unwrap_or_else(PoisonError::into_inner);
    received.requests += 1;
    let Ok(export) = decoded else {
        received.refused += 1;
        return respond(StatusCode::BAD_REQUEST);
    };
    for resource in export.resource_spans {
        let service_name = resource
            .resource
            .as_ref()
            .and_then(|r| r.attributes.iter().find(|kv| kv.key == "service.name"))
            .map(|kv| text(kv.value.as_ref()))
            .unwrap_or_default();
        for scope in resource.scope_spans {
            for span in scope.spans {
                let status = span.status.unwrap_or_default();
                received.spans.push(ReceivedSpan {
                    service_name: service_name.clone(),
                    trace_id: hex(&span.trace_id),
                    span_id: hex(&span.span_id),
                    parent_span_id: hex(&span.parent_span_id),
                    name: span.name,
                    start_unix_nano: span.start_time_unix_nano,
                    end_unix_nano: span.end_time_unix_nano,
                    status_code: status.code,
                    status_message: status.message,
                    attributes: attributes(&span.attributes),
                    events: span
                        .events
                        .iter()
                        .map(|e| (e.name.clone(), attributes(&e.attributes)))
                        .collect(),
                });
            }
        }
    }
    // An empty ExportTraceServiceResponse: zero bytes of protobuf.
    let mut ok = respond(StatusCode::OK);
    ok.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/x-protobuf"),
    );
    ok
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn attributes(pairs: &[KeyValue]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|kv| (kv.key.clone(), text(kv.value.as_ref())))
        .collect()
}

fn text(value: Option<&AnyValue>) -> String {
    match value.and_then(|v| v.value.as_ref()) {
        Some(any_value::Value::StringValue(s)) => s.clone(),
        Some(any_value::Value::BoolValue(b)) => b.to_string(),
        Some(any_value::Value::IntValue(i)) => i.to_string(),
        Some(any_value::Value::DoubleValue(d)) => d.to_string(),
        Some(other) => format!("{other:?}"),
        None => String::new(),
    }
}
