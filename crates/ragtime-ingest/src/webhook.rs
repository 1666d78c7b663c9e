//! The `webhook` sink: tells a person when one is needed.
//!
//! When an attempt ends with a status named in `statuses` (by default
//! `awaiting_human`), one JSON message is posted to `url`: the episode, the reason,
//! its last steps and a link to the admin's page of the attempt, in the shape of a
//! Slack incoming webhook, of matrix-hookshot's generic webhooks (`text` and
//! `html`), or ragtime's own JSON. Like every sink it sits behind a bounded queue and
//! never holds up an attempt; a receiver that is away is retried with backoff, and a
//! message that was delivered is not sent again when its events are written again.
//!
//! The request goes through an egress gate of its own, so the egress rules apply:
//! an internal address is refused unless `allow_hosts` names it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use ragtime_core::{
    AttemptFinished, AttemptId, AttemptStatus, EventKind, ProgressEvent, QueueSettings, Sink,
    SinkError,
};
use ragtime_egress::{EgressClient, EgressGate, EgressPolicy, FetchError};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::sync::OnceCell;

/// How many of an attempt's last steps a message shows.
const LAST_STEPS: usize = 5;
/// How much of a step's output a message shows, in characters.
const OUTPUT_CHARS: usize = 200;

/// The message's shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WebhookFormat {
    /// ragtime's own fields, for a receiver of your own.
    #[default]
    Json,
    /// A Slack incoming webhook (`text`, with Slack's link markup).
    Slack,
    /// matrix-hookshot's generic webhooks (`text` as Markdown, `html`).
    Matrix,
}

/// The `[progress.webhook]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebhookSinkConfig {
    /// Where messages are posted; required when the sink is on.
    pub url: String,
    /// The message's shape: `json`, `slack` or `matrix`.
    pub format: WebhookFormat,
    /// The attempt statuses that send a message.
    pub statuses: Vec<String>,
    /// The admin's public address, for the link in each message
    /// (`https://ragtime.example`); none sends no link.
    pub admin_url: Option<String>,
    /// Headers sent with every message, as written here (non-secret ones).
    pub headers: BTreeMap<String, String>,
    /// Headers whose values come from environment variables, by header name; a
    /// variable that is not set is a start-up error.
    pub headers_from_env: BTreeMap<String, String>,
    /// Hosts the webhook may reach although the egress rules refuse their address
    /// (an internal chat server), as `[browser] allow_hosts` writes them.
    pub allow_hosts: Vec<String>,
    /// How long one POST may take.
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
    /// The sink's queue, and the backoff between retries while the receiver is away.
    pub queue: QueueSettings,
}

impl Default for WebhookSinkConfig {
    fn default() -> Self {
        WebhookSinkConfig {
            url: String::new(),
            format: WebhookFormat::Json,
            statuses: vec![AttemptStatus::AwaitingHuman.as_str().to_string()],
            admin_url: None,
            headers: BTreeMap::new(),
            headers_from_env: BTreeMap::new(),
            allow_hosts: Vec::new(),
            timeout: Duration::from_secs(10),
            queue: QueueSettings {
                capacity: 1_000,
                max_batch: 64,
                retry_initial: Duration::from_millis(500),
                retry_max: Duration::from_secs(60),
            },
        }
    }
}

impl WebhookSinkConfig {
    /// Rules serde cannot express: an http(s) URL, known statuses, a valid
    /// `allow_hosts`, headers that can be sent.
    pub fn check(&self) -> Result<(), String> {
        let url = url::Url::parse(self.url.trim())
            .map_err(|e| format!("url {:?} is not a URL: {e}", self.url))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(format!("url {:?} must be an http(s) address", self.url));
        }
        if self.statuses.is_empty() {
            return Err("statuses names no attempt status".to_string());
        }
        for status in &self.statuses {
            if AttemptStatus::parse(status).is_none_or(|s| s == AttemptStatus::Attempted) {
                return Err(format!(
                    "statuses: {status:?} is not a terminal attempt status"
                ));
            }
        }
        if let Some(admin) = &self.admin_url {
            url::Url::parse(admin).map_err(|e| format!("admin_url {admin:?}: {e}"))?;
        }
        EgressPolicy::new(&self.allow_hosts).map_err(|e| e.to_string())?;
        for name in self.headers.keys().chain(self.headers_from_env.keys()) {
            http::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("header name {name:?} cannot be sent"))?;
        }
        Ok(())
    }
}

/// What the sink remembers of an attempt until its message is sent.
#[derive(Default)]
struct Seen {
    episode_id: Option<i64>,
    url: Option<String>,
    strategy: String,
    /// Finished steps by number (a retried batch overwrites, never duplicates).
    steps: BTreeMap<u32, (String, String, String)>,
}

/// The running `webhook` sink.
pub struct WebhookSink {
    config: WebhookSinkConfig,
    url: url::Url,
    /// Every header to send, environment values read at start.
    headers: Vec<(String, String)>,
    gate: EgressGate,
    client: OnceCell<EgressClient>,
    seen: Mutex<HashMap<AttemptId, Seen>>,
    /// The attempts whose message was sent, newest last, so an end seen again (a
    /// retried batch, or one written again event by event after a permanent error)
    /// sends nothing; bounded, since a replay only ever reaches back a batch or two.
    delivered: Mutex<Delivered>,
}

/// A bounded set of the attempts whose message was sent.
#[derive(Default)]
struct Delivered {
    ids: HashSet<AttemptId>,
    order: std::collections::VecDeque<AttemptId>,
}

impl Delivered {
    const KEEP: usize = 4096;

    fn contains(&self, id: &AttemptId) -> bool {
        self.ids.contains(id)
    }

    fn insert(&mut self, id: AttemptId) {
        if self.ids.insert(id) {
            self.order.push_back(id);
            while self.order.len() > Self::KEEP {
                if let Some(old) = self.order.pop_front() {
                    self.ids.remove(&old);
                }
            }
        }
    }
}

impl WebhookSink {
    /// A sink for `config` (already checked); fails when a header's environment
    /// variable is not set or a value cannot be sent.
    pub fn new(config: WebhookSinkConfig) -> Result<WebhookSink, String> {
        let mut headers = Vec::new();
        let mut add = |name: &str, value: String| -> Result<(), String> {
            http::header::HeaderValue::from_str(&value)
                .map_err(|_| format!("the value of header {name} cannot be sent"))?;
            headers.push((name.to_string(), value));
            Ok(())
        };
        for (name, value) in &config.headers {
            add(name, value.clone())?;
        }
        for (name, variable) in &config.headers_from_env {
            let value = std::env::var(variable).map_err(|_| {
                format!("headers_from_env: {name} names ${variable}, which is not set")
            })?;
            add(name, value)?;
        }
        let policy = EgressPolicy::new(&config.allow_hosts).map_err(|e| e.to_string())?;
        let url = url::Url::parse(config.url.trim())
            .map_err(|e| format!("url {:?} is not a URL: {e}", config.url))?;
        Ok(WebhookSink {
            config,
            url,
            headers,
            gate: EgressGate::new(Arc::new(policy)),
            client: OnceCell::new(),
            seen: Mutex::new(HashMap::new()),
            delivered: Mutex::new(Delivered::default()),
        })
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, HashMap<AttemptId, Seen>> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn delivered(&self) -> std::sync::MutexGuard<'_, Delivered> {
        self.delivered.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remembers what a message about the event's attempt will need.
    fn remember(&self, event: &ProgressEvent) {
        let mut seen = self.seen();
        match &event.kind {
            EventKind::AttemptStarted(started) => {
                let entry = seen.entry(event.attempt_id).or_default();
                entry.episode_id = started.episode_id.map(|id| id.get());
                entry.url.clone_from(&started.url);
                entry.strategy.clone_from(&started.strategy);
            }
            EventKind::ToolCallFinished(call) => {
                let output: String = call.output.chars().take(OUTPUT_CHARS).collect();
                let steps = &mut seen.entry(event.attempt_id).or_default().steps;
                steps.insert(
                    call.step,
                    (call.tool.clone(), call.outcome.as_str().to_string(), output),
                );
                while steps.len() > LAST_STEPS {
                    steps.pop_first();
                }
            }
            _ => {}
        }
    }

    /// The message about an attempt that ended with `end`.
    fn message(&self, attempt: AttemptId, end: &AttemptFinished, seen: &Seen) -> Value {
        let link = self
            .config
            .admin_url
            .as_deref()
            .map(|base| format!("{}/attempts/{attempt}", base.trim_end_matches('/')));
        let steps: Vec<Value> = seen
            .steps
            .iter()
            .map(|(step, (tool, outcome, output))| {
                json!({"step": step, "tool": tool, "outcome": outcome, "output": output})
            })
            .collect();
        let episode = seen.url.clone().unwrap_or_default();
        let headline = format!(
            "ragtime: attempt {attempt} ended {} for episode {}",
            end.status.as_str(),
            seen.episode_id
                .map_or_else(String::new, |id| id.to_string()),
        );
        let step_lines = seen
            .steps
            .iter()
            .map(|(step, (tool, outcome, _))| format!("{step}. {tool}: {outcome}"))
            .collect::<Vec<_>>();
        match self.config.format {
            WebhookFormat::Json => json!({
                "event": "attempt_ended",
                "attempt_id": attempt,
                "status": end.status,
                "strategy": seen.strategy,
                "episode_id": seen.episode_id,
                "episode_url": episode,
                "reason": end.message,
                "steps": steps,
                "link": link,
            }),
            WebhookFormat::Slack => {
                let mut text = format!(
                    "*{}*\n{}\nReason: {}",
                    slack_escape(&headline),
                    slack_escape(&episode),
                    slack_escape(&end.message)
                );
                for line in &step_lines {
                    text.push_str(&format!("\n• {}", slack_escape(line)));
                }
                if let Some(link) = &link {
                    text.push_str(&format!("\n<{link}|Open in the admin>"));
                }
                json!({"text": text})
            }
            WebhookFormat::Matrix => {
                let mut text = format!("**{headline}**\n\n{episode}\n\nReason: {}\n", end.message);
                let mut html = format!(
                    "<p><strong>{}</strong></p><p>{}</p><p>Reason: {}</p><ol>",
                    html_escape(&headline),
                    html_escape(&episode),
                    html_escape(&end.message)
                );
                for line in &step_lines {
                    text.push_str(&format!("\n- {line}"));
                    html.push_str(&format!("<li>{}</li>", html_escape(line)));
                }
                html.push_str("</ol>");
                if let Some(link) = &link {
                    text.push_str(&format!("\n\n[Open in the admin]({link})"));
                    html.push_str(&format!(
                        "<p><a href=\"{}\">Open in the admin</a></p>",
                        html_escape(link)
                    ));
                }
                json!({"text": text, "html": html, "username": "ragtime"})
            }
        }
    }

    async fn client(&self) -> Result<&EgressClient, SinkError> {
        self.client
            .get_or_try_init(|| async {
                EgressClient::new(&self.gate)
                    .await
                    .map_err(|e| SinkError::Transient(format!("the webhook's gate: {e}")))
            })
            .await
    }

    async fn send(&self, body: &Value) -> Result<(), SinkError> {
        let client = self.client().await?;
        let limits = ragtime_egress::FetchLimits {
            deadline: self.config.timeout,
            min_rate: 0,
            rate_window: Duration::from_secs(1),
            max_bytes: 64 * 1024,
        };
        let body = serde_json::to_vec(body).map_err(|e| SinkError::Permanent(e.to_string()))?;
        let headers: Vec<(&str, String)> = self
            .headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.clone()))
            .collect();
        let response = client
            .post_json(&self.url, &headers, body, limits)
            .await
            .map_err(|err| match err {
                FetchError::Blocked(refused) => SinkError::Permanent(format!(
                    "webhook: {refused} (name the host in allow_hosts to allow it)"
                )),
                other => SinkError::Transient(format!("webhook: {other}")),
            })?;
        let status = response.status();
        match status.as_u16() {
            200..=299 => Ok(()),
            408 | 429 | 500..=599 => {
                Err(SinkError::Transient(format!("webhook answered {status}")))
            }
            _ => Err(SinkError::Permanent(format!("webhook answered {status}"))),
        }
    }
}

/// Slack's three characters that must be escaped in text.
fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_escape(text: &str) -> String {
    slack_escape(text).replace('"', "&quot;")
}

#[async_trait]
impl Sink for WebhookSink {
    fn name(&self) -> &str {
        "webhook"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        for event in events {
            self.remember(event);
            let EventKind::AttemptFinished(end) = &event.kind else {
                continue;
            };
            let attempt = event.attempt_id;
            let wanted = self
                .config
                .statuses
                .iter()
                .any(|s| s == end.status.as_str());
            if !wanted || self.delivered().contains(&attempt) {
                self.seen().remove(&attempt);
                continue;
            }
            let body = {
                let seen = self.seen();
                let empty = Seen::default();
                self.message(attempt, end, seen.get(&attempt).unwrap_or(&empty))
            };
            self.send(&body).await?;
            self.delivered().insert(attempt);
            self.seen().remove(&attempt);
        }
        Ok(())
    }
}
