//! The studio's session, the engine behind every desktop command: edits, undo and redo, live findings, the
//! contract YAML view, export, and the TypeScript bindings that must match the Rust types.

use crate::support::{TestResult, example, repo_root};
use meshwright::governance::EntityRef;
use meshwright::model::EntityKind;
use meshwright::session::bindings::{BINDINGS_PATH, typescript};
use meshwright::session::{Change, EntityValue, ExportFormat, NodePosition, Session, YamlResult};
use serde_json::json;

#[test]
fn typescript_bindings_match_the_rust_types() -> TestResult {
    let path = repo_root().join(BINDINGS_PATH);
    let generated = typescript();
    if std::env::var_os("MESHWRIGHT_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated)?;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{BINDINGS_PATH} is out of date with the Rust types: run `MESHWRIGHT_UPDATE_BINDINGS=1 cargo test \
         typescript_bindings` and commit the file"
    );
    Ok(())
}

fn retail_session(scratch: &tempfile::TempDir) -> Result<Session, Box<dyn std::error::Error>> {
    Ok(Session::import(&example("retail"), &scratch.path().join("retail.mesh"))?)
}

#[test]
fn edits_are_stored_checked_undone_and_survive_a_reopen() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let mut session = retail_session(&scratch)?;
    let view = session.view()?;
    assert_eq!(view.title, "retail.mesh");
    assert_eq!(view.mesh.products.len(), 28);
    assert_eq!(view.findings.errors, 0, "retail has no error finding");
    assert!(!view.can_undo);

    // A new product without an owner team: one edit, and an ownership error appears on it.
    let product = json!({"id": "orders.returns-forecast", "name": "Returns forecast", "domain": "orders",
        "archetype": "consumerAligned", "status": "draft", "version": "0.1.0"});
    let changed = session.put(vec![EntityValue {
        kind: EntityKind::Product,
        id: "orders.returns-forecast".into(),
        value: product.clone(),
    }])?;
    assert_eq!(changed.revision, 1);
    assert!(changed.can_undo);
    assert_eq!(changed.undo_label.as_deref(), Some("Add product orders.returns-forecast"));
    assert!(matches!(&changed.changes[..], [Change::Put { id, .. }] if id == "orders.returns-forecast"));
    let on_new = |findings: &[meshwright::governance::Finding]| {
        findings.iter().filter(|finding| finding.concerns(EntityKind::Product, "orders.returns-forecast")).count()
    };
    assert!(changed.findings.errors > 0 && on_new(&changed.findings.findings) > 0, "the new product is checked");

    // Connect it to a contract and give it an owner: findings about the owner go away.
    let mut owned = product.clone();
    owned["ownerTeam"] = json!("orders-team");
    owned["inputPorts"] =
        json!([{"name": "order-events", "source": {"contractId": "orders.order-events", "version": "1.0.0"}}]);
    let changed = session.put(vec![EntityValue {
        kind: EntityKind::Product,
        id: "orders.returns-forecast".into(),
        value: owned,
    }])?;
    assert!(!changed.findings.findings.iter().any(
        |finding| finding.rule == "MW-OWN-001" && finding.concerns(EntityKind::Product, "orders.returns-forecast")
    ));
    assert!(
        session.impact("orders.order-events")?.iter().any(|id| id == "orders.returns-forecast"),
        "the new dependency is in the graph"
    );

    // Move it on the canvas, then undo the move.
    session.layout(vec![NodePosition {
        id: meshwright::model::Id::new("orders.returns-forecast")?,
        x: 120.0,
        y: 80.0,
    }])?;
    let undone = session.undo()?;
    assert!(matches!(&undone.changes[..], [Change::Remove { kind: EntityKind::Position, .. }]));
    assert!(undone.can_redo);

    // Reopen: the product and the undo history are still there.
    let path = session.path().to_path_buf();
    drop(session);
    let mut session = Session::open(&path)?;
    assert!(session.mesh().products.contains_key("orders.returns-forecast"));
    let redone = session.redo()?;
    assert!(matches!(&redone.changes[..], [Change::Put { kind: EntityKind::Position, .. }]));

    // Deleting removes the node and its position in one edit.
    let removed = session.remove(vec![EntityRef::new(EntityKind::Product, "orders.returns-forecast")])?;
    assert_eq!(removed.changes.len(), 2);
    assert!(!session.mesh().layout.contains_key("orders.returns-forecast"));
    Ok(())
}

#[test]
fn bad_edits_are_refused_with_a_clear_message_and_change_nothing() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let mut session = retail_session(&scratch)?;
    let wrong_type = json!({"id": "orders.x", "name": 3});
    let error = session
        .put(vec![EntityValue { kind: EntityKind::Product, id: "orders.x".into(), value: wrong_type }])
        .err()
        .ok_or("a product whose name is a number must be refused")?;
    assert!(error.to_string().contains("product `orders.x`"), "{error}");
    let mismatched = json!({"id": "orders.y", "name": "Y"});
    let error = session
        .put(vec![EntityValue { kind: EntityKind::Product, id: "orders.x".into(), value: mismatched }])
        .err()
        .ok_or("an id that differs from the key must be refused")?;
    assert!(error.to_string().contains("orders.y"), "{error}");
    assert!(session.remove(vec![EntityRef::new(EntityKind::Product, "no.such")]).is_err());
    assert!(!session.view()?.can_undo, "nothing was stored");
    Ok(())
}

#[test]
fn a_contract_round_trips_through_its_yaml_view_and_bad_yaml_points_at_the_line() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let mut session = retail_session(&scratch)?;
    let id = "orders.order-events";
    let yaml = session.contract_yaml(id)?;
    assert!(yaml.contains("kind: DataContract"));
    let before = session.mesh().contracts.get(id).cloned();
    let YamlResult::Applied { changed, .. } = session.contract_from_yaml(id, &yaml)? else {
        return Err("the contract's own YAML must apply".into());
    };
    assert!(changed.changes.is_empty(), "an unchanged contract is not stored again: {:?}", changed.changes);
    assert_eq!(session.mesh().contracts.get(id).cloned(), before, "the round trip changes nothing");

    let broken = yaml.replacen("logicalType: string", "logicalType: strng", 1);
    let YamlResult::Rejected { problems, .. } = session.contract_from_yaml(id, &broken)? else {
        return Err("an unknown logical type must be rejected".into());
    };
    let problem = problems.first().ok_or("no problem reported")?;
    let line = broken.lines().position(|line| line.contains("strng")).map(|index| index as u64 + 1);
    assert_eq!(problem.line, line, "{problem:?}");
    Ok(())
}

#[test]
fn the_studio_exports_every_format() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let session = retail_session(&scratch)?;
    for (format, name) in [
        (ExportFormat::Mesh, "code"),
        (ExportFormat::Json, "retail.json"),
        (ExportFormat::Mermaid, "retail.mmd"),
        (ExportFormat::Dot, "retail.dot"),
        (ExportFormat::Odcs, "odcs"),
        (ExportFormat::Odps, "odps"),
        (ExportFormat::Dcs, "dcs"),
    ] {
        let steps = std::sync::Mutex::new(Vec::new());
        let report = session.export(format, &scratch.path().join(name), &|progress| {
            steps.lock().map(|mut steps| steps.push(progress.done)).unwrap_or(())
        })?;
        assert!(report.files >= 1 && report.bytes > 0, "{format:?}: {report:?}");
        let steps = steps.into_inner().map_err(|_| "the progress list is poisoned")?;
        assert_eq!(steps.first(), Some(&0), "{format:?}: progress starts at 0");
        assert!(steps.len() >= 2, "{format:?}: progress reports the end");
    }
    Ok(())
}
