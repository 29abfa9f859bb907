//! The text form of `meshwright show`.

use crate::summary::Summary;
use std::fmt::Write;
use std::path::Path;

pub(super) fn render_text(summary: &Summary, source: &Path) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{}  ({})", summary.name, source.display());
    let _ = writeln!(
        text,
        "  {} domains, {} teams, {} products, {} contracts ({} properties), {} source systems, {} consumers, {} dependencies",
        summary.domains,
        summary.teams,
        summary.products,
        summary.contracts,
        summary.properties,
        summary.source_systems,
        summary.consumers,
        summary.dependencies
    );
    let join = |counts: &std::collections::BTreeMap<String, usize>| {
        counts.iter().map(|(name, count)| format!("{count} {name}")).collect::<Vec<_>>().join(", ")
    };
    if summary.products > 0 {
        let _ = writeln!(text, "  products by archetype: {}", join(&summary.products_by_archetype));
        let _ = writeln!(text, "  products by status: {}", join(&summary.products_by_status));
    }
    if !summary.by_domain.is_empty() {
        let width = summary.by_domain.iter().map(|domain| domain.id.len()).max().unwrap_or(6).max(6);
        let _ = writeln!(text);
        let _ = writeln!(
            text,
            "  {:<width$}  {:>8}  {:>9}  {:>7}  owner team",
            "domain", "products", "contracts", "sources"
        );
        for domain in &summary.by_domain {
            let _ = writeln!(
                text,
                "  {:<width$}  {:>8}  {:>9}  {:>7}  {}",
                domain.id,
                domain.products,
                domain.contracts,
                domain.source_systems,
                domain.owner_team.as_deref().unwrap_or("(none)")
            );
        }
    }
    text
}
