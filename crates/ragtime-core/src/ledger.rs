//! The attempt ledger: the writes an attempt cannot live without.
//!
//! Sinks are views and may lag; the ledger holds the facts the rest of the system acts
//! on (the heartbeat that proves an attempt is alive, its terminal status, screenshot
//! bytes). The supervisor calls it directly and retries the terminal write.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::LedgerError;
use crate::event::{AttemptId, AttemptStatus};

/// How an attempt ended, as written to its row.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptEnd {
    /// The terminal status.
    pub status: AttemptStatus,
    /// Whether the episode was recovered.
    pub success: bool,
    /// The planner's final message, or why the runtime ended the attempt.
    pub message: String,
    /// When the attempt ended.
    pub finished_at: DateTime<Utc>,
}

/// The writes an attempt depends on, implemented by the store. The supervisor calls it
/// directly rather than through a sink, so these writes never wait behind a slow view.
#[async_trait]
pub trait AttemptLedger: Send + Sync + 'static {
    /// Refresh `heartbeat_at`, so a restarted daemon can tell live attempts from dead ones.
    async fn heartbeat(&self, attempt: AttemptId, at: DateTime<Utc>) -> Result<(), LedgerError>;

    /// Write the terminal status. Called exactly once per attempt, retried on failure.
    async fn finish(&self, attempt: AttemptId, end: &AttemptEnd) -> Result<(), LedgerError>;

    /// Store a screenshot once and return its id; `png` is already size-checked.
    async fn save_screenshot(
        &self,
        attempt: AttemptId,
        step: u32,
        png: &[u8],
    ) -> Result<i64, LedgerError>;
}
