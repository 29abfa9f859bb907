//! Export formats reachable from `meshwright export`: mesh as code (a folder), the whole design as one JSON
//! document, the dependency graph as a Mermaid or DOT diagram or as an SVG or PNG picture, the standards' single
//! files, the contract artefacts (JSON Schema, SQL DDL, Markdown) and the HTML catalog.

use crate::error::Error;
use crate::graph::{MeshGraph, Scope};
use crate::mesh_as_code::{self, WriteReport};
use crate::model::{Consumer, Contract, DataProduct, Domain, Id, Mesh, MeshSettings, Position, SourceSystem, Team};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The formats `export` writes (the CLI's `--format`, and the studio's export dialog).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Mesh as code: a folder with mesh.yaml, products/*.odps.yaml and contracts/*.odcs.yaml.
    Mesh,
    /// The whole design as one JSON document.
    Json,
    /// The dependency graph as a Mermaid flowchart, domains as subgraphs.
    Mermaid,
    /// The dependency graph as a Graphviz DOT digraph, domains as clusters.
    Dot,
    /// Every contract as an ODCS v3.2.0 document, one file each, into the folder --out.
    Odcs,
    /// Every product as an ODPS v1.0.0 document, one file each, into the folder --out.
    Odps,
    /// Every contract as a DCS 1.2.1 document, one file each, into the folder --out.
    Dcs,
    /// A static HTML catalog into the folder --out: an index by domain, a page per domain and product, search.
    Html,
    /// The dependency graph as an SVG picture laid out by Meshwright, domains as clusters.
    Svg,
    /// The same picture as a PNG image.
    Png,
    /// A JSON Schema (draft 2020-12) per contract object, into the folder --out.
    Jsonschema,
    /// PostgreSQL DDL per contract (CREATE TABLE, keys, comments), into the folder --out.
    Sql,
    /// A Markdown data sheet per contract, into the folder --out.
    Markdown,
}

impl ExportFormat {
    /// Whether `--out` names a folder (true) or a file.
    pub fn writes_folder(self) -> bool {
        matches!(
            self,
            Self::Mesh
                | Self::Odcs
                | Self::Odps
                | Self::Dcs
                | Self::Html
                | Self::Jsonschema
                | Self::Sql
                | Self::Markdown
        )
    }
}

/// Options of an export beyond its format.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Diagrams only: draw the neighbourhood of this id instead of the whole design.
    pub around: Option<String>,
    /// How many edges upstream and downstream of `around` to draw.
    pub depth: usize,
    /// ODCS only: the version to write.
    pub odcs_version: crate::standards::odcs::OdcsVersion,
    /// ODPS only: the version to write.
    pub odps_version: crate::standards::odps::OdpsVersion,
    /// Pictures only: whether domains are drawn as one node each.
    pub collapse: crate::picture::Collapse,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportReport {
    Folder(WriteReport),
    File { bytes: usize },
}

pub fn export(mesh: &Mesh, format: ExportFormat, out: &Path) -> Result<ExportReport, Error> {
    export_with(mesh, format, out, &ExportOptions::default())
}

pub fn export_with(
    mesh: &Mesh,
    format: ExportFormat,
    out: &Path,
    options: &ExportOptions,
) -> Result<ExportReport, Error> {
    export_reporting(mesh, format, out, options, &|_, _| {})
}

/// [`export_with`], calling `progress(done, total)` (from any thread) during the long formats: mesh as code, the
/// catalog and the contract artefacts.
pub fn export_reporting(
    mesh: &Mesh,
    format: ExportFormat,
    out: &Path,
    options: &ExportOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<ExportReport, Error> {
    if options.around.is_some()
        && !matches!(format, ExportFormat::Mermaid | ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Png)
    {
        return Err(Error::Usage("--around applies to the diagram formats: mermaid, dot, svg and png".to_owned()));
    }
    match format {
        ExportFormat::Svg | ExportFormat::Png => {
            let picture_options = crate::picture::PictureOptions {
                around: options.around.clone(),
                depth: options.depth,
                collapse: options.collapse,
                catalog_links: false,
            };
            let svg = crate::picture::svg(mesh, &picture_options)?;
            let bytes =
                if format == ExportFormat::Svg { svg.into_bytes() } else { crate::picture::png_from_svg(&svg)? };
            mesh_as_code::write_atomically(out, &bytes)?;
            Ok(ExportReport::File { bytes: bytes.len() })
        }
        ExportFormat::Html => Ok(ExportReport::Folder(crate::catalog::write_catalog(
            mesh,
            out,
            &crate::catalog::CatalogOptions::default(),
            progress,
        )?)),
        ExportFormat::Jsonschema | ExportFormat::Sql | ExportFormat::Markdown => {
            use crate::artefacts::ArtefactKind;
            let kind = match format {
                ExportFormat::Jsonschema => ArtefactKind::JsonSchema,
                ExportFormat::Sql => ArtefactKind::Sql,
                _ => ArtefactKind::Markdown,
            };
            Ok(ExportReport::Folder(crate::artefacts::write(mesh, kind, out, progress)?))
        }
        ExportFormat::Mermaid | ExportFormat::Dot => {
            let graph = MeshGraph::build(mesh);
            let scope = match &options.around {
                Some(id) => Scope::Around { id: id.clone(), depth: options.depth },
                None => Scope::Whole,
            };
            let text = if format == ExportFormat::Mermaid { graph.mermaid(&scope) } else { graph.dot(&scope) }?;
            mesh_as_code::write_atomically(out, text.as_bytes())?;
            Ok(ExportReport::File { bytes: text.len() })
        }
        ExportFormat::Mesh => Ok(ExportReport::Folder(mesh_as_code::write_folder_reporting(mesh, out, progress)?)),
        ExportFormat::Odcs | ExportFormat::Odps | ExportFormat::Dcs => {
            use crate::standards::export::{DocumentSet, write_documents};
            let set = match format {
                ExportFormat::Odcs => DocumentSet::Odcs(options.odcs_version),
                ExportFormat::Odps => DocumentSet::Odps(options.odps_version),
                _ => DocumentSet::Dcs,
            };
            Ok(ExportReport::Folder(write_documents(mesh, set, out)?))
        }
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
        #[serde(skip_serializing_if = "Vec::is_empty")]
        assessments: Vec<&'a crate::model::DomainAssessment>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        waves: Vec<&'a crate::model::Wave>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        canvases: Vec<&'a crate::model::ProductCanvas>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        notes: Vec<&'a crate::model::StickyNote>,
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
        assessments: mesh.assessments.values().collect(),
        waves: mesh.waves.values().collect(),
        canvases: mesh.canvases.values().collect(),
        notes: mesh.notes.values().collect(),
    };
    serde_json::to_string_pretty(&document)
        .map_err(|error| Error::Internal(format!("cannot write the design as JSON: {error}")))
}
