//! The report formats on the defect-planted fixture: SARIF 2.1.0 structure (rules in `tool.driver.rules`, entity
//! ids in `logicalLocations`, physical locations in the folder), validated against the SARIF 2.1.0 JSON Schema and
//! by Microsoft's SARIF Multitool (both from the npm package scripts/setup installs under tests/tools), well-formed
//! JUnit XML with one case per rule and entity, and JSON.

use super::TODAY;
use crate::support::{TestResult, example, fixture, repo_root, run_cli};
use serde_json::Value;
use std::collections::BTreeSet;

fn planted(format: &str) -> Result<String, Box<dyn std::error::Error>> {
    let folder = fixture("governance/planted");
    let run = run_cli(&["check", &folder.to_string_lossy(), "--today", TODAY, "--format", format]);
    if run.code != 1 {
        return Err(format!("check exited {}: {}", run.code, run.stderr).into());
    }
    Ok(run.stdout)
}

/// The keys SARIF 2.1.0 allows on an object, for the objects this report writes (from the schema's
/// `additionalProperties: false` definitions).
fn assert_only_keys(value: &Value, allowed: &[&str], what: &str) {
    if let Some(object) = value.as_object() {
        for key in object.keys() {
            assert!(allowed.contains(&key.as_str()), "{what} has `{key}`, which SARIF 2.1.0 does not define");
        }
    }
}

/// Microsoft's SARIF Multitool package: the validator and the SARIF 2.1.0 JSON Schema it ships.
fn sarif_multitool() -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let folder = repo_root().join("tests/tools/node_modules/@microsoft/sarif-multitool-linux");
    if !folder.join("Sarif.Multitool").is_file() {
        return Err(
            format!("{} is missing: run scripts/setup (it runs `npm ci` in tests/tools)", folder.display()).into()
        );
    }
    Ok(folder)
}

/// The SARIF of the retail example (no error) and of the planted fixture (errors) pass the SARIF 2.1.0 schema and
/// Microsoft's validator reports no error or warning about them.
#[test]
fn sarif_passes_the_official_schema_and_microsofts_validator() -> TestResult {
    let tool = sarif_multitool()?;
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(tool.join("sarif-2.1.0.json"))?)?;
    let validator = jsonschema::validator_for(&schema)?;
    let retail = run_cli(&["check", &example("retail").to_string_lossy(), "--today", TODAY, "--format", "sarif"]);
    assert_eq!(retail.code, 0, "{}", retail.stderr);
    let folder = tempfile::tempdir()?;
    for (name, text) in [("retail", retail.stdout), ("planted", planted("sarif")?)] {
        let log: Value = serde_json::from_str(&text)?;
        let errors: Vec<String> =
            validator.iter_errors(&log).map(|error| format!("{} at {}", error, error.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: the SARIF 2.1.0 schema rejects the report: {errors:#?}");

        let input = folder.path().join(format!("{name}.sarif"));
        let output = folder.path().join(format!("{name}.validation.sarif"));
        std::fs::write(&input, &text)?;
        let run = std::process::Command::new(tool.join("Sarif.Multitool"))
            .arg("validate")
            .arg("--output")
            .arg(&output)
            .arg(&input)
            .env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            .output()?;
        assert!(run.status.success(), "{name}: the multitool failed: {}", String::from_utf8_lossy(&run.stdout));
        let validation: Value = serde_json::from_str(&std::fs::read_to_string(&output)?)?;
        let problems: Vec<String> = validation["runs"][0]["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|result| matches!(result["level"].as_str(), Some("error" | "warning") | None))
            .map(|result| format!("{} {}", result["ruleId"], result["message"]))
            .collect();
        assert!(problems.is_empty(), "{name}: the SARIF Multitool reports {problems:#?}");
        assert!(log["runs"][0]["results"].as_array().is_some_and(|results| !results.is_empty()), "{name}: no results");
    }
    Ok(())
}

#[test]
fn sarif_is_2_1_0_with_rules_and_logical_locations() -> TestResult {
    let sarif: Value = serde_json::from_str(&planted("sarif")?)?;
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().is_some_and(|uri| uri.contains("sarif-2.1.0")));
    assert_only_keys(&sarif, &["$schema", "version", "runs", "inlineExternalProperties", "properties"], "log");
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "meshwright");
    let rules = driver["rules"].as_array().ok_or("no rules")?;
    let rule_ids: Vec<&str> = rules.iter().filter_map(|rule| rule["id"].as_str()).collect();
    assert!(rule_ids.len() >= 30);
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string());
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap_or_default();
        assert!(["error", "warning", "note"].contains(&level), "{level}");
    }
    let results = run["results"].as_array().ok_or("no results")?;
    assert!(!results.is_empty());
    let mut located = BTreeSet::new();
    for result in results {
        assert_only_keys(
            result,
            &[
                "ruleId",
                "ruleIndex",
                "level",
                "message",
                "locations",
                "partialFingerprints",
                "properties",
                "fixes",
                "relatedLocations",
            ],
            "result",
        );
        let rule_id = result["ruleId"].as_str().ok_or("result without ruleId")?;
        let index = result["ruleIndex"].as_u64().ok_or("result without ruleIndex")?;
        assert_eq!(rules.get(usize::try_from(index)?).and_then(|rule| rule["id"].as_str()), Some(rule_id));
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap_or_default()));
        assert!(result["message"]["text"].as_str().is_some_and(|text| !text.is_empty()));
        let location = &result["locations"][0];
        assert_only_keys(
            location,
            &["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"],
            "location",
        );
        let logical = location["logicalLocations"].as_array().ok_or("no logicalLocations")?;
        assert!(!logical.is_empty());
        for entry in logical {
            assert_only_keys(
                entry,
                &["name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind", "properties"],
                "logicalLocation",
            );
        }
        let uri = location["physicalLocation"]["artifactLocation"]["uri"].as_str().ok_or("no uri")?;
        assert!(uri.ends_with(".yaml"), "{uri}");
        if let Some(name) = logical[0]["fullyQualifiedName"].as_str() {
            located.insert(format!("{rule_id} {name}"));
        }
    }
    assert!(located.contains("MW-OWN-001 products/catalog.product-catalog"), "{located:?}");
    assert!(located.contains("MW-PRV-001 contracts/customers.customer-accounts"), "{located:?}");
    Ok(())
}

#[test]
fn junit_is_well_formed_with_one_case_per_rule_and_entity() -> TestResult {
    let xml = planted("junit")?;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    // Every element opened is closed, in order.
    let mut open: Vec<String> = Vec::new();
    for tag in xml.split('<').skip(2) {
        let tag = tag.split('>').next().unwrap_or_default();
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap_or_default().to_owned());
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert!(!xml.contains("& "), "unescaped ampersand");
    assert!(xml.contains("<testcase classname=\"MW-OWN-001\" name=\"product catalog.product-catalog\">"));
    assert!(
        xml.contains("<failure type=\"error\" message=\"Data product `catalog.product-catalog` has no owner team\">")
    );
    assert!(xml.contains("<testcase classname=\"MW-ORG-001\" name=\"no findings\"/>"));
    let failures = xml.matches("<failure ").count();
    assert!(xml.contains(&format!("failures=\"{failures}\"")), "the suite total matches the failure elements");
    Ok(())
}

#[test]
fn json_carries_findings_counts_and_scores() -> TestResult {
    let report: Value = serde_json::from_str(&planted("json")?)?;
    let findings = report["findings"].as_array().ok_or("no findings")?;
    let first = findings.first().ok_or("empty")?;
    for key in ["rule", "severity", "message", "entities", "path", "fix"] {
        assert!(!first[key].is_null(), "finding without {key}");
    }
    // Five of the six planted defects are errors; version skew is a warning.
    assert_eq!(report["counts"]["error"].as_u64(), Some(5));
    assert!(report["scores"]["mesh"]["productiveShare"].as_f64().is_some_and(|share| share < 1.0));
    Ok(())
}
