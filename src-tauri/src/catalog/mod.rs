//! The HTML catalog (`meshwright export MESH --format html --out DIR`): a static site that works from the file
//! system with no network. An index by domain with an overview picture, a page per domain and per product
//! (purpose, owner, status, ports, every contract as tables of objects, properties, classification, quality and
//! SLA, upstream and downstream neighbours, governance findings), and a client-side search whose index is a
//! script (browsers refuse `fetch` of JSON from `file://`). Every link is relative; every user text is escaped by
//! the templates. Pages are rendered and written on every core, one at a time each, so a 10,000-product catalog
//! is never held in memory whole.

mod error;
mod pages;

pub use error::CatalogError;

use crate::file_set::{Owned, remove_stale, write_if_changed};
use crate::governance::{self, CheckOptions, Finding};
use crate::graph::{MeshGraph, NodeKind, NodeRef};
use crate::mesh_as_code::WriteReport;
use crate::model::{Archetype, Binding, Contract, DataProduct, EntityKind, Mesh, SchemaProperty, Status};
use crate::picture::{self, Collapse, PictureOptions};
use crate::standards::export::safe_file_stem;
use askama::Template;
use pages::*;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Product pages show a picture of their neighbourhood when the design has at most this many products.
pub const NEIGHBOURHOOD_PICTURES_UP_TO: usize = 1_000;

const STYLESHEET: &str = include_str!("../../templates/catalog/assets/catalog.css");
const SEARCH_SCRIPT: &str = include_str!("../../templates/catalog/assets/search.js");

/// Options of a catalog beyond the design.
#[derive(Debug, Clone, Default)]
pub struct CatalogOptions {
    /// The date governance findings are judged against, `YYYY-MM-DD` (default: today, UTC).
    pub today: Option<String>,
}

/// The page of a product, relative to the catalog's root.
pub fn product_page(id: &str) -> String {
    format!("products/{}.html", safe_file_stem(id))
}

/// The page of a domain, relative to the catalog's root.
pub fn domain_page(id: &str) -> String {
    format!("domains/{}.html", safe_file_stem(id))
}

/// Writes the catalog of `mesh` into `folder`, calling `progress(done, total)` (from any thread) as pages are
/// written. Files whose bytes would not change are left alone; pages of products and domains no longer in the
/// design are removed.
pub fn write_catalog(
    mesh: &Mesh,
    folder: &Path,
    options: &CatalogOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<WriteReport, CatalogError> {
    let today = options.today.clone().unwrap_or_else(governance::today_utc);
    let graph = MeshGraph::build(mesh);
    let report = governance::check(mesh, &CheckOptions::on(today.clone()));
    let context = Context::new(mesh, &graph, &report.findings, today);
    let total = mesh.products.len() + mesh.domains.len() + 5;
    let done = AtomicUsize::new(0);
    let tick = || {
        let now = done.fetch_add(1, Ordering::Relaxed) + 1;
        if now.is_multiple_of(250) {
            progress(now, total);
        }
    };

    let mut fixed: Vec<(PathBuf, Vec<u8>)> = vec![
        (PathBuf::from("assets/catalog.css"), STYLESHEET.as_bytes().to_vec()),
        (PathBuf::from("assets/search.js"), SEARCH_SCRIPT.as_bytes().to_vec()),
        (PathBuf::from("assets/search-index.js"), context.search_index()?.into_bytes()),
        (PathBuf::from("index.html"), context.index_page(&report)?.into_bytes()),
    ];
    fixed.push((PathBuf::from(".nojekyll"), Vec::new()));
    let mut written = Vec::new();
    let mut unchanged = 0;
    for (relative, bytes) in &fixed {
        if write_if_changed(folder, relative, bytes)? {
            written.push(relative.clone());
        } else {
            unchanged += 1;
        }
        tick();
    }
    let domain_pages: Vec<PathBuf> = mesh.domains.keys().map(|id| PathBuf::from(domain_page(id.as_str()))).collect();
    let product_pages: Vec<PathBuf> = mesh.products.keys().map(|id| PathBuf::from(product_page(id.as_str()))).collect();
    let outcomes: Vec<Result<(PathBuf, bool), CatalogError>> = mesh
        .domains
        .keys()
        .zip(&domain_pages)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(id, relative)| {
            let text = context.domain_page(id.as_str())?;
            let wrote = write_if_changed(folder, relative, text.as_bytes())?;
            tick();
            Ok((relative.clone(), wrote))
        })
        .chain(mesh.products.values().zip(&product_pages).collect::<Vec<_>>().into_par_iter().map(
            |(product, relative)| {
                let text = context.product_page(product)?;
                let wrote = write_if_changed(folder, relative, text.as_bytes())?;
                tick();
                Ok((relative.clone(), wrote))
            },
        ))
        .collect();
    for outcome in outcomes {
        let (relative, wrote) = outcome?;
        if wrote {
            written.push(relative);
        } else {
            unchanged += 1;
        }
    }
    let expected: BTreeSet<&Path> = domain_pages.iter().chain(&product_pages).map(PathBuf::as_path).collect();
    let removed = remove_stale(
        folder,
        &expected,
        &[Owned { folder: "domains", suffix: ".html" }, Owned { folder: "products", suffix: ".html" }],
    )?;
    progress(total, total);
    Ok(WriteReport { written, unchanged, removed })
}

/// What every page draws on, computed once.
struct Context<'a> {
    mesh: &'a Mesh,
    graph: &'a MeshGraph,
    today: String,
    findings: &'a [Finding],
    /// Findings by the entities they concern (indices into `findings`).
    findings_of: HashMap<(EntityKind, &'a str), Vec<usize>>,
    upstream: HashMap<&'a str, Vec<Neighbour>>,
    downstream: HashMap<&'a str, Vec<Neighbour>>,
    /// Products by the contracts their output ports publish.
    publishers: HashMap<&'a str, &'a DataProduct>,
}

impl<'a> Context<'a> {
    fn new(mesh: &'a Mesh, graph: &'a MeshGraph, findings: &'a [Finding], today: String) -> Self {
        let mut findings_of: HashMap<(EntityKind, &str), Vec<usize>> = HashMap::new();
        for (index, finding) in findings.iter().enumerate() {
            for entity in &finding.entities {
                findings_of.entry((entity.kind, entity.id.as_str())).or_default().push(index);
            }
        }
        let mut publishers = HashMap::new();
        for product in mesh.products.values() {
            for port in &product.output_ports {
                if let Some(contract) = &port.contract_id {
                    publishers.entry(contract.as_str()).or_insert(product);
                }
            }
        }
        let mut upstream: HashMap<&str, Vec<Neighbour>> = HashMap::new();
        let mut downstream: HashMap<&str, Vec<Neighbour>> = HashMap::new();
        for edge in graph.edges() {
            let via = match (&edge.contract, &edge.output_port) {
                (Some(contract), _) => format!("{contract} {}", edge.version),
                (None, Some(port)) => port.clone(),
                (None, None) => String::new(),
            };
            if edge.to.kind == NodeKind::Product
                && let Some((key, _)) = mesh.products.get_key_value(edge.to.id.as_str())
            {
                upstream.entry(key.as_str()).or_default().push(neighbour(mesh, &edge.from, via.clone()));
            }
            if edge.from.kind == NodeKind::Product
                && let Some((key, _)) = mesh.products.get_key_value(edge.from.id.as_str())
            {
                downstream.entry(key.as_str()).or_default().push(neighbour(mesh, &edge.to, via));
            }
        }
        for list in upstream.values_mut().chain(downstream.values_mut()) {
            list.sort();
            list.dedup();
        }
        Self { mesh, graph, today, findings, findings_of, upstream, downstream, publishers }
    }

    fn frame(&self, title: &str, root: &'static str, crumbs: Vec<Crumb>) -> Frame {
        Frame {
            title: title.to_owned(),
            design: self.mesh.settings.name.clone(),
            root,
            crumbs,
            today: self.today.clone(),
        }
    }

    fn findings_for(&self, subjects: &[(EntityKind, &str)]) -> Vec<&'a Finding> {
        let mut indices: Vec<usize> =
            subjects.iter().filter_map(|subject| self.findings_of.get(subject)).flatten().copied().collect();
        indices.sort_unstable();
        indices.dedup();
        indices.into_iter().filter_map(|index| self.findings.get(index)).collect()
    }

    fn product_row(&self, product: &DataProduct, root: &str) -> ProductRow {
        let (archetype, archetype_class) = archetype_of(product.archetype);
        ProductRow {
            href: format!("{root}{}", product_page(product.id.as_str())),
            id: product.id.to_string(),
            name: product.name.clone(),
            archetype,
            archetype_class,
            status: product.status.to_string(),
            status_class: status_class(&product.status),
            owner: self.team_name(product.owner_team.as_ref().map(|id| id.as_str())),
            outputs: product.output_ports.len(),
            findings: self.findings_for(&[(EntityKind::Product, product.id.as_str())]).len(),
            purpose: shorten(product.description.purpose.as_deref().unwrap_or(""), 160),
        }
    }

    fn team_name(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => self.mesh.teams.get(id).map_or_else(|| id.to_owned(), |team| team.name.clone()),
            None => "no owner team".to_owned(),
        }
    }

    fn index_page(&self, report: &governance::Report) -> Result<String, CatalogError> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for product in self.mesh.products.values() {
            if let Some(domain) = &product.domain {
                let entry = counts.entry(domain.as_str()).or_default();
                entry.0 += 1;
                entry.1 += usize::from(product.status == Status::Active);
            }
        }
        let domains = self
            .mesh
            .domains
            .values()
            .map(|domain| {
                let (products, active) = counts.get(domain.id.as_str()).copied().unwrap_or_default();
                DomainRow {
                    href: domain_page(domain.id.as_str()),
                    name: domain.name.clone(),
                    owner: self.team_name(domain.owner_team.as_ref().map(|id| id.as_str())),
                    products,
                    active,
                    description: shorten(domain.description.as_deref().unwrap_or(""), 200),
                }
            })
            .collect();
        let unassigned = self
            .mesh
            .products
            .values()
            .filter(|product| product.domain.as_ref().is_none_or(|domain| !self.mesh.domains.contains_key(domain)))
            .map(|product| self.product_row(product, ""))
            .collect();
        let picture_options = PictureOptions { catalog_links: true, ..PictureOptions::default() };
        let overview_svg = picture::svg_of_graph(self.mesh, self.graph, &picture_options)?;
        let collapsed = self.mesh.products.len() > picture::COLLAPSE_ABOVE;
        let overview_note = if collapsed {
            format!(
                "{} products are too many to draw one by one: each domain is one box with its counts. Click a domain to open its page.",
                self.mesh.products.len()
            )
        } else {
            "Data flows left to right, from source systems through products to consumers. Click a product or a domain to open its page.".to_owned()
        };
        let page = IndexPage {
            frame: self.frame("Catalog", "", Vec::new()),
            description: self.mesh.settings.description.clone(),
            domain_count: self.mesh.domains.len(),
            product_count: self.mesh.products.len(),
            contract_count: self.mesh.contracts.len(),
            dependency_count: self.graph.edge_count(),
            error_count: report.counts.error,
            warning_count: report.counts.warning,
            domains,
            unassigned,
            overview_note,
            overview_svg,
        };
        page.render().map_err(|error| template_error("index.html", &error))
    }

    fn domain_page(&self, id: &str) -> Result<String, CatalogError> {
        let Some(domain) = self.mesh.domains.get(id) else {
            return Err(CatalogError::Template { page: domain_page(id), detail: "the domain vanished".to_owned() });
        };
        let products: Vec<ProductRow> = self
            .mesh
            .products
            .values()
            .filter(|product| product.domain.as_ref() == Some(&domain.id))
            .map(|product| self.product_row(product, "../"))
            .collect();
        let mut systems: Vec<SystemRow> = self
            .mesh
            .source_systems
            .values()
            .filter(|system| system.domain.as_ref() == Some(&domain.id))
            .map(|system| SystemRow {
                id: system.id.to_string(),
                name: system.name.clone(),
                kind: format!(
                    "source system{}",
                    system
                        .technology
                        .as_ref()
                        .or(system.kind.as_ref())
                        .map(|what| format!(" · {what}"))
                        .unwrap_or_default()
                ),
                description: system.description.clone().unwrap_or_default(),
            })
            .collect();
        systems.extend(
            self.mesh.consumers.values().filter(|consumer| consumer.domain.as_ref() == Some(&domain.id)).map(
                |consumer| SystemRow {
                    id: consumer.id.to_string(),
                    name: consumer.name.clone(),
                    kind: format!(
                        "consumer{}",
                        consumer.kind.as_ref().map(|kind| format!(" · {kind}")).unwrap_or_default()
                    ),
                    description: consumer.description.clone().or_else(|| consumer.use_case.clone()).unwrap_or_default(),
                },
            ),
        );
        let page = DomainPage {
            frame: self.frame(
                &domain.name,
                "../",
                vec![Crumb { href: domain_page(id).replace("domains/", ""), label: domain.name.clone() }],
            ),
            name: domain.name.clone(),
            description: domain.description.clone(),
            owner: self.team_name(domain.owner_team.as_ref().map(|id| id.as_str())),
            active: products.iter().filter(|product| product.status == "active").count(),
            products,
            systems,
        };
        page.render().map_err(|error| template_error(&domain_page(id), &error))
    }

    fn product_page(&self, product: &DataProduct) -> Result<String, CatalogError> {
        let id = product.id.as_str();
        let domain = product.domain.as_ref().map(|domain| Crumb {
            href: format!("../{}", domain_page(domain.as_str())),
            label: self.mesh.domains.get(domain.as_str()).map_or_else(|| domain.to_string(), |d| d.name.clone()),
        });
        let mut crumbs: Vec<Crumb> = domain.iter().cloned().collect();
        crumbs.push(Crumb { href: product_page(id).replace("products/", ""), label: product.name.clone() });
        let (archetype, archetype_class) = archetype_of(product.archetype);
        let mut subjects: Vec<(EntityKind, &str)> = vec![(EntityKind::Product, id)];
        subjects.extend(
            product
                .output_ports
                .iter()
                .filter_map(|port| port.contract_id.as_ref())
                .map(|c| (EntityKind::Contract, c.as_str())),
        );
        let findings = self
            .findings_for(&subjects)
            .into_iter()
            .map(|finding| FindingRow {
                severity: finding.severity.to_string(),
                rule: finding.rule.clone(),
                message: finding.message.clone(),
                path: finding.path.clone(),
                fix: finding.fix.clone(),
            })
            .collect();
        let members = product
            .owner_team
            .as_ref()
            .and_then(|team| self.mesh.teams.get(team.as_str()))
            .map(|team| {
                team.members
                    .iter()
                    .map(|member| {
                        let name = member.name.clone().unwrap_or_else(|| member.username.clone());
                        match &member.role {
                            Some(role) => format!("{name} ({role})"),
                            None => name,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let inputs = product
            .input_ports
            .iter()
            .map(|port| match &port.source {
                Binding::Contract { contract_id, version } => {
                    let publisher = self.publishers.get(contract_id.as_str());
                    InputRow {
                        name: port.name.clone(),
                        target: match publisher {
                            Some(publisher) => format!("{} — contract {contract_id}", publisher.name),
                            None => format!("contract {contract_id} (no product publishes it)"),
                        },
                        href: publisher.map(|publisher| format!("../{}", product_page(publisher.id.as_str()))),
                        version: version.clone(),
                    }
                }
                Binding::SourceSystem { source_system, version } => InputRow {
                    name: port.name.clone(),
                    target: match self.mesh.source_systems.get(source_system.as_str()) {
                        Some(system) => format!("{} — source system", system.name),
                        None => format!("source system {source_system} (not in the design)"),
                    },
                    href: None,
                    version: version.clone(),
                },
            })
            .collect();
        let outputs = product
            .output_ports
            .iter()
            .map(|port| OutputView {
                name: port.name.clone(),
                kind: port.port_type.clone().unwrap_or_else(|| "port".to_owned()),
                version: port.version.clone(),
                description: port.description.clone(),
                contract: port
                    .contract_id
                    .as_ref()
                    .and_then(|contract| self.mesh.contracts.get(contract.as_str()))
                    .map(contract_view),
            })
            .collect();
        let picture = if self.mesh.products.len() <= NEIGHBOURHOOD_PICTURES_UP_TO {
            let options = PictureOptions {
                around: Some(format!("product:{id}")),
                depth: 1,
                collapse: Collapse::Never,
                catalog_links: false,
            };
            picture::svg_of_graph(self.mesh, self.graph, &options).ok()
        } else {
            None
        };
        let page = ProductPage {
            frame: self.frame(&product.name, "../", crumbs),
            id: id.to_owned(),
            name: product.name.clone(),
            domain,
            version: product.version.clone(),
            archetype,
            archetype_class,
            status: product.status.to_string(),
            status_class: status_class(&product.status),
            tags: product.tags.clone(),
            purpose: product.description.purpose.clone().unwrap_or_else(|| "No purpose written yet.".to_owned()),
            limitations: product.description.limitations.clone(),
            usage: product.description.usage.clone(),
            owner: self.team_name(product.owner_team.as_ref().map(|id| id.as_str())),
            members,
            upstream: self.upstream.get(id).cloned().unwrap_or_default(),
            downstream: self.downstream.get(id).cloned().unwrap_or_default(),
            picture,
            findings,
            inputs,
            outputs,
        };
        page.render().map_err(|error| template_error(&product_page(id), &error))
    }

    /// The search index: a script that assigns every product, domain and contract to `MESHWRIGHT_INDEX`.
    fn search_index(&self) -> Result<String, CatalogError> {
        let mut entries = Vec::new();
        for domain in self.mesh.domains.values() {
            entries.push(serde_json::json!({
                "k": "domain",
                "n": domain.name,
                "d": shorten(domain.description.as_deref().unwrap_or(""), 90),
                "u": domain_page(domain.id.as_str()),
                "s": format!("{} {} {}", domain.name, domain.id, domain.description.as_deref().unwrap_or("")).to_lowercase(),
            }));
        }
        for product in self.mesh.products.values() {
            let domain = product
                .domain
                .as_ref()
                .map(|domain| {
                    self.mesh.domains.get(domain.as_str()).map_or_else(|| domain.to_string(), |d| d.name.clone())
                })
                .unwrap_or_default();
            let (archetype, _) = archetype_of(product.archetype);
            let mut haystack = format!(
                "{} {} {domain} {} {}",
                product.name,
                product.id,
                product.tags.join(" "),
                product.description.purpose.as_deref().unwrap_or("")
            );
            let mut fields: BTreeSet<&str> = BTreeSet::new();
            for port in &product.output_ports {
                haystack.push(' ');
                haystack.push_str(&port.name);
                if let Some(contract) = port.contract_id.as_ref().and_then(|id| self.mesh.contracts.get(id.as_str())) {
                    haystack.push(' ');
                    haystack.push_str(contract.id.as_str());
                    for object in &contract.schema {
                        fields.insert(&object.name);
                        collect_names(&object.properties, &mut fields);
                    }
                }
            }
            for field in fields {
                haystack.push(' ');
                haystack.push_str(field);
            }
            entries.push(serde_json::json!({
                "k": "product",
                "n": product.name,
                "d": format!("{domain} · {archetype} · {}", product.status),
                "u": product_page(product.id.as_str()),
                "s": haystack.to_lowercase(),
            }));
            for port in &product.output_ports {
                if let Some(contract) = port.contract_id.as_ref().and_then(|id| self.mesh.contracts.get(id.as_str())) {
                    entries.push(serde_json::json!({
                        "k": "contract",
                        "n": contract.name.clone().unwrap_or_else(|| contract.id.to_string()),
                        "d": format!("{} · {} v{}", product.name, contract.id, contract.version),
                        "u": format!("{}#contract-{}", product_page(product.id.as_str()), safe_file_stem(contract.id.as_str())),
                        "s": format!("{} {} {}", contract.name.as_deref().unwrap_or(""), contract.id, port.name).to_lowercase(),
                    }));
                }
            }
        }
        let json = serde_json::to_string(&entries).map_err(CatalogError::Index)?;
        Ok(format!(
            "// The catalog's search index, a script so that it loads from file:// pages.\nwindow.MESHWRIGHT_INDEX = {json};\n"
        ))
    }
}

fn collect_names<'p>(properties: &'p [SchemaProperty], names: &mut BTreeSet<&'p str>) {
    for property in properties {
        names.insert(&property.name);
        collect_names(&property.properties, names);
    }
}

fn neighbour(mesh: &Mesh, node: &NodeRef, via: String) -> Neighbour {
    let id = node.id.as_str();
    match node.kind {
        NodeKind::Product => Neighbour {
            name: mesh.products.get(id).map_or_else(|| id.to_owned(), |product| product.name.clone()),
            kind: "product".to_owned(),
            href: Some(format!("../{}", product_page(id))),
            via,
        },
        NodeKind::SourceSystem => Neighbour {
            name: mesh.source_systems.get(id).map_or_else(|| id.to_owned(), |system| system.name.clone()),
            kind: "source system".to_owned(),
            href: None,
            via,
        },
        NodeKind::Consumer => {
            let consumer = mesh.consumers.get(id);
            Neighbour {
                name: consumer.map_or_else(|| id.to_owned(), |consumer| consumer.name.clone()),
                kind: consumer.and_then(|consumer| consumer.kind.clone()).unwrap_or_else(|| "consumer".to_owned()),
                href: None,
                via,
            }
        }
    }
}

fn contract_view(contract: &Contract) -> ContractView {
    let objects = contract
        .schema
        .iter()
        .map(|object| {
            let mut properties = Vec::new();
            let mut quality: Vec<QualityRow> =
                object.quality.iter().map(|rule| quality_row(&object.name, rule)).collect();
            flatten(&object.properties, "", 0, &mut properties, &mut quality);
            ObjectView {
                name: object.name.clone(),
                kind: object.physical_type.clone().unwrap_or_default(),
                description: object.description.clone().or_else(|| object.business_name.clone()).unwrap_or_default(),
                properties,
                quality,
            }
        })
        .collect();
    ContractView {
        anchor: safe_file_stem(contract.id.as_str()),
        id: contract.id.to_string(),
        title: contract.name.clone().unwrap_or_else(|| contract.id.to_string()),
        version: contract.version.clone(),
        status: contract.status.to_string(),
        status_class: status_class(&contract.status),
        purpose: contract.description.as_ref().and_then(|description| description.purpose.clone()),
        objects,
        sla: contract
            .sla_properties
            .iter()
            .map(|sla| SlaRow {
                property: sla.property.clone(),
                value: match (&sla.value, &sla.unit) {
                    (serde_json::Value::String(text), Some(unit)) => format!("{text} {unit}"),
                    (serde_json::Value::String(text), None) => text.clone(),
                    (other, Some(unit)) => format!("{other} {unit}"),
                    (other, None) => other.to_string(),
                },
                element: sla.element.clone().unwrap_or_default(),
                description: sla.description.clone().unwrap_or_default(),
            })
            .collect(),
        support: contract
            .support
            .iter()
            .map(|channel| {
                let mut text = channel.channel.clone();
                if let Some(url) = &channel.url {
                    text.push_str(&format!(": {url}"));
                }
                if let Some(description) = &channel.description {
                    text.push_str(&format!(" — {description}"));
                }
                text
            })
            .collect(),
    }
}

fn flatten(
    properties: &[SchemaProperty],
    prefix: &str,
    depth: usize,
    rows: &mut Vec<PropertyRow>,
    quality: &mut Vec<QualityRow>,
) {
    for property in properties {
        let path = if prefix.is_empty() { property.name.clone() } else { format!("{prefix}.{}", property.name) };
        let classification = property.classification.clone().unwrap_or_default();
        rows.push(PropertyRow {
            depth: depth.min(3),
            name: property.name.clone(),
            kind: match (&property.logical_type, &property.physical_type) {
                (Some(logical), Some(physical)) => format!("{logical} ({physical})"),
                (Some(logical), None) => logical.clone(),
                (None, Some(physical)) => physical.clone(),
                (None, None) => String::new(),
            },
            required: property.required,
            key: if property.primary_key {
                "primary"
            } else if property.unique {
                "unique"
            } else {
                ""
            },
            classification_class: match classification.to_ascii_lowercase().as_str() {
                "public" => "public",
                "internal" => "internal",
                "restricted" => "restricted",
                "confidential" => "confidential",
                "sensitive" => "sensitive",
                "pii" => "pii",
                _ => "other",
            },
            classification,
            description: property.description.clone().unwrap_or_default(),
            examples: property
                .examples
                .iter()
                .take(3)
                .map(|example| match example {
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        });
        quality.extend(property.quality.iter().map(|rule| quality_row(&path, rule)));
        flatten(&property.properties, &path, depth + 1, rows, quality);
    }
}

fn quality_row(on: &str, rule: &crate::model::QualityRule) -> QualityRow {
    QualityRow {
        on: on.to_owned(),
        text: crate::artefacts::rule_text(rule),
        dimension: rule.dimension.clone().unwrap_or_default(),
        severity: rule.severity.clone().unwrap_or_default(),
    }
}

fn archetype_of(archetype: Option<Archetype>) -> (String, &'static str) {
    match archetype {
        Some(Archetype::SourceAligned) => ("source-aligned".to_owned(), "source"),
        Some(Archetype::Aggregate) => ("aggregate".to_owned(), "aggregate"),
        Some(Archetype::ConsumerAligned) => ("consumer-aligned".to_owned(), "consumer"),
        None => ("no archetype".to_owned(), "none"),
    }
}

fn status_class(status: &Status) -> &'static str {
    match status {
        Status::Proposed => "proposed",
        Status::Draft => "draft",
        Status::Active => "active",
        Status::Deprecated => "deprecated",
        Status::Retired => "retired",
        Status::Other(_) => "other",
    }
}

fn shorten(text: &str, max: usize) -> String {
    let single: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single.chars().count() <= max {
        single
    } else {
        let mut cut: String = single.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

fn template_error(page: &str, error: &askama::Error) -> CatalogError {
    CatalogError::Template { page: page.to_owned(), detail: error.to_string() }
}
