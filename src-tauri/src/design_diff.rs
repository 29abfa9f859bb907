//! Comparing two whole designs semantically: entities added, removed and changed, field by field, with contract
//! changes graded by the breaking-change rules of `standards::diff`. The sides can be two files, two folders or
//! two snapshots inside one file; the comparison only sees two `Mesh` values.

use crate::model::{Entity, EntityKind, Mesh};
use crate::standards::diff::{self, Bump, Perspective, Severity};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use ts_rs::TS;

/// How an entity differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EntityChangeKind {
    Added,
    Removed,
    Changed,
}

/// One field that differs, by its path in the entity's JSON (`outputPorts[orders].version`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub path: String,
    #[ts(type = "unknown")]
    pub old: Option<Value>,
    #[ts(type = "unknown")]
    pub new: Option<Value>,
}

/// A contract change as the breaking-change rules grade it (consumer view).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GradedChange {
    /// `breaking`, `warning` or `info`.
    pub severity: String,
    pub location: String,
    pub message: String,
}

/// One entity that differs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntityChange {
    pub kind: EntityKind,
    pub id: String,
    pub change: EntityChangeKind,
    /// For a changed entity: every field that differs.
    pub fields: Vec<FieldChange>,
    /// For a changed contract: the graded changes.
    pub contract_changes: Vec<GradedChange>,
    /// For a changed contract: the version bump the changes need (`none`, `patch`, `minor`, `major`).
    pub bump_needed: Option<String>,
    /// For a changed contract: whether its version number says enough.
    pub version_sufficient: Option<bool>,
}

/// Counts of a comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffSummary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    /// Breaking contract changes, over every changed contract.
    pub breaking: usize,
    /// Canvas positions that moved, appeared or went (not listed one by one).
    pub moved: usize,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DesignDiff {
    /// What the sides are called (a path, `FILE@snapshot`, `current design`).
    pub from: String,
    pub to: String,
    pub summary: DiffSummary,
    /// Every added, removed or changed entity, by kind then id; canvas positions are only counted.
    pub entities: Vec<EntityChange>,
}

fn body(entity: &Entity) -> Value {
    entity.to_json().ok().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or(Value::Null)
}

/// The key that identifies an element of a list of objects, so lists compare by identity, not position.
fn element_key(value: &Value) -> Option<String> {
    let object = value.as_object()?;
    ["id", "name", "property", "username", "server", "url"]
        .iter()
        .find_map(|key| object.get(*key).and_then(Value::as_str).map(str::to_owned))
}

fn compare(path: &str, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    if old == new {
        return;
    }
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match (old, new) {
        (Value::Object(left), Value::Object(right)) => {
            let keys: std::collections::BTreeSet<&String> = left.keys().chain(right.keys()).collect();
            for key in keys {
                match (left.get(key), right.get(key)) {
                    (Some(a), Some(b)) => compare(&join(key), a, b, out),
                    (a, b) => out.push(FieldChange { path: join(key), old: a.cloned(), new: b.cloned() }),
                }
            }
        }
        (Value::Array(left), Value::Array(right)) => {
            let keyed = |items: &[Value]| -> Option<BTreeMap<String, Value>> {
                let map: BTreeMap<String, Value> =
                    items.iter().map(|item| element_key(item).map(|key| (key, item.clone()))).collect::<Option<_>>()?;
                (map.len() == items.len()).then_some(map)
            };
            match (keyed(left), keyed(right)) {
                (Some(left), Some(right)) => {
                    let keys: std::collections::BTreeSet<&String> = left.keys().chain(right.keys()).collect();
                    for key in keys {
                        let at = format!("{path}[{key}]");
                        match (left.get(key), right.get(key)) {
                            (Some(a), Some(b)) => compare(&at, a, b, out),
                            (a, b) => out.push(FieldChange { path: at, old: a.cloned(), new: b.cloned() }),
                        }
                    }
                }
                _ if left.iter().all(|v| !v.is_object()) && right.iter().all(|v| !v.is_object()) => {
                    out.push(FieldChange { path: path.to_owned(), old: Some(old.clone()), new: Some(new.clone()) })
                }
                _ => {
                    for index in 0..left.len().max(right.len()) {
                        let at = format!("{path}[{index}]");
                        match (left.get(index), right.get(index)) {
                            (Some(a), Some(b)) => compare(&at, a, b, out),
                            (a, b) => out.push(FieldChange { path: at, old: a.cloned(), new: b.cloned() }),
                        }
                    }
                }
            }
        }
        _ => out.push(FieldChange { path: path.to_owned(), old: Some(old.clone()), new: Some(new.clone()) }),
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Breaking => "breaking",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn bump_name(bump: Bump) -> &'static str {
    match bump {
        Bump::None => "none",
        Bump::Patch => "patch",
        Bump::Minor => "minor",
        Bump::Major => "major",
    }
}

/// Compares two designs.
pub fn compare_designs(old: &Mesh, new: &Mesh, from: impl Into<String>, to: impl Into<String>) -> DesignDiff {
    let index = |mesh: &Mesh| -> BTreeMap<(EntityKind, String), Entity> {
        mesh.entities().map(|entity| ((entity.kind(), entity.key().to_owned()), entity)).collect()
    };
    let (left, right) = (index(old), index(new));
    let keys: std::collections::BTreeSet<&(EntityKind, String)> = left.keys().chain(right.keys()).collect();
    let mut summary = DiffSummary::default();
    let mut entities = Vec::new();
    for key in keys {
        let (kind, id) = key;
        let (before, after) = (left.get(key), right.get(key));
        if before == after {
            continue;
        }
        if *kind == EntityKind::Position {
            summary.moved += 1;
            continue;
        }
        let mut change = EntityChange {
            kind: *kind,
            id: id.clone(),
            change: EntityChangeKind::Changed,
            fields: Vec::new(),
            contract_changes: Vec::new(),
            bump_needed: None,
            version_sufficient: None,
        };
        match (before, after) {
            (None, Some(_)) => {
                change.change = EntityChangeKind::Added;
                summary.added += 1;
            }
            (Some(_), None) => {
                change.change = EntityChangeKind::Removed;
                summary.removed += 1;
            }
            (Some(before), Some(after)) => {
                summary.changed += 1;
                compare("", &body(before), &body(after), &mut change.fields);
                if let (Entity::Contract(old_contract), Entity::Contract(new_contract)) = (before, after) {
                    let graded = diff::diff(old_contract, new_contract, Perspective::Consumer);
                    summary.breaking += graded.breaking_count();
                    change.bump_needed = Some(bump_name(graded.version.needed).to_owned());
                    change.version_sufficient = Some(graded.version.sufficient);
                    change.contract_changes = graded
                        .changes
                        .into_iter()
                        .map(|graded| GradedChange {
                            severity: severity_name(graded.severity).to_owned(),
                            location: graded.location,
                            message: graded.message,
                        })
                        .collect();
                }
            }
            (None, None) => continue,
        }
        entities.push(change);
    }
    DesignDiff { from: from.into(), to: to.into(), summary, entities }
}

fn short(value: &Option<Value>) -> String {
    match value {
        None => "(absent)".to_owned(),
        Some(Value::String(text)) => format!("\"{text}\""),
        Some(other) => {
            let text = other.to_string();
            if text.chars().count() > 60 { format!("{}…", text.chars().take(60).collect::<String>()) } else { text }
        }
    }
}

/// The comparison for a person.
pub fn render_text(diff: &DesignDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Design {} → {}", diff.from, diff.to);
    let summary = &diff.summary;
    for change in &diff.entities {
        let sign = match change.change {
            EntityChangeKind::Added => "+",
            EntityChangeKind::Removed => "-",
            EntityChangeKind::Changed => "~",
        };
        let _ = writeln!(out, "{sign} {} {}", change.kind, change.id);
        if change.contract_changes.is_empty() {
            for field in &change.fields {
                let _ = writeln!(out, "    {}: {} → {}", field.path, short(&field.old), short(&field.new));
            }
        }
        for graded in &change.contract_changes {
            let _ = writeln!(out, "    {:<8} {}: {}", graded.severity, graded.location, graded.message);
        }
        if let (Some(bump), Some(sufficient)) = (&change.bump_needed, change.version_sufficient) {
            let _ = writeln!(
                out,
                "    needs a {bump} version bump; the version {}",
                if sufficient { "says enough" } else { "does NOT say enough" }
            );
        }
    }
    if diff.entities.is_empty() && summary.moved == 0 {
        let _ = writeln!(out, "No differences.");
    }
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed, {} breaking contract change(s), {} canvas position(s) moved.",
        summary.added, summary.removed, summary.changed, summary.breaking, summary.moved
    );
    out
}
