//! What can go wrong when a graph query names something: an id the design does not have (with the closest ids it
//! does have), a port the product does not have, or a prefix that names no kind.

/// A query named something the graph cannot find.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    #[error("no product, consumer, source system or contract has the id `{id}`{}", did_you_mean(suggestions))]
    UnknownId { id: String, suggestions: Vec<String> },
    #[error("no {kind} has the id `{id}`{}", did_you_mean(suggestions))]
    UnknownIdOfKind { kind: &'static str, id: String, suggestions: Vec<String> },
    #[error("product `{product}` has no output port `{port}`; its output ports are: {}", list_or_none(ports))]
    UnknownPort { product: String, port: String, ports: Vec<String> },
    #[error("`{prefix}:` is not a kind of node; use product:, consumer:, source:, contract: or PRODUCT/PORT")]
    UnknownPrefix { prefix: String },
}

impl GraphError {
    /// The ids suggested in place of an unknown one, closest first.
    pub fn suggestions(&self) -> &[String] {
        match self {
            Self::UnknownId { suggestions, .. } | Self::UnknownIdOfKind { suggestions, .. } => suggestions,
            Self::UnknownPort { ports, .. } => ports,
            Self::UnknownPrefix { .. } => &[],
        }
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [only] => format!("; did you mean `{only}`?"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|id| format!("`{id}`")).collect();
            format!("; did you mean {} or `{last}`?", first.join(", "))
        }
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() { "(none)".to_owned() } else { items.join(", ") }
}
