//! `OtelSink`: exports the spans of [`TraceFolder`] to an OTLP/HTTP collector.
//!
//! One retry policy, the sink actor's: the exporter's own retries are off, and a
//! failed export returns a transient error, so the actor keeps the batch and sends
//! it again with backoff until the collector takes it. The folder's state moves on
//! only with a batch the collector took, so a batch sent again makes the same spans.
//! A collector that refuses a batch for good (a 4xx other than 408 and 429: bad
//! credentials, a body it cannot read) gets a permanent error: the batch is counted
//! as failed instead of being retried forever.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use opentelemetry_http::{HttpClient, HttpError, Request, Response};
use opentelemetry_otlp::{Protocol, RetryPolicy, WithExportConfig, WithHttpConfig};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::trace::SpanExporter as _;
use ragtime_core::{ProgressEvent, Sink, SinkError};

use crate::settings::OtelSinkConfig;
use crate::spans::TraceFolder;

/// The most of a collector's answer that is read; OTLP answers are small.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// The `otel` sink could not be built from its table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OtelError {
    /// The table breaks a rule (see [`OtelSinkConfig::check`]).
    #[error("progress.otel: {0}")]
    Config(String),
    /// The OTLP exporter refused its settings.
    #[error("progress.otel: the OTLP exporter: {0}")]
    Exporter(String),
}

/// The `otel` sink: every attempt as a trace in an OpenTelemetry collector.
pub struct OtelSink {
    exporter: opentelemetry_otlp::SpanExporter,
    folder: Mutex<TraceFolder>,
    /// The status of the collector's last answer; 0 when none came.
    last_status: Arc<AtomicU16>,
}

impl fmt::Debug for OtelSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OtelSink").finish_non_exhaustive()
    }
}

impl OtelSink {
    /// A sink exporting as `config` says, through `client` (which must not go
    /// through the browser's egress gate: the collector is the operator's, and
    /// usually internal).
    pub fn new(config: &OtelSinkConfig, client: reqwest::Client) -> Result<OtelSink, OtelError> {
        config.check().map_err(OtelError::Config)?;
        let url = config.traces_url().map_err(OtelError::Config)?;
        let headers: HashMap<String, String> = config
            .resolved_headers()
            .map_err(OtelError::Config)?
            .into_iter()
            .collect();
        let last_status = Arc::new(AtomicU16::new(0));
        let mut exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_protocol(Protocol::HttpBinary)
            .with_endpoint(url)
            .with_timeout(config.timeout)
            .with_headers(headers)
            .with_retry_policy(RetryPolicy::disabled())
            .with_http_client(CollectorClient {
                client,
                timeout: config.timeout,
                last_status: Arc::clone(&last_status),
            })
            .build()
            .map_err(|e| OtelError::Exporter(e.to_string()))?;
        exporter.set_resource(
            &Resource::builder()
                .with_service_name(config.service_name.clone())
                .build(),
        );
        Ok(OtelSink {
            exporter,
            folder: Mutex::new(TraceFolder::default()),
            last_status,
        })
    }
}

#[async_trait]
impl Sink for OtelSink {
    fn name(&self) -> &str {
        "otel"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        let mut folder = self
            .folder
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let mut spans = Vec::new();
        for event in events {
            folder.apply(event, &mut spans);
        }
        if !spans.is_empty() {
            self.last_status.store(0, Ordering::Release);
            if let Err(err) = self.exporter.export(spans).await {
                let status = self.last_status.load(Ordering::Acquire);
                if (400..500).contains(&status) && status != 408 && status != 429 {
                    // Sending it again cannot help: the batch is given up, and the
                    // traces go on from here.
                    *self.folder.lock().unwrap_or_else(PoisonError::into_inner) = folder;
                    return Err(SinkError::Permanent(format!(
                        "the collector refused the spans ({status}): {err}"
                    )));
                }
                return Err(SinkError::Transient(format!("OTLP export: {err}")));
            }
        }
        *self.folder.lock().unwrap_or_else(PoisonError::into_inner) = folder;
        Ok(())
    }
}

/// The exporter's HTTP client: reqwest on the caller's tokio runtime, with a
/// deadline, a cap on the answer, and the answer's status kept for the sink.
#[derive(Debug)]
struct CollectorClient {
    client: reqwest::Client,
    timeout: Duration,
    last_status: Arc<AtomicU16>,
}

#[async_trait]
impl HttpClient for CollectorClient {
    async fn send_bytes(&self, request: Request<Bytes>) -> Result<Response<Bytes>, HttpError> {
        let (parts, body) = request.into_parts();
        let mut response = self
            .client
            .request(parts.method, parts.uri.to_string())
            .headers(parts.headers)
            .body(body)
            .timeout(self.timeout)
            .send()
            .await?;
        let status = response.status();
        self.last_status.store(status.as_u16(), Ordering::Release);
        let mut answer = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            let room = MAX_ANSWER_BYTES.saturating_sub(answer.len());
            answer.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if answer.len() >= MAX_ANSWER_BYTES {
                break;
            }
        }
        let mut built = Response::builder().status(status);
        if let Some(headers) = built.headers_mut() {
            *headers = response.headers().clone();
        }
        Ok(built.body(Bytes::from(answer))?)
    }
}
