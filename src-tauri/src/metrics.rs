//! The seed metrics of a design, at design time: products per domain and status; productive products (active,
//! with a contract, an SLA and at least one consumer) per domain; contract, SLA and classification coverage; the
//! governance compliance rate; consumers per product; and the planned lead time from proposal to going live.

use crate::governance::{CheckOptions, Report};
use crate::model::{Binding, Id, Mesh, SchemaProperty, Status};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use ts_rs::TS;

/// A share: how many of how many, and the percentage with one decimal (0 when there is nothing to count).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ratio {
    pub covered: usize,
    pub total: usize,
    pub percent: f64,
}

impl Ratio {
    pub fn of(covered: usize, total: usize) -> Self {
        let percent = (covered * 1000 + total / 2).checked_div(total).map_or(0.0, |tenths| tenths as f64 / 10.0);
        Self { covered, total, percent }
    }
}

/// One domain's products.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DomainMetrics {
    /// None for products without a domain.
    pub domain: Option<Id>,
    pub name: Option<String>,
    pub products: usize,
    /// Products by status (`proposed`, `draft`, `active`, …).
    pub by_status: BTreeMap<String, usize>,
    pub productive: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Output ports whose contract the design holds.
    pub contracts: Ratio,
    /// Contracts with at least one SLA property.
    pub sla: Ratio,
    /// Schema properties (nested ones included) with a classification.
    pub classification: Ratio,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Compliance {
    /// Products without an error finding (their own, their contracts', their cycles').
    pub compliance: Ratio,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// How a count spreads over products.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Distribution {
    pub count: usize,
    pub mean: f64,
    pub median: f64,
    pub max: i64,
    /// How many have 0.
    pub zero: usize,
}

impl Distribution {
    fn of(mut values: Vec<i64>) -> Self {
        values.sort_unstable();
        let count = values.len();
        let sum: i64 = values.iter().sum();
        let mean = if count == 0 { 0.0 } else { ((sum as f64 / count as f64) * 10.0).round() / 10.0 };
        let median = match count {
            0 => 0.0,
            n if n % 2 == 1 => values[n / 2] as f64,
            n => (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0,
        };
        Self {
            count,
            mean,
            median,
            max: values.last().copied().unwrap_or(0),
            zero: values.iter().filter(|value| **value == 0).count(),
        }
    }
}

/// A product's readers: the consumers and the other products that read its output ports.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProductReaders {
    pub product: Id,
    pub consumers: usize,
    pub products: usize,
}

/// Days from a product's proposal (the plan's start date, else its wave's start) to its wave's live date.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LeadTime {
    /// Over the products whose dates are known.
    pub days: Distribution,
    /// Mean days per domain.
    pub by_domain: BTreeMap<String, f64>,
}

/// Everything `meshwright metrics` reports.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub design: String,
    pub products: usize,
    pub by_status: BTreeMap<String, usize>,
    pub domains: Vec<DomainMetrics>,
    pub productive: Ratio,
    pub coverage: Coverage,
    pub governance: Compliance,
    /// Readers (consumers and products) per product.
    pub consumers_per_product: Distribution,
    pub readers: Vec<ProductReaders>,
    pub lead_time: LeadTime,
}

fn count_properties(properties: &[SchemaProperty], total: &mut usize, classified: &mut usize) {
    for property in properties {
        *total += 1;
        if property.classification.as_ref().is_some_and(|text| !text.trim().is_empty()) {
            *classified += 1;
        }
        count_properties(&property.properties, total, classified);
    }
}

/// Measures a design; runs the governance check for the compliance rate.
pub fn measure(mesh: &Mesh, today: &str) -> Metrics {
    let report = crate::governance::check(mesh, &CheckOptions::on(today));
    measure_with(mesh, &report)
}

/// Measures a design with a governance report already made (the studio has one).
pub fn measure_with(mesh: &Mesh, report: &Report) -> Metrics {
    let mut readers: HashMap<&Id, (BTreeSet<&Id>, BTreeSet<&Id>)> = HashMap::new();
    for product in mesh.products.values() {
        for port in &product.input_ports {
            if let Binding::Contract { contract_id, .. } = &port.source {
                readers.entry(contract_id).or_default().1.insert(&product.id);
            }
        }
    }
    for consumer in mesh.consumers.values() {
        for binding in &consumer.inputs {
            if let Binding::Contract { contract_id, .. } = binding {
                readers.entry(contract_id).or_default().0.insert(&consumer.id);
            }
        }
    }
    let (mut ports, mut ports_with_contract) = (0, 0);
    let mut per_product = Vec::with_capacity(mesh.products.len());
    let mut productive_ids: BTreeSet<&Id> = BTreeSet::new();
    for product in mesh.products.values() {
        let (mut consumers, mut products): (BTreeSet<&Id>, BTreeSet<&Id>) = Default::default();
        let mut has_contract = false;
        let mut has_sla = false;
        for port in &product.output_ports {
            ports += 1;
            let Some(contract_id) = &port.contract_id else { continue };
            if let Some(contract) = mesh.contracts.get(contract_id) {
                ports_with_contract += 1;
                has_contract = true;
                has_sla |= !contract.sla_properties.is_empty();
            }
            if let Some((by_consumers, by_products)) = readers.get(contract_id) {
                consumers.extend(by_consumers);
                products.extend(by_products.iter().filter(|reader| **reader != &product.id));
            }
        }
        if product.status == Status::Active && has_contract && has_sla && !(consumers.is_empty() && products.is_empty())
        {
            productive_ids.insert(&product.id);
        }
        per_product.push(ProductReaders {
            product: product.id.clone(),
            consumers: consumers.len(),
            products: products.len(),
        });
    }
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    let mut domains: BTreeMap<Option<&Id>, DomainMetrics> = mesh
        .domains
        .values()
        .map(|domain| {
            (
                Some(&domain.id),
                DomainMetrics {
                    domain: Some(domain.id.clone()),
                    name: Some(domain.name.clone()),
                    products: 0,
                    by_status: BTreeMap::new(),
                    productive: 0,
                },
            )
        })
        .collect();
    for product in mesh.products.values() {
        *by_status.entry(product.status.to_string()).or_default() += 1;
        let key = product.domain.as_ref().filter(|domain| mesh.domains.contains_key(*domain));
        let row = domains.entry(key).or_insert_with(|| DomainMetrics {
            domain: None,
            name: None,
            products: 0,
            by_status: BTreeMap::new(),
            productive: 0,
        });
        row.products += 1;
        *row.by_status.entry(product.status.to_string()).or_default() += 1;
        if productive_ids.contains(&product.id) {
            row.productive += 1;
        }
    }
    // Domains first by id, products without a domain last.
    let mut domains: Vec<DomainMetrics> = domains.into_values().collect();
    domains.sort_by_key(|row| (row.domain.is_none(), row.domain.clone()));
    let contracts_with_sla = mesh.contracts.values().filter(|contract| !contract.sla_properties.is_empty()).count();
    let (mut properties, mut classified) = (0, 0);
    for contract in mesh.contracts.values() {
        for object in &contract.schema {
            count_properties(&object.properties, &mut properties, &mut classified);
        }
    }
    let compliant = report.scores.products.iter().filter(|score| score.counts.error == 0).count();
    Metrics {
        design: mesh.settings.name.clone(),
        products: mesh.products.len(),
        by_status,
        domains,
        productive: Ratio::of(productive_ids.len(), mesh.products.len()),
        coverage: Coverage {
            contracts: Ratio::of(ports_with_contract, ports),
            sla: Ratio::of(contracts_with_sla, mesh.contracts.len()),
            classification: Ratio::of(classified, properties),
        },
        governance: Compliance {
            compliance: Ratio::of(compliant, report.scores.products.len()),
            errors: report.counts.error,
            warnings: report.counts.warning,
            infos: report.counts.info,
        },
        consumers_per_product: Distribution::of(
            per_product.iter().map(|row| i64::try_from(row.consumers + row.products).unwrap_or(i64::MAX)).collect(),
        ),
        readers: per_product,
        lead_time: lead_time(mesh),
    }
}

fn lead_time(mesh: &Mesh) -> LeadTime {
    let waves = crate::plan::waves::product_waves(mesh);
    let plan_start = mesh.settings.rollout.start.as_deref().and_then(crate::plan::days_from_date);
    let mut all = Vec::new();
    let mut by_domain: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for product in mesh.products.values() {
        let Some(wave) = waves.get(&product.id).and_then(|(_, id)| mesh.waves.get(id)) else { continue };
        let Some(live) = wave.live.as_deref().and_then(crate::plan::days_from_date) else { continue };
        let Some(start) = plan_start.or_else(|| wave.start.as_deref().and_then(crate::plan::days_from_date)) else {
            continue;
        };
        let days = live - start;
        all.push(days);
        let domain = product.domain.as_ref().map_or_else(String::new, ToString::to_string);
        by_domain.entry(domain).or_default().push(days);
    }
    LeadTime {
        days: Distribution::of(all),
        by_domain: by_domain.into_iter().map(|(domain, days)| (domain, Distribution::of(days).mean)).collect(),
    }
}
