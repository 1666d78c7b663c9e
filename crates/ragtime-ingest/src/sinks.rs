//! The sink registry: every sink `progress.sinks` can name, its `[progress.NAME]`
//! table of options, the rules that table must keep, and how the running sink is
//! built from it.
//!
//! A sink's code lives in the crate it belongs to (`log` and `live` in ragtime-core,
//! the database sinks in ragtime-store); what the config knows of it is one
//! [`ConfiguredSink`] impl here and one line in [`SINKS`]. Nothing else — not the
//! config's types, its validation, nor [`start_runtime`](crate::app::start_runtime) —
//! names a sink.

use std::sync::Arc;

use ragtime_core::sink::log::LogSinkConfig;
use ragtime_core::{LiveFeed, LiveSink, LiveSinkConfig, LogSink, QueueSettings, SinkSpec};
use ragtime_otel::{OtelSink, OtelSinkConfig};
use ragtime_store::{JsonColumnSink, NotifySink, StepTableSink, Store};

use crate::webhook::{WebhookSink, WebhookSinkConfig};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Every sink the config can name, in the order `--help` and errors list them.
pub const SINKS: &[SinkKind] = &[
    SinkKind::of::<JsonColumnSink>(),
    SinkKind::of::<StepTableSink>(),
    SinkKind::of::<LogSink>(),
    SinkKind::of::<LiveSink>(),
    SinkKind::of::<NotifySink>(),
    SinkKind::of::<OtelSink>(),
    SinkKind::of::<WebhookSink>(),
];

/// What a sink is built from when the runtime starts.
pub struct SinkContext<'a> {
    /// The database the database sinks write to.
    pub store: &'a Store,
    /// Where the `live` sink publishes.
    pub live: &'a LiveFeed,
    /// This process's name, which the `notify` sink signs its notifications with.
    pub origin: &'a str,
}

/// A sink as the config sees it: a name, a table of options, and a constructor.
pub trait ConfiguredSink {
    /// The name in `progress.sinks` and of its `[progress.NAME]` table.
    const NAME: &'static str;
    /// The options table; its `Default` is what an empty or missing table means.
    type Options: Serialize + DeserializeOwned + Default;
    /// Rules of the options serde cannot express.
    fn check(options: &Self::Options) -> Result<(), String>;
    /// Whether the sink can run on the configured database (checked when
    /// `progress.sinks` names it).
    fn usable_with(database_url: &str) -> Result<(), String> {
        let _ = database_url;
        Ok(())
    }
    /// The running sink and its queue, or why it cannot run.
    fn start(options: Self::Options, context: &SinkContext<'_>) -> Result<SinkSpec, String>;
}

/// One entry of [`SINKS`]: a [`ConfiguredSink`] with its types erased, so the config
/// can hold every sink's table as TOML and check it by name.
pub struct SinkKind {
    /// The sink's name in the config.
    pub name: &'static str,
    defaults: fn() -> Result<toml::Table, String>,
    normalize: fn(Option<&toml::Table>) -> Result<toml::Table, String>,
    usable_with: fn(&str) -> Result<(), String>,
    start: fn(Option<&toml::Table>, &SinkContext<'_>) -> Result<SinkSpec, String>,
}

impl SinkKind {
    /// The registry entry of `S`.
    pub const fn of<S: ConfiguredSink>() -> SinkKind {
        SinkKind {
            name: S::NAME,
            defaults: defaults::<S>,
            normalize: normalize::<S>,
            usable_with: S::usable_with,
            start: start::<S>,
        }
    }

    /// The sink named `name`, or an error that lists the known names.
    pub fn named(name: &str) -> Result<&'static SinkKind, String> {
        SINKS.iter().find(|kind| kind.name == name).ok_or_else(|| {
            format!(
                "unknown sink `{name}`; the sinks are {}",
                SINKS
                    .iter()
                    .map(|kind| format!("`{}`", kind.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    }

    /// Its options table with every default filled in.
    pub fn defaults(&self) -> Result<toml::Table, String> {
        (self.defaults)()
    }

    /// Reads `table` (unknown keys refused), checks it, and returns it with every
    /// default filled in.
    pub fn normalize(&self, table: Option<&toml::Table>) -> Result<toml::Table, String> {
        (self.normalize)(table)
    }

    /// Whether the sink can run on the database at `database_url`.
    pub fn usable_with(&self, database_url: &str) -> Result<(), String> {
        (self.usable_with)(database_url)
    }

    /// Builds the running sink from its table.
    pub fn start(
        &self,
        table: Option<&toml::Table>,
        context: &SinkContext<'_>,
    ) -> Result<SinkSpec, String> {
        (self.start)(table, context)
    }
}

fn options<S: ConfiguredSink>(table: Option<&toml::Table>) -> Result<S::Options, String> {
    match table {
        None => Ok(S::Options::default()),
        Some(table) => toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| format!("progress.{}: {}", S::NAME, e.message())),
    }
}

fn to_table<S: ConfiguredSink>(options: &S::Options) -> Result<toml::Table, String> {
    toml::Table::try_from(options).map_err(|e| format!("progress.{}: {e}", S::NAME))
}

fn defaults<S: ConfiguredSink>() -> Result<toml::Table, String> {
    to_table::<S>(&S::Options::default())
}

fn normalize<S: ConfiguredSink>(table: Option<&toml::Table>) -> Result<toml::Table, String> {
    let options = options::<S>(table)?;
    S::check(&options).map_err(|why| format!("progress.{}: {why}", S::NAME))?;
    to_table::<S>(&options)
}

fn start<S: ConfiguredSink>(
    table: Option<&toml::Table>,
    context: &SinkContext<'_>,
) -> Result<SinkSpec, String> {
    S::start(options::<S>(table)?, context)
}

/// The rules of a queue that writes to the database.
fn check_queue(queue: &QueueSettings) -> Result<(), String> {
    if queue.capacity == 0 || queue.max_batch == 0 {
        return Err("capacity and max_batch must be at least 1".to_string());
    }
    if queue.retry_initial.is_zero() || queue.retry_max < queue.retry_initial {
        return Err(
            "retry_initial must be above zero and retry_max at least retry_initial".to_string(),
        );
    }
    Ok(())
}

/// The queue of a sink that never fails (`log`, `live`): only its size matters.
fn capacity_queue(capacity: usize) -> QueueSettings {
    QueueSettings {
        capacity,
        ..QueueSettings::default()
    }
}

fn check_capacity(capacity: usize) -> Result<(), String> {
    if capacity == 0 {
        return Err("capacity must be at least 1".to_string());
    }
    Ok(())
}

impl ConfiguredSink for JsonColumnSink {
    const NAME: &'static str = "json_column";
    type Options = QueueSettings;
    fn check(queue: &QueueSettings) -> Result<(), String> {
        check_queue(queue)
    }
    fn start(queue: QueueSettings, context: &SinkContext<'_>) -> Result<SinkSpec, String> {
        Ok(SinkSpec {
            sink: Arc::new(JsonColumnSink::new(context.store)),
            queue,
        })
    }
}

impl ConfiguredSink for StepTableSink {
    const NAME: &'static str = "step_table";
    type Options = QueueSettings;
    fn check(queue: &QueueSettings) -> Result<(), String> {
        check_queue(queue)
    }
    fn start(queue: QueueSettings, context: &SinkContext<'_>) -> Result<SinkSpec, String> {
        Ok(SinkSpec {
            sink: Arc::new(StepTableSink::new(context.store)),
            queue,
        })
    }
}

impl ConfiguredSink for LogSink {
    const NAME: &'static str = "log";
    type Options = LogSinkConfig;
    fn check(options: &LogSinkConfig) -> Result<(), String> {
        check_capacity(options.capacity)
    }
    fn start(options: LogSinkConfig, _: &SinkContext<'_>) -> Result<SinkSpec, String> {
        Ok(SinkSpec {
            sink: Arc::new(LogSink),
            queue: capacity_queue(options.capacity),
        })
    }
}

impl ConfiguredSink for LiveSink {
    const NAME: &'static str = "live";
    type Options = LiveSinkConfig;
    fn check(options: &LiveSinkConfig) -> Result<(), String> {
        check_capacity(options.capacity)
    }
    fn start(options: LiveSinkConfig, context: &SinkContext<'_>) -> Result<SinkSpec, String> {
        Ok(SinkSpec {
            sink: Arc::new(LiveSink::new(context.live.clone())),
            queue: capacity_queue(options.capacity),
        })
    }
}

impl ConfiguredSink for NotifySink {
    const NAME: &'static str = "notify";
    type Options = QueueSettings;
    fn check(queue: &QueueSettings) -> Result<(), String> {
        check_queue(queue)
    }
    fn usable_with(database_url: &str) -> Result<(), String> {
        if database_url.trim().starts_with("postgres") {
            Ok(())
        } else {
            Err("needs a postgres:// database".to_string())
        }
    }
    fn start(queue: QueueSettings, context: &SinkContext<'_>) -> Result<SinkSpec, String> {
        Ok(SinkSpec {
            sink: Arc::new(NotifySink::new(context.store, context.origin)),
            queue,
        })
    }
}

impl ConfiguredSink for OtelSink {
    const NAME: &'static str = "otel";
    type Options = OtelSinkConfig;
    fn check(options: &OtelSinkConfig) -> Result<(), String> {
        check_queue(&options.queue).map_err(|why| format!("queue: {why}"))?;
        options.check()
    }
    fn start(options: OtelSinkConfig, _: &SinkContext<'_>) -> Result<SinkSpec, String> {
        // The collector is the operator's (often internal): not through the egress
        // gate that holds the browser and downloads.
        let client = ragtime_egress::client_builder()
            .build()
            .map_err(|e| format!("progress.otel: an HTTP client: {e}"))?;
        let sink = OtelSink::new(&options, client).map_err(|e| e.to_string())?;
        Ok(SinkSpec {
            sink: Arc::new(sink),
            queue: options.queue,
        })
    }
}

impl ConfiguredSink for WebhookSink {
    const NAME: &'static str = "webhook";
    type Options = WebhookSinkConfig;
    fn check(options: &WebhookSinkConfig) -> Result<(), String> {
        check_queue(&options.queue).map_err(|why| format!("queue: {why}"))?;
        // The default table (no url) is valid until the sink is named; a named sink
        // with no url is refused when it starts.
        if options.url.trim().is_empty() {
            return Ok(());
        }
        options.check()
    }
    fn start(options: WebhookSinkConfig, _: &SinkContext<'_>) -> Result<SinkSpec, String> {
        if options.url.trim().is_empty() {
            return Err("progress.webhook: url is required".to_string());
        }
        let queue = options.queue.clone();
        let sink = WebhookSink::new(options).map_err(|why| format!("progress.webhook: {why}"))?;
        Ok(SinkSpec {
            sink: Arc::new(sink),
            queue,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_default_table_passes_its_own_rules() {
        for (i, kind) in SINKS.iter().enumerate() {
            assert!(
                SINKS[..i].iter().all(|other| other.name != kind.name),
                "{} registered twice",
                kind.name
            );
            let defaults = kind.defaults().expect("defaults serialize");
            let normalized = kind.normalize(Some(&defaults)).expect("defaults are valid");
            assert_eq!(normalized, defaults, "{}", kind.name);
        }
    }

    #[test]
    fn an_unknown_name_lists_the_known_ones() {
        let err = SinkKind::named("kafka").err().expect("unknown");
        for kind in SINKS {
            assert!(err.contains(kind.name), "{err}");
        }
    }

    #[test]
    fn a_table_is_checked_by_its_own_sink() {
        let kind = SinkKind::named("json_column").expect("known");
        let mut table = toml::Table::new();
        table.insert("capacity".into(), toml::Value::Integer(0));
        let err = kind.normalize(Some(&table)).err();
        assert_eq!(
            err.as_deref(),
            Some("progress.json_column: capacity and max_batch must be at least 1")
        );
        table.insert("capacity".into(), toml::Value::Integer(8));
        table.insert("colour".into(), toml::Value::Integer(1));
        let err = kind.normalize(Some(&table)).err();
        assert!(err.is_some_and(|e| e.contains("colour")));
    }
}
