//! Organisation: no team owns more products than it can look after, every domain owns a product, and consumers
//! have an owner to talk to.

use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::Severity;
use crate::model::{Domain, Team};

pub(super) const RULES: &[RuleInfo] = &[TEAM_LOAD, DOMAIN_WITHOUT_PRODUCT, TEAM_WITHOUT_MEMBERS];

const TEAM_LOAD: RuleInfo = RuleInfo {
    id: "MW-ORG-001",
    family: RuleFamily::Organisation,
    title: "A team owns no more products than the agreed maximum",
    rationale: "Cognitive load: a team that owns too many products cannot keep each one's contract, quality and \
                consumers in hand.",
    default_severity: Severity::Warning,
    parameters: "max=10",
};
const DOMAIN_WITHOUT_PRODUCT: RuleInfo = RuleInfo {
    id: "MW-ORG-002",
    family: RuleFamily::Organisation,
    title: "A domain owns at least one data product",
    rationale: "A domain with no product is a plan, not yet part of the mesh.",
    default_severity: Severity::Info,
    parameters: "",
};
const TEAM_WITHOUT_MEMBERS: RuleInfo = RuleInfo {
    id: "MW-ORG-003",
    family: RuleFamily::Organisation,
    title: "A team has members",
    rationale: "A team without people cannot own anything; it is a placeholder.",
    default_severity: Severity::Warning,
    parameters: "",
};

pub(super) fn team(context: &RuleContext<'_>, team: &Team, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let count = context.index.team_product_count(team.id.as_str());
    let max = context.parameters.max_products_per_team;
    if count > max {
        sink.report(
            &TEAM_LOAD,
            document.clone(),
            format!("Team `{}` owns {count} data products, more than the agreed maximum of {max}", team.id),
            "Split the team, hand products to another team, or raise MW-ORG-001's `max` in the policy pack.",
        );
    }
    if team.members.is_empty() {
        sink.report(
            &TEAM_WITHOUT_MEMBERS,
            format!("{document}/members"),
            format!("Team `{}` has no members", team.id),
            "Add the team's members with their roles.",
        );
    }
}

pub(super) fn domain(context: &RuleContext<'_>, domain: &Domain, sink: &mut FindingSink<'_>) {
    if context.index.domain_products.get(domain.id.as_str()).is_none_or(|products| products.is_empty()) {
        let document = sink.document();
        sink.report(
            &DOMAIN_WITHOUT_PRODUCT,
            document,
            format!("Domain `{}` owns no data product", domain.id),
            "Add the domain's first product, or merge the domain into another.",
        );
    }
}
