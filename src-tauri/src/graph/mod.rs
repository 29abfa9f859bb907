//! The mesh as a graph: who breaks if a contract changes (impact), where a report's data comes from (lineage),
//! which products are tangled in cycles, coupling figures (stats), and a rollout order (layers).
//!
//! Nodes are data products, source systems and consumers; an edge runs from a provider to whoever reads it and
//! carries the output port and the contract (id and pinned version) it goes through. petgraph stays private to
//! this module: the public API speaks in ids, and no `NodeIndex` leaves it. The graph is a `StableGraph`, so
//! indices survive deletions, and it is kept up to date by edits (`apply`, `upsert_product`, …) rather than
//! rebuilt. Derived results (strongly connected components, layers, stats, cycles) are computed on first use,
//! cached, and dropped by the edits that change them; impact and lineage are breadth-first walks over the live
//! graph, cheap enough to run per query.
//!
//! Ids live in separate namespaces in the model (a consumer may share an id with a product). A query id is looked
//! up as a product, then a consumer, a source system and a contract; `PRODUCT/PORT` names an output port, and a
//! prefix (`product:`, `consumer:`, `source:`, `contract:`) settles an ambiguity.

mod build;
mod cycles;
mod error;
mod hash;
mod layers;
mod reach;
mod render;
mod resolve;
mod stats;
mod structure;

pub use cycles::Cycle;
pub use error::GraphError;
pub use layers::{Layer, Layers};
pub use reach::{Direction, Gap, Reach, ReachedNode};
pub use render::{Diagram, DiagramCluster, DiagramEdge, DiagramNode, Scope};
pub use resolve::{TargetKind, TargetRef};
pub use stats::{
    BottleneckProduct, CriticalPath, DomainDependency, DomainStats, GraphStats, ProductStats, StatsTotals, TeamLoad,
};

use crate::model::{Binding, Id};
use hash::{FastMap, FastSet};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The three kinds of node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    Product,
    SourceSystem,
    Consumer,
}

impl NodeKind {
    /// The spelling used in messages and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Product => "product",
            Self::SourceSystem => "source system",
            Self::Consumer => "consumer",
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// A node named by kind and id: the stable way results point at nodes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct NodeRef {
    pub kind: NodeKind,
    pub id: Id,
}

/// One dependency edge, as results report it: from the provider to the reader, through an output port and its
/// contract (or straight from a source system, with no port and no contract).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Edge {
    pub from: NodeRef,
    pub to: NodeRef,
    /// The provider's output port; `None` for an edge from a source system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_port: Option<String>,
    /// The contract the edge goes through; `None` for an edge from a source system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<Id>,
    /// The version the reader pins.
    pub version: String,
    /// The reader's input port; consumers' inputs have no port name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_port: Option<String>,
}

/// What the graph keeps of a product, source system or consumer.
#[derive(Debug, Clone, PartialEq)]
struct Node {
    kind: NodeKind,
    id: Id,
    name: String,
    domain: Option<Id>,
    owner_team: Option<Id>,
    inputs: Vec<Input>,
    outputs: Vec<Output>,
}

impl Node {
    fn reference(&self) -> NodeRef {
        NodeRef { kind: self.kind, id: self.id.clone() }
    }
}

/// An input port of a product, or one input of a consumer.
#[derive(Debug, Clone, PartialEq)]
struct Input {
    port: Option<Arc<str>>,
    target: BindingTarget,
    version: Arc<str>,
}

/// What an input is bound to: an entry of the contract table or of the source system table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BindingTarget {
    Contract(u32),
    SourceSystem(u32),
}

/// An output port of a product.
#[derive(Debug, Clone, PartialEq)]
struct Output {
    port: Arc<str>,
    contract: Option<u32>,
    version: Arc<str>,
}

/// The weight of an edge: which input of the reader and which output of the provider it joins. The names and
/// versions live on the nodes, so an edge costs eight bytes; an edit that changes a node's ports rebuilds the
/// edges that point into those lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dependency {
    input: u32,
    /// `None` for an edge from a source system.
    output: Option<u32>,
}

/// A contract id that the design mentions anywhere, with who publishes and who reads it. Inputs and outputs
/// refer to contracts by their index in the table, so building the graph copies each contract id once and
/// matches bindings by number. Entries are never removed; one that nothing mentions any more is simply unknown.
#[derive(Debug, Clone)]
struct ContractEntry {
    id: Id,
    /// Products with an output port specified by it.
    publishers: Vec<NodeIndex>,
    /// Nodes with an input bound to it, whether or not anyone publishes it.
    readers: Vec<NodeIndex>,
    /// Whether the design holds the contract as a document.
    documented: bool,
}

impl ContractEntry {
    fn is_known(&self) -> bool {
        self.documented || !self.publishers.is_empty() || !self.readers.is_empty()
    }
}

/// A source system id that the design mentions, with its node (if the design has it) and who reads it.
#[derive(Debug, Clone)]
struct SourceEntry {
    id: Id,
    node: Option<NodeIndex>,
    readers: Vec<NodeIndex>,
}

/// A domain's name, owner and colour, for stats and diagrams.
#[derive(Debug, Clone, PartialEq)]
struct DomainInfo {
    name: String,
    owner_team: Option<Id>,
    color: Option<String>,
}

type Graph = StableGraph<Node, Dependency>;

/// Results derived from the graph, computed on first use and dropped by the edits that change them.
#[derive(Debug, Default)]
struct Caches {
    structure: OnceLock<structure::Structure>,
    cycles: OnceLock<Vec<Cycle>>,
    layers: OnceLock<Layers>,
    stats: OnceLock<GraphStats>,
}

/// The dependency graph of a design.
#[derive(Debug)]
pub struct MeshGraph {
    graph: Graph,
    products: FastMap<Id, NodeIndex>,
    source_systems: FastMap<Id, NodeIndex>,
    consumers: FastMap<Id, NodeIndex>,
    contract_symbols: FastMap<Id, u32>,
    contract_table: Vec<ContractEntry>,
    source_symbols: FastMap<Id, u32>,
    source_table: Vec<SourceEntry>,
    /// Port names and versions, shared: a design repeats them a lot.
    strings: FastSet<Arc<str>>,
    domains: BTreeMap<Id, DomainInfo>,
    teams: BTreeMap<Id, String>,
    name: String,
    caches: Caches,
}

impl MeshGraph {
    /// The design's name, for diagram titles.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn product_count(&self) -> usize {
        self.products.len()
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Resolved dependency edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every edge of the graph, sorted: the design's resolved dependencies.
    pub fn edges(&self) -> Vec<Edge> {
        let mut edges: Vec<Edge> = self.graph.edge_indices().filter_map(|edge| self.edge(edge)).collect();
        edges.sort();
        edges
    }

    /// The public form of an edge.
    fn edge(&self, edge: EdgeIndex) -> Option<Edge> {
        let (from, to) = self.graph.edge_endpoints(edge)?;
        let dependency = self.graph.edge_weight(edge)?;
        let provider = &self.graph[from];
        let reader = &self.graph[to];
        let input = reader.inputs.get(dependency.input as usize)?;
        let output = dependency.output.and_then(|output| provider.outputs.get(output as usize));
        Some(Edge {
            from: provider.reference(),
            to: reader.reference(),
            output_port: output.map(|output| output.port.to_string()),
            contract: output.and_then(|output| self.contract_id(output.contract?)).cloned(),
            version: input.version.to_string(),
            input_port: input.port.as_deref().map(str::to_owned),
        })
    }

    /// The contract id an edge goes through, or "" for an edge from a source system: a sort key.
    fn edge_contract(&self, edge: EdgeIndex) -> &str {
        let contract =
            self.graph.edge_endpoints(edge).zip(self.graph.edge_weight(edge)).and_then(|((from, _), dependency)| {
                let output = self.graph[from].outputs.get(dependency.output? as usize)?;
                self.contract_id(output.contract?)
            });
        contract.map_or("", Id::as_str)
    }

    fn contract_id(&self, symbol: u32) -> Option<&Id> {
        self.contract_table.get(symbol as usize).map(|entry| &entry.id)
    }

    fn contract_entry(&self, id: &str) -> Option<&ContractEntry> {
        self.contract_symbols.get(id).and_then(|&symbol| self.contract_table.get(symbol as usize))
    }

    /// The binding an input was made from, as the model spells it.
    fn binding(&self, input: &Input) -> Option<Binding> {
        let version = input.version.to_string();
        Some(match input.target {
            BindingTarget::Contract(symbol) => {
                Binding::Contract { contract_id: self.contract_id(symbol)?.clone(), version }
            }
            BindingTarget::SourceSystem(symbol) => {
                Binding::SourceSystem { source_system: self.source_table.get(symbol as usize)?.id.clone(), version }
            }
        })
    }

    /// Whether an input is bound to something the design has: a published contract, an existing source system.
    fn is_resolved(&self, input: &Input) -> bool {
        match input.target {
            BindingTarget::Contract(symbol) => {
                self.contract_table.get(symbol as usize).is_some_and(|entry| !entry.publishers.is_empty())
            }
            BindingTarget::SourceSystem(symbol) => {
                self.source_table.get(symbol as usize).is_some_and(|entry| entry.node.is_some())
            }
        }
    }

    /// The index map of one kind of node.
    fn index_of_kind(&self, kind: NodeKind) -> &FastMap<Id, NodeIndex> {
        match kind {
            NodeKind::Product => &self.products,
            NodeKind::SourceSystem => &self.source_systems,
            NodeKind::Consumer => &self.consumers,
        }
    }

    /// Product nodes, by id.
    fn sorted_products(&self) -> Vec<NodeIndex> {
        let mut products: Vec<(&Id, NodeIndex)> = self.products.iter().map(|(id, index)| (id, *index)).collect();
        products.sort_unstable_by(|left, right| left.0.cmp(right.0));
        products.into_iter().map(|(_, index)| index).collect()
    }
}
