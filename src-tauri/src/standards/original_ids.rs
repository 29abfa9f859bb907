//! Ids written by other tools that the model's ids cannot hold (`urn:orders`, `sales orders`, 200 characters):
//! reading derives a valid model id and keeps the original in a custom property; the writers turn it back into
//! the document's id, so an import followed by an export is lossless.
//!
//! The original is put back only while the model id is still the one derived from it: a contract renamed in the
//! studio is written under its new id, and the old original stays visible as a custom property.

use crate::model::{CustomProperty, Id, MAX_ID_LEN};
use serde_json::{Map, Value};

/// The custom property that keeps a document's own `id`.
pub const ORIGINAL_ID: &str = "originalId";
/// The custom property of an ODPS port that keeps its own `contractId`.
pub const ORIGINAL_CONTRACT_ID: &str = "originalContractId";

/// The model id for `text`: `text` itself when it is a valid id; otherwise every character other than ASCII
/// letters, digits, `-` and `_` (dots included, so a URN does not read as a domain) becomes `-`, cut to the
/// longest id allowed. `unnamed` when nothing is left.
pub fn derive_id(text: &str) -> Id {
    if let Ok(id) = Id::new(text) {
        return id;
    }
    let derived: String = text
        .chars()
        .map(|character| if character.is_ascii_alphanumeric() || "-_".contains(character) { character } else { '-' })
        .take(MAX_ID_LEN)
        .collect();
    Id::new(derived).unwrap_or_else(|_| Id::untitled())
}

/// In a raw document object about to be read into the model: when the text at `key` is not a valid id, puts the
/// derived id there and appends the original to the object's `customProperties` as `property`.
pub fn adopt(object: &mut Map<String, Value>, key: &str, property: &str) {
    let Some(Value::String(text)) = object.get(key) else { return };
    if Id::new(text.as_str()).is_ok() {
        return;
    }
    let original = text.clone();
    object.insert(key.to_owned(), Value::String(derive_id(&original).to_string()));
    let entry = serde_json::json!({ "property": property, "value": original });
    match object.get_mut("customProperties") {
        Some(Value::Array(properties)) => properties.push(entry),
        // A `customProperties` that is not a list is the reader's to report; the original then stays unsaved
        // only because the document cannot be read at all.
        Some(_) => {}
        None => {
            object.insert("customProperties".to_owned(), Value::Array(vec![entry]));
        }
    }
}

/// The original id kept for `id` in `properties`, if `id` is still the one derived from it, and the properties
/// without that entry. Writers call it on the model's custom properties before they serialise.
pub fn take_original(id: &Id, properties: &mut Vec<CustomProperty>, property: &str) -> Option<String> {
    let index = properties.iter().position(|entry| {
        entry.property == property && entry.value.as_str().is_some_and(|original| derive_id(original) == *id)
    })?;
    match properties.remove(index).value {
        Value::String(original) => Some(original),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids_stay_and_others_become_safe() {
        assert_eq!(derive_id("53581432-6c55-4ba2-a65f-72344a91553a").as_str(), "53581432-6c55-4ba2-a65f-72344a91553a");
        assert_eq!(derive_id("urn:orders-latest-nested").as_str(), "urn-orders-latest-nested");
        assert_eq!(derive_id("sales orders/v1.2").as_str(), "sales-orders-v1-2");
        assert_eq!(derive_id(&"x".repeat(300)).as_str().len(), MAX_ID_LEN);
        assert_eq!(derive_id("").as_str(), "untitled");
    }

    #[test]
    fn adopting_then_taking_gives_the_original_back() {
        let mut object = Map::new();
        object.insert("id".to_owned(), Value::String("urn:acme:orders".to_owned()));
        adopt(&mut object, "id", ORIGINAL_ID);
        assert_eq!(object.get("id"), Some(&Value::String("urn-acme-orders".to_owned())));
        let mut properties: Vec<CustomProperty> =
            serde_json::from_value(object.get("customProperties").cloned().unwrap_or_default()).unwrap_or_default();
        let id = derive_id("urn:acme:orders");
        assert_eq!(take_original(&id, &mut properties, ORIGINAL_ID).as_deref(), Some("urn:acme:orders"));
        assert!(properties.is_empty());
    }

    #[test]
    fn a_renamed_id_keeps_the_old_original_as_a_custom_property() {
        let mut properties = vec![CustomProperty::new(ORIGINAL_ID, "urn:acme:orders")];
        let renamed = derive_id("sales.orders");
        assert_eq!(take_original(&renamed, &mut properties, ORIGINAL_ID), None);
        assert_eq!(properties.len(), 1);
    }
}
