//! Hostile-input benchmark (issue 11): prints figures; asserts nothing.
//!
//! `cargo bench --bench hostile`.
//!
//! 1. A login flood: 16 clients send wrong passwords as fast as they can for 5 s;
//!    how many reached the password check per second (the rest got 429), and
//!    `/healthz` latency before and during the flood.
//! 2. The daemon's peak memory (`VmHWM` of `ragtime serve`) while it ingests an episode
//!    whose page is 400 MB, next to one whose page is small.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ragtime::App;
use ragtime::admin::{AdminServer, AdminState, Sessions, hash_password};
use ragtime_fixtures::FixtureSite;
use ragtime_store::{DatabaseSettings, Store};

mod common;
use common::{percentile, status_kib};

async fn healthz_latency(
    client: &reqwest::Client,
    url: &str,
    for_how_long: Duration,
) -> (f64, f64) {
    let mut samples = Vec::new();
    let until = Instant::now() + for_how_long;
    while Instant::now() < until {
        let started = Instant::now();
        if client.get(url).send().await.is_ok() {
            samples.push(started.elapsed().as_secs_f64() * 1e3);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    )
}

async fn login_flood() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = ragtime::Config::default();
    config.database.url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let app = Arc::new(App::open(config.clone()).await.expect("app"));
    let state = Arc::new(AdminState {
        app: Arc::clone(&app),
        sessions: Sessions::with_limits(
            hash_password("right").expect("hash"),
            Duration::from_secs(3600),
            config.admin.login_limits(),
        ),
        trace_url: None,
    });
    let admin = AdminServer::start("127.0.0.1:0", state)
        .await
        .expect("admin");
    let base = format!("http://{}", admin.addr);
    let client = ragtime_egress::client_builder().build().expect("client");
    let health = format!("{base}/healthz");
    let (idle_p50, idle_p99) = healthz_latency(&client, &health, Duration::from_secs(2)).await;
    let flooding = Arc::new(AtomicBool::new(true));
    let (checked, throttled) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let mut flooders = Vec::new();
    for _ in 0..16 {
        let (client, url) = (client.clone(), format!("{base}/login"));
        let (flooding, checked, throttled) = (flooding.clone(), checked.clone(), throttled.clone());
        flooders.push(tokio::spawn(async move {
            while flooding.load(Ordering::Relaxed) {
                match client
                    .post(&url)
                    .form(&[("password", "wrong")])
                    .send()
                    .await
                {
                    Ok(r) if r.status() == 429 => throttled.fetch_add(1, Ordering::Relaxed),
                    Ok(_) => checked.fetch_add(1, Ordering::Relaxed),
                    Err(_) => 0,
                };
            }
        }));
    }
    let flood = Duration::from_secs(5);
    let (busy_p50, busy_p99) = healthz_latency(&client, &health, flood).await;
    flooding.store(false, Ordering::Relaxed);
    for flooder in flooders {
        let _ = flooder.await;
    }
    let secs = flood.as_secs_f64();
    println!(
        "login flood (16 clients, one address, {secs:.0} s, default limits): {:.1} attempts/s reached the password check, {:.0}/s got 429",
        checked.load(Ordering::Relaxed) as f64 / secs,
        throttled.load(Ordering::Relaxed) as f64 / secs
    );
    println!(
        "/healthz: idle p50 {idle_p50:.2} ms p99 {idle_p99:.2} ms; during the flood p50 {busy_p50:.2} ms p99 {busy_p99:.2} ms"
    );
    drop(admin);
    app.close(Duration::from_secs(5)).await.expect("close");
}

fn peak_kib(pid: u32) -> u64 {
    status_kib(&pid.to_string(), "VmHWM")
}

/// Runs `ragtime serve` on one episode page until it ends; the daemon's peak RSS.
async fn daemon_peak(site: &FixtureSite, slug: &str) -> (String, u64) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("ragtime.db");
    let config = dir.path().join("ragtime.toml");
    std::fs::write(
        &config,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n[browser]\nallow_hosts = [\"127.0.0.1\"]\nmedia_dir = \"{}\"\n\
             [pipeline]\nworkers = 1\npoll_interval = \"50ms\"\nfetch_timeout = \"120s\"\n[admin]\nlisten = \"\"\n",
            db.display(),
            dir.path().join("media").display()
        ),
    )
    .expect("config");
    let store = Store::open(&DatabaseSettings {
        url: format!("sqlite://{}", db.display()),
        ..DatabaseSettings::default()
    })
    .await
    .expect("store");
    let id = store
        .submit(&site.episode_url(slug))
        .await
        .expect("submit")
        .episode_id;
    let mut daemon = Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(["--config", &config.display().to_string(), "serve"])
        .env("RUST_LOG", "off")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("ragtime serve");
    let status = loop {
        let row = store.episode(id).await.ok().flatten();
        if let Some(row) = row.filter(|r| r.status.is_ended()) {
            break row.status.to_string();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let peak = peak_kib(daemon.id());
    let _ = Command::new("kill")
        .args(["-TERM", &daemon.id().to_string()])
        .status();
    let _ = daemon.wait();
    store.close().await.ok();
    (status, peak)
}

async fn huge_page_memory() {
    let site = FixtureSite::start().await.expect("site");
    let (small_status, small) = daemon_peak(&site, "direct-link").await;
    let (huge_status, huge) = daemon_peak(&site, "huge-body").await;
    println!(
        "daemon peak RSS: small episode page {:.1} MiB ({small_status}); 400 MB episode page {:.1} MiB ({huge_status}), the site sent {:.1} MiB of it",
        small as f64 / 1024.0,
        huge as f64 / 1024.0,
        site.log().streamed_bytes() as f64 / 1024.0 / 1024.0
    );
}

#[tokio::main]
async fn main() {
    login_flood().await;
    huge_page_memory().await;
}
