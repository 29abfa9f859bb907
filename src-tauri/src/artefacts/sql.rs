//! PostgreSQL DDL of a contract: one `CREATE TABLE` per schema object, column types from the physical type when it
//! names a PostgreSQL type of the same family as the logical type (`NUMBER(18,2)` becomes `numeric(18,2)`),
//! otherwise from the logical type; `NOT NULL` for required and key properties, the primary key in
//! `primaryKeyPosition` order, `UNIQUE` constraints, and `COMMENT ON` from descriptions. Identifiers are always
//! quoted and cut to PostgreSQL's 63 bytes, kept unique within their table.

use crate::model::{Contract, SchemaObject, SchemaProperty};
use std::collections::BTreeSet;
use std::fmt::Write;

/// PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes.
const MAX_IDENTIFIER: usize = 63;

/// The DDL of every object of a contract, in one transaction.
pub fn contract_ddl(contract: &Contract) -> String {
    let mut text = String::new();
    let title = contract.name.as_deref().unwrap_or(contract.id.as_str());
    let _ =
        writeln!(text, "-- {}", one_line(&format!("{title}: contract {} version {}", contract.id, contract.version)));
    let _ = writeln!(text, "-- PostgreSQL DDL written by Meshwright from the contract; one table per schema object.");
    let _ = writeln!(text, "BEGIN;");
    let mut tables = BTreeSet::new();
    for object in &contract.schema {
        let table = unique_identifier(object.physical_name.as_deref().unwrap_or(&object.name), &mut tables);
        text.push('\n');
        table_ddl(&mut text, &table, object);
    }
    let _ = writeln!(text, "\nCOMMIT;");
    text
}

fn table_ddl(text: &mut String, table: &str, object: &SchemaObject) {
    let mut columns = BTreeSet::new();
    let named: Vec<(String, &SchemaProperty)> = object
        .properties
        .iter()
        .map(|property| {
            (unique_identifier(property.physical_name.as_deref().unwrap_or(&property.name), &mut columns), property)
        })
        .collect();
    let mut lines: Vec<String> = named
        .iter()
        .map(|(column, property)| {
            let not_null = if property.required || property.primary_key { " NOT NULL" } else { "" };
            format!("  {} {}{not_null}", quote(column), column_type(property))
        })
        .collect();
    let mut keys: Vec<(i64, usize, &String)> = named
        .iter()
        .enumerate()
        .filter(|(_, (_, property))| property.primary_key)
        .map(|(order, (column, property))| (property.primary_key_position.unwrap_or(i64::MAX), order, column))
        .collect();
    keys.sort();
    if !keys.is_empty() {
        let list: Vec<String> = keys.iter().map(|(_, _, column)| quote(column)).collect();
        lines.push(format!(
            "  CONSTRAINT {} PRIMARY KEY ({})",
            quote(&constraint_name(table, "pkey")),
            list.join(", ")
        ));
    }
    for (column, property) in &named {
        if property.unique && !(property.primary_key && keys.len() == 1) {
            lines.push(format!(
                "  CONSTRAINT {} UNIQUE ({})",
                quote(&constraint_name(table, &format!("{column}_key"))),
                quote(column)
            ));
        }
    }
    let _ = writeln!(text, "CREATE TABLE {} (\n{}\n);", quote(table), lines.join(",\n"));
    let description = object.description.as_deref().or(object.business_name.as_deref());
    if let Some(description) = description {
        let _ = writeln!(text, "COMMENT ON TABLE {} IS {};", quote(table), literal(description));
    }
    for (column, property) in &named {
        if let Some(description) = &property.description {
            let _ = writeln!(text, "COMMENT ON COLUMN {}.{} IS {};", quote(table), quote(column), literal(description));
        }
    }
}

/// Families of column types, to tell whether a physical type agrees with the logical one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Text,
    Integer,
    Number,
    Boolean,
    Date,
    Timestamp,
    Time,
    Json,
    Other,
}

fn column_type(property: &SchemaProperty) -> String {
    let logical = property.logical_type.as_deref().unwrap_or("string").to_ascii_lowercase();
    let (wanted, fallback) = match logical.as_str() {
        "string" => {
            let max_length = property
                .extra
                .get("logicalTypeOptions")
                .and_then(|options| options.get("maxLength"))
                .and_then(serde_json::Value::as_u64)
                .filter(|length| (1..=10_485_760).contains(length));
            (Family::Text, max_length.map_or_else(|| "text".to_owned(), |length| format!("varchar({length})")))
        }
        "integer" => (Family::Integer, "bigint".to_owned()),
        "number" => (Family::Number, "numeric".to_owned()),
        "boolean" => (Family::Boolean, "boolean".to_owned()),
        "date" => (Family::Date, "date".to_owned()),
        "timestamp" => (Family::Timestamp, "timestamptz".to_owned()),
        "time" => (Family::Time, "time".to_owned()),
        "object" | "array" | "map" | "vector" => (Family::Json, "jsonb".to_owned()),
        _ => (Family::Other, "text".to_owned()),
    };
    match property.physical_type.as_deref().and_then(physical) {
        Some((family, physical)) if family == wanted => physical,
        // An exact numeric type with scale 0 holds integers.
        Some((Family::Number, physical)) if wanted == Family::Integer && physical.ends_with(",0)") => physical,
        Some((Family::Integer, physical)) if wanted == Family::Number => physical,
        _ => fallback,
    }
}

/// A physical type as PostgreSQL spells it, when it is one Meshwright knows, with its family.
fn physical(text: &str) -> Option<(Family, String)> {
    let lower = text.trim().to_ascii_lowercase();
    let (base, arguments) = match lower.split_once('(') {
        Some((base, rest)) => (base.trim(), Some(rest.trim_end_matches(')').trim())),
        None => (lower.as_str(), None),
    };
    let numbers: Option<Vec<u32>> = arguments
        .map(|arguments| arguments.split(',').map(|part| part.trim().parse::<u32>().ok()).collect::<Option<Vec<u32>>>())
        .unwrap_or(Some(Vec::new()));
    let numbers = numbers?;
    Some(match (base, numbers.as_slice()) {
        ("varchar" | "character varying" | "nvarchar", []) => (Family::Text, "varchar".to_owned()),
        ("varchar" | "character varying" | "nvarchar", [length]) if (1..=10_485_760).contains(length) => {
            (Family::Text, format!("varchar({length})"))
        }
        ("char" | "character" | "nchar", [length]) if (1..=10_485_760).contains(length) => {
            (Family::Text, format!("char({length})"))
        }
        ("text" | "string", []) => (Family::Text, "text".to_owned()),
        ("number" | "numeric" | "decimal", []) => (Family::Number, "numeric".to_owned()),
        ("number" | "numeric" | "decimal", [precision]) if (1..=1000).contains(precision) => {
            (Family::Number, format!("numeric({precision},0)"))
        }
        ("number" | "numeric" | "decimal", [precision, scale])
            if (1..=1000).contains(precision) && scale <= precision =>
        {
            (Family::Number, format!("numeric({precision},{scale})"))
        }
        ("smallint" | "int2", []) => (Family::Integer, "smallint".to_owned()),
        ("int" | "integer" | "int4", []) => (Family::Integer, "integer".to_owned()),
        ("bigint" | "int8" | "long" | "int64", []) => (Family::Integer, "bigint".to_owned()),
        ("real" | "float4", []) => (Family::Number, "real".to_owned()),
        ("float" | "float8" | "double" | "double precision", []) => (Family::Number, "double precision".to_owned()),
        ("boolean" | "bool", []) => (Family::Boolean, "boolean".to_owned()),
        ("date", []) => (Family::Date, "date".to_owned()),
        ("timestamp" | "datetime" | "timestamp_ntz", []) => (Family::Timestamp, "timestamp".to_owned()),
        ("timestamptz" | "timestamp_tz" | "timestamp_ltz" | "timestamp with time zone", []) => {
            (Family::Timestamp, "timestamptz".to_owned())
        }
        ("timestamp-millis" | "timestamp-micros", []) => (Family::Timestamp, "timestamptz".to_owned()),
        ("time", []) => (Family::Time, "time".to_owned()),
        ("json" | "jsonb" | "variant" | "struct" | "record" | "map" | "array" | "object", _) => {
            (Family::Json, "jsonb".to_owned())
        }
        ("uuid", []) => (Family::Text, "uuid".to_owned()),
        _ => (Family::Other, String::new()),
    })
    .filter(|(family, _)| *family != Family::Other)
}

/// A quoted identifier: double quotes doubled inside.
fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// A string literal: single quotes doubled; standard-conforming strings make backslashes plain characters.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// An identifier cut to 63 bytes on a character boundary, with control characters and NUL removed, numbered when
/// the cut makes it collide with one already taken.
fn unique_identifier(name: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = name.chars().filter(|character| !character.is_control()).collect();
    let clean = if clean.trim().is_empty() { "unnamed".to_owned() } else { clean };
    let mut number = 1;
    loop {
        let suffix = if number == 1 { String::new() } else { format!("_{number}") };
        let candidate = format!("{}{suffix}", cut(&clean, MAX_IDENTIFIER - suffix.len()));
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        number += 1;
    }
}

fn constraint_name(table: &str, ending: &str) -> String {
    let ending = cut(ending, 40);
    format!("{}_{ending}", cut(table, MAX_IDENTIFIER - ending.len() - 1))
}

fn cut(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn one_line(text: &str) -> String {
    text.chars().map(|character| if character.is_control() { ' ' } else { character }).collect()
}
