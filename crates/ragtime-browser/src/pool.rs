//! `BrowserPool`: one Chromium per daemon; `AttemptBrowser`: one incognito context
//! and page per attempt.
//!
//! The browser starts on first use and is started again when it has died. Chromium
//! reaches the network only through the [egress gate](ragtime_egress::EgressGate):
//! the whole browser is started with a gate listener as its proxy (loopback
//! included), and each attempt's browser context gets a listener of its own, which
//! its downloads share, so every refusal is the attempt's. The page's audio responses
//! are noted for the interception tool, and its JavaScript dialogs are dismissed so
//! they never block a tool. A call the supervisor cut off leaves the page possibly
//! wedged, so the next call replaces the page.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chromiumoxide::Page;
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::browser::BrowserContextId;
use chromiumoxide::cdp::browser_protocol::page::{
    DialogType, EventJavascriptDialogOpening, HandleJavaScriptDialogParams,
};
use chromiumoxide::cdp::browser_protocol::target::{
    CreateBrowserContextParams, CreateTargetParams,
};
use futures_util::StreamExt;
use ragtime_egress::{EgressClient, EgressGate, EgressPolicy, GateListener, RefusalLog};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

use crate::frames::ObservedElement;
use crate::network::{NetworkLog, SharedLog};
use crate::settings::BrowserSettings;

/// What can go wrong with the browser itself (not with a page).
#[derive(Debug, thiserror::Error)]
pub enum BrowserError {
    /// Chromium at `path` did not start, for `reason`.
    #[error(
        "cannot start Chromium at {path}: {reason} (install it with `apt-get install chromium`, or set [browser] executable)"
    )]
    Launch {
        /// The Chromium binary that was tried.
        path: String,
        /// Why it did not start, in words.
        reason: String,
    },
    /// The DevTools protocol failed: the browser crashed, or a context or page could not be
    /// made.
    #[error("browser: {0}")]
    Cdp(String),
    /// `[browser] connect` names a Chromium that could not be attached to.
    #[error("cannot attach to the chromium at {address}: {reason}")]
    Connect {
        /// The address from `[browser] connect`.
        address: String,
        /// Why, in words.
        reason: String,
    },
    /// The `[browser]` settings cannot be used (an `allow_hosts` entry that does not read).
    #[error("invalid [browser] settings: {0}")]
    Settings(String),
    /// The egress gate could not open its listener.
    #[error("the egress gate cannot listen: {0}")]
    Gate(String),
}

/// Drives the connection's messages until it is gone; the flag says whether it
/// still is.
fn follow(mut handler: chromiumoxide::Handler) -> (JoinHandle<()>, Arc<AtomicBool>) {
    let alive = Arc::new(AtomicBool::new(true));
    let flag = Arc::clone(&alive);
    let task = tokio::spawn(async move {
        // Messages this version cannot parse are dropped inside chromiumoxide; an
        // error here means the connection to the browser is gone.
        while let Some(event) = handler.next().await {
            if let Err(err) = event {
                tracing::warn!(error = %err, "lost the connection to chromium");
                break;
            }
        }
        flag.store(false, Ordering::Release);
    });
    (task, alive)
}

fn cdp(err: impl std::fmt::Display) -> BrowserError {
    BrowserError::Cdp(err.to_string())
}

struct Running {
    browser: Browser,
    /// The profile directory, removed when the browser is gone (none when attached).
    _profile: Option<tempfile::TempDir>,
    /// The proxy of everything outside an attempt's context (none when attached:
    /// only attempt contexts, each behind its own listener, are used there).
    _gate: Option<GateListener>,
    handler: JoinHandle<()>,
    alive: Arc<AtomicBool>,
    /// Attached with `[browser] connect`: another process owns that Chromium, so it
    /// is never closed or killed from here.
    attached: bool,
}

/// Chromium's proxy rules: every connection through the gate, loopback included
/// (Chromium bypasses proxies for loopback unless told not to).
const PROXY_BYPASS: &str = "<-loopback>";

/// Chromium launches, by `kind`: `launch`, or `relaunch` after one died.
pub const BROWSER_LAUNCHES: &str = "ragtime_browser_launches_total";

/// The daemon's one browser process, shared by every attempt.
pub struct BrowserPool {
    settings: BrowserSettings,
    gate: EgressGate,
    /// Whether Chromium goes through the gate; false only in the gate's benchmark.
    gated: bool,
    running: Mutex<Option<Running>>,
}

impl BrowserPool {
    /// A pool that launches Chromium on first use; fails on an invalid `allow_hosts`.
    pub fn new(settings: BrowserSettings) -> Result<Arc<BrowserPool>, BrowserError> {
        BrowserPool::build(settings, true)
    }

    fn build(settings: BrowserSettings, gated: bool) -> Result<Arc<BrowserPool>, BrowserError> {
        settings.check().map_err(BrowserError::Settings)?;
        let policy = EgressPolicy::new(&settings.allow_hosts)
            .map_err(|e| BrowserError::Settings(e.to_string()))?;
        Ok(Arc::new(BrowserPool {
            settings,
            gate: EgressGate::new(Arc::new(policy)),
            gated,
            running: Mutex::new(None),
        }))
    }

    /// A pool whose Chromium connects directly, without the egress gate: only for
    /// the benchmark that prices the gate (`cargo bench --bench browser`). Nothing
    /// in ragtime uses it, and pages in it may reach anything.
    #[doc(hidden)]
    pub fn ungated_for_benchmarks(
        settings: BrowserSettings,
    ) -> Result<Arc<BrowserPool>, BrowserError> {
        BrowserPool::build(settings, false)
    }

    /// The settings the pool was built with.
    pub fn settings(&self) -> &BrowserSettings {
        &self.settings
    }

    /// The gate every connection of the browser and of downloads goes through.
    pub fn gate(&self) -> &EgressGate {
        &self.gate
    }

    /// The egress policy of the pool's gate.
    pub fn policy(&self) -> &Arc<EgressPolicy> {
        self.gate.policy()
    }

    fn config(
        &self,
        profile: &std::path::Path,
        proxy: &str,
    ) -> Result<BrowserConfig, BrowserError> {
        let mut builder = BrowserConfig::builder()
            .chrome_executable(&self.settings.executable)
            .new_headless_mode()
            .no_sandbox()
            .user_data_dir(profile)
            .launch_timeout(self.settings.launch_timeout)
            .request_timeout(std::time::Duration::from_secs(600))
            // chromiumoxide would tell Chromium to accept any certificate.
            .respect_https_errors()
            // chromiumoxide adds the leading `--` itself.
            .args([
                "disable-gpu",
                "disable-background-networking",
                "disable-component-update",
                "disable-sync",
                // QUIC is UDP, which an HTTP proxy does not carry.
                "disable-quic",
            ])
            .args(["no-first-run", "disable-dev-shm-usage", "mute-audio"])
            .arg(("autoplay-policy", "no-user-gesture-required"))
            // Frames of other sites stay in the page's process, where the tools can see
            // into them (their frame tree, their network events). The browser holds no
            // secrets worth isolating: each attempt has its own context, and the gate
            // confines what any of its frames can reach.
            .arg("disable-site-isolation-trials")
            .arg(("disable-features", "IsolateOrigins,site-per-process"));
        if self.gated {
            builder = builder
                .arg(("proxy-server", proxy))
                .arg(("proxy-bypass-list", PROXY_BYPASS))
                // WebRTC would otherwise send UDP around the proxy.
                .arg(("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"))
                .arg(("webrtc-ip-handling-policy", "disable_non_proxied_udp"));
        }
        for extra in &self.settings.extra_args {
            let bare = extra.trim().trim_start_matches('-');
            builder = match bare.split_once('=') {
                Some((name, value)) => builder.arg((name, value)),
                None => builder.arg(bare),
            };
        }
        builder.build().map_err(|reason| BrowserError::Launch {
            path: self.settings.executable.display().to_string(),
            reason,
        })
    }

    /// Runs `f` with the live browser, launching it first when needed (and counting
    /// each launch for the metrics, a replacement of a dead one as a relaunch).
    async fn with_browser<T>(
        &self,
        f: impl AsyncFnOnce(&Browser) -> Result<T, BrowserError>,
    ) -> Result<T, BrowserError> {
        let mut running = self.running.lock().await;
        let dead = running.as_mut().is_some_and(|r| {
            !r.alive.load(Ordering::Acquire) || matches!(r.browser.try_wait(), Ok(Some(_)))
        });
        if dead {
            tracing::warn!("chromium has died; starting a new one");
            if let Some(mut dead) = running.take() {
                dead.handler.abort();
                if !dead.attached {
                    let _ = dead.browser.kill().await;
                }
            }
        }
        if running.is_none() {
            *running = Some(self.launch().await?);
            metrics::counter!(
                BROWSER_LAUNCHES,
                "kind" => if dead { "relaunch" } else { "launch" },
            )
            .increment(1);
        }
        match running.as_ref() {
            Some(r) => f(&r.browser).await,
            None => Err(BrowserError::Cdp("browser not running".to_string())),
        }
    }

    async fn launch(&self) -> Result<Running, BrowserError> {
        if let Some(address) = &self.settings.connect {
            return self.attach(address).await;
        }
        let path = self.settings.executable.display().to_string();
        if !self.settings.executable.exists() {
            return Err(BrowserError::Launch {
                path,
                reason: "no such file".to_string(),
            });
        }
        let root = self.settings.profile_root();
        std::fs::create_dir_all(&root).map_err(|e| BrowserError::Launch {
            path: path.clone(),
            reason: format!("no profile directory {}: {e}", root.display()),
        })?;
        // Browsers of a daemon that was killed would otherwise run on for good.
        let reap_root = root.clone();
        let _ = tokio::task::spawn_blocking(move || crate::orphans::reap_orphans(&reap_root)).await;
        let profile = tempfile::Builder::new()
            .prefix(&crate::orphans::own_profile_prefix())
            .tempdir_in(&root)
            .map_err(|e| BrowserError::Launch {
                path: path.clone(),
                reason: format!("no profile directory in {}: {e}", root.display()),
            })?;
        let gate = self
            .gate
            .listen()
            .await
            .map_err(|e| BrowserError::Gate(e.to_string()))?;
        let (browser, handler) = Browser::launch(self.config(profile.path(), &gate.proxy_url())?)
            .await
            .map_err(|e| BrowserError::Launch {
                path,
                reason: e.to_string(),
            })?;
        let (handler, alive) = follow(handler);
        tracing::info!(executable = %self.settings.executable.display(), "chromium started");
        Ok(Running {
            browser,
            _profile: Some(profile),
            _gate: Some(gate),
            handler,
            alive,
            attached: false,
        })
    }

    /// Attaches to the Chromium at `address` (`[browser] connect`), within the launch
    /// timeout.
    async fn attach(&self, address: &str) -> Result<Running, BrowserError> {
        let failed = |reason: String| BrowserError::Connect {
            address: address.to_string(),
            reason,
        };
        let limit = self.settings.launch_timeout;
        let ws = crate::remote::websocket_url(address, limit)
            .await
            .map_err(failed)?;
        let (browser, handler) = tokio::time::timeout(limit, Browser::connect(ws))
            .await
            .map_err(|_| failed(format!("no answer within {limit:?}")))?
            .map_err(|e| failed(e.to_string()))?;
        let (handler, alive) = follow(handler);
        tracing::info!(%address, "attached to a running chromium");
        Ok(Running {
            browser,
            _profile: None,
            _gate: None,
            handler,
            alive,
            attached: true,
        })
    }

    /// A fresh incognito context for one attempt, behind a gate listener of its own
    /// that its downloads share; its first page opens on first use.
    pub async fn open_context(self: &Arc<Self>) -> Result<AttemptBrowser, BrowserError> {
        let gate = Arc::new(
            self.gate
                .listen()
                .await
                .map_err(|e| BrowserError::Gate(e.to_string()))?,
        );
        let client = EgressClient::through(Arc::clone(&gate))
            .map_err(|e| BrowserError::Gate(e.to_string()))?;
        let params = if self.gated {
            CreateBrowserContextParams::builder()
                .proxy_server(gate.proxy_url())
                .proxy_bypass_list(PROXY_BYPASS)
                .build()
        } else {
            CreateBrowserContextParams::default()
        };
        let context = self
            .with_browser(async |b| b.create_browser_context(params).await.map_err(cdp))
            .await?;
        Ok(AttemptBrowser {
            pool: Arc::clone(self),
            context,
            gate,
            client,
            page: Mutex::new(None),
            in_call: AtomicBool::new(false),
            network: SharedLog::default(),
            observed: std::sync::Mutex::new(Vec::new()),
            closed: AtomicBool::new(false),
        })
    }

    async fn new_page(&self, context: &BrowserContextId) -> Result<Page, BrowserError> {
        let params = CreateTargetParams::builder()
            .url("about:blank")
            .browser_context_id(context.clone())
            .build()
            .map_err(cdp)?;
        self.with_browser(async |b| b.new_page(params).await.map_err(cdp))
            .await
    }

    async fn dispose_context(&self, context: BrowserContextId) {
        let running = self.running.lock().await;
        if let Some(r) = running.as_ref()
            && let Err(err) = r.browser.dispose_browser_context(context).await
        {
            tracing::debug!(error = %err, "could not dispose a browser context");
        }
    }

    /// The browser's process id, when one is running.
    pub async fn pid(&self) -> Option<u32> {
        let mut running = self.running.lock().await;
        running
            .as_mut()
            .and_then(|r| r.browser.get_mut_child())
            .and_then(|child| child.as_mut_inner().id())
    }

    /// Whether the browser process is up (false before the first launch too).
    pub async fn is_alive(&self) -> bool {
        self.running.lock().await.as_mut().is_some_and(|r| {
            r.alive.load(Ordering::Acquire) && matches!(r.browser.try_wait(), Ok(None))
        })
    }

    /// Closes the browser process (waits for it, so no zombie stays behind); an
    /// attached browser is only let go of.
    pub async fn shutdown(&self) {
        if let Some(mut r) = self.running.lock().await.take() {
            if r.attached {
                r.handler.abort();
                return;
            }
            if r.browser.close().await.is_err() {
                let _ = r.browser.kill().await;
            }
            let _ = r.browser.wait().await;
            r.handler.abort();
        }
    }
}

struct LivePage {
    page: Page,
    watchers: Vec<JoinHandle<()>>,
}

/// One attempt's browser context and page.
pub struct AttemptBrowser {
    pool: Arc<BrowserPool>,
    context: BrowserContextId,
    /// This attempt's gate listener: the context's proxy, and its downloads'.
    gate: Arc<GateListener>,
    client: EgressClient,
    page: Mutex<Option<LivePage>>,
    in_call: AtomicBool,
    network: SharedLog,
    /// The elements of the last observation, by number (0 is element 1).
    observed: std::sync::Mutex<Vec<ObservedElement>>,
    closed: AtomicBool,
}

impl Drop for AttemptBrowser {
    /// The attempt is over however it ended (its tools are dropped with the
    /// supervisor): close the page and the context in the background.
    fn drop(&mut self) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        let page = self.page.get_mut().take();
        let pool = Arc::clone(&self.pool);
        let context = self.context.clone();
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Some(live) = page {
                    close_page(live).await;
                }
                pool.dispose_context(context).await;
            });
        }
    }
}

/// Marks a tool call on the page; a mark still set when the next call begins means
/// the supervisor dropped that call mid-way.
pub struct CallMark<'a>(&'a AtomicBool);

impl CallMark<'_> {
    /// Clears the mark: the call finished rather than being dropped.
    pub fn done(self) {
        self.0.store(false, Ordering::Release);
    }
}

impl AttemptBrowser {
    /// The pool this attempt's browser context belongs to.
    pub fn pool(&self) -> &Arc<BrowserPool> {
        &self.pool
    }

    /// The page's network activity: audio heard, requests under way.
    pub fn network(&self) -> std::sync::MutexGuard<'_, NetworkLog> {
        self.network.lock()
    }

    /// The elements of the last observation, by number (0 is element 1).
    pub(crate) fn observed(&self) -> std::sync::MutexGuard<'_, Vec<ObservedElement>> {
        self.observed.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Every request of this attempt the gate refused (browser and downloads).
    pub fn refusals(&self) -> &Arc<RefusalLog> {
        self.gate.refusals()
    }

    /// The HTTP client of this attempt's downloads, behind its gate listener.
    pub fn client(&self) -> &EgressClient {
        &self.client
    }

    /// The attempt's page, opened (or replaced, after a cut-off call) as needed, and
    /// the mark to clear when the call ends normally.
    pub async fn page(&self) -> Result<(Page, CallMark<'_>), BrowserError> {
        let cut_off = self.in_call.swap(true, Ordering::AcqRel);
        let mut slot = self.page.lock().await;
        if cut_off && let Some(old) = slot.take() {
            tracing::info!("replacing a page whose last call was cut off");
            close_page(old).await;
        }
        if slot.is_none() {
            let page = self.pool.new_page(&self.context).await?;
            let watchers = self.watch(&page).await?;
            *slot = Some(LivePage { page, watchers });
        }
        match slot.as_ref() {
            Some(live) => Ok((live.page.clone(), CallMark(&self.in_call))),
            None => Err(BrowserError::Cdp("no page".to_string())),
        }
    }

    /// Follows the page's network activity and dismisses its JavaScript dialogs (a
    /// `beforeunload` prompt is accepted, so navigation goes on).
    async fn watch(&self, page: &Page) -> Result<Vec<JoinHandle<()>>, BrowserError> {
        let mut dialogs = page
            .event_listener::<EventJavascriptDialogOpening>()
            .await
            .map_err(cdp)?;
        let dialog_page = page.clone();
        let answer = tokio::spawn(async move {
            while let Some(dialog) = dialogs.next().await {
                let leave = dialog.r#type == DialogType::Beforeunload;
                if let Err(err) = dialog_page
                    .execute(HandleJavaScriptDialogParams::new(leave))
                    .await
                {
                    tracing::debug!(error = %err, "could not answer a dialog");
                }
            }
        });
        let mut watchers = crate::network::watch(page, &self.network)
            .await
            .map_err(cdp)?;
        watchers.push(answer);
        Ok(watchers)
    }

    /// The page if one is open, without opening one.
    pub async fn current_page(&self) -> Option<Page> {
        self.page
            .lock()
            .await
            .as_ref()
            .map(|live| live.page.clone())
    }

    /// Closes the page and the context. Called when the attempt ends.
    pub async fn close(&self) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        if let Some(live) = self.page.lock().await.take() {
            close_page(live).await;
        }
        self.pool.dispose_context(self.context.clone()).await;
    }
}

async fn close_page(live: LivePage) {
    for watcher in &live.watchers {
        watcher.abort();
    }
    let closing = tokio::time::timeout(std::time::Duration::from_secs(5), live.page.close()).await;
    if !matches!(closing, Ok(Ok(()))) {
        tracing::debug!("page did not close cleanly");
    }
}
