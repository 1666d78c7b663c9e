//! Simple tools with the behaviours the supervisor must survive.

use std::time::Duration;

use async_trait::async_trait;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput};
use serde_json::{Value, json};

fn arg_u64(args: &Value, key: &str) -> Result<u64, ToolError> {
    args.get(key)
        .and_then(Value::as_u64)
        .ok_or_else(|| ToolError::InvalidArgs(format!("`{key}` must be a non-negative integer")))
}

fn arg_str<'a>(args: &'a Value, key: &str, default: &'a str) -> &'a str {
    args.get(key).and_then(Value::as_str).unwrap_or(default)
}

macro_rules! named_tool {
    ($ty:ident, $default:literal) => {
        /// A test tool; its name defaults to the one in the table below and can be changed
        /// to register it twice.
        #[derive(Debug, Clone)]
        pub struct $ty {
            name: String,
        }

        impl Default for $ty {
            fn default() -> Self {
                $ty {
                    name: $default.to_string(),
                }
            }
        }

        impl $ty {
            /// The same behaviour under another name, to stage a scenario.
            pub fn named(name: &str) -> Self {
                $ty {
                    name: name.to_string(),
                }
            }
        }
    };
}

named_tool!(EchoTool, "echo");
named_tool!(SleepTool, "sleep");
named_tool!(FailTool, "fail");
named_tool!(PanicTool, "panic");
named_tool!(IgnoreCancellationTool, "ignore_cancellation");
named_tool!(ScreenshotTool, "screenshot");

#[async_trait]
impl Tool for EchoTool {
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> &str {
        "Returns its `text` argument (or all arguments as JSON)."
    }
    fn parameters(&self) -> Value {
        json!({"type": "object", "properties": {"text": {"type": "string"}}})
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        Ok(ToolOutput::text(
            args.get("text")
                .and_then(Value::as_str)
                .map_or_else(|| args.to_string(), str::to_string),
        ))
    }
}

#[async_trait]
impl Tool for SleepTool {
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> &str {
        "Sleeps `ms` milliseconds (cancellable), then succeeds."
    }
    fn parameters(&self) -> Value {
        json!({"type": "object", "properties": {"ms": {"type": "integer"}}, "required": ["ms"]})
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let ms = arg_u64(args, "ms")?;
        tokio::time::sleep(Duration::from_millis(ms)).await;
        Ok(ToolOutput::text(format!("slept {ms} ms")))
    }
}

#[async_trait]
impl Tool for FailTool {
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> &str {
        "Fails with `message`."
    }
    fn parameters(&self) -> Value {
        json!({"type": "object", "properties": {"message": {"type": "string"}}})
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        Err(ToolError::Failed(
            arg_str(args, "message", "failed as asked").to_string(),
        ))
    }
}

#[async_trait]
impl Tool for PanicTool {
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> &str {
        "Panics with `message`."
    }
    fn parameters(&self) -> Value {
        json!({"type": "object", "properties": {"message": {"type": "string"}}})
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let message = arg_str(args, "message", "tool panicked as asked").to_string();
        std::panic::panic_any(message)
    }
}

#[async_trait]
impl Tool for IgnoreCancellationTool {
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> &str {
        "Blocks a thread for `ms` milliseconds; dropping the call does not stop it. With \
         `on_executor`, the thread blocked is the async executor's own, and the call never \
         yields until it is done."
    }
    fn parameters(&self) -> Value {
        json!({
            "type": "object",
            "properties": {"ms": {"type": "integer"}, "on_executor": {"type": "boolean"}},
            "required": ["ms"]
        })
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let ms = arg_u64(args, "ms")?;
        if args["on_executor"].as_bool() == Some(true) {
            // The worst a tool can do: hold its executor thread without an await.
            std::thread::sleep(Duration::from_millis(ms));
            return Ok(ToolOutput::text(format!("held the executor {ms} ms")));
        }
        // The blocking thread runs to its end whatever happens to this future.
        let _ = tokio::task::spawn_blocking(move || std::thread::sleep(Duration::from_millis(ms)))
            .await;
        Ok(ToolOutput::text(format!("blocked {ms} ms")))
    }
}

/// A valid 1×1 PNG.
pub const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[async_trait]
impl Tool for ScreenshotTool {
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> &str {
        "Returns a PNG of `bytes` bytes (a real 1×1 PNG when `bytes` is absent)."
    }
    fn parameters(&self) -> Value {
        json!({"type": "object", "properties": {"bytes": {"type": "integer"}}})
    }
    async fn call(&self, args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let png = match args.get("bytes").and_then(Value::as_u64) {
            None => TINY_PNG.to_vec(),
            Some(n) => {
                let mut png = TINY_PNG.to_vec();
                png.resize(
                    usize::try_from(n).unwrap_or(usize::MAX).max(TINY_PNG.len()),
                    0,
                );
                png
            }
        };
        Ok(ToolOutput {
            text: format!("screenshot of {} bytes", png.len()),
            data: None,
            screenshot_png: Some(png),
            usage: None,
        })
    }
}

/// A tool whose calls wait until the test opens its gate, so a test can hold an
/// attempt at a known step (a page loaded, a stream connected) for as long as that
/// takes on the machine, instead of guessing a sleep long enough.
#[derive(Debug, Clone)]
pub struct GateTool {
    open: tokio::sync::watch::Receiver<bool>,
}

/// The test's end of a [`GateTool`].
#[derive(Debug)]
pub struct Gate(tokio::sync::watch::Sender<bool>);

impl GateTool {
    /// A closed gate (`gate`) and the tool that waits on it.
    pub fn new() -> (GateTool, Gate) {
        let (open, waiting) = tokio::sync::watch::channel(false);
        (GateTool { open: waiting }, Gate(open))
    }
}

impl Gate {
    /// Lets every waiting and later call through.
    pub fn open(&self) {
        self.0.send_replace(true);
    }
}

#[async_trait]
impl Tool for GateTool {
    fn name(&self) -> &str {
        "gate"
    }
    fn description(&self) -> &str {
        "Waits until the test opens the gate (cancellable), then succeeds."
    }
    fn parameters(&self) -> Value {
        json!({"type": "object"})
    }
    async fn call(&self, _args: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let mut open = self.open.clone();
        open.wait_for(|open| *open)
            .await
            .map_err(|_| ToolError::Failed("the test dropped the gate".into()))?;
        Ok(ToolOutput::text("the gate opened"))
    }
}
