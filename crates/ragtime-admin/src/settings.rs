//! The `[admin]` table and the login limits it sets. A leaf: the config composes it
//! without reaching the admin's handlers.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The `[admin]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdminSettings {
    /// Where the admin listens; empty turns it off.
    pub listen: String,
    /// The login password; `RAGTIME_ADMIN_PASSWORD` overrides it. Without either,
    /// `serve` makes one up and prints it once.
    pub password: Option<String>,
    /// How long a login lasts.
    #[serde(with = "humantime_serde")]
    pub session_ttl: Duration,
    /// Login attempts one client address may make in `login_window` (the rest get
    /// 429 until the window lets one more through).
    pub login_attempts: u32,
    /// Login attempts of all clients together in `login_window`.
    pub login_attempts_global: u32,
    /// The window both login limits count in (default one minute).
    #[serde(with = "humantime_serde")]
    pub login_window: Duration,
    /// The admin's address as people reach it (`https://ragtime.example`), for the
    /// links in the `webhook` sink's messages; none sends no link.
    pub public_url: Option<String>,
    /// A link to an attempt's trace in a trace viewer, `{trace_id}` standing for its
    /// id (`http://jaeger:16686/trace/{trace_id}`); none shows no link.
    pub trace_url: Option<String>,
}

impl AdminSettings {
    /// Rules serde cannot express: a login window and limits above zero.
    pub fn check(&self) -> Result<(), String> {
        if self.login_window.is_zero() || self.session_ttl.is_zero() {
            return Err("admin.login_window and admin.session_ttl must be above zero".to_string());
        }
        if let Some(template) = &self.trace_url {
            let example = trace_link(template, "0af7651916cd43dd8448eb211c80319c");
            let scheme = template.split("://").next().unwrap_or_default();
            if !template.contains("{trace_id}")
                || !matches!(scheme, "http" | "https")
                || example.contains(char::is_whitespace)
            {
                return Err(format!(
                    "admin.trace_url {template:?} must be an http(s) address with {{trace_id}} in it"
                ));
            }
        }
        if let Some(public) = &self.public_url {
            let scheme = public.split("://").next().unwrap_or_default();
            if !matches!(scheme, "http" | "https") || url::Url::parse(public).is_err() {
                return Err(format!(
                    "admin.public_url {public:?} must be an http(s) address"
                ));
            }
        }
        if self.login_attempts == 0 || self.login_attempts_global == 0 {
            return Err(
                "admin.login_attempts and admin.login_attempts_global must be at least 1"
                    .to_string(),
            );
        }
        Ok(())
    }

    /// The throttle of the login form.
    pub fn login_limits(&self) -> LoginLimits {
        LoginLimits {
            per_client: self.login_attempts,
            global: self.login_attempts_global,
            window: self.login_window,
        }
    }
}

impl Default for AdminSettings {
    fn default() -> Self {
        AdminSettings {
            listen: "127.0.0.1:8080".to_string(),
            password: None,
            session_ttl: Duration::from_secs(12 * 3600),
            login_attempts: 10,
            login_attempts_global: 60,
            login_window: Duration::from_secs(60),
            public_url: None,
            trace_url: None,
        }
    }
}

/// The link `template` (`[admin] trace_url`) makes for the trace `trace_id`.
pub fn trace_link(template: &str, trace_id: &str) -> String {
    template.replace("{trace_id}", trace_id)
}

/// How many login attempts are let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    /// Attempts one client address may make at once; then one more per
    /// `window / per_client`.
    pub per_client: u32,
    /// The same for all clients together.
    pub global: u32,
    /// The window the limits count in.
    pub window: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_client: 10,
            global: 60,
            window: Duration::from_secs(60),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trace_url_needs_a_scheme_and_the_trace_id_placeholder() {
        let with = |template: &str| AdminSettings {
            trace_url: Some(template.to_string()),
            ..AdminSettings::default()
        };
        assert_eq!(with("http://jaeger:16686/trace/{trace_id}").check(), Ok(()));
        assert_eq!(
            trace_link("https://x.example/t/{trace_id}?q=1", "ab12"),
            "https://x.example/t/ab12?q=1"
        );
        for bad in [
            "http://jaeger:16686/trace/",
            "javascript:alert({trace_id})",
            "jaeger/{trace_id}",
            "http://a b/{trace_id}",
        ] {
            assert!(with(bad).check().is_err(), "{bad}");
        }
        assert_eq!(AdminSettings::default().check(), Ok(()));
    }
}
