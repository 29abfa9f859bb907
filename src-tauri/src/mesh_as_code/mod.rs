//! Mesh as code: a whole design as a folder of text files for git. `mesh.yaml` holds domains, teams, source
//! systems, consumers, layout, the rollout plan, canvas text, sticky notes and settings; `products/<id>.odps.yaml`
//! holds one product each (ODPS v1.0.0) and `contracts/<id>.odcs.yaml` one contract each (ODCS v3.2.0). Output is
//! deterministic: the same design always gives the same bytes, so a git diff shows only real changes.
//!
//! A folder without `mesh.yaml`, as other tools and teams write them, is read as a design too: domains come from
//! the documents' `domain` fields, teams from `ownerTeam`, and dependencies from the input ports' contract ids.

mod error;
mod mesh_file;
pub mod odcs;
pub mod odps;

pub use error::{CodeError, Result};
pub use mesh_file::FORMAT_VERSION;

use crate::model::{Binding, Contract, DataProduct, Domain, Id, Mesh, SourceSystem, Team};
use crate::yaml;
use mesh_file::MeshFile;
use odcs::OdcsDocument;
use odps::OdpsDocument;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const MESH_FILE: &str = "mesh.yaml";
pub const PRODUCTS_FOLDER: &str = "products";
pub const CONTRACTS_FOLDER: &str = "contracts";
pub const PRODUCT_SUFFIX: &str = ".odps.yaml";
pub const CONTRACT_SUFFIX: &str = ".odcs.yaml";

/// What a single YAML document turned out to be.
#[derive(Debug)]
pub enum Document {
    Mesh(Box<Mesh>),
    Product(Box<DataProduct>, Option<String>),
    Contract(Box<Contract>),
}

/// Reads a design from a mesh-as-code folder.
pub fn read_folder(folder: &Path) -> Result<Mesh> {
    let mut files = Vec::new();
    collect_yaml_files(folder, &mut files)?;
    files.sort();
    let mut reader = DesignReader::default();
    // Reading and parsing run on every core; gathering the documents stays in file order, so duplicates and
    // errors are reported the same way on every run.
    let is_root_mesh_file = |file: &Path| {
        file.parent() == Some(folder) && file.file_name().is_some_and(|name| name == MESH_FILE || name == "mesh.yml")
    };
    let parsed: Vec<Result<Option<Document>>> = files
        .par_iter()
        .map(|file| if is_root_mesh_file(file) { Ok(None) } else { parse_document(file, &read_text(file)?, false) })
        .collect();
    for (file, document) in files.iter().zip(parsed) {
        if is_root_mesh_file(file) {
            reader.add_mesh_file(file, &read_text(file)?)?;
        } else if let Some(document) = document? {
            reader.add(file, document)?;
        }
    }
    if reader.is_empty() {
        return Err(CodeError::NoDesign { path: folder.to_path_buf() });
    }
    Ok(reader.finish())
}

/// Reads single ODPS or ODCS files (and folders) into one design, as `meshwright import` does.
pub fn read_sources(sources: &[PathBuf]) -> Result<Mesh> {
    let mut reader = DesignReader::default();
    for source in sources {
        if source.is_dir() {
            let mesh = read_folder(source)?;
            reader.add(source, Document::Mesh(Box::new(mesh)))?;
        } else {
            let text = read_text(source)?;
            let document =
                parse_document(source, &text, true)?.ok_or_else(|| CodeError::NoDesign { path: source.clone() })?;
            reader.add(source, document)?;
        }
    }
    Ok(reader.finish())
}

/// Parses one YAML document by its file name or its `kind`. With `strict`, a document that is neither a
/// product nor a contract is an error; without it (files met while walking a folder) it is skipped.
fn parse_document(path: &Path, text: &str, strict: bool) -> Result<Option<Document>> {
    let name = path.file_name().map(|name| name.to_string_lossy().to_lowercase()).unwrap_or_default();
    let kind = if name.ends_with(".odcs.yaml") || name.ends_with(".odcs.yml") {
        Some("DataContract".to_owned())
    } else if name.ends_with(".odps.yaml") || name.ends_with(".odps.yml") {
        Some("DataProduct".to_owned())
    } else {
        #[derive(serde::Deserialize)]
        struct Peek {
            kind: Option<String>,
            meshwright: Option<serde_json::Value>,
        }
        let peek: Peek = parse_yaml(path, text)?;
        if peek.meshwright.is_some() { Some("Mesh".to_owned()) } else { peek.kind }
    };
    match kind.as_deref() {
        Some("DataContract") => match parse_yaml::<OdcsDocument>(path, text) {
            Ok(document) => Ok(Some(Document::Contract(Box::new(document.contract)))),
            // Not in the canonical form Meshwright writes (an older ODCS version, an id Meshwright's ids cannot
            // hold): the standards reader maps any version and keeps what it normalises.
            Err(error) => match crate::standards::read_str(text, path) {
                Ok(crate::standards::StandardDocument::Contract { contract, .. }) => Ok(Some(Document::Contract(contract))),
                _ => Err(error),
            },
        },
        Some("DataProduct") => match parse_yaml::<OdpsDocument>(path, text) {
            Ok(document) => {
                let domain_text = document.domain.clone();
                let domain = domain_text.as_deref().and_then(domain_id);
                Ok(Some(Document::Product(Box::new(document.into_product(domain)), domain_text)))
            }
            Err(error) => match crate::standards::read_str(text, path) {
                Ok(crate::standards::StandardDocument::Product { product, .. }) => {
                    let domain_text = product.domain.as_ref().map(ToString::to_string);
                    Ok(Some(Document::Product(product, domain_text)))
                }
                _ => Err(error),
            },
        },
        Some("Mesh") => {
            let mut reader = DesignReader::default();
            reader.add_mesh_file(path, text)?;
            Ok(Some(Document::Mesh(Box::new(reader.finish()))))
        }
        other if strict => Err(CodeError::Unrecognised {
            path: path.to_path_buf(),
            detail: match other {
                Some(kind) => format!("`kind: {kind}` is not a data product or data contract; Meshwright reads ODPS (kind: DataProduct) and ODCS (kind: DataContract) documents"),
                None => "not a data product or data contract (no `kind` field); Meshwright reads ODPS (kind: DataProduct) and ODCS (kind: DataContract) documents".to_owned(),
            },
        }),
        _ => Ok(None),
    }
}

/// The id a free-text domain name maps to: itself when it is a valid id, else its slug.
fn domain_id(text: &str) -> Option<Id> {
    Id::new(text).ok().or_else(|| Id::slug(text))
}

fn parse_yaml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    yaml::parse(text).map_err(|source| CodeError::Yaml { path: path.to_path_buf(), source })
}

fn read_text(path: &Path) -> Result<String> {
    let bytes =
        std::fs::read(path).map_err(|source| CodeError::Io { action: "read", path: path.to_path_buf(), source })?;
    String::from_utf8(bytes).map_err(|error| CodeError::Unrecognised {
        path: path.to_path_buf(),
        detail: format!(
            "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
            error.utf8_error().valid_up_to()
        ),
    })
}

fn collect_yaml_files(folder: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(folder).map_err(|source| CodeError::Io {
        action: "read the folder",
        path: folder.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry =
            entry.map_err(|source| CodeError::Io { action: "read the folder", path: folder.to_path_buf(), source })?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            continue;
        }
        let file_type = entry.file_type().map_err(|source| CodeError::Io {
            action: "read the folder",
            path: path.clone(),
            source,
        })?;
        if file_type.is_dir() {
            collect_yaml_files(&path, files)?;
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            files.push(path);
        }
    }
    Ok(())
}

/// Gathers documents into one design, remembering where each entity came from to report duplicates.
#[derive(Default)]
struct DesignReader {
    mesh: Mesh,
    has_mesh_file: bool,
    origins: BTreeMap<(&'static str, Id), PathBuf>,
    /// Free-text domain names seen in product documents, by the id they map to.
    domain_names: BTreeMap<Id, String>,
}

impl DesignReader {
    fn is_empty(&self) -> bool {
        !self.has_mesh_file && self.mesh.products.is_empty() && self.mesh.contracts.is_empty()
    }

    fn note_origin(&mut self, kind: &'static str, id: &Id, path: &Path) -> Result<()> {
        if let Some(first) = self.origins.insert((kind, id.clone()), path.to_path_buf()) {
            return Err(CodeError::Duplicate { kind, id: id.to_string(), first, second: path.to_path_buf() });
        }
        Ok(())
    }

    fn add_mesh_file(&mut self, path: &Path, text: &str) -> Result<()> {
        let file: MeshFile = parse_yaml(path, text)?;
        if file.meshwright > FORMAT_VERSION {
            return Err(CodeError::TooNew {
                path: path.to_path_buf(),
                found: file.meshwright,
                supported: FORMAT_VERSION,
            });
        }
        let mut mesh = Mesh::default();
        file.into_mesh(&mut mesh).map_err(|(kind, id)| CodeError::Duplicate {
            kind,
            id: id.to_string(),
            first: path.to_path_buf(),
            second: path.to_path_buf(),
        })?;
        self.add(path, Document::Mesh(Box::new(mesh)))?;
        self.has_mesh_file = true;
        Ok(())
    }

    fn add(&mut self, path: &Path, document: Document) -> Result<()> {
        match document {
            Document::Product(product, domain_text) => {
                self.note_origin("product", &product.id, path)?;
                if let (Some(id), Some(text)) = (&product.domain, domain_text) {
                    self.domain_names.entry(id.clone()).or_insert(text);
                }
                self.mesh.products.insert(product.id.clone(), *product);
            }
            Document::Contract(contract) => {
                self.note_origin("contract", &contract.id, path)?;
                self.mesh.contracts.insert(contract.id.clone(), *contract);
            }
            Document::Mesh(mesh) => {
                let mesh = *mesh;
                if self.has_mesh_file || !self.mesh.domains.is_empty() {
                    // A second design merges in; its settings do not replace the first one's.
                } else {
                    self.mesh.settings = mesh.settings;
                }
                self.has_mesh_file |= !mesh.domains.is_empty() || !mesh.teams.is_empty();
                for (id, domain) in mesh.domains {
                    self.note_origin("domain", &id, path)?;
                    self.mesh.domains.insert(id, domain);
                }
                for (id, team) in mesh.teams {
                    self.note_origin("team", &id, path)?;
                    self.mesh.teams.insert(id, team);
                }
                for (id, system) in mesh.source_systems {
                    self.note_origin("source system", &id, path)?;
                    self.mesh.source_systems.insert(id, system);
                }
                for (id, consumer) in mesh.consumers {
                    self.note_origin("consumer", &id, path)?;
                    self.mesh.consumers.insert(id, consumer);
                }
                for (id, product) in mesh.products {
                    self.note_origin("product", &id, path)?;
                    self.mesh.products.insert(id, product);
                }
                for (id, contract) in mesh.contracts {
                    self.note_origin("contract", &id, path)?;
                    self.mesh.contracts.insert(id, contract);
                }
                self.mesh.layout.extend(mesh.layout);
                for (id, assessment) in mesh.assessments {
                    self.note_origin("assessment", &id, path)?;
                    self.mesh.assessments.insert(id, assessment);
                }
                for (id, wave) in mesh.waves {
                    self.note_origin("wave", &id, path)?;
                    self.mesh.waves.insert(id, wave);
                }
                for (id, canvas) in mesh.canvases {
                    self.note_origin("canvas", &id, path)?;
                    self.mesh.canvases.insert(id, canvas);
                }
                for (id, note) in mesh.notes {
                    self.note_origin("note", &id, path)?;
                    self.mesh.notes.insert(id, note);
                }
            }
        }
        Ok(())
    }

    /// Completes a design read without `mesh.yaml`: the domains, teams and source systems its documents name.
    fn finish(mut self) -> Mesh {
        if self.has_mesh_file {
            return self.mesh;
        }
        if self.mesh.settings.name == crate::model::MeshSettings::default().name {
            self.mesh.settings.name = "Imported mesh".to_owned();
        }
        let mut domains: BTreeSet<Id> = self.mesh.products.values().filter_map(|p| p.domain.clone()).collect();
        domains.extend(self.mesh.contracts.values().filter_map(|c| c.domain.as_deref().and_then(domain_id)));
        for id in domains {
            let name = self.domain_names.get(&id).cloned().unwrap_or_else(|| id.to_string());
            self.mesh.domains.entry(id.clone()).or_insert_with(|| Domain {
                id,
                name,
                description: None,
                owner_team: None,
                color: None,
                extra: Default::default(),
            });
        }
        let teams: BTreeSet<Id> = self.mesh.products.values().filter_map(|p| p.owner_team.clone()).collect();
        for id in teams {
            self.mesh.teams.entry(id.clone()).or_insert_with(|| Team {
                name: id.to_string(),
                id,
                description: None,
                members: Vec::new(),
                extra: Default::default(),
            });
        }
        let systems: BTreeSet<Id> = self
            .mesh
            .products
            .values()
            .flat_map(|product| &product.input_ports)
            .filter_map(|port| match &port.source {
                Binding::SourceSystem { source_system, .. } => Some(source_system.clone()),
                Binding::Contract { .. } => None,
            })
            .collect();
        for id in systems {
            self.mesh.source_systems.entry(id.clone()).or_insert_with(|| SourceSystem {
                name: id.to_string(),
                id,
                domain: None,
                kind: None,
                technology: None,
                description: None,
                extra: Default::default(),
            });
        }
        self.mesh
    }
}

/// One file of the mesh-as-code form, not yet rendered.
enum OutputFile<'a> {
    Mesh(&'a Mesh),
    Product(&'a DataProduct),
    Contract(&'a Contract),
}

impl OutputFile<'_> {
    fn render(&self, path: &Path) -> Result<String> {
        let text = match self {
            Self::Mesh(mesh) => yaml::render(&MeshFile::from_mesh(mesh)),
            Self::Product(product) => yaml::render(&OdpsDocument::from_product(product)),
            Self::Contract(contract) => yaml::render(&OdcsDocument::from_contract(contract)),
        };
        text.map_err(|error| CodeError::Render { path: path.to_path_buf(), detail: error.message })
    }
}

/// Every file of the design's mesh-as-code form by path relative to the folder, ordered by path.
fn documents(mesh: &Mesh) -> Vec<(PathBuf, OutputFile<'_>)> {
    let mut documents = Vec::with_capacity(1 + mesh.products.len() + mesh.contracts.len());
    documents.push((PathBuf::from(MESH_FILE), OutputFile::Mesh(mesh)));
    for product in mesh.products.values() {
        let path = Path::new(PRODUCTS_FOLDER).join(format!("{}{PRODUCT_SUFFIX}", product.id));
        documents.push((path, OutputFile::Product(product)));
    }
    for contract in mesh.contracts.values() {
        let path = Path::new(CONTRACTS_FOLDER).join(format!("{}{CONTRACT_SUFFIX}", contract.id));
        documents.push((path, OutputFile::Contract(contract)));
    }
    documents
}

/// Every file of the design's mesh-as-code form, by path relative to the folder, with its exact bytes. Documents
/// are rendered on every core (rayon); the result is ordered by path, so it does not depend on scheduling.
pub fn render(mesh: &Mesh) -> Result<BTreeMap<PathBuf, String>> {
    documents(mesh)
        .into_par_iter()
        .map(|(path, document)| Ok((document.render(&path)?, path)))
        .map(|rendered| rendered.map(|(text, path)| (path, text)))
        .collect()
}

/// What writing a folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: Vec<PathBuf>,
    pub unchanged: usize,
    pub removed: Vec<PathBuf>,
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> CodeError {
    let path = path.to_path_buf();
    move |source| CodeError::Io { action, path, source }
}

/// Writes the design as a mesh-as-code folder. A new (absent or empty) folder is written whole under a temporary
/// name beside it and renamed into place, so it appears complete or not at all. In an existing folder, files whose
/// bytes would not change are left alone, each changed file is replaced atomically, and product or contract files
/// of entities no longer in the design are removed. Documents are rendered and written on every core, one at a
/// time each, so the rendered text of the whole design is never held at once.
pub fn write_folder(mesh: &Mesh, folder: &Path) -> Result<WriteReport> {
    write_folder_reporting(mesh, folder, &|_, _| {})
}

/// [`write_folder`], calling `progress(done, total)` now and then (from any thread) as documents are written.
pub fn write_folder_reporting(
    mesh: &Mesh,
    folder: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<WriteReport> {
    let documents = documents(mesh);
    let counter = Progress { done: std::sync::atomic::AtomicUsize::new(0), total: documents.len(), report: progress };
    let is_new = match std::fs::read_dir(folder) {
        Ok(mut entries) => entries.next().is_none(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => true,
        Err(error) => return Err(io_error("read the folder", folder)(error)),
    };
    let report = if is_new {
        write_new_folder(&documents, folder, &counter)
    } else {
        update_folder(&documents, folder, &counter)
    };
    progress(documents.len(), documents.len());
    report
}

/// Counts written documents and reports every few hundred.
struct Progress<'a> {
    done: std::sync::atomic::AtomicUsize,
    total: usize,
    report: &'a (dyn Fn(usize, usize) + Sync),
}

impl Progress<'_> {
    fn one_more(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if done.is_multiple_of(500) {
            (self.report)(done, self.total);
        }
    }
}

/// Writes every document into a temporary folder beside `folder`, then renames it to `folder`.
fn write_new_folder(
    documents: &[(PathBuf, OutputFile<'_>)],
    folder: &Path,
    progress: &Progress<'_>,
) -> Result<WriteReport> {
    let parent = match folder.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(io_error("create the folder", parent))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".meshwright-export-");
    #[cfg(unix)]
    {
        // The folder the user gets has the permissions any new folder of theirs has (the umask applies).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let staging = builder.tempdir_in(parent).map_err(io_error("create a folder in", parent))?;
    for sub_folder in [PRODUCTS_FOLDER, CONTRACTS_FOLDER] {
        let path = staging.path().join(sub_folder);
        std::fs::create_dir(&path).map_err(io_error("create the folder", &path))?;
    }
    documents.par_iter().try_for_each(|(relative, document)| {
        let text = document.render(relative)?;
        let path = staging.path().join(relative);
        std::fs::write(&path, text).map_err(io_error("write", &folder.join(relative)))?;
        progress.one_more();
        Ok(())
    })?;
    // Renaming onto an empty folder replaces it; elsewhere the empty folder is removed first.
    if std::fs::rename(staging.path(), folder).is_err() {
        if folder.is_dir() {
            std::fs::remove_dir(folder).map_err(io_error("replace the empty folder", folder))?;
        }
        std::fs::rename(staging.path(), folder).map_err(io_error("move the export into", folder))?;
    }
    // The temporary folder now is `folder`: nothing is left to clean up.
    let _ = staging.keep();
    Ok(WriteReport {
        written: documents.iter().map(|(relative, _)| relative.clone()).collect(),
        ..WriteReport::default()
    })
}

/// Brings an existing folder up to date, touching only files whose bytes change.
fn update_folder(
    documents: &[(PathBuf, OutputFile<'_>)],
    folder: &Path,
    progress: &Progress<'_>,
) -> Result<WriteReport> {
    for sub_folder in [folder.to_path_buf(), folder.join(PRODUCTS_FOLDER), folder.join(CONTRACTS_FOLDER)] {
        std::fs::create_dir_all(&sub_folder).map_err(io_error("create the folder", &sub_folder))?;
    }
    let outcomes: Vec<Result<Option<PathBuf>>> = documents
        .par_iter()
        .map(|(relative, document)| {
            let text = document.render(relative)?;
            let path = folder.join(relative);
            let unchanged = std::fs::read(&path).is_ok_and(|existing| existing == text.as_bytes());
            if !unchanged {
                write_atomically(&path, text.as_bytes())?;
            }
            progress.one_more();
            Ok((!unchanged).then(|| relative.clone()))
        })
        .collect();
    let mut report = WriteReport::default();
    for outcome in outcomes {
        match outcome? {
            Some(written) => report.written.push(written),
            None => report.unchanged += 1,
        }
    }
    let expected: std::collections::BTreeSet<&Path> =
        documents.iter().map(|(relative, _)| relative.as_path()).collect();
    for (sub_folder, suffix) in [(PRODUCTS_FOLDER, PRODUCT_SUFFIX), (CONTRACTS_FOLDER, CONTRACT_SUFFIX)] {
        let directory = folder.join(sub_folder);
        let entries = std::fs::read_dir(&directory).map_err(io_error("read the folder", &directory))?;
        for entry in entries {
            let entry = entry.map_err(io_error("read the folder", &directory))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = Path::new(sub_folder).join(&name);
            if name.ends_with(suffix) && !expected.contains(relative.as_path()) {
                std::fs::remove_file(entry.path()).map_err(io_error("remove", &entry.path()))?;
                report.removed.push(relative);
            }
        }
    }
    Ok(report)
}

/// Writes a file under a temporary name and renames it into place, so no reader sees half of it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let io_error = |source| CodeError::Io { action: "write", path: path.to_path_buf(), source };
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new().prefix(".meshwright-").tempfile_in(directory).map_err(io_error)?;
    file.write_all(bytes).map_err(io_error)?;
    file.persist(path).map_err(|error| io_error(error.error))?;
    Ok(())
}
