//! Contracts: every output port is specified by a contract that exists, and a contract has a schema with typed
//! properties and keys, SLA properties, a support channel and well-formed quality rules.

use super::documentation::walk_properties;
use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::{EntityRef, Severity};
use crate::model::{Contract, DataProduct, EntityKind, QualityRule};

pub(super) const RULES: &[RuleInfo] = &[
    PORT_CONTRACT,
    PORT_CONTRACT_EXISTS,
    SCHEMA,
    SLA_TIMELINESS,
    SLA_AVAILABILITY,
    SUPPORT,
    LOGICAL_TYPE,
    PRIMARY_KEY,
    QUALITY_WELL_FORMED,
    QUALITY_DECLARED,
    SINGLE_PUBLISHER,
    LOGICAL_TYPE_KNOWN,
];

const PORT_CONTRACT: RuleInfo = RuleInfo {
    id: "MW-CON-001",
    family: RuleFamily::Contracts,
    title: "Every output port has a contract",
    rationale: "The contract is the product's promise: without one, consumers depend on an implementation detail.",
    default_severity: Severity::Error,
    parameters: "",
};
const PORT_CONTRACT_EXISTS: RuleInfo = RuleInfo {
    id: "MW-CON-002",
    family: RuleFamily::Contracts,
    title: "An output port's contract exists in the design",
    rationale: "A port pointing at a contract the design does not hold cannot be checked or published.",
    default_severity: Severity::Error,
    parameters: "",
};
const SCHEMA: RuleInfo = RuleInfo {
    id: "MW-CON-003",
    family: RuleFamily::Contracts,
    title: "A contract has a schema",
    rationale: "The schema is the core of a data contract; without it there is nothing to validate or evolve.",
    default_severity: Severity::Error,
    parameters: "",
};
const SLA_TIMELINESS: RuleInfo = RuleInfo {
    id: "MW-CON-004",
    family: RuleFamily::Contracts,
    title: "A contract declares latency or frequency",
    rationale: "Consumers plan on how fresh the data is; an SLA without timeliness promises nothing measurable.",
    default_severity: Severity::Warning,
    parameters: "",
};
const SLA_AVAILABILITY: RuleInfo = RuleInfo {
    id: "MW-CON-005",
    family: RuleFamily::Contracts,
    title: "A contract declares availability",
    rationale: "Availability tells a consumer whether it may build an operational process on the product.",
    default_severity: Severity::Warning,
    parameters: "",
};
const SUPPORT: RuleInfo = RuleInfo {
    id: "MW-CON-006",
    family: RuleFamily::Contracts,
    title: "A contract names a support channel",
    rationale: "Consumers need one place to ask questions and to hear about incidents and changes.",
    default_severity: Severity::Warning,
    parameters: "",
};
const LOGICAL_TYPE: RuleInfo = RuleInfo {
    id: "MW-CON-007",
    family: RuleFamily::Contracts,
    title: "Every property has a logical type",
    rationale: "The logical type is what makes a contract portable across platforms and testable.",
    default_severity: Severity::Error,
    parameters: "",
};
const PRIMARY_KEY: RuleInfo = RuleInfo {
    id: "MW-CON-008",
    family: RuleFamily::Contracts,
    title: "A table has a primary key",
    rationale: "Without a key, consumers cannot deduplicate, join reliably or test uniqueness.",
    default_severity: Severity::Warning,
    parameters: "",
};
const QUALITY_WELL_FORMED: RuleInfo = RuleInfo {
    id: "MW-CON-009",
    family: RuleFamily::Contracts,
    title: "Quality rules are well formed",
    rationale: "A quality rule that names no known type, metric, query or threshold cannot be executed by any \
                contract test tool, so it silently guarantees nothing.",
    default_severity: Severity::Error,
    parameters: "",
};
const QUALITY_DECLARED: RuleInfo = RuleInfo {
    id: "MW-CON-010",
    family: RuleFamily::Contracts,
    title: "A contract declares at least one quality rule",
    rationale: "Quality guarantees are part of data as a product, and the mesh's productive-products metric counts \
                them.",
    default_severity: Severity::Warning,
    parameters: "",
};
const SINGLE_PUBLISHER: RuleInfo = RuleInfo {
    id: "MW-CON-011",
    family: RuleFamily::Contracts,
    title: "A contract specifies the port of one product",
    rationale: "Two products publishing the same contract split ownership of one promise.",
    default_severity: Severity::Warning,
    parameters: "",
};
const LOGICAL_TYPE_KNOWN: RuleInfo = RuleInfo {
    id: "MW-CON-012",
    family: RuleFamily::Contracts,
    title: "Logical types come from the ODCS vocabulary",
    rationale: "Tools map only the standard logical types; anything else is lost on export.",
    default_severity: Severity::Warning,
    parameters: "",
};

const TIMELINESS_PROPERTIES: &[&str] = &["latency", "frequency", "freshness"];
const AVAILABILITY_PROPERTIES: &[&str] = &["availability", "uptime"];
const LOGICAL_TYPES: &[&str] =
    &["string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean", "map", "vector"];
const QUALITY_TYPES: &[&str] = &["text", "library", "sql", "custom"];
const OPERATORS: &[&str] = &[
    "mustBe",
    "mustNotBe",
    "mustBeGreaterThan",
    "mustBeGreaterOrEqualTo",
    "mustBeGreaterThanOrEqualTo",
    "mustBeLessThan",
    "mustBeLessOrEqualTo",
    "mustBeLessThanOrEqualTo",
    "mustBeBetween",
    "mustNotBeBetween",
];

pub(super) fn product(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    for (position, port) in product.output_ports.iter().enumerate() {
        match &port.contract_id {
            None => sink.report(
                &PORT_CONTRACT,
                format!("{document}/outputPorts[{position}].contractId"),
                format!("Output port `{}` of data product `{}` has no contract", port.name, product.id),
                "Write a contract for the port and set its contractId.",
            ),
            Some(contract) if !context.mesh.contracts.contains_key(contract.as_str()) => sink.report_with(
                &PORT_CONTRACT_EXISTS,
                format!("{document}/outputPorts[{position}].contractId"),
                format!(
                    "Output port `{}` of data product `{}` names contract `{contract}`, which the design does not have",
                    port.name, product.id
                ),
                format!("Add contract `{contract}` to the design or correct the port's contractId."),
                vec![EntityRef::new(EntityKind::Contract, contract.as_str())],
            ),
            Some(_) => {}
        }
    }
}

/// Whether the contract has an SLA property of one of these names (case-insensitive).
pub(crate) fn has_sla(contract: &Contract, names: &[&str]) -> bool {
    contract.sla_properties.iter().any(|sla| names.iter().any(|name| sla.property.eq_ignore_ascii_case(name)))
}

/// Every quality rule of a contract: on objects and on properties at any depth.
pub(crate) fn has_quality(contract: &Contract) -> bool {
    fn in_properties(properties: &[crate::model::SchemaProperty]) -> bool {
        properties.iter().any(|property| !property.quality.is_empty() || in_properties(&property.properties))
    }
    contract.schema.iter().any(|object| !object.quality.is_empty() || in_properties(&object.properties))
        || contract.extra.get("quality").and_then(serde_json::Value::as_array).is_some_and(|rules| !rules.is_empty())
}

/// Whether the contract declares a service level and quality rules: half of what makes a product productive.
pub fn declares_sla_and_quality(contract: &Contract) -> bool {
    has_sla(contract, TIMELINESS_PROPERTIES) && has_sla(contract, AVAILABILITY_PROPERTIES) && has_quality(contract)
}

pub(super) fn contract(context: &RuleContext<'_>, contract: &Contract, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let id = &contract.id;
    if contract.schema.is_empty() {
        sink.report(
            &SCHEMA,
            format!("{document}/schema"),
            format!("Contract `{id}` has no schema"),
            "Describe at least one schema object with its properties.",
        );
    }
    if !has_sla(contract, TIMELINESS_PROPERTIES) {
        sink.report(
            &SLA_TIMELINESS,
            format!("{document}/slaProperties"),
            format!("Contract `{id}` declares neither latency nor frequency"),
            "Add an slaProperties entry `latency` or `frequency` with a value and unit.",
        );
    }
    if !has_sla(contract, AVAILABILITY_PROPERTIES) {
        sink.report(
            &SLA_AVAILABILITY,
            format!("{document}/slaProperties"),
            format!("Contract `{id}` does not declare availability"),
            "Add an slaProperties entry `availability` (for example 99.5 percent).",
        );
    }
    if contract.support.is_empty() {
        sink.report(
            &SUPPORT,
            format!("{document}/support"),
            format!("Contract `{id}` names no support channel"),
            "Add a support entry (channel and url) where consumers can ask questions.",
        );
    }
    if !contract.schema.is_empty() && !has_quality(contract) {
        sink.report(
            &QUALITY_DECLARED,
            format!("{document}/schema"),
            format!("Contract `{id}` declares no quality rule"),
            "Add quality rules (for example nullValues and duplicateValues on the key).",
        );
    }
    let publishers: Vec<EntityRef> = context
        .index
        .publishers_of(id.as_str())
        .map(|product| EntityRef::new(EntityKind::Product, product.as_str()))
        .collect();
    if publishers.len() > 1 {
        let names: Vec<&str> = publishers.iter().map(|product| product.id.as_str()).collect();
        sink.report_with(
            &SINGLE_PUBLISHER,
            document.clone(),
            format!("Contract `{id}` specifies output ports of {} products: {}", publishers.len(), names.join(", ")),
            "Give each product's port its own contract, or move the port to one product.",
            publishers,
        );
    }
    for (object_position, object) in contract.schema.iter().enumerate() {
        let object_path = format!("{document}/schema[{object_position}]");
        check_quality(&object.quality, &object_path, &format!("`{}` in contract `{id}`", object.name), sink);
        let is_table = object
            .physical_type
            .as_deref()
            .is_some_and(|kind| kind.eq_ignore_ascii_case("table") || kind.eq_ignore_ascii_case("view"));
        if is_table && !any_primary_key(&object.properties) {
            sink.report(
                &PRIMARY_KEY,
                object_path.clone(),
                format!("Table `{}` in contract `{id}` has no primary key", object.name),
                "Mark the key properties `primaryKey: true` (with primaryKeyPosition for composite keys).",
            );
        }
        walk_properties(&object.properties, &object_path, &mut |path, property| {
            match property.logical_type.as_deref().map(str::trim) {
                None | Some("") => sink.report(
                    &LOGICAL_TYPE,
                    path.to_owned(),
                    format!("Property `{}` of `{}` in contract `{id}` has no logical type", property.name, object.name),
                    "Set logicalType (string, integer, number, boolean, date, timestamp, time, object, array).",
                ),
                Some(kind) if !LOGICAL_TYPES.iter().any(|known| known.eq_ignore_ascii_case(kind)) => sink.report(
                    &LOGICAL_TYPE_KNOWN,
                    format!("{path}.logicalType"),
                    format!(
                        "Property `{}` of `{}` in contract `{id}` has logical type `{kind}`, which ODCS does not define",
                        property.name, object.name
                    ),
                    "Use an ODCS logical type and put the platform type in physicalType.",
                ),
                Some(_) => {}
            }
            if !property.quality.is_empty() {
                check_quality(
                    &property.quality,
                    path,
                    &format!("property `{}` of `{}` in contract `{id}`", property.name, object.name),
                    sink,
                );
            }
        });
    }
}

fn any_primary_key(properties: &[crate::model::SchemaProperty]) -> bool {
    properties.iter().any(|property| property.primary_key || any_primary_key(&property.properties))
}

/// What is wrong with a quality rule, if anything.
fn quality_problem(rule: &QualityRule) -> Option<String> {
    let kind = rule.rule_type.as_deref().map(str::to_ascii_lowercase).unwrap_or_else(|| "library".to_owned());
    if !QUALITY_TYPES.contains(&kind.as_str()) {
        return Some(format!("has type `{kind}`; ODCS knows text, library, sql and custom"));
    }
    let has_operator = OPERATORS.iter().any(|operator| rule.extra.contains_key(*operator));
    match kind.as_str() {
        "text" if super::is_blank(rule.description.as_ref()) => Some("is a text rule without a description".to_owned()),
        "library" if super::is_blank(rule.metric.as_ref()) && !rule.extra.contains_key("rule") => {
            Some("is a library rule that names no metric".to_owned())
        }
        "library" | "sql" if !has_operator => {
            Some(format!("is a {kind} rule with no threshold (mustBe, mustBeLessThan, …)"))
        }
        "sql" if super::is_blank(rule.query.as_ref()) => Some("is an sql rule without a query".to_owned()),
        "custom" if !rule.extra.contains_key("engine") => Some("is a custom rule that names no engine".to_owned()),
        _ => None,
    }
}

fn check_quality(rules: &[QualityRule], parent: &str, owner: &str, sink: &mut FindingSink<'_>) {
    for (position, rule) in rules.iter().enumerate() {
        if let Some(problem) = quality_problem(rule) {
            let name = rule.name.as_deref().or(rule.metric.as_deref()).unwrap_or("unnamed");
            sink.report(
                &QUALITY_WELL_FORMED,
                format!("{parent}.quality[{position}]"),
                format!("Quality rule {position} ({name}) of {owner} {problem}"),
                "Give the rule a known type and, for library and sql rules, a metric or query and a threshold.",
            );
        }
    }
}
