//! `LlmPlanner`: the model decides each tool call; every model request is itself a
//! step (`model`), so the timeline shows the model thinking, the supervisor's
//! deadlines cover it, and its tokens are counted.
//!
//! A turn goes: the planner rebuilds the conversation from the history and hands the
//! request to the `model` tool, which the runtime runs like any tool; its reply (kept
//! in the step's data) names the next call, which the planner returns; the runtime runs
//! it (checking its arguments against the tool's schema: a call that does not fit
//! is a failed step, and the model reads why); and the planner asks the model again.
//! The attempt ends resolved only when `download_file` saved an MP3, never on the
//! model's word; a reply without a call, or a limit reached, escalates.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_openai::types::chat::CreateChatCompletionRequest;
use async_trait::async_trait;
use ragtime_core::{
    AttemptContext, Decision, Planner, PlannerError, RuntimeSettings, StepOutcome, TokenUsage,
    ToolCallRecord, ToolSpec,
};
use serde_json::{Value, json};

use crate::conversation::{self, MODEL_TOOL, reply_of};
use crate::settings::LlmSettings;

/// Failed model requests in a row that are retried before the attempt escalates.
const MAX_RETRIES: usize = 3;

/// The request the planner prepared for the `model` tool to send.
#[derive(Default)]
pub struct Handoff(Mutex<Option<CreateChatCompletionRequest>>);

impl Handoff {
    pub(crate) fn put(&self, request: CreateChatCompletionRequest) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(request);
    }

    pub(crate) fn take(&self) -> Option<CreateChatCompletionRequest> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

/// The planner of one attempt (it shares its [`Handoff`] with that attempt's `model`
/// tool).
pub struct LlmPlanner {
    settings: Arc<LlmSettings>,
    handoff: Arc<Handoff>,
}

/// How much longer than `request_timeout` a `model` step may take by default: the
/// backoff before a retried request is at most 8 s.
const MODEL_STEP_SLACK: Duration = Duration::from_secs(10);

impl LlmPlanner {
    /// A planner for one attempt that hands its requests to the `model` tool sharing
    /// `handoff`.
    pub fn new(settings: Arc<LlmSettings>, handoff: Arc<Handoff>) -> LlmPlanner {
        LlmPlanner { settings, handoff }
    }

    /// Fits the runtime's limits to this planner, where each model request is a step
    /// of its own: at least `2 × max_requests + 1` steps (a request and its call each,
    /// then the download), and a `model` deadline that lets a slow reply finish
    /// (`request_timeout` plus the retry backoff) unless `[runtime.tool_deadlines]`
    /// names `model`.
    pub fn fit_runtime(settings: &LlmSettings, runtime: &mut RuntimeSettings) {
        runtime.max_steps = runtime
            .max_steps
            .max(settings.max_requests.saturating_mul(2).saturating_add(1));
        runtime
            .tool_deadlines
            .entry(MODEL_TOOL.to_string())
            .or_insert(humantime_serde::Serde::from(
                settings.request_timeout.saturating_add(MODEL_STEP_SLACK),
            ));
    }
}

/// "[retry in N ms]" in a failed model step's output.
fn retry_in(output: &str) -> Option<u64> {
    let rest = output.split("[retry in ").nth(1)?;
    rest.split(" ms]").next()?.trim().parse().ok()
}

/// The call the model asked for, as a decision: its arguments parsed if they are
/// JSON, otherwise passed on as text for the schema check to refuse with a reason.
fn decided_call(name: &str, arguments: &str) -> Decision {
    let args = serde_json::from_str::<Value>(arguments)
        .unwrap_or_else(|_| Value::String(arguments.to_string()));
    // The model never calls the model; the runtime answers a tool it does not know.
    let name = if name == MODEL_TOOL {
        "model (not a tool)"
    } else {
        name
    };
    Decision::call(name, args)
}

impl LlmPlanner {
    fn decide(
        &self,
        context: &AttemptContext,
        history: &[ToolCallRecord],
        tools: &[ToolSpec],
    ) -> Decision {
        // Resolved by a download that passed the MP3 checks, and only by that.
        if let Some(done) = history
            .iter()
            .rev()
            .find(|r| r.call.tool == "download_file" && r.outcome == StepOutcome::Success)
        {
            let url = done
                .call
                .args
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_string);
            return Decision::resolve(
                format!(
                    "downloaded the episode audio: {}",
                    done.output.lines().next().unwrap_or("")
                ),
                url,
            );
        }
        let requests = history.iter().filter(|r| r.call.tool == MODEL_TOOL).count();
        let used = history
            .iter()
            .filter_map(|r| r.usage)
            .fold(TokenUsage::default(), |a, b| a + b);
        let mut wait_ms = 0;
        if let Some(last) = history.last().filter(|r| r.call.tool == MODEL_TOOL) {
            if let Some(reply) = reply_of(last) {
                let note = reply.content.clone();
                return match reply.call {
                    Some(call) => {
                        let decision = decided_call(&call.name, &call.arguments);
                        match note {
                            Some(thought) => decision.with_note(thought),
                            None => decision,
                        }
                    }
                    None => Decision::escalate(format!(
                        "the model stopped without finding the audio: {}",
                        note.unwrap_or_else(|| format!(
                            "no tool call (finish reason {})",
                            reply.finish_reason.as_deref().unwrap_or("none")
                        ))
                    )),
                };
            }
            let failures = history
                .iter()
                .rev()
                .take_while(|r| r.call.tool == MODEL_TOOL && r.outcome != StepOutcome::Success)
                .count();
            let first_line = last.output.lines().next().unwrap_or("").to_string();
            let retryable =
                last.outcome == StepOutcome::Timeout || retry_in(&last.output).is_some();
            if !retryable || failures > MAX_RETRIES {
                return Decision::escalate(format!(
                    "the model failed {failures} time(s) in a row: {first_line}"
                ));
            }
            // The server's own wait when it named one, else 0.5 s doubling to 8 s.
            let backoff = (500u64 << failures.saturating_sub(1).min(4)).min(8000);
            wait_ms = retry_in(&last.output)
                .filter(|ms| *ms > 0)
                .unwrap_or(backoff);
        }
        if requests >= self.settings.max_requests as usize {
            return Decision::escalate(format!(
                "used all {} model requests this attempt may make ([llm] max_requests)",
                self.settings.max_requests
            ));
        }
        if used.total() >= self.settings.max_tokens {
            return Decision::escalate(format!(
                "used {} of the {} tokens this attempt may use ([llm] max_tokens)",
                used.total(),
                self.settings.max_tokens
            ));
        }
        match conversation::request(&self.settings, context, history, tools) {
            Ok(request) => {
                self.handoff.put(request);
                Decision::call(
                    MODEL_TOOL,
                    json!({"turn": requests + 1, "wait_ms": wait_ms, "model": self.settings.model}),
                )
            }
            Err(why) => Decision::escalate(why),
        }
    }
}

#[async_trait]
impl Planner for LlmPlanner {
    fn name(&self) -> &str {
        "llm"
    }

    async fn next(
        &self,
        context: &AttemptContext,
        history: &[ToolCallRecord],
        tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError> {
        Ok(self.decide(context, history, tools))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_planner_gets_steps_for_every_request_and_time_for_a_slow_reply() {
        let llm = LlmSettings::default();
        let mut runtime = RuntimeSettings::default();
        LlmPlanner::fit_runtime(&llm, &mut runtime);
        assert_eq!(
            runtime.max_steps, 61,
            "30 requests, 30 calls and the download"
        );
        assert_eq!(runtime.deadline_for(MODEL_TOOL), Duration::from_secs(70));
        assert_eq!(runtime.deadline_for("click_element"), runtime.tool_deadline);

        let mut chosen = RuntimeSettings {
            max_steps: 100,
            ..RuntimeSettings::default()
        };
        chosen
            .tool_deadlines
            .insert(MODEL_TOOL.into(), Duration::from_secs(5).into());
        LlmPlanner::fit_runtime(&llm, &mut chosen);
        assert_eq!(chosen.max_steps, 100, "a larger budget stays");
        assert_eq!(
            chosen.deadline_for(MODEL_TOOL),
            Duration::from_secs(5),
            "a chosen deadline stays"
        );
    }
}
