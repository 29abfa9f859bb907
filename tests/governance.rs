//! Governance: every rule against a planted defect (in `rules`), policy packs, waivers and custom policies (in
//! `policy`), the report formats (in `outputs`), the examples' deliberate findings, the defect-planted fixture,
//! exit codes, and re-checking after edits against a full check.

mod outputs;
mod policy;
mod rules;

use crate::support::{TestResult, example, fixture, run_cli};
use meshwright::governance::{CheckOptions, Finding, IncrementalCheck, Severity, check};
use meshwright::model::{EntityKind, Mesh};

/// The date every test judges by, so that end-of-support dates and waivers do not drift with the calendar.
pub const TODAY: &str = "2026-06-01";

pub fn retail() -> Result<Mesh, Box<dyn std::error::Error>> {
    Ok(meshwright::design::load(&example("retail"))?)
}

fn summary(findings: &[Finding]) -> Vec<(String, Severity, String)> {
    findings
        .iter()
        .map(|finding| {
            (finding.rule.clone(), finding.severity, finding.subject().map(|s| s.id.clone()).unwrap_or_default())
        })
        .collect()
}

#[test]
fn retail_has_no_error_and_only_its_deliberate_findings() -> TestResult {
    let report = check(&retail()?, &CheckOptions::on(TODAY));
    assert_eq!(
        summary(&report.findings),
        vec![
            ("MW-DOC-005".to_owned(), Severity::Info, "marketing.recommendation-candidates".to_owned()),
            ("MW-LIF-001".to_owned(), Severity::Warning, "finance-close-report".to_owned()),
        ]
    );
    assert_eq!(report.scores.mesh.productive_products, 28);
    Ok(())
}

#[test]
fn healthcare_is_clean_until_its_deprecated_extract_passes_end_of_support() -> TestResult {
    let mesh = meshwright::design::load(&example("healthcare"))?;
    assert!(check(&mesh, &CheckOptions::on(TODAY)).findings.is_empty());
    let later = check(&mesh, &CheckOptions::on("2026-10-01"));
    assert_eq!(
        summary(&later.findings),
        vec![("MW-LIF-006".to_owned(), Severity::Warning, "patient-administration.adt-daily-extract".to_owned())]
    );
    Ok(())
}

/// The fixture is retail with six defects planted by hand (see the assertions); every one must be found on the
/// entity it was planted in, and no other entity may have an error.
#[test]
fn every_planted_defect_is_found_on_its_entity() -> TestResult {
    let mesh = meshwright::design::load(&fixture("governance/planted"))?;
    let report = check(&mesh, &CheckOptions::on(TODAY));
    let has = |rule: &str, kind: EntityKind, id: &str| {
        report.findings.iter().any(|finding| {
            finding.rule == rule && finding.subject().is_some_and(|subject| subject.kind == kind && subject.id == id)
        })
    };
    let expected = [
        ("MW-GRF-001", EntityKind::Product, "orders.net-sales"),
        ("MW-OWN-001", EntityKind::Product, "catalog.product-catalog"),
        ("MW-PRV-001", EntityKind::Contract, "customers.customer-accounts"),
        ("MW-GRF-003", EntityKind::Product, "logistics.delivery-performance"),
        ("MW-LIF-002", EntityKind::Product, "inventory.inventory-position"),
        ("MW-GRF-005", EntityKind::Product, "marketing.marketing-attribution"),
    ];
    for (rule, kind, id) in expected {
        assert!(has(rule, kind, id), "{rule} not found on {kind} {id}");
    }
    let cycle = report.findings.iter().find(|finding| finding.rule == "MW-GRF-001").ok_or("no cycle")?;
    assert!(cycle.concerns(EntityKind::Product, "orders.order-management"));
    assert!(cycle.path.starts_with("products/orders.") && cycle.path.contains("/inputPorts["), "{}", cycle.path);
    let email = report.findings.iter().find(|finding| finding.rule == "MW-PRV-001").ok_or("no email finding")?;
    assert_eq!(email.path, "contracts/customers.customer-accounts/schema[0].properties[1]");
    let mut errors: Vec<&str> = report
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .filter_map(|finding| finding.subject().map(|subject| subject.id.as_str()))
        .collect();
    errors.sort_unstable();
    assert_eq!(
        errors,
        [
            "catalog.product-catalog",
            "customers.customer-accounts",
            "inventory.inventory-position",
            "logistics.delivery-performance",
            "orders.net-sales"
        ]
    );
    Ok(())
}

#[test]
fn check_exits_one_on_an_error_zero_without_and_two_on_unusable_input() -> TestResult {
    let retail = example("retail");
    let planted = fixture("governance/planted");
    let clean = run_cli(&["check", &retail.to_string_lossy(), "--today", TODAY, "--color", "never"]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert!(clean.stdout.contains("Retail mesh: 0 errors, 1 warning, 1 info"), "{}", clean.stdout);
    assert!(clean.stdout.contains("consumer finance-close-report"), "{}", clean.stdout);
    let broken = run_cli(&["check", &planted.to_string_lossy(), "--today", TODAY, "--color", "never"]);
    assert_eq!(broken.code, 1);
    assert!(broken.stdout.contains("error   MW-OWN-001 Data product `catalog.product-catalog` has no owner team"));
    let missing = run_cli(&["check", "/nonexistent/design.mesh"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error:"), "{}", missing.stderr);
    let bad_date = run_cli(&["check", &retail.to_string_lossy(), "--today", "tomorrow"]);
    assert_eq!(bad_date.code, 2);
    let coloured = run_cli(&["check", &planted.to_string_lossy(), "--today", TODAY, "--color", "always"]);
    assert!(coloured.stdout.contains("\x1b[31merror"), "errors are red on a terminal");
    Ok(())
}

#[test]
fn rules_lists_every_rule_with_severity_and_rationale() -> TestResult {
    let run = run_cli(&["rules"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("MW-OWN-001  error    ownership"), "{}", run.stdout);
    assert!(run.stdout.contains("Domain ownership is the first principle"));
    let json = run_cli(&["rules", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_str(&json.stdout)?;
    let rules = rules.as_array().ok_or("not an array")?;
    assert!(rules.len() >= 30);
    assert!(rules.iter().all(|rule| rule["id"].is_string() && rule["defaultSeverity"].is_string()));
    Ok(())
}

/// Applies the difference between two designs as entity edits.
fn apply_difference(incremental: &mut IncrementalCheck, after: &Mesh) -> usize {
    let before = incremental.mesh().clone();
    let mut rechecked = 0;
    for entity in after.entities() {
        if before.get(entity.kind(), entity.key()).as_ref() != Some(&entity) {
            rechecked += incremental.apply(entity);
        }
    }
    for entity in before.entities() {
        if after.get(entity.kind(), entity.key()).is_none() {
            rechecked += incremental.remove(entity.kind(), entity.key());
        }
    }
    rechecked
}

/// Every planted change of the rule table, applied as edits one after the other (each undoing the one before),
/// then undone: after each step the incremental findings equal a full check of the same design.
#[test]
fn re_checking_after_each_edit_equals_a_full_check() -> TestResult {
    let base = retail()?;
    let options = CheckOptions::on(TODAY);
    let mut incremental = IncrementalCheck::new(base.clone(), options.clone());
    assert_eq!(incremental.findings(), check(&base, &options).findings);
    for case in rules::cases() {
        // Each step moves from the previous planted design to this one: the previous plant is undone by the
        // same edits that plant the next.
        let mut design = base.clone();
        (case.plant)(&mut design).ok_or(case.rule)?;
        let rechecked = apply_difference(&mut incremental, &design);
        assert!(rechecked > 0, "{} re-checked nothing", case.rule);
        let full = check(&design, &options);
        assert_eq!(incremental.findings(), full.findings, "after planting {}", case.rule);
    }
    apply_difference(&mut incremental, &base);
    assert_eq!(incremental.findings(), check(&base, &options).findings, "after undoing everything");
    Ok(())
}

#[test]
fn a_product_edit_re_checks_its_neighbourhood_not_the_design() -> TestResult {
    let base = retail()?;
    let mut incremental = IncrementalCheck::new(base.clone(), CheckOptions::on(TODAY));
    let mut product = base.products.get("orders.net-sales").ok_or("no net-sales")?.clone();
    product.description.purpose = None;
    let rechecked = incremental.apply(meshwright::model::Entity::Product(product));
    let subjects = base.products.len() + base.contracts.len() + base.consumers.len();
    assert!(rechecked < subjects / 3, "{rechecked} subjects re-checked of {subjects}");
    assert!(incremental.findings().iter().any(|finding| finding.rule == "MW-DOC-001"));
    Ok(())
}

#[test]
fn scores_fall_with_findings_and_the_mesh_metric_counts_productive_products() -> TestResult {
    let mesh = meshwright::design::load(&fixture("governance/planted"))?;
    let report = check(&mesh, &CheckOptions::on(TODAY));
    let score = |id: &str| report.scores.products.iter().find(|product| product.product.as_str() == id);
    let catalog = score("catalog.product-catalog").ok_or("no score")?;
    assert!(catalog.score < 100 && catalog.counts.error == 1 && !catalog.productive);
    let clean = score("payments.payment-transactions").ok_or("no score")?;
    assert_eq!((clean.score, clean.productive), (100, true));
    let catalog_domain = report.scores.domains.iter().find(|domain| domain.domain.as_str() == "catalog");
    assert!(catalog_domain.is_some_and(|domain| domain.score < 100 && domain.counts.error >= 1));
    // 5 products carry an error (the cycle has three members), so 28 - 7 are productive.
    assert_eq!(report.scores.mesh.products, 28);
    assert_eq!(report.scores.mesh.productive_products, 21);
    Ok(())
}
