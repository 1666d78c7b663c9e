//! `step_table` sink: one `recovery_steps` row per tool call.
//!
//! The row is inserted when the call starts (`running`) and upserted when it ends, both
//! keyed on the unique (`attempt_id`, `step_number`), so a retried batch never duplicates a
//! row and a finish whose start was never written still leaves a complete row. A batch
//! is at most three statements (new rows, finished rows, notes) in one transaction.

use std::sync::Arc;

use async_trait::async_trait;
use ragtime_core::{EventKind, ProgressEvent, Sink, SinkError, ToolCallFinished, ToolCallStarted};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, TransactionTrait,
};

use super::classify;
use crate::entity::recovery_step::{self, Column};

/// The sink that keeps one `recovery_steps` row per tool call (see the module docs).
#[derive(Debug, Clone)]
pub struct StepTableSink {
    db: DatabaseConnection,
    writes: crate::WriteGate,
}

impl StepTableSink {
    /// A sink writing through `store`'s progress pool.
    pub fn new(store: &crate::Store) -> Self {
        StepTableSink {
            db: store.progress_connection().clone(),
            writes: store.writes.clone(),
        }
    }
}

fn step_number(step: u32) -> i32 {
    i32::try_from(step).unwrap_or(i32::MAX)
}

fn started_row(event: &ProgressEvent, call: &ToolCallStarted) -> recovery_step::ActiveModel {
    recovery_step::ActiveModel {
        attempt_id: Set(event.attempt_id.get()),
        step_number: Set(step_number(call.step)),
        tool_name: Set(call.tool.clone()),
        tool_input: Set(call.args.clone()),
        started_at: Set(event.at),
        outcome: Set("running".to_string()),
        ..Default::default()
    }
}

fn finished_row(event: &ProgressEvent, call: &ToolCallFinished) -> recovery_step::ActiveModel {
    recovery_step::ActiveModel {
        attempt_id: Set(event.attempt_id.get()),
        step_number: Set(step_number(call.step)),
        tool_name: Set(call.tool.clone()),
        tool_input: Set(call.args.clone()),
        tool_output: Set(Some(call.output.clone())),
        started_at: Set(call.started_at),
        finished_at: Set(Some(event.at)),
        duration_ms: Set(Some(i64::try_from(call.duration_ms).unwrap_or(i64::MAX))),
        outcome: Set(call.outcome.as_str().to_string()),
        input_tokens: Set(call
            .usage
            .map(|u| i64::try_from(u.input_tokens).unwrap_or(i64::MAX))),
        output_tokens: Set(call
            .usage
            .map(|u| i64::try_from(u.output_tokens).unwrap_or(i64::MAX))),
        ..Default::default()
    }
}

/// A batch as set-based writes: new rows, finished rows, notes.
#[derive(Default)]
struct Plan {
    starts: Vec<((i64, u32), recovery_step::ActiveModel)>,
    finishes: Vec<((i64, u32), recovery_step::ActiveModel)>,
    notes: Vec<(i64, u32, String)>,
}

impl Plan {
    /// One row per step: a finish in the batch makes a start of the same step moot,
    /// and a repeated event replaces the earlier one (one statement must not touch a
    /// row twice).
    fn of(events: &[Arc<ProgressEvent>]) -> Plan {
        fn put(
            list: &mut Vec<((i64, u32), recovery_step::ActiveModel)>,
            key: (i64, u32),
            row: recovery_step::ActiveModel,
        ) {
            match list.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = row,
                None => list.push((key, row)),
            }
        }
        let mut plan = Plan::default();
        for event in events {
            match &event.kind {
                EventKind::ToolCallStarted(call) => put(
                    &mut plan.starts,
                    (event.attempt_id.get(), call.step),
                    started_row(event, call),
                ),
                EventKind::ToolCallFinished(call) => {
                    let key = (event.attempt_id.get(), call.step);
                    plan.starts.retain(|(k, _)| *k != key);
                    put(&mut plan.finishes, key, finished_row(event, call));
                }
                EventKind::PlannerNote(note) => {
                    if let Some(step) = note.step {
                        plan.notes
                            .push((event.attempt_id.get(), step, note.note.clone()));
                    }
                }
                _ => {}
            }
        }
        plan.starts
            .retain(|(k, _)| !plan.finishes.iter().any(|(f, _)| f == k));
        plan
    }

    fn is_empty(&self) -> bool {
        self.starts.is_empty() && self.finishes.is_empty() && self.notes.is_empty()
    }

    async fn apply<C: ConnectionTrait>(self, db: &C) -> Result<(), DbErr> {
        let key = [Column::AttemptId, Column::StepNumber];
        if !self.starts.is_empty() {
            recovery_step::Entity::insert_many(self.starts.into_iter().map(|(_, row)| row))
                .on_conflict(OnConflict::columns(key).do_nothing().to_owned())
                .exec_without_returning(db)
                .await?;
        }
        if !self.finishes.is_empty() {
            recovery_step::Entity::insert_many(self.finishes.into_iter().map(|(_, row)| row))
                .on_conflict(
                    OnConflict::columns(key)
                        .update_columns([
                            Column::ToolOutput,
                            Column::FinishedAt,
                            Column::DurationMs,
                            Column::Outcome,
                            Column::InputTokens,
                            Column::OutputTokens,
                        ])
                        .to_owned(),
                )
                .exec_without_returning(db)
                .await?;
        }
        for (attempt, step, note) in self.notes {
            recovery_step::Entity::update_many()
                .col_expr(Column::Note, Expr::value(note))
                .filter(Column::AttemptId.eq(attempt))
                .filter(Column::StepNumber.eq(step_number(step)))
                .exec(db)
                .await?;
        }
        Ok(())
    }
}

#[async_trait]
impl Sink for StepTableSink {
    fn name(&self) -> &str {
        "step_table"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        let plan = Plan::of(events);
        if plan.is_empty() {
            return Ok(());
        }
        let _writing = self.writes.enter().await;
        let txn = self.db.begin().await.map_err(classify)?;
        plan.apply(&txn).await.map_err(classify)?;
        txn.commit().await.map_err(classify)
    }
}
