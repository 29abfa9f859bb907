//! The built-in rules: a catalogue (id, family, title, rationale, default severity) and the checks, one file per
//! family. Every check looks at one subject entity (a product, contract, domain, team, consumer or source system)
//! and the index of who publishes and reads what, so that a re-check after an edit can run just the subjects the
//! edit can affect. Dependency cycles are the one whole-graph rule; they come from `MeshGraph`.

pub(crate) mod contracts;
mod documentation;
mod graph;
mod interoperability;
mod lifecycle;
mod organisation;
mod ownership;
mod privacy;
mod rollout;

pub(crate) use graph::cycle_findings;
pub(crate) use rollout::product as rollout_product;

use super::findings::{EntityRef, Finding, Severity};
use super::index::DesignIndex;
use crate::model::{EntityKind, Mesh};
use regex::Regex;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The families rules are grouped in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RuleFamily {
    Ownership,
    Documentation,
    Contracts,
    Privacy,
    Lifecycle,
    Graph,
    Interoperability,
    Organisation,
    Rollout,
    Governance,
}

impl RuleFamily {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ownership => "ownership",
            Self::Documentation => "documentation",
            Self::Contracts => "contracts",
            Self::Privacy => "privacy",
            Self::Lifecycle => "lifecycle",
            Self::Graph => "graph",
            Self::Interoperability => "interoperability",
            Self::Organisation => "organisation",
            Self::Rollout => "rollout",
            Self::Governance => "governance",
        }
    }
}

/// What the catalogue says about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub id: &'static str,
    pub family: RuleFamily,
    pub title: &'static str,
    pub rationale: &'static str,
    pub default_severity: Severity,
    /// Parameters the rule reads from the policy pack, with their defaults, as `name=default` text.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub parameters: &'static str,
}

/// Rules about the policy pack itself: they report problems of the governance setup, not of the design.
pub const GOVERNANCE_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "MW-GOV-001",
        family: RuleFamily::Governance,
        title: "A domain override loosens a global error without a waiver",
        rationale: "Domains may tighten the global policy freely, but relaxing an error the federation agreed on \
                    needs a recorded, expiring waiver; the override is ignored until one exists.",
        default_severity: Severity::Error,
        parameters: "",
    },
    RuleInfo {
        id: "MW-GOV-002",
        family: RuleFamily::Governance,
        title: "A waiver has expired",
        rationale: "Waivers are temporary by design: once expired they stop applying, and the owner should renew \
                    or remove them.",
        default_severity: Severity::Warning,
        parameters: "",
    },
    RuleInfo {
        id: "MW-GOV-003",
        family: RuleFamily::Governance,
        title: "The policy pack is malformed",
        rationale: "A policy entry that cannot be read (unknown rule, bad severity or date, waiver without reason, \
                    author or expiry) is ignored; the rest of the pack still applies.",
        default_severity: Severity::Error,
        parameters: "",
    },
    RuleInfo {
        id: "MW-GOV-004",
        family: RuleFamily::Governance,
        title: "A custom policy cannot be used",
        rationale: "A policy file that cannot be read or a JSON Schema that does not compile is reported and \
                    skipped; the built-in rules still run.",
        default_severity: Severity::Error,
        parameters: "",
    },
];

/// Every built-in rule, design rules first (by id), then the governance rules.
pub fn catalogue() -> Vec<&'static RuleInfo> {
    let mut rules: Vec<&'static RuleInfo> = ownership::RULES
        .iter()
        .chain(documentation::RULES)
        .chain(contracts::RULES)
        .chain(privacy::RULES)
        .chain(lifecycle::RULES)
        .chain(graph::RULES)
        .chain(interoperability::RULES)
        .chain(organisation::RULES)
        .chain(rollout::RULES)
        .collect();
    rules.sort_by_key(|rule| rule.id);
    rules.extend(GOVERNANCE_RULES.iter());
    rules
}

/// The catalogue entry of a rule id.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    catalogue().into_iter().find(|rule| rule.id == id)
}

/// Rule parameters, read once from the policy pack and turned into the forms the checks use.
#[derive(Debug, Clone)]
pub struct RuleParameters {
    pub max_products_per_team: usize,
    /// Id patterns by entity kind (MW-INT-001).
    pub id_patterns: Vec<(EntityKind, Regex)>,
    /// Property name pattern (MW-INT-005).
    pub property_name_pattern: Option<Regex>,
    /// Allowed tags (MW-INT-003); empty means any tag is allowed.
    pub allowed_tags: Vec<String>,
    /// Extra words that make a field look personal (MW-PRV-001), on top of the built-in ones.
    pub personal_words: Vec<String>,
    /// Classifications accepted (MW-PRV-004).
    pub classifications: Vec<String>,
}

/// Default id patterns: lowercase kebab-case words; products and contracts are `domain.name`.
const DEFAULT_ID_PATTERNS: &[(EntityKind, &str)] = &[
    (EntityKind::Domain, "^[a-z][a-z0-9-]*$"),
    (EntityKind::Team, "^[a-z][a-z0-9-]*$"),
    (EntityKind::Product, "^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$"),
    (EntityKind::Contract, "^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$"),
    (EntityKind::SourceSystem, "^[a-z][a-z0-9-]*$"),
    (EntityKind::Consumer, "^[a-z][a-z0-9-]*$"),
];
const DEFAULT_PROPERTY_PATTERN: &str = "^[a-z][a-z0-9_]*$";
const DEFAULT_CLASSIFICATIONS: &[&str] =
    &["public", "internal", "restricted", "confidential", "sensitive", "pii", "secret"];

impl RuleParameters {
    /// Reads parameters from each rule's `parameters` map; a bad value is reported through `problems` and the
    /// default is kept.
    pub fn read(parameters: &BTreeMap<String, BTreeMap<String, Value>>, problems: &mut Vec<String>) -> Self {
        let get = |rule: &str, name: &str| parameters.get(rule).and_then(|map| map.get(name));
        let strings = |value: Option<&Value>| -> Option<Vec<String>> {
            value
                .and_then(Value::as_array)
                .map(|items| items.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<String>>())
        };
        let mut compile = |rule: &str, name: &str, text: &str| match Regex::new(text) {
            Ok(regex) => Some(regex),
            Err(error) => {
                problems.push(format!("{rule} parameter `{name}` is not a valid pattern: {error}"));
                None
            }
        };
        let mut id_patterns = Vec::new();
        for (kind, default) in DEFAULT_ID_PATTERNS {
            let configured = get("MW-INT-001", kind.as_str()).and_then(Value::as_str);
            let text = configured.unwrap_or(default);
            if let Some(regex) = compile("MW-INT-001", kind.as_str(), text) {
                id_patterns.push((*kind, regex));
            } else if let Ok(regex) = Regex::new(default) {
                id_patterns.push((*kind, regex));
            }
        }
        let property_text =
            get("MW-INT-005", "pattern").and_then(Value::as_str).unwrap_or(DEFAULT_PROPERTY_PATTERN).to_owned();
        let property_name_pattern =
            compile("MW-INT-005", "pattern", &property_text).or_else(|| Regex::new(DEFAULT_PROPERTY_PATTERN).ok());
        let max_products_per_team = match get("MW-ORG-001", "max") {
            None => 10,
            Some(value) => value.as_u64().and_then(|max| usize::try_from(max).ok()).unwrap_or_else(|| {
                problems.push(format!("MW-ORG-001 parameter `max` must be a whole number, not {value}"));
                10
            }),
        };
        Self {
            max_products_per_team,
            id_patterns,
            property_name_pattern,
            allowed_tags: strings(get("MW-INT-003", "allowed")).unwrap_or_default(),
            personal_words: strings(get("MW-PRV-001", "words"))
                .unwrap_or_default()
                .into_iter()
                .map(|word| word.to_ascii_lowercase())
                .collect(),
            classifications: strings(get("MW-PRV-004", "allowed")).unwrap_or_else(|| {
                DEFAULT_CLASSIFICATIONS.iter().map(|text| (*text).to_owned()).collect::<Vec<String>>()
            }),
        }
    }
}

impl Default for RuleParameters {
    fn default() -> Self {
        Self::read(&BTreeMap::new(), &mut Vec::new())
    }
}

/// What a check can see: the design, its index, the rule parameters and today's date.
#[derive(Debug, Clone, Copy)]
pub struct RuleContext<'a> {
    pub mesh: &'a Mesh,
    pub index: &'a DesignIndex,
    pub parameters: &'a RuleParameters,
    /// `YYYY-MM-DD`.
    pub today: &'a str,
}

/// Collects the findings of one subject, at each rule's default severity.
#[derive(Debug)]
pub(crate) struct FindingSink<'a> {
    subject: EntityRef,
    findings: &'a mut Vec<Finding>,
}

impl<'a> FindingSink<'a> {
    pub(crate) fn new(subject: EntityRef, findings: &'a mut Vec<Finding>) -> Self {
        Self { subject, findings }
    }

    /// A finding about the subject alone.
    fn report(&mut self, rule: &'static RuleInfo, path: String, message: String, fix: impl Into<String>) {
        self.report_with(rule, path, message, fix, Vec::new());
    }

    /// A finding about the subject and other entities.
    fn report_with(
        &mut self,
        rule: &'static RuleInfo,
        path: String,
        message: String,
        fix: impl Into<String>,
        others: Vec<EntityRef>,
    ) {
        let mut entities = Vec::with_capacity(1 + others.len());
        entities.push(self.subject.clone());
        entities.extend(others);
        self.findings.push(Finding {
            rule: rule.id.to_owned(),
            severity: rule.default_severity,
            message,
            entities,
            path,
            fix: fix.into(),
        });
    }

    fn document(&self) -> String {
        self.subject.document()
    }
}

/// Runs every subject rule on one entity. Unknown ids report nothing.
pub(crate) fn check_subject(context: &RuleContext<'_>, subject: &EntityRef, findings: &mut Vec<Finding>) {
    let mut sink = FindingSink::new(subject.clone(), findings);
    let mesh = context.mesh;
    match subject.kind {
        EntityKind::Product => {
            if let Some(product) = mesh.products.get(subject.id.as_str()) {
                ownership::product(context, product, &mut sink);
                documentation::product(product, &mut sink);
                contracts::product(context, product, &mut sink);
                lifecycle::product(context, product, &mut sink);
                graph::product(context, product, &mut sink);
                interoperability::product(context, product, &mut sink);
                rollout::product(context, product, &mut sink);
            }
        }
        EntityKind::Contract => {
            if let Some(contract) = mesh.contracts.get(subject.id.as_str()) {
                documentation::contract(contract, &mut sink);
                contracts::contract(context, contract, &mut sink);
                privacy::contract(context, contract, &mut sink);
                lifecycle::contract(context, contract, &mut sink);
                interoperability::contract(context, contract, &mut sink);
            }
        }
        EntityKind::Domain => {
            if let Some(domain) = mesh.domains.get(subject.id.as_str()) {
                ownership::domain(context, domain, &mut sink);
                documentation::domain(domain, &mut sink);
                interoperability::identifier(context, EntityKind::Domain, domain.id.as_str(), &mut sink);
                organisation::domain(context, domain, &mut sink);
            }
        }
        EntityKind::Team => {
            if let Some(team) = mesh.teams.get(subject.id.as_str()) {
                ownership::team(team, &mut sink);
                interoperability::identifier(context, EntityKind::Team, team.id.as_str(), &mut sink);
                organisation::team(context, team, &mut sink);
            }
        }
        EntityKind::Consumer => {
            if let Some(consumer) = mesh.consumers.get(subject.id.as_str()) {
                ownership::consumer(context, consumer, &mut sink);
                graph::consumer(context, consumer, &mut sink);
                lifecycle::consumer(context, consumer, &mut sink);
                interoperability::identifier(context, EntityKind::Consumer, consumer.id.as_str(), &mut sink);
            }
        }
        EntityKind::SourceSystem => {
            if let Some(system) = mesh.source_systems.get(subject.id.as_str()) {
                interoperability::identifier(context, EntityKind::SourceSystem, system.id.as_str(), &mut sink);
            }
        }
        EntityKind::Settings
        | EntityKind::Position
        | EntityKind::Assessment
        | EntityKind::Wave
        | EntityKind::Canvas
        | EntityKind::Note => {}
    }
}

/// Every subject of a design, in report order.
pub(crate) fn subjects(mesh: &Mesh) -> Vec<EntityRef> {
    let mut subjects = Vec::with_capacity(
        mesh.domains.len()
            + mesh.teams.len()
            + mesh.products.len()
            + mesh.contracts.len()
            + mesh.source_systems.len()
            + mesh.consumers.len(),
    );
    subjects.extend(mesh.domains.keys().map(|id| EntityRef::new(EntityKind::Domain, id.as_str())));
    subjects.extend(mesh.teams.keys().map(|id| EntityRef::new(EntityKind::Team, id.as_str())));
    subjects.extend(mesh.products.keys().map(|id| EntityRef::new(EntityKind::Product, id.as_str())));
    subjects.extend(mesh.contracts.keys().map(|id| EntityRef::new(EntityKind::Contract, id.as_str())));
    subjects.extend(mesh.source_systems.keys().map(|id| EntityRef::new(EntityKind::SourceSystem, id.as_str())));
    subjects.extend(mesh.consumers.keys().map(|id| EntityRef::new(EntityKind::Consumer, id.as_str())));
    subjects
}

/// The major part of a version (`2` of `2.1.0`, of `v2` and of `2`), if it has one.
pub(crate) fn major_version(version: &str) -> Option<u64> {
    let trimmed = version.trim().trim_start_matches(['v', 'V']);
    trimmed.split(['.', '-', '+']).next().and_then(|major| major.parse().ok())
}

/// Whether a text is missing or blank. Most texts start with a visible ASCII character, which settles it without
/// the Unicode-aware trim (it ran for every property's description).
pub(crate) fn is_blank(text: Option<&String>) -> bool {
    text.is_none_or(|text| match text.as_bytes().first() {
        Some(byte) if byte.is_ascii_graphic() => false,
        _ => text.trim().is_empty(),
    })
}
