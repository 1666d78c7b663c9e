//! `ragtime eval` over the whole corpus, as CI runs it: every case must come out
//! right, and the attempts it recorded must show the explorer's rules kept: no call
//! repeated on a page that had not changed, and no click that left the episode's site.

use std::collections::HashMap;
use std::process::Command;

use ragtime_store::{DatabaseSettings, Store};

/// `observe_page`'s `page:` line: the fingerprint of the page it saw.
fn fingerprint(output: &str) -> Option<&str> {
    output.lines().find_map(|l| l.strip_prefix("page: "))
}

fn page_url(output: &str) -> Option<url::Url> {
    output
        .lines()
        .find_map(|l| l.strip_prefix("url: "))
        .and_then(|u| url::Url::parse(u.trim()).ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eval_passes_on_the_corpus_and_the_explorer_keeps_its_rules() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(["eval", "--corpus", "--jobs", "2"])
        .current_dir(dir.path())
        .env("RUST_LOG", "off")
        .output()
        .expect("run ragtime eval");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(out.status.success(), "eval failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("tuned: "), "{stdout}");
    // A known miss that came out wrong is reported as such, never silently.
    for (slug, _) in ragtime_fixtures::corpus::KNOWN_MISSES {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{slug} ")))
            .unwrap_or_else(|| panic!("{slug} is in the table:\n{stdout}"));
        assert!(
            line.contains("known miss")
                || line.contains("recovered")
                || line.contains("correct escalation"),
            "{line}"
        );
    }

    let store = Store::open(&DatabaseSettings {
        url: format!("sqlite://{}", dir.path().join("ragtime-eval.db").display()),
        ..DatabaseSettings::default()
    })
    .await
    .expect("the eval database");
    let attempts = store.attempts(&Default::default()).await.expect("attempts");
    assert_eq!(
        attempts.len(),
        ragtime_fixtures::corpus::pages().len(),
        "one attempt per corpus page"
    );
    for attempt in attempts {
        let steps = store.rows().steps(attempt.id).await.expect("steps");
        let episode = store
            .episode(attempt.episode_id.unwrap_or_default())
            .await
            .expect("episode")
            .expect("row");
        let site = url::Url::parse(&episode.url).expect("episode url");
        // Each call, with the page it was made on and whether the page has looked
        // different since (a dialog that opened and closed changed it, even if it
        // now looks as it did).
        let mut seen: HashMap<String, (Option<String>, bool)> = HashMap::new();
        let mut page: Option<String> = None;
        for step in &steps {
            let output = step.tool_output.as_deref().unwrap_or("");
            if step.tool_name == "observe_page" {
                page = fingerprint(output).map(str::to_string);
                for (made_on, changed) in seen.values_mut() {
                    *changed |= *made_on != page;
                }
                let here = page_url(output).expect("observe_page names its url");
                assert_eq!(
                    here.host_str(),
                    site.host_str(),
                    "attempt {}: a click left the episode's site for {here}",
                    attempt.id
                );
            }
            let call = format!("{} {}", step.tool_name, step.tool_input);
            if step.tool_name != "observe_page" {
                if let Some((made_on, changed)) = seen.get(&call) {
                    assert!(
                        *changed || made_on != &page,
                        "attempt {}: {call} repeated on an unchanged page",
                        attempt.id
                    );
                }
                seen.insert(call, (page.clone(), false));
            }
        }
    }
    store.close().await.ok();
}

/// A case whose expectation the agent does not meet makes `ragtime eval FILE` exit
/// non-zero and say which; `--case` runs only the named cases, and an unknown name is
/// an error before any case runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eval_exits_non_zero_on_a_wrong_case_and_runs_only_the_named_ones() {
    let site = ragtime_fixtures::FixtureSite::start()
        .await
        .expect("fixture site");
    let dir = tempfile::tempdir().expect("dir");
    let cases = dir.path().join("cases.toml");
    let config = dir.path().join("ragtime.toml");
    std::fs::write(
        &config,
        format!(
            "[database]\nurl = \"sqlite://{}\"\n[browser]\nallow_hosts = {:?}\nmedia_dir = \"{}\"\n",
            dir.path().join("eval.db").display(),
            site.allow_hosts(),
            dir.path().join("media").display()
        ),
    )
    .expect("config");
    // The page has no audio: expecting some is wrong; expecting a human is right.
    std::fs::write(
        &cases,
        format!(
            "[[case]]\nname = \"expects-audio\"\nurl = \"{page}\"\naudio = \"{audio}\"\n\n\
             [[case]]\nname = \"expects-human\"\nurl = \"{page}\"\noutcome = \"awaiting_human\"\n",
            page = site.episode_url("no-audio"),
            audio = site.url("/audio/none.mp3"),
        ),
    )
    .expect("cases");
    let eval = |extra: &[&str]| {
        let mut args = vec![
            "--config".to_string(),
            config.display().to_string(),
            "eval".to_string(),
            cases.display().to_string(),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let out = Command::new(env!("CARGO_BIN_EXE_ragtime"))
            .args(&args)
            .env("RUST_LOG", "off")
            .output()
            .expect("run ragtime eval");
        (
            out.status,
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (status, stdout, stderr) = eval(&[]);
    assert_eq!(status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("WRONG"), "{stdout}");
    assert!(stdout.contains("expects-human"), "{stdout}");

    let (status, stdout, stderr) = eval(&["--case", "expects-human"]);
    assert!(status.success(), "{stdout}\n{stderr}");
    assert!(!stdout.contains("expects-audio"), "{stdout}");

    let (status, stdout, stderr) = eval(&["--case", "no-such-case"]);
    assert!(!status.success());
    assert!(stderr.contains("no-such-case"), "{stdout}\n{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}
