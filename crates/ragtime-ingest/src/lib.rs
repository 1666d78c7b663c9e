//! ragtime's ingest side: the [`App`] (store, runtime, browser and sinks wired from
//! [`AppConfig`]), the sink registry, the pipeline that fetches and downloads an
//! episode and runs the recovery chain when a step fails, the daemon whose workers
//! claim episodes under a lease, and `eval`, which judges the agent over cases.
//!
//! The admin web (ragtime-admin) and the CLI (the `ragtime` binary) sit on top; this
//! crate knows neither.

pub mod app;
pub mod daemon;
pub mod eval;
pub mod human;
pub mod pipeline;
pub mod settings;
pub mod sinks;
pub mod webhook;

pub use app::{App, AppError, AttemptRequest};
pub use human::{HumanAction, HumanError};
pub use settings::{AgentSettings, AppConfig, PlannerKind, ProgressConfig};
