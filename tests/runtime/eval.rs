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

    let store = Store::open(&DatabaseSettings {
        url: format!("sqlite://{}", dir.path().join("ragtime-eval.db").display()),
        ..DatabaseSettings::default()
    })
    .await
    .expect("the eval database");
    let attempts = store.attempts(&Default::default()).await.expect("attempts");
    assert!(!attempts.is_empty());
    for attempt in attempts {
        let steps = store.steps(attempt.id).await.expect("steps");
        let episode = store
            .episode(attempt.episode_id.unwrap_or_default())
            .await
            .expect("episode")
            .expect("row");
        let site = url::Url::parse(&episode.url).expect("episode url");
        let mut seen: HashMap<String, Option<String>> = HashMap::new();
        let mut page: Option<String> = None;
        for step in &steps {
            let output = step.tool_output.as_deref().unwrap_or("");
            if step.tool_name == "observe_page" {
                page = fingerprint(output).map(str::to_string);
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
                if let Some(before) = seen.get(&call) {
                    assert_ne!(
                        before, &page,
                        "attempt {}: {call} repeated on an unchanged page",
                        attempt.id
                    );
                }
                seen.insert(call, page.clone());
            }
        }
    }
    store.close().await.ok();
}
