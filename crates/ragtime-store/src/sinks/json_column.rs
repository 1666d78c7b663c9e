//! `json_column` sink: keeps `recovery_attempts.progress` current.
//!
//! A call's entry is appended when it starts (`"outcome": "running"`) and replaced in
//! place when it ends. Both are single UPDATE statements that the database applies to
//! the current value (JSON1 functions on SQLite, jsonb operators on PostgreSQL), never
//! a read-modify-write in this program, so concurrent writers lose nothing. Both are
//! idempotent: the append is skipped when the step is already there.

use std::sync::Arc;

use async_trait::async_trait;
use ragtime_core::{EventKind, ProgressEvent, Sink, SinkError};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement, TransactionTrait};
use serde_json::{Value, json};

use super::classify;

const SQLITE_APPEND: &str = "UPDATE recovery_attempts \
     SET progress = json_insert(COALESCE(progress, '[]'), '$[#]', json(?)) \
     WHERE id = ? AND NOT EXISTS \
       (SELECT 1 FROM json_each(recovery_attempts.progress) WHERE json_extract(value, '$.step') = ?)";

const SQLITE_COMPLETE: &str = "UPDATE recovery_attempts \
     SET progress = json_set(progress, '$[' || \
       (SELECT key FROM json_each(recovery_attempts.progress) WHERE json_extract(value, '$.step') = ? LIMIT 1) \
       || ']', json(?)) \
     WHERE id = ? AND EXISTS \
       (SELECT 1 FROM json_each(recovery_attempts.progress) WHERE json_extract(value, '$.step') = ?)";

const PG_APPEND: &str = "UPDATE recovery_attempts \
     SET progress = COALESCE(progress, '[]'::jsonb) || jsonb_build_array($1::jsonb) \
     WHERE id = $2 AND NOT (COALESCE(progress, '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('step', $3::int)))";

const PG_COMPLETE: &str = "UPDATE recovery_attempts \
     SET progress = jsonb_set(progress, ARRAY[( \
       SELECT (e.ord - 1)::text FROM jsonb_array_elements(progress) WITH ORDINALITY AS e(v, ord) \
       WHERE (e.v->>'step')::int = $1 LIMIT 1)], $2::jsonb) \
     WHERE id = $3 AND progress @> jsonb_build_array(jsonb_build_object('step', $1::int))";

#[derive(Debug, Clone)]
pub struct JsonColumnSink {
    db: DatabaseConnection,
}

impl JsonColumnSink {
    pub fn new(store: &crate::Store) -> Self {
        JsonColumnSink { db: store.connection().clone() }
    }
}

/// One `progress` entry: `{step, timestamp, tool, args, outcome, duration_ms, output}`.
fn entry(event: &ProgressEvent) -> Option<(u32, Value, bool)> {
    match &event.kind {
        EventKind::ToolCallStarted(call) => Some((
            call.step,
            json!({
                "step": call.step,
                "timestamp": event.at,
                "tool": call.tool,
                "args": call.args,
                "outcome": "running",
                "duration_ms": null,
                "output": null,
            }),
            false,
        )),
        EventKind::ToolCallFinished(call) => Some((
            call.step,
            json!({
                "step": call.step,
                "timestamp": call.started_at,
                "tool": call.tool,
                "args": call.args,
                "outcome": call.outcome,
                "duration_ms": call.duration_ms,
                "output": call.output,
            }),
            true,
        )),
        _ => None,
    }
}

async fn append<C: ConnectionTrait>(db: &C, attempt: i64, step: u32, entry: &Value) -> Result<u64, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let sql = if backend == DatabaseBackend::Postgres { PG_APPEND } else { SQLITE_APPEND };
    let stmt = Statement::from_sql_and_values(backend, sql, [entry.to_string().into(), attempt.into(), i64::from(step).into()]);
    Ok(db.execute_raw(stmt).await?.rows_affected())
}

async fn complete<C: ConnectionTrait>(db: &C, attempt: i64, step: u32, entry: &Value) -> Result<u64, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let stmt = if backend == DatabaseBackend::Postgres {
        Statement::from_sql_and_values(backend, PG_COMPLETE, [i64::from(step).into(), entry.to_string().into(), attempt.into()])
    } else {
        Statement::from_sql_and_values(
            backend,
            SQLITE_COMPLETE,
            [i64::from(step).into(), entry.to_string().into(), attempt.into(), i64::from(step).into()],
        )
    };
    Ok(db.execute_raw(stmt).await?.rows_affected())
}

#[async_trait]
impl Sink for JsonColumnSink {
    fn name(&self) -> &str {
        "json_column"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        let entries: Vec<(i64, u32, Value, bool)> = events
            .iter()
            .filter_map(|e| entry(e).map(|(step, value, done)| (e.attempt_id, step, value, done)))
            .collect();
        if entries.is_empty() {
            return Ok(());
        }
        let txn = self.db.begin().await.map_err(classify)?;
        for (attempt, step, value, done) in &entries {
            // A finish whose start never landed is appended whole instead.
            if !*done || complete(&txn, *attempt, *step, value).await.map_err(classify)? == 0 {
                append(&txn, *attempt, *step, value).await.map_err(classify)?;
            }
        }
        txn.commit().await.map_err(classify)
    }
}
