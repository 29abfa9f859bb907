//! The readiness questionnaire: twelve questions per domain, each scored 1–5 with a note. Eight measure whether
//! the domain can carry ownership of its data (readiness), four whether a mesh would relieve real pressure
//! (need). Scores are 0–100, the mean of the answers mapped from 1–5; the mesh-level verdict weighs both.

use crate::model::{DomainAssessment, Id, Mesh};
use serde::Serialize;
use ts_rs::TS;

/// What a question measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Dimension {
    /// Can the domain own its data as a product? 5 is strong.
    Readiness,
    /// Would a mesh relieve real pressure? 5 is strong pressure.
    Need,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Stable id, the key of the answer in the design.
    pub id: &'static str,
    pub dimension: Dimension,
    pub title: &'static str,
    /// What a 1 and a 5 mean.
    pub scale: &'static str,
}

/// The questionnaire, in the order a workshop asks it.
pub const QUESTIONS: [Question; 12] = [
    Question {
        id: "ownership-clarity",
        dimension: Dimension::Readiness,
        title: "Ownership clarity",
        scale: "1: nobody is clearly accountable for the domain's data · 5: a named owner answers for it",
    },
    Question {
        id: "data-skills",
        dimension: Dimension::Readiness,
        title: "Data skills in the domain team",
        scale: "1: no data engineering in the team · 5: the team builds and runs pipelines itself",
    },
    Question {
        id: "platform-support",
        dimension: Dimension::Readiness,
        title: "Platform support available",
        scale: "1: every product is built by hand · 5: a self-serve platform gives storage, catalog and access",
    },
    Question {
        id: "executive-support",
        dimension: Dimension::Readiness,
        title: "Executive support",
        scale: "1: nobody above the team backs the change · 5: a sponsor funds and defends it",
    },
    Question {
        id: "product-thinking",
        dimension: Dimension::Readiness,
        title: "Product thinking",
        scale: "1: data is a by-product · 5: data has owners, documentation, SLAs and users it talks to",
    },
    Question {
        id: "team-capacity",
        dimension: Dimension::Readiness,
        title: "Team capacity",
        scale: "1: no time beside operations · 5: people are set aside for data products",
    },
    Question {
        id: "data-quality",
        dimension: Dimension::Readiness,
        title: "Data quality maturity",
        scale: "1: quality is unknown · 5: quality is measured and owned",
    },
    Question {
        id: "governance-literacy",
        dimension: Dimension::Readiness,
        title: "Governance literacy",
        scale: "1: classification and privacy rules are unknown · 5: the team applies them unprompted",
    },
    Question {
        id: "consumer-demand",
        dimension: Dimension::Need,
        title: "Number of consumers",
        scale: "1: one or two consumers, all nearby · 5: many consumers across domains",
    },
    Question {
        id: "volume-and-change",
        dimension: Dimension::Need,
        title: "Data volume and change rate",
        scale: "1: small and stable · 5: large and changing weekly",
    },
    Question {
        id: "central-bottleneck",
        dimension: Dimension::Need,
        title: "Existing central-team bottleneck",
        scale: "1: the central team delivers on time · 5: requests queue for months",
    },
    Question {
        id: "domain-complexity",
        dimension: Dimension::Need,
        title: "Domain complexity",
        scale: "1: simple, well-understood data · 5: only the domain understands its data",
    },
];

/// The question of an id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|question| question.id == id)
}

/// A readiness score of 60 or more makes a domain ready to own its data.
pub const READY_THRESHOLD: u32 = 60;
/// Below three domains a central team coordinates more cheaply than a mesh.
pub const MIN_DOMAINS: usize = 3;
/// Need below this (0–100) means little pressure on the central way of working.
pub const LOW_NEED: u32 = 50;
/// A central-bottleneck answer (mean over domains) of this or less means there is no bottleneck.
pub const NO_BOTTLENECK: f64 = 2.0;

/// A domain's readiness as scored from its answers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DomainReadiness {
    #[ts(type = "string")]
    pub domain: Id,
    pub name: String,
    /// How many of the twelve questions have an answer.
    pub answered: usize,
    /// 0–100 over the readiness questions answered; none when none is.
    pub readiness: Option<u32>,
    /// 0–100 over the need questions answered.
    pub need: Option<u32>,
    pub business_value: Option<u8>,
    /// Whether readiness reaches the threshold.
    pub ready: bool,
    /// Titles of the readiness questions answered 1 or 2: what to work on.
    pub weakest: Vec<String>,
}

fn clamp(score: u8) -> u32 {
    u32::from(score.clamp(1, 5))
}

/// The 0–100 score of 1–5 answers: the mean mapped linearly, 1 → 0 and 5 → 100, rounded half up.
pub fn scale_score(scores: &[u32]) -> Option<u32> {
    if scores.is_empty() {
        return None;
    }
    let count = u32::try_from(scores.len()).unwrap_or(u32::MAX);
    let above_one: u32 = scores.iter().map(|score| score - 1).sum();
    // (above_one / count) / 4 * 100, rounded half up in integers.
    Some((above_one * 200 + 4 * count) / (8 * count))
}

/// Scores one domain.
pub fn score_domain(mesh: &Mesh, domain: &Id, assessment: Option<&DomainAssessment>) -> DomainReadiness {
    let name = mesh.domains.get(domain).map_or_else(|| domain.to_string(), |domain| domain.name.clone());
    let mut readiness = Vec::new();
    let mut need = Vec::new();
    let mut weakest = Vec::new();
    let mut answered = 0;
    if let Some(assessment) = assessment {
        for question in &QUESTIONS {
            let Some(answer) = assessment.answers.get(question.id) else { continue };
            answered += 1;
            let score = clamp(answer.score);
            match question.dimension {
                Dimension::Readiness => {
                    readiness.push(score);
                    if score <= 2 {
                        weakest.push(question.title.to_owned());
                    }
                }
                Dimension::Need => need.push(score),
            }
        }
    }
    let readiness = scale_score(&readiness);
    DomainReadiness {
        domain: domain.clone(),
        name,
        answered,
        ready: readiness.is_some_and(|score| score >= READY_THRESHOLD),
        readiness,
        need: scale_score(&need),
        business_value: assessment.and_then(|assessment| assessment.business_value).map(|value| value.clamp(1, 5)),
        weakest,
    }
}

/// Every domain of the design (and every assessed domain the design no longer has), by id.
pub fn score_domains(mesh: &Mesh) -> Vec<DomainReadiness> {
    let mut ids: Vec<&Id> = mesh.domains.keys().collect();
    ids.extend(mesh.assessments.keys().filter(|id| !mesh.domains.contains_key(*id)));
    ids.sort();
    ids.into_iter().map(|id| score_domain(mesh, id, mesh.assessments.get(id))).collect()
}

/// The three answers the issue names, plus "not assessed yet".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    MeshPaysOff,
    StartWithLighthouse,
    StayCentralized,
    NotAssessed,
}

impl Verdict {
    pub fn headline(self) -> &'static str {
        match self {
            Self::MeshPaysOff => "a mesh pays off",
            Self::StartWithLighthouse => "start with one lighthouse domain",
            Self::StayCentralized => "stay centralized for now",
            Self::NotAssessed => "not assessed yet",
        }
    }
}

/// The mesh-level verdict with the reasons for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeshVerdict {
    pub verdict: Verdict,
    pub headline: String,
    pub reasons: Vec<String>,
    pub domains: usize,
    pub assessed: usize,
    pub ready: usize,
    /// Mean need over assessed domains, 0–100.
    pub need: Option<u32>,
    /// Mean central-bottleneck answer, 1–5.
    pub central_bottleneck: Option<f64>,
}

/// Weighs the domains' scores into the verdict.
pub fn verdict(mesh: &Mesh, domains: &[DomainReadiness]) -> MeshVerdict {
    let domain_count = mesh.domains.len();
    let assessed: Vec<&DomainReadiness> = domains.iter().filter(|domain| domain.answered > 0).collect();
    let ready = assessed.iter().filter(|domain| domain.ready).count();
    let needs: Vec<u32> = assessed.iter().filter_map(|domain| domain.need).collect();
    let need =
        (!needs.is_empty()).then(|| (needs.iter().sum::<u32>() + needs.len() as u32 / 2) / needs.len().max(1) as u32);
    let bottlenecks: Vec<u32> = mesh
        .assessments
        .values()
        .filter_map(|assessment| assessment.answers.get("central-bottleneck"))
        .map(|answer| clamp(answer.score))
        .collect();
    let central_bottleneck = (!bottlenecks.is_empty()).then(|| {
        let mean = f64::from(bottlenecks.iter().sum::<u32>()) / bottlenecks.len() as f64;
        (mean * 10.0).round() / 10.0
    });
    let mut reasons = Vec::new();
    let few_domains = domain_count < MIN_DOMAINS;
    if few_domains {
        reasons.push(format!(
            "Few domains: {domain_count}; below {MIN_DOMAINS} a central team coordinates more cheaply than a mesh."
        ));
    } else {
        reasons.push(format!("{domain_count} domains: enough to share ownership across teams."));
    }
    if assessed.is_empty() {
        reasons.push("No domain has readiness answers yet: score the questionnaire per domain.".to_owned());
        return MeshVerdict {
            verdict: if few_domains { Verdict::StayCentralized } else { Verdict::NotAssessed },
            headline: String::new(),
            reasons,
            domains: domain_count,
            assessed: 0,
            ready: 0,
            need,
            central_bottleneck,
        }
        .with_headline();
    }
    let immature = ready == 0;
    if immature {
        reasons.push(format!(
            "Immature teams: none of the {} assessed domains reaches readiness {READY_THRESHOLD}.",
            assessed.len()
        ));
    } else {
        let names: Vec<&str> = assessed.iter().filter(|d| d.ready).map(|d| d.name.as_str()).collect();
        reasons.push(format!(
            "{ready} of {} assessed domains are ready (readiness {READY_THRESHOLD} or more): {}.",
            assessed.len(),
            names.join(", ")
        ));
    }
    let no_bottleneck = central_bottleneck.is_some_and(|mean| mean <= NO_BOTTLENECK);
    match central_bottleneck {
        Some(mean) if no_bottleneck => {
            reasons.push(format!("No central bottleneck: the central team's backlog scores {mean}/5 on average."))
        }
        Some(mean) => reasons.push(format!("The central team is a bottleneck: {mean}/5 on average.")),
        None => {}
    }
    let low_need = need.is_some_and(|need| need < LOW_NEED);
    if let Some(need) = need {
        if low_need {
            reasons.push(format!("Low pressure: need scores {need}/100 on average (consumers, volume, complexity)."));
        } else {
            reasons.push(format!("Real pressure: need scores {need}/100 on average (consumers, volume, complexity)."));
        }
    }
    let verdict = if few_domains || immature || (no_bottleneck && low_need) {
        Verdict::StayCentralized
    } else if ready >= MIN_DOMAINS && ready * 2 >= assessed.len() && !low_need {
        Verdict::MeshPaysOff
    } else {
        if ready < MIN_DOMAINS {
            reasons.push(format!(
                "Fewer than {MIN_DOMAINS} domains are ready: prove the model in one lighthouse domain first."
            ));
        } else {
            reasons.push("Most domains are not ready yet: let one lighthouse domain show the way.".to_owned());
        }
        Verdict::StartWithLighthouse
    };
    MeshVerdict {
        verdict,
        headline: String::new(),
        reasons,
        domains: domain_count,
        assessed: assessed.len(),
        ready,
        need,
        central_bottleneck,
    }
    .with_headline()
}

impl MeshVerdict {
    fn with_headline(mut self) -> Self {
        self.headline = self.verdict.headline().to_owned();
        self
    }
}
