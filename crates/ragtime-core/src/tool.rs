//! The `Tool` trait and the registry an attempt draws its tools from.
//!
//! A tool is one capability the planner may call (navigate, click, ...). Tools never
//! enforce their own overall deadline: the supervisor does, and may drop the call's
//! future at any await point.

use std::collections::BTreeMap;
use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::ToolError;
use crate::event::{AttemptId, TokenUsage};

/// A call the planner asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCall {
    /// Name of the tool to run, as registered in the attempt's [`ToolRegistry`].
    pub tool: String,
    /// The arguments object, checked against the tool's parameter schema before the call
    /// runs.
    #[serde(default)]
    pub args: Value,
}

impl ToolCall {
    /// A call of `tool` with `args`.
    pub fn new(tool: impl Into<String>, args: Value) -> Self {
        ToolCall {
            tool: tool.into(),
            args,
        }
    }
}

/// What a tool returns: text the planner can read (and every sink shows), optionally
/// the same facts as JSON for a planner that reads structure rather than prose, and
/// optionally a PNG screenshot that the runtime stores once and reports by reference.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ToolOutput {
    /// What the call found or did, in words; the planner reads it and every sink shows it.
    pub text: String,
    /// Structured facts for planners; not sent to sinks.
    pub data: Option<Value>,
    /// A PNG of the page after the call; the runtime stores it through the ledger and
    /// events carry only its id.
    pub screenshot_png: Option<Vec<u8>>,
    /// Model tokens the call used, reported with the step.
    pub usage: Option<TokenUsage>,
}

impl ToolOutput {
    /// An output of text alone.
    pub fn text(text: impl Into<String>) -> Self {
        ToolOutput {
            text: text.into(),
            ..ToolOutput::default()
        }
    }

    /// Text plus the same facts as JSON.
    pub fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }

    /// The model tokens the call used.
    pub fn with_usage(mut self, usage: TokenUsage) -> Self {
        self.usage = Some(usage);
        self
    }
}

/// What a tool knows about the call it is running.
#[derive(Debug, Clone)]
pub struct ToolContext {
    /// The attempt the call belongs to.
    pub attempt_id: AttemptId,
    /// The call's step number within the attempt, counting from 1.
    pub step: u32,
}

/// Name, description and JSON schema of a tool, as shown to a planner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToolSpec {
    /// The name the planner calls the tool by.
    pub name: String,
    /// What the tool does, in words, for the planner.
    pub description: String,
    /// JSON schema of the arguments object.
    pub parameters: Value,
}

/// One capability a planner may call. Implementations run on a tool actor and may be
/// dropped at any await point when the call's deadline passes.
#[async_trait]
pub trait Tool: Send + Sync + 'static {
    /// The name planners call the tool by; unique within a registry.
    fn name(&self) -> &str;

    /// What the tool does, shown to the planner.
    fn description(&self) -> &str;

    /// JSON schema of the arguments object.
    fn parameters(&self) -> Value;

    /// Runs one call. `args` has already passed the schema of [`Tool::parameters`].
    async fn call(&self, args: &Value, ctx: &ToolContext) -> Result<ToolOutput, ToolError>;
}

/// The tools available to one attempt, by name.
#[derive(Clone, Default)]
pub struct ToolRegistry {
    tools: BTreeMap<String, Arc<dyn Tool>>,
}

impl ToolRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a tool; a later tool with the same name replaces the earlier one.
    pub fn with(mut self, tool: impl Tool) -> Self {
        self.insert(Arc::new(tool));
        self
    }

    /// Adds a shared tool; replaces one with the same name.
    pub fn insert(&mut self, tool: Arc<dyn Tool>) {
        self.tools.insert(tool.name().to_string(), tool);
    }

    /// The tool called `name`, if the registry has it.
    pub fn get(&self, name: &str) -> Option<&Arc<dyn Tool>> {
        self.tools.get(name)
    }

    /// Name, description and schema of every tool, sorted by name, as shown to a planner.
    pub fn specs(&self) -> Vec<ToolSpec> {
        self.tools
            .values()
            .map(|t| ToolSpec {
                name: t.name().to_string(),
                description: t.description().to_string(),
                parameters: t.parameters(),
            })
            .collect()
    }

    /// The names of the tools, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.tools.keys().map(String::as_str)
    }
}

impl std::fmt::Debug for ToolRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.tools.keys()).finish()
    }
}
