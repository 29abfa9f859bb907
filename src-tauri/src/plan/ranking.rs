//! Lighthouse candidates: domains ranked by the business value the user entered, their readiness, and how
//! tangled they are in the dependency graph (inputs from other domains' products make a pilot wait on others;
//! consumers reached make its success visible). Every rank comes with its reasons in words.

use super::dependencies::Dependencies;
use super::readiness::DomainReadiness;
use crate::model::{Id, Mesh};
use serde::Serialize;
use std::collections::BTreeSet;
use ts_rs::TS;

/// Weights of the four factors, in percent.
pub const VALUE_WEIGHT: u32 = 35;
pub const READINESS_WEIGHT: u32 = 35;
pub const INDEPENDENCE_WEIGHT: u32 = 20;
pub const REACH_WEIGHT: u32 = 10;

/// One ranked domain.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LighthouseCandidate {
    /// 1 for the best candidate.
    pub rank: usize,
    #[ts(type = "string")]
    pub domain: Id,
    pub name: String,
    /// 0–100, the weighted factors below.
    pub score: u32,
    pub business_value: Option<u8>,
    pub readiness: Option<u32>,
    pub products: usize,
    /// Distinct products of other domains its products read.
    pub cross_domain_inputs: usize,
    /// Distinct consumers its products reach, directly or through other products.
    pub consumers_reached: usize,
    /// The rank in words.
    pub explanation: String,
}

fn ordinal(rank: usize) -> String {
    let suffix = match (rank % 10, rank % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{rank}{suffix}")
}

/// Ranks every domain of the design.
pub fn rank(mesh: &Mesh, readiness: &[DomainReadiness], dependencies: &Dependencies) -> Vec<LighthouseCandidate> {
    let mut rows: Vec<(LighthouseCandidate, [u32; 4])> = Vec::new();
    for domain in mesh.domains.values() {
        let products: Vec<&Id> = mesh
            .products
            .values()
            .filter(|product| product.domain.as_ref() == Some(&domain.id))
            .map(|product| &product.id)
            .collect();
        let mut inputs: BTreeSet<&Id> = BTreeSet::new();
        for product in &products {
            for provider in dependencies.upstream.get(*product).into_iter().flatten() {
                let other_domain = mesh.products.get(provider).and_then(|p| p.domain.as_ref());
                if other_domain != Some(&domain.id) {
                    inputs.insert(provider);
                }
            }
        }
        let reached = dependencies.consumers_reached(products.iter().copied()).len();
        let scored = readiness.iter().find(|row| row.domain == domain.id);
        let business_value = scored.and_then(|row| row.business_value);
        let ready = scored.and_then(|row| row.readiness);
        rows.push((
            LighthouseCandidate {
                rank: 0,
                domain: domain.id.clone(),
                name: domain.name.clone(),
                score: 0,
                business_value,
                readiness: ready,
                products: products.len(),
                cross_domain_inputs: inputs.len(),
                consumers_reached: reached,
                explanation: String::new(),
            },
            [
                business_value.map_or(0, |value| (u32::from(value) - 1) * 25),
                ready.unwrap_or(0),
                100 / (1 + u32::try_from(inputs.len()).unwrap_or(u32::MAX - 1)),
                0,
            ],
        ));
    }
    let max_reach = rows.iter().map(|(row, _)| row.consumers_reached).max().unwrap_or(0);
    for (row, factors) in &mut rows {
        factors[3] =
            (row.consumers_reached * 100).checked_div(max_reach).map_or(0, |share| u32::try_from(share).unwrap_or(100));
        let weighted = VALUE_WEIGHT * factors[0]
            + READINESS_WEIGHT * factors[1]
            + INDEPENDENCE_WEIGHT * factors[2]
            + REACH_WEIGHT * factors[3];
        row.score = (weighted + 50) / 100;
    }
    rows.sort_by(|(left, _), (right, _)| {
        right
            .score
            .cmp(&left.score)
            .then(right.readiness.cmp(&left.readiness))
            .then_with(|| left.domain.cmp(&right.domain))
    });
    let count = rows.len();
    rows.into_iter()
        .enumerate()
        .map(|(position, (mut row, factors))| {
            row.rank = position + 1;
            row.explanation = explain(&row, factors, count);
            row
        })
        .collect()
}

fn explain(row: &LighthouseCandidate, factors: [u32; 4], count: usize) -> String {
    let value =
        row.business_value.map_or_else(|| "no business value entered".to_owned(), |v| format!("business value {v}/5"));
    let readiness = row.readiness.map_or_else(|| "readiness not assessed".to_owned(), |r| format!("readiness {r}/100"));
    let inputs = match row.cross_domain_inputs {
        0 => "reads no product of another domain, so it can go live on its own".to_owned(),
        1 => "reads 1 product of another domain".to_owned(),
        n => format!("reads {n} products of other domains, so it waits on them"),
    };
    let reach = match row.consumers_reached {
        1 => "reaches 1 consumer".to_owned(),
        n => format!("reaches {n} consumers"),
    };
    let names = ["business value", "readiness", "independence", "reach"];
    let strongest =
        factors.iter().zip(names).max_by_key(|(factor, _)| **factor).map(|(_, name)| name).unwrap_or("readiness");
    let weakest =
        factors.iter().zip(names).min_by_key(|(factor, _)| **factor).map(|(_, name)| name).unwrap_or("readiness");
    format!(
        "{} ranks {} of {count} (score {}): {value}, {readiness}; it {inputs} and {reach}. Strongest on {strongest}, \
         weakest on {weakest}.",
        row.name,
        ordinal(row.rank),
        row.score
    )
}
