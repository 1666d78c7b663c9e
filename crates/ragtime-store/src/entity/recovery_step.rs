//! `recovery_steps`: one row per tool call, unique on (`attempt_id`, `step_number`).

use sea_orm::entity::prelude::*;

/// One `recovery_steps` row, written by the `step_table` sink.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_steps")]
pub struct Model {
    /// The row id, assigned by the database.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `recovery_attempts` row the step belongs to.
    pub attempt_id: i64,
    /// The step's number within its attempt, from 1.
    pub step_number: i32,
    /// The tool the planner called, such as `navigate_to_url` or `click_element`.
    pub tool_name: String,
    /// The tool call's arguments, as JSON.
    #[sea_orm(column_type = "JsonBinary")]
    pub tool_input: Json,
    /// What the tool returned or the error it gave (redacted and truncated by the
    /// tool runner); `NULL` while it runs.
    #[sea_orm(column_type = "Text", nullable)]
    pub tool_output: Option<String>,
    /// The planner's note on the step, when it gave one.
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// When the call started.
    pub started_at: ChronoDateTimeUtc,
    /// When it ended; `NULL` while it runs.
    pub finished_at: Option<ChronoDateTimeUtc>,
    /// How long the call took, in milliseconds; `NULL` while it runs.
    pub duration_ms: Option<i64>,
    /// A [`StepOutcome`](ragtime_core::StepOutcome) name: `running`, then `success`,
    /// `error`, `timeout`, `crashed`, `cancelled`, `blocked` or `interrupted`.
    pub outcome: String,
    /// Model tokens read by the step, if it used a model.
    pub input_tokens: Option<i64>,
    /// Model tokens written by the step, if it used a model.
    pub output_tokens: Option<i64>,
}

/// No relations: the tables join on their id columns in queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
