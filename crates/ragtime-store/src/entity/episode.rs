//! `episodes`: a podcast episode page and where its ingest stands.

use sea_orm::entity::prelude::*;

/// One `episodes` row; the store hands it out as [`crate::Episode`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "episodes")]
pub struct Model {
    /// The row id, assigned by the database.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The episode page's URL, unique: a URL is queued once.
    #[sea_orm(unique)]
    pub url: String,
    /// The title the page gave, once `fetch_details` read it.
    pub title: Option<String>,
    /// The title folded for search (`migration::fold_title`), written with it.
    pub title_folded: Option<String>,
    /// The page's language (a BCP 47 tag such as `en`), once read.
    pub language: Option<String>,
    /// The audio's URL, found on the page or by a recovery.
    pub audio_url: Option<String>,
    /// Path of the downloaded audio file, once `download` finished.
    pub audio_file: Option<String>,
    /// Where the ingest stands: an [`EpisodeStatus`](crate::EpisodeStatus) name such as
    /// `queued` or `downloaded`.
    pub status: String,
    /// Why the ingest failed or waits for a person; `NULL` otherwise.
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
    /// When the episode was submitted.
    pub created_at: ChronoDateTimeUtc,
    /// The daemon working on the episode, while its lease lasts.
    pub claimed_by: Option<String>,
    /// When the claiming daemon's lease runs out; another daemon may take the episode
    /// after that.
    pub lease_until: Option<ChronoDateTimeUtc>,
    /// How many times a daemon took the episode up.
    pub tries: i32,
    /// When the row last changed.
    pub updated_at: ChronoDateTimeUtc,
}

/// No relations: the tables join on their id columns in queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
