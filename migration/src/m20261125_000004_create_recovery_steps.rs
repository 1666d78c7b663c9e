//! `recovery_steps`: one row per tool call, the source of truth for timelines.
//! Unique on (attempt, `step_number`) so that a retried sink write never duplicates a row.

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
                    .table(RecoverySteps::Table)
                    .if_not_exists()
                    .col(big_pk_auto(RecoverySteps::Id))
                    .col(big_integer(RecoverySteps::AttemptId))
                    .col(integer(RecoverySteps::StepNumber))
                    .col(string(RecoverySteps::ToolName))
                    .col(json_binary(RecoverySteps::ToolInput))
                    .col(text_null(RecoverySteps::ToolOutput))
                    .col(text_null(RecoverySteps::Note))
                    .col(timestamp_with_time_zone(RecoverySteps::StartedAt))
                    .col(timestamp_with_time_zone_null(RecoverySteps::FinishedAt))
                    .col(big_integer_null(RecoverySteps::DurationMs))
                    .col(string(RecoverySteps::Outcome))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoverySteps::Table, RecoverySteps::AttemptId)
                            .to(RecoveryAttempts::Table, RecoveryAttempts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_recovery_steps_attempt_step")
                    .table(RecoverySteps::Table)
                    .col(RecoverySteps::AttemptId)
                    .col(RecoverySteps::StepNumber)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RecoverySteps::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum RecoverySteps {
    Table,
    Id,
    AttemptId,
    StepNumber,
    ToolName,
    ToolInput,
    ToolOutput,
    Note,
    StartedAt,
    FinishedAt,
    DurationMs,
    Outcome,
}
