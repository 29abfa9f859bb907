//! Documentation: a product says why it exists, ports and properties say what they hold, so that a consumer can
//! use the data without asking the owner.

use super::{FindingSink, RuleFamily, RuleInfo, is_blank};
use crate::governance::findings::Severity;
use crate::model::{Contract, DataProduct, Domain, SchemaProperty};

pub(super) const RULES: &[RuleInfo] =
    &[PRODUCT_PURPOSE, PORT_DESCRIPTION, PROPERTY_DESCRIPTION, CONTRACT_PURPOSE, PROPERTY_EXAMPLES, DOMAIN_DESCRIPTION];

const PRODUCT_PURPOSE: RuleInfo = RuleInfo {
    id: "MW-DOC-001",
    family: RuleFamily::Documentation,
    title: "A data product states its purpose",
    rationale: "Discoverability: a consumer browsing the catalog decides from the purpose whether the product fits.",
    default_severity: Severity::Warning,
    parameters: "",
};
const PORT_DESCRIPTION: RuleInfo = RuleInfo {
    id: "MW-DOC-002",
    family: RuleFamily::Documentation,
    title: "An output port has a description",
    rationale: "A product with several ports must say what each one offers and how they differ.",
    default_severity: Severity::Warning,
    parameters: "",
};
const PROPERTY_DESCRIPTION: RuleInfo = RuleInfo {
    id: "MW-DOC-003",
    family: RuleFamily::Documentation,
    title: "A contract property has a description",
    rationale: "Column names are not semantics: units, time zones and business meaning belong in the contract.",
    default_severity: Severity::Warning,
    parameters: "",
};
const CONTRACT_PURPOSE: RuleInfo = RuleInfo {
    id: "MW-DOC-004",
    family: RuleFamily::Documentation,
    title: "A contract states its purpose",
    rationale: "The contract's description (purpose, limitations, usage) is the terms consumers agree to.",
    default_severity: Severity::Warning,
    parameters: "",
};
const PROPERTY_EXAMPLES: RuleInfo = RuleInfo {
    id: "MW-DOC-005",
    family: RuleFamily::Documentation,
    title: "Contract properties carry examples",
    rationale: "Examples show formats (ids, codes, timestamps) faster than prose; reported once per contract.",
    default_severity: Severity::Info,
    parameters: "",
};
const DOMAIN_DESCRIPTION: RuleInfo = RuleInfo {
    id: "MW-DOC-006",
    family: RuleFamily::Documentation,
    title: "A domain has a description",
    rationale: "A domain's boundary is a decision; writing it down avoids products landing in the wrong domain.",
    default_severity: Severity::Info,
    parameters: "",
};

pub(super) fn product(product: &DataProduct, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    if is_blank(product.description.purpose.as_ref()) {
        sink.report(
            &PRODUCT_PURPOSE,
            format!("{document}/description.purpose"),
            format!("Data product `{}` does not state its purpose", product.id),
            "Write description.purpose: why the product exists and what questions it answers.",
        );
    }
    for (position, port) in product.output_ports.iter().enumerate() {
        if is_blank(port.description.as_ref()) {
            sink.report(
                &PORT_DESCRIPTION,
                format!("{document}/outputPorts[{position}].description"),
                format!("Output port `{}` of data product `{}` has no description", port.name, product.id),
                "Describe what the port offers and how it differs from the product's other ports.",
            );
        }
    }
}

pub(super) fn contract(contract: &Contract, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    if contract.description.as_ref().is_none_or(|description| is_blank(description.purpose.as_ref())) {
        sink.report(
            &CONTRACT_PURPOSE,
            format!("{document}/description.purpose"),
            format!("Contract `{}` does not state its purpose", contract.id),
            "Write description.purpose (and limitations and usage) in the contract.",
        );
    }
    let mut without_examples = 0;
    let mut total = 0;
    for (object_position, object) in contract.schema.iter().enumerate() {
        walk_properties(&object.properties, &format!("{document}/schema[{object_position}]"), &mut |path, property| {
            total += 1;
            if property.examples.is_empty() {
                without_examples += 1;
            }
            if is_blank(property.description.as_ref()) {
                sink.report(
                    &PROPERTY_DESCRIPTION,
                    path.to_owned(),
                    format!(
                        "Property `{}` of `{}` in contract `{}` has no description",
                        property.name, object.name, contract.id
                    ),
                    "Describe the property: meaning, unit, time zone, allowed values.",
                );
            }
        });
    }
    if without_examples > 0 {
        sink.report(
            &PROPERTY_EXAMPLES,
            format!("{document}/schema"),
            format!("Contract `{}`: {without_examples} of {total} properties have no examples", contract.id),
            "Add one or two realistic `examples` to each property.",
        );
    }
}

pub(super) fn domain(domain: &Domain, sink: &mut FindingSink<'_>) {
    if is_blank(domain.description.as_ref()) {
        let document = sink.document();
        sink.report(
            &DOMAIN_DESCRIPTION,
            format!("{document}/description"),
            format!("Domain `{}` has no description", domain.id),
            "Describe the domain's boundary: which business capabilities it covers.",
        );
    }
}

/// Visits every property, nested ones included, with its document path. One buffer holds the path, so a walk
/// over a large schema allocates nothing per property.
pub(crate) fn walk_properties(
    properties: &[SchemaProperty],
    parent: &str,
    visit: &mut dyn FnMut(&str, &SchemaProperty),
) {
    let mut path = String::with_capacity(parent.len() + 64);
    path.push_str(parent);
    walk_into(properties, &mut path, visit);
}

fn walk_into(properties: &[SchemaProperty], path: &mut String, visit: &mut dyn FnMut(&str, &SchemaProperty)) {
    for (position, property) in properties.iter().enumerate() {
        let length = path.len();
        path.push_str(".properties[");
        push_decimal(path, position);
        path.push(']');
        visit(path, property);
        if !property.properties.is_empty() {
            walk_into(&property.properties, path, visit);
        }
        path.truncate(length);
    }
}

/// Appends a number in decimal without going through `fmt`, which dominated the walk over large schemas.
fn push_decimal(text: &mut String, number: usize) {
    let mut digits = [0u8; 20];
    let mut remaining = number;
    let mut count = 0;
    loop {
        digits[count] = b'0' + (remaining % 10) as u8;
        count += 1;
        remaining /= 10;
        if remaining == 0 {
            break;
        }
    }
    for digit in digits[..count].iter().rev() {
        text.push(char::from(*digit));
    }
}
