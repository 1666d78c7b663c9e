//! The `[database]` section of the config.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Where the database is and how many connections to keep to it; every field has a
/// default (a `ragtime.db` SQLite file in the working directory).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://PATH` (created if missing, WAL mode) or `postgres://USER@HOST/DB`.
    pub url: String,
    /// Connections in the main pool (ledger, queries, admin pages).
    pub max_connections: u32,
    /// Connections reserved for the database sinks' progress writes.
    pub progress_connections: u32,
    /// How long to wait for a connection before calling the database unreachable.
    #[serde(with = "humantime_serde")]
    pub connect_timeout: Duration,
    /// How long a SQLite write waits for another writer's lock before failing (and
    /// being retried by the sink that made it).
    #[serde(with = "humantime_serde")]
    pub sqlite_busy_timeout: Duration,
    /// Logs every SQL statement (tracing target `sqlx::query`, level info), to see
    /// what the program asks of the database; off by default.
    pub log_statements: bool,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings {
            url: "sqlite://ragtime.db".to_string(),
            max_connections: 8,
            progress_connections: 2,
            connect_timeout: Duration::from_secs(5),
            sqlite_busy_timeout: Duration::from_secs(5),
            log_statements: false,
        }
    }
}
