//! Turning the text of a query into what it names: `orders.order-management` (a product, consumer, source system
//! or contract, looked up in that order), `orders.order-management/order-events` (an output port), or a prefixed
//! id (`contract:orders.order-events`) when two kinds share an id. When nothing matches, the closest ids the design
//! has are suggested.

use super::{GraphError, MeshGraph, NodeKind};
use crate::model::Id;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::fmt;

/// How many ids an unknown-id error suggests at most.
const MAX_SUGGESTIONS: usize = 3;
/// How alike (normalized Damerau-Levenshtein, 0 to 1) an id must be to the text to be suggested.
const SUGGESTION_THRESHOLD: f64 = 0.6;
/// Ids much less alike than the best match are noise next to it, and left out.
const SUGGESTION_MARGIN: f64 = 0.15;

/// What a query is about, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    Node(NodeIndex),
    Port { product: NodeIndex, output: usize },
    Contract(Id),
}

/// The kinds of thing a query can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TargetKind {
    Product,
    Port,
    Contract,
    SourceSystem,
    Consumer,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Product => "product",
            Self::Port => "output port",
            Self::Contract => "contract",
            Self::SourceSystem => "source system",
            Self::Consumer => "consumer",
        }
    }
}

/// What a query was about, as results report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetRef {
    pub kind: TargetKind,
    /// The id of the product, contract, source system or consumer; for a port, its product's id.
    pub id: String,
    /// The output port's name, for a port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// The display name of the node, when the target is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl fmt::Display for TargetRef {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.port {
            Some(port) => write!(formatter, "{} {}/{port}", self.kind.as_str(), self.id),
            None => write!(formatter, "{} {}", self.kind.as_str(), self.id),
        }
    }
}

impl MeshGraph {
    /// Resolves the text of a query.
    pub(super) fn resolve(&self, text: &str) -> Result<Target, GraphError> {
        if let Some((prefix, rest)) = text.split_once(':') {
            let kind = match prefix {
                "product" => NodeKind::Product,
                "consumer" => NodeKind::Consumer,
                "source" | "source-system" | "sourceSystem" => NodeKind::SourceSystem,
                "contract" => {
                    return if self.knows_contract(rest) {
                        Ok(Target::Contract(Id::new(rest).map_err(|_| self.unknown_contract(rest))?))
                    } else {
                        Err(self.unknown_contract(rest))
                    };
                }
                "port" => return self.resolve_port(rest),
                _ => return Err(GraphError::UnknownPrefix { prefix: prefix.to_owned() }),
            };
            return self.index_of_kind(kind).get(rest).map(|&index| Target::Node(index)).ok_or_else(|| {
                GraphError::UnknownIdOfKind {
                    kind: kind.as_str(),
                    id: rest.to_owned(),
                    suggestions: suggest(rest, self.index_of_kind(kind).keys().map(Id::as_str)),
                }
            });
        }
        if text.contains('/') {
            return self.resolve_port(text);
        }
        for kind in [NodeKind::Product, NodeKind::Consumer, NodeKind::SourceSystem] {
            if let Some(&index) = self.index_of_kind(kind).get(text) {
                return Ok(Target::Node(index));
            }
        }
        if self.knows_contract(text)
            && let Ok(id) = Id::new(text)
        {
            return Ok(Target::Contract(id));
        }
        Err(GraphError::UnknownId { id: text.to_owned(), suggestions: suggest(text, self.all_ids()) })
    }

    /// The public form of a resolved target.
    pub(super) fn target_ref(&self, target: &Target) -> TargetRef {
        match target {
            Target::Node(index) => {
                let node = &self.graph[*index];
                let kind = match node.kind {
                    NodeKind::Product => TargetKind::Product,
                    NodeKind::SourceSystem => TargetKind::SourceSystem,
                    NodeKind::Consumer => TargetKind::Consumer,
                };
                TargetRef { kind, id: node.id.to_string(), port: None, name: Some(node.name.clone()) }
            }
            Target::Port { product, output } => {
                let node = &self.graph[*product];
                TargetRef {
                    kind: TargetKind::Port,
                    id: node.id.to_string(),
                    port: node.outputs.get(*output).map(|output| output.port.to_string()),
                    name: Some(node.name.clone()),
                }
            }
            Target::Contract(id) => {
                TargetRef { kind: TargetKind::Contract, id: id.to_string(), port: None, name: None }
            }
        }
    }

    fn resolve_port(&self, text: &str) -> Result<Target, GraphError> {
        let (product_id, port) = text.split_once('/').unwrap_or((text, ""));
        let Some(&product) = self.products.get(product_id) else {
            return Err(GraphError::UnknownIdOfKind {
                kind: NodeKind::Product.as_str(),
                id: product_id.to_owned(),
                suggestions: suggest(product_id, self.products.keys().map(Id::as_str)),
            });
        };
        let outputs = &self.graph[product].outputs;
        match outputs.iter().position(|output| &*output.port == port) {
            Some(output) => Ok(Target::Port { product, output }),
            None => Err(GraphError::UnknownPort {
                product: product_id.to_owned(),
                port: port.to_owned(),
                ports: outputs.iter().map(|output| format!("{product_id}/{}", output.port)).collect(),
            }),
        }
    }

    /// Whether a contract id means something here: a document of the design, or cited by a port or an input.
    fn knows_contract(&self, id: &str) -> bool {
        self.contract_entry(id).is_some_and(super::ContractEntry::is_known)
    }

    fn known_contracts(&self) -> impl Iterator<Item = &Id> {
        self.contract_table.iter().filter(|entry| entry.is_known()).map(|entry| &entry.id)
    }

    fn unknown_contract(&self, id: &str) -> GraphError {
        GraphError::UnknownIdOfKind {
            kind: "contract",
            id: id.to_owned(),
            suggestions: suggest(id, self.known_contracts().map(Id::as_str)),
        }
    }

    fn all_ids(&self) -> impl Iterator<Item = &str> {
        self.products
            .keys()
            .chain(self.consumers.keys())
            .chain(self.source_systems.keys())
            .chain(self.known_contracts())
            .map(Id::as_str)
    }
}

/// The ids most like `text`, closest first. An id is compared whole and without its first segment (the domain,
/// by convention), so `order-management` finds `orders.order-management`.
fn suggest<'a>(text: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let text = text.to_ascii_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .filter_map(|candidate| {
            let lower = candidate.to_ascii_lowercase();
            let whole = strsim::normalized_damerau_levenshtein(&text, &lower);
            let without_domain =
                lower.split_once('.').map_or(0.0, |(_, rest)| strsim::normalized_damerau_levenshtein(&text, rest));
            let score = whole.max(without_domain);
            (score >= SUGGESTION_THRESHOLD).then_some((score, candidate))
        })
        .collect();
    scored.sort_by(|left, right| right.0.total_cmp(&left.0).then_with(|| left.1.cmp(right.1)));
    let best = scored.first().map_or(0.0, |(score, _)| *score);
    let mut suggestions: Vec<String> = Vec::new();
    for (score, candidate) in scored {
        if suggestions.len() == MAX_SUGGESTIONS || score < best - SUGGESTION_MARGIN {
            break;
        }
        if !suggestions.iter().any(|known| known == candidate) {
            suggestions.push(candidate.to_owned());
        }
    }
    suggestions
}
