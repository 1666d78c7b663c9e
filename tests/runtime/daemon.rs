//! The ingest daemon end to end: every fixture episode ingested to the right state,
//! two daemons sharing PostgreSQL without a double claim, and the real binary killed
//! with SIGKILL mid-attempt, restarted, and stopped with SIGTERM.

use std::path::Path;
use std::process::{Child, Command};
use std::time::Duration;

use ragtime::{App, Config};
use ragtime_browser::orphans::parent_of;
use ragtime_core::{AttemptStatus, RuntimeSettings};
use ragtime_fixtures::{Expected, FixtureSite, episodes};
use ragtime_store::{EpisodeStatus, Store};
use tokio::io::AsyncBufReadExt;

use crate::assert_progress_matches_steps;
use crate::common::{Backend, TestDb, eventually};

fn daemon_config(db: &TestDb, media: &Path) -> Config {
    let mut config = db.config(RuntimeSettings {
        tool_deadline: Duration::from_secs(10),
        heartbeat_interval: Duration::from_millis(500),
        ..RuntimeSettings::default()
    });
    config.browser.allow_hosts = vec!["127.0.0.1".to_string()];
    config.browser.media_dir = media.to_path_buf();
    config.pipeline.fetch_timeout = Duration::from_secs(3);
    config.pipeline.poll_interval = Duration::from_millis(100);
    config
}

const FINAL: [&str; 3] = ["downloaded", "failed", "awaiting_human"];

async fn all_final(store: &Store) -> bool {
    store
        .episodes()
        .await
        .map(|eps| eps.iter().all(|e| FINAL.contains(&e.status.as_str())))
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daemon_ingests_every_fixture_episode() {
    let site = FixtureSite::start().await.expect("site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media");
    let mut config = daemon_config(&db, media.path());
    config.pipeline.workers = 3;
    for episode in episodes() {
        db.store
            .submit(&site.episode_url(episode.slug))
            .await
            .expect("submit");
    }
    let again = db
        .store
        .submit(&site.episode_url("direct-link"))
        .await
        .expect("submit again");
    assert!(!again.created, "a known URL is not queued twice");
    let app = App::open(config).await.expect("open");
    let store = db.store.clone();
    let stop = async move {
        eventually(
            Duration::from_secs(120),
            "every episode to reach a final state",
            || {
                let store = store.clone();
                async move { all_final(&store).await.then_some(()) }
            },
        )
        .await
    };
    let served = ragtime::daemon::serve(std::sync::Arc::new(app), stop)
        .await
        .expect("serve");
    assert_eq!(served.episodes, episodes().len() as u64);
    for episode in episodes() {
        let url = site.episode_url(episode.slug);
        let row = db
            .store
            .episodes()
            .await
            .expect("episodes")
            .into_iter()
            .find(|e| e.url == url)
            .expect("row");
        let expected = match episode.expected {
            Expected::Resolved => EpisodeStatus::Downloaded,
            Expected::AwaitingHuman => EpisodeStatus::AwaitingHuman,
        };
        assert_eq!(row.status, expected, "{}: {row:?}", episode.slug);
        if expected == EpisodeStatus::Downloaded {
            let file = row.audio_file.clone().expect("audio file");
            assert_eq!(
                &std::fs::read(&file).expect("file")[..2],
                &[0xFF, 0xFB],
                "{file}"
            );
        }
        assert_eq!(row.tries, 1, "{}", episode.slug);
    }
    // Attempts ran only where the pipeline failed, and their two views agree.
    for attempt in db
        .store
        .attempts(&Default::default())
        .await
        .expect("attempts")
    {
        assert_ne!(attempt.status, AttemptStatus::Attempted);
        assert_progress_matches_steps(&db.store, attempt.id).await;
    }
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_daemons_on_one_postgres_never_claim_an_episode_twice() {
    let site = FixtureSite::start().await.expect("site");
    let db = TestDb::new(Backend::Postgres).await;
    let media = tempfile::tempdir().expect("media");
    let episodes = 24;
    for n in 0..episodes {
        db.store
            .submit(&format!("{}?copy={n}", site.episode_url("direct-link")))
            .await
            .expect("submit");
    }
    let mut runs = Vec::new();
    for _ in 0..2 {
        let mut config = daemon_config(&db, media.path());
        config.pipeline.workers = 3;
        let app = App::open(config).await.expect("open");
        let store = db.store.clone();
        runs.push(tokio::spawn(ragtime::daemon::serve(
            std::sync::Arc::new(app),
            async move {
                eventually(Duration::from_secs(60), "all episodes downloaded", || {
                    let store = store.clone();
                    async move { all_final(&store).await.then_some(()) }
                })
                .await
            },
        )));
    }
    let mut served = Vec::new();
    for run in runs {
        served.push(run.await.expect("task").expect("serve").episodes);
    }
    assert_eq!(
        served.iter().sum::<u64>(),
        episodes,
        "each episode processed exactly once: {served:?}"
    );
    for row in db.store.episodes().await.expect("episodes") {
        assert_eq!(
            (row.status.as_str(), row.tries),
            ("downloaded", 1),
            "{row:?}"
        );
    }
    db.cleanup().await;
}

/// Live processes whose parent is `pid`.
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
        .filter(|child| parent_of(*child as i32) == Some(pid as i32))
        .collect()
}

fn start_daemon(config: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(["--config", &config.display().to_string(), "serve"])
        .env("RUST_LOG", "warn")
        .spawn()
        .expect("start ragtime serve")
}

/// A daemon's files in a fresh directory: its config (SQLite, one worker, a short
/// lease and heartbeat, the admin on a free port, browser profiles under
/// `profiles/` of its own) and a store on its database.
async fn daemon_files() -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let dir = tempfile::tempdir().expect("dir");
    let db_path = dir.path().join("ragtime.db");
    let config_path = dir.path().join("ragtime.toml");
    std::fs::write(
        &config_path,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n\n[runtime]\nheartbeat_interval = \"300ms\"\ntool_deadline = \"10s\"\n\n\
             [browser]\nallow_hosts = [\"127.0.0.1\"]\nmedia_dir = \"{}\"\nprofile_dir = \"{}\"\n\n\
             [pipeline]\nworkers = 1\nlease = \"2s\"\npoll_interval = \"100ms\"\n\n[admin]\nlisten = \"127.0.0.1:0\"\npassword = \"test\"\n",
            db_path.display(),
            dir.path().join("media").display(),
            dir.path().join("profiles").display()
        ),
    )
    .expect("config");
    let settings = ragtime_store::DatabaseSettings {
        url: format!("sqlite://{}", db_path.display()),
        ..Default::default()
    };
    let store = Store::open(&settings).await.expect("store");
    (dir, config_path, store)
}

/// The first attempt in flight that has made a step.
async fn attempt_with_a_step(store: &Store) -> ragtime_core::AttemptId {
    eventually(Duration::from_secs(60), "an attempt with a step", || {
        let store = store.clone();
        async move {
            let attempts = store.attempts(&Default::default()).await.ok()?;
            let running = attempts
                .into_iter()
                .find(|a| a.status == AttemptStatus::Attempted)?;
            (!store.rows().steps(running.id).await.ok()?.is_empty()).then_some(running.id)
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_daemon_leaves_nothing_stuck_and_sigterm_cancels_cleanly() {
    let site = FixtureSite::start().await.expect("site");
    let (dir, config_path, store) = daemon_files().await;
    let slow = store
        .submit(&site.episode_url("german-menu"))
        .await
        .expect("submit")
        .episode_id;

    // 1. SIGKILL in the middle of the agent's attempt.
    let mut first = start_daemon(&config_path);
    let attempt = attempt_with_a_step(&store).await;
    // SIGKILL leaves the daemon's Chromium behind, nothing runs to close it: the
    // next daemon on the same profile root stops it before it launches its own.
    let browsers = children_of(first.id());
    assert!(!browsers.is_empty(), "the daemon runs a browser");
    first.kill().expect("SIGKILL");
    first.wait().expect("reap");
    // The orphan lives under this daemon's own profile root, which no other test's
    // browser uses, so only a daemon on this root may stop it.
    let root = dir.path().join("profiles");
    let orphans: Vec<u32> = ragtime_browser::orphans::find_orphans(&root)
        .into_iter()
        .map(|o| o.pid as u32)
        .filter(|pid| browsers.contains(pid))
        .collect();
    assert!(
        !orphans.is_empty(),
        "the killed daemon's browser {browsers:?} is an orphan under {}",
        root.display()
    );
    // Another daemon's pool, on another root, launches a browser and leaves the
    // orphans of this root alone.
    let other_root = tempfile::tempdir().expect("other profile root");
    let other = ragtime_browser::BrowserPool::new(ragtime_browser::BrowserSettings {
        profile_dir: Some(other_root.path().to_path_buf()),
        ..Default::default()
    })
    .expect("pool");
    let context = other
        .open_context()
        .await
        .expect("the other browser starts");
    context.close().await;
    other.shutdown().await;
    let stopped: Vec<u32> = orphans
        .iter()
        .copied()
        .filter(|pid| parent_of(*pid as i32).is_none())
        .collect();
    assert!(
        stopped.is_empty(),
        "a daemon on another profile root stopped this root's orphans {stopped:?}"
    );

    // 2. A restarted daemon marks the attempt interrupted and retries the episode.
    let mut second = start_daemon(&config_path);
    eventually(
        Duration::from_secs(90),
        "the episode downloaded after the restart",
        || {
            let store = store.clone();
            async move {
                (store.episode(slow).await.ok()??.status == EpisodeStatus::Downloaded).then_some(())
            }
        },
    )
    .await;
    let left: Vec<u32> = browsers
        .into_iter()
        .filter(|pid| parent_of(*pid as i32).is_some())
        .collect();
    for pid in &left {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    assert!(
        left.is_empty(),
        "the restarted daemon left the killed one's browser running: {left:?}"
    );
    let killed = store
        .rows()
        .attempt(attempt)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(killed.status, "interrupted", "{killed:?}");
    // The call the kill cut off is closed in every view, not left spinning.
    let steps = store.rows().steps(attempt).await.expect("steps");
    assert!(
        steps.iter().all(|s| s.outcome != "running"),
        "an interrupted attempt keeps no running step: {steps:#?}"
    );
    crate::assert_progress_matches_steps(&store, attempt).await;
    let timeline = Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(["timeline", &attempt.to_string()])
        .env("RAGTIME_CONFIG", &config_path)
        .output()
        .expect("ragtime timeline");
    let printed = String::from_utf8_lossy(&timeline.stdout);
    assert!(
        timeline.status.success()
            && !printed.contains("running…")
            && !printed.contains("still running"),
        "ragtime timeline of the killed attempt: {printed}{}",
        String::from_utf8_lossy(&timeline.stderr)
    );
    assert_eq!(
        store.episode(slow).await.expect("load").expect("row").tries,
        2
    );

    // 3. SIGTERM during an attempt: cancelled, flushed, episode queued again, exit 0.
    let next = store
        .submit(&format!("{}?again=1", site.episode_url("german-menu")))
        .await
        .expect("submit")
        .episode_id;
    let running = attempt_with_a_step(&store).await;
    let pid = second.id().to_string();
    Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("SIGTERM");
    let exit = eventually(
        Duration::from_secs(15),
        "the daemon to exit after SIGTERM",
        || {
            let status = second.try_wait().ok().flatten();
            async move { status }
        },
    )
    .await;
    assert!(exit.success(), "{exit:?}");
    let cancelled = store
        .rows()
        .attempt(running)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(cancelled.status, "cancelled");
    assert_progress_matches_steps(&store, running).await;
    let steps = store.rows().steps(running).await.expect("steps");
    assert!(
        steps.iter().all(|s| s.outcome != "running"),
        "every step ended: {steps:?}"
    );
    assert_eq!(
        store
            .episode(next)
            .await
            .expect("load")
            .expect("row")
            .status,
        EpisodeStatus::Queued
    );
    let stuck = store.attempts(&Default::default()).await.expect("attempts");
    assert!(
        stuck.iter().all(|a| a.status != AttemptStatus::Attempted),
        "nothing stays attempted: {stuck:?}"
    );
    store.close().await.ok();
}

/// SIGINT (Ctrl-C) stops the daemon as SIGTERM does: the running attempt is cancelled
/// and flushed, its episode queued again, and no episode is claimed after the signal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_cancels_the_running_attempt_and_claims_nothing_more() {
    let site = FixtureSite::start().await.expect("site");
    let (_dir, config_path, store) = daemon_files().await;
    let first = store
        .submit(&site.episode_url("no-audio"))
        .await
        .expect("submit")
        .episode_id;
    // The page with no audio: the agent looks for seconds before it gives up, so the
    // signal finds it at work.
    let mut daemon = start_daemon(&config_path);
    let running = attempt_with_a_step(&store).await;
    // One worker, busy: this episode waits in the queue when the signal comes.
    let waiting = store
        .submit(&site.episode_url("direct-link"))
        .await
        .expect("submit")
        .episode_id;
    Command::new("kill")
        .args(["-INT", &daemon.id().to_string()])
        .status()
        .expect("SIGINT");
    let exit = eventually(
        Duration::from_secs(15),
        "the daemon to exit after SIGINT",
        || {
            let status = daemon.try_wait().ok().flatten();
            async move { status }
        },
    )
    .await;
    assert!(exit.success(), "{exit:?}");
    let cancelled = store
        .rows()
        .attempt(running)
        .await
        .expect("load")
        .expect("row");
    assert_eq!(cancelled.status, "cancelled");
    assert_progress_matches_steps(&store, running).await;
    let episode = |id| {
        let store = store.clone();
        async move { store.episode(id).await.expect("load").expect("row") }
    };
    assert_eq!(episode(first).await.status, EpisodeStatus::Queued);
    let untouched = episode(waiting).await;
    assert_eq!(
        (untouched.status.as_str(), untouched.tries),
        ("queued", 0),
        "no claim after the signal"
    );
    store.close().await.ok();
}

/// An episode page of hundreds of megabytes is read up to the page cap: the details
/// in its head are found, the rest is never fetched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_episode_page_is_read_only_up_to_the_cap() {
    let site = FixtureSite::start().await.expect("site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media");
    let mut config = daemon_config(&db, media.path());
    config.pipeline.fetch_timeout = Duration::from_secs(60);
    config.pipeline.max_page_bytes = 2 * 1024 * 1024;
    let id = db
        .store
        .submit(&site.episode_url("huge-body"))
        .await
        .expect("submit")
        .episode_id;
    let app = std::sync::Arc::new(App::open(config).await.expect("open"));
    let store = db.store.clone();
    let stop = async move {
        eventually(
            Duration::from_secs(60),
            "the huge page's episode to end",
            || {
                let store = store.clone();
                async move { all_final(&store).await.then_some(()) }
            },
        )
        .await
    };
    ragtime::daemon::serve(app, stop).await.expect("serve");
    let row = db.store.episode(id).await.expect("load").expect("row");
    assert_eq!(row.status, EpisodeStatus::Downloaded, "{row:?}");
    let sent = site.log().streamed_bytes();
    assert!(
        sent < 64 * 1024 * 1024,
        "the site sent {sent} bytes of a {} byte page",
        ragtime_fixtures::hostile::HUGE_PAGE_BYTES
    );
    db.cleanup().await;
}

/// A download that trickles forever does not pin the daemon: SIGTERM ends it within
/// seconds, the episode goes back to `queued`, and no `.part` file stays behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_daemon_during_a_download_that_trickles() {
    let site = FixtureSite::start().await.expect("site");
    let dir = tempfile::tempdir().expect("dir");
    let db_path = dir.path().join("ragtime.db");
    let media = dir.path().join("media");
    let config_path = dir.path().join("ragtime.toml");
    std::fs::write(
        &config_path,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n\n[browser]\nallow_hosts = [\"127.0.0.1\"]\nmedia_dir = \"{}\"\n\
             # Never cut by rate: only the stop may end this download.\nmin_rate = 0\n\n\
             [pipeline]\nworkers = 1\npoll_interval = \"100ms\"\n\n[admin]\nlisten = \"\"\n",
            db_path.display(),
            media.display()
        ),
    )
    .expect("config");
    let settings = ragtime_store::DatabaseSettings {
        url: format!("sqlite://{}", db_path.display()),
        ..Default::default()
    };
    let store = Store::open(&settings).await.expect("store");
    let id = store
        .submit(&site.episode_url("slow-audio"))
        .await
        .expect("submit")
        .episode_id;
    let mut daemon = start_daemon(&config_path);
    let part_file = || {
        std::fs::read_dir(&media)
            .map(|entries| {
                entries
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".part"))
            })
            .unwrap_or(false)
    };
    eventually(
        Duration::from_secs(60),
        "the download to be under way",
        || {
            let started = part_file() && site.log().streamed_bytes() > 0;
            async move { started.then_some(()) }
        },
    )
    .await;
    let signalled = std::time::Instant::now();
    Command::new("kill")
        .args(["-TERM", &daemon.id().to_string()])
        .status()
        .expect("SIGTERM");
    // The promise is 5 s; the limit doubles it so a loaded 2-core machine does not
    // fail the test, and the download alone would run for its ten-minute deadline,
    // so an exit within it still shows the download did not pin the daemon.
    let exit = eventually_exit(&mut daemon, Duration::from_secs(10));
    let took = signalled.elapsed();
    println!("the daemon stopped {took:?} after SIGTERM during a stalled download");
    assert!(exit.success(), "{exit:?}");
    assert!(!part_file(), "a .part file stayed behind");
    let row = store.episode(id).await.expect("load").expect("row");
    assert_eq!(row.status, EpisodeStatus::Queued, "{row:?}");
    store.close().await.ok();
}

/// Bad input to the binary: one clear line on stderr and a non-zero exit, no panic.
#[test]
fn bad_config_and_bad_urls_get_one_clear_line() {
    let dir = tempfile::tempdir().expect("dir");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[pipeline]\nworkerz = 3\n").expect("write");
    let db = format!("sqlite://{}", dir.path().join("x.db").display());
    let bad_cases = dir.path().join("cases.toml");
    std::fs::write(
        &bad_cases,
        "[[case]]\nname = \"a\"\nurl = \"https://e.example/1\"\n",
    )
    .expect("write");
    let cases: [(Vec<String>, &str); 7] = [
        (
            vec![
                "--config".into(),
                bad.display().to_string(),
                "attempts".into(),
            ],
            "workerz",
        ),
        (
            vec![
                "--database-url".into(),
                db.clone(),
                "submit".into(),
                "not a url".into(),
            ],
            "not a URL",
        ),
        (
            vec![
                "--database-url".into(),
                db.clone(),
                "submit".into(),
                "file:///etc/passwd".into(),
            ],
            "not an http(s) URL",
        ),
        (
            vec![
                "--database-url".into(),
                "postgres://nobody@127.0.0.1:1/none".into(),
                "attempts".into(),
            ],
            "cannot open database",
        ),
        (
            vec![
                "--database-url".into(),
                db.clone(),
                "timeline".into(),
                "42".into(),
            ],
            "no recovery attempt with id 42",
        ),
        (
            vec![
                "--database-url".into(),
                db.clone(),
                "eval".into(),
                "missing.toml".into(),
            ],
            "cannot read the case file missing.toml",
        ),
        (
            vec![
                "--database-url".into(),
                db,
                "eval".into(),
                bad_cases.display().to_string(),
            ],
            "say where the audio must come from",
        ),
    ];
    for (args, expected) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_ragtime"))
            .args(&args)
            .env("RUST_LOG", "off")
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "{args:?}: one line, got {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // Numbers the database cannot hold are refused by the argument parser.
    for limit in ["18446744073709551615", "0", "-1"] {
        let out = Command::new(env!("CARGO_BIN_EXE_ragtime"))
            .args(["attempts", &format!("--limit={limit}")])
            .env("RUST_LOG", "off")
            .current_dir(dir.path())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--limit {limit}: {stderr}");
        assert!(stderr.contains("--limit"), "--limit {limit}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recover_prints_each_step_as_it_starts_and_ends() {
    let site = FixtureSite::start().await.expect("site");
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("ragtime.toml");
    std::fs::write(
        &config,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n\n[browser]\nallow_hosts = [\"127.0.0.1\"]\nmedia_dir = \"{}\"\n",
            dir.path().join("r.db").display(),
            dir.path().join("media").display()
        ),
    )
    .expect("config");
    // Two clicks away: the attempt has steps worth watching.
    let url = site.url("/tools/two-clicks");
    let mut recover = tokio::process::Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args([
            "--config",
            &config.display().to_string(),
            "recover",
            "--url",
            &url,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run recover");
    let stdout = recover.stdout.take().expect("stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let mut printed = Vec::new();
    // Live: a step's "running" line is printed while the attempt is still at work,
    // before the process has ended.
    let mut seen_while_running = false;
    while let Some(line) = tokio::time::timeout(Duration::from_secs(90), lines.next_line())
        .await
        .expect("recover prints or ends")
        .expect("read stdout")
    {
        if line.contains("... running") && !line.contains("=>") {
            seen_while_running |= recover.try_wait().expect("poll").is_none();
        }
        printed.push(line);
    }
    let status = recover.wait().await.expect("recover ends");
    let stdout = printed.join("\n");
    assert!(status.success(), "{stdout}");
    assert!(
        seen_while_running,
        "a running step printed before the end: {stdout}"
    );
    assert!(stdout.contains("click_element"), "{stdout}");
    assert!(stdout.contains("... success"), "{stdout}");
    let last = printed.last().map(String::as_str).unwrap_or("");
    assert!(
        last.starts_with("=> resolved: downloaded the episode audio"),
        "{last}"
    );
}

/// The demo in a fresh directory: it ingests its episodes, prints the summary, then
/// keeps the admin up (the printed URL answers) until SIGINT, and exits 0.
#[test]
fn the_demo_runs_on_a_fresh_directory_and_keeps_the_admin_up_until_ctrl_c() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let dir = tempfile::tempdir().expect("dir");
    let mut demo = Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .current_dir(dir.path())
        .env("RAGTIME_ADMIN__LISTEN", "127.0.0.1:0")
        .args([
            "demo",
            "--only",
            "direct-link",
            "--only",
            "more-info",
            "--only",
            "no-audio",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run demo");
    let stdout = demo.stdout.take().expect("stdout");
    // Lines are read on a thread so a hung demo fails the test instead of blocking it.
    let (lines_tx, lines) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    let admin_url = loop {
        let line = match lines.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => line,
            Err(_) => {
                let _ = demo.kill();
                panic!("the demo did not say the admin stays up:\n{seen}");
            }
        };
        seen.push_str(&line);
        seen.push('\n');
        if let Some(rest) = line.strip_prefix("the admin stays up at ") {
            break rest.split(';').next().unwrap_or_default().to_string();
        }
    };
    assert!(
        seen.contains("more-info") && seen.contains("downloaded"),
        "{seen}"
    );
    assert!(seen.contains("awaiting_human"), "{seen}");
    assert!(dir.path().join("ragtime.db").exists() && dir.path().join("media").is_dir());

    let healthz = http_get(&admin_url, "/healthz").expect("the admin answers");
    assert!(
        healthz.starts_with("HTTP/1.1 200") && healthz.ends_with("ok"),
        "{healthz}"
    );
    let login = http_get(&admin_url, "/login").expect("login page");
    assert!(login.starts_with("HTTP/1.1 200"), "{login}");

    Command::new("kill")
        .args(["-INT", &demo.id().to_string()])
        .status()
        .expect("SIGINT");
    let status = eventually_exit(&mut demo, Duration::from_secs(30));
    assert!(status.success(), "demo exit: {status:?}\n{seen}");
    assert!(
        http_get(&admin_url, "/healthz").is_err(),
        "the admin stops with the demo"
    );
}

/// A plain HTTP/1.1 GET on `base` (`http://HOST:PORT/`): the whole response as text.
fn http_get(base: &str, path: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let host = base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = std::net::TcpStream::connect(&host)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

fn eventually_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("the process did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `pipeline.recovery_chain = ["human"]`: a failed step hands the episode to a person
/// at once; no agent attempt is made, no browser started.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recovery_chain_without_the_agent_hands_over_at_once() {
    let site = FixtureSite::start().await.expect("site");
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let media = tempfile::tempdir().expect("media");
    let mut config = daemon_config(&db, media.path());
    config.pipeline.recovery_chain = vec![ragtime::pipeline::Strategy::Human];
    // A page whose audio the pipeline cannot find, and one it can.
    let failing = db
        .store
        .submit(&site.episode_url("more-info"))
        .await
        .expect("submit")
        .episode_id;
    let direct = db
        .store
        .submit(&site.episode_url("direct-link"))
        .await
        .expect("submit")
        .episode_id;
    let app = std::sync::Arc::new(App::open(config).await.expect("open"));
    let store = db.store.clone();
    let stop = async move {
        eventually(Duration::from_secs(60), "both episodes to end", || {
            let store = store.clone();
            async move { all_final(&store).await.then_some(()) }
        })
        .await
    };
    ragtime::daemon::serve(std::sync::Arc::clone(&app), stop)
        .await
        .expect("serve");
    let handed = db.store.episode(failing).await.expect("load").expect("row");
    assert_eq!(handed.status, EpisodeStatus::AwaitingHuman, "{handed:?}");
    assert!(
        handed
            .error
            .as_deref()
            .is_some_and(|e| e.contains("fetch_details failed")),
        "{handed:?}"
    );
    let attempts = db
        .store
        .attempts(&Default::default())
        .await
        .expect("attempts");
    assert!(attempts.is_empty(), "no agent attempt: {attempts:?}");
    let downloaded = db.store.episode(direct).await.expect("load").expect("row");
    assert_eq!(
        downloaded.status,
        EpisodeStatus::Downloaded,
        "{downloaded:?}"
    );
    assert!(
        !app.browser().is_alive().await,
        "no browser started without the agent"
    );
    db.cleanup().await;
}
