//! Ownership: every product and domain has an owner team that exists, and every team has someone in the owner
//! role, because a data product without an accountable owner is not a product.

use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::{EntityRef, Severity};
use crate::model::{Consumer, DataProduct, Domain, EntityKind, Id, Team};

pub(super) const RULES: &[RuleInfo] = &[PRODUCT_OWNER, DOMAIN_OWNER, TEAM_OWNER_ROLE, OWNER_EXISTS, PRODUCT_DOMAIN];

const PRODUCT_OWNER: RuleInfo = RuleInfo {
    id: "MW-OWN-001",
    family: RuleFamily::Ownership,
    title: "A data product has an owner team",
    rationale: "Domain ownership is the first principle of data mesh: someone must be accountable for each product's \
                quality, contract and consumers.",
    default_severity: Severity::Error,
    parameters: "",
};
const DOMAIN_OWNER: RuleInfo = RuleInfo {
    id: "MW-OWN-002",
    family: RuleFamily::Ownership,
    title: "A domain has an owner team",
    rationale: "A domain without an owner team has nobody to decide on its products, priorities and policies.",
    default_severity: Severity::Error,
    parameters: "",
};
const TEAM_OWNER_ROLE: RuleInfo = RuleInfo {
    id: "MW-OWN-003",
    family: RuleFamily::Ownership,
    title: "A team has at least one member with the owner role",
    rationale: "Ownership is exercised by people: a team that owns products needs a named product owner to take \
                decisions and answer consumers.",
    default_severity: Severity::Error,
    parameters: "",
};
const OWNER_EXISTS: RuleInfo = RuleInfo {
    id: "MW-OWN-004",
    family: RuleFamily::Ownership,
    title: "An owner team reference names a team of the design",
    rationale: "An owner that does not exist is no owner: the reference is a typo or the team was removed.",
    default_severity: Severity::Error,
    parameters: "",
};
const PRODUCT_DOMAIN: RuleInfo = RuleInfo {
    id: "MW-OWN-005",
    family: RuleFamily::Ownership,
    title: "A data product belongs to a domain of the design",
    rationale: "Products are owned through their domain; a product outside any domain escapes the domain's \
                policies and roadmap.",
    default_severity: Severity::Error,
    parameters: "",
};

fn owner_team_exists(
    context: &RuleContext<'_>,
    team: &Id,
    what: &str,
    path: String,
    sink: &mut FindingSink<'_>,
) -> bool {
    if context.mesh.teams.contains_key(team.as_str()) {
        return true;
    }
    sink.report_with(
        &OWNER_EXISTS,
        path,
        format!("{what} names owner team `{team}`, which the design does not have"),
        format!("Create team `{team}` or set the owner team to an existing team."),
        vec![EntityRef::new(EntityKind::Team, team.as_str())],
    );
    false
}

pub(super) fn product(context: &RuleContext<'_>, product: &DataProduct, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let what = format!("Data product `{}`", product.id);
    match &product.owner_team {
        None => sink.report(
            &PRODUCT_OWNER,
            format!("{document}/ownerTeam"),
            format!("{what} has no owner team"),
            "Set the product's owner team (ODPS customProperties `ownerTeam`).",
        ),
        Some(team) => {
            owner_team_exists(context, team, &what, format!("{document}/ownerTeam"), sink);
        }
    }
    match &product.domain {
        None => sink.report(
            &PRODUCT_DOMAIN,
            format!("{document}/domain"),
            format!("{what} belongs to no domain"),
            "Set the product's domain.",
        ),
        Some(domain) if !context.mesh.domains.contains_key(domain.as_str()) => sink.report_with(
            &PRODUCT_DOMAIN,
            format!("{document}/domain"),
            format!("{what} names domain `{domain}`, which the design does not have"),
            format!("Create domain `{domain}` or move the product to an existing domain."),
            vec![EntityRef::new(EntityKind::Domain, domain.as_str())],
        ),
        Some(_) => {}
    }
}

pub(super) fn domain(context: &RuleContext<'_>, domain: &Domain, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let what = format!("Domain `{}`", domain.id);
    match &domain.owner_team {
        None => sink.report(
            &DOMAIN_OWNER,
            format!("{document}/ownerTeam"),
            format!("{what} has no owner team"),
            "Set the domain's owner team in mesh.yaml.",
        ),
        Some(team) => {
            owner_team_exists(context, team, &what, format!("{document}/ownerTeam"), sink);
        }
    }
}

pub(super) fn team(team: &Team, sink: &mut FindingSink<'_>) {
    let has_owner = team
        .members
        .iter()
        .any(|member| member.role.as_deref().is_some_and(|role| role.trim().eq_ignore_ascii_case("owner")));
    if !has_owner {
        let document = sink.document();
        sink.report(
            &TEAM_OWNER_ROLE,
            format!("{document}/members"),
            format!("Team `{}` has no member with the owner role", team.id),
            "Give one member of the team `role: owner`.",
        );
    }
}

pub(super) fn consumer(context: &RuleContext<'_>, consumer: &Consumer, sink: &mut FindingSink<'_>) {
    if let Some(team) = &consumer.owner_team {
        let document = sink.document();
        owner_team_exists(context, team, &format!("Consumer `{}`", consumer.id), format!("{document}/ownerTeam"), sink);
    }
}
