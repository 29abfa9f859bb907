//! Building the graph from a design, and keeping it current as the design is edited one entity at a time.
//!
//! Edges are derived from bindings: an input bound to contract C gets one edge from every output port that C
//! specifies, and an input bound to a source system gets an edge from that system. Both directions are indexed
//! in the contract and source system tables (who publishes C, who reads C), so an edit touches only the edges of
//! the entity it changes: editing one input port of a product removes and re-adds that product's incoming edges
//! and nothing else.

use super::hash::{FastMap, FastSet};
use super::{
    BindingTarget, Caches, ContractEntry, Dependency, DomainInfo, Input, MeshGraph, Node, NodeKind, Output, SourceEntry,
};
use crate::model::{
    Binding, Consumer, Contract, DataProduct, Domain, Entity, EntityKind, Id, Mesh, SourceSystem, Team,
};
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::{Dfs, EdgeRef};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Above this many new edges in one edit, a known-acyclic graph is not re-checked edge by edge: the cycles are
/// simply computed again on the next query.
const MAX_EDGES_CHECKED_FOR_NEW_CYCLES: usize = 16;

/// What an edit did to the edges, so that the caches it cannot have changed survive it.
#[derive(Debug, Default)]
struct EditEffect {
    added: Vec<(NodeIndex, NodeIndex)>,
    removed: bool,
    nodes_changed: bool,
}

impl EditEffect {
    fn is_structural(&self) -> bool {
        !self.added.is_empty() || self.removed || self.nodes_changed
    }
}

impl MeshGraph {
    /// The graph of a design.
    pub fn build(mesh: &Mesh) -> Self {
        let node_count = mesh.products.len() + mesh.source_systems.len() + mesh.consumers.len();
        let mut graph = Self::empty(mesh.settings.name.clone());
        graph.graph = StableGraph::with_capacity(node_count, mesh.dependencies().count());
        graph.products.reserve(mesh.products.len());
        graph.source_systems.reserve(mesh.source_systems.len());
        graph.consumers.reserve(mesh.consumers.len());
        graph.contract_symbols.reserve(mesh.contracts.len());
        graph.contract_table.reserve(mesh.contracts.len());
        for id in mesh.contracts.keys() {
            let symbol = graph.contract_symbol(id);
            if let Some(entry) = graph.contract_table.get_mut(symbol as usize) {
                entry.documented = true;
            }
        }
        for system in mesh.source_systems.values() {
            let node = graph.source_system_node(system);
            graph.insert_node(node);
        }
        for product in mesh.products.values() {
            let node = graph.product_node(product);
            graph.insert_node(node);
        }
        for consumer in mesh.consumers.values() {
            let node = graph.consumer_node(consumer);
            graph.insert_node(node);
        }
        graph.domains = mesh.domains.values().map(|domain| (domain.id.clone(), domain_info(domain))).collect();
        graph.teams = mesh.teams.values().map(|team| (team.id.clone(), team.name.clone())).collect();
        let mut effect = EditEffect::default();
        let nodes: Vec<NodeIndex> = graph.graph.node_indices().collect();
        for node in nodes {
            graph.connect_inputs(node, &mut effect);
        }
        graph
    }

    fn empty(name: String) -> Self {
        Self {
            graph: StableGraph::default(),
            products: FastMap::default(),
            source_systems: FastMap::default(),
            consumers: FastMap::default(),
            contract_symbols: FastMap::default(),
            contract_table: Vec::new(),
            source_symbols: FastMap::default(),
            source_table: Vec::new(),
            strings: FastSet::default(),
            domains: BTreeMap::new(),
            teams: BTreeMap::new(),
            name,
            caches: Caches::default(),
        }
    }

    /// Applies one edited entity: the unit the store journals and undoes.
    pub fn apply(&mut self, entity: &Entity) {
        match entity {
            Entity::Settings(settings) => self.name = settings.name.clone(),
            Entity::Domain(domain) => self.upsert_domain(domain),
            Entity::Team(team) => self.upsert_team(team),
            Entity::Product(product) => self.upsert_product(product),
            Entity::Contract(contract) => self.upsert_contract(contract),
            Entity::SourceSystem(system) => self.upsert_source_system(system),
            Entity::Consumer(consumer) => self.upsert_consumer(consumer),
            // Canvas positions are not part of the graph.
            Entity::Position(..) | Entity::Assessment(_) | Entity::Wave(_) | Entity::Canvas(_) | Entity::Note(_) => {}
        }
    }

    /// Applies the removal of one entity.
    pub fn apply_removal(&mut self, kind: EntityKind, key: &str) {
        match kind {
            EntityKind::Settings => self.name = crate::model::MeshSettings::default().name,
            EntityKind::Domain => self.remove_domain(key),
            EntityKind::Team => self.remove_team(key),
            EntityKind::Product => drop(self.remove_product(key)),
            EntityKind::Contract => self.remove_contract(key),
            EntityKind::SourceSystem => drop(self.remove_source_system(key)),
            EntityKind::Consumer => drop(self.remove_consumer(key)),
            EntityKind::Position
            | EntityKind::Assessment
            | EntityKind::Wave
            | EntityKind::Canvas
            | EntityKind::Note => {}
        }
    }

    /// Adds a product or replaces the one with its id. Only the edges of ports that changed are rebuilt.
    pub fn upsert_product(&mut self, product: &DataProduct) {
        let node = self.product_node(product);
        self.upsert_node(node);
    }

    /// Removes a product and its edges; returns whether the graph had it. Readers of its contracts keep their
    /// bindings and get their edges back if a product publishes those contracts again.
    pub fn remove_product(&mut self, id: &str) -> bool {
        self.remove_node(NodeKind::Product, id)
    }

    pub fn upsert_source_system(&mut self, system: &SourceSystem) {
        let node = self.source_system_node(system);
        self.upsert_node(node);
    }

    pub fn remove_source_system(&mut self, id: &str) -> bool {
        self.remove_node(NodeKind::SourceSystem, id)
    }

    pub fn upsert_consumer(&mut self, consumer: &Consumer) {
        let node = self.consumer_node(consumer);
        self.upsert_node(node);
    }

    pub fn remove_consumer(&mut self, id: &str) -> bool {
        self.remove_node(NodeKind::Consumer, id)
    }

    /// Contracts matter to the graph only as ids a query may name; edges come from the ports that cite them.
    pub fn upsert_contract(&mut self, contract: &Contract) {
        let symbol = self.contract_symbol(&contract.id);
        if let Some(entry) = self.contract_table.get_mut(symbol as usize) {
            entry.documented = true;
        }
    }

    pub fn remove_contract(&mut self, id: &str) {
        if let Some(&symbol) = self.contract_symbols.get(id)
            && let Some(entry) = self.contract_table.get_mut(symbol as usize)
        {
            entry.documented = false;
        }
    }

    pub fn upsert_domain(&mut self, domain: &Domain) {
        self.domains.insert(domain.id.clone(), domain_info(domain));
        self.caches.stats.take();
    }

    pub fn remove_domain(&mut self, id: &str) {
        self.domains.remove(id);
        self.caches.stats.take();
    }

    pub fn upsert_team(&mut self, team: &Team) {
        self.teams.insert(team.id.clone(), team.name.clone());
        self.caches.stats.take();
    }

    pub fn remove_team(&mut self, id: &str) {
        self.teams.remove(id);
        self.caches.stats.take();
    }

    fn upsert_node(&mut self, node: Node) {
        let mut effect = EditEffect::default();
        match self.index_of_kind(node.kind).get(&node.id).copied() {
            None => {
                let index = self.insert_node(node);
                effect.nodes_changed = true;
                self.connect_outputs(index, false, &mut effect);
                self.connect_inputs(index, &mut effect);
            }
            Some(index) => {
                let old = &self.graph[index];
                let inputs_changed = old.inputs != node.inputs;
                let outputs_changed = old.outputs != node.outputs;
                if !inputs_changed && !outputs_changed {
                    let old = &mut self.graph[index];
                    old.name = node.name;
                    old.domain = node.domain;
                    old.owner_team = node.owner_team;
                    self.caches.stats.take();
                    return;
                }
                self.unregister(index);
                if inputs_changed {
                    self.disconnect(index, Incoming, &mut effect);
                }
                if outputs_changed {
                    self.disconnect(index, Outgoing, &mut effect);
                }
                self.graph[index] = node;
                self.register(index);
                if outputs_changed {
                    // Edges from the node to itself come back with its inputs when those are reconnected too.
                    self.connect_outputs(index, !inputs_changed, &mut effect);
                }
                if inputs_changed {
                    self.connect_inputs(index, &mut effect);
                }
            }
        }
        self.settle_caches(&effect);
    }

    fn remove_node(&mut self, kind: NodeKind, id: &str) -> bool {
        let removed = match kind {
            NodeKind::Product => self.products.remove(id),
            NodeKind::SourceSystem => self.source_systems.remove(id),
            NodeKind::Consumer => self.consumers.remove(id),
        };
        let Some(index) = removed else {
            return false;
        };
        self.unregister(index);
        self.graph.remove_node(index);
        self.settle_caches(&EditEffect { added: Vec::new(), removed: true, nodes_changed: true });
        true
    }

    /// Adds a node and indexes it, without edges.
    fn insert_node(&mut self, node: Node) -> NodeIndex {
        let kind = node.kind;
        let id = node.id.clone();
        let index = self.graph.add_node(node);
        self.register(index);
        match kind {
            NodeKind::Product => self.products.insert(id, index),
            NodeKind::SourceSystem => self.source_systems.insert(id, index),
            NodeKind::Consumer => self.consumers.insert(id, index),
        };
        index
    }

    /// Records what a node is, publishes and reads in the contract and source system tables.
    fn register(&mut self, index: NodeIndex) {
        if self.graph[index].kind == NodeKind::SourceSystem {
            let id = self.graph[index].id.clone();
            let symbol = self.source_symbol(&id);
            if let Some(entry) = self.source_table.get_mut(symbol as usize) {
                entry.node = Some(index);
            }
        }
        let node = &self.graph[index];
        for output in &node.outputs {
            if let Some(entry) = output.contract.and_then(|symbol| self.contract_table.get_mut(symbol as usize)) {
                push_once(&mut entry.publishers, index);
            }
        }
        for input in &node.inputs {
            let readers = match input.target {
                BindingTarget::Contract(symbol) => {
                    self.contract_table.get_mut(symbol as usize).map(|entry| &mut entry.readers)
                }
                BindingTarget::SourceSystem(symbol) => {
                    self.source_table.get_mut(symbol as usize).map(|entry| &mut entry.readers)
                }
            };
            if let Some(readers) = readers {
                push_once(readers, index);
            }
        }
    }

    /// Removes a node from the contract and source system tables.
    fn unregister(&mut self, index: NodeIndex) {
        let node = &self.graph[index];
        if node.kind == NodeKind::SourceSystem
            && let Some(&symbol) = self.source_symbols.get(&node.id)
            && let Some(entry) = self.source_table.get_mut(symbol as usize)
        {
            entry.node = None;
        }
        for output in &node.outputs {
            if let Some(entry) = output.contract.and_then(|symbol| self.contract_table.get_mut(symbol as usize)) {
                entry.publishers.retain(|&publisher| publisher != index);
            }
        }
        for input in &node.inputs {
            let readers = match input.target {
                BindingTarget::Contract(symbol) => {
                    self.contract_table.get_mut(symbol as usize).map(|entry| &mut entry.readers)
                }
                BindingTarget::SourceSystem(symbol) => {
                    self.source_table.get_mut(symbol as usize).map(|entry| &mut entry.readers)
                }
            };
            if let Some(readers) = readers {
                readers.retain(|&reader| reader != index);
            }
        }
    }

    /// Adds the edges into a node: one per provider output that each of its inputs is bound to.
    fn connect_inputs(&mut self, reader: NodeIndex, effect: &mut EditEffect) {
        let mut new_edges = Vec::new();
        for (input_index, input) in self.graph[reader].inputs.iter().enumerate() {
            let input_index = input_index as u32;
            match input.target {
                BindingTarget::Contract(symbol) => {
                    let publishers =
                        self.contract_table.get(symbol as usize).map_or(&[][..], |entry| &entry.publishers);
                    for &provider in publishers {
                        for (output_index, output) in self.graph[provider].outputs.iter().enumerate() {
                            if output.contract == Some(symbol) {
                                let dependency = Dependency { input: input_index, output: Some(output_index as u32) };
                                new_edges.push((provider, dependency));
                            }
                        }
                    }
                }
                BindingTarget::SourceSystem(symbol) => {
                    if let Some(provider) = self.source_table.get(symbol as usize).and_then(|entry| entry.node) {
                        new_edges.push((provider, Dependency { input: input_index, output: None }));
                    }
                }
            }
        }
        for (provider, dependency) in new_edges {
            self.graph.add_edge(provider, reader, dependency);
            effect.added.push((provider, reader));
        }
    }

    /// Adds the edges out of a node to everyone already bound to what it provides.
    fn connect_outputs(&mut self, provider: NodeIndex, include_self: bool, effect: &mut EditEffect) {
        let mut new_edges = Vec::new();
        let node = &self.graph[provider];
        match node.kind {
            NodeKind::Product => {
                for (output_index, output) in node.outputs.iter().enumerate() {
                    let Some(symbol) = output.contract else { continue };
                    let readers = self.contract_table.get(symbol as usize).map_or(&[][..], |entry| &entry.readers);
                    let target = BindingTarget::Contract(symbol);
                    let output = Some(output_index as u32);
                    self.edges_to_readers(provider, readers, include_self, output, target, &mut new_edges);
                }
            }
            NodeKind::SourceSystem => {
                if let Some(&symbol) = self.source_symbols.get(&node.id) {
                    let readers = self.source_table.get(symbol as usize).map_or(&[][..], |entry| &entry.readers);
                    let target = BindingTarget::SourceSystem(symbol);
                    self.edges_to_readers(provider, readers, include_self, None, target, &mut new_edges);
                }
            }
            NodeKind::Consumer => {}
        }
        for (reader, dependency) in new_edges {
            self.graph.add_edge(provider, reader, dependency);
            effect.added.push((provider, reader));
        }
    }

    /// The edges from `provider` (through `output`) to each input of `readers` bound to `target`.
    fn edges_to_readers(
        &self,
        provider: NodeIndex,
        readers: &[NodeIndex],
        include_self: bool,
        output: Option<u32>,
        target: BindingTarget,
        edges: &mut Vec<(NodeIndex, Dependency)>,
    ) {
        for &reader in readers {
            if reader == provider && !include_self {
                continue;
            }
            for (input_index, input) in self.graph[reader].inputs.iter().enumerate() {
                if input.target == target {
                    edges.push((reader, Dependency { input: input_index as u32, output }));
                }
            }
        }
    }

    /// Removes a node's edges in one direction.
    fn disconnect(&mut self, index: NodeIndex, direction: petgraph::Direction, effect: &mut EditEffect) {
        let edges: Vec<_> = self.graph.edges_directed(index, direction).map(|edge| edge.id()).collect();
        effect.removed |= !edges.is_empty();
        for edge in edges {
            self.graph.remove_edge(edge);
        }
    }

    /// Drops the derived results an edit of a node may have changed. The cycle list survives an edit that cannot have
    /// made a cycle: on a graph known to be acyclic, removing anything, or adding edges none of which closes a
    /// path back to its own start.
    fn settle_caches(&mut self, effect: &EditEffect) {
        // Stats count ports and unresolved bindings too, which change even when no edge does.
        self.caches.stats.take();
        if !effect.is_structural() {
            return;
        }
        self.caches.structure.take();
        self.caches.layers.take();
        let known_acyclic = self.caches.cycles.get().is_some_and(Vec::is_empty);
        let still_acyclic = known_acyclic
            && effect.added.len() <= MAX_EDGES_CHECKED_FOR_NEW_CYCLES
            && effect.added.iter().all(|&(from, to)| from != to && !self.reaches(to, from));
        if !still_acyclic {
            self.caches.cycles.take();
        }
    }

    /// Whether a path leads from `start` to `goal`.
    fn reaches(&self, start: NodeIndex, goal: NodeIndex) -> bool {
        let mut search = Dfs::new(&self.graph, start);
        while let Some(node) = search.next(&self.graph) {
            if node == goal {
                return true;
            }
        }
        false
    }
}

fn push_once(list: &mut Vec<NodeIndex>, index: NodeIndex) {
    if !list.contains(&index) {
        list.push(index);
    }
}

impl MeshGraph {
    /// The table entry of a contract id, made on first mention.
    fn contract_symbol(&mut self, id: &Id) -> u32 {
        if let Some(&symbol) = self.contract_symbols.get(id) {
            return symbol;
        }
        let symbol = self.contract_table.len() as u32;
        self.contract_table.push(ContractEntry {
            id: id.clone(),
            publishers: Vec::new(),
            readers: Vec::new(),
            documented: false,
        });
        self.contract_symbols.insert(id.clone(), symbol);
        symbol
    }

    /// The table entry of a source system id, made on first mention.
    fn source_symbol(&mut self, id: &Id) -> u32 {
        if let Some(&symbol) = self.source_symbols.get(id) {
            return symbol;
        }
        let symbol = self.source_table.len() as u32;
        self.source_table.push(SourceEntry { id: id.clone(), node: None, readers: Vec::new() });
        self.source_symbols.insert(id.clone(), symbol);
        symbol
    }

    /// One shared copy of a port name or version.
    fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.strings.insert(Arc::clone(&shared));
        shared
    }

    fn input(&mut self, port: Option<&str>, binding: &Binding) -> Input {
        let target = match binding {
            Binding::Contract { contract_id, .. } => BindingTarget::Contract(self.contract_symbol(contract_id)),
            Binding::SourceSystem { source_system, .. } => {
                BindingTarget::SourceSystem(self.source_symbol(source_system))
            }
        };
        Input { port: port.map(|port| self.intern(port)), target, version: self.intern(binding.version()) }
    }

    fn product_node(&mut self, product: &DataProduct) -> Node {
        let inputs = product.input_ports.iter().map(|port| self.input(Some(&port.name), &port.source)).collect();
        let outputs = product
            .output_ports
            .iter()
            .map(|port| Output {
                port: self.intern(&port.name),
                contract: port.contract_id.as_ref().map(|id| self.contract_symbol(id)),
                version: self.intern(&port.version),
            })
            .collect();
        Node {
            kind: NodeKind::Product,
            id: product.id.clone(),
            name: product.name.clone(),
            domain: product.domain.clone(),
            owner_team: product.owner_team.clone(),
            inputs,
            outputs,
        }
    }

    fn source_system_node(&mut self, system: &SourceSystem) -> Node {
        Node {
            kind: NodeKind::SourceSystem,
            id: system.id.clone(),
            name: system.name.clone(),
            domain: system.domain.clone(),
            owner_team: None,
            inputs: Vec::new(),
            outputs: Vec::new(),
        }
    }

    fn consumer_node(&mut self, consumer: &Consumer) -> Node {
        let inputs = consumer.inputs.iter().map(|binding| self.input(None, binding)).collect();
        Node {
            kind: NodeKind::Consumer,
            id: consumer.id.clone(),
            name: consumer.name.clone(),
            domain: consumer.domain.clone(),
            owner_team: consumer.owner_team.clone(),
            inputs,
            outputs: Vec::new(),
        }
    }
}

fn domain_info(domain: &Domain) -> DomainInfo {
    DomainInfo { name: domain.name.clone(), owner_team: domain.owner_team.clone(), color: domain.color.clone() }
}
