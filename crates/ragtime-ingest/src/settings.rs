//! What the ingest side runs with: [`AppConfig`], the tables of the config file that
//! the [`App`](crate::App) reads, and the rules those tables keep.
//!
//! Each table's type lives in the crate it configures (the runtime's in ragtime-core,
//! the browser's in ragtime-browser, ...); this module composes them and checks what
//! serde cannot. The binary's config file adds the admin's table and layers files and
//! the environment; it never reaches into the code these settings drive.

use ragtime_browser::BrowserSettings;
use ragtime_core::RuntimeSettings;
use ragtime_llm::LlmSettings;
use ragtime_store::DatabaseSettings;
use serde::{Deserialize, Serialize};

use crate::pipeline::settings::PipelineSettings;
use crate::sinks::{SINKS, SinkKind};

/// Every table the ingest daemon reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppConfig {
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

/// The `[progress]` table: the sinks to run, and one `[progress.NAME]` table of
/// options per sink of the registry ([`SINKS`]), each read by that sink's own type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressConfig {
    /// Sinks that receive every progress event, in this order.
    pub sinks: Vec<String>,
    /// Each sink's options, by name; checked and completed by [`ProgressConfig::check`].
    #[serde(flatten)]
    pub options: toml::Table,
}

impl Default for ProgressConfig {
    fn default() -> Self {
        let options = SINKS
            .iter()
            .filter_map(|kind| Some((kind.name.to_string(), kind.defaults().ok()?.into())))
            .collect();
        ProgressConfig {
            sinks: ["json_column", "step_table", "log", "live"]
                .map(String::from)
                .to_vec(),
            options,
        }
    }
}

impl ProgressConfig {
    /// Whether `progress.sinks` names `sink`.
    pub fn runs(&self, sink: &str) -> bool {
        self.sinks.iter().any(|name| name == sink)
    }

    /// The options table of `sink`, when the config has one.
    pub fn table(&self, sink: &str) -> Option<&toml::Table> {
        self.options.get(sink).and_then(toml::Value::as_table)
    }

    /// Options of `sink` read as `T` (its defaults when the table is missing or does
    /// not read).
    pub fn options_of<T: serde::de::DeserializeOwned + Default>(&self, sink: &str) -> T {
        self.table(sink)
            .and_then(|table| toml::Value::Table(table.clone()).try_into().ok())
            .unwrap_or_default()
    }

    /// Replaces the options of `sink` with `options` (of the sink's own type).
    pub fn set_options<T: Serialize>(&mut self, sink: &str, options: &T) -> Result<(), String> {
        let table = toml::Table::try_from(options).map_err(|e| format!("progress.{sink}: {e}"))?;
        self.options
            .insert(sink.to_string(), toml::Value::Table(table));
        Ok(())
    }

    /// Names known sinks once each, gives each table to its sink to check, and fills
    /// in every default, so two configs that mean the same compare equal.
    pub fn check(&mut self, database_url: &str) -> Result<(), String> {
        for (i, name) in self.sinks.iter().enumerate() {
            if self.sinks[..i].contains(name) {
                return Err(format!("progress.sinks names `{name}` twice"));
            }
            SinkKind::named(name)
                .map_err(|why| format!("progress.sinks: {why}"))?
                .usable_with(database_url)
                .map_err(|why| format!("progress.sinks names `{name}`, which {why}"))?;
        }
        if let Some(unknown) = self
            .options
            .keys()
            .find(|key| SinkKind::named(key).is_err())
        {
            return Err(format!(
                "[progress.{unknown}]: {}",
                SinkKind::named(unknown).err().unwrap_or_default()
            ));
        }
        for kind in SINKS {
            let table = match self.options.get(kind.name) {
                None => None,
                Some(toml::Value::Table(table)) => Some(table),
                Some(_) => return Err(format!("progress.{} must be a table", kind.name)),
            };
            let normalized = kind.normalize(table)?;
            self.options
                .insert(kind.name.to_string(), toml::Value::Table(normalized));
        }
        Ok(())
    }
}

impl AppConfig {
    /// Rules serde cannot express: known sinks, no zero-sized queues, deadlines or
    /// limits. Completes the sinks' tables with their defaults.
    pub fn check(&mut self) -> Result<(), String> {
        if self.database.url.trim().is_empty() {
            return Err("database.url is empty".to_string());
        }
        self.progress.check(&self.database.url)?;
        let runtime = &self.runtime;
        let mut deadlines = vec![
            ("runtime.tool_deadline".to_string(), runtime.tool_deadline),
            (
                "runtime.attempt_deadline".to_string(),
                runtime.attempt_deadline,
            ),
            (
                "runtime.heartbeat_interval".to_string(),
                runtime.heartbeat_interval,
            ),
        ];
        for (tool, deadline) in &runtime.tool_deadlines {
            deadlines.push((format!("runtime.tool_deadlines.{tool}"), **deadline));
        }
        if let Some((key, _)) = deadlines.iter().find(|(_, d)| d.is_zero()) {
            return Err(format!("{key} must be above zero"));
        }
        if runtime.max_steps == 0 {
            return Err("runtime.max_steps must be at least 1".to_string());
        }
        if let Err(err) = ragtime_egress::EgressPolicy::new(&self.browser.allow_hosts) {
            return Err(format!("browser.{err}"));
        }
        for (key, wait) in [
            ("browser.click_wait", self.browser.click_wait),
            ("browser.launch_timeout", self.browser.launch_timeout),
            ("browser.download_deadline", self.browser.download_deadline),
            ("browser.min_rate_window", self.browser.min_rate_window),
            ("pipeline.fetch_timeout", self.pipeline.fetch_timeout),
        ] {
            if wait.is_zero() {
                return Err(format!("{key} must be above zero"));
            }
        }
        if self.pipeline.workers == 0
            || self.pipeline.lease.is_zero()
            || self.pipeline.poll_interval.is_zero()
        {
            return Err(
                "pipeline.workers, pipeline.lease and pipeline.poll_interval must be above zero"
                    .to_string(),
            );
        }
        if self.pipeline.max_page_bytes == 0 || self.browser.max_download_bytes == 0 {
            return Err(
                "pipeline.max_page_bytes and browser.max_download_bytes must be at least 1"
                    .to_string(),
            );
        }
        self.llm.validate()
    }
}
