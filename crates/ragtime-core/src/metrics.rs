//! The runtime's metrics, recorded through the `metrics` facade.
//!
//! The runtime only records: which exporter (if any) turns these into Prometheus
//! text is the binary's choice, and with none installed every call here is a no-op.
//! Attempt and tool-call figures come from the progress events as the progress actor
//! passes them on (one hook for every sink, so they agree with the rows); the sink
//! figures from each sink's actor. Names end in the Prometheus unit suffixes.

use crate::event::{EventKind, ProgressEvent};

/// Attempts started, by `strategy`.
pub const ATTEMPTS_STARTED: &str = "ragtime_attempts_started_total";
/// Attempts ended, by terminal `status`.
pub const ATTEMPTS_FINISHED: &str = "ragtime_attempts_finished_total";
/// Tool calls running now, across attempts.
pub const STEPS_IN_FLIGHT: &str = "ragtime_steps_in_flight";
/// Tool-call duration, by `tool` and `outcome`.
pub const TOOL_CALL_DURATION: &str = "ragtime_tool_call_duration_seconds";
/// Batches a sink wrote, by `sink`.
pub const SINK_BATCHES: &str = "ragtime_sink_batches_total";
/// Failed sink writes that will be retried, by `sink`.
pub const SINK_RETRIES: &str = "ragtime_sink_retries_total";
/// Events a sink's full queue refused, by `sink`.
pub const SINK_DROPPED: &str = "ragtime_sink_dropped_events_total";
/// Events a sink gave up on after a permanent error, by `sink`.
pub const SINK_FAILED: &str = "ragtime_sink_failed_events_total";
/// How long one sink write took, successful or not, by `sink`.
pub const SINK_WRITE_DURATION: &str = "ragtime_sink_write_duration_seconds";
/// Events accepted by a sink and not yet written, by `sink` (set when scraped).
pub const SINK_QUEUE_DEPTH: &str = "ragtime_sink_queue_depth";

/// Records what one progress event says about attempts and tool calls.
pub fn record_event(event: &ProgressEvent) {
    match &event.kind {
        EventKind::AttemptStarted(started) => {
            metrics::counter!(ATTEMPTS_STARTED, "strategy" => started.strategy.clone())
                .increment(1);
        }
        EventKind::AttemptFinished(end) => {
            metrics::counter!(ATTEMPTS_FINISHED, "status" => end.status.as_str()).increment(1);
        }
        EventKind::ToolCallStarted(_) => metrics::gauge!(STEPS_IN_FLIGHT).increment(1.0),
        EventKind::ToolCallFinished(call) => {
            metrics::gauge!(STEPS_IN_FLIGHT).decrement(1.0);
            // Milliseconds to seconds; exact for any duration a call can have.
            #[allow(
                clippy::cast_precision_loss,
                reason = "durations are far below 2^52 ms"
            )]
            let seconds = call.duration_ms as f64 / 1000.0;
            metrics::histogram!(
                TOOL_CALL_DURATION,
                "tool" => call.tool.clone(),
                "outcome" => call.outcome.as_str(),
            )
            .record(seconds);
        }
        EventKind::ScreenshotTaken(_) | EventKind::PlannerNote(_) => {}
    }
}
