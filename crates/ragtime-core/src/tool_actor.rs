//! `ToolActor`: runs one tool call at a time for its attempt.
//!
//! The call runs inside `handle`, so a `kill` from the supervisor drops the call's
//! future at its next await point, and a panic in a tool fails this actor (which the
//! supervisor sees as `crashed`) instead of the attempt. Arguments are checked against
//! the tool's JSON Schema first (a planner's, above all a model's, arguments are
//! untrusted): a call that does not fit is a failed step with the reason. A screenshot
//! the tool returns is stored here, through the ledger, so the supervisor and sinks
//! only see its id.

use std::sync::Arc;

use ractor::{Actor, ActorProcessingErr, ActorRef};

use crate::error::ToolError;
use crate::ledger::AttemptLedger;
use crate::messages::{AttemptMsg, StoredScreenshot, ToolMsg, ToolReturn};
use crate::tool::{ToolContext, ToolRegistry};

/// The actor that runs an attempt's tool calls, one at a time, linked to its supervisor.
pub struct ToolActor;

/// What a [`ToolActor`] starts with; kept as its state.
pub struct ToolActorArgs {
    /// The attempt whose calls it runs.
    pub attempt_id: crate::AttemptId,
    /// The attempt's tools.
    pub tools: Arc<ToolRegistry>,
    /// Where [`ToolReturn`]s go.
    pub supervisor: ActorRef<AttemptMsg>,
    /// Stores the screenshots calls return.
    pub ledger: Arc<dyn AttemptLedger>,
    /// Largest screenshot stored; a larger one is refused.
    pub screenshot_max_bytes: usize,
}

impl Actor for ToolActor {
    type Msg = ToolMsg;
    type State = ToolActorArgs;
    type Arguments = ToolActorArgs;

    async fn pre_start(
        &self,
        _myself: ActorRef<Self::Msg>,
        args: ToolActorArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        Ok(args)
    }

    async fn handle(
        &self,
        _myself: ActorRef<Self::Msg>,
        message: ToolMsg,
        state: &mut ToolActorArgs,
    ) -> Result<(), ActorProcessingErr> {
        let ToolMsg::Run { step, call } = message;
        let ctx = ToolContext {
            attempt_id: state.attempt_id,
            step,
        };
        let outcome = match state.tools.get(&call.tool) {
            None => Err(ToolError::InvalidArgs(format!(
                "no tool named {:?}",
                call.tool
            ))),
            Some(tool) => match crate::schema::check(&tool.parameters(), &call.args) {
                Ok(()) => tool.call(&call.args, &ctx).await,
                Err(why) => Err(ToolError::InvalidArgs(why)),
            },
        };
        let (result, data, usage, screenshot) = match outcome {
            Ok(output) => {
                let screenshot = match output.screenshot_png {
                    Some(png) => Some(state.store_screenshot(step, &png).await),
                    None => None,
                };
                (Ok(output.text), output.data, output.usage, screenshot)
            }
            Err(err) => (Err(err), None, None, None),
        };
        // The supervisor may already have given up on this step; it ignores stale steps.
        let _ = state.supervisor.cast(AttemptMsg::ToolReturned(ToolReturn {
            step,
            result,
            data,
            usage,
            screenshot,
        }));
        Ok(())
    }
}

impl ToolActorArgs {
    async fn store_screenshot(&self, step: u32, png: &[u8]) -> StoredScreenshot {
        if png.len() > self.screenshot_max_bytes {
            return StoredScreenshot::Refused {
                reason: format!(
                    "screenshot of {} bytes exceeds the cap of {} bytes",
                    png.len(),
                    self.screenshot_max_bytes
                ),
            };
        }
        match self
            .ledger
            .save_screenshot(self.attempt_id, step, png)
            .await
        {
            Ok(id) => StoredScreenshot::Stored {
                id,
                size_bytes: png.len() as u64,
            },
            Err(err) => StoredScreenshot::Refused {
                reason: err.to_string(),
            },
        }
    }
}
