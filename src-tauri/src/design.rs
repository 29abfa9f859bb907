//! Where a design comes from: a `.mesh` document, a mesh-as-code folder, or single ODPS/ODCS files. Every
//! command that reads a mesh goes through `load`.

use crate::error::Error;
use crate::mesh_as_code;
use crate::model::Mesh;
use crate::store::Store;
use std::path::Path;

/// Reads a design from a `.mesh` file, a mesh-as-code folder, or an ODPS/ODCS document.
pub fn load(path: &Path) -> Result<Mesh, Error> {
    if path.is_dir() {
        return Ok(mesh_as_code::read_folder(path)?);
    }
    if is_yaml(path) {
        return Ok(mesh_as_code::read_sources(&[path.to_path_buf()])?);
    }
    let store = Store::open(path)?;
    Ok(store.load()?)
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "yaml" || extension == "yml")
}
