//! The HTML of the fixture pages. Scripts are inline: these pages play the third-party
//! sites the agent visits, not ragtime's own admin.

use crate::FixtureEpisode;

fn page(lang: &str, title: &str, head: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>{head}\
         <style>body{{font-family:sans-serif;max-width:50em;margin:2em auto}}button{{margin:.3em;padding:.4em 1em}}</style>\
         </head><body>{body}</body></html>\n"
    )
}

const SHOW_NOTES: &str = "<p>In dieser Folge sprechen wir über Musik, Geschichte und das Leben. \
    In this episode we talk about music, history and life.</p>";

pub fn index(episodes: &[FixtureEpisode]) -> String {
    let items: String = episodes
        .iter()
        .map(|e| {
            format!(
                "<li><a href=\"/episodes/{0}\">{0}</a>: {1}</li>",
                e.slug,
                escape(e.about)
            )
        })
        .collect();
    page(
        "en",
        "Fixture podcast",
        "",
        &format!("<h1>Fixture podcast</h1><ul>{items}</ul>"),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn episode(slug: &str) -> Option<String> {
    Some(match slug {
        "direct-link" => page(
            "en",
            "Episode 1: Direct link",
            "",
            &format!(
                "<h1>Episode 1: Direct link</h1>{SHOW_NOTES}\
                 <p><a href=\"/audio/direct-link.mp3\">Download episode (MP3, 1 MB)</a></p>"
            ),
        ),
        "og-audio" => page(
            "en",
            "Episode 2: og:audio",
            "<meta property=\"og:audio\" content=\"/audio/og-audio.mp3\">\
             <meta property=\"og:audio:type\" content=\"audio/mpeg\">",
            &format!("<h1>Episode 2: Only metadata</h1>{SHOW_NOTES}"),
        ),
        "more-info" => page(
            "en",
            "Episode 3: More information",
            "",
            &format!(
                "<h1>Episode 3: Behind a button</h1>{SHOW_NOTES}\
                 <button id=\"more\">More information</button><div id=\"details\"></div>\
                 <script>document.getElementById('more').addEventListener('click', () => {{\
                   document.getElementById('details').innerHTML = \
                     '<p>Recorded live. <a href=\"/audio/more-info.mp3\">Listen to the episode</a></p>';\
                 }});</script>"
            ),
        ),
        "german-menu" => page(
            "de",
            "Folge 4: Das Menü",
            "",
            &format!(
                "<h1>Folge 4: Versteckt im Menü</h1>{SHOW_NOTES}\
                 <button id=\"more\">Mehr Informationen</button>\
                 <button id=\"info\">Information</button>\
                 <button id=\"menu\" aria-label=\"Optionen\">⋮</button>\
                 <div id=\"out\"></div><ul id=\"menu-list\"></ul>\
                 <script>\
                 const out = document.getElementById('out');\
                 document.getElementById('more').addEventListener('click', () => {{ out.textContent = 'Keine weiteren Informationen verfügbar.'; }});\
                 document.getElementById('info').addEventListener('click', () => {{ out.textContent = 'Sendung vom 3. März.'; }});\
                 document.getElementById('menu').addEventListener('click', () => {{ document.getElementById('menu-list').innerHTML = \
                   '<li><a href=\"/audio/german-menu.mp3\">Herunterladen</a></li><li>Teilen</li>'; }});\
                 </script>"
            ),
        ),
        "stream-play" => page(
            "en",
            "Episode 5: Streaming player",
            "",
            &format!(
                "<h1>Episode 5: Press play</h1>{SHOW_NOTES}\
                 <button id=\"play\" aria-label=\"Play\">▶</button>\
                 <script>document.getElementById('play').addEventListener('click', () => {{\
                   const audio = new Audio('/stream/stream-play');\
                   audio.play().catch(() => {{}});\
                 }});</script>"
            ),
        ),
        "consent-overlay" => page(
            "en",
            "Episode 6: Consent first",
            "",
            &format!(
                "<h1>Episode 6: Behind a consent layer</h1>{SHOW_NOTES}\
                 <div id=\"player\"><p>The player loads after you accept cookies.</p>\
                 <button id=\"more\">More information</button></div>\
                 <div id=\"consent\" style=\"position:fixed;inset:0;background:rgba(0,0,0,.85);z-index:10;color:#fff;padding:4em\">\
                   <p>We use cookies to load the player.</p>\
                   <button id=\"accept\">Accept all</button><button id=\"reject\">Settings</button></div>\
                 <script>document.getElementById('accept').addEventListener('click', () => {{\
                   document.getElementById('consent').remove();\
                   document.getElementById('player').innerHTML = \
                     '<audio controls preload=\"none\"><source src=\"/audio/consent-overlay.mp3\" type=\"audio/mpeg\"></audio>';\
                 }});</script>"
            ),
        ),
        "no-audio" => page(
            "en",
            "Episode 7: Nothing to hear",
            "",
            &format!(
                "<h1>Episode 7: Text only</h1>{SHOW_NOTES}<p>The audio of this episode was removed.</p><button>Share</button>"
            ),
        ),
        "huge-page" => {
            let paragraph = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor \
                             incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.</p>\n";
            let filler = paragraph.repeat(1024 * 1024 / paragraph.len());
            page(
                "en",
                "Episode 9: A very long page",
                "",
                &format!(
                    "<h1>Episode 9: Long show notes</h1>{filler}<p><a href=\"/audio/huge-page.mp3\">Download</a></p>"
                ),
            )
        }
        "alert-dialog" => page(
            "en",
            "Episode 11: Welcome!",
            "<script>alert('Welcome to our podcast!'); confirm('Subscribe to the newsletter?');</script>",
            &format!(
                "<h1>Episode 11: A page that talks back</h1>{SHOW_NOTES}\
                 <p><a href=\"/audio/alert-dialog.mp3\">Download the episode</a></p>"
            ),
        ),
        "file-frame" => page(
            "en",
            "Episode 12: A frame that goes nowhere",
            "",
            &format!(
                "<h1>Episode 12: Embedded</h1>{SHOW_NOTES}<iframe src=\"file:///etc/passwd\" title=\"local\"></iframe>\
                 <p><a href=\"/audio/file-frame.mp3\">Download</a></p>"
            ),
        ),
        "script-text" => page(
            "en",
            "Episode 10: &lt;script&gt;alert(1)&lt;/script&gt;",
            "",
            "<h1>Episode 10: &lt;b&gt;Markup&lt;/b&gt; in the notes</h1>\
             <p>Show notes: &lt;script&gt;alert('xss')&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; \
             and a \u{1b}[31m terminal escape.</p>\
             <p><a href=\"/audio/script-text.mp3\">Download &lt;i&gt;episode&lt;/i&gt;</a></p>",
        ),
        _ => return None,
    })
}
