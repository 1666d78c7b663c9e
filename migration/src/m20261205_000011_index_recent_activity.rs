//! Indexes for the admin's overview, which reads only recent activity: attempts by
//! `started_at` and steps by `started_at`, so its queries cost the window (the last
//! 24 hours), not the whole history.

use sea_orm_migration::prelude::*;

use crate::m20261125_000003_create_recovery_attempts::RecoveryAttempts;
use crate::m20261125_000004_create_recovery_steps::RecoverySteps;

#[derive(DeriveMigrationName)]
pub struct Migration;

const ATTEMPTS: &str = "idx_recovery_attempts_started_at";
const STEPS: &str = "idx_recovery_steps_started_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(ATTEMPTS)
                    .table(RecoveryAttempts::Table)
                    .col(RecoveryAttempts::StartedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(STEPS)
                    .table(RecoverySteps::Table)
                    .col(RecoverySteps::StartedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(STEPS)
                    .table(RecoverySteps::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(ATTEMPTS)
                    .table(RecoveryAttempts::Table)
                    .to_owned(),
            )
            .await
    }
}
