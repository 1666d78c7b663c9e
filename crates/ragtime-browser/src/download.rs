//! Downloads: MP3 only, size-capped, through the navigation policy at every hop.
//!
//! The client resolves names through the policy (so a name that points at a private
//! address is refused), checks every redirect target, sends the page's cookies, and
//! streams to a temporary file that is renamed only when the whole body is valid.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::StreamExt;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{CONTENT_TYPE, COOKIE};
use tokio::io::AsyncWriteExt;
use url::Url;

use crate::policy::NavigationPolicy;

/// Why a download did not produce a file.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("blocked: {0}")]
    Blocked(String),
    #[error("{0}")]
    Rejected(String),
    #[error("download failed: {0}")]
    Failed(String),
}

/// A saved file.
#[derive(Debug, Clone, PartialEq)]
pub struct Downloaded {
    pub path: PathBuf,
    pub bytes: u64,
    pub content_type: Option<String>,
    pub final_url: String,
}

pub fn looks_like_audio_url(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    [
        ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac",
    ]
    .iter()
    .any(|ext| path.ends_with(ext))
}

fn is_mp3_name(url: &Url) -> bool {
    url.path().to_ascii_lowercase().ends_with(".mp3")
}

/// Resolves names and refuses the ones that lead where the policy forbids.
struct PolicyResolver(Arc<NavigationPolicy>);

impl Resolve for PolicyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = Arc::clone(&self.0);
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !policy.allows_host(&host) {
                for addr in &addrs {
                    policy
                        .check_ip(addr.ip())
                        .map_err(|reason| format!("blocked: {host} resolves to {reason}"))?;
                }
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// The HTTP client downloads go through.
pub fn client(policy: Arc<NavigationPolicy>) -> Result<reqwest::Client, String> {
    let redirects = Arc::clone(&policy);
    reqwest::Client::builder()
        .dns_resolver(Arc::new(PolicyResolver(Arc::clone(&policy))))
        .redirect(reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 10 {
                attempt.error("too many redirects")
            } else {
                match redirects.check(attempt.url()) {
                    Ok(()) => attempt.follow(),
                    Err(refused) => attempt.error(format!("blocked: redirect to {refused}")),
                }
            }
        }))
        .connect_timeout(std::time::Duration::from_secs(10))
        .user_agent(concat!("ragtime/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())
}

/// What one download may do.
pub struct DownloadRequest<'a> {
    pub url: &'a Url,
    /// `name=value; name2=value2`, from the page.
    pub cookies: Option<String>,
    pub max_bytes: u64,
    pub dir: &'a Path,
    /// File name without extension.
    pub stem: String,
}

/// The policy's refusal inside a request error (a redirect or a resolved address),
/// if that is why the request failed.
pub fn blocked_in_chain(err: &reqwest::Error) -> Option<String> {
    let mut source: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = source {
        let text = e.to_string();
        if let Some(at) = text.find("blocked: ") {
            return Some(text[at + "blocked: ".len()..].to_string());
        }
        source = e.source();
    }
    None
}

pub async fn download(
    client: &reqwest::Client,
    policy: &NavigationPolicy,
    req: DownloadRequest<'_>,
) -> Result<Downloaded, DownloadError> {
    policy
        .check(req.url)
        .map_err(|r| DownloadError::Blocked(r.to_string()))?;
    let mut request = client.get(req.url.clone());
    if let Some(cookies) = req.cookies.filter(|c| !c.is_empty()) {
        request = request.header(COOKIE, cookies);
    }
    let response = request
        .send()
        .await
        .map_err(|e| match blocked_in_chain(&e) {
            Some(why) => DownloadError::Blocked(why),
            None => DownloadError::Failed(e.without_url().to_string()),
        })?;
    let final_url = response.url().clone();
    if !response.status().is_success() {
        return Err(DownloadError::Rejected(format!(
            "HTTP {} from {final_url}",
            response.status()
        )));
    }
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    match content_type.as_deref() {
        Some("audio/mpeg") | Some("audio/mp3") => {}
        None if is_mp3_name(&final_url) => {}
        Some(other) => {
            return Err(DownloadError::Rejected(format!(
                "not MP3: content type {other}"
            )));
        }
        None => {
            return Err(DownloadError::Rejected(
                "not MP3: no content type and no .mp3 name".to_string(),
            ));
        }
    }
    if let Some(length) = response.content_length()
        && length > req.max_bytes
    {
        return Err(DownloadError::Rejected(format!(
            "{length} bytes is over the {} byte limit",
            req.max_bytes
        )));
    }
    tokio::fs::create_dir_all(req.dir)
        .await
        .map_err(|e| DownloadError::Failed(format!("{}: {e}", req.dir.display())))?;
    let path = req.dir.join(format!("{}.mp3", req.stem));
    let partial = req.dir.join(format!("{}.mp3.part", req.stem));
    let result = save(response, &partial, req.max_bytes).await;
    match result {
        Ok(bytes) => {
            tokio::fs::rename(&partial, &path)
                .await
                .map_err(|e| DownloadError::Failed(e.to_string()))?;
            Ok(Downloaded {
                path,
                bytes,
                content_type,
                final_url: final_url.to_string(),
            })
        }
        Err(err) => {
            let _ = tokio::fs::remove_file(&partial).await;
            Err(err)
        }
    }
}

async fn save(
    response: reqwest::Response,
    partial: &Path,
    max_bytes: u64,
) -> Result<u64, DownloadError> {
    let mut file = tokio::fs::File::create(partial)
        .await
        .map_err(|e| DownloadError::Failed(e.to_string()))?;
    let mut bytes = 0u64;
    let mut first = Vec::new();
    let mut body = response.bytes_stream();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| DownloadError::Failed(e.without_url().to_string()))?;
        bytes += chunk.len() as u64;
        if bytes > max_bytes {
            return Err(DownloadError::Rejected(format!(
                "more than the {max_bytes} byte limit"
            )));
        }
        if first.len() < 3 {
            first.extend(chunk.iter().take(3 - first.len()));
        }
        file.write_all(&chunk)
            .await
            .map_err(|e| DownloadError::Failed(e.to_string()))?;
    }
    file.flush()
        .await
        .map_err(|e| DownloadError::Failed(e.to_string()))?;
    // An MP3 starts with an ID3 tag or a frame sync; HTML with a .mp3 name does not.
    let mp3 = first.starts_with(b"ID3")
        || (first.len() >= 2 && first[0] == 0xFF && first[1] & 0xE0 == 0xE0);
    if !mp3 {
        return Err(DownloadError::Rejected(
            "not MP3: the body has no ID3 tag or MPEG frame".to_string(),
        ));
    }
    Ok(bytes)
}

/// A file name stem safe on every filesystem.
pub fn safe_stem(text: &str) -> String {
    let stem: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if stem.trim_matches('_').is_empty() {
        "audio".to_string()
    } else {
        stem
    }
}
