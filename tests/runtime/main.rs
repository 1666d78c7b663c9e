//! End-to-end tests of the recovery runtime on real SQLite and PostgreSQL.
//!
//! One test binary (one link on a slow machine); each module is one concern.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests fail loudly by design: a panic in a helper is a failed test"
)]

mod admin;
mod admin_live;
mod agent;
mod cli;
mod common;
mod config_files;
mod daemon;
mod episodes;
mod eval;
mod fixtures;
mod human;
mod llm;
mod otel;
mod outage;
mod remote_browser;
mod scenarios;
mod sinks;
mod supervision;
mod webhook;

use ragtime_store::Store;
use serde_json::Value;

/// Asserts that `recovery_attempts.progress` and `recovery_steps` tell the same story:
/// the same steps, in order, once each, with the same outcome, duration and output.
pub async fn assert_progress_matches_steps(
    store: &Store,
    attempt_id: ragtime_core::AttemptId,
) -> usize {
    let attempt = store
        .rows()
        .attempt(attempt_id)
        .await
        .expect("load attempt")
        .expect("attempt row exists");
    let progress = attempt
        .progress
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("the progress column is not a list: {}", attempt.progress));
    let steps = store.rows().steps(attempt_id).await.expect("load steps");
    assert!(!steps.is_empty(), "attempt {attempt_id} recorded no steps");
    let progress_steps: Vec<i64> = progress.iter().filter_map(|e| e["step"].as_i64()).collect();
    let expected: Vec<i64> = (1..=steps.len() as i64).collect();
    assert_eq!(
        progress_steps, expected,
        "progress entries in order, once each: {progress:#?}"
    );
    for (entry, row) in progress.iter().zip(&steps) {
        assert_eq!(entry["tool"], Value::String(row.tool_name.clone()));
        assert_eq!(
            entry["outcome"],
            Value::String(row.outcome.clone()),
            "step {}",
            row.step_number
        );
        assert_eq!(
            entry["duration_ms"].as_i64(),
            row.duration_ms,
            "step {}",
            row.step_number
        );
        assert_eq!(
            entry["output"].as_str(),
            row.tool_output.as_deref(),
            "step {}",
            row.step_number
        );
        assert_eq!(entry["args"], row.tool_input);
    }
    steps.len()
}

/// The timeline of an attempt with everything that changes between runs redacted.
pub fn assert_timeline_snapshot(name: &str, timeline: &str) {
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        filters => vec![
            (r"\b\d+ ms\b", "[ms]"),
            (r"attempt \d+", "attempt [id]"),
            (r"episode \d+", "episode [id]"),
            (r"127\.0\.0\.1:\d+", "127.0.0.1:[port]"),
            (r"localhost:\d+", "localhost:[port]"),
            (r"/\S*/attempt-\d+-", "[media]/attempt-[id]-"),
            (r"at \(\d+, \d+\)", "at ([x], [y])"),
        ],
    }, {
        insta::assert_snapshot!(name, timeline);
    });
}
