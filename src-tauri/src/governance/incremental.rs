//! Re-checking after one edit. The state of a check (the design, its index, its graph and the findings filed
//! under each subject) is kept; an edit updates the index and the graph, works out which subjects it can affect
//! (the entity, what publishes or reads the contracts it touches, its owners, its namesakes) and runs the rules on
//! those alone. Cycles are re-read from the graph, which keeps its own caches. Changing the settings (the policy
//! pack) re-checks everything.

use super::findings::{EntityRef, Finding};
use super::index::DesignIndex;
use super::{CheckOptions, PreparedPolicy, Report, report};
use crate::graph::MeshGraph;
use crate::model::{Binding, Consumer, DataProduct, Entity, EntityKind, Mesh};
use std::collections::{BTreeSet, HashMap};

/// A checked design that can be edited and re-checked.
#[derive(Debug)]
pub struct IncrementalCheck {
    mesh: Mesh,
    options: CheckOptions,
    prepared: PreparedPolicy,
    index: DesignIndex,
    graph: MeshGraph,
    by_subject: HashMap<EntityRef, Vec<Finding>>,
    cycles: Vec<Finding>,
}

impl IncrementalCheck {
    /// Checks a design in full and keeps what a re-check needs.
    pub fn new(mesh: Mesh, options: CheckOptions) -> Self {
        let prepared = PreparedPolicy::prepare(&mesh, &options);
        let index = DesignIndex::build(&mesh);
        let graph = MeshGraph::build(&mesh);
        let mut check = Self { mesh, options, prepared, index, graph, by_subject: HashMap::new(), cycles: Vec::new() };
        check.check_everything();
        check
    }

    fn check_everything(&mut self) {
        use rayon::prelude::*;
        let subjects = super::rules::subjects(&self.mesh);
        let (mesh, index, prepared) = (&self.mesh, &self.index, &self.prepared);
        self.by_subject = subjects
            .into_par_iter()
            .map(|subject| {
                let findings = prepared.check_subject(mesh, index, &subject);
                (subject, findings)
            })
            .filter(|(_, findings)| !findings.is_empty())
            .collect();
        self.cycles = self.prepared.cycle_findings(&self.mesh, &self.index, &self.graph);
    }

    pub fn mesh(&self) -> &Mesh {
        &self.mesh
    }

    /// The dependency graph, kept up to date with every edit.
    pub fn graph(&self) -> &MeshGraph {
        &self.graph
    }

    /// Puts an entity into the design (adding or replacing it) and re-checks what it can affect. Returns how many
    /// subjects were re-checked.
    pub fn apply(&mut self, entity: Entity) -> usize {
        let kind = entity.kind();
        let key = entity.key().to_owned();
        let old = self.mesh.get(kind, &key);
        self.mesh.put(entity.clone());
        self.after_edit(old, Some(entity), kind, &key)
    }

    /// Removes an entity from the design and re-checks what it can affect.
    pub fn remove(&mut self, kind: EntityKind, key: &str) -> usize {
        let old = self.mesh.get(kind, key);
        self.mesh.remove(kind, key);
        self.after_edit(old, None, kind, key)
    }

    fn after_edit(&mut self, old: Option<Entity>, new: Option<Entity>, kind: EntityKind, key: &str) -> usize {
        match kind {
            EntityKind::Position | EntityKind::Assessment | EntityKind::Canvas | EntityKind::Note => return 0,
            EntityKind::Settings => {
                self.prepared = PreparedPolicy::prepare(&self.mesh, &self.options);
                self.check_everything();
                return self.by_subject.len();
            }
            _ => {}
        }
        // Everything that reads the index before the edit, then the index after it.
        let mut affected: BTreeSet<EntityRef> = BTreeSet::new();
        affected.insert(EntityRef::new(kind, key));
        for entity in old.iter().chain(new.iter()) {
            self.collect_affected(entity, &mut affected);
        }
        if let Some(entity) = &old {
            self.unindex(entity);
        }
        if let Some(entity) = &new {
            self.index_entity(entity);
        }
        for entity in old.iter().chain(new.iter()) {
            self.collect_affected(entity, &mut affected);
        }
        match &new {
            Some(entity) => self.graph.apply(entity),
            None => self.graph.apply_removal(kind, key),
        }
        for subject in &affected {
            let findings = self.prepared.check_subject(&self.mesh, &self.index, subject);
            if findings.is_empty() {
                self.by_subject.remove(subject);
            } else {
                self.by_subject.insert(subject.clone(), findings);
            }
        }
        if matches!(kind, EntityKind::Product | EntityKind::Consumer | EntityKind::Contract | EntityKind::SourceSystem)
        {
            self.cycles = self.prepared.cycle_findings(&self.mesh, &self.index, &self.graph);
        }
        affected.len()
    }

    fn unindex(&mut self, entity: &Entity) {
        match entity {
            Entity::Product(product) => self.index.remove_product(product),
            Entity::Contract(contract) => self.index.remove_contract(contract),
            Entity::Consumer(consumer) => self.index.remove_consumer(consumer),
            Entity::Domain(domain) => self.index.remove_domain(domain),
            Entity::Wave(wave) => self.index.remove_wave(wave),
            _ => {}
        }
    }

    fn index_entity(&mut self, entity: &Entity) {
        match entity {
            Entity::Product(product) => self.index.add_product(product),
            Entity::Contract(contract) => self.index.add_contract(contract),
            Entity::Consumer(consumer) => self.index.add_consumer(consumer),
            Entity::Domain(domain) => self.index.add_domain(domain),
            Entity::Wave(wave) => self.index.add_wave(wave),
            _ => {}
        }
    }

    /// The subjects whose findings can depend on this entity, by the current index.
    fn collect_affected(&self, entity: &Entity, affected: &mut BTreeSet<EntityRef>) {
        let index = &self.index;
        let product_ref = |id: &str| EntityRef::new(EntityKind::Product, id);
        let contract_neighbours = |contract: &str, affected: &mut BTreeSet<EntityRef>| {
            affected.insert(EntityRef::new(EntityKind::Contract, contract));
            affected.extend(index.publishers_of(contract).map(|id| product_ref(id.as_str())));
            affected.extend(index.readers_of(contract).cloned());
        };
        let provider_of = |binding: &Binding, affected: &mut BTreeSet<EntityRef>| {
            if let Binding::Contract { contract_id, .. } = binding {
                contract_neighbours(contract_id.as_str(), affected);
            }
        };
        match entity {
            Entity::Product(product) => {
                self.product_neighbours(product, affected, &contract_neighbours, &provider_of);
            }
            Entity::Contract(contract) => {
                contract_neighbours(contract.id.as_str(), affected);
                if let Some(name) = &contract.name
                    && let Some(same) = index.contract_names.get(&name.trim().to_lowercase())
                {
                    affected.extend(same.iter().map(|id| EntityRef::new(EntityKind::Contract, id.as_str())));
                }
            }
            Entity::Consumer(consumer) => self.consumer_neighbours(consumer, affected, &provider_of),
            Entity::SourceSystem(system) => {
                affected.extend(index.source_readers.get(system.id.as_str()).into_iter().flatten().cloned());
            }
            Entity::Team(team) => {
                affected.extend(index.team_owned.get(team.id.as_str()).into_iter().flatten().cloned());
            }
            Entity::Domain(domain) => {
                affected.extend(
                    index
                        .domain_products
                        .get(domain.id.as_str())
                        .into_iter()
                        .flatten()
                        .map(|id| product_ref(id.as_str())),
                );
                // Consumers, source systems and contracts take their domain's policy; a domain's entity does not
                // carry policy, but its existence decides MW-OWN-005, so its products are the ones to re-check.
                if let Some(team) = &domain.owner_team {
                    affected.insert(EntityRef::new(EntityKind::Team, team.as_str()));
                }
            }
            Entity::Wave(wave) => {
                // Every product whose wave this can change, and everyone reading those products.
                let domain_members = wave.domains.iter().flat_map(|domain| index.domain_products.get(domain)).flatten();
                for product_id in wave.products.iter().chain(domain_members) {
                    affected.insert(product_ref(product_id.as_str()));
                    if let Some(product) = self.mesh.products.get(product_id.as_str()) {
                        affected.extend(index.product_readers(product).cloned());
                    }
                }
            }
            Entity::Settings(_)
            | Entity::Position(..)
            | Entity::Assessment(_)
            | Entity::Canvas(_)
            | Entity::Note(_) => {}
        }
    }

    fn product_neighbours(
        &self,
        product: &DataProduct,
        affected: &mut BTreeSet<EntityRef>,
        contract_neighbours: &dyn Fn(&str, &mut BTreeSet<EntityRef>),
        provider_of: &dyn Fn(&Binding, &mut BTreeSet<EntityRef>),
    ) {
        let index = &self.index;
        for port in &product.output_ports {
            if let Some(contract) = &port.contract_id {
                contract_neighbours(contract.as_str(), affected);
            }
        }
        for port in &product.input_ports {
            provider_of(&port.source, affected);
        }
        if let Some(team) = &product.owner_team {
            affected.insert(EntityRef::new(EntityKind::Team, team.as_str()));
        }
        if let Some(domain) = &product.domain {
            affected.insert(EntityRef::new(EntityKind::Domain, domain.as_str()));
        }
        if let Some(same) = index.product_names.get(&product.name.trim().to_lowercase()) {
            affected.extend(same.iter().map(|id| EntityRef::new(EntityKind::Product, id.as_str())));
        }
        // Reading a product's id as a contract id is an MW-GRF-002 finding on the reader.
        affected.extend(index.readers_of(product.id.as_str()).cloned());
    }

    fn consumer_neighbours(
        &self,
        consumer: &Consumer,
        affected: &mut BTreeSet<EntityRef>,
        provider_of: &dyn Fn(&Binding, &mut BTreeSet<EntityRef>),
    ) {
        for binding in &consumer.inputs {
            provider_of(binding, affected);
        }
        if let Some(team) = &consumer.owner_team {
            affected.insert(EntityRef::new(EntityKind::Team, team.as_str()));
        }
    }

    /// The findings as they stand, in report order.
    pub fn findings(&self) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self.prepared.problems.clone();
        findings.extend(self.by_subject.values().flatten().cloned());
        findings.extend(self.cycles.iter().cloned());
        super::findings::sort_findings(&mut findings);
        findings
    }

    /// How many findings stand, without collecting them.
    pub fn finding_count(&self) -> usize {
        self.prepared.problems.len() + self.by_subject.values().map(Vec::len).sum::<usize>() + self.cycles.len()
    }

    /// The full report as it stands.
    pub fn report(&self) -> Report {
        report(&self.mesh, &self.options.today, self.findings())
    }
}
