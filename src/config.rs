//! The daemon's configuration: one TOML file, every table optional.
//!
//! `config/default.toml` is embedded in the binary and equals `Config::default()` (a
//! test holds them together); a file given with `--config` is read with the same
//! types, so any key it leaves out keeps its default. Every table denies unknown keys,
//! and an unknown sink name is an error that lists the known ones.

use std::path::{Path, PathBuf};

use ragtime_admin::{AdminSettings, MetricsSettings};
use ragtime_browser::BrowserSettings;
use ragtime_core::RuntimeSettings;
use ragtime_ingest::pipeline::settings::PipelineSettings;
pub use ragtime_ingest::settings::{AgentSettings, AppConfig, PlannerKind, ProgressConfig};
use ragtime_llm::LlmSettings;
use ragtime_store::DatabaseSettings;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The embedded defaults, as shipped in `config/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Why the configuration could not be loaded.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The config file could not be read.
    #[error("cannot read config file {path}: {error}")]
    Read {
        /// The file asked for (`--config` or `RAGTIME_CONFIG`).
        path: PathBuf,
        /// Why reading it failed.
        error: std::io::Error,
    },
    /// The TOML did not parse or did not match the settings' shape.
    #[error("invalid config {origin}: {message}")]
    Parse {
        /// Where the text came from: a path, or "embedded defaults".
        origin: String,
        /// The TOML parser's error.
        message: String,
    },
    /// A value parsed but breaks a rule (a limit of zero, say), in the file or
    /// in a `RAGTIME_*` variable.
    #[error("invalid config {origin}: {message}")]
    Invalid {
        /// Where the value came from: a path, "embedded defaults" or the environment.
        origin: String,
        /// Which setting is wrong and why.
        message: String,
    },
}

/// The whole file: the ingest side's tables ([`AppConfig`]) and the admin's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where attempts, steps and progress are stored.
    pub database: DatabaseSettings,
    /// Deadlines and budgets of every attempt.
    pub runtime: RuntimeSettings,
    /// Which sinks see progress events, and their options.
    pub progress: ProgressConfig,
    /// The Chromium the agent drives, and where it may go.
    pub browser: BrowserSettings,
    /// Workers, leases and the recovery chain of the ingest daemon.
    pub pipeline: PipelineSettings,
    /// The admin web.
    pub admin: AdminSettings,
    /// The Prometheus `/metrics` listener (off by default).
    pub metrics: MetricsSettings,
    /// Which planner drives the agent.
    pub agent: AgentSettings,
    /// The model of the `llm` planner.
    pub llm: LlmSettings,
}

impl Config {
    /// The tables the ingest side runs with.
    /// `[admin] public_url` is where the `webhook` sink's messages link to, unless
    /// `[progress.webhook] admin_url` says otherwise.
    pub fn app(&self) -> AppConfig {
        let mut progress = self.progress.clone();
        if let Some(public) = &self.admin.public_url
            && let Some(toml::Value::Table(webhook)) = progress.options.get_mut("webhook")
            && !webhook.contains_key("admin_url")
        {
            webhook.insert("admin_url".into(), toml::Value::String(public.clone()));
        }
        AppConfig {
            database: self.database.clone(),
            runtime: self.runtime.clone(),
            progress,
            browser: self.browser.clone(),
            pipeline: self.pipeline.clone(),
            agent: self.agent.clone(),
            llm: self.llm.clone(),
        }
    }
}

impl From<Config> for AppConfig {
    fn from(config: Config) -> AppConfig {
        config.app()
    }
}

/// Sets `path` (tables, then a key) in `table` to `value`. The first table must exist
/// (it names a part of the program); a deeper one is made when missing (a sink's
/// table left out of the file), and the types then check every name.
fn set_path(table: &mut toml::Table, path: &[String], value: toml::Value) -> Result<(), String> {
    let Some((key, tables)) = path.split_last() else {
        return Err("no key".to_string());
    };
    let mut current = table;
    for (depth, name) in tables.iter().enumerate() {
        let here = tables[..=depth].join(".");
        if depth == 0 && !current.contains_key(name) {
            return Err(format!("no table [{here}]"));
        }
        current = current
            .entry(name.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .ok_or_else(|| format!("{here} is a value, not a table"))?;
    }
    current.insert(key.clone(), value);
    Ok(())
}

impl Config {
    /// Parses TOML text; `origin` names it in errors (a path, or "embedded defaults").
    pub fn from_toml(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
            origin: origin.to_string(),
            message: one_line(text, &e),
        })?;
        config.validate(origin)?;
        Ok(config)
    }

    /// The file at `path`, or the embedded defaults when there is none.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        match path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
                    path: path.to_path_buf(),
                    error,
                })?;
                Config::from_toml(&text, &path.display().to_string())
            }
            None => Config::from_toml(DEFAULT_TOML, "embedded defaults"),
        }
    }

    /// [`load`](Self::load), then settings from the environment:
    /// `RAGTIME_<TABLE>__<KEY>=value` sets `[table] key` (e.g.
    /// `RAGTIME_PIPELINE__WORKERS=4`, `RAGTIME_RUNTIME__TOOL_DEADLINE=10s`), and each
    /// further `__` goes one table deeper (`RAGTIME_PROGRESS__STEP_TABLE__CAPACITY=64`
    /// sets `[progress.step_table] capacity`); a value
    /// that reads as TOML (number, boolean, list) is taken as such, anything else as a
    /// string.
    pub fn load_with_env(
        path: Option<&Path>,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        // (variable name, path of keys, value); a name with no `__` is not a setting
        // (RAGTIME_CONFIG, RAGTIME_TEST_POSTGRES_URL).
        let overrides: Vec<(String, Vec<String>, String)> = vars
            .into_iter()
            .filter_map(|(name, value)| {
                let rest = name.strip_prefix("RAGTIME_")?;
                let path: Vec<String> = rest.split("__").map(str::to_ascii_lowercase).collect();
                (path.len() >= 2).then_some((name, path, value))
            })
            .collect();
        let base = Config::load(path)?;
        if overrides.is_empty() {
            return Ok(base);
        }
        let origin = "RAGTIME_* environment variables";
        let invalid = |message: String| ConfigError::Invalid {
            origin: origin.to_string(),
            message,
        };
        let mut table = toml::Table::try_from(&base).map_err(|e| invalid(e.to_string()))?;
        for (name, path, raw) in overrides {
            let value = toml::from_str::<toml::Table>(&format!("v = {raw}"))
                .ok()
                .and_then(|mut t| t.remove("v"))
                .unwrap_or(toml::Value::String(raw));
            set_path(&mut table, &path, value).map_err(|why| invalid(format!("{name}: {why}")))?;
        }
        let mut config: Config = toml::Value::Table(table)
            .try_into()
            .map_err(|e: toml::de::Error| invalid(e.message().to_string()))?;
        config.validate(origin)?;
        Ok(config)
    }

    /// Each part checks its own tables (the ingest side's, then the admin's); the
    /// sinks' tables come back with their defaults filled in.
    fn validate(&mut self, origin: &str) -> Result<(), ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            origin: origin.to_string(),
            message,
        };
        let mut app = self.app();
        app.check().map_err(invalid)?;
        self.progress = app.progress;
        self.admin.check().map_err(invalid)
    }
}

/// A TOML error as one line: `line L, column C: message`.
fn one_line(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().replace('\n', " ");
    match err.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let source: String = text
                .lines()
                .nth(line - 1)
                .unwrap_or("")
                .trim()
                .chars()
                .take(60)
                .collect();
            format!("line {line} `{source}`: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_equal_the_code_defaults() {
        let parsed = Config::from_toml(DEFAULT_TOML, "default.toml").expect("default.toml parses");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn unknown_sink_is_named_with_the_known_ones() {
        let err = Config::from_toml("[progress]\nsinks = [\"json_column\", \"kafka\"]\n", "t")
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("kafka") && text.contains("step_table"),
            "{text}"
        );
    }

    #[test]
    fn the_webhook_links_to_the_public_admin_unless_told_otherwise() {
        let admin_url = |text: &str| {
            let config = Config::from_toml(text, "t").expect("parses");
            config.app().progress.options["webhook"]["admin_url"]
                .as_str()
                .map(str::to_string)
        };
        let public = "[admin]\npublic_url = \"https://ragtime.example\"\n";
        assert_eq!(
            admin_url(public).as_deref(),
            Some("https://ragtime.example")
        );
        let own = format!("{public}[progress.webhook]\nadmin_url = \"https://hooks.example\"\n");
        assert_eq!(admin_url(&own).as_deref(), Some("https://hooks.example"));
        let err = Config::from_toml("[admin]\npublic_url = \"ftp://x\"\n", "t").unwrap_err();
        assert!(err.to_string().contains("public_url"), "{err}");
    }

    #[test]
    fn unknown_option_is_named() {
        let err = Config::from_toml("[progress.step_table]\ncapasity = 3\n", "t").unwrap_err();
        assert!(err.to_string().contains("capasity"), "{err}");
        let err = Config::from_toml("[runtime]\ntool_deadline = \"soon\"\n", "t").unwrap_err();
        assert!(err.to_string().contains("tool_deadline"), "{err}");
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let config =
            Config::from_toml("[runtime]\nattempt_deadline = \"3m\"\n", "t").expect("parses");
        // Not the default (120 s): the file's value is read.
        assert_eq!(
            config.runtime.attempt_deadline,
            std::time::Duration::from_secs(180)
        );
        assert_eq!(
            config.runtime.tool_deadline,
            RuntimeSettings::default().tool_deadline
        );
        assert_eq!(config.progress, ProgressConfig::default());
    }

    #[test]
    fn environment_variables_override_the_file() {
        let vars = [
            ("RAGTIME_PIPELINE__WORKERS".to_string(), "7".to_string()),
            (
                "RAGTIME_RUNTIME__TOOL_DEADLINE".to_string(),
                "9s".to_string(),
            ),
            (
                "RAGTIME_BROWSER__ALLOW_HOSTS".to_string(),
                "[\"127.0.0.1\"]".to_string(),
            ),
            ("UNRELATED".to_string(), "x".to_string()),
        ];
        let config = Config::load_with_env(None, vars).expect("loads");
        assert_eq!(config.pipeline.workers, 7);
        assert_eq!(
            config.runtime.tool_deadline,
            std::time::Duration::from_secs(9)
        );
        assert_eq!(config.browser.allow_hosts, vec!["127.0.0.1".to_string()]);
        let bad = Config::load_with_env(
            None,
            [("RAGTIME_PIPELINE__WORKERZ".to_string(), "1".to_string())],
        );
        assert!(bad.unwrap_err().to_string().contains("workerz"));
    }

    #[test]
    fn nested_environment_keys_reach_every_level() {
        let capacity = |config: &Config, sink: &str| {
            config
                .progress
                .options_of::<ragtime_core::QueueSettings>(sink)
                .capacity
        };
        let defaults = Config::default();
        let default = capacity(&defaults, "step_table");
        let vars = [(
            "RAGTIME_PROGRESS__STEP_TABLE__CAPACITY".to_string(),
            (default + 7).to_string(),
        )];
        let config = Config::load_with_env(None, vars).expect("loads");
        assert_eq!(capacity(&config, "step_table"), default + 7);
        assert_eq!(
            capacity(&config, "json_column"),
            capacity(&defaults, "json_column"),
            "only the named table changes"
        );
        let error = |name: &str| {
            Config::load_with_env(None, [(name.to_string(), "1".to_string())])
                .map(|_| ())
                .unwrap_err()
                .to_string()
        };
        let top = error("RAGTIME_NOPE__X");
        assert!(
            top.contains("RAGTIME_NOPE__X") && top.contains("no table [nope]"),
            "{top}"
        );
        let through_a_value = error("RAGTIME_PIPELINE__WORKERS__X");
        assert!(
            through_a_value.contains("pipeline.workers is a value"),
            "{through_a_value}"
        );
        let unknown = error("RAGTIME_PROGRESS__STEP_TABLE__CAPACITZ");
        assert!(unknown.contains("capacitz"), "{unknown}");
    }

    #[test]
    fn allow_hosts_entries_are_checked_at_load() {
        let err = Config::from_toml("[browser]\nallow_hosts = [\"http://127.0.0.1\"]\n", "t")
            .unwrap_err();
        assert!(err.to_string().contains("browser.allow_hosts"), "{err}");
        let config = Config::from_toml(
            "[browser]\nallow_hosts = [\"127.0.0.1:8000\", \"[::1]\"]\n",
            "t",
        )
        .expect("host:port and [v6] entries");
        assert_eq!(config.browser.allow_hosts.len(), 2);
    }

    #[test]
    fn duplicate_sinks_and_zero_deadlines_are_refused() {
        assert!(Config::from_toml("[progress]\nsinks = [\"log\", \"log\"]\n", "t").is_err());
        assert!(
            Config::from_toml("[runtime.tool_deadlines]\nclick_element = \"0s\"\n", "t").is_err()
        );
    }
}
