//! Policy packs: which rules run, at what severity and with which parameters; per-domain overrides; waivers; and
//! the rule lifecycle (draft → grace → enabled → deprecated).
//!
//! A pack is YAML, stored in the design under the `governance` key of mesh.yaml or given as a file:
//!
//! ```yaml
//! governance:
//!   rules:
//!     MW-DOC-003: { severity: error }
//!     MW-ORG-001: { parameters: { max: 6 } }
//!     MW-INT-005: { lifecycle: grace, until: 2027-03-31 }
//!   domains:
//!     payments:
//!       rules:
//!         MW-PRV-002: { severity: error }
//!         MW-ORG-001: { parameters: { max: 4 } }
//!   waivers:
//!   - { rule: MW-GRF-004, entity: orders.sales-kpis, reason: "…", author: ana.lima, expires: 2027-01-31 }
//!   policies:
//!   - { id: ACME-001, target: product, severity: warning, message: "…", schema: { … } }
//! ```
//!
//! A domain may tighten the global pack freely. Loosening a rule the global pack makes an error (a lower severity,
//! `off`, `draft` or `deprecated`) needs a waiver whose entity is the domain; without one the override is ignored
//! and reported. A waiver whose expiry date has passed stops applying and is reported. Rule parameters a domain
//! sets apply to its own entities, over the global ones.

use super::custom::CustomPolicySpec;
use super::findings::{EntityRef, Finding, Severity};
use super::rules::{self, GOVERNANCE_RULES, RuleParameters};
use crate::model::{EntityKind, SETTINGS_ID};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The key of mesh.yaml (and of the design's settings) that holds the policy pack.
pub const POLICY_KEY: &str = "governance";

/// Where a rule is in its life.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RuleLifecycle {
    /// Being tried out: findings are reported as info.
    Draft,
    /// Announced: findings are reported at most as warnings until the `until` date, then at full severity.
    Grace,
    Enabled,
    /// On its way out: no longer reported.
    Deprecated,
}

/// A rule's settings in a pack, as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleSetting {
    /// error, warning, info or off.
    #[serde(default)]
    pub severity: Option<String>,
    #[serde(default)]
    pub lifecycle: Option<RuleLifecycle>,
    /// With `grace`: the last day findings are capped at warning (YYYY-MM-DD).
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub parameters: BTreeMap<String, Value>,
}

/// A domain's overrides.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DomainOverride {
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
}

/// An accepted exception: a rule does not apply to one entity (or, for a domain override, lets the domain loosen
/// a global error) until the expiry date.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Waiver {
    pub rule: String,
    /// The id of the entity the waived findings are filed under, or of the domain whose override it allows.
    pub entity: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub author: String,
    /// The last day the waiver applies (YYYY-MM-DD).
    #[serde(default)]
    pub expires: String,
}

/// A policy pack as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyPack {
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    pub domains: BTreeMap<String, DomainOverride>,
    #[serde(default)]
    pub waivers: Vec<Waiver>,
    #[serde(default)]
    pub policies: Vec<CustomPolicySpec>,
}

impl PolicyPack {
    /// Reads a pack from its JSON form (the design's settings hold it that way).
    pub fn from_value(value: &Value) -> Result<Self, String> {
        serde_json::from_value(value.clone()).map_err(|error| error.to_string())
    }

    /// Reads a pack file's YAML text: either the pack itself or a document with a `governance` key.
    pub fn from_yaml(text: &str) -> Result<Self, String> {
        let value: Value = crate::yaml::parse(text).map_err(|error| error.to_string())?;
        match value.get(POLICY_KEY) {
            Some(inner) => Self::from_value(inner),
            None => Self::from_value(&value),
        }
    }

    /// Layers another pack over this one: its rule settings, domain overrides, waivers and policies win.
    pub fn merge(&mut self, other: PolicyPack) {
        for (rule, setting) in other.rules {
            let entry = self.rules.entry(rule).or_default();
            if setting.severity.is_some() {
                entry.severity = setting.severity;
            }
            if setting.lifecycle.is_some() {
                entry.lifecycle = setting.lifecycle;
            }
            if setting.until.is_some() {
                entry.until = setting.until;
            }
            entry.parameters.extend(setting.parameters);
        }
        for (domain, overrides) in other.domains {
            self.domains.entry(domain).or_default().rules.extend(overrides.rules);
        }
        self.waivers.extend(other.waivers);
        self.policies.extend(other.policies);
    }
}

/// How one rule applies in one scope (global or a domain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Effective {
    /// `None`: the rule is off.
    severity: Option<Severity>,
}

/// A pack, checked and resolved: what each rule reports in each domain, the live waivers, and the findings about
/// the pack itself.
#[derive(Debug, Clone)]
pub struct ResolvedPolicy {
    global: BTreeMap<&'static str, Effective>,
    domains: BTreeMap<String, BTreeMap<&'static str, Effective>>,
    /// (rule, entity) pairs waived today.
    waived: std::collections::HashSet<(String, String)>,
    pub parameters: RuleParameters,
    /// The parameters of domains whose overrides set any: the global ones with the domain's on top.
    domain_parameters: BTreeMap<String, RuleParameters>,
    pub custom: Vec<CustomPolicySpec>,
    /// Findings about the pack: malformed entries, expired waivers, overrides refused.
    pub problems: Vec<Finding>,
}

/// True for a `YYYY-MM-DD` date, the form policy packs and `--today` use.
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(position, byte)| match position {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

fn governance_rule(id: &str) -> &'static rules::RuleInfo {
    GOVERNANCE_RULES.iter().find(|rule| rule.id == id).unwrap_or(&GOVERNANCE_RULES[2])
}

/// A finding about the policy pack.
pub(crate) fn pack_finding(rule: &str, path: String, message: String, fix: &str) -> Finding {
    let info = governance_rule(rule);
    Finding {
        rule: info.id.to_owned(),
        severity: info.default_severity,
        message,
        entities: vec![EntityRef::new(EntityKind::Settings, SETTINGS_ID)],
        path,
        fix: fix.to_owned(),
    }
}

/// Applies one setting over a rule's effective state, given today's date.
fn apply_setting(
    base: Effective,
    setting: &RuleSetting,
    today: &str,
    path: &str,
    problems: &mut Vec<Finding>,
) -> Effective {
    let mut severity = base.severity;
    if let Some(text) = &setting.severity {
        if text.eq_ignore_ascii_case("off") {
            severity = None;
        } else if let Some(parsed) = Severity::parse(text) {
            severity = Some(parsed);
        } else {
            problems.push(pack_finding(
                "MW-GOV-003",
                format!("{path}.severity"),
                format!("Policy pack: severity `{text}` is not one of error, warning, info, off"),
                "Use error, warning, info or off.",
            ));
        }
    }
    match &setting.lifecycle {
        Some(RuleLifecycle::Draft) => severity = severity.map(|_| Severity::Info),
        Some(RuleLifecycle::Deprecated) => severity = None,
        Some(RuleLifecycle::Grace) => match setting.until.as_deref() {
            Some(until) if is_date(until) => {
                if today <= until {
                    severity = severity.map(|severity| severity.min(Severity::Warning));
                }
            }
            other => problems.push(pack_finding(
                "MW-GOV-003",
                format!("{path}.until"),
                format!(
                    "Policy pack: a rule in grace needs `until: YYYY-MM-DD`{}",
                    other.map(|text| format!(", not `{text}`")).unwrap_or_default()
                ),
                "Give the last day of the grace period as YYYY-MM-DD.",
            )),
        },
        Some(RuleLifecycle::Enabled) | None => {}
    }
    Effective { severity }
}

impl ResolvedPolicy {
    /// Resolves a pack for a check run on `today` (YYYY-MM-DD).
    pub fn resolve(pack: &PolicyPack, today: &str) -> Self {
        let mut problems = Vec::new();
        let catalogue = rules::catalogue();
        let known = |id: &str| catalogue.iter().find(|rule| rule.id == id).map(|rule| rule.id);
        let base = "settings/governance";

        // Waivers: well formed and not expired.
        let mut waived = std::collections::HashSet::new();
        for (position, waiver) in pack.waivers.iter().enumerate() {
            let path = format!("{base}/waivers[{position}]");
            let mut missing: Vec<&str> = Vec::new();
            if waiver.reason.trim().is_empty() {
                missing.push("reason");
            }
            if waiver.author.trim().is_empty() {
                missing.push("author");
            }
            if !is_date(waiver.expires.trim()) {
                missing.push("expires (YYYY-MM-DD)");
            }
            if known(&waiver.rule).is_none() && !pack.policies.iter().any(|policy| policy.id == waiver.rule) {
                missing.push("a known rule");
            }
            if !missing.is_empty() {
                problems.push(pack_finding(
                    "MW-GOV-003",
                    path,
                    format!(
                        "Policy pack: the waiver of {} for `{}` is ignored: it lacks {}",
                        waiver.rule,
                        waiver.entity,
                        missing.join(", ")
                    ),
                    "Every waiver names a rule, an entity, a reason, an author and an expiry date.",
                ));
                continue;
            }
            if waiver.expires.trim() < today {
                let finding = pack_finding(
                    "MW-GOV-002",
                    path,
                    format!(
                        "The waiver of {} for `{}` ({}, by {}) expired on {}; it no longer applies",
                        waiver.rule, waiver.entity, waiver.reason, waiver.author, waiver.expires
                    ),
                    "Fix the waived findings, or renew the waiver with a new expiry date.",
                );
                problems.push(finding);
                continue;
            }
            waived.insert((waiver.rule.clone(), waiver.entity.clone()));
        }

        // Global settings over the catalogue's defaults.
        let mut parameters: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
        let mut global: BTreeMap<&'static str, Effective> =
            catalogue.iter().map(|rule| (rule.id, Effective { severity: Some(rule.default_severity) })).collect();
        for (rule, setting) in &pack.rules {
            let path = format!("{base}/rules.{rule}");
            let Some(id) = known(rule) else {
                problems.push(pack_finding(
                    "MW-GOV-003",
                    path,
                    format!("Policy pack: rule `{rule}` does not exist; its settings are ignored"),
                    "Check the id against `meshwright rules`.",
                ));
                continue;
            };
            if !setting.parameters.is_empty() {
                parameters.insert(id.to_owned(), setting.parameters.clone());
            }
            if let Some(effective) = global.get(id).copied() {
                global.insert(id, apply_setting(effective, setting, today, &path, &mut problems));
            }
        }

        // Domain overrides: tighten freely; loosen a global error only with a waiver naming the domain.
        // Parameters are not severities: a domain sets its own (a lower team load, a stricter pattern) freely.
        let mut domains = BTreeMap::new();
        let mut domain_parameter_maps: BTreeMap<String, BTreeMap<String, BTreeMap<String, Value>>> = BTreeMap::new();
        for (domain, overrides) in &pack.domains {
            let mut effective_rules = BTreeMap::new();
            for (rule, setting) in &overrides.rules {
                let path = format!("{base}/domains.{domain}.rules.{rule}");
                let Some(id) = known(rule) else {
                    problems.push(pack_finding(
                        "MW-GOV-003",
                        path,
                        format!("Policy pack: domain `{domain}` overrides rule `{rule}`, which does not exist"),
                        "Check the id against `meshwright rules`.",
                    ));
                    continue;
                };
                if !setting.parameters.is_empty() {
                    let own = domain_parameter_maps.entry(domain.clone()).or_insert_with(|| parameters.clone());
                    own.entry(id.to_owned()).or_default().extend(setting.parameters.clone());
                }
                let Some(global_effective) = global.get(id).copied() else { continue };
                let wanted = apply_setting(global_effective, setting, today, &path, &mut problems);
                let loosens_error =
                    global_effective.severity == Some(Severity::Error) && wanted.severity < Some(Severity::Error);
                if loosens_error && !waived.contains(&(id.to_owned(), domain.clone())) {
                    let mut finding = pack_finding(
                        "MW-GOV-001",
                        path,
                        format!(
                            "Domain `{domain}` lowers {id} below the global severity error without a waiver; the \
                             override is ignored"
                        ),
                        "Add a waiver for this rule with the domain as entity, a reason, an author and an expiry.",
                    );
                    finding.entities.push(EntityRef::new(EntityKind::Domain, domain.clone()));
                    problems.push(finding);
                    continue;
                }
                effective_rules.insert(id, wanted);
            }
            domains.insert(domain.clone(), effective_rules);
        }

        let mut read_parameters = |maps: &BTreeMap<String, BTreeMap<String, Value>>, scope: &str| {
            let mut parameter_problems = Vec::new();
            let read = RuleParameters::read(maps, &mut parameter_problems);
            problems.extend(parameter_problems.into_iter().map(|message| {
                pack_finding(
                    "MW-GOV-003",
                    format!("{base}/{scope}rules"),
                    format!("Policy pack: {message}; the default is used"),
                    "Correct the parameter.",
                )
            }));
            read
        };
        let global_parameters = read_parameters(&parameters, "");
        let domain_parameters = domain_parameter_maps
            .iter()
            .map(|(domain, maps)| (domain.clone(), read_parameters(maps, &format!("domains.{domain}."))))
            .collect();
        Self {
            global,
            domains,
            waived,
            parameters: global_parameters,
            domain_parameters,
            custom: pack.policies.clone(),
            problems,
        }
    }

    /// Whether some domain sets its own rule parameters (then each subject's domain is looked up first).
    pub fn has_domain_parameters(&self) -> bool {
        !self.domain_parameters.is_empty()
    }

    /// The rule parameters in force in a domain.
    pub fn parameters_in(&self, domain: Option<&str>) -> &RuleParameters {
        domain.and_then(|domain| self.domain_parameters.get(domain)).unwrap_or(&self.parameters)
    }

    /// The severity a rule reports at in a domain (or globally), `None` when it is off there.
    pub fn severity(&self, rule: &str, domain: Option<&str>) -> Option<Severity> {
        let domain_rules = domain.and_then(|domain| self.domains.get(domain));
        match domain_rules.and_then(|rules| rules.get(rule)) {
            Some(effective) => effective.severity,
            None => self.global.get(rule).map_or(Some(Severity::Warning), |effective| effective.severity),
        }
    }

    /// Whether a live waiver exempts an entity from a rule.
    pub fn is_waived(&self, rule: &str, entity: &str) -> bool {
        self.waived.contains(&(rule.to_owned(), entity.to_owned()))
    }

    /// Sets a finding's severity for its domain; `false` when the finding must be dropped (rule off, or waived).
    pub fn apply(&self, finding: &mut Finding, domain: Option<&str>) -> bool {
        if finding.rule.starts_with("MW-GOV-") {
            return true;
        }
        if finding.subject().is_some_and(|subject| self.is_waived(&finding.rule, &subject.id)) {
            return false;
        }
        // Custom policies carry their own severity; only waivers apply to them.
        if !self.global.contains_key(finding.rule.as_str()) {
            return true;
        }
        let Some(severity) = self.severity(&finding.rule, domain) else { return false };
        finding.severity = severity;
        true
    }
}
