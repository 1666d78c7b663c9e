//! The ragtime schema as sea-orm-migration migrations, one file per migration.
//!
//! `ragtime migrate` and every start-up run [`Migrator::up`]; tests run the same
//! migrations against SQLite and PostgreSQL instead of building a schema from entities.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_create_episodes;
mod m20261125_000002_create_pipeline_events;
mod m20261125_000003_create_recovery_attempts;
mod m20261125_000004_create_recovery_steps;
mod m20261125_000005_create_recovery_screenshots;
mod m20261125_000006_add_episode_claims;
mod m20261125_000007_add_attempt_cancel_requests;
mod m20261126_000008_add_step_token_usage;
mod m20261203_000009_add_episode_title_folded;
mod m20261204_000010_add_attempt_trace_id;
mod m20261205_000011_index_recent_activity;

pub use m20261203_000009_add_episode_title_folded::fold_title;

/// Every migration of the ragtime schema, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_create_episodes::Migration),
            Box::new(m20261125_000002_create_pipeline_events::Migration),
            Box::new(m20261125_000003_create_recovery_attempts::Migration),
            Box::new(m20261125_000004_create_recovery_steps::Migration),
            Box::new(m20261125_000005_create_recovery_screenshots::Migration),
            Box::new(m20261125_000006_add_episode_claims::Migration),
            Box::new(m20261125_000007_add_attempt_cancel_requests::Migration),
            Box::new(m20261126_000008_add_step_token_usage::Migration),
            Box::new(m20261203_000009_add_episode_title_folded::Migration),
            Box::new(m20261204_000010_add_attempt_trace_id::Migration),
            Box::new(m20261205_000011_index_recent_activity::Migration),
        ]
    }
}
