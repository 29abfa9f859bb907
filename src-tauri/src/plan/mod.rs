//! Rollout planning: readiness per domain and the mesh-level verdict, lighthouse candidates, waves (the stored
//! plan, a proposal, the critical path, the mesh as of a wave) and the plan's exports (Markdown, CSV, JSON).
//! Plain computations over the model: no storage, no UI.

pub mod dependencies;
mod error;
pub mod ranking;
pub mod readiness;
mod render;
pub mod waves;

pub use dependencies::Dependencies;
pub use error::PlanError;
pub use ranking::LighthouseCandidate;
pub use readiness::{Dimension, DomainReadiness, MeshVerdict, QUESTIONS, Question, Verdict};
pub use render::{PlanFormat, render};
pub use waves::{PlanCriticalPath, PlannedWave, ProposalInput, as_of_wave};

use crate::governance::Finding;
use crate::model::{Id, Mesh, Wave};
use serde::Serialize;
use ts_rs::TS;

/// Options of a plan run.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlanOptions {
    /// Overrides the design's capacity per wave for the proposal.
    pub capacity: Option<u32>,
}

/// Everything `meshwright plan` reports and the studio's rollout screens show.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RolloutPlan {
    pub design: String,
    pub verdict: MeshVerdict,
    /// Every domain, by id.
    pub readiness: Vec<DomainReadiness>,
    /// Every domain, best candidate first.
    pub ranking: Vec<LighthouseCandidate>,
    /// The lighthouse: the design's choice, else the best-ranked domain.
    #[ts(type = "string | null")]
    pub lighthouse: Option<Id>,
    /// Whether the lighthouse is the user's choice rather than the ranking's.
    pub lighthouse_chosen: bool,
    pub capacity: Option<u32>,
    /// The stored plan, in wave order.
    pub waves: Vec<PlannedWave>,
    /// Products in no wave and not live yet.
    #[ts(type = "Array<string>")]
    pub unplanned: Vec<Id>,
    /// Products that go live before something they read (MW-ROL-001), from the stored plan.
    pub wave_findings: Vec<Finding>,
    /// The automatic proposal.
    pub proposal: Vec<PlannedWave>,
    pub critical_path: PlanCriticalPath,
}

/// Plans a design.
pub fn plan(mesh: &Mesh, options: PlanOptions) -> RolloutPlan {
    let readiness = readiness::score_domains(mesh);
    let verdict = readiness::verdict(mesh, &readiness);
    let dependencies = Dependencies::of(mesh);
    let ranking = ranking::rank(mesh, &readiness, &dependencies);
    let chosen = mesh.settings.rollout.lighthouse.clone().filter(|id| mesh.domains.contains_key(id));
    let lighthouse = chosen.clone().or_else(|| ranking.first().map(|candidate| candidate.domain.clone()));
    let capacity = options.capacity.or(mesh.settings.rollout.capacity);
    let proposal = waves::propose(
        mesh,
        &dependencies,
        &ProposalInput {
            capacity,
            lighthouse: lighthouse.as_ref(),
            domain_order: ranking.iter().map(|candidate| &candidate.domain).collect(),
        },
    );
    RolloutPlan {
        design: mesh.settings.name.clone(),
        verdict,
        readiness,
        ranking,
        lighthouse_chosen: chosen.is_some(),
        lighthouse,
        capacity,
        waves: waves::stored_plan(mesh),
        unplanned: waves::unplanned(mesh),
        wave_findings: crate::governance::rollout_findings(mesh),
        proposal: proposal.waves,
        critical_path: proposal.critical_path,
    }
}

/// The proposal as wave entities (`wave-1`, `wave-2`, …) that replace the stored plan. With a plan start date
/// (`rollout.start`) and `weeks_per_wave`, wave N starts (N-1)·weeks after the start and goes live N·weeks after.
pub fn proposal_as_waves(
    proposal: &[PlannedWave],
    start: Option<&str>,
    weeks_per_wave: Option<u32>,
) -> Result<Vec<Wave>, PlanError> {
    let start = start.and_then(days_from_date);
    let date = |weeks: i64| -> Option<String> {
        let days = start? + weeks * 7;
        let (year, month, day) = crate::governance::civil_from_days(days);
        Some(format!("{year:04}-{month:02}-{day:02}"))
    };
    proposal
        .iter()
        .map(|wave| {
            let weeks = weeks_per_wave.map(i64::from);
            let number = i64::from(wave.number);
            Ok(Wave {
                id: Id::new(format!("wave-{}", wave.number)).map_err(|source| PlanError::Id { source })?,
                number: wave.number,
                name: Some(format!("Wave {}", wave.number)),
                start: weeks.and_then(|weeks| date((number - 1) * weeks)),
                live: weeks.and_then(|weeks| date(number * weeks)),
                products: wave.products.clone(),
                domains: Vec::new(),
                description: None,
                extra: Default::default(),
            })
        })
        .collect()
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (Howard Hinnant's `days_from_civil`); none if it is not one.
pub fn days_from_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}
