//! `recovery_steps.input_tokens` and `output_tokens`: the model tokens a step used
//! (a model request, a translation by the model); empty for steps without a model.
//! An attempt's total is their sum.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000004_create_recovery_steps::RecoverySteps;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TokenUsage {
    InputTokens,
    OutputTokens,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for column in [TokenUsage::InputTokens, TokenUsage::OutputTokens] {
            manager
                .alter_table(
                    Table::alter()
                        .table(RecoverySteps::Table)
                        .add_column(big_integer_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [TokenUsage::InputTokens, TokenUsage::OutputTokens] {
            manager
                .alter_table(
                    Table::alter()
                        .table(RecoverySteps::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
