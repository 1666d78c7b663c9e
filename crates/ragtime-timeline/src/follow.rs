//! Following an attempt: its progress events and (to catch up) its rows folded into
//! one set of steps, from which [`timeline`](crate::timeline) is built.
//!
//! This is where the read side's one merge rule lives: a finished step is never
//! replaced by a running one (a replayed start, or rows read before the finish
//! landed), and a note, once known, stays. Events and rows of the same step can come
//! in any order and any number of times; the result is the same.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use ragtime_core::{AttemptId, AttemptStatus, EventKind, ProgressEvent, StepOutcome};

use crate::{AttemptRecord, StepRecord, Timeline, timeline};

/// One attempt as a follower knows it so far.
#[derive(Debug, Clone)]
pub struct Follow {
    attempt: AttemptRecord,
    steps: BTreeMap<i32, StepRecord>,
    finished: bool,
}

impl Follow {
    /// An attempt just started (no steps yet), until rows or events say more.
    pub fn new(attempt_id: AttemptId, strategy: &str, started_at: DateTime<Utc>) -> Follow {
        Follow {
            attempt: AttemptRecord {
                id: attempt_id,
                episode_id: None,
                pipeline_event_id: None,
                strategy: strategy.to_string(),
                status: AttemptStatus::Attempted,
                message: None,
                started_at,
                finished_at: None,
                trace_id: None,
            },
            steps: BTreeMap::new(),
            finished: false,
        }
    }

    /// Takes in the rows (after a start or a lag): the attempt row and its steps.
    pub fn catch_up(&mut self, attempt: AttemptRecord, steps: Vec<StepRecord>) {
        if attempt.status != AttemptStatus::Attempted || !self.finished {
            self.attempt = attempt;
        }
        for step in steps {
            self.put(step);
        }
    }

    /// Takes in one progress event of this attempt; false for another attempt's.
    pub fn apply(&mut self, event: &ProgressEvent) -> bool {
        if event.attempt_id != self.attempt.id {
            return false;
        }
        match &event.kind {
            EventKind::AttemptStarted(started) => {
                self.attempt.episode_id = started.episode_id;
                if !event.trace_id.is_none() {
                    self.attempt.trace_id = Some(event.trace_id);
                }
                self.attempt.strategy = started.strategy.clone();
                self.attempt.started_at = event.at;
            }
            EventKind::ToolCallStarted(call) => self.put(StepRecord {
                step: step_number(call.step),
                tool: call.tool.clone(),
                args: call.args.clone(),
                outcome: StepOutcome::Running,
                duration_ms: None,
                output: None,
                note: None,
                started_at: event.at,
                tokens: None,
            }),
            EventKind::ToolCallFinished(call) => self.put(StepRecord {
                step: step_number(call.step),
                tool: call.tool.clone(),
                args: call.args.clone(),
                outcome: call.outcome,
                duration_ms: Some(i64::try_from(call.duration_ms).unwrap_or(i64::MAX)),
                output: Some(call.output.clone()),
                note: None,
                started_at: call.started_at,
                tokens: call.usage.map(|u| {
                    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
                    (count(u.input_tokens), count(u.output_tokens))
                }),
            }),
            EventKind::PlannerNote(note) => {
                if let Some(step) = note.step.and_then(|s| self.steps.get_mut(&step_number(s))) {
                    step.note = Some(note.note.clone());
                }
            }
            EventKind::ScreenshotTaken(_) => {}
            EventKind::AttemptFinished(end) => {
                self.finished = true;
                self.attempt.status = end.status;
                self.attempt.message = Some(end.message.clone());
                self.attempt.finished_at = Some(event.at);
            }
        }
        true
    }

    /// The attempt being followed.
    pub fn attempt_id(&self) -> AttemptId {
        self.attempt.id
    }

    /// Whether the attempt has ended (its "attempt finished" event came, or the rows
    /// said so).
    pub fn finished(&self) -> bool {
        self.finished || self.attempt.status != AttemptStatus::Attempted
    }

    /// The steps as known now, in step order.
    pub fn steps(&self) -> impl Iterator<Item = &StepRecord> {
        self.steps.values()
    }

    /// The timeline as known now.
    pub fn timeline(&self) -> Timeline {
        let steps: Vec<StepRecord> = self.steps.values().cloned().collect();
        timeline(&self.attempt, &steps)
    }

    fn put(&mut self, newer: StepRecord) {
        match self.steps.get_mut(&newer.step) {
            Some(known) => merge(known, newer),
            None => {
                self.steps.insert(newer.step, newer);
            }
        }
    }
}

/// The merge rule: the newer view replaces the known one unless that would take a
/// finished step back to running; a note survives either way.
pub fn merge(known: &mut StepRecord, newer: StepRecord) {
    let running = |s: &StepRecord| s.outcome == StepOutcome::Running;
    let note = newer.note.clone().or_else(|| known.note.take());
    if running(known) || !running(&newer) {
        *known = newer;
    }
    known.note = note;
}

fn step_number(step: u32) -> i32 {
    i32::try_from(step).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::{AttemptFinished, ToolCallFinished, ToolCallStarted};
    use serde_json::json;

    fn at(attempt: i64, kind: EventKind) -> ProgressEvent {
        ProgressEvent {
            texts_cut: false,
            trace_id: ragtime_core::TraceId::default(),
            attempt_id: AttemptId(attempt),
            at: DateTime::<Utc>::UNIX_EPOCH,
            kind,
        }
    }

    fn started(step: u32) -> ProgressEvent {
        at(
            7,
            EventKind::ToolCallStarted(ToolCallStarted {
                step,
                tool: "echo".into(),
                args: json!({"n": step}),
            }),
        )
    }

    fn finished(step: u32) -> ProgressEvent {
        at(
            7,
            EventKind::ToolCallFinished(ToolCallFinished {
                step,
                tool: "echo".into(),
                args: json!({"n": step}),
                started_at: DateTime::<Utc>::UNIX_EPOCH,
                outcome: StepOutcome::Success,
                duration_ms: 5,
                output: "ok".into(),
                usage: None,
            }),
        )
    }

    #[test]
    fn a_finish_is_never_undone_and_order_does_not_matter() {
        let events = [started(1), finished(1), started(2)];
        let mut forward = Follow::new(AttemptId(7), "agent", DateTime::<Utc>::UNIX_EPOCH);
        events.iter().for_each(|e| {
            forward.apply(e);
        });
        let mut replayed = Follow::new(AttemptId(7), "agent", DateTime::<Utc>::UNIX_EPOCH);
        // The finish first, then everything again: a replayed start changes nothing.
        for e in [&events[1], &events[0], &events[2], &events[0], &events[1]] {
            replayed.apply(e);
        }
        let outcomes = |f: &Follow| {
            f.timeline()
                .entries
                .iter()
                .map(|e| (e.step, e.outcome))
                .collect::<Vec<_>>()
        };
        let expected = vec![(1, StepOutcome::Success), (2, StepOutcome::Running)];
        assert_eq!(outcomes(&forward), expected);
        assert_eq!(outcomes(&replayed), expected);
        assert!(!forward.finished());
        assert!(
            !forward.apply(&at(8, started(3).kind)),
            "another attempt's event"
        );
        forward.apply(&at(
            7,
            EventKind::AttemptFinished(AttemptFinished {
                status: AttemptStatus::Resolved,
                success: true,
                message: "found".into(),
                steps: 2,
            }),
        ));
        assert!(forward.finished());
        assert_eq!(forward.timeline().status, AttemptStatus::Resolved);
    }
}
