//! The `[browser]` section of the config.

use std::path::PathBuf;
use std::time::Duration;

use ragtime_egress::FetchLimits;
use serde::{Deserialize, Serialize};

/// The `[browser]` table: the Chromium to launch, which hosts it may reach, and the waits
/// and limits of its tools.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BrowserSettings {
    /// The Chromium binary (Debian's package installs /usr/bin/chromium).
    pub executable: PathBuf,
    /// Hosts the browser and downloads may reach although the address table refuses
    /// them (loopback, private, link-local, ...): `"host"` opens every port of it,
    /// `"host:port"` (`"[::1]:8000"`) one port. A name opens what it resolves to; an
    /// address opens that address, whatever name leads to it. Empty in production.
    pub allow_hosts: Vec<String>,
    /// How long `click_element` waits for a selector that matches nothing yet (an
    /// element that exists but is hidden fails at once).
    #[serde(with = "humantime_serde")]
    pub click_wait: Duration,
    /// After a navigation or a click, the page counts as settled once nothing has
    /// changed (DOM, requests, animations) for this long.
    #[serde(with = "humantime_serde")]
    pub settle_quiet: Duration,
    /// The longest wait for a page to settle.
    #[serde(with = "humantime_serde")]
    pub settle_cap: Duration,
    /// How long starting Chromium may take.
    #[serde(with = "humantime_serde")]
    pub launch_timeout: Duration,
    /// Largest download accepted, in bytes.
    pub max_download_bytes: u64,
    /// Longest a download may take, from request to last byte.
    #[serde(with = "humantime_serde")]
    pub download_deadline: Duration,
    /// A download or page fetch slower than this many bytes per second, measured
    /// over `min_rate_window`, is cut off.
    pub min_rate: u64,
    /// The window `min_rate` is measured over.
    #[serde(with = "humantime_serde")]
    pub min_rate_window: Duration,
    /// Where downloaded audio is saved.
    pub media_dir: PathBuf,
    /// Extra command-line arguments for Chromium.
    pub extra_args: Vec<String>,
    /// Where browser profiles live (the system temporary directory when unset).
    /// A daemon reaps the orphaned browsers under its own root only, so daemons with
    /// different roots on one machine never stop each other's browsers.
    pub profile_dir: Option<PathBuf>,
    /// Attach to a Chromium that is already running instead of launching one: its
    /// DevTools address, `http://HOST:9222` (the WebSocket is looked up at
    /// `/json/version`) or a `ws://` URL. Each attempt still gets its own context,
    /// whose connections go through this daemon's egress gate on 127.0.0.1, so that
    /// Chromium must share the daemon's loopback (same host, or same network
    /// namespace). `executable`, `extra_args` and `profile_dir` are not used then.
    pub connect: Option<String>,
}

impl Default for BrowserSettings {
    fn default() -> Self {
        BrowserSettings {
            executable: PathBuf::from("/usr/bin/chromium"),
            allow_hosts: Vec::new(),
            click_wait: Duration::from_secs(2),
            settle_quiet: Duration::from_millis(200),
            settle_cap: Duration::from_secs(3),
            launch_timeout: Duration::from_secs(20),
            max_download_bytes: 200 * 1024 * 1024,
            download_deadline: Duration::from_secs(600),
            min_rate: 1024,
            min_rate_window: Duration::from_secs(10),
            media_dir: PathBuf::from("media"),
            extra_args: Vec::new(),
            profile_dir: None,
            connect: None,
        }
    }
}

impl BrowserSettings {
    /// Rules serde cannot express: `connect`, when set, is an http(s) or ws(s) URL
    /// with a host.
    pub fn check(&self) -> Result<(), String> {
        if let Some(connect) = &self.connect {
            let url = url::Url::parse(connect)
                .map_err(|e| format!("browser.connect {connect:?} is not a URL: {e}"))?;
            if !matches!(url.scheme(), "http" | "https" | "ws" | "wss") || url.host().is_none() {
                return Err(format!(
                    "browser.connect {connect:?} must be http://HOST:PORT or a ws:// DevTools URL"
                ));
            }
        }
        Ok(())
    }

    /// The directory browser profiles are created in and orphans reaped from:
    /// `profile_dir`, else the system temporary directory, made absolute so that
    /// daemons started from different directories agree on it.
    pub fn profile_root(&self) -> PathBuf {
        let root = self.profile_dir.clone().unwrap_or_else(std::env::temp_dir);
        std::path::absolute(&root).unwrap_or(root)
    }

    /// The limits of one download.
    pub fn download_limits(&self) -> FetchLimits {
        FetchLimits {
            deadline: self.download_deadline,
            min_rate: self.min_rate,
            rate_window: self.min_rate_window,
            max_bytes: self.max_download_bytes,
        }
    }
}
