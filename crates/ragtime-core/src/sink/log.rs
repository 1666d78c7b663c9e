//! The `log` sink: one structured `tracing` event per progress event.
//!
//! It is the lossy sink: it never fails, so the only thing it can lose is what its
//! bounded queue refuses, and that is counted like for every sink.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::error::SinkError;
use crate::event::{
    AttemptFinished, AttemptStarted, PlannerNote, ProgressEvent, ScreenshotTaken, ToolCallFinished,
    ToolCallStarted,
};
use crate::sink::Sink;

/// Options of the `log` sink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSinkConfig {
    /// Events waiting to be logged; beyond this they are dropped and counted.
    pub capacity: usize,
}

impl Default for LogSinkConfig {
    fn default() -> Self {
        LogSinkConfig { capacity: 4096 }
    }
}

/// Emits events under the `ragtime::progress` target.
#[derive(Debug, Default, Clone)]
pub struct LogSink;

#[async_trait]
impl Sink for LogSink {
    fn name(&self) -> &str {
        "log"
    }

    async fn on_attempt_started(
        &self,
        event: &ProgressEvent,
        started: &AttemptStarted,
    ) -> Result<(), SinkError> {
        tracing::info!(
            target: "ragtime::progress",
            attempt = event.attempt_id.get(),
            strategy = %started.strategy,
            episode = started.episode_id.map(crate::EpisodeId::get),
            "attempt started"
        );
        Ok(())
    }

    async fn on_tool_call_started(
        &self,
        event: &ProgressEvent,
        call: &ToolCallStarted,
    ) -> Result<(), SinkError> {
        tracing::info!(
            target: "ragtime::progress",
            attempt = event.attempt_id.get(),
            step = call.step,
            tool = %call.tool,
            args = %call.args,
            "tool call started"
        );
        Ok(())
    }

    async fn on_tool_call_finished(
        &self,
        event: &ProgressEvent,
        call: &ToolCallFinished,
    ) -> Result<(), SinkError> {
        tracing::info!(
            target: "ragtime::progress",
            attempt = event.attempt_id.get(),
            step = call.step,
            tool = %call.tool,
            outcome = %call.outcome,
            duration_ms = call.duration_ms,
            output = %call.output,
            "tool call finished"
        );
        Ok(())
    }

    async fn on_screenshot_taken(
        &self,
        event: &ProgressEvent,
        shot: &ScreenshotTaken,
    ) -> Result<(), SinkError> {
        tracing::info!(
            target: "ragtime::progress",
            attempt = event.attempt_id.get(),
            step = shot.step,
            screenshot = shot.screenshot_id,
            bytes = shot.size_bytes,
            "screenshot taken"
        );
        Ok(())
    }

    async fn on_planner_note(
        &self,
        event: &ProgressEvent,
        note: &PlannerNote,
    ) -> Result<(), SinkError> {
        tracing::info!(
            target: "ragtime::progress",
            attempt = event.attempt_id.get(),
            step = note.step,
            note = %note.note,
            "planner note"
        );
        Ok(())
    }

    async fn on_attempt_finished(
        &self,
        event: &ProgressEvent,
        finished: &AttemptFinished,
    ) -> Result<(), SinkError> {
        tracing::info!(
            target: "ragtime::progress",
            attempt = event.attempt_id.get(),
            status = %finished.status,
            success = finished.success,
            steps = finished.steps,
            message = %finished.message,
            "attempt finished"
        );
        Ok(())
    }
}
