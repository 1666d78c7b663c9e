//! Test databases and polling helpers shared by the end-to-end runtime tests.
//!
//! SQLite tests get a fresh file in a temporary directory; PostgreSQL tests get a
//! fresh database on the server `RAGTIME_TEST_POSTGRES_URL` points to, dropped again
//! by [`TestDb::cleanup`]. Both run the real migrations through `Store::open`.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use ragtime::Config;
use ragtime_store::{DatabaseSettings, Store};
use sea_orm::{ConnectionTrait, Database};
use tempfile::TempDir;

pub const POSTGRES_ENV: &str = "RAGTIME_TEST_POSTGRES_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestDb {
    pub backend: Backend,
    pub settings: DatabaseSettings,
    pub store: Store,
    _dir: Option<TempDir>,
    postgres: Option<(String, String)>,
}

static NEXT_DB: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => TestDb::sqlite(Duration::from_secs(5)).await,
            Backend::Postgres => TestDb::postgres().await,
        }
    }

    pub async fn sqlite(busy_timeout: Duration) -> TestDb {
        let dir = tempfile::tempdir().expect("temporary directory");
        let settings = DatabaseSettings {
            url: format!("sqlite://{}", dir.path().join("ragtime.db").display()),
            sqlite_busy_timeout: busy_timeout,
            ..DatabaseSettings::default()
        };
        let store = Store::open(&settings).await.expect("open sqlite");
        TestDb {
            backend: Backend::Sqlite,
            settings,
            store,
            _dir: Some(dir),
            postgres: None,
        }
    }

    pub async fn postgres() -> TestDb {
        let admin_url = std::env::var(POSTGRES_ENV).unwrap_or_else(|_| {
            panic!(
                "{POSTGRES_ENV} is not set; point it to a PostgreSQL server you may create databases on, \
                 e.g. postgres://postgres@127.0.0.1:5432/test (bash .ci/run sets it)"
            )
        });
        let name = format!(
            "ragtime_t{}_{}",
            std::process::id(),
            NEXT_DB.fetch_add(1, Ordering::Relaxed)
        );
        let admin = Database::connect(admin_url.as_str())
            .await
            .expect("connect to the PostgreSQL admin url");
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
            .await
            .expect("drop old test db");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(base, _)| base);
        let settings = DatabaseSettings {
            url: format!("{base}/{name}"),
            ..DatabaseSettings::default()
        };
        let store = Store::open(&settings)
            .await
            .expect("open postgres test database");
        TestDb {
            backend: Backend::Postgres,
            settings,
            store,
            _dir: None,
            postgres: Some((admin_url, name)),
        }
    }

    /// A config for the agent on the fixture site: this database, the loopback site
    /// allowed, audio saved under `media`. The page that never answers costs one tool
    /// deadline; the 1 MB page must load well within it on a busy 2-core machine.
    pub fn browser_config(&self, media: &std::path::Path) -> Config {
        let mut config = self.config(ragtime_core::RuntimeSettings {
            tool_deadline: std::time::Duration::from_secs(10),
            attempt_deadline: std::time::Duration::from_secs(90),
            ..Default::default()
        });
        config.browser.allow_hosts = vec!["127.0.0.1".to_string()];
        config.browser.media_dir = media.to_path_buf();
        // A page counts as settled after a second without change, not 200 ms: on a
        // loaded one-core machine a play button's stream may start later than 200 ms
        // after the click, and the pinned timelines must not depend on the machine.
        config.browser.settle_quiet = std::time::Duration::from_secs(1);
        config
    }

    /// A config that uses this database and the given runtime settings.
    pub fn config(&self, runtime: ragtime_core::RuntimeSettings) -> Config {
        Config {
            database: self.settings.clone(),
            runtime,
            ..Config::default()
        }
    }

    /// Drops a PostgreSQL test database; a SQLite file goes with its directory.
    pub async fn cleanup(self) {
        let TestDb {
            store, postgres, ..
        } = self;
        store.close().await.ok();
        if let Some((admin_url, name)) = postgres
            && let Ok(admin) = Database::connect(admin_url.as_str()).await
        {
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .ok();
            admin.close().await.ok();
        }
    }

    pub async fn admin(&self) -> Option<sea_orm::DatabaseConnection> {
        match &self.postgres {
            Some((url, _)) => Some(
                Database::connect(url.as_str())
                    .await
                    .expect("admin connection"),
            ),
            None => None,
        }
    }

    pub fn postgres_name(&self) -> Option<&str> {
        self.postgres.as_ref().map(|(_, name)| name.as_str())
    }
}

/// Polls `check` every 20 ms until it returns `Some`, failing the test after `limit`.
pub async fn eventually<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until `attempt` has at least `rows` rows in `recovery_steps`.
pub async fn wait_for_steps(store: &Store, attempt: ragtime_core::AttemptId, rows: usize) {
    let what = format!("{rows} step row(s) of attempt {attempt}");
    eventually(Duration::from_secs(10), &what, || {
        let store = store.clone();
        async move {
            store
                .rows()
                .steps(attempt)
                .await
                .ok()
                .filter(|s| s.len() >= rows)
                .map(|_| ())
        }
    })
    .await
}

/// Declares one `#[tokio::test]` per backend for an `async fn(Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Backend::Postgres).await
                }
            )*
        }
    };
}

/// Starts an attempt on `app` for the episode page `http://127.0.0.1{path}` that
/// follows `script` with `tools`.
pub async fn start_scripted_with(
    app: &ragtime::App,
    path: &str,
    script: Vec<ragtime_core::Decision>,
    tools: ragtime_core::ToolRegistry,
) -> ragtime_core::AttemptHandle {
    let request = ragtime::app::AttemptRequest {
        episode_url: format!("http://127.0.0.1{path}"),
        strategy: "agent".into(),
        ..Default::default()
    };
    app.start_attempt(
        request,
        std::sync::Arc::new(ragtime_testkit::ScriptedPlanner::new(script)),
        std::sync::Arc::new(tools),
    )
    .await
    .expect("start")
}

/// The counters of the sink `name` of `app`'s runtime.
pub fn sink_stats(app: &ragtime::App, name: &str) -> ragtime_core::SinkStats {
    app.runtime
        .sink_stats()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sink {name}"))
}
