//! Diagrams of the graph: Mermaid flowcharts and Graphviz DOT, of the whole design or of the neighbourhood of one
//! node, with domains drawn as clusters. Output is deterministic: the same design gives the same text.

use super::resolve::Target;
use super::{GraphError, MeshGraph, Node, NodeKind};
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// What a diagram shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every node.
    Whole,
    /// The nodes up to `depth` edges upstream and downstream of one product, port, contract, source system or
    /// consumer (a contract or port counts from the product that publishes it).
    Around { id: String, depth: usize },
}

/// A diagram as plain data, for renderers outside this module (the SVG/PNG pictures): the nodes grouped by
/// domain, and the edges between them by node index.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// The design's name.
    pub title: String,
    /// Domains in id order, then the nodes with no domain (`domain: None`) last.
    pub clusters: Vec<DiagramCluster>,
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
}

/// A domain of a diagram, with the nodes it holds (indices into [`Diagram::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramCluster {
    pub domain: Option<crate::model::Id>,
    pub name: String,
    /// The domain's colour as `#rrggbb`, when it has a valid one.
    pub color: Option<String>,
    pub nodes: Vec<usize>,
}

/// A product, source system or consumer of a diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramNode {
    pub kind: NodeKind,
    pub id: crate::model::Id,
    pub name: String,
    /// The node (or one of the nodes) a neighbourhood was drawn around.
    pub focus: bool,
}

/// A dependency of a diagram, from the provider to the reader (indices into [`Diagram::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramEdge {
    pub from: usize,
    pub to: usize,
    /// The contract and pinned version; `None` for an edge from a source system.
    pub label: Option<String>,
}

/// The part of the graph a diagram shows.
struct Selection<'graph> {
    /// Nodes grouped by domain (`None` last), each group by kind and id.
    clusters: Vec<(Option<&'graph crate::model::Id>, Vec<NodeIndex>)>,
    edges: Vec<EdgeIndex>,
    focus: Vec<NodeIndex>,
}

impl MeshGraph {
    /// The design, or a neighbourhood of it, as a Mermaid flowchart.
    pub fn mermaid(&self, scope: &Scope) -> Result<String, GraphError> {
        let selection = self.select(scope)?;
        let mut names: HashMap<NodeIndex, String> = HashMap::new();
        let mut taken: HashSet<String> = HashSet::new();
        for (_, nodes) in &selection.clusters {
            for &node in nodes {
                let weight = &self.graph[node];
                let prefix = match weight.kind {
                    NodeKind::Product => "p_",
                    NodeKind::SourceSystem => "s_",
                    NodeKind::Consumer => "c_",
                };
                names.insert(node, unique_name(&format!("{prefix}{}", mermaid_name(weight.id.as_str())), &mut taken));
            }
        }
        let mut text = String::new();
        let _ = writeln!(text, "---\ntitle: \"{}\"\n---", self.name.replace(['"', '\n', '\r'], "'"));
        let _ = writeln!(text, "flowchart LR");
        for (domain, nodes) in &selection.clusters {
            let indent = match domain {
                Some(domain) => {
                    let name = self.domains.get(*domain).map_or(domain.as_str(), |info| info.name.as_str());
                    let cluster = unique_name(&format!("d_{}", mermaid_name(domain.as_str())), &mut taken);
                    let _ = writeln!(text, "  subgraph {cluster}[\"{}\"]", mermaid_text(name));
                    "    "
                }
                None => "  ",
            };
            for node in nodes {
                let weight = &self.graph[*node];
                let label =
                    format!("{}<br/><small>{}</small>", mermaid_text(&weight.name), mermaid_text(weight.id.as_str()));
                let name = names.get(node).map_or("", String::as_str);
                let _ = match weight.kind {
                    NodeKind::Product => writeln!(text, "{indent}{name}[\"{label}\"]"),
                    NodeKind::SourceSystem => writeln!(text, "{indent}{name}[(\"{label}\")]"),
                    NodeKind::Consumer => writeln!(text, "{indent}{name}([\"{label}\"])"),
                };
            }
            if domain.is_some() {
                let _ = writeln!(text, "  end");
            }
        }
        for &edge in &selection.edges {
            let Some((from, to)) = self.graph.edge_endpoints(edge) else { continue };
            let (Some(from), Some(to)) = (names.get(&from), names.get(&to)) else { continue };
            match self.edge_label(edge) {
                Some(label) => {
                    let _ = writeln!(text, "  {from} -->|\"{}\"| {to}", mermaid_text(&label));
                }
                None => {
                    let _ = writeln!(text, "  {from} -.-> {to}");
                }
            }
        }
        let _ = writeln!(text, "  classDef product fill:#e8f0fe,stroke:#1a73e8,color:#202124");
        let _ = writeln!(text, "  classDef source fill:#f1f3f4,stroke:#5f6368,color:#202124");
        let _ = writeln!(text, "  classDef consumer fill:#fef7e0,stroke:#e37400,color:#202124");
        let _ = writeln!(text, "  classDef focus stroke-width:3px");
        for (kind, class) in
            [(NodeKind::Product, "product"), (NodeKind::SourceSystem, "source"), (NodeKind::Consumer, "consumer")]
        {
            let members: Vec<&str> = selection
                .clusters
                .iter()
                .flat_map(|(_, nodes)| nodes)
                .filter(|node| self.graph[**node].kind == kind)
                .filter_map(|node| names.get(node).map(String::as_str))
                .collect();
            if !members.is_empty() {
                let _ = writeln!(text, "  class {} {class}", members.join(","));
            }
        }
        let focus: Vec<&str> = selection.focus.iter().filter_map(|node| names.get(node).map(String::as_str)).collect();
        if !focus.is_empty() {
            let _ = writeln!(text, "  class {} focus", focus.join(","));
        }
        Ok(text)
    }

    /// The design, or a neighbourhood of it, as a Graphviz DOT digraph.
    pub fn dot(&self, scope: &Scope) -> Result<String, GraphError> {
        let selection = self.select(scope)?;
        let mut text = String::new();
        let title = dot_text(&self.name);
        let _ = writeln!(text, "digraph \"{title}\" {{");
        let _ = writeln!(text, "  graph [rankdir=LR, fontname=\"Helvetica\", label=\"{title}\", labelloc=t];");
        let _ = writeln!(
            text,
            "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\", color=\"#1a73e8\"];"
        );
        let _ = writeln!(text, "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#5f6368\"];");
        for (domain, nodes) in &selection.clusters {
            let indent = match domain {
                Some(domain) => {
                    let info = self.domains.get(*domain);
                    let name = info.map_or(domain.as_str(), |info| info.name.as_str());
                    let color = info.and_then(|info| info.color.as_deref()).filter(|color| is_hex_color(color));
                    let _ = writeln!(text, "  subgraph \"cluster_{}\" {{", dot_text(domain.as_str()));
                    let _ = writeln!(
                        text,
                        "    label=\"{}\"; style=\"rounded\"; color=\"{}\";",
                        dot_text(name),
                        color.unwrap_or("#9aa0a6")
                    );
                    "    "
                }
                None => "  ",
            };
            for node in nodes {
                let weight = &self.graph[*node];
                let label = format!("{}\\n{}", dot_text(&weight.name), dot_text(weight.id.as_str()));
                let style = match weight.kind {
                    NodeKind::Product => "",
                    NodeKind::SourceSystem => ", shape=cylinder, fillcolor=\"#f1f3f4\", color=\"#5f6368\"",
                    NodeKind::Consumer => ", shape=ellipse, fillcolor=\"#fef7e0\", color=\"#e37400\"",
                };
                let focus = if selection.focus.contains(node) { ", penwidth=3" } else { "" };
                let _ = writeln!(text, "{indent}\"{}\" [label=\"{label}\"{style}{focus}];", dot_node(weight));
            }
            if domain.is_some() {
                let _ = writeln!(text, "  }}");
            }
        }
        for &edge in &selection.edges {
            let Some((from, to)) = self.graph.edge_endpoints(edge) else { continue };
            let (from, to) = (dot_node(&self.graph[from]), dot_node(&self.graph[to]));
            match self.edge_label(edge) {
                Some(label) => {
                    let _ = writeln!(text, "  \"{from}\" -> \"{to}\" [label=\"{}\"];", dot_text(&label));
                }
                None => {
                    let _ = writeln!(text, "  \"{from}\" -> \"{to}\" [style=dashed];");
                }
            }
        }
        let _ = writeln!(text, "}}");
        Ok(text)
    }

    /// The design, or a neighbourhood of it, as plain data for a renderer.
    pub fn diagram(&self, scope: &Scope) -> Result<Diagram, GraphError> {
        let selection = self.select(scope)?;
        let mut positions: HashMap<NodeIndex, usize> = HashMap::new();
        let mut nodes = Vec::new();
        let mut clusters = Vec::new();
        for (domain, members) in &selection.clusters {
            let info = domain.and_then(|domain| self.domains.get(domain));
            let mut indices = Vec::with_capacity(members.len());
            for &member in members {
                let weight = &self.graph[member];
                positions.insert(member, nodes.len());
                indices.push(nodes.len());
                nodes.push(DiagramNode {
                    kind: weight.kind,
                    id: weight.id.clone(),
                    name: weight.name.clone(),
                    focus: selection.focus.contains(&member),
                });
            }
            clusters.push(DiagramCluster {
                domain: domain.cloned(),
                name: match (domain, info) {
                    (_, Some(info)) => info.name.clone(),
                    (Some(domain), None) => domain.to_string(),
                    (None, None) => "No domain".to_owned(),
                },
                color: info.and_then(|info| info.color.clone()).filter(|color| is_hex_color(color)),
                nodes: indices,
            });
        }
        let edges = selection
            .edges
            .iter()
            .filter_map(|&edge| {
                let (from, to) = self.graph.edge_endpoints(edge)?;
                Some(DiagramEdge {
                    from: *positions.get(&from)?,
                    to: *positions.get(&to)?,
                    label: self.edge_label(edge),
                })
            })
            .collect();
        Ok(Diagram { title: self.name.clone(), clusters, nodes, edges })
    }

    /// An edge's label: its contract and pinned version; `None` for an edge from a source system.
    fn edge_label(&self, edge: EdgeIndex) -> Option<String> {
        let edge = self.edge(edge)?;
        Some(format!("{} {}", edge.contract?, edge.version))
    }

    fn select(&self, scope: &Scope) -> Result<Selection<'_>, GraphError> {
        let (nodes, focus): (HashSet<NodeIndex>, Vec<NodeIndex>) = match scope {
            Scope::Whole => (self.graph.node_indices().collect(), Vec::new()),
            Scope::Around { id, depth } => {
                let focus = match self.resolve(id)? {
                    Target::Node(index) => vec![index],
                    Target::Port { product, .. } => vec![product],
                    Target::Contract(contract) => match self.contract_entry(contract.as_str()) {
                        Some(entry) if !entry.publishers.is_empty() => entry.publishers.clone(),
                        Some(entry) => entry.readers.clone(),
                        None => Vec::new(),
                    },
                };
                let mut nodes: HashSet<NodeIndex> = focus.iter().copied().collect();
                for direction in [Outgoing, Incoming] {
                    let mut frontier = focus.clone();
                    let mut seen: HashSet<NodeIndex> = focus.iter().copied().collect();
                    for _ in 0..*depth {
                        let mut next = Vec::new();
                        for node in frontier {
                            for neighbour in self.graph.neighbors_directed(node, direction) {
                                if seen.insert(neighbour) {
                                    next.push(neighbour);
                                }
                            }
                        }
                        nodes.extend(next.iter().copied());
                        frontier = next;
                    }
                }
                (nodes, focus)
            }
        };
        let mut by_domain: BTreeMap<Option<&crate::model::Id>, Vec<NodeIndex>> = BTreeMap::new();
        for &node in &nodes {
            by_domain.entry(self.graph[node].domain.as_ref()).or_default().push(node);
        }
        let mut clusters: Vec<(Option<&crate::model::Id>, Vec<NodeIndex>)> = by_domain.into_iter().collect();
        for (_, members) in &mut clusters {
            members.sort_by(|left, right| {
                let (left, right) = (&self.graph[*left], &self.graph[*right]);
                order_of(left.kind).cmp(&order_of(right.kind)).then_with(|| left.id.cmp(&right.id))
            });
        }
        if clusters.first().is_some_and(|(domain, _)| domain.is_none()) {
            clusters.rotate_left(1);
        }
        let mut edges: Vec<EdgeIndex> = self
            .graph
            .edge_references()
            .filter(|edge| nodes.contains(&edge.source()) && nodes.contains(&edge.target()))
            .map(|edge| edge.id())
            .collect();
        edges.sort_by_cached_key(|&edge| self.edge(edge));
        let mut focus = focus;
        focus.sort_by(|left, right| self.graph[*left].id.cmp(&self.graph[*right].id));
        Ok(Selection { clusters, edges, focus })
    }
}

/// Source systems first, then products, then consumers: the order data flows in.
fn order_of(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::SourceSystem => 0,
        NodeKind::Product => 1,
        NodeKind::Consumer => 2,
    }
}

/// A Mermaid node name: letters, digits and `_` only.
fn mermaid_name(id: &str) -> String {
    id.chars().map(|character| if character.is_ascii_alphanumeric() { character } else { '_' }).collect()
}

/// `name`, or `name_2`, `name_3`… when two ids flatten to the same name.
fn unique_name(name: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = name.to_owned();
    let mut number = 2;
    while taken.contains(&candidate) {
        candidate = format!("{name}_{number}");
        number += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Text inside a quoted Mermaid label, with the characters Mermaid reads as syntax written as entity codes.
fn mermaid_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '#' => escaped.push_str("#35;"),
            '"' => escaped.push_str("#34;"),
            '<' => escaped.push_str("#60;"),
            '>' => escaped.push_str("#62;"),
            '|' => escaped.push_str("#124;"),
            '\n' | '\r' => escaped.push(' '),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Text inside a quoted DOT string.
fn dot_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '\n' | '\r' => escaped.push(' '),
            other => escaped.push(other),
        }
    }
    escaped
}

/// A DOT node id: kind and id, which ids' character set makes safe inside quotes.
fn dot_node(node: &Node) -> String {
    let kind = match node.kind {
        NodeKind::Product => "product",
        NodeKind::SourceSystem => "source",
        NodeKind::Consumer => "consumer",
    };
    format!("{kind}:{}", node.id)
}

fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text.chars().skip(1).all(|character| character.is_ascii_hexdigit())
}
