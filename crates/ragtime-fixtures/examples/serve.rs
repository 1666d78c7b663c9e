//! Serves the fixture site until Ctrl-C, printing its addresses and the corpus pages:
//! `cargo run -p ragtime-fixtures --example serve`. For looking at pages by hand
//! (`curl`, or `chromium --headless --dump-dom URL`).

use ragtime_fixtures::FixtureSite;
use ragtime_fixtures::corpus::pages;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let site = FixtureSite::start().await?;
    println!(
        "site {}  player host {}",
        site.origins().site,
        site.origins().player
    );
    for page in pages() {
        let audio = site
            .corpus_audio_url(page.expected)
            .unwrap_or_else(|| "awaiting_human".to_string());
        let held = if page.set.held_out() {
            " (held out)"
        } else {
            ""
        };
        println!("{}  ->  {audio}{held}", site.corpus_url(page.slug));
    }
    tokio::signal::ctrl_c().await
}
