//! `notify` sink: PostgreSQL `NOTIFY` of every event, so that the admin of every
//! daemon on the database shows every daemon's attempts live.
//!
//! A batch is one statement (`pg_notify` over an array), delivered to listeners in
//! order when it commits. [`Store::relay_notifications`](crate::Store::relay_notifications)
//! is the other end. NOTIFY is fire-and-forget: a listener that was disconnected
//! misses events, which is why live pages also re-read the rows now and then.

use std::sync::Arc;

use async_trait::async_trait;
use ragtime_core::{EventKind, ProgressEvent, Sink, SinkError};
use sea_orm::sqlx;
use sea_orm::{DatabaseBackend, DatabaseConnection};
use serde::{Deserialize, Serialize};

use super::classify_sqlx;

/// The channel every daemon listens on.
pub const PROGRESS_CHANNEL: &str = "ragtime_progress";

/// PostgreSQL refuses payloads of 8000 bytes or more.
const MAX_PAYLOAD: usize = 7900;

/// What travels in one notification.
#[derive(Debug, Serialize, Deserialize)]
pub struct Notified {
    /// The daemon that sent it, so it can skip its own events.
    pub origin: String,
    /// The progress event itself.
    pub event: ProgressEvent,
}

/// The sink that sends every event on [`PROGRESS_CHANNEL`] (PostgreSQL only; see the
/// module docs).
#[derive(Debug, Clone)]
pub struct NotifySink {
    db: DatabaseConnection,
    origin: String,
}

impl NotifySink {
    /// `origin` names this daemon; listeners with the same origin skip its events.
    pub fn new(store: &crate::Store, origin: &str) -> NotifySink {
        NotifySink {
            db: store.progress_connection().clone(),
            origin: origin.to_string(),
        }
    }
}

#[async_trait]
impl Sink for NotifySink {
    fn name(&self) -> &str {
        "notify"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        if self.db.get_database_backend() != DatabaseBackend::Postgres {
            return Err(SinkError::Permanent(
                "the notify sink needs PostgreSQL".to_string(),
            ));
        }
        // An event that cannot fit is left out rather than failing the whole batch:
        // listeners miss it and catch up from the rows.
        let payloads: Vec<String> = events
            .iter()
            .filter_map(|event| match payload(&self.origin, event) {
                Ok(text) => Some(text),
                Err(err) => {
                    tracing::warn!(error = %err, "left an event out of the notifications");
                    None
                }
            })
            .collect();
        if payloads.is_empty() {
            return Ok(());
        }
        let pool = self.db.get_postgres_connection_pool();
        sqlx::query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload")
            .bind(PROGRESS_CHANNEL)
            .bind(payloads)
            .execute(pool)
            .await
            .map(|_| ())
            .map_err(|e| classify_sqlx(&e, e.to_string()))
    }
}

/// The event as JSON, with its longest texts cut until it fits in a notification,
/// and then marked `texts_cut`. The rows keep the whole text; a page that needs it
/// re-reads them.
pub fn payload(origin: &str, event: &ProgressEvent) -> Result<String, SinkError> {
    let mut notified = Notified {
        origin: origin.to_string(),
        event: event.clone(),
    };
    for _ in 0..4 {
        let text =
            serde_json::to_string(&notified).map_err(|e| SinkError::Permanent(e.to_string()))?;
        let excess = text.len().saturating_sub(MAX_PAYLOAD);
        if excess == 0 {
            return Ok(text);
        }
        // Listeners learn that the rows hold more than this notification does.
        notified.event.texts_cut = true;
        let too_long = || serde_json::Value::String("(too long to notify)".into());
        match &mut notified.event.kind {
            // Whichever of output and arguments is the larger goes first.
            EventKind::ToolCallFinished(call)
                if call.output.chars().count() > 1
                    && call.output.len() >= call.args.to_string().len() =>
            {
                shorten(&mut call.output, excess)
            }
            EventKind::ToolCallFinished(call) if !call.args.is_string() => call.args = too_long(),
            EventKind::ToolCallFinished(call) => shorten(&mut call.output, excess),
            EventKind::ToolCallStarted(call) => call.args = too_long(),
            EventKind::PlannerNote(note) => shorten(&mut note.note, excess),
            EventKind::AttemptFinished(end) => shorten(&mut end.message, excess),
            EventKind::AttemptStarted(_) | EventKind::ScreenshotTaken(_) => break,
        }
    }
    Err(SinkError::Permanent(format!(
        "event {} of attempt {} does not fit in a notification",
        event.kind.name(),
        event.attempt_id
    )))
}

/// Cuts `text` so that its JSON form is about `excess` bytes shorter, and marks the
/// cut with `…`. Escaping makes some texts longer in JSON than they are, so the cut
/// is made in proportion.
fn shorten(text: &mut String, excess: usize) {
    let escaped = serde_json::to_string(text.as_str())
        .map(|t| t.len())
        .unwrap_or(text.len())
        .max(1);
    let keep_escaped = escaped.saturating_sub(excess + 64);
    let mut keep = text.len() * keep_escaped / escaped;
    while !text.is_char_boundary(keep) {
        keep -= 1;
    }
    text.truncate(keep);
    text.push('…');
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use ragtime_core::{StepOutcome, ToolCallFinished};

    #[test]
    fn a_long_output_is_cut_to_fit_and_stays_valid_json() {
        let event = ProgressEvent {
            texts_cut: false,
            trace_id: ragtime_core::TraceId::default(),
            attempt_id: ragtime_core::AttemptId(7),
            at: Utc::now(),
            kind: EventKind::ToolCallFinished(ToolCallFinished {
                step: 1,
                tool: "get_page_content".into(),
                args: serde_json::json!({}),
                started_at: Utc::now(),
                outcome: StepOutcome::Success,
                duration_ms: 3,
                output: "\"é<\n".repeat(5000),
                usage: None,
            }),
        };
        let text = payload("a", &event).expect("fits after cutting");
        assert!(text.len() <= MAX_PAYLOAD, "{} bytes", text.len());
        let back: Notified = serde_json::from_str(&text).expect("valid JSON");
        assert!(back.event.texts_cut, "a listener learns the text was cut");
        let EventKind::ToolCallFinished(call) = back.event.kind else {
            panic!("kind changed")
        };
        assert!(call.output.ends_with('…') && call.output.starts_with("\"é<"));
    }

    #[test]
    fn huge_arguments_are_replaced_and_small_events_pass_whole() {
        let started = |args: serde_json::Value| ProgressEvent {
            texts_cut: false,
            trace_id: ragtime_core::TraceId::default(),
            attempt_id: ragtime_core::AttemptId(7),
            at: Utc::now(),
            kind: EventKind::ToolCallStarted(ragtime_core::ToolCallStarted {
                step: 2,
                tool: "click_element".into(),
                args,
            }),
        };
        let small = started(serde_json::json!({"selector": "text=\"⋮\""}));
        let text = payload("a", &small).expect("fits");
        let back: Notified = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back.event, small);
        assert!(!back.event.texts_cut && !text.contains("texts_cut"));

        let huge = started(serde_json::json!({"selector": "x".repeat(20_000)}));
        let text = payload("a", &huge).expect("fits after replacing");
        assert!(text.len() <= MAX_PAYLOAD);
        assert!(text.contains("(too long to notify)"));
        let back: Notified = serde_json::from_str(&text).expect("valid JSON");
        assert!(back.event.texts_cut);
    }
}
