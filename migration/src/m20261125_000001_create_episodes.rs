//! `episodes`: one podcast episode page and where its ingest stands.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Episodes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Episodes::Id))
                    .col(string(Episodes::Url).unique_key())
                    .col(string_null(Episodes::Title))
                    .col(string_null(Episodes::Language))
                    .col(string_null(Episodes::AudioUrl))
                    .col(string_null(Episodes::AudioFile))
                    .col(string(Episodes::Status).default("queued"))
                    .col(text_null(Episodes::Error))
                    .col(timestamp_with_time_zone(Episodes::CreatedAt))
                    .col(timestamp_with_time_zone(Episodes::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_episodes_status")
                    .table(Episodes::Table)
                    .col(Episodes::Status)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Episodes::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Episodes {
    Table,
    Id,
    Url,
    Title,
    Language,
    AudioUrl,
    AudioFile,
    Status,
    Error,
    CreatedAt,
    UpdatedAt,
}
