//! Validation of standards documents by Meshwright's own rules, written from the ODCS, ODPS and DCS
//! specifications: every problem in a document, each with its document path (`schema[0].properties[3].logicalType`),
//! the YAML line and column, and a plain sentence. Problems are values; `Err` is kept for files that cannot be
//! read at all.

use super::source::{self, LocatedDocument, TextPosition};
use super::{Detected, Standard, StandardsError};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One thing wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// A stable name of the rule that found it (`unknown-field`, `required`, `enum-value`, …).
    pub rule: &'static str,
    /// Where, in the document's own terms: `schema[0].properties[3].logicalType`; empty for the whole document.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// A plain sentence saying what is wrong.
    pub message: String,
}

/// The verdict on one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub file: PathBuf,
    /// The standard and version the document declares, when it is recognisable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detected: Option<Detected>,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Reads and validates one file. `Err` only when the file cannot be read (missing, too large, not UTF-8).
pub fn validate_file(path: &Path) -> Result<Report, StandardsError> {
    let text = source::read_text(path)?;
    Ok(validate_text(&text, path))
}

/// Reads and validates many files on every core, in the order given.
pub fn validate_files(paths: &[PathBuf]) -> Vec<Result<Report, StandardsError>> {
    use rayon::prelude::*;
    paths.par_iter().map(|path| validate_file(path)).collect()
}

/// Validates YAML text; `path` names it in the report.
pub fn validate_text(text: &str, path: &Path) -> Report {
    let mut report = Report { file: path.to_path_buf(), detected: None, problems: Vec::new() };
    // Most documents are valid: check them without recording where each node is (the cheaper parse), and parse
    // again with positions only when there is something to point at.
    if let Ok(value) = crate::yaml::parse::<Value>(text) {
        let document = LocatedDocument::without_positions(value);
        report.detected = super::detect(&document.value);
        if validate_document(&document, report.detected.as_ref()).is_empty() {
            return report;
        }
    }
    let document = match source::parse_located(text) {
        Ok(document) => document,
        Err(error) => {
            report.problems.push(Problem {
                rule: "yaml",
                path: String::new(),
                line: error.line,
                column: error.column,
                message: format!("The file is not readable YAML: {}.", error.message.trim_end_matches('.')),
            });
            return report;
        }
    };
    report.detected = super::detect(&document.value);
    report.problems = validate_document(&document, report.detected.as_ref());
    report
}

/// Validates a parsed document against the rules of the standard it declares.
pub fn validate_document(document: &LocatedDocument, detected: Option<&Detected>) -> Vec<Problem> {
    let mut checker = Checker { document, problems: Vec::new(), pointer: String::new(), path: String::new() };
    match detected {
        None => checker.report(
            "unrecognised",
            "The document is not a data contract or a data product: it has no ODCS `kind: DataContract`, no ODPS \
             `kind: DataProduct` and no DCS `dataContractSpecification`."
                .to_owned(),
        ),
        Some(detected) => match detected.standard {
            Standard::Odcs => odcs_rules::check(&mut checker, &detected.version),
            Standard::Odps => odps_rules::check(&mut checker, &detected.version),
            Standard::Dcs => dcs_rules::check(&mut checker, &detected.version),
        },
    }
    checker.problems
}

/// Walks a document, keeping the JSON pointer and the display path of the node being checked.
pub(crate) struct Checker<'document> {
    document: &'document LocatedDocument,
    problems: Vec<Problem>,
    pointer: String,
    path: String,
}

impl Checker<'_> {
    fn position(&self) -> Option<TextPosition> {
        self.document.position(&self.pointer)
    }

    /// Records a problem at the current node.
    pub(crate) fn report(&mut self, rule: &'static str, message: String) {
        let position = self.position();
        self.problems.push(Problem {
            rule,
            path: self.path.clone(),
            line: position.map(|position| position.line),
            column: position.map(|position| position.column),
            message,
        });
    }

    /// Records a problem at the key of the current node (where its name is written), for unknown fields.
    pub(crate) fn report_at_key(&mut self, rule: &'static str, message: String) {
        let position = self.document.key_position(&self.pointer).or_else(|| self.position());
        self.problems.push(Problem {
            rule,
            path: self.path.clone(),
            line: position.map(|position| position.line),
            column: position.map(|position| position.column),
            message,
        });
    }

    /// Runs `check` with the current node moved to the field `key`.
    pub(crate) fn field<R>(&mut self, key: &str, check: impl FnOnce(&mut Self) -> R) -> R {
        let (pointer_length, path_length) = (self.pointer.len(), self.path.len());
        self.pointer.push('/');
        self.pointer.push_str(&source::escape_segment(key));
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(key);
        let result = check(self);
        self.pointer.truncate(pointer_length);
        self.path.truncate(path_length);
        result
    }

    /// Runs `check` with the current node moved to item `index` of a list.
    pub(crate) fn item<R>(&mut self, index: usize, check: impl FnOnce(&mut Self) -> R) -> R {
        let (pointer_length, path_length) = (self.pointer.len(), self.path.len());
        let _ = write!(self.pointer, "/{index}");
        let _ = write!(self.path, "[{index}]");
        let result = check(self);
        self.pointer.truncate(pointer_length);
        self.path.truncate(path_length);
        result
    }

    /// The name the current node is reported under, for sentences.
    fn here(&self) -> String {
        if self.path.is_empty() { "the document".to_owned() } else { format!("`{}`", self.path) }
    }

    /// Checks that `value` is a mapping; reports it otherwise.
    pub(crate) fn expect_object<'value>(&mut self, value: &'value Value) -> Option<&'value Map<String, Value>> {
        match value {
            Value::Object(object) => Some(object),
            other => {
                let here = self.here();
                self.report("type", format!("{here} must be a mapping, not {}.", describe(other)));
                None
            }
        }
    }

    /// Checks that `value` is a list; reports it otherwise.
    pub(crate) fn expect_array<'value>(&mut self, value: &'value Value) -> Option<&'value Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                let here = self.here();
                self.report("type", format!("{here} must be a list, not {}.", describe(other)));
                None
            }
        }
    }

    /// Checks that `value` is text; reports it otherwise.
    pub(crate) fn expect_string<'value>(&mut self, value: &'value Value) -> Option<&'value str> {
        match value {
            Value::String(text) => Some(text),
            other => {
                let here = self.here();
                self.report("type", format!("{here} must be text, not {}.", describe(other)));
                None
            }
        }
    }

    /// Reports every key of `object` in none of the `allowed` lists.
    pub(crate) fn known_fields(&mut self, object: &Map<String, Value>, allowed: &[&[&str]], what: &str) {
        for key in object.keys() {
            if !allowed.iter().any(|list| list.contains(&key.as_str())) && !key.starts_with("x-") {
                let allowed: Vec<&str> = allowed.concat();
                let suggestion =
                    closest(key, &allowed).map(|near| format!(" Did you mean `{near}`?")).unwrap_or_default();
                self.field(key, |checker| {
                    checker.report_at_key(
                        "unknown-field",
                        format!("`{key}` is not a field of {what}; put extensions in `customProperties`.{suggestion}"),
                    );
                });
            }
        }
    }

    /// Reports every key of `required` missing from `object`.
    pub(crate) fn required_fields(&mut self, object: &Map<String, Value>, required: &[&str], what: &str) {
        for key in required {
            if object.get(*key).is_none_or(Value::is_null) {
                let message = if self.path.is_empty() {
                    format!("{what} lacks the required field `{key}`.")
                } else {
                    format!("{what} at `{}` lacks the required field `{key}`.", self.path)
                };
                self.report("required", message);
            }
        }
    }

    /// Reports an `apiVersion` that is not one of `known` versions of `standard`.
    pub(crate) fn api_version(&mut self, version: &str, known: &[&str], standard: &str) {
        if !known.contains(&version) {
            self.field("apiVersion", |checker| {
                checker.report(
                    "api-version",
                    format!(
                        "`{version}` is not an {standard} version Meshwright reads; use one of: {}.",
                        known.join(", ")
                    ),
                );
            });
        }
    }

    /// Reports a `kind` other than `expected`.
    pub(crate) fn kind(&mut self, root: &Map<String, Value>, expected: &str, what: &str) {
        if let Some(kind) = self.optional_string(root, "kind")
            && kind != expected
        {
            self.field("kind", |checker| {
                checker.report("kind", format!("`kind` is `{kind}`; {what} has `kind: {expected}`."));
            });
        }
    }

    /// Checks an optional text field.
    pub(crate) fn optional_string(&mut self, object: &Map<String, Value>, key: &str) -> Option<String> {
        let value = object.get(key)?;
        self.field(key, |checker| checker.expect_string(value).map(str::to_owned))
    }

    /// Checks that the text at `key`, if present, is one of `allowed`.
    pub(crate) fn one_of(&mut self, object: &Map<String, Value>, key: &str, allowed: &[&str], what: &str) {
        if let Some(text) = self.optional_string(object, key)
            && !allowed.contains(&text.as_str())
        {
            self.field(key, |checker| {
                checker.report(
                    "enum-value",
                    format!("`{text}` is not a valid {what}; use one of: {}.", allowed.join(", ")),
                );
            });
        }
    }

    /// Checks a list of text at `key`, if present.
    pub(crate) fn string_list(&mut self, object: &Map<String, Value>, key: &str) {
        if let Some(value) = object.get(key) {
            self.field(key, |checker| {
                if let Some(items) = checker.expect_array(value) {
                    for (index, item) in items.iter().enumerate() {
                        checker.item(index, |checker| checker.expect_string(item).map(drop));
                    }
                }
            });
        }
    }

    /// Checks each item of the list at `key` with `check`.
    pub(crate) fn each(&mut self, object: &Map<String, Value>, key: &str, mut check: impl FnMut(&mut Self, &Value)) {
        if let Some(value) = object.get(key) {
            self.field(key, |checker| {
                if let Some(items) = checker.expect_array(value) {
                    for (index, item) in items.iter().enumerate() {
                        checker.item(index, |checker| check(checker, item));
                    }
                }
            });
        }
    }

    /// Checks each item of the list at `key` as a mapping with `required` and (when given) only `allowed` keys.
    pub(crate) fn each_object(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        required: &[&str],
        allowed: Option<&[&str]>,
        what: &str,
    ) {
        self.each(object, key, |checker, item| {
            if let Some(item) = checker.expect_object(item) {
                checker.required_fields(item, required, what);
                if let Some(allowed) = allowed {
                    checker.known_fields(item, &[allowed], what);
                }
            }
        });
    }
}

/// "a number", "a list"…: what a value is, for sentences.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// The allowed name nearest to a misspelt one, when it is near enough to be a likely typo.
fn closest<'allowed>(key: &str, allowed: &[&'allowed str]) -> Option<&'allowed str> {
    allowed
        .iter()
        .map(|candidate| (strsim::levenshtein(&key.to_ascii_lowercase(), &candidate.to_ascii_lowercase()), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, candidate)| candidate)
}

/// Checks that the values at `values` are distinct, reporting each repetition.
pub(crate) fn distinct(checker: &mut Checker<'_>, values: &[(usize, String)], what: &str) {
    let mut seen = BTreeSet::new();
    for (index, value) in values {
        if !seen.insert(value.clone()) {
            checker.item(*index, |checker| {
                checker.report("duplicate", format!("{what} `{value}` appears more than once."));
            });
        }
    }
}

mod odcs_rules {
    //! The ODCS v3.0–v3.2 rules.
    use super::{Checker, describe, distinct};
    use serde_json::{Map, Value};

    const ROOT_FIELDS: [&str; 23] = [
        "apiVersion",
        "authoritativeDefinitions",
        "context",
        "contractCreatedTs",
        "customProperties",
        "dataProduct",
        "description",
        "domain",
        "id",
        "kind",
        "name",
        "price",
        "roles",
        "schema",
        "servers",
        "slaDefaultElement",
        "slaProperties",
        "status",
        "support",
        "tags",
        "team",
        "tenant",
        "version",
    ];
    const ELEMENT_FIELDS: [&str; 9] = [
        "authoritativeDefinitions",
        "businessName",
        "customProperties",
        "description",
        "id",
        "name",
        "physicalType",
        "synonyms",
        "tags",
    ];
    const OBJECT_FIELDS: [&str; 7] = [
        "context",
        "dataGranularityDescription",
        "logicalType",
        "physicalName",
        "properties",
        "quality",
        "relationships",
    ];
    const PROPERTY_FIELDS: [&str; 24] = [
        "classification",
        "criticalDataElement",
        "encryptedName",
        "enum",
        "examples",
        "logicalType",
        "logicalTypeOptions",
        "partitionKeyPosition",
        "partitioned",
        "physicalName",
        "physicalType",
        "primaryKey",
        "primaryKeyPosition",
        "quality",
        "relationships",
        "required",
        "semanticType",
        "transformDescription",
        "transformLogic",
        "transformSourceObjects",
        "unique",
        "properties",
        "items",
        "map",
    ];
    const QUALITY_FIELDS: [&str; 27] = [
        "authoritativeDefinitions",
        "businessImpact",
        "customProperties",
        "description",
        "dimension",
        "id",
        "method",
        "name",
        "schedule",
        "scheduler",
        "severity",
        "tags",
        "type",
        "unit",
        "metric",
        "rule",
        "arguments",
        "query",
        "engine",
        "implementation",
        "mustBe",
        "mustNotBe",
        "mustBeGreaterThan",
        "mustBeGreaterOrEqualTo",
        "mustBeLessThan",
        "mustBeLessOrEqualTo",
        "mustBeBetween",
    ];
    const OPERATORS: [&str; 8] = [
        "mustBe",
        "mustNotBe",
        "mustBeGreaterThan",
        "mustBeGreaterOrEqualTo",
        "mustBeLessThan",
        "mustBeLessOrEqualTo",
        "mustBeBetween",
        "mustNotBeBetween",
    ];
    const QUALITY_TYPES: [&str; 4] = ["text", "library", "sql", "custom"];
    const DIMENSIONS: [&str; 7] =
        ["accuracy", "completeness", "conformity", "consistency", "coverage", "timeliness", "uniqueness"];
    const METRICS: [&str; 5] = ["nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount"];
    const SERVER_TYPES: [(&str, &[&str]); 34] = [
        ("api", &["location"]),
        ("athena", &["schema"]),
        ("azure", &["location", "format"]),
        ("bigquery", &["project", "dataset"]),
        ("clickhouse", &["host", "port", "database"]),
        ("databricks", &["catalog", "schema"]),
        ("denodo", &["host", "port"]),
        ("dremio", &["host", "port"]),
        ("duckdb", &["database"]),
        ("glue", &["account", "database"]),
        ("cloudsql", &["host", "port", "database", "schema"]),
        ("db2", &["host", "port", "database"]),
        ("hive", &["host", "database"]),
        ("impala", &["host", "database"]),
        ("informix", &["host", "database"]),
        ("kafka", &["host"]),
        ("kinesis", &[]),
        ("local", &["path", "format"]),
        ("mysql", &["host", "port", "database"]),
        ("oracle", &["host", "port", "serviceName"]),
        ("postgresql", &["host", "port", "database", "schema"]),
        ("postgres", &["host", "port", "database", "schema"]),
        ("presto", &["host"]),
        ("pubsub", &["project"]),
        ("redshift", &["database", "schema"]),
        ("s3", &["location"]),
        ("sftp", &["location"]),
        ("snowflake", &["account", "database", "schema"]),
        ("sqlserver", &["host", "database", "schema"]),
        ("synapse", &["host", "port", "database"]),
        ("trino", &["host", "port", "catalog", "schema"]),
        ("vertica", &["host", "port", "database", "schema"]),
        ("zen", &["host", "database"]),
        ("custom", &[]),
    ];
    /// The versions this build knows.
    const API_VERSIONS: [&str; 6] = ["v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0", "v3.2.0", "v3.1.1"];

    pub(super) fn check(checker: &mut Checker<'_>, version: &str) {
        let value = &checker.document.value;
        let Some(root) = checker.expect_object(value) else { return };
        let minor = if version.starts_with("v3.0") {
            0
        } else if version.starts_with("v3.1") {
            1
        } else {
            2
        };
        let mut required = vec!["apiVersion", "kind", "id", "version"];
        if minor < 2 {
            required.push("status");
        }
        checker.required_fields(root, &required, "A data contract");
        let allowed: Vec<&str> =
            ROOT_FIELDS.iter().copied().filter(|field| minor >= 2 || *field != "context").collect();
        checker.known_fields(root, &[&allowed], "an ODCS data contract");
        if root.contains_key("apiVersion") {
            checker.api_version(version, &API_VERSIONS, "ODCS");
        }
        checker.kind(root, super::super::odcs::KIND, "an ODCS data contract");
        for key in ["id", "version", "status", "name", "domain", "tenant", "dataProduct", "slaDefaultElement"] {
            checker.optional_string(root, key);
        }
        checker.string_list(root, "tags");
        if let Some(description) = root.get("description") {
            checker.field("description", |checker| {
                if let Some(description) = checker.expect_object(description) {
                    for key in ["purpose", "limitations", "usage"] {
                        checker.optional_string(description, key);
                    }
                    check_custom_properties(checker, description);
                }
            });
        }
        check_custom_properties(checker, root);
        check_team(checker, root);
        checker.each_object(root, "roles", &["role"], None, "A role");
        checker.each_object(root, "support", &["channel"], None, "A support channel");
        checker.each_object(root, "slaProperties", &["property", "value"], None, "An SLA property");
        checker.each(root, "servers", check_server);
        checker.each(root, "schema", |checker, object| check_schema_object(checker, object, minor));
    }

    fn check_custom_properties(checker: &mut Checker<'_>, object: &Map<String, Value>) {
        // The schemas require `value`, but the standard's own full example has quality-rule custom properties
        // without one; only `property` is required here.
        checker.each_object(object, "customProperties", &["property"], None, "A custom property");
    }

    fn check_team(checker: &mut Checker<'_>, root: &Map<String, Value>) {
        let Some(team) = root.get("team") else { return };
        checker.field("team", |checker| match team {
            // The v3.0 list of members, still read everywhere.
            Value::Array(members) => {
                for (index, member) in members.iter().enumerate() {
                    checker.item(index, |checker| {
                        if let Some(member) = checker.expect_object(member) {
                            checker.required_fields(member, &["username"], "A team member");
                        }
                    });
                }
            }
            // The v3.1 object; documents still labelled v3.0 use it too, and every reader accepts both.
            Value::Object(team) => {
                checker.each_object(team, "members", &["username"], None, "A team member");
            }
            other => {
                checker.report(
                    "type",
                    format!(
                        "`team` must be a mapping with `members` (or, in ODCS v3.0, a list of members); it is {}.",
                        describe(other)
                    ),
                );
            }
        });
    }

    fn check_server(checker: &mut Checker<'_>, server: &Value) {
        let Some(server) = checker.expect_object(server) else { return };
        checker.required_fields(server, &["server", "type"], "A server");
        checker.optional_string(server, "server");
        let Some(server_type) = checker.optional_string(server, "type") else { return };
        match SERVER_TYPES.iter().find(|(name, _)| *name == server_type) {
            Some((_, required)) => {
                checker.required_fields(server, required, &format!("A server of type `{server_type}`"));
            }
            None => checker.field("type", |checker| {
                let names: Vec<&str> = SERVER_TYPES.iter().map(|(name, _)| *name).collect();
                checker.report(
                    "enum-value",
                    format!("`{server_type}` is not an ODCS server type; use one of: {}.", names.join(", ")),
                );
            }),
        }
    }

    fn logical_types(minor: u8) -> &'static [&'static str] {
        match minor {
            // v3.0's schema lacked `timestamp` and `time`, but its own examples use them; they are read everywhere.
            0 | 1 => &["string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"],
            _ => &["string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean", "map"],
        }
    }

    fn check_schema_object(checker: &mut Checker<'_>, object: &Value, minor: u8) {
        let Some(object) = checker.expect_object(object) else { return };
        checker.required_fields(object, &["name"], "A schema object");
        checker.known_fields(object, &[&ELEMENT_FIELDS, &OBJECT_FIELDS], "a schema object");
        check_element(checker, object);
        if let Some(logical_type) = checker.optional_string(object, "logicalType")
            && logical_type != "object"
        {
            checker.field("logicalType", |checker| {
                checker.report(
                    "enum-value",
                    format!("A schema object's `logicalType` is `object`, not `{logical_type}`."),
                );
            });
        }
        checker.each(object, "properties", |checker, property| check_property(checker, property, minor, true));
        checker.each(object, "quality", check_quality);
        checker.each(object, "relationships", |checker, relationship| {
            check_relationship(checker, relationship, true);
        });
    }

    fn check_element(checker: &mut Checker<'_>, element: &Map<String, Value>) {
        for key in ["name", "physicalType", "businessName", "description", "physicalName"] {
            checker.optional_string(element, key);
        }
        checker.string_list(element, "tags");
        check_custom_properties(checker, element);
        checker.each_object(element, "authoritativeDefinitions", &["type", "url"], None, "An authoritative definition");
        checker.each_object(element, "synonyms", &["synonym"], None, "A synonym");
    }

    fn check_property(checker: &mut Checker<'_>, property: &Value, minor: u8, named: bool) {
        let Some(property) = checker.expect_object(property) else { return };
        if named {
            checker.required_fields(property, &["name"], "A property");
        }
        checker.known_fields(property, &[&ELEMENT_FIELDS, &PROPERTY_FIELDS], "a schema property");
        check_element(checker, property);
        let types = logical_types(minor);
        checker.one_of(property, "logicalType", types, "logical type");
        for key in ["required", "unique", "primaryKey", "partitioned", "criticalDataElement"] {
            if let Some(value) = property.get(key)
                && !value.is_boolean()
            {
                checker.field(key, |checker| {
                    checker.report("type", format!("`{key}` must be true or false, not {}.", describe(value)));
                });
            }
        }
        if property.get("logicalType").and_then(Value::as_str) == Some("map") {
            match property.get("map") {
                None => checker.report(
                    "required",
                    "A property of logical type `map` needs a `map` block with `key` and `value`.".to_owned(),
                ),
                Some(map) => checker.field("map", |checker| {
                    if let Some(map) = checker.expect_object(map) {
                        checker.required_fields(map, &["key", "value"], "A map");
                    }
                }),
            }
        }
        if let Some(values) = property.get("enum") {
            checker.field("enum", |checker| check_enum(checker, values));
        }
        if let Some(Value::Object(options)) = property.get("logicalTypeOptions") {
            let _ = options;
        }
        checker.each(property, "properties", |checker, child| check_property(checker, child, minor, true));
        if let Some(items) = property.get("items") {
            checker.field("items", |checker| check_property(checker, items, minor, false));
        }
        checker.each(property, "quality", check_quality);
        checker.each(property, "relationships", |checker, relationship| {
            check_relationship(checker, relationship, false);
        });
    }

    fn check_enum(checker: &mut Checker<'_>, values: &Value) {
        let Some(values) = checker.expect_array(values) else { return };
        if values.is_empty() {
            checker.report("required", "`enum` lists no values; list at least one, or remove it.".to_owned());
        }
        let mut seen = Vec::new();
        for (index, value) in values.iter().enumerate() {
            checker.item(index, |checker| {
                if let Some(entry) = checker.expect_object(value) {
                    checker.required_fields(entry, &["value"], "An enum value");
                    if let Some(text) = entry.get("value") {
                        seen.push((index, text.to_string()));
                    }
                }
            });
        }
        distinct(checker, &seen, "The enum value");
    }

    fn check_quality(checker: &mut Checker<'_>, rule: &Value) {
        let Some(rule) = checker.expect_object(rule) else { return };
        checker.known_fields(rule, &[&QUALITY_FIELDS, &["mustNotBeBetween"]], "a quality rule");
        checker.one_of(rule, "type", &QUALITY_TYPES, "quality rule type");
        checker.one_of(rule, "dimension", &DIMENSIONS, "quality dimension");
        check_custom_properties(checker, rule);
        let rule_type = rule.get("type").and_then(Value::as_str);
        let operators: Vec<&str> = OPERATORS.iter().copied().filter(|operator| rule.contains_key(*operator)).collect();
        if operators.len() > 1 {
            checker.report(
                "operators",
                format!("A quality rule compares with one operator; this one has {}.", operators.join(" and ")),
            );
        }
        let is_library = rule_type == Some("library") || rule.contains_key("metric");
        if is_library {
            checker.required_fields(rule, &["metric"], "A library quality rule");
            checker.one_of(rule, "metric", &METRICS, "quality metric");
        }
        if rule_type == Some("sql") {
            checker.required_fields(rule, &["query"], "An SQL quality rule");
            checker.optional_string(rule, "query");
        }
        if rule_type == Some("custom") {
            checker.required_fields(rule, &["engine", "implementation"], "A custom quality rule");
        }
        if (is_library || rule_type == Some("sql")) && operators.is_empty() {
            checker.report(
                "operators",
                format!(
                    "A {} quality rule needs one operator: {}.",
                    rule_type.unwrap_or("library"),
                    OPERATORS.join(", ")
                ),
            );
        }
        for operator in ["mustBeBetween", "mustNotBeBetween"] {
            if let Some(bounds) = rule.get(operator) {
                checker.field(operator, |checker| {
                    let is_pair =
                        matches!(bounds, Value::Array(items) if items.len() == 2 && items.iter().all(Value::is_number));
                    if !is_pair {
                        checker.report(
                            "operators",
                            format!("`{operator}` takes exactly two numbers, the lower and the upper bound."),
                        );
                    }
                });
            }
        }
        for operator in ["mustBeGreaterThan", "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo"] {
            if let Some(bound) = rule.get(operator)
                && !bound.is_number()
            {
                checker.field(operator, |checker| {
                    checker.report("type", format!("`{operator}` takes a number, not {}.", describe(bound)));
                });
            }
        }
    }

    fn check_relationship(checker: &mut Checker<'_>, relationship: &Value, schema_level: bool) {
        let Some(relationship) = checker.expect_object(relationship) else { return };
        if schema_level {
            checker.required_fields(relationship, &["from", "to"], "A schema-level relationship");
        } else {
            checker.required_fields(relationship, &["to"], "A property-level relationship");
            if relationship.contains_key("from") {
                checker.field("from", |checker| {
                    checker.report(
                        "unknown-field",
                        "A relationship on a property starts at that property: remove `from`, or move the relationship to the schema object.".to_owned(),
                    );
                });
            }
        }
    }
}

mod odps_rules {
    //! The ODPS v0.9–v1.1 rules.
    use super::Checker;

    const ROOT_FIELDS: [&str; 18] = [
        "apiVersion",
        "kind",
        "id",
        "name",
        "version",
        "status",
        "domain",
        "tenant",
        "authoritativeDefinitions",
        "description",
        "customProperties",
        "tags",
        "inputPorts",
        "outputPorts",
        "managementPorts",
        "support",
        "team",
        "productCreatedTs",
    ];
    const V1_1_FIELDS: [&str; 4] = ["type", "deprecated", "synonyms", "context"];
    const API_VERSIONS: [&str; 4] = ["v0.9.0", "v1.0.0", "v1.0.1", "v1.1.0"];

    pub(super) fn check(checker: &mut Checker<'_>, version: &str) {
        let value = &checker.document.value;
        let Some(root) = checker.expect_object(value) else { return };
        let is_v1_1 = version.starts_with("v1.1");
        checker.required_fields(root, &["apiVersion", "kind", "id", "status"], "A data product");
        let newer: &[&str] = if is_v1_1 { &V1_1_FIELDS } else { &[] };
        checker.known_fields(root, &[&ROOT_FIELDS, newer], "an ODPS data product");
        checker.api_version(version, &API_VERSIONS, "ODPS");
        checker.kind(root, super::super::odps::KIND, "an ODPS data product");
        for key in ["id", "name", "version", "status", "domain", "tenant"] {
            checker.optional_string(root, key);
        }
        checker.string_list(root, "tags");
        checker.each_object(root, "customProperties", &["property", "value"], None, "A custom property");
        let port_required: &[&str] = if is_v1_1 { &["name"] } else { &["name", "version", "contractId"] };
        checker.each_object(root, "inputPorts", port_required, None, "An input port");
        let output_required: &[&str] = if is_v1_1 { &["name"] } else { &["name", "version"] };
        checker.each_object(root, "outputPorts", output_required, None, "An output port");
        checker.each_object(root, "managementPorts", &["name", "content"], None, "A management port");
    }
}

mod dcs_rules {
    //! The DCS 0.9–1.2 rules.
    use super::Checker;

    /// DCS 1.x fields, plus `examples` and `quality`, which DCS 0.9 had at the top level.
    const ROOT_FIELDS: [&str; 12] = [
        "dataContractSpecification",
        "definitions",
        "id",
        "info",
        "links",
        "models",
        "servers",
        "servicelevels",
        "tags",
        "terms",
        "examples",
        "quality",
    ];
    const VERSIONS: [&str; 7] = ["1.2.1", "1.2.0", "1.1.0", "0.9.3", "0.9.2", "0.9.1", "0.9.0"];

    pub(super) fn check(checker: &mut Checker<'_>, version: &str) {
        let value = &checker.document.value;
        let Some(root) = checker.expect_object(value) else { return };
        checker.required_fields(root, &["dataContractSpecification", "id", "info"], "A DCS data contract");
        checker.known_fields(root, &[&ROOT_FIELDS], "a DCS data contract");
        if !VERSIONS.contains(&version) {
            checker.field("dataContractSpecification", |checker| {
                checker.report(
                    "api-version",
                    format!("`{version}` is not a DCS version; use one of: {}.", VERSIONS.join(", ")),
                );
            });
        }
        checker.optional_string(root, "id");
        if let Some(info) = root.get("info") {
            checker.field("info", |checker| {
                if let Some(info) = checker.expect_object(info) {
                    checker.required_fields(info, &["title", "version"], "The `info` block");
                    checker.optional_string(info, "title");
                    checker.optional_string(info, "version");
                }
            });
        }
        if let Some(models) = root.get("models") {
            checker.field("models", |checker| {
                if let Some(models) = checker.expect_object(models) {
                    for (name, model) in models {
                        checker.field(name, |checker| {
                            if let Some(model) = checker.expect_object(model) {
                                checker.one_of(model, "type", &["table", "view", "object"], "DCS model type");
                            }
                        });
                    }
                }
            });
        }
    }
}

/// Validates `document` against a JSON Schema the user supplies, as extra problems in the same form.
pub fn validate_against_schema(document: &LocatedDocument, validator: &jsonschema::Validator) -> Vec<Problem> {
    validator
        .iter_errors(&document.value)
        .map(|error| {
            let pointer = error.instance_path().to_string();
            let position = document.position(&pointer);
            Problem {
                rule: "schema",
                path: display_path(&pointer),
                line: position.map(|position| position.line),
                column: position.map(|position| position.column),
                message: format!("{} (user schema).", error.to_string().trim_end_matches('.')),
            }
        })
        .collect()
}

/// `/schema/0/properties/3/logicalType` → `schema[0].properties[3].logicalType`.
pub fn display_path(pointer: &str) -> String {
    let mut path = String::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if !segment.is_empty() && segment.bytes().all(|byte| byte.is_ascii_digit()) {
            path.push_str(&format!("[{segment}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&segment);
        }
    }
    path
}
