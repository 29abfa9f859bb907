//! Who publishes and who reads each contract, who owns what, and which names repeat: the lookups the rules need,
//! kept up to date one entity at a time so a re-check after an edit does not rebuild them.

use super::findings::EntityRef;
use crate::model::{Binding, Consumer, Contract, DataProduct, Domain, EntityKind, Id, Mesh, Wave};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// The lookups governance rules share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DesignIndex {
    /// Contract id → products with an output port it specifies.
    pub publishers: HashMap<Id, BTreeSet<Id>>,
    /// Contract id → products and consumers with an input bound to it.
    pub contract_readers: HashMap<Id, BTreeSet<EntityRef>>,
    /// Source system id → products and consumers reading it.
    pub source_readers: HashMap<Id, BTreeSet<EntityRef>>,
    /// Team id → the domains, products and consumers it owns.
    pub team_owned: HashMap<Id, BTreeSet<EntityRef>>,
    /// Domain id → its products.
    pub domain_products: HashMap<Id, BTreeSet<Id>>,
    /// Lower-cased product name → products with it.
    pub product_names: HashMap<String, BTreeSet<Id>>,
    /// Lower-cased contract name → contracts with it.
    pub contract_names: HashMap<String, BTreeSet<Id>>,
    /// Product id → the waves (number, wave id) that name it by itself.
    pub product_waves: HashMap<Id, BTreeSet<(u32, Id)>>,
    /// Domain id → the waves (number, wave id) that take the whole domain.
    pub domain_waves: HashMap<Id, BTreeSet<(u32, Id)>>,
}

fn insert<K: std::hash::Hash + Eq, V: Ord>(map: &mut HashMap<K, BTreeSet<V>>, key: K, value: V) {
    map.entry(key).or_default().insert(value);
}

fn remove<V: Ord>(map: &mut HashMap<Id, BTreeSet<V>>, key: &Id, value: &V) {
    if let Some(set) = map.get_mut(key) {
        set.remove(value);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

fn remove_name(map: &mut HashMap<String, BTreeSet<Id>>, name: &str, id: &Id) {
    let key = name.trim().to_lowercase();
    if let Some(set) = map.get_mut(&key) {
        set.remove(id);
        if set.is_empty() {
            map.remove(&key);
        }
    }
}

impl DesignIndex {
    pub fn build(mesh: &Mesh) -> Self {
        let mut index = Self::default();
        for domain in mesh.domains.values() {
            index.add_domain(domain);
        }
        for product in mesh.products.values() {
            index.add_product(product);
        }
        for contract in mesh.contracts.values() {
            index.add_contract(contract);
        }
        for consumer in mesh.consumers.values() {
            index.add_consumer(consumer);
        }
        for wave in mesh.waves.values() {
            index.add_wave(wave);
        }
        index
    }

    fn reader_add(&mut self, reader: &EntityRef, binding: &Binding) {
        match binding {
            Binding::Contract { contract_id, .. } => {
                insert(&mut self.contract_readers, contract_id.clone(), reader.clone())
            }
            Binding::SourceSystem { source_system, .. } => {
                insert(&mut self.source_readers, source_system.clone(), reader.clone())
            }
        }
    }

    fn reader_remove(&mut self, reader: &EntityRef, binding: &Binding) {
        match binding {
            Binding::Contract { contract_id, .. } => remove(&mut self.contract_readers, contract_id, reader),
            Binding::SourceSystem { source_system, .. } => remove(&mut self.source_readers, source_system, reader),
        }
    }

    pub fn add_product(&mut self, product: &DataProduct) {
        let reference = EntityRef::new(EntityKind::Product, product.id.as_str());
        for port in &product.output_ports {
            if let Some(contract) = &port.contract_id {
                insert(&mut self.publishers, contract.clone(), product.id.clone());
            }
        }
        for port in &product.input_ports {
            self.reader_add(&reference, &port.source);
        }
        if let Some(team) = &product.owner_team {
            insert(&mut self.team_owned, team.clone(), reference.clone());
        }
        if let Some(domain) = &product.domain {
            insert(&mut self.domain_products, domain.clone(), product.id.clone());
        }
        insert(&mut self.product_names, product.name.trim().to_lowercase(), product.id.clone());
    }

    pub fn remove_product(&mut self, product: &DataProduct) {
        let reference = EntityRef::new(EntityKind::Product, product.id.as_str());
        for port in &product.output_ports {
            if let Some(contract) = &port.contract_id {
                remove(&mut self.publishers, contract, &product.id);
            }
        }
        for port in &product.input_ports {
            self.reader_remove(&reference, &port.source);
        }
        if let Some(team) = &product.owner_team {
            remove(&mut self.team_owned, team, &reference);
        }
        if let Some(domain) = &product.domain {
            remove(&mut self.domain_products, domain, &product.id);
        }
        remove_name(&mut self.product_names, &product.name, &product.id);
    }

    pub fn add_contract(&mut self, contract: &Contract) {
        if let Some(name) = &contract.name {
            insert(&mut self.contract_names, name.trim().to_lowercase(), contract.id.clone());
        }
    }

    pub fn remove_contract(&mut self, contract: &Contract) {
        if let Some(name) = &contract.name {
            remove_name(&mut self.contract_names, name, &contract.id);
        }
    }

    pub fn add_consumer(&mut self, consumer: &Consumer) {
        let reference = EntityRef::new(EntityKind::Consumer, consumer.id.as_str());
        for binding in &consumer.inputs {
            self.reader_add(&reference, binding);
        }
        if let Some(team) = &consumer.owner_team {
            insert(&mut self.team_owned, team.clone(), reference);
        }
    }

    pub fn remove_consumer(&mut self, consumer: &Consumer) {
        let reference = EntityRef::new(EntityKind::Consumer, consumer.id.as_str());
        for binding in &consumer.inputs {
            self.reader_remove(&reference, binding);
        }
        if let Some(team) = &consumer.owner_team {
            remove(&mut self.team_owned, team, &reference);
        }
    }

    pub fn add_domain(&mut self, domain: &Domain) {
        if let Some(team) = &domain.owner_team {
            insert(&mut self.team_owned, team.clone(), EntityRef::new(EntityKind::Domain, domain.id.as_str()));
        }
    }

    pub fn remove_domain(&mut self, domain: &Domain) {
        if let Some(team) = &domain.owner_team {
            remove(&mut self.team_owned, team, &EntityRef::new(EntityKind::Domain, domain.id.as_str()));
        }
    }

    pub fn add_wave(&mut self, wave: &Wave) {
        for product in &wave.products {
            insert(&mut self.product_waves, product.clone(), (wave.number, wave.id.clone()));
        }
        for domain in &wave.domains {
            insert(&mut self.domain_waves, domain.clone(), (wave.number, wave.id.clone()));
        }
    }

    pub fn remove_wave(&mut self, wave: &Wave) {
        let entry = (wave.number, wave.id.clone());
        for product in &wave.products {
            remove(&mut self.product_waves, product, &entry);
        }
        for domain in &wave.domains {
            remove(&mut self.domain_waves, domain, &entry);
        }
    }

    /// The wave a product goes live in: the earliest wave naming it, else the earliest wave taking its domain.
    pub fn wave_of(&self, product: &DataProduct) -> Option<&(u32, Id)> {
        self.product_waves.get(&product.id).and_then(|waves| waves.first()).or_else(|| {
            product.domain.as_ref().and_then(|domain| self.domain_waves.get(domain)).and_then(|waves| waves.first())
        })
    }

    /// The products publishing a contract.
    pub fn publishers_of(&self, contract: &str) -> impl Iterator<Item = &Id> {
        self.publishers.get(contract).into_iter().flatten()
    }

    /// The products and consumers reading a contract.
    pub fn readers_of(&self, contract: &str) -> impl Iterator<Item = &EntityRef> {
        self.contract_readers.get(contract).into_iter().flatten()
    }

    /// The products and consumers reading any output port of a product.
    pub fn product_readers<'a>(&'a self, product: &'a DataProduct) -> impl Iterator<Item = &'a EntityRef> + 'a {
        product
            .output_ports
            .iter()
            .filter_map(|port| port.contract_id.as_ref())
            .flat_map(move |contract| self.readers_of(contract.as_str()))
    }

    /// How many products a team owns.
    pub fn team_product_count(&self, team: &str) -> usize {
        self.team_owned
            .get(team)
            .map_or(0, |owned| owned.iter().filter(|entity| entity.kind == EntityKind::Product).count())
    }
}
