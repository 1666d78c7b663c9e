//! `recovery_screenshots`: PNG bytes of a step, stored once and size-capped;
//! progress events and sinks carry only the row id.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000003_create_recovery_attempts::RecoveryAttempts;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RecoveryScreenshots::Table)
                    .if_not_exists()
                    .col(big_pk_auto(RecoveryScreenshots::Id))
                    .col(big_integer(RecoveryScreenshots::AttemptId))
                    .col(integer(RecoveryScreenshots::StepNumber))
                    .col(string(RecoveryScreenshots::MimeType))
                    .col(blob(RecoveryScreenshots::Data))
                    .col(big_integer(RecoveryScreenshots::SizeBytes))
                    .col(timestamp_with_time_zone(RecoveryScreenshots::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryScreenshots::Table, RecoveryScreenshots::AttemptId)
                            .to(RecoveryAttempts::Table, RecoveryAttempts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_screenshots_attempt")
                    .table(RecoveryScreenshots::Table)
                    .col(RecoveryScreenshots::AttemptId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RecoveryScreenshots::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum RecoveryScreenshots {
    Table,
    Id,
    AttemptId,
    StepNumber,
    MimeType,
    Data,
    SizeBytes,
    CreatedAt,
}
