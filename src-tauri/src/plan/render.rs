//! The plan for people and for other tools: text for the terminal, Markdown for a wiki page, CSV (one row per
//! product and wave) for a spreadsheet, JSON for scripts and the studio.

use super::RolloutPlan;
use super::waves::PlannedWave;
use crate::model::Mesh;
use std::fmt::Write as _;

/// The formats `meshwright plan --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum PlanFormat {
    Text,
    Json,
    Markdown,
    Csv,
}

impl PlanFormat {
    /// The file extension an export in this format takes.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Csv => "csv",
        }
    }
}

/// The plan in a format. JSON cannot fail on these types; should it, the error is the text.
pub fn render(plan: &RolloutPlan, mesh: &Mesh, format: PlanFormat) -> String {
    match format {
        PlanFormat::Json => {
            let mut text = serde_json::to_string_pretty(plan).unwrap_or_else(|error| error.to_string());
            text.push('\n');
            text
        }
        PlanFormat::Text => text(plan, mesh),
        PlanFormat::Markdown => markdown(plan, mesh),
        PlanFormat::Csv => csv(plan, mesh),
    }
}

fn score(value: Option<u32>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| value.to_string())
}

/// The waves shown: the stored plan when there is one, else the proposal.
fn shown_waves(plan: &RolloutPlan) -> (&[PlannedWave], &'static str) {
    if plan.waves.is_empty() { (&plan.proposal, "proposed") } else { (&plan.waves, "planned") }
}

fn wave_title(wave: &PlannedWave) -> String {
    let mut title = format!("Wave {}", wave.number);
    if let Some(name) = wave.name.as_deref().filter(|name| *name != title) {
        let _ = write!(title, " ({name})");
    }
    match (&wave.start, &wave.live) {
        (Some(start), Some(live)) => {
            let _ = write!(title, ", {start} → live {live}");
        }
        (None, Some(live)) => {
            let _ = write!(title, ", live {live}");
        }
        (Some(start), None) => {
            let _ = write!(title, ", from {start}");
        }
        (None, None) => {}
    }
    title
}

fn list(mesh: &Mesh, wave: &PlannedWave, limit: usize) -> String {
    let mut names: Vec<String> = wave
        .products
        .iter()
        .take(limit)
        .map(|id| mesh.products.get(id).map_or_else(|| id.to_string(), |product| product.id.to_string()))
        .collect();
    if wave.products.len() > limit {
        names.push(format!("… and {} more", wave.products.len() - limit));
    }
    names.join(", ")
}

fn text(plan: &RolloutPlan, mesh: &Mesh) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Rollout plan for {}", plan.design);
    let _ = writeln!(out, "\nVerdict: {}", plan.verdict.headline);
    for reason in &plan.verdict.reasons {
        let _ = writeln!(out, "  - {reason}");
    }
    let _ = writeln!(out, "\nReadiness (0–100, ready from {}):", super::readiness::READY_THRESHOLD);
    for domain in &plan.readiness {
        let value = domain.business_value.map_or_else(|| "–".to_owned(), |value| format!("{value}/5"));
        let _ = writeln!(
            out,
            "  {:<28} readiness {:>3}  need {:>3}  value {:>3}  answered {:>2}/12{}",
            domain.name,
            score(domain.readiness),
            score(domain.need),
            value,
            domain.answered,
            if domain.ready { "  ready" } else { "" }
        );
        if !domain.weakest.is_empty() {
            let _ = writeln!(out, "  {:<28} work on: {}", "", domain.weakest.join(", "));
        }
    }
    let _ = writeln!(out, "\nLighthouse candidates:");
    for candidate in plan.ranking.iter().take(10) {
        let _ = writeln!(out, "  {}. {}", candidate.rank, candidate.explanation);
    }
    if plan.ranking.len() > 10 {
        let _ = writeln!(out, "  … {} more domains (see --format json)", plan.ranking.len() - 10);
    }
    if let Some(lighthouse) = &plan.lighthouse {
        let how = if plan.lighthouse_chosen { "chosen in the design" } else { "the best-ranked candidate" };
        let _ = writeln!(out, "Lighthouse: {lighthouse} ({how})");
    }
    let (waves, kind) = shown_waves(plan);
    let capacity = plan.capacity.map_or_else(|| "no capacity limit".to_owned(), |c| format!("capacity {c} per wave"));
    let _ = writeln!(out, "\nWaves ({kind}, {capacity}):");
    for wave in waves {
        let _ = writeln!(out, "  {}: {} products", wave_title(wave), wave.products.len());
        let _ = writeln!(out, "    {}", list(mesh, wave, 8));
    }
    if !plan.waves.is_empty() {
        let _ = writeln!(out, "  (the automatic proposal has {} waves; see --format json)", plan.proposal.len());
    }
    if !plan.unplanned.is_empty() {
        let _ = writeln!(out, "  Not in any wave and not live yet: {} products", plan.unplanned.len());
    }
    let path = &plan.critical_path;
    let _ = writeln!(
        out,
        "\nCritical path: {} products, at least {} waves{}",
        path.products.len(),
        path.minimum_waves,
        if path.through_cycles { " (through a cycle)" } else { "" }
    );
    if !path.products.is_empty() {
        let shown: Vec<&str> = path.products.iter().map(|id| id.as_str()).collect();
        let _ = writeln!(out, "  {}", shown.join(" → "));
    }
    let _ = writeln!(out, "\nWave order: {} finding(s)", plan.wave_findings.len());
    for finding in plan.wave_findings.iter().take(20) {
        let _ = writeln!(out, "  {} {}: {}", finding.severity, finding.rule, finding.message);
    }
    out
}

fn markdown(plan: &RolloutPlan, mesh: &Mesh) -> String {
    let mut out = String::new();
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let _ = writeln!(out, "# Rollout plan: {}\n", cell(&plan.design));
    let _ = writeln!(out, "**Verdict: {}**\n", plan.verdict.headline);
    for reason in &plan.verdict.reasons {
        let _ = writeln!(out, "- {}", cell(reason));
    }
    let _ = writeln!(out, "\n## Readiness\n\n| Domain | Readiness | Need | Business value | Answered | Ready |");
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---|");
    for domain in &plan.readiness {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {}/12 | {} |",
            cell(&domain.name),
            score(domain.readiness),
            score(domain.need),
            domain.business_value.map_or_else(|| "–".to_owned(), |value| value.to_string()),
            domain.answered,
            if domain.ready { "yes" } else { "no" }
        );
    }
    let _ = writeln!(out, "\n## Lighthouse candidates\n");
    for candidate in &plan.ranking {
        let _ = writeln!(out, "{}. {}", candidate.rank, cell(&candidate.explanation));
    }
    let (waves, kind) = shown_waves(plan);
    let _ = writeln!(out, "\n## Waves ({kind})\n\n| Wave | Start | Live | Product | Domain |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for wave in waves {
        for id in &wave.products {
            let domain = mesh.products.get(id).and_then(|product| product.domain.as_ref());
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                wave.number,
                wave.start.as_deref().unwrap_or(""),
                wave.live.as_deref().unwrap_or(""),
                id,
                domain.map(|domain| domain.as_str()).unwrap_or("")
            );
        }
    }
    let path = &plan.critical_path;
    let _ = writeln!(
        out,
        "\n## Critical path\n\n{} products, at least {} waves:\n",
        path.products.len(),
        path.minimum_waves
    );
    let shown: Vec<&str> = path.products.iter().map(|id| id.as_str()).collect();
    let _ = writeln!(out, "{}", shown.join(" → "));
    if !plan.wave_findings.is_empty() {
        let _ = writeln!(out, "\n## Wave order findings\n");
        for finding in &plan.wave_findings {
            let _ = writeln!(out, "- {} {}: {}", finding.severity, finding.rule, cell(&finding.message));
        }
    }
    out
}

/// One row per product of the shown waves: wave, dates, product, name, domain, status, on the critical path.
fn csv(plan: &RolloutPlan, mesh: &Mesh) -> String {
    let field = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let (waves, kind) = shown_waves(plan);
    let critical: std::collections::BTreeSet<&str> = plan.critical_path.products.iter().map(|id| id.as_str()).collect();
    let mut out = String::from("plan,wave,wave_name,start,live,product,name,domain,status,critical_path\n");
    for wave in waves {
        for id in &wave.products {
            let product = mesh.products.get(id);
            let _ = writeln!(
                out,
                "{kind},{},{},{},{},{},{},{},{},{}",
                wave.number,
                field(wave.name.as_deref().unwrap_or("")),
                field(wave.start.as_deref().unwrap_or("")),
                field(wave.live.as_deref().unwrap_or("")),
                field(id.as_str()),
                field(product.map_or("", |product| product.name.as_str())),
                field(product.and_then(|product| product.domain.as_ref()).map_or("", |domain| domain.as_str())),
                field(product.map_or("", |product| product.status.as_str())),
                critical.contains(id.as_str())
            );
        }
    }
    out
}
