//! The graph: impact, lineage, cycles, stats and layers on the retail example against answers worked out by hand
//! from its mesh.yaml and product files, the `graph` command, the Mermaid and DOT exports, and (in `properties`)
//! every query against a brute-force reference on random designs.

mod properties;
mod reference;

use crate::support::{TestResult, example, run_cli};
use meshwright::graph::{GraphError, MeshGraph, NodeKind, Scope};
use meshwright::model::{Binding, DataProduct, Extra, Id, InputPort, Mesh};
use std::collections::BTreeSet;

fn retail() -> Result<Mesh, Box<dyn std::error::Error>> {
    Ok(meshwright::design::load(&example("retail"))?)
}

fn ids(items: &[Id]) -> Vec<&str> {
    items.iter().map(Id::as_str).collect()
}

/// orders.order-management publishes orders.order-events (read by 4 products) and orders.order-lines (read by 6),
/// and everything else in retail except 12 products hangs off those two.
#[test]
fn impact_of_order_management_reaches_every_consumer() -> TestResult {
    let graph = MeshGraph::build(&retail()?);
    let impact = graph.impact("orders.order-management")?;
    assert_eq!((impact.products, impact.consumers), (15, 10));
    let direct: BTreeSet<&str> =
        impact.nodes.iter().filter(|node| node.distance == 1).map(|node| node.id.as_str()).collect();
    let expected: BTreeSet<&str> = [
        // readers of orders.order-events
        "inventory.inventory-position",
        "logistics.delivery-performance",
        "orders.order-lifecycle",
        "payments.fraud-features",
        // readers of orders.order-lines
        "catalog.product-performance",
        "customers.customer-360",
        "marketing.marketing-attribution",
        "marketing.product-recommendations",
        "orders.net-sales",
        "payments.payment-reconciliation",
    ]
    .into();
    assert_eq!(direct, expected);
    let far: BTreeSet<&str> =
        impact.nodes.iter().filter(|node| node.distance == 3).map(|node| node.id.as_str()).collect();
    let expected: BTreeSet<&str> = [
        "buyer-replenishment-report",
        "campaign-orchestrator",
        "churn-prediction-model",
        "exec-sales-dashboard",
        "order-tracking-page",
    ]
    .into();
    assert_eq!(far, expected);
    assert_eq!(impact.domains.len(), 7);
    assert_eq!(
        ids(&impact.teams),
        [
            "catalog-team",
            "customers-team",
            "data-science-team",
            "inventory-team",
            "logistics-team",
            "marketing-team",
            "orders-team",
            "payments-team"
        ]
    );

    // The churn model is three hops away; of its two shortest routes (through customer-360 or order-lifecycle),
    // the one through the smaller id is reported, with the contract at every hop.
    let churn = impact.node("churn-prediction-model").ok_or("the churn model is not affected")?;
    assert_eq!(churn.kind, NodeKind::Consumer);
    let hops: Vec<(&str, &str, Option<&str>, &str)> = churn
        .path
        .iter()
        .map(|edge| {
            (edge.from.id.as_str(), edge.to.id.as_str(), edge.contract.as_ref().map(Id::as_str), edge.version.as_str())
        })
        .collect();
    assert_eq!(
        hops,
        [
            ("orders.order-management", "customers.customer-360", Some("orders.order-lines"), "1.3.0"),
            ("customers.customer-360", "customers.churn-features", Some("customers.customer-profiles"), "2.3.0"),
            ("customers.churn-features", "churn-prediction-model", Some("customers.churn-feature-set"), "1.2.0"),
        ]
    );
    Ok(())
}

/// Changing only the order-events contract spares the finance and sales side: net sales, the KPIs and the
/// dashboards built on order lines.
#[test]
fn impact_of_one_contract_is_narrower_than_its_product() -> TestResult {
    let graph = MeshGraph::build(&retail()?);
    let impact = graph.impact("orders.order-events")?;
    let reached: BTreeSet<&str> = impact.nodes.iter().map(|node| node.id.as_str()).collect();
    let expected: BTreeSet<&str> = [
        "inventory.inventory-position",
        "logistics.delivery-performance",
        "orders.order-lifecycle",
        "payments.fraud-features",
        "inventory.replenishment-planning",
        "marketing.product-recommendations",
        "logistics.delivery-tracking",
        "customers.churn-features",
        "demand-forecast-model",
        "carrier-scorecard",
        "fraud-detection-model",
        "buyer-replenishment-report",
        "recommendation-widget",
        "order-tracking-page",
        "churn-prediction-model",
    ]
    .into();
    assert_eq!(reached, expected);
    assert_eq!((impact.products, impact.consumers), (8, 7));
    assert!(!reached.contains("orders.net-sales") && !reached.contains("exec-sales-dashboard"));
    // The port that the contract specifies has the same impact.
    let port = graph.impact("orders.order-management/order-events")?;
    assert_eq!(port.nodes, impact.nodes);
    assert_eq!(port.target.to_string(), "output port orders.order-management/order-events");
    Ok(())
}

/// The executive dashboard reads sales KPIs, which read net sales, attribution and customer profiles; traced back,
/// that is 15 products and 8 of the 11 source systems (not carrier tracking, the ERP or the warehouse system).
#[test]
fn lineage_of_the_executive_dashboard_goes_back_to_eight_source_systems() -> TestResult {
    let graph = MeshGraph::build(&retail()?);
    let lineage = graph.lineage("exec-sales-dashboard")?;
    assert_eq!((lineage.products, lineage.consumers), (15, 0));
    assert_eq!(
        ids(&lineage.source_systems),
        [
            "crm-platform",
            "customer-identity",
            "email-platform",
            "payment-gateway",
            "pim-system",
            "psp-settlement-files",
            "shop-backend",
            "web-tracking"
        ]
    );
    assert!(lineage.gaps.is_empty());
    let gateway = lineage.node("payment-gateway").ok_or("the payment gateway is not upstream")?;
    assert_eq!(gateway.distance, 5);
    let route: Vec<&str> = gateway.path.iter().map(|edge| edge.to.id.as_str()).collect();
    assert_eq!(
        route,
        [
            "payments.payment-transactions",
            "payments.payment-reconciliation",
            "orders.net-sales",
            "orders.sales-kpis",
            "exec-sales-dashboard"
        ]
    );
    assert_eq!(gateway.path.first().map(|edge| edge.from.id.as_str()), Some("payment-gateway"));
    assert_eq!(
        gateway.path.first().and_then(|edge| edge.contract.as_ref()),
        None,
        "a source system edge has no contract"
    );
    Ok(())
}

#[test]
fn stats_of_retail_match_the_hand_count() -> TestResult {
    let graph = MeshGraph::build(&retail()?);
    let stats = graph.stats();
    // 64 product input ports and 13 consumer inputs, all bound to something the design has.
    assert_eq!(stats.totals.dependencies, 77);
    assert_eq!(stats.totals.unresolved_bindings, 0);
    assert_eq!(stats.totals.cross_domain_dependencies, 28);
    // orders → payments: order-events → fraud features, order-lines → reconciliation, net sales → finance report.
    assert_eq!(stats.domain_edges("orders", "payments"), 3);
    // payments → orders: reconciled payments → net sales, payment events → order lifecycle.
    assert_eq!(stats.domain_edges("payments", "orders"), 2);
    // catalog → catalog: PIM → product catalog, and its two contracts → product performance.
    assert_eq!(stats.domain_edges("catalog", "catalog"), 3);
    assert_eq!(stats.domain_edges("inventory", "payments"), 0);

    let churn = stats.product("customers.churn-features").ok_or("no churn features")?;
    assert_eq!((churn.fan_in, churn.fan_out), (4, 1));
    let management = stats.product("orders.order-management").ok_or("no order management")?;
    assert_eq!((management.fan_in, management.fan_out), (1, 10));

    let top = stats.bottlenecks.first().ok_or("no bottleneck")?;
    assert_eq!(
        (top.product.as_str(), top.transitive_dependents, top.transitive_consumers),
        ("orders.order-management", 25, 10)
    );
    assert!(stats.orphans.is_empty());
    assert!(stats.serving_no_consumer.is_empty());

    // The longest chain has four products; three start points tie, and the smallest id wins.
    assert_eq!(
        ids(&stats.critical_path.products),
        ["orders.order-management", "payments.payment-reconciliation", "orders.net-sales", "orders.sales-kpis"]
    );
    assert!(!stats.critical_path.through_cycles);

    let orders = stats.domains.iter().find(|domain| domain.domain.as_ref().is_some_and(|id| id.as_str() == "orders"));
    let orders = orders.ok_or("no orders domain")?;
    assert_eq!((orders.products, orders.output_ports, orders.input_ports, orders.contracts), (5, 6, 13, 6));
    assert_eq!((orders.source_systems, orders.consumers), (1, 1));

    let science =
        stats.teams.iter().find(|team| team.team.as_ref().is_some_and(|id| id.as_str() == "data-science-team"));
    let science = science.ok_or("no data science team")?;
    assert_eq!((science.products, science.consumers, science.domains), (0, 3, 0));
    Ok(())
}

#[test]
fn retail_rolls_out_in_four_layers_without_cycles() -> TestResult {
    let graph = MeshGraph::build(&retail()?);
    assert!(graph.cycles().is_empty());
    let layers = graph.layers();
    assert!(layers.acyclic);
    let sizes: Vec<usize> = layers.layers.iter().map(|layer| layer.products.len()).collect();
    // 13 source-aligned products first; sales KPIs last, after net sales, after payment reconciliation.
    assert_eq!(sizes, [13, 7, 7, 1]);
    assert_eq!(layers.layer_of("orders.sales-kpis"), Some(3));
    assert_eq!(layers.layer_of("orders.net-sales"), Some(2));
    assert_eq!(layers.layer_of("payments.payment-reconciliation"), Some(1));
    assert_eq!(layers.layer_of("inventory.stock-ledger"), Some(0));
    Ok(())
}

/// Order management starts reading customer profiles, which customer-360 builds from order lines: a two-product
/// cycle, reported with both edges and placed as one group in layer 1 (after the customer registries).
fn with_profiles_fed_back(mesh: &mut Mesh) -> Result<DataProduct, Box<dyn std::error::Error>> {
    let mut product = mesh.products.get("orders.order-management").cloned().ok_or("no order management")?;
    product.input_ports.push(InputPort {
        name: "customer-profiles".to_owned(),
        source: Binding::Contract { contract_id: Id::new("customers.customer-profiles")?, version: "2.3.0".to_owned() },
        tags: Vec::new(),
        custom_properties: Vec::new(),
        extra: Extra::new(),
    });
    mesh.products.insert(product.id.clone(), product.clone());
    Ok(product)
}

#[test]
fn an_edit_that_closes_a_cycle_is_reported_and_undone() -> TestResult {
    let mut mesh = retail()?;
    let mut graph = MeshGraph::build(&mesh);
    assert!(graph.is_acyclic());
    let original = mesh.products.get("orders.order-management").cloned().ok_or("no order management")?;
    let edited = with_profiles_fed_back(&mut mesh)?;
    graph.upsert_product(&edited);

    let cycles = graph.cycles();
    assert_eq!(cycles.len(), 1);
    let cycle = &cycles[0];
    assert_eq!(ids(&cycle.members), ["customers.customer-360", "orders.order-management"]);
    let edges: Vec<(&str, &str)> =
        cycle.edges.iter().filter_map(|edge| Some((edge.from.id.as_str(), edge.contract.as_ref()?.as_str()))).collect();
    assert_eq!(
        edges,
        [("customers.customer-360", "customers.customer-profiles"), ("orders.order-management", "orders.order-lines")]
    );
    // The walk starts at customer-360, goes to order management, and the edge back closes the cycle.
    let closing: Vec<&str> = cycle.closing_edges.iter().map(|edge| edge.from.id.as_str()).collect();
    assert_eq!(closing, ["orders.order-management"]);

    let layers = graph.layers();
    assert!(!layers.acyclic);
    let layer = layers.layers.get(1).ok_or("no layer 1")?;
    assert_eq!(layer.cycles, [vec![Id::new("customers.customer-360")?, Id::new("orders.order-management")?]]);
    // Everything that read order management now waits for the cycle.
    assert_eq!(layers.layer_of("orders.order-lifecycle"), Some(2));
    assert!(graph.stats().critical_path.through_cycles);

    // The edited graph answers exactly as a fresh build of the edited design.
    let fresh = MeshGraph::build(&mesh);
    assert_eq!(graph.cycles(), fresh.cycles());
    assert_eq!(graph.layers(), fresh.layers());
    assert_eq!(graph.stats(), fresh.stats());
    assert_eq!(graph.impact("customers.customer-360")?, fresh.impact("customers.customer-360")?);

    graph.upsert_product(&original);
    assert!(graph.is_acyclic());
    assert_eq!(graph.layers().layers.len(), 4);
    Ok(())
}

#[test]
fn removing_a_product_leaves_its_readers_with_a_gap() -> TestResult {
    let mesh = retail()?;
    let mut graph = MeshGraph::build(&mesh);
    assert!(graph.remove_product("payments.psp-settlements"));
    let lineage = graph.lineage("payments.payment-reconciliation")?;
    let gaps: Vec<(&str, &str)> =
        lineage.gaps.iter().map(|gap| (gap.node.id.as_str(), gap.binding.target().as_str())).collect();
    assert_eq!(gaps, [("payments.payment-reconciliation", "payments.settlement-lines")]);
    assert!(!lineage.source_systems.iter().any(|id| id.as_str() == "psp-settlement-files"));
    assert_eq!(graph.stats().totals.unresolved_bindings, 1);
    // Putting it back restores the edge from the readers' standing bindings.
    let product = mesh.products.get("payments.psp-settlements").ok_or("no settlements product")?;
    graph.upsert_product(product);
    assert_eq!(graph.stats().totals.unresolved_bindings, 0);
    assert_eq!(graph.stats(), MeshGraph::build(&mesh).stats());
    Ok(())
}

#[test]
fn unknown_ids_get_the_closest_suggestions() -> TestResult {
    let graph = MeshGraph::build(&retail()?);
    let error = graph.impact("orders.order-managment").err().ok_or("a misspelt id was accepted")?;
    assert!(matches!(error, GraphError::UnknownId { .. }));
    assert_eq!(error.suggestions().first().map(String::as_str), Some("orders.order-management"));
    assert!(error.to_string().contains("did you mean `orders.order-management`"), "{error}");
    // Without its domain prefix, an id is still found.
    let error = graph.lineage("sales-kpis").err().ok_or("a partial id was accepted")?;
    assert_eq!(error.suggestions().first().map(String::as_str), Some("orders.sales-kpis"));
    // A port that does not exist lists the ones that do.
    let error = graph.impact("orders.order-management/events").err().ok_or("a missing port was accepted")?;
    assert_eq!(error.suggestions(), ["orders.order-management/order-events", "orders.order-management/order-lines"]);
    // Nothing near: no suggestion, and the message still names what was asked.
    let error = graph.impact("zzzzzz").err().ok_or("nonsense was accepted")?;
    assert!(error.suggestions().is_empty());
    assert!(error.to_string().contains("`zzzzzz`"));
    assert!(graph.impact("contract:orders.order-events").is_ok());
    assert!(matches!(graph.impact("team:orders-team"), Err(GraphError::UnknownPrefix { .. })));
    Ok(())
}

#[test]
fn graph_command_answers_in_text_and_json() -> TestResult {
    let retail = example("retail");
    let retail = retail.to_string_lossy();
    let run = run_cli(&["graph", &retail, "impact", "orders.order-management", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let impact: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!((impact["products"].as_u64(), impact["consumers"].as_u64()), (Some(15), Some(10)));
    assert_eq!(impact["target"]["kind"], "product");
    assert_eq!(impact["nodes"][0]["path"][0]["contract"], "orders.order-lines");

    let run = run_cli(&["graph", &retail, "lineage", "exec-sales-dashboard"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("15 products, 0 consumers upstream"), "{}", run.stdout);
    assert!(
        run.stdout.contains("payment-gateway --> payments.payment-transactions -[payments.payment-events 3.1.0]->"),
        "{}",
        run.stdout
    );

    let run = run_cli(&["graph", &retail, "stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(stats["totals"]["dependencies"], 77);
    assert_eq!(stats["criticalPath"]["length"], 4);
    assert_eq!(stats["products"].as_array().map(Vec::len), Some(28));
    let run = run_cli(&["graph", &retail, "stats"]);
    assert!(run.stdout.contains("77 dependencies (28 across domains)"), "{}", run.stdout);
    assert!(run.stdout.contains("25 dependents (  10 consumers)  orders.order-management"), "{}", run.stdout);

    let run = run_cli(&["graph", &retail, "layers"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("28 products in 4 layers"), "{}", run.stdout);
    assert!(run.stdout.contains("layer 3 (1 product): orders.sales-kpis"), "{}", run.stdout);

    let run = run_cli(&["graph", &retail, "cycles"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("No dependency cycles among 28 products"), "{}", run.stdout);
    Ok(())
}

#[test]
fn graph_command_refuses_bad_requests_with_exit_2() -> TestResult {
    let retail = example("retail");
    let retail = retail.to_string_lossy();
    let run = run_cli(&["graph", &retail, "impact", "orders.order-managment"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `orders.order-management`?"), "{}", run.stderr);
    let run = run_cli(&["graph", &retail, "impact"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("needs the id"), "{}", run.stderr);
    let run = run_cli(&["graph", &retail, "stats", "orders.net-sales"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("takes no id"), "{}", run.stderr);
    assert_eq!(run_cli(&["graph", &retail, "centrality"]).code, 2);
    let run = run_cli(&["graph", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("impact") && run.stdout.contains("PRODUCT/PORT"), "{}", run.stdout);
    Ok(())
}

#[test]
fn graph_cycles_exits_1_on_a_design_with_a_cycle() -> TestResult {
    let mut mesh = retail()?;
    with_profiles_fed_back(&mut mesh)?;
    let scratch = tempfile::tempdir()?;
    let file = scratch.path().join("tangled.mesh");
    meshwright::store::Store::create(&file, &mesh, false)?;
    let run = run_cli(&["graph", &file.to_string_lossy(), "cycles"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("1 dependency cycle"), "{}", run.stdout);
    assert!(
        run.stdout.contains("cycle 1 (2 products): customers.customer-360, orders.order-management"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("closed by: orders.order-management -[orders.order-lines 1.3.0]-> customers.customer-360"),
        "{}",
        run.stdout
    );
    let run = run_cli(&["graph", &file.to_string_lossy(), "cycles", "--format", "json"]);
    assert_eq!(run.code, 1);
    let cycles: serde_json::Value = serde_json::from_str(&run.stdout)?;
    assert_eq!(cycles[0]["members"][1], "orders.order-management");
    Ok(())
}

/// Mermaid node names declared in a flowchart (`name[...]`, `name[(...)]`, `name([...])`).
fn mermaid_declared(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("subgraph") && !line.contains("-->") && !line.contains("-.->"))
        .filter_map(|line| line.find(['[', '(']).map(|end| line[..end].to_owned()))
        .filter(|name| !name.is_empty() && !name.contains(' '))
        .collect()
}

#[test]
fn mermaid_export_draws_domains_as_subgraphs() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let out = scratch.path().join("retail.mmd");
    let retail = example("retail");
    let run = run_cli(&["export", &retail.to_string_lossy(), "--format", "mermaid", "--out", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&out)?;
    assert!(text.starts_with("---\ntitle: \"Retail mesh\"\n---\nflowchart LR\n"), "{text}");
    let subgraphs = text.lines().filter(|line| line.trim_start().starts_with("subgraph ")).count();
    let ends = text.lines().filter(|line| line.trim() == "end").count();
    assert_eq!((subgraphs, ends), (7, 7));
    assert!(text.contains("  subgraph d_orders[\"Orders\"]"), "{text}");
    // 28 products, 11 source systems, 10 consumers; 77 edges, 13 of them from source systems (dotted).
    let declared = mermaid_declared(&text);
    assert_eq!(declared.len(), 49, "{declared:?}");
    let edges: Vec<&str> = text.lines().filter(|line| line.contains("-->") || line.contains("-.->")).collect();
    assert_eq!(edges.len(), 77);
    assert_eq!(edges.iter().filter(|line| line.contains("-.->")).count(), 13);
    for edge in &edges {
        let words: Vec<&str> = edge.split_whitespace().collect();
        let (from, to) = (words.first().copied().unwrap_or(""), words.last().copied().unwrap_or(""));
        assert!(declared.contains(from) && declared.contains(to), "undeclared node in `{edge}`");
    }
    assert!(text.contains("p_orders_order_management -->|\"orders.order-lines 1.3.0\"| p_orders_net_sales"), "{text}");
    assert!(text.contains("s_shop_backend[(\"Shop backend<br/><small>shop-backend</small>\")]"), "{text}");
    assert!(text.contains("c_exec_sales_dashboard([\"Executive sales dashboard"), "{text}");
    Ok(())
}

#[test]
fn dot_export_of_a_neighbourhood_keeps_only_nearby_nodes() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let out = scratch.path().join("net-sales.dot");
    let retail = example("retail");
    let run = run_cli(&[
        "export",
        &retail.to_string_lossy(),
        "--format",
        "dot",
        "--out",
        &out.to_string_lossy(),
        "--around",
        "orders.net-sales",
        "--depth",
        "1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&out)?;
    assert!(text.starts_with("digraph \"Retail mesh\" {"), "{text}");
    assert_eq!(text.matches('{').count(), text.matches('}').count());
    // Net sales, its four providers and its two readers, and the eight edges among those seven.
    let nodes: BTreeSet<&str> = text
        .lines()
        .filter(|line| line.contains("[label=") && !line.contains("->"))
        .filter_map(|line| line.trim().split('"').nth(1))
        .collect();
    let expected: BTreeSet<&str> = [
        "product:orders.net-sales",
        "product:orders.order-management",
        "product:orders.returns-management",
        "product:payments.payment-reconciliation",
        "product:catalog.product-catalog",
        "product:orders.sales-kpis",
        "consumer:finance-close-report",
    ]
    .into();
    assert_eq!(nodes, expected);
    assert_eq!(text.lines().filter(|line| line.contains(" -> ")).count(), 8);
    assert!(
        text.contains("\"product:orders.net-sales\" [label=\"Net sales\\norders.net-sales\", penwidth=3];"),
        "{text}"
    );
    assert!(text.contains("subgraph \"cluster_payments\""), "{text}");
    assert!(text.contains(
        "\"product:payments.payment-reconciliation\" -> \"consumer:finance-close-report\" [label=\"payments.reconciled-payments 2.0.0\"];"
    ));

    let run = run_cli(&[
        "export",
        &retail.to_string_lossy(),
        "--format",
        "json",
        "--out",
        &out.to_string_lossy(),
        "--around",
        "orders.net-sales",
    ]);
    assert_eq!(run.code, 2, "--around was accepted for JSON");
    let run = run_cli(&[
        "export",
        &retail.to_string_lossy(),
        "--format",
        "dot",
        "--out",
        &out.to_string_lossy(),
        "--around",
        "net-sale",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `orders.net-sales`?"), "{}", run.stderr);
    Ok(())
}

#[test]
fn diagram_labels_escape_what_the_syntax_reads() -> TestResult {
    let mut mesh = Mesh::named("Quotes \"and\" <tags>");
    let mut product = DataProduct::new(Id::new("odd.name")?, "Sales \"gross\" <net> #1 | \\ total");
    product.domain = Some(Id::new("odd")?);
    mesh.products.insert(product.id.clone(), product);
    let graph = MeshGraph::build(&mesh);
    let mermaid = graph.mermaid(&Scope::Whole)?;
    assert!(mermaid.contains("Sales #34;gross#34; #60;net#62; #35;1 #124; \\ total"), "{mermaid}");
    assert!(mermaid.contains("title: \"Quotes 'and' <tags>\""), "{mermaid}");
    let dot = graph.dot(&Scope::Whole)?;
    assert!(dot.contains("label=\"Sales \\\"gross\\\" <net> #1 | \\\\ total\\nodd.name\""), "{dot}");
    assert!(dot.starts_with("digraph \"Quotes \\\"and\\\" <tags>\" {"), "{dot}");
    Ok(())
}
