//! The human step of the recovery chain: what an operator does for an episode the
//! agent could not finish, recorded as an attempt like any other.
//!
//! Each action runs through the runtime as an attempt with strategy `human`: a
//! planner that does exactly what the operator asked, and a tool per action, so the
//! episode's history reads the same whether a tool or a person acted, the steps
//! stream live, and every sink sees them. The episode is worked on under a lease, as
//! the pipeline would: "use this audio URL" resumes the pipeline at `download` (the
//! same egress gate and MP3 checks as any download), "give up" ends it `failed`, and
//! "retry with the agent" runs the agent again.

use std::sync::Arc;

use async_trait::async_trait;
use ragtime_core::{
    AttemptContext, AttemptId, Decision, EpisodeId, Planner, PlannerError, StepOutcome, Tool,
    ToolCallRecord, ToolContext, ToolError, ToolOutput, ToolRegistry, ToolSpec,
};
use ragtime_egress::EgressPolicy;
use ragtime_store::{EpisodeStatus, EpisodeUpdate};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use crate::app::{App, AppError, AttemptRequest};
use crate::pipeline::EpisodeRun;

/// What an operator does for an episode awaiting a human (or failed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HumanAction {
    /// The audio is at this URL: download it as the pipeline would.
    UseAudioUrl(String),
    /// The person uploaded the audio, already saved and checked as an MP3 at `path`
    /// (in the media directory): it becomes the episode's file.
    UseUploadedFile {
        /// Where the upload was saved.
        path: std::path::PathBuf,
        /// The file's name as uploaded.
        name: String,
        /// Its size.
        bytes: u64,
    },
    /// Nothing more will be tried: the episode ends `failed` with this reason.
    GiveUp(String),
    /// Run the agent again; counted against the failed pipeline step it retries,
    /// when known.
    RetryWithAgent {
        /// The `pipeline_events` row of that step.
        pipeline_event_id: Option<i64>,
    },
}

impl HumanAction {
    /// The attempt's strategy: the agent's for a retry, `human` otherwise.
    fn strategy(&self) -> &'static str {
        match self {
            HumanAction::RetryWithAgent { .. } => "agent",
            _ => "human",
        }
    }
}

/// Why an operator's action was not started.
#[derive(Debug, thiserror::Error)]
pub enum HumanError {
    /// No such episode.
    #[error("no episode {0}")]
    NoEpisode(EpisodeId),
    /// The episode is not waiting for a person (it is queued, in flight, or done).
    #[error("the episode is {}, not awaiting a human or failed", .0.as_str())]
    NotForAHuman(EpisodeStatus),
    /// Another action or a daemon holds the episode's lease.
    #[error("the episode is already being worked on")]
    Busy,
    /// The attempt could not start; the episode is back where it was, with the reason.
    #[error(transparent)]
    App(#[from] AppError),
}

/// Whether a person may resolve or give up an episode in `status`: it came to a
/// person (`awaiting_human`) or ended without its audio (`failed`).
pub fn open_to_a_person(status: EpisodeStatus) -> bool {
    matches!(status, EpisodeStatus::AwaitingHuman | EpisodeStatus::Failed)
}

impl App {
    /// Starts `action` for the episode `id` on behalf of `by` (who acted, as shown in
    /// the attempt), under a lease of its own; a task finishes it (the download, or the
    /// episode's end). Returns the attempt that records it.
    pub async fn act_for_human(
        self: &Arc<Self>,
        id: EpisodeId,
        action: HumanAction,
        by: &str,
    ) -> Result<AttemptId, HumanError> {
        let episode = self
            .store
            .episode(id)
            .await
            .map_err(AppError::from)?
            .ok_or(HumanError::NoEpisode(id))?;
        // A queued episode may be given to the agent at once; only an episode that
        // came to a person may be resolved or given up by one.
        let open_to = match action {
            HumanAction::RetryWithAgent { .. } => episode.status == EpisodeStatus::Queued,
            _ => false,
        };
        if !open_to && !open_to_a_person(episode.status) {
            return Err(HumanError::NotForAHuman(episode.status));
        }
        let was = episode.status;
        // No daemon claims it meanwhile, and a second click finds it taken.
        let worker = format!("admin@{}", self.origin);
        let lease = self.config.pipeline.lease;
        if !self
            .store
            .take_for_retry(id, &worker, lease)
            .await
            .map_err(AppError::from)?
        {
            return Err(HumanError::Busy);
        }
        let request = AttemptRequest {
            episode_url: episode.url.clone(),
            episode_id: Some(id),
            pipeline_event_id: match action {
                HumanAction::RetryWithAgent { pipeline_event_id } => pipeline_event_id,
                _ => None,
            },
            language: episode.language.clone(),
            strategy: action.strategy().to_string(),
            failure: Some(format!("{by}: {}", describe(&action))),
            worker_id: Some(worker.clone()),
        };
        let started = match &action {
            HumanAction::RetryWithAgent { .. } => self.start_agent_attempt(request).await,
            _ => {
                let planner = Arc::new(HumanPlanner {
                    action: action.clone(),
                    by: by.to_string(),
                });
                let tools = ToolRegistry::new()
                    .with(UseAudioUrl {
                        policy: Arc::clone(self.browser().policy()),
                    })
                    .with(UploadAudio)
                    .with(GiveUp);
                self.start_attempt(request, planner, Arc::new(tools)).await
            }
        };
        let handle = match started {
            Ok(handle) => handle,
            Err(err) => {
                // Nothing runs: the episode goes back as it was, with the reason.
                let update = EpisodeUpdate {
                    error: Some(format!("{by}'s action could not start: {err}")),
                    ..Default::default()
                };
                self.store
                    .set_episode_status(id, was, update)
                    .await
                    .map_err(AppError::from)?;
                return Err(err.into());
            }
        };
        let attempt = handle.attempt_id;
        let app = Arc::clone(self);
        tokio::spawn(async move {
            let result = match action {
                HumanAction::UseUploadedFile { path, .. } => {
                    app.take_upload(id, handle, &path).await
                }
                HumanAction::GiveUp(reason) => {
                    handle.wait().await;
                    let update = EpisodeUpdate {
                        error: Some(format!("given up by a person: {reason}")),
                        ..Default::default()
                    };
                    app.store
                        .set_episode_status(id, EpisodeStatus::Failed, update)
                        .await
                        .map(|()| EpisodeStatus::Failed)
                        .map_err(AppError::from)
                }
                // A found URL is downloaded as the pipeline would; any other end puts
                // the episode back in a person's hands with the reason.
                HumanAction::UseAudioUrl(_) | HumanAction::RetryWithAgent { .. } => {
                    // The admin has no stop of its own: the runtime's shutdown cancels
                    // the attempt, and the episode then awaits a human again.
                    let stop = CancellationToken::new();
                    let run = EpisodeRun {
                        app: &app,
                        settings: &app.config.pipeline,
                        worker_id: &worker,
                        stop: &stop,
                    };
                    run.finish_retry(id, handle).await
                }
            };
            match result {
                Ok(status) => tracing::info!(
                    episode = id.get(),
                    attempt = attempt.get(),
                    status = status.as_str(),
                    "a person's action ended"
                ),
                Err(err) => tracing::error!(
                    episode = id.get(),
                    attempt = attempt.get(),
                    error = %err,
                    "a person's action failed"
                ),
            }
        });
        Ok(attempt)
    }
}

impl App {
    /// Ends an upload's attempt: a resolved one makes the file the episode's audio;
    /// any other end removes it and puts the episode back with the reason.
    async fn take_upload(
        &self,
        id: EpisodeId,
        handle: ragtime_core::AttemptHandle,
        path: &std::path::Path,
    ) -> Result<EpisodeStatus, AppError> {
        let report = handle.wait().await;
        let target = path.with_file_name(format!("episode-{id}.mp3"));
        let placed = if report.success {
            tokio::fs::rename(path, &target)
                .await
                .map_err(|e| format!("the upload could not be kept: {e}"))
        } else {
            Err(report.message.clone())
        };
        let (status, update) = match placed {
            Ok(()) => (
                EpisodeStatus::Downloaded,
                EpisodeUpdate {
                    audio_file: Some(target.display().to_string()),
                    ..Default::default()
                },
            ),
            Err(why) => {
                let _ = tokio::fs::remove_file(path).await;
                (
                    EpisodeStatus::AwaitingHuman,
                    EpisodeUpdate {
                        error: Some(format!("the upload was not used: {why}")),
                        ..Default::default()
                    },
                )
            }
        };
        self.store.set_episode_status(id, status, update).await?;
        Ok(status)
    }
}

fn describe(action: &HumanAction) -> String {
    match action {
        HumanAction::UseUploadedFile { name, bytes, .. } => {
            format!("use the uploaded file {name} ({bytes} bytes)")
        }
        HumanAction::UseAudioUrl(url) => format!("use the audio URL {url}"),
        HumanAction::GiveUp(reason) => format!("give up ({reason})"),
        HumanAction::RetryWithAgent { .. } => "retry with the agent".to_string(),
    }
}

/// Does what the operator asked: one call, then the end it implies.
struct HumanPlanner {
    action: HumanAction,
    by: String,
}

#[async_trait]
impl Planner for HumanPlanner {
    fn name(&self) -> &str {
        "human"
    }

    async fn next(
        &self,
        _context: &AttemptContext,
        history: &[ToolCallRecord],
        _tools: &[ToolSpec],
    ) -> Result<Decision, PlannerError> {
        let by = &self.by;
        Ok(match (&self.action, history.last()) {
            (HumanAction::UseAudioUrl(url), None) => {
                Decision::call("use_audio_url", json!({"url": url, "by": by}))
            }
            (HumanAction::GiveUp(reason), None) => {
                Decision::call("give_up", json!({"reason": reason, "by": by}))
            }
            (HumanAction::UseUploadedFile { name, bytes, .. }, None) => Decision::call(
                "upload_audio",
                json!({"file": name, "bytes": bytes, "by": by}),
            ),
            (HumanAction::UseUploadedFile { .. }, Some(done))
                if done.outcome == StepOutcome::Success =>
            {
                Decision::resolve(format!("{by} uploaded the audio"), None)
            }
            (HumanAction::UseUploadedFile { .. }, Some(done)) => {
                Decision::escalate(format!("the upload was not used: {}", done.output))
            }
            (HumanAction::UseAudioUrl(url), Some(done)) if done.outcome == StepOutcome::Success => {
                Decision::resolve(format!("{by} gave the audio URL"), Some(url.clone()))
            }
            (HumanAction::UseAudioUrl(_), Some(done)) => {
                Decision::escalate(format!("the URL {by} gave was refused: {}", done.output))
            }
            (HumanAction::GiveUp(reason), Some(_)) => {
                Decision::escalate(format!("{by} gave up: {reason}"))
            }
            (HumanAction::RetryWithAgent { .. }, _) => {
                return Err(PlannerError::InvalidResponse(
                    "a retry is planned by the agent".to_string(),
                ));
            }
        })
    }
}

fn arg<'a>(args: &'a Value, key: &str) -> Result<&'a str, ToolError> {
    args.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ToolError::InvalidArgs(format!("{key} is required")))
}

/// An audio URL a person gave: checked against what the egress rules can tell
/// without DNS (the download goes through the gate, which checks every address).
struct UseAudioUrl {
    policy: Arc<EgressPolicy>,
}

#[async_trait]
impl Tool for UseAudioUrl {
    fn name(&self) -> &str {
        "use_audio_url"
    }
    fn description(&self) -> &str {
        "A person gives the episode's audio URL; the pipeline downloads it next."
    }
    fn parameters(&self) -> Value {
        json!({
            "type": "object",
            "properties": {"url": {"type": "string"}, "by": {"type": "string"}},
            "required": ["url", "by"]
        })
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let text = arg(args, "url")?;
        let by = arg(args, "by")?;
        let url =
            url::Url::parse(text).map_err(|e| ToolError::InvalidArgs(format!("not a URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(ToolError::InvalidArgs(
                "not an http(s) URL with a host".to_string(),
            ));
        }
        self.policy
            .admit(&url)
            .map_err(|refused| ToolError::Blocked(refused.to_string()))?;
        Ok(ToolOutput::text(format!(
            "{by} gave {url}; the pipeline downloads it next"
        )))
    }
}

/// A person uploaded the audio (saved and checked as an MP3 before the attempt).
struct UploadAudio;

#[async_trait]
impl Tool for UploadAudio {
    fn name(&self) -> &str {
        "upload_audio"
    }
    fn description(&self) -> &str {
        "A person uploads the episode's MP3; it becomes the episode's audio."
    }
    fn parameters(&self) -> Value {
        json!({
            "type": "object",
            "properties": {
                "file": {"type": "string"},
                "bytes": {"type": "integer"},
                "by": {"type": "string"}
            },
            "required": ["file", "bytes", "by"]
        })
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let file = arg(args, "file")?;
        let by = arg(args, "by")?;
        let bytes = args.get("bytes").and_then(Value::as_u64).unwrap_or(0);
        Ok(ToolOutput::text(format!(
            "{by} uploaded {file} ({bytes} bytes, an MP3)"
        )))
    }
}

/// A person ends the episode's ingest.
struct GiveUp;

#[async_trait]
impl Tool for GiveUp {
    fn name(&self) -> &str {
        "give_up"
    }
    fn description(&self) -> &str {
        "A person gives up on the episode, with a reason; it ends failed."
    }
    fn parameters(&self) -> Value {
        json!({
            "type": "object",
            "properties": {"reason": {"type": "string"}, "by": {"type": "string"}},
            "required": ["reason", "by"]
        })
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let reason = arg(args, "reason")?;
        let by = arg(args, "by")?;
        Ok(ToolOutput::text(format!("{by} gave up: {reason}")))
    }
}
