//! The `meshwright` command line (clap). Commands print to the writers they are given, so tests run them
//! in-process; errors go to stderr, and the exit code is 0 for success, 1 for a negative verdict, 2 for unusable
//! input.

mod check;
mod diff;
mod graph;
mod plan;
mod publish;
mod show;
mod validate;

use crate::canvas::Paper;
use crate::design;
use crate::error::Error;
use crate::export::{self, ExportFormat, ExportOptions, ExportReport};
use crate::generate::{self, GenerateOptions};
use crate::mesh_as_code;
use crate::model::{Domain, Entity, Extra, Id, Mesh, MeshSettings};
use crate::plan::PlanFormat;
use crate::store::Store;
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Exit code: the command did what was asked.
pub const EXIT_OK: u8 = 0;
/// Exit code: the command ran, and its verdict is negative (a check found an error, a diff found a break).
pub const EXIT_VERDICT: u8 = 1;
/// Exit code: the input was unusable (a missing or damaged file, a bad argument).
pub const EXIT_UNUSABLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "meshwright",
    version,
    about = "Design a data mesh: domains, data products, contracts and their dependencies.",
    long_about = "Design a data mesh: domains, data products, contracts and their dependencies.\n\n\
                  Every command that reads a mesh takes a .mesh file or a mesh-as-code folder.\n\
                  With no command, meshwright opens the studio (desktop build).",
    after_help = "Exit codes: 0 success, 1 negative verdict, 2 unusable input."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Open a design in the studio (desktop build).
    Open {
        /// The .mesh file to open.
        file: PathBuf,
    },
    /// Create an empty design.
    New {
        /// The .mesh file to create.
        file: PathBuf,
        /// The design's name (defaults to the file name).
        #[arg(long)]
        name: Option<String>,
        /// Start from a template: `pilot` is a pilot-domain exercise (one domain, a source-aligned and a
        /// consumer-aligned product, an empty canvas per product).
        #[arg(long, value_enum)]
        template: Option<Template>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Read mesh-as-code folders, ODPS or ODCS files into a new design.
    Import {
        /// Folders, *.odps.yaml, *.odcs.yaml or .mesh files to read.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// The .mesh file to write.
        #[arg(short, long)]
        out: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a design in another format.
    Export {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        /// The format to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write: a folder for mesh, odcs, odps, dcs, html, jsonschema, sql and markdown; a file for
        /// json, mermaid, dot, svg and png.
        #[arg(long)]
        out: PathBuf,
        /// Diagrams (mermaid, dot, svg, png) only: draw the neighbourhood of this product, PRODUCT/PORT, contract, source
        /// system or consumer instead of the whole design.
        #[arg(long, value_name = "ID")]
        around: Option<String>,
        /// With --around: how many edges upstream and downstream to include.
        #[arg(long, value_name = "N", default_value_t = 2, requires = "around")]
        depth: usize,
        /// With --format odcs: the ODCS version to write (3.1.0 moves what only 3.2.0 has into a custom property).
        #[arg(long, value_enum, default_value = "3.2.0")]
        odcs_version: crate::standards::odcs::OdcsVersion,
        /// With --format odps: the ODPS version to write (1.1.0 writes the archetype as `type`).
        #[arg(long, value_enum, default_value = "1.0.0")]
        odps_version: crate::standards::odps::OdpsVersion,
        /// Export the mesh as of this wave of the rollout plan.
        #[arg(long, value_name = "N")]
        wave: Option<u32>,
        /// Pictures (svg, png): draw each domain as one node (auto: above 300 products).
        #[arg(long, value_enum, default_value = "auto")]
        collapse: crate::picture::Collapse,
    },
    /// Write the design as code plus its contract artefacts into a git working tree and commit them.
    #[command(
        after_help = "Refuses (exit 2) when the working tree has uncommitted changes. Writes only under --path; makes no commit when nothing changed."
    )]
    Publish {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        /// A folder inside the git working tree to publish into.
        #[arg(long, value_name = "PATH")]
        repo: PathBuf,
        /// The branch to commit on: checked out if it exists, created from HEAD if not (default: the current one).
        #[arg(long, value_name = "NAME")]
        branch: Option<String>,
        /// The commit message (default: "Publish DESIGN from Meshwright").
        #[arg(long, value_name = "TEXT")]
        message: Option<String>,
        /// The sub-folder of the working tree to write; nothing outside it is touched.
        #[arg(long = "path", value_name = "SUBDIR", default_value = crate::publish::DEFAULT_PATH)]
        sub_folder: String,
        /// Publish the mesh as code only, without JSON Schema, SQL and Markdown artefacts.
        #[arg(long)]
        no_artefacts: bool,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Ask the dependency graph: impact, lineage, cycles, stats or layers.
    #[command(after_help = "ID is a product, consumer, source system or contract id, or PRODUCT/PORT for an output \
                            port; prefix it with product:, consumer:, source: or contract: when two kinds share \
                            an id.\n`graph cycles` exits 1 when the design has a dependency cycle.")]
    Graph {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        /// The question to ask.
        #[arg(value_enum)]
        query: graph::GraphQuery,
        /// What impact and lineage start from.
        id: Option<String>,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Check ODCS, ODPS or DCS documents: every problem with its path, line and column.
    #[command(after_help = "Exits 1 when a document has a problem, 2 when a file cannot be read.")]
    Validate {
        /// The *.odcs.yaml, *.odps.yaml or DCS files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Also check every file against this JSON Schema (JSON or YAML).
        #[arg(long, value_name = "FILE")]
        schema: Option<PathBuf>,
    },
    /// Compare two versions of a contract, or two whole designs (entities added, removed and changed).
    #[command(after_help = "OLD and NEW are two contract files (ODCS or DCS), or two designs: a .mesh file, a \
                            mesh-as-code folder, or FILE.mesh@SNAPSHOT for a snapshot inside a file (`meshwright \
                            diff retail.mesh@before retail.mesh`). Designs are compared entity by entity, field by \
                            field; changed contracts are graded by the breaking-change rules.\n\
                            Exits 1 when a contract change is breaking (from the chosen perspective for two \
                            contracts, the consumer's for designs), 0 otherwise.")]
    Diff {
        /// The contract or design as it was.
        old: PathBuf,
        /// The contract or design as it is proposed.
        new: PathBuf,
        /// A .mesh file or mesh-as-code folder: list every product and consumer downstream of the contract.
        #[arg(long, value_name = "MESH")]
        mesh: Option<PathBuf>,
        /// Whose side changes are judged from.
        #[arg(long, value_enum, default_value_t = crate::standards::diff::Perspective::Consumer)]
        perspective: crate::standards::diff::Perspective,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Run the governance checks: built-in rules, the design's policy pack, custom policies.
    #[command(after_help = "Exits 1 when a finding of severity error remains, 0 otherwise, 2 for unusable input.")]
    Check {
        /// The .mesh file or mesh-as-code folder to check.
        mesh: PathBuf,
        #[arg(long, value_enum, default_value_t = check::CheckFormat::Text)]
        format: check::CheckFormat,
        /// A policy pack (YAML) layered over the design's own.
        #[arg(long, value_name = "FILE")]
        policy: Option<PathBuf>,
        /// The date waivers, grace periods and end-of-support dates are judged against (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        /// Colour the text report.
        #[arg(long, value_enum, default_value_t = check::ColourChoice::Auto)]
        color: check::ColourChoice,
    },
    /// List the built-in governance rules: id, default severity, family, title and rationale.
    Rules {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Summarize a design: domains, products, contracts, dependencies.
    Show {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Show the mesh as of this wave of the rollout plan: products planned up to it and those live already.
        #[arg(long, value_name = "N")]
        wave: Option<u32>,
    },
    /// Plan the rollout: readiness per domain, the verdict, lighthouse candidates, waves and the critical path.
    #[command(after_help = "The waves shown are the design's own plan (mesh.yaml `rollout.waves`) when it has one, \
                            else the automatic proposal; JSON has both. markdown and csv export the plan (csv: one \
                            row per product). Wave-order problems are MW-ROL-001 findings of `meshwright check`.")]
    Plan {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
        /// Products per proposed wave, overriding the design's `rollout.capacity`.
        #[arg(long, value_name = "N")]
        capacity: Option<u32>,
        /// Store the proposal as the design's waves (replacing them) before reporting; with a number of weeks per
        /// wave and `rollout.start` in the design, the waves get dates.
        #[arg(long, value_name = "WEEKS_PER_WAVE", num_args = 0..=1)]
        apply: Option<Option<u32>>,
    },
    /// The seed metrics: products per domain and status, productive products, coverage, compliance, readers per
    /// product, planned lead time.
    Metrics {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Measure the mesh as of this wave of the rollout plan.
        #[arg(long, value_name = "N")]
        wave: Option<u32>,
        /// The date governance judges waivers against (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Write a product's Data Product Canvas as a printable HTML page.
    Canvas {
        /// The .mesh file or mesh-as-code folder to read.
        mesh: PathBuf,
        /// The product's id.
        product: String,
        /// The HTML file to write.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,
    },
    /// List, save, restore or delete the snapshots inside a .mesh file.
    Snapshot {
        /// The .mesh file.
        file: PathBuf,
        #[command(subcommand)]
        action: plan::SnapshotAction,
    },
    /// Make a synthetic design of any size, for demos and benchmarks.
    Generate {
        /// The .mesh file to write.
        #[arg(short, long)]
        out: PathBuf,
        /// Number of domains.
        #[arg(long, default_value_t = 6)]
        domains: usize,
        /// Number of data products.
        #[arg(long, default_value_t = 50)]
        products: usize,
        /// Seed of the random generator; the same seed gives the same design.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Dependency cycles to plant (none by default).
        #[arg(long, default_value_t = 0)]
        cycles: usize,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Apply synthetic edits to a design, printing each committed one (a crash-safety diagnostic).
    #[command(hide = true)]
    StressEdits {
        file: PathBuf,
        /// Prefix of the ids of the domains the edits add.
        #[arg(long, default_value = "stress")]
        prefix: String,
        /// Stop after this many edits (default: run until killed).
        #[arg(long)]
        count: Option<u64>,
    },
}

/// Templates `meshwright new` starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Template {
    Pilot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

/// What the binary should do once the command line has been handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Exit with this code.
    Exit(u8),
    /// Open the studio, on a design that was checked to open.
    OpenStudio(Option<PathBuf>),
}

/// Runs the command line `args` (program name first), writing plain text to `out` and `err`.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with_color(args, out, err, false)
}

/// Like [`run`], with help and usage errors coloured for a terminal when `color` is set.
pub fn run_with_color<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write, color: bool) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let rendered = error.render();
            let text = if color { rendered.ansi().to_string() } else { rendered.to_string() };
            let target: &mut dyn Write = if error.use_stderr() { err } else { out };
            let _ = write!(target, "{text}");
            return Outcome::Exit(if error.use_stderr() { EXIT_UNUSABLE } else { EXIT_OK });
        }
    };
    match execute(cli.command, out) {
        Ok(outcome) => outcome,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            Outcome::Exit(EXIT_UNUSABLE)
        }
    }
}

fn execute(command: Option<Command>, out: &mut dyn Write) -> Result<Outcome, Error> {
    let Some(command) = command else {
        return Ok(Outcome::OpenStudio(None));
    };
    match command {
        Command::Open { file } => {
            // Refuse an unusable file here, with the CLI's message and exit code, before any window opens.
            Store::open(&file)?;
            Ok(Outcome::OpenStudio(Some(file)))
        }
        Command::New { file, name, template, force } => {
            let name = name.unwrap_or_else(|| file_stem(&file));
            let mesh = match template {
                None => Mesh::named(name.clone()),
                Some(Template::Pilot) => crate::pilot::pilot_exercise(&name)?,
            };
            Store::create(&file, &mesh, force)?;
            print(
                out,
                format_args!(
                    "Created {} (\"{name}\"). Open it with: meshwright open {}\n",
                    file.display(),
                    file.display()
                ),
            )
        }
        Command::Import { sources, out: target, force } => {
            let started = Instant::now();
            let mut mesh = read_sources(&sources)?;
            if mesh.settings == MeshSettings::default() {
                mesh.settings.name = file_stem(&target);
            }
            Store::create(&target, &mesh, force)?;
            print(
                out,
                format_args!(
                    "Imported {} domains, {} products, {} contracts, {} source systems and {} consumers into {} in {} ms\n",
                    mesh.domains.len(),
                    mesh.products.len(),
                    mesh.contracts.len(),
                    mesh.source_systems.len(),
                    mesh.consumers.len(),
                    target.display(),
                    started.elapsed().as_millis()
                ),
            )
        }
        Command::Export { mesh, format, out: target, around, depth, odcs_version, odps_version, wave, collapse } => {
            let started = Instant::now();
            let design = plan::load_as_of(&mesh, wave)?;
            let options = ExportOptions { around, depth, odcs_version, odps_version, collapse };
            match export::export_with(&design, format, &target, &options)? {
                ExportReport::Folder(report) => print(
                    out,
                    format_args!(
                        "Exported {} to {}: {} files written, {} unchanged, {} removed ({} ms)\n",
                        mesh.display(),
                        target.display(),
                        report.written.len(),
                        report.unchanged,
                        report.removed.len(),
                        started.elapsed().as_millis()
                    ),
                ),
                ExportReport::File { bytes } => print(
                    out,
                    format_args!(
                        "Exported {} to {} ({bytes} bytes, {} ms)\n",
                        mesh.display(),
                        target.display(),
                        started.elapsed().as_millis()
                    ),
                ),
            }
        }
        Command::Publish { mesh, repo, branch, message, sub_folder, no_artefacts, format } => {
            let options =
                crate::publish::PublishOptions { repo, branch, message, path: sub_folder, artefacts: !no_artefacts };
            publish::run(&mesh, &options, format, out)
        }
        Command::Graph { mesh, query, id, format } => graph::run(&mesh, query, id.as_deref(), format, out),
        Command::Validate { files, format, schema } => validate::run(&files, format, schema.as_deref(), out),
        Command::Diff { old, new, mesh, perspective, format } => {
            if diff::is_design_diff(&old, &new) {
                diff::run_designs(&old, &new, format, out)
            } else {
                diff::run(&old, &new, mesh.as_deref(), perspective, format, out)
            }
        }
        Command::Check { mesh, format, policy, today, color } => {
            check::run(&mesh, format, policy.as_deref(), today, color, out)
        }
        Command::Rules { format } => check::rules(format, out),
        Command::Show { mesh, format, wave } => {
            let design = plan::load_as_of(&mesh, wave)?;
            let summary = crate::summary::summarize(&design);
            match format {
                TextOrJson::Json => {
                    let text =
                        serde_json::to_string_pretty(&summary).map_err(|error| Error::Internal(error.to_string()))?;
                    print(out, format_args!("{text}\n"))
                }
                TextOrJson::Text => print(out, format_args!("{}", show::render_text(&summary, &mesh))),
            }
        }
        Command::Plan { mesh, format, capacity, apply } => plan::run_plan(&mesh, format, capacity, apply, out),
        Command::Metrics { mesh, format, wave, today } => plan::run_metrics(&mesh, wave, format, today, out),
        Command::Canvas { mesh, product, out: target, paper } => plan::run_canvas(&mesh, &product, &target, paper, out),
        Command::Snapshot { file, action } => plan::run_snapshot(&file, action, out),
        Command::Generate { out: target, domains, products, seed, cycles, force } => {
            let started = Instant::now();
            let mesh = generate::generate(GenerateOptions { domains, products, seed, cycles })?;
            let generated = started.elapsed();
            Store::create(&target, &mesh, force)?;
            print(
                out,
                format_args!(
                    "Generated {} domains, {} products, {} contracts, {} dependencies into {} ({} ms to generate, {} ms in all)\n",
                    mesh.domains.len(),
                    mesh.products.len(),
                    mesh.contracts.len(),
                    mesh.dependencies().count(),
                    target.display(),
                    generated.as_millis(),
                    started.elapsed().as_millis()
                ),
            )
        }
        Command::StressEdits { file, prefix, count } => stress_edits(&file, &prefix, count, out),
    }
}

/// Reads import sources: `.mesh` files through the store, everything else as mesh as code.
fn read_sources(sources: &[PathBuf]) -> Result<Mesh, Error> {
    let (documents, code): (Vec<&PathBuf>, Vec<&PathBuf>) =
        sources.iter().partition(|source| source.is_file() && source.extension().is_some_and(|e| e == "mesh"));
    let code: Vec<PathBuf> = code.into_iter().cloned().collect();
    let mut mesh = if code.is_empty() { Mesh::default() } else { mesh_as_code::read_sources(&code)? };
    for document in documents {
        let other = design::load(document)?;
        for entity in other.entities() {
            if matches!(entity, Entity::Settings(_)) && mesh.settings != MeshSettings::default() {
                continue;
            }
            mesh.put(entity);
        }
    }
    Ok(mesh)
}

fn stress_edits(file: &Path, prefix: &str, count: Option<u64>, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut store = Store::open(file)?;
    let mut index: u64 = 0;
    while count.is_none_or(|count| index < count) {
        let id = Id::new(format!("{prefix}-{index}"))?;
        let domain = Domain {
            id: id.clone(),
            name: format!("Stress {index}"),
            description: Some(format!("Written by edit {index}.")),
            owner_team: None,
            color: None,
            extra: Extra::new(),
        };
        let mut settings = store.load_settings()?;
        settings.description = Some(format!("Last stress edit: {index}"));
        store.apply(&format!("Stress edit {index}"), &[Entity::Domain(domain), Entity::Settings(settings)], &[])?;
        let _ = writeln!(out, "committed {index}");
        let _ = out.flush();
        index += 1;
    }
    Ok(Outcome::Exit(EXIT_OK))
}

fn print(out: &mut dyn Write, text: std::fmt::Arguments<'_>) -> Result<Outcome, Error> {
    out.write_fmt(text).map_err(|source| Error::Io {
        action: "write to",
        path: PathBuf::from("standard output"),
        source,
    })?;
    Ok(Outcome::Exit(EXIT_OK))
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(|| "Untitled mesh".to_owned(), |stem| stem.to_string_lossy().into_owned())
}
