//! The difference between two versions of a contract, each change classified as datacontract-cli's `breaking`
//! does: from the consumer's view by default (removing or loosening breaks consumers), from the producer's on
//! request (adding obligations or tightening breaks producers). On top: the semantic-version bump the changes need
//! against the bump the version number got. Changes are values; the caller decides the exit code.

use crate::model::{Contract, QualityRule, SchemaProperty};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// Whose side a change is judged from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    /// Those who read the data: losing a field or a guarantee breaks them.
    #[default]
    Consumer,
    /// Those who publish it: a new obligation or a stricter constraint breaks them.
    Producer,
}

/// How much a change matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Breaking,
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    SchemaObjectRemoved,
    SchemaObjectAdded,
    PropertyRemoved,
    PropertyAdded,
    TypeChanged,
    PhysicalTypeChanged,
    RequiredToOptional,
    OptionalToRequired,
    UniqueRemoved,
    UniqueAdded,
    PrimaryKeyChanged,
    EnumValuesAdded,
    EnumValuesRemoved,
    ConstraintLoosened,
    ConstraintTightened,
    ConstraintChanged,
    ClassificationChanged,
    QualityRuleRemoved,
    QualityRuleAdded,
    QualityRuleChanged,
    SlaChanged,
    SlaRemoved,
    SlaAdded,
    ServerRemoved,
    ServerAdded,
    ServerChanged,
    DescriptionChanged,
}

/// Whether a change takes something away from consumers (loosening), adds an obligation for producers
/// (tightening), or is neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Consumers lose a field, a guarantee or a value they relied on.
    Loosens,
    /// Producers must deliver more or stricter data.
    Tightens,
    /// Both sides must adapt (a type change, a changed server).
    Both,
    /// Neither side must adapt, but it is worth knowing.
    Neither,
}

/// One classified change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub kind: ChangeKind,
    pub severity: Severity,
    /// Where: `orders`, `orders.customer_id`, `slaProperties.latency`, `servers.production`.
    pub location: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// A semantic-version level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

/// The bump the changes need against the bump the version got.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionVerdict {
    pub old_version: String,
    pub new_version: String,
    pub needed: Bump,
    /// `None` when a version is not `MAJOR.MINOR.PATCH` (a leading `v` is accepted).
    pub got: Option<Bump>,
    /// Whether the version number says at least as much as the changes need.
    pub sufficient: bool,
}

/// Every change between two versions of a contract, with the version verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractDiff {
    pub contract: String,
    pub perspective: Perspective,
    pub changes: Vec<Change>,
    pub version: VersionVerdict,
}

impl ContractDiff {
    pub fn breaking_count(&self) -> usize {
        self.changes.iter().filter(|change| change.severity == Severity::Breaking).count()
    }
    pub fn is_breaking(&self) -> bool {
        self.breaking_count() > 0
    }
}

struct Collector {
    perspective: Perspective,
    changes: Vec<Change>,
}

impl Collector {
    fn push(
        &mut self,
        kind: ChangeKind,
        direction: Direction,
        location: &str,
        message: String,
        old: Option<Value>,
        new: Option<Value>,
    ) {
        let severity = match (direction, self.perspective) {
            (Direction::Both, _)
            | (Direction::Loosens, Perspective::Consumer)
            | (Direction::Tightens, Perspective::Producer) => Severity::Breaking,
            (Direction::Neither, _) if kind == ChangeKind::DescriptionChanged => Severity::Info,
            (Direction::Neither, _) => Severity::Warning,
            _ => Severity::Info,
        };
        self.changes.push(Change { kind, severity, location: location.to_owned(), message, old, new });
    }
}

/// Compares two versions of a contract from `perspective`.
pub fn diff(old: &Contract, new: &Contract, perspective: Perspective) -> ContractDiff {
    let mut collector = Collector { perspective, changes: Vec::new() };
    compare_schema(&mut collector, old, new);
    compare_sla(&mut collector, old, new);
    compare_servers(&mut collector, old, new);
    if old.description != new.description {
        collector.push(
            ChangeKind::DescriptionChanged,
            Direction::Neither,
            "description",
            "The contract's description (purpose, limitations or usage) changed.".to_owned(),
            None,
            None,
        );
    }
    let needed = needed_bump(&collector.changes);
    let got = version_bump(&old.version, &new.version);
    let version = VersionVerdict {
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        needed,
        got,
        sufficient: got.is_some_and(|got| got >= needed),
    };
    ContractDiff { contract: new.id.to_string(), perspective, changes: collector.changes, version }
}

/// Breaking changes need a major bump; other changes to what is delivered a minor one; wording a patch.
fn needed_bump(changes: &[Change]) -> Bump {
    changes
        .iter()
        .map(|change| match (change.severity, change.kind) {
            (Severity::Breaking, _) => Bump::Major,
            (_, ChangeKind::DescriptionChanged) => Bump::Patch,
            _ => Bump::Minor,
        })
        .max()
        .unwrap_or(Bump::None)
}

fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let text = text.trim().trim_start_matches(['v', 'V']);
    let core = text.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|part| part.parse::<u64>().ok());
    let major = parts.next()??;
    let minor = parts.next().unwrap_or(Some(0))?;
    let patch = parts.next().unwrap_or(Some(0))?;
    Some((major, minor, patch))
}

/// The bump from `old` to `new`; `None` when either is not a semantic version.
pub fn version_bump(old: &str, new: &str) -> Option<Bump> {
    let (old, new) = (parse_version(old)?, parse_version(new)?);
    Some(if new.0 > old.0 {
        Bump::Major
    } else if new.0 == old.0 && new.1 > old.1 {
        Bump::Minor
    } else if new.0 == old.0 && new.1 == old.1 && new.2 > old.2 {
        Bump::Patch
    } else {
        Bump::None
    })
}

fn text(value: Option<&String>) -> Option<Value> {
    value.map(|text| Value::String(text.clone()))
}

fn compare_schema(collector: &mut Collector, old: &Contract, new: &Contract) {
    for old_object in &old.schema {
        match new.schema.iter().find(|object| object.name == old_object.name) {
            None => collector.push(
                ChangeKind::SchemaObjectRemoved,
                Direction::Loosens,
                &old_object.name,
                format!("Schema object `{}` was removed.", old_object.name),
                None,
                None,
            ),
            Some(new_object) => {
                compare_properties(collector, &old_object.name, &old_object.properties, &new_object.properties);
                compare_quality(collector, &old_object.name, &old_object.quality, &new_object.quality);
                if old_object.physical_type != new_object.physical_type {
                    collector.push(
                        ChangeKind::PhysicalTypeChanged,
                        Direction::Both,
                        &old_object.name,
                        format!("The physical type of `{}` changed.", old_object.name),
                        text(old_object.physical_type.as_ref()),
                        text(new_object.physical_type.as_ref()),
                    );
                }
            }
        }
    }
    for new_object in &new.schema {
        if !old.schema.iter().any(|object| object.name == new_object.name) {
            collector.push(
                ChangeKind::SchemaObjectAdded,
                Direction::Neither,
                &new_object.name,
                format!("Schema object `{}` was added.", new_object.name),
                None,
                None,
            );
        }
    }
}

fn compare_properties(collector: &mut Collector, parent: &str, old: &[SchemaProperty], new: &[SchemaProperty]) {
    for old_property in old {
        let location = format!("{parent}.{}", old_property.name);
        match new.iter().find(|property| property.name == old_property.name) {
            None => collector.push(
                ChangeKind::PropertyRemoved,
                Direction::Loosens,
                &location,
                format!("Property `{location}` was removed."),
                None,
                None,
            ),
            Some(new_property) => compare_property(collector, &location, old_property, new_property),
        }
    }
    for new_property in new {
        if !old.iter().any(|property| property.name == new_property.name) {
            let location = format!("{parent}.{}", new_property.name);
            // A new required property is a new obligation for producers; an optional one obliges nobody.
            let direction = if new_property.required { Direction::Tightens } else { Direction::Neither };
            let what = if new_property.required { "required" } else { "optional" };
            collector.push(
                ChangeKind::PropertyAdded,
                direction,
                &location,
                format!("Property `{location}` was added ({what})."),
                None,
                None,
            );
        }
    }
}

fn compare_property(collector: &mut Collector, location: &str, old: &SchemaProperty, new: &SchemaProperty) {
    if old.logical_type != new.logical_type {
        collector.push(
            ChangeKind::TypeChanged,
            Direction::Both,
            location,
            format!(
                "The type of `{location}` changed from {} to {}.",
                old.logical_type.as_deref().unwrap_or("none"),
                new.logical_type.as_deref().unwrap_or("none")
            ),
            text(old.logical_type.as_ref()),
            text(new.logical_type.as_ref()),
        );
    }
    if old.physical_type != new.physical_type {
        collector.push(
            ChangeKind::PhysicalTypeChanged,
            Direction::Both,
            location,
            format!(
                "The physical type of `{location}` changed from {} to {}.",
                old.physical_type.as_deref().unwrap_or("none"),
                new.physical_type.as_deref().unwrap_or("none")
            ),
            text(old.physical_type.as_ref()),
            text(new.physical_type.as_ref()),
        );
    }
    if old.required != new.required {
        let (kind, direction, message) = if old.required {
            (
                ChangeKind::RequiredToOptional,
                Direction::Loosens,
                format!("`{location}` is no longer required: it may now be missing."),
            )
        } else {
            (ChangeKind::OptionalToRequired, Direction::Tightens, format!("`{location}` is now required."))
        };
        collector.push(
            kind,
            direction,
            location,
            message,
            Some(Value::Bool(old.required)),
            Some(Value::Bool(new.required)),
        );
    }
    if old.unique != new.unique {
        let (kind, direction, message) = if old.unique {
            (ChangeKind::UniqueRemoved, Direction::Loosens, format!("`{location}` is no longer unique."))
        } else {
            (ChangeKind::UniqueAdded, Direction::Tightens, format!("`{location}` is now unique."))
        };
        collector.push(
            kind,
            direction,
            location,
            message,
            Some(Value::Bool(old.unique)),
            Some(Value::Bool(new.unique)),
        );
    }
    if old.primary_key != new.primary_key {
        collector.push(
            ChangeKind::PrimaryKeyChanged,
            Direction::Both,
            location,
            format!(
                "`{location}` {} part of the primary key.",
                if new.primary_key { "is now" } else { "is no longer" }
            ),
            Some(Value::Bool(old.primary_key)),
            Some(Value::Bool(new.primary_key)),
        );
    }
    if old.classification != new.classification {
        // datacontract-cli reports this as information; Meshwright warns (it changes who may read the data) but,
        // like datacontract-cli, does not call it breaking.
        collector.push(
            ChangeKind::ClassificationChanged,
            Direction::Neither,
            location,
            format!(
                "The classification of `{location}` changed from {} to {}: access and handling rules change with it.",
                old.classification.as_deref().unwrap_or("none"),
                new.classification.as_deref().unwrap_or("none")
            ),
            text(old.classification.as_ref()),
            text(new.classification.as_ref()),
        );
    }
    compare_enum(collector, location, old.extra.get("enum"), new.extra.get("enum"));
    compare_constraints(collector, location, old, new);
    compare_quality(collector, location, &old.quality, &new.quality);
    compare_properties(collector, location, &old.properties, &new.properties);
    if let (Some(old_items), Some(new_items)) = (items_of(old), items_of(new)) {
        compare_property(collector, &format!("{location}[]"), &old_items, &new_items);
    }
}

fn items_of(property: &SchemaProperty) -> Option<SchemaProperty> {
    let mut items = property.extra.get("items")?.clone();
    if let Value::Object(object) = &mut items {
        object.entry("name").or_insert_with(|| Value::String(String::new()));
    }
    serde_json::from_value(items).ok()
}

fn enum_values(value: Option<&Value>) -> Option<BTreeSet<String>> {
    let Value::Array(items) = value? else { return None };
    Some(
        items
            .iter()
            .map(|item| match item {
                Value::Object(entry) => entry.get("value").map_or_else(|| item.to_string(), value_text),
                other => value_text(other),
            })
            .collect(),
    )
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn compare_enum(collector: &mut Collector, location: &str, old: Option<&Value>, new: Option<&Value>) {
    let (old_values, new_values) = (enum_values(old), enum_values(new));
    match (&old_values, &new_values) {
        (Some(old_values), Some(new_values)) => {
            let added: Vec<&String> = new_values.difference(old_values).collect();
            let removed: Vec<&String> = old_values.difference(new_values).collect();
            if !added.is_empty() {
                collector.push(
                    ChangeKind::EnumValuesAdded,
                    Direction::Loosens,
                    location,
                    format!("`{location}` may now hold {}: consumers may not handle them.", list(&added)),
                    old.cloned(),
                    new.cloned(),
                );
            }
            if !removed.is_empty() {
                collector.push(
                    ChangeKind::EnumValuesRemoved,
                    Direction::Tightens,
                    location,
                    format!("`{location}` may no longer hold {}.", list(&removed)),
                    old.cloned(),
                    new.cloned(),
                );
            }
        }
        (Some(_), None) => collector.push(
            ChangeKind::EnumValuesAdded,
            Direction::Loosens,
            location,
            format!("`{location}` is no longer limited to a list of values."),
            old.cloned(),
            None,
        ),
        (None, Some(_)) => collector.push(
            ChangeKind::EnumValuesRemoved,
            Direction::Tightens,
            location,
            format!("`{location}` is now limited to a list of values."),
            None,
            new.cloned(),
        ),
        (None, None) => {}
    }
}

fn list(values: &[&String]) -> String {
    values.iter().map(|value| format!("`{value}`")).collect::<Vec<_>>().join(", ")
}

/// Upper bounds loosen when they grow, lower bounds when they shrink; any other option is compared for equality.
const UPPER_BOUNDS: [&str; 6] = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties", "precision"];
const LOWER_BOUNDS: [&str; 5] = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];

fn compare_constraints(collector: &mut Collector, location: &str, old: &SchemaProperty, new: &SchemaProperty) {
    let empty = serde_json::Map::new();
    let old_options = old.extra.get("logicalTypeOptions").and_then(Value::as_object).unwrap_or(&empty);
    let new_options = new.extra.get("logicalTypeOptions").and_then(Value::as_object).unwrap_or(&empty);
    let keys: BTreeSet<&String> = old_options.keys().chain(new_options.keys()).collect();
    for key in keys {
        let (old_value, new_value) = (old_options.get(key), new_options.get(key));
        if old_value == new_value {
            continue;
        }
        let direction = match (old_value.and_then(Value::as_f64), new_value.and_then(Value::as_f64)) {
            _ if old_value.is_none() => Direction::Tightens,
            _ if new_value.is_none() => Direction::Loosens,
            (Some(before), Some(after)) if UPPER_BOUNDS.contains(&key.as_str()) => {
                if after > before {
                    Direction::Loosens
                } else {
                    Direction::Tightens
                }
            }
            (Some(before), Some(after)) if LOWER_BOUNDS.contains(&key.as_str()) => {
                if after < before {
                    Direction::Loosens
                } else {
                    Direction::Tightens
                }
            }
            _ => Direction::Both,
        };
        let (kind, verb) = match direction {
            Direction::Loosens => (ChangeKind::ConstraintLoosened, "loosened"),
            Direction::Tightens => (ChangeKind::ConstraintTightened, "tightened"),
            _ => (ChangeKind::ConstraintChanged, "changed"),
        };
        collector.push(
            kind,
            direction,
            location,
            format!("The `{key}` constraint of `{location}` was {verb}."),
            old_value.cloned(),
            new_value.cloned(),
        );
    }
}

fn rule_key(index: usize, rule: &QualityRule) -> String {
    rule.name
        .clone()
        .or_else(|| rule.extra.get("id").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| rule.metric.clone().map(|metric| format!("{metric} rule")))
        .unwrap_or_else(|| format!("rule {}", index + 1))
}

fn compare_quality(collector: &mut Collector, location: &str, old: &[QualityRule], new: &[QualityRule]) {
    let old_keyed: Vec<(String, &QualityRule)> =
        old.iter().enumerate().map(|(index, rule)| (rule_key(index, rule), rule)).collect();
    let new_keyed: Vec<(String, &QualityRule)> =
        new.iter().enumerate().map(|(index, rule)| (rule_key(index, rule), rule)).collect();
    for (key, old_rule) in &old_keyed {
        match new_keyed.iter().find(|(new_key, _)| new_key == key) {
            None => collector.push(
                ChangeKind::QualityRuleRemoved,
                Direction::Loosens,
                location,
                format!("Quality rule `{key}` on `{location}` was removed: consumers lose that guarantee."),
                serde_json::to_value(old_rule).ok(),
                None,
            ),
            Some((_, new_rule)) if new_rule != old_rule => collector.push(
                ChangeKind::QualityRuleChanged,
                quality_direction(old_rule, new_rule),
                location,
                format!("Quality rule `{key}` on `{location}` changed."),
                serde_json::to_value(old_rule).ok(),
                serde_json::to_value(new_rule).ok(),
            ),
            Some(_) => {}
        }
    }
    for (key, new_rule) in &new_keyed {
        if !old_keyed.iter().any(|(old_key, _)| old_key == key) {
            collector.push(
                ChangeKind::QualityRuleAdded,
                Direction::Tightens,
                location,
                format!("Quality rule `{key}` on `{location}` was added."),
                None,
                serde_json::to_value(new_rule).ok(),
            );
        }
    }
}

/// Whether a changed rule asks more of the data (a higher lower bound, a lower upper bound) or less; any other
/// change (a new query, another metric or operator) obliges both sides.
fn quality_direction(old: &QualityRule, new: &QualityRule) -> Direction {
    const BOUNDS: [(&str, bool); 4] = [
        ("mustBeGreaterThan", true),
        ("mustBeGreaterOrEqualTo", true),
        ("mustBeLessThan", false),
        ("mustBeLessOrEqualTo", false),
    ];
    let (mut old_rest, mut new_rest) = (old.clone(), new.clone());
    let mut bounds = Vec::new();
    for (operator, higher_is_stricter) in BOUNDS {
        bounds.push((old_rest.extra.remove(operator), new_rest.extra.remove(operator), higher_is_stricter));
    }
    if old_rest != new_rest {
        return Direction::Both;
    }
    for (before, after, higher_is_stricter) in bounds {
        match (before.as_ref().and_then(Value::as_f64), after.as_ref().and_then(Value::as_f64)) {
            (Some(before), Some(after)) if before != after => {
                return if (after > before) == higher_is_stricter { Direction::Tightens } else { Direction::Loosens };
            }
            _ if before != after => return Direction::Both,
            _ => {}
        }
    }
    Direction::Both
}

fn compare_sla(collector: &mut Collector, old: &Contract, new: &Contract) {
    let key = |property: &crate::model::SlaProperty| {
        format!(
            "{}{}",
            property.property,
            property.element.as_ref().map(|element| format!(" of {element}")).unwrap_or_default()
        )
    };
    for old_sla in &old.sla_properties {
        let location = format!("slaProperties.{}", key(old_sla));
        match new.sla_properties.iter().find(|sla| key(sla) == key(old_sla)) {
            None => collector.push(
                ChangeKind::SlaRemoved,
                Direction::Loosens,
                &location,
                format!("The SLA `{}` was removed: consumers lose that promise.", key(old_sla)),
                Some(old_sla.value.clone()),
                None,
            ),
            // A changed SLA is a warning, not a break, as in datacontract-cli: whether 8 h is worse than 4 h depends
            // on the property, and SLAs are promises about operation, not about the data's shape.
            Some(new_sla) if new_sla != old_sla => collector.push(
                ChangeKind::SlaChanged,
                Direction::Neither,
                &location,
                format!(
                    "The SLA `{}` changed from {} {} to {} {}.",
                    key(old_sla),
                    value_text(&old_sla.value),
                    old_sla.unit.as_deref().unwrap_or(""),
                    value_text(&new_sla.value),
                    new_sla.unit.as_deref().unwrap_or("")
                )
                .replace("  ", " ")
                .replace(" .", "."),
                Some(old_sla.value.clone()),
                Some(new_sla.value.clone()),
            ),
            Some(_) => {}
        }
    }
    for new_sla in &new.sla_properties {
        if !old.sla_properties.iter().any(|sla| key(sla) == key(new_sla)) {
            collector.push(
                ChangeKind::SlaAdded,
                Direction::Tightens,
                &format!("slaProperties.{}", key(new_sla)),
                format!("The SLA `{}` was added.", key(new_sla)),
                None,
                Some(new_sla.value.clone()),
            );
        }
    }
}

fn compare_servers(collector: &mut Collector, old: &Contract, new: &Contract) {
    for old_server in &old.servers {
        let location = format!("servers.{}", old_server.server);
        match new.servers.iter().find(|server| server.server == old_server.server) {
            None => collector.push(
                ChangeKind::ServerRemoved,
                Direction::Loosens,
                &location,
                format!("Server `{}` was removed: consumers reading from it lose access.", old_server.server),
                None,
                None,
            ),
            // A changed server is a warning, as in datacontract-cli; removing one is breaking.
            Some(new_server) if new_server != old_server => collector.push(
                ChangeKind::ServerChanged,
                Direction::Neither,
                &location,
                format!("Server `{}` changed (type, location or connection details).", old_server.server),
                serde_json::to_value(old_server).ok(),
                serde_json::to_value(new_server).ok(),
            ),
            Some(_) => {}
        }
    }
    for new_server in &new.servers {
        if !old.servers.iter().any(|server| server.server == new_server.server) {
            collector.push(
                ChangeKind::ServerAdded,
                Direction::Neither,
                &format!("servers.{}", new_server.server),
                format!("Server `{}` was added.", new_server.server),
                None,
                None,
            );
        }
    }
}
