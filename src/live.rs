//! Terminal progress shared by `ragtime recover` and `ragtime demo`: each step of an
//! attempt is printed once when it starts and once when it ends.

use std::collections::HashMap;

use ragtime_timeline::{AttemptId, StepOutcome, Timeline};

#[derive(Default)]
pub struct LiveSteps {
    /// (attempt, step) -> the outcome last printed.
    shown: HashMap<(AttemptId, i32), StepOutcome>,
}

impl LiveSteps {
    /// The lines to print for what changed in `timeline` since the last call.
    pub fn changes(&mut self, timeline: &Timeline, prefix: &str, with_output: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for entry in &timeline.entries {
            let key = (timeline.attempt_id, entry.step);
            if self.shown.get(&key) == Some(&entry.outcome) {
                continue;
            }
            self.shown.insert(key, entry.outcome);
            let ms = entry
                .duration_ms
                .map(|ms| format!(" {ms} ms"))
                .unwrap_or_default();
            lines.push(format!(
                "{prefix}{:>3} {} {} ... {}{ms}",
                entry.step, entry.tool, entry.args, entry.outcome
            ));
            if with_output && entry.outcome != StepOutcome::Running && !entry.output.is_empty() {
                lines.push(format!("{prefix}      -> {}", entry.output));
            }
        }
        lines
    }
}
