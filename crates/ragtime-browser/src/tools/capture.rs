//! Screenshots: `take_screenshot` stores one with the step; `analyze_screenshot`
//! stores one and lists the visible controls with their positions.

use std::sync::Arc;

use async_trait::async_trait;
use base64::Engine;
use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::page::CaptureScreenshotFormat;
use chromiumoxide::page::ScreenshotParams;
use ragtime_core::{Tool, ToolContext, ToolError, ToolOutput};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{BrowserTools, describe_tool, failed, js, page_of};
use crate::scripts;

/// The PNG for a planner that can look at it (a model with vision).
fn png_data(png: &[u8]) -> Value {
    json!({"png_base64": base64::engine::general_purpose::STANDARD.encode(png)})
}

async fn screenshot(page: &Page) -> Result<Vec<u8>, ToolError> {
    let params = ScreenshotParams::builder()
        .format(CaptureScreenshotFormat::Png)
        .build();
    page.screenshot(params)
        .await
        .map_err(|e| failed(format!("screenshot failed: {e}")))
}

/// The `take_screenshot` tool: a PNG of the viewport, stored with the step.
pub struct TakeScreenshot(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for TakeScreenshot {
    describe_tool!(
        "take_screenshot",
        "Takes a PNG screenshot of the viewport; it is stored with the step.",
        json!({"type": "object", "properties": {}})
    );

    async fn call(&self, _a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        let (page, mark) = page_of(&self.0).await?;
        let png = screenshot(&page).await;
        mark.done();
        let png = png?;
        Ok(ToolOutput {
            text: format!("screenshot taken ({} bytes)", png.len()),
            data: Some(png_data(&png)),
            screenshot_png: Some(png),
            usage: None,
        })
    }
}

/// The `analyze_screenshot` tool: a screenshot plus the visible controls with their
/// positions and whether something covers them.
pub struct AnalyzeScreenshot(pub(super) Arc<BrowserTools>);

#[async_trait]
impl Tool for AnalyzeScreenshot {
    describe_tool!(
        "analyze_screenshot",
        "Takes a screenshot and lists the visible controls with their positions and whether something covers them.",
        json!({"type": "object", "properties": {}})
    );

    async fn call(&self, _a: &Value, _ctx: &ToolContext) -> Result<ToolOutput, ToolError> {
        #[derive(Deserialize)]
        struct Control {
            label: String,
            x: f64,
            y: f64,
            covered: bool,
        }
        let (page, mark) = page_of(&self.0).await?;
        let taken = async {
            let png = screenshot(&page).await?;
            let controls: Vec<Control> = js(&page, scripts::CONTROLS, &[json!(40)]).await?;
            Ok::<_, ToolError>((png, controls))
        }
        .await;
        mark.done();
        let (png, controls) = taken?;
        let mut text = format!("{} visible control(s):", controls.len());
        for c in &controls {
            text.push_str(&format!(
                "\n{:?} at ({:.0}, {:.0}){}",
                c.label,
                c.x,
                c.y,
                if c.covered { " covered" } else { "" }
            ));
        }
        Ok(ToolOutput {
            text,
            data: Some(png_data(&png)),
            screenshot_png: Some(png),
            usage: None,
        })
    }
}
