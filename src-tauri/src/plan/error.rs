//! Errors of rollout planning: only what cannot be a finding (a wave number that does not exist, an id the
//! model refuses).

use crate::model::IdError;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("cannot name a proposed wave: {source}")]
    Id { source: IdError },
    #[error("the design has no wave {number}; its waves are numbered {known}")]
    UnknownWave { number: u32, known: String },
    #[error("there is no product `{id}` in the design")]
    UnknownProduct { id: String },
}
