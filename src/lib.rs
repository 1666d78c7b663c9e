//! ragtime: the `ragtime` command's library, which the binary and the end-to-end
//! tests share.
//!
//! It holds what only the binary needs: [`config`], which reads the TOML file and the
//! `RAGTIME_*` environment into every part's settings, and (cargo feature `demo`, on
//! by default) [`scenarios`], the scripted attempts `ragtime demo --scripted` runs and
//! the snapshot tests pin. The work itself is in ragtime-ingest (the app, pipeline and
//! daemon) and ragtime-admin (the web); they are re-exported here under the names the
//! tests use.

pub mod config;
#[cfg(feature = "demo")]
pub mod scenarios;

pub use config::{Config, ConfigError};
pub use ragtime_admin as admin;
pub use ragtime_ingest::{App, AppError, app, daemon, eval, pipeline};
