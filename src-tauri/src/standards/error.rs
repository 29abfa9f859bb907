//! Errors of the standards area: a document that cannot be read at all. Problems inside a readable document are
//! not errors but validation findings (`validate::Problem`).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StandardsError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error("cannot read {}: the file is larger than the {} MB Meshwright reads", path.display(), limit / (1024 * 1024))]
    TooLarge { path: PathBuf, limit: usize },
    #[error("cannot read {}: it is not UTF-8 text (the first invalid byte is at offset {offset})", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("cannot read {}: {message}{}", path.display(), position.map(|(line, column)| format!(" (line {line}, column {column})")).unwrap_or_default())]
    Yaml { path: PathBuf, message: String, position: Option<(u64, u64)> },
    #[error(
        "cannot read {}: it is not a data contract or data product (no ODCS `kind: DataContract`, ODPS `kind: DataProduct` or DCS `dataContractSpecification`)",
        path.display()
    )]
    Unrecognised { path: PathBuf },
    #[error("cannot read {} as {standard}: {message}", path.display())]
    Shape { path: PathBuf, standard: &'static str, message: String },
    #[error("cannot write {what} as {standard}: {message}")]
    Write { what: String, standard: &'static str, message: String },
}

impl StandardsError {
    pub(crate) fn yaml(path: &std::path::Path, error: crate::yaml::YamlError) -> Self {
        Self::Yaml { path: path.to_path_buf(), message: error.message, position: error.line.zip(error.column) }
    }
}
