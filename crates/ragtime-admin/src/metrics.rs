//! `[metrics] listen`: the daemon's metrics in Prometheus text format on `/metrics`.
//!
//! The runtime, the sinks, the browser pool and the egress gate record through the
//! `metrics` facade as things happen (see `ragtime_core::metrics`); this module
//! installs the process's Prometheus recorder and serves it. Figures that are a state
//! rather than a count (episodes by status, sink queue depth) are read when scraped,
//! so they are never stale and cost nothing between scrapes. The listener is separate
//! from the admin's and has no login: bind it where only the scraper can reach it.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use ragtime_core::metrics::SINK_QUEUE_DEPTH;
use ragtime_ingest::App;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// Episodes in each status, read when scraped.
pub const EPISODES: &str = "ragtime_episodes";

/// Histogram buckets of every `_seconds` metric: from a fast sink write to the
/// longest tool deadline.
const SECONDS_BUCKETS: [f64; 14] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0,
];

/// The `[metrics]` table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MetricsSettings {
    /// Where `/metrics` is served (`127.0.0.1:9464`); empty or absent turns metrics
    /// off. No login guards it.
    pub listen: Option<String>,
}

impl MetricsSettings {
    /// The address to serve on, when metrics are on.
    pub fn listen(&self) -> Option<&str> {
        self.listen.as_deref().filter(|l| !l.trim().is_empty())
    }
}

/// Why metrics could not be served.
#[derive(Debug, thiserror::Error)]
pub enum MetricsError {
    /// Another metrics recorder was installed in this process first.
    #[error("a metrics recorder is already installed in this process")]
    RecorderTaken,
    /// The buckets were refused by the exporter.
    #[error("metrics exporter: {0}")]
    Exporter(String),
    /// The listen address could not be bound.
    #[error("metrics cannot listen on {listen}: {source}")]
    Listen {
        /// The address from `[metrics] listen`.
        listen: String,
        /// Why.
        source: std::io::Error,
    },
}

/// The process's Prometheus recorder, installed on first use.
fn recorder() -> Result<PrometheusHandle, MetricsError> {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    if let Some(handle) = HANDLE.get() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".to_string()), &SECONDS_BUCKETS)
        .map_err(|e| MetricsError::Exporter(e.to_string()))?
        .build_recorder();
    let handle = recorder.handle();
    metrics::set_global_recorder(recorder).map_err(|_| MetricsError::RecorderTaken)?;
    Ok(HANDLE.get_or_init(|| handle).clone())
}

struct MetricsState {
    app: Arc<App>,
    handle: PrometheusHandle,
}

/// A running `/metrics` server; stops when dropped.
pub struct MetricsServer {
    /// The address it listens on (the real port when `listen` asked for port 0).
    pub addr: SocketAddr,
    task: JoinHandle<()>,
}

impl MetricsServer {
    /// Installs the recorder (once per process) and serves `/metrics` on `listen`.
    pub async fn start(listen: &str, app: Arc<App>) -> Result<MetricsServer, MetricsError> {
        let handle = recorder()?;
        let bind_error = |source| MetricsError::Listen {
            listen: listen.to_string(),
            source,
        };
        let listener = TcpListener::bind(listen).await.map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        let router = Router::new()
            .route("/metrics", get(scrape))
            .with_state(Arc::new(MetricsState { app, handle }));
        let task = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, router).await {
                tracing::error!(error = %err, "metrics server stopped");
            }
        });
        Ok(MetricsServer { addr, task })
    }
}

impl Drop for MetricsServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// `GET /metrics`: the states read now, then everything recorded.
async fn scrape(State(state): State<Arc<MetricsState>>) -> Response {
    match state.app.store.episode_counts().await {
        Ok(counts) => {
            for (status, n) in counts {
                #[allow(clippy::cast_precision_loss, reason = "a count far below 2^52")]
                metrics::gauge!(EPISODES, "status" => status.as_str()).set(n as f64);
            }
        }
        Err(err) => {
            // The rest of the figures are still worth having; the episodes' gauges
            // keep their last values and the log says why.
            tracing::warn!(error = %err, "metrics: cannot count episodes");
        }
    }
    for sink in state.app.runtime.sink_stats() {
        #[allow(clippy::cast_precision_loss, reason = "a queue far below 2^52")]
        metrics::gauge!(SINK_QUEUE_DEPTH, "sink" => sink.name).set(sink.pending as f64);
    }
    state.handle.run_upkeep();
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.handle.render(),
    )
        .into_response()
}
