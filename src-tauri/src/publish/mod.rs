//! Publishing a design to git (`meshwright publish MESH --repo PATH`): the mesh as code and the contract artefacts
//! (JSON Schema, SQL DDL, Markdown data sheets) written under one sub-folder of a working tree, then committed with
//! the `git` program. It refuses a tree with uncommitted changes, writes nowhere but the sub-folder, reports the
//! files added, modified and removed, and makes no commit when nothing changed.

mod error;
mod git;

pub use error::PublishError;

use crate::artefacts::{self, ArtefactKind};
use crate::mesh_as_code;
use crate::model::Mesh;
use git::Repository;
use serde::Serialize;
use std::path::{Component, Path, PathBuf};
use ts_rs::TS;

/// The sub-folder a design is published under when none is named.
pub const DEFAULT_PATH: &str = "mesh";

/// Where the contract artefacts go inside the published folder, by kind.
pub const ARTEFACT_FOLDERS: [(ArtefactKind, &str); 3] = [
    (ArtefactKind::JsonSchema, "artefacts/jsonschema"),
    (ArtefactKind::Sql, "artefacts/sql"),
    (ArtefactKind::Markdown, "artefacts/markdown"),
];

/// What to publish where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishOptions {
    /// A folder inside a git working tree.
    pub repo: PathBuf,
    /// The branch to commit on: switched to when it exists, created from HEAD when it does not. Default: the
    /// current branch.
    pub branch: Option<String>,
    /// The commit message. Default: "Publish DESIGN from Meshwright".
    pub message: Option<String>,
    /// The sub-folder of the working tree to write, relative to its top. Default: [`DEFAULT_PATH`].
    pub path: String,
    /// Also write the contract artefacts.
    pub artefacts: bool,
}

impl PublishOptions {
    pub fn new(repo: impl Into<PathBuf>) -> Self {
        Self { repo: repo.into(), branch: None, message: None, path: DEFAULT_PATH.to_owned(), artefacts: true }
    }
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishReport {
    /// The top of the working tree.
    #[ts(type = "string")]
    pub repo: PathBuf,
    pub branch: Option<String>,
    /// The sub-folder written, relative to the top.
    pub path: String,
    /// Paths relative to the top of the working tree.
    pub added: Vec<String>,
    pub modified: Vec<String>,
    pub removed: Vec<String>,
    /// The commit made; `None` when nothing changed.
    pub commit: Option<String>,
}

/// Publishes `mesh`, calling `progress` with a short sentence before each step.
pub fn publish(mesh: &Mesh, options: &PublishOptions, progress: &dyn Fn(&str)) -> Result<PublishReport, PublishError> {
    let sub_folder = checked_path(&options.path)?;
    progress("Checking the repository");
    let repository = Repository::open(&options.repo)?;
    let dirty = repository.dirty_files()?;
    if !dirty.is_empty() {
        return Err(PublishError::Dirty { repo: repository.root.clone(), files: dirty });
    }
    if let Some(branch) = &options.branch {
        switch_branch(&repository, branch)?;
    }
    let folder = repository.root.join(&sub_folder);
    progress("Writing the mesh as code");
    mesh_as_code::write_folder(mesh, &folder)?;
    if options.artefacts {
        for (kind, relative) in ARTEFACT_FOLDERS {
            progress("Writing the contract artefacts");
            artefacts::write(mesh, kind, &folder.join(relative), &|_, _| {})?;
        }
    }
    progress("Committing");
    let pathspec = sub_folder.to_string_lossy().into_owned();
    repository.run(&["add", "-A", "--", &pathspec])?;
    let changes = repository.run(&["diff", "--cached", "--name-status", "--no-renames", "-z", "--", &pathspec])?;
    let mut report = PublishReport {
        repo: repository.root.clone(),
        branch: repository.current_branch()?,
        path: pathspec.clone(),
        added: Vec::new(),
        modified: Vec::new(),
        removed: Vec::new(),
        commit: None,
    };
    let mut fields = changes.split('\0').filter(|field| !field.is_empty());
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        match status.chars().next() {
            Some('A') => report.added.push(path.to_owned()),
            Some('D') => report.removed.push(path.to_owned()),
            _ => report.modified.push(path.to_owned()),
        }
    }
    if report.added.is_empty() && report.modified.is_empty() && report.removed.is_empty() {
        return Ok(report);
    }
    let message = options.message.clone().unwrap_or_else(|| format!("Publish {} from Meshwright", mesh.settings.name));
    let mut commit: Vec<&str> = Vec::new();
    // Without a configured identity git refuses to commit; name the tool rather than fail.
    if !repository.has_identity()? {
        commit.extend(["-c", "user.name=Meshwright", "-c", "user.email=meshwright@localhost"]);
    }
    commit.extend(["commit", "-q", "-m", &message, "--", &pathspec]);
    repository.run(&commit)?;
    report.commit = Some(repository.run(&["rev-parse", "HEAD"])?.trim().to_owned());
    Ok(report)
}

/// Checks out `branch`: created from HEAD when it does not exist; on a fresh repository, HEAD simply names it.
fn switch_branch(repository: &Repository, branch: &str) -> Result<(), PublishError> {
    if !repository.succeeds(&["check-ref-format", "--branch", branch])? || branch.starts_with('-') {
        return Err(PublishError::BadBranch { name: branch.to_owned() });
    }
    if repository.current_branch()?.as_deref() == Some(branch) {
        return Ok(());
    }
    if !repository.has_commits()? {
        repository.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{branch}")])?;
    } else if repository.succeeds(&["rev-parse", "--verify", "-q", &format!("refs/heads/{branch}")])? {
        repository.run(&["checkout", "-q", branch])?;
    } else {
        repository.run(&["checkout", "-q", "-b", branch])?;
    }
    Ok(())
}

/// The sub-folder as a relative path of plain names: not empty, not absolute, no `..`, nothing inside `.git`.
fn checked_path(path: &str) -> Result<PathBuf, PublishError> {
    let bad = |reason| PublishError::BadPath { path: path.to_owned(), reason };
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() || trimmed == "." {
        return Err(bad("name a sub-folder such as `mesh`; the top of the repository is not written"));
    }
    if Path::new(path).is_absolute() {
        return Err(bad("it must be relative to the top of the repository"));
    }
    let mut clean = PathBuf::new();
    for component in Path::new(trimmed).components() {
        match component {
            Component::Normal(name) if name == ".git" => return Err(bad("it must not be inside .git")),
            Component::Normal(name) => clean.push(name),
            Component::CurDir => {}
            _ => return Err(bad("it must stay inside the repository (no `..`)")),
        }
    }
    Ok(clean)
}
