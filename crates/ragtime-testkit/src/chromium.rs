//! A Chromium started the way a browser pool or a sidecar container runs one, for
//! `[browser] connect`: headless, its DevTools port on loopback, killed when dropped.

use std::io;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A running Chromium with `--remote-debugging-port`.
pub struct RemoteChromium {
    child: Child,
    port: u16,
    _profile: TempProfile,
}

/// The profile directory, removed with the browser.
struct TempProfile(std::path::PathBuf);

impl Drop for TempProfile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl RemoteChromium {
    /// Starts `executable` with its DevTools on `127.0.0.1:port` and waits (up to
    /// 30 s) until `/json/version` answers.
    pub async fn start(executable: &Path, port: u16) -> io::Result<RemoteChromium> {
        let profile = std::env::temp_dir().join(format!(
            "ragtime-remote-chromium-{}-{port}",
            std::process::id()
        ));
        std::fs::create_dir_all(&profile)?;
        let child = Command::new(executable)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-address=127.0.0.1",
                &format!("--remote-debugging-port={port}"),
                &format!("--user-data-dir={}", profile.display()),
                "about:blank",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let mut chromium = RemoteChromium {
            child,
            port,
            _profile: TempProfile(profile),
        };
        let started = Instant::now();
        while !devtools_answers(port).await {
            if started.elapsed() > Duration::from_secs(30) {
                chromium.kill();
                return Err(io::Error::other(
                    "chromium's DevTools did not answer in 30 s",
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(chromium)
    }

    /// `http://127.0.0.1:PORT`, for `[browser] connect`.
    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Kills the browser and waits for it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RemoteChromium {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Whether a DevTools endpoint on `127.0.0.1:port` answers `/json/version` with 200.
pub async fn devtools_answers(port: u16) -> bool {
    let ask = async {
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
        stream
            .write_all(
                b"GET /json/version HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            )
            .await?;
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).await?;
        Ok::<bool, io::Error>(head.ends_with(b" 200"))
    };
    matches!(
        tokio::time::timeout(Duration::from_secs(2), ask).await,
        Ok(Ok(true))
    )
}

/// A loopback port nothing listens on now.
pub fn free_port() -> io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}
