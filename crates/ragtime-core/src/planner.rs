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
    pub attempt_id: AttemptId,
    pub episode_id: Option<EpisodeId>,
    /// The episode page the pipeline failed on.
    pub url: Option<String>,
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
    pub step: u32,
    pub call: ToolCall,
    pub outcome: StepOutcome,
    pub output: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// Model tokens the call used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<TokenUsage>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Why the planner chose this; reported as a planner note.
    pub note: Option<String>,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Call(ToolCall),
    Finish(FinalResult),
}

/// The planner's last word: recovered (with the audio it found) or escalate to a human.
#[derive(Debug, Clone, PartialEq)]
pub struct FinalResult {
    pub resolved: bool,
    pub message: String,
    pub audio_url: Option<String>,
}

impl Decision {
    pub fn call(tool: impl Into<String>, args: Value) -> Self {
        Decision {
            note: None,
            action: Action::Call(ToolCall::new(tool, args)),
        }
    }

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

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

#[async_trait]
pub trait Planner: Send + Sync + 'static {
    async fn next(
        &self,
        context: &AttemptContext,
        history: &[ToolCallRecord],
        tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError>;
}
