//! What a governance check reports: findings as plain values (rule id, severity, message, entities, document
//! path, fix hint), never as `Err`.

use crate::model::EntityKind;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// How much a finding matters. Ordered from the least to the most severe, so `max` picks the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Self::Error, Self::Warning, Self::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "info" | "note" => Some(Self::Info),
            "warning" | "warn" => Some(Self::Warning),
            "error" => Some(Self::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// An entity a finding concerns, by kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub id: String,
}

impl EntityRef {
    pub fn new(kind: EntityKind, id: impl Into<String>) -> Self {
        Self { kind, id: id.into() }
    }

    /// The folder-like prefix of document paths for this entity: `products/orders.net-sales`.
    pub fn document(&self) -> String {
        format!("{}/{}", collection(self.kind), self.id)
    }
}

impl fmt::Display for EntityRef {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} {}", self.kind, self.id)
    }
}

/// The collection name of a kind in document paths (`products`, `contracts`, …).
pub fn collection(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Settings => "settings",
        EntityKind::Domain => "domains",
        EntityKind::Team => "teams",
        EntityKind::Product => "products",
        EntityKind::Contract => "contracts",
        EntityKind::SourceSystem => "sourceSystems",
        EntityKind::Consumer => "consumers",
        EntityKind::Position => "layout",
        EntityKind::Assessment => "rollout/assessments",
        EntityKind::Wave => "rollout/waves",
        EntityKind::Canvas => "canvases",
        EntityKind::Note => "notes",
    }
}

/// One thing a check found. The first entity is the subject: the one the finding is filed under, scored against
/// and waived by; the others are the entities it also concerns (the contract a product reads, a cycle's members).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, e.g. `MW-OWN-001`.
    pub rule: String,
    pub severity: Severity,
    /// What is wrong, naming the entity.
    pub message: String,
    pub entities: Vec<EntityRef>,
    /// Where inside the design, e.g. `contracts/orders.order-events/schema[0].properties[3]`.
    pub path: String,
    /// How to fix it.
    pub fix: String,
}

impl Finding {
    /// The entity the finding is filed under.
    pub fn subject(&self) -> Option<&EntityRef> {
        self.entities.first()
    }

    /// Whether the finding concerns an entity of this kind and id.
    pub fn concerns(&self, kind: EntityKind, id: &str) -> bool {
        self.entities.iter().any(|entity| entity.kind == kind && entity.id == id)
    }

    /// The order findings are reported in: by subject, path, rule, then message.
    pub fn sort_key(&self) -> (Option<&EntityRef>, &str, &str, &str) {
        (self.subject(), self.path.as_str(), self.rule.as_str(), self.message.as_str())
    }
}

/// Sorts findings into the order every output uses.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|left, right| left.sort_key().cmp(&right.sort_key()));
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeverityCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut counts = Self::default();
        for finding in findings {
            counts.add(finding.severity);
        }
        counts
    }
}
