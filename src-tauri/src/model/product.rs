//! Data products and their ports: what a domain publishes (output ports, each with a contract) and what it
//! consumes (input ports bound to another product's contract or to a source system).

use super::{CustomProperty, Extra, Id, Status};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// A data product: the unit of ownership, documentation and contract in a mesh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct DataProduct {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archetype: Option<Archetype>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default)]
    pub description: ProductDescription,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_team: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<InputPort>>", optional)]
    pub input_ports: Vec<InputPort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<OutputPort>>", optional)]
    pub output_ports: Vec<OutputPort>,
    /// Custom properties other than the ones the model reads (archetype, owner team).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CustomProperty>>", optional)]
    pub custom_properties: Vec<CustomProperty>,
    /// Every other ODPS field (`tenant`, `support`, `team`, `managementPorts`, …), kept as written.
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

impl DataProduct {
    /// A new product as a user starts one: a name, a domain, and everything else still to fill in.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            domain: None,
            archetype: None,
            status: Status::Proposed,
            version: None,
            description: ProductDescription::default(),
            tags: Vec::new(),
            owner_team: None,
            input_ports: Vec::new(),
            output_ports: Vec::new(),
            custom_properties: Vec::new(),
            extra: Extra::new(),
        }
    }
}

/// Why a product exists, what it cannot be used for, and how to use it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct ProductDescription {
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

/// The three product archetypes of data mesh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Archetype {
    /// Close to an operational system; reads source systems.
    #[serde(alias = "source-aligned", alias = "source_aligned")]
    SourceAligned,
    /// Combines other products.
    Aggregate,
    /// Shaped for one use case or consumer.
    #[serde(alias = "consumer-aligned", alias = "consumer_aligned")]
    ConsumerAligned,
}

impl Archetype {
    pub const ALL: [Archetype; 3] = [Self::SourceAligned, Self::Aggregate, Self::ConsumerAligned];

    /// The spelling of ODPS v1.1 `type` and of mesh as code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SourceAligned => "sourceAligned",
            Self::Aggregate => "aggregate",
            Self::ConsumerAligned => "consumerAligned",
        }
    }

    /// Reads the standard spelling and the common hyphenated or underscored variants.
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
            "sourcealigned" => Some(Self::SourceAligned),
            "aggregate" | "aggregated" => Some(Self::Aggregate),
            "consumeraligned" => Some(Self::ConsumerAligned),
            _ => None,
        }
    }
}

impl fmt::Display for Archetype {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Self::SourceAligned => "source-aligned",
            Self::Aggregate => "aggregate",
            Self::ConsumerAligned => "consumer-aligned",
        })
    }
}

/// A published interface of a product, specified by its contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct OutputPort {
    pub name: String,
    #[serde(default = "super::contract::default_version")]
    pub version: String,
    /// table, topic, api, file…
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub port_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The contract that specifies this port; `None` while it is being drafted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CustomProperty>>", optional)]
    pub custom_properties: Vec<CustomProperty>,
    /// `sbom`, `inputContracts`, `authoritativeDefinitions` and any other ODPS field, kept as written.
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// What a product consumes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct InputPort {
    pub name: String,
    pub source: Binding,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CustomProperty>>", optional)]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

/// The far end of a dependency: another product's output port (by its contract id and the version pinned), or
/// an operational source system.
///
/// Written as `{contractId, version}` or `{sourceSystem, version}`, the way mesh as code spells it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum Binding {
    Contract {
        contract_id: Id,
        version: String,
    },
    SourceSystem {
        source_system: Id,
        #[serde(default = "super::contract::default_version")]
        version: String,
    },
}

impl Binding {
    /// The id at the far end: a contract id or a source system id.
    pub fn target(&self) -> &Id {
        match self {
            Self::Contract { contract_id, .. } => contract_id,
            Self::SourceSystem { source_system, .. } => source_system,
        }
    }

    pub fn version(&self) -> &str {
        match self {
            Self::Contract { version, .. } | Self::SourceSystem { version, .. } => version,
        }
    }
}
