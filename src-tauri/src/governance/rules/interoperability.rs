//! Interoperability: ids follow the agreed naming conventions, product ids carry their domain, tags come from an
//! agreed vocabulary, names are unique, and property names follow one style.

use super::documentation::walk_properties;
use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::{EntityRef, Severity};
use crate::model::{Contract, DataProduct, EntityKind};

/// How many namesakes a duplicate-name finding names.
const MAX_NAMED_DUPLICATES: usize = 3;

pub(super) const RULES: &[RuleInfo] = &[ID_PATTERN, ID_DOMAIN_PREFIX, TAG_VOCABULARY, DUPLICATE_NAME, PROPERTY_NAME];

const ID_PATTERN: RuleInfo = RuleInfo {
    id: "MW-INT-001",
    family: RuleFamily::Interoperability,
    title: "Ids follow the naming convention of their kind",
    rationale: "Ids become file names, topic names and catalog keys; one convention keeps them predictable.",
    default_severity: Severity::Warning,
    parameters: "domain, team, sourceSystem, consumer=^[a-z][a-z0-9-]*$; product, contract=^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$",
};
const ID_DOMAIN_PREFIX: RuleInfo = RuleInfo {
    id: "MW-INT-002",
    family: RuleFamily::Interoperability,
    title: "A product id starts with its domain id",
    rationale: "`domain.product` ids make ownership visible wherever the id appears.",
    default_severity: Severity::Warning,
    parameters: "",
};
const TAG_VOCABULARY: RuleInfo = RuleInfo {
    id: "MW-INT-003",
    family: RuleFamily::Interoperability,
    title: "Tags come from the agreed vocabulary",
    rationale: "Search and catalog facets work only when everyone tags with the same words. Off until the policy \
                pack lists the allowed tags.",
    default_severity: Severity::Warning,
    parameters: "allowed=[] (empty: any tag)",
};
const DUPLICATE_NAME: RuleInfo = RuleInfo {
    id: "MW-INT-004",
    family: RuleFamily::Interoperability,
    title: "Product and contract names are unique",
    rationale: "Two products with the same name confuse people searching the catalog and choosing what to read.",
    default_severity: Severity::Warning,
    parameters: "",
};
const PROPERTY_NAME: RuleInfo = RuleInfo {
    id: "MW-INT-005",
    family: RuleFamily::Interoperability,
    title: "Property names follow the naming convention",
    rationale: "One case style across contracts lets consumers join and query without quoting or guessing.",
    default_severity: Severity::Warning,
    parameters: "pattern=^[a-z][a-z0-9_]*$",
};

pub(super) fn identifier(context: &RuleContext<'_>, kind: EntityKind, id: &str, sink: &mut FindingSink<'_>) {
    let Some((_, pattern)) = context.parameters.id_patterns.iter().find(|(pattern_kind, _)| *pattern_kind == kind)
    else {
        return;
    };
    if !pattern.is_match(id) {
        let document = sink.document();
        sink.report(
            &ID_PATTERN,
            format!("{document}/id"),
            format!("The id of {kind} `{id}` does not match the naming convention `{}`", pattern.as_str()),
            "Rename the entity to follow the convention (or change MW-INT-001's pattern in the policy pack).",
        );
    }
}

fn tags(context: &RuleContext<'_>, what: &str, tags: &[String], path: &str, sink: &mut FindingSink<'_>) {
    let allowed = &context.parameters.allowed_tags;
    if allowed.is_empty() {
        return;
    }
    for (position, tag) in tags.iter().enumerate() {
        if !allowed.iter().any(|known| known.eq_ignore_ascii_case(tag)) {
            sink.report(
                &TAG_VOCABULARY,
                format!("{path}/tags[{position}]"),
                format!("{what} has tag `{tag}`, which is not in the agreed vocabulary"),
                "Use a tag from the vocabulary (MW-INT-003 parameter `allowed`) or propose adding it.",
            );
        }
    }
}

fn duplicates(
    what: &str,
    kind: EntityKind,
    id: &str,
    name: &str,
    same: Option<&std::collections::BTreeSet<crate::model::Id>>,
    path: String,
    sink: &mut FindingSink<'_>,
) {
    let Some(same) = same else { return };
    let total = same.len().saturating_sub(1);
    if total == 0 {
        return;
    }
    // A name shared by hundreds of entities would make every finding list all of them: name the first few.
    let others: Vec<EntityRef> = same
        .iter()
        .filter(|other| other.as_str() != id)
        .take(MAX_NAMED_DUPLICATES)
        .map(|other| EntityRef::new(kind, other.as_str()))
        .collect();
    let mut names: Vec<&str> = others.iter().map(|other| other.id.as_str()).collect();
    let more = format!("and {} more", total.saturating_sub(others.len()));
    if total > others.len() {
        names.push(&more);
    }
    sink.report_with(
        &DUPLICATE_NAME,
        path,
        format!("{what} `{id}` has the name \"{name}\", like {}", names.join(", ")),
        "Give each one a distinct, descriptive name.",
        others,
    );
}

pub(super) fn product(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    identifier(context, EntityKind::Product, product.id.as_str(), sink);
    if let Some(domain) = &product.domain {
        let prefixed = product.id.as_str().strip_prefix(domain.as_str()).is_some_and(|rest| rest.starts_with('.'));
        if !prefixed {
            sink.report(
                &ID_DOMAIN_PREFIX,
                format!("{document}/id"),
                format!(
                    "Data product `{}` belongs to domain `{domain}` but its id does not start with `{domain}.`",
                    product.id
                ),
                format!("Rename the product to `{domain}.<name>`."),
            );
        }
    }
    tags(context, &format!("Data product `{}`", product.id), &product.tags, &document, sink);
    let key = product.name.trim().to_lowercase();
    duplicates(
        "Data product",
        EntityKind::Product,
        product.id.as_str(),
        &product.name,
        context.index.product_names.get(&key),
        format!("{document}/name"),
        sink,
    );
}

pub(super) fn contract(context: &RuleContext<'_>, contract: &Contract, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let id = &contract.id;
    identifier(context, EntityKind::Contract, id.as_str(), sink);
    tags(context, &format!("Contract `{id}`"), &contract.tags, &document, sink);
    if let Some(name) = &contract.name {
        duplicates(
            "Contract",
            EntityKind::Contract,
            id.as_str(),
            name,
            context.index.contract_names.get(&name.trim().to_lowercase()),
            format!("{document}/name"),
            sink,
        );
    }
    let Some(pattern) = &context.parameters.property_name_pattern else { return };
    for (object_position, object) in contract.schema.iter().enumerate() {
        walk_properties(&object.properties, &format!("{document}/schema[{object_position}]"), &mut |path, property| {
            if !pattern.is_match(&property.name) {
                sink.report(
                    &PROPERTY_NAME,
                    format!("{path}.name"),
                    format!(
                        "Property `{}` of `{}` in contract `{id}` does not match the naming convention `{}`",
                        property.name,
                        object.name,
                        pattern.as_str()
                    ),
                    "Rename the property (keep the platform's name in physicalName).",
                );
            }
        });
    }
}
