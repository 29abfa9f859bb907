//! The open standards in and out: ODCS (data contracts, v3.0.0–v3.2.0), ODPS (data products, v0.9.0–v1.1.0) and
//! DCS (the Data Contract Specification 1.1/1.2, read for migration and written on request). Detection from the
//! header, readers that normalise every version into the model, writers per target version, validation with the
//! exact place of every problem, and a breaking-change diff of two contract versions.

pub mod dcs;
pub mod diff;
mod error;
pub mod export;
pub mod odcs;
pub mod odcs_v3_1;
pub mod odps;
pub mod original_ids;
pub mod source;
pub mod validate;

pub use error::StandardsError;
pub use source::{LocatedDocument, TextPosition};

use crate::model::{Contract, DataProduct};
use serde::Serialize;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// The three standards Meshwright reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standard {
    /// Open Data Contract Standard.
    Odcs,
    /// Open Data Product Standard.
    Odps,
    /// Data Contract Specification (datacontract.com), superseded by ODCS.
    Dcs,
}

impl Standard {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Odcs => "ODCS",
            Self::Odps => "ODPS",
            Self::Dcs => "DCS",
        }
    }
}

impl fmt::Display for Standard {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// The standard and version a document declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detected {
    pub standard: Standard,
    /// As written in the document (`v3.1.0`, `1.2.0`), empty when it names none.
    pub version: String,
}

/// Which standard a parsed document follows, from `kind`/`apiVersion` (ODCS, ODPS) or
/// `dataContractSpecification` (DCS). `None` when it is none of them.
pub fn detect(value: &Value) -> Option<Detected> {
    let object = value.as_object()?;
    let text = |key: &str| match object.get(key) {
        Some(Value::String(text)) => Some(text.clone()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    if object.contains_key("dataContractSpecification") {
        let version = text("dataContractSpecification").unwrap_or_default();
        return Some(Detected { standard: Standard::Dcs, version });
    }
    let version = text("apiVersion").unwrap_or_default();
    match object.get("kind").and_then(Value::as_str) {
        Some(odcs::KIND) => Some(Detected { standard: Standard::Odcs, version }),
        Some(odps::KIND) => Some(Detected { standard: Standard::Odps, version }),
        // A document with an ODCS or ODPS version but a wrong or missing kind is still recognisably meant as
        // one; validation then says what is wrong with its kind.
        _ if version.starts_with("v3.") || version.starts_with("v4.") => {
            Some(Detected { standard: Standard::Odcs, version })
        }
        _ if (version.starts_with("v0.") || version.starts_with("v1.")) && object.contains_key("outputPorts") => {
            Some(Detected { standard: Standard::Odps, version })
        }
        _ => None,
    }
}

/// A document read into the model.
#[derive(Debug, Clone, PartialEq)]
pub enum StandardDocument {
    Contract { detected: Detected, contract: Box<Contract> },
    Product { detected: Detected, product: Box<DataProduct> },
}

impl StandardDocument {
    pub fn detected(&self) -> &Detected {
        match self {
            Self::Contract { detected, .. } | Self::Product { detected, .. } => detected,
        }
    }
}

/// Reads a file in any supported standard and version into the model.
pub fn read_file(path: &Path) -> Result<StandardDocument, StandardsError> {
    let text = source::read_text(path)?;
    read_str(&text, path)
}

/// Reads YAML text in any supported standard and version; `path` names the document in errors.
pub fn read_str(text: &str, path: &Path) -> Result<StandardDocument, StandardsError> {
    let value: Value = crate::yaml::parse(text).map_err(|error| StandardsError::yaml(path, error))?;
    read_value(value, path)
}

/// Maps an already parsed document onto the model.
pub fn read_value(value: Value, path: &Path) -> Result<StandardDocument, StandardsError> {
    let detected = detect(&value).ok_or_else(|| StandardsError::Unrecognised { path: path.to_path_buf() })?;
    let shape =
        |standard: &'static str, message: String| StandardsError::Shape { path: path.to_path_buf(), standard, message };
    match detected.standard {
        Standard::Odcs => {
            let contract = odcs::read(value).map_err(|message| shape("ODCS", message))?;
            Ok(StandardDocument::Contract { detected, contract: Box::new(contract) })
        }
        Standard::Dcs => {
            let contract = dcs::read(value).map_err(|message| shape("DCS", message))?;
            Ok(StandardDocument::Contract { detected, contract: Box::new(contract) })
        }
        Standard::Odps => {
            let product = odps::read(value).map_err(|message| shape("ODPS", message))?;
            Ok(StandardDocument::Product { detected, product: Box::new(product) })
        }
    }
}

/// Renders any serializable document as YAML, for the writers.
fn render(value: &impl Serialize, what: &str, standard: &'static str) -> Result<String, StandardsError> {
    crate::yaml::render(value).map_err(|error| StandardsError::Write {
        what: what.to_owned(),
        standard,
        message: error.message,
    })
}

/// Serialises a document to a JSON value, for writers that adjust it before rendering.
fn to_document_value(value: &impl Serialize, what: &str, standard: &'static str) -> Result<Value, StandardsError> {
    serde_json::to_value(value).map_err(|error| StandardsError::Write {
        what: what.to_owned(),
        standard,
        message: error.to_string(),
    })
}

/// Turns a serde error's text into a sentence that names the field when serde does.
fn shape_message(error: &serde_json::Error) -> String {
    error.to_string()
}
