//! Contract artefacts for the people and programs around a contract: a JSON Schema per schema object (draft
//! 2020-12, for consumers validating payloads), PostgreSQL DDL per contract (`CREATE TABLE` with types,
//! nullability, keys and comments), and a Markdown data sheet per contract. Also a sample row per object, made from
//! its logical types, that the object's JSON Schema accepts.

mod error;
mod json_schema;
mod markdown;
mod sql;

pub use error::ArtefactError;
pub use json_schema::{object_schema, sample_row};
pub use markdown::{data_sheet, rule_text};
pub use sql::contract_ddl;

use crate::file_set::{Owned, write_file_set};
use crate::mesh_as_code::WriteReport;
use crate::model::{Contract, Mesh, SchemaObject};
use crate::standards::export::safe_file_stem;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which artefacts to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArtefactKind {
    /// `<contract>.<object>.schema.json`, one per schema object.
    JsonSchema,
    /// `<contract>.sql`, one per contract.
    Sql,
    /// `<contract>.md`, one per contract.
    Markdown,
}

impl ArtefactKind {
    /// The ending of the files of this kind, which the writer owns in its folder.
    pub fn suffix(self) -> &'static str {
        match self {
            Self::JsonSchema => ".schema.json",
            Self::Sql => ".sql",
            Self::Markdown => ".md",
        }
    }
}

/// Every artefact of a kind, by file name, in contract order.
pub fn render(mesh: &Mesh, kind: ArtefactKind) -> Result<Vec<(PathBuf, Vec<u8>)>, ArtefactError> {
    let mut files = Vec::new();
    for contract in mesh.contracts.values() {
        let stem = safe_file_stem(contract.id.as_str());
        match kind {
            ArtefactKind::JsonSchema => {
                for (object, name) in contract.schema.iter().zip(object_file_stems(contract)) {
                    let schema = object_schema(contract, object);
                    let mut text = serde_json::to_string_pretty(&schema).map_err(|source| ArtefactError::Json {
                        contract: contract.id.to_string(),
                        object: object.name.clone(),
                        source,
                    })?;
                    text.push('\n');
                    files.push((PathBuf::from(format!("{stem}.{name}.schema.json")), text.into_bytes()));
                }
            }
            ArtefactKind::Sql => {
                files.push((PathBuf::from(format!("{stem}.sql")), contract_ddl(contract).into_bytes()))
            }
            ArtefactKind::Markdown => {
                files.push((PathBuf::from(format!("{stem}.md")), data_sheet(mesh, contract).into_bytes()));
            }
        }
    }
    Ok(files)
}

/// Writes every artefact of a kind into `folder`; files of that kind for contracts no longer in the design are
/// removed, other files are left alone.
pub fn write(
    mesh: &Mesh,
    kind: ArtefactKind,
    folder: &Path,
    progress: &dyn Fn(usize, usize),
) -> Result<WriteReport, ArtefactError> {
    let files = render(mesh, kind)?;
    Ok(write_file_set(folder, &files, &[Owned { folder: "", suffix: kind.suffix() }], progress)?)
}

/// A file-name part for each schema object of a contract, unique within it.
pub fn object_file_stems(contract: &Contract) -> Vec<String> {
    let mut taken = BTreeSet::new();
    contract
        .schema
        .iter()
        .map(|object: &SchemaObject| {
            let base = safe_file_stem(&object.name);
            let mut name = base.clone();
            let mut number = 2;
            while !taken.insert(name.clone()) {
                name = format!("{base}-{number}");
                number += 1;
            }
            name
        })
        .collect()
}
