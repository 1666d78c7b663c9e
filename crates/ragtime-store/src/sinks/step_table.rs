//! `step_table` sink: one `recovery_steps` row per tool call.
//!
//! The row is inserted when the call starts (`running`) and upserted when it ends, both
//! keyed on the unique (attempt_id, step_number), so a retried batch never duplicates a
//! row and a finish whose start was never written still leaves a complete row.

use std::sync::Arc;

use async_trait::async_trait;
use ragtime_core::{EventKind, ProgressEvent, Sink, SinkError};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, TransactionTrait,
};

use super::classify;
use crate::entity::recovery_step::{self, Column};

#[derive(Debug, Clone)]
pub struct StepTableSink {
    db: DatabaseConnection,
}

impl StepTableSink {
    pub fn new(store: &crate::Store) -> Self {
        StepTableSink { db: store.connection().clone() }
    }
}

fn step_number(step: u32) -> i32 {
    i32::try_from(step).unwrap_or(i32::MAX)
}

async fn apply<C: ConnectionTrait>(db: &C, event: &ProgressEvent) -> Result<(), DbErr> {
    match &event.kind {
        EventKind::ToolCallStarted(call) => {
            let row = recovery_step::ActiveModel {
                attempt_id: Set(event.attempt_id),
                step_number: Set(step_number(call.step)),
                tool_name: Set(call.tool.clone()),
                tool_input: Set(call.args.clone()),
                started_at: Set(event.at),
                outcome: Set("running".to_string()),
                ..Default::default()
            };
            recovery_step::Entity::insert(row)
                .on_conflict(OnConflict::columns([Column::AttemptId, Column::StepNumber]).do_nothing().to_owned())
                .exec_without_returning(db)
                .await?;
        }
        EventKind::ToolCallFinished(call) => {
            let row = recovery_step::ActiveModel {
                attempt_id: Set(event.attempt_id),
                step_number: Set(step_number(call.step)),
                tool_name: Set(call.tool.clone()),
                tool_input: Set(call.args.clone()),
                tool_output: Set(Some(call.output.clone())),
                started_at: Set(call.started_at),
                finished_at: Set(Some(event.at)),
                duration_ms: Set(Some(i64::try_from(call.duration_ms).unwrap_or(i64::MAX))),
                outcome: Set(call.outcome.as_str().to_string()),
                ..Default::default()
            };
            recovery_step::Entity::insert(row)
                .on_conflict(
                    OnConflict::columns([Column::AttemptId, Column::StepNumber])
                        .update_columns([Column::ToolOutput, Column::FinishedAt, Column::DurationMs, Column::Outcome])
                        .to_owned(),
                )
                .exec_without_returning(db)
                .await?;
        }
        EventKind::PlannerNote(note) => {
            if let Some(step) = note.step {
                recovery_step::Entity::update_many()
                    .col_expr(Column::Note, Expr::value(note.note.clone()))
                    .filter(Column::AttemptId.eq(event.attempt_id))
                    .filter(Column::StepNumber.eq(step_number(step)))
                    .exec(db)
                    .await?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[async_trait]
impl Sink for StepTableSink {
    fn name(&self) -> &str {
        "step_table"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        if !events.iter().any(|e| {
            matches!(e.kind, EventKind::ToolCallStarted(_) | EventKind::ToolCallFinished(_) | EventKind::PlannerNote(_))
        }) {
            return Ok(());
        }
        let txn = self.db.begin().await.map_err(classify)?;
        for event in events {
            apply(&txn, event).await.map_err(classify)?;
        }
        txn.commit().await.map_err(classify)
    }
}

