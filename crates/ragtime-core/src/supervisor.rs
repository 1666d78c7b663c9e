//! `AttemptSupervisor`: owns one recovery attempt from dispatch to terminal status.
//!
//! Its mailbox is the attempt's clock: the planner runs in a task that answers with
//! `Planned`, the tool actor answers with `ToolReturned`, and timers answer with
//! `ToolDeadline` / `AttemptDeadline`. Because no handler waits on a tool or the
//! planner, deadlines and cancels are served even when a tool never returns. The
//! supervisor alone numbers steps and reports them, so sinks see one ordered story.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures_util::FutureExt;
use ractor::{Actor, ActorProcessingErr, ActorRef, SupervisionEvent};
use tokio::sync::oneshot;
use tokio::task::{AbortHandle, JoinHandle};

use crate::error::LedgerError;
use crate::error::{PlannerError, ToolError};
use crate::event::{
    AttemptFinished, AttemptStarted, AttemptStatus, EventKind, PlannerNote, ProgressEvent,
    ScreenshotTaken, StepOutcome, ToolCallFinished, ToolCallStarted,
};
use crate::ledger::{AttemptEnd, AttemptLedger};
use crate::messages::{
    AttemptMsg, AttemptRegistry, AttemptReport, AttemptSpec, StoredScreenshot, ToolMsg, ToolReturn,
};
use crate::planner::{Action, Decision, ToolCallRecord};
use crate::progress::ProgressMsg;
use crate::settings::RuntimeSettings;
use crate::tool::{ToolCall, ToolSpec};
use crate::tool_actor::{ToolActor, ToolActorArgs};

/// The actor that owns one attempt: it asks the planner, runs calls on its tool actor under
/// deadlines, restarts the tool actor after a crash, and writes the end.
pub struct AttemptSupervisor;

/// What an [`AttemptSupervisor`] starts with.
pub struct SupervisorArgs {
    /// The attempt to run: its id, context, planner and tools.
    pub spec: AttemptSpec,
    /// Deadlines and budgets.
    pub settings: Arc<RuntimeSettings>,
    /// Where its events go.
    pub progress: ActorRef<ProgressMsg>,
    /// Heartbeats, the terminal write and screenshots.
    pub ledger: Arc<dyn AttemptLedger>,
    /// The runtime's live attempts; the supervisor removes itself when it ends.
    pub registry: AttemptRegistry,
    /// Receives the report once the terminal status is written.
    pub done: oneshot::Sender<AttemptReport>,
}

struct InFlight {
    step: u32,
    call: ToolCall,
    started: Instant,
    started_at: DateTime<Utc>,
    deadline: Duration,
    timer: JoinHandle<Result<(), ractor::MessagingErr<AttemptMsg>>>,
}

/// An [`AttemptSupervisor`]'s state: the call in flight, the history, counters and timers.
pub struct SupervisorState {
    spec: AttemptSpec,
    tool_specs: Arc<[ToolSpec]>,
    settings: Arc<RuntimeSettings>,
    progress: ActorRef<ProgressMsg>,
    ledger: Arc<dyn AttemptLedger>,
    registry: AttemptRegistry,
    done: Option<oneshot::Sender<AttemptReport>>,
    tool_actor: ActorRef<ToolMsg>,
    in_flight: Option<InFlight>,
    /// Shared with the planner task; no copy is made once that task is done.
    history: Arc<Vec<ToolCallRecord>>,
    steps: u32,
    crashes: u32,
    generation: u64,
    planner_task: Option<AbortHandle>,
    heartbeat_task: Option<JoinHandle<()>>,
    timers: Vec<JoinHandle<()>>,
    finished: bool,
}

/// How an attempt ends, before it is written.
struct Ending {
    status: AttemptStatus,
    message: String,
    audio_url: Option<String>,
    /// Outcome recorded for a call still in flight when the attempt ends.
    in_flight_outcome: StepOutcome,
}

impl Actor for AttemptSupervisor {
    type Msg = AttemptMsg;
    type State = SupervisorState;
    type Arguments = SupervisorArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: SupervisorArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        if !args.registry.insert(args.spec.attempt_id, myself.clone()) {
            return Err(format!("attempt {} is already running", args.spec.attempt_id).into());
        }
        let tool_actor = match spawn_tool_actor(&myself, &args).await {
            Ok(actor) => actor,
            Err(err) => {
                args.registry.remove(args.spec.attempt_id);
                return Err(err);
            }
        };
        let deadline_timer = {
            let me = myself.clone();
            let after = args.settings.attempt_deadline;
            tokio::spawn(async move {
                tokio::time::sleep(after).await;
                let _ = me.cast(AttemptMsg::AttemptDeadline);
            })
        };
        let heartbeat_timer =
            myself.send_interval(args.settings.heartbeat_interval, || AttemptMsg::Heartbeat);
        let state = SupervisorState {
            tool_specs: args.spec.tools.specs().into(),
            spec: args.spec,
            settings: args.settings,
            progress: args.progress,
            ledger: args.ledger,
            registry: args.registry,
            done: Some(args.done),
            tool_actor,
            in_flight: None,
            history: Arc::default(),
            steps: 0,
            crashes: 0,
            generation: 0,
            planner_task: None,
            heartbeat_task: None,
            timers: vec![deadline_timer, heartbeat_timer],
            finished: false,
        };
        state.emit(EventKind::AttemptStarted(AttemptStarted {
            strategy: state.spec.strategy.clone(),
            planner: state.spec.planner.name().to_string(),
            episode_id: state.spec.context.episode_id,
            url: state.spec.context.url.clone(),
        }));
        myself.cast(AttemptMsg::PlanNext)?;
        Ok(state)
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: AttemptMsg,
        state: &mut SupervisorState,
    ) -> Result<(), ActorProcessingErr> {
        if state.finished {
            if let AttemptMsg::Cancel {
                reply: Some(reply), ..
            } = message
            {
                let _ = reply.send(false);
            }
            return Ok(());
        }
        match message {
            AttemptMsg::PlanNext => state.plan_next(&myself).await,
            AttemptMsg::Planned {
                generation,
                decision,
            } => {
                if generation == state.generation && state.in_flight.is_none() {
                    state.planner_task = None;
                    state.apply_decision(&myself, decision).await;
                }
            }
            AttemptMsg::ToolReturned(ret) => state.tool_returned(&myself, ret),
            AttemptMsg::ToolDeadline { step } => {
                if state.in_flight.as_ref().is_some_and(|f| f.step == step) {
                    let deadline = state
                        .in_flight
                        .as_ref()
                        .map(|f| f.deadline)
                        .unwrap_or_default();
                    state.complete_in_flight(
                        StepOutcome::Timeout,
                        format!(
                            "no answer within the tool deadline of {}",
                            fmt_duration(deadline)
                        ),
                    );
                    // The call may ignore cancellation; the actor running it is killed
                    // and a fresh one takes the next call.
                    state.replace_tool_actor(&myself).await?;
                    let _ = myself.cast(AttemptMsg::PlanNext);
                }
            }
            AttemptMsg::AttemptDeadline => {
                let during = state
                    .in_flight
                    .as_ref()
                    .map(|f| format!(" during step {} ({})", f.step, f.call.tool));
                let message = format!(
                    "attempt deadline of {} reached{}",
                    fmt_duration(state.settings.attempt_deadline),
                    during.unwrap_or_default()
                );
                state
                    .finish(&myself, Ending::escalate(message, StepOutcome::Timeout))
                    .await;
            }
            AttemptMsg::Heartbeat => state.heartbeat(),
            AttemptMsg::Cancel { reason, reply } => {
                let ending = Ending {
                    status: AttemptStatus::Cancelled,
                    message: reason,
                    audio_url: None,
                    in_flight_outcome: StepOutcome::Cancelled,
                };
                state.finish(&myself, ending).await;
                if let Some(reply) = reply {
                    let _ = reply.send(true);
                }
            }
        }
        Ok(())
    }

    async fn handle_supervisor_evt(
        &self,
        myself: ActorRef<Self::Msg>,
        event: SupervisionEvent,
        state: &mut SupervisorState,
    ) -> Result<(), ActorProcessingErr> {
        let (cell, reason) = match event {
            SupervisionEvent::ActorFailed(cell, err) => (cell, err.to_string()),
            SupervisionEvent::ActorTerminated(cell, _, reason) => {
                (cell, reason.unwrap_or_else(|| "stopped".to_string()))
            }
            _ => return Ok(()),
        };
        // Actors we killed on a deadline report late; only the current one matters.
        if state.finished || cell.get_id() != state.tool_actor.get_id() {
            return Ok(());
        }
        state.crashes += 1;
        tracing::warn!(attempt = state.spec.attempt_id.get(), crashes = state.crashes, %reason, "tool actor crashed");
        state.complete_in_flight(StepOutcome::Crashed, format!("tool crashed: {reason}"));
        if state.crashes > state.settings.restart_budget {
            let message = format!(
                "tool actor crashed {} times, over the restart budget of {}: {reason}",
                state.crashes, state.settings.restart_budget
            );
            state
                .finish(&myself, Ending::escalate(message, StepOutcome::Crashed))
                .await;
            return Ok(());
        }
        state.replace_tool_actor(&myself).await?;
        let _ = myself.cast(AttemptMsg::PlanNext);
        Ok(())
    }

    async fn post_stop(
        &self,
        myself: ActorRef<Self::Msg>,
        state: &mut SupervisorState,
    ) -> Result<(), ActorProcessingErr> {
        // Stopped from outside (runtime shutdown) before it ended on its own.
        if !state.finished {
            let ending = Ending {
                status: AttemptStatus::Cancelled,
                message: "runtime shut down during the attempt".to_string(),
                audio_url: None,
                in_flight_outcome: StepOutcome::Cancelled,
            };
            state.finish(&myself, ending).await;
        }
        Ok(())
    }
}

async fn spawn_tool_actor(
    myself: &ActorRef<AttemptMsg>,
    args: &SupervisorArgs,
) -> Result<ActorRef<ToolMsg>, ActorProcessingErr> {
    let tool_args = ToolActorArgs {
        attempt_id: args.spec.attempt_id,
        tools: Arc::clone(&args.spec.tools),
        supervisor: myself.clone(),
        ledger: Arc::clone(&args.ledger),
        screenshot_max_bytes: args.settings.screenshot_max_bytes,
    };
    let (actor, _) = Actor::spawn_linked(None, ToolActor, tool_args, myself.get_cell()).await?;
    Ok(actor)
}

impl Ending {
    fn escalate(message: String, in_flight_outcome: StepOutcome) -> Self {
        Ending {
            status: AttemptStatus::AwaitingHuman,
            message,
            audio_url: None,
            in_flight_outcome,
        }
    }
}

impl SupervisorState {
    fn emit(&self, kind: EventKind) {
        let event = ProgressEvent {
            texts_cut: false,
            attempt_id: self.spec.attempt_id,
            trace_id: self.spec.trace_id,
            at: Utc::now(),
            kind,
        };
        if self.progress.cast(ProgressMsg::Publish(event)).is_err() {
            tracing::error!(
                attempt = self.spec.attempt_id.get(),
                "progress actor is gone; event not reported"
            );
        }
    }

    async fn plan_next(&mut self, myself: &ActorRef<AttemptMsg>) {
        if self.in_flight.is_some() || self.planner_task.is_some() {
            return;
        }
        if self.steps >= self.settings.max_steps {
            let message = format!(
                "used all {} tool calls this attempt may make",
                self.settings.max_steps
            );
            self.finish(myself, Ending::escalate(message, StepOutcome::Cancelled))
                .await;
            return;
        }
        self.generation += 1;
        let generation = self.generation;
        let planner = Arc::clone(&self.spec.planner);
        let context = Arc::clone(&self.spec.context);
        let history = Arc::clone(&self.history);
        let tools = Arc::clone(&self.tool_specs);
        let me = myself.clone();
        let planning = tokio::spawn(async move {
            // A panicking planner becomes a planner error instead of a silent hang.
            let decision = AssertUnwindSafe(planner.next(&context, &history, &tools))
                .catch_unwind()
                .await
                .unwrap_or_else(|panic| {
                    Err(PlannerError::Unavailable(format!(
                        "planner panicked: {}",
                        panic_text(&*panic)
                    )))
                });
            let _ = me.cast(AttemptMsg::Planned {
                generation,
                decision,
            });
        });
        self.planner_task = Some(planning.abort_handle());
    }

    async fn apply_decision(
        &mut self,
        myself: &ActorRef<AttemptMsg>,
        decision: Result<Decision, PlannerError>,
    ) {
        let decision = match decision {
            Ok(decision) => decision,
            Err(err) => {
                let message = format!("planner failed: {err}");
                self.finish(myself, Ending::escalate(message, StepOutcome::Cancelled))
                    .await;
                return;
            }
        };
        match decision.action {
            Action::Call(call) => {
                self.steps += 1;
                let step = self.steps;
                self.emit(EventKind::ToolCallStarted(ToolCallStarted {
                    step,
                    tool: call.tool.clone(),
                    args: call.args.clone(),
                }));
                if let Some(note) = decision.note {
                    self.emit(EventKind::PlannerNote(PlannerNote {
                        step: Some(step),
                        note,
                    }));
                }
                let deadline = self.settings.deadline_for(&call.tool);
                let timer = myself.send_after(deadline, move || AttemptMsg::ToolDeadline { step });
                self.in_flight = Some(InFlight {
                    step,
                    call: call.clone(),
                    started: Instant::now(),
                    started_at: Utc::now(),
                    deadline,
                    timer,
                });
                if self.spec.tools.get(&call.tool).is_none() {
                    // Planner output is untrusted: an unknown tool is an error step, not a crash.
                    let known: Vec<&str> = self.spec.tools.names().collect();
                    let message = format!(
                        "no tool named {:?}; known tools: {}",
                        call.tool,
                        known.join(", ")
                    );
                    self.complete_in_flight(StepOutcome::Error, message);
                    let _ = myself.cast(AttemptMsg::PlanNext);
                } else if self.tool_actor.cast(ToolMsg::Run { step, call }).is_err() {
                    self.complete_in_flight(StepOutcome::Crashed, "tool actor is gone".to_string());
                    let _ = self.replace_tool_actor(myself).await;
                    let _ = myself.cast(AttemptMsg::PlanNext);
                }
            }
            Action::Finish(result) => {
                if let Some(note) = decision.note {
                    self.emit(EventKind::PlannerNote(PlannerNote { step: None, note }));
                }
                let status = if result.resolved {
                    AttemptStatus::Resolved
                } else {
                    AttemptStatus::AwaitingHuman
                };
                let ending = Ending {
                    status,
                    message: result.message,
                    audio_url: result.audio_url,
                    in_flight_outcome: StepOutcome::Cancelled,
                };
                self.finish(myself, ending).await;
            }
        }
    }

    fn tool_returned(&mut self, myself: &ActorRef<AttemptMsg>, ret: ToolReturn) {
        if self.in_flight.as_ref().is_none_or(|f| f.step != ret.step) {
            return;
        }
        let step = ret.step;
        let mut screenshot_note = None;
        match ret.screenshot {
            Some(StoredScreenshot::Stored { id, size_bytes }) => {
                self.emit(EventKind::ScreenshotTaken(ScreenshotTaken {
                    step,
                    screenshot_id: id,
                    size_bytes,
                }));
            }
            Some(StoredScreenshot::Refused { reason }) => screenshot_note = Some(reason),
            None => {}
        }
        let (outcome, mut output) = match ret.result {
            Ok(text) => (StepOutcome::Success, text),
            Err(ToolError::Blocked(reason)) => (StepOutcome::Blocked, reason),
            Err(err) => (StepOutcome::Error, err.to_string()),
        };
        if let Some(note) = screenshot_note {
            output = format!("{output}\n(screenshot not stored: {note})");
        }
        self.complete_call(outcome, output, ret.data, ret.usage);
        let _ = myself.cast(AttemptMsg::PlanNext);
    }

    /// Reports the end of the call in flight, if any, and records it for the planner.
    fn complete_in_flight(&mut self, outcome: StepOutcome, output: String) {
        self.complete_call(outcome, output, None, None);
    }

    /// [`complete_in_flight`](Self::complete_in_flight) with the tool's structured facts
    /// and the model tokens it used.
    fn complete_call(
        &mut self,
        outcome: StepOutcome,
        output: String,
        data: Option<serde_json::Value>,
        usage: Option<crate::event::TokenUsage>,
    ) {
        let Some(flight) = self.in_flight.take() else {
            return;
        };
        flight.timer.abort();
        let duration_ms = u64::try_from(flight.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.emit(EventKind::ToolCallFinished(ToolCallFinished {
            step: flight.step,
            tool: flight.call.tool.clone(),
            args: flight.call.args.clone(),
            started_at: flight.started_at,
            outcome,
            duration_ms,
            output: output.clone(),
            usage,
        }));
        Arc::make_mut(&mut self.history).push(ToolCallRecord {
            step: flight.step,
            call: flight.call,
            outcome,
            output,
            data,
            usage,
        });
    }

    async fn replace_tool_actor(
        &mut self,
        myself: &ActorRef<AttemptMsg>,
    ) -> Result<(), ActorProcessingErr> {
        self.tool_actor.kill();
        let args = ToolActorArgs {
            attempt_id: self.spec.attempt_id,
            tools: Arc::clone(&self.spec.tools),
            supervisor: myself.clone(),
            ledger: Arc::clone(&self.ledger),
            screenshot_max_bytes: self.settings.screenshot_max_bytes,
        };
        let (actor, _) = Actor::spawn_linked(None, ToolActor, args, myself.get_cell()).await?;
        self.tool_actor = actor;
        Ok(())
    }

    fn heartbeat(&mut self) {
        if self
            .heartbeat_task
            .as_ref()
            .is_some_and(|t| !t.is_finished())
        {
            return;
        }
        let ledger = Arc::clone(&self.ledger);
        let attempt = self.spec.attempt_id;
        self.heartbeat_task = Some(tokio::spawn(async move {
            if let Err(err) = ledger.heartbeat(attempt, Utc::now()).await {
                tracing::warn!(attempt = attempt.get(), error = %err, "heartbeat not written");
            }
        }));
    }

    /// Ends the attempt: reports the call in flight and the end, writes the terminal
    /// status (retrying while the ledger is unavailable), answers the waiter, stops.
    async fn finish(&mut self, myself: &ActorRef<AttemptMsg>, ending: Ending) {
        if self.finished {
            return;
        }
        self.finished = true;
        if let Some(task) = self.planner_task.take() {
            task.abort();
        }
        for timer in self.timers.drain(..) {
            timer.abort();
        }
        if let Some(task) = self.heartbeat_task.take() {
            task.abort();
        }
        let interrupted = self
            .in_flight
            .as_ref()
            .map(|f| (f.step, f.call.tool.clone()));
        if let Some((step, tool)) = interrupted {
            let why = match ending.in_flight_outcome {
                StepOutcome::Timeout => format!("stopped by the attempt deadline while {tool} ran"),
                _ => format!("stopped while {tool} ran (step {step}): {}", ending.message),
            };
            self.complete_in_flight(ending.in_flight_outcome, why);
        }
        self.tool_actor.kill();
        let success = ending.status == AttemptStatus::Resolved;
        let end = AttemptEnd {
            status: ending.status,
            success,
            message: crate::redact::redact_text(&ending.message),
            finished_at: Utc::now(),
        };
        let written = self.write_end(&end).await;
        // After the terminal status is written (or given up on): a follower that sees
        // this event finds the row ended too, and needs to poll for nothing.
        self.emit(EventKind::AttemptFinished(AttemptFinished {
            status: ending.status,
            success,
            message: ending.message.clone(),
            steps: self.steps,
        }));
        self.registry.remove(self.spec.attempt_id);
        if let Some(done) = self.done.take() {
            let _ = done.send(AttemptReport {
                attempt_id: self.spec.attempt_id,
                status: ending.status,
                success,
                message: ending.message,
                steps: self.steps,
                audio_url: ending.audio_url,
                status_written: written,
            });
        }
        myself.stop(None);
    }

    async fn write_end(&self, end: &AttemptEnd) -> bool {
        let give_up = Instant::now() + self.settings.finish_write_timeout;
        let mut wait = Duration::from_millis(50);
        loop {
            match self.ledger.finish(self.spec.attempt_id, end).await {
                Ok(()) => return true,
                Err(err @ LedgerError::Unavailable(_)) if Instant::now() + wait < give_up => {
                    tracing::warn!(attempt = self.spec.attempt_id.get(), error = %err, "terminal status not written; retrying");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(2));
                }
                Err(err) => {
                    tracing::error!(
                        attempt = self.spec.attempt_id.get(), error = %err,
                        "gave up writing the terminal status; the stale-heartbeat sweep will mark it interrupted"
                    );
                    return false;
                }
            }
        }
    }
}

/// Durations in messages: "30s", "250ms", "2m".
pub fn fmt_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(60_000) && ms > 0 {
        format!("{}m", ms / 60_000)
    } else if ms.is_multiple_of(1000) && ms > 0 {
        format!("{}s", ms / 1000)
    } else {
        format!("{ms}ms")
    }
}

/// The message of a panic payload (a `&str` or a `String`), as far as it has one.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a non-text panic payload".to_string())
}
