//! Coupling figures: fan-in and fan-out per product, what each domain holds, the domain-to-domain dependency
//! matrix, orphans, the critical path, the bottlenecks (products with the most transitive dependents) and the
//! load per team.
//!
//! Transitive dependents of every product at once are the expensive part. They are counted with one bit set per
//! strongly connected component, OR-ed from the sinks up the condensed graph; the bit sets are made in blocks of
//! at most `MAX_BLOCK_BYTES`, so memory stays bounded on designs far larger than the 10,000-product benchmark.

use super::hash::FastMap;
use super::{MeshGraph, NodeKind};
use crate::model::Id;
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How many products the bottleneck ranking lists.
pub const BOTTLENECK_COUNT: usize = 10;
/// The most memory one block of reach bit sets may take.
const MAX_BLOCK_BYTES: usize = 32 * 1024 * 1024;

/// Everything `stats` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphStats {
    pub totals: StatsTotals,
    /// Every product, by id.
    pub products: Vec<ProductStats>,
    /// Every domain, by id; products without a domain last, under `domain: null`.
    pub domains: Vec<DomainStats>,
    /// Edge counts from the provider's domain to the reader's domain, including a domain's edges to itself.
    pub domain_dependencies: Vec<DomainDependency>,
    /// Products nothing reads: no product and no consumer.
    pub orphans: Vec<Id>,
    /// Products from which no consumer can be reached, directly or through other products: they serve no use
    /// case yet. Orphans are among them.
    pub serving_no_consumer: Vec<Id>,
    pub critical_path: CriticalPath,
    /// The products with the most transitive dependents, most first (at most ten, none without dependents).
    pub bottlenecks: Vec<BottleneckProduct>,
    /// Every team, by id; products and consumers without an owner team last, under `team: null`.
    pub teams: Vec<TeamLoad>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatsTotals {
    pub products: usize,
    pub source_systems: usize,
    pub consumers: usize,
    /// Resolved dependency edges.
    pub dependencies: usize,
    /// Edges whose two ends sit in different domains.
    pub cross_domain_dependencies: usize,
    /// Inputs bound to a contract nobody publishes or to a source system the design does not have.
    pub unresolved_bindings: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductStats {
    pub id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_team: Option<Id>,
    /// Distinct products and source systems it reads.
    pub fan_in: usize,
    /// Distinct products and consumers that read it.
    pub fan_out: usize,
    /// Products and consumers downstream of it, transitively, itself excluded.
    pub transitive_dependents: usize,
    /// Of those, the consumers.
    pub transitive_consumers: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainStats {
    pub domain: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub products: usize,
    pub output_ports: usize,
    pub input_ports: usize,
    /// Distinct contracts its products' output ports cite.
    pub contracts: usize,
    pub source_systems: usize,
    pub consumers: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainDependency {
    pub from: Id,
    pub to: Id,
    pub edges: usize,
}

/// The longest chain of products that each read the one before. A cycle on the chain counts with all its
/// members, which have to be delivered together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriticalPath {
    /// Products on the chain.
    pub length: usize,
    /// The chain, upstream first; members of a cycle sit together, by id.
    pub products: Vec<Id>,
    pub through_cycles: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BottleneckProduct {
    pub product: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    pub transitive_dependents: usize,
    pub transitive_consumers: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamLoad {
    pub team: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub products: usize,
    pub consumers: usize,
    pub domains: usize,
}

impl GraphStats {
    /// The figures of one product.
    pub fn product(&self, id: &str) -> Option<&ProductStats> {
        self.products.binary_search_by(|product| product.id.as_str().cmp(id)).ok().and_then(|at| self.products.get(at))
    }

    /// The number of edges from one domain to another.
    pub fn domain_edges(&self, from: &str, to: &str) -> usize {
        self.domain_dependencies
            .iter()
            .find(|entry| entry.from.as_str() == from && entry.to.as_str() == to)
            .map_or(0, |entry| entry.edges)
    }
}

impl MeshGraph {
    /// Coupling figures of the whole design.
    pub fn stats(&self) -> &GraphStats {
        self.caches.stats.get_or_init(|| self.compute_stats())
    }

    fn compute_stats(&self) -> GraphStats {
        let products = self.sorted_products();
        let (dependents, consumers_downstream) = self.transitive_dependents();
        let product_stats: Vec<ProductStats> = products
            .iter()
            .map(|&index| {
                let node = &self.graph[index];
                ProductStats {
                    id: node.id.clone(),
                    domain: node.domain.clone(),
                    owner_team: node.owner_team.clone(),
                    fan_in: self.distinct_neighbours(index, Incoming),
                    fan_out: self.distinct_neighbours(index, Outgoing),
                    transitive_dependents: dependents.get(index.index()).copied().unwrap_or(0),
                    transitive_consumers: consumers_downstream.get(index.index()).copied().unwrap_or(0),
                }
            })
            .collect();
        let orphans = product_stats.iter().filter(|product| product.fan_out == 0).map(|p| p.id.clone()).collect();
        let serving_no_consumer =
            product_stats.iter().filter(|product| product.transitive_consumers == 0).map(|p| p.id.clone()).collect();
        let mut bottlenecks: Vec<BottleneckProduct> = product_stats
            .iter()
            .filter(|product| product.transitive_dependents > 0)
            .map(|product| BottleneckProduct {
                product: product.id.clone(),
                domain: product.domain.clone(),
                transitive_dependents: product.transitive_dependents,
                transitive_consumers: product.transitive_consumers,
            })
            .collect();
        bottlenecks.sort_by(|left, right| {
            right.transitive_dependents.cmp(&left.transitive_dependents).then_with(|| left.product.cmp(&right.product))
        });
        bottlenecks.truncate(BOTTLENECK_COUNT);
        let domain_dependencies = self.domain_dependencies();
        let totals = StatsTotals {
            products: self.products.len(),
            source_systems: self.source_systems.len(),
            consumers: self.consumers.len(),
            dependencies: self.graph.edge_count(),
            cross_domain_dependencies: domain_dependencies
                .iter()
                .filter(|entry| entry.from != entry.to)
                .map(|entry| entry.edges)
                .sum(),
            unresolved_bindings: self.unresolved_binding_count(),
        };
        GraphStats {
            totals,
            products: product_stats,
            domains: self.domain_stats(),
            domain_dependencies,
            orphans,
            serving_no_consumer,
            critical_path: self.critical_path(),
            bottlenecks,
            teams: self.team_loads(),
        }
    }

    fn distinct_neighbours(&self, index: NodeIndex, direction: petgraph::Direction) -> usize {
        let mut neighbours: Vec<NodeIndex> = self.graph.neighbors_directed(index, direction).collect();
        neighbours.sort_unstable();
        neighbours.dedup();
        neighbours.len()
    }

    /// For every node slot: how many products and consumers are downstream of it (itself excluded), and how many
    /// of those are consumers.
    fn transitive_dependents(&self) -> (Vec<usize>, Vec<usize>) {
        let structure = self.structure();
        let bound = self.graph.node_bound();
        let words = bound.div_ceil(64);
        let components = structure.component_count();
        let mut dependents = vec![0usize; bound];
        let mut consumers = vec![0usize; bound];
        if components == 0 {
            return (dependents, consumers);
        }
        let mut consumer_mask = vec![0u64; words];
        for &index in self.consumers.values() {
            consumer_mask[index.index() / 64] |= 1 << (index.index() % 64);
        }
        let block_words = (MAX_BLOCK_BYTES / 8 / components).clamp(1, words.max(1));
        let mut block_start = 0;
        while block_start < words {
            let width = block_words.min(words - block_start);
            let block_bits = block_start * 64..(block_start + width) * 64;
            let mut rows = vec![0u64; components * width];
            // Sinks first: a component's row is complete before any component upstream reads it.
            for component in (0..components).rev() {
                // Only products' rows are read; source systems are never downstream of anything.
                if !structure.products.get(component).copied().unwrap_or(false) {
                    continue;
                }
                let (upstream, downstream) = rows.split_at_mut((component + 1) * width);
                let row = &mut upstream[component * width..];
                for &successor in structure.successors(component) {
                    let successor = successor as usize;
                    // Readers come after their providers in topological order, so the successor's row lies in
                    // `downstream`.
                    let Some(offset) = successor.checked_sub(component + 1).map(|gap| gap * width) else { continue };
                    // A sink (every consumer, and products nobody reads) has an empty row.
                    if !structure.successors(successor).is_empty() {
                        for (word, bits) in row.iter_mut().zip(&downstream[offset..offset + width]) {
                            *word |= bits;
                        }
                    }
                    for member in &structure.members[successor] {
                        let bit = member.index();
                        if block_bits.contains(&bit) {
                            row[bit / 64 - block_start] |= 1 << (bit % 64);
                        }
                    }
                }
            }
            for &index in self.products.values() {
                let component = structure.component(index);
                let row = &rows[component * width..(component + 1) * width];
                let mask = &consumer_mask[block_start..block_start + width];
                dependents[index.index()] += row.iter().map(|word| word.count_ones() as usize).sum::<usize>();
                consumers[index.index()] +=
                    row.iter().zip(mask).map(|(word, mask)| (word & mask).count_ones() as usize).sum::<usize>();
            }
            block_start += width;
        }
        // The other members of a product's own cycle depend on it too.
        for &index in self.products.values() {
            let members = structure.members.get(structure.component(index)).map_or(1, Vec::len);
            dependents[index.index()] += members - 1;
        }
        (dependents, consumers)
    }

    /// The longest chain of products, on the condensed graph, each component weighing its member count. Among
    /// equally long chains the one whose components have the smallest ids, from the end back, is chosen, so the
    /// answer does not depend on the order of edits.
    fn critical_path(&self) -> CriticalPath {
        let structure = self.structure();
        let count = structure.component_count();
        let is_product = |component: usize| structure.products.get(component).copied().unwrap_or(false);
        let representative: Vec<Option<&Id>> =
            structure.members.iter().map(|members| members.iter().map(|&node| &self.graph[node].id).min()).collect();
        let weight = |component: usize| structure.members.get(component).map_or(0, Vec::len);
        let mut best: Vec<usize> =
            (0..count).map(|component| if is_product(component) { weight(component) } else { 0 }).collect();
        let mut from: Vec<Option<usize>> = vec![None; count];
        for component in 0..count {
            if !is_product(component) {
                continue;
            }
            for &successor in structure.successors(component) {
                let successor = successor as usize;
                if !is_product(successor) {
                    continue;
                }
                let candidate = best[component] + weight(successor);
                let better = candidate > best[successor]
                    || (candidate == best[successor]
                        && from[successor].is_some_and(|current| representative[component] < representative[current]));
                if better {
                    best[successor] = candidate;
                    from[successor] = Some(component);
                }
            }
        }
        let end = (0..count).filter(|&component| is_product(component)).max_by(|&left, &right| {
            best[left].cmp(&best[right]).then_with(|| representative[right].cmp(&representative[left]))
        });
        let mut chain = Vec::new();
        let mut current = end;
        while let Some(component) = current {
            chain.push(component);
            current = from[component];
        }
        chain.reverse();
        let mut products = Vec::new();
        let mut through_cycles = false;
        for &component in &chain {
            through_cycles |= structure.cyclic.get(component).copied().unwrap_or(false);
            let mut ids: Vec<Id> =
                structure.members[component].iter().map(|&node| self.graph[node].id.clone()).collect();
            ids.sort_unstable();
            products.extend(ids);
        }
        CriticalPath { length: products.len(), products, through_cycles }
    }

    fn domain_dependencies(&self) -> Vec<DomainDependency> {
        // Number the domains once, so that counting 40,000 edges compares integers, not ids.
        let mut numbers: FastMap<&Id, u32> = FastMap::default();
        let mut domains: Vec<&Id> = Vec::new();
        let mut domain_of: Vec<Option<u32>> = vec![None; self.graph.node_bound()];
        for index in self.graph.node_indices() {
            if let Some(domain) = self.graph[index].domain.as_ref() {
                let number = *numbers.entry(domain).or_insert_with(|| {
                    domains.push(domain);
                    domains.len() as u32 - 1
                });
                domain_of[index.index()] = Some(number);
            }
        }
        let mut counts: FastMap<(u32, u32), usize> = FastMap::default();
        for edge in self.graph.edge_references() {
            let from = domain_of.get(edge.source().index()).copied().flatten();
            let to = domain_of.get(edge.target().index()).copied().flatten();
            if let (Some(from), Some(to)) = (from, to) {
                *counts.entry((from, to)).or_insert(0) += 1;
            }
        }
        let mut dependencies: Vec<DomainDependency> = counts
            .into_iter()
            .filter_map(|((from, to), edges)| {
                let (from, to) = (domains.get(from as usize)?, domains.get(to as usize)?);
                Some(DomainDependency { from: (*from).clone(), to: (*to).clone(), edges })
            })
            .collect();
        dependencies.sort_unstable();
        dependencies
    }

    fn domain_stats(&self) -> Vec<DomainStats> {
        let mut by_domain: BTreeMap<Option<&Id>, (DomainStats, BTreeSet<u32>)> = BTreeMap::new();
        let blank = |domain: Option<&Id>| DomainStats {
            domain: domain.cloned(),
            name: domain.and_then(|id| self.domains.get(id)).map(|info| info.name.clone()),
            products: 0,
            output_ports: 0,
            input_ports: 0,
            contracts: 0,
            source_systems: 0,
            consumers: 0,
        };
        for id in self.domains.keys() {
            by_domain.insert(Some(id), (blank(Some(id)), BTreeSet::new()));
        }
        for node in self.graph.node_weights() {
            let domain = node.domain.as_ref();
            let (stats, contracts) = by_domain.entry(domain).or_insert_with(|| (blank(domain), BTreeSet::new()));
            match node.kind {
                NodeKind::Product => {
                    stats.products += 1;
                    stats.output_ports += node.outputs.len();
                    stats.input_ports += node.inputs.len();
                    contracts.extend(node.outputs.iter().filter_map(|output| output.contract));
                }
                NodeKind::SourceSystem => stats.source_systems += 1,
                NodeKind::Consumer => stats.consumers += 1,
            }
        }
        // BTreeMap orders `None` first; the unassigned group reads better last.
        let mut domains: Vec<DomainStats> = by_domain
            .into_values()
            .map(|(mut stats, contracts)| {
                stats.contracts = contracts.len();
                stats
            })
            .collect();
        if domains.first().is_some_and(|stats| stats.domain.is_none()) {
            domains.rotate_left(1);
        }
        domains
    }

    fn team_loads(&self) -> Vec<TeamLoad> {
        let mut loads: BTreeMap<Option<&Id>, TeamLoad> = BTreeMap::new();
        let blank = |team: Option<&Id>| TeamLoad {
            team: team.cloned(),
            name: team.and_then(|id| self.teams.get(id)).cloned(),
            products: 0,
            consumers: 0,
            domains: 0,
        };
        for id in self.teams.keys() {
            loads.insert(Some(id), blank(Some(id)));
        }
        for node in self.graph.node_weights() {
            let team = node.owner_team.as_ref();
            match node.kind {
                NodeKind::Product => loads.entry(team).or_insert_with(|| blank(team)).products += 1,
                NodeKind::Consumer => loads.entry(team).or_insert_with(|| blank(team)).consumers += 1,
                NodeKind::SourceSystem => {}
            }
        }
        for info in self.domains.values() {
            if let Some(team) = info.owner_team.as_ref() {
                loads.entry(Some(team)).or_insert_with(|| blank(Some(team))).domains += 1;
            }
        }
        let mut teams: Vec<TeamLoad> = loads.into_values().collect();
        if teams.first().is_some_and(|load| load.team.is_none()) {
            teams.rotate_left(1);
        }
        teams
    }

    fn unresolved_binding_count(&self) -> usize {
        self.graph.node_weights().flat_map(|node| &node.inputs).filter(|input| !self.is_resolved(input)).count()
    }
}
