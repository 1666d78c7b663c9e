//! Corpus pages kept out of tuning: written apart from the agent, run once, and
//! reported separately. Each page names, in a comment, the real publisher and markup
//! it imitates, and says which parts are synthetic (where no real markup was found,
//! the labels and inner DOM are plausible, not copied).
//!
//! Templates write `@SITE@` and `@PLAYER@` for the two origins, `@PAGE@` for the
//! page's own URL (`{site}/corpus/{slug}`), `@PBASE@` for the same path on the player
//! host, and `@SITE_PR@` / `@PLAYER_PR@` for the protocol-relative forms (`//host:port`)
//! that some publishers print. Nothing else is ever addressed.

use super::kit::{html, javascript, json, redirect, status};
use super::{CorpusExpect, CorpusPage, CorpusRequest, CorpusSet};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The pages of this set.
pub const PAGES: &[CorpusPage] = &[
    CorpusPage {
        slug: "captivate-show-episode",
        imitates: "Captivate show website (<show>.captivate.fm/episode/<slug>) with the player.captivate.fm iframe; the player's <audio class=\"player-audio\"><source> goes through OP3 and Podtrac prefixes",
        expected: CorpusExpect::PlayerAudio(
            "/media/captivate/podcasts/0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42/crumb-112-slow-bread-fast-lives.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "spreaker-widget-news",
        imitates: "local news article with the Spreaker widgets.js anchor (a.spreaker-player data-resource=episode_id) swapped for the widget.spreaker.com iframe; icon-only download in the widget, api.spreaker.com download/play URLs that redirect to the CDN",
        expected: CorpusExpect::PlayerAudio(
            "/media/spreaker/episode/58912304/council_talk_58_the_ferry_budget.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "omny-studio-clip",
        imitates: "Omny Studio clip page (omny.fm/shows/<program>/<clip>, Next.js __NEXT_DATA__ props.pageProps.clip.AudioUrl); icon-only play, Download under a \"More options\" menu rendered in a portal (menu synthetic)",
        expected: CorpusExpect::PlayerAudio(
            "/media/omny/d/clips/6f1d2a3b-9c8e-4b7a-a1f0-acb200e1c9d2/2b7e4c1a-5d3f-4e21-b0a9-acb200e2f4a1/4e9a7c20-3b1d-4f6e-9a8c-b14f00a1d2e3/audio.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "rss-com-trustarc-blog",
        imitates: "corporate newsroom post with the RSS.com player iframe (player.rss.com/<show>/<id>) blocked behind a TrustArc consent iframe (truste_popframe, a.call / a.required, postMessage submit_preferences); player internals synthetic, audio only on the network after Play, through OP3",
        expected: CorpusExpect::PlayerAudio(
            "/media/rss-com/shop-floor-stories/20240312_050318_9a41c3e07bb2f5d6.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "castos-ssp-wordpress",
        imitates: "WordPress site with Seriously Simple Podcasting (Castos player div.castos-player, podcast_meta \"Download file | Play in new window\" links to /podcast-download/<id>/<file>.mp3 that redirect to episodes.castos.com)",
        expected: CorpusExpect::PlayerAudio(
            "/media/castos/episodes/8c41d2e07f3b4a6e9d15/4417/ep-57-grant-season.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "astro-web-component-player",
        imitates: "SYNTHETIC: independent show site built with Astro whose <episode-player> custom element (modeled on media-chrome-style elements) loads episode JSON and renders play, audio and a \"More actions\" download menu inside an open shadow root",
        expected: CorpusExpect::SiteAudio("/media/tidepool/episodes/tp-047-kelp-forests.mp3"),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "substack-podcast-post",
        imitates: "Substack podcast post (window._preloads = JSON.parse(\"...\") with post.podcast_url /api/v1/audio/upload/<uuid>/src, an extension-less URL that redirects to the MP3), with the \"Discover more\" subscribe modal",
        expected: CorpusExpect::PlayerAudio(
            "/media/substack-video/video_upload/post/141970405/3f6c2a1e-8b9d-4e77-a0c2-5d1b7e9f4a63/transcoded-1710241032.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "squarespace-audio-block",
        imitates: "Squarespace blog post with an audio block (div.sqs-audio-embed data-url, data-show-download=\"false\", data-block-json) rendered into a minimal player by script (rendered DOM synthetic), Squarespace cookie banner",
        expected: CorpusExpect::PlayerAudio(
            "/media/squarespace/static/5f3c1a2be4b0d7a1c9e2f310/t/65f0b2c1a9d4e35b7c812f09/1710273217004/BHG-Ep31-Cover-Crops.mp3/original/BHG-Ep31-Cover-Crops.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "apple-podcasts-episode",
        imitates: "Apple Podcasts web episode page (podcasts.apple.com/<cc>/podcast/<show>/id<n>?i=<n>): serialized-server-data JSON with headerButtonItems[share EpisodeLockup].model.playAction.episodeOffer.streamUrl behind Podtrac and Chartable prefixes; \"Open in Podcasts\" app decoy",
        expected: CorpusExpect::PlayerAudio(
            "/media/art19/episodes/5d1f2c7e-3b9a-4c1d-8e2f-7a6b5c4d3e21.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "rai-playsound-scarica",
        imitates: "RAI Play Sound episode page (raiplaysound.it/audio/YYYY/MM/<title>-<uuid>.html and its .json with downloadable_audio.url / audio.url relinker URLs), Quantcast Choice in Italian; \"Scarica\" under an icon-only \"Altre opzioni\" menu (menu synthetic), play streams HLS",
        expected: CorpusExpect::PlayerAudio(
            "/media/rai/podcast/wikiradio/2024/03/WIKIRADIO_12032024_Grazia_Deledda.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "sveriges-radio-avsnitt",
        imitates: "Sveriges Radio episode page (sverigesradio.se/avsnitt/<slug>): Radix consent dialog (\"Godkänn alla\" / \"Godkänn endast nödvändiga\"), .audio-button data-audio-id that plays an AAC .m4a through playerajax/getaudiourl, and a protocol-relative //sverigesradio.se/topsy/ljudfil/srse/<id>.mp3 \"Ladda ner\" link in an icon-only menu (menu synthetic)",
        expected: CorpusExpect::PlayerAudio(
            "/media/sr/lyssna-cdn/p1-dokumentar/2024/03/9804232_a128.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "polskie-radio-artykul",
        imitates: "Polskie Radio legacy article page with a \"Posłuchaj\" list of span[data-media='{\"file\":\"//...mp3\",\"desc\":url-encoded...}'] play buttons (the episode and a short trailer) and Cookiebot in Polish (\"Zezwól na wszystkie\")",
        expected: CorpusExpect::PlayerAudio(
            "/media/prsa/static/audio/2024/03/de4a1e0c-7f55-4a2b-9d1c-2e8b3f6a9c47.mp3",
        ),
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "spotify-episode-preview",
        imitates: "open.spotify.com episode page: og:audio is a ~50 s preview clip (podz-content.spotifycdn.com/audio/clips/<id>/clip_<start>_<end>.mp3), the play button (data-testid=play-button) asks to sign up or log in; the full episode is not on the page",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "patreon-locked-post",
        imitates: "Patreon members-only audio post (Next.js, current_user_can_view false, no post_file): \"Join to unlock\" and \"Log in\", with a free public post of another episode in the sidebar",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "npo-luister-hls",
        imitates: "SYNTHETIC after NPO Luister (npo.nl/luister): a Dutch cookie wall (\"Akkoord\"), a player that streams only an HLS .m3u8, and a \"Downloaden\" control that says the episode cannot be downloaded",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::HeldOut,
    },
    CorpusPage {
        slug: "yle-areena-expired",
        imitates: "Yle Areena podcast episode (areena.yle.fi/podcastit/1-<id>) whose player preview JSON says the episode is gone (\"ei ole enää kuunneltavissa\"); related episodes of the series still play their own MP3s; consent dialog synthetic",
        expected: CorpusExpect::AwaitingHuman,
        set: CorpusSet::HeldOut,
    },
];

/// Answers a request for one of this set's pages or its resources; `None` when the slug is
/// not one of them.
pub fn respond(request: &CorpusRequest<'_>) -> Option<Response> {
    if request.rest == "favicon.gif" && PAGES.iter().any(|p| p.slug == request.slug) {
        return Some(favicon());
    }
    match request.slug {
        "captivate-show-episode" => captivate(request),
        "spreaker-widget-news" => spreaker(request),
        "omny-studio-clip" => omny(request),
        "rss-com-trustarc-blog" => rss_com(request),
        "castos-ssp-wordpress" => castos(request),
        "astro-web-component-player" => web_component(request),
        "substack-podcast-post" => substack(request),
        "squarespace-audio-block" => squarespace(request),
        "apple-podcasts-episode" => apple(request),
        "rai-playsound-scarica" => rai(request),
        "sveriges-radio-avsnitt" => sveriges_radio(request),
        "polskie-radio-artykul" => polskie_radio(request),
        "spotify-episode-preview" => spotify(request),
        "patreon-locked-post" => patreon(request),
        "npo-luister-hls" => npo(request),
        "yle-areena-expired" => yle(request),
        _ => None,
    }
}

/// Replaces the placeholders of a template with the origins of this run.
fn fill(template: &str, request: &CorpusRequest<'_>) -> String {
    let site = &request.origins.site;
    let player = &request.origins.player;
    let slug = request.slug;
    template
        .replace("@PAGE@", &format!("{site}/corpus/{slug}"))
        .replace("@PBASE@", &format!("{player}/corpus/{slug}"))
        .replace("@SITE_PR@", site.trim_start_matches("http:"))
        .replace("@PLAYER_PR@", player.trim_start_matches("http:"))
        .replace("@SITE@", site)
        .replace("@PLAYER@", player)
}

/// A site icon (a 1×1 GIF), so that pages do not ask for a missing /favicon.ico.
fn favicon() -> Response {
    const GIF: &[u8] = &[
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00,
        0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
    ];
    ([(header::CONTENT_TYPE, "image/gif")], GIF).into_response()
}

/// The page itself: on the site, with no rest.
fn is_page(request: &CorpusRequest<'_>) -> bool {
    !request.on_player_host && request.rest.is_empty()
}

fn page(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(html(fill(template, request)))
}

/// A query parameter's raw value.
fn query_param<'a>(request: &'a CorpusRequest<'_>, name: &str) -> Option<&'a str> {
    request.query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then_some(value)
    })
}

/// JSON from an API on the player host that pages on the site call, with the CORS
/// header such APIs send.
fn cors_json(body: String) -> Response {
    let mut response = json(body);
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        header::HeaderValue::from_static("*"),
    );
    response
}

fn not_found() -> Option<Response> {
    Some(status(StatusCode::NOT_FOUND, "Not Found"))
}

// ---------------------------------------------------------------------------------
// Captivate. Imitates a Captivate-generated show website (<show>.captivate.fm/episode/
// <slug>): the published embed markup (a rounded div around an iframe of
// player.captivate.fm/episode/<uuid>/, allow="clipboard-write" seamless), the
// twitter:player meta, "Listen on" platform buttons and show notes. The player page
// has <audio class="player-audio" data-duration><source src></audio>, .player-image,
// .cp-episode-date and twitter:player:stream (as read by a real Captivate scraper);
// its buttons and share panel are synthetic. The enclosure is wrapped in OP3 and
// Podtrac prefixes, as Captivate feeds often are. A human presses Play in the player.
// ---------------------------------------------------------------------------------

const CAPTIVATE_EPISODE: &str = "0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42";

fn captivate(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(CAPTIVATE_PAGE, request);
    }
    if request.on_player_host
        && request.rest.trim_end_matches('/') == format!("episode/{CAPTIVATE_EPISODE}")
    {
        return page(CAPTIVATE_PLAYER, request);
    }
    None
}

const CAPTIVATE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>112. Slow Bread, Fast Lives (with Mira Okafor) - The Crumb Podcast</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Baker and author Mira Okafor on long fermentation, night shifts, and why her best loaves take three days to make.">
<link rel="canonical" href="@PAGE@">
<meta property="og:site_name" content="The Crumb Podcast">
<meta property="og:type" content="website">
<meta property="og:url" content="@PAGE@">
<meta property="og:title" content="112. Slow Bread, Fast Lives (with Mira Okafor)">
<meta property="og:description" content="Baker and author Mira Okafor on long fermentation, night shifts, and why her best loaves take three days to make.">
<meta name="twitter:card" content="player">
<meta name="twitter:title" content="112. Slow Bread, Fast Lives (with Mira Okafor)">
<meta name="twitter:player" content="@PBASE@/episode/0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42/">
<meta name="twitter:player:width" content="540">
<meta name="twitter:player:height" content="200">
<style>
  :root { --accent: #b4541c; }
  body { margin: 0; font-family: "Inter", system-ui, -apple-system, Segoe UI, sans-serif; color: #231f1c; background: #fbf7f2; }
  .container { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
  .site-header { background: #231f1c; color: #fff; }
  .site-header .container { display: flex; align-items: center; justify-content: space-between; height: 68px; }
  .site-header a { color: #fff; text-decoration: none; margin-left: 22px; font-size: 15px; }
  .site-header .brand { margin-left: 0; font-weight: 800; font-size: 20px; letter-spacing: .02em; }
  .hero { background: linear-gradient(120deg, #e9d5bd, #f6ede1); padding: 36px 0 24px; }
  .hero .container { display: flex; gap: 28px; align-items: center; }
  .cover { width: 150px; height: 150px; border-radius: 10px; background: radial-gradient(circle at 30% 30%, #f3c48b, #b4541c); flex: none; box-shadow: 0 6px 18px rgba(0,0,0,.15); display: flex; align-items: flex-end; padding: 10px; box-sizing: border-box; color: #fff; font-weight: 800; }
  .cp-episode-date { color: #6b5d52; font-size: 14px; margin: 0 0 6px; }
  h1.episode-title { font-size: 32px; line-height: 1.2; margin: 0; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 40px; padding: 28px 24px 60px; }
  .listen-on { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 0 0 26px; }
  .listen-on span { font-size: 13px; text-transform: uppercase; letter-spacing: .08em; color: #6b5d52; margin-right: 6px; }
  .listen-on a { border: 1px solid #d8c8b8; background: #fff; border-radius: 999px; padding: 7px 14px; font-size: 14px; color: #231f1c; text-decoration: none; }
  .show-notes h2 { font-size: 22px; }
  .show-notes li { margin: 6px 0; }
  .episode-nav { display: flex; justify-content: space-between; margin-top: 40px; border-top: 1px solid #e5d9cc; padding-top: 18px; }
  .episode-nav a, aside a { color: var(--accent); text-decoration: none; }
  aside h3 { font-size: 15px; text-transform: uppercase; letter-spacing: .08em; color: #6b5d52; }
  aside ol { list-style: none; padding: 0; margin: 0; }
  aside li { border-bottom: 1px solid #e5d9cc; padding: 12px 0; font-size: 15px; }
  aside li small { display: block; color: #8a7a6d; margin-top: 3px; }
  .support { background: #fff; border: 1px solid #e5d9cc; border-radius: 8px; padding: 16px; margin-top: 26px; font-size: 15px; }
  footer { background: #231f1c; color: #bfb3a8; font-size: 14px; padding: 26px 0; }
  footer a { color: #bfb3a8; }
</style>
</head>
<body class="episode-page">
<header class="site-header">
  <div class="container">
    <a class="brand" href="@PAGE@">The Crumb Podcast</a>
    <nav>
      <a href="@PAGE@">Home</a>
      <a href="@PAGE@#episodes">Episodes</a>
      <a href="@PAGE@#about">About</a>
      <a href="@PAGE@#contact">Contact</a>
    </nav>
  </div>
</header>
<section class="hero">
  <div class="container">
    <div class="cover" role="img" aria-label="The Crumb Podcast cover art">CRUMB</div>
    <div>
      <p class="cp-episode-date">12th March 2024 &middot; Season 4, Episode 112 &middot; 45 mins</p>
      <h1 class="episode-title">112. Slow Bread, Fast Lives (with Mira Okafor)</h1>
    </div>
  </div>
</section>
<div class="container layout">
  <main>
    <div style="width: 100%; height: 200px; margin-bottom: 20px; border-radius: 6px; overflow: hidden;"><iframe style="width: 100%; height: 200px;" frameborder="no" scrolling="no" allow="clipboard-write" seamless src="@PBASE@/episode/0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42/" title="112. Slow Bread, Fast Lives (with Mira Okafor)"></iframe></div>
    <div class="listen-on">
      <span>Listen on</span>
      <a href="@PAGE@/listen/apple-podcasts" rel="noopener">Apple Podcasts</a>
      <a href="@PAGE@/listen/spotify" rel="noopener">Spotify</a>
      <a href="@PAGE@/listen/overcast" rel="noopener">Overcast</a>
      <a href="@PAGE@/listen/pocket-casts" rel="noopener">Pocket Casts</a>
      <a href="@PAGE@/listen/youtube-music" rel="noopener">YouTube Music</a>
    </div>
    <section class="show-notes">
      <h2>Episode notes</h2>
      <p>Mira Okafor started baking at four in the morning because it was the only quiet hour in a house with three kids. Twelve years later she runs a bakery with a waiting list and has just published <em>The Three-Day Loaf</em>. We talk about long, cold fermentation, why she refuses to sell sliced bread, and how she protects her sleep now that the ovens run all night.</p>
      <h3>In this episode</h3>
      <ul>
        <li>(02:14) How a school bake sale turned into a business</li>
        <li>(09:40) Cold retarding: what actually happens in the fridge overnight</li>
        <li>(18:05) The flour shortage of 2022 and switching to local mills</li>
        <li>(27:30) Night shifts, rotas and keeping a team of six happy</li>
        <li>(36:12) Listener question: can you rescue an over-proofed dough?</li>
        <li>(41:50) What Mira is baking this weekend</li>
      </ul>
      <h3>Mentioned in the show</h3>
      <ul>
        <li><em>The Three-Day Loaf</em> by Mira Okafor (Hearth &amp; Field, 2024)</li>
        <li>Okafor &amp; Daughters bakery, Chapel Allerton, Leeds</li>
        <li>Episode 97: Rye, Caraway and Patience</li>
      </ul>
      <div class="support">
        <strong>Join the Crumb Club.</strong> Members get ad-free episodes, a monthly recipe card and a say in who we interview next.
      </div>
    </section>
    <nav class="episode-nav">
      <a href="@PAGE@/episode/111-the-rye-revival" rel="prev">&larr; 111. The Rye Revival</a>
      <a href="@PAGE@#episodes">All episodes</a>
    </nav>
  </main>
  <aside id="episodes">
    <h3>Recent episodes</h3>
    <ol>
      <li><a href="@PAGE@">112. Slow Bread, Fast Lives (with Mira Okafor)</a><small>12 Mar 2024 &middot; 45 mins</small></li>
      <li><a href="@PAGE@/episode/111-the-rye-revival">111. The Rye Revival</a><small>5 Mar 2024 &middot; 39 mins</small></li>
      <li><a href="@PAGE@/episode/110-laminated-doughs-without-tears">110. Laminated Doughs Without Tears</a><small>27 Feb 2024 &middot; 51 mins</small></li>
      <li><a href="@PAGE@/episode/109-bonus-your-starter-questions">109. Bonus: Your Starter Questions</a><small>20 Feb 2024 &middot; 22 mins</small></li>
    </ol>
    <h3 id="about">About the show</h3>
    <p>The Crumb Podcast is a weekly conversation about bread, bakers and the people who line up outside their doors at 7am. Hosted by Tom Ashworth.</p>
    <h3 id="contact">Contact</h3>
    <p>Questions for the listener mailbag: hello at thecrumbpodcast dot co dot uk</p>
  </aside>
</div>
<footer>
  <div class="container">&copy; 2024 The Crumb Podcast &middot; <a href="@PAGE@/privacy">Privacy</a> &middot; Podcast website powered by Captivate</div>
</footer>
</body>
</html>
"##;

const CAPTIVATE_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>112. Slow Bread, Fast Lives (with Mira Okafor) | The Crumb Podcast</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="robots" content="noindex">
<meta name="twitter:card" content="player">
<meta name="twitter:player:stream" content="@PLAYER@/hop/op3/hop/podtrac/media/captivate/podcasts/0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42/crumb-112-slow-bread-fast-lives.mp3">
<meta name="twitter:player:stream:content_type" content="audio/mpeg">
<style>
  html, body { margin: 0; height: 100%; font-family: "Poppins", system-ui, sans-serif; }
  body { background: #2b2320; color: #fff; }
  .player { display: flex; height: 200px; box-sizing: border-box; padding: 18px; gap: 18px; position: relative; }
  .player-image { width: 164px; height: 164px; border-radius: 6px; background: radial-gradient(circle at 30% 30%, #f3c48b, #b4541c); flex: none; }
  .player-main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
  .player-show { font-size: 12px; text-transform: uppercase; letter-spacing: .1em; opacity: .7; }
  .player-title { font-size: 18px; font-weight: 600; margin: 4px 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .cp-episode-date { font-size: 12px; opacity: .7; }
  .controls { margin-top: auto; display: flex; align-items: center; gap: 10px; }
  .controls button { background: none; border: 0; color: #fff; cursor: pointer; padding: 4px; }
  .controls .cp-play { width: 46px; height: 46px; border-radius: 50%; background: #b4541c; display: flex; align-items: center; justify-content: center; }
  .progress { flex: 1; height: 4px; background: rgba(255,255,255,.2); border-radius: 2px; position: relative; }
  .progress .bar { position: absolute; left: 0; top: 0; bottom: 0; width: 0; background: #f3c48b; border-radius: 2px; }
  .time { font-size: 12px; font-variant-numeric: tabular-nums; opacity: .8; }
  .speed { font-size: 12px; border: 1px solid rgba(255,255,255,.4) !important; border-radius: 4px; }
  .share-panel { position: absolute; inset: 0; background: rgba(20,16,14,.97); padding: 18px 22px; box-sizing: border-box; }
  .share-panel[hidden] { display: none; }
  .share-panel h4 { margin: 0 0 12px; font-size: 15px; }
  .share-panel .row { display: flex; gap: 10px; margin-bottom: 10px; }
  .share-panel input { flex: 1; background: #3a302b; border: 0; color: #fff; padding: 8px; border-radius: 4px; font-size: 12px; }
  .share-panel button { background: #b4541c; color: #fff; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
  .share-panel .close { position: absolute; top: 12px; right: 14px; background: none; font-size: 18px; }
  .branding { position: absolute; right: 14px; top: 12px; font-size: 10px; opacity: .5; }
</style>
</head>
<body>
<div class="player" id="captivate-player" data-episode="0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42">
  <div class="player-image" role="img" aria-label="Episode artwork"></div>
  <div class="player-main">
    <div class="player-show">The Crumb Podcast</div>
    <div class="player-title">112. Slow Bread, Fast Lives (with Mira Okafor)</div>
    <div class="cp-episode-date">12 Mar 2024</div>
    <div class="controls">
      <button class="cp-back" aria-label="Rewind 15 seconds"><svg width="22" height="22" viewBox="0 0 24 24" fill="currentColor"><path d="M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z"/></svg></button>
      <button class="cp-play" aria-label="Play"><svg class="i-play" width="20" height="20" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg><svg class="i-pause" width="20" height="20" viewBox="0 0 24 24" fill="currentColor" style="display:none"><path d="M6 5h4v14H6zm8 0h4v14h-4z"/></svg></button>
      <button class="cp-fwd" aria-label="Fast forward 30 seconds"><svg width="22" height="22" viewBox="0 0 24 24" fill="currentColor"><path d="M12 5V1l5 5-5 5V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z"/></svg></button>
      <div class="progress" aria-label="Seek"><div class="bar"></div></div>
      <span class="time"><span class="cp-current">00:00</span> / 45:12</span>
      <button class="speed" aria-label="Playback speed">1x</button>
      <button class="cp-share" aria-label="Share"><svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z"/></svg></button>
    </div>
  </div>
  <span class="branding">captivate</span>
  <audio class="player-audio" data-duration="2712" preload="none"><source src="@PLAYER@/hop/op3/hop/podtrac/media/captivate/podcasts/0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42/crumb-112-slow-bread-fast-lives.mp3" type="audio/mpeg"></audio>
  <div class="share-panel" hidden>
    <button class="close" aria-label="Close">&times;</button>
    <h4>Share this episode</h4>
    <div class="row"><input readonly value="@SITE@/corpus/captivate-show-episode"><button class="copy">Copy link</button></div>
    <div class="row"><input readonly value="&lt;iframe src=&quot;@PBASE@/episode/0b8e1b0f-2a64-4f2e-9a8f-6d5b3a1c7e42/&quot;&gt;&lt;/iframe&gt;"><button class="copy">Copy embed</button></div>
  </div>
</div>
<script>
(function () {
  var root = document.getElementById('captivate-player');
  var audio = root.querySelector('audio.player-audio');
  var play = root.querySelector('.cp-play');
  var bar = root.querySelector('.progress .bar');
  var current = root.querySelector('.cp-current');
  var speeds = [1, 1.25, 1.5, 2, 0.75];
  function fmt(s) { s = Math.floor(s || 0); var m = Math.floor(s / 60); s = s % 60; return (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s; }
  function setPlaying(on) {
    play.setAttribute('aria-label', on ? 'Pause' : 'Play');
    play.querySelector('.i-play').style.display = on ? 'none' : '';
    play.querySelector('.i-pause').style.display = on ? '' : 'none';
  }
  play.addEventListener('click', function () {
    if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
  });
  audio.addEventListener('play', function () { setPlaying(true); });
  audio.addEventListener('pause', function () { setPlaying(false); });
  audio.addEventListener('timeupdate', function () {
    var d = audio.duration || Number(audio.dataset.duration);
    bar.style.width = (100 * audio.currentTime / d) + '%';
    current.textContent = fmt(audio.currentTime);
  });
  root.querySelector('.cp-back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
  root.querySelector('.cp-fwd').addEventListener('click', function () { audio.currentTime = audio.currentTime + 30; });
  root.querySelector('.speed').addEventListener('click', function (e) {
    var i = (speeds.indexOf(audio.playbackRate) + 1) % speeds.length;
    audio.playbackRate = speeds[i];
    e.currentTarget.textContent = speeds[i] + 'x';
  });
  var panel = root.querySelector('.share-panel');
  root.querySelector('.cp-share').addEventListener('click', function () { panel.hidden = false; });
  panel.querySelector('.close').addEventListener('click', function () { panel.hidden = true; });
  panel.querySelectorAll('.copy').forEach(function (b) {
    b.addEventListener('click', function () { b.textContent = 'Copied!'; });
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Spreaker. Imitates a local news article that embeds a Spreaker episode with the
// published widget form: <a class="spreaker-player" href=".../episode/<id>"
// data-resource="episode_id=<id>" data-width data-height ... data-hide-download>
// Listen to "<title>" on Spreaker.</a> plus <script async src=".../widgets.js">, which
// swaps the anchor for an iframe of widget.spreaker.com/player?episode_id=...&
// hide-download=false. The widget's inner DOM is synthetic: a big play button and a
// row of icon-only actions (like, share, download). Its URLs have the real API forms,
// api.spreaker.com/v2/episodes/<id>/play.mp3 and /download/episode/<id>/<name>.mp3,
// and both redirect to the same CDN file. A human presses Play in the widget or the
// download icon.
// ---------------------------------------------------------------------------------

fn spreaker(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(SPREAKER_PAGE, request);
    }
    if !request.on_player_host {
        return None;
    }
    let cdn = fill(
        "@PLAYER@/media/spreaker/episode/58912304/council_talk_58_the_ferry_budget.mp3",
        request,
    );
    match request.rest {
        "widgets.js" => Some(javascript(SPREAKER_WIDGETS_JS)),
        "player" => match query_param(request, "episode_id") {
            Some("58912304") => page(SPREAKER_WIDGET, request),
            _ => Some(html(
                "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">Episode not found</body></html>",
            )),
        },
        "v2/episodes/58912304/play.mp3"
        | "download/episode/58912304/council_talk_58_the_ferry_budget.mp3" => Some(redirect(&cdn)),
        _ => None,
    }
}

const SPREAKER_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Council Talk 58: Who pays for the night ferry? &#8211; Harbor Light Gazette</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="On this week's Council Talk, reporters Dana Whitfield and Luis Ortega unpack the $2.4 million gap in the night ferry budget.">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="Council Talk 58: Who pays for the night ferry?">
<meta property="og:url" content="@PAGE@">
<meta property="og:site_name" content="Harbor Light Gazette">
<meta property="article:published_time" content="2024-03-14T10:02:11+00:00">
<link rel="canonical" href="@PAGE@">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Talk 58: Who pays for the night ferry?","datePublished":"2024-03-14T10:02:11+00:00","author":[{"@type":"Person","name":"Dana Whitfield"}],"publisher":{"@type":"Organization","name":"Harbor Light Gazette"}}</script>
<style>
  body { margin: 0; font-family: Georgia, "Times New Roman", serif; color: #1d1d1d; background: #fff; }
  .topbar { background: #0d3b66; color: #fff; font: 13px/1 Arial, sans-serif; padding: 8px 0; }
  .wrap { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
  .masthead { text-align: center; padding: 22px 0 12px; border-bottom: 3px double #1d1d1d; }
  .masthead a { font-size: 44px; font-weight: 700; color: #0d3b66; text-decoration: none; letter-spacing: -.01em; }
  .sections { display: flex; justify-content: center; gap: 22px; font: 14px Arial, sans-serif; padding: 12px 0; border-bottom: 1px solid #ddd; }
  .sections a { color: #1d1d1d; text-decoration: none; text-transform: uppercase; letter-spacing: .05em; }
  .grid { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 40px; padding: 28px 20px; }
  .kicker { font: 700 13px Arial, sans-serif; color: #c0392b; text-transform: uppercase; letter-spacing: .08em; }
  h1 { font-size: 38px; line-height: 1.15; margin: 8px 0 12px; }
  .byline { font: 14px Arial, sans-serif; color: #555; margin-bottom: 24px; }
  .entry-content p { font-size: 19px; line-height: 1.6; }
  .entry-content h2 { font: 700 20px Arial, sans-serif; margin-top: 32px; }
  .podcast-box { border: 1px solid #d7dde4; background: #f5f8fb; padding: 16px; margin: 22px 0; }
  .podcast-box .label { font: 700 12px Arial, sans-serif; text-transform: uppercase; letter-spacing: .08em; color: #0d3b66; margin-bottom: 10px; }
  .subscribe-links { font: 14px Arial, sans-serif; margin-top: 10px; }
  .subscribe-links a { color: #0d3b66; margin-right: 14px; }
  aside .widget { border-top: 3px solid #0d3b66; padding-top: 10px; margin-bottom: 30px; font-family: Arial, sans-serif; }
  aside h3 { font-size: 15px; text-transform: uppercase; margin: 0 0 10px; }
  aside ol { padding-left: 18px; margin: 0; }
  aside li { margin-bottom: 10px; font-size: 15px; }
  aside a { color: #1d1d1d; text-decoration: none; }
  .newsletter input { width: 100%; box-sizing: border-box; padding: 8px; margin: 6px 0; }
  .newsletter button { background: #0d3b66; color: #fff; border: 0; padding: 9px 14px; cursor: pointer; }
  footer { background: #f0f0f0; font: 13px Arial, sans-serif; padding: 30px 0; color: #555; }
</style>
</head>
<body class="post-template-default single single-post postid-88412">
<div class="topbar"><div class="wrap">Thursday, March 14, 2024 &middot; Port Alder, 48&deg;F</div></div>
<header class="wrap masthead"><a href="@PAGE@">Harbor Light Gazette</a></header>
<nav class="sections wrap" aria-label="Sections">
  <a href="@PAGE@/news">News</a><a href="@PAGE@/government">Government</a><a href="@PAGE@/schools">Schools</a><a href="@PAGE@/business">Business</a><a href="@PAGE@/sports">Sports</a><a href="@PAGE@/podcasts">Podcasts</a><a href="@PAGE@/opinion">Opinion</a>
</nav>
<div class="wrap grid">
  <article class="post">
    <div class="kicker">Podcast &middot; Council Talk</div>
    <h1 class="entry-title">Council Talk 58: Who pays for the night ferry?</h1>
    <div class="byline">By Dana Whitfield &middot; March 14, 2024 at 10:02 a.m.</div>
    <div class="entry-content">
      <p>The last boat from Port Alder to Gull Island leaves at 11:40 p.m., and for the nurses, cooks and dock workers who ride it, it is not optional. But the county's draft budget leaves the night run $2.4 million short, and commissioners are split on whether fares, a lodging tax or the general fund should close the gap.</p>
      <div class="podcast-box">
        <div class="label">Listen to this week's episode</div>
        <a class="spreaker-player" href="@PBASE@/episode/58912304" data-resource="episode_id=58912304" data-width="100%" data-height="200px" data-theme="light" data-playlist="false" data-playlist-continuous="false" data-chapters-image="true" data-episode-image-position="right" data-hide-logo="false" data-hide-likes="false" data-hide-comments="false" data-hide-sharing="false" data-hide-download="false">Listen to "Council Talk 58: Who pays for the night ferry?" on Spreaker.</a>
        <script async src="@PBASE@/widgets.js"></script>
        <div class="subscribe-links">Subscribe: <a href="@PAGE@/podcasts/council-talk/apple">Apple Podcasts</a> <a href="@PAGE@/podcasts/council-talk/spotify">Spotify</a> <a href="@PAGE@/podcasts/council-talk">All episodes</a></div>
      </div>
      <p>On this week's episode, Whitfield and county reporter Luis Ortega walk through the three proposals on the table, what each would cost a regular commuter, and why the ferry workers' union says a fare hike would hit the lowest-paid riders hardest.</p>
      <h2>What's in the episode</h2>
      <p>Ortega explains how the night run lost its state subsidy in 2021 and why the county has been covering it from reserves since. Whitfield talks to two riders about what a 30 percent fare increase would mean for them, and Commissioner Rhea Lindqvist makes the case for a lodging tax on short-term rentals.</p>
      <p>The commission holds its second budget hearing on March 26 at 6 p.m. in the county annex. Public comment will be taken in person and by phone.</p>
      <h2>About Council Talk</h2>
      <p>Council Talk is the Gazette's weekly podcast about local government. New episodes come out every Thursday morning. Questions for the show can be sent to the newsroom through the form on our contact page.</p>
    </div>
  </article>
  <aside>
    <div class="widget">
      <h3>Most read</h3>
      <ol>
        <li><a href="@PAGE@/news/storm-closes-route-9">Storm closes Route 9 for second time this month</a></li>
        <li><a href="@PAGE@/schools/levy-results">School levy passes by 212 votes</a></li>
        <li><a href="@PAGE@/business/cannery-reopens">Old cannery reopens as a food hall</a></li>
        <li><a href="@PAGE@/sports/gulls-playoffs">Gulls clinch first playoff berth since 2009</a></li>
      </ol>
    </div>
    <div class="widget">
      <h3>More Council Talk</h3>
      <ol>
        <li><a href="@PAGE@/podcasts/council-talk-57">57: The library bond, explained</a></li>
        <li><a href="@PAGE@/podcasts/council-talk-56">56: Inside the water rate fight</a></li>
      </ol>
    </div>
    <form class="widget newsletter" onsubmit="event.preventDefault(); this.querySelector('button').textContent='Thanks!';">
      <h3>The Morning Tide newsletter</h3>
      <label for="nl-email">Email address</label>
      <input id="nl-email" type="email" placeholder="you@example.com">
      <button type="submit">Sign up</button>
    </form>
  </aside>
</div>
<footer><div class="wrap">&copy; 2024 Harbor Light Gazette &middot; <a href="@PAGE@/about">About us</a> &middot; <a href="@PAGE@/privacy">Privacy policy</a> &middot; <a href="@PAGE@/terms">Terms of use</a></div></footer>
</body>
</html>
"##;

const SPREAKER_WIDGETS_JS: &str = r##"/* Spreaker widgets loader */
(function () {
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : location.href).href;
  var keys = ['theme', 'playlist', 'playlist-continuous', 'chapters-image', 'episode-image-position',
              'hide-logo', 'hide-likes', 'hide-comments', 'hide-sharing', 'hide-download'];
  function build(a) {
    var params = new URLSearchParams(a.getAttribute('data-resource') || '');
    keys.forEach(function (k) {
      var v = a.getAttribute('data-' + k);
      if (v !== null) { params.set(k === 'episode-image-position' ? 'episode_image_position' : k, v); }
    });
    var iframe = document.createElement('iframe');
    iframe.src = base + 'player?' + params.toString();
    iframe.setAttribute('width', a.getAttribute('data-width') || '100%');
    iframe.setAttribute('height', a.getAttribute('data-height') || '200px');
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allow', 'autoplay; encrypted-media');
    iframe.title = (a.textContent || 'Spreaker player').trim();
    iframe.style.border = '0';
    iframe.style.width = '100%';
    iframe.style.display = 'block';
    a.parentNode.replaceChild(iframe, a);
  }
  function run() { document.querySelectorAll('a.spreaker-player').forEach(build); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
})();
"##;

const SPREAKER_WIDGET: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Council Talk 58: Who pays for the night ferry? - Spreaker</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<style>
  html, body { margin: 0; height: 100%; font-family: "Helvetica Neue", Arial, sans-serif; }
  body { background: #fff; color: #222; }
  .sp { display: flex; height: 198px; border: 1px solid #e3e3e3; border-radius: 8px; box-sizing: border-box; overflow: hidden; }
  .sp-main { flex: 1; padding: 14px 16px; display: flex; flex-direction: column; min-width: 0; }
  .sp-show { font-size: 12px; color: #777; }
  .sp-title { font-size: 16px; font-weight: 700; margin: 4px 0 10px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .sp-row { display: flex; align-items: center; gap: 12px; }
  .sp-play { width: 52px; height: 52px; border-radius: 50%; border: 0; background: #f5c518; color: #222; cursor: pointer; display: flex; align-items: center; justify-content: center; flex: none; }
  .sp-wave { flex: 1; height: 36px; background: repeating-linear-gradient(90deg, #d9d9d9 0 3px, transparent 3px 6px); border-radius: 2px; position: relative; }
  .sp-wave .played { position: absolute; inset: 0 auto 0 0; width: 0; background: repeating-linear-gradient(90deg, #f5c518 0 3px, transparent 3px 6px); }
  .sp-time { font-size: 12px; color: #777; font-variant-numeric: tabular-nums; }
  .sp-actions { margin-top: auto; display: flex; gap: 6px; align-items: center; }
  .sp-actions button, .sp-actions a { width: 32px; height: 32px; border-radius: 50%; border: 1px solid #e3e3e3; background: #fff; color: #555; display: inline-flex; align-items: center; justify-content: center; cursor: pointer; text-decoration: none; }
  .sp-actions .spacer { flex: 1; border: 0; width: auto; }
  .sp-actions a.sp-logo { width: auto; height: auto; border: 0; border-radius: 0; font-size: 11px; color: #999; text-decoration: none; }
  .sp-cover { width: 198px; flex: none; background: linear-gradient(160deg, #0d3b66, #4f86b8); color: #fff; display: flex; align-items: flex-end; padding: 12px; box-sizing: border-box; font-weight: 700; }
  .sp-toast { position: absolute; left: 16px; bottom: 52px; background: #222; color: #fff; font-size: 12px; padding: 6px 10px; border-radius: 4px; display: none; }
</style>
</head>
<body>
<div class="sp" id="spreaker-player"></div>
<div class="sp-toast" id="sp-toast"></div>
<script>
window.__SPREAKER_EPISODE__ = {"episode_id":58912304,"type":"RECORDED","title":"Council Talk 58: Who pays for the night ferry?","duration":1843000,"show":{"show_id":5521987,"title":"Council Talk from the Harbor Light Gazette"},"published_at":"2024-03-14 10:00:00","playback_url":"@PBASE@/v2/episodes/58912304/play.mp3","download_enabled":true,"download_url":"@PBASE@/download/episode/58912304/council_talk_58_the_ferry_budget.mp3","likes_count":14,"site_url":"@PBASE@/episode/58912304"};
(function () {
  var ep = window.__SPREAKER_EPISODE__;
  var params = new URLSearchParams(location.search);
  var root = document.getElementById('spreaker-player');
  function icon(path) { return '<svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="' + path + '"/></svg>'; }
  var mins = Math.floor(ep.duration / 60000), secs = Math.floor(ep.duration / 1000) % 60;
  root.innerHTML =
    '<div class="sp-main">' +
      '<div class="sp-show"></div><div class="sp-title"></div>' +
      '<div class="sp-row">' +
        '<button class="sp-play" aria-label="Play" title="Play">' + icon('M8 5v14l11-7z') + '</button>' +
        '<div class="sp-wave"><div class="played"></div></div>' +
        '<span class="sp-time"><span class="cur">0:00</span> / ' + mins + ':' + (secs < 10 ? '0' : '') + secs + '</span>' +
      '</div>' +
      '<div class="sp-actions">' +
        (params.get('hide-likes') === 'true' ? '' : '<button class="sp-like" title="Like" aria-label="Like">' + icon('M12 21l-1.5-1.3C5 15 2 12.2 2 8.5 2 5.4 4.4 3 7.5 3c1.7 0 3.4.8 4.5 2.1C13.1 3.8 14.8 3 16.5 3 19.6 3 22 5.4 22 8.5c0 3.7-3 6.5-8.5 11.2z') + '</button>') +
        (params.get('hide-comments') === 'true' ? '' : '<button class="sp-comment" title="Comments" aria-label="Comments">' + icon('M4 4h16v12H7l-3 3z') + '</button>') +
        (params.get('hide-sharing') === 'true' ? '' : '<button class="sp-share" title="Share" aria-label="Share">' + icon('M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z') + '</button>') +
        (params.get('hide-download') === 'true' || !ep.download_enabled ? '' : '<a class="sp-download" title="Download" aria-label="Download" target="_blank" rel="noopener">' + icon('M12 3v11m0 0l-4-4m4 4l4-4M5 19h14') .replace('fill="currentColor"', 'fill="none" stroke="currentColor" stroke-width="2"') + '</a>') +
        '<span class="spacer"></span>' +
        (params.get('hide-logo') === 'true' ? '' : '<a class="sp-logo" target="_blank" rel="noopener">Listen on Spreaker</a>') +
      '</div>' +
    '</div>' +
    '<div class="sp-cover">Council Talk</div>';
  root.querySelector('.sp-show').textContent = ep.show.title;
  root.querySelector('.sp-title').textContent = ep.title;
  var dl = root.querySelector('.sp-download');
  if (dl) { dl.href = ep.download_url; }
  var logo = root.querySelector('.sp-logo');
  if (logo) { logo.href = ep.site_url; }
  var audio = new Audio();
  audio.preload = 'none';
  var play = root.querySelector('.sp-play');
  play.addEventListener('click', function () {
    if (!audio.src) { audio.src = ep.playback_url; }
    if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
  });
  audio.addEventListener('play', function () { play.setAttribute('aria-label', 'Pause'); play.title = 'Pause'; });
  audio.addEventListener('pause', function () { play.setAttribute('aria-label', 'Play'); play.title = 'Play'; });
  audio.addEventListener('timeupdate', function () {
    root.querySelector('.played').style.width = (100 * audio.currentTime * 1000 / ep.duration) + '%';
    var s = Math.floor(audio.currentTime);
    root.querySelector('.cur').textContent = Math.floor(s / 60) + ':' + (s % 60 < 10 ? '0' : '') + (s % 60);
  });
  var toast = document.getElementById('sp-toast');
  function say(text) { toast.textContent = text; toast.style.display = 'block'; setTimeout(function () { toast.style.display = 'none'; }, 1800); }
  var like = root.querySelector('.sp-like');
  if (like) { like.addEventListener('click', function () { say('Log in to Spreaker to like episodes'); }); }
  var comment = root.querySelector('.sp-comment');
  if (comment) { comment.addEventListener('click', function () { say('Log in to Spreaker to comment'); }); }
  var share = root.querySelector('.sp-share');
  if (share) { share.addEventListener('click', function () { say('Link copied'); }); }
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Omny Studio. Imitates an omny.fm clip page: a Next.js page whose
// script#__NEXT_DATA__ carries props.pageProps.clip with the PascalCase keys yt-dlp
// reads (AudioUrl, Title, Description, Chapters, PublishedAudioSizeInBytes,
// Program.Name). The AudioUrl is a traffic.omny.fm/d/clips/<org>/<program>/<clip>/
// audio.mp3 URL that redirects to the file. The visible controls are synthetic: an
// icon-only Play that streams through a detached Audio object, and a "More options"
// button whose menu (Share, Embed, Download, Report) is rendered into a portal at the
// end of <body> only when opened. A human opens the menu and picks Download, or plays.
// ---------------------------------------------------------------------------------

fn omny(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(OMNY_PAGE, request);
    }
    None
}

const OMNY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>Episode 214: The Night the Lights Went Out - The Grid Room - Omny.fm</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="In February 2021 the Texas grid came within minutes of collapse. Engineers who were in the control room that night tell us what it was like.">
<meta property="og:title" content="Episode 214: The Night the Lights Went Out">
<meta property="og:description" content="In February 2021 the Texas grid came within minutes of collapse.">
<meta property="og:type" content="website">
<meta property="og:url" content="@PAGE@">
<meta name="twitter:card" content="player">
<meta name="twitter:player" content="@PAGE@/embed">
<meta name="twitter:player:width" content="500">
<meta name="twitter:player:height" content="180">
<meta name="next-head-count" content="13">
<style>
  body { margin: 0; font-family: "Source Sans Pro", system-ui, sans-serif; color: #1b1f24; background: #f4f5f7; }
  .topnav { background: #fff; border-bottom: 1px solid #e1e4e8; height: 56px; display: flex; align-items: center; padding: 0 24px; gap: 18px; }
  .topnav .logo { font-weight: 800; font-size: 20px; color: #2b5ce6; text-decoration: none; }
  .topnav input { margin-left: auto; width: 260px; border: 1px solid #d0d4d9; border-radius: 18px; padding: 7px 14px; }
  .container { max-width: 960px; margin: 0 auto; padding: 28px 24px 60px; }
  .crumbs { font-size: 14px; color: #5b6470; margin-bottom: 14px; }
  .crumbs a { color: #2b5ce6; text-decoration: none; }
  .clip-card { background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 24px; display: flex; gap: 24px; }
  .art { width: 180px; height: 180px; flex: none; border-radius: 8px; background: conic-gradient(from 200deg, #0b1e3b, #2b5ce6, #f2b705, #0b1e3b); }
  .meta { flex: 1; min-width: 0; }
  .program { font-size: 14px; font-weight: 700; color: #2b5ce6; text-decoration: none; }
  h1 { font-size: 28px; margin: 6px 0 8px; line-height: 1.2; }
  .date { color: #5b6470; font-size: 14px; }
  .controls { display: flex; align-items: center; gap: 14px; margin-top: 22px; position: relative; }
  .btn-play { width: 56px; height: 56px; border-radius: 50%; border: 0; background: #2b5ce6; color: #fff; cursor: pointer; display: flex; align-items: center; justify-content: center; }
  .scrub { flex: 1; height: 6px; background: #e1e4e8; border-radius: 3px; position: relative; }
  .scrub span { position: absolute; left: 0; top: 0; bottom: 0; width: 0; background: #2b5ce6; border-radius: 3px; }
  .time { font-size: 13px; color: #5b6470; font-variant-numeric: tabular-nums; }
  .btn-icon { width: 40px; height: 40px; border-radius: 50%; border: 1px solid #d0d4d9; background: #fff; color: #1b1f24; cursor: pointer; display: flex; align-items: center; justify-content: center; }
  .desc { background: #fff; border-radius: 10px; padding: 24px; margin-top: 20px; line-height: 1.55; }
  .desc h2 { font-size: 18px; margin-top: 0; }
  .chapters li { margin: 4px 0; }
  .follow { display: flex; gap: 10px; margin-top: 18px; flex-wrap: wrap; }
  .follow a { font-size: 14px; border: 1px solid #d0d4d9; border-radius: 16px; padding: 6px 12px; color: #1b1f24; text-decoration: none; background: #fff; }
  .menu { position: absolute; z-index: 50; background: #fff; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); min-width: 200px; padding: 6px 0; }
  .menu a, .menu button { display: flex; gap: 10px; align-items: center; width: 100%; box-sizing: border-box; padding: 10px 16px; font: inherit; font-size: 15px; color: #1b1f24; text-decoration: none; background: none; border: 0; text-align: left; cursor: pointer; }
  .menu a:hover, .menu button:hover { background: #f0f3f7; }
  .scrim { position: fixed; inset: 0; z-index: 40; }
  footer { text-align: center; color: #5b6470; font-size: 13px; padding: 30px; }
</style>
</head>
<body>
<div id="__next">
  <header class="topnav"><a class="logo" href="@PAGE@">omny.fm</a><a href="@PAGE@/shows/the-grid-room" style="color:#1b1f24;text-decoration:none">Browse</a><input type="search" placeholder="Search shows and episodes" aria-label="Search"></header>
  <main class="container">
    <div class="crumbs"><a href="@PAGE@/shows/the-grid-room">The Grid Room</a> / Episodes</div>
    <section class="clip-card">
      <div class="art" role="img" aria-label="The Grid Room artwork"></div>
      <div class="meta">
        <a class="program" href="@PAGE@/shows/the-grid-room">The Grid Room</a>
        <h1>Episode 214: The Night the Lights Went Out</h1>
        <div class="date">Wednesday, 13 March 2024 &middot; 52:07</div>
        <div class="controls">
          <button class="btn-play" type="button" aria-label="Play"><svg width="24" height="24" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg></button>
          <div class="scrub" aria-hidden="true"><span></span></div>
          <span class="time"><span class="cur">0:00</span> / 52:07</span>
          <button class="btn-icon btn-more" type="button" aria-label="More options" aria-haspopup="menu" aria-expanded="false"><svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor"><circle cx="5" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="19" cy="12" r="2"/></svg></button>
        </div>
        <div class="follow">
          <a href="@PAGE@/follow/apple">Apple Podcasts</a>
          <a href="@PAGE@/follow/spotify">Spotify</a>
          <a href="@PAGE@/follow/iheart">iHeartRadio</a>
          <a href="@PAGE@/follow/rss">RSS</a>
        </div>
      </div>
    </section>
    <section class="desc">
      <h2>About this episode</h2>
      <p>In February 2021, as Winter Storm Uri pushed temperatures in Texas below zero, the state's grid came within four minutes and thirty-seven seconds of an uncontrolled collapse. Two engineers who were in the control room that night describe the calls they made, and what has (and has not) changed since.</p>
      <ul class="chapters">
        <li>0:00 &ndash; Cold open</li>
        <li>3:41 &ndash; The frequency chart</li>
        <li>17:20 &ndash; Rolling outages that would not roll</li>
        <li>34:05 &ndash; Weatherization, three winters later</li>
        <li>47:30 &ndash; What we would do differently</li>
      </ul>
      <p>See Omny Studio&rsquo;s listener privacy notice for privacy information.</p>
    </section>
  </main>
  <footer>&copy; 2024 Omny Studio &middot; Privacy policy &middot; Terms of use</footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"clip":{"Id":"4e9a7c20-3b1d-4f6e-9a8c-b14f00a1d2e3","Title":"Episode 214: The Night the Lights Went Out","Description":"In February 2021 the Texas grid came within minutes of collapse. Engineers who were in the control room that night tell us what it was like.","Season":3,"Episode":214,"EpisodeType":"Full","PublishedUtc":"2024-03-13T09:00:00Z","DurationSeconds":3127.4,"PublishedAudioSizeInBytes":50051904,"AudioUrl":"@PLAYER@/hop/traffic-omny/media/omny/d/clips/6f1d2a3b-9c8e-4b7a-a1f0-acb200e1c9d2/2b7e4c1a-5d3f-4e21-b0a9-acb200e2f4a1/4e9a7c20-3b1d-4f6e-9a8c-b14f00a1d2e3/audio.mp3","PublishedUrl":"@PAGE@","EmbedUrl":"@PAGE@/embed","ImageUrl":null,"Chapters":[{"Name":"Cold open","Position":0},{"Name":"The frequency chart","Position":221},{"Name":"Rolling outages that would not roll","Position":1040},{"Name":"Weatherization, three winters later","Position":2045},{"Name":"What we would do differently","Position":2850}],"Program":{"Name":"The Grid Room","Slug":"the-grid-room","Id":"2b7e4c1a-5d3f-4e21-b0a9-acb200e2f4a1"}},"organization":{"Name":"Lone Star Audio Network"}},"__N_SSP":true},"page":"/shows/[programSlug]/[clipSlug]","query":{"programSlug":"the-grid-room","clipSlug":"episode-214-the-night-the-lights-went-out"},"buildId":"p7Hc2QW1xg3bFqNwL0aZr","isFallback":false,"gssp":true,"scriptLoader":[]}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent);
  var clip = data.props.pageProps.clip;
  var playBtn = document.querySelector('.btn-play');
  var audio = null;
  function fmt(s) { s = Math.floor(s); return Math.floor(s / 60) + ':' + (s % 60 < 10 ? '0' : '') + (s % 60); }
  playBtn.addEventListener('click', function () {
    if (!audio) {
      audio = new Audio(clip.AudioUrl);
      audio.addEventListener('play', function () { playBtn.setAttribute('aria-label', 'Pause'); });
      audio.addEventListener('pause', function () { playBtn.setAttribute('aria-label', 'Play'); });
      audio.addEventListener('timeupdate', function () {
        document.querySelector('.scrub span').style.width = (100 * audio.currentTime / clip.DurationSeconds) + '%';
        document.querySelector('.cur').textContent = fmt(audio.currentTime);
      });
    }
    if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
  });

  var more = document.querySelector('.btn-more');
  var portal = null;
  function closeMenu() {
    if (portal) { portal.remove(); portal = null; }
    more.setAttribute('aria-expanded', 'false');
  }
  more.addEventListener('click', function (e) {
    e.stopPropagation();
    if (portal) { closeMenu(); return; }
    portal = document.createElement('div');
    portal.setAttribute('data-radix-popper-content-wrapper', '');
    var scrim = document.createElement('div');
    scrim.className = 'scrim';
    scrim.addEventListener('click', closeMenu);
    var menu = document.createElement('div');
    menu.className = 'menu';
    menu.setAttribute('role', 'menu');
    var r = more.getBoundingClientRect();
    menu.style.top = (window.scrollY + r.bottom + 6) + 'px';
    menu.style.left = (window.scrollX + r.right - 210) + 'px';
    menu.innerHTML =
      '<button role="menuitem" data-action="share">Share episode</button>' +
      '<button role="menuitem" data-action="embed">Embed player</button>' +
      '<a role="menuitem" data-action="download" target="_blank" rel="noopener" download>Download</a>' +
      '<button role="menuitem" data-action="report">Report this episode</button>';
    menu.querySelector('[data-action=download]').href = clip.AudioUrl;
    menu.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () {
        b.textContent = b.dataset.action === 'report' ? 'Thanks, we will take a look' : 'Link copied';
        setTimeout(closeMenu, 900);
      });
    });
    portal.appendChild(scrim);
    portal.appendChild(menu);
    document.body.appendChild(portal);
    more.setAttribute('aria-expanded', 'true');
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// RSS.com behind TrustArc. Imitates a corporate newsroom post that embeds the RSS.com
// player with the published iframe form (player.rss.com/<show>/<episodeId>?theme=
// light&v=2, allow="accelerometer; autoplay; clipboard-write; ...", with a fallback
// link inside) but holds the iframe back until functional cookies are accepted, as
// sites do with consent managers. The consent manager is TrustArc's newer one: a
// notice script (consent.trustarc.com/notice?domain=...&c=teconsent) that injects
// .truste_box_overlay and an iframe .truste_popframe whose anchors a.call (accept) and
// a.required (required only) post {"source":"preference_manager","message":
// "submit_preferences"} to the page; the page's "Cookie Preferences" link calls
// truste.eu.clickListener(). The RSS.com player's inner DOM is synthetic (no real
// markup was found): Play fetches the episode JSON and only then sets the audio src,
// an OP3-prefixed media.rss.com URL. A human accepts cookies and presses Play.
// ---------------------------------------------------------------------------------

fn rss_com(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(RSSCOM_PAGE, request);
    }
    if !request.on_player_host {
        return None;
    }
    match request.rest {
        "notice" => Some(javascript(fill(TRUSTARC_NOTICE_JS, request))),
        "consent-pref/" | "consent-pref" => page(TRUSTARC_FRAME, request),
        "player/shop-floor-stories/1426673" => page(RSSCOM_PLAYER, request),
        "api/v3/player/episodes/1426673" => Some(json(fill(
            r##"{"podcast":{"slug":"shop-floor-stories","title":"Shop Floor Stories","author":"Fernhill Robotics"},"episode":{"id":1426673,"title":"Ep. 9: The Night Shift Robot That Learned to Wait","duration":1934,"published_at":"2024-03-12T05:03:18Z","image":null,"audio":{"url":"@PLAYER@/hop/op3/media/rss-com/shop-floor-stories/20240312_050318_9a41c3e07bb2f5d6.mp3","type":"audio/mpeg","size":30944000},"transcript_url":null}}"##,
            request,
        ))),
        _ => None,
    }
}

const RSSCOM_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop Floor Stories, Ep. 9: The night-shift robot that learned to wait | Fernhill Robotics Newsroom</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="In episode 9 of our podcast, Shop Floor Stories, two technicians from our Tilburg plant explain how a palletizing cell learned to pause for people.">
<meta property="og:title" content="Shop Floor Stories, Ep. 9: The night-shift robot that learned to wait">
<meta property="og:type" content="article">
<meta property="og:url" content="@PAGE@">
<link rel="canonical" href="@PAGE@">
<script async src="@PBASE@/notice?domain=fernhillrobotics&amp;c=teconsent&amp;gtm=1&amp;js=nj&amp;noticeType=bb&amp;text=true&amp;language=en"></script>
<style>
  body { margin: 0; font-family: "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #15212b; }
  .util { background: #0e1a24; color: #9fb2c3; font-size: 13px; padding: 7px 0; }
  .wrap { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
  .util .wrap { display: flex; justify-content: flex-end; gap: 18px; }
  .util a { color: #9fb2c3; text-decoration: none; }
  header.main { border-bottom: 1px solid #e4e9ee; }
  header.main .wrap { display: flex; align-items: center; height: 72px; gap: 30px; }
  .logo { font-weight: 800; font-size: 22px; color: #15212b; text-decoration: none; }
  .logo span { color: #e8590c; }
  header nav a { color: #15212b; text-decoration: none; font-size: 15px; margin-right: 20px; }
  .hero { background: #f3f6f9; padding: 40px 0 30px; }
  .eyebrow { color: #e8590c; font-weight: 700; font-size: 13px; letter-spacing: .1em; text-transform: uppercase; }
  h1 { font-size: 36px; line-height: 1.2; max-width: 820px; margin: 10px 0; }
  .meta { color: #5c6f80; font-size: 14px; }
  .content { max-width: 760px; padding: 34px 24px 60px; font-size: 18px; line-height: 1.65; }
  .embed-blocked { border: 1px dashed #b7c4d0; background: #f7f9fb; border-radius: 8px; padding: 22px; font-size: 15px; line-height: 1.5; margin: 26px 0; }
  .embed-blocked button { margin-top: 10px; background: #15212b; color: #fff; border: 0; border-radius: 4px; padding: 9px 16px; font: inherit; cursor: pointer; }
  .embed-live iframe { border: 0; width: 100%; height: 202px; }
  .quote { border-left: 4px solid #e8590c; padding-left: 18px; font-style: italic; color: #33485a; }
  .related { border-top: 1px solid #e4e9ee; margin-top: 40px; padding-top: 20px; font-size: 16px; }
  .related a { color: #0b63b6; }
  footer { background: #0e1a24; color: #9fb2c3; font-size: 14px; padding: 34px 0; }
  footer a { color: #9fb2c3; margin-right: 16px; }
</style>
</head>
<body>
<div class="util"><div class="wrap"><a href="@PAGE@/investors">Investors</a><a href="@PAGE@/careers">Careers</a><a href="@PAGE@/contact">Contact</a><span>EN</span></div></div>
<header class="main"><div class="wrap">
  <a class="logo" href="@PAGE@">fernhill<span>.</span>robotics</a>
  <nav><a href="@PAGE@/solutions">Solutions</a><a href="@PAGE@/industries">Industries</a><a href="@PAGE@/service">Service</a><a href="@PAGE@/newsroom">Newsroom</a><a href="@PAGE@/about">About us</a></nav>
</div></header>
<section class="hero"><div class="wrap">
  <div class="eyebrow">Podcast &middot; Shop Floor Stories</div>
  <h1>Ep. 9: The night-shift robot that learned to wait</h1>
  <div class="meta">Newsroom &middot; March 12, 2024 &middot; 32 min listen</div>
</div></section>
<main class="wrap content">
  <p>Most of our customers' palletizing cells run through the night with nobody around. At our Tilburg plant that changed when a second shift of pickers started sharing the floor with cell 4. In this episode, technicians Femke de Ruiter and Joost Verhagen explain how the cell learned to pause for people instead of stopping hard, and what that did to throughput.</p>
  <div class="podcast-embed" data-consent-category="functional">
    <div class="embed-blocked">
      <strong>This audio player is provided by RSS.com.</strong><br>
      It sets functional cookies. To listen here, allow functional cookies in your cookie preferences.<br>
      <button type="button" class="open-prefs">Cookie Preferences</button>
    </div>
    <div class="embed-live" hidden>
      <iframe data-src="@PBASE@/player/shop-floor-stories/1426673?theme=light&amp;v=2" width="100%" height="202px" title="Ep. 9: The Night Shift Robot That Learned to Wait" frameBorder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen scrolling="no"><a href="@PBASE@/podcasts/shop-floor-stories/1426673/">Ep. 9: The Night Shift Robot That Learned to Wait | Shop Floor Stories</a></iframe>
    </div>
  </div>
  <p>We talk about safety-rated speed monitoring, why the first version annoyed everyone by stopping too often, and the small change in zone layout that fixed it.</p>
  <p class="quote">&ldquo;The robot was never the problem. The problem was that nobody could tell what it was about to do.&rdquo; &mdash; Femke de Ruiter</p>
  <p>Shop Floor Stories is available wherever you get your podcasts. Search for &ldquo;Shop Floor Stories&rdquo; in Apple Podcasts or Spotify.</p>
  <div class="related"><strong>More from the newsroom</strong><br><a href="@PAGE@/newsroom/ep-8">Ep. 8: Commissioning a line in nine days</a><br><a href="@PAGE@/newsroom/q4-results">Fernhill reports fourth-quarter results</a></div>
</main>
<footer><div class="wrap">
  <a href="@PAGE@/privacy">Privacy Statement</a><a href="@PAGE@/terms">Terms of Use</a><a href="@PAGE@/imprint">Imprint</a>
  <span id="teconsent"></span>
  <div style="margin-top:14px">&copy; 2024 Fernhill Robotics B.V.</div>
</div></footer>
<div id="consent_blackbar"></div>
<script>
(function () {
  function functionalAllowed() {
    var m = document.cookie.match(/(?:^|; )notice_gdpr_prefs=([^;]*)/);
    return !!m && decodeURIComponent(m[1]).split(':')[0].split(',').indexOf('1') >= 0;
  }
  function apply() {
    document.querySelectorAll('.podcast-embed').forEach(function (box) {
      if (!functionalAllowed()) { return; }
      var live = box.querySelector('.embed-live');
      var frame = live.querySelector('iframe[data-src]');
      if (frame && !frame.getAttribute('src')) { frame.setAttribute('src', frame.getAttribute('data-src')); }
      live.hidden = false;
      box.querySelector('.embed-blocked').hidden = true;
    });
  }
  window.addEventListener('message', function (e) {
    var msg;
    try { msg = typeof e.data === 'string' ? JSON.parse(e.data) : e.data; } catch (err) { return; }
    if (msg && msg.source === 'preference_manager' && msg.message === 'submit_preferences') { setTimeout(apply, 0); }
  });
  document.querySelectorAll('.open-prefs').forEach(function (b) {
    b.addEventListener('click', function () {
      if (window.truste && truste.eu && truste.eu.clickListener) { truste.eu.clickListener(); }
    });
  });
  apply();
})();
</script>
</body>
</html>
"##;

const TRUSTARC_NOTICE_JS: &str = r##"/* TrustArc consent notice (nj) */
(function () {
  var base = '@PBASE@';
  var truste = window.truste = window.truste || {};
  truste.eu = truste.eu || {};
  function prefs() {
    var m = document.cookie.match(/(?:^|; )notice_gdpr_prefs=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
  }
  function close() {
    ['truste-consent-overlay', 'truste-consent-box'].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.parentNode.removeChild(el); }
    });
    document.documentElement.style.overflow = '';
  }
  function open() {
    if (document.getElementById('truste-consent-box')) { return; }
    var overlay = document.createElement('div');
    overlay.id = 'truste-consent-overlay';
    overlay.className = 'truste_overlay';
    overlay.style.cssText = 'position:fixed;top:0;left:0;width:100%;height:100%;background:rgba(0,0,0,.55);z-index:1000000;';
    var box = document.createElement('div');
    box.id = 'truste-consent-box';
    box.className = 'truste_box_overlay';
    box.style.cssText = 'position:fixed;z-index:1000001;left:50%;top:50%;transform:translate(-50%,-50%);width:620px;max-width:94vw;height:470px;background:#fff;border-radius:6px;box-shadow:0 10px 40px rgba(0,0,0,.35);overflow:hidden;';
    var inner = document.createElement('div');
    inner.className = 'truste_box_overlay_inner trustarc_newcm_container';
    inner.style.cssText = 'width:100%;height:100%;';
    var frame = document.createElement('iframe');
    frame.className = 'truste_popframe';
    frame.title = 'TrustArc Cookie Consent Manager';
    frame.src = base + '/consent-pref/?type=fernhill_gdpr&layout=gdpr&site=fernhillrobotics&action=notice&country=nl&locale=en&behavior=expressed&gtm=1';
    frame.style.cssText = 'border:0;width:100%;height:100%;';
    inner.appendChild(frame);
    box.appendChild(inner);
    document.body.appendChild(overlay);
    document.body.appendChild(box);
    document.documentElement.style.overflow = 'hidden';
  }
  truste.eu.clickListener = open;
  truste.eu.bindMap = { prefCookie: prefs() };
  window.addEventListener('message', function (e) {
    var msg;
    try { msg = typeof e.data === 'string' ? JSON.parse(e.data) : e.data; } catch (err) { return; }
    if (!msg || msg.source !== 'preference_manager') { return; }
    if (msg.message === 'submit_preferences' && msg.data) {
      var value = String(msg.data.value || '0');
      var expires = new Date(Date.now() + 390 * 864e5).toUTCString();
      document.cookie = 'notice_gdpr_prefs=' + encodeURIComponent(value + ':') + '; path=/; expires=' + expires;
      document.cookie = 'notice_preferences=' + encodeURIComponent((value.split(',').length - 1) + ':') + '; path=/; expires=' + expires;
      document.cookie = 'cmapi_cookie_privacy=' + encodeURIComponent('permit ' + value.split(',').map(function (n) { return Number(n) + 1; }).join(',')) + '; path=/; expires=' + expires;
      truste.eu.bindMap.prefCookie = value + ':';
    }
    if (msg.message === 'remove_iframe' || msg.message === 'submit_preferences') { close(); }
  });
  function mountLink() {
    var slot = document.getElementById('teconsent');
    if (slot && !slot.firstChild) {
      var a = document.createElement('a');
      a.id = 'icon-id0';
      a.setAttribute('role', 'link');
      a.setAttribute('tabindex', '0');
      a.textContent = 'Cookie Preferences';
      a.style.cursor = 'pointer';
      a.addEventListener('click', open);
      slot.appendChild(a);
    }
    if (!prefs()) { open(); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', mountLink); } else { mountLink(); }
})();
"##;

const TRUSTARC_FRAME: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TrustArc Preference Manager</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<style>
  body { margin: 0; font-family: Arial, Helvetica, sans-serif; color: #222; font-size: 14px; }
  .pdynamicbutton { padding: 0; }
  #gwt-debug-contentPanel { padding: 26px 30px 18px; height: 470px; box-sizing: border-box; display: flex; flex-direction: column; }
  h2 { font-size: 22px; margin: 0 0 6px; }
  .logo { font-weight: 700; color: #15212b; margin-bottom: 16px; }
  .logo span { color: #e8590c; }
  .text { line-height: 1.5; overflow: auto; flex: 1; }
  .cats { display: none; margin-top: 10px; }
  .cats label { display: flex; justify-content: space-between; border-top: 1px solid #eee; padding: 9px 0; }
  .buttons { display: flex; gap: 12px; margin-top: 16px; flex-wrap: wrap; }
  .buttons a { display: inline-block; padding: 11px 18px; border-radius: 3px; cursor: pointer; text-decoration: none; font-weight: 700; }
  a.call { background: #15212b; color: #fff; }
  a.required { background: #fff; color: #15212b; border: 1px solid #15212b; }
  a.advance, a.submit { color: #0b63b6; padding-left: 4px !important; padding-right: 4px !important; }
  .powered { font-size: 11px; color: #888; margin-top: 10px; }
</style>
</head>
<body>
<div class="pdynamicbutton" id="gwt-debug-contentPanel">
  <div class="logo">fernhill<span>.</span>robotics</div>
  <h2>We value your privacy</h2>
  <div class="text">
    <p>We use cookies and similar technologies to make our website work, to remember your settings, to show embedded content such as videos and podcasts, and to understand how our site is used so we can improve it. Some of these cookies are set by third parties.</p>
    <p>Select &ldquo;Accept All&rdquo; to allow all cookies, or &ldquo;Required Only&rdquo; to allow only the cookies the site needs to work. You can change your choice at any time with the &ldquo;Cookie Preferences&rdquo; link at the bottom of every page.</p>
    <div class="cats" id="cats">
      <label>Required cookies <input type="checkbox" checked disabled></label>
      <label>Functional cookies <input type="checkbox" id="cat-1"></label>
      <label>Advertising cookies <input type="checkbox" id="cat-2"></label>
    </div>
  </div>
  <div class="buttons">
    <a class="call" role="button" tabindex="0">Accept All</a>
    <a class="required" role="button" tabindex="0">Required Only</a>
    <a class="advance" role="button" tabindex="0">Manage Preferences</a>
    <a class="submit" role="button" tabindex="0" style="display:none">Submit Preferences</a>
  </div>
  <div class="powered">Powered by TrustArc | TRUSTe</div>
</div>
<script>
(function () {
  function send(value) {
    window.parent.postMessage(JSON.stringify({ source: 'preference_manager', message: 'submit_preferences', data: { value: value } }), '*');
  }
  document.querySelector('a.call').addEventListener('click', function () { send('0,1,2'); });
  document.querySelector('a.required').addEventListener('click', function () { send('0'); });
  document.querySelector('a.advance').addEventListener('click', function () {
    document.getElementById('cats').style.display = 'block';
    this.style.display = 'none';
    document.querySelector('a.submit').style.display = 'inline-block';
  });
  document.querySelector('a.submit').addEventListener('click', function () {
    var v = ['0'];
    if (document.getElementById('cat-1').checked) { v.push('1'); }
    if (document.getElementById('cat-2').checked) { v.push('2'); }
    send(v.join(','));
  });
})();
</script>
</body>
</html>
"##;

const RSSCOM_PLAYER: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep. 9: The Night Shift Robot That Learned to Wait | Shop Floor Stories | RSS.com</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<style>
  html, body { margin: 0; height: 100%; font-family: "Nunito Sans", system-ui, sans-serif; }
  body { background: #fff; color: #1f2a37; }
  .rp { display: flex; gap: 16px; padding: 16px; height: 202px; box-sizing: border-box; border: 1px solid #e5e7eb; border-radius: 12px; }
  .cover { width: 170px; height: 170px; border-radius: 8px; flex: none; background: linear-gradient(135deg, #15212b, #e8590c); }
  .body { flex: 1; min-width: 0; display: flex; flex-direction: column; }
  .show { font-size: 13px; color: #6b7280; }
  .title { font-size: 17px; font-weight: 800; margin: 4px 0; }
  .row { display: flex; align-items: center; gap: 12px; margin-top: auto; }
  .play { width: 50px; height: 50px; border-radius: 50%; border: 0; background: #5b3cc4; color: #fff; display: flex; align-items: center; justify-content: center; cursor: pointer; }
  .skip { background: none; border: 0; color: #4b5563; cursor: pointer; font-size: 12px; }
  .bar { flex: 1; height: 5px; background: #e5e7eb; border-radius: 3px; position: relative; }
  .bar i { position: absolute; left: 0; top: 0; bottom: 0; width: 0; background: #5b3cc4; border-radius: 3px; }
  .time { font-size: 12px; color: #6b7280; font-variant-numeric: tabular-nums; }
  .foot { display: flex; gap: 8px; margin-top: 12px; align-items: center; }
  .foot button { border: 1px solid #e5e7eb; background: #fff; border-radius: 16px; padding: 5px 12px; font-size: 12px; cursor: pointer; }
  .foot .brand { margin-left: auto; font-size: 11px; color: #9ca3af; }
  .status { font-size: 12px; color: #b91c1c; }
</style>
</head>
<body>
<div class="rp" id="rsscom-player" data-podcast="shop-floor-stories" data-episode="1426673">
  <div class="cover" role="img" aria-label="Shop Floor Stories cover"></div>
  <div class="body">
    <div class="show">Shop Floor Stories</div>
    <div class="title">Ep. 9: The Night Shift Robot That Learned to Wait</div>
    <div class="status" aria-live="polite"></div>
    <div class="row">
      <button class="skip back" aria-label="Back 15 seconds">-15</button>
      <button class="play" aria-label="Play"><svg width="22" height="22" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg></button>
      <button class="skip fwd" aria-label="Forward 15 seconds">+15</button>
      <div class="bar"><i></i></div>
      <span class="time"><span class="cur">00:00</span> / 32:14</span>
    </div>
    <div class="foot">
      <button class="speed" aria-label="Playback speed">1x</button>
      <button class="subscribe">Subscribe</button>
      <button class="share">Share</button>
      <span class="brand">Powered by RSS.com</span>
    </div>
  </div>
</div>
<script>
(function () {
  var root = document.getElementById('rsscom-player');
  var audio = document.createElement('audio');
  audio.preload = 'none';
  root.appendChild(audio);
  var play = root.querySelector('.play');
  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch('@PBASE@/api/v3/player/episodes/' + root.dataset.episode, { credentials: 'omit' })
        .then(function (r) { return r.json(); })
        .then(function (d) { audio.src = d.episode.audio.url; return audio; });
    }
    return loading;
  }
  play.addEventListener('click', function () {
    load().then(function () {
      if (audio.paused) { return audio.play(); }
      audio.pause();
    }).catch(function () { root.querySelector('.status').textContent = 'Playback failed. Try again.'; });
  });
  audio.addEventListener('play', function () { play.setAttribute('aria-label', 'Pause'); });
  audio.addEventListener('pause', function () { play.setAttribute('aria-label', 'Play'); });
  audio.addEventListener('timeupdate', function () {
    root.querySelector('.bar i').style.width = (100 * audio.currentTime / 1934) + '%';
    var s = Math.floor(audio.currentTime);
    root.querySelector('.cur').textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
  });
  root.querySelector('.back').addEventListener('click', function () { audio.currentTime = Math.max(0, audio.currentTime - 15); });
  root.querySelector('.fwd').addEventListener('click', function () { audio.currentTime += 15; });
  root.querySelector('.speed').addEventListener('click', function (e) {
    var rates = [1, 1.5, 2, 0.5]; var i = (rates.indexOf(audio.playbackRate) + 1) % rates.length;
    audio.playbackRate = rates[i]; e.currentTarget.textContent = rates[i] + 'x';
  });
  root.querySelector('.subscribe').addEventListener('click', function (e) { e.currentTarget.textContent = 'Apple Podcasts · Spotify · RSS'; });
  root.querySelector('.share').addEventListener('click', function (e) { e.currentTarget.textContent = 'Link copied'; });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Castos / Seriously Simple Podcasting. Imitates a WordPress site that publishes with
// the SSP plugin and hosts files on Castos: the Castos player markup (div.castos-player
// data-episode, button.play-btn / .pause-btn with screen-reader text, <audio
// preload="none" class="clip"><source src=".../podcast-player/<id>/<file>.mp3">,
// subscribe and share panels) and the classic podcast_meta line ("Download file |
// Play in new window | Duration"), whose /podcast-download/<id>/<file>.mp3?ref=download
// link redirects to episodes.castos.com. Panel details are approximated from the
// plugin's templates. A human clicks "Download file".
// ---------------------------------------------------------------------------------

fn castos(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(CASTOS_PAGE, request);
    }
    if request.on_player_host {
        return None;
    }
    match request.rest {
        "podcast-download/4417/ep-57-grant-season.mp3"
        | "podcast-player/4417/ep-57-grant-season.mp3" => Some(redirect(&fill(
            "@PLAYER@/media/castos/episodes/8c41d2e07f3b4a6e9d15/4417/ep-57-grant-season.mp3",
            request,
        ))),
        _ => None,
    }
}

const CASTOS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep 57: Surviving Grant Season &#8211; The Nonprofit Back Office</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="robots" content="max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="The Nonprofit Back Office &raquo; Feed" href="@PAGE@/feed/">
<link rel="alternate" type="application/rss+xml" title="Podcast RSS feed" href="@PAGE@/feed/podcast/">
<meta property="og:type" content="article">
<meta property="og:title" content="Ep 57: Surviving Grant Season">
<meta property="og:url" content="@PAGE@">
<meta name="generator" content="WordPress 6.4.3">
<meta name="generator" content="Seriously Simple Podcasting 3.2.0">
<style>
  body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color: #2c3338; background: #fff; }
  .site-header { border-bottom: 1px solid #eee; }
  .inner { max-width: 760px; margin: 0 auto; padding: 0 20px; }
  .site-header .inner { display: flex; align-items: center; justify-content: space-between; height: 80px; }
  .site-title a { font-weight: 700; font-size: 22px; color: #2c3338; text-decoration: none; }
  .main-navigation a { margin-left: 20px; color: #2c3338; text-decoration: none; }
  .entry-header { padding: 40px 0 10px; }
  .entry-title { font-size: 38px; line-height: 1.2; margin: 0 0 10px; }
  .entry-meta { color: #757575; font-size: 14px; }
  .entry-content { font-size: 18px; line-height: 1.7; }
  /* Castos player */
  .castos-player { background: #1f2430; color: #fff; border-radius: 8px; margin: 30px 0 10px; font-size: 15px; position: relative; }
  .castos-player .player { display: flex; }
  .player__artwork { width: 150px; flex: none; }
  .player__artwork div { width: 150px; height: 150px; background: linear-gradient(135deg, #3ea27a, #1f2430); border-radius: 8px 0 0 8px; }
  .player__body { flex: 1; padding: 16px 20px; min-width: 0; }
  .currently-playing .show { font-size: 13px; opacity: .75; }
  .currently-playing .episode-title { font-size: 18px; font-weight: 600; margin-top: 2px; }
  .play-progress { display: flex; align-items: center; gap: 14px; margin-top: 18px; }
  .play-btn, .pause-btn { width: 44px; height: 44px; border-radius: 50%; border: 0; background: #3ea27a; color: #fff; cursor: pointer; flex: none; }
  .hide { display: none !important; }
  .ssp-progress { flex: 1; height: 5px; background: rgba(255,255,255,.2); border-radius: 3px; cursor: pointer; }
  .progress__filled { display: block; height: 100%; width: 0; background: #3ea27a; border-radius: 3px; }
  .ssp-timer { font-size: 12px; opacity: .8; font-variant-numeric: tabular-nums; }
  .player__more { position: absolute; top: 12px; right: 12px; display: flex; gap: 6px; }
  .player__more button { background: rgba(255,255,255,.12); border: 0; color: #fff; border-radius: 4px; padding: 4px 8px; font-size: 12px; cursor: pointer; }
  .player-panels .player-panel { display: none; padding: 14px 20px 18px; border-top: 1px solid rgba(255,255,255,.12); }
  .player-panels .player-panel.open { display: block; }
  .player-panel-row { display: flex; align-items: center; gap: 10px; margin: 8px 0; }
  .player-panel-row .title { width: 70px; font-size: 13px; opacity: .75; }
  .player-panel-row input { flex: 1; background: #2d3342; color: #fff; border: 0; padding: 6px 8px; border-radius: 4px; }
  .player-panel a { color: #9fe3c6; }
  .subscribe-icons a { display: inline-block; margin-right: 14px; }
  .podcast_meta { font-size: 14px; color: #555; margin-bottom: 28px; }
  .podcast_meta a { color: #1a73a8; }
  .sidebar-cta { background: #f6f7f7; border-radius: 8px; padding: 18px; margin: 30px 0; font-size: 16px; }
  .comments-area { border-top: 1px solid #eee; margin-top: 40px; padding-top: 20px; font-size: 15px; }
  .site-footer { border-top: 1px solid #eee; margin-top: 40px; padding: 30px 0; color: #757575; font-size: 14px; }
</style>
</head>
<body class="podcast-template-default single single-podcast postid-4417">
<header class="site-header"><div class="inner">
  <p class="site-title"><a href="@PAGE@" rel="home">The Nonprofit Back Office</a></p>
  <nav class="main-navigation"><a href="@PAGE@">Home</a><a href="@PAGE@/podcast/">Podcast</a><a href="@PAGE@/resources/">Resources</a><a href="@PAGE@/about/">About</a></nav>
</div></header>
<main class="inner">
<article id="post-4417" class="post-4417 podcast type-podcast status-publish hentry series-the-nonprofit-back-office">
  <header class="entry-header">
    <h1 class="entry-title">Ep 57: Surviving Grant Season</h1>
    <div class="entry-meta">Posted on <time datetime="2024-03-11T06:00:00+00:00">March 11, 2024</time> by Priya Raman</div>
  </header>
  <div class="entry-content">
    <div class="castos-player dark-mode" data-episode="4417" data-player_id="4417">
      <div class="player">
        <div class="player__main" style="display:flex;flex:1;min-width:0">
          <div class="player__artwork player__artwork-4417"><div role="img" aria-label="The Nonprofit Back Office" title="The Nonprofit Back Office"></div></div>
          <div class="player__body">
            <div class="currently-playing">
              <div class="show player__podcast-title">The Nonprofit Back Office</div>
              <div class="episode-title player__episode-title">Ep 57: Surviving Grant Season</div>
            </div>
            <div class="play-progress">
              <div class="play-pause-controls">
                <button title="Play" aria-label="Play Episode" aria-pressed="false" class="play-btn"><span class="screen-reader-text" style="position:absolute;left:-9999px">Play Episode</span>&#9654;</button>
                <button title="Pause" aria-label="Pause Episode" aria-pressed="false" class="pause-btn hide"><span class="screen-reader-text" style="position:absolute;left:-9999px">Pause Episode</span>&#10074;&#10074;</button>
              </div>
              <audio preload="none" class="clip clip-4417">
                <source loop preload="none" src="@PAGE@/podcast-player/4417/ep-57-grant-season.mp3">
              </audio>
              <div class="ssp-progress" role="progressbar" title="Seek" aria-valuenow="0" aria-valuemin="0" aria-valuemax="2895"><span class="progress__filled"></span></div>
              <div class="ssp-timer"><span class="elapsed">00:00</span> / <span class="duration">48:15</span></div>
            </div>
          </div>
        </div>
        <div class="player__more">
          <button class="subscribe-btn" data-panel="subscribe" aria-label="Subscribe">Subscribe</button>
          <button class="share-btn" data-panel="share" aria-label="Share">Share</button>
        </div>
      </div>
      <div class="player-panels player-panels-4417">
        <div class="subscribe player-panel subscribe-4417">
          <div class="player-panel-row subscribe-icons">
            <div class="title">Subscribe</div>
            <div><a href="@PAGE@/subscribe/apple-podcasts" target="_blank" rel="noopener">Apple Podcasts</a><a href="@PAGE@/subscribe/spotify" target="_blank" rel="noopener">Spotify</a><a href="@PAGE@/subscribe/pocket-casts" target="_blank" rel="noopener">Pocket Casts</a></div>
          </div>
          <div class="player-panel-row"><div class="title">RSS Feed</div><input value="@PAGE@/feed/podcast/the-nonprofit-back-office" readonly></div>
        </div>
        <div class="share player-panel share-4417">
          <div class="player-panel-row"><div class="title">Link</div><input value="@PAGE@" class="input-link-4417" readonly></div>
          <div class="player-panel-row"><div class="title">Embed</div><input value="&lt;blockquote class=&quot;wp-embedded-content&quot;&gt;..." readonly></div>
        </div>
      </div>
    </div>
    <div class="podcast_meta"><aside><p><a href="@PAGE@/podcast-download/4417/ep-57-grant-season.mp3?ref=download" title="Ep 57: Surviving Grant Season " class="podcast-meta-download">Download file</a> | <a href="@PAGE@/podcast-download/4417/ep-57-grant-season.mp3?ref=new_window" target="_blank" title="Ep 57: Surviving Grant Season " class="podcast-meta-new-window">Play in new window</a> | <span class="podcast-meta-duration">Duration: 00:48:15</span> | <span class="podcast-meta-date">Recorded on March 4, 2024</span></p></aside></div>
    <p>Every spring, small development teams face the same crunch: three foundation deadlines in six weeks, a board that wants updated numbers and a program team that is too busy to write. This week Priya talks to grants consultant Malcolm Osei about building a grant calendar that actually holds, reusing narrative without sounding copy-pasted, and when to say no to an application.</p>
    <h2>Resources mentioned</h2>
    <ul>
      <li>Our free grant calendar template (Resources page)</li>
      <li>Episode 41: Writing Logic Models People Read</li>
      <li>The &ldquo;boilerplate library&rdquo; checklist Malcolm describes at 23:10</li>
    </ul>
    <div class="sidebar-cta"><strong>Get the back office newsletter.</strong> One practical template every other Tuesday. No fundraising asks, ever.</div>
  </div>
</article>
<section class="comments-area"><h2>2 thoughts on &ldquo;Ep 57: Surviving Grant Season&rdquo;</h2><p><strong>Renata</strong>: The bit about reusing outcome language saved me a whole afternoon. Thank you!</p><p><strong>Sam K.</strong>: Would love a follow-up on federal grants.</p></section>
</main>
<footer class="site-footer"><div class="inner">&copy; 2024 The Nonprofit Back Office &middot; Proudly powered by WordPress</div></footer>
<script id="ssp-castos-player-js">
(function () {
  document.querySelectorAll('.castos-player').forEach(function (player) {
    var id = player.dataset.episode;
    var audio = player.querySelector('audio.clip-' + id);
    var playBtn = player.querySelector('.play-btn');
    var pauseBtn = player.querySelector('.pause-btn');
    var filled = player.querySelector('.progress__filled');
    var elapsed = player.querySelector('.elapsed');
    playBtn.addEventListener('click', function () { audio.play().catch(function () {}); });
    pauseBtn.addEventListener('click', function () { audio.pause(); });
    audio.addEventListener('play', function () { playBtn.classList.add('hide'); pauseBtn.classList.remove('hide'); });
    audio.addEventListener('pause', function () { pauseBtn.classList.add('hide'); playBtn.classList.remove('hide'); });
    audio.addEventListener('timeupdate', function () {
      filled.style.width = (100 * audio.currentTime / 2895) + '%';
      var s = Math.floor(audio.currentTime);
      elapsed.textContent = ('0' + Math.floor(s / 60)).slice(-2) + ':' + ('0' + s % 60).slice(-2);
    });
    player.querySelectorAll('.player__more button').forEach(function (b) {
      b.addEventListener('click', function () {
        var panel = player.querySelector('.' + b.dataset.panel + '-' + id);
        var open = panel.classList.contains('open');
        player.querySelectorAll('.player-panel').forEach(function (p) { p.classList.remove('open'); });
        if (!open) { panel.classList.add('open'); }
      });
    });
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// SYNTHETIC web component. An independent show site built with Astro (module script
// under /_astro/, astro-island-free static HTML) that uses its own <episode-player>
// custom element, written the way media-chrome-style elements are: the element's
// open shadow root holds the play button, the <audio> (created on first Play) and a
// "More actions" (⋮) menu with "Download MP3", "Copy link" and "Transcript". The
// episode data (enclosure behind an OP3 prefix) comes from a JSON file fetched by the
// element, so neither the light DOM nor the page source has the MP3. No real
// publisher's markup is copied. A human opens ⋮ and clicks "Download MP3", or plays.
// ---------------------------------------------------------------------------------

fn web_component(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(WEBCOMP_PAGE, request);
    }
    if request.on_player_host {
        return None;
    }
    match request.rest {
        "_astro/EpisodePlayer.B3kq9x2a.js" => Some(javascript(WEBCOMP_JS)),
        "api/episodes/47.json" => Some(json(fill(
            r##"{"id":47,"title":"Kelp Forests Are Moving North","season":2,"duration":2291,"published":"2024-03-08","enclosure":{"url":"@SITE@/hop/op3/media/tidepool/episodes/tp-047-kelp-forests.mp3","type":"audio/mpeg","length":36656128},"transcript":"@PAGE@/transcripts/47","chapters":[{"start":0,"title":"Intro"},{"start":305,"title":"Urchin barrens"},{"start":1120,"title":"Following the cold water"},{"start":1904,"title":"What divers can do"}]}"##,
            request,
        ))),
        _ => None,
    }
}

const WEBCOMP_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<meta name="generator" content="Astro v4.4.15">
<title>47 · Kelp Forests Are Moving North — Tidepool Radio</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Marine ecologist Dr. Ana Figueroa on why kelp forests along the Pacific coast are shifting north, and what urchins have to do with it.">
<meta property="og:title" content="47 · Kelp Forests Are Moving North">
<meta property="og:type" content="article">
<meta property="og:url" content="@PAGE@">
<link rel="canonical" href="@PAGE@">
<style>
  :root { --ink: #0c2a2f; --sea: #1b7f79; --sand: #f6f1e7; }
  body { margin: 0; font-family: "IBM Plex Sans", system-ui, sans-serif; color: var(--ink); background: var(--sand); }
  header { display: flex; align-items: center; justify-content: space-between; max-width: 860px; margin: 0 auto; padding: 22px 20px; }
  header a { color: var(--ink); text-decoration: none; }
  .brand { font-weight: 700; font-size: 20px; }
  header nav a { margin-left: 18px; font-size: 15px; }
  main { max-width: 860px; margin: 0 auto; padding: 10px 20px 60px; }
  .ep-no { font-family: "IBM Plex Mono", monospace; color: var(--sea); font-size: 14px; }
  h1 { font-size: 40px; line-height: 1.1; margin: 6px 0 14px; }
  .dek { font-size: 19px; line-height: 1.5; color: #34545a; }
  episode-player { display: block; margin: 28px 0; min-height: 120px; }
  .notes { font-size: 17px; line-height: 1.65; }
  .notes h2 { font-size: 20px; margin-top: 34px; }
  .subscribe { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 30px; }
  .subscribe a { border: 2px solid var(--ink); border-radius: 6px; padding: 8px 14px; color: var(--ink); text-decoration: none; font-weight: 600; font-size: 15px; }
  footer { border-top: 1px solid #d9cfbd; max-width: 860px; margin: 0 auto; padding: 24px 20px; font-size: 14px; color: #58717a; }
</style>
<script type="module" src="@PAGE@/_astro/EpisodePlayer.B3kq9x2a.js"></script>
</head>
<body>
<header>
  <a class="brand" href="@PAGE@">Tidepool Radio</a>
  <nav><a href="@PAGE@/episodes">Episodes</a><a href="@PAGE@/about">About</a><a href="@PAGE@/support">Support</a></nav>
</header>
<main>
  <div class="ep-no">S2 · E47 · March 8, 2024</div>
  <h1>Kelp Forests Are Moving North</h1>
  <p class="dek">Marine ecologist Dr. Ana Figueroa has dived the same reef off Point Arena for twenty years. Lately, she says, it has been following the cold water.</p>
  <episode-player data-src="@PAGE@/api/episodes/47.json" data-title="Kelp Forests Are Moving North" data-show="Tidepool Radio"></episode-player>
  <section class="notes">
    <h2>Show notes</h2>
    <p>We talk about the 2014 marine heatwave known as &ldquo;the Blob&rdquo;, the sea star wasting disease that wiped out the urchins' main predator, and the purple urchin barrens that replaced much of Northern California's bull kelp. Ana explains the restoration projects that are working, the ones that are not, and why recreational divers have become some of her best data collectors.</p>
    <h2>Chapters</h2>
    <ul>
      <li>00:00 Intro</li>
      <li>05:05 Urchin barrens</li>
      <li>18:40 Following the cold water</li>
      <li>31:44 What divers can do</li>
    </ul>
    <h2>Credits</h2>
    <p>Hosted and produced by Jonah Reyes. Music by Salt Marsh Trio. Tidepool Radio is listener-supported.</p>
  </section>
  <div class="subscribe">
    <a href="@PAGE@/subscribe/apple">Apple Podcasts</a>
    <a href="@PAGE@/subscribe/spotify">Spotify</a>
    <a href="@PAGE@/subscribe/overcast">Overcast</a>
    <a href="@PAGE@/rss.xml">RSS</a>
  </div>
</main>
<footer>&copy; 2024 Tidepool Radio &middot; Made on the Mendocino coast &middot; <a href="@PAGE@/privacy" style="color:inherit">Privacy</a></footer>
</body>
</html>
"##;

const WEBCOMP_JS: &str = r##"const styles = `
  :host { display: block; font-family: "IBM Plex Sans", system-ui, sans-serif; }
  .card { background: #0c2a2f; color: #f6f1e7; border-radius: 14px; padding: 18px 20px; display: flex; align-items: center; gap: 16px; position: relative; }
  button { font: inherit; }
  .play { width: 58px; height: 58px; border-radius: 50%; border: 0; background: #f2b84b; color: #0c2a2f; display: grid; place-items: center; cursor: pointer; flex: none; }
  .info { flex: 1; min-width: 0; }
  .show { font-size: 12px; letter-spacing: .12em; text-transform: uppercase; opacity: .7; }
  .title { font-weight: 600; font-size: 17px; margin: 3px 0 10px; }
  .track { height: 6px; border-radius: 3px; background: rgba(246,241,231,.2); overflow: hidden; }
  .fill { height: 100%; width: 0; background: #f2b84b; }
  .time { font-size: 12px; opacity: .75; margin-top: 6px; font-variant-numeric: tabular-nums; }
  .rate { border: 1px solid rgba(246,241,231,.4); background: none; color: inherit; border-radius: 6px; padding: 4px 8px; cursor: pointer; font-size: 13px; }
  .more { width: 38px; height: 38px; border-radius: 50%; border: 0; background: rgba(246,241,231,.12); color: inherit; cursor: pointer; display: grid; place-items: center; }
  .menu { position: absolute; right: 12px; top: calc(100% - 6px); background: #fff; color: #0c2a2f; border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.25); padding: 6px; min-width: 210px; z-index: 5; }
  .menu[hidden] { display: none; }
  .menu a, .menu button { display: block; width: 100%; text-align: left; padding: 10px 12px; border: 0; background: none; color: inherit; text-decoration: none; border-radius: 6px; cursor: pointer; font-size: 15px; box-sizing: border-box; }
  .menu a:hover, .menu button:hover { background: #eef4f3; }
  .menu small { opacity: .6; }
`;

function fmt(s) {
  s = Math.max(0, Math.floor(s || 0));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

class EpisodePlayer extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${styles}</style>
      <div class="card" part="card">
        <button class="play" part="play" aria-label="Play episode" disabled>
          <svg width="24" height="24" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg>
        </button>
        <div class="info">
          <div class="show"></div>
          <div class="title"></div>
          <div class="track"><div class="fill"></div></div>
          <div class="time"><span class="cur">0:00</span> / <span class="dur">--:--</span></div>
        </div>
        <button class="rate" aria-label="Playback speed">1×</button>
        <button class="more" aria-label="More actions" aria-haspopup="menu" aria-expanded="false">
          <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><circle cx="12" cy="5" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="12" cy="19" r="2"/></svg>
        </button>
        <div class="menu" role="menu" hidden>
          <a class="download" role="menuitem" download>Download MP3 <small class="size"></small></a>
          <button class="copy" role="menuitem">Copy link</button>
          <a class="transcript" role="menuitem">Transcript</a>
        </div>
      </div>`;
    root.querySelector(".show").textContent = this.dataset.show || "";
    root.querySelector(".title").textContent = this.dataset.title || "";
    this.load(root);
  }

  async load(root) {
    const res = await fetch(this.dataset.src);
    const ep = await res.json();
    const play = root.querySelector(".play");
    const more = root.querySelector(".more");
    const menu = root.querySelector(".menu");
    root.querySelector(".dur").textContent = fmt(ep.duration);
    const dl = root.querySelector(".download");
    dl.href = ep.enclosure.url;
    root.querySelector(".size").textContent = `(${Math.round(ep.enclosure.length / 1048576)} MB)`;
    root.querySelector(".transcript").href = ep.transcript;
    let audio = null;
    play.disabled = false;
    play.addEventListener("click", () => {
      if (!audio) {
        audio = document.createElement("audio");
        audio.preload = "none";
        audio.src = ep.enclosure.url;
        root.appendChild(audio);
        audio.addEventListener("play", () => play.setAttribute("aria-label", "Pause episode"));
        audio.addEventListener("pause", () => play.setAttribute("aria-label", "Play episode"));
        audio.addEventListener("timeupdate", () => {
          root.querySelector(".fill").style.width = `${(100 * audio.currentTime) / ep.duration}%`;
          root.querySelector(".cur").textContent = fmt(audio.currentTime);
        });
      }
      if (audio.paused) audio.play().catch(() => {});
      else audio.pause();
    });
    const rates = [1, 1.25, 1.5, 2];
    root.querySelector(".rate").addEventListener("click", (e) => {
      const next = rates[(rates.indexOf(audio ? audio.playbackRate : 1) + 1) % rates.length];
      if (audio) audio.playbackRate = next;
      e.currentTarget.textContent = `${next}×`;
    });
    more.addEventListener("click", (e) => {
      e.stopPropagation();
      menu.hidden = !menu.hidden;
      more.setAttribute("aria-expanded", String(!menu.hidden));
    });
    root.querySelector(".copy").addEventListener("click", (e) => {
      e.currentTarget.textContent = "Link copied";
    });
    document.addEventListener("click", () => {
      menu.hidden = true;
      more.setAttribute("aria-expanded", "false");
    });
    menu.addEventListener("click", (e) => e.stopPropagation());
  }
}

customElements.define("episode-player", EpisodePlayer);
"##;

// ---------------------------------------------------------------------------------
// Substack. Imitates a Substack podcast post (<pub>.substack.com/p/<slug>): the state
// blob window._preloads = JSON.parse("...") (escaped JSON in a JS string, as yt-dlp
// reads it) with post.type "podcast" and post.podcast_url, an extension-less
// /api/v1/audio/upload/<uuid>/src URL that redirects to the transcoded MP3 on S3;
// the "Discover more from <pub>" subscribe modal with "Continue reading"; and a post
// header audio player (its inner markup synthetic) whose <audio> is created on Play.
// A human closes the modal and presses Play.
// ---------------------------------------------------------------------------------

fn substack(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        let preloads = fill(SUBSTACK_PRELOADS, request).replace('\n', "");
        let escaped = preloads.replace('\\', "\\\\").replace('"', "\\\"");
        return Some(html(
            fill(SUBSTACK_PAGE, request).replace("@PRELOADS@", &escaped),
        ));
    }
    if !request.on_player_host
        && request.rest == "api/v1/audio/upload/3f6c2a1e-8b9d-4e77-a0c2-5d1b7e9f4a63/src"
    {
        return Some(redirect(&fill(
            "@PLAYER@/media/substack-video/video_upload/post/141970405/3f6c2a1e-8b9d-4e77-a0c2-5d1b7e9f4a63/transcoded-1710241032.mp3",
            request,
        )));
    }
    None
}

const SUBSTACK_PRELOADS: &str = r##"{"isEU":false,"language":"en","base_url":"@PAGE@","stripe_publishable_key":null,
"pub":{"id":61579,"name":"The Weekly Allotment","subdomain":"weeklyallotment","custom_domain":null,"author_name":"Hattie Brennan","type":"newsletter","podcast_enabled":true,"community_enabled":true},
"post":{"id":141970405,"publication_id":61579,"title":"Episode 31: No-Dig, Three Years On","social_title":"Episode 31: No-Dig, Three Years On","subtitle":"Hattie and Owen compare beds, weeds and yields after three seasons without a spade","type":"podcast","slug":"episode-31-no-dig-three-years-on","post_date":"2024-03-12T06:00:32.112Z","audience":"everyone","write_comment_permissions":"everyone","canonical_url":"@PAGE@","podcast_url":"@PAGE@/api/v1/audio/upload/3f6c2a1e-8b9d-4e77-a0c2-5d1b7e9f4a63/src","podcast_duration":2873.52,"podcast_upload_id":"3f6c2a1e-8b9d-4e77-a0c2-5d1b7e9f4a63","podcast_preview_upload_id":null,"podcastUpload":{"id":"3f6c2a1e-8b9d-4e77-a0c2-5d1b7e9f4a63","name":"ep31-final-mix.wav","state":"transcoded","duration":2873.52},"videoUpload":null,"cover_image":null,"description":"Hattie and Owen compare beds, weeds and yields after three seasons without a spade","reactions":{"❤":84},"comment_count":23,"restacks":6},
"domainInfo":{"isSubstack":true,"customDomain":null},
"features":{"podcast_player_v2":true,"subscribe_modal_on_post":true}}"##;

const SUBSTACK_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>Episode 31: No-Dig, Three Years On - by Hattie Brennan</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Listen now | Hattie and Owen compare beds, weeds and yields after three seasons without a spade">
<meta property="og:url" content="@PAGE@">
<meta property="og:type" content="article">
<meta property="og:title" content="Episode 31: No-Dig, Three Years On">
<meta property="og:description" content="Listen now | Hattie and Owen compare beds, weeds and yields after three seasons without a spade">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="@PAGE@">
<link rel="alternate" type="application/rss+xml" href="@PAGE@/feed" title="The Weekly Allotment">
<style>
  body { margin: 0; font-family: "Spectral", Georgia, serif; color: #363737; background: #fff; }
  .topbar { display: flex; align-items: center; justify-content: space-between; padding: 12px 24px; border-bottom: 1px solid #eee; font-family: system-ui, sans-serif; }
  .topbar .pub { font-weight: 700; font-size: 18px; color: #363737; text-decoration: none; }
  .topbar .actions { display: flex; gap: 10px; }
  .button { font-family: system-ui, sans-serif; border-radius: 8px; padding: 8px 14px; border: 0; cursor: pointer; font-size: 14px; font-weight: 600; }
  .button.primary { background: #4c8a3f; color: #fff; }
  .button.ghost { background: #f0f0f0; color: #363737; }
  .single-post { max-width: 728px; margin: 0 auto; padding: 40px 24px 80px; }
  h1.post-title { font-size: 40px; line-height: 1.15; margin: 0 0 10px; font-family: system-ui, sans-serif; font-weight: 700; color: #111; }
  h3.subtitle { font-weight: 400; font-size: 20px; color: #757575; margin: 0 0 22px; font-family: system-ui, sans-serif; }
  .post-meta { display: flex; align-items: center; gap: 10px; font-family: system-ui, sans-serif; font-size: 14px; color: #757575; margin-bottom: 24px; }
  .avatar { width: 36px; height: 36px; border-radius: 50%; background: #b9d3a8; }
  .player-wrapper-outer { border: 1px solid #e6e6e6; border-radius: 12px; padding: 16px; font-family: system-ui, sans-serif; margin-bottom: 30px; }
  .player-row { display: flex; align-items: center; gap: 14px; }
  .play-button { width: 48px; height: 48px; border-radius: 50%; border: 0; background: #4c8a3f; color: #fff; cursor: pointer; display: grid; place-items: center; }
  .player-title { font-weight: 600; font-size: 15px; }
  .player-sub { font-size: 13px; color: #757575; }
  .track { margin-top: 12px; height: 4px; background: #eee; border-radius: 2px; }
  .track span { display: block; width: 0; height: 100%; background: #4c8a3f; border-radius: 2px; }
  .player-foot { display: flex; justify-content: space-between; font-size: 12px; color: #757575; margin-top: 6px; }
  .player-foot button { border: 0; background: none; color: #757575; font-size: 12px; cursor: pointer; }
  .body.markup p { font-size: 20px; line-height: 1.6; }
  .post-footer { border-top: 1px solid #eee; margin-top: 40px; padding-top: 18px; font-family: system-ui, sans-serif; font-size: 14px; color: #757575; display: flex; gap: 18px; }
  .modal-backdrop { position: fixed; inset: 0; background: rgba(255,255,255,.92); z-index: 1000; display: none; align-items: center; justify-content: center; }
  .modal-backdrop.open { display: flex; }
  .modal { width: 420px; max-width: 92vw; text-align: center; font-family: system-ui, sans-serif; background: #fff; border-radius: 12px; box-shadow: 0 8px 40px rgba(0,0,0,.12); padding: 34px 30px 26px; }
  .modal .logo { width: 64px; height: 64px; border-radius: 12px; background: #4c8a3f; margin: 0 auto 14px; }
  .modal h2 { font-size: 22px; margin: 0 0 8px; color: #111; }
  .modal p { color: #757575; font-size: 15px; margin: 0 0 18px; }
  .modal form { display: flex; border: 1px solid #ddd; border-radius: 8px; overflow: hidden; }
  .modal input { flex: 1; border: 0; padding: 12px; font-size: 15px; }
  .modal form button { border-radius: 0; }
  .modal .continue { display: inline-block; margin-top: 16px; color: #757575; font-size: 14px; text-decoration: none; cursor: pointer; }
  .modal .signin { font-size: 13px; color: #999; margin-top: 14px; }
</style>
</head>
<body>
<div id="entry">
  <div class="topbar">
    <a class="pub" href="@PAGE@">The Weekly Allotment</a>
    <div class="actions"><button class="button primary subscribe-btn">Subscribe</button><button class="button ghost">Sign in</button></div>
  </div>
  <article class="typography newsletter-post post single-post">
    <div class="post-header">
      <h1 class="post-title published">Episode 31: No-Dig, Three Years On</h1>
      <h3 class="subtitle">Hattie and Owen compare beds, weeds and yields after three seasons without a spade</h3>
      <div class="post-meta"><div class="avatar"></div><div><strong>Hattie Brennan</strong><br>Mar 12, 2024</div></div>
    </div>
    <div class="player-wrapper-outer" data-component-name="PodcastPlayer">
      <div class="player-row">
        <button class="play-button" aria-label="Play"><svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg></button>
        <div><div class="player-title">Episode 31: No-Dig, Three Years On</div><div class="player-sub">The Weekly Allotment</div></div>
      </div>
      <div class="track"><span></span></div>
      <div class="player-foot"><span class="cur">0:00</span><span><button class="rate">1×</button> <button class="share">Share</button></span><span>-47:54</span></div>
    </div>
    <div class="available-content"><div class="body markup" dir="auto">
      <p>Three years ago Owen turned half of plot 14 over to no-dig beds and kept digging the other half, mostly so he could win an argument with me. This week we finally sit down with three seasons of notebooks and a very muddy spreadsheet.</p>
      <p>We cover what happened to the couch grass, the year the compost ran out, slugs (always slugs), and the surprising bit: the dug beds out-yielded the no-dig ones on parsnips two years running.</p>
      <p>Paid subscribers get the spreadsheet and the full bed plans as a download below. Thank you to everyone who sent in questions &mdash; we answer six of them from 38:20.</p>
    </div></div>
    <div class="post-footer"><span>&#10084; 84</span><span>23 comments</span><span>6 restacks</span><span>Share</span></div>
  </article>
</div>
<div class="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="modal-title">
  <div class="modal">
    <div class="logo"></div>
    <h2 id="modal-title">Discover more from The Weekly Allotment</h2>
    <p>Two allotment holders, one shed, and a weekly podcast about growing food badly and then slightly better.</p>
    <p>Over 12,000 subscribers</p>
    <form onsubmit="event.preventDefault();this.querySelector('button').textContent='Check your email';">
      <input type="email" placeholder="Type your email..." aria-label="Email">
      <button class="button primary" type="submit">Subscribe</button>
    </form>
    <a class="continue" role="button" tabindex="0">Continue reading</a>
    <div class="signin">Already have an account? Sign in</div>
  </div>
</div>
<script>window._preloads        = JSON.parse("@PRELOADS@")</script>
<script>
(function () {
  var post = window._preloads.post;
  var modal = document.querySelector('.modal-backdrop');
  if (window._preloads.features.subscribe_modal_on_post) {
    setTimeout(function () { modal.classList.add('open'); document.body.style.overflow = 'hidden'; }, 700);
  }
  modal.querySelector('.continue').addEventListener('click', function () { modal.classList.remove('open'); document.body.style.overflow = ''; });
  document.querySelector('.subscribe-btn').addEventListener('click', function () { modal.classList.add('open'); });
  var btn = document.querySelector('.play-button');
  var audio = null;
  btn.addEventListener('click', function () {
    if (!audio) {
      audio = document.createElement('audio');
      audio.src = post.podcast_url;
      audio.preload = 'auto';
      document.querySelector('.player-wrapper-outer').appendChild(audio);
      audio.addEventListener('play', function () { btn.setAttribute('aria-label', 'Pause'); });
      audio.addEventListener('pause', function () { btn.setAttribute('aria-label', 'Play'); });
      audio.addEventListener('timeupdate', function () {
        document.querySelector('.track span').style.width = (100 * audio.currentTime / post.podcast_duration) + '%';
        var s = Math.floor(audio.currentTime);
        document.querySelector('.cur').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
      });
    }
    if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
  });
  document.querySelector('.share').addEventListener('click', function (e) { e.currentTarget.textContent = 'Copied'; });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Squarespace. Imitates a Squarespace blog post with an audio block, whose published
// markup scrapers read: div.sqs-block.audio-block.sqs-block-audio with data-block-json,
// and inside it div.sqs-audio-embed with data-url (a static1.squarespace.com
// .../<file>.mp3/original/<file>.mp3 URL), data-mime-type="", data-title,
// data-author, data-show-download="false", data-design-style, data-duration-in-ms.
// The player Squarespace's script renders into it is synthetic (play button, title,
// scrubber; no download because the block hides it), as is the cookie banner. A human
// presses Play; the URL is also in data-url.
// ---------------------------------------------------------------------------------

fn squarespace(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(SQUARESPACE_PAGE, request);
    }
    None
}

const SQUARESPACE_PAGE: &str = r##"<!doctype html>
<html lang="en-US">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta charset="utf-8">
<title>Ep. 31 &mdash; Cover Crops for Small Gardens &mdash; Blue Hour Gardening</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta property="og:site_name" content="Blue Hour Gardening">
<meta property="og:title" content="Ep. 31 &mdash; Cover Crops for Small Gardens">
<meta property="og:url" content="@PAGE@">
<meta property="og:type" content="article">
<meta property="og:description" content="Crimson clover, winter rye and buckwheat: which cover crops make sense when your garden is four raised beds.">
<meta itemprop="name" content="Ep. 31 — Cover Crops for Small Gardens">
<meta name="description" content="Crimson clover, winter rye and buckwheat: which cover crops make sense when your garden is four raised beds.">
<link rel="canonical" href="@PAGE@">
<script>Static = window.Static || {}; Static.SQUARESPACE_CONTEXT = {"website":{"id":"5f3c1a2be4b0d7a1c9e2f310","identifier":"bluehourgardening","siteTitle":"Blue Hour Gardening"},"collection":{"title":"Podcast","typeName":"blog"},"item":{"title":"Ep. 31 \u2014 Cover Crops for Small Gardens","id":"65f0b2c1a9d4e35b7c812f0a"},"templateId":"5c5a519771c10ba3470d8101"};</script>
<style>
  body { margin: 0; font-family: "Proxima Nova", "Helvetica Neue", Arial, sans-serif; color: #222; background: #fdfcf8; }
  .header { display: flex; justify-content: space-between; align-items: center; padding: 28px 5vw; }
  .header-title a { font-family: Georgia, serif; font-size: 26px; color: #213a2a; text-decoration: none; }
  .header-nav a { margin-left: 26px; color: #213a2a; text-decoration: none; font-size: 15px; letter-spacing: .04em; }
  .blog-item-wrapper { max-width: 780px; margin: 0 auto; padding: 30px 24px 70px; }
  .blog-meta-item { font-size: 13px; text-transform: uppercase; letter-spacing: .1em; color: #6d7d6f; }
  h1.entry-title { font-family: Georgia, serif; font-weight: 400; font-size: 44px; line-height: 1.15; margin: 10px 0 30px; color: #213a2a; }
  .sqs-block { margin: 0 0 26px; }
  .sqs-html-content p { font-size: 18px; line-height: 1.75; }
  .sqs-audio-embed { background: #213a2a; color: #fdfcf8; border-radius: 4px; min-height: 92px; }
  .sqs-audio-player { display: flex; align-items: center; gap: 18px; padding: 18px 22px; }
  .sqs-audio-player .play-button { width: 52px; height: 52px; border-radius: 50%; border: 2px solid #fdfcf8; background: none; color: #fdfcf8; cursor: pointer; display: grid; place-items: center; flex: none; }
  .sqs-audio-player .meta { flex: 1; min-width: 0; }
  .sqs-audio-player .title { font-size: 17px; }
  .sqs-audio-player .author { font-size: 13px; opacity: .75; margin-top: 2px; }
  .sqs-audio-player .progress { height: 3px; background: rgba(253,252,248,.25); margin-top: 12px; }
  .sqs-audio-player .progress span { display: block; height: 100%; width: 0; background: #e9c46a; }
  .sqs-audio-player .time { font-size: 12px; font-variant-numeric: tabular-nums; opacity: .8; }
  .blog-item-author { border-top: 1px solid #e5e2d8; padding-top: 18px; margin-top: 40px; color: #6d7d6f; font-size: 15px; }
  .item-pagination { display: flex; justify-content: space-between; margin-top: 30px; }
  .item-pagination a { color: #213a2a; }
  footer.footer { background: #213a2a; color: #cfd8cf; padding: 40px 5vw; font-size: 14px; }
  .sqs-cookie-banner-v2 { position: fixed; left: 0; right: 0; bottom: 0; background: #fff; box-shadow: 0 -4px 18px rgba(0,0,0,.12); padding: 18px 5vw; display: flex; gap: 20px; align-items: center; z-index: 1000; font-size: 14px; }
  .sqs-cookie-banner-v2 p { flex: 1; margin: 0; }
  .sqs-cookie-banner-v2 button { border: 1px solid #213a2a; background: #fff; color: #213a2a; padding: 9px 16px; cursor: pointer; }
  .sqs-cookie-banner-v2 button.accept { background: #213a2a; color: #fff; }
</style>
</head>
<body id="item-65f0b2c1a9d4e35b7c812f0a" class="collection-type-blog view-item">
<header class="header">
  <div class="header-title"><a href="@PAGE@">Blue Hour Gardening</a></div>
  <nav class="header-nav"><a href="@PAGE@/podcast">Podcast</a><a href="@PAGE@/journal">Journal</a><a href="@PAGE@/workshops">Workshops</a><a href="@PAGE@/about">About</a></nav>
</header>
<main>
<article class="blog-item-wrapper hentry" id="article-65f0b2c1a9d4e35b7c812f0a" data-item-id="65f0b2c1a9d4e35b7c812f0a">
  <div class="blog-meta-item"><time class="dt-published" datetime="2024-03-12">March 12, 2024</time> &middot; Podcast</div>
  <h1 class="entry-title" data-content-field="title">Ep. 31 &mdash; Cover Crops for Small Gardens</h1>
  <div class="sqs-layout sqs-grid-12 columns-12" data-type="item">
    <div class="sqs-block audio-block sqs-block-audio" data-block-type="41" data-block-json="{&quot;audioAssetUrl&quot;:&quot;@PLAYER@/media/squarespace/static/5f3c1a2be4b0d7a1c9e2f310/t/65f0b2c1a9d4e35b7c812f09/1710273217004/BHG-Ep31-Cover-Crops.mp3/original/BHG-Ep31-Cover-Crops.mp3&quot;,&quot;title&quot;:&quot;Ep. 31 \u2014 Cover Crops for Small Gardens&quot;,&quot;author&quot;:&quot;Blue Hour Gardening with June Alvarez&quot;,&quot;showDownload&quot;:false,&quot;designStyle&quot;:&quot;minimal&quot;,&quot;colorTheme&quot;:&quot;dark&quot;,&quot;ht&quot;:&quot;82&quot;}" id="block-yui_3_17_2_1_1710273114520_8812">
      <div class="sqs-block-content">
        <div class="sqs-audio-embed" data-url="@PLAYER@/media/squarespace/static/5f3c1a2be4b0d7a1c9e2f310/t/65f0b2c1a9d4e35b7c812f09/1710273217004/BHG-Ep31-Cover-Crops.mp3/original/BHG-Ep31-Cover-Crops.mp3" data-mime-type="" data-title="Ep. 31 — Cover Crops for Small Gardens" data-author="Blue Hour Gardening with June Alvarez" data-show-download="false" data-design-style="minimal" data-duration-in-ms="2351000" data-color-theme="dark"></div>
      </div>
    </div>
    <div class="sqs-block html-block sqs-block-html" data-block-type="2"><div class="sqs-block-content"><div class="sqs-html-content">
      <p>If your whole vegetable garden is four raised beds, leaving one of them under clover for a season can feel like a luxury. In this episode June talks with soil scientist Dr. Kwame Asante about which cover crops pay their way in small spaces, and how to cut them down without a tiller.</p>
      <p>We cover crimson clover versus hairy vetch, why winter rye can be a nightmare in a bed you want to plant in April, and buckwheat as a six-week summer filler between crops.</p>
      <p><strong>This week's listener question:</strong> &ldquo;Can I sow cover crops under my tomatoes in August?&rdquo; (Short answer: yes, with a few caveats.)</p>
      <p>Seed sources and the planting chart we mention are in this month's Journal post.</p>
    </div></div></div>
  </div>
  <div class="blog-item-author">June Alvarez grows vegetables and teaches small-space gardening in Portland, Oregon.</div>
  <nav class="item-pagination"><a href="@PAGE@/podcast/ep-30">&larr; Ep. 30 &mdash; Seed Starting Under Lights</a><a href="@PAGE@/podcast">All episodes</a></nav>
</article>
</main>
<footer class="footer">Blue Hour Gardening &middot; Portland, Oregon &middot; Sign up for the monthly letter</footer>
<div class="sqs-cookie-banner-v2" role="region" aria-label="Cookie banner">
  <p>This website uses cookies to improve your experience and to analyze traffic. By clicking &ldquo;Accept all&rdquo; you agree to our use of cookies.</p>
  <button class="decline">Decline all</button>
  <button class="manage">Manage cookies</button>
  <button class="accept">Accept all</button>
</div>
<script>
(function () {
  var banner = document.querySelector('.sqs-cookie-banner-v2');
  banner.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { banner.remove(); });
  });
  function fmt(ms) { var s = Math.floor(ms / 1000); return Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2); }
  document.querySelectorAll('.sqs-audio-embed').forEach(function (el) {
    var d = el.dataset;
    var player = document.createElement('div');
    player.className = 'sqs-audio-player design-' + d.designStyle;
    player.innerHTML = '<button class="play-button" aria-label="Play"><svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg></button>' +
      '<div class="meta"><div class="title"></div><div class="author"></div><div class="progress"><span></span></div></div>' +
      '<div class="time"><span class="cur">0:00</span> / ' + fmt(Number(d.durationInMs)) + '</div>';
    player.querySelector('.title').textContent = d.title;
    player.querySelector('.author').textContent = d.author;
    if (d.showDownload === 'true') {
      var a = document.createElement('a');
      a.className = 'download';
      a.href = d.url;
      a.textContent = 'Download';
      player.appendChild(a);
    }
    el.appendChild(player);
    var audio = null;
    var btn = player.querySelector('.play-button');
    btn.addEventListener('click', function () {
      if (!audio) {
        audio = new Audio();
        audio.src = d.url;
        audio.addEventListener('play', function () { btn.setAttribute('aria-label', 'Pause'); });
        audio.addEventListener('pause', function () { btn.setAttribute('aria-label', 'Play'); });
        audio.addEventListener('timeupdate', function () {
          player.querySelector('.progress span').style.width = (100 * audio.currentTime * 1000 / Number(d.durationInMs)) + '%';
          player.querySelector('.cur').textContent = fmt(audio.currentTime * 1000);
        });
      }
      if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
    });
  });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Apple Podcasts. Imitates a podcasts.apple.com episode page (…/podcast/<show>/id<n>
// ?i=<n>): the title with its leading U+200E, the schema:podcast-episode JSON-LD
// (no audio in it), and script#serialized-server-data, whose data[0].data.
// headerButtonItems holds a "share" item with modelType EpisodeLockup and
// model.playAction.episodeOffer.streamUrl, the feed's enclosure (here behind Podtrac
// and Chartable prefixes, which yt-dlp strips with clean_podcast_url). The rendered
// layout (sidebar, "Open in Podcasts", Sign In, the Play button with the duration, the
// bottom web player) is an approximation of the Svelte web app. A human presses Play.
// ---------------------------------------------------------------------------------

fn apple(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(APPLE_PAGE, request);
    }
    None
}

const APPLE_PAGE: &str = r##"<!DOCTYPE html>
<html dir="ltr" lang="en-US">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="applicable-device" content="pc,mobile">
<title>‎203. Drivers' Hours, Explained - The Long Haul - Apple Podcasts</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Listen to this episode from The Long Haul on Apple Podcasts. Why the 11-hour rule exists, who keeps breaking it, and what electronic logging devices did and did not fix.">
<meta name="apple:title" content="203. Drivers' Hours, Explained">
<meta name="apple:description" content="Why the 11-hour rule exists, who keeps breaking it, and what electronic logging devices did and did not fix.">
<meta property="og:title" content="203. Drivers' Hours, Explained">
<meta property="og:description" content="Podcast Episode · The Long Haul · 03/11/2024 · 48m">
<meta property="og:site_name" content="Apple Podcasts">
<meta property="og:url" content="@PAGE@">
<meta property="og:type" content="website">
<meta name="twitter:card" content="summary">
<meta name="twitter:site" content="@ApplePodcasts">
<link rel="canonical" href="@PAGE@">
<script name="schema:podcast-episode" type="application/ld+json">{"@type":"PodcastEpisode","name":"203. Drivers' Hours, Explained","description":"Why the 11-hour rule exists, who keeps breaking it, and what electronic logging devices did and did not fix.","datePublished":"2024-03-11","timeRequired":"PT48M","url":"@PAGE@","genre":["Business"],"partOfSeries":{"@type":"CreativeWorkSeries","name":"The Long Haul","url":"@PAGE@/show"},"productionCompany":"Freightline Media","offers":[{"@type":"Offer","price":"Free","category":"free"}]}</script>
<style>
  body { margin: 0; font-family: -apple-system, "SF Pro Text", "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d1d1f; background: #fff; }
  .app { display: grid; grid-template-columns: 260px minmax(0, 1fr); min-height: 100vh; }
  .navigation { background: #f7f7f7; border-right: 1px solid #e1e1e1; padding: 18px 14px; }
  .navigation .logo { font-weight: 700; font-size: 18px; margin: 6px 8px 18px; }
  .navigation input { width: 100%; box-sizing: border-box; border: 1px solid #d2d2d7; border-radius: 8px; padding: 7px 10px; margin-bottom: 14px; }
  .navigation a { display: block; padding: 7px 10px; border-radius: 6px; color: #1d1d1f; text-decoration: none; font-size: 15px; }
  .navigation a.active { background: #e3e3e5; }
  .navigation .open-app { margin-top: 24px; font-size: 13px; color: #8e44ad; }
  .content { padding: 0 0 120px; }
  .topbar { display: flex; justify-content: flex-end; gap: 10px; padding: 14px 24px; }
  .topbar a, .topbar button { border: 0; border-radius: 8px; padding: 7px 14px; font-size: 14px; cursor: pointer; text-decoration: none; }
  .topbar .open-in-podcasts { background: #f2f2f7; color: #8e44ad; font-weight: 600; }
  .topbar .sign-in { background: #8e44ad; color: #fff; font-weight: 600; }
  .headings { display: flex; gap: 30px; padding: 10px 40px 26px; border-bottom: 1px solid #e1e1e1; }
  .artwork { width: 240px; height: 240px; border-radius: 10px; background: linear-gradient(150deg, #1f3b57 0%, #e07a2f 100%); flex: none; box-shadow: 0 4px 14px rgba(0,0,0,.18); }
  .headings__metadata-top { font-size: 12px; text-transform: uppercase; color: #6e6e73; font-weight: 600; letter-spacing: .02em; }
  h1.headings__title { font-size: 30px; margin: 6px 0; }
  .headings__subtitles a { color: #8e44ad; text-decoration: none; font-size: 18px; }
  .button-row { display: flex; gap: 10px; margin-top: 22px; align-items: center; }
  .play-button { background: #8e44ad; color: #fff; border: 0; border-radius: 8px; padding: 9px 22px; font-size: 15px; font-weight: 600; cursor: pointer; display: flex; align-items: center; gap: 8px; }
  .more-button { width: 34px; height: 34px; border-radius: 50%; border: 0; background: #f2f2f7; color: #8e44ad; cursor: pointer; }
  .context-menu { position: absolute; background: #fff; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.2); padding: 6px; min-width: 200px; z-index: 20; }
  .context-menu button { display: block; width: 100%; text-align: left; padding: 8px 12px; border: 0; background: none; border-radius: 6px; font-size: 14px; cursor: pointer; }
  .context-menu button:hover { background: #f2f2f7; }
  .description { padding: 24px 40px; max-width: 760px; font-size: 15px; line-height: 1.6; }
  .information { padding: 0 40px; font-size: 14px; color: #6e6e73; }
  .information dt { font-weight: 600; color: #1d1d1f; margin-top: 10px; }
  .information dd { margin: 2px 0 0; }
  .shelf { padding: 26px 40px; }
  .shelf h2 { font-size: 20px; }
  .shelf ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 18px; }
  .shelf li { border-top: 1px solid #e1e1e1; padding-top: 10px; font-size: 14px; }
  .shelf li a { color: #1d1d1f; text-decoration: none; font-weight: 600; }
  .shelf li p { color: #6e6e73; margin: 4px 0 0; }
  footer { padding: 20px 40px; font-size: 12px; color: #6e6e73; border-top: 1px solid #e1e1e1; }
  .web-chrome { position: fixed; left: 260px; right: 0; bottom: 0; height: 64px; background: rgba(250,250,250,.96); border-top: 1px solid #e1e1e1; display: none; align-items: center; gap: 14px; padding: 0 24px; }
  .web-chrome.visible { display: flex; }
  .web-chrome .np { flex: 1; font-size: 13px; }
  .web-chrome button { border: 0; background: none; font-size: 20px; cursor: pointer; color: #1d1d1f; }
</style>
</head>
<body>
<div class="app">
  <nav class="navigation" aria-label="Apple Podcasts">
    <div class="logo">Apple Podcasts</div>
    <input type="search" placeholder="Search" aria-label="Search">
    <a href="@PAGE@/home">Home</a>
    <a href="@PAGE@/new">New</a>
    <a class="active" href="@PAGE@/browse">Browse</a>
    <a href="@PAGE@/charts">Top Charts</a>
    <a class="open-app" href="@PAGE@/open-in-app">Open in Podcasts &#8599;</a>
  </nav>
  <div class="content">
    <div class="topbar"><a class="open-in-podcasts" href="@PAGE@/open-in-app">Open in Podcasts</a><button class="sign-in">Sign In</button></div>
    <div class="headings">
      <div class="artwork" role="img" aria-label="The Long Haul"></div>
      <div class="headings__text">
        <p class="headings__metadata-top">MAR 11, 2024 &middot; EPISODE 203</p>
        <h1 class="headings__title">203. Drivers' Hours, Explained</h1>
        <div class="headings__subtitles"><a href="@PAGE@/show">The Long Haul</a></div>
        <div class="button-row">
          <button class="play-button" data-testid="button-action" aria-label="Play"><svg width="12" height="14" viewBox="0 0 12 14" fill="currentColor"><path d="M0 0v14l12-7z"/></svg> Play <span class="duration">48 min</span></button>
          <button class="more-button" aria-label="More" aria-haspopup="true">&hellip;</button>
        </div>
      </div>
    </div>
    <div class="description" data-testid="description">
      <p>Why does the 11-hour driving limit exist, and why do so many drivers say it makes the road less safe, not more? Host Carla Dominguez rides along with a team driver out of Laredo and talks to a former FMCSA analyst about what electronic logging devices did, and did not, fix.</p>
      <p>Plus: the listener who logged 1,200 miles of detention time in a single month.</p>
    </div>
    <dl class="information">
      <dt>Show</dt><dd>The Long Haul</dd>
      <dt>Frequency</dt><dd>Updated Weekly</dd>
      <dt>Published</dt><dd>March 11, 2024 at 4:00 AM UTC</dd>
      <dt>Length</dt><dd>48 min</dd>
      <dt>Episode</dt><dd>203</dd>
      <dt>Rating</dt><dd>Clean</dd>
    </dl>
    <section class="shelf">
      <h2>More Episodes</h2>
      <ul>
        <li><a href="@PAGE@/episode/202">202. The Broker Problem</a><p>MAR 4, 2024 &middot; 44 min</p></li>
        <li><a href="@PAGE@/episode/201">201. Parking, or the Lack of It</a><p>FEB 26, 2024 &middot; 51 min</p></li>
        <li><a href="@PAGE@/episode/200">200. Two Hundred Loads Later</a><p>FEB 19, 2024 &middot; 1 hr 3 min</p></li>
      </ul>
    </section>
    <footer>Copyright &copy; 2024 Apple Inc. All rights reserved. &middot; Internet Service Terms &middot; Apple Podcasts web player &amp; Privacy &middot; Cookie Warning &middot; Support</footer>
  </div>
</div>
<div class="web-chrome" aria-label="Player">
  <button class="chrome-play" aria-label="Pause">&#10074;&#10074;</button>
  <div class="np"><strong>203. Drivers' Hours, Explained</strong><br>The Long Haul</div>
  <span class="chrome-time">0:00</span>
</div>
<script type="application/json" id="serialized-server-data">[{"data":{"headerButtonItems":[{"$kind":"bookmark","modelType":"EpisodeOffer","model":{"adamId":1000648893120,"isBookmarked":false}},{"$kind":"share","modelType":"EpisodeLockup","model":{"title":"203. Drivers' Hours, Explained","summary":"Why the 11-hour rule exists, who keeps breaking it, and what electronic logging devices did and did not fix.","releaseDate":"2024-03-11T04:00:00Z","duration":2891,"episodeNumber":203,"showTitle":"The Long Haul","adamId":1000648893120,"playAction":{"title":"Play","episodeOffer":{"adamId":1000648893120,"kind":"episode","title":"203. Drivers' Hours, Explained","streamUrl":"@PLAYER@/hop/podtrac/hop/chtbl/media/art19/episodes/5d1f2c7e-3b9a-4c1d-8e2f-7a6b5c4d3e21.mp3","duration":2891,"mediaType":"audio","isEntitled":true}}}}],"shelves":[{"contentType":"episodeHeader","items":[{"title":"203. Drivers' Hours, Explained","duration":2891}]},{"contentType":"footnote","items":[{"title":"Clean"}]}],"pageMetrics":{"pageType":"Episode","pageId":"1000648893120"}},"intent":{"$kind":"EpisodeIntent","id":"1000648893120","showId":"1573390024"}}]</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('serialized-server-data').textContent);
  var item = data[0].data.headerButtonItems.filter(function (i) { return i.$kind === 'share'; })[0];
  var offer = item.model.playAction.episodeOffer;
  var chrome = document.querySelector('.web-chrome');
  var chromePlay = chrome.querySelector('.chrome-play');
  var audio = null;
  function toggle() {
    if (!audio) {
      audio = document.createElement('audio');
      audio.id = 'apple-music-player';
      audio.src = offer.streamUrl;
      chrome.appendChild(audio);
      audio.addEventListener('play', function () { chromePlay.innerHTML = '&#10074;&#10074;'; chromePlay.setAttribute('aria-label', 'Pause'); });
      audio.addEventListener('pause', function () { chromePlay.innerHTML = '&#9654;'; chromePlay.setAttribute('aria-label', 'Play'); });
      audio.addEventListener('timeupdate', function () {
        var s = Math.floor(audio.currentTime);
        chrome.querySelector('.chrome-time').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
      });
    }
    chrome.classList.add('visible');
    if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
  }
  document.querySelector('.play-button').addEventListener('click', toggle);
  chromePlay.addEventListener('click', toggle);
  var more = document.querySelector('.more-button');
  var menu = null;
  more.addEventListener('click', function (e) {
    e.stopPropagation();
    if (menu) { menu.remove(); menu = null; return; }
    menu = document.createElement('div');
    menu.className = 'context-menu';
    menu.setAttribute('role', 'menu');
    menu.innerHTML = '<button role="menuitem">Copy Link</button><button role="menuitem">Share Episode</button><button role="menuitem">Go to Show</button><button role="menuitem">Report a Concern</button>';
    var r = more.getBoundingClientRect();
    menu.style.left = (r.left + window.scrollX) + 'px';
    menu.style.top = (r.bottom + window.scrollY + 6) + 'px';
    document.body.appendChild(menu);
    menu.addEventListener('click', function (ev) { ev.stopPropagation(); ev.target.textContent = 'Done'; setTimeout(function () { if (menu) { menu.remove(); menu = null; } }, 700); });
  });
  document.addEventListener('click', function () { if (menu) { menu.remove(); menu = null; } });
  document.querySelector('.sign-in').addEventListener('click', function () { location.href = '@PAGE@/sign-in'; });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// RAI Play Sound. Imitates a raiplaysound.it episode page: the page shell loads the
// same path with .json (as yt-dlp reads it: title, episode_title, program_info,
// audio.url and a separate downloadable_audio.url, both mediapolis relinker URLs
// relinkerServlet.htm?cont=...), then renders the episode. The relinker redirects:
// the stream to an HLS playlist, the download to the MP3. Consent is Quantcast Choice
// (choice.js injecting #qc-cmp2-container > #qc-cmp2-ui, summary buttons
// [mode=secondary] "ALTRE OPZIONI" / [mode=primary] "ACCETTO", then "RIFIUTA TUTTO" /
// "SALVA ED ESCI"). The action row is synthetic: "Ascolta", icon-only heart and
// share, and an icon-only "Altre opzioni" (⋮) menu with "Scarica". A human accepts or
// rejects cookies, opens ⋮ and clicks "Scarica".
// ---------------------------------------------------------------------------------

const RAI_JSON_PATH: &str =
    "audio/2024/03/Wikiradio-del-12032024-4f6d2b1a-9c3e-4e8f-b7a2-1d5c9e0f3a86.json";

fn rai(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(RAI_PAGE, request);
    }
    if !request.on_player_host {
        return (request.rest == RAI_JSON_PATH).then(|| json(fill(RAI_JSON, request)));
    }
    match request.rest {
        "choice/Wv4pQ8c4Lk2SX/raiplaysound/choice.js" => Some(javascript(QUANTCAST_CHOICE_JS)),
        "relinker/relinkerServlet.htm" => match query_param(request, "cont") {
            Some("PE3wc4V3XWr0bX2ssuZWmAeeqqEEqual") => Some(redirect(&fill(
                "@PLAYER@/media/rai/podcast/wikiradio/2024/03/WIKIRADIO_12032024_Grazia_Deledda.mp3",
                request,
            ))),
            Some("wAtvQq2vn5UsslashVgssuZWmAeeqqEEqual") => Some(redirect(&fill(
                "@PLAYER@/media/rai/hls/wikiradio/2024/03/wikiradio_12032024/playlist.m3u8",
                request,
            ))),
            _ => Some(status(StatusCode::FORBIDDEN, "Contenuto non disponibile")),
        },
        _ => None,
    }
}

const RAI_JSON: &str = r##"{"id":"ContentItem-4f6d2b1a-9c3e-4e8f-b7a2-1d5c9e0f3a86","uniquename":"ContentItem-4f6d2b1a-9c3e-4e8f-b7a2-1d5c9e0f3a86","title":"Wikiradio del 12/03/2024 - Grazia Deledda","episode_title":"Grazia Deledda raccontata da Lucia Ferrante","type":"Audio","date_tracking":"2024-03-12","literal_duration":"52 min","description":"Il 12 marzo 1936 muore a Roma Grazia Deledda, unica donna italiana premiata con il Nobel per la letteratura. Lucia Ferrante racconta la scrittrice nuorese, dalla giovinezza in Sardegna al successo di Canne al vento.","program_info":{"name":"Wikiradio","path_id":"/programmi/wikiradio.json","channel":"Radio3"},"audio":{"url":"@PBASE@/relinker/relinkerServlet.htm?cont=wAtvQq2vn5UsslashVgssuZWmAeeqqEEqual","duration":"00:52:31","type":"audio","bitrate":"hls"},"downloadable_audio":{"url":"@PBASE@/relinker/relinkerServlet.htm?cont=PE3wc4V3XWr0bX2ssuZWmAeeqqEEqual","duration":"00:52:31","type":"mp3"},"rights_management":{"rights":{"download":true,"geoprotection":"NONE"}},"related":[{"title":"Wikiradio del 11/03/2024 - Il Trattato di Roma","path_id":"/audio/2024/03/Wikiradio-del-11032024.json"},{"title":"Wikiradio del 08/03/2024 - Anna Kuliscioff","path_id":"/audio/2024/03/Wikiradio-del-08032024.json"}]}"##;

const RAI_PAGE: &str = r##"<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wikiradio del 12/03/2024 - Grazia Deledda - RaiPlay Sound</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Il 12 marzo 1936 muore a Roma Grazia Deledda, unica donna italiana premiata con il Nobel per la letteratura.">
<meta property="og:title" content="Wikiradio del 12/03/2024 - Grazia Deledda">
<meta property="og:type" content="music.song">
<meta property="og:site_name" content="RaiPlay Sound">
<meta property="og:url" content="@PAGE@">
<link rel="canonical" href="@PAGE@">
<script>
  window.__tcfapiLocator = true;
  window.__tcfapi = window.__tcfapi || function () { (window.__tcfapi.a = window.__tcfapi.a || []).push(arguments); };
</script>
<script async src="@PBASE@/choice/Wv4pQ8c4Lk2SX/raiplaysound/choice.js?tag_version=V2"></script>
<style>
  body { margin: 0; font-family: "Rai", "Titillium Web", Arial, sans-serif; background: #0d1117; color: #f0f3f6; }
  a { color: inherit; }
  .rps-header { display: flex; align-items: center; gap: 28px; height: 64px; padding: 0 4vw; background: #0a0d12; border-bottom: 1px solid #1f2630; }
  .rps-header .logo { font-weight: 800; font-size: 20px; text-decoration: none; }
  .rps-header .logo b { color: #2f9be0; }
  .rps-header nav a { text-decoration: none; margin-right: 22px; font-size: 15px; color: #c5cdd6; }
  .rps-header .login { margin-left: auto; border: 1px solid #c5cdd6; border-radius: 18px; padding: 6px 16px; text-decoration: none; font-size: 14px; }
  .loading { padding: 80px 4vw; color: #8893a0; }
  .hero { display: flex; gap: 34px; padding: 40px 4vw 30px; background: linear-gradient(180deg, #1a2533, #0d1117); }
  .hero .cover { width: 260px; height: 260px; flex: none; border-radius: 6px; background: linear-gradient(135deg, #6a1b9a, #2f9be0); }
  .hero .program { font-size: 13px; text-transform: uppercase; letter-spacing: .14em; color: #2f9be0; font-weight: 700; text-decoration: none; }
  .hero h1 { font-size: 34px; margin: 8px 0 6px; }
  .hero .sub { font-size: 18px; color: #c5cdd6; }
  .hero .meta { font-size: 14px; color: #8893a0; margin-top: 8px; }
  .actions { display: flex; gap: 12px; align-items: center; margin-top: 26px; position: relative; }
  .btn-ascolta { display: flex; align-items: center; gap: 8px; background: #2f9be0; color: #fff; border: 0; border-radius: 22px; padding: 11px 26px; font-size: 16px; font-weight: 700; cursor: pointer; }
  .btn-round { width: 44px; height: 44px; border-radius: 50%; border: 1px solid #5a6573; background: none; color: #f0f3f6; cursor: pointer; display: grid; place-items: center; }
  .dropdown { position: absolute; top: 52px; left: 230px; background: #1f2630; border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,.5); min-width: 220px; padding: 8px 0; z-index: 10; }
  .dropdown[hidden] { display: none; }
  .dropdown a, .dropdown button { display: flex; align-items: center; gap: 10px; width: 100%; box-sizing: border-box; padding: 10px 18px; background: none; border: 0; color: #f0f3f6; font: inherit; font-size: 15px; text-decoration: none; cursor: pointer; text-align: left; }
  .dropdown a:hover, .dropdown button:hover { background: #2a3340; }
  .section { padding: 20px 4vw; max-width: 900px; }
  .section h2 { font-size: 20px; border-bottom: 1px solid #1f2630; padding-bottom: 8px; }
  .section p { line-height: 1.6; color: #c5cdd6; }
  .related li { margin: 8px 0; }
  .player-bar { position: fixed; left: 0; right: 0; bottom: 0; height: 62px; background: #0a0d12; border-top: 1px solid #1f2630; display: none; align-items: center; gap: 16px; padding: 0 4vw; font-size: 14px; }
  .player-bar.on { display: flex; }
  .player-bar button { background: none; border: 0; color: #fff; font-size: 18px; cursor: pointer; }
  footer { padding: 40px 4vw 90px; font-size: 13px; color: #8893a0; border-top: 1px solid #1f2630; margin-top: 30px; }
  .toast { position: fixed; left: 50%; bottom: 80px; transform: translateX(-50%); background: #2a3340; padding: 10px 18px; border-radius: 6px; display: none; }
</style>
</head>
<body>
<header class="rps-header">
  <a class="logo" href="@PAGE@">RaiPlay <b>Sound</b></a>
  <nav><a href="@PAGE@/radio">Radio</a><a href="@PAGE@/podcast">Podcast</a><a href="@PAGE@/programmi">Programmi</a><a href="@PAGE@/generi">Generi</a><a href="@PAGE@/playlist">Playlist</a></nav>
  <a class="login" href="@PAGE@/accedi">Accedi</a>
</header>
<main id="app" data-json="@PAGE@/audio/2024/03/Wikiradio-del-12032024-4f6d2b1a-9c3e-4e8f-b7a2-1d5c9e0f3a86.json">
  <div class="loading">Caricamento&hellip;</div>
</main>
<div class="player-bar" aria-label="Player">
  <button class="bar-toggle" aria-label="Pausa">&#10074;&#10074;</button>
  <div class="bar-title"></div>
  <div class="bar-state" style="margin-left:auto;color:#8893a0"></div>
</div>
<div class="toast" role="status"></div>
<footer>Rai &ndash; Radiotelevisione Italiana Spa &middot; Sede legale: Viale Mazzini, 14 &ndash; 00195 Roma &middot; Cap. Soc. &euro; 242.518.100,00 &middot; Privacy &middot; Cookie policy &middot; Preferenze cookie</footer>
<script>
(function () {
  var app = document.getElementById('app');
  var toast = document.querySelector('.toast');
  function say(t) { toast.textContent = t; toast.style.display = 'block'; setTimeout(function () { toast.style.display = 'none'; }, 2000); }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  fetch(app.dataset.json).then(function (r) { return r.json(); }).then(function (ep) {
    app.innerHTML =
      '<section class="hero">' +
        '<div class="cover" role="img" aria-label="' + esc(ep.program_info.name) + '"></div>' +
        '<div>' +
          '<a class="program" href="@PAGE@/programmi/wikiradio">' + esc(ep.program_info.name) + '</a>' +
          '<h1>' + esc(ep.title) + '</h1>' +
          '<div class="sub">' + esc(ep.episode_title) + '</div>' +
          '<div class="meta">' + esc(ep.program_info.channel) + ' &middot; 12/03/2024 &middot; ' + esc(ep.literal_duration) + '</div>' +
          '<div class="actions">' +
            '<button class="btn-ascolta" type="button"><svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M8 5v14l11-7z"/></svg>Ascolta</button>' +
            '<button class="btn-round btn-lista" type="button" aria-label="Aggiungi a La mia lista" title="Aggiungi a La mia lista"><svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M12 21l-1.4-1.3C5.4 15 2 12 2 8.4 2 5.4 4.4 3 7.4 3c1.7 0 3.4.8 4.6 2.1C13.2 3.8 14.9 3 16.6 3 19.6 3 22 5.4 22 8.4c0 3.6-3.4 6.6-8.6 11.3z"/></svg></button>' +
            '<button class="btn-round btn-share" type="button" aria-label="Condividi" title="Condividi"><svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z"/></svg></button>' +
            '<button class="btn-round btn-altro" type="button" aria-label="Altre opzioni" title="Altre opzioni" aria-haspopup="true" aria-expanded="false"><svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><circle cx="12" cy="5" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="12" cy="19" r="2"/></svg></button>' +
            '<div class="dropdown" role="menu" hidden></div>' +
          '</div>' +
        '</div>' +
      '</section>' +
      '<section class="section"><h2>Descrizione</h2><p>' + esc(ep.description) + '</p></section>' +
      '<section class="section related"><h2>Altri episodi</h2><ul>' +
        ep.related.map(function (r) { return '<li><a href="@PAGE@' + esc(r.path_id.replace('.json', '.html')) + '">' + esc(r.title) + '</a></li>'; }).join('') +
      '</ul></section>';

    var audio = null;
    var bar = document.querySelector('.player-bar');
    var barToggle = bar.querySelector('.bar-toggle');
    function toggle() {
      if (!audio) {
        audio = new Audio(ep.audio.url);
        bar.querySelector('.bar-title').textContent = ep.title;
        audio.addEventListener('playing', function () { bar.querySelector('.bar-state').textContent = ''; });
        audio.addEventListener('error', function () { bar.querySelector('.bar-state').textContent = 'Si è verificato un errore durante la riproduzione'; });
        audio.addEventListener('pause', function () { barToggle.innerHTML = '&#9654;'; barToggle.setAttribute('aria-label', 'Riproduci'); });
        audio.addEventListener('play', function () { barToggle.innerHTML = '&#10074;&#10074;'; barToggle.setAttribute('aria-label', 'Pausa'); });
      }
      bar.classList.add('on');
      if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); }
    }
    app.querySelector('.btn-ascolta').addEventListener('click', toggle);
    barToggle.addEventListener('click', toggle);
    app.querySelector('.btn-lista').addEventListener('click', function () { say('Accedi per aggiungere contenuti a La mia lista'); });
    app.querySelector('.btn-share').addEventListener('click', function () { say('Link copiato negli appunti'); });
    var altro = app.querySelector('.btn-altro');
    var dd = app.querySelector('.dropdown');
    altro.addEventListener('click', function (e) {
      e.stopPropagation();
      if (dd.hidden) {
        dd.innerHTML = '';
        if (ep.rights_management.rights.download && ep.downloadable_audio) {
          var a = document.createElement('a');
          a.setAttribute('role', 'menuitem');
          a.href = ep.downloadable_audio.url;
          a.setAttribute('download', '');
          a.innerHTML = '<svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M12 3v12m0 0l-5-5m5 5l5-5M4 20h16"/></svg>Scarica';
          dd.appendChild(a);
        }
        var prog = document.createElement('a');
        prog.setAttribute('role', 'menuitem');
        prog.href = '@PAGE@/programmi/wikiradio';
        prog.textContent = 'Vai al programma';
        dd.appendChild(prog);
        var rep = document.createElement('button');
        rep.setAttribute('role', 'menuitem');
        rep.textContent = 'Segnala un problema';
        rep.addEventListener('click', function () { dd.hidden = true; say('Grazie per la segnalazione'); });
        dd.appendChild(rep);
      }
      dd.hidden = !dd.hidden;
      altro.setAttribute('aria-expanded', String(!dd.hidden));
    });
    document.addEventListener('click', function () { dd.hidden = true; altro.setAttribute('aria-expanded', 'false'); });
    dd.addEventListener('click', function (e) { e.stopPropagation(); });
  });
})();
</script>
</body>
</html>
"##;

const QUANTCAST_CHOICE_JS: &str = r##"/* Quantcast Choice CMP2 (it) */
(function () {
  function done(accepted) {
    var c = document.getElementById('qc-cmp2-container');
    if (c) { c.parentNode.removeChild(c); }
    document.body.style.overflow = '';
    try { localStorage.setItem('noniabvendorconsent', accepted ? 'all' : 'none'); } catch (e) {}
    document.cookie = 'euconsent-v2=' + (accepted ? 'CP7xAAAP7xAAAAGABCITAwEgAP_gAEPgAAqIJ' : 'CP7xAAAP7xAAAAGABCITAwEgAAAAAEPgAAAAA') + '; path=/; max-age=33696000';
  }
  function button(mode, label, onClick) {
    var b = document.createElement('button');
    b.setAttribute('mode', mode);
    b.setAttribute('size', 'large');
    b.className = ' css-47sehv';
    b.innerHTML = '<span>' + label + '</span>';
    b.style.cssText = 'font:700 14px/1 Arial,sans-serif;letter-spacing:.04em;padding:12px 22px;border-radius:4px;cursor:pointer;' +
      (mode === 'primary' ? 'background:#206dc5;color:#fff;border:1px solid #206dc5;' : 'background:#fff;color:#206dc5;border:1px solid #206dc5;');
    b.addEventListener('click', onClick);
    return b;
  }
  function show() {
    if (document.cookie.indexOf('euconsent-v2=') >= 0) { return; }
    var container = document.createElement('div');
    container.id = 'qc-cmp2-container';
    container.setAttribute('data-nosnippet', '');
    container.innerHTML =
      '<div class="qc-cmp2-main" id="qc-cmp2-main" style="position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center;">' +
        '<div id="qc-cmp2-ui" role="dialog" aria-label="qc-cmp2-ui" aria-modal="true" tabindex="0" style="background:#fff;color:#212121;width:640px;max-width:94vw;max-height:86vh;overflow:auto;border-radius:6px;font:15px/1.5 Arial,sans-serif;box-shadow:0 10px 40px rgba(0,0,0,.4);">' +
          '<div class="qc-cmp2-consent-info" style="padding:26px 30px 6px;">' +
            '<h2 style="font-size:22px;margin:0 0 12px;">Il rispetto della tua privacy è la nostra priorità</h2>' +
            '<p class="qc-cmp2-info">Noi e i nostri partner archiviamo e/o accediamo a informazioni su un dispositivo, come gli ID univoci nei cookie, per il trattamento dei dati personali. Puoi accettare o gestire le tue scelte cliccando qui sotto, incluso il tuo diritto di opporti quando è utilizzato il legittimo interesse, o in qualsiasi momento nella pagina dell\u2019informativa sulla privacy. Queste scelte verranno segnalate ai nostri partner e non influiranno sui dati di navigazione.</p>' +
            '<p style="font-weight:700;margin-bottom:4px;">Noi e i nostri partner trattiamo i dati per fornire:</p>' +
            '<p>Archiviare e/o accedere a informazioni su un dispositivo. Dati di geolocalizzazione precisi e identificazione attraverso la scansione del dispositivo. Pubblicità e contenuti personalizzati, valutazione degli annunci e del contenuto, osservazioni del pubblico e sviluppo di prodotti.</p>' +
          '</div>' +
          '<div class="qc-cmp2-purposes" style="display:none;padding:0 30px;"></div>' +
          '<div class="qc-cmp2-footer qc-cmp2-footer-overlay qc-cmp2-footer-scrolled" style="padding:16px 30px 24px;border-top:1px solid #eee;">' +
            '<div class="qc-cmp2-summary-buttons" style="display:flex;gap:12px;justify-content:flex-end;"></div>' +
            '<div class="qc-cmp2-buttons-desktop" style="display:none;gap:12px;justify-content:flex-end;"></div>' +
          '</div>' +
        '</div>' +
      '</div>';
    var summary = container.querySelector('.qc-cmp2-summary-buttons');
    var desktop = container.querySelector('.qc-cmp2-buttons-desktop');
    summary.appendChild(button('secondary', 'ALTRE OPZIONI', function () {
      summary.style.display = 'none';
      desktop.style.display = 'flex';
      var p = container.querySelector('.qc-cmp2-purposes');
      p.style.display = 'block';
      p.innerHTML = '<h3 style="font-size:17px;">Preferenze relative ai cookie</h3>' +
        ['Archiviare e/o accedere a informazioni su un dispositivo', 'Utilizzare dati limitati per selezionare la pubblicità', 'Creare profili per la pubblicità personalizzata', 'Misurare le prestazioni dei contenuti'].map(function (t, i) {
          return '<div class="qc-cmp2-toggle-switch" style="display:flex;justify-content:space-between;border-top:1px solid #eee;padding:10px 0;"><span>' + t + '</span><button role="switch" aria-checked="false" aria-label="' + t + '" style="border:1px solid #ccc;background:#eee;border-radius:10px;width:40px;cursor:pointer;">&nbsp;</button></div>';
        }).join('');
      p.querySelectorAll('button[role=switch]').forEach(function (s) {
        s.addEventListener('click', function () { var on = s.getAttribute('aria-checked') !== 'true'; s.setAttribute('aria-checked', String(on)); s.style.background = on ? '#206dc5' : '#eee'; });
      });
    }));
    summary.appendChild(button('primary', 'ACCETTO', function () { done(true); }));
    desktop.appendChild(button('secondary', 'RIFIUTA TUTTO', function () { done(false); }));
    desktop.appendChild(button('secondary', 'ACCETTA TUTTO', function () { done(true); }));
    desktop.appendChild(button('primary', 'SALVA ED ESCI', function () { done(false); }));
    document.body.appendChild(container);
    document.body.style.overflow = 'hidden';
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', show); } else { show(); }
})();
"##;

// ---------------------------------------------------------------------------------
// Sveriges Radio. Imitates a sverigesradio.se/avsnitt/<slug> page: the consent layer
// is a Radix dialog in a portal (role=dialog, data-state=open, body pointer-events
// none, the app root aria-hidden) whose buttons read "Godkänn alla" and "Godkänn
// endast nödvändiga"; the play button is .audio-button with data-audio-id /
// data-audio-type / data-publication-id and plays what playerajax/getaudiourl
// returns (here an AAC .m4a, coding format 11, as for "high" quality); the MP3 is the
// podcast file at //sverigesradio.se/topsy/ljudfil/srse/<id>.mp3, printed
// protocol-relative as a real scraper of SR pages expects, which redirects to the
// CDN. That link sits in an icon-only "Fler val" (⋯) menu, which is synthetic, as
// are the other labels. Other episodes of the series are listed with their own
// .audio-button. A human answers the cookie dialog, opens ⋯ and clicks "Ladda ner".
// ---------------------------------------------------------------------------------

fn sveriges_radio(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(SR_PAGE, request);
    }
    if request.on_player_host {
        return None;
    }
    match request.rest {
        "topsy/ljudfil/srse/9804232.mp3" => Some(redirect(&fill(
            "@PLAYER@/media/sr/lyssna-cdn/p1-dokumentar/2024/03/9804232_a128.mp3",
            request,
        ))),
        "sida/playerajax/getaudiourl" => {
            let id = query_param(request, "id")
                .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))?;
            Some(json(fill(
                &format!(
                    "{{\"audioUrl\":\"@PLAYER@/media/sr/lyssna-cdn/p1-dokumentar/2024/03/{id}_a192.m4a\",\"codingFormat\":11,\"duration\":2652}}"
                ),
                request,
            )))
        }
        _ => None,
    }
}

const SR_PAGE: &str = r##"<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brevbäraren som försvann - P1 Dokumentär | Sveriges Radio</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="En vinterdag 1987 lämnar brevbäraren Gunnar Ek sin cykel vid en busshållplats i Tärnaby. Sedan ser ingen honom igen.">
<meta property="og:title" content="Brevbäraren som försvann - P1 Dokumentär">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Sveriges Radio">
<meta property="og:url" content="@PAGE@">
<link rel="canonical" href="@PAGE@">
<script type="application/ld+json">{"@type":"RadioEpisode","name":"Brevbäraren som försvann","datePublished":"2024-03-12T06:00:00+01:00","partOfSeries":{"@type":"RadioSeries","name":"P1 Dokumentär"},"publisher":{"@type":"Organization","name":"Sveriges Radio"}}</script>
<script type="application/json" id="gtm-metadata">{"pageId":"9804232","pageType":"episode","programId":"909","programName":"P1 Dokumentär","channelId":"132","channelName":"P1"}</script>
<style>
  body { margin: 0; font-family: "SR Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
  .header { display: flex; align-items: center; gap: 24px; height: 60px; padding: 0 24px; border-bottom: 1px solid #e6e6e6; }
  .header .logo { font-weight: 800; font-size: 19px; color: #1a1a1a; text-decoration: none; }
  .header nav a { margin-right: 18px; color: #1a1a1a; text-decoration: none; font-size: 15px; }
  .header .right { margin-left: auto; display: flex; gap: 12px; }
  .header .right a { font-size: 14px; color: #1a1a1a; }
  .program-bar { background: #d7e8f5; padding: 14px 24px; font-weight: 700; }
  .program-bar a { color: #0a4a7a; text-decoration: none; }
  .episode { max-width: 820px; margin: 0 auto; padding: 30px 24px; }
  .episode h1 { font-size: 34px; line-height: 1.2; margin: 0 0 12px; }
  .episode .meta { font-size: 14px; color: #5c5c5c; margin-bottom: 20px; }
  .player-row { display: flex; align-items: center; gap: 12px; position: relative; }
  .audio-button { display: inline-flex; align-items: center; gap: 8px; border: 0; background: #1a1a1a; color: #fff; border-radius: 22px; padding: 10px 20px; font-size: 15px; font-weight: 700; cursor: pointer; }
  .audio-button.small { padding: 6px 12px; font-size: 13px; }
  .icon-button { width: 42px; height: 42px; border-radius: 50%; border: 1px solid #c8c8c8; background: #fff; cursor: pointer; display: grid; place-items: center; }
  .menu { position: absolute; top: 50px; left: 120px; background: #fff; border: 1px solid #e6e6e6; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.15); min-width: 230px; padding: 6px 0; z-index: 20; }
  .menu[hidden] { display: none; }
  .menu a, .menu button { display: block; width: 100%; box-sizing: border-box; text-align: left; padding: 10px 16px; font: inherit; font-size: 15px; color: #1a1a1a; text-decoration: none; border: 0; background: none; cursor: pointer; }
  .menu a:hover, .menu button:hover { background: #f2f2f2; }
  .episode .text { font-size: 18px; line-height: 1.6; margin-top: 26px; }
  .more-episodes { max-width: 820px; margin: 0 auto; padding: 10px 24px 40px; }
  .more-episodes h2 { font-size: 20px; }
  .more-episodes li { list-style: none; display: flex; align-items: center; justify-content: space-between; gap: 16px; border-top: 1px solid #e6e6e6; padding: 12px 0; }
  .more-episodes ul { padding: 0; }
  .now-playing { position: fixed; left: 0; right: 0; bottom: 0; background: #1a1a1a; color: #fff; padding: 12px 24px; display: none; font-size: 14px; }
  .now-playing.on { display: block; }
  footer { background: #f2f2f2; padding: 30px 24px 80px; font-size: 13px; color: #5c5c5c; }
  .consent-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.5); z-index: 100; }
  .consent-dialog { position: fixed; z-index: 101; left: 50%; top: 50%; transform: translate(-50%, -50%); width: 520px; max-width: 92vw; background: #fff; border-radius: 10px; padding: 28px; box-shadow: 0 10px 40px rgba(0,0,0,.3); font-size: 15px; line-height: 1.5; pointer-events: auto; }
  .consent-dialog h2 { margin: 0 0 10px; font-size: 21px; }
  .consent-dialog .buttons { display: flex; flex-direction: column; gap: 10px; margin-top: 18px; }
  .consent-dialog button { border-radius: 22px; padding: 11px 16px; font: inherit; font-weight: 700; cursor: pointer; }
  .consent-dialog button.primary { background: #1a1a1a; color: #fff; border: 0; }
  .consent-dialog button.secondary { background: #fff; color: #1a1a1a; border: 2px solid #1a1a1a; }
  .consent-dialog .settings { display: inline-block; margin-top: 12px; color: #0a4a7a; cursor: pointer; text-decoration: underline; }
</style>
</head>
<body>
<div id="__next">
  <header class="header">
    <a class="logo" href="@PAGE@">Sveriges Radio</a>
    <nav><a href="@PAGE@/kanaler">Kanaler</a><a href="@PAGE@/program">Program</a><a href="@PAGE@/nyheter">Nyheter</a><a href="@PAGE@/sok">Sök</a></nav>
    <div class="right"><a href="@PAGE@/minsida">Logga in</a></div>
  </header>
  <div class="program-bar"><a href="@PAGE@/program/p1-dokumentar">P1 Dokumentär</a></div>
  <main class="episode">
    <h1>Brevbäraren som försvann</h1>
    <div class="meta">Publicerat tisdag 12 mars 2024 kl 06.00 &middot; 44 min &middot; Tillgängligt till 12 mars 2034</div>
    <div class="player-row">
      <button class="audio-button" data-audio-type="episode" data-audio-id="9804232" data-publication-id="2347811" aria-label="Lyssna på Brevbäraren som försvann"><svg width="14" height="14" viewBox="0 0 24 24" fill="currentColor"><path d="M6 4v16l14-8z"/></svg>Lyssna</button>
      <button class="icon-button btn-more" aria-label="Fler val" aria-haspopup="menu" aria-expanded="false"><svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><circle cx="5" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="19" cy="12" r="2"/></svg></button>
      <div class="menu" role="menu" hidden>
        <button role="menuitem" class="mi-list">Lägg till i Min lista</button>
        <button role="menuitem" class="mi-share">Dela avsnittet</button>
        <a role="menuitem" href="@SITE_PR@/corpus/sveriges-radio-avsnitt/topsy/ljudfil/srse/9804232.mp3" download="Brevbäraren som försvann.mp3">Ladda ner</a>
        <a role="menuitem" href="@PAGE@/program/p1-dokumentar/poddfeed">Prenumerera på podden</a>
      </div>
    </div>
    <div class="text">
      <p>En vinterdag 1987 lämnar brevbäraren Gunnar Ek sin cykel vid en busshållplats i Tärnaby. Sedan ser ingen honom igen. I byn finns fortfarande lika många teorier som det finns invånare.</p>
      <p>Reportern Elin Sundqvist åker tillbaka till Tärnaby för att försöka förstå vad som hände, och varför polisens utredning lades ned efter bara tre veckor.</p>
      <p>Reporter: Elin Sundqvist. Producent: Mattias Lund. Ljuddesign: Karin Holm.</p>
    </div>
  </main>
  <section class="more-episodes">
    <h2>Fler avsnitt från P1 Dokumentär</h2>
    <ul>
      <li><span>Sista tåget från Storlien &middot; 51 min</span><button class="audio-button small" data-audio-type="episode" data-audio-id="9791877" data-publication-id="2341205" aria-label="Lyssna på Sista tåget från Storlien">Lyssna</button></li>
      <li><span>Fallet med de stulna ikonerna &middot; 43 min</span><button class="audio-button small" data-audio-type="episode" data-audio-id="9779310" data-publication-id="2335512" aria-label="Lyssna på Fallet med de stulna ikonerna">Lyssna</button></li>
      <li><span>Kvinnorna på Kockums &middot; 55 min</span><button class="audio-button small" data-audio-type="episode" data-audio-id="9766402" data-publication-id="2329901" aria-label="Lyssna på Kvinnorna på Kockums">Lyssna</button></li>
    </ul>
  </section>
  <div class="now-playing" aria-live="polite"></div>
  <footer>Sveriges Radio AB &middot; 105 10 Stockholm &middot; Om Sveriges Radio &middot; Kakor (cookies) &middot; Tillgänglighet</footer>
</div>
<div data-radix-portal="" id="consent-portal">
  <div class="consent-overlay" data-state="open" style="pointer-events: auto;"></div>
  <div role="dialog" id="radix-:r2:" aria-describedby="radix-:r4:" aria-labelledby="radix-:r3:" aria-modal="true" data-state="open" tabindex="-1" class="consent-dialog">
    <h2 id="radix-:r3:">Sveriges Radio använder kakor</h2>
    <p id="radix-:r4:">Vi använder kakor (cookies) för att webbplatsen ska fungera och för att förbättra din upplevelse. Med ditt godkännande använder vi även kakor för att analysera hur sajten används och för att anpassa innehåll. Du kan när som helst ändra dina val under Kakor (cookies) längst ned på sidan.</p>
    <div class="buttons">
      <button class="primary" type="button">Godkänn alla</button>
      <button class="secondary" type="button">Godkänn endast nödvändiga</button>
    </div>
    <a class="settings" role="button" tabindex="0">Inställningar för kakor</a>
  </div>
</div>
<script>
(function () {
  var app = document.getElementById('__next');
  var portal = document.getElementById('consent-portal');
  function closeConsent(all) {
    try { localStorage.setItem('sr-consent', all ? 'all' : 'necessary'); } catch (e) {}
    portal.remove();
    document.body.style.pointerEvents = '';
    app.removeAttribute('aria-hidden');
    app.removeAttribute('data-aria-hidden');
  }
  var stored = null;
  try { stored = localStorage.getItem('sr-consent'); } catch (e) {}
  if (stored) { portal.remove(); } else {
    document.body.style.pointerEvents = 'none';
    app.setAttribute('aria-hidden', 'true');
    app.setAttribute('data-aria-hidden', 'true');
    portal.querySelector('button.primary').addEventListener('click', function () { closeConsent(true); });
    portal.querySelector('button.secondary').addEventListener('click', function () { closeConsent(false); });
    portal.querySelector('.settings').addEventListener('click', function (e) { e.target.textContent = 'Nödvändiga kakor kan inte väljas bort.'; });
  }

  var audio = new Audio();
  var current = null;
  var np = document.querySelector('.now-playing');
  document.querySelectorAll('.audio-button').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var id = btn.getAttribute('data-audio-id');
      if (current === id && !audio.paused) { audio.pause(); return; }
      fetch('@PAGE@/sida/playerajax/getaudiourl?id=' + id + '&type=' + btn.getAttribute('data-audio-type') + '&quality=high&format=iis')
        .then(function (r) { return r.json(); })
        .then(function (d) {
          current = id;
          audio.src = d.audioUrl;
          np.textContent = 'Spelar nu: ' + (btn.getAttribute('aria-label') || '').replace('Lyssna på ', '');
          np.classList.add('on');
          return audio.play();
        }).catch(function () {});
    });
  });
  var more = document.querySelector('.btn-more');
  var menu = document.querySelector('.menu');
  more.addEventListener('click', function (e) {
    e.stopPropagation();
    menu.hidden = !menu.hidden;
    more.setAttribute('aria-expanded', String(!menu.hidden));
  });
  menu.addEventListener('click', function (e) { e.stopPropagation(); });
  document.addEventListener('click', function () { menu.hidden = true; more.setAttribute('aria-expanded', 'false'); });
  menu.querySelector('.mi-list').addEventListener('click', function (e) { e.target.textContent = 'Logga in för att spara'; });
  menu.querySelector('.mi-share').addEventListener('click', function (e) { e.target.textContent = 'Länken är kopierad'; });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Polskie Radio. Imitates a legacy polskieradio.pl article page (…/Artykul/<id>): a
// "Posłuchaj" box whose items carry data-media='{"id":…,"file":"//static…mp3",
// "provider":"audio","uid":…,"length":…,"autostart":true,"link":…,"title":…,
// "desc":<url-encoded>}' (the form yt-dlp parses), here the full broadcast and a
// 72-second trailer ("zwiastun") of it; the play icons feed a sticky player that sets
// the <audio> src on click. Consent is Cookiebot (uc.js from consent.cookiebot.com,
// #CybotCookiebotDialog with the Polish "Odmowa" / "Dostosuj" / "Zezwól na
// wszystkie" buttons and its underlay). The rendered article around it is synthetic.
// A human allows or refuses cookies and presses the first play icon.
// ---------------------------------------------------------------------------------

fn polskie_radio(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(PR_PAGE, request);
    }
    if request.on_player_host && request.rest == "uc.js" {
        return Some(javascript(COOKIEBOT_PL_JS));
    }
    None
}

const PR_PAGE: &str = r##"<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>"Zagadkowe zniknięcia". Sprawa Haliny Kowalczyk z Sandomierza - Dwójka - polskieradio.pl</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="W 1964 roku nauczycielka z Sandomierza wyszła z domu na próbę chóru i nigdy nie wróciła. O sprawie opowiada Agnieszka Wróbel.">
<meta property="og:title" content="&quot;Zagadkowe zniknięcia&quot;. Sprawa Haliny Kowalczyk z Sandomierza">
<meta property="og:type" content="article">
<meta property="og:url" content="@PAGE@">
<meta property="og:site_name" content="polskieradio.pl">
<link rel="canonical" href="@PAGE@">
<script id="Cookiebot" src="@PBASE@/uc.js" data-cbid="3f6a2c1e-9d8b-4a7c-b5e2-1f0d9c8b7a65" data-culture="pl" data-blockingmode="auto" type="text/javascript"></script>
<style>
  body { margin: 0; font-family: "Lato", Arial, sans-serif; color: #222; background: #f4f4f4; }
  .top { background: #c8102e; color: #fff; }
  .top .in { max-width: 1120px; margin: 0 auto; display: flex; align-items: center; gap: 24px; height: 54px; padding: 0 16px; }
  .top .logo { font-weight: 900; font-size: 21px; color: #fff; text-decoration: none; }
  .top nav a { color: #fff; text-decoration: none; margin-right: 16px; font-size: 14px; text-transform: uppercase; }
  .channels { background: #fff; border-bottom: 1px solid #ddd; }
  .channels .in { max-width: 1120px; margin: 0 auto; padding: 8px 16px; font-size: 14px; }
  .channels a { margin-right: 16px; color: #444; text-decoration: none; }
  .page { max-width: 1120px; margin: 0 auto; display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 26px; padding: 22px 16px 90px; }
  article { background: #fff; padding: 26px 30px; }
  .category { color: #c8102e; font-weight: 700; font-size: 13px; text-transform: uppercase; }
  h1.title { font-size: 30px; line-height: 1.25; margin: 8px 0 12px; }
  .date { color: #777; font-size: 13px; }
  .lead { font-weight: 700; font-size: 18px; line-height: 1.55; margin: 18px 0; }
  .photo { height: 300px; background: linear-gradient(160deg, #7a6a58, #3d342b); color: #fff; display: flex; align-items: flex-end; padding: 12px; box-sizing: border-box; font-size: 12px; }
  .listen { border: 1px solid #e2e2e2; background: #fafafa; margin: 22px 0; padding: 14px 18px; }
  .listen h3 { margin: 0 0 10px; font-size: 16px; text-transform: uppercase; color: #c8102e; }
  .listen ul { list-style: none; margin: 0; padding: 0; }
  .listen li { display: flex; align-items: center; gap: 12px; padding: 9px 0; border-top: 1px solid #eee; }
  .listen li:first-child { border-top: 0; }
  .play { width: 34px; height: 34px; border-radius: 50%; background: #c8102e; flex: none; cursor: pointer; display: grid; place-items: center; }
  .play::after { content: ""; border-left: 11px solid #fff; border-top: 7px solid transparent; border-bottom: 7px solid transparent; margin-left: 3px; }
  .listen .t { flex: 1; font-size: 15px; }
  .listen .d { color: #777; font-size: 13px; }
  .body p { font-size: 17px; line-height: 1.7; }
  aside .box { background: #fff; padding: 16px; margin-bottom: 20px; }
  aside h4 { margin: 0 0 10px; text-transform: uppercase; font-size: 14px; color: #c8102e; }
  aside a { display: block; color: #222; text-decoration: none; margin-bottom: 10px; font-size: 14px; }
  .pr-player { position: fixed; left: 0; right: 0; bottom: 0; height: 60px; background: #222; color: #fff; display: none; align-items: center; gap: 16px; padding: 0 20px; font-size: 14px; z-index: 50; }
  .pr-player.on { display: flex; }
  .pr-player button { background: none; border: 0; color: #fff; cursor: pointer; font-size: 18px; }
  .pr-player .progress { flex: 1; height: 4px; background: #555; }
  .pr-player .progress span { display: block; height: 100%; width: 0; background: #c8102e; }
  footer { background: #222; color: #aaa; font-size: 13px; padding: 30px 16px 90px; text-align: center; }
</style>
</head>
<body>
<div class="top"><div class="in"><a class="logo" href="@PAGE@">Polskie Radio</a><nav><a href="@PAGE@/wiadomosci">Wiadomości</a><a href="@PAGE@/kultura">Kultura</a><a href="@PAGE@/historia">Historia</a><a href="@PAGE@/podcasty">Podcasty</a></nav></div></div>
<div class="channels"><div class="in"><a href="@PAGE@/jedynka">Jedynka</a><a href="@PAGE@/dwojka">Dwójka</a><a href="@PAGE@/trojka">Trójka</a><a href="@PAGE@/czworka">Czwórka</a><a href="@PAGE@/pr24">PR24</a></div></div>
<div class="page">
  <article>
    <div class="category">Dwójka &middot; Zagadkowe zniknięcia</div>
    <h1 class="title">"Zagadkowe zniknięcia". Sprawa Haliny Kowalczyk z Sandomierza</h1>
    <div class="date">12.03.2024 20:00</div>
    <p class="lead">W październiku 1964 roku nauczycielka muzyki z Sandomierza wyszła z domu na próbę chóru i nigdy nie wróciła. Milicja umorzyła śledztwo po czterech miesiącach. Po sześćdziesięciu latach do sprawy wraca Agnieszka Wróbel.</p>
    <div class="photo">Sandomierz, lata 60. Fot. archiwum prywatne</div>
    <div class="listen">
      <h3>Posłuchaj</h3>
      <ul>
        <li><span class="play pr-media-play" role="button" tabindex="0" title="Odtwórz" aria-label="Odtwórz" data-media='{"id":3312877,"file":"@PLAYER_PR@/media/prsa/static/audio/2024/03/de4a1e0c-7f55-4a2b-9d1c-2e8b3f6a9c47.mp3","provider":"audio","uid":"de4a1e0c-7f55-4a2b-9d1c-2e8b3f6a9c47","length":2998,"autostart":true,"link":"/artykul/3312877","title":"Zagadkowe%20znikni%C4%99cia.%20Sprawa%20Haliny%20Kowalczyk","desc":"Agnieszka%20Wr%C3%B3bel%20o%20sprawie%20Haliny%20Kowalczyk%20(Dw%C3%B3jka%2C%20audycja%20%22Zagadkowe%20znikni%C4%99cia%22)","advert":0}'></span><span class="t">Agnieszka Wróbel o sprawie Haliny Kowalczyk (Dwójka, audycja "Zagadkowe zniknięcia")</span><span class="d">49:58</span></li>
        <li><span class="play pr-media-play" role="button" tabindex="0" title="Odtwórz" aria-label="Odtwórz" data-media='{"id":3312879,"file":"@PLAYER_PR@/media/prsa/static/audio/2024/03/zwiastun-b71c0d2e-4a9f-4e3b-8c6d-5f2a1e0b9d38.mp3","provider":"audio","uid":"b71c0d2e-4a9f-4e3b-8c6d-5f2a1e0b9d38","length":72,"autostart":true,"link":"/artykul/3312877","title":"Zwiastun","desc":"Zwiastun%20audycji%20(Dw%C3%B3jka)","advert":0}'></span><span class="t">Zwiastun audycji (Dwójka)</span><span class="d">1:12</span></li>
      </ul>
    </div>
    <div class="body">
      <p>Halina Kowalczyk miała 34 lata, uczyła muzyki w szkole podstawowej i prowadziła parafialny chór. Wieczorem 14 października 1964 roku wyszła z mieszkania przy ulicy Mickiewicza. Na próbę nigdy nie dotarła.</p>
      <p>&ndash; W aktach jest niewiele: dwa przesłuchania sąsiadów, notatka o przeszukaniu brzegu Wisły i jedno zdanie o &bdquo;braku podstaw do dalszego prowadzenia sprawy&rdquo; &ndash; mówi Agnieszka Wróbel, która przez rok rozmawiała z uczniami i znajomymi nauczycielki.</p>
      <p>Audycja &bdquo;Zagadkowe zniknięcia&rdquo; w każdy wtorek o 20:00 w Dwójce.</p>
    </div>
  </article>
  <aside>
    <div class="box"><h4>Najczęściej czytane</h4><a href="@PAGE@/artykul/3311002">Prognoza pogody na weekend</a><a href="@PAGE@/artykul/3310877">Nowy sezon w Filharmonii Narodowej</a><a href="@PAGE@/artykul/3309120">Rocznica wybuchu powstania</a></div>
    <div class="box"><h4>Zagadkowe zniknięcia</h4><a href="@PAGE@/artykul/3301544">Tajemnica latarnika z Helu</a><a href="@PAGE@/artykul/3290013">Kto widział Józefa Malinę?</a></div>
  </aside>
</div>
<div class="pr-player" aria-label="Odtwarzacz">
  <button class="pp" aria-label="Pauza">&#10074;&#10074;</button>
  <span class="np"></span>
  <div class="progress"><span></span></div>
  <span class="tm">0:00</span>
</div>
<footer>&copy; Polskie Radio S.A. &middot; Regulamin &middot; Polityka prywatności &middot; Ustawienia cookies</footer>
<script>
(function () {
  var player = document.querySelector('.pr-player');
  var pp = player.querySelector('.pp');
  var audio = document.createElement('audio');
  audio.id = 'pr-audio';
  player.appendChild(audio);
  var length = 0;
  function start(el) {
    var media = JSON.parse(el.getAttribute('data-media'));
    var src = media.file.indexOf('//') === 0 ? location.protocol + media.file : media.file;
    if (audio.getAttribute('src') !== src) { audio.src = src; }
    length = media.length;
    player.querySelector('.np').textContent = decodeURIComponent(media.desc);
    player.classList.add('on');
    audio.play().catch(function () {});
  }
  document.querySelectorAll('[data-media]').forEach(function (el) {
    el.addEventListener('click', function () { start(el); });
    el.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); start(el); } });
  });
  pp.addEventListener('click', function () { if (audio.paused) { audio.play().catch(function () {}); } else { audio.pause(); } });
  audio.addEventListener('play', function () { pp.innerHTML = '&#10074;&#10074;'; pp.setAttribute('aria-label', 'Pauza'); });
  audio.addEventListener('pause', function () { pp.innerHTML = '&#9654;'; pp.setAttribute('aria-label', 'Odtwórz'); });
  audio.addEventListener('timeupdate', function () {
    player.querySelector('.progress span').style.width = (100 * audio.currentTime / (length || 1)) + '%';
    var s = Math.floor(audio.currentTime);
    player.querySelector('.tm').textContent = Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
  });
})();
</script>
</body>
</html>
"##;

const COOKIEBOT_PL_JS: &str = r##"/* Cookiebot uc.js (pl) */
(function () {
  var Cookiebot = window.Cookiebot = window.Cookiebot || {};
  Cookiebot.consent = { necessary: true, preferences: false, statistics: false, marketing: false };
  Cookiebot.hasResponse = /(?:^|; )CookieConsent=/.test(document.cookie);
  Cookiebot.dialog = { visible: false };
  function submit(all, custom) {
    var prefs = all || (custom && custom.preferences), stats = all || (custom && custom.statistics), mkt = all || (custom && custom.marketing);
    Cookiebot.consent = { necessary: true, preferences: !!prefs, statistics: !!stats, marketing: !!mkt };
    Cookiebot.declined = !all && !custom;
    Cookiebot.hasResponse = true;
    document.cookie = 'CookieConsent=' + encodeURIComponent("{stamp:'-1',necessary:true,preferences:" + !!prefs + ",statistics:" + !!stats + ",marketing:" + !!mkt + ",method:'explicit',ver:1}") + '; path=/; max-age=31536000';
    ['CybotCookiebotDialog', 'CybotCookiebotDialogBodyUnderlay'].forEach(function (id) { var el = document.getElementById(id); if (el) { el.remove(); } });
    Cookiebot.dialog.visible = false;
    window.dispatchEvent(new Event(all ? 'CookiebotOnAccept' : 'CookiebotOnDecline'));
  }
  function show() {
    if (Cookiebot.hasResponse) { return; }
    var under = document.createElement('div');
    under.id = 'CybotCookiebotDialogBodyUnderlay';
    under.className = 'CybotCookiebotDialogActive';
    under.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:2147483630;';
    var d = document.createElement('div');
    d.id = 'CybotCookiebotDialog';
    d.setAttribute('name', 'CybotCookiebotDialog');
    d.setAttribute('role', 'dialog');
    d.setAttribute('aria-modal', 'true');
    d.setAttribute('aria-labelledby', 'CybotCookiebotDialogBodyContentTitle');
    d.setAttribute('tabindex', '-1');
    d.setAttribute('lang', 'pl');
    d.setAttribute('dir', 'ltr');
    d.setAttribute('data-template', 'popup');
    d.className = 'CybotEdge CybotCookiebotDialogActive';
    d.style.cssText = 'position:fixed;z-index:2147483631;left:50%;top:50%;transform:translate(-50%,-50%);width:900px;max-width:94vw;background:#fff;color:#141414;border-radius:8px;box-shadow:0 30px 70px rgba(0,0,0,.3);font:15px/1.5 Helvetica,Arial,sans-serif;display:flex;flex-direction:column;';
    d.innerHTML =
      '<div class="CybotCookiebotDialogContentWrapper">' +
        '<div id="CybotCookiebotDialogHeader" style="padding:16px 24px;border-bottom:1px solid #ddd;display:flex;justify-content:space-between;"><strong>Polskie Radio</strong><a id="CybotCookiebotDialogPoweredbyCybot" style="font-size:12px;color:#666;">Cookiebot by Usercentrics</a></div>' +
        '<nav id="CybotCookiebotDialogNav" style="display:flex;border-bottom:1px solid #ddd;"><a class="CybotCookiebotDialogNavItemLink CybotCookiebotDialogActive" style="flex:1;text-align:center;padding:12px;border-bottom:3px solid #1032cf;font-weight:700;">Zgoda</a><a class="CybotCookiebotDialogNavItemLink" style="flex:1;text-align:center;padding:12px;">Szczegóły</a><a class="CybotCookiebotDialogNavItemLink" style="flex:1;text-align:center;padding:12px;">O cookies</a></nav>' +
        '<div id="CybotCookiebotDialogTabContent" style="padding:22px 24px;max-height:40vh;overflow:auto;">' +
          '<div id="CybotCookiebotDialogBody"><h2 id="CybotCookiebotDialogBodyContentTitle" style="font-size:17px;margin:0 0 8px;">Ta strona korzysta z plików cookie</h2>' +
          '<div id="CybotCookiebotDialogBodyContentText">Wykorzystujemy pliki cookie do spersonalizowania treści i reklam, aby oferować funkcje społecznościowe i analizować ruch w naszej witrynie. Informacje o tym, jak korzystasz z naszej witryny, udostępniamy partnerom społecznościowym, reklamowym i analitycznym. Partnerzy mogą połączyć te informacje z innymi danymi otrzymanymi od Ciebie lub uzyskanymi podczas korzystania z ich usług.</div></div>' +
          '<div id="CybotCookiebotDialogBodyLevelWrapper" style="display:none;margin-top:14px;">' +
            ['Niezbędne', 'Preferencje', 'Statystyka', 'Marketing'].map(function (n, i) {
              return '<label style="display:inline-flex;gap:6px;margin-right:16px;"><input type="checkbox" class="cb-level" data-level="' + ['necessary', 'preferences', 'statistics', 'marketing'][i] + '"' + (i === 0 ? ' checked disabled' : '') + '>' + n + '</label>';
            }).join('') +
          '</div>' +
        '</div>' +
        '<div id="CybotCookiebotDialogFooter" style="padding:16px 24px;border-top:1px solid #ddd;"><div id="CybotCookiebotDialogBodyButtons"><div id="CybotCookiebotDialogBodyButtonsWrapper" style="display:flex;gap:12px;justify-content:flex-end;">' +
          '<button id="CybotCookiebotDialogBodyButtonDecline" class="CybotCookiebotDialogBodyButton" style="padding:12px 20px;border:2px solid #1032cf;background:#fff;color:#141414;border-radius:4px;font-weight:700;cursor:pointer;">Odmowa</button>' +
          '<button id="CybotCookiebotDialogBodyLevelButtonCustomize" class="CybotCookiebotDialogBodyButton" style="padding:12px 20px;border:2px solid #1032cf;background:#fff;color:#141414;border-radius:4px;font-weight:700;cursor:pointer;">Dostosuj</button>' +
          '<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection" class="CybotCookiebotDialogBodyButton" style="display:none;padding:12px 20px;border:2px solid #1032cf;background:#fff;color:#141414;border-radius:4px;font-weight:700;cursor:pointer;">Zezwól na wybór</button>' +
          '<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" class="CybotCookiebotDialogBodyButton" style="padding:12px 20px;border:2px solid #1032cf;background:#1032cf;color:#fff;border-radius:4px;font-weight:700;cursor:pointer;">Zezwól na wszystkie</button>' +
        '</div></div></div>' +
      '</div>';
    document.body.appendChild(under);
    document.body.appendChild(d);
    Cookiebot.dialog.visible = true;
    d.querySelector('#CybotCookiebotDialogBodyButtonDecline').addEventListener('click', function () { submit(false); });
    d.querySelector('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll').addEventListener('click', function () { submit(true); });
    d.querySelector('#CybotCookiebotDialogBodyLevelButtonCustomize').addEventListener('click', function (e) {
      d.querySelector('#CybotCookiebotDialogBodyLevelWrapper').style.display = 'block';
      e.currentTarget.style.display = 'none';
      d.querySelector('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection').style.display = '';
    });
    d.querySelector('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection').addEventListener('click', function () {
      var c = {};
      d.querySelectorAll('.cb-level').forEach(function (x) { c[x.dataset.level] = x.checked; });
      submit(false, c);
    });
  }
  Cookiebot.show = show;
  Cookiebot.renew = function () { Cookiebot.hasResponse = false; show(); };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', show); } else { show(); }
})();
"##;

// ---------------------------------------------------------------------------------
// Spotify (no recoverable audio). Imitates an open.spotify.com/episode/<id> page as
// captured in a real fixture: og:type music.song and og:audio pointing at a preview
// clip on podz-content.spotifycdn.com/audio/clips/<id>/clip_<start>_<end>.mp3 (about
// 50 seconds, not the episode), an icon-only button[data-testid="play-button"] with
// aria-label "Play <episode> by <show>", and the logged-out "Preview of Spotify"
// banner. The web player's layout and the sign-up dialog Play opens are an
// approximation. The episode itself is only streamed to logged-in apps, so a human
// would stop here.
// ---------------------------------------------------------------------------------

fn spotify(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(SPOTIFY_PAGE, request);
    }
    match (request.on_player_host, request.rest) {
        (false, "login") => Some(html(login_page("Spotify", "Log in to Spotify", request))),
        (false, "signup") => Some(html(login_page(
            "Spotify",
            "Sign up to start listening",
            request,
        ))),
        _ => None,
    }
}

const SPOTIFY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep. 203: Drivers' Hours, Explained | Podcast on Spotify</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Listen to this episode from The Long Haul on Spotify. Why the 11-hour rule exists, who keeps breaking it, and what electronic logging devices did and did not fix.">
<meta property="og:site_name" content="Spotify">
<meta property="og:title" content="Ep. 203: Drivers' Hours, Explained">
<meta property="og:description" content="The Long Haul · Episode">
<meta property="og:url" content="@PAGE@">
<meta property="og:type" content="music.song">
<meta property="og:audio" content="@PLAYER@/media/podz-content/audio/clips/0Xq3Vb8kP2mT9sLr4aYc1N/clip_546000_597200.mp3">
<meta property="og:audio:type" content="audio/mpeg">
<meta property="music:duration" content="2891">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="Ep. 203: Drivers' Hours, Explained">
<link rel="canonical" href="@PAGE@">
<style>
  body { margin: 0; background: #000; color: #fff; font-family: "Spotify Circular", "Helvetica Neue", Helvetica, Arial, sans-serif; }
  .root { display: grid; grid-template-columns: 320px minmax(0, 1fr); gap: 8px; padding: 8px; height: calc(100vh - 88px); box-sizing: border-box; }
  .panel { background: #121212; border-radius: 8px; overflow: auto; }
  .nav { padding: 16px; }
  .nav a { display: block; color: #b3b3b3; font-weight: 700; text-decoration: none; padding: 8px; }
  .library { padding: 16px; }
  .library h2 { font-size: 16px; color: #b3b3b3; }
  .library .card { background: #242424; border-radius: 8px; padding: 16px; margin-top: 12px; font-size: 14px; }
  .library .card button { margin-top: 12px; border: 0; border-radius: 16px; padding: 6px 14px; font-weight: 700; cursor: pointer; }
  .topbar { display: flex; justify-content: flex-end; gap: 10px; padding: 12px 20px; position: sticky; top: 0; background: #121212; }
  .topbar button { border: 0; border-radius: 20px; padding: 10px 24px; font-weight: 700; cursor: pointer; }
  .topbar .signup { background: none; color: #b3b3b3; }
  .topbar .login { background: #fff; color: #000; }
  .header { display: flex; gap: 24px; align-items: flex-end; padding: 24px; background: linear-gradient(#3a4f66, #121212); }
  .header .cover { width: 200px; height: 200px; border-radius: 8px; background: linear-gradient(150deg, #1f3b57 0%, #e07a2f 100%); flex: none; box-shadow: 0 8px 24px rgba(0,0,0,.5); }
  .header .kind { font-size: 14px; }
  .header h1 { font-size: 44px; margin: 6px 0 10px; line-height: 1.05; }
  .header .show { font-weight: 700; font-size: 18px; color: #fff; text-decoration: none; }
  .actions { display: flex; align-items: center; gap: 20px; padding: 20px 24px; }
  .actions .date { color: #b3b3b3; font-size: 14px; }
  button[data-testid="play-button"] { width: 56px; height: 56px; border-radius: 50%; border: 0; background: #1ed760; color: #000; cursor: pointer; display: grid; place-items: center; }
  .actions .ghost { background: none; border: 0; color: #b3b3b3; cursor: pointer; font-size: 26px; }
  .desc { padding: 0 24px 24px; max-width: 720px; color: #b3b3b3; line-height: 1.6; }
  .desc h2 { color: #fff; font-size: 24px; }
  .desc a { color: #fff; font-weight: 700; }
  .preview-banner { position: fixed; left: 8px; right: 8px; bottom: 8px; height: 64px; border-radius: 6px; background: linear-gradient(90deg, #af2896, #509bf5); display: flex; align-items: center; justify-content: space-between; padding: 0 18px; box-sizing: border-box; }
  .preview-banner p { margin: 0; font-size: 14px; }
  .preview-banner button { border: 0; border-radius: 20px; padding: 12px 30px; font-weight: 700; cursor: pointer; }
  .modal-wrap { position: fixed; inset: 0; background: rgba(0,0,0,.7); display: none; align-items: center; justify-content: center; z-index: 100; }
  .modal-wrap.open { display: flex; }
  .modal { background: linear-gradient(#4a5b6c, #1f1f1f); width: 760px; max-width: 94vw; border-radius: 8px; display: flex; gap: 30px; padding: 50px; box-sizing: border-box; }
  .modal .cover { width: 260px; height: 260px; border-radius: 6px; background: linear-gradient(150deg, #1f3b57 0%, #e07a2f 100%); flex: none; }
  .modal h2 { font-size: 30px; margin: 0 0 24px; }
  .modal .signup { background: #1ed760; color: #000; border: 0; border-radius: 24px; padding: 14px 32px; font-weight: 700; cursor: pointer; }
  .modal .download { display: block; margin: 16px 0; color: #fff; font-weight: 700; text-decoration: none; border: 1px solid #878787; border-radius: 24px; padding: 12px 30px; text-align: center; }
  .modal .already { color: #b3b3b3; font-size: 14px; }
  .modal .already a { color: #fff; font-weight: 700; }
  .modal-close { display: block; margin: 20px auto 0; background: none; border: 0; color: #b3b3b3; font-weight: 700; cursor: pointer; }
</style>
</head>
<body>
<div id="main">
  <div class="root">
    <div>
      <div class="panel nav" style="margin-bottom:8px"><a href="@PAGE@/home">Home</a><a href="@PAGE@/search">Search</a></div>
      <div class="panel library">
        <h2>Your Library</h2>
        <div class="card"><strong>Create your first playlist</strong><br>It's easy, we'll help you<br><button>Create playlist</button></div>
        <div class="card"><strong>Let's find some podcasts to follow</strong><br>We'll keep you updated on new episodes<br><button>Browse podcasts</button></div>
      </div>
    </div>
    <div class="panel">
      <div class="topbar"><button class="signup" data-testid="signup-button">Sign up</button><button class="login" data-testid="login-button">Log in</button></div>
      <section data-testid="episode-page">
        <div class="header">
          <div class="cover" role="img" aria-label="The Long Haul"></div>
          <div>
            <div class="kind">Podcast Episode</div>
            <h1 data-encore-id="text">Ep. 203: Drivers' Hours, Explained</h1>
            <a class="show" href="@PAGE@/show/3xK1w0Ld9bA7ZpQ2mYh5Rt">The Long Haul</a>
          </div>
        </div>
        <div class="actions">
          <button data-testid="play-button" aria-label="Play Ep. 203: Drivers' Hours, Explained by The Long Haul" data-encore-id="buttonPrimary"><svg width="24" height="24" viewBox="0 0 24 24" fill="currentColor"><path d="M7 4v16l13-8z"/></svg></button>
          <button class="ghost" aria-label="Save to Your Episodes">&#8853;</button>
          <button class="ghost" aria-label="More options for Ep. 203: Drivers' Hours, Explained">&hellip;</button>
          <span class="date">Mar 11 &middot; 48 min</span>
        </div>
        <div class="desc">
          <h2>Episode Description</h2>
          <p>Why does the 11-hour driving limit exist, and why do so many drivers say it makes the road less safe, not more? Host Carla Dominguez rides along with a team driver out of Laredo and talks to a former FMCSA analyst about what electronic logging devices did, and did not, fix.</p>
          <p><a href="@PAGE@/show/3xK1w0Ld9bA7ZpQ2mYh5Rt">See all episodes</a></p>
        </div>
      </section>
    </div>
  </div>
  <div class="preview-banner" data-testid="signup-bar">
    <div><p><strong>Preview of Spotify</strong></p><p>Sign up to get unlimited songs and podcasts with occasional ads. No credit card needed.</p></div>
    <button class="banner-signup">Sign up free</button>
  </div>
</div>
<div class="modal-wrap" role="dialog" aria-modal="true" aria-label="Start listening with a free Spotify account">
  <div>
    <div class="modal">
      <div class="cover"></div>
      <div>
        <h2>Start listening with a free Spotify account</h2>
        <button class="signup">Sign up free</button>
        <a class="download" href="@PAGE@/download">Download app</a>
        <div class="already">Already have an account? <a href="@PAGE@/login">Log in</a></div>
      </div>
    </div>
    <button class="modal-close">Close</button>
  </div>
</div>
<script>
(function () {
  var wrap = document.querySelector('.modal-wrap');
  function open() { wrap.classList.add('open'); }
  document.querySelector('[data-testid="play-button"]').addEventListener('click', open);
  document.querySelectorAll('.ghost').forEach(function (b) { b.addEventListener('click', open); });
  document.querySelector('.modal-close').addEventListener('click', function () { wrap.classList.remove('open'); });
  function signup() { location.href = '@PAGE@/signup'; }
  document.querySelectorAll('.signup, .banner-signup').forEach(function (b) { b.addEventListener('click', signup); });
  document.querySelector('.login').addEventListener('click', function () { location.href = '@PAGE@/login'; });
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Patreon (no recoverable audio). Imitates a members-only audio post on patreon.com
// (/posts/<slug>-<id>): a Next.js page whose post attributes say post_type
// "audio_file" and current_user_can_view false, with no post_file; the locked card
// offers "Join" for a tier and "Log in". The sidebar links a free public post of the
// previous episode, which has its own player and MP3 (not this episode). Layout and
// labels approximate Patreon's; the bootstrap blob is simplified. A human would need
// to log in as a paying member.
// ---------------------------------------------------------------------------------

fn patreon(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(PATREON_PAGE, request);
    }
    if request.on_player_host {
        return None;
    }
    match request.rest {
        "posts/ep-87-the-fog-signal-98765432" => page(PATREON_FREE_POST, request),
        "login" | "join" | "checkout/lighthousehour" => {
            Some(html(login_page("Patreon", "Log in to Patreon", request)))
        }
        _ => None,
    }
}

/// A plain login form, where "Log in" / "Sign up" links of the awaiting pages lead.
fn login_page(brand: &str, heading: &str, request: &CorpusRequest<'_>) -> String {
    let template = r##"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>@HEADING@ | @BRAND@</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f5f4f2; color: #1c1c1c; display: flex; min-height: 100vh; align-items: center; justify-content: center; }
  form { background: #fff; width: 380px; padding: 34px; border-radius: 12px; box-shadow: 0 4px 20px rgba(0,0,0,.08); }
  h1 { font-size: 24px; margin: 0 0 20px; }
  label { display: block; font-size: 14px; margin: 12px 0 4px; }
  input { width: 100%; box-sizing: border-box; padding: 11px; border: 1px solid #ccc; border-radius: 6px; font-size: 15px; }
  button { margin-top: 20px; width: 100%; padding: 12px; border: 0; border-radius: 24px; background: #1c1c1c; color: #fff; font-size: 15px; font-weight: 700; cursor: pointer; }
  .err { color: #b00020; font-size: 14px; margin-top: 12px; min-height: 1em; }
  .brand { font-weight: 800; font-size: 20px; margin-bottom: 18px; }
</style></head>
<body>
<form onsubmit="event.preventDefault(); document.querySelector('.err').textContent = 'Incorrect email or password.';">
  <div class="brand">@BRAND@</div>
  <h1>@HEADING@</h1>
  <label for="email">Email</label><input id="email" type="email" autocomplete="username">
  <label for="password">Password</label><input id="password" type="password" autocomplete="current-password">
  <button type="submit">Continue</button>
  <div class="err" role="alert"></div>
  <p style="font-size:14px"><a href="@BACK@">Back</a></p>
</form>
</body></html>
"##;
    let filled = template
        .replace("@BRAND@", brand)
        .replace("@HEADING@", heading)
        .replace("@BACK@", "@PAGE@");
    fill(&filled, request)
}

const PATREON_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep. 88 (Patrons only): The Keeper's Logbook | The Lighthouse Hour</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Get more from The Lighthouse Hour on Patreon">
<meta property="og:title" content="Ep. 88 (Patrons only): The Keeper's Logbook | The Lighthouse Hour">
<meta property="og:description" content="Get more from The Lighthouse Hour on Patreon">
<meta property="og:type" content="article">
<meta property="og:url" content="@PAGE@">
<meta property="og:site_name" content="Patreon">
<link rel="canonical" href="@PAGE@">
<style>
  body { margin: 0; font-family: "aktiv-grotesk", "Helvetica Neue", Arial, sans-serif; background: #f5f4f2; color: #1c1c1c; }
  .nav { display: flex; align-items: center; justify-content: space-between; height: 64px; padding: 0 24px; background: #fff; border-bottom: 1px solid #e5e3dd; }
  .nav .logo { font-weight: 800; font-size: 20px; color: #1c1c1c; text-decoration: none; }
  .nav .right a { margin-left: 16px; color: #1c1c1c; text-decoration: none; font-weight: 600; font-size: 15px; }
  .nav .right a.create { background: #1c1c1c; color: #fff; border-radius: 20px; padding: 8px 16px; }
  .creator { display: flex; align-items: center; gap: 14px; max-width: 1040px; margin: 24px auto 0; padding: 0 24px; }
  .creator .avatar { width: 48px; height: 48px; border-radius: 50%; background: #2e5e8c; }
  .creator a { font-weight: 700; color: #1c1c1c; text-decoration: none; font-size: 18px; }
  .layout { max-width: 1040px; margin: 20px auto 60px; padding: 0 24px; display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 24px; }
  .post { background: #fff; border-radius: 12px; overflow: hidden; border: 1px solid #e5e3dd; }
  .locked { height: 280px; background: linear-gradient(180deg, #30475e, #1c2733); color: #fff; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 12px; text-align: center; padding: 20px; }
  .locked .lock { width: 48px; height: 48px; border-radius: 50%; background: rgba(255,255,255,.15); display: grid; place-items: center; }
  .locked h2 { margin: 0; font-size: 22px; }
  .locked .join { background: #fff; color: #1c1c1c; border: 0; border-radius: 22px; padding: 12px 28px; font-weight: 700; font-size: 15px; cursor: pointer; text-decoration: none; }
  .locked .login { color: #fff; font-size: 14px; }
  .post-body { padding: 22px 26px; }
  .post-body .meta { font-size: 13px; color: #706c64; }
  .post-body h1 { font-size: 26px; margin: 8px 0 12px; }
  .post-body .teaser { color: #4a4741; line-height: 1.6; }
  .tags span { display: inline-block; background: #f0eee9; border-radius: 12px; padding: 4px 10px; font-size: 13px; margin: 12px 6px 0 0; }
  .post-actions { display: flex; gap: 18px; border-top: 1px solid #e5e3dd; padding: 14px 26px; font-size: 14px; color: #706c64; }
  aside .box { background: #fff; border: 1px solid #e5e3dd; border-radius: 12px; padding: 18px; margin-bottom: 18px; }
  aside h3 { margin: 0 0 12px; font-size: 16px; }
  aside .tier { border: 1px solid #e5e3dd; border-radius: 10px; padding: 14px; margin-top: 10px; }
  aside .tier button { width: 100%; margin-top: 10px; padding: 10px; border: 0; border-radius: 20px; background: #1c1c1c; color: #fff; font-weight: 700; cursor: pointer; }
  aside .recent a { display: block; color: #1c1c1c; text-decoration: none; padding: 8px 0; border-top: 1px solid #f0eee9; font-size: 14px; }
  aside .recent a:first-of-type { border-top: 0; }
  aside .recent small { display: block; color: #706c64; }
</style>
</head>
<body>
<div id="__next">
  <header class="nav"><a class="logo" href="@PAGE@">Patreon</a><div class="right"><a href="@PAGE@/login">Log in</a><a class="create" href="@PAGE@/join">Create on Patreon</a></div></header>
  <div class="creator"><div class="avatar"></div><a href="@PAGE@/lighthousehour">The Lighthouse Hour</a></div>
  <div class="layout">
    <article class="post" data-tag="post-card">
      <div class="locked" data-tag="locked-post">
        <div class="lock" aria-hidden="true"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg></div>
        <h2>Unlock this post by becoming a member</h2>
        <a class="join" href="@PAGE@/checkout/lighthousehour" data-tag="join-button">Join for $5/month</a>
        <div class="login">Already a member? <a href="@PAGE@/login" style="color:#fff">Log in</a></div>
      </div>
      <div class="post-body">
        <div class="meta">Audio &middot; Mar 12, 2024 at 7:00 AM &middot; Locked</div>
        <h1 data-tag="post-title">Ep. 88 (Patrons only): The Keeper's Logbook</h1>
        <p class="teaser">This month's members' episode: we read from the logbook of the last civilian keeper of Skerry Point, 1956 to 1971, and talk to his granddaughter about the winter the relief boat did not come.</p>
        <div class="tags"><span>members episode</span><span>season 4</span></div>
      </div>
      <div class="post-actions"><span>&#9825; 41</span><span>12 comments</span><span>Share</span></div>
    </article>
    <aside>
      <div class="box">
        <h3>Become a member</h3>
        <div class="tier"><strong>Keeper</strong> &middot; $5/month<br><small>Ad-free episodes, monthly members' episode, early access.</small><button class="join-tier">Join</button></div>
        <div class="tier"><strong>Head Keeper</strong> &middot; $12/month<br><small>Everything above plus the quarterly live Q&amp;A.</small><button class="join-tier">Join</button></div>
      </div>
      <div class="box recent">
        <h3>Recent posts</h3>
        <a href="@PAGE@/posts/ep-87-the-fog-signal-98765432">Ep. 87: The Fog Signal<small>Public &middot; Mar 5, 2024</small></a>
        <a href="@PAGE@/checkout/lighthousehour">Members' Q&amp;A: your questions about Fresnel lenses<small>Locked &middot; Feb 28, 2024</small></a>
        <a href="@PAGE@/checkout/lighthousehour">Ep. 86 (Patrons only): Wreck Season<small>Locked &middot; Feb 13, 2024</small></a>
      </div>
    </aside>
  </div>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"bootstrapEnvelope":{"pageBootstrap":{"post":{"data":{"id":"99812345","type":"post","attributes":{"title":"Ep. 88 (Patrons only): The Keeper's Logbook","post_type":"audio_file","current_user_can_view":false,"is_paid":false,"min_cents_pledged_to_view":500,"published_at":"2024-03-12T07:00:00.000+00:00","teaser_text":"This month's members' episode: we read from the logbook of the last civilian keeper of Skerry Point.","url":"@PAGE@","like_count":41,"comment_count":12,"meta_image_url":null,"image":null,"thumbnail":null,"embed":null,"content":null},"relationships":{"campaign":{"data":{"id":"4410921","type":"campaign"}},"audio":{"data":null}}},"included":[{"id":"4410921","type":"campaign","attributes":{"name":"The Lighthouse Hour","url":"@PAGE@/lighthousehour","pay_per_name":"month"}}]}}}},"__N_SSP":true},"page":"/posts/[slug]","query":{"slug":"ep-88-patrons-only-the-keepers-logbook-99812345"},"buildId":"1c0b6e3f2d","isFallback":false,"gssp":true}</script>
<script>
document.querySelectorAll('.join-tier').forEach(function (b) {
  b.addEventListener('click', function () { location.href = '@PAGE@/checkout/lighthousehour'; });
});
</script>
</body>
</html>
"##;

const PATREON_FREE_POST: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep. 87: The Fog Signal | The Lighthouse Hour</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta property="og:title" content="Ep. 87: The Fog Signal | The Lighthouse Hour">
<meta property="og:site_name" content="Patreon">
<style>
  body { margin: 0; font-family: "Helvetica Neue", Arial, sans-serif; background: #f5f4f2; color: #1c1c1c; }
  .nav { height: 64px; display: flex; align-items: center; padding: 0 24px; background: #fff; border-bottom: 1px solid #e5e3dd; font-weight: 800; font-size: 20px; }
  .post { max-width: 700px; margin: 30px auto; background: #fff; border: 1px solid #e5e3dd; border-radius: 12px; padding: 26px; }
  .post audio { width: 100%; margin: 16px 0; }
  .meta { font-size: 13px; color: #706c64; }
</style>
</head>
<body>
<header class="nav">Patreon</header>
<article class="post">
  <div class="meta">Audio &middot; Mar 5, 2024 &middot; Public</div>
  <h1>Ep. 87: The Fog Signal</h1>
  <audio controls preload="none" src="@PLAYER@/media/patreon/c10/p/98765432/ep87-the-fog-signal.mp3"></audio>
  <p>Free for everyone: the history of the Skerry Point diaphone, and the night it sounded for 52 hours straight.</p>
  <p><a href="@PAGE@">Back to The Lighthouse Hour</a></p>
</article>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// SYNTHETIC after NPO Luister (no recoverable MP3). No real markup of the npo.nl
// luister pages was found, so this is an approximation of a Dutch public
// broadcaster's podcast page: a full-page cookie wall ("Akkoord" / "Instellingen
// aanpassen") before any content, then an app that renders the episode late; "Afspelen"
// fetches a stream descriptor and plays an HLS .m3u8 (the only audio offered), and a
// "Downloaden" control that is aria-disabled and says the episode cannot be
// downloaded. App-store links are the only other way to listen. A human would stop.
// ---------------------------------------------------------------------------------

fn npo(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(NPO_PAGE, request);
    }
    if request.on_player_host {
        return None;
    }
    match request.rest {
        "api/episodes/POW_05871234" => Some(json(fill(NPO_EPISODE_JSON, request))),
        "api/streams/POW_05871234" => Some(json(fill(
            r##"{"stream":{"src":"@PLAYER@/media/npo/hls/POW_05871234/index.m3u8","type":"application/x-mpegURL","drm":false,"profile":"hls"}}"##,
            request,
        ))),
        _ => None,
    }
}

const NPO_EPISODE_JSON: &str = r##"{"productId":"POW_05871234","title":"De laatste schacht","series":{"title":"Het Mijnenveld","broadcaster":"NTR"},"episodeNumber":4,"duration":2478,"broadcastDate":"2024-03-13T05:00:00Z","description":"In 1974 sluit de laatste Limburgse mijn. Oud-mijnwerker Jan Bosch neemt ons mee naar de plek waar de Oranje-Nassau I stond, en vertelt wat er met zijn dorp gebeurde toen het werk verdween.","download":{"allowed":false,"reason":"Deze aflevering is vanwege rechten niet beschikbaar om te downloaden."},"images":[]}"##;

const NPO_PAGE: &str = r##"<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>De laatste schacht - Het Mijnenveld - NPO Luister</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Luister naar aflevering 4 van Het Mijnenveld op NPO Luister.">
<meta property="og:title" content="De laatste schacht - Het Mijnenveld">
<meta property="og:site_name" content="NPO Luister">
<meta property="og:type" content="website">
<meta property="og:url" content="@PAGE@">
<link rel="canonical" href="@PAGE@">
<style>
  body { margin: 0; font-family: "NPO Sans", "Open Sans", Arial, sans-serif; background: #fff; color: #1a1a1a; }
  .wall { position: fixed; inset: 0; background: #ff6d00; color: #fff; display: flex; align-items: center; justify-content: center; z-index: 1000; }
  .wall[hidden] { display: none; }
  .wall .box { max-width: 620px; padding: 40px; }
  .wall h1 { font-size: 34px; margin: 0 0 16px; }
  .wall p { font-size: 17px; line-height: 1.6; }
  .wall .buttons { display: flex; gap: 14px; margin-top: 26px; flex-wrap: wrap; }
  .wall button { border-radius: 26px; padding: 14px 30px; font: inherit; font-weight: 700; font-size: 16px; cursor: pointer; }
  .wall .accept { background: #fff; color: #ff6d00; border: 0; }
  .wall .settings { background: none; color: #fff; border: 2px solid #fff; }
  .wall .prefs { display: none; background: rgba(0,0,0,.15); border-radius: 10px; padding: 14px 18px; margin-top: 18px; }
  .wall .prefs label { display: flex; justify-content: space-between; padding: 6px 0; }
  .top { display: flex; align-items: center; gap: 24px; height: 64px; padding: 0 5vw; border-bottom: 1px solid #eee; }
  .top .logo { font-weight: 800; font-size: 20px; color: #1a1a1a; text-decoration: none; }
  .top .logo b { color: #ff6d00; }
  .top nav a { margin-right: 18px; color: #1a1a1a; text-decoration: none; }
  #app { max-width: 900px; margin: 0 auto; padding: 30px 5vw 80px; }
  .series { color: #ff6d00; font-weight: 700; text-decoration: none; }
  h1.title { font-size: 36px; margin: 8px 0; }
  .meta { color: #666; font-size: 14px; }
  .controls { display: flex; gap: 12px; margin: 24px 0; align-items: center; position: relative; }
  .controls button { border-radius: 24px; padding: 12px 24px; font: inherit; font-weight: 700; cursor: pointer; display: inline-flex; gap: 8px; align-items: center; }
  .play { background: #ff6d00; color: #fff; border: 0; }
  .download { background: #fff; color: #999; border: 2px solid #ddd; }
  .tooltip { position: absolute; top: 56px; left: 140px; background: #1a1a1a; color: #fff; padding: 10px 14px; border-radius: 6px; font-size: 14px; max-width: 320px; display: none; }
  .apps { margin-top: 30px; border-top: 1px solid #eee; padding-top: 18px; font-size: 15px; }
  .apps a { color: #ff6d00; margin-right: 14px; }
  .desc { font-size: 17px; line-height: 1.6; }
  .state { font-size: 13px; color: #666; }
  footer { border-top: 1px solid #eee; padding: 30px 5vw; font-size: 13px; color: #666; }
</style>
</head>
<body>
<header class="top"><a class="logo" href="@PAGE@">NPO <b>Luister</b></a><nav><a href="@PAGE@/podcasts">Podcasts</a><a href="@PAGE@/radio">Radio</a><a href="@PAGE@/zoeken">Zoeken</a></nav></header>
<main id="app" data-product-id="POW_05871234"></main>
<footer>NPO &middot; Privacy &middot; Cookies &middot; Toegankelijkheid &middot; Contact</footer>
<div class="wall" role="dialog" aria-modal="true" aria-labelledby="wall-title" hidden>
  <div class="box">
    <h1 id="wall-title">Mogen wij cookies plaatsen?</h1>
    <p>De NPO gebruikt cookies en vergelijkbare technieken om onze websites en apps te laten werken, om het gebruik te meten en om je aanbevelingen en advertenties te tonen die bij je passen. Ook onze partners plaatsen cookies. Kies &ldquo;Akkoord&rdquo; om verder te gaan, of pas je instellingen aan.</p>
    <div class="prefs">
      <label>Noodzakelijke cookies <input type="checkbox" checked disabled></label>
      <label>Statistieken <input type="checkbox"></label>
      <label>Aanbevelingen en advertenties <input type="checkbox"></label>
    </div>
    <div class="buttons"><button class="accept">Akkoord</button><button class="settings">Instellingen aanpassen</button></div>
  </div>
</div>
<script>
(function () {
  var wall = document.querySelector('.wall');
  var app = document.getElementById('app');
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function render() {
    fetch('@PAGE@/api/episodes/' + app.dataset.productId).then(function (r) { return r.json(); }).then(function (ep) {
      var m = Math.round(ep.duration / 60);
      app.innerHTML =
        '<a class="series" href="@PAGE@/podcasts/het-mijnenveld">' + esc(ep.series.title) + '</a>' +
        '<h1 class="title">' + esc(ep.title) + '</h1>' +
        '<div class="meta">Aflevering ' + ep.episodeNumber + ' &middot; ' + m + ' min &middot; 13 maart 2024 &middot; ' + esc(ep.series.broadcaster) + '</div>' +
        '<div class="controls">' +
          '<button class="play" type="button"><svg width="14" height="14" viewBox="0 0 24 24" fill="currentColor"><path d="M6 4v16l14-8z"/></svg><span>Afspelen</span></button>' +
          '<button class="download" type="button" aria-disabled="true" title="Downloaden niet beschikbaar"><svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M12 3v12m0 0l-5-5m5 5l5-5M4 20h16"/></svg><span>Downloaden</span></button>' +
          '<div class="tooltip" role="tooltip"></div>' +
        '</div>' +
        '<div class="state" aria-live="polite"></div>' +
        '<p class="desc">' + esc(ep.description) + '</p>' +
        '<div class="apps">Luister ook in de NPO Luister-app: <a href="@PAGE@/app/ios">App Store</a><a href="@PAGE@/app/android">Google Play</a></div>';
      var audio = null;
      var play = app.querySelector('.play');
      play.addEventListener('click', function () {
        if (audio && !audio.paused) { audio.pause(); play.querySelector('span').textContent = 'Afspelen'; return; }
        fetch('@PAGE@/api/streams/' + ep.productId).then(function (r) { return r.json(); }).then(function (d) {
          if (!audio) {
            audio = document.createElement('audio');
            audio.setAttribute('data-stream-type', d.stream.type);
            audio.addEventListener('error', function () { app.querySelector('.state').textContent = 'Er ging iets mis bij het afspelen. Probeer het later opnieuw.'; });
            app.appendChild(audio);
            audio.src = d.stream.src;
          }
          play.querySelector('span').textContent = 'Pauzeren';
          return audio.play();
        }).catch(function () {});
      });
      app.querySelector('.download').addEventListener('click', function () {
        var tip = app.querySelector('.tooltip');
        tip.textContent = ep.download.reason;
        tip.style.display = 'block';
        setTimeout(function () { tip.style.display = 'none'; }, 3000);
      });
    });
  }
  var consent = null;
  try { consent = localStorage.getItem('npo_cc'); } catch (e) {}
  if (consent) { render(); } else {
    wall.hidden = false;
    wall.querySelector('.accept').addEventListener('click', function () {
      try { localStorage.setItem('npo_cc', '30'); } catch (e) {}
      wall.hidden = true; render();
    });
    wall.querySelector('.settings').addEventListener('click', function (e) {
      var prefs = wall.querySelector('.prefs');
      if (prefs.style.display !== 'block') { prefs.style.display = 'block'; e.currentTarget.textContent = 'Opslaan'; return; }
      try { localStorage.setItem('npo_cc', '10'); } catch (err) {}
      wall.hidden = true; render();
    });
  }
})();
</script>
</body>
</html>
"##;

// ---------------------------------------------------------------------------------
// Yle Areena (no recoverable audio). Imitates an areena.yle.fi/podcastit/1-<id>
// episode page: the title in the Finnish "K1, J4: <episode> | <series>" form, JSON-LD,
// and a player that asks player.api.yle.fi/v1/preview/<id>.json, which answers with
// data.gone for an expired episode (and data.ongoing_ondemand.media_url, an MP3, for
// live ones). This episode is gone; the "Lisää jaksoja" list of the same series still
// plays other episodes' MP3s. The page layout and the consent dialog ("Hyväksy
// kaikki" / "Vain välttämättömät") are synthetic. A human would stop.
// ---------------------------------------------------------------------------------

fn yle(request: &CorpusRequest<'_>) -> Option<Response> {
    if is_page(request) {
        return page(YLE_PAGE, request);
    }
    if !request.on_player_host {
        return None;
    }
    let id = request
        .rest
        .strip_prefix("v1/preview/")?
        .strip_suffix(".json")?;
    let body = match id {
        "1-68213344" => r##"{"meta":{"id":"1-68213344"},"data":{"gone":{"title":"Jakso ei ole enää kuunneltavissa","description":"Tämän jakson kuunteluaika päättyi 29.2.2024."}}}"##.to_string(),
        "1-68213345" | "1-68213346" | "1-68213347" => format!(
            "{{\"meta\":{{\"id\":\"{id}\"}},\"data\":{{\"ongoing_ondemand\":{{\"media_url\":\"@PLAYER@/media/yle/areena/podcast/{id}.mp3\",\"duration\":{{\"duration_in_seconds\":1740}},\"start_time\":\"2024-01-11T05:00:00+02:00\"}}}}}}"
        ),
        _ => return not_found(),
    };
    Some(cors_json(fill(&body, request)))
}

const YLE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>K1, J4: Hiekkalahden kylä | Kadonneiden kylien jäljillä | Yle Areena</title>
<link rel="icon" type="image/gif" href="@PAGE@/favicon.gif">
<meta name="description" content="Hiekkalahden kylä jäi tekojärven alle vuonna 1967. Entiset asukkaat muistelevat.">
<meta property="og:title" content="K1, J4: Hiekkalahden kylä | Kadonneiden kylien jäljillä">
<meta property="og:type" content="music.song">
<meta property="og:site_name" content="Yle Areena">
<meta property="og:url" content="@PAGE@">
<link rel="canonical" href="@PAGE@">
<script type="application/ld+json">{"@type":"RadioEpisode","name":"K1, J4: Hiekkalahden kylä","episodeNumber":4,"partOfSeason":{"@type":"RadioSeason","seasonNumber":1},"partOfSeries":{"@type":"RadioSeries","name":"Kadonneiden kylien jäljillä"},"publisher":{"@type":"Organization","name":"Yle"}}</script>
<style>
  body { margin: 0; font-family: "Yle", "Open Sans", Arial, sans-serif; background: #131415; color: #f5f5f5; }
  .top { display: flex; align-items: center; gap: 26px; height: 60px; padding: 0 5vw; background: #000; }
  .top .logo { font-weight: 800; font-size: 20px; color: #fff; text-decoration: none; }
  .top .logo b { color: #00b4c4; }
  .top nav a { color: #ccc; text-decoration: none; margin-right: 16px; font-size: 15px; }
  #areena { max-width: 960px; margin: 0 auto; padding: 30px 5vw 80px; }
  .series { color: #00b4c4; text-decoration: none; font-weight: 700; }
  h1 { font-size: 32px; margin: 8px 0; }
  .meta { color: #aaa; font-size: 14px; }
  .player { margin: 24px 0; background: #1f2123; border-radius: 8px; padding: 20px; min-height: 60px; }
  .player .gone h2 { margin: 0 0 6px; font-size: 19px; }
  .player .gone p { margin: 0; color: #bbb; }
  .desc { font-size: 17px; line-height: 1.6; color: #ddd; }
  .more h2 { font-size: 20px; margin-top: 40px; }
  .more ul { list-style: none; padding: 0; }
  .more li { display: flex; align-items: center; gap: 14px; border-top: 1px solid #2c2f31; padding: 12px 0; }
  .more li span { flex: 1; }
  .more button { width: 40px; height: 40px; border-radius: 50%; border: 0; background: #00b4c4; color: #000; cursor: pointer; display: grid; place-items: center; }
  .bar { position: fixed; left: 0; right: 0; bottom: 0; background: #000; padding: 12px 5vw; font-size: 14px; display: none; }
  .bar.on { display: block; }
  .consent { position: fixed; inset: 0; background: rgba(0,0,0,.65); display: flex; align-items: center; justify-content: center; z-index: 50; }
  .consent[hidden] { display: none; }
  .consent .box { background: #fff; color: #131415; width: 540px; max-width: 92vw; border-radius: 10px; padding: 28px; }
  .consent h2 { margin: 0 0 10px; }
  .consent p { line-height: 1.5; font-size: 15px; }
  .consent .buttons { display: flex; gap: 10px; margin-top: 16px; flex-wrap: wrap; }
  .consent button { border-radius: 22px; padding: 11px 20px; font: inherit; font-weight: 700; cursor: pointer; border: 2px solid #131415; }
  .consent .all { background: #131415; color: #fff; }
  .consent .min { background: #fff; color: #131415; }
  footer { padding: 30px 5vw 80px; color: #888; font-size: 13px; border-top: 1px solid #2c2f31; }
</style>
</head>
<body>
<header class="top"><a class="logo" href="@PAGE@">Yle <b>Areena</b></a><nav><a href="@PAGE@/tv">TV</a><a href="@PAGE@/podcastit">Podcastit</a><a href="@PAGE@/opas">Opas</a><a href="@PAGE@/haku">Haku</a></nav></header>
<main id="areena">
  <a class="series" href="@PAGE@/podcastit/1-68213300">Kadonneiden kylien jäljillä</a>
  <h1>K1, J4: Hiekkalahden kylä</h1>
  <div class="meta">Podcast &middot; 29 min &middot; Julkaistu 11.1.2024</div>
  <div class="player" data-program-id="1-68213344" aria-live="polite">Ladataan&hellip;</div>
  <p class="desc">Hiekkalahden kylä jäi tekojärven alle vuonna 1967. Kymmenen taloa, koulu ja rukoushuone purettiin tai siirrettiin. Toimittaja Aino Lehtonen tapaa entisiä asukkaita, jotka muistavat vielä, missä kohtaa vettä heidän kotinsa oli.</p>
  <section class="more">
    <h2>Lisää jaksoja</h2>
    <ul>
      <li><span>K1, J5: Kolmen joen kylä &middot; 31 min</span><button data-program-id="1-68213345" aria-label="Toista: K1, J5: Kolmen joen kylä"><svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M7 4v16l13-8z"/></svg></button></li>
      <li><span>K1, J6: Viimeinen kyläkauppa &middot; 28 min</span><button data-program-id="1-68213346" aria-label="Toista: K1, J6: Viimeinen kyläkauppa"><svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M7 4v16l13-8z"/></svg></button></li>
      <li><span>K1, J7: Saaren koulu &middot; 30 min</span><button data-program-id="1-68213347" aria-label="Toista: K1, J7: Saaren koulu"><svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M7 4v16l13-8z"/></svg></button></li>
    </ul>
  </section>
</main>
<div class="bar" aria-live="polite"></div>
<footer>Yleisradio Oy &middot; Tietosuoja &middot; Evästeasetukset &middot; Saavutettavuus</footer>
<div class="consent" role="dialog" aria-modal="true" aria-labelledby="yle-consent-title" hidden>
  <div class="box">
    <h2 id="yle-consent-title">Yle käyttää evästeitä</h2>
    <p>Käytämme evästeitä ja muita tekniikoita, jotta palvelumme toimivat ja voimme kehittää niitä. Valitse &ldquo;Hyväksy kaikki&rdquo;, jos hyväksyt myös sisältöjen suosittelun ja mittaamisen. Voit muuttaa valintojasi milloin tahansa.</p>
    <div class="buttons"><button class="all">Hyväksy kaikki</button><button class="min">Vain välttämättömät</button></div>
  </div>
</div>
<script>
(function () {
  var consent = document.querySelector('.consent');
  var done = null;
  try { done = localStorage.getItem('yle_consent'); } catch (e) {}
  if (!done) {
    consent.hidden = false;
    consent.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () {
        try { localStorage.setItem('yle_consent', b.className); } catch (e) {}
        consent.hidden = true;
      });
    });
  }
  function preview(id) {
    return fetch('@PBASE@/v1/preview/' + id + '.json?language=fin&ssl=true&countryCode=FI&host=areenaylefi&app_id=player_static_prod&app_key=5b1e0c9d7a3f42e8b6c4d2a0f9e8b7c1').then(function (r) { return r.json(); });
  }
  var player = document.querySelector('.player');
  preview(player.dataset.programId).then(function (d) {
    if (d.data.gone) {
      player.innerHTML = '<div class="gone"><h2></h2><p></p></div>';
      player.querySelector('h2').textContent = d.data.gone.title;
      player.querySelector('p').textContent = d.data.gone.description;
    }
  });
  var audio = new Audio();
  var bar = document.querySelector('.bar');
  document.querySelectorAll('.more button').forEach(function (b) {
    b.addEventListener('click', function () {
      preview(b.dataset.programId).then(function (d) {
        audio.src = d.data.ongoing_ondemand.media_url;
        bar.textContent = 'Toistetaan: ' + b.getAttribute('aria-label').replace('Toista: ', '');
        bar.classList.add('on');
        return audio.play();
      }).catch(function () {});
    });
  });
})();
</script>
</body>
</html>
"##;
