//! The `[pipeline]` table. A leaf: the config composes it without reaching the
//! pipeline's work.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// A strategy of the recovery chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// A supervised attempt of the heuristic agent in the browser.
    Agent,
    /// Hand the episode to a person (status `awaiting_human`).
    Human,
}

/// The `[pipeline]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PipelineSettings {
    /// Episodes worked on at once by this daemon.
    pub workers: usize,
    /// How long a claim on an episode lasts without renewal; a dead daemon's episodes
    /// are taken up again after this.
    #[serde(with = "humantime_serde")]
    pub lease: Duration,
    /// How long an idle worker waits before looking for work again.
    #[serde(with = "humantime_serde")]
    pub poll_interval: Duration,
    /// Deadline of the page fetch in `fetch_details`, from request to last byte.
    #[serde(with = "humantime_serde")]
    pub fetch_timeout: Duration,
    /// How much of an episode page `fetch_details` reads; the rest is not fetched.
    pub max_page_bytes: u64,
    /// What runs when a step fails, in order.
    pub recovery_chain: Vec<Strategy>,
    /// Most recovery attempts per episode and step.
    pub max_attempts_per_step: u64,
    /// How many times an episode may be taken up (crashes included) before it fails.
    pub max_tries: i32,
}

impl Default for PipelineSettings {
    fn default() -> Self {
        PipelineSettings {
            workers: 2,
            lease: Duration::from_secs(60),
            poll_interval: Duration::from_millis(500),
            fetch_timeout: Duration::from_secs(20),
            max_page_bytes: 5 * 1024 * 1024,
            recovery_chain: vec![Strategy::Agent, Strategy::Human],
            max_attempts_per_step: 5,
            max_tries: 5,
        }
    }
}
