//! `meshwright diff OLD NEW`: every change between two versions of a contract, classified from the consumer's or
//! the producer's view, the semantic-version verdict, and with `--mesh` the blast radius in a design. When a
//! side is a whole design (a `.mesh` file, a mesh-as-code folder, or `FILE.mesh@SNAPSHOT`), the two designs are
//! compared entity by entity instead (`design_diff`).

use super::{EXIT_OK, EXIT_VERDICT, Outcome, TextOrJson};
use crate::error::Error;
use crate::graph::{MeshGraph, NodeKind, Reach};
use crate::model::Contract;
use crate::standards::diff::{self, Bump, ContractDiff, Perspective, Severity};
use crate::standards::{self, StandardDocument};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The diff and, with a mesh, who it reaches.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct DiffOutput {
    #[serde(flatten)]
    diff: ContractDiff,
    breaking: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    blast_radius: Option<Reach>,
}

fn read_contract(path: &Path) -> Result<Contract, Error> {
    match standards::read_file(path)? {
        StandardDocument::Contract { contract, .. } => Ok(*contract),
        StandardDocument::Product { .. } => Err(Error::Usage(format!(
            "{} is a data product; `diff` compares two versions of a data contract (ODCS or DCS)",
            path.display()
        ))),
    }
}

/// A side of a design comparison: a design file or folder, and a snapshot inside the file.
struct DesignSide {
    path: PathBuf,
    snapshot: Option<String>,
}

impl DesignSide {
    /// Recognises a whole design: a folder, a `.mesh` file, or `FILE@SNAPSHOT` where FILE is a file.
    fn parse(argument: &Path) -> Option<Self> {
        if argument.is_dir() || argument.extension().is_some_and(|extension| extension == "mesh") && argument.is_file()
        {
            return Some(Self { path: argument.to_path_buf(), snapshot: None });
        }
        if argument.exists() {
            return None;
        }
        let text = argument.to_str()?;
        let (file, snapshot) = text.rsplit_once('@')?;
        let file = PathBuf::from(file);
        (file.is_file() && !snapshot.is_empty()).then(|| Self { path: file, snapshot: Some(snapshot.to_owned()) })
    }

    fn label(&self) -> String {
        match &self.snapshot {
            Some(snapshot) => format!("{}@{snapshot}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }

    fn load(&self) -> Result<crate::model::Mesh, Error> {
        match &self.snapshot {
            Some(snapshot) => Ok(crate::store::Store::open(&self.path)?.snapshot_load(snapshot)?),
            None => crate::design::load(&self.path),
        }
    }
}

/// Whether the two arguments name whole designs rather than contract files.
pub(super) fn is_design_diff(old: &Path, new: &Path) -> bool {
    DesignSide::parse(old).is_some() || DesignSide::parse(new).is_some()
}

/// Compares two whole designs; exits 1 when a contract changed in a breaking way.
pub(super) fn run_designs(
    old: &Path,
    new: &Path,
    format: TextOrJson,
    out: &mut dyn std::io::Write,
) -> Result<Outcome, Error> {
    let side = |argument: &Path| {
        DesignSide::parse(argument).ok_or_else(|| {
            Error::Usage(format!(
                "{} is not a design: compare a .mesh file, a mesh-as-code folder or FILE.mesh@SNAPSHOT with another \
                 one (two contract files compare as contracts)",
                argument.display()
            ))
        })
    };
    let (old_side, new_side) = (side(old)?, side(new)?);
    let diff =
        crate::design_diff::compare_designs(&old_side.load()?, &new_side.load()?, old_side.label(), new_side.label());
    let text = match format {
        TextOrJson::Json => {
            let mut text = serde_json::to_string_pretty(&diff).map_err(|error| Error::Internal(error.to_string()))?;
            text.push('\n');
            text
        }
        TextOrJson::Text => crate::design_diff::render_text(&diff),
    };
    out.write_all(text.as_bytes()).map_err(|source| Error::Io {
        action: "write to",
        path: PathBuf::from("standard output"),
        source,
    })?;
    Ok(Outcome::Exit(if diff.summary.breaking > 0 { EXIT_VERDICT } else { EXIT_OK }))
}

pub(super) fn run(
    old: &Path,
    new: &Path,
    mesh: Option<&Path>,
    perspective: Perspective,
    format: TextOrJson,
    out: &mut dyn std::io::Write,
) -> Result<Outcome, Error> {
    let (old_contract, new_contract) = (read_contract(old)?, read_contract(new)?);
    let diff = diff::diff(&old_contract, &new_contract, perspective);
    let blast_radius = match mesh {
        None => None,
        Some(mesh) => {
            let design = crate::design::load(mesh)?;
            let graph = MeshGraph::build(&design);
            let id = format!("contract:{}", new_contract.id);
            Some(graph.impact(&id).map_err(|error| {
                Error::Usage(format!("cannot find the contract's blast radius in {}: {error}", mesh.display()))
            })?)
        }
    };
    let output = DiffOutput { breaking: diff.breaking_count(), diff, blast_radius };
    let text = match format {
        TextOrJson::Json => {
            let mut text = serde_json::to_string_pretty(&output).map_err(|error| Error::Internal(error.to_string()))?;
            text.push('\n');
            text
        }
        TextOrJson::Text => render_text(&output, old, new),
    };
    out.write_all(text.as_bytes()).map_err(|source| Error::Io {
        action: "write to",
        path: PathBuf::from("standard output"),
        source,
    })?;
    Ok(Outcome::Exit(if output.breaking > 0 { EXIT_VERDICT } else { EXIT_OK }))
}

fn bump_name(bump: Bump) -> &'static str {
    match bump {
        Bump::None => "none",
        Bump::Patch => "patch",
        Bump::Minor => "minor",
        Bump::Major => "major",
    }
}

fn render_text(output: &DiffOutput, old: &Path, new: &Path) -> String {
    let diff = &output.diff;
    let mut text = String::new();
    let view = match diff.perspective {
        Perspective::Consumer => "consumer",
        Perspective::Producer => "producer",
    };
    let _ = writeln!(
        text,
        "Contract {}: {} → {} ({} → {}), {view} view",
        diff.contract,
        old.display(),
        new.display(),
        diff.version.old_version,
        diff.version.new_version
    );
    if diff.changes.is_empty() {
        let _ = writeln!(text, "No changes.");
    }
    for change in &diff.changes {
        let severity = match change.severity {
            Severity::Breaking => "breaking",
            Severity::Warning => "warning ",
            Severity::Info => "info    ",
        };
        let _ = writeln!(text, "  {severity} {}: {}", change.location, change.message);
    }
    let version = &diff.version;
    let got = version.got.map_or("unknown (not MAJOR.MINOR.PATCH)", bump_name);
    let verdict = if version.sufficient { "enough" } else { "NOT enough" };
    let _ = writeln!(
        text,
        "{} change(s), {} breaking. Version: needs a {} bump, got {got}: {verdict}.",
        diff.changes.len(),
        output.breaking,
        bump_name(version.needed)
    );
    if let Some(reach) = &output.blast_radius {
        let _ = writeln!(
            text,
            "Blast radius: {} product(s) and {} consumer(s) downstream, teams: {}",
            reach.products,
            reach.consumers,
            if reach.teams.is_empty() {
                "none".to_owned()
            } else {
                reach.teams.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
            }
        );
        for node in &reach.nodes {
            if matches!(node.kind, NodeKind::Product | NodeKind::Consumer) {
                let team = node.owner_team.as_ref().map(|team| format!(", team {team}")).unwrap_or_default();
                let _ =
                    writeln!(text, "  {} {} ({}) at distance {}{team}", node.kind, node.id, node.name, node.distance);
            }
        }
    }
    text
}
