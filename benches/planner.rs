//! Planner benchmark (issue 13): prints figures; asserts nothing.
//!
//! `cargo bench --bench planner`. The planners' own time per decision, without any
//! model latency: the LLM planner rebuilds the whole conversation from the history
//! each turn (so its cost grows with the attempt), the heuristic planner reads the
//! history. Histories alternate model steps with tool steps whose outputs are the
//! size of real observations.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::sync::Arc;
use std::time::Instant;

use ragtime_agent::HeuristicPlanner;
use ragtime_core::{
    AttemptContext, Planner, StepOutcome, TokenUsage, ToolCall, ToolCallRecord, ToolSpec,
};
use ragtime_llm::{Handoff, LlmPlanner, LlmSettings, ModelCall, ModelReply};
use serde_json::json;

mod common;
use common::median;

fn tools() -> Vec<ToolSpec> {
    ["navigate_to_url", "observe_page", "find_audio_links", "click_element", "download_file", "analyze_screenshot", "translate_text"]
        .iter()
        .map(|name| ToolSpec {
            name: name.to_string(),
            description: "A tool of the browser, described in a sentence or two as the real ones are.".into(),
            parameters: json!({"type": "object", "properties": {"url": {"type": "string"}, "element": {"type": "integer"}}}),
        })
        .collect()
}

/// `turns` model steps, each followed by the tool call it asked for.
fn history(turns: u32) -> Vec<ToolCallRecord> {
    let observation = "title: Episode\nurl: https://podcasts.example/ep/1\n".to_string()
        + &"[12] button \"More information\" (frame 1)\n".repeat(120);
    let mut out = Vec::new();
    for turn in 0..turns {
        let reply = ModelReply {
            content: Some("Looking at the controls next.".into()),
            call: Some(ModelCall {
                id: format!("call_{turn}"),
                name: "observe_page".into(),
                arguments: "{}".into(),
            }),
            finish_reason: Some("tool_calls".into()),
            usage: TokenUsage {
                input_tokens: 1500,
                output_tokens: 20,
            },
        };
        out.push(ToolCallRecord {
            step: 2 * turn + 1,
            call: ToolCall::new("model", json!({"turn": turn + 1})),
            outcome: StepOutcome::Success,
            output: "model: 1500 in, 20 out".into(),
            data: Some(json!({"reply": reply})),
            usage: Some(reply.usage),
        });
        out.push(ToolCallRecord {
            step: 2 * turn + 2,
            call: ToolCall::new("observe_page", json!({})),
            outcome: StepOutcome::Success,
            output: observation.clone(),
            data: None,
            usage: None,
        });
    }
    out
}

async fn time(planner: &dyn Planner, history: &[ToolCallRecord], rounds: usize) -> f64 {
    let context = AttemptContext {
        url: Some("https://podcasts.example/ep/1".into()),
        ..Default::default()
    };
    let specs = tools();
    let mut samples = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let _ = planner.next(&context, history, &specs).await;
        samples.push(started.elapsed().as_secs_f64() * 1e6);
    }
    median(&mut samples)
}

/// Building the request from the history and writing it as JSON, as the model tool
/// sends it.
fn request_us(history: &[ToolCallRecord], rounds: usize) -> f64 {
    let context = AttemptContext {
        url: Some("https://podcasts.example/ep/1".into()),
        ..Default::default()
    };
    let (settings, specs) = (LlmSettings::default(), tools());
    let mut samples = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        if let Ok(request) =
            ragtime_llm::conversation::request(&settings, &context, history, &specs)
        {
            let _ = serde_json::to_vec(&request);
        }
        samples.push(started.elapsed().as_secs_f64() * 1e6);
    }
    median(&mut samples)
}

#[tokio::main]
async fn main() {
    // Room for the longest history, so every decision rebuilds the conversation
    // rather than stopping at the request limit.
    let settings = LlmSettings {
        max_requests: 1000,
        max_tokens: u64::MAX,
        ..LlmSettings::default()
    };
    let llm = LlmPlanner::new(Arc::new(settings), Arc::new(Handoff::default()));
    for turns in [1u32, 10, 30] {
        let h = history(turns);
        // The LLM planner answers "ask the model" after a tool step; the heuristic one
        // decides from the same history.
        let llm_us = time(&llm, &h, 200).await;
        let heuristic_us = time(&HeuristicPlanner, &h, 200).await;
        let send_us = request_us(&h, 200);
        println!(
            "decision after {turns} model turn(s) ({} steps): LLM planner {llm_us:.0} µs to decide (the conversation rebuilt), {send_us:.0} µs with the request written as JSON; heuristic planner {heuristic_us:.1} µs",
            h.len()
        );
    }
}
