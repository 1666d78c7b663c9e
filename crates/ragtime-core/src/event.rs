//! Progress events: what the runtime reports about an attempt while it happens.
//!
//! The supervisor creates them, the progress actor redacts and truncates them, and
//! every sink receives the same sequence in the same order.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

pub use crate::ids::{AttemptId, EpisodeId, TraceId};

/// One thing that happened in one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressEvent {
    /// The attempt the event belongs to.
    pub attempt_id: AttemptId,
    /// The attempt's trace id (stored on its row), so a trace collector files every
    /// event under one trace without keeping state; none on events from before trace
    /// ids existed.
    #[serde(default, skip_serializing_if = "TraceId::is_none")]
    pub trace_id: TraceId,
    /// When the supervisor created the event.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: EventKind,
    /// Set on the way when a text of the event was cut to fit a notification
    /// (`notify` sink); the rows keep the whole text, so a follower re-reads them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub texts_cut: bool,
}

/// The kinds of progress event, serialized with a `type` tag in snake case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// The attempt began; always the first event.
    AttemptStarted(AttemptStarted),
    /// A tool call was sent to the tool actor.
    ToolCallStarted(ToolCallStarted),
    /// A tool call ended, however it ended.
    ToolCallFinished(ToolCallFinished),
    /// A call's screenshot was stored.
    ScreenshotTaken(ScreenshotTaken),
    /// The planner (or the runtime) explained something.
    PlannerNote(PlannerNote),
    /// The attempt ended; always the last event.
    AttemptFinished(AttemptFinished),
}

impl EventKind {
    /// The kind's snake-case name, the same as its serialized `type` tag.
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

/// The start of an attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptStarted {
    /// The recovery strategy that runs (`agent`, ...).
    pub strategy: String,
    /// The planner that drives the attempt (`heuristic`, `llm`, ...).
    #[serde(default)]
    pub planner: String,
    /// The episode the attempt recovers, when it started from one.
    pub episode_id: Option<EpisodeId>,
    /// The episode page the attempt starts from, redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The start of a tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCallStarted {
    /// The call's step number within the attempt, counting from 1.
    pub step: u32,
    /// The tool called.
    pub tool: String,
    /// The call's arguments, redacted.
    pub args: Value,
}

/// A finished call carries its arguments and start time again so that a sink which
/// never saw the start (it was dropped, or the sink was added late) can still write a
/// complete record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCallFinished {
    /// The call's step number within the attempt, counting from 1.
    pub step: u32,
    /// The tool called.
    pub tool: String,
    /// The call's arguments, redacted.
    pub args: Value,
    /// When the call started.
    pub started_at: DateTime<Utc>,
    /// How the call ended.
    pub outcome: StepOutcome,
    /// How long the call ran, in milliseconds.
    pub duration_ms: u64,
    /// The tool's text output or error, redacted and truncated to the output limit.
    pub output: String,
    /// Model tokens the call used (a model request, a model translation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<TokenUsage>,
}

/// Tokens of a language model: what it read and what it wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TokenUsage {
    /// Tokens the model read (the prompt).
    pub input_tokens: u64,
    /// Tokens the model wrote (the completion).
    pub output_tokens: u64,
}

impl TokenUsage {
    /// Tokens read and written together, saturating.
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
    /// The step whose call took the screenshot.
    pub step: u32,
    /// The ledger's id of the stored PNG.
    pub screenshot_id: i64,
    /// Size of the PNG in bytes.
    pub size_bytes: u64,
}

/// A sentence from the planner about why it does what it does, or from the runtime about
/// something it did (an unknown tool, a restart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannerNote {
    /// The step the note explains, when the planner attached it to a tool call.
    pub step: Option<u32>,
    /// The note itself, redacted.
    pub note: String,
}

/// The end of an attempt, with the status written to its row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptFinished {
    /// The terminal status.
    pub status: AttemptStatus,
    /// Whether the episode was recovered.
    pub success: bool,
    /// The planner's final message, or why the runtime ended the attempt.
    pub message: String,
    /// How many tool calls the attempt made.
    pub steps: u32,
}

/// How one tool call ended. `Running` is the state written when the call starts;
/// `Interrupted` is written by the reconciler for a call whose daemon died mid-call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    /// The call has started and not ended.
    Running,
    /// The tool returned output.
    Success,
    /// The tool returned an error, or the planner asked for an unknown tool or bad
    /// arguments.
    Error,
    /// The call ran past its deadline and was dropped.
    Timeout,
    /// The tool actor panicked during the call and was restarted.
    Crashed,
    /// The attempt was cancelled or ran out of time while the call ran.
    Cancelled,
    /// The egress or navigation policy refused what the call needed.
    Blocked,
    /// The daemon died during the call; written by the reconciler on the next start.
    Interrupted,
}

impl StepOutcome {
    /// Every outcome, in declaration order.
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

    /// The outcome's name as stored in rows and serialized.
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

    /// The outcome named `text`, as [`as_str`](Self::as_str) writes it.
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
    /// Running, or not yet known to have ended.
    Attempted,
    /// The planner recovered the episode.
    Resolved,
    /// The attempt escalated: the planner gave up, or a budget or deadline ran out.
    AwaitingHuman,
    /// An operator cancelled the attempt.
    Cancelled,
    /// The daemon died while the attempt ran; set by the reconciler.
    Interrupted,
}

impl AttemptStatus {
    /// Every status, in declaration order.
    pub const ALL: [AttemptStatus; 5] = [
        AttemptStatus::Attempted,
        AttemptStatus::Resolved,
        AttemptStatus::AwaitingHuman,
        AttemptStatus::Cancelled,
        AttemptStatus::Interrupted,
    ];

    /// The status's name as stored in rows and serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptStatus::Attempted => "attempted",
            AttemptStatus::Resolved => "resolved",
            AttemptStatus::AwaitingHuman => "awaiting_human",
            AttemptStatus::Cancelled => "cancelled",
            AttemptStatus::Interrupted => "interrupted",
        }
    }

    /// The status named `text`, as [`as_str`](Self::as_str) writes it.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the attempt has ended: anything but `Attempted`.
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
