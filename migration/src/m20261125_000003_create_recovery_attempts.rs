//! `recovery_attempts`: one supervised recovery attempt, with the compact
//! `progress` JSON list that the `json_column` sink keeps current.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000001_create_episodes::Episodes;
use crate::m20261125_000002_create_pipeline_events::PipelineEvents;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RecoveryAttempts::Table)
                    .if_not_exists()
                    .col(big_pk_auto(RecoveryAttempts::Id))
                    .col(big_integer_null(RecoveryAttempts::EpisodeId))
                    .col(big_integer_null(RecoveryAttempts::PipelineEventId))
                    .col(string(RecoveryAttempts::Strategy))
                    .col(string(RecoveryAttempts::Status).default("attempted"))
                    .col(boolean_null(RecoveryAttempts::Success))
                    .col(text_null(RecoveryAttempts::Message))
                    // jsonb on PostgreSQL (the json_column sink uses jsonb operators),
                    // JSON text on SQLite (it uses the JSON1 functions).
                    .col(json_binary(RecoveryAttempts::Progress).default(Expr::cust("'[]'")))
                    .col(string_null(RecoveryAttempts::WorkerId))
                    .col(timestamp_with_time_zone(RecoveryAttempts::StartedAt))
                    .col(timestamp_with_time_zone_null(RecoveryAttempts::FinishedAt))
                    .col(timestamp_with_time_zone(RecoveryAttempts::HeartbeatAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryAttempts::Table, RecoveryAttempts::EpisodeId)
                            .to(Episodes::Table, Episodes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryAttempts::Table, RecoveryAttempts::PipelineEventId)
                            .to(PipelineEvents::Table, PipelineEvents::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_attempts_status_heartbeat")
                    .table(RecoveryAttempts::Table)
                    .col(RecoveryAttempts::Status)
                    .col(RecoveryAttempts::HeartbeatAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_attempts_episode")
                    .table(RecoveryAttempts::Table)
                    .col(RecoveryAttempts::EpisodeId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RecoveryAttempts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum RecoveryAttempts {
    Table,
    Id,
    EpisodeId,
    PipelineEventId,
    Strategy,
    Status,
    Success,
    Message,
    Progress,
    WorkerId,
    StartedAt,
    FinishedAt,
    HeartbeatAt,
}
