//! `meshwright check` (governance findings in text, JSON, SARIF or JUnit; exit 1 when an error remains) and
//! `meshwright rules` (the built-in rule catalogue).

use super::{EXIT_OK, EXIT_VERDICT, Outcome, TextOrJson, print};
use crate::design;
use crate::error::Error;
use crate::governance::{self, CheckOptions, output};
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
    Junit,
}

/// When the text report is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColourChoice {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

fn render_error(error: governance::GovernanceError) -> Error {
    Error::Internal(error.to_string())
}

/// Runs `check`.
pub fn run(
    mesh: &Path,
    format: CheckFormat,
    policy: Option<&Path>,
    today: Option<String>,
    colour: ColourChoice,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let today = match today {
        Some(date) if governance::policy::is_date(&date) => date,
        Some(date) => return Err(Error::Usage(format!("--today must be a date as YYYY-MM-DD, not `{date}`"))),
        None => governance::today_utc(),
    };
    let design = design::load(mesh)?;
    let mut options = CheckOptions::on(today);
    if let Some(policy) = policy {
        options = options.with_policy_file(policy);
    }
    let report = governance::check(&design, &options);
    let text = match format {
        CheckFormat::Text => {
            let colour = match colour {
                ColourChoice::Always => true,
                ColourChoice::Never => false,
                ColourChoice::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
            };
            output::text::render(&report, colour)
        }
        CheckFormat::Json => output::json::render(&report).map_err(render_error)?,
        CheckFormat::Sarif => {
            let folder = mesh.is_dir().then(|| mesh.display().to_string());
            output::sarif::render(&report, folder.as_deref()).map_err(render_error)?
        }
        CheckFormat::Junit => output::junit::render(&report),
    };
    print(out, format_args!("{text}"))?;
    Ok(Outcome::Exit(if report.has_errors() { EXIT_VERDICT } else { EXIT_OK }))
}

/// Runs `rules`: id, default severity, family, title and rationale of every built-in rule.
pub fn rules(format: TextOrJson, out: &mut dyn Write) -> Result<Outcome, Error> {
    let catalogue = governance::catalogue();
    match format {
        TextOrJson::Json => {
            let text = serde_json::to_string_pretty(&catalogue).map_err(|error| Error::Internal(error.to_string()))?;
            print(out, format_args!("{text}\n"))
        }
        TextOrJson::Text => {
            let mut text = String::new();
            for rule in &catalogue {
                text.push_str(&format!(
                    "{}  {:<7}  {:<16}  {}\n    {}\n",
                    rule.id,
                    rule.default_severity.as_str(),
                    rule.family.as_str(),
                    rule.title,
                    rule.rationale
                ));
                if !rule.parameters.is_empty() {
                    text.push_str(&format!("    parameters: {}\n", rule.parameters));
                }
            }
            text.push_str(&format!("{} rules\n", catalogue.len()));
            print(out, format_args!("{text}"))
        }
    }
}
