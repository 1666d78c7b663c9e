//! The admin's overview over a large history; prints figures and asserts nothing.
//!
//! `cargo bench --bench overview` (`-- --quick` for a tenth of the rows); with
//! `RAGTIME_TEST_POSTGRES_URL` set, PostgreSQL too. The database holds 100,000
//! episodes, 100,000 attempts spread over 30 days and 1,000,000 steps (ten per
//! attempt); the overview reads the last 24 hours. Printed: the time of `GET /`
//! (logged in, over loopback HTTP) as median and p95 of 30 requests, with the
//! `started_at` indexes the overview needs, and again after dropping them.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    reason = "a benchmark fails loudly by design: a setup step that cannot work ends the run"
)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use ragtime::admin::{AdminServer, AdminState, Sessions, hash_password};
use ragtime::{App, Config};
use ragtime_store::entity::{episode, recovery_attempt, recovery_step};
use sea_orm::{ActiveValue::Set, ConnectionTrait, Database, EntityTrait};

const PASSWORD: &str = "overview-bench";
const STATUSES: [&str; 4] = ["resolved", "awaiting_human", "cancelled", "interrupted"];
const TOOLS: [&str; 5] = [
    "navigate_to_url",
    "observe_page",
    "click_element",
    "find_audio",
    "download_file",
];
const OUTCOMES: [&str; 4] = ["success", "success", "error", "timeout"];

/// Fills the database at `url` (already migrated) with `episodes` episodes, one
/// attempt each, and ten steps per attempt.
async fn seed(url: &str, episodes: usize) {
    let db = Database::connect(url).await.expect("connect");
    let now = Utc::now();
    let batch = 1000;
    for start in (0..episodes).step_by(batch) {
        let ids = start..(start + batch).min(episodes);
        let rows = ids.clone().map(|n| episode::ActiveModel {
            id: Set(n as i64 + 1),
            url: Set(format!("https://podcasts.example/episodes/{n}")),
            title: Set(Some(format!("Episode {n}"))),
            title_folded: Set(Some(format!("episode {n}"))),
            status: Set(["downloaded", "awaiting_human", "failed", "queued"][n % 4].to_string()),
            created_at: Set(now),
            updated_at: Set(now),
            tries: Set(1),
            ..Default::default()
        });
        episode::Entity::insert_many(rows)
            .exec(&db)
            .await
            .expect("episodes");
        // Attempts spread over 30 days, newest last.
        let at = |n: usize| {
            now - chrono::Duration::seconds(((episodes - n) * 30 * 86_400 / episodes) as i64)
        };
        let attempts = ids.clone().map(|n| recovery_attempt::ActiveModel {
            id: Set(n as i64 + 1),
            episode_id: Set(Some(n as i64 + 1)),
            strategy: Set("agent".to_string()),
            status: Set(STATUSES[n % 4].to_string()),
            success: Set(Some(n % 4 == 0)),
            message: Set(Some(format!("reason {}", n % 7))),
            progress: Set(serde_json::json!([])),
            started_at: Set(at(n)),
            finished_at: Set(Some(at(n) + chrono::Duration::seconds((n % 90) as i64 + 5))),
            heartbeat_at: Set(at(n)),
            ..Default::default()
        });
        recovery_attempt::Entity::insert_many(attempts)
            .exec(&db)
            .await
            .expect("attempts");
        for part in ids.collect::<Vec<_>>().chunks(100) {
            let steps = part.iter().flat_map(|&n| {
                (0..10).map(move |s| recovery_step::ActiveModel {
                    attempt_id: Set(n as i64 + 1),
                    step_number: Set(s + 1),
                    tool_name: Set(TOOLS[(n + s as usize) % 5].to_string()),
                    tool_input: Set(serde_json::json!({})),
                    tool_output: Set(Some("output".to_string())),
                    started_at: Set(at(n) + chrono::Duration::seconds(i64::from(s))),
                    finished_at: Set(Some(at(n) + chrono::Duration::seconds(i64::from(s) + 1))),
                    duration_ms: Set(Some(1000)),
                    outcome: Set(OUTCOMES[(n + s as usize) % 4].to_string()),
                    ..Default::default()
                })
            });
            recovery_step::Entity::insert_many(steps)
                .exec(&db)
                .await
                .expect("steps");
        }
    }
    if url.starts_with("postgres") {
        // Explicit ids were given: the sequences go on after them, and the planner
        // learns the tables' sizes.
        for table in ["episodes", "recovery_attempts", "recovery_steps"] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            ))
            .await
            .expect("sequence");
            db.execute_unprepared(&format!("ANALYZE {table}"))
                .await
                .expect("analyze");
        }
    } else {
        db.execute_unprepared("ANALYZE").await.expect("analyze");
    }
    db.close().await.ok();
}

/// Median and p95 of `GET /`, in milliseconds.
async fn page_times(base: &str, cookie: &str) -> (f64, f64) {
    let client = ragtime_egress::client_builder().build().expect("client");
    let mut times = Vec::new();
    for _ in 0..30 {
        let started = Instant::now();
        let page = client
            .get(format!("{base}/"))
            .header("cookie", cookie)
            .send()
            .await
            .expect("overview");
        assert!(page.status().is_success(), "{}", page.status());
        page.text().await.expect("body");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    (
        common::median(&mut times),
        common::percentile(&mut times, 0.95),
    )
}

async fn measure(label: &str, url: String, episodes: usize) {
    let mut config = Config::default();
    config.database.url = url.clone();
    config.admin.listen = String::new();
    let app = Arc::new(App::open(config).await.expect("app"));
    let seeding = Instant::now();
    seed(&url, episodes).await;
    println!(
        "{label}: {episodes} episodes, {episodes} attempts, {} steps seeded in {:.0} s",
        episodes * 10,
        seeding.elapsed().as_secs_f64()
    );
    let state = Arc::new(AdminState {
        app: Arc::clone(&app),
        sessions: Sessions::new(
            hash_password(PASSWORD).expect("hash"),
            Duration::from_secs(600),
        ),
        trace_url: None,
    });
    let server = AdminServer::start("127.0.0.1:0", state)
        .await
        .expect("admin");
    let base = format!("http://{}", server.addr);
    let cookie = common::login_cookie(PASSWORD, &base).await;
    let (median, p95) = page_times(&base, &cookie).await;
    println!("{label}: GET / with the started_at indexes: median {median:.1} ms, p95 {p95:.1} ms");
    let db = Database::connect(&url).await.expect("connect");
    for index in [
        "idx_recovery_attempts_started_at",
        "idx_recovery_steps_started_at",
    ] {
        db.execute_unprepared(&format!("DROP INDEX {index}"))
            .await
            .expect("drop index");
    }
    db.close().await.ok();
    let (median, p95) = page_times(&base, &cookie).await;
    println!("{label}: GET / without them:           median {median:.1} ms, p95 {p95:.1} ms");
    drop(server);
    app.close(Duration::from_secs(10)).await.expect("close");
}

#[tokio::main]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let episodes = if quick { 10_000 } else { 100_000 };
    let dir = tempfile::tempdir().expect("tempdir");
    let sqlite = format!("sqlite://{}", dir.path().join("overview.db").display());
    measure("SQLite", sqlite, episodes).await;
    match std::env::var("RAGTIME_TEST_POSTGRES_URL") {
        Ok(admin_url) => {
            let url = common::fresh_postgres_database(&admin_url, "ragtime_bench_overview").await;
            measure("PostgreSQL", url, episodes).await;
        }
        Err(_) => println!("PostgreSQL: skipped (set RAGTIME_TEST_POSTGRES_URL)"),
    }
}
