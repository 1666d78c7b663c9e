//! `ProgressActor`: the single entry point for progress events.
//!
//! It redacts secrets and truncates outputs once, before fan-out, and offers the
//! event to every sink's bounded queue. Offering never waits, so a slow or failing
//! sink can delay only itself, never an attempt or another sink.

use std::sync::Arc;
use std::time::Duration;

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};

use crate::event::ProgressEvent;
use crate::redact::scrub_event;
use crate::sink::{SinkHandle, SinkMsg, SinkStats};

/// Messages of the [`ProgressActor`].
pub enum ProgressMsg {
    /// Redact, truncate and offer one event to every sink.
    Publish(ProgressEvent),
    /// Replies when every sink has written (or given up on) everything published
    /// before this message, or when `timeout` has passed; the answer says which.
    Flush {
        /// How long to wait for the sinks before answering `false`.
        timeout: Duration,
        /// Receives `true` when every sink caught up in time.
        reply: RpcReplyPort<bool>,
    },
    /// Replies with each sink's counters, in configuration order.
    Stats(RpcReplyPort<Vec<SinkStats>>),
}

/// The one actor every progress event passes through on its way to the sinks.
pub struct ProgressActor;

/// What the [`ProgressActor`] starts with.
pub struct ProgressArgs {
    /// The sinks to fan out to; the actor stops them when it stops.
    pub sinks: Vec<SinkHandle>,
    /// Characters of tool output an event keeps; longer output is truncated before any sink
    /// sees it.
    pub output_limit: usize,
}

/// The [`ProgressActor`]'s state: its sinks and the output limit.
pub struct ProgressState {
    sinks: Vec<SinkHandle>,
    output_limit: usize,
}

impl Actor for ProgressActor {
    type Msg = ProgressMsg;
    type State = ProgressState;
    type Arguments = ProgressArgs;

    async fn pre_start(
        &self,
        _myself: ActorRef<Self::Msg>,
        args: ProgressArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        Ok(ProgressState {
            sinks: args.sinks,
            output_limit: args.output_limit,
        })
    }

    async fn handle(
        &self,
        _myself: ActorRef<Self::Msg>,
        message: ProgressMsg,
        state: &mut ProgressState,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            ProgressMsg::Publish(mut event) => {
                scrub_event(&mut event, state.output_limit);
                crate::metrics::record_event(&event);
                let event = Arc::new(event);
                for sink in &state.sinks {
                    sink.offer(Arc::clone(&event));
                }
            }
            ProgressMsg::Flush { timeout, reply } => {
                // The sinks' Flush messages queue behind every event offered so far;
                // waiting for them happens off this mailbox so publishing goes on.
                let mut answers = Vec::with_capacity(state.sinks.len());
                for sink in &state.sinks {
                    let (tx, rx) = tokio::sync::oneshot::channel();
                    if sink.actor.cast(SinkMsg::Flush(tx.into())).is_ok() {
                        answers.push(rx);
                    }
                }
                tokio::spawn(async move {
                    let all = async {
                        for answer in answers {
                            let _ = answer.await;
                        }
                    };
                    let done = tokio::time::timeout(timeout, all).await.is_ok();
                    let _ = reply.send(done);
                });
            }
            ProgressMsg::Stats(reply) => {
                let _ = reply.send(state.sinks.iter().map(SinkHandle::stats).collect());
            }
        }
        Ok(())
    }

    async fn post_stop(
        &self,
        _myself: ActorRef<Self::Msg>,
        state: &mut ProgressState,
    ) -> Result<(), ActorProcessingErr> {
        for sink in &state.sinks {
            sink.actor.stop(None);
        }
        Ok(())
    }
}
