//! Claims on `episodes`: which daemon works on an episode, until when, and how often
//! it was taken up. An expired lease makes the episode claimable again, which is how
//! a killed daemon's work is picked up.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000001_create_episodes::Episodes;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Claims {
    ClaimedBy,
    LeaseUntil,
    Tries,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            string_null(Claims::ClaimedBy),
            timestamp_with_time_zone_null(Claims::LeaseUntil),
            integer(Claims::Tries).default(0).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Episodes::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Claims::ClaimedBy, Claims::LeaseUntil, Claims::Tries] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Episodes::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
