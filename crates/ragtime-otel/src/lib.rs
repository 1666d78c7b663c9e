//! ragtime-otel: the `otel` sink, which sends each recovery attempt to an
//! OpenTelemetry collector (Jaeger, Tempo, Langfuse, Honeycomb, Phoenix) as one trace
//! over OTLP/HTTP with protobuf bodies.
//!
//! Like every sink it only observes progress events: [`spans`] turns them into spans
//! (the attempt the root, each tool call a child following the GenAI semantic
//! conventions), and [`OtelSink`] exports them with `opentelemetry-otlp`. The sink
//! actor in ragtime-core gives it what every sink has: a bounded queue that never
//! blocks an attempt, batches, and retries with backoff that keep a batch until the
//! collector takes it.

pub mod settings;
mod sink;
pub mod spans;

pub use settings::OtelSinkConfig;
pub use sink::{OtelError, OtelSink};
