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
use crate::event::{AttemptId, AttemptStatus};
use crate::planner::{AttemptContext, Decision, Planner};
use crate::tool::{ToolCall, ToolRegistry};

/// What an attempt's supervisor handles: its own clock (plans, deadlines,
/// heartbeats), its tool actor's answers, and a cancel.
pub enum AttemptMsg {
    PlanNext,
    Planned {
        generation: u64,
        decision: Result<Decision, PlannerError>,
    },
    ToolReturned(ToolReturn),
    ToolDeadline {
        step: u32,
    },
    AttemptDeadline,
    Heartbeat,
    /// Ends the attempt as `cancelled`; replies `true` once the terminal status is written.
    Cancel {
        reason: String,
        reply: Option<RpcReplyPort<bool>>,
    },
}

/// What a tool actor is asked to do: run one call.
pub enum ToolMsg {
    Run { step: u32, call: ToolCall },
}

/// A screenshot as reported back: stored (with its id) or refused for its size.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredScreenshot {
    Stored { id: i64, size_bytes: u64 },
    Refused { reason: String },
}

/// A finished call as the tool actor reports it to its supervisor.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolReturn {
    pub step: u32,
    pub result: Result<String, ToolError>,
    /// The tool's structured facts, for the planner.
    pub data: Option<serde_json::Value>,
    pub usage: Option<crate::event::TokenUsage>,
    pub screenshot: Option<StoredScreenshot>,
}

/// Everything one attempt needs. The attempt row must already exist.
pub struct AttemptSpec {
    pub attempt_id: AttemptId,
    pub strategy: String,
    pub context: Arc<AttemptContext>,
    pub planner: Arc<dyn Planner>,
    pub tools: Arc<ToolRegistry>,
}

/// How an attempt ended, as its waiter learns it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptReport {
    pub attempt_id: AttemptId,
    pub status: AttemptStatus,
    pub success: bool,
    pub message: String,
    pub steps: u32,
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

    pub fn len(&self) -> usize {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
