//! Episodes and their ingest: submit, claim with a lease, move through the pipeline's
//! statuses, record failed steps.
//!
//! A claim is one atomic UPDATE that takes the oldest queued episode, or one whose
//! lease ran out (its daemon died). On PostgreSQL the candidate row is locked with
//! `FOR UPDATE SKIP LOCKED`, so daemons sharing the database never take the same
//! episode; on SQLite the statement holds the database's write lock.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseBackend,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
};

use ragtime_core::EpisodeId;

use crate::entity::{episode, pipeline_event, recovery_attempt};
use crate::{Store, StoreError};

/// Where an episode's ingest stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpisodeStatus {
    /// Submitted and waiting for a daemon to claim it.
    Queued,
    /// Claimed; the `fetch_details` step is reading the episode page.
    FetchingDetails,
    /// The `download` step is fetching the audio.
    Downloading,
    /// A step failed and a recovery attempt is running.
    Recovering,
    /// The audio is on disk; the ingest is done.
    Downloaded,
    /// The ingest ended without the audio: the recovery chain ran out, or daemons took
    /// the episode up more than `max_tries` times.
    Failed,
    /// A recovery attempt did not recover the audio (or escalated); a person has to
    /// look at it.
    AwaitingHuman,
}

impl EpisodeStatus {
    /// Every status, in declaration order.
    pub const ALL: [EpisodeStatus; 7] = [
        EpisodeStatus::Queued,
        EpisodeStatus::FetchingDetails,
        EpisodeStatus::Downloading,
        EpisodeStatus::Recovering,
        EpisodeStatus::Downloaded,
        EpisodeStatus::Failed,
        EpisodeStatus::AwaitingHuman,
    ];

    /// The status named `text`, as [`as_str`](Self::as_str) writes it.
    pub fn parse(text: &str) -> Option<EpisodeStatus> {
        EpisodeStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The statuses of an episode a daemon is working on, under a lease.
    pub const IN_FLIGHT: [EpisodeStatus; 3] = [
        EpisodeStatus::FetchingDetails,
        EpisodeStatus::Downloading,
        EpisodeStatus::Recovering,
    ];

    /// Whether the ingest is over for the episode: downloaded, failed, or with a
    /// person.
    pub fn is_ended(self) -> bool {
        matches!(
            self,
            EpisodeStatus::Downloaded | EpisodeStatus::Failed | EpisodeStatus::AwaitingHuman
        )
    }

    /// The status's name as stored in `episodes.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            EpisodeStatus::Queued => "queued",
            EpisodeStatus::FetchingDetails => "fetching_details",
            EpisodeStatus::Downloading => "downloading",
            EpisodeStatus::Recovering => "recovering",
            EpisodeStatus::Downloaded => "downloaded",
            EpisodeStatus::Failed => "failed",
            EpisodeStatus::AwaitingHuman => "awaiting_human",
        }
    }
}

impl std::fmt::Display for EpisodeStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An episode as the rest of ragtime sees it: its page, what the pipeline learned,
/// and where its ingest stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Episode {
    /// The row's id, as the CLI and the admin show it.
    pub id: EpisodeId,
    /// The episode page.
    pub url: String,
    /// The title the page gave, when a step read it.
    pub title: Option<String>,
    /// The page's language, when a step read it.
    pub language: Option<String>,
    /// Where the audio was found.
    pub audio_url: Option<String>,
    /// Where the downloaded MP3 is.
    pub audio_file: Option<String>,
    /// Where its ingest stands.
    pub status: EpisodeStatus,
    /// Why it failed or waits for a person.
    pub error: Option<String>,
    /// When it was submitted.
    pub created_at: DateTime<Utc>,
    /// The daemon working on it, while its lease lasts.
    pub claimed_by: Option<String>,
    /// When that lease runs out.
    pub lease_until: Option<DateTime<Utc>>,
    /// How many times a daemon took it up.
    pub tries: i32,
    /// When its row last changed.
    pub updated_at: DateTime<Utc>,
}

/// The row as [`Episode`]; a status this version does not know is an error, not a
/// guess.
fn episode_of(m: episode::Model) -> Result<Episode, StoreError> {
    let status = EpisodeStatus::parse(&m.status).ok_or_else(|| {
        StoreError::Unreadable(format!("episode {} has status {:?}", m.id, m.status))
    })?;
    Ok(Episode {
        id: EpisodeId(m.id),
        url: m.url,
        title: m.title,
        language: m.language,
        audio_url: m.audio_url,
        audio_file: m.audio_file,
        status,
        error: m.error,
        created_at: m.created_at,
        claimed_by: m.claimed_by,
        lease_until: m.lease_until,
        tries: m.tries,
        updated_at: m.updated_at,
    })
}

/// Which episodes [`Store::find_episodes`] lists.
#[derive(Debug, Clone, Default)]
pub struct EpisodeFilter {
    /// Only episodes with this status (`None`: any).
    pub status: Option<EpisodeStatus>,
    /// Only URLs or titles containing this text.
    pub text: Option<String>,
    /// At most this many (0: all).
    pub limit: u64,
    /// Skip this many of the newest first.
    pub offset: u64,
}

/// The result of [`Store::submit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submitted {
    /// The episode's row, new or already there.
    pub episode_id: EpisodeId,
    /// False when the URL was already known (it is not queued twice).
    pub created: bool,
}

/// Fields a pipeline step learned about an episode.
#[derive(Debug, Clone, Default)]
pub struct EpisodeUpdate {
    /// The title the page gave.
    pub title: Option<String>,
    /// The page's language.
    pub language: Option<String>,
    /// Where the audio was found.
    pub audio_url: Option<String>,
    /// Where the downloaded audio was written.
    pub audio_file: Option<String>,
    /// Why the step failed; written as given, so `None` clears an earlier error.
    pub error: Option<String>,
}

/// A failed pipeline step, as `pipeline_events` keeps it.
#[derive(Debug, Clone)]
pub struct StepFailure {
    /// The pipeline step that failed (`fetch_details` or `download`).
    pub step: String,
    /// `http`, `timeout`, `network`, `validation` or `not_found`.
    pub error_type: String,
    /// The error as the step reported it.
    pub message: String,
    /// The HTTP status code, when the failure was an HTTP response.
    pub http_status: Option<i32>,
}

impl Store {
    /// Queues an episode by URL, unless the URL is known already.
    pub async fn submit(&self, url: &str) -> Result<Submitted, StoreError> {
        if let Some(found) = episode::Entity::find()
            .filter(episode::Column::Url.eq(url))
            .one(&self.db)
            .await?
        {
            return Ok(Submitted {
                episode_id: EpisodeId(found.id),
                created: false,
            });
        }
        let id = self.upsert_episode(url).await?;
        Ok(Submitted {
            episode_id: id,
            created: true,
        })
    }

    /// Takes the next episode to work on for `worker`, leasing it for `lease`.
    pub async fn claim(
        &self,
        worker: &str,
        lease: Duration,
    ) -> Result<Option<Episode>, StoreError> {
        let now = Utc::now();
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        let backend = self.db.get_database_backend();
        let in_flight = EpisodeStatus::IN_FLIGHT
            .map(|s| format!("'{}'", s.as_str()))
            .join(", ");
        let sql = match backend {
            DatabaseBackend::Postgres => format!(
                "UPDATE episodes SET status = 'fetching_details', claimed_by = $1, lease_until = $2, \
                 tries = tries + 1, updated_at = $3 \
                 WHERE id = (SELECT id FROM episodes WHERE status = 'queued' \
                   OR (status IN ({in_flight}) AND lease_until < $3) \
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) \
                 RETURNING id"
            ),
            _ => format!(
                "UPDATE episodes SET status = 'fetching_details', claimed_by = ?1, lease_until = ?2, \
                 tries = tries + 1, updated_at = ?3 \
                 WHERE id = (SELECT id FROM episodes WHERE status = 'queued' \
                   OR (status IN ({in_flight}) AND lease_until < ?3) \
                   ORDER BY id LIMIT 1) \
                 RETURNING id"
            ),
        };
        let _writing = self.writes.enter().await;
        let stmt =
            Statement::from_sql_and_values(backend, sql, [worker.into(), until.into(), now.into()]);
        let Some(row) = self.db.query_one_raw(stmt).await? else {
            return Ok(None);
        };
        let id: i64 = row.try_get("", "id")?;
        drop(_writing);
        self.episode(EpisodeId(id)).await
    }

    /// Extends `worker`'s lease; false when the episode is no longer its own.
    pub async fn renew_lease(
        &self,
        episode_id: EpisodeId,
        worker: &str,
        lease: Duration,
    ) -> Result<bool, StoreError> {
        let until = Utc::now() + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        let _writing = self.writes.enter().await;
        let done = episode::Entity::update_many()
            .col_expr(episode::Column::LeaseUntil, Expr::value(until))
            .filter(episode::Column::Id.eq(i64::from(episode_id)))
            .filter(episode::Column::ClaimedBy.eq(worker))
            .exec(&self.db)
            .await?;
        Ok(done.rows_affected > 0)
    }

    /// Leases an episode to `worker` for an agent's retry, as a claim would, unless it
    /// is downloaded or another worker holds a live lease on it (a daemon, or an
    /// earlier retry): false then, so two workers never work one episode.
    pub async fn take_for_retry(
        &self,
        episode_id: EpisodeId,
        worker: &str,
        lease: Duration,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        let _writing = self.writes.enter().await;
        let done = episode::Entity::update_many()
            .col_expr(
                episode::Column::Status,
                Expr::value(EpisodeStatus::Recovering.as_str()),
            )
            .col_expr(episode::Column::ClaimedBy, Expr::value(worker))
            .col_expr(episode::Column::LeaseUntil, Expr::value(until))
            .col_expr(episode::Column::UpdatedAt, Expr::value(now))
            .filter(episode::Column::Id.eq(i64::from(episode_id)))
            .filter(
                Condition::any()
                    .add(
                        episode::Column::Status.is_in(
                            [
                                EpisodeStatus::AwaitingHuman,
                                EpisodeStatus::Failed,
                                EpisodeStatus::Queued,
                            ]
                            .map(EpisodeStatus::as_str),
                        ),
                    )
                    .add(
                        Condition::all()
                            .add(
                                episode::Column::Status
                                    .is_in(EpisodeStatus::IN_FLIGHT.map(EpisodeStatus::as_str)),
                            )
                            .add(episode::Column::LeaseUntil.lt(now)),
                    ),
            )
            .exec(&self.db)
            .await?;
        Ok(done.rows_affected == 1)
    }

    /// Moves an episode to `status` with what the step learned. A final status
    /// (downloaded, failed, `awaiting_human`, queued) also ends the claim.
    pub async fn set_episode_status(
        &self,
        episode_id: EpisodeId,
        status: EpisodeStatus,
        update: EpisodeUpdate,
    ) -> Result<(), StoreError> {
        let mut query = episode::Entity::update_many()
            .col_expr(episode::Column::Status, Expr::value(status.as_str()))
            .col_expr(episode::Column::UpdatedAt, Expr::value(Utc::now()));
        let folded = update.title.as_deref().map(migration::fold_title);
        let fields = [
            (episode::Column::TitleFolded, folded),
            (episode::Column::Title, update.title),
            (episode::Column::Language, update.language),
            (episode::Column::AudioUrl, update.audio_url),
            (episode::Column::AudioFile, update.audio_file),
        ];
        for (column, value) in fields {
            if let Some(value) = value {
                query = query.col_expr(column, Expr::value(value));
            }
        }
        query = query.col_expr(episode::Column::Error, Expr::value(update.error));
        if !EpisodeStatus::IN_FLIGHT.contains(&status) {
            query = query
                .col_expr(
                    episode::Column::ClaimedBy,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    episode::Column::LeaseUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                );
        }
        let _writing = self.writes.enter().await;
        query
            .filter(episode::Column::Id.eq(i64::from(episode_id)))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Records a failed pipeline step in `pipeline_events`; returns the new row's id,
    /// which the recovery attempt started for it refers to.
    pub async fn record_failure(
        &self,
        episode_id: EpisodeId,
        failure: &StepFailure,
    ) -> Result<i64, StoreError> {
        let _writing = self.writes.enter().await;
        let row = pipeline_event::ActiveModel {
            episode_id: Set(episode_id.get()),
            step: Set(failure.step.clone()),
            error_type: Set(failure.error_type.clone()),
            message: Set(failure.message.clone()),
            http_status: Set(failure.http_status),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(row.id)
    }

    /// Recovery attempts already made for this episode's `step`.
    pub async fn recoveries_for_step(
        &self,
        episode_id: EpisodeId,
        step: &str,
    ) -> Result<u64, StoreError> {
        let events: Vec<i64> = pipeline_event::Entity::find()
            .select_only()
            .column(pipeline_event::Column::Id)
            .filter(pipeline_event::Column::EpisodeId.eq(i64::from(episode_id)))
            .filter(pipeline_event::Column::Step.eq(step))
            .into_tuple()
            .all(&self.db)
            .await?;
        if events.is_empty() {
            return Ok(0);
        }
        Ok(recovery_attempt::Entity::find()
            .filter(recovery_attempt::Column::PipelineEventId.is_in(events))
            .count(&self.db)
            .await?)
    }

    /// The episode with `id`, if there is one.
    pub async fn episode(&self, id: EpisodeId) -> Result<Option<Episode>, StoreError> {
        episode::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(episode_of)
            .transpose()
    }

    /// The episodes with these ids (one query), in id order; ids without a row are
    /// left out.
    pub async fn episodes_by_id(&self, ids: &[EpisodeId]) -> Result<Vec<Episode>, StoreError> {
        episode::Entity::find()
            .filter(episode::Column::Id.is_in(ids.iter().map(|id| id.get())))
            .order_by_asc(episode::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(episode_of)
            .collect()
    }

    /// Episodes matching `filter`, newest first.
    pub async fn find_episodes(&self, filter: &EpisodeFilter) -> Result<Vec<Episode>, StoreError> {
        let mut query = episode::Entity::find().order_by_desc(episode::Column::Id);
        if let Some(status) = filter.status {
            query = query.filter(episode::Column::Status.eq(status.as_str()));
        }
        if let Some(text) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            // The text is matched literally (LIKE's own wildcards are escaped) and
            // without regard to case on both databases: titles against their folded
            // column (SQLite's `lower()` folds only ASCII), URLs, ASCII, by `lower()`.
            let escaped = migration::fold_title(text)
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let pattern = || LikeExpr::new(format!("%{escaped}%")).escape('\\');
            query = query.filter(
                sea_orm::Condition::any()
                    .add(
                        Expr::expr(Func::lower(Expr::col((
                            episode::Entity,
                            episode::Column::Url,
                        ))))
                        .like(pattern()),
                    )
                    .add(
                        Expr::col((episode::Entity, episode::Column::TitleFolded)).like(pattern()),
                    ),
            );
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
            .map(episode_of)
            .collect()
    }

    /// How many episodes are in each status (every status, zeros included); a status
    /// this version does not know is an error, not a guess.
    pub async fn episode_counts(&self) -> Result<Vec<(EpisodeStatus, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = episode::Entity::find()
            .select_only()
            .column(episode::Column::Status)
            .column_as(episode::Column::Id.count(), "n")
            .group_by(episode::Column::Status)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut counts: Vec<(EpisodeStatus, u64)> =
            EpisodeStatus::ALL.into_iter().map(|s| (s, 0)).collect();
        for (status, n) in rows {
            let known = EpisodeStatus::parse(&status).ok_or_else(|| {
                StoreError::Unreadable(format!("unknown episode status {status:?}"))
            })?;
            if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == known) {
                slot.1 = u64::try_from(n).unwrap_or(0);
            }
        }
        Ok(counts)
    }

    /// Every episode, oldest first.
    pub async fn episodes(&self) -> Result<Vec<Episode>, StoreError> {
        episode::Entity::find()
            .order_by_asc(episode::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(episode_of)
            .collect()
    }
}
