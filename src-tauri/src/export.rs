//! Export formats reachable from `meshwright export`: mesh as code (a folder) and the whole design as one JSON
//! document. Later areas add the standards' single files, diagrams and the HTML catalog here.

use crate::error::Error;
use crate::mesh_as_code::{self, WriteReport};
use crate::model::{Consumer, Contract, DataProduct, Domain, Id, Mesh, MeshSettings, Position, SourceSystem, Team};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Mesh as code: a folder with mesh.yaml, products/*.odps.yaml and contracts/*.odcs.yaml.
    Mesh,
    /// The whole design as one JSON document.
    Json,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportReport {
    Folder(WriteReport),
    File { bytes: usize },
}

pub fn export(mesh: &Mesh, format: ExportFormat, out: &Path) -> Result<ExportReport, Error> {
    match format {
        ExportFormat::Mesh => Ok(ExportReport::Folder(mesh_as_code::write_folder(mesh, out)?)),
        ExportFormat::Json => {
            let mut text = to_json(mesh)?;
            text.push('\n');
            mesh_as_code::write_atomically(out, text.as_bytes())?;
            Ok(ExportReport::File { bytes: text.len() })
        }
    }
}

/// The design as one pretty-printed JSON document, keys in a fixed order.
pub fn to_json(mesh: &Mesh) -> Result<String, Error> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct MeshJson<'a> {
        meshwright: u32,
        settings: &'a MeshSettings,
        domains: Vec<&'a Domain>,
        teams: Vec<&'a Team>,
        products: Vec<&'a DataProduct>,
        contracts: Vec<&'a Contract>,
        source_systems: Vec<&'a SourceSystem>,
        consumers: Vec<&'a Consumer>,
        layout: &'a BTreeMap<Id, Position>,
    }
    let document = MeshJson {
        meshwright: mesh_as_code::FORMAT_VERSION,
        settings: &mesh.settings,
        domains: mesh.domains.values().collect(),
        teams: mesh.teams.values().collect(),
        products: mesh.products.values().collect(),
        contracts: mesh.contracts.values().collect(),
        source_systems: mesh.source_systems.values().collect(),
        consumers: mesh.consumers.values().collect(),
        layout: &mesh.layout,
    };
    serde_json::to_string_pretty(&document)
        .map_err(|error| Error::Internal(format!("cannot write the design as JSON: {error}")))
}
