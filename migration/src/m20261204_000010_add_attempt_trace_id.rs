//! `recovery_attempts.trace_id`: the attempt's W3C trace id (32 hex digits), chosen
//! when the row is written and carried by each of its progress events, so the `otel`
//! sink's trace and the admin's link to it name the same trace. `NULL` on attempts
//! from before trace ids existed.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000003_create_recovery_attempts::RecoveryAttempts;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TraceIds {
    TraceId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RecoveryAttempts::Table)
                    .add_column(string_len_null(TraceIds::TraceId, 32))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RecoveryAttempts::Table)
                    .drop_column(TraceIds::TraceId)
                    .to_owned(),
            )
            .await
    }
}
