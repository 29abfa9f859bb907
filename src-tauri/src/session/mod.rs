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
    MenuAction, MeshDocument, NodePosition, PublishRequest, RecentFile, SaveFileOptions, SnapshotSummary, WaveFilter,
    YamlProblem, YamlResult,
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

    /// Creates a new design at `path` (which must not exist) from the pilot-exercise template and opens it.
    pub fn create_pilot_exercise(path: &Path, name: &str) -> Result<Self, Error> {
        let mesh = crate::pilot::pilot_exercise(name)?;
        let store = Store::create(path, &mesh, false)?;
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

    /// Publishes the design (mesh as code, and the contract artefacts unless turned off) into a git working tree
    /// and commits it, reporting each step; refuses a tree with uncommitted changes.
    pub fn publish(
        &self,
        request: PublishRequest,
        progress: &dyn Fn(&str),
    ) -> Result<crate::publish::PublishReport, Error> {
        let mut options = crate::publish::PublishOptions::new(&request.repo);
        options.branch = request.branch.filter(|branch| !branch.trim().is_empty());
        options.message = request.message.filter(|message| !message.trim().is_empty());
        if let Some(path) = request.path.filter(|path| !path.trim().is_empty()) {
            options.path = path;
        }
        options.artefacts = request.artefacts.unwrap_or(true);
        Ok(crate::publish::publish(self.mesh(), &options, progress)?)
    }

    /// The readiness questionnaire (the same for every domain).
    pub fn rollout_questions() -> Vec<crate::plan::Question> {
        crate::plan::QUESTIONS.to_vec()
    }

    /// Readiness, verdict, lighthouse ranking, the stored waves, the proposal and the critical path. `capacity`
    /// overrides the design's capacity per wave for the proposal.
    pub fn rollout_plan(&self, capacity: Option<u32>) -> crate::plan::RolloutPlan {
        crate::plan::plan(self.mesh(), crate::plan::PlanOptions { capacity })
    }

    /// Replaces the stored waves with the automatic proposal, as one undoable edit. With `weeks_per_wave` and a
    /// plan start date in the design, the waves get start and live dates.
    pub fn rollout_apply_proposal(
        &mut self,
        capacity: Option<u32>,
        weeks_per_wave: Option<u32>,
    ) -> Result<DesignChanged, Error> {
        let plan = self.rollout_plan(capacity);
        let start = self.mesh().settings.rollout.start.clone();
        let waves = crate::plan::proposal_as_waves(&plan.proposal, start.as_deref(), weeks_per_wave)?;
        let removals: Vec<(EntityKind, String)> = self
            .mesh()
            .waves
            .keys()
            .filter(|id| !waves.iter().any(|wave| &wave.id == *id))
            .map(|id| (EntityKind::Wave, id.to_string()))
            .collect();
        let puts: Vec<Entity> = waves.into_iter().map(Entity::Wave).collect();
        self.edit(&format!("Apply the proposed plan ({} waves)", puts.len()), &puts, &removals)
    }

    /// What is in the mesh once wave `wave` has gone live.
    pub fn rollout_as_of_wave(&self, wave: u32) -> WaveFilter {
        let filtered = crate::plan::as_of_wave(self.mesh(), wave);
        WaveFilter {
            wave,
            products: filtered.products.into_keys().collect(),
            contracts: filtered.contracts.into_keys().collect(),
            consumers: filtered.consumers.into_keys().collect(),
        }
    }

    /// The plan as Markdown, CSV, JSON or text, for the studio to save.
    pub fn rollout_export(&self, format: crate::plan::PlanFormat, capacity: Option<u32>) -> String {
        crate::plan::render(&self.rollout_plan(capacity), self.mesh(), format)
    }

    /// The seed metrics, with the live check's findings for the compliance rate.
    pub fn metrics(&self) -> crate::metrics::Metrics {
        crate::metrics::measure_with(self.mesh(), &self.check.report())
    }

    /// A product's Data Product Canvas: the model's facts and the stored free text, block by block.
    pub fn canvas_view(&self, product: &str) -> Result<crate::canvas::CanvasView, Error> {
        Ok(crate::canvas::view(self.mesh(), product)?)
    }

    /// The printable HTML page of a product's canvas.
    pub fn canvas_html(&self, product: &str, paper: crate::canvas::Paper) -> Result<String, Error> {
        Ok(crate::canvas::html(self.mesh(), product, paper)?)
    }

    /// Freezes the design under `name` inside the file.
    pub fn snapshot_create(&mut self, name: &str) -> Result<SnapshotSummary, Error> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Usage("A snapshot needs a name.".to_owned()));
        }
        Ok(self.store.snapshot_create(name)?.into())
    }

    /// The snapshots in the file, oldest first.
    pub fn snapshot_list(&self) -> Result<Vec<SnapshotSummary>, Error> {
        Ok(self.store.snapshots()?.into_iter().map(Into::into).collect())
    }

    /// Deletes a snapshot (not undoable: snapshots are outside the edit journal).
    pub fn snapshot_delete(&mut self, name: &str) -> Result<(), Error> {
        Ok(self.store.snapshot_delete(name)?)
    }

    /// Compares two states of the design: a snapshot by name, or the current design for `None`.
    pub fn snapshot_compare(
        &self,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<crate::design_diff::DesignDiff, Error> {
        let side = |name: Option<&str>| -> Result<(Mesh, String), Error> {
            match name {
                None => Ok((self.mesh().clone(), "current design".to_owned())),
                Some(name) => Ok((self.store.snapshot_load(name)?, format!("snapshot {name}"))),
            }
        };
        let (old, from) = side(from)?;
        let (new, to) = side(to)?;
        Ok(crate::design_diff::compare_designs(&old, &new, from, to))
    }

    /// Compares the current design with another design file or mesh-as-code folder.
    pub fn compare_with(&self, other: &Path) -> Result<crate::design_diff::DesignDiff, Error> {
        let theirs = crate::design::load(other)?;
        Ok(crate::design_diff::compare_designs(self.mesh(), &theirs, "current design", other.display().to_string()))
    }

    /// Brings the design back to a snapshot as one edit, which undo reverts.
    pub fn snapshot_restore(&mut self, name: &str) -> Result<DesignChanged, Error> {
        let target = self.store.snapshot_load(name)?;
        let current = self.mesh();
        let puts: Vec<Entity> = target
            .entities()
            .filter(|entity| current.get(entity.kind(), entity.key()).as_ref() != Some(entity))
            .collect();
        let removals: Vec<(EntityKind, String)> = current
            .entities()
            .filter(|entity| !target.contains(entity.kind(), entity.key()))
            .map(|entity| (entity.kind(), entity.key().to_owned()))
            .collect();
        self.edit(&format!("Restore snapshot {name}"), &puts, &removals)
    }

    fn exists(&self, kind: EntityKind, id: &str) -> bool {
        self.mesh().contains(kind, id)
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
