//! Scaling out: daemons on one PostgreSQL sharing one Chromium; prints figures and
//! asserts nothing.
//!
//! `RAGTIME_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test cargo bench
//! --bench scale_out` (`-- --quick` for fewer episodes). Needs /usr/bin/chromium and a
//! PostgreSQL that allows CREATE DATABASE.
//!
//! The same batch of episodes the agent must recover (a click on the fixture site)
//! goes through, in turn, A B C A B C:
//! A. one daemon that launches its own Chromium;
//! B. one daemon attached (`[browser] connect`) to a Chromium started apart, as a
//!    browser pool or sidecar would run it;
//! C. two daemons attached to that one Chromium, claiming from the same database.
//!
//! "Daemon" here is an `App` with its own workers, browser pool, egress gate and
//! database connections serving the pipeline, as `ragtime serve` runs one; the
//! daemons of C share this process (and its two cores) but nothing else.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use ragtime::{App, Config};
use ragtime_fixtures::FixtureSite;
use ragtime_store::{EpisodeStatus, Store};
use ragtime_testkit::chromium::{RemoteChromium, free_port};

const WORKERS: usize = 2;

fn config(database: &str, media: &std::path::Path, connect: Option<String>) -> Config {
    let mut config = Config::default();
    config.database.url = database.to_string();
    config.browser.allow_hosts = vec!["127.0.0.1".into()];
    config.browser.media_dir = media.to_path_buf();
    config.browser.connect = connect;
    config.pipeline.workers = WORKERS;
    config.pipeline.poll_interval = Duration::from_millis(50);
    config.progress.sinks = vec!["json_column".into(), "step_table".into(), "log".into()];
    config
}

async fn all_ended(store: &Store) -> bool {
    store
        .episodes()
        .await
        .is_ok_and(|all| all.iter().all(|e| e.status.is_ended()))
}

/// Episodes per minute for `daemons` daemons on a fresh database, each attached to
/// `connect` or launching its own Chromium, and how many were downloaded.
async fn run(
    admin_url: &str,
    site: &FixtureSite,
    episodes: usize,
    daemons: usize,
    connect: Option<String>,
) -> (f64, usize) {
    let database = common::fresh_postgres_database(admin_url, "ragtime_bench_scale_out").await;
    let media = tempfile::tempdir().expect("media");
    let mut apps = Vec::new();
    for _ in 0..daemons {
        let app = App::open(config(&database, media.path(), connect.clone()))
            .await
            .expect("app");
        // Each daemon's browser is up (launched or attached) before the clock starts.
        drop(app.browser().open_context().await.expect("browser"));
        apps.push(Arc::new(app));
    }
    for n in 0..episodes {
        apps[0]
            .store
            .submit(&format!("{}?n={n}", site.episode_url("more-info")))
            .await
            .expect("submit");
    }
    // The watcher's own connection: each daemon closes its store when it stops.
    let watcher = Store::open(&ragtime_store::DatabaseSettings {
        url: database.clone(),
        ..ragtime_store::DatabaseSettings::default()
    })
    .await
    .expect("watcher store");
    let started = Instant::now();
    let mut served = tokio::task::JoinSet::new();
    for app in &apps {
        let store = watcher.clone();
        let stop = async move {
            while !all_ended(&store).await {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        served.spawn(ragtime::daemon::serve(Arc::clone(app), stop));
    }
    while let Some(done) = served.join_next().await {
        done.expect("daemon task").expect("serve");
    }
    let elapsed = started.elapsed().as_secs_f64();
    let downloaded = watcher
        .episode_counts()
        .await
        .expect("counts")
        .into_iter()
        .find(|(s, _)| *s == EpisodeStatus::Downloaded)
        .map_or(0, |(_, n)| usize::try_from(n).unwrap_or(usize::MAX));
    #[allow(clippy::cast_precision_loss, reason = "a few dozen episodes")]
    let per_minute = episodes as f64 / elapsed * 60.0;
    (per_minute, downloaded)
}

#[tokio::main]
async fn main() {
    let Ok(admin_url) = std::env::var("RAGTIME_TEST_POSTGRES_URL") else {
        println!("scale_out: skipped (set RAGTIME_TEST_POSTGRES_URL)");
        return;
    };
    let quick = std::env::args().any(|a| a == "--quick");
    let episodes = if quick { 8 } else { 24 };
    let rounds = if quick { 1 } else { 2 };
    let site = FixtureSite::start().await.expect("site");
    let pool = RemoteChromium::start(
        std::path::Path::new("/usr/bin/chromium"),
        free_port().expect("port"),
    )
    .await
    .expect("the shared chromium");
    let cases: [(&str, usize, Option<String>); 3] = [
        ("A one daemon, own chromium", 1, None),
        ("B one daemon, attached", 1, Some(pool.address())),
        (
            "C two daemons, one attached chromium",
            2,
            Some(pool.address()),
        ),
    ];
    let mut figures: Vec<Vec<f64>> = vec![Vec::new(); cases.len()];
    for round in 1..=rounds {
        for (i, (label, daemons, connect)) in cases.iter().enumerate() {
            let (per_minute, downloaded) =
                run(&admin_url, &site, episodes, *daemons, connect.clone()).await;
            println!(
                "round {round} {label:<38} {episodes} episodes ({daemons}x{WORKERS} workers): {per_minute:>6.1}/min, {downloaded} downloaded"
            );
            figures[i].push(per_minute);
        }
    }
    let mut medians: Vec<f64> = figures.iter_mut().map(|f| common::median(f)).collect();
    println!();
    for ((label, _, _), m) in cases.iter().zip(&medians) {
        println!("{label:<38} median {m:>6.1} episodes/min");
    }
    let a = medians[0];
    medians.iter_mut().for_each(|m| *m /= a);
    println!(
        "ratios to A: B {:.2}, C {:.2}; C/B {:.2}",
        medians[1],
        medians[2],
        medians[2] / medians[1]
    );
}
