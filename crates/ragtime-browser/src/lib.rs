//! ragtime-browser: the recovery agent's hands.
//!
//! [`BrowserPool`] owns the daemon's one Chromium (via chromiumoxide); each attempt
//! opens an [`AttemptBrowser`] (an incognito context) and gets the browser [`tools`]
//! over it. Every connection the browser makes, and every download, passes the
//! [egress gate](ragtime_egress), with a gate listener per attempt.

mod frames;
mod network;
pub mod observe;
pub mod orphans;
mod pool;
mod remote;
mod scripts;
mod selector;
mod settings;
pub mod settle;
pub mod tools;

pub use pool::{AttemptBrowser, BROWSER_LAUNCHES, BrowserError, BrowserPool};
pub use settings::BrowserSettings;
pub use tools::{BrowserTools, registry};
