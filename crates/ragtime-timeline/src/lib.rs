//! ragtime-timeline: the read model of an attempt, a pure function from the attempt
//! and its steps to a timeline, and [`Follow`], which folds progress events and rows
//! into those steps with the read side's one merge rule.
//!
//! `ragtime timeline` prints it as text (its `Display`), `ragtime recover` follows an
//! attempt with it, and the snapshot tests pin it. Nothing here does I/O or reads a
//! clock: the same rows always give the same timeline. Text that came from a web page
//! is neutralised for the terminal (control characters escaped) and cut to a readable
//! length.

mod follow;

pub use follow::{Follow, merge};

use std::fmt;

use chrono::{DateTime, Utc};
pub use ragtime_core::{AttemptId, AttemptStatus, EpisodeId, StepOutcome, TraceId};
use serde::Serialize;
use serde_json::Value;

/// The attempt row, as the timeline needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRecord {
    /// The attempt's row id.
    pub id: AttemptId,
    /// The episode it recovers, when it started from one.
    pub episode_id: Option<EpisodeId>,
    /// The failed pipeline step this attempt recovers, when a pipeline started it.
    pub pipeline_event_id: Option<i64>,
    /// The planner that drove it (`heuristic`, `llm`, ...).
    pub strategy: String,
    /// Its status now; `attempted` while it runs.
    pub status: AttemptStatus,
    /// The final message, once it has ended.
    pub message: Option<String>,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended, once it has.
    pub finished_at: Option<DateTime<Utc>>,
    /// The trace its events carry, for a link to a trace collector.
    pub trace_id: Option<TraceId>,
}

/// One `recovery_steps` row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepRecord {
    /// The step number within the attempt, counting from 1.
    pub step: i32,
    /// The tool called.
    pub tool: String,
    /// The call's arguments, as redacted before they were stored.
    pub args: Value,
    /// How the call ended, or `running`.
    pub outcome: StepOutcome,
    /// How long the call ran, in milliseconds, once it has ended.
    pub duration_ms: Option<i64>,
    /// The tool's text output or error, as stored (already truncated).
    pub output: Option<String>,
    /// The planner's note on the step, if it gave one.
    pub note: Option<String>,
    /// When the call started.
    pub started_at: DateTime<Utc>,
    /// Model tokens (read, written) the step used, if it used a model.
    pub tokens: Option<(i64, i64)>,
}

/// An attempt as a reader sees it: its steps in order and, once it has ended, how. Its
/// `Display` is the text `ragtime timeline` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The attempt's row id.
    pub attempt_id: AttemptId,
    /// The episode it recovers, when it started from one.
    pub episode_id: Option<EpisodeId>,
    /// The planner that drove it.
    pub strategy: String,
    /// Its status now.
    pub status: AttemptStatus,
    /// One entry per step, in step order.
    pub entries: Vec<Entry>,
    /// Model tokens (read, written) of every step together, when any step used a model.
    pub tokens: Option<(i64, i64)>,
    /// Set once the attempt has a terminal status.
    pub end: Option<End>,
}

/// One step of a [`Timeline`], cleaned for the terminal and cut to a line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The step number, counting from 1.
    pub step: i32,
    /// The tool called.
    pub tool: String,
    /// `key=value` pairs of the arguments, values quoted and cut.
    pub args: String,
    /// How the call ended, or `running`.
    pub outcome: StepOutcome,
    /// How long the call ran, in milliseconds, once it has ended.
    pub duration_ms: Option<i64>,
    /// First line of the output, cut; empty when there is none.
    pub output: String,
    /// The planner's note on the step, cleaned and cut.
    pub note: Option<String>,
    /// Model tokens (read, written).
    pub tokens: Option<(i64, i64)>,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct End {
    /// The terminal status.
    pub status: AttemptStatus,
    /// The final message, cleaned and cut.
    pub message: String,
    /// Milliseconds from start to end, when the row has both times.
    pub total_ms: Option<i64>,
}

const ARG_VALUE_CHARS: usize = 80;
const OUTPUT_CHARS: usize = 120;

/// Model tokens (read, written) of the steps together, when any step used a model.
pub fn total_tokens(steps: &[StepRecord]) -> Option<(i64, i64)> {
    steps
        .iter()
        .filter_map(|s| s.tokens)
        .reduce(|a, b| (a.0.saturating_add(b.0), a.1.saturating_add(b.1)))
}

/// Builds the timeline of one attempt. Steps may come in any order.
pub fn timeline(attempt: &AttemptRecord, steps: &[StepRecord]) -> Timeline {
    let mut entries: Vec<Entry> = steps
        .iter()
        .map(|s| Entry {
            step: s.step,
            tool: clean(&s.tool, 60),
            args: summarize_args(&s.args),
            outcome: s.outcome,
            duration_ms: s.duration_ms,
            output: s.output.as_deref().map(first_line).unwrap_or_default(),
            note: s.note.as_deref().map(|n| clean(n, OUTPUT_CHARS)),
            tokens: s.tokens,
        })
        .collect();
    let tokens = total_tokens(steps);
    entries.sort_by_key(|e| e.step);
    let end = (attempt.status != AttemptStatus::Attempted).then(|| End {
        status: attempt.status,
        message: clean(attempt.message.as_deref().unwrap_or(""), 300),
        total_ms: attempt
            .finished_at
            .map(|f| (f - attempt.started_at).num_milliseconds()),
    });
    Timeline {
        attempt_id: attempt.id,
        episode_id: attempt.episode_id,
        strategy: attempt.strategy.clone(),
        status: attempt.status,
        entries,
        tokens,
        end,
    }
}

fn summarize_args(args: &Value) -> String {
    match args {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{}={}", clean(k, 40), summarize_value(v)))
            .collect::<Vec<_>>()
            .join(" "),
        Value::Null => String::new(),
        other => summarize_value(other),
    }
}

fn summarize_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{:?}", cut(s, ARG_VALUE_CHARS)),
        other => cut(&other.to_string(), ARG_VALUE_CHARS),
    }
}

fn first_line(text: &str) -> String {
    clean(
        text.lines().find(|l| !l.trim().is_empty()).unwrap_or(""),
        OUTPUT_CHARS,
    )
}

/// Cuts to `limit` characters and escapes control characters, so page text cannot
/// move the cursor or recolour a terminal.
pub fn clean(text: &str, limit: usize) -> String {
    let cut_text = cut(text, limit);
    let mut out = String::with_capacity(cut_text.len());
    for c in cut_text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn cut(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        None => text.to_string(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

fn outcome_label(outcome: StepOutcome) -> &'static str {
    match outcome {
        StepOutcome::Success => "ok",
        StepOutcome::Running => "running…",
        other => other.as_str(),
    }
}

impl fmt::Display for Timeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "attempt {} ({})", self.attempt_id, self.strategy)?;
        if let Some(episode) = self.episode_id {
            write!(f, " for episode {episode}")?;
        }
        write!(f, ": {}", self.status)?;
        if let Some((read, written)) = self.tokens {
            write!(f, " ({read} tokens in, {written} out)")?;
        }
        writeln!(f)?;
        let tool_width = self
            .entries
            .iter()
            .map(|e| e.tool.chars().count())
            .max()
            .unwrap_or(0);
        for e in &self.entries {
            write!(f, "{:>3} {:<tool_width$}", e.step, e.tool)?;
            if !e.args.is_empty() {
                write!(f, " {}", e.args)?;
            }
            write!(f, " ... {}", outcome_label(e.outcome))?;
            if let Some(ms) = e.duration_ms {
                write!(f, " {ms} ms")?;
            }
            if let Some((read, written)) = e.tokens {
                write!(f, " [{read} in, {written} out]")?;
            }
            writeln!(f)?;
            if let Some(note) = &e.note {
                writeln!(f, "      why: {note}")?;
            }
            if !e.output.is_empty() {
                writeln!(f, "      -> {}", e.output)?;
            }
        }
        match &self.end {
            Some(end) if end.message.is_empty() => writeln!(f, "=> {}", end.status),
            Some(end) => writeln!(f, "=> {}: {}", end.status, end.message),
            None => writeln!(f, "=> still running"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap_or_default()
    }

    fn step(
        n: i32,
        tool: &str,
        args: Value,
        outcome: &str,
        ms: Option<i64>,
        output: &str,
    ) -> StepRecord {
        StepRecord {
            step: n,
            tool: tool.into(),
            args,
            outcome: StepOutcome::parse(outcome).expect("an outcome"),
            duration_ms: ms,
            output: Some(output.into()),
            note: None,
            started_at: at(n.into()),
            tokens: None,
        }
    }

    #[test]
    fn renders_steps_in_order_with_the_terminal_status() {
        let attempt = AttemptRecord {
            id: AttemptId(7),
            episode_id: Some(EpisodeId(3)),
            pipeline_event_id: None,
            strategy: "agent".into(),
            status: AttemptStatus::AwaitingHuman,
            message: Some("no audio found".into()),
            started_at: at(0),
            finished_at: Some(at(2)),
            trace_id: None,
        };
        let steps = vec![
            step(
                2,
                "click_element",
                json!({"selector": "button:has-text('Mehr')"}),
                "timeout",
                Some(30000),
                "",
            ),
            step(
                1,
                "navigate_to_url",
                json!({"url": "http://a.test/"}),
                "success",
                Some(412),
                "Title\nbody",
            ),
        ];
        let text = timeline(&attempt, &steps).to_string();
        assert_eq!(
            text,
            "attempt 7 (agent) for episode 3: awaiting_human\n  \
             1 navigate_to_url url=\"http://a.test/\" ... ok 412 ms\n      -> Title\n  \
             2 click_element   selector=\"button:has-text('Mehr')\" ... timeout 30000 ms\n\
             => awaiting_human: no audio found\n"
        );
    }

    #[test]
    fn page_text_cannot_inject_terminal_escapes_or_flood() {
        let attempt = AttemptRecord {
            id: AttemptId(1),
            episode_id: None,
            pipeline_event_id: None,
            strategy: "agent".into(),
            status: AttemptStatus::Attempted,
            message: None,
            started_at: at(0),
            finished_at: None,
            trace_id: None,
        };
        let long = "x".repeat(10_000);
        let steps = vec![step(
            1,
            "get_page_content",
            json!({}),
            "running",
            None,
            &format!("\u{1b}[31mred {long}"),
        )];
        let tl = timeline(&attempt, &steps);
        let text = tl.to_string();
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("\\u{1b}[31mred"));
        assert!(text.len() < 400, "{}", text.len());
        assert!(text.ends_with("=> still running\n"));
    }
}
