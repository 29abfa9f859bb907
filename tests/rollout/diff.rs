//! Snapshots and the design diff: save, compare, restore (undoable) through the session, and `meshwright diff`
//! on two folders, two files and `FILE.mesh@SNAPSHOT`, with contract changes graded by the breaking-change rules.

use super::design;
use crate::support::{TestResult, fixture, run_cli};
use meshwright::design_diff::{EntityChangeKind, compare_designs};
use meshwright::governance::EntityRef;
use meshwright::model::{EntityKind, Id};
use meshwright::session::{EntityValue, Session};
use serde_json::json;

#[test]
fn the_diff_lists_entities_field_by_field_and_grades_contract_changes() -> TestResult {
    let old = design()?;
    let mut new = design()?;
    new.domains.get_mut("sales").unwrap().name = "Sales & Orders".to_owned();
    new.consumers.remove("cfo-report");
    new.contracts.get_mut("sales.orders").unwrap().schema[0].properties.remove(1);
    let mut extra = new.products["sales.orders"].clone();
    extra.id = Id::new("sales.returns").unwrap();
    new.products.insert(extra.id.clone(), extra);
    let diff = compare_designs(&old, &new, "old", "new");
    let listed: Vec<(EntityKind, &str, EntityChangeKind)> =
        diff.entities.iter().map(|change| (change.kind, change.id.as_str(), change.change)).collect();
    assert_eq!(
        listed,
        vec![
            (EntityKind::Domain, "sales", EntityChangeKind::Changed),
            (EntityKind::Product, "sales.returns", EntityChangeKind::Added),
            (EntityKind::Contract, "sales.orders", EntityChangeKind::Changed),
            (EntityKind::Consumer, "cfo-report", EntityChangeKind::Removed),
        ]
    );
    let domain = &diff.entities[0];
    assert_eq!(domain.fields.len(), 1);
    assert_eq!(domain.fields[0].path, "name");
    assert_eq!(domain.fields[0].new, Some(json!("Sales & Orders")));
    let contract = &diff.entities[2];
    assert_eq!(contract.fields[0].path, "schema[orders].properties[customer_email]");
    assert_eq!(contract.contract_changes[0].severity, "breaking");
    assert_eq!(contract.bump_needed.as_deref(), Some("major"));
    assert_eq!(contract.version_sufficient, Some(false));
    assert_eq!((diff.summary.added, diff.summary.removed, diff.summary.changed, diff.summary.breaking), (1, 1, 2, 1));
    Ok(())
}

#[test]
fn snapshots_round_trip_and_restoring_one_is_undoable() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("plan.mesh");
    let mut session = Session::import(&fixture("rollout"), &path)?;
    let original = session.mesh().clone();
    let saved = session.snapshot_create("before")?;
    assert_eq!(saved.name, "before");
    assert!(session.snapshot_create("before").is_err(), "names are unique");

    // Two edits: a business value changes, and a wave goes.
    let mut assessment = serde_json::to_value(&original.assessments["support"])?;
    assessment["businessValue"] = json!(1);
    session.put(vec![EntityValue { kind: EntityKind::Assessment, id: "support".into(), value: assessment }])?;
    session.remove(vec![EntityRef::new(EntityKind::Wave, "wave-3")])?;
    let edited = session.mesh().clone();

    let diff = session.snapshot_compare(Some("before"), None)?;
    let listed: Vec<(EntityKind, &str, EntityChangeKind)> =
        diff.entities.iter().map(|change| (change.kind, change.id.as_str(), change.change)).collect();
    assert_eq!(
        listed,
        vec![
            (EntityKind::Assessment, "support", EntityChangeKind::Changed),
            (EntityKind::Wave, "wave-3", EntityChangeKind::Removed),
        ]
    );

    let restored = session.snapshot_restore("before")?;
    assert_eq!(restored.undo_label.as_deref(), Some("Restore snapshot before"));
    assert_eq!(session.mesh(), &original);
    session.undo()?;
    assert_eq!(session.mesh(), &edited, "undo brings the edits back");
    session.redo()?;
    drop(session);

    // The snapshot and the restored design survive a reopen; the snapshot reads back whole.
    let session = Session::open(&path)?;
    assert_eq!(session.mesh(), &original);
    assert_eq!(session.snapshot_list()?.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), vec!["before"]);
    assert_eq!(session.snapshot_compare(Some("before"), None)?.entities.len(), 0);
    Ok(())
}

#[test]
fn meshwright_diff_compares_designs_files_and_snapshots() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let file = scratch.path().join("plan.mesh");
    let file_text = file.to_str().unwrap();
    assert_eq!(run_cli(&["import", fixture("rollout").to_str().unwrap(), "-o", file_text]).code, 0);
    let saved = run_cli(&["snapshot", file_text, "save", "before"]);
    assert_eq!(saved.code, 0, "{}", saved.stderr);
    let mut session = Session::open(&file)?;
    let mut domain = serde_json::to_value(&session.mesh().domains["billing"])?;
    domain["name"] = json!("Billing and dunning");
    session.put(vec![EntityValue { kind: EntityKind::Domain, id: "billing".into(), value: domain }])?;
    drop(session);

    let snapshot = format!("{file_text}@before");
    let text = run_cli(&["diff", &snapshot, file_text]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.contains("~ domain billing\n    name: \"Billing\" → \"Billing and dunning\""),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("0 added, 0 removed, 1 changed, 0 breaking"), "{}", text.stdout);
    let json = run_cli(&["diff", fixture("rollout").to_str().unwrap(), file_text, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout)?;
    assert_eq!(value["summary"]["changed"], 1);
    assert_eq!(run_cli(&["diff", &format!("{file_text}@nope"), file_text]).code, 2);
    let listed = run_cli(&["snapshot", file_text, "list"]);
    assert!(listed.stdout.starts_with("before  "), "{}", listed.stdout);
    let restored = run_cli(&["snapshot", file_text, "restore", "before"]);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    assert_eq!(
        run_cli(&["diff", &snapshot, file_text]).stdout.lines().last(),
        Some("0 added, 0 removed, 0 changed, 0 breaking contract change(s), 0 canvas position(s) moved.")
    );
    Ok(())
}
