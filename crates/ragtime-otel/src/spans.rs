//! Progress events as OpenTelemetry spans: the pure part of the `otel` sink.
//!
//! An attempt is one trace (its [`TraceId`](ragtime_core::TraceId), stored on its
//! row) whose root span, `recovery_attempt`, runs from the attempt's start to its end.
//! Each tool call is a child span from its start to its finish, named and attributed
//! after the OpenTelemetry GenAI semantic conventions (`execute_tool {tool}`, or
//! `chat {model}` for a model request); screenshots and planner notes are span
//! events. Spans leave only when they end, so a call is exported with its finish
//! event, and the root with the attempt's end.
//!
//! Span ids are a function of the trace id and the step, so a batch sent again (a
//! retry whose first try did reach the collector) carries the same spans, not new
//! ones, and a call's parent is known before the root is sent.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use opentelemetry::trace::{
    Event, SpanContext, SpanId, SpanKind, Status, TraceFlags, TraceId, TraceState,
};
use opentelemetry::{InstrumentationScope, KeyValue};
use opentelemetry_sdk::trace::{SpanData, SpanEvents, SpanLinks};
use ragtime_core::{
    AttemptFinished, AttemptId, AttemptStarted, AttemptStatus, EventKind, ProgressEvent,
    StepOutcome, ToolCallFinished,
};

/// The span name of an attempt, the root of its trace.
pub const ROOT_SPAN: &str = "recovery_attempt";

/// The tool whose calls are model requests (the LLM planner's `model` tool).
const MODEL_TOOL: &str = "model";

/// Attempts followed at once before the oldest is forgotten (one that never ended:
/// its daemon died, or its end was dropped from a full queue).
const MAX_OPEN_TRACES: usize = 4096;

/// What is known of one attempt's trace until its root span is sent.
#[derive(Debug, Clone)]
struct OpenTrace {
    trace_id: TraceId,
    /// The attempt's start, or the earliest event seen of it.
    started: SystemTime,
    started_event: Option<AttemptStarted>,
    /// Span events waiting for their call's span (by step) or, under step 0, the root.
    events: BTreeMap<u32, Vec<Event>>,
}

/// Folds progress events into finished spans; holds the attempts whose root span
/// has not been sent. Cheap to clone, so a batch can be folded on a copy that is
/// kept only once the collector took the batch.
#[derive(Debug, Clone)]
pub struct TraceFolder {
    open: BTreeMap<AttemptId, OpenTrace>,
    scope: InstrumentationScope,
}

impl Default for TraceFolder {
    fn default() -> Self {
        TraceFolder {
            open: BTreeMap::new(),
            scope: InstrumentationScope::builder("ragtime")
                .with_version(env!("CARGO_PKG_VERSION"))
                .build(),
        }
    }
}

impl TraceFolder {
    /// Takes in one event; pushes the spans it finished onto `spans`.
    pub fn apply(&mut self, event: &ProgressEvent, spans: &mut Vec<SpanData>) {
        let at = SystemTime::from(event.at);
        let trace = self.trace(event, at);
        match &event.kind {
            EventKind::AttemptStarted(started) => {
                trace.started = at;
                trace.started_event = Some(started.clone());
            }
            EventKind::ToolCallStarted(_) => {}
            EventKind::ScreenshotTaken(shot) => {
                trace.events.entry(shot.step).or_default().push(Event::new(
                    "screenshot",
                    at,
                    vec![
                        KeyValue::new("ragtime.screenshot.id", shot.screenshot_id),
                        KeyValue::new("ragtime.screenshot.size_bytes", to_i64(shot.size_bytes)),
                    ],
                    0,
                ));
            }
            EventKind::PlannerNote(note) => {
                trace
                    .events
                    .entry(note.step.unwrap_or(0))
                    .or_default()
                    .push(Event::new(
                        "planner_note",
                        at,
                        vec![KeyValue::new("ragtime.note", note.note.clone())],
                        0,
                    ));
            }
            EventKind::ToolCallFinished(call) => {
                let events = trace.events.remove(&call.step).unwrap_or_default();
                let span = tool_span(event.attempt_id, trace.trace_id, call, events, &self.scope);
                spans.push(span);
            }
            EventKind::AttemptFinished(end) => {
                if let Some(trace) = self.open.remove(&event.attempt_id) {
                    spans.push(root_span(event.attempt_id, trace, end, at, &self.scope));
                }
            }
        }
    }

    /// How many attempts have calls sent and no root yet.
    pub fn open_traces(&self) -> usize {
        self.open.len()
    }

    fn trace(&mut self, event: &ProgressEvent, at: SystemTime) -> &mut OpenTrace {
        if !self.open.contains_key(&event.attempt_id) && self.open.len() >= MAX_OPEN_TRACES {
            // Attempt ids grow: the smallest is the oldest.
            self.open.pop_first();
        }
        let trace = self
            .open
            .entry(event.attempt_id)
            .or_insert_with(|| OpenTrace {
                trace_id: trace_id_of(event),
                started: at,
                started_event: None,
                events: BTreeMap::new(),
            });
        trace.started = trace.started.min(at);
        trace
    }
}

/// The event's trace; an event from before trace ids existed gets one made from its
/// attempt id, the same for every event of that attempt.
pub fn trace_id_of(event: &ProgressEvent) -> TraceId {
    if event.trace_id.is_none() {
        let mut bytes = *b"ragtime\0\0\0\0\0\0\0\0\0";
        bytes[8..].copy_from_slice(&event.attempt_id.get().to_be_bytes());
        TraceId::from_bytes(bytes)
    } else {
        TraceId::from_bytes(event.trace_id.0)
    }
}

/// The span id of step `step` of a trace; step 0 is the root. Distinct steps get
/// distinct ids (an odd multiplier is a bijection on `u64`).
pub fn span_id_of(trace: TraceId, step: u32) -> SpanId {
    let bytes = trace.to_bytes();
    let mut low = [0u8; 8];
    low.copy_from_slice(&bytes[8..]);
    let id = u64::from_be_bytes(low) ^ u64::from(step).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    SpanId::from_bytes(if id == 0 { 1 } else { id }.to_be_bytes())
}

fn context(trace: TraceId, step: u32) -> SpanContext {
    SpanContext::new(
        trace,
        span_id_of(trace, step),
        TraceFlags::SAMPLED,
        false,
        TraceState::default(),
    )
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn span_events(events: Vec<Event>) -> SpanEvents {
    let mut all = SpanEvents::default();
    all.events = events;
    all
}

/// Outcomes a collector should show as failed calls.
fn is_error(outcome: StepOutcome) -> bool {
    matches!(
        outcome,
        StepOutcome::Error
            | StepOutcome::Timeout
            | StepOutcome::Crashed
            | StepOutcome::Blocked
            | StepOutcome::Interrupted
    )
}

fn tool_span(
    attempt: AttemptId,
    trace: TraceId,
    call: &ToolCallFinished,
    events: Vec<Event>,
    scope: &InstrumentationScope,
) -> SpanData {
    let start = SystemTime::from(call.started_at);
    let model = (call.tool == MODEL_TOOL).then(|| {
        call.args
            .get("model")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    });
    let operation = if model.is_some() {
        "chat"
    } else {
        "execute_tool"
    };
    let name = match &model {
        Some(model) if !model.is_empty() => format!("chat {model}"),
        Some(_) => "chat".to_string(),
        None => format!("execute_tool {}", call.tool),
    };
    let mut attributes = vec![
        KeyValue::new("gen_ai.operation.name", operation),
        KeyValue::new("gen_ai.tool.name", call.tool.clone()),
        KeyValue::new("gen_ai.tool.call.id", format!("{attempt}-{}", call.step)),
        KeyValue::new("gen_ai.tool.call.arguments", call.args.to_string()),
        KeyValue::new("gen_ai.tool.call.result", call.output.clone()),
        KeyValue::new("ragtime.attempt.id", attempt.get()),
        KeyValue::new("ragtime.step", i64::from(call.step)),
        KeyValue::new("ragtime.outcome", call.outcome.as_str()),
    ];
    if let Some(model) = model.filter(|m| !m.is_empty()) {
        attributes.push(KeyValue::new("gen_ai.request.model", model));
    }
    if let Some(usage) = call.usage {
        attributes.push(KeyValue::new(
            "gen_ai.usage.input_tokens",
            to_i64(usage.input_tokens),
        ));
        attributes.push(KeyValue::new(
            "gen_ai.usage.output_tokens",
            to_i64(usage.output_tokens),
        ));
    }
    let status = if is_error(call.outcome) {
        attributes.push(KeyValue::new("error.type", call.outcome.as_str()));
        Status::error(call.output.clone())
    } else {
        Status::Unset
    };
    SpanData {
        span_context: context(trace, call.step),
        parent_span_id: span_id_of(trace, 0),
        parent_span_is_remote: false,
        span_kind: if operation == "chat" {
            SpanKind::Client
        } else {
            SpanKind::Internal
        },
        name: Cow::Owned(name),
        start_time: start,
        end_time: start + Duration::from_millis(call.duration_ms),
        attributes,
        dropped_attributes_count: 0,
        events: span_events(events),
        links: SpanLinks::default(),
        status,
        instrumentation_scope: scope.clone(),
    }
}

fn root_span(
    attempt: AttemptId,
    mut trace: OpenTrace,
    end: &AttemptFinished,
    at: SystemTime,
    scope: &InstrumentationScope,
) -> SpanData {
    let mut attributes = vec![
        KeyValue::new("ragtime.attempt.id", attempt.get()),
        KeyValue::new("ragtime.status", end.status.as_str()),
        KeyValue::new("ragtime.success", end.success),
        KeyValue::new("ragtime.message", end.message.clone()),
        KeyValue::new("ragtime.steps", i64::from(end.steps)),
    ];
    if let Some(started) = trace.started_event.take() {
        attributes.push(KeyValue::new("ragtime.strategy", started.strategy));
        attributes.push(KeyValue::new("ragtime.planner", started.planner));
        if let Some(episode) = started.episode_id {
            attributes.push(KeyValue::new("ragtime.episode.id", episode.get()));
        }
        if let Some(url) = started.url {
            attributes.push(KeyValue::new("url.full", url));
        }
    }
    let status = match end.status {
        AttemptStatus::Resolved => Status::Ok,
        AttemptStatus::AwaitingHuman | AttemptStatus::Interrupted => {
            Status::error(end.message.clone())
        }
        AttemptStatus::Attempted | AttemptStatus::Cancelled => Status::Unset,
    };
    // Whatever no call span took (notes without a step, events of calls that never
    // finished) goes on the root, in time order.
    let mut events: Vec<Event> = std::mem::take(&mut trace.events)
        .into_values()
        .flatten()
        .collect();
    events.sort_by_key(|e| e.timestamp);
    SpanData {
        span_context: context(trace.trace_id, 0),
        parent_span_id: SpanId::INVALID,
        parent_span_is_remote: false,
        span_kind: SpanKind::Internal,
        name: Cow::Borrowed(ROOT_SPAN),
        start_time: trace.started,
        end_time: at.max(trace.started),
        attributes,
        dropped_attributes_count: 0,
        events: span_events(events),
        links: SpanLinks::default(),
        status,
        instrumentation_scope: scope.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use ragtime_core::{PlannerNote, ScreenshotTaken, TokenUsage, ToolCallStarted};
    use serde_json::json;

    const TRACE: ragtime_core::TraceId = ragtime_core::TraceId([7; 16]);

    fn at(ms: i64, kind: EventKind) -> ProgressEvent {
        ProgressEvent {
            attempt_id: AttemptId(3),
            trace_id: TRACE,
            at: DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::milliseconds(ms),
            kind,
            texts_cut: false,
        }
    }

    fn finished(step: u32, tool: &str, outcome: StepOutcome, started_ms: i64) -> EventKind {
        EventKind::ToolCallFinished(ToolCallFinished {
            step,
            tool: tool.into(),
            args: json!({"model": "tiny-1", "turn": 1}),
            started_at: DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::milliseconds(started_ms),
            outcome,
            duration_ms: 40,
            output: format!("output {step}"),
            usage: (tool == MODEL_TOOL).then_some(TokenUsage {
                input_tokens: 120,
                output_tokens: 8,
            }),
        })
    }

    fn attribute<'a>(span: &'a SpanData, key: &str) -> Option<&'a opentelemetry::Value> {
        span.attributes
            .iter()
            .find(|kv| kv.key.as_str() == key)
            .map(|kv| &kv.value)
    }

    #[test]
    fn an_attempt_is_one_trace_with_a_child_span_per_call() {
        let events = vec![
            at(
                0,
                EventKind::AttemptStarted(AttemptStarted {
                    strategy: "agent".into(),
                    planner: "llm".into(),
                    episode_id: Some(ragtime_core::EpisodeId(9)),
                    url: Some("http://127.0.0.1/e".into()),
                }),
            ),
            at(
                10,
                EventKind::ToolCallStarted(ToolCallStarted {
                    step: 1,
                    tool: MODEL_TOOL.into(),
                    args: json!({}),
                }),
            ),
            at(50, finished(1, MODEL_TOOL, StepOutcome::Success, 10)),
            at(
                60,
                EventKind::PlannerNote(PlannerNote {
                    step: Some(2),
                    note: "consent first".into(),
                }),
            ),
            at(
                90,
                EventKind::ScreenshotTaken(ScreenshotTaken {
                    step: 2,
                    screenshot_id: 77,
                    size_bytes: 68,
                }),
            ),
            at(100, finished(2, "click_element", StepOutcome::Timeout, 60)),
            at(
                110,
                EventKind::PlannerNote(PlannerNote {
                    step: None,
                    note: "giving up".into(),
                }),
            ),
            at(
                120,
                EventKind::AttemptFinished(AttemptFinished {
                    status: AttemptStatus::AwaitingHuman,
                    success: false,
                    message: "no audio".into(),
                    steps: 2,
                }),
            ),
        ];
        let mut folder = TraceFolder::default();
        let mut spans = Vec::new();
        for event in &events {
            folder.apply(event, &mut spans);
        }
        assert_eq!(folder.open_traces(), 0, "the end closes the trace");
        let names: Vec<&str> = spans.iter().map(|s| s.name.as_ref()).collect();
        assert_eq!(
            names,
            ["chat tiny-1", "execute_tool click_element", ROOT_SPAN]
        );
        let trace = TraceId::from_bytes(TRACE.0);
        assert!(spans.iter().all(|s| s.span_context.trace_id() == trace));
        let root = &spans[2];
        assert_eq!(root.parent_span_id, SpanId::INVALID);
        for child in &spans[..2] {
            assert_eq!(child.parent_span_id, root.span_context.span_id());
        }
        let ids: std::collections::HashSet<SpanId> =
            spans.iter().map(|s| s.span_context.span_id()).collect();
        assert_eq!(ids.len(), 3, "every span has its own id");

        let chat = &spans[0];
        assert_eq!(chat.span_kind, SpanKind::Client);
        assert_eq!(
            attribute(chat, "gen_ai.request.model").map(|v| v.as_str()),
            Some("tiny-1".into())
        );
        assert_eq!(
            attribute(chat, "gen_ai.usage.input_tokens"),
            Some(&opentelemetry::Value::I64(120))
        );
        assert_eq!(chat.status, Status::Unset);

        let click = &spans[1];
        let start = SystemTime::UNIX_EPOCH + Duration::from_millis(60);
        assert_eq!(
            (click.start_time, click.end_time),
            (start, start + Duration::from_millis(40))
        );
        assert!(matches!(click.status, Status::Error { .. }));
        assert_eq!(
            attribute(click, "gen_ai.operation.name").map(|v| v.as_str()),
            Some("execute_tool".into())
        );
        let click_events: Vec<&str> = click.events.iter().map(|e| e.name.as_ref()).collect();
        assert_eq!(click_events, ["planner_note", "screenshot"]);

        assert_eq!(root.start_time, SystemTime::UNIX_EPOCH);
        assert_eq!(
            root.end_time,
            SystemTime::UNIX_EPOCH + Duration::from_millis(120)
        );
        assert_eq!(
            attribute(root, "url.full").map(|v| v.as_str()),
            Some("http://127.0.0.1/e".into())
        );
        assert_eq!(
            attribute(root, "ragtime.planner").map(|v| v.as_str()),
            Some("llm".into())
        );
        let root_events: Vec<&str> = root.events.iter().map(|e| e.name.as_ref()).collect();
        assert_eq!(root_events, ["planner_note"]);
    }

    #[test]
    fn the_same_events_make_the_same_spans_and_a_lost_start_still_parents_the_call() {
        let call = at(50, finished(4, "download_file", StepOutcome::Success, 10));
        let (mut a, mut b) = (TraceFolder::default(), TraceFolder::default());
        let (mut first, mut again) = (Vec::new(), Vec::new());
        a.apply(&call, &mut first);
        b.apply(&call, &mut again);
        assert_eq!(first, again);
        let trace = TraceId::from_bytes(TRACE.0);
        assert_eq!(first[0].parent_span_id, span_id_of(trace, 0));
        assert_ne!(span_id_of(trace, 4), span_id_of(trace, 0));
    }

    #[test]
    fn an_event_without_a_trace_id_gets_one_of_its_attempt() {
        let mut event = at(0, finished(1, "echo", StepOutcome::Success, 0));
        event.trace_id = ragtime_core::TraceId::default();
        let made = trace_id_of(&event);
        assert_ne!(made, TraceId::INVALID);
        assert_eq!(made, trace_id_of(&event));
        event.attempt_id = AttemptId(4);
        assert_ne!(made, trace_id_of(&event));
    }

    #[test]
    fn attempts_that_never_end_are_forgotten_oldest_first() {
        let mut folder = TraceFolder::default();
        let mut spans = Vec::new();
        for id in 0..(MAX_OPEN_TRACES as i64 + 10) {
            let mut event = at(
                0,
                EventKind::ToolCallStarted(ToolCallStarted {
                    step: 1,
                    tool: "echo".into(),
                    args: json!({}),
                }),
            );
            event.attempt_id = AttemptId(id);
            folder.apply(&event, &mut spans);
        }
        assert_eq!(folder.open_traces(), MAX_OPEN_TRACES);
        assert!(!folder.open.contains_key(&AttemptId(0)));
        assert!(
            folder
                .open
                .contains_key(&AttemptId(MAX_OPEN_TRACES as i64 + 9))
        );
    }
}
