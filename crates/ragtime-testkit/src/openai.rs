//! A scripted OpenAI-compatible Chat Completions server on loopback: the stand-in for
//! a paid model API in tests.
//!
//! Replies come from a script, in order, each either fixed or computed from the
//! request; faults are scripted the same way (a status with a body and headers, a
//! reply that never comes, a body that is not JSON, a huge body). Every request body
//! is kept for assertions. Dropping the server with scripted turns left over fails
//! the test: a script that was not used up means the conversation went otherwise.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::task::JoinHandle;

/// One scripted answer.
pub enum Turn {
    /// A reply that calls `tool` with `arguments` (the JSON text the model writes,
    /// which may be malformed on purpose).
    Call {
        /// The tool the reply calls.
        tool: String,
        /// The call's arguments as JSON text, sent as is.
        arguments: String,
    },
    /// A reply with text and no tool call.
    Text(String),
    /// An error status with a JSON body and extra headers (`retry-after`, ...).
    Status {
        /// The HTTP status.
        code: u16,
        /// The JSON body, usually an OpenAI-style `{"error": ...}`.
        body: Value,
        /// Extra headers as (name, value) pairs.
        headers: Vec<(String, String)>,
    },
    /// A 200 whose body is this text, as is.
    Raw(String),
    /// A 200 of this many bytes.
    Huge(usize),
    /// No answer at all.
    Hang,
    /// A turn computed from the request body.
    Computed(Box<dyn Fn(&Value) -> Turn + Send>),
}

impl Turn {
    /// A reply calling `tool` with `args`.
    pub fn call(tool: &str, args: Value) -> Turn {
        Turn::Call {
            tool: tool.to_string(),
            arguments: args.to_string(),
        }
    }

    /// A reply of plain text, with no tool call.
    pub fn text(text: &str) -> Turn {
        Turn::Text(text.to_string())
    }

    /// A 429 asking to wait `seconds`.
    pub fn rate_limited(seconds: u32) -> Turn {
        Turn::Status {
            code: 429,
            body: json!({"error": {"message": "Rate limit reached for requests", "type": "requests", "code": "rate_limit_exceeded"}}),
            headers: vec![("retry-after".to_string(), seconds.to_string())],
        }
    }
}

/// Tokens every scripted reply reports: 100 read per message of the conversation, 12
/// written, so longer conversations cost more and the figures are the same every run.
fn usage(request: &Value) -> Value {
    let messages = request["messages"].as_array().map_or(0, Vec::len) as u64;
    json!({"prompt_tokens": 100 * messages, "completion_tokens": 12, "total_tokens": 100 * messages + 12})
}

fn json_body(code: StatusCode, body: &Value) -> Response {
    (
        code,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn reply(turn: Turn, request: &Value, number: usize) -> Response {
    let completion = |message: Value, finish: &str| {
        json!({
            "id": format!("chatcmpl-{number}"), "object": "chat.completion", "created": 1_764_000_000u64,
            "model": request["model"].clone(),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": usage(request),
        })
    };
    match turn {
        Turn::Call { tool, arguments } => json_body(
            StatusCode::OK,
            &completion(
                json!({"role": "assistant", "content": null, "tool_calls": [
                    {"id": format!("call_{number}"), "type": "function", "function": {"name": tool, "arguments": arguments}}]}),
                "tool_calls",
            ),
        ),
        Turn::Text(text) => json_body(
            StatusCode::OK,
            &completion(json!({"role": "assistant", "content": text}), "stop"),
        ),
        Turn::Status {
            code,
            body,
            headers,
        } => {
            let mut response = json_body(
                StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                &body,
            );
            for (name, value) in headers {
                if let (Ok(name), Ok(value)) =
                    (HeaderName::try_from(name), HeaderValue::try_from(value))
                {
                    response.headers_mut().insert(name, value);
                }
            }
            response
        }
        Turn::Raw(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Turn::Huge(bytes) => (
            [(header::CONTENT_TYPE, "application/json")],
            "x".repeat(bytes),
        )
            .into_response(),
        Turn::Hang => (StatusCode::GATEWAY_TIMEOUT, "never sent").into_response(),
        Turn::Computed(make) => reply(make(request), request, number),
    }
}

#[derive(Default)]
struct Shared {
    script: VecDeque<Turn>,
    requests: Vec<Value>,
    authorizations: Vec<Option<String>>,
    /// Requests that came after the script ran out.
    unscripted: usize,
}

type Script = Arc<Mutex<Shared>>;

fn lock(shared: &Script) -> std::sync::MutexGuard<'_, Shared> {
    shared.lock().unwrap_or_else(|p| p.into_inner())
}

async fn complete(
    State(shared): State<Script>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let request: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (turn, number) = {
        let mut s = lock(&shared);
        s.requests.push(request.clone());
        s.authorizations.push(authorization);
        let turn = s.script.pop_front();
        if turn.is_none() {
            s.unscripted += 1;
        }
        (turn, s.requests.len())
    };
    match turn {
        Some(Turn::Hang) => std::future::pending().await,
        Some(turn) => reply(turn, &request, number),
        // Not retryable, so the planner stops at once; the drop fails the test.
        None => json_body(
            StatusCode::BAD_REQUEST,
            &json!({"error": {"message": "the test's script has no more turns"}}),
        ),
    }
}

/// The scripted model server.
pub struct ScriptedModel {
    addr: SocketAddr,
    shared: Script,
    task: JoinHandle<()>,
}

impl ScriptedModel {
    /// Serves `script` on a free port of 127.0.0.1.
    pub async fn start(script: Vec<Turn>) -> std::io::Result<ScriptedModel> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared: Script = Arc::new(Mutex::new(Shared {
            script: script.into(),
            ..Shared::default()
        }));
        let app = Router::new()
            .route("/v1/chat/completions", post(complete))
            .with_state(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(ScriptedModel { addr, shared, task })
    }

    /// The `[llm] base_url` of this server.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// Every request body received, in order.
    pub fn requests(&self) -> Vec<Value> {
        lock(&self.shared).requests.clone()
    }

    /// The `Authorization` header of every request, in order.
    pub fn authorizations(&self) -> Vec<Option<String>> {
        lock(&self.shared).authorizations.clone()
    }

    /// Turns not served yet.
    pub fn remaining(&self) -> usize {
        lock(&self.shared).script.len()
    }
}

impl Drop for ScriptedModel {
    fn drop(&mut self) {
        self.task.abort();
        let (left, unscripted) = {
            let s = lock(&self.shared);
            (s.script.len(), s.unscripted)
        };
        if std::thread::panicking() {
            return;
        }
        if left > 0 {
            panic!("{left} scripted model turn(s) were never requested");
        }
        if unscripted > 0 {
            panic!("{unscripted} model request(s) came after the script ran out");
        }
    }
}
