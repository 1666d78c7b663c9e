//! The `Sink` trait and the bounded hand-off from the progress actor to a sink.
//!
//! Like a tracing `Layer`, a sink only observes: every hook has an empty default, and
//! step numbers, redaction and truncation are done before a sink sees an event. Each
//! sink runs in its own [`SinkActor`], behind a [`SinkHandle`] that bounds its queue.

pub mod actor;
pub mod live;
pub mod log;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use async_trait::async_trait;
use ractor::ActorRef;
use serde::Serialize;

pub use actor::{SinkActor, SinkMsg};

use crate::error::SinkError;
use crate::event::{
    AttemptFinished, AttemptStarted, EventKind, PlannerNote, ProgressEvent, ScreenshotTaken,
    ToolCallFinished, ToolCallStarted,
};

/// A view of progress events (a table, a log, a live page). Hooks default to doing nothing,
/// so a sink implements only the events it shows.
#[async_trait]
pub trait Sink: Send + Sync + 'static {
    /// The config name of the sink (`json_column`, `log`, ...).
    fn name(&self) -> &str;

    /// Writes events in order. The default calls the hook of each event in turn; a sink
    /// that can write several events at once (one transaction) overrides this. A failed
    /// batch is retried whole, so writes must be idempotent.
    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        for event in events {
            self.on_event(event).await?;
        }
        Ok(())
    }

    /// Writes one event by calling the hook for its kind.
    async fn on_event(&self, event: &ProgressEvent) -> Result<(), SinkError> {
        match &event.kind {
            EventKind::AttemptStarted(e) => self.on_attempt_started(event, e).await,
            EventKind::ToolCallStarted(e) => self.on_tool_call_started(event, e).await,
            EventKind::ToolCallFinished(e) => self.on_tool_call_finished(event, e).await,
            EventKind::ScreenshotTaken(e) => self.on_screenshot_taken(event, e).await,
            EventKind::PlannerNote(e) => self.on_planner_note(event, e).await,
            EventKind::AttemptFinished(e) => self.on_attempt_finished(event, e).await,
        }
    }

    /// An attempt began.
    async fn on_attempt_started(
        &self,
        _event: &ProgressEvent,
        _started: &AttemptStarted,
    ) -> Result<(), SinkError> {
        Ok(())
    }

    /// A tool call began; its finish may never come if the daemon dies.
    async fn on_tool_call_started(
        &self,
        _event: &ProgressEvent,
        _call: &ToolCallStarted,
    ) -> Result<(), SinkError> {
        Ok(())
    }

    /// A tool call ended; carries everything the start did, for sinks that missed it.
    async fn on_tool_call_finished(
        &self,
        _event: &ProgressEvent,
        _call: &ToolCallFinished,
    ) -> Result<(), SinkError> {
        Ok(())
    }

    /// A screenshot was stored through the ledger.
    async fn on_screenshot_taken(
        &self,
        _event: &ProgressEvent,
        _shot: &ScreenshotTaken,
    ) -> Result<(), SinkError> {
        Ok(())
    }

    /// The planner explained a decision.
    async fn on_planner_note(
        &self,
        _event: &ProgressEvent,
        _note: &PlannerNote,
    ) -> Result<(), SinkError> {
        Ok(())
    }

    /// The attempt ended; the last event of its sequence.
    async fn on_attempt_finished(
        &self,
        _event: &ProgressEvent,
        _finished: &AttemptFinished,
    ) -> Result<(), SinkError> {
        Ok(())
    }
}

/// Counters shared between the feeding side (progress actor) and the sink actor.
#[derive(Debug, Default)]
pub(crate) struct SinkCounters {
    /// Accepted, not yet written or given up on.
    pub pending: AtomicUsize,
    pub written: AtomicU64,
    /// Refused because the queue was full.
    pub dropped: AtomicU64,
    /// Given up on after a permanent error.
    pub failed: AtomicU64,
    pub retries: AtomicU64,
}

/// What a sink has done so far; "what it could not write" is `dropped + failed`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SinkStats {
    /// The sink's config name.
    pub name: String,
    /// Events accepted and not yet written or given up on.
    pub pending: usize,
    /// Events written.
    pub written: u64,
    /// Events refused because the queue was full.
    pub dropped: u64,
    /// Events given up on after a permanent error.
    pub failed: u64,
    /// Failed writes that were retried.
    pub retries: u64,
}

impl SinkCounters {
    pub(crate) fn snapshot(&self, name: &str) -> SinkStats {
        SinkStats {
            name: name.to_string(),
            pending: self.pending.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
            dropped: self.dropped.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            retries: self.retries.load(Ordering::Relaxed),
        }
    }
}

/// The progress actor's side of one sink: a bounded, never-blocking offer.
#[derive(Clone)]
pub struct SinkHandle {
    pub(crate) name: String,
    pub(crate) actor: ActorRef<SinkMsg>,
    pub(crate) counters: Arc<SinkCounters>,
    pub(crate) capacity: usize,
}

impl SinkHandle {
    /// Hands an event to the sink unless its queue is full; never waits.
    pub(crate) fn offer(&self, event: Arc<ProgressEvent>) {
        let accepted = self
            .counters
            .pending
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |p| {
                (p < self.capacity).then_some(p + 1)
            })
            .is_ok();
        if !accepted {
            self.count_dropped();
            let dropped = self.counters.dropped.load(Ordering::Relaxed);
            if dropped.is_power_of_two() {
                tracing::warn!(sink = %self.name, dropped, "sink queue full; dropping progress events");
            }
            return;
        }
        if self.actor.cast(SinkMsg::Deliver(event)).is_err() {
            self.counters.pending.fetch_sub(1, Ordering::AcqRel);
            self.count_dropped();
        }
    }

    fn count_dropped(&self) {
        self.counters.dropped.fetch_add(1, Ordering::Relaxed);
        metrics::counter!(crate::metrics::SINK_DROPPED, "sink" => self.name.clone()).increment(1);
    }

    /// The sink's counters as of now.
    pub fn stats(&self) -> SinkStats {
        self.counters.snapshot(&self.name)
    }
}
