//! Corpus pages used to tune the agent. Each page names, in a comment, the real
//! publisher and markup it imitates.

use super::kit::html;
use super::{CorpusExpect, CorpusPage, CorpusRequest};
use axum::response::Response;

pub const PAGES: &[CorpusPage] = &[CorpusPage {
    slug: "powerpress-post",
    imitates: "a WordPress post with the Blubrry PowerPress player and its download link",
    expected: CorpusExpect::SiteAudio("/media/powerpress/ep-212.mp3"),
    held_out: false,
}];

pub fn respond(request: &CorpusRequest<'_>) -> Option<Response> {
    let site = &request.origins.site;
    match (request.slug, request.rest, request.on_player_host) {
        // WordPress + Blubrry PowerPress: the [audio] shortcode player and the
        // "Podcast: Play in new window | Download" line under it.
        ("powerpress-post", "", false) => Some(html(format!(
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
