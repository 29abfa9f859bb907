//! JUnit XML for CI test views: one test suite per rule, one test case per rule and entity. A case fails when the
//! entity has an error finding of the rule; warnings and infos pass and carry their messages as output. A rule
//! with no finding is one passing case, so every rule shows in the view.

use super::{rules_named, xml_escape};
use crate::governance::Report;
use crate::governance::findings::{Finding, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub fn render(report: &Report) -> String {
    let (catalogue, custom) = rules_named(&report.findings);
    let mut by_rule: BTreeMap<&str, BTreeMap<String, Vec<&Finding>>> = BTreeMap::new();
    for finding in &report.findings {
        let subject = finding.subject().map_or_else(|| "design".to_owned(), |subject| subject.to_string());
        by_rule.entry(finding.rule.as_str()).or_default().entry(subject).or_default().push(finding);
    }
    let suites: Vec<(String, String)> = catalogue
        .iter()
        .map(|rule| (rule.id.to_owned(), rule.title.to_owned()))
        .chain(custom.iter().map(|id| (id.clone(), format!("Custom policy {id}"))))
        .collect();
    let total_cases: usize = suites.iter().map(|(id, _)| by_rule.get(id.as_str()).map_or(1, BTreeMap::len)).sum();
    let failures: usize = by_rule
        .values()
        .flat_map(BTreeMap::values)
        .filter(|findings| findings.iter().any(|finding| finding.severity == Severity::Error))
        .count();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"meshwright check: {}\" tests=\"{total_cases}\" failures=\"{failures}\" errors=\"0\">",
        xml_escape(&report.design)
    );
    for (id, title) in &suites {
        let cases = by_rule.get(id.as_str());
        let suite_failures = cases.map_or(0, |cases| {
            cases.values().filter(|findings| findings.iter().any(|finding| finding.severity == Severity::Error)).count()
        });
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{suite_failures}\" errors=\"0\" skipped=\"0\">",
            xml_escape(&format!("{id} {title}")),
            cases.map_or(1, BTreeMap::len)
        );
        match cases {
            None => {
                let _ = writeln!(out, "    <testcase classname=\"{}\" name=\"no findings\"/>", xml_escape(id));
            }
            Some(cases) => {
                for (subject, findings) in cases {
                    let _ = writeln!(
                        out,
                        "    <testcase classname=\"{}\" name=\"{}\">",
                        xml_escape(id),
                        xml_escape(subject)
                    );
                    for finding in findings.iter().filter(|finding| finding.severity == Severity::Error) {
                        let _ = writeln!(
                            out,
                            "      <failure type=\"error\" message=\"{}\">{}</failure>",
                            xml_escape(&finding.message),
                            xml_escape(&format!("at {}\nfix: {}", finding.path, finding.fix))
                        );
                    }
                    let others: Vec<String> = findings
                        .iter()
                        .filter(|finding| finding.severity != Severity::Error)
                        .map(|finding| format!("{}: {} (at {})", finding.severity, finding.message, finding.path))
                        .collect();
                    if !others.is_empty() {
                        let _ = writeln!(out, "      <system-out>{}</system-out>", xml_escape(&others.join("\n")));
                    }
                    out.push_str("    </testcase>\n");
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
