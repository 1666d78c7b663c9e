//! ragtime-llm: the LLM planner. Any OpenAI-compatible model (OpenAI, Ollama, vLLM,
//! llama.cpp server, OpenRouter) decides the tool calls; each model request is a
//! step of its own (`model`), with its tokens, under the runtime's deadlines.
//!
//! [`LlmPlanner`] rebuilds the conversation from the history each turn
//! ([`conversation`]) and hands it to [`ModelTool`], which sends it through
//! [`ModelClient`] (ragtime's egress gate, a deadline, a cap on the reply; or a
//! [`Cassette`]). [`LlmSettings`] is the `[llm]` section of the config.

mod cassette;
mod client;
pub mod conversation;
mod planner;
mod prompt;
mod settings;
mod tools;

pub use cassette::{Cassette, shape};
pub use client::{ModelCall, ModelClient, ModelError, ModelReply, parse_reply};
pub use planner::{Handoff, LlmPlanner};
pub use settings::{CassetteMode, LlmSettings};
pub use tools::{ModelTool, ModelTranslate};
