//! The rollout plan as the user enters it: per domain a readiness assessment and a business value, the waves
//! products (or whole domains) go live in with optional dates, and the plan's settings (capacity per wave,
//! lighthouse domain, start date). What the engine derives from them (scores, ranking, verdict, proposal) lives
//! in `crate::plan`.

use super::{Extra, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// One answer of the readiness questionnaire: a score from 1 (weak) to 5 (strong) and a note saying why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct ReadinessAnswer {
    /// 1–5; values outside are clamped when scored.
    pub score: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a workshop recorded about one domain: its readiness answers by question id and the business value of
/// making it a lighthouse. Stored under the domain's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct DomainAssessment {
    pub domain: Id,
    /// 1 (little) to 5 (a lot): the business value the user sees in the domain going first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_value: Option<u8>,
    /// Answers by question id (`ownership-clarity`, `data-skills`, …; see `plan::readiness::QUESTIONS`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<BTreeMap<String, ReadinessAnswer>>", optional)]
    pub answers: BTreeMap<String, ReadinessAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

impl DomainAssessment {
    pub fn new(domain: Id) -> Self {
        Self { domain, business_value: None, answers: BTreeMap::new(), note: None, extra: Extra::new() }
    }
}

/// A rollout step: the products, and the domains whose products, go live together. Waves go live in the order
/// of their `number`; dates are optional, `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Wave {
    pub id: Id,
    /// 1 for the first wave.
    pub number: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When work on the wave starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// When the wave's products go live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<String>,
    /// Products assigned one by one; these win over their domain's wave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Id>>", optional)]
    pub products: Vec<Id>,
    /// Whole domains: every product of the domain not assigned by itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Id>>", optional)]
    pub domains: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// The plan's settings, kept with the design's settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct RolloutSettings {
    /// At most this many products per proposed wave; none means no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// The domain chosen to go first; none means the best-ranked candidate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lighthouse: Option<Id>,
    /// When products count as proposed, for the planned lead time (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
}

impl RolloutSettings {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
