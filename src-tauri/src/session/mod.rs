//! An open design in the studio: the `.mesh` document, the design in memory with its live governance check, and
//! the edits the window makes. Plain Rust: the desktop layer wraps each method in a command; tests call them
//! directly. Every edit is one transaction in the document, so there is never unsaved work.

pub mod bindings;
pub mod recent;
pub mod transport;

use crate::error::Error;
use crate::governance::{CheckOptions, EntityRef, IncrementalCheck, Report, Severity};
use crate::model::{Entity, EntityKind, Id, Mesh, MeshSettings, Position};
use crate::store::{AppliedEdit, ChangedEntity, Store};
use std::path::{Path, PathBuf};
pub use transport::{
    Change, CheckReport, DesignChanged, DesignView, EntityValue, ExportFormat, ExportProgress, ExportReport,
    MenuAction, MeshDocument, NodePosition, RecentFile, YamlProblem, YamlResult,
};

/// One open design.
#[derive(Debug)]
pub struct Session {
    store: Store,
    check: IncrementalCheck,
    revision: u32,
}

impl Session {
    /// Opens a `.mesh` file (or reports why it cannot be opened; the file is left as it was).
    pub fn open(path: &Path) -> Result<Self, Error> {
        let store = Store::open(path)?;
        let mesh = store.load()?;
        Ok(Self::with(store, mesh))
    }

    /// Creates a new, empty design at `path` (which must not exist) and opens it.
    pub fn create(path: &Path, name: &str) -> Result<Self, Error> {
        let name = name.trim();
        let mesh = Mesh {
            settings: MeshSettings {
                name: if name.is_empty() { "Untitled mesh".to_owned() } else { name.to_owned() },
                ..MeshSettings::default()
            },
            ..Mesh::default()
        };
        let store = Store::create(path, &mesh, false)?;
        Ok(Self::with(store, mesh))
    }

    /// Reads a mesh-as-code folder into a new design at `path` (replacing a file there) and opens it.
    pub fn import(folder: &Path, path: &Path) -> Result<Self, Error> {
        let mesh = crate::mesh_as_code::read_folder(folder)?;
        let store = Store::create(path, &mesh, true)?;
        Ok(Self::with(store, mesh))
    }

    fn with(store: Store, mesh: Mesh) -> Self {
        let check = IncrementalCheck::new(mesh, CheckOptions::on(crate::governance::today_utc()));
        Self { store, check, revision: 0 }
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn mesh(&self) -> &Mesh {
        self.check.mesh()
    }

    /// The file name the window title shows.
    pub fn title(&self) -> String {
        self.path()
            .file_name()
            .map_or_else(|| self.path().display().to_string(), |name| name.to_string_lossy().into_owned())
    }

    /// Everything the window needs to show the design.
    pub fn view(&self) -> Result<DesignView, Error> {
        let history = self.store.history()?;
        Ok(DesignView {
            path: self.path().display().to_string(),
            revision: self.revision,
            title: self.title(),
            mesh: MeshDocument::of(self.mesh()),
            can_undo: history.undo.is_some(),
            can_redo: history.redo.is_some(),
            undo_label: history.undo,
            redo_label: history.redo,
            findings: self.findings(),
        })
    }

    /// The findings as they stand after the last edit.
    pub fn findings(&self) -> CheckReport {
        check_report(&self.check.report())
    }

    /// The full governance report (scores included).
    pub fn report(&self) -> Report {
        self.check.report()
    }

    /// Stores entities (new or changed) as one undoable edit.
    pub fn put(&mut self, puts: Vec<EntityValue>) -> Result<DesignChanged, Error> {
        let mut entities = Vec::with_capacity(puts.len());
        for put in puts {
            entities.push(entity_from_value(put)?);
        }
        let label = match entities.as_slice() {
            [one] => {
                let verb = if self.exists(one.kind(), one.key()) { "Edit" } else { "Add" };
                format!("{verb} {} {}", one.kind(), one.key())
            }
            many => format!("Change {} entities", many.len()),
        };
        self.edit(&label, &entities, &[])
    }

    /// Removes entities as one undoable edit; a removed node's canvas position goes with it.
    pub fn remove(&mut self, refs: Vec<EntityRef>) -> Result<DesignChanged, Error> {
        let mut removals: Vec<(EntityKind, String)> = Vec::new();
        for entity in &refs {
            if !self.exists(entity.kind, &entity.id) {
                return Err(Error::Usage(format!(
                    "There is no {} `{}` in the design to delete; it may have been deleted already.",
                    entity.kind, entity.id
                )));
            }
            removals.push((entity.kind, entity.id.clone()));
            if self.exists(EntityKind::Position, &entity.id)
                && !refs.iter().any(|other| other.kind == EntityKind::Position && other.id == entity.id)
            {
                removals.push((EntityKind::Position, entity.id.clone()));
            }
        }
        let label = match refs.as_slice() {
            [one] => format!("Delete {} {}", one.kind, one.id),
            many => format!("Delete {} entities", many.len()),
        };
        self.edit(&label, &[], &removals)
    }

    /// Stores canvas positions as one undoable edit.
    pub fn layout(&mut self, positions: Vec<NodePosition>) -> Result<DesignChanged, Error> {
        let entities: Vec<Entity> = positions
            .into_iter()
            .filter(|position| position.x.is_finite() && position.y.is_finite())
            .map(|position| Entity::Position(position.id, Position { x: position.x, y: position.y }))
            .collect();
        let label =
            if entities.len() == 1 { "Move a node".to_owned() } else { format!("Move {} nodes", entities.len()) };
        self.edit(&label, &entities, &[])
    }

    /// Reverts the latest edit; an empty change list when there is nothing to undo.
    pub fn undo(&mut self) -> Result<DesignChanged, Error> {
        let applied = self.store.undo()?;
        self.after(applied)
    }

    /// Re-applies the latest undone edit.
    pub fn redo(&mut self) -> Result<DesignChanged, Error> {
        let applied = self.store.redo()?;
        self.after(applied)
    }

    /// Everything downstream of a product, contract, port, source system or consumer (ids).
    pub fn impact(&self, id: &str) -> Result<Vec<String>, Error> {
        Ok(self.check.graph().impact(id)?.nodes.into_iter().map(|node| node.id.to_string()).collect())
    }

    /// Everything upstream (ids).
    pub fn lineage(&self, id: &str) -> Result<Vec<String>, Error> {
        Ok(self.check.graph().lineage(id)?.nodes.into_iter().map(|node| node.id.to_string()).collect())
    }

    /// The contract as an ODCS v3.2.0 document.
    pub fn contract_yaml(&self, id: &str) -> Result<String, Error> {
        let contract = self
            .mesh()
            .contracts
            .get(id)
            .ok_or_else(|| Error::Usage(format!("There is no contract `{id}` in the design.")))?;
        Ok(crate::standards::odcs::write(contract, crate::standards::odcs::OdcsVersion::default())?)
    }

    /// Validates a contract's ODCS YAML and, when it is valid, stores it as one edit under the id `id`.
    pub fn contract_from_yaml(&mut self, id: &str, yaml: &str) -> Result<YamlResult, Error> {
        let name = PathBuf::from(format!("{id}.odcs.yaml"));
        let report = crate::standards::validate::validate_text(yaml, &name);
        if !report.problems.is_empty() {
            let problems = report
                .problems
                .into_iter()
                .map(|problem| YamlProblem {
                    line: problem.line,
                    column: problem.column,
                    path: (!problem.path.is_empty()).then_some(problem.path),
                    message: problem.message,
                })
                .collect();
            return Ok(YamlResult::Rejected { ok: false, problems });
        }
        let document = crate::standards::read_str(yaml, &name)?;
        let crate::standards::StandardDocument::Contract { contract, .. } = document else {
            return Ok(YamlResult::Rejected {
                ok: false,
                problems: vec![YamlProblem {
                    line: None,
                    column: None,
                    path: None,
                    message: "This is a data product document; the contract editor takes an ODCS data contract."
                        .to_owned(),
                }],
            });
        };
        let mut contract = *contract;
        if contract.id.as_str() != id {
            return Ok(YamlResult::Rejected {
                ok: false,
                problems: vec![YamlProblem {
                    line: None,
                    column: None,
                    path: Some("id".to_owned()),
                    message: format!(
                        "The document's id is `{}`, but this is the contract `{id}`. Keep the id; to rename a \
                         contract, add a new one and move the output port to it.",
                        contract.id
                    ),
                }],
            });
        }
        contract.shrink_to_fit();
        let changed = self.edit(&format!("Edit contract {id} (YAML)"), &[Entity::Contract(contract)], &[])?;
        Ok(YamlResult::Applied { ok: true, changed })
    }

    /// Exports the design in a CLI format to `path`, reporting progress as it goes.
    pub fn export(
        &self,
        format: ExportFormat,
        path: &Path,
        progress: &(dyn Fn(ExportProgress) + Sync),
    ) -> Result<ExportReport, Error> {
        use crate::export::ExportReport as Written;
        let total = self.mesh().products.len() + self.mesh().contracts.len() + 1;
        progress(ExportProgress { done: 0, total, phase: "Writing".to_owned() });
        // The long formats (mesh as code, the catalog, the contract artefacts) report as files are written.
        let written = crate::export::export_reporting(
            self.mesh(),
            format,
            path,
            &crate::export::ExportOptions::default(),
            &|done, total| progress(ExportProgress { done, total, phase: "Writing files".to_owned() }),
        )?;
        let (files, bytes) = match written {
            Written::Folder(report) => {
                let bytes = report
                    .written
                    .iter()
                    .filter_map(|file| std::fs::metadata(path.join(file)).ok())
                    .map(|meta| meta.len())
                    .sum();
                (report.written.len() + report.unchanged, bytes)
            }
            Written::File { bytes } => (1, u64::try_from(bytes).unwrap_or(u64::MAX)),
        };
        progress(ExportProgress { done: total, total, phase: "Done".to_owned() });
        Ok(ExportReport { path: path.display().to_string(), files, bytes })
    }

    fn exists(&self, kind: EntityKind, id: &str) -> bool {
        let mesh = self.mesh();
        match kind {
            EntityKind::Settings => true,
            EntityKind::Domain => mesh.domains.contains_key(id),
            EntityKind::Team => mesh.teams.contains_key(id),
            EntityKind::Product => mesh.products.contains_key(id),
            EntityKind::Contract => mesh.contracts.contains_key(id),
            EntityKind::SourceSystem => mesh.source_systems.contains_key(id),
            EntityKind::Consumer => mesh.consumers.contains_key(id),
            EntityKind::Position => mesh.layout.contains_key(id),
        }
    }

    fn edit(
        &mut self,
        label: &str,
        puts: &[Entity],
        removals: &[(EntityKind, String)],
    ) -> Result<DesignChanged, Error> {
        let applied = self.store.apply(label, puts, removals)?;
        self.after(Some(applied))
    }

    /// Brings the design in memory and its check up to date with what the document committed.
    fn after(&mut self, applied: Option<AppliedEdit>) -> Result<DesignChanged, Error> {
        let mut changes = Vec::new();
        if let Some(applied) = applied {
            self.revision = self.revision.saturating_add(1);
            for ChangedEntity { kind, key, entity } in applied.changes {
                match entity {
                    Some(entity) => {
                        let value = entity_value(&entity)?;
                        self.check.apply(entity);
                        changes.push(Change::Put { kind, id: key, value });
                    }
                    None => {
                        self.check.remove(kind, &key);
                        changes.push(Change::Remove { kind, id: key });
                    }
                }
            }
        }
        let history = self.store.history()?;
        Ok(DesignChanged {
            revision: self.revision,
            changes,
            can_undo: history.undo.is_some(),
            can_redo: history.redo.is_some(),
            undo_label: history.undo,
            redo_label: history.redo,
            findings: self.findings(),
        })
    }
}

/// Turns what the window sent into an entity, checking that the id it is filed under is the entity's own.
fn entity_from_value(put: EntityValue) -> Result<Entity, Error> {
    let body = put.value.to_string();
    let entity = Entity::from_json(put.kind, &put.id, &body).map_err(|error| {
        Error::Usage(format!("The {} `{}` cannot be stored: {error}. Check the field named.", put.kind, put.id))
    })?;
    if entity.key() != put.id && put.kind != EntityKind::Settings {
        return Err(Error::Usage(format!(
            "The {} is filed under `{}` but its id field says `{}`; to rename, add it under the new id and delete the old one.",
            put.kind,
            put.id,
            entity.key()
        )));
    }
    if put.kind != EntityKind::Settings && put.kind != EntityKind::Position {
        Id::new(&put.id)?;
    }
    Ok(entity)
}

/// The JSON of an entity as the window holds it.
fn entity_value(entity: &Entity) -> Result<serde_json::Value, Error> {
    let text = entity.to_json().map_err(|error| {
        Error::Internal(format!("cannot write {} {} as JSON: {error}", entity.kind(), entity.key()))
    })?;
    serde_json::from_str(&text)
        .map_err(|error| Error::Internal(format!("cannot read back {} {}: {error}", entity.kind(), entity.key())))
}

/// The findings of a report, with counts by severity.
pub fn check_report(report: &Report) -> CheckReport {
    let count = |severity| report.findings.iter().filter(|finding| finding.severity == severity).count();
    CheckReport {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        findings: report.findings.clone(),
    }
}
