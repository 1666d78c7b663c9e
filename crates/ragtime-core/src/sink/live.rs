//! The `live` sink: hands every event to subscribers in this process, such as the
//! admin's live pages.
//!
//! It is a broadcast: a slow subscriber misses events (it learns how many and
//! re-reads the rows) rather than holding anyone up. Events from other daemons can be
//! published into the same [`LiveFeed`], so a subscriber sees every attempt alike.

use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use crate::error::SinkError;
use crate::event::ProgressEvent;
use crate::sink::Sink;

/// Options of the `live` sink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LiveSinkConfig {
    /// Events each subscriber may fall behind by before it misses some and catches
    /// up from the database instead.
    pub capacity: usize,
}

impl Default for LiveSinkConfig {
    fn default() -> Self {
        LiveSinkConfig { capacity: 4096 }
    }
}

/// The broadcast channel behind the `live` sink. Cloning shares it.
#[derive(Debug, Clone)]
pub struct LiveFeed {
    sender: broadcast::Sender<Arc<ProgressEvent>>,
}

impl LiveFeed {
    /// A feed whose subscribers may each fall `capacity` events behind (at least 1).
    pub fn new(capacity: usize) -> LiveFeed {
        let (sender, _) = broadcast::channel(capacity.max(1));
        LiveFeed { sender }
    }

    /// Every event published from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<ProgressEvent>> {
        self.sender.subscribe()
    }

    /// Hands an event to the current subscribers; with none, it goes nowhere.
    pub fn publish(&self, event: Arc<ProgressEvent>) {
        // An error only means that nobody listens right now.
        let _ = self.sender.send(event);
    }

    /// How many subscribers are listening now.
    pub fn subscribers(&self) -> usize {
        self.sender.receiver_count()
    }
}

/// Publishes every event into a [`LiveFeed`]. It never fails and never waits.
#[derive(Debug, Clone)]
pub struct LiveSink {
    feed: LiveFeed,
}

impl LiveSink {
    /// A sink that publishes into `feed`.
    pub fn new(feed: LiveFeed) -> LiveSink {
        LiveSink { feed }
    }
}

#[async_trait]
impl Sink for LiveSink {
    fn name(&self) -> &str {
        "live"
    }

    async fn write_batch(&self, events: &[Arc<ProgressEvent>]) -> Result<(), SinkError> {
        for event in events {
            self.feed.publish(Arc::clone(event));
        }
        Ok(())
    }
}
