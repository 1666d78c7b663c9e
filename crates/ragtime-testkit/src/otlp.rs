//! A real OTLP/HTTP trace receiver on loopback: the stand-in for a collector
//! (Jaeger, Tempo, Langfuse) in tests of the `otel` sink.
//!
//! A [`PostReceiver`] on `/v1/traces` whose bodies are decoded as the protobuf
//! `ExportTraceServiceRequest` the OTLP specification defines: every span received,
//! in order, duplicates included. It can go down and come back on the same port, to
//! play a collector that is away for a while.

use std::collections::BTreeMap;

use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::{AnyValue, KeyValue, any_value};
use prost::Message;

use crate::receiver::PostReceiver;

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

/// The receiver; its spans can be read at any time.
pub struct OtlpReceiver(PostReceiver);

impl OtlpReceiver {
    /// A receiver listening on a free port of 127.0.0.1.
    pub async fn start() -> std::io::Result<OtlpReceiver> {
        // An empty ExportTraceServiceResponse: zero bytes of protobuf.
        PostReceiver::start("/v1/traces", "application/x-protobuf")
            .await
            .map(OtlpReceiver)
    }

    /// The base address to configure as the sink's `endpoint`.
    pub fn endpoint(&self) -> String {
        self.0.base()
    }

    /// Every span received so far, in the order received.
    pub fn spans(&self) -> Vec<ReceivedSpan> {
        self.0
            .posts()
            .iter()
            .filter_map(|post| ExportTraceServiceRequest::decode(post.body.clone()).ok())
            .flat_map(spans_of)
            .collect()
    }

    /// Export requests received so far (decoded or not).
    pub fn requests(&self) -> usize {
        self.0.posts().len()
    }

    /// Requests whose body was not an `ExportTraceServiceRequest`.
    pub fn refused(&self) -> usize {
        self.0
            .posts()
            .iter()
            .filter(|post| ExportTraceServiceRequest::decode(post.body.clone()).is_err())
            .count()
    }

    /// Goes down: the port refuses connections, and open connections are cut.
    pub fn stop(&mut self) {
        self.0.stop();
    }

    /// Comes back on the same port.
    pub async fn restart(&mut self) -> std::io::Result<()> {
        self.0.restart().await
    }
}

fn spans_of(export: ExportTraceServiceRequest) -> Vec<ReceivedSpan> {
    let mut spans = Vec::new();
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
                spans.push(ReceivedSpan {
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
    spans
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
