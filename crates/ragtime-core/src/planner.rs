//! The `Planner` trait: the agent's brain.
//!
//! Given what the attempt is about and the history of calls so far, a planner returns
//! the next tool call or the final result. The supervisor runs it off its own mailbox,
//! so a planner that never answers cannot stall the attempt deadline or a cancel.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::PlannerError;
use crate::event::{AttemptId, EpisodeId, StepOutcome, TokenUsage};
use crate::tool::{ToolCall, ToolSpec};

/// What the attempt is trying to recover.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttemptContext {
    /// The attempt being planned.
    pub attempt_id: AttemptId,
    /// The episode the attempt is for, when it started from one.
    pub episode_id: Option<EpisodeId>,
    /// The episode page the pipeline failed on.
    pub url: Option<String>,
    /// The episode page's language (its `<html lang>`, such as `de`), when it names one;
    /// planners use it to read labels.
    pub language: Option<String>,
    /// Why the pipeline step failed, in words.
    pub failure: Option<String>,
    /// Anything else a planner may use (known audio URL, title, ...).
    #[serde(default)]
    pub extra: Value,
}

/// One finished call as the planner sees it: the full output, not the sink's
/// truncation, and the tool's structured facts when it gave any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToolCallRecord {
    /// The call's step number, counting from 1.
    pub step: u32,
    /// The call as the planner asked for it.
    pub call: ToolCall,
    /// How the call ended.
    pub outcome: StepOutcome,
    /// The tool's full text output (or the error message).
    pub output: String,
    /// The tool's structured facts, when it gave any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// Model tokens the call used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<TokenUsage>,
}

/// The planner's answer for one turn: the next call or the end of the attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Why the planner chose this; reported as a planner note.
    pub note: Option<String>,
    /// What to do next.
    pub action: Action,
}

/// What a planner decided to do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Run this tool call and come back with its record.
    Call(ToolCall),
    /// End the attempt with this result.
    Finish(FinalResult),
}

/// The planner's last word: recovered (with the audio it found) or escalate to a human.
#[derive(Debug, Clone, PartialEq)]
pub struct FinalResult {
    /// Whether the episode was recovered; `false` escalates to a human.
    pub resolved: bool,
    /// The planner's summary, shown with the attempt and written to its row.
    pub message: String,
    /// The audio the planner found, when it resolved the episode.
    pub audio_url: Option<String>,
}

impl Decision {
    /// A decision to call `tool` with `args`.
    pub fn call(tool: impl Into<String>, args: Value) -> Self {
        Decision {
            note: None,
            action: Action::Call(ToolCall::new(tool, args)),
        }
    }

    /// A decision to end the attempt as recovered, with the audio found if any.
    pub fn resolve(message: impl Into<String>, audio_url: Option<String>) -> Self {
        Decision {
            note: None,
            action: Action::Finish(FinalResult {
                resolved: true,
                message: message.into(),
                audio_url,
            }),
        }
    }

    /// A decision to end the attempt and hand it to a human.
    pub fn escalate(message: impl Into<String>) -> Self {
        Decision {
            note: None,
            action: Action::Finish(FinalResult {
                resolved: false,
                message: message.into(),
                audio_url: None,
            }),
        }
    }

    /// Attaches the reason for the decision, reported as a planner note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// Chooses each next step of an attempt. The supervisor runs it off its own mailbox, so a
/// slow planner delays only its attempt.
#[async_trait]
pub trait Planner: Send + Sync + 'static {
    /// The planner's name in `attempt_started` and traces (`heuristic`, `llm`, ...).
    fn name(&self) -> &str {
        "custom"
    }

    /// Returns the next decision given the attempt, the calls so far (oldest first) and the
    /// tools on offer. An error escalates the attempt.
    async fn next(
        &self,
        context: &AttemptContext,
        history: &[ToolCallRecord],
        tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError>;
}
