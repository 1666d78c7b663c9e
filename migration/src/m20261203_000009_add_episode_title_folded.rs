//! `episodes.title_folded`: the title in lower case by Unicode's rules, for search.
//!
//! SQLite's `lower()` folds only ASCII, so "Über" could never match "über" there;
//! folding once in the program, when the title is written, makes search the same on
//! both databases. Existing titles are folded here.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::m20261125_000001_create_episodes::Episodes;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Folded {
    TitleFolded,
}

/// How a title is folded for search; the store writes the column with this too.
pub fn fold_title(title: &str) -> String {
    title.to_lowercase()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Episodes::Table)
                    .add_column(string_null(Folded::TitleFolded))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let titled = Query::select()
            .columns([Episodes::Id, Episodes::Title])
            .from(Episodes::Table)
            .and_where(Expr::col(Episodes::Title).is_not_null())
            .to_owned();
        for row in db.query_all(&titled).await? {
            let id: i64 = row.try_get("", "id")?;
            let title: String = row.try_get("", "title")?;
            let update = Query::update()
                .table(Episodes::Table)
                .value(Folded::TitleFolded, fold_title(&title))
                .and_where(Expr::col(Episodes::Id).eq(id))
                .to_owned();
            let (sql, values) = match backend {
                sea_orm_migration::sea_orm::DatabaseBackend::Postgres => {
                    update.build(PostgresQueryBuilder)
                }
                _ => update.build(SqliteQueryBuilder),
            };
            db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Episodes::Table)
                    .drop_column(Folded::TitleFolded)
                    .to_owned(),
            )
            .await
    }
}
