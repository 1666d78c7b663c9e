//! README promises about the `ragtime` binary that no other test kept: the admin
//! password made up and printed once, `demo --exit`, `attempts --status/--limit`, and
//! `RAGTIME_CONFIG`.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use ragtime::App;
use ragtime::app::AttemptRequest;
use ragtime_core::{Decision, RuntimeSettings, ToolRegistry};
use ragtime_testkit::{EchoTool, ScriptedPlanner};
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt};

use crate::admin::client;
use crate::common::TestDb;

/// A `serve` config in `dir`: SQLite, the admin on a free port, no password.
fn serve_config(dir: &std::path::Path) -> std::path::PathBuf {
    let config = dir.join("ragtime.toml");
    std::fs::write(
        &config,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n\n[pipeline]\npoll_interval = \"100ms\"\n\n\
             [admin]\nlisten = \"127.0.0.1:0\"\n",
            dir.join("ragtime.db").display()
        ),
    )
    .expect("config");
    config
}

/// A running `ragtime serve`: its admin line, and the rest of its output once stopped.
struct Served {
    child: tokio::process::Child,
    admin_line: String,
    rest: tokio::task::JoinHandle<String>,
    stderr: tokio::task::JoinHandle<String>,
}

impl Served {
    async fn start(config: &std::path::Path, password_env: Option<&str>) -> Served {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_ragtime"));
        command
            .args(["--config", &config.display().to_string(), "serve"])
            // Everything the daemon logs, so a password in a log line would show.
            .env("RUST_LOG", "debug")
            .env_remove("RAGTIME_ADMIN_PASSWORD")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(password) = password_env {
            command.env("RAGTIME_ADMIN_PASSWORD", password);
        }
        let mut child = command.spawn().expect("start ragtime serve");
        let mut stderr = child.stderr.take().expect("stderr");
        let stderr = tokio::spawn(async move {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text).await;
            text
        });
        let mut lines = tokio::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
        let mut before = String::new();
        let admin_line = loop {
            let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
                .await
                .expect("serve prints its admin line")
                .expect("read stdout")
                .unwrap_or_else(|| panic!("serve ended before its admin line:\n{before}"));
            if line.starts_with("admin: ") {
                break line;
            }
            before.push_str(&line);
            before.push('\n');
        };
        let rest = tokio::spawn(async move {
            let mut text = before;
            while let Ok(Some(line)) = lines.next_line().await {
                text.push_str(&line);
                text.push('\n');
            }
            text
        });
        Served {
            child,
            admin_line,
            rest,
            stderr,
        }
    }

    /// `http://ADDR` from the admin line.
    fn base(&self) -> String {
        let url = self
            .admin_line
            .strip_prefix("admin: ")
            .and_then(|r| r.split_whitespace().next())
            .expect("the admin URL");
        url.trim_end_matches('/').to_string()
    }

    async fn login(&self, password: &str) -> u16 {
        client()
            .post(format!("{}/login", self.base()))
            .form(&[("password", password)])
            .send()
            .await
            .expect("login")
            .status()
            .as_u16()
    }

    /// SIGTERM, exit 0; everything it printed (stdout, stderr), the admin line included.
    async fn stop(mut self) -> String {
        let pid = self.child.id().expect("pid").to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("SIGTERM");
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("serve exits after SIGTERM")
            .expect("wait");
        assert!(status.success(), "{status:?}");
        let rest = self.rest.await.expect("stdout");
        let stderr = self.stderr.await.expect("stderr");
        format!("{}\n{rest}{stderr}", self.admin_line)
    }
}

/// Without `[admin] password` or `RAGTIME_ADMIN_PASSWORD`, `serve` makes a password up
/// and prints it once (in no log line); it logs in. With one chosen, nothing is
/// printed, and the generated one of the last start no longer works.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generated_admin_password_is_printed_once_and_a_chosen_one_never() {
    let dir = tempfile::tempdir().expect("dir");
    let config = serve_config(dir.path());

    let first = Served::start(&config, None).await;
    let password = first
        .admin_line
        .split("log in with the password ")
        .nth(1)
        .and_then(|r| r.split(';').next())
        .unwrap_or_else(|| panic!("no password in {:?}", first.admin_line))
        .to_string();
    assert!(password.len() >= 12, "{password:?}");
    assert_eq!(
        first.login(&password).await,
        303,
        "the printed password works"
    );
    assert_eq!(first.login("not it").await, 401);
    let printed = first.stop().await;
    assert_eq!(
        printed.matches(password.as_str()).count(),
        1,
        "the password printed once, never logged:\n{printed}"
    );

    let chosen = "a password chosen by the operator";
    let second = Served::start(&config, Some(chosen)).await;
    assert!(
        !second.admin_line.contains("password"),
        "a chosen password is not printed: {}",
        second.admin_line
    );
    assert_eq!(second.login(chosen).await, 303);
    assert_eq!(
        second.login(&password).await,
        401,
        "the last start's generated password is gone"
    );
    let printed = second.stop().await;
    assert!(
        !printed.contains(chosen) && !printed.contains(&password),
        "{printed}"
    );
}

/// `ragtime demo --exit` leaves once its episodes have ended, with status 0, and never
/// says the admin stays up.
#[test]
fn demo_exit_leaves_by_itself_with_status_0() {
    use std::io::{BufRead, BufReader};

    let dir = tempfile::tempdir().expect("dir");
    let mut demo = Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .current_dir(dir.path())
        .env("RAGTIME_ADMIN__LISTEN", "127.0.0.1:0")
        .args([
            "demo",
            "--only",
            "direct-link",
            "--only",
            "no-audio",
            "--exit",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run demo");
    let stdout = demo.stdout.take().expect("stdout");
    let (lines_tx, lines) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    // Polled: the exit, or the line that says the demo stays (then it would not leave).
    let started = std::time::Instant::now();
    let mut printed = Vec::new();
    let status = loop {
        for line in lines.try_iter() {
            if line.starts_with("the admin stays up") {
                let _ = demo.kill();
                panic!("demo --exit keeps the admin up: {line}");
            }
            printed.push(line);
        }
        if let Some(status) = demo.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = demo.kill();
            panic!("demo --exit did not leave:\n{}", printed.join("\n"));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // The rest of its output, up to the end of the pipe.
    printed.extend(lines.iter());
    let printed = printed.join("\n");
    assert!(status.success(), "demo --exit: {status:?}\n{printed}");
    assert!(
        printed.contains("direct-link") && printed.contains("downloaded"),
        "{printed}"
    );
    assert!(printed.contains("awaiting_human"), "{printed}");
    assert!(!printed.contains("the admin stays up"), "{printed}");
}

/// `ragtime attempts --status S --limit N`: only attempts in status S, the newest N;
/// and `RAGTIME_CONFIG` names the config file (here, the one naming the database).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attempts_filters_by_status_and_limits_the_count_and_ragtime_config_names_the_file() {
    let db = TestDb::sqlite(Duration::from_secs(5)).await;
    let app = App::open(db.config(RuntimeSettings::default()))
        .await
        .expect("open");
    let tools = Arc::new(ToolRegistry::new().with(EchoTool::default()));
    // Oldest first: escalated, resolved, escalated, resolved, escalated.
    let mut made = Vec::new();
    for n in 0..5 {
        let end = if n % 2 == 0 {
            Decision::escalate(format!("escalated {n}"))
        } else {
            Decision::resolve(format!("resolved {n}"), None)
        };
        let script = vec![Decision::call("echo", json!({"text": n})), end];
        let request = AttemptRequest {
            episode_url: format!("http://127.0.0.1/attempt-{n}"),
            strategy: "agent".into(),
            ..Default::default()
        };
        let report = app
            .start_attempt(
                request,
                Arc::new(ScriptedPlanner::new(script)),
                Arc::clone(&tools),
            )
            .await
            .expect("start")
            .wait()
            .await;
        made.push((report.attempt_id.get(), report.status.as_str().to_string()));
    }
    app.close(Duration::from_secs(5)).await.expect("close");
    let statuses: Vec<&str> = made.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "awaiting_human",
            "resolved",
            "awaiting_human",
            "resolved",
            "awaiting_human"
        ]
    );
    // A directory without a database, so only the given one can list these attempts,
    // and a config file naming the database for `RAGTIME_CONFIG`.
    let elsewhere = tempfile::tempdir().expect("dir");
    let config = elsewhere.path().join("ragtime.toml");
    std::fs::write(
        &config,
        format!("[database]\nurl = \"{}\"\n", db.settings.url),
    )
    .expect("config");
    // (id, status) of each attempt `ragtime attempts ARGS` lists, in its order.
    let listed_by = |how: &str, args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ragtime"));
        match how {
            "env" => command.env("RAGTIME_CONFIG", &config).arg("attempts"),
            _ => command.env_remove("RAGTIME_CONFIG").args([
                "--database-url",
                &db.settings.url,
                "attempts",
            ]),
        };
        let out = command
            .args(args)
            .current_dir(elsewhere.path())
            .env("RUST_LOG", "off")
            .output()
            .expect("ragtime attempts");
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(out.status.success(), "{args:?}: {stdout}");
        stdout
            .lines()
            .filter(|line| *line != "no recovery attempts")
            .map(|line| {
                let fields: Vec<&str> = line.split_whitespace().collect();
                let id = fields[0]
                    .parse::<i64>()
                    .unwrap_or_else(|_| panic!("{line}"));
                (id, fields[4].to_string())
            })
            .collect::<Vec<_>>()
    };
    let listed = |args: &[&str]| listed_by("flag", args);
    let newest = |status: Option<&str>, n: usize| -> Vec<(i64, String)> {
        made.iter()
            .rev()
            .filter(|(_, s)| status.is_none_or(|want| s == want))
            .take(n)
            .cloned()
            .collect()
    };
    assert_eq!(
        listed(&["--status", "awaiting_human", "--limit", "2"]),
        newest(Some("awaiting_human"), 2)
    );
    assert_eq!(
        listed(&["--status", "resolved"]),
        newest(Some("resolved"), 5)
    );
    assert_eq!(listed(&["--limit", "4"]), newest(None, 4));
    assert_eq!(
        listed_by("env", &["--limit", "4"]),
        newest(None, 4),
        "RAGTIME_CONFIG names the config file"
    );
    assert_eq!(
        listed(&["--status", "cancelled"]),
        [],
        "no attempt is cancelled"
    );
    db.cleanup().await;
}
