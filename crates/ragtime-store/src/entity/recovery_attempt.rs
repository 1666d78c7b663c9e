//! `recovery_attempts`: one supervised attempt and its compact `progress` list.

use sea_orm::entity::prelude::*;

/// One `recovery_attempts` row, written when an attempt is created and updated by its
/// supervisor and the `json_column` sink.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_attempts")]
pub struct Model {
    /// The row id, assigned by the database; shown as the attempt's number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `episodes` row the attempt recovers; `NULL` for an attempt without one.
    pub episode_id: Option<i64>,
    /// The `pipeline_events` row (the failed step) that started the attempt, if any.
    pub pipeline_event_id: Option<i64>,
    /// The recovery strategy that ran, such as `agent`.
    pub strategy: String,
    /// An [`AttemptStatus`](ragtime_core::AttemptStatus) name: `attempted` while in
    /// flight, then `resolved`, `awaiting_human`, `cancelled` or `interrupted`.
    pub status: String,
    /// Whether the attempt recovered the episode; `NULL` until it ends.
    pub success: Option<bool>,
    /// The attempt's closing message (what was found, or why it stopped).
    #[sea_orm(column_type = "Text", nullable)]
    pub message: Option<String>,
    /// The compact step list (a JSON array, one entry per tool call) that the
    /// `json_column` sink keeps current.
    #[sea_orm(column_type = "JsonBinary")]
    pub progress: Json,
    /// The daemon that ran the attempt.
    pub worker_id: Option<String>,
    /// When the attempt was created.
    pub started_at: ChronoDateTimeUtc,
    /// When it ended; `NULL` while it runs.
    pub finished_at: Option<ChronoDateTimeUtc>,
    /// Last sign of life from the running daemon; the reconciler marks an attempt
    /// whose heartbeat is too old `interrupted`.
    pub heartbeat_at: ChronoDateTimeUtc,
    /// Set by an admin that asked for a cancel the daemon running the attempt acts on.
    pub cancel_requested_at: Option<ChronoDateTimeUtc>,
    /// The attempt's W3C trace id, 32 hex digits; `NULL` on attempts from before
    /// trace ids existed.
    pub trace_id: Option<String>,
}

/// No relations: the tables join on their id columns in queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
