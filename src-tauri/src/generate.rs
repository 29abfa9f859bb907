//! Synthetic designs of any size, for demos and benchmarks. Deterministic: the same parameters and seed give the
//! same design, byte for byte, on every machine (ChaCha8 is a portable, specified generator).

use crate::model::{
    Archetype, Binding, Consumer, Contract, ContractDescription, CustomProperty, DataProduct, Domain, Extra, Id,
    InputPort, Mesh, OutputPort, ProductDescription, QualityRule, SchemaObject, SchemaProperty, SlaProperty,
    SourceSystem, Status, SupportChannel, Team, TeamMember,
};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateOptions {
    pub domains: usize,
    pub products: usize,
    pub seed: u64,
    /// Dependency cycles to plant; zero gives an acyclic design.
    pub cycles: usize,
}

/// Parameters that cannot make a design.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    #[error("--domains must be at least 1")]
    NoDomains,
    #[error("--products ({products}) must be at least --domains ({domains}), so that every domain owns a product")]
    TooFewProducts { domains: usize, products: usize },
    #[error("--products must be at most {max}")]
    TooManyProducts { max: usize },
    #[error(
        "--cycles ({cycles}) needs at least {needed} aggregate or consumer-aligned products; ask for more products"
    )]
    TooManyCycles { cycles: usize, needed: usize },
}

pub const MAX_PRODUCTS: usize = 1_000_000;

const DOMAIN_WORDS: &[&str] = &[
    "orders",
    "customers",
    "catalog",
    "payments",
    "logistics",
    "marketing",
    "inventory",
    "pricing",
    "returns",
    "loyalty",
    "finance",
    "procurement",
    "fulfilment",
    "support",
    "sales",
    "partners",
    "subscriptions",
    "fraud",
    "content",
    "search",
];
const ENTITY_WORDS: &[&str] = &[
    "order",
    "shipment",
    "invoice",
    "customer",
    "payment",
    "return",
    "session",
    "basket",
    "product",
    "price",
    "stock",
    "supplier",
    "campaign",
    "voucher",
    "refund",
    "ticket",
    "review",
    "delivery",
    "warehouse",
    "account",
];
const QUALIFIERS: &[(&str, &str)] = &[
    ("events", "topic"),
    ("snapshot", "table"),
    ("daily-summary", "table"),
    ("history", "table"),
    ("360", "table"),
    ("forecast", "table"),
    ("scores", "table"),
    ("api", "api"),
    ("extract", "file"),
    ("metrics", "table"),
];
const PLAIN_FIELDS: &[(&str, &str, &str)] = &[
    ("created_at", "timestamp", "When the record was created, in UTC."),
    ("updated_at", "timestamp", "When the record last changed, in UTC."),
    ("amount", "number", "Monetary amount in the record's currency."),
    ("currency", "string", "ISO 4217 currency code."),
    ("status", "string", "Lifecycle status of the record."),
    ("quantity", "integer", "Number of units."),
    ("is_active", "boolean", "Whether the record is currently active."),
    ("country_code", "string", "ISO 3166-1 alpha-2 country code."),
    ("channel", "string", "Sales channel: web, app, store or partner."),
    ("category", "string", "Business category of the record."),
    ("region", "string", "Sales region."),
    ("score", "number", "Model score between 0 and 1."),
    ("business_date", "date", "The business day the record belongs to."),
    ("source_reference", "string", "Identifier of the record in the source system."),
    ("discount_rate", "number", "Applied discount as a fraction."),
    ("weight_kg", "number", "Weight in kilograms."),
    ("line_count", "integer", "Number of lines."),
    ("priority", "integer", "Priority from 1 (highest) to 5."),
    ("is_test", "boolean", "Whether the record comes from a test transaction."),
    ("notes_length", "integer", "Length of free-text notes, in characters."),
    ("warehouse_code", "string", "Code of the handling warehouse."),
    ("carrier", "string", "Name of the carrier."),
    ("tax_amount", "number", "Tax included in the amount."),
    ("event_type", "string", "Kind of business event."),
    ("valid_from", "date", "First day the record is valid."),
    ("valid_to", "date", "Last day the record is valid."),
];
const PERSONAL_FIELDS: &[(&str, &str, &str, &str)] = &[
    ("email", "string", "pii", "Email address of the customer."),
    ("phone_number", "string", "pii", "Phone number of the customer, E.164."),
    ("full_name", "string", "pii", "Full name of the customer."),
    ("birth_date", "date", "pii", "Date of birth of the customer."),
    ("street_address", "string", "pii", "Street and house number."),
    ("ip_address", "string", "pii", "IP address the request came from."),
    ("iban", "string", "restricted", "Bank account (IBAN) used for the payment."),
];
const CONSUMER_KINDS: &[&str] = &["dashboard", "report", "ml-model", "application"];

/// Generates a design.
pub fn generate(options: GenerateOptions) -> Result<Mesh, GenerateError> {
    let GenerateOptions { domains: domain_count, products: product_count, seed, cycles } = options;
    if domain_count == 0 {
        return Err(GenerateError::NoDomains);
    }
    if product_count < domain_count {
        return Err(GenerateError::TooFewProducts { domains: domain_count, products: product_count });
    }
    if product_count > MAX_PRODUCTS {
        return Err(GenerateError::TooManyProducts { max: MAX_PRODUCTS });
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut mesh =
        Mesh::named(format!("Generated mesh ({domain_count} domains, {product_count} products, seed {seed})"));
    mesh.settings.description =
        Some("A synthetic design made by `meshwright generate`, for demos and benchmarks.".to_owned());

    let domain_ids: Vec<Id> = (0..domain_count).map(|index| numbered(DOMAIN_WORDS, index)).collect();
    let mut systems_by_domain: Vec<Vec<Id>> = Vec::with_capacity(domain_count);
    for (index, domain_id) in domain_ids.iter().enumerate() {
        let team_id = make_id(&format!("{domain_id}-team"));
        let title = title_case(domain_id.as_str());
        mesh.teams.insert(team_id.clone(), team(&team_id, &title, index));
        mesh.domains.insert(
            domain_id.clone(),
            Domain {
                id: domain_id.clone(),
                name: title.clone(),
                description: Some(format!("The {title} business domain.")),
                owner_team: Some(team_id),
                color: None,
                extra: Extra::new(),
            },
        );
        let systems: Vec<Id> = ["backend", "events"]
            .iter()
            .map(|suffix| {
                let id = make_id(&format!("{domain_id}-{suffix}"));
                mesh.source_systems.insert(
                    id.clone(),
                    SourceSystem {
                        id: id.clone(),
                        name: format!("{title} {suffix}"),
                        domain: Some(domain_id.clone()),
                        kind: Some(if *suffix == "backend" { "database" } else { "event-stream" }.to_owned()),
                        technology: Some(if *suffix == "backend" { "PostgreSQL" } else { "Kafka" }.to_owned()),
                        description: Some(format!("Operational {suffix} of the {title} domain.")),
                        extra: Extra::new(),
                    },
                );
                id
            })
            .collect();
        systems_by_domain.push(systems);
    }

    // Products in creation order; inputs only point at earlier products, so the design is acyclic by design.
    let mut published: Vec<(Id, String, usize)> = Vec::new(); // (contract id, version, domain index)
    let mut product_ids: Vec<Id> = Vec::with_capacity(product_count);
    let mut counters = std::collections::HashMap::<String, usize>::new();
    for index in 0..product_count {
        // Every domain gets one product first; after that, domains are drawn at random.
        let domain_index = if index < domain_count { index } else { rng.random_range(0..domain_count) };
        let domain_id = &domain_ids[domain_index];
        let archetype = if index < product_count / 10 || published.len() < 8 {
            Archetype::SourceAligned
        } else {
            match rng.random_range(0..100) {
                0..45 => Archetype::SourceAligned,
                45..80 => Archetype::Aggregate,
                _ => Archetype::ConsumerAligned,
            }
        };
        let entity = ENTITY_WORDS[rng.random_range(0..ENTITY_WORDS.len())];
        let (qualifier, port_type) = QUALIFIERS[rng.random_range(0..QUALIFIERS.len())];
        let stem = format!("{domain_id}.{entity}-{qualifier}");
        let counter = counters.entry(stem.clone()).or_insert(0);
        *counter += 1;
        let product_id = if *counter == 1 { make_id(&stem) } else { make_id(&format!("{stem}-{counter}")) };
        let status = match rng.random_range(0..100) {
            0..70 => Status::Active,
            70..85 => Status::Draft,
            85..95 => Status::Proposed,
            _ => Status::Deprecated,
        };
        let name = title_case(&format!("{entity} {qualifier}"));
        let version = format!("{}.{}.0", rng.random_range(1..4), rng.random_range(0..10));
        let mut product = DataProduct::new(product_id.clone(), name.clone());
        product.domain = Some(domain_id.clone());
        product.archetype = Some(archetype);
        product.status = status.clone();
        product.version = Some(version.clone());
        product.owner_team = Some(make_id(&format!("{domain_id}-team")));
        product.tags = vec![domain_id.to_string(), entity.to_owned()];
        product.description = ProductDescription {
            purpose: Some(format!(
                "{name} of the {} domain, for analytics and operations.",
                title_case(domain_id.as_str())
            )),
            limitations: Some("Synthetic data made by meshwright generate.".to_owned()),
            usage: Some(format!("Join on {entity}_id.")),
            extra: Extra::new(),
        };
        match archetype {
            Archetype::SourceAligned => {
                let systems = &systems_by_domain[domain_index];
                let count = rng.random_range(1..=systems.len());
                for system in systems.iter().take(count) {
                    product.input_ports.push(InputPort {
                        name: system.to_string(),
                        source: Binding::SourceSystem { source_system: system.clone(), version: "1.0.0".to_owned() },
                        tags: Vec::new(),
                        custom_properties: Vec::new(),
                        extra: Extra::new(),
                    });
                }
            }
            Archetype::Aggregate | Archetype::ConsumerAligned => {
                let wanted =
                    if archetype == Archetype::Aggregate { rng.random_range(4..=8) } else { rng.random_range(3..=7) };
                let mut chosen = std::collections::BTreeSet::new();
                for _ in 0..wanted * 3 {
                    if chosen.len() >= wanted.min(published.len()) {
                        break;
                    }
                    // Half of the inputs come from the product's own domain when it has published something.
                    let pick = rng.random_range(0..published.len());
                    let same_domain = published.iter().rposition(|(_, _, d)| *d == domain_index);
                    let pick = match same_domain {
                        Some(last) if rng.random_bool(0.5) => rng.random_range(0..=last).min(pick.max(last / 2)),
                        _ => pick,
                    };
                    chosen.insert(pick);
                }
                for pick in chosen {
                    let (contract_id, contract_version, _) = &published[pick];
                    product.input_ports.push(InputPort {
                        name: contract_id.as_str().replace('.', "-"),
                        source: Binding::Contract {
                            contract_id: contract_id.clone(),
                            version: contract_version.clone(),
                        },
                        tags: Vec::new(),
                        custom_properties: Vec::new(),
                        extra: Extra::new(),
                    });
                }
            }
        }
        let port_count = if rng.random_bool(0.3) { 2 } else { 1 };
        for port_index in 0..port_count {
            let (port_name, port_type) =
                if port_index == 0 { (qualifier.to_owned(), port_type) } else { ("api".to_owned(), "api") };
            let contract_id =
                if port_index == 0 { product_id.clone() } else { make_id(&format!("{product_id}-{port_name}")) };
            let contract = contract(&mut rng, &contract_id, &name, domain_id, entity, port_type, &version, &status);
            product.output_ports.push(OutputPort {
                name: port_name,
                version: version.clone(),
                port_type: Some(port_type.to_owned()),
                description: Some(format!("{name} as a {port_type}.")),
                contract_id: Some(contract_id.clone()),
                tags: Vec::new(),
                custom_properties: Vec::new(),
                extra: Extra::new(),
            });
            published.push((contract_id.clone(), version.clone(), domain_index));
            mesh.contracts.insert(contract_id, contract);
        }
        product_ids.push(product_id.clone());
        mesh.products.insert(product_id, product);
    }

    plant_cycles(&mut mesh, &product_ids, cycles, &mut rng)?;

    // Consumers read consumer-aligned and aggregate products, one consumer per ten products.
    let serving: Vec<(Id, String)> = product_ids
        .iter()
        .filter_map(|id| mesh.products.get(id))
        .filter(|product| product.archetype != Some(Archetype::SourceAligned))
        .flat_map(|product| product.output_ports.iter())
        .filter_map(|port| port.contract_id.clone().map(|id| (id, port.version.clone())))
        .collect();
    let consumer_count = (product_count / 10).max(1);
    for index in 0..consumer_count {
        let kind = CONSUMER_KINDS[index % CONSUMER_KINDS.len()];
        let domain_index = rng.random_range(0..domain_count);
        let domain_id = &domain_ids[domain_index];
        let id = make_id(&format!("{domain_id}-{kind}-{}", index + 1));
        let mut inputs = Vec::new();
        if !serving.is_empty() {
            let wanted = rng.random_range(2..=5).min(serving.len());
            let mut chosen = std::collections::BTreeSet::new();
            while chosen.len() < wanted {
                chosen.insert(rng.random_range(0..serving.len()));
            }
            for pick in chosen {
                let (contract_id, version) = &serving[pick];
                inputs.push(Binding::Contract { contract_id: contract_id.clone(), version: version.clone() });
            }
        }
        mesh.consumers.insert(
            id.clone(),
            Consumer {
                name: format!("{} {kind} {}", title_case(domain_id.as_str()), index + 1),
                id,
                kind: Some(kind.to_owned()),
                domain: Some(domain_id.clone()),
                owner_team: Some(make_id(&format!("{domain_id}-team"))),
                description: Some(format!("A {kind} of the {} domain.", title_case(domain_id.as_str()))),
                use_case: Some("Decision support.".to_owned()),
                inputs,
                extra: Extra::new(),
            },
        );
    }
    Ok(mesh)
}

/// Adds `cycles` back edges: an earlier product reads a later product that already depends on it.
fn plant_cycles(mesh: &mut Mesh, order: &[Id], cycles: usize, rng: &mut ChaCha8Rng) -> Result<(), GenerateError> {
    if cycles == 0 {
        return Ok(());
    }
    let contract_owner: std::collections::HashMap<Id, Id> = mesh
        .products
        .values()
        .flat_map(|product| {
            product.output_ports.iter().filter_map(|port| Some((port.contract_id.clone()?, product.id.clone())))
        })
        .collect();
    let candidates: Vec<(Id, Id)> = order
        .iter()
        .filter_map(|id| mesh.products.get(id))
        .filter_map(|product| {
            let upstream = product.input_ports.iter().find_map(|port| match &port.source {
                Binding::Contract { contract_id, .. } => contract_owner.get(contract_id).cloned(),
                Binding::SourceSystem { .. } => None,
            })?;
            Some((product.id.clone(), upstream))
        })
        .collect();
    if candidates.len() < cycles {
        return Err(GenerateError::TooManyCycles { cycles, needed: cycles });
    }
    let step = candidates.len() / cycles;
    for index in 0..cycles {
        let offset = if step > 1 { rng.random_range(0..step) } else { 0 };
        let (downstream, upstream) = &candidates[index * step + offset];
        let Some((contract_id, version)) = mesh
            .products
            .get(downstream)
            .and_then(|product| product.output_ports.first())
            .and_then(|port| Some((port.contract_id.clone()?, port.version.clone())))
        else {
            continue;
        };
        if let Some(product) = mesh.products.get_mut(upstream) {
            product.input_ports.push(InputPort {
                name: format!("feedback-{}", contract_id.as_str().replace('.', "-")),
                source: Binding::Contract { contract_id, version },
                tags: Vec::new(),
                custom_properties: Vec::new(),
                extra: Extra::new(),
            });
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn contract(
    rng: &mut ChaCha8Rng,
    id: &Id,
    name: &str,
    domain: &Id,
    entity: &str,
    port_type: &str,
    version: &str,
    status: &Status,
) -> Contract {
    let property_count = rng.random_range(5..=30);
    let mut properties = Vec::with_capacity(property_count);
    let mut key = SchemaProperty::new(format!("{entity}_id"), "string");
    key.description = Some(format!("Unique identifier of the {entity}."));
    key.required = true;
    key.unique = true;
    key.primary_key = true;
    key.classification = Some("internal".to_owned());
    key.examples = vec![json!(format!("{}-000123", &entity[..entity.len().min(3)].to_uppercase()))];
    key.quality.push(QualityRule {
        rule_type: Some("library".to_owned()),
        name: None,
        description: Some(format!("Every {entity} has an id.")),
        dimension: Some("completeness".to_owned()),
        metric: Some("nullValues".to_owned()),
        query: None,
        severity: None,
        extra: [("mustBe".to_owned(), json!(0))].into_iter().collect(),
    });
    properties.push(key);
    let personal = rng.random_bool(0.3);
    if personal {
        let count = rng.random_range(1..=3);
        let start = rng.random_range(0..PERSONAL_FIELDS.len());
        for offset in 0..count {
            let (field, logical_type, classification, description) =
                PERSONAL_FIELDS[(start + offset) % PERSONAL_FIELDS.len()];
            let mut property = SchemaProperty::new(field, logical_type);
            property.description = Some(description.to_owned());
            property.classification = Some(classification.to_owned());
            properties.push(property);
        }
    }
    let mut start = rng.random_range(0..PLAIN_FIELDS.len());
    while properties.len() < property_count {
        let (field, logical_type, description) = PLAIN_FIELDS[start % PLAIN_FIELDS.len()];
        let round = start / PLAIN_FIELDS.len();
        let field = if round == 0 { field.to_owned() } else { format!("{field}_{round}") };
        let mut property = SchemaProperty::new(field, logical_type);
        property.description = Some(description.to_owned());
        property.classification = Some("internal".to_owned());
        property.required = rng.random_bool(0.4);
        properties.push(property);
        start += 1;
    }
    let object_name = id.as_str().rsplit('.').next().unwrap_or(entity).replace('-', "_");
    let mut sla = vec![
        SlaProperty {
            property: "availability".to_owned(),
            value: json!(if rng.random_bool(0.5) { 99.9 } else { 99.5 }),
            unit: Some("percent".to_owned()),
            element: None,
            description: None,
            extra: Extra::new(),
        },
        if port_type == "topic" || port_type == "api" {
            SlaProperty {
                property: "latency".to_owned(),
                value: json!(rng.random_range(1..60)),
                unit: Some("m".to_owned()),
                element: None,
                description: None,
                extra: Extra::new(),
            }
        } else {
            SlaProperty {
                property: "frequency".to_owned(),
                value: json!(1),
                unit: Some("d".to_owned()),
                element: None,
                description: None,
                extra: Extra::new(),
            }
        },
    ];
    if personal {
        sla.push(SlaProperty {
            property: "retention".to_owned(),
            value: json!(rng.random_range(1..8)),
            unit: Some("y".to_owned()),
            element: None,
            description: None,
            extra: Extra::new(),
        });
    }
    let mut contract = Contract::new(id.clone());
    contract.name = Some(name.to_owned());
    contract.version = version.to_owned();
    contract.status = status.clone();
    contract.domain = Some(domain.to_string());
    contract.description = Some(ContractDescription {
        purpose: Some(format!("{name}: one row per {entity}.")),
        limitations: None,
        usage: Some(format!("Join on {entity}_id.")),
        extra: Extra::new(),
    });
    contract.schema.push(SchemaObject {
        name: object_name,
        logical_type: Some("object".to_owned()),
        physical_type: Some(port_type.to_owned()),
        physical_name: None,
        business_name: None,
        description: Some(format!("{name}, one record per {entity}.")),
        tags: Vec::new(),
        properties,
        quality: vec![QualityRule {
            rule_type: Some("library".to_owned()),
            name: None,
            description: Some("The object is never empty.".to_owned()),
            dimension: Some("completeness".to_owned()),
            metric: Some("rowCount".to_owned()),
            query: None,
            severity: None,
            extra: [("mustBeGreaterThan".to_owned(), json!(0))].into_iter().collect(),
        }],
        custom_properties: Vec::new(),
        extra: Extra::new(),
    });
    contract.sla_properties = sla;
    contract.support.push(SupportChannel {
        channel: format!("#{domain}-data"),
        url: Some(format!("https://chat.example.com/channels/{domain}-data")),
        tool: Some("slack".to_owned()),
        scope: Some("interactive".to_owned()),
        description: None,
        extra: Extra::new(),
    });
    contract.custom_properties.push(CustomProperty::new("generatedBy", "meshwright generate"));
    contract
}

fn team(id: &Id, title: &str, index: usize) -> Team {
    let member = |role: &str, number: usize| TeamMember {
        username: format!("{}.{}{}@example.com", role.replace(' ', "-"), id.first_segment(), number),
        name: Some(format!("{title} {role} {}", number)),
        role: Some(role.to_owned()),
        extra: Extra::new(),
    };
    Team {
        id: id.clone(),
        name: format!("{title} team"),
        description: Some(format!("Owns the {title} domain's data products.")),
        members: vec![member("owner", index + 1), member("data steward", index + 1), member("engineer", index + 1)],
        extra: Extra::new(),
    }
}

/// The `index`-th name from `words`, numbered once the list runs out (`orders`, …, `orders-2`).
fn numbered(words: &[&str], index: usize) -> Id {
    let word = words[index % words.len()];
    let round = index / words.len();
    if round == 0 { make_id(word) } else { make_id(&format!("{word}-{}", round + 1)) }
}

/// Ids built here from fixed words and numbers are always valid; the fallback only guards that invariant.
fn make_id(text: &str) -> Id {
    Id::new(text).ok().or_else(|| Id::slug(text)).unwrap_or_else(Id::untitled)
}

fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut upper = true;
    for character in text.chars() {
        if character == '-' || character == '_' || character == ' ' {
            out.push(' ');
            upper = true;
        } else if upper {
            out.extend(character.to_uppercase());
            upper = false;
        } else {
            out.push(character);
        }
    }
    out
}
