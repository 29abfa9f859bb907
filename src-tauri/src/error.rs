//! The one error type that crosses the edges of the engine (the CLI's stderr, the desktop's IPC) as
//! `{code, message}`. The code is a closed set the UI and scripts branch on; the message is for people.

use crate::generate::GenerateError;
use crate::mesh_as_code::CodeError;
use crate::model::IdError;
use crate::store::StoreError;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error(transparent)]
    Generate(#[from] GenerateError),
    #[error(transparent)]
    Id(#[from] IdError),
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    #[error(transparent)]
    Standards(#[from] crate::standards::StandardsError),
    #[error(transparent)]
    Plan(#[from] crate::plan::PlanError),
    #[error(transparent)]
    Canvas(#[from] crate::canvas::CanvasError),
    #[error(transparent)]
    Picture(#[from] crate::picture::PictureError),
    #[error(transparent)]
    Catalog(#[from] crate::catalog::CatalogError),
    #[error(transparent)]
    Artefacts(#[from] crate::artefacts::ArtefactError),
    #[error(transparent)]
    Publish(#[from] crate::publish::PublishError),
    #[error("cannot {action} {}: {source}", path.display())]
    Io { action: &'static str, path: std::path::PathBuf, source: std::io::Error },
    #[error("{0}")]
    Usage(String),
    /// A bug: something the engine itself produced could not be handled.
    #[error("internal error: {0}; please report it")]
    Internal(String),
}

/// What kind of failure an error is, for code that must react to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    AlreadyExists,
    NotAMesh,
    Corrupt,
    TooNew,
    InUse,
    InvalidDocument,
    InvalidId,
    InvalidArgument,
    /// A git working tree has uncommitted changes that a publish would mix with the design.
    UncommittedChanges,
    Io,
    Internal,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Store(error) => match error {
                StoreError::NotFound { .. } | StoreError::SnapshotNotFound { .. } => ErrorCode::NotFound,
                StoreError::AlreadyExists { .. } | StoreError::SnapshotExists { .. } => ErrorCode::AlreadyExists,
                StoreError::NotSqlite { .. } | StoreError::Foreign { .. } => ErrorCode::NotAMesh,
                StoreError::Truncated { .. } | StoreError::Corrupt { .. } | StoreError::Decode { .. } => {
                    ErrorCode::Corrupt
                }
                StoreError::TooNew { .. } => ErrorCode::TooNew,
                StoreError::InUse { .. } => ErrorCode::InUse,
                StoreError::Io { .. } => ErrorCode::Io,
                StoreError::Sqlite { .. } | StoreError::Encode { .. } => ErrorCode::Internal,
            },
            Self::Code(error) => match error {
                CodeError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => ErrorCode::NotFound,
                CodeError::Io { .. } => ErrorCode::Io,
                CodeError::TooNew { .. } => ErrorCode::TooNew,
                CodeError::NoDesign { .. } => ErrorCode::NotAMesh,
                CodeError::Yaml { .. } | CodeError::Unrecognised { .. } | CodeError::Duplicate { .. } => {
                    ErrorCode::InvalidDocument
                }
                CodeError::Render { .. } => ErrorCode::Internal,
            },
            Self::Generate(_) | Self::Usage(_) => ErrorCode::InvalidArgument,
            Self::Id(_) => ErrorCode::InvalidId,
            Self::Graph(crate::graph::GraphError::UnknownPrefix { .. }) => ErrorCode::InvalidArgument,
            Self::Graph(_) => ErrorCode::NotFound,
            Self::Standards(error) => match error {
                crate::standards::StandardsError::Io { source, .. }
                    if source.kind() == std::io::ErrorKind::NotFound =>
                {
                    ErrorCode::NotFound
                }
                crate::standards::StandardsError::Io { .. } => ErrorCode::Io,
                crate::standards::StandardsError::Write { .. } => ErrorCode::Internal,
                _ => ErrorCode::InvalidDocument,
            },
            Self::Plan(crate::plan::PlanError::Id { .. }) => ErrorCode::Internal,
            Self::Plan(_) => ErrorCode::NotFound,
            Self::Canvas(crate::canvas::CanvasError::UnknownProduct { .. }) => ErrorCode::NotFound,
            Self::Canvas(_) => ErrorCode::Internal,
            Self::Picture(crate::picture::PictureError::Graph(error)) => Self::Graph(error.clone()).code(),
            Self::Picture(crate::picture::PictureError::NoFonts) => ErrorCode::NotFound,
            Self::Picture(crate::picture::PictureError::Render { .. }) => ErrorCode::Internal,
            Self::Catalog(crate::catalog::CatalogError::Write(error))
            | Self::Artefacts(crate::artefacts::ArtefactError::Write(error))
            | Self::Publish(crate::publish::PublishError::Write(error)) => code_of_write(error),
            Self::Catalog(crate::catalog::CatalogError::Picture(error)) => match error {
                crate::picture::PictureError::Graph(_) => ErrorCode::NotFound,
                _ => ErrorCode::Internal,
            },
            Self::Catalog(_) | Self::Artefacts(_) => ErrorCode::Internal,
            Self::Publish(error) => match error {
                crate::publish::PublishError::GitMissing { .. } => ErrorCode::NotFound,
                crate::publish::PublishError::NotARepository { .. } => ErrorCode::NotFound,
                crate::publish::PublishError::Dirty { .. } => ErrorCode::UncommittedChanges,
                crate::publish::PublishError::BadPath { .. } | crate::publish::PublishError::BadBranch { .. } => {
                    ErrorCode::InvalidArgument
                }
                crate::publish::PublishError::Git { .. } => ErrorCode::Io,
                crate::publish::PublishError::Write(error) => code_of_write(error),
                crate::publish::PublishError::Artefacts(_) => ErrorCode::Internal,
            },
            Self::Internal(_) => ErrorCode::Internal,
            Self::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => ErrorCode::NotFound,
            Self::Io { .. } => ErrorCode::Io,
        }
    }

    /// The `{code, message}` pair that crosses IPC and `--format json` output.
    pub fn to_json(&self) -> ErrorJson {
        ErrorJson { code: self.code(), message: self.to_string() }
    }
}

/// The code of a failure to write a generated file.
fn code_of_write(error: &CodeError) -> ErrorCode {
    match error {
        CodeError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => ErrorCode::NotFound,
        CodeError::Io { .. } => ErrorCode::Io,
        _ => ErrorCode::Internal,
    }
}

/// The serialized form of an error: the one error shape that crosses IPC. The UI branches on `code`.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "IpcError")]
pub struct ErrorJson {
    pub code: ErrorCode,
    pub message: String,
}
