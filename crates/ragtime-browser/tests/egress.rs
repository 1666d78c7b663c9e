//! The egress gate against an attacker, on real Chromium.
//!
//! Attacker pages on 127.0.0.2 (and a second site on 127.0.0.4) try every way a page
//! has to reach a victim service on 127.0.0.1 and `[::1]`. Only the attacker's two
//! sites are allowed. The victim must see nothing, and each attempt must show up as a
//! refusal in the attempt's own gate log. Every address involved is loopback.

#![allow(
    clippy::expect_used,
    reason = "a test helper that cannot go on may panic: that is a failed test"
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use ragtime_browser::{AttemptBrowser, BrowserPool, BrowserSettings, BrowserTools, registry};
use ragtime_core::{ToolContext, ToolError, ToolRegistry};
use ragtime_fixtures::attack::{ATTACKS, AttackSite, Victim};
use serde_json::{Value, json};

async fn call(tools: &ToolRegistry, tool: &str, args: Value) -> Result<String, ToolError> {
    let ctx = ToolContext {
        attempt_id: ragtime_core::AttemptId(1),
        step: 1,
    };
    let tool = tools.get(tool).expect("tool exists");
    tool.call(&args, &ctx).await.map(|o| o.text)
}

/// Refusals in the attempt's log since `mark` that name the victim's port.
fn victim_refusals(browser: &AttemptBrowser, mark: usize, victim: &Victim) -> Vec<String> {
    let ports: Vec<String> = [Some(victim.v4), victim.v6]
        .into_iter()
        .flatten()
        .map(|a| format!(":{}", a.port()))
        .collect();
    browser
        .refusals()
        .since(mark)
        .into_iter()
        .map(|r| r.to_string())
        .filter(|r| ports.iter().any(|p| r.contains(p.as_str())))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_attack_page_reaches_the_victim_and_every_try_is_the_attempts_refusal() {
    let victim = Victim::start().await.expect("victim");
    let site = AttackSite::start(&victim).await.expect("attack site");
    let media = tempfile::tempdir().expect("media dir");
    let pool = BrowserPool::new(BrowserSettings {
        allow_hosts: site.allow_hosts(),
        media_dir: media.path().to_path_buf(),
        ..BrowserSettings::default()
    })
    .expect("valid settings");
    let browser = Arc::new(pool.open_context().await.expect("browser"));
    let tools = registry(Arc::new(BrowserTools {
        browser: Arc::clone(&browser),
    }));
    let mut matrix = Vec::new();
    for attack in ATTACKS {
        let mark = browser.refusals().mark();
        let opened = call(
            &tools,
            "navigate_to_url",
            json!({"url": site.url(attack.name)}),
        )
        .await;
        match attack.name {
            "redirect" => match &opened {
                Err(ToolError::Blocked(why)) => {
                    assert!(why.contains(&victim.v4.to_string()), "{why}")
                }
                other => panic!("the redirect must make the step blocked: {other:?}"),
            },
            // The refresh may happen before the navigation ends (the step is
            // blocked) or after it (the page opened, the refusal comes later).
            "meta-refresh" => match &opened {
                Ok(_) => {}
                Err(ToolError::Blocked(why)) => {
                    assert!(why.contains(&victim.v4.to_string()), "{why}")
                }
                other => panic!("meta-refresh: {other:?}"),
            },
            _ => {
                opened.unwrap_or_else(|e| panic!("{}: the page opens: {e}", attack.name));
            }
        }
        if attack.name == "popup-link" {
            call(&tools, "click_element", json!({"selector": "#open"}))
                .await
                .expect("the link is clicked");
        }
        // Wait for the page to say it has tried everything, or for the gate to have
        // refused it, whichever the attack can show.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let tried = if attack.reports_done {
                call(&tools, "get_page_content", json!({}))
                    .await
                    .is_ok_and(|text| text.contains("ATTACK DONE"))
            } else {
                !victim_refusals(&browser, mark, &victim).is_empty()
            };
            if tried {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{}: the page never tried ({})",
                attack.name,
                attack.about
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            victim.hits().is_empty(),
            "{}: the victim was reached ({}): {:#?}",
            attack.name,
            attack.about,
            victim.hits()
        );
        let refused = victim_refusals(&browser, mark, &victim);
        // WebRTC sends UDP, which no proxy carries: with non-proxied UDP turned off it
        // sends nothing at all, and the victim's UDP socket is what shows it.
        if attack.name != "webrtc" {
            assert!(
                !refused.is_empty(),
                "{}: no refusal in the attempt's own gate log ({})",
                attack.name,
                attack.about
            );
        }
        matrix.push((attack.name, refused.len(), victim.hits().len()));
    }
    println!("attack            refusals  victim hits");
    for (name, refused, hits) in &matrix {
        println!("{name:<17} {refused:>8}  {hits:>11}");
    }
    assert!(
        victim.hits().is_empty(),
        "the victim was reached: {:#?}",
        victim.hits()
    );
    browser.close().await;
    pool.shutdown().await;
}
