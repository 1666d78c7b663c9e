//! SeaORM entities, one per table created by the `migration` crate.

pub mod episode;
pub mod pipeline_event;
pub mod recovery_attempt;
pub mod recovery_screenshot;
pub mod recovery_step;
