//! A rollout order: products in layers, each product's upstream products in earlier layers. A cycle is not
//! broken silently: its members share one layer, listed as a group that has to go live together, and the
//! answer says the design is not acyclic.
//!
//! Only products are layered. Source systems exist before any product, and consumers follow the products they
//! read; counting them would shift every layer by one and tell nobody anything.

use super::MeshGraph;
use crate::model::Id;
use serde::Serialize;

/// The rollout order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layers {
    /// Whether no cycle had to be placed as a group.
    pub acyclic: bool,
    pub layers: Vec<Layer>,
}

impl Layers {
    /// The layer a product sits in.
    pub fn layer_of(&self, product: &str) -> Option<usize> {
        self.layers.iter().position(|layer| layer.products.iter().any(|id| id.as_str() == product))
    }
}

/// Products that can go live once every earlier layer has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layer {
    /// 0 for products that read no other product.
    pub index: usize,
    /// Every product of the layer, by id, cycle members included.
    pub products: Vec<Id>,
    /// The cycles placed in this layer: groups that depend on each other and go live together.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Vec<Id>>,
}

impl MeshGraph {
    /// Products in layers, as early as their upstream products allow.
    pub fn layers(&self) -> &Layers {
        self.caches.layers.get_or_init(|| self.compute_layers())
    }

    fn compute_layers(&self) -> Layers {
        let structure = self.structure();
        let count = structure.component_count();
        let mut layer_of = vec![0usize; count];
        // Components are in topological order, so a component's layer is final before it pushes to its readers.
        for component in 0..count {
            if !structure.products.get(component).copied().unwrap_or(false) {
                continue;
            }
            let next = layer_of[component] + 1;
            for &successor in structure.successors(component) {
                let successor = successor as usize;
                if structure.products.get(successor).copied().unwrap_or(false) && layer_of[successor] < next {
                    layer_of[successor] = next;
                }
            }
        }
        let depth = (0..count)
            .filter(|&component| structure.products.get(component).copied().unwrap_or(false))
            .map(|component| layer_of[component] + 1)
            .max()
            .unwrap_or(0);
        let mut layers: Vec<Layer> =
            (0..depth).map(|index| Layer { index, products: Vec::new(), cycles: Vec::new() }).collect();
        let mut acyclic = true;
        for (component, members) in structure.members.iter().enumerate() {
            if !structure.products.get(component).copied().unwrap_or(false) {
                continue;
            }
            let Some(layer) = layers.get_mut(layer_of[component]) else { continue };
            let mut ids: Vec<Id> = members.iter().map(|&node| self.graph[node].id.clone()).collect();
            ids.sort_unstable();
            layer.products.extend(ids.iter().cloned());
            if structure.cyclic.get(component).copied().unwrap_or(false) {
                acyclic = false;
                layer.cycles.push(ids);
            }
        }
        for layer in &mut layers {
            layer.products.sort_unstable();
            layer.cycles.sort_unstable();
        }
        Layers { acyclic, layers }
    }
}
