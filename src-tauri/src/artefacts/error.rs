//! What can stop contract artefacts from being written: a file that cannot be written, or a schema that cannot be
//! serialized (a bug).

/// Contract artefacts could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ArtefactError {
    #[error(transparent)]
    Write(#[from] crate::mesh_as_code::CodeError),
    #[error("cannot write the JSON Schema of object `{object}` of contract `{contract}`: {source}")]
    Json { contract: String, object: String, source: serde_json::Error },
}
