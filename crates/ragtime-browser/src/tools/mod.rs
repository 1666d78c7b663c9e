//! The browser tools, each a runtime [`Tool`]. They return text the planner reads (and
//! for some, the same facts as JSON) and turn every page or browser failure into a
//! `ToolError`, never a panic.
//!
//! - `page`: navigate, read, observe, find audio;
//! - `click`: click by element number, selector or point, watching the network;
//! - `capture`: screenshots;
//! - `fetch`: downloading the audio with the browser's cookies.

mod capture;
mod click;
mod fetch;
mod page;

use std::sync::Arc;

use chromiumoxide::Page;
use ragtime_core::{ToolError, ToolRegistry};
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::Url;

use crate::pool::{AttemptBrowser, BrowserError, CallMark};
use crate::settle::SettleLimits;

pub use capture::{AnalyzeScreenshot, TakeScreenshot};
pub use click::{ClickAtCoordinates, ClickElement, InterceptAudioRequests};
pub use fetch::DownloadFile;
pub use page::{ExtractTextBySelector, FindAudioLinks, GetPageContent, NavigateToUrl, ObservePage};

/// What every browser tool of one attempt shares.
pub struct BrowserTools {
    /// The attempt's browser context and page.
    pub browser: Arc<AttemptBrowser>,
}

impl BrowserTools {
    fn settle_limits(&self) -> SettleLimits {
        let settings = self.browser.pool().settings();
        SettleLimits {
            quiet: settings.settle_quiet,
            cap: settings.settle_cap,
        }
    }
}

/// The registry of browser tools for one attempt.
pub fn registry(shared: Arc<BrowserTools>) -> ToolRegistry {
    let s = || Arc::clone(&shared);
    ToolRegistry::new()
        .with(NavigateToUrl(s()))
        .with(ObservePage(s()))
        .with(GetPageContent(s()))
        .with(ExtractTextBySelector(s()))
        .with(FindAudioLinks(s()))
        .with(ClickElement(s()))
        .with(ClickAtCoordinates(s()))
        .with(TakeScreenshot(s()))
        .with(AnalyzeScreenshot(s()))
        .with(InterceptAudioRequests(s()))
        .with(DownloadFile(s()))
}

fn failed(err: impl std::fmt::Display) -> ToolError {
    ToolError::Failed(err.to_string())
}

fn args<T: DeserializeOwned>(value: &Value) -> Result<T, ToolError> {
    serde_json::from_value(value.clone()).map_err(|e| ToolError::InvalidArgs(e.to_string()))
}

/// Calls `function` with `call_args` in ragtime's world of the page's main frame,
/// where the page's own scripts cannot interfere.
async fn js<T: DeserializeOwned>(
    page: &Page,
    function: &str,
    call_args: &[Value],
) -> Result<T, ToolError> {
    let world = crate::frames::main_world(page).await.map_err(failed)?;
    crate::frames::call(page, world, function, call_args)
        .await
        .map_err(failed)
}

async fn page_of(shared: &BrowserTools) -> Result<(Page, CallMark<'_>), ToolError> {
    shared
        .browser
        .page()
        .await
        .map_err(|e: BrowserError| failed(e))
}

fn parse_url(text: &str) -> Result<Url, ToolError> {
    Url::parse(text.trim())
        .map_err(|e| ToolError::InvalidArgs(format!("not a URL ({e}): {text:?}")))
}

macro_rules! describe_tool {
    ($name:literal, $description:literal, $params:expr) => {
        fn name(&self) -> &str {
            $name
        }
        fn description(&self) -> &str {
            $description
        }
        fn parameters(&self) -> serde_json::Value {
            $params
        }
    };
}
use describe_tool;
