//! ODCS documents of every 3.x version into the model, and the model out as ODCS v3.2.0 or v3.1.0.
//!
//! Reading normalises the v3.0 `team` array into the v3.1+ object (`team: {members: [...]}`); every other field
//! is kept as written, typed where the model types it and verbatim in `extra` otherwise.

use super::StandardsError;
use crate::mesh_as_code::odcs::OdcsDocument;
use crate::model::Contract;
use serde_json::{Map, Value};

pub const KIND: &str = "DataContract";

/// The ODCS versions Meshwright reads.
pub const READ_VERSIONS: [&str; 6] = ["v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0", "v3.2.0", "v3.1.1"];

/// The ODCS versions Meshwright writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OdcsVersion {
    #[value(name = "3.1.0")]
    V3_1_0,
    #[default]
    #[value(name = "3.2.0")]
    V3_2_0,
}

impl OdcsVersion {
    pub fn api_version(self) -> &'static str {
        match self {
            Self::V3_1_0 => "v3.1.0",
            Self::V3_2_0 => "v3.2.0",
        }
    }
}

/// Maps an ODCS document (any 3.x version) onto a contract.
pub fn read(mut value: Value) -> Result<Contract, String> {
    let Some(object) = value.as_object_mut() else {
        return Err("the document is not a mapping".to_owned());
    };
    normalise_team(object);
    object.remove("apiVersion");
    object.remove("kind");
    serde_json::from_value(value).map_err(|error| super::shape_message(&error))
}

/// ODCS v3.0's `team` was a list of members; v3.1 made it an object with `members`.
fn normalise_team(object: &mut Map<String, Value>) {
    if let Some(Value::Array(members)) = object.get("team") {
        let mut team = Map::new();
        team.insert("members".to_owned(), Value::Array(members.clone()));
        object.insert("team".to_owned(), Value::Object(team));
    }
}

/// The contract as an ODCS document of `version`. Every property carries a `logicalType` (the v3.2.0 schema
/// wrongly demands a `map` block where it is absent, bitol issue #322), inferred from its shape when the model
/// has none.
pub fn write(contract: &Contract, version: OdcsVersion) -> Result<String, StandardsError> {
    let mut document = OdcsDocument::from_contract(contract);
    version.api_version().clone_into(&mut document.api_version);
    for object in &mut document.contract.schema {
        for property in &mut object.properties {
            fill_logical_type(property);
        }
    }
    super::render(&document, &format!("contract {}", contract.id), "ODCS")
}

fn fill_logical_type(property: &mut crate::model::SchemaProperty) {
    if property.logical_type.is_none() {
        let inferred = if !property.properties.is_empty() {
            "object"
        } else if property.extra.contains_key("items") {
            "array"
        } else {
            "string"
        };
        property.logical_type = Some(inferred.to_owned());
    }
    for child in &mut property.properties {
        fill_logical_type(child);
    }
    if let Some(Value::Object(items)) = property.extra.get_mut("items")
        && !items.contains_key("logicalType")
    {
        let inferred = if items.contains_key("properties") { "object" } else { "string" };
        items.insert("logicalType".to_owned(), Value::String(inferred.to_owned()));
    }
}
