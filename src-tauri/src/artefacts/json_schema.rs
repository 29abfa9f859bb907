//! JSON Schema (draft 2020-12) of a contract's schema object, and a sample row it accepts. A property that is not
//! required may be null; unknown properties are allowed, because adding a property is not a breaking change.

use crate::model::{Contract, SchemaObject, SchemaProperty};
use serde_json::{Map, Value, json};

/// The schema's dialect.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Formats JSON Schema defines that ODCS `logicalTypeOptions.format` may name; others are left out.
const KNOWN_FORMATS: [&str; 12] = [
    "date",
    "date-time",
    "time",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "uuid",
    "regex",
];

/// The JSON Schema of one object of a contract: the shape of one row, record or message.
pub fn object_schema(contract: &Contract, object: &SchemaObject) -> Value {
    let mut schema = Map::new();
    schema.insert("$schema".to_owned(), json!(DRAFT_2020_12));
    schema.insert(
        "$id".to_owned(),
        json!(format!(
            "urn:meshwright:contract:{}:{}:{}",
            contract.id,
            crate::standards::export::safe_file_stem(&contract.version),
            crate::standards::export::safe_file_stem(&object.name)
        )),
    );
    schema.insert("title".to_owned(), json!(object.business_name.clone().unwrap_or_else(|| object.name.clone())));
    let mut description = object.description.clone().unwrap_or_default();
    let origin = format!("Object `{}` of contract `{}` version {}.", object.name, contract.id, contract.version);
    description = if description.is_empty() { origin } else { format!("{description} ({origin})") };
    schema.insert("description".to_owned(), json!(description));
    let (properties, required) = properties_schema(&object.properties);
    schema.insert("type".to_owned(), json!("object"));
    schema.insert("properties".to_owned(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".to_owned(), json!(required));
    }
    Value::Object(schema)
}

fn properties_schema(properties: &[SchemaProperty]) -> (Map<String, Value>, Vec<String>) {
    let mut map = Map::new();
    let mut required = Vec::new();
    for property in properties {
        map.insert(property.name.clone(), property_schema(property));
        if property.required || property.primary_key {
            required.push(property.name.clone());
        }
    }
    (map, required)
}

fn options(property: &SchemaProperty) -> Option<&Map<String, Value>> {
    property.extra.get("logicalTypeOptions").and_then(Value::as_object)
}

fn logical(property: &SchemaProperty) -> String {
    property.logical_type.as_deref().unwrap_or("string").to_ascii_lowercase()
}

/// The `items` of an array property, as ODCS writes it.
fn items(property: &SchemaProperty) -> Option<SchemaProperty> {
    property.extra.get("items").and_then(|items| serde_json::from_value(items.clone()).ok())
}

fn property_schema(property: &SchemaProperty) -> Value {
    let mut schema = Map::new();
    let options = options(property);
    let copy = |schema: &mut Map<String, Value>, keys: &[&str]| {
        for key in keys {
            if let Some(value) = options.and_then(|options| options.get(*key)) {
                schema.insert((*key).to_owned(), value.clone());
            }
        }
    };
    let json_type = match logical(property).as_str() {
        "string" => {
            copy(&mut schema, &["minLength", "maxLength", "pattern"]);
            if let Some(format) = options.and_then(|options| options.get("format")).and_then(Value::as_str)
                && KNOWN_FORMATS.contains(&format)
            {
                schema.insert("format".to_owned(), json!(format));
            }
            Some("string")
        }
        "date" => {
            schema.insert("format".to_owned(), json!("date"));
            Some("string")
        }
        "timestamp" => {
            schema.insert("format".to_owned(), json!("date-time"));
            Some("string")
        }
        "time" => {
            schema.insert("format".to_owned(), json!("time"));
            Some("string")
        }
        "integer" => {
            copy(&mut schema, &["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);
            Some("integer")
        }
        "number" => {
            copy(&mut schema, &["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);
            Some("number")
        }
        "boolean" => Some("boolean"),
        "object" => {
            let (properties, required) = properties_schema(&property.properties);
            if !properties.is_empty() {
                schema.insert("properties".to_owned(), Value::Object(properties));
            }
            if !required.is_empty() {
                schema.insert("required".to_owned(), json!(required));
            }
            Some("object")
        }
        "array" => {
            copy(&mut schema, &["minItems", "maxItems", "uniqueItems"]);
            if let Some(items) = items(property) {
                schema.insert("items".to_owned(), property_schema(&SchemaProperty { required: true, ..items }));
            }
            Some("array")
        }
        "map" => Some("object"),
        _ => None,
    };
    if let Some(json_type) = json_type {
        let nullable = !(property.required || property.primary_key);
        schema.insert("type".to_owned(), if nullable { json!([json_type, "null"]) } else { json!(json_type) });
    }
    if let Some(description) = &property.description {
        schema.insert("description".to_owned(), json!(description));
    }
    if !property.examples.is_empty() {
        schema.insert("examples".to_owned(), Value::Array(property.examples.clone()));
    }
    if let Some(classification) = &property.classification {
        schema.insert("x-classification".to_owned(), json!(classification));
    }
    let mut ordered = Map::new();
    for key in ["type", "format", "description"] {
        if let Some(value) = schema.remove(key) {
            ordered.insert(key.to_owned(), value);
        }
    }
    ordered.extend(schema);
    Value::Object(ordered)
}

/// A row of an object with a value for every property: the property's first example when it has the right JSON
/// type, otherwise a value made from the logical type and its options (minimum, maximum, lengths, format).
pub fn sample_row(object: &SchemaObject) -> Value {
    Value::Object(object.properties.iter().map(|property| (property.name.clone(), sample_value(property))).collect())
}

fn sample_value(property: &SchemaProperty) -> Value {
    let logical = logical(property);
    let fits = |value: &Value| match logical.as_str() {
        "string" | "date" | "timestamp" | "time" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" | "map" => value.is_object(),
        "array" => value.is_array(),
        _ => true,
    };
    if let Some(example) = property.examples.first().filter(|example| fits(example)) {
        return example.clone();
    }
    let option = |key: &str| options(property).and_then(|options| options.get(key)).and_then(Value::as_f64);
    match logical.as_str() {
        "date" => json!("2024-06-11"),
        "timestamp" => json!("2024-06-11T08:30:00Z"),
        "time" => json!("08:30:00"),
        "integer" => {
            let low = option("minimum").or(option("exclusiveMinimum").map(|value| value.floor() + 1.0)).unwrap_or(1.0);
            let high = option("maximum").unwrap_or(f64::MAX);
            json!(low.max(1.0).min(high).ceil() as i64)
        }
        "number" => {
            let low = option("minimum").unwrap_or(0.0);
            let high = option("maximum").unwrap_or(f64::MAX);
            json!((low + 0.5).min(high))
        }
        "boolean" => json!(true),
        "object" => {
            Value::Object(property.properties.iter().map(|inner| (inner.name.clone(), sample_value(inner))).collect())
        }
        "map" => json!({}),
        "array" => match items(property) {
            Some(items) => json!([sample_value(&items)]),
            None => json!([]),
        },
        _ => {
            let format = options(property).and_then(|options| options.get("format")).and_then(Value::as_str);
            let text = match format {
                Some("email") => "someone@example.com".to_owned(),
                Some("uuid") => "3f1c2b9e-8d4a-4c6b-9f1e-2a7d5c3b1e90".to_owned(),
                Some("uri") | Some("uri-reference") => "https://example.com/sample".to_owned(),
                Some("date") => "2024-06-11".to_owned(),
                Some("date-time") => "2024-06-11T08:30:00Z".to_owned(),
                _ => {
                    let min = option("minLength").unwrap_or(0.0) as usize;
                    let max = option("maxLength").map_or(usize::MAX, |max| max as usize);
                    let mut text = "sample".to_owned();
                    while text.len() < min {
                        text.push('x');
                    }
                    text.chars().take(max.max(1)).collect()
                }
            };
            json!(text)
        }
    }
}
