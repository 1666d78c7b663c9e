//! `pipeline_events`: a failed pipeline step, the reason a recovery runs.

use sea_orm::entity::prelude::*;

/// One `pipeline_events` row, written by [`Store::record_failure`](crate::Store::record_failure).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pipeline_events")]
pub struct Model {
    /// The row id, assigned by the database.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `episodes` row whose step failed.
    pub episode_id: i64,
    /// The pipeline step that failed (`fetch_details` or `download`).
    pub step: String,
    /// How it failed: `http`, `timeout`, `network`, `validation` or `not_found`.
    pub error_type: String,
    /// The error as the step reported it.
    #[sea_orm(column_type = "Text")]
    pub message: String,
    /// The HTTP status code, when the failure was an HTTP response.
    pub http_status: Option<i32>,
    /// When the failure was recorded.
    pub created_at: ChronoDateTimeUtc,
}

/// No relations: the tables join on their id columns in queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
