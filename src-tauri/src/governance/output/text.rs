//! The text report: findings grouped by the entity they are filed under, worst first within each group, then
//! counts, domain scores and the mesh metric. Colours (ANSI) only when asked, for a terminal.

use crate::governance::Report;
use crate::governance::findings::{EntityRef, Finding, Severity};
use std::fmt::Write as _;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[31m",
        Severity::Warning => "\x1b[33m",
        Severity::Info => "\x1b[36m",
    }
}

struct Paint {
    colour: bool,
}

impl Paint {
    fn wrap(&self, style: &str, text: &str) -> String {
        if self.colour { format!("{style}{text}{RESET}") } else { text.to_owned() }
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 { format!("{count} {word}") } else { format!("{count} {word}s") }
}

pub fn render(report: &Report, colour: bool) -> String {
    let paint = Paint { colour };
    let mut out = String::new();
    let mut groups: Vec<(Option<&EntityRef>, Vec<&Finding>)> = Vec::new();
    for finding in &report.findings {
        match groups.last_mut() {
            Some((subject, members)) if *subject == finding.subject() => members.push(finding),
            _ => groups.push((finding.subject(), vec![finding])),
        }
    }
    for (subject, mut members) in groups {
        members.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
        let heading = subject.map_or_else(|| "design".to_owned(), ToString::to_string);
        let _ = writeln!(out, "{}", paint.wrap(BOLD, &heading));
        for finding in members {
            let label = format!("{:<7}", finding.severity.as_str());
            let _ = writeln!(
                out,
                "  {} {} {}",
                paint.wrap(severity_colour(finding.severity), &label),
                finding.rule,
                finding.message
            );
            let _ = writeln!(out, "          {}", paint.wrap(DIM, &format!("at {}", finding.path)));
            let _ = writeln!(out, "          {}", paint.wrap(DIM, &format!("fix: {}", finding.fix)));
        }
        out.push('\n');
    }
    let counts = &report.counts;
    let summary = format!(
        "{}: {}, {}, {} (checked on {})",
        report.design,
        plural(counts.error, "error"),
        plural(counts.warning, "warning"),
        plural(counts.info, "info"),
        report.today
    );
    let _ = writeln!(out, "{}", paint.wrap(BOLD, &summary));
    if !report.scores.domains.is_empty() {
        let domains: Vec<String> =
            report.scores.domains.iter().map(|domain| format!("{} {}", domain.domain, domain.score)).collect();
        let _ = writeln!(out, "Domain scores: {}", domains.join(", "));
    }
    let metric = &report.scores.mesh;
    let _ = writeln!(
        out,
        "Productive products (contracts with SLA and quality, no error): {} of {} ({:.0}%)",
        metric.productive_products,
        metric.products,
        metric.productive_share * 100.0
    );
    out
}
