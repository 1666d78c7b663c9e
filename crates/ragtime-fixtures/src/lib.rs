//! The fixture podcast site: a small HTTP server on 127.0.0.1 whose episode pages
//! hide their audio in the ways real podcast pages do.
//!
//! End-to-end tests, benchmarks and the demo start one with [`FixtureSite::start`]
//! and read [`episodes`] to know what each page should come to. The audio it serves is
//! real (tiny, silent) MP3 with `audio/mpeg`.

pub mod attack;
pub mod corpus;
pub mod hostile;
mod mp3;
mod pages;
mod tool_pages;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use hostile::SiteLog;
pub use mp3::silent_mp3;

/// How a recovery attempt on an episode page should end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// The audio is found and downloaded.
    Resolved,
    /// There is no audio to find (or the page cannot be used): a human must look.
    AwaitingHuman,
}

/// One episode page of the site.
#[derive(Debug, Clone, Copy)]
pub struct FixtureEpisode {
    /// The page is at `/episodes/{slug}`.
    pub slug: &'static str,
    /// What the page does, in words; shown on the index page and in test output.
    pub about: &'static str,
    /// How an attempt on the page should end.
    pub expected: Expected,
}

/// Every episode page, in the order the demo and the tests run them.
pub fn episodes() -> &'static [FixtureEpisode] {
    use Expected::*;
    const EPISODES: &[FixtureEpisode] = &[
        FixtureEpisode {
            slug: "direct-link",
            about: "a plain link to the MP3",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "og-audio",
            about: "only an og:audio meta tag",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "more-info",
            about: "behind a \"More information\" button",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "german-menu",
            about: "German page: dead \"Mehr Informationen\" and \"Information\" buttons, audio under a ⋮ menu",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "stream-play",
            about: "a play button that streams; only the network shows it",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "consent-overlay",
            about: "a consent overlay over the player",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "no-audio",
            about: "no audio at all",
            expected: AwaitingHuman,
        },
        FixtureEpisode {
            slug: "never-answers",
            about: "the server never answers",
            expected: AwaitingHuman,
        },
        FixtureEpisode {
            slug: "huge-page",
            about: "a 1 MB page with the link at the very end",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "script-text",
            about: "page text that looks like <script> and HTML",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "alert-dialog",
            about: "alert() and confirm() while the page loads",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "file-frame",
            about: "an iframe of file:///etc/passwd next to the link",
            expected: Resolved,
        },
        FixtureEpisode {
            slug: "redirect-metadata",
            about: "redirects to an internal address (127.0.0.3 stands in for the cloud metadata address)",
            expected: AwaitingHuman,
        },
    ];
    EPISODES
}

/// A running fixture site. Stopped when dropped.
pub struct FixtureSite {
    addr: SocketAddr,
    player_addr: SocketAddr,
    origins: corpus::Origins,
    log: Arc<SiteLog>,
    servers: Vec<JoinHandle<()>>,
}

impl axum::extract::FromRef<Site> for Arc<SiteLog> {
    fn from_ref(site: &Site) -> Self {
        Arc::clone(&site.log)
    }
}

/// What every handler of the site can reach.
#[derive(Clone)]
struct Site {
    log: Arc<SiteLog>,
    origins: Arc<corpus::Origins>,
    /// Whether this listener is the player host rather than the site.
    player_host: bool,
}

impl FixtureSite {
    /// Serves on a free port of 127.0.0.1.
    pub async fn start() -> std::io::Result<FixtureSite> {
        FixtureSite::start_on(SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// Serves on `addr`, and the player host on a free port of the same address
    /// (written `localhost:PORT` in pages, so embedded players are another site).
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FixtureSite> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let player = TcpListener::bind(SocketAddr::new(addr.ip(), 0)).await?;
        let player_addr = player.local_addr()?;
        let origins = corpus::Origins {
            site: format!("http://{addr}"),
            player: format!("http://localhost:{}", player_addr.port()),
        };
        let log = Arc::new(SiteLog::default());
        let shared = Arc::new(origins.clone());
        let mut servers = Vec::new();
        for (listener, player_host) in [(listener, false), (player, true)] {
            let app = router().with_state(Site {
                log: Arc::clone(&log),
                origins: Arc::clone(&shared),
                player_host,
            });
            servers.push(tokio::spawn(async move {
                if let Err(err) = axum::serve(listener, app).await {
                    eprintln!("fixture site stopped: {err}");
                }
            }));
        }
        Ok(FixtureSite {
            addr,
            player_addr,
            origins,
            log,
            servers,
        })
    }

    /// The `allow_hosts` entries that open this site and its player host, and only them.
    pub fn allow_hosts(&self) -> Vec<String> {
        vec![
            self.addr.to_string(),
            format!("localhost:{}", self.player_addr.port()),
        ]
    }

    /// The site's and the player host's origins, as corpus pages write them.
    pub fn origins(&self) -> &corpus::Origins {
        &self.origins
    }

    /// A corpus page's URL.
    pub fn corpus_url(&self, slug: &str) -> String {
        self.url(&format!("/corpus/{slug}"))
    }

    /// The URL a corpus page's audio must come from, `None` where it has none.
    pub fn corpus_audio_url(&self, expected: corpus::CorpusExpect) -> Option<String> {
        match expected {
            corpus::CorpusExpect::SiteAudio(path) => Some(format!("{}{path}", self.origins.site)),
            corpus::CorpusExpect::PlayerAudio(path) => {
                Some(format!("{}{path}", self.origins.player))
            }
            corpus::CorpusExpect::AwaitingHuman => None,
        }
    }

    /// What the site sent and saw.
    pub fn log(&self) -> &SiteLog {
        &self.log
    }

    /// The address the site listens on (127.0.0.1 and a free port).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// The URL of the episode page `slug`.
    pub fn episode_url(&self, slug: &str) -> String {
        self.url(&format!("/episodes/{slug}"))
    }
}

impl Drop for FixtureSite {
    fn drop(&mut self) {
        // Aborting (not a graceful shutdown) also ends the request that never answers.
        for server in &self.servers {
            server.abort();
        }
    }
}

fn router() -> Router<Site> {
    Router::new()
        .route("/corpus/{slug}", get(corpus_page))
        .route(
            "/corpus/{slug}/{*rest}",
            get(corpus_resource).post(corpus_resource),
        )
        .route("/media/{*path}", get(media))
        .route("/tools/{name}", get(tool_pages::page))
        .route("/hop/{name}/{*rest}", get(hop))
        .route("/", get(index))
        .route("/episodes/never-answers", get(never_answers))
        .route("/episodes/redirect-metadata", get(redirect_to_metadata))
        .route("/episodes/huge-body", get(hostile::huge_page))
        .route("/episodes/cookie-jar", get(cookie_jar))
        .route("/episodes/slow-audio", get(hostile::slow_audio_page))
        .route("/episodes/{slug}", get(episode))
        .route("/audio/{file}", get(audio_file))
        .route("/stream/{name}", get(stream))
        .route("/files/not-audio.mp3", get(not_audio))
        .route("/files/redirect-metadata.mp3", get(redirect_to_metadata))
        .route("/files/big.mp3", get(big_audio))
        .route("/files/{name}", get(hostile::file))
}

async fn index() -> Response {
    html(pages::index(episodes()))
}

async fn episode(Path(slug): Path<String>) -> Response {
    match pages::episode(&slug) {
        Some(body) => html(body),
        None => (StatusCode::NOT_FOUND, "no such episode").into_response(),
    }
}

async fn never_answers() -> Response {
    std::future::pending::<()>().await;
    StatusCode::GATEWAY_TIMEOUT.into_response()
}

/// Where an attacker's page would send the browser: the cloud metadata service. A
/// loopback address that no test allows stands in for 169.254.169.254, so that even
/// a connection the gate failed to refuse would never leave this machine.
pub const INTERNAL_STAND_IN: &str = "http://127.0.0.3/latest/meta-data/";

async fn redirect_to_metadata() -> Redirect {
    Redirect::temporary(INTERNAL_STAND_IN)
}

async fn corpus_page(
    State(site): State<Site>,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    corpus_answer(&site, &slug, "", query.as_deref(), &headers)
}

async fn corpus_resource(
    State(site): State<Site>,
    Path((slug, rest)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    corpus_answer(&site, &slug, &rest, query.as_deref(), &headers)
}

fn corpus_answer(
    site: &Site,
    slug: &str,
    rest: &str,
    query: Option<&str>,
    headers: &HeaderMap,
) -> Response {
    let request = corpus::CorpusRequest {
        slug,
        rest,
        query,
        headers,
        origins: &site.origins,
        on_player_host: site.player_host,
    };
    corpus::respond(&request)
        .unwrap_or_else(|| (StatusCode::NOT_FOUND, "not found").into_response())
}

/// Audio of the corpus: any `.mp3` path is a valid silent MP3; other audio types are
/// served with their own type (and are not MP3).
async fn media(State(site): State<Site>, headers: HeaderMap, Path(path): Path<String>) -> Response {
    site.log.saw_cookie(&headers, &format!("/media/{path}"));
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".mp3") {
        mp3_response(silent_mp3(20))
    } else if lower.ends_with(".m4a") || lower.ends_with(".mp4") {
        ([(header::CONTENT_TYPE, "audio/mp4")], vec![0u8; 512]).into_response()
    } else if lower.ends_with(".m3u8") {
        (
            [(header::CONTENT_TYPE, "application/vnd.apple.mpegurl")],
            "#EXTM3U\n",
        )
            .into_response()
    } else {
        (StatusCode::NOT_FOUND, "no such file").into_response()
    }
}

/// A tracking prefix: `/hop/{name}/{rest}` redirects to `/{rest}` on the same host,
/// as `dts.podtrac.com/redirect.mp3/...` or `op3.dev/e/...` do; hops chain.
async fn hop(
    State(site): State<Site>,
    Path((_name, rest)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let origin = if site.player_host {
        &site.origins.player
    } else {
        &site.origins.site
    };
    let location = match query {
        Some(q) => format!("{origin}/{rest}?{q}"),
        None => format!("{origin}/{rest}"),
    };
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

async fn audio_file(
    State(log): State<Arc<SiteLog>>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    log.saw_cookie(&headers, &format!("/audio/{file}"));
    if file.ends_with(".mp3") {
        mp3_response(silent_mp3(20))
    } else {
        (StatusCode::NOT_FOUND, "no such file").into_response()
    }
}

/// A page that sets an HttpOnly session cookie for its own host, as a logged-in
/// site would; a download from another host must not receive it.
async fn cookie_jar() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::SET_COOKIE, "session=page-secret; Path=/; HttpOnly"),
        ],
        "<!doctype html><html lang=\"en\"><head><title>Members</title></head><body>\
         <a href=\"/audio/members.mp3\">Download</a></body></html>",
    )
        .into_response()
}

/// Audio without an extension; only its content type says what it is.
async fn stream(Path(_name): Path<String>) -> Response {
    mp3_response(silent_mp3(20))
}

/// HTML dressed up as an MP3 by its name.
async fn not_audio() -> Response {
    html("<html><body>not audio</body></html>".to_string())
}

/// An MP3 larger than any sane download cap in tests (8 MiB).
async fn big_audio() -> Response {
    mp3_response(silent_mp3(8 * 1024 * 1024 / 417 + 1))
}

fn html(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn mp3_response(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "audio/mpeg")], bytes).into_response()
}
