//! The live streams (Server-Sent Events): `/attempts/{id}/events` for one attempt's
//! timeline and `/attempts/events` for the attempts list.
//!
//! Events come from the daemon's [`LiveFeed`](ragtime_core::LiveFeed): its own
//! attempts through the `live` sink, other daemons' through PostgreSQL NOTIFY. A page
//! that connects, or whose subscription fell behind, is caught up from the rows, and
//! every stream also re-reads the rows now and then, because a notification can be
//! lost and an attempt run by a process without the `notify` sink sends none.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;
use std::future::Future;
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use ragtime_core::{AttemptId, AttemptStatus, EpisodeId, EventKind, ProgressEvent, StepOutcome};
use ragtime_store::{AttemptFilter, StoreError};
use ragtime_timeline::{Follow, StepRecord};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::mpsc;

use super::Shared;

/// A stream that has had no live event for this long re-reads the rows. While events
/// flow it does not, so many open pages cost no queries.
const REREAD: Duration = Duration::from_secs(2);
/// An ended attempt whose events this stream lost (a lag, a dropped notification)
/// is read from the rows, which the sinks may still be writing; it is given this long
/// to settle.
const SETTLE: Duration = Duration::from_secs(3);
/// How often the rows are read while such an attempt settles.
const SETTLE_POLL: Duration = Duration::from_millis(200);

/// One step as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    pub step: i64,
    pub tool: String,
    pub args: String,
    pub outcome: StepOutcome,
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
    /// The step as the timeline knows it, with the screenshots taken during it.
    fn of(step: &StepRecord, shots: &[i64]) -> StepView {
        StepView {
            step: i64::from(step.step),
            tool: step.tool.clone(),
            args: ragtime_timeline::clean(&step.args.to_string(), 300),
            outcome: step.outcome,
            duration_ms: step.duration_ms,
            output: step.output.clone(),
            note: step.note.clone(),
            started: step.started_at.timestamp_millis(),
            shots: shots.to_vec(),
            tokens: step.tokens,
        }
    }
}

/// How an attempt ended, and since when this stream knows.
struct Ending {
    since: Instant,
    status: AttemptStatus,
    message: String,
    /// How many steps it made, when the live event said.
    steps: Option<usize>,
    /// An end read from the rows, long enough ago that the sinks have written its
    /// steps. A fresh one is not trusted alone: the terminal status is written before
    /// the sinks may have written the last steps, so the stream waits for the live
    /// end (which counts the steps) or for `SETTLE`.
    settled: bool,
}

/// What reading an attempt's rows found.
enum Rows {
    /// The attempt's status and message, and when it ended if it has.
    Status(AttemptStatus, String, Option<chrono::DateTime<chrono::Utc>>),
    /// The attempt does not exist (any more).
    Gone,
    /// The database did not answer; the stream tries again later.
    Unavailable,
}

/// What one attempt page has been shown, and what it should be shown next. The
/// steps are the timeline crate's [`Follow`], which owns the merge rule; only the
/// screenshots, which the timeline does not show, are kept here.
struct Timeline {
    follow: Follow,
    shots: BTreeMap<i32, Vec<i64>>,
    sent: HashMap<i64, StepView>,
    /// Steps an event touched since the last send; after a row read, all of them.
    touched: BTreeSet<i32>,
    all_touched: bool,
    /// Steps whose texts a notification cut, until rows with them finished arrive.
    cut_steps: BTreeSet<u32>,
    /// The end's message was cut, until an ended row arrives.
    end_cut: bool,
}

impl Timeline {
    fn new(id: AttemptId) -> Timeline {
        Timeline {
            follow: Follow::new(id, "", chrono::Utc::now()),
            shots: BTreeMap::new(),
            sent: HashMap::new(),
            touched: BTreeSet::new(),
            all_touched: false,
            cut_steps: BTreeSet::new(),
            end_cut: false,
        }
    }

    /// Whether a text a notification cut still waits for its whole form in the rows.
    fn texts_cut(&self) -> bool {
        self.end_cut || !self.cut_steps.is_empty()
    }

    fn add_shot(&mut self, step: i32, shot: i64) {
        let shots = self.shots.entry(step).or_default();
        if !shots.contains(&shot) {
            shots.push(shot);
        }
    }

    fn running(step: &StepRecord) -> bool {
        step.outcome == StepOutcome::Running
    }

    /// Calls run one at a time, so a running step below the last one means this
    /// stream missed its end.
    fn missed_an_end(&self) -> bool {
        let last = self.follow.steps().map(|s| s.step).max().unwrap_or(0);
        self.follow
            .steps()
            .any(|s| Self::running(s) && s.step < last)
    }

    /// Whether the page shows all of an ended attempt.
    fn complete(&self, ending: &Ending) -> bool {
        !self.texts_cut()
            && !self.follow.steps().any(Self::running)
            && ending
                .steps
                .map_or(ending.settled, |n| self.follow.steps().count() >= n)
    }

    /// Applies a live event; returns how the attempt ended on its last one.
    fn apply(&mut self, event: &ProgressEvent) -> Option<Ending> {
        self.follow.apply(event);
        if event.texts_cut {
            match &event.kind {
                EventKind::ToolCallStarted(call) => {
                    self.cut_steps.insert(call.step);
                }
                EventKind::ToolCallFinished(call) => {
                    self.cut_steps.insert(call.step);
                }
                EventKind::PlannerNote(note) => self.cut_steps.extend(note.step),
                EventKind::AttemptFinished(_) => self.end_cut = true,
                EventKind::AttemptStarted(_) | EventKind::ScreenshotTaken(_) => {}
            }
        }
        let step = match &event.kind {
            EventKind::ToolCallStarted(call) => Some(call.step),
            EventKind::ToolCallFinished(call) => Some(call.step),
            EventKind::PlannerNote(note) => note.step,
            EventKind::ScreenshotTaken(shot) => Some(shot.step),
            _ => None,
        };
        if let Some(step) = step {
            self.touched.insert(i32::try_from(step).unwrap_or(i32::MAX));
        }
        match &event.kind {
            EventKind::ScreenshotTaken(shot) => {
                self.add_shot(
                    i32::try_from(shot.step).unwrap_or(i32::MAX),
                    shot.screenshot_id,
                );
                None
            }
            EventKind::AttemptFinished(end) => Some(Ending {
                since: Instant::now(),
                status: end.status,
                message: end.message.clone(),
                steps: Some(end.steps as usize),
                settled: true,
            }),
            _ => None,
        }
    }

    /// Reads the rows into the timeline.
    async fn catch_up(&mut self, state: &Shared, id: AttemptId) -> Rows {
        let store = &state.app.store;
        let ((attempt, steps), shots) =
            match (store.attempt_rows(id).await, store.screenshots_of(id).await) {
                (Ok(rows), Ok(shots)) => (rows, shots),
                (Err(StoreError::NotFound(_)), _) => return Rows::Gone,
                _ => return Rows::Unavailable,
            };
        let status = (
            attempt.status,
            attempt.message.clone().unwrap_or_default(),
            attempt.finished_at,
        );
        // A cut text is whole once the sinks have written its step's end (or, for the
        // end's message, the attempt's).
        for step in &steps {
            if !Self::running(step) {
                self.cut_steps
                    .remove(&u32::try_from(step.step).unwrap_or(u32::MAX));
            }
        }
        if status.0 != AttemptStatus::Attempted {
            self.end_cut = false;
        }
        self.follow.catch_up(attempt, steps);
        self.all_touched = true;
        for (shot, step) in shots {
            self.add_shot(step, shot);
        }
        Rows::Status(status.0, status.1, status.2)
    }

    /// Sends what changed since the last send; false when the page has gone. Only
    /// the steps something touched are looked at, so a stream's cost per event does
    /// not grow with the attempt's length.
    async fn send_changes(&mut self, tx: &mpsc::Sender<Event>) -> bool {
        let all = std::mem::take(&mut self.all_touched);
        let touched = std::mem::take(&mut self.touched);
        let views: Vec<StepView> = self
            .follow
            .steps()
            .filter(|s| all || touched.contains(&s.step))
            .map(|s| StepView::of(s, self.shots.get(&s.step).map_or(&[], Vec::as_slice)))
            .collect();
        for view in views {
            if self.sent.get(&view.step) == Some(&view) {
                continue;
            }
            let data = serde_json::to_string(&view).unwrap_or_default();
            if tx
                .send(Event::default().event("step").data(data))
                .await
                .is_err()
            {
                return false;
            }
            self.sent.insert(view.step, view);
        }
        true
    }
}

async fn send_end(tx: &mpsc::Sender<Event>, status: AttemptStatus, message: &str) {
    let end = json!({"status": status, "message": message});
    let _ = tx
        .send(Event::default().event("end").data(end.to_string()))
        .await;
}

/// `/attempts/{id}/events`: every step on connect, then each change, then `end`.
pub async fn attempt_events(State(state): State<Shared>, Path(id): Path<AttemptId>) -> Response {
    match state.app.store.attempt(id).await {
        Ok(Some(_)) => {}
        Ok(None) => return (StatusCode::NOT_FOUND, "no such attempt").into_response(),
        Err(err) => return super::pages::internal(err),
    }
    sse(move |tx| follow_attempt(state, id, tx)).into_response()
}

async fn follow_attempt(state: Shared, id: AttemptId, tx: mpsc::Sender<Event>) {
    // Subscribe before reading the rows, so nothing falls between the two.
    let mut feed = state.app.live.subscribe();
    let mut timeline = Timeline::new(id);
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
                Rows::Status(status, message, finished_at)
                    if status != AttemptStatus::Attempted =>
                {
                    match &mut ending {
                        // The row holds the end's message whole.
                        Some(end) => end.message = message,
                        None => {
                            let ended_ago =
                                finished_at.and_then(|at| (chrono::Utc::now() - at).to_std().ok());
                            ending = Some(Ending {
                                since: Instant::now(),
                                status,
                                message,
                                steps: None,
                                settled: ended_ago.is_some_and(|ago| ago > SETTLE),
                            });
                        }
                    }
                }
                Rows::Status(..) => {}
            }
        }
        if !timeline.send_changes(&tx).await {
            return;
        }
        if let Some(end) = &ending
            && (timeline.complete(end) || end.since.elapsed() > SETTLE)
        {
            send_end(&tx, end.status, &end.message).await;
            return;
        }
        tokio::select! {
            received = feed.recv() => match received {
                Ok(event) if event.attempt_id == id => {
                    last_event = Instant::now();
                    if let Some(end) = timeline.apply(&event) {
                        // The events tell the whole story unless a notification cut a
                        // text or this feed lost a step: only then are the rows read.
                        read_rows = !timeline.complete(&end);
                        ending = Some(end);
                    } else if timeline.missed_an_end() {
                        read_rows = true;
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => read_rows = true,
                Err(RecvError::Closed) => return,
            },
            _ = reread.tick() => read_rows = rows_failed || last_event.elapsed() >= REREAD,
            // An ended attempt this stream lost events of is read until its rows are
            // complete (the sinks may still be writing them).
            _ = tokio::time::sleep(SETTLE_POLL), if ending.is_some() => read_rows = true,
            _ = tx.closed() => return,
        }
    }
}

/// One attempts-list row as the page updates it.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct ListRow {
    id: AttemptId,
    episode: Option<EpisodeId>,
    strategy: String,
    status: AttemptStatus,
    message: String,
    started: String,
    /// The same moment in RFC 3339, for the page's relative time.
    started_at: String,
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
    let mut sent: HashMap<AttemptId, ListRow> = HashMap::new();
    // The rows are read at once (the page may be older than the stream), after a
    // lag, and when no event came for `REREAD` (an attempt run by a process that does
    // not notify); never on a timer while events flow.
    let mut reread = tokio::time::interval(REREAD);
    let mut last_event: Option<Instant> = None;
    loop {
        let mut rows = Vec::new();
        tokio::select! {
            received = feed.recv() => match received {
                Ok(event) => {
                    last_event = Some(Instant::now());
                    match &event.kind {
                        EventKind::AttemptStarted(started) if shows_new => rows.push(ListRow {
                            id: event.attempt_id,
                            episode: started.episode_id,
                            strategy: started.strategy.clone(),
                            status: AttemptStatus::Attempted,
                            message: String::new(),
                            started: event.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                            started_at: event.at.to_rfc3339(),
                        }),
                        EventKind::AttemptFinished(end) => {
                            if let Some(known) = sent.get(&event.attempt_id) {
                                rows.push(ListRow {
                                    status: end.status,
                                    message: end.message.clone(),
                                    ..known.clone()
                                });
                            } else {
                                rows.extend(newest(&state, status).await);
                            }
                        }
                        _ => {}
                    }
                }
                Err(RecvError::Lagged(_)) => rows.extend(newest(&state, status).await),
                Err(RecvError::Closed) => return,
            },
            _ = reread.tick() => {
                if last_event.is_none_or(|at| at.elapsed() >= REREAD) {
                    rows.extend(newest(&state, status).await);
                }
            }
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
            started_at: a.started_at.to_rfc3339(),
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
