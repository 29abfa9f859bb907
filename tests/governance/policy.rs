//! Policy packs on the retail example: global tightening and parameters, rule lifecycle (grace), per-domain
//! overrides (tightening freely, loosening an error only with a waiver), waivers that expire, custom JSON Schema
//! policies, and policy files that cannot be used.

use super::{TODAY, retail};
use crate::support::{TestResult, example, fixture, run_cli};
use meshwright::governance::{CheckOptions, Finding, Report, Severity, check};
use meshwright::model::{EntityKind, Mesh};

fn pack() -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(fixture("governance/policy.yaml"))?;
    let document: serde_json::Value = meshwright::yaml::parse(&text)?;
    Ok(document["governance"].clone())
}

/// Retail with the test pack stored in the design, as mesh.yaml's `governance` section would put it.
fn with_pack(mut mesh: Mesh) -> Result<Mesh, Box<dyn std::error::Error>> {
    mesh.settings.extra.insert("governance".to_owned(), pack()?);
    Ok(mesh)
}

fn find<'a>(report: &'a Report, rule: &str, subject: &str) -> Option<&'a Finding> {
    report
        .findings
        .iter()
        .find(|finding| finding.rule == rule && finding.subject().is_some_and(|entity| entity.id == subject))
}

#[test]
fn a_domain_tightens_freely_and_global_settings_and_parameters_apply() -> TestResult {
    let report = check(&with_pack(retail()?)?, &CheckOptions::on(TODAY));
    // payments raises MW-LIF-001 to error for its consumer; the waiver for it lacks an expiry and is refused.
    let deprecated = find(&report, "MW-LIF-001", "finance-close-report").ok_or("LIF-001 missing")?;
    assert_eq!(deprecated.severity, Severity::Error);
    let refused = report.findings.iter().find(|finding| finding.rule == "MW-GOV-003").ok_or("no GOV-003")?;
    assert!(refused.message.contains("expires"), "{}", refused.message);
    // MW-ORG-001's max of 4: orders, customers and marketing own five products each.
    let loaded: Vec<&str> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "MW-ORG-001")
        .filter_map(|finding| finding.subject().map(|subject| subject.id.as_str()))
        .collect();
    assert_eq!(loaded, ["customers-team", "marketing-team", "orders-team"]);
    Ok(())
}

#[test]
fn loosening_a_global_error_needs_a_live_waiver() -> TestResult {
    let mut mesh = with_pack(retail()?)?;
    for id in ["orders.net-sales", "marketing.web-analytics"] {
        mesh.products.get_mut(id).ok_or(id)?.owner_team = None;
    }
    let report = check(&mesh, &CheckOptions::on(TODAY));
    // orders holds a live waiver for its override: the missing owner is a warning there.
    assert_eq!(find(&report, "MW-OWN-001", "orders.net-sales").map(|f| f.severity), Some(Severity::Warning));
    // marketing has no waiver: its `off` is refused and reported, and the finding stays an error.
    assert_eq!(find(&report, "MW-OWN-001", "marketing.web-analytics").map(|f| f.severity), Some(Severity::Error));
    let refused = report.findings.iter().find(|finding| finding.rule == "MW-GOV-001").ok_or("no GOV-001")?;
    assert!(refused.concerns(EntityKind::Domain, "marketing"));
    // After the orders waiver expires, its override is refused too.
    let later = check(&mesh, &CheckOptions::on("2026-10-01"));
    assert_eq!(find(&later, "MW-OWN-001", "orders.net-sales").map(|f| f.severity), Some(Severity::Error));
    assert!(later.findings.iter().any(|f| f.rule == "MW-GOV-002" && f.message.contains("`orders`")));
    Ok(())
}

#[test]
fn an_expired_waiver_is_reported_and_stops_applying() -> TestResult {
    let report = check(&with_pack(retail()?)?, &CheckOptions::on(TODAY));
    let expired = report.findings.iter().find(|finding| finding.rule == "MW-GOV-002").ok_or("no GOV-002")?;
    assert!(expired.message.contains("marketing.recommendation-candidates") && expired.message.contains("2026-03-31"));
    // The waived rule reports again, at the pack's severity (raised from info to warning).
    let examples = find(&report, "MW-DOC-005", "marketing.recommendation-candidates").ok_or("DOC-005 missing")?;
    assert_eq!(examples.severity, Severity::Warning);
    // Before the expiry, the waiver hides it.
    let earlier = check(&with_pack(retail()?)?, &CheckOptions::on("2026-03-01"));
    assert!(find(&earlier, "MW-DOC-005", "marketing.recommendation-candidates").is_none());
    Ok(())
}

#[test]
fn a_rule_in_grace_reports_as_warning_until_its_date() -> TestResult {
    let mut mesh = with_pack(retail()?)?;
    mesh.products.get_mut("orders.net-sales").ok_or("no net-sales")?.name = "Order management".to_owned();
    let during = check(&mesh, &CheckOptions::on("2026-12-31"));
    assert_eq!(find(&during, "MW-INT-004", "orders.net-sales").map(|f| f.severity), Some(Severity::Warning));
    let after = check(&mesh, &CheckOptions::on("2027-01-01"));
    assert_eq!(find(&after, "MW-INT-004", "orders.net-sales").map(|f| f.severity), Some(Severity::Error));
    Ok(())
}

#[test]
fn custom_json_schema_policies_report_with_paths_and_a_broken_one_is_skipped() -> TestResult {
    let mut mesh = with_pack(retail()?)?;
    mesh.contracts.get_mut("orders.order-events").ok_or("no order events")?.name = None;
    let report = check(&mesh, &CheckOptions::on(TODAY));
    let tags = find(&report, "ACME-PRD-001", "orders.order-management").ok_or("ACME-PRD-001 missing")?;
    assert_eq!(tags.severity, Severity::Warning);
    assert_eq!(tags.path, "products/orders.order-management/tags");
    assert!(tags.message.contains("at least three tags"), "{}", tags.message);
    let name = find(&report, "ACME-CON-001", "orders.order-events").ok_or("ACME-CON-001 missing")?;
    assert_eq!(name.severity, Severity::Error);
    let broken = report.findings.iter().find(|finding| finding.rule == "MW-GOV-004").ok_or("no GOV-004")?;
    assert!(broken.message.contains("ACME-BROKEN-001"), "{}", broken.message);
    // The built-in rules still ran.
    assert!(find(&report, "MW-LIF-001", "finance-close-report").is_some());
    Ok(())
}

#[test]
fn a_policy_file_layers_over_the_design_and_a_bad_one_is_reported_not_fatal() -> TestResult {
    let retail = example("retail").to_string_lossy().into_owned();
    let policy = fixture("governance/policy.yaml").to_string_lossy().into_owned();
    let run = run_cli(&["check", &retail, "--policy", &policy, "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 1, "payments makes MW-LIF-001 an error: {}", run.stdout);
    let report: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert!(report["counts"]["error"].as_u64() >= Some(1));

    let missing = run_cli(&["check", &retail, "--policy", "/nonexistent/pack.yaml", "--today", TODAY]);
    assert_eq!(missing.code, 1, "an unusable policy file is an error finding");
    assert!(missing.stdout.contains("MW-GOV-004"), "{}", missing.stdout);
    assert!(missing.stdout.contains("MW-LIF-001"), "built-in rules still run: {}", missing.stdout);

    let scratch = tempfile::tempdir()?;
    let garbled = scratch.path().join("garbled.yaml");
    std::fs::write(&garbled, "rules: [this is: not a pack\n")?;
    let bad = run_cli(&["check", &retail, "--policy", &garbled.to_string_lossy(), "--today", TODAY]);
    assert_eq!(bad.code, 1);
    assert!(bad.stdout.contains("garbled.yaml cannot be used"), "{}", bad.stdout);
    Ok(())
}

#[test]
fn a_pack_in_mesh_yaml_is_read_from_mesh_as_code() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let folder = scratch.path().join("retail");
    let exported = run_cli(&[
        "export",
        &example("retail").to_string_lossy(),
        "--format",
        "mesh",
        "--out",
        &folder.to_string_lossy(),
    ]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    let mesh_yaml = folder.join("mesh.yaml");
    let mut text = std::fs::read_to_string(&mesh_yaml)?;
    text.push_str("governance:\n  rules:\n    MW-LIF-001:\n      severity: error\n");
    std::fs::write(&mesh_yaml, text)?;
    let run = run_cli(&["check", &folder.to_string_lossy(), "--today", TODAY, "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("error   MW-LIF-001 Consumer `finance-close-report`"), "{}", run.stdout);
    Ok(())
}

/// A domain sets its own rule parameters: orders lowers the team load to 3 and requires camelCase property names;
/// the other domains keep the global values. A re-check after moving a product between domains agrees.
#[test]
fn a_domain_sets_its_own_rule_parameters() -> TestResult {
    let mut mesh = retail()?;
    mesh.settings.extra.insert(
        "governance".to_owned(),
        serde_json::json!({
            "rules": { "MW-ORG-001": { "parameters": { "max": 4 } } },
            "domains": { "orders": { "rules": {
                "MW-ORG-001": { "parameters": { "max": 3 } },
                "MW-INT-005": { "parameters": { "pattern": "^[a-z][a-zA-Z0-9]*$" } }
            } } }
        }),
    );
    let options = CheckOptions::on(TODAY);
    let report = check(&mesh, &options);
    let load: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "MW-ORG-001")
        .filter_map(|finding| finding.subject().map(|subject| (subject.id.as_str(), finding.message.as_str())))
        .collect();
    // Global max 4 flags the five-product teams; orders' team is judged against its domain's 3.
    assert!(load.iter().any(|(team, message)| *team == "orders-team" && message.contains("maximum of 3")), "{load:?}");
    assert!(
        load.iter().any(|(team, message)| *team == "customers-team" && message.contains("maximum of 4")),
        "{load:?}"
    );
    // snake_case property names break orders' pattern only.
    let naming: Vec<&str> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "MW-INT-005")
        .filter_map(|finding| finding.subject().map(|subject| subject.id.as_str()))
        .collect();
    assert!(!naming.is_empty(), "orders' stricter pattern found nothing");
    assert!(naming.iter().all(|contract| contract.starts_with("orders.")), "{naming:?}");

    let mut incremental = meshwright::governance::IncrementalCheck::new(mesh.clone(), options.clone());
    let mut moved = mesh.products.values().find(|product| product.id.as_str().starts_with("orders.")).cloned();
    let moved = moved.as_mut().ok_or("no orders product")?;
    moved.domain = meshwright::model::Id::new("customers").ok();
    incremental.apply(meshwright::model::Entity::Product(moved.clone()));
    mesh.products.insert(moved.id.clone(), moved.clone());
    assert_eq!(incremental.findings(), check(&mesh, &options).findings);
    Ok(())
}
