//! `recovery_attempts.cancel_requested_at`: a cancel asked for through the database,
//! so an admin served by one daemon can cancel an attempt another daemon runs. The
//! daemon running it watches for the mark.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000003_create_recovery_attempts::RecoveryAttempts;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CancelRequests {
    CancelRequestedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RecoveryAttempts::Table)
                    .add_column(timestamp_with_time_zone_null(
                        CancelRequests::CancelRequestedAt,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RecoveryAttempts::Table)
                    .drop_column(CancelRequests::CancelRequestedAt)
                    .to_owned(),
            )
            .await
    }
}
