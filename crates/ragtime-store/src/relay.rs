//! The listening end of the `notify` sink: events other daemons sent through
//! PostgreSQL `NOTIFY`, published into this daemon's [`LiveFeed`].

use std::sync::Arc;
use std::time::Duration;

use ragtime_core::LiveFeed;
use sea_orm::sqlx::postgres::PgListener;
use tokio::task::JoinHandle;

use crate::sinks::notify::{Notified, PROGRESS_CHANNEL};
use crate::{Store, StoreError};

impl Store {
    /// Listens for other daemons' progress events and publishes them into `feed`,
    /// skipping those sent with `origin` (this daemon's own, which its `live` sink
    /// publishes already). Returns once listening, so nothing sent afterwards is
    /// missed. `None` on SQLite, which has no notifications.
    ///
    /// Abort the task to stop listening. A lost connection is re-established by the
    /// listener; what was sent meanwhile is lost, and live pages catch up from the
    /// rows.
    pub async fn relay_notifications(
        &self,
        origin: &str,
        feed: LiveFeed,
    ) -> Result<Option<JoinHandle<()>>, StoreError> {
        if self.backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(None);
        }
        let listen_error = |e: sea_orm::sqlx::Error| StoreError::Connect {
            url: "(notification listener)".to_string(),
            reason: e.to_string(),
        };
        // Its own connection, not one of the pool's: it is held for the daemon's life.
        let mut listener = PgListener::connect(&self.url).await.map_err(listen_error)?;
        listener
            .listen(PROGRESS_CHANNEL)
            .await
            .map_err(listen_error)?;
        let origin = origin.to_string();
        Ok(Some(tokio::spawn(async move {
            loop {
                match listener.recv().await {
                    Ok(notification) => {
                        match serde_json::from_str::<Notified>(notification.payload()) {
                            Ok(n) if n.origin == origin => {}
                            Ok(n) => feed.publish(Arc::new(n.event)),
                            Err(err) => {
                                tracing::warn!(error = %err, "ignored a malformed progress notification")
                            }
                        }
                    }
                    Err(err) => {
                        tracing::warn!(error = %err, "progress notifications interrupted; reconnecting");
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                }
            }
        })))
    }
}
