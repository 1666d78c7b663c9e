//! The messages between the runtime's actors and the values they carry: what an
//! attempt is started with (`AttemptSpec`), what its supervisor and tool actor send
//! each other, how it ends (`AttemptReport`), and the registry of live attempts.
//!
//! They sit apart from the actors so the runtime, the supervisor and the tool actor
//! each depend on this file and none on another's internals.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ractor::{ActorRef, RpcReplyPort};

use crate::error::{PlannerError, ToolError};
use crate::event::{AttemptId, AttemptStatus, TraceId};
use crate::planner::{AttemptContext, Decision, Planner};
use crate::tool::{ToolCall, ToolRegistry};

/// Messages of an attempt's supervisor (`AttemptSupervisor`); most it sends to itself.
pub enum AttemptMsg {
    /// Ask the planner for the next decision.
    PlanNext,
    /// The planner answered. An answer of an older generation (the attempt moved on
    /// meanwhile) is ignored.
    Planned {
        /// Which planner request this answers.
        generation: u64,
        /// The planner's decision or error.
        decision: Result<Decision, PlannerError>,
    },
    /// The tool actor finished a call.
    ToolReturned(ToolReturn),
    /// The deadline of the call of step `step` passed.
    ToolDeadline {
        /// The step whose deadline passed.
        step: u32,
    },
    /// The attempt's deadline passed.
    AttemptDeadline,
    /// Time to refresh the attempt's heartbeat.
    Heartbeat,
    /// Ends the attempt as `cancelled`; replies `true` once the terminal status is written.
    Cancel {
        /// Why, written as the attempt's message.
        reason: String,
        /// Receives whether the `cancelled` status was written.
        reply: Option<RpcReplyPort<bool>>,
    },
}

/// Messages of an attempt's tool actor (`ToolActor`).
pub enum ToolMsg {
    /// Run `call` as step `step` and report a [`ToolReturn`] to the supervisor.
    Run {
        /// The step number the supervisor gave the call.
        step: u32,
        /// The call to run.
        call: ToolCall,
    },
}

/// A screenshot as reported back: stored (with its id) or refused for its size.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredScreenshot {
    /// The ledger stored the PNG under `id`; it is `size_bytes` long.
    Stored {
        /// The ledger's id of the PNG.
        id: i64,
        /// Its size in bytes.
        size_bytes: u64,
    },
    /// The PNG was over the size cap or the ledger refused it, for `reason`.
    Refused {
        /// Why, in words: the size and the cap, or the ledger's error.
        reason: String,
    },
}

/// A finished call as the tool actor reports it to its supervisor.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolReturn {
    /// The step the call ran as.
    pub step: u32,
    /// The tool's text output, or its error.
    pub result: Result<String, ToolError>,
    /// The tool's structured facts, for the planner.
    pub data: Option<serde_json::Value>,
    /// Model tokens the call used.
    pub usage: Option<crate::event::TokenUsage>,
    /// What became of the call's screenshot, when it returned one.
    pub screenshot: Option<StoredScreenshot>,
}

/// Everything one attempt needs. The attempt row must already exist.
pub struct AttemptSpec {
    /// The id of the attempt's existing row.
    pub attempt_id: AttemptId,
    /// The trace id written on that row; every event of the attempt carries it.
    pub trace_id: TraceId,
    /// The planner's name, reported in `attempt_started` (`heuristic`, `llm`, ...).
    pub strategy: String,
    /// What the attempt recovers, as the planner sees it.
    pub context: Arc<AttemptContext>,
    /// The planner that chooses each step.
    pub planner: Arc<dyn Planner>,
    /// The tools the planner may call.
    pub tools: Arc<ToolRegistry>,
}

/// How an attempt ended, as its waiter learns it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptReport {
    /// The attempt that ended.
    pub attempt_id: AttemptId,
    /// The terminal status.
    pub status: AttemptStatus,
    /// Whether the episode was recovered.
    pub success: bool,
    /// The planner's final message, or why the runtime ended the attempt.
    pub message: String,
    /// How many tool calls the attempt made.
    pub steps: u32,
    /// The audio the planner found, when it resolved the episode.
    pub audio_url: Option<String>,
    /// False when the ledger stayed unavailable past `finish_write_timeout`.
    pub status_written: bool,
}

/// Live attempts by id, so they can be cancelled by id.
#[derive(Clone, Default)]
pub struct AttemptRegistry(Arc<Mutex<HashMap<AttemptId, ActorRef<AttemptMsg>>>>);

impl AttemptRegistry {
    pub(crate) fn insert(&self, id: AttemptId, actor: ActorRef<AttemptMsg>) -> bool {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if map.contains_key(&id) {
            return false;
        }
        map.insert(id, actor);
        true
    }

    pub(crate) fn remove(&self, id: AttemptId) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&id);
    }

    pub(crate) fn get(&self, id: AttemptId) -> Option<ActorRef<AttemptMsg>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&id)
            .cloned()
    }

    pub(crate) fn all(&self) -> Vec<ActorRef<AttemptMsg>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .values()
            .cloned()
            .collect()
    }

    /// How many attempts are running.
    pub fn len(&self) -> usize {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }

    /// Whether no attempt is running.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
