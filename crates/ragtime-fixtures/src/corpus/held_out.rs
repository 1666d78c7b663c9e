//! Corpus pages kept out of tuning: written apart from the agent, run once, and
//! reported separately. Each page names, in a comment, the real publisher and markup
//! it imitates.

use super::{CorpusPage, CorpusRequest};
use axum::response::Response;

pub const PAGES: &[CorpusPage] = &[];

pub fn respond(_request: &CorpusRequest<'_>) -> Option<Response> {
    None
}
