//! Graph rules: dependency cycles (from `MeshGraph`), inputs bound to something other than an output port or to
//! nothing at all, orphan products, version skew, SLA incoherence along an edge, and archetype flow
//! (source-aligned products read source systems, consumer-aligned products serve consumers).

use super::{FindingSink, RuleContext, RuleFamily, RuleInfo, major_version};
use crate::governance::findings::{EntityRef, Finding, Severity};
use crate::graph::MeshGraph;
use crate::model::{Archetype, Binding, Consumer, Contract, DataProduct, EntityKind, Mesh, Status};

pub(super) const RULES: &[RuleInfo] = &[
    CYCLE,
    NOT_AN_OUTPUT_PORT,
    DANGLING,
    ORPHAN,
    VERSION_SKEW,
    SLA_INCOHERENT,
    SOURCE_ALIGNED_WITHOUT_SOURCE,
    CONSUMER_ALIGNED_WITHOUT_CONSUMER,
];

const CYCLE: RuleInfo = RuleInfo {
    id: "MW-GRF-001",
    family: RuleFamily::Graph,
    title: "Products do not depend on each other in a cycle",
    rationale: "A cycle means no product in it can be built, tested or changed first; it usually hides a product \
                that should be split.",
    default_severity: Severity::Error,
    parameters: "",
};
const NOT_AN_OUTPUT_PORT: RuleInfo = RuleInfo {
    id: "MW-GRF-002",
    family: RuleFamily::Graph,
    title: "An input is bound to a product's output port",
    rationale: "Consumers must depend on a published interface (an output port and its contract), not on a product \
                as a whole or on a contract no product serves.",
    default_severity: Severity::Error,
    parameters: "",
};
const DANGLING: RuleInfo = RuleInfo {
    id: "MW-GRF-003",
    family: RuleFamily::Graph,
    title: "An input refers to a contract or source system of the design",
    rationale: "A dangling reference is a dependency nobody can resolve: a typo, or something removed under a reader.",
    default_severity: Severity::Error,
    parameters: "",
};
const ORPHAN: RuleInfo = RuleInfo {
    id: "MW-GRF-004",
    family: RuleFamily::Graph,
    title: "A data product has a reader",
    rationale: "A product nothing reads costs its team without serving anyone; find its use case or retire it.",
    default_severity: Severity::Warning,
    parameters: "",
};
const VERSION_SKEW: RuleInfo = RuleInfo {
    id: "MW-GRF-005",
    family: RuleFamily::Graph,
    title: "An input pins the provider's current major version",
    rationale: "An input pinned to an older major version reads an interface the provider no longer publishes.",
    default_severity: Severity::Warning,
    parameters: "",
};
const SLA_INCOHERENT: RuleInfo = RuleInfo {
    id: "MW-GRF-006",
    family: RuleFamily::Graph,
    title: "A product promises no fresher data than its inputs provide",
    rationale: "A contract whose latency is shorter than that of every input it is computed from makes a promise it \
                cannot keep.",
    default_severity: Severity::Warning,
    parameters: "",
};
const SOURCE_ALIGNED_WITHOUT_SOURCE: RuleInfo = RuleInfo {
    id: "MW-GRF-007",
    family: RuleFamily::Graph,
    title: "A source-aligned product reads a source system",
    rationale: "Source-aligned products are, by definition, close to an operational system; one that reads none is \
                an aggregate or is missing its source.",
    default_severity: Severity::Warning,
    parameters: "",
};
const CONSUMER_ALIGNED_WITHOUT_CONSUMER: RuleInfo = RuleInfo {
    id: "MW-GRF-008",
    family: RuleFamily::Graph,
    title: "A consumer-aligned product serves a consumer",
    rationale: "Consumer-aligned products exist for a use case; without a consumer that use case is not in the design.",
    default_severity: Severity::Warning,
    parameters: "",
};

/// One finding per dependency cycle, filed under its smallest member and naming every member.
pub(crate) fn cycle_findings(mesh: &Mesh, graph: &MeshGraph) -> Vec<Finding> {
    graph
        .cycles()
        .iter()
        .filter_map(|cycle| {
            let first = cycle.members.first()?;
            let members: Vec<&str> = cycle.members.iter().map(|id| id.as_str()).collect();
            let closing = cycle.closing_edges.first();
            // Point at the input port that closes the cycle, so the fix is one click away.
            let path = closing
                .and_then(|edge| {
                    let product = mesh.products.get(edge.to.id.as_str())?;
                    let name = edge.input_port.as_deref()?;
                    let position = product.input_ports.iter().position(|port| port.name == name)?;
                    Some(format!("products/{}/inputPorts[{position}]", product.id))
                })
                .unwrap_or_else(|| format!("products/{first}"));
            let cut = closing
                .map(|edge| {
                    format!(
                        "Break the cycle, for example by removing the input of `{}` on `{}`.",
                        edge.to.id,
                        edge.contract.as_ref().map_or_else(|| edge.from.id.to_string(), ToString::to_string)
                    )
                })
                .unwrap_or_else(|| "Break the cycle by removing one dependency.".to_owned());
            Some(Finding {
                rule: CYCLE.id.to_owned(),
                severity: CYCLE.default_severity,
                message: if members.len() == 1 {
                    format!("Data product `{first}` depends on itself")
                } else {
                    format!("Data products {} depend on each other in a cycle", members.join(" → "))
                },
                entities: cycle.members.iter().map(|id| EntityRef::new(EntityKind::Product, id.as_str())).collect(),
                path,
                fix: cut,
            })
        })
        .collect()
}

/// Checks of one input binding: what it points at exists and is a published port, at the current major version.
fn binding(
    context: &RuleContext<'_>,
    reader: &str,
    path: &dyn Fn() -> String,
    binding: &Binding,
    sink: &mut FindingSink<'_>,
) {
    match binding {
        Binding::SourceSystem { source_system, .. } => {
            if !context.mesh.source_systems.contains_key(source_system.as_str()) {
                sink.report_with(
                    &DANGLING,
                    path(),
                    format!("{reader} reads source system `{source_system}`, which the design does not have"),
                    format!("Add source system `{source_system}` or correct the input."),
                    vec![EntityRef::new(EntityKind::SourceSystem, source_system.as_str())],
                );
            }
        }
        Binding::Contract { contract_id, version } => {
            let Some(contract) = context.mesh.contracts.get(contract_id.as_str()) else {
                if context.mesh.products.contains_key(contract_id.as_str()) {
                    sink.report_with(
                        &NOT_AN_OUTPUT_PORT,
                        path(),
                        format!(
                            "{reader} is bound to data product `{contract_id}` itself, not to one of its output ports"
                        ),
                        "Bind the input to the contract of one of the product's output ports.",
                        vec![EntityRef::new(EntityKind::Product, contract_id.as_str())],
                    );
                } else {
                    sink.report_with(
                        &DANGLING,
                        path(),
                        format!("{reader} reads contract `{contract_id}`, which the design does not have"),
                        "Correct the contract id, or add the contract and the product that publishes it.",
                        vec![EntityRef::new(EntityKind::Contract, contract_id.as_str())],
                    );
                }
                return;
            };
            if context.index.publishers_of(contract_id.as_str()).next().is_none() {
                sink.report_with(
                    &NOT_AN_OUTPUT_PORT,
                    path(),
                    format!("{reader} reads contract `{contract_id}`, which no product's output port publishes"),
                    "Attach the contract to an output port of the product that serves it.",
                    vec![EntityRef::new(EntityKind::Contract, contract_id.as_str())],
                );
            }
            if let (Some(pinned), Some(current)) = (major_version(version), major_version(&contract.version))
                && pinned < current
            {
                sink.report_with(
                    &VERSION_SKEW,
                    format!("{}.version", path()),
                    format!(
                        "{reader} pins contract `{contract_id}` at {version}, an older major version than the current {}",
                        contract.version
                    ),
                    format!("Migrate the input to version {} and update the pin.", contract.version),
                    vec![EntityRef::new(EntityKind::Contract, contract_id.as_str())],
                );
            }
        }
    }
}

/// The contract's latency in seconds, when it declares one with a unit the check understands.
fn latency_seconds(contract: &Contract) -> Option<f64> {
    let sla = contract.sla_properties.iter().find(|sla| sla.property.eq_ignore_ascii_case("latency"))?;
    let value = match &sla.value {
        serde_json::Value::Number(number) => number.as_f64()?,
        serde_json::Value::String(text) => text.trim().parse().ok()?,
        _ => return None,
    };
    let unit = sla.unit.as_deref().unwrap_or("s").trim().to_ascii_lowercase();
    let seconds = match unit.as_str() {
        "ms" | "millisecond" | "milliseconds" => 0.001,
        "s" | "sec" | "second" | "seconds" => 1.0,
        "m" | "min" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "week" | "weeks" => 604_800.0,
        "mo" | "month" | "months" => 2_629_800.0,
        "y" | "yr" | "year" | "years" => 31_557_600.0,
        _ => return None,
    };
    Some(value * seconds)
}

fn describe_latency(contract: &Contract) -> String {
    contract
        .sla_properties
        .iter()
        .find(|sla| sla.property.eq_ignore_ascii_case("latency"))
        .map(|sla| format!("{} {}", sla.value, sla.unit.as_deref().unwrap_or("")).trim().to_owned())
        .unwrap_or_default()
}

pub(super) fn product(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let reader = format!("Data product `{}`", product.id);
    for (position, port) in product.input_ports.iter().enumerate() {
        binding(context, &reader, &|| format!("{document}/inputPorts[{position}]"), &port.source, sink);
    }
    let readers: Vec<&EntityRef> = context.index.product_readers(product).collect();
    if readers.is_empty() && product.status != Status::Retired {
        sink.report(
            &ORPHAN,
            format!("{document}/outputPorts"),
            format!("Data product `{}` has no reader: no product or consumer uses its output ports", product.id),
            "Connect the consumer or product it was built for, or retire it.",
        );
    }
    match product.archetype {
        Some(Archetype::SourceAligned)
            if !product.input_ports.iter().any(|port| matches!(port.source, Binding::SourceSystem { .. })) =>
        {
            sink.report(
                &SOURCE_ALIGNED_WITHOUT_SOURCE,
                format!("{document}/inputPorts"),
                format!("Source-aligned data product `{}` reads no source system", product.id),
                "Add an input port on its operational source system, or change the archetype to aggregate.",
            )
        }
        Some(Archetype::ConsumerAligned) if !readers.iter().any(|reader| reader.kind == EntityKind::Consumer) => sink
            .report(
                &CONSUMER_ALIGNED_WITHOUT_CONSUMER,
                format!("{document}/outputPorts"),
                format!("Consumer-aligned data product `{}` serves no consumer", product.id),
                "Add the consumer (report, model, application) it is shaped for, or change the archetype.",
            ),
        _ => {}
    }
    sla_coherence(context, product, sink);
}

/// Each output contract promises a latency no shorter than that of the freshest input it is computed from. (A
/// product may join slow reference data onto a fast stream, so only the freshest input bounds its promise.)
fn sla_coherence(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let contracts = &context.mesh.contracts;
    // A source system has no declared latency: a product reading one may be as fresh as it likes.
    if product.input_ports.iter().any(|port| matches!(port.source, Binding::SourceSystem { .. })) {
        return;
    }
    let freshest = product
        .input_ports
        .iter()
        .filter_map(|port| match &port.source {
            Binding::Contract { contract_id, .. } => contracts.get(contract_id.as_str()),
            Binding::SourceSystem { .. } => None,
        })
        .filter_map(|contract| latency_seconds(contract).map(|seconds| (seconds, contract)))
        .min_by(|left, right| left.0.total_cmp(&right.0));
    let Some((input_seconds, input)) = freshest else { return };
    let document = sink.document();
    for (position, port) in product.output_ports.iter().enumerate() {
        let Some(output) = port.contract_id.as_ref().and_then(|id| contracts.get(id.as_str())) else { continue };
        let Some(output_seconds) = latency_seconds(output) else { continue };
        if output_seconds < input_seconds {
            sink.report_with(
                &SLA_INCOHERENT,
                format!("{document}/outputPorts[{position}]"),
                format!(
                    "Data product `{}` promises a latency of {} on `{}`, fresher than its freshest input `{}` provides ({})",
                    product.id,
                    describe_latency(output),
                    output.id,
                    input.id,
                    describe_latency(input)
                ),
                "Relax the output's latency, or ask the provider for a fresher SLA.",
                vec![
                    EntityRef::new(EntityKind::Contract, output.id.as_str()),
                    EntityRef::new(EntityKind::Contract, input.id.as_str()),
                ],
            );
        }
    }
}

pub(super) fn consumer(context: &RuleContext<'_>, consumer: &Consumer, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let reader = format!("Consumer `{}`", consumer.id);
    for (position, input) in consumer.inputs.iter().enumerate() {
        binding(context, &reader, &|| format!("{document}/inputs[{position}]"), input, sink);
    }
}
