//! ragtime-store: everything that touches the database, through SeaORM.
//!
//! [`Store`] connects (SQLite file in WAL mode by default, or PostgreSQL), runs the
//! `migration` crate, and offers the queries the CLI and daemon need. It implements
//! the runtime's [`AttemptLedger`](ragtime_core::AttemptLedger), and [`sinks`] holds
//! the database-backed sinks. No other crate names a SeaORM type.

pub mod attempts;
pub mod entity;
pub mod episodes;
mod ledger;
pub mod overview;
mod reconcile;
mod relay;
pub mod settings;
pub mod sinks;

use std::sync::Arc;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, DbErr,
};
use thiserror::Error;

pub use attempts::{AttemptFilter, NewAttempt, PipelineEvent, Rows};
/// An `episodes` row as the store returns it.
pub use episodes::{Episode, EpisodeFilter, EpisodeStatus, EpisodeUpdate, StepFailure, Submitted};
pub use overview::Overview;
pub use settings::DatabaseSettings;
pub use sinks::{JsonColumnSink, NotifySink, StepTableSink};

/// What a store operation can fail with.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be reached or opened.
    #[error("cannot open database {url}: {reason}")]
    Connect {
        /// The database URL, with any password replaced.
        url: String,
        /// The first line of the driver's error.
        reason: String,
    },
    /// Bringing the schema up to date failed; the text is the migrator's error.
    #[error("database migration failed: {0}")]
    Migrate(String),
    /// The URL is neither `sqlite:` nor `postgres://` (password replaced).
    #[error("unsupported database url {0:?}: use sqlite://PATH or postgres://...")]
    UnsupportedUrl(String),
    /// A query failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// The row asked for (an episode, an attempt) does not exist; the text says which.
    #[error("{0}")]
    NotFound(String),
    /// A row holds a value this version does not know (a status, an outcome).
    #[error("unreadable row: {0}")]
    Unreadable(String),
}

/// The database and the queries on it. Cheap to clone (a pool handle).
#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    /// The sinks' own small pool: progress writes never queue for a connection behind
    /// ledger writes or page queries, which is what keeps them visible under load.
    progress_db: DatabaseConnection,
    writes: WriteGate,
    /// For connections outside the pools (the notification listener).
    url: Arc<str>,
}

/// SQLite takes one writer at a time, and a writer that finds the lock taken sleeps in
/// SQLite's busy handler for up to tens of milliseconds. Queuing this process's writers
/// on an async mutex instead hands the lock over at once; PostgreSQL needs no gate.
#[derive(Clone, Debug, Default)]
pub(crate) struct WriteGate(Option<Arc<tokio::sync::Mutex<()>>>);

impl WriteGate {
    pub(crate) async fn enter(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.0 {
            Some(gate) => Some(gate.lock().await),
            None => None,
        }
    }
}

impl Store {
    /// Connects (creating a SQLite file if missing) without migrating.
    pub async fn connect(settings: &DatabaseSettings) -> Result<Store, StoreError> {
        let url = settings.url.trim();
        let is_sqlite = url.starts_with("sqlite:");
        if !is_sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
            return Err(StoreError::UnsupportedUrl(redact_url(url)));
        }
        let connect_error = |e: DbErr| StoreError::Connect {
            url: redact_url(url),
            reason: first_line(&e.to_string()),
        };
        let db = Database::connect(pool_options(settings, settings.max_connections))
            .await
            .map_err(connect_error)?;
        // Pools connect lazily; one query makes "unreachable" an error here, not later.
        db.execute_unprepared("SELECT 1")
            .await
            .map_err(connect_error)?;
        let progress_db = Database::connect(pool_options(settings, settings.progress_connections))
            .await
            .map_err(connect_error)?;
        let writes = WriteGate(is_sqlite.then(Arc::default));
        Ok(Store {
            db,
            progress_db,
            writes,
            url: Arc::from(url),
        })
    }

    /// Connects and brings the schema up to date.
    pub async fn open(settings: &DatabaseSettings) -> Result<Store, StoreError> {
        let store = Store::connect(settings).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies the `migration` crate's migrations not yet applied.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.db, None)
            .await
            .map_err(|e| StoreError::Migrate(e.to_string()))
    }

    /// Which database the store is on (SQLite or PostgreSQL).
    pub fn backend(&self) -> DatabaseBackend {
        self.db.get_database_backend()
    }

    /// The raw connection, for tests and benchmarks that need to reach under the store.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The pool the database sinks write through.
    pub(crate) fn progress_connection(&self) -> &DatabaseConnection {
        &self.progress_db
    }

    /// Closes both connection pools.
    pub async fn close(self) -> Result<(), StoreError> {
        self.progress_db.close().await?;
        self.db.close().await.map_err(StoreError::Db)
    }
}

fn pool_options(settings: &DatabaseSettings, connections: u32) -> ConnectOptions {
    let mut options = ConnectOptions::new(settings.url.trim().to_string());
    options
        .max_connections(connections.max(1))
        .min_connections(0)
        .connect_timeout(settings.connect_timeout)
        .acquire_timeout(settings.connect_timeout)
        .sqlx_logging(settings.log_statements);
    let busy = settings.sqlite_busy_timeout;
    options.map_sqlx_sqlite_opts(move |o| {
        o.create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(busy)
            .foreign_keys(true)
    });
    options
}

/// Hides the password of a database URL in messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_string(),
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}
