//! `mesh.yaml`: everything about a design that is not a product or a contract (domains, teams, source systems,
//! consumers, canvas layout, the rollout plan, canvas free text and sticky notes, and the settings later areas
//! add), in a fixed key order.

use crate::model::{
    Consumer, Domain, DomainAssessment, Extra, Id, Mesh, MeshSettings, Position, ProductCanvas, RolloutSettings,
    SourceSystem, StickyNote, Team, Wave,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The mesh-as-code format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MeshFile {
    pub meshwright: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_systems: Vec<SourceSystem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consumers: Vec<Consumer>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub layout: BTreeMap<Id, Position>,
    /// The rollout plan: its settings, the domains' assessments and the waves.
    #[serde(default, skip_serializing_if = "RolloutFile::is_empty")]
    pub rollout: RolloutFile,
    /// Data Product Canvas free text, by product.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub canvases: Vec<ProductCanvas>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<StickyNote>,
    /// Settings of later areas (policies, rollout plan, …), kept verbatim.
    #[serde(flatten)]
    pub extra: Extra,
}

/// mesh.yaml's `rollout` key.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RolloutFile {
    #[serde(flatten)]
    pub settings: RolloutSettings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<DomainAssessment>,
    /// In wave order (number, then id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waves: Vec<Wave>,
}

impl RolloutFile {
    fn is_empty(&self) -> bool {
        self.settings.is_empty() && self.assessments.is_empty() && self.waves.is_empty()
    }
}

impl MeshFile {
    pub fn from_mesh(mesh: &Mesh) -> Self {
        Self {
            meshwright: FORMAT_VERSION,
            name: mesh.settings.name.clone(),
            description: mesh.settings.description.clone(),
            domains: mesh.domains.values().cloned().collect(),
            teams: mesh.teams.values().cloned().collect(),
            source_systems: mesh.source_systems.values().cloned().collect(),
            consumers: mesh.consumers.values().cloned().collect(),
            layout: mesh.layout.clone(),
            rollout: RolloutFile {
                settings: mesh.settings.rollout.clone(),
                assessments: mesh.assessments.values().cloned().collect(),
                waves: mesh.waves_in_order().into_iter().cloned().collect(),
            },
            canvases: mesh.canvases.values().cloned().collect(),
            notes: mesh.notes.values().cloned().collect(),
            extra: mesh.settings.extra.clone(),
        }
    }

    /// Moves the file's contents into `mesh`, reporting the first id defined twice.
    pub fn into_mesh(self, mesh: &mut Mesh) -> Result<(), (&'static str, Id)> {
        mesh.settings = MeshSettings {
            name: self.name,
            description: self.description,
            rollout: self.rollout.settings,
            extra: self.extra,
        };
        for domain in self.domains {
            if let Some(previous) = mesh.domains.insert(domain.id.clone(), domain) {
                return Err(("domain", previous.id));
            }
        }
        for team in self.teams {
            if let Some(previous) = mesh.teams.insert(team.id.clone(), team) {
                return Err(("team", previous.id));
            }
        }
        for system in self.source_systems {
            if let Some(previous) = mesh.source_systems.insert(system.id.clone(), system) {
                return Err(("source system", previous.id));
            }
        }
        for consumer in self.consumers {
            if let Some(previous) = mesh.consumers.insert(consumer.id.clone(), consumer) {
                return Err(("consumer", previous.id));
            }
        }
        mesh.layout = self.layout;
        for assessment in self.rollout.assessments {
            if let Some(previous) = mesh.assessments.insert(assessment.domain.clone(), assessment) {
                return Err(("assessment", previous.domain));
            }
        }
        for wave in self.rollout.waves {
            if let Some(previous) = mesh.waves.insert(wave.id.clone(), wave) {
                return Err(("wave", previous.id));
            }
        }
        for canvas in self.canvases {
            if let Some(previous) = mesh.canvases.insert(canvas.product.clone(), canvas) {
                return Err(("canvas", previous.product));
            }
        }
        for note in self.notes {
            if let Some(previous) = mesh.notes.insert(note.id.clone(), note) {
                return Err(("note", previous.id));
            }
        }
        Ok(())
    }
}
