//! The evaluation corpus: episode pages modeled on how real podcast hosts and
//! broadcasters publish episodes, for `ragtime eval`.
//!
//! Each page imitates a real publisher's markup (named in [`CorpusPage::imitates`] and
//! in a comment over the page): hosted players in iframes on another site, web
//! components with shadow roots, broadcaster pages with menus and localized labels,
//! consent managers, single-page apps that load the player late, tracking-prefix
//! redirects, and pages with no audio or behind a login. Pages are served on the site
//! (`http://127.0.0.1:PORT/corpus/{slug}`); embedded players come from a second site,
//! the "player host" (`http://localhost:PORT2/corpus/{slug}/...`), so frames are
//! cross-site as they are in the world. Audio is served under `/media/` of either
//! host, and `/hop/{name}/{rest}` redirects to `/{rest}` the way tracking prefixes do.
//!
//! The pages of [`tuned`] were written first and may be used to tune the agent; the
//! pages of [`held_out`], then [`fresh`], then [`held_out_3`] were written apart from
//! the agent and are reported separately: each estimated, on its one unseen run, how
//! the agent does on pages nobody tuned it for (see [`CorpusSet`]).

use axum::http::HeaderMap;
use axum::response::Response;

pub mod fresh;
pub mod held_out;
pub mod held_out_3;
pub mod kit;
pub mod tuned;

/// Where a corpus page's audio must come from when the agent recovers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusExpect {
    /// The downloaded MP3 comes from this path on the site (the requested URL or any
    /// hop of its redirects), e.g. `/media/podigee-31.mp3`.
    SiteAudio(&'static str),
    /// The same, on the player host.
    PlayerAudio(&'static str),
    /// There is no audio to recover (none, only a preview, or behind a login): the
    /// right outcome is `awaiting_human`.
    AwaitingHuman,
}

/// One page of the corpus.
#[derive(Debug, Clone, Copy)]
pub struct CorpusPage {
    /// The page is `/corpus/{slug}` on the site.
    pub slug: &'static str,
    /// The real publisher and markup it imitates.
    pub imitates: &'static str,
    /// Where the audio must come from, or that there is none to recover.
    pub expected: CorpusExpect,
    /// Which set it belongs to, and so whether the agent may be tuned on it.
    pub set: CorpusSet,
}

/// The sets of the corpus, reported apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusSet {
    /// Written first; the agent may be tuned on them.
    Tuned,
    /// Written apart from the agent, run once against it frozen; the agent was
    /// changed after that run, so they no longer measure it unseen.
    HeldOut,
    /// Written apart from the agent after the first held-out run, run once against
    /// the agent as it stood; the agent was changed after that run, so they no longer
    /// measure it unseen.
    SecondHeldOut,
    /// Written apart from the agent after the second held-out run, run once against the
    /// agent frozen at commit 172a737: the current estimate for pages nobody tuned it for.
    ThirdHeldOut,
}

impl CorpusSet {
    /// The set's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            CorpusSet::Tuned => "tuned",
            CorpusSet::HeldOut => "held-out",
            CorpusSet::SecondHeldOut => "held-out-2",
            CorpusSet::ThirdHeldOut => "held-out-3",
        }
    }

    /// Whether the pages were kept out of tuning when first run.
    pub fn held_out(self) -> bool {
        self != CorpusSet::Tuned
    }
}

/// The two origins of the fixture site, as pages must write them.
#[derive(Debug, Clone)]
pub struct Origins {
    /// `http://127.0.0.1:PORT`, where episode pages live.
    pub site: String,
    /// `http://localhost:PORT2`, another site, where embedded players live.
    pub player: String,
}

/// A request for a corpus page or one of its resources.
pub struct CorpusRequest<'a> {
    /// The page's slug, from `/corpus/{slug}`.
    pub slug: &'a str,
    /// The path below `/corpus/{slug}` without the leading slash; empty for the page.
    pub rest: &'a str,
    /// The query string, without the `?`, as sent.
    pub query: Option<&'a str>,
    /// The request's headers (cookies, `Referer`, ...), for pages that answer by them.
    pub headers: &'a HeaderMap,
    /// The two origins, for writing absolute URLs into pages.
    pub origins: &'a Origins,
    /// Whether the request came to the player host rather than the site.
    pub on_player_host: bool,
}

/// Every corpus page: the tuned ones, then the three held-out sets.
pub fn pages() -> Vec<CorpusPage> {
    tuned::PAGES
        .iter()
        .chain(held_out::PAGES)
        .chain(fresh::PAGES)
        .chain(held_out_3::PAGES)
        .copied()
        .collect()
}

/// Pages the agent got wrong the one time it met them unseen (held-out-3, agent at
/// 172a737), and why, in general terms. `ragtime eval --corpus` reports them as known
/// misses rather than failing; a page leaves this list once the agent gets it right
/// by a general rule.
pub const KNOWN_MISSES: &[(&str, &str)] = &[
    (
        "3cat-catalunya-radio-descarrega",
        "Catalan labels (\"Escolta\", \"Descarrega\") are in no label table; the preroll ad \
         it took on its unseen run is now skipped",
    ),
    (
        "ohdio-balado-ecouter",
        "an app download in French (\"l'application\") is clicked; the audio is only in the \
         player's JSON after \"Écouter\"",
    ),
    (
        "err-jupiter-laadi-alla",
        "Estonian labels (consent, \"Kuula\", \"Laadi alla\") are in no label table",
    ),
    (
        "wondery-plus-early-access",
        "a preview or another episode's MP3 is downloaded on a page whose episode is locked",
    ),
];

/// Why the agent is known to get a corpus page wrong, if it is.
pub fn known_miss(slug: &str) -> Option<&'static str> {
    KNOWN_MISSES
        .iter()
        .find(|(known, _)| *known == slug)
        .map(|(_, why)| *why)
}

/// The answer to a corpus request, `None` for a page or resource that does not exist.
pub fn respond(request: &CorpusRequest<'_>) -> Option<Response> {
    tuned::respond(request)
        .or_else(|| held_out::respond(request))
        .or_else(|| fresh::respond(request))
        .or_else(|| held_out_3::respond(request))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_every_page_answers() {
        let origins = Origins {
            site: "http://127.0.0.1:1".into(),
            player: "http://localhost:2".into(),
        };
        let headers = HeaderMap::new();
        let all = pages();
        for (i, page) in all.iter().enumerate() {
            assert!(
                !all[..i].iter().any(|p| p.slug == page.slug),
                "{} twice",
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
            assert!(respond(&request).is_some(), "{} has no page", page.slug);
            assert!(!page.imitates.is_empty());
        }
    }
}
