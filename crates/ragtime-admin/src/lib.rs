//! ragtime-admin, the admin web: server-rendered pages of episodes and attempts, live timelines over
//! Server-Sent Events, behind a password login.
//!
//! HTML comes from maud, which escapes every interpolated value, so text from a page
//! the agent visited is shown as text. Scripts and styles are served from `/static/`
//! and the Content-Security-Policy allows nothing inline.

mod actions;
mod auth;
mod layout;
mod live;
pub mod metrics;
mod pages;
pub mod settings;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use auth::{Sessions, generate_password, hash_password};
pub use metrics::{MetricsError, MetricsServer, MetricsSettings};
pub use settings::{AdminSettings, LoginLimits};

/// What every handler can reach: the daemon's app (its store, live feed and runtime
/// for the actions) and the logins.
pub struct AdminState {
    /// The daemon's app, shared with its workers.
    pub app: Arc<ragtime_ingest::App>,
    /// The admin password's hash, the live sessions and the login throttle.
    pub sessions: Sessions,
    /// `[admin] trace_url`: the link template to an attempt's trace, if any.
    pub trace_url: Option<String>,
}

/// The state as every handler takes it.
pub type Shared = Arc<AdminState>;

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Every route of the admin (pages, assets, the live event streams and the actions),
/// behind a login except `/login`, `/healthz` and the static assets, over `state`.
pub fn router(state: Shared) -> Router {
    // An upload may be as large as a download, plus the form around it.
    let upload_limit = usize::try_from(state.app.config.browser.max_download_bytes)
        .unwrap_or(usize::MAX)
        .saturating_add(64 * 1024);
    let private = Router::new()
        .route("/", get(pages::overview))
        .route("/episodes", get(pages::episodes))
        .route("/episodes/{id}", get(pages::episode))
        .route("/attempts", get(pages::attempts))
        .route("/attempts/{id}", get(pages::attempt))
        .route("/attempts/events", get(live::list_events))
        .route("/attempts/{id}/events", get(live::attempt_events))
        .route("/screenshots/{id}", get(pages::screenshot))
        .route("/attempts/{id}/cancel", post(actions::cancel))
        .route("/attempts/{id}/retry", post(actions::retry))
        .route("/episodes/add", post(actions::add_episodes))
        .route("/episodes/{id}/use-url", post(actions::use_url))
        .route("/episodes/{id}/give-up", post(actions::give_up))
        .route(
            "/episodes/{id}/upload",
            post(actions::upload).layer(axum::extract::DefaultBodyLimit::max(upload_limit)),
        )
        .route("/episodes/{id}/retry", post(actions::retry_episode))
        .route("/logout", post(auth::logout))
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            auth::require_session,
        ));
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/login", get(auth::login_page).post(auth::login))
        .route(
            "/static/app.css",
            get(|| async { static_file("text/css", include_str!("static/app.css")) }),
        )
        .route(
            "/static/app.js",
            get(|| async { static_file("text/javascript", include_str!("static/app.js")) }),
        )
        .merge(private)
        .layer(middleware::map_response(
            |mut response: axum::response::Response| async move {
                let headers = response.headers_mut();
                headers.insert(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(CSP),
                );
                headers.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                headers.insert(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                );
                response
            },
        ))
        .with_state(state)
}

fn static_file(kind: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "max-age=300"),
        ],
        body,
    )
}

/// A running admin server.
pub struct AdminServer {
    /// The address it listens on (the real port when `listen` asked for port 0).
    pub addr: SocketAddr,
    task: JoinHandle<()>,
}

impl AdminServer {
    /// Binds `listen` (`HOST:PORT`) and serves [`router`] on it until the server is
    /// dropped.
    pub async fn start(listen: &str, state: Shared) -> std::io::Result<AdminServer> {
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let app = router(state);
        let task = tokio::spawn(async move {
            // The client's address feeds the login throttle.
            let service = app.into_make_service_with_connect_info::<SocketAddr>();
            if let Err(err) = axum::serve(listener, service).await {
                tracing::error!(error = %err, "admin server stopped");
            }
        });
        Ok(AdminServer { addr, task })
    }
}

impl Drop for AdminServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
