//! ragtime: the podcast ingest daemon and its CLI, as a library the binary and the
//! end-to-end tests share.
//!
//! [`config`] reads the TOML config, [`app`] opens the store and starts the runtime
//! with the sinks the config names, and [`scenarios`] holds the scripted recovery
//! attempts that `ragtime demo` runs and the snapshot tests pin.

pub mod admin;
pub mod app;
pub mod config;
pub mod daemon;
pub mod eval;
pub mod pipeline;
pub mod scenarios;

pub use app::{App, AppError};
pub use config::{Config, ConfigError, SinkName};
