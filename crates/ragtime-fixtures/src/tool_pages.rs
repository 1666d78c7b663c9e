//! Small pages for the browser tools' own tests (not episodes, not corpus): frames of
//! another site and open shadow roots to observe and click into, labels with quotes
//! and non-ASCII text, pages that are quiet or never stop changing, and a page that
//! opens a window over itself.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::Site;
use crate::corpus::kit::html;

/// `/tools/{name}` on the site, and on the player host for the frame.
pub(crate) async fn page(State(site): State<Site>, Path(name): Path<String>) -> Response {
    let player = &site.origins.player;
    match (name.as_str(), site.player_host) {
        ("frames-and-shadow", false) => html(format!(
            r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Frames and shadow</title></head>
<body><h1>Épisode 7</h1>
<button id="plain">Say "hello"</button>
<episode-tools></episode-tools>
<div style="height: 400px"></div>
<iframe id="player" src="{player}/tools/frame" width="480" height="240" style="margin: 20px; border: 4px solid #999"></iframe>
<script>
customElements.define('episode-tools', class extends HTMLElement {{
  constructor() {{
    super();
    const root = this.attachShadow({{ mode: 'open' }});
    root.innerHTML = '<div class="bar"><button aria-label="Télécharger l’épisode">⤓</button><span id="out"></span></div>';
    root.querySelector('button').addEventListener('click', () => {{
      root.getElementById('out').innerHTML = '<a href="/media/tools/shadow.mp3">fichier MP3</a>';
    }});
  }}
}});
document.getElementById('plain').addEventListener('click', () => {{ document.title = 'hello clicked'; }});
</script></body></html>"#
        )),
        ("frame", true) => html(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Player</title></head>
<body style="margin:0"><div style="height: 60px"></div>
<div role="button" tabindex="0" id="listen" style="cursor: pointer; display: inline-block; padding: 8px">▶ Listen to “Ça va?”</div>
<p id="links"></p>
<script>
document.getElementById('listen').addEventListener('click', () => {
  document.getElementById('links').innerHTML = '<a href="/media/tools/frame.mp3">Download MP3</a>';
});
</script></body></html>"#,
        ),
        // Two clicks away: a menu, then an item that asks an API for the file.
        ("two-clicks", false) => html(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two clicks</title></head>
<body><h1>Episode 12</h1><p>Show notes.</p>
<button id="menu" aria-label="More options">⋮</button>
<ul id="items" hidden><li><button id="get">Download episode</button></li><li><button>Share</button></li></ul>
<p id="out"></p>
<script>
document.getElementById('menu').addEventListener('click', () => { document.getElementById('items').hidden = false; });
document.getElementById('get').addEventListener('click', async () => {
  const answer = await fetch('/tools/two-clicks-api').then(r => r.json());
  document.getElementById('out').innerHTML = '<a href="' + answer.file + '">Your download</a>';
});
</script></body></html>"#,
        ),
        ("two-clicks-api", false) => {
            crate::corpus::kit::json(r#"{"file": "/media/tools/two-clicks.mp3"}"#)
        }
        // Builtins patched the way old libraries (and hostile pages) patch them.
        ("hostile-js", false) => html(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Patched builtins</title>
<script>
Array.prototype.map = function () { throw new Error('map is broken here'); };
Array.prototype.toJSON = function () { return 'nope'; };
Document.prototype.querySelectorAll = function () { return []; };
Element.prototype.querySelectorAll = function () { return []; };
Element.prototype.getBoundingClientRect = function () { return { left: 0, top: 0, width: 0, height: 0 }; };
window.JSON = { parse: () => null, stringify: () => 'null' };
</script></head>
<body><h1>Episode 13</h1><button id="more">More information</button>
<p><a href="/media/tools/hostile.mp3">Download the episode</a></p></body></html>"#,
        ),
        ("quiet", false) => html(
            "<!doctype html><html lang=\"en\"><head><title>Quiet</title></head><body><p>Nothing moves here.</p>\
             <button id=\"noop\">Does nothing</button></body></html>",
        ),
        ("busy", false) => html(
            "<!doctype html><html lang=\"en\"><head><title>Busy</title></head><body><p id=\"clock\">0</p>\
             <button id=\"noop\">Does nothing</button>\
             <script>let n = 0; setInterval(() => { document.getElementById('clock').textContent = String(++n); }, 40);</script>\
             </body></html>",
        ),
        // An ad opens a window as the page loads, which leaves the page behind it; the
        // player starts only in a page someone can see (as players that save work in
        // background tabs do).
        ("pop-under", false) => html(
            r#"<!doctype html><html lang="en"><head><title>Pop-under</title></head>
<body><p>Episode 9</p><button id="listen">Listen</button><p id="out"></p>
<script>
window.open('http://127.0.0.2:9/ad');
document.getElementById('listen').addEventListener('click', () => {
  document.getElementById('out').innerHTML = document.visibilityState === 'visible'
    ? '<a href="/media/tools/pop-under.mp3">Episode 9 (MP3)</a>'
    : 'The player does not start in a background tab.';
});
</script></body></html>"#,
        ),
        // The episode's audio beside other episodes' audio, in a related section and
        // under a JSON key that names them.
        ("related", false) => html(
            r#"<!doctype html><html lang="en"><head><title>Episode 10</title></head>
<body><div id="__next"><article><h1>Episode 10</h1><audio controls src="/media/tools/episode-10.mp3"></audio>
<section class="relatedEpisodes"><h2>More like this</h2><audio controls src="/media/tools/episode-3.mp3"></audio></section>
</article></div>
<script type="application/json" id="state">{"episode": {"title": "Episode 10"}, "otherEpisodes": [{"audio": {"url": "/media/tools/episode-4.mp3"}}]}</script>
</body></html>"#,
        ),
        _ => (StatusCode::NOT_FOUND, "no such page").into_response(),
    }
}
