//! The values the studio's window and the engine exchange: command results, events and their parts. TypeScript
//! declarations of every one are generated from these types (`bindings`), so the two sides cannot drift.

pub use crate::export::ExportFormat;
use crate::governance::Finding;
use crate::model::{
    Consumer, Contract, DataProduct, Domain, DomainAssessment, EntityKind, Id, Mesh, MeshSettings, Position,
    ProductCanvas, SourceSystem, StickyNote, Team, Wave,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The whole design as the window holds it: lists of entities in id order, as `export --format json` writes it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeshDocument {
    pub meshwright: u32,
    pub settings: MeshSettings,
    pub domains: Vec<Domain>,
    pub teams: Vec<Team>,
    pub products: Vec<DataProduct>,
    pub contracts: Vec<Contract>,
    pub source_systems: Vec<SourceSystem>,
    pub consumers: Vec<Consumer>,
    /// Canvas positions by node id.
    #[ts(type = "Record<string, Position>")]
    pub layout: std::collections::BTreeMap<Id, Position>,
    /// Readiness answers and business value, one per assessed domain.
    pub assessments: Vec<DomainAssessment>,
    /// Rollout waves, in wave order.
    pub waves: Vec<Wave>,
    /// Data Product Canvas free text, one per product that has a canvas.
    pub canvases: Vec<ProductCanvas>,
    /// Sticky notes.
    pub notes: Vec<StickyNote>,
}

impl MeshDocument {
    pub fn of(mesh: &Mesh) -> Self {
        Self {
            meshwright: crate::mesh_as_code::FORMAT_VERSION,
            settings: mesh.settings.clone(),
            domains: mesh.domains.values().cloned().collect(),
            teams: mesh.teams.values().cloned().collect(),
            products: mesh.products.values().cloned().collect(),
            contracts: mesh.contracts.values().cloned().collect(),
            source_systems: mesh.source_systems.values().cloned().collect(),
            consumers: mesh.consumers.values().cloned().collect(),
            layout: mesh.layout.clone(),
            assessments: mesh.assessments.values().cloned().collect(),
            waves: mesh.waves_in_order().into_iter().cloned().collect(),
            canvases: mesh.canvases.values().cloned().collect(),
            notes: mesh.notes.values().cloned().collect(),
        }
    }
}

/// A snapshot kept inside the design file.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotSummary {
    pub name: String,
    /// When it was taken, `YYYY-MM-DDThh:mm:ss.sssZ` (UTC).
    pub created_at: String,
    pub entities: i64,
}

impl From<crate::store::SnapshotInfo> for SnapshotSummary {
    fn from(info: crate::store::SnapshotInfo) -> Self {
        Self { name: info.name, created_at: info.created_at, entities: info.entities }
    }
}

/// What is in the mesh once a wave has gone live: the ids the studio shows, everything else dimmed or hidden.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WaveFilter {
    pub wave: u32,
    pub products: Vec<Id>,
    pub contracts: Vec<Id>,
    pub consumers: Vec<Id>,
}

/// One entity to store: its kind, its id, and its JSON as in [`MeshDocument`] (`{x, y}` for a position).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct EntityValue {
    pub kind: EntityKind,
    pub id: String,
    #[ts(type = "unknown")]
    pub value: serde_json::Value,
}

/// Where the user put a node on the canvas.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct NodePosition {
    #[ts(type = "string")]
    pub id: Id,
    pub x: f64,
    pub y: f64,
}

/// One entity an edit, undo or redo changed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Change {
    Put {
        kind: EntityKind,
        id: String,
        #[ts(type = "unknown")]
        value: serde_json::Value,
    },
    Remove {
        kind: EntityKind,
        id: String,
    },
}

/// The findings of the open design, with their counts.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The open design as the window sees it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DesignView {
    pub path: String,
    /// The document's edit counter in this session: +1 after every edit, undo and redo.
    pub revision: u32,
    /// The file name shown in the window title, e.g. `retail.mesh`.
    pub title: String,
    pub mesh: MeshDocument,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The label of the edit undo would revert, e.g. `Edit product orders.order-history`.
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    pub findings: CheckReport,
}

/// What every edit, undo and redo returns, and what the `design-changed` event carries.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DesignChanged {
    pub revision: u32,
    pub changes: Vec<Change>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    /// Findings after the incremental re-check.
    pub findings: CheckReport,
}

/// A design opened lately.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecentFile {
    pub path: String,
    pub name: String,
    /// When it was last opened, `YYYY-MM-DDThh:mm:ssZ`.
    pub opened_at: String,
}

/// A problem with a contract's YAML, at its line and column when known (1-based).
#[derive(Debug, Clone, Serialize, TS)]
pub struct YamlProblem {
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub path: Option<String>,
    pub message: String,
}

/// The outcome of applying a contract's YAML: the edit it made, or every problem found.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(untagged)]
pub enum YamlResult {
    Applied {
        #[ts(type = "true")]
        ok: bool,
        changed: DesignChanged,
    },
    Rejected {
        #[ts(type = "false")]
        ok: bool,
        problems: Vec<YamlProblem>,
    },
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportReport {
    pub path: String,
    pub files: usize,
    pub bytes: u64,
}

/// How far a long export has come (`export-progress` event).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
    pub phase: String,
}

/// A native menu item was chosen (`menu-action` event): the id of a UI action, e.g. `edit.undo`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MenuAction {
    pub action: String,
}

/// What a native save dialog shows (`dialog_save_file`).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct SaveFileOptions {
    /// What the dialog says it saves, e.g. `Meshwright design`.
    pub title: Option<String>,
    /// The file name proposed.
    pub default_name: Option<String>,
    /// File name extensions without the dot, e.g. `["mesh"]`.
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub extensions: Vec<String>,
}

/// What the studio's "Publish to repository…" dialog asks for (`publish_run`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct PublishRequest {
    /// A folder inside a git working tree, chosen in the folder dialog.
    pub repo: String,
    /// The branch to commit on (default: the current one).
    pub branch: Option<String>,
    /// The commit message (default: "Publish DESIGN from Meshwright").
    pub message: Option<String>,
    /// The sub-folder of the working tree to write (default: `mesh`).
    pub path: Option<String>,
    /// Also write the contract artefacts (JSON Schema, SQL, Markdown); default true.
    pub artefacts: Option<bool>,
}
