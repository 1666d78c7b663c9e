//! A second held-out set of corpus pages, written apart from the agent after the first
//! held-out set had been run once: run once, reported separately. Each page names, in
//! a comment, the real publisher and markup it imitates.
//!
//! Conventions of this file: templates are raw strings in which `@BASE@` stands for
//! `{site}/corpus/{slug}`, `@PBASE@` for `{player}/corpus/{slug}`, `@SITE@` and
//! `@PLAYER@` for the two origins. No other host is ever written: inline SVG carries no
//! `xmlns`, JSON-LD carries no `@context` URL, and outbound links ("Apple Podcasts",
//! app stores, social networks) go to small interstitial pages on the site itself.
//! Every link of a page answers: unknown paths below a page get a plain section page
//! of the same site, and image paths get a placeholder picture.

use super::kit::{
    data, fill, html, is_image, is_page, json, page, placeholder_image, redirect, rest, script,
    section_page, with_status,
};
use super::{CorpusExpect, CorpusPage, CorpusRequest, CorpusSet};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The pages of this set.
pub const PAGES: &[CorpusPage] = &[
    CorpusPage {
        slug: "podbean-webflow-studio-notes",
        imitates: "Webflow site (w-embed, w-richtext, w-dyn-list) with the Podbean player-v2 iframe \
                   (data-name=pb-iframe-player, i=<id>-pb, download=1) on the player host; the player \
                   calls the Podbean /player/<i> JSON (episodes[].resource, downloadLink)",
        expected: CorpusExpect::PlayerAudio(
            "/media/podbean/mf/web/dx7qa/Ep112_Type_on_the_Grid.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "audioboom-shopify-tea-journal",
        imitates: "Shopify Dawn theme blog article (article-template, shopify-section) with an \
                   Audioboom embed/v4 iframe on the player host (React island with data-react-props, \
                   clipURLPriorToLoading = /posts/<id>.mp3 behind tracking prefixes) and the Shopify \
                   customer-privacy banner",
        expected: CorpusExpect::PlayerAudio(
            "/media/audioboom/posts/8412345/the-steep-ep-34-oolong-country.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "ivoox-descargar-en-pc",
        imitates: "iVoox episode page (data-prm-* attributes, jPlayer listen_mn_<id>_1.mp3, \
                   a.icon-download 'Descargar App', div.descargar_tip with a#dlink _md_<id>_1.mp3) \
                   behind a Didomi notice filled into #didomi-host by script",
        expected: CorpusExpect::SiteAudio("/media/ivoox/128734501.mp3"),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "deutschlandfunk-audio-herunterladen",
        imitates: "Deutschlandfunk article (dlf-<8hex>-100.html): button alt=Anhören with \
                   data-audio-diraid, data-audio-src and data-audio-download-src, 'Mehr zum Thema' \
                   teasers with their own audio; the 'Herunterladen' popover is a plausible \
                   reconstruction (labels unverified)",
        expected: CorpusExpect::SiteAudio(
            "/media/dradio/file/dradio/2024/05/14/wie_moore_wieder_nass_werden_dlf_20240514_1635_5b2c91e0.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "rozhlas-vltava-stahnout",
        imitates: "Český rozhlas station site (Drupal, vltava.rozhlas.cz) with div.mujRozhlasPlayer \
                   data-player JSON (playlist[].audioLinks, here DASH/HLS only); the player UI in an \
                   open shadow root with a 'Stáhnout' item under 'Další možnosti' is synthetic",
        expected: CorpusExpect::SiteAudio(
            "/media/croaod/download/7c1e4a52-9b3d-4f0e-a6d2-3e5f81c0b947.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "menighet-preken-last-ned",
        imitates: "Norwegian church site on WordPress with the Sermon Manager plugin \
                   (wpfc-sermon-single-*, wpfc-sermon-player, download icon link) and a CookieYes \
                   popup with overlay; the Video/Lyd tabs come from the theme (synthetic)",
        expected: CorpusExpect::SiteAudio(
            "/media/wp-content/uploads/sermons/2024/03/2024-03-10-Nade-over-nade-Ingrid-Haugland.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "university-lecture-jsonld",
        imitates: "Drupal 10 university lecture page (drupal-settings-json, node fields) whose only \
                   MP3 is the schema.org PodcastEpisode JSON-LD associatedMedia.contentUrl (as Podbean \
                   pages publish it); the visible player is the lecture video (synthetic composite)",
        expected: CorpusExpect::SiteAudio(
            "/media/lectures/2024/public-lecture-07-rivers-that-remember.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "fireside-episode-download",
        imitates: "Fireside.fm hosted podcast site episode page (og:audio:secure_url, twitter:player \
                   player.fireside.fm/v2/<id>?theme=dark on the player host, aphid.fireside.fm/d/... \
                   file behind Podtrac and OP3 prefixes), with a trailer in the sidebar",
        expected: CorpusExpect::SiteAudio(
            "/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/a9c3e1b7-6d2f-4b8a-8e1c-0f7d3b5a9c21.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "spotify-creators-embed-blog-br",
        imitates: "Brazilian WordPress block-theme blog (wp-block-post-content, Gutenberg \
                   wp-block-audio trailer, wp-block-embed) with the Spotify for Creators / Anchor \
                   episode embed iframe on the player host; the player asks /api/v3/episodes/<id> on \
                   Play and streams the percent-encoded anchor podcast/play URL",
        expected: CorpusExpect::PlayerAudio(
            "/media/anchor/staging/2024-4-12/381902331-44100-2-8c1f2a9d7e6b.mp3",
        ),
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "dr-lyd-kun-hls",
        imitates: "DR LYD episode page (Next.js __NEXT_DATA__ props.pageProps.episode.audioAssets with \
                   format HLS only, assetlinks redirecting to an m3u8), Cookiebot dialog, and a 'Hent' \
                   button that only offers the app (labels plausible, unverified)",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "ghost-members-only-episode",
        imitates: "Ghost (Casper theme) paid-members post: public preview, aside.gh-post-upgrade-cta \
                   'This post is for paying subscribers only', data-portal signup/signin; a free \
                   episode linked below carries a kg-audio-card",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::SecondHeldOut,
    },
    CorpusPage {
        slug: "trt-radyo-suresi-doldu",
        imitates: "Turkish public-broadcaster on-demand radio page in the style of TRT Dinle \
                   (Next.js, 'İndir' offering only the app) for an episode whose broadcast rights \
                   expired, with other episodes still playable (markup synthetic)",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::SecondHeldOut,
    },
];

/// Answers a request for one of this set's pages or its resources; `None` when the slug is
/// not one of them.
pub fn respond(request: &CorpusRequest<'_>) -> Option<Response> {
    if !PAGES.iter().any(|page| page.slug == request.slug) {
        return None;
    }
    if is_image(request.rest) {
        return Some(placeholder_image(request.rest));
    }
    let answer = match request.slug {
        "podbean-webflow-studio-notes" => podbean_webflow(request),
        "audioboom-shopify-tea-journal" => audioboom_shopify(request),
        "ivoox-descargar-en-pc" => ivoox(request),
        "deutschlandfunk-audio-herunterladen" => deutschlandfunk(request),
        "rozhlas-vltava-stahnout" => rozhlas(request),
        "menighet-preken-last-ned" => menighet(request),
        "university-lecture-jsonld" => university(request),
        "fireside-episode-download" => fireside(request),
        "spotify-creators-embed-blog-br" => creators_blog(request),
        "dr-lyd-kun-hls" => dr_lyd(request),
        "ghost-members-only-episode" => ghost(request),
        "trt-radyo-suresi-doldu" => trt(request),
        _ => None,
    };
    Some(answer.unwrap_or_else(|| section_page(request)))
}

// ----------------------------------------------------------------------------------
// Helpers of this set

fn on_site(request: &CorpusRequest<'_>, path: &str) -> bool {
    !request.on_player_host && rest(request) == path
}

fn on_player(request: &CorpusRequest<'_>, path: &str) -> bool {
    request.on_player_host && rest(request) == path
}

fn pdf() -> Response {
    (
        [(header::CONTENT_TYPE, "application/pdf")],
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )
        .into_response()
}

/// Percent-encodes a URL the way the Anchor enclosure embeds its origin file.
fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&value[i + 1..i + 3], 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// JSON text made safe for a double-quoted HTML attribute, as React islands print it.
fn attribute_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

// ----------------------------------------------------------------------------------
// Webflow site with the Podbean player-v2 iframe.
//
// Imitates: a Webflow-built studio site (data-wf-page/-site, w-nav, w-richtext,
// w-embed w-iframe, w-dyn-list) embedding Podbean's player-v2 as published
// (`<iframe data-name="pb-iframe-player" src="https://www.podbean.com/player-v2/?from=embed
// &i=<id>-pb&square=...&share=1&download=1&...">`, from a published embed code). The
// player calls `https://www.podbean.com/player/<i>` for JSON with `setting` and
// `episodes[]` (`resource`, `downloadLink`, `link`, `duration`), as BuoyantUnrealisticModule's
// podbean.py reads it. The player's own DOM is not published anywhere I found; its
// layout here (icon buttons, a "More" menu holding Download) is a plausible
// reconstruction. Content is fictional.

fn podbean_webflow(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(PODBEAN_PAGE, request);
    }
    if !request.on_player_host {
        if let Some(episode) = rest(request).strip_prefix("podcast/") {
            let (title, id) = match episode {
                "ep-111-kerning-in-the-wild" => {
                    ("Ep. 111 — Kerning in the Wild", "dx7qa-15e81b2-pb")
                }
                "ep-110-the-colour-of-paper" => {
                    ("Ep. 110 — The Colour of Paper", "dx7qa-15d3f70-pb")
                }
                _ => return None,
            };
            return Some(html(
                fill(PODBEAN_OTHER, request)
                    .replace("@TITLE@", title)
                    .replace("@ID@", id),
            ));
        }
        if rest(request) == "js/webflow.4b7c2e.js" {
            return script(WEBFLOW_JS, request);
        }
        return None;
    }
    let path = rest(request);
    if path == "player-v2" {
        return page(PODBEAN_PLAYER, request);
    }
    if path == "player-v2/static/js/app.3f9c1e.js" {
        return script(PODBEAN_PLAYER_JS, request);
    }
    if let Some(id) = path.strip_prefix("player/") {
        let (title, number, file, duration, date) = match id {
            "dx7qa-15f2c3a-pb" => (
                "Ep. 112 — Type on the Grid with Mara Lindqvist",
                "112",
                "dx7qa/Ep112_Type_on_the_Grid.mp3",
                3138,
                "2024-04-16 05:00:00",
            ),
            "dx7qa-15e81b2-pb" => (
                "Ep. 111 — Kerning in the Wild",
                "111",
                "dx7qa/Ep111_Kerning_in_the_Wild.mp3",
                2851,
                "2024-04-02 05:00:00",
            ),
            "dx7qa-15d3f70-pb" => (
                "Ep. 110 — The Colour of Paper",
                "110",
                "dx7qa/Ep110_The_Colour_of_Paper.mp3",
                3302,
                "2024-03-19 05:00:00",
            ),
            _ => return with_status(StatusCode::NOT_FOUND, "{\"error\":\"not found\"}"),
        };
        let short = id.trim_end_matches("-pb");
        let body = PODBEAN_JSON
            .replace("@ID@", id)
            .replace("@SHORT@", short)
            .replace("@TITLE@", title)
            .replace("@NUMBER@", number)
            .replace("@FILE@", file)
            .replace("@DURATION@", &duration.to_string())
            .replace("@DATE@", date);
        return data(&body, request);
    }
    if let Some(share) = path.strip_prefix("media/share/") {
        let file = match share {
            "pb-dx7qa-15f2c3a" => "dx7qa/Ep112_Type_on_the_Grid.mp3",
            "pb-dx7qa-15e81b2" => "dx7qa/Ep111_Kerning_in_the_Wild.mp3",
            "pb-dx7qa-15d3f70" => "dx7qa/Ep110_The_Colour_of_Paper.mp3",
            _ => return with_status(StatusCode::NOT_FOUND, "not found"),
        };
        return Some(redirect(&format!(
            "{}/media/podbean/mf/web/{file}",
            request.origins.player
        )));
    }
    None
}

const PODBEAN_PAGE: &str = r##"<!DOCTYPE html><!--  This site was created in Webflow.  --><!--  Last Published: Tue Apr 16 2024 09:12:44 GMT+0000 (Coordinated Universal Time)  -->
<html data-wf-page="6613c2a9e4b1f0a7c3d2e5f1" data-wf-site="65e0b7d4a1c9f2e3b4a5d6c7" lang="en">
<head>
  <meta charset="utf-8">
  <title>Ep. 112 — Type on the Grid with Mara Lindqvist | Studio Notes by Halftone</title>
  <meta content="Type designer Mara Lindqvist on baseline grids, variable fonts and why most web typography still ignores vertical rhythm." name="description">
  <meta content="Ep. 112 — Type on the Grid with Mara Lindqvist | Studio Notes" property="og:title">
  <meta content="Type designer Mara Lindqvist on baseline grids, variable fonts and why most web typography still ignores vertical rhythm." property="og:description">
  <meta content="@BASE@/images/6613c2a9e4b1f0a7c3d2e5f1_ep112-og.jpg" property="og:image">
  <meta content="Ep. 112 — Type on the Grid with Mara Lindqvist | Studio Notes" property="twitter:title">
  <meta property="og:type" content="website">
  <meta content="summary_large_image" name="twitter:card">
  <meta content="width=device-width, initial-scale=1" name="viewport">
  <meta content="Webflow" name="generator">
  <style>
    html{-webkit-text-size-adjust:100%}body{margin:0;font-family:"Inter",Arial,sans-serif;color:#151515;background:#f6f3ee;font-size:16px;line-height:1.6}
    a{color:inherit}.w-container{max-width:1080px;margin:0 auto;padding:0 24px}.w-inline-block{display:inline-block;max-width:100%}
    .navbar{background:#f6f3ee;border-bottom:1px solid #e2ddd4;position:sticky;top:0;z-index:10}.navbar .w-container{display:flex;align-items:center;justify-content:space-between;height:72px}
    .brand{font-weight:800;letter-spacing:-.02em;font-size:22px;text-decoration:none}.brand img{vertical-align:middle;height:28px;width:28px;border-radius:50%;margin-right:8px}
    .nav-menu{display:flex;gap:28px}.nav-link{text-decoration:none;font-size:15px;color:#444}.nav-link.w--current{color:#d9480f;font-weight:600}
    .section{padding:56px 0}.episode-hero{padding-top:48px;background:#151515;color:#f6f3ee}.back-link{text-decoration:none;color:#bdb6aa;font-size:14px}
    .episode-number{margin-top:28px;text-transform:uppercase;letter-spacing:.14em;font-size:13px;color:#ff8a4c}.episode-title{font-size:52px;line-height:1.08;margin:10px 0 14px;max-width:820px;letter-spacing:-.03em}
    .episode-meta{display:flex;gap:10px;color:#bdb6aa;font-size:15px}.podcast-embed{margin:32px 0 20px;max-width:760px}
    .listen-on{display:flex;flex-wrap:wrap;align-items:center;gap:12px;margin-top:8px}.listen-label{font-size:13px;color:#bdb6aa;margin-right:6px}
    .listen-button{display:flex;align-items:center;gap:8px;border:1px solid #3b3b3b;border-radius:999px;padding:7px 14px;font-size:14px;text-decoration:none;color:#f6f3ee}
    .listen-button img{width:18px;height:18px;border-radius:4px}.narrow{max-width:760px}
    .w-richtext h3{font-size:22px;margin:36px 0 8px}.w-richtext ul{padding-left:20px}.w-richtext a{color:#d9480f}
    .guest-card{display:flex;gap:20px;align-items:center;margin-top:44px;padding:22px;border-radius:14px;background:#fff}.guest-card img{width:84px;height:84px;border-radius:50%}
    .guest-card h4{margin:0 0 4px;font-size:18px}.guest-card p{margin:0;color:#555;font-size:15px}
    .more-episodes{background:#ebe6dc}.more-episodes h2{font-size:30px;margin:0 0 24px}.episode-grid{display:grid;grid-template-columns:repeat(3,1fr);gap:24px}
    .episode-card{display:block;text-decoration:none;background:#fff;border-radius:14px;overflow:hidden}.episode-card img{width:100%;height:180px;object-fit:cover;display:block}
    .card-body{padding:16px 18px 20px}.card-number{font-size:12px;letter-spacing:.12em;text-transform:uppercase;color:#d9480f}.card-title{font-weight:700;font-size:18px;margin-top:4px}
    .newsletter{display:flex;gap:10px;margin-top:12px}.newsletter input{flex:1;padding:12px 14px;border:1px solid #ccc;border-radius:8px;font-size:15px}.w-button{background:#d9480f;color:#fff;border:0;border-radius:8px;padding:12px 18px;font-size:15px;cursor:pointer}
    .footer{background:#151515;color:#bdb6aa;padding:48px 0;font-size:14px}.footer .w-container{display:flex;justify-content:space-between;gap:40px}.footer a{color:#f6f3ee;text-decoration:none;display:block;margin:4px 0}
  </style>
  <script type="text/javascript">!function(o,c){var n=c.documentElement,t=" w-mod-";n.className+=t+"js",("ontouchstart"in o||o.DocumentTouch&&c instanceof DocumentTouch)&&(n.className+=t+"touch")}(window,document);</script>
  <link href="@BASE@/images/65e0b7d4a1c9f2e3b4a5d6c7_favicon.png" rel="shortcut icon" type="image/x-icon">
  <link href="@BASE@/images/65e0b7d4a1c9f2e3b4a5d6c7_webclip.png" rel="apple-touch-icon">
</head>
<body>
  <div data-collapse="medium" data-animation="default" data-duration="400" data-easing="ease" data-easing2="ease" role="banner" class="navbar w-nav">
    <div class="w-container">
      <a href="@BASE@/" class="brand w-nav-brand"><img src="@BASE@/images/65e0b7d4a1c9f2e3b4a5d6c7_halftone-mark.png" loading="lazy" alt="">Halftone</a>
      <nav role="navigation" class="nav-menu w-nav-menu">
        <a href="@BASE@/work" class="nav-link w-nav-link">Work</a>
        <a href="@BASE@/studio" class="nav-link w-nav-link">Studio</a>
        <a href="@BASE@/podcast" class="nav-link w-nav-link w--current" aria-current="page">Podcast</a>
        <a href="@BASE@/journal" class="nav-link w-nav-link">Journal</a>
        <a href="@BASE@/contact" class="nav-link w-nav-link">Contact</a>
      </nav>
      <div class="menu-button w-nav-button" style="display:none" aria-label="menu" role="button" tabindex="0"><div class="w-icon-nav-menu"></div></div>
    </div>
  </div>
  <div class="section episode-hero">
    <div class="w-container">
      <a href="@BASE@/podcast" class="back-link w-inline-block"><div>← All episodes</div></a>
      <div class="episode-number">Studio Notes · Episode 112</div>
      <h1 class="episode-title">Type on the Grid with Mara Lindqvist</h1>
      <div class="episode-meta"><div>April 16, 2024</div><div>·</div><div>52 min</div><div>·</div><div>Typography</div></div>
      <div class="podcast-embed w-embed w-iframe"><iframe title="Ep. 112 — Type on the Grid with Mara Lindqvist" allowtransparency="true" height="150" width="100%" style="border: none; min-width: min(100%, 430px);height:150px;" scrolling="no" data-name="pb-iframe-player" src="@PBASE@/player-v2/?from=embed&i=dx7qa-15f2c3a-pb&square=0&share=1&download=1&fonts=Arial&skin=1&font-color=auto&rtl=0&logo_link=episode_page&btn-skin=d9480f&size=150" loading="lazy" allowfullscreen=""></iframe></div>
      <div class="listen-on">
        <div class="listen-label">Listen on</div>
        <a href="@BASE@/out/apple-podcasts" target="_blank" class="listen-button w-inline-block"><img src="@BASE@/images/icon-apple-podcasts.png" alt=""><div>Apple Podcasts</div></a>
        <a href="@BASE@/out/spotify" target="_blank" class="listen-button w-inline-block"><img src="@BASE@/images/icon-spotify.png" alt=""><div>Spotify</div></a>
        <a href="@BASE@/out/podbean-app" target="_blank" class="listen-button w-inline-block"><img src="@BASE@/images/icon-podbean.png" alt=""><div>Podbean App</div></a>
        <a href="@BASE@/out/pocket-casts" target="_blank" class="listen-button w-inline-block"><img src="@BASE@/images/icon-pocket-casts.png" alt=""><div>Pocket Casts</div></a>
      </div>
    </div>
  </div>
  <div class="section">
    <div class="w-container narrow">
      <div class="rich-text w-richtext">
        <p>Mara Lindqvist has spent fifteen years drawing typefaces for newspapers, transit systems and, lately, variable fonts that have to look right on a watch and on a billboard. We talk about why baseline grids fell out of fashion on the web, what CSS finally gives us to bring vertical rhythm back, and how she tests a family before anyone else sees it.</p>
        <p>It's a nerdy one. Bring a notebook.</p>
        <h3>In this episode</h3>
        <ul>
          <li>03:40 — Drawing for newsprint: ink gain and the ghost of the hot-metal era</li>
          <li>11:15 — Why web type forgot the baseline grid</li>
          <li>19:30 — <code>text-box-trim</code>, <code>lh</code> units and the new toolkit</li>
          <li>31:05 — Variable axes that actually matter to readers</li>
          <li>42:20 — Mara's test page, and the sentence she sets first</li>
        </ul>
        <h3>Links</h3>
        <ul>
          <li><a href="@BASE@/out/lindqvist-type-foundry">Lindqvist Type — Mara's foundry</a></li>
          <li><a href="@BASE@/journal/vertical-rhythm-in-2024">Our journal piece on vertical rhythm in 2024</a></li>
          <li><a href="@BASE@/out/grid-systems-mueller-brockmann">Grid Systems in Graphic Design (Müller-Brockmann)</a></li>
        </ul>
        <p><em>Studio Notes is produced by Halftone Studio in Gothenburg. Music by Teodor Brandt. If you enjoyed this one, tell a friend who still sets body copy at 12px.</em></p>
      </div>
      <div class="guest-card"><img src="@BASE@/images/6613c2a9e4b1f0a7c3d2e5f1_mara-lindqvist.jpg" alt="Mara Lindqvist"><div><h4>Mara Lindqvist</h4><p>Type designer and founder of Lindqvist Type. Previously senior designer at a national newspaper group.</p></div></div>
    </div>
  </div>
  <div class="section more-episodes">
    <div class="w-container">
      <h2>More episodes</h2>
      <div class="w-dyn-list">
        <div role="list" class="episode-grid w-dyn-items">
          <div role="listitem" class="w-dyn-item"><a href="@BASE@/podcast/ep-111-kerning-in-the-wild" class="episode-card w-inline-block"><img src="@BASE@/images/ep111-cover.jpg" loading="lazy" alt=""><div class="card-body"><div class="card-number">Episode 111</div><div class="card-title">Kerning in the Wild</div></div></a></div>
          <div role="listitem" class="w-dyn-item"><a href="@BASE@/podcast/ep-110-the-colour-of-paper" class="episode-card w-inline-block"><img src="@BASE@/images/ep110-cover.jpg" loading="lazy" alt=""><div class="card-body"><div class="card-number">Episode 110</div><div class="card-title">The Colour of Paper</div></div></a></div>
          <div role="listitem" class="w-dyn-item"><a href="@BASE@/podcast/ep-109-signage-that-speaks" class="episode-card w-inline-block"><img src="@BASE@/images/ep109-cover.jpg" loading="lazy" alt=""><div class="card-body"><div class="card-number">Episode 109</div><div class="card-title">Signage That Speaks</div></div></a></div>
        </div>
      </div>
    </div>
  </div>
  <div class="section">
    <div class="w-container narrow">
      <h3>Get new episodes and studio notes in your inbox</h3>
      <div class="w-form"><form id="email-form" name="email-form" data-name="Newsletter" method="get" class="newsletter" onsubmit="return false"><input class="w-input" maxlength="256" name="email" placeholder="you@example" type="email" id="email"><input type="submit" value="Subscribe" class="w-button"></form></div>
    </div>
  </div>
  <div class="footer">
    <div class="w-container">
      <div><strong style="color:#f6f3ee">Halftone Studio</strong><br>Type, identity and editorial design.<br>© 2024 Halftone Studio AB</div>
      <div><a href="@BASE@/work">Work</a><a href="@BASE@/podcast">Podcast</a><a href="@BASE@/journal">Journal</a></div>
      <div><a href="@BASE@/out/instagram">Instagram</a><a href="@BASE@/out/linkedin">LinkedIn</a><a href="@BASE@/privacy">Privacy</a></div>
    </div>
  </div>
  <script src="@BASE@/js/webflow.4b7c2e.js" type="text/javascript"></script>
</body>
</html>
"##;

const PODBEAN_OTHER: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>@TITLE@ | Studio Notes by Halftone</title><meta content="width=device-width, initial-scale=1" name="viewport"><meta content="Webflow" name="generator">
<style>body{margin:0;font-family:Arial,sans-serif;background:#151515;color:#f6f3ee}.w-container{max-width:1080px;margin:0 auto;padding:48px 24px}a{color:#ff8a4c}h1{font-size:44px}</style></head>
<body><div class="w-container"><a href="@BASE@/podcast">← All episodes</a><h1>@TITLE@</h1>
<div class="podcast-embed w-embed w-iframe"><iframe title="@TITLE@" allowtransparency="true" height="150" width="100%" style="border: none; min-width: min(100%, 430px);height:150px;" scrolling="no" data-name="pb-iframe-player" src="@PBASE@/player-v2/?from=embed&i=@ID@&square=0&share=1&download=1&fonts=Arial&skin=1&font-color=auto&rtl=0&logo_link=episode_page&btn-skin=d9480f&size=150" allowfullscreen=""></iframe></div>
<p>Show notes for this episode are coming soon.</p></div></body></html>
"##;

const WEBFLOW_JS: &str = r##"/*! Webflow: Front-end site library (excerpt) */
(function () {
  var button = document.querySelector('.w-nav-button');
  var menu = document.querySelector('.w-nav-menu');
  if (button && menu) {
    button.addEventListener('click', function () {
      var open = menu.getAttribute('data-nav-menu-open') === '';
      if (open) { menu.removeAttribute('data-nav-menu-open'); } else { menu.setAttribute('data-nav-menu-open', ''); }
    });
  }
  document.documentElement.classList.add('w-mod-ix');
})();
"##;

const PODBEAN_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Podbean Player</title>
<style>
*{box-sizing:border-box}html,body{margin:0;height:100%;background:transparent;font-family:Arial,Helvetica,sans-serif}
.pb-player{height:150px;background:#fff;border:1px solid #e6e6e6;border-radius:8px;position:relative;overflow:visible;color:#222}
.pb-loading,.pb-error{padding:58px 20px;text-align:center;color:#888;font-size:14px}
.pb-wrap{display:flex;height:100%}.pb-cover{width:148px;height:148px;object-fit:cover;border-radius:8px 0 0 8px;flex:none}
.pb-main{flex:1;min-width:0;padding:12px 16px 10px;display:flex;flex-direction:column}
.pb-top{display:flex;justify-content:space-between;font-size:12px;color:#777}.pb-podcast{color:#777;text-decoration:none}.pb-brand{font-weight:700;color:#5cb85c;letter-spacing:.02em}
.pb-title{font-size:15px;font-weight:700;margin:4px 0 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pb-controls{display:flex;align-items:center;gap:12px}.pb-play{width:42px;height:42px;border-radius:50%;border:0;background:#d9480f;color:#fff;display:flex;align-items:center;justify-content:center;cursor:pointer;flex:none}
.pb-progress{flex:1;height:4px;background:#e9e9e9;border-radius:2px;position:relative;cursor:pointer}.pb-progress-bar{position:absolute;left:0;top:0;bottom:0;width:0;background:#d9480f;border-radius:2px}
.pb-time{font-size:12px;color:#777;white-space:nowrap}
.pb-tools{display:flex;justify-content:flex-end;gap:4px;margin-top:auto}.pb-tool{background:none;border:0;color:#777;width:30px;height:26px;display:flex;align-items:center;justify-content:center;cursor:pointer;border-radius:4px;font-size:12px}
.pb-tool:hover,.pb-tool[aria-expanded=true]{background:#f1f1f1;color:#222}
.pb-popover{position:absolute;right:46px;bottom:4px;background:#fff;border:1px solid #ddd;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.15);padding:6px 0;min-width:210px;z-index:5}
.pb-menu-item{display:flex;align-items:center;gap:10px;padding:6px 14px;font-size:13px;color:#222;text-decoration:none;background:none;border:0;width:100%;text-align:left;cursor:pointer}
.pb-menu-item:hover{background:#f5f5f5}.pb-share-panel{padding:6px 10px;width:300px}.pb-share-panel input,.pb-share-panel textarea{width:100%;font-size:11px;border:1px solid #ddd;border-radius:4px;padding:5px;margin:4px 0 8px}
.pb-share-panel textarea{height:44px;resize:none}.pb-share-panel label{font-size:11px;color:#777}
</style>
</head>
<body>
<div id="pb-player" class="pb-player skin-1" data-name="pb-iframe-player"><div class="pb-loading" aria-live="polite">Loading…</div></div>
<script src="@PBASE@/player-v2/static/js/app.3f9c1e.js"></script>
</body>
</html>
"##;

const PODBEAN_PLAYER_JS: &str = r##"(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var id = params.get('i') || '';
  var canDownload = params.get('download') === '1';
  var canShare = params.get('share') === '1';
  var root = document.getElementById('pb-player');
  var ICON = {
    play: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>',
    pause: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>',
    back: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z" fill="currentColor"/></svg>',
    fwd: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z" fill="currentColor"/></svg>',
    share: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg>',
    more: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><circle cx="5" cy="12" r="2" fill="currentColor"/><circle cx="12" cy="12" r="2" fill="currentColor"/><circle cx="19" cy="12" r="2" fill="currentColor"/></svg>',
    download: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg>',
    link: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3-3a1 1 0 1 1 1.4 1.4l-3 3a1 1 0 0 1-1.4 0zM7 18a3 3 0 0 1-2.1-5.1l2.5-2.5 1.4 1.4-2.5 2.5a1 1 0 0 0 1.4 1.4l2.5-2.5 1.4 1.4-2.5 2.5A3 3 0 0 1 7 18zm9.6-4.4-1.4-1.4 2.5-2.5a1 1 0 0 0-1.4-1.4l-2.5 2.5-1.4-1.4 2.5-2.5a3 3 0 0 1 4.2 4.2z" fill="currentColor"/></svg>',
    phone: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5z" fill="currentColor"/></svg>',
    flag: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M5 3h2v18H5zm3 1h10l-2 4 2 4H8z" fill="currentColor"/></svg>'
  };
  function fmt(s) {
    s = Math.max(0, Math.floor(s || 0));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), x = s % 60;
    return (h ? h + ':' : '') + (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x;
  }
  function esc(t) {
    return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }
  fetch('@PBASE@/player/' + encodeURIComponent(id), { headers: { accept: 'application/json, text/plain, */*' } })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(render)
    .catch(function () { root.innerHTML = '<div class="pb-error">Sorry, this episode is not available.</div>'; });

  function render(data) {
    var ep = data.episodes[0];
    var st = data.setting;
    var audio = new Audio();
    audio.preload = 'none';
    var menu = '';
    if (canDownload && ep.downloadLink) {
      menu += '<a role="menuitem" class="pb-menu-item pb-menu-download" href="' + esc(ep.downloadLink) + '" target="_blank" rel="noopener">' + ICON.download + '<span>Download</span></a>';
    }
    menu += '<a role="menuitem" class="pb-menu-item" href="' + esc(ep.link) + '" target="_blank" rel="noopener">' + ICON.link + '<span>Episode page</span></a>';
    menu += '<a role="menuitem" class="pb-menu-item" href="@PBASE@/app/download?source=player-v2" target="_blank" rel="noopener">' + ICON.phone + '<span>Listen in the Podbean App</span></a>';
    menu += '<button type="button" role="menuitem" class="pb-menu-item pb-report">' + ICON.flag + '<span>Report</span></button>';
    root.innerHTML =
      '<div class="pb-wrap">' +
        '<img class="pb-cover" src="' + esc(ep.logo) + '" alt="">' +
        '<div class="pb-main">' +
          '<div class="pb-top"><a class="pb-podcast" href="' + esc(st.podcastLink) + '" target="_blank" rel="noopener">' + esc(st.podcastTitle) + '</a><span class="pb-brand">podbean</span></div>' +
          '<div class="pb-title" title="' + esc(ep.title) + '">' + esc(ep.title) + '</div>' +
          '<div class="pb-controls">' +
            '<button type="button" class="pb-play" title="Play" aria-label="Play">' + ICON.play + '</button>' +
            '<div class="pb-progress"><div class="pb-progress-bar"></div></div>' +
            '<span class="pb-time">00:00 / ' + fmt(ep.duration) + '</span>' +
          '</div>' +
          '<div class="pb-tools">' +
            '<button type="button" class="pb-tool pb-back" title="Rewind 15 seconds">' + ICON.back + '</button>' +
            '<button type="button" class="pb-tool pb-fwd" title="Fast forward 15 seconds">' + ICON.fwd + '</button>' +
            '<button type="button" class="pb-tool pb-speed" title="Playback speed">1x</button>' +
            (canShare ? '<button type="button" class="pb-tool pb-share" title="Share" aria-expanded="false">' + ICON.share + '</button>' : '') +
            '<button type="button" class="pb-tool pb-more" title="More" aria-haspopup="true" aria-expanded="false">' + ICON.more + '</button>' +
          '</div>' +
        '</div>' +
      '</div>' +
      '<div class="pb-popover pb-more-menu" role="menu" hidden>' + menu + '</div>' +
      '<div class="pb-popover pb-share-panel" hidden><label>Episode link</label><input readonly value="' + esc(ep.link) + '"><label>Embed code</label><textarea readonly>&lt;iframe title="' + esc(ep.title) + '" height="150" width="100%" data-name="pb-iframe-player" src="@PBASE@/player-v2/?from=embed&amp;i=' + esc(id) + '&amp;share=1&amp;download=1"&gt;&lt;/iframe&gt;</textarea></div>';

    var play = root.querySelector('.pb-play');
    var bar = root.querySelector('.pb-progress-bar');
    var time = root.querySelector('.pb-time');
    var more = root.querySelector('.pb-more');
    var moreMenu = root.querySelector('.pb-more-menu');
    var share = root.querySelector('.pb-share');
    var sharePanel = root.querySelector('.pb-share-panel');
    function closeAll() {
      moreMenu.hidden = true; more.setAttribute('aria-expanded', 'false');
      sharePanel.hidden = true; if (share) { share.setAttribute('aria-expanded', 'false'); }
    }
    play.addEventListener('click', function () {
      if (!audio.src) { audio.src = ep.resource; }
      if (audio.paused) {
        var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
        play.innerHTML = ICON.pause; play.title = 'Pause'; play.setAttribute('aria-label', 'Pause');
      } else {
        audio.pause();
        play.innerHTML = ICON.play; play.title = 'Play'; play.setAttribute('aria-label', 'Play');
      }
    });
    audio.addEventListener('timeupdate', function () {
      var d = audio.duration && isFinite(audio.duration) ? audio.duration : ep.duration;
      bar.style.width = (100 * audio.currentTime / d) + '%';
      time.textContent = fmt(audio.currentTime) + ' / ' + fmt(ep.duration);
    });
    root.querySelector('.pb-back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
    root.querySelector('.pb-fwd').addEventListener('click', function () { audio.currentTime = audio.currentTime + 15; });
    var speeds = [1, 1.25, 1.5, 2, 0.75], si = 0;
    root.querySelector('.pb-speed').addEventListener('click', function (e) {
      si = (si + 1) % speeds.length; audio.playbackRate = speeds[si]; e.currentTarget.textContent = speeds[si] + 'x';
    });
    more.addEventListener('click', function (e) {
      e.stopPropagation();
      var open = moreMenu.hidden; closeAll();
      moreMenu.hidden = !open; more.setAttribute('aria-expanded', String(open));
    });
    if (share) {
      share.addEventListener('click', function (e) {
        e.stopPropagation();
        var open = sharePanel.hidden; closeAll();
        sharePanel.hidden = !open; share.setAttribute('aria-expanded', String(open));
      });
    }
    root.querySelector('.pb-report').addEventListener('click', function () { closeAll(); alert('Thanks, our team will review this episode.'); });
    document.addEventListener('click', closeAll);
    sharePanel.addEventListener('click', function (e) { e.stopPropagation(); });
  }
})();
"##;

const PODBEAN_JSON: &str = r##"{"setting":{"podcastTitle":"Studio Notes","podcastLink":"@PBASE@/site/studionotes/","author":"Halftone Studio","skin":1,"btnSkin":"d9480f","lang":"en"},"episodes":[{"id":"@SHORT@","title":"@TITLE@","episodeNumber":"@NUMBER@","link":"@PBASE@/e/studio-notes-@NUMBER@/","publishTime":"@DATE@","duration":@DURATION@,"logo":"@PBASE@/imglogo/ep-logo/pbblog1893321/ep@NUMBER@_300x300.jpg","largeLogo":"@PBASE@/imglogo/ep-logo/pbblog1893321/ep@NUMBER@.jpg","resource":"@PLAYER@/media/podbean/mf/web/@FILE@","resourceMimetype":"audio/mpeg","fallbackResource":"@PLAYER@/media/podbean/mf/web/@FILE@","downloadLink":"@PBASE@/media/share/pb-@SHORT@?download=1","isPremium":false}]}"##;

// ----------------------------------------------------------------------------------
// Shopify blog article with an Audioboom embed.
//
// Imitates: a Shopify store on the Dawn theme (shopify-section-*, article-template,
// page-width--narrow rte, `window.Shopify` globals) publishing its podcast in the blog,
// with the Audioboom iframe as Audioboom publishes it (`<iframe width="100%" height="300"
// src="https://embeds.audioboom.com/posts/<id>/embed/v4" frameborder="0"
// allowtransparency="allowtransparency" scrolling="no" title="Audioboom player"
// allow="autoplay">`). The player is a React island whose props carry HTML-escaped JSON
// (`data-react-class`, `data-react-props` with `clipURLPriorToLoading`, as yt-dlp's
// audioboom.py reads on Audioboom pages); `/posts/<id>.mp3` answers with a redirect
// through tracking prefixes. The player's inner layout and the Shopify privacy banner
// are plausible reconstructions. Content is fictional.

fn audioboom_shopify(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(SHOPIFY_PAGE, request);
    }
    if !request.on_player_host {
        return None;
    }
    let path = rest(request);
    if path == "posts/8412345/embed/v4" {
        let props = attribute_escape(&fill(AUDIOBOOM_PROPS, request));
        return Some(html(
            fill(AUDIOBOOM_EMBED, request).replace("@PROPS@", &props),
        ));
    }
    if path == "assets/embed_v4-2b7d9c1f.js" {
        return script(AUDIOBOOM_JS, request);
    }
    if let Some(id) = path
        .strip_prefix("posts/")
        .and_then(|file| file.strip_suffix(".mp3"))
    {
        let name = match id {
            "8412345" => "the-steep-ep-34-oolong-country",
            "8398871" => "the-steep-ep-33-water-matters",
            "8385102" => "the-steep-ep-32-matcha-without-the-hype",
            "8371460" => "the-steep-ep-31-a-tea-farm-in-cornwall",
            _ => return with_status(StatusCode::NOT_FOUND, "Not found"),
        };
        return Some(redirect(&format!(
            "{}/hop/pdst/hop/chtbl/media/audioboom/posts/{id}/{name}.mp3",
            request.origins.player
        )));
    }
    None
}

const SHOPIFY_PAGE: &str = r##"<!doctype html>
<html class="no-js" lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <meta name="theme-color" content="">
    <link rel="canonical" href="@BASE@">
    <link rel="icon" type="image/png" href="@BASE@/cdn/shop/files/favicon_32x32.png?v=1699011200">
    <title>The Steep, Ep. 34: Oolong Country with Chen Wei-Ling &ndash; Kettle &amp; Leaf Tea Co.</title>
    <meta name="description" content="We travel (by phone) to the high mountains of Nantou with tea maker Chen Wei-Ling: rolling, roasting and why spring oolong is worth the wait.">
    <meta property="og:site_name" content="Kettle &amp; Leaf Tea Co.">
    <meta property="og:url" content="@BASE@">
    <meta property="og:title" content="The Steep, Ep. 34: Oolong Country with Chen Wei-Ling">
    <meta property="og:type" content="article">
    <meta property="og:description" content="We travel (by phone) to the high mountains of Nantou with tea maker Chen Wei-Ling: rolling, roasting and why spring oolong is worth the wait.">
    <meta property="og:image" content="@BASE@/cdn/shop/articles/steep-34.jpg?v=1714032000">
    <meta name="twitter:card" content="summary_large_image">
    <script>window.Shopify = window.Shopify || {};
Shopify.locale = "en";
Shopify.currency = {"active":"GBP","rate":"1.0"};
Shopify.country = "GB";
Shopify.theme = {"name":"Dawn","id":132418912345,"schema_name":"Dawn","schema_version":"13.0.1","theme_store_id":887,"role":"main"};
Shopify.routes = Shopify.routes || {};
Shopify.routes.root = "/";</script>
    <script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');</script>
    <style>
      :root{--font-body-family:Assistant,sans-serif;--color-base-text:18,18,18;--color-accent:46,86,64}
      *,*::before,*::after{box-sizing:inherit}html{box-sizing:border-box;font-size:62.5%}
      body{margin:0;font-size:1.6rem;letter-spacing:.06rem;line-height:1.8;font-family:var(--font-body-family);color:rgba(var(--color-base-text),.75);background:#fbfaf6}
      a{color:rgb(var(--color-accent))}.page-width{max-width:120rem;margin:0 auto;padding:0 5rem}.page-width--narrow{max-width:72.6rem}
      .visually-hidden{position:absolute!important;overflow:hidden;width:1px;height:1px;margin:-1px;padding:0;border:0;clip:rect(0 0 0 0)}
      .skip-to-content-link:focus{position:static;width:auto;height:auto}
      .announcement-bar{background:rgb(var(--color-accent));color:#fff;text-align:center;font-size:1.3rem;padding:1rem 0}.announcement-bar p{margin:0}
      .header-wrapper{display:block;background:#fbfaf6;border-bottom:.1rem solid rgba(18,18,18,.08)}
      .header{display:grid;grid-template-columns:auto 1fr auto;align-items:center;gap:3rem;padding-top:2rem;padding-bottom:2rem}
      .header__heading-link{text-decoration:none;color:#121212;font-size:2.6rem;font-weight:700;letter-spacing:.02em}
      .list-menu--inline{display:flex;gap:2.4rem;list-style:none;margin:0;padding:0}.header__menu-item{text-decoration:none;color:rgba(18,18,18,.75);font-size:1.5rem}
      .header__menu-item[aria-current]{color:#121212;text-decoration:underline;text-underline-offset:.4rem}
      .header__icons{display:flex;gap:1.4rem}.header__icon{color:#121212;display:flex;width:4.4rem;height:4.4rem;align-items:center;justify-content:center}
      .article-template__hero-medium img{width:100%;height:42rem;object-fit:cover;display:block}
      .article-template__title{font-size:4rem;line-height:1.2;color:#121212;margin:4rem 0 1rem;letter-spacing:.04rem}
      .caption-with-letter-spacing{text-transform:uppercase;font-size:1.2rem;letter-spacing:.13rem}
      .article-template__social-sharing{margin-top:2rem}.share-button{display:inline-flex;align-items:center;gap:.6rem;background:none;border:0;font:inherit;color:#121212;cursor:pointer;padding:0}
      .rte{margin-top:3rem}.rte iframe{display:block;margin:2rem 0}.rte h3{color:#121212;font-size:2rem;margin-top:3.5rem}
      .article-template__back{text-align:center;margin:5rem 0}.related{border-top:.1rem solid rgba(18,18,18,.08);padding:5rem 0}
      .related h2,.featured h2{color:#121212;font-size:2.6rem;margin:0 0 2.4rem}.related ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(3,1fr);gap:2.4rem}
      .related li a{display:block;text-decoration:none;color:#121212}.related img{width:100%;height:18rem;object-fit:cover;display:block;margin-bottom:1rem}
      .featured{padding:2rem 0 6rem}.product-grid{display:grid;grid-template-columns:repeat(3,1fr);gap:2.4rem;list-style:none;padding:0}
      .card__media img{width:100%;height:24rem;object-fit:cover}.card__heading{font-size:1.6rem;color:#121212;margin:1rem 0 .4rem}.price{color:#121212}
      .button{display:inline-block;background:#121212;color:#fff;border:0;padding:1.2rem 2.6rem;font:inherit;cursor:pointer;margin-top:1rem}
      .footer{background:#121212;color:rgba(255,255,255,.75);padding:5rem 0 3rem;font-size:1.4rem}.footer a{color:#fff}
      .footer__content-top{display:grid;grid-template-columns:repeat(3,1fr);gap:3rem}.footer h2{color:#fff;font-size:1.8rem}
      .footer ul{list-style:none;padding:0;margin:0}.footer li{margin:.4rem 0}.newsletter-form__field-wrapper{display:flex}.newsletter-form__field-wrapper input{flex:1;padding:1.2rem;font:inherit}
      .footer__copyright{margin-top:4rem;font-size:1.2rem}
      #shopify-pc__banner{position:fixed;left:2rem;bottom:2rem;max-width:52rem;background:#fff;color:#121212;box-shadow:0 .4rem 2rem rgba(0,0,0,.2);border-radius:.8rem;padding:2.4rem;z-index:1000;font-size:1.4rem;line-height:1.5}
      #shopify-pc__banner h2{font-size:1.8rem;margin:0 0 .8rem}.shopify-pc__banner__btns{display:flex;gap:1rem;margin-top:1.6rem;flex-wrap:wrap}
      .shopify-pc__banner__btns button{font:inherit;padding:1rem 1.6rem;border:.1rem solid #121212;background:#fff;cursor:pointer;border-radius:.4rem}
      #shopify-pc__banner__btn-accept{background:#121212;color:#fff}
    </style>
  </head>
  <body class="gradient">
    <a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>
    <div id="shopify-section-sections--16914__announcement-bar" class="shopify-section shopify-section-group-header-group announcement-bar-section">
      <div class="announcement-bar color-accent-1" role="region" aria-label="Announcement"><div class="page-width"><p class="announcement-bar__message h5"><span>Free UK delivery on orders over £35</span></p></div></div>
    </div>
    <div id="shopify-section-sections--16914__header" class="shopify-section shopify-section-group-header-group section-header">
      <sticky-header data-sticky-type="on-scroll-up" class="header-wrapper color-background-1 gradient header-wrapper--border-bottom">
        <header class="header header--middle-left header--mobile-center page-width header--has-menu">
          <a href="@BASE@/" class="header__heading-link link link--text focus-inset"><span class="h2">Kettle &amp; Leaf</span></a>
          <nav class="header__inline-menu">
            <ul class="list-menu list-menu--inline" role="list">
              <li><a href="@BASE@/collections/all" class="header__menu-item list-menu__item link link--text focus-inset"><span>Shop all teas</span></a></li>
              <li><a href="@BASE@/collections/teaware" class="header__menu-item list-menu__item link link--text focus-inset"><span>Teaware</span></a></li>
              <li><a href="@BASE@/collections/gifts" class="header__menu-item list-menu__item link link--text focus-inset"><span>Gifts</span></a></li>
              <li><a href="@BASE@/blogs/the-steep" class="header__menu-item list-menu__item link link--text focus-inset" aria-current="page"><span>The Steep podcast</span></a></li>
              <li><a href="@BASE@/pages/about" class="header__menu-item list-menu__item link link--text focus-inset"><span>Our story</span></a></li>
            </ul>
          </nav>
          <div class="header__icons">
            <a href="@BASE@/search" class="header__icon header__icon--search link focus-inset"><span class="visually-hidden">Search</span><svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 18 19"><path fill-rule="evenodd" clip-rule="evenodd" d="M11.03 11.68A5.784 5.784 0 112.85 3.5a5.784 5.784 0 018.18 8.18zm.26 1.12a6.78 6.78 0 11.72-.7l5.4 5.4a.5.5 0 11-.71.7l-5.41-5.4z" fill="currentColor"/></svg></a>
            <a href="@BASE@/account/login" class="header__icon header__icon--account link focus-inset small-hide"><span class="visually-hidden">Log in</span><svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 18 19"><path fill-rule="evenodd" clip-rule="evenodd" d="M6 4.5a3 3 0 116 0 3 3 0 01-6 0zm3-4a4 4 0 100 8 4 4 0 000-8zm5.58 12.15c1.12.82 1.83 2.24 1.91 4.85H1.51c.08-2.6.79-4.03 1.9-4.85C4.66 11.75 6.5 11.5 9 11.5s4.35.26 5.58 1.15zM9 10.5c-2.5 0-4.65.24-6.17 1.35C1.27 12.98.5 14.93.5 18v.5h17V18c0-3.07-.77-5.02-2.33-6.15-1.52-1.1-3.67-1.35-6.17-1.35z" fill="currentColor"/></svg></a>
            <a href="@BASE@/cart" class="header__icon header__icon--cart link focus-inset" id="cart-icon-bubble"><span class="visually-hidden">Cart</span><svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 40 40"><path fill-rule="evenodd" clip-rule="evenodd" d="M20.5 6.5a4.75 4.75 0 00-4.75 4.75v.56h-3.16l-.77 11.6a5 5 0 004.99 5.34h7.38a5 5 0 004.99-5.33l-.77-11.6h-3.16v-.57A4.75 4.75 0 0020.5 6.5zm3.75 5.31v-.56a3.75 3.75 0 10-7.5 0v.56h7.5z" fill="currentColor"/></svg></a>
          </div>
        </header>
      </sticky-header>
    </div>
    <main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
      <section id="shopify-section-template--16914__main" class="shopify-section section">
        <article class="article-template">
          <div class="article-template__hero-container"><div class="article-template__hero-medium media"><img src="@BASE@/cdn/shop/articles/steep-34_1100x.jpg?v=1714032000" alt="Tea terraces above Lugu in Nantou County" width="1100" height="619" loading="eager"></div></div>
          <header class="page-width page-width--narrow">
            <h1 class="article-template__title">The Steep, Ep. 34: Oolong Country with Chen Wei-Ling</h1>
            <span class="circle-divider caption-with-letter-spacing"><time datetime="2024-04-25T08:00:00Z">April 25, 2024</time></span>
            <span class="caption-with-letter-spacing"> · By Hannah Pryce</span>
          </header>
          <div class="article-template__social-sharing page-width page-width--narrow">
            <share-button class="share-button"><button class="share-button__button" type="button"><svg width="14" height="14" viewBox="0 0 13 12" aria-hidden="true"><path d="M1.625 8.125V10.2917C1.625 10.579 1.73914 10.8545 1.9423 11.0577C2.14547 11.2609 2.42102 11.375 2.70833 11.375H10.2917C10.579 11.375 10.8545 11.2609 11.0577 11.0577C11.2609 10.8545 11.375 10.579 11.375 10.2917V8.125" stroke="currentColor" fill="none" stroke-linecap="round" stroke-linejoin="round"/><path d="M6.5 8V1.5M4 4l2.5-2.5L9 4" stroke="currentColor" fill="none" stroke-linecap="round"/></svg>Share</button></share-button>
          </div>
          <div class="article-template__content page-width page-width--narrow rte">
            <p>This month we called Chen Wei-Ling at five in the morning, her time, just as the first spring pick was coming down the mountain. Chen's family has made oolong above Lugu for three generations, and she walked us through a day in the rolling room: the bruising, the long oxidation, and the charcoal roast her grandfather still checks by smell.</p>
            <p>We also get into why high-mountain oolong costs what it does, how climate is shifting the harvest calendar, and the one mistake almost everyone makes when they brew it at home (too little leaf, too much patience).</p>
            <p><iframe width="100%" height="300" src="@PBASE@/posts/8412345/embed/v4" frameborder="0" allowtransparency="allowtransparency" scrolling="no" title="Audioboom player" allow="autoplay" style="background-color: transparent; display: block; max-width: 700px;"></iframe></p>
            <h3>Teas we drink in this episode</h3>
            <ul>
              <li><a href="@BASE@/products/alishan-high-mountain-oolong">Alishan High Mountain Oolong</a> — spring 2024 pick</li>
              <li><a href="@BASE@/products/dong-ding-charcoal-roast">Dong Ding, charcoal roast</a></li>
              <li><a href="@BASE@/products/gaiwan-120ml-celadon">Our 120 ml celadon gaiwan</a>, for the gongfu-curious</li>
            </ul>
            <h3>Show notes</h3>
            <ul>
              <li>02:10 — Waking up with the pickers</li>
              <li>09:45 — Rolling by hand vs. by machine</li>
              <li>21:30 — Roast levels, explained with toast</li>
              <li>33:00 — Warmer winters and early flushes</li>
              <li>41:20 — Brewing at home: leaf, water, time</li>
            </ul>
            <p>The Steep is our monthly podcast about where tea comes from. Subscribe on <a href="@BASE@/out/apple-podcasts">Apple Podcasts</a>, <a href="@BASE@/out/spotify">Spotify</a> or <a href="@BASE@/out/audioboom">Audioboom</a>, and tell us what you'd like to hear next through our <a href="@BASE@/pages/contact">contact page</a>.</p>
          </div>
          <div class="article-template__back element-margin-top center"><a href="@BASE@/blogs/the-steep" class="article-template__link link animate-arrow">← Back to The Steep</a></div>
        </article>
      </section>
      <section class="shopify-section section related">
        <div class="page-width">
          <h2>More from The Steep</h2>
          <ul>
            <li><a href="@BASE@/blogs/the-steep/ep-33-water-matters"><img src="@BASE@/cdn/shop/articles/steep-33_600x.jpg" alt="" loading="lazy">Ep. 33: Water Matters (More Than Your Leaf)</a></li>
            <li><a href="@BASE@/blogs/the-steep/ep-32-matcha-without-the-hype"><img src="@BASE@/cdn/shop/articles/steep-32_600x.jpg" alt="" loading="lazy">Ep. 32: Matcha Without the Hype</a></li>
            <li><a href="@BASE@/blogs/the-steep/ep-31-a-tea-farm-in-cornwall"><img src="@BASE@/cdn/shop/articles/steep-31_600x.jpg" alt="" loading="lazy">Ep. 31: A Tea Farm in Cornwall</a></li>
          </ul>
        </div>
      </section>
      <section class="shopify-section section featured">
        <div class="page-width">
          <h2>Featured in this episode</h2>
          <ul class="product-grid" role="list">
            <li class="grid__item"><div class="card__media"><img src="@BASE@/cdn/shop/products/alishan_533x.jpg" alt="Alishan High Mountain Oolong" loading="lazy"></div><h3 class="card__heading"><a href="@BASE@/products/alishan-high-mountain-oolong">Alishan High Mountain Oolong, 50 g</a></h3><div class="price">£14.50</div><button type="button" class="button add-to-cart">Add to cart</button></li>
            <li class="grid__item"><div class="card__media"><img src="@BASE@/cdn/shop/products/dongding_533x.jpg" alt="Dong Ding" loading="lazy"></div><h3 class="card__heading"><a href="@BASE@/products/dong-ding-charcoal-roast">Dong Ding, charcoal roast, 50 g</a></h3><div class="price">£12.00</div><button type="button" class="button add-to-cart">Add to cart</button></li>
            <li class="grid__item"><div class="card__media"><img src="@BASE@/cdn/shop/products/gaiwan_533x.jpg" alt="Celadon gaiwan" loading="lazy"></div><h3 class="card__heading"><a href="@BASE@/products/gaiwan-120ml-celadon">Celadon gaiwan, 120 ml</a></h3><div class="price">£24.00</div><button type="button" class="button add-to-cart">Add to cart</button></li>
          </ul>
        </div>
      </section>
    </main>
    <footer class="footer color-background-2 gradient section-sections--16914__footer-padding">
      <div class="page-width">
        <div class="footer__content-top">
          <div><h2>Shop</h2><ul><li><a href="@BASE@/collections/all">All teas</a></li><li><a href="@BASE@/collections/teaware">Teaware</a></li><li><a href="@BASE@/collections/gifts">Gift cards</a></li></ul></div>
          <div><h2>Help</h2><ul><li><a href="@BASE@/pages/shipping">Shipping &amp; returns</a></li><li><a href="@BASE@/pages/contact">Contact</a></li><li><a href="@BASE@/policies/privacy-policy">Privacy policy</a></li></ul></div>
          <div><h2>Subscribe to our emails</h2><form method="post" class="newsletter-form" onsubmit="return false"><div class="newsletter-form__field-wrapper"><input id="NewsletterForm--footer" type="email" name="contact[email]" placeholder="Email" aria-label="Email"><button type="submit" class="button">Subscribe</button></div></form></div>
        </div>
        <div class="footer__copyright"><small class="copyright__content">&copy; 2024, Kettle &amp; Leaf Tea Co.</small> <small class="copyright__content">Powered by Shopify</small></div>
      </div>
    </footer>
    <div id="shopify-pc__banner" class="shopify-pc__banner__dialog" role="alertdialog" aria-labelledby="shopify-pc__banner__body-title" aria-describedby="shopify-pc__banner__body-policy-link" aria-modal="false" lang="en" hidden>
      <div class="shopify-pc__banner__wrapper">
        <div class="shopify-pc__banner__body"><h2 id="shopify-pc__banner__body-title">Cookie preferences</h2><p>We use cookies and similar technologies to provide the best experience on our website. Refer to our <a id="shopify-pc__banner__body-policy-link" href="@BASE@/policies/privacy-policy">Privacy Policy</a> for more information.</p></div>
        <div class="shopify-pc__banner__btns"><button id="shopify-pc__banner__btn-manage-prefs" class="shopify-pc__banner__btn-manage-prefs" type="button">Manage preferences</button><button id="shopify-pc__banner__btn-decline" type="button">Decline</button><button id="shopify-pc__banner__btn-accept" type="button">Accept</button></div>
      </div>
    </div>
    <script>
      (function () {
        var banner = document.getElementById('shopify-pc__banner');
        if (document.cookie.indexOf('_tracking_consent=') === -1) {
          setTimeout(function () { banner.hidden = false; }, 600);
        }
        function choose(value) {
          document.cookie = '_tracking_consent=' + value + '; path=/; max-age=31536000';
          banner.hidden = true;
        }
        document.getElementById('shopify-pc__banner__btn-accept').addEventListener('click', function () { choose('accepted'); });
        document.getElementById('shopify-pc__banner__btn-decline').addEventListener('click', function () { choose('declined'); });
        document.getElementById('shopify-pc__banner__btn-manage-prefs').addEventListener('click', function () { choose('essential'); });
        Array.prototype.forEach.call(document.querySelectorAll('.add-to-cart'), function (button) {
          button.addEventListener('click', function () { button.textContent = 'Added ✓'; button.disabled = true; });
        });
        document.querySelector('.share-button__button').addEventListener('click', function () {
          if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
          this.lastChild.textContent = 'Link copied';
        });
      })();
    </script>
  </body>
</html>
"##;

const AUDIOBOOM_PROPS: &str = r##"{"clips":[{"id":8412345,"title":"The Steep, Ep. 34: Oolong Country with Chen Wei-Ling","duration":2874.5,"uploadedAt":"2024-04-25T08:00:00.000Z","clipURLPriorToLoading":"@PBASE@/posts/8412345.mp3?modified=1714032000&sid=5011234&source=embed","image":"@PBASE@/i/38119940/s=300x300/e=1714032000/steep-34.jpg","urls":{"detail":"@PBASE@/posts/8412345-the-steep-ep-34-oolong-country-with-chen-wei-ling"}}],"channel":{"id":5011234,"title":"The Steep by Kettle & Leaf","urls":{"detail":"@PBASE@/channels/5011234-the-steep"}},"moreEpisodes":[{"id":8398871,"title":"The Steep, Ep. 33: Water Matters","duration":2462.0,"clipURLPriorToLoading":"@PBASE@/posts/8398871.mp3?modified=1711440000&sid=5011234&source=embed"},{"id":8385102,"title":"The Steep, Ep. 32: Matcha Without the Hype","duration":2218.3,"clipURLPriorToLoading":"@PBASE@/posts/8385102.mp3?modified=1708934400&sid=5011234&source=embed"},{"id":8371460,"title":"The Steep, Ep. 31: A Tea Farm in Cornwall","duration":2655.9,"clipURLPriorToLoading":"@PBASE@/posts/8371460.mp3?modified=1706256000&sid=5011234&source=embed"}],"theme":"light","showMoreEpisodes":true,"eid":null}"##;

const AUDIOBOOM_EMBED: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>The Steep, Ep. 34: Oolong Country with Chen Wei-Ling | Audioboom</title>
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;background:transparent}
.ab-player{position:relative;display:flex;gap:16px;padding:16px;height:180px;background:#fff;border:1px solid #e3e3e3;border-radius:10px}
.ab-art{width:146px;height:146px;border-radius:6px;object-fit:cover;flex:none}.ab-body{flex:1;min-width:0;display:flex;flex-direction:column}
.ab-channel{font-size:12px;color:#6b6b6b;text-transform:uppercase;letter-spacing:.06em}.ab-title{font-size:17px;font-weight:700;color:#111;margin:4px 0 10px;line-height:1.25}
.ab-controls{display:flex;align-items:center;gap:12px}.ab-play{width:48px;height:48px;border-radius:50%;border:0;background:#00a0e6;color:#fff;display:flex;align-items:center;justify-content:center;cursor:pointer;flex:none}
.ab-scrubber{flex:1;height:28px;background:repeating-linear-gradient(90deg,#d6d6d6 0 2px,transparent 2px 5px);mask:linear-gradient(#000,#000);position:relative}
.ab-scrubber i{position:absolute;left:0;top:0;bottom:0;width:0;background:rgba(0,160,230,.5)}.ab-time{font-size:12px;color:#6b6b6b;min-width:46px;text-align:right}
.ab-actions{display:flex;gap:8px;margin-top:auto}.ab-action{display:flex;align-items:center;gap:6px;border:1px solid #ddd;background:#fff;border-radius:16px;padding:4px 10px;font-size:12px;color:#333;cursor:pointer}
.ab-logo{position:absolute;right:14px;top:12px;font-weight:700;font-size:13px;color:#00a0e6;text-decoration:none}
.ab-panel{border:1px solid #e3e3e3;border-top:0;border-radius:0 0 10px 10px;background:#fafafa;padding:8px 16px;margin-top:-6px;font-size:13px}
.ab-panel ol{list-style:none;margin:0;padding:0}.ab-panel li{display:flex;align-items:center;gap:10px;padding:6px 0;border-bottom:1px solid #eee}
.ab-panel li:last-child{border:0}.ab-pl-play{width:28px;height:28px;border-radius:50%;border:1px solid #00a0e6;background:#fff;color:#00a0e6;display:flex;align-items:center;justify-content:center;cursor:pointer;flex:none}
.ab-pl-title{flex:1}.ab-pl-dur{color:#888}.ab-panel a{color:#00a0e6;text-decoration:none;margin-right:14px}
.ab-panel input{width:100%;font-size:12px;padding:5px;border:1px solid #ddd;border-radius:4px}
</style>
</head>
<body>
<div id="embed-root" data-react-class="EmbedPlayerV4" data-react-props="@PROPS@"></div>
<script src="@PBASE@/assets/embed_v4-2b7d9c1f.js"></script>
</body>
</html>
"##;

const AUDIOBOOM_JS: &str = r##"(function () {
  'use strict';
  var host = document.querySelector('[data-react-class="EmbedPlayerV4"]');
  var props = JSON.parse(host.getAttribute('data-react-props'));
  var clip = props.clips[0];
  var audio = new Audio();
  audio.preload = 'none';
  var current = null;
  var PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  var PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  var SMALL_PLAY = '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  function fmt(s) { s = Math.max(0, Math.round(s)); var m = Math.floor(s / 60), x = s % 60; return m + ':' + (x < 10 ? '0' : '') + x; }
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  var list = props.moreEpisodes.map(function (e, i) {
    return '<li><button type="button" class="ab-pl-play" data-index="' + i + '" aria-label="Play ' + esc(e.title) + '">' + SMALL_PLAY + '</button>' +
      '<span class="ab-pl-title">' + esc(e.title) + '</span><span class="ab-pl-dur">' + fmt(e.duration) + '</span></li>';
  }).join('');
  host.innerHTML =
    '<div class="ab-player">' +
      '<img class="ab-art" src="' + esc(clip.image) + '" alt="">' +
      '<div class="ab-body">' +
        '<div class="ab-channel">' + esc(props.channel.title) + '</div>' +
        '<div class="ab-title">' + esc(clip.title) + '</div>' +
        '<div class="ab-controls"><button type="button" class="ab-play" aria-label="Play">' + PLAY + '</button>' +
        '<div class="ab-scrubber" role="slider" aria-label="Seek" aria-valuemin="0" aria-valuemax="' + Math.round(clip.duration) + '" aria-valuenow="0"><i></i></div>' +
        '<span class="ab-time">' + fmt(clip.duration) + '</span></div>' +
        '<div class="ab-actions">' +
          '<button type="button" class="ab-action" data-panel="share">Share</button>' +
          '<button type="button" class="ab-action" data-panel="subscribe">Subscribe</button>' +
          (props.showMoreEpisodes ? '<button type="button" class="ab-action" data-panel="more" aria-expanded="false">More episodes</button>' : '') +
        '</div>' +
      '</div>' +
      '<a class="ab-logo" href="' + esc(props.channel.urls.detail) + '" target="_blank" rel="noopener">audioboom</a>' +
    '</div>' +
    '<div class="ab-panel" data-for="more" hidden><ol>' + list + '</ol></div>' +
    '<div class="ab-panel" data-for="share" hidden><input readonly value="' + esc(clip.urls.detail) + '" aria-label="Episode link"></div>' +
    '<div class="ab-panel" data-for="subscribe" hidden><a href="@PBASE@/out/apple-podcasts" target="_blank">Apple Podcasts</a><a href="@PBASE@/out/spotify" target="_blank">Spotify</a><a href="@PBASE@/out/pocket-casts" target="_blank">Pocket Casts</a></div>';

  var play = host.querySelector('.ab-play');
  var fill = host.querySelector('.ab-scrubber i');
  var time = host.querySelector('.ab-time');
  function setIcon(playing) { play.innerHTML = playing ? PAUSE : PLAY; play.setAttribute('aria-label', playing ? 'Pause' : 'Play'); }
  function start(url, duration) {
    if (current !== url) { audio.src = url; current = url; }
    var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
    play.dataset.duration = duration;
  }
  play.addEventListener('click', function () {
    if (current === clip.clipURLPriorToLoading && !audio.paused) { audio.pause(); setIcon(false); return; }
    start(clip.clipURLPriorToLoading, clip.duration); setIcon(true);
  });
  Array.prototype.forEach.call(host.querySelectorAll('.ab-pl-play'), function (button) {
    button.addEventListener('click', function () {
      var e = props.moreEpisodes[Number(button.dataset.index)];
      start(e.clipURLPriorToLoading, e.duration); setIcon(false);
      host.querySelector('.ab-title').textContent = e.title;
    });
  });
  audio.addEventListener('timeupdate', function () {
    var d = Number(play.dataset.duration) || clip.duration;
    fill.style.width = (100 * audio.currentTime / d) + '%';
    time.textContent = '-' + fmt(d - audio.currentTime);
  });
  Array.prototype.forEach.call(host.querySelectorAll('.ab-action'), function (button) {
    button.addEventListener('click', function () {
      var name = button.dataset.panel;
      Array.prototype.forEach.call(host.querySelectorAll('.ab-panel'), function (panel) {
        panel.hidden = panel.dataset.for !== name || !panel.hidden;
      });
      if (name === 'more') { button.setAttribute('aria-expanded', String(!host.querySelector('[data-for=more]').hidden)); }
    });
  });
})();
"##;

// ----------------------------------------------------------------------------------
// iVoox episode page.
//
// Imitates: an iVoox episode page as captured in metascraper's `providers/ivoox.com.html`
// fixture and read by yt-dlp's ivoox.py: `data-prm-pubdate/-author/-podname/-title`
// attributes, a jPlayer whose stream is `listen_mn_<id>_1.mp3?internal=HTML5`, an
// `a.icon-download[title="Download App"]` that only advertises the app, and the real file
// as `<a id="dlink" class="btn btn-default" onmousedown="downloadFollow(...)"
// href="..._md_<id>_1.mp3?t=..."><span>Download in PC (12MB)</span></a>` inside a
// `div.descargar_tip` hidden by default (here in Spanish, as on ivoox.com/es). The consent
// layer is Didomi, whose `<div id="didomi-host" data-nosnippet="true" aria-hidden="true">`
// iVoox ships empty and the SDK fills in. Both iVoox file URLs redirect to the CDN file.
// Content is fictional.

fn ivoox(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(IVOOX_PAGE, request);
    }
    let path = rest(request);
    match path {
        "assets/js/ivoox-episode.min.js" => return script(IVOOX_JS, request),
        "assets/js/didomi-loader.js" => return script(DIDOMI_JS, request),
        _ => {}
    }
    if let Some(name) = path.strip_suffix("_1.mp3") {
        let id = name
            .strip_prefix("listen_mn_")
            .or_else(|| name.rsplit_once("_md_").map(|(_, id)| id))?;
        if !["128734501", "128690022", "128641337", "128598760"].contains(&id) {
            return with_status(StatusCode::NOT_FOUND, "Not found");
        }
        return Some(redirect(&format!(
            "{}/media/ivoox/{id}.mp3",
            request.origins.site
        )));
    }
    if let Some(name) = path.strip_suffix("_1.html") {
        let (slug, id) = name.rsplit_once("_rf_")?;
        let title = match id {
            "128690022" => "CDA 6x20 Tunguska: la explosión que nadie vio",
            "128641337" => "CDA 6x19 Los niños verdes de Woolpit",
            "128598760" => "CDA 6x18 El caso del Mary Celeste",
            _ => return None,
        };
        return Some(html(
            fill(IVOOX_OTHER, request)
                .replace("@TITLE@", title)
                .replace("@ID@", id)
                .replace("@NAME@", slug),
        ));
    }
    None
}

const IVOOX_PAGE: &str = r##"<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CDA 6x21 El manuscrito Voynich: cinco siglos de silencio - Crónicas del Abismo - Podcast en iVoox</title>
<meta name="description" content="Escucha y descarga los episodios de Crónicas del Abismo gratis. Un libro escrito en un idioma que nadie ha sabido leer, ilustrado con plantas que no existen. Programa: Crónicas del Abismo. Canal: Crónicas del Abismo. Tiempo: 01:24:37 Subido 18/04 a las 06:00:00 128734501">
<link rel="canonical" href="@BASE@">
<meta property="og:title" content="CDA 6x21 El manuscrito Voynich: cinco siglos de silencio">
<meta property="og:description" content="Un libro escrito en un idioma que nadie ha sabido leer, ilustrado con plantas que no existen.">
<meta property="og:image" content="@BASE@/img/podcast/f1123456_sq_1.jpg">
<meta property="og:site_name" content="iVoox">
<meta name="twitter:card" content="player">
<meta name="twitter:site" content="@ivoox">
<meta name="twitter:player" content="@BASE@/player_ej_128734501_4_1.html?c1=ff6600">
<meta name="twitter:player:width" content="400">
<meta name="twitter:player:height" content="200">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Open Sans",Arial,sans-serif;color:#333;background:#f4f4f4;font-size:14px}
a{color:#ff6600;text-decoration:none}.container{max-width:1170px;margin:0 auto;padding:0 15px}.row{display:flex;gap:30px}.col-md-8{flex:2;min-width:0}.col-md-4{flex:1}
.navbar{background:#fff;border-bottom:1px solid #e5e5e5;height:64px}.navbar .container{display:flex;align-items:center;gap:24px;height:64px}
.logo{font-size:26px;font-weight:800;color:#ff6600;letter-spacing:-1px}.search{flex:1}.search input{width:100%;max-width:420px;padding:9px 14px;border:1px solid #ddd;border-radius:20px}
.nav a{color:#333;margin-left:16px}.btn{display:inline-block;border-radius:4px;padding:8px 14px;border:1px solid #ccc;background:#fff;color:#333;cursor:pointer;font-size:13px}
.btn-primary{background:#ff6600;border-color:#ff6600;color:#fff}.btn-app{margin-left:12px}
.box{background:#fff;border:1px solid #e5e5e5;border-radius:4px;padding:20px;margin:20px 0}
.episode-header{display:flex;gap:20px}.episode-header img{width:150px;height:150px;border-radius:4px}.episode-header h1{font-size:22px;margin:0 0 6px;color:#222}
.meta{color:#888;font-size:13px}.jp-audio{display:flex;align-items:center;gap:14px;margin-top:18px;padding:12px;background:#fafafa;border:1px solid #eee;border-radius:30px}
.jp-play{width:44px;height:44px;border-radius:50%;background:#ff6600;border:0;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.jp-progress{flex:1;height:6px;background:#e6e6e6;border-radius:3px}.jp-play-bar{height:6px;width:0;background:#ff6600;border-radius:3px}.jp-time{color:#888;font-size:12px}
.action-bar{list-style:none;display:flex;gap:8px;padding:0;margin:16px 0 0;position:relative}.action-bar button{background:#fff;border:1px solid #ddd;border-radius:18px;height:36px;min-width:36px;padding:0 12px;cursor:pointer;color:#555;display:flex;align-items:center;gap:6px}
.action-bar svg{width:16px;height:16px}.dropdown{position:relative}
.descargar_tip{position:absolute;left:0;top:44px;width:300px;background:#fff;border:1px solid #ddd;border-radius:6px;box-shadow:0 6px 20px rgba(0,0,0,.12);padding:16px;z-index:20}
.descargar_tip .tip-title{font-weight:700;margin:0 0 6px}.descargar_tip p{margin:0 0 10px;color:#666;font-size:13px}.descargar_tip hr{border:0;border-top:1px solid #eee;margin:12px 0}
.descargar_tip .btn-default{font-size:12px;color:#777;border-color:#ddd}
.description h2,.comments h2,aside h3{font-size:16px;margin:0 0 12px;color:#222}.description p{line-height:1.6}
.tags a{display:inline-block;background:#f0f0f0;color:#555;border-radius:12px;padding:3px 10px;margin:0 4px 4px 0;font-size:12px}
.comment{border-top:1px solid #eee;padding:10px 0}.comment b{color:#222}
.app-banner{background:#222;color:#fff;border-radius:4px;padding:18px;margin:20px 0}.app-banner p{margin:6px 0 12px;color:#ccc}
.related li{display:flex;align-items:center;gap:10px;padding:10px 0;border-top:1px solid #eee}.related ul{list-style:none;margin:0;padding:0}
.related .mini-play{width:30px;height:30px;border-radius:50%;border:1px solid #ff6600;background:#fff;color:#ff6600;cursor:pointer;flex:none;display:flex;align-items:center;justify-content:center}
.related a{color:#333}.related small{display:block;color:#999}
footer{background:#222;color:#aaa;padding:30px 0;margin-top:30px;font-size:12px}footer a{color:#ddd;margin-right:14px}
#didomi-host .didomi-popup-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.55);display:flex;align-items:center;justify-content:center;z-index:2147483640}
#didomi-host .didomi-popup-notice{background:#fff;max-width:560px;border-radius:6px;padding:28px 30px;position:relative;font-size:13px;line-height:1.55;color:#333}
#didomi-host .didomi-continue-without-agreeing{position:absolute;right:18px;top:12px;color:#555;text-decoration:underline;font-size:12px;cursor:pointer}
#didomi-host h1{font-size:19px;margin:8px 0 12px}#didomi-host .didomi-popup-notice-buttons{display:flex;justify-content:flex-end;gap:10px;margin-top:18px}
#didomi-host .didomi-button{border-radius:4px;padding:10px 16px;font-weight:700;cursor:pointer;border:1px solid #ff6600;background:#fff;color:#ff6600}
#didomi-host .didomi-button-highlight{background:#ff6600;color:#fff}
#didomi-host .didomi-purposes{margin:10px 0 0;padding-left:18px}
</style>
</head>
<body class="episode-page">
<div id="didomi-host" data-nosnippet="true" aria-hidden="true"></div>
<header class="navbar">
  <div class="container">
    <a class="logo" href="@BASE@/">iVoox</a>
    <form class="search" onsubmit="return false"><input type="search" placeholder="Busca audios, podcasts, audiolibros..." aria-label="Buscar"></form>
    <nav class="nav"><a href="@BASE@/explorar-audios_sw_1_1.html">Explorar</a><a href="@BASE@/audiolibros_sb_f_1.html">Audiolibros</a><a href="@BASE@/originals_sa_f_1.html">Originals</a><a href="@BASE@/upload">Sube tu audio</a><a href="@BASE@/login">Iniciar sesión</a></nav>
    <a class="btn btn-primary btn-app" href="@BASE@/app?utm_source=web&amp;utm_medium=header">Descarga la app</a>
  </div>
</header>
<div class="container">
  <div class="row">
    <div class="col-md-8">
      <div class="box">
        <div id="player-container" class="d-flex episode-header" data-prm-pubdate="2024-04-18 06:00:00" data-prm-author="Lucía Ferrer" data-prm-podname="Crónicas del Abismo" data-prm-title="CDA 6x21 El manuscrito Voynich: cinco siglos de silencio">
          <img src="@BASE@/img/podcast/f1123456_sq_1.jpg" alt="Crónicas del Abismo">
          <div>
            <h1>CDA 6x21 El manuscrito Voynich: cinco siglos de silencio</h1>
            <p class="meta">de <a href="@BASE@/podcast-cronicas-del-abismo_sq_f1123456_1.html">Crónicas del Abismo</a></p>
            <p class="meta"><span>18/04/2024</span> · <span>1:24:37</span> · <span>12.214 escuchas</span></p>
          </div>
        </div>
        <div id="jp_container_1" class="jp-audio" role="application" aria-label="media player">
          <button type="button" class="jp-play" aria-label="Reproducir" title="Reproducir"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button>
          <div class="jp-progress"><div class="jp-seek-bar"><div class="jp-play-bar"></div></div></div>
          <div class="jp-time"><span class="jp-current-time">00:00</span> / <span class="jp-duration">01:24:37</span></div>
        </div>
        <audio id="jp_audio_0" preload="none"></audio>
        <ul class="action-bar">
          <li><button type="button" class="btn-like" title="Me gusta"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 21s-7-4.4-9.3-9A5.3 5.3 0 0 1 12 6a5.3 5.3 0 0 1 9.3 6c-2.3 4.6-9.3 9-9.3 9z" fill="currentColor"/></svg><span>842</span></button></li>
          <li><button type="button" class="btn-comment" title="Comentar"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16v12H7l-3 3z" fill="currentColor"/></svg><span>37</span></button></li>
          <li><button type="button" class="btn-share" title="Compartir"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg></button></li>
          <li><button type="button" class="btn-list" title="Añadir a lista"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6h12v2H3zm0 5h12v2H3zm0 5h8v2H3zm14-3v-3h2v3h3v2h-3v3h-2v-3h-3v-2z" fill="currentColor"/></svg></button></li>
          <li class="dropdown">
            <button type="button" class="btn-download-toggle" title="Descargar" aria-expanded="false"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg></button>
            <div class="descargar_tip" style="display:none">
              <p class="tip-title">Escucha sin conexión</p>
              <p>Descarga la app de iVoox y guarda tus episodios favoritos para escucharlos cuando quieras, sin gastar datos.</p>
              <a href="@BASE@/app?utm_source=web&amp;utm_medium=descargar_tip" class="icon-download btn btn-primary" title="Descargar App">Descargar App</a>
              <hr>
              <a href="@BASE@/cda-6x21-el-manuscrito-voynich-cinco-siglos-de-silencio_md_128734501_1.mp3?t=laeknpWmd6ylog" class="btn btn-default" onmousedown="downloadFollow(event,'128734501')" id="dlink"><span>Descargar en PC (48MB) </span></a>
            </div>
          </li>
        </ul>
      </div>
      <div class="box description">
        <h2>Descripción de CDA 6x21 El manuscrito Voynich: cinco siglos de silencio</h2>
        <p>Doscientas cuarenta páginas de vitela, un alfabeto que no aparece en ningún otro documento y dibujos de plantas que ningún botánico ha sabido identificar. Desde que Wilfrid Voynich lo compró en 1912, criptógrafos de la Segunda Guerra Mundial, lingüistas y hasta la inteligencia artificial han intentado leerlo.</p>
        <p>Esta semana repasamos las teorías (la lengua perdida, el fraude renacentista, el herbolario cifrado) con la paleógrafa Marta Gil y el criptoanalista Andrés Roca.</p>
        <p>Escucha el episodio completo en la app de iVoox o en tu plataforma favorita. ¡Suscríbete para no perderte ninguno!</p>
        <div class="tags"><a href="@BASE@/audios-misterio_sb_f_1.html">misterio</a><a href="@BASE@/audios-historia_sb_f_1.html">historia</a><a href="@BASE@/audios-enigmas_sb_f_1.html">enigmas</a><a href="@BASE@/audios-criptografia_sb_f_1.html">criptografía</a></div>
      </div>
      <div class="box comments">
        <h2>Comentarios (37)</h2>
        <div class="comment"><b>mjsoler</b> <span class="meta">hace 3 días</span><p>Qué gran episodio, la parte de la datación por carbono me ha encantado.</p></div>
        <div class="comment"><b>Trasgo_77</b> <span class="meta">hace 4 días</span><p>Para cuándo uno sobre el Codex Seraphinianus?</p></div>
        <p><a href="@BASE@/login">Inicia sesión</a> para comentar.</p>
      </div>
    </div>
    <aside class="col-md-4">
      <div class="app-banner">
        <strong>Descarga la App de iVoox</strong>
        <p>Escucha sin conexión, crea listas y recibe tus podcasts al momento.</p>
        <a class="icon-download btn btn-primary" title="Descargar App" href="@BASE@/app?utm_source=web&amp;utm_medium=sidebar">Descargar App</a>
      </div>
      <div class="box related">
        <h3>Más episodios de Crónicas del Abismo</h3>
        <ul>
          <li><button type="button" class="mini-play" data-id="128690022" aria-label="Reproducir CDA 6x20"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div><a href="@BASE@/cda-6x20-tunguska-la-explosion-que-nadie-vio_rf_128690022_1.html">CDA 6x20 Tunguska: la explosión que nadie vio</a><small>11/04/2024 · 1:18:02</small></div></li>
          <li><button type="button" class="mini-play" data-id="128641337" aria-label="Reproducir CDA 6x19"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div><a href="@BASE@/cda-6x19-los-ninos-verdes-de-woolpit_rf_128641337_1.html">CDA 6x19 Los niños verdes de Woolpit</a><small>04/04/2024 · 1:09:44</small></div></li>
          <li><button type="button" class="mini-play" data-id="128598760" aria-label="Reproducir CDA 6x18"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div><a href="@BASE@/cda-6x18-el-caso-del-mary-celeste_rf_128598760_1.html">CDA 6x18 El caso del Mary Celeste</a><small>28/03/2024 · 1:21:15</small></div></li>
        </ul>
      </div>
    </aside>
  </div>
</div>
<footer><div class="container"><a href="@BASE@/informacion-legal">Aviso legal</a><a href="@BASE@/privacidad">Privacidad</a><a href="@BASE@/cookies">Cookies</a><a href="@BASE@/ayuda">Ayuda</a><p>© 2024 iVoox Global Podcasting S.A.</p></div></footer>
<script src="@BASE@/assets/js/ivoox-episode.min.js"></script>
<script src="@BASE@/assets/js/didomi-loader.js" async></script>
</body>
</html>
"##;

const IVOOX_OTHER: &str = r##"<!DOCTYPE html>
<html lang="es"><head><meta charset="UTF-8"><title>@TITLE@ - Crónicas del Abismo - Podcast en iVoox</title>
<style>body{font-family:Arial,sans-serif;background:#f4f4f4;margin:0}.box{max-width:760px;margin:30px auto;background:#fff;border:1px solid #e5e5e5;padding:24px}a{color:#ff6600}</style></head>
<body><div class="box" id="player-container" data-prm-podname="Crónicas del Abismo" data-prm-title="@TITLE@">
<h1>@TITLE@</h1><p>de <a href="@BASE@/podcast-cronicas-del-abismo_sq_f1123456_1.html">Crónicas del Abismo</a></p>
<audio controls preload="none" src="@BASE@/listen_mn_@ID@_1.mp3?internal=HTML5"></audio>
<p><a href="@BASE@/@NAME@_md_@ID@_1.mp3?t=laeknpWmd6ylog" class="btn btn-default" id="dlink">Descargar en PC</a></p>
<p><a href="@BASE@">← CDA 6x21 El manuscrito Voynich</a></p></div></body></html>
"##;

const IVOOX_JS: &str = r##"(function () {
  'use strict';
  var audio = document.getElementById('jp_audio_0');
  var play = document.querySelector('.jp-play');
  var bar = document.querySelector('.jp-play-bar');
  var now = document.querySelector('.jp-current-time');
  var PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  var PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  var base = '@BASE@/';
  var episodeId = '128734501';
  function listenUrl(id) { return base + 'listen_mn_' + id + '_1.mp3?internal=HTML5'; }
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function load(id) {
    var url = listenUrl(id);
    if (audio.getAttribute('src') !== url) { audio.setAttribute('src', url); }
    var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
  }
  play.addEventListener('click', function () {
    if (!audio.paused && audio.getAttribute('src') === listenUrl(episodeId)) {
      audio.pause(); play.innerHTML = PLAY; play.setAttribute('aria-label', 'Reproducir'); return;
    }
    load(episodeId); play.innerHTML = PAUSE; play.setAttribute('aria-label', 'Pausa');
  });
  audio.addEventListener('timeupdate', function () {
    var t = Math.floor(audio.currentTime);
    now.textContent = two(Math.floor(t / 60)) + ':' + two(t % 60);
    bar.style.width = (100 * audio.currentTime / 5077) + '%';
  });
  Array.prototype.forEach.call(document.querySelectorAll('.mini-play'), function (button) {
    button.addEventListener('click', function () { load(button.getAttribute('data-id')); play.innerHTML = PLAY; });
  });
  var toggle = document.querySelector('.btn-download-toggle');
  var tip = document.querySelector('.descargar_tip');
  toggle.addEventListener('click', function (e) {
    e.stopPropagation();
    var open = tip.style.display !== 'none';
    tip.style.display = open ? 'none' : 'block';
    toggle.setAttribute('aria-expanded', String(!open));
  });
  tip.addEventListener('click', function (e) { e.stopPropagation(); });
  document.addEventListener('click', function () { tip.style.display = 'none'; toggle.setAttribute('aria-expanded', 'false'); });
  document.querySelector('.btn-like').addEventListener('click', function () { location.href = base + 'login?from=like'; });
  document.querySelector('.btn-list').addEventListener('click', function () { location.href = base + 'login?from=playlist'; });
  document.querySelector('.btn-share').addEventListener('click', function () {
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
  });
  window.downloadFollow = function (event, id) {
    try { navigator.sendBeacon && navigator.sendBeacon(base + 'stats/download?id=' + id); } catch (e) {}
  };
})();
"##;

const DIDOMI_JS: &str = r##"(function () {
  'use strict';
  if (document.cookie.indexOf('didomi_token=') !== -1) { return; }
  var host = document.getElementById('didomi-host');
  function close(choice) {
    document.cookie = 'didomi_token=' + choice + '; path=/; max-age=15552000';
    host.innerHTML = '';
    document.body.style.overflow = '';
    host.setAttribute('aria-hidden', 'true');
  }
  function notice() {
    host.innerHTML =
      '<div id="didomi-popup" class="didomi-popup-backdrop didomi-notice-popup" role="dialog" aria-modal="true" aria-labelledby="didomi-notice-title">' +
        '<div class="didomi-popup-container"><div class="didomi-popup-notice didomi-popup-notice-with-data-processing">' +
          '<a href="javascript:void(0)" class="didomi-continue-without-agreeing" role="button">Continuar sin aceptar →</a>' +
          '<h1 id="didomi-notice-title" class="didomi-popup-notice-title">Tu privacidad es importante para nosotros</h1>' +
          '<div class="didomi-popup-notice-text">Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, tales como cookies, y procesamos datos personales, tales como identificadores únicos e información estándar enviada por un dispositivo, para anuncios y contenido personalizados, medición de anuncios y del contenido e información sobre el público, así como para desarrollar y mejorar productos. Con su permiso, nosotros y nuestros socios podemos utilizar datos de localización geográfica precisa e identificación mediante las características de dispositivos.</div>' +
          '<div class="didomi-popup-notice-buttons">' +
            '<button id="didomi-notice-learn-more-button" class="didomi-components-button didomi-button didomi-button-standard standard-button" type="button">Más información</button>' +
            '<button id="didomi-notice-agree-button" class="didomi-components-button didomi-button didomi-button-highlight highlight-button" type="button">Aceptar y cerrar</button>' +
          '</div>' +
        '</div></div>' +
      '</div>';
    host.removeAttribute('aria-hidden');
    document.body.style.overflow = 'hidden';
    host.querySelector('#didomi-notice-agree-button').addEventListener('click', function () { close('agree'); });
    host.querySelector('.didomi-continue-without-agreeing').addEventListener('click', function () { close('disagree'); });
    host.querySelector('#didomi-notice-learn-more-button').addEventListener('click', preferences);
  }
  function preferences() {
    host.querySelector('.didomi-popup-notice').innerHTML =
      '<h1 id="didomi-notice-title">Gestionar mis preferencias</h1>' +
      '<p>Puedes dar o retirar tu consentimiento en cualquier momento.</p>' +
      '<ul class="didomi-purposes"><li>Almacenar o acceder a información en un dispositivo</li><li>Publicidad y contenido personalizados, medición de publicidad y contenido</li><li>Desarrollar y mejorar productos</li></ul>' +
      '<div class="didomi-popup-notice-buttons">' +
        '<button type="button" class="didomi-components-button didomi-button didomi-button-standard" id="didomi-disagree-all">Rechazar todo</button>' +
        '<button type="button" class="didomi-components-button didomi-button didomi-button-highlight" id="didomi-agree-all">Aceptar todo</button>' +
      '</div>';
    host.querySelector('#didomi-disagree-all').addEventListener('click', function () { close('disagree'); });
    host.querySelector('#didomi-agree-all').addEventListener('click', function () { close('agree'); });
  }
  setTimeout(notice, 450);
})();
"##;

// ----------------------------------------------------------------------------------
// Deutschlandfunk article with its audio.
//
// Imitates: a deutschlandfunk.de article page (`<slug>-dlf-<8hex>-100.html`) as yt-dlp's
// dlf.py and a news scraper read it: `<button alt="Anhören" data-audio-diraid=...
// data-audiotitle data-audioduration data-audioimage data-audio-producer data-audio-series
// data-audio-origin-site-name data-audio-download-tracking-path data-audio-src
// data-audio-download-src>`, `article.b-article`, `article-header-title`,
// `headline-kicker`, and "Mehr zum Thema" teasers that carry their own audio buttons. The
// stream (ondemand-mp3.dradio.de) and the download (download.deutschlandfunk.de) are the
// same file here behind different paths. The "Herunterladen" popover with "Audio
// herunterladen (MP3)" and the sticky player bar are plausible reconstructions; I found
// no captured markup for them. Content is fictional.

fn deutschlandfunk(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(DLF_PAGE, request);
    }
    if on_site(request, "static/js/audio-player.8d1f3a.js") {
        return script(DLF_JS, request);
    }
    None
}

const DLF_PAGE: &str = r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Renaturierung - Wie Moore wieder nass werden</title>
<meta name="description" content="Trockengelegte Moore setzen jedes Jahr Millionen Tonnen CO2 frei. Wiedervernässung soll das stoppen – doch Landwirte, Forschende und Behörden ringen um den richtigen Weg.">
<meta property="og:title" content="Renaturierung - Wie Moore wieder nass werden">
<meta property="og:description" content="Trockengelegte Moore setzen jedes Jahr Millionen Tonnen CO2 frei. Wiedervernässung soll das stoppen.">
<meta property="og:image" content="@BASE@/assets/7e3c5a1b-moor-teaser/1920x1080.jpg">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Deutschlandfunk">
<link rel="canonical" href="@BASE@">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Deutschlandfunk Sans",Arial,Helvetica,sans-serif;color:#1a1a1a;background:#fff;font-size:17px;line-height:1.6}
a{color:#00509d}.b-header{border-bottom:1px solid #ddd}.b-header .inner{max-width:1160px;margin:0 auto;padding:14px 20px;display:flex;align-items:center;gap:30px}
.logo{font-weight:800;font-size:22px;color:#00509d;text-decoration:none;letter-spacing:-.5px}.main-nav{display:flex;gap:22px;font-size:15px}.main-nav a{color:#1a1a1a;text-decoration:none}
.live-button{margin-left:auto;display:flex;align-items:center;gap:8px;background:#00509d;color:#fff;border:0;border-radius:20px;padding:8px 16px;font-size:14px;cursor:pointer}
.b-article{max-width:760px;margin:0 auto;padding:30px 20px 60px}.headline-kicker{display:block;font-size:15px;color:#00509d;font-weight:700;text-transform:none}
.article-header-title{font-size:38px;line-height:1.15;margin:6px 0 14px}.article-header-description{font-size:19px;font-weight:600;margin:0 0 16px}
.article-header-author{font-size:14px;color:#666}
.b-audio-actions{display:flex;align-items:center;gap:10px;margin:22px 0;position:relative}
.b-button-play{display:flex;align-items:center;gap:10px;background:#00509d;color:#fff;border:0;border-radius:24px;padding:10px 20px 10px 12px;font-size:16px;cursor:pointer}
.b-button-play .icon{width:26px;height:26px;border-radius:50%;background:#fff;color:#00509d;display:flex;align-items:center;justify-content:center}
.b-button-play .duration{font-size:13px;opacity:.85}
.b-button-icon{width:44px;height:44px;border-radius:50%;border:1px solid #ccd;background:#fff;color:#00509d;display:flex;align-items:center;justify-content:center;cursor:pointer}
.b-popover{position:absolute;top:54px;left:0;background:#fff;border:1px solid #ddd;border-radius:6px;box-shadow:0 8px 24px rgba(0,0,0,.14);padding:16px 18px;width:360px;z-index:30;font-size:15px}
.b-popover h3{font-size:16px;margin:0 0 10px}.b-popover a.b-link{display:flex;align-items:center;gap:8px;padding:8px 0;text-decoration:none;border-top:1px solid #eee}
.b-popover .hint{font-size:12px;color:#666;margin:10px 0 0}
.article-image img{width:100%;display:block}.article-image figcaption{font-size:13px;color:#666;margin-top:6px}
.article-details-text p{margin:0 0 18px}.article-details-text h2{font-size:22px;margin:30px 0 10px}
.b-teaser-list{border-top:2px solid #00509d;margin-top:40px;padding-top:14px}.b-teaser-list h2{font-size:20px;margin:0 0 14px}
.b-teaser{display:flex;gap:14px;padding:14px 0;border-bottom:1px solid #eee}.b-teaser img{width:140px;height:80px;object-fit:cover;flex:none}
.b-teaser .teaser-title{font-weight:700;color:#1a1a1a;text-decoration:none;display:block;margin-bottom:6px}.b-teaser .b-button-play{padding:5px 12px 5px 6px;font-size:13px}
.b-teaser .b-button-play .icon{width:20px;height:20px}
.b-footer{background:#f2f2f2;padding:30px 20px;font-size:14px}.b-footer .inner{max-width:1160px;margin:0 auto;display:flex;gap:30px;flex-wrap:wrap}.b-footer a{color:#1a1a1a}
.b-player-bar{position:fixed;left:0;right:0;bottom:0;background:#0b2a4a;color:#fff;display:flex;align-items:center;gap:16px;padding:10px 20px;z-index:50}
.b-player-bar button{background:none;border:0;color:#fff;cursor:pointer}.b-player-bar .title{flex:1;font-size:14px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.b-player-bar progress{width:240px}
</style>
</head>
<body>
<header class="b-header"><div class="inner">
  <a class="logo" href="@BASE@/">Deutschlandfunk</a>
  <nav class="main-nav" aria-label="Hauptnavigation"><a href="@BASE@/nachrichten-100.html">Nachrichten</a><a href="@BASE@/politik-100.html">Politik</a><a href="@BASE@/wirtschaft-100.html">Wirtschaft</a><a href="@BASE@/wissen-100.html">Wissen</a><a href="@BASE@/kultur-100.html">Kultur</a><a href="@BASE@/programm-100.html">Programm</a><a href="@BASE@/podcasts-100.html">Podcasts</a></nav>
  <button class="live-button" type="button" aria-label="Livestream Deutschlandfunk hören">▶ Live</button>
</div></header>
<main>
<article class="b-article">
  <header class="article-header">
    <span class="headline-kicker">Renaturierung</span>
    <h1 class="article-header-title">Wie Moore wieder nass werden</h1>
    <p class="article-header-description">Trockengelegte Moore setzen in Deutschland jedes Jahr rund 53 Millionen Tonnen CO2-Äquivalente frei. Wiedervernässung soll das stoppen – doch Landwirte, Forschende und Behörden ringen um den richtigen Weg.</p>
    <p class="article-header-author">Jonas Weidemann | 14.05.2024</p>
  </header>
  <div class="b-audio-actions">
    <button class="b-button-play js-audio-player-button" type="button" alt="Anhören" data-audio-diraid="dira_DLF_5b2c91e0" data-audiotitle="Wie Moore wieder nass werden" data-audioduration="1162" data-audioimage="@BASE@/assets/FALLBACK-IMAGE-AUDIO/512x512.png" data-audio-producer="Deutschlandfunk" data-audio-series="Forschung aktuell" data-audio-origin-site-name="deutschlandfunk" data-audio-download-tracking-path="@BASE@" data-audio-src="@SITE@/hop/ondemand-mp3/media/dradio/file/dradio/2024/05/14/wie_moore_wieder_nass_werden_dlf_20240514_1635_5b2c91e0.mp3" data-audio-download-src="@SITE@/media/dradio/file/dradio/2024/05/14/wie_moore_wieder_nass_werden_dlf_20240514_1635_5b2c91e0.mp3"><span class="icon"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></span><span>Anhören</span><span class="duration">19:22 Min.</span></button>
    <button class="b-button-icon js-download-toggle" type="button" aria-label="Herunterladen" title="Herunterladen" aria-expanded="false" aria-controls="download-popover"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg></button>
    <button class="b-button-icon js-share-toggle" type="button" aria-label="Teilen" title="Teilen" aria-expanded="false" aria-controls="share-popover"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg></button>
    <div class="b-popover" id="download-popover" role="dialog" aria-label="Herunterladen" hidden>
      <h3>Herunterladen</h3>
      <a class="b-link" href="@SITE@/media/dradio/file/dradio/2024/05/14/wie_moore_wieder_nass_werden_dlf_20240514_1635_5b2c91e0.mp3" download>⤓ Audio herunterladen (MP3, 17,7 MB)</a>
      <a class="b-link" href="@BASE@/forschung-aktuell-podcast-100.html">Podcast „Forschung aktuell“ abonnieren</a>
      <p class="hint">Nur zur privaten Nutzung. Die Audiodatei ist bis zum 14.05.2025 verfügbar.</p>
    </div>
    <div class="b-popover" id="share-popover" role="dialog" aria-label="Teilen" hidden>
      <h3>Teilen</h3>
      <a class="b-link" href="@BASE@/share/mail">Per E-Mail teilen</a>
      <a class="b-link js-copy-link" href="@BASE@">Link kopieren</a>
    </div>
  </div>
  <figure class="article-image"><img src="@BASE@/assets/7e3c5a1b-moor-teaser/1280x720.jpg" alt="Ein wiedervernässtes Moor in Mecklenburg-Vorpommern mit abgestorbenen Birken im Wasser" width="720" height="405"><figcaption>Wo früher Grünland war, steht jetzt wieder Wasser: wiedervernässte Fläche bei Neukalen (picture alliance / Bildagentur)</figcaption></figure>
  <div class="article-details-text">
    <p>Gut 90 Prozent der deutschen Moore sind entwässert. Über Jahrhunderte wurden sie trockengelegt, um Weiden, Äcker und Torfabbau möglich zu machen. Das rächt sich: Sobald Torf mit Luft in Kontakt kommt, zersetzt er sich und gibt Kohlendioxid frei.</p>
    <p>„Ein trockenes Moor ist wie ein Kohleflöz, das langsam vor sich hin glimmt“, sagt die Landschaftsökologin Katrin Ohlsen vom Moorforschungszentrum Nord. Bund und Länder haben sich deshalb vorgenommen, bis 2030 jährlich fünf Millionen Tonnen Emissionen aus Moorböden einzusparen.</p>
    <h2>Landwirte fürchten um ihre Flächen</h2>
    <p>Doch Wiedervernässung heißt: Wasserstände anheben, Gräben schließen, Pumpen abschalten. Für viele Betriebe bedeutet das das Ende der bisherigen Bewirtschaftung. Paludikultur – etwa der Anbau von Schilf oder Rohrkolben auf nassen Flächen – gilt als Alternative, doch Märkte und Maschinen fehlen noch.</p>
    <p>In der Sendung „Forschung aktuell“ erklärt Jonas Weidemann, welche Modellprojekte funktionieren, woran andere scheitern und warum die Zeit drängt.</p>
  </div>
  <section class="b-teaser-list" aria-labelledby="mehr-zum-thema">
    <h2 id="mehr-zum-thema">Mehr zum Thema</h2>
    <div class="b-teaser"><img src="@BASE@/assets/teaser-paludikultur/280x160.jpg" alt=""><div><a class="teaser-title" href="@BASE@/paludikultur-schilf-statt-weizen-dlf-3a91c07e-100.html">Paludikultur – Schilf statt Weizen</a><button class="b-button-play js-audio-player-button" type="button" alt="Anhören" data-audio-diraid="dira_DLF_3a91c07e" data-audiotitle="Paludikultur – Schilf statt Weizen" data-audioduration="312" data-audio-producer="Deutschlandfunk" data-audio-series="Umwelt und Verbraucher" data-audio-src="@SITE@/hop/ondemand-mp3/media/dradio/file/dradio/2024/03/02/paludikultur_schilf_statt_weizen_dlf_20240302_1140_3a91c07e.mp3" data-audio-download-src="@SITE@/media/dradio/file/dradio/2024/03/02/paludikultur_schilf_statt_weizen_dlf_20240302_1140_3a91c07e.mp3"><span class="icon"><svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></span><span>Anhören</span><span class="duration">5:12 Min.</span></button></div></div>
    <div class="b-teaser"><img src="@BASE@/assets/teaser-torf/280x160.jpg" alt=""><div><a class="teaser-title" href="@BASE@/torf-im-blumentopf-ausstieg-verschoben-dlf-c47d2e19-100.html">Torf im Blumentopf: Ausstieg verschoben</a><button class="b-button-play js-audio-player-button" type="button" alt="Anhören" data-audio-diraid="dira_DLF_c47d2e19" data-audiotitle="Torf im Blumentopf: Ausstieg verschoben" data-audioduration="248" data-audio-producer="Deutschlandfunk" data-audio-series="Umwelt und Verbraucher" data-audio-src="@SITE@/hop/ondemand-mp3/media/dradio/file/dradio/2024/02/19/torf_im_blumentopf_dlf_20240219_1135_c47d2e19.mp3" data-audio-download-src="@SITE@/media/dradio/file/dradio/2024/02/19/torf_im_blumentopf_dlf_20240219_1135_c47d2e19.mp3"><span class="icon"><svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></span><span>Anhören</span><span class="duration">4:08 Min.</span></button></div></div>
    <div class="b-teaser"><img src="@BASE@/assets/teaser-klimaschutz/280x160.jpg" alt=""><div><a class="teaser-title" href="@BASE@/moorschutzstrategie-was-der-bund-plant-dlf-9be04f33-100.html">Moorschutzstrategie: Was der Bund plant</a><button class="b-button-play js-audio-player-button" type="button" alt="Anhören" data-audio-diraid="dira_DLF_9be04f33" data-audiotitle="Moorschutzstrategie: Was der Bund plant" data-audioduration="421" data-audio-producer="Deutschlandfunk" data-audio-series="Informationen am Morgen" data-audio-src="@SITE@/hop/ondemand-mp3/media/dradio/file/dradio/2022/11/09/moorschutzstrategie_dlf_20221109_0720_9be04f33.mp3" data-audio-download-src="@SITE@/media/dradio/file/dradio/2022/11/09/moorschutzstrategie_dlf_20221109_0720_9be04f33.mp3"><span class="icon"><svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></span><span>Anhören</span><span class="duration">7:01 Min.</span></button></div></div>
  </section>
</article>
</main>
<footer class="b-footer"><div class="inner"><a href="@BASE@/impressum-100.html">Impressum</a><a href="@BASE@/datenschutz-100.html">Datenschutz</a><a href="@BASE@/barrierefreiheit-100.html">Barrierefreiheit</a><a href="@BASE@/kontakt-100.html">Kontakt</a><span>© Deutschlandradio</span></div></footer>
<script src="@BASE@/static/js/audio-player.8d1f3a.js" defer></script>
</body>
</html>
"##;

const DLF_JS: &str = r##"(function () {
  'use strict';
  var audio = new Audio();
  audio.preload = 'none';
  var bar = null;
  function ensureBar() {
    if (bar) { return bar; }
    bar = document.createElement('div');
    bar.className = 'b-player-bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', 'Audioplayer');
    bar.innerHTML = '<button type="button" class="js-bar-toggle" aria-label="Pause">❚❚</button>' +
      '<span class="title"></span><progress max="1" value="0"></progress>' +
      '<button type="button" class="js-bar-close" aria-label="Player schließen">✕</button>';
    document.body.appendChild(bar);
    bar.querySelector('.js-bar-toggle').addEventListener('click', function () {
      if (audio.paused) { audio.play().catch(function () {}); this.textContent = '❚❚'; this.setAttribute('aria-label', 'Pause'); }
      else { audio.pause(); this.textContent = '▶'; this.setAttribute('aria-label', 'Abspielen'); }
    });
    bar.querySelector('.js-bar-close').addEventListener('click', function () { audio.pause(); bar.remove(); bar = null; });
    return bar;
  }
  audio.addEventListener('timeupdate', function () {
    if (bar && audio.duration) { bar.querySelector('progress').value = audio.currentTime / audio.duration; }
  });
  Array.prototype.forEach.call(document.querySelectorAll('.js-audio-player-button'), function (button) {
    button.addEventListener('click', function () {
      var src = button.getAttribute('data-audio-src');
      if (audio.getAttribute('src') !== src) { audio.setAttribute('src', src); }
      audio.play().catch(function () {});
      ensureBar().querySelector('.title').textContent = (button.getAttribute('data-audio-series') || '') + ': ' + button.getAttribute('data-audiotitle');
    });
  });
  function popover(toggleSelector, id) {
    var toggle = document.querySelector(toggleSelector);
    var pop = document.getElementById(id);
    toggle.addEventListener('click', function (e) {
      e.stopPropagation();
      var open = pop.hidden;
      Array.prototype.forEach.call(document.querySelectorAll('.b-popover'), function (p) { p.hidden = true; });
      Array.prototype.forEach.call(document.querySelectorAll('[aria-controls]'), function (t) { t.setAttribute('aria-expanded', 'false'); });
      pop.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    pop.addEventListener('click', function (e) { e.stopPropagation(); });
  }
  popover('.js-download-toggle', 'download-popover');
  popover('.js-share-toggle', 'share-popover');
  document.addEventListener('click', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.b-popover'), function (p) { p.hidden = true; });
  });
  document.querySelector('.js-copy-link').addEventListener('click', function (e) {
    e.preventDefault();
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
    this.textContent = 'Link kopiert';
  });
  document.querySelector('.live-button').addEventListener('click', function () {
    audio.setAttribute('src', '@SITE@/media/dradio/live/dlf_hq.m3u8');
    audio.play().catch(function () {});
    ensureBar().querySelector('.title').textContent = 'Deutschlandfunk – Livestream';
  });
})();
"##;

// ----------------------------------------------------------------------------------
// Český rozhlas Vltava article with the mujRozhlas player.
//
// Imitates: a Český rozhlas station site (vltava.rozhlas.cz, Drupal: `node-type-*` body
// classes, `field--name-*` wrappers) with the player placeholder yt-dlp's rozhlas.py
// reads: `<div class="mujRozhlasPlayer" data-player='{"data":{"embedId":...,"series":
// {...},"playlist":[{"title","duration","audioLinks":[{"url","variant","bitrate"}],
// "meta":{"ga":{...}}}]}}'>`. Here the page's audio links are DASH and HLS only (Czech
// Radio serves "mainly MP3 and HLS/DASH"), and the MP3 is offered by the player's
// "Stáhnout" action. The player UI rendered into an open shadow root, its "Další
// možnosti" menu and the cookie bar are synthetic. Content is fictional.

fn rozhlas(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(ROZHLAS_PAGE, request);
    }
    if on_site(
        request,
        "sites/all/modules/cro_player/js/mujrozhlas-player.js",
    ) {
        return script(ROZHLAS_JS, request);
    }
    None
}

const ROZHLAS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="cs" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Poslední sklář z Harrachova | Vltava</title>
<meta name="description" content="Pec v harrachovské sklárně hoří bez přestávky od roku 1712. Dokument o mistrovi, který u ní stojí čtyřicet let, a o řemesle, kterému dochází učni.">
<meta property="og:site_name" content="Vltava">
<meta property="og:type" content="article">
<meta property="og:title" content="Poslední sklář z Harrachova">
<meta property="og:description" content="Pec v harrachovské sklárně hoří bez přestávky od roku 1712. Dokument o mistrovi, který u ní stojí čtyřicet let.">
<meta property="og:image" content="@BASE@/sites/default/files/styles/facebook/public/images/9184512_sklar.jpg">
<meta name="Generator" content="Drupal 7">
<link rel="canonical" href="@BASE@">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Ceskyrozhlas",Arial,sans-serif;color:#1f1f1f;background:#fff;font-size:16px;line-height:1.6}
.element-invisible{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}.element-invisible.element-focusable:focus{position:static!important;clip:auto;height:auto;width:auto}
a{color:#b2003c}.l-header{background:#b2003c;color:#fff}.l-header .inner{max-width:1140px;margin:0 auto;padding:12px 20px;display:flex;align-items:center;gap:28px}
.station-logo{font-size:24px;font-weight:800;color:#fff;text-decoration:none}.station-logo small{display:block;font-size:11px;font-weight:400;opacity:.85}
.main-menu{display:flex;gap:20px}.main-menu a{color:#fff;text-decoration:none;font-size:15px}
.live{margin-left:auto;background:#fff;color:#b2003c;border:0;border-radius:18px;padding:7px 14px;font-weight:700;cursor:pointer}
.breadcrumb{max-width:1140px;margin:14px auto 0;padding:0 20px;font-size:13px;color:#777}.breadcrumb a{color:#777}
.l-content{max-width:1140px;margin:0 auto;padding:10px 20px 40px;display:flex;gap:40px}.l-main{flex:2;min-width:0}.l-sidebar{flex:1}
h1.title{font-size:36px;line-height:1.15;margin:10px 0 10px}.node-meta{font-size:13px;color:#777;margin-bottom:14px}
.field--name-field-perex{font-size:19px;font-weight:600;margin-bottom:18px}
.mujRozhlasPlayer{display:block;min-height:132px;margin:20px 0 26px}
.field--name-body p{margin:0 0 16px}.field--name-body h2{font-size:22px;margin:26px 0 8px}
.related-audio{border-top:3px solid #b2003c;padding-top:10px;margin-top:34px}.related-audio h2{font-size:20px;margin:0 0 6px}
.block-title{font-size:17px;border-bottom:2px solid #b2003c;padding-bottom:4px}.l-sidebar ul{list-style:none;padding:0}.l-sidebar li{padding:8px 0;border-bottom:1px solid #eee;font-size:14px}
.l-footer{background:#222;color:#bbb;padding:26px 20px;font-size:13px}.l-footer .inner{max-width:1140px;margin:0 auto;display:flex;gap:24px;flex-wrap:wrap}.l-footer a{color:#ddd}
#cookie-bar{position:fixed;left:0;right:0;bottom:0;background:#fff;border-top:3px solid #b2003c;box-shadow:0 -4px 16px rgba(0,0,0,.1);padding:14px 20px;display:flex;gap:16px;align-items:center;z-index:100;font-size:14px}
#cookie-bar p{flex:1;margin:0}#cookie-bar button{border:1px solid #b2003c;background:#fff;color:#b2003c;border-radius:4px;padding:8px 14px;cursor:pointer;font-weight:700}
#cookie-bar .agree{background:#b2003c;color:#fff}
</style>
</head>
<body class="html not-front not-logged-in one-sidebar sidebar-second page-node page-node-9184512 node-type-article station-vltava">
<div id="skip-link"><a href="#main-content" class="element-invisible element-focusable">Přejít k hlavnímu obsahu</a></div>
<header class="l-header" role="banner"><div class="inner">
  <a href="@BASE@/" class="station-logo" title="Domů">Vltava<small>Český rozhlas</small></a>
  <nav class="main-menu" role="navigation"><a href="@BASE@/program">Program</a><a href="@BASE@/porady">Pořady</a><a href="@BASE@/audio">Audio</a><a href="@BASE@/serialy">Seriály</a><a href="@BASE@/cetba">Četba</a><a href="@BASE@/hudba">Hudba</a></nav>
  <button class="live" type="button">▶ Poslouchat živě</button>
</div></header>
<div class="breadcrumb"><a href="@BASE@/">Vltava</a> › <a href="@BASE@/dokumenty">Dokumenty</a> › Poslední sklář z Harrachova</div>
<div class="l-content">
  <main class="l-main" id="main-content" role="main">
    <article class="node node-article node-full" id="node-9184512">
      <h1 class="title">Poslední sklář z Harrachova</h1>
      <div class="node-meta"><span class="date">14. květen 2024, 22:00</span> · <span class="author">Autor: Jana Kratochvílová</span> · <span>Dokument Vltavy</span></div>
      <div class="field field--name-field-perex">Pec v harrachovské sklárně hoří bez přestávky od roku 1712. Dokument o mistrovi, který u ní stojí čtyřicet let, a o řemesle, kterému dochází učni.</div>
      <div class="mujRozhlasPlayer" data-player='{"lang":"cs","data":{"embedId":"player-9184512","series":{"title":"Dokumenty Vltavy","id":"dokumenty-vltavy"},"playlist":[{"uuid":"7c1e4a52-9b3d-4f0e-a6d2-3e5f81c0b947","title":"Poslední sklář z Harrachova","duration":1740,"since":"2024-05-14T22:00:00+02:00","till":"2034-05-14T22:00:00+02:00","downloadable":true,"fileSize":27841536,"audioLinks":[{"url":"@SITE@/media/croaod/dash/7c1e4a52-9b3d-4f0e-a6d2-3e5f81c0b947/manifest.mpd","variant":"dash","bitrate":0,"duration":1740},{"url":"@SITE@/media/croaod/hls/7c1e4a52-9b3d-4f0e-a6d2-3e5f81c0b947/playlist.m3u8","variant":"hls","bitrate":0,"duration":1740}],"meta":{"ga":{"contentId":"9184512","contentEvent":"Dokument","contentAuthor":"Jana Kratochvílová","contentSeries":"Dokumenty Vltavy"}}}]}}'></div>
      <div class="field field--name-body">
        <p>Když se v pět ráno otevřou dveře hutě, je uvnitř už dávno teplo. Sklářská pec v Harrachově nevyhasla od počátku osmnáctého století a mistr Václav Pilař u ní stojí od svých šestnácti let. Za tu dobu vyfoukal desítky tisíc sklenic, lustrových ověsů i vánočních ozdob.</p>
        <p>Dnes je jedním z posledních, kdo ještě ovládá foukání do dřevěných forem postaru. Učňů ubývá, zakázky se stěhují do Asie a energie je dražší než kdykoli předtím.</p>
        <h2>Řemeslo, které se nedá naučit z knihy</h2>
        <p>Autorka dokumentu strávila v hutích tři zimní týdny. Nahrávala zvuk píšťal, praskání chladnoucího skla i rozhovory mistra s posledním učněm, dvacetiletým Lukášem, který se rozhodl zůstat.</p>
        <p>Dramaturgie: Petr Hanzálek. Zvuk: Ondřej Matějka. Režie: Jana Kratochvílová.</p>
      </div>
      <section class="related-audio">
        <h2>Poslechněte si také</h2>
        <p>Sklářská stezka: od Nového Boru do Kamenického Šenova (Toulky Vltavy, 2023)</p>
        <div class="mujRozhlasPlayer" data-player='{"lang":"cs","data":{"embedId":"player-8830217","series":{"title":"Toulky Vltavy","id":"toulky-vltavy"},"playlist":[{"uuid":"2f6d8b13-4a7e-4c21-9d0b-86e1f5a3c2d4","title":"Sklářská stezka: od Nového Boru do Kamenického Šenova","duration":1495,"since":"2023-09-02T09:00:00+02:00","till":"2033-09-02T09:00:00+02:00","downloadable":true,"fileSize":23920640,"audioLinks":[{"url":"@SITE@/media/croaod/dash/2f6d8b13-4a7e-4c21-9d0b-86e1f5a3c2d4/manifest.mpd","variant":"dash","bitrate":0,"duration":1495},{"url":"@SITE@/media/croaod/hls/2f6d8b13-4a7e-4c21-9d0b-86e1f5a3c2d4/playlist.m3u8","variant":"hls","bitrate":0,"duration":1495}],"meta":{"ga":{"contentId":"8830217","contentEvent":"Toulky","contentSeries":"Toulky Vltavy"}}}]}}'></div>
      </section>
    </article>
  </main>
  <aside class="l-sidebar" role="complementary">
    <h2 class="block-title">Nejposlouchanější</h2>
    <ul><li><a href="@BASE@/cetba-na-pokracovani-hrabal">Četba na pokračování: Bohumil Hrabal</a></li><li><a href="@BASE@/radiokniha-tyden">Radiokniha týdne</a></li><li><a href="@BASE@/mozaika">Mozaika</a></li><li><a href="@BASE@/jak-to-vidi">Jak to vidí…</a></li></ul>
    <h2 class="block-title">Stáhněte si aplikaci mujRozhlas</h2>
    <p style="font-size:14px">Všechny pořady Českého rozhlasu v mobilu. <a href="@BASE@/app/mujrozhlas">Stáhnout aplikaci</a></p>
  </aside>
</div>
<footer class="l-footer"><div class="inner"><a href="@BASE@/kontakty">Kontakty</a><a href="@BASE@/ochrana-osobnich-udaju">Ochrana osobních údajů</a><a href="@BASE@/cookies">Nastavení cookies</a><span>© 1997–2024, Český rozhlas</span></div></footer>
<div id="cookie-bar" role="dialog" aria-label="Cookies" hidden><p>Tento web používá soubory cookies. Některé jsou nezbytné pro jeho fungování, jiné nám pomáhají web zlepšovat.</p><button type="button" class="settings">Nastavení</button><button type="button" class="agree">Souhlasím</button></div>
<script src="@BASE@/sites/all/modules/cro_player/js/mujrozhlas-player.js"></script>
</body>
</html>
"##;

const ROZHLAS_JS: &str = r##"(function () {
  'use strict';
  var DOWNLOAD_BASE = '@SITE@/media/croaod/download/';
  var STYLE = ':host{display:block;font-family:Arial,sans-serif}' +
    '.p{border:1px solid #ddd;border-radius:8px;padding:14px 16px;background:#fafafa;position:relative}' +
    '.series{font-size:12px;color:#b2003c;text-transform:uppercase;letter-spacing:.05em}.t{font-weight:700;font-size:16px;margin:2px 0 10px;color:#1f1f1f}' +
    '.row{display:flex;align-items:center;gap:12px}.play{width:46px;height:46px;border-radius:50%;border:0;background:#b2003c;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}' +
    '.bar{flex:1;height:5px;background:#e5e5e5;border-radius:3px;position:relative}.bar i{position:absolute;left:0;top:0;bottom:0;width:0;background:#b2003c;border-radius:3px}' +
    '.time{font-size:12px;color:#666;min-width:92px;text-align:right}.tools{display:flex;gap:6px;margin-left:6px}' +
    '.tool{width:34px;height:34px;border-radius:50%;border:1px solid #ccc;background:#fff;color:#444;cursor:pointer;display:flex;align-items:center;justify-content:center;font-size:12px}' +
    '.menu{position:absolute;right:12px;top:100px;background:#fff;border:1px solid #ddd;border-radius:6px;box-shadow:0 6px 20px rgba(0,0,0,.15);min-width:240px;padding:6px 0;z-index:10}' +
    '.menu a,.menu button{display:block;width:100%;text-align:left;padding:9px 16px;font-size:14px;color:#1f1f1f;text-decoration:none;background:none;border:0;cursor:pointer;font-family:inherit}' +
    '.menu a:hover,.menu button:hover{background:#f3f3f3}.note{font-size:12px;color:#b2003c;margin-top:8px}' +
    'textarea{width:100%;height:60px;font-size:11px;margin-top:8px}';
  function fmt(s) { s = Math.max(0, Math.round(s)); var m = Math.floor(s / 60), x = s % 60; return m + ':' + (x < 10 ? '0' : '') + x; }
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  var players = [];
  Array.prototype.forEach.call(document.querySelectorAll('.mujRozhlasPlayer'), function (el) {
    var config = JSON.parse(el.getAttribute('data-player'));
    var item = config.data.playlist[0];
    var root = el.attachShadow({ mode: 'open' });
    var hls = item.audioLinks.filter(function (l) { return l.variant === 'hls'; })[0];
    var size = (item.fileSize / 1048576).toFixed(1).replace('.', ',');
    root.innerHTML = '<style>' + STYLE + '</style>' +
      '<div class="p" role="region" aria-label="Přehrávač: ' + esc(item.title) + '">' +
        '<div class="series">' + esc(config.data.series.title) + '</div>' +
        '<div class="t">' + esc(item.title) + '</div>' +
        '<div class="row">' +
          '<button type="button" class="play" aria-label="Přehrát" title="Přehrát"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button>' +
          '<div class="bar"><i></i></div><span class="time">0:00 / ' + fmt(item.duration) + '</span>' +
          '<div class="tools">' +
            '<button type="button" class="tool back" aria-label="Přetočit o 15 sekund zpět" title="−15 s">−15</button>' +
            '<button type="button" class="tool fwd" aria-label="Přetočit o 15 sekund vpřed" title="+15 s">+15</button>' +
            '<button type="button" class="tool more" aria-label="Další možnosti" title="Další možnosti" aria-haspopup="menu" aria-expanded="false"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><circle cx="5" cy="12" r="2" fill="currentColor"/><circle cx="12" cy="12" r="2" fill="currentColor"/><circle cx="19" cy="12" r="2" fill="currentColor"/></svg></button>' +
          '</div>' +
        '</div>' +
        '<div class="menu" role="menu" hidden></div>' +
        '<div class="note" hidden></div>' +
      '</div>';
    var audio = new Audio();
    audio.preload = 'none';
    var play = root.querySelector('.play');
    var more = root.querySelector('.more');
    var menu = root.querySelector('.menu');
    var note = root.querySelector('.note');
    players.push({ audio: audio, close: function () { menu.hidden = true; more.setAttribute('aria-expanded', 'false'); } });
    play.addEventListener('click', function () {
      players.forEach(function (p) { if (p.audio !== audio) { p.audio.pause(); } });
      if (!audio.getAttribute('src')) { audio.setAttribute('src', hls.url); }
      if (audio.paused) {
        audio.play().catch(function () { note.hidden = false; note.textContent = 'Přehrávání se nepodařilo spustit. Zkuste to prosím znovu.'; });
        play.setAttribute('aria-label', 'Pozastavit');
      } else { audio.pause(); play.setAttribute('aria-label', 'Přehrát'); }
    });
    audio.addEventListener('timeupdate', function () {
      root.querySelector('.bar i').style.width = (100 * audio.currentTime / item.duration) + '%';
      root.querySelector('.time').textContent = fmt(audio.currentTime) + ' / ' + fmt(item.duration);
    });
    root.querySelector('.back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
    root.querySelector('.fwd').addEventListener('click', function () { audio.currentTime = audio.currentTime + 15; });
    more.addEventListener('click', function (e) {
      e.stopPropagation();
      var open = menu.hidden;
      players.forEach(function (p) { p.close(); });
      if (open) {
        var items = '<button type="button" role="menuitem" class="share">Sdílet</button>' +
          '<button type="button" role="menuitem" class="embed">Vložit do stránky</button>';
        if (item.downloadable) {
          items += '<a role="menuitem" class="download" href="' + DOWNLOAD_BASE + item.uuid + '.mp3" download="' + esc(item.title) + '.mp3">Stáhnout MP3 (' + size + ' MB)</a>';
        }
        items += '<button type="button" role="menuitem" class="mine">Přidat do Mých pořadů</button>';
        menu.innerHTML = items;
        menu.querySelector('.share').addEventListener('click', function () {
          if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
          note.hidden = false; note.textContent = 'Odkaz byl zkopírován do schránky.'; menu.hidden = true;
        });
        menu.querySelector('.embed').addEventListener('click', function () {
          note.hidden = false; note.innerHTML = 'Kód pro vložení:<textarea readonly>&lt;div class="mujRozhlasPlayer" data-embed="' + esc(config.data.embedId) + '"&gt;&lt;/div&gt;</textarea>'; menu.hidden = true;
        });
        menu.querySelector('.mine').addEventListener('click', function () {
          note.hidden = false; note.textContent = 'Pro ukládání pořadů se přihlaste do účtu mujRozhlas.'; menu.hidden = true;
        });
      }
      menu.hidden = !open;
      more.setAttribute('aria-expanded', String(open));
    });
    menu.addEventListener('click', function (e) { e.stopPropagation(); });
  });
  document.addEventListener('click', function () { players.forEach(function (p) { p.close(); }); });
  var bar = document.getElementById('cookie-bar');
  if (document.cookie.indexOf('cro_cookies=') === -1) { bar.hidden = false; }
  Array.prototype.forEach.call(bar.querySelectorAll('button'), function (b) {
    b.addEventListener('click', function () { document.cookie = 'cro_cookies=' + (b.className === 'agree' ? 'all' : 'necessary') + '; path=/'; bar.hidden = true; });
  });
})();
"##;

// ----------------------------------------------------------------------------------
// Norwegian church sermon page (WordPress, Sermon Manager, CookieYes).
//
// Imitates: a church site on WordPress with the Sermon Manager plugin (wpforchurch), whose
// single-sermon template prints `wpfc-sermon-single-*` blocks (meta items for preacher,
// series, passage, service type), `wpfc-sermon-single-audio` with
// `<audio class="wpfc-sermon-player">` and an icon link `wpfc-sermon-single-audio-download`,
// attachments and previous/next links. Consent is CookieYes (`cky-consent-container
// cky-popup-center`, `cky-overlay`, `cky-btn-accept/-reject/-customize`), which also
// blocks the YouTube embed behind a placeholder. The Video/Lyd tabs belong to the theme
// and are synthetic; labels are Norwegian (bokmål). Content is fictional.

fn menighet(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(MENIGHET_PAGE, request);
    }
    let path = rest(request);
    if path == "wp-content/uploads/2024/03/Preken-2024-03-10-manus.pdf" {
        return Some(pdf());
    }
    if path.starts_with("embed/video/") {
        return page(MENIGHET_VIDEO, request);
    }
    if let Some(other) = path.strip_prefix("preken/") {
        let (title, date, preacher, file) = match other {
            "ikke-bekymre-dere" => (
                "Ikke bekymre dere",
                "3. mars 2024",
                "Tor Egil Nesheim",
                "2024-03-03-Ikke-bekymre-dere-Tor-Egil-Nesheim.mp3",
            ),
            "lys-i-morket" => (
                "Lys i mørket",
                "17. mars 2024",
                "Ingrid Haugland",
                "2024-03-17-Lys-i-morket-Ingrid-Haugland.mp3",
            ),
            "han-kjenner-deg" => (
                "Han kjenner deg",
                "25. februar 2024",
                "Samuel Øye",
                "2024-02-25-Han-kjenner-deg-Samuel-Oye.mp3",
            ),
            _ => return None,
        };
        return Some(html(
            fill(MENIGHET_OTHER, request)
                .replace("@TITLE@", title)
                .replace("@DATE@", date)
                .replace("@PREACHER@", preacher)
                .replace("@FILE@", file),
        ));
    }
    None
}

const MENIGHET_PAGE: &str = r##"<!DOCTYPE html>
<html lang="nb-NO">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nåde over nåde &#8211; Fjellbu Misjonskirke</title>
<meta name="robots" content="max-image-preview:large">
<link rel="canonical" href="@BASE@">
<meta property="og:locale" content="nb_NO">
<meta property="og:type" content="article">
<meta property="og:title" content="Nåde over nåde - Fjellbu Misjonskirke">
<meta property="og:description" content="Preken ved Ingrid Haugland, søndag 10. mars 2024. Joh 1,14–18.">
<meta property="og:image" content="@BASE@/wp-content/uploads/2024/03/preken-nade-over-nade-1200x630.jpg">
<meta name="generator" content="WordPress 6.4.3">
<style id="wp-block-library-inline-css">.screen-reader-text{border:0;clip:rect(1px,1px,1px,1px);height:1px;overflow:hidden;position:absolute;width:1px}</style>
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Source Sans Pro",Arial,sans-serif;color:#2b2b2b;background:#fff;font-size:17px;line-height:1.65}
a{color:#2f6f5e}.site-header{border-bottom:1px solid #e6e6e6}.site-header .inner{max-width:1140px;margin:0 auto;padding:16px 20px;display:flex;align-items:center;gap:30px}
.site-title{font-size:22px;font-weight:700;color:#2b2b2b;text-decoration:none}.site-title span{display:block;font-size:12px;font-weight:400;color:#777}
.main-navigation ul{display:flex;gap:22px;list-style:none;margin:0;padding:0}.main-navigation a{color:#2b2b2b;text-decoration:none;font-size:15px}
.main-navigation .current-menu-item a{color:#2f6f5e;font-weight:700}.gift{margin-left:auto;background:#2f6f5e;color:#fff;border-radius:4px;padding:8px 14px;text-decoration:none;font-size:14px}
.site-content{max-width:1140px;margin:0 auto;padding:30px 20px 50px;display:flex;gap:40px}.content-area{flex:2;min-width:0}.widget-area{flex:1}
.wpfc-sermon-single-meta-date{font-size:14px;color:#777}.wpfc-sermon-single-title{font-size:36px;line-height:1.2;margin:4px 0 14px}
.wpfc-sermon-single-meta{display:flex;flex-wrap:wrap;gap:6px 20px;font-size:14px;margin-bottom:20px}.wpfc-sermon-single-meta-prefix{color:#777}
.sermon-media-tabs{display:flex;gap:4px;border-bottom:2px solid #2f6f5e}.sermon-media-tabs button{border:0;background:#eef3f1;padding:9px 20px;font:inherit;font-size:15px;cursor:pointer;border-radius:4px 4px 0 0}
.sermon-media-tabs button[aria-selected=true]{background:#2f6f5e;color:#fff}
.sermon-media-panel{border:1px solid #e6e6e6;border-top:0;padding:18px;margin-bottom:24px}
.cky-iframe-placeholder{background:#222;color:#eee;height:320px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;text-align:center;padding:20px}
.cky-iframe-placeholder button{background:#fff;color:#222;border:0;border-radius:4px;padding:8px 14px;cursor:pointer}
.video-frame{width:100%;height:320px;border:0;display:block}
.wpfc-sermon-single-audio{display:flex;align-items:center;gap:12px}.wpfc-sermon-player{flex:1;width:100%}
.wpfc-sermon-single-audio-download{width:40px;height:40px;border-radius:50%;background:#eef3f1;color:#2f6f5e;display:flex;align-items:center;justify-content:center;flex:none}
.wpfc-sermon-single-description p{margin:0 0 16px}.wpfc-sermon-single-attachments{background:#f7f7f7;padding:12px 16px;margin:20px 0;font-size:15px}
.wpfc-sermon-single-topics{font-size:14px;color:#777}.wpfc-sermon-single-navigation{display:flex;justify-content:space-between;margin-top:30px;padding-top:16px;border-top:1px solid #e6e6e6;font-size:15px}
.widget{margin-bottom:30px}.widget-title{font-size:17px;border-bottom:2px solid #2f6f5e;padding-bottom:4px}.widget ul{list-style:none;padding:0;margin:0}.widget li{padding:8px 0;border-bottom:1px solid #eee;font-size:15px}
.site-footer{background:#1f3d35;color:#d7e4df;padding:30px 20px;font-size:14px}.site-footer .inner{max-width:1140px;margin:0 auto;display:flex;gap:40px;flex-wrap:wrap}.site-footer a{color:#fff}
.cky-overlay{position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:9999998}
.cky-consent-container{position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);width:520px;max-width:92vw;z-index:9999999}
.cky-consent-bar{background:#fff;border:1px solid #f4f4f4;border-radius:6px;padding:24px;box-shadow:0 6px 30px rgba(0,0,0,.2)}
.cky-title{font-size:18px;font-weight:700;margin:0 0 10px}.cky-notice-des{font-size:14px;line-height:1.5;color:#212121}
.cky-notice-btn-wrapper{display:flex;gap:8px;margin-top:18px;flex-wrap:wrap}.cky-btn{flex:1;font-size:14px;font-weight:600;padding:9px 8px;border-radius:2px;border:2px solid #2f6f5e;background:transparent;color:#2f6f5e;cursor:pointer}
.cky-btn-accept{background:#2f6f5e;color:#fff}.cky-hide{display:none!important}
</style>
</head>
<body class="wpfc_sermon-template-default single single-wpfc_sermon postid-2841 wp-embed-responsive">
<a class="skip-link screen-reader-text" href="#content">Hopp til innhold</a>
<header id="masthead" class="site-header"><div class="inner">
  <a class="site-title" href="@BASE@/" rel="home">Fjellbu Misjonskirke<span>Et hjem for troen – midt i byen</span></a>
  <nav id="site-navigation" class="main-navigation" aria-label="Hovedmeny"><ul id="primary-menu" class="menu">
    <li class="menu-item"><a href="@BASE@/">Hjem</a></li>
    <li class="menu-item"><a href="@BASE@/gudstjenester/">Gudstjenester</a></li>
    <li class="menu-item current-menu-item"><a href="@BASE@/prekener/" aria-current="page">Prekener</a></li>
    <li class="menu-item"><a href="@BASE@/barn-og-unge/">Barn og unge</a></li>
    <li class="menu-item"><a href="@BASE@/om-oss/">Om oss</a></li>
  </ul></nav>
  <a class="gift" href="@BASE@/gi-en-gave/">Gi en gave</a>
</div></header>
<div id="content" class="site-content">
  <main id="primary" class="content-area">
    <article id="post-2841" class="post-2841 wpfc_sermon type-wpfc_sermon status-publish hentry wpfc_preacher-ingrid-haugland wpfc_sermon_series-johannesevangeliet wpfc_service_type-sondagsgudstjeneste">
      <div class="wpfc-sermon-single-inner">
        <div class="wpfc-sermon-single-main">
          <div class="wpfc-sermon-single-header">
            <div class="wpfc-sermon-single-meta-item wpfc-sermon-single-meta-date">10. mars 2024</div>
            <h2 class="wpfc-sermon-single-title">Nåde over nåde</h2>
            <div class="wpfc-sermon-single-meta">
              <div class="wpfc-sermon-single-meta-item wpfc-sermon-single-meta-preacher"><span class="wpfc-sermon-single-meta-prefix">Taler:</span> <span class="wpfc-sermon-single-meta-text"><a href="@BASE@/predikant/ingrid-haugland/">Ingrid Haugland</a></span></div>
              <div class="wpfc-sermon-single-meta-item wpfc-sermon-single-meta-series"><span class="wpfc-sermon-single-meta-prefix">Serie:</span> <span class="wpfc-sermon-single-meta-text"><a href="@BASE@/serie/johannesevangeliet/">Johannesevangeliet</a></span></div>
              <div class="wpfc-sermon-single-meta-item wpfc-sermon-single-meta-passage"><span class="wpfc-sermon-single-meta-prefix">Tekst:</span> <span class="wpfc-sermon-single-meta-text">Joh 1,14–18</span></div>
              <div class="wpfc-sermon-single-meta-item wpfc-sermon-single-meta-service-type"><span class="wpfc-sermon-single-meta-prefix">Gudstjeneste:</span> <span class="wpfc-sermon-single-meta-text"><a href="@BASE@/gudstjeneste/sondagsgudstjeneste/">Søndagsgudstjeneste</a></span></div>
            </div>
          </div>
          <div class="sermon-media-tabs" role="tablist" aria-label="Media">
            <button type="button" role="tab" id="tab-btn-video" aria-selected="true" aria-controls="tab-video">Video</button>
            <button type="button" role="tab" id="tab-btn-lyd" aria-selected="false" aria-controls="tab-lyd">Lyd</button>
          </div>
          <div class="wpfc-sermon-single-media">
            <div class="sermon-media-panel wpfc-sermon-single-video wpfc-sermon-single-video-embed" id="tab-video" role="tabpanel" aria-labelledby="tab-btn-video">
              <div class="cky-iframe-placeholder" data-cky-tag="placeholder-title"><p>Denne videoen er blokkert fordi du ikke har godtatt markedsføringscookies.</p><button type="button" class="cky-accept-placeholder">Godta og vis video</button></div>
            </div>
            <div class="sermon-media-panel" id="tab-lyd" role="tabpanel" aria-labelledby="tab-btn-lyd" hidden>
              <div class="wpfc-sermon-single-audio player-wordpress">
                <audio controls preload="metadata" class="wpfc-sermon-player" src="@SITE@/media/wp-content/uploads/sermons/2024/03/2024-03-10-Nade-over-nade-Ingrid-Haugland.mp3"></audio>
                <a class="wpfc-sermon-single-audio-download" href="@SITE@/media/wp-content/uploads/sermons/2024/03/2024-03-10-Nade-over-nade-Ingrid-Haugland.mp3" download="Nåde over nåde.mp3" title="Last ned lyd"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg></a>
              </div>
            </div>
          </div>
          <div class="wpfc-sermon-single-description">
            <p>«Av hans fylde har vi alle fått, nåde over nåde.» Johannes skriver ikke om en nåde som strekker seg akkurat langt nok, men om en strøm som aldri tar slutt. Ingrid Haugland fortsetter vinterens serie i Johannesevangeliet og spør hva det betyr å leve av gaver vi ikke har gjort oss fortjent til.</p>
            <p>Prekenen ble holdt på søndagsgudstjenesten 10. mars. Lovsang ved Fjellbu lovsangsteam.</p>
          </div>
          <div class="wpfc-sermon-single-attachments"><span>Last ned vedlegg:</span> <a href="@BASE@/wp-content/uploads/2024/03/Preken-2024-03-10-manus.pdf" target="_blank">Prekenmanus (PDF)</a></div>
          <div class="wpfc-sermon-single-topics"><span class="wpfc-sermon-single-topics-prefix">Emner: </span><span class="wpfc-sermon-single-topics-text"><a href="@BASE@/emne/nade/">nåde</a>, <a href="@BASE@/emne/johannes/">Johannes</a></span></div>
          <div class="wpfc-sermon-single-navigation"><a href="@BASE@/preken/ikke-bekymre-dere/" class="previous-sermon">&laquo; Ikke bekymre dere</a><a href="@BASE@/preken/lys-i-morket/" class="next-sermon">Lys i mørket &raquo;</a></div>
        </div>
      </div>
    </article>
  </main>
  <aside id="secondary" class="widget-area">
    <section class="widget"><h2 class="widget-title">Siste prekener</h2><ul>
      <li><a href="@BASE@/preken/lys-i-morket/">Lys i mørket</a> <small>17. mars</small></li>
      <li><a href="@BASE@/preken/ikke-bekymre-dere/">Ikke bekymre dere</a> <small>3. mars</small></li>
      <li><a href="@BASE@/preken/han-kjenner-deg/">Han kjenner deg</a> <small>25. februar</small></li>
    </ul></section>
    <section class="widget"><h2 class="widget-title">Neste gudstjeneste</h2><p>Søndag kl. 11.00 i storsalen. Søndagsskole og kirkekaffe.</p></section>
    <section class="widget"><h2 class="widget-title">Podkast</h2><p>Prekenene finnes også som podkast. <a href="@BASE@/out/apple-podcasts">Apple Podcasts</a> · <a href="@BASE@/out/spotify">Spotify</a></p></section>
  </aside>
</div>
<footer class="site-footer"><div class="inner"><div><strong>Fjellbu Misjonskirke</strong><br>Kirkegata 14<br>Kontortid tirsdag–torsdag 09–15</div><div><a href="@BASE@/personvern/">Personvernerklæring</a><br><a href="@BASE@/kontakt/">Kontakt oss</a></div><div>Gaver: kontonummer 0000.00.00000</div></div></footer>
<div class="cky-overlay"></div>
<div class="cky-consent-container cky-popup-center" tabindex="0" aria-label="Vi bruker informasjonskapsler" role="region">
  <div class="cky-consent-bar" data-cky-tag="notice">
    <div class="cky-notice">
      <p class="cky-title" role="heading" aria-level="1" data-cky-tag="title">Vi bruker informasjonskapsler</p>
      <div class="cky-notice-group">
        <div class="cky-notice-des" data-cky-tag="description"><p>Vi bruker informasjonskapsler (cookies) for å gi deg en bedre brukeropplevelse, vise innhold fra YouTube og analysere trafikken. Ved å klikke «Godta alle» samtykker du til bruken av informasjonskapsler.</p></div>
        <div class="cky-notice-btn-wrapper" data-cky-tag="notice-buttons">
          <button class="cky-btn cky-btn-customize" type="button" aria-label="Tilpass" data-cky-tag="settings-button">Tilpass</button>
          <button class="cky-btn cky-btn-reject" type="button" aria-label="Avvis alle" data-cky-tag="reject-button">Avvis alle</button>
          <button class="cky-btn cky-btn-accept" type="button" aria-label="Godta alle" data-cky-tag="accept-button">Godta alle</button>
        </div>
      </div>
    </div>
  </div>
</div>
<script id="cookieyes-inline">
(function () {
  var overlay = document.querySelector('.cky-overlay');
  var box = document.querySelector('.cky-consent-container');
  function showVideo() {
    var panel = document.getElementById('tab-video');
    panel.innerHTML = '<iframe class="video-frame" title="Gudstjeneste 10. mars 2024" src="@BASE@/embed/video/k3Jd8s2Lq0w" allowfullscreen></iframe>';
  }
  function decide(value) {
    document.cookie = 'cookieyes-consent=consent:' + value + '; path=/; max-age=31536000';
    overlay.classList.add('cky-hide'); box.classList.add('cky-hide');
    document.body.style.overflow = '';
    if (value === 'yes') { showVideo(); }
  }
  if (document.cookie.indexOf('cookieyes-consent=') !== -1) {
    overlay.classList.add('cky-hide'); box.classList.add('cky-hide');
    if (document.cookie.indexOf('consent:yes') !== -1) { showVideo(); }
  } else { document.body.style.overflow = 'hidden'; }
  document.querySelector('.cky-btn-accept').addEventListener('click', function () { decide('yes'); });
  document.querySelector('.cky-btn-reject').addEventListener('click', function () { decide('no'); });
  document.querySelector('.cky-btn-customize').addEventListener('click', function () { decide('no'); });
  document.querySelector('.cky-accept-placeholder').addEventListener('click', function () { decide('yes'); });
  var tabs = document.querySelectorAll('.sermon-media-tabs [role=tab]');
  Array.prototype.forEach.call(tabs, function (tab) {
    tab.addEventListener('click', function () {
      Array.prototype.forEach.call(tabs, function (t) {
        var selected = t === tab;
        t.setAttribute('aria-selected', String(selected));
        document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
      });
    });
  });
})();
</script>
</body>
</html>
"##;

const MENIGHET_OTHER: &str = r##"<!DOCTYPE html>
<html lang="nb-NO"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>@TITLE@ &#8211; Fjellbu Misjonskirke</title>
<style>body{font-family:Arial,sans-serif;max-width:760px;margin:40px auto;padding:0 20px;color:#2b2b2b}a{color:#2f6f5e}</style></head>
<body class="single single-wpfc_sermon"><p><a href="@BASE@/">Fjellbu Misjonskirke</a> › <a href="@BASE@/prekener/">Prekener</a></p>
<div class="wpfc-sermon-single-meta-item wpfc-sermon-single-meta-date">@DATE@</div><h2 class="wpfc-sermon-single-title">@TITLE@</h2>
<p>Taler: @PREACHER@</p>
<div class="wpfc-sermon-single-audio player-wordpress"><audio controls preload="metadata" class="wpfc-sermon-player" src="@SITE@/media/wp-content/uploads/sermons/2024/03/@FILE@"></audio>
<a class="wpfc-sermon-single-audio-download" href="@SITE@/media/wp-content/uploads/sermons/2024/03/@FILE@" download title="Last ned lyd">Last ned</a></div>
</body></html>
"##;

const MENIGHET_VIDEO: &str = r##"<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Video</title><style>html,body{margin:0;height:100%;background:#111;color:#ddd;font-family:Arial,sans-serif}
.v{height:100%;display:flex;align-items:center;justify-content:center;flex-direction:column;gap:10px}.b{width:68px;height:48px;border-radius:12px;background:#c00;display:flex;align-items:center;justify-content:center}</style></head>
<body><div class="v"><div class="b"><svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path d="M8 5v14l11-7z" fill="#fff"/></svg></div><div>Gudstjeneste 10. mars 2024 – Fjellbu Misjonskirke</div><div style="font-size:13px;color:#999">Videoen er ikke tilgjengelig i denne visningen.</div></div></body></html>
"##;

// ----------------------------------------------------------------------------------
// University public lecture page whose MP3 exists only in JSON-LD.
//
// Imitates: a Drupal 10 university site (Olivero-like markup: `dialog-off-canvas-main-canvas`,
// `drupal-settings-json`, `field--name-field-*`, node path `/node/<n>`) publishing a
// lecture series as a podcast. The audio appears only in the schema.org `PodcastEpisode`
// JSON-LD (`associatedMedia` `AudioObject` `contentUrl`, as Podbean and others print it);
// the page shows the lecture video, slides and a transcript. The JSON-LD omits
// `@context` here because this corpus never writes another host. Synthetic composite;
// content is fictional.

fn university(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(UNIVERSITY_PAGE, request);
    }
    match rest(request) {
        "sites/default/files/2024-03/okafor-rivers-that-remember-slides.pdf" => Some(pdf()),
        "lectures/rivers-that-remember/transcript" => page(UNIVERSITY_TRANSCRIPT, request),
        _ => None,
    }
}

const UNIVERSITY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="Generator" content="Drupal 10">
<meta name="MobileOptimized" content="width">
<meta name="HandheldFriendly" content="true">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Rivers That Remember: Floodplains, Archives and Memory | Public Lectures | University of Eastmoor</title>
<meta name="description" content="Professor Adaeze Okafor on what floodplains record, what they forget, and how communities along the Ouse have kept their own flood archives for three centuries.">
<link rel="canonical" href="@BASE@">
<link rel="shortlink" href="@BASE@/node/4821">
<meta property="og:site_name" content="University of Eastmoor">
<meta property="og:type" content="video.other">
<meta property="og:title" content="Rivers That Remember: Floodplains, Archives and Memory">
<meta property="og:image" content="@BASE@/sites/default/files/styles/og_image/public/2024-03/okafor-lecture-poster.jpg">
<meta property="og:video" content="@SITE@/media/lectures/2024/public-lecture-07-rivers-that-remember-720p.mp4">
<script type="application/ld+json">{
  "@type": "PodcastEpisode",
  "url": "@BASE@",
  "name": "Rivers That Remember: Floodplains, Archives and Memory",
  "datePublished": "2024-03-21",
  "timeRequired": "PT58M",
  "description": "Professor Adaeze Okafor on what floodplains record, what they forget, and how communities along the Ouse have kept their own flood archives for three centuries.",
  "episodeNumber": 7,
  "author": {"@type": "Person", "name": "Adaeze Okafor"},
  "associatedMedia": {
    "@type": "AudioObject",
    "contentUrl": "@SITE@/media/lectures/2024/public-lecture-07-rivers-that-remember.mp3",
    "encodingFormat": "audio/mpeg",
    "duration": "PT58M12S"
  },
  "partOfSeries": {
    "@type": "PodcastSeries",
    "name": "Eastmoor Public Lectures",
    "url": "@BASE@/public-lectures"
  }
}</script>
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Metropolis",Arial,sans-serif;color:#232429;background:#f7f9fa;font-size:17px;line-height:1.6}
.visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}.visually-hidden.focusable:focus{position:static!important;clip:auto;height:auto;width:auto}
a{color:#1d5f8a}.site-header{background:#14213d;color:#fff}.site-header .inner{max-width:1180px;margin:0 auto;padding:14px 24px;display:flex;align-items:center;gap:30px}
.site-branding__name{font-size:21px;font-weight:700;color:#fff;text-decoration:none}.primary-nav ul{display:flex;gap:22px;list-style:none;margin:0;padding:0}.primary-nav a{color:#dfe6f0;text-decoration:none;font-size:15px}
.search-form{margin-left:auto}.search-form input{padding:7px 10px;border-radius:3px;border:0}
.breadcrumb{max-width:1180px;margin:0 auto;padding:16px 24px 0;font-size:14px}.breadcrumb ol{list-style:none;display:flex;gap:8px;margin:0;padding:0}.breadcrumb li+li::before{content:"/";margin-right:8px;color:#999}
.main-content{max-width:1180px;margin:0 auto;padding:10px 24px 60px;display:grid;grid-template-columns:2fr 1fr;gap:40px}
.page-title{font-size:40px;line-height:1.15;margin:14px 0 8px;color:#14213d}.field--name-field-subtitle{font-size:19px;color:#4a5568;margin-bottom:16px}
.node__meta{font-size:14px;color:#666;margin-bottom:20px}.field--name-field-lecture-video video{width:100%;background:#000;display:block;border-radius:4px}
.field--name-body p{margin:0 0 16px}.field__label{font-weight:700;margin-top:24px}
.lecture-resources{background:#fff;border:1px solid #dde3ea;border-radius:4px;padding:18px 20px;margin:26px 0}.lecture-resources ul{margin:8px 0 0;padding-left:20px}
.speaker{display:flex;gap:16px;background:#fff;border:1px solid #dde3ea;border-radius:4px;padding:18px}.speaker img{width:96px;height:96px;border-radius:50%;flex:none}
.sidebar .block{background:#fff;border:1px solid #dde3ea;border-radius:4px;padding:18px 20px;margin-bottom:22px;font-size:15px}.sidebar h2{font-size:18px;margin:0 0 10px;color:#14213d}
.sidebar ul{list-style:none;padding:0;margin:0}.sidebar li{padding:7px 0;border-bottom:1px solid #eef1f4}
.subscribe a{display:inline-block;margin:4px 6px 4px 0;padding:6px 12px;border:1px solid #1d5f8a;border-radius:16px;text-decoration:none;font-size:14px}
.site-footer{background:#14213d;color:#c7d1df;padding:36px 24px;font-size:14px}.site-footer .inner{max-width:1180px;margin:0 auto;display:flex;gap:50px;flex-wrap:wrap}.site-footer a{color:#fff}
</style>
</head>
<body class="path-node page-node-type-lecture">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="site-header" role="banner"><div class="inner">
  <a href="@BASE@/" rel="home" class="site-branding__name">University of Eastmoor</a>
  <nav class="primary-nav" aria-label="Main navigation"><ul>
    <li><a href="@BASE@/study">Study</a></li><li><a href="@BASE@/research">Research</a></li><li><a href="@BASE@/public-lectures" class="is-active">Public lectures</a></li><li><a href="@BASE@/news">News</a></li><li><a href="@BASE@/about">About</a></li>
  </ul></nav>
  <form class="search-form" role="search" onsubmit="return false"><input type="search" placeholder="Search" aria-label="Search"></form>
</div></header>
<nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden" style="display:none">Breadcrumb</h2><ol>
  <li><a href="@BASE@/">Home</a></li><li><a href="@BASE@/public-lectures">Public lectures</a></li><li><a href="@BASE@/public-lectures/2024">2024 series</a></li><li>Rivers That Remember</li>
</ol></nav>
<div class="main-content">
  <main id="main-content" role="main">
    <article data-history-node-id="4821" class="node node--type-lecture node--view-mode-full">
      <h1 class="page-title"><span class="field field--name-title">Rivers That Remember: Floodplains, Archives and Memory</span></h1>
      <div class="field field--name-field-subtitle">Eastmoor Public Lecture 7, spring 2024</div>
      <div class="node__meta">Recorded <time datetime="2024-03-14T18:30:00Z">Thursday 14 March 2024, 6.30pm</time>, Great Hall · Published 21 March 2024 · 58 minutes</div>
      <div class="field field--name-field-lecture-video">
        <video controls preload="none" poster="@BASE@/sites/default/files/2024-03/okafor-lecture-poster.jpg" width="720" height="405">
          <source src="@SITE@/media/lectures/2024/public-lecture-07-rivers-that-remember-720p.mp4" type="video/mp4">
          <track kind="captions" src="@BASE@/sites/default/files/2024-03/okafor-lecture.vtt" srclang="en" label="English">
        </video>
      </div>
      <div class="clearfix text-formatted field field--name-body">
        <p>Rivers keep records. Every flood leaves a layer of silt, every drought a crack, and for centuries people living along the Ouse have added their own marks: carved flood lines on church doors, parish registers, and a remarkable village "flood book" kept since 1771.</p>
        <p>In this lecture Professor Adaeze Okafor, geographer and historian of environmental memory, reads these archives side by side. She asks what the sediment remembers that the paperwork forgets, why communities trust their own flood marks over official maps, and what that means for planning in a wetter century.</p>
        <p>The lecture was followed by a question-and-answer session chaired by Dr Tom Ashworth, Head of the School of Geography.</p>
      </div>
      <div class="lecture-resources">
        <strong>Lecture materials</strong>
        <ul>
          <li><a href="@BASE@/sites/default/files/2024-03/okafor-rivers-that-remember-slides.pdf" type="application/pdf">Slides (PDF, 4.2 MB)</a></li>
          <li><a href="@BASE@/lectures/rivers-that-remember/transcript">Full transcript</a></li>
          <li><a href="@BASE@/public-lectures/reading-list-2024">Reading list for the 2024 series</a></li>
        </ul>
      </div>
      <div class="speaker"><img src="@BASE@/sites/default/files/styles/thumbnail/public/people/okafor.jpg" alt="Professor Adaeze Okafor"><div><strong>Professor Adaeze Okafor</strong><br>Professor of Environmental History, School of Geography. Her book <em>The Flood Book</em> won the 2022 Landscape History Prize.</div></div>
    </article>
  </main>
  <aside class="sidebar" role="complementary">
    <div class="block subscribe"><h2>Listen to the series</h2><p>All Eastmoor Public Lectures are available as a podcast.</p><a href="@BASE@/out/apple-podcasts">Apple Podcasts</a><a href="@BASE@/out/spotify">Spotify</a><a href="@BASE@/out/youtube">YouTube</a></div>
    <div class="block"><h2>More from the 2024 series</h2><ul>
      <li><a href="@BASE@/public-lectures/2024/the-quiet-mathematics-of-queues">The Quiet Mathematics of Queues</a></li>
      <li><a href="@BASE@/public-lectures/2024/what-bees-know-about-weather">What Bees Know About Weather</a></li>
      <li><a href="@BASE@/public-lectures/2024/medieval-bookbinding-as-technology">Medieval Bookbinding as Technology</a></li>
    </ul></div>
    <div class="block"><h2>Next lecture</h2><p><strong>Thursday 11 April, 6.30pm</strong><br>Dr Priya Raman: "Small Languages, Big Data". Free, booking required.</p><a href="@BASE@/events/small-languages-big-data">Book a place</a></div>
  </aside>
</div>
<footer class="site-footer" role="contentinfo"><div class="inner"><div><strong>University of Eastmoor</strong><br>Registered charity. © 2024</div><div><a href="@BASE@/accessibility">Accessibility</a><br><a href="@BASE@/privacy">Privacy and cookies</a><br><a href="@BASE@/freedom-of-information">Freedom of information</a></div></div></footer>
</div>
<script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"\/","pathPrefix":"","currentPath":"node\/4821","currentPathIsAdmin":false,"isFront":false,"currentLanguage":"en"},"pluralDelimiter":"\u0003","suppressDeprecationErrors":true,"ajaxTrustedUrl":{"\/search\/node":true},"user":{"uid":0,"permissionsHash":"7d1b4c0e9a2f3e5d6c8b1a0f9e7d5c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d"}}</script>
</body>
</html>
"##;

const UNIVERSITY_TRANSCRIPT: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Transcript: Rivers That Remember | University of Eastmoor</title>
<style>body{font-family:Arial,sans-serif;max-width:760px;margin:40px auto;padding:0 20px;line-height:1.6;color:#232429}</style></head>
<body><p><a href="@BASE@">← Rivers That Remember</a></p><h1>Transcript: Rivers That Remember</h1>
<p><strong>Tom Ashworth:</strong> Good evening, and welcome to the seventh of this spring's public lectures…</p>
<p><strong>Adaeze Okafor:</strong> Thank you, Tom. I want to begin with a door. It's the south door of a small church about twelve miles from here, and on it, if you look closely, are five carved lines…</p>
<p><em>[Transcript continues; automatically generated and lightly edited.]</em></p></body></html>
"##;

// ----------------------------------------------------------------------------------
// Fireside.fm hosted podcast site, episode page.
//
// Imitates: a Fireside-hosted show site episode page: `og:audio` / `og:audio:secure_url`
// (which BuoyantUnrealisticModule's fireside.py reads), `twitter:player` pointing at
// `player.fireside.fm/v2/<id>?theme=dark` (here on the player host, embedded in the page),
// and the file on `aphid.fireside.fm/d/<show>/<uuid>/<uuid>.mp3` behind Podtrac and OP3
// prefixes as publishers configure them. The episode-links and sponsor sections follow
// Fireside's default theme as I remember it; the sidebar trailer is a decoy. Content is
// fictional.

fn fireside(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(FIRESIDE_PAGE, request);
    }
    if on_player(request, "v2/Jx4q1LmN+Rt7yZ2pK") || on_player(request, "v2/Jx4q1LmN Rt7yZ2pK") {
        return page(FIRESIDE_PLAYER, request);
    }
    if on_site(request, "rss") {
        return Some(
            (
                [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
                fill(FIRESIDE_RSS, request),
            )
                .into_response(),
        );
    }
    None
}

const FIRESIDE_RSS: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>The Slow Ride</title>
    <link>@BASE@</link>
    <language>en-us</language>
    <description>A podcast about riding bikes slowly, far, and mostly on gravel.</description>
    <item>
      <title>Episode 87: Gravel, Grit, and the Great Divide</title>
      <link>@BASE@</link>
      <guid isPermaLink="false">5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f-87</guid>
      <pubDate>Thu, 21 Mar 2024 06:00:00 -0700</pubDate>
      <description>Ultra-distance racer Priya Nandakumar on 4,400 kilometres of gravel, sleeping in culverts, and the mental arithmetic of the Great Divide.</description>
      <enclosure url="@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/a9c3e1b7-6d2f-4b8a-8e1c-0f7d3b5a9c21.mp3" length="61728911" type="audio/mpeg"/>
    </item>
    <item>
      <title>Trailer</title>
      <link>@BASE@/trailer</link>
      <guid isPermaLink="false">5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f-trailer</guid>
      <pubDate>Mon, 02 Jan 2023 06:00:00 -0700</pubDate>
      <description>What The Slow Ride is about, in two minutes.</description>
      <enclosure url="@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/0c4d2e8f-1a3b-4c5d-8e7f-9a0b1c2d3e4f.mp3" length="1932110" type="audio/mpeg"/>
    </item>
  </channel>
</rss>
"##;

const FIRESIDE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Slow Ride - Episode 87: Gravel, Grit, and the Great Divide</title>
<meta name="description" content="Ultra-distance racer Priya Nandakumar on 4,400 kilometres of gravel, sleeping in culverts, and the mental arithmetic of the Great Divide.">
<link rel="canonical" href="@BASE@">
<meta property="og:site_name" content="The Slow Ride">
<meta property="og:title" content="Episode 87: Gravel, Grit, and the Great Divide">
<meta property="og:url" content="@BASE@">
<meta property="og:type" content="website">
<meta property="og:description" content="Ultra-distance racer Priya Nandakumar on 4,400 kilometres of gravel, sleeping in culverts, and the mental arithmetic of the Great Divide.">
<meta property="og:image" content="@BASE@/assets/images/episodes/87/cover.jpg">
<meta property="og:audio" content="@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/a9c3e1b7-6d2f-4b8a-8e1c-0f7d3b5a9c21.mp3">
<meta property="og:audio:secure_url" content="@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/a9c3e1b7-6d2f-4b8a-8e1c-0f7d3b5a9c21.mp3">
<meta property="og:audio:type" content="audio/mpeg">
<meta name="twitter:card" content="player">
<meta name="twitter:player" content="@PBASE@/v2/Jx4q1LmN+Rt7yZ2pK?theme=dark">
<meta name="twitter:player:width" content="740">
<meta name="twitter:player:height" content="200">
<link rel="alternate" type="application/rss+xml" title="The Slow Ride" href="@BASE@/rss">
<style>
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;background:#f3efe8;line-height:1.6}
a{color:#b5522b}.site-header{background:#2e2a26;color:#f3efe8}.site-header .inner{max-width:1100px;margin:0 auto;padding:18px 24px;display:flex;align-items:center;gap:22px}
.site-header img{width:54px;height:54px;border-radius:6px}.site-header h1{font-size:24px;margin:0}.site-header h1 a{color:#f3efe8;text-decoration:none}
.site-nav{margin-left:auto;display:flex;gap:20px}.site-nav a{color:#e2d6c6;text-decoration:none;font-size:15px}
.container{max-width:1100px;margin:0 auto;padding:30px 24px;display:grid;grid-template-columns:2fr 1fr;gap:36px}
.episode-header h2{font-size:34px;line-height:1.2;margin:0 0 6px}.episode-meta{color:#6f665c;font-size:14px}
.episode-player{margin:20px 0 10px}.episode-player iframe{width:100%;height:200px;border:0;display:block;border-radius:8px}
.episode-actions{display:flex;gap:16px;font-size:14px;margin-bottom:26px}.episode-actions a,.episode-actions button{display:flex;align-items:center;gap:6px;color:#6f665c;text-decoration:none;background:none;border:0;font:inherit;cursor:pointer;padding:0}
.prose p{margin:0 0 16px}.prose h3{font-size:19px;margin:26px 0 8px}.episode-links ul,.episode-sponsors ul{padding-left:20px}
.sidebar .card{background:#fff;border-radius:8px;padding:18px 20px;margin-bottom:22px;font-size:15px}.sidebar h3{margin:0 0 10px;font-size:17px}
.trailer{display:flex;align-items:center;gap:12px}.trailer button{width:40px;height:40px;border-radius:50%;border:0;background:#b5522b;color:#fff;cursor:pointer;flex:none;display:flex;align-items:center;justify-content:center}
.subscribe a{display:block;padding:6px 0;border-bottom:1px solid #eee;text-decoration:none}
.site-footer{text-align:center;color:#6f665c;font-size:13px;padding:30px 20px}
</style>
</head>
<body class="episode">
<header class="site-header"><div class="inner">
  <a href="@BASE@/"><img src="@BASE@/assets/images/cover-art.jpg" alt="The Slow Ride"></a>
  <h1><a href="@BASE@/">The Slow Ride</a></h1>
  <nav class="site-nav"><a href="@BASE@/episodes">Episodes</a><a href="@BASE@/about">About</a><a href="@BASE@/hosts">Hosts</a><a href="@BASE@/subscribe">Subscribe</a><a href="@BASE@/rss">RSS</a></nav>
</div></header>
<div class="container">
  <main>
    <div class="episode-header">
      <h2>Episode 87: Gravel, Grit, and the Great Divide</h2>
      <div class="episode-meta">March 21st, 2024 · 1 hr 4 mins</div>
    </div>
    <div class="episode-player"><iframe src="@PBASE@/v2/Jx4q1LmN+Rt7yZ2pK?theme=dark" width="740" height="200" frameborder="0" scrolling="no" title="The Slow Ride 87 player"></iframe></div>
    <div class="episode-actions">
      <a href="@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/a9c3e1b7-6d2f-4b8a-8e1c-0f7d3b5a9c21.mp3" class="episode-download" aria-label="Download episode 87"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg><span>Download</span></a>
      <button type="button" class="episode-share"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg><span>Share</span></button>
      <a href="@BASE@/87/transcript"><span>Transcript</span></a>
    </div>
    <div class="prose episode-body">
      <p>Priya Nandakumar rode the Tour Divide last summer: 4,400 kilometres of gravel from Banff to the Mexican border, self-supported, with the clock never stopping. She finished ninth. We talk about the first night in a culvert, why she stopped listening to music after day four, and the spreadsheet she keeps for every resupply.</p>
      <p>Plus: Dan finally admits what happened to the tubeless setup, and listener mail about saddles (so much listener mail about saddles).</p>
      <div class="episode-links"><h3>Links:</h3><ul>
        <li><a href="@BASE@/out/tour-divide-race">Tour Divide — race information</a></li>
        <li><a href="@BASE@/out/priya-rides-journal">Priya's ride journal</a></li>
        <li><a href="@BASE@/out/bikepacking-resupply-sheet">The resupply spreadsheet (template)</a></li>
        <li><a href="@BASE@/62">Episode 62: Our first overnighter</a></li>
      </ul></div>
      <div class="episode-sponsors"><h3>Sponsored By:</h3><ul>
        <li><a href="@BASE@/out/trailfuel">Trailfuel</a>: Real-food ride bars. Use code SLOWRIDE for 15% off your first box.</li>
        <li><a href="@BASE@/out/cyclesafe-insurance">CycleSafe</a>: Bike insurance that covers you on gravel, too.</li>
      </ul></div>
      <p><strong>Support The Slow Ride</strong> — become a supporter and get episodes without ads. <a href="@BASE@/supporter">Become a supporter</a></p>
    </div>
  </main>
  <aside class="sidebar">
    <div class="card"><h3>New here?</h3><p>Start with our two-minute trailer.</p>
      <div class="trailer"><button type="button" class="trailer-play" aria-label="Play trailer" data-url="@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/0c4d2e8f-1a3b-4c5d-8e7f-9a0b1c2d3e4f.mp3"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div><strong>Trailer</strong><br><small>2 mins</small></div></div>
    </div>
    <div class="card subscribe"><h3>Subscribe</h3><a href="@BASE@/out/apple-podcasts">Apple Podcasts</a><a href="@BASE@/out/overcast">Overcast</a><a href="@BASE@/out/spotify">Spotify</a><a href="@BASE@/out/pocket-casts">Pocket Casts</a><a href="@BASE@/rss">RSS</a></div>
    <div class="card"><h3>Hosts</h3><p>Dan Whitcombe &amp; Maren Holt</p></div>
  </aside>
</div>
<footer class="site-footer">© 2024 The Slow Ride · Hosted on Fireside</footer>
<script>
(function () {
  var trailer = new Audio();
  document.querySelector('.trailer-play').addEventListener('click', function () {
    if (!trailer.getAttribute('src')) { trailer.setAttribute('src', this.getAttribute('data-url')); }
    if (trailer.paused) { trailer.play().catch(function () {}); } else { trailer.pause(); }
  });
  document.querySelector('.episode-share').addEventListener('click', function () {
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
    this.querySelector('span').textContent = 'Link copied';
  });
})();
</script>
</body>
</html>
"##;

const FIRESIDE_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Slow Ride 87: Gravel, Grit, and the Great Divide</title>
<style>
*{box-sizing:border-box}html,body{margin:0;height:100%;font-family:-apple-system,Helvetica,Arial,sans-serif}
.player{height:200px;background:#1d1b19;color:#eee;border-radius:8px;display:flex;gap:18px;padding:18px}
.player img{width:164px;height:164px;border-radius:6px;flex:none}.info{flex:1;min-width:0;display:flex;flex-direction:column}
.show{font-size:13px;color:#b7aa98}.title{font-size:18px;font-weight:700;margin:2px 0 auto}
.controls{display:flex;align-items:center;gap:14px}.play{width:52px;height:52px;border-radius:50%;border:0;background:#e07a4f;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.skip{background:none;border:0;color:#b7aa98;cursor:pointer;font-size:13px}.progress{flex:1;height:6px;background:#3a3632;border-radius:3px}.progress i{display:block;height:6px;width:0;background:#e07a4f;border-radius:3px}
.time{font-size:12px;color:#b7aa98}.brand{font-size:11px;color:#7d7266;text-align:right;margin-top:8px}
</style>
</head>
<body>
<div class="player" data-theme="dark">
  <img src="@PBASE@/assets/episodes/87/cover-300.jpg" alt="">
  <div class="info">
    <div class="show">The Slow Ride · Episode 87</div>
    <div class="title">Gravel, Grit, and the Great Divide</div>
    <div class="controls">
      <button type="button" class="skip back" aria-label="Back 15 seconds">-15</button>
      <button type="button" class="play" aria-label="Play"><svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button>
      <button type="button" class="skip fwd" aria-label="Forward 30 seconds">+30</button>
      <div class="progress"><i></i></div><span class="time">1:04:18</span>
    </div>
    <div class="brand">Fireside</div>
  </div>
</div>
<script>
(function () {
  var src = '@SITE@/hop/podtrac/hop/op3/media/fireside/d/1437767933/5f1e9c2a-1c7b-4d21-9e0f-2b8a7c6d5e4f/a9c3e1b7-6d2f-4b8a-8e1c-0f7d3b5a9c21.mp3';
  var audio = new Audio();
  audio.preload = 'none';
  var play = document.querySelector('.play');
  play.addEventListener('click', function () {
    if (!audio.getAttribute('src')) { audio.setAttribute('src', src); }
    if (audio.paused) { audio.play().catch(function () {}); play.setAttribute('aria-label', 'Pause'); }
    else { audio.pause(); play.setAttribute('aria-label', 'Play'); }
  });
  document.querySelector('.back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
  document.querySelector('.fwd').addEventListener('click', function () { audio.currentTime += 30; });
  audio.addEventListener('timeupdate', function () { document.querySelector('.progress i').style.width = (100 * audio.currentTime / 3858) + '%'; });
})();
</script>
</body>
</html>
"##;

// ----------------------------------------------------------------------------------
// Brazilian WordPress blog with a Spotify for Creators (Anchor) embed.
//
// Imitates: a WordPress block-theme post (`wp-site-blocks`, `wp-block-post-title`,
// `entry-content wp-block-post-content`, `wp-block-embed`, a Gutenberg `wp-block-audio`
// trailer uploaded to the media library) embedding the Spotify for Creators / Anchor
// episode iframe as published (`<iframe src="https://podcasters.spotify.com/pod/show/<show>/
// embed/episodes/<title>-<id>/a-a<hex>" height="102px" width="400px" frameborder="0"
// scrolling="no">`). On Play the player asks `/api/v3/episodes/<id>` (the API yt-dlp's
// anchorfm.py reads: `episode.episodeEnclosureUrl`, `episodeAudios[]`) and streams the
// legacy enclosure `anchor.fm/s/<hex>/podcast/play/<n>/<percent-encoded origin URL>`,
// which redirects to the origin file. The player's inner DOM is a plausible
// reconstruction. Content is fictional.

fn creators_blog(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(CREATORS_BLOG_PAGE, request);
    }
    if !request.on_player_host {
        return None;
    }
    let path = rest(request);
    if path
        == "pod/show/cafecomcodigo/embed/episodes/Ep-47-Testes-automatizados-sem-drama-e2k4m7q/a-ab1c2d3"
    {
        return page(CREATORS_EMBED, request);
    }
    if path == "api/v3/episodes/e2k4m7q" {
        let origin_file = format!(
            "{}/media/anchor/staging/2024-4-12/381902331-44100-2-8c1f2a9d7e6b.mp3",
            request.origins.player
        );
        let enclosure = format!(
            "{}/corpus/{}/s/4f1c2b10/podcast/play/88123456/{}",
            request.origins.player,
            request.slug,
            encode_component(&origin_file)
        );
        return Some(json(
            fill(CREATORS_API, request).replace("@ENCLOSURE@", &enclosure),
        ));
    }
    if let Some(inner) = path.strip_prefix("s/4f1c2b10/podcast/play/88123456/") {
        // The router may already have decoded the path; decode what is left either way.
        let target = if inner.contains("%3A") || inner.contains("%2F") {
            decode_component(inner)
        } else {
            inner.to_string()
        };
        let target = target.replacen(":/", "://", usize::from(!target.contains("://")));
        if !target.starts_with(&format!("{}/", request.origins.player)) {
            return with_status(StatusCode::BAD_REQUEST, "bad enclosure");
        }
        return Some(redirect(&target));
    }
    None
}

const CREATORS_BLOG_PAGE: &str = r##"<!DOCTYPE html>
<html lang="pt-BR">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="max-image-preview:large">
<title>Ep. 47 – Testes automatizados sem drama – Café com Código</title>
<link rel="canonical" href="@BASE@">
<meta property="og:locale" content="pt_BR">
<meta property="og:type" content="article">
<meta property="og:title" content="Ep. 47 – Testes automatizados sem drama">
<meta property="og:description" content="A Lívia e o Rafa conversam com a Bia Tavares sobre como começar a testar um sistema legado sem parar tudo.">
<meta property="og:image" content="@BASE@/wp-content/uploads/2024/04/ep47-capa.jpg">
<meta name="generator" content="WordPress 6.5.2">
<style>
body{margin:0;font-family:"Inter",system-ui,sans-serif;color:#1e1e1e;background:#fffdf8;font-size:18px;line-height:1.7}
a{color:#7a3e12}.wp-site-blocks{padding:0}.has-global-padding{padding-left:24px;padding-right:24px}
header.wp-block-template-part{border-bottom:1px solid #eee3d3}.header-inner{max-width:1100px;margin:0 auto;display:flex;align-items:center;gap:28px;padding:18px 24px}
.wp-block-site-title a{font-weight:800;font-size:22px;color:#3b1f0b;text-decoration:none}.wp-block-navigation{display:flex;gap:22px;margin-left:auto}.wp-block-navigation a{color:#1e1e1e;text-decoration:none;font-size:16px}
main{max-width:720px;margin:0 auto;padding:40px 24px 60px}.wp-block-post-title{font-size:42px;line-height:1.15;margin:0 0 10px;color:#3b1f0b}
.wp-block-post-date,.wp-block-post-terms{font-size:14px;color:#7b6f63;display:inline-block;margin-right:12px}
.wp-block-post-featured-image img{width:100%;height:auto;aspect-ratio:1200/630;object-fit:cover;border-radius:8px;margin:20px 0}
.wp-block-audio{margin:20px 0}.wp-block-audio audio{width:100%}.wp-element-caption{font-size:14px;color:#7b6f63;text-align:center}
.wp-block-embed{margin:24px 0}.wp-block-embed iframe{max-width:100%;border-radius:8px}
.wp-block-buttons{display:flex;gap:10px;flex-wrap:wrap;margin:16px 0}.wp-block-button__link{display:inline-block;background:#3b1f0b;color:#fffdf8;border-radius:999px;padding:8px 18px;text-decoration:none;font-size:15px}
.wp-block-separator{border:0;border-top:1px solid #eee3d3;margin:36px 0}
.comments-area h2{font-size:22px}.comment{border-top:1px solid #eee3d3;padding:12px 0;font-size:16px}
.comment-form textarea{width:100%;height:90px;font:inherit}.comment-form input[type=submit]{margin-top:8px;background:#3b1f0b;color:#fff;border:0;padding:8px 16px;border-radius:4px}
footer.wp-block-template-part{background:#3b1f0b;color:#eadccb;padding:30px 24px;font-size:14px;text-align:center}footer a{color:#fff}
</style>
</head>
<body class="post-template-default single single-post postid-1187 single-format-standard wp-embed-responsive">
<div class="wp-site-blocks">
<header class="wp-block-template-part"><div class="header-inner">
  <p class="wp-block-site-title"><a href="@BASE@/" rel="home">Café com Código</a></p>
  <nav class="wp-block-navigation" aria-label="Navegação"><a href="@BASE@/episodios/">Episódios</a><a href="@BASE@/sobre/">Sobre</a><a href="@BASE@/apoie/">Apoie</a><a href="@BASE@/contato/">Contato</a></nav>
</div></header>
<main class="wp-block-group">
  <h1 class="wp-block-post-title">Ep. 47 – Testes automatizados sem drama</h1>
  <div class="wp-block-post-date"><time datetime="2024-04-12T07:00:00-03:00">12 de abril de 2024</time></div>
  <div class="taxonomy-category wp-block-post-terms"><a href="@BASE@/categoria/episodios/" rel="tag">Episódios</a>, <a href="@BASE@/categoria/qualidade/" rel="tag">Qualidade</a></div>
  <figure class="wp-block-post-featured-image"><img width="1200" height="630" src="@BASE@/wp-content/uploads/2024/04/ep47-capa.jpg" alt="Capa do episódio 47: uma xícara de café ao lado de um terminal com testes passando"></figure>
  <div class="entry-content wp-block-post-content has-global-padding is-layout-constrained">
    <p>Chegou o episódio 47! Desta vez a Lívia e o Rafa recebem a <strong>Bia Tavares</strong>, engenheira de qualidade há doze anos, para falar de um assunto que assusta muita gente: como começar a escrever testes num sistema legado que nunca teve nenhum, sem parar as entregas.</p>
    <figure class="wp-block-audio"><audio controls src="@SITE@/media/wp-content/uploads/2024/02/cafe-com-codigo-trailer-terceira-temporada.mp3"></audio><figcaption class="wp-element-caption">Trailer da 3ª temporada (1 min)</figcaption></figure>
    <p>Dá o play aqui embaixo ou ouve no seu agregador favorito:</p>
    <figure class="wp-block-embed is-type-rich is-provider-spotify-for-podcasters wp-block-embed-spotify-for-podcasters"><div class="wp-block-embed__wrapper">
      <iframe src="@PBASE@/pod/show/cafecomcodigo/embed/episodes/Ep-47-Testes-automatizados-sem-drama-e2k4m7q/a-ab1c2d3" height="102px" width="400px" frameborder="0" scrolling="no" title="Ep. 47 – Testes automatizados sem drama"></iframe>
    </div></figure>
    <div class="wp-block-buttons">
      <div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="@BASE@/out/spotify">Ouvir no Spotify</a></div>
      <div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="@BASE@/out/apple-podcasts">Apple Podcasts</a></div>
      <div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="@BASE@/out/deezer">Deezer</a></div>
      <div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="@BASE@/out/youtube">YouTube</a></div>
    </div>
    <h2 class="wp-block-heading">Neste episódio</h2>
    <ul>
      <li>(03:15) Por que ninguém escreve o primeiro teste</li>
      <li>(11:40) Testes de caracterização: fotografar o comportamento atual</li>
      <li>(24:05) Pirâmide, troféu ou favo de mel? Tanto faz, desde que rode no CI</li>
      <li>(33:50) Mocks: quando ajudam e quando mentem</li>
      <li>(38:20) Perguntas dos ouvintes</li>
    </ul>
    <h2 class="wp-block-heading">Links citados</h2>
    <ul>
      <li><a href="@BASE@/out/working-effectively-with-legacy-code">Working Effectively with Legacy Code (Michael Feathers)</a></li>
      <li><a href="@BASE@/ep-39-ci-para-quem-tem-pressa/">Ep. 39 – CI para quem tem pressa</a></li>
      <li><a href="@BASE@/out/bia-tavares-newsletter">Newsletter da Bia</a></li>
    </ul>
    <p>Gostou? Deixa cinco estrelinhas no Spotify, manda pro colega que ainda faz deploy na sexta-feira e apoia o podcast a partir de R$ 5 por mês na página <a href="@BASE@/apoie/">Apoie</a>.</p>
  </div>
  <hr class="wp-block-separator">
  <section class="comments-area" id="comments">
    <h2>3 respostas para “Ep. 47 – Testes automatizados sem drama”</h2>
    <div class="comment"><strong>Marcelo R.</strong> · 12 de abril de 2024 às 09:14<p>Os testes de caracterização salvaram meu último projeto. Episódio excelente!</p></div>
    <div class="comment"><strong>Jéssica</strong> · 12 de abril de 2024 às 13:02<p>Faz um episódio só sobre testes de contrato, por favor 🙏</p></div>
    <div class="comment"><strong>Rafa (Café com Código)</strong> · 12 de abril de 2024 às 14:30<p>@Jéssica anotado!</p></div>
    <form class="comment-form" onsubmit="return false"><label for="comment">Deixe um comentário</label><textarea id="comment" name="comment"></textarea><input type="submit" value="Publicar comentário"></form>
  </section>
</main>
<footer class="wp-block-template-part"><p>Café com Código · Um podcast sobre desenvolvimento de software, em português · <a href="@BASE@/politica-de-privacidade/">Política de privacidade</a></p><p>Feito com WordPress</p></footer>
</div>
</body>
</html>
"##;

const CREATORS_EMBED: &str = r##"<!DOCTYPE html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Ep. 47 – Testes automatizados sem drama by Café com Código</title>
<style>
*{box-sizing:border-box}html,body{margin:0;height:100%;background:transparent;font-family:"Circular",Helvetica,Arial,sans-serif}
.embed{height:100px;width:100%;max-width:400px;background:#3d2a1e;color:#fff;border-radius:8px;display:flex;align-items:center;gap:12px;padding:10px 14px 10px 10px;position:relative}
.art{width:80px;height:80px;border-radius:4px;flex:none}.meta{flex:1;min-width:0}
.t{font-size:14px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.s{font-size:12px;color:#d9c7b8}
.bar{height:3px;background:rgba(255,255,255,.25);border-radius:2px;margin-top:10px}.bar i{display:block;height:3px;width:0;background:#fff;border-radius:2px}
.time{font-size:11px;color:#d9c7b8;margin-top:4px}.play{width:40px;height:40px;border-radius:50%;border:0;background:#fff;color:#000;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.logo{position:absolute;right:12px;top:8px;font-size:10px;color:#d9c7b8;text-decoration:none}
.err{font-size:11px;color:#ffb4a2;margin-top:2px}
</style>
</head>
<body>
<div class="embed" id="episode-embed" data-episode-id="e2k4m7q">
  <img class="art" src="@PBASE@/staging/podcast_uploaded_episode400/3812290/3812290-1712900000-ep47.jpg" alt="">
  <div class="meta">
    <div class="t">Ep. 47 – Testes automatizados sem drama</div>
    <div class="s">Café com Código</div>
    <div class="bar"><i></i></div>
    <div class="time"><span class="cur">0:00</span> · 41:11</div>
    <div class="err" hidden></div>
  </div>
  <button type="button" class="play" aria-label="Play"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button>
  <a class="logo" href="@PBASE@/pod/show/cafecomcodigo" target="_blank" rel="noopener">Spotify for Creators</a>
</div>
<script>
(function () {
  var root = document.getElementById('episode-embed');
  var id = root.getAttribute('data-episode-id');
  var play = root.querySelector('.play');
  var audio = new Audio();
  var loading = null;
  var PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  var PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  function source() {
    if (!loading) {
      loading = fetch('@PBASE@/api/v3/episodes/' + id, { headers: { accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (data) { return data.episode.episodeEnclosureUrl || data.episodeAudios[0].url; });
    }
    return loading;
  }
  play.addEventListener('click', function () {
    if (!audio.paused) { audio.pause(); play.innerHTML = PLAY; play.setAttribute('aria-label', 'Play'); return; }
    play.innerHTML = PAUSE; play.setAttribute('aria-label', 'Pause');
    source().then(function (url) {
      if (audio.getAttribute('src') !== url) { audio.setAttribute('src', url); }
      return audio.play();
    }).catch(function () {
      var err = root.querySelector('.err'); err.hidden = false; err.textContent = 'Não foi possível reproduzir agora.';
    });
  });
  audio.addEventListener('timeupdate', function () {
    var t = Math.floor(audio.currentTime);
    root.querySelector('.cur').textContent = Math.floor(t / 60) + ':' + (t % 60 < 10 ? '0' : '') + (t % 60);
    root.querySelector('.bar i').style.width = (100 * audio.currentTime / 2471) + '%';
  });
})();
</script>
</body>
</html>
"##;

const CREATORS_API: &str = r##"{"episode":{"episodeId":"e2k4m7q","title":"Ep. 47 – Testes automatizados sem drama","description":"<p>A Lívia e o Rafa recebem a Bia Tavares para falar de testes em sistemas legados.</p>","duration":2471000,"publishOnUnixTimestamp":1712916000,"podcastSeasonNumber":3,"episodeImage":"@PBASE@/staging/podcast_uploaded_episode400/3812290/3812290-1712900000-ep47.jpg","episodeEnclosureUrl":"@ENCLOSURE@"},"episodeAudios":[{"url":"@ENCLOSURE@","type":"audio/mpeg"}],"creator":{"name":"Café com Código","vanitySlug":"cafecomcodigo","userId":3812290}}"##;

// ----------------------------------------------------------------------------------
// DR LYD episode page with HLS only.
//
// Imitates: a DR LYD episode page (`dr.dk/lyd/<channel>/<show>/<slug>`), a Next.js app
// whose `script#__NEXT_DATA__` carries `props.pageProps.episode.audioAssets[]` with
// `format: "HLS"` only (as the DR Audio Downloader script in the index finds; it then
// needs ffmpeg), the asset links redirecting to the m3u8. Consent is Cookiebot
// (`#CybotCookiebotDialog`, `...LevelButtonLevelOptinAllowAll`, `...ButtonDecline`). The
// "Hent" button offers only the DR LYD app (labels plausible, unverified). There is no
// MP3 to recover. Content is fictional.

fn dr_lyd(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(DR_PAGE, request);
    }
    let path = rest(request);
    if path == "_next/static/chunks/pages/lyd/episode-6f2a91c4.js" {
        return script(DR_JS, request);
    }
    if let Some(asset) = path.strip_prefix("radio/v1/assetlinks/") {
        let id = if asset.contains("6c1f0e9a") {
            "11802417121"
        } else {
            "11802417098"
        };
        return Some(redirect(&format!(
            "{}/media/dr/lyd/{id}/master.m3u8",
            request.origins.site
        )));
    }
    None
}

const DR_PAGE: &str = r##"<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hvorfor mangler vi lokomotivførere? | Genstart | DR LYD</title>
<meta name="description" content="Aflyste tog, lange ventetider og et fag, der er ved at uddø. Genstart undersøger, hvorfor DSB ikke kan finde folk nok til at køre togene.">
<meta property="og:title" content="Hvorfor mangler vi lokomotivførere? | Genstart">
<meta property="og:description" content="Aflyste tog, lange ventetider og et fag, der er ved at uddø.">
<meta property="og:image" content="@BASE@/images/urn:dr:radio:episode:6c1f0e9a-3b2d-4a8e-9f71-2d5c8b0e4a13/1200x630.jpg">
<meta property="og:type" content="music.song">
<meta name="next-head-count" content="8">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"DR Publik",Arial,sans-serif;background:#101010;color:#f2f2f2}
a{color:#f2f2f2}.header{display:flex;align-items:center;gap:26px;padding:14px 32px;border-bottom:1px solid #2a2a2a}
.logo{font-weight:800;font-size:20px;text-decoration:none}.logo span{color:#ff5c5c}.nav{display:flex;gap:20px}.nav a{text-decoration:none;color:#c8c8c8;font-size:15px}
.login{margin-left:auto;background:none;border:1px solid #555;color:#f2f2f2;border-radius:20px;padding:6px 14px;cursor:pointer}
.hero{display:flex;gap:32px;padding:40px 32px;max-width:1100px}.hero img{width:260px;height:260px;border-radius:8px;flex:none}
.series{font-size:14px;color:#ff8f8f;text-decoration:none;font-weight:700}.hero h1{font-size:36px;line-height:1.15;margin:8px 0 8px}
.meta{color:#aaa;font-size:14px}.desc{max-width:640px;line-height:1.6;color:#ddd}
.actions{display:flex;gap:12px;margin-top:22px;align-items:center}.btn{display:flex;align-items:center;gap:8px;border-radius:24px;padding:10px 20px;border:1px solid #555;background:none;color:#f2f2f2;cursor:pointer;font-size:15px}
.btn-primary{background:#f2f2f2;color:#101010;border-color:#f2f2f2;font-weight:700}.icon-btn{width:44px;height:44px;border-radius:50%;padding:0;justify-content:center}
.list{max-width:1100px;padding:0 32px 40px}.list h2{font-size:20px}.list ol{list-style:none;padding:0;margin:0}
.list li{display:flex;gap:14px;align-items:center;padding:12px 0;border-top:1px solid #2a2a2a}.list li a{text-decoration:none;font-weight:700}.list small{display:block;color:#aaa;font-weight:400}
.modal-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.7);display:flex;align-items:center;justify-content:center;z-index:50}
.modal{background:#1e1e1e;border-radius:12px;padding:28px;max-width:420px;text-align:center}.modal h2{margin:0 0 10px}.modal p{color:#ccc;line-height:1.5}
.stores{display:flex;gap:10px;justify-content:center;margin:18px 0}.stores a{border:1px solid #555;border-radius:8px;padding:8px 14px;text-decoration:none;font-size:14px}
.toast{position:fixed;bottom:90px;left:50%;transform:translateX(-50%);background:#f2f2f2;color:#101010;border-radius:8px;padding:10px 16px;z-index:60}
.mini-player{position:fixed;left:0;right:0;bottom:0;background:#1e1e1e;border-top:1px solid #333;padding:12px 32px;display:flex;gap:16px;align-items:center}
.footer{padding:30px 32px;color:#888;font-size:13px;border-top:1px solid #2a2a2a}
#CybotCookiebotDialogBodyUnderlay{position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:2147483630}
#CybotCookiebotDialog{position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);width:600px;max-width:94vw;background:#fff;color:#141414;border-radius:8px;padding:26px 28px;z-index:2147483631;font-family:Arial,sans-serif;font-size:14px;line-height:1.5;box-shadow:0 30px 70px rgba(0,0,0,.3)}
#CybotCookiebotDialog h2{font-size:18px;margin:0 0 10px}#CybotCookiebotDialogBodyButtonsWrapper{display:flex;gap:10px;margin-top:18px}
#CybotCookiebotDialog button{flex:1;border:2px solid #141414;background:#fff;color:#141414;border-radius:4px;padding:10px;font-weight:700;cursor:pointer}
#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll{background:#141414!important;color:#fff!important}
</style>
</head>
<body>
<div id="__next">
  <header class="header">
    <a class="logo" href="@BASE@/"><span>DR</span> LYD</a>
    <nav class="nav" aria-label="Hovedmenu"><a href="@BASE@/lyd">Forside</a><a href="@BASE@/lyd/podcasts">Podcasts</a><a href="@BASE@/lyd/radio">Radio</a><a href="@BASE@/lyd/min-lyd">Min lyd</a></nav>
    <button type="button" class="login">Log ind</button>
  </header>
  <main>
    <section class="hero">
      <img src="@BASE@/images/urn:dr:radio:episode:6c1f0e9a-3b2d-4a8e-9f71-2d5c8b0e4a13/520x520.jpg" alt="">
      <div>
        <a class="series" href="@BASE@/lyd/p1/genstart">Genstart</a>
        <h1>Hvorfor mangler vi lokomotivførere?</h1>
        <div class="meta">16. maj 2024 · 28 min · P1</div>
        <p class="desc">Aflyste tog, lange ventetider og et fag, der er ved at uddø. Genstart undersøger, hvorfor der ikke er folk nok til at køre togene – og hvad det kræver at uddanne en ny lokomotivfører. Vært: Anna Lund Vestergaard.</p>
        <div class="actions">
          <button type="button" class="btn btn-primary js-play" aria-label="Afspil Hvorfor mangler vi lokomotivførere?"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Afspil</button>
          <button type="button" class="btn icon-btn js-queue" aria-label="Tilføj til kø" title="Tilføj til kø"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M3 6h12v2H3zm0 5h12v2H3zm0 5h8v2H3zm14-3v-3h2v3h3v2h-3v3h-2v-3h-3v-2z" fill="currentColor"/></svg></button>
          <button type="button" class="btn js-download"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg>Hent</button>
          <button type="button" class="btn icon-btn js-share" aria-label="Del" title="Del"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg></button>
        </div>
      </div>
    </section>
    <section class="list">
      <h2>Flere afsnit af Genstart</h2>
      <ol>
        <li><a href="@BASE@/lyd/p1/genstart/2024-05-15/kan-man-leve-af-at-vaere-influencer">Kan man leve af at være influencer?<small>15. maj 2024 · 26 min</small></a></li>
        <li><a href="@BASE@/lyd/p1/genstart/2024-05-14/derfor-stiger-huslejen">Derfor stiger huslejen<small>14. maj 2024 · 29 min</small></a></li>
        <li><a href="@BASE@/lyd/p1/genstart/2024-05-13/hvem-ejer-vandet">Hvem ejer vandet?<small>13. maj 2024 · 27 min</small></a></li>
      </ol>
    </section>
  </main>
  <footer class="footer">DR · Emil Holms Kanal 20 · <a href="@BASE@/om-dr/cookies">Cookies</a> · <a href="@BASE@/om-dr/privatlivspolitik">Privatlivspolitik</a> · <a href="@BASE@/hjaelp">Hjælp</a></footer>
</div>
<div id="CybotCookiebotDialogBodyUnderlay"></div>
<div id="CybotCookiebotDialog" role="dialog" aria-modal="true" aria-labelledby="CybotCookiebotDialogBodyContentTitle" lang="da">
  <h2 id="CybotCookiebotDialogBodyContentTitle">Vi passer på dine data</h2>
  <div id="CybotCookiebotDialogBodyContentText">DR bruger cookies til at huske dine indstillinger, lave statistik og tilpasse indhold. Vælger du "Tillad alle", giver du også samtykke til, at vi må bruge cookies til at anbefale programmer. Du kan altid ændre dit valg.</div>
  <div id="CybotCookiebotDialogBodyButtonsWrapper">
    <button id="CybotCookiebotDialogBodyButtonDecline" type="button">Afvis</button>
    <button id="CybotCookiebotDialogBodyLevelButtonCustomize" type="button">Tilpas</button>
    <button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" type="button">Tillad alle</button>
  </div>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"episode":{"id":"6c1f0e9a3b2d4a8e9f712d5c8b0e4a13","urn":"urn:dr:radio:episode:6c1f0e9a-3b2d-4a8e-9f71-2d5c8b0e4a13","productionNumber":"11802417121","title":"Hvorfor mangler vi lokomotivførere?","description":"Aflyste tog, lange ventetider og et fag, der er ved at uddø.","publishTime":"2024-05-16T05:00:00Z","durationMilliseconds":1692000,"channel":{"slug":"p1","title":"P1"},"series":{"slug":"genstart","title":"Genstart"},"isAvailableOnDemand":true,"audioAssets":[{"target":"Stream","isStreamLive":false,"format":"HLS","bitrate":null,"url":"@BASE@/radio/v1/assetlinks/urn:dr:radio:episode:6c1f0e9a-3b2d-4a8e-9f71-2d5c8b0e4a13/8f3b1c5e9a2d?type=hls"}]},"moreEpisodes":[{"title":"Kan man leve af at være influencer?","path":"/lyd/p1/genstart/2024-05-15/kan-man-leve-af-at-vaere-influencer"},{"title":"Derfor stiger huslejen","path":"/lyd/p1/genstart/2024-05-14/derfor-stiger-huslejen"}]},"__N_SSP":true},"page":"/lyd/[channel]/[series]/[episode]","query":{"channel":"p1","series":"genstart","episode":"hvorfor-mangler-vi-lokomotivforere"},"buildId":"dr-lyd-2024.05.2","isFallback":false,"gssp":true,"scriptLoader":[]}</script>
<script src="@BASE@/_next/static/chunks/pages/lyd/episode-6f2a91c4.js" defer></script>
</body>
</html>
"##;

const DR_JS: &str = r##"(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent);
  var episode = data.props.pageProps.episode;
  var audio = document.createElement('audio');
  audio.preload = 'none';
  document.body.appendChild(audio);
  function toast(text) {
    var t = document.createElement('div'); t.className = 'toast'; t.setAttribute('role', 'status'); t.textContent = text;
    document.body.appendChild(t); setTimeout(function () { t.remove(); }, 3500);
  }
  function miniPlayer() {
    var bar = document.querySelector('.mini-player');
    if (!bar) {
      bar = document.createElement('div'); bar.className = 'mini-player';
      bar.innerHTML = '<button type="button" class="btn icon-btn js-mini-toggle" aria-label="Pause">❚❚</button><div><strong></strong><div class="meta"></div></div>';
      document.body.appendChild(bar);
      bar.querySelector('.js-mini-toggle').addEventListener('click', function () {
        if (audio.paused) { audio.play().catch(function () {}); this.textContent = '❚❚'; this.setAttribute('aria-label', 'Pause'); }
        else { audio.pause(); this.textContent = '▶'; this.setAttribute('aria-label', 'Afspil'); }
      });
    }
    bar.querySelector('strong').textContent = episode.title;
    bar.querySelector('.meta').textContent = episode.series.title + ' · ' + episode.channel.title;
  }
  document.querySelector('.js-play').addEventListener('click', function () {
    var hls = episode.audioAssets.filter(function (a) { return a.format === 'HLS'; })[0];
    if (!hls) { toast('Afsnittet kan ikke afspilles lige nu.'); return; }
    if (audio.getAttribute('src') !== hls.url) { audio.setAttribute('src', hls.url); }
    audio.play().catch(function () {});
    miniPlayer();
  });
  audio.addEventListener('error', function () { toast('Der opstod en fejl under afspilning. Prøv igen senere.'); });
  document.querySelector('.js-queue').addEventListener('click', function () { toast('Log ind for at bruge din kø.'); });
  document.querySelector('.login').addEventListener('click', function () { toast('Log ind med DR Login i DR LYD-appen eller på dr.dk.'); });
  document.querySelector('.js-share').addEventListener('click', function () {
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
    toast('Link kopieret');
  });
  document.querySelector('.js-download').addEventListener('click', function () {
    var backdrop = document.createElement('div');
    backdrop.className = 'modal-backdrop';
    backdrop.innerHTML = '<div class="modal" role="dialog" aria-modal="true" aria-labelledby="hent-title">' +
      '<h2 id="hent-title">Hent afsnittet i appen</h2>' +
      '<p>Du kan hente afsnit og lytte uden internet i DR LYD-appen. Det er ikke muligt at hente afsnit på dr.dk.</p>' +
      '<div class="stores"><a href="@BASE@/app/dr-lyd-app-store" target="_blank">Hent i App Store</a><a href="@BASE@/app/dr-lyd-google-play" target="_blank">Hent i Google Play</a></div>' +
      '<button type="button" class="btn js-close">Luk</button></div>';
    document.body.appendChild(backdrop);
    backdrop.querySelector('.js-close').addEventListener('click', function () { backdrop.remove(); });
    backdrop.addEventListener('click', function (e) { if (e.target === backdrop) { backdrop.remove(); } });
  });
  var dialog = document.getElementById('CybotCookiebotDialog');
  var underlay = document.getElementById('CybotCookiebotDialogBodyUnderlay');
  function consent(value) {
    document.cookie = 'CookieConsent=' + value + '; path=/; max-age=31536000';
    dialog.remove(); underlay.remove();
  }
  if (document.cookie.indexOf('CookieConsent=') !== -1) { dialog.remove(); underlay.remove(); }
  else {
    document.getElementById('CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll').addEventListener('click', function () { consent('{stamp:%27all%27,necessary:true,preferences:true,statistics:true,marketing:true}'); });
    document.getElementById('CybotCookiebotDialogBodyButtonDecline').addEventListener('click', function () { consent('-1'); });
    document.getElementById('CybotCookiebotDialogBodyLevelButtonCustomize').addEventListener('click', function () { consent('{stamp:%27necessary%27,necessary:true,preferences:false,statistics:false,marketing:false}'); });
  }
})();
"##;

// ----------------------------------------------------------------------------------
// Ghost members-only episode.
//
// Imitates: a Ghost site on the Casper theme (`gh-head`, `site-main`, `article-header
// gh-canvas`, `gh-content gh-canvas`) whose post is for paid members: Ghost renders the
// public preview and then `<aside class="gh-post-upgrade-cta"><div
// class="gh-post-upgrade-cta-content"><h2>This post is for paying subscribers only</h2>
// <a class="gh-btn" data-portal="signup" href="#/portal/signup">Subscribe now</a>
// <p><small>Already have an account? <a data-portal="signin" href="#/portal/signin">Sign
// in</a></small></p></div></aside>`. The Portal popup is reduced to its sign-in and plan
// steps. A free episode linked under "Read more" carries a Ghost audio card
// (`kg-card kg-audio-card`) with another episode's file. The episode itself is behind the
// login: nothing to recover. Content is fictional.

fn ghost(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(GHOST_PAGE, request);
    }
    match rest(request) {
        "ep-57-what-a-pension-fund-actually-does" => page(GHOST_FREE_EPISODE, request),
        "public/portal.min.js" => script(GHOST_PORTAL_JS, request),
        _ => None,
    }
}

const GHOST_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>Episode 58: The Bond Market's Bad Week</title>
<meta name="HandheldFriendly" content="True">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="description" content="Why did gilt yields jump, who got hurt, and should you care if you don't own a single bond? Nadia and Owen unpack the week.">
<link rel="canonical" href="@BASE@/">
<meta name="referrer" content="no-referrer-when-downgrade">
<meta property="og:site_name" content="The Quiet Ledger">
<meta property="og:type" content="article">
<meta property="og:title" content="Episode 58: The Bond Market's Bad Week">
<meta property="og:description" content="Why did gilt yields jump, who got hurt, and should you care if you don't own a single bond?">
<meta property="og:url" content="@BASE@/">
<meta property="og:image" content="@BASE@/content/images/size/w1200/2024/05/ep58-cover.png">
<meta property="article:published_time" content="2024-05-09T06:00:00.000Z">
<meta property="article:tag" content="Podcast">
<meta name="twitter:card" content="summary_large_image">
<meta name="generator" content="Ghost 5.82">
<style>
:root{--ghost-accent-color:#d6336c}*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#15171a;background:#fff;font-size:1.8rem}
html{font-size:62.5%}a{color:var(--ghost-accent-color)}.outer{padding:0 4vmin}.inner{max-width:1200px;margin:0 auto}
.gh-head{height:88px;display:flex;align-items:center}.gh-head-inner{display:flex;align-items:center;gap:40px;width:100%}.gh-head-logo{font-size:2.6rem;font-weight:800;color:#15171a;text-decoration:none}
.gh-head-menu .nav{display:flex;gap:28px;list-style:none;margin:0;padding:0}.gh-head-menu a{color:#15171a;text-decoration:none;font-size:1.6rem;font-weight:500}
.gh-head-actions{margin-left:auto;display:flex;gap:20px;align-items:center}.gh-head-actions a{text-decoration:none;color:#15171a;font-size:1.5rem}
.gh-head-btn{background:var(--ghost-accent-color);color:#fff!important;border-radius:100px;padding:8px 18px;font-weight:700}
.gh-canvas{max-width:720px;margin:0 auto}.article-header{padding:6vmin 0 3vmin}.article-tag a{text-transform:uppercase;font-size:1.3rem;font-weight:700;letter-spacing:.05em;text-decoration:none}
.article-title{font-size:4.6rem;line-height:1.1;margin:10px 0 14px;letter-spacing:-.01em}.article-excerpt{font-size:2.1rem;color:#5b6068;line-height:1.45;margin:0 0 20px}
.article-byline{display:flex;align-items:center;gap:12px;font-size:1.4rem;color:#5b6068}.author-avatar{width:40px;height:40px;border-radius:50%}
.article-image img{width:100%;display:block;border-radius:4px;margin:30px 0}.gh-content p{line-height:1.65;margin:0 0 2.4rem}
.gh-post-upgrade-cta{margin:4rem 0}.gh-post-upgrade-cta-content{border-radius:8px;padding:5rem 4rem;text-align:center;color:#fff}
.gh-post-upgrade-cta h2{font-size:2.6rem;margin:0 0 2rem;color:#fff}.gh-post-upgrade-cta .gh-btn{display:inline-block;background:#fff;border-radius:100px;padding:1.2rem 2.8rem;font-weight:700;text-decoration:none;font-size:1.6rem}
.gh-post-upgrade-cta p{margin:2rem 0 0;color:#fff}.gh-post-upgrade-cta p a{color:#fff;text-decoration:underline}
.read-more-wrap{background:#f5f5f5;padding:6vmin 0}.read-more-wrap h3{max-width:1200px;margin:0 auto 30px;font-size:2.2rem}.read-more{display:grid;grid-template-columns:repeat(3,1fr);gap:4vmin;max-width:1200px;margin:0 auto}
.post-card a{text-decoration:none;color:#15171a}.post-card img{width:100%;height:200px;object-fit:cover;border-radius:4px}.post-card-title{font-size:2rem;margin:12px 0 6px}.post-card-excerpt{font-size:1.5rem;color:#5b6068}
.post-card-access{font-size:1.2rem;font-weight:700;text-transform:uppercase;color:var(--ghost-accent-color)}
.site-footer{background:#15171a;color:rgba(255,255,255,.7);padding:6vmin 0;font-size:1.4rem}.site-footer a{color:#fff;margin-right:16px}
#ghost-portal-root .gh-portal-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.35);display:flex;align-items:center;justify-content:center;z-index:3999999}
#ghost-portal-root .gh-portal-popup{background:#fff;border-radius:8px;width:440px;max-width:92vw;padding:40px;position:relative;box-shadow:0 20px 60px rgba(0,0,0,.25);font-size:1.5rem;text-align:center}
#ghost-portal-root h2{font-size:2.6rem;margin:0 0 10px}#ghost-portal-root input{width:100%;padding:12px;border:1px solid #ddd;border-radius:6px;font-size:1.5rem;margin:16px 0}
#ghost-portal-root .gh-portal-btn{width:100%;background:var(--ghost-accent-color);color:#fff;border:0;border-radius:6px;padding:13px;font-size:1.5rem;font-weight:700;cursor:pointer}
#ghost-portal-root .gh-portal-close{position:absolute;right:14px;top:10px;border:0;background:none;font-size:2.2rem;cursor:pointer;color:#999}
#ghost-portal-root .plans{display:flex;gap:12px;margin:18px 0}#ghost-portal-root .plan{flex:1;border:1px solid #ddd;border-radius:6px;padding:14px;cursor:pointer;background:#fff;font-size:1.4rem}
#ghost-portal-root .plan[aria-pressed=true]{border-color:var(--ghost-accent-color);box-shadow:0 0 0 1px var(--ghost-accent-color)}
#ghost-portal-root .switch{margin-top:16px;font-size:1.4rem}
</style>
</head>
<body class="post-template tag-podcast tag-hash-members is-head-left-logo has-cover">
<div class="viewport">
  <header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">
    <a class="gh-head-logo" href="@BASE@/">The Quiet Ledger</a>
    <nav class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="@BASE@/">Home</a></li><li class="nav-podcast"><a href="@BASE@/tag/podcast/">Podcast</a></li><li class="nav-newsletter"><a href="@BASE@/tag/newsletter/">Newsletter</a></li><li class="nav-about"><a href="@BASE@/about/">About</a></li></ul></nav>
    <div class="gh-head-actions"><a class="gh-head-link" href="#/portal/signin" data-portal="signin">Sign in</a><a class="gh-head-btn gh-btn gh-primary-btn" href="#/portal/signup" data-portal="signup">Subscribe</a></div>
  </div></header>
  <div class="site-content">
    <main id="site-main" class="site-main">
      <article class="article post tag-podcast tag-hash-members">
        <header class="article-header gh-canvas">
          <div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="@BASE@/tag/podcast/">Podcast</a></span></div>
          <h1 class="article-title">Episode 58: The Bond Market's Bad Week</h1>
          <p class="article-excerpt">Why did gilt yields jump, who got hurt, and should you care if you don't own a single bond? Nadia and Owen unpack the week.</p>
          <div class="article-byline"><img class="author-avatar" src="@BASE@/content/images/size/w100/2023/09/nadia.jpg" alt="Nadia Quarshie"><div><a href="@BASE@/author/nadia/">Nadia Quarshie</a><br><time datetime="2024-05-09">May 9, 2024</time> · 42 min listen</div></div>
          <figure class="article-image"><img src="@BASE@/content/images/size/w2000/2024/05/ep58-cover.png" alt=""></figure>
        </header>
        <section class="gh-content gh-canvas">
          <p>It was, by any measure, a strange week. Ten-year gilt yields rose by the most since the mini-budget, a pension scheme you've never heard of had to sell assets in a hurry, and your mortgage broker started sending emails with a lot of exclamation marks.</p>
          <p>In this members' episode we walk through what actually happened, in plain English, and then answer the question everyone asked us on the group chat: does any of this matter if all you have is a workplace pension and a cash ISA?</p>
          <aside class="gh-post-upgrade-cta">
            <div class="gh-post-upgrade-cta-content" style="background-color: #d6336c">
              <h2>This post is for paying subscribers only</h2>
              <a class="gh-btn" data-portal="signup" href="#/portal/signup" style="color:#d6336c">Subscribe now</a>
              <p><small>Already have an account? <a data-portal="signin" href="#/portal/signin">Sign in</a></small></p>
            </div>
          </aside>
        </section>
      </article>
    </main>
    <aside class="read-more-wrap outer">
      <h3>Read more</h3>
      <div class="read-more inner">
        <article class="post-card post"><a class="post-card-image-link" href="@BASE@/ep-57-what-a-pension-fund-actually-does/"><img class="post-card-image" src="@BASE@/content/images/size/w600/2024/04/ep57-cover.png" alt="" loading="lazy"></a><div class="post-card-content"><a class="post-card-content-link" href="@BASE@/ep-57-what-a-pension-fund-actually-does/"><header class="post-card-header"><div class="post-card-tags"><span class="post-card-primary-tag">Podcast</span></div><h2 class="post-card-title">Episode 57: What a Pension Fund Actually Does</h2></header><div class="post-card-excerpt">Free for everyone: a tour of where your pension contributions go every month.</div></a></div></article>
        <article class="post-card post"><a href="@BASE@/the-ledger-letter-12/"><img class="post-card-image" src="@BASE@/content/images/size/w600/2024/05/letter-12.png" alt="" loading="lazy"><div class="post-card-access">Members</div><h2 class="post-card-title">The Ledger Letter #12: ISA season post-mortem</h2><div class="post-card-excerpt">What you told us about your ISA choices this year.</div></a></article>
        <article class="post-card post"><a href="@BASE@/episode-56-inflation-is-down-so-why/"><img class="post-card-image" src="@BASE@/content/images/size/w600/2024/04/ep56-cover.png" alt="" loading="lazy"><div class="post-card-access">Paid members</div><h2 class="post-card-title">Episode 56: Inflation Is Down, So Why Does Everything Cost More?</h2><div class="post-card-excerpt">The difference between prices falling and prices rising more slowly.</div></a></article>
      </div>
    </aside>
  </div>
  <footer class="site-footer outer"><div class="inner">© 2024 The Quiet Ledger · <a href="@BASE@/about/">About</a><a href="@BASE@/privacy/">Privacy</a><a href="#/portal/signup" data-portal="signup">Sign up</a> · Powered by Ghost</div></footer>
</div>
<div id="ghost-portal-root"></div>
<script defer src="@BASE@/public/portal.min.js" data-ghost="@BASE@/" data-key="6f2c8a1d4e9b7c3a5f0e1d2c3b" data-api="@BASE@/ghost/api/content/" crossorigin="anonymous"></script>
</body>
</html>
"##;

const GHOST_FREE_EPISODE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Episode 57: What a Pension Fund Actually Does</title><meta name="viewport" content="width=device-width, initial-scale=1.0"><meta name="generator" content="Ghost 5.82">
<style>body{margin:0;font-family:-apple-system,Segoe UI,Roboto,sans-serif;color:#15171a}.gh-canvas{max-width:720px;margin:0 auto;padding:40px 20px}a{color:#d6336c}
.kg-audio-card{display:flex;gap:16px;align-items:center;border:1px solid #e5e5e5;border-radius:6px;padding:12px;margin:30px 0}.kg-audio-thumbnail{width:80px;height:80px;border-radius:4px}.kg-audio-title{font-weight:700;margin-bottom:6px}</style></head>
<body class="post-template tag-podcast">
<main id="site-main" class="site-main"><article class="article post tag-podcast">
<header class="article-header gh-canvas"><a href="@BASE@/">The Quiet Ledger</a><h1 class="article-title">Episode 57: What a Pension Fund Actually Does</h1><p class="article-excerpt">Free for everyone: a tour of where your pension contributions go every month.</p></header>
<section class="gh-content gh-canvas">
<div class="kg-card kg-audio-card"><img src="@BASE@/content/images/2024/04/ep57-cover.png" alt="audio-thumbnail" class="kg-audio-thumbnail"><div class="kg-audio-player-container"><audio src="@SITE@/media/ghost/content/media/2024/04/ep57-what-a-pension-fund-actually-does.mp3" preload="metadata" controls></audio><div class="kg-audio-title">Episode 57: What a Pension Fund Actually Does</div></div></div>
<p>Every month a slice of your pay disappears into something called a pension fund. This week we follow the money.</p>
</section></article></main></body></html>
"##;

const GHOST_PORTAL_JS: &str = r##"(function () {
  'use strict';
  var root = document.getElementById('ghost-portal-root');
  function close() { root.innerHTML = ''; if (location.hash.indexOf('#/portal') === 0) { history.replaceState(null, '', location.pathname + location.search); } }
  function frame(inner) {
    root.innerHTML = '<div class="gh-portal-backdrop"><div class="gh-portal-popup" role="dialog" aria-modal="true">' +
      '<button type="button" class="gh-portal-close" aria-label="Close">×</button>' + inner + '</div></div>';
    root.querySelector('.gh-portal-close').addEventListener('click', close);
    root.querySelector('.gh-portal-backdrop').addEventListener('click', function (e) { if (e.target === e.currentTarget) { close(); } });
  }
  function signin() {
    frame('<h2>Sign in</h2><p>Welcome back to The Quiet Ledger.</p>' +
      '<form class="gh-portal-form"><input type="email" name="email" placeholder="jamie@example" aria-label="Email" required>' +
      '<button type="submit" class="gh-portal-btn">Continue</button></form>' +
      '<div class="switch">Don\'t have an account? <a href="#/portal/signup" data-portal="signup">Sign up</a></div>');
    root.querySelector('form').addEventListener('submit', function (e) {
      e.preventDefault();
      var email = root.querySelector('input').value;
      frame('<h2>Now check your email!</h2><p>A login link has been sent to <strong></strong>. Click the link inside to complete your sign in.</p><button type="button" class="gh-portal-btn js-done">Close</button>');
      root.querySelector('strong').textContent = email || 'your inbox';
      root.querySelector('.js-done').addEventListener('click', close);
    });
  }
  function signup() {
    frame('<h2>The Quiet Ledger</h2><p>Plain-English money, every week.</p>' +
      '<div class="plans"><button type="button" class="plan" aria-pressed="false">Free<br><strong>£0</strong><br><small>Newsletter + free episodes</small></button>' +
      '<button type="button" class="plan" aria-pressed="true">Paid<br><strong>£5/month</strong><br><small>All episodes, ad-free</small></button></div>' +
      '<form class="gh-portal-form"><input type="email" name="email" placeholder="jamie@example" aria-label="Email" required><button type="submit" class="gh-portal-btn">Continue</button></form>' +
      '<div class="switch">Already a member? <a href="#/portal/signin" data-portal="signin">Sign in</a></div>');
    Array.prototype.forEach.call(root.querySelectorAll('.plan'), function (p) {
      p.addEventListener('click', function () {
        Array.prototype.forEach.call(root.querySelectorAll('.plan'), function (q) { q.setAttribute('aria-pressed', String(q === p)); });
      });
    });
    root.querySelector('form').addEventListener('submit', function (e) {
      e.preventDefault();
      frame('<h2>Almost there</h2><p>Payment is handled by our card processor. Please complete checkout to unlock paid episodes.</p><button type="button" class="gh-portal-btn js-done">Close</button>');
      root.querySelector('.js-done').addEventListener('click', close);
    });
  }
  function route(hash) {
    if (hash === '#/portal/signin') { signin(); } else if (hash === '#/portal/signup' || hash === '#/portal') { signup(); }
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('[data-portal]') : null;
    if (!link) { return; }
    e.preventDefault();
    route('#/portal/' + link.getAttribute('data-portal'));
  });
  route(location.hash);
})();
"##;

// ----------------------------------------------------------------------------------
// Turkish public-broadcaster radio on-demand page, episode expired.
//
// Imitates: a TRT Dinle-style on-demand page (Next.js with `__NEXT_DATA__`, episode list
// with play buttons, a sticky player, an "İndir" button that points to the mobile app,
// and a KVKK cookie notice) for an archive radio drama whose broadcast rights ran out:
// the episode carries no audio and says so, while the series' other episodes still play.
// Markup and labels are synthetic (I found no captured TRT Dinle markup); the kind of
// page is real. There is no MP3 of this episode to recover. Content is fictional.

fn trt(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(TRT_PAGE, request);
    }
    if on_site(
        request,
        "_next/static/chunks/pages/podcast/episode-2c7e9b14.js",
    ) {
        return script(TRT_JS, request);
    }
    None
}

const TRT_PAGE: &str = r##"<!DOCTYPE html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Arkası Yarın: Kayıp Mektuplar – 7. Bölüm | TRT Dinle</title>
<meta name="description" content="Arkası Yarın arşivinden Kayıp Mektuplar, 7. bölüm. TRT Dinle'de dinleyin.">
<meta property="og:title" content="Arkası Yarın: Kayıp Mektuplar – 7. Bölüm">
<meta property="og:image" content="@BASE@/images/podcast/arkasi-yarin/kayip-mektuplar-7.jpg">
<meta property="og:type" content="website">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"TRT",Arial,sans-serif;background:#0e1a2b;color:#eef2f7}
a{color:#eef2f7}.topbar{display:flex;align-items:center;gap:24px;padding:14px 30px;background:#0a1422}
.logo{font-weight:800;font-size:20px;text-decoration:none}.logo span{color:#36a3ff}.menu{display:flex;gap:18px}.menu a{color:#b7c3d3;text-decoration:none;font-size:15px}
.app-cta{margin-left:auto;background:#36a3ff;color:#fff;border-radius:20px;padding:7px 16px;text-decoration:none;font-size:14px}
.wrap{max-width:1100px;margin:0 auto;padding:34px 30px}.head{display:flex;gap:28px}.head img{width:240px;height:240px;border-radius:10px;flex:none}
.program{color:#36a3ff;text-decoration:none;font-weight:700;font-size:14px}.head h1{font-size:32px;margin:8px 0}.meta{color:#9fb0c4;font-size:14px}
.notice{display:flex;gap:12px;align-items:flex-start;background:#3b2a12;border:1px solid #8a6420;color:#ffd89a;border-radius:8px;padding:14px 16px;margin:18px 0;max-width:620px;font-size:15px;line-height:1.5}
.buttons{display:flex;gap:12px;margin-top:8px}.btn{display:flex;align-items:center;gap:8px;border-radius:24px;padding:10px 20px;border:1px solid #3d5570;background:none;color:#eef2f7;cursor:pointer;font-size:15px}
.btn[disabled]{opacity:.45;cursor:not-allowed}.btn-primary{background:#36a3ff;border-color:#36a3ff;color:#fff}
.desc{max-width:680px;line-height:1.65;color:#cdd7e3;margin-top:20px}
.episodes{margin-top:36px}.episodes h2{font-size:20px}.episodes ol{list-style:none;margin:0;padding:0}
.episodes li{display:flex;align-items:center;gap:14px;padding:12px 0;border-top:1px solid #1f3048}.episodes li.current{background:#132338}
.ep-play{width:38px;height:38px;border-radius:50%;border:1px solid #36a3ff;background:none;color:#36a3ff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.ep-play[disabled]{border-color:#3d5570;color:#3d5570;cursor:not-allowed}.ep-title{flex:1}.ep-title small{display:block;color:#9fb0c4}
.player{position:fixed;left:0;right:0;bottom:0;background:#0a1422;border-top:1px solid #1f3048;padding:12px 30px;display:flex;gap:14px;align-items:center}
.modal-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.65);display:flex;align-items:center;justify-content:center;z-index:40}
.modal{background:#13233a;border-radius:12px;padding:26px;max-width:420px;text-align:center}.modal p{color:#cdd7e3;line-height:1.5}
.stores{display:flex;gap:10px;justify-content:center;margin:16px 0}.stores a{border:1px solid #3d5570;border-radius:8px;padding:8px 12px;text-decoration:none;font-size:14px}
.kvkk{position:fixed;left:20px;right:20px;bottom:20px;background:#fff;color:#1b2635;border-radius:8px;padding:16px 18px;display:flex;gap:16px;align-items:center;z-index:30;font-size:14px;box-shadow:0 8px 30px rgba(0,0,0,.35)}
.kvkk p{margin:0;flex:1}.kvkk button{background:#36a3ff;color:#fff;border:0;border-radius:6px;padding:9px 16px;cursor:pointer}
footer{padding:30px;color:#7f90a6;font-size:13px;border-top:1px solid #1f3048;margin-top:40px}footer a{color:#b7c3d3;margin-right:14px}
</style>
</head>
<body>
<div id="__next">
  <header class="topbar">
    <a class="logo" href="@BASE@/"><span>TRT</span> Dinle</a>
    <nav class="menu"><a href="@BASE@/radyolar">Radyolar</a><a href="@BASE@/podcastler">Podcastler</a><a href="@BASE@/sesli-kitaplar">Sesli Kitaplar</a><a href="@BASE@/arsiv">Arşiv</a></nav>
    <a class="app-cta" href="@BASE@/app/trt-dinle-uygulamasi">Uygulamayı İndir</a>
  </header>
  <main class="wrap">
    <section class="head">
      <img src="@BASE@/images/podcast/arkasi-yarin/kayip-mektuplar-7.jpg" alt="">
      <div>
        <a class="program" href="@BASE@/podcast/arkasi-yarin">Arkası Yarın</a>
        <h1>Kayıp Mektuplar – 7. Bölüm</h1>
        <div class="meta">Radyo tiyatrosu · 24 dk · İlk yayın: 1987 · TRT Radyo 1</div>
        <div class="notice" role="status"><span aria-hidden="true">⚠</span><span>Bu bölümün yayın hakkı süresi 31 Mart 2024 tarihinde sona erdiği için şu anda dinlenemiyor ve indirilemiyor.</span></div>
        <div class="buttons">
          <button type="button" class="btn btn-primary js-play" disabled aria-disabled="true"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Dinle</button>
          <button type="button" class="btn js-download"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg>İndir</button>
          <button type="button" class="btn js-fav" aria-label="Favorilere ekle" title="Favorilere ekle">♡</button>
          <button type="button" class="btn js-share" aria-label="Paylaş" title="Paylaş">Paylaş</button>
        </div>
      </div>
    </section>
    <p class="desc">Yıllar sonra eski bir konağın tavan arasında bulunan mektuplar, İzmirli bir ailenin unutulmuş sırrını gün yüzüne çıkarır. Arkası Yarın arşivinden, dönemin usta seslendirme sanatçılarıyla hazırlanmış bir radyo tiyatrosu.</p>
    <section class="episodes">
      <h2>Diğer Bölümler</h2>
      <ol>
        <li><button type="button" class="ep-play" data-index="0" aria-label="6. Bölümü dinle"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div class="ep-title">Kayıp Mektuplar – 6. Bölüm<small>24 dk</small></div></li>
        <li class="current"><button type="button" class="ep-play" disabled aria-label="7. Bölüm dinlenemiyor"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div class="ep-title">Kayıp Mektuplar – 7. Bölüm<small>Yayın süresi sona erdi</small></div></li>
        <li><button type="button" class="ep-play" data-index="1" aria-label="8. Bölümü dinle"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div class="ep-title">Kayıp Mektuplar – 8. Bölüm<small>23 dk</small></div></li>
        <li><button type="button" class="ep-play" data-index="2" aria-label="9. Bölümü dinle"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button><div class="ep-title">Kayıp Mektuplar – 9. Bölüm<small>25 dk</small></div></li>
      </ol>
    </section>
  </main>
  <footer><a href="@BASE@/kurumsal">Kurumsal</a><a href="@BASE@/kvkk">KVKK Aydınlatma Metni</a><a href="@BASE@/cerez-politikasi">Çerez Politikası</a><a href="@BASE@/iletisim">İletişim</a><div>© 2024 TRT</div></footer>
</div>
<div class="kvkk" role="dialog" aria-label="Çerez bildirimi" hidden><p>Sitemizde deneyiminizi iyileştirmek için çerezler kullanılmaktadır. Ayrıntılı bilgi için <a href="@BASE@/cerez-politikasi" style="color:#1b6fd0">Çerez Politikası</a>'nı inceleyebilirsiniz.</p><button type="button" class="js-kvkk-ok">Kabul Et</button></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"episode":{"id":"ay-km-07","title":"Kayıp Mektuplar – 7. Bölüm","program":"Arkası Yarın","duration":1440,"audio":null,"isExpired":true,"expireDate":"2024-03-31T23:59:59+03:00","downloadable":false},"otherEpisodes":[{"id":"ay-km-06","title":"Kayıp Mektuplar – 6. Bölüm","audio":"@SITE@/media/trt/arkasi-yarin/kayip-mektuplar/ay-km-06.mp3","isExpired":false},{"id":"ay-km-08","title":"Kayıp Mektuplar – 8. Bölüm","audio":"@SITE@/media/trt/arkasi-yarin/kayip-mektuplar/ay-km-08.mp3","isExpired":false},{"id":"ay-km-09","title":"Kayıp Mektuplar – 9. Bölüm","audio":"@SITE@/media/trt/arkasi-yarin/kayip-mektuplar/ay-km-09.mp3","isExpired":false}]}},"page":"/podcast/[program]/[episode]","query":{"program":"arkasi-yarin","episode":"kayip-mektuplar-7-bolum"},"buildId":"trt-dinle-4.12.0","isFallback":false,"gssp":true}</script>
<script src="@BASE@/_next/static/chunks/pages/podcast/episode-2c7e9b14.js" defer></script>
</body>
</html>
"##;

const TRT_JS: &str = r##"(function () {
  'use strict';
  var props = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps;
  var audio = new Audio();
  audio.preload = 'none';
  function player(title) {
    var bar = document.querySelector('.player');
    if (!bar) {
      bar = document.createElement('div'); bar.className = 'player';
      bar.innerHTML = '<button type="button" class="btn js-toggle" aria-label="Duraklat">❚❚</button><strong></strong>';
      document.body.appendChild(bar);
      bar.querySelector('.js-toggle').addEventListener('click', function () {
        if (audio.paused) { audio.play().catch(function () {}); this.textContent = '❚❚'; this.setAttribute('aria-label', 'Duraklat'); }
        else { audio.pause(); this.textContent = '▶'; this.setAttribute('aria-label', 'Oynat'); }
      });
    }
    bar.querySelector('strong').textContent = title;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.ep-play[data-index]'), function (button) {
    button.addEventListener('click', function () {
      var ep = props.otherEpisodes[Number(button.getAttribute('data-index'))];
      audio.setAttribute('src', ep.audio);
      audio.play().catch(function () {});
      player(ep.title);
    });
  });
  function modal(html) {
    var backdrop = document.createElement('div');
    backdrop.className = 'modal-backdrop';
    backdrop.innerHTML = '<div class="modal" role="dialog" aria-modal="true">' + html + '<button type="button" class="btn js-close" style="margin:0 auto">Kapat</button></div>';
    document.body.appendChild(backdrop);
    backdrop.querySelector('.js-close').addEventListener('click', function () { backdrop.remove(); });
    backdrop.addEventListener('click', function (e) { if (e.target === backdrop) { backdrop.remove(); } });
  }
  document.querySelector('.js-download').addEventListener('click', function () {
    if (props.episode.isExpired) {
      modal('<h2>Bu bölüm indirilemiyor</h2><p>Yayın hakkı süresi dolan içerikler dinlenemez ve indirilemez. Diğer bölümleri çevrimdışı dinlemek için TRT Dinle uygulamasını kullanabilirsiniz.</p>' +
        '<div class="stores"><a href="@BASE@/app/trt-dinle-app-store" target="_blank">App Store\'dan İndir</a><a href="@BASE@/app/trt-dinle-google-play" target="_blank">Google Play\'den İndir</a></div>');
    }
  });
  document.querySelector('.js-fav').addEventListener('click', function () { modal('<h2>Giriş yapın</h2><p>Favorilerinize eklemek için TRT hesabınızla giriş yapın.</p>'); });
  document.querySelector('.js-share').addEventListener('click', function () {
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); }
    this.textContent = 'Bağlantı kopyalandı';
  });
  var kvkk = document.querySelector('.kvkk');
  if (document.cookie.indexOf('trt_cerez=') === -1) { kvkk.hidden = false; }
  kvkk.querySelector('.js-kvkk-ok').addEventListener('click', function () { document.cookie = 'trt_cerez=1; path=/; max-age=31536000'; kvkk.hidden = true; });
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn origins() -> super::super::Origins {
        super::super::Origins {
            site: "http://127.0.0.1:1".into(),
            player: "http://localhost:2".into(),
        }
    }

    #[test]
    fn slugs_are_new_and_every_page_answers() {
        let others: Vec<CorpusPage> = super::super::pages()
            .into_iter()
            .filter(|p| p.set != CorpusSet::SecondHeldOut)
            .collect();
        let origins = origins();
        let headers = HeaderMap::new();
        for (i, page) in PAGES.iter().enumerate() {
            assert_eq!(page.set, CorpusSet::SecondHeldOut);
            assert!(!page.imitates.is_empty());
            assert!(
                !PAGES[..i].iter().any(|p| p.slug == page.slug)
                    && !others.iter().any(|p| p.slug == page.slug),
                "{} twice",
                page.slug
            );
            assert!(
                page.slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} is not kebab-case",
                page.slug
            );
            let request = CorpusRequest {
                slug: page.slug,
                rest: "",
                query: None,
                headers: &headers,
                origins: &origins,
                on_player_host: false,
            };
            assert!(
                super::super::respond(&request).is_some(),
                "{} has no page",
                page.slug
            );
        }
        let recoverable = PAGES
            .iter()
            .filter(|p| p.expected != CorpusExpect::AwaitingHuman)
            .count();
        assert_eq!((PAGES.len(), recoverable), (12, 9));
    }

    #[test]
    fn templates_write_no_other_host() {
        let all = [
            PODBEAN_PAGE,
            PODBEAN_OTHER,
            WEBFLOW_JS,
            PODBEAN_PLAYER,
            PODBEAN_PLAYER_JS,
            PODBEAN_JSON,
            SHOPIFY_PAGE,
            AUDIOBOOM_PROPS,
            AUDIOBOOM_EMBED,
            AUDIOBOOM_JS,
            IVOOX_PAGE,
            IVOOX_OTHER,
            IVOOX_JS,
            DIDOMI_JS,
            DLF_PAGE,
            DLF_JS,
            ROZHLAS_PAGE,
            ROZHLAS_JS,
            MENIGHET_PAGE,
            MENIGHET_OTHER,
            MENIGHET_VIDEO,
            UNIVERSITY_PAGE,
            UNIVERSITY_TRANSCRIPT,
            FIRESIDE_PAGE,
            FIRESIDE_PLAYER,
            FIRESIDE_RSS,
            CREATORS_BLOG_PAGE,
            CREATORS_EMBED,
            CREATORS_API,
            DR_PAGE,
            DR_JS,
            GHOST_PAGE,
            GHOST_FREE_EPISODE,
            GHOST_PORTAL_JS,
            TRT_PAGE,
            TRT_JS,
        ];
        for template in all {
            for (at, _) in template.match_indices("://") {
                let before = &template[..at];
                assert!(
                    before.ends_with("@SITE@")
                        || before.ends_with("@PLAYER@")
                        || before.ends_with("@BASE@")
                        || before.ends_with("@PBASE@"),
                    "a foreign URL near: {}",
                    &template[at.saturating_sub(60)..(at + 40).min(template.len())]
                );
            }
            assert!(!template.contains("//www."), "protocol-relative host");
        }
    }
}
