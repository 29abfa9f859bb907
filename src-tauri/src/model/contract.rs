//! The data contract of an output port, shaped after ODCS v3 so that the standard's documents map onto it field
//! for field. Fields the studio edits are typed; every other field of the standard is kept verbatim in `extra`,
//! so nothing a document says is lost on a round trip.

use super::{Extra, Id, Status};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// An ODCS-level data contract: schema, quality, SLA, servers, support, terms and custom properties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Contract {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default = "default_version")]
    pub version: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Purpose, limitations and usage: ODCS v3's place for the contract's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<ContractDescription>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<SchemaObject>>", optional)]
    pub schema: Vec<SchemaObject>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<SlaProperty>>", optional)]
    pub sla_properties: Vec<SlaProperty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Server>>", optional)]
    pub servers: Vec<Server>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<SupportChannel>>", optional)]
    pub support: Vec<SupportChannel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CustomProperty>>", optional)]
    pub custom_properties: Vec<CustomProperty>,
    /// Every other field of the standard (`team`, `roles`, `price`, `authoritativeDefinitions`, …), kept as written.
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

pub(crate) fn default_version() -> String {
    "1.0.0".to_owned()
}

impl Contract {
    /// An empty contract with the given id, as a user starts one in the studio.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            name: None,
            version: default_version(),
            status: Status::default(),
            domain: None,
            description: None,
            tags: Vec::new(),
            schema: Vec::new(),
            sla_properties: Vec::new(),
            servers: Vec::new(),
            support: Vec::new(),
            custom_properties: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The number of properties at every level of every schema object.
    pub fn property_count(&self) -> usize {
        fn count(properties: &[SchemaProperty]) -> usize {
            properties.iter().map(|p| 1 + count(&p.properties)).sum()
        }
        self.schema.iter().map(|object| count(&object.properties)).sum()
    }

    /// Gives back the spare capacity decoding leaves in the lists (a list grows by doubling while it is read):
    /// a loaded 10,000-product design holds a quarter of a million properties, so this is tens of megabytes.
    pub fn shrink_to_fit(&mut self) {
        fn shrink(properties: &mut Vec<SchemaProperty>) {
            properties.shrink_to_fit();
            for property in properties.iter_mut() {
                property.examples.shrink_to_fit();
                property.tags.shrink_to_fit();
                property.quality.shrink_to_fit();
                shrink(&mut property.properties);
            }
        }
        self.schema.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.sla_properties.shrink_to_fit();
        for object in &mut self.schema {
            object.quality.shrink_to_fit();
            shrink(&mut object.properties);
        }
    }
}

/// Purpose, limitations and usage of a contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct ContractDescription {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limitations: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// A table, topic, document or other object described by the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct SchemaObject {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<SchemaProperty>>", optional)]
    pub properties: Vec<SchemaProperty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<QualityRule>>", optional)]
    pub quality: Vec<QualityRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CustomProperty>>", optional)]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// A column or field of a schema object; objects and arrays nest further properties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct SchemaProperty {
    pub name: String,
    /// ODCS logical type: string, date, timestamp, time, number, integer, object, array, boolean (+ map, vector).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub unique: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub primary_key: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key_position: Option<i64>,
    /// Sensitivity: public, internal, restricted, confidential, sensitive, pii.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Value>>", optional)]
    pub examples: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<SchemaProperty>>", optional)]
    pub properties: Vec<SchemaProperty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<QualityRule>>", optional)]
    pub quality: Vec<QualityRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CustomProperty>>", optional)]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

impl SchemaObject {
    /// An object (table, topic, document) with a name and nothing else yet.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            logical_type: Some("object".to_owned()),
            physical_type: None,
            physical_name: None,
            business_name: None,
            description: None,
            tags: Vec::new(),
            properties: Vec::new(),
            quality: Vec::new(),
            custom_properties: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl SchemaProperty {
    /// A property with a name and a logical type and nothing else.
    pub fn new(name: impl Into<String>, logical_type: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            logical_type: Some(logical_type.into()),
            physical_type: None,
            physical_name: None,
            business_name: None,
            description: None,
            required: false,
            unique: false,
            primary_key: false,
            primary_key_position: None,
            classification: None,
            examples: Vec::new(),
            tags: Vec::new(),
            properties: Vec::new(),
            quality: Vec::new(),
            custom_properties: Vec::new(),
            extra: Extra::new(),
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A data quality rule on a schema object or property (ODCS types: text, library, sql, custom).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct QualityRule {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub rule_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    /// Operators (`mustBe`, `mustBeGreaterThan`, …), arguments, schedules and every other field of the rule.
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// A service-level property such as latency, frequency, availability or retention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct SlaProperty {
    pub property: String,
    #[serde(default)]
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// Where the data is served: a database, a warehouse, a topic, a bucket…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Server {
    pub server: String,
    #[serde(rename = "type")]
    pub server_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
    /// Connection fields that depend on the server type (host, port, database, topic, …).
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// A support channel: where consumers ask questions and hear about changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct SupportChannel {
    pub channel: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// A key/value pair for whatever the standard has no field for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct CustomProperty {
    pub property: String,
    #[serde(default)]
    pub value: Value,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

impl CustomProperty {
    pub fn new(property: impl Into<String>, value: impl Into<Value>) -> Self {
        Self { property: property.into(), value: value.into(), extra: Extra::new() }
    }
}
