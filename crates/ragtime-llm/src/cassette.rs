//! Cassettes: model exchanges as JSON lines, recorded once against a real model and
//! replayed offline (in CI), so a conversation can be tested without the model.
//!
//! Each line is one exchange: `{"shape": [...], "request": {...}, "status": 200,
//! "reply": {...}}`. `shape` is the request's conversation in brief (each message's
//! role and, for the assistant, the tool it called); a replay checks it, so a
//! conversation that goes another way than the recorded one stops with a clear error
//! instead of receiving answers to questions it did not ask. `request` (with loopback
//! ports and attempt numbers taken out) is kept for people reading the cassette; a
//! hand-written cassette may leave it out. Loopback ports are written `[port]` in
//! both, and a replay puts back the ports of the conversation it replays (a test's
//! fixture site has a new port every run).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::settings::CassetteMode;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Exchange {
    shape: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request: Option<Value>,
    status: u16,
    reply: Value,
}

/// One attempt's view of a cassette file.
pub struct Cassette {
    path: PathBuf,
    mode: CassetteMode,
    recorded: Vec<Exchange>,
    next: AtomicUsize,
    writing: Mutex<()>,
}

/// The request's conversation in brief: `system`, `user`, `assistant:<tool>`, `tool`.
pub fn shape(request: &Value) -> Vec<String> {
    request["messages"]
        .as_array()
        .map(|messages| {
            messages
                .iter()
                .map(|m| {
                    let role = m["role"].as_str().unwrap_or("?");
                    match m["tool_calls"][0]["function"]["name"].as_str() {
                        Some(tool) => format!("{role}:{tool}"),
                        None => role.to_string(),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

fn loopback() -> Option<regex::Regex> {
    regex::Regex::new(r"(127\.0\.0\.1|localhost|\[::1\]):(\d+)").ok()
}

/// `text` with the loopback ports of `request` put back where the recording wrote
/// `[port]`: each host gets the first port the request names for it.
fn restore_ports(text: &str, request: &str) -> String {
    let Some(re) = loopback() else {
        return text.to_string();
    };
    let mut out = text.to_string();
    for host in ["127.0.0.1", "localhost", "[::1]"] {
        if let Some(port) = re
            .captures_iter(request)
            .find(|c| c.get(1).is_some_and(|h| h.as_str() == host))
            .and_then(|c| c.get(2))
        {
            out = out.replace(
                &format!("{host}:[port]"),
                &format!("{host}:{}", port.as_str()),
            );
        }
    }
    out
}

/// The request with what changes from run to run (loopback ports, attempt numbers)
/// replaced.
fn normalize(request: &Value) -> Value {
    let text = request.to_string();
    let text = loopback()
        .map(|re| re.replace_all(&text, "$1:[port]").into_owned())
        .unwrap_or(text);
    let text = regex::Regex::new(r"attempt-\d+-")
        .map(|re| re.replace_all(&text, "attempt-[id]-").into_owned())
        .unwrap_or(text);
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

impl Cassette {
    /// Opens `path` for `mode`: a replay reads every exchange now; a recording
    /// appends to the file (made if missing).
    pub fn open(path: &Path, mode: CassetteMode) -> Result<Cassette, String> {
        let recorded = match mode {
            CassetteMode::Record => Vec::new(),
            CassetteMode::Replay => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                text.lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(i, l)| {
                        serde_json::from_str(l)
                            .map_err(|e| format!("{} line {}: {e}", path.display(), i + 1))
                    })
                    .collect::<Result<_, _>>()?
            }
        };
        Ok(Cassette {
            path: path.to_path_buf(),
            mode,
            recorded,
            next: AtomicUsize::new(0),
            writing: Mutex::new(()),
        })
    }

    /// Whether replies come from the cassette rather than the server.
    pub fn replaying(&self) -> bool {
        self.mode == CassetteMode::Replay
    }

    /// The recorded reply to the next request, if the conversation still follows the
    /// recording: (status, body).
    pub fn replay(&self, request: &[u8]) -> Result<(u16, Vec<u8>), String> {
        let turn = self.next.fetch_add(1, Ordering::SeqCst);
        let asked: Value = serde_json::from_slice(request).map_err(|e| e.to_string())?;
        let Some(exchange) = self.recorded.get(turn) else {
            return Err(format!(
                "{} holds {} exchange(s); the conversation asked for turn {}",
                self.path.display(),
                self.recorded.len(),
                turn + 1
            ));
        };
        let asked_shape = shape(&asked);
        if exchange.shape != asked_shape {
            return Err(format!(
                "turn {} left the recording of {}: it recorded {:?}, the conversation is {:?}",
                turn + 1,
                self.path.display(),
                exchange.shape,
                asked_shape
            ));
        }
        let body = restore_ports(&exchange.reply.to_string(), &asked.to_string());
        Ok((exchange.status, body.into_bytes()))
    }

    /// Appends one exchange.
    pub fn record(&self, request: &[u8], status: u16, reply: &[u8]) -> Result<(), String> {
        let asked: Value = serde_json::from_slice(request).map_err(|e| e.to_string())?;
        let reply = serde_json::from_slice(reply)
            .map(|r| normalize(&r))
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(reply).into_owned()));
        let exchange = Exchange {
            shape: shape(&asked),
            request: Some(normalize(&asked)),
            status,
            reply,
        };
        let line = serde_json::to_string(&exchange).map_err(|e| e.to_string())?;
        let _one_at_a_time = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| format!("cannot write {}: {e}", self.path.display()))?;
        writeln!(file, "{line}").map_err(|e| format!("cannot write {}: {e}", self.path.display()))
    }

    /// Exchanges recorded but not replayed yet.
    pub fn unused(&self) -> usize {
        self.recorded
            .len()
            .saturating_sub(self.next.load(Ordering::SeqCst))
    }
}
