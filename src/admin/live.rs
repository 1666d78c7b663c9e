//! The live streams (Server-Sent Events): `/attempts/{id}/events` for one attempt's
//! timeline and `/attempts/events` for the attempts list.
//!
//! Events come from the daemon's [`LiveFeed`](ragtime_core::LiveFeed): its own
//! attempts through the `live` sink, other daemons' through PostgreSQL NOTIFY. A page
//! that connects, or whose subscription fell behind, is caught up from the rows, and
//! every stream also re-reads the rows now and then, because a notification can be
//! lost and an attempt run by a process without the `notify` sink sends none.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::future::Future;
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use ragtime_core::{AttemptStatus, EventKind, ProgressEvent};
use ragtime_store::AttemptFilter;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::mpsc;

use super::Shared;

/// A stream that has had no live event for this long re-reads the rows. While events
/// flow it does not, so many open pages cost no queries.
const REREAD: Duration = Duration::from_secs(2);
/// The terminal status can be written before the sinks' last steps; an ended attempt
/// whose steps still look running is given this long to settle.
const SETTLE: Duration = Duration::from_secs(3);
/// How often the rows are read while an ended attempt settles.
const SETTLE_POLL: Duration = Duration::from_millis(200);

/// One step as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    pub step: i64,
    pub tool: String,
    pub args: String,
    pub outcome: String,
    pub duration_ms: Option<i64>,
    pub output: Option<String>,
    pub note: Option<String>,
    /// Start, in ms since the epoch, for the running clock.
    pub started: i64,
    pub shots: Vec<i64>,
    /// Tokens a model step read and wrote.
    pub tokens: Option<(i64, i64)>,
}

impl StepView {
    fn running(&self) -> bool {
        self.outcome == "running"
    }

    /// Takes in a newer view of the same step. A step never goes back to running
    /// (a late row read or a replayed start), and notes and screenshots accumulate.
    fn merge(&mut self, newer: StepView) {
        let note = newer.note.clone().or_else(|| self.note.take());
        let mut shots = std::mem::take(&mut self.shots);
        for shot in &newer.shots {
            if !shots.contains(shot) {
                shots.push(*shot);
            }
        }
        if self.running() || !newer.running() {
            *self = newer;
        }
        self.note = note;
        self.shots = shots;
    }
}

fn args_text(args: &serde_json::Value) -> String {
    ragtime_timeline::clean(&args.to_string(), 300)
}

/// How an attempt ended, and since when this stream knows.
struct Ending {
    since: Instant,
    status: String,
    message: String,
    /// How many steps it made, when the live event said.
    steps: Option<usize>,
}

/// What reading an attempt's rows found.
enum Rows {
    Status(String, String),
    /// The attempt does not exist (any more).
    Gone,
    /// The database did not answer; the stream tries again later.
    Unavailable,
}

/// What one attempt page has been shown, and what it should be shown next.
#[derive(Default)]
struct Timeline {
    steps: BTreeMap<i64, StepView>,
    sent: HashMap<i64, StepView>,
}

impl Timeline {
    fn put(&mut self, view: StepView) {
        match self.steps.get_mut(&view.step) {
            Some(known) => known.merge(view),
            None => {
                self.steps.insert(view.step, view);
            }
        }
    }

    fn any_running(&self) -> bool {
        self.steps.values().any(StepView::running)
    }

    /// Calls run one at a time, so a running step below the last one means this
    /// stream missed its end.
    fn missed_an_end(&self) -> bool {
        let last = self.steps.keys().next_back().copied().unwrap_or(0);
        self.steps.values().any(|s| s.running() && s.step < last)
    }

    /// Whether the page shows all of an ended attempt.
    fn complete(&self, ending: &Ending) -> bool {
        !self.any_running() && ending.steps.is_none_or(|n| self.steps.len() >= n)
    }

    /// Applies a live event; returns how the attempt ended on its last one.
    fn apply(&mut self, event: &ProgressEvent) -> Option<Ending> {
        match &event.kind {
            EventKind::ToolCallStarted(call) => self.put(StepView {
                step: i64::from(call.step),
                tool: call.tool.clone(),
                args: args_text(&call.args),
                outcome: "running".to_string(),
                duration_ms: None,
                output: None,
                note: None,
                started: event.at.timestamp_millis(),
                shots: Vec::new(),
                tokens: None,
            }),
            EventKind::ToolCallFinished(call) => self.put(StepView {
                step: i64::from(call.step),
                tool: call.tool.clone(),
                args: args_text(&call.args),
                outcome: call.outcome.as_str().to_string(),
                duration_ms: Some(i64::try_from(call.duration_ms).unwrap_or(i64::MAX)),
                output: Some(call.output.clone()),
                note: None,
                started: call.started_at.timestamp_millis(),
                shots: Vec::new(),
                tokens: call.usage.map(|u| {
                    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
                    (count(u.input_tokens), count(u.output_tokens))
                }),
            }),
            EventKind::PlannerNote(note) => {
                if let Some(step) = note.step.and_then(|s| self.steps.get_mut(&i64::from(s))) {
                    step.note = Some(note.note.clone());
                }
            }
            EventKind::ScreenshotTaken(shot) => {
                if let Some(step) = self.steps.get_mut(&i64::from(shot.step))
                    && !step.shots.contains(&shot.screenshot_id)
                {
                    step.shots.push(shot.screenshot_id);
                }
            }
            EventKind::AttemptFinished(end) => {
                return Some(Ending {
                    since: Instant::now(),
                    status: end.status.as_str().to_string(),
                    message: end.message.clone(),
                    steps: Some(end.steps as usize),
                });
            }
            EventKind::AttemptStarted(_) => {}
        }
        None
    }

    /// Reads the rows into the timeline.
    async fn catch_up(&mut self, state: &Shared, id: i64) -> Rows {
        let (row, steps, shots) = match (
            state.app.store.attempt(id).await,
            state.app.store.steps(id).await,
            state.app.store.screenshots_of(id).await,
        ) {
            (Ok(Some(row)), Ok(steps), Ok(shots)) => (row, steps, shots),
            (Ok(None), _, _) => return Rows::Gone,
            _ => return Rows::Unavailable,
        };
        for s in steps {
            self.put(StepView {
                step: i64::from(s.step_number),
                args: args_text(&s.tool_input),
                tool: s.tool_name,
                outcome: s.outcome,
                duration_ms: s.duration_ms,
                output: s.tool_output,
                note: s.note,
                started: s.started_at.timestamp_millis(),
                shots: shots
                    .iter()
                    .filter(|(_, step)| *step == s.step_number)
                    .map(|(shot, _)| *shot)
                    .collect(),
                tokens: s.input_tokens.zip(s.output_tokens),
            });
        }
        Rows::Status(row.status, row.message.unwrap_or_default())
    }

    /// Sends what changed since the last send; false when the page has gone.
    async fn send_changes(&mut self, tx: &mpsc::Sender<Event>) -> bool {
        for (step, view) in &self.steps {
            if self.sent.get(step) == Some(view) {
                continue;
            }
            let data = serde_json::to_string(view).unwrap_or_default();
            if tx
                .send(Event::default().event("step").data(data))
                .await
                .is_err()
            {
                return false;
            }
            self.sent.insert(*step, view.clone());
        }
        true
    }
}

async fn send_end(tx: &mpsc::Sender<Event>, status: &str, message: &str) {
    let end = json!({"status": status, "message": message});
    let _ = tx
        .send(Event::default().event("end").data(end.to_string()))
        .await;
}

/// `/attempts/{id}/events`: every step on connect, then each change, then `end`.
pub async fn attempt_events(State(state): State<Shared>, Path(id): Path<i64>) -> Response {
    match state.app.store.attempt(id).await {
        Ok(Some(_)) => {}
        Ok(None) => return (StatusCode::NOT_FOUND, "no such attempt").into_response(),
        Err(err) => return super::pages::internal(err),
    }
    sse(move |tx| follow_attempt(state, id, tx)).into_response()
}

async fn follow_attempt(state: Shared, id: i64, tx: mpsc::Sender<Event>) {
    // Subscribe before reading the rows, so nothing falls between the two.
    let mut feed = state.app.live.subscribe();
    let mut timeline = Timeline::default();
    let mut ending: Option<Ending> = None;
    let mut reread = tokio::time::interval(REREAD);
    reread.tick().await;
    let mut read_rows = true;
    let mut rows_failed = false;
    let mut last_event = Instant::now();
    loop {
        if read_rows {
            read_rows = false;
            rows_failed = false;
            match timeline.catch_up(&state, id).await {
                Rows::Gone => return,
                Rows::Unavailable => rows_failed = true,
                Rows::Status(status, message) => {
                    if status != "attempted" && ending.is_none() {
                        ending = Some(Ending {
                            since: Instant::now(),
                            status,
                            message,
                            steps: None,
                        });
                    }
                }
            }
        }
        if !timeline.send_changes(&tx).await {
            return;
        }
        if let Some(end) = &ending
            && (timeline.complete(end) || end.since.elapsed() > SETTLE)
        {
            send_end(&tx, &end.status, &end.message).await;
            return;
        }
        tokio::select! {
            received = feed.recv() => match received {
                Ok(event) if event.attempt_id == id => {
                    last_event = Instant::now();
                    if let Some(end) = timeline.apply(&event) {
                        // The rows hold the whole texts (a notification may have cut
                        // them) and any step whose events this feed lost.
                        ending = Some(end);
                        read_rows = true;
                    } else if timeline.missed_an_end() {
                        read_rows = true;
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => read_rows = true,
                Err(RecvError::Closed) => return,
            },
            _ = reread.tick() => read_rows = rows_failed || last_event.elapsed() >= REREAD,
            // An ended attempt whose rows lag behind is read until they are complete.
            _ = tokio::time::sleep(SETTLE_POLL), if ending.is_some() => read_rows = true,
            _ = tx.closed() => return,
        }
    }
}

/// One attempts-list row as the page updates it.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct ListRow {
    id: i64,
    episode: Option<i64>,
    strategy: String,
    status: String,
    message: String,
    started: String,
}

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<String>,
}

/// `/attempts/events?status=`: each change of an attempt's status, and new attempts
/// in that status (all when none is given), as the list page with that filter shows.
pub async fn list_events(State(state): State<Shared>, Query(query): Query<ListQuery>) -> Response {
    let status = match super::pages::status_filter(query.status.as_deref(), AttemptStatus::parse) {
        Ok(status) => status,
        Err(bad) => return bad.into_response(),
    };
    sse(move |tx| follow_list(state, status, tx)).into_response()
}

async fn follow_list(state: Shared, status: Option<AttemptStatus>, tx: mpsc::Sender<Event>) {
    let shows_new = status.is_none_or(|s| s == AttemptStatus::Attempted);
    let mut feed = state.app.live.subscribe();
    let mut sent: HashMap<i64, ListRow> = HashMap::new();
    // Few pages show the list, so it re-reads on every tick, the first at once (the
    // page may be older than the stream).
    let mut reread = tokio::time::interval(REREAD);
    loop {
        let mut rows = Vec::new();
        tokio::select! {
            received = feed.recv() => match received {
                Ok(event) => match &event.kind {
                    EventKind::AttemptStarted(started) if shows_new => rows.push(ListRow {
                        id: event.attempt_id,
                        episode: started.episode_id,
                        strategy: started.strategy.clone(),
                        status: "attempted".to_string(),
                        message: String::new(),
                        started: event.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                    }),
                    EventKind::AttemptFinished(end) => {
                        if let Some(known) = sent.get(&event.attempt_id) {
                            rows.push(ListRow {
                                status: end.status.as_str().to_string(),
                                message: end.message.clone(),
                                ..known.clone()
                            });
                        } else {
                            rows.extend(newest(&state, status).await);
                        }
                    }
                    _ => {}
                },
                Err(RecvError::Lagged(_)) => rows.extend(newest(&state, status).await),
                Err(RecvError::Closed) => return,
            },
            _ = reread.tick() => rows.extend(newest(&state, status).await),
            _ = tx.closed() => return,
        }
        for row in rows {
            if sent.get(&row.id) == Some(&row) {
                continue;
            }
            let data = serde_json::to_string(&row).unwrap_or_default();
            if tx
                .send(Event::default().event("attempt").data(data))
                .await
                .is_err()
            {
                return;
            }
            sent.insert(row.id, row);
        }
    }
}

/// The newest attempts in `status`, oldest first so a page prepends them in order.
async fn newest(state: &Shared, status: Option<AttemptStatus>) -> Vec<ListRow> {
    let filter = AttemptFilter {
        status,
        limit: 50,
        ..Default::default()
    };
    let Ok(rows) = state.app.store.attempts(&filter).await else {
        return Vec::new();
    };
    rows.into_iter()
        .rev()
        .map(|a| ListRow {
            id: a.id,
            episode: a.episode_id,
            strategy: a.strategy,
            status: a.status,
            message: a.message.unwrap_or_default(),
            started: a.started_at.format("%Y-%m-%d %H:%M:%S").to_string(),
        })
        .collect()
}

/// An SSE response fed by `task`, which stops when the page goes away.
fn sse<F, Fut>(task: F) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>>
where
    F: FnOnce(mpsc::Sender<Event>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = mpsc::channel::<Event>(64);
    tokio::spawn(task(tx));
    let stream = futures_util::StreamExt::map(
        tokio_stream::wrappers::ReceiverStream::new(rx),
        Ok::<Event, Infallible>,
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}
