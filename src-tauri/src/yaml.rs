//! YAML in and out through serde-saphyr, with the parser options every Meshwright reader shares: YAML 1.2
//! booleans only, duplicate keys refused, and the crate's budget against alias bombs and runaway nesting.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The largest YAML document Meshwright reads; anything bigger is refused before parsing.
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// How many parser events the aliases of one document may replay in total (alias-bomb protection).
pub const MAX_REPLAYED_ALIAS_EVENTS: usize = 100_000;

/// A YAML document that could not be read or written, with the position when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

/// Parses one YAML document into `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(YamlError {
            line: None,
            column: None,
            message: format!(
                "the document is {} MB; Meshwright reads YAML documents of up to {} MB",
                text.len() / (1024 * 1024),
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
        });
    }
    // Tighter than the crate's defaults: an alias bomb is refused after 100,000 replayed events (well under a
    // second), far more than any real contract, product or design needs.
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_REPLAYED_ALIAS_EVENTS;
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        alias_limits: alias_limits,
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|error| {
        let location = error.location();
        YamlError {
            line: location.as_ref().map(|location| location.line()),
            column: location.as_ref().map(|location| location.column()),
            message: error.without_snippet().to_string(),
        }
    })
}

/// Writes `value` as YAML: block style, keys in the order the types declare them, so output is deterministic.
pub fn render<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_saphyr::to_string(value).map_err(|error| YamlError { line: None, column: None, message: error.to_string() })
}
