//! `EgressPolicy`: where an attempt's browser and ragtime's own requests may go.
//!
//! Only `http`, `https`, `ws` and `wss`; never an address the [table](crate::table)
//! refuses (loopback, private, link-local, the cloud metadata address, ...), whether
//! written as an IP or reached through a name, unless `[browser] allow_hosts` names
//! the host (optionally with a port). Names are resolved once, here; every address
//! of the answer must pass, and the caller connects to exactly those addresses, so a
//! name cannot point somewhere else between the check and the connection.

use std::net::{IpAddr, SocketAddr};

use url::{Host, Url};

use crate::table::reserved_block;

/// Requests refused by the egress rules: by the gate (browser and downloads alike)
/// and by the checks made before a request is sent ([`EgressPolicy::admit`]).
pub const EGRESS_REFUSALS: &str = "ragtime_egress_refusals_total";

/// Why a request was refused; the text ends up in the step's output.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{target}: {reason}")]
pub struct Refused {
    /// The URL, or `host:port` for a tunnel, that was refused (cut to 200 characters).
    pub target: String,
    /// Why, in words.
    pub reason: String,
}

impl Refused {
    /// A refusal of `target` (cut to 200 characters) for `reason`.
    pub fn new(target: &str, reason: impl Into<String>) -> Refused {
        Refused {
            target: target.chars().take(200).collect(),
            reason: reason.into(),
        }
    }
}

/// An `allow_hosts` entry that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("allow_hosts entry {entry:?}: {reason}")]
pub struct InvalidAllowEntry {
    /// The entry as written in config.
    pub entry: String,
    /// What is wrong with it.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct AllowEntry {
    /// Lower case, no brackets or trailing dot; IP addresses in canonical form.
    host: String,
    /// `None` allows every port.
    port: Option<u16>,
}

impl AllowEntry {
    fn parse(entry: &str) -> Result<AllowEntry, InvalidAllowEntry> {
        let invalid = |reason: &str| InvalidAllowEntry {
            entry: entry.to_string(),
            reason: reason.to_string(),
        };
        let text = entry.trim();
        if text.is_empty() {
            return Err(invalid("empty"));
        }
        if text.contains("://") || text.contains('/') {
            return Err(invalid("a host or host:port, not a URL"));
        }
        let (host, port) = if let Some(rest) = text.strip_prefix('[') {
            let (inside, after) = rest.split_once(']').ok_or_else(|| invalid("unclosed ["))?;
            let port = match after {
                "" => None,
                _ => Some(
                    after
                        .strip_prefix(':')
                        .ok_or_else(|| invalid("expected :PORT after ]"))?,
                ),
            };
            (inside, port)
        } else if text.matches(':').count() > 1 {
            (text, None)
        } else {
            match text.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (text, None),
            }
        };
        let port = port
            .map(|p| {
                p.parse::<u16>()
                    .map_err(|_| invalid("the port is not a number from 0 to 65535"))
            })
            .transpose()?;
        let host = normalize(host);
        if host.is_empty() {
            return Err(invalid("no host"));
        }
        Ok(AllowEntry { host, port })
    }
}

/// The rules every outgoing connection of an attempt (and of the pipeline) passes.
#[derive(Debug, Clone, Default)]
pub struct EgressPolicy {
    allow: Vec<AllowEntry>,
}

impl EgressPolicy {
    /// A policy that opens exactly the `allow_hosts` entries: `host`, `host:port`,
    /// `[v6]` or `[v6]:port`.
    pub fn new(allow_hosts: &[String]) -> Result<EgressPolicy, InvalidAllowEntry> {
        let allow = allow_hosts
            .iter()
            .map(|h| AllowEntry::parse(h))
            .collect::<Result<_, _>>()?;
        Ok(EgressPolicy { allow })
    }

    /// Whether an entry opens `host` on `port` (`None`: on some port).
    pub fn allows(&self, host: &str, port: Option<u16>) -> bool {
        let host = normalize(host);
        self.allow
            .iter()
            .any(|e| e.host == host && (e.port.is_none() || port.is_none() || e.port == port))
    }

    /// [`check_url`](Self::check_url) for a request about to be made: a refusal is
    /// counted in `ragtime_egress_refusals_total`, as the gate counts its own.
    pub fn admit(&self, url: &Url) -> Result<(), Refused> {
        self.check_url(url).inspect_err(|_| {
            metrics::counter!(EGRESS_REFUSALS).increment(1);
        })
    }

    /// What can be known without DNS: the scheme, and the host if it is an address or
    /// a name that always means this machine.
    pub fn check_url(&self, url: &Url) -> Result<(), Refused> {
        let refuse = |reason: String| Refused::new(url.as_str(), reason);
        match url.scheme() {
            "http" | "https" | "ws" | "wss" => {}
            other => {
                return Err(refuse(format!(
                    "scheme {other}: is not allowed (only http and https)"
                )));
            }
        }
        let Some(host) = url.host() else {
            return Err(refuse("no host".to_string()));
        };
        let port = url.port_or_known_default();
        self.check_host(&host_text(&host), port).map_err(refuse)
    }

    /// [`check_url`](Self::check_url)'s host rule, for a host and port (a tunnel).
    pub fn check_host(&self, host: &str, port: Option<u16>) -> Result<(), String> {
        let host = normalize(host);
        if self.allows(&host, port) {
            return Ok(());
        }
        if let Ok(ip) = host.parse::<IpAddr>() {
            return self.check_ip(ip, port);
        }
        if host == "localhost" || host.ends_with(".localhost") {
            return Err(format!(
                "{host} is this machine (loopback); not allowed by [browser] allow_hosts"
            ));
        }
        Ok(())
    }

    /// Whether a resolved (or literal) address may be connected to.
    pub fn check_ip(&self, ip: IpAddr, port: Option<u16>) -> Result<(), String> {
        if self.allows(&ip.to_string(), port) {
            return Ok(());
        }
        match reserved_block(ip) {
            Some(block) => Err(format!(
                "{ip} is in {} ({}, {}); not allowed by [browser] allow_hosts",
                block.prefix, block.name, block.source
            )),
            None => Ok(()),
        }
    }

    /// Decides on one DNS answer: every address must pass, or the name is refused
    /// (an answer that mixes a public and a private address is how DNS rebinding
    /// starts). An allowed name is taken as it resolves.
    pub fn check_answer(
        &self,
        host: &str,
        port: Option<u16>,
        addrs: &[SocketAddr],
    ) -> Result<(), String> {
        if addrs.is_empty() {
            return Err(format!("{host} does not resolve to any address"));
        }
        if self.allows(host, port) {
            return Ok(());
        }
        for addr in addrs {
            self.check_ip(addr.ip(), port)
                .map_err(|reason| format!("{host} resolves to {reason}"))?;
        }
        Ok(())
    }

    /// Resolves `host` once and returns the addresses to connect to, all checked.
    /// Literal addresses are checked without a lookup.
    pub async fn resolve(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, String> {
        let bare = normalize(host);
        self.check_host(&bare, Some(port))?;
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return Ok(vec![SocketAddr::new(ip, port)]);
        }
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((bare.as_str(), port))
            .await
            .map_err(|e| format!("cannot resolve {bare}: {e}"))?
            .collect();
        self.check_answer(&bare, Some(port), &addrs)?;
        Ok(addrs)
    }
}

/// Host text as entries and URLs are compared: lower case, no brackets, no trailing
/// dot, addresses in canonical form.
fn normalize(host: &str) -> String {
    let bare = host
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    match bare.parse::<IpAddr>() {
        Ok(ip) => ip.to_string(),
        Err(_) => bare,
    }
}

fn host_text(host: &Host<&str>) -> String {
    match host {
        Host::Domain(name) => normalize(name),
        Host::Ipv4(ip) => ip.to_string(),
        Host::Ipv6(ip) => ip.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("test url")
    }

    fn policy(allow: &[&str]) -> EgressPolicy {
        EgressPolicy::new(&allow.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .expect("valid entries")
    }

    #[test]
    fn refuses_schemes_and_internal_addresses_in_every_spelling() {
        let policy = EgressPolicy::default();
        for bad in [
            "file:///etc/passwd",
            "chrome://settings",
            "javascript:alert(1)",
            "ftp://files.example/a.mp3",
            "http://127.0.0.1:8080/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://172.16.5.4/",
            "http://100.64.0.1/",
            "http://198.18.0.1/",
            "http://224.0.0.1/",
            "http://240.0.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fe80::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::7f00:1]/",
            "http://[2002:7f00:1::]/",
            "http://localhost:3000/",
            "http://LOCALHOST./",
            "http://app.localhost/",
            // Decimal, hex and octal forms of 127.0.0.1, as browsers read them.
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "ws://127.0.0.1:9000/socket",
            "wss://[::1]/socket",
        ] {
            assert!(policy.check_url(&url(bad)).is_err(), "{bad} was allowed");
        }
        for good in [
            "https://podcasts.example/ep/1",
            "http://93.184.216.34/a.mp3",
            "https://[2606:4700::1111]/",
            "wss://live.example/socket",
        ] {
            assert_eq!(policy.check_url(&url(good)), Ok(()), "{good}");
        }
    }

    #[test]
    fn a_refusal_names_the_block_and_its_source() {
        let refused = EgressPolicy::default()
            .check_url(&url("http://169.254.169.254/"))
            .unwrap_err();
        assert!(refused.reason.contains("169.254.0.0/16"), "{refused}");
        assert!(refused.reason.contains("RFC 3927"), "{refused}");
    }

    #[test]
    fn allow_hosts_opens_exactly_the_named_hosts_and_ports() {
        let policy = policy(&["127.0.0.2", "127.0.0.3:8000", "[::1]:9000", "Fixture.Test."]);
        assert_eq!(
            policy.check_url(&url("http://127.0.0.2:4000/episodes/1")),
            Ok(())
        );
        assert_eq!(policy.check_url(&url("http://127.0.0.3:8000/")), Ok(()));
        assert!(policy.check_url(&url("http://127.0.0.3:8001/")).is_err());
        assert!(
            policy.check_url(&url("http://127.0.0.3/")).is_err(),
            "port 80 is not 8000"
        );
        assert_eq!(policy.check_url(&url("http://[::1]:9000/")), Ok(()));
        assert!(policy.check_url(&url("http://[::1]:9001/")).is_err());
        assert!(policy.check_url(&url("http://127.0.0.1/")).is_err());
        assert!(policy.check_url(&url("http://169.254.169.254/")).is_err());
        assert_eq!(policy.check_url(&url("http://fixture.test/")), Ok(()));
        assert!(
            policy.check_url(&url("file:///etc/passwd")).is_err(),
            "allow_hosts never opens other schemes"
        );
    }

    #[test]
    fn bad_allow_entries_are_errors_that_name_them() {
        for bad in [
            "",
            "http://127.0.0.1",
            "127.0.0.1:http",
            "[::1",
            "[::1]8000",
            "host:99999",
        ] {
            let err = EgressPolicy::new(&[bad.to_string()]).unwrap_err();
            assert_eq!(err.entry, bad);
        }
    }

    #[test]
    fn a_dns_answer_passes_only_when_every_address_does() {
        let policy = EgressPolicy::default();
        let public: SocketAddr = "93.184.216.34:443".parse().expect("addr");
        let metadata: SocketAddr = "169.254.169.254:443".parse().expect("addr");
        let loopback6: SocketAddr = "[::1]:443".parse().expect("addr");
        assert_eq!(
            policy.check_answer("cdn.example", Some(443), &[public]),
            Ok(())
        );
        let mixed = policy
            .check_answer("rebind.example", Some(443), &[public, metadata])
            .unwrap_err();
        assert!(
            mixed.contains("rebind.example resolves to 169.254.169.254"),
            "{mixed}"
        );
        assert!(
            policy
                .check_answer("v6.example", Some(443), &[loopback6, public])
                .is_err()
        );
        assert!(
            policy
                .check_answer("empty.example", Some(443), &[])
                .is_err()
        );
        let allowed = self::policy(&["127.0.0.2:443"]);
        let stand_in: SocketAddr = "127.0.0.2:443".parse().expect("addr");
        assert_eq!(
            allowed.check_answer("internal.example", Some(443), &[stand_in]),
            Ok(())
        );
        assert!(
            allowed
                .check_answer("internal.example", Some(80), &[stand_in])
                .is_err()
        );
    }

    #[tokio::test]
    async fn names_are_checked_by_what_they_resolve_to() {
        // `localhost` resolves through /etc/hosts: no query leaves the machine.
        let policy = EgressPolicy::default();
        assert!(policy.resolve("localhost.", 80).await.is_err());
        let allowed = self::policy(&["localhost"]);
        let addrs = allowed.resolve("localhost", 9).await.expect("allowed");
        assert!(addrs.iter().all(|a| a.ip().is_loopback() && a.port() == 9));
        let literal = EgressPolicy::default().resolve("127.0.0.1", 80).await;
        assert!(literal.unwrap_err().contains("127.0.0.0/8"));
    }

    /// A name no rule refuses by its spelling (this machine's own host name, which
    /// /etc/hosts or the resolver maps to one of its addresses, so no query leaves the
    /// machine) passes the name check and is refused by what the lookup answers.
    #[tokio::test]
    async fn a_plain_name_is_refused_by_the_address_it_resolves_to() {
        let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .expect("this machine's host name")
            .trim()
            .to_string();
        let policy = EgressPolicy::default();
        assert_eq!(
            policy.check_host(&name, Some(80)),
            Ok(()),
            "{name} is not refused by its spelling"
        );
        let answer: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 80))
            .await
            .expect("this machine's name resolves")
            .collect();
        assert!(
            answer.iter().all(|a| reserved_block(a.ip()).is_some()),
            "{name} resolves to a private address here: {answer:?}"
        );
        let refused = policy
            .resolve(&name, 80)
            .await
            .expect_err("a name that resolves to this machine is refused");
        assert!(
            answer
                .iter()
                .any(|a| refused.contains(&format!("{name} resolves to {}", a.ip()))),
            "the refusal names the address the lookup gave: {refused}"
        );
    }
}
