//! `diff`: every kind of change classified from the consumer's and the producer's view, the version verdict,
//! the blast radius in a design, and the exit codes.

use crate::support::{TestResult, example, run_cli};
use meshwright::model::Contract;
use meshwright::standards::diff::{Bump, ChangeKind, Perspective, Severity, diff};
use meshwright::standards::{self, StandardDocument};
use std::path::Path;

const OLD: &str = "apiVersion: v3.2.0
kind: DataContract
id: orders
version: 1.2.0
status: active
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        required: true
        unique: true
      - name: status
        logicalType: string
        enum: [{value: open}, {value: paid}]
      - name: note
        logicalType: string
        logicalTypeOptions: {maxLength: 100}
      - name: email
        logicalType: string
        classification: internal
    quality:
      - type: library
        metric: rowCount
        mustBeGreaterThan: 0
  - name: refunds
    properties:
      - name: id
        logicalType: string
slaProperties:
  - property: latency
    value: 4
    unit: h
servers:
  - server: prod
    type: postgres
    host: db
    port: 5432
    database: shop
    schema: public
";

fn contract(text: &str) -> Result<Contract, Box<dyn std::error::Error>> {
    match standards::read_str(text, Path::new("test.odcs.yaml"))? {
        StandardDocument::Contract { contract, .. } => Ok(*contract),
        StandardDocument::Product { .. } => Err("not a contract".into()),
    }
}

fn kinds(text: &str, perspective: Perspective) -> Result<Vec<(ChangeKind, Severity)>, Box<dyn std::error::Error>> {
    let changes = diff(&contract(OLD)?, &contract(text)?, perspective).changes;
    Ok(changes.into_iter().map(|change| (change.kind, change.severity)).collect())
}

#[test]
fn removing_and_loosening_break_consumers_but_not_producers() -> TestResult {
    let cases = [
        (
            OLD.replace("      - name: email\n        logicalType: string\n        classification: internal\n", ""),
            ChangeKind::PropertyRemoved,
        ),
        (OLD.replace("        required: true\n", ""), ChangeKind::RequiredToOptional),
        (OLD.replace("        unique: true\n", ""), ChangeKind::UniqueRemoved),
        (OLD.replace("{value: paid}]", "{value: paid}, {value: lost}]"), ChangeKind::EnumValuesAdded),
        (OLD.replace("maxLength: 100", "maxLength: 200"), ChangeKind::ConstraintLoosened),
        (
            OLD.replace(
                "    quality:\n      - type: library\n        metric: rowCount\n        mustBeGreaterThan: 0\n",
                "",
            ),
            ChangeKind::QualityRuleRemoved,
        ),
        (OLD.replace("slaProperties:\n  - property: latency\n    value: 4\n    unit: h\n", ""), ChangeKind::SlaRemoved),
        (
            OLD.replace("  - name: refunds\n    properties:\n      - name: id\n        logicalType: string\n", ""),
            ChangeKind::SchemaObjectRemoved,
        ),
    ];
    for (text, kind) in cases {
        assert_eq!(kinds(&text, Perspective::Consumer)?, vec![(kind, Severity::Breaking)], "{kind:?} for consumers");
        assert_eq!(kinds(&text, Perspective::Producer)?, vec![(kind, Severity::Info)], "{kind:?} for producers");
    }
    Ok(())
}

#[test]
fn tightening_and_new_obligations_break_producers_but_not_consumers() -> TestResult {
    let cases = [
        (OLD.replace("maxLength: 100", "maxLength: 50"), ChangeKind::ConstraintTightened),
        (OLD.replace("{value: open}, {value: paid}", "{value: open}"), ChangeKind::EnumValuesRemoved),
        (OLD.replace("        logicalTypeOptions: {maxLength: 100}\n", "        logicalTypeOptions: {maxLength: 100}\n        required: true\n"), ChangeKind::OptionalToRequired),
        (OLD.replace("      - name: order_id\n", "      - name: placed_at\n        logicalType: timestamp\n        required: true\n      - name: order_id\n"), ChangeKind::PropertyAdded),
    ];
    for (text, kind) in cases {
        assert_eq!(kinds(&text, Perspective::Consumer)?, vec![(kind, Severity::Info)], "{kind:?} for consumers");
        assert_eq!(kinds(&text, Perspective::Producer)?, vec![(kind, Severity::Breaking)], "{kind:?} for producers");
    }
    Ok(())
}

#[test]
fn a_type_change_breaks_both_sides() -> TestResult {
    let text = OLD.replacen(
        "      - name: order_id\n        logicalType: string",
        "      - name: order_id\n        logicalType: integer",
        1,
    );
    for perspective in [Perspective::Consumer, Perspective::Producer] {
        assert_eq!(kinds(&text, perspective)?, vec![(ChangeKind::TypeChanged, Severity::Breaking)], "{perspective:?}");
    }
    Ok(())
}

/// As in datacontract-cli, which reports these as information: a warning, never a break.
#[test]
fn classification_sla_and_server_changes_are_warnings() -> TestResult {
    let cases = [
        (OLD.replace("classification: internal", "classification: restricted"), ChangeKind::ClassificationChanged),
        (OLD.replace("    value: 4\n", "    value: 8\n"), ChangeKind::SlaChanged),
        (OLD.replace("host: db", "host: db2"), ChangeKind::ServerChanged),
    ];
    for (text, kind) in cases {
        for perspective in [Perspective::Consumer, Perspective::Producer] {
            assert_eq!(kinds(&text, perspective)?, vec![(kind, Severity::Warning)], "{kind:?} {perspective:?}");
        }
    }
    Ok(())
}

#[test]
fn a_stricter_quality_threshold_breaks_producers_and_a_laxer_one_consumers() -> TestResult {
    let stricter = OLD.replace("mustBeGreaterThan: 0", "mustBeGreaterThan: 10");
    assert_eq!(kinds(&stricter, Perspective::Consumer)?, vec![(ChangeKind::QualityRuleChanged, Severity::Info)]);
    assert_eq!(kinds(&stricter, Perspective::Producer)?, vec![(ChangeKind::QualityRuleChanged, Severity::Breaking)]);
    let laxer = OLD.replace("mustBeGreaterThan: 0", "mustBeGreaterThan: -5");
    assert_eq!(kinds(&laxer, Perspective::Consumer)?, vec![(ChangeKind::QualityRuleChanged, Severity::Breaking)]);
    Ok(())
}

#[test]
fn the_version_verdict_compares_the_bump_needed_with_the_bump_given() -> TestResult {
    let removed = OLD.replace("        unique: true\n", "");
    let minor_only =
        diff(&contract(OLD)?, &contract(&removed.replace("version: 1.2.0", "version: 1.3.0"))?, Perspective::Consumer);
    assert_eq!(
        (minor_only.version.needed, minor_only.version.got, minor_only.version.sufficient),
        (Bump::Major, Some(Bump::Minor), false)
    );
    let major =
        diff(&contract(OLD)?, &contract(&removed.replace("version: 1.2.0", "version: 2.0.0"))?, Perspective::Consumer);
    assert!(major.version.sufficient);
    let same = diff(&contract(OLD)?, &contract(OLD)?, Perspective::Consumer);
    assert!(same.changes.is_empty());
    assert_eq!(same.version.needed, Bump::None);
    Ok(())
}

#[test]
fn diff_exits_1_on_a_breaking_change_and_names_the_blast_radius() -> TestResult {
    let mesh = example("retail");
    let contract_path = std::fs::read_dir(mesh.join("contracts"))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.to_string_lossy().ends_with(".odcs.yaml"))
        .ok_or("the retail example has no contract")?;
    let old_text = std::fs::read_to_string(&contract_path)?;
    let mut old_contract = contract(&old_text)?;
    let folder = tempfile::tempdir()?;
    let old_path = folder.path().join("old.odcs.yaml");
    let new_path = folder.path().join("new.odcs.yaml");
    std::fs::write(&old_path, &old_text)?;
    std::fs::write(&new_path, &old_text)?;
    let (old, new) = (old_path.display().to_string(), new_path.display().to_string());
    let run = run_cli(&["diff", &old, &new]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("No changes."), "{}", run.stdout);

    let removed = old_contract.schema.first_mut().and_then(|object| object.properties.pop()).ok_or("no property")?;
    std::fs::write(&new_path, meshwright::standards::odcs::write(&old_contract, Default::default())?)?;
    let run = run_cli(&["diff", &old, &new, "--mesh", &mesh.display().to_string()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains(&format!("breaking {}.{}", old_contract.schema[0].name, removed.name)),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Blast radius:"), "{}", run.stdout);

    let run = run_cli(&["diff", &old, &new, "--perspective", "producer", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(json["breaking"], 0);
    assert_eq!(json["changes"][0]["kind"], "property-removed");
    Ok(())
}
