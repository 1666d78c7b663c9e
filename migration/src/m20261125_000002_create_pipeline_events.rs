//! `pipeline_events`: one failed pipeline step, the reason a recovery runs.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000001_create_episodes::Episodes;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PipelineEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(PipelineEvents::Id))
                    .col(big_integer(PipelineEvents::EpisodeId))
                    .col(string(PipelineEvents::Step))
                    .col(string(PipelineEvents::ErrorType))
                    .col(text(PipelineEvents::Message))
                    .col(integer_null(PipelineEvents::HttpStatus))
                    .col(timestamp_with_time_zone(PipelineEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PipelineEvents::Table, PipelineEvents::EpisodeId)
                            .to(Episodes::Table, Episodes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_pipeline_events_episode")
                    .table(PipelineEvents::Table)
                    .col(PipelineEvents::EpisodeId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PipelineEvents::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum PipelineEvents {
    Table,
    Id,
    EpisodeId,
    Step,
    ErrorType,
    Message,
    HttpStatus,
    CreatedAt,
}
