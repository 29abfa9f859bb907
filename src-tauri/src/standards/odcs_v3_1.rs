//! ODCS v3.1.0 from a contract shaped after v3.2.0, and back. What v3.2.0 added and v3.1.0 has no place for is
//! moved, at the level where it stood, into one custom property named [`CARRIER`]; reading a document puts it
//! back, so v3.2.0 → v3.1.0 → v3.2.0 loses nothing, and a v3.1.0 reader still sees a valid document.
//!
//! Moved, checked against the two official schemas: `context` (contract and schema objects), `synonyms` (schema
//! objects and properties), `semanticType` and `enum` (properties), a `map` property (written as `logicalType:
//! object`, its `map` block and `logicalTypeOptions` carried), Athena's `workgroup`; and, as whole lists, the
//! `relationships` of an element with a reference v3.1.0's patterns refuse (`schema.table.column`), and the
//! `servers` when an Athena server lacks the `stagingDir` v3.1.0 requires. The v3.1.0 document keeps the
//! relationships and servers it can express.

use serde_json::{Map, Value};

/// The custom property that carries v3.2.0 fields through a v3.1.0 document.
pub const CARRIER: &str = "odcsV32";
const CARRIER_NOTE: &str =
    "ODCS v3.2.0 fields that v3.1.0 has no place for; Meshwright puts them back when it reads this document.";

/// Fields of a schema object or property that v3.1.0 lacks.
const ELEMENT_FIELDS: [&str; 4] = ["context", "synonyms", "semanticType", "enum"];

/// Rewrites a serialised v3.2.0 document (with `apiVersion` already set) into v3.1.0's shape.
pub fn downgrade(root: &mut Map<String, Value>) {
    let mut carried = Map::new();
    move_field(root, "context", &mut carried);
    if let Some(Value::Array(servers)) = root.get_mut("servers") {
        if !servers.iter().all(server_fits) {
            carried.insert("servers".to_owned(), Value::Array(servers.clone()));
            servers.retain(server_fits);
        }
        for server in servers.iter_mut().filter_map(Value::as_object_mut) {
            let mut server_carried = Map::new();
            move_field(server, "workgroup", &mut server_carried);
            attach(server, server_carried);
        }
    }
    if root.get("servers").and_then(Value::as_array).is_some_and(Vec::is_empty) {
        root.shift_remove("servers");
    }
    if let Some(Value::Array(objects)) = root.get_mut("schema") {
        objects.iter_mut().filter_map(Value::as_object_mut).for_each(downgrade_element);
    }
    attach(root, carried);
}

/// Puts carried v3.2.0 fields back where they were, in a raw document of any version about to be read.
pub fn restore(root: &mut Map<String, Value>) {
    detach(root);
    if let Some(Value::Array(servers)) = root.get_mut("servers") {
        servers.iter_mut().filter_map(Value::as_object_mut).for_each(detach);
    }
    if let Some(Value::Array(objects)) = root.get_mut("schema") {
        objects.iter_mut().filter_map(Value::as_object_mut).for_each(restore_element);
    }
}

fn downgrade_element(element: &mut Map<String, Value>) {
    let mut carried = Map::new();
    for key in ELEMENT_FIELDS {
        move_field(element, key, &mut carried);
    }
    if element.get("logicalType").and_then(Value::as_str) == Some("map") {
        // Overwritten in place, so the field keeps its position in the written document.
        carried.insert("logicalType".to_owned(), Value::String("map".to_owned()));
        element.insert("logicalType".to_owned(), Value::String("object".to_owned()));
        move_field(element, "map", &mut carried);
        move_field(element, "logicalTypeOptions", &mut carried);
    }
    if let Some(Value::Array(relationships)) = element.get_mut("relationships")
        && !relationships.iter().all(relationship_fits)
    {
        carried.insert("relationships".to_owned(), Value::Array(relationships.clone()));
        relationships.retain(relationship_fits);
        if relationships.is_empty() {
            element.shift_remove("relationships");
        }
    }
    for child in children(element) {
        downgrade_element(child);
    }
    attach(element, carried);
}

fn restore_element(element: &mut Map<String, Value>) {
    detach(element);
    for child in children(element) {
        restore_element(child);
    }
}

/// The nested properties of a schema object or property: `properties[]` and an array's `items`.
fn children(element: &mut Map<String, Value>) -> Vec<&mut Map<String, Value>> {
    let mut children = Vec::new();
    for (key, value) in element.iter_mut() {
        match (key.as_str(), value) {
            ("properties", Value::Array(properties)) => {
                children.extend(properties.iter_mut().filter_map(Value::as_object_mut));
            }
            ("items", Value::Object(items)) => children.push(items),
            _ => {}
        }
    }
    children
}

fn move_field(from: &mut Map<String, Value>, key: &str, to: &mut Map<String, Value>) {
    if let Some(value) = from.shift_remove(key) {
        to.insert(key.to_owned(), value);
    }
}

/// Appends the carrier to the element's custom properties, when there is anything to carry.
fn attach(element: &mut Map<String, Value>, carried: Map<String, Value>) {
    if carried.is_empty() {
        return;
    }
    let entry = serde_json::json!({ "property": CARRIER, "value": carried, "description": CARRIER_NOTE });
    match element.get_mut("customProperties") {
        Some(Value::Array(properties)) => properties.push(entry),
        _ => {
            element.insert("customProperties".to_owned(), Value::Array(vec![entry]));
        }
    }
}

/// Takes the carrier out of the element's custom properties and puts its fields back, over what stands there.
fn detach(element: &mut Map<String, Value>) {
    let Some(Value::Array(properties)) = element.get_mut("customProperties") else { return };
    let Some(index) = properties.iter().position(|entry| {
        entry.get("property").and_then(Value::as_str) == Some(CARRIER)
            && entry.get("value").is_some_and(Value::is_object)
    }) else {
        return;
    };
    let entry = properties.remove(index);
    if properties.is_empty() {
        element.shift_remove("customProperties");
    }
    if let Some(Value::Object(carried)) = entry.get("value") {
        for (key, value) in carried {
            element.insert(key.clone(), value.clone());
        }
    }
}

/// v3.1.0 requires `stagingDir` on an Athena server; v3.2.0 made it optional.
fn server_fits(server: &Value) -> bool {
    server.get("type").and_then(Value::as_str) != Some("athena") || server.get("stagingDir").is_some()
}

/// Whether every `from` and `to` of a relationship is a reference v3.1.0's patterns accept.
fn relationship_fits(relationship: &Value) -> bool {
    ["from", "to"].iter().all(|key| match relationship.get(*key) {
        None => true,
        Some(Value::String(reference)) => reference_fits(reference),
        Some(Value::Array(references)) => {
            references.iter().all(|reference| reference.as_str().is_some_and(reference_fits))
        }
        Some(_) => true,
    })
}

/// v3.1.0's `ShorthandReference` (`table.column`, exactly one dot) or `FullyQualifiedReference`
/// (`[file.yaml#]/schema/id/properties/id`). v3.2.0 also accepts longer shorthands (`schema.table.column`).
fn reference_fits(reference: &str) -> bool {
    if let Some((table, column)) = reference.split_once('.')
        && is_identifier(table)
        && is_identifier(column)
    {
        return true;
    }
    let path = match reference.split_once(".yaml#") {
        Some((file, path)) => {
            let file = file.strip_prefix("https://").or_else(|| file.strip_prefix("http://")).unwrap_or(file);
            if file.is_empty() || !file.chars().all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c)) {
                return false;
            }
            path
        }
        None => reference,
    };
    let segments: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    // An odd number of segments leaves a last chunk of one, which matches no pair.
    segments.chunks(2).all(|pair| match pair {
        [section, id] => {
            is_identifier(section)
                && !id.is_empty()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        }
        _ => false,
    })
}

fn is_identifier(text: &str) -> bool {
    let mut characters = text.chars();
    characters.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && characters.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_follow_the_v3_1_patterns() {
        assert!(reference_fits("orders.order_id"));
        assert!(reference_fits("schema/orders/properties/order_id"));
        assert!(reference_fits("https://example.com/c.yaml#/schema/orders/properties/id"));
        assert!(!reference_fits("sales.orders.order_id"));
        assert!(!reference_fits("orders"));
    }

    #[test]
    fn a_map_property_round_trips_through_v3_1() {
        let original = serde_json::json!({
            "schema": [{ "name": "t", "properties": [{
                "name": "attributes", "logicalType": "map", "semanticType": "dimension",
                "map": { "key": { "logicalType": "string" }, "value": { "logicalType": "integer" } }
            }]}]
        });
        let mut document = original.as_object().cloned().unwrap_or_default();
        downgrade(&mut document);
        let property = &document["schema"][0]["properties"][0];
        assert_eq!(property["logicalType"], "object");
        assert!(property.get("map").is_none() && property.get("semanticType").is_none());
        restore(&mut document);
        assert_eq!(Value::Object(document), original);
    }
}
