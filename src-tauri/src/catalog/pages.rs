//! The catalog's pages as askama templates (`src-tauri/templates/catalog/`) and the plain view values they show.
//! Templates escape every value unless marked `safe`; only Meshwright's own SVG, itself escaped, is.

use askama::Template;

/// What every page's frame shows.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub title: String,
    pub design: String,
    /// `""` on the index page, `"../"` one folder down: every link is relative.
    pub root: &'static str,
    pub crumbs: Vec<Crumb>,
    pub today: String,
}

#[derive(Debug, Clone)]
pub(super) struct Crumb {
    pub href: String,
    pub label: String,
}

#[derive(Debug, Template)]
#[template(path = "catalog/index.html")]
pub(super) struct IndexPage {
    pub frame: Frame,
    pub description: Option<String>,
    pub domain_count: usize,
    pub product_count: usize,
    pub contract_count: usize,
    pub dependency_count: usize,
    pub error_count: usize,
    pub warning_count: usize,
    pub domains: Vec<DomainRow>,
    pub unassigned: Vec<ProductRow>,
    pub overview_note: String,
    pub overview_svg: String,
}

#[derive(Debug, Clone)]
pub(super) struct DomainRow {
    pub href: String,
    pub name: String,
    pub owner: String,
    pub products: usize,
    pub active: usize,
    pub description: String,
}

#[derive(Debug, Template)]
#[template(path = "catalog/domain.html")]
pub(super) struct DomainPage {
    pub frame: Frame,
    pub name: String,
    pub description: Option<String>,
    pub owner: String,
    pub active: usize,
    pub products: Vec<ProductRow>,
    pub systems: Vec<SystemRow>,
}

#[derive(Debug, Clone)]
pub(super) struct ProductRow {
    pub href: String,
    pub id: String,
    pub name: String,
    pub archetype: String,
    pub archetype_class: &'static str,
    pub status: String,
    pub status_class: &'static str,
    pub owner: String,
    pub outputs: usize,
    pub findings: usize,
    pub purpose: String,
}

#[derive(Debug, Clone)]
pub(super) struct SystemRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub description: String,
}

#[derive(Debug, Template)]
#[template(path = "catalog/product.html")]
pub(super) struct ProductPage {
    pub frame: Frame,
    pub id: String,
    pub name: String,
    pub domain: Option<Crumb>,
    pub version: Option<String>,
    pub archetype: String,
    pub archetype_class: &'static str,
    pub status: String,
    pub status_class: &'static str,
    pub tags: Vec<String>,
    pub purpose: String,
    pub limitations: Option<String>,
    pub usage: Option<String>,
    pub owner: String,
    pub members: Vec<String>,
    pub upstream: Vec<Neighbour>,
    pub downstream: Vec<Neighbour>,
    pub picture: Option<String>,
    pub findings: Vec<FindingRow>,
    pub inputs: Vec<InputRow>,
    pub outputs: Vec<OutputView>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Neighbour {
    pub name: String,
    pub kind: String,
    pub href: Option<String>,
    pub via: String,
}

#[derive(Debug, Clone)]
pub(super) struct FindingRow {
    pub severity: String,
    pub rule: String,
    pub message: String,
    pub path: String,
    pub fix: String,
}

#[derive(Debug, Clone)]
pub(super) struct InputRow {
    pub name: String,
    pub target: String,
    pub href: Option<String>,
    pub version: String,
}

#[derive(Debug, Clone)]
pub(super) struct OutputView {
    pub name: String,
    pub kind: String,
    pub version: String,
    pub description: Option<String>,
    pub contract: Option<ContractView>,
}

#[derive(Debug, Clone)]
pub(super) struct ContractView {
    pub anchor: String,
    pub id: String,
    pub title: String,
    pub version: String,
    pub status: String,
    pub status_class: &'static str,
    pub purpose: Option<String>,
    pub objects: Vec<ObjectView>,
    pub sla: Vec<SlaRow>,
    pub support: Vec<String>,
}

#[derive(Debug, Clone)]
pub(super) struct ObjectView {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub properties: Vec<PropertyRow>,
    pub quality: Vec<QualityRow>,
}

#[derive(Debug, Clone)]
pub(super) struct PropertyRow {
    pub depth: usize,
    pub name: String,
    pub kind: String,
    pub required: bool,
    pub key: &'static str,
    pub classification: String,
    pub classification_class: &'static str,
    pub description: String,
    pub examples: String,
}

#[derive(Debug, Clone)]
pub(super) struct QualityRow {
    pub on: String,
    pub text: String,
    pub dimension: String,
    pub severity: String,
}

#[derive(Debug, Clone)]
pub(super) struct SlaRow {
    pub property: String,
    pub value: String,
    pub element: String,
    pub description: String,
}
