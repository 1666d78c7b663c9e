//! `SinkActor`: runs one sink, batching when behind and retrying with backoff.
//!
//! Events arrive as `Deliver` and go into a FIFO buffer; a self-addressed `Drain`
//! writes the front of the buffer. While a write is in flight new events wait in the
//! mailbox, so the next `Drain` finds them all and writes them as one batch. A failed
//! write keeps its batch at the front and schedules the next `Drain` after a backoff,
//! which keeps the order and loses nothing while the database is away.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};

use crate::error::SinkError;
use crate::event::ProgressEvent;
use crate::metrics as metrics_names;
use crate::settings::QueueSettings;
use crate::sink::{Sink, SinkCounters, SinkStats};

/// Messages of a [`SinkActor`].
pub enum SinkMsg {
    /// An event for the buffer, from the progress actor through
    /// [`SinkHandle`](super::SinkHandle).
    Deliver(Arc<ProgressEvent>),
    /// Write what is buffered; sent by the actor to itself.
    Drain,
    /// Replies once everything delivered before it has been written or given up on.
    Flush(RpcReplyPort<()>),
    /// Replies with the sink's counters.
    Stats(RpcReplyPort<SinkStats>),
}

/// The actor that runs one [`Sink`]: its buffer, batching and retries.
pub struct SinkActor;

/// What a [`SinkActor`] starts with.
pub struct SinkActorArgs {
    /// The sink it writes to.
    pub sink: Arc<dyn Sink>,
    /// Batch size and retry backoff.
    pub queue: QueueSettings,
    pub(crate) counters: Arc<SinkCounters>,
}

/// A [`SinkActor`]'s buffer, retry backoff and waiting flushes.
pub struct SinkActorState {
    sink: Arc<dyn Sink>,
    queue: QueueSettings,
    counters: Arc<SinkCounters>,
    buffer: VecDeque<Arc<ProgressEvent>>,
    drain_scheduled: bool,
    backoff: Option<Duration>,
    flush_waiters: Vec<RpcReplyPort<()>>,
}

impl Actor for SinkActor {
    type Msg = SinkMsg;
    type State = SinkActorState;
    type Arguments = SinkActorArgs;

    async fn pre_start(
        &self,
        _myself: ActorRef<Self::Msg>,
        args: SinkActorArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        Ok(SinkActorState {
            sink: args.sink,
            queue: args.queue,
            counters: args.counters,
            buffer: VecDeque::new(),
            drain_scheduled: false,
            backoff: None,
            flush_waiters: Vec::new(),
        })
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: SinkMsg,
        state: &mut SinkActorState,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            SinkMsg::Deliver(event) => {
                state.buffer.push_back(event);
                state.schedule_drain(&myself);
            }
            SinkMsg::Drain => {
                state.drain_scheduled = false;
                state.drain(&myself).await;
            }
            SinkMsg::Flush(reply) => {
                if state.buffer.is_empty() {
                    let _ = reply.send(());
                } else {
                    state.flush_waiters.push(reply);
                }
            }
            SinkMsg::Stats(reply) => {
                let _ = reply.send(state.counters.snapshot(state.sink.name()));
            }
        }
        Ok(())
    }
}

impl SinkActorState {
    fn schedule_drain(&mut self, myself: &ActorRef<SinkMsg>) {
        // While backing off, the retry timer owns the next drain.
        if !self.drain_scheduled && self.backoff.is_none() {
            self.drain_scheduled = myself.cast(SinkMsg::Drain).is_ok();
        }
    }

    async fn drain(&mut self, myself: &ActorRef<SinkMsg>) {
        let n = self.buffer.len().min(self.queue.max_batch.max(1));
        if n == 0 {
            self.answer_flushes();
            return;
        }
        let batch: Vec<Arc<ProgressEvent>> = self.buffer.iter().take(n).cloned().collect();
        let result = match self.write(&batch).await {
            Err(SinkError::Permanent(reason)) => {
                tracing::warn!(sink = %self.sink.name(), batch = n, %reason, "batch rejected; writing one by one");
                self.write_one_by_one(n).await
            }
            other => other.map(|()| self.settle(n, true)),
        };
        if let Err(err) = result {
            self.back_off(myself, n, &err);
            return;
        }
        self.backoff = None;
        if self.buffer.is_empty() {
            self.answer_flushes();
        } else {
            self.schedule_drain(myself);
        }
    }

    /// One write of the sink, timed and counted for the metrics.
    async fn write(&mut self, batch: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        let started = std::time::Instant::now();
        let result = self.sink.write_batch(batch).await;
        let sink = self.sink.name().to_string();
        metrics::histogram!(metrics_names::SINK_WRITE_DURATION, "sink" => sink.clone())
            .record(started.elapsed().as_secs_f64());
        if result.is_ok() {
            metrics::counter!(metrics_names::SINK_BATCHES, "sink" => sink).increment(1);
        }
        result
    }

    fn back_off(&mut self, myself: &ActorRef<SinkMsg>, batch: usize, err: &SinkError) {
        self.counters.retries.fetch_add(1, Ordering::Relaxed);
        metrics::counter!(metrics_names::SINK_RETRIES, "sink" => self.sink.name().to_string())
            .increment(1);
        let wait = match self.backoff {
            None => self.queue.retry_initial,
            Some(prev) => (prev * 2).min(self.queue.retry_max),
        };
        tracing::warn!(sink = %self.sink.name(), batch, retry_in = ?wait, error = %err, "sink write failed; will retry");
        self.backoff = Some(wait);
        myself.send_after(wait, || SinkMsg::Drain);
        self.drain_scheduled = true;
    }

    /// Isolates the event a permanent error is about, so one bad event costs only
    /// itself. A transient error stops the walk and is retried like any other.
    async fn write_one_by_one(&mut self, n: usize) -> Result<(), SinkError> {
        for _ in 0..n {
            let Some(event) = self.buffer.front().cloned() else {
                break;
            };
            match self.write(std::slice::from_ref(&event)).await {
                Ok(()) => self.settle(1, true),
                Err(SinkError::Permanent(reason)) => {
                    tracing::error!(
                        sink = %self.sink.name(), attempt = event.attempt_id.get(),
                        event = event.kind.name(), %reason,
                        "could not write progress event; giving up on it"
                    );
                    self.settle(1, false);
                }
                Err(transient) => return Err(transient),
            }
        }
        Ok(())
    }

    fn settle(&mut self, n: usize, written: bool) {
        self.buffer.drain(..n);
        self.counters.pending.fetch_sub(n, Ordering::AcqRel);
        let counter = if written {
            &self.counters.written
        } else {
            metrics::counter!(metrics_names::SINK_FAILED, "sink" => self.sink.name().to_string())
                .increment(n as u64);
            &self.counters.failed
        };
        counter.fetch_add(n as u64, Ordering::Relaxed);
    }

    fn answer_flushes(&mut self) {
        for reply in self.flush_waiters.drain(..) {
            let _ = reply.send(());
        }
    }
}
