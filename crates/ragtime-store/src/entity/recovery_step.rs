//! `recovery_steps`: one row per tool call, unique on (attempt_id, step_number).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub attempt_id: i64,
    pub step_number: i32,
    pub tool_name: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub tool_input: Json,
    #[sea_orm(column_type = "Text", nullable)]
    pub tool_output: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub started_at: ChronoDateTimeUtc,
    pub finished_at: Option<ChronoDateTimeUtc>,
    pub duration_ms: Option<i64>,
    pub outcome: String,
    /// Model tokens read by the step, if it used a model.
    pub input_tokens: Option<i64>,
    /// Model tokens written by the step, if it used a model.
    pub output_tokens: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
