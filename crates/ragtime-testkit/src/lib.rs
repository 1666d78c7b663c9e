//! Test support for the runtime without a browser: a scripted planner and simple tools.
//!
//! The tools behave like the awkward real ones in miniature: one sleeps (and can be
//! named like a browser tool, to stage "click timed out"), one fails, one panics, and
//! one ignores cancellation by blocking a thread the runtime cannot stop.

mod planner;
mod tools;

pub use planner::ScriptedPlanner;
pub use tools::{
    EchoTool, FailTool, IgnoreCancellationTool, PanicTool, ScreenshotTool, SleepTool, TINY_PNG,
};

use ragtime_core::ToolRegistry;

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
