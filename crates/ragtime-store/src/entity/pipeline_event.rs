//! `pipeline_events`: a failed pipeline step, the reason a recovery runs.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pipeline_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub episode_id: i64,
    pub step: String,
    pub error_type: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    pub http_status: Option<i32>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
