//! ragtime-agent: planners that drive the browser tools.
//!
//! [`HeuristicPlanner`] needs no network and no key: it explores the page the way a
//! person would (look, download what turned up, click the most promising control,
//! look again) and reads only the history of calls, so it holds no state and a
//! replayed history gives the same decisions. [`labels`] is its word table in fourteen
//! languages, which [`TranslateText`] offers as a tool.

mod heuristic;
pub mod labels;
mod translate;

pub use heuristic::{HeuristicPlanner, MAX_CLICKS};
pub use translate::TranslateText;
