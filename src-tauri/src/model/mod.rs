//! The mesh model: plain Rust types for every concept of PRODUCT.md, with no storage, UI or format concerns.
//!
//! A design may be incomplete or inconsistent while it is drafted (a port without a contract, an input bound to
//! a contract that does not exist yet). The model holds such a design as it is; governance reports the problems.

mod canvas;
mod contract;
mod id;
mod organisation;
mod product;
mod rollout;

pub use canvas::{CanvasBlock, ProductCanvas, StickyNote};
pub use contract::{
    Contract, ContractDescription, CustomProperty, QualityRule, SchemaObject, SchemaProperty, Server, SlaProperty,
    SupportChannel,
};
pub use id::{Id, IdError, MAX_ID_LEN};
pub use organisation::{Consumer, Domain, SourceSystem, Team, TeamMember};
pub use product::{Archetype, Binding, DataProduct, InputPort, OutputPort, ProductDescription};
pub use rollout::{DomainAssessment, ReadinessAnswer, RolloutSettings, Wave};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use ts_rs::TS;

/// Fields of the standards that the model has no typed place for, kept verbatim and in a stable order.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// Lifecycle status of a product or contract. The standards list these as examples, not as a closed set, so a
/// status the model does not know is kept as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(from = "String", into = "String")]
#[ts(type = "'proposed' | 'draft' | 'active' | 'deprecated' | 'retired' | (string & {})")]
pub enum Status {
    Proposed,
    #[default]
    Draft,
    Active,
    Deprecated,
    Retired,
    Other(String),
}

impl Status {
    pub const KNOWN: [Status; 5] = [Self::Proposed, Self::Draft, Self::Active, Self::Deprecated, Self::Retired];

    pub fn as_str(&self) -> &str {
        match self {
            Self::Proposed => "proposed",
            Self::Draft => "draft",
            Self::Active => "active",
            Self::Deprecated => "deprecated",
            Self::Retired => "retired",
            Self::Other(text) => text,
        }
    }
}

impl From<String> for Status {
    fn from(text: String) -> Self {
        match text.to_ascii_lowercase().as_str() {
            "proposed" => Self::Proposed,
            "draft" => Self::Draft,
            "active" => Self::Active,
            "deprecated" => Self::Deprecated,
            "retired" => Self::Retired,
            _ => Self::Other(text),
        }
    }
}

impl From<Status> for String {
    fn from(status: Status) -> String {
        status.as_str().to_owned()
    }
}

impl fmt::Display for Status {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Where a node sits on the canvas, placed by hand or by auto layout.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// The design as a whole: its name and description and the settings later areas add (policies, rollout plan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct MeshSettings {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The rollout plan's settings (capacity per wave, lighthouse, start date).
    #[serde(default, skip_serializing_if = "RolloutSettings::is_empty")]
    #[ts(as = "Option<RolloutSettings>", optional)]
    pub rollout: RolloutSettings,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

impl Default for MeshSettings {
    fn default() -> Self {
        Self {
            name: "Untitled mesh".to_owned(),
            description: None,
            rollout: RolloutSettings::default(),
            extra: Extra::new(),
        }
    }
}

/// A whole design: one `.mesh` file, or one mesh-as-code folder. Maps are keyed and ordered by id, so every
/// traversal, export and summary is deterministic.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mesh {
    pub settings: MeshSettings,
    pub domains: BTreeMap<Id, Domain>,
    pub teams: BTreeMap<Id, Team>,
    pub products: BTreeMap<Id, DataProduct>,
    pub contracts: BTreeMap<Id, Contract>,
    pub source_systems: BTreeMap<Id, SourceSystem>,
    pub consumers: BTreeMap<Id, Consumer>,
    /// Canvas positions by node id (product, source system, consumer or domain).
    pub layout: BTreeMap<Id, Position>,
    /// Readiness answers and business value, by domain id.
    pub assessments: BTreeMap<Id, DomainAssessment>,
    /// Rollout waves, by id.
    pub waves: BTreeMap<Id, Wave>,
    /// Data Product Canvas free text, by product id.
    pub canvases: BTreeMap<Id, ProductCanvas>,
    /// Sticky notes, by id.
    pub notes: BTreeMap<Id, StickyNote>,
}

/// The kinds of entity a design stores; each is one row in the document and one unit of undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    Settings,
    Domain,
    Team,
    Product,
    Contract,
    SourceSystem,
    Consumer,
    Position,
    Assessment,
    Wave,
    Canvas,
    Note,
}

impl EntityKind {
    pub const ALL: [EntityKind; 12] = [
        Self::Settings,
        Self::Domain,
        Self::Team,
        Self::Product,
        Self::Contract,
        Self::SourceSystem,
        Self::Consumer,
        Self::Position,
        Self::Assessment,
        Self::Wave,
        Self::Canvas,
        Self::Note,
    ];

    /// The stable spelling used in the document and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Settings => "settings",
            Self::Domain => "domain",
            Self::Team => "team",
            Self::Product => "product",
            Self::Contract => "contract",
            Self::SourceSystem => "sourceSystem",
            Self::Consumer => "consumer",
            Self::Position => "position",
            Self::Assessment => "assessment",
            Self::Wave => "wave",
            Self::Canvas => "canvas",
            Self::Note => "note",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// The id under which the settings row is stored.
pub const SETTINGS_ID: &str = "mesh";

/// One stored entity of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Entity {
    Settings(MeshSettings),
    Domain(Domain),
    Team(Team),
    Product(DataProduct),
    Contract(Contract),
    SourceSystem(SourceSystem),
    Consumer(Consumer),
    Position(Id, Position),
    Assessment(DomainAssessment),
    Wave(Wave),
    Canvas(ProductCanvas),
    Note(StickyNote),
}

impl Entity {
    pub fn kind(&self) -> EntityKind {
        match self {
            Self::Settings(_) => EntityKind::Settings,
            Self::Domain(_) => EntityKind::Domain,
            Self::Team(_) => EntityKind::Team,
            Self::Product(_) => EntityKind::Product,
            Self::Contract(_) => EntityKind::Contract,
            Self::SourceSystem(_) => EntityKind::SourceSystem,
            Self::Consumer(_) => EntityKind::Consumer,
            Self::Position(..) => EntityKind::Position,
            Self::Assessment(_) => EntityKind::Assessment,
            Self::Wave(_) => EntityKind::Wave,
            Self::Canvas(_) => EntityKind::Canvas,
            Self::Note(_) => EntityKind::Note,
        }
    }

    /// The key of the entity within its kind.
    pub fn key(&self) -> &str {
        match self {
            Self::Settings(_) => SETTINGS_ID,
            Self::Domain(entity) => entity.id.as_str(),
            Self::Team(entity) => entity.id.as_str(),
            Self::Product(entity) => entity.id.as_str(),
            Self::Contract(entity) => entity.id.as_str(),
            Self::SourceSystem(entity) => entity.id.as_str(),
            Self::Consumer(entity) => entity.id.as_str(),
            Self::Position(id, _) => id.as_str(),
            Self::Assessment(entity) => entity.domain.as_str(),
            Self::Wave(entity) => entity.id.as_str(),
            Self::Canvas(entity) => entity.product.as_str(),
            Self::Note(entity) => entity.id.as_str(),
        }
    }

    /// The entity's body as JSON, the form the document stores.
    pub fn to_json(&self) -> serde_json::Result<String> {
        match self {
            Self::Settings(entity) => serde_json::to_string(entity),
            Self::Domain(entity) => serde_json::to_string(entity),
            Self::Team(entity) => serde_json::to_string(entity),
            Self::Product(entity) => serde_json::to_string(entity),
            Self::Contract(entity) => serde_json::to_string(entity),
            Self::SourceSystem(entity) => serde_json::to_string(entity),
            Self::Consumer(entity) => serde_json::to_string(entity),
            Self::Position(_, position) => serde_json::to_string(position),
            Self::Assessment(entity) => serde_json::to_string(entity),
            Self::Wave(entity) => serde_json::to_string(entity),
            Self::Canvas(entity) => serde_json::to_string(entity),
            Self::Note(entity) => serde_json::to_string(entity),
        }
    }

    /// Reads a stored body back into an entity of the given kind.
    pub fn from_json(kind: EntityKind, key: &str, body: &str) -> Result<Self, EntityDecodeError> {
        let decode_error = |source: serde_json::Error| EntityDecodeError::Body { kind, key: key.to_owned(), source };
        Ok(match kind {
            EntityKind::Settings => Self::Settings(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Domain => Self::Domain(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Team => Self::Team(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Product => Self::Product(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Contract => {
                let mut contract: Contract = serde_json::from_str(body).map_err(decode_error)?;
                contract.shrink_to_fit();
                Self::Contract(contract)
            }
            EntityKind::SourceSystem => Self::SourceSystem(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Consumer => Self::Consumer(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Position => {
                let id = Id::new(key).map_err(|source| EntityDecodeError::Key { kind, source })?;
                Self::Position(id, serde_json::from_str(body).map_err(decode_error)?)
            }
            EntityKind::Assessment => Self::Assessment(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Wave => Self::Wave(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Canvas => Self::Canvas(serde_json::from_str(body).map_err(decode_error)?),
            EntityKind::Note => Self::Note(serde_json::from_str(body).map_err(decode_error)?),
        })
    }
}

/// A stored entity whose body does not decode: the document was edited by something other than Meshwright.
#[derive(Debug, thiserror::Error)]
pub enum EntityDecodeError {
    #[error("the stored {kind} `{key}` cannot be read: {source}")]
    Body { kind: EntityKind, key: String, source: serde_json::Error },
    #[error("a stored {kind} has an invalid id: {source}")]
    Key { kind: EntityKind, source: IdError },
}

impl Mesh {
    /// The rollout waves in wave order (by number, then id).
    pub fn waves_in_order(&self) -> Vec<&Wave> {
        let mut waves: Vec<&Wave> = self.waves.values().collect();
        waves.sort_by(|left, right| (left.number, &left.id).cmp(&(right.number, &right.id)));
        waves
    }

    /// An empty design with a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self { settings: MeshSettings { name: name.into(), ..MeshSettings::default() }, ..Self::default() }
    }

    /// Puts an entity into the design, replacing one of the same kind and key.
    pub fn put(&mut self, entity: Entity) {
        match entity {
            Entity::Settings(settings) => self.settings = settings,
            Entity::Domain(domain) => drop(self.domains.insert(domain.id.clone(), domain)),
            Entity::Team(team) => drop(self.teams.insert(team.id.clone(), team)),
            Entity::Product(product) => drop(self.products.insert(product.id.clone(), product)),
            Entity::Contract(contract) => drop(self.contracts.insert(contract.id.clone(), contract)),
            Entity::SourceSystem(system) => drop(self.source_systems.insert(system.id.clone(), system)),
            Entity::Consumer(consumer) => drop(self.consumers.insert(consumer.id.clone(), consumer)),
            Entity::Position(id, position) => drop(self.layout.insert(id, position)),
            Entity::Assessment(entity) => drop(self.assessments.insert(entity.domain.clone(), entity)),
            Entity::Wave(entity) => drop(self.waves.insert(entity.id.clone(), entity)),
            Entity::Canvas(entity) => drop(self.canvases.insert(entity.product.clone(), entity)),
            Entity::Note(entity) => drop(self.notes.insert(entity.id.clone(), entity)),
        }
    }

    /// Removes an entity; removing the settings resets them to the defaults.
    pub fn remove(&mut self, kind: EntityKind, key: &str) {
        match kind {
            EntityKind::Settings => self.settings = MeshSettings::default(),
            EntityKind::Domain => drop(self.domains.remove(key)),
            EntityKind::Team => drop(self.teams.remove(key)),
            EntityKind::Product => drop(self.products.remove(key)),
            EntityKind::Contract => drop(self.contracts.remove(key)),
            EntityKind::SourceSystem => drop(self.source_systems.remove(key)),
            EntityKind::Consumer => drop(self.consumers.remove(key)),
            EntityKind::Position => drop(self.layout.remove(key)),
            EntityKind::Assessment => drop(self.assessments.remove(key)),
            EntityKind::Wave => drop(self.waves.remove(key)),
            EntityKind::Canvas => drop(self.canvases.remove(key)),
            EntityKind::Note => drop(self.notes.remove(key)),
        }
    }

    /// The entity of a kind and key, if the design has it.
    pub fn get(&self, kind: EntityKind, key: &str) -> Option<Entity> {
        match kind {
            EntityKind::Settings => Some(Entity::Settings(self.settings.clone())),
            EntityKind::Domain => self.domains.get(key).cloned().map(Entity::Domain),
            EntityKind::Team => self.teams.get(key).cloned().map(Entity::Team),
            EntityKind::Product => self.products.get(key).cloned().map(Entity::Product),
            EntityKind::Contract => self.contracts.get(key).cloned().map(Entity::Contract),
            EntityKind::SourceSystem => self.source_systems.get(key).cloned().map(Entity::SourceSystem),
            EntityKind::Consumer => self.consumers.get(key).cloned().map(Entity::Consumer),
            EntityKind::Position => {
                self.layout.get_key_value(key).map(|(id, position)| Entity::Position(id.clone(), *position))
            }
            EntityKind::Assessment => self.assessments.get(key).cloned().map(Entity::Assessment),
            EntityKind::Wave => self.waves.get(key).cloned().map(Entity::Wave),
            EntityKind::Canvas => self.canvases.get(key).cloned().map(Entity::Canvas),
            EntityKind::Note => self.notes.get(key).cloned().map(Entity::Note),
        }
    }

    /// Every entity of the design, settings first, then by kind and id.
    pub fn entities(&self) -> impl Iterator<Item = Entity> + '_ {
        std::iter::once(Entity::Settings(self.settings.clone()))
            .chain(self.domains.values().cloned().map(Entity::Domain))
            .chain(self.teams.values().cloned().map(Entity::Team))
            .chain(self.products.values().cloned().map(Entity::Product))
            .chain(self.contracts.values().cloned().map(Entity::Contract))
            .chain(self.source_systems.values().cloned().map(Entity::SourceSystem))
            .chain(self.consumers.values().cloned().map(Entity::Consumer))
            .chain(self.layout.iter().map(|(id, position)| Entity::Position(id.clone(), *position)))
            .chain(self.assessments.values().cloned().map(Entity::Assessment))
            .chain(self.waves.values().cloned().map(Entity::Wave))
            .chain(self.canvases.values().cloned().map(Entity::Canvas))
            .chain(self.notes.values().cloned().map(Entity::Note))
    }

    /// Whether the design holds an entity of this kind and key.
    pub fn contains(&self, kind: EntityKind, key: &str) -> bool {
        match kind {
            EntityKind::Settings => true,
            EntityKind::Domain => self.domains.contains_key(key),
            EntityKind::Team => self.teams.contains_key(key),
            EntityKind::Product => self.products.contains_key(key),
            EntityKind::Contract => self.contracts.contains_key(key),
            EntityKind::SourceSystem => self.source_systems.contains_key(key),
            EntityKind::Consumer => self.consumers.contains_key(key),
            EntityKind::Position => self.layout.contains_key(key),
            EntityKind::Assessment => self.assessments.contains_key(key),
            EntityKind::Wave => self.waves.contains_key(key),
            EntityKind::Canvas => self.canvases.contains_key(key),
            EntityKind::Note => self.notes.contains_key(key),
        }
    }

    /// Every dependency edge of the design: product input ports and consumer inputs, with who consumes.
    pub fn dependencies(&self) -> impl Iterator<Item = (&Id, &Binding)> + '_ {
        let product_inputs = self
            .products
            .values()
            .flat_map(|product| product.input_ports.iter().map(move |port| (&product.id, &port.source)));
        let consumer_inputs = self
            .consumers
            .values()
            .flat_map(|consumer| consumer.inputs.iter().map(move |binding| (&consumer.id, binding)));
        product_inputs.chain(consumer_inputs)
    }
}
