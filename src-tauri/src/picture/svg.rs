//! Writing a laid-out diagram as SVG: clusters as tinted boxes, products coloured by archetype with their status
//! (dashed while proposed or draft, faded once deprecated or retired), source systems and consumers in their own
//! shapes, a legend, and edges as curves. Styles are presentation attributes, not CSS, so every renderer (resvg,
//! browsers, editors) draws the same picture. All text is XML-escaped.

use super::layout::{Grid, Placement, layered};
use crate::graph::{Diagram, NodeKind};
use crate::model::{Archetype, Mesh, Status};
use crate::xml::escape;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The most links between domains a collapsed picture draws.
const MAX_DOMAIN_LINKS: usize = 250;
const FONT: &str = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const HEADER: f64 = 96.0;
const EDGE: &str = "#8c939b";

/// Every node drawn, products laid out in their domains.
pub(super) fn expanded(mesh: &Mesh, diagram: &Diagram, links: bool) -> String {
    let grid = Grid {
        node_width: 212.0,
        node_height: 46.0,
        layer_gap: 84.0,
        column_gap: 16.0,
        row_gap: 12.0,
        max_rows: 12,
        cluster_header: 26.0,
        cluster_padding: 14.0,
        cluster_gap: 22.0,
        margin: 24.0,
        max_layers: usize::MAX,
    };
    let clusters: Vec<Vec<usize>> = diagram.clusters.iter().map(|cluster| cluster.nodes.clone()).collect();
    let edges: Vec<(usize, usize)> = diagram.edges.iter().map(|edge| (edge.from, edge.to)).collect();
    let placement = layered(diagram.nodes.len(), &clusters, &edges, &grid, HEADER);
    let products = diagram.nodes.iter().filter(|node| node.kind == NodeKind::Product).count();
    let subtitle = format!(
        "{} · {} · {}",
        plural(products, "product", "products"),
        plural(diagram.clusters.iter().filter(|cluster| cluster.domain.is_some()).count(), "domain", "domains"),
        plural(diagram.edges.len(), "dependency", "dependencies")
    );
    let mut text = open(&diagram.title, &subtitle, &placement, true);
    for (cluster, area) in diagram.clusters.iter().zip(&placement.clusters) {
        if area.width <= 0.0 {
            continue;
        }
        let color = cluster.color.as_deref().unwrap_or("#5f6368");
        let _ = write!(
            text,
            r##"<g><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="10" fill="{color}" fill-opacity="0.06" stroke="{color}" stroke-opacity="0.55"/>"##,
            area.x, area.y, area.width, area.height
        );
        let title = format!(
            r##"<text x="{:.1}" y="{:.1}" font-size="14" font-weight="bold" fill="#202124">{}</text>"##,
            area.x + 12.0,
            area.y + 22.0,
            escape(&fit(&cluster.name, ((area.width - 24.0) / 8.5) as usize))
        );
        match (&cluster.domain, links) {
            (Some(domain), true) => {
                let _ =
                    write!(text, r#"<a href="{}">{title}</a>"#, escape(&crate::catalog::domain_page(domain.as_str())));
            }
            _ => text.push_str(&title),
        }
        text.push_str("</g>\n");
    }
    for edge in &diagram.edges {
        let (Some(&from), Some(&to)) = (placement.nodes.get(edge.from), placement.nodes.get(edge.to)) else {
            continue;
        };
        let focused = diagram.nodes.get(edge.from).is_some_and(|node| node.focus)
            || diagram.nodes.get(edge.to).is_some_and(|node| node.focus);
        let path = curve(from, to, &grid);
        let dash = if edge.label.is_none() { r#" stroke-dasharray="5 4""# } else { "" };
        let (color, width) = if focused { ("#d93025", 1.8) } else { (EDGE, 1.2) };
        let title = match &edge.label {
            Some(label) => label.clone(),
            None => "reads the source system".to_owned(),
        };
        let _ = writeln!(
            text,
            r#"<path d="{path}" fill="none" stroke="{color}" stroke-width="{width}" stroke-opacity="0.75"{dash} marker-end="url(#arrow)"><title>{}</title></path>"#,
            escape(&title)
        );
    }
    for (index, node) in diagram.nodes.iter().enumerate() {
        let Some(&(x, y)) = placement.nodes.get(index) else { continue };
        let look = look_of(mesh, node.kind, node.id.as_str());
        let stroke_width = if node.focus { 3.0 } else { 1.4 };
        let stroke = if node.focus { "#d93025" } else { look.stroke };
        let dash = look.dash.map(|dash| format!(r#" stroke-dasharray="{dash}""#)).unwrap_or_default();
        let mut group = String::new();
        let _ = write!(
            group,
            r#"<g opacity="{}"><title>{}</title><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" rx="{}" fill="{}" stroke="{stroke}" stroke-width="{stroke_width}"{dash}/>"#,
            look.opacity,
            escape(&format!("{} ({})", node.name, node.id)),
            grid.node_width,
            grid.node_height,
            look.radius,
            look.fill,
        );
        if node.kind == NodeKind::SourceSystem {
            let _ = write!(
                group,
                r#"<rect x="{x:.1}" y="{y:.1}" width="6" height="{:.1}" fill="{}"/>"#,
                grid.node_height, look.stroke
            );
        }
        let _ = write!(
            group,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="bold" fill="#202124">{}</text><text x="{:.1}" y="{:.1}" font-size="10" fill="#5f6368">{}</text></g>"##,
            x + 12.0,
            y + 19.0,
            escape(&fit(&node.name, 25)),
            x + 12.0,
            y + 35.0,
            escape(&fit(&look.detail, 34)),
        );
        if links && node.kind == NodeKind::Product {
            let _ =
                writeln!(text, r#"<a href="{}">{group}</a>"#, escape(&crate::catalog::product_page(node.id.as_str())));
        } else {
            let _ = writeln!(text, "{group}");
        }
    }
    text.push_str("</svg>\n");
    text
}

/// One node per domain with its counts, and one edge per pair of domains with the number of dependencies.
pub(super) fn collapsed(mesh: &Mesh, diagram: &Diagram, links: bool) -> String {
    let grid = Grid {
        node_width: 236.0,
        node_height: 74.0,
        layer_gap: 110.0,
        column_gap: 20.0,
        row_gap: 18.0,
        max_rows: 14,
        cluster_header: 0.0,
        cluster_padding: 0.0,
        cluster_gap: 0.0,
        margin: 24.0,
        // About as many columns as rows: a near-square grid in the order the layering gives.
        max_layers: ((diagram.clusters.len() as f64).sqrt() * 0.8).ceil() as usize,
    };
    let mut cluster_of = vec![0usize; diagram.nodes.len()];
    for (index, cluster) in diagram.clusters.iter().enumerate() {
        for &node in &cluster.nodes {
            if let Some(slot) = cluster_of.get_mut(node) {
                *slot = index;
            }
        }
    }
    let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for edge in &diagram.edges {
        let (Some(&from), Some(&to)) = (cluster_of.get(edge.from), cluster_of.get(edge.to)) else { continue };
        if from != to {
            *counts.entry((from, to)).or_default() += 1;
        }
    }
    let link_count = counts.len();
    // A dense design links nearly every pair of domains; only the strongest links are drawn, the rest counted.
    if counts.len() > MAX_DOMAIN_LINKS {
        let mut strengths: Vec<usize> = counts.values().copied().collect();
        strengths.sort_unstable_by(|left, right| right.cmp(left));
        let bar = strengths.get(MAX_DOMAIN_LINKS).copied().unwrap_or(0);
        counts.retain(|_, count| *count > bar);
    }
    let edges: Vec<(usize, usize)> = counts.keys().copied().collect();
    let all: Vec<Vec<usize>> = vec![(0..diagram.clusters.len()).collect()];
    let placement = layered(diagram.clusters.len(), &all, &edges, &grid, HEADER);
    let products = diagram.nodes.iter().filter(|node| node.kind == NodeKind::Product).count();
    let shown = if counts.len() < link_count {
        format!(" · the {} strongest of {link_count} links between domains drawn", counts.len())
    } else {
        String::new()
    };
    let subtitle = format!(
        "{} in {} (collapsed) · {}{shown}",
        plural(products, "product", "products"),
        plural(diagram.clusters.iter().filter(|cluster| cluster.domain.is_some()).count(), "domain", "domains"),
        plural(diagram.edges.len(), "dependency", "dependencies")
    );
    let mut text = open(&diagram.title, &subtitle, &placement, false);
    let most = counts.values().copied().max().unwrap_or(1).max(1) as f64;
    for (&(from, to), &count) in &counts {
        let (Some(&start), Some(&end)) = (placement.nodes.get(from), placement.nodes.get(to)) else { continue };
        let width = 0.8 + 2.7 * (count as f64).ln_1p() / most.ln_1p();
        let names = (
            diagram.clusters.get(from).map_or("", |cluster| cluster.name.as_str()),
            diagram.clusters.get(to).map_or("", |cluster| cluster.name.as_str()),
        );
        let _ = writeln!(
            text,
            r#"<path d="{}" fill="none" stroke="{EDGE}" stroke-width="{width:.2}" stroke-opacity="0.4" marker-end="url(#arrow-fixed)"><title>{}</title></path>"#,
            curve(start, end, &grid),
            escape(&format!("{}: {} → {}", plural(count, "dependency", "dependencies"), names.0, names.1))
        );
    }
    for (index, cluster) in diagram.clusters.iter().enumerate() {
        let Some(&(x, y)) = placement.nodes.get(index) else { continue };
        let mut by_archetype = [0usize; 4];
        let (mut product_count, mut active, mut others) = (0usize, 0usize, 0usize);
        for node in cluster.nodes.iter().filter_map(|&node| diagram.nodes.get(node)) {
            if node.kind != NodeKind::Product {
                others += 1;
                continue;
            }
            product_count += 1;
            if let Some(product) = mesh.products.get(node.id.as_str()) {
                active += usize::from(product.status == Status::Active);
                let slot = match product.archetype {
                    Some(Archetype::SourceAligned) => 0,
                    Some(Archetype::Aggregate) => 1,
                    Some(Archetype::ConsumerAligned) => 2,
                    None => 3,
                };
                by_archetype[slot] += 1;
            }
        }
        let color = cluster.color.as_deref().unwrap_or("#5f6368");
        let mut group = String::new();
        let _ = write!(
            group,
            r##"<g><title>{}</title><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" rx="10" fill="#ffffff" stroke="{color}" stroke-width="1.6"/><rect x="{x:.1}" y="{y:.1}" width="8" height="{:.1}" rx="3" fill="{color}"/>"##,
            escape(&format!("{} — {}", cluster.name, plural(product_count, "product", "products"))),
            grid.node_width,
            grid.node_height,
            grid.node_height,
        );
        let _ = write!(
            group,
            r##"<text x="{:.1}" y="{:.1}" font-size="13" font-weight="bold" fill="#202124">{}</text><text x="{:.1}" y="{:.1}" font-size="11" fill="#3c4043">{}</text>"##,
            x + 16.0,
            y + 21.0,
            escape(&fit(&cluster.name, 26)),
            x + 16.0,
            y + 40.0,
            escape(&format!(
                "{} · {active} active{}",
                plural(product_count, "product", "products"),
                if others > 0 { format!(" · {others} other") } else { String::new() }
            )),
        );
        // A bar of the archetype mix.
        let bar_width = grid.node_width - 32.0;
        let mut bar_x = x + 16.0;
        for (slot, &count) in by_archetype.iter().enumerate() {
            if count == 0 || product_count == 0 {
                continue;
            }
            let share = bar_width * count as f64 / product_count as f64;
            let fill = ARCHETYPE_COLOURS.get(slot).map_or("#dadce0", |colours| colours.1);
            let _ = write!(
                group,
                r#"<rect x="{bar_x:.1}" y="{:.1}" width="{share:.1}" height="8" fill="{fill}"/>"#,
                y + 52.0
            );
            bar_x += share;
        }
        group.push_str("</g>");
        match (&cluster.domain, links) {
            (Some(domain), true) => {
                let _ = writeln!(
                    text,
                    r#"<a href="{}">{group}</a>"#,
                    escape(&crate::catalog::domain_page(domain.as_str()))
                );
            }
            _ => {
                let _ = writeln!(text, "{group}");
            }
        }
    }
    text.push_str("</svg>\n");
    text
}

/// Fill and stroke of the archetypes: source-aligned, aggregate, consumer-aligned, none given.
const ARCHETYPE_COLOURS: [(&str, &str); 4] =
    [("#e8f0fe", "#1a73e8"), ("#e6f4ea", "#188038"), ("#f3e8fd", "#8430ce"), ("#f1f3f4", "#80868b")];

/// How a node is drawn.
struct Look {
    fill: &'static str,
    stroke: &'static str,
    dash: Option<&'static str>,
    opacity: f64,
    radius: f64,
    detail: String,
}

fn look_of(mesh: &Mesh, kind: NodeKind, id: &str) -> Look {
    match kind {
        NodeKind::Product => {
            let product = mesh.products.get(id);
            let archetype = product.and_then(|product| product.archetype);
            let (fill, stroke) = match archetype {
                Some(Archetype::SourceAligned) => ARCHETYPE_COLOURS[0],
                Some(Archetype::Aggregate) => ARCHETYPE_COLOURS[1],
                Some(Archetype::ConsumerAligned) => ARCHETYPE_COLOURS[2],
                None => ARCHETYPE_COLOURS[3],
            };
            let status = product.map_or(Status::Draft, |product| product.status.clone());
            let dash = match status {
                Status::Proposed => Some("2 3"),
                Status::Draft => Some("6 3"),
                _ => None,
            };
            let opacity = if matches!(status, Status::Deprecated | Status::Retired) { 0.55 } else { 1.0 };
            let archetype = archetype.map_or_else(|| "no archetype".to_owned(), |archetype| archetype.to_string());
            Look { fill, stroke, dash, opacity, radius: 6.0, detail: format!("{archetype} · {status}") }
        }
        NodeKind::SourceSystem => {
            let system = mesh.source_systems.get(id);
            let detail = system
                .and_then(|system| system.technology.clone().or_else(|| system.kind.clone()))
                .map_or_else(|| "source system".to_owned(), |what| format!("source · {what}"));
            Look { fill: "#f8f9fa", stroke: "#5f6368", dash: None, opacity: 1.0, radius: 2.0, detail }
        }
        NodeKind::Consumer => {
            let consumer = mesh.consumers.get(id);
            let detail = consumer
                .and_then(|consumer| consumer.kind.clone())
                .map_or_else(|| "consumer".to_owned(), |kind| format!("consumer · {kind}"));
            Look { fill: "#fef7e0", stroke: "#e37400", dash: None, opacity: 1.0, radius: 23.0, detail }
        }
    }
}

/// The opening of the document: size, title, subtitle, arrow marker and (for the expanded form) the legend.
fn open(title: &str, subtitle: &str, placement: &Placement, legend: bool) -> String {
    let width = placement.width.max(760.0).ceil();
    let height = placement.height.max(HEADER + 40.0).ceil();
    let mut text = String::new();
    let _ = writeln!(
        text,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}" role="img" aria-label="{}">"##,
        escape(title)
    );
    let _ = writeln!(text, "<title>{}</title>", escape(title));
    let _ = writeln!(
        text,
        r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{EDGE}"/></marker><marker id="arrow-fixed" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{EDGE}"/></marker></defs>"#
    );
    let _ = writeln!(text, r##"<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>"##);
    let _ = writeln!(
        text,
        r##"<text x="24" y="36" font-size="20" font-weight="bold" fill="#202124">{}</text><text x="24" y="58" font-size="12" fill="#5f6368">{}</text>"##,
        escape(&fit(title, 80)),
        escape(subtitle)
    );
    let mut x = 24.0;
    let y = 72.0;
    let mut swatch = |text: &mut String, label: &str, fill: &str, stroke: &str, dash: Option<&str>, radius: f64| {
        let dash = dash.map(|dash| format!(r#" stroke-dasharray="{dash}""#)).unwrap_or_default();
        let _ = write!(
            text,
            r##"<rect x="{x:.1}" y="{y:.1}" width="22" height="13" rx="{radius}" fill="{fill}" stroke="{stroke}" stroke-width="1.4"{dash}/><text x="{:.1}" y="{:.1}" font-size="11" fill="#3c4043">{}</text>"##,
            x + 28.0,
            y + 11.0,
            escape(label)
        );
        x += 34.0 + label.chars().count() as f64 * 6.6 + 14.0;
    };
    if legend {
        swatch(&mut text, "source-aligned", ARCHETYPE_COLOURS[0].0, ARCHETYPE_COLOURS[0].1, None, 3.0);
        swatch(&mut text, "aggregate", ARCHETYPE_COLOURS[1].0, ARCHETYPE_COLOURS[1].1, None, 3.0);
        swatch(&mut text, "consumer-aligned", ARCHETYPE_COLOURS[2].0, ARCHETYPE_COLOURS[2].1, None, 3.0);
        swatch(&mut text, "source system", "#f8f9fa", "#5f6368", None, 1.0);
        swatch(&mut text, "consumer", "#fef7e0", "#e37400", None, 6.5);
        swatch(&mut text, "proposed", "#ffffff", "#5f6368", Some("2 3"), 3.0);
        swatch(&mut text, "draft", "#ffffff", "#5f6368", Some("6 3"), 3.0);
        swatch(&mut text, "active", "#ffffff", "#5f6368", None, 3.0);
        let _ = write!(
            text,
            r##"<text x="{x:.1}" y="{:.1}" font-size="11" fill="#9aa0a6">faded: deprecated or retired</text>"##,
            y + 11.0
        );
    } else {
        swatch(&mut text, "source-aligned", ARCHETYPE_COLOURS[0].1, ARCHETYPE_COLOURS[0].1, None, 1.0);
        swatch(&mut text, "aggregate", ARCHETYPE_COLOURS[1].1, ARCHETYPE_COLOURS[1].1, None, 1.0);
        swatch(&mut text, "consumer-aligned", ARCHETYPE_COLOURS[2].1, ARCHETYPE_COLOURS[2].1, None, 1.0);
        let _ = write!(
            text,
            r##"<text x="{x:.1}" y="{:.1}" font-size="11" fill="#5f6368">one box per domain; edge width: number of dependencies</text>"##,
            y + 11.0
        );
    }
    text.push('\n');
    text
}

/// A curve from the right side of one node to the left side of another.
fn curve(from: (f64, f64), to: (f64, f64), grid: &Grid) -> String {
    let (start_x, start_y) = (from.0 + grid.node_width, from.1 + grid.node_height / 2.0);
    let (end_x, end_y) = (to.0 - 2.0, to.1 + grid.node_height / 2.0);
    let pull = ((end_x - start_x).abs() / 2.0).max(60.0);
    format!(
        "M{start_x:.1},{start_y:.1} C{:.1},{start_y:.1} {:.1},{end_y:.1} {end_x:.1},{end_y:.1}",
        start_x + pull,
        end_x - pull
    )
}

/// Text cut to `max` characters, with an ellipsis when cut.
fn fit(text: &str, max: usize) -> String {
    let max = max.max(4);
    let single_line: String =
        text.chars().map(|character| if character.is_control() { ' ' } else { character }).collect();
    if single_line.chars().count() <= max {
        single_line
    } else {
        let mut cut: String = single_line.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
