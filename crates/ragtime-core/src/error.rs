//! Error types of the runtime and of the traits it calls out through.
//!
//! Tools, planners, sinks and the ledger are written by other crates; their errors are
//! small enums so the supervisor can map each to an outcome without parsing text.

use thiserror::Error;

/// Why a tool call did not succeed. The supervisor maps `Blocked` to the `blocked`
/// outcome and everything else to `error`.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum ToolError {
    /// The arguments did not fit the tool's schema or meaning; the planner may retry with
    /// others.
    #[error("invalid arguments: {0}")]
    InvalidArgs(String),
    /// The egress policy or the navigation policy refused what the call needed.
    #[error("blocked: {0}")]
    Blocked(String),
    /// Anything else that went wrong, in words.
    #[error("{0}")]
    Failed(String),
}

/// The planner could not decide; the attempt escalates with this message.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum PlannerError {
    /// The planner's backend (a model endpoint) could not be reached or refused.
    #[error("planner unavailable: {0}")]
    Unavailable(String),
    /// The planner answered, but with nothing the runtime can act on.
    #[error("planner answered something unusable: {0}")]
    InvalidResponse(String),
}

/// A sink write failure. `Transient` is retried with backoff (the database is locked
/// or the connection dropped); `Permanent` means this event can never be written.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum SinkError {
    /// A failure that may pass; the sink actor retries the event.
    #[error("transient sink failure: {0}")]
    Transient(String),
    /// A failure that retrying cannot fix; the event is dropped for this sink.
    #[error("permanent sink failure: {0}")]
    Permanent(String),
}

/// The attempt ledger (heartbeat, terminal status, screenshots) could not be written.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum LedgerError {
    /// The backing store could not be reached; the supervisor retries terminal writes.
    #[error("ledger unavailable: {0}")]
    Unavailable(String),
    /// The store refused the write (a constraint, a missing row).
    #[error("ledger rejected the write: {0}")]
    Rejected(String),
}

/// Errors of the runtime facade itself.
#[derive(Debug, Error)]
pub enum RuntimeError {
    /// An actor failed to start.
    #[error("could not spawn the {what} actor: {reason}")]
    Spawn {
        /// Which actor: `sink`, `progress` or `attempt supervisor`.
        what: &'static str,
        /// The spawn error, in words.
        reason: String,
    },
    /// An attempt with this id is already supervised by this runtime.
    #[error("attempt {0} is already running")]
    AttemptAlreadyRunning(crate::AttemptId),
    /// The runtime is stopping and accepts no new attempts.
    #[error("the runtime is shutting down")]
    ShuttingDown,
    /// The sinks did not drain their queues within the flush deadline.
    #[error("timed out after {0:?} waiting for the sinks to flush")]
    FlushTimeout(std::time::Duration),
    /// The named actor stopped while the runtime still needed it.
    #[error("the {0} actor is gone")]
    ActorGone(&'static str),
    /// A configured redaction pattern is not a valid regex.
    #[error("a redaction pattern does not compile: {0}")]
    Redaction(String),
}
