//! The admin web: server-rendered pages of episodes and attempts, live timelines over
//! Server-Sent Events, behind a password login.
//!
//! HTML comes from maud, which escapes every interpolated value, so text from a page
//! the agent visited is shown as text. Scripts and styles are served from `/static/`
//! and the Content-Security-Policy allows nothing inline.

mod actions;
mod auth;
mod live;
mod pages;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use auth::{LoginLimits, Sessions, generate_password, hash_password};

/// The `[admin]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdminSettings {
    /// Where the admin listens; empty turns it off.
    pub listen: String,
    /// The login password; `RAGTIME_ADMIN_PASSWORD` overrides it. Without either,
    /// `serve` makes one up and prints it once.
    pub password: Option<String>,
    /// How long a login lasts.
    #[serde(with = "humantime_serde")]
    pub session_ttl: Duration,
    /// Login attempts one client address may make in `login_window` (the rest get
    /// 429 until the window lets one more through).
    pub login_attempts: u32,
    /// Login attempts of all clients together in `login_window`.
    pub login_attempts_global: u32,
    #[serde(with = "humantime_serde")]
    pub login_window: Duration,
}

impl AdminSettings {
    pub fn login_limits(&self) -> LoginLimits {
        LoginLimits {
            per_client: self.login_attempts,
            global: self.login_attempts_global,
            window: self.login_window,
        }
    }
}

impl Default for AdminSettings {
    fn default() -> Self {
        AdminSettings {
            listen: "127.0.0.1:8080".to_string(),
            password: None,
            session_ttl: Duration::from_secs(12 * 3600),
            login_attempts: 10,
            login_attempts_global: 60,
            login_window: Duration::from_secs(60),
        }
    }
}

/// What every handler can reach: the daemon's app (its store, live feed and runtime
/// for the actions) and the logins.
pub struct AdminState {
    pub app: Arc<crate::App>,
    pub sessions: Sessions,
}

pub type Shared = Arc<AdminState>;

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub fn router(state: Shared) -> Router {
    let private = Router::new()
        .route(
            "/",
            get(|| async { axum::response::Redirect::to("/attempts") }),
        )
        .route("/episodes", get(pages::episodes))
        .route("/episodes/{id}", get(pages::episode))
        .route("/attempts", get(pages::attempts))
        .route("/attempts/{id}", get(pages::attempt))
        .route("/attempts/events", get(live::list_events))
        .route("/attempts/{id}/events", get(live::attempt_events))
        .route("/screenshots/{id}", get(pages::screenshot))
        .route("/attempts/{id}/cancel", post(actions::cancel))
        .route("/attempts/{id}/retry", post(actions::retry))
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
    pub addr: SocketAddr,
    task: JoinHandle<()>,
}

impl AdminServer {
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
