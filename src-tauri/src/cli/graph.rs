//! `meshwright graph`: impact, lineage, cycles, stats and layers of a design, as text or JSON.

use super::{EXIT_OK, EXIT_VERDICT, Outcome, TextOrJson};
use crate::error::Error;
use crate::graph::{Direction, Edge, GraphStats, Layers, MeshGraph, Reach};
use crate::model::Id;
use std::fmt::Write;
use std::path::Path;

/// How many rows the text form of `stats` lists in its rankings; the JSON form has every product.
const TEXT_RANKING_ROWS: usize = 10;
/// Up to this many domains, `stats` prints the domain dependency matrix as a table; above, its largest entries.
const MAX_MATRIX_DOMAINS: usize = 12;
/// The widest column of the domain dependency matrix; longer domain ids are cut in its header.
const MAX_COLUMN_WIDTH: usize = 12;

/// The questions `meshwright graph` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum GraphQuery {
    /// Everything downstream of ID (a product, PRODUCT/PORT, contract or source system).
    Impact,
    /// Everything upstream of ID (a product, consumer, PRODUCT/PORT or contract), back to the source systems.
    Lineage,
    /// Dependency cycles; exits 1 when there is one.
    Cycles,
    /// Fan-in/out, per-domain counts, the domain dependency matrix, orphans, critical path, bottlenecks, team load.
    Stats,
    /// A rollout order: products in layers after everything they read.
    Layers,
}

impl GraphQuery {
    fn as_str(self) -> &'static str {
        match self {
            Self::Impact => "impact",
            Self::Lineage => "lineage",
            Self::Cycles => "cycles",
            Self::Stats => "stats",
            Self::Layers => "layers",
        }
    }
}

pub(super) fn run(
    source: &Path,
    query: GraphQuery,
    id: Option<&str>,
    format: TextOrJson,
    out: &mut dyn std::io::Write,
) -> Result<Outcome, Error> {
    let needs_id = matches!(query, GraphQuery::Impact | GraphQuery::Lineage);
    match (needs_id, id) {
        (true, None) => {
            return Err(Error::Usage(format!(
                "`graph {}` needs the id of a product, PRODUCT/PORT, contract, source system or consumer",
                query.as_str()
            )));
        }
        (false, Some(id)) => {
            return Err(Error::Usage(format!("`graph {}` takes no id (got `{id}`)", query.as_str())));
        }
        _ => {}
    }
    let design = crate::design::load(source)?;
    let graph = MeshGraph::build(&design);
    let json = format == TextOrJson::Json;
    let mut exit = EXIT_OK;
    let text = match (query, id) {
        (GraphQuery::Impact, Some(id)) => {
            let reach = graph.impact(id)?;
            if json { to_json(&reach)? } else { reach_text(&reach) }
        }
        (GraphQuery::Lineage, Some(id)) => {
            let reach = graph.lineage(id)?;
            if json { to_json(&reach)? } else { reach_text(&reach) }
        }
        (GraphQuery::Cycles, _) => {
            if !graph.is_acyclic() {
                exit = EXIT_VERDICT;
            }
            if json { to_json(graph.cycles())? } else { cycles_text(&graph) }
        }
        (GraphQuery::Stats, _) => {
            if json {
                to_json(graph.stats())?
            } else {
                stats_text(graph.name(), graph.stats())
            }
        }
        (GraphQuery::Layers, _) => {
            if json {
                to_json(graph.layers())?
            } else {
                layers_text(graph.layers())
            }
        }
        (GraphQuery::Impact | GraphQuery::Lineage, None) => String::new(),
    };
    out.write_all(text.as_bytes()).map_err(|source| Error::Io {
        action: "write to",
        path: "standard output".into(),
        source,
    })?;
    Ok(Outcome::Exit(exit))
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|error| Error::Internal(format!("cannot write the answer as JSON: {error}")))?;
    text.push('\n');
    Ok(text)
}

fn reach_text(reach: &Reach) -> String {
    let mut text = String::new();
    let (title, empty, where_to) = match reach.direction {
        Direction::Impact => ("Impact of", "Nothing is downstream of", "downstream"),
        Direction::Lineage => ("Lineage of", "Nothing is upstream of", "upstream"),
    };
    let name = reach.target.name.as_deref().map(|name| format!(" ({name})")).unwrap_or_default();
    if reach.nodes.is_empty() {
        let _ = writeln!(text, "{empty} {}{name}.", reach.target);
    } else {
        let _ = writeln!(
            text,
            "{title} {}{name}: {} {}, {} {} {where_to}",
            reach.target,
            reach.products,
            plural(reach.products, "product", "products"),
            reach.consumers,
            plural(reach.consumers, "consumer", "consumers"),
        );
        let _ = writeln!(text, "  domains ({}): {}", reach.domains.len(), join_ids(&reach.domains));
        let _ = writeln!(text, "  teams ({}): {}", reach.teams.len(), join_ids(&reach.teams));
        if reach.direction == Direction::Lineage {
            let _ = writeln!(
                text,
                "  source systems ({}): {}",
                reach.source_systems.len(),
                join_ids(&reach.source_systems)
            );
        }
        let _ = writeln!(text);
        for node in &reach.nodes {
            let owner = [node.domain.as_ref(), node.owner_team.as_ref()]
                .into_iter()
                .flatten()
                .map(Id::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            let owner = if owner.is_empty() { String::new() } else { format!("  ({owner})") };
            let _ = writeln!(text, "  {:>2}  {:<13} {}{owner}", node.distance, node.kind.as_str(), node.id);
            if !node.path.is_empty() {
                let _ = writeln!(text, "      {}", path_text(&node.path));
            }
        }
    }
    for gap in &reach.gaps {
        let port = gap.input_port.as_deref().map(|port| format!(" input `{port}`")).unwrap_or_default();
        let (what, why) = match &gap.binding {
            crate::model::Binding::Contract { contract_id, version } => {
                (format!("contract {contract_id} {version}"), "which no product publishes")
            }
            crate::model::Binding::SourceSystem { source_system, version } => {
                (format!("source system {source_system} {version}"), "which the design does not have")
            }
        };
        let _ = writeln!(text, "  gap: {} {}{port} reads {what}, {why}", gap.node.kind, gap.node.id);
    }
    text
}

/// `a -[contract 1.0.0]-> b -[…]-> c`; an edge from a source system has no contract: `s --> a`.
fn path_text(path: &[Edge]) -> String {
    let mut text = String::new();
    for (index, edge) in path.iter().enumerate() {
        if index == 0 {
            text.push_str(edge.from.id.as_str());
        }
        match &edge.contract {
            Some(contract) => {
                let _ = write!(text, " -[{contract} {}]-> {}", edge.version, edge.to.id);
            }
            None => {
                let _ = write!(text, " --> {}", edge.to.id);
            }
        }
    }
    text
}

fn cycles_text(graph: &MeshGraph) -> String {
    let mut text = String::new();
    let cycles = graph.cycles();
    if cycles.is_empty() {
        let _ = writeln!(text, "No dependency cycles among {} products.", graph.product_count());
        return text;
    }
    let _ = writeln!(text, "{} dependency {}", cycles.len(), plural(cycles.len(), "cycle", "cycles"));
    for (number, cycle) in cycles.iter().enumerate() {
        let count = cycle.members.len();
        let products = plural(count, "product", "products");
        let _ = writeln!(text, "\n  cycle {} ({count} {products}): {}", number + 1, join_ids(&cycle.members));
        for edge in &cycle.edges {
            let _ = writeln!(text, "    {}", path_text(std::slice::from_ref(edge)));
        }
        let closing: Vec<String> =
            cycle.closing_edges.iter().map(|edge| path_text(std::slice::from_ref(edge))).collect();
        let _ = writeln!(text, "    closed by: {}", closing.join("; "));
    }
    text
}

fn stats_text(name: &str, stats: &GraphStats) -> String {
    let mut text = String::new();
    let totals = &stats.totals;
    let _ = writeln!(
        text,
        "{name}: {} products, {} source systems, {} consumers, {} dependencies ({} across domains), {} unresolved {}",
        totals.products,
        totals.source_systems,
        totals.consumers,
        totals.dependencies,
        totals.cross_domain_dependencies,
        totals.unresolved_bindings,
        plural(totals.unresolved_bindings, "binding", "bindings"),
    );
    let path = &stats.critical_path;
    let cycles = if path.through_cycles { ", through a cycle" } else { "" };
    let _ = writeln!(text, "\nCritical path ({} products{cycles}):", path.length);
    let _ = writeln!(text, "  {}", path.products.iter().map(Id::as_str).collect::<Vec<_>>().join(" -> "));

    let _ = writeln!(text, "\nBottlenecks (most transitive dependents):");
    for product in &stats.bottlenecks {
        let _ = writeln!(
            text,
            "  {:>5} dependents ({:>4} consumers)  {}",
            product.transitive_dependents, product.transitive_consumers, product.product
        );
    }
    let mut by_fan_in: Vec<_> = stats.products.iter().filter(|product| product.fan_in > 0).collect();
    by_fan_in.sort_by(|left, right| right.fan_in.cmp(&left.fan_in).then_with(|| left.id.cmp(&right.id)));
    let _ = writeln!(text, "\nMost inputs (fan-in):");
    for product in by_fan_in.iter().take(TEXT_RANKING_ROWS) {
        let _ = writeln!(text, "  {:>5}  {}", product.fan_in, product.id);
    }
    let mut by_fan_out: Vec<_> = stats.products.iter().filter(|product| product.fan_out > 0).collect();
    by_fan_out.sort_by(|left, right| right.fan_out.cmp(&left.fan_out).then_with(|| left.id.cmp(&right.id)));
    let _ = writeln!(text, "\nMost direct readers (fan-out):");
    for product in by_fan_out.iter().take(TEXT_RANKING_ROWS) {
        let _ = writeln!(text, "  {:>5}  {}", product.fan_out, product.id);
    }
    let _ = writeln!(text, "\nOrphans, read by nothing ({}): {}", stats.orphans.len(), join_ids(&stats.orphans));
    let _ = writeln!(
        text,
        "Serving no consumer, even indirectly ({}): {}",
        stats.serving_no_consumer.len(),
        join_ids(&stats.serving_no_consumer)
    );

    let width = stats.domains.iter().filter_map(|domain| domain.domain.as_ref()).map(|id| id.as_str().len()).max();
    let width = width.unwrap_or(6).max(12);
    let _ = writeln!(text, "\n  {:<width$}  products  outputs  inputs  contracts  sources  consumers", "domain");
    for domain in &stats.domains {
        let id = domain.domain.as_ref().map_or("(no domain)", Id::as_str);
        let _ = writeln!(
            text,
            "  {id:<width$}  {:>8}  {:>7}  {:>6}  {:>9}  {:>7}  {:>9}",
            domain.products,
            domain.output_ports,
            domain.input_ports,
            domain.contracts,
            domain.source_systems,
            domain.consumers
        );
    }
    domain_matrix_text(stats, &mut text);

    let width = stats.teams.iter().filter_map(|team| team.team.as_ref()).map(|id| id.as_str().len()).max();
    let width = width.unwrap_or(4).max(12);
    let _ = writeln!(text, "\n  {:<width$}  products  consumers  domains", "team");
    for team in &stats.teams {
        let id = team.team.as_ref().map_or("(no team)", Id::as_str);
        let _ = writeln!(text, "  {id:<width$}  {:>8}  {:>9}  {:>7}", team.products, team.consumers, team.domains);
    }
    text
}

/// The domain dependency matrix: a table when it is small, its largest cross-domain entries otherwise.
fn domain_matrix_text(stats: &GraphStats, text: &mut String) {
    let domains: Vec<&Id> = stats.domains.iter().filter_map(|domain| domain.domain.as_ref()).collect();
    if domains.len() <= MAX_MATRIX_DOMAINS {
        let _ = writeln!(text, "\nDependencies between domains (row: provider, column: reader):");
        let width = domains.iter().map(|id| id.as_str().len()).max().unwrap_or(4).max(4);
        let column = width.min(MAX_COLUMN_WIDTH);
        let mut header = format!("  {:<width$}", "");
        for domain in &domains {
            let _ = write!(header, "  {:>column$}", short(domain.as_str(), column));
        }
        let _ = writeln!(text, "{header}");
        for from in &domains {
            let mut row = format!("  {:<width$}", from.as_str());
            for to in &domains {
                let edges = stats.domain_edges(from.as_str(), to.as_str());
                let cell = if edges == 0 { ".".to_owned() } else { edges.to_string() };
                let _ = write!(row, "  {cell:>column$}");
            }
            let _ = writeln!(text, "{row}");
        }
    } else {
        let mut entries: Vec<_> = stats.domain_dependencies.iter().filter(|entry| entry.from != entry.to).collect();
        entries.sort_by(|left, right| right.edges.cmp(&left.edges).then_with(|| left.cmp(right)));
        let _ = writeln!(text, "\nLargest dependencies between domains (provider -> reader: edges):");
        for entry in entries.iter().take(TEXT_RANKING_ROWS * 2) {
            let _ = writeln!(text, "  {} -> {}: {}", entry.from, entry.to, entry.edges);
        }
    }
}

fn layers_text(layers: &Layers) -> String {
    let mut text = String::new();
    let products: usize = layers.layers.iter().map(|layer| layer.products.len()).sum();
    let shape = if layers.acyclic { "" } else { "; cycles are placed as groups that go live together" };
    let _ = writeln!(
        text,
        "Rollout order: {products} products in {} {}{shape}",
        layers.layers.len(),
        plural(layers.layers.len(), "layer", "layers")
    );
    for layer in &layers.layers {
        let count = layer.products.len();
        let products = plural(count, "product", "products");
        let _ = writeln!(text, "  layer {} ({count} {products}): {}", layer.index, join_ids(&layer.products));
        for cycle in &layer.cycles {
            let _ = writeln!(text, "    cycle, go live together: {}", join_ids(cycle));
        }
    }
    text
}

fn join_ids(ids: &[Id]) -> String {
    if ids.is_empty() { "(none)".to_owned() } else { ids.iter().map(Id::as_str).collect::<Vec<_>>().join(", ") }
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// The first `width` characters of a column header.
fn short(text: &str, width: usize) -> &str {
    text.char_indices().nth(width).map_or(text, |(end, _)| &text[..end])
}
