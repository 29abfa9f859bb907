//! Waves: the hand-worked proposal under capacities 2 and 1, the stored plan's wave-order findings, and the
//! validity of proposals on generated designs (no product in a wave before a product it reads).

use super::design;
use crate::support::TestResult;
use meshwright::generate::{GenerateOptions, generate};
use meshwright::model::{Id, Status};
use meshwright::plan::{Dependencies, PlanOptions, as_of_wave, plan, proposal_as_waves};
use std::collections::HashMap;

fn waves_of(planned: &[meshwright::plan::PlannedWave]) -> Vec<Vec<&str>> {
    planned.iter().map(|wave| wave.products.iter().map(Id::as_str).collect()).collect()
}

#[test]
fn the_proposal_puts_the_lighthouse_first_under_the_capacity() -> TestResult {
    // Capacity 2. Wave 1: sales.orders (lighthouse) and support.tickets (the only other product that reads
    // nothing). Wave 2: sales.revenue (lighthouse) and billing.invoices. Wave 3: billing.dunning, support.churn.
    let planned = plan(&design()?, PlanOptions::default());
    assert_eq!(
        waves_of(&planned.proposal),
        vec![
            vec!["sales.orders", "support.tickets"],
            vec!["billing.invoices", "sales.revenue"],
            vec!["billing.dunning", "support.churn"],
        ]
    );
    // Capacity 1: the lighthouse's products first, then by domain rank (billing before support), longest chain
    // ahead first within a rank.
    let one = plan(&design()?, PlanOptions { capacity: Some(1) });
    assert_eq!(
        waves_of(&one.proposal),
        vec![
            vec!["sales.orders"],
            vec!["sales.revenue"],
            vec!["billing.invoices"],
            vec!["billing.dunning"],
            vec!["support.tickets"],
            vec!["support.churn"],
        ]
    );
    // The longest chain: sales.orders → billing.invoices → billing.dunning (ties go to the smaller id).
    let path: Vec<&str> = planned.critical_path.products.iter().map(Id::as_str).collect();
    assert_eq!(path, vec!["sales.orders", "billing.invoices", "billing.dunning"]);
    assert_eq!(planned.critical_path.minimum_waves, 3);
    Ok(())
}

#[test]
fn the_stored_plan_reports_products_going_live_before_their_inputs() -> TestResult {
    let planned = plan(&design()?, PlanOptions::default());
    let waves: Vec<(u32, Vec<&str>)> =
        planned.waves.iter().map(|wave| (wave.number, wave.products.iter().map(Id::as_str).collect())).collect();
    assert_eq!(
        waves,
        vec![
            (1, vec!["billing.dunning", "sales.orders", "sales.revenue"]),
            (2, vec!["billing.invoices", "support.churn"]),
            (3, vec![]),
        ]
    );
    assert_eq!(planned.unplanned, vec![Id::new("support.tickets").unwrap()]);
    let findings: Vec<(&str, &str)> = planned
        .wave_findings
        .iter()
        .map(|finding| (finding.rule.as_str(), finding.subject().map_or("", |subject| subject.id.as_str())))
        .collect();
    assert_eq!(findings, vec![("MW-ROL-001", "billing.dunning"), ("MW-ROL-001", "support.churn")]);
    assert_eq!(
        planned.wave_findings[0].message,
        "Product `billing.dunning` goes live in wave 1 but reads `billing.invoices` from product `billing.invoices`, \
         which goes live in wave 2"
    );
    assert!(planned.wave_findings[1].message.contains("which is in no wave and not live yet (status draft)"));
    // The full check reports the same two.
    let report = meshwright::governance::check(&design()?, &meshwright::governance::CheckOptions::on("2026-06-01"));
    let in_check = report.findings.iter().filter(|finding| finding.rule == "MW-ROL-001").count();
    assert_eq!(in_check, 2);
    Ok(())
}

#[test]
fn the_mesh_as_of_a_wave_holds_what_has_gone_live() -> TestResult {
    let mesh = design()?;
    let first = as_of_wave(&mesh, 1);
    let products: Vec<&str> = first.products.keys().map(Id::as_str).collect();
    assert_eq!(products, vec!["billing.dunning", "sales.orders", "sales.revenue"]);
    let consumers: Vec<&str> = first.consumers.keys().map(Id::as_str).collect();
    assert_eq!(consumers, vec!["cfo-report", "revenue-dashboard"]);
    assert!(!first.contracts.contains_key("billing.invoices"), "its publisher is not live yet");
    assert_eq!(as_of_wave(&mesh, 3).products.len(), 5, "support.tickets is in no wave and a draft");
    Ok(())
}

/// Every product's wave in a proposal, checking each product appears once.
fn placement(proposal: &[meshwright::plan::PlannedWave]) -> HashMap<Id, u32> {
    let mut placed = HashMap::new();
    for wave in proposal {
        for product in &wave.products {
            assert!(placed.insert(product.clone(), wave.number).is_none(), "{product} is in two waves");
        }
    }
    placed
}

#[test]
fn proposals_on_generated_designs_never_put_a_product_before_its_inputs() -> TestResult {
    for seed in 1..=12u64 {
        let cycles = if seed % 3 == 0 { 2 } else { 0 };
        let mesh = generate(GenerateOptions {
            domains: 4 + (seed as usize % 5),
            products: 40 + 7 * seed as usize,
            seed,
            cycles,
        })?;
        let capacity = u32::try_from(1 + seed % 9)?;
        let planned = plan(&mesh, PlanOptions { capacity: Some(capacity) });
        let placed = placement(&planned.proposal);
        let dependencies = Dependencies::of(&mesh);
        let cycle_of: HashMap<&Id, usize> = dependencies
            .cycles
            .iter()
            .enumerate()
            .flat_map(|(index, members)| members.iter().map(move |member| (member, index)))
            .collect();
        for product in mesh.products.values() {
            if product.status == Status::Retired {
                assert!(!placed.contains_key(&product.id), "seed {seed}: retired {} is planned", product.id);
                continue;
            }
            let wave = placed[&product.id];
            for provider in &dependencies.upstream[&product.id] {
                let Some(&provider_wave) = placed.get(provider) else { continue };
                let same_cycle =
                    cycle_of.contains_key(&product.id) && cycle_of.get(&product.id) == cycle_of.get(provider);
                if same_cycle {
                    assert_eq!(provider_wave, wave, "seed {seed}: a cycle is split between waves");
                } else {
                    assert!(
                        provider_wave < wave,
                        "seed {seed}: {} (wave {wave}) reads {provider} (wave {provider_wave})",
                        product.id
                    );
                }
            }
        }
        for wave in &planned.proposal {
            let oversized = wave.products.len() > capacity as usize;
            assert!(
                !oversized || cycle_of.contains_key(&wave.products[0]),
                "seed {seed}: wave {} is over capacity",
                wave.number
            );
        }
        assert!(planned.proposal.len() >= planned.critical_path.minimum_waves, "seed {seed}");
        // Stored as the plan, the proposal raises no wave-order finding but about retired inputs.
        let mut applied = mesh.clone();
        applied.waves =
            proposal_as_waves(&planned.proposal, None, None)?.into_iter().map(|w| (w.id.clone(), w)).collect();
        for finding in meshwright::governance::rollout_findings(&applied) {
            let provider = &finding.entities[1].id;
            assert_eq!(applied.products[provider.as_str()].status, Status::Retired, "seed {seed}: {}", finding.message);
        }
    }
    Ok(())
}
