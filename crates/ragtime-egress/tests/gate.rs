//! The gate and its client on loopback: what is refused never gets a connection, what
//! is allowed works (plain HTTP and tunnels), and every fetch ends within its limits,
//! leaving no `.part` file behind.

#![allow(
    clippy::expect_used,
    reason = "a test helper that cannot go on may panic: that is a failed test"
)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ragtime_egress::{
    DownloadError, DownloadRequest, EgressClient, EgressGate, EgressPolicy, FetchError,
    FetchLimits, download,
};
use ragtime_fixtures::FixtureSite;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

/// A listener on a loopback stand-in for an internal service; counts connections.
async fn victim(ip: &str) -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind(format!("{ip}:0")).await.expect("victim");
    let addr = listener.local_addr().expect("addr");
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    tokio::spawn(async move {
        while let Ok((_stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
        }
    });
    (addr, hits)
}

fn gate(allow: &[String]) -> EgressGate {
    EgressGate::new(Arc::new(
        EgressPolicy::new(allow).expect("valid allow list"),
    ))
}

fn limits() -> FetchLimits {
    FetchLimits {
        deadline: Duration::from_secs(60),
        min_rate: 1024,
        rate_window: Duration::from_secs(2),
        max_bytes: 1024 * 1024,
    }
}

fn url(text: &str) -> Url {
    Url::parse(text).expect("url")
}

/// A raw request to the gate; returns the status line of its answer.
async fn raw(gate: SocketAddr, request: &str) -> (String, TcpStream) {
    let mut stream = TcpStream::connect(gate).await.expect("gate");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).await.expect("answer");
    let text = String::from_utf8_lossy(&buf[..n]).to_string();
    (text.lines().next().unwrap_or("").to_string(), stream)
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn refused_targets_never_get_a_connection_and_each_refusal_is_logged() {
    let (internal, hits) = victim("127.0.0.2").await;
    let (v6, v6_hits) = victim("[::1]").await;
    let gate = gate(&[]);
    let client = EgressClient::new(&gate).await.expect("client");
    for target in [
        format!("http://{internal}/latest/meta-data/"),
        format!("http://{v6}/"),
        format!("http://localhost:{}/", internal.port()),
        format!("http://[::ffff:127.0.0.2]:{}/", internal.port()),
        format!("https://{internal}/"),
        format!("ws://{internal}/socket"),
    ] {
        match client.get(&url(&target), None, limits()).await {
            Err(FetchError::Blocked(refused)) => {
                assert!(!refused.reason.is_empty(), "{target}: {refused}")
            }
            Err(other) => panic!("{target}: expected a refusal, got {other}"),
            Ok(fetched) => panic!("{target}: fetched, status {}", fetched.status()),
        }
    }
    // Straight to the gate, as Chromium talks to it: a tunnel and a plain request.
    let listener = client.listener();
    let before = listener.refusals().mark();
    let (status, _) = raw(
        listener.addr(),
        &format!("CONNECT {internal} HTTP/1.1\r\nHost: {internal}\r\n\r\n"),
    )
    .await;
    assert!(status.contains("403"), "{status}");
    let (status, _) = raw(
        listener.addr(),
        &format!("GET http://{internal}/ HTTP/1.1\r\nHost: {internal}\r\n\r\n"),
    )
    .await;
    assert!(status.contains("403"), "{status}");
    let refused = listener.refusals().since(before);
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused[0].reason.contains("127.0.0.0/8"), "{}", refused[0]);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "the internal stand-in was reached"
    );
    assert_eq!(v6_hits.load(Ordering::SeqCst), 0, "[::1] was reached");
}

#[tokio::test]
async fn allowed_hosts_work_through_the_gate_by_plain_request_and_by_tunnel() {
    let site = FixtureSite::start().await.expect("site");
    let gate = gate(&[site.addr().to_string()]);
    let client = EgressClient::new(&gate).await.expect("client");
    let page = client
        .get(&url(&site.episode_url("direct-link")), None, limits())
        .await
        .expect("fetch");
    assert!(page.status().is_success());
    let body = page.bytes().await.expect("body");
    assert!(String::from_utf8_lossy(&body).contains("/audio/direct-link.mp3"));
    // A tunnel to the allowed host carries a request end to end.
    let (status, mut tunnel) = raw(
        client.listener().addr(),
        &format!("CONNECT {0} HTTP/1.1\r\nHost: {0}\r\n\r\n", site.addr()),
    )
    .await;
    assert!(status.contains("200"), "{status}");
    tunnel
        .write_all(
            format!(
                "GET /episodes/og-audio HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                site.addr()
            )
            .as_bytes(),
        )
        .await
        .expect("send through the tunnel");
    let mut answer = String::new();
    tunnel.read_to_string(&mut answer).await.expect("read");
    assert!(answer.contains("og:audio"), "{answer}");
    // HTTPS takes the same tunnel, and the client's TLS is set up (its crypto
    // provider installed): a plain-HTTP server at the other end fails the handshake,
    // an error and not a panic.
    let https = client
        .get(&url(&format!("https://{}/", site.addr())), None, limits())
        .await;
    assert!(
        matches!(&https, Err(FetchError::Network(why)) if !why.is_empty()),
        "{:?}",
        https.map(|f| f.status())
    );
    // Another port of the same host is not allowed by a host:port entry.
    let (other, hits) = victim("127.0.0.1").await;
    assert!(matches!(
        client
            .get(&url(&format!("http://{other}/")), None, limits())
            .await,
        Err(FetchError::Blocked(_))
    ));
    assert_eq!(hits.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_redirect_to_an_internal_address_is_refused_at_its_hop() {
    let site = FixtureSite::start().await.expect("site");
    let gate = gate(&[site.addr().to_string()]);
    let client = EgressClient::new(&gate).await.expect("client");
    let dir = tempfile::tempdir().expect("dir");
    let target = url(&site.url("/files/redirect-metadata.mp3"));
    let request = DownloadRequest {
        url: &target,
        cookies: None,
        limits: limits(),
        dir: dir.path(),
        stem: "x".into(),
    };
    match download(&client, request).await {
        Err(DownloadError::Blocked(refused)) => {
            assert!(refused.target.contains("127.0.0.3"), "{refused}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(files_in(dir.path()).is_empty());
}

async fn download_of(
    site: &FixtureSite,
    path: &str,
    limits: FetchLimits,
    dir: &Path,
) -> Result<(), DownloadError> {
    let gate = gate(&[site.addr().to_string()]);
    let client = EgressClient::new(&gate).await.expect("client");
    let target = url(&site.url(path));
    let request = DownloadRequest {
        url: &target,
        cookies: None,
        limits,
        dir,
        stem: "episode".into(),
    };
    download(&client, request).await.map(|_| ())
}

#[tokio::test]
async fn a_trickle_is_cut_at_the_minimum_rate_and_leaves_no_part_file() {
    let site = FixtureSite::start().await.expect("site");
    let dir = tempfile::tempdir().expect("dir");
    let started = Instant::now();
    let result = download_of(&site, "/files/trickle.mp3", limits(), dir.path()).await;
    assert!(
        matches!(&result, Err(DownloadError::Failed(why)) if why.contains("stalled")),
        "{result:?}"
    );
    println!("trickle cut after {:?}", started.elapsed());
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[tokio::test]
async fn an_endless_body_is_cut_at_the_size_cap_and_a_slow_one_at_the_deadline() {
    let site = FixtureSite::start().await.expect("site");
    let dir = tempfile::tempdir().expect("dir");
    let capped = download_of(&site, "/files/endless.mp3", limits(), dir.path()).await;
    assert!(
        matches!(&capped, Err(DownloadError::Rejected(why)) if why.contains("limit")),
        "{capped:?}"
    );
    let patient = FetchLimits {
        deadline: Duration::from_secs(3),
        min_rate: 0,
        ..limits()
    };
    let late = download_of(&site, "/files/trickle.mp3", patient, dir.path()).await;
    assert!(
        matches!(&late, Err(DownloadError::Failed(why)) if why.contains("not complete within the fetch deadline of 3s")),
        "{late:?}"
    );
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[tokio::test]
async fn a_download_dropped_midway_removes_its_part_file() {
    let site = Arc::new(FixtureSite::start().await.expect("site"));
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().to_path_buf();
    let running = {
        let site = Arc::clone(&site);
        let patient = FetchLimits {
            min_rate: 0,
            ..limits()
        };
        tokio::spawn(async move { download_of(&site, "/files/trickle.mp3", patient, &path).await })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !files_in(dir.path())
        .iter()
        .any(|f| f.ends_with(".mp3.part"))
    {
        assert!(Instant::now() < deadline, "no .part file appeared");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // What the supervisor does to a tool call past its deadline: drop its future.
    running.abort();
    let _ = running.await;
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[tokio::test]
async fn a_huge_page_is_read_only_up_to_its_cap() {
    let site = FixtureSite::start().await.expect("site");
    let gate = gate(&[site.addr().to_string()]);
    let client = EgressClient::new(&gate).await.expect("client");
    let fetched = client
        .get(&url(&site.episode_url("huge-body")), None, limits())
        .await
        .expect("fetch");
    let (body, cut) = fetched.prefix().await.expect("prefix");
    assert!(cut);
    assert_eq!(body.len(), 1024 * 1024);
    assert!(String::from_utf8_lossy(&body).contains("og:audio"));
    // The server could send no more than the socket buffers hold past the cap.
    let sent = site.log().streamed_bytes();
    assert!(
        sent < 64 * 1024 * 1024,
        "the server sent {sent} bytes of a {} byte page",
        ragtime_fixtures::hostile::HUGE_PAGE_BYTES
    );
}
