//! The numbers of the admin's overview: how the ingest is doing at a glance.
//!
//! Each figure is one grouped query over a window of recent attempts (the last 24
//! hours on the home page), so its cost follows the window, not the history; the
//! attempts' `started_at` and the steps' `started_at` are indexed for it.

use chrono::{DateTime, Utc};
use ragtime_core::{AttemptId, AttemptStatus, StepOutcome};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::{recovery_attempt, recovery_step};
use crate::episodes::EpisodeStatus;
use crate::{Store, StoreError};

/// How many tools and reasons the overview lists.
const TOP: u64 = 5;

/// The overview's figures for attempts started since `since`.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Episodes in each status (all of them, not only the window's).
    pub episodes: Vec<(EpisodeStatus, u64)>,
    /// Attempts running now.
    pub in_flight: u64,
    /// The ids of the attempts running now (at most 1,000) and of the newest attempt,
    /// so a live page can tell an end or a new attempt from what it shows already.
    pub in_flight_ids: Vec<AttemptId>,
    /// The newest attempt's id.
    pub newest: Option<AttemptId>,
    /// Attempts of the window by terminal status.
    pub ended: Vec<(AttemptStatus, u64)>,
    /// Start to end of the window's resolved attempts, in milliseconds: median and
    /// 95th percentile (none without a resolved attempt).
    pub resolution_ms: Option<(i64, i64)>,
    /// The tools whose calls in the window most often ended `error` or `timeout`:
    /// name, errors, timeouts; the most first.
    pub failing_tools: Vec<(String, u64, u64)>,
    /// The commonest messages of the window's escalations, with their count.
    pub escalations: Vec<(String, u64)>,
}

impl Store {
    /// The overview of attempts started since `since`.
    pub async fn overview(&self, since: DateTime<Utc>) -> Result<Overview, StoreError> {
        let in_flight = recovery_attempt::Entity::find()
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .select_only()
            .column_as(recovery_attempt::Column::Id.count(), "n")
            .into_tuple::<i64>()
            .one(&self.db)
            .await?
            .unwrap_or(0);
        let in_flight_ids: Vec<i64> = recovery_attempt::Entity::find()
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .select_only()
            .column(recovery_attempt::Column::Id)
            .order_by_desc(recovery_attempt::Column::Id)
            .limit(1000)
            .into_tuple()
            .all(&self.db)
            .await?;
        let newest: Option<i64> = recovery_attempt::Entity::find()
            .select_only()
            .column_as(recovery_attempt::Column::Id.max(), "newest")
            .into_tuple::<Option<i64>>()
            .one(&self.db)
            .await?
            .flatten();
        let by_status: Vec<(String, i64)> = recovery_attempt::Entity::find()
            .filter(recovery_attempt::Column::StartedAt.gte(since))
            .select_only()
            .column(recovery_attempt::Column::Status)
            .column_as(recovery_attempt::Column::Id.count(), "n")
            .group_by(recovery_attempt::Column::Status)
            .into_tuple()
            .all(&self.db)
            .await?;
        let ended = AttemptStatus::ALL
            .into_iter()
            .filter(|s| *s != AttemptStatus::Attempted)
            .map(|status| {
                let n = by_status
                    .iter()
                    .find(|(s, _)| s == status.as_str())
                    .map_or(0, |(_, n)| *n);
                (status, count(n))
            })
            .collect();
        let spans: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = recovery_attempt::Entity::find()
            .filter(recovery_attempt::Column::StartedAt.gte(since))
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Resolved.as_str()))
            .select_only()
            .column(recovery_attempt::Column::StartedAt)
            .column(recovery_attempt::Column::FinishedAt)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut resolution: Vec<i64> = spans
            .into_iter()
            .filter_map(|(start, end)| Some((end? - start).num_milliseconds()))
            .collect();
        resolution.sort_unstable();
        let resolution_ms = (!resolution.is_empty()).then(|| {
            let at = |q: f64| {
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    clippy::cast_precision_loss,
                    reason = "a rounded index between 0 and len - 1"
                )]
                let i = ((resolution.len() - 1) as f64 * q).round() as usize;
                resolution[i]
            };
            (at(0.5), at(0.95))
        });
        let failures: Vec<(String, String, i64)> = recovery_step::Entity::find()
            .filter(recovery_step::Column::StartedAt.gte(since))
            .filter(
                recovery_step::Column::Outcome
                    .is_in([StepOutcome::Error.as_str(), StepOutcome::Timeout.as_str()]),
            )
            .select_only()
            .column(recovery_step::Column::ToolName)
            .column(recovery_step::Column::Outcome)
            .column_as(recovery_step::Column::Id.count(), "n")
            .group_by(recovery_step::Column::ToolName)
            .group_by(recovery_step::Column::Outcome)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut failing_tools: Vec<(String, u64, u64)> = Vec::new();
        for (tool, outcome, n) in failures {
            let slot = match failing_tools.iter().position(|(t, _, _)| *t == tool) {
                Some(i) => i,
                None => {
                    failing_tools.push((tool, 0, 0));
                    failing_tools.len() - 1
                }
            };
            if outcome == StepOutcome::Timeout.as_str() {
                failing_tools[slot].2 += count(n);
            } else {
                failing_tools[slot].1 += count(n);
            }
        }
        failing_tools.sort_by(|a, b| (b.1 + b.2).cmp(&(a.1 + a.2)).then(a.0.cmp(&b.0)));
        failing_tools.truncate(usize::try_from(TOP).unwrap_or(usize::MAX));
        let escalations: Vec<(Option<String>, i64)> = recovery_attempt::Entity::find()
            .filter(recovery_attempt::Column::StartedAt.gte(since))
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::AwaitingHuman.as_str()))
            .select_only()
            .column(recovery_attempt::Column::Message)
            .column_as(recovery_attempt::Column::Id.count(), "n")
            .group_by(recovery_attempt::Column::Message)
            .order_by_desc(recovery_attempt::Column::Id.count())
            .order_by_asc(recovery_attempt::Column::Message)
            .limit(TOP)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(Overview {
            episodes: self.episode_counts().await?,
            in_flight: count(in_flight),
            in_flight_ids: in_flight_ids.into_iter().map(AttemptId).collect(),
            newest: newest.map(AttemptId),
            ended,
            resolution_ms,
            failing_tools,
            escalations: escalations
                .into_iter()
                .map(|(message, n)| (message.unwrap_or_default(), count(n)))
                .collect(),
        })
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
