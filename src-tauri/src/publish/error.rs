//! What can stop a publish: no git, a folder that is not a working tree, uncommitted changes, a sub-folder or
//! branch that cannot be used, a git command that fails, or files that cannot be written.

use std::path::PathBuf;

/// A publish could not be done; nothing was committed.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot run git ({source}); install git (Debian: `apt-get install git`) and try again")]
    GitMissing { source: std::io::Error },
    #[error("{} is not a git working tree; run `git init {}` first, or point --repo at a clone", path.display(), path.display())]
    NotARepository { path: PathBuf },
    #[error(
        "{} has uncommitted changes, which publishing would mix with the design: {}{}; commit or stash them first",
        repo.display(),
        files.iter().take(10).map(|file| format!("`{file}`")).collect::<Vec<_>>().join(", "),
        if files.len() > 10 { format!(" and {} more", files.len() - 10) } else { String::new() }
    )]
    Dirty { repo: PathBuf, files: Vec<String> },
    #[error("--path `{path}` cannot be used: {reason}")]
    BadPath { path: String, reason: &'static str },
    #[error("`{name}` is not a valid branch name (see `git check-ref-format --branch`)")]
    BadBranch { name: String },
    #[error("`git {command}` failed in {}: {detail}", repo.display())]
    Git { command: String, repo: PathBuf, detail: String },
    #[error(transparent)]
    Write(#[from] crate::mesh_as_code::CodeError),
    #[error(transparent)]
    Artefacts(#[from] crate::artefacts::ArtefactError),
}
