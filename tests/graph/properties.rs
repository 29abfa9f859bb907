//! Property tests: on random designs (cycles, self-reads, contracts with two publishers or none, bindings to
//! nothing, isolated nodes), and after every edit of a random sequence (removals, rewiring, new products), every
//! query of the graph agrees with the brute-force reference, and the edited graph answers exactly as a graph built
//! afresh from the edited design.

use super::reference::{Reference, ReferenceEdge};
use meshwright::graph::{Edge, MeshGraph, NodeKind, Reach, Scope};
use meshwright::model::{
    Binding, Consumer, Contract, DataProduct, Domain, Entity, EntityKind, Extra, Id, InputPort, Mesh, OutputPort,
    SourceSystem, Team,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::collections::{BTreeMap, BTreeSet};

/// Products a design starts with, at most.
const MAX_PRODUCTS: usize = 9;
/// Contract ids `c0`…: product `pN` publishes `c(2N)` and `c(2N+1)` unless its outputs say otherwise.
const CONTRACTS: usize = 2 * MAX_PRODUCTS + 2;
/// Source system ids `s0`…; a design has some of them, so bindings to the others point at nothing.
const SOURCES: usize = 4;
/// Contracts that exist as documents, published or not.
const DOCUMENTED_CONTRACTS: usize = 4;

/// An output: 0 and 1 are the product's own two contracts, 2 a port without contract, higher another contract.
fn output_choice() -> impl Strategy<Value = u8> {
    0..(CONTRACTS as u8 + 3)
}

/// An input: a contract, then a source system, then one contract nobody can publish.
fn input_choice() -> impl Strategy<Value = u8> {
    0..(CONTRACTS as u8 + SOURCES as u8 + 1)
}

#[derive(Debug, Clone)]
struct ProductSpec {
    domain: u8,
    team: u8,
    outputs: Vec<u8>,
    inputs: Vec<u8>,
}

fn product_spec() -> impl Strategy<Value = ProductSpec> {
    (0..4u8, 0..4u8, prop::collection::vec(output_choice(), 0..3), prop::collection::vec(input_choice(), 0..4))
        .prop_map(|(domain, team, outputs, inputs)| ProductSpec { domain, team, outputs, inputs })
}

#[derive(Debug, Clone)]
struct DesignSpec {
    products: Vec<ProductSpec>,
    sources: u8,
    consumers: Vec<(u8, Vec<u8>)>,
    edits: Vec<Edit>,
}

#[derive(Debug, Clone)]
enum Edit {
    RemoveProduct(u8),
    Rewire(u8, Vec<u8>),
    Republish(u8, Vec<u8>),
    AddProduct(ProductSpec),
    RemoveConsumer(u8),
    RemoveSource(u8),
    AddSource(u8),
    MoveProduct(u8, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<u8>().prop_map(Edit::RemoveProduct),
        (any::<u8>(), prop::collection::vec(input_choice(), 0..4)).prop_map(|(at, inputs)| Edit::Rewire(at, inputs)),
        (any::<u8>(), prop::collection::vec(output_choice(), 0..3))
            .prop_map(|(at, outputs)| Edit::Republish(at, outputs)),
        product_spec().prop_map(Edit::AddProduct),
        any::<u8>().prop_map(Edit::RemoveConsumer),
        any::<u8>().prop_map(Edit::RemoveSource),
        (0..SOURCES as u8).prop_map(Edit::AddSource),
        (any::<u8>(), 0..4u8).prop_map(|(at, domain)| Edit::MoveProduct(at, domain)),
    ]
}

fn design_spec() -> impl Strategy<Value = DesignSpec> {
    (
        prop::collection::vec(product_spec(), 0..=MAX_PRODUCTS),
        0..=SOURCES as u8,
        prop::collection::vec((0..4u8, prop::collection::vec(input_choice(), 0..3)), 0..4),
        prop::collection::vec(edit(), 0..6),
    )
        .prop_map(|(products, sources, consumers, edits)| DesignSpec { products, sources, consumers, edits })
}

fn id(text: String) -> Result<Id, TestCaseError> {
    Id::new(text).map_err(|error| TestCaseError::fail(error.to_string()))
}

fn optional(prefix: &str, choice: u8) -> Result<Option<Id>, TestCaseError> {
    if choice < 3 { id(format!("{prefix}{choice}")).map(Some) } else { Ok(None) }
}

fn binding(choice: u8) -> Result<Binding, TestCaseError> {
    let choice = choice as usize;
    let version = "1.0.0".to_owned();
    Ok(if choice < CONTRACTS {
        Binding::Contract { contract_id: id(format!("c{choice}"))?, version }
    } else if choice < CONTRACTS + SOURCES {
        Binding::SourceSystem { source_system: id(format!("s{}", choice - CONTRACTS))?, version }
    } else {
        Binding::Contract { contract_id: id("ghost".to_owned())?, version }
    })
}

fn input_ports(choices: &[u8]) -> Result<Vec<InputPort>, TestCaseError> {
    choices
        .iter()
        .enumerate()
        .map(|(index, &choice)| {
            Ok(InputPort {
                name: format!("in{index}"),
                source: binding(choice)?,
                tags: Vec::new(),
                custom_properties: Vec::new(),
                extra: Extra::new(),
            })
        })
        .collect()
}

fn output_ports(number: usize, choices: &[u8]) -> Result<Vec<OutputPort>, TestCaseError> {
    choices
        .iter()
        .enumerate()
        .map(|(index, &choice)| {
            let contract = match choice {
                0 | 1 => Some(id(format!("c{}", (2 * number + choice as usize) % CONTRACTS))?),
                2 => None,
                other => Some(id(format!("c{}", other as usize - 3))?),
            };
            Ok(OutputPort {
                name: format!("out{index}"),
                version: "1.0.0".to_owned(),
                port_type: None,
                description: None,
                contract_id: contract,
                tags: Vec::new(),
                custom_properties: Vec::new(),
                extra: Extra::new(),
            })
        })
        .collect()
}

fn product(number: usize, spec: &ProductSpec) -> Result<DataProduct, TestCaseError> {
    let mut product = DataProduct::new(id(format!("p{number}"))?, format!("Product {number}"));
    product.domain = optional("d", spec.domain)?;
    product.owner_team = optional("t", spec.team)?;
    product.output_ports = output_ports(number, &spec.outputs)?;
    product.input_ports = input_ports(&spec.inputs)?;
    Ok(product)
}

fn source_system(number: u8) -> Result<SourceSystem, TestCaseError> {
    Ok(SourceSystem {
        id: id(format!("s{number}"))?,
        name: format!("System {number}"),
        domain: optional("d", number % 4)?,
        kind: None,
        technology: None,
        description: None,
        extra: Extra::new(),
    })
}

fn design(spec: &DesignSpec) -> Result<Mesh, TestCaseError> {
    let mut mesh = Mesh::named("Random");
    for number in 0..2u8 {
        let domain_id = id(format!("d{number}"))?;
        let owner_team = Some(id(format!("t{number}"))?);
        let domain = Domain {
            id: domain_id,
            name: format!("Domain {number}"),
            description: None,
            owner_team,
            color: None,
            extra: Extra::new(),
        };
        mesh.domains.insert(domain.id.clone(), domain);
        let team = Team {
            id: id(format!("t{number}"))?,
            name: format!("Team {number}"),
            description: None,
            members: Vec::new(),
            extra: Extra::new(),
        };
        mesh.teams.insert(team.id.clone(), team);
    }
    for number in 0..DOCUMENTED_CONTRACTS {
        let contract = Contract::new(id(format!("c{number}"))?);
        mesh.contracts.insert(contract.id.clone(), contract);
    }
    for (number, product_spec) in spec.products.iter().enumerate() {
        let product = product(number, product_spec)?;
        mesh.products.insert(product.id.clone(), product);
    }
    for number in 0..spec.sources {
        let system = source_system(number)?;
        mesh.source_systems.insert(system.id.clone(), system);
    }
    for (number, (domain, inputs)) in spec.consumers.iter().enumerate() {
        let consumer = Consumer {
            id: id(format!("k{number}"))?,
            name: format!("Consumer {number}"),
            kind: None,
            domain: optional("d", *domain)?,
            owner_team: optional("t", *domain)?,
            description: None,
            use_case: None,
            inputs: inputs.iter().map(|&choice| binding(choice)).collect::<Result<_, _>>()?,
            extra: Extra::new(),
        };
        mesh.consumers.insert(consumer.id.clone(), consumer);
    }
    Ok(mesh)
}

/// The `at`-th key of a map, wrapping; `None` when it is empty.
fn nth_key<V>(map: &BTreeMap<Id, V>, at: u8) -> Option<Id> {
    if map.is_empty() { None } else { map.keys().nth(at as usize % map.len()).cloned() }
}

/// Puts an entity into the design and, as the studio would, into the graph.
fn put(entity: Entity, mesh: &mut Mesh, graph: &mut MeshGraph) {
    graph.apply(&entity);
    mesh.put(entity);
}

/// Applies an edit to the design and, as the studio would, the changed entity to the graph.
fn apply(edit: &Edit, mesh: &mut Mesh, graph: &mut MeshGraph, next_number: &mut usize) -> Result<(), TestCaseError> {
    match edit {
        Edit::RemoveProduct(at) => {
            if let Some(key) = nth_key(&mesh.products, *at) {
                mesh.remove(EntityKind::Product, key.as_str());
                graph.apply_removal(EntityKind::Product, key.as_str());
            }
        }
        Edit::Rewire(at, inputs) => {
            if let Some(mut product) = nth_key(&mesh.products, *at).and_then(|key| mesh.products.get(&key).cloned()) {
                product.input_ports = input_ports(inputs)?;
                put(Entity::Product(product), mesh, graph);
            }
        }
        Edit::Republish(at, outputs) => {
            if let Some(mut product) = nth_key(&mesh.products, *at).and_then(|key| mesh.products.get(&key).cloned()) {
                let number = product.id.as_str().trim_start_matches('p').parse().unwrap_or(0);
                product.output_ports = output_ports(number, outputs)?;
                put(Entity::Product(product), mesh, graph);
            }
        }
        Edit::AddProduct(spec) => {
            let product = product(*next_number, spec)?;
            *next_number += 1;
            put(Entity::Product(product), mesh, graph);
        }
        Edit::RemoveConsumer(at) => {
            if let Some(key) = nth_key(&mesh.consumers, *at) {
                mesh.remove(EntityKind::Consumer, key.as_str());
                graph.apply_removal(EntityKind::Consumer, key.as_str());
            }
        }
        Edit::RemoveSource(at) => {
            if let Some(key) = nth_key(&mesh.source_systems, *at) {
                mesh.remove(EntityKind::SourceSystem, key.as_str());
                graph.apply_removal(EntityKind::SourceSystem, key.as_str());
            }
        }
        Edit::AddSource(number) => put(Entity::SourceSystem(source_system(*number)?), mesh, graph),
        Edit::MoveProduct(at, domain) => {
            if let Some(mut product) = nth_key(&mesh.products, *at).and_then(|key| mesh.products.get(&key).cloned()) {
                product.domain = optional("d", *domain)?;
                put(Entity::Product(product), mesh, graph);
            }
        }
    }
    Ok(())
}

fn node_of(edge_end: &meshwright::graph::NodeRef) -> (NodeKind, String) {
    (edge_end.kind, edge_end.id.to_string())
}

fn reference_edge(edge: &Edge) -> ReferenceEdge {
    ReferenceEdge {
        from: node_of(&edge.from),
        to: node_of(&edge.to),
        output_port: edge.output_port.clone(),
        contract: edge.contract.as_ref().map(ToString::to_string),
        version: edge.version.clone(),
        input_port: edge.input_port.clone(),
    }
}

fn query_id(node: &(NodeKind, String)) -> String {
    let prefix = match node.0 {
        NodeKind::Product => "product",
        NodeKind::SourceSystem => "source",
        NodeKind::Consumer => "consumer",
    };
    format!("{prefix}:{}", node.1)
}

fn fail(error: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

/// The tie-break among equally short hops, as the engine documents it.
type HopKey = (String, NodeKind, String, String, String);

fn hop_key(edge: &ReferenceEdge, downstream: bool) -> HopKey {
    let nearer = if downstream { &edge.from } else { &edge.to };
    (
        nearer.1.clone(),
        nearer.0,
        edge.contract.clone().unwrap_or_default(),
        edge.output_port.clone().unwrap_or_default(),
        edge.input_port.clone().unwrap_or_default(),
    )
}

/// Checks an impact or lineage against reference distances, and every path: as long as the distance, joined
/// hop to hop, made of real edges, with the documented choice among equally short ones.
fn check_reach(
    reach: &Reach,
    expected: &BTreeMap<(NodeKind, String), usize>,
    reference: &Reference,
    downstream: bool,
    seed_edges: &[&ReferenceEdge],
) -> Result<(), TestCaseError> {
    let got: BTreeMap<(NodeKind, String), usize> =
        reach.nodes.iter().map(|node| ((node.kind, node.id.to_string()), node.distance)).collect();
    prop_assert_eq!(&got, expected, "reached nodes of {}", reach.target);
    for node in &reach.nodes {
        let here = (node.kind, node.id.to_string());
        prop_assert_eq!(node.path.len(), node.distance, "path length to {:?}", here);
        let hops: Vec<ReferenceEdge> = node.path.iter().map(reference_edge).collect();
        for pair in hops.windows(2) {
            prop_assert_eq!(&pair[0].to, &pair[1].from, "broken path to {:?}", here);
        }
        for hop in &hops {
            prop_assert!(reference.edges.contains(hop), "{:?} is not an edge of the design", hop);
        }
        let Some(step) = (if downstream { hops.last() } else { hops.first() }) else { continue };
        prop_assert_eq!(if downstream { &step.to } else { &step.from }, &here);
        // Every edge that could be this node's step from one hop nearer the target; the engine picks the least.
        let candidates: Vec<&ReferenceEdge> = if node.distance == 1 && !seed_edges.is_empty() {
            seed_edges.iter().copied().filter(|edge| edge.to == here).collect()
        } else {
            reference
                .edges
                .iter()
                .filter(|edge| {
                    let (nearer, farther) = if downstream { (&edge.from, &edge.to) } else { (&edge.to, &edge.from) };
                    farther == &here && expected_distance(expected, nearer, reach) == Some(node.distance - 1)
                })
                .collect()
        };
        let best = candidates.iter().map(|edge| hop_key(edge, downstream)).min();
        prop_assert_eq!(Some(hop_key(step, downstream)), best, "not the documented shortest path to {:?}", here);
        // The rest of the path is the nearer node's own path.
        let nearer = if downstream { &step.from } else { &step.to };
        let previous = reach
            .nodes
            .iter()
            .find(|other| (other.kind, other.id.to_string()) == *nearer && other.distance + 1 == node.distance);
        if let Some(previous) = previous {
            let rest: Vec<&Edge> = if downstream {
                node.path.iter().take(node.distance - 1).collect()
            } else {
                node.path.iter().skip(1).collect()
            };
            prop_assert_eq!(rest, previous.path.iter().collect::<Vec<_>>());
        }
    }
    Ok(())
}

/// A node's distance in a reach, counting the target of a node query as distance 0.
fn expected_distance(
    expected: &BTreeMap<(NodeKind, String), usize>,
    node: &(NodeKind, String),
    reach: &Reach,
) -> Option<usize> {
    if let Some(distance) = expected.get(node) {
        return Some(*distance);
    }
    let is_target = matches!(
        reach.target.kind,
        meshwright::graph::TargetKind::Product
            | meshwright::graph::TargetKind::Consumer
            | meshwright::graph::TargetKind::SourceSystem
    ) && reach.target.id == node.1;
    is_target.then_some(0)
}

fn check_queries(graph: &MeshGraph, mesh: &Mesh) -> Result<(), TestCaseError> {
    let reference = Reference::new(mesh);
    let mut edges: Vec<ReferenceEdge> = graph.edges().iter().map(reference_edge).collect();
    edges.sort();
    prop_assert_eq!(&edges, &reference.edges);

    for node in &reference.nodes {
        let text = query_id(node);
        let impact = graph.impact(&text).map_err(fail)?;
        let mut expected = reference.distances(&[(node.clone(), 0)], true);
        expected.remove(node);
        check_reach(&impact, &expected, &reference, true, &[])?;
        let lineage = graph.lineage(&text).map_err(fail)?;
        let mut expected = reference.distances(&[(node.clone(), 0)], false);
        expected.remove(node);
        check_reach(&lineage, &expected, &reference, false, &[])?;
    }

    for number in 0..CONTRACTS {
        let contract = format!("c{number}");
        let seed_edges: Vec<&ReferenceEdge> =
            reference.edges.iter().filter(|edge| edge.contract.as_deref() == Some(contract.as_str())).collect();
        let publishers: BTreeSet<(NodeKind, String)> = mesh
            .products
            .values()
            .filter(|product| {
                product
                    .output_ports
                    .iter()
                    .any(|port| port.contract_id.as_ref().is_some_and(|id| id.as_str() == contract))
            })
            .map(|product| (NodeKind::Product, product.id.to_string()))
            .collect();
        let read = mesh.dependencies().any(|(_, binding)| binding.target().as_str() == contract);
        let known = number < DOCUMENTED_CONTRACTS || !publishers.is_empty() || read;
        let text = format!("contract:{contract}");
        let Ok(impact) = graph.impact(&text) else {
            prop_assert!(!known, "contract {} is known but not found", contract);
            continue;
        };
        prop_assert!(known, "contract {} is unknown but found", contract);
        let seeds: Vec<((NodeKind, String), usize)> = seed_edges.iter().map(|edge| (edge.to.clone(), 1)).collect();
        check_reach(&impact, &reference.distances(&seeds, true), &reference, true, &seed_edges)?;
        let seeds: Vec<((NodeKind, String), usize)> = publishers.iter().map(|node| (node.clone(), 0)).collect();
        let lineage = graph.lineage(&text).map_err(fail)?;
        check_reach(&lineage, &reference.distances(&seeds, false), &reference, false, &[])?;
    }

    for product in mesh.products.values() {
        for port in &product.output_ports {
            let text = format!("{}/{}", product.id, port.name);
            let seed_edges: Vec<&ReferenceEdge> = reference
                .edges
                .iter()
                .filter(|edge| {
                    edge.from.1 == product.id.as_str() && edge.output_port.as_deref() == Some(port.name.as_str())
                })
                .collect();
            let seeds: Vec<((NodeKind, String), usize)> = seed_edges.iter().map(|edge| (edge.to.clone(), 1)).collect();
            let impact = graph.impact(&text).map_err(fail)?;
            check_reach(&impact, &reference.distances(&seeds, true), &reference, true, &seed_edges)?;
        }
    }
    Ok(())
}

fn check_structure(graph: &MeshGraph, reference: &Reference) -> Result<(), TestCaseError> {
    let cycles: BTreeSet<BTreeSet<(NodeKind, String)>> = graph
        .cycles()
        .iter()
        .map(|cycle| cycle.members.iter().map(|id| (NodeKind::Product, id.to_string())).collect())
        .collect();
    prop_assert_eq!(&cycles, &reference.cycles());
    for cycle in graph.cycles() {
        let members: BTreeSet<(NodeKind, String)> =
            cycle.members.iter().map(|id| (NodeKind::Product, id.to_string())).collect();
        let internal = reference.internal_edges(&members);
        let edges: Vec<ReferenceEdge> = cycle.edges.iter().map(reference_edge).collect();
        prop_assert_eq!(edges.iter().collect::<Vec<_>>(), internal.clone());
        let closing: Vec<ReferenceEdge> = cycle.closing_edges.iter().map(reference_edge).collect();
        prop_assert!(!closing.is_empty());
        prop_assert!(closing.iter().all(|edge| internal.contains(&edge)));
        let rest: Vec<&ReferenceEdge> = internal.iter().copied().filter(|edge| !closing.contains(edge)).collect();
        prop_assert!(Reference::acyclic(&members, &rest), "removing the closing edges leaves a cycle");
    }

    let layers = graph.layers();
    prop_assert_eq!(layers.acyclic, cycles.is_empty());
    let got: BTreeMap<String, usize> = layers
        .layers
        .iter()
        .flat_map(|layer| layer.products.iter().map(move |id| (id.to_string(), layer.index)))
        .collect();
    prop_assert_eq!(got, reference.layers());
    let grouped: BTreeSet<BTreeSet<(NodeKind, String)>> = layers
        .layers
        .iter()
        .flat_map(|layer| &layer.cycles)
        .map(|cycle| cycle.iter().map(|id| (NodeKind::Product, id.to_string())).collect())
        .collect();
    prop_assert_eq!(grouped, cycles);
    Ok(())
}

fn check_stats(graph: &MeshGraph, reference: &Reference) -> Result<(), TestCaseError> {
    let stats = graph.stats();
    prop_assert_eq!(stats.totals.dependencies, reference.edges.len());
    for product in &stats.products {
        let node = (NodeKind::Product, product.id.to_string());
        let upstream: BTreeSet<&(NodeKind, String)> =
            reference.edges.iter().filter(|edge| edge.to == node).map(|edge| &edge.from).collect();
        let downstream: BTreeSet<&(NodeKind, String)> =
            reference.edges.iter().filter(|edge| edge.from == node).map(|edge| &edge.to).collect();
        prop_assert_eq!(product.fan_in, upstream.len(), "fan-in of {}", product.id);
        prop_assert_eq!(product.fan_out, downstream.len(), "fan-out of {}", product.id);
        let reach: Vec<&(NodeKind, String)> =
            reference.reach.get(&node).into_iter().flatten().filter(|other| **other != node).collect();
        prop_assert_eq!(product.transitive_dependents, reach.len(), "dependents of {}", product.id);
        let consumers = reach.iter().filter(|other| other.0 == NodeKind::Consumer).count();
        prop_assert_eq!(product.transitive_consumers, consumers, "consumers downstream of {}", product.id);
        prop_assert_eq!(stats.orphans.contains(&product.id), downstream.is_empty());
        prop_assert_eq!(stats.serving_no_consumer.contains(&product.id), consumers == 0);
    }
    prop_assert_eq!(stats.products.len(), reference.nodes.iter().filter(|node| node.0 == NodeKind::Product).count());

    let mut matrix: BTreeMap<(String, String), usize> = BTreeMap::new();
    for edge in &reference.edges {
        let from = reference.domain.get(&edge.from).cloned().flatten();
        let to = reference.domain.get(&edge.to).cloned().flatten();
        if let (Some(from), Some(to)) = (from, to) {
            *matrix.entry((from, to)).or_insert(0) += 1;
        }
    }
    let got: BTreeMap<(String, String), usize> = stats
        .domain_dependencies
        .iter()
        .map(|entry| ((entry.from.to_string(), entry.to.to_string()), entry.edges))
        .collect();
    prop_assert_eq!(got, matrix);

    let path = &stats.critical_path;
    prop_assert_eq!(path.length, reference.critical_path_length());
    prop_assert_eq!(path.length, path.products.len());
    // The chain is whole components, each read by the one before.
    let mut chain: Vec<BTreeSet<(NodeKind, String)>> = Vec::new();
    for id in &path.products {
        let node = (NodeKind::Product, id.to_string());
        if chain.last().is_none_or(|component| !component.contains(&node)) {
            chain.push(reference.component(&node));
        }
    }
    prop_assert_eq!(chain.iter().map(BTreeSet::len).sum::<usize>(), path.length);
    for pair in chain.windows(2) {
        let linked = reference.edges.iter().any(|edge| pair[0].contains(&edge.from) && pair[1].contains(&edge.to));
        prop_assert!(linked, "the critical path skips from {:?} to {:?}", pair[0], pair[1]);
    }
    Ok(())
}

/// The edited graph and a fresh build of the same design give the same answers, to the byte.
fn check_same_as_fresh(graph: &MeshGraph, mesh: &Mesh) -> Result<(), TestCaseError> {
    let fresh = MeshGraph::build(mesh);
    prop_assert_eq!(graph.stats(), fresh.stats());
    prop_assert_eq!(graph.cycles(), fresh.cycles());
    prop_assert_eq!(graph.layers(), fresh.layers());
    prop_assert_eq!(graph.mermaid(&Scope::Whole).map_err(fail)?, fresh.mermaid(&Scope::Whole).map_err(fail)?);
    prop_assert_eq!(graph.dot(&Scope::Whole).map_err(fail)?, fresh.dot(&Scope::Whole).map_err(fail)?);
    for id in mesh.products.keys().chain(mesh.consumers.keys()) {
        prop_assert_eq!(graph.impact(id.as_str()).map_err(fail)?, fresh.impact(id.as_str()).map_err(fail)?);
        prop_assert_eq!(graph.lineage(id.as_str()).map_err(fail)?, fresh.lineage(id.as_str()).map_err(fail)?);
    }
    Ok(())
}

/// How many cases had each situation the properties are meant to cover, so that a generator that stopped making
/// them fails the test instead of passing it vacuously.
#[derive(Debug, Default)]
struct Coverage {
    cycles: usize,
    isolated_nodes: usize,
    unresolved_bindings: usize,
    shared_contracts: usize,
    removals_between_queries: usize,
}

fn check(spec: &DesignSpec, coverage: &mut Coverage) -> Result<(), TestCaseError> {
    let mut mesh = design(spec)?;
    let mut graph = MeshGraph::build(&mesh);
    let mut next_number = spec.products.len();
    let mut seen = [false; 5];
    let mut check_everything = |graph: &MeshGraph, mesh: &Mesh| -> Result<(), TestCaseError> {
        let reference = Reference::new(mesh);
        check_queries(graph, mesh)?;
        check_structure(graph, &reference)?;
        check_stats(graph, &reference)?;
        check_same_as_fresh(graph, mesh)?;
        seen[0] |= !reference.cycles().is_empty();
        seen[1] |= reference
            .nodes
            .iter()
            .any(|node| reference.edges.iter().all(|edge| &edge.from != node && &edge.to != node));
        seen[2] |= graph.stats().totals.unresolved_bindings > 0;
        let mut published: Vec<&Id> = mesh
            .products
            .values()
            .flat_map(|product| product.output_ports.iter().filter_map(|port| port.contract_id.as_ref()))
            .collect();
        let count = published.len();
        published.sort();
        published.dedup();
        seen[3] |= published.len() < count;
        Ok(())
    };
    check_everything(&graph, &mesh)?;
    // Queries between edits fill the caches, which each edit must then leave valid or drop.
    let mut removed = false;
    for edit in &spec.edits {
        let before = mesh.products.len() + mesh.consumers.len() + mesh.source_systems.len();
        apply(edit, &mut mesh, &mut graph, &mut next_number)?;
        removed |= mesh.products.len() + mesh.consumers.len() + mesh.source_systems.len() < before;
        check_everything(&graph, &mesh)?;
    }
    seen[4] = removed;
    let counters = [
        &mut coverage.cycles,
        &mut coverage.isolated_nodes,
        &mut coverage.unresolved_bindings,
        &mut coverage.shared_contracts,
        &mut coverage.removals_between_queries,
    ];
    for (counter, seen) in counters.into_iter().zip(seen) {
        *counter += usize::from(seen);
    }
    Ok(())
}

#[test]
fn every_query_agrees_with_brute_force_on_random_designs_and_edits() -> crate::support::TestResult {
    const CASES: u32 = 96;
    let mut runner = TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() });
    let coverage = std::cell::RefCell::new(Coverage::default());
    runner.run(&design_spec(), |spec| check(&spec, &mut coverage.borrow_mut()))?;
    let coverage = coverage.into_inner();
    let least = CASES as usize / 10;
    let counts = [
        coverage.cycles,
        coverage.isolated_nodes,
        coverage.unresolved_bindings,
        coverage.shared_contracts,
        coverage.removals_between_queries,
    ];
    assert!(counts.iter().all(|&count| count >= least), "too few cases of some situation: {coverage:?}");
    Ok(())
}
