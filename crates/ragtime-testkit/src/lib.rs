//! Test support for the runtime without a browser: a scripted planner and simple tools,
//! [`openai::ScriptedModel`], a scripted OpenAI-compatible server on loopback, and
//! [`otlp::OtlpReceiver`], a real OTLP/HTTP trace receiver on loopback.
//!
//! The tools behave like the awkward real ones in miniature: one sleeps (and can be
//! named like a browser tool, to stage "click timed out"), one fails, one panics, and
//! one ignores cancellation by blocking a thread the runtime cannot stop.

pub mod chromium;
pub mod openai;
pub mod otlp;
mod planner;
pub mod receiver;
mod tools;

pub use planner::ScriptedPlanner;
pub use tools::{
    EchoTool, FailTool, Gate, GateTool, IgnoreCancellationTool, PanicTool, ScreenshotTool,
    SleepTool, TINY_PNG,
};

use ragtime_core::ToolRegistry;

/// Script for an admin attempt page (run through the DevTools protocol, which the
/// page's CSP does not govern, on a loaded page or before the page's own scripts
/// with `evaluate_on_new_document`): records in `window.__seen`, by step number, the
/// `Date.now()` at which each step was first shown, and under `end` when the end
/// status was. Read it back with `JSON.stringify(window.__seen)`.
pub const WATCH_ADMIN_STEPS_JS: &str = r#"
window.__seen = {};
window.__watching_since = Date.now();
new MutationObserver(() => {
  const now = Date.now();
  for (const li of document.querySelectorAll("li.step")) {
    if (!(li.dataset.step in window.__seen)) window.__seen[li.dataset.step] = now;
  }
  const end = document.getElementById("end");
  if (end && end.textContent.trim() && !("end" in window.__seen)) window.__seen.end = now;
}).observe(document, { childList: true, subtree: true, characterData: true });
window.__watching_since
"#;

/// Every testkit tool under its default name.
pub fn all_tools() -> ToolRegistry {
    ToolRegistry::new()
        .with(EchoTool::default())
        .with(SleepTool::default())
        .with(FailTool::default())
        .with(PanicTool::default())
        .with(IgnoreCancellationTool::default())
        .with(ScreenshotTool::default())
}
