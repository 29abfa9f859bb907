//! SARIF 2.1.0 for code scanning: every rule in `tool.driver.rules` (with its rationale and default level), every
//! finding a result with the entities it concerns as `logicalLocations` and, when the design is a mesh-as-code
//! folder, the YAML file of its subject as the physical location.

use super::rules_named;
use crate::governance::findings::{EntityRef, Severity};
use crate::governance::{GovernanceError, Report};
use crate::model::EntityKind;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};
use std::path::{Component, Path};

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The mesh-as-code file that holds an entity, relative to the design folder.
fn file_of(entity: &EntityRef) -> String {
    match entity.kind {
        EntityKind::Product => format!("products/{}.odps.yaml", entity.id),
        EntityKind::Contract => format!("contracts/{}.odcs.yaml", entity.id),
        _ => "mesh.yaml".to_owned(),
    }
}

/// What a URI path segment must escape (RFC 3986: everything but unreserved characters and sub-delimiters).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The artifact URI of a file of the design folder: a `file://` URI when the folder was named by an absolute path,
/// otherwise a relative reference, which code scanning resolves against the repository it runs in.
fn artifact_uri(folder: &str, file: &str) -> String {
    let path = Path::new(folder).join(file);
    let segments: Vec<String> = path
        .components()
        .filter_map(|component| match component {
            Component::Normal(segment) => Some(utf8_percent_encode(&segment.to_string_lossy(), SEGMENT).to_string()),
            Component::ParentDir => Some("..".to_owned()),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => None,
        })
        .collect();
    if path.is_absolute() { format!("file:///{}", segments.join("/")) } else { segments.join("/") }
}

fn logical_location(entity: &EntityRef) -> Value {
    json!({
        "name": entity.id,
        "fullyQualifiedName": entity.document(),
        "kind": "resource",
        "properties": { "entityKind": entity.kind.as_str() },
    })
}

/// Renders a report. `folder` is the design folder as the user named it (for physical locations), or `None` for a
/// `.mesh` file, whose results then carry logical locations only.
pub fn render(report: &Report, folder: Option<&str>) -> Result<String, GovernanceError> {
    let (catalogue, custom) = rules_named(&report.findings);
    let mut rules: Vec<Value> = catalogue
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id.replace('-', ""),
                "shortDescription": { "text": rule.title },
                "fullDescription": { "text": rule.rationale },
                "help": { "text": format!("{} {}", rule.title, rule.rationale) },
                "defaultConfiguration": { "level": level(rule.default_severity) },
                "properties": { "family": rule.family.as_str() },
            })
        })
        .collect();
    rules.extend(custom.iter().map(|id| {
        json!({
            "id": id,
            "shortDescription": { "text": format!("Custom policy {id}") },
            "properties": { "family": "custom" },
        })
    }));
    let rule_index = |id: &str| -> usize {
        catalogue
            .iter()
            .position(|rule| rule.id == id)
            .or_else(|| custom.iter().position(|rule| rule == id).map(|position| catalogue.len() + position))
            .unwrap_or(0)
    };
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let mut location = json!({
                "logicalLocations": finding.entities.iter().map(logical_location).collect::<Vec<Value>>(),
                "message": { "text": finding.path },
            });
            if let (Some(folder), Some(subject)) = (folder, finding.subject()) {
                let uri = artifact_uri(folder, &file_of(subject));
                location["physicalLocation"] = json!({
                    "artifactLocation": { "uri": uri },
                    "region": { "startLine": 1 },
                });
            }
            json!({
                "ruleId": finding.rule,
                "ruleIndex": rule_index(&finding.rule),
                "level": level(finding.severity),
                "message": { "text": format!("{} Fix: {}", finding.message, finding.fix) },
                "locations": [location],
                "partialFingerprints": {
                    "meshwright/v1": format!("{}|{}|{}", finding.rule, finding.path, finding.message),
                },
                "properties": {
                    "path": finding.path,
                    "fix": finding.fix,
                    "entities": finding.entities.iter().map(|entity| entity.document()).collect::<Vec<String>>(),
                },
            })
        })
        .collect();
    let document = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "meshwright",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/meshwright/meshwright",
                    "rules": rules,
                }
            },
            "results": results,
            "properties": {
                "design": report.design,
                "today": report.today,
                "productiveShare": report.scores.mesh.productive_share,
            },
        }],
    });
    serde_json::to_string_pretty(&document)
        .map(|text| text + "\n")
        .map_err(|source| GovernanceError::Render { format: "sarif", source })
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn artifact_uris_are_relative_references_or_file_uris() {
        assert_eq!(artifact_uri("mesh", "mesh.yaml"), "mesh/mesh.yaml");
        assert_eq!(artifact_uri("./my mesh/", "products/a.b.odps.yaml"), "my%20mesh/products/a.b.odps.yaml");
        assert_eq!(artifact_uri("/srv/data #1", "mesh.yaml"), "file:///srv/data%20%231/mesh.yaml");
    }
}
