//! Mesh as code: the examples are canonical, exports are deterministic, round trips lose nothing, and a folder of
//! bare ODPS/ODCS files reads as a design.

use crate::support::{TestResult, example, fixture, read_tree};
use meshwright::mesh_as_code::{read_folder, render, write_folder};
use meshwright::model::{Archetype, Binding};
use meshwright::store::Store;

#[test]
fn examples_are_stored_in_canonical_form() -> TestResult {
    for name in ["retail", "healthcare"] {
        let folder = example(name);
        let mesh = read_folder(&folder)?;
        for (relative, text) in render(&mesh)? {
            let on_disk = std::fs::read_to_string(folder.join(&relative))?;
            assert!(on_disk == text, "examples/{name}/{} is not in the exporter's canonical form", relative.display());
        }
        let yaml_files =
            read_tree(&folder)?.keys().filter(|path| path.extension().is_some_and(|e| e == "yaml")).count();
        assert_eq!(yaml_files, render(&mesh)?.len(), "examples/{name} holds YAML files the exporter would not write");
    }
    Ok(())
}

#[test]
fn retail_example_is_a_realistic_mesh() -> TestResult {
    let mesh = read_folder(&example("retail"))?;
    assert!(mesh.domains.len() >= 6, "retail has {} domains", mesh.domains.len());
    assert!(mesh.products.len() >= 25, "retail has {} products", mesh.products.len());
    for archetype in Archetype::ALL {
        assert!(mesh.products.values().any(|product| product.archetype == Some(archetype)), "no {archetype} product");
    }
    for product in mesh.products.values() {
        for port in &product.output_ports {
            let contract_id =
                port.contract_id.as_ref().ok_or(format!("{} has a port without a contract", product.id))?;
            let contract = mesh.contracts.get(contract_id).ok_or(format!("contract {contract_id} is missing"))?;
            assert!(contract.property_count() >= 5, "contract {contract_id} has too few properties");
            assert!(!contract.sla_properties.is_empty(), "contract {contract_id} has no SLA");
            assert!(!contract.support.is_empty(), "contract {contract_id} has no support channel");
        }
    }
    let classified_email = mesh.contracts.values().flat_map(|c| &c.schema).flat_map(|o| &o.properties).any(|p| {
        p.name.contains("email") && p.classification.as_deref().is_some_and(|c| c == "pii" || c == "restricted")
    });
    assert!(classified_email, "retail classifies no email field as personal data");
    assert!(mesh.consumers.values().any(|consumer| consumer.kind.as_deref() == Some("ml-model")));
    Ok(())
}

#[test]
fn import_export_import_export_gives_the_same_bytes() -> TestResult {
    let scratch = tempfile::tempdir()?;
    for name in ["retail", "healthcare"] {
        let first = scratch.path().join(format!("{name}-1"));
        let second = scratch.path().join(format!("{name}-2"));
        let document = scratch.path().join(format!("{name}.mesh"));
        Store::create(&document, &read_folder(&example(name))?, false)?;
        write_folder(&Store::open(&document)?.load()?, &first)?;
        let reread = read_folder(&first)?;
        assert_eq!(reread, read_folder(&example(name))?, "{name}: the model changed on a round trip");
        write_folder(&reread, &second)?;
        assert_eq!(read_tree(&first)?, read_tree(&second)?, "{name}: a second export differs from the first");
    }
    Ok(())
}

#[test]
fn exporting_twice_writes_nothing_the_second_time() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let mesh = read_folder(&example("healthcare"))?;
    let first = write_folder(&mesh, scratch.path())?;
    assert!(!first.written.is_empty());
    let second = write_folder(&mesh, scratch.path())?;
    assert!(second.written.is_empty(), "unchanged files were rewritten: {:?}", second.written);
    assert_eq!(second.unchanged, first.written.len());
    Ok(())
}

#[test]
fn export_removes_files_of_deleted_products() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let mut mesh = read_folder(&example("healthcare"))?;
    write_folder(&mesh, scratch.path())?;
    let removed = mesh.products.keys().next().cloned().ok_or("no product")?;
    mesh.products.remove(&removed);
    let report = write_folder(&mesh, scratch.path())?;
    assert_eq!(report.removed, vec![std::path::PathBuf::from(format!("products/{removed}.odps.yaml"))]);
    assert_eq!(read_folder(scratch.path())?.products.len(), mesh.products.len());
    Ok(())
}

#[test]
fn a_folder_of_bare_standard_files_reads_as_a_design() -> TestResult {
    let mesh = read_folder(&fixture("bare-folder"))?;
    assert_eq!(mesh.products.len(), 2);
    assert_eq!(mesh.contracts.len(), 2);
    let domains: Vec<&str> = mesh.domains.keys().map(|id| id.as_str()).collect();
    assert_eq!(domains, ["Sales", "shipping"], "a valid free-text domain keeps its spelling as the id");
    assert_eq!(mesh.domains.values().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["Sales", "shipping"]);
    let report = mesh.products.values().find(|p| p.name == "Delivery performance").ok_or("product missing")?;
    assert!(matches!(
        &report.input_ports[0].source,
        Binding::Contract { contract_id, version } if contract_id.as_str() == "sales.orders" && version == "1.0.0"
    ));
    assert!(mesh.teams.contains_key("shipping-team"), "the ownerTeam custom property did not make a team");
    Ok(())
}

#[test]
fn a_broken_document_is_reported_with_file_and_line() -> TestResult {
    let Err(error) = read_folder(&fixture("broken-folder")) else {
        return Err("a folder with a broken document was read without error".into());
    };
    let message = error.to_string();
    assert!(message.contains("orders.odps.yaml:4"), "the message does not name the file and line: {message}");
    Ok(())
}

#[test]
fn a_new_folder_appears_whole_and_an_existing_one_is_updated_in_place() -> TestResult {
    let mesh = read_folder(&example("healthcare"))?;
    let scratch = tempfile::tempdir()?;
    // An empty folder the user made, and a folder that does not exist yet (with a missing parent).
    let empty = scratch.path().join("empty");
    std::fs::create_dir(&empty)?;
    let nested = scratch.path().join("a/b/code");
    for folder in [&empty, &nested] {
        let report = write_folder(&mesh, folder)?;
        assert_eq!(report.written.len(), render(&mesh)?.len());
        assert_eq!(
            read_tree(folder)?,
            read_tree(&example("healthcare"))?
                .into_iter()
                .filter(|(path, _)| { path.extension().is_some_and(|extension| extension == "yaml") })
                .collect()
        );
    }
    // No temporary folder is left beside the export.
    let leftovers: Vec<_> = std::fs::read_dir(scratch.path())?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(".meshwright"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left: {leftovers:?}");
    // A second export into the now full folder changes nothing.
    let again = write_folder(&mesh, &nested)?;
    assert!(again.written.is_empty() && again.removed.is_empty());
    Ok(())
}

#[test]
fn import_reads_documents_other_tools_wrote_with_ids_meshwright_cannot_hold() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let contract = scratch.path().join("orders.odcs.yaml");
    std::fs::write(
        &contract,
        "apiVersion: v3.0.0\nkind: DataContract\nid: 'urn:acme:orders contract'\nversion: 1.0.0\nstatus: active\n\
         schema:\n  - name: orders\n    properties:\n      - name: order_id\n        logicalType: string\n",
    )?;
    let mesh = meshwright::mesh_as_code::read_sources(&[contract])?;
    let (id, imported) = mesh.contracts.iter().next().ok_or("the contract was not imported")?;
    assert!(meshwright::model::Id::new(id.as_str()).is_ok(), "a valid id was derived: {id}");
    let text = serde_json::to_string(imported)?;
    assert!(text.contains("urn:acme:orders contract"), "the original id is kept: {text}");
    assert_eq!(imported.property_count(), 1);
    Ok(())
}
