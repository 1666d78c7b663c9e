//! `recovery_attempts`: one supervised attempt and its compact `progress` list.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub episode_id: Option<i64>,
    pub pipeline_event_id: Option<i64>,
    pub strategy: String,
    pub status: String,
    pub success: Option<bool>,
    #[sea_orm(column_type = "Text", nullable)]
    pub message: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub progress: Json,
    pub worker_id: Option<String>,
    pub started_at: ChronoDateTimeUtc,
    pub finished_at: Option<ChronoDateTimeUtc>,
    pub heartbeat_at: ChronoDateTimeUtc,
    /// Set by an admin that asked for a cancel the daemon running the attempt acts on.
    pub cancel_requested_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
