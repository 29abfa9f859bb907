//! Who reads whom, product by product, from the design's bindings: the input of the ranking (cross-domain
//! inputs, consumers reached) and of the wave proposal. Cycles come from the dependency graph's components, so
//! a cycle's members are planned together.

use crate::graph::MeshGraph;
use crate::model::{Binding, Id, Mesh, Status};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// The product-level dependencies of a design.
#[derive(Debug, Clone, Default)]
pub struct Dependencies {
    /// Product → the other products it reads.
    pub upstream: BTreeMap<Id, BTreeSet<Id>>,
    /// Product → the other products that read it.
    pub downstream: HashMap<Id, BTreeSet<Id>>,
    /// Product → the consumers that read it directly.
    pub consumers: HashMap<Id, BTreeSet<Id>>,
    /// The dependency cycles, each a group of products that go live together.
    pub cycles: Vec<Vec<Id>>,
}

impl Dependencies {
    pub fn of(mesh: &Mesh) -> Self {
        let mut publishers: HashMap<&Id, Vec<&Id>> = HashMap::new();
        for product in mesh.products.values() {
            for port in &product.output_ports {
                if let Some(contract) = &port.contract_id {
                    publishers.entry(contract).or_default().push(&product.id);
                }
            }
        }
        let mut dependencies = Self::default();
        for product in mesh.products.values() {
            let upstream = dependencies.upstream.entry(product.id.clone()).or_default();
            for port in &product.input_ports {
                let Binding::Contract { contract_id, .. } = &port.source else { continue };
                for provider in publishers.get(contract_id).into_iter().flatten() {
                    if **provider != product.id {
                        upstream.insert((*provider).clone());
                    }
                }
            }
        }
        for (reader, providers) in &dependencies.upstream {
            for provider in providers {
                dependencies.downstream.entry(provider.clone()).or_default().insert(reader.clone());
            }
        }
        for consumer in mesh.consumers.values() {
            for binding in &consumer.inputs {
                let Binding::Contract { contract_id, .. } = binding else { continue };
                for provider in publishers.get(contract_id).into_iter().flatten() {
                    dependencies.consumers.entry((*provider).clone()).or_default().insert(consumer.id.clone());
                }
            }
        }
        let graph = MeshGraph::build(mesh);
        dependencies.cycles = graph.cycles().iter().map(|cycle| cycle.members.clone()).collect();
        dependencies
    }

    /// The distinct consumers downstream of any of `products`, through any chain of products.
    pub fn consumers_reached<'a>(&self, products: impl IntoIterator<Item = &'a Id>) -> BTreeSet<Id> {
        let mut seen: BTreeSet<&Id> = BTreeSet::new();
        let mut queue: VecDeque<&Id> = VecDeque::new();
        for product in products {
            if seen.insert(product) {
                queue.push_back(product);
            }
        }
        let mut reached = BTreeSet::new();
        while let Some(product) = queue.pop_front() {
            reached.extend(self.consumers.get(product).into_iter().flatten().cloned());
            for reader in self.downstream.get(product).into_iter().flatten() {
                if seen.insert(reader) {
                    queue.push_back(reader);
                }
            }
        }
        reached
    }
}

/// Whether a product is live already and needs no wave.
pub fn is_live(status: &Status) -> bool {
    matches!(status, Status::Active | Status::Deprecated)
}
