//! The Data Product Canvas of a product: its ten blocks, each filled with what the model knows (domain, ports,
//! readers, SLA, schema terms, classifications) and the free text the workshop wrote where it does not, plus the
//! printable HTML page (A4 or A0) rendered with an askama template (auto-escaped).

use crate::model::{Binding, CanvasBlock, Contract, DataProduct, Id, Mesh, SchemaProperty};
use askama::Template;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// How many schema terms the ubiquitous-language block lists before it summarises.
const TERMS_SHOWN: usize = 12;

/// One block of the canvas as shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CanvasBlockView {
    pub block: CanvasBlock,
    pub title: String,
    /// What the model says, one line each.
    pub facts: Vec<String>,
    /// The free text stored for the block.
    pub text: Option<String>,
}

/// A product's canvas.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CanvasView {
    pub product: Id,
    pub name: String,
    pub design: String,
    pub blocks: Vec<CanvasBlockView>,
}

/// Paper sizes of the print layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize, clap::ValueEnum, TS)]
#[serde(rename_all = "camelCase")]
pub enum Paper {
    #[default]
    A4,
    A0,
}

#[derive(Debug, thiserror::Error)]
pub enum CanvasError {
    #[error("there is no product `{id}` in the design, so it has no canvas")]
    UnknownProduct { id: String },
    #[error("cannot render the canvas of `{id}`: {detail}")]
    Render { id: String, detail: String },
}

fn contracts_of<'a>(mesh: &'a Mesh, product: &DataProduct) -> Vec<&'a Contract> {
    product
        .output_ports
        .iter()
        .filter_map(|port| port.contract_id.as_ref())
        .filter_map(|id| mesh.contracts.get(id))
        .collect()
}

fn walk<'a>(prefix: &str, properties: &'a [SchemaProperty], out: &mut Vec<(String, &'a SchemaProperty)>) {
    for property in properties {
        let path = format!("{prefix}.{}", property.name);
        out.push((path.clone(), property));
        walk(&path, &property.properties, out);
    }
}

fn facts(mesh: &Mesh, product: &DataProduct, block: CanvasBlock) -> Vec<String> {
    let contracts = contracts_of(mesh, product);
    let mut lines = Vec::new();
    match block {
        CanvasBlock::Domain => {
            if let Some(domain) = &product.domain {
                match mesh.domains.get(domain) {
                    Some(found) => lines.push(format!("{} ({domain})", found.name)),
                    None => lines.push(domain.to_string()),
                }
            }
            if let Some(team) = &product.owner_team {
                let name = mesh.teams.get(team).map_or_else(|| team.to_string(), |team| team.name.clone());
                lines.push(format!("Owner team: {name}"));
            }
        }
        CanvasBlock::Name => {
            lines.push(format!("{} ({})", product.name, product.id));
            let mut kind = product.status.to_string();
            if let Some(archetype) = product.archetype {
                kind = format!("{archetype}, {kind}");
            }
            if let Some(version) = &product.version {
                kind = format!("{kind}, version {version}");
            }
            lines.push(kind);
            if let Some(purpose) = &product.description.purpose {
                lines.push(purpose.trim().to_owned());
            }
        }
        CanvasBlock::ConsumerAndUseCase => {
            let published: Vec<&Id> = product.output_ports.iter().filter_map(|p| p.contract_id.as_ref()).collect();
            let reads = |binding: &Binding| matches!(binding, Binding::Contract { contract_id, .. } if published.contains(&contract_id));
            for consumer in mesh.consumers.values().filter(|c| c.inputs.iter().any(reads)) {
                let kind = consumer.kind.as_deref().map(|kind| format!(" ({kind})")).unwrap_or_default();
                let use_case =
                    consumer.use_case.as_deref().map(|text| format!(": {}", text.trim())).unwrap_or_default();
                lines.push(format!("{}{kind}{use_case}", consumer.name));
            }
            for reader in mesh
                .products
                .values()
                .filter(|p| p.id != product.id && p.input_ports.iter().any(|port| reads(&port.source)))
            {
                lines.push(format!("Product {} ({})", reader.name, reader.id));
            }
            if let Some(usage) = &product.description.usage {
                lines.push(format!("Usage: {}", usage.trim()));
            }
        }
        CanvasBlock::OutputPorts => {
            for port in &product.output_ports {
                let kind = port.port_type.as_deref().map(|kind| format!(" ({kind})")).unwrap_or_default();
                let contract = port
                    .contract_id
                    .as_ref()
                    .map_or_else(|| ", no contract yet".to_owned(), |id| format!(", contract {id}"));
                lines.push(format!("{} v{}{kind}{contract}", port.name, port.version));
            }
        }
        CanvasBlock::Metadata => {
            if !product.tags.is_empty() {
                lines.push(format!("Tags: {}", product.tags.join(", ")));
            }
            if let Some(limitations) = &product.description.limitations {
                lines.push(format!("Limitations: {}", limitations.trim()));
            }
            for contract in &contracts {
                let channels: Vec<&str> = contract.support.iter().map(|channel| channel.channel.as_str()).collect();
                if !channels.is_empty() {
                    lines.push(format!("Support ({}): {}", contract.id, channels.join(", ")));
                }
            }
        }
        CanvasBlock::InputPorts => {
            for port in &product.input_ports {
                match &port.source {
                    Binding::Contract { contract_id, version } => {
                        let from: Vec<&str> = mesh
                            .products
                            .values()
                            .filter(|p| p.output_ports.iter().any(|o| o.contract_id.as_ref() == Some(contract_id)))
                            .map(|p| p.id.as_str())
                            .collect();
                        let from = if from.is_empty() { String::new() } else { format!(" from {}", from.join(", ")) };
                        lines.push(format!("{} ← contract {contract_id} v{version}{from}", port.name));
                    }
                    Binding::SourceSystem { source_system, .. } => {
                        let name = mesh
                            .source_systems
                            .get(source_system)
                            .map_or_else(|| source_system.to_string(), |system| system.name.clone());
                        lines.push(format!("{} ← source system {name}", port.name));
                    }
                }
            }
        }
        CanvasBlock::DataProductDesign => {
            if let Some(archetype) = product.archetype {
                lines.push(format!("Archetype: {archetype}"));
            }
            for contract in &contracts {
                for server in &contract.servers {
                    let environment = server.environment.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
                    lines.push(format!("Server {}: {}{environment}", server.server, server.server_type));
                }
            }
        }
        CanvasBlock::Observability => {
            for contract in &contracts {
                for sla in &contract.sla_properties {
                    let value = match &sla.value {
                        serde_json::Value::String(text) => text.clone(),
                        other => other.to_string(),
                    };
                    let unit = sla.unit.as_deref().map(|unit| format!(" {unit}")).unwrap_or_default();
                    lines.push(format!("SLA {}: {value}{unit}", sla.property));
                }
                let mut rules = 0;
                for object in &contract.schema {
                    rules += object.quality.len();
                    let mut all = Vec::new();
                    walk(&object.name, &object.properties, &mut all);
                    rules += all.iter().map(|(_, property)| property.quality.len()).sum::<usize>();
                }
                if rules > 0 {
                    lines.push(format!("{rules} quality rule(s) in {}", contract.id));
                }
            }
        }
        CanvasBlock::UbiquitousLanguage => {
            let mut terms = Vec::new();
            for contract in &contracts {
                for object in &contract.schema {
                    let mut all = Vec::new();
                    walk(&object.name, &object.properties, &mut all);
                    for (path, property) in all {
                        let meaning = property.business_name.as_deref().or(property.description.as_deref());
                        if let Some(meaning) = meaning {
                            terms.push(format!("{path}: {}", meaning.trim()));
                        }
                    }
                }
            }
            let total = terms.len();
            lines.extend(terms.into_iter().take(TERMS_SHOWN));
            if total > TERMS_SHOWN {
                lines.push(format!("… and {} more terms", total - TERMS_SHOWN));
            }
        }
        CanvasBlock::Classification => {
            let mut by_class: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for contract in &contracts {
                for object in &contract.schema {
                    let mut all = Vec::new();
                    walk(&object.name, &object.properties, &mut all);
                    for (path, property) in all {
                        if let Some(class) = property.classification.as_deref().filter(|c| !c.trim().is_empty()) {
                            by_class.entry(class.trim().to_owned()).or_default().push(path);
                        }
                    }
                }
            }
            for (class, fields) in by_class {
                let shown: Vec<&str> = fields.iter().take(5).map(String::as_str).collect();
                let more = if fields.len() > 5 { format!(", … {} more", fields.len() - 5) } else { String::new() };
                lines.push(format!("{class}: {} field(s): {}{more}", fields.len(), shown.join(", ")));
            }
        }
    }
    lines
}

/// The canvas of a product.
pub fn view(mesh: &Mesh, product: &str) -> Result<CanvasView, CanvasError> {
    let found = mesh.products.get(product).ok_or_else(|| CanvasError::UnknownProduct { id: product.to_owned() })?;
    let stored = mesh.canvases.get(product);
    let blocks = CanvasBlock::ALL
        .iter()
        .map(|&block| CanvasBlockView {
            block,
            title: block.title().to_owned(),
            facts: facts(mesh, found, block),
            text: stored.and_then(|canvas| canvas.blocks.get(&block)).filter(|text| !text.trim().is_empty()).cloned(),
        })
        .collect();
    Ok(CanvasView { product: found.id.clone(), name: found.name.clone(), design: mesh.settings.name.clone(), blocks })
}

#[derive(Template)]
#[template(path = "canvas.html")]
struct CanvasPage<'a> {
    canvas: &'a CanvasView,
    paper: &'a str,
    width_mm: u32,
    height_mm: u32,
    base_pt: u32,
}

/// The printable page of a product's canvas: landscape, every block on one sheet.
pub fn html(mesh: &Mesh, product: &str, paper: Paper) -> Result<String, CanvasError> {
    let canvas = view(mesh, product)?;
    let (paper_name, width_mm, height_mm, base_pt) = match paper {
        Paper::A4 => ("A4", 297, 210, 8),
        Paper::A0 => ("A0", 1189, 841, 28),
    };
    CanvasPage { canvas: &canvas, paper: paper_name, width_mm, height_mm, base_pt }
        .render()
        .map_err(|error| CanvasError::Render { id: product.to_owned(), detail: error.to_string() })
}
