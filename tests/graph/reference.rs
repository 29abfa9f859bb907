//! A brute-force reading of a design's dependency graph, written without the engine's graph module, for the
//! property tests to compare against: edges straight from the bindings, reachability by one search per node,
//! components by mutual reachability, layers and longest chains by relaxing edges until nothing changes.

use meshwright::graph::NodeKind;
use meshwright::model::{Binding, Mesh};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// A node, by kind and id.
pub type Node = (NodeKind, String);

/// One dependency edge, as the model's bindings define it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReferenceEdge {
    pub from: Node,
    pub to: Node,
    pub output_port: Option<String>,
    pub contract: Option<String>,
    pub version: String,
    pub input_port: Option<String>,
}

#[derive(Debug)]
pub struct Reference {
    pub nodes: BTreeSet<Node>,
    pub edges: Vec<ReferenceEdge>,
    pub domain: BTreeMap<Node, Option<String>>,
    /// Every node's reachable set (itself included only through a cycle).
    pub reach: BTreeMap<Node, BTreeSet<Node>>,
}

impl Reference {
    pub fn new(mesh: &Mesh) -> Self {
        let mut nodes = BTreeSet::new();
        let mut domain = BTreeMap::new();
        for product in mesh.products.values() {
            let node = (NodeKind::Product, product.id.to_string());
            domain.insert(node.clone(), product.domain.as_ref().map(ToString::to_string));
            nodes.insert(node);
        }
        for system in mesh.source_systems.values() {
            let node = (NodeKind::SourceSystem, system.id.to_string());
            domain.insert(node.clone(), system.domain.as_ref().map(ToString::to_string));
            nodes.insert(node);
        }
        for consumer in mesh.consumers.values() {
            let node = (NodeKind::Consumer, consumer.id.to_string());
            domain.insert(node.clone(), consumer.domain.as_ref().map(ToString::to_string));
            nodes.insert(node);
        }
        let mut readers: Vec<(Node, Option<String>, &Binding)> = Vec::new();
        for product in mesh.products.values() {
            for port in &product.input_ports {
                readers.push(((NodeKind::Product, product.id.to_string()), Some(port.name.clone()), &port.source));
            }
        }
        for consumer in mesh.consumers.values() {
            for binding in &consumer.inputs {
                readers.push(((NodeKind::Consumer, consumer.id.to_string()), None, binding));
            }
        }
        let mut edges = Vec::new();
        for (reader, input_port, binding) in readers {
            match binding {
                Binding::Contract { contract_id, version } => {
                    for provider in mesh.products.values() {
                        for port in &provider.output_ports {
                            if port.contract_id.as_ref() == Some(contract_id) {
                                edges.push(ReferenceEdge {
                                    from: (NodeKind::Product, provider.id.to_string()),
                                    to: reader.clone(),
                                    output_port: Some(port.name.clone()),
                                    contract: Some(contract_id.to_string()),
                                    version: version.clone(),
                                    input_port: input_port.clone(),
                                });
                            }
                        }
                    }
                }
                Binding::SourceSystem { source_system, version } => {
                    if mesh.source_systems.contains_key(source_system) {
                        edges.push(ReferenceEdge {
                            from: (NodeKind::SourceSystem, source_system.to_string()),
                            to: reader.clone(),
                            output_port: None,
                            contract: None,
                            version: version.clone(),
                            input_port: input_port.clone(),
                        });
                    }
                }
            }
        }
        edges.sort();
        let mut reference = Self { nodes, edges, domain, reach: BTreeMap::new() };
        let reach = reference
            .nodes
            .iter()
            .map(|node| {
                let successors: Vec<(Node, usize)> =
                    reference.successors(node).into_iter().map(|next| (next, 1)).collect();
                (node.clone(), reference.distances(&successors, true).into_keys().collect())
            })
            .collect();
        reference.reach = reach;
        reference
    }

    fn successors(&self, node: &Node) -> Vec<Node> {
        self.edges.iter().filter(|edge| &edge.from == node).map(|edge| edge.to.clone()).collect()
    }

    /// Breadth-first distances from seeds (each with its own starting distance), downstream or upstream.
    pub fn distances(&self, seeds: &[(Node, usize)], downstream: bool) -> BTreeMap<Node, usize> {
        let mut distance: BTreeMap<Node, usize> = BTreeMap::new();
        let mut queue: VecDeque<Node> = VecDeque::new();
        let mut sorted = seeds.to_vec();
        sorted.sort_by_key(|(_, start)| *start);
        for (node, start) in sorted {
            if !distance.contains_key(&node) {
                distance.insert(node.clone(), start);
                queue.push_back(node);
            }
        }
        while let Some(node) = queue.pop_front() {
            let here = distance.get(&node).copied().unwrap_or(0);
            for edge in &self.edges {
                let (near, far) = if downstream { (&edge.from, &edge.to) } else { (&edge.to, &edge.from) };
                if near == &node && !distance.contains_key(far) {
                    distance.insert(far.clone(), here + 1);
                    queue.push_back(far.clone());
                }
            }
        }
        distance
    }

    /// The strongly connected component of a node: itself and everything it reaches that reaches it back.
    pub fn component(&self, node: &Node) -> BTreeSet<Node> {
        let mut members: BTreeSet<Node> = self
            .reach
            .get(node)
            .into_iter()
            .flatten()
            .filter(|other| self.reach.get(*other).is_some_and(|back| back.contains(node)))
            .cloned()
            .collect();
        members.insert(node.clone());
        members
    }

    /// Components of two or more nodes, and single nodes with an edge to themselves.
    pub fn cycles(&self) -> BTreeSet<BTreeSet<Node>> {
        self.nodes
            .iter()
            .filter(|node| self.reach.get(*node).is_some_and(|reach| reach.contains(*node)))
            .map(|node| self.component(node))
            .collect()
    }

    pub fn internal_edges(&self, members: &BTreeSet<Node>) -> Vec<&ReferenceEdge> {
        self.edges.iter().filter(|edge| members.contains(&edge.from) && members.contains(&edge.to)).collect()
    }

    /// Product components, as a map from each product to its component's smallest member.
    fn product_components(&self) -> BTreeMap<Node, Node> {
        self.nodes
            .iter()
            .filter(|node| node.0 == NodeKind::Product)
            .map(|node| {
                let first = self.component(node).into_iter().next().unwrap_or_else(|| node.clone());
                (node.clone(), first)
            })
            .collect()
    }

    /// Edges between different product components, as pairs of components.
    fn component_edges(&self, components: &BTreeMap<Node, Node>) -> BTreeSet<(Node, Node)> {
        self.edges
            .iter()
            .filter_map(|edge| Some((components.get(&edge.from)?.clone(), components.get(&edge.to)?.clone())))
            .filter(|(from, to)| from != to)
            .collect()
    }

    /// Every product's layer: 0 without upstream products, else one more than its latest upstream component.
    pub fn layers(&self) -> BTreeMap<String, usize> {
        let components = self.product_components();
        let edges = self.component_edges(&components);
        let mut layer: BTreeMap<Node, usize> = components.values().map(|component| (component.clone(), 0)).collect();
        for _ in 0..=components.len() {
            for (from, to) in &edges {
                let candidate = layer.get(from).copied().unwrap_or(0) + 1;
                if layer.get(to).copied().unwrap_or(0) < candidate {
                    layer.insert(to.clone(), candidate);
                }
            }
        }
        components
            .iter()
            .map(|(product, component)| (product.1.clone(), layer.get(component).copied().unwrap_or(0)))
            .collect()
    }

    /// The number of products on the longest chain of product components, each weighing its size.
    pub fn critical_path_length(&self) -> usize {
        let components = self.product_components();
        let edges = self.component_edges(&components);
        let mut size: BTreeMap<Node, usize> = BTreeMap::new();
        for component in components.values() {
            *size.entry(component.clone()).or_insert(0) += 1;
        }
        let mut best = size.clone();
        for _ in 0..=components.len() {
            for (from, to) in &edges {
                let candidate = best.get(from).copied().unwrap_or(0) + size.get(to).copied().unwrap_or(0);
                if best.get(to).copied().unwrap_or(0) < candidate {
                    best.insert(to.clone(), candidate);
                }
            }
        }
        best.values().copied().max().unwrap_or(0)
    }

    /// Whether these edges, among these nodes, leave no cycle (Kahn's algorithm).
    pub fn acyclic(nodes: &BTreeSet<Node>, edges: &[&ReferenceEdge]) -> bool {
        let mut incoming: BTreeMap<&Node, usize> = nodes.iter().map(|node| (node, 0)).collect();
        for edge in edges {
            *incoming.entry(&edge.to).or_insert(0) += 1;
        }
        let mut ready: Vec<&Node> = incoming.iter().filter(|(_, count)| **count == 0).map(|(node, _)| *node).collect();
        let mut removed = 0;
        while let Some(node) = ready.pop() {
            removed += 1;
            for edge in edges.iter().filter(|edge| &edge.from == node) {
                if let Some(count) = incoming.get_mut(&edge.to) {
                    *count -= 1;
                    if *count == 0 {
                        ready.push(&edge.to);
                    }
                }
            }
        }
        removed == incoming.len()
    }
}
