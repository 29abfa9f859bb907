//! The Data Contract Specification (datacontract.com, 0.9.x–1.2.x, superseded by ODCS) into the model for
//! migration, and the model out as DCS 1.2.1 on request.
//!
//! DCS names models and fields by mapping key where ODCS lists them; both map onto the model's schema objects and
//! properties. Whatever DCS says that the model has no typed field for (`info.contact`, `terms.policies`,
//! `servicelevels`, a field's `type`, `format`, `pii`, `$ref`, …) is kept verbatim in a custom property named
//! `dcs` at the same level, which every ODCS reader accepts, and which the DCS writer puts back where it was.

use super::StandardsError;
use super::original_ids::{self, ORIGINAL_ID};
use crate::model::{
    Contract, ContractDescription, CustomProperty, Extra, QualityRule, SchemaObject, SchemaProperty, Server, Status,
};
use serde::Serialize;
use serde_json::{Map, Value};

/// The DCS version Meshwright writes.
pub const WRITE_VERSION: &str = "1.2.1";
/// The name of the custom property that carries DCS fields the model has no place for.
pub const CARRIER: &str = "dcs";

/// Maps a DCS document onto a contract.
pub fn read(value: Value) -> Result<Contract, String> {
    let Value::Object(mut root) = value else {
        return Err("the document is not a mapping".to_owned());
    };
    root.remove("dataContractSpecification");
    // DCS ids are often URNs (`urn:orders`); the model's ids are path-safe, so such an id is made safe and the
    // original kept for the writers (`original_ids`), which write it back, in DCS and in ODCS alike.
    let Some(Value::String(text)) = root.remove("id") else {
        return Err("`id` is missing or not text".to_owned());
    };
    let mut contract = Contract::new(original_ids::derive_id(&text));
    if contract.id.as_str() != text {
        contract.custom_properties.push(CustomProperty::new(ORIGINAL_ID, text));
    }
    let mut info = take_object(&mut root, "info")?;
    contract.name = take_string(&mut info, "title");
    if let Some(version) = take_string(&mut info, "version") {
        contract.version = version;
    }
    if let Some(status) = take_string(&mut info, "status") {
        contract.status = Status::from(status);
    }
    let mut description = ContractDescription { purpose: take_string(&mut info, "description"), ..Default::default() };
    let mut terms = take_object(&mut root, "terms")?;
    description.usage = take_string(&mut terms, "usage");
    description.limitations = take_string(&mut terms, "limitations");
    if description != ContractDescription::default() {
        contract.description = Some(description);
    }
    contract.tags = take_strings(&mut root, "tags");
    if let Some(Value::Object(servers)) = root.remove("servers") {
        for (name, server) in servers {
            contract.servers.push(read_server(name, server)?);
        }
    }
    if let Some(Value::Object(models)) = root.remove("models") {
        for (name, model) in models {
            contract.schema.push(read_model(name, model)?);
        }
    }
    if !info.is_empty() {
        root.insert("info".to_owned(), Value::Object(info));
    }
    if !terms.is_empty() {
        root.insert("terms".to_owned(), Value::Object(terms));
    }
    carry(&mut contract.custom_properties, root);
    Ok(contract)
}

fn take_object(object: &mut Map<String, Value>, key: &str) -> Result<Map<String, Value>, String> {
    match object.remove(key) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(inner)) => Ok(inner),
        Some(_) => Err(format!("`{key}` must be a mapping")),
    }
}

fn take_string(object: &mut Map<String, Value>, key: &str) -> Option<String> {
    match object.remove(key) {
        Some(Value::String(text)) => Some(text),
        Some(other) => {
            object.insert(key.to_owned(), other);
            None
        }
        None => None,
    }
}

fn take_bool(object: &mut Map<String, Value>, key: &str) -> bool {
    match object.remove(key) {
        Some(Value::Bool(value)) => value,
        Some(other) => {
            object.insert(key.to_owned(), other);
            false
        }
        None => false,
    }
}

fn take_strings(object: &mut Map<String, Value>, key: &str) -> Vec<String> {
    match object.remove(key) {
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            items.into_iter().filter_map(|item| item.as_str().map(str::to_owned)).collect()
        }
        Some(other) => {
            object.insert(key.to_owned(), other);
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn take_quality(object: &mut Map<String, Value>) -> Vec<QualityRule> {
    match object.remove("quality") {
        Some(Value::Array(rules)) => match serde_json::from_value::<Vec<QualityRule>>(Value::Array(rules.clone())) {
            Ok(rules) => rules,
            Err(_) => {
                object.insert("quality".to_owned(), Value::Array(rules));
                Vec::new()
            }
        },
        Some(other) => {
            object.insert("quality".to_owned(), other);
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn carry(custom_properties: &mut Vec<CustomProperty>, rest: Map<String, Value>) {
    if !rest.is_empty() {
        custom_properties.push(CustomProperty::new(CARRIER, Value::Object(rest)));
    }
}

fn read_server(name: String, server: Value) -> Result<Server, String> {
    let Value::Object(mut server) = server else {
        return Err(format!("server `{name}` must be a mapping"));
    };
    let server_type = take_string(&mut server, "type").unwrap_or_else(|| "custom".to_owned());
    // DCS server roles (`name`, `description`) are not ODCS roles (`role`, `access`, …): they are carried.
    if let Some(roles) = server.remove("roles") {
        let mut carried = Map::new();
        carried.insert("roles".to_owned(), roles);
        let custom = vec![CustomProperty::new(CARRIER, Value::Object(carried))];
        server.insert("customProperties".to_owned(), to_value(&custom));
    }
    Ok(Server {
        server: name,
        server_type,
        description: take_string(&mut server, "description"),
        environment: take_string(&mut server, "environment"),
        extra: server.into_iter().collect(),
    })
}

fn read_model(name: String, model: Value) -> Result<SchemaObject, String> {
    let Value::Object(mut model) = model else {
        return Err(format!("model `{name}` must be a mapping"));
    };
    let mut object = SchemaObject {
        name,
        logical_type: Some("object".to_owned()),
        physical_type: None,
        physical_name: None,
        business_name: take_string(&mut model, "title"),
        description: take_string(&mut model, "description"),
        tags: take_strings(&mut model, "tags"),
        properties: Vec::new(),
        quality: take_quality(&mut model),
        custom_properties: Vec::new(),
        extra: Extra::new(),
    };
    if let Some(Value::String(model_type)) = model.get("type") {
        object.physical_type = Some(model_type.clone());
    }
    if let Some(Value::Object(fields)) = model.remove("fields") {
        for (field_name, field) in fields {
            object.properties.push(read_field(field_name, field)?);
        }
    }
    carry(&mut object.custom_properties, model);
    Ok(object)
}

fn read_field(name: String, field: Value) -> Result<SchemaProperty, String> {
    let Value::Object(mut field) = field else {
        return Err(format!("field `{name}` must be a mapping"));
    };
    let logical_type = field.get("type").and_then(Value::as_str).map(logical_type_of).map(str::to_owned);
    let mut property = SchemaProperty::new(name, "string");
    property.logical_type = logical_type;
    property.description = take_string(&mut field, "description");
    property.business_name = take_string(&mut field, "title");
    property.required = take_bool(&mut field, "required");
    property.unique = take_bool(&mut field, "unique");
    property.primary_key = take_bool(&mut field, "primaryKey");
    property.classification = take_string(&mut field, "classification");
    property.tags = take_strings(&mut field, "tags");
    property.quality = take_quality(&mut field);
    if let Some(Value::Array(examples)) = field.remove("examples") {
        property.examples = examples;
    }
    if let Some(Value::Object(fields)) = field.remove("fields") {
        for (child_name, child) in fields {
            property.properties.push(read_field(child_name, child)?);
        }
    }
    carry(&mut property.custom_properties, field);
    Ok(property)
}

/// The ODCS logical type closest to a DCS field type.
pub fn logical_type_of(dcs_type: &str) -> &'static str {
    match dcs_type {
        "number" | "decimal" | "numeric" | "float" | "double" => "number",
        "int" | "integer" | "long" | "bigint" => "integer",
        "boolean" => "boolean",
        "timestamp" | "timestamp_tz" | "timestamp_ntz" => "timestamp",
        "date" => "date",
        "time" => "time",
        "array" => "array",
        "object" | "record" | "struct" | "map" | "json" | "variant" => "object",
        _ => "string",
    }
}

/// The DCS field type for an ODCS logical type, for contracts that did not come from DCS.
fn dcs_type_of(logical_type: &str) -> &'static str {
    match logical_type {
        "number" => "number",
        "integer" => "integer",
        "boolean" => "boolean",
        "timestamp" => "timestamp",
        "date" => "date",
        "time" => "time",
        "array" => "array",
        "object" => "object",
        "map" => "map",
        _ => "string",
    }
}

/// Takes the carried DCS fields out of a list of custom properties, leaving the others.
fn uncarry(custom_properties: &[CustomProperty]) -> (Map<String, Value>, Vec<CustomProperty>) {
    let mut carried = Map::new();
    let mut others = Vec::new();
    for property in custom_properties {
        match (&property.property[..], &property.value) {
            (CARRIER, Value::Object(fields)) => carried.extend(fields.clone()),
            _ => others.push(property.clone()),
        }
    }
    (carried, others)
}

fn insert_some(object: &mut Map<String, Value>, key: &str, value: Option<&String>) {
    if let Some(value) = value {
        object.insert(key.to_owned(), Value::String(value.clone()));
    }
}

fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The contract as a DCS 1.2.1 document. Custom properties other than the carried DCS fields have no place in
/// DCS and are written under `info.x-customProperties`, which DCS's `info` allows.
pub fn write(contract: &Contract) -> Result<String, StandardsError> {
    let (mut root_rest, mut custom) = uncarry(&contract.custom_properties);
    let id =
        original_ids::take_original(&contract.id, &mut custom, ORIGINAL_ID).unwrap_or_else(|| contract.id.to_string());
    let mut root = Map::new();
    root.insert("dataContractSpecification".to_owned(), Value::String(WRITE_VERSION.to_owned()));
    root.insert("id".to_owned(), Value::String(id));
    let mut info = match root_rest.remove("info") {
        Some(Value::Object(info)) => info,
        _ => Map::new(),
    };
    info.insert("title".to_owned(), Value::String(contract.name.clone().unwrap_or_else(|| contract.id.to_string())));
    info.insert("version".to_owned(), Value::String(contract.version.clone()));
    info.insert("status".to_owned(), Value::String(contract.status.to_string()));
    let description = contract.description.clone().unwrap_or_default();
    insert_some(&mut info, "description", description.purpose.as_ref());
    if !custom.is_empty() {
        info.insert("x-customProperties".to_owned(), to_value(&custom));
    }
    root.insert("info".to_owned(), Value::Object(info));
    if !contract.servers.is_empty() {
        let mut servers = Map::new();
        for server in &contract.servers {
            let mut entry = Map::new();
            entry.insert("type".to_owned(), Value::String(server.server_type.clone()));
            insert_some(&mut entry, "description", server.description.as_ref());
            insert_some(&mut entry, "environment", server.environment.as_ref());
            for (key, value) in &server.extra {
                match (key.as_str(), serde_json::from_value::<Vec<CustomProperty>>(value.clone())) {
                    ("customProperties", Ok(custom)) => {
                        let (carried, others) = uncarry(&custom);
                        entry.extend(carried);
                        if !others.is_empty() {
                            entry.insert("x-customProperties".to_owned(), to_value(&others));
                        }
                    }
                    _ => {
                        entry.insert(key.clone(), value.clone());
                    }
                }
            }
            servers.insert(server.server.clone(), Value::Object(entry));
        }
        root.insert("servers".to_owned(), Value::Object(servers));
    }
    let mut terms = match root_rest.remove("terms") {
        Some(Value::Object(terms)) => terms,
        _ => Map::new(),
    };
    insert_some(&mut terms, "usage", description.usage.as_ref());
    insert_some(&mut terms, "limitations", description.limitations.as_ref());
    if !terms.is_empty() {
        root.insert("terms".to_owned(), Value::Object(terms));
    }
    if !contract.schema.is_empty() {
        let mut models = Map::new();
        for object in &contract.schema {
            models.insert(object.name.clone(), write_model(object));
        }
        root.insert("models".to_owned(), Value::Object(models));
    }
    if !contract.tags.is_empty() {
        root.insert("tags".to_owned(), to_value(&contract.tags));
    }
    root.extend(root_rest);
    super::render(&Value::Object(root), &format!("contract {}", contract.id), "DCS")
}

fn write_model(object: &SchemaObject) -> Value {
    let (carried, _) = uncarry(&object.custom_properties);
    let mut model = Map::new();
    insert_some(&mut model, "title", object.business_name.as_ref());
    insert_some(&mut model, "description", object.description.as_ref());
    // DCS model types are `table`, `view` and `object`; anything else (a topic, a file) is written as `object`.
    if !carried.contains_key("type")
        && let Some(physical_type) = &object.physical_type
    {
        let model_type =
            if ["table", "view", "object"].contains(&physical_type.as_str()) { physical_type } else { "object" };
        model.insert("type".to_owned(), Value::String(model_type.to_owned()));
    }
    if !object.tags.is_empty() {
        model.insert("tags".to_owned(), to_value(&object.tags));
    }
    if !object.properties.is_empty() {
        let mut fields = Map::new();
        for property in &object.properties {
            fields.insert(property.name.clone(), write_field(property));
        }
        model.insert("fields".to_owned(), Value::Object(fields));
    }
    if !object.quality.is_empty() {
        model.insert("quality".to_owned(), to_value(&object.quality));
    }
    model.extend(carried);
    Value::Object(model)
}

fn write_field(property: &SchemaProperty) -> Value {
    let (carried, _) = uncarry(&property.custom_properties);
    let mut field = Map::new();
    if !carried.contains_key("type")
        && let Some(logical) = property.logical_type.as_deref()
    {
        field.insert("type".to_owned(), Value::String(dcs_type_of(logical).to_owned()));
    }
    insert_some(&mut field, "title", property.business_name.as_ref());
    insert_some(&mut field, "description", property.description.as_ref());
    for (key, flag) in
        [("required", property.required), ("unique", property.unique), ("primaryKey", property.primary_key)]
    {
        if flag {
            field.insert(key.to_owned(), Value::Bool(true));
        }
    }
    insert_some(&mut field, "classification", property.classification.as_ref());
    if !property.examples.is_empty() {
        field.insert("examples".to_owned(), Value::Array(property.examples.clone()));
    }
    if !property.tags.is_empty() {
        field.insert("tags".to_owned(), to_value(&property.tags));
    }
    if !property.properties.is_empty() {
        let mut fields = Map::new();
        for child in &property.properties {
            fields.insert(child.name.clone(), write_field(child));
        }
        field.insert("fields".to_owned(), Value::Object(fields));
    }
    if !property.quality.is_empty() {
        field.insert("quality".to_owned(), to_value(&property.quality));
    }
    field.extend(carried);
    Value::Object(field)
}
