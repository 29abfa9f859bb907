//! Meshwright's engine: the mesh model, the `.mesh` document, mesh as code, and the command line. The desktop
//! layer (feature `desktop`) is the only part that names Tauri; everything else is plain Rust that a CLI, a test
//! or a future server can call.

pub mod artefacts;
pub mod canvas;
pub mod catalog;
pub mod cli;
pub mod design;
pub mod design_diff;
pub mod error;
pub mod export;
pub mod file_set;
pub mod generate;
pub mod governance;
pub mod graph;
pub mod mesh_as_code;
pub mod metrics;
pub mod model;
pub mod picture;
pub mod pilot;
pub mod plan;
pub mod publish;
pub mod session;
pub mod standards;
pub mod store;
pub mod summary;
pub mod xml;
pub mod yaml;

pub use error::{Error, ErrorCode};

#[cfg(feature = "desktop")]
pub mod desktop;
