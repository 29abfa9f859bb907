//! ODCS documents of every 3.x version into the model, and the model out as ODCS v3.2.0 or v3.1.0.
//!
//! Reading normalises the v3.0 `team` array into the v3.1+ object (`team: {members: [...]}`), puts back the
//! v3.2.0 fields a v3.1.0 export carried (`odcs_v3_1`), and derives a model id from an `id` the model cannot hold
//! (`original_ids`); every other field is kept as written, typed where the model types it and verbatim in `extra`
//! otherwise. Writing v3.1.0 moves what v3.2.0 added into that carrier, so the output validates against the
//! official v3.1.0 schema.

use super::StandardsError;
use super::odcs_v3_1;
use super::original_ids::{self, ORIGINAL_ID};
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
    odcs_v3_1::restore(object);
    original_ids::adopt(object, "id", ORIGINAL_ID);
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

/// The contract as an ODCS document of `version`, under the document's original id when it came with one the
/// model could not hold. Every property carries a `logicalType` (the v3.2.0 schema wrongly demands a `map` block
/// where it is absent, bitol issue #322), inferred from its shape when the model has none.
pub fn write(contract: &Contract, version: OdcsVersion) -> Result<String, StandardsError> {
    let what = format!("contract {}", contract.id);
    let mut document = OdcsDocument::from_contract(contract);
    version.api_version().clone_into(&mut document.api_version);
    let original_id = original_ids::take_original(&contract.id, &mut document.contract.custom_properties, ORIGINAL_ID);
    for object in &mut document.contract.schema {
        for property in &mut object.properties {
            fill_logical_type(property);
        }
    }
    let mut value = super::to_document_value(&document, &what, "ODCS")?;
    if let Value::Object(root) = &mut value {
        if let Some(original_id) = original_id {
            root.insert("id".to_owned(), Value::String(original_id));
        }
        if version == OdcsVersion::V3_1_0 {
            odcs_v3_1::downgrade(root);
        }
    }
    super::render(&value, &what, "ODCS")
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
