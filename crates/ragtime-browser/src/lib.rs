//! ragtime-browser: the recovery agent's hands.
//!
//! [`BrowserPool`] owns the daemon's one Chromium (via chromiumoxide); each attempt
//! opens an [`AttemptBrowser`] (an incognito context) and gets the browser [`tools`]
//! over it. [`NavigationPolicy`] decides where pages and downloads may go and is
//! enforced on every request the page makes, not only on `navigate_to_url`.

pub mod download;
pub mod orphans;
mod policy;
mod pool;
mod scripts;
mod selector;
mod settings;
pub mod tools;
pub mod translate;

pub use policy::{NavigationPolicy, Refused};
pub use pool::{AttemptBrowser, BrowserError, BrowserPool};
pub use settings::BrowserSettings;
pub use tools::{BrowserTools, registry};
