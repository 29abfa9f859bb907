//! Custom policies as JSON Schema: a policy names its target (product, contract or domain), a schema the target's
//! JSON form (the model entity as serde_json writes it, which follows ODPS / ODCS field names) must satisfy, a
//! severity and a message. Schemas are compiled once per distinct schema and cached for the whole process; every
//! schema error becomes a finding with its path. A policy that cannot be used is reported and skipped.

use super::findings::{EntityRef, Finding, Severity};
use super::policy::pack_finding;
use crate::model::{EntityKind, Mesh};
use jsonschema::Validator;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A custom policy as written in a pack.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomPolicySpec {
    /// The rule id findings carry, e.g. `ACME-PRD-001`.
    pub id: String,
    /// product, contract or domain.
    pub target: String,
    #[serde(default = "default_severity")]
    pub severity: String,
    /// What a finding says, before the schema's own explanation.
    pub message: String,
    #[serde(default)]
    pub fix: Option<String>,
    pub schema: Value,
}

fn default_severity() -> String {
    "warning".to_owned()
}

/// A custom policy ready to run.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    pub id: String,
    pub target: EntityKind,
    pub severity: Severity,
    pub message: String,
    pub fix: String,
    validator: Arc<Validator>,
}

/// The process-wide cache of compiled schemas, keyed by the schema's JSON text.
fn schema_cache() -> &'static Mutex<HashMap<String, Arc<Validator>>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Validator>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn compile(schema: &Value) -> Result<Arc<Validator>, String> {
    let key = schema.to_string();
    if let Some(validator) = schema_cache().lock().ok().and_then(|cache| cache.get(&key).cloned()) {
        return Ok(validator);
    }
    let validator = Arc::new(jsonschema::validator_for(schema).map_err(|error| error.to_string())?);
    if let Ok(mut cache) = schema_cache().lock() {
        cache.insert(key, Arc::clone(&validator));
    }
    Ok(validator)
}

/// Compiles the pack's policies; the ones that cannot be used become findings.
pub fn compile_policies(specs: &[CustomPolicySpec]) -> (Vec<CompiledPolicy>, Vec<Finding>) {
    let mut compiled = Vec::new();
    let mut problems = Vec::new();
    for (position, spec) in specs.iter().enumerate() {
        let path = format!("settings/governance/policies[{position}]");
        let mut refuse = |what: String| {
            problems.push(pack_finding(
                "MW-GOV-004",
                path.clone(),
                format!("Custom policy `{}` cannot be used and is skipped: {what}", spec.id),
                "Correct the policy: target product, contract or domain; a severity; a valid JSON Schema.",
            ))
        };
        let target = match spec.target.to_ascii_lowercase().as_str() {
            "product" | "dataproduct" => EntityKind::Product,
            "contract" | "datacontract" => EntityKind::Contract,
            "domain" => EntityKind::Domain,
            other => {
                refuse(format!("target `{other}` is not product, contract or domain"));
                continue;
            }
        };
        let Some(severity) = Severity::parse(&spec.severity) else {
            refuse(format!("severity `{}` is not error, warning or info", spec.severity));
            continue;
        };
        match compile(&spec.schema) {
            Ok(validator) => compiled.push(CompiledPolicy {
                id: spec.id.clone(),
                target,
                severity,
                message: spec.message.clone(),
                fix: spec.fix.clone().unwrap_or_else(|| "Change the entity so that it satisfies the policy.".into()),
                validator,
            }),
            Err(error) => refuse(format!("its schema does not compile: {error}")),
        }
    }
    (compiled, problems)
}

/// A JSON pointer (`/outputPorts/0/description`) as a document path suffix (`outputPorts[0].description`).
fn pointer_to_path(pointer: &str) -> String {
    let mut path = String::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if !segment.is_empty() && segment.bytes().all(|byte| byte.is_ascii_digit()) {
            path.push('[');
            path.push_str(&segment);
            path.push(']');
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&segment);
        }
    }
    path
}

/// The JSON form of an entity the policies target.
fn target_json(mesh: &Mesh, subject: &EntityRef) -> Option<Value> {
    match subject.kind {
        EntityKind::Product => {
            mesh.products.get(subject.id.as_str()).and_then(|entity| serde_json::to_value(entity).ok())
        }
        EntityKind::Contract => {
            mesh.contracts.get(subject.id.as_str()).and_then(|entity| serde_json::to_value(entity).ok())
        }
        EntityKind::Domain => {
            mesh.domains.get(subject.id.as_str()).and_then(|entity| serde_json::to_value(entity).ok())
        }
        _ => None,
    }
}

/// Runs the policies that target the subject's kind.
pub fn check_subject(mesh: &Mesh, policies: &[CompiledPolicy], subject: &EntityRef, findings: &mut Vec<Finding>) {
    if !policies.iter().any(|policy| policy.target == subject.kind) {
        return;
    }
    let Some(instance) = target_json(mesh, subject) else { return };
    for policy in policies.iter().filter(|policy| policy.target == subject.kind) {
        for error in policy.validator.iter_errors(&instance) {
            let suffix = pointer_to_path(error.instance_path().as_str());
            let path = if suffix.is_empty() { subject.document() } else { format!("{}/{suffix}", subject.document()) };
            findings.push(Finding {
                rule: policy.id.clone(),
                severity: policy.severity,
                message: format!("{} `{}`: {} ({error})", subject.kind, subject.id, policy.message),
                entities: vec![subject.clone()],
                path,
                fix: policy.fix.clone(),
            });
        }
    }
}
