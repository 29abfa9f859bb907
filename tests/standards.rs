//! The open standards: every official ODCS, ODPS and DCS example read, written and compared with its input, the
//! writers' output checked against the official JSON Schemas, `validate` on the standard's own negative tests,
//! `diff` verdicts, hostile input, and the CLI's exit codes. The official files are read from
//! `../shared/standards` at test time and never copied into this repository.

mod diff;
mod fidelity;
mod hostile;
mod validation;

use std::path::{Path, PathBuf};

/// The reference folder, or `None` (after saying why the caller's test is skipped) when it is absent.
pub fn reference(test: &str) -> Option<PathBuf> {
    let folder = crate::support::repo_root().join("../shared/standards");
    if folder.join("odcs").is_dir() {
        Some(folder)
    } else {
        println!(
            "skipped {test}: the reference standards folder {} is absent (a fresh clone has no ../shared); \
             conformance against the official schemas and examples was not checked",
            folder.display()
        );
        None
    }
}

/// Every `*.yaml` file under `folder`, sorted.
pub fn yaml_files(folder: &Path) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "yaml" || extension == "yml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A JSON Schema validator for an official schema file.
pub fn official_validator(path: &Path) -> Result<jsonschema::Validator, Box<dyn std::error::Error>> {
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    Ok(jsonschema::validator_for(&schema).map_err(|error| format!("{}: {error}", path.display()))?)
}

/// Every message of `validator` on `value`, joined, or `None` when it is valid.
pub fn schema_errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Option<String> {
    let errors: Vec<String> =
        validator.iter_errors(value).map(|error| format!("{} at {}", error, error.instance_path())).collect();
    if errors.is_empty() { None } else { Some(errors.join("; ")) }
}

/// YAML text as a JSON value, through the product's own parser.
pub fn yaml_value(text: &str) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    Ok(meshwright::yaml::parse::<serde_json::Value>(text)?)
}
