//! The navigation policy: where the browser and downloads may go.
//!
//! Only `http` and `https`; no loopback, private, link-local (the cloud metadata
//! address 169.254.169.254 included), unspecified or unique-local address, whether
//! written as an IP or reached through a name, unless `[browser] allow_hosts` names
//! the host. The browser session applies it to every request the page makes (CDP
//! request interception, so redirects and subresources too); downloads apply it to
//! every hop and every resolved address.

use std::collections::HashSet;
use std::net::IpAddr;

use url::{Host, Url};

/// Why a URL was refused; the text ends up in the step's output.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {reason}")]
pub struct Refused {
    pub url: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct NavigationPolicy {
    allow_hosts: HashSet<String>,
}

impl NavigationPolicy {
    pub fn new(allow_hosts: &[String]) -> Self {
        NavigationPolicy {
            allow_hosts: allow_hosts.iter().map(|h| normalize(h)).collect(),
        }
    }

    /// Checks what can be known without DNS: scheme, and the host if it is an address
    /// or a name that always means this machine.
    pub fn check(&self, url: &Url) -> Result<(), Refused> {
        let refuse = |reason: String| Refused {
            url: url.as_str().chars().take(200).collect(),
            reason,
        };
        match url.scheme() {
            "http" | "https" => {}
            other => {
                return Err(refuse(format!(
                    "scheme {other}: is not allowed (only http and https)"
                )));
            }
        }
        let Some(host) = url.host() else {
            return Err(refuse("no host".to_string()));
        };
        if self.allows(&host_text(&host)) {
            return Ok(());
        }
        match host {
            Host::Ipv4(ip) => self.check_ip(IpAddr::V4(ip)).map_err(refuse),
            Host::Ipv6(ip) => self.check_ip(IpAddr::V6(ip)).map_err(refuse),
            Host::Domain(name) => {
                let name = normalize(name);
                if name == "localhost" || name.ends_with(".localhost") {
                    Err(refuse(format!(
                        "{name} is this machine (loopback); not allowed by [browser] allow_hosts"
                    )))
                } else {
                    Ok(())
                }
            }
        }
    }

    /// [`check`](Self::check), then every address the host name resolves to.
    pub async fn check_resolved(&self, url: &Url) -> Result<(), Refused> {
        self.check(url)?;
        let (Some(Host::Domain(name)), Some(port)) = (url.host(), url.port_or_known_default())
        else {
            return Ok(());
        };
        if self.allows(&normalize(name)) {
            return Ok(());
        }
        let refuse = |reason: String| Refused {
            url: url.as_str().chars().take(200).collect(),
            reason,
        };
        let addrs = tokio::net::lookup_host((name, port))
            .await
            .map_err(|e| refuse(format!("cannot resolve {name}: {e}")))?;
        for addr in addrs {
            self.check_ip(addr.ip())
                .map_err(|reason| refuse(format!("{name} resolves to {reason}")))?;
        }
        Ok(())
    }

    /// Whether a resolved address may be connected to.
    pub fn check_ip(&self, ip: IpAddr) -> Result<(), String> {
        if self.allows(&ip.to_string()) {
            return Ok(());
        }
        match forbidden_kind(ip) {
            Some(kind) => Err(format!(
                "{ip} is a {kind} address; not allowed by [browser] allow_hosts"
            )),
            None => Ok(()),
        }
    }

    fn allows(&self, host: &str) -> bool {
        self.allow_hosts.contains(host)
    }

    /// Whether `[browser] allow_hosts` names this host.
    pub fn allows_host(&self, host: &str) -> bool {
        self.allows(&normalize(host))
    }
}

fn normalize(host: &str) -> String {
    host.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

fn host_text(host: &Host<&str>) -> String {
    match host {
        Host::Domain(name) => normalize(name),
        Host::Ipv4(ip) => ip.to_string(),
        Host::Ipv6(ip) => ip.to_string(),
    }
}

fn forbidden_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            if v4.is_loopback() {
                Some("loopback")
            } else if v4.is_link_local() {
                Some("link-local")
            } else if v4.is_private() || (a == 100 && (64..128).contains(&b)) {
                Some("private")
            } else if v4.is_unspecified() || v4.is_broadcast() || a == 0 {
                Some("unspecified")
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden_kind(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if first & 0xffc0 == 0xfe80 {
                Some("link-local")
            } else if first & 0xfe00 == 0xfc00 {
                Some("unique-local")
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("test url")
    }

    #[test]
    fn refuses_schemes_and_internal_addresses() {
        let policy = NavigationPolicy::default();
        for bad in [
            "file:///etc/passwd",
            "chrome://settings",
            "javascript:alert(1)",
            "http://127.0.0.1:8080/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://172.16.5.4/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fe80::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://localhost:3000/",
            "http://app.localhost/",
        ] {
            assert!(policy.check(&url(bad)).is_err(), "{bad} was allowed");
        }
        for good in [
            "https://podcasts.example/ep/1",
            "http://93.184.216.34/a.mp3",
            "https://[2001:db8::1]/",
        ] {
            assert_eq!(policy.check(&url(good)), Ok(()), "{good}");
        }
    }

    #[test]
    fn allow_hosts_opens_exactly_the_named_hosts() {
        let policy = NavigationPolicy::new(&["127.0.0.1".to_string()]);
        assert_eq!(
            policy.check(&url("http://127.0.0.1:4000/episodes/1")),
            Ok(())
        );
        assert!(policy.check(&url("http://127.0.0.2/")).is_err());
        assert!(policy.check(&url("http://169.254.169.254/")).is_err());
        assert!(
            policy.check(&url("file:///etc/passwd")).is_err(),
            "allow_hosts never opens other schemes"
        );
        let refused = policy.check(&url("http://169.254.169.254/")).unwrap_err();
        assert!(refused.reason.contains("link-local"), "{refused}");
    }

    #[tokio::test]
    async fn names_are_checked_by_what_they_resolve_to() {
        let policy = NavigationPolicy::default();
        // `localhost.` with a trailing dot and names that resolve to loopback.
        assert!(
            policy
                .check_resolved(&url("http://localhost./"))
                .await
                .is_err()
        );
        let allowed = NavigationPolicy::new(&["localhost".to_string()]);
        assert_eq!(
            allowed.check_resolved(&url("http://localhost:9/")).await,
            Ok(())
        );
    }
}
