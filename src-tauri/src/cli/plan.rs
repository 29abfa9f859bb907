//! `meshwright plan`, `metrics`, `canvas` and `snapshot`: the rollout plan (readiness, verdict, lighthouse
//! ranking, waves, critical path) in text, JSON, Markdown or CSV; the seed metrics; a product's printable Data
//! Product Canvas; and the snapshots inside a `.mesh` file.

use super::{Outcome, TextOrJson, print};
use crate::canvas::Paper;
use crate::design;
use crate::error::Error;
use crate::metrics::Metrics;
use crate::model::Mesh;
use crate::plan::{self, PlanFormat, PlanOptions};
use crate::store::Store;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// Loads a design, as of a wave when one is given.
pub(super) fn load_as_of(path: &Path, wave: Option<u32>) -> Result<Mesh, Error> {
    let mesh = design::load(path)?;
    match wave {
        None => Ok(mesh),
        Some(number) => {
            if !mesh.waves.values().any(|wave| wave.number == number) {
                let mut numbers: Vec<u32> = mesh.waves.values().map(|wave| wave.number).collect();
                numbers.sort_unstable();
                numbers.dedup();
                let known = if numbers.is_empty() {
                    "none: the design has no waves (see `meshwright plan`)".to_owned()
                } else {
                    numbers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                };
                return Err(plan::PlanError::UnknownWave { number, known }.into());
            }
            Ok(plan::as_of_wave(&mesh, number))
        }
    }
}

pub(super) fn run_plan(
    path: &Path,
    format: PlanFormat,
    capacity: Option<u32>,
    apply: Option<Option<u32>>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    if let Some(weeks) = apply {
        apply_proposal(path, capacity, weeks)?;
    }
    let mesh = design::load(path)?;
    let planned = plan::plan(&mesh, PlanOptions { capacity });
    print(out, format_args!("{}", plan::render(&planned, &mesh, format)))
}

/// Stores the proposal as the design's waves: one undoable edit in a `.mesh` file, rewritten files in a folder.
fn apply_proposal(path: &Path, capacity: Option<u32>, weeks: Option<u32>) -> Result<(), Error> {
    if path.is_dir() {
        let mut mesh = design::load(path)?;
        let planned = plan::plan(&mesh, PlanOptions { capacity });
        let waves = plan::proposal_as_waves(&planned.proposal, mesh.settings.rollout.start.as_deref(), weeks)?;
        mesh.waves = waves.into_iter().map(|wave| (wave.id.clone(), wave)).collect();
        crate::mesh_as_code::write_folder(&mesh, path)?;
    } else {
        let mut session = crate::session::Session::open(path)?;
        session.rollout_apply_proposal(capacity, weeks)?;
    }
    Ok(())
}

pub(super) fn run_metrics(
    path: &Path,
    wave: Option<u32>,
    format: TextOrJson,
    today: Option<String>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let mesh = load_as_of(path, wave)?;
    let metrics = crate::metrics::measure(&mesh, &today.unwrap_or_else(crate::governance::today_utc));
    match format {
        TextOrJson::Json => {
            let text = serde_json::to_string_pretty(&metrics).map_err(|error| Error::Internal(error.to_string()))?;
            print(out, format_args!("{text}\n"))
        }
        TextOrJson::Text => print(out, format_args!("{}", metrics_text(&metrics))),
    }
}

fn metrics_text(metrics: &Metrics) -> String {
    let mut text = String::new();
    let ratio = |ratio: &crate::metrics::Ratio| format!("{}% ({} of {})", ratio.percent, ratio.covered, ratio.total);
    let _ = writeln!(text, "Metrics of {}: {} products", metrics.design, metrics.products);
    let statuses: Vec<String> = metrics.by_status.iter().map(|(status, n)| format!("{n} {status}")).collect();
    let _ = writeln!(text, "  by status: {}", statuses.join(", "));
    let _ = writeln!(text, "  productive (active, contract, SLA, a consumer): {}", ratio(&metrics.productive));
    let _ = writeln!(text, "  contract coverage of output ports: {}", ratio(&metrics.coverage.contracts));
    let _ = writeln!(text, "  SLA coverage of contracts: {}", ratio(&metrics.coverage.sla));
    let _ = writeln!(text, "  classification coverage of fields: {}", ratio(&metrics.coverage.classification));
    let _ = writeln!(
        text,
        "  governance compliance (products without an error finding): {}",
        ratio(&metrics.governance.compliance)
    );
    let readers = &metrics.consumers_per_product;
    let _ = writeln!(
        text,
        "  consumers per product: mean {}, median {}, max {}, {} without any",
        readers.mean, readers.median, readers.max, readers.zero
    );
    let lead = &metrics.lead_time.days;
    if lead.count == 0 {
        let _ = writeln!(text, "  planned lead time: no wave has a live date (and a start) yet");
    } else {
        let _ = writeln!(
            text,
            "  planned lead time (proposed → live): mean {} days, median {}, max {} over {} products",
            lead.mean, lead.median, lead.max, lead.count
        );
    }
    let _ = writeln!(text, "\n  {:<28} {:>8} {:>10}  by status", "domain", "products", "productive");
    for domain in &metrics.domains {
        let name = domain.name.clone().unwrap_or_else(|| "(no domain)".to_owned());
        let statuses: Vec<String> = domain.by_status.iter().map(|(status, n)| format!("{n} {status}")).collect();
        let _ =
            writeln!(text, "  {name:<28} {:>8} {:>10}  {}", domain.products, domain.productive, statuses.join(", "));
    }
    text
}

pub(super) fn run_canvas(
    path: &Path,
    product: &str,
    target: &Path,
    paper: Paper,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let mesh = design::load(path)?;
    let html = crate::canvas::html(&mesh, product, paper)?;
    crate::mesh_as_code::write_atomically(target, html.as_bytes())?;
    print(
        out,
        format_args!(
            "Wrote the Data Product Canvas of {product} ({paper:?}) to {} ({} bytes)\n",
            target.display(),
            html.len()
        ),
    )
}

/// What `meshwright snapshot` does.
#[derive(Debug, Clone, clap::Subcommand)]
pub(super) enum SnapshotAction {
    /// List the snapshots in the file.
    List,
    /// Freeze the design under a name.
    Save { name: String },
    /// Bring the design back to a snapshot (one edit: `undo` in the studio reverts it).
    Restore { name: String },
    /// Delete a snapshot.
    Delete { name: String },
}

pub(super) fn run_snapshot(path: &Path, action: SnapshotAction, out: &mut dyn Write) -> Result<Outcome, Error> {
    match action {
        SnapshotAction::List => {
            let store = Store::open(path)?;
            let snapshots = store.snapshots()?;
            let mut text = String::new();
            if snapshots.is_empty() {
                let _ = writeln!(text, "{} has no snapshots.", path.display());
            }
            for snapshot in snapshots {
                let _ = writeln!(text, "{}  {}  {} entities", snapshot.name, snapshot.created_at, snapshot.entities);
            }
            print(out, format_args!("{text}"))
        }
        SnapshotAction::Save { name } => {
            let mut session = crate::session::Session::open(path)?;
            let info = session.snapshot_create(&name)?;
            print(
                out,
                format_args!("Saved snapshot {} of {} ({} entities)\n", info.name, path.display(), info.entities),
            )
        }
        SnapshotAction::Restore { name } => {
            let mut session = crate::session::Session::open(path)?;
            let changed = session.snapshot_restore(&name)?;
            print(
                out,
                format_args!(
                    "Restored snapshot {name} in {}: {} entities changed (undoable in the studio)\n",
                    path.display(),
                    changed.changes.len()
                ),
            )
        }
        SnapshotAction::Delete { name } => {
            let mut store = Store::open(path)?;
            store.snapshot_delete(&name)?;
            print(out, format_args!("Deleted snapshot {name} of {}\n", path.display()))
        }
    }
}
