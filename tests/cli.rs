//! The command line, run in-process: help on every command, exit codes, show/new/import/export/generate.

use crate::support::{TestResult, example, read_tree, run_cli};
use meshwright::store::Store;

#[test]
fn every_command_has_help() {
    for command in ["open", "new", "import", "export", "show", "generate"] {
        let run = run_cli(&[command, "--help"]);
        assert_eq!(run.code, 0, "{command} --help exited {}", run.code);
        assert!(run.stdout.contains("Usage: meshwright"), "{command} --help printed: {}", run.stdout);
    }
    let run = run_cli(&["--help"]);
    assert!(run.stdout.contains("Exit codes: 0 success, 1 negative verdict, 2 unusable input"));
}

#[test]
fn a_bad_argument_exits_2() {
    let run = run_cli(&["show"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("MESH"), "{}", run.stderr);
    assert_eq!(run_cli(&["generate", "-o", "x.mesh", "--domains", "0"]).code, 2);
}

#[test]
fn show_summarizes_the_retail_example() -> TestResult {
    let retail = example("retail");
    let run = run_cli(&["show", &retail.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Retail mesh"), "{}", run.stdout);
    assert!(run.stdout.contains("7 domains, 8 teams, 28 products, 32 contracts"), "{}", run.stdout);
    let run = run_cli(&["show", &retail.to_string_lossy(), "--format", "json"]);
    let summary: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(summary["products"], 28);
    assert_eq!(summary["domains"], 7);
    assert_eq!(summary["byDomain"][0]["id"], "catalog");
    assert_eq!(summary["productsByArchetype"]["source-aligned"], 13);
    Ok(())
}

#[test]
fn new_import_and_export_work_end_to_end() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let empty = scratch.path().join("empty.mesh");
    let run = run_cli(&["new", &empty.to_string_lossy(), "--name", "Workshop"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(Store::open(&empty)?.load()?.settings.name, "Workshop");
    assert_eq!(run_cli(&["new", &empty.to_string_lossy()]).code, 2, "new replaced a file without --force");

    let imported = scratch.path().join("retail.mesh");
    let retail = example("retail");
    let run = run_cli(&["import", &retail.to_string_lossy(), "-o", &imported.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("28 products"), "{}", run.stdout);

    let folder = scratch.path().join("retail-code");
    let run = run_cli(&["export", &imported.to_string_lossy(), "--format", "mesh", "--out", &folder.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let exported = read_tree(&folder)?;
    let original = read_tree(&retail)?;
    for (path, bytes) in &exported {
        assert_eq!(original.get(path), Some(bytes), "{} differs after import and export", path.display());
    }

    let json = scratch.path().join("retail.json");
    let run = run_cli(&["export", &imported.to_string_lossy(), "--format", "json", "--out", &json.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_slice(&std::fs::read(&json)?)?;
    assert_eq!(document["products"].as_array().map(Vec::len), Some(28));
    assert_eq!(document["settings"]["name"], "Retail mesh");
    Ok(())
}

#[test]
fn generate_is_deterministic_and_plausible() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let mut exports = Vec::new();
    for attempt in 0..2 {
        let file = scratch.path().join(format!("generated-{attempt}.mesh"));
        let run =
            run_cli(&["generate", "-o", &file.to_string_lossy(), "--domains", "5", "--products", "120", "--seed", "7"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let folder = scratch.path().join(format!("generated-{attempt}"));
        assert_eq!(
            run_cli(&["export", &file.to_string_lossy(), "--format", "mesh", "--out", &folder.to_string_lossy()]).code,
            0
        );
        exports.push(read_tree(&folder)?);
    }
    assert_eq!(exports[0], exports[1], "the same seed gave different designs");
    let mesh = Store::open(&scratch.path().join("generated-0.mesh"))?.load()?;
    assert_eq!(mesh.products.len(), 120);
    let dependencies = mesh.dependencies().count();
    assert!((300..=700).contains(&dependencies), "{dependencies} dependencies for 120 products");
    for contract in mesh.contracts.values() {
        assert!(
            (5..=30).contains(&contract.property_count()),
            "{} has {} properties",
            contract.id,
            contract.property_count()
        );
    }
    assert!(
        mesh.contracts.values().any(|c| c
            .schema
            .iter()
            .flat_map(|o| &o.properties)
            .any(|p| p.classification.as_deref() == Some("pii")))
    );
    Ok(())
}

#[test]
fn open_refuses_an_unusable_file_before_any_window() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("notes.mesh");
    std::fs::write(&path, "not a design")?;
    let run = run_cli(&["open", &path.to_string_lossy()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a SQLite database"), "{}", run.stderr);
    Ok(())
}
