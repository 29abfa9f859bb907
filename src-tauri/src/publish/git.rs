//! Running the `git` program: every call with a clean environment (no inherited `GIT_DIR` or index, no prompts,
//! messages in English), its output captured, and a failure turned into a [`PublishError`] naming the command.

use super::PublishError;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A git working tree, by its top folder.
#[derive(Debug, Clone)]
pub(super) struct Repository {
    pub root: PathBuf,
}

fn command(folder: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command.arg("-C").arg(folder).args(args);
    for variable in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX"] {
        command.env_remove(variable);
    }
    command.env("GIT_TERMINAL_PROMPT", "0").env("LC_ALL", "C");
    command
}

fn run_in(folder: &Path, args: &[&str]) -> Result<Output, PublishError> {
    command(folder, args).output().map_err(|source| PublishError::GitMissing { source })
}

impl Repository {
    /// The working tree that holds `path`.
    pub fn open(path: &Path) -> Result<Self, PublishError> {
        if !path.is_dir() {
            return Err(PublishError::NotARepository { path: path.to_path_buf() });
        }
        let output = run_in(path, &["rev-parse", "--is-inside-work-tree", "--show-toplevel"])?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut lines = text.lines();
        if !output.status.success() || lines.next() != Some("true") {
            return Err(PublishError::NotARepository { path: path.to_path_buf() });
        }
        let root = lines.next().map(PathBuf::from).ok_or(PublishError::NotARepository { path: path.to_path_buf() })?;
        Ok(Self { root })
    }

    /// Runs `git ARGS` at the top of the tree and gives its standard output, or an error with its stderr.
    pub fn run(&self, args: &[&str]) -> Result<String, PublishError> {
        let output = run_in(&self.root, args)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(PublishError::Git {
                command: args.join(" "),
                repo: self.root.clone(),
                detail: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            })
        }
    }

    /// Whether `git ARGS` succeeds, for questions git answers with its exit status.
    pub fn succeeds(&self, args: &[&str]) -> Result<bool, PublishError> {
        Ok(run_in(&self.root, args)?.status.success())
    }

    /// Every path with uncommitted changes (staged, unstaged or untracked), as `git status` names them.
    pub fn dirty_files(&self) -> Result<Vec<String>, PublishError> {
        let text = self.run(&["status", "--porcelain=v1", "-z", "--untracked-files=all"])?;
        let mut files = Vec::new();
        let mut entries = text.split('\0').filter(|entry| !entry.is_empty());
        while let Some(entry) = entries.next() {
            let (status, path) = entry.split_at(entry.len().min(3));
            files.push(path.to_owned());
            // A rename or copy is followed by its original path.
            if status.starts_with('R') || status.starts_with('C') {
                entries.next();
            }
        }
        Ok(files)
    }

    /// The current branch, `None` on a detached HEAD.
    pub fn current_branch(&self) -> Result<Option<String>, PublishError> {
        let output = run_in(&self.root, &["symbolic-ref", "--short", "-q", "HEAD"])?;
        Ok(output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned()))
    }

    /// Whether HEAD points at a commit (false in a fresh repository).
    pub fn has_commits(&self) -> Result<bool, PublishError> {
        self.succeeds(&["rev-parse", "--verify", "-q", "HEAD"])
    }

    /// Whether git has a user identity for commits.
    pub fn has_identity(&self) -> Result<bool, PublishError> {
        Ok(self.succeeds(&["config", "user.name"])? && self.succeeds(&["config", "user.email"])?)
    }
}
