//! A third held-out set of corpus pages, written apart from the agent after the second
//! held-out run, run once against the agent frozen at commit 172a737. Each page names, in
//! a comment, the real publisher and markup it imitates, and which parts of it are
//! reconstructions rather than captured markup.
//!
//! Conventions of this file (those of [`super::fresh`]): templates are raw strings in
//! which `@BASE@` stands for `{site}/corpus/{slug}`, `@PBASE@` for
//! `{player}/corpus/{slug}`, `@SITE@` and `@PLAYER@` for the two origins. No other host
//! is ever written: inline SVG carries no `xmlns`, JSON-LD no `@context` URL, and
//! outbound links (apps, other platforms, social networks) go to small pages on the site
//! itself. Every link of a page answers: unknown paths below a page get a plain section
//! page of the same site, and image paths get a placeholder picture.

use super::kit::{
    data, fill, html, is_image, is_page, json, page, placeholder_image, query_param, redirect,
    rest, script, section_page, with_status,
};
use super::{CorpusExpect, CorpusPage, CorpusRequest, CorpusSet};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The pages of this set.
pub const PAGES: &[CorpusPage] = &[
    CorpusPage {
        slug: "wix-html-embed-redcircle",
        imitates: "Wix site page (Thunderbolt markup, wix-iframe HTML embed element whose iframe \
                   is the user's code on a filesusr.com host, the Wix cookie banner) holding a \
                   RedCircle episode player iframe; the player reads the episode JSON and streams \
                   the API stream.mp3 URL, which redirects behind a Podtrac prefix, only on Play",
        expected: CorpusExpect::PlayerAudio(
            "/media/redcircle/episodes/3f6d2a91-7c4e-4b8a-9e21-5d0c8b7a6f13/stream.mp3",
        ),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "pinecast-gatsby-post",
        imitates: "Gatsby blog post (___gatsby, gatsby-focus-wrapper) with the Pinecast embed as \
                   published (iframe.pinecast-embed src=pinecast.com/player/<uuid>?theme=flat \
                   seamless); the player plays pinecast.com/listen/<uuid>.mp3?source=embed, which \
                   redirects to storage; the post links the show's Pinecast RSS feed",
        expected: CorpusExpect::PlayerAudio(
            "/media/pinecast/podcasts/8d41c7e2/audio/2f0b9a6e-5c3d-4e1f-a8b7-61d2c3e4f5a6/ep31-the-quiet-carriage.mp3",
        ),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "podomatic-episode-download-modal",
        imitates: "Podomatic episode page (podomatic.com/podcasts/<channel>/episodes/<date-id>) with \
                   its same-origin /embed/html5/episode/<n> player iframe and the /v2/episodes/<n> \
                   JSON (media_url, download_media_url), a Download button that opens a modal, \
                   under a Quantcast Choice dialog (modal layout synthetic)",
        expected: CorpusExpect::SiteAudio(
            "/media/podomatic/mymedia/episode/backporchsessions/2024-05-09T06_00_00-07_00.mp3",
        ),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "hugo-figure-audio-op3",
        imitates: "independent podcast site built with Hugo (figure shortcode with <audio controls \
                   preload=none> and two <source>s, AAC first, behind the OP3 prefix; a short field \
                   recording clip in the show notes; chapters and transcript links)",
        expected: CorpusExpect::SiteAudio(
            "/media/fieldnotes/episodes/fieldnotes-042-the-sound-of-a-city-at-4am.mp3",
        ),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "borlabs-letscast-weinbau",
        imitates: "Austrian WordPress association site (Astra theme) with Borlabs Cookie 2 \
                   (#BorlabsCookieBox 'Ich akzeptiere', and a _brlbs-content-blocker keeping the \
                   LetsCast.fm player.js embed in a base64 text/template until 'Podcast laden'); \
                   the LetsCast player iframe's 'Herunterladen' link redirects to lcdn (player \
                   internals synthetic)",
        expected: CorpusExpect::PlayerAudio(
            "/media/lcdn/9c2e4f61-0a7b-4d3c-8e5f-b1a2c3d4e5f6/aus-dem-weingarten-23-trockensteinmauern.mp3",
        ),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "3cat-catalunya-radio-descarrega",
        imitates: "3Cat audio page (3cat.cat/3cat/<programa>/audio/<id>/) whose 'Escolta' button asks \
                   api-media pvideo/media.jsp?media=audio&idint=<id> (informacio, media.url[].file \
                   MP3), plays a pre-roll ad first, and only then offers 'Descarrega' under \
                   'Més opcions' (player UI and consent banner synthetic, in Catalan)",
        expected: CorpusExpect::SiteAudio("/media/ccma/multimedia/mp3/5/8/1715510583085.mp3"),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "ohdio-balado-ecouter",
        imitates: "Radio-Canada OHdio balado episode page (Next.js __NEXT_DATA__ with the mediaId but \
                   no URL); 'Écouter' asks services.radio-canada.ca/media/validation/v2/?appCode=\
                   medianet&idMedia=<n>&tech=progressive&output=json and plays its url; no download \
                   control, an 'Télécharger l'application OHdio' decoy; consent banner synthetic",
        expected: CorpusExpect::SiteAudio("/media/rcavmedias/balado/2024/05/10491457_128.mp3"),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "err-jupiter-laadi-alla",
        imitates: "ERR Jupiter audio page (jupiter.err.ee/<id>/<slug>, a Vue SPA filled from \
                   api/v2/vodContent/getContentPageData with medias[].src.hls and src.file) behind \
                   a full-screen Estonian consent dialog; 'Kuula' streams HLS, the icon-only \
                   title='Laadi alla' button builds an <a download> for the MP3 (UI synthetic)",
        expected: CorpusExpect::SiteAudio(
            "/media/err/mediadl/vikerraadio/2024/05/keelesaade-2024-05-11-lumi-ja-sonad.mp3",
        ),
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "nhk-radiru-kikinogashi",
        imitates: "NHK らじる★らじる 聞き逃し player page (radio/player/ondemand.html?p=<site>_<corner>_<ep>) \
                   that reads radio-api/app/v1/web/ondemand/series JSON whose episodes[].stream_url \
                   is an HLS index.m3u8 only; 'ダウンロード' labels lead to the app and to a paid \
                   textbook-audio shop (layout synthetic)",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::ThirdHeldOut,
    },
    CorpusPage {
        slug: "wondery-plus-early-access",
        imitates: "Wondery show episode page (Next.js __NEXT_DATA__) for a Wondery+ early-access \
                   episode: no public audio yet, only a short preview clip and 'Try Wondery+ free', \
                   while older episodes on the page play their own Podtrac-prefixed MP3s \
                   (markup synthetic)",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::ThirdHeldOut,
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
        "wix-html-embed-redcircle" => wix_redcircle(request),
        "pinecast-gatsby-post" => pinecast(request),
        "podomatic-episode-download-modal" => podomatic(request),
        "hugo-figure-audio-op3" => hugo(request),
        "borlabs-letscast-weinbau" => borlabs_letscast(request),
        "3cat-catalunya-radio-descarrega" => tres_cat(request),
        "ohdio-balado-ecouter" => ohdio(request),
        "err-jupiter-laadi-alla" => err_jupiter(request),
        "nhk-radiru-kikinogashi" => nhk(request),
        "wondery-plus-early-access" => wondery(request),
        _ => None,
    };
    Some(answer.unwrap_or_else(|| section_page(request)))
}

// ----------------------------------------------------------------------------------
// Helpers (as in `fresh`)

/// Standard base64 with padding, as Borlabs Cookie stores a blocked embed.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(char::from(TABLE[(n >> 18) as usize & 63]));
        out.push(char::from(TABLE[(n >> 12) as usize & 63]));
        out.push(if chunk.len() > 1 {
            char::from(TABLE[(n >> 6) as usize & 63])
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            char::from(TABLE[n as usize & 63])
        } else {
            '='
        });
    }
    out
}

// ----------------------------------------------------------------------------------
// Wix page with an HTML embed holding a RedCircle player.
//
// Imitates: a site built with the Wix editor (Thunderbolt renderer: SITE_CONTAINER,
// main_MF, masterPage, wixui-* classes, data-testid=richTextElement) whose owner pasted
// the RedCircle episode embed into an "Embed HTML" element. Wix renders that element as
// `<wix-iframe><iframe title="Embedded Content" name="htmlComp-iframe" src="https://<user>
// -wixsite-com-<site>.filesusr.com/html/<hash>_<n>.html">`, a page on another host that
// holds the pasted code, so the player is a frame inside a frame, both cross-site. The
// RedCircle player calls the RedCircle API for the episode (`contentURL` pointing at the
// API's `/episodes/<uuid>/stream.mp3`, which redirects through a Podtrac prefix to the
// audio host) and fetches nothing until Play. The embed URL's exact shape, the player's
// layout and the Wix consent banner wording are plausible reconstructions. Content is
// fictional.

const REDCIRCLE_SHOW: &str = "b7e2c940-13af-4d6b-8c51-0f9e2d7a4c88";

/// The show's episodes: uuid, number, title, duration (s), published (unix).
const REDCIRCLE_EPISODES: &[(&str, u32, &str, u32, u64)] = &[
    (
        "3f6d2a91-7c4e-4b8a-9e21-5d0c8b7a6f13",
        58,
        "Ep. 58: Saving Seed from Tomatoes (and Why It's Worth the Mess)",
        2754,
        1715245200,
    ),
    (
        "c19a7e05-2b6d-4f3c-a8e4-7d1f0b9c2e6a",
        57,
        "Ep. 57: No-Dig Beds in Heavy Clay",
        2410,
        1714640400,
    ),
    (
        "5e8b3d17-9a2c-4c6f-b0e1-3f7a2d9c8b14",
        56,
        "Ep. 56: Slugs, Beer Traps and Other Myths",
        2198,
        1714035600,
    ),
    (
        "a04f6c28-d1e7-4b9a-8f35-c2b6e0d7a913",
        0,
        "Trailer: Welcome to Dirt Under the Nails",
        94,
        1672531200,
    ),
];

fn wix_redcircle(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(WIX_PAGE, request);
    }
    let path = rest(request);
    if !request.on_player_host {
        return match path {
            "_partials/wix-thunderbolt/dist/main.consent.js" => script(WIX_CONSENT_JS, request),
            _ => None,
        };
    }
    match path {
        "html/7f3e1a_9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e.html" => {
            return page(WIX_FILESUSR, request);
        }
        "embedded-player/static/js/main.4c9e21.js" => return script(REDCIRCLE_JS, request),
        _ => {}
    }
    if let Some(uuid) = path.strip_prefix("embedded-player/ep/") {
        if !REDCIRCLE_EPISODES.iter().any(|e| e.0 == uuid) {
            return with_status(StatusCode::NOT_FOUND, "Episode not found");
        }
        return page(REDCIRCLE_PLAYER, request);
    }
    if path == format!("api/v1/shows/{REDCIRCLE_SHOW}") {
        return data(REDCIRCLE_SHOW_JSON, request);
    }
    if path == format!("api/v1/shows/{REDCIRCLE_SHOW}/episodes") {
        let items: Vec<String> = REDCIRCLE_EPISODES
            .iter()
            .map(|e| redcircle_episode_json(e, request))
            .collect();
        return Some(json(format!("[{}]", items.join(","))));
    }
    if let Some(tail) = path.strip_prefix("api/v1/episodes/") {
        if let Some(uuid) = tail.strip_suffix("/stream.mp3") {
            if !REDCIRCLE_EPISODES.iter().any(|e| e.0 == uuid) {
                return with_status(StatusCode::NOT_FOUND, "not found");
            }
            return Some(redirect(&format!(
                "{}/hop/pdst/hop/chrt/media/redcircle/episodes/{uuid}/stream.mp3",
                request.origins.player
            )));
        }
        return match REDCIRCLE_EPISODES.iter().find(|e| e.0 == tail) {
            Some(episode) => Some(json(redcircle_episode_json(episode, request))),
            None => with_status(StatusCode::NOT_FOUND, "{\"error\":\"episode not found\"}"),
        };
    }
    None
}

fn redcircle_episode_json(
    episode: &(&str, u32, &str, u32, u64),
    request: &CorpusRequest<'_>,
) -> String {
    let (uuid, number, title, duration, published) = *episode;
    let kind = if number == 0 { "trailer" } else { "full" };
    fill(
        &format!(
            "{{\"uuid\":\"{uuid}\",\"showUUID\":\"{REDCIRCLE_SHOW}\",\"title\":\"{title}\",\
             \"episodeType\":\"{kind}\",\"season\":3,\"episodeNumber\":{number},\"duration\":{duration},\
             \"publishedAt\":{published},\"imageURL\":\"@PBASE@/img/episodes/{uuid}/600.jpg\",\
             \"contentURL\":\"@PBASE@/api/v1/episodes/{uuid}/stream.mp3\",\
             \"contentType\":\"audio/mpeg\",\"isExplicit\":false,\"status\":\"published\",\
             \"shareURL\":\"@PBASE@/shows/dirt-under-the-nails/episodes/{uuid}\"}}"
        ),
        request,
    )
}

const WIX_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset='utf-8'>
  <meta name="viewport" content="width=device-width, initial-scale=1" id="wixDesktopViewport" />
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <meta name="generator" content="Wix.com Website Builder"/>
  <link rel="icon" sizes="192x192" href="@BASE@/static.wixstatic.com/media/4b21c9_f0a1e2d3c4b5a6978899aabbccddeeff~mv2.png/v1/fill/w_192,h_192/4b21c9_favicon.png" type="image/png"/>
  <meta name="format-detection" content="telephone=no">
  <meta name="skype_toolbar" content="skype_toolbar_parser_compatible">
  <title>Podcast | Dirt Under the Nails</title>
  <meta name="description" content="Dirt Under the Nails is a weekly podcast for allotment and back-garden growers. New episodes every Thursday."/>
  <link rel="canonical" href="@BASE@/podcast"/>
  <meta property="og:title" content="Podcast | Dirt Under the Nails"/>
  <meta property="og:description" content="Dirt Under the Nails is a weekly podcast for allotment and back-garden growers. New episodes every Thursday."/>
  <meta property="og:image" content="@BASE@/static.wixstatic.com/media/4b21c9_3d8e7f6a5b4c~mv2.jpg/v1/fill/w_1200,h_630/dutn-og.jpg"/>
  <meta property="og:url" content="@BASE@/podcast"/>
  <meta property="og:site_name" content="Dirt Under the Nails"/>
  <meta property="og:type" content="website"/>
  <meta name="twitter:card" content="summary_large_image"/>
  <style>
    html,body{margin:0;padding:0}body{font-family:"madefor-text",helvetica,arial,sans-serif;color:#2f2a24;background:#f4efe6;-webkit-font-smoothing:antialiased}
    #SITE_CONTAINER{min-width:320px}.SCROLL_TO_TOP{position:absolute;top:0;height:0;overflow:hidden}.mHZSwn{position:absolute;left:-9999px}
    .SITE_HEADER{background:#3d5a3a;color:#f4efe6;position:sticky;top:0;z-index:50}.hdr-inner{max-width:980px;margin:0 auto;display:flex;align-items:center;justify-content:space-between;height:84px;padding:0 20px}
    .logo-link{display:flex;align-items:center;gap:12px;text-decoration:none;color:inherit}.logo-link img{width:46px;height:46px;border-radius:50%}.logo-text{font-family:"playfair display",serif;font-size:26px;letter-spacing:.02em}
    .StylableHorizontalMenu{display:flex;list-style:none;margin:0;padding:0;gap:6px}.StylableHorizontalMenu a{display:block;padding:10px 14px;color:#f4efe6;text-decoration:none;font-size:15px;border-radius:4px}
    .StylableHorizontalMenu a[aria-current=page]{background:#f4efe6;color:#3d5a3a}
    .PAGES_CONTAINER{max-width:980px;margin:0 auto;padding:0 20px}
    .comp-hero{display:grid;grid-template-columns:280px 1fr;gap:40px;align-items:center;padding:56px 0 28px}.comp-hero img{width:280px;height:280px;border-radius:6px;object-fit:cover}
    .wixui-rich-text h1{font-family:"playfair display",serif;font-size:44px;line-height:1.1;margin:0 0 14px}.wixui-rich-text p{font-size:17px;line-height:1.7;margin:0 0 14px}
    .font_8{color:#6b6257;font-size:14px;text-transform:uppercase;letter-spacing:.12em}
    .wixui-button{display:inline-flex;align-items:center;gap:8px;border:1px solid #3d5a3a;color:#3d5a3a;background:transparent;border-radius:30px;padding:9px 18px;font-size:14px;text-decoration:none;margin:0 8px 8px 0}
    .wixui-button.primary{background:#3d5a3a;color:#f4efe6}
    .wixui-section{padding:28px 0;border-top:1px solid #ded5c6}.wixui-section h2{font-family:"playfair display",serif;font-size:30px;margin:0 0 10px}
    .wixui-html-embed{height:186px;margin:10px 0 18px}.wixui-html-embed iframe{border:0;width:100%;height:100%;display:block}
    .notes ul{padding-left:22px;line-height:1.8}.notes a{color:#3d5a3a}
    .archive{display:grid;grid-template-columns:repeat(3,1fr);gap:18px}.archive a{display:block;background:#fff;border-radius:6px;overflow:hidden;text-decoration:none;color:inherit;box-shadow:0 1px 3px rgba(0,0,0,.08)}
    .archive img{width:100%;height:150px;object-fit:cover;display:block}.archive span{display:block;padding:12px 14px;font-size:15px}
    .wixui-form{display:flex;gap:10px;max-width:520px}.wixui-form input{flex:1;border:1px solid #bfb5a5;border-radius:4px;padding:12px;font-size:15px;background:#fff}
    .SITE_FOOTER{background:#2f2a24;color:#cfc6b8;margin-top:48px}.ftr-inner{max-width:980px;margin:0 auto;padding:36px 20px;display:flex;justify-content:space-between;font-size:14px}.SITE_FOOTER a{color:#f4efe6}
    [data-hook=consent-banner-root]{position:fixed;left:0;right:0;bottom:0;z-index:999;background:#fff;box-shadow:0 -2px 14px rgba(0,0,0,.18);font-family:helvetica,arial,sans-serif}
    [data-hook=consent-banner-content-container]{max-width:980px;margin:0 auto;padding:18px 20px;display:flex;gap:18px;align-items:center}
    [data-hook=consent-banner-main-text]{flex:1;font-size:14px;line-height:1.5;color:#333;margin:0}[data-hook=consent-banner-root] button{border-radius:20px;padding:9px 18px;font-size:14px;cursor:pointer;border:1px solid #116dff;background:#fff;color:#116dff}
    [data-hook=consent-banner-root] button[data-hook=consent-banner-apply-button]{background:#116dff;color:#fff}
  </style>
  <script>window.viewerModel={"siteFeatures":["consentPolicy","tpaCommons","wixEmbedsApi","seo"],"site":{"metaSiteId":"2b0c9e3f-6a7d-4e18-9c55-81f4a0d6b2e7","siteId":"c0a8d7e6-5f4b-4a39-8e27-1d6c5b4a3f92","isPremiumDomain":true,"externalBaseUrl":"@BASE@","siteRevision":214},"language":{"siteLanguage":"en","userLanguage":"en"},"requestUrl":"@BASE@/podcast"};</script>
</head>
<body>
<div id="SITE_CONTAINER"><div id="main_MF" class="main_MF">
  <div id="SCROLL_TO_TOP" class="Vd6aQZ ignore-focus SCROLL_TO_TOP" role="region" tabindex="-1" aria-label="top of page"><span class="mHZSwn">top of page</span></div>
  <div id="site-root" class="site-root"><div id="masterPage" class="mesh-layout masterPage css-editing-layout">
    <header id="SITE_HEADER" class="xU8fqS SITE_HEADER wixui-header" tabindex="-1">
      <div class="hdr-inner">
        <a href="@BASE@/home/" class="logo-link" data-testid="linkElement"><img src="@BASE@/static.wixstatic.com/media/4b21c9_logo~mv2.png/v1/fill/w_92,h_92/logo.png" alt="Dirt Under the Nails logo"><span class="logo-text">Dirt Under the Nails</span></a>
        <nav id="comp-kx8m2q1n" aria-label="Site" class="wixui-horizontal-menu"><ul class="StylableHorizontalMenu">
          <li><a href="@BASE@/home/" data-testid="linkElement">Home</a></li>
          <li><a href="@BASE@/podcast" aria-current="page" data-testid="linkElement">Podcast</a></li>
          <li><a href="@BASE@/growing-guides" data-testid="linkElement">Growing Guides</a></li>
          <li><a href="@BASE@/seed-swap" data-testid="linkElement">Seed Swap</a></li>
          <li><a href="@BASE@/about" data-testid="linkElement">About</a></li>
          <li><a href="@BASE@/contact" data-testid="linkElement">Contact</a></li>
        </ul></nav>
      </div>
    </header>
    <main id="PAGES_CONTAINER" class="PAGES_CONTAINER" tabindex="-1" data-main-content="true">
      <div id="SITE_PAGES"><div id="c1dmp" class="c1dmp">
        <section id="comp-lw3hero" class="comp-hero wixui-section" style="border-top:0">
          <div id="comp-lw3img" class="wixui-image"><img src="@BASE@/static.wixstatic.com/media/4b21c9_ep58~mv2.jpg/v1/fill/w_560,h_560/ep58.jpg" alt="Split tomatoes on a wooden board with seeds in a jar"></div>
          <div id="comp-lw3txt" class="KcpHeO tz5f0K comp-lw3txt wixui-rich-text" data-testid="richTextElement">
            <p class="font_8 wixui-rich-text__text">Season 3 · Episode 58 · 9 May 2024</p>
            <h1 class="font_0 wixui-rich-text__text">Saving Seed from Tomatoes (and Why It's Worth the Mess)</h1>
            <p class="font_7 wixui-rich-text__text">Fermenting, rinsing, drying on a coffee filter: Jen walks Sam through saving seed from the heritage tomatoes they grew last summer, and why a jar of seed is the best thing an allotment can give away.</p>
            <div>
              <a href="@BASE@/out/apple-podcasts" target="_blank" class="wixui-button" data-testid="linkElement">Apple Podcasts</a>
              <a href="@BASE@/out/spotify" target="_blank" class="wixui-button" data-testid="linkElement">Spotify</a>
              <a href="@BASE@/out/redcircle-show" target="_blank" class="wixui-button" data-testid="linkElement">All platforms</a>
            </div>
          </div>
        </section>
        <section id="comp-lw3play" class="wixui-section">
          <div id="comp-lx9k2m4p" class="MazNVa comp-lx9k2m4p wixui-html-embed"><wix-iframe data-src=""><iframe class="nKphmK" title="Embedded Content" name="htmlComp-iframe" width="100%" height="100%" allow="fullscreen; autoplay; camera *; microphone *; geolocation *; vr *; xr-spatial-tracking *" data-src="" src="@PBASE@/html/7f3e1a_9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e.html"></iframe></wix-iframe></div>
        </section>
        <section id="comp-lw3notes" class="wixui-section notes">
          <div class="KcpHeO tz5f0K wixui-rich-text" data-testid="richTextElement">
            <h2 class="font_2 wixui-rich-text__text">Show notes</h2>
            <p class="font_7 wixui-rich-text__text">Tomato seed comes wrapped in a gel that stops it germinating inside the fruit. Get rid of it and the seed keeps for years. This week: the three-day ferment, how to tell a good batch from a mouldy one, and which varieties come true from seed (most heritage ones do; most F1s don't).</p>
            <ul class="font_7 wixui-rich-text__text">
              <li>02:10 — What "open-pollinated" means and why it matters for saving seed</li>
              <li>09:45 — The ferment: jars, labels, and the smell</li>
              <li>21:30 — Drying, storing, and the fridge question</li>
              <li>33:05 — Listener questions: cross-pollination on a crowded plot</li>
              <li>41:20 — Our seed swap table at the June open day</li>
            </ul>
            <p class="font_7 wixui-rich-text__text">Mentioned: <a href="@BASE@/growing-guides/tomato-seed-saving" data-testid="linkElement">our printable seed-saving guide</a> · <a href="@BASE@/seed-swap" data-testid="linkElement">the Seed Swap page</a> · <a href="@BASE@/out/heritage-seed-library" data-testid="linkElement">Heritage Seed Library</a></p>
          </div>
        </section>
        <section id="comp-lw3more" class="wixui-section">
          <h2 class="font_2">Earlier episodes</h2>
          <div class="archive">
            <a href="@BASE@/podcast/ep-57-no-dig-beds-in-heavy-clay"><img src="@BASE@/static.wixstatic.com/media/4b21c9_ep57~mv2.jpg" alt=""><span>Ep. 57: No-Dig Beds in Heavy Clay</span></a>
            <a href="@BASE@/podcast/ep-56-slugs-beer-traps-and-other-myths"><img src="@BASE@/static.wixstatic.com/media/4b21c9_ep56~mv2.jpg" alt=""><span>Ep. 56: Slugs, Beer Traps and Other Myths</span></a>
            <a href="@BASE@/podcast/ep-55-sowing-calendar-for-may"><img src="@BASE@/static.wixstatic.com/media/4b21c9_ep55~mv2.jpg" alt=""><span>Ep. 55: A Sowing Calendar for May</span></a>
          </div>
        </section>
        <section id="comp-lw3news" class="wixui-section">
          <h2 class="font_2">Get the Thursday email</h2>
          <form class="wixui-form" onsubmit="return false"><input type="email" placeholder="Email*" aria-label="Email"><button type="submit" class="wixui-button primary">Subscribe</button></form>
        </section>
      </div></div>
    </main>
    <footer id="SITE_FOOTER" class="SITE_FOOTER wixui-footer"><div class="ftr-inner">
      <div>© 2024 Dirt Under the Nails. Proudly created with Wix.com</div>
      <div><a href="@BASE@/privacy-policy">Privacy Policy</a> · <a href="@BASE@/out/instagram">Instagram</a></div>
    </div></footer>
  </div></div>
</div></div>
<div id="consent-banner-container"></div>
<script src="@BASE@/_partials/wix-thunderbolt/dist/main.consent.js" defer></script>
</body>
</html>
"##;

const WIX_CONSENT_JS: &str = r##"(function () {
  'use strict';
  if (document.cookie.indexOf('consent-policy=') !== -1) { return; }
  var root = document.getElementById('consent-banner-container');
  function decide(policy) {
    document.cookie = 'consent-policy=' + encodeURIComponent(JSON.stringify(policy)) + '; path=/; max-age=15552000';
    root.innerHTML = '';
  }
  setTimeout(function () {
    root.innerHTML =
      '<div data-hook="consent-banner-root" role="region" aria-label="Cookie banner">' +
        '<div data-hook="consent-banner-content-container">' +
          '<p data-hook="consent-banner-main-text">This website uses cookies. We use cookies to improve your experience and to show you personalised content. Read our <a href="@BASE@/privacy-policy">Cookie Policy</a>.</p>' +
          '<button type="button" data-hook="consent-banner-settings-button">Settings</button>' +
          '<button type="button" data-hook="consent-banner-decline-button">Decline All</button>' +
          '<button type="button" data-hook="consent-banner-apply-button">Accept</button>' +
        '</div>' +
      '</div>';
    root.querySelector('[data-hook=consent-banner-apply-button]').addEventListener('click', function () { decide({ ess: 1, func: 1, anl: 1, adv: 1 }); });
    root.querySelector('[data-hook=consent-banner-decline-button]').addEventListener('click', function () { decide({ ess: 1, func: 0, anl: 0, adv: 0 }); });
    root.querySelector('[data-hook=consent-banner-settings-button]').addEventListener('click', function () {
      root.querySelector('[data-hook=consent-banner-main-text]').textContent = 'Essential cookies are always on. Functional, analytics and advertising cookies are off until you accept them.';
    });
  }, 700);
})();
"##;

const WIX_FILESUSR: &str = r##"<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}</style></head>
<body><iframe title="RedCircle episode player" frameborder="0" height="180px" scrolling="no" seamless src="@PBASE@/embedded-player/ep/3f6d2a91-7c4e-4b8a-9e21-5d0c8b7a6f13?theme=light&amp;accent=3d5a3a" style="width:100%;height:180px;border:0"></iframe></body></html>
"##;

const REDCIRCLE_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>RedCircle Player</title>
<style>
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:transparent}
#root{height:180px}.rc-player{display:flex;height:180px;background:#fff;border:1px solid #e4e4e4;border-radius:10px;overflow:hidden;color:#1d1d1f}
.rc-art{width:178px;height:178px;flex:none;object-fit:cover}.rc-body{flex:1;min-width:0;display:flex;flex-direction:column;padding:12px 14px}
.rc-show{font-size:12px;color:#777;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.rc-title{font-size:15px;font-weight:600;margin:3px 0 8px;line-height:1.3;max-height:40px;overflow:hidden}
.rc-row{display:flex;align-items:center;gap:8px}.rc-btn{border:0;background:none;cursor:pointer;color:#444;border-radius:50%;width:30px;height:30px;display:flex;align-items:center;justify-content:center;padding:0}
.rc-btn:hover{background:#f2f2f2}.rc-play{width:40px;height:40px;background:var(--accent,#e0312b);color:#fff}.rc-play:hover{background:var(--accent,#e0312b);opacity:.9}
.rc-bar{flex:1;height:4px;border-radius:2px;background:#e8e8e8;position:relative}.rc-fill{position:absolute;left:0;top:0;bottom:0;width:0;background:var(--accent,#e0312b);border-radius:2px}
.rc-time{font-size:11px;color:#888;font-variant-numeric:tabular-nums;white-space:nowrap}.rc-speed{font-size:11px;width:auto;padding:0 6px;border-radius:10px}
.rc-foot{margin-top:auto;display:flex;align-items:center;justify-content:space-between}.rc-brand{font-size:10px;color:#aaa;letter-spacing:.06em;text-transform:uppercase;text-decoration:none}
.rc-list{position:absolute;right:10px;top:10px;bottom:10px;width:300px;background:#fff;border:1px solid #ddd;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.15);overflow:auto;padding:6px 0}
.rc-list h3{font-size:12px;margin:4px 12px 6px;color:#777;text-transform:uppercase;letter-spacing:.06em}.rc-item{display:flex;align-items:center;gap:8px;padding:6px 12px;font-size:12px}.rc-item span{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.rc-panel{position:absolute;left:190px;right:10px;bottom:10px;background:#fff;border:1px solid #ddd;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.15);padding:10px;font-size:12px}
.rc-panel a{display:inline-block;margin:3px 8px 3px 0;color:#1d1d1f}.rc-panel input{width:100%;font-size:11px;padding:5px;border:1px solid #ddd;border-radius:4px}
.rc-loading{padding:76px 0;text-align:center;color:#999;font-size:13px}
</style>
</head>
<body>
<div id="root"><div class="rc-loading">Loading…</div></div>
<script src="@PBASE@/embedded-player/static/js/main.4c9e21.js"></script>
</body>
</html>
"##;

const REDCIRCLE_JS: &str = r##"(function () {
  'use strict';
  var uuid = location.pathname.replace(/\/+$/, '').split('/').pop();
  var params = new URLSearchParams(location.search);
  var root = document.getElementById('root');
  if (params.get('accent')) { document.documentElement.style.setProperty('--accent', '#' + params.get('accent')); }
  var API = '@PBASE@/api/v1';
  var I = {
    play: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>',
    pause: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>',
    small: '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>',
    back: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z" fill="currentColor"/></svg>',
    fwd: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z" fill="currentColor"/></svg>',
    list: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M4 6h16v2H4zm0 5h16v2H4zm0 5h10v2H4z" fill="currentColor"/></svg>',
    share: '<svg viewBox="0 0 24 24" width="17" height="17" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg>',
    plus: '<svg viewBox="0 0 24 24" width="17" height="17" aria-hidden="true"><path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z" fill="currentColor"/></svg>'
  };
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), x = s % 60; return (h ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (x < 10 ? '0' : '') + x; }
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function get(url) { return fetch(url, { headers: { accept: 'application/json' } }).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); }); }
  var audio = new Audio();
  audio.preload = 'none';
  var current = null;
  get(API + '/episodes/' + uuid).then(function (ep) {
    return Promise.all([get(API + '/shows/' + ep.showUUID), get(API + '/shows/' + ep.showUUID + '/episodes?limit=5&sort=published_desc')]).then(function (r) { render(ep, r[0], r[1]); });
  }).catch(function () { root.innerHTML = '<div class="rc-loading">This episode is unavailable.</div>'; });

  function render(ep, show, episodes) {
    root.innerHTML =
      '<div class="rc-player">' +
        '<img class="rc-art" src="' + esc(ep.imageURL) + '" alt="">' +
        '<div class="rc-body">' +
          '<div class="rc-show">' + esc(show.title) + '</div>' +
          '<div class="rc-title">' + esc(ep.title) + '</div>' +
          '<div class="rc-row">' +
            '<button type="button" class="rc-btn rc-play" aria-label="Play">' + I.play + '</button>' +
            '<button type="button" class="rc-btn rc-back" aria-label="Back 15 seconds">' + I.back + '</button>' +
            '<div class="rc-bar"><div class="rc-fill"></div></div>' +
            '<button type="button" class="rc-btn rc-fwd" aria-label="Forward 30 seconds">' + I.fwd + '</button>' +
          '</div>' +
          '<div class="rc-row" style="margin-top:6px"><span class="rc-time">0:00 / ' + fmt(ep.duration) + '</span><button type="button" class="rc-btn rc-speed">1x</button></div>' +
          '<div class="rc-foot">' +
            '<a class="rc-brand" href="@PBASE@/out/redcircle" target="_blank" rel="noopener">RedCircle</a>' +
            '<div class="rc-row"><button type="button" class="rc-btn rc-subscribe" aria-label="Subscribe">' + I.plus + '</button><button type="button" class="rc-btn rc-share" aria-label="Share">' + I.share + '</button><button type="button" class="rc-btn rc-episodes" aria-label="More episodes">' + I.list + '</button></div>' +
          '</div>' +
        '</div>' +
      '</div>';
    var play = root.querySelector('.rc-play');
    var fill = root.querySelector('.rc-fill');
    var time = root.querySelector('.rc-time');
    function setIcon() { var on = !audio.paused; play.innerHTML = on ? I.pause : I.play; play.setAttribute('aria-label', on ? 'Pause' : 'Play'); }
    function load(e) { if (current !== e.uuid) { current = e.uuid; audio.src = e.contentURL; } var p = audio.play(); if (p && p.catch) { p.catch(function () {}); } }
    play.addEventListener('click', function () { if (audio.paused || current !== ep.uuid) { load(ep); } else { audio.pause(); } });
    audio.addEventListener('play', setIcon); audio.addEventListener('pause', setIcon);
    audio.addEventListener('timeupdate', function () { var d = isFinite(audio.duration) ? audio.duration : ep.duration; fill.style.width = (100 * audio.currentTime / d) + '%'; time.textContent = fmt(audio.currentTime) + ' / ' + fmt(ep.duration); });
    root.querySelector('.rc-back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
    root.querySelector('.rc-fwd').addEventListener('click', function () { audio.currentTime += 30; });
    var rates = [1, 1.25, 1.5, 2], ri = 0;
    root.querySelector('.rc-speed').addEventListener('click', function (e) { ri = (ri + 1) % rates.length; audio.playbackRate = rates[ri]; e.currentTarget.textContent = rates[ri] + 'x'; });
    var popup = null;
    function closePopup() { if (popup) { popup.remove(); popup = null; } }
    function open(html, cls) { closePopup(); popup = document.createElement('div'); popup.className = cls; popup.innerHTML = html; document.body.appendChild(popup); popup.addEventListener('click', function (e) { e.stopPropagation(); }); }
    root.querySelector('.rc-share').addEventListener('click', function (e) {
      e.stopPropagation();
      open('<div>Share this episode</div><input readonly value="' + esc(ep.shareURL) + '"><div><a href="@PBASE@/out/share-facebook" target="_blank">Facebook</a><a href="@PBASE@/out/share-x" target="_blank">X</a><a href="mailto:?subject=' + encodeURIComponent(ep.title) + '">Email</a></div>', 'rc-panel');
    });
    root.querySelector('.rc-subscribe').addEventListener('click', function (e) {
      e.stopPropagation();
      open('<div>Listen on</div><div><a href="@PBASE@/out/apple-podcasts" target="_blank">Apple Podcasts</a><a href="@PBASE@/out/spotify" target="_blank">Spotify</a><a href="@PBASE@/out/pocket-casts" target="_blank">Pocket Casts</a><a href="@PBASE@/out/overcast" target="_blank">Overcast</a></div>', 'rc-panel');
    });
    root.querySelector('.rc-episodes').addEventListener('click', function (e) {
      e.stopPropagation();
      var items = episodes.map(function (x, i) { return '<div class="rc-item"><button type="button" class="rc-btn" data-i="' + i + '" aria-label="Play ' + esc(x.title) + '">' + I.small + '</button><span title="' + esc(x.title) + '">' + esc(x.title) + '</span><small>' + fmt(x.duration) + '</small></div>'; }).join('');
      open('<h3>Episodes</h3>' + items, 'rc-list');
      Array.prototype.forEach.call(popup.querySelectorAll('[data-i]'), function (b) { b.addEventListener('click', function () { load(episodes[+b.getAttribute('data-i')]); }); });
    });
    document.addEventListener('click', closePopup);
  }
})();
"##;

const REDCIRCLE_SHOW_JSON: &str = r##"{"uuid":"b7e2c940-13af-4d6b-8c51-0f9e2d7a4c88","title":"Dirt Under the Nails","author":"Jen Okafor & Sam Whitlock","imageURL":"@PBASE@/img/shows/b7e2c940/600.jpg","categories":["Leisure","Home & Garden"],"language":"en-gb","feedURL":"@PBASE@/feeds/b7e2c940-13af-4d6b-8c51-0f9e2d7a4c88","webURL":"@PBASE@/shows/dirt-under-the-nails"}"##;

// ----------------------------------------------------------------------------------
// Gatsby blog post with the Pinecast player.
//
// Imitates: a show site built with Gatsby (`#___gatsby`, `#gatsby-focus-wrapper`,
// `window.pagePath`) embedding Pinecast as its publishers do: `<iframe
// src="https://pinecast.com/player/<episode-uuid>?theme=flat" seamless height="200"
// style="border:0" class="pinecast-embed" frameborder="0" width="100%">` (as in several
// public Gatsby/Next.js sites). The audio is `pinecast.com/listen/<uuid>.mp3?source=embed
// &ext=asset.mp3` (the form a public scraper builds), which redirects to the storage host;
// the show's feed is `pinecast.com/feed/<slug>`. The player's own markup is a plausible
// reconstruction. Content is fictional.

/// Pinecast episodes of the show: uuid, title, file name, duration (s).
const PINECAST_EPISODES: &[(&str, &str, &str, u32)] = &[
    (
        "2f0b9a6e-5c3d-4e1f-a8b7-61d2c3e4f5a6",
        "31. The Quiet Carriage",
        "ep31-the-quiet-carriage.mp3",
        2868,
    ),
    (
        "d93c1e47-8b2a-4f60-9e15-7a4c3b2d1e0f",
        "30. Night Trains Are Back (Sort Of)",
        "ep30-night-trains-are-back.mp3",
        3121,
    ),
    (
        "61a7f2c8-3e9d-4b05-8c26-e1f0a9b8c7d6",
        "29. The Line That Closed Twice",
        "ep29-the-line-that-closed-twice.mp3",
        2650,
    ),
];

fn pinecast(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(PINECAST_GATSBY_PAGE, request);
    }
    if !request.on_player_host {
        return None;
    }
    let path = rest(request);
    if path == "static/player/flat.6e1d.js" {
        return script(PINECAST_PLAYER_JS, request);
    }
    if path == "feed/branch-lines" {
        let items: String = PINECAST_EPISODES
            .iter()
            .map(|(uuid, title, _, duration)| {
                format!(
                    "    <item>\n      <title>{title}</title>\n      <guid isPermaLink=\"false\">{uuid}</guid>\n      \
                     <enclosure url=\"@PBASE@/listen/{uuid}.mp3?source=rss&amp;ext=asset.mp3\" length=\"{}\" type=\"audio/mpeg\"/>\n      \
                   </item>\n",
                    duration * 16000
                )
            })
            .collect();
        let body = PINECAST_RSS.replace("@ITEMS@", &items);
        return Some(
            (
                [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
                fill(&body, request),
            )
                .into_response(),
        );
    }
    if let Some(uuid) = path.strip_prefix("player/") {
        let Some((_, title, _, duration)) = PINECAST_EPISODES.iter().find(|e| e.0 == uuid) else {
            return with_status(StatusCode::NOT_FOUND, "Episode not found");
        };
        let theme = query_param(request, "theme").unwrap_or("minimal");
        let theme = if ["flat", "minimal", "thick", "slim"].contains(&theme) {
            theme
        } else {
            "minimal"
        };
        return Some(html(
            fill(PINECAST_PLAYER, request)
                .replace("@UUID@", uuid)
                .replace("@TITLE@", title)
                .replace("@THEME@", theme)
                .replace("@DURATION@", &duration.to_string()),
        ));
    }
    if let Some(name) = path.strip_prefix("listen/") {
        let uuid = name.strip_suffix(".mp3")?;
        let Some((_, _, file, _)) = PINECAST_EPISODES.iter().find(|e| e.0 == uuid) else {
            return with_status(StatusCode::NOT_FOUND, "Not found");
        };
        return Some(redirect(&format!(
            "{}/media/pinecast/podcasts/8d41c7e2/audio/{uuid}/{file}",
            request.origins.player
        )));
    }
    None
}

const PINECAST_GATSBY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charSet="utf-8"/>
<meta http-equiv="x-ua-compatible" content="ie=edge"/>
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"/>
<meta name="generator" content="Gatsby 5.13.3"/>
<title data-gatsby-head="true">31. The Quiet Carriage | Branch Lines</title>
<meta name="description" content="Why do some trains have a quiet carriage, who enforces it, and what it tells us about sharing space. With Dr Priya Raman." data-gatsby-head="true"/>
<meta property="og:title" content="31. The Quiet Carriage" data-gatsby-head="true"/>
<meta property="og:type" content="article" data-gatsby-head="true"/>
<meta property="og:image" content="@BASE@/static/4f2a1c0d9e8b7a6f5e4d3c2b1a0f9e8d/ep31-cover.jpg" data-gatsby-head="true"/>
<link rel="alternate" type="application/rss+xml" title="Branch Lines" href="@PBASE@/feed/branch-lines"/>
<style data-href="/styles.8a3f21c4e5b6.css" data-identity="gatsby-global-css">
body{margin:0;font-family:"Source Serif 4",Georgia,serif;color:#1e2328;background:#fbfaf7;line-height:1.65}
a{color:#9c3d1a}.site-header{border-bottom:3px solid #1e2328;background:#fff}.site-header .inner{max-width:760px;margin:0 auto;padding:18px 22px;display:flex;justify-content:space-between;align-items:baseline}
.site-title{font:700 26px/1 "Space Grotesk",system-ui,sans-serif;text-decoration:none;color:#1e2328;letter-spacing:-.02em}.site-nav a{font:500 15px system-ui,sans-serif;margin-left:18px;color:#1e2328;text-decoration:none}
main{max-width:760px;margin:0 auto;padding:36px 22px 60px}.post-meta{font:500 14px system-ui,sans-serif;color:#5d6670;text-transform:uppercase;letter-spacing:.08em}
h1{font:700 44px/1.1 "Space Grotesk",system-ui,sans-serif;margin:8px 0 18px;letter-spacing:-.02em}.lede{font-size:21px;color:#39424b}
.cover{width:100%;height:auto;border-radius:4px;margin:18px 0 8px;display:block}.player-wrap{margin:26px 0 30px}
.post-body h2{font:700 24px "Space Grotesk",system-ui,sans-serif;margin:34px 0 8px}.post-body blockquote{border-left:4px solid #9c3d1a;margin:20px 0;padding:2px 18px;color:#39424b;font-style:italic}
.subscribe{display:flex;flex-wrap:wrap;gap:10px;font:500 14px system-ui,sans-serif;margin:26px 0}.subscribe a{border:1px solid #1e2328;border-radius:3px;padding:6px 12px;text-decoration:none;color:#1e2328}
.pager{display:flex;justify-content:space-between;gap:20px;border-top:1px solid #ddd;margin-top:40px;padding-top:18px;font:15px system-ui,sans-serif}
footer{font:14px system-ui,sans-serif;color:#5d6670;text-align:center;padding:30px}
</style>
</head>
<body>
<div id="___gatsby"><div style="outline:none" tabindex="-1" id="gatsby-focus-wrapper">
<header class="site-header"><div class="inner"><a class="site-title" href="@BASE@/home/">Branch Lines</a><nav class="site-nav"><a href="@BASE@/episodes/">Episodes</a><a href="@BASE@/about/">About</a><a href="@BASE@/support/">Support us</a></nav></div></header>
<main>
<article class="post" itemscope="">
<header>
<div class="post-meta"><time dateTime="2024-04-24">24 April 2024</time> · Episode 31 · 48 min</div>
<h1 itemProp="headline">The Quiet Carriage</h1>
<p class="lede">Why do some trains have a quiet carriage, who is supposed to enforce it, and what does the argument over a phone call tell us about sharing space? Sociologist Dr Priya Raman joins us on the 07:12 to find out.</p>
</header>
<div class="player-wrap"><iframe title="Pinecast podcast player" src="@PBASE@/player/2f0b9a6e-5c3d-4e1f-a8b7-61d2c3e4f5a6?theme=flat" seamless="" height="200" style="border:0" class="pinecast-embed" frameBorder="0" width="100%"></iframe></div>
<section class="post-body" itemProp="articleBody">
<p>The first designated quiet coach in Britain appeared in the 1990s. Thirty years on, nobody quite agrees what it means: no phone calls, or no talking at all? Headphones that leak? A sleeping child?</p>
<p>Priya has spent two years riding commuter trains with a notebook, and she thinks the quiet carriage works precisely because it is vague. We talk about the unwritten rules of shared space, the fine art of the disapproving glance, and why the guard almost never gets involved.</p>
<blockquote>"The sign doesn't make the silence. The passengers do, and they're surprisingly good at it."</blockquote>
<h2>In this episode</h2>
<ul><li>How the quiet coach started, and who asked for it</li><li>Priya's field notes from the 07:12</li><li>Enforcement, confrontation and the bystander problem</li><li>Listener stories: the loudest quiet carriage you've ever been in</li></ul>
<h2>Links</h2>
<ul><li><a href="@BASE@/out/raman-shared-space-paper">Priya Raman, "Shared Silence" (paper)</a></li><li><a href="@BASE@/episodes/22-the-commuter-timetable/">Episode 22: The Commuter Timetable</a></li></ul>
</section>
<div class="subscribe"><span>Subscribe:</span><a href="@BASE@/out/apple-podcasts">Apple Podcasts</a><a href="@BASE@/out/spotify">Spotify</a><a href="@BASE@/out/overcast">Overcast</a><a href="@PBASE@/feed/branch-lines">RSS</a></div>
<nav class="pager"><a href="@BASE@/episodes/30-night-trains-are-back/" rel="prev">← 30. Night Trains Are Back (Sort Of)</a><a href="@BASE@/episodes/">All episodes →</a></nav>
</article>
</main>
<footer>Branch Lines is made in Derby by Tom Akers and Hannah Ruiz · Hosted by Pinecast</footer>
</div><div id="gatsby-announcer" style="position:absolute;top:0;width:1px;height:1px;padding:0;overflow:hidden;clip:rect(0, 0, 0, 0);white-space:nowrap;border:0" aria-live="assertive" aria-atomic="true"></div></div>
<script id="gatsby-script-loader">/*<![CDATA[*/window.pagePath="/episodes/31-the-quiet-carriage/";/*]]>*/</script>
</body>
</html>
"##;

const PINECAST_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@ — Branch Lines</title>
<style>
*{box-sizing:border-box}html,body{margin:0;background:transparent;font-family:"Fira Sans",Helvetica,Arial,sans-serif}
.player{height:200px;border-radius:4px;overflow:hidden;display:flex;background:#2b323a;color:#fff}
.player.theme-minimal,.player.theme-slim{height:60px;background:#f6f6f6;color:#222}
.art{width:200px;height:200px;flex:none;background:#444 center/cover no-repeat}.theme-minimal .art,.theme-slim .art{display:none}
.main{flex:1;min-width:0;padding:18px 20px;display:flex;flex-direction:column}.theme-minimal .main{padding:10px 14px;flex-direction:row;align-items:center;gap:12px}
.show{font-size:13px;opacity:.7}.title{font-size:18px;font-weight:600;margin:4px 0 12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.controls{display:flex;align-items:center;gap:14px;margin-top:auto}.pc-play{width:48px;height:48px;border-radius:50%;border:2px solid currentColor;background:transparent;color:inherit;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.seek{flex:1;height:6px;background:rgba(255,255,255,.2);border-radius:3px;position:relative;cursor:pointer}.seek-fill{position:absolute;left:0;top:0;bottom:0;width:0;background:#52d1a5;border-radius:3px}
.clock{font-size:13px;opacity:.8;font-variant-numeric:tabular-nums;min-width:92px;text-align:right}
.brand{font-size:11px;opacity:.55;margin-top:10px;text-decoration:none;color:inherit}
</style>
</head>
<body>
<div class="player theme-@THEME@" data-episode="@UUID@">
  <div class="art" style="background-image:url('@PBASE@/media-art/8d41c7e2/@UUID@/square.jpg')"></div>
  <div class="main">
    <div class="show">Branch Lines</div>
    <div class="title" title="@TITLE@">@TITLE@</div>
    <div class="controls">
      <button type="button" class="pc-play" aria-label="Play"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button>
      <div class="seek" role="slider" aria-label="Seek" aria-valuemin="0" aria-valuemax="@DURATION@" aria-valuenow="0"><div class="seek-fill"></div></div>
      <div class="clock">0:00 / <span class="dur"></span></div>
    </div>
    <a class="brand" href="@PBASE@/out/pinecast" target="_blank" rel="noopener">Powered by Pinecast</a>
  </div>
</div>
<script>window.PINECAST_EPISODE={"id":"@UUID@","title":"@TITLE@","duration":@DURATION@,"audio":"@PBASE@/listen/@UUID@.mp3?source=embed&ext=asset.mp3","podcast":{"slug":"branch-lines","name":"Branch Lines"}};</script>
<script src="@PBASE@/static/player/flat.6e1d.js"></script>
</body>
</html>
"##;

const PINECAST_PLAYER_JS: &str = r##"(function () {
  'use strict';
  var ep = window.PINECAST_EPISODE;
  var box = document.querySelector('.player');
  var btn = box.querySelector('.pc-play');
  var fill = box.querySelector('.seek-fill');
  var seek = box.querySelector('.seek');
  var clock = box.querySelector('.clock');
  var PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  var PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var m = Math.floor(s / 60), x = s % 60; return m + ':' + (x < 10 ? '0' : '') + x; }
  box.querySelector('.dur').textContent = fmt(ep.duration);
  var audio = null;
  function ensure() {
    if (audio) { return audio; }
    audio = new Audio(ep.audio);
    audio.addEventListener('timeupdate', function () {
      fill.style.width = (100 * audio.currentTime / ep.duration) + '%';
      seek.setAttribute('aria-valuenow', String(Math.floor(audio.currentTime)));
      clock.innerHTML = fmt(audio.currentTime) + ' / <span class="dur">' + fmt(ep.duration) + '</span>';
    });
    audio.addEventListener('play', function () { btn.innerHTML = PAUSE; btn.setAttribute('aria-label', 'Pause'); });
    audio.addEventListener('pause', function () { btn.innerHTML = PLAY; btn.setAttribute('aria-label', 'Play'); });
    return audio;
  }
  btn.addEventListener('click', function () {
    var a = ensure();
    if (a.paused) { var p = a.play(); if (p && p.catch) { p.catch(function () {}); } } else { a.pause(); }
  });
  seek.addEventListener('click', function (e) {
    var a = ensure(); var r = seek.getBoundingClientRect();
    a.currentTime = ep.duration * (e.clientX - r.left) / r.width;
  });
})();
"##;

const PINECAST_RSS: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Branch Lines</title>
    <link>@BASE@/home/</link>
    <description>A podcast about railways, the people on them, and the places they go.</description>
    <language>en-gb</language>
    <generator>Pinecast</generator>
@ITEMS@  </channel>
</rss>
"##;

// ----------------------------------------------------------------------------------
// Podomatic episode page.
//
// Imitates: a Podomatic episode page (`www.podomatic.com/podcasts/<channel>/episodes/
// <YYYY-MM-DDTHH_MM_SS-07_00>`) as yt-dlp's podomatic.py reads it: the page embeds the
// same-origin player `/embed/html5/episode/<n>`, and `/v2/episodes/<n>?podcast=true`
// answers the episode JSON (`episode.media_url`, `download_media_url`, `podcast_title`,
// `duration`, `published_datetime`); the legacy enclosure URL is `<channel>.podomatic.com
// /enclosure/<id>.mp3`. The Quantcast Choice dialog follows its published markup
// (#qc-cmp2-container, .qc-cmp2-summary-buttons, MORE OPTIONS / DISAGREE / AGREE). The page
// layout, the Download modal and the player's look are plausible reconstructions. Content
// is fictional.

const PODOMATIC_ID: &str = "2024-05-09T06_00_00-07_00";

fn podomatic(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(PODOMATIC_PAGE, request);
    }
    let path = rest(request);
    match path {
        "embed/html5/episode/10928374" => return page(PODOMATIC_EMBED, request),
        "assets/js/episode-page.3b7a9c.js" => return script(PODOMATIC_PAGE_JS, request),
        "assets/js/embed-player.3b7a9c.js" => return script(PODOMATIC_EMBED_JS, request),
        "assets/js/qc-choice-cmp2.js" => return script(QUANTCAST_JS, request),
        "v2/episodes/10928374" => return data(PODOMATIC_JSON, request),
        _ => {}
    }
    if path.starts_with("v2/episodes/") {
        return with_status(StatusCode::NOT_FOUND, "{\"error\":\"Episode not found\"}");
    }
    if let Some(name) = path.strip_prefix("enclosure/") {
        let id = name.strip_suffix(".mp3")?;
        if id != PODOMATIC_ID {
            return with_status(StatusCode::NOT_FOUND, "Not Found");
        }
        return Some(redirect(&format!(
            "{}/media/podomatic/mymedia/episode/backporchsessions/{id}.mp3",
            request.origins.site
        )));
    }
    None
}

const PODOMATIC_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Back Porch Sessions: Back Porch Sessions #212 — Fiddle Tunes from the Ozarks | Podomatic</title>
<meta name="description" content="Two hours of fiddle tunes from the Ozark Mountains, with field recordings from the 1940s and a visit from the Harlan family band.">
<meta property="og:title" content="Back Porch Sessions #212 — Fiddle Tunes from the Ozarks">
<meta property="og:site_name" content="Podomatic">
<meta property="og:type" content="music.radio_station">
<meta property="og:image" content="@BASE@/assets.podomatic.net/ts/41/2c/8e/backporchsessions/3000x3000_18822417.jpg">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Open Sans",Helvetica,Arial,sans-serif;background:#f2f2f2;color:#333}
a{color:#1a83c6;text-decoration:none}.pm-header{background:#fff;border-bottom:1px solid #ddd}.pm-header .in{max-width:1100px;margin:0 auto;display:flex;align-items:center;gap:26px;padding:12px 20px}
.pm-logo{font:800 24px Helvetica,Arial,sans-serif;color:#e4442c;letter-spacing:-.03em}.pm-search{flex:1}.pm-search input{width:100%;max-width:360px;border:1px solid #ccc;border-radius:16px;padding:7px 14px}
.pm-header nav a{margin-left:16px;color:#333;font-size:14px}.pm-header .cta{background:#e4442c;color:#fff;border-radius:4px;padding:8px 14px}
.wrap{max-width:1100px;margin:24px auto;padding:0 20px;display:grid;grid-template-columns:1fr 300px;gap:24px}
.card{background:#fff;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.08);padding:22px}
.podcast-head{display:flex;gap:18px;align-items:center;margin-bottom:18px}.podcast-head img{width:96px;height:96px;border-radius:4px}.podcast-head h2{margin:0;font-size:18px}.podcast-head .by{color:#777;font-size:13px}
.podcast-head .follow{margin-left:auto;border:1px solid #e4442c;color:#e4442c;border-radius:4px;padding:7px 16px;background:#fff;cursor:pointer}
.episode-title{font-size:26px;line-height:1.25;margin:4px 0 6px}.episode-meta{color:#888;font-size:13px;margin-bottom:16px}
.episode-player iframe{width:100%;height:130px;border:0;display:block;border-radius:4px}
.actions{display:flex;gap:10px;margin:14px 0 20px}.actions button{display:inline-flex;align-items:center;gap:6px;border:1px solid #ccc;background:#fff;border-radius:4px;padding:7px 14px;font-size:13px;cursor:pointer;color:#333}
.actions button:hover{border-color:#999}.description{font-size:15px;line-height:1.7}.description h4{margin:18px 0 6px}
.side h3{font-size:15px;margin:0 0 12px}.side ul{list-style:none;margin:0;padding:0}.side li{padding:8px 0;border-top:1px solid #eee;font-size:13px}.side li small{display:block;color:#999}
.pm-modal-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.55);z-index:1000;display:flex;align-items:center;justify-content:center}
.pm-modal{background:#fff;border-radius:6px;width:440px;max-width:92vw;padding:22px 24px;position:relative}.pm-modal h3{margin:0 0 10px}.pm-modal .close{position:absolute;right:12px;top:8px;border:0;background:none;font-size:22px;cursor:pointer;color:#777}
.pm-modal .dl{display:inline-block;background:#e4442c;color:#fff;border-radius:4px;padding:10px 16px;margin:8px 0 14px;font-weight:600}.pm-modal .note{font-size:12px;color:#777}.pm-modal .app{font-size:13px;border-top:1px solid #eee;padding-top:12px;margin-top:10px}
footer{max-width:1100px;margin:30px auto;padding:0 20px;font-size:12px;color:#999}
</style>
<script src="@BASE@/assets/js/qc-choice-cmp2.js" async></script>
</head>
<body>
<header class="pm-header"><div class="in">
  <a class="pm-logo" href="@BASE@/home/">podomatic</a>
  <form class="pm-search" onsubmit="return false"><input type="search" placeholder="Search podcasts" aria-label="Search podcasts"></form>
  <nav><a href="@BASE@/discover">Discover</a><a href="@BASE@/login">Log In</a><a class="cta" href="@BASE@/podcast-hosting">Start Your Podcast</a></nav>
</div></header>
<div class="wrap">
  <main class="card">
    <div class="podcast-head">
      <img src="@BASE@/assets.podomatic.net/ts/41/2c/8e/backporchsessions/300x300_18822417.jpg" alt="">
      <div><h2><a href="@BASE@/podcasts/backporchsessions">The Back Porch Sessions</a></h2><div class="by">WKLR Community Radio · Folk · 212 episodes</div></div>
      <button type="button" class="follow">+ Follow</button>
    </div>
    <h1 class="episode-title">Back Porch Sessions #212 — Fiddle Tunes from the Ozarks</h1>
    <div class="episode-meta">May 09, 2024 · 01:58:12 · 1,204 plays</div>
    <div class="episode-player" id="episode-player"><iframe id="pm-embed" title="Podomatic player" src="@BASE@/embed/html5/episode/10928374?style=normal&amp;autoplay=false&amp;minimal=false&amp;color=e4442c" scrolling="no" allow="autoplay"></iframe></div>
    <div class="actions" data-episode-id="10928374">
      <button type="button" class="btn-like" aria-pressed="false"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M12 21s-7-4.4-9.3-9A5.4 5.4 0 0 1 12 6a5.4 5.4 0 0 1 9.3 6c-2.3 4.6-9.3 9-9.3 9z" fill="currentColor"/></svg><span>37</span></button>
      <button type="button" class="btn-share"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg>Share</button>
      <button type="button" class="btn-download"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg>Download</button>
      <button type="button" class="btn-embed">&lt;/&gt; Embed</button>
    </div>
    <div class="description">
      <p>This week Dale digs into the fiddle music of the Ozark Mountains: tunes collected by Vance Randolph and Mary Celestia Parler in the 1940s, the contest fiddlers who kept them alive, and the young players picking them up again.</p>
      <p>Then the Harlan family band drops by the studio for three live sets on the back porch (well, studio B) — including a "Forked Deer" that nearly took the roof off.</p>
      <h4>Playlist</h4>
      <ol>
        <li>Lon Jordan — Jaybird (field recording, 1941)</li>
        <li>Art Galbraith — Grub Springs</li>
        <li>The Harlan Family — Forked Deer (live)</li>
        <li>Bob Holt — Sally in the Garden</li>
        <li>The Harlan Family — Sugar in the Gourd (live)</li>
        <li>Emma Dusenbury — Abe Lincoln (field recording, 1936)</li>
      </ol>
      <p>The Back Porch Sessions airs Thursdays at 7pm on WKLR 91.3 FM.</p>
    </div>
  </main>
  <aside class="side">
    <div class="card">
      <h3>More episodes</h3>
      <ul>
        <li><a href="@BASE@/podcasts/backporchsessions/episodes/2024-05-02T06_00_00-07_00">#211 — Women of the Old-Time Revival</a><small>May 02, 2024 · 01:57:40</small></li>
        <li><a href="@BASE@/podcasts/backporchsessions/episodes/2024-04-25T06_00_00-07_00">#210 — Banjo Tunings, Explained</a><small>Apr 25, 2024 · 01:59:03</small></li>
        <li><a href="@BASE@/podcasts/backporchsessions/episodes/2024-04-18T06_00_00-07_00">#209 — Live from the Spring Fiddlers' Convention</a><small>Apr 18, 2024 · 02:01:15</small></li>
      </ul>
    </div>
  </aside>
</div>
<footer>© 2024 PodOmatic Inc. · <a href="@BASE@/terms">Terms</a> · <a href="@BASE@/privacy">Privacy</a></footer>
<div id="pm-modal-root"></div>
<script src="@BASE@/assets/js/episode-page.3b7a9c.js"></script>
</body>
</html>
"##;

const PODOMATIC_PAGE_JS: &str = r##"(function () {
  'use strict';
  var bar = document.querySelector('.actions');
  var id = bar.getAttribute('data-episode-id');
  var modalRoot = document.getElementById('pm-modal-root');
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function modal(inner) {
    modalRoot.innerHTML = '<div class="pm-modal-backdrop"><div class="pm-modal" role="dialog" aria-modal="true"><button type="button" class="close" aria-label="Close">×</button>' + inner + '</div></div>';
    var back = modalRoot.firstChild;
    back.querySelector('.close').addEventListener('click', function () { modalRoot.innerHTML = ''; });
    back.addEventListener('click', function (e) { if (e.target === back) { modalRoot.innerHTML = ''; } });
    return back;
  }
  var episode = null;
  function load() {
    if (episode) { return Promise.resolve(episode); }
    return fetch('@BASE@/v2/episodes/' + id + '?podcast=true', { headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); }).then(function (d) { episode = d.episode; return episode; });
  }
  bar.querySelector('.btn-download').addEventListener('click', function () {
    var m = modal('<h3>Download episode</h3><p class="note">Loading…</p>');
    load().then(function (ep) {
      m.querySelector('.pm-modal').innerHTML =
        '<button type="button" class="close" aria-label="Close">×</button>' +
        '<h3>Download episode</h3>' +
        '<div>' + esc(ep.title) + '</div>' +
        '<a class="dl" href="' + esc(ep.download_media_url) + '" download>Download MP3 (' + ep.file_size_mb + ' MB)</a>' +
        '<div class="note">Having trouble? Right-click the button and choose "Save link as…".</div>' +
        '<div class="app">Listen offline on the go: <a href="@BASE@/app/podomatic-mobile">get the Podomatic app</a></div>';
      m.querySelector('.close').addEventListener('click', function () { modalRoot.innerHTML = ''; });
    });
  });
  bar.querySelector('.btn-share').addEventListener('click', function () {
    modal('<h3>Share</h3><input readonly style="width:100%" value="' + esc(location.href) + '"><p><a href="@BASE@/out/share-facebook">Facebook</a> · <a href="@BASE@/out/share-x">X</a></p>');
  });
  bar.querySelector('.btn-embed').addEventListener('click', function () {
    modal('<h3>Embed</h3><textarea readonly style="width:100%;height:70px">&lt;iframe src="@BASE@/embed/html5/episode/' + id + '?style=normal" width="100%" height="130"&gt;&lt;/iframe&gt;</textarea>');
  });
  bar.querySelector('.btn-like').addEventListener('click', function () {
    modal('<h3>Log in to like episodes</h3><p><a href="@BASE@/login">Log in</a> or <a href="@BASE@/signup">sign up</a> for free.</p>');
  });
  document.querySelector('.follow').addEventListener('click', function () {
    modal('<h3>Log in to follow podcasts</h3><p><a href="@BASE@/login">Log in</a> or <a href="@BASE@/signup">sign up</a> for free.</p>');
  });
})();
"##;

const PODOMATIC_EMBED: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Podomatic Player</title>
<style>
*{box-sizing:border-box}html,body{margin:0;background:#1f1f1f;color:#fff;font-family:"Open Sans",Helvetica,Arial,sans-serif}
.pl{display:flex;height:130px}.pl img{width:130px;height:130px;object-fit:cover;flex:none}.pl .b{flex:1;min-width:0;padding:12px 16px;display:flex;flex-direction:column}
.t{font-size:14px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.s{font-size:12px;color:#aaa}
.row{display:flex;align-items:center;gap:12px;margin-top:auto}.pp{width:44px;height:44px;border-radius:50%;border:0;background:var(--c,#e4442c);color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center}
.wave{flex:1;height:26px;background:repeating-linear-gradient(90deg,#555 0 2px,transparent 2px 4px);position:relative}.wave i{position:absolute;left:0;top:0;bottom:0;width:0;background:repeating-linear-gradient(90deg,var(--c,#e4442c) 0 2px,transparent 2px 4px)}
.tm{font-size:11px;color:#bbb;min-width:110px;text-align:right}.logo{font:800 11px Helvetica,Arial,sans-serif;color:#e4442c;position:absolute;right:10px;top:8px}
</style>
</head>
<body>
<div class="pl" id="pl"><img src="@BASE@/assets.podomatic.net/ts/41/2c/8e/backporchsessions/300x300_18822417.jpg" alt=""><div class="b"><div class="s">Loading…</div></div></div>
<span class="logo">podomatic</span>
<script src="@BASE@/assets/js/embed-player.3b7a9c.js"></script>
</body>
</html>
"##;

const PODOMATIC_EMBED_JS: &str = r##"(function () {
  'use strict';
  var id = location.pathname.replace(/\/+$/, '').split('/').pop();
  var params = new URLSearchParams(location.search);
  if (params.get('color')) { document.documentElement.style.setProperty('--c', '#' + params.get('color')); }
  var box = document.querySelector('#pl .b');
  var PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  var PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), x = s % 60; return (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x; }
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  fetch('@BASE@/v2/episodes/' + id + '?podcast=true').then(function (r) { return r.json(); }).then(function (d) {
    var ep = d.episode;
    box.innerHTML = '<div class="t" title="' + esc(ep.title) + '">' + esc(ep.title) + '</div><div class="s">' + esc(ep.podcast_title) + '</div>' +
      '<div class="row"><button type="button" class="pp" title="Play">' + PLAY + '</button><div class="wave"><i></i></div><span class="tm">00:00:00 / ' + fmt(ep.duration) + '</span></div>';
    var btn = box.querySelector('.pp'), bar = box.querySelector('.wave i'), tm = box.querySelector('.tm');
    var audio = new Audio(); audio.preload = 'none';
    btn.addEventListener('click', function () {
      if (!audio.src) { audio.src = ep.media_url; }
      if (audio.paused) { var p = audio.play(); if (p && p.catch) { p.catch(function () {}); } } else { audio.pause(); }
    });
    audio.addEventListener('play', function () { btn.innerHTML = PAUSE; btn.title = 'Pause'; });
    audio.addEventListener('pause', function () { btn.innerHTML = PLAY; btn.title = 'Play'; });
    audio.addEventListener('timeupdate', function () { bar.style.width = (100 * audio.currentTime / ep.duration) + '%'; tm.textContent = fmt(audio.currentTime) + ' / ' + fmt(ep.duration); });
  }).catch(function () { box.innerHTML = '<div class="s">This episode is not available.</div>'; });
})();
"##;

const PODOMATIC_JSON: &str = r##"{"episode":{"id":10928374,"guid":"backporchsessions/2024-05-09T06_00_00-07_00","title":"Back Porch Sessions #212 — Fiddle Tunes from the Ozarks","permalink":"@BASE@/podcasts/backporchsessions/episodes/2024-05-09T06_00_00-07_00","podcast_title":"The Back Porch Sessions","podcast_subdomain":"backporchsessions","profile":{"profile_name":"WKLR Community Radio"},"duration":7092,"published_datetime":"2024-05-09T06:00:00-07:00","media_type":"audio/mpeg","media_url":"@SITE@/hop/pmtd/media/podomatic/mymedia/episode/backporchsessions/2024-05-09T06_00_00-07_00.mp3","download_media_url":"@BASE@/enclosure/2024-05-09T06_00_00-07_00.mp3?download=1","file_size_mb":108.4,"image_url":"@BASE@/assets.podomatic.net/ts/41/2c/8e/backporchsessions/300x300_18822417.jpg","large_image_url":"@BASE@/assets.podomatic.net/ts/41/2c/8e/backporchsessions/1400x1400_18822417.jpg","description_html":"<p>Two hours of fiddle tunes from the Ozark Mountains, with field recordings from the 1940s and a visit from the Harlan family band.</p>","plays":1204,"likes":37,"downloadable":true}}"##;

const QUANTCAST_JS: &str = r##"(function () {
  'use strict';
  if (document.cookie.indexOf('euconsent-v2=') !== -1) { return; }
  var box = document.createElement('div');
  box.id = 'qc-cmp2-container';
  box.setAttribute('data-nosnippet', '');
  box.innerHTML =
    '<style>#qc-cmp2-container .qc-cmp2-main{position:fixed;inset:0;background:rgba(33,41,52,.75);z-index:2147483647;display:flex;align-items:center;justify-content:center;font-family:Helvetica,Arial,sans-serif}' +
    '#qc-cmp2-ui{background:#fff;border-radius:5px;max-width:560px;width:92vw;padding:26px 28px;color:#141e23}#qc-cmp2-ui h2{font-size:20px;margin:0 0 12px}#qc-cmp2-ui p{font-size:13px;line-height:1.55;margin:0 0 10px;color:#333}' +
    '.qc-cmp2-summary-buttons{display:flex;gap:10px;justify-content:flex-end;margin-top:16px}.qc-cmp2-summary-buttons button{border-radius:4px;padding:11px 18px;font-weight:700;font-size:13px;letter-spacing:.04em;cursor:pointer;border:1px solid #206dc5;background:#fff;color:#206dc5}' +
    '.qc-cmp2-summary-buttons button[mode=primary]{background:#206dc5;color:#fff}</style>' +
    '<div class="qc-cmp2-main"><div class="qc-cmp-cleanslate"><div id="qc-cmp2-ui" role="dialog" aria-label="qc-cmp2-ui" aria-modal="true" tabindex="0">' +
      '<div class="qc-cmp2-summary-section"><div class="qc-cmp2-consent-info"><h2>We value your privacy</h2>' +
        '<p>We and our partners store and/or access information on a device, such as cookies and process personal data, such as unique identifiers and standard information sent by a device for personalised advertising and content, advertising and content measurement, audience research and services development.</p>' +
        '<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our 843 partners\' processing as described above. Alternatively you may click to refuse to consent or access more detailed information and change your preferences before consenting.</p>' +
      '</div>' +
      '<div class="qc-cmp2-summary-buttons"><button mode="secondary" size="large" class=" css-47sehv" data-action="more"><span>MORE OPTIONS</span></button><button mode="secondary" size="large" class=" css-47sehv" data-action="disagree"><span>DISAGREE</span></button><button mode="primary" size="large" class=" css-47sehv" data-action="agree"><span>AGREE</span></button></div>' +
      '</div></div></div></div>';
  function close(value) {
    document.cookie = 'euconsent-v2=' + value + '; path=/; max-age=33696000';
    box.remove();
    document.documentElement.style.overflow = '';
  }
  function show() {
    document.body.appendChild(box);
    document.documentElement.style.overflow = 'hidden';
    box.querySelector('[data-action=agree]').addEventListener('click', function () { close('CP9xQ0AP9xQ0AAKA1AENAxEsAP_gAEPgAAqIJ'); });
    box.querySelector('[data-action=disagree]').addEventListener('click', function () { close('CP9xQ0AP9xQ0AAKA1AENAxEgAAAAAAAAAAqIAAAA'); });
    box.querySelector('[data-action=more]').addEventListener('click', function () {
      box.querySelector('.qc-cmp2-consent-info').innerHTML = '<h2>Your choices</h2><p>Store and/or access information on a device · Personalised advertising and content · Measurement · Audience research · Develop and improve services</p><p>Your choices apply to this site only.</p>';
      this.remove();
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', function () { setTimeout(show, 300); }); } else { setTimeout(show, 300); }
})();
"##;

// ----------------------------------------------------------------------------------
// Hugo static site with the episode in an <audio> inside a <figure>.
//
// Imitates: an independent show site generated by Hugo with the PaperMod theme
// (`.post-single`, `.post-header`, `.breadcrumbs`, `.post-meta`, `.toc`, `.post-content`,
// `.paginav`, `#top`) and a site-made `audio` shortcode rendering `<figure><audio controls
// preload="none">` with an AAC and an MP3 `<source>`, both behind the OP3 analytics
// prefix (`op3.dev/e/<host>/<path>`), as Podcasting 2.0-minded indie shows publish; the
// show notes carry a short field-recording clip in its own figure. Chapters (JSON chapters
// format) and a WebVTT transcript sit next to the post. The shortcode's markup is
// synthetic; PaperMod's is as the theme renders it. Content is fictional.

fn hugo(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(HUGO_PAGE, request);
    }
    match rest(request) {
        "episodes/042-the-sound-of-a-city-at-4am/chapters.json" => Some(
            (
                [(
                    header::CONTENT_TYPE,
                    "application/json+chapters; charset=utf-8",
                )],
                HUGO_CHAPTERS,
            )
                .into_response(),
        ),
        "episodes/042-the-sound-of-a-city-at-4am/transcript.vtt" => Some(
            (
                [(header::CONTENT_TYPE, "text/vtt; charset=utf-8")],
                HUGO_TRANSCRIPT,
            )
                .into_response(),
        ),
        "index.xml" => Some(
            (
                [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
                fill(HUGO_RSS, request),
            )
                .into_response(),
        ),
        _ => None,
    }
}

const HUGO_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en" dir="auto">
<head><meta name="generator" content="Hugo 0.125.4">
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<meta name="robots" content="index, follow">
<title>42. The Sound of a City at 4 a.m. | Field Notes</title>
<meta name="keywords" content="field recording, cities, night, sound">
<meta name="description" content="Ana spends a week recording London between three and five in the morning: market porters, night buses, foxes, and the hum that never quite stops.">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="@BASE@/episodes/042-the-sound-of-a-city-at-4am/">
<link rel="alternate" type="application/rss+xml" href="@BASE@/index.xml" title="Field Notes">
<meta property="og:title" content="42. The Sound of a City at 4 a.m.">
<meta property="og:type" content="article">
<meta property="og:url" content="@BASE@/episodes/042-the-sound-of-a-city-at-4am/">
<meta property="og:image" content="@BASE@/episodes/042-the-sound-of-a-city-at-4am/cover.jpg">
<meta property="article:published_time" content="2024-05-03T05:00:00+01:00">
<style>
:root{--gap:24px;--content-gap:20px;--nav-width:1024px;--main-width:720px;--header-height:60px;--radius:8px;--theme:#fff;--entry:#fff;--primary:#1e1e1e;--secondary:#6c6c6c;--tertiary:#d6d6d6;--content:#1f1f1f;--code-bg:#f5f5f5;--border:#eee}
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Oxygen,Ubuntu,Cantarell,sans-serif;font-size:18px;line-height:1.6;background:var(--theme);color:var(--primary)}
a{color:inherit}.header{background:var(--theme)}.nav{display:flex;flex-wrap:wrap;justify-content:space-between;max-width:calc(var(--nav-width) + var(--gap) * 2);margin:auto;line-height:var(--header-height)}
.nav a{display:block}.logo,#menu{display:flex;margin:auto var(--gap)}.logo a{font-size:24px;font-weight:700;text-decoration:none}#menu{list-style:none;word-break:keep-all;overflow-x:auto;white-space:nowrap;padding:0}#menu li+li{margin-inline-start:var(--gap)}#menu a{font-size:16px;text-decoration:none}
.main{position:relative;min-height:calc(100vh - var(--header-height) - 60px);max-width:calc(var(--main-width) + var(--gap) * 2);margin:auto;padding:var(--gap)}
.breadcrumbs{font-size:14px;color:var(--secondary)}.breadcrumbs a{text-decoration:none}.post-title{margin-bottom:2px;font-size:40px;line-height:1.2}.post-description{margin-top:10px;margin-bottom:5px;color:var(--secondary)}
.post-meta{color:var(--secondary);font-size:14px;display:flex;flex-wrap:wrap;align-items:center}.post-content{color:var(--content);margin:var(--content-gap) 0}
.post-content h2{font-size:28px;margin:36px 0 12px}.post-content a{box-shadow:0 1px 0;text-decoration:none}.post-content figure{margin:26px 0}.post-content figure audio{width:100%;display:block}
.post-content figcaption{font-size:14px;color:var(--secondary);margin-top:8px}.post-content blockquote{margin:20px 0;padding:0 14px;border-inline-start:3px solid var(--primary)}
.toc{border:1px solid var(--border);background:var(--code-bg);border-radius:var(--radius);padding:.4em;margin:16px 0}.toc details summary{cursor:zoom-in;margin-inline-start:20px;padding:12px 0}.toc .inner{margin:0 20px;padding:0 10px 10px 20px;font-size:16px}
.post-tags{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0}.post-tags a{display:block;padding:0 14px;background:var(--code-bg);border-radius:var(--radius);font-size:14px;line-height:34px;text-decoration:none}
.paginav{margin:10px 0;display:flex;line-height:30px;border-radius:var(--radius);background:var(--code-bg)}.paginav a{padding:10px 20px;width:50%;display:flex;flex-direction:column;text-decoration:none}.paginav .next{text-align:end}.paginav span{color:var(--secondary);font-size:14px}
.episode-audio{background:var(--code-bg);border-radius:var(--radius);padding:14px 16px}.subscribe{font-size:15px}
.footer{max-width:calc(var(--main-width) + var(--gap) * 2);margin:auto;padding:calc((var(--footer-height, 60px) - var(--gap)) / 2) var(--gap);text-align:center;color:var(--secondary);font-size:12px;line-height:24px}
</style>
</head>
<body id="top">
<header class="header">
  <nav class="nav">
    <div class="logo"><a href="@BASE@/home/" accesskey="h" title="Field Notes (Alt + H)">Field Notes</a></div>
    <ul id="menu">
      <li><a href="@BASE@/episodes/" title="Episodes"><span>Episodes</span></a></li>
      <li><a href="@BASE@/recordings/" title="Recordings"><span>Recordings</span></a></li>
      <li><a href="@BASE@/about/" title="About"><span>About</span></a></li>
      <li><a href="@BASE@/index.xml" title="RSS"><span>RSS</span></a></li>
    </ul>
  </nav>
</header>
<main class="main">
<article class="post-single">
  <header class="post-header">
    <div class="breadcrumbs"><a href="@BASE@/home/">Home</a>&nbsp;»&nbsp;<a href="@BASE@/episodes/">Episodes</a></div>
    <h1 class="post-title entry-hint-parent">42. The Sound of a City at 4 a.m.</h1>
    <div class="post-description">A week of recording London between three and five in the morning.</div>
    <div class="post-meta"><span title='2024-05-03 05:00:00 +0100 BST'>May 3, 2024</span>&nbsp;·&nbsp;51 min listen&nbsp;·&nbsp;Ana Ruiz</div>
  </header>
  <div class="toc"><details><summary accesskey="c" title="(Alt + C)"><span class="details">Table of Contents</span></summary>
    <div class="inner"><ul><li><a href="#listen" aria-label="Listen">Listen</a></li><li><a href="#show-notes" aria-label="Show notes">Show notes</a></li><li><a href="#credits" aria-label="Credits">Credits</a></li></ul></div>
  </details></div>
  <div class="post-content">
    <h2 id="listen">Listen</h2>
    <figure class="episode-audio">
      <audio controls preload="none">
        <source src="@SITE@/hop/op3/media/fieldnotes/episodes/fieldnotes-042-the-sound-of-a-city-at-4am.m4a" type="audio/mp4">
        <source src="@SITE@/hop/op3/media/fieldnotes/episodes/fieldnotes-042-the-sound-of-a-city-at-4am.mp3" type="audio/mpeg">
        Your browser can't play this audio. Try the <a href="@BASE@/index.xml">feed</a> in a podcast app.
      </audio>
      <figcaption>Episode 42 · 51:07 · <a href="@BASE@/episodes/042-the-sound-of-a-city-at-4am/chapters.json">chapters</a> · <a href="@BASE@/episodes/042-the-sound-of-a-city-at-4am/transcript.vtt">transcript</a></figcaption>
    </figure>
    <p class="subscribe">Subscribe: <a href="@BASE@/index.xml">RSS</a> · <a href="@BASE@/out/apple-podcasts">Apple Podcasts</a> · <a href="@BASE@/out/antennapod">AntennaPod</a> · <a href="@BASE@/out/podcast-addict">Podcast Addict</a></p>
    <h2 id="show-notes">Show notes</h2>
    <p>For seven nights in March I set an alarm for half past two and went out with a pair of microphones and a thermos. London at four in the morning isn't silent. It's a different city: the porters at Smithfield, the N29 nearly empty, a fox working through the bins on Caledonian Road, and under all of it a low hum that I still can't place.</p>
    <p>This is what the loading bays at Smithfield sounded like at 04:12 on a Wednesday:</p>
    <figure class="audio-clip">
      <audio controls preload="none" src="@SITE@/media/fieldnotes/clips/smithfield-loading-bays-0412-45s.mp3"></audio>
      <figcaption>Smithfield Market loading bays, 04:12 — a 45-second excerpt from the raw recording (the full 20 minutes are on the <a href="@BASE@/recordings/">recordings page</a>).</figcaption>
    </figure>
    <p>In the episode I talk to Dr Maya Olawale, who studies urban noise at UCL, about where that hum comes from (short answer: everywhere), and to Frank, who has driven the N29 for eleven years and knows every pothole by ear.</p>
    <blockquote><p>"Nobody listens to the city at four. Which is a shame, because that's when it's talking to itself."</p></blockquote>
    <ul>
      <li>00:00 Alarm, thermos, coat</li>
      <li>04:30 Smithfield</li>
      <li>17:45 Maya Olawale on the urban hum</li>
      <li>31:10 The N29 with Frank</li>
      <li>44:20 Foxes, and the first birds</li>
    </ul>
    <h2 id="credits">Credits</h2>
    <p>Recorded on a Sony PCM-D10 with a pair of LOM Uši mics. Music by Oskar Lind. Field Notes is listener-supported: <a href="@BASE@/support/">chip in</a> if you like it.</p>
  </div>
  <footer class="post-footer">
    <ul class="post-tags"><li><a href="@BASE@/tags/field-recording/">Field Recording</a></li><li><a href="@BASE@/tags/london/">London</a></li><li><a href="@BASE@/tags/night/">Night</a></li></ul>
    <nav class="paginav">
      <a class="prev" href="@BASE@/episodes/043-a-river-under-the-road/"><span class="title">« Prev</span><br><span>43. A River Under the Road</span></a>
      <a class="next" href="@BASE@/episodes/041-bells/"><span class="title">Next »</span><br><span>41. Bells</span></a>
    </nav>
  </footer>
</article>
</main>
<footer class="footer"><span>&copy; 2024 <a href="@BASE@/home/">Field Notes</a></span> · <span>Powered by Hugo &amp; PaperMod</span></footer>
<a href="#top" aria-label="go to top" title="Go to Top (Alt + G)" class="top-link" id="top-link" accesskey="g"><svg viewBox="0 0 12 6" width="12" height="6" aria-hidden="true"><path d="M12 6H0l6-6z" fill="currentColor"/></svg></a>
</body>
</html>
"##;

const HUGO_CHAPTERS: &str = r##"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Alarm, thermos, coat"},{"startTime":270,"title":"Smithfield"},{"startTime":1065,"title":"Maya Olawale on the urban hum"},{"startTime":1870,"title":"The N29 with Frank"},{"startTime":2660,"title":"Foxes, and the first birds"}]}"##;

const HUGO_TRANSCRIPT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:06.500\n<v Ana>It's twenty-five to three and I'm standing in my hallway with a thermos.\n\n00:00:06.500 --> 00:00:12.000\n<v Ana>This is Field Notes, and this week we're going out at four in the morning.\n";

const HUGO_RSS: &str = r##"<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0">
  <channel>
    <title>Field Notes</title>
    <link>@BASE@/home/</link>
    <description>Recent content on Field Notes</description>
    <generator>Hugo</generator>
    <language>en-gb</language>
    <item>
      <title>42. The Sound of a City at 4 a.m.</title>
      <link>@BASE@/episodes/042-the-sound-of-a-city-at-4am/</link>
      <pubDate>Fri, 03 May 2024 05:00:00 +0100</pubDate>
      <guid>@BASE@/episodes/042-the-sound-of-a-city-at-4am/</guid>
      <enclosure url="@SITE@/hop/op3/media/fieldnotes/episodes/fieldnotes-042-the-sound-of-a-city-at-4am.mp3" length="49080112" type="audio/mpeg"/>
    </item>
  </channel>
</rss>
"##;

// ----------------------------------------------------------------------------------
// Austrian WordPress site: Borlabs Cookie blocking a LetsCast.fm player.
//
// Imitates: a WordPress site on the Astra theme (ast-separate-container, entry-header,
// entry-content, ast-single-post-order) with Borlabs Cookie 2: the cookie box kept in
// `<script id="BorlabsCookieBoxWrap" type="text/template">` and shown over a backdrop
// (#BorlabsCookieBox, _brlbs-btn-accept-all "Alle akzeptieren", data-cookie-refuse "Nur
// essenzielle Cookies akzeptieren", data-cookie-individual "Individuelle
// Datenschutzeinstellungen"), and content blockers as Borlabs renders them (div.BorlabsCookie
// ._brlbs-cb-<id> > ._brlbs-content-blocker with a data-borlabs-cookie-unblock button and the
// original embed base64-encoded in a `<script type="text/template">`). The blocked embed is
// LetsCast.fm's published code (`<script id="letscast-player-<8hex>" src="https://letscast.fm
// /podcasts/<show>-<8hex>/episodes/<slug>/player.js?size=s">`), which writes the player
// iframe; the player's German UI and its "Herunterladen" link (redirecting to the lcdn audio
// host) are plausible reconstructions. Content is fictional.

const LETSCAST_SHOW: &str = "aus-dem-weingarten-5a3f9e21";
const LETSCAST_EPISODE: &str = "23-trockensteinmauern";
const LETSCAST_FILE: &str =
    "9c2e4f61-0a7b-4d3c-8e5f-b1a2c3d4e5f6/aus-dem-weingarten-23-trockensteinmauern.mp3";

fn borlabs_letscast(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        let embed = fill(LETSCAST_BLOCKED_EMBED, request);
        let video = fill(YOUTUBE_BLOCKED_EMBED, request);
        return Some(html(
            fill(BORLABS_PAGE, request)
                .replace("@LETSCAST_B64@", &base64(embed.as_bytes()))
                .replace("@YOUTUBE_B64@", &base64(video.as_bytes())),
        ));
    }
    let path = rest(request);
    if !request.on_player_host {
        return match path {
            "wp-content/plugins/borlabs-cookie/assets/javascript/borlabs-cookie.min.js" => {
                script(BORLABS_JS, request)
            }
            _ => None,
        };
    }
    let episode = format!("podcasts/{LETSCAST_SHOW}/episodes/{LETSCAST_EPISODE}");
    if path == format!("{episode}/player.js") {
        return script(LETSCAST_PLAYER_JS, request);
    }
    if path == format!("{episode}/player") {
        return page(LETSCAST_PLAYER, request);
    }
    if path == format!("{episode}/download") {
        return Some(redirect(&format!(
            "{}/media/lcdn/{LETSCAST_FILE}",
            request.origins.player
        )));
    }
    if path.starts_with("podcasts/") && path.ends_with("/player.js") {
        return with_status(StatusCode::NOT_FOUND, "/* not found */");
    }
    None
}

const LETSCAST_BLOCKED_EMBED: &str = r##"<div><script id="letscast-player-4e7b1c09" src="@PBASE@/podcasts/aus-dem-weingarten-5a3f9e21/episodes/23-trockensteinmauern/player.js?size=s"></script></div>"##;

const YOUTUBE_BLOCKED_EMBED: &str = r##"<iframe title="Trockensteinmauer-Workshop in Spitz 2023" width="800" height="450" src="@BASE@/video-embed/trockensteinmauer-workshop-spitz-2023" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" allowfullscreen></iframe>"##;

const BORLABS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="de-AT">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Folge 23: Trockensteinmauern – warum die Terrassen nicht von allein halten &#8211; Wachauer Weinbauverein</title>
<meta name="robots" content="max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="Wachauer Weinbauverein &raquo; Feed" href="@BASE@/feed/">
<meta name="generator" content="WordPress 6.5.3">
<style id='astra-theme-css-inline-css'>
html{font-size:100%}body{margin:0;font-family:"Lato",-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:17px;line-height:1.65;color:#3a3a3a;background:#f0ede6}
a{color:#7a2f3b}.screen-reader-text{position:absolute;left:-9999px}.site-header{background:#fff;box-shadow:0 1px 0 #e2ddd3}.ast-container{max-width:1200px;margin:0 auto;padding:0 20px}
.main-header-bar{display:flex;align-items:center;justify-content:space-between;min-height:80px}.site-title{font:700 24px "Playfair Display",Georgia,serif;margin:0}.site-title a{text-decoration:none;color:#2a2a2a}
.main-header-menu{display:flex;list-style:none;margin:0;padding:0;gap:4px}.main-header-menu a{display:block;padding:0 14px;line-height:80px;color:#2a2a2a;text-decoration:none;font-size:15px}.current-menu-item>a{color:#7a2f3b}
.site-content .ast-container{display:flex;gap:40px;padding-top:40px;padding-bottom:60px}#primary{flex:1;min-width:0}#secondary{width:300px}
.ast-article-single{background:#fff;padding:46px 56px}.entry-title{font:700 36px/1.2 "Playfair Display",Georgia,serif;margin:0 0 10px;color:#2a2a2a}.entry-meta{font-size:14px;color:#888;margin-bottom:24px}
.entry-content h2{font:700 24px "Playfair Display",Georgia,serif;margin:32px 0 10px}.wp-block-image img{max-width:100%;height:auto;display:block}.wp-block-image figcaption{font-size:13px;color:#888}
.widget{background:#fff;padding:24px;margin-bottom:24px}.widget-title{font:700 18px "Playfair Display",Georgia,serif;margin:0 0 12px}.widget ul{margin:0;padding-left:18px;font-size:15px}
.post-navigation{display:flex;justify-content:space-between;background:#fff;padding:20px 56px;margin-top:2px;font-size:15px}
.site-footer{background:#2a2a2a;color:#bbb;font-size:14px;padding:26px 0}.site-footer a{color:#eee}
.BorlabsCookie ._brlbs-content-blocker{font-family:inherit;font-size:15px;margin:18px 0}.BorlabsCookie ._brlbs-content-blocker ._brlbs-embed{position:relative;display:inline-block;width:100%;background:#25292e;min-height:180px;overflow:hidden}
.BorlabsCookie ._brlbs-content-blocker ._brlbs-thumbnail{width:100%;height:180px;object-fit:cover;display:block;opacity:.35}.BorlabsCookie ._brlbs-content-blocker ._brlbs-caption{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;color:#fff;background:hsla(0,0%,0%,.6);padding:12px 24px}
.BorlabsCookie ._brlbs-content-blocker ._brlbs-caption p{margin:4px 0}.BorlabsCookie ._brlbs-content-blocker ._brlbs-caption a{color:#a8d5ff}.BorlabsCookie ._brlbs-btn{display:inline-block;background:#7a2f3b;color:#fff!important;border-radius:4px;padding:8px 18px;text-decoration:none;font-weight:700}
._brlbs-video ._brlbs-thumbnail{height:300px!important}
#BorlabsCookieBox{font-family:inherit}#BorlabsCookieBox .middle-center{position:fixed;inset:0;z-index:999999;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center}
#BorlabsCookieBox ._brlbs-box{background:#fff;border-radius:4px;max-width:560px;width:92vw;padding:26px 28px;box-shadow:0 4px 24px rgba(0,0,0,.3);color:#555;font-size:14px}
#BorlabsCookieBox ._brlbs-h3{font-size:20px;font-weight:700;color:#222}#BorlabsCookieBox ._brlbs-flex-center{display:flex;align-items:center;gap:10px;margin-bottom:8px}
#BorlabsCookieBox fieldset{border:0;padding:0;margin:10px 0}#BorlabsCookieBox fieldset ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:16px}
#BorlabsCookieBox ._brlbs-accept,#BorlabsCookieBox ._brlbs-refuse-btn,#BorlabsCookieBox ._brlbs-manage-btn{text-align:center;margin:8px 0}
#BorlabsCookieBox ._brlbs-btn{display:inline-block;width:100%;background:#7a2f3b;color:#fff;border-radius:4px;padding:10px;text-decoration:none;font-weight:700}
#BorlabsCookieBox ._brlbs-refuse-btn a,#BorlabsCookieBox ._brlbs-manage-btn a{background:#efefef;color:#555}#BorlabsCookieBox ._brlbs-legal{text-align:center;font-size:12px}#BorlabsCookieBox ._brlbs-separator::before{content:"|";margin:0 6px}
</style>
</head>
<body class="post-template-default single single-post postid-2841 single-format-standard wp-custom-logo ast-desktop ast-separate-container ast-right-sidebar astra-4.6.14 ast-blog-single-style-1 ast-single-post ast-inherit-site-logo-transparent ast-normal-title-enabled">
<a class="skip-link screen-reader-text" href="#content" title="Zum Inhalt springen">Zum Inhalt springen</a>
<div class="hfeed site" id="page">
<header class="site-header header-main-layout-1 ast-primary-menu-enabled ast-logo-title-inline ast-hide-custom-menu-mobile ast-builder-menu-toggle-icon ast-mobile-header-inline" id="masthead">
  <div class="main-header-bar-wrap"><div class="main-header-bar"><div class="ast-container" style="display:flex;align-items:center;justify-content:space-between;width:100%">
    <div class="site-branding ast-site-identity"><span class="site-title" itemprop="name"><a href="@BASE@/home/" rel="home" itemprop="url">Wachauer Weinbauverein</a></span></div>
    <nav id="primary-site-navigation-desktop" class="site-navigation ast-flex-grow-1 navigation-accessibility site-header-focus-item" aria-label="Primäre Website-Navigation"><ul id="ast-hf-menu-1" class="main-header-menu ast-menu-shadow ast-nav-menu ast-flex submenu-with-border">
      <li class="menu-item"><a href="@BASE@/verein/" class="menu-link">Verein</a></li>
      <li class="menu-item"><a href="@BASE@/winzerinnen-und-winzer/" class="menu-link">Winzer:innen</a></li>
      <li class="menu-item current-menu-item"><a href="@BASE@/category/podcast/" class="menu-link">Podcast</a></li>
      <li class="menu-item"><a href="@BASE@/heurigenkalender/" class="menu-link">Heurigenkalender</a></li>
      <li class="menu-item"><a href="@BASE@/kontakt/" class="menu-link">Kontakt</a></li>
    </ul></nav>
  </div></div></div>
</header>
<div id="content" class="site-content"><div class="ast-container">
<div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post-2841 post type-post status-publish format-standard has-post-thumbnail hentry category-podcast tag-terrassen tag-trockensteinmauern ast-article-single" id="post-2841" itemscope="itemscope">
<div class="ast-post-format- single-layout-1">
<header class="entry-header">
  <h1 class="entry-title" itemprop="headline">Folge 23: Trockensteinmauern – warum die Terrassen nicht von allein halten</h1>
  <div class="entry-meta"><span class="posted-on"><span class="published" itemprop="datePublished">14. Mai 2024</span></span> / <span class="cat-links"><a href="@BASE@/category/podcast/" rel="category tag">Podcast</a></span> / <span class="posted-by vcard author"><a class="url fn n" href="@BASE@/author/redaktion/" rel="author"><span class="author-name">Redaktion</span></a></span></div>
</header>
<div class="entry-content clear" itemprop="text">
<p>Rund 700 Kilometer Trockensteinmauern halten in der Wachau die Weingärten am Hang. Gebaut wurden sie ohne Mörtel, über Jahrhunderte, Stein für Stein. In der neuen Folge von <strong>„Aus dem Weingarten“</strong> erzählt Mauerbauer Leopold Hiesberger, warum jedes Frühjahr irgendwo eine Mauer „kommt“, was ein Gewitter mit einer Terrasse macht und weshalb heuer so viele Junge seine Kurse besuchen.</p>
<div class="BorlabsCookie _brlbs-cb-letscast"><div class="_brlbs-content-blocker"> <div class="_brlbs-embed"> <img class="_brlbs-thumbnail" src="@BASE@/wp-content/plugins/borlabs-cookie/assets/images/cb-default.png" alt="LetsCast.fm"> <div class="_brlbs-caption"> <p>Mit dem Laden des Podcasts akzeptieren Sie die Datenschutzerklärung von LetsCast.fm.<br><a href="@BASE@/out/letscast-datenschutz" target="_blank" rel="nofollow noopener noreferrer">Mehr erfahren</a></p> <p><a class="_brlbs-btn" href="#" data-borlabs-cookie-unblock role="button">Podcast laden</a></p> <p><label><input type="checkbox" name="unblockAll" value="1" checked> <small>LetsCast.fm-Podcasts immer entsperren</small></label></p> </div> </div> </div><script type="text/template">@LETSCAST_B64@</script></div>
<h2>Worum es in dieser Folge geht</h2>
<ul>
<li>Wie eine Trockensteinmauer aufgebaut ist: Fundament, Hintermauerung, Deckstein</li>
<li>Warum Mörtel den Mauern mehr schadet als nützt</li>
<li>Starkregen, Frost und Wurzeln – die drei Feinde jeder Terrasse</li>
<li>Förderungen des Landes Niederösterreich für die Sanierung</li>
<li>Der nächste Mauerbaukurs des Vereins im September</li>
</ul>
<p>Beim Workshop im vergangenen Herbst haben wir gefilmt, wie eine eingestürzte Mauer in Spitz wieder aufgebaut wird:</p>
<div class="BorlabsCookie _brlbs-cb-youtube"><div class="_brlbs-content-blocker"> <div class="_brlbs-embed _brlbs-video _brlbs-video-youtube"> <img class="_brlbs-thumbnail" src="@BASE@/wp-content/uploads/borlabs-cookie/1/yt_trockensteinmauer_hqdefault.jpg" alt="YouTube"> <div class="_brlbs-caption"> <p>Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.<br><a href="@BASE@/out/youtube-datenschutz" target="_blank" rel="nofollow noopener noreferrer">Mehr erfahren</a></p> <p><a class="_brlbs-btn _brlbs-icon-play-white" href="#" data-borlabs-cookie-unblock role="button">Video laden</a></p> <p><label><input type="checkbox" name="unblockAll" value="1" checked> <small>YouTube immer entsperren</small></label></p> </div> </div> </div><script type="text/template">@YOUTUBE_B64@</script></div>
<p>„Aus dem Weingarten“ erscheint jeden zweiten Dienstag. Sie finden den Podcast auch auf <a href="@BASE@/out/apple-podcasts">Apple Podcasts</a> und <a href="@BASE@/out/spotify">Spotify</a>. Fragen und Themenwünsche gerne an <a href="mailto:podcast@weinbauverein.invalid">podcast@weinbauverein.invalid</a>.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="576" src="@BASE@/wp-content/uploads/2024/05/trockensteinmauer-spitz-1024x576.jpg" alt="Trockensteinmauer in einem Weingarten oberhalb von Spitz"><figcaption class="wp-element-caption">Frisch sanierte Mauer am Tausendeimerberg. Foto: Verein</figcaption></figure>
</div>
</div>
</article>
<nav class="navigation post-navigation" aria-label="Beiträge"><div class="nav-previous"><a href="@BASE@/2024/04/30/folge-22-rebschnitt-im-jaenner/" rel="prev">← Folge 22: Warum wir schon im Jänner schneiden</a></div><div class="nav-next"><a href="@BASE@/2024/05/20/heurigenkalender-juni/" rel="next">Heurigenkalender Juni →</a></div></nav>
</main></div>
<div class="widget-area secondary" id="secondary" role="complementary"><div class="sidebar-main">
  <section class="widget"><h2 class="widget-title">Podcast „Aus dem Weingarten“</h2><ul><li><a href="@BASE@/2024/04/30/folge-22-rebschnitt-im-jaenner/">Folge 22: Rebschnitt im Jänner</a></li><li><a href="@BASE@/2024/04/16/folge-21-gruener-veltliner/">Folge 21: Was den Veltliner grün macht</a></li><li><a href="@BASE@/2024/04/02/folge-20-bodenleben/">Folge 20: Bodenleben im Weingarten</a></li></ul></section>
  <section class="widget"><h2 class="widget-title">Ausg'steckt is!</h2><p style="font-size:15px;margin:0">Diese Woche haben 14 Heurige in Spitz, Weißenkirchen und Joching geöffnet. <a href="@BASE@/heurigenkalender/">Zum Heurigenkalender</a></p></section>
</div></div>
</div></div>
<footer class="site-footer"><div class="ast-container">© 2024 Wachauer Weinbauverein · <a href="@BASE@/impressum/">Impressum</a> · <a href="@BASE@/datenschutz/">Datenschutz</a> · <a href="#" class="borlabs-cookie-preference">Cookie-Einstellungen</a></div></footer>
</div>
<div data-nosnippet><script id="BorlabsCookieBoxWrap" type="text/template"><div id="BorlabsCookieBox" class="BorlabsCookie" role="dialog" aria-labelledby="CookieBoxTextHeadline" aria-describedby="CookieBoxTextDescription" aria-modal="true"><div class="middle-center"><div class="_brlbs-box-wrap"><div class="_brlbs-box _brlbs-box-advanced"><div class="cookie-box"><div class="container"><div class="row"><div class="col-12"><div class="_brlbs-flex-center"><img width="32" height="32" class="cookie-logo" src="@BASE@/wp-content/plugins/borlabs-cookie/assets/images/borlabs-cookie-logo.png" alt="Wachauer Weinbauverein"><span role="heading" aria-level="3" class="_brlbs-h3" id="CookieBoxTextHeadline">Datenschutzeinstellungen</span></div><p id="CookieBoxTextDescription"><span class="_brlbs-paragraph _brlbs-text-description">Wir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, diese Website und Ihre Erfahrung zu verbessern.</span> <span class="_brlbs-paragraph _brlbs-text-confirm-age">Wenn Sie unter 16 Jahre alt sind und Ihre Zustimmung zu freiwilligen Diensten geben möchten, müssen Sie Ihre Erziehungsberechtigten um Erlaubnis bitten.</span> <span class="_brlbs-paragraph _brlbs-text-technology">Wir verwenden Cookies und andere Technologien auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, diese Website und Ihre Erfahrung zu verbessern.</span> <span class="_brlbs-paragraph _brlbs-text-more-information">Weitere Informationen über die Verwendung Ihrer Daten finden Sie in unserer <a class="_brlbs-cursor" href="@BASE@/datenschutz/">Datenschutzerklärung</a>.</span></p><fieldset><legend class="sr-only screen-reader-text">Datenschutzeinstellungen</legend><ul><li><label class="_brlbs-checkbox">Essenziell <input id="checkbox-essential" tabindex="0" type="checkbox" name="cookieGroup[]" value="essential" checked disabled data-borlabs-cookie-checkbox><span class="_brlbs-checkbox-indicator"></span></label></li><li><label class="_brlbs-checkbox">Statistiken <input id="checkbox-statistics" tabindex="0" type="checkbox" name="cookieGroup[]" value="statistics" checked data-borlabs-cookie-checkbox><span class="_brlbs-checkbox-indicator"></span></label></li><li><label class="_brlbs-checkbox">Externe Medien <input id="checkbox-external-media" tabindex="0" type="checkbox" name="cookieGroup[]" value="external-media" checked data-borlabs-cookie-checkbox><span class="_brlbs-checkbox-indicator"></span></label></li></ul></fieldset><p class="_brlbs-accept"><a href="#" tabindex="0" role="button" class="_brlbs-btn _brlbs-btn-accept-all _brlbs-cursor" data-cookie-accept-all>Alle akzeptieren</a></p><p class="_brlbs-accept"><a href="#" tabindex="0" role="button" id="CookieBoxSaveButton" class="_brlbs-btn _brlbs-cursor" data-cookie-accept>Speichern</a></p><p class="_brlbs-refuse-btn"><a class="_brlbs-btn _brlbs-cursor" href="#" tabindex="0" role="button" data-cookie-refuse>Nur essenzielle Cookies akzeptieren</a></p><p class="_brlbs-manage-btn "><a href="#" class="_brlbs-cursor _brlbs-btn " tabindex="0" role="button" data-cookie-individual>Individuelle Datenschutzeinstellungen</a></p><p class="_brlbs-legal"><a href="#" class="_brlbs-cursor" tabindex="0" role="button" data-cookie-individual>Cookie-Details</a><span class="_brlbs-separator"></span><a href="@BASE@/datenschutz/" tabindex="0">Datenschutzerklärung</a><span class="_brlbs-separator"></span><a href="@BASE@/impressum/" tabindex="0">Impressum</a></p></div></div></div></div></div></div></div></div></script></div>
<script id="borlabs-cookie-js" src="@BASE@/wp-content/plugins/borlabs-cookie/assets/javascript/borlabs-cookie.min.js"></script>
</body>
</html>
"##;

const BORLABS_JS: &str = r##"/* Borlabs Cookie (front-end excerpt) */
(function () {
  'use strict';
  var NAME = 'borlabs-cookie';
  function read() {
    var m = document.cookie.match(/(?:^|; )borlabs-cookie=([^;]*)/);
    if (!m) { return null; }
    try { return JSON.parse(decodeURIComponent(m[1])); } catch (e) { return null; }
  }
  function write(groups) {
    var value = { consents: groups, domainPath: location.host + '/', expires: new Date(Date.now() + 31536e6).toUTCString(), uid: Math.random().toString(36).slice(2, 10) + '-' + Math.random().toString(36).slice(2, 10), version: '1' };
    document.cookie = NAME + '=' + encodeURIComponent(JSON.stringify(value)) + '; path=/; max-age=31536000; SameSite=Lax';
    return value;
  }
  function decode(b64) {
    var bin = atob(b64.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new TextDecoder('utf-8').decode(bytes);
  }
  function unblock(wrapper) {
    var tpl = wrapper.querySelector('script[type="text/template"]');
    if (!tpl) { return; }
    var holder = document.createElement('div');
    holder.innerHTML = decode(tpl.textContent);
    var scripts = holder.querySelectorAll('script');
    wrapper.replaceWith.apply(wrapper, Array.prototype.slice.call(holder.childNodes));
    Array.prototype.forEach.call(scripts, function (old) {
      var s = document.createElement('script');
      Array.prototype.forEach.call(old.attributes, function (a) { s.setAttribute(a.name, a.value); });
      s.text = old.text;
      old.parentNode.replaceChild(s, old);
    });
  }
  function unblockAll(kind) {
    Array.prototype.forEach.call(document.querySelectorAll('.BorlabsCookie._brlbs-cb-' + kind), unblock);
  }
  function apply(consent) {
    if (consent && consent.consents && consent.consents['external-media']) {
      (consent.consents['external-media'] || []).forEach(unblockAll);
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll('.BorlabsCookie[class*="_brlbs-cb-"]'), function (wrapper) {
    var button = wrapper.querySelector('[data-borlabs-cookie-unblock]');
    if (!button) { return; }
    button.addEventListener('click', function (e) {
      e.preventDefault();
      var kind = (wrapper.className.match(/_brlbs-cb-([a-z0-9-]+)/) || [])[1];
      var always = wrapper.querySelector('input[name=unblockAll]');
      if (always && always.checked && kind) {
        var c = read() || { consents: { essential: ['borlabs-cookie'] } };
        var media = c.consents['external-media'] || [];
        if (media.indexOf(kind) === -1) { media.push(kind); }
        c.consents['external-media'] = media;
        write(c.consents);
        unblockAll(kind);
      } else {
        unblock(wrapper);
      }
    });
  });
  function showBox() {
    var tpl = document.getElementById('BorlabsCookieBoxWrap');
    var wrap = document.createElement('div');
    wrap.innerHTML = tpl.textContent;
    var box = wrap.firstChild;
    document.body.appendChild(box);
    function close(groups) { box.remove(); apply(write(groups)); }
    box.querySelector('[data-cookie-accept-all]').addEventListener('click', function (e) {
      e.preventDefault();
      close({ essential: ['borlabs-cookie'], statistics: ['matomo'], 'external-media': ['letscast', 'youtube'] });
    });
    box.querySelector('[data-cookie-accept]').addEventListener('click', function (e) {
      e.preventDefault();
      var groups = { essential: ['borlabs-cookie'] };
      if (box.querySelector('#checkbox-statistics').checked) { groups.statistics = ['matomo']; }
      if (box.querySelector('#checkbox-external-media').checked) { groups['external-media'] = ['letscast', 'youtube']; }
      close(groups);
    });
    box.querySelector('[data-cookie-refuse]').addEventListener('click', function (e) { e.preventDefault(); close({ essential: ['borlabs-cookie'] }); });
    Array.prototype.forEach.call(box.querySelectorAll('[data-cookie-individual]'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        box.querySelector('#CookieBoxTextDescription').innerHTML = '<strong>Essenziell</strong>: Borlabs Cookie (speichert Ihre Auswahl). <strong>Statistiken</strong>: Matomo. <strong>Externe Medien</strong>: LetsCast.fm, YouTube. Inhalte von Videoplattformen und Podcast-Anbietern werden standardmäßig blockiert.';
      });
    });
  }
  var existing = read();
  if (existing) { apply(existing); } else { showBox(); }
  var pref = document.querySelector('.borlabs-cookie-preference');
  if (pref) { pref.addEventListener('click', function (e) { e.preventDefault(); if (!document.getElementById('BorlabsCookieBox')) { showBox(); } }); }
})();
"##;

const LETSCAST_PLAYER_JS: &str = r##"(function () {
  'use strict';
  var me = document.currentScript || document.querySelector('script[id^="letscast-player-"]');
  var src = me.getAttribute('src');
  var size = (src.match(/[?&]size=([a-z]+)/) || [])[1] || 'm';
  var height = { s: 154, m: 220, l: 320 }[size] || 220;
  var frame = document.createElement('iframe');
  frame.src = src.replace(/\/player\.js(\?.*)?$/, '/player') + '?size=' + size;
  frame.title = 'LetsCast.fm Podcast Player';
  frame.setAttribute('frameborder', '0');
  frame.setAttribute('scrolling', 'no');
  frame.setAttribute('allow', 'autoplay');
  frame.style.cssText = 'width:100%;height:' + height + 'px;border:0;display:block';
  me.parentNode.insertBefore(frame, me.nextSibling);
})();
"##;

const LETSCAST_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Folge 23: Trockensteinmauern | Aus dem Weingarten</title>
<style>
*{box-sizing:border-box}html,body{margin:0;background:transparent;font-family:Inter,-apple-system,"Segoe UI",Roboto,sans-serif}
.lc{height:154px;display:flex;background:#fff;border:1px solid #e6e6e6;border-radius:12px;overflow:hidden;color:#16181d;position:relative}
.lc-cover{width:152px;height:152px;object-fit:cover;flex:none}.lc-main{flex:1;min-width:0;padding:12px 16px;display:flex;flex-direction:column}
.lc-show{font-size:12px;color:#6b7280}.lc-title{font-size:15px;font-weight:600;margin:2px 0 10px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lc-row{display:flex;align-items:center;gap:10px}.lc-play{width:42px;height:42px;border-radius:50%;border:0;background:#7a2f3b;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}
.lc-progress{flex:1;height:5px;border-radius:3px;background:#eceef1;position:relative}.lc-progress i{position:absolute;left:0;top:0;bottom:0;width:0;border-radius:3px;background:#7a2f3b}
.lc-time{font-size:12px;color:#6b7280;font-variant-numeric:tabular-nums;white-space:nowrap}
.lc-tools{display:flex;align-items:center;gap:2px;margin-top:auto}.lc-tool{width:30px;height:28px;display:inline-flex;align-items:center;justify-content:center;border:0;border-radius:6px;background:none;color:#4b5563;cursor:pointer;text-decoration:none;font-size:12px}
.lc-tool:hover{background:#f3f4f6}.lc-brand{margin-left:auto;font-size:10px;color:#9ca3af;text-decoration:none}
.lc-sheet{position:absolute;left:160px;right:8px;bottom:8px;top:8px;background:#fff;border:1px solid #e5e7eb;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.12);padding:10px 12px;font-size:12px;overflow:auto}
@media (max-width:480px){.lc-cover{display:none}.lc-sheet{left:8px}.lc-brand{display:none}}
.lc-sheet h4{margin:0 0 6px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#6b7280}.lc-sheet ol{margin:0;padding-left:18px}.lc-sheet a{color:#16181d;display:inline-block;margin:2px 10px 2px 0}
</style>
</head>
<body>
<div class="lc">
  <img class="lc-cover" src="@PBASE@/images/podcasts/aus-dem-weingarten/cover-600.jpg" alt="">
  <div class="lc-main">
    <div class="lc-show">Aus dem Weingarten · Wachauer Weinbauverein</div>
    <div class="lc-title" title="Folge 23: Trockensteinmauern – warum die Terrassen nicht von allein halten">Folge 23: Trockensteinmauern – warum die Terrassen nicht von allein halten</div>
    <div class="lc-row">
      <button type="button" class="lc-play" aria-label="Abspielen"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button>
      <div class="lc-progress"><i></i></div>
      <span class="lc-time">00:00 / 38:42</span>
    </div>
    <div class="lc-tools">
      <button type="button" class="lc-tool lc-back" title="15 Sekunden zurück"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z" fill="currentColor"/></svg></button>
      <button type="button" class="lc-tool lc-speed" title="Wiedergabegeschwindigkeit">1×</button>
      <button type="button" class="lc-tool lc-chapters" title="Kapitel"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M4 6h16v2H4zm0 5h16v2H4zm0 5h10v2H4z" fill="currentColor"/></svg></button>
      <button type="button" class="lc-tool lc-share" title="Teilen"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg></button>
      <a class="lc-tool lc-download" href="@PBASE@/podcasts/aus-dem-weingarten-5a3f9e21/episodes/23-trockensteinmauern/download" title="Herunterladen" target="_blank" rel="noopener"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg></a>
      <button type="button" class="lc-tool lc-subscribe" title="Abonnieren"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M5 3a16 16 0 0 1 16 16h-3A13 13 0 0 0 5 6zm0 6a10 10 0 0 1 10 10h-3a7 7 0 0 0-7-7zm2 6a2 2 0 1 1 0 4 2 2 0 0 1 0-4z" fill="currentColor"/></svg></button>
      <a class="lc-brand" href="@PBASE@/out/letscast" target="_blank" rel="noopener">LetsCast.fm</a>
    </div>
  </div>
</div>
<script>
(function () {
  var audio = new Audio(); audio.preload = 'none';
  var FILE = '@PLAYER@/media/lcdn/9c2e4f61-0a7b-4d3c-8e5f-b1a2c3d4e5f6/aus-dem-weingarten-23-trockensteinmauern.mp3';
  var DURATION = 2322;
  var play = document.querySelector('.lc-play'), bar = document.querySelector('.lc-progress i'), time = document.querySelector('.lc-time');
  var PLAY = play.innerHTML, PAUSE = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  function fmt(s) { s = Math.max(0, Math.floor(s)); var m = Math.floor(s / 60), x = s % 60; return (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x; }
  play.addEventListener('click', function () { if (!audio.src) { audio.src = FILE; } if (audio.paused) { var p = audio.play(); if (p && p.catch) { p.catch(function () {}); } } else { audio.pause(); } });
  audio.addEventListener('play', function () { play.innerHTML = PAUSE; play.setAttribute('aria-label', 'Pausieren'); });
  audio.addEventListener('pause', function () { play.innerHTML = PLAY; play.setAttribute('aria-label', 'Abspielen'); });
  audio.addEventListener('timeupdate', function () { bar.style.width = (100 * audio.currentTime / DURATION) + '%'; time.textContent = fmt(audio.currentTime) + ' / ' + fmt(DURATION); });
  document.querySelector('.lc-back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
  var rates = [1, 1.25, 1.5, 2], ri = 0;
  document.querySelector('.lc-speed').addEventListener('click', function () { ri = (ri + 1) % rates.length; audio.playbackRate = rates[ri]; this.textContent = String(rates[ri]).replace('.', ',') + '×'; });
  var sheet = null;
  function open(html) { if (sheet) { sheet.remove(); } sheet = document.createElement('div'); sheet.className = 'lc-sheet'; sheet.innerHTML = html; document.querySelector('.lc').appendChild(sheet); sheet.addEventListener('click', function (e) { e.stopPropagation(); }); }
  document.addEventListener('click', function () { if (sheet) { sheet.remove(); sheet = null; } });
  document.querySelector('.lc-chapters').addEventListener('click', function (e) { e.stopPropagation(); open('<h4>Kapitel</h4><ol><li>00:00 Begrüßung</li><li>02:15 Wie eine Mauer aufgebaut ist</li><li>11:40 Kein Mörtel!</li><li>19:05 Starkregen, Frost, Wurzeln</li><li>29:30 Förderungen</li><li>35:10 Mauerbaukurs im September</li></ol>'); });
  document.querySelector('.lc-share').addEventListener('click', function (e) { e.stopPropagation(); open('<h4>Teilen</h4><a href="@PBASE@/out/share-facebook" target="_blank">Facebook</a><a href="@PBASE@/out/share-whatsapp" target="_blank">WhatsApp</a><a href="mailto:?subject=Aus%20dem%20Weingarten">E-Mail</a>'); });
  document.querySelector('.lc-subscribe').addEventListener('click', function (e) { e.stopPropagation(); open('<h4>Abonnieren</h4><a href="@PBASE@/out/apple-podcasts" target="_blank">Apple Podcasts</a><a href="@PBASE@/out/spotify" target="_blank">Spotify</a><a href="@PBASE@/podcasts/aus-dem-weingarten-5a3f9e21/feed" target="_blank">RSS-Feed</a>'); });
})();
</script>
</body>
</html>
"##;

// ----------------------------------------------------------------------------------
// 3Cat (Catalunya Ràdio) audio page.
//
// Imitates: a 3Cat audio page (`www.3cat.cat/3cat/<títol>/audio/<id>/`, Next.js) whose
// player asks `api-media.3cat.cat/pvideo/media.jsp?media=audio&idint=<id>&format=dm` (as
// yt-dlp's ccma.py and several public downloaders read it: `informacio.titol`,
// `informacio.estat.actiu`, `media.format`, `media.url` as a list of `{label, file}` or a
// single object) on "Escolta". The player plays a pre-roll ad before the programme, and the
// "Més opcions" menu with "Descarrega" exists only once the media is loaded. The player UI,
// the pre-roll and the consent dialog's wording are plausible reconstructions. Content is
// fictional; the programme name is real.

/// Audios of the programme: idint, title, date, duration (s), MP3 path below /media/.
const TRESCAT_AUDIOS: &[(&str, &str, &str, u32, &str)] = &[
    (
        "1198734",
        "La pesta negra arriba a Barcelona (1348)",
        "12/05/2024",
        3191,
        "ccma/multimedia/mp3/5/8/1715510583085.mp3",
    ),
    (
        "1197102",
        "Els remences: la revolta dels pagesos",
        "05/05/2024",
        3244,
        "ccma/multimedia/mp3/1/2/1714905783021.mp3",
    ),
    (
        "1195560",
        "La Llotja de Mar i el comerç medieval",
        "28/04/2024",
        3078,
        "ccma/multimedia/mp3/7/4/1714300983047.mp3",
    ),
];

fn tres_cat(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(TRESCAT_PAGE, request);
    }
    match rest(request) {
        "_next/static/chunks/pages/audio-player-5c1e8b.js" => script(TRESCAT_JS, request),
        "pvideo/media.jsp" => {
            let id = query_param(request, "idint").unwrap_or("");
            let Some((id, title, date, duration, file)) = TRESCAT_AUDIOS.iter().find(|a| a.0 == id)
            else {
                return with_status(
                    StatusCode::NOT_FOUND,
                    "{\"informacio\":{\"estat\":{\"actiu\":false,\"missatge\":\"Contingut no disponible\"}}}",
                );
            };
            let hms = format!(
                "{:02}:{:02}:{:02}",
                duration / 3600,
                duration % 3600 / 60,
                duration % 60
            );
            let body = TRESCAT_MEDIA_JSON
                .replace("@ID@", id)
                .replace("@TITLE@", title)
                .replace("@DATE@", date)
                .replace("@MS@", &(u64::from(*duration) * 1000).to_string())
                .replace("@HMS@", &hms)
                .replace("@FILE@", file);
            data(&body, request)
        }
        _ => None,
    }
}

const TRESCAT_MEDIA_JSON: &str = r##"{"informacio":{"id":@ID@,"tipus":"audio","titol":"@TITLE@","titol_complet":"En guàrdia! - @TITLE@","programa":"En guàrdia!","programa_id":2143,"canal":{"id":"cr","nom":"Catalunya Ràdio"},"durada":{"milisegons":@MS@,"text":"@HMS@"},"data_emissio":{"text":"@DATE@ 21:00:00","utc":"@DATE@T19:00:00Z"},"estat":{"actiu":true,"nom":"PUBLICAT"},"geo":"TOTS","slug":"en-guardia"},"imatges":{"url":"@BASE@/multimedia/jpg/0/3/en-guardia-1198734.jpg","mida":"1200x675"},"media":{"format":"MP3","url":[{"label":"128k","file":"@SITE@/media/@FILE@","active":true}]},"audiencies":{"kantarst":{"parametres":{"name":"cr_en_guardia","type":"audio"}}}}"##;

const TRESCAT_PAGE: &str = r##"<!DOCTYPE html>
<html lang="ca">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>La pesta negra arriba a Barcelona (1348) - En guàrdia! - 3Cat</title>
<meta name="description" content="L'any 1348 la pesta negra arriba a Barcelona en una galera procedent de Mallorca. En pocs mesos mor un terç de la població.">
<meta property="og:title" content="En guàrdia! - La pesta negra arriba a Barcelona (1348)">
<meta property="og:type" content="music.song">
<meta property="og:image" content="@BASE@/multimedia/jpg/0/3/en-guardia-1198734.jpg">
<meta name="next-head-count" content="6">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"3Cat Sans",Helvetica,Arial,sans-serif;background:#0e0e10;color:#f2f2f2}
a{color:inherit}.hdr{display:flex;align-items:center;gap:26px;height:64px;padding:0 32px;background:#000;position:sticky;top:0;z-index:30}
.hdr .logo{font-weight:800;font-size:26px;letter-spacing:-.03em;text-decoration:none}.hdr nav a{margin-right:20px;font-size:15px;text-decoration:none;color:#ccc}.hdr .user{margin-left:auto;font-size:14px;text-decoration:none;border:1px solid #555;border-radius:20px;padding:6px 14px}
.wrap{max-width:1120px;margin:0 auto;padding:32px}.bread{font-size:13px;color:#999}.bread a{text-decoration:none}
.fitxa{display:grid;grid-template-columns:420px 1fr;gap:36px;margin-top:18px}.fitxa img{width:420px;height:236px;object-fit:cover;border-radius:6px}
.programa{font-size:14px;color:#f0b400;text-transform:uppercase;letter-spacing:.06em;font-weight:700}h1{font-size:34px;line-height:1.15;margin:6px 0 12px}
.meta{font-size:14px;color:#aaa}.meta span+span::before{content:"·";margin:0 8px}.entradeta{font-size:17px;line-height:1.6;color:#ddd;margin:18px 0}
.reproductor{margin-top:18px;background:#1c1c20;border-radius:8px;padding:16px 18px;position:relative}.boto-escolta{display:inline-flex;align-items:center;gap:10px;background:#f0b400;color:#000;border:0;border-radius:24px;padding:11px 22px;font-size:16px;font-weight:700;cursor:pointer}
.rp-controls{display:flex;align-items:center;gap:12px}.rp-btn{background:none;border:0;color:#fff;cursor:pointer;width:36px;height:36px;border-radius:50%;display:flex;align-items:center;justify-content:center}.rp-btn:hover{background:#2d2d33}
.rp-bar{flex:1;height:4px;background:#3a3a40;border-radius:2px;position:relative}.rp-bar i{position:absolute;left:0;top:0;bottom:0;width:0;background:#f0b400;border-radius:2px}.rp-time{font-size:12px;color:#aaa;font-variant-numeric:tabular-nums}
.rp-ad{display:inline-block;background:#fff;color:#000;font-size:11px;font-weight:700;border-radius:3px;padding:2px 6px;margin-bottom:8px}.rp-now{font-size:14px;margin-bottom:8px;color:#ddd}
.rp-menu{position:absolute;right:12px;top:58px;background:#26262c;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.5);padding:6px 0;min-width:230px;z-index:5}
.rp-menu a,.rp-menu button{display:flex;gap:10px;align-items:center;width:100%;padding:9px 16px;color:#eee;background:none;border:0;text-decoration:none;font-size:14px;cursor:pointer;text-align:left}.rp-menu a:hover,.rp-menu button:hover{background:#33333a}
.cos{max-width:760px;font-size:16px;line-height:1.7;color:#ccc;margin-top:30px}
.mes h2{font-size:20px;margin:40px 0 14px}.llista{display:grid;grid-template-columns:repeat(3,1fr);gap:18px}.item{background:#1c1c20;border-radius:6px;overflow:hidden}
.item img{width:100%;height:150px;object-fit:cover;display:block}.item .b{padding:12px 14px}.item a{text-decoration:none;font-weight:700;display:block;margin-bottom:8px}.item small{color:#999;display:block;margin-bottom:8px}
.item .mini{display:inline-flex;gap:6px;align-items:center;border:1px solid #555;background:none;color:#eee;border-radius:16px;padding:5px 12px;font-size:13px;cursor:pointer}
.ftr{border-top:1px solid #222;margin-top:50px;padding:26px 32px;font-size:12px;color:#777}
.gal-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.7);z-index:1000;display:flex;align-items:flex-end;justify-content:center}
.gal{background:#fff;color:#222;width:100%;max-width:980px;border-radius:10px 10px 0 0;padding:24px 28px}.gal h2{margin:0 0 8px;font-size:20px}.gal p{font-size:14px;line-height:1.55;margin:0 0 14px}
.gal .bt{display:flex;gap:10px;justify-content:flex-end}.gal button{border-radius:22px;padding:10px 20px;font-size:14px;font-weight:700;cursor:pointer;border:1px solid #222;background:#fff;color:#222}.gal button.principal{background:#222;color:#fff}
</style>
</head>
<body>
<div id="__next">
<header class="hdr"><a class="logo" href="@BASE@/3cat/">3Cat</a><nav><a href="@BASE@/3cat/directes/">Directes</a><a href="@BASE@/3cat/programes/">Programes</a><a href="@BASE@/3cat/radio/">Ràdio</a><a href="@BASE@/3cat/podcasts/">Pòdcasts</a><a href="@BASE@/3cat/noticies/">Notícies</a></nav><a class="user" href="@BASE@/3cat/accedeix/">Inicia la sessió</a></header>
<main class="wrap">
  <div class="bread"><a href="@BASE@/3cat/">Inici</a> › <a href="@BASE@/3cat/radio/">Ràdio</a> › <a href="@BASE@/3cat/en-guardia/">En guàrdia!</a></div>
  <section class="fitxa">
    <img src="@BASE@/multimedia/jpg/0/3/en-guardia-1198734.jpg" alt="">
    <div>
      <div class="programa"><a href="@BASE@/3cat/en-guardia/" style="text-decoration:none">En guàrdia!</a></div>
      <h1>La pesta negra arriba a Barcelona (1348)</h1>
      <div class="meta"><span>Catalunya Ràdio</span><span>dg., 12/05/2024</span><span>53 min</span></div>
      <p class="entradeta">L'any 1348 la pesta negra arriba a Barcelona en una galera procedent de Mallorca. En pocs mesos mor un terç de la població. Com va reaccionar el Consell de Cent, què en deien els metges i per què es va culpar la comunitat jueva del Call?</p>
      <div class="reproductor" id="reproductor-audio" data-idint="1198734" data-tipus="audio">
        <button type="button" class="boto-escolta"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Escolta</button>
      </div>
    </div>
  </section>
  <div class="cos">
    <p>Amb l'historiador Jaume Sobrequés i la metgessa i historiadora de la medicina Núria Pladevall. Dramatització: Teatre de la Ciutat, amb Anna Güell i Marc Ribas.</p>
    <p>En guàrdia! és el programa d'història de Catalunya Ràdio, dirigit i presentat per Enric Calpena. Cada diumenge a les 21 h.</p>
  </div>
  <section class="mes">
    <h2>Més àudios d'En guàrdia!</h2>
    <div class="llista">
      <div class="item"><img src="@BASE@/multimedia/jpg/0/1/en-guardia-1197102.jpg" alt=""><div class="b"><a href="@BASE@/3cat/els-remences-la-revolta-dels-pagesos/audio/1197102/">Els remences: la revolta dels pagesos</a><small>dg., 05/05/2024 · 54 min</small><button type="button" class="mini" data-idint="1197102"><svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Escolta</button></div></div>
      <div class="item"><img src="@BASE@/multimedia/jpg/0/7/en-guardia-1195560.jpg" alt=""><div class="b"><a href="@BASE@/3cat/la-llotja-de-mar-i-el-comerc-medieval/audio/1195560/">La Llotja de Mar i el comerç medieval</a><small>dg., 28/04/2024 · 51 min</small><button type="button" class="mini" data-idint="1195560"><svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Escolta</button></div></div>
      <div class="item"><img src="@BASE@/multimedia/jpg/0/9/en-guardia-1194011.jpg" alt=""><div class="b"><a href="@BASE@/3cat/el-compromis-de-casp/audio/1194011/">El Compromís de Casp</a><small>dg., 21/04/2024 · 53 min</small></div></div>
    </div>
  </section>
</main>
<footer class="ftr">© Corporació Catalana de Mitjans Audiovisuals · <a href="@BASE@/3cat/avis-legal/">Avís legal</a> · <a href="@BASE@/3cat/politica-de-galetes/">Política de galetes</a></footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"tipus":"audio","id":1198734,"programa":{"id":2143,"nom":"En guàrdia!","slug":"en-guardia","canal":"cr"},"titol":"La pesta negra arriba a Barcelona (1348)","player":{"publicitat":{"preroll":"@SITE@/media/adserver/3cat/falca-15s-fira-del-llibre.mp3","durada":15},"api":"@BASE@/pvideo/media.jsp"}}},"page":"/[canal]/[slug]/audio/[id]","query":{"slug":"la-pesta-negra-arriba-a-barcelona-1348","id":"1198734"},"buildId":"k3c9Qm2vX1p","isFallback":false,"gssp":true,"scriptLoader":[]}</script>
<script src="@BASE@/_next/static/chunks/pages/audio-player-5c1e8b.js" defer></script>
</body>
</html>
"##;

const TRESCAT_JS: &str = r##"(function () {
  'use strict';
  var next = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps;
  var conf = next.player;
  var box = document.getElementById('reproductor-audio');
  var I = {
    play: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>',
    pause: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>',
    back: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z" fill="currentColor"/></svg>',
    fwd: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z" fill="currentColor"/></svg>',
    more: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="5" cy="12" r="2" fill="currentColor"/><circle cx="12" cy="12" r="2" fill="currentColor"/><circle cx="19" cy="12" r="2" fill="currentColor"/></svg>',
    dl: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg>'
  };
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), x = s % 60; return (h ? h + ':' : '') + (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x; }
  var audio = new Audio();
  var media = null, adPlayed = false, playingAd = false;
  function file(m) { var u = m.media.url; if (Array.isArray(u)) { u = u.filter(function (x) { return x.active !== false; })[0]; } return u && (u.file || u); }
  function duration(m) { return m.informacio.durada.milisegons / 1000; }
  function load(idint) {
    return fetch(conf.api + '?media=audio&idint=' + encodeURIComponent(idint) + '&format=dm', { headers: { accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }
  function start(idint) {
    box.innerHTML = '<div class="rp-now">Carregant…</div>';
    load(idint).then(function (m) {
      if (!m.informacio.estat.actiu) { box.innerHTML = '<div class="rp-now">Aquest contingut no està disponible.</div>'; return; }
      media = m;
      render();
      if (!adPlayed && conf.publicitat && conf.publicitat.preroll) {
        adPlayed = true; playingAd = true;
        box.querySelector('.rp-now').innerHTML = '<span class="rp-ad">Publicitat</span> L\'àudio començarà després de l\'anunci';
        audio.src = conf.publicitat.preroll;
      } else {
        playingAd = false; audio.src = file(m);
      }
      var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
    }).catch(function () { box.innerHTML = '<div class="rp-now">No s\'ha pogut carregar l\'àudio. Torna-ho a provar més tard.</div>'; });
  }
  audio.addEventListener('ended', function () {
    if (playingAd && media) {
      playingAd = false;
      box.querySelector('.rp-now').textContent = media.informacio.titol_complet;
      audio.src = file(media);
      var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
    }
  });
  audio.addEventListener('error', function () {
    if (playingAd && media) { playingAd = false; audio.src = file(media); }
  });
  function render() {
    box.innerHTML =
      '<div class="rp-now">' + esc(media.informacio.titol_complet) + '</div>' +
      '<div class="rp-controls">' +
        '<button type="button" class="rp-btn rp-pp" aria-label="Pausa">' + I.pause + '</button>' +
        '<button type="button" class="rp-btn rp-back" aria-label="Enrere 15 segons">' + I.back + '</button>' +
        '<button type="button" class="rp-btn rp-fwd" aria-label="Endavant 15 segons">' + I.fwd + '</button>' +
        '<div class="rp-bar"><i></i></div><span class="rp-time">00:00 / ' + fmt(duration(media)) + '</span>' +
        '<button type="button" class="rp-btn rp-more" aria-label="Més opcions" aria-haspopup="menu" aria-expanded="false">' + I.more + '</button>' +
      '</div>';
    var pp = box.querySelector('.rp-pp'), bar = box.querySelector('.rp-bar i'), time = box.querySelector('.rp-time'), more = box.querySelector('.rp-more');
    pp.addEventListener('click', function () { if (audio.paused) { audio.play(); } else { audio.pause(); } });
    audio.onplay = function () { pp.innerHTML = I.pause; pp.setAttribute('aria-label', 'Pausa'); };
    audio.onpause = function () { pp.innerHTML = I.play; pp.setAttribute('aria-label', 'Reprodueix'); };
    audio.ontimeupdate = function () { if (playingAd) { return; } var d = duration(media); bar.style.width = (100 * audio.currentTime / d) + '%'; time.textContent = fmt(audio.currentTime) + ' / ' + fmt(d); };
    box.querySelector('.rp-back').addEventListener('click', function () { if (!playingAd) { audio.currentTime = Math.max(0, audio.currentTime - 15); } });
    box.querySelector('.rp-fwd').addEventListener('click', function () { if (!playingAd) { audio.currentTime += 15; } });
    var menu = null;
    function close() { if (menu) { menu.remove(); menu = null; more.setAttribute('aria-expanded', 'false'); } }
    more.addEventListener('click', function (e) {
      e.stopPropagation();
      if (menu) { close(); return; }
      menu = document.createElement('div');
      menu.className = 'rp-menu'; menu.setAttribute('role', 'menu');
      menu.innerHTML =
        '<button type="button" role="menuitem" class="rp-share">Comparteix</button>' +
        '<a role="menuitem" href="' + esc(file(media)) + '" download>' + I.dl + 'Descarrega</a>' +
        '<button type="button" role="menuitem" class="rp-list">Afegeix a La meva llista</button>';
      box.appendChild(menu); more.setAttribute('aria-expanded', 'true');
      menu.addEventListener('click', function (ev) { ev.stopPropagation(); });
      menu.querySelector('.rp-share').addEventListener('click', function () { if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); } this.textContent = 'Enllaç copiat'; });
      menu.querySelector('.rp-list').addEventListener('click', function () { location.href = '@BASE@/3cat/accedeix/?origen=la-meva-llista'; });
    });
    document.addEventListener('click', close);
  }
  box.querySelector('.boto-escolta').addEventListener('click', function () { start(box.getAttribute('data-idint')); });
  Array.prototype.forEach.call(document.querySelectorAll('.item .mini'), function (b) {
    b.addEventListener('click', function () { box.setAttribute('data-idint', b.getAttribute('data-idint')); start(b.getAttribute('data-idint')); window.scrollTo(0, 0); });
  });
  if (document.cookie.indexOf('3cat_consent=') === -1) {
    var g = document.createElement('div');
    g.className = 'gal-backdrop';
    g.innerHTML = '<div class="gal" role="dialog" aria-modal="true" aria-labelledby="gal-t"><h2 id="gal-t">Valorem la teva privacitat</h2>' +
      '<p>Utilitzem galetes pròpies i de tercers per analitzar el trànsit, personalitzar els continguts i mostrar-te publicitat relacionada amb les teves preferències. Pots acceptar-les totes, rebutjar-les o configurar-les. Més informació a la <a href="@BASE@/3cat/politica-de-galetes/">política de galetes</a>.</p>' +
      '<div class="bt"><button type="button" class="g-no">Rebutja-les totes</button><button type="button" class="g-conf">Configura</button><button type="button" class="principal g-si">Accepta-les totes</button></div></div>';
    document.body.appendChild(g);
    var done = function (v) { document.cookie = '3cat_consent=' + v + '; path=/; max-age=31536000'; g.remove(); };
    g.querySelector('.g-si').addEventListener('click', function () { done('tot'); });
    g.querySelector('.g-no').addEventListener('click', function () { done('cap'); });
    g.querySelector('.g-conf').addEventListener('click', function () { g.querySelector('p').textContent = 'Galetes tècniques (sempre actives) · Analítiques · Publicitàries. Desa la teva selecció amb un dels botons.'; });
  }
})();
"##;

// ----------------------------------------------------------------------------------
// Radio-Canada OHdio balado episode.
//
// Imitates: an OHdio podcast episode page (`ici.radio-canada.ca/ohdio/balados/<id>/<show>/
// episodes/<id>/<slug>`, Next.js) whose data holds the episode's media id but no URL; the
// player asks the Radio-Canada media validator (`services.radio-canada.ca/media/validation
// /v2/?appCode=medianet&connectionType=hd&deviceType=ipad&idMedia=<n>&multibitrate=true
// &output=json&tech=progressive|hls`, as several public clients call it) and plays the
// returned `url`. There is no download control; the app banner and the "S'abonner" menu
// lead elsewhere. The page layout, the sticky player and the consent banner are plausible
// reconstructions. Content is fictional; the programme name is real.

/// Media ids the validator knows: id, MP3 path below /media/.
const OHDIO_MEDIA: &[(&str, &str)] = &[
    ("10491457", "rcavmedias/balado/2024/05/10491457_128.mp3"),
    ("10488112", "rcavmedias/balado/2024/05/10488112_128.mp3"),
    ("10484390", "rcavmedias/balado/2024/04/10484390_128.mp3"),
];

fn ohdio(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(OHDIO_PAGE, request);
    }
    match rest(request) {
        "_next/static/chunks/pages/ohdio/episode-7d3a10.js" => script(OHDIO_JS, request),
        "media/validation/v2" => {
            let id = query_param(request, "idMedia").unwrap_or("");
            let tech = query_param(request, "tech").unwrap_or("hls");
            let Some((id, file)) = OHDIO_MEDIA.iter().find(|m| m.0 == id) else {
                return data(
                    r#"{"url":null,"errorCode":1,"message":"Le contenu demandé n'est pas disponible.","params":[]}"#,
                    request,
                );
            };
            let url = if tech == "progressive" {
                format!("@SITE@/media/{file}")
            } else {
                format!("@SITE@/media/rcavmedias/hls/{id}/master.m3u8")
            };
            data(
                &format!(
                    "{{\"url\":\"{url}\",\"errorCode\":0,\"message\":null,\"bitrates\":null,\
                     \"params\":[{{\"name\":\"mediaType\",\"value\":\"audio\"}},{{\"name\":\"tech\",\"value\":\"{tech}\"}}]}}"
                ),
                request,
            )
        }
        _ => None,
    }
}

const OHDIO_PAGE: &str = r##"<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Le retour des baleines noires dans le golfe | Les années lumière | Radio-Canada OHdio</title>
<meta name="description" content="Pourquoi les baleines noires de l'Atlantique Nord fréquentent de plus en plus le golfe du Saint-Laurent, et ce que ça change pour les pêcheurs.">
<meta property="og:title" content="Le retour des baleines noires dans le golfe">
<meta property="og:site_name" content="Radio-Canada OHdio">
<meta property="og:type" content="article">
<meta property="og:image" content="@BASE@/image/episodes/10491457/1200x675.jpg">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Roboto",Helvetica,Arial,sans-serif;background:#fff;color:#1c1c1c}
a{color:inherit}.app-banner{display:flex;align-items:center;gap:14px;background:#1d1e25;color:#fff;padding:9px 24px;font-size:14px}.app-banner a{margin-left:auto;background:#fff;color:#1d1e25;border-radius:18px;padding:6px 14px;text-decoration:none;font-weight:700}
.hdr{display:flex;align-items:center;gap:28px;padding:0 24px;height:62px;border-bottom:1px solid #e3e3e3}.hdr .rc{font-weight:900;font-size:19px;text-decoration:none}.hdr .oh{font-weight:900;color:#e0203a}.hdr nav a{margin-right:18px;font-size:15px;text-decoration:none;color:#444}
.wrap{max-width:1040px;margin:0 auto;padding:30px 24px}.surtitre{font-size:14px;font-weight:700;color:#e0203a;text-decoration:none}
.head{display:grid;grid-template-columns:300px 1fr;gap:32px;margin-top:14px}.head img{width:300px;height:300px;object-fit:cover;border-radius:6px}
h1{font-size:36px;line-height:1.15;margin:6px 0 10px}.infos{font-size:14px;color:#666}.infos span+span::before{content:"•";margin:0 8px}
.actions{display:flex;flex-wrap:wrap;gap:10px;margin:20px 0}.btn{display:inline-flex;align-items:center;gap:8px;border-radius:24px;padding:10px 20px;font-size:15px;font-weight:700;cursor:pointer;border:1px solid #1c1c1c;background:#fff;color:#1c1c1c;text-decoration:none}
.btn.primary{background:#e0203a;border-color:#e0203a;color:#fff}.resume{font-size:17px;line-height:1.65;color:#333}
.menu{position:absolute;background:#fff;border:1px solid #ddd;border-radius:8px;box-shadow:0 8px 26px rgba(0,0,0,.15);padding:6px 0;min-width:220px;z-index:20}.menu a{display:block;padding:9px 16px;text-decoration:none;font-size:14px}.menu a:hover{background:#f4f4f4}
.episodes h2{font-size:22px;margin:42px 0 12px}.episodes ul{list-style:none;margin:0;padding:0}.episodes li{display:flex;align-items:center;gap:16px;padding:14px 0;border-top:1px solid #eee}
.episodes li img{width:72px;height:72px;border-radius:4px;object-fit:cover}.episodes li .t{flex:1}.episodes li .t a{font-weight:700;text-decoration:none}.episodes li .t small{display:block;color:#777;margin-top:3px}
.episodes li button{border:1px solid #1c1c1c;background:#fff;border-radius:50%;width:40px;height:40px;cursor:pointer;display:flex;align-items:center;justify-content:center}
.lecteur{position:fixed;left:0;right:0;bottom:0;background:#1d1e25;color:#fff;display:flex;align-items:center;gap:14px;padding:10px 24px;z-index:40}.lecteur .titre{flex:0 1 320px;font-size:14px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lecteur button{background:none;border:0;color:#fff;cursor:pointer;width:38px;height:38px;border-radius:50%;display:flex;align-items:center;justify-content:center}.lecteur button:hover{background:#2e303a}
.lecteur .barre{flex:1;height:4px;background:#484a55;border-radius:2px;position:relative}.lecteur .barre i{position:absolute;left:0;top:0;bottom:0;width:0;background:#e0203a;border-radius:2px}.lecteur .temps{font-size:12px;color:#bbb;font-variant-numeric:tabular-nums}
.temoins{position:fixed;left:16px;right:16px;bottom:16px;max-width:760px;margin:0 auto;background:#fff;border-radius:8px;box-shadow:0 4px 28px rgba(0,0,0,.25);padding:18px 20px;z-index:60;font-size:14px;line-height:1.5}
.temoins .bt{display:flex;gap:10px;justify-content:flex-end;margin-top:10px}.temoins button{border-radius:20px;padding:8px 18px;font-weight:700;cursor:pointer;border:1px solid #1c1c1c;background:#fff}.temoins button.ok{background:#1c1c1c;color:#fff}
footer{border-top:1px solid #e3e3e3;margin-top:50px;padding:24px;font-size:13px;color:#777;text-align:center}
</style>
</head>
<body>
<div id="__next">
<div class="app-banner"><span>Écoutez vos balados hors ligne avec l'application Radio-Canada OHdio.</span><a href="@BASE@/app/ohdio-telecharger">Télécharger l'application</a></div>
<header class="hdr"><a class="rc" href="@BASE@/home/">Radio-Canada <span class="oh">OHdio</span></a><nav><a href="@BASE@/ohdio/balados">Balados</a><a href="@BASE@/ohdio/livres-audio">Livres audio</a><a href="@BASE@/ohdio/musique">Musique</a><a href="@BASE@/ohdio/radio">Radio en direct</a></nav></header>
<main class="wrap">
  <a class="surtitre" href="@BASE@/ohdio/balados/5932/les-annees-lumiere">Les années lumière</a>
  <section class="head">
    <img src="@BASE@/image/episodes/10491457/600x600.jpg" alt="">
    <div>
      <h1>Le retour des baleines noires dans le golfe</h1>
      <div class="infos"><span>Épisode 214</span><span>Publié le 12 mai 2024</span><span>28 min</span></div>
      <div class="actions">
        <button type="button" class="btn primary js-ecouter" data-media-id="10491457"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Écouter</button>
        <button type="button" class="btn js-abonner" aria-haspopup="menu" aria-expanded="false">S'abonner</button>
        <button type="button" class="btn js-partager">Partager</button>
        <button type="button" class="btn js-liste" aria-label="Ajouter à ma liste">+ Ma liste</button>
      </div>
      <p class="resume">Il y a quinze ans, on en voyait à peine quelques-unes. Aujourd'hui, plus d'une centaine de baleines noires de l'Atlantique Nord passent l'été dans le golfe du Saint-Laurent. Pourquoi ont-elles changé de route, et qu'est-ce que ça change pour les pêcheurs de crabe des neiges et pour la navigation? Avec la biologiste Véronique Lesage et le pêcheur Jean-Guy Cormier, de Shippagan.</p>
    </div>
  </section>
  <section class="episodes">
    <h2>Épisodes précédents</h2>
    <ul>
      <li><img src="@BASE@/image/episodes/10488112/144x144.jpg" alt=""><div class="t"><a href="@BASE@/ohdio/balados/5932/les-annees-lumiere/episodes/788210/premiers-vaccins-arn">Les premiers vaccins à ARN, 30 ans avant la COVID</a><small>5 mai 2024 • 31 min</small></div><button type="button" class="js-ecouter" data-media-id="10488112" aria-label="Écouter l'épisode Les premiers vaccins à ARN, 30 ans avant la COVID"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button></li>
      <li><img src="@BASE@/image/episodes/10484390/144x144.jpg" alt=""><div class="t"><a href="@BASE@/ohdio/balados/5932/les-annees-lumiere/episodes/787402/eclipse-totale">L'éclipse totale vue de Sherbrooke</a><small>28 avril 2024 • 27 min</small></div><button type="button" class="js-ecouter" data-media-id="10484390" aria-label="Écouter l'épisode L'éclipse totale vue de Sherbrooke"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button></li>
    </ul>
  </section>
</main>
<footer>© Société Radio-Canada. Tous droits réservés. · <a href="@BASE@/conditions-utilisation">Conditions d'utilisation</a> · <a href="@BASE@/politique-confidentialite">Confidentialité</a> · <a href="#" class="js-temoins">Paramètres des témoins</a></footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"data":{"content":{"header":{"title":"Le retour des baleines noires dans le golfe","programme":{"id":5932,"title":"Les années lumière","url":"/ohdio/balados/5932/les-annees-lumiere"},"episodeNumber":214,"publishedAt":"2024-05-12T17:00:00.000Z","duration":{"durationInSeconds":1682,"label":"28 min"}},"media":{"mediaId":"10491457","appCode":"medianet","type":"audio","isPodcast":true,"contentType":"episode"},"previousEpisodes":[{"id":788210,"mediaId":"10488112","title":"Les premiers vaccins à ARN, 30 ans avant la COVID"},{"id":787402,"mediaId":"10484390","title":"L'éclipse totale vue de Sherbrooke"}]}},"validator":"@BASE@/media/validation/v2/"}},"page":"/ohdio/balados/[programmeId]/[programmeSlug]/episodes/[episodeId]/[episodeSlug]","query":{"programmeId":"5932","episodeId":"789014"},"buildId":"rc-ohdio-2024.05.2","isFallback":false,"gssp":true}</script>
<script src="@BASE@/_next/static/chunks/pages/ohdio/episode-7d3a10.js" defer></script>
</body>
</html>
"##;

const OHDIO_JS: &str = r##"(function () {
  'use strict';
  var props = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps;
  var validator = props.validator;
  var I = {
    play: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>',
    pause: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>',
    back: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z" fill="currentColor"/></svg>',
    fwd: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z" fill="currentColor"/></svg>',
    close: '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M6 5l13 13-1 1L5 6zm12 0l1 1L6 19l-1-1z" fill="currentColor"/></svg>'
  };
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var m = Math.floor(s / 60), x = s % 60; return m + ':' + (x < 10 ? '0' : '') + x; }
  var audio = new Audio();
  var bar = null;
  function titleFor(id) {
    if (id === props.data.content.media.mediaId) { return props.data.content.header.title; }
    var e = props.data.content.previousEpisodes.filter(function (x) { return x.mediaId === id; })[0];
    return e ? e.title : '';
  }
  function player(id) {
    if (!bar) {
      bar = document.createElement('div');
      bar.className = 'lecteur'; bar.setAttribute('role', 'region'); bar.setAttribute('aria-label', 'Lecteur audio');
      document.body.appendChild(bar);
    }
    bar.innerHTML = '<button type="button" class="l-pp" aria-label="Pause">' + I.pause + '</button><button type="button" class="l-back" aria-label="Reculer de 15 secondes">' + I.back + '</button><button type="button" class="l-fwd" aria-label="Avancer de 15 secondes">' + I.fwd + '</button>' +
      '<div class="titre">' + esc(titleFor(id)) + '</div><div class="barre"><i></i></div><span class="temps">0:00</span><button type="button" class="l-vit" aria-label="Vitesse de lecture" style="width:auto;padding:0 8px;border-radius:14px;font-size:12px">1x</button><button type="button" class="l-close" aria-label="Fermer le lecteur">' + I.close + '</button>';
    var pp = bar.querySelector('.l-pp'), fill = bar.querySelector('.barre i'), time = bar.querySelector('.temps');
    pp.addEventListener('click', function () { if (audio.paused) { audio.play(); } else { audio.pause(); } });
    audio.onplay = function () { pp.innerHTML = I.pause; pp.setAttribute('aria-label', 'Pause'); };
    audio.onpause = function () { pp.innerHTML = I.play; pp.setAttribute('aria-label', 'Lecture'); };
    audio.ontimeupdate = function () { var d = isFinite(audio.duration) ? audio.duration : 1682; fill.style.width = (100 * audio.currentTime / d) + '%'; time.textContent = fmt(audio.currentTime); };
    bar.querySelector('.l-back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
    bar.querySelector('.l-fwd').addEventListener('click', function () { audio.currentTime += 15; });
    var rates = [1, 1.25, 1.5, 2], ri = 0;
    bar.querySelector('.l-vit').addEventListener('click', function () { ri = (ri + 1) % rates.length; audio.playbackRate = rates[ri]; this.textContent = String(rates[ri]).replace('.', ',') + 'x'; });
    bar.querySelector('.l-close').addEventListener('click', function () { audio.pause(); bar.remove(); bar = null; });
  }
  function listen(id) {
    var q = 'appCode=medianet&connectionType=hd&deviceType=ipad&idMedia=' + encodeURIComponent(id) + '&multibitrate=true&output=json&tech=progressive';
    fetch(validator + '?' + q, { headers: { accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (v) {
      if (!v.url) { alert(v.message || 'Contenu non disponible'); return; }
      player(id);
      audio.src = v.url;
      var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.js-ecouter'), function (b) { b.addEventListener('click', function () { listen(b.getAttribute('data-media-id')); }); });
  var menu = null;
  function closeMenu() { if (menu) { menu.remove(); menu = null; document.querySelector('.js-abonner').setAttribute('aria-expanded', 'false'); } }
  document.querySelector('.js-abonner').addEventListener('click', function (e) {
    e.stopPropagation();
    if (menu) { closeMenu(); return; }
    var r = this.getBoundingClientRect();
    menu = document.createElement('div'); menu.className = 'menu'; menu.setAttribute('role', 'menu');
    menu.style.left = (r.left + window.scrollX) + 'px'; menu.style.top = (r.bottom + window.scrollY + 6) + 'px';
    menu.innerHTML = '<a role="menuitem" href="@BASE@/app/ohdio-telecharger">Application OHdio</a><a role="menuitem" href="@BASE@/out/apple-podcasts">Apple Podcasts</a><a role="menuitem" href="@BASE@/out/spotify">Spotify</a><a role="menuitem" href="@BASE@/out/youtube-music">YouTube Music</a>';
    document.body.appendChild(menu); this.setAttribute('aria-expanded', 'true');
  });
  document.addEventListener('click', closeMenu);
  document.querySelector('.js-partager').addEventListener('click', function () { if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); } this.textContent = 'Lien copié'; });
  document.querySelector('.js-liste').addEventListener('click', function () { location.href = '@BASE@/connexion?retour=ma-liste'; });
  function consent() {
    var t = document.createElement('div');
    t.className = 'temoins'; t.setAttribute('role', 'dialog'); t.setAttribute('aria-label', 'Témoins de navigation');
    t.innerHTML = '<strong>Votre vie privée</strong><div>Radio-Canada utilise des témoins de navigation (cookies) et d\'autres technologies pour améliorer votre expérience, mesurer l\'auditoire et personnaliser le contenu et la publicité. Vous pouvez accepter, refuser ou personnaliser leur utilisation.</div>' +
      '<div class="bt"><button type="button" class="t-perso">Personnaliser</button><button type="button" class="t-non">Tout refuser</button><button type="button" class="ok t-oui">Tout accepter</button></div>';
    document.body.appendChild(t);
    var done = function (v) { document.cookie = 'rc_consent=' + v + '; path=/; max-age=15552000'; t.remove(); };
    t.querySelector('.t-oui').addEventListener('click', function () { done('all'); });
    t.querySelector('.t-non').addEventListener('click', function () { done('none'); });
    t.querySelector('.t-perso').addEventListener('click', function () { t.querySelector('div').textContent = 'Témoins essentiels (toujours actifs), mesure d\'auditoire, publicité personnalisée.'; });
  }
  if (document.cookie.indexOf('rc_consent=') === -1) { setTimeout(consent, 500); }
  document.querySelector('.js-temoins').addEventListener('click', function (e) { e.preventDefault(); consent(); });
})();
"##;

// ----------------------------------------------------------------------------------
// ERR Jupiter audio page.
//
// Imitates: ERR's Jupiter (`jupiter.err.ee/<contentId>/<slug>`), a Vue/Nuxt single-page
// app whose server HTML is an empty shell; the app asks `services.err.ee/api/v2/vodContent/
// getContentPageData?contentId=<id>` and renders the heading, the programme and
// `mainContent.medias[].src` (`hls` for playback, `file` for download), as public ERR
// downloaders read it. "Kuula" streams the HLS; the icon-only title="Laadi alla" button
// builds an `<a download>` for the file. The consent dialog blocks the page until answered.
// The rendered markup and the Estonian labels are plausible reconstructions. Content is
// fictional; the programme and station names are real.

fn err_jupiter(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(ERR_PAGE, request);
    }
    match rest(request) {
        "_nuxt/app.8c2f41d.js" => script(ERR_JS, request),
        "api/v2/vodContent/getContentPageData" => match query_param(request, "contentId") {
            Some("1609318377") => data(ERR_JSON, request),
            _ => with_status(
                StatusCode::NOT_FOUND,
                "{\"apiVersion\":2,\"data\":null,\"error\":{\"code\":404,\"message\":\"Not found\"}}",
            ),
        },
        _ => None,
    }
}

const ERR_PAGE: &str = r##"<!doctype html>
<html lang="et" data-n-head="%7B%22lang%22:%7B%22ssr%22:%22et%22%7D%7D">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Keelesaade. Lumi ja sõnad | Jupiter | ERR</title>
<meta data-n-head="ssr" data-hid="description" name="description" content="Kui palju sõnu on eesti keeles lume kohta? Keelesaade uurib.">
<meta data-n-head="ssr" data-hid="og:title" property="og:title" content="Keelesaade. Lumi ja sõnad">
<meta data-n-head="ssr" data-hid="og:image" property="og:image" content="@BASE@/photos/keelesaade-lumi-1200.jpg">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Roboto",Arial,sans-serif;background:#0b1521;color:#e9eef4}
a{color:inherit}.j-header{display:flex;align-items:center;gap:26px;height:60px;padding:0 28px;background:#07101a;border-bottom:1px solid #15263a}
.j-logo{font-weight:900;font-size:22px;letter-spacing:.02em;text-decoration:none}.j-header nav a{margin-right:18px;font-size:15px;text-decoration:none;color:#aeb9c6}.j-header .login{margin-left:auto;font-size:14px;text-decoration:none;color:#aeb9c6}
.j-wrap{max-width:1100px;margin:0 auto;padding:34px 28px}.j-loading{padding:120px 0;text-align:center;color:#6f7f91}
.j-hero{display:grid;grid-template-columns:360px 1fr;gap:34px}.j-hero img{width:360px;height:360px;border-radius:8px;object-fit:cover}
.j-kicker{font-size:14px;color:#6cc4ff;text-transform:uppercase;letter-spacing:.08em;font-weight:700}.j-hero h1{font-size:36px;line-height:1.15;margin:8px 0 10px}
.j-meta{font-size:14px;color:#8c9bad}.j-meta span+span::before{content:"|";margin:0 8px;color:#3c4d61}.j-lead{font-size:17px;line-height:1.6;color:#cdd6e0;margin:18px 0}
.j-actions{display:flex;align-items:center;gap:10px;margin-top:18px}.j-listen{display:inline-flex;align-items:center;gap:10px;background:#6cc4ff;color:#06111d;border:0;border-radius:26px;padding:12px 26px;font-weight:700;font-size:16px;cursor:pointer}
.j-icon{width:44px;height:44px;border-radius:50%;border:1px solid #2a3d53;background:none;color:#e9eef4;cursor:pointer;display:flex;align-items:center;justify-content:center}.j-icon:hover{background:#15263a}
.j-now{margin-top:16px;display:flex;align-items:center;gap:12px;background:#101f30;border-radius:8px;padding:10px 14px;font-size:13px}.j-now .bar{flex:1;height:4px;background:#2a3d53;border-radius:2px;position:relative}.j-now .bar i{position:absolute;left:0;top:0;bottom:0;width:0;background:#6cc4ff}
.j-toast{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);background:#e9eef4;color:#0b1521;border-radius:6px;padding:10px 16px;font-size:14px;z-index:80}
.j-more h2{font-size:20px;margin:44px 0 14px}.j-grid{display:grid;grid-template-columns:repeat(4,1fr);gap:16px}.j-card{text-decoration:none}.j-card img{width:100%;height:140px;object-fit:cover;border-radius:6px;display:block}.j-card span{display:block;font-size:14px;margin-top:8px}.j-card small{color:#8c9bad}
.j-footer{border-top:1px solid #15263a;margin-top:60px;padding:24px 28px;font-size:12px;color:#6f7f91}
.cc-back{position:fixed;inset:0;background:rgba(3,8,14,.82);z-index:1000;display:flex;align-items:center;justify-content:center}
.cc{background:#fff;color:#1b2530;border-radius:10px;max-width:520px;width:92vw;padding:26px 28px;font-size:14px;line-height:1.55}.cc h2{margin:0 0 10px;font-size:20px}
.cc .row{display:flex;gap:10px;justify-content:flex-end;margin-top:18px}.cc button{border-radius:22px;padding:10px 18px;font-weight:700;cursor:pointer;border:1px solid #1b2530;background:#fff;color:#1b2530}.cc button.yes{background:#0a6ebd;border-color:#0a6ebd;color:#fff}
</style>
</head>
<body>
<div id="__nuxt"><div id="__layout"><div class="j-app">
<header class="j-header"><a class="j-logo" href="@BASE@/home/">JUPITER</a><nav><a href="@BASE@/saated">Saated</a><a href="@BASE@/filmid">Filmid</a><a href="@BASE@/raadio">Raadio</a><a href="@BASE@/podcastid">Podcastid</a><a href="@BASE@/otse">Otse</a></nav><a class="login" href="@BASE@/login">Logi sisse</a></header>
<main class="j-wrap" id="j-content"><div class="j-loading">Laadimine…</div></main>
<footer class="j-footer">© Eesti Rahvusringhääling · <a href="@BASE@/kasutustingimused">Kasutustingimused</a> · <a href="@BASE@/kupsised">Küpsised</a></footer>
</div></div></div>
<script>window.__NUXT__={layout:"default",data:[{}],fetch:{},error:null,state:{route:{contentId:1609318377,rootId:1038081},user:null},serverRendered:true,routePath:"\u002F1609318377\u002Fkeelesaade-lumi-ja-sonad",config:{apiBase:"@BASE@\u002Fapi\u002Fv2"}};</script>
<script src="@BASE@/_nuxt/app.8c2f41d.js" defer></script>
</body>
</html>
"##;

const ERR_JSON: &str = r##"{"apiVersion":2,"data":{"mainContent":{"id":1609318377,"rootContentId":1038081,"type":"audio","heading":"Keelesaade. Lumi ja sõnad","subHeading":"Vikerraadio","rootCategoryName":"Raadio","lead":"<p>Kui palju sõnu on eesti keeles lume kohta? Rohkem, kui arvata oskaks: lörts, lobjakas, kirme, tuisk, nõrgumine. Keelesaade räägib murdesõnadest ja sellest, miks linlane neid enam ei tea. Külas on keeleteadlane Mari-Liis Paju.</p>","publicStart":1715422200,"scheduleStart":1715422200,"duration":1498,"canDownload":true,"photos":[{"photoUrlBase":"@BASE@/photos/keelesaade-lumi","photoTypes":{"600":{"url":"@BASE@/photos/keelesaade-lumi-600.jpg"}}}],"medias":[{"id":"a1f8c3e2","type":"audio","duration":1498,"src":{"hls":"@SITE@/media/err/vod/vikerraadio/2024/05/keelesaade-2024-05-11/index.m3u8","file":"@SITE@/media/err/mediadl/vikerraadio/2024/05/keelesaade-2024-05-11-lumi-ja-sonad.mp3"},"restrictions":{"geoBlock":false}}]},"seasonList":{"items":[{"id":1609311204,"heading":"Keelesaade. Võõrsõnad köögis","publicStart":1714817400,"url":"@BASE@/1609311204/keelesaade-voorsonad-koogis"},{"id":1609303561,"heading":"Keelesaade. Kuidas kõnelevad linnud","publicStart":1714212600,"url":"@BASE@/1609303561/keelesaade-kuidas-konelevad-linnud"},{"id":1609296018,"heading":"Keelesaade. Nimepäevad","publicStart":1713607800,"url":"@BASE@/1609296018/keelesaade-nimepaevad"},{"id":1609288990,"heading":"Keelesaade. Kirjavahemärgid","publicStart":1713003000,"url":"@BASE@/1609288990/keelesaade-kirjavahemargid"}]}}}"##;

const ERR_JS: &str = r##"(function () {
  'use strict';
  var N = window.__NUXT__;
  var root = document.getElementById('j-content');
  var I = {
    play: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>',
    pause: '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>',
    heart: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 21s-7-4.4-9.3-9A5.4 5.4 0 0 1 12 6a5.4 5.4 0 0 1 9.3 6c-2.3 4.6-9.3 9-9.3 9z" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    share: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z" fill="currentColor"/></svg>',
    dl: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M11 4h2v9l3-3 1.4 1.4L12 16.8 6.6 11.4 8 10l3 3zM5 18h14v2H5z" fill="currentColor"/></svg>'
  };
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var m = Math.floor(s / 60), x = s % 60; return (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x; }
  function date(t) { var d = new Date(t * 1000); return ('0' + d.getDate()).slice(-2) + '.' + ('0' + (d.getMonth() + 1)).slice(-2) + '.' + d.getFullYear(); }
  function toast(text) { var t = document.createElement('div'); t.className = 'j-toast'; t.textContent = text; document.body.appendChild(t); setTimeout(function () { t.remove(); }, 2600); }
  var url = N.config.apiBase + '/vodContent/getContentPageData?contentId=' + N.state.route.contentId + '&rootId=' + N.state.route.rootId;
  setTimeout(function () {
    fetch(url, { headers: { accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (res) { render(res.data); })
      .catch(function () { root.innerHTML = '<div class="j-loading">Sisu laadimine ebaõnnestus.</div>'; });
  }, 600);
  function render(d) {
    var c = d.mainContent, m = c.medias[0];
    root.innerHTML =
      '<section class="j-hero"><img src="' + esc(c.photos[0].photoTypes['600'].url) + '" alt="">' +
      '<div><div class="j-kicker">' + esc(c.subHeading) + '</div><h1>' + esc(c.heading) + '</h1>' +
      '<div class="j-meta"><span>' + date(c.publicStart) + '</span><span>' + fmt(c.duration) + '</span><span>' + esc(c.rootCategoryName) + '</span></div>' +
      '<div class="j-lead">' + c.lead + '</div>' +
      '<div class="j-actions"><button type="button" class="j-listen">' + I.play + '<span>Kuula</span></button>' +
      '<button type="button" class="j-icon j-fav" title="Lisa lemmikutesse">' + I.heart + '</button>' +
      '<button type="button" class="j-icon j-share" title="Jaga">' + I.share + '</button>' +
      (c.canDownload ? '<button type="button" class="j-icon j-dl" title="Laadi alla">' + I.dl + '</button>' : '') +
      '</div></div></section>' +
      '<section class="j-more"><h2>Kõik saated</h2><div class="j-grid">' +
      d.seasonList.items.map(function (x) { return '<a class="j-card" href="' + esc(x.url) + '"><img src="@BASE@/photos/' + x.id + '-600.jpg" alt=""><span>' + esc(x.heading) + '</span><small>' + date(x.publicStart) + '</small></a>'; }).join('') +
      '</div></section>';
    var audio = new Audio();
    var listen = root.querySelector('.j-listen');
    var now = null;
    listen.addEventListener('click', function () {
      if (!audio.src) { audio.src = m.src.hls; }
      if (!now) {
        now = document.createElement('div'); now.className = 'j-now';
        now.innerHTML = '<span class="t">00:00</span><div class="bar"><i></i></div><span>' + fmt(m.duration) + '</span>';
        root.querySelector('.j-hero > div').appendChild(now);
      }
      if (audio.paused) { var p = audio.play(); if (p && p.catch) { p.catch(function () {}); } } else { audio.pause(); }
    });
    audio.addEventListener('play', function () { listen.innerHTML = I.pause + '<span>Paus</span>'; });
    audio.addEventListener('pause', function () { listen.innerHTML = I.play + '<span>Kuula</span>'; });
    audio.addEventListener('error', function () { toast('Esitamine ebaõnnestus. Proovi hiljem uuesti.'); listen.innerHTML = I.play + '<span>Kuula</span>'; });
    audio.addEventListener('timeupdate', function () { if (now) { now.querySelector('.t').textContent = fmt(audio.currentTime); now.querySelector('.bar i').style.width = (100 * audio.currentTime / m.duration) + '%'; } });
    root.querySelector('.j-fav').addEventListener('click', function () { toast('Lemmikute lisamiseks logi sisse.'); });
    root.querySelector('.j-share').addEventListener('click', function () { if (navigator.clipboard) { navigator.clipboard.writeText(location.href).catch(function () {}); } toast('Link kopeeritud'); });
    var dl = root.querySelector('.j-dl');
    if (dl) {
      dl.addEventListener('click', function () {
        var a = document.createElement('a');
        a.href = m.src.file;
        a.download = m.src.file.split('/').pop();
        document.body.appendChild(a); a.click(); a.remove();
        toast('Allalaadimine algas');
      });
    }
  }
  if (document.cookie.indexOf('err_consent=') === -1) {
    var b = document.createElement('div');
    b.className = 'cc-back';
    b.innerHTML = '<div class="cc" role="dialog" aria-modal="true" aria-labelledby="cc-t"><h2 id="cc-t">ERR kasutab küpsiseid</h2>' +
      '<p>Kasutame küpsiseid, et veebilehed toimiksid, et mõõta külastatavust ja et pakkuda sulle sobivat sisu. Vajalikud küpsised on alati lubatud. Teisi küpsiseid kasutame ainult sinu nõusolekul.</p>' +
      '<p><a href="@BASE@/kupsised">Loe lähemalt küpsiste kohta</a></p>' +
      '<div class="row"><button type="button" class="set">Seaded</button><button type="button" class="no">Luban ainult vajalikud</button><button type="button" class="yes">Nõustun kõigiga</button></div></div>';
    document.body.appendChild(b);
    var done = function (v) { document.cookie = 'err_consent=' + v + '; path=/; max-age=31536000'; b.remove(); };
    b.querySelector('.yes').addEventListener('click', function () { done('all'); });
    b.querySelector('.no').addEventListener('click', function () { done('necessary'); });
    b.querySelector('.set').addEventListener('click', function () { b.querySelector('p').textContent = 'Vajalikud küpsised (alati lubatud) · Statistika · Turundus. Vali allolevatest nuppudest.'; });
  }
})();
"##;

// ----------------------------------------------------------------------------------
// NHK らじる★らじる 聞き逃し (catch-up) player page: HLS only.
//
// Imitates: NHK's catch-up radio player (`www.nhk.or.jp/radio/player/ondemand.html?p=
// <site_id>_<corner_site_id>_<episode_id>`), which reads `radio-api/app/v1/web/ondemand/
// series?site_id=<id>&corner_site_id=<nn>` (title, radio_broadcast, episodes[] with id,
// program_title, onair_date, closed_at, stream_url), as yt-dlp's nhk.py and other public
// clients read it: the only audio is an HLS `radio-stream.nhk.jp/.../index.m3u8`. The page
// says catch-up audio cannot be downloaded; its "ダウンロード" labels lead to the app and to a
// paid shop. The layout and wording are plausible reconstructions. Content is fictional;
// the programme name is real. There is no MP3: the right outcome is awaiting_human.

fn nhk(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(NHK_PAGE, request);
    }
    match rest(request) {
        "radio/player/js/ondemand-player.2024051.js" => script(NHK_JS, request),
        "radio-api/app/v1/web/ondemand/series" => {
            if query_param(request, "site_id") == Some("LG96ZW5KZ4")
                && query_param(request, "corner_site_id") == Some("01")
            {
                data(NHK_SERIES_JSON, request)
            } else {
                with_status(StatusCode::NOT_FOUND, "{\"error\":\"not found\"}")
            }
        }
        _ => None,
    }
}

const NHK_PAGE: &str = r##"<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>ラジオ深夜便 - 聞き逃し配信 | NHKラジオ らじる★らじる</title>
<meta name="description" content="NHKラジオ らじる★らじるの聞き逃し配信。放送後1週間、いつでもお聴きいただけます。">
<meta property="og:title" content="ラジオ深夜便 | らじる★らじる 聞き逃し">
<meta property="og:image" content="@BASE@/prog/img/LG96ZW5KZ4/LG96ZW5KZ4_01_og.jpg">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Hiragino Kaku Gothic ProN","Noto Sans JP",Meiryo,sans-serif;background:#f5f5f5;color:#222;font-size:15px}
a{color:#0a5bb5}.nhk-header{background:#fff;border-bottom:1px solid #ddd}.nhk-header .in{max-width:1000px;margin:0 auto;display:flex;align-items:center;gap:20px;padding:10px 16px}
.nhk-logo{font-weight:900;font-size:22px;text-decoration:none;color:#222}.radiru{font-weight:700;color:#e6007e;text-decoration:none}.nhk-header nav{margin-left:auto;display:flex;gap:14px;font-size:13px}.nhk-header nav a{text-decoration:none;color:#444}
.app-dl{display:flex;align-items:center;gap:12px;background:#fff4fa;border:1px solid #f4c4dd;border-radius:6px;padding:10px 14px;margin:16px 0;font-size:13px}.app-dl a{margin-left:auto;background:#e6007e;color:#fff;text-decoration:none;border-radius:16px;padding:6px 14px;font-weight:700}
.wrap{max-width:1000px;margin:0 auto;padding:0 16px 40px}.series{display:flex;gap:18px;background:#fff;border-radius:8px;padding:18px;margin-top:18px}.series img{width:160px;height:160px;border-radius:6px;object-fit:cover}
.series h1{font-size:24px;margin:2px 0 6px}.series .ch{display:inline-block;background:#222;color:#fff;font-size:12px;border-radius:3px;padding:1px 6px;margin-right:6px}.series .sched{font-size:13px;color:#666}
.ep{background:#fff;border-radius:8px;padding:18px;margin-top:14px}.ep h2{font-size:18px;margin:0 0 6px}.ep .sub{font-size:14px;color:#444;line-height:1.6}.ep .date{font-size:13px;color:#666;margin-top:8px}.ep .closed{font-size:13px;color:#c00;margin-top:2px}
.ctrl{display:flex;align-items:center;gap:12px;margin-top:14px}.play{display:inline-flex;align-items:center;gap:8px;background:#e6007e;color:#fff;border:0;border-radius:22px;padding:10px 22px;font-size:15px;font-weight:700;cursor:pointer}
.seek{flex:1;height:5px;background:#e3e3e3;border-radius:3px;position:relative}.seek i{position:absolute;left:0;top:0;bottom:0;width:0;background:#e6007e;border-radius:3px}.time{font-size:12px;color:#666;font-variant-numeric:tabular-nums}
.msg{font-size:13px;color:#c00;margin-top:8px}.note{font-size:12px;color:#666;line-height:1.7;margin-top:12px;border-top:1px solid #eee;padding-top:10px}
.list h3{font-size:16px;margin:26px 0 8px}.list ul{list-style:none;margin:0;padding:0;background:#fff;border-radius:8px}.list li{display:flex;align-items:center;gap:12px;padding:12px 16px;border-top:1px solid #eee}.list li:first-child{border-top:0}
.list li .t{flex:1}.list li small{display:block;color:#777;font-size:12px}.list li button{border:1px solid #e6007e;color:#e6007e;background:#fff;border-radius:16px;padding:5px 12px;cursor:pointer;font-size:13px}
.shop{background:#fff;border-radius:8px;padding:14px 18px;margin-top:22px;font-size:13px;line-height:1.7}.shop h3{font-size:14px;margin:0 0 6px}
.nhk-footer{text-align:center;font-size:12px;color:#888;padding:24px}
</style>
</head>
<body>
<header class="nhk-header"><div class="in"><a class="nhk-logo" href="@BASE@/home/">NHK</a><a class="radiru" href="@BASE@/radio/">らじる★らじる</a><nav><a href="@BASE@/radio/live/">ライブ</a><a href="@BASE@/radio/ondemand/">聞き逃し</a><a href="@BASE@/radio/hensei/">番組表</a><a href="@BASE@/radio/ondemand/search/">番組をさがす</a></nav></div></header>
<div class="wrap">
  <div class="app-dl"><span>スマートフォンなら「NHKラジオ らじる★らじる」アプリが便利です。</span><a href="@BASE@/app/radiru-download">アプリをダウンロード</a></div>
  <div id="ondemand-player" data-p="LG96ZW5KZ4_01_4251382" data-api="@BASE@/radio-api/app/v1/web/ondemand/series">
    <div class="series"><div style="padding:40px;color:#999">読み込み中…</div></div>
  </div>
  <div class="shop">
    <h3>番組関連商品</h3>
    <p>月刊誌「ラジオ深夜便」や、人気インタビューを収録したCD・書籍はNHKショップでお求めいただけます。<br>
    <a href="@BASE@/shop/shinyabin/cd">CD・書籍のご購入</a>　<a href="@BASE@/shop/shinyabin/audio-download">音声ダウンロード販売（有料）はこちら</a></p>
  </div>
</div>
<footer class="nhk-footer">© NHK (Japan Broadcasting Corporation) · <a href="@BASE@/rules/">NHKのサービスについて</a> · <a href="@BASE@/privacy/">個人情報保護</a></footer>
<script src="@BASE@/radio/player/js/ondemand-player.2024051.js" defer></script>
</body>
</html>
"##;

const NHK_SERIES_JSON: &str = r##"{"id":1226,"title":"ラジオ深夜便","radio_broadcast":"R1","schedule":"毎日 午後11時05分","corner_id":1,"corner_name":"","thumbnail_url":"@BASE@/prog/img/LG96ZW5KZ4/LG96ZW5KZ4_01_thumbnail.jpg","series_description":"深夜から早朝にかけて、音楽やインタビュー、季節の話題をゆったりとお届けします。","series_url":"@BASE@/radio/ondemand/detail.html?p=LG96ZW5KZ4_01","share_text_title":"ラジオ深夜便","episodes":[{"id":4251382,"program_title":"ラジオ深夜便 ▽明日へのことば","program_sub_title":"「九十歳、いまも機を織る」染織家 石原千代","onair_date":"5月14日(火)午前4:05放送","closed_at":"2024年5月21日(火)午前5:00配信終了","stream_url":"@SITE@/media/nhk/radio-stream/ondemand/4251382/index.m3u8","aa_contents_id":"[radioepisode]id=4251382;program_id=R1_20240514_0405;date=2024-05-14T04:05:00+09:00_2024-05-14T05:00:00+09:00","duration":3300},{"id":4250917,"program_title":"ラジオ深夜便 ▽にっぽんの歌こころの歌","program_sub_title":"作家で選ぶ 船村徹作品集","onair_date":"5月13日(月)午前3:05放送","closed_at":"2024年5月20日(月)午前4:00配信終了","stream_url":"@SITE@/media/nhk/radio-stream/ondemand/4250917/index.m3u8","aa_contents_id":"[radioepisode]id=4250917;program_id=R1_20240513_0305","duration":3300},{"id":4250544,"program_title":"ラジオ深夜便 ▽ミッドナイトトーク","program_sub_title":"山小屋の四季 北アルプス・涸沢から","onair_date":"5月12日(日)午前1:05放送","closed_at":"2024年5月19日(日)午前2:00配信終了","stream_url":"@SITE@/media/nhk/radio-stream/ondemand/4250544/index.m3u8","aa_contents_id":"[radioepisode]id=4250544;program_id=R1_20240512_0105","duration":3300}]}"##;

const NHK_JS: &str = r##"(function () {
  'use strict';
  var box = document.getElementById('ondemand-player');
  var p = new URLSearchParams(location.search).get('p') || box.getAttribute('data-p');
  var parts = p.split('_');
  var siteId = parts[0], cornerId = parts[1], episodeId = parseInt(parts[2], 10);
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function fmt(s) { s = Math.max(0, Math.floor(s || 0)); var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), x = s % 60; return (h ? h + ':' : '') + (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x; }
  var PLAY = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  fetch(box.getAttribute('data-api') + '?site_id=' + siteId + '&corner_site_id=' + cornerId).then(function (r) { return r.json(); }).then(function (s) {
    var ep = s.episodes.filter(function (e) { return e.id === episodeId; })[0] || s.episodes[0];
    var others = s.episodes.filter(function (e) { return e !== ep; });
    box.innerHTML =
      '<div class="series"><img src="' + esc(s.thumbnail_url) + '" alt=""><div><span class="ch">' + esc(s.radio_broadcast === 'R1' ? 'ラジオ第1' : s.radio_broadcast) + '</span><span class="sched">' + esc(s.schedule) + '</span><h1>' + esc(s.title) + '</h1><div class="sched">' + esc(s.series_description) + '</div></div></div>' +
      '<div class="ep"><h2>' + esc(ep.program_title) + '</h2><div class="sub">' + esc(ep.program_sub_title) + '</div><div class="date">' + esc(ep.onair_date) + '</div><div class="closed">' + esc(ep.closed_at) + '</div>' +
      '<div class="ctrl"><button type="button" class="play">' + PLAY + '<span>再生</span></button><div class="seek"><i></i></div><span class="time">0:00 / ' + fmt(ep.duration) + '</span></div><div class="msg" hidden></div>' +
      '<div class="note">※聞き逃し配信は、放送後1週間お聴きいただけます。配信期間が終了した番組はお聴きいただけません。<br>※聞き逃し配信の音声はストリーミングでの配信です。ダウンロードはできません。<br>※海外からはお聴きいただけない番組があります。</div></div>' +
      '<div class="list"><h3>この番組の聞き逃し配信</h3><ul>' + others.map(function (e) { return '<li><div class="t">' + esc(e.program_title) + '<small>' + esc(e.program_sub_title) + ' ／ ' + esc(e.onair_date) + '</small></div><button type="button" data-id="' + e.id + '">再生</button></li>'; }).join('') + '</ul></div>';
    var audio = new Audio();
    var play = box.querySelector('.play'), msg = box.querySelector('.msg'), bar = box.querySelector('.seek i'), time = box.querySelector('.time');
    var current = null;
    function start(e) {
      msg.hidden = true;
      if (current !== e) { current = e; audio.src = e.stream_url; }
      var pr = audio.play(); if (pr && pr.catch) { pr.catch(function () {}); }
    }
    play.addEventListener('click', function () { if (audio.paused || current !== ep) { start(ep); } else { audio.pause(); } });
    audio.addEventListener('play', function () { play.querySelector('span').textContent = '一時停止'; });
    audio.addEventListener('pause', function () { play.querySelector('span').textContent = '再生'; });
    audio.addEventListener('error', function () { msg.hidden = false; msg.textContent = '再生できませんでした。しばらくしてから、もう一度お試しください。'; play.querySelector('span').textContent = '再生'; });
    audio.addEventListener('timeupdate', function () { bar.style.width = (100 * audio.currentTime / current.duration) + '%'; time.textContent = fmt(audio.currentTime) + ' / ' + fmt(current.duration); });
    Array.prototype.forEach.call(box.querySelectorAll('.list button'), function (b) {
      b.addEventListener('click', function () { start(s.episodes.filter(function (e) { return String(e.id) === b.getAttribute('data-id'); })[0]); });
    });
  }).catch(function () { box.innerHTML = '<div class="ep">番組情報を取得できませんでした。</div>'; });
})();
"##;

// ----------------------------------------------------------------------------------
// Wondery show site: a Wondery+ early-access episode.
//
// Imitates: a wondery.com episode page (Next.js, `__NEXT_DATA__` with the show and the
// episode) for an episode released early to Wondery+ subscribers: the public page has no
// episode audio yet, only a short preview clip, a "Try Wondery+ free" offer and a date on
// which the episode becomes free; the older episodes of the season, listed below, play their
// own Podtrac-prefixed MP3s in the page's sticky player. The markup and field names are
// plausible reconstructions, not captured. Content and show are fictional. The episode's
// audio is not public: the right outcome is awaiting_human.

fn wondery(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.on_player_host {
        return None;
    }
    if is_page(request) {
        return page(WONDERY_PAGE, request);
    }
    match rest(request) {
        "_next/static/chunks/pages/shows/episode-b41e7a.js" => script(WONDERY_JS, request),
        _ => None,
    }
}

const WONDERY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Carroll A. Deering | The Empty Galley | 3 - Ghost Ships | Wondery</title>
<meta name="description" content="A five-masted schooner runs aground off Cape Hatteras with the table set for dinner and no one aboard.">
<meta property="og:title" content="The Carroll A. Deering | The Empty Galley | 3">
<meta property="og:type" content="website">
<meta property="og:image" content="@BASE@/images/shows/ghost-ships/s2e3-1200.jpg">
<style>
*{box-sizing:border-box}body{margin:0;font-family:"Graphik",Helvetica,Arial,sans-serif;background:#0d0d0d;color:#f4f4f4}
a{color:inherit}.w-header{display:flex;align-items:center;gap:28px;height:66px;padding:0 32px;border-bottom:1px solid #222}.w-logo{font-weight:800;font-size:22px;letter-spacing:.08em;text-decoration:none}
.w-header nav a{margin-right:20px;font-size:14px;text-decoration:none;color:#bbb}.w-header .plus{color:#ffcf3f}.w-header .signin{margin-left:auto;font-size:14px;text-decoration:none;border:1px solid #555;border-radius:20px;padding:7px 16px}
.w-wrap{max-width:1060px;margin:0 auto;padding:30px 32px 120px}.crumbs{font-size:13px;color:#999}.crumbs a{text-decoration:none}
.ep-head{display:grid;grid-template-columns:320px 1fr;gap:34px;margin-top:18px}.ep-head img{width:320px;height:320px;object-fit:cover;border-radius:6px}
.badge{display:inline-block;background:#ffcf3f;color:#000;font-size:11px;font-weight:800;letter-spacing:.1em;border-radius:3px;padding:4px 8px}
h1{font-size:32px;line-height:1.2;margin:12px 0 8px}.meta{font-size:14px;color:#999}.desc{font-size:16px;line-height:1.65;color:#d4d4d4;margin:16px 0}
.gate{background:#1a1a1a;border:1px solid #333;border-radius:8px;padding:18px 20px;margin:18px 0}.gate p{margin:0 0 12px;font-size:15px;line-height:1.5}
.btn{display:inline-flex;align-items:center;gap:8px;border-radius:24px;padding:10px 20px;font-size:14px;font-weight:700;cursor:pointer;text-decoration:none;border:1px solid #f4f4f4;background:none;color:#f4f4f4;margin:0 8px 8px 0}
.btn.gold{background:#ffcf3f;border-color:#ffcf3f;color:#000}.listen-on{font-size:13px;color:#aaa;margin-top:6px}.listen-on a{margin-right:14px}
.more h2{font-size:20px;margin:44px 0 12px}.more ul{list-style:none;margin:0;padding:0}.more li{display:flex;align-items:center;gap:16px;padding:14px 0;border-top:1px solid #222}
.more li img{width:64px;height:64px;border-radius:4px;object-fit:cover}.more li .t{flex:1}.more li .t a{text-decoration:none;font-weight:700}.more li small{display:block;color:#888;margin-top:3px}
.more li button{width:40px;height:40px;border-radius:50%;border:1px solid #f4f4f4;background:none;color:#f4f4f4;cursor:pointer;display:flex;align-items:center;justify-content:center}
.sticky{position:fixed;left:0;right:0;bottom:0;background:#1a1a1a;border-top:1px solid #333;display:flex;align-items:center;gap:14px;padding:10px 32px;z-index:50}.sticky .now{flex:0 1 360px;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sticky button{width:38px;height:38px;border-radius:50%;border:0;background:#f4f4f4;color:#000;cursor:pointer;display:flex;align-items:center;justify-content:center}.sticky .bar{flex:1;height:4px;background:#333;border-radius:2px;position:relative}.sticky .bar i{position:absolute;left:0;top:0;bottom:0;width:0;background:#ffcf3f}
.sticky .tag{font-size:11px;font-weight:800;color:#000;background:#ffcf3f;border-radius:3px;padding:2px 6px;margin-right:6px}
footer{border-top:1px solid #222;padding:24px 32px;font-size:12px;color:#777}
</style>
</head>
<body>
<div id="__next">
<header class="w-header"><a class="w-logo" href="@BASE@/home/">WONDERY</a><nav><a href="@BASE@/shows/">Shows</a><a href="@BASE@/genres/">Genres</a><a class="plus" href="@BASE@/plus/">Wondery+</a></nav><a class="signin" href="@BASE@/signin/">Sign In</a></header>
<main class="w-wrap">
  <div class="crumbs"><a href="@BASE@/shows/ghost-ships/">Ghost Ships</a> › Season 2: The Carroll A. Deering</div>
  <section class="ep-head">
    <img src="@BASE@/images/shows/ghost-ships/s2e3-640.jpg" alt="">
    <div>
      <span class="badge">WONDERY+ EARLY ACCESS</span>
      <h1>The Carroll A. Deering | The Empty Galley | 3</h1>
      <div class="meta">Season 2, Episode 3 · May 28, 2024 · 45 min</div>
      <p class="desc">January 1921. The coast guard boards a five-masted schooner aground on Diamond Shoals and finds the galley laid for a meal, the lifeboats gone and not a soul aboard. Rumrunners, pirates, mutiny: every theory has a believer, and one of them was the captain's own daughter.</p>
      <div class="gate" id="episode-gate">
        <p><strong>Listen ad-free and one week early with Wondery+.</strong><br>This episode will be free for everyone on June 4, 2024.</p>
        <a class="btn gold" href="@BASE@/plus/trial/?source=episode-gate">Try Wondery+ free</a>
        <a class="btn" href="@BASE@/signin/?next=episode">Already a member? Sign in</a>
        <button type="button" class="btn js-preview"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>Play preview</button>
        <div class="listen-on">Wondery+ is also available in <a href="@BASE@/out/apple-podcasts-subscriptions">Apple Podcasts</a><a href="@BASE@/out/spotify">Spotify</a></div>
      </div>
    </div>
  </section>
  <section class="more">
    <h2>More episodes</h2>
    <ul>
      <li><img src="@BASE@/images/shows/ghost-ships/s2e2-128.jpg" alt=""><div class="t"><a href="@BASE@/shows/ghost-ships/episode/7713-the-carroll-a-deering-diamond-shoals-2/">The Carroll A. Deering | Diamond Shoals | 2</a><small>May 21, 2024 · 42 min</small></div><button type="button" class="js-play" data-episode="7713" aria-label="Play The Carroll A. Deering | Diamond Shoals | 2"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button></li>
      <li><img src="@BASE@/images/shows/ghost-ships/s2e1-128.jpg" alt=""><div class="t"><a href="@BASE@/shows/ghost-ships/episode/7698-the-carroll-a-deering-a-ship-in-the-fog-1/">The Carroll A. Deering | A Ship in the Fog | 1</a><small>May 14, 2024 · 44 min</small></div><button type="button" class="js-play" data-episode="7698" aria-label="Play The Carroll A. Deering | A Ship in the Fog | 1"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button></li>
      <li><img src="@BASE@/images/shows/ghost-ships/trailer-128.jpg" alt=""><div class="t"><a href="@BASE@/shows/ghost-ships/episode/7690-introducing-ghost-ships-season-2/">Introducing: Ghost Ships Season 2</a><small>May 7, 2024 · 3 min</small></div><button type="button" class="js-play" data-episode="7690" aria-label="Play Introducing: Ghost Ships Season 2"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg></button></li>
    </ul>
  </section>
</main>
<footer>© 2024 Wondery, LLC · <a href="@BASE@/terms/">Terms of Use</a> · <a href="@BASE@/privacy/">Privacy Policy</a></footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"show":{"id":"ghost-ships","title":"Ghost Ships","isPremiumOnly":false},"episode":{"id":7729,"title":"The Carroll A. Deering | The Empty Galley | 3","season":2,"number":3,"duration":2690,"publishedAt":"2024-05-28T07:00:00.000Z","isExclusive":true,"isEarlyAccess":true,"freeReleaseAt":"2024-06-04T07:00:00.000Z","audioUrl":null,"preview":{"url":"@SITE@/hop/podtrac/media/wondery/previews/ghost-ships-s2e3-preview-90s.mp3","duration":90}},"moreEpisodes":[{"id":7713,"title":"The Carroll A. Deering | Diamond Shoals | 2","duration":2532,"isExclusive":false,"audioUrl":"@SITE@/hop/podtrac/media/wondery/ghost-ships/ghost-ships-s2e2-diamond-shoals.mp3"},{"id":7698,"title":"The Carroll A. Deering | A Ship in the Fog | 1","duration":2641,"isExclusive":false,"audioUrl":"@SITE@/hop/podtrac/media/wondery/ghost-ships/ghost-ships-s2e1-a-ship-in-the-fog.mp3"},{"id":7690,"title":"Introducing: Ghost Ships Season 2","duration":187,"isExclusive":false,"audioUrl":"@SITE@/hop/podtrac/media/wondery/ghost-ships/ghost-ships-s2-trailer.mp3"}]}},"page":"/shows/[showSlug]/episode/[episodeSlug]","query":{"showSlug":"ghost-ships","episodeSlug":"7729-the-carroll-a-deering-the-empty-galley-3"},"buildId":"wdy-web-4.18.0","isFallback":false,"gssp":true}</script>
<script src="@BASE@/_next/static/chunks/pages/shows/episode-b41e7a.js" defer></script>
</body>
</html>
"##;

const WONDERY_JS: &str = r##"(function () {
  'use strict';
  var props = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps;
  var PLAY = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  var PAUSE = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M6 5h4v14H6zm8 0h4v14h-4z" fill="currentColor"/></svg>';
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  var audio = new Audio();
  var bar = null;
  function play(item, isPreview) {
    if (!bar) { bar = document.createElement('div'); bar.className = 'sticky'; bar.setAttribute('role', 'region'); bar.setAttribute('aria-label', 'Audio player'); document.body.appendChild(bar); }
    bar.innerHTML = '<button type="button" class="pp" aria-label="Pause">' + PAUSE + '</button><div class="now">' + (isPreview ? '<span class="tag">PREVIEW</span>' : '') + esc(item.title) + '</div><div class="bar"><i></i></div>' +
      (isPreview ? '<a class="btn gold" style="margin:0" href="@BASE@/plus/trial/?source=preview-player">Hear the full episode with Wondery+</a>' : '');
    var pp = bar.querySelector('.pp'), fill = bar.querySelector('.bar i');
    pp.addEventListener('click', function () { if (audio.paused) { audio.play(); } else { audio.pause(); } });
    audio.onplay = function () { pp.innerHTML = PAUSE; pp.setAttribute('aria-label', 'Pause'); };
    audio.onpause = function () { pp.innerHTML = PLAY; pp.setAttribute('aria-label', 'Play'); };
    audio.ontimeupdate = function () { fill.style.width = (100 * audio.currentTime / item.duration) + '%'; };
    audio.src = item.url;
    var p = audio.play(); if (p && p.catch) { p.catch(function () {}); }
  }
  var ep = props.episode;
  document.querySelector('.js-preview').addEventListener('click', function () { play({ title: ep.title, url: ep.preview.url, duration: ep.preview.duration }, true); });
  Array.prototype.forEach.call(document.querySelectorAll('.js-play'), function (b) {
    b.addEventListener('click', function () {
      var e = props.moreEpisodes.filter(function (x) { return String(x.id) === b.getAttribute('data-episode'); })[0];
      if (e && e.audioUrl) { play({ title: e.title, url: e.audioUrl, duration: e.duration }, false); }
    });
  });
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
            .filter(|p| p.set != CorpusSet::ThirdHeldOut)
            .collect();
        let origins = origins();
        let headers = HeaderMap::new();
        for (i, page) in PAGES.iter().enumerate() {
            assert_eq!(page.set, CorpusSet::ThirdHeldOut);
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
        assert_eq!((PAGES.len(), recoverable), (10, 8));
    }

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("Grüß".as_bytes()), "R3LDvMOf");
    }

    #[test]
    fn templates_write_no_other_host() {
        let all = [
            WIX_PAGE,
            WIX_CONSENT_JS,
            WIX_FILESUSR,
            REDCIRCLE_PLAYER,
            REDCIRCLE_JS,
            REDCIRCLE_SHOW_JSON,
            PINECAST_GATSBY_PAGE,
            PINECAST_PLAYER,
            PINECAST_PLAYER_JS,
            PINECAST_RSS,
            PODOMATIC_PAGE,
            PODOMATIC_PAGE_JS,
            PODOMATIC_EMBED,
            PODOMATIC_EMBED_JS,
            PODOMATIC_JSON,
            QUANTCAST_JS,
            HUGO_PAGE,
            HUGO_CHAPTERS,
            HUGO_TRANSCRIPT,
            HUGO_RSS,
            LETSCAST_BLOCKED_EMBED,
            YOUTUBE_BLOCKED_EMBED,
            BORLABS_PAGE,
            BORLABS_JS,
            LETSCAST_PLAYER_JS,
            LETSCAST_PLAYER,
            TRESCAT_MEDIA_JSON,
            TRESCAT_PAGE,
            TRESCAT_JS,
            OHDIO_PAGE,
            OHDIO_JS,
            ERR_PAGE,
            ERR_JSON,
            ERR_JS,
            NHK_PAGE,
            NHK_SERIES_JSON,
            NHK_JS,
            WONDERY_PAGE,
            WONDERY_JS,
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
