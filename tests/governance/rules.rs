//! Every built-in rule against the retail example: one planted change per rule that must trigger it on the named
//! entity, while the unchanged example must not report that rule there (its only findings are the two deliberate
//! ones its README lists). The same table drives the incremental re-check test.

use super::{TODAY, retail};
use crate::support::TestResult;
use meshwright::governance::{CheckOptions, Finding, check};
use meshwright::model::{
    Archetype, Binding, Contract, DataProduct, Domain, EntityKind, Extra, Id, Mesh, SchemaProperty, Status, Team,
};
use serde_json::json;

/// A change to the design; `None` when the example no longer has what it expects.
pub type Plant = fn(&mut Mesh) -> Option<()>;

/// One row of the table: the rule, the kind and id of the entity it must be filed under, and the change.
pub struct Case {
    pub rule: &'static str,
    pub kind: EntityKind,
    pub subject: &'static str,
    pub plant: Plant,
}

fn id(text: &str) -> Option<Id> {
    Id::new(text).ok()
}

fn product<'a>(mesh: &'a mut Mesh, key: &str) -> Option<&'a mut DataProduct> {
    mesh.products.get_mut(key)
}

fn contract<'a>(mesh: &'a mut Mesh, key: &str) -> Option<&'a mut Contract> {
    mesh.contracts.get_mut(key)
}

fn property<'a>(mesh: &'a mut Mesh, contract_id: &str, name: &str) -> Option<&'a mut SchemaProperty> {
    contract(mesh, contract_id)?
        .schema
        .iter_mut()
        .flat_map(|object| object.properties.iter_mut())
        .find(|p| p.name == name)
}

fn clear_quality(properties: &mut [SchemaProperty]) {
    for property in properties {
        property.quality.clear();
        clear_quality(&mut property.properties);
    }
}

fn set_rule_parameter(mesh: &mut Mesh, rule: &str, parameters: serde_json::Value) -> Option<()> {
    mesh.settings.extra.insert("governance".to_owned(), json!({ "rules": { rule: { "parameters": parameters } } }));
    Some(())
}

/// A new, otherwise complete consumer-aligned product that nobody reads.
fn lonely_product(mesh: &mut Mesh) -> Option<()> {
    let mut lonely = DataProduct::new(id("orders.basket-insights")?, "Basket insights");
    lonely.domain = Some(id("orders")?);
    lonely.owner_team = Some(id("orders-team")?);
    lonely.status = Status::Active;
    lonely.archetype = Some(Archetype::ConsumerAligned);
    lonely.description.purpose = Some("Basket composition for merchandisers.".to_owned());
    mesh.products.insert(lonely.id.clone(), lonely);
    Some(())
}

fn domain(id_text: &str, owner: Option<&str>) -> Option<Domain> {
    Some(Domain {
        id: id(id_text)?,
        name: id_text.to_owned(),
        description: Some("A planned domain.".to_owned()),
        owner_team: match owner {
            Some(owner) => Some(id(owner)?),
            None => None,
        },
        color: None,
        extra: Extra::new(),
    })
}

/// A wave before every other one that takes `product` alone: it then goes live before what it reads.
fn early_wave(mesh: &mut Mesh, product: &str) -> Option<()> {
    let wave = meshwright::model::Wave {
        id: id("wave-0")?,
        number: 0,
        name: Some("Too early".to_owned()),
        start: None,
        live: None,
        products: vec![id(product)?],
        domains: Vec::new(),
        description: None,
        extra: Extra::new(),
    };
    mesh.waves.insert(wave.id.clone(), wave);
    Some(())
}

pub fn cases() -> Vec<Case> {
    use EntityKind::{Consumer as C, Contract as K, Domain as D, Product as P, Team as T};
    vec![
        Case { rule: "MW-ROL-001", kind: P, subject: "orders.net-sales", plant: |m| early_wave(m, "orders.net-sales") },
        Case {
            rule: "MW-OWN-001",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.owner_team = None;
                Some(())
            },
        },
        Case {
            rule: "MW-OWN-002",
            kind: D,
            subject: "orders",
            plant: |m| {
                m.domains.get_mut("orders")?.owner_team = None;
                Some(())
            },
        },
        Case {
            rule: "MW-OWN-003",
            kind: T,
            subject: "orders-team",
            plant: |m| {
                m.teams.get_mut("orders-team")?.members.retain(|member| member.role.as_deref() != Some("owner"));
                Some(())
            },
        },
        Case {
            rule: "MW-OWN-004",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.owner_team = Some(id("ghost-team")?);
                Some(())
            },
        },
        Case {
            rule: "MW-OWN-005",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.domain = None;
                Some(())
            },
        },
        Case {
            rule: "MW-DOC-001",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.description.purpose = Some("  ".to_owned());
                Some(())
            },
        },
        Case {
            rule: "MW-DOC-002",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.output_ports.first_mut()?.description = None;
                Some(())
            },
        },
        Case {
            rule: "MW-DOC-003",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "order_id")?.description = None;
                Some(())
            },
        },
        Case {
            rule: "MW-DOC-004",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                contract(m, "orders.order-events")?.description = None;
                Some(())
            },
        },
        Case {
            rule: "MW-DOC-005",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "order_id")?.examples.clear();
                Some(())
            },
        },
        Case {
            rule: "MW-DOC-006",
            kind: D,
            subject: "orders",
            plant: |m| {
                m.domains.get_mut("orders")?.description = None;
                Some(())
            },
        },
        Case {
            rule: "MW-CON-001",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.output_ports.first_mut()?.contract_id = None;
                Some(())
            },
        },
        Case {
            rule: "MW-CON-002",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.output_ports.first_mut()?.contract_id =
                    Some(id("orders.net-sales-v2")?);
                Some(())
            },
        },
        Case {
            rule: "MW-CON-003",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                contract(m, "orders.order-events")?.schema.clear();
                Some(())
            },
        },
        Case {
            rule: "MW-CON-004",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                contract(m, "orders.order-events")?
                    .sla_properties
                    .retain(|sla| sla.property != "latency" && sla.property != "frequency");
                Some(())
            },
        },
        Case {
            rule: "MW-CON-005",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                contract(m, "orders.order-events")?.sla_properties.retain(|sla| sla.property != "availability");
                Some(())
            },
        },
        Case {
            rule: "MW-CON-006",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                contract(m, "orders.order-events")?.support.clear();
                Some(())
            },
        },
        Case {
            rule: "MW-CON-007",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "order_id")?.logical_type = None;
                Some(())
            },
        },
        Case {
            rule: "MW-CON-008",
            kind: K,
            subject: "orders.order-lines",
            plant: |m| {
                for object in &mut contract(m, "orders.order-lines")?.schema {
                    object.physical_type = Some("table".to_owned());
                    for property in &mut object.properties {
                        property.primary_key = false;
                    }
                }
                Some(())
            },
        },
        Case {
            rule: "MW-CON-009",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "event_id")?.quality.first_mut()?.metric = None;
                Some(())
            },
        },
        Case {
            rule: "MW-CON-010",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                for object in &mut contract(m, "orders.order-events")?.schema {
                    object.quality.clear();
                    clear_quality(&mut object.properties);
                }
                Some(())
            },
        },
        Case {
            rule: "MW-CON-011",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                let mut port = product(m, "orders.order-management")?.output_ports.first()?.clone();
                port.contract_id = Some(id("orders.order-events")?);
                product(m, "orders.net-sales")?.output_ports.push(port);
                Some(())
            },
        },
        Case {
            rule: "MW-CON-012",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "order_id")?.logical_type = Some("varchar".to_owned());
                Some(())
            },
        },
        Case {
            rule: "MW-PRV-001",
            kind: K,
            subject: "customers.customer-accounts",
            plant: |m| {
                property(m, "customers.customer-accounts", "email")?.classification = None;
                Some(())
            },
        },
        Case {
            rule: "MW-PRV-002",
            kind: K,
            subject: "customers.customer-accounts",
            plant: |m| {
                property(m, "customers.customer-accounts", "email")?.classification = Some("public".to_owned());
                Some(())
            },
        },
        Case {
            rule: "MW-PRV-003",
            kind: K,
            subject: "customers.customer-accounts",
            plant: |m| {
                contract(m, "customers.customer-accounts")?.sla_properties.retain(|sla| sla.property != "retention");
                Some(())
            },
        },
        Case {
            rule: "MW-PRV-004",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "order_id")?.classification = Some("top-secret".to_owned());
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-001",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                contract(m, "catalog.products")?.status = Status::Deprecated;
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-002",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                contract(m, "catalog.products")?.status = Status::Retired;
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-003",
            kind: P,
            subject: "orders.order-management",
            plant: |m| {
                product(m, "orders.order-management")?.status = Status::Retired;
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-004",
            kind: K,
            subject: "catalog.products",
            plant: |m| {
                contract(m, "catalog.products")?.status = Status::Deprecated;
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-005",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                contract(m, "orders.net-sales-daily")?.status = Status::Draft;
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-006",
            kind: K,
            subject: "payments.daily-transactions-export",
            plant: |m| {
                let export = contract(m, "payments.daily-transactions-export")?;
                export.sla_properties.iter_mut().find(|sla| sla.property == "endOfSupport")?.value =
                    json!("2026-01-31");
                Some(())
            },
        },
        Case {
            rule: "MW-LIF-007",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                contract(m, "catalog.products")?.status = Status::Proposed;
                Some(())
            },
        },
        Case {
            rule: "MW-GRF-001",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                let mut port = product(m, "orders.net-sales")?.input_ports.first()?.clone();
                port.name = "net-sales-daily".to_owned();
                port.source =
                    Binding::Contract { contract_id: id("orders.net-sales-daily")?, version: "1.2.0".to_owned() };
                product(m, "orders.order-management")?.input_ports.push(port);
                Some(())
            },
        },
        Case {
            rule: "MW-GRF-002",
            kind: C,
            subject: "finance-close-report",
            plant: |m| {
                let binding = Binding::Contract { contract_id: id("orders.net-sales")?, version: "1.2.0".to_owned() };
                m.consumers.get_mut("finance-close-report")?.inputs.push(binding);
                Some(())
            },
        },
        Case {
            rule: "MW-GRF-003",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                let port = product(m, "orders.net-sales")?.input_ports.first_mut()?;
                port.source =
                    Binding::Contract { contract_id: id("orders.order-lines-v9")?, version: "9.0.0".to_owned() };
                Some(())
            },
        },
        Case { rule: "MW-GRF-004", kind: P, subject: "orders.basket-insights", plant: lonely_product },
        Case {
            rule: "MW-GRF-005",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                let port = product(m, "orders.net-sales")?.input_ports.first_mut()?;
                if let Binding::Contract { version, .. } = &mut port.source {
                    *version = "0.9.0".to_owned();
                }
                Some(())
            },
        },
        Case {
            rule: "MW-GRF-006",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                let sales = contract(m, "orders.net-sales-daily")?;
                let latency = sales.sla_properties.iter_mut().find(|sla| sla.property == "latency")?;
                latency.value = json!(1);
                latency.unit = Some("s".to_owned());
                Some(())
            },
        },
        Case {
            rule: "MW-GRF-007",
            kind: P,
            subject: "orders.order-management",
            plant: |m| {
                product(m, "orders.order-management")?
                    .input_ports
                    .retain(|port| !matches!(port.source, Binding::SourceSystem { .. }));
                Some(())
            },
        },
        Case { rule: "MW-GRF-008", kind: P, subject: "orders.basket-insights", plant: lonely_product },
        Case {
            rule: "MW-INT-001",
            kind: D,
            subject: "Sales_Ops",
            plant: |m| {
                let planned = domain("Sales_Ops", Some("orders-team"))?;
                m.domains.insert(planned.id.clone(), planned);
                Some(())
            },
        },
        Case {
            rule: "MW-INT-002",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.domain = Some(id("payments")?);
                Some(())
            },
        },
        Case {
            rule: "MW-INT-003",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| set_rule_parameter(m, "MW-INT-003", json!({ "allowed": ["orders", "aggregate"] })),
        },
        Case {
            rule: "MW-INT-004",
            kind: P,
            subject: "orders.net-sales",
            plant: |m| {
                product(m, "orders.net-sales")?.name = "Order management".to_owned();
                Some(())
            },
        },
        Case {
            rule: "MW-INT-005",
            kind: K,
            subject: "orders.order-events",
            plant: |m| {
                property(m, "orders.order-events", "order_id")?.name = "OrderId".to_owned();
                Some(())
            },
        },
        Case {
            rule: "MW-ORG-001",
            kind: T,
            subject: "orders-team",
            plant: |m| set_rule_parameter(m, "MW-ORG-001", json!({ "max": 2 })),
        },
        Case {
            rule: "MW-ORG-002",
            kind: D,
            subject: "sales-ops",
            plant: |m| {
                let planned = domain("sales-ops", Some("orders-team"))?;
                m.domains.insert(planned.id.clone(), planned);
                Some(())
            },
        },
        Case {
            rule: "MW-ORG-003",
            kind: T,
            subject: "ghost-team",
            plant: |m| {
                let team = Team {
                    id: id("ghost-team")?,
                    name: "Ghost team".to_owned(),
                    description: None,
                    members: Vec::new(),
                    extra: Extra::new(),
                };
                m.teams.insert(team.id.clone(), team);
                Some(())
            },
        },
    ]
}

fn on_subject<'a>(findings: &'a [Finding], case: &Case) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|finding| {
            finding.rule == case.rule
                && finding.subject().is_some_and(|subject| subject.kind == case.kind && subject.id == case.subject)
        })
        .collect()
}

#[test]
fn every_rule_triggers_on_its_planted_defect_and_not_on_the_clean_example() -> TestResult {
    let base = retail()?;
    let options = CheckOptions::on(TODAY);
    let clean = check(&base, &options).findings;
    let mut problems = Vec::new();
    for case in cases() {
        if !on_subject(&clean, &case).is_empty() {
            problems.push(format!("{} already fires on clean {}", case.rule, case.subject));
        }
        let mut planted = base.clone();
        if (case.plant)(&mut planted).is_none() {
            problems.push(format!("{}: the example lacks what the plant changes", case.rule));
            continue;
        }
        let findings = check(&planted, &options).findings;
        let found = on_subject(&findings, &case);
        match found.first() {
            None => problems.push(format!("{} did not fire on {} {}", case.rule, case.kind, case.subject)),
            Some(finding) => {
                if !finding.message.contains(case.subject) || finding.fix.is_empty() || finding.path.is_empty() {
                    problems.push(format!("{}: finding lacks the entity, path or fix: {finding:?}", case.rule));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

#[test]
fn the_table_covers_every_design_rule_and_there_are_at_least_thirty() {
    let catalogue = meshwright::governance::catalogue();
    let design_rules: Vec<&str> =
        catalogue.iter().map(|rule| rule.id).filter(|id| !id.starts_with("MW-GOV-")).collect();
    assert!(design_rules.len() >= 30, "only {} design rules", design_rules.len());
    let cases = cases();
    let missing: Vec<&&str> = design_rules.iter().filter(|id| !cases.iter().any(|case| case.rule == **id)).collect();
    assert!(missing.is_empty(), "rules without a triggering case: {missing:?}");
    for rule in &catalogue {
        assert!(!rule.title.is_empty() && rule.rationale.len() > 20, "{} lacks a title or rationale", rule.id);
    }
}

#[test]
fn personal_looking_names_are_recognised_and_lookalikes_are_not() -> TestResult {
    let mut mesh = retail()?;
    let accounts = mesh.contracts.get_mut("customers.customer-accounts").ok_or("no customer accounts")?;
    let object = accounts.schema.first_mut().ok_or("no schema")?;
    for name in ["customerEmail", "phone_number", "date_of_birth", "national_id", "shopper_ip_address", "iban"] {
        object.properties.push(SchemaProperty::new(name, "string"));
    }
    for name in ["email_campaign_id", "email_opt_in", "ip_country_matches_shipping", "shipment_count"] {
        object.properties.push(SchemaProperty::new(name, "string"));
    }
    let findings = check(&mesh, &CheckOptions::on(TODAY)).findings;
    let flagged: Vec<&str> = findings
        .iter()
        .filter(|finding| finding.rule == "MW-PRV-001")
        .filter_map(|finding| finding.message.split('`').nth(1))
        .collect();
    assert_eq!(
        flagged.iter().copied().collect::<std::collections::BTreeSet<_>>(),
        ["customerEmail", "phone_number", "date_of_birth", "national_id", "shopper_ip_address", "iban"]
            .into_iter()
            .collect()
    );
    Ok(())
}
