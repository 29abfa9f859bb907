//! Contract artefacts: every JSON Schema is a valid draft 2020-12 schema that accepts the sample row made from its
//! object and rejects a row missing a required property; the Markdown sheet escapes user text; exports are
//! deterministic.

use crate::support::{TestResult, example, run_cli};
use meshwright::artefacts::{ArtefactKind, data_sheet, object_schema, render, sample_row};

#[test]
fn json_schemas_accept_their_sample_rows() -> TestResult {
    let mut checked = 0;
    for name in ["retail", "healthcare"] {
        let mesh = meshwright::design::load(&example(name))?;
        for contract in mesh.contracts.values() {
            for object in &contract.schema {
                let schema = object_schema(contract, object);
                assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
                jsonschema::meta::validate(&schema)
                    .map_err(|error| format!("{} / {}: not a valid schema: {error}", contract.id, object.name))?;
                let validator = jsonschema::validator_for(&schema)?;
                let row = sample_row(object);
                let errors: Vec<String> = validator
                    .iter_errors(&row)
                    .map(|error| format!("{} at {}", error, error.instance_path()))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{} / {}: the sample row {row} is refused: {errors:?}",
                    contract.id,
                    object.name
                );
                if let Some(required) = object.properties.iter().find(|property| property.required) {
                    let mut missing = row.clone();
                    missing.as_object_mut().map(|row| row.remove(&required.name));
                    assert!(
                        !validator.is_valid(&missing),
                        "{} / {}: a row without {} passes",
                        contract.id,
                        object.name,
                        required.name
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "only {checked} objects checked");
    Ok(())
}

#[test]
fn artefact_exports_are_deterministic_and_one_per_contract() -> TestResult {
    let mesh = meshwright::design::load(&example("retail"))?;
    for kind in [ArtefactKind::Sql, ArtefactKind::Markdown] {
        assert_eq!(render(&mesh, kind)?.len(), mesh.contracts.len());
        assert_eq!(render(&mesh, kind)?, render(&mesh, kind)?);
    }
    let scratch = tempfile::tempdir()?;
    let out = scratch.path().join("md");
    let retail = example("retail");
    let args = ["export", &retail.to_string_lossy(), "--format", "markdown", "--out", &out.to_string_lossy()]
        .map(|arg| arg.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let first = run_cli(&args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = run_cli(&args);
    assert!(second.stdout.contains(": 0 files written, 32 unchanged, 0 removed"), "{}", second.stdout);
    Ok(())
}

#[test]
fn markdown_sheets_escape_user_text() -> TestResult {
    let mut mesh = meshwright::design::load(&example("retail"))?;
    let contract = mesh.contracts.values_mut().next().ok_or("no contract")?;
    contract.name = Some("A <b>bold</b> | piped name".to_owned());
    let contract = contract.clone();
    let sheet = data_sheet(&mesh, &contract);
    assert!(sheet.starts_with("# A &lt;b&gt;bold&lt;/b&gt; | piped name\n"), "{}", &sheet[..80]);
    assert!(sheet.contains("| Property | Type | Required | Key | Classification | Description |"));
    Ok(())
}
