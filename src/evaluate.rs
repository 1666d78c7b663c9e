//! `ragtime eval`: runs the agent over a case file, or over the built-in corpus on the
//! fixture site, and prints a table and a summary per group of cases.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use ragtime::eval::{self, Case, CaseResult, Verdict};
use ragtime::{App, Config};
#[cfg(feature = "demo")]
use ragtime_fixtures::{FixtureSite, corpus};

/// Runs `cases` with `jobs` at once; the exit code says whether every case was right.
async fn evaluate(config: Config, cases: Vec<Case>, jobs: usize) -> Result<ExitCode> {
    let total = cases.len();
    println!(
        "{total} case(s), {jobs} at once; attempts are recorded in {} (`ragtime --database-url {} timeline ID`)",
        ragtime_store::redact_url(&config.database.url),
        ragtime_store::redact_url(&config.database.url)
    );
    let app = Arc::new(App::open(config).await.context("starting the runtime")?);
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    let results = eval::run(Arc::clone(&app), cases, jobs, move |r: &CaseResult| {
        let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let verdict = r.verdict.describe();
        eprintln!(
            "[{n}/{total}] {}: {verdict} ({:.2} s)",
            ragtime_timeline::clean(&r.case.name, 60),
            r.seconds
        );
    })
    .await?;
    app.runtime
        .flush(Duration::from_secs(10))
        .await
        .context("flushing the sinks")?;
    println!();
    print!("{}", eval::table(&results));
    println!();
    for (group, summary) in eval::summaries(&results) {
        println!("{group}: {summary}");
    }
    app.close(Duration::from_secs(10)).await?;
    let wrong = results
        .iter()
        .any(|r| matches!(r.verdict, Verdict::Wrong(_)));
    Ok(if wrong {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `ragtime eval FILE`.
pub async fn file(config: Config, path: &Path, jobs: usize, only: &[String]) -> Result<ExitCode> {
    let cases = eval::select(eval::load(path)?, only)?;
    evaluate(config, cases, jobs).await
}

/// `ragtime eval --corpus`, in a build without the fixture site.
#[cfg(not(feature = "demo"))]
pub async fn corpus(_: Config, _: usize, _: &[String]) -> Result<ExitCode> {
    anyhow::bail!(crate::WITHOUT_DEMO)
}

/// `ragtime eval --corpus`: every corpus page of the fixture site, tuned and held-out
/// pages reported apart.
#[cfg(feature = "demo")]
pub async fn corpus(mut config: Config, jobs: usize, only: &[String]) -> Result<ExitCode> {
    let site = FixtureSite::start()
        .await
        .context("starting the fixture site")?;
    config.browser.allow_hosts.extend(site.allow_hosts());
    let cases = corpus::pages()
        .into_iter()
        .map(|page| {
            let audio = site.corpus_audio_url(page.expected);
            Case {
                name: page.slug.to_string(),
                url: site.corpus_url(page.slug),
                outcome: audio.is_none().then_some(eval::Outcome::AwaitingHuman),
                audio,
                group: Some(page.set.name().to_string()),
                known_miss: corpus::known_miss(page.slug).map(str::to_string),
            }
        })
        .collect();
    evaluate(config, eval::select(cases, only)?, jobs).await
}
