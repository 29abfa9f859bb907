//! Report formats: text for people (grouped by entity, coloured on a terminal), JSON for scripts, SARIF 2.1.0 for
//! code scanning, JUnit XML for CI test views.

pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use super::findings::Finding;
use super::rules::{self, RuleInfo};

/// The rules a report's findings name, catalogue rules first (in catalogue order) then custom ones, so that
/// SARIF and JUnit can list every rule they refer to.
pub(crate) fn rules_named(findings: &[Finding]) -> (Vec<&'static RuleInfo>, Vec<String>) {
    let catalogue = rules::catalogue();
    let mut custom: Vec<String> = findings
        .iter()
        .filter(|finding| !catalogue.iter().any(|rule| rule.id == finding.rule))
        .map(|finding| finding.rule.clone())
        .collect();
    custom.sort();
    custom.dedup();
    (catalogue, custom)
}

pub(crate) use crate::xml::escape as xml_escape;
