//! Lifecycle: what depends on deprecated or retired contracts, retired products that are still read, deprecated
//! contracts without (or past) an end of support, and products whose status disagrees with their contracts'.

use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::{EntityRef, Severity};
use crate::model::{Binding, Consumer, Contract, DataProduct, EntityKind, Status};

pub(super) const RULES: &[RuleInfo] = &[
    ON_DEPRECATED,
    ON_RETIRED,
    RETIRED_READ,
    DEPRECATED_WITHOUT_END,
    STATUS_CONSISTENCY,
    PAST_END_OF_SUPPORT,
    ON_UNRELEASED,
];

const ON_DEPRECATED: RuleInfo = RuleInfo {
    id: "MW-LIF-001",
    family: RuleFamily::Lifecycle,
    title: "An active product or a consumer depends on a deprecated contract",
    rationale: "A deprecated contract will go away; its readers must migrate to the successor before the end of \
                support.",
    default_severity: Severity::Warning,
    parameters: "",
};
const ON_RETIRED: RuleInfo = RuleInfo {
    id: "MW-LIF-002",
    family: RuleFamily::Lifecycle,
    title: "An active product or a consumer depends on a retired contract",
    rationale: "A retired contract is no longer served: whatever reads it is already broken.",
    default_severity: Severity::Error,
    parameters: "",
};
const RETIRED_READ: RuleInfo = RuleInfo {
    id: "MW-LIF-003",
    family: RuleFamily::Lifecycle,
    title: "A retired product still has consumers",
    rationale: "Retiring a product that others read breaks them; migrate the readers first.",
    default_severity: Severity::Error,
    parameters: "",
};
const DEPRECATED_WITHOUT_END: RuleInfo = RuleInfo {
    id: "MW-LIF-004",
    family: RuleFamily::Lifecycle,
    title: "A deprecated contract has an end-of-support date",
    rationale: "Readers can plan a migration only when they know the date the contract stops being served.",
    default_severity: Severity::Warning,
    parameters: "",
};
const STATUS_CONSISTENCY: RuleInfo = RuleInfo {
    id: "MW-LIF-005",
    family: RuleFamily::Lifecycle,
    title: "A product's status agrees with its contracts' status",
    rationale: "An active product publishing a draft or retired contract, or a retired product publishing an active \
                one, tells consumers two different stories.",
    default_severity: Severity::Warning,
    parameters: "",
};
const PAST_END_OF_SUPPORT: RuleInfo = RuleInfo {
    id: "MW-LIF-006",
    family: RuleFamily::Lifecycle,
    title: "A deprecated contract is past its end of support",
    rationale: "After the announced date the contract should be retired; keeping it breaks the promise to move on.",
    default_severity: Severity::Warning,
    parameters: "",
};
const ON_UNRELEASED: RuleInfo = RuleInfo {
    id: "MW-LIF-007",
    family: RuleFamily::Lifecycle,
    title: "An active product depends on a draft or proposed contract",
    rationale: "A draft contract may still change without notice; an active product built on it inherits that risk.",
    default_severity: Severity::Warning,
    parameters: "",
};

/// The end-of-support date a contract declares (SLA property, top-level field or custom property), as text.
pub(crate) fn end_of_support(contract: &Contract) -> Option<String> {
    const NAMES: &[&str] = &["endOfSupport", "endOfSupportDate", "endOfLife", "sunset"];
    let text = |value: &serde_json::Value| value.as_str().map(str::to_owned).filter(|text| !text.trim().is_empty());
    contract
        .sla_properties
        .iter()
        .find(|sla| NAMES.iter().any(|name| sla.property.eq_ignore_ascii_case(name)))
        .and_then(|sla| text(&sla.value))
        .or_else(|| NAMES.iter().find_map(|name| contract.extra.get(*name).and_then(text)))
        .or_else(|| {
            contract
                .custom_properties
                .iter()
                .find(|property| NAMES.iter().any(|name| property.property.eq_ignore_ascii_case(name)))
                .and_then(|property| text(&property.value))
        })
}

/// Findings about what a reader depends on.
fn reader_bindings<'a>(
    context: &RuleContext<'_>,
    bindings: impl Iterator<Item = &'a Binding>,
    path_of: &dyn Fn(usize) -> String,
    reader: &str,
    active: bool,
    sink: &mut FindingSink<'_>,
) {
    for (position, binding) in bindings.enumerate() {
        let Binding::Contract { contract_id, .. } = binding else { continue };
        let Some(contract) = context.mesh.contracts.get(contract_id.as_str()) else { continue };
        if !matches!(contract.status, Status::Deprecated | Status::Retired | Status::Draft | Status::Proposed) {
            continue;
        }
        let path = path_of(position);
        let other = vec![EntityRef::new(EntityKind::Contract, contract_id.as_str())];
        match contract.status {
            Status::Deprecated => {
                let until =
                    end_of_support(contract).map(|date| format!(" (end of support {date})")).unwrap_or_default();
                let successor = contract
                    .custom_properties
                    .iter()
                    .find(|property| property.property == "successorContractId")
                    .and_then(|property| property.value.as_str())
                    .map(|successor| format!("Migrate to `{successor}` before the end of support."))
                    .unwrap_or_else(|| "Migrate to the contract's successor before the end of support.".to_owned());
                sink.report_with(
                    &ON_DEPRECATED,
                    path,
                    format!("{reader} depends on deprecated contract `{contract_id}`{until}"),
                    successor,
                    other,
                );
            }
            Status::Retired => sink.report_with(
                &ON_RETIRED,
                path,
                format!("{reader} depends on retired contract `{contract_id}`"),
                "Bind the input to the contract that replaced it, or remove the input.",
                other,
            ),
            Status::Draft | Status::Proposed if active => sink.report_with(
                &ON_UNRELEASED,
                path,
                format!("{reader} depends on contract `{contract_id}`, which is still {}", contract.status),
                "Release the contract (status active) or keep the product in draft.",
                other,
            ),
            _ => {}
        }
    }
}

pub(super) fn product(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let active = product.status == Status::Active;
    if active {
        let bindings = product.input_ports.iter().map(|port| &port.source);
        let path_of = |position: usize| format!("{document}/inputPorts[{position}]");
        reader_bindings(context, bindings, &path_of, &format!("Active data product `{}`", product.id), true, sink);
    }
    if product.status == Status::Retired {
        let readers: Vec<EntityRef> = context.index.product_readers(product).cloned().collect();
        if !readers.is_empty() {
            let names: Vec<String> = readers.iter().map(ToString::to_string).collect();
            sink.report_with(
                &RETIRED_READ,
                format!("{document}/status"),
                format!("Retired data product `{}` is still read by {}", product.id, names.join(", ")),
                "Migrate the readers to another product before retiring this one.",
                readers,
            );
        }
    }
    for (position, port) in product.output_ports.iter().enumerate() {
        let Some(contract_id) = &port.contract_id else { continue };
        let Some(contract) = context.mesh.contracts.get(contract_id.as_str()) else { continue };
        let disagreement = matches!(
            (&product.status, &contract.status),
            (Status::Active, Status::Draft | Status::Proposed | Status::Retired) | (Status::Retired, Status::Active)
        );
        if disagreement {
            sink.report_with(
                &STATUS_CONSISTENCY,
                format!("{document}/outputPorts[{position}].contractId"),
                format!(
                    "Data product `{}` is {} but its contract `{contract_id}` is {}",
                    product.id, product.status, contract.status
                ),
                "Align the statuses: release the contract with the product, or retire both together.",
                vec![EntityRef::new(EntityKind::Contract, contract_id.as_str())],
            );
        }
    }
}

pub(super) fn consumer(context: &RuleContext<'_>, consumer: &Consumer, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let path_of = |position: usize| format!("{document}/inputs[{position}]");
    reader_bindings(context, consumer.inputs.iter(), &path_of, &format!("Consumer `{}`", consumer.id), false, sink);
}

pub(super) fn contract(context: &RuleContext<'_>, contract: &Contract, sink: &mut FindingSink<'_>) {
    if contract.status != Status::Deprecated {
        return;
    }
    let document = sink.document();
    match end_of_support(contract) {
        None => sink.report(
            &DEPRECATED_WITHOUT_END,
            format!("{document}/slaProperties"),
            format!("Deprecated contract `{}` has no end-of-support date", contract.id),
            "Add an slaProperties entry `endOfSupport` with the date (YYYY-MM-DD) readers must migrate by.",
        ),
        Some(date) if date.get(..10).unwrap_or(&date) < context.today => sink.report(
            &PAST_END_OF_SUPPORT,
            format!("{document}/status"),
            format!("Deprecated contract `{}` is past its end of support ({date})", contract.id),
            "Retire the contract, or move the end of support and tell its readers.",
        ),
        Some(_) => {}
    }
}
