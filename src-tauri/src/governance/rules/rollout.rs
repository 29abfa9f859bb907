//! Rollout: a product planned to go live in a wave before a product it reads. The wave plan is the user's
//! (`Wave` entities); the order is the waves' numbers, and a product takes its own wave or else its domain's.

use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::{EntityRef, Severity};
use crate::model::{Binding, DataProduct, EntityKind, Status};

pub(super) const RULES: &[RuleInfo] = &[WAVE_ORDER];

const WAVE_ORDER: RuleInfo = RuleInfo {
    id: "MW-ROL-001",
    family: RuleFamily::Rollout,
    title: "A product goes live no earlier than the products it reads",
    rationale: "A product planned for a wave before one of its inputs has nothing to read on its go-live day; move \
                it to the same or a later wave, or bring the input forward.",
    default_severity: Severity::Warning,
    parameters: "",
};

/// Whether a product is live already (it needs no wave to be readable).
fn is_live(product: &DataProduct) -> bool {
    matches!(product.status, Status::Active | Status::Deprecated)
}

pub(crate) fn product(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let index = context.index;
    let Some((number, wave)) = index.wave_of(product) else { return };
    for (position, port) in product.input_ports.iter().enumerate() {
        let Binding::Contract { contract_id, .. } = &port.source else { continue };
        for provider_id in index.publishers_of(contract_id.as_str()) {
            if provider_id == &product.id {
                continue;
            }
            let Some(provider) = context.mesh.products.get(provider_id.as_str()) else { continue };
            let path = format!("{}/inputPorts[{position}]", sink.document());
            let mut others = vec![
                EntityRef::new(EntityKind::Product, provider_id.as_str()),
                EntityRef::new(EntityKind::Wave, wave.as_str()),
            ];
            match index.wave_of(provider) {
                Some((provider_number, provider_wave)) if provider_number > number => {
                    others.push(EntityRef::new(EntityKind::Wave, provider_wave.as_str()));
                    sink.report_with(
                        &WAVE_ORDER,
                        path,
                        format!(
                            "Product `{}` goes live in wave {number} but reads `{contract_id}` from product \
                             `{provider_id}`, which goes live in wave {provider_number}",
                            product.id
                        ),
                        format!(
                            "Move `{}` to wave {provider_number} or later, or move `{provider_id}` to wave {number} \
                             or earlier.",
                            product.id
                        ),
                        others,
                    );
                }
                None if !is_live(provider) => sink.report_with(
                    &WAVE_ORDER,
                    path,
                    format!(
                        "Product `{}` goes live in wave {number} but reads `{contract_id}` from product \
                         `{provider_id}`, which is in no wave and not live yet (status {})",
                        product.id, provider.status
                    ),
                    format!("Plan `{provider_id}` in wave {number} or earlier."),
                    others,
                ),
                _ => {}
            }
        }
    }
}
