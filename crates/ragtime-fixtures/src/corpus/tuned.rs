//! Corpus pages used to tune the agent. Each page names, in a comment, the real
//! publisher and markup it imitates, and marks what is synthetic.
//!
//! Pages are written as templates: `%SITE%` and `%PLAYER%` stand for the two origins
//! (see [`fill`]), so no page ever names a host of its own. The research behind the
//! markup is in the project's notes on podcast markup (hosted players, broadcasters,
//! consent managers, tracking prefixes, single-page apps).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::kit::{html, javascript, json, redirect};
use super::{CorpusExpect, CorpusPage, CorpusRequest, CorpusSet};

use CorpusExpect::{AwaitingHuman, PlayerAudio, SiteAudio};

/// The pages of this set.
pub const PAGES: &[CorpusPage] = &[
    CorpusPage {
        slug: "powerpress-post",
        imitates: "a WordPress post with the Blubrry PowerPress player and its download link",
        expected: SiteAudio("/media/powerpress/ep-212.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "podigee-script-embed",
        imitates: "Podigee: script.podigee-podcast-player with data-configuration pointing to the episode's embed JSON; the script replaces itself with the player iframe, whose config is postMessage'd; icon-only Play and 'Download episode' buttons, download links rewritten to source=webplayer-download",
        expected: PlayerAudio("/media/podigee/podcast_17236_episode_1184502.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "buzzsprout-div-script",
        imitates: "Buzzsprout: div#buzzsprout-player-<id> plus the episode .js?container_id= script, which writes the small-player iframe; the player's <audio src> is the episode .mp3 URL that redirects to the file",
        expected: PlayerAudio(
            "/media/buzzsprout/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6NDUxMjA4Nzd9fQ/10330506-itai-lang-samplenet.mp3",
        ),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "libsyn-iframe",
        imitates: "Libsyn: html5-player path-parameter iframe (/embed/episode/id/<n>/height/90/...) whose HTML holds var playlistItem = {media_url, download_link, ...} (PHP-escaped slashes) and a download icon",
        expected: PlayerAudio("/media/libsyn/secure/acrossthepond/ATP_2024_03_09.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "simplecast-vue",
        imitates: "a Simplecast-hosted show site (Vue, data-v-* attributes): <audio preload=none> without src until Play, icon-only aria-label=Play buttons, 'Speed Rate 1x', the MP3 only behind an unlabeled share-row icon link among href=# share links",
        expected: PlayerAudio(
            "/media/simplecast/audio/0b9f2c1a-5e1d-4c38-a7f4-2e8f3b6a9d10/episodes/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33/audio/ae4d2b19-0c7f-4e3a-9b18-52d6f1c0e7a4/default_tc.mp3",
        ),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "megaphone-tracking-prefix",
        imitates: "a news publisher embedding player.megaphone.fm/<ID>: the player fetches playlist/episode/<ID> JSON on Play and streams episodeUrlHRef, a Podtrac -> Chartable -> Podsights prefix chain ending at traffic.megaphone.fm/<ID>.mp3",
        expected: PlayerAudio("/media/megaphone/VMP5489734702.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "transistor-embed",
        imitates: "a Ghost blog embedding share.transistor.fm/e/<id>: the embed's #embed-player carries the episode JSON (trackable_media_url behind OP3 and Podtrac prefixes); a More menu has 'Download Episode'",
        expected: PlayerAudio("/media/transistor/e83b42d0/9e93424b.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "acast-embed",
        imitates: "play.acast.com episode page (React, react-helmet metas, styled-components) with the embed.acast.com player iframe; og:audio and og:audio:secure_url disagree (caffeine vs caffeiner) and only og:audio works",
        expected: PlayerAudio("/media/acast/saywhytodrugs/caffeine/media.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "ard-audiothek-de",
        imitates: "ARD Audiothek episode page (Next.js, __NEXT_DATA__ with audios[].url/downloadUrl/allowDownload); the ⋮ 'Weitere Optionen' menu with 'Herunterladen' is synthetic (no captured markup), as is the 'App herunterladen' decoy",
        expected: PlayerAudio("/media/ard/download/podcasts/2024/03/12/AU-20240312-1015-4200.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "radio-france-fr",
        imitates: "Radio France episode page (SvelteKit classes, JSON-LD AudioObject contentUrl) behind a Didomi notice (#didomi-host, #didomi-notice-agree-button 'Accepter & Fermer'); the 'Plus d'options' menu with 'Télécharger' is synthetic",
        expected: PlayerAudio(
            "/media/radiofrance/podcast09/13957-17.01.2024-ITEMA_23627455-2024C32521S0017-21.mp3",
        ),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "rtve-es",
        imitates: "RTVE Play audio page (/play/audios/<program>/<slug>/<id>/); the 'Más opciones' button revealing 'Descargar' and the JSON the player reads are synthetic (RTVE really hides media URLs in a PNG)",
        expected: PlayerAudio("/media/rtve/resources/TE_SCIENC/mp3/4/2/1710238123424.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "onetrust-overlay",
        imitates: "a newspaper podcast page whose Omny Studio embed is blocked by OneTrust (iframe.optanon-category-C0004 with data-src) under the OneTrust banner and dark filter (#onetrust-accept-btn-handler 'Accept All Cookies'); the Omny embed is Next.js with clip.AudioUrl behind Chartable",
        expected: PlayerAudio(
            "/media/omny/d/clips/aaea4e69-af51-495e-afc9-a9760146922b/b6ae7b3e-0b43-4c4b-8a5a-b0f000e1c2d1/9d7f1e52-3c4a-4f1e-9a7b-b11a00c3d4e5/audio.mp3",
        ),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "usercentrics-shadow",
        imitates: "Usercentrics v2 CMP in an open shadow root (#usercentrics-root, data-testid=uc-accept-all-button 'Accept All', uc-deny-all-button) over a site whose own player is blocked until consent (dialog wording and the placeholder are synthetic)",
        expected: SiteAudio("/media/bundesliga-breakdown/bb-077-the-press-resistant-midfield.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "sourcepoint-iframe",
        imitates: "a German news site with the Sourcepoint message iframe (#sp_message_container_<id> > iframe title='SP Consent Message', fixed, z-index 2147483647; sp_choice_type_11 'Zustimmen', sp_choice_type_9 Pur-Abo) over a podcast article; the German wording is plausible, not captured",
        expected: SiteAudio("/media/rheinblatt/podcast/der-morgen-2024-03-14.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "nextjs-late-player",
        imitates: "a Next.js podcast-network site: __NEXT_DATA__ without the audio, a player component that mounts ~1.5 s after load from an API call and renders <audio src> behind Podsights and Chartable prefixes (site and API are synthetic, modeled on Omny/Spotify Next.js pages)",
        expected: SiteAudio("/media/lumen/shows/deep-water/episodes/dw-0412.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "nuxt-state",
        imitates: "a Nuxt 2 site (Dutch) with window.__NUXT__=(function(a,b,...){...}(...)) holding the enclosure with \\u002F-escaped slashes behind OP3, as on WNYC; the player needs Play; the site and its Dutch labels are synthetic",
        expected: SiteAudio("/media/luistertafel/afleveringen/lt-112-de-stille-kracht.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "podlove-web-player",
        imitates: "a German Podlove Publisher (WordPress) blog with Podlove Web Player v5 (div#example + podlovePlayer(selector, episode URL, config URL)); the episode's audio array lists m4a before mp3, and /podlove/file/<id>/s/<source>/c/<context>/ URLs redirect; the files tab 'Episode herunterladen'",
        expected: SiteAudio("/media/podlove/klangwelle/KW043-schallwellentherapie.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "web-component-player",
        imitates: "synthetic, modeled on web-component players: a <podcast-player> custom element whose open shadow root holds the controls and a download link, on an Eleventy-style static site",
        expected: SiteAudio("/media/the-sidebar/the-sidebar-042.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "lazy-iframe",
        imitates: "a long magazine feature with show notes, photos and transcript, and a Captivate player iframe (player.captivate.fm/episode/<uuid>, loading=lazy) at the very end; the player's <audio class=player-audio><source src> holds the MP3",
        expected: PlayerAudio(
            "/media/captivate/4e1b7c2a-8d3f-4a6e-b5c9-0f2d1e3a4b5c/field-notes-ep-19-the-salt-marsh.mp3",
        ),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "soundcloud-embed",
        imitates: "a community-radio blog with the w.soundcloud.com/player/?url= widget iframe; the widget resolves the track JSON (media.transcodings with hls and progressive API endpoints) and fetches the signed stream URL only when its icon-only title=Play button is pressed, playing it in a detached Audio object",
        expected: PlayerAudio("/media/soundcloud/Wx3kPq9bV2sL.128.mp3"),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "no-audio-article",
        imitates: "a WordPress podcast blog post announcing next week's episode: Subscribe/Share buttons, a player placeholder 'Episode not yet available', links to older episodes (which have their own MP3s)",
        expected: AwaitingHuman,
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "login-wall",
        imitates: "a members-only episode on a Supercast/Patreon-style paid feed: 'Log in to listen', 'Subscribe', a player whose audio API answers 401",
        expected: AwaitingHuman,
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "hls-only",
        imitates: "BBC Sounds play page (window.__PRELOADED_STATE__ programmes.current, mediaselector JSON) whose player only gets an HLS .m3u8, with a 'Download in the BBC Sounds app' decoy and the bbccookies banner",
        expected: AwaitingHuman,
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "icon-only-download",
        imitates: "a WNYC Studios-style episode page (PrimeVue): the only download control is button.player-download-icon[aria-label=Download] > i.pi.pi-download with no href, which creates an <a download> for the Podscribe/Chartable/Spotify/Podtrac-prefixed MP3; a 'Download our app' decoy; the station and its API are synthetic",
        expected: SiteAudio(
            "/media/wkrv/soundcheck/episodes/the-unsung-engineers/audio/128/default.mp3",
        ),
        set: CorpusSet::Tuned,
    },
    CorpusPage {
        slug: "iframe-in-iframe",
        imitates: "a Medium-style blog post with an Embedly wrapper iframe (widgets/media.html?src=...&schema=spreaker) that embeds the Spreaker widget iframe; the widget fetches the episode from the API and shows the audio only after its 'Listen' button",
        expected: PlayerAudio(
            "/media/spreaker/download/episode/57211391/ep-14-the-night-the-lights-came-back.mp3",
        ),
        set: CorpusSet::Tuned,
    },
];

/// Answers a request for one of this set's pages or its resources; `None` when the slug is
/// not one of them.
pub fn respond(request: &CorpusRequest<'_>) -> Option<Response> {
    if !PAGES.iter().any(|page| page.slug == request.slug) {
        return None;
    }
    // Resource paths are compared without a trailing slash (`player/`, `.../87A93A/`).
    let rest = request.rest.trim_end_matches('/');
    if !rest.is_empty() && is_image(rest) {
        return Some(artwork(request.slug, rest));
    }
    let host = request.on_player_host;
    match request.slug {
        "powerpress-post" => powerpress_post(request, rest, host),
        "podigee-script-embed" => podigee_script_embed(request, rest, host),
        "buzzsprout-div-script" => buzzsprout_div_script(request, rest, host),
        "libsyn-iframe" => libsyn_iframe(request, rest, host),
        "simplecast-vue" => simplecast_vue(request, rest, host),
        "megaphone-tracking-prefix" => megaphone_tracking_prefix(request, rest, host),
        "transistor-embed" => transistor_embed(request, rest, host),
        "acast-embed" => acast_embed(request, rest, host),
        "ard-audiothek-de" => ard_audiothek_de(request, rest, host),
        "radio-france-fr" => radio_france_fr(request, rest, host),
        "rtve-es" => rtve_es(request, rest, host),
        "onetrust-overlay" => onetrust_overlay(request, rest, host),
        "usercentrics-shadow" => usercentrics_shadow(request, rest, host),
        "sourcepoint-iframe" => sourcepoint_iframe(request, rest, host),
        "nextjs-late-player" => nextjs_late_player(request, rest, host),
        "nuxt-state" => nuxt_state(request, rest, host),
        "podlove-web-player" => podlove_web_player(request, rest, host),
        "web-component-player" => web_component_player(request, rest, host),
        "lazy-iframe" => lazy_iframe(request, rest, host),
        "soundcloud-embed" => soundcloud_embed(request, rest, host),
        "no-audio-article" => no_audio_article(request, rest, host),
        "login-wall" => login_wall(request, rest, host),
        "hls-only" => hls_only(request, rest, host),
        "icon-only-download" => icon_only_download(request, rest, host),
        "iframe-in-iframe" => iframe_in_iframe(request, rest, host),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------
// Helpers

/// Writes the origins (and a few shared icons) into a template:
/// `%SITE%`, `%PLAYER%`; `%SITE_U002F%` (slashes as `\u002F`, as Nuxt writes them);
/// `%PLAYER_JSON%` (slashes as `\/`, as PHP's `json_encode` writes them);
/// `%SITE_ENC%`, `%PLAYER_ENC%` (percent-encoded for a query parameter);
/// `%ICON_*%` inline SVG icons (Material icon paths).
fn fill(template: &str, request: &CorpusRequest<'_>) -> String {
    let site = &request.origins.site;
    let player = &request.origins.player;
    template
        .replace("%SITE_U002F%", &site.replace('/', "\\u002F"))
        .replace("%PLAYER_JSON%", &player.replace('/', "\\/"))
        .replace("%SITE_ENC%", &percent_encode(site))
        .replace("%PLAYER_ENC%", &percent_encode(player))
        .replace("%SITE%", site)
        .replace("%PLAYER%", player)
        .replace("%ICON_PLAY%", ICON_PLAY)
        .replace("%ICON_PAUSE%", ICON_PAUSE)
        .replace("%ICON_DOWNLOAD%", ICON_DOWNLOAD)
        .replace("%ICON_MORE_V%", ICON_MORE_V)
        .replace("%ICON_MORE_H%", ICON_MORE_H)
        .replace("%ICON_SHARE%", ICON_SHARE)
        .replace("%ICON_BOOKMARK%", ICON_BOOKMARK)
}

const ICON_PLAY: &str = r#"<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8 5v14l11-7z"/></svg>"#;
const ICON_PAUSE: &str = r#"<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 19h4V5H6v14zm8-14v14h4V5h-4z"/></svg>"#;
const ICON_DOWNLOAD: &str = r#"<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z"/></svg>"#;
const ICON_MORE_V: &str = r#"<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z"/></svg>"#;
const ICON_MORE_H: &str = r#"<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 10c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm12 0c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm-6 0c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z"/></svg>"#;
const ICON_SHARE: &str = r#"<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81 1.66 0 3-1.34 3-3s-1.34-3-3-3-3 1.34-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9c-1.66 0-3 1.34-3 3s1.34 3 3 3c.79 0 1.5-.31 2.04-.81l7.12 4.16c-.05.21-.08.43-.08.65 0 1.61 1.31 2.92 2.92 2.92s2.92-1.31 2.92-2.92-1.31-2.92-2.92-2.92z"/></svg>"#;
const ICON_BOOKMARK: &str = r#"<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M17 3H7c-1.1 0-1.99.9-1.99 2L5 21l7-3 7 3V5c0-1.1-.9-2-2-2z"/></svg>"#;

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn page(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(html(fill(template, request)))
}

fn script(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(javascript(fill(template, request)))
}

fn data(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(json(fill(template, request)))
}

/// JSON for a cross-site `fetch`, with the CORS header the real API sends.
fn data_cors(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(
        (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            ],
            fill(template, request),
        )
            .into_response(),
    )
}

/// A JSON error with its status (401 from a paywalled API, 404 from a file host).
fn data_status(code: StatusCode, body: &str) -> Option<Response> {
    Some(
        (
            code,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body.to_string(),
        )
            .into_response(),
    )
}

/// A 302 to `{origin}{path}`, for file hosts that redirect to their CDN.
fn moved(origin: &str, path: &str) -> Option<Response> {
    Some(redirect(&format!("{origin}{path}")))
}

fn is_image(rest: &str) -> bool {
    [".jpg", ".jpeg", ".png", ".webp", ".svg"]
        .iter()
        .any(|ext| rest.ends_with(ext))
}

/// Cover art and photos: a plain SVG square, its colour taken from the path.
fn artwork(slug: &str, rest: &str) -> Response {
    let hash = rest
        .bytes()
        .chain(slug.bytes())
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let hue = hash % 360;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"600\" viewBox=\"0 0 600 600\">\
         <rect width=\"600\" height=\"600\" fill=\"hsl({hue},45%,38%)\"/>\
         <circle cx=\"300\" cy=\"270\" r=\"150\" fill=\"hsl({hue},55%,62%)\"/>\
         <rect x=\"120\" y=\"470\" width=\"360\" height=\"28\" rx=\"14\" fill=\"hsl({hue},30%,85%)\"/></svg>"
    );
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "max-age=86400"),
        ],
        svg,
    )
        .into_response()
}

// ---------------------------------------------------------------------------------
// powerpress-post

fn powerpress_post(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    let site = &request.origins.site;
    match (rest, host) {
        // WordPress + Blubrry PowerPress: the [audio] shortcode player and the
        // "Podcast: Play in new window | Download" line under it.
        ("", false) => Some(html(format!(
            r#"<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Episode 212: Field Recordings &#8211; The Quiet Hour</title></head>
<body class="post-template-default single single-post">
<article class="post type-post status-publish format-standard hentry category-podcast">
<header class="entry-header"><h1 class="entry-title">Episode 212: Field Recordings</h1></header>
<div class="entry-content">
<p>This week we walk through the forest with a pair of microphones.</p>
<div class="powerpress_player" id="powerpress_player_4521"><!--[if lt IE 9]><script>document.createElement('audio');</script><![endif]-->
<audio class="wp-audio-shortcode" id="audio-1871-1" preload="none" style="width: 100%;" controls="controls"><source type="audio/mpeg" src="{site}/media/powerpress/ep-212.mp3?_=1" /><a href="{site}/media/powerpress/ep-212.mp3">{site}/media/powerpress/ep-212.mp3</a></audio></div>
<p class="powerpress_links powerpress_links_mp3" style="margin-bottom: 1px !important;">Podcast: <a href="{site}/media/powerpress/ep-212.mp3" class="powerpress_link_pinw" target="_blank" title="Play in new window" rel="nofollow">Play in new window</a> | <a href="{site}/media/powerpress/ep-212.mp3" class="powerpress_link_d" title="Download" rel="nofollow" download="ep-212.mp3">Download</a></p>
</div></article></body></html>"#
        ))),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------
// podigee-script-embed
//
// Imitates Podigee's published embed: `<script class="podigee-podcast-player"
// src=".../podcast-player/javascripts/podigee-podcast-player.js"
// data-configuration="https://<sub>.podigee.io/<n>-<slug>/embed?context=external">`.
// embed.coffee replaces the script with `iframe#<hash>` (src
// `podigee-podcast-player.html?id=..&iframeMode=script`) and answers the iframe's
// `{listenTo: 'sendConfig'}` message with `{json_config: <url>}`; the player then loads
// the JSON (`episode.media.{mp3,m4a}` with `source=webplayer`). The download extension
// (`button.download-button[title="Download episode"]`, panel `div.download >
// ul.download-links`) rewrites `source=\w*` to `source=webplayer-download`. The CDN
// and the podigee.io host are both the player host here; the company site is synthetic.

fn podigee_script_embed(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(PODIGEE_PAGE, request),
        ("podcast-player/javascripts/podigee-podcast-player.js", true) => {
            script(PODIGEE_EMBED_JS, request)
        }
        ("podcast-player/podigee-podcast-player.html", true) => page(PODIGEE_IFRAME, request),
        ("31-shipping-on-fridays/embed", true) => data(PODIGEE_CONFIG, request),
        _ => None,
    }
}

const PODIGEE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build &amp; Break #31: Shipping on Fridays | Stackwerk Engineering Blog</title>
<meta name="description" content="Why we deploy on Fridays, what broke the one time it went wrong, and how feature flags changed our release rhythm. Episode 31 of Build &amp; Break.">
<link rel="canonical" href="%SITE%/corpus/podigee-script-embed">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Stackwerk Engineering Blog">
<meta property="og:title" content="Build &amp; Break #31: Shipping on Fridays">
<meta property="og:image" content="%SITE%/corpus/podigee-script-embed/assets/images/podcast/build-and-break-31.jpg">
<meta name="twitter:card" content="summary_large_image">
<style>
body{margin:0;font-family:Inter,system-ui,-apple-system,Segoe UI,sans-serif;color:#1d2330;background:#fafafa}
.site-header{background:#10131a;color:#fff;padding:14px 0}
.wrap{max-width:760px;margin:0 auto;padding:0 20px}
.site-header .wrap{display:flex;align-items:center;justify-content:space-between}
.site-header a{color:#d9e1ff;text-decoration:none;margin-left:18px;font-size:15px}
.logo{font-weight:800;letter-spacing:.02em;color:#fff!important;margin-left:0!important}
.kicker{text-transform:uppercase;font-size:12px;letter-spacing:.12em;color:#6b5cff;font-weight:700;margin-top:40px}
h1{font-size:38px;line-height:1.15;margin:8px 0 12px}
.byline{color:#5a6275;font-size:14px;margin-bottom:28px}
.podigee-podcast-player{margin:8px 0 28px}
article p,article li{font-size:17px;line-height:1.65}
.subscribe{display:flex;gap:10px;flex-wrap:wrap;margin:18px 0}
.subscribe a{border:1px solid #c9cfdd;border-radius:20px;padding:6px 14px;color:#1d2330;text-decoration:none;font-size:14px}
.tags a{color:#6b5cff;margin-right:8px}
footer{margin-top:60px;background:#10131a;color:#9aa3b5;padding:30px 0;font-size:14px}
footer a{color:#c4cbe0}
</style>
</head>
<body class="post-template tag-podcast">
<header class="site-header"><div class="wrap">
<a class="logo" href="%SITE%/corpus/podigee-script-embed/">stackwerk</a>
<nav><a href="%SITE%/corpus/podigee-script-embed/blog/">Blog</a><a href="%SITE%/corpus/podigee-script-embed/podcast/">Podcast</a><a href="%SITE%/corpus/podigee-script-embed/careers/">Careers</a><a href="%SITE%/corpus/podigee-script-embed/contact/">Contact</a></nav>
</div></header>
<main class="wrap">
<article class="post">
<p class="kicker">Build &amp; Break · Episode 31</p>
<h1>Shipping on Fridays</h1>
<p class="byline">12 March 2024 · 41 min · Lena Vogt and Jonas Kehl</p>

<script class="podigee-podcast-player" src="%PLAYER%/corpus/podigee-script-embed/podcast-player/javascripts/podigee-podcast-player.js" data-configuration="%PLAYER%/corpus/podigee-script-embed/31-shipping-on-fridays/embed?context=external"></script>

<p>"Never deploy on a Friday" is one of those rules everyone repeats and nobody questions. In this episode Lena and Jonas explain why our platform team ships more on Fridays than on any other day, what happened on the one Friday in 2023 when a release did take down checkout for eleven minutes, and which guard rails we put in place afterwards.</p>
<h2>In this episode</h2>
<ul>
<li>00:00 – Intro and the famous tweet</li>
<li>04:12 – What "deploy" even means when everything is behind a flag</li>
<li>13:40 – The 11-minute checkout outage, minute by minute</li>
<li>24:05 – Canary releases with a 2% cohort</li>
<li>33:18 – On-call, weekends and why nobody got paged</li>
<li>38:50 – Listener question: do you freeze deploys in December?</li>
</ul>
<h2>Links</h2>
<ul>
<li><a href="%SITE%/corpus/podigee-script-embed/blog/feature-flags-at-scale">Feature flags at scale (our blog post from 2022)</a></li>
<li><a href="%SITE%/corpus/podigee-script-embed/blog/postmortem-checkout-2023-06">Postmortem: checkout outage, June 2023</a></li>
<li><a href="%SITE%/corpus/podigee-script-embed/careers/">We're hiring platform engineers in Berlin and Lisbon</a></li>
</ul>
<h3>Subscribe to Build &amp; Break</h3>
<div class="subscribe">
<a href="%PLAYER%/corpus/podigee-script-embed/subscribe/apple">Apple Podcasts</a>
<a href="%PLAYER%/corpus/podigee-script-embed/subscribe/spotify">Spotify</a>
<a href="%PLAYER%/corpus/podigee-script-embed/feed/mp3">RSS</a>
</div>
<p class="tags">Tags: <a href="%SITE%/corpus/podigee-script-embed/tag/podcast/">podcast</a><a href="%SITE%/corpus/podigee-script-embed/tag/release-engineering/">release engineering</a><a href="%SITE%/corpus/podigee-script-embed/tag/culture/">culture</a></p>
<p>Previous episode: <a href="%SITE%/corpus/podigee-script-embed/podcast/30-the-monorepo-question">#30 The monorepo question</a></p>
</article>
</main>
<footer><div class="wrap">© 2024 Stackwerk GmbH · <a href="%SITE%/corpus/podigee-script-embed/imprint">Imprint</a> · <a href="%SITE%/corpus/podigee-script-embed/privacy">Privacy</a></div></footer>
</body>
</html>
"##;

const PODIGEE_EMBED_JS: &str = r##"/*! podigee-podcast-player embed */
(function () {
  'use strict';
  function IframeResizer(iframe) {
    window.addEventListener('message', function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (!data || data.id !== iframe.id || data.listenTo !== 'resizePlayer') return;
      iframe.style.height = data.height + 'px';
    }, false);
  }
  function randomId(string) {
    var hash = 0;
    for (var i = 0; i < string.length; i++) {
      hash = ((hash << 5) - hash) + string.charCodeAt(i);
      hash = hash & hash;
    }
    return 'pdg-' + Math.abs(hash).toString(16);
  }
  function Iframe(elem) {
    var config = elem.getAttribute('data-configuration').replace(/\s/g, '');
    var self = this;
    this.id = randomId(config);
    if (config.match(/^{/)) {
      this.configuration = JSON.parse(config);
    } else {
      this.configuration = window[config] || { json_config: config };
    }
    this.configuration.parentLocationHash = window.location.hash;
    this.configuration.embedCode = elem.outerHTML;
    var origin = elem.src.match(/(^.*\/)/)[0].replace(/javascripts\/$/, '').replace(/\/$/, '');
    this.iframe = document.createElement('iframe');
    this.iframe.id = this.id;
    this.iframe.scrolling = 'no';
    this.iframe.title = 'Podcast';
    this.iframe.setAttribute('aria-label', 'Podcast');
    this.iframe.src = origin + '/podigee-podcast-player.html?id=' + this.id + '&iframeMode=script';
    this.iframe.style.border = '0';
    this.iframe.style.overflowY = 'hidden';
    this.iframe.style.transition = 'height 100ms linear';
    this.iframe.style.height = '176px';
    this.iframe.width = '100%';
    this.iframe.className += elem.className;
    new IframeResizer(this.iframe);
    window.addEventListener('message', function (event) {
      var eventData;
      try { eventData = JSON.parse(event.data); } catch (e) { return; }
      if (!eventData || eventData.id !== self.iframe.id || eventData.listenTo !== 'sendConfig') return;
      self.iframe.contentWindow.postMessage(JSON.stringify(self.configuration), '*');
    }, false);
    elem.parentNode.replaceChild(this.iframe, elem);
  }
  var players = [];
  var elems = document.querySelectorAll('script.podigee-podcast-player, div.podigee-podcast-player');
  for (var i = 0; i < elems.length; i++) players.push(new Iframe(elems[i]));
  window.podigeePodcastPlayers = players;
})();
"##;

const PODIGEE_CONFIG: &str = r##"{"options":{"theme":"default","themeCss":null,"customStyle":null,"startPanel":null,"sslProxy":null,"iframeMode":"script"},"extensions":{"ChapterMarks":{"showOnStart":false},"EpisodeInfo":{"showOnStart":false},"Playlist":{"showOnStart":false,"disabled":false},"Transcript":{"showOnStart":false},"Download":{"showOnStart":false}},"podcast":{"id":17236,"title":"Build & Break","subtitle":"Engineering stories from the Stackwerk platform team","language":"en","feed":"%PLAYER%/corpus/podigee-script-embed/feed/mp3","connections":{"itunes":"%PLAYER%/corpus/podigee-script-embed/subscribe/apple","spotify":"%PLAYER%/corpus/podigee-script-embed/subscribe/spotify"}},"episode":{"media":{"mp3":"%PLAYER%/media/podigee/podcast_17236_episode_1184502.mp3?v=1710230400&source=webplayer","m4a":"%PLAYER%/media/podigee/podcast_17236_episode_1184502.m4a?v=1710230400&source=webplayer"},"coverUrl":"%PLAYER%/corpus/podigee-script-embed/images/podcast_17236_episode_1184502_cover.jpg","title":"Shipping on Fridays","subtitle":"Why we deploy on Fridays and what broke the one time it went wrong","number":31,"duration":2468,"published_at":"2024-03-12T05:00:00.000Z","url":"%SITE%/corpus/podigee-script-embed","description":"<p>Lena and Jonas on Friday deploys, feature flags, canaries and the 11-minute checkout outage.</p>","chaptermarks":[{"start":"00:00:00","title":"Intro"},{"start":"00:04:12","title":"What deploy means behind flags"},{"start":"00:13:40","title":"The checkout outage"},{"start":"00:24:05","title":"Canary releases"},{"start":"00:33:18","title":"On-call and weekends"},{"start":"00:38:50","title":"Listener question"}],"transcript":null}}"##;

const PODIGEE_IFRAME: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Podigee Podcast Player</title>
<style>
*{box-sizing:border-box}
body{margin:0;font-family:"Helvetica Neue",Arial,sans-serif;font-size:14px;color:#333;background:#fff}
.podigee-podcast-player{border:1px solid #e2e2e2;border-radius:6px;overflow:hidden}
.main-player{display:flex;padding:12px;gap:12px;align-items:center}
.cover-image{width:120px;height:120px;border-radius:4px;background:#ddd;flex:none}
.player-body{flex:1;min-width:0}
.podcast-title{font-size:12px;color:#888;text-transform:uppercase;letter-spacing:.05em}
.episode-title{font-size:17px;font-weight:700;margin:2px 0 10px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.controls{display:flex;align-items:center;gap:6px}
.controls button,.panel-buttons button{border:0;background:none;cursor:pointer;color:#444;padding:6px;border-radius:50%;line-height:0}
.controls .play-button{background:#ff6a4d;color:#fff;width:44px;height:44px;display:inline-flex;align-items:center;justify-content:center}
.speed-toggle{font-size:12px!important;line-height:1!important;border:1px solid #ccc!important;border-radius:10px!important;padding:3px 7px!important}
.progress-bar{display:flex;align-items:center;gap:8px;font-size:11px;color:#777;margin-top:8px}
.progress-bar .bar{flex:1;height:4px;background:#eee;border-radius:2px}
.progress-bar .played{width:0;height:4px;background:#ff6a4d;border-radius:2px}
.panel-buttons{display:flex;justify-content:flex-end;gap:2px;border-top:1px solid #eee;padding:2px 8px}
.panel{display:none;border-top:1px solid #eee;padding:12px 16px}
.panel.active{display:block}
.panel h3{margin:0 0 8px;font-size:14px}
.download-links{margin:0;padding-left:18px}
.download-links a{color:#ff6a4d}
.chaptermarks li{cursor:pointer}
.loading{padding:40px;text-align:center;color:#999}
</style>
</head>
<body>
<div class="podigee-podcast-player theme-default" id="player"><div class="loading">Loading…</div></div>
<audio id="audio" preload="none"></audio>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var frameId = params.get('id');
  var audio = document.getElementById('audio');
  var root = document.getElementById('player');
  var ICON_PLAY = '%ICON_PLAY%';
  var ICON_PAUSE = '%ICON_PAUSE%';
  var t = {playPause: 'Play', backward: 'Backward 10s', forward: 'Forward 30s', speed: 'Change playback speed',
    episodeInfo: 'Show more info', chaptermarks: 'Show chaptermarks', playlist: 'Show all episodes',
    share: 'Share episode', download: 'Download episode'};

  function post(message) {
    message.id = frameId;
    window.parent.postMessage(JSON.stringify(message), '*');
  }
  function resize() {
    post({listenTo: 'resizePlayer', height: document.body.scrollHeight + 2});
  }
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function fmt(seconds) {
    seconds = Math.floor(seconds || 0);
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }
  function render(config) {
    var episode = config.episode, podcast = config.podcast || {};
    var links = Object.keys(episode.media).map(function (key) {
      var value = episode.media[key];
      var url = value.replace(/source=\w*/g, 'source=webplayer-download');
      var filename = value.substring(value.lastIndexOf('/') + 1).split('?')[0];
      return '<li><a href="' + esc(url) + '" download="' + esc(filename) + '" class="download-link download-link-' + key + '" target="_blank">' + key + '</a></li>';
    }).join('');
    var chapters = (episode.chaptermarks || []).map(function (c) {
      return '<li data-start="' + c.start + '">' + c.start + ' ' + esc(c.title) + '</li>';
    }).join('');
    root.innerHTML =
      '<div class="main-player">' +
        '<img class="cover-image" alt="" src="' + esc(episode.coverUrl) + '">' +
        '<div class="player-body">' +
          '<div class="podcast-title">' + esc(podcast.title || '') + '</div>' +
          '<div class="episode-title">' + esc(episode.title) + '</div>' +
          '<div class="controls">' +
            '<button class="backward-button" title="' + t.backward + '" aria-label="' + t.backward + '"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M11 18V6l-8.5 6 8.5 6zm.5-6l8.5 6V6l-8.5 6z"/></svg></button>' +
            '<button class="play-button" title="' + t.playPause + '" aria-label="' + t.playPause + '">' + ICON_PLAY + '</button>' +
            '<button class="forward-button" title="' + t.forward + '" aria-label="' + t.forward + '"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M4 18l8.5-6L4 6v12zm9-12v12l8.5-6L13 6z"/></svg></button>' +
            '<button class="speed-toggle" title="' + t.speed + '" aria-label="' + t.speed + '">1x</button>' +
          '</div>' +
          '<div class="progress-bar"><span class="time-played">00:00</span><div class="bar"><div class="played"></div></div><span class="time-duration">' + fmt(episode.duration) + '</span></div>' +
        '</div>' +
      '</div>' +
      '<nav class="panel-buttons">' +
        '<button class="episode-info-button" data-panel="episode-info" title="' + t.episodeInfo + '" aria-label="' + t.episodeInfo + '"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"/></svg></button>' +
        '<button class="chaptermarks-button" data-panel="chaptermarks" title="' + t.chaptermarks + '" aria-label="' + t.chaptermarks + '"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M3 13h2v-2H3v2zm0 4h2v-2H3v2zm0-8h2V7H3v2zm4 4h14v-2H7v2zm0 4h14v-2H7v2zM7 7v2h14V7H7z"/></svg></button>' +
        '<button class="playlist-button" data-panel="playlist" title="' + t.playlist + '" aria-label="' + t.playlist + '"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M15 6H3v2h12V6zm0 4H3v2h12v-2zM3 16h8v-2H3v2zM17 6v8.18c-.31-.11-.65-.18-1-.18-1.66 0-3 1.34-3 3s1.34 3 3 3 3-1.34 3-3V8h3V6h-5z"/></svg></button>' +
        '<button class="share-button" data-panel="share" title="' + t.share + '" aria-label="' + t.share + '">%ICON_SHARE%</button>' +
        '<button class="download-button" data-panel="download" title="' + t.download + '" aria-label="' + t.download + '">%ICON_DOWNLOAD%</button>' +
      '</nav>' +
      '<div class="panel episode-info"><h3>' + esc(episode.title) + '</h3><p>' + esc(episode.subtitle || '') + '</p>' + (episode.description || '') + '</div>' +
      '<div class="panel chaptermarks"><h3>Chaptermarks</h3><ul>' + chapters + '</ul></div>' +
      '<div class="panel playlist"><h3>All episodes</h3><ol reversed start="31"><li>' + esc(episode.title) + '</li><li>The monorepo question</li><li>Incident review as a team sport</li></ol></div>' +
      '<div class="panel share"><h3>Share episode</h3><p><a href="#" class="share-link share-link-twitter">Twitter</a> · <a href="#" class="share-link share-link-facebook">Facebook</a> · <a href="#" class="share-link share-link-email">E-Mail</a></p><p>Embed: <input size="40" readonly value="' + esc(config.embedCode || '') + '"></p></div>' +
      '<div class="panel download"><h3 class="download-title">' + t.download + '</h3><div class="icon icon-download"></div><ul class="download-links">' + links + '</ul></div>';

    var playButton = root.querySelector('.play-button');
    playButton.addEventListener('click', function () {
      if (!audio.getAttribute('src')) {
        audio.src = episode.media.mp3;
      }
      if (audio.paused) {
        var started = audio.play();
        if (started && started.catch) started.catch(function () {});
        playButton.innerHTML = ICON_PAUSE;
        playButton.title = 'Pause';
      } else {
        audio.pause();
        playButton.innerHTML = ICON_PLAY;
        playButton.title = t.playPause;
      }
    });
    root.querySelector('.backward-button').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 10); });
    root.querySelector('.forward-button').addEventListener('click', function () { if (audio.duration) audio.currentTime = Math.min(audio.duration, audio.currentTime + 30); });
    var speeds = [1, 1.5, 2, 0.5], speedIndex = 0;
    root.querySelector('.speed-toggle').addEventListener('click', function (event) {
      speedIndex = (speedIndex + 1) % speeds.length;
      audio.playbackRate = speeds[speedIndex];
      event.currentTarget.textContent = speeds[speedIndex] + 'x';
    });
    Array.prototype.forEach.call(root.querySelectorAll('.panel-buttons button'), function (button) {
      button.addEventListener('click', function () {
        var panel = root.querySelector('.panel.' + button.getAttribute('data-panel'));
        var open = panel.classList.contains('active');
        Array.prototype.forEach.call(root.querySelectorAll('.panel'), function (p) { p.classList.remove('active'); });
        if (!open) panel.classList.add('active');
        resize();
      });
    });
    audio.addEventListener('timeupdate', function () {
      root.querySelector('.time-played').textContent = fmt(audio.currentTime);
      root.querySelector('.played').style.width = (100 * audio.currentTime / (episode.duration || 1)) + '%';
    });
    resize();
  }

  window.addEventListener('message', function (event) {
    var configuration;
    try { configuration = JSON.parse(event.data); } catch (e) { return; }
    if (!configuration || !configuration.json_config) return;
    fetch(configuration.json_config, {headers: {accept: 'application/json'}})
      .then(function (response) { return response.json(); })
      .then(function (config) {
        config.embedCode = configuration.embedCode;
        render(config);
      });
  });
  post({listenTo: 'sendConfig'});
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// buzzsprout-div-script
//
// Imitates Buzzsprout's episode embed as published: `<div id="buzzsprout-player-<id>">`
// plus `<script src="https://www.buzzsprout.com/<podcast>/<episode>-<slug>.js?
// container_id=buzzsprout-player-<id>&player=small">`. The script writes the small
// player iframe (`?client_source=small_player&iframe=true`); the player page has
// `<audio src=".../<episode>-<slug>.mp3" data-episode-id data-duration>` and the .mp3
// URL redirects to the stored file (BUM's buzzsprout parser follows that redirect).
// The show site (a music-production podcast on a site builder) is synthetic.

fn buzzsprout_div_script(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(BUZZSPROUT_PAGE, request),
        ("1914034/10330506-itai-lang-samplenet.js", true) => script(BUZZSPROUT_JS, request),
        ("1914034/10330506-itai-lang-samplenet", true) => page(BUZZSPROUT_PLAYER, request),
        ("1914034/10330506-itai-lang-samplenet.mp3", true) => moved(
            &request.origins.player,
            "/media/buzzsprout/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6NDUxMjA4Nzd9fQ/10330506-itai-lang-samplenet.mp3",
        ),
        _ => None,
    }
}

const BUZZSPROUT_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep. 88 – Itai Lang on Samplenet | The Crate Diggers Podcast</title>
<meta name="description" content="Producer and developer Itai Lang on building Samplenet, sample clearance, and why he still buys records.">
<meta property="og:title" content="Ep. 88 – Itai Lang on Samplenet">
<meta property="og:type" content="website">
<meta property="og:image" content="%SITE%/corpus/buzzsprout-div-script/static/episode-88-square.jpg">
<style>
body{margin:0;font-family:"Work Sans",Helvetica,Arial,sans-serif;background:#f3efe7;color:#222}
.top{background:#222;color:#f3efe7;padding:18px 32px;display:flex;justify-content:space-between;align-items:center}
.top a{color:#f3efe7;text-decoration:none;margin-left:22px;font-size:14px;text-transform:uppercase;letter-spacing:.08em}
.brand{font-family:Georgia,serif;font-size:24px;font-style:italic;margin-left:0!important;text-transform:none!important}
.content{max-width:720px;margin:40px auto;padding:0 24px}
h1{font-family:Georgia,serif;font-size:40px;margin:0 0 6px}
.date{color:#7a6f5e;margin-bottom:24px}
.content p{line-height:1.7;font-size:17px}
.cta{display:inline-block;background:#d9480f;color:#fff;padding:10px 18px;border-radius:3px;text-decoration:none;margin:6px 6px 0 0}
.sidebar{background:#fff;padding:16px 20px;margin-top:30px;border-left:4px solid #d9480f}
.foot{text-align:center;font-size:13px;color:#7a6f5e;padding:40px}
</style>
</head>
<body>
<div class="top"><a class="brand" href="%SITE%/corpus/buzzsprout-div-script/">The Crate Diggers</a>
<nav><a href="%SITE%/corpus/buzzsprout-div-script/episodes">Episodes</a><a href="%SITE%/corpus/buzzsprout-div-script/about">About</a><a href="%SITE%/corpus/buzzsprout-div-script/support">Support the show</a></nav></div>
<div class="content">
<h1>Ep. 88 – Itai Lang on Samplenet</h1>
<div class="date">February 6, 2024</div>

<div id="buzzsprout-player-10330506"></div><script charset="utf-8" src="%PLAYER%/corpus/buzzsprout-div-script/1914034/10330506-itai-lang-samplenet.js?container_id=buzzsprout-player-10330506&amp;player=small" type="text/javascript"></script>

<p>Itai Lang has been making beats since his older brother left an MPC in the closet. Today he builds Samplenet, a search engine that tells you where a sample came from before your track gets flagged. We talk about sample clearance, the ethics of chopping obscure library records, and why he still spends every Saturday morning in the crates.</p>
<p>Mentioned in this episode: the 1974 library record that ended up on three platinum albums, the difference between a master and a publishing clearance, and Itai's five-step workflow for crate digging in a city you don't know.</p>
<div class="sidebar">
<strong>Support the show</strong><br>
Crate Diggers is listener supported. Join the Dig Club for bonus episodes and sample packs.<br>
<a class="cta" href="%SITE%/corpus/buzzsprout-div-script/support">Join the Dig Club</a>
<a class="cta" href="%SITE%/corpus/buzzsprout-div-script/merch">Merch</a>
</div>
<p><a href="%SITE%/corpus/buzzsprout-div-script/episodes/87-dilla-time">← Ep. 87 – Dilla Time with Dan Charnas</a></p>
</div>
<div class="foot">© 2024 The Crate Diggers Podcast · Podcast hosted by Buzzsprout</div>
</body>
</html>
"##;

const BUZZSPROUT_JS: &str = r##"(function () {
  var scripts = document.getElementsByTagName('script');
  var me = document.currentScript || scripts[scripts.length - 1];
  var query = me.src.split('?')[1] || '';
  var containerId = 'buzzsprout-player-10330506';
  query.split('&').forEach(function (pair) {
    var kv = pair.split('=');
    if (kv[0] === 'container_id') containerId = decodeURIComponent(kv[1]);
  });
  var container = document.getElementById(containerId);
  if (!container) return;
  container.innerHTML = '<iframe src="%PLAYER%/corpus/buzzsprout-div-script/1914034/10330506-itai-lang-samplenet?client_source=small_player&iframe=true&referrer=' + encodeURIComponent(location.href) + '" loading="lazy" width="100%" height="200" frameborder="0" scrolling="no" title="The Crate Diggers Podcast, Ep. 88 – Itai Lang on Samplenet"></iframe>';
})();
"##;

const BUZZSPROUT_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ep. 88 – Itai Lang on Samplenet - The Crate Diggers Podcast</title>
<meta name="robots" content="noindex">
<style>
body{margin:0;font-family:Helvetica,Arial,sans-serif;background:#fff;color:#222}
.player{display:flex;height:198px;border:1px solid #ddd;border-radius:6px;overflow:hidden}
.player__artwork{width:198px;height:198px;flex:none;background:#333}
.window__info{flex:1;padding:14px 18px;display:flex;flex-direction:column;min-width:0}
.episode__podcast-title{font-size:12px;color:#888;text-transform:uppercase;letter-spacing:.05em}
.episode__title{font-size:18px;font-weight:700;margin:4px 0 10px}
.window__info-details{font-size:12px;color:#888}
.controls{display:flex;align-items:center;gap:10px;margin-top:auto}
.play-button{width:48px;height:48px;border-radius:50%;border:0;background:#d9480f;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.scrubber{flex:1;height:6px;background:#eee;border-radius:3px;position:relative}
.scrubber span{position:absolute;left:0;top:0;bottom:0;width:0;background:#d9480f;border-radius:3px}
.time{font-size:12px;color:#666;font-variant-numeric:tabular-nums}
.links{display:flex;gap:14px;font-size:12px;margin-top:8px}
.links button{border:0;background:none;color:#555;cursor:pointer;padding:0;font-size:12px}
.menu{display:none;font-size:12px;color:#444;margin-top:6px}
.menu.open{display:block}
.branding{font-size:10px;color:#aaa;text-align:right}
</style>
</head>
<body>
<div class="player" data-controller="player">
  <img class="player__artwork" src="%PLAYER%/corpus/buzzsprout-div-script/rails/active_storage/artworks/1914034.jpg" alt="The Crate Diggers Podcast">
  <div class="window__info">
    <div class="episode__podcast-title">The Crate Diggers Podcast</div>
    <div class="episode__title">Ep. 88 – Itai Lang on Samplenet</div>
    <div class="window__info-details">Feb 6, 2024 · Season 3 · Episode 88 · 52:07</div>
    <audio src="%PLAYER%/corpus/buzzsprout-div-script/1914034/10330506-itai-lang-samplenet.mp3?blob_id=45120877" type="audio/mpeg" data-episode-id="10330506" data-duration="3127" preload="none"></audio>
    <div class="controls">
      <button class="play-button" type="button" aria-label="Play Ep. 88 – Itai Lang on Samplenet" data-action="player#toggle">%ICON_PLAY%</button>
      <span class="time" data-target="player.elapsed">00:00</span>
      <div class="scrubber"><span></span></div>
      <span class="time">52:07</span>
    </div>
    <div class="links">
      <button type="button" data-menu="share">Share</button>
      <button type="button" data-menu="subscribe">Subscribe</button>
      <button type="button" data-menu="speed">1x</button>
    </div>
    <div class="menu" id="menu-share">Share this episode: copy link · embed</div>
    <div class="menu" id="menu-subscribe">Apple Podcasts · Spotify · Overcast · RSS</div>
    <div class="branding">Buzzsprout</div>
  </div>
</div>
<script>
(function () {
  var audio = document.querySelector('audio');
  var button = document.querySelector('.play-button');
  var bar = document.querySelector('.scrubber span');
  var elapsed = document.querySelector('[data-target="player.elapsed"]');
  button.addEventListener('click', function () {
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      button.innerHTML = '%ICON_PAUSE%';
      button.setAttribute('aria-label', 'Pause');
    } else {
      audio.pause();
      button.innerHTML = '%ICON_PLAY%';
      button.setAttribute('aria-label', 'Play Ep. 88 – Itai Lang on Samplenet');
    }
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    elapsed.textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
    bar.style.width = (100 * audio.currentTime / 3127) + '%';
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-menu]'), function (b) {
    b.addEventListener('click', function () {
      var name = b.getAttribute('data-menu');
      if (name === 'speed') {
        audio.playbackRate = audio.playbackRate >= 2 ? 1 : audio.playbackRate + 0.5;
        b.textContent = audio.playbackRate + 'x';
        return;
      }
      document.getElementById('menu-' + name).classList.toggle('open');
    });
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// libsyn-iframe
//
// Imitates the Libsyn HTML5 player embed: an iframe whose parameters are path segments
// (`//html5-player.libsyn.com/embed/episode/id/16624724/height/90/theme/custom/
// thumbnail/yes/direction/backward/render-playlist/no/custom-color/87A93A/`), and the
// player HTML's `var playlistItem = {...}` with `media_url`, `media_url_libsyn`,
// `download_link`, `item_title`, `thumbnail_url`, `release_date`, `duration` (yt-dlp
// libsyn.py), written by PHP's json_encode (slashes escaped). The download link goes
// through the traffic.libsyn.com redirect. The show's Squarespace-style site is
// synthetic.

fn libsyn_iframe(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(LIBSYN_PAGE, request),
        (r, true) if r.starts_with("embed/episode/id/16624724/") => page(LIBSYN_PLAYER, request),
        _ => None,
    }
}

const LIBSYN_PAGE: &str = r##"<!doctype html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Across the Pond #412: Passkeys, Password Managers and Your Parents — Across the Pond Tech Chat</title>
<meta name="description" content="Allison and Bart walk through setting up passkeys for a non-technical parent.">
<meta property="og:site_name" content="Across the Pond Tech Chat">
<meta property="og:title" content="Across the Pond #412: Passkeys, Password Managers and Your Parents">
<meta property="og:type" content="article">
<meta property="og:image" content="%SITE%/corpus/libsyn-iframe/static/5f2a9c/t/65ec1e7a/1710038650123/ATP-412.png">
<style>
body{margin:0;font-family:"Proxima Nova",Helvetica,Arial,sans-serif;background:#fff;color:#333}
header{border-bottom:1px solid #eee;padding:22px 5vw;display:flex;justify-content:space-between;align-items:center}
header .title{font-size:22px;font-weight:700;color:#87A93A;text-decoration:none}
header nav a{color:#333;text-decoration:none;margin-left:20px;font-size:14px}
.blog-item-wrapper{max-width:780px;margin:40px auto;padding:0 24px}
.blog-item-title h1{font-size:34px;margin:0 0 8px;font-weight:600}
.blog-meta{font-size:13px;color:#999;margin-bottom:24px;text-transform:uppercase;letter-spacing:.1em}
.sqs-block-embed{margin:24px 0}
.blog-item-content p{line-height:1.75;font-size:16px}
.blog-item-content li{line-height:1.6}
.pagination{display:flex;justify-content:space-between;border-top:1px solid #eee;margin-top:40px;padding-top:16px}
.pagination a{color:#87A93A;text-decoration:none}
footer{background:#f6f6f6;padding:30px 5vw;font-size:13px;color:#888;margin-top:50px}
</style>
</head>
<body class="collection-type-blog view-item">
<header><a class="title" href="%SITE%/corpus/libsyn-iframe/">Across the Pond Tech Chat</a>
<nav><a href="%SITE%/corpus/libsyn-iframe/episodes">Episodes</a><a href="%SITE%/corpus/libsyn-iframe/hosts">Hosts</a><a href="%SITE%/corpus/libsyn-iframe/listen">How to Listen</a><a href="%SITE%/corpus/libsyn-iframe/contact">Contact</a></nav></header>
<article class="blog-item-wrapper">
<div class="blog-item-title"><h1>Across the Pond #412: Passkeys, Password Managers and Your Parents</h1></div>
<div class="blog-meta">March 9, 2024 · Allison &amp; Bart</div>
<div class="blog-item-content">
<p>Allison's mother finally replaced her eight-year-old iPad, and that meant moving forty-one accounts, a shared family password vault and, for the first time, a handful of passkeys. Bart explains what a passkey actually is, why it can't be phished, and what happens when the phone holding it falls into the bath.</p>
<div class="sqs-block embed-block sqs-block-embed" data-block-type="22">
<iframe title="Libsyn Player" style="border: none" src="%PLAYER%/corpus/libsyn-iframe/embed/episode/id/16624724/height/90/theme/custom/thumbnail/yes/direction/backward/render-playlist/no/custom-color/87A93A/" height="90" width="100%" scrolling="no" allowfullscreen webkitallowfullscreen mozallowfullscreen oallowfullscreen msallowfullscreen></iframe>
</div>
<h3>Topics</h3>
<ul>
<li>Passkeys in plain language: a key pair, not a secret you type</li>
<li>Syncing passkeys across Apple, Google and password managers</li>
<li>Recovery contacts and legacy contacts — set them up now</li>
<li>The sticky note problem: what to do when a parent insists on writing things down</li>
</ul>
<p>Questions for the show? Send a voice message through the <a href="%SITE%/corpus/libsyn-iframe/contact">contact page</a>, or join the conversation in our community forum.</p>
</div>
<div class="pagination"><a href="%SITE%/corpus/libsyn-iframe/episodes/atp-411-the-great-photo-library-cleanup">← ATP #411: The Great Photo Library Cleanup</a><a href="%SITE%/corpus/libsyn-iframe/episodes">All episodes →</a></div>
</article>
<footer>© 2024 Across the Pond Tech Chat. Podcast hosting by Libsyn.</footer>
</body>
</html>
"##;

const LIBSYN_PLAYER: &str = r##"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Libsyn Player</title>
<style>
body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#fff;overflow:hidden}
#player{display:flex;height:88px;border:1px solid #87A93A;align-items:center}
#thumb{width:88px;height:88px;flex:none}
#body{flex:1;padding:0 12px;min-width:0}
#title{font-size:14px;font-weight:bold;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:#333}
#show{font-size:11px;color:#888;margin-bottom:6px}
#bar{display:flex;align-items:center;gap:8px}
.playerButton{border:0;background:#87A93A;color:#fff;width:34px;height:34px;border-radius:50%;cursor:pointer;display:flex;align-items:center;justify-content:center}
#progress{flex:1;height:5px;background:#e5e5e5}
#progress div{height:5px;width:0;background:#87A93A}
#time{font-size:11px;color:#666}
#tools{display:flex;gap:4px;padding-right:8px}
#tools a,#tools button{color:#87A93A;border:0;background:none;cursor:pointer;padding:4px;line-height:0}
#sharePanel{display:none;position:absolute;right:8px;top:4px;background:#fff;border:1px solid #ccc;padding:6px;font-size:11px}
</style>
</head>
<body>
<div id="player">
  <img id="thumb" src="" alt="">
  <div id="body">
    <div id="title"></div>
    <div id="show">Across the Pond Tech Chat</div>
    <div id="bar">
      <button class="playerButton" id="playPause" title="Play" aria-label="Play">%ICON_PLAY%</button>
      <div id="progress"><div></div></div>
      <span id="time">00:00:00</span>
    </div>
  </div>
  <div id="tools">
    <button id="shareButton" title="Share" aria-label="Share">%ICON_SHARE%</button>
    <a id="downloadButton" href="#" target="_blank" title="Download" aria-label="Download">%ICON_DOWNLOAD%</a>
  </div>
  <div id="sharePanel">Link: <input id="shareLink" size="28" readonly></div>
</div>
<audio id="audio" preload="none"></audio>
<script type="text/javascript">
var playlistItem = {"item_id":16624724,"item_title":"Across the Pond #412: Passkeys, Password Managers and Your Parents","item_subtitle":"","item_slug":"atp-412-passkeys-password-managers-and-your-parents","release_date":"Mar 9, 2024","duration":"01:04:31","thumbnail_url":"%PLAYER_JSON%\/corpus\/libsyn-iframe\/images\/ATP-412.jpg","media_url":"%PLAYER_JSON%\/media\/libsyn\/secure\/acrossthepond\/ATP_2024_03_09.mp3?dest-id=481417","media_url_libsyn":"%PLAYER_JSON%\/hop\/libsyn\/media\/libsyn\/secure\/acrossthepond\/ATP_2024_03_09.mp3?dest-id=481417","download_link":"%PLAYER_JSON%\/hop\/libsyn\/media\/libsyn\/secure\/acrossthepond\/ATP_2024_03_09.mp3?dest-id=481417&download=true","permalink_url":"%PLAYER_JSON%\/corpus\/libsyn-iframe\/atp-412","is_video":false};
var playerOptions = {"height":90,"theme":"custom","thumbnail":true,"direction":"backward","renderPlaylist":false,"customColor":"87A93A"};
(function () {
  var audio = document.getElementById('audio');
  var play = document.getElementById('playPause');
  document.getElementById('title').textContent = playlistItem.item_title;
  document.getElementById('thumb').src = playlistItem.thumbnail_url;
  document.getElementById('downloadButton').href = playlistItem.download_link;
  document.getElementById('shareLink').value = playlistItem.permalink_url;
  play.addEventListener('click', function () {
    if (!audio.src) audio.src = playlistItem.media_url;
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      play.innerHTML = '%ICON_PAUSE%';
      play.title = 'Pause';
    } else {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.title = 'Play';
    }
  });
  document.getElementById('shareButton').addEventListener('click', function () {
    var panel = document.getElementById('sharePanel');
    panel.style.display = panel.style.display === 'block' ? 'none' : 'block';
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.getElementById('time').textContent = new Date(s * 1000).toISOString().substr(11, 8);
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// simplecast-vue
//
// Imitates a Simplecast-hosted show site as captured by metascraper
// (integration/reactpodcast): Vue markup with data-v-* attributes, `<audio
// data-v-4aa1ad2c="" preload="none"></audio>` with no src until Play, icon-only
// `<button aria-label="Play" class="play-pause dark size-mini">` and `class=
// "sc-play-button"`, `aria-label="Speed Rate 1x"`, and the MP3 only as an SVG-only
// `a.sc-episode-details-share-link[target=_blank]` among other share links (href="#",
// recast). On Play the player asks api.simplecast.com/episodes/<uuid> for
// `audio_file_url` (yt-dlp). cdn.simplecast.com and the API are the player host; the
// show is synthetic.

fn simplecast_vue(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(SIMPLECAST_PAGE, request),
        ("episodes/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33", true) => {
            data_cors(SIMPLECAST_API, request)
        }
        _ => None,
    }
}

const SIMPLECAST_API: &str = r##"{"id":"6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33","title":"Suspense in Practice","number":88,"season":{"number":1},"duration":3312,"published_at":"2024-02-20T08:00:00.000-08:00","audio_file_url":"%PLAYER%/media/simplecast/audio/0b9f2c1a-5e1d-4c38-a7f4-2e8f3b6a9d10/episodes/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33/audio/ae4d2b19-0c7f-4e3a-9b18-52d6f1c0e7a4/default_tc.mp3?aid=embed","enclosure_url":"%PLAYER%/media/simplecast/audio/0b9f2c1a-5e1d-4c38-a7f4-2e8f3b6a9d10/episodes/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33/audio/ae4d2b19-0c7f-4e3a-9b18-52d6f1c0e7a4/default_tc.mp3","audio_content_type":"audio/mpeg","podcast":{"id":"0b9f2c1a-5e1d-4c38-a7f4-2e8f3b6a9d10","title":"Frontend Fireside"}}"##;

const SIMPLECAST_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en" data-n-head="%7B%22lang%22:%7B%221%22:%22en%22%7D%7D">
<head>
<meta data-n-head="1" charset="utf-8">
<meta data-n-head="1" name="viewport" content="width=device-width, initial-scale=1">
<title>Suspense in Practice | Frontend Fireside</title>
<meta data-n-head="1" data-hid="description" name="description" content="Ryan and Priya put React Suspense through a real product: loading states, waterfalls, and the one place they gave up on it.">
<meta data-n-head="1" data-hid="og:title" property="og:title" content="Suspense in Practice | Frontend Fireside">
<meta data-n-head="1" data-hid="og:image" property="og:image" content="%PLAYER%/corpus/simplecast-vue/images/0b9f2c1a/6f3c7e2b_1400x1400.jpg">
<meta data-n-head="1" data-hid="twitter:card" name="twitter:card" content="player">
<meta data-n-head="1" data-hid="twitter:player" name="twitter:player" content="%PLAYER%/corpus/simplecast-vue/player/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33">
<style>
body{margin:0;font-family:"Source Sans Pro",Helvetica,Arial,sans-serif;background:#111;color:#eee}
a{color:inherit}
.sc-header{display:flex;justify-content:space-between;align-items:center;padding:16px 32px;border-bottom:1px solid #222}
.sc-header .logo{font-weight:700;font-size:20px;text-decoration:none}
.sc-header nav a{margin-left:22px;text-decoration:none;color:#aaa;font-size:15px}
.sc-episode{max-width:900px;margin:40px auto;padding:0 24px 140px}
.sc-episode-header{display:flex;gap:28px;align-items:center}
.sc-episode-header img{width:200px;height:200px;border-radius:6px}
.sc-episode-number{color:#f5a623;font-size:13px;text-transform:uppercase;letter-spacing:.08em}
.sc-episode-header h1{font-size:34px;margin:6px 0 12px}
.sc-play-button{width:64px;height:64px;border-radius:50%;border:0;background:#f5a623;color:#111;cursor:pointer;display:flex;align-items:center;justify-content:center}
.sc-play-button svg{width:32px;height:32px}
.sc-episode-details{margin-top:36px;display:grid;grid-template-columns:1fr 220px;gap:40px}
.sc-episode-details p,.sc-episode-details li{line-height:1.7;color:#ccc}
.sc-episode-details-share h4{margin:0 0 10px;color:#888;font-size:12px;text-transform:uppercase;letter-spacing:.1em}
.sc-episode-details-share-links{display:flex;gap:10px}
.sc-episode-details-share-link{display:inline-flex;width:36px;height:36px;border-radius:50%;background:#222;align-items:center;justify-content:center;color:#ddd}
.sc-episode-details-share-link svg{width:18px;height:18px}
.sc-player{position:fixed;left:0;right:0;bottom:0;background:#1b1b1b;border-top:1px solid #2a2a2a;display:flex;align-items:center;gap:14px;padding:10px 24px}
.play-pause{width:40px;height:40px;border-radius:50%;border:0;background:#eee;color:#111;cursor:pointer;display:flex;align-items:center;justify-content:center}
.sc-player .meta{flex:1;min-width:0;font-size:14px}
.sc-player .meta small{display:block;color:#888}
.speed{border:1px solid #555;background:none;color:#ccc;border-radius:12px;padding:3px 9px;cursor:pointer}
.skip{border:0;background:none;color:#ccc;cursor:pointer;font-size:12px}
.sc-episodes-list a{display:block;padding:6px 0;color:#aaa;text-decoration:none}
</style>
</head>
<body>
<div id="__nuxt"><div id="__layout"><div data-v-2f1c3c46="" class="sc-site theme-dark">
<header data-v-2f1c3c46="" class="sc-header">
<a data-v-2f1c3c46="" href="%SITE%/corpus/simplecast-vue/" class="logo nuxt-link-active">Frontend Fireside</a>
<nav data-v-2f1c3c46=""><a data-v-2f1c3c46="" href="%SITE%/corpus/simplecast-vue/episodes">Episodes</a><a data-v-2f1c3c46="" href="%SITE%/corpus/simplecast-vue/about">About</a><a data-v-2f1c3c46="" href="%SITE%/corpus/simplecast-vue/subscribe">Subscribe</a></nav>
</header>
<main data-v-71a3b6c2="" class="sc-episode">
<div data-v-71a3b6c2="" class="sc-episode-header">
<img data-v-71a3b6c2="" src="%PLAYER%/corpus/simplecast-vue/images/0b9f2c1a/6f3c7e2b_400x400.jpg" alt="Suspense in Practice">
<div data-v-71a3b6c2="">
<div data-v-71a3b6c2="" class="sc-episode-number">Episode 88 · Feb 20, 2024 · 55 min</div>
<h1 data-v-71a3b6c2="">Suspense in Practice</h1>
<button data-v-71a3b6c2="" aria-label="Play" class="sc-play-button" type="button">%ICON_PLAY%</button>
</div>
</div>
<div data-v-71a3b6c2="" class="sc-episode-details">
<div data-v-71a3b6c2="" class="sc-episode-details-body">
<p>Ryan and Priya put React Suspense through a real product: a dashboard with eleven data sources, three of which are slow on a good day. What went well, where the waterfalls came from, and the one screen where they gave up and went back to a spinner.</p>
<ul>
<li>Why "just wrap it in Suspense" doesn't fix a request waterfall</li>
<li>Streaming server rendering and what the user actually sees first</li>
<li>Error boundaries next to Suspense boundaries — where to put each</li>
<li>Testing loading states without flaky timers</li>
</ul>
<p>Sponsored by Linthouse: catch accessibility bugs before your users do.</p>
</div>
<aside data-v-71a3b6c2="" class="sc-episode-details-share">
<h4 data-v-71a3b6c2="">Share</h4>
<div data-v-71a3b6c2="" class="sc-episode-details-share-links">
<a data-v-71a3b6c2="" href="#" class="sc-episode-details-share-link"><svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M22.46 6c-.77.35-1.6.58-2.46.69.88-.53 1.56-1.37 1.88-2.38-.83.5-1.75.85-2.72 1.05C18.37 4.5 17.26 4 16 4c-2.35 0-4.27 1.92-4.27 4.29 0 .34.04.67.11.98C8.28 9.09 5.11 7.38 3 4.79c-.37.63-.58 1.37-.58 2.15 0 1.49.75 2.81 1.91 3.56-.71 0-1.37-.2-1.95-.5v.03c0 2.08 1.48 3.82 3.44 4.21a4.22 4.22 0 0 1-1.93.07 4.28 4.28 0 0 0 4 2.98 8.521 8.521 0 0 1-5.33 1.84c-.34 0-.68-.02-1.02-.06C3.44 20.29 5.7 21 8.12 21 16 21 20.33 14.46 20.33 8.79c0-.19 0-.37-.01-.56.84-.6 1.56-1.36 2.14-2.23z"/></svg></a>
<a data-v-71a3b6c2="" href="#" class="sc-episode-details-share-link"><svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M17 2v4h-2c-.69 0-1 .81-1 1.5V10h3v4h-3v8h-4v-8H7v-4h3V6a4 4 0 0 1 4-4h3z"/></svg></a>
<a data-v-71a3b6c2="" href="%PLAYER%/corpus/simplecast-vue/recast/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33" target="_blank" class="sc-episode-details-share-link"><svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z"/></svg></a>
<a data-v-71a3b6c2="" href="%PLAYER%/media/simplecast/audio/0b9f2c1a-5e1d-4c38-a7f4-2e8f3b6a9d10/episodes/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33/audio/ae4d2b19-0c7f-4e3a-9b18-52d6f1c0e7a4/default_tc.mp3" target="_blank" class="sc-episode-details-share-link">%ICON_DOWNLOAD%</a>
</div>
<h4 data-v-71a3b6c2="" style="margin-top:30px">More episodes</h4>
<div data-v-71a3b6c2="" class="sc-episodes-list">
<a data-v-71a3b6c2="" href="%SITE%/corpus/simplecast-vue/episodes/signals-everywhere">87 · Signals Everywhere</a>
<a data-v-71a3b6c2="" href="%SITE%/corpus/simplecast-vue/episodes/the-css-has-selector">86 · The CSS :has() Selector</a>
<a data-v-71a3b6c2="" href="%SITE%/corpus/simplecast-vue/episodes/bundle-diets">85 · Bundle Diets</a>
</div>
</aside>
</div>
</main>
<div data-v-4aa1ad2c="" class="sc-player">
<audio data-v-4aa1ad2c="" preload="none"></audio>
<button data-v-4aa1ad2c="" aria-label="Play" class="play-pause dark size-mini" type="button">%ICON_PLAY%</button>
<button data-v-4aa1ad2c="" class="skip" aria-label="Rewind 15 seconds" type="button">-15</button>
<button data-v-4aa1ad2c="" class="skip" aria-label="Fast forward 30 seconds" type="button">+30</button>
<div data-v-4aa1ad2c="" class="meta">Suspense in Practice<small>Frontend Fireside · <span class="elapsed">0:00</span> / 55:12</small></div>
<button data-v-4aa1ad2c="" aria-label="Speed Rate 1x" class="speed" type="button">1x</button>
</div>
</div></div></div>
<script>
(function () {
  var audio = document.querySelector('.sc-player audio');
  var buttons = document.querySelectorAll('.sc-play-button, .play-pause');
  var loading = null;
  function setIcons(playing) {
    Array.prototype.forEach.call(buttons, function (b) {
      b.innerHTML = playing ? '%ICON_PAUSE%' : '%ICON_PLAY%';
      b.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    });
  }
  function load() {
    if (!loading) {
      loading = fetch('%PLAYER%/corpus/simplecast-vue/episodes/6f3c7e2b-91d4-4a0e-b5c2-7d1e8a4f0c33')
        .then(function (r) { return r.json(); })
        .then(function (episode) { audio.src = episode.audio_file_url; });
    }
    return loading;
  }
  Array.prototype.forEach.call(buttons, function (b) {
    b.addEventListener('click', function () {
      if (audio.src && !audio.paused) { audio.pause(); setIcons(false); return; }
      load().then(function () {
        var p = audio.play();
        if (p && p.catch) p.catch(function () {});
        setIcons(true);
      });
    });
  });
  document.querySelector('.skip[aria-label^="Rewind"]').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
  document.querySelector('.skip[aria-label^="Fast"]').addEventListener('click', function () { if (audio.duration) audio.currentTime = Math.min(audio.duration, audio.currentTime + 30); });
  var rates = [1, 1.25, 1.5, 2], i = 0;
  document.querySelector('.speed').addEventListener('click', function (e) {
    i = (i + 1) % rates.length;
    audio.playbackRate = rates[i];
    e.currentTarget.textContent = rates[i] + 'x';
    e.currentTarget.setAttribute('aria-label', 'Speed Rate ' + rates[i] + 'x');
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.querySelector('.elapsed').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// megaphone-tracking-prefix
//
// Imitates a news publisher's article embedding `<iframe src="https://player.megaphone
// .fm/<ID>?light=true">`. The player page carries og:audio:title/og:audio:artist; here it
// loads `player.megaphone.fm/playlist/episode/<ID>` (BUM megaphonefm.py: episodes[]
// .episodeUrlHRef, uid) only when Play is pressed, and streams the enclosure as the feed
// writes it: prefixes Podtrac -> Chartable -> Podsights in front of
// traffic.megaphone.fm/<ID>.mp3?updated=<epoch> (the yt-dlp test chains). The publisher
// and show are synthetic; the hops are the fixture's /hop/ redirects.

fn megaphone_tracking_prefix(
    request: &CorpusRequest<'_>,
    rest: &str,
    host: bool,
) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(MEGAPHONE_PAGE, request),
        ("VMP5489734702", true) => page(MEGAPHONE_PLAYER, request),
        ("playlist/episode/VMP5489734702", true) => data(MEGAPHONE_API, request),
        _ => None,
    }
}

const MEGAPHONE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Ledger Daily: Why your grocery bill is still going up - The Meridian</title>
<meta name="description" content="Food inflation has cooled, but prices haven't come down. Today on The Ledger Daily, our economics correspondent explains why.">
<meta property="og:title" content="Why your grocery bill is still going up">
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Meridian">
<meta property="og:image" content="%SITE%/corpus/megaphone-tracking-prefix/uploads/chorus_asset/file/25311467/ledger_daily_groceries.jpg">
<meta property="article:section" content="Podcasts">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Why your grocery bill is still going up","datePublished":"2024-03-18T06:00:00-04:00","author":[{"@type":"Person","name":"Nadia Okafor"}],"publisher":{"@type":"Organization","name":"The Meridian"}}</script>
<style>
body{margin:0;font-family:Georgia,"Times New Roman",serif;color:#111;background:#fff}
.masthead{border-bottom:3px solid #111;text-align:center;padding:16px 0 10px}
.masthead .name{font-size:40px;font-weight:700;letter-spacing:-.02em;text-decoration:none;color:#111}
.sections{display:flex;justify-content:center;gap:24px;font-family:Helvetica,Arial,sans-serif;font-size:13px;text-transform:uppercase;letter-spacing:.06em;padding:10px 0;border-bottom:1px solid #ddd}
.sections a{color:#111;text-decoration:none}
.c-entry{max-width:680px;margin:36px auto;padding:0 20px}
.c-entry .rubric{font-family:Helvetica,Arial,sans-serif;color:#c0392b;font-weight:700;font-size:13px;text-transform:uppercase}
.c-entry h1{font-size:40px;line-height:1.1;margin:8px 0}
.c-entry .dek{font-size:20px;color:#444;line-height:1.4}
.c-byline{font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#666;margin:14px 0 24px}
.c-entry p{font-size:18px;line-height:1.7}
.podcast-embed{margin:28px 0}
.c-related{font-family:Helvetica,Arial,sans-serif;border-top:1px solid #ddd;margin-top:36px;padding-top:12px}
.c-related a{display:block;color:#111;margin:8px 0}
.share{font-family:Helvetica,Arial,sans-serif;display:flex;gap:10px;margin:20px 0}
.share button{border:1px solid #ccc;background:#fff;padding:6px 12px;cursor:pointer}
footer{background:#111;color:#aaa;font-family:Helvetica,Arial,sans-serif;font-size:13px;padding:30px;text-align:center;margin-top:60px}
</style>
</head>
<body>
<div class="masthead"><a class="name" href="%SITE%/corpus/megaphone-tracking-prefix/">The Meridian</a></div>
<nav class="sections"><a href="%SITE%/corpus/megaphone-tracking-prefix/politics">Politics</a><a href="%SITE%/corpus/megaphone-tracking-prefix/economy">Economy</a><a href="%SITE%/corpus/megaphone-tracking-prefix/climate">Climate</a><a href="%SITE%/corpus/megaphone-tracking-prefix/podcasts">Podcasts</a><a href="%SITE%/corpus/megaphone-tracking-prefix/subscribe">Subscribe</a></nav>
<article class="c-entry">
<div class="rubric">The Ledger Daily</div>
<h1>Why your grocery bill is still going up</h1>
<p class="dek">Inflation cooled. Prices didn't come down. Here's the difference.</p>
<div class="c-byline">By Nadia Okafor · Mar 18, 2024, 6:00am EDT</div>
<div class="podcast-embed">
<iframe src="%PLAYER%/corpus/megaphone-tracking-prefix/VMP5489734702?light=true" width="100%" height="200" frameborder="0" scrolling="no" title="The Ledger Daily podcast player"></iframe>
</div>
<div class="share"><button type="button">Share</button><button type="button">Copy link</button><button type="button">Gift this article</button></div>
<p>A dozen eggs costs less than it did a year ago. A box of cereal costs more. On today's episode, economics correspondent Nadia Okafor explains why "inflation is down" and "prices are down" are not the same sentence, and why the second one almost never happens.</p>
<p>We also hear from a grocery-store owner in Ohio who has changed his shelf labels more times in the past three years than in the previous twenty.</p>
<p><em>The Ledger Daily is produced by Sam Whitfield and Ana Lucía Reyes, edited by Marcus Lee, and engineered by Tom Brandt. Subscribe wherever you get your podcasts.</em></p>
<div class="c-related"><strong>More from The Ledger Daily</strong>
<a href="%SITE%/corpus/megaphone-tracking-prefix/podcasts/ledger-daily-housing-starts">The housing market's strange spring</a>
<a href="%SITE%/corpus/megaphone-tracking-prefix/podcasts/ledger-daily-strike">What the port strike actually cost</a>
</div>
</article>
<footer>© 2024 The Meridian Media Co. · Terms of Use · Privacy Notice · Cookie Policy</footer>
</body>
</html>
"##;

const MEGAPHONE_API: &str = r##"{"episodes":[{"uid":"VMP5489734702","id":"b2d6e8f0-e5a3-11ee-9c1f-2bd3e1c4a7d2","title":"Why your grocery bill is still going up","podcastTitle":"The Ledger Daily","author":"The Meridian","duration":1582.4,"pubDate":"2024-03-18T10:00:00.000Z","imageUrl":"%PLAYER%/corpus/megaphone-tracking-prefix/images/ledger-daily-3000.jpg","episodeUrlHRef":"%PLAYER%/hop/podtrac/hop/chartable/hop/pdst/media/megaphone/VMP5489734702.mp3?updated=1710755212","podcastFeedUrl":"%PLAYER%/corpus/megaphone-tracking-prefix/feeds/VMP2941155081","summary":"Inflation cooled. Prices didn't come down. Here's the difference."}]}"##;

const MEGAPHONE_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Ledger Daily - Why your grocery bill is still going up</title>
<meta property="og:audio:title" content="Why your grocery bill is still going up">
<meta property="og:audio:artist" content="The Ledger Daily">
<meta property="og:image" content="%PLAYER%/corpus/megaphone-tracking-prefix/images/ledger-daily-3000.jpg">
<style>
body{margin:0;font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;background:#f7f7f7;color:#222}
.player{display:flex;height:198px;background:#fff;border:1px solid #e1e1e1;border-radius:4px;overflow:hidden}
.art{width:198px;height:198px;flex:none}
.main{flex:1;padding:16px 20px;display:flex;flex-direction:column;min-width:0}
.show{font-size:12px;font-weight:700;text-transform:uppercase;color:#777}
.title{font-size:18px;font-weight:700;margin:4px 0 2px}
.date{font-size:12px;color:#999}
.controls{display:flex;align-items:center;gap:12px;margin-top:auto}
.play{width:52px;height:52px;border-radius:50%;background:#1e1e1e;border:0;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.play svg{width:28px;height:28px}
.skip,.speed,.tool{border:0;background:none;cursor:pointer;color:#444;font-size:12px}
.track{flex:1;height:4px;background:#ddd;border-radius:2px}
.track div{width:0;height:4px;background:#1e1e1e}
.time{font-size:12px;color:#555;font-variant-numeric:tabular-nums}
.panel{display:none;position:absolute;right:10px;bottom:10px;background:#fff;border:1px solid #ccc;padding:10px;font-size:12px;width:300px}
.panel.open{display:block}
.panel textarea{width:100%;height:50px;font-size:11px}
.powered{font-size:10px;color:#aaa;position:absolute;right:12px;top:8px}
</style>
</head>
<body>
<div class="player" id="player" data-episode="VMP5489734702">
  <img class="art" src="%PLAYER%/corpus/megaphone-tracking-prefix/images/ledger-daily-3000.jpg" alt="">
  <div class="main">
    <div class="show">The Ledger Daily</div>
    <div class="title">Why your grocery bill is still going up</div>
    <div class="date">Mar 18, 2024 · 26 min</div>
    <div class="controls">
      <button class="skip" type="button" aria-label="Rewind 15 seconds">15</button>
      <button class="play" type="button" aria-label="Play Episode">%ICON_PLAY%</button>
      <button class="skip" type="button" aria-label="Skip forward 15 seconds">15</button>
      <span class="time" id="elapsed">00:00</span>
      <div class="track"><div id="progress"></div></div>
      <span class="time">26:22</span>
      <button class="speed" type="button" aria-label="Playback speed">1x</button>
      <button class="tool" type="button" aria-label="Share" data-panel="share">%ICON_SHARE%</button>
    </div>
  </div>
</div>
<div class="powered">megaphone</div>
<div class="panel" id="share"><strong>Share</strong><br>Embed code:<textarea readonly>&lt;iframe src="%PLAYER%/corpus/megaphone-tracking-prefix/VMP5489734702" width="100%" height="200" frameborder="0" scrolling="no"&gt;&lt;/iframe&gt;</textarea><button type="button" class="tool" id="close-share">Close</button></div>
<audio id="audio" preload="none"></audio>
<script>
(function () {
  var audio = document.getElementById('audio');
  var play = document.querySelector('.play');
  var episode = null;
  function start() {
    var p = audio.play();
    if (p && p.catch) p.catch(function () {});
    play.innerHTML = '%ICON_PAUSE%';
    play.setAttribute('aria-label', 'Pause Episode');
  }
  play.addEventListener('click', function () {
    if (episode && !audio.paused) {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.setAttribute('aria-label', 'Play Episode');
      return;
    }
    if (episode) { start(); return; }
    fetch('/corpus/megaphone-tracking-prefix/playlist/episode/' + document.getElementById('player').getAttribute('data-episode'))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        episode = data.episodes[0];
        audio.src = episode.episodeUrlHRef;
        start();
      });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.skip'), function (b, i) {
    b.addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime + (i === 0 ? -15 : 15)); });
  });
  document.querySelector('.speed').addEventListener('click', function (e) {
    audio.playbackRate = audio.playbackRate >= 2 ? 1 : audio.playbackRate + 0.5;
    e.currentTarget.textContent = audio.playbackRate + 'x';
  });
  document.querySelector('[data-panel="share"]').addEventListener('click', function () { document.getElementById('share').classList.toggle('open'); });
  document.getElementById('close-share').addEventListener('click', function () { document.getElementById('share').classList.remove('open'); });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.getElementById('elapsed').textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
    document.getElementById('progress').style.width = (100 * audio.currentTime / 1582) + '%';
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// transistor-embed
//
// Imitates a Ghost blog with the Transistor embed as published: `<iframe width="100%"
// height="180" frameborder="no" scrolling="no" seamless src="https://share.transistor
// .fm/e/<8hex>">`. The embed page keeps its episodes in JSON on `div#embed-player`
// (BUM transistor.py reads the JSON inside `x-data`; here it is a data-episode
// attribute and vanilla JS in place of Alpine), with `trackable_media_url` wrapped in
// OP3 and Podtrac prefixes (the real Transistor chain, shortened). The "More" menu with
// "Download Episode" follows Transistor's embed toolbar; the blog is synthetic.

fn transistor_embed(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(TRANSISTOR_PAGE, request),
        ("e/e83b42d0", true) => page(TRANSISTOR_PLAYER, request),
        _ => None,
    }
}

const TRANSISTOR_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>Mara Lindholm on staying small on purpose</title>
<meta name="HandheldFriendly" content="True">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="description" content="Episode 14 of Calm Company Radio: Mara Lindholm on why growth isn't the default and what 'enough' looks like for a software business.">
<link rel="canonical" href="%SITE%/corpus/transistor-embed">
<meta property="og:site_name" content="Calm Company Radio">
<meta property="og:type" content="article">
<meta property="og:title" content="Mara Lindholm on staying small on purpose">
<meta property="og:image" content="%SITE%/corpus/transistor-embed/content/images/2024/01/cc-radio-14.png">
<meta name="generator" content="Ghost 5.75">
<style>
:root{--ghost-accent-color:#3d5afe}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#15171a;background:#fff}
.gh-head{display:flex;justify-content:space-between;align-items:center;padding:20px 4vw;border-bottom:1px solid #eee}
.gh-head-logo{font-weight:800;font-size:22px;color:#15171a;text-decoration:none}
.gh-head-menu a{margin-left:24px;color:#15171a;text-decoration:none;font-weight:500}
.gh-head-btn{background:var(--ghost-accent-color);color:#fff!important;padding:8px 16px;border-radius:20px}
.article{max-width:720px;margin:50px auto;padding:0 20px}
.article-tag a{color:var(--ghost-accent-color);text-transform:uppercase;font-size:13px;font-weight:700;text-decoration:none}
.article-title{font-size:44px;line-height:1.1;margin:12px 0}
.article-excerpt{font-size:21px;color:#555}
.article-byline{font-size:14px;color:#777;margin:20px 0 30px}
.gh-content p{font-size:19px;line-height:1.7}
.kg-embed-card{margin:30px 0}
.gh-cta{background:#f5f7ff;border-radius:10px;padding:24px;margin:40px 0}
.gh-cta input{padding:10px;border:1px solid #ccd;border-radius:6px;width:60%}
.gh-cta button{padding:10px 16px;border:0;border-radius:6px;background:var(--ghost-accent-color);color:#fff;cursor:pointer}
.read-next a{display:block;margin:8px 0;color:#15171a}
.gh-foot{border-top:1px solid #eee;padding:30px 4vw;font-size:14px;color:#777}
</style>
</head>
<body class="post-template tag-podcast">
<header class="gh-head">
<a class="gh-head-logo" href="%SITE%/corpus/transistor-embed/">Calm Company Radio</a>
<nav class="gh-head-menu"><a href="%SITE%/corpus/transistor-embed/episodes/">Episodes</a><a href="%SITE%/corpus/transistor-embed/newsletter/">Newsletter</a><a href="%SITE%/corpus/transistor-embed/about/">About</a><a class="gh-head-btn" href="#/portal/signup">Subscribe</a></nav>
</header>
<main>
<article class="article post tag-podcast">
<header>
<div class="article-tag"><a href="%SITE%/corpus/transistor-embed/tag/podcast/">Podcast</a></div>
<h1 class="article-title">Mara Lindholm on staying small on purpose</h1>
<p class="article-excerpt">Growth isn't the default setting. What "enough" looks like for a software business.</p>
<div class="article-byline">By Rosa Lindqvist · Jan 23, 2024 · 72 min listen</div>
</header>
<section class="gh-content">
<figure class="kg-card kg-embed-card"><iframe width="100%" height="180" frameborder="no" scrolling="no" seamless src="%PLAYER%/corpus/transistor-embed/e/e83b42d0"></iframe></figure>
<p>Mara has run a one-person business for most of her career and co-founded an analytics company that stayed deliberately tiny. We talk about setting a ceiling on revenue, saying no to investors, and the odd feeling of turning down customers.</p>
<p>We also get into pricing: why she raised prices instead of hiring, and why "just add a team plan" can quietly change what kind of company you are.</p>
<h2>Links</h2>
<p><a href="%SITE%/corpus/transistor-embed/notes/calm-growth">Notes on calm growth (our essay)</a> · <a href="%SITE%/corpus/transistor-embed/episodes/13-the-four-day-week">Episode 13: The four-day week</a></p>
</section>
<div class="gh-cta">
<h3>Get new episodes by email</h3>
<form onsubmit="return false"><input type="email" placeholder="jamie@example.com"> <button type="submit">Subscribe</button></form>
</div>
<section class="read-next"><h3>Read next</h3>
<a href="%SITE%/corpus/transistor-embed/episodes/13-the-four-day-week">The four-day week, one year later</a>
<a href="%SITE%/corpus/transistor-embed/episodes/12-pricing-in-public">Pricing in public</a>
</section>
</article>
</main>
<footer class="gh-foot">Calm Company Radio © 2024 · Powered by Ghost</footer>
</body>
</html>
"##;

const TRANSISTOR_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mara Lindholm on staying small on purpose | Calm Company Radio</title>
<meta name="robots" content="noindex">
<style>
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:#fff}
#embed-player{display:flex;height:178px;border:1px solid #e5e7eb;border-radius:8px;overflow:hidden;position:relative}
.artwork{width:178px;height:178px;flex:none}
.episode{flex:1;padding:14px 18px;display:flex;flex-direction:column;min-width:0}
.show-title{font-size:12px;color:#6b7280}
.episode-title{font-size:17px;font-weight:700;color:#111827;margin:4px 0}
.controls{display:flex;align-items:center;gap:10px;margin-top:auto}
.play-button{width:48px;height:48px;border-radius:50%;border:0;background:#111827;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.seek{border:0;background:none;color:#374151;cursor:pointer;font-size:12px}
.progress{flex:1;height:4px;background:#e5e7eb;border-radius:2px}
.progress div{height:4px;width:0;background:#111827}
.time{font-size:12px;color:#6b7280;font-variant-numeric:tabular-nums}
.toolbar{display:flex;gap:4px;align-items:center}
.toolbar button{border:0;background:none;cursor:pointer;color:#6b7280;padding:4px;line-height:0}
.speed{font-size:12px;line-height:1!important;border:1px solid #d1d5db!important;border-radius:10px;padding:2px 6px!important}
.menu{display:none;position:absolute;right:10px;top:40px;background:#fff;border:1px solid #e5e7eb;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.12);min-width:180px;z-index:5}
.menu.open{display:block}
.menu a,.menu button{display:block;width:100%;text-align:left;padding:8px 14px;font-size:13px;color:#111827;text-decoration:none;border:0;background:none;cursor:pointer}
.menu a:hover,.menu button:hover{background:#f3f4f6}
.transistor{position:absolute;right:12px;bottom:8px;font-size:10px;color:#9ca3af}
</style>
</head>
<body>
<div id="embed-player" data-episode='{"id":1647281,"share_id":"e83b42d0","title":"Mara Lindholm on staying small on purpose","number":14,"season":2,"show_title":"Calm Company Radio","duration":4309,"formatted_duration":"71:49","formatted_published_at":"January 23, 2024","artwork_url":"%PLAYER%/corpus/transistor-embed/images/show-artwork-e83b42d0.jpg","media_url":"%PLAYER%/media/transistor/e83b42d0/9e93424b.mp3","trackable_media_url":"%PLAYER%/hop/op3/hop/podtrac/media/transistor/e83b42d0/9e93424b.mp3?src=embed","share_url":"%SITE%/corpus/transistor-embed","subscribe_url":"%PLAYER%/corpus/transistor-embed/s/calm-company-radio"}'>
  <img class="artwork" src="%PLAYER%/corpus/transistor-embed/images/show-artwork-e83b42d0.jpg" alt="">
  <div class="episode">
    <div class="show-title"></div>
    <div class="episode-title"></div>
    <div class="time published"></div>
    <div class="controls">
      <button class="play-button" type="button" title="Play Episode" aria-label="Play">%ICON_PLAY%</button>
      <button class="seek" type="button" aria-label="Rewind 15 seconds">-15</button>
      <button class="seek" type="button" aria-label="Fast forward 30 seconds">+30</button>
      <span class="time elapsed">0:00</span>
      <div class="progress"><div></div></div>
      <span class="time duration"></span>
    </div>
  </div>
  <div class="toolbar" style="position:absolute;right:10px;top:8px">
    <button class="speed" type="button" aria-label="Playback speed">1x</button>
    <button type="button" class="more-button" title="More" aria-label="More" aria-haspopup="true" aria-expanded="false">%ICON_MORE_H%</button>
  </div>
  <div class="menu" role="menu">
    <a role="menuitem" class="subscribe" href="#" target="_blank">Subscribe</a>
    <button role="menuitem" type="button" class="share">Share</button>
    <a role="menuitem" class="download" href="#" download>Download Episode</a>
    <button role="menuitem" type="button" class="embed">Copy Embed Code</button>
  </div>
  <div class="transistor">Transistor</div>
</div>
<audio preload="none"></audio>
<script>
(function () {
  var root = document.getElementById('embed-player');
  var episode = JSON.parse(root.getAttribute('data-episode'));
  var audio = document.querySelector('audio');
  var play = root.querySelector('.play-button');
  var menu = root.querySelector('.menu');
  var more = root.querySelector('.more-button');
  root.querySelector('.show-title').textContent = episode.show_title + ' · Episode ' + episode.number;
  root.querySelector('.episode-title').textContent = episode.title;
  root.querySelector('.published').textContent = episode.formatted_published_at;
  root.querySelector('.duration').textContent = episode.formatted_duration;
  root.querySelector('.subscribe').href = episode.subscribe_url;
  var download = episode.trackable_media_url.split('?')[0] + '?src=embed&download=true';
  root.querySelector('.download').href = download;
  play.addEventListener('click', function () {
    if (!audio.getAttribute('src')) audio.src = episode.trackable_media_url;
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      play.innerHTML = '%ICON_PAUSE%';
      play.setAttribute('aria-label', 'Pause');
    } else {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.setAttribute('aria-label', 'Play');
    }
  });
  more.addEventListener('click', function (event) {
    event.stopPropagation();
    var open = menu.classList.toggle('open');
    more.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  document.addEventListener('click', function (event) {
    if (!menu.contains(event.target)) { menu.classList.remove('open'); more.setAttribute('aria-expanded', 'false'); }
  });
  root.querySelector('.share').addEventListener('click', function () { menu.classList.remove('open'); });
  root.querySelector('.embed').addEventListener('click', function () {
    var code = '<iframe width="100%" height="180" frameborder="no" scrolling="no" seamless src="' + location.href + '"></iframe>';
    if (navigator.clipboard) navigator.clipboard.writeText(code).catch(function () {});
    menu.classList.remove('open');
  });
  Array.prototype.forEach.call(root.querySelectorAll('.seek'), function (b, i) {
    b.addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime + (i === 0 ? -15 : 30)); });
  });
  root.querySelector('.speed').addEventListener('click', function (e) {
    audio.playbackRate = audio.playbackRate >= 2 ? 1 : audio.playbackRate + 0.25;
    e.currentTarget.textContent = audio.playbackRate + 'x';
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    root.querySelector('.elapsed').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
    root.querySelector('.progress div').style.width = (100 * s / episode.duration) + '%';
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// acast-embed
//
// Imitates the play.acast.com episode page captured by metascraper
// (integration/acast/input.html): React with react-helmet metas and styled-components
// class names; the player is `<iframe allow="autoplay" frameborder="0" scrolling="no"
// title="player" src="https://embed.acast.com/saywhytodrugs/caffeine">`; an "Episode
// Details" toggle; "More from" list. The real page's `og:audio` says ".../caffeine/
// media.mp3" while `og:audio:secure_url` says ".../caffeiner/media.mp3"; here the
// misspelt one answers 404 as a file host would. State is in
// `window.__INITIAL__STATE__`. embed.acast.com and sphinx.acast.com are the player host
// (sphinx redirects to the stored file, as the real one redirects to its CDN).

fn acast_embed(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(ACAST_PAGE, request),
        ("saywhytodrugs/caffeine", true) => page(ACAST_PLAYER, request),
        ("sphinx/saywhytodrugs/caffeine/media.mp3", true) => moved(
            &request.origins.player,
            "/media/acast/saywhytodrugs/caffeine/media.mp3",
        ),
        (r, true) if r.starts_with("sphinx/") => data_status(
            StatusCode::NOT_FOUND,
            r#"{"error":"Not Found","message":"episode not found"}"#,
        ),
        _ => None,
    }
}

const ACAST_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en" data-react-helmet="lang">
<head>
<title>Caffeine | Say Why To Drugs on Acast</title>
<meta data-react-helmet="true" charset="utf-8">
<meta data-react-helmet="true" http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta data-react-helmet="true" name="viewport" content="width=device-width, initial-scale=1">
<meta data-react-helmet="true" property="og:site_name" content="acast">
<meta data-react-helmet="true" name="apple-itunes-app" content="app-id=925311796, app-argument=false">
<meta data-react-helmet="true" property="og:title" content="Caffeine">
<meta data-react-helmet="true" property="og:title" content="Caffeine | Say Why To Drugs on Acast">
<meta data-react-helmet="true" property="og:image" content="%PLAYER%/corpus/acast-embed/assets/shows/611ed6f306c05edd31f40e82/611ed70f27513b0013d09bb8.jpg">
<meta data-react-helmet="true" property="og:image:height" content="315">
<meta data-react-helmet="true" property="og:image:width" content="600">
<meta data-react-helmet="true" property="og:type" content="website">
<meta data-react-helmet="true" property="og:description" content="Episode 11 is a return to the usual format. Scroobius Pip and Dr Suzi Gage sit down and chat caffeine.">
<meta data-react-helmet="true" property="og:audio" content="%PLAYER%/corpus/acast-embed/sphinx/saywhytodrugs/caffeine/media.mp3">
<meta data-react-helmet="true" property="og:audio:secure_url" content="%PLAYER%/corpus/acast-embed/sphinx/saywhytodrugs/caffeiner/media.mp3">
<meta data-react-helmet="true" property="og:audio:type" content="audio/mpeg">
<meta data-react-helmet="true" name="twitter:card" content="player">
<meta data-react-helmet="true" name="twitter:player" content="%PLAYER%/corpus/acast-embed/saywhytodrugs/caffeine">
<meta data-react-helmet="true" name="twitter:player:width" content="400">
<meta data-react-helmet="true" name="twitter:player:height" content="190">
<link data-react-helmet="true" rel="canonical" href="%SITE%/corpus/acast-embed">
<style data-styled="true">
body{margin:0;font-family:"Open Sans",Helvetica,Arial,sans-serif;background:#f4f4f4;color:#222}
.Container-buptut-0{background:#fff;border-bottom:1px solid #e5e5e5}
.Body-buptut-1{max-width:1000px;margin:0 auto;display:flex;align-items:center;padding:12px 20px;gap:20px}
.LogoContainer-buptut-3 a{font-weight:800;font-size:22px;color:#222;text-decoration:none;letter-spacing:.05em}
.CreateButtonLink-buptut-6{font-size:13px;color:#555}
.Input-upkz46-0{margin-left:auto;padding:8px 12px;border:1px solid #ddd;border-radius:18px;width:220px}
.Container-iyk160-0{max-width:1000px;margin:24px auto;padding:0 20px}
.Container-pwipvi-0 iframe{width:100%;height:190px;border:0;background:#fff}
.ToggleButton-sc-1rybolf-1{display:flex;align-items:center;gap:10px;border:0;background:none;cursor:pointer;padding:14px 0}
.ToggleArrow-sc-1rybolf-2{width:0;height:0;border-left:6px solid transparent;border-right:6px solid transparent;border-top:8px solid #444}
.ToggleButton-sc-1rybolf-1 h3{margin:0;font-size:16px}
.ContentContainer-sc-1rybolf-3{overflow:hidden;height:0}
.ContentContainer-sc-1rybolf-3.open{height:auto}
.ContentBody-sc-1rybolf-4{background:#fff;padding:16px 20px;border-radius:4px;line-height:1.6}
.LowerContainer-rnwxtg-1{margin-top:24px}
.List-xttxj8-0{list-style:none;padding:0;display:grid;grid-template-columns:repeat(3,1fr);gap:14px}
.StyledLink-r4maiz-0{display:block;background:#fff;padding:12px;border-radius:4px;color:#222;text-decoration:none;font-size:14px}
.StyledLink-r4maiz-0 img{width:100%;height:auto;display:block;margin-bottom:8px}
</style>
</head>
<body lang="en">
<div id="app-root" class="app-root">
<header class="Container-buptut-0 gEKSdH"><div class="Body-buptut-1 jjqzFt">
<div class="LogoContainer-buptut-3 iDakTz"><a href="%SITE%/corpus/acast-embed/">acast</a></div>
<div id="create-podcast-button" class="CreateButton-buptut-5 kmQnem"><a href="%SITE%/corpus/acast-embed/create" id="create-podcast-link" class="CreateButtonLink-buptut-6 bLSqjB">Create your own podcast for free</a></div>
<input type="text" name="search" placeholder="Search" autocomplete="off" value="" class="Input-upkz46-0 epgBGX">
</div></header>
<main class="Container-iyk160-0 bCejJs">
<div class="UpperContainer-rnwxtg-0 jGAkJo">
<div class="Container-pwipvi-0 kXoCZG"><iframe allow="autoplay" frameborder="0" scrolling="no" title="player" src="%PLAYER%/corpus/acast-embed/saywhytodrugs/caffeine"></iframe></div>
<div class="Container-sc-1rybolf-0 kisCNx"><button role="button" class="ToggleButton-sc-1rybolf-1 eWWZUT"><div class="ToggleArrow-sc-1rybolf-2 frPPSI"></div><h3 class="Container-elj575-0 bLiQuw">Episode Details</h3></button>
<div height="0" class="ContentContainer-sc-1rybolf-3 gvHQmE"><article class="ContentBody-sc-1rybolf-4 bjNwDm">
<h2 class="Container-elj575-0 brCGIy">Caffeine</h2>
<section class="Container-vt85kx-0 ebhmcR">Episode 11 is a return to the usual format. Scroobius Pip and Dr Suzi Gage sit down and chat caffeine. As well as this, Suzi has some exciting news in the intro.<br><p> See <a href="%SITE%/corpus/acast-embed/privacy" rel="nofollow">acast.com/privacy</a> for privacy and opt-out information.</p></section>
</article></div></div>
</div>
<div class="LowerContainer-rnwxtg-1 kUgwef"><div class="LowerContainerBody-rnwxtg-2 iXgbWP">
<h3 class="Container-elj575-0 AUxKr">More from <span class="sc-16im9wl-0 dKpYth">Say Why To Drugs</span></h3>
<ol class="List-xttxj8-0 crpQNW">
<li class="ItemContainer-xttxj8-1 cRnihP"><a class="StyledLink-r4maiz-0 cUiHJu" href="%SITE%/corpus/acast-embed/s/saywhytodrugs/live-at-latitude"><img src="%PLAYER%/corpus/acast-embed/thumbs/150x150/live-at-latitude.jpeg" alt="">Live at Latitude</a></li>
<li class="ItemContainer-xttxj8-1 cRnihP"><a class="StyledLink-r4maiz-0 cUiHJu" href="%SITE%/corpus/acast-embed/s/saywhytodrugs/ketamine"><img src="%PLAYER%/corpus/acast-embed/thumbs/150x150/ketamine.jpeg" alt="">Ketamine</a></li>
<li class="ItemContainer-xttxj8-1 cRnihP"><a class="StyledLink-r4maiz-0 cUiHJu" href="%SITE%/corpus/acast-embed/s/saywhytodrugs/nitrous-oxide"><img src="%PLAYER%/corpus/acast-embed/thumbs/150x150/nitrous-oxide.jpeg" alt="">Nitrous Oxide</a></li>
</ol>
</div></div>
</main>
</div>
<script>window.__INITIAL__STATE__ = {"feeder":{"Show:611ed6f306c05edd31f40e82":{"id":"611ed6f306c05edd31f40e82","alias":"saywhytodrugs","title":"Say Why To Drugs","episodes":["Episode:611ed70f27513b0013d09bc4"]},"Episode:611ed70f27513b0013d09bc4":{"id":"611ed70f27513b0013d09bc4","alias":"caffeine","title":"Caffeine","duration":2876,"publishDate":"2017-04-03T23:00:00.000Z","url":"%PLAYER%/corpus/acast-embed/sphinx/saywhytodrugs/caffeine/media.mp3"}},"ui":{"player":{"open":false}}};</script>
<script>
(function () {
  var toggle = document.querySelector('.ToggleButton-sc-1rybolf-1');
  var content = document.querySelector('.ContentContainer-sc-1rybolf-3');
  toggle.addEventListener('click', function () { content.classList.toggle('open'); });
})();
</script>
</body>
</html>
"##;

const ACAST_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caffeine - Say Why To Drugs | Acast</title>
<style>
body{margin:0;font-family:"Open Sans",Helvetica,Arial,sans-serif;background:#fff;color:#222}
.player{display:flex;height:188px}
.cover{width:188px;height:188px;flex:none}
.info{flex:1;padding:16px 20px;display:flex;flex-direction:column;min-width:0}
.show{font-size:12px;color:#777;text-transform:uppercase;letter-spacing:.08em}
.title{font-size:20px;font-weight:700;margin:4px 0}
.row{display:flex;align-items:center;gap:12px;margin-top:auto}
.play{width:54px;height:54px;border-radius:50%;border:0;background:#ff4a4a;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.play svg{width:30px;height:30px}
.bar{flex:1;height:4px;background:#eee}
.bar div{height:4px;width:0;background:#ff4a4a}
.time{font-size:12px;color:#777;font-variant-numeric:tabular-nums}
.tools{display:flex;gap:12px;font-size:12px;margin-top:8px}
.tools button,.tools a{border:0;background:none;color:#666;cursor:pointer;padding:0;font-size:12px;text-decoration:none}
.sharebox{display:none;font-size:12px;margin-top:6px}
.sharebox.open{display:block}
.brand{position:absolute;right:14px;top:10px;font-weight:800;color:#ccc;letter-spacing:.05em}
</style>
</head>
<body>
<div class="player" id="root">
  <img class="cover" src="%PLAYER%/corpus/acast-embed/assets/shows/611ed6f306c05edd31f40e82/611ed70f27513b0013d09bb8.jpg" alt="">
  <div class="info">
    <div class="show">Say Why To Drugs</div>
    <div class="title">Caffeine</div>
    <div class="time">4 April 2017 · 47 min</div>
    <div class="row">
      <button class="play" type="button" aria-label="Play">%ICON_PLAY%</button>
      <span class="time" id="elapsed">0:00</span>
      <div class="bar"><div id="bar"></div></div>
      <span class="time">47:56</span>
    </div>
    <div class="tools">
      <button type="button" id="share">Share</button>
      <a href="%SITE%/corpus/acast-embed" target="_blank">Listen on Acast</a>
      <a href="%SITE%/corpus/acast-embed/privacy" target="_blank">Privacy</a>
    </div>
    <div class="sharebox" id="sharebox">%SITE%/corpus/acast-embed</div>
  </div>
</div>
<div class="brand">acast</div>
<script>window.__EMBED_STATE__ = {"show":"saywhytodrugs","episode":"caffeine","theme":"light","seek":0};</script>
<script>
(function () {
  var state = window.__EMBED_STATE__;
  var audio = new Audio();
  audio.preload = 'none';
  var play = document.querySelector('.play');
  play.addEventListener('click', function () {
    if (!audio.src) {
      audio.src = '%PLAYER%/hop/flex/corpus/acast-embed/sphinx/' + state.show + '/' + state.episode + '/media.mp3';
    }
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      play.innerHTML = '%ICON_PAUSE%';
      play.setAttribute('aria-label', 'Pause');
    } else {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.setAttribute('aria-label', 'Play');
    }
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.getElementById('elapsed').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
    document.getElementById('bar').style.width = (100 * s / 2876) + '%';
  });
  document.getElementById('share').addEventListener('click', function () {
    document.getElementById('sharebox').classList.toggle('open');
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// ard-audiothek-de
//
// Imitates an ARD Audiothek episode page: Next.js with the episode in
// `<script id="__NEXT_DATA__" type="application/json">`, using the audios schema
// `audios{url mimeType downloadUrl allowDownload}` (luni/audiothek-downloader's
// EpisodeQuery) and an urn:ard:episode id. Synthetic, because no captured markup
// exists: the visible controls (icon-only "Abspielen", "Merken", the ⋮ button
// aria-label "Weitere Optionen" opening a menu rendered on demand with "Teilen",
// "Zur Playlist hinzufügen", "Herunterladen"), and the footer's "App herunterladen"
// decoy. The media CDN is the player host.

fn ard_audiothek_de(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(ARD_PAGE, request),
        ("app", false) => page(ARD_APP, request),
        _ => None,
    }
}

const ARD_PAGE: &str = r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wie Wale singen lernen · Hörsaal Natur · ARD Audiothek</title>
<meta name="description" content="Buckelwale singen Lieder, die sich über Ozeane verbreiten. Forschende haben herausgefunden, wie die Tiere neue Strophen lernen.">
<meta property="og:title" content="Wie Wale singen lernen">
<meta property="og:description" content="Buckelwale singen Lieder, die sich über Ozeane verbreiten.">
<meta property="og:image" content="%PLAYER%/corpus/ard-audiothek-de/images/urn-ard-image-3f1a9c0e2b7d5a44.jpg">
<meta property="og:type" content="music.song">
<meta property="og:site_name" content="ARD Audiothek">
<meta name="next-head-count" content="9">
<style>
body{margin:0;font-family:"Thesis",Arial,Helvetica,sans-serif;background:#f5f5f5;color:#001a4d}
.Header_header{background:#001a4d;color:#fff;display:flex;align-items:center;gap:28px;padding:14px 32px}
.Header_logo{font-weight:700;font-size:20px;color:#fff;text-decoration:none}
.Header_header nav a{color:#dfe6f5;text-decoration:none;font-size:15px;margin-right:20px}
.Header_search{margin-left:auto;border:0;border-radius:20px;padding:8px 14px;width:200px}
.Episode_wrapper{max-width:960px;margin:40px auto;padding:0 24px;display:grid;grid-template-columns:300px 1fr;gap:36px}
.Episode_image{width:300px;height:300px;border-radius:8px}
.Episode_show{color:#0053a0;font-weight:700;font-size:15px;text-decoration:none}
.Episode_title{font-size:32px;margin:6px 0 8px;line-height:1.2}
.Episode_meta{color:#586584;font-size:14px}
.Episode_actions{display:flex;align-items:center;gap:12px;margin:22px 0;position:relative}
.IconButton{width:44px;height:44px;border-radius:50%;border:1px solid #c5cde0;background:#fff;color:#001a4d;cursor:pointer;display:inline-flex;align-items:center;justify-content:center}
.PlayButton{width:56px;height:56px;border:0;background:#0053a0;color:#fff}
.PlayButton svg{width:30px;height:30px}
.Episode_duration{font-size:14px;color:#586584}
.Menu_menu{position:absolute;top:52px;left:120px;background:#fff;border-radius:8px;box-shadow:0 6px 24px rgba(0,26,77,.2);min-width:240px;padding:6px 0;z-index:20}
.Menu_item{display:flex;align-items:center;gap:10px;padding:10px 18px;color:#001a4d;text-decoration:none;font-size:15px;border:0;background:none;width:100%;text-align:left;cursor:pointer}
.Menu_item:hover{background:#eef2fa}
.Episode_text p{line-height:1.7;font-size:17px}
.Episode_more h2{font-size:20px;margin-top:40px}
.Teaser{display:block;background:#fff;border-radius:6px;padding:12px 16px;margin:10px 0;color:#001a4d;text-decoration:none}
.PlayerBar{position:fixed;left:0;right:0;bottom:0;background:#001a4d;color:#fff;display:none;align-items:center;gap:16px;padding:10px 24px}
.PlayerBar.visible{display:flex}
.PlayerBar button{border:0;background:none;color:#fff;cursor:pointer}
.Footer{background:#001a4d;color:#c5cde0;padding:30px 32px;margin-top:60px;font-size:14px}
.Footer a{color:#fff;margin-right:18px}
</style>
</head>
<body>
<div id="__next">
<header class="Header_header">
<a class="Header_logo" href="%SITE%/corpus/ard-audiothek-de/">ARD Audiothek</a>
<nav><a href="%SITE%/corpus/ard-audiothek-de/entdecken/">Entdecken</a><a href="%SITE%/corpus/ard-audiothek-de/rubrik/">Rubriken</a><a href="%SITE%/corpus/ard-audiothek-de/sender/">Sender</a><a href="%SITE%/corpus/ard-audiothek-de/meine-audiothek/">Meine Audiothek</a></nav>
<input class="Header_search" type="search" placeholder="Suche" aria-label="Suche">
</header>
<main class="Episode_wrapper">
<img class="Episode_image" src="%PLAYER%/corpus/ard-audiothek-de/images/urn-ard-image-3f1a9c0e2b7d5a44.jpg" alt="Ein Buckelwal springt aus dem Wasser">
<div>
<a class="Episode_show" href="%SITE%/corpus/ard-audiothek-de/sendung/hoersaal-natur/urn:ard:show:5d1c7a1e4f2b9c80/">Hörsaal Natur</a>
<h1 class="Episode_title">Wie Wale singen lernen</h1>
<div class="Episode_meta">SWR Kultur · 12.03.2024 · 27 Min.</div>
<div class="Episode_actions" id="actions">
<button class="IconButton PlayButton" type="button" aria-label="Abspielen" title="Abspielen">%ICON_PLAY%</button>
<button class="IconButton" type="button" aria-label="Zur Merkliste hinzufügen" title="Merken">%ICON_BOOKMARK%</button>
<button class="IconButton" type="button" aria-label="Teilen" title="Teilen">%ICON_SHARE%</button>
<button class="IconButton" type="button" id="more" aria-label="Weitere Optionen" aria-haspopup="menu" aria-expanded="false">⋮</button>
<span class="Episode_duration">noch verfügbar: 4 Jahre</span>
</div>
<div class="Episode_text">
<p>Buckelwale singen Lieder, die sich innerhalb weniger Jahre über ganze Ozeane verbreiten. Forschende aus Australien und Neuseeland haben über Jahrzehnte Aufnahmen gesammelt und herausgefunden, wie die Tiere neue Strophen lernen – und warum sie alte manchmal komplett verwerfen.</p>
<p>Von Johanna Brenner · Sprecherin: Anja Keller · Redaktion: Martin Held</p>
</div>
<section class="Episode_more"><h2>Mehr aus „Hörsaal Natur"</h2>
<a class="Teaser" href="%SITE%/corpus/ard-audiothek-de/episode/urn:ard:episode:9c2e7b1d0a4f6e13/">Die Sprache der Elefanten · 28 Min.</a>
<a class="Teaser" href="%SITE%/corpus/ard-audiothek-de/episode/urn:ard:episode:1b8f4d2a7e3c9f06/">Warum Krähen so schlau sind · 26 Min.</a>
</section>
</div>
</main>
<div class="PlayerBar" id="playerbar"><button type="button" id="barplay" aria-label="Pausieren">%ICON_PAUSE%</button><span>Wie Wale singen lernen · Hörsaal Natur</span><audio id="audio" preload="none"></audio></div>
<footer class="Footer"><a href="%SITE%/corpus/ard-audiothek-de/app">App herunterladen</a><a href="%SITE%/corpus/ard-audiothek-de/impressum">Impressum</a><a href="%SITE%/corpus/ard-audiothek-de/datenschutz">Datenschutz</a><a href="%SITE%/corpus/ard-audiothek-de/barrierefreiheit">Barrierefreiheit</a></footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialData":{"data":{"item":{"id":"urn:ard:episode:8a3c5e7f1d2b4a69","title":"Wie Wale singen lernen","synopsis":"Buckelwale singen Lieder, die sich innerhalb weniger Jahre über ganze Ozeane verbreiten.","duration":1638,"publishDate":"2024-03-12T08:30:00+01:00","path":"/episode/hoersaal-natur/wie-wale-singen-lernen/swr-kultur/13286401/","image":{"url":"%PLAYER%/corpus/ard-audiothek-de/images/urn-ard-image-3f1a9c0e2b7d5a44.jpg?w={width}","alt":"Ein Buckelwal springt aus dem Wasser"},"programSet":{"id":"urn:ard:show:5d1c7a1e4f2b9c80","title":"Hörsaal Natur","publicationService":{"title":"SWR Kultur","organizationName":"SWR"}},"audios":[{"url":"%PLAYER%/media/ard/download/podcasts/2024/03/12/AU-20240312-1015-4200.mp3","mimeType":"audio/mpeg","downloadUrl":"%PLAYER%/media/ard/download/podcasts/2024/03/12/AU-20240312-1015-4200.mp3?download=true","allowDownload":true}]}}}},"__N_SSP":true},"page":"/episode/[...path]","query":{"path":["hoersaal-natur","wie-wale-singen-lernen","swr-kultur","13286401"]},"buildId":"hGq2Xw9kP1mYtZ3vRr8sL","isFallback":false,"gssp":true,"scriptLoader":[]}</script>
<script>
(function () {
  var item = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps.initialData.data.item;
  var audio = document.getElementById('audio');
  var bar = document.getElementById('playerbar');
  var play = document.querySelector('.PlayButton');
  var barplay = document.getElementById('barplay');
  var more = document.getElementById('more');
  var actions = document.getElementById('actions');
  var menu = null;
  function setPlaying(playing) {
    play.innerHTML = playing ? '%ICON_PAUSE%' : '%ICON_PLAY%';
    play.setAttribute('aria-label', playing ? 'Pausieren' : 'Abspielen');
    barplay.innerHTML = playing ? '%ICON_PAUSE%' : '%ICON_PLAY%';
    barplay.setAttribute('aria-label', playing ? 'Pausieren' : 'Abspielen');
  }
  function toggle() {
    if (!audio.getAttribute('src')) audio.src = item.audios[0].url;
    bar.classList.add('visible');
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      setPlaying(true);
    } else {
      audio.pause();
      setPlaying(false);
    }
  }
  play.addEventListener('click', toggle);
  barplay.addEventListener('click', toggle);
  function closeMenu() {
    if (menu) { menu.remove(); menu = null; }
    more.setAttribute('aria-expanded', 'false');
  }
  more.addEventListener('click', function (event) {
    event.stopPropagation();
    if (menu) { closeMenu(); return; }
    menu = document.createElement('div');
    menu.className = 'Menu_menu';
    menu.setAttribute('role', 'menu');
    var audioItem = item.audios[0];
    var html = '<button class="Menu_item" role="menuitem" type="button">Zur Playlist hinzufügen</button>' +
      '<button class="Menu_item" role="menuitem" type="button">Episode teilen</button>';
    if (audioItem.allowDownload) {
      html += '<a class="Menu_item" role="menuitem" href="' + audioItem.downloadUrl + '" download>%ICON_DOWNLOAD% Herunterladen</a>';
    }
    html += '<a class="Menu_item" role="menuitem" href="%SITE%/corpus/ard-audiothek-de/sendung/hoersaal-natur/urn:ard:show:5d1c7a1e4f2b9c80/">Zur Sendung</a>';
    menu.innerHTML = html;
    actions.appendChild(menu);
    more.setAttribute('aria-expanded', 'true');
    Array.prototype.forEach.call(menu.querySelectorAll('button.Menu_item'), function (b) { b.addEventListener('click', closeMenu); });
  });
  document.addEventListener('click', function (event) {
    if (menu && !menu.contains(event.target)) closeMenu();
  });
})();
</script>
</body>
</html>
"##;

const ARD_APP: &str = r##"<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Die ARD Audiothek App · ARD Audiothek</title>
<style>body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#001a4d;color:#fff;text-align:center;padding:60px 20px}a.store{display:inline-block;margin:10px;padding:12px 22px;border:1px solid #fff;border-radius:8px;color:#fff;text-decoration:none}</style>
</head>
<body>
<h1>Die ARD Audiothek App</h1>
<p>Alle Podcasts und Hörspiele der ARD – jetzt herunterladen, offline hören und nichts verpassen.</p>
<a class="store" href="%SITE%/corpus/ard-audiothek-de/app/ios">Laden im App Store</a>
<a class="store" href="%SITE%/corpus/ard-audiothek-de/app/android">Jetzt bei Google Play</a>
<p><a href="%SITE%/corpus/ard-audiothek-de" style="color:#9fb3dd">Zurück zur Episode</a></p>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// radio-france-fr
//
// Imitates a Radio France episode page (radiofrance.fr/<station>/podcasts/<show>/
// <slug>-<id>): SvelteKit markup (data-sveltekit-preload-data, svelte-* classes), the
// JSON-LD AudioObject with contentUrl/encodingFormat/duration (yt-dlp radiofrance.py),
// the title in h1[itemprop~=name], files on media.radiofrance-podcast.net/podcast09/
// (the player host). Consent is Didomi: `<div id="didomi-host" data-nosnippet="true"
// aria-hidden="true">` filled by the SDK with #didomi-popup, #didomi-notice-agree-button
// "Accepter & Fermer", #didomi-notice-learn-more-button, .didomi-continue-without-agreeing.
// The notice wording and the "Plus d'options" menu with "Télécharger" are synthetic.

fn radio_france_fr(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(RADIO_FRANCE_PAGE, request),
        _ => None,
    }
}

const RADIO_FRANCE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pourquoi oublions-nous nos rêves ? : épisode 3/4 du podcast Le Labo des idées | France Culture</title>
<meta name="description" content="Au réveil, le rêve s'efface en quelques secondes. Que se passe-t-il dans le cerveau, et pourquoi certains s'en souviennent-ils mieux que d'autres ?">
<meta property="og:title" content="Pourquoi oublions-nous nos rêves ?">
<meta property="og:type" content="article">
<meta property="og:site_name" content="France Culture">
<meta property="og:image" content="%PLAYER%/corpus/radio-france-fr/s3/cruiser-production/2024/01/7b1c2d3e-labo-reves.jpg">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"RadioEpisode","name":"Pourquoi oublions-nous nos rêves ?","datePublished":"2024-01-17","partOfSeries":{"@type":"RadioSeries","name":"Le Labo des idées"},"associatedMedia":{"@type":"AudioObject","contentUrl":"%PLAYER%/media/radiofrance/podcast09/13957-17.01.2024-ITEMA_23627455-2024C32521S0017-21.mp3","encodingFormat":"mp3","duration":"PT58M"}}</script>
<style>
body{margin:0;font-family:"Marianne",Helvetica,Arial,sans-serif;color:#1e1e1e;background:#fff}
.Header.svelte-1k4l2x{display:flex;align-items:center;gap:24px;padding:14px 32px;border-bottom:1px solid #e5e5e5}
.Header .brand{font-weight:800;font-size:20px;color:#1e1e1e;text-decoration:none}
.Header nav a{margin-right:18px;color:#1e1e1e;text-decoration:none;font-size:14px}
.Header .direct{margin-left:auto;background:#e20134;color:#fff;border:0;border-radius:18px;padding:8px 16px;cursor:pointer}
.CoverEpisode.svelte-9a8x1t{max-width:1000px;margin:36px auto;padding:0 24px;display:grid;grid-template-columns:1fr 320px;gap:40px}
.CoverEpisode .show{color:#e20134;font-weight:700;text-decoration:none;font-size:15px}
.CoverEpisode h1{font-size:36px;line-height:1.15;margin:10px 0}
.CoverEpisode .meta{color:#666;font-size:14px}
.Actions.svelte-1m3j2v{display:flex;gap:12px;align-items:center;margin:24px 0;position:relative}
.PlayButton.svelte-1m3j2v{display:inline-flex;gap:8px;align-items:center;background:#1e1e1e;color:#fff;border:0;border-radius:24px;padding:10px 20px;font-size:16px;cursor:pointer}
.RoundButton.svelte-1m3j2v{width:42px;height:42px;border-radius:50%;border:1px solid #ccc;background:#fff;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;color:#1e1e1e}
.Dropdown.svelte-1m3j2v{position:absolute;top:50px;left:150px;background:#fff;border-radius:6px;box-shadow:0 4px 20px rgba(0,0,0,.18);padding:6px 0;min-width:230px;z-index:10}
.Dropdown a,.Dropdown button{display:block;width:100%;text-align:left;padding:10px 16px;border:0;background:none;color:#1e1e1e;text-decoration:none;font-size:15px;cursor:pointer}
.Dropdown a:hover,.Dropdown button:hover{background:#f3f3f3}
.CoverEpisode .standfirst{font-size:19px;line-height:1.6}
.CoverEpisode p{line-height:1.7;font-size:17px}
.CoverEpisode img.visual{width:320px;height:320px;border-radius:6px}
.Player.svelte-2p3o4q{position:fixed;left:0;right:0;bottom:0;background:#1e1e1e;color:#fff;display:none;align-items:center;gap:14px;padding:10px 24px}
.Player.visible{display:flex}
.Player button{background:none;border:0;color:#fff;cursor:pointer}
.Footer{background:#f3f3f3;padding:30px 32px;font-size:13px;color:#666;margin-top:60px}
.Footer a{color:#1e1e1e;margin-right:16px}
#didomi-host .didomi-popup-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.55);z-index:2147483646;display:flex;align-items:center;justify-content:center}
#didomi-host .didomi-popup-container{background:#fff;max-width:620px;border-radius:8px;padding:28px 32px;font-size:14px;line-height:1.55;color:#1e1e1e}
#didomi-host h1{font-size:20px;margin:0 0 12px}
#didomi-host .didomi-popup-notice-buttons{display:flex;justify-content:flex-end;gap:12px;margin-top:18px}
#didomi-host .didomi-button{border-radius:4px;padding:10px 18px;font-size:14px;cursor:pointer;border:1px solid #1e1e1e;background:#fff;color:#1e1e1e}
#didomi-host .didomi-dismiss-button{background:#e20134;border-color:#e20134;color:#fff}
#didomi-host .didomi-continue-without-agreeing{display:block;text-align:right;font-size:13px;text-decoration:underline;cursor:pointer;margin-bottom:6px}
</style>
</head>
<body data-sveltekit-preload-data="hover">
<div style="display: contents">
<header class="Header svelte-1k4l2x">
<a class="brand" href="%SITE%/corpus/radio-france-fr/">France Culture</a>
<nav><a href="%SITE%/corpus/radio-france-fr/franceculture/podcasts">Podcasts</a><a href="%SITE%/corpus/radio-france-fr/franceculture/grille-programmes">Grille</a><a href="%SITE%/corpus/radio-france-fr/franceculture/savoirs">Savoirs</a></nav>
<button class="direct" type="button">Écouter le direct</button>
</header>
<main class="CoverEpisode svelte-9a8x1t">
<div>
<a class="show" href="%SITE%/corpus/radio-france-fr/franceculture/podcasts/le-labo-des-idees">Le Labo des idées</a>
<h1 itemprop="name headline">Pourquoi oublions-nous nos rêves ?</h1>
<div class="meta">Épisode 3/4 : Le sommeil, ce grand inconnu · Mercredi 17 janvier 2024 · 58 min</div>
<div class="Actions svelte-1m3j2v" id="actions">
<button class="PlayButton svelte-1m3j2v" type="button" aria-label="Écouter Pourquoi oublions-nous nos rêves ?">%ICON_PLAY%<span>Écouter</span> <small>(58 min)</small></button>
<button class="RoundButton svelte-1m3j2v" type="button" aria-label="Ajouter à ma liste" title="Ajouter à ma liste">%ICON_BOOKMARK%</button>
<button class="RoundButton svelte-1m3j2v" type="button" id="more" aria-label="Plus d'options" title="Plus d'options" aria-expanded="false">%ICON_MORE_H%</button>
</div>
<p class="standfirst">Au réveil, le rêve s'efface en quelques secondes. Que se passe-t-il dans le cerveau au moment où l'on ouvre les yeux, et pourquoi certains s'en souviennent-ils mieux que d'autres ?</p>
<p>Avec Claire Morvan, chercheuse en neurosciences, et Hugo Lefèvre, neurologue spécialiste des troubles du sommeil.</p>
<p>Production : Camille Renard · Réalisation : Thomas Jost</p>
<p><a href="%SITE%/corpus/radio-france-fr/franceculture/podcasts/le-labo-des-idees/que-se-passe-t-il-quand-on-dort-1837400">← Épisode 2 : Que se passe-t-il quand on dort ?</a></p>
</div>
<aside><img class="visual" src="%PLAYER%/corpus/radio-france-fr/s3/cruiser-production/2024/01/7b1c2d3e-labo-reves.jpg" alt=""></aside>
</main>
<div class="Player svelte-2p3o4q" id="player"><button type="button" id="playerbutton" aria-label="Pause">%ICON_PAUSE%</button><span>Le Labo des idées · Pourquoi oublions-nous nos rêves ?</span><audio id="audio" preload="none"></audio></div>
<footer class="Footer"><a href="%SITE%/corpus/radio-france-fr/mentions-legales">Mentions légales</a><a href="%SITE%/corpus/radio-france-fr/donnees-personnelles">Données personnelles</a><a href="#" id="open-consent">Gestion des cookies</a><a href="%SITE%/corpus/radio-france-fr/application">Application Radio France</a></footer>
</div>
<div id="didomi-host" data-nosnippet="true" aria-hidden="true"></div>
<script>
(function () {
  var ld = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
  var mp3 = ld.associatedMedia.contentUrl;
  var audio = document.getElementById('audio');
  var player = document.getElementById('player');
  var playerButton = document.getElementById('playerbutton');
  function toggle() {
    if (!audio.getAttribute('src')) audio.src = mp3;
    player.classList.add('visible');
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      playerButton.innerHTML = '%ICON_PAUSE%';
      playerButton.setAttribute('aria-label', 'Pause');
    } else {
      audio.pause();
      playerButton.innerHTML = '%ICON_PLAY%';
      playerButton.setAttribute('aria-label', 'Lecture');
    }
  }
  document.querySelector('.PlayButton').addEventListener('click', toggle);
  playerButton.addEventListener('click', toggle);

  var more = document.getElementById('more');
  var dropdown = null;
  function closeDropdown() {
    if (dropdown) { dropdown.remove(); dropdown = null; }
    more.setAttribute('aria-expanded', 'false');
  }
  more.addEventListener('click', function (event) {
    event.stopPropagation();
    if (dropdown) { closeDropdown(); return; }
    dropdown = document.createElement('div');
    dropdown.className = 'Dropdown svelte-1m3j2v';
    dropdown.setAttribute('role', 'menu');
    dropdown.innerHTML =
      '<button type="button" role="menuitem">Partager</button>' +
      '<button type="button" role="menuitem">Copier le lien</button>' +
      '<a role="menuitem" href="' + mp3 + '" download="pourquoi-oublions-nous-nos-reves.mp3">Télécharger</a>' +
      '<a role="menuitem" href="%SITE%/corpus/radio-france-fr/franceculture/podcasts/le-labo-des-idees">Voir tous les épisodes</a>';
    document.getElementById('actions').appendChild(dropdown);
    more.setAttribute('aria-expanded', 'true');
    Array.prototype.forEach.call(dropdown.querySelectorAll('button'), function (b) { b.addEventListener('click', closeDropdown); });
  });
  document.addEventListener('click', function (event) {
    if (dropdown && !dropdown.contains(event.target)) closeDropdown();
  });
})();
</script>
<script>
/* Didomi SDK loader (sdk.privacy-center.org), inlined */
(function () {
  var host = document.getElementById('didomi-host');
  function consentGiven() { return /(^|; )didomi_token=/.test(document.cookie); }
  function close(status) {
    document.cookie = 'didomi_token=' + status + '; path=/; max-age=31536000';
    host.innerHTML = '';
    host.setAttribute('aria-hidden', 'true');
    document.body.style.overflow = '';
  }
  function notice() {
    host.setAttribute('aria-hidden', 'false');
    document.body.style.overflow = 'hidden';
    host.innerHTML =
      '<div class="didomi-popup-backdrop didomi-notice-popup" role="presentation">' +
      '<div class="didomi-popup-container didomi-popup-notice didomi-popup-notice-with-data-processing" id="didomi-popup" role="dialog" aria-modal="true" aria-labelledby="didomi-notice-title">' +
      '<div class="didomi-popup-notice-text" id="didomi-notice-title">' +
      '<span class="didomi-continue-without-agreeing" role="button" tabindex="0">Continuer sans accepter →</span>' +
      '<h1>Bienvenue sur France Culture</h1>' +
      '<p>Avec votre accord, nous et nos 14 partenaires utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site. Vous pouvez retirer votre consentement ou vous opposer aux traitements basés sur l\'intérêt légitime à tout moment en cliquant sur « En savoir plus » ou dans notre politique de confidentialité sur ce site.</p>' +
      '<p>Avec nos partenaires, nous traitons les données suivantes : mesure d\'audience, contenus personnalisés, lecture des podcasts et vidéos.</p>' +
      '</div>' +
      '<div class="didomi-popup-notice-buttons">' +
      '<button id="didomi-notice-learn-more-button" class="didomi-components-button didomi-button didomi-button-standard standard-button" type="button">En savoir plus</button>' +
      '<button id="didomi-notice-agree-button" class="didomi-components-button didomi-button didomi-dismiss-button didomi-components-button--color didomi-button-highlight highlight-button" type="button" aria-label="Accepter & Fermer: Accepter notre traitement des données et fermer"><span>Accepter &amp; Fermer</span></button>' +
      '</div></div></div>';
    document.getElementById('didomi-notice-agree-button').addEventListener('click', function () { close('all'); });
    host.querySelector('.didomi-continue-without-agreeing').addEventListener('click', function () { close('none'); });
    document.getElementById('didomi-notice-learn-more-button').addEventListener('click', preferences);
  }
  function preferences() {
    host.querySelector('#didomi-popup').innerHTML =
      '<h1>Paramétrez vos choix</h1>' +
      '<p>Mesure d\'audience · Contenus personnalisés · Lecture des podcasts et vidéos</p>' +
      '<div class="didomi-popup-notice-buttons">' +
      '<button class="didomi-components-button didomi-button" type="button" id="didomi-disagree">Tout refuser</button>' +
      '<button class="didomi-components-button didomi-button didomi-dismiss-button" type="button" id="didomi-agree">Tout accepter</button>' +
      '<button class="didomi-components-button didomi-button" type="button" id="didomi-save">Enregistrer</button>' +
      '</div>';
    document.getElementById('didomi-disagree').addEventListener('click', function () { close('none'); });
    document.getElementById('didomi-agree').addEventListener('click', function () { close('all'); });
    document.getElementById('didomi-save').addEventListener('click', function () { close('custom'); });
  }
  window.Didomi = {
    setUserAgreeToAll: function () { close('all'); },
    preferences: { show: function () { notice(); preferences(); } }
  };
  document.getElementById('open-consent').addEventListener('click', function (e) { e.preventDefault(); notice(); });
  if (!consentGiven()) setTimeout(notice, 400);
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// rtve-es
//
// Imitates an RTVE Play audio page (rtve.es/play/audios/<program>/<slug>/<id>/) and its
// metadata API (rtve.es/api/audios/<id>.json, `page.items[0]`). RTVE really hides the
// media URL in a PNG decoded by its player script; that is not reproduced: here the
// player and the options panel read a synthetic `qualities` entry from the API, and the
// "Más opciones" button revealing "Descargar" is synthetic (no captured markup). The
// mvod.lvlt.rtve.es media host is the player host; the program is fictional.

fn rtve_es(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(RTVE_PAGE, request),
        ("api/audios/7101234.json", false) => data(RTVE_API, request),
        _ => None,
    }
}

const RTVE_API: &str = r##"{"page":{"items":[{"id":"7101234","title":"Los relojes del cuerpo","longTitle":"Ciencia a la carta - Los relojes del cuerpo - 12/03/24","publicationDate":"12-03-2024 22:05:00","duration":3421000,"programInfo":{"title":"Ciencia a la carta","channel":"Radio 5"},"type":{"name":"Completo"},"qualities":[{"type":"MP3","preset":"Alta","bitrate":128,"filePath":"%PLAYER%/media/rtve/resources/TE_SCIENC/mp3/4/2/1710238123424.mp3"}],"downloadable":true,"htmlUrl":"%SITE%/corpus/rtve-es"}],"total":1}}"##;

const RTVE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ciencia a la carta - Los relojes del cuerpo - 12/03/24 | RTVE Play</title>
<meta name="description" content="Escuchar audio online Ciencia a la carta - Los relojes del cuerpo. Cronobiología: por qué el cuerpo tiene hora para todo.">
<meta property="og:title" content="Ciencia a la carta - Los relojes del cuerpo">
<meta property="og:type" content="music.song">
<meta property="og:image" content="%SITE%/corpus/rtve-es/imagenes/ciencia-a-la-carta-relojes/1710238123424.jpg">
<meta property="og:site_name" content="RTVE.es">
<style>
body{margin:0;font-family:Roboto,Helvetica,Arial,sans-serif;background:#0d0d0d;color:#f2f2f2}
.header{display:flex;align-items:center;gap:26px;padding:14px 30px;background:#000}
.header .logo{font-weight:900;font-size:22px;color:#fff;text-decoration:none}
.header a{color:#ddd;text-decoration:none;font-size:14px}
.header .login{margin-left:auto;border:1px solid #666;padding:6px 14px;border-radius:4px}
.ficha{max-width:1000px;margin:36px auto;padding:0 24px;display:grid;grid-template-columns:280px 1fr;gap:36px}
.ficha img{width:280px;height:280px}
.ficha .programa{color:#ff5a00;font-weight:700;text-decoration:none;text-transform:uppercase;font-size:13px}
.ficha h1{font-size:30px;margin:8px 0}
.ficha .datos{color:#aaa;font-size:14px}
.botonera{display:flex;gap:12px;align-items:center;margin:22px 0;flex-wrap:wrap}
.btn{border:1px solid #555;background:#1c1c1c;color:#f2f2f2;border-radius:22px;padding:10px 18px;font-size:15px;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;gap:8px}
.btn.reproducir{background:#ff5a00;border-color:#ff5a00;color:#000;font-weight:700}
.btn.icono{width:44px;height:44px;padding:0;justify-content:center}
.opciones{display:none;gap:10px;flex-wrap:wrap;margin-top:-6px}
.opciones.abierto{display:flex}
.ficha p{line-height:1.65;font-size:16px;color:#ddd}
.reproductor{position:fixed;left:0;right:0;bottom:0;background:#1c1c1c;display:none;align-items:center;gap:14px;padding:10px 24px;border-top:2px solid #ff5a00}
.reproductor.visible{display:flex}
.reproductor button{background:none;border:0;color:#fff;cursor:pointer}
.relacionados a{display:block;color:#ddd;margin:8px 0}
.footer{background:#000;color:#888;font-size:13px;padding:30px;margin-top:60px}
.footer a{color:#bbb;margin-right:16px}
</style>
</head>
<body>
<header class="header">
<a class="logo" href="%SITE%/corpus/rtve-es/">RTVE Play</a>
<a href="%SITE%/corpus/rtve-es/play/radio/">Radio</a><a href="%SITE%/corpus/rtve-es/play/podcast/">Podcast</a><a href="%SITE%/corpus/rtve-es/play/directos/">Directos</a>
<a class="login" href="%SITE%/corpus/rtve-es/usuarios/acceso">Iniciar sesión</a>
</header>
<main class="ficha" data-idasset="7101234">
<img src="%SITE%/corpus/rtve-es/imagenes/ciencia-a-la-carta-relojes/1710238123424.jpg" alt="Ciencia a la carta">
<div>
<a class="programa" href="%SITE%/corpus/rtve-es/play/audios/ciencia-a-la-carta/">Ciencia a la carta</a>
<h1>Los relojes del cuerpo</h1>
<div class="datos">Radio 5 · 12 mar 2024 · 57:01</div>
<div class="botonera">
<button class="btn reproducir" type="button" aria-label="Reproducir">%ICON_PLAY% Reproducir</button>
<button class="btn icono" type="button" aria-label="Añadir a Mi Lista" title="Añadir a Mi Lista">%ICON_BOOKMARK%</button>
<button class="btn icono" type="button" id="mas-opciones" aria-label="Más opciones" title="Más opciones" aria-expanded="false">%ICON_MORE_H%</button>
</div>
<div class="opciones" id="opciones">
<button class="btn" type="button">%ICON_SHARE% Compartir</button>
<a class="btn descargar" id="descargar" href="#" download>%ICON_DOWNLOAD% Descargar</a>
<a class="btn" href="%SITE%/corpus/rtve-es/play/audios/ciencia-a-la-carta/">Ver programa</a>
</div>
<p>Cronobiología: por qué el cuerpo tiene hora para todo. El hígado, el corazón y hasta la piel siguen su propio reloj, sincronizado por la luz. Hablamos con una investigadora del CNIO sobre el jet lag social, los turnos de noche y la mejor hora para tomar un medicamento.</p>
<p>Presenta: Lucía Serrano. Dirección: Andrés Molina.</p>
<section class="relacionados"><h3>Otros audios de Ciencia a la carta</h3>
<a href="%SITE%/corpus/rtve-es/play/audios/ciencia-a-la-carta/microbiota-segundo-cerebro/7094410/">La microbiota, ¿un segundo cerebro? · 05/03/24</a>
<a href="%SITE%/corpus/rtve-es/play/audios/ciencia-a-la-carta/volcanes-submarinos/7087652/">Volcanes submarinos · 27/02/24</a>
</section>
</div>
</main>
<div class="reproductor" id="reproductor"><button type="button" id="pausa" aria-label="Pausa">%ICON_PAUSE%</button><span>Ciencia a la carta · Los relojes del cuerpo</span><audio id="audio" preload="none"></audio></div>
<footer class="footer"><a href="%SITE%/corpus/rtve-es/aviso-legal">Aviso legal</a><a href="%SITE%/corpus/rtve-es/privacidad">Privacidad</a><a href="%SITE%/corpus/rtve-es/app">Descarga la app de RTVE Play</a></footer>
<script>
(function () {
  var id = document.querySelector('.ficha').getAttribute('data-idasset');
  var item = null;
  function load() {
    if (item) return Promise.resolve(item);
    return fetch('/corpus/rtve-es/api/audios/' + id + '.json')
      .then(function (r) { return r.json(); })
      .then(function (json) { item = json.page.items[0]; return item; });
  }
  var audio = document.getElementById('audio');
  var bar = document.getElementById('reproductor');
  var pausa = document.getElementById('pausa');
  function toggle() {
    load().then(function (it) {
      if (!audio.getAttribute('src')) audio.src = it.qualities[0].filePath;
      bar.classList.add('visible');
      if (audio.paused) {
        var p = audio.play();
        if (p && p.catch) p.catch(function () {});
        pausa.innerHTML = '%ICON_PAUSE%';
      } else {
        audio.pause();
        pausa.innerHTML = '%ICON_PLAY%';
      }
    });
  }
  document.querySelector('.reproducir').addEventListener('click', toggle);
  pausa.addEventListener('click', toggle);
  var mas = document.getElementById('mas-opciones');
  var opciones = document.getElementById('opciones');
  mas.addEventListener('click', function () {
    load().then(function (it) {
      var descargar = document.getElementById('descargar');
      if (it.downloadable) descargar.href = it.qualities[0].filePath;
      else descargar.remove();
      var abierto = opciones.classList.toggle('abierto');
      mas.setAttribute('aria-expanded', abierto ? 'true' : 'false');
    });
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// onetrust-overlay
//
// Imitates a newspaper's podcast page with OneTrust as captured on Spotify's episode
// page (metascraper): `#onetrust-consent-sdk` holding `.onetrust-pc-dark-filter`,
// `#onetrust-banner-sdk[role=region][aria-label="Cookie banner"]` with
// #onetrust-accept-btn-handler, #onetrust-reject-all-handler, #onetrust-pc-btn-handler,
// and the `#onetrust-pc-sdk` preference center. The Omny Studio embed (anzu:
// omny.fm/shows/<show>/<clip>/embed?style=Cover) is held back the way OneTrust's
// auto-blocking does it: `iframe.optanon-category-C0004` with `data-src`, copied to `src`
// once targeting cookies are allowed. The embed is Next.js with `props.pageProps.clip`
// PascalCase keys (`AudioUrl` behind a Chartable prefix, yt-dlp omnyfm.py). The paper
// and show are synthetic; omny.fm is the player host.

fn onetrust_overlay(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(ONETRUST_PAGE, request),
        ("shows/the-northern-post-daily/the-week-the-lights-went-out/embed", true) => {
            page(OMNY_EMBED, request)
        }
        _ => None,
    }
}

const ONETRUST_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The week the lights went out: inside the Storm Isha blackout | The Northern Post Daily podcast</title>
<meta name="description" content="Listen: 40,000 homes lost power for four days. Our reporters follow the engineers, the families and the questions that followed.">
<meta property="og:title" content="The week the lights went out">
<meta property="og:type" content="article">
<meta property="og:image" content="%SITE%/corpus/onetrust-overlay/img/2024/02/09/storm-isha-blackout-podcast.jpg">
<script>var OnetrustActiveGroups = ',C0001,';</script>
<style>
body{margin:0;font-family:Georgia,serif;color:#121212;background:#fff}
.nav{background:#052962;color:#fff;padding:14px 30px;display:flex;align-items:center;gap:24px;font-family:Helvetica,Arial,sans-serif}
.nav .paper{font-family:Georgia,serif;font-size:28px;font-weight:700;color:#fff;text-decoration:none}
.nav a{color:#fff;text-decoration:none;font-size:14px}
.nav .support{margin-left:auto;background:#ffe500;color:#052962!important;padding:8px 14px;border-radius:18px;font-weight:700}
.content{max-width:660px;margin:30px auto;padding:0 20px}
.series{font-family:Helvetica,Arial,sans-serif;font-weight:700;color:#c70000;font-size:14px}
h1{font-size:36px;line-height:1.15;margin:8px 0}
.standfirst{font-size:19px;color:#333;line-height:1.45}
.meta{font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#707070;border-top:1px solid #dcdcdc;border-bottom:1px solid #dcdcdc;padding:8px 0;margin:16px 0}
.podcast-embed{margin:22px 0;min-height:180px;background:#f6f6f6;position:relative}
.podcast-embed iframe{display:block;width:100%;height:180px;border:0}
.ot-placeholder{padding:40px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#333;text-align:center}
.ot-placeholder button{margin-top:10px;border:1px solid #052962;background:#fff;color:#052962;padding:8px 14px;border-radius:18px;cursor:pointer}
.content p{font-size:18px;line-height:1.6}
.listen-on{font-family:Helvetica,Arial,sans-serif;font-size:14px}
.listen-on a{color:#052962;margin-right:12px}
.footer{background:#052962;color:#fff;font-family:Helvetica,Arial,sans-serif;font-size:13px;padding:30px;margin-top:50px}
#onetrust-consent-sdk{font-family:Helvetica,Arial,sans-serif}
.onetrust-pc-dark-filter{position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:2147483645}
.ot-hide{display:none!important}
#onetrust-banner-sdk{position:fixed;left:0;right:0;bottom:0;background:#fff;z-index:2147483646;box-shadow:0 -2px 12px rgba(0,0,0,.3);padding:22px 40px;display:flex;gap:30px;align-items:center}
#onetrust-policy-title{font-size:18px;margin:0 0 8px}
#onetrust-policy-text{font-size:13px;line-height:1.5;color:#333}
#onetrust-button-group{display:flex;flex-direction:column;gap:8px;min-width:230px}
#onetrust-button-group button{padding:11px 16px;font-size:14px;cursor:pointer;border:1px solid #052962;background:#fff;color:#052962;font-weight:600}
#onetrust-accept-btn-handler,#onetrust-reject-all-handler{background:#052962!important;color:#fff!important}
.ot-link-btn{background:none;border:0;color:#052962;text-decoration:underline;cursor:pointer;padding:0;font-size:13px}
#onetrust-pc-sdk{position:fixed;top:8%;left:50%;transform:translateX(-50%);width:560px;max-width:92vw;background:#fff;z-index:2147483647;padding:24px;box-shadow:0 6px 30px rgba(0,0,0,.4);font-size:14px}
#onetrust-pc-sdk .ot-cat{display:flex;justify-content:space-between;border-bottom:1px solid #eee;padding:10px 0}
#onetrust-pc-sdk .ot-pc-footer{display:flex;gap:10px;justify-content:flex-end;margin-top:16px}
#onetrust-pc-sdk .ot-pc-footer button{padding:10px 14px;border:1px solid #052962;background:#fff;color:#052962;cursor:pointer}
#close-pc-btn-handler{position:absolute;right:14px;top:10px;border:0;background:none;font-size:20px;cursor:pointer}
</style>
</head>
<body>
<header class="nav"><a class="paper" href="%SITE%/corpus/onetrust-overlay/">The Northern Post</a><a href="%SITE%/corpus/onetrust-overlay/news">News</a><a href="%SITE%/corpus/onetrust-overlay/sport">Sport</a><a href="%SITE%/corpus/onetrust-overlay/podcasts">Podcasts</a><a class="support" href="%SITE%/corpus/onetrust-overlay/subscribe">Subscribe</a></header>
<article class="content">
<div class="series">The Northern Post Daily</div>
<h1>The week the lights went out: inside the Storm Isha blackout</h1>
<p class="standfirst">Forty thousand homes lost power for four days. Our reporters follow the engineers, the families, and the questions that followed.</p>
<div class="meta">Presented by Helen Marsh with Callum Reid; produced by Aisha Bello · Fri 9 Feb 2024 05.00 GMT</div>
<div class="podcast-embed" id="podcast-embed">
<div class="ot-placeholder" id="ot-placeholder">This podcast player is provided by Omny Studio. To listen here, please allow targeting cookies.<br><button type="button" class="ot-sdk-show-settings">Cookie Settings</button></div>
<iframe class="optanon-category-C0004 ot-hide" data-src="%PLAYER%/corpus/onetrust-overlay/shows/the-northern-post-daily/the-week-the-lights-went-out/embed?style=Cover" allow="autoplay; clipboard-write" frameborder="0" title="The week the lights went out"></iframe>
</div>
<p class="listen-on">Listen on <a href="%SITE%/corpus/onetrust-overlay/podcasts/apple">Apple Podcasts</a><a href="%SITE%/corpus/onetrust-overlay/podcasts/spotify">Spotify</a><a href="%SITE%/corpus/onetrust-overlay/podcasts/the-northern-post-daily">All episodes</a></p>
<p>When Storm Isha brought down lines across three counties in January, the grid operator promised power would be back within 48 hours. For some villages it took four days. Helen Marsh talks to the engineers who worked through the night, the care home that ran on a borrowed generator, and the councillors now asking who decides which streets come back first.</p>
<p>Support The Northern Post: our journalism is funded by readers. <a href="%SITE%/corpus/onetrust-overlay/subscribe">Subscribe today</a>.</p>
</article>
<footer class="footer">© 2024 Northern Post Media Ltd · Terms · Privacy policy · <a href="#" class="ot-sdk-show-settings" style="color:#fff">Cookie settings</a></footer>

<div id="onetrust-consent-sdk">
<div class="onetrust-pc-dark-filter ot-fade-in"></div>
<div id="onetrust-pc-sdk" class="otPcCenter ot-hide ot-fade-in" lang="en" aria-label="Preference center" role="region">
<button id="close-pc-btn-handler" class="ot-close-icon" aria-label="Close">×</button>
<h2 id="ot-pc-title">Privacy Preference Centre</h2>
<div class="ot-cat"><span>Strictly Necessary Cookies</span><strong>Always Active</strong></div>
<div class="ot-cat"><label for="ot-group-id-C0002">Performance Cookies</label><input type="checkbox" id="ot-group-id-C0002"></div>
<div class="ot-cat"><label for="ot-group-id-C0003">Functional Cookies</label><input type="checkbox" id="ot-group-id-C0003"></div>
<div class="ot-cat"><label for="ot-group-id-C0004">Targeting Cookies (includes embedded audio and video players)</label><input type="checkbox" id="ot-group-id-C0004"></div>
<div class="ot-pc-footer"><button class="ot-pc-refuse-all-handler" type="button">Reject All</button><button class="save-preference-btn-handler onetrust-close-btn-handler" type="button">Confirm My Choices</button><button id="accept-recommended-btn-handler" type="button">Allow All</button></div>
</div>
<div id="onetrust-banner-sdk" class="otFlat ot-iab-2 bottom vertical-align-content" tabindex="0" role="region" aria-label="Cookie banner">
<div role="alertdialog" aria-describedby="onetrust-policy-text" aria-label="We Care About Your Privacy" style="flex:1">
<div id="onetrust-policy"><h2 id="onetrust-policy-title">We Care About Your Privacy</h2>
<div id="onetrust-policy-text">We and our 162 partners store and/or access information on a device, such as unique IDs in cookies to process personal data. You may accept or manage your choices by clicking below, including your right to object where legitimate interest is used, or at any time in the privacy policy page. <button class="ot-link-btn onetrust-vendors-list-handler" type="button">List of Partners (vendors)</button></div></div>
</div>
<div id="onetrust-button-group-parent" class="ot-sdk-columns has-reject-all-button"><div id="onetrust-button-group">
<button id="onetrust-accept-btn-handler" type="button">Accept All Cookies</button>
<button id="onetrust-reject-all-handler" type="button">Reject All</button>
<button id="onetrust-pc-btn-handler" class="cookie-setting-link" type="button">Cookie Settings</button>
</div></div>
<div id="onetrust-close-btn-container"></div>
</div>
</div>
<script>
/* OneTrust otSDKStub / otBannerSdk behaviour, inlined */
(function () {
  var filter = document.querySelector('.onetrust-pc-dark-filter');
  var banner = document.getElementById('onetrust-banner-sdk');
  var pc = document.getElementById('onetrust-pc-sdk');
  function hideAll() {
    filter.classList.add('ot-hide');
    banner.classList.add('ot-hide');
    pc.classList.add('ot-hide');
  }
  function apply(groups) {
    window.OnetrustActiveGroups = ',' + groups.join(',') + ',';
    document.cookie = 'OptanonConsent=groups=' + encodeURIComponent(groups.map(function (g) { return g + ':1'; }).join(',')) + '; path=/';
    document.cookie = 'OptanonAlertBoxClosed=' + new Date().toISOString() + '; path=/';
    hideAll();
    Array.prototype.forEach.call(document.querySelectorAll('iframe[data-src]'), function (frame) {
      var category = (frame.className.match(/optanon-category-(C\d+)/) || [])[1];
      if (category && groups.indexOf(category) !== -1) {
        frame.src = frame.getAttribute('data-src');
        frame.classList.remove('ot-hide');
        document.getElementById('ot-placeholder').style.display = 'none';
      }
    });
  }
  function showPc() {
    filter.classList.remove('ot-hide');
    pc.classList.remove('ot-hide');
    banner.classList.add('ot-hide');
  }
  document.getElementById('onetrust-accept-btn-handler').addEventListener('click', function () { apply(['C0001', 'C0002', 'C0003', 'C0004']); });
  document.getElementById('onetrust-reject-all-handler').addEventListener('click', function () { apply(['C0001']); });
  document.getElementById('onetrust-pc-btn-handler').addEventListener('click', showPc);
  document.getElementById('accept-recommended-btn-handler').addEventListener('click', function () { apply(['C0001', 'C0002', 'C0003', 'C0004']); });
  pc.querySelector('.ot-pc-refuse-all-handler').addEventListener('click', function () { apply(['C0001']); });
  pc.querySelector('.save-preference-btn-handler').addEventListener('click', function () {
    var groups = ['C0001'];
    ['C0002', 'C0003', 'C0004'].forEach(function (g) { if (document.getElementById('ot-group-id-' + g).checked) groups.push(g); });
    apply(groups);
  });
  document.getElementById('close-pc-btn-handler').addEventListener('click', function () {
    pc.classList.add('ot-hide');
    if (!/OptanonAlertBoxClosed=/.test(document.cookie)) banner.classList.remove('ot-hide'); else filter.classList.add('ot-hide');
  });
  Array.prototype.forEach.call(document.querySelectorAll('.ot-sdk-show-settings'), function (b) {
    b.addEventListener('click', function (e) { e.preventDefault(); showPc(); });
  });
})();
</script>
</body>
</html>
"##;

const OMNY_EMBED: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>The week the lights went out - The Northern Post Daily - Omny.fm</title>
<meta name="robots" content="noindex">
<meta name="next-head-count" content="4">
<style>
body{margin:0;font-family:"Helvetica Neue",Arial,sans-serif;background:#fff;color:#222}
.Embed_root{display:flex;height:178px;border:1px solid #e6e6e6}
.Embed_cover{width:178px;height:178px;flex:none}
.Embed_body{flex:1;padding:14px 18px;display:flex;flex-direction:column;min-width:0}
.Embed_program{font-size:12px;color:#888}
.Embed_title{font-size:17px;font-weight:700;margin:4px 0}
.Embed_controls{display:flex;align-items:center;gap:12px;margin-top:auto}
.Embed_play{width:50px;height:50px;border-radius:50%;border:0;background:#e4002b;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.Embed_track{flex:1;height:4px;background:#eee}
.Embed_track div{height:4px;width:0;background:#e4002b}
.Embed_time{font-size:12px;color:#777;font-variant-numeric:tabular-nums}
.Embed_share{border:0;background:none;color:#777;cursor:pointer}
.Embed_brand{position:absolute;right:10px;top:8px;font-size:10px;color:#aaa}
</style>
</head>
<body>
<div id="__next"><div class="Embed_root">
<img class="Embed_cover" src="%PLAYER%/corpus/onetrust-overlay/images/clips/9d7f1e52/cover-600.jpg" alt="">
<div class="Embed_body">
<div class="Embed_program">The Northern Post Daily</div>
<div class="Embed_title">The week the lights went out</div>
<div class="Embed_time">09 Feb 2024 · 31:44</div>
<div class="Embed_controls">
<button class="Embed_play" type="button" aria-label="Play">%ICON_PLAY%</button>
<span class="Embed_time" id="pos">00:00</span>
<div class="Embed_track"><div id="track"></div></div>
<span class="Embed_time">31:44</span>
<button class="Embed_share" type="button" aria-label="Share">%ICON_SHARE%</button>
</div>
</div>
</div>
<div class="Embed_brand">Omny Studio</div>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"clip":{"Id":"9d7f1e52-3c4a-4f1e-9a7b-b11a00c3d4e5","Title":"The week the lights went out","Description":"Forty thousand homes lost power for four days.","PublishedUtc":"2024-02-09T05:00:00Z","DurationSeconds":1904.3,"AudioUrl":"%PLAYER%/hop/chartable/media/omny/d/clips/aaea4e69-af51-495e-afc9-a9760146922b/b6ae7b3e-0b43-4c4b-8a5a-b0f000e1c2d1/9d7f1e52-3c4a-4f1e-9a7b-b11a00c3d4e5/audio.mp3?utm_source=Embed&in_playlist=4a3c2b1d-0e9f-4f8a-b7c6-b0f000e1c2ff","PublishedAudioSizeInBytes":30470912,"Program":{"Name":"The Northern Post Daily","Slug":"the-northern-post-daily"},"Chapters":[],"Episode":null,"Season":null}},"__N_SSP":true},"page":"/shows/[programSlug]/[clipSlug]/embed","query":{"style":"Cover","programSlug":"the-northern-post-daily","clipSlug":"the-week-the-lights-went-out"},"buildId":"omny-web-8f2c1a","isFallback":false,"gssp":true}</script>
<script>
(function () {
  var clip = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps.clip;
  var audio = null;
  var play = document.querySelector('.Embed_play');
  play.addEventListener('click', function () {
    if (!audio) {
      audio = document.createElement('audio');
      audio.preload = 'auto';
      audio.src = clip.AudioUrl;
      document.querySelector('.Embed_root').appendChild(audio);
      audio.addEventListener('timeupdate', function () {
        var s = Math.floor(audio.currentTime);
        document.getElementById('pos').textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
        document.getElementById('track').style.width = (100 * s / clip.DurationSeconds) + '%';
      });
    }
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      play.innerHTML = '%ICON_PAUSE%';
      play.setAttribute('aria-label', 'Pause');
    } else {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.setAttribute('aria-label', 'Play');
    }
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// usercentrics-shadow
//
// Imitates Usercentrics v2: the CMP renders into an open shadow root on
// `#usercentrics-root`, with buttons `[data-testid="uc-accept-all-button"]`,
// `[data-testid="uc-deny-all-button"]`, `[data-testid="uc-more-button"]` inside
// `[data-testid="uc-container"]` (selectors from autoconsent and a Cypress test), and
// the `UC_UI` API. The dialog wording, the backdrop, and the in-page "We need your
// consent to load the Letscast service" placeholder (modeled on Usercentrics' Smart
// Data Protector) are synthetic, as is the site; its player streams after consent.

fn usercentrics_shadow(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(USERCENTRICS_PAGE, request),
        ("api/episodes/77", false) => data(USERCENTRICS_API, request),
        _ => None,
    }
}

const USERCENTRICS_API: &str = r##"{"id":77,"title":"The press-resistant midfield","show":"Bundesliga Breakdown","duration":3055,"enclosure":{"url":"%SITE%/hop/op3/media/bundesliga-breakdown/bb-077-the-press-resistant-midfield.mp3","type":"audio/mpeg","length":48880213}}"##;

const USERCENTRICS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>BB 077: The press-resistant midfield – Bundesliga Breakdown</title>
<meta name="description" content="Why Leverkusen's midfield doesn't lose the ball, and what everyone else is copying.">
<meta property="og:title" content="BB 077: The press-resistant midfield">
<meta property="og:image" content="%SITE%/corpus/usercentrics-shadow/wp-content/uploads/2024/03/bb-077.jpg">
<style>
body{margin:0;font-family:"Barlow",Arial,Helvetica,sans-serif;background:#f2f2f2;color:#161616}
.topbar{background:#d20515;color:#fff;padding:14px 28px;display:flex;align-items:center;gap:22px}
.topbar .brand{font-weight:800;font-size:22px;letter-spacing:.02em;color:#fff;text-decoration:none;text-transform:uppercase}
.topbar a{color:#fff;text-decoration:none;font-size:15px}
.wrap{max-width:760px;margin:34px auto;background:#fff;padding:30px 36px;border-radius:4px}
.label{color:#d20515;font-weight:700;text-transform:uppercase;font-size:13px;letter-spacing:.08em}
h1{font-size:34px;margin:6px 0 12px}
.meta{font-size:14px;color:#666;margin-bottom:22px}
.uc-embedding-container{background:#f7f7f7;border:1px solid #ddd;border-radius:6px;padding:26px;text-align:center;font-size:15px}
.uc-embedding-container h4{margin:0 0 8px;font-size:16px}
.uc-embedding-buttons{display:flex;gap:10px;justify-content:center;margin-top:14px}
.uc-embedding-buttons button{padding:9px 16px;border-radius:4px;border:1px solid #0045a5;background:#fff;color:#0045a5;cursor:pointer}
.uc-embedding-accept{background:#0045a5!important;color:#fff!important}
.lc-player{display:flex;gap:16px;align-items:center;background:#161616;color:#fff;border-radius:6px;padding:16px}
.lc-player img{width:90px;height:90px;border-radius:4px}
.lc-play{width:56px;height:56px;border-radius:50%;border:0;background:#d20515;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.lc-info{flex:1}
.lc-info small{color:#aaa}
.lc-progress{height:4px;background:#444;margin-top:10px}
.lc-progress div{height:4px;width:0;background:#d20515}
.wrap p,.wrap li{font-size:17px;line-height:1.65}
.share a{margin-right:12px;color:#0045a5}
.footer{text-align:center;font-size:13px;color:#666;padding:30px}
.footer a{color:#666}
</style>
</head>
<body>
<div class="topbar"><a class="brand" href="%SITE%/corpus/usercentrics-shadow/">Bundesliga Breakdown</a><a href="%SITE%/corpus/usercentrics-shadow/episodes/">Episodes</a><a href="%SITE%/corpus/usercentrics-shadow/newsletter/">Newsletter</a><a href="%SITE%/corpus/usercentrics-shadow/support/">Support us</a></div>
<main class="wrap">
<div class="label">Episode 77</div>
<h1>The press-resistant midfield</h1>
<div class="meta">March 15, 2024 · 51 min · Hosted by Felix Brandt &amp; Tom Ellery</div>
<div id="podcast-player" data-episode="77">
<div class="uc-embedding-container" data-nosnippet>
<h4>We need your consent to load the Letscast service!</h4>
<p>This content is provided by Letscast.fm. We use a third-party service to embed audio content that may collect data about your activity. Please review the details and accept the service to listen to this episode.</p>
<div class="uc-embedding-buttons"><button type="button" class="uc-embedding-more-info">More Information</button><button type="button" class="uc-embedding-accept">Accept</button></div>
</div>
</div>
<p>Leverkusen haven't lost a league game all season, and a big reason is a midfield that simply doesn't give the ball away. Felix and Tom break down the body shape, the third-man runs and the goalkeeper's role in beating a high press — and look at who in the league is copying it.</p>
<ul>
<li>Why Xhaka receives on the half-turn</li>
<li>The "box midfield" and where it leaves space</li>
<li>Stuttgart's version on a fraction of the budget</li>
</ul>
<p class="share">Share: <a href="#">X</a><a href="#">Facebook</a><a href="#">WhatsApp</a><a href="#">Copy link</a></p>
<p><a href="%SITE%/corpus/usercentrics-shadow/episodes/bb-076-the-new-number-nines/">← BB 076: The new number nines</a></p>
</main>
<div class="footer">© 2024 Kurvenfunk Media GmbH, München · <a href="%SITE%/corpus/usercentrics-shadow/impressum/">Impressum</a> · <a href="#" id="privacy-settings">Privacy Settings</a></div>
<div id="usercentrics-root" data-created-at="1710500000000"></div>
<script>
/* Usercentrics CMP (loader.js), inlined */
(function () {
  var host = document.getElementById('usercentrics-root');
  var root = host.attachShadow({mode: 'open'});
  var listeners = [];
  function consented() { return /uc_consent=all|uc_consent=letscast/.test(document.cookie); }
  function save(value) {
    document.cookie = 'uc_consent=' + value + '; path=/; max-age=31536000';
    root.innerHTML = '';
    listeners.forEach(function (fn) { fn(value); });
  }
  function banner(view) {
    root.innerHTML =
      '<style>' +
      '.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.45);z-index:2147483647;display:flex;align-items:flex-end;justify-content:center;font-family:BlinkMacSystemFont,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}' +
      '.dialog{background:#fff;width:720px;max-width:96vw;border-radius:8px 8px 0 0;padding:26px 30px;color:#303030;font-size:14px;line-height:1.5}' +
      '.title{font-size:20px;font-weight:700;margin:0 0 10px}' +
      '.buttons{display:flex;gap:10px;justify-content:flex-end;margin-top:18px;flex-wrap:wrap}' +
      'button{font:inherit;padding:11px 20px;border-radius:4px;cursor:pointer;border:0}' +
      '.sc-eDvSVe.more{background:#f5f5f5;color:#333}' +
      '.sc-eDvSVe.deny{background:#f5f5f5;color:#333}' +
      '.sc-eDvSVe.accept{background:#0045a5;color:#fff}' +
      '.service{display:flex;justify-content:space-between;border-bottom:1px solid #eee;padding:8px 0}' +
      '</style>' +
      '<div class="backdrop"><div class="dialog" data-testid="uc-container" role="dialog" aria-modal="true" aria-labelledby="uc-heading-title">' +
      (view === 'more'
        ? '<p class="title" id="uc-heading-title">Privacy Settings</p>' +
          '<div class="service"><span>Usercentrics Consent Management Platform</span><span>Essential</span></div>' +
          '<div class="service"><label for="svc-lc">Letscast.fm (podcast player)</label><input type="checkbox" id="svc-lc"></div>' +
          '<div class="service"><label for="svc-ga">Google Analytics</label><input type="checkbox" id="svc-ga"></div>' +
          '<div class="buttons"><button class="sc-eDvSVe deny" data-testid="uc-deny-all-button" type="button">Deny</button><button class="sc-eDvSVe more" data-testid="uc-save-button" type="button">Save Settings</button><button class="sc-eDvSVe accept" data-testid="uc-accept-all-button" type="button">Accept All</button></div>'
        : '<p class="title" id="uc-heading-title">Privacy Settings</p>' +
          '<div id="uc-message-text">This site uses third-party website tracking technologies to provide and continually improve our services, and to display advertisements according to users\' interests. I agree and may revoke or change my consent at any time with effect for the future.</div>' +
          '<div class="buttons"><button class="sc-eDvSVe more" data-testid="uc-more-button" type="button">More Information</button><button class="sc-eDvSVe deny" data-testid="uc-deny-all-button" type="button">Deny</button><button class="sc-eDvSVe accept" data-testid="uc-accept-all-button" type="button">Accept All</button></div>') +
      '</div></div>';
    root.querySelector('[data-testid="uc-accept-all-button"]').addEventListener('click', function () { save('all'); });
    root.querySelector('[data-testid="uc-deny-all-button"]').addEventListener('click', function () { save('none'); });
    var more = root.querySelector('[data-testid="uc-more-button"]');
    if (more) more.addEventListener('click', function () { banner('more'); });
    var saveButton = root.querySelector('[data-testid="uc-save-button"]');
    if (saveButton) saveButton.addEventListener('click', function () { save(root.getElementById('svc-lc').checked ? 'letscast' : 'none'); });
  }
  window.UC_UI = {
    acceptAllConsents: function () { save('all'); return Promise.resolve(); },
    denyAllConsents: function () { save('none'); return Promise.resolve(); },
    acceptService: function () { save('letscast'); return Promise.resolve(); },
    showSecondLayer: function () { banner('more'); },
    closeCMP: function () { root.innerHTML = ''; return Promise.resolve(); },
    isInitialized: function () { return true; },
    onConsent: function (fn) { listeners.push(fn); if (consented()) fn('stored'); }
  };
  document.getElementById('privacy-settings').addEventListener('click', function (e) { e.preventDefault(); banner('more'); });
  if (!/uc_consent=/.test(document.cookie)) banner('first');
})();
</script>
<script>
(function () {
  var container = document.getElementById('podcast-player');
  var episodeId = container.getAttribute('data-episode');
  var rendered = false;
  function render() {
    if (rendered) return;
    rendered = true;
    container.innerHTML =
      '<div class="lc-player">' +
      '<img src="%SITE%/corpus/usercentrics-shadow/wp-content/uploads/2024/03/bb-077.jpg" alt="">' +
      '<button class="lc-play" type="button" aria-label="Play">%ICON_PLAY%</button>' +
      '<div class="lc-info"><strong>BB 077: The press-resistant midfield</strong><br><small>Bundesliga Breakdown · 50:55</small><div class="lc-progress"><div></div></div></div>' +
      '</div>';
    var audio = new Audio();
    var play = container.querySelector('.lc-play');
    var loaded = null;
    play.addEventListener('click', function () {
      if (!loaded) {
        loaded = fetch('/corpus/usercentrics-shadow/api/episodes/' + episodeId)
          .then(function (r) { return r.json(); })
          .then(function (episode) { audio.src = episode.enclosure.url; });
      }
      loaded.then(function () {
        if (audio.paused) {
          var p = audio.play();
          if (p && p.catch) p.catch(function () {});
          play.innerHTML = '%ICON_PAUSE%';
          play.setAttribute('aria-label', 'Pause');
        } else {
          audio.pause();
          play.innerHTML = '%ICON_PLAY%';
          play.setAttribute('aria-label', 'Play');
        }
      });
    });
    audio.addEventListener('timeupdate', function () {
      container.querySelector('.lc-progress div').style.width = (100 * audio.currentTime / 3055) + '%';
    });
  }
  window.UC_UI.onConsent(function (value) {
    if (value === 'all' || value === 'letscast' || value === 'stored') render();
  });
  var accept = container.querySelector('.uc-embedding-accept');
  if (accept) accept.addEventListener('click', function () { window.UC_UI.acceptService('Letscast.fm'); });
  var info = container.querySelector('.uc-embedding-more-info');
  if (info) info.addEventListener('click', function () { window.UC_UI.showSecondLayer(); });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// sourcepoint-iframe
//
// Imitates Sourcepoint's consent message as captured at the end of a BBC page
// (metascraper): `<div id="sp_message_container_<id>" style="display: block;"><iframe
// src="https://cdn.privacy-mgmt.com/index.html?hasCsp=true&message_id=<id>&consentUUID=
// null&preload_message=true&version=v1&consentLanguage=.." id="sp_message_iframe_<id>"
// title="SP Consent Message">` with the injected fixed, z-index 2147483647 style, and
// `window._sp_queue` defined before load. Inside the frame the buttons carry
// sp_choice_type_11 (accept), sp_choice_type_12 (options) and sp_choice_type_9 (the
// German "Pur" ad-free subscription), as autoconsent's sourcepoint-frame rule expects.
// The German wording is plausible, not captured; the newspaper is synthetic; the
// privacy-mgmt host is the player host. The frame tells the page to hide itself with
// postMessage, as Sourcepoint does.

fn sourcepoint_iframe(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(SOURCEPOINT_PAGE, request),
        ("pur-abo", false) => page(SOURCEPOINT_PUR, request),
        ("index.html", true) => page(SOURCEPOINT_MESSAGE, request),
        _ => None,
    }
}

const SOURCEPOINT_PAGE: &str = r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Der Morgen: Streik bei der Bahn, Wärmepumpen-Förderung, Champions League | Rheinblatt</title>
<meta name="description" content="Der Nachrichtenpodcast am Morgen: Was heute wichtig ist – in 15 Minuten.">
<meta property="og:title" content="Der Morgen – Nachrichtenpodcast vom 14. März 2024">
<meta property="og:type" content="article">
<meta property="og:image" content="%SITE%/corpus/sourcepoint-iframe/img/podcast/der-morgen-cover-1200.jpg">
<script>window._sp_queue = []; window._sp_ = {config: {accountId: 1874, baseEndpoint: '%PLAYER%/corpus/sourcepoint-iframe', propertyHref: location.href, gdpr: {}, events: {}}};</script>
<style>
body{margin:0;font-family:"Source Serif Pro",Georgia,serif;color:#1a1a1a;background:#fff}
.kopf{border-bottom:1px solid #ddd;padding:16px 32px;display:flex;align-items:center;gap:26px;font-family:Arial,Helvetica,sans-serif}
.kopf .marke{font-family:Georgia,serif;font-size:30px;font-weight:700;color:#1a1a1a;text-decoration:none}
.kopf a{color:#1a1a1a;text-decoration:none;font-size:14px}
.kopf .abo{margin-left:auto;background:#004b87;color:#fff!important;padding:8px 14px;border-radius:3px}
.artikel{max-width:680px;margin:36px auto;padding:0 20px}
.dachzeile{font-family:Arial,Helvetica,sans-serif;color:#004b87;font-weight:700;font-size:14px}
h1{font-size:34px;line-height:1.2;margin:8px 0}
.autor{font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#666;margin:14px 0 22px}
.podcast-player{display:flex;gap:16px;align-items:center;background:#eef3f8;border-radius:6px;padding:16px;font-family:Arial,Helvetica,sans-serif}
.podcast-player img{width:96px;height:96px;border-radius:4px}
.podcast-player .anhoeren{display:inline-flex;align-items:center;gap:6px;background:#004b87;color:#fff;border:0;border-radius:20px;padding:10px 18px;font-size:15px;cursor:pointer}
.podcast-player .zeit{font-size:13px;color:#555;margin-left:8px}
.podcast-links{font-family:Arial,Helvetica,sans-serif;font-size:14px;margin:10px 0 24px}
.podcast-links a{color:#004b87;margin-right:14px}
.artikel p{font-size:18px;line-height:1.65}
.artikel h2{font-size:21px;margin-top:28px}
.fuss{background:#1a1a1a;color:#aaa;font-family:Arial,Helvetica,sans-serif;font-size:13px;padding:30px;margin-top:60px}
.fuss a{color:#ddd;margin-right:14px}
</style>
</head>
<body>
<header class="kopf"><a class="marke" href="%SITE%/corpus/sourcepoint-iframe/">Rheinblatt</a><a href="%SITE%/corpus/sourcepoint-iframe/politik/">Politik</a><a href="%SITE%/corpus/sourcepoint-iframe/wirtschaft/">Wirtschaft</a><a href="%SITE%/corpus/sourcepoint-iframe/region/">Region</a><a href="%SITE%/corpus/sourcepoint-iframe/podcasts/">Podcasts</a><a class="abo" href="%SITE%/corpus/sourcepoint-iframe/pur-abo">Abo</a></header>
<article class="artikel">
<div class="dachzeile">Nachrichtenpodcast</div>
<h1>Der Morgen: Streik bei der Bahn, Wärmepumpen-Förderung, Champions League</h1>
<div class="autor">Von Katrin Vogel und Jan Petersen · 14.03.2024, 05:00 Uhr</div>
<div class="podcast-player" id="podcast-player">
<img src="%SITE%/corpus/sourcepoint-iframe/img/podcast/der-morgen-cover-300.jpg" alt="Der Morgen">
<div>
<strong>Der Morgen vom 14. März 2024</strong><br>
<button class="anhoeren" type="button" aria-label="Podcast anhören">%ICON_PLAY% Anhören</button><span class="zeit" id="zeit">15:42 Min.</span>
<audio id="podcast-audio" preload="none" src="%SITE%/hop/podtrac/media/rheinblatt/podcast/der-morgen-2024-03-14.mp3"></audio>
</div>
</div>
<div class="podcast-links">Abonnieren: <a href="%SITE%/corpus/sourcepoint-iframe/podcasts/der-morgen/apple">Apple Podcasts</a><a href="%SITE%/corpus/sourcepoint-iframe/podcasts/der-morgen/spotify">Spotify</a><a href="%SITE%/corpus/sourcepoint-iframe/podcasts/der-morgen/">Alle Folgen</a></div>
<p>Die Lokführergewerkschaft hat den nächsten Streik angekündigt – diesmal mit nur 22 Stunden Vorlauf. Was das für Pendlerinnen und Pendler in der Region bedeutet, erklärt unser Verkehrsreporter.</p>
<h2>Die Themen</h2>
<p>Außerdem: Die neue Förderung für Wärmepumpen startet, aber viele Anträge hängen fest. Und: Warum der Verein nach dem Aus in der Champions League trotzdem von einer erfolgreichen Saison spricht.</p>
<p>„Der Morgen" erscheint montags bis freitags ab 5 Uhr. Feedback gerne an podcast@rheinblatt.example.</p>
</article>
<footer class="fuss"><a href="%SITE%/corpus/sourcepoint-iframe/impressum">Impressum</a><a href="%SITE%/corpus/sourcepoint-iframe/datenschutz">Datenschutz</a><a href="#" id="privacy-manager">Cookies &amp; Tracking</a></footer>
<script>
(function () {
  var audio = document.getElementById('podcast-audio');
  var button = document.querySelector('.anhoeren');
  button.addEventListener('click', function () {
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      button.innerHTML = '%ICON_PAUSE% Pause';
    } else {
      audio.pause();
      button.innerHTML = '%ICON_PLAY% Anhören';
    }
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.getElementById('zeit').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2) + ' / 15:42 Min.';
  });
})();
</script>
<script>
/* Sourcepoint wrapper (messaging.js), inlined */
(function () {
  var id = 905534;
  function show() {
    if (document.getElementById('sp_message_container_' + id)) return;
    var style = document.createElement('style');
    style.textContent = '#sp_message_iframe_' + id + '{display:block;margin:auto;width:100%;max-width:640px;height:430px;border:0;border-radius:6px;background:#fff;box-shadow:0 4px 30px rgba(0,0,0,.4)}' +
      '#sp_message_container_' + id + '{position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.6)}';
    document.head.appendChild(style);
    var container = document.createElement('div');
    container.id = 'sp_message_container_' + id;
    container.style.display = 'block';
    container.innerHTML = '<iframe src="%PLAYER%/corpus/sourcepoint-iframe/index.html?hasCsp=true&message_id=' + id + '&consentUUID=null&preload_message=true&version=v1&consentLanguage=de" id="sp_message_iframe_' + id + '" title="SP Consent Message"></iframe>';
    document.body.appendChild(container);
    container.style.display = 'flex';
    document.documentElement.classList.add('sp-message-open');
    document.body.style.overflow = 'hidden';
  }
  function hide() {
    var container = document.getElementById('sp_message_container_' + id);
    if (container) container.remove();
    document.documentElement.classList.remove('sp-message-open');
    document.body.style.overflow = '';
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.name === 'sp.hideMessage') {
      if (data.consent) document.cookie = 'consentUUID=' + data.consent + '; path=/; max-age=31536000';
      hide();
    } else if (data.name === 'sp.choice' && data.choiceType === 9) {
      location.href = '%SITE%/corpus/sourcepoint-iframe/pur-abo';
    }
  });
  document.getElementById('privacy-manager').addEventListener('click', function (e) { e.preventDefault(); show(); });
  if (!/consentUUID=/.test(document.cookie)) show();
})();
</script>
</body>
</html>
"##;

const SOURCEPOINT_MESSAGE: &str = r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SP Consent Message</title>
<style>
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#222;background:#fff}
.message-container{padding:28px 32px}
.message-component h2{font-size:21px;margin:0 0 12px}
.message-component p{font-size:14px;line-height:1.55;margin:0 0 10px}
.message-row{display:flex;flex-direction:column;gap:10px;margin-top:18px}
.message-button{font-size:16px;padding:13px 18px;border-radius:4px;cursor:pointer;border:1px solid #004b87;background:#fff;color:#004b87;font-weight:700}
.sp_choice_type_11{background:#004b87;color:#fff}
.sp_choice_type_9{border-color:#222;color:#222}
.links{display:flex;justify-content:space-between;margin-top:16px;font-size:13px}
.links button{border:0;background:none;color:#004b87;text-decoration:underline;cursor:pointer;font-size:13px;padding:0}
.pm{display:none}
.pm.open{display:block}
.pm label{display:flex;justify-content:space-between;border-bottom:1px solid #eee;padding:8px 0;font-size:14px}
</style>
</head>
<body>
<div class="message-container" id="first">
<div class="message-component message-text"><h2>Mit Werbung und Tracking lesen</h2>
<p>Wir und unsere 214 Partner speichern und/oder greifen auf Informationen auf Ihrem Gerät zu und verarbeiten personenbezogene Daten, z. B. eindeutige Identifikatoren und Standarddaten, die vom Gerät gesendet werden, für personalisierte Anzeigen und Inhalte, Anzeigen- und Inhaltsmessung sowie Erkenntnisse über Zielgruppen.</p>
<p>Mit Klick auf „Zustimmen" willigen Sie in die Verarbeitung ein. Ihre Einwilligung können Sie jederzeit über „Cookies &amp; Tracking" am Seitenende widerrufen. Alternativ können Sie Rheinblatt ohne Werbetracking mit einem Pur-Abo nutzen.</p>
</div>
<div class="message-row">
<button class="message-component message-button no-children focusable sp_choice_type_11" title="Zustimmen" aria-label="Zustimmen" type="button">Zustimmen</button>
<button class="message-component message-button no-children focusable sp_choice_type_9" title="Pur-Abo abschließen" aria-label="Pur-Abo abschließen" type="button">Werbefrei mit Pur-Abo für 2,99 €/Monat</button>
</div>
<div class="links"><button class="message-component message-button-link sp_choice_type_12" type="button" title="Einstellungen">Einstellungen</button><button type="button" class="message-button-link">Datenschutzerklärung</button></div>
</div>
<div class="message-container pm" id="pm">
<h2>Einstellungen</h2>
<label>Erforderliche Cookies <input type="checkbox" checked disabled></label>
<label>Personalisierte Anzeigen und Inhalte <input type="checkbox"></label>
<label>Reichweitenmessung <input type="checkbox"></label>
<label>Eingebettete Inhalte (Audio, Video, Social Media) <input type="checkbox"></label>
<div class="message-row">
<button class="message-component message-button sp_choice_type_ACCEPT_ALL" type="button">Accept</button>
<button class="message-component message-button sp_choice_type_SAVE_AND_EXIT" type="button">Auswahl speichern</button>
</div>
</div>
<script>
(function () {
  function send(message) { window.parent.postMessage(message, '*'); }
  function accept() { send({name: 'sp.hideMessage', fromPM: false, consent: 'c' + Date.now().toString(16), actions: [{type: 11}]}); }
  document.querySelector('.sp_choice_type_11').addEventListener('click', accept);
  document.querySelector('.sp_choice_type_ACCEPT_ALL').addEventListener('click', accept);
  document.querySelector('.sp_choice_type_SAVE_AND_EXIT').addEventListener('click', function () {
    send({name: 'sp.hideMessage', fromPM: true, consent: 'c' + Date.now().toString(16), actions: [{type: 1}]});
  });
  document.querySelector('.sp_choice_type_9').addEventListener('click', function () { send({name: 'sp.choice', choiceType: 9}); });
  document.querySelector('.sp_choice_type_12').addEventListener('click', function () {
    document.getElementById('first').style.display = 'none';
    document.getElementById('pm').classList.add('open');
  });
})();
</script>
</body>
</html>
"##;

const SOURCEPOINT_PUR: &str = r##"<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Rheinblatt Pur – werbefrei lesen | Rheinblatt</title>
<style>body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#f4f6f9;color:#1a1a1a}.box{max-width:520px;margin:60px auto;background:#fff;padding:30px;border-radius:6px}input{display:block;width:100%;padding:10px;margin:8px 0;box-sizing:border-box}button{background:#004b87;color:#fff;border:0;padding:12px 18px;border-radius:4px;cursor:pointer}</style>
</head>
<body>
<div class="box">
<h1>Rheinblatt Pur</h1>
<p>Alle Artikel und Podcasts ohne Werbung und ohne Werbetracking – für 2,99 € im Monat, monatlich kündbar.</p>
<form onsubmit="return false"><input type="email" placeholder="E-Mail-Adresse" aria-label="E-Mail-Adresse"><input type="password" placeholder="Passwort" aria-label="Passwort"><button type="submit">Jetzt abonnieren</button></form>
<p><a href="%SITE%/corpus/sourcepoint-iframe">Zurück zum Artikel</a></p>
</div>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// nextjs-late-player
//
// Synthetic podcast-network site in the shape of the Next.js pages in the notes (Omny,
// Spotify embed, Polskie Radio): server-rendered article, `__NEXT_DATA__` with the
// episode's metadata but not its audio, and a client-only player component (a dynamic
// import with ssr:false) that mounts about 1.5 s after load, asks the site's API for the
// episode and renders `<audio controls src>`; the enclosure goes through Podsights and
// Chartable prefixes (the yt-dlp test chains).

fn nextjs_late_player(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(NEXTJS_PAGE, request),
        ("api/episode", false) => data(NEXTJS_API, request),
        _ => None,
    }
}

const NEXTJS_API: &str = r##"{"episode":{"id":"dw-0412","title":"The Cable Under the Atlantic","show":{"slug":"deep-water","title":"Deep Water"},"durationSeconds":2894,"audio":{"url":"%SITE%/hop/pdst/hop/chartable/media/lumen/shows/deep-water/episodes/dw-0412.mp3?source=web","mimeType":"audio/mpeg","bytes":46316544},"transcriptUrl":null}}"##;

const NEXTJS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charSet="utf-8">
<meta name="viewport" content="width=device-width">
<title>The Cable Under the Atlantic — Deep Water — Lumen Audio</title>
<meta name="description" content="In 1858 a telegraph cable connected two continents for three weeks, then went silent. Deep Water, episode 41.">
<meta property="og:title" content="The Cable Under the Atlantic">
<meta property="og:image" content="%SITE%/corpus/nextjs-late-player/_next/image/deep-water-41.png">
<meta name="next-head-count" content="5">
<style>
body{margin:0;font-family:"Inter",system-ui,sans-serif;background:#0b1622;color:#e8eef5}
.nav_nav__x1{display:flex;align-items:center;gap:24px;padding:18px 36px;border-bottom:1px solid #1c2b3b}
.nav_logo__k2{font-weight:800;font-size:20px;color:#7fd1ff;text-decoration:none}
.nav_nav__x1 a{color:#b7c6d6;text-decoration:none;font-size:15px}
.episode_hero__a1{max-width:880px;margin:44px auto 0;padding:0 24px;display:flex;gap:32px;align-items:flex-start}
.episode_hero__a1 img{width:220px;height:220px;border-radius:10px}
.episode_show__p3{color:#7fd1ff;text-decoration:none;font-weight:600}
.episode_hero__a1 h1{font-size:36px;margin:8px 0}
.episode_meta__m4{color:#8aa0b6;font-size:14px}
.player_slot__s5{margin-top:22px;min-height:78px}
.player_skeleton__q6{height:70px;border-radius:10px;background:linear-gradient(90deg,#13212f,#1a2d40,#13212f);background-size:200% 100%;animation:shine 1.2s infinite;display:flex;align-items:center;padding-left:20px;color:#56708a;font-size:14px}
@keyframes shine{0%{background-position:200% 0}100%{background-position:-200% 0}}
.player_player__r7{display:flex;align-items:center;gap:14px;background:#13212f;border-radius:10px;padding:12px 16px}
.player_player__r7 button{border:0;border-radius:50%;width:46px;height:46px;background:#7fd1ff;color:#0b1622;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.player_player__r7 audio{flex:1;height:36px}
.episode_body__b8{max-width:880px;margin:30px auto;padding:0 24px;font-size:17px;line-height:1.7;color:#cfd9e3}
.episode_body__b8 a{color:#7fd1ff}
.footer_footer__f9{border-top:1px solid #1c2b3b;padding:30px 36px;font-size:13px;color:#6d849b;margin-top:40px}
</style>
</head>
<body>
<div id="__next">
<nav class="nav_nav__x1"><a class="nav_logo__k2" href="%SITE%/corpus/nextjs-late-player/">Lumen Audio</a><a href="%SITE%/corpus/nextjs-late-player/shows">Shows</a><a href="%SITE%/corpus/nextjs-late-player/newsletter">Newsletter</a><a href="%SITE%/corpus/nextjs-late-player/plus">Lumen+</a></nav>
<main>
<section class="episode_hero__a1">
<img alt="Deep Water" src="%SITE%/corpus/nextjs-late-player/_next/image/deep-water-41.png">
<div style="flex:1">
<a class="episode_show__p3" href="%SITE%/corpus/nextjs-late-player/shows/deep-water">Deep Water</a>
<h1>The Cable Under the Atlantic</h1>
<div class="episode_meta__m4">Episode 41 · March 5, 2024 · 48 min</div>
<div class="player_slot__s5" id="player-slot"><div class="player_skeleton__q6" aria-busy="true">Loading player…</div></div>
</div>
</section>
<article class="episode_body__b8">
<p>In August 1858 Queen Victoria sent a 98-word message to President Buchanan. It took sixteen hours to get through. Three weeks later the first transatlantic telegraph cable was dead, fried by an engineer who thought more voltage would help.</p>
<p>This week: the ship that laid it, the physicist who warned them, and the second attempt eight years later that actually worked.</p>
<p>Further reading: <a href="%SITE%/corpus/nextjs-late-player/shows/deep-water/reading/great-eastern">The Great Eastern, in pictures</a>. More from Deep Water: <a href="%SITE%/corpus/nextjs-late-player/shows/deep-water/episodes/dw-0411">Episode 40 — The Lighthouse Keepers' Strike</a>.</p>
</article>
</main>
<footer class="footer_footer__f9">© 2024 Lumen Audio, Inc. · Privacy · Terms · Ad choices</footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"episode":{"id":"dw-0412","number":41,"title":"The Cable Under the Atlantic","publishedAt":"2024-03-05T10:00:00.000Z","show":{"slug":"deep-water","title":"Deep Water"}},"_sentryTraceData":"3f1c2a7b9e8d4c6a-8b2e1f0a3c4d5e6f-0"},"__N_SSG":true},"page":"/shows/[show]/episodes/[episode]","query":{"show":"deep-water","episode":"dw-0412"},"buildId":"k3J9xQ2wLmN7pR5t","isFallback":false,"gsp":true,"scriptLoader":[]}</script>
<script>
/* _next/static/chunks/pages/shows/[show]/episodes/[episode]-5c1f2a.js: dynamic(() => import('../components/Player'), {ssr: false}) */
(function () {
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent);
  var episode = data.props.pageProps.episode;
  function mountPlayer() {
    fetch('/corpus/nextjs-late-player/api/episode?id=' + encodeURIComponent(episode.id))
      .then(function (r) { return r.json(); })
      .then(function (json) {
        var slot = document.getElementById('player-slot');
        slot.innerHTML =
          '<div class="player_player__r7" data-episode-id="' + json.episode.id + '">' +
          '<button type="button" aria-label="Play episode">%ICON_PLAY%</button>' +
          '<audio controls preload="metadata" src="' + json.episode.audio.url + '"></audio>' +
          '</div>';
        var audio = slot.querySelector('audio');
        var button = slot.querySelector('button');
        button.addEventListener('click', function () {
          if (audio.paused) { var p = audio.play(); if (p && p.catch) p.catch(function () {}); }
          else audio.pause();
        });
        audio.addEventListener('play', function () { button.innerHTML = '%ICON_PAUSE%'; button.setAttribute('aria-label', 'Pause episode'); });
        audio.addEventListener('pause', function () { button.innerHTML = '%ICON_PLAY%'; button.setAttribute('aria-label', 'Play episode'); });
      });
  }
  window.addEventListener('load', function () { setTimeout(mountPlayer, 1500); });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// nuxt-state
//
// Imitates the Nuxt 2 state blob captured on WNYC (metascraper
// integration/wnycstudios): `window.__NUXT__=(function(a,b,c,...){return {...}}(...))`,
// an IIFE whose values are partly parameter references, with the enclosure written
// `https:\u002F\u002F...` and prefixed by a measurement service (OP3 here). The player
// is rendered without a source and reads the state when Play is pressed. The Dutch
// podcast site, its data-v markup and its labels ("Afspelen", "Delen", "Abonneren")
// are synthetic.

fn nuxt_state(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(NUXT_PAGE, request),
        _ => None,
    }
}

const NUXT_PAGE: &str = r##"<!doctype html>
<html data-n-head-ssr lang="nl" data-n-head="%7B%22lang%22:%7B%22ssr%22:%22nl%22%7D%7D">
<head>
<title>#112 De stille kracht – De Luistertafel</title>
<meta data-n-head="ssr" charset="utf-8">
<meta data-n-head="ssr" name="viewport" content="width=device-width, initial-scale=1">
<meta data-n-head="ssr" data-hid="description" name="description" content="Waarom introverte leiders vaak onderschat worden – en wat teams van ze kunnen leren. Met organisatiepsycholoog Marloes de Wit.">
<meta data-n-head="ssr" data-hid="og:title" property="og:title" content="#112 De stille kracht">
<meta data-n-head="ssr" data-hid="og:image" property="og:image" content="%SITE%/corpus/nuxt-state/_nuxt/img/lt-112.jpg">
<style data-vue-ssr-id="3c2a1f0e:0">
body{margin:0;font-family:"Nunito",Arial,sans-serif;background:#fff8f0;color:#2b2118}
.header[data-v-6a1b2c3d]{display:flex;align-items:center;gap:22px;padding:18px 34px;border-bottom:2px solid #2b2118}
.header .logo[data-v-6a1b2c3d]{font-weight:900;font-size:22px;color:#e4572e;text-decoration:none}
.header a[data-v-6a1b2c3d]{color:#2b2118;text-decoration:none;font-weight:600}
.aflevering[data-v-9e8d7c6b]{max-width:820px;margin:40px auto;padding:0 24px}
.aflevering .nummer[data-v-9e8d7c6b]{color:#e4572e;font-weight:800}
.aflevering h1[data-v-9e8d7c6b]{font-size:38px;margin:6px 0 10px}
.aflevering .info[data-v-9e8d7c6b]{color:#7a6a5a}
.speler[data-v-4c3b2a19]{display:flex;align-items:center;gap:14px;background:#2b2118;color:#fff8f0;border-radius:14px;padding:14px 18px;margin:24px 0}
.speler .afspelen[data-v-4c3b2a19]{width:54px;height:54px;border-radius:50%;border:0;background:#e4572e;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.speler .balk[data-v-4c3b2a19]{flex:1;height:6px;background:#4a3c30;border-radius:3px}
.speler .balk div[data-v-4c3b2a19]{height:6px;width:0;background:#e4572e;border-radius:3px}
.speler .tijd[data-v-4c3b2a19]{font-size:13px;font-variant-numeric:tabular-nums}
.speler .klein[data-v-4c3b2a19]{border:1px solid #7a6a5a;background:none;color:#fff8f0;border-radius:12px;padding:4px 10px;cursor:pointer;font-size:13px}
.delen-paneel[data-v-4c3b2a19]{display:none;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;margin-top:-12px}
.delen-paneel.open[data-v-4c3b2a19]{display:block}
.aflevering p[data-v-9e8d7c6b]{font-size:18px;line-height:1.7}
.meer a[data-v-9e8d7c6b]{display:block;color:#e4572e;margin:6px 0}
.footer{padding:30px 34px;border-top:2px solid #2b2118;font-size:14px;color:#7a6a5a;margin-top:50px}
</style>
</head>
<body>
<div data-server-rendered="true" id="__nuxt"><div id="__layout"><div>
<header data-v-6a1b2c3d="" class="header"><a data-v-6a1b2c3d="" href="%SITE%/corpus/nuxt-state/" class="logo nuxt-link-active">De Luistertafel</a><a data-v-6a1b2c3d="" href="%SITE%/corpus/nuxt-state/afleveringen">Afleveringen</a><a data-v-6a1b2c3d="" href="%SITE%/corpus/nuxt-state/over">Over ons</a><a data-v-6a1b2c3d="" href="%SITE%/corpus/nuxt-state/steun">Steun ons</a></header>
<main data-v-9e8d7c6b="" class="aflevering">
<div data-v-9e8d7c6b="" class="nummer">Aflevering 112</div>
<h1 data-v-9e8d7c6b="">De stille kracht</h1>
<div data-v-9e8d7c6b="" class="info">12 maart 2024 · 48 minuten · met Marloes de Wit</div>
<div data-v-4c3b2a19="" data-v-9e8d7c6b="" class="speler">
<button data-v-4c3b2a19="" type="button" aria-label="Afspelen" class="afspelen">%ICON_PLAY%</button>
<span data-v-4c3b2a19="" class="tijd">00:00</span>
<div data-v-4c3b2a19="" class="balk"><div data-v-4c3b2a19=""></div></div>
<span data-v-4c3b2a19="" class="tijd">48:31</span>
<button data-v-4c3b2a19="" type="button" class="klein snelheid" aria-label="Afspeelsnelheid">1×</button>
<button data-v-4c3b2a19="" type="button" class="klein delen" aria-label="Delen">Delen</button>
</div>
<div data-v-4c3b2a19="" class="delen-paneel">Deel deze aflevering: <a href="#">WhatsApp</a> · <a href="#">LinkedIn</a> · <a href="#">Link kopiëren</a></div>
<p data-v-9e8d7c6b="">In vergaderingen winnen vaak de snelste praters. Organisatiepsycholoog Marloes de Wit onderzocht tien jaar lang teams met introverte leiders en ontdekte dat ze vaak betere beslissingen nemen – als ze de ruimte krijgen. We praten over stiltes, over voorbereiden, en over waarom brainstormen eigenlijk niet werkt.</p>
<p data-v-9e8d7c6b="">Luister ook via je favoriete podcast-app en vergeet niet te <a href="%SITE%/corpus/nuxt-state/abonneren">abonneren</a>.</p>
<div data-v-9e8d7c6b="" class="meer"><strong>Meer afleveringen</strong>
<a data-v-9e8d7c6b="" href="%SITE%/corpus/nuxt-state/afleveringen/lt-111-slapen-in-de-stad">#111 Slapen in de stad</a>
<a data-v-9e8d7c6b="" href="%SITE%/corpus/nuxt-state/afleveringen/lt-110-de-uitgestelde-droom">#110 De uitgestelde droom</a>
</div>
</main>
<footer class="footer">© 2024 Studio Noord · Privacy · Cookies</footer>
</div></div></div>
<script>window.__NUXT__=(function(a,b,c,d,e,f,g){return {layout:"default",data:[{aflevering:{id:d,slug:"lt-112-de-stille-kracht",titel:"De stille kracht",nummer:112,duur:e,gepubliceerd:g,afbeelding:f,audio:"%SITE_U002F%\u002Fhop\u002Fop3\u002Fmedia\u002Fluistertafel\u002Fafleveringen\u002Flt-112-de-stille-kracht.mp3",gasten:[{naam:"Marloes de Wit",rol:"organisatiepsycholoog"}],omschrijving:"Waarom introverte leiders vaak onderschat worden."}}],fetch:{},error:b,state:{speler:{actief:b,speelt:a,snelheid:1},cookies:{geaccepteerd:a}},serverRendered:c,routePath:"\u002Fcorpus\u002Fnuxt-state",config:{_app:{basePath:"\u002F",assetsPath:"\u002F_nuxt\u002F",cdnURL:b}}}}(false,null,true,4471,2911,"%SITE_U002F%\u002Fcorpus\u002Fnuxt-state\u002F_nuxt\u002Fimg\u002Flt-112.jpg","2024-03-12T06:00:00+01:00"));</script>
<script>
(function () {
  var state = window.__NUXT__;
  var aflevering = state.data[0].aflevering;
  var audio = new Audio();
  audio.preload = 'none';
  var knop = document.querySelector('.afspelen');
  var tijd = document.querySelector('.speler .tijd');
  var balk = document.querySelector('.speler .balk div');
  knop.addEventListener('click', function () {
    if (!audio.src) audio.src = aflevering.audio;
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      knop.innerHTML = '%ICON_PAUSE%';
      knop.setAttribute('aria-label', 'Pauzeren');
      state.state.speler.actief = aflevering.id;
      state.state.speler.speelt = true;
    } else {
      audio.pause();
      knop.innerHTML = '%ICON_PLAY%';
      knop.setAttribute('aria-label', 'Afspelen');
      state.state.speler.speelt = false;
    }
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    tijd.textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
    balk.style.width = (100 * s / aflevering.duur) + '%';
  });
  var snelheden = [1, 1.25, 1.5, 2], i = 0;
  document.querySelector('.snelheid').addEventListener('click', function (e) {
    i = (i + 1) % snelheden.length;
    audio.playbackRate = snelheden[i];
    e.currentTarget.textContent = snelheden[i] + '×';
  });
  document.querySelector('.delen').addEventListener('click', function () {
    document.querySelector('.delen-paneel').classList.toggle('open');
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// podlove-web-player
//
// Imitates a Podlove Publisher (WordPress) blog with Podlove Web Player v5 as
// documented: `<script src="https://cdn.podlove.org/web-player/5.x/embed.js">` and
// `podlovePlayer('#example', episodeUrl, configUrl)` with the WordPress endpoints
// `/wp-json/podlove-web-player/shortcode/publisher/<post>` and `.../config/<c>/theme/<t>`.
// The episode's `audio` array lists m4a before mp3, in publisher order (v4 docs), so
// Play streams the m4a; the Files tab lists the downloads. File URLs carry Podlove's
// tracking context (`/podlove/file/<id>/s/webplayer/c/website/<file>` to play,
// `/s/download/c/select-show/` to download) and redirect to the file. Labels from the
// v4 German strings ("Episode abspielen", "Episode herunterladen", "Download Url
// kopieren", tab "Dateien"). The player's internal DOM, the blog and the show are
// synthetic; cdn.podlove.org is the player host.

fn podlove_web_player(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(PODLOVE_PAGE, request),
        ("web-player/5.x/embed.js", true) => script(PODLOVE_EMBED_JS, request),
        ("web-player/5.x/player.html", true) => page(PODLOVE_PLAYER, request),
        ("wp-json/podlove-web-player/shortcode/publisher/480", false) => {
            data(PODLOVE_EPISODE, request)
        }
        ("wp-json/podlove-web-player/shortcode/config/default/theme/default", false) => {
            data(PODLOVE_CONFIG, request)
        }
        (r, false) if r.starts_with("podlove/file/") => {
            let file = r.rsplit('/').next().unwrap_or_default();
            moved(
                &request.origins.site,
                &format!("/media/podlove/klangwelle/{file}"),
            )
        }
        _ => None,
    }
}

const PODLOVE_EPISODE: &str = r##"{"version":5,"show":{"title":"Klangwelle","subtitle":"Der Podcast über Akustik, Hören und Schall","summary":"Alle zwei Wochen ein Gespräch über das, was wir hören – und das, was wir nicht hören.","poster":"%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/7c/1a2b3c/klangwelle_500x500.jpg","link":"%SITE%/corpus/podlove-web-player/"},"title":"KW043 Schallwellentherapie","subtitle":"Wie Stoßwellen Nierensteine zertrümmern und Sehnen heilen","summary":"Mit der Medizinphysikerin Dr. Anke Roloff über extrakorporale Stoßwellentherapie.","publicationDate":"2024-02-28T07:00:00+01:00","duration":"01:18:32.418","poster":"%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/7c/1a2b3c/kw043_500x500.jpg","link":"%SITE%/corpus/podlove-web-player","audio":[{"url":"%SITE%/corpus/podlove-web-player/podlove/file/1036/s/webplayer/c/website/KW043-schallwellentherapie.m4a","size":"61893120","title":"MPEG-4 AAC Audio (m4a)","mimeType":"audio/mp4"},{"url":"%SITE%/corpus/podlove-web-player/podlove/file/1037/s/webplayer/c/website/KW043-schallwellentherapie.mp3","size":"141373154","title":"MP3 Audio (mp3)","mimeType":"audio/mpeg"}],"files":[{"url":"%SITE%/corpus/podlove-web-player/podlove/file/1036/s/download/c/select-show/KW043-schallwellentherapie.m4a","size":"61893120","title":"MPEG-4 AAC Audio (m4a)","mimeType":"audio/mp4"},{"url":"%SITE%/corpus/podlove-web-player/podlove/file/1037/s/download/c/select-show/KW043-schallwellentherapie.mp3","size":"141373154","title":"MP3 Audio (mp3)","mimeType":"audio/mpeg"}],"chapters":[{"start":"00:00:00.000","title":"Intro","href":"","image":""},{"start":"00:03:12.000","title":"Was ist eine Stoßwelle?","href":"","image":""},{"start":"00:21:40.000","title":"Nierensteine","href":"","image":""},{"start":"00:44:05.000","title":"Sehnen und Knochen","href":"","image":""},{"start":"01:09:30.000","title":"Ausblick","href":"","image":""}],"contributors":[{"id":"1","name":"Till Brenner","avatar":"%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/avatar-till.jpg","role":{"id":"1","slug":"team","title":"Team"},"group":{"id":"1","slug":"onair","title":"On Air"}},{"id":"7","name":"Dr. Anke Roloff","avatar":"%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/avatar-anke.jpg","role":{"id":"2","slug":"guest","title":"Gast"},"group":{"id":"1","slug":"onair","title":"On Air"}}],"transcripts":[]}"##;

const PODLOVE_CONFIG: &str = r##"{"version":5,"base":"%PLAYER%/corpus/podlove-web-player/web-player/5.x/","activeTab":null,"theme":{"tokens":{"brand":"#166255","brandDark":"#166255","brandDarkest":"#1A3A4A","brandLightest":"#E5EAEC","shade":"#dddddd","contrast":"#000","alt":"#fff"},"fonts":{}},"subscribe-button":{"feed":"%SITE%/corpus/podlove-web-player/feed/mp3/","clients":[{"id":"apple-podcasts"},{"id":"antenna-pod"},{"id":"pocket-casts"},{"id":"rss"}]},"share":{"channels":["facebook","twitter","whats-app","mail","link"],"outlet":"%SITE%/corpus/podlove-web-player/wp-content/plugins/podlove-web-player/web-player/share.html","sharePlaytime":true},"related-episodes":{"source":"disabled","value":null},"playlist":[],"features":{"persistTab":false,"persistPlaystate":false}}"##;

const PODLOVE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>KW043 Schallwellentherapie &#8211; Klangwelle</title>
<meta name="description" content="Wie Stoßwellen Nierensteine zertrümmern und Sehnen heilen. Mit der Medizinphysikerin Dr. Anke Roloff.">
<link rel="alternate" type="application/rss+xml" title="Klangwelle (MP3 Feed)" href="%SITE%/corpus/podlove-web-player/feed/mp3/">
<link rel="alternate" type="application/rss+xml" title="Klangwelle (AAC Feed)" href="%SITE%/corpus/podlove-web-player/feed/m4a/">
<meta property="og:type" content="website">
<meta property="og:title" content="KW043 Schallwellentherapie">
<meta property="og:image" content="%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/7c/1a2b3c/kw043_500x500.jpg">
<meta name="generator" content="WordPress 6.4.3">
<meta name="generator" content="Podlove Podcast Publisher v4.0.11">
<style>
body{margin:0;font-family:"Fira Sans",Arial,sans-serif;background:#fdfdfb;color:#1A3A4A}
.site-header{background:#166255;color:#fff;padding:22px 0}
.container{max-width:760px;margin:0 auto;padding:0 22px}
.site-title{font-size:28px;font-weight:700;color:#fff;text-decoration:none}
.site-description{color:#cfe3dd;margin:4px 0 0;font-size:14px}
.main-navigation{background:#1A3A4A}
.main-navigation a{display:inline-block;color:#fff;text-decoration:none;padding:10px 14px;font-size:14px}
.entry-title{font-size:32px;margin:34px 0 6px}
.entry-meta{font-size:13px;color:#5d7480;margin-bottom:20px}
#example{margin:18px 0 26px;min-height:240px}
.entry-content p{font-size:17px;line-height:1.7}
.entry-content h2{font-size:20px;margin-top:28px}
.podlove-contributors{display:flex;gap:20px;margin:10px 0}
.podlove-contributors img{width:48px;height:48px;border-radius:50%}
.comments-area{border-top:1px solid #ddd;margin-top:40px;padding-top:10px}
.comments-area textarea{width:100%;height:90px}
.site-footer{background:#1A3A4A;color:#cfe3dd;font-size:13px;padding:24px 0;margin-top:50px}
.site-footer a{color:#fff}
</style>
</head>
<body class="post-template-default single single-post podcast">
<header class="site-header"><div class="container"><a class="site-title" href="%SITE%/corpus/podlove-web-player/">Klangwelle</a><p class="site-description">Der Podcast über Akustik, Hören und Schall</p></div></header>
<nav class="main-navigation"><div class="container"><a href="%SITE%/corpus/podlove-web-player/">Start</a><a href="%SITE%/corpus/podlove-web-player/archiv/">Archiv</a><a href="%SITE%/corpus/podlove-web-player/abonnieren/">Abonnieren</a><a href="%SITE%/corpus/podlove-web-player/unterstuetzen/">Unterstützen</a><a href="%SITE%/corpus/podlove-web-player/kontakt/">Kontakt</a></div></nav>
<main class="container">
<article id="post-480" class="post-480 podcast type-podcast status-publish">
<h1 class="entry-title">KW043 Schallwellentherapie</h1>
<div class="entry-meta">28. Februar 2024 · 1 Stunde 18 Minuten · <a href="#comments">12 Kommentare</a></div>
<div class="entry-content">
<div id="example" data-variant="xl"></div>
<script src="%PLAYER%/corpus/podlove-web-player/web-player/5.x/embed.js"></script>
<script>
  podlovePlayer("#example", "%SITE%/corpus/podlove-web-player/wp-json/podlove-web-player/shortcode/publisher/480", "%SITE%/corpus/podlove-web-player/wp-json/podlove-web-player/shortcode/config/default/theme/default");
</script>
<p>Stoßwellen kennt man vom Überschallknall. In der Medizin werden sie seit den 1980er Jahren eingesetzt, um Nierensteine zu zertrümmern, ohne die Haut zu verletzen. Dr. Anke Roloff erklärt, wie man eine Stoßwelle im Körper fokussiert, warum das Ganze in einem Wasserbad begann und weshalb Orthopäden heute damit Sehnenentzündungen behandeln.</p>
<h2>Auf dieser Episode</h2>
<div class="podlove-contributors"><span><img src="%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/avatar-till.jpg" alt=""> Till Brenner</span><span><img src="%SITE%/corpus/podlove-web-player/wp-content/cache/podlove/avatar-anke.jpg" alt=""> Dr. Anke Roloff</span></div>
<h2>Shownotes</h2>
<p>Lithotripter · Dornier HM3 · Ellipsoid-Reflektor · Kavitation · ESWT bei Tendinopathien · <a href="%SITE%/corpus/podlove-web-player/kw042-raumakustik-im-klassenzimmer/">KW042 Raumakustik im Klassenzimmer</a></p>
</div>
<section class="comments-area" id="comments"><h3>12 Gedanken zu „KW043 Schallwellentherapie"</h3><form onsubmit="return false"><textarea aria-label="Kommentar"></textarea><button type="submit">Kommentar abschicken</button></form></section>
</article>
</main>
<footer class="site-footer"><div class="container">Klangwelle · <a href="%SITE%/corpus/podlove-web-player/impressum/">Impressum</a> · <a href="%SITE%/corpus/podlove-web-player/datenschutz/">Datenschutz</a> · Powered by Podlove Podcast Publisher</div></footer>
</body>
</html>
"##;

const PODLOVE_EMBED_JS: &str = r##"/* Podlove Web Player 5.x embed */
(function () {
  'use strict';
  var base = '%PLAYER%/corpus/podlove-web-player/web-player/5.x/';
  function resolve(value) {
    if (typeof value === 'string') {
      return fetch(value, {credentials: 'same-origin'}).then(function (r) { return r.json(); });
    }
    return Promise.resolve(value || {});
  }
  window.podlovePlayer = function (selector, episode, config) {
    var target = typeof selector === 'string' ? document.querySelector(selector) : selector;
    if (!target) return Promise.reject(new Error('podlovePlayer: target not found'));
    return Promise.all([resolve(episode), resolve(config)]).then(function (values) {
      var data = values[0], cfg = values[1];
      var iframe = document.createElement('iframe');
      iframe.title = 'Podlove Web Player: ' + (data.title || '');
      iframe.src = base + 'player.html';
      iframe.setAttribute('scrolling', 'no');
      iframe.setAttribute('allow', 'autoplay; clipboard-write');
      iframe.style.cssText = 'width:100%;height:260px;border:0;overflow:hidden;transition:height 150ms';
      target.innerHTML = '';
      target.appendChild(iframe);
      window.addEventListener('message', function (event) {
        if (event.source !== iframe.contentWindow || !event.data) return;
        if (event.data.type === 'pwp-ready') {
          iframe.contentWindow.postMessage({type: 'pwp-init', episode: data, config: cfg, variant: target.getAttribute('data-variant') || 'xl'}, '*');
        } else if (event.data.type === 'pwp-resize') {
          iframe.style.height = event.data.height + 'px';
        }
      });
      return iframe;
    });
  };
})();
"##;

const PODLOVE_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Podlove Web Player</title>
<style>
*{box-sizing:border-box}
body{margin:0;font-family:"Fira Sans",Arial,sans-serif;color:#1A3A4A;background:#fff}
root{display:block;border:1px solid #dddddd;border-radius:4px;overflow:hidden}
.header{display:flex;gap:16px;padding:16px}
.poster{width:96px;height:96px;flex:none;border-radius:3px}
.show-title{font-size:13px;color:#166255;font-weight:600}
.episode-title{font-size:19px;font-weight:700;margin:2px 0 4px}
.episode-subtitle{font-size:14px;color:#5d7480}
.controls{display:flex;align-items:center;justify-content:center;gap:18px;padding:6px 16px}
.controls button{border:0;background:none;cursor:pointer;color:#166255;line-height:0}
.controls .play-button{width:56px;height:56px;border-radius:50%;background:#166255;color:#fff;display:flex;align-items:center;justify-content:center}
.controls .play-button svg{width:30px;height:30px}
.progress{display:flex;align-items:center;gap:10px;padding:4px 16px 12px;font-size:12px;color:#5d7480;font-variant-numeric:tabular-nums}
.progress .bar{flex:1;height:4px;background:#E5EAEC}
.progress .bar div{height:4px;width:0;background:#166255}
.tab-header{display:flex;border-top:1px solid #E5EAEC;background:#f7f9fa}
.tab-header button{flex:1;border:0;background:none;padding:10px 0;cursor:pointer;color:#1A3A4A;line-height:0}
.tab-header button[aria-selected="true"]{background:#E5EAEC}
.tab{display:none;padding:14px 18px;border-top:1px solid #E5EAEC;font-size:14px}
.tab.active{display:block}
.tab h3{margin:0 0 10px;font-size:15px}
.file{display:flex;align-items:center;justify-content:space-between;border-bottom:1px solid #eee;padding:8px 0}
.file small{color:#5d7480}
.file a,.file button{margin-left:8px;font-size:13px;color:#166255;border:1px solid #166255;border-radius:3px;padding:4px 8px;background:#fff;text-decoration:none;cursor:pointer}
.chapters li{cursor:pointer;padding:3px 0}
</style>
</head>
<body>
<root id="app"><div style="padding:40px;text-align:center;color:#5d7480">Lade Podlove Web Player…</div></root>
<script>
(function () {
  var app = document.getElementById('app');
  var audio = document.createElement('audio');
  audio.preload = 'none';
  var ICON_PLAY = '%ICON_PLAY%', ICON_PAUSE = '%ICON_PAUSE%';
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'); }
  function mb(bytes) { return (Number(bytes) / 1048576).toFixed(1).replace('.', ',') + ' MB'; }
  function resize() { parent.postMessage({type: 'pwp-resize', height: document.body.scrollHeight + 2}, '*'); }
  function render(episode, config) {
    var show = episode.show || {};
    var files = (episode.files && episode.files.length ? episode.files : episode.audio).map(function (file) {
      return '<div class="file"><span>' + esc(file.title) + ' <small>' + mb(file.size) + '</small></span><span>' +
        '<a href="' + esc(file.url) + '" download target="_blank" rel="noopener">Download</a>' +
        '<button type="button" class="copy" data-url="' + esc(file.url) + '" aria-label="Download Url kopieren">Url kopieren</button></span></div>';
    }).join('');
    var chapters = (episode.chapters || []).map(function (c) { return '<li>' + esc(c.start.substr(0, 8)) + ' ' + esc(c.title) + '</li>'; }).join('');
    app.innerHTML =
      '<div class="header"><img class="poster" src="' + esc(episode.poster) + '" alt="">' +
      '<div><div class="show-title">' + esc(show.title || '') + '</div><div class="episode-title">' + esc(episode.title) + '</div><div class="episode-subtitle">' + esc(episode.subtitle || '') + '</div></div></div>' +
      '<div class="controls">' +
      '<button type="button" class="back" aria-label="15 Sekunden zurückspulen"><svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M11 18V6l-8.5 6 8.5 6zm.5-6l8.5 6V6l-8.5 6z"/></svg></button>' +
      '<button type="button" class="play-button" aria-label="Episode abspielen">' + ICON_PLAY + '</button>' +
      '<button type="button" class="forward" aria-label="30 Sekunden vorspulen"><svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M4 18l8.5-6L4 6v12zm9-12v12l8.5-6L13 6z"/></svg></button>' +
      '</div>' +
      '<div class="progress"><span class="current">00:00:00</span><div class="bar"><div></div></div><span>' + esc(episode.duration.substr(0, 8)) + '</span></div>' +
      '<div class="tab-header" role="tablist">' +
      '<button type="button" role="tab" data-tab="chapters" aria-selected="false" aria-label="Kapitel anzeigen" title="Kapitel"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M3 13h2v-2H3v2zm0 4h2v-2H3v2zm0-8h2V7H3v2zm4 4h14v-2H7v2zm0 4h14v-2H7v2zM7 7v2h14V7H7z"/></svg></button>' +
      '<button type="button" role="tab" data-tab="files" aria-selected="false" aria-label="Episode herunterladen" title="Dateien">%ICON_DOWNLOAD%</button>' +
      '<button type="button" role="tab" data-tab="share" aria-selected="false" aria-label="Episode teilen" title="Teilen">%ICON_SHARE%</button>' +
      '<button type="button" role="tab" data-tab="subscribe" aria-selected="false" aria-label="Podcast abonnieren" title="Abonnieren"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M6.18 15.64a2.18 2.18 0 0 1 0 4.36 2.18 2.18 0 0 1 0-4.36M4 4.44A15.56 15.56 0 0 1 19.56 20h-2.83A12.73 12.73 0 0 0 4 7.27V4.44m0 5.66a9.9 9.9 0 0 1 9.9 9.9h-2.83A7.07 7.07 0 0 0 4 12.93V10.1z"/></svg></button>' +
      '</div>' +
      '<div class="tab" id="tab-chapters"><h3>Kapitel</h3><ol class="chapters">' + chapters + '</ol></div>' +
      '<div class="tab" id="tab-files"><h3>Dateien</h3>' + files + '</div>' +
      '<div class="tab" id="tab-share"><h3>Teilen</h3><p>Episode teilen: <a href="#">Facebook</a> · <a href="#">Twitter</a> · <a href="#">E-Mail</a></p><button type="button" class="copy" data-url="' + esc(episode.link) + '">Link kopieren</button> <button type="button" class="copy" data-url="embed">Embed Code kopieren</button></div>' +
      '<div class="tab" id="tab-subscribe"><h3>Abonnieren</h3><p>Feed: <code>' + esc(config['subscribe-button'] ? config['subscribe-button'].feed : '') + '</code></p></div>';
    app.appendChild(audio);
    var play = app.querySelector('.play-button');
    play.addEventListener('click', function () {
      if (!audio.getAttribute('src')) {
        var playable = episode.audio.filter(function (a) { return audio.canPlayType(a.mimeType) !== ''; })[0] || episode.audio[0];
        audio.src = playable.url;
      }
      if (audio.paused) {
        var p = audio.play();
        if (p && p.catch) p.catch(function () {});
        play.innerHTML = ICON_PAUSE;
        play.setAttribute('aria-label', 'Episode pausieren');
      } else {
        audio.pause();
        play.innerHTML = ICON_PLAY;
        play.setAttribute('aria-label', 'Episode abspielen');
      }
    });
    app.querySelector('.back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
    app.querySelector('.forward').addEventListener('click', function () { audio.currentTime = audio.currentTime + 30; });
    Array.prototype.forEach.call(app.querySelectorAll('.tab-header button'), function (button) {
      button.addEventListener('click', function () {
        var tab = document.getElementById('tab-' + button.getAttribute('data-tab'));
        var open = tab.classList.contains('active');
        Array.prototype.forEach.call(app.querySelectorAll('.tab'), function (t) { t.classList.remove('active'); });
        Array.prototype.forEach.call(app.querySelectorAll('.tab-header button'), function (b) { b.setAttribute('aria-selected', 'false'); });
        if (!open) { tab.classList.add('active'); button.setAttribute('aria-selected', 'true'); }
        resize();
      });
    });
    Array.prototype.forEach.call(app.querySelectorAll('.copy'), function (b) {
      b.addEventListener('click', function () {
        if (navigator.clipboard) navigator.clipboard.writeText(b.getAttribute('data-url')).catch(function () {});
        b.textContent = 'Kopiert';
      });
    });
    audio.addEventListener('timeupdate', function () {
      app.querySelector('.current').textContent = new Date(Math.floor(audio.currentTime) * 1000).toISOString().substr(11, 8);
    });
    resize();
  }
  window.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'pwp-init') render(event.data.episode, event.data.config || {});
  });
  parent.postMessage({type: 'pwp-ready'}, '*');
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// web-component-player
//
// Synthetic, modeled on web-component players (no captured podcast host ships one; the
// notes found no <podigee-podcast-player> element): an Eleventy-style static site whose
// `<podcast-player>` custom element fetches the episode JSON and renders its controls
// and a download link inside an open shadow root, with `part` attributes for styling.

fn web_component_player(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(WEB_COMPONENT_PAGE, request),
        ("assets/js/podcast-player.js", false) => script(WEB_COMPONENT_JS, request),
        ("episodes/042.json", false) => data(WEB_COMPONENT_EPISODE, request),
        _ => None,
    }
}

const WEB_COMPONENT_EPISODE: &str = r##"{"number":42,"title":"Variable fonts, five years in","date":"2024-03-01","duration":2260,"image":"%SITE%/corpus/web-component-player/img/episodes/042.png","enclosure":{"url":"%SITE%/media/the-sidebar/the-sidebar-042.mp3","type":"audio/mpeg","length":36160512,"filename":"the-sidebar-042.mp3"}}"##;

const WEB_COMPONENT_PAGE: &str = r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>42: Variable fonts, five years in — The Sidebar</title>
<meta name="description" content="Mira and Dev look back at five years of variable fonts on the web: what shipped, what didn't, and what we'd tell a designer starting today.">
<meta name="generator" content="Eleventy v2.0.1">
<link rel="alternate" href="%SITE%/corpus/web-component-player/feed.xml" type="application/rss+xml" title="The Sidebar">
<meta property="og:title" content="42: Variable fonts, five years in">
<meta property="og:image" content="%SITE%/corpus/web-component-player/img/episodes/042.png">
<script type="module" src="%SITE%/corpus/web-component-player/assets/js/podcast-player.js"></script>
<style>
:root{--ink:#222;--paper:#fffdf7;--accent:#b33c1e}
body{margin:0;font-family:"Iowan Old Style",Georgia,serif;background:var(--paper);color:var(--ink)}
header{max-width:680px;margin:0 auto;padding:30px 20px 0;display:flex;justify-content:space-between;align-items:baseline}
header a{color:var(--ink);text-decoration:none}
header .home{font-size:22px;font-weight:700;font-style:italic}
header nav a{margin-left:16px;font-family:system-ui,sans-serif;font-size:14px}
main{max-width:680px;margin:0 auto;padding:20px}
h1{font-size:34px;line-height:1.2}
time{font-family:system-ui,sans-serif;color:#777;font-size:14px}
podcast-player{display:block;margin:24px 0;min-height:130px}
podcast-player::part(download){color:var(--accent)}
main p{font-size:19px;line-height:1.7}
main h2{font-size:20px;margin-top:32px}
.pager{display:flex;justify-content:space-between;font-family:system-ui,sans-serif;font-size:14px;border-top:1px solid #ddd;padding-top:14px;margin-top:40px}
.pager a{color:var(--accent)}
footer{max-width:680px;margin:0 auto;padding:30px 20px;font-family:system-ui,sans-serif;font-size:13px;color:#777}
</style>
</head>
<body>
<header><a class="home" href="%SITE%/corpus/web-component-player/">The Sidebar</a><nav><a href="%SITE%/corpus/web-component-player/episodes/">Episodes</a><a href="%SITE%/corpus/web-component-player/about/">About</a><a href="%SITE%/corpus/web-component-player/feed.xml">RSS</a></nav></header>
<main>
<article>
<h1>42: Variable fonts, five years in</h1>
<time datetime="2024-03-01">March 1, 2024</time>
<podcast-player src="%SITE%/corpus/web-component-player/episodes/042.json" theme="warm"></podcast-player>
<p>Five years ago we did an episode called "Variable fonts are coming." They came. Mira and Dev look back at what shipped, what didn't, and what we would tell a designer starting a type system today.</p>
<h2>Show notes</h2>
<p>Optical sizing and why nobody turns it on · the <code>font-variation-settings</code> cascade trap · grade axes for dark mode · file size, honestly measured · our favourite variable families of the year.</p>
<p>Thanks to everyone who sent questions by email. The Sidebar is an independent podcast with no ads; if you'd like to support it, tell one person about it.</p>
</article>
<nav class="pager"><a href="%SITE%/corpus/web-component-player/episodes/041/">← 41: The case against dark patterns</a><a href="%SITE%/corpus/web-component-player/episodes/">All episodes</a></nav>
</main>
<footer>© 2024 The Sidebar · Built with Eleventy</footer>
</body>
</html>
"##;

const WEB_COMPONENT_JS: &str = r##"const template = document.createElement('template');
template.innerHTML = `
<style>
  :host { display: block; font-family: system-ui, sans-serif; }
  .player { display: flex; gap: 16px; align-items: center; border: 1px solid #e2dccb; border-radius: 10px; padding: 14px; background: #fff; }
  img { width: 96px; height: 96px; border-radius: 6px; flex: none; }
  .body { flex: 1; min-width: 0; }
  .title { font-weight: 700; font-size: 16px; margin-bottom: 8px; }
  .controls { display: flex; align-items: center; gap: 10px; }
  button { border: 0; background: none; cursor: pointer; color: #222; line-height: 0; padding: 4px; }
  button.play { width: 46px; height: 46px; border-radius: 50%; background: #b33c1e; color: #fff; display: flex; align-items: center; justify-content: center; }
  .rate { font-size: 12px; line-height: 1; border: 1px solid #ccc; border-radius: 10px; padding: 3px 7px; }
  input[type=range] { flex: 1; }
  .time { font-size: 12px; color: #666; font-variant-numeric: tabular-nums; }
  a[part=download] { display: inline-flex; align-items: center; gap: 4px; font-size: 13px; text-decoration: none; margin-top: 8px; }
</style>
<div class="player" part="player">
  <img alt="" part="artwork">
  <div class="body">
    <div class="title" part="title"></div>
    <div class="controls">
      <button class="play" part="play" type="button" aria-label="Play">%ICON_PLAY%</button>
      <button class="back" type="button" aria-label="Back 15 seconds"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M11 18V6l-8.5 6 8.5 6zm.5-6l8.5 6V6l-8.5 6z"/></svg></button>
      <input type="range" min="0" value="0" step="1" aria-label="Seek">
      <span class="time">0:00</span>
      <button class="rate" type="button" aria-label="Playback rate">1×</button>
    </div>
    <a part="download" download>%ICON_DOWNLOAD% Download</a>
  </div>
</div>
<audio preload="none"></audio>`;

function fmt(s) {
  s = Math.floor(s || 0);
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

class PodcastPlayer extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).appendChild(template.content.cloneNode(true));
  }

  async connectedCallback() {
    const root = this.shadowRoot;
    const audio = root.querySelector('audio');
    const play = root.querySelector('.play');
    const seek = root.querySelector('input[type=range]');
    const response = await fetch(this.getAttribute('src'));
    const episode = await response.json();
    root.querySelector('img').src = episode.image;
    root.querySelector('.title').textContent = `${episode.number}: ${episode.title}`;
    const download = root.querySelector('a[part=download]');
    download.href = episode.enclosure.url;
    download.setAttribute('download', episode.enclosure.filename);
    download.setAttribute('aria-label', `Download episode ${episode.number} (MP3)`);
    seek.max = episode.duration;
    play.addEventListener('click', () => {
      if (!audio.getAttribute('src')) audio.src = episode.enclosure.url;
      if (audio.paused) {
        audio.play().catch(() => {});
      } else {
        audio.pause();
      }
    });
    audio.addEventListener('play', () => { play.innerHTML = '%ICON_PAUSE%'; play.setAttribute('aria-label', 'Pause'); });
    audio.addEventListener('pause', () => { play.innerHTML = '%ICON_PLAY%'; play.setAttribute('aria-label', 'Play'); });
    audio.addEventListener('timeupdate', () => {
      seek.value = audio.currentTime;
      root.querySelector('.time').textContent = fmt(audio.currentTime);
    });
    seek.addEventListener('input', () => { if (audio.getAttribute('src')) audio.currentTime = Number(seek.value); });
    root.querySelector('.back').addEventListener('click', () => { audio.currentTime = Math.max(0, audio.currentTime - 15); });
    const rates = [1, 1.25, 1.5, 2];
    let rate = 0;
    root.querySelector('.rate').addEventListener('click', (event) => {
      rate = (rate + 1) % rates.length;
      audio.playbackRate = rates[rate];
      event.currentTarget.textContent = rates[rate] + '×';
    });
  }
}

customElements.define('podcast-player', PodcastPlayer);
"##;

// ---------------------------------------------------------------------------------
// lazy-iframe
//
// Imitates a long magazine feature (photos, show notes, full transcript) that ends with
// the Captivate player embed as sites publish it (`<div style="width: 100%; height:
// 200px; ... overflow: hidden;"><iframe ... allow="clipboard-write" seamless
// src="https://player.captivate.fm/episode/<uuid>/">`), here with loading="lazy" as
// many CMSs add; the player page has `<audio class="player-audio" data-duration><source
// src>`, img.player-image and .cp-episode-date (BUM captivate.py). The magazine and the
// episode are synthetic; player.captivate.fm and its media host are the player host.

fn lazy_iframe(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(LAZY_PAGE, request),
        ("episode/332582b3-c603-4af5-a4a2-81be768b38a6", true) => page(CAPTIVATE_PLAYER, request),
        _ => None,
    }
}

const LAZY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Salt Marsh Is Moving Inland. These Scientists Are Following It. | Coastlines Magazine</title>
<meta name="description" content="A year with the researchers tracking the slow retreat of a tidal marsh — plus Field Notes, episode 19.">
<meta property="og:title" content="The Salt Marsh Is Moving Inland">
<meta property="og:type" content="article">
<meta property="og:image" content="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/marsh-hero.jpg">
<style>
body{margin:0;font-family:"Charter","Georgia",serif;color:#1f2a2e;background:#fff}
.masthead{display:flex;justify-content:space-between;align-items:center;padding:18px 40px;border-bottom:1px solid #dde3e4;font-family:Helvetica,Arial,sans-serif}
.masthead .title{font-size:24px;font-weight:800;color:#0e5a6b;text-decoration:none;letter-spacing:.04em;text-transform:uppercase}
.masthead nav a{margin-left:20px;color:#1f2a2e;text-decoration:none;font-size:14px}
.hero{width:100%;height:560px;display:block;object-fit:cover}
.feature{max-width:700px;margin:0 auto;padding:30px 20px}
.feature .section{font-family:Helvetica,Arial,sans-serif;font-size:13px;font-weight:700;color:#0e5a6b;text-transform:uppercase;letter-spacing:.1em}
.feature h1{font-size:44px;line-height:1.1;margin:10px 0}
.feature .dek{font-size:21px;color:#4a5a5f;line-height:1.4}
.feature .byline{font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#6b7b80;margin:18px 0 30px}
.feature p{font-size:19px;line-height:1.75}
.feature figure{margin:36px -60px}
.feature figure img{width:100%;height:520px;object-fit:cover;display:block}
.feature figcaption{font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#6b7b80;padding:8px 60px 0}
.feature h2{font-size:26px;margin-top:44px}
.feature .speaker{font-family:Helvetica,Arial,sans-serif;font-weight:700;font-size:14px;color:#0e5a6b;display:block}
.jump{font-family:Helvetica,Arial,sans-serif;font-size:14px;background:#eef6f7;padding:10px 14px;border-radius:4px}
.jump a{color:#0e5a6b}
.listen h2{margin-top:60px}
.footer{background:#0e2a31;color:#a9c0c5;font-family:Helvetica,Arial,sans-serif;font-size:13px;padding:40px;margin-top:60px}
.footer a{color:#fff;margin-right:16px}
</style>
</head>
<body>
<header class="masthead"><a class="title" href="%SITE%/corpus/lazy-iframe/">Coastlines</a><nav><a href="%SITE%/corpus/lazy-iframe/features/">Features</a><a href="%SITE%/corpus/lazy-iframe/field-notes/">Field Notes Podcast</a><a href="%SITE%/corpus/lazy-iframe/issues/">Print Issues</a><a href="%SITE%/corpus/lazy-iframe/subscribe/">Subscribe</a></nav></header>
<img class="hero" src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/marsh-hero.jpg" alt="A tidal creek winding through cordgrass at low tide">
<article class="feature">
<div class="section">Feature · Field Notes, Episode 19</div>
<h1>The Salt Marsh Is Moving Inland. These Scientists Are Following It.</h1>
<p class="dek">For a year, a small team of ecologists has been measuring, mile by mile, how a tidal marsh retreats from a rising sea. We went with them.</p>
<div class="byline">Words by Hannah Okonkwo · Photographs by Luis Ortega · April 4, 2024 · 18 min read</div>
<p class="jump">This story is also an episode of our podcast, Field Notes. <a href="#listen">Listen to the episode at the end of this article ↓</a></p>

<p>At six in the morning the marsh is loud. Clapper rails call from the cordgrass, a heron lifts off with a noise like a folding umbrella, and somewhere behind us a pump station hums. Dr. Rosa Delgado kneels in the mud with a steel rod marked in centimetres and pushes it down until it stops. "Eleven point four," she says. Her graduate student, Malik, writes it down. They will do this ninety more times before lunch.</p>
<p>The measurements are part of a project that started, almost by accident, when Delgado noticed that a stand of loblolly pines on the upland edge of the marsh was dying from the roots up. Salt water was reaching places it had not reached in living memory. The forest was turning into what ecologists call a ghost forest: grey trunks standing in grass.</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/ghost-forest.jpg" alt=""><figcaption>Dead loblolly pines on the upland edge of the marsh, killed by salt water reaching their roots. Photo: Luis Ortega</figcaption></figure>
<p>Salt marshes are not supposed to stand still. They build themselves up by trapping sediment on every tide, and for thousands of years most of them kept pace with a slowly rising sea. What has changed, Delgado explains, is the rate. When the water rises faster than the marsh can build, the seaward edge drowns. If there is room behind it, the marsh migrates inland. If there is a road, a seawall or a row of houses, it is squeezed out of existence.</p>
<p>This marsh has room, for now. Behind it are farm fields, most of them owned by families who have grown soybeans and corn here for four generations. Some of those fields already flood on the highest tides of the year. Farmers call the white crust that appears afterwards "salt burn." Yields fall. Eventually, nothing but marsh grass will grow.</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/soy-field-salt.jpg" alt=""><figcaption>A soybean field with patches of salt burn after a king tide in October. Photo: Luis Ortega</figcaption></figure>
<p>Delgado's team has divided the marsh edge into 212 transects, each a straight line running from open water to dry land. Four times a year they walk every one, recording elevation, plant species, soil salinity and the depth of the water table. It is slow, muddy work, and most of it happens in the hours around low tide, which means the schedule changes every day.</p>
<p>"People imagine climate research is satellites and supercomputers," Malik says, wringing out a sock. "Some of it is. A lot of it is this."</p>
<h2>The farmers</h2>
<p>Ellen Pruitt's family has farmed the same four hundred acres since 1911. She remembers her grandfather digging drainage ditches by hand. Those ditches now carry salt water inland on spring tides. Three years ago she enrolled sixty acres in a state programme that pays farmers to let fields convert to marsh. The payment is modest. "It's not about the money," she says. "It's about not fighting something you can't win."</p>
<p>Not all of her neighbours agree. Some have built berms, raised the level of their field roads, or installed tide gates on the ditches. Delgado does not blame them. "Everyone here is making a reasonable decision with the information they have," she says. "Our job is to give them better information."</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/pruitt-farm.jpg" alt=""><figcaption>Ellen Pruitt on the edge of the sixty acres she enrolled in the state's marsh migration programme. Photo: Luis Ortega</figcaption></figure>
<h2>What the numbers say</h2>
<p>After a year of measurements, the picture is clearer and more uneven than anyone expected. On average, the upland edge of the marsh moved inland by about two metres. But on some transects it did not move at all, and on others it moved more than fifteen. The difference, it turns out, is mostly about drainage: where old farm ditches run straight to the marsh, salt water travels much farther inland.</p>
<p>That finding has a practical consequence. Blocking or filling a few key ditches could slow the migration in some places, buying farmers time. In other places, opening them could help the marsh move faster into land whose owners want it to. "It's not a single line moving across a map," Delgado says. "It's more like water finding its way through a sponge."</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/transect-map.jpg" alt=""><figcaption>The team's 212 transects, coloured by how far the upland edge moved in twelve months. Graphic: Coastlines</figcaption></figure>
<p>The marsh is also changing in composition. Cordgrass, which tolerates salt water, is spreading into areas once dominated by black needlerush and salt meadow hay. Invasive common reed is colonising the disturbed ground at the very edge, where dying forest meets advancing marsh. Birds that depend on the high marsh — saltmarsh sparrows in particular — are losing nesting habitat faster than it can form elsewhere.</p>
<h2>Transcript excerpts from the episode</h2>
<p><span class="speaker">HANNAH OKONKWO</span>When you first saw the pines dying, what did you think was happening?</p>
<p><span class="speaker">ROSA DELGADO</span>Honestly, I thought it was beetles. That's the usual suspect. We cut a few cores and the wood was fine. Then we measured the salinity in the soil around the roots, and it was three times what a pine can tolerate. That was the moment it clicked. The sea had arrived here before we'd noticed it.</p>
<p><span class="speaker">HANNAH OKONKWO</span>How fast is fast, in marsh terms?</p>
<p><span class="speaker">ROSA DELGADO</span>The tide gauge down the coast shows about four and a half millimetres of rise a year over the last two decades. That doesn't sound like much. But a marsh that can build up three millimetres a year is losing a millimetre and a half every year, and that adds up. It's like a treadmill that keeps speeding up.</p>
<p><span class="speaker">MALIK HASSAN</span>The part that surprised me is how much of it is about ditches. We dug them for farming a hundred years ago and now they're highways for salt water. Some of the biggest changes we've measured are right at the end of a ditch.</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/ditch.jpg" alt=""><figcaption>A farm ditch carrying tidal water inland, three kilometres from the open marsh. Photo: Luis Ortega</figcaption></figure>
<p><span class="speaker">ELLEN PRUITT</span>My grandfather would have thought I was crazy, giving land back to the water. But he also would have understood. He always said you can't argue with the tide. You plant around it.</p>
<p><span class="speaker">HANNAH OKONKWO</span>What does the marsh look like in twenty years?</p>
<p><span class="speaker">ROSA DELGADO</span>If it has room, it'll be somewhere else. Further up, where the fields are now. Where we're standing will probably be open water or mudflat. The question isn't whether the marsh survives. It's whether we let it move.</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/sparrow.jpg" alt=""><figcaption>A saltmarsh sparrow, one of the species most threatened by the loss of high marsh. Photo: Luis Ortega</figcaption></figure>
<h2>Show notes</h2>
<p>Field Notes is Coastlines' podcast about the people who study places that are changing. In episode 19, Hannah Okonkwo spends a year with Rosa Delgado's marsh ecology lab, a farming family deciding what to do with their flooded fields, and a graduate student who has walked 212 transects more times than he can count.</p>
<p>Music by Blue Heron Sound. Produced by Hannah Okonkwo and Sam Reyes. Edited by Priya Natarajan. Fact-checking by Jordan Ellis. Special thanks to the state Coastal Resources Division and the Pruitt family.</p>
<p>Previous episode: <a href="%SITE%/corpus/lazy-iframe/field-notes/18-the-last-glacier-guide/">18 — The Last Glacier Guide</a>. Subscribe to Field Notes in <a href="%SITE%/corpus/lazy-iframe/field-notes/subscribe/">your podcast app</a>.</p>
<figure><img src="%SITE%/corpus/lazy-iframe/wp-content/uploads/2024/04/team.jpg" alt=""><figcaption>Rosa Delgado and Malik Hassan at the end of transect 212. Photo: Luis Ortega</figcaption></figure>
<section class="listen" id="listen">
<h2>Listen: Field Notes, Episode 19 — The Salt Marsh</h2>
<div style="width: 100%; height: 200px; margin-bottom: 20px; border-radius: 6px; overflow: hidden;"><iframe style="width: 100%; height: 200px;" frameborder="no" scrolling="no" allow="clipboard-write" seamless loading="lazy" title="Field Notes, Episode 19 — The Salt Marsh" src="%PLAYER%/corpus/lazy-iframe/episode/332582b3-c603-4af5-a4a2-81be768b38a6/"></iframe></div>
</section>
</article>
<footer class="footer"><a href="%SITE%/corpus/lazy-iframe/about/">About Coastlines</a><a href="%SITE%/corpus/lazy-iframe/privacy/">Privacy</a><a href="%SITE%/corpus/lazy-iframe/contact/">Contact</a> © 2024 Coastlines Magazine</footer>
</body>
</html>
"##;

const CAPTIVATE_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>19. The Salt Marsh - Field Notes</title>
<meta name="twitter:player:stream" content="%PLAYER%/media/captivate/4e1b7c2a-8d3f-4a6e-b5c9-0f2d1e3a4b5c/field-notes-ep-19-the-salt-marsh.mp3">
<style>
body{margin:0;font-family:"Poppins",Helvetica,Arial,sans-serif;background:#0e2a31;color:#fff}
.player{display:flex;height:200px}
.player-image{width:200px;height:200px;flex:none}
.player-info{flex:1;padding:16px 20px;display:flex;flex-direction:column;min-width:0}
.cp-show-title{font-size:12px;color:#8fb8c1;text-transform:uppercase;letter-spacing:.08em}
.cp-episode-title{font-size:18px;font-weight:600;margin:4px 0}
.cp-episode-date{font-size:12px;color:#8fb8c1}
.player-controls{display:flex;align-items:center;gap:12px;margin-top:auto}
.player-play{width:52px;height:52px;border-radius:50%;border:0;background:#2ec4b6;color:#0e2a31;cursor:pointer;display:flex;align-items:center;justify-content:center}
.player-progress{flex:1;height:4px;background:#24444c}
.player-progress div{height:4px;width:0;background:#2ec4b6}
.player-time{font-size:12px;color:#8fb8c1;font-variant-numeric:tabular-nums}
.player-extra button{border:0;background:none;color:#8fb8c1;cursor:pointer;font-size:12px}
</style>
</head>
<body class="episode-player">
<div class="player">
<img class="player-image" src="%PLAYER%/corpus/lazy-iframe/artwork/field-notes-3000.jpg" alt="Field Notes">
<div class="player-info">
<div class="cp-show-title">Field Notes</div>
<div class="cp-episode-title">19. The Salt Marsh</div>
<div class="cp-episode-date">4th April 2024</div>
<audio class="player-audio" data-duration="2712" preload="none"><source src="%PLAYER%/media/captivate/4e1b7c2a-8d3f-4a6e-b5c9-0f2d1e3a4b5c/field-notes-ep-19-the-salt-marsh.mp3" type="audio/mpeg"></audio>
<div class="player-controls">
<button class="player-play" type="button" aria-label="Play episode">%ICON_PLAY%</button>
<span class="player-time" id="t">00:00</span>
<div class="player-progress"><div id="p"></div></div>
<span class="player-time">45:12</span>
</div>
<div class="player-extra"><button type="button">Share</button><button type="button">Subscribe</button><button type="button" class="speed">1x</button></div>
</div>
</div>
<script>
(function () {
  var audio = document.querySelector('.player-audio');
  var play = document.querySelector('.player-play');
  play.addEventListener('click', function () {
    if (audio.paused) {
      var p = audio.play();
      if (p && p.catch) p.catch(function () {});
      play.innerHTML = '%ICON_PAUSE%';
      play.setAttribute('aria-label', 'Pause episode');
    } else {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.setAttribute('aria-label', 'Play episode');
    }
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.getElementById('t').textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
    document.getElementById('p').style.width = (100 * s / 2712) + '%';
  });
  document.querySelector('.speed').addEventListener('click', function (e) {
    audio.playbackRate = audio.playbackRate >= 2 ? 1 : audio.playbackRate + 0.5;
    e.currentTarget.textContent = audio.playbackRate + 'x';
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// soundcloud-embed
//
// Imitates the SoundCloud widget as sites embed it (anzu): `<iframe width="100%"
// height="300" scrolling="no" frameborder="no" allow="autoplay" src="https://w.
// soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/<id>&color=%23ff5500
// &auto_play=false&...&visual=true">` followed by the small attribution div. The
// widget resolves the track; its `media.transcodings[]` entries are API endpoints
// (`.../stream/hls` preset mp3_0_0, `.../stream/progressive`) that answer `{"url":
// <signed CDN url>}` (metascraper soundcloud fixture, yt-dlp soundcloud.py). Only a
// press on the icon-only `button.playButton[title=Play]` fetches the progressive URL,
// which plays in an Audio object never attached to the DOM. The radio show is
// synthetic; w.soundcloud.com, the API and the CDN are the player host.

fn soundcloud_embed(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(SOUNDCLOUD_PAGE, request),
        ("player", true) => page(SOUNDCLOUD_WIDGET, request),
        ("resolve", true) => data(SOUNDCLOUD_TRACK, request),
        (
            "media/soundcloud:tracks:1464676342/2c4b8e1f-7a3d-4b9c-8e21-5f6a7b8c9d0e/stream/progressive",
            true,
        ) => data(
            r#"{"url":"%PLAYER%/media/soundcloud/Wx3kPq9bV2sL.128.mp3?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiKjovL2NmLW1lZGlhIn1dfQ__&Signature=Zk3vQ2~rT8mN1pX&Key-Pair-Id=APKAI6TU7MMXM5DG6EPQ"}"#,
            request,
        ),
        (
            "media/soundcloud:tracks:1464676342/2c4b8e1f-7a3d-4b9c-8e21-5f6a7b8c9d0e/stream/hls",
            true,
        ) => data(
            r#"{"url":"%PLAYER%/media/soundcloud/playlists/Wx3kPq9bV2sL.128.mp3/playlist.m3u8?Policy=eyJTdGF0ZW1lbnQiOlt7fV19&Signature=Qp8~x1&Key-Pair-Id=APKAI6TU7MMXM5DG6EPQ"}"#,
            request,
        ),
        _ => None,
    }
}

const SOUNDCLOUD_TRACK: &str = r##"{"kind":"track","id":1464676342,"urn":"soundcloud:tracks:1464676342","title":"Night Shift Radio #54 – Midnight Dub Selection w/ Kofi Mensah","permalink_url":"%PLAYER%/corpus/soundcloud-embed/nightshiftradio/ns54-midnight-dub-selection","artwork_url":"%PLAYER%/corpus/soundcloud-embed/artworks-000912345678-abc123-t500x500.jpg","duration":3598000,"full_duration":3598000,"downloadable":false,"streamable":true,"policy":"ALLOW","monetization_model":"NOT_APPLICABLE","track_authorization":"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJnZW8iOiJERSIsInN1YiI6IiJ9.q1w2e3r4t5","user":{"username":"Night Shift Radio","permalink_url":"%PLAYER%/corpus/soundcloud-embed/nightshiftradio","avatar_url":"%PLAYER%/corpus/soundcloud-embed/avatars-000222333444-xyz-large.jpg"},"media":{"transcodings":[{"url":"%PLAYER%/corpus/soundcloud-embed/media/soundcloud:tracks:1464676342/2c4b8e1f-7a3d-4b9c-8e21-5f6a7b8c9d0e/stream/hls","preset":"mp3_0_0","duration":3598000,"snipped":false,"format":{"protocol":"hls","mime_type":"audio/mpeg"},"quality":"sq"},{"url":"%PLAYER%/corpus/soundcloud-embed/media/soundcloud:tracks:1464676342/2c4b8e1f-7a3d-4b9c-8e21-5f6a7b8c9d0e/stream/progressive","preset":"mp3_0_0","duration":3598000,"snipped":false,"format":{"protocol":"progressive","mime_type":"audio/mpeg"},"quality":"sq"}]}}"##;

const SOUNDCLOUD_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Night Shift #54: Midnight Dub Selection with Kofi Mensah – KVRN 88.3 Community Radio</title>
<meta name="description" content="Two hours of dub, steppers and roots from Kofi Mensah's record bag. Night Shift #54, archived.">
<meta property="og:title" content="Night Shift #54: Midnight Dub Selection with Kofi Mensah">
<meta property="og:image" content="%SITE%/corpus/soundcloud-embed/wp-content/uploads/2024/02/nightshift-54.jpg">
<style>
body{margin:0;font-family:"Space Grotesk",Arial,sans-serif;background:#101010;color:#eaeaea}
.bar{display:flex;align-items:center;gap:22px;padding:16px 30px;background:#000;border-bottom:3px solid #ffcc00}
.bar .call{font-weight:800;font-size:22px;color:#ffcc00;text-decoration:none}
.bar a{color:#eaeaea;text-decoration:none;font-size:14px}
.bar .live{margin-left:auto;border:1px solid #ffcc00;color:#ffcc00;padding:6px 12px;border-radius:16px;background:none;cursor:pointer}
.post{max-width:760px;margin:36px auto;padding:0 22px}
.post .cat{color:#ffcc00;font-size:13px;text-transform:uppercase;letter-spacing:.1em}
.post h1{font-size:34px;margin:8px 0}
.post .date{color:#999;font-size:14px;margin-bottom:22px}
.post p,.post li{line-height:1.7;font-size:17px}
.tracklist{background:#1a1a1a;padding:14px 20px;border-radius:4px}
.donate{background:#ffcc00;color:#000;padding:18px;border-radius:4px;margin-top:30px}
.donate a{color:#000;font-weight:700}
.footer{text-align:center;color:#777;font-size:13px;padding:40px}
</style>
</head>
<body>
<div class="bar"><a class="call" href="%SITE%/corpus/soundcloud-embed/">KVRN 88.3</a><a href="%SITE%/corpus/soundcloud-embed/schedule/">Schedule</a><a href="%SITE%/corpus/soundcloud-embed/shows/">Shows</a><a href="%SITE%/corpus/soundcloud-embed/archive/">Archive</a><a href="%SITE%/corpus/soundcloud-embed/volunteer/">Volunteer</a><button class="live" type="button">▶ Listen live</button></div>
<article class="post">
<div class="cat">Archive · Night Shift</div>
<h1>Night Shift #54: Midnight Dub Selection with Kofi Mensah</h1>
<div class="date">Posted February 18, 2024 by DJ Marisol</div>
<p>Kofi brought two crates and a story for every record. If you missed it on air, the full show is below.</p>
<iframe width="100%" height="300" scrolling="no" frameborder="no" allow="autoplay" src="%PLAYER%/corpus/soundcloud-embed/player/?url=%PLAYER_ENC%%2Fcorpus%2Fsoundcloud-embed%2Ftracks%2F1464676342&color=%23ff5500&auto_play=false&hide_related=false&show_comments=true&show_user=true&show_reposts=false&show_teaser=true&visual=true"></iframe><div style="font-size: 10px; color: #cccccc;line-break: anywhere;word-break: normal;overflow: hidden;white-space: nowrap;text-overflow: ellipsis; font-family: Interstate,Lucida Grande,Lucida Sans Unicode,Lucida Sans,Garuda,Verdana,Tahoma,sans-serif;font-weight: 100;"><a href="%PLAYER%/corpus/soundcloud-embed/nightshiftradio" title="Night Shift Radio" target="_blank" style="color: #cccccc; text-decoration: none;">Night Shift Radio</a> · <a href="%PLAYER%/corpus/soundcloud-embed/nightshiftradio/ns54-midnight-dub-selection" title="Night Shift Radio #54 – Midnight Dub Selection w/ Kofi Mensah" target="_blank" style="color: #cccccc; text-decoration: none;">Night Shift Radio #54 – Midnight Dub Selection w/ Kofi Mensah</a></div>
<h3>Tracklist (partial)</h3>
<ol class="tracklist">
<li>Augustus Pablo – East of the River Nile</li>
<li>King Tubby – Dub Fi Gwan</li>
<li>Scientist – Plague of Zombies</li>
<li>Mad Professor – Beyond the Realms of Dub</li>
<li>… and forty more</li>
</ol>
<div class="donate">KVRN is 100% listener supported. <a href="%SITE%/corpus/soundcloud-embed/donate/">Become a member</a> and keep Night Shift on the air.</div>
<p>Previous: <a href="%SITE%/corpus/soundcloud-embed/archive/night-shift-53/">Night Shift #53: Lovers Rock Valentine</a></p>
</article>
<div class="footer">KVRN 88.3 FM · A community radio station since 1979</div>
</body>
</html>
"##;

const SOUNDCLOUD_WIDGET: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SoundCloud Widget</title>
<style>
body{margin:0;font-family:Interstate,"Lucida Grande",Verdana,sans-serif;font-size:12px;overflow:hidden}
.widget{position:relative;height:300px;background:#333 center/cover no-repeat;color:#fff}
.widget:before{content:"";position:absolute;inset:0;background:linear-gradient(rgba(0,0,0,.1),rgba(0,0,0,.55))}
.soundHeader{position:relative;display:flex;align-items:flex-start;gap:12px;padding:14px}
.playButton{width:56px;height:56px;border-radius:50%;border:0;background:#ff5500;cursor:pointer;position:relative;flex:none}
.playButton:after{content:"";position:absolute;left:22px;top:17px;border-left:16px solid #fff;border-top:11px solid transparent;border-bottom:11px solid transparent}
.playButton.playing:after{left:20px;top:18px;width:5px;height:20px;border:0;background:#fff;box-shadow:10px 0 0 #fff}
.soundTitle__username{display:inline-block;background:#000;color:#ccc;padding:2px 5px;text-decoration:none;font-size:12px}
.soundTitle__title{display:inline-block;background:#000;color:#fff;padding:3px 6px;font-size:16px;margin-top:4px}
.logo{position:absolute;right:14px;top:14px;color:#fff;text-decoration:none;font-weight:bold}
.waveform{position:absolute;left:14px;right:14px;bottom:46px;height:60px;display:flex;align-items:flex-end;gap:2px}
.waveform span{flex:1;background:rgba(255,255,255,.7)}
.footer{position:absolute;left:0;right:0;bottom:0;display:flex;justify-content:space-between;align-items:center;padding:8px 14px;background:rgba(0,0,0,.5)}
.footer button,.footer a{background:none;border:0;color:#ddd;cursor:pointer;font-size:11px;text-decoration:none}
.share{display:none;position:absolute;right:14px;bottom:44px;background:#fff;color:#333;padding:10px;width:260px}
.share.open{display:block}
</style>
</head>
<body>
<div class="widget" id="widget">
<div class="soundHeader">
<button class="playButton" type="button" title="Play" tabindex="0"></button>
<div><a class="soundTitle__username" target="_blank" href="#"></a><br><span class="soundTitle__title"></span></div>
</div>
<a class="logo" target="_blank" href="#" title="Listen in browser">SoundCloud</a>
<div class="waveform" id="waveform"></div>
<div class="footer"><span><a href="%PLAYER%/corpus/soundcloud-embed/pages/cookies" target="_blank">Cookie policy</a></span><span><button type="button" class="shareButton" title="Share">Share</button> <button type="button" title="Like">Like</button></span></div>
<div class="share" id="share">Share this track<br><input readonly size="34" id="sharelink"></div>
</div>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var clientId = 'Iy5e1Ri4GTNgrafaXe4mLpmJLXbXEfBR';
  var track = null;
  var audio = null;
  var button = document.querySelector('.playButton');
  var wave = document.getElementById('waveform');
  for (var i = 0; i < 120; i++) {
    var bar = document.createElement('span');
    bar.style.height = (20 + Math.round(40 * Math.abs(Math.sin(i * 0.37) * Math.cos(i * 0.11)))) + 'px';
    wave.appendChild(bar);
  }
  fetch('/corpus/soundcloud-embed/resolve?url=' + encodeURIComponent(params.get('url') || '') + '&format=json&client_id=' + clientId)
    .then(function (r) { return r.json(); })
    .then(function (t) {
      track = t;
      document.getElementById('widget').style.backgroundImage = 'url(' + t.artwork_url + ')';
      var user = document.querySelector('.soundTitle__username');
      user.textContent = t.user.username;
      user.href = t.user.permalink_url;
      document.querySelector('.soundTitle__title').textContent = t.title;
      document.querySelector('.logo').href = t.permalink_url;
      document.getElementById('sharelink').value = t.permalink_url;
    });
  button.addEventListener('click', function () {
    if (!track) return;
    if (audio) {
      if (audio.paused) { audio.play().catch(function () {}); button.classList.add('playing'); button.title = 'Pause'; }
      else { audio.pause(); button.classList.remove('playing'); button.title = 'Play'; }
      return;
    }
    var progressive = track.media.transcodings.filter(function (t) { return t.format.protocol === 'progressive'; })[0];
    fetch(progressive.url + '?client_id=' + clientId + '&track_authorization=' + encodeURIComponent(track.track_authorization))
      .then(function (r) { return r.json(); })
      .then(function (stream) {
        audio = new Audio(stream.url);
        audio.play().catch(function () {});
        button.classList.add('playing');
        button.title = 'Pause';
      });
  });
  document.querySelector('.shareButton').addEventListener('click', function () {
    document.getElementById('share').classList.toggle('open');
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// no-audio-article
//
// A WordPress podcast blog post (Twenty Twenty-style theme, PowerPress on other posts)
// announcing next week's episode: there is no audio yet, only a player placeholder
// "Episode not yet available", Subscribe and Share buttons, and links to earlier
// episodes, which do have their own MP3s. Synthetic show; the right outcome is a human
// look.

fn no_audio_article(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(NO_AUDIO_PAGE, request),
        ("2024/03/07/episode-47-the-remains-of-the-day", false) => page(NO_AUDIO_PREVIOUS, request),
        _ => None,
    }
}

const NO_AUDIO_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Coming next week: Episode 48 – Piranesi, with guest host June Abara &#8211; The Night Owl Book Club</title>
<meta name="description" content="Next Thursday we're reading Susanna Clarke's Piranesi with guest host June Abara. Here's what to read before then.">
<meta property="og:title" content="Coming next week: Episode 48 – Piranesi">
<meta property="og:type" content="article">
<meta property="og:image" content="%SITE%/corpus/no-audio-article/wp-content/uploads/2024/03/ep48-teaser.jpg">
<link rel="alternate" type="application/rss+xml" title="The Night Owl Book Club &raquo; Podcast Feed" href="%SITE%/corpus/no-audio-article/feed/podcast/">
<style>
body{margin:0;font-family:"Inter var",-apple-system,sans-serif;background:#f5efe0;color:#000}
.header-inner{display:flex;justify-content:space-between;align-items:center;padding:26px 40px;background:#fff}
.site-title a{font-size:22px;font-weight:700;color:#000;text-decoration:none}
.primary-menu a{margin-left:24px;color:#000;text-decoration:none;font-size:16px}
.entry-header{text-align:center;padding:60px 20px 20px}
.entry-categories a{color:#cd2653;font-weight:700;text-transform:uppercase;font-size:14px;letter-spacing:.05em;text-decoration:none}
.entry-title{font-size:44px;max-width:900px;margin:14px auto;line-height:1.15}
.post-meta{color:#6d6d6d;font-size:15px}
.entry-content{max-width:640px;margin:0 auto;padding:20px;font-family:"Hoefler Text",Garamond,serif;font-size:21px;line-height:1.6}
.player-placeholder{font-family:-apple-system,sans-serif;background:#fff;border:2px dashed #cdc4ad;border-radius:8px;padding:28px;text-align:center;margin:24px 0}
.player-placeholder .icon{font-size:34px;opacity:.5}
.player-placeholder strong{display:block;font-size:18px;margin:6px 0}
.player-placeholder small{color:#6d6d6d;font-size:14px}
.buttons{font-family:-apple-system,sans-serif;display:flex;gap:12px;flex-wrap:wrap;margin:20px 0}
.buttons button,.buttons a{background:#cd2653;color:#fff;border:0;padding:12px 20px;font-size:15px;font-weight:600;cursor:pointer;text-decoration:none}
.buttons .secondary{background:#fff;color:#cd2653;border:2px solid #cd2653}
.popover{display:none;font-family:-apple-system,sans-serif;font-size:15px;background:#fff;border:1px solid #ddd;padding:14px 18px;margin-top:-8px}
.popover.open{display:block}
.popover a{color:#cd2653;margin-right:14px}
.post-nav{max-width:640px;margin:40px auto;padding:20px;border-top:1px solid #cdc4ad;font-size:16px}
.post-nav a{color:#cd2653;display:block;margin:6px 0}
.footer{background:#fff;padding:30px 40px;font-size:14px;color:#6d6d6d}
</style>
</head>
<body class="post-template-default single single-post single-format-standard">
<header class="header-inner"><div class="site-title"><a href="%SITE%/corpus/no-audio-article/">The Night Owl Book Club</a></div>
<nav class="primary-menu"><a href="%SITE%/corpus/no-audio-article/episodes/">Episodes</a><a href="%SITE%/corpus/no-audio-article/reading-list/">Reading list</a><a href="%SITE%/corpus/no-audio-article/about/">About</a><a href="%SITE%/corpus/no-audio-article/patreon/">Support us</a></nav></header>
<main id="site-content">
<article class="post-1903 post type-post status-publish format-standard hentry category-announcements">
<header class="entry-header">
<div class="entry-categories"><a href="%SITE%/corpus/no-audio-article/category/announcements/">Announcements</a></div>
<h1 class="entry-title">Coming next week: Episode 48 – <em>Piranesi</em>, with guest host June Abara</h1>
<div class="post-meta">By Theo Marsh · March 14, 2024 · <a href="#comments" style="color:#6d6d6d">4 Comments</a></div>
</header>
<div class="entry-content">
<p>Hello, night owls! Next Thursday, March 21, we're finally reading Susanna Clarke's <em>Piranesi</em>, and we have a guest host: novelist and long-time listener June Abara, who wrote to us last autumn with a twelve-page argument about the House and its tides.</p>
<div class="player-placeholder" role="status">
<div class="icon">🎧</div>
<strong>Episode not yet available</strong>
<small>Episode 48 will be published here on Thursday, March 21 at 6 a.m. ET. Subscribe so you don't miss it.</small>
</div>
<div class="buttons">
<button type="button" id="subscribe">Subscribe</button>
<button type="button" class="secondary" id="share">Share</button>
<button type="button" class="secondary" id="remind">Remind me</button>
</div>
<div class="popover" id="subscribe-pop">Subscribe in: <a href="%SITE%/corpus/no-audio-article/subscribe/apple/">Apple Podcasts</a><a href="%SITE%/corpus/no-audio-article/subscribe/spotify/">Spotify</a><a href="%SITE%/corpus/no-audio-article/subscribe/pocketcasts/">Pocket Casts</a><a href="%SITE%/corpus/no-audio-article/feed/podcast/">RSS</a></div>
<div class="popover" id="share-pop">Share: <a href="#">Facebook</a><a href="#">Bluesky</a><a href="#">Email</a><a href="#" id="copy">Copy link</a></div>
<div class="popover" id="remind-pop">We'll email you when the episode is out. <input type="email" placeholder="you@example.com" aria-label="Email"> <button type="button">OK</button></div>
<h2>Before you listen</h2>
<p>No need to finish the book — we'll spoil everything, but we'll warn you first. If you only have an evening, read up to the end of Part Two ("The Other"). June recommends reading it out loud. We're not going to argue.</p>
<p>Questions for June? Leave a comment below or send a voice memo to the listener line. We'll play a few at the end of the episode.</p>
</div>
</article>
<nav class="post-nav">
<a href="%SITE%/corpus/no-audio-article/2024/03/07/episode-47-the-remains-of-the-day/">← Episode 47: The Remains of the Day</a>
<a href="%SITE%/corpus/no-audio-article/episodes/">All episodes →</a>
</nav>
</main>
<footer class="footer">© 2024 The Night Owl Book Club · Powered by WordPress</footer>
<script>
(function () {
  function toggler(button, pop) {
    document.getElementById(button).addEventListener('click', function () {
      ['subscribe-pop', 'share-pop', 'remind-pop'].forEach(function (id) { if (id !== pop) document.getElementById(id).classList.remove('open'); });
      document.getElementById(pop).classList.toggle('open');
    });
  }
  toggler('subscribe', 'subscribe-pop');
  toggler('share', 'share-pop');
  toggler('remind', 'remind-pop');
  document.getElementById('copy').addEventListener('click', function (e) {
    e.preventDefault();
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(function () {});
  });
})();
</script>
</body>
</html>
"##;

const NO_AUDIO_PREVIOUS: &str = r##"<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Episode 47: The Remains of the Day &#8211; The Night Owl Book Club</title>
<style>body{margin:0;font-family:-apple-system,sans-serif;background:#f5efe0}.wrap{max-width:640px;margin:40px auto;background:#fff;padding:30px}h1{font-size:34px}.powerpress_links a{color:#cd2653}</style>
</head>
<body class="post-template-default single single-post">
<div class="wrap">
<h1 class="entry-title">Episode 47: The Remains of the Day</h1>
<p>Theo and Priya on Kazuo Ishiguro's butler, unreliable narrators, and the saddest road trip in English literature.</p>
<div class="powerpress_player" id="powerpress_player_7712"><audio class="wp-audio-shortcode" id="audio-1881-1" preload="none" style="width: 100%;" controls="controls"><source type="audio/mpeg" src="%SITE%/media/nightowl/episode-47-the-remains-of-the-day.mp3?_=1" /><a href="%SITE%/media/nightowl/episode-47-the-remains-of-the-day.mp3">%SITE%/media/nightowl/episode-47-the-remains-of-the-day.mp3</a></audio></div>
<p class="powerpress_links powerpress_links_mp3">Podcast: <a href="%SITE%/media/nightowl/episode-47-the-remains-of-the-day.mp3" class="powerpress_link_pinw" target="_blank" title="Play in new window" rel="nofollow">Play in new window</a> | <a href="%SITE%/media/nightowl/episode-47-the-remains-of-the-day.mp3" class="powerpress_link_d" title="Download" rel="nofollow" download="episode-47-the-remains-of-the-day.mp3">Download</a></p>
<p><a href="%SITE%/corpus/no-audio-article">Next: Coming next week – Episode 48 →</a></p>
</div>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// login-wall
//
// A members-only episode on a paid-subscription podcast site in the manner of
// Supercast and Patreon: the page shows the episode and a player, but the player's
// audio API answers 401 and the player then asks the listener to "Log in to listen" or
// "Subscribe". The login form answers 401 to any credentials. Synthetic show; the right
// outcome is a human look.

fn login_wall(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(LOGIN_WALL_PAGE, request),
        ("api/episodes/2291/audio", false) => data_status(
            StatusCode::UNAUTHORIZED,
            r#"{"error":"unauthorized","message":"Log in with an active subscription to listen to this episode."}"#,
        ),
        ("login", false) => {
            // A form POST carries a content type; a plain GET of the login page does not.
            if request.headers.contains_key(header::CONTENT_TYPE) {
                Some(
                    (
                        StatusCode::UNAUTHORIZED,
                        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                        fill(LOGIN_WALL_FAILED, request),
                    )
                        .into_response(),
                )
            } else {
                page(LOGIN_WALL_LOGIN, request)
            }
        }
        ("subscribe", false) => page(LOGIN_WALL_SUBSCRIBE, request),
        _ => None,
    }
}

const LOGIN_WALL_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Members: The Kasparov Files, Part 3 – The Long Game</title>
<meta name="description" content="Members-only episode. Part 3 of our series on the 1985 World Championship.">
<meta property="og:title" content="The Kasparov Files, Part 3 (Members)">
<meta property="og:image" content="%SITE%/corpus/login-wall/uploads/kasparov-3.jpg">
<meta name="robots" content="noindex">
<style>
body{margin:0;font-family:"IBM Plex Sans",Arial,sans-serif;background:#f7f4ee;color:#222}
.nav{display:flex;align-items:center;gap:20px;padding:16px 32px;background:#1c1c1c;color:#fff}
.nav .brand{font-weight:700;font-size:20px;color:#fff;text-decoration:none}
.nav a{color:#ddd;text-decoration:none;font-size:14px}
.nav .right{margin-left:auto;display:flex;gap:10px}
.nav .right a{border:1px solid #777;padding:6px 14px;border-radius:4px}
.nav .right a.primary{background:#e0a526;border-color:#e0a526;color:#1c1c1c;font-weight:700}
.ep{max-width:720px;margin:40px auto;background:#fff;padding:32px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.badge{display:inline-block;background:#1c1c1c;color:#e0a526;font-size:12px;font-weight:700;padding:4px 10px;border-radius:12px;letter-spacing:.05em}
.ep h1{font-size:32px;margin:12px 0 6px}
.ep .meta{color:#777;font-size:14px}
.player{display:flex;align-items:center;gap:14px;background:#f1ede4;border-radius:8px;padding:14px;margin:24px 0;position:relative}
.player .play{width:52px;height:52px;border-radius:50%;border:0;background:#1c1c1c;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.player .lock{font-size:13px;color:#555}
.player .bar{flex:1;height:5px;background:#ddd6c6;border-radius:3px}
.gate{display:none;background:#1c1c1c;color:#fff;border-radius:8px;padding:24px;text-align:center;margin:-10px 0 20px}
.gate.open{display:block}
.gate a{display:inline-block;margin:8px 6px 0;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:700}
.gate .login{background:#fff;color:#1c1c1c}
.gate .subscribe{background:#e0a526;color:#1c1c1c}
.ep p{line-height:1.7;font-size:17px}
.free{background:#fff8e6;border-left:4px solid #e0a526;padding:12px 16px;font-size:15px}
.free a{color:#1c1c1c}
.footer{text-align:center;color:#888;font-size:13px;padding:30px}
</style>
</head>
<body>
<div class="nav"><a class="brand" href="%SITE%/corpus/login-wall/">The Long Game</a><a href="%SITE%/corpus/login-wall/episodes">Free episodes</a><a href="%SITE%/corpus/login-wall/members">Members</a><div class="right"><a href="%SITE%/corpus/login-wall/login">Log in</a><a class="primary" href="%SITE%/corpus/login-wall/subscribe">Subscribe</a></div></div>
<main class="ep">
<span class="badge">🔒 MEMBERS ONLY</span>
<h1>The Kasparov Files, Part 3: Adjourned</h1>
<div class="meta">Episode 2291 · March 12, 2024 · 1 hr 4 min</div>
<div class="player" id="player" data-episode-id="2291">
<button class="play" type="button" aria-label="Play">%ICON_PLAY%</button>
<div class="bar"></div>
<span class="lock">🔒 Log in to listen</span>
</div>
<div class="gate" id="gate" role="dialog" aria-label="Members only">
<strong>This episode is for members.</strong><br>Log in with your subscription, or subscribe for $6/month to unlock every members-only episode and the ad-free feed.<br>
<a class="login" href="%SITE%/corpus/login-wall/login">Log in to listen</a><a class="subscribe" href="%SITE%/corpus/login-wall/subscribe">Subscribe</a>
</div>
<p>Game 16 of the 1985 World Championship was adjourned after 41 moves. What happened overnight — in two hotel rooms, with two teams of seconds and no computers worth the name — decided the match. In Part 3 we reconstruct that night from interviews, analysis notebooks and one very angry telegram.</p>
<p class="free">Not a member yet? Part 1 is free for everyone: <a href="%SITE%/corpus/login-wall/episodes/kasparov-files-part-1">listen to The Kasparov Files, Part 1</a>.</p>
</main>
<div class="footer">The Long Game · Members feed powered by Supercast · <a href="%SITE%/corpus/login-wall/help">Help</a></div>
<script>
(function () {
  var player = document.getElementById('player');
  var gate = document.getElementById('gate');
  player.querySelector('.play').addEventListener('click', function () {
    fetch('/corpus/login-wall/api/episodes/' + player.getAttribute('data-episode-id') + '/audio', {credentials: 'include'})
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          gate.classList.add('open');
          return null;
        }
        return response.json();
      })
      .then(function (data) {
        if (data && data.url) {
          var audio = new Audio(data.url);
          audio.play().catch(function () {});
        }
      });
  });
})();
</script>
</body>
</html>
"##;

const LOGIN_WALL_LOGIN: &str = r##"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Log in – The Long Game</title>
<style>body{margin:0;font-family:Arial,sans-serif;background:#f7f4ee}.box{max-width:380px;margin:80px auto;background:#fff;padding:30px;border-radius:6px}input{display:block;width:100%;box-sizing:border-box;padding:10px;margin:6px 0 14px}button{width:100%;padding:12px;background:#1c1c1c;color:#fff;border:0;border-radius:4px;cursor:pointer}</style>
</head>
<body>
<div class="box">
<h1>Log in</h1>
<form method="post" action="%SITE%/corpus/login-wall/login">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
</form>
<p><a href="%SITE%/corpus/login-wall/forgot">Forgot your password?</a> · <a href="%SITE%/corpus/login-wall/subscribe">Subscribe</a></p>
</div>
</body>
</html>
"##;

const LOGIN_WALL_FAILED: &str = r##"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Log in – The Long Game</title></head>
<body style="font-family:Arial,sans-serif;background:#f7f4ee">
<div style="max-width:380px;margin:80px auto;background:#fff;padding:30px;border-radius:6px">
<h1>Log in</h1>
<p style="color:#b00020">Invalid email or password.</p>
<p><a href="%SITE%/corpus/login-wall/login">Try again</a> · <a href="%SITE%/corpus/login-wall/subscribe">Subscribe</a></p>
</div>
</body>
</html>
"##;

const LOGIN_WALL_SUBSCRIBE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Subscribe – The Long Game</title>
<style>body{margin:0;font-family:Arial,sans-serif;background:#f7f4ee}.plans{display:flex;gap:20px;justify-content:center;margin:60px auto;max-width:800px}.plan{background:#fff;padding:26px;border-radius:6px;flex:1}.plan button{padding:10px 16px;background:#e0a526;border:0;border-radius:4px;cursor:pointer;font-weight:700}</style>
</head>
<body>
<h1 style="text-align:center;margin-top:50px">Become a member</h1>
<div class="plans">
<div class="plan"><h2>Monthly</h2><p>$6 / month</p><p>All members-only episodes, ad-free feed, bonus Q&amp;As.</p><button type="button">Continue to payment</button></div>
<div class="plan"><h2>Yearly</h2><p>$60 / year</p><p>Two months free.</p><button type="button">Continue to payment</button></div>
</div>
<p style="text-align:center"><a href="%SITE%/corpus/login-wall/login">Already a member? Log in</a></p>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// hls-only
//
// Imitates a BBC Sounds play page (bbc.co.uk/sounds/play/<pid>): the state in
// `window.__PRELOADED_STATE__` with `programmes.current` (`type: 'playable_item'`,
// `titles.{primary,secondary,tertiary}`, `synopses`, `image_url` with a `{recipe}`
// placeholder, `availability`), playback through the mediaselector
// (`/mediaselector/6/select/version/2.0/mediaset/<set>/vpid/<vpid>`), which only offers
// HLS; an hls.js-style player loads the .m3u8. Downloading is only offered "in the BBC
// Sounds app" (a decoy page on the site), and the old bbccookies banner
// (#bbccookies-accept-button) sits on top. The programme is fictional; the
// mediaselector and the media CDN are the player host. No MP3 exists: the right
// outcome is a human look.

fn hls_only(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(HLS_PAGE, request),
        ("sounds/app", false) => page(HLS_APP, request),
        (
            "mediaselector/6/select/version/2.0/mediaset/pc/vpid/p0h8x3z4/format/json/jsfunc/JS_callbacks0",
            true,
        )
        | ("mediaselector/6/select/version/2.0/mediaset/pc/vpid/p0h8x3z4/format/json", true) => {
            data_cors(HLS_MEDIASELECTOR, request)
        }
        (r, true) if r.ends_with("_hls_master.m3u8") => Some(hls_playlist(HLS_MASTER)),
        (r, true) if r.ends_with("audio_eng=320000.m3u8") => Some(hls_playlist(HLS_MEDIA)),
        _ => None,
    }
}

/// An HLS playlist as the media CDN serves it (with CORS, for the hls.js player).
fn hls_playlist(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/vnd.apple.mpegurl"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        body,
    )
        .into_response()
}

const HLS_MASTER: &str = "#EXTM3U
#EXT-X-VERSION:5
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=339000,AVERAGE-BANDWIDTH=331000,CODECS=\"mp4a.40.2\"
pc_hd_abr_v2_nonuk_hls_master-audio_eng=320000.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=101000,AVERAGE-BANDWIDTH=99000,CODECS=\"mp4a.40.5\"
pc_hd_abr_v2_nonuk_hls_master-audio_eng_1=96000.m3u8
";

const HLS_MEDIA: &str = "#EXTM3U
#EXT-X-VERSION:5
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:1
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-MAP:URI=\"pc_hd_abr_v2_nonuk_hls_master-audio_eng=320000.m4s\"
#EXTINF:3.84, no desc
pc_hd_abr_v2_nonuk_hls_master-audio_eng=320000-1.m4s
#EXTINF:3.84, no desc
pc_hd_abr_v2_nonuk_hls_master-audio_eng=320000-2.m4s
#EXTINF:3.84, no desc
pc_hd_abr_v2_nonuk_hls_master-audio_eng=320000-3.m4s
#EXT-X-ENDLIST
";

const HLS_MEDIASELECTOR: &str = r##"{"media":[{"kind":"audio","type":"audio/mp4","encoding":"aac","bitrate":"320","expires":"2024-03-20T10:00:00Z","connection":[{"priority":"10","protocol":"https","supplier":"mf_akamai","transferFormat":"hls","href":"%PLAYER%/corpus/hls-only/vod-hls-uk/usp/auth/vod/piff_abr_full_audio/a1b2c3-p0h8x3z4/vf_p0h8x3z4_4c1e7a3b.ism/pc_hd_abr_v2_nonuk_hls_master.m3u8","authExpires":"2024-03-20T10:00:00Z","dpw":"50"},{"priority":"20","protocol":"https","supplier":"mf_cloudfront","transferFormat":"hls","href":"%PLAYER%/corpus/hls-only/vod-hls-uk-cf/usp/auth/vod/piff_abr_full_audio/a1b2c3-p0h8x3z4/vf_p0h8x3z4_4c1e7a3b.ism/pc_hd_abr_v2_nonuk_hls_master.m3u8","authExpires":"2024-03-20T10:00:00Z","dpw":"50"}]}]}"##;

const HLS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>BBC Radio 4 - Deep Field, The quiet microbes of the deep sea - BBC Sounds</title>
<meta name="description" content="Ruth Adeyemi explores the microbes living kilometres beneath the sea floor, and what they can tell us about life's limits.">
<meta property="og:title" content="Deep Field - The quiet microbes of the deep sea - BBC Sounds">
<meta property="og:type" content="website">
<meta property="og:image" content="%SITE%/corpus/hls-only/images/ic/1200x675/p0h8x2yz.jpg">
<meta property="og:site_name" content="BBC Sounds">
<style>
body{margin:0;font-family:ReithSans,Helvetica,Arial,sans-serif;background:#fff;color:#141414}
#bbccookies{background:#2b2b2b;color:#fff;padding:14px 30px;display:flex;gap:16px;align-items:center;font-size:14px}
#bbccookies.hidden{display:none}
#bbccookies button{padding:8px 14px;font-weight:700;cursor:pointer;border:0}
#bbccookies-accept-button{background:#fff;color:#141414}
#bbccookies-settings{background:none;color:#fff;text-decoration:underline}
.orb{background:#000;color:#fff;display:flex;align-items:center;gap:22px;padding:10px 30px;font-weight:700}
.orb a{color:#fff;text-decoration:none;font-size:14px}
.orb .signin{margin-left:auto;font-weight:400}
.sounds-nav{background:#ff4900;color:#fff;padding:12px 30px;display:flex;gap:24px;font-weight:700}
.sounds-nav a{color:#fff;text-decoration:none}
.play-area{max-width:1000px;margin:30px auto;padding:0 24px;display:grid;grid-template-columns:300px 1fr;gap:34px}
.play-area img{width:300px;height:300px}
.sc-c-herospace__network{color:#ff4900;font-weight:700;font-size:14px}
.play-area h1{font-size:30px;margin:6px 0}
.play-area h2{font-size:18px;font-weight:400;margin:0 0 14px}
.sc-c-herospace__details{color:#545658;font-size:14px}
.actions{display:flex;gap:14px;align-items:center;margin:22px 0;flex-wrap:wrap}
.sc-c-smp-play{width:64px;height:64px;border-radius:50%;border:0;background:#ff4900;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.sc-c-smp-play svg{width:34px;height:34px}
.action{display:inline-flex;align-items:center;gap:6px;border:1px solid #c2c2c2;background:#fff;padding:9px 14px;cursor:pointer;font-size:14px;color:#141414;text-decoration:none}
.smp{display:none;align-items:center;gap:12px;background:#141414;color:#fff;padding:10px 14px;margin-top:8px}
.smp.visible{display:flex}
.smp .track{flex:1;height:4px;background:#444}
.smp .track div{height:4px;width:0;background:#ff4900}
.modal{display:none;position:fixed;inset:0;background:rgba(0,0,0,.6);align-items:center;justify-content:center;z-index:50}
.modal.open{display:flex}
.modal .box{background:#fff;max-width:420px;padding:26px}
.modal .box a{display:inline-block;background:#ff4900;color:#fff;padding:10px 16px;text-decoration:none;font-weight:700;margin-top:8px}
.play-area p{line-height:1.6}
.footer{background:#000;color:#bbb;font-size:13px;padding:30px;margin-top:50px}
.footer a{color:#fff;margin-right:14px}
</style>
</head>
<body>
<div id="bbccookies" role="region" aria-label="Cookies on the BBC website"><span>Let us know you agree to cookies. We use cookies to give you the best online experience.</span><button id="bbccookies-accept-button" type="button">Yes, I agree</button><button id="bbccookies-settings" type="button">No, take me to settings</button></div>
<div class="orb"><span>BBC</span><a href="%SITE%/corpus/hls-only/news">News</a><a href="%SITE%/corpus/hls-only/sport">Sport</a><a href="%SITE%/corpus/hls-only/sounds">Sounds</a><a class="signin" href="%SITE%/corpus/hls-only/account/signin">Sign in</a></div>
<nav class="sounds-nav"><a href="%SITE%/corpus/hls-only/sounds">Home</a><a href="%SITE%/corpus/hls-only/sounds/music">Music</a><a href="%SITE%/corpus/hls-only/sounds/podcasts">Podcasts</a><a href="%SITE%/corpus/hls-only/sounds/my">My Sounds</a></nav>
<main class="play-area" id="main">
<img src="%SITE%/corpus/hls-only/images/ic/320x320/p0h8x2yz.jpg" alt="">
<div>
<div class="sc-c-herospace__network">BBC Radio 4</div>
<h1>Deep Field</h1>
<h2>The quiet microbes of the deep sea</h2>
<div class="sc-c-herospace__details">14 Mar 2024 · 28 mins · Available for over a year</div>
<div class="actions">
<button class="sc-c-smp-play" type="button" aria-label="Play">%ICON_PLAY%</button>
<button class="action" type="button" id="download">%ICON_DOWNLOAD% Download</button>
<button class="action" type="button">%ICON_BOOKMARK% Add to My Sounds</button>
<button class="action" type="button">%ICON_SHARE% Share</button>
</div>
<div class="smp" id="smp" aria-live="polite"><button type="button" id="smp-toggle" style="background:none;border:0;color:#fff;cursor:pointer" aria-label="Pause">%ICON_PAUSE%</button><span id="smp-status">Loading…</span><div class="track"><div id="smp-bar"></div></div><span id="smp-time">00:00</span></div>
<p>Ruth Adeyemi explores the microbes living kilometres beneath the sea floor — some of which may divide only once every few thousand years — and what they tell us about the limits of life on Earth and elsewhere.</p>
<p>Producer: Tom Wicks. Assistant producer: Isla Ferguson.</p>
<p><a href="%SITE%/corpus/hls-only/programmes/b0x7q2kd/episodes/player">More episodes of Deep Field</a></p>
</div>
</main>
<div class="modal" id="download-modal" role="dialog" aria-modal="true" aria-labelledby="dl-title"><div class="box"><h3 id="dl-title">Download in the BBC Sounds app</h3><p>To download episodes and listen offline, use the BBC Sounds app on your phone or tablet.</p><a href="%SITE%/corpus/hls-only/sounds/app">Get the BBC Sounds app</a> <button type="button" id="dl-close" class="action">Close</button></div></div>
<footer class="footer"><a href="%SITE%/corpus/hls-only/terms">Terms of Use</a><a href="%SITE%/corpus/hls-only/privacy">Privacy Policy</a><a href="%SITE%/corpus/hls-only/cookies">Cookies</a> Copyright © 2024 BBC.</footer>
<script>window.__PRELOADED_STATE__ = {"programmes":{"current":{"id":"m001x7kq","urn":"urn:bbc:radio:episode:m001x7kq","type":"playable_item","titles":{"primary":"Deep Field","secondary":"The quiet microbes of the deep sea","tertiary":null},"synopses":{"short":"Microbes living kilometres beneath the sea floor.","medium":"Ruth Adeyemi explores the microbes living kilometres beneath the sea floor.","long":null},"image_url":"%SITE%/corpus/hls-only/images/ic/{recipe}/p0h8x2yz.jpg","duration":{"value":1680,"label":"28 mins"},"availability":{"from":"2024-03-14T16:30:00Z","to":null,"label":"Available for over a year"},"download":{"available":false,"quality_variants":null},"network":{"id":"bbc_radio_fourfm","short_title":"Radio 4"}},"versions":[{"id":"p0h8x3z4","kind":"original","duration":1680}]},"player":{"smpSettings":{"mediaset":"pc","product":"sounds"}}};</script>
<script>
(function () {
  var state = window.__PRELOADED_STATE__;
  var vpid = state.programmes.versions[0].id;
  var smp = document.getElementById('smp');
  var status = document.getElementById('smp-status');
  var timer = null, position = 0, manifest = null;
  function tick() {
    position += 1;
    document.getElementById('smp-time').textContent = ('0' + Math.floor(position / 60)).slice(-2) + ':' + ('0' + position % 60).slice(-2);
    document.getElementById('smp-bar').style.width = (100 * position / 1680) + '%';
  }
  function play() {
    smp.classList.add('visible');
    if (manifest) { status.textContent = 'Playing'; timer = setInterval(tick, 1000); return; }
    fetch('%PLAYER%/corpus/hls-only/mediaselector/6/select/version/2.0/mediaset/' + state.player.smpSettings.mediaset + '/vpid/' + vpid + '/format/json')
      .then(function (r) { return r.json(); })
      .then(function (json) {
        var hls = json.media[0].connection.filter(function (c) { return c.transferFormat === 'hls'; })[0];
        return fetch(hls.href).then(function (r) { return r.text(); }).then(function (master) {
          var variant = master.split('\n').filter(function (line) { return line && line.charAt(0) !== '#'; })[0];
          var level = hls.href.replace(/[^\/]*$/, '') + variant;
          return fetch(level).then(function (r) { return r.text(); });
        }).then(function (text) {
          manifest = {url: hls.href, level: text};
          status.textContent = 'Playing';
          timer = setInterval(tick, 1000);
        });
      })
      .catch(function () { status.textContent = 'This content doesn\'t seem to be working.'; });
  }
  function pause() { clearInterval(timer); timer = null; status.textContent = 'Paused'; }
  document.querySelector('.sc-c-smp-play').addEventListener('click', function () { if (timer) pause(); else play(); });
  document.getElementById('smp-toggle').addEventListener('click', function () { if (timer) pause(); else play(); });
  document.getElementById('download').addEventListener('click', function () { document.getElementById('download-modal').classList.add('open'); });
  document.getElementById('dl-close').addEventListener('click', function () { document.getElementById('download-modal').classList.remove('open'); });
  document.getElementById('bbccookies-accept-button').addEventListener('click', function () {
    document.cookie = 'ckns_policy=111; path=/';
    document.getElementById('bbccookies').classList.add('hidden');
  });
  document.getElementById('bbccookies-settings').addEventListener('click', function () { location.href = '%SITE%/corpus/hls-only/cookies'; });
})();
</script>
</body>
</html>
"##;

const HLS_APP: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>BBC Sounds app - BBC Sounds</title>
<style>body{margin:0;font-family:Helvetica,Arial,sans-serif;background:#ff4900;color:#fff;text-align:center;padding:70px 20px}a.store{display:inline-block;margin:10px;padding:12px 22px;background:#000;color:#fff;text-decoration:none;border-radius:8px}</style>
</head>
<body>
<h1>Get the BBC Sounds app</h1>
<p>Download programmes and podcasts to listen offline, wherever you are.</p>
<a class="store" href="%SITE%/corpus/hls-only/sounds/app/ios">Download on the App Store</a>
<a class="store" href="%SITE%/corpus/hls-only/sounds/app/android">Get it on Google Play</a>
<p><a href="%SITE%/corpus/hls-only" style="color:#fff">Back to Deep Field</a></p>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// icon-only-download
//
// Imitates the WNYC Studios episode page captured by metascraper
// (integration/wnycstudios): PrimeVue controls, `aria-label="Play"` buttons, a
// "Select a service to play this episode" button, and the only download control an
// icon-only button with no href, `<button class="p-button p-component
// player-download-icon p-button-icon-only p-button-text p-button-secondary"
// aria-label="Download" title="Download"><i class="pi pi-download download-icon">`.
// The audio URL carries the real WNYC prefix stack (Podscribe -> Chartable -> Spotify
// ad analytics -> Podtrac) and `awCollectionId`/`awEpisodeId`. Synthetic: the station,
// the show, the story API the page calls at mount (WNYC keeps it in __NUXT__), the
// script behind the button (it creates an `<a download>`), and the "Download our app"
// decoy, which leads to an app page on the site.

fn icon_only_download(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    match (rest, host) {
        ("", false) => page(ICON_ONLY_PAGE, request),
        ("api/v3/story/soundcheck-the-unsung-engineers", false) => data(ICON_ONLY_API, request),
        ("app", false) => page(ICON_ONLY_APP, request),
        _ => None,
    }
}

const ICON_ONLY_API: &str = r##"{"data":{"type":"story","id":"418233","attributes":{"title":"The Unsung Engineers","slug":"soundcheck-the-unsung-engineers","show":"soundcheck","headers":{"brand":{"title":"Soundcheck"}},"newsdate":"2024-03-13T10:00:00-04:00","audio":"%SITE%/hop/pscrb/hop/chrt/hop/prfx/hop/podtrac/media/wkrv/soundcheck/episodes/the-unsung-engineers/audio/128/default.mp3?awCollectionId=soundcheck&awEpisodeId=the-unsung-engineers","audio-may-download":true,"audio-may-stream":true,"audio-duration-readable":"47 min","estimated-duration":2832}}}"##;

const ICON_ONLY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en" data-n-head="%7B%22lang%22:%7B%22ssr%22:%22en%22%7D%7D">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Unsung Engineers | Soundcheck | WKRV Studios</title>
<meta name="description" content="The studio engineers behind some of the most famous records of the last fifty years, in their own words.">
<meta property="og:title" content="The Unsung Engineers | Soundcheck">
<meta property="og:type" content="article">
<meta property="og:image" content="%SITE%/corpus/icon-only-download/i/1200/627/c/80/photologue/photos/soundcheck-unsung.jpg">
<style>
body{margin:0;font-family:"Roboto",Arial,sans-serif;background:#fff;color:#111}
.app-banner{background:#f2f2f2;display:flex;align-items:center;justify-content:center;gap:12px;padding:8px;font-size:14px}
.app-banner a{color:#de1e3d;font-weight:700}
.header{display:flex;align-items:center;gap:26px;padding:14px 36px;border-bottom:1px solid #ddd}
.header .logo{font-weight:900;font-size:22px;color:#111;text-decoration:none;letter-spacing:-.02em}
.header a{color:#111;text-decoration:none;font-size:15px}
.header .donate{margin-left:auto;background:#de1e3d;color:#fff!important;padding:8px 16px;border-radius:3px;font-weight:700}
.episode{max-width:900px;margin:34px auto;padding:0 24px}
.episode .show{color:#de1e3d;font-weight:700;text-transform:uppercase;font-size:13px;letter-spacing:.08em;text-decoration:none}
.episode h1{font-size:40px;margin:8px 0}
.episode .date{color:#666;font-size:14px}
.player{display:flex;align-items:center;gap:14px;margin:24px 0;padding:14px 0;border-top:1px solid #eee;border-bottom:1px solid #eee;position:relative}
.p-button{border:0;background:none;cursor:pointer;color:#111;display:inline-flex;align-items:center;justify-content:center}
.play-button{width:56px;height:56px;border-radius:50%;background:#de1e3d!important;color:#fff!important}
.play-button svg{width:30px;height:30px}
.player .track{flex:1;height:4px;background:#eee}
.player .track div{width:0;height:4px;background:#de1e3d}
.player .time{font-size:13px;color:#666}
.pi-download{line-height:0;font-style:normal}
.player-download-icon{width:40px;height:40px;border-radius:50%}
.player-download-icon:hover{background:#f2f2f2}
.services{display:none;position:absolute;right:0;top:64px;background:#fff;border:1px solid #ddd;box-shadow:0 4px 12px rgba(0,0,0,.12);z-index:5;min-width:200px}
.services.open{display:block}
.services a{display:block;padding:10px 16px;color:#111;text-decoration:none}
.services a:hover{background:#f5f5f5}
.episode p{font-size:18px;line-height:1.7}
.credits{font-size:14px;color:#555}
.related a{display:block;color:#de1e3d;margin:6px 0}
.footer{background:#111;color:#aaa;font-size:13px;padding:34px;margin-top:50px}
.footer a{color:#fff;margin-right:16px}
</style>
</head>
<body>
<div class="app-banner">Listen on the go — <a href="%SITE%/corpus/icon-only-download/app">Download our app</a></div>
<div id="__nuxt"><div id="__layout">
<header class="header"><a class="logo" href="%SITE%/corpus/icon-only-download/">WKRV Studios</a><a href="%SITE%/corpus/icon-only-download/shows">Shows</a><a href="%SITE%/corpus/icon-only-download/newsletters">Newsletters</a><a href="%SITE%/corpus/icon-only-download/about">About</a><a class="donate" href="%SITE%/corpus/icon-only-download/donate">Donate</a></header>
<main class="episode">
<a class="show" href="%SITE%/corpus/icon-only-download/podcasts/soundcheck">Soundcheck</a>
<h1>The Unsung Engineers</h1>
<div class="date">Wednesday, March 13, 2024 · <span id="duration">47 min</span></div>
<div class="player" id="player">
<button class="p-button p-component play-button p-button-icon-only" type="button" aria-label="Play">%ICON_PLAY%</button>
<span class="time" id="elapsed">0:00</span>
<div class="track"><div id="bar"></div></div>
<button class="p-button p-component player-download-icon p-button-icon-only p-button-text p-button-secondary hidden md:flex" type="button" aria-label="Download" title="Download"><i class="pi pi-download download-icon">%ICON_DOWNLOAD%</i><span class="p-button-label">&nbsp;</span></button>
<button class="p-button p-component p-button-icon-only p-button-text" type="button" id="services-button" aria-label="Select a service to play this episode" aria-haspopup="true">%ICON_MORE_V%</button>
<div class="services" id="services"><a href="%SITE%/corpus/icon-only-download/listen/apple">Apple Podcasts</a><a href="%SITE%/corpus/icon-only-download/listen/spotify">Spotify</a><a href="%SITE%/corpus/icon-only-download/listen/overcast">Overcast</a><a href="%SITE%/corpus/icon-only-download/feeds/soundcheck">RSS</a></div>
</div>
<p>You know the artists. You might know the producers. But the engineers — the people who chose the microphone, set the levels, and stayed until four in the morning to fix a bass note — rarely get their names on the cover. This week, three of them tell the stories behind records you've heard a thousand times.</p>
<p class="credits">Hosted by Dana Whitaker. Produced by Ike Moreno and Sol Park. Mixed by Jess Tran.</p>
<section class="related"><h3>More Soundcheck</h3><a href="%SITE%/corpus/icon-only-download/podcasts/soundcheck/episodes/soundcheck-the-loudness-war">The Loudness War, Revisited</a><a href="%SITE%/corpus/icon-only-download/podcasts/soundcheck/episodes/soundcheck-tape-hiss">In Praise of Tape Hiss</a></section>
</main>
<footer class="footer"><a href="%SITE%/corpus/icon-only-download/terms">Terms of Use</a><a href="%SITE%/corpus/icon-only-download/privacy">Privacy</a><a href="%SITE%/corpus/icon-only-download/app">WKRV App</a>© 2024 WKRV Radio</footer>
</div></div>
<script>
(function () {
  var story = null;
  var audio = new Audio();
  audio.preload = 'none';
  var play = document.querySelector('.play-button');
  var download = document.querySelector('.player-download-icon');
  fetch('/corpus/icon-only-download/api/v3/story/soundcheck-the-unsung-engineers')
    .then(function (r) { return r.json(); })
    .then(function (json) {
      story = json.data.attributes;
      document.getElementById('duration').textContent = story['audio-duration-readable'];
      if (!story['audio-may-download']) download.remove();
    });
  play.addEventListener('click', function () {
    if (!story) return;
    if (!audio.src) audio.src = story.audio;
    if (audio.paused) {
      audio.play().catch(function () {});
      play.innerHTML = '%ICON_PAUSE%';
      play.setAttribute('aria-label', 'Pause');
    } else {
      audio.pause();
      play.innerHTML = '%ICON_PLAY%';
      play.setAttribute('aria-label', 'Play');
    }
  });
  audio.addEventListener('timeupdate', function () {
    var s = Math.floor(audio.currentTime);
    document.getElementById('elapsed').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
    document.getElementById('bar').style.width = (100 * s / story['estimated-duration']) + '%';
  });
  download.addEventListener('click', function () {
    if (!story) return;
    var link = document.createElement('a');
    link.href = story.audio;
    link.download = story.slug + '.mp3';
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  var services = document.getElementById('services');
  document.getElementById('services-button').addEventListener('click', function (e) {
    e.stopPropagation();
    services.classList.toggle('open');
  });
  document.addEventListener('click', function () { services.classList.remove('open'); });
})();
</script>
</body>
</html>
"##;

const ICON_ONLY_APP: &str = r##"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>WKRV App – Download on the App Store and Google Play</title>
<style>body{margin:0;font-family:Roboto,Arial,sans-serif;background:#111;color:#fff;text-align:center;padding:70px 20px}.store{display:inline-block;margin:10px;padding:12px 24px;border:1px solid #fff;border-radius:10px;color:#fff;text-decoration:none}</style>
</head>
<body>
<h1>The WKRV App</h1>
<p>Live radio, every podcast, and downloads for offline listening. Free on iPhone and Android.</p>
<a class="store" href="%SITE%/corpus/icon-only-download/app/ios">Download on the App Store</a>
<a class="store" href="%SITE%/corpus/icon-only-download/app/android">Get it on Google Play</a>
<p style="margin-top:40px"><a href="%SITE%/corpus/icon-only-download" style="color:#de1e3d">Back to Soundcheck</a></p>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// iframe-in-iframe
//
// Imitates a Medium-style blog post whose embed goes through Embedly, as Medium and
// many CMSs do: an `iframe.embedly-embed` of `cdn.embedly.com/widgets/media.html?src=
// <provider iframe URL>&display_name=..&url=..&image=..&key=..&type=text%2Fhtml&schema=
// <provider>`, whose document builds the provider's iframe from `src`. The provider is
// the Spreaker widget (`widget.spreaker.com/player?episode_id=<id>&theme=light&
// playlist=false&...&hide-download=false`); it fetches `api.spreaker.com/v2/episodes/
// <id>` (`response.episode.playback_url`, `download_url`, yt-dlp/BUM) only when its
// "Listen" button is pressed, then shows the audio and a download link. Both redirect
// to the stored file, as api.spreaker.com does. The blog and the show are synthetic;
// Embedly and Spreaker are the player host.

fn iframe_in_iframe(request: &CorpusRequest<'_>, rest: &str, host: bool) -> Option<Response> {
    let file = "/media/spreaker/download/episode/57211391/ep-14-the-night-the-lights-came-back.mp3";
    match (rest, host) {
        ("", false) => page(NESTED_PAGE, request),
        ("widgets/media.html", true) => page(EMBEDLY_MEDIA, request),
        ("player", true) => page(SPREAKER_WIDGET, request),
        ("v2/episodes/57211391", true) => data(SPREAKER_API, request),
        ("v2/episodes/57211391/play.mp3", true)
        | ("download/episode/57211391/ep-14-the-night-the-lights-came-back.mp3", true) => {
            moved(&request.origins.player, file)
        }
        _ => None,
    }
}

const SPREAKER_API: &str = r##"{"response":{"episode":{"episode_id":57211391,"type":"RECORDED","title":"Ep. 14 – The Night the Lights Came Back","duration":2511322,"explicit":false,"show_id":5923114,"author_id":18822330,"image_url":"%PLAYER%/corpus/iframe-in-iframe/images/57211391/cover.jpg","published_at":"2024-02-27 09:00:00","download_enabled":true,"playback_url":"%PLAYER%/corpus/iframe-in-iframe/v2/episodes/57211391/play.mp3","download_url":"%PLAYER%/corpus/iframe-in-iframe/download/episode/57211391/ep-14-the-night-the-lights-came-back.mp3","site_url":"%PLAYER%/corpus/iframe-in-iframe/episode/ep-14-the-night-the-lights-came-back--57211391","show":{"show_id":5923114,"title":"Grid Down"}}}}"##;

const NESTED_PAGE: &str = r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1,maximum-scale=1">
<title>What a city learns in a blackout. Episode 14 of Grid Down is out | by Teodora Vasić | Field &amp; Wire | Mar, 2024</title>
<meta name="description" content="Our new episode goes back to the night power returned after the 2003 blackout — and who got it first.">
<meta property="og:type" content="article">
<meta property="og:title" content="What a city learns in a blackout">
<meta property="og:image" content="%SITE%/corpus/iframe-in-iframe/v2/resize:fit:1200/1*blackout-skyline.jpeg">
<meta property="article:author" content="%SITE%/corpus/iframe-in-iframe/@teodora.vasic">
<meta name="twitter:card" content="summary_large_image">
<style>
body{margin:0;font-family:sohne,"Helvetica Neue",Helvetica,Arial,sans-serif;color:#242424;background:#fff}
.metabar{display:flex;align-items:center;gap:18px;padding:12px 24px;border-bottom:1px solid #f2f2f2}
.metabar .brand{font-family:Georgia,serif;font-weight:700;font-size:26px;color:#242424;text-decoration:none}
.metabar input{border:0;background:#f9f9f9;border-radius:20px;padding:9px 14px;width:220px}
.metabar .right{margin-left:auto;display:flex;gap:16px;align-items:center}
.metabar .right a{color:#6b6b6b;text-decoration:none;font-size:14px}
.metabar .right .signup{background:#1a8917;color:#fff;padding:8px 14px;border-radius:18px}
article{max-width:680px;margin:40px auto;padding:0 24px}
.pw-post-title{font-size:42px;line-height:1.2;letter-spacing:-.016em;margin:0 0 10px}
.pw-subtitle-paragraph{font-size:22px;color:#6b6b6b;line-height:1.4;margin:0 0 24px}
.author{display:flex;align-items:center;gap:12px;font-size:14px;margin-bottom:24px}
.author img{width:44px;height:44px;border-radius:50%}
.author button{border:0;background:none;color:#1a8917;cursor:pointer}
.clap-bar{display:flex;gap:18px;border-top:1px solid #f2f2f2;border-bottom:1px solid #f2f2f2;padding:8px 0;margin-bottom:30px}
.clap-bar button{border:0;background:none;color:#6b6b6b;cursor:pointer;font-size:14px;display:inline-flex;align-items:center;gap:4px}
.pw-post-body-paragraph{font-family:source-serif-pro,Georgia,Cambria,"Times New Roman",serif;font-size:20px;line-height:32px;letter-spacing:-.003em;margin:0 0 28px}
figure{margin:40px 0}
figure img{width:100%;height:380px;object-fit:cover}
figcaption{text-align:center;font-size:14px;color:#6b6b6b;margin-top:10px}
.iframeContainer{position:relative;width:100%}
.iframeContainer iframe{width:100%;height:200px;border:0}
.responses{max-width:680px;margin:40px auto;padding:0 24px;color:#6b6b6b}
</style>
</head>
<body>
<div class="metabar"><a class="brand" href="%SITE%/corpus/iframe-in-iframe/">Field &amp; Wire</a><input type="search" placeholder="Search" aria-label="Search"><div class="right"><a href="%SITE%/corpus/iframe-in-iframe/new-story">Write</a><a href="%SITE%/corpus/iframe-in-iframe/m/signin">Sign in</a><a class="signup" href="%SITE%/corpus/iframe-in-iframe/m/signup">Sign up</a></div></div>
<article>
<h1 class="pw-post-title">What a city learns in a blackout</h1>
<h2 class="pw-subtitle-paragraph">Episode 14 of Grid Down goes back to the night power returned — and who got it first.</h2>
<div class="author"><img src="%SITE%/corpus/iframe-in-iframe/v2/resize:fill:88:88/1*teodora.jpeg" alt="Teodora Vasić"><div><strong>Teodora Vasić</strong> · <button type="button">Follow</button><br>Published in Field &amp; Wire · 6 min read · Feb 27, 2024</div></div>
<div class="clap-bar"><button type="button" aria-label="clap">👏 412</button><button type="button" aria-label="responses">💬 9</button><button type="button" aria-label="Add to list">%ICON_BOOKMARK%</button><button type="button" aria-label="Listen to article">▶ Listen</button><button type="button" aria-label="Share">%ICON_SHARE%</button></div>
<p class="pw-post-body-paragraph">On the evening of August 14, 2003, fifty million people lost power in under ten minutes. Getting it back took days, and the order in which neighbourhoods came back on was not an accident. For episode 14 of our podcast, Grid Down, we found the dispatchers who made those calls.</p>
<figure><img src="%SITE%/corpus/iframe-in-iframe/v2/resize:fit:1400/1*blackout-skyline.jpeg" alt="A dark city skyline"><figcaption>The skyline on the first night of the blackout.</figcaption></figure>
<p class="pw-post-body-paragraph">Hospitals first, then water pumping stations, then the subway — that part is in every emergency plan. What isn't in the plans is everything after that: which feeder to close, which substation could take the load, which borough would wait another night. Dispatchers made those choices by phone, with paper maps, in a control room lit by emergency lamps.</p>
<p class="pw-post-body-paragraph">Listen to the full episode here:</p>
<figure class="iframeContainer"><iframe class="embedly-embed" src="%PLAYER%/corpus/iframe-in-iframe/widgets/media.html?src=%PLAYER_ENC%%2Fcorpus%2Fiframe-in-iframe%2Fplayer%3Fepisode_id%3D57211391%26theme%3Dlight%26playlist%3Dfalse%26playlist-continuous%3Dfalse%26chapters-image%3Dtrue%26hide-logo%3Dfalse%26hide-download%3Dfalse&display_name=Spreaker&url=%PLAYER_ENC%%2Fcorpus%2Fiframe-in-iframe%2Fepisode%2Fep-14-the-night-the-lights-came-back--57211391&image=%PLAYER_ENC%%2Fcorpus%2Fiframe-in-iframe%2Fimages%2F57211391%2Fcover.jpg&key=a19fcc184b9711e1b4764040d3dc5c07&type=text%2Fhtml&schema=spreaker" width="680" height="200" scrolling="no" title="Spreaker embed" frameborder="0" allow="autoplay; fullscreen; encrypted-media; picture-in-picture;" allowfullscreen="true"></iframe></figure>
<p class="pw-post-body-paragraph">Grid Down is an independent podcast about the infrastructure nobody thinks about until it fails. New episodes every other Tuesday; subscribe wherever you listen, or <a href="%SITE%/corpus/iframe-in-iframe/m/subscribe">get the newsletter</a>.</p>
</article>
<div class="responses">Responses (9) · <a href="%SITE%/corpus/iframe-in-iframe/@teodora.vasic">More from Teodora Vasić</a></div>
</body>
</html>
"##;

const EMBEDLY_MEDIA: &str = r##"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Spreaker embed</title>
<style>html,body{margin:0;padding:0;height:100%;overflow:hidden;background:transparent}iframe{display:block;border:0;width:100%;height:100%}</style>
</head>
<body>
<div id="embed"></div>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var src = params.get('src');
  if (!src) return;
  var frame = document.createElement('iframe');
  frame.className = 'embedly-embed';
  frame.src = src;
  frame.setAttribute('scrolling', 'no');
  frame.setAttribute('frameborder', '0');
  frame.setAttribute('allow', 'autoplay; fullscreen');
  frame.title = params.get('display_name') + ' embed';
  var box = document.getElementById('embed');
  box.style.height = '200px';
  box.appendChild(frame);
})();
</script>
</body>
</html>
"##;

const SPREAKER_WIDGET: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spreaker Widget</title>
<style>
body{margin:0;font-family:"Open Sans",Helvetica,Arial,sans-serif;background:#fff;color:#222;overflow:hidden}
.sp-widget{display:flex;height:198px;border:1px solid #e0e0e0;border-radius:6px;overflow:hidden}
.sp-cover{width:198px;height:198px;flex:none}
.sp-body{flex:1;padding:14px 18px;display:flex;flex-direction:column;min-width:0}
.sp-show{font-size:12px;color:#888}
.sp-title{font-size:17px;font-weight:700;margin:4px 0}
.sp-meta{font-size:12px;color:#888}
.sp-listen{margin-top:auto;align-self:flex-start;display:inline-flex;align-items:center;gap:8px;background:#f5c300;border:0;border-radius:22px;padding:10px 22px;font-size:15px;font-weight:700;cursor:pointer;color:#222}
.sp-player{margin-top:auto;display:none}
.sp-player.visible{display:block}
.sp-player audio{width:100%;height:36px}
.sp-tools{display:flex;gap:14px;font-size:12px;margin-top:6px}
.sp-tools a,.sp-tools button{color:#555;text-decoration:none;border:0;background:none;cursor:pointer;font-size:12px;padding:0}
.sp-logo{position:absolute;right:12px;top:8px;font-size:11px;color:#bbb}
</style>
</head>
<body>
<div class="sp-widget" id="widget" data-episode-id="">
<img class="sp-cover" src="%PLAYER%/corpus/iframe-in-iframe/images/57211391/cover.jpg" alt="">
<div class="sp-body">
<div class="sp-show">Grid Down</div>
<div class="sp-title">Ep. 14 – The Night the Lights Came Back</div>
<div class="sp-meta">Feb 27, 2024 · 41:51</div>
<button class="sp-listen" type="button">%ICON_PLAY% Listen</button>
<div class="sp-player" id="sp-player"></div>
<div class="sp-tools"><button type="button" id="share">Share</button><button type="button" id="like">Like</button><a href="%PLAYER%/corpus/iframe-in-iframe/show/grid-down" target="_blank">More episodes</a></div>
</div>
</div>
<div class="sp-logo">Spreaker</div>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var episodeId = params.get('episode_id');
  var hideDownload = params.get('hide-download') === 'true';
  document.getElementById('widget').setAttribute('data-episode-id', episodeId);
  var listen = document.querySelector('.sp-listen');
  listen.addEventListener('click', function () {
    listen.disabled = true;
    fetch('/corpus/iframe-in-iframe/v2/episodes/' + episodeId)
      .then(function (r) { return r.json(); })
      .then(function (json) {
        var episode = json.response.episode;
        var box = document.getElementById('sp-player');
        var html = '<audio controls autoplay preload="auto" src="' + episode.playback_url + '"></audio>';
        if (episode.download_enabled && !hideDownload) {
          html += '<div class="sp-tools"><a href="' + episode.download_url + '" download>%ICON_DOWNLOAD% Download episode</a></div>';
        }
        box.innerHTML = html;
        listen.remove();
        box.classList.add('visible');
        var audio = box.querySelector('audio');
        var p = audio.play();
        if (p && p.catch) p.catch(function () {});
      });
  });
  document.getElementById('like').addEventListener('click', function (e) { e.currentTarget.textContent = 'Liked'; });
  document.getElementById('share').addEventListener('click', function (e) { e.currentTarget.textContent = 'Link copied'; });
})();
</script>
</body>
</html>
"##;
