//! `episodes`: a podcast episode page and where its ingest stands.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "episodes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub url: String,
    pub title: Option<String>,
    /// The title folded for search (`migration::fold_title`), written with it.
    pub title_folded: Option<String>,
    pub language: Option<String>,
    pub audio_url: Option<String>,
    pub audio_file: Option<String>,
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    /// The daemon working on the episode, while its lease lasts.
    pub claimed_by: Option<String>,
    pub lease_until: Option<ChronoDateTimeUtc>,
    /// How many times a daemon took the episode up.
    pub tries: i32,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
