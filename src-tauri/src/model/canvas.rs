//! Workshop material stored in the design: the free text of a product's Data Product Canvas, block by block,
//! and sticky notes on the canvas. The parts of the canvas the model already knows are derived (`crate::canvas`);
//! only what it cannot know is stored here.

use super::{Extra, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use ts_rs::TS;

/// The ten blocks of the Data Product Canvas, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CanvasBlock {
    Domain,
    Name,
    ConsumerAndUseCase,
    OutputPorts,
    Metadata,
    InputPorts,
    DataProductDesign,
    Observability,
    UbiquitousLanguage,
    Classification,
}

impl CanvasBlock {
    pub const ALL: [CanvasBlock; 10] = [
        Self::Domain,
        Self::Name,
        Self::ConsumerAndUseCase,
        Self::OutputPorts,
        Self::Metadata,
        Self::InputPorts,
        Self::DataProductDesign,
        Self::Observability,
        Self::UbiquitousLanguage,
        Self::Classification,
    ];

    /// The block's title as the canvas prints it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Domain => "Domain",
            Self::Name => "Data product name",
            Self::ConsumerAndUseCase => "Consumer and use case",
            Self::OutputPorts => "Output ports",
            Self::Metadata => "Metadata",
            Self::InputPorts => "Input ports",
            Self::DataProductDesign => "Data product design",
            Self::Observability => "Observability",
            Self::UbiquitousLanguage => "Ubiquitous language",
            Self::Classification => "Classification",
        }
    }

    /// The spelling used in stored bodies and mesh.yaml.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Domain => "domain",
            Self::Name => "name",
            Self::ConsumerAndUseCase => "consumerAndUseCase",
            Self::OutputPorts => "outputPorts",
            Self::Metadata => "metadata",
            Self::InputPorts => "inputPorts",
            Self::DataProductDesign => "dataProductDesign",
            Self::Observability => "observability",
            Self::UbiquitousLanguage => "ubiquitousLanguage",
            Self::Classification => "classification",
        }
    }
}

impl fmt::Display for CanvasBlock {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.title())
    }
}

/// The free text of one product's canvas, block by block. Stored under the product's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct ProductCanvas {
    pub product: Id,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<BTreeMap<CanvasBlock, String>>", optional)]
    pub blocks: BTreeMap<CanvasBlock, String>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}

impl ProductCanvas {
    pub fn empty(product: Id) -> Self {
        Self { product, blocks: BTreeMap::new(), extra: Extra::new() }
    }
}

/// A sticky note: text, colour and place on the design canvas, or on one product's Data Product Canvas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct StickyNote {
    pub id: Id,
    pub text: String,
    /// `#rrggbb`; the studio picks a yellow when none is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    pub x: f64,
    pub y: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f64>,
    /// The product whose canvas the note sits on; none for the design canvas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Id>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Extra,
}
