//! Login with one password (stored only as an argon2 hash), sessions in memory with
//! an expiry, and a CSRF token per session for every POST.
//!
//! Login attempts are throttled per client address and in all (a token bucket each,
//! from governor), and the hash is checked on the blocking pool: a flood of wrong
//! passwords gets 429s and never slows the live pages or the attempts.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::Form;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};
use maud::{Markup, html};
use rand_core::{OsRng, RngCore};
use serde::Deserialize;

use super::Shared;
use super::layout::layout;
use super::settings::LoginLimits;

const COOKIE: &str = "ragtime_session";

/// An argon2 PHC string for `password`.
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// A password for an operator who set none: 16 random characters.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

fn random_token() -> String {
    let mut bytes = [0u8; 24];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

struct Session {
    csrf: String,
    expires: Instant,
    /// How actions of this session are signed in attempts (`admin session 3f9a2c`):
    /// random, so it reveals nothing of the token.
    label: String,
}

/// Token buckets for login attempts: one per client address, one for everyone.
struct LoginThrottle {
    per_client: DefaultKeyedRateLimiter<IpAddr>,
    global: DefaultDirectRateLimiter,
    clock: DefaultClock,
}

impl LoginThrottle {
    fn new(limits: LoginLimits) -> LoginThrottle {
        let quota = |attempts: u32| {
            let burst = NonZeroU32::new(attempts.max(1)).unwrap_or(NonZeroU32::MIN);
            let every = (limits.window / burst.get()).max(Duration::from_millis(1));
            Quota::with_period(every)
                .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
                .allow_burst(burst)
        };
        LoginThrottle {
            per_client: RateLimiter::keyed(quota(limits.per_client)),
            global: RateLimiter::direct(quota(limits.global)),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one attempt from both buckets, or says how long to wait.
    fn admit(&self, client: IpAddr) -> Result<(), Duration> {
        if self.per_client.len() > 10_000 {
            self.per_client.retain_recent();
        }
        let now = self.clock.now();
        self.per_client
            .check_key(&client)
            .map_err(|until| until.wait_time_from(now))?;
        self.global
            .check()
            .map_err(|until| until.wait_time_from(now))
    }
}

/// The password hash, the live sessions, and the login throttle.
pub struct Sessions {
    password_hash: String,
    ttl: Duration,
    live: Mutex<HashMap<String, Session>>,
    throttle: LoginThrottle,
}

impl Sessions {
    /// Sessions checked against `password_hash` (an Argon2 PHC string, from
    /// [`hash_password`]), each lasting `ttl`, with the default login limits.
    pub fn new(password_hash: String, ttl: Duration) -> Self {
        Sessions::with_limits(password_hash, ttl, LoginLimits::default())
    }

    /// The same as [`new`](Self::new), with the login throttle set by `limits`.
    pub fn with_limits(password_hash: String, ttl: Duration, limits: LoginLimits) -> Self {
        Sessions {
            password_hash,
            ttl,
            live: Mutex::new(HashMap::new()),
            throttle: LoginThrottle::new(limits),
        }
    }

    /// Checks the password on the blocking pool: argon2 takes tens of milliseconds of
    /// CPU by design, which must not stall the async workers.
    async fn verify(&self, password: String) -> bool {
        let hash = self.password_hash.clone();
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|hash| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &hash)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false)
    }

    fn open(&self) -> String {
        let token = random_token();
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        live.retain(|_, s| s.expires > now);
        live.insert(
            token.clone(),
            Session {
                csrf: random_token(),
                expires: now + self.ttl,
                label: format!("admin session {}", &random_token()[..6]),
            },
        );
        token
    }

    /// The CSRF token of a live session.
    pub fn csrf(&self, token: &str) -> Option<String> {
        self.live_session(token, |s| s.csrf.clone())
    }

    /// What `read` takes from the live session `token`, if it is live.
    fn live_session<T>(&self, token: &str, read: impl FnOnce(&Session) -> T) -> Option<T> {
        let live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        live.get(token)
            .filter(|s| s.expires > Instant::now())
            .map(read)
    }

    fn close(&self, token: &str) {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(token);
    }
}

/// The session token from the request's cookie.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
}

/// Lets a request with a live session through; sends others to the login page.
pub async fn require_session(
    State(state): State<Shared>,
    request: Request,
    next: Next,
) -> Response {
    let live = session_token(request.headers())
        .and_then(|t| state.sessions.csrf(&t))
        .is_some();
    if live {
        let mut response = next.run(request).await;
        // Pages of a session must not outlive it in a cache.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    } else if request.method() == axum::http::Method::GET {
        Redirect::to("/login").into_response()
    } else {
        StatusCode::UNAUTHORIZED.into_response()
    }
}

/// Checks the CSRF field of a POST against the session.
/// Checks the form's CSRF token against the session's; the session's label (who
/// acted, for the attempts an action records) when it matches.
pub fn check_csrf(state: &Shared, headers: &HeaderMap, csrf: &str) -> Result<String, StatusCode> {
    let (expected, label) = session_token(headers)
        .and_then(|t| {
            state
                .sessions
                .live_session(&t, |s| (s.csrf.clone(), s.label.clone()))
        })
        .ok_or(StatusCode::UNAUTHORIZED)?;
    if expected.len() == csrf.len()
        && expected
            .bytes()
            .zip(csrf.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    {
        Ok(label)
    } else {
        Err(StatusCode::FORBIDDEN)
    }
}

fn login_form(error: Option<&str>) -> Markup {
    layout(
        "Log in",
        html! {
            h1 { "ragtime admin" }
            @if let Some(error) = error { p.error { (error) } }
            form method="post" action="/login" {
                label { "Password " input type="password" name="password" autofocus; }
                button type="submit" { "Log in" }
            }
        },
    )
}

pub async fn login_page() -> Markup {
    login_form(None)
}

#[derive(Deserialize)]
pub struct LoginForm {
    password: String,
}

pub async fn login(
    State(state): State<Shared>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Form(form): Form<LoginForm>,
) -> Response {
    if let Err(wait) = state.sessions.throttle.admit(client.ip()) {
        let seconds = wait.as_secs() + 1;
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            login_form(Some(&format!(
                "Too many login attempts; try again in {seconds} s."
            ))),
        )
            .into_response();
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    if !state.sessions.verify(form.password).await {
        return (
            StatusCode::UNAUTHORIZED,
            login_form(Some("Wrong password.")),
        )
            .into_response();
    }
    let token = state.sessions.open();
    let max_age = state.sessions.ttl.as_secs();
    let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}");
    ([(header::SET_COOKIE, cookie)], Redirect::to("/attempts")).into_response()
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn logout(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Err(status) = check_csrf(&state, &headers, &form.csrf) {
        return status.into_response();
    }
    if let Some(token) = session_token(&headers) {
        state.sessions.close(&token);
    }
    let expired = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    ([(header::SET_COOKIE, expired)], Redirect::to("/login")).into_response()
}
