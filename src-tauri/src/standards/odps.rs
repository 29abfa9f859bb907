//! ODPS documents (v0.9.0 to v1.1.0) into the model, and the model out as ODPS v1.0.0 (the archetype in
//! `customProperties`) or v1.1.0 (the archetype as the product's `type`).

use super::StandardsError;
use super::original_ids::{self, ORIGINAL_CONTRACT_ID, ORIGINAL_ID};
use crate::mesh_as_code::odps::OdpsDocument;
use crate::model::{Archetype, DataProduct, Id};
use serde_json::Value;

pub const KIND: &str = "DataProduct";

/// The ODPS versions Meshwright reads.
pub const READ_VERSIONS: [&str; 4] = ["v0.9.0", "v1.0.0", "v1.1.0", "v1.0.1"];

/// The ODPS versions Meshwright writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OdpsVersion {
    #[default]
    #[value(name = "1.0.0")]
    V1_0_0,
    #[value(name = "1.1.0")]
    V1_1_0,
}

impl OdpsVersion {
    pub fn api_version(self) -> &'static str {
        match self {
            Self::V1_0_0 => "v1.0.0",
            Self::V1_1_0 => "v1.1.0",
        }
    }
}

/// Maps an ODPS document (any supported version) onto a product. A `domain` that is not usable as an id is kept
/// as written (in `extra`) rather than dropped; an `id` or port `contractId` the model cannot hold becomes a
/// derived id, the original kept in a custom property (`original_ids`).
pub fn read(mut value: Value) -> Result<DataProduct, String> {
    if let Value::Object(root) = &mut value {
        original_ids::adopt(root, "id", ORIGINAL_ID);
        for key in ["inputPorts", "outputPorts"] {
            if let Some(Value::Array(ports)) = root.get_mut(key) {
                for port in ports.iter_mut().filter_map(Value::as_object_mut) {
                    original_ids::adopt(port, "contractId", ORIGINAL_CONTRACT_ID);
                }
            }
        }
    }
    let mut document: OdpsDocument = serde_json::from_value(value).map_err(|error| super::shape_message(&error))?;
    let domain = document.domain.take();
    let domain_id = domain.as_deref().and_then(|text| Id::new(text).ok());
    if domain_id.is_none()
        && let Some(text) = domain
    {
        document.extra.insert("domain".to_owned(), Value::String(text));
    }
    // v1.1.0 names the archetype in `type`; the model holds it as the archetype, so it is not kept twice.
    let typed_archetype = document.extra.get("type").and_then(Value::as_str).and_then(Archetype::parse);
    let mut product = document.into_product(domain_id);
    if typed_archetype.is_some() {
        product.extra.remove("type");
        product.archetype = product.archetype.or(typed_archetype);
    }
    Ok(product)
}

/// The product as an ODPS document of `version`, under the original ids it was read with (`original_ids`).
pub fn write(product: &DataProduct, version: OdpsVersion) -> Result<String, StandardsError> {
    let what = format!("product {}", product.id);
    let mut document = OdpsDocument::from_product(product);
    version.api_version().clone_into(&mut document.api_version);
    if version == OdpsVersion::V1_1_0
        && let Some(archetype) = product.archetype
    {
        document.custom_properties.retain(|property| property.property != "archetype");
        document.extra.insert("type".to_owned(), Value::String(archetype.as_str().to_owned()));
    }
    let original_id = original_ids::take_original(&document.id, &mut document.custom_properties, ORIGINAL_ID);
    let original_inputs: Vec<Option<String>> = document
        .input_ports
        .iter_mut()
        .map(|port| original_ids::take_original(&port.contract_id, &mut port.custom_properties, ORIGINAL_CONTRACT_ID))
        .collect();
    let original_outputs: Vec<Option<String>> = document
        .output_ports
        .iter_mut()
        .map(|port| {
            let contract_id = port.contract_id.clone()?;
            original_ids::take_original(&contract_id, &mut port.custom_properties, ORIGINAL_CONTRACT_ID)
        })
        .collect();
    let mut value = super::to_document_value(&document, &what, "ODPS")?;
    if let Value::Object(root) = &mut value {
        if let Some(original_id) = original_id {
            root.insert("id".to_owned(), Value::String(original_id));
        }
        for (key, originals) in [("inputPorts", original_inputs), ("outputPorts", original_outputs)] {
            if let Some(Value::Array(ports)) = root.get_mut(key) {
                for (port, original) in ports.iter_mut().zip(originals) {
                    if let (Value::Object(port), Some(original)) = (port, original) {
                        port.insert("contractId".to_owned(), Value::String(original));
                    }
                }
            }
        }
    }
    super::render(&value, &what, "ODPS")
}
