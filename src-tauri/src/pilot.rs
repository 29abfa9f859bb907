//! The "new pilot exercise" template: a small design a workshop starts from. One domain with its team, a
//! source-aligned product reading a source system, a consumer-aligned product reading it, a consumer using that,
//! an empty Data Product Canvas per product, and the domain's readiness assessment waiting for answers.

use crate::model::{
    Archetype, Binding, Consumer, Contract, DataProduct, Domain, DomainAssessment, Extra, Id, IdError, InputPort, Mesh,
    MeshSettings, OutputPort, Position, ProductCanvas, SchemaObject, SchemaProperty, SourceSystem, Team, TeamMember,
};

fn id(text: &str) -> Result<Id, IdError> {
    Id::new(text)
}

fn output(name: &str, contract: &Id) -> OutputPort {
    OutputPort {
        name: name.to_owned(),
        version: "0.1.0".to_owned(),
        port_type: Some("table".to_owned()),
        description: None,
        contract_id: Some(contract.clone()),
        tags: Vec::new(),
        custom_properties: Vec::new(),
        extra: Extra::new(),
    }
}

fn input(name: &str, source: Binding) -> InputPort {
    InputPort { name: name.to_owned(), source, tags: Vec::new(), custom_properties: Vec::new(), extra: Extra::new() }
}

/// A new pilot exercise named `name`.
pub fn pilot_exercise(name: &str) -> Result<Mesh, IdError> {
    let name = if name.trim().is_empty() { "Pilot exercise" } else { name.trim() };
    let mut mesh = Mesh {
        settings: MeshSettings {
            name: name.to_owned(),
            description: Some(
                "A pilot-domain exercise: fill the canvases, score readiness, plan the first wave.".to_owned(),
            ),
            ..MeshSettings::default()
        },
        ..Mesh::default()
    };
    let domain = id("pilot")?;
    let team = id("pilot-team")?;
    let source = id("pilot.source-system")?;
    let raw = id("pilot.source-data")?;
    let use_case = id("pilot.use-case-data")?;
    let raw_contract = id("pilot.source-data")?;
    let use_case_contract = id("pilot.use-case-data")?;
    let consumer = id("pilot.first-consumer")?;
    mesh.teams.insert(
        team.clone(),
        Team {
            id: team.clone(),
            name: "Pilot team".to_owned(),
            description: None,
            members: vec![TeamMember {
                username: "product-owner".to_owned(),
                name: Some("Product owner (rename me)".to_owned()),
                role: Some("owner".to_owned()),
                extra: Extra::new(),
            }],
            extra: Extra::new(),
        },
    );
    mesh.domains.insert(
        domain.clone(),
        Domain {
            id: domain.clone(),
            name: "Pilot domain".to_owned(),
            description: Some("Rename me: the business domain the pilot serves.".to_owned()),
            owner_team: Some(team.clone()),
            color: Some("#4f7cac".to_owned()),
            extra: Extra::new(),
        },
    );
    mesh.source_systems.insert(
        source.clone(),
        SourceSystem {
            id: source.clone(),
            name: "Source system".to_owned(),
            domain: Some(domain.clone()),
            kind: Some("application".to_owned()),
            technology: None,
            description: None,
            extra: Extra::new(),
        },
    );
    let mut source_aligned = DataProduct::new(raw.clone(), "Source data");
    source_aligned.domain = Some(domain.clone());
    source_aligned.owner_team = Some(team.clone());
    source_aligned.archetype = Some(Archetype::SourceAligned);
    source_aligned.version = Some("0.1.0".to_owned());
    source_aligned
        .input_ports
        .push(input("source", Binding::SourceSystem { source_system: source.clone(), version: "1.0.0".to_owned() }));
    source_aligned.output_ports.push(output("source-data", &raw_contract));
    let mut consumer_aligned = DataProduct::new(use_case.clone(), "Use-case data");
    consumer_aligned.domain = Some(domain.clone());
    consumer_aligned.owner_team = Some(team.clone());
    consumer_aligned.archetype = Some(Archetype::ConsumerAligned);
    consumer_aligned.version = Some("0.1.0".to_owned());
    consumer_aligned.input_ports.push(input(
        "source-data",
        Binding::Contract { contract_id: raw_contract.clone(), version: "0.1.0".to_owned() },
    ));
    consumer_aligned.output_ports.push(output("use-case-data", &use_case_contract));
    for (contract_id, contract_name) in [(&raw_contract, "Source data"), (&use_case_contract, "Use-case data")] {
        let mut contract = Contract::new(contract_id.clone());
        contract.name = Some(contract_name.to_owned());
        contract.version = "0.1.0".to_owned();
        contract.domain = Some(domain.to_string());
        let mut object = SchemaObject::new(contract_id.as_str().trim_start_matches("pilot."));
        let mut key = SchemaProperty::new("id", "string");
        key.description = Some("Rename me: the first field the workshop agrees on.".to_owned());
        object.properties.push(key);
        contract.schema.push(object);
        mesh.contracts.insert(contract_id.clone(), contract);
    }
    mesh.consumers.insert(
        consumer.clone(),
        Consumer {
            id: consumer.clone(),
            name: "First consumer".to_owned(),
            kind: Some("report".to_owned()),
            domain: Some(domain.clone()),
            owner_team: Some(team.clone()),
            description: None,
            use_case: Some("Rename me: the decision this consumer supports.".to_owned()),
            inputs: vec![Binding::Contract { contract_id: use_case_contract.clone(), version: "0.1.0".to_owned() }],
            extra: Extra::new(),
        },
    );
    for (index, node) in [&source, &raw, &use_case, &consumer].into_iter().enumerate() {
        mesh.layout.insert(node.clone(), Position { x: 80.0 + 320.0 * index as f64, y: 160.0 });
    }
    mesh.canvases.insert(raw.clone(), ProductCanvas::empty(raw.clone()));
    mesh.canvases.insert(use_case.clone(), ProductCanvas::empty(use_case.clone()));
    mesh.products.insert(raw, source_aligned);
    mesh.products.insert(use_case, consumer_aligned);
    mesh.assessments.insert(domain.clone(), DomainAssessment::new(domain));
    Ok(mesh)
}
