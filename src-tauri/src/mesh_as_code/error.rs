//! Errors of reading and writing mesh as code: each names the file, and the line where the parser knows it.

use crate::yaml::YamlError;
use std::path::PathBuf;

pub type Result<T, E = CodeError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum CodeError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error("{}{}: {source}", path.display(), source.line.map(|line| format!(":{line}")).unwrap_or_default())]
    Yaml { path: PathBuf, source: YamlError },
    #[error("{}: {detail}", path.display())]
    Unrecognised { path: PathBuf, detail: String },
    #[error("{kind} `{id}` is defined twice: in {} and in {}; keep one", first.display(), second.display())]
    Duplicate { kind: &'static str, id: String, first: PathBuf, second: PathBuf },
    #[error("{}: written by a newer Meshwright (mesh-as-code format {found}, this build reads up to {supported}); update Meshwright", path.display())]
    TooNew { path: PathBuf, found: u32, supported: u32 },
    #[error("{}: no design found (no mesh.yaml, *.odps.yaml or *.odcs.yaml); point at a mesh-as-code folder", path.display())]
    NoDesign { path: PathBuf },
    #[error("cannot write {}: {detail}", path.display())]
    Render { path: PathBuf, detail: String },
}
