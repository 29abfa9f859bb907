//! `meshwright publish`: the design as code plus its contract artefacts, written under a sub-folder of a git
//! working tree and committed; the report lists what was added, modified and removed.

use super::{TextOrJson, print};
use crate::design;
use crate::error::Error;
use crate::publish::{self, PublishOptions};
use std::io::Write;
use std::path::Path;

pub(super) fn run(
    mesh: &Path,
    options: &PublishOptions,
    format: TextOrJson,
    out: &mut dyn Write,
) -> Result<super::Outcome, Error> {
    let design = design::load(mesh)?;
    let report = publish::publish(&design, options, &|_| {})?;
    match format {
        TextOrJson::Json => {
            let text = serde_json::to_string_pretty(&report).map_err(|error| Error::Internal(error.to_string()))?;
            print(out, format_args!("{text}\n"))
        }
        TextOrJson::Text => {
            let branch = report.branch.as_deref().map(|branch| format!(" (branch {branch})")).unwrap_or_default();
            let mut text = match &report.commit {
                None => format!(
                    "Nothing to publish: {}/ in {}{branch} already matches \"{}\"; no commit made.\n",
                    report.path,
                    report.repo.display(),
                    design.settings.name
                ),
                Some(commit) => format!(
                    "Published \"{}\" to {}/ in {}{branch}: {} added, {} modified, {} removed; commit {}\n",
                    design.settings.name,
                    report.path,
                    report.repo.display(),
                    report.added.len(),
                    report.modified.len(),
                    report.removed.len(),
                    commit.get(..12).unwrap_or(commit)
                ),
            };
            for (mark, files) in [("A", &report.added), ("M", &report.modified), ("D", &report.removed)] {
                for file in files {
                    text.push_str(&format!("  {mark} {file}\n"));
                }
            }
            print(out, format_args!("{text}"))
        }
    }
}
