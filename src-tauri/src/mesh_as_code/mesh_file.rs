//! `mesh.yaml`: everything about a design that is not a product or a contract (domains, teams, source systems,
//! consumers, canvas layout, and the settings later areas add), in a fixed key order.

use crate::model::{Consumer, Domain, Extra, Id, Mesh, MeshSettings, Position, SourceSystem, Team};
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
    /// Settings of later areas (policies, rollout plan, …), kept verbatim.
    #[serde(flatten)]
    pub extra: Extra,
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
            extra: mesh.settings.extra.clone(),
        }
    }

    /// Moves the file's contents into `mesh`, reporting the first id defined twice.
    pub fn into_mesh(self, mesh: &mut Mesh) -> Result<(), (&'static str, Id)> {
        mesh.settings = MeshSettings { name: self.name, description: self.description, extra: self.extra };
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
        Ok(())
    }
}
