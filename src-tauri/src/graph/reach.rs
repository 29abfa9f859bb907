//! Impact and lineage: breadth-first walks downstream (who breaks if this changes) and upstream (where does this
//! come from), each reached node with its shortest path.
//!
//! When several shortest paths lead to a node, the one chosen does not depend on the order edits happened in:
//! the last hop comes from the candidate nearest the target with the smallest id (then kind, contract id and port
//! names), and so on back to the target. A fresh build and an edited graph of the same design give the same paths.

use super::resolve::Target;
use super::{Edge, MeshGraph, NodeKind, NodeRef, TargetRef};
use crate::model::{Binding, Id};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, NodeIndexable};
use serde::Serialize;
use std::collections::BTreeSet;

/// Which way a walk goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Downstream: everything that reads the target, directly or through other products.
    Impact,
    /// Upstream: everything the target reads, back to the source systems.
    Lineage,
}

/// The answer to `impact` or `lineage`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reach {
    pub direction: Direction,
    pub target: TargetRef,
    /// Every node reached, nearest first, then by id. The target itself is not listed, except that the lineage
    /// of a contract or port starts at the product that publishes it (distance 0).
    pub nodes: Vec<ReachedNode>,
    /// How many of the nodes are products and consumers.
    pub products: usize,
    pub consumers: usize,
    /// The domains and owner teams of the nodes reached.
    pub domains: Vec<Id>,
    pub teams: Vec<Id>,
    /// Lineage: the source systems the data comes from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source_systems: Vec<Id>,
    /// Lineage: inputs on the way (of the target or of a node reached) bound to nothing the design has, where the
    /// trail goes cold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
}

impl Reach {
    /// The node reached with this id, if any.
    pub fn node(&self, id: &str) -> Option<&ReachedNode> {
        self.nodes.iter().find(|node| node.id.as_str() == id)
    }
}

/// One node of an impact or lineage.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReachedNode {
    pub kind: NodeKind,
    pub id: Id,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_team: Option<Id>,
    /// Edges between the target and this node.
    pub distance: usize,
    /// A shortest path, in the direction data flows: from the target down to this node (impact), or from this
    /// node down to the target (lineage). Every hop names the output port and contract it goes through.
    pub path: Vec<Edge>,
}

/// An input bound to a contract nobody publishes, or to a source system the design does not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    pub node: NodeRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_port: Option<String>,
    pub binding: Binding,
}

/// The sort key of a hop among equally short ones.
#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct HopKey<'graph> {
    id: &'graph str,
    kind: Option<NodeKind>,
    contract: &'graph str,
    output_port: &'graph str,
    input_port: &'graph str,
}

impl MeshGraph {
    /// Everything downstream of a product, port, contract or source system, transitively: who is affected when
    /// it changes.
    pub fn impact(&self, id: &str) -> Result<Reach, super::GraphError> {
        let target = self.resolve(id)?;
        Ok(self.reach(&target, Direction::Impact))
    }

    /// Everything upstream of a product, consumer, port or contract, back to the source systems.
    pub fn lineage(&self, id: &str) -> Result<Reach, super::GraphError> {
        let target = self.resolve(id)?;
        Ok(self.reach(&target, Direction::Lineage))
    }

    fn reach(&self, target: &Target, direction: Direction) -> Reach {
        let walk = match direction {
            Direction::Impact => petgraph::Direction::Outgoing,
            Direction::Lineage => petgraph::Direction::Incoming,
        };
        let bound = self.graph.node_bound();
        let mut distance = vec![u32::MAX; bound];
        let mut via: Vec<Option<EdgeIndex>> = vec![None; bound];
        let mut reached: Vec<NodeIndex> = Vec::new();
        let mut frontier: Vec<NodeIndex> = Vec::new();
        let mut level: u32 = 0;
        let mut starts: Vec<NodeIndex> = Vec::new();
        match (target, direction) {
            (Target::Node(index), _) => {
                distance[index.index()] = 0;
                frontier.push(*index);
                starts.push(*index);
            }
            (Target::Port { product, output }, Direction::Impact) => {
                let seeds = self
                    .graph
                    .edges_directed(*product, walk)
                    .filter(|edge| edge.weight().output.is_some_and(|index| index as usize == *output));
                for edge in seeds {
                    self.visit(edge.id(), edge.target(), 1, direction, &mut distance, &mut via, &mut frontier);
                }
                level = 1;
            }
            (Target::Contract(contract), Direction::Impact) => {
                let symbol = self.contract_symbols.get(contract).copied();
                for &publisher in self.contract_entry(contract.as_str()).map_or(&[][..], |entry| &entry.publishers) {
                    let outputs = &self.graph[publisher].outputs;
                    let seeds = self.graph.edges_directed(publisher, walk).filter(|edge| {
                        edge.weight()
                            .output
                            .and_then(|index| outputs.get(index as usize))
                            .is_some_and(|output| output.contract.is_some() && output.contract == symbol)
                    });
                    for edge in seeds {
                        self.visit(edge.id(), edge.target(), 1, direction, &mut distance, &mut via, &mut frontier);
                    }
                }
                level = 1;
            }
            (Target::Port { product, .. }, Direction::Lineage) => {
                distance[product.index()] = 0;
                frontier.push(*product);
            }
            (Target::Contract(contract), Direction::Lineage) => {
                for &publisher in self.contract_entry(contract.as_str()).map_or(&[][..], |entry| &entry.publishers) {
                    distance[publisher.index()] = 0;
                    frontier.push(publisher);
                }
            }
        }
        reached.extend(frontier.iter().filter(|node| !starts.contains(node)));
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &node in &frontier {
                for edge in self.graph.edges_directed(node, walk) {
                    let other = if direction == Direction::Impact { edge.target() } else { edge.source() };
                    self.visit(edge.id(), other, level + 1, direction, &mut distance, &mut via, &mut next);
                }
            }
            reached.extend(next.iter().copied());
            frontier = next;
            level += 1;
        }
        self.reach_result(target, direction, reached, &distance, &via, &starts)
    }

    /// Records that `node` is `node_distance` edges from the target through `edge`, keeping the canonical
    /// predecessor when it already had one at that distance.
    #[allow(clippy::too_many_arguments)]
    fn visit(
        &self,
        edge: EdgeIndex,
        node: NodeIndex,
        node_distance: u32,
        direction: Direction,
        distance: &mut [u32],
        via: &mut [Option<EdgeIndex>],
        discovered: &mut Vec<NodeIndex>,
    ) {
        let slot = node.index();
        if distance[slot] == u32::MAX {
            distance[slot] = node_distance;
            via[slot] = Some(edge);
            discovered.push(node);
        } else if distance[slot] == node_distance
            && let Some(current) = via[slot]
            && self.hop_key(edge, direction) < self.hop_key(current, direction)
        {
            via[slot] = Some(edge);
        }
    }

    /// The order among equally short hops: the end nearer the target by id and kind, then the contract, then the
    /// output and input port names (parallel edges differ only there).
    fn hop_key(&self, edge: EdgeIndex, direction: Direction) -> HopKey<'_> {
        let ends = self.graph.edge_endpoints(edge);
        let dependency = self.graph.edge_weight(edge);
        let (Some((from, to)), Some(dependency)) = (ends, dependency) else {
            return HopKey::default();
        };
        let nearer = &self.graph[if direction == Direction::Impact { from } else { to }];
        let output = dependency.output.and_then(|index| self.graph[from].outputs.get(index as usize));
        let input = self.graph[to].inputs.get(dependency.input as usize);
        HopKey {
            id: nearer.id.as_str(),
            kind: Some(nearer.kind),
            contract: output.and_then(|output| self.contract_id(output.contract?)).map_or("", Id::as_str),
            output_port: output.map_or("", |output| &output.port),
            input_port: input.and_then(|input| input.port.as_deref()).unwrap_or(""),
        }
    }

    fn reach_result(
        &self,
        target: &Target,
        direction: Direction,
        mut reached: Vec<NodeIndex>,
        distance: &[u32],
        via: &[Option<EdgeIndex>],
        starts: &[NodeIndex],
    ) -> Reach {
        reached.sort_unstable_by(|left, right| {
            let (left_node, right_node) = (&self.graph[*left], &self.graph[*right]);
            distance[left.index()]
                .cmp(&distance[right.index()])
                .then_with(|| left_node.id.cmp(&right_node.id))
                .then_with(|| left_node.kind.cmp(&right_node.kind))
        });
        let mut domains = BTreeSet::new();
        let mut teams = BTreeSet::new();
        let mut source_systems = Vec::new();
        let (mut products, mut consumers) = (0, 0);
        let nodes: Vec<ReachedNode> = reached
            .iter()
            .map(|&index| {
                let node = &self.graph[index];
                domains.extend(node.domain.iter());
                teams.extend(node.owner_team.iter());
                match node.kind {
                    NodeKind::Product => products += 1,
                    NodeKind::Consumer => consumers += 1,
                    NodeKind::SourceSystem => source_systems.push(node.id.clone()),
                }
                let node_distance = distance[index.index()];
                ReachedNode {
                    kind: node.kind,
                    id: node.id.clone(),
                    name: node.name.clone(),
                    domain: node.domain.clone(),
                    owner_team: node.owner_team.clone(),
                    distance: node_distance as usize,
                    path: self.path(index, node_distance, direction, via),
                }
            })
            .collect();
        source_systems.sort_unstable();
        let gaps = match direction {
            Direction::Impact => Vec::new(),
            Direction::Lineage => self.gaps(starts.iter().chain(&reached).copied()),
        };
        Reach {
            direction,
            target: self.target_ref(target),
            nodes,
            products,
            consumers,
            domains: domains.into_iter().cloned().collect(),
            teams: teams.into_iter().cloned().collect(),
            source_systems,
            gaps,
        }
    }

    /// The recorded shortest path between the target and `node`, in the direction data flows.
    fn path(&self, node: NodeIndex, hops: u32, direction: Direction, via: &[Option<EdgeIndex>]) -> Vec<Edge> {
        let mut path = Vec::with_capacity(hops as usize);
        let mut current = node;
        for _ in 0..hops {
            let Some(edge) = via[current.index()] else { break };
            let Some((from, to)) = self.graph.edge_endpoints(edge) else { break };
            path.extend(self.edge(edge));
            current = if direction == Direction::Impact { from } else { to };
        }
        if direction == Direction::Impact {
            path.reverse();
        }
        path
    }

    /// Inputs of these nodes that are bound to nothing the design has.
    fn gaps(&self, nodes: impl Iterator<Item = NodeIndex>) -> Vec<Gap> {
        let mut gaps = Vec::new();
        for index in nodes {
            let node = &self.graph[index];
            for input in &node.inputs {
                if self.is_resolved(input) {
                    continue;
                }
                if let Some(binding) = self.binding(input) {
                    let input_port = input.port.as_deref().map(str::to_owned);
                    gaps.push(Gap { node: node.reference(), input_port, binding });
                }
            }
        }
        gaps.sort_by(|left, right| {
            (&left.node, &left.input_port, left.binding.target(), left.binding.version()).cmp(&(
                &right.node,
                &right.input_port,
                right.binding.target(),
                right.binding.version(),
            ))
        });
        gaps.dedup();
        gaps
    }
}
