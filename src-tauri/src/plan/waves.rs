//! Waves: the plan the user entered, resolved to products; an automatic proposal (topological layering under a
//! capacity per wave, the lighthouse and what it reads first); the critical path; and the mesh as of a wave.
//!
//! A product goes in its own wave if a wave names it, else in the earliest wave that takes its domain. In a
//! proposal every product sits in a later wave than every product it reads, and the members of a dependency
//! cycle share a wave (they can only go live together), even when that wave then exceeds the capacity.

use super::dependencies::{Dependencies, is_live};
use crate::model::{Binding, Id, Mesh, Status};
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};
use ts_rs::TS;

/// A wave with the products it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct PlannedWave {
    pub number: u32,
    /// The stored wave's id; none in a proposal.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(type = "string")]
    pub id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live: Option<String>,
    /// Every product going live in the wave, by id.
    #[ts(type = "Array<string>")]
    pub products: Vec<Id>,
}

/// Each product's wave number in the stored plan.
pub fn product_waves(mesh: &Mesh) -> HashMap<Id, (u32, Id)> {
    let mut by_product: HashMap<&Id, (u32, &Id)> = HashMap::new();
    let mut by_domain: HashMap<&Id, (u32, &Id)> = HashMap::new();
    for wave in mesh.waves.values() {
        for product in &wave.products {
            let entry = by_product.entry(product).or_insert((wave.number, &wave.id));
            *entry = (*entry).min((wave.number, &wave.id));
        }
        for domain in &wave.domains {
            let entry = by_domain.entry(domain).or_insert((wave.number, &wave.id));
            *entry = (*entry).min((wave.number, &wave.id));
        }
    }
    mesh.products
        .values()
        .filter_map(|product| {
            let wave = by_product
                .get(&product.id)
                .or_else(|| product.domain.as_ref().and_then(|domain| by_domain.get(domain)))?;
            Some((product.id.clone(), (wave.0, wave.1.clone())))
        })
        .collect()
}

/// The stored plan, wave by wave, in wave order.
pub fn stored_plan(mesh: &Mesh) -> Vec<PlannedWave> {
    let assigned = product_waves(mesh);
    let mut members: HashMap<&Id, Vec<Id>> = HashMap::new();
    for (product, (_, wave)) in &assigned {
        members.entry(wave).or_default().push(product.clone());
    }
    mesh.waves_in_order()
        .into_iter()
        .map(|wave| {
            let mut products = members.remove(&wave.id).unwrap_or_default();
            products.sort();
            PlannedWave {
                number: wave.number,
                id: Some(wave.id.clone()),
                name: wave.name.clone(),
                start: wave.start.clone(),
                live: wave.live.clone(),
                products,
            }
        })
        .collect()
}

/// Products in no wave that are not live yet: the plan does not say when they go live.
pub fn unplanned(mesh: &Mesh) -> Vec<Id> {
    let assigned = product_waves(mesh);
    mesh.products
        .values()
        .filter(|product| !assigned.contains_key(&product.id) && !is_live(&product.status))
        .filter(|product| product.status != Status::Retired)
        .map(|product| product.id.clone())
        .collect()
}

/// Units of planning: single products, or the members of a cycle together.
struct Units {
    members: Vec<Vec<Id>>,
    upstream: Vec<BTreeSet<usize>>,
    downstream: Vec<BTreeSet<usize>>,
    /// Units in topological order, upstream first.
    order: Vec<usize>,
}

impl Units {
    fn of(mesh: &Mesh, dependencies: &Dependencies) -> Self {
        let planned: BTreeSet<&Id> =
            mesh.products.values().filter(|product| product.status != Status::Retired).map(|p| &p.id).collect();
        let mut unit_of: HashMap<&Id, usize> = HashMap::new();
        let mut members: Vec<Vec<Id>> = Vec::new();
        for cycle in &dependencies.cycles {
            let inside: Vec<Id> = cycle.iter().filter(|id| planned.contains(id)).cloned().collect();
            if inside.is_empty() {
                continue;
            }
            for id in cycle {
                if let Some(id) = planned.get(id) {
                    unit_of.insert(id, members.len());
                }
            }
            members.push(inside);
        }
        for id in &planned {
            if !unit_of.contains_key(id) {
                unit_of.insert(id, members.len());
                members.push(vec![(*id).clone()]);
            }
        }
        let mut upstream = vec![BTreeSet::new(); members.len()];
        let mut downstream = vec![BTreeSet::new(); members.len()];
        for (product, providers) in &dependencies.upstream {
            let Some(&reader) = unit_of.get(product) else { continue };
            for provider in providers {
                let Some(&provider) = unit_of.get(provider) else { continue };
                if provider != reader {
                    upstream[reader].insert(provider);
                    downstream[provider].insert(reader);
                }
            }
        }
        // Kahn's algorithm, smallest unit first, for a deterministic order.
        let mut in_degree: Vec<usize> = upstream.iter().map(BTreeSet::len).collect();
        let mut ready: BinaryHeap<Reverse<usize>> =
            (0..members.len()).filter(|&unit| in_degree[unit] == 0).map(Reverse).collect();
        let mut order = Vec::with_capacity(members.len());
        while let Some(Reverse(unit)) = ready.pop() {
            order.push(unit);
            for &reader in &downstream[unit] {
                in_degree[reader] -= 1;
                if in_degree[reader] == 0 {
                    ready.push(Reverse(reader));
                }
            }
        }
        Self { members, upstream, downstream, order }
    }
}

/// The longest chain of products that each read the one before: no plan can take fewer waves than it has
/// links. A cycle on the chain counts as one link with all its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanCriticalPath {
    /// The chain, upstream first; a cycle's members sit together.
    #[ts(type = "Array<string>")]
    pub products: Vec<Id>,
    /// How many waves any valid plan needs at least.
    pub minimum_waves: usize,
    pub through_cycles: bool,
}

fn critical_path(units: &Units) -> PlanCriticalPath {
    // Longest chain ending at each unit, counted in units; ties go to the smaller predecessor.
    let mut length = vec![0usize; units.members.len()];
    let mut previous: Vec<Option<usize>> = vec![None; units.members.len()];
    for &unit in &units.order {
        let best = units.upstream[unit].iter().map(|&up| (length[up], Reverse(up))).max();
        match best {
            Some((chain, Reverse(up))) => {
                length[unit] = chain + 1;
                previous[unit] = Some(up);
            }
            None => length[unit] = 1,
        }
    }
    let end = (0..units.members.len()).max_by_key(|&unit| (length[unit], Reverse(unit)));
    let mut chain = Vec::new();
    let mut cursor = end;
    while let Some(unit) = cursor {
        chain.push(unit);
        cursor = previous[unit];
    }
    chain.reverse();
    PlanCriticalPath {
        minimum_waves: chain.len(),
        through_cycles: chain.iter().any(|&unit| units.members[unit].len() > 1),
        products: chain.iter().flat_map(|&unit| units.members[unit].iter().cloned()).collect(),
    }
}

/// What the proposal works from.
#[derive(Debug, Clone, Default)]
pub struct ProposalInput<'a> {
    /// At most this many products per wave (a cycle bigger than that gets a wave of its own).
    pub capacity: Option<u32>,
    /// The lighthouse domain: its products, and what they read, go first.
    pub lighthouse: Option<&'a Id>,
    /// Domains in ranking order, best first: the tie-breaker after the lighthouse.
    pub domain_order: Vec<&'a Id>,
}

/// The proposal and the critical path.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub waves: Vec<PlannedWave>,
    pub critical_path: PlanCriticalPath,
}

/// Proposes waves for every product that is not retired.
pub fn propose(mesh: &Mesh, dependencies: &Dependencies, input: &ProposalInput<'_>) -> Proposal {
    let units = Units::of(mesh, dependencies);
    let count = units.members.len();
    let capacity = input.capacity.map_or(usize::MAX, |capacity| capacity.max(1) as usize);
    // Height: the longest chain from a unit downstream; long chains start early so the plan stays short.
    let mut height = vec![0usize; count];
    for &unit in units.order.iter().rev() {
        height[unit] = 1 + units.downstream[unit].iter().map(|&down| height[down]).max().unwrap_or(0);
    }
    // The lighthouse's products and everything upstream of them.
    let mut first = vec![false; count];
    if let Some(lighthouse) = input.lighthouse {
        let mut stack: Vec<usize> = (0..count)
            .filter(|&unit| {
                units.members[unit]
                    .iter()
                    .any(|id| mesh.products.get(id).and_then(|p| p.domain.as_ref()) == Some(lighthouse))
            })
            .collect();
        while let Some(unit) = stack.pop() {
            if !first[unit] {
                first[unit] = true;
                stack.extend(units.upstream[unit].iter().copied());
            }
        }
    }
    let domain_rank: HashMap<&Id, usize> =
        input.domain_order.iter().enumerate().map(|(rank, domain)| (*domain, rank)).collect();
    let unit_rank = |unit: usize| {
        units.members[unit]
            .iter()
            .filter_map(|id| mesh.products.get(id).and_then(|p| p.domain.as_ref()))
            .filter_map(|domain| domain_rank.get(domain).copied())
            .min()
            .unwrap_or(usize::MAX)
    };
    // Priority: lighthouse first, then domain rank, then the longest chain ahead, then the smallest id.
    let key =
        |unit: usize| (Reverse(first[unit]), unit_rank(unit), Reverse(height[unit]), units.members[unit][0].clone());
    let mut in_degree: Vec<usize> = units.upstream.iter().map(BTreeSet::len).collect();
    let mut ready: BTreeMap<_, usize> =
        (0..count).filter(|&unit| in_degree[unit] == 0).map(|unit| (key(unit), unit)).collect();
    let mut waves = Vec::new();
    while !ready.is_empty() {
        let mut taken = Vec::new();
        let mut used = 0usize;
        let mut chosen = Vec::new();
        for (unit_key, &unit) in &ready {
            if used >= capacity {
                break;
            }
            let size = units.members[unit].len();
            if used == 0 || used + size <= capacity {
                chosen.push(unit_key.clone());
                taken.push(unit);
                used += size;
            }
        }
        for unit_key in &chosen {
            ready.remove(unit_key);
        }
        let mut products: Vec<Id> = taken.iter().flat_map(|&unit| units.members[unit].iter().cloned()).collect();
        products.sort();
        for &unit in &taken {
            for &reader in &units.downstream[unit] {
                in_degree[reader] -= 1;
                if in_degree[reader] == 0 {
                    ready.insert(key(reader), reader);
                }
            }
        }
        waves.push(PlannedWave {
            number: u32::try_from(waves.len() + 1).unwrap_or(u32::MAX),
            id: None,
            name: None,
            start: None,
            live: None,
            products,
        });
    }
    Proposal { waves, critical_path: critical_path(&units) }
}

/// The design as it stands once wave `number` has gone live: products planned in that wave or earlier, products
/// live already that no wave names, the contracts they publish, and the consumers whose inputs they serve. The
/// organisation (domains, teams, source systems), the plan and the workshop material stay whole.
pub fn as_of_wave(mesh: &Mesh, number: u32) -> Mesh {
    let assigned = product_waves(mesh);
    let mut filtered = mesh.clone();
    filtered.products.retain(|id, product| match assigned.get(id) {
        Some((wave, _)) => *wave <= number,
        None => is_live(&product.status),
    });
    let published: BTreeSet<&Id> = filtered
        .products
        .values()
        .flat_map(|product| product.output_ports.iter().filter_map(|port| port.contract_id.as_ref()))
        .collect();
    let mut all_published: BTreeSet<&Id> = BTreeSet::new();
    for product in mesh.products.values() {
        all_published.extend(product.output_ports.iter().filter_map(|port| port.contract_id.as_ref()));
    }
    let published: BTreeSet<Id> = published.into_iter().cloned().collect();
    let all_published: BTreeSet<Id> = all_published.into_iter().cloned().collect();
    filtered.contracts.retain(|id, _| published.contains(id) || !all_published.contains(id));
    filtered.consumers.retain(|_, consumer| {
        consumer.inputs.is_empty()
            || consumer.inputs.iter().any(|binding| match binding {
                Binding::Contract { contract_id, .. } => published.contains(contract_id),
                Binding::SourceSystem { .. } => true,
            })
    });
    let kept = |id: &Id| {
        filtered.products.contains_key(id)
            || filtered.consumers.contains_key(id)
            || !(mesh.products.contains_key(id) || mesh.consumers.contains_key(id))
    };
    let layout: BTreeMap<Id, crate::model::Position> =
        filtered.layout.iter().filter(|(id, _)| kept(id)).map(|(id, p)| (id.clone(), *p)).collect();
    filtered.layout = layout;
    filtered
}
