//! Scores: 0–100 per product and per domain with counts by severity, and the mesh-level metric of the seeds: the
//! share of products whose contracts declare SLA and quality and that have no error finding.
//!
//! A product's findings are its own, the findings of the contracts its output ports publish, and the cycles it is
//! in. A product starts at 100 and loses `ERROR_COST` per error, `WARNING_COST` per warning and `INFO_COST` per
//! info, never below 0. A domain's score is the mean of its products' scores less the cost of the domain's own
//! findings.

use super::findings::{Finding, SeverityCounts};
use super::rules::contracts::declares_sla_and_quality;
use crate::model::{EntityKind, Id, Mesh};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::BTreeMap;

const ERROR_COST: u32 = 25;
const WARNING_COST: u32 = 5;
const INFO_COST: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductScore {
    pub product: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    pub score: u32,
    pub counts: SeverityCounts,
    /// Its output contracts all declare SLA and quality, and it has no error finding.
    pub productive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainScore {
    pub domain: Id,
    pub score: u32,
    pub products: usize,
    /// The domain's own findings and its products'.
    pub counts: SeverityCounts,
}

/// The mesh-level metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshMetric {
    pub products: usize,
    pub productive_products: usize,
    /// `productive_products / products`, 0 for an empty design.
    pub productive_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    pub products: Vec<ProductScore>,
    pub domains: Vec<DomainScore>,
    pub mesh: MeshMetric,
}

fn cost(counts: &SeverityCounts) -> u32 {
    let total = counts.error.saturating_mul(ERROR_COST as usize)
        + counts.warning.saturating_mul(WARNING_COST as usize)
        + counts.info.saturating_mul(INFO_COST as usize);
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// Scores a design from its findings.
pub fn score(mesh: &Mesh, findings: &[Finding]) -> Scores {
    let mut publishers: HashMap<&str, Vec<&str>> = HashMap::default();
    for product in mesh.products.values() {
        for port in &product.output_ports {
            if let Some(contract) = &port.contract_id {
                publishers.entry(contract.as_str()).or_default().push(product.id.as_str());
            }
        }
    }
    let mut product_counts: HashMap<&str, SeverityCounts> = HashMap::default();
    let mut domain_counts: HashMap<&str, SeverityCounts> = HashMap::default();
    for finding in findings {
        let Some(subject) = finding.subject() else { continue };
        match subject.kind {
            EntityKind::Product => {
                // A cycle concerns every member.
                for entity in finding.entities.iter().filter(|entity| entity.kind == EntityKind::Product) {
                    if finding.rule == "MW-GRF-001" || entity == subject {
                        product_counts.entry(entity.id.as_str()).or_default().add(finding.severity);
                    }
                }
            }
            EntityKind::Contract => {
                for product in publishers.get(subject.id.as_str()).into_iter().flatten() {
                    product_counts.entry(product).or_default().add(finding.severity);
                }
            }
            EntityKind::Domain => domain_counts.entry(subject.id.as_str()).or_default().add(finding.severity),
            _ => {}
        }
    }
    let products: Vec<ProductScore> = mesh
        .products
        .values()
        .map(|product| {
            let counts = product_counts.get(product.id.as_str()).copied().unwrap_or_default();
            let contracts: Vec<Option<&crate::model::Contract>> = product
                .output_ports
                .iter()
                .map(|port| port.contract_id.as_ref().and_then(|id| mesh.contracts.get(id.as_str())))
                .collect();
            let declares = !contracts.is_empty()
                && contracts.iter().all(|contract| contract.is_some_and(declares_sla_and_quality));
            ProductScore {
                product: product.id.clone(),
                domain: product.domain.clone(),
                score: 100u32.saturating_sub(cost(&counts)),
                counts,
                productive: declares && counts.error == 0,
            }
        })
        .collect();
    let mut by_domain: BTreeMap<&str, Vec<&ProductScore>> = BTreeMap::new();
    for product in &products {
        if let Some(domain) = &product.domain {
            by_domain.entry(domain.as_str()).or_default().push(product);
        }
    }
    let domains = mesh
        .domains
        .keys()
        .map(|domain| {
            let own = domain_counts.get(domain.as_str()).copied().unwrap_or_default();
            let members = by_domain.get(domain.as_str()).map(Vec::as_slice).unwrap_or_default();
            let mut counts = own;
            for member in members {
                counts.error += member.counts.error;
                counts.warning += member.counts.warning;
                counts.info += member.counts.info;
            }
            let mean = if members.is_empty() {
                100
            } else {
                let total: u64 = members.iter().map(|member| u64::from(member.score)).sum();
                u32::try_from(total / members.len() as u64).unwrap_or(100)
            };
            DomainScore {
                domain: domain.clone(),
                score: mean.saturating_sub(cost(&own)),
                products: members.len(),
                counts,
            }
        })
        .collect();
    let productive = products.iter().filter(|product| product.productive).count();
    let mesh_metric = MeshMetric {
        products: products.len(),
        productive_products: productive,
        productive_share: if products.is_empty() { 0.0 } else { productive as f64 / products.len() as f64 },
    };
    Scores { products, domains, mesh: mesh_metric }
}
