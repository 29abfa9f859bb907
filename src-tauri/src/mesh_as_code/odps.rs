//! The ODPS v1.0.0 document form of a data product, and its mapping onto the model. ODPS v1.0.0 has no field for
//! the archetype, the owning team's id or an input from a source system, so those travel as custom properties
//! (`archetype`, `ownerTeam`, and `sourceSystem: true` on an input port), as the standard intends.

use crate::model::{
    Archetype, Binding, CustomProperty, DataProduct, Extra, Id, InputPort, OutputPort, ProductDescription, Status,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const ODPS_VERSION: &str = "v1.0.0";
pub const ODPS_KIND: &str = "DataProduct";

const ARCHETYPE_PROPERTY: &str = "archetype";
const OWNER_TEAM_PROPERTY: &str = "ownerTeam";
const SOURCE_SYSTEM_PROPERTY: &str = "sourceSystem";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OdpsDocument {
    pub api_version: String,
    pub kind: String,
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<ProductDescription>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub input_ports: Vec<OdpsInputPort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub output_ports: Vec<OutputPort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OdpsInputPort {
    pub name: String,
    pub version: String,
    pub contract_id: Id,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Takes the custom property named `name` out of `properties`.
fn take_property(properties: &mut Vec<CustomProperty>, name: &str) -> Option<Value> {
    let index = properties.iter().position(|property| property.property == name)?;
    Some(properties.remove(index).value)
}

impl OdpsDocument {
    pub fn from_product(product: &DataProduct) -> Self {
        let mut custom_properties = Vec::with_capacity(product.custom_properties.len() + 2);
        if let Some(archetype) = product.archetype {
            custom_properties.push(CustomProperty::new(ARCHETYPE_PROPERTY, archetype.as_str()));
        }
        if let Some(team) = &product.owner_team {
            custom_properties.push(CustomProperty::new(OWNER_TEAM_PROPERTY, team.as_str()));
        }
        custom_properties.extend(product.custom_properties.iter().cloned());
        let description = product.description.clone();
        let is_empty = description == ProductDescription::default();
        Self {
            api_version: ODPS_VERSION.to_owned(),
            kind: ODPS_KIND.to_owned(),
            id: product.id.clone(),
            name: Some(product.name.clone()),
            version: product.version.clone(),
            status: product.status.clone(),
            domain: product.domain.as_ref().map(ToString::to_string),
            description: (!is_empty).then_some(description),
            tags: product.tags.clone(),
            input_ports: product.input_ports.iter().map(OdpsInputPort::from_port).collect(),
            output_ports: product.output_ports.clone(),
            custom_properties,
            extra: product.extra.clone(),
        }
    }

    /// The product this document describes. `domain` is the id the document's domain maps to (the caller
    /// decides, since a document written by another tool may name its domain in free text).
    pub fn into_product(mut self, domain: Option<Id>) -> DataProduct {
        let archetype = take_property(&mut self.custom_properties, ARCHETYPE_PROPERTY)
            .and_then(|value| value.as_str().and_then(Archetype::parse))
            .or_else(|| self.extra.get("type").and_then(Value::as_str).and_then(Archetype::parse));
        let owner_team = take_property(&mut self.custom_properties, OWNER_TEAM_PROPERTY)
            .and_then(|value| value.as_str().and_then(|text| Id::new(text).ok()));
        DataProduct {
            name: self.name.unwrap_or_else(|| self.id.to_string()),
            id: self.id,
            domain,
            archetype,
            status: self.status,
            version: self.version,
            description: self.description.unwrap_or_default(),
            tags: self.tags,
            owner_team,
            input_ports: self.input_ports.into_iter().map(OdpsInputPort::into_port).collect(),
            output_ports: self.output_ports,
            custom_properties: self.custom_properties,
            extra: self.extra,
        }
    }
}

impl OdpsInputPort {
    fn from_port(port: &InputPort) -> Self {
        let mut custom_properties = Vec::with_capacity(port.custom_properties.len() + 1);
        if matches!(port.source, Binding::SourceSystem { .. }) {
            custom_properties.push(CustomProperty::new(SOURCE_SYSTEM_PROPERTY, true));
        }
        custom_properties.extend(port.custom_properties.iter().cloned());
        Self {
            name: port.name.clone(),
            version: port.source.version().to_owned(),
            contract_id: port.source.target().clone(),
            tags: port.tags.clone(),
            custom_properties,
            extra: port.extra.clone(),
        }
    }

    fn into_port(mut self) -> InputPort {
        let from_source_system = take_property(&mut self.custom_properties, SOURCE_SYSTEM_PROPERTY)
            .is_some_and(|value| value.as_bool().unwrap_or(false));
        let source = if from_source_system {
            Binding::SourceSystem { source_system: self.contract_id, version: self.version }
        } else {
            Binding::Contract { contract_id: self.contract_id, version: self.version }
        };
        InputPort {
            name: self.name,
            source,
            tags: self.tags,
            custom_properties: self.custom_properties,
            extra: self.extra,
        }
    }
}
