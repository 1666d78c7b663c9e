//! `ragtime eval`: the configured planner over a list of cases, each a real attempt
//! on real Chromium through the normal runtime and sinks, judged against what the
//! case expects.
//!
//! A case file is TOML, one `[[case]]` table per page:
//!
//! ```toml
//! [[case]]
//! name = "german-menu"
//! url = "https://example.org/episodes/4"
//! audio = "https://example.org/audio/4.mp3"   # the MP3 must come from here (or this is a hop)
//!
//! [[case]]
//! name = "login-wall"
//! url = "https://example.org/episodes/5"
//! outcome = "awaiting_human"
//! ```
//!
//! A case is right when it recovers audio from the expected URL (the URL it asked for
//! or any hop of its redirects), or when it escalates a page that expects it. URLs
//! are compared without their query: players add cache-busters and tracking
//! parameters (`?_=1`, `?source=webplayer`) to the same file.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ragtime_core::{AttemptId, AttemptStatus};
use serde::Deserialize;
use thiserror::Error;
use url::Url;

use crate::App;
use crate::app::AttemptRequest;

/// Why the case file could not be loaded or a case found.
#[derive(Debug, Error)]
pub enum EvalError {
    /// The case file could not be read.
    #[error("cannot read the case file {path}: {error}")]
    Read {
        /// The case file.
        path: String,
        /// Why reading it failed.
        error: std::io::Error,
    },
    /// The case file is not valid TOML or a case in it is malformed.
    #[error("invalid case file {path}: {message}")]
    Invalid {
        /// The case file.
        path: String,
        /// What is wrong, naming the case.
        message: String,
    },
    /// A name given to select cases is not in the file.
    #[error("no case named {name:?}; the cases are: {known}")]
    UnknownCase {
        /// The name asked for.
        name: String,
        /// The file's case names, comma-separated.
        known: String,
    },
}

/// What a case expects of its attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The attempt must end `resolved` with the audio downloaded.
    Resolved,
    /// The attempt must escalate (`awaiting_human`): there is no audio to find.
    AwaitingHuman,
}

/// One page to recover, and what must come of it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The case's name, unique in its file; `--case` picks cases by it.
    pub name: String,
    /// The episode page.
    pub url: String,
    /// Where the downloaded MP3 must come from; implies `outcome = "resolved"`.
    #[serde(default)]
    pub audio: Option<String>,
    /// The status the attempt must end in; `resolved` when left out.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// A label to report cases by (say, "held-out"); cases without one are "cases".
    #[serde(default)]
    pub group: Option<String>,
    /// Why the planner is known to get this case wrong: a wrong result is reported as
    /// a known miss and does not fail the run (a right one is simply right).
    #[serde(default)]
    pub known_miss: Option<String>,
}

impl Case {
    fn expected(&self) -> Outcome {
        self.outcome.unwrap_or(Outcome::Resolved)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(default, rename = "case")]
    cases: Vec<Case>,
}

/// Reads and checks a case file.
pub fn load(path: &Path) -> Result<Vec<Case>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|error| EvalError::Read {
        path: path.display().to_string(),
        error,
    })?;
    parse(&text).map_err(|message| EvalError::Invalid {
        path: path.display().to_string(),
        message,
    })
}

/// The cases named in `only`, in their order in `cases`; all of them when `only` is
/// empty. A name that is not a case is an error that lists the names.
pub fn select(cases: Vec<Case>, only: &[String]) -> Result<Vec<Case>, EvalError> {
    if let Some(name) = only.iter().find(|n| !cases.iter().any(|c| c.name == **n)) {
        return Err(EvalError::UnknownCase {
            name: name.clone(),
            known: cases
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(cases
        .into_iter()
        .filter(|c| only.is_empty() || only.contains(&c.name))
        .collect())
}

/// Parses case-file text: every case needs a unique name, an http(s) URL, and either
/// an `audio` URL or `outcome = "awaiting_human"`.
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let file: CaseFile = toml::from_str(text).map_err(|e| e.message().replace('\n', " "))?;
    if file.cases.is_empty() {
        return Err("no [[case]] tables".to_string());
    }
    for (i, case) in file.cases.iter().enumerate() {
        let name = &case.name;
        if name.trim().is_empty() {
            return Err(format!("case {} has an empty name", i + 1));
        }
        if file.cases[..i].iter().any(|c| c.name == *name) {
            return Err(format!("case {name:?} is named twice"));
        }
        for (key, value) in [("url", Some(&case.url)), ("audio", case.audio.as_ref())] {
            if let Some(value) = value {
                let parsed = Url::parse(value)
                    .map_err(|e| format!("case {name:?}: {key} is not a URL ({e})"))?;
                if !matches!(parsed.scheme(), "http" | "https") {
                    return Err(format!("case {name:?}: {key} must be http or https"));
                }
            }
        }
        match (case.audio.is_some(), case.outcome) {
            (true, Some(Outcome::AwaitingHuman)) => {
                return Err(format!(
                    "case {name:?} expects both audio and awaiting_human; give one"
                ));
            }
            (false, None | Some(Outcome::Resolved)) => {
                return Err(format!(
                    "case {name:?}: say where the audio must come from (audio = \"...\") or outcome = \"awaiting_human\""
                ));
            }
            _ => {}
        }
    }
    Ok(file.cases)
}

/// How a case came out.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The attempt resolved and the audio came from where the case says.
    Recovered,
    /// The attempt escalated, as the case expects.
    CorrectEscalation,
    /// Anything else; the text says what came out instead.
    Wrong(String),
    /// Wrong, on a case listed as a known miss (what came out, why it is known).
    KnownMiss(String, String),
}

impl Verdict {
    /// The verdict as the table and the progress lines show it.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Recovered => "recovered".to_string(),
            Verdict::CorrectEscalation => "correct escalation".to_string(),
            Verdict::Wrong(why) => format!("WRONG: {why}"),
            Verdict::KnownMiss(what, why) => format!("known miss ({why}): {what}"),
        }
    }
}

/// One case's attempt and verdict.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// The case that ran.
    pub case: Case,
    /// Its attempt, to look up in the admin.
    pub attempt_id: AttemptId,
    /// The status the attempt ended in.
    pub status: AttemptStatus,
    /// Tool calls the attempt made.
    pub steps: u32,
    /// Wall-clock time of the attempt, in seconds.
    pub seconds: f64,
    /// What the result means for the case.
    pub verdict: Verdict,
}

/// The URLs a download came from, as the planner's final message names them:
/// `... from URL -> URL -> URL`.
fn hops(message: &str) -> Vec<Url> {
    message
        .rsplit_once(" from ")
        .map(|(_, chain)| chain)
        .unwrap_or("")
        .split(" -> ")
        .filter_map(|u| Url::parse(u.trim()).ok())
        .collect()
}

fn judge(case: &Case, status: AttemptStatus, audio_url: Option<&str>, message: &str) -> Verdict {
    match (
        judge_outcome(case, status, audio_url, message),
        &case.known_miss,
    ) {
        (Verdict::Wrong(what), Some(why)) => Verdict::KnownMiss(what, why.clone()),
        (verdict, _) => verdict,
    }
}

fn judge_outcome(
    case: &Case,
    status: AttemptStatus,
    audio_url: Option<&str>,
    message: &str,
) -> Verdict {
    match (case.expected(), status) {
        (Outcome::AwaitingHuman, AttemptStatus::AwaitingHuman) => Verdict::CorrectEscalation,
        (Outcome::Resolved, AttemptStatus::Resolved) => {
            let Some(expected) = case.audio.as_deref().and_then(|a| Url::parse(a).ok()) else {
                return Verdict::Recovered;
            };
            let mut came_from = hops(message);
            came_from.extend(audio_url.and_then(|u| Url::parse(u).ok()));
            let file = |u: &Url| {
                (
                    u.scheme().to_string(),
                    u.host_str().map(str::to_string),
                    u.port_or_known_default(),
                    u.path().to_string(),
                )
            };
            if came_from.iter().any(|u| file(u) == file(&expected)) {
                Verdict::Recovered
            } else {
                Verdict::Wrong(format!(
                    "downloaded from {}, not {expected}",
                    audio_url.unwrap_or("?")
                ))
            }
        }
        (Outcome::AwaitingHuman, other) => {
            Verdict::Wrong(format!("{other} although there is no audio to get"))
        }
        (Outcome::Resolved, other) => Verdict::Wrong(format!(
            "{other}: {}",
            ragtime_timeline::clean(message, 120)
        )),
    }
}

/// Runs every case, `jobs` at once; `progress` hears of each result as it comes.
pub async fn run(
    app: Arc<App>,
    cases: Vec<Case>,
    jobs: usize,
    progress: impl Fn(&CaseResult) + Send + Sync + 'static,
) -> Result<Vec<CaseResult>, crate::AppError> {
    let gate = Arc::new(tokio::sync::Semaphore::new(jobs.max(1)));
    let progress = Arc::new(progress);
    let mut running = tokio::task::JoinSet::new();
    for (index, case) in cases.into_iter().enumerate() {
        let (app, gate, progress) = (Arc::clone(&app), Arc::clone(&gate), Arc::clone(&progress));
        running.spawn(async move {
            let _slot = gate.acquire_owned().await;
            let started = Instant::now();
            let request = AttemptRequest {
                episode_url: case.url.clone(),
                strategy: "agent".to_string(),
                worker_id: Some("eval".to_string()),
                ..Default::default()
            };
            let report = app.start_agent_attempt(request).await?.wait().await;
            let verdict = judge(
                &case,
                report.status,
                report.audio_url.as_deref(),
                &report.message,
            );
            let result = CaseResult {
                case,
                attempt_id: report.attempt_id,
                status: report.status,
                steps: report.steps,
                seconds: started.elapsed().as_secs_f64(),
                verdict,
            };
            progress(&result);
            Ok::<_, crate::AppError>((index, result))
        });
    }
    let mut results = Vec::new();
    while let Some(done) = running.join_next().await {
        match done {
            Ok(Ok(result)) => results.push(result),
            Ok(Err(err)) => return Err(err),
            // A case that panicked has no result: the run must not pass without it.
            Err(err) => return Err(crate::AppError::Eval(format!("a case stopped: {err}"))),
        }
    }
    results.sort_by_key(|(index, _)| *index);
    Ok(results.into_iter().map(|(_, r)| r).collect())
}

/// The results as a table: case, outcome, expected, steps, seconds, verdict.
pub fn table(results: &[CaseResult]) -> String {
    let width = results
        .iter()
        .map(|r| r.case.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "{:<width$}  {:<15} {:<15} {:>5} {:>7}  verdict\n",
        "case", "outcome", "expected", "steps", "seconds"
    );
    for r in results {
        let expected = match r.case.expected() {
            Outcome::Resolved => "resolved",
            Outcome::AwaitingHuman => "awaiting_human",
        };
        let verdict = r.verdict.describe();
        out.push_str(&format!(
            "{:<width$}  {:<15} {:<15} {:>5} {:>7.2}  {verdict}  (attempt {})\n",
            ragtime_timeline::clean(&r.case.name, 60),
            r.status.as_str(),
            expected,
            r.steps,
            r.seconds,
            r.attempt_id
        ));
    }
    out
}

/// Counts and times of some results.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Results counted.
    pub cases: usize,
    /// Results [`Verdict::Recovered`].
    pub recovered: usize,
    /// Cases that expect `resolved`.
    pub recoverable: usize,
    /// Results [`Verdict::CorrectEscalation`].
    pub correct_escalations: usize,
    /// Cases that expect `awaiting_human`.
    pub escalations_expected: usize,
    /// Results [`Verdict::Wrong`].
    pub wrong: usize,
    /// Wrong results on cases listed as known misses.
    pub known_misses: usize,
    /// Median attempt time.
    pub median: Duration,
    /// 95th percentile attempt time.
    pub p95: Duration,
}

impl Summary {
    /// Counts and times of `results`.
    pub fn of<'a>(results: impl IntoIterator<Item = &'a CaseResult>) -> Summary {
        let results: Vec<&CaseResult> = results.into_iter().collect();
        let mut seconds: Vec<f64> = results.iter().map(|r| r.seconds).collect();
        seconds.sort_by(f64::total_cmp);
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a rounded index between 0 and len - 1, which fits a usize"
        )]
        let at = |p: f64| {
            seconds
                .get(((seconds.len().saturating_sub(1)) as f64 * p).round() as usize)
                .map_or(Duration::ZERO, |s| Duration::from_secs_f64(*s))
        };
        Summary {
            cases: results.len(),
            recovered: results
                .iter()
                .filter(|r| r.verdict == Verdict::Recovered)
                .count(),
            recoverable: results
                .iter()
                .filter(|r| r.case.expected() == Outcome::Resolved)
                .count(),
            correct_escalations: results
                .iter()
                .filter(|r| r.verdict == Verdict::CorrectEscalation)
                .count(),
            escalations_expected: results
                .iter()
                .filter(|r| r.case.expected() == Outcome::AwaitingHuman)
                .count(),
            wrong: results
                .iter()
                .filter(|r| matches!(r.verdict, Verdict::Wrong(_)))
                .count(),
            known_misses: results
                .iter()
                .filter(|r| matches!(r.verdict, Verdict::KnownMiss(..)))
                .count(),
            median: at(0.5),
            p95: at(0.95),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} case(s): recovered {}/{}, correct escalations {}/{}, wrong {}{}; median {:.2} s, p95 {:.2} s",
            self.cases,
            self.recovered,
            self.recoverable,
            self.correct_escalations,
            self.escalations_expected,
            self.wrong,
            if self.known_misses > 0 {
                format!(" (and {} known miss(es))", self.known_misses)
            } else {
                String::new()
            },
            self.median.as_secs_f64(),
            self.p95.as_secs_f64()
        )
    }
}

/// The summary of every group of cases, in the order the groups first appear.
pub fn summaries(results: &[CaseResult]) -> Vec<(String, Summary)> {
    let mut groups: Vec<String> = Vec::new();
    for r in results {
        let group = r.case.group.clone().unwrap_or_else(|| "cases".to_string());
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let summary = Summary::of(
                results
                    .iter()
                    .filter(|r| r.case.group.clone().unwrap_or_else(|| "cases".to_string()) == g),
            );
            (g, summary)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_files_are_checked_with_clear_errors() {
        let good = "[[case]]\nname = \"a\"\nurl = \"https://e.example/1\"\naudio = \"https://e.example/1.mp3\"\n\n\
                    [[case]]\nname = \"b\"\nurl = \"https://e.example/2\"\noutcome = \"awaiting_human\"\ngroup = \"held-out\"\n";
        let cases = parse(good).expect("parses");
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[1].group.as_deref(), Some("held-out"));
        for (bad, says) in [
            ("", "no [[case]]"),
            (
                "[[case]]\nname = \"a\"\nurl = \"https://e.example/1\"\n",
                "say where the audio",
            ),
            (
                "[[case]]\nname = \"a\"\nurl = \"ftp://e.example/1\"\noutcome = \"awaiting_human\"\n",
                "http or https",
            ),
            (
                "[[case]]\nname = \"a\"\nurl = \"https://e.example/1\"\noutcome = \"awaiting_human\"\n[[case]]\nname = \"a\"\nurl = \"https://e.example/2\"\noutcome = \"awaiting_human\"\n",
                "named twice",
            ),
            (
                "[[case]]\nname = \"a\"\nurl = \"https://e.example/1\"\nouctome = \"resolved\"\n",
                "ouctome",
            ),
            (
                "[[case]]\nname = \"a\"\nurl = \"https://e.example/1\"\naudio = \"https://e.example/a.mp3\"\noutcome = \"awaiting_human\"\n",
                "both",
            ),
        ] {
            let err = parse(bad).unwrap_err();
            assert!(err.contains(says), "{bad:?}: {err}");
        }
        let picked = select(cases.clone(), &["b".to_string()]).expect("b is a case");
        assert_eq!(picked.iter().map(|c| &c.name).collect::<Vec<_>>(), ["b"]);
        assert_eq!(select(cases.clone(), &[]).expect("all").len(), 2);
        let unknown = select(cases, &["c".to_string()]).unwrap_err().to_string();
        assert!(
            unknown.contains("\"c\"") && unknown.contains("a, b"),
            "{unknown}"
        );
    }

    #[test]
    fn a_wrong_result_on_a_known_miss_is_reported_as_one_and_a_right_one_is_right() {
        let case = Case {
            name: "locked".into(),
            url: "https://e.example/ep".into(),
            audio: None,
            outcome: Some(Outcome::AwaitingHuman),
            group: None,
            known_miss: Some("takes the preview".into()),
        };
        let wrong = judge(
            &case,
            AttemptStatus::Resolved,
            Some("https://e.example/p.mp3"),
            "",
        );
        assert!(
            matches!(&wrong, Verdict::KnownMiss(what, why) if what.contains("resolved") && why == "takes the preview"),
            "{wrong:?}"
        );
        assert_eq!(
            judge(&case, AttemptStatus::AwaitingHuman, None, ""),
            Verdict::CorrectEscalation
        );
        let summary = Summary::of([&CaseResult {
            case,
            attempt_id: AttemptId(1),
            status: AttemptStatus::Resolved,
            steps: 3,
            seconds: 1.0,
            verdict: wrong,
        }]);
        assert_eq!((summary.wrong, summary.known_misses), (0, 1));
    }

    #[test]
    fn a_recovery_counts_when_the_audio_came_from_the_expected_url_or_a_hop() {
        let case = Case {
            name: "x".into(),
            url: "https://e.example/ep".into(),
            audio: Some("https://cdn.example/final.mp3".into()),
            outcome: None,
            group: None,
            known_miss: None,
        };
        let message = "downloaded the episode audio: saved 10 bytes to m/x.mp3 (audio/mpeg) from https://track.example/r/cdn.example/final.mp3 -> https://cdn.example/final.mp3";
        assert_eq!(
            judge(
                &case,
                AttemptStatus::Resolved,
                Some("https://track.example/r/cdn.example/final.mp3"),
                message
            ),
            Verdict::Recovered
        );
        let elsewhere = "downloaded the episode audio: saved 10 bytes to m/x.mp3 (audio/mpeg) from https://cdn.example/preview.mp3";
        assert!(matches!(
            judge(
                &case,
                AttemptStatus::Resolved,
                Some("https://cdn.example/preview.mp3"),
                elsewhere
            ),
            Verdict::Wrong(_)
        ));
        assert!(matches!(
            judge(&case, AttemptStatus::AwaitingHuman, None, "no audio"),
            Verdict::Wrong(_)
        ));
        let busted = "downloaded the episode audio: saved 10 bytes to m/x.mp3 (audio/mpeg) from https://cdn.example/final.mp3?_=1";
        assert_eq!(
            judge(
                &case,
                AttemptStatus::Resolved,
                Some("https://cdn.example/final.mp3?_=1"),
                busted
            ),
            Verdict::Recovered,
            "a cache-buster is the same file"
        );
    }
}
