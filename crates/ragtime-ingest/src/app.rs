//! `App`: the store and the runtime, wired from one [`AppConfig`].
//!
//! This is where configured sink names become running sinks, and where an attempt
//! gets its row before its supervisor starts, so every attempt the runtime knows is
//! already visible in the database.

use std::sync::Arc;
use std::time::Duration;

use ragtime_agent::HeuristicPlanner;
use ragtime_browser::{BrowserError, BrowserPool, BrowserTools, registry};
use ragtime_core::{
    AttemptContext, AttemptHandle, AttemptSpec, LiveFeed, Planner, Runtime, RuntimeError,
    ToolRegistry, TraceId,
};
use ragtime_core::{EpisodeId, LiveSinkConfig};
use ragtime_egress::{EgressClient, EgressGate, EgressPolicy};
use ragtime_llm::{Cassette, Handoff, LlmPlanner, ModelClient, ModelTool, ModelTranslate};
use ragtime_store::{NewAttempt, Store, StoreError};
use thiserror::Error;
use tokio::task::JoinHandle;

use crate::settings::{AppConfig, PlannerKind};
use crate::sinks::{SinkContext, SinkKind};

/// The model server's client: its own gate listener, whose policy also opens the
/// configured `base_url` (the operator named it), and the API key from the
/// environment. Fails, in one line, when the key is missing.
async fn model_client(config: &AppConfig) -> Result<(EgressClient, Option<String>), AppError> {
    let key = config.llm.api_key().map_err(AppError::Llm)?;
    let base = url::Url::parse(&config.llm.base_url)
        .map_err(|e| AppError::Llm(format!("llm.base_url: {e}")))?;
    let mut allow = config.browser.allow_hosts.clone();
    if let (Some(host), Some(port)) = (base.host_str(), base.port_or_known_default()) {
        allow.push(if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        });
    }
    let policy = EgressPolicy::new(&allow).map_err(|e| AppError::Llm(e.to_string()))?;
    let client = EgressClient::new(&EgressGate::new(Arc::new(policy)))
        .await
        .map_err(|e| AppError::Gate(e.to_string()))?;
    Ok((client, key))
}

/// What building the app or starting an attempt can fail with.
#[derive(Debug, Error)]
pub enum AppError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The attempt runtime (supervisor, sinks) failed.
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    /// The browser could not be launched or a context opened.
    #[error(transparent)]
    Launch(#[from] BrowserError),
    /// The egress gate could not be set up; the text says why.
    #[error("cannot set up the egress gate for page fetches and downloads: {0}")]
    Gate(String),
    /// The model client could not be set up (key, egress policy, cassette); the text says
    /// why.
    #[error("{0}")]
    Llm(String),
    /// An agent evaluation run could not go on; the text says why.
    #[error("eval: {0}")]
    Eval(String),
    /// The configuration is inconsistent; the text says which setting.
    #[error("invalid config: {0}")]
    Config(String),
}

/// An episode page URL as `submit` and the admin take it: trimmed, http(s), with a
/// host; otherwise why not.
pub fn checked_episode_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err("not an http(s) URL with a host".to_string());
    }
    Ok(url)
}

/// What to recover, for [`App::start_attempt`].
#[derive(Debug, Clone, Default)]
pub struct AttemptRequest {
    /// The episode page to recover.
    pub episode_url: String,
    /// The episode row, when it exists already (otherwise one is made from the URL).
    pub episode_id: Option<EpisodeId>,
    /// The failed pipeline step this attempt recovers.
    pub pipeline_event_id: Option<i64>,
    /// The page's language (such as `de`), when known; the planner reads labels by it.
    pub language: Option<String>,
    /// The recovery strategy, recorded on the attempt row (the pipeline uses `agent`).
    pub strategy: String,
    /// Why the pipeline step failed, in words, for the planner.
    pub failure: Option<String>,
    /// The daemon that runs the attempt, recorded on the row.
    pub worker_id: Option<String>,
}

/// The wired daemon: settings, store, attempt runtime, browser pool and the live feed
/// of progress events, shared by the workers and the admin web.
pub struct App {
    /// The settings it was built from.
    pub config: AppConfig,
    /// The database.
    pub store: Store,
    /// The attempt runtime that supervises every recovery attempt.
    pub runtime: Runtime,
    /// Every progress event of this daemon's attempts (from the `live` sink) and, on
    /// PostgreSQL, of other daemons' (through NOTIFY).
    pub live: LiveFeed,
    /// This process's name: its claims on episodes carry it, and its notifications,
    /// so it skips its own.
    pub origin: String,
    relay: Option<JoinHandle<()>>,
    /// The shared browser (started on the first agent attempt), and the client of the
    /// pipeline's page fetches and downloads, behind a gate listener of its own.
    browser: Arc<BrowserPool>,
    fetcher: EgressClient,
    /// The model server's client and API key, when the `llm` planner drives.
    model: Option<(EgressClient, Option<String>)>,
}

impl App {
    /// Opens (and migrates) the database, marks attempts left `attempted` by a dead
    /// daemon as `interrupted`, and starts the runtime with the configured sinks.
    pub async fn open(config: impl Into<AppConfig>) -> Result<App, AppError> {
        let mut config = config.into();
        config.check().map_err(AppError::Config)?;
        if config.agent.planner == PlannerKind::Llm {
            // A missing key is the operator's one-line error before anything starts.
            config.llm.api_key().map_err(AppError::Llm)?;
            LlmPlanner::fit_runtime(&config.llm, &mut config.runtime);
        }
        let store = Store::open(&config.database).await?;
        // A heartbeat older than a few intervals means no live runtime owns the attempt.
        let stale_after = config.runtime.heartbeat_interval.saturating_mul(3);
        let interrupted = store.interrupt_stale(stale_after).await?;
        if !interrupted.is_empty() {
            tracing::warn!(attempts = ?interrupted, "marked attempts with a stale heartbeat as interrupted");
        }
        let origin = process_name();
        let live = LiveFeed::new(
            config
                .progress
                .options_of::<LiveSinkConfig>("live")
                .capacity,
        );
        // Daemons that notify also listen. Listening starts before any attempt can,
        // so no notification is missed.
        let relay = if config.progress.runs("notify") {
            store.relay_notifications(&origin, live.clone()).await?
        } else {
            None
        };
        let runtime = start_runtime(&config, &store, &live, &origin).await?;
        let browser = BrowserPool::new(config.browser.clone())?;
        let fetcher = EgressClient::new(browser.gate())
            .await
            .map_err(|e| AppError::Gate(e.to_string()))?;
        let model = match config.agent.planner {
            PlannerKind::Heuristic => None,
            PlannerKind::Llm => Some(model_client(&config).await?),
        };
        Ok(App {
            config,
            store,
            runtime,
            live,
            origin,
            relay,
            browser,
            fetcher,
            model,
        })
    }

    /// Writes the attempt row (status `attempted`), then starts its supervisor.
    pub async fn start_attempt(
        &self,
        request: AttemptRequest,
        planner: Arc<dyn Planner>,
        tools: Arc<ToolRegistry>,
    ) -> Result<AttemptHandle, AppError> {
        let episode_id = match request.episode_id {
            Some(id) => id,
            None => self.store.upsert_episode(&request.episode_url).await?,
        };
        let trace_id = TraceId::random();
        let attempt_id = self
            .store
            .create_attempt(NewAttempt {
                episode_id: Some(episode_id),
                pipeline_event_id: request.pipeline_event_id,
                strategy: request.strategy.clone(),
                worker_id: request.worker_id.clone(),
                trace_id,
            })
            .await?;
        let context = AttemptContext {
            attempt_id,
            episode_id: Some(episode_id),
            url: Some(request.episode_url),
            failure: request.failure,
            language: request.language,
            ..Default::default()
        };
        let spec = AttemptSpec {
            attempt_id,
            trace_id,
            strategy: request.strategy,
            context: Arc::new(context),
            planner,
            tools,
        };
        Ok(self.runtime.spawn_attempt(spec).await?)
    }

    /// Starts an attempt of the heuristic agent on the browser: a fresh incognito
    /// context, the browser tools over it, and [`HeuristicPlanner`]. The context is
    /// closed when the attempt ends, however it ends.
    pub async fn start_agent_attempt(
        &self,
        request: AttemptRequest,
    ) -> Result<AttemptHandle, AppError> {
        let context = self.browser.open_context().await?;
        let tools = registry(Arc::new(BrowserTools {
            browser: Arc::new(context),
        }));
        let (planner, tools): (Arc<dyn Planner>, ToolRegistry) = match &self.model {
            None => (
                Arc::new(HeuristicPlanner),
                tools.with(ragtime_agent::TranslateText),
            ),
            Some((http, key)) => {
                let settings = Arc::new(self.config.llm.clone());
                let cassette = match &settings.cassette {
                    Some(path) => Some(Arc::new(
                        Cassette::open(path, settings.cassette_mode).map_err(AppError::Llm)?,
                    )),
                    None => None,
                };
                let client = Arc::new(
                    ModelClient::new(http.clone(), Arc::clone(&settings), key.clone(), cassette)
                        .map_err(AppError::Llm)?,
                );
                let handoff = Arc::new(Handoff::default());
                let tools = tools
                    .with(ModelTool {
                        client: Arc::clone(&client),
                        handoff: Arc::clone(&handoff),
                    })
                    .with(ModelTranslate { client });
                (Arc::new(LlmPlanner::new(settings, handoff)), tools)
            }
        };
        self.start_attempt(request, planner, Arc::new(tools)).await
    }

    /// The Chromium pool the agent attempts open their contexts in.
    pub fn browser(&self) -> &Arc<BrowserPool> {
        &self.browser
    }

    /// The HTTP client of the pipeline's page fetches and downloads, through the gate.
    pub fn fetcher(&self) -> &EgressClient {
        &self.fetcher
    }

    /// Cancels what runs, flushes the sinks for up to `timeout`, closes the browser
    /// and the database.
    pub async fn close(&self, timeout: Duration) -> Result<(), AppError> {
        let flushed = self.runtime.shutdown(timeout).await;
        if let Some(relay) = &self.relay {
            relay.abort();
        }
        self.browser.shutdown().await;
        // Clones share the pool: closing one closes it for all.
        self.store.clone().close().await?;
        Ok(flushed?)
    }
}

/// This process's name in claims and notifications: host, process id and a random
/// part, so two daemons on one host differ.
fn process_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_default();
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{}-{}-{nonce:08x}",
        if host.is_empty() { "ragtime" } else { &host },
        std::process::id()
    )
}

/// Starts a runtime whose sinks are the ones `config.progress.sinks` names, each built
/// by its registry entry; `live` is where the `live` sink publishes, `origin` how the
/// `notify` sink signs.
pub async fn start_runtime(
    config: &AppConfig,
    store: &Store,
    live: &LiveFeed,
    origin: &str,
) -> Result<Runtime, AppError> {
    let context = SinkContext {
        store,
        live,
        origin,
    };
    let progress = &config.progress;
    let sinks = progress
        .sinks
        .iter()
        .map(|name| SinkKind::named(name)?.start(progress.table(name), &context))
        .collect::<Result<Vec<_>, String>>()
        .map_err(AppError::Config)?;
    Ok(Runtime::start(config.runtime.clone(), sinks, Arc::new(store.clone())).await?)
}
