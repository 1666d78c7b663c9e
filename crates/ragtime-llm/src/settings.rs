//! The `[llm]` section of the config: which OpenAI-compatible model drives the agent,
//! and how much of it an attempt may use.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Whether a cassette is written or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CassetteMode {
    /// Every model exchange is appended to the cassette.
    Record,
    /// Model replies come from the cassette, in order; no request leaves ragtime.
    Replay,
}

/// The `[llm]` table: which model server and model, and the budgets of one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LlmSettings {
    /// The API's base URL, ending before `/chat/completions`: OpenAI, or any
    /// compatible server (Ollama `http://127.0.0.1:11434/v1`, vLLM, llama.cpp server,
    /// OpenRouter). Its host is reachable whatever `[browser] allow_hosts` says.
    pub base_url: String,
    /// The model's name at that server.
    pub model: String,
    /// The name of the environment variable that holds the API key (never the key
    /// itself); empty for servers that take none.
    pub api_key_env: String,
    /// Model requests one attempt may make.
    pub max_requests: u32,
    /// Tokens (read and written) one attempt may use.
    pub max_tokens: u64,
    /// Longest wait for one model reply.
    #[serde(with = "humantime_serde")]
    pub request_timeout: Duration,
    /// Most tokens the model may write per reply.
    pub max_output_tokens: u32,
    /// Send `parallel_tool_calls: false` (OpenAI's reasoning models reject it).
    pub send_parallel_tool_calls: bool,
    /// Ask for `max_completion_tokens` (OpenAI) rather than `max_tokens` (Ollama,
    /// llama.cpp, vLLM).
    pub max_completion_tokens: bool,
    /// Largest screenshot sent to the model; larger ones are described, not sent.
    pub image_max_bytes: usize,
    /// A JSON-lines file of model exchanges to record into or replay from.
    pub cassette: Option<PathBuf>,
    /// Whether the cassette is recorded into or replayed from; replay by default.
    pub cassette_mode: CassetteMode,
}

impl Default for LlmSettings {
    fn default() -> Self {
        LlmSettings {
            base_url: "https://api.openai.com/v1".to_string(),
            model: "gpt-4.1-mini".to_string(),
            api_key_env: "OPENAI_API_KEY".to_string(),
            max_requests: 30,
            max_tokens: 200_000,
            request_timeout: Duration::from_secs(60),
            max_output_tokens: 1024,
            send_parallel_tool_calls: true,
            max_completion_tokens: true,
            image_max_bytes: 1_500_000,
            cassette: None,
            cassette_mode: CassetteMode::Replay,
        }
    }
}

impl LlmSettings {
    /// The API key from the environment (`None` when `api_key_env` is empty), or why
    /// there is none: one line, naming the variable.
    pub fn api_key(&self) -> Result<Option<String>, String> {
        let name = self.api_key_env.trim();
        if name.is_empty() {
            return Ok(None);
        }
        match std::env::var(name) {
            Ok(key) if !key.trim().is_empty() => Ok(Some(key.trim().to_string())),
            _ => Err(format!(
                "[agent] planner = \"llm\" needs an API key in the environment variable {name} ([llm] api_key_env); set it, or set api_key_env = \"\" for a server that takes none"
            )),
        }
    }

    /// Rules serde cannot express.
    pub fn validate(&self) -> Result<(), String> {
        let url = url::Url::parse(&self.base_url)
            .map_err(|e| format!("llm.base_url {:?} is not a URL: {e}", self.base_url))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(format!(
                "llm.base_url {:?} must be an http(s) URL",
                self.base_url
            ));
        }
        if self.model.trim().is_empty() {
            return Err("llm.model is empty".to_string());
        }
        if self.max_requests == 0 || self.max_tokens == 0 || self.max_output_tokens == 0 {
            return Err(
                "llm.max_requests, llm.max_tokens and llm.max_output_tokens must be at least 1"
                    .to_string(),
            );
        }
        if self.request_timeout.is_zero() {
            return Err("llm.request_timeout must be above zero".to_string());
        }
        Ok(())
    }
}
