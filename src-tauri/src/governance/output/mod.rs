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

/// Escapes text for XML content and attributes.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            character if (character as u32) < 0x20 && !matches!(character, '\t' | '\n' | '\r') => {}
            character => escaped.push(character),
        }
    }
    escaped
}
