//! The fixture site keeps to loopback: every URL on its episode and corpus pages
//! names a loopback address (ARCHITECTURE.md, `ragtime-fixtures`).

use std::time::Duration;

use ragtime_fixtures::{FixtureSite, corpus, episodes};

/// Up to 1 MB of a page (a page that never ends or never answers gives what came).
async fn page_start(client: &reqwest::Client, url: &str) -> String {
    let mut body = Vec::new();
    let Ok(Ok(mut response)) =
        tokio::time::timeout(Duration::from_secs(5), client.get(url).send()).await
    else {
        return String::new();
    };
    while body.len() < 1024 * 1024 {
        match tokio::time::timeout(Duration::from_secs(5), response.chunk()).await {
            Ok(Ok(Some(chunk))) => body.extend_from_slice(&chunk),
            _ => break,
        }
    }
    String::from_utf8_lossy(&body).into_owned()
}

/// Every absolute http(s)/ws(s) URL in `text`, as written.
fn urls_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for scheme in ["http://", "https://", "ws://", "wss://"] {
        for (at, _) in text.match_indices(scheme) {
            let rest = &text[at..];
            let end = rest
                .find(|c: char| c.is_whitespace() || "\"'<>`\\)".contains(c))
                .unwrap_or(rest.len());
            found.push(rest[..end].to_string());
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_url_on_a_fixture_page_is_loopback() {
    let site = FixtureSite::start().await.expect("site");
    let client = ragtime_egress::client_builder().build().expect("client");
    let mut pages: Vec<String> = episodes()
        .iter()
        .map(|e| site.episode_url(e.slug))
        .collect();
    pages.extend(corpus::pages().iter().map(|p| site.corpus_url(p.slug)));
    let mut checked = 0;
    for page in &pages {
        let text = page_start(&client, page).await;
        for found in urls_in(&text) {
            // JSON-LD names its vocabulary by URL; nothing fetches it.
            if found.starts_with("https://schema.org") {
                continue;
            }
            let host = url::Url::parse(&found)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default();
            let ip = host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>();
            assert!(
                host == "localhost" || ip.is_ok_and(|ip| ip.is_loopback()),
                "{page} points to {found}"
            );
            checked += 1;
        }
    }
    println!("{checked} URLs on {} pages, all loopback", pages.len());
    assert!(checked > pages.len(), "the pages name URLs: {checked}");
}
