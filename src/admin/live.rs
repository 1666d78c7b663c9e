//! `/attempts/{id}/events`: the attempt's steps as Server-Sent Events.
//!
//! The stream reads the attempt's rows, so it shows what any daemon sharing the
//! database writes. It sends every step on connect (a reconnecting page catches up),
//! then each change, then `end` with the terminal status.

use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use serde_json::json;

use super::Shared;

const POLL: Duration = Duration::from_millis(100);

pub async fn events(
    State(state): State<Shared>,
    Path(id): Path<i64>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = async_stream(state, id);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn async_stream(state: Shared, id: i64) -> impl Stream<Item = Result<Event, Infallible>> {
    let (tx, rx) = tokio::sync::mpsc::channel::<Event>(64);
    tokio::spawn(async move {
        let mut sent: HashMap<i32, (String, Option<String>)> = HashMap::new();
        let mut ended_at: Option<std::time::Instant> = None;
        loop {
            let (row, steps) = match (state.store.attempt(id).await, state.store.steps(id).await) {
                (Ok(Some(row)), Ok(steps)) => (row, steps),
                _ => break,
            };
            let any_running = steps.iter().any(|s| s.outcome == "running");
            for s in steps {
                let fingerprint = (s.outcome.clone(), s.note.clone());
                if sent.get(&s.step_number) == Some(&fingerprint) {
                    continue;
                }
                sent.insert(s.step_number, fingerprint);
                let data = json!({
                    "step": s.step_number, "tool": s.tool_name,
                    "args": ragtime_timeline::clean(&s.tool_input.to_string(), 300),
                    "outcome": s.outcome, "duration_ms": s.duration_ms, "output": s.tool_output,
                    "note": s.note, "started": s.started_at.timestamp_millis(),
                });
                if tx
                    .send(Event::default().event("step").data(data.to_string()))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            // The terminal status can land before the sinks' last writes; wait a
            // little for the steps to catch up so the page ends complete.
            let settled =
                !any_running || ended_at.is_some_and(|t| t.elapsed() > Duration::from_secs(3));
            if row.status != "attempted" && ended_at.is_none() {
                ended_at = Some(std::time::Instant::now());
            }
            if row.status != "attempted" && settled {
                let end = json!({"status": row.status, "message": row.message});
                let _ = tx
                    .send(Event::default().event("end").data(end.to_string()))
                    .await;
                return;
            }
            tokio::time::sleep(POLL).await;
        }
    });
    futures_util::StreamExt::map(
        tokio_stream::wrappers::ReceiverStream::new(rx),
        Ok::<Event, Infallible>,
    )
}
