//! The strongly connected components of the graph and the condensed graph between them, in topological order:
//! the shared ground of cycles, layers and stats. Computed once per version of the graph and cached.

use super::{Graph, MeshGraph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, NodeIndexable};

/// The graph condensed to its strongly connected components.
#[derive(Debug)]
pub(super) struct Structure {
    /// The component of every node slot, by `NodeIndex::index()`; `u32::MAX` for vacant slots.
    pub component_of: Vec<u32>,
    /// The members of each component; components in topological order (providers before their readers).
    pub members: Vec<Vec<NodeIndex>>,
    /// The components each component has an edge to, other than itself, deduplicated: `successors[start[c]..
    /// start[c + 1]]`.
    successor_start: Vec<u32>,
    successor_list: Vec<u32>,
    /// Whether a component is a cycle: two or more members, or one with an edge to itself.
    pub cyclic: Vec<bool>,
    /// Whether a component's members are products (components of several nodes always are).
    pub products: Vec<bool>,
}

impl Structure {
    fn compute(graph: &Graph) -> Self {
        // Kosaraju's algorithm walks with an explicit stack, so a long chain of products cannot overflow the
        // call stack; it yields components sinks first.
        let mut members = petgraph::algo::kosaraju_scc(graph);
        members.reverse();
        let mut component_of = vec![u32::MAX; graph.node_bound()];
        for (component, nodes) in members.iter().enumerate() {
            for node in nodes {
                component_of[node.index()] = component as u32;
            }
        }
        let mut successor_start = Vec::with_capacity(members.len() + 1);
        let mut successor_list = Vec::with_capacity(graph.edge_count());
        let mut cyclic = Vec::with_capacity(members.len());
        let mut products = Vec::with_capacity(members.len());
        let mut scratch = Vec::new();
        for (component, nodes) in members.iter().enumerate() {
            successor_start.push(successor_list.len() as u32);
            scratch.clear();
            let mut self_edge = false;
            for &node in nodes {
                for edge in graph.edges(node) {
                    let other = component_of[edge.target().index()];
                    if other == component as u32 {
                        self_edge = true;
                    } else {
                        scratch.push(other);
                    }
                }
            }
            scratch.sort_unstable();
            scratch.dedup();
            successor_list.extend_from_slice(&scratch);
            cyclic.push(nodes.len() > 1 || self_edge);
            products.push(nodes.iter().any(|&node| graph[node].kind == NodeKind::Product));
        }
        successor_start.push(successor_list.len() as u32);
        Self { component_of, members, successor_start, successor_list, cyclic, products }
    }

    pub fn component_count(&self) -> usize {
        self.members.len()
    }

    /// The components `component` has an edge to.
    pub fn successors(&self, component: usize) -> &[u32] {
        let start = self.successor_start.get(component).copied().unwrap_or(0) as usize;
        let end = self.successor_start.get(component + 1).copied().unwrap_or(0) as usize;
        self.successor_list.get(start..end).unwrap_or(&[])
    }

    pub fn component(&self, node: NodeIndex) -> usize {
        self.component_of.get(node.index()).copied().unwrap_or(u32::MAX) as usize
    }
}

impl MeshGraph {
    pub(super) fn structure(&self) -> &Structure {
        self.caches.structure.get_or_init(|| Structure::compute(&self.graph))
    }
}
