//! The `ragtime` command: migrate the database, list attempts, print an attempt's
//! timeline, and run the scripted demo.

#![allow(
    clippy::doc_markdown,
    reason = "the doc comments are clap's --help text, which shows backticks as written"
)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use ragtime::{App, Config};
use ragtime_core::{AttemptId, AttemptStatus, EpisodeId};
use ragtime_store::{AttemptFilter, Store};
use ragtime_timeline::clean;
use tracing_subscriber::EnvFilter;

#[cfg(feature = "demo")]
mod demo;
mod evaluate;
mod live;
mod recover;

/// Podcast ingest daemon whose browser-driving recovery agent shows every step it takes.
///
/// Every command reads the config (the embedded defaults, or --config) and opens the
/// database it names, running the migrations first.
#[derive(Debug, Parser)]
#[command(name = "ragtime", version, about, long_about)]
struct Cli {
    /// TOML config file; keys it leaves out keep their defaults (see config/default.toml).
    #[arg(long, short, global = true, env = "RAGTIME_CONFIG")]
    config: Option<PathBuf>,
    /// Database URL, overriding the config: sqlite://PATH or postgres://USER@HOST/DB.
    #[arg(long, global = true, env = "RAGTIME_DATABASE_URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Bring the database schema up to date (also done at every start).
    Migrate,
    /// Run the ingest daemon: workers claim queued episodes, fetch their details,
    /// download the audio, and run the recovery chain when a step fails. Stops
    /// cleanly on SIGINT or SIGTERM (running attempts end `cancelled`).
    Serve,
    /// Queue an episode page for the daemon (a URL already known is reported, not
    /// queued twice).
    Submit {
        /// The episode page, http:// or https://.
        url: String,
    },
    /// Run one recovery attempt in the foreground and print its steps as they start
    /// and end; exits 0 when the attempt ended, whatever its outcome.
    Recover {
        /// The episode's id, as the database knows it.
        #[arg(conflicts_with = "url", required_unless_present = "url")]
        episode_id: Option<EpisodeId>,
        /// An episode page URL instead (queued as an episode if new).
        #[arg(long)]
        url: Option<String>,
    },
    /// List recovery attempts, newest first.
    Attempts {
        /// Only attempts in this status: attempted, resolved, awaiting_human, cancelled, interrupted.
        #[arg(long, value_parser = parse_status)]
        status: Option<AttemptStatus>,
        /// At most this many attempts (1 to 100000).
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=100_000))]
        limit: u64,
    },
    /// Run the agent over a list of episode pages and judge each outcome.
    ///
    /// Each case is a real attempt in headless Chromium through the normal runtime
    /// and sinks. Prints a table (case, outcome, expected, steps, seconds) and a
    /// summary per group; exits 1 when a case came out wrong. Attempts are recorded
    /// in sqlite://ragtime-eval.db unless --database-url says otherwise.
    Eval {
        /// TOML file of [[case]] tables: name, url, and either audio = "URL the MP3
        /// must come from" or outcome = "awaiting_human"; group = "..." to report
        /// cases by group.
        #[arg(required_unless_present = "corpus", conflicts_with = "corpus")]
        file: Option<PathBuf>,
        /// Evaluate the built-in corpus on the fixture site (127.0.0.1) instead.
        #[arg(long)]
        corpus: bool,
        /// Cases run at once.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=32))]
        jobs: u64,
        /// Run only the case with this name (repeat for several); an unknown name is
        /// an error.
        #[arg(long = "case", value_name = "NAME")]
        cases: Vec<String>,
    },
    /// Print one attempt's steps as a timeline.
    Timeline {
        /// The attempt's id, as `ragtime attempts` shows it.
        attempt_id: AttemptId,
    },
    /// Run the recovery agent on the built-in fixture podcast site and print each
    /// attempt's timeline.
    ///
    /// Starts the fixture site on 127.0.0.1 (the only private address the demo lets
    /// the browser reach), then runs the heuristic agent in headless Chromium on each
    /// of its episode pages: direct links, og:audio, buttons, a German ⋮ menu, a
    /// streaming player, a consent layer, pages with no audio, a page that never
    /// answers (tool deadline 5 s here) and a redirect to an internal address.
    /// `--scripted` runs browser-free scripted attempts instead. Everything is written
    /// to the configured database.
    Demo {
        /// Run scripted attempts with stand-in tools (no browser needed).
        #[arg(long)]
        scripted: bool,
        /// Only these fixture episodes (with --scripted: these scenarios); default all.
        #[arg(long = "only")]
        only: Vec<String>,
        /// Exit once every episode has ended, instead of keeping the admin web up
        /// until Ctrl-C.
        #[arg(long)]
        exit: bool,
    },
}

fn parse_status(text: &str) -> Result<AttemptStatus, String> {
    AttemptStatus::parse(text).ok_or_else(|| {
        let known: Vec<&str> = AttemptStatus::ALL.iter().map(|s| s.as_str()).collect();
        format!(
            "unknown status {text:?}; expected one of {}",
            known.join(", ")
        )
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<ExitCode> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("warn,chromiumoxide=error")),
        )
        .with_writer(std::io::stderr)
        .init();
    // A panicking tool is an expected event here (its actor is replaced and the step
    // recorded as `crashed`), so say so in one log line instead of a raw panic report.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::warn!(target: "ragtime::panic", "panic{location}: {message}");
    }));
    let cli = Cli::parse();
    let mut config = Config::load_with_env(cli.config.as_deref(), std::env::vars())?;
    if let Command::Eval { .. } = cli.command {
        // Evaluation attempts stay out of the daemon's database unless asked.
        config.database.url = "sqlite://ragtime-eval.db".to_string();
    }
    if let Some(url) = cli.database_url {
        config.database.url = url;
    }
    match cli.command {
        Command::Migrate => {
            let store = Store::open(&config.database).await?;
            println!(
                "{}: schema is up to date",
                ragtime_store::redact_url(&config.database.url)
            );
            store.close().await?;
        }
        Command::Serve => {
            let admin_settings = config.admin.clone();
            let metrics_settings = config.metrics.clone();
            let app = std::sync::Arc::new(App::open(config).await.context("starting the daemon")?);
            let stop = stop_signal();
            println!(
                "ragtime daemon: {} worker(s) on {}; stop with Ctrl-C",
                app.config.pipeline.workers,
                ragtime_store::redact_url(&app.config.database.url)
            );
            let _admin = start_admin(&app, &admin_settings).await?;
            let _metrics = start_metrics(&app, &metrics_settings).await?;
            let served = ragtime::daemon::serve(app, stop).await?;
            println!("stopped after {} episode(s)", served.episodes);
        }
        Command::Submit { url } => {
            let url = checked_url(&url)?;
            let store = Store::open(&config.database).await?;
            let submitted = store.submit(url.as_str()).await?;
            if submitted.created {
                println!("queued episode {}: {url}", submitted.episode_id);
            } else {
                let status = store
                    .episode(submitted.episode_id)
                    .await?
                    .map(|e| e.status.to_string())
                    .unwrap_or_default();
                println!(
                    "already known as episode {} ({status}): {url}",
                    submitted.episode_id
                );
            }
            store.close().await?;
        }
        Command::Recover { episode_id, url } => recover::run(config, episode_id, url).await?,
        Command::Attempts { status, limit } => {
            let store = Store::open(&config.database).await?;
            let attempts = store
                .attempts(&AttemptFilter {
                    status,
                    limit,
                    ..Default::default()
                })
                .await?;
            if attempts.is_empty() {
                println!("no recovery attempts");
            }
            let ids: Vec<AttemptId> = attempts.iter().map(|a| a.id).collect();
            let tokens = store.token_totals(&ids).await?;
            for a in attempts {
                let episode = a
                    .episode_id
                    .map_or_else(|| "-".to_string(), |e| e.to_string());
                let used = tokens
                    .get(&a.id)
                    .map(|(read, written)| format!("  [{read} in, {written} out tokens]"))
                    .unwrap_or_default();
                println!(
                    "{:>6}  episode {:<6} {:<10} {:<15} {}  {}{used}",
                    a.id,
                    episode,
                    clean(&a.strategy, 10),
                    a.status,
                    a.started_at.format("%Y-%m-%d %H:%M:%S"),
                    clean(a.message.as_deref().unwrap_or(""), 100)
                );
            }
            store.close().await?;
        }
        Command::Timeline { attempt_id } => {
            let store = Store::open(&config.database).await?;
            let timeline = store.timeline(attempt_id).await?;
            print!("{timeline}");
            store.close().await?;
        }
        Command::Eval {
            file,
            corpus,
            jobs,
            cases,
        } => {
            let jobs = usize::try_from(jobs).unwrap_or(1);
            let code = match file {
                Some(path) if !corpus => evaluate::file(config, &path, jobs, &cases).await?,
                _ => evaluate::corpus(config, jobs, &cases).await?,
            };
            return Ok(code);
        }
        #[cfg(feature = "demo")]
        Command::Demo {
            scripted: true,
            only,
            ..
        } => demo::scripted(config, only).await?,
        #[cfg(feature = "demo")]
        Command::Demo {
            scripted: false,
            only,
            exit,
        } => demo::fixture_site(config, only, !exit).await?,
        #[cfg(not(feature = "demo"))]
        Command::Demo { .. } => bail!(WITHOUT_DEMO),
    }
    Ok(ExitCode::SUCCESS)
}

/// Why `demo` and `eval --corpus` are refused by a build without the fixtures.
#[cfg(not(feature = "demo"))]
pub(crate) const WITHOUT_DEMO: &str = "this ragtime was built without the fixture site and scripted scenarios (cargo feature `demo`); build with the default features to run `demo` or `eval --corpus`";

pub(crate) fn checked_url(text: &str) -> Result<url::Url> {
    ragtime::app::checked_episode_url(text).or_else(|why| bail!("{why}: {text:?}"))
}

/// Resolves on SIGINT or SIGTERM received after this call. The listeners are made
/// here, not when the future is first polled: a signal sent as soon as a message
/// such as "stop with Ctrl-C" is printed must not fall between the two.
pub(crate) fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let listeners = signal(SignalKind::interrupt())
            .and_then(|int| signal(SignalKind::terminate()).map(|term| (int, term)));
        async move {
            match listeners {
                Ok((mut int, mut term)) => {
                    tokio::select! {
                        _ = int.recv() => {}
                        _ = term.recv() => {}
                    }
                }
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Serves `/metrics` when `[metrics] listen` is set, and says where.
pub(crate) async fn start_metrics(
    app: &std::sync::Arc<App>,
    settings: &ragtime::admin::MetricsSettings,
) -> Result<Option<ragtime::admin::MetricsServer>> {
    let Some(listen) = settings.listen() else {
        return Ok(None);
    };
    let server = ragtime::admin::MetricsServer::start(listen, std::sync::Arc::clone(app)).await?;
    println!("metrics: http://{}/metrics", server.addr);
    Ok(Some(server))
}

/// Starts the admin web when `[admin] listen` is set, and says where and how to log in.
pub(crate) async fn start_admin(
    app: &std::sync::Arc<App>,
    settings: &ragtime::admin::AdminSettings,
) -> Result<Option<ragtime::admin::AdminServer>> {
    if settings.listen.trim().is_empty() {
        return Ok(None);
    }
    let from_env = std::env::var("RAGTIME_ADMIN_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty());
    let (password, generated) = match from_env.or_else(|| settings.password.clone()) {
        Some(password) => (password, false),
        None => (ragtime::admin::generate_password(), true),
    };
    let hash = ragtime::admin::hash_password(&password)
        .map_err(|e| anyhow::anyhow!("hashing the admin password: {e}"))?;
    let state = std::sync::Arc::new(ragtime::admin::AdminState {
        app: std::sync::Arc::clone(app),
        sessions: ragtime::admin::Sessions::with_limits(
            hash,
            settings.session_ttl,
            settings.login_limits(),
        ),
        trace_url: settings.trace_url.clone(),
    });
    let server = ragtime::admin::AdminServer::start(&settings.listen, state)
        .await
        .with_context(|| format!("the admin web cannot listen on {}", settings.listen))?;
    if generated {
        println!(
            "admin: http://{}/  (log in with the password {password}; set [admin] password or RAGTIME_ADMIN_PASSWORD to choose one)",
            server.addr
        );
    } else {
        println!("admin: http://{}/", server.addr);
    }
    Ok(Some(server))
}
