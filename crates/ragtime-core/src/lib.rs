//! ragtime-core: the recovery runtime.
//!
//! One [`AttemptSupervisor`](supervisor::AttemptSupervisor) actor owns each recovery
//! attempt: it asks a [`Planner`] for the next call, runs it on a
//! [`ToolActor`](tool_actor::ToolActor) under a deadline, and reports every step to the
//! [`ProgressActor`](progress::ProgressActor), which redacts and fans out to one
//! [`SinkActor`](sink::SinkActor) per configured [`Sink`]. [`Runtime`] wires these
//! together. This crate knows nothing about databases or browsers: persistence comes in
//! through the [`AttemptLedger`] and [`Sink`] traits, tools through [`Tool`].

pub mod error;
pub mod event;
pub mod ids;
pub mod ledger;
pub mod messages;
pub mod metrics;
pub mod planner;
pub mod progress;
pub mod redact;
pub mod runtime;
mod schema;
pub mod settings;
pub mod sink;
pub mod supervisor;
pub mod tool;
pub mod tool_actor;

pub use error::{LedgerError, PlannerError, RuntimeError, SinkError, ToolError};
pub use event::{
    AttemptFinished, AttemptId, AttemptStarted, AttemptStatus, EpisodeId, EventKind, PlannerNote,
    ProgressEvent, ScreenshotTaken, StepOutcome, TokenUsage, ToolCallFinished, ToolCallStarted,
    TraceId,
};
pub use ledger::{AttemptEnd, AttemptLedger};
pub use planner::{Action, AttemptContext, Decision, FinalResult, Planner, ToolCallRecord};
pub use runtime::{AttemptHandle, AttemptReport, AttemptSpec, Runtime, SinkSpec};
pub use settings::{QueueSettings, RuntimeSettings};
pub use sink::live::{LiveFeed, LiveSink, LiveSinkConfig};
pub use sink::{Sink, SinkStats, log::LogSink};
pub use tool::{Tool, ToolCall, ToolContext, ToolOutput, ToolRegistry, ToolSpec};
