//! The `[browser]` section of the config.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BrowserSettings {
    /// The Chromium binary (Debian's package installs /usr/bin/chromium).
    pub executable: PathBuf,
    /// Hosts the browser and downloads may reach although they are loopback, private
    /// or link-local, e.g. `["127.0.0.1"]` for a local test site. Empty in production.
    pub allow_hosts: Vec<String>,
    /// How long `click_element` waits for its selector to match before failing.
    #[serde(with = "humantime_serde")]
    pub click_wait: Duration,
    /// How long `intercept_audio_requests` watches the network after its click.
    #[serde(with = "humantime_serde")]
    pub intercept_window: Duration,
    /// How long starting Chromium may take.
    #[serde(with = "humantime_serde")]
    pub launch_timeout: Duration,
    /// Largest download accepted, in bytes.
    pub max_download_bytes: u64,
    /// Where downloaded audio is saved.
    pub media_dir: PathBuf,
    /// Extra command-line arguments for Chromium.
    pub extra_args: Vec<String>,
}

impl Default for BrowserSettings {
    fn default() -> Self {
        BrowserSettings {
            executable: PathBuf::from("/usr/bin/chromium"),
            allow_hosts: Vec::new(),
            click_wait: Duration::from_secs(2),
            intercept_window: Duration::from_millis(1500),
            launch_timeout: Duration::from_secs(20),
            max_download_bytes: 200 * 1024 * 1024,
            media_dir: PathBuf::from("media"),
            extra_args: Vec::new(),
        }
    }
}
