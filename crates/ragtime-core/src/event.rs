//! Progress events: what the runtime reports about an attempt while it happens.
//!
//! The supervisor creates them, the progress actor redacts and truncates them, and
//! every sink receives the same sequence in the same order.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

pub use crate::ids::{AttemptId, EpisodeId};

/// One thing that happened in one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressEvent {
    pub attempt_id: AttemptId,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    AttemptStarted(AttemptStarted),
    ToolCallStarted(ToolCallStarted),
    ToolCallFinished(ToolCallFinished),
    ScreenshotTaken(ScreenshotTaken),
    PlannerNote(PlannerNote),
    AttemptFinished(AttemptFinished),
}

impl EventKind {
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::AttemptStarted(_) => "attempt_started",
            EventKind::ToolCallStarted(_) => "tool_call_started",
            EventKind::ToolCallFinished(_) => "tool_call_finished",
            EventKind::ScreenshotTaken(_) => "screenshot_taken",
            EventKind::PlannerNote(_) => "planner_note",
            EventKind::AttemptFinished(_) => "attempt_finished",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptStarted {
    pub strategy: String,
    pub episode_id: Option<EpisodeId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCallStarted {
    pub step: u32,
    pub tool: String,
    pub args: Value,
}

/// A finished call carries its arguments and start time again so that a sink which
/// never saw the start (it was dropped, or the sink was added late) can still write a
/// complete record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCallFinished {
    pub step: u32,
    pub tool: String,
    pub args: Value,
    pub started_at: DateTime<Utc>,
    pub outcome: StepOutcome,
    pub duration_ms: u64,
    pub output: String,
    /// Model tokens the call used (a model request, a model translation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<TokenUsage>,
}

/// Tokens of a language model: what it read and what it wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TokenUsage {
    pub input_tokens: u64,
    pub output_tokens: u64,
}

impl TokenUsage {
    pub fn total(self) -> u64 {
        self.input_tokens.saturating_add(self.output_tokens)
    }
}

impl std::ops::Add for TokenUsage {
    type Output = TokenUsage;
    fn add(self, other: TokenUsage) -> TokenUsage {
        TokenUsage {
            input_tokens: self.input_tokens.saturating_add(other.input_tokens),
            output_tokens: self.output_tokens.saturating_add(other.output_tokens),
        }
    }
}

/// The PNG itself is stored once by the ledger; events carry only its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenshotTaken {
    pub step: u32,
    pub screenshot_id: i64,
    pub size_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannerNote {
    /// The step the note explains, when the planner attached it to a tool call.
    pub step: Option<u32>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptFinished {
    pub status: AttemptStatus,
    pub success: bool,
    pub message: String,
    pub steps: u32,
}

/// How one tool call ended. `Running` is the state written when the call starts;
/// `Interrupted` is written by the reconciler for a call whose daemon died mid-call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    Running,
    Success,
    Error,
    Timeout,
    Crashed,
    Cancelled,
    Blocked,
    Interrupted,
}

impl StepOutcome {
    pub const ALL: [StepOutcome; 8] = [
        StepOutcome::Running,
        StepOutcome::Success,
        StepOutcome::Error,
        StepOutcome::Timeout,
        StepOutcome::Crashed,
        StepOutcome::Cancelled,
        StepOutcome::Blocked,
        StepOutcome::Interrupted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepOutcome::Running => "running",
            StepOutcome::Success => "success",
            StepOutcome::Error => "error",
            StepOutcome::Timeout => "timeout",
            StepOutcome::Crashed => "crashed",
            StepOutcome::Cancelled => "cancelled",
            StepOutcome::Blocked => "blocked",
            StepOutcome::Interrupted => "interrupted",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

impl fmt::Display for StepOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Status of a recovery attempt row. `Attempted` while in flight, the rest terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptStatus {
    Attempted,
    Resolved,
    AwaitingHuman,
    Cancelled,
    Interrupted,
}

impl AttemptStatus {
    pub const ALL: [AttemptStatus; 5] = [
        AttemptStatus::Attempted,
        AttemptStatus::Resolved,
        AttemptStatus::AwaitingHuman,
        AttemptStatus::Cancelled,
        AttemptStatus::Interrupted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AttemptStatus::Attempted => "attempted",
            AttemptStatus::Resolved => "resolved",
            AttemptStatus::AwaitingHuman => "awaiting_human",
            AttemptStatus::Cancelled => "cancelled",
            AttemptStatus::Interrupted => "interrupted",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn is_terminal(self) -> bool {
        self != AttemptStatus::Attempted
    }
}

impl fmt::Display for AttemptStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_parse() {
        for o in StepOutcome::ALL {
            assert_eq!(StepOutcome::parse(o.as_str()), Some(o));
            assert_eq!(serde_json::to_value(o).ok(), Some(Value::from(o.as_str())));
        }
        for s in AttemptStatus::ALL {
            assert_eq!(AttemptStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(StepOutcome::parse("exploded"), None);
    }
}
