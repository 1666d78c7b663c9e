//! Downloads of episode audio: MP3 only, size-capped, through the egress gate.
//!
//! The body streams into a temporary `.part` file next to its destination, which is
//! renamed only when the whole body arrived and starts like an MP3. The temporary file
//! is removed on every other way out, a dropped future (the supervisor cutting the
//! tool call off) included.

use std::path::{Path, PathBuf};

use bytes::Bytes;
use tokio::io::AsyncWriteExt;
use url::Url;

use crate::client::{CookieSource, EgressClient, FetchError, FetchLimits};
use crate::policy::Refused;

/// Why a download did not produce a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DownloadError {
    /// The egress gate refused the URL or a hop of its redirects.
    #[error("blocked: {0}")]
    Blocked(Refused),
    /// The server answered, but not with an acceptable MP3.
    #[error("{0}")]
    Rejected(String),
    /// The network or the disk failed, or a limit cut the body off.
    #[error("download failed: {0}")]
    Failed(String),
}

impl From<FetchError> for DownloadError {
    fn from(err: FetchError) -> Self {
        match err {
            FetchError::Blocked(refused) => DownloadError::Blocked(refused),
            FetchError::TooLarge(why) => DownloadError::Rejected(why),
            other => DownloadError::Failed(other.to_string()),
        }
    }
}

/// A saved file.
#[derive(Debug, Clone, PartialEq)]
pub struct Downloaded {
    /// Where the file was saved, under the request's `dir`.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// The `Content-Type` it was served with, without parameters.
    pub content_type: Option<String>,
    /// The requested URL and every redirect target; the last one served the file.
    pub hops: Vec<Url>,
}

impl Downloaded {
    /// The URL that served the file.
    pub fn final_url(&self) -> Option<&Url> {
        self.hops.last()
    }
}

/// Whether a URL names an audio file by its extension.
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

/// Whether bytes start like an MP3: an ID3 tag or an MPEG audio frame sync.
pub fn starts_like_mp3(first: &[u8]) -> bool {
    first.starts_with(b"ID3") || (first.len() >= 2 && first[0] == 0xFF && first[1] & 0xE0 == 0xE0)
}

/// What one download may do.
pub struct DownloadRequest<'a> {
    /// The URL to download.
    pub url: &'a Url,
    /// Where the cookies for each hop come from (the attempt's browser), if anywhere.
    pub cookies: Option<&'a dyn CookieSource>,
    /// Deadline, minimum rate and largest size of the download.
    pub limits: FetchLimits,
    /// The directory the file is saved in; created if missing.
    pub dir: &'a Path,
    /// File name without extension.
    pub stem: String,
}

/// Downloads an MP3 through `client` into `req.dir`, checking the egress policy at every
/// redirect and the limits all the way. Anything that is not MP3 (by content type, or by
/// name when there is none) is rejected; a partial file is removed on failure or when the
/// future is dropped.
pub async fn download(
    client: &EgressClient,
    req: DownloadRequest<'_>,
) -> Result<Downloaded, DownloadError> {
    let fetched = client.get(req.url, req.cookies, req.limits).await?;
    let final_url = fetched.final_url().clone();
    if !fetched.status().is_success() {
        return Err(DownloadError::Rejected(format!(
            "HTTP {} from {final_url}",
            fetched.status()
        )));
    }
    let content_type = fetched.content_type();
    match content_type.as_deref() {
        Some("audio/mpeg" | "audio/mp3") => {}
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
    if let Some(length) = fetched.content_length()
        && length > req.limits.max_bytes
    {
        return Err(DownloadError::Rejected(format!(
            "{length} bytes is over the {} byte limit",
            req.limits.max_bytes
        )));
    }
    let hops = fetched.hops.clone();
    let body = futures_util::stream::unfold(fetched.body(), |mut body| async move {
        match body.next_chunk().await {
            Ok(Some(chunk)) => Some((Ok(chunk), body)),
            Ok(None) => None,
            Err(err) => Some((Err(DownloadError::from(err)), body)),
        }
    });
    let (path, bytes) = save_mp3(body, req.dir, &req.stem, req.limits.max_bytes).await?;
    Ok(Downloaded {
        path,
        bytes,
        content_type,
        hops,
    })
}

/// Saves the chunks of `body` as `dir/{stem}.mp3`: written to a `.part` file
/// first, renamed only when whole; more than `max_bytes`, or a start that is not an
/// MP3's, is rejected and the partial file removed (also when the future is
/// dropped). The path and the size.
pub async fn save_mp3(
    body: impl futures_util::Stream<Item = Result<Bytes, DownloadError>>,
    dir: &Path,
    stem: &str,
    max_bytes: u64,
) -> Result<(PathBuf, u64), DownloadError> {
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(|e| DownloadError::Failed(format!("{}: {e}", dir.display())))?;
    // Removed when dropped: on an error below, or when the caller's future is dropped.
    let partial = tempfile::Builder::new()
        .prefix(&format!("{stem}."))
        .suffix(".mp3.part")
        .tempfile_in(dir)
        .map_err(|e| DownloadError::Failed(format!("{}: {e}", dir.display())))?;
    let (file, partial_path) = partial.into_parts();
    let mut file = tokio::fs::File::from_std(file);
    let mut first = Vec::with_capacity(3);
    let mut total: u64 = 0;
    let mut body = std::pin::pin!(body);
    while let Some(chunk) = futures_util::StreamExt::next(&mut body).await.transpose()? {
        total = total.saturating_add(chunk.len() as u64);
        if total > max_bytes {
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
    drop(file);
    if !starts_like_mp3(&first) {
        return Err(DownloadError::Rejected(
            "not MP3: the body has no ID3 tag or MPEG frame".to_string(),
        ));
    }
    let path = dir.join(format!("{stem}.mp3"));
    partial_path
        .persist(&path)
        .map_err(|e| DownloadError::Failed(format!("{}: {}", path.display(), e.error)))?;
    Ok((path, total))
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
