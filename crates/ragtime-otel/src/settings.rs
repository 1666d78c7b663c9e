//! The `[progress.otel]` table: where the `otel` sink sends its traces and how.
//! A leaf: the config composes it, and the sink is built from it.

use std::collections::BTreeMap;
use std::time::Duration;

use ragtime_core::QueueSettings;
use serde::{Deserialize, Serialize};

/// The `[progress.otel]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OtelSinkConfig {
    /// The collector's OTLP/HTTP base address; spans are posted to
    /// `{endpoint}/v1/traces` (an endpoint that already ends in `/v1/traces` is
    /// used as it is).
    pub endpoint: String,
    /// The `service.name` of the traces.
    pub service_name: String,
    /// Headers sent with every export, as written here (non-secret ones).
    pub headers: BTreeMap<String, String>,
    /// Headers whose values come from environment variables, by header name: a
    /// collector's credentials stay out of the file (`Authorization =
    /// "LANGFUSE_AUTH"`). A variable that is not set is a start-up error.
    pub headers_from_env: BTreeMap<String, String>,
    /// How long one export may take, connection included.
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
    /// The sink's queue: its size, batches, and the backoff between retries while
    /// the collector is away.
    pub queue: QueueSettings,
}

impl Default for OtelSinkConfig {
    fn default() -> Self {
        OtelSinkConfig {
            endpoint: "http://127.0.0.1:4318".to_string(),
            service_name: "ragtime".to_string(),
            headers: BTreeMap::new(),
            headers_from_env: BTreeMap::new(),
            timeout: Duration::from_secs(10),
            queue: QueueSettings {
                capacity: 10_000,
                max_batch: 512,
                retry_initial: Duration::from_millis(200),
                retry_max: Duration::from_secs(10),
            },
        }
    }
}

impl OtelSinkConfig {
    /// Where spans are posted: the endpoint with `/v1/traces`, or an error that says
    /// what is wrong with it.
    pub fn traces_url(&self) -> Result<String, String> {
        let url = url::Url::parse(self.endpoint.trim())
            .map_err(|e| format!("endpoint {:?} is not a URL: {e}", self.endpoint))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(format!(
                "endpoint {:?} must be an http:// or https:// address",
                self.endpoint
            ));
        }
        let text = url.as_str().trim_end_matches('/');
        Ok(if text.ends_with("/v1/traces") {
            text.to_string()
        } else {
            format!("{text}/v1/traces")
        })
    }

    /// Every header to send, the environment's values read now; an error names a
    /// header or variable that cannot be used.
    pub fn resolved_headers(&self) -> Result<BTreeMap<String, String>, String> {
        let mut headers = self.headers.clone();
        for (name, variable) in &self.headers_from_env {
            let value = std::env::var(variable).map_err(|_| {
                format!("headers_from_env: {name} names ${variable}, which is not set")
            })?;
            headers.insert(name.clone(), value);
        }
        for (name, value) in &headers {
            http::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("{name:?} is not a header name"))?;
            // The value is not shown: it may be a credential.
            http::HeaderValue::from_str(value)
                .map_err(|_| format!("the value of header {name} is not a header value"))?;
        }
        Ok(headers)
    }

    /// Rules serde cannot express.
    pub fn check(&self) -> Result<(), String> {
        self.traces_url()?;
        self.resolved_headers()?;
        if self.service_name.trim().is_empty() {
            return Err("service_name must not be empty".to_string());
        }
        if self.timeout.is_zero() {
            return Err("timeout must be above zero".to_string());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_traces_url_is_the_endpoint_with_its_otlp_path() {
        let at = |endpoint: &str| OtelSinkConfig {
            endpoint: endpoint.to_string(),
            ..OtelSinkConfig::default()
        };
        assert_eq!(
            OtelSinkConfig::default().traces_url(),
            Ok("http://127.0.0.1:4318/v1/traces".to_string())
        );
        assert_eq!(
            at("https://otel.example/").traces_url(),
            Ok("https://otel.example/v1/traces".to_string())
        );
        assert_eq!(
            at("http://collector:4318/api/public/otel/v1/traces").traces_url(),
            Ok("http://collector:4318/api/public/otel/v1/traces".to_string())
        );
        for bad in ["", "collector:4318", "ftp://x/", "file:///tmp/x"] {
            assert!(at(bad).traces_url().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn headers_come_from_the_table_and_the_environment_or_are_an_error() {
        let mut config = OtelSinkConfig::default();
        config.headers.insert("x-scope".into(), "ragtime".into());
        config
            .headers_from_env
            .insert("authorization".into(), "PATH".into());
        let headers = config.resolved_headers().unwrap_or_default();
        assert_eq!(headers.get("x-scope").map(String::as_str), Some("ragtime"));
        assert_eq!(
            headers.get("authorization"),
            std::env::var("PATH").ok().as_ref()
        );
        config
            .headers_from_env
            .insert("x-key".into(), "RAGTIME_TEST_A_VARIABLE_NOBODY_SETS".into());
        let err = config.check().err().unwrap_or_default();
        assert!(err.contains("RAGTIME_TEST_A_VARIABLE_NOBODY_SETS"), "{err}");
        let mut bad = OtelSinkConfig::default();
        bad.headers.insert("bad name".into(), "x".into());
        assert!(bad.check().is_err());
        let mut secret = OtelSinkConfig::default();
        secret
            .headers
            .insert("authorization".into(), "a\nsecret".into());
        let err = secret.check().err().unwrap_or_default();
        assert!(!err.contains("secret"), "a bad value is not shown: {err}");
    }
}
