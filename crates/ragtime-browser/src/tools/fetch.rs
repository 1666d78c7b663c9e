//! `download_file`: the episode's MP3, through the attempt's egress gate listener,
//! with the cookies the attempt's browser would send to each URL.

use std::sync::Arc;

use async_trait::async_trait;
use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::network::GetCookiesParams;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput};
use ragtime_egress::download::safe_stem;
use ragtime_egress::{CookieSource, DownloadError, DownloadRequest, download};
use serde::Deserialize;
use serde_json::{Value, json};
use url::Url;

use super::{BrowserTools, args, describe_tool, failed, parse_url};

/// The `download_file` tool: downloads an MP3 into the media directory with the browser's
/// cookies for its URL.
pub struct DownloadFile(pub(super) Arc<BrowserTools>);

/// The cookies the attempt's browser would send to a URL (its domain, path and
/// secure rules, through `Network.getCookies`), never a page's cookies for another site.
struct BrowserCookies(Page);

#[async_trait]
impl CookieSource for BrowserCookies {
    async fn cookie_header(&self, url: &Url) -> Option<String> {
        let params = GetCookiesParams::builder().url(url.as_str()).build();
        let cookies = self.0.execute(params).await.ok()?.result.cookies;
        let header = cookies
            .iter()
            .map(|c| format!("{}={}", c.name, c.value))
            .collect::<Vec<_>>()
            .join("; ");
        (!header.is_empty()).then_some(header)
    }
}

#[async_trait]
impl Tool for DownloadFile {
    describe_tool!(
        "download_file",
        "Downloads an MP3 (audio/mpeg, or .mp3 without a type) into the media directory, with the cookies the browser holds for that URL.",
        json!({"type": "object", "properties": {"url": {"type": "string"}}, "required": ["url"]})
    );

    async fn call(&self, a: &Value, ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Args {
            url: String,
        }
        let url = parse_url(&args::<Args>(a)?.url)?;
        let browser = &self.0.browser;
        let cookies = browser.current_page().await.map(BrowserCookies);
        let settings = browser.pool().settings();
        let name = url
            .path_segments()
            .and_then(|mut s| s.next_back())
            .unwrap_or("audio")
            .trim_end_matches(".mp3");
        let request = DownloadRequest {
            url: &url,
            cookies: cookies.as_ref().map(|c| c as &dyn CookieSource),
            limits: settings.download_limits(),
            dir: &settings.media_dir,
            stem: safe_stem(&format!("attempt-{}-{}", ctx.attempt_id, name)),
        };
        match download(browser.client(), request).await {
            Ok(saved) => {
                let hops: Vec<&str> = saved.hops.iter().map(Url::as_str).collect();
                let text = format!(
                    "saved {} bytes to {} ({}) from {}",
                    saved.bytes,
                    saved.path.display(),
                    saved.content_type.as_deref().unwrap_or("no content type"),
                    hops.join(" -> ")
                );
                let data = json!({"path": saved.path, "bytes": saved.bytes, "hops": hops});
                Ok(ToolOutput::text(text).with_data(data))
            }
            Err(DownloadError::Blocked(refused)) => Err(ToolError::Blocked(refused.to_string())),
            Err(other) => Err(failed(other)),
        }
    }
}
