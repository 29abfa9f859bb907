//! Dependency cycles: every strongly connected component of more than one product, and every product that reads
//! its own contract, with the edges inside it and a set of edges that close it.

use super::{Edge, MeshGraph};
use crate::model::Id;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::HashMap;

/// One cycle: products that all depend on each other, directly or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cycle {
    /// The products in the cycle, by id.
    pub members: Vec<Id>,
    /// Every edge between two members (including a product's edge to itself), sorted.
    pub edges: Vec<Edge>,
    /// Edges that close the cycle: the back edges of a depth-first walk from the smallest member, taking
    /// neighbours by id. Removing them all leaves the members acyclic, so they are the candidates to cut.
    pub closing_edges: Vec<Edge>,
}

impl MeshGraph {
    /// Every dependency cycle, ordered by their smallest member.
    pub fn cycles(&self) -> &[Cycle] {
        self.caches.cycles.get_or_init(|| self.compute_cycles())
    }

    /// Whether the design has no dependency cycle.
    pub fn is_acyclic(&self) -> bool {
        self.cycles().is_empty()
    }

    fn compute_cycles(&self) -> Vec<Cycle> {
        let structure = self.structure();
        let mut cycles: Vec<Cycle> = structure
            .members
            .iter()
            .enumerate()
            .filter(|(component, _)| structure.cyclic.get(*component).copied().unwrap_or(false))
            .map(|(component, members)| self.cycle(members, component))
            .collect();
        cycles.sort_by(|left, right| left.members.cmp(&right.members));
        cycles
    }

    fn cycle(&self, members: &[NodeIndex], component: usize) -> Cycle {
        let structure = self.structure();
        let mut sorted: Vec<NodeIndex> = members.to_vec();
        sorted.sort_by(|left, right| self.graph[*left].id.cmp(&self.graph[*right].id));
        // The edges inside the component, from each member, ordered by the id of their target, then contract.
        let internal: HashMap<NodeIndex, Vec<EdgeIndex>> = sorted
            .iter()
            .map(|&node| {
                let mut edges: Vec<EdgeIndex> = self
                    .graph
                    .edges(node)
                    .filter(|edge| structure.component(edge.target()) == component)
                    .map(|edge| edge.id())
                    .collect();
                edges.sort_by_cached_key(|&edge| {
                    let target = self.graph.edge_endpoints(edge).map(|(_, to)| self.graph[to].id.clone());
                    (target, self.edge_contract(edge).to_owned())
                });
                (node, edges)
            })
            .collect();
        let closing = self.back_edges(&sorted, &internal);
        let mut edges: Vec<Edge> = internal.values().flatten().filter_map(|&edge| self.edge(edge)).collect();
        edges.sort();
        let mut closing_edges: Vec<Edge> = closing.into_iter().filter_map(|edge| self.edge(edge)).collect();
        closing_edges.sort();
        Cycle { members: sorted.iter().map(|&node| self.graph[node].id.clone()).collect(), edges, closing_edges }
    }

    /// The back edges of an iterative depth-first walk over the members, smallest id first.
    fn back_edges(&self, sorted: &[NodeIndex], internal: &HashMap<NodeIndex, Vec<EdgeIndex>>) -> Vec<EdgeIndex> {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Unvisited,
            OnPath,
            Done,
        }
        let mut state: HashMap<NodeIndex, State> = sorted.iter().map(|&node| (node, State::Unvisited)).collect();
        let mut back = Vec::new();
        let no_edges = Vec::new();
        for &root in sorted {
            if state.get(&root) != Some(&State::Unvisited) {
                continue;
            }
            state.insert(root, State::OnPath);
            let mut stack: Vec<(NodeIndex, usize)> = vec![(root, 0)];
            while let Some((node, position)) = stack.last().copied() {
                let edges = internal.get(&node).unwrap_or(&no_edges);
                let Some(&edge) = edges.get(position) else {
                    state.insert(node, State::Done);
                    stack.pop();
                    continue;
                };
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                let Some((_, next)) = self.graph.edge_endpoints(edge) else { continue };
                match state.get(&next) {
                    Some(State::OnPath) => back.push(edge),
                    Some(State::Unvisited) => {
                        state.insert(next, State::OnPath);
                        stack.push((next, 0));
                    }
                    _ => {}
                }
            }
        }
        back
    }
}
