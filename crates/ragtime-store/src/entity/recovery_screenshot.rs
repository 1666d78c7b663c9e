//! `recovery_screenshots`: PNG bytes of a step, stored once, size-capped.

use sea_orm::entity::prelude::*;

/// One `recovery_screenshots` row: a step's screenshot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_screenshots")]
pub struct Model {
    /// The row id, assigned by the database.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `recovery_attempts` row the screenshot belongs to.
    pub attempt_id: i64,
    /// The step (tool call) of that attempt that took it.
    pub step_number: i32,
    /// The image's media type, `image/png`.
    pub mime_type: String,
    /// The image bytes.
    #[sea_orm(column_type = "Blob")]
    pub data: Vec<u8>,
    /// Length of `data` in bytes.
    pub size_bytes: i64,
    /// When the row was written.
    pub created_at: ChronoDateTimeUtc,
}

/// No relations: the tables join on their id columns in queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
