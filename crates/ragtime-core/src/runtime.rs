//! `Runtime`: the handle an embedding program (the daemon, the CLI, tests) holds.
//!
//! It starts the progress actor and one sink actor per configured sink, spawns one
//! supervisor per attempt, and can cancel, flush and shut down. It is the only place
//! that knows how the actors are wired.

use std::sync::Arc;
use std::time::Duration;

use ractor::{Actor, ActorRef};
use tokio::sync::oneshot;

use crate::error::RuntimeError;
use crate::event::{AttemptId, AttemptStatus, ProgressEvent};
use crate::ledger::AttemptLedger;
use crate::messages::AttemptMsg;
pub use crate::messages::{AttemptRegistry, AttemptReport, AttemptSpec};
use crate::progress::{ProgressActor, ProgressArgs, ProgressMsg};
use crate::settings::{QueueSettings, RuntimeSettings};
use crate::sink::actor::SinkActorArgs;
use crate::sink::{Sink, SinkActor, SinkCounters, SinkHandle, SinkStats};
use crate::supervisor::{AttemptSupervisor, SupervisorArgs};

/// A sink to run, with the queue in front of it.
pub struct SinkSpec {
    /// The sink to run; it gets an actor of its own.
    pub sink: Arc<dyn Sink>,
    /// Its queue bound, batch size and retry backoff.
    pub queue: QueueSettings,
}

/// A running attempt: wait for it or cancel it.
pub struct AttemptHandle {
    /// The attempt this handle waits for.
    pub attempt_id: AttemptId,
    actor: ActorRef<AttemptMsg>,
    done: oneshot::Receiver<AttemptReport>,
}

impl AttemptHandle {
    /// Waits for the end of the attempt. The terminal status is written by then.
    pub async fn wait(self) -> AttemptReport {
        let attempt_id = self.attempt_id;
        self.done.await.unwrap_or_else(|_| AttemptReport {
            attempt_id,
            status: AttemptStatus::Interrupted,
            success: false,
            message: "the attempt's supervisor stopped without reporting".to_string(),
            steps: 0,
            audio_url: None,
            status_written: false,
        })
    }

    /// Asks the attempt to end as `cancelled`; returns at once.
    pub fn cancel(&self, reason: impl Into<String>) {
        let _ = self.actor.cast(AttemptMsg::Cancel {
            reason: reason.into(),
            reply: None,
        });
    }
}

/// The recovery runtime: the progress actor, one actor per sink, and a supervisor per
/// running attempt. One per daemon; [`shutdown`](Self::shutdown) ends it cleanly.
pub struct Runtime {
    settings: Arc<RuntimeSettings>,
    ledger: Arc<dyn AttemptLedger>,
    progress: ActorRef<ProgressMsg>,
    sinks: Vec<SinkHandle>,
    attempts: AttemptRegistry,
}

impl Runtime {
    /// Checks the redaction patterns, then starts one actor per sink and the progress actor
    /// in front of them.
    pub async fn start(
        settings: RuntimeSettings,
        sinks: Vec<SinkSpec>,
        ledger: Arc<dyn AttemptLedger>,
    ) -> Result<Self, RuntimeError> {
        // No sink may ever see an event unredacted.
        crate::redact::check_patterns().map_err(|e| RuntimeError::Redaction(e.to_string()))?;
        let mut handles = Vec::with_capacity(sinks.len());
        for spec in sinks {
            let counters = Arc::new(SinkCounters::default());
            let name = spec.sink.name().to_string();
            let capacity = spec.queue.capacity.max(1);
            let args = SinkActorArgs {
                sink: spec.sink,
                queue: spec.queue,
                counters: Arc::clone(&counters),
            };
            let (actor, _) =
                Actor::spawn(None, SinkActor, args)
                    .await
                    .map_err(|e| RuntimeError::Spawn {
                        what: "sink",
                        reason: e.to_string(),
                    })?;
            handles.push(SinkHandle {
                name,
                actor,
                counters,
                capacity,
            });
        }
        let args = ProgressArgs {
            sinks: handles.clone(),
            output_limit: settings.output_limit,
        };
        let (progress, _) =
            Actor::spawn(None, ProgressActor, args)
                .await
                .map_err(|e| RuntimeError::Spawn {
                    what: "progress",
                    reason: e.to_string(),
                })?;
        Ok(Runtime {
            settings: Arc::new(settings),
            ledger,
            progress,
            sinks: handles,
            attempts: AttemptRegistry::default(),
        })
    }

    /// The settings every attempt of this runtime runs under.
    pub fn settings(&self) -> &RuntimeSettings {
        &self.settings
    }

    /// Starts a supervised attempt for an existing attempt row.
    pub async fn spawn_attempt(&self, spec: AttemptSpec) -> Result<AttemptHandle, RuntimeError> {
        let attempt_id = spec.attempt_id;
        let (done_tx, done_rx) = oneshot::channel();
        let args = SupervisorArgs {
            spec,
            settings: Arc::clone(&self.settings),
            progress: self.progress.clone(),
            ledger: Arc::clone(&self.ledger),
            registry: self.attempts.clone(),
            done: done_tx,
        };
        // The supervisor registers itself in `pre_start`, refusing a duplicate id.
        let (actor, _) = Actor::spawn(None, AttemptSupervisor, args)
            .await
            .map_err(|e| {
                if self.attempts.get(attempt_id).is_some() {
                    RuntimeError::AttemptAlreadyRunning(attempt_id)
                } else {
                    RuntimeError::Spawn {
                        what: "attempt supervisor",
                        reason: e.to_string(),
                    }
                }
            })?;
        Ok(AttemptHandle {
            attempt_id,
            actor,
            done: done_rx,
        })
    }

    /// Cancels a running attempt by id and waits until its `cancelled` status is
    /// written. Returns false when no such attempt is running here.
    pub async fn cancel(&self, attempt_id: AttemptId, reason: impl Into<String>) -> bool {
        let Some(actor) = self.attempts.get(attempt_id) else {
            return false;
        };
        let reason = reason.into();
        matches!(
            actor
                .call(
                    |reply| AttemptMsg::Cancel {
                        reason,
                        reply: Some(reply)
                    },
                    None
                )
                .await,
            Ok(ractor::rpc::CallResult::Success(true))
        )
    }

    /// Hands an event to the sinks exactly as a supervisor does (redacted, then fanned
    /// out without waiting). For embedders that import events from elsewhere and for
    /// the benchmark of the fan-out; attempts never need it.
    pub fn publish(&self, event: ProgressEvent) -> Result<(), RuntimeError> {
        self.progress
            .cast(ProgressMsg::Publish(event))
            .map_err(|_| RuntimeError::ActorGone("progress"))
    }

    /// How many attempts are running in this runtime.
    pub fn running(&self) -> usize {
        self.attempts.len()
    }

    /// Waits until every sink has written what was published so far.
    pub async fn flush(&self, timeout: Duration) -> Result<(), RuntimeError> {
        let answer = self
            .progress
            .call(
                |reply| ProgressMsg::Flush { timeout, reply },
                Some(timeout + Duration::from_secs(1)),
            )
            .await
            .map_err(|_| RuntimeError::ActorGone("progress"))?;
        match answer {
            ractor::rpc::CallResult::Success(true) => Ok(()),
            _ => Err(RuntimeError::FlushTimeout(timeout)),
        }
    }

    /// Each sink's counters, in the order the sinks were given to [`start`](Self::start).
    pub fn sink_stats(&self) -> Vec<SinkStats> {
        self.sinks.iter().map(SinkHandle::stats).collect()
    }

    /// Cancels every running attempt and waits (up to `timeout` each) until each has
    /// written `cancelled`. The runtime stays up for new attempts.
    pub async fn cancel_all(&self, reason: &str, timeout: Duration) {
        let cancels: Vec<_> = self
            .attempts
            .all()
            .into_iter()
            .map(|actor| {
                let reason = reason.to_string();
                tokio::spawn(async move {
                    let _ = actor
                        .call(
                            |reply| AttemptMsg::Cancel {
                                reason,
                                reply: Some(reply),
                            },
                            Some(timeout),
                        )
                        .await;
                })
            })
            .collect();
        for cancel in cancels {
            let _ = cancel.await;
        }
    }

    /// Cancels every running attempt (each writes `cancelled`), flushes the sinks
    /// for up to `timeout`, then stops the actors.
    pub async fn shutdown(&self, timeout: Duration) -> Result<(), RuntimeError> {
        self.cancel_all("daemon shutting down", timeout).await;
        let flushed = self.flush(timeout).await;
        self.progress.stop(None);
        flushed
    }
}
