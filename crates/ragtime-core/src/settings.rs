//! Runtime settings: deadlines, budgets and sink queue bounds, as read from config.
//!
//! Every struct denies unknown fields so a typo in config is an error that names the
//! key, and every field has a default so an empty table is a working config.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Deadlines and budgets of one attempt; shared by all attempts of a runtime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuntimeSettings {
    /// Deadline of one tool call, unless `tool_deadlines` names the tool.
    #[serde(with = "humantime_serde")]
    pub tool_deadline: Duration,
    /// Per-tool deadlines by tool name, e.g. `{ click_element = "10s" }`.
    pub tool_deadlines: BTreeMap<String, humantime_serde::Serde<Duration>>,
    /// Deadline of a whole attempt, planner time included.
    #[serde(with = "humantime_serde")]
    pub attempt_deadline: Duration,
    /// How many tool-actor crashes an attempt survives before it escalates.
    pub restart_budget: u32,
    /// Most tool calls per attempt; keeps the progress list (and its appends) small.
    pub max_steps: u32,
    /// Characters of tool output kept in events and rows.
    pub output_limit: usize,
    /// How often a running attempt refreshes `heartbeat_at`.
    #[serde(with = "humantime_serde")]
    pub heartbeat_interval: Duration,
    /// How long the supervisor keeps retrying the terminal-status write.
    #[serde(with = "humantime_serde")]
    pub finish_write_timeout: Duration,
    /// Largest screenshot stored; a larger one is reported but not kept.
    pub screenshot_max_bytes: usize,
}

impl Default for RuntimeSettings {
    fn default() -> Self {
        RuntimeSettings {
            tool_deadline: Duration::from_secs(30),
            tool_deadlines: BTreeMap::new(),
            attempt_deadline: Duration::from_secs(120),
            restart_budget: 3,
            max_steps: 40,
            output_limit: 500,
            heartbeat_interval: Duration::from_secs(5),
            finish_write_timeout: Duration::from_secs(30),
            screenshot_max_bytes: 2 * 1024 * 1024,
        }
    }
}

impl RuntimeSettings {
    /// The deadline of a call of `tool`: its entry in `tool_deadlines`, else
    /// `tool_deadline`.
    pub fn deadline_for(&self, tool: &str) -> Duration {
        self.tool_deadlines
            .get(tool)
            .map(|d| **d)
            .unwrap_or(self.tool_deadline)
    }
}

/// The bounded queue in front of a sink. ractor mailboxes are unbounded, so the
/// progress actor counts what it has handed a sink and not yet seen written, and
/// refuses (and counts) events past `capacity`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QueueSettings {
    /// Events accepted but not yet written; beyond this new events are dropped and counted.
    pub capacity: usize,
    /// Most events written in one batch when the sink is behind.
    pub max_batch: usize,
    /// First wait before retrying a failed write.
    #[serde(with = "humantime_serde")]
    pub retry_initial: Duration,
    /// Longest wait between retries (the wait doubles up to this).
    #[serde(with = "humantime_serde")]
    pub retry_max: Duration,
}

impl Default for QueueSettings {
    fn default() -> Self {
        QueueSettings {
            capacity: 10_000,
            max_batch: 256,
            retry_initial: Duration::from_millis(50),
            retry_max: Duration::from_secs(2),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_tool_deadline_overrides_the_default() {
        let mut s = RuntimeSettings::default();
        s.tool_deadlines
            .insert("click_element".into(), Duration::from_secs(7).into());
        assert_eq!(s.deadline_for("click_element"), Duration::from_secs(7));
        assert_eq!(s.deadline_for("navigate_to_url"), Duration::from_secs(30));
    }
}
