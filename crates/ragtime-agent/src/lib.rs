//! ragtime-agent: planners that drive the browser tools.
//!
//! [`HeuristicPlanner`] needs no network and no key: it reads the history of calls
//! (the runtime keeps it) and decides the next one, so it holds no state and a
//! replayed history gives the same decisions.

mod heuristic;

pub use heuristic::HeuristicPlanner;
