//! `[browser] connect`: finding the DevTools WebSocket of a Chromium that is already
//! running.
//!
//! An `http://HOST:PORT` address is asked for `/json/version`, whose
//! `webSocketDebuggerUrl` names the browser's socket as Chromium sees itself (often
//! `127.0.0.1`, or a container's own address); its host and port are replaced by the
//! configured ones, which are how this daemon reaches it. A `ws://` address is used
//! as it is. The address is the operator's, like the model's, so it is not subject to
//! the egress rules that confine pages.

use std::time::Duration;

use url::Url;

/// The DevTools WebSocket URL of the browser at `address`, looked up within `limit`.
pub(crate) async fn websocket_url(address: &str, limit: Duration) -> Result<String, String> {
    let base = Url::parse(address).map_err(|e| format!("not a URL: {e}"))?;
    match base.scheme() {
        "ws" | "wss" => return Ok(base.to_string()),
        "http" | "https" => {}
        other => return Err(format!("unsupported scheme {other:?}")),
    }
    let version = base
        .join("json/version")
        .map_err(|e| format!("no /json/version under it: {e}"))?;
    let client = ragtime_egress::client_builder()
        .no_proxy()
        .timeout(limit)
        .build()
        .map_err(|e| e.to_string())?;
    let response = client
        .get(version.clone())
        .send()
        .await
        .map_err(|e| format!("{version}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("{version} answered {}", response.status()));
    }
    let bytes = response
        .bytes()
        .await
        .map_err(|e| format!("{version}: {e}"))?;
    let body: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| format!("{version} did not answer JSON: {e}"))?;
    let reported = body
        .get("webSocketDebuggerUrl")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| format!("{version} names no webSocketDebuggerUrl"))?;
    as_reached(reported, &base)
}

/// `reported` with the host and port of `base`, and `wss` when `base` is https.
fn as_reached(reported: &str, base: &Url) -> Result<String, String> {
    let mut socket =
        Url::parse(reported).map_err(|e| format!("unreadable webSocketDebuggerUrl: {e}"))?;
    let scheme = if base.scheme() == "https" {
        "wss"
    } else {
        "ws"
    };
    let host = base.host_str().ok_or("the address has no host")?;
    socket
        .set_scheme(scheme)
        .and_then(|()| socket.set_host(Some(host)).map_err(|_| ()))
        .and_then(|()| socket.set_port(base.port_or_known_default()))
        .map_err(|()| format!("cannot point {reported:?} at {base}"))?;
    Ok(socket.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_socket_is_reached_where_the_address_says() {
        let base = Url::parse("http://browsers.internal:9333").expect("url");
        assert_eq!(
            as_reached("ws://127.0.0.1:9222/devtools/browser/abc", &base).as_deref(),
            Ok("ws://browsers.internal:9333/devtools/browser/abc")
        );
        let tls = Url::parse("https://[::1]:443/").expect("url");
        assert_eq!(
            as_reached("ws://0.0.0.0:9222/devtools/browser/x", &tls).as_deref(),
            Ok("wss://[::1]/devtools/browser/x")
        );
        assert!(as_reached("not a url", &base).is_err());
    }
}
