//! The `.mesh` document: refused files stay byte-identical, undo and redo survive a reopen, a second writer is
//! told the file is in use, old files migrate, snapshots and "save as" copy the design.

use crate::support::{TestResult, example, fixture, run_cli};
use meshwright::mesh_as_code::read_folder;
use meshwright::model::{Domain, Entity, EntityKind, Extra, Id, Mesh};
use meshwright::store::{SCHEMA_VERSION, Store, StoreError};
use std::path::Path;

fn domain(id: &str, name: &str) -> Result<Domain, Box<dyn std::error::Error>> {
    Ok(Domain {
        id: Id::new(id)?,
        name: name.to_owned(),
        description: None,
        owner_team: None,
        color: None,
        extra: Extra::new(),
    })
}

/// A valid design file, closed, to damage in the refusal tests.
fn valid_file(folder: &Path) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let path = folder.join("valid.mesh");
    Store::create(&path, &read_folder(&example("healthcare"))?, false)?;
    Ok(path)
}

/// Opens `path` through the store and the CLI, expects a refusal, and checks that the file is unchanged.
fn assert_refused(path: &Path, expected: fn(&StoreError) -> bool, words: &str) -> TestResult {
    let before = std::fs::read(path)?;
    // Opening a design means opening the file and reading it; damage deep in the file shows on reading.
    let error = Store::open(path).and_then(|store| store.load()).err().ok_or("the damaged file was opened")?;
    assert!(expected(&error), "unexpected error for {}: {error:?}", path.display());
    let message = error.to_string();
    let file_name = path.file_name().ok_or("no file name")?.to_string_lossy().into_owned();
    assert!(message.contains(&file_name) && message.contains(words), "message `{message}` lacks the file or `{words}`");
    let run = run_cli(&["show", &path.to_string_lossy()]);
    assert_eq!(run.code, 2, "show exited {} on a refused file: {}", run.code, run.stderr);
    assert!(run.stderr.contains(&file_name), "stderr does not name the file: {}", run.stderr);
    assert_eq!(std::fs::read(path)?, before, "{} changed while it was refused", path.display());
    Ok(())
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_unchanged() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("notes.mesh");
    std::fs::write(&path, "These are meeting notes, not a design.\n".repeat(40))?;
    assert_refused(&path, |e| matches!(e, StoreError::NotSqlite { .. }), "not a SQLite database")
}

#[test]
fn a_foreign_sqlite_database_is_refused_unchanged() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = valid_file(scratch.path())?;
    let mut bytes = std::fs::read(&path)?;
    bytes[68..72].copy_from_slice(&0_u32.to_be_bytes());
    std::fs::write(&path, bytes)?;
    assert_refused(&path, |e| matches!(e, StoreError::Foreign { application_id: 0, .. }), "application_id 0")
}

#[test]
fn a_truncated_file_is_refused_unchanged() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = valid_file(scratch.path())?;
    let bytes = std::fs::read(&path)?;
    std::fs::write(&path, &bytes[..bytes.len() / 2])?;
    assert_refused(&path, |e| matches!(e, StoreError::Truncated { .. }), "truncated")
}

#[test]
fn a_corrupt_file_is_refused_unchanged() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = valid_file(scratch.path())?;
    let mut bytes = std::fs::read(&path)?;
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    for byte in &mut bytes[page_size..] {
        *byte = 0xA5;
    }
    std::fs::write(&path, bytes)?;
    assert_refused(&path, |e| matches!(e, StoreError::Corrupt { .. }), "corrupt")
}

#[test]
fn a_file_from_a_newer_meshwright_is_refused_unchanged() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = valid_file(scratch.path())?;
    let mut bytes = std::fs::read(&path)?;
    bytes[60..64].copy_from_slice(&(SCHEMA_VERSION + 7).to_be_bytes());
    std::fs::write(&path, bytes)?;
    assert_refused(&path, |e| matches!(e, StoreError::TooNew { .. }), "newer Meshwright")
}

#[test]
fn a_missing_file_is_reported() -> TestResult {
    let run = run_cli(&["show", "/nonexistent/retail.mesh"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("/nonexistent/retail.mesh"), "{}", run.stderr);
    Ok(())
}

#[test]
fn a_design_reads_back_exactly_as_written() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("retail.mesh");
    let mesh = read_folder(&example("retail"))?;
    Store::create(&path, &mesh, false)?;
    assert_eq!(Store::open(&path)?.load()?, mesh);
    assert!(Store::create(&path, &Mesh::default(), false).is_err(), "create replaced a file without --force");
    Ok(())
}

#[test]
fn undo_and_redo_survive_a_reopen() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("design.mesh");
    {
        let mut store = Store::create(&path, &Mesh::named("Undo test"), false)?;
        store.apply("Add orders", &[Entity::Domain(domain("orders", "Orders")?)], &[])?;
        store.apply("Rename orders", &[Entity::Domain(domain("orders", "Order management")?)], &[])?;
        store.apply("Add payments", &[Entity::Domain(domain("payments", "Payments")?)], &[])?;
    }
    {
        let mut store = Store::open(&path)?;
        assert_eq!(store.history()?.undo.as_deref(), Some("Add payments"));
        let undone = store.undo()?.ok_or("nothing to undo")?;
        assert_eq!(undone.label, "Add payments");
        assert_eq!(undone.changes[0].entity, None, "undoing an addition should remove the entity");
        store.undo()?;
        let mesh = store.load()?;
        assert_eq!(mesh.domains.get("orders").map(|d| d.name.as_str()), Some("Orders"));
        assert!(!mesh.domains.contains_key("payments"));
    }
    {
        let mut store = Store::open(&path)?;
        assert_eq!(store.history()?.redo.as_deref(), Some("Rename orders"));
        store.redo()?;
        let mesh = store.load()?;
        assert_eq!(mesh.domains.get("orders").map(|d| d.name.as_str()), Some("Order management"));
        // A new edit ends the redo branch.
        store.apply("Remove orders", &[], &[(EntityKind::Domain, "orders".to_owned())])?;
        assert_eq!(store.history()?.redo, None);
        assert!(store.redo()?.is_none());
        assert!(store.load()?.domains.is_empty());
        store.undo()?;
        assert_eq!(store.load()?.domains.get("orders").map(|d| d.name.as_str()), Some("Order management"));
    }
    Ok(())
}

#[test]
fn an_edit_that_changes_nothing_leaves_no_trace() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("design.mesh");
    let mut store = Store::create(&path, &Mesh::named("No-op"), false)?;
    store.apply("Add orders", &[Entity::Domain(domain("orders", "Orders")?)], &[])?;
    let applied = store.apply("Same again", &[Entity::Domain(domain("orders", "Orders")?)], &[])?;
    assert!(applied.changes.is_empty());
    assert_eq!(store.history()?.undo.as_deref(), Some("Add orders"));
    Ok(())
}

#[test]
fn a_second_writer_is_told_the_file_is_in_use() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("design.mesh");
    let mut first = Store::create(&path, &Mesh::named("Two writers"), false)?;
    let mut second = Store::open(&path)?;
    let edit = first.begin_edit("Long edit")?;
    let error = second.apply("Competing edit", &[Entity::Domain(domain("orders", "Orders")?)], &[]);
    assert!(matches!(error, Err(StoreError::InUse { .. })), "the second writer got {error:?}");
    let message = error.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("design.mesh") && message.contains("in use"), "{message}");
    drop(edit);
    second.apply("Competing edit", &[Entity::Domain(domain("orders", "Orders")?)], &[])?;
    assert!(first.load()?.domains.contains_key("orders"));
    assert!(first.integrity_check()?.is_empty());
    Ok(())
}

#[test]
fn an_old_file_migrates_and_keeps_its_design_and_history() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("old.mesh");
    std::fs::copy(fixture("design-v1.mesh"), &path)?;
    let mut store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    let mesh = store.load()?;
    assert_eq!(mesh.settings.name, "Design from Meshwright 0.1 (schema 1)");
    assert_eq!(mesh.products.len(), 1);
    assert!(mesh.contracts.contains_key("orders.order-events"));
    // The snapshot table came with migration 2, and the old journal still undoes.
    store.snapshot_create("after migration")?;
    assert_eq!(store.history()?.undo.as_deref(), Some("Rename the design"));
    store.undo()?;
    assert_eq!(store.load()?.settings.name, "Untitled mesh");
    Ok(())
}

#[test]
fn snapshots_and_save_as_copy_the_design() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("design.mesh");
    let mesh = read_folder(&example("healthcare"))?;
    let mut store = Store::create(&path, &mesh, false)?;
    let snapshot = store.snapshot_create("before workshop")?;
    assert!(snapshot.entities > 20);
    store.apply("Add orders", &[Entity::Domain(domain("orders", "Orders")?)], &[])?;
    assert_eq!(store.snapshot_load("before workshop")?, mesh, "the snapshot changed with the design");
    assert!(store.snapshot_create("before workshop").is_err(), "a snapshot name was reused");
    let copy = scratch.path().join("copy.mesh");
    store.save_as(&copy, false)?;
    let copied = Store::open(&copy)?;
    assert!(copied.load()?.domains.contains_key("orders"));
    assert_eq!(copied.snapshots()?.len(), 1);
    assert_eq!(copied.history()?.undo.as_deref(), Some("Add orders"));
    Ok(())
}

#[test]
fn a_second_process_is_told_the_file_is_in_use() -> TestResult {
    let binary = crate::support::meshwright_binary()?;
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("shared.mesh");
    let mut store = Store::create(&path, &Mesh::named("Shared"), false)?;
    let edit = store.begin_edit("A long edit in the studio")?;
    let output =
        std::process::Command::new(&binary).args(["stress-edits", &path.to_string_lossy(), "--count", "1"]).output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "the second process exited {:?}: {stderr}", output.status.code());
    assert!(stderr.contains("shared.mesh is in use"), "{stderr}");
    drop(edit);
    assert!(store.integrity_check()?.is_empty());
    Ok(())
}
