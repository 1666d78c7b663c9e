//! `json_column` sink: keeps `recovery_attempts.progress` current.
//!
//! A call's entry is appended when it starts (`"outcome": "running"`) and replaced in
//! place when it ends. One UPDATE per batch merges the new entries of every attempt into
//! the list inside the database (JSON1 functions on SQLite, jsonb functions on
//! PostgreSQL), never a read-modify-write in this program, so concurrent writers lose
//! nothing. The merge keeps one entry per step, in step order, and ranks a finished
//! entry above the stored one above a running one, so a replayed batch changes
//! nothing and a late start never undoes a finish.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use ragtime_core::{EventKind, ProgressEvent, Sink, SinkError};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use serde_json::{Value, json};

use super::classify;

// `?` is `[{"id": attempt, "entries": [entry, ...]}, ...]`: every attempt in the batch.
const SQLITE_MERGE: &str = "UPDATE recovery_attempts SET progress = ( \
       SELECT json_group_array(json(value) ORDER BY step) FROM ( \
         SELECT value, step, row_number() OVER (PARTITION BY step ORDER BY rank DESC) AS pick FROM ( \
           SELECT value, json_extract(value, '$.step') AS step, 1 AS rank \
             FROM json_each(COALESCE(recovery_attempts.progress, '[]')) \
           UNION ALL \
           SELECT value, json_extract(value, '$.step'), \
                  CASE WHEN json_extract(value, '$.outcome') = 'running' THEN 0 ELSE 2 END \
             FROM json_each(batch.entries) \
         ) \
       ) WHERE pick = 1 \
     ) \
     FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.entries') AS entries \
           FROM json_each(?)) AS batch \
     WHERE recovery_attempts.id = batch.id";

const PG_MERGE: &str = "UPDATE recovery_attempts AS a SET progress = ( \
       SELECT COALESCE(jsonb_agg(m.e ORDER BY m.step), '[]'::jsonb) FROM ( \
         SELECT DISTINCT ON (u.step) u.step, u.e FROM ( \
           SELECT (o.e->>'step')::bigint AS step, o.e, 1 AS rank \
             FROM jsonb_array_elements(COALESCE(a.progress, '[]'::jsonb)) AS o(e) \
           UNION ALL \
           SELECT (n.e->>'step')::bigint, n.e, CASE WHEN n.e->>'outcome' = 'running' THEN 0 ELSE 2 END \
             FROM jsonb_array_elements(batch.entries) AS n(e) \
         ) AS u ORDER BY u.step, u.rank DESC \
       ) AS m \
     ) \
     FROM jsonb_to_recordset($1::jsonb) AS batch(id bigint, entries jsonb) \
     WHERE a.id = batch.id";

/// The sink that merges each tool call's entry into its attempt's
/// `recovery_attempts.progress` list (see the module docs).
#[derive(Debug, Clone)]
pub struct JsonColumnSink {
    db: DatabaseConnection,
    writes: crate::WriteGate,
}

impl JsonColumnSink {
    /// A sink writing through `store`'s progress pool.
    pub fn new(store: &crate::Store) -> Self {
        JsonColumnSink {
            db: store.progress_connection().clone(),
            writes: store.writes.clone(),
        }
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
        EventKind::ToolCallFinished(call) => {
            let mut entry = json!({
                "step": call.step,
                "timestamp": call.started_at,
                "tool": call.tool,
                "args": call.args,
                "outcome": call.outcome,
                "duration_ms": call.duration_ms,
                "output": call.output,
            });
            if let Some(usage) = call.usage {
                entry["input_tokens"] = json!(usage.input_tokens);
                entry["output_tokens"] = json!(usage.output_tokens);
            }
            Some((call.step, entry, true))
        }
        _ => None,
    }
}

/// Merges every attempt's new entries (already one per step) in one statement.
pub(crate) async fn merge(
    db: &DatabaseConnection,
    per_attempt: Vec<(i64, Vec<Value>)>,
) -> Result<(), sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let sql = if backend == DatabaseBackend::Postgres {
        PG_MERGE
    } else {
        SQLITE_MERGE
    };
    let batch: Vec<Value> = per_attempt
        .into_iter()
        .map(|(id, entries)| json!({"id": id, "entries": entries}))
        .collect();
    let stmt =
        Statement::from_sql_and_values(backend, sql, [Value::Array(batch).to_string().into()]);
    db.execute_raw(stmt).await?;
    Ok(())
}

/// The batch as one list of entries per attempt, one entry per step: a finish
/// supersedes a start of the same step. Attempts keep their first-seen order.
fn collapse(events: &[Arc<ProgressEvent>]) -> Vec<(i64, Vec<Value>)> {
    // Per attempt: (step, entry, finished) in first-seen order.
    type Entries = Vec<(u32, Value, bool)>;
    let mut attempts: Vec<(i64, Entries)> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    for event in events {
        let Some((step, value, done)) = entry(event) else {
            continue;
        };
        let slot = *index.entry(event.attempt_id.get()).or_insert_with(|| {
            attempts.push((event.attempt_id.get(), Vec::new()));
            attempts.len() - 1
        });
        let list = &mut attempts[slot].1;
        match list.iter_mut().find(|(s, _, _)| *s == step) {
            Some(existing) if done || !existing.2 => *existing = (step, value, done),
            Some(_) => {}
            None => list.push((step, value, done)),
        }
    }
    attempts
        .into_iter()
        .map(|(id, list)| (id, list.into_iter().map(|(_, v, _)| v).collect()))
        .collect()
}

#[async_trait]
impl Sink for JsonColumnSink {
    fn name(&self) -> &str {
        "json_column"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        let per_attempt = collapse(events);
        if per_attempt.is_empty() {
            return Ok(());
        }
        let _writing = self.writes.enter().await;
        merge(&self.db, per_attempt).await.map_err(classify)
    }
}
