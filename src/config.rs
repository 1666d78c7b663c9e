//! The daemon's configuration: one TOML file, every table optional.
//!
//! `config/default.toml` is embedded in the binary and equals `Config::default()` (a
//! test holds them together); a file given with `--config` is read with the same
//! types, so any key it leaves out keeps its default. Every table denies unknown keys,
//! and an unknown sink name is an error that lists the known ones.

use std::path::{Path, PathBuf};

use ragtime_browser::BrowserSettings;
use ragtime_llm::LlmSettings;

use crate::admin::settings::AdminSettings;
use crate::pipeline::settings::PipelineSettings;
use ragtime_core::sink::log::LogSinkConfig;
use ragtime_core::{LiveSinkConfig, QueueSettings, RuntimeSettings};
use ragtime_store::DatabaseSettings;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The embedded defaults, as shipped in `config/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {error}")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("invalid config {origin}: {message}")]
    Parse { origin: String, message: String },
    #[error("invalid config {origin}: {message}")]
    Invalid { origin: String, message: String },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where attempts, steps and progress are stored.
    pub database: DatabaseSettings,
    /// Deadlines and budgets of every attempt.
    pub runtime: RuntimeSettings,
    /// Which sinks see progress events, and their queues.
    pub progress: ProgressConfig,
    /// The Chromium the agent drives, and where it may go.
    pub browser: BrowserSettings,
    /// Workers, leases and the recovery chain of the ingest daemon.
    pub pipeline: PipelineSettings,
    /// The admin web.
    pub admin: AdminSettings,
    /// Which planner drives the agent.
    pub agent: AgentSettings,
    /// The model of the `llm` planner.
    pub llm: LlmSettings,
}

/// The planners an agent attempt can run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlannerKind {
    /// The explorer: no network, no key.
    #[default]
    Heuristic,
    /// An OpenAI-compatible model (`[llm]`).
    Llm,
}

/// The `[agent]` table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgentSettings {
    /// `heuristic` (the default) or `llm`.
    pub planner: PlannerKind,
}

/// A sink that can be named in `progress.sinks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SinkName {
    /// `recovery_attempts.progress`, one JSON entry per call.
    JsonColumn,
    /// `recovery_steps`, one row per call.
    StepTable,
    /// One `tracing` event per progress event.
    Log,
    /// Subscribers in this process: the admin's live pages.
    Live,
    /// PostgreSQL `NOTIFY`, so the admin of every daemon on the database sees this
    /// daemon's attempts live. PostgreSQL only.
    Notify,
}

impl SinkName {
    pub fn as_str(self) -> &'static str {
        match self {
            SinkName::JsonColumn => "json_column",
            SinkName::StepTable => "step_table",
            SinkName::Log => "log",
            SinkName::Live => "live",
            SinkName::Notify => "notify",
        }
    }
}

/// The `[progress]` table: the sinks to run and each one's options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgressConfig {
    /// Sinks that receive every progress event, in this order.
    pub sinks: Vec<SinkName>,
    /// Queue of the `json_column` sink.
    pub json_column: QueueSettings,
    /// Queue of the `step_table` sink.
    pub step_table: QueueSettings,
    /// Options of the `log` sink.
    pub log: LogSinkConfig,
    /// Options of the `live` sink.
    pub live: LiveSinkConfig,
    /// Queue of the `notify` sink.
    pub notify: QueueSettings,
}

impl Default for ProgressConfig {
    fn default() -> Self {
        ProgressConfig {
            sinks: vec![
                SinkName::JsonColumn,
                SinkName::StepTable,
                SinkName::Log,
                SinkName::Live,
            ],
            json_column: QueueSettings::default(),
            step_table: QueueSettings::default(),
            log: LogSinkConfig::default(),
            live: LiveSinkConfig::default(),
            notify: QueueSettings::default(),
        }
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
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
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
        let config: Config = toml::Value::Table(table)
            .try_into()
            .map_err(|e: toml::de::Error| invalid(e.message().to_string()))?;
        config.validate(origin)?;
        Ok(config)
    }

    /// Rules serde cannot express: no duplicate sinks, no zero-sized queues or deadlines.
    fn validate(&self, origin: &str) -> Result<(), ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            origin: origin.to_string(),
            message,
        };
        for (i, sink) in self.progress.sinks.iter().enumerate() {
            if self.progress.sinks[..i].contains(sink) {
                return Err(invalid(format!(
                    "progress.sinks names `{}` twice",
                    sink.as_str()
                )));
            }
        }
        for (name, queue) in [
            ("json_column", &self.progress.json_column),
            ("step_table", &self.progress.step_table),
            ("notify", &self.progress.notify),
        ] {
            if queue.capacity == 0 || queue.max_batch == 0 {
                return Err(invalid(format!(
                    "progress.{name}: capacity and max_batch must be at least 1"
                )));
            }
            if queue.retry_initial.is_zero() || queue.retry_max < queue.retry_initial {
                return Err(invalid(format!(
                    "progress.{name}: retry_initial must be above zero and retry_max at least retry_initial"
                )));
            }
        }
        if self.progress.log.capacity == 0 || self.progress.live.capacity == 0 {
            return Err(invalid(
                "progress.log.capacity and progress.live.capacity must be at least 1".to_string(),
            ));
        }
        if self.progress.sinks.contains(&SinkName::Notify)
            && !self.database.url.trim().starts_with("postgres")
        {
            return Err(invalid(
                "progress.sinks names `notify`, which needs a postgres:// database".to_string(),
            ));
        }
        let runtime = &self.runtime;
        let mut deadlines = vec![("runtime.tool_deadline".to_string(), runtime.tool_deadline)];
        deadlines.push((
            "runtime.attempt_deadline".to_string(),
            runtime.attempt_deadline,
        ));
        deadlines.push((
            "runtime.heartbeat_interval".to_string(),
            runtime.heartbeat_interval,
        ));
        for (tool, deadline) in &runtime.tool_deadlines {
            deadlines.push((format!("runtime.tool_deadlines.{tool}"), **deadline));
        }
        if let Some((key, _)) = deadlines.iter().find(|(_, d)| d.is_zero()) {
            return Err(invalid(format!("{key} must be above zero")));
        }
        if runtime.max_steps == 0 {
            return Err(invalid("runtime.max_steps must be at least 1".to_string()));
        }
        if let Err(err) = ragtime_egress::EgressPolicy::new(&self.browser.allow_hosts) {
            return Err(invalid(format!("browser.{err}")));
        }
        for (key, wait) in [
            ("browser.click_wait", self.browser.click_wait),
            ("browser.launch_timeout", self.browser.launch_timeout),
            ("browser.download_deadline", self.browser.download_deadline),
            ("browser.min_rate_window", self.browser.min_rate_window),
            ("pipeline.fetch_timeout", self.pipeline.fetch_timeout),
            ("admin.login_window", self.admin.login_window),
        ] {
            if wait.is_zero() {
                return Err(invalid(format!("{key} must be above zero")));
            }
        }
        if self.pipeline.workers == 0
            || self.pipeline.lease.is_zero()
            || self.pipeline.poll_interval.is_zero()
        {
            return Err(invalid(
                "pipeline.workers, pipeline.lease and pipeline.poll_interval must be above zero"
                    .to_string(),
            ));
        }
        if self.pipeline.max_page_bytes == 0 || self.browser.max_download_bytes == 0 {
            return Err(invalid(
                "pipeline.max_page_bytes and browser.max_download_bytes must be at least 1"
                    .to_string(),
            ));
        }
        if self.admin.login_attempts == 0 || self.admin.login_attempts_global == 0 {
            return Err(invalid(
                "admin.login_attempts and admin.login_attempts_global must be at least 1"
                    .to_string(),
            ));
        }
        self.llm.validate().map_err(invalid)?;
        if self.database.url.trim().is_empty() {
            return Err(invalid("database.url is empty".to_string()));
        }
        Ok(())
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
        let default = ProgressConfig::default().step_table.capacity;
        let vars = [(
            "RAGTIME_PROGRESS__STEP_TABLE__CAPACITY".to_string(),
            (default + 7).to_string(),
        )];
        let config = Config::load_with_env(None, vars).expect("loads");
        assert_eq!(config.progress.step_table.capacity, default + 7);
        assert_eq!(
            config.progress.json_column.capacity,
            ProgressConfig::default().json_column.capacity,
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
