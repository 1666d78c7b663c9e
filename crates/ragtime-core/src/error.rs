//! Error types of the runtime and of the traits it calls out through.
//!
//! Tools, planners, sinks and the ledger are written by other crates; their errors are
//! small enums so the supervisor can map each to an outcome without parsing text.

use thiserror::Error;

/// Why a tool call did not succeed. The supervisor maps `Blocked` to the `blocked`
/// outcome and everything else to `error`.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum ToolError {
    #[error("invalid arguments: {0}")]
    InvalidArgs(String),
    #[error("blocked: {0}")]
    Blocked(String),
    #[error("{0}")]
    Failed(String),
}

/// The planner could not decide; the attempt escalates with this message.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum PlannerError {
    #[error("planner unavailable: {0}")]
    Unavailable(String),
    #[error("planner answered something unusable: {0}")]
    InvalidResponse(String),
}

/// A sink write failure. `Transient` is retried with backoff (the database is locked
/// or the connection dropped); `Permanent` means this event can never be written.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum SinkError {
    #[error("transient sink failure: {0}")]
    Transient(String),
    #[error("permanent sink failure: {0}")]
    Permanent(String),
}

/// The attempt ledger (heartbeat, terminal status, screenshots) could not be written.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum LedgerError {
    #[error("ledger unavailable: {0}")]
    Unavailable(String),
    #[error("ledger rejected the write: {0}")]
    Rejected(String),
}

/// Errors of the runtime facade itself.
#[derive(Debug, Error)]
pub enum RuntimeError {
    #[error("could not spawn the {what} actor: {reason}")]
    Spawn {
        /// Which actor: `sink`, `progress` or `attempt supervisor`.
        what: &'static str,
        /// The spawn error, in words.
        reason: String,
    },
    /// An attempt with this id is already supervised by this runtime.
    #[error("attempt {0} is already running")]
    AttemptAlreadyRunning(i64),
    #[error("the runtime is shutting down")]
    ShuttingDown,
    #[error("timed out after {0:?} waiting for the sinks to flush")]
    FlushTimeout(std::time::Duration),
    #[error("the {0} actor is gone")]
    ActorGone(&'static str),
    #[error("a redaction pattern does not compile: {0}")]
    Redaction(String),
}
