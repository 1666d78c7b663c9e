//! `ScriptedPlanner`: replays a fixed list of decisions.
//!
//! The next decision is the script entry at the number of finished calls, so the
//! planner holds no state of its own and a restarted attempt replays the same way.

use async_trait::async_trait;
use ragtime_core::{AttemptContext, Decision, Planner, PlannerError, ToolCallRecord, ToolSpec};

/// A planner that returns its script's decisions in order and escalates once the script
/// runs out.
#[derive(Debug, Clone, Default)]
pub struct ScriptedPlanner {
    script: Vec<Decision>,
}

impl ScriptedPlanner {
    /// A planner that plays `script`, one decision per finished call.
    pub fn new(script: Vec<Decision>) -> Self {
        ScriptedPlanner { script }
    }
}

#[async_trait]
impl Planner for ScriptedPlanner {
    fn name(&self) -> &str {
        "scripted"
    }

    async fn next(
        &self,
        _context: &AttemptContext,
        history: &[ToolCallRecord],
        _tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError> {
        Ok(self.script.get(history.len()).cloned().unwrap_or_else(|| {
            Decision::escalate(format!("script ended after {} calls", history.len()))
        }))
    }
}
