//! `ModelClient`: one Chat Completions request at a time to an OpenAI-compatible
//! server, sent through ragtime's own HTTP client (the egress gate, a deadline, a
//! size cap on the reply), or answered from a cassette.
//!
//! Requests are built with async-openai's wire types; replies are read into a small
//! lenient type of our own, because servers differ (Ollama, llama.cpp and OpenRouter
//! send shapes async-openai's reply type rejects). The API key goes only into the
//! `Authorization` header, and is scrubbed from anything the server sends back.

use std::sync::Arc;
use std::time::Duration;

use async_openai::types::chat::CreateChatCompletionRequest;
use ragtime_core::TokenUsage;
use ragtime_egress::{EgressClient, FetchError, FetchLimits};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use crate::cassette::Cassette;
use crate::settings::LlmSettings;

/// Largest reply read from the server.
const MAX_REPLY_BYTES: u64 = 4 * 1024 * 1024;

/// The tool call a reply asks for (the first; the planner asks for one per turn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelCall {
    /// The id the model gave the call; the tool's answer refers to it.
    pub id: String,
    /// The tool the model asks for.
    pub name: String,
    /// As the model wrote them: JSON text, which may not parse.
    pub arguments: String,
}

/// What the model answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelReply {
    /// The reply's text, if it has any.
    pub content: Option<String>,
    /// The tool call it asks for, if any.
    pub call: Option<ModelCall>,
    /// Why the model stopped, as the server says it (`stop`, `tool_calls`, `length`, ...).
    pub finish_reason: Option<String>,
    /// Tokens the request read and wrote.
    pub usage: TokenUsage,
}

/// Why a request gave no reply.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// The server answered with an error status.
    #[error("HTTP {status} from the model: {message}")]
    Http {
        /// The HTTP status.
        status: u16,
        /// The server's error message, from the reply body when it has one.
        message: String,
        /// Another try may work (a rate limit, an overloaded server).
        retryable: bool,
        /// How long the server asked to wait (`Retry-After`), if it said.
        retry_after: Option<Duration>,
    },
    /// The server could not be reached or the connection broke.
    #[error("the model could not be reached: {0}")]
    Transport(String),
    /// No reply within the request timeout.
    #[error("the model took longer than {0}")]
    Timeout(String),
    /// The egress policy refused the server's address.
    #[error("blocked: {0}")]
    Blocked(String),
    /// The reply is not a Chat Completions reply with a choice, or the request could not be
    /// written.
    #[error("the model's reply is unusable: {0}")]
    Malformed(String),
    /// The cassette could not be read or written, or holds no reply for this request.
    #[error("cassette: {0}")]
    Cassette(String),
}

impl ModelError {
    /// Whether the same request may succeed later.
    pub fn retryable(&self) -> bool {
        match self {
            ModelError::Http { retryable, .. } => *retryable,
            ModelError::Transport(_) | ModelError::Timeout(_) => true,
            _ => false,
        }
    }

    /// How long the server asked to wait before trying again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ModelError::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct Reply {
    #[serde(default)]
    choices: Vec<Choice>,
    #[serde(default)]
    usage: Option<Usage>,
    #[serde(default)]
    error: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct Choice {
    #[serde(default)]
    message: Message,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Message {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    tool_calls: Option<Vec<ReplyCall>>,
}

#[derive(Debug, Deserialize)]
struct ReplyCall {
    #[serde(default)]
    id: Option<String>,
    function: ReplyFunction,
}

#[derive(Debug, Deserialize)]
struct ReplyFunction {
    name: String,
    #[serde(default)]
    arguments: Value,
}

#[derive(Debug, Default, Deserialize)]
struct Usage {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
}

/// Most characters of the model's text kept from one reply (it goes into the step,
/// the escalation message and every later request).
const MAX_CONTENT_CHARS: usize = 4000;
/// Most characters of a tool name; longer is no tool ragtime has.
const MAX_NAME_CHARS: usize = 100;
/// Most bytes of a call's arguments: no tool takes more than a few URLs or texts.
const MAX_ARGUMENT_BYTES: usize = 16 * 1024;

fn capped(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}… [cut]", &text[..at]),
        None => text,
    }
}

/// The reply body as a [`ModelReply`]: the first choice, its first tool call, with
/// its text and call cut to sizes a step can hold.
pub fn parse_reply(body: &[u8], turn: usize) -> Result<ModelReply, ModelError> {
    let reply: Reply = serde_json::from_slice(body)
        .map_err(|e| ModelError::Malformed(format!("not a Chat Completions reply: {e}")))?;
    if let Some(error) = reply.error {
        return Err(ModelError::Http {
            status: 200,
            message: error_message(&error),
            retryable: true,
            retry_after: None,
        });
    }
    let choice = reply
        .choices
        .into_iter()
        .next()
        .ok_or_else(|| ModelError::Malformed("no choices in the reply".to_string()))?;
    let call = choice
        .message
        .tool_calls
        .unwrap_or_default()
        .into_iter()
        .next()
        .map(|c| ModelCall {
            id: c
                .id
                .filter(|i| !i.is_empty())
                .unwrap_or_else(|| format!("call_{turn}")),
            name: capped(c.function.name, MAX_NAME_CHARS),
            arguments: match c.function.arguments {
                Value::String(text) => text,
                Value::Null => "{}".to_string(),
                other => other.to_string(),
            },
        })
        .map(|mut c| {
            // Cut arguments are no longer JSON: the schema check refuses them with a
            // reason the model reads, instead of a huge step.
            if c.arguments.len() > MAX_ARGUMENT_BYTES {
                c.arguments = capped(c.arguments, MAX_ARGUMENT_BYTES / 4);
            }
            c
        });
    let usage = reply.usage.unwrap_or_default();
    Ok(ModelReply {
        content: choice
            .message
            .content
            .filter(|c| !c.trim().is_empty())
            .map(|c| capped(c, MAX_CONTENT_CHARS)),
        call,
        finish_reason: choice.finish_reason,
        usage: TokenUsage {
            input_tokens: usage.prompt_tokens,
            output_tokens: usage.completion_tokens,
        },
    })
}

fn error_message(error: &Value) -> String {
    error
        .get("message")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| error.to_string())
}

/// Whether a failed status may work later: timeouts, conflicts, rate limits (not
/// an exhausted quota) and server errors.
fn retryable(status: u16, body: &Value) -> bool {
    let code = |key: &str| {
        body.pointer(&format!("/error/{key}"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let billing = [code("code"), code("type")].iter().any(|c| {
        c.contains("insufficient_quota")
            || c.contains("billing")
            || c.contains("credit")
            || c.contains("spend_limit")
    });
    !billing && matches!(status, 408 | 409 | 429 | 500..=599)
}

/// How long the server asks to wait: `retry-after-ms`, `retry-after` (seconds), or
/// "try again in 229ms / 2.8s" in the message; at most a minute.
fn retry_after(ms_header: Option<&str>, header: Option<&str>, message: &str) -> Option<Duration> {
    let from_headers = ms_header
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|ms| ms / 1000.0)
        .or_else(|| header.and_then(|v| v.trim().parse::<f64>().ok()));
    let from_message = || {
        let re = regex::Regex::new(r"(?i)try again in (\d+(?:\.\d+)?)\s*(ms|s)\b").ok()?;
        let caps = re.captures(message)?;
        let n: f64 = caps.get(1)?.as_str().parse().ok()?;
        Some(if caps.get(2)?.as_str().eq_ignore_ascii_case("ms") {
            n / 1000.0
        } else {
            n
        })
    };
    from_headers
        .or_else(from_message)
        .filter(|s| *s > 0.0 && *s <= 60.0)
        .map(Duration::from_secs_f64)
}

/// A client of one model server, for one attempt.
pub struct ModelClient {
    http: EgressClient,
    endpoint: Url,
    key: Option<String>,
    settings: Arc<LlmSettings>,
    cassette: Option<Arc<Cassette>>,
}

impl ModelClient {
    /// A client of the `/chat/completions` endpoint under `settings.base_url`, sending
    /// through `http` with `key`; with a cassette, it records or replays exchanges. Fails
    /// when the base URL does not parse.
    pub fn new(
        http: EgressClient,
        settings: Arc<LlmSettings>,
        key: Option<String>,
        cassette: Option<Arc<Cassette>>,
    ) -> Result<ModelClient, String> {
        let base = settings.base_url.trim_end_matches('/');
        let endpoint = Url::parse(&format!("{base}/chat/completions"))
            .map_err(|e| format!("llm.base_url: {e}"))?;
        Ok(ModelClient {
            http,
            endpoint,
            key,
            settings,
            cassette,
        })
    }

    /// The settings the client was made with.
    pub fn settings(&self) -> &LlmSettings {
        &self.settings
    }

    /// `text` with the API key taken out.
    pub fn scrub(&self, text: &str) -> String {
        match &self.key {
            Some(key) if key.len() >= 4 => text.replace(key.as_str(), "[redacted]"),
            _ => text.to_string(),
        }
    }

    /// `reply` with the API key taken out, wherever it appears.
    fn scrub_bytes(&self, reply: Vec<u8>) -> Vec<u8> {
        match &self.key {
            Some(key)
                if key.len() >= 4 && reply.windows(key.len()).any(|w| w == key.as_bytes()) =>
            {
                self.scrub(&String::from_utf8_lossy(&reply)).into_bytes()
            }
            _ => reply,
        }
    }

    /// Sends one request (or replays it from the cassette) and reads the reply;
    /// `turn` numbers the request within the attempt.
    pub async fn complete(
        &self,
        request: &CreateChatCompletionRequest,
        turn: usize,
    ) -> Result<ModelReply, ModelError> {
        let body = serde_json::to_vec(request)
            .map_err(|e| ModelError::Malformed(format!("cannot write the request: {e}")))?;
        if let Some(cassette) = &self.cassette
            && cassette.replaying()
        {
            let (status, reply) = cassette.replay(&body).map_err(ModelError::Cassette)?;
            return self.read(status, None, None, &reply, turn);
        }
        let limits = FetchLimits {
            deadline: self.settings.request_timeout,
            min_rate: 0,
            rate_window: self.settings.request_timeout,
            max_bytes: MAX_REPLY_BYTES,
        };
        let mut headers = Vec::new();
        if let Some(key) = &self.key {
            headers.push(("authorization", format!("Bearer {key}")));
        }
        let fetched = self
            .http
            .post_json(&self.endpoint, &headers, body.clone(), limits)
            .await
            .map_err(|e| self.fetch_error(e))?;
        let status = fetched.status().as_u16();
        let ms_header = fetched.header("retry-after-ms");
        let header = fetched.header("retry-after");
        let reply = fetched.bytes().await.map_err(|e| self.fetch_error(e))?;
        // A server that echoes the key (in an error, in the model's text or a call's
        // arguments) must not carry it into steps, rows, logs or a cassette.
        let reply = self.scrub_bytes(reply);
        if let Some(cassette) = &self.cassette {
            cassette
                .record(&body, status, &reply)
                .map_err(ModelError::Cassette)?;
        }
        self.read(
            status,
            ms_header.as_deref(),
            header.as_deref(),
            &reply,
            turn,
        )
    }

    fn fetch_error(&self, err: FetchError) -> ModelError {
        match err {
            FetchError::Blocked(refused) => ModelError::Blocked(self.scrub(&refused.to_string())),
            FetchError::Deadline(after) => ModelError::Timeout(after),
            FetchError::TooLarge(why) => {
                ModelError::Malformed(format!("the reply is too large: {why}"))
            }
            other => ModelError::Transport(self.scrub(&other.to_string())),
        }
    }

    fn read(
        &self,
        status: u16,
        ms_header: Option<&str>,
        header: Option<&str>,
        reply: &[u8],
        turn: usize,
    ) -> Result<ModelReply, ModelError> {
        if !(200..300).contains(&status) {
            let body: Value = serde_json::from_slice(reply).unwrap_or(Value::Null);
            let message = match body.get("error") {
                Some(error) => error_message(error),
                None => String::from_utf8_lossy(reply).chars().take(300).collect(),
            };
            let message = self.scrub(&message);
            return Err(ModelError::Http {
                status,
                retry_after: retry_after(ms_header, header, &message),
                retryable: retryable(status, &body),
                message,
            });
        }
        parse_reply(reply, turn).map_err(|e| match e {
            ModelError::Http {
                status,
                message,
                retryable,
                retry_after,
            } => ModelError::Http {
                status,
                message: self.scrub(&message),
                retryable,
                retry_after,
            },
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_huge_valid_reply_is_cut_to_step_sizes() {
        let body = json!({"choices": [{"message": {
            "content": "x".repeat(100_000),
            "tool_calls": [{"id": "c", "type": "function", "function": {
                "name": "n".repeat(5000),
                "arguments": json!({"text": "y".repeat(200_000)}).to_string()}}]}}]});
        let reply = parse_reply(body.to_string().as_bytes(), 1).expect("a reply");
        let content = reply.content.expect("content");
        assert!(
            content.chars().count() < MAX_CONTENT_CHARS + 10,
            "{}",
            content.len()
        );
        let call = reply.call.expect("call");
        assert!(call.name.chars().count() < MAX_NAME_CHARS + 10);
        assert!(call.arguments.len() <= MAX_ARGUMENT_BYTES);
        assert!(
            serde_json::from_str::<Value>(&call.arguments).is_err(),
            "cut arguments are refused by the schema check, not run"
        );
    }

    #[test]
    fn replies_of_every_server_shape_are_read() {
        let openai = br#"{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"navigate_to_url","arguments":"{\"url\":\"https://e.example/\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":120,"completion_tokens":18,"total_tokens":138}}"#;
        let reply = parse_reply(openai, 1).expect("openai");
        assert_eq!(
            reply.call.as_ref().map(|c| c.name.as_str()),
            Some("navigate_to_url")
        );
        assert_eq!(
            reply.usage,
            TokenUsage {
                input_tokens: 120,
                output_tokens: 18
            }
        );
        // Ollama: no type, arguments as an object, a null finish reason, no usage total.
        let ollama = br#"{"choices":[{"message":{"content":"","tool_calls":[{"function":{"name":"observe_page","arguments":{}}}]},"finish_reason":null}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#;
        let reply = parse_reply(ollama, 3).expect("ollama");
        let call = reply.call.expect("call");
        assert_eq!(
            (call.id.as_str(), call.arguments.as_str()),
            ("call_3", "{}")
        );
        let text = br#"{"choices":[{"message":{"content":"There is no audio on this page."},"finish_reason":"eos_token"}]}"#;
        let reply = parse_reply(text, 1).expect("text");
        assert!(reply.call.is_none());
        assert_eq!(
            reply.content.as_deref(),
            Some("There is no audio on this page.")
        );
        assert!(matches!(
            parse_reply(br#"{"error":{"code":502,"message":"upstream"}}"#, 1),
            Err(ModelError::Http { .. })
        ));
        assert!(matches!(
            parse_reply(b"<html>", 1),
            Err(ModelError::Malformed(_))
        ));
        assert!(matches!(
            parse_reply(br#"{"choices":[]}"#, 1),
            Err(ModelError::Malformed(_))
        ));
    }

    #[test]
    fn rate_limits_are_retried_after_the_time_asked_and_quotas_are_not() {
        let limited: Value = serde_json::json!({"error": {"type": "tokens", "code": "rate_limit_exceeded", "message": "Please try again in 229ms."}});
        assert!(retryable(429, &limited));
        let quota: Value = serde_json::json!({"error": {"type": "insufficient_quota", "code": "insufficient_quota"}});
        assert!(!retryable(429, &quota));
        assert!(retryable(503, &Value::Null));
        assert!(!retryable(401, &Value::Null));
        assert_eq!(
            retry_after(None, Some("2"), ""),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            retry_after(Some("1500"), Some("2"), ""),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            retry_after(None, None, "Please try again in 229ms."),
            Some(Duration::from_millis(229))
        );
        assert_eq!(
            retry_after(None, Some("3600"), ""),
            None,
            "more than a minute is not honoured"
        );
    }
}
