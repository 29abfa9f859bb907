//! Errors of the document store. Every message names the file and says what was being attempted.

use crate::model::EntityDecodeError;
use std::path::PathBuf;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("cannot create {}: the file already exists (choose another name, or pass --force to replace it)", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("cannot open {}: not a SQLite database, so not a Meshwright design", path.display())]
    NotSqlite { path: PathBuf },
    #[error("cannot open {}: the file is truncated ({actual} bytes, the header announces {expected}); restore it from a copy", path.display())]
    Truncated { path: PathBuf, expected: u64, actual: u64 },
    #[error("cannot open {}: not a Meshwright design (application_id {application_id})", path.display())]
    Foreign { path: PathBuf, application_id: u32 },
    #[error("cannot open {}: written by a newer Meshwright (document version {found}, this build reads up to {supported}); update Meshwright", path.display())]
    TooNew { path: PathBuf, found: u32, supported: u32 },
    #[error("cannot open {}: the file is corrupt ({detail}); restore it from a copy", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{} is in use by another Meshwright process that is writing to it; try again when it has finished", path.display())]
    InUse { path: PathBuf },
    #[error("cannot {action} {}: {source}", path.display())]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error("cannot {action} {}: {source}", path.display())]
    Sqlite { action: &'static str, path: PathBuf, source: rusqlite::Error },
    #[error("cannot read {}: {source}", path.display())]
    Decode { path: PathBuf, source: EntityDecodeError },
    #[error("cannot encode the {kind} `{key}` for {}: {source}", path.display())]
    Encode { path: PathBuf, kind: &'static str, key: String, source: serde_json::Error },
    #[error("{} has no snapshot named `{name}`", path.display())]
    SnapshotNotFound { path: PathBuf, name: String },
    #[error("{} already has a snapshot named `{name}`; pick another name", path.display())]
    SnapshotExists { path: PathBuf, name: String },
}

impl StoreError {
    /// True when the file was refused as unusable (not ours, damaged, too new): the CLI exits with 2.
    pub fn is_unusable_file(&self) -> bool {
        matches!(
            self,
            Self::NotFound { .. }
                | Self::NotSqlite { .. }
                | Self::Truncated { .. }
                | Self::Foreign { .. }
                | Self::TooNew { .. }
                | Self::Corrupt { .. }
        )
    }

    /// Wraps a SQLite error, recognising the codes that mean "busy" or "damaged".
    pub(super) fn sqlite(action: &'static str, path: &std::path::Path, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::InUse { path },
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt { path, detail: source.to_string() },
            Some(ErrorCode::NotADatabase) => Self::NotSqlite { path },
            _ => Self::Sqlite { action, path, source },
        }
    }
}
