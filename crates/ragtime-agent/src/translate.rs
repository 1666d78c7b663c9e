//! `translate_text`: the label table of [`labels`](crate::labels) as a tool, so a
//! planner that reads labels in one language can look for them in another. No
//! network, no model.

use async_trait::async_trait;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput};
use serde_json::{Value, json};

use crate::labels::{LANGUAGES, translate};

/// The `translate_text` tool: puts labels into another language of the table, one line per
/// label, or says a label is not in it.
pub struct TranslateText;

#[async_trait]
impl Tool for TranslateText {
    fn name(&self) -> &str {
        "translate_text"
    }

    fn description(&self) -> &str {
        "Translates control labels (Download, Play, Listen, More information, Options, Accept all, ...) into en, de, fr, es, it, nl, pt, da, sv, nb, fi, pl, cs or tr, from a built-in table."
    }

    fn parameters(&self) -> Value {
        json!({"type": "object", "properties": {
            "text": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "to": {"type": "string", "enum": LANGUAGES}},
            "required": ["text", "to"], "additionalProperties": false})
    }

    async fn call(&self, a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let to = a
            .get("to")
            .and_then(Value::as_str)
            .ok_or_else(|| ToolError::InvalidArgs("`to` must be a language code".into()))?;
        let texts: Vec<String> = match a.get("text") {
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(many)) => many
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => {
                return Err(ToolError::InvalidArgs(
                    "`text` must be a string or a list of strings".into(),
                ));
            }
        };
        let lines: Vec<String> = texts
            .iter()
            .map(|t| match translate(t, to) {
                Some(done) => format!("{t} => {done}"),
                None => format!("{t} => (not in the table)"),
            })
            .collect();
        Ok(ToolOutput::text(lines.join("\n")))
    }
}
