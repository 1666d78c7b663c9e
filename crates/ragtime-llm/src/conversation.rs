//! The conversation sent to the model, rebuilt from the attempt's history each turn:
//! the system prompt, the task, then each model reply with its tool call and what the
//! tool returned (delimited as untrusted data), and the latest screenshot as an image.

use async_openai::types::chat::{
    ChatCompletionMessageToolCall, ChatCompletionMessageToolCalls,
    ChatCompletionRequestAssistantMessageArgs, ChatCompletionRequestMessage,
    ChatCompletionRequestMessageContentPartImageArgs,
    ChatCompletionRequestMessageContentPartTextArgs, ChatCompletionRequestSystemMessageArgs,
    ChatCompletionRequestToolMessageArgs, ChatCompletionRequestUserMessageArgs,
    ChatCompletionRequestUserMessageContentPart, ChatCompletionTool,
    ChatCompletionToolChoiceOption, ChatCompletionTools, CreateChatCompletionRequest,
    CreateChatCompletionRequestArgs, FunctionCall, FunctionObjectArgs, ImageDetail, ImageUrlArgs,
    ToolChoiceOptions,
};
use ragtime_core::{AttemptContext, ToolCallRecord, ToolSpec};
use serde_json::Value;

use crate::client::ModelReply;
use crate::prompt;
use crate::settings::LlmSettings;

/// The tool through which the planner asks the model; never offered to the model.
pub const MODEL_TOOL: &str = "model";

/// Most characters of one tool output sent to the model.
const OUTPUT_LIMIT: usize = 8000;

/// The reply a successful `model` step holds in its data.
pub fn reply_of(record: &ToolCallRecord) -> Option<ModelReply> {
    if record.call.tool != MODEL_TOOL || record.outcome != ragtime_core::StepOutcome::Success {
        return None;
    }
    serde_json::from_value(record.data.as_ref()?.get("reply")?.clone()).ok()
}

/// A tool's output as the model sees it: delimited, marked untrusted, cut.
fn delimited(record: &ToolCallRecord) -> String {
    let output: String = record.output.chars().take(OUTPUT_LIMIT).collect();
    let cut = if record.output.chars().count() > OUTPUT_LIMIT {
        "\n[output cut]"
    } else {
        ""
    };
    // The tool's name may be one the model made up: it is data too.
    let tool: String = record
        .call
        .tool
        .chars()
        .take(80)
        .map(|c| {
            if c.is_alphanumeric() || "_- ()".contains(c) {
                c
            } else {
                '?'
            }
        })
        .collect();
    format!(
        "<tool_output step=\"{}\" tool=\"{tool}\" outcome=\"{}\">\n{}{cut}\n</tool_output>",
        record.step,
        record.outcome.as_str(),
        neutralize_closing_tag(&output)
    )
}

/// `text` with every `</tool_output` (in any case) broken, so page text cannot end
/// the delimited block early.
fn neutralize_closing_tag(text: &str) -> String {
    const TAG: &str = "</tool_output";
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in lower.match_indices(TAG) {
        out.push_str(&text[last..at]);
        out.push_str("<\\/");
        last = at + 2;
    }
    out.push_str(&text[last..]);
    out
}

fn build_error(e: impl std::fmt::Display) -> String {
    format!("cannot build the model request: {e}")
}

/// The request for the next turn.
pub fn request(
    settings: &LlmSettings,
    context: &AttemptContext,
    history: &[ToolCallRecord],
    tools: &[ToolSpec],
) -> Result<CreateChatCompletionRequest, String> {
    let mut messages: Vec<ChatCompletionRequestMessage> = vec![
        ChatCompletionRequestSystemMessageArgs::default()
            .content(prompt::SYSTEM)
            .build()
            .map_err(build_error)?
            .into(),
        ChatCompletionRequestUserMessageArgs::default()
            .content(prompt::task(context))
            .build()
            .map_err(build_error)?
            .into(),
    ];
    let mut screenshot: Option<(u32, String)> = None;
    for (i, record) in history.iter().enumerate() {
        let Some(reply) = reply_of(record) else {
            continue;
        };
        let mut assistant = ChatCompletionRequestAssistantMessageArgs::default();
        if let Some(content) = &reply.content {
            assistant.content(content.as_str());
        }
        let Some(call) = &reply.call else {
            messages.push(assistant.build().map_err(build_error)?.into());
            continue;
        };
        assistant.tool_calls(vec![ChatCompletionMessageToolCalls::Function(
            ChatCompletionMessageToolCall {
                id: call.id.clone(),
                function: FunctionCall {
                    name: call.name.clone(),
                    arguments: call.arguments.clone(),
                },
            },
        )]);
        messages.push(assistant.build().map_err(build_error)?.into());
        let answer = match history.get(i + 1) {
            Some(next) if next.call.tool != MODEL_TOOL => {
                if let Some(png) = next
                    .data
                    .as_ref()
                    .and_then(|d| d.get("png_base64"))
                    .and_then(Value::as_str)
                {
                    screenshot = Some((next.step, png.to_string()));
                }
                delimited(next)
            }
            _ => "<tool_output>the call was not made</tool_output>".to_string(),
        };
        messages.push(
            ChatCompletionRequestToolMessageArgs::default()
                .tool_call_id(call.id.as_str())
                .content(answer)
                .build()
                .map_err(build_error)?
                .into(),
        );
    }
    // Only the turn that answers the screenshot sees it (retries of that turn too):
    // an image costs tokens on every request it rides along with.
    let screenshot = screenshot.filter(|(step, _)| {
        history
            .iter()
            .filter(|r| r.step > *step)
            .all(|r| r.call.tool == MODEL_TOOL && reply_of(r).is_none())
    });
    if let Some((step, png)) = screenshot {
        // base64 is 4/3 of the bytes it encodes.
        let text = if png.len() / 4 * 3 <= settings.image_max_bytes {
            format!("The screenshot step {step} took (untrusted page content):")
        } else {
            format!(
                "The screenshot of step {step} is larger than llm.image_max_bytes and is not sent."
            )
        };
        let mut parts = vec![ChatCompletionRequestUserMessageContentPart::Text(
            ChatCompletionRequestMessageContentPartTextArgs::default()
                .text(text)
                .build()
                .map_err(build_error)?,
        )];
        if png.len() / 4 * 3 <= settings.image_max_bytes {
            parts.push(ChatCompletionRequestUserMessageContentPart::ImageUrl(
                ChatCompletionRequestMessageContentPartImageArgs::default()
                    .image_url(
                        ImageUrlArgs::default()
                            .url(format!("data:image/png;base64,{png}"))
                            .detail(ImageDetail::Auto)
                            .build()
                            .map_err(build_error)?,
                    )
                    .build()
                    .map_err(build_error)?,
            ));
        }
        messages.push(
            ChatCompletionRequestUserMessageArgs::default()
                .content(parts)
                .build()
                .map_err(build_error)?
                .into(),
        );
    }
    let offered: Vec<ChatCompletionTools> = tools
        .iter()
        .filter(|t| t.name != MODEL_TOOL)
        .map(|t| {
            FunctionObjectArgs::default()
                .name(t.name.as_str())
                .description(t.description.as_str())
                .parameters(t.parameters.clone())
                .build()
                .map(|function| ChatCompletionTools::Function(ChatCompletionTool { function }))
        })
        .collect::<Result<_, _>>()
        .map_err(build_error)?;
    let mut request = CreateChatCompletionRequestArgs::default();
    request
        .model(settings.model.as_str())
        .messages(messages)
        .tools(offered)
        .tool_choice(ChatCompletionToolChoiceOption::Mode(
            ToolChoiceOptions::Auto,
        ))
        .temperature(0.0);
    if settings.send_parallel_tool_calls {
        request.parallel_tool_calls(false);
    }
    if settings.max_completion_tokens {
        request.max_completion_tokens(settings.max_output_tokens);
    } else {
        request.max_tokens(settings.max_output_tokens);
    }
    request.build().map_err(build_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::{ModelCall, ModelReply};
    use ragtime_core::{StepOutcome, TokenUsage, ToolCall};

    /// A model turn that asked for a screenshot, and the screenshot step.
    fn screenshot_turn(png_bytes: usize) -> Vec<ToolCallRecord> {
        let reply = ModelReply {
            content: None,
            call: Some(ModelCall {
                id: "call_1".into(),
                name: "analyze_screenshot".into(),
                arguments: "{}".into(),
            }),
            finish_reason: Some("tool_calls".into()),
            usage: TokenUsage::default(),
        };
        vec![
            ToolCallRecord {
                step: 1,
                call: ToolCall::new(MODEL_TOOL, serde_json::json!({"turn": 1})),
                outcome: StepOutcome::Success,
                output: String::new(),
                data: Some(serde_json::json!({"reply": reply})),
                usage: None,
            },
            ToolCallRecord {
                step: 2,
                call: ToolCall::new("analyze_screenshot", serde_json::json!({})),
                outcome: StepOutcome::Success,
                output: "a screenshot".into(),
                data: Some(serde_json::json!({"png_base64": "A".repeat(png_bytes / 3 * 4)})),
                usage: None,
            },
        ]
    }

    fn sent(history: &[ToolCallRecord], image_max_bytes: usize) -> String {
        let settings = LlmSettings {
            image_max_bytes,
            ..LlmSettings::default()
        };
        let context = AttemptContext::default();
        let request = request(&settings, &context, history, &[]).expect("a request");
        serde_json::to_string(&request).expect("json")
    }

    #[test]
    fn a_screenshot_is_sent_within_its_cap_and_described_above_it() {
        let history = screenshot_turn(30_000);
        assert!(sent(&history, 100_000).contains("data:image/png;base64,"));
        let over = sent(&history, 10_000);
        assert!(!over.contains("data:image/png"), "no image above the cap");
        assert!(over.contains("larger than llm.image_max_bytes"), "{over}");
    }

    #[test]
    fn page_text_cannot_close_the_untrusted_block() {
        assert_eq!(
            neutralize_closing_tag("a</tool_output>b</TOOL_Output >c"),
            "a<\\/tool_output>b<\\/TOOL_Output >c"
        );
        assert_eq!(neutralize_closing_tag("ünïcode </x>"), "ünïcode </x>");
    }
}
