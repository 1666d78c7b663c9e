//! Reconciling attempts whose daemon died: an attempt still `attempted` with a stale
//! heartbeat becomes `interrupted`, and every call it left open is closed.
//!
//! A daemon killed mid-call leaves its open step `running` in `recovery_steps` and in
//! the `progress` column; nothing else would ever finish it, so every view would show
//! it spinning under an ended attempt. The open steps are closed first (outcome
//! `interrupted`, finished at the attempt's last heartbeat, the last moment it was
//! known alive) and the attempt marked after, so a sweep cut off half-way leaves the
//! attempt stale and the next sweep does the whole job again.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ragtime_core::{AttemptId, AttemptStatus, StepOutcome};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::{Value, json};

use crate::entity::{recovery_attempt, recovery_step};
use crate::sinks::json_column;
use crate::{Store, StoreError};

/// The attempt's message, and the output of each call it left open.
pub const INTERRUPTED_MESSAGE: &str = "the daemon running this attempt stopped (stale heartbeat)";

impl Store {
    /// Marks attempts still `attempted` whose heartbeat is older than `stale_after`
    /// as `interrupted`, closes the calls they left open, and returns their ids.
    pub async fn interrupt_stale(
        &self,
        stale_after: Duration,
    ) -> Result<Vec<AttemptId>, StoreError> {
        let cutoff =
            Utc::now() - chrono::Duration::from_std(stale_after).unwrap_or(chrono::Duration::MAX);
        let stale: Vec<(i64, DateTime<Utc>)> = recovery_attempt::Entity::find()
            .select_only()
            .column(recovery_attempt::Column::Id)
            .column(recovery_attempt::Column::HeartbeatAt)
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .filter(recovery_attempt::Column::HeartbeatAt.lt(cutoff))
            .into_tuple()
            .all(&self.db)
            .await?;
        if stale.is_empty() {
            return Ok(Vec::new());
        }
        let stale: Vec<(AttemptId, DateTime<Utc>)> = stale
            .into_iter()
            .map(|(id, last_alive)| (AttemptId(id), last_alive))
            .collect();
        for (attempt, last_alive) in &stale {
            self.close_open_steps(*attempt, *last_alive).await?;
        }
        let ids: Vec<AttemptId> = stale.iter().map(|(id, _)| *id).collect();
        let _writing = self.writes.enter().await;
        recovery_attempt::Entity::update_many()
            .col_expr(
                recovery_attempt::Column::Status,
                Expr::value(AttemptStatus::Interrupted.as_str()),
            )
            .col_expr(recovery_attempt::Column::Success, Expr::value(false))
            .col_expr(
                recovery_attempt::Column::Message,
                Expr::value(INTERRUPTED_MESSAGE),
            )
            .col_expr(
                recovery_attempt::Column::FinishedAt,
                Expr::value(Utc::now()),
            )
            .filter(recovery_attempt::Column::Id.is_in(ids.iter().copied().map(i64::from)))
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .exec(&self.db)
            .await?;
        Ok(ids)
    }

    /// Closes the attempt's `running` calls in both step views. Idempotent: a closed
    /// call is no longer `running`, so a second pass finds nothing.
    async fn close_open_steps(
        &self,
        attempt: AttemptId,
        last_alive: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let running = StepOutcome::Running.as_str();
        let open = recovery_step::Entity::find()
            .filter(recovery_step::Column::AttemptId.eq(i64::from(attempt)))
            .filter(recovery_step::Column::Outcome.eq(running))
            .all(&self.db)
            .await?;
        // The rows' durations, so both views of a closed call say the same (the JSON
        // timestamp can be finer than the column's precision on PostgreSQL).
        let mut row_durations = HashMap::new();
        for step in open {
            let finished = last_alive.max(step.started_at);
            let duration = millis_between(step.started_at, finished);
            row_durations.insert(i64::from(step.step_number), duration);
            let _writing = self.writes.enter().await;
            recovery_step::Entity::update_many()
                .col_expr(
                    recovery_step::Column::Outcome,
                    Expr::value(StepOutcome::Interrupted.as_str()),
                )
                .col_expr(recovery_step::Column::FinishedAt, Expr::value(finished))
                .col_expr(recovery_step::Column::DurationMs, Expr::value(duration))
                .col_expr(
                    recovery_step::Column::ToolOutput,
                    Expr::value(INTERRUPTED_MESSAGE),
                )
                .filter(recovery_step::Column::Id.eq(step.id))
                .filter(recovery_step::Column::Outcome.eq(running))
                .exec(&self.db)
                .await?;
        }
        let progress: Option<Value> = recovery_attempt::Entity::find_by_id(attempt)
            .select_only()
            .column(recovery_attempt::Column::Progress)
            .into_tuple()
            .one(&self.db)
            .await?;
        let closed = progress
            .as_ref()
            .and_then(Value::as_array)
            .map(|entries| closed_entries(entries, last_alive, &row_durations))
            .unwrap_or_default();
        if !closed.is_empty() {
            let _writing = self.writes.enter().await;
            // The sink's own merge: a finished entry outranks a running one, so the
            // rule of which entry wins stays in one place.
            json_column::merge(self.progress_connection(), vec![(attempt.get(), closed)]).await?;
        }
        Ok(())
    }
}

/// A finished copy of every `running` entry of a `progress` list; a step's duration
/// is its row's where the row was closed too.
fn closed_entries(
    entries: &[Value],
    last_alive: DateTime<Utc>,
    row_durations: &HashMap<i64, i64>,
) -> Vec<Value> {
    entries
        .iter()
        .filter(|e| e["outcome"] == StepOutcome::Running.as_str())
        .map(|entry| {
            let started = entry["timestamp"]
                .as_str()
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t.with_timezone(&Utc));
            let mut closed = entry.clone();
            closed["outcome"] = json!(StepOutcome::Interrupted.as_str());
            let from_row = entry["step"].as_i64().and_then(|n| row_durations.get(&n));
            let duration = from_row
                .copied()
                .or_else(|| started.map(|s| millis_between(s, last_alive.max(s))));
            closed["duration_ms"] = json!(duration);
            closed["output"] = json!(INTERRUPTED_MESSAGE);
            closed
        })
        .collect()
}

fn millis_between(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    (end - start).num_milliseconds().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_running_entries_are_closed_and_at_the_last_heartbeat() {
        let started = "2026-01-01T00:00:00Z";
        let entries = vec![
            json!({"step": 1, "timestamp": started, "outcome": "success", "duration_ms": 5}),
            json!({"step": 2, "timestamp": started, "outcome": "running", "duration_ms": null}),
        ];
        let last_alive = DateTime::parse_from_rfc3339("2026-01-01T00:00:02.5Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let closed = closed_entries(&entries, last_alive, &HashMap::new());
        assert_eq!(closed.len(), 1);
        assert_eq!(closed[0]["step"], 2);
        assert_eq!(closed[0]["outcome"], "interrupted");
        assert_eq!(closed[0]["duration_ms"], 2500);
        // A heartbeat older than the call's start (clock skew) never gives a negative time.
        let early = DateTime::parse_from_rfc3339("2025-12-31T23:59:59Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        assert_eq!(
            closed_entries(&entries, early, &HashMap::new())[0]["duration_ms"],
            0
        );
        // The row's duration wins, so the column and the table agree.
        let rows = HashMap::from([(2, 2499)]);
        assert_eq!(
            closed_entries(&entries, last_alive, &rows)[0]["duration_ms"],
            2499
        );
    }
}
