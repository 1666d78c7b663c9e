//! Queries on attempts and their steps: create, list, load as a timeline. Sweeping
//! attempts whose daemon died is in `reconcile`.

use chrono::Utc;
use ragtime_core::{AttemptId, AttemptStatus, EpisodeId, StepOutcome, TraceId};
use ragtime_timeline::{AttemptRecord, StepRecord, Timeline, timeline};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde_json::Value;

use crate::entity::{
    episode, pipeline_event, recovery_attempt, recovery_screenshot, recovery_step,
};
use crate::{Store, StoreError};

/// A new attempt row, written before its supervisor starts.
#[derive(Debug, Clone, Default)]
pub struct NewAttempt {
    /// The episode the attempt recovers, if there is a row for it.
    pub episode_id: Option<EpisodeId>,
    /// The failed pipeline step (`pipeline_events` row) that started it, if any.
    pub pipeline_event_id: Option<i64>,
    /// The recovery strategy that runs, such as `agent`.
    pub strategy: String,
    /// The daemon that runs the attempt.
    pub worker_id: Option<String>,
    /// The trace its events carry ([`TraceId::random`] for a new attempt).
    pub trace_id: TraceId,
}

/// Which attempts [`Store::attempts`] lists.
#[derive(Debug, Clone, Default)]
pub struct AttemptFilter {
    /// Only attempts with this status (`None`: any).
    pub status: Option<AttemptStatus>,
    /// Only this episode's attempts.
    pub episode_id: Option<EpisodeId>,
    /// Only attempts of this strategy (`agent`, `human`, ...).
    pub strategy: Option<String>,
    /// At most this many (0: all).
    pub limit: u64,
    /// Skip this many of the newest first.
    pub offset: u64,
}

/// A failed pipeline step of an episode, the reason a recovery runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineEvent {
    /// The row's id; an attempt that recovers the step points to it.
    pub id: i64,
    /// The step that failed (`fetch_details`, `download`).
    pub step: String,
    /// `http`, `timeout`, `network`, `validation` or `not_found`.
    pub error_type: String,
    /// What went wrong, in a line.
    pub message: String,
    /// The HTTP status, when the failure was an HTTP answer.
    pub http_status: Option<i32>,
    /// When the step failed.
    pub created_at: chrono::DateTime<Utc>,
}

/// The raw rows of attempts and steps, as the sinks wrote them: what tests and
/// checks compare (the JSON column, heartbeats, `status_written`). Product code reads
/// [`AttemptRecord`] and [`StepRecord`] instead.
pub struct Rows<'a>(&'a Store);

impl Rows<'_> {
    /// The `recovery_attempts` row.
    pub async fn attempt(
        &self,
        id: AttemptId,
    ) -> Result<Option<recovery_attempt::Model>, StoreError> {
        Ok(recovery_attempt::Entity::find_by_id(id)
            .one(&self.0.db)
            .await?)
    }

    /// The attempt's `recovery_steps` rows, in order.
    pub async fn steps(&self, attempt: AttemptId) -> Result<Vec<recovery_step::Model>, StoreError> {
        Ok(recovery_step::Entity::find()
            .filter(recovery_step::Column::AttemptId.eq(i64::from(attempt)))
            .order_by_asc(recovery_step::Column::StepNumber)
            .all(&self.0.db)
            .await?)
    }
}

impl Store {
    /// Inserts an episode by URL, or returns the id of the one already there.
    pub async fn upsert_episode(&self, url: &str) -> Result<EpisodeId, StoreError> {
        if let Some(found) = episode::Entity::find()
            .filter(episode::Column::Url.eq(url))
            .one(&self.db)
            .await?
        {
            return Ok(EpisodeId(found.id));
        }
        let now = Utc::now();
        let row = episode::ActiveModel {
            url: Set(url.to_string()),
            status: Set("queued".to_string()),
            claimed_by: Set(None),
            lease_until: Set(None),
            tries: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(EpisodeId(row.id))
    }

    /// Writes a new attempt row with status `attempted` and an empty progress list;
    /// returns its id.
    pub async fn create_attempt(&self, new: NewAttempt) -> Result<AttemptId, StoreError> {
        let now = Utc::now();
        let row = recovery_attempt::ActiveModel {
            episode_id: Set(new.episode_id.map(i64::from)),
            pipeline_event_id: Set(new.pipeline_event_id),
            strategy: Set(new.strategy),
            status: Set(AttemptStatus::Attempted.as_str().to_string()),
            progress: Set(Value::Array(Vec::new())),
            worker_id: Set(new.worker_id),
            trace_id: Set((!new.trace_id.is_none()).then(|| new.trace_id.to_string())),
            started_at: Set(now),
            heartbeat_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(AttemptId(row.id))
    }

    /// Attempts, newest first.
    pub async fn attempts(&self, filter: &AttemptFilter) -> Result<Vec<AttemptRecord>, StoreError> {
        let mut query =
            recovery_attempt::Entity::find().order_by_desc(recovery_attempt::Column::Id);
        if let Some(status) = filter.status {
            query = query.filter(recovery_attempt::Column::Status.eq(status.as_str()));
        }
        if let Some(episode) = filter.episode_id {
            query = query.filter(recovery_attempt::Column::EpisodeId.eq(i64::from(episode)));
        }
        if let Some(strategy) = &filter.strategy {
            query = query.filter(recovery_attempt::Column::Strategy.eq(strategy.as_str()));
        }
        if filter.limit > 0 {
            query = query.limit(filter.limit);
        }
        if filter.offset > 0 {
            query = query.offset(filter.offset);
        }
        query
            .all(&self.db)
            .await?
            .into_iter()
            .map(attempt_record)
            .collect()
    }

    /// Model tokens (read, written) each of `ids` used, for the attempts that used any.
    pub async fn token_totals(
        &self,
        ids: &[AttemptId],
    ) -> Result<std::collections::HashMap<AttemptId, (i64, i64)>, StoreError> {
        if ids.is_empty() {
            return Ok(Default::default());
        }
        let rows: Vec<(i64, Option<i64>, Option<i64>)> = recovery_step::Entity::find()
            .select_only()
            .column(recovery_step::Column::AttemptId)
            .column_as(recovery_step::Column::InputTokens.sum(), "read")
            .column_as(recovery_step::Column::OutputTokens.sum(), "written")
            .filter(recovery_step::Column::AttemptId.is_in(ids.iter().copied().map(i64::from)))
            .filter(recovery_step::Column::InputTokens.is_not_null())
            .group_by(recovery_step::Column::AttemptId)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, read, written): (i64, Option<i64>, Option<i64>)| {
                (AttemptId(id), (read.unwrap_or(0), written.unwrap_or(0)))
            })
            .collect())
    }

    /// The attempt with `id`, as the read side knows it.
    pub async fn attempt(&self, id: AttemptId) -> Result<Option<AttemptRecord>, StoreError> {
        self.rows()
            .attempt(id)
            .await?
            .map(attempt_record)
            .transpose()
    }

    /// The attempt's steps, in order.
    pub async fn steps(&self, attempt: AttemptId) -> Result<Vec<StepRecord>, StoreError> {
        self.rows()
            .steps(attempt)
            .await?
            .into_iter()
            .map(step_record)
            .collect()
    }

    /// The rows underneath, for tests and checks that compare what a sink wrote.
    pub fn rows(&self) -> Rows<'_> {
        Rows(self)
    }

    /// Marks an attempt in flight for cancelling by whichever daemon runs it.
    /// False when the attempt is not in flight (or does not exist).
    pub async fn request_cancel(&self, id: AttemptId) -> Result<bool, StoreError> {
        let _gate = self.writes.enter().await;
        let done = recovery_attempt::Entity::update_many()
            .col_expr(
                recovery_attempt::Column::CancelRequestedAt,
                Expr::value(Utc::now()),
            )
            .filter(recovery_attempt::Column::Id.eq(i64::from(id)))
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .exec(&self.db)
            .await?;
        Ok(done.rows_affected > 0)
    }

    /// Attempts in flight that an admin asked to cancel.
    pub async fn cancel_requests(&self) -> Result<Vec<AttemptId>, StoreError> {
        Ok(recovery_attempt::Entity::find()
            .select_only()
            .column(recovery_attempt::Column::Id)
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .filter(recovery_attempt::Column::CancelRequestedAt.is_not_null())
            .into_tuple::<i64>()
            .all(&self.db)
            .await?
            .into_iter()
            .map(AttemptId)
            .collect())
    }

    /// (screenshot id, step) of an attempt's screenshots, without the bytes.
    pub async fn screenshots_of(&self, attempt: AttemptId) -> Result<Vec<(i64, i32)>, StoreError> {
        Ok(recovery_screenshot::Entity::find()
            .select_only()
            .column(recovery_screenshot::Column::Id)
            .column(recovery_screenshot::Column::StepNumber)
            .filter(recovery_screenshot::Column::AttemptId.eq(i64::from(attempt)))
            .order_by_asc(recovery_screenshot::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?)
    }

    /// A screenshot's PNG bytes.
    pub async fn screenshot(&self, id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(recovery_screenshot::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(|s| s.data))
    }

    /// An episode's failed pipeline steps, oldest first.
    pub async fn pipeline_events(
        &self,
        episode: EpisodeId,
    ) -> Result<Vec<PipelineEvent>, StoreError> {
        Ok(pipeline_event::Entity::find()
            .filter(pipeline_event::Column::EpisodeId.eq(i64::from(episode)))
            .order_by_asc(pipeline_event::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| PipelineEvent {
                id: m.id,
                step: m.step,
                error_type: m.error_type,
                message: m.message,
                http_status: m.http_status,
                created_at: m.created_at,
            })
            .collect())
    }

    /// The attempt as a timeline, from its row and its `recovery_steps`.
    pub async fn timeline(&self, id: AttemptId) -> Result<Timeline, StoreError> {
        let (attempt, steps) = self.attempt_rows(id).await?;
        Ok(timeline(&attempt, &steps))
    }

    /// The attempt's row and its `recovery_steps`, as the timeline reads them.
    pub async fn attempt_rows(
        &self,
        id: AttemptId,
    ) -> Result<(AttemptRecord, Vec<StepRecord>), StoreError> {
        let attempt = self
            .attempt(id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("no recovery attempt with id {id}")))?;
        Ok((attempt, self.steps(id).await?))
    }
}

/// The attempt row as the timeline reads it; a status this version does not know is
/// an error, not a guess.
pub fn attempt_record(m: recovery_attempt::Model) -> Result<AttemptRecord, StoreError> {
    let status = AttemptStatus::parse(&m.status).ok_or_else(|| {
        StoreError::Unreadable(format!("attempt {} has status {:?}", m.id, m.status))
    })?;
    Ok(AttemptRecord {
        id: AttemptId(m.id),
        episode_id: m.episode_id.map(EpisodeId),
        pipeline_event_id: m.pipeline_event_id,
        strategy: m.strategy,
        status,
        message: m.message,
        started_at: m.started_at,
        finished_at: m.finished_at,
        // A malformed id names no trace; the attempt itself is still readable.
        trace_id: m.trace_id.and_then(|text| text.parse().ok()),
    })
}

/// A `recovery_steps` row as the timeline reads it.
pub fn step_record(m: recovery_step::Model) -> Result<StepRecord, StoreError> {
    let outcome = StepOutcome::parse(&m.outcome).ok_or_else(|| {
        StoreError::Unreadable(format!(
            "step {} of attempt {} has outcome {:?}",
            m.step_number, m.attempt_id, m.outcome
        ))
    })?;
    Ok(StepRecord {
        step: m.step_number,
        tool: m.tool_name,
        args: m.tool_input,
        outcome,
        duration_ms: m.duration_ms,
        output: m.tool_output,
        note: m.note,
        started_at: m.started_at,
        tokens: match (m.input_tokens, m.output_tokens) {
            (None, None) => None,
            (read, written) => Some((read.unwrap_or(0), written.unwrap_or(0))),
        },
    })
}
