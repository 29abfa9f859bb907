//! The summary `meshwright show` prints: what a design holds, by domain.

use crate::model::{Archetype, Mesh};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub name: String,
    pub domains: usize,
    pub teams: usize,
    pub products: usize,
    pub contracts: usize,
    pub source_systems: usize,
    pub consumers: usize,
    /// Product input ports and consumer inputs.
    pub dependencies: usize,
    pub properties: usize,
    pub products_by_archetype: BTreeMap<String, usize>,
    pub products_by_status: BTreeMap<String, usize>,
    pub by_domain: Vec<DomainSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainSummary {
    pub id: String,
    pub name: String,
    pub owner_team: Option<String>,
    pub products: usize,
    pub contracts: usize,
    pub source_systems: usize,
}

pub fn summarize(mesh: &Mesh) -> Summary {
    let mut products_by_archetype = BTreeMap::new();
    let mut products_by_status = BTreeMap::new();
    for product in mesh.products.values() {
        let archetype =
            product.archetype.map_or("unspecified".to_owned(), |archetype: Archetype| archetype.to_string());
        *products_by_archetype.entry(archetype).or_insert(0) += 1;
        *products_by_status.entry(product.status.as_str().to_owned()).or_insert(0) += 1;
    }
    let by_domain = mesh
        .domains
        .values()
        .map(|domain| {
            let owned = mesh.products.values().filter(|product| product.domain.as_ref() == Some(&domain.id));
            let (products, contracts) = owned.fold((0, 0), |(products, contracts), product| {
                (
                    products + 1,
                    contracts + product.output_ports.iter().filter(|port| port.contract_id.is_some()).count(),
                )
            });
            DomainSummary {
                id: domain.id.to_string(),
                name: domain.name.clone(),
                owner_team: domain.owner_team.as_ref().map(ToString::to_string),
                products,
                contracts,
                source_systems: mesh
                    .source_systems
                    .values()
                    .filter(|system| system.domain.as_ref() == Some(&domain.id))
                    .count(),
            }
        })
        .collect();
    Summary {
        name: mesh.settings.name.clone(),
        domains: mesh.domains.len(),
        teams: mesh.teams.len(),
        products: mesh.products.len(),
        contracts: mesh.contracts.len(),
        source_systems: mesh.source_systems.len(),
        consumers: mesh.consumers.len(),
        dependencies: mesh.dependencies().count(),
        properties: mesh.contracts.values().map(|contract| contract.property_count()).sum(),
        products_by_archetype,
        products_by_status,
        by_domain,
    }
}
