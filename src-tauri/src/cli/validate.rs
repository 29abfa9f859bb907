//! `meshwright validate FILE...`: every problem of each ODCS, ODPS or DCS document, with its path, line and column,
//! as text or JSON; optionally also against a JSON Schema the user supplies.

use super::{EXIT_OK, EXIT_UNUSABLE, EXIT_VERDICT, Outcome, TextOrJson};
use crate::error::Error;
use crate::standards::source;
use crate::standards::validate::{self, Report};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One file's outcome: a report, or why the file could not be read at all.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
enum FileOutcome {
    Report(Report),
    Unreadable { file: PathBuf, error: String },
}

pub(super) fn run(
    files: &[PathBuf],
    format: TextOrJson,
    schema: Option<&Path>,
    out: &mut dyn std::io::Write,
) -> Result<Outcome, Error> {
    let validator = schema.map(load_schema).transpose()?;
    let outcomes: Vec<FileOutcome> = files
        .par_iter()
        .map(|file| match source::read_text(file) {
            Err(error) => FileOutcome::Unreadable { file: file.clone(), error: error.to_string() },
            Ok(text) => {
                let mut report = validate::validate_text(&text, file);
                if let Some(validator) = &validator
                    && let Ok(document) = source::parse_located(&text)
                {
                    report.problems.extend(validate::validate_against_schema(&document, validator));
                }
                FileOutcome::Report(report)
            }
        })
        .collect();
    let unreadable = outcomes.iter().any(|outcome| matches!(outcome, FileOutcome::Unreadable { .. }));
    let invalid = outcomes.iter().any(|outcome| matches!(outcome, FileOutcome::Report(report) if !report.is_valid()));
    let text = match format {
        TextOrJson::Json => {
            let mut text =
                serde_json::to_string_pretty(&outcomes).map_err(|error| Error::Internal(error.to_string()))?;
            text.push('\n');
            text
        }
        TextOrJson::Text => render_text(&outcomes),
    };
    out.write_all(text.as_bytes()).map_err(|source| Error::Io {
        action: "write to",
        path: PathBuf::from("standard output"),
        source,
    })?;
    Ok(Outcome::Exit(if unreadable {
        EXIT_UNUSABLE
    } else if invalid {
        EXIT_VERDICT
    } else {
        EXIT_OK
    }))
}

fn load_schema(path: &Path) -> Result<jsonschema::Validator, Error> {
    let text = source::read_text(path)?;
    let schema: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| crate::yaml::parse(&text))
        .map_err(|error| Error::Usage(format!("cannot read the schema {}: {error}", path.display())))?;
    jsonschema::validator_for(&schema)
        .map_err(|error| Error::Usage(format!("cannot use {} as a JSON Schema: {error}", path.display())))
}

fn render_text(outcomes: &[FileOutcome]) -> String {
    let mut text = String::new();
    let (mut valid, mut problems) = (0usize, 0usize);
    for outcome in outcomes {
        match outcome {
            FileOutcome::Unreadable { error, .. } => {
                let _ = writeln!(text, "error: {error}");
            }
            FileOutcome::Report(report) => {
                let file = report.file.display();
                let standard = report
                    .detected
                    .as_ref()
                    .map(|detected| format!("{} {}", detected.standard, detected.version).trim_end().to_owned())
                    .unwrap_or_else(|| "unrecognised".to_owned());
                if report.is_valid() {
                    valid += 1;
                    let _ = writeln!(text, "{file}: {standard}: valid");
                    continue;
                }
                problems += report.problems.len();
                let _ = writeln!(text, "{file}: {standard}: {} problem(s)", report.problems.len());
                for problem in &report.problems {
                    let position = match (problem.line, problem.column) {
                        (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
                        _ => file.to_string(),
                    };
                    let path = if problem.path.is_empty() { String::new() } else { format!(" {}:", problem.path) };
                    let _ = writeln!(text, "  {position}:{path} {} [{}]", problem.message, problem.rule);
                }
            }
        }
    }
    let _ = writeln!(text, "{} file(s): {valid} valid, {problems} problem(s)", outcomes.len());
    text
}
