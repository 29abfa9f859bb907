//! Round trips: every official example read into the model and written back is the same document apart from the
//! normalisations ARCHITECTURE.md lists, and the writers' output is valid against the official schemas.

use super::{official_validator, reference, schema_errors, yaml_files, yaml_value};
use crate::support::TestResult;
use meshwright::standards::odcs::OdcsVersion;
use meshwright::standards::odps::OdpsVersion;
use meshwright::standards::{self, StandardDocument, dcs, odcs, odcs_v3_1, odps};
use serde_json::{Map, Value};
use std::path::Path;

/// The documented normalisations, applied to a document so it can be compared with what the writers produce:
/// nulls, empty lists and empty mappings dropped; `required`, `unique`, `primaryKey` `false` dropped; statuses in
/// lower case.
fn normalise(value: &Value) -> Value {
    match value {
        Value::Object(object) => {
            let mut result = Map::new();
            for (key, item) in object {
                let item = normalise(item);
                let is_empty = match &item {
                    Value::Null => true,
                    Value::Array(items) => items.is_empty(),
                    Value::Object(entries) => entries.is_empty(),
                    _ => false,
                };
                let is_false_flag =
                    matches!(key.as_str(), "required" | "unique" | "primaryKey") && item == Value::Bool(false);
                if is_empty || is_false_flag {
                    continue;
                }
                let item = match (key.as_str(), item) {
                    ("status", Value::String(text)) => Value::String(text.to_lowercase()),
                    (_, item) => item,
                };
                result.insert(key.clone(), item);
            }
            Value::Object(result)
        }
        Value::Array(items) => Value::Array(items.iter().map(normalise).collect()),
        other => other.clone(),
    }
}

/// The ODCS-specific normalisations: the v3.0 team list becomes `team.members`, and every property has a
/// `logicalType` (inferred from its shape when the input had none).
fn normalise_odcs(mut value: Value, api_version: &str) -> Value {
    if let Value::Object(root) = &mut value {
        root.insert("apiVersion".to_owned(), Value::String(api_version.to_owned()));
        if let Some(Value::Array(members)) = root.get("team").cloned() {
            let mut team = Map::new();
            team.insert("members".to_owned(), Value::Array(members));
            root.insert("team".to_owned(), Value::Object(team));
        }
        if !root.contains_key("status") {
            root.insert("status".to_owned(), Value::String("draft".to_owned()));
        }
        if let Some(Value::Array(objects)) = root.get_mut("schema") {
            for object in objects {
                if let Some(Value::Array(properties)) = object.get_mut("properties") {
                    properties.iter_mut().for_each(fill_logical_type);
                }
            }
        }
    }
    normalise(&value)
}

fn fill_logical_type(property: &mut Value) {
    let Value::Object(object) = property else { return };
    if !object.contains_key("logicalType") {
        let inferred = if object.contains_key("properties") {
            "object"
        } else if object.contains_key("items") {
            "array"
        } else {
            "string"
        };
        object.insert("logicalType".to_owned(), Value::String(inferred.to_owned()));
    }
    if let Some(Value::Array(children)) = object.get_mut("properties") {
        children.iter_mut().for_each(fill_logical_type);
    }
    if let Some(Value::Object(items)) = object.get_mut("items")
        && !items.contains_key("logicalType")
    {
        let inferred = if items.contains_key("properties") { "object" } else { "string" };
        items.insert("logicalType".to_owned(), Value::String(inferred.to_owned()));
    }
}

/// The first place two values differ, as a path, or `None` when they are equal.
fn first_difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(left), Value::Object(right)) => {
            for key in left.keys().chain(right.keys()) {
                let child = format!("{path}.{key}");
                match (left.get(key), right.get(key)) {
                    (Some(left), Some(right)) => {
                        if let Some(difference) = first_difference(left, right, &child) {
                            return Some(difference);
                        }
                    }
                    (Some(_), None) => return Some(format!("{child} was lost")),
                    (None, Some(_)) => return Some(format!("{child} was added")),
                    (None, None) => {}
                }
            }
            None
        }
        (Value::Array(left), Value::Array(right)) if left.len() == right.len() => left
            .iter()
            .zip(right)
            .enumerate()
            .find_map(|(index, (left, right))| first_difference(left, right, &format!("{path}[{index}]"))),
        (left, right) if left == right => None,
        (left, right) => Some(format!("{path}: {left} became {right}")),
    }
}

fn read(path: &Path) -> Result<StandardDocument, Box<dyn std::error::Error>> {
    Ok(standards::read_str(&std::fs::read_to_string(path)?, path)?)
}

#[test]
fn every_odcs_example_round_trips_and_validates_against_the_official_schema() -> TestResult {
    let Some(reference) = reference("every_odcs_example_round_trips") else { return Ok(()) };
    let official = official_validator(&reference.join("odcs/schema/odcs-json-schema-v3.2.0.json"))?;
    let official_v3_1 = official_validator(&reference.join("odcs/schema/odcs-json-schema-v3.1.0.json"))?;
    let mut failures = Vec::new();
    let (mut checked, mut carried) = (0, 0);
    for folder in ["odcs/examples", "odcs/examples-older"] {
        for path in yaml_files(&reference.join(folder))? {
            checked += 1;
            let input = yaml_value(&std::fs::read_to_string(&path)?)?;
            let StandardDocument::Contract { contract, .. } = read(&path)? else {
                failures.push(format!("{}: not read as a contract", path.display()));
                continue;
            };
            let written = odcs::write(&contract, OdcsVersion::V3_2_0)?;
            let output = yaml_value(&written)?;
            if let Some(errors) = schema_errors(&official, &output) {
                failures.push(format!("{}: the v3.2.0 export is invalid: {errors}", path.display()));
            }
            if let Some(difference) =
                first_difference(&normalise_odcs(input.clone(), "v3.2.0"), &normalise(&output), "")
            {
                failures.push(format!("{}: {difference}", path.display()));
            }
            // v3.1.0: valid against the official v3.1.0 schema, and read back into the same contract.
            let older_text = odcs::write(&contract, OdcsVersion::V3_1_0)?;
            let older = yaml_value(&older_text)?;
            if older.get("apiVersion") != Some(&Value::String("v3.1.0".to_owned())) {
                failures.push(format!("{}: the v3.1.0 export does not say v3.1.0", path.display()));
            }
            if let Some(errors) = schema_errors(&official_v3_1, &older) {
                failures.push(format!("{}: the v3.1.0 export is invalid: {errors}", path.display()));
            }
            if older_text.contains(odcs_v3_1::CARRIER) {
                carried += 1;
            }
            let StandardDocument::Contract { contract: reread, .. } = standards::read_str(&older_text, &path)? else {
                return Err(format!("{}: the v3.1.0 export was not read back as a contract", path.display()).into());
            };
            if reread != contract {
                let difference =
                    first_difference(&serde_json::to_value(&*contract)?, &serde_json::to_value(&*reread)?, "");
                failures.push(format!("{}: v3.2.0 → v3.1.0 → model lost {difference:?}", path.display()));
            }
        }
    }
    println!(
        "ODCS round trips: {checked} examples, {carried} v3.1.0 exports carrying v3.2.0 fields, {} failures",
        failures.len()
    );
    assert!(checked >= 36, "expected the 36 official ODCS examples, found {checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(carried >= 1, "no example exercised the v3.2.0 → v3.1.0 carrier");
    Ok(())
}

#[test]
fn every_odps_example_round_trips_and_validates_against_the_official_schema() -> TestResult {
    let Some(reference) = reference("every_odps_example_round_trips") else { return Ok(()) };
    let official = official_validator(&reference.join("odps/schema/odps-json-schema-v1.0.0.json"))?;
    let mut failures = Vec::new();
    let files = yaml_files(&reference.join("odps/examples"))?;
    for path in &files {
        let mut input = yaml_value(&std::fs::read_to_string(path)?)?;
        let StandardDocument::Product { product, .. } = read(path)? else {
            failures.push(format!("{}: not read as a product", path.display()));
            continue;
        };
        let output = yaml_value(&odps::write(&product, OdpsVersion::V1_0_0)?)?;
        if let Some(errors) = schema_errors(&official, &output) {
            failures.push(format!("{}: the v1.0.0 export is invalid: {errors}", path.display()));
        }
        if let Value::Object(root) = &mut input {
            root.insert("apiVersion".to_owned(), Value::String("v1.0.0".to_owned()));
        }
        if let Some(difference) = first_difference(&normalise(&input), &normalise(&output), "") {
            failures.push(format!("{}: {difference}", path.display()));
        }
        // v1.1.0 carries the archetype as `type` and says so in `apiVersion`.
        let mut typed = (*product).clone();
        typed.archetype = Some(meshwright::model::Archetype::Aggregate);
        let newer = yaml_value(&odps::write(&typed, OdpsVersion::V1_1_0)?)?;
        assert_eq!(newer.get("type"), Some(&Value::String("aggregate".to_owned())));
        assert_eq!(newer.get("apiVersion"), Some(&Value::String("v1.1.0".to_owned())));
        let StandardDocument::Product { product: reread, .. } =
            standards::read_str(&odps::write(&typed, OdpsVersion::V1_1_0)?, path)?
        else {
            return Err("the v1.1.0 export was not read back as a product".into());
        };
        assert_eq!(*reread, typed, "{}: v1.1.0 does not round-trip", path.display());
    }
    println!("ODPS round trips: {} examples, {} failures", files.len(), failures.len());
    assert_eq!(files.len(), 2);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn every_dcs_example_round_trips_and_migrates_to_valid_odcs() -> TestResult {
    let Some(reference) = reference("every_dcs_example_round_trips") else { return Ok(()) };
    let official_dcs = official_validator(&reference.join("dcs/schema/datacontract-1.2.1.schema.json"))?;
    let official_odcs = official_validator(&reference.join("odcs/schema/odcs-json-schema-v3.2.0.json"))?;
    let mut failures = Vec::new();
    let files = yaml_files(&reference.join("dcs/examples"))?;
    for path in &files {
        let mut input = yaml_value(&std::fs::read_to_string(path)?)?;
        let StandardDocument::Contract { contract, .. } = read(path)? else {
            failures.push(format!("{}: not read as a contract", path.display()));
            continue;
        };
        let output = yaml_value(&dcs::write(&contract)?)?;
        if let Some(errors) = schema_errors(&official_dcs, &output) {
            failures.push(format!("{}: the DCS 1.2.1 export is invalid: {errors}", path.display()));
        }
        if let Value::Object(root) = &mut input {
            root.insert("dataContractSpecification".to_owned(), Value::String(dcs::WRITE_VERSION.to_owned()));
            if let Some(Value::Object(info)) = root.get_mut("info") {
                info.entry("status").or_insert_with(|| Value::String("draft".to_owned()));
            }
        }
        if let Some(difference) = first_difference(&normalise(&input), &normalise(&output), "") {
            failures.push(format!("{}: {difference}", path.display()));
        }
        let migrated = yaml_value(&odcs::write(&contract, OdcsVersion::V3_2_0)?)?;
        if let Some(errors) = schema_errors(&official_odcs, &migrated) {
            failures.push(format!("{}: the migration to ODCS is invalid: {errors}", path.display()));
        }
    }
    println!("DCS round trips: {} examples, {} failures", files.len(), failures.len());
    assert_eq!(files.len(), 6);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn export_writes_one_valid_file_per_contract_and_product_deterministically() -> TestResult {
    let folder = tempfile::tempdir()?;
    let mesh = crate::support::example("retail").display().to_string();
    for (format, suffix, schema) in [
        ("odcs", ".odcs.yaml", "odcs/schema/odcs-json-schema-v3.2.0.json"),
        ("odps", ".odps.yaml", "odps/schema/odps-json-schema-v1.0.0.json"),
        ("dcs", ".dcs.yaml", "dcs/schema/datacontract-1.2.1.schema.json"),
    ] {
        let out = folder.path().join(format);
        let out_text = out.display().to_string();
        let run = crate::support::run_cli(&["export", &mesh, "--format", format, "--out", &out_text]);
        assert_eq!(run.code, 0, "{run:?}");
        let files = yaml_files(&out)?;
        assert!(files.len() > 10, "{format}: only {} files", files.len());
        assert!(files.iter().all(|file| file.to_string_lossy().ends_with(suffix)));
        let first = crate::support::read_tree(&out)?;
        let again = crate::support::run_cli(&["export", &mesh, "--format", format, "--out", &out_text]);
        assert!(again.stdout.contains("0 files written"), "{}", again.stdout);
        assert_eq!(crate::support::read_tree(&out)?, first);
        if let Some(reference) = reference("export_writes_valid_files") {
            let validator = official_validator(&reference.join(schema))?;
            for file in &files {
                let value = yaml_value(&std::fs::read_to_string(file)?)?;
                assert_eq!(schema_errors(&validator, &value), None, "{}", file.display());
            }
        }
    }
    Ok(())
}

#[test]
fn file_names_from_ids_cannot_leave_the_folder() {
    use meshwright::standards::export::safe_file_stem;
    assert_eq!(safe_file_stem("../../etc/passwd"), "-.-etc-passwd");
    assert_eq!(safe_file_stem(".."), "unnamed");
    assert_eq!(safe_file_stem("urn:orders/v1"), "urn-orders-v1");
    assert_eq!(safe_file_stem("sales.orders"), "sales.orders");
}

#[test]
fn ids_the_model_cannot_hold_are_derived_and_written_back_as_they_were() -> TestResult {
    let path = Path::new("urn.odcs.yaml");
    let contract_text = "apiVersion: v3.1.0\nkind: DataContract\nid: 'urn:acme:sales/orders v2'\nversion: 1.0.0\n\
                         status: active\ncustomProperties:\n  - property: owner\n    value: sales\n";
    let StandardDocument::Contract { contract, .. } = standards::read_str(contract_text, path)? else {
        return Err("the contract was not read as a contract".into());
    };
    assert_eq!(contract.id.as_str(), "urn-acme-sales-orders-v2");
    for version in [OdcsVersion::V3_1_0, OdcsVersion::V3_2_0] {
        let written = yaml_value(&odcs::write(&contract, version)?)?;
        assert_eq!(written.get("id"), Some(&Value::String("urn:acme:sales/orders v2".to_owned())));
        // The original travels in the model only: the written document has just the user's own custom property.
        assert_eq!(written.pointer("/customProperties").and_then(Value::as_array).map(Vec::len), Some(1));
    }
    // Renamed in the studio: written under the new id; the old original stays visible as a custom property.
    let mut renamed = (*contract).clone();
    renamed.id = meshwright::model::Id::new("sales.orders")?;
    let written = yaml_value(&odcs::write(&renamed, OdcsVersion::V3_2_0)?)?;
    assert_eq!(written.get("id"), Some(&Value::String("sales.orders".to_owned())));

    let product_text = "apiVersion: v1.0.0\nkind: DataProduct\nid: 'urn:acme:product:orders'\nname: Orders\nstatus: active\n\
                        inputPorts:\n  - name: raw\n    version: 1.0.0\n    contractId: 'urn:acme:raw orders'\n\
                        outputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: 'urn:acme:sales/orders v2'\n";
    let StandardDocument::Product { product, .. } = standards::read_str(product_text, Path::new("urn.odps.yaml"))?
    else {
        return Err("the product was not read as a product".into());
    };
    assert_eq!(product.id.as_str(), "urn-acme-product-orders");
    // The port's derived contract id is the contract's own derived id, so the link survives the import.
    assert_eq!(product.output_ports.first().and_then(|port| port.contract_id.as_ref()), Some(&contract.id));
    let written = yaml_value(&odps::write(&product, OdpsVersion::V1_0_0)?)?;
    let expected = yaml_value(product_text)?;
    assert_eq!(first_difference(&normalise(&expected), &normalise(&written), ""), None);

    let dcs_text =
        "dataContractSpecification: 1.2.1\nid: 'urn:acme:orders'\ninfo:\n  title: Orders\n  version: 1.0.0\n";
    let StandardDocument::Contract { contract, .. } = standards::read_str(dcs_text, Path::new("urn.dcs.yaml"))? else {
        return Err("the DCS contract was not read as a contract".into());
    };
    let migrated = yaml_value(&odcs::write(&contract, OdcsVersion::V3_2_0)?)?;
    assert_eq!(migrated.get("id"), Some(&Value::String("urn:acme:orders".to_owned())));
    let written = yaml_value(&dcs::write(&contract)?)?;
    assert_eq!(written.get("id"), Some(&Value::String("urn:acme:orders".to_owned())));
    Ok(())
}

#[test]
fn export_writes_odcs_v3_1_0_and_odps_v1_1_0_on_request() -> TestResult {
    let folder = tempfile::tempdir()?;
    let mesh = crate::support::example("retail").display().to_string();
    for (format, option, version, api_version) in
        [("odcs", "--odcs-version", "3.1.0", "v3.1.0"), ("odps", "--odps-version", "1.1.0", "v1.1.0")]
    {
        let out = folder.path().join(format);
        let out_text = out.display().to_string();
        let run = crate::support::run_cli(&["export", &mesh, "--format", format, option, version, "--out", &out_text]);
        assert_eq!(run.code, 0, "{run:?}");
        let files = yaml_files(&out)?;
        assert!(files.len() > 10, "{format}: only {} files", files.len());
        for file in &files {
            let value = yaml_value(&std::fs::read_to_string(file)?)?;
            assert_eq!(value.get("apiVersion"), Some(&Value::String(api_version.to_owned())), "{}", file.display());
        }
    }
    if let Some(reference) = reference("export_writes_odcs_v3_1_0") {
        let validator = official_validator(&reference.join("odcs/schema/odcs-json-schema-v3.1.0.json"))?;
        for file in yaml_files(&folder.path().join("odcs"))? {
            let value = yaml_value(&std::fs::read_to_string(&file)?)?;
            assert_eq!(schema_errors(&validator, &value), None, "{}", file.display());
        }
        // The ODPS v1.1.0 schema is not among the reference files yet; check against it once it is.
        let odps_v1_1 = reference.join("odps/schema/odps-json-schema-v1.1.0.json");
        if odps_v1_1.exists() {
            let validator = official_validator(&odps_v1_1)?;
            for file in yaml_files(&folder.path().join("odps"))? {
                let value = yaml_value(&std::fs::read_to_string(&file)?)?;
                assert_eq!(schema_errors(&validator, &value), None, "{}", file.display());
            }
        } else {
            println!("not checked: ODPS v1.1.0 output against {} (absent)", odps_v1_1.display());
        }
    }
    Ok(())
}
