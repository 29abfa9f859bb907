//! `validate`: the standard's own negative tests rejected, every official example accepted, problems with exact
//! paths and positions, unrecognisable YAML refused, and the CLI's exit codes.

use super::{reference, yaml_files};
use crate::support::{TestResult, run_cli};
use meshwright::standards::validate::{self, validate_text};
use std::path::Path;

#[test]
fn every_invalid_odcs_document_is_rejected() -> TestResult {
    let Some(reference) = reference("every_invalid_odcs_document_is_rejected") else { return Ok(()) };
    let files = yaml_files(&reference.join("odcs/invalid"))?;
    let mut accepted = Vec::new();
    for path in &files {
        let report = validate::validate_file(path)?;
        if report.is_valid() {
            accepted.push(path.display().to_string());
        }
        for problem in &report.problems {
            assert!(problem.line.is_some(), "{}: a problem without a line: {problem:?}", path.display());
        }
    }
    println!("ODCS invalid set: {} documents, {} rejected", files.len(), files.len() - accepted.len());
    assert_eq!(files.len(), 28);
    assert!(accepted.is_empty(), "accepted invalid documents: {accepted:?}");
    Ok(())
}

#[test]
fn every_official_example_is_accepted() -> TestResult {
    let Some(reference) = reference("every_official_example_is_accepted") else { return Ok(()) };
    let mut rejected = Vec::new();
    let mut count = 0;
    for folder in ["odcs/examples", "odcs/examples-older", "odps/examples", "dcs/examples"] {
        for path in yaml_files(&reference.join(folder))? {
            count += 1;
            let report = validate::validate_file(&path)?;
            if !report.is_valid() {
                rejected.push(format!("{}: {:?}", path.display(), report.problems));
            }
        }
    }
    println!("official examples accepted: {} of {count}", count - rejected.len());
    assert!(rejected.is_empty(), "{}", rejected.join("\n"));
    Ok(())
}

#[test]
fn every_problem_is_reported_with_its_path_line_and_column() {
    let text = "apiVersion: v3.2.0\nkind: DataContract\nid: orders\nversion: 1.0.0\nstatus: active\nowner: me\n\
                schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: integer\n      \
                - name: a\n        logicalType: string\n      - name: b\n        logicalType: text\n      \
                - name: c\n        logicalType: binary\n";
    let report = validate_text(text, Path::new("orders.odcs.yaml"));
    let found: Vec<(&str, Option<u64>, Option<u64>)> =
        report.problems.iter().map(|problem| (problem.path.as_str(), problem.line, problem.column)).collect();
    assert_eq!(
        found,
        vec![
            ("owner", Some(6), Some(1)),
            ("schema[0].properties[2].logicalType", Some(15), Some(22)),
            ("schema[0].properties[3].logicalType", Some(17), Some(22)),
        ],
        "{:?}",
        report.problems
    );
    assert!(report.problems[2].message.contains("`binary` is not a valid logical type"));
}

#[test]
fn yaml_that_is_not_a_contract_or_product_is_an_error() {
    let report = validate_text("name: my shopping list\nitems: [milk, eggs]\n", Path::new("list.yaml"));
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].rule, "unrecognised");
}

#[test]
fn validate_exits_1_on_problems_0_when_valid_and_2_when_unreadable() -> TestResult {
    let folder = tempfile::tempdir()?;
    let good = folder.path().join("good.odcs.yaml");
    std::fs::write(&good, "apiVersion: v3.2.0\nkind: DataContract\nid: good\nversion: 1.0.0\nstatus: draft\n")?;
    let bad = folder.path().join("bad.odcs.yaml");
    std::fs::write(&bad, "apiVersion: v3.2.0\nkind: DataContract\nid: bad\nversion: 1.0.0\nunknownRootField: 1\n")?;
    let good_text = good.display().to_string();
    let bad_text = bad.display().to_string();

    let run = run_cli(&["validate", &good_text]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("ODCS v3.2.0: valid"), "{}", run.stdout);

    let run = run_cli(&["validate", &good_text, &bad_text]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains(&format!("{bad_text}:5:1: unknownRootField:")), "{}", run.stdout);

    let run = run_cli(&["validate", "--format", "json", &bad_text]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(json[0]["problems"][0]["path"], "unknownRootField");
    assert_eq!(json[0]["problems"][0]["line"], 5);

    let missing = folder.path().join("missing.yaml").display().to_string();
    let run = run_cli(&["validate", &missing]);
    assert_eq!(run.code, 2, "{run:?}");
    Ok(())
}

#[test]
fn validate_also_checks_a_user_supplied_schema() -> TestResult {
    let folder = tempfile::tempdir()?;
    let contract = folder.path().join("c.odcs.yaml");
    std::fs::write(&contract, "apiVersion: v3.2.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: draft\n")?;
    let schema = folder.path().join("policy.json");
    std::fs::write(&schema, r#"{"type": "object", "required": ["domain"]}"#)?;
    let run = run_cli(&["validate", "--schema", &schema.display().to_string(), &contract.display().to_string()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("domain"), "{}", run.stdout);
    Ok(())
}
