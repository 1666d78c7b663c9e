//! `recovery_screenshots`: PNG bytes of a step, stored once, size-capped.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_screenshots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub attempt_id: i64,
    pub step_number: i32,
    pub mime_type: String,
    #[sea_orm(column_type = "Blob")]
    pub data: Vec<u8>,
    pub size_bytes: i64,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
