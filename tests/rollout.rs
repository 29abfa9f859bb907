//! Rollout planning, metrics, the canvas, snapshots and the design diff, against the hand-worked fixture
//! `tests/fixtures/rollout` (three domains, six products; every figure below is worked out by hand in the
//! comments), the examples, and generated designs for wave validity.

mod canvas;
mod diff;
mod waves;

use crate::support::{TestResult, fixture, run_cli};
use meshwright::model::{
    Archetype, Binding, Consumer, Contract, DataProduct, Domain, DomainAssessment, Extra, Id, InputPort, Mesh,
    MeshSettings, OutputPort, ReadinessAnswer, RolloutSettings, SchemaObject, SchemaProperty, SlaProperty, Status,
    Team, Wave,
};
use meshwright::plan::{PlanOptions, Verdict, plan};

type Built<T> = Result<T, Box<dyn std::error::Error>>;

fn id(text: &str) -> Result<Id, meshwright::model::IdError> {
    Id::new(text)
}

fn answers(scores: [u8; 12]) -> std::collections::BTreeMap<String, ReadinessAnswer> {
    meshwright::plan::QUESTIONS
        .iter()
        .zip(scores)
        .map(|(question, score)| (question.id.to_owned(), ReadinessAnswer { score, note: None }))
        .collect()
}

fn product(key: &str, status: Status, inputs: &[&str]) -> Built<DataProduct> {
    let mut product = DataProduct::new(id(key)?, key);
    product.domain = Some(id(key.split('.').next().unwrap_or(key))?);
    product.owner_team = Some(id("team")?);
    product.status = status;
    product.archetype = Some(if inputs.is_empty() { Archetype::SourceAligned } else { Archetype::Aggregate });
    product.output_ports.push(OutputPort {
        name: "main".to_owned(),
        version: "1.0.0".to_owned(),
        port_type: Some("table".to_owned()),
        description: None,
        contract_id: Some(id(key)?),
        tags: Vec::new(),
        custom_properties: Vec::new(),
        extra: Extra::new(),
    });
    for input in inputs {
        product.input_ports.push(InputPort {
            name: (*input).to_owned(),
            source: Binding::Contract { contract_id: id(input)?, version: "1.0.0".to_owned() },
            tags: Vec::new(),
            custom_properties: Vec::new(),
            extra: Extra::new(),
        });
    }
    Ok(product)
}

fn consumer(key: &str, reads: &str) -> Built<Consumer> {
    Ok(Consumer {
        id: id(key)?,
        name: key.to_owned(),
        kind: Some("report".to_owned()),
        domain: None,
        owner_team: Some(id("team")?),
        description: None,
        use_case: Some(format!("{key} use case")),
        inputs: vec![Binding::Contract { contract_id: id(reads)?, version: "1.0.0".to_owned() }],
        extra: Extra::new(),
    })
}

fn wave(key: &str, number: u32, start: &str, live: &str, products: &[&str], domains: &[&str]) -> Built<Wave> {
    Ok(Wave {
        id: id(key)?,
        number,
        name: None,
        start: Some(start.to_owned()),
        live: Some(live.to_owned()),
        products: products.iter().map(|p| id(p)).collect::<Result<_, _>>()?,
        domains: domains.iter().map(|d| id(d)).collect::<Result<_, _>>()?,
        description: None,
        extra: Extra::new(),
    })
}

/// The hand-worked design. Dependencies: sales.revenue ← sales.orders; billing.invoices ← sales.orders;
/// billing.dunning ← billing.invoices; support.churn ← support.tickets, billing.invoices. Consumers:
/// revenue-dashboard ← sales.revenue, cfo-report ← billing.dunning, churn-model ← support.churn.
pub fn design() -> Built<Mesh> {
    let mut mesh = Mesh {
        settings: MeshSettings {
            name: "Rollout fixture".to_owned(),
            rollout: RolloutSettings { capacity: Some(2), lighthouse: None, start: Some("2026-01-05".to_owned()) },
            ..MeshSettings::default()
        },
        ..Mesh::default()
    };
    mesh.teams.insert(
        id("team")?,
        Team { id: id("team")?, name: "Team".to_owned(), description: None, members: Vec::new(), extra: Extra::new() },
    );
    for (key, name) in [("sales", "Sales"), ("billing", "Billing"), ("support", "Support")] {
        mesh.domains.insert(
            id(key)?,
            Domain {
                id: id(key)?,
                name: name.to_owned(),
                description: None,
                owner_team: Some(id("team")?),
                color: None,
                extra: Extra::new(),
            },
        );
    }
    for product in [
        product("sales.orders", Status::Active, &[])?,
        product("sales.revenue", Status::Active, &["sales.orders"])?,
        product("billing.invoices", Status::Active, &["sales.orders"])?,
        product("billing.dunning", Status::Active, &["billing.invoices"])?,
        product("support.tickets", Status::Draft, &[])?,
        product("support.churn", Status::Proposed, &["support.tickets", "billing.invoices"])?,
    ] {
        mesh.products.insert(product.id.clone(), product);
    }
    // Five documented contracts (support.churn's is not written yet); three with an SLA; three schema
    // properties, two of them classified.
    for key in ["sales.orders", "sales.revenue", "billing.invoices", "billing.dunning", "support.tickets"] {
        let mut contract = Contract::new(id(key)?);
        contract.status = Status::Active;
        if ["sales.orders", "sales.revenue", "billing.dunning"].contains(&key) {
            contract.sla_properties.push(serde_json::from_value::<SlaProperty>(
                serde_json::json!({"property": "latency", "value": "1d"}),
            )?);
        }
        mesh.contracts.insert(contract.id.clone(), contract);
    }
    let object = |name: &str| SchemaObject::new(name);
    let mut orders = object("orders");
    let mut order_id = SchemaProperty::new("order_id", "string");
    order_id.classification = Some("public".to_owned());
    let mut email = SchemaProperty::new("customer_email", "string");
    email.classification = Some("restricted".to_owned());
    email.description = Some("Where the receipt goes".to_owned());
    orders.properties = vec![order_id, email];
    mesh.contracts.get_mut("sales.orders").ok_or("no sales.orders")?.schema.push(orders);
    let mut revenue = object("revenue");
    revenue.properties = vec![SchemaProperty::new("amount", "number")];
    mesh.contracts.get_mut("sales.revenue").ok_or("no sales.revenue")?.schema.push(revenue);
    for (key, reads) in
        [("revenue-dashboard", "sales.revenue"), ("cfo-report", "billing.dunning"), ("churn-model", "support.churn")]
    {
        mesh.consumers.insert(id(key)?, consumer(key, reads)?);
    }
    // Readiness: sales [5,4,4,5,4,4,4,4 | 5,5,5,4] → readiness 26/32 = 81.25 → 81, need 15/16 = 93.75 → 94;
    // billing all 3s but two needs → readiness 50, need [3,3,2,3] 7/16 = 43.75 → 44;
    // support [2,2,2,2,1,1,2,2 | 4,4,4,4] → readiness 6/32 = 18.75 → 19, need 75.
    for (key, value, scores) in [
        ("sales", 5, [5, 4, 4, 5, 4, 4, 4, 4, 5, 5, 5, 4]),
        ("billing", 3, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3]),
        ("support", 4, [2, 2, 2, 2, 1, 1, 2, 2, 4, 4, 4, 4]),
    ] {
        let mut assessment = DomainAssessment::new(id(key)?);
        assessment.business_value = Some(value);
        assessment.answers = answers(scores);
        mesh.assessments.insert(id(key)?, assessment);
    }
    // The stored plan: sales whole and billing.dunning in wave 1 (too early: it reads billing.invoices, wave 2);
    // billing.invoices and support.churn in wave 2 (support.churn reads support.tickets, in no wave and draft);
    // billing whole in wave 3 (only billing.invoices' domain-mate is left, and it has its own wave).
    for wave in [
        wave("wave-1", 1, "2026-01-05", "2026-02-02", &["billing.dunning"], &["sales"])?,
        wave("wave-2", 2, "2026-02-02", "2026-03-02", &["billing.invoices", "support.churn"], &[])?,
        wave("wave-3", 3, "2026-03-02", "2026-03-30", &[], &["billing"])?,
    ] {
        mesh.waves.insert(wave.id.clone(), wave);
    }
    Ok(mesh)
}

#[test]
fn the_fixture_folder_is_the_hand_worked_design() -> TestResult {
    let folder = fixture("rollout");
    if std::env::var_os("MESHWRIGHT_UPDATE_FIXTURES").is_some() {
        meshwright::mesh_as_code::write_folder(&design()?, &folder)?;
    }
    assert_eq!(meshwright::design::load(&folder)?, design()?, "run with MESHWRIGHT_UPDATE_FIXTURES=1 to rewrite it");
    Ok(())
}

#[test]
fn readiness_and_verdict_match_the_hand_worked_figures() -> TestResult {
    let planned = plan(&design()?, PlanOptions::default());
    let scores: Vec<(&str, Option<u32>, Option<u32>, bool)> =
        planned.readiness.iter().map(|row| (row.domain.as_str(), row.readiness, row.need, row.ready)).collect();
    assert_eq!(
        scores,
        vec![
            ("billing", Some(50), Some(44), false),
            ("sales", Some(81), Some(94), true),
            ("support", Some(19), Some(75), false),
        ]
    );
    let support = planned.readiness.iter().find(|row| row.domain.as_str() == "support").unwrap();
    assert_eq!(support.weakest.len(), 8, "every readiness answer of support is 1 or 2");
    // Three domains, one ready, bottleneck (5+2+4)/3 = 3.7, need (94+44+75)/3 = 71: start with a lighthouse.
    assert_eq!(planned.verdict.verdict, Verdict::StartWithLighthouse);
    assert_eq!(planned.verdict.headline, "start with one lighthouse domain");
    assert_eq!(
        (planned.verdict.ready, planned.verdict.need, planned.verdict.central_bottleneck),
        (1, Some(71), Some(3.7))
    );
    assert!(planned.verdict.reasons.iter().any(|reason| reason.contains("Fewer than 3 domains are ready")));
    Ok(())
}

#[test]
fn the_verdict_says_stay_centralized_for_few_domains_or_immature_teams_and_pays_off_when_most_are_ready() -> TestResult
{
    let mut few = design()?;
    few.domains.remove("support");
    assert_eq!(plan(&few, PlanOptions::default()).verdict.verdict, Verdict::StayCentralized);

    let mut immature = design()?;
    immature.assessments.get_mut("sales").unwrap().answers = answers([2; 12]);
    let verdict = plan(&immature, PlanOptions::default()).verdict;
    assert_eq!(verdict.verdict, Verdict::StayCentralized);
    assert!(verdict.reasons.iter().any(|reason| reason.starts_with("Immature teams")));

    let mut ready = design()?;
    for key in ["billing", "support"] {
        ready.assessments.get_mut(key).unwrap().answers = answers([4; 12]);
    }
    assert_eq!(plan(&ready, PlanOptions::default()).verdict.verdict, Verdict::MeshPaysOff);

    let mut unassessed = design()?;
    unassessed.assessments.clear();
    assert_eq!(plan(&unassessed, PlanOptions::default()).verdict.verdict, Verdict::NotAssessed);
    Ok(())
}

#[test]
fn lighthouse_ranking_matches_the_hand_worked_scores() -> TestResult {
    let planned = plan(&design()?, PlanOptions::default());
    // sales: value 100, readiness 81, independence 100 (no input from elsewhere), reach 3/3 → 100:
    //   (35·100 + 35·81 + 20·100 + 10·100 + 50) / 100 = 93.
    // billing: 50, 50, 100/2 = 50 (reads sales.orders), reach 2/3 → 66: (1750+1750+1000+660+50)/100 = 52.
    // support: 75, 19, 50 (reads billing.invoices), reach 1/3 → 33: (2625+665+1000+330+50)/100 = 46.
    let ranked: Vec<(usize, &str, u32, usize, usize)> = planned
        .ranking
        .iter()
        .map(|row| (row.rank, row.domain.as_str(), row.score, row.cross_domain_inputs, row.consumers_reached))
        .collect();
    assert_eq!(ranked, vec![(1, "sales", 93, 0, 3), (2, "billing", 52, 1, 2), (3, "support", 46, 1, 1)]);
    assert_eq!(
        planned.ranking[0].explanation,
        "Sales ranks 1st of 3 (score 93): business value 5/5, readiness 81/100; it reads no product of another \
         domain, so it can go live on its own and reaches 3 consumers. Strongest on reach, weakest on readiness."
    );
    assert_eq!(planned.lighthouse.as_ref().map(Id::as_str), Some("sales"));
    assert!(!planned.lighthouse_chosen);
    Ok(())
}

#[test]
fn plan_and_metrics_commands_print_text_json_markdown_and_csv() -> TestResult {
    let folder = fixture("rollout");
    let folder = folder.to_str().unwrap();
    let text = run_cli(&["plan", folder]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(text.stdout.contains("Verdict: start with one lighthouse domain"), "{}", text.stdout);
    assert!(text.stdout.contains("Critical path: 3 products, at least 3 waves"), "{}", text.stdout);
    let json = run_cli(&["plan", folder, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout)?;
    assert_eq!(value["verdict"]["verdict"], "startWithLighthouse");
    assert_eq!(value["proposal"].as_array().map(Vec::len), Some(3));
    let csv = run_cli(&["plan", folder, "--format", "csv"]);
    let mut lines = csv.stdout.lines();
    assert_eq!(lines.next(), Some("plan,wave,wave_name,start,live,product,name,domain,status,critical_path"));
    assert_eq!(
        lines.next(),
        Some("planned,1,,2026-01-05,2026-02-02,billing.dunning,billing.dunning,billing,active,true")
    );
    assert_eq!(csv.stdout.lines().count(), 1 + 5, "five products are in a wave");
    let markdown = run_cli(&["plan", folder, "--format", "markdown"]);
    assert!(markdown.stdout.starts_with("# Rollout plan: Rollout fixture\n"));
    assert!(markdown.stdout.contains("| Sales | 81 | 94 | 5 | 12/12 | yes |"), "{}", markdown.stdout);

    let metrics = run_cli(&["metrics", folder, "--format", "json", "--today", "2026-06-01"]);
    assert_eq!(metrics.code, 0, "{}", metrics.stderr);
    let value: serde_json::Value = serde_json::from_str(&metrics.stdout)?;
    assert_eq!(value["productive"]["covered"], 3);
    assert_eq!(value["productive"]["percent"], 50.0);
    assert_eq!(value["coverage"]["contracts"]["percent"], 83.3);
    assert_eq!(value["coverage"]["sla"]["percent"], 60.0);
    assert_eq!(value["coverage"]["classification"]["percent"], 66.7);
    assert_eq!(value["consumersPerProduct"]["mean"], 1.3);
    assert_eq!(value["consumersPerProduct"]["median"], 1.0);
    assert_eq!(value["consumersPerProduct"]["max"], 2);
    // Lead time from 2026-01-05: wave 1 live 2026-02-02 (28 days: sales ×2, billing.dunning), wave 2 live
    // 2026-03-02 (56 days: billing.invoices, support.churn); support.tickets is in no wave.
    assert_eq!(value["leadTime"]["days"]["count"], 5);
    assert_eq!(value["leadTime"]["days"]["mean"], 39.2);
    assert_eq!(value["leadTime"]["days"]["median"], 28.0);
    assert_eq!(value["leadTime"]["byDomain"]["billing"], 42.0);
    let domains = value["domains"].as_array().unwrap();
    assert_eq!(domains[1]["domain"], "sales");
    assert_eq!(domains[1]["productive"], 2);
    assert_eq!(domains[2]["byStatus"]["draft"], 1);
    let as_of = run_cli(&["show", folder, "--wave", "1", "--format", "json"]);
    assert_eq!(as_of.code, 0, "{}", as_of.stderr);
    let summary: serde_json::Value = serde_json::from_str(&as_of.stdout)?;
    assert_eq!(summary["products"], 3, "{}", as_of.stdout);
    assert_eq!(run_cli(&["show", folder, "--wave", "9"]).code, 2);
    Ok(())
}
