//! Federated computational governance: the built-in rules, policy packs with per-domain overrides and waivers,
//! custom JSON Schema policies, scores, report formats, and re-checking after one edit.
//!
//! Checks yield `Finding` values, never `Err`: a design with problems is a normal state. `check` runs everything
//! once; `IncrementalCheck` keeps the state a studio needs to re-check only what an edit can affect, and gives the
//! same findings as `check` on the edited design.

pub mod custom;
mod error;
pub mod findings;
pub mod incremental;
pub mod index;
pub mod output;
pub mod policy;
pub mod rules;
pub mod score;

pub use error::GovernanceError;
pub use findings::{EntityRef, Finding, Severity, SeverityCounts};
pub use incremental::IncrementalCheck;
pub use policy::{POLICY_KEY, PolicyPack, ResolvedPolicy};
pub use rules::{RuleFamily, RuleInfo, catalogue};
pub use score::{DomainScore, MeshMetric, ProductScore, Scores};

use crate::graph::MeshGraph;
use crate::model::{EntityKind, Mesh};
use custom::CompiledPolicy;
use index::DesignIndex;
use rayon::prelude::*;
use rules::RuleContext;
use serde::Serialize;
use std::path::Path;

/// What a check run needs besides the design.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Today's date, `YYYY-MM-DD`: waivers expire, grace periods end and end-of-support dates pass against it.
    pub today: String,
    /// A pack layered over the design's own (`--policy FILE`).
    pub policy: Option<PolicyPack>,
    /// Findings about the pack file itself (it could not be read), reported with the others.
    pub policy_problems: Vec<Finding>,
}

impl CheckOptions {
    pub fn on(today: impl Into<String>) -> Self {
        Self { today: today.into(), ..Self::default() }
    }

    /// Adds the pack in a file; a file that cannot be read or parsed becomes an MW-GOV-004 finding.
    pub fn with_policy_file(mut self, path: &Path) -> Self {
        let problem = |message: String| {
            policy::pack_finding(
                "MW-GOV-004",
                path.display().to_string(),
                format!("Policy file {} cannot be used and is ignored: {message}", path.display()),
                "Correct the file; the design's own policy pack and the built-in rules still apply.",
            )
        };
        match std::fs::read_to_string(path) {
            Err(error) => self.policy_problems.push(problem(error.to_string())),
            Ok(text) => match PolicyPack::from_yaml(&text) {
                Ok(pack) => self.policy = Some(pack),
                Err(error) => self.policy_problems.push(problem(error)),
            },
        }
        self
    }
}

/// The result of a check: the findings in report order and the scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub design: String,
    pub today: String,
    pub counts: SeverityCounts,
    pub findings: Vec<Finding>,
    pub scores: Scores,
}

impl Report {
    /// Whether a finding of severity error remains: the check's verdict.
    pub fn has_errors(&self) -> bool {
        self.counts.error > 0
    }
}

/// The policy side of a check, prepared once: the resolved pack and the compiled custom policies.
#[derive(Debug, Clone)]
pub(crate) struct PreparedPolicy {
    pub resolved: ResolvedPolicy,
    pub custom: Vec<CompiledPolicy>,
    /// Findings about the pack and its policies.
    pub problems: Vec<Finding>,
    pub today: String,
}

impl PreparedPolicy {
    pub(crate) fn prepare(mesh: &Mesh, options: &CheckOptions) -> Self {
        let mut problems = options.policy_problems.clone();
        let mut pack = match mesh.settings.extra.get(POLICY_KEY) {
            None => PolicyPack::default(),
            Some(value) => PolicyPack::from_value(value).unwrap_or_else(|error| {
                problems.push(policy::pack_finding(
                    "MW-GOV-003",
                    "settings/governance".to_owned(),
                    format!("The design's policy pack cannot be read and is ignored: {error}"),
                    "Correct the `governance` section of mesh.yaml.",
                ));
                PolicyPack::default()
            }),
        };
        if let Some(extra) = &options.policy {
            pack.merge(extra.clone());
        }
        let resolved = ResolvedPolicy::resolve(&pack, &options.today);
        let (custom, custom_problems) = custom::compile_policies(&resolved.custom);
        problems.extend(resolved.problems.iter().cloned());
        problems.extend(custom_problems);
        Self { resolved, custom, problems, today: options.today.clone() }
    }

    /// Every finding of one subject, at the severities the policy sets for its domain.
    pub(crate) fn check_subject(&self, mesh: &Mesh, index: &DesignIndex, subject: &EntityRef) -> Vec<Finding> {
        // The domain is looked up first only when some domain sets its own parameters; otherwise only for
        // subjects with findings.
        let early_domain = self.resolved.has_domain_parameters().then(|| domain_of(mesh, index, subject));
        let parameters = self.resolved.parameters_in(early_domain.flatten());
        let context = RuleContext { mesh, index, parameters, today: self.today.as_str() };
        let mut findings = Vec::new();
        rules::check_subject(&context, subject, &mut findings);
        custom::check_subject(mesh, &self.custom, subject, &mut findings);
        if findings.is_empty() {
            return findings;
        }
        let domain = early_domain.unwrap_or_else(|| domain_of(mesh, index, subject));
        findings.retain_mut(|finding| self.resolved.apply(finding, domain));
        findings::sort_findings(&mut findings);
        findings
    }

    /// The cycle findings, at the severities the policy sets for each cycle's first member's domain.
    pub(crate) fn cycle_findings(&self, mesh: &Mesh, index: &DesignIndex, graph: &MeshGraph) -> Vec<Finding> {
        let mut findings = rules::cycle_findings(mesh, graph);
        findings.retain_mut(|finding| {
            let subject = finding.subject().cloned();
            let domain = subject.as_ref().and_then(|subject| domain_of(mesh, index, subject));
            self.resolved.apply(finding, domain)
        });
        findings
    }
}

/// The domain whose policy applies to a subject: a product's domain, a contract's publisher's domain (or the
/// domain it names), a domain itself, a consumer's or source system's domain, the first domain a team owns.
pub(crate) fn domain_of<'a>(mesh: &'a Mesh, index: &'a DesignIndex, subject: &EntityRef) -> Option<&'a str> {
    let id = subject.id.as_str();
    match subject.kind {
        EntityKind::Product => mesh.products.get(id).and_then(|product| product.domain.as_ref()).map(|d| d.as_str()),
        EntityKind::Contract => index
            .publishers_of(id)
            .find_map(|publisher| mesh.products.get(publisher.as_str()).and_then(|product| product.domain.as_ref()))
            .map(|domain| domain.as_str())
            .or_else(|| mesh.contracts.get(id).and_then(|contract| contract.domain.as_deref())),
        EntityKind::Domain => mesh.domains.get_key_value(id).map(|(id, _)| id.as_str()),
        EntityKind::Consumer => {
            mesh.consumers.get(id).and_then(|consumer| consumer.domain.as_ref()).map(|d| d.as_str())
        }
        EntityKind::SourceSystem => {
            mesh.source_systems.get(id).and_then(|system| system.domain.as_ref()).map(|d| d.as_str())
        }
        // A team takes the policy of the first domain it owns.
        EntityKind::Team => index.team_owned.get(id).and_then(|owned| {
            owned.iter().find(|entity| entity.kind == EntityKind::Domain).map(|domain| domain.id.as_str())
        }),
        EntityKind::Assessment => mesh.assessments.get_key_value(id).map(|(id, _)| id.as_str()),
        EntityKind::Settings | EntityKind::Position | EntityKind::Wave | EntityKind::Canvas | EntityKind::Note => None,
    }
}

/// Runs every rule and policy on a design.
pub fn check(mesh: &Mesh, options: &CheckOptions) -> Report {
    let prepared = PreparedPolicy::prepare(mesh, options);
    // The serial parts run side by side: the index beside the graph, the cycle search beside the rules.
    let (index, graph) = rayon::join(|| DesignIndex::build(mesh), || MeshGraph::build(mesh));
    let subjects = rules::subjects(mesh);
    let (per_subject, cycles) = rayon::join(
        || subjects.par_iter().map(|subject| prepared.check_subject(mesh, &index, subject)).collect::<Vec<_>>(),
        || prepared.cycle_findings(mesh, &index, &graph),
    );
    let mut findings: Vec<Finding> = prepared.problems.clone();
    findings.reserve(per_subject.iter().map(Vec::len).sum::<usize>() + cycles.len());
    findings.extend(per_subject.into_iter().flatten());
    findings.extend(cycles);
    // Freeing the graph's and the index's many small allocations is work too; it need not hold up the report.
    rayon::join(|| report(mesh, &options.today, findings), || drop((graph, index, subjects))).0
}

/// The rollout findings (MW-ROL-001) of a design at their default severities: the wave-order problems of its
/// stored plan, for `meshwright plan` and the studio's plan view.
pub fn rollout_findings(mesh: &Mesh) -> Vec<Finding> {
    let index = DesignIndex::build(mesh);
    let parameters = rules::RuleParameters::default();
    let context = RuleContext { mesh, index: &index, parameters: &parameters, today: "" };
    let mut findings = Vec::new();
    for product in mesh.products.values() {
        let mut sink = rules::FindingSink::new(EntityRef::new(EntityKind::Product, product.id.as_str()), &mut findings);
        rules::rollout_product(&context, product, &mut sink);
    }
    findings::sort_findings(&mut findings);
    findings
}

/// Sorts findings and scores them into a report. Each subject's findings arrive sorted and the subjects in
/// order, so the sort mostly merges a few long runs.
pub(crate) fn report(mesh: &Mesh, today: &str, mut findings: Vec<Finding>) -> Report {
    findings::sort_findings(&mut findings);
    let scores = score::score(mesh, &findings);
    Report {
        design: mesh.settings.name.clone(),
        today: today.to_owned(),
        counts: SeverityCounts::of(&findings),
        findings,
        scores,
    }
}

/// Today's date in UTC as `YYYY-MM-DD`, from the system clock (days since 1970 to a civil date, after Howard
/// Hinnant's `civil_from_days`), so that no date crate is needed.
pub fn today_utc() -> String {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |duration| duration.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = u32::try_from(day_of_year - (153 * month_index + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if month_index < 10 { month_index + 3 } else { month_index - 9 }).unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
