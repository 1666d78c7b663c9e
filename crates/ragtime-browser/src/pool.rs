//! `BrowserPool`: one Chromium per daemon; `AttemptBrowser`: one incognito context
//! and page per attempt.
//!
//! The browser starts on first use and is started again when it has died. Each
//! attempt gets its own browser context (cookies and storage die with it) whose page
//! sends every request through [`NavigationPolicy`] (CDP request interception) and
//! reports audio responses to the interception tool. A call the supervisor cut off
//! leaves the page possibly wedged, so the next call replaces the page.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chromiumoxide::Page;
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::browser::BrowserContextId;
use chromiumoxide::cdp::browser_protocol::fetch::{
    ContinueRequestParams, EventRequestPaused, FailRequestParams,
};
use chromiumoxide::cdp::browser_protocol::network::{ErrorReason, EventResponseReceived};
use chromiumoxide::cdp::browser_protocol::target::{
    CreateBrowserContextParams, CreateTargetParams,
};
use futures_util::StreamExt;
use tokio::sync::Mutex;
use tokio::task::JoinHandle;
use url::Url;

use crate::policy::{NavigationPolicy, Refused};
use crate::settings::BrowserSettings;

/// What can go wrong with the browser itself (not with a page).
#[derive(Debug, thiserror::Error)]
pub enum BrowserError {
    #[error(
        "cannot start Chromium at {path}: {reason} (install it with `apt-get install chromium`, or set [browser] executable)"
    )]
    Launch { path: String, reason: String },
    #[error("browser: {0}")]
    Cdp(String),
}

fn cdp(err: impl std::fmt::Display) -> BrowserError {
    BrowserError::Cdp(err.to_string())
}

struct Running {
    browser: Browser,
    /// The profile directory, removed when the browser is gone.
    _profile: tempfile::TempDir,
    handler: JoinHandle<()>,
    alive: Arc<AtomicBool>,
}

/// The daemon's one browser process, shared by every attempt.
pub struct BrowserPool {
    settings: BrowserSettings,
    policy: Arc<NavigationPolicy>,
    running: Mutex<Option<Running>>,
}

impl BrowserPool {
    pub fn new(settings: BrowserSettings) -> Arc<BrowserPool> {
        let policy = Arc::new(NavigationPolicy::new(&settings.allow_hosts));
        Arc::new(BrowserPool {
            settings,
            policy,
            running: Mutex::new(None),
        })
    }

    pub fn settings(&self) -> &BrowserSettings {
        &self.settings
    }

    pub fn policy(&self) -> &Arc<NavigationPolicy> {
        &self.policy
    }

    fn config(&self, profile: &std::path::Path) -> Result<BrowserConfig, BrowserError> {
        let mut builder = BrowserConfig::builder()
            .chrome_executable(&self.settings.executable)
            .new_headless_mode()
            .no_sandbox()
            .user_data_dir(profile)
            .launch_timeout(self.settings.launch_timeout)
            .request_timeout(std::time::Duration::from_secs(600))
            .enable_request_intercept()
            // chromiumoxide adds the leading `--` itself.
            .args([
                "disable-gpu",
                "disable-background-networking",
                "disable-component-update",
                "disable-sync",
            ])
            .args(["no-first-run", "disable-dev-shm-usage", "mute-audio"])
            .arg(("autoplay-policy", "no-user-gesture-required"));
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

    /// Runs `f` with the live browser, launching it first when needed.
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
                let _ = dead.browser.kill().await;
            }
        }
        if running.is_none() {
            *running = Some(self.launch().await?);
        }
        match running.as_ref() {
            Some(r) => f(&r.browser).await,
            None => Err(BrowserError::Cdp("browser not running".to_string())),
        }
    }

    async fn launch(&self) -> Result<Running, BrowserError> {
        let path = self.settings.executable.display().to_string();
        if !self.settings.executable.exists() {
            return Err(BrowserError::Launch {
                path,
                reason: "no such file".to_string(),
            });
        }
        // Browsers of a daemon that was killed would otherwise run on for good.
        let _ = tokio::task::spawn_blocking(crate::orphans::reap_orphans).await;
        let profile = tempfile::Builder::new()
            .prefix(&crate::orphans::own_profile_prefix())
            .tempdir()
            .map_err(|e| BrowserError::Launch {
                path: path.clone(),
                reason: format!("no profile directory: {e}"),
            })?;
        let (browser, mut handler) = Browser::launch(self.config(profile.path())?)
            .await
            .map_err(|e| BrowserError::Launch {
                path,
                reason: e.to_string(),
            })?;
        let alive = Arc::new(AtomicBool::new(true));
        let flag = Arc::clone(&alive);
        let handler = tokio::spawn(async move {
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
        tracing::info!(executable = %self.settings.executable.display(), "chromium started");
        Ok(Running {
            browser,
            _profile: profile,
            handler,
            alive,
        })
    }

    /// A fresh incognito context for one attempt; its first page opens on first use.
    pub async fn open_context(self: &Arc<Self>) -> Result<AttemptBrowser, BrowserError> {
        let context = self
            .with_browser(async |b| {
                b.create_browser_context(CreateBrowserContextParams::default())
                    .await
                    .map_err(cdp)
            })
            .await?;
        Ok(AttemptBrowser {
            pool: Arc::clone(self),
            context,
            page: Mutex::new(None),
            in_call: AtomicBool::new(false),
            observed: Arc::new(std::sync::Mutex::new(Observed::default())),
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

    /// Closes the browser process (waits for it, so no zombie stays behind).
    pub async fn shutdown(&self) {
        if let Some(mut r) = self.running.lock().await.take() {
            if r.browser.close().await.is_err() {
                let _ = r.browser.kill().await;
            }
            let _ = r.browser.wait().await;
            r.handler.abort();
        }
    }
}

/// What the page's requests showed: refused URLs, and responses that were audio.
#[derive(Debug, Default)]
pub struct Observed {
    pub refused: Vec<Refused>,
    /// (url, mime type)
    pub audio: Vec<(String, String)>,
}

struct LivePage {
    page: Page,
    watchers: Vec<JoinHandle<()>>,
}

/// One attempt's browser context and page.
pub struct AttemptBrowser {
    pool: Arc<BrowserPool>,
    context: BrowserContextId,
    page: Mutex<Option<LivePage>>,
    in_call: AtomicBool,
    observed: Arc<std::sync::Mutex<Observed>>,
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
    pub fn done(self) {
        self.0.store(false, Ordering::Release);
    }
}

impl AttemptBrowser {
    pub fn pool(&self) -> &Arc<BrowserPool> {
        &self.pool
    }

    pub fn observed(&self) -> std::sync::MutexGuard<'_, Observed> {
        self.observed.lock().unwrap_or_else(|p| p.into_inner())
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

    /// Answers every paused request by the policy, and notes audio responses.
    async fn watch(&self, page: &Page) -> Result<Vec<JoinHandle<()>>, BrowserError> {
        let mut paused = page
            .event_listener::<EventRequestPaused>()
            .await
            .map_err(cdp)?;
        let mut responses = page
            .event_listener::<EventResponseReceived>()
            .await
            .map_err(cdp)?;
        let policy = Arc::clone(&self.pool.policy);
        let observed = Arc::clone(&self.observed);
        let gate_page = page.clone();
        let gate = tokio::spawn(async move {
            while let Some(event) = paused.next().await {
                let verdict = match Url::parse(&event.request.url) {
                    Ok(url) => policy.check_resolved(&url).await,
                    Err(err) => Err(Refused {
                        url: event.request.url.chars().take(200).collect(),
                        reason: err.to_string(),
                    }),
                };
                let sent = match verdict {
                    Ok(()) => gate_page
                        .execute(ContinueRequestParams::new(event.request_id.clone()))
                        .await
                        .map(|_| ()),
                    Err(refused) => {
                        tracing::info!(url = %refused.url, reason = %refused.reason, "request refused by the navigation policy");
                        observed
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .refused
                            .push(refused);
                        gate_page
                            .execute(FailRequestParams::new(
                                event.request_id.clone(),
                                ErrorReason::BlockedByClient,
                            ))
                            .await
                            .map(|_| ())
                    }
                };
                if let Err(err) = sent {
                    tracing::debug!(error = %err, "could not answer a paused request");
                }
            }
        });
        let observed = Arc::clone(&self.observed);
        let listen = tokio::spawn(async move {
            while let Some(event) = responses.next().await {
                let mime = event.response.mime_type.to_ascii_lowercase();
                let url = event.response.url.clone();
                if mime.starts_with("audio/") || crate::download::looks_like_audio_url(&url) {
                    observed
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .audio
                        .push((url, mime));
                }
            }
        });
        Ok(vec![gate, listen])
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
