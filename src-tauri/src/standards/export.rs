//! Writing every contract or product of a design as one standards document each (`meshwright export --format
//! odcs|odps|dcs`): file names from ids with anything unsafe for a path removed, files written atomically and
//! only when their bytes change, so exporting twice writes nothing the second time.

use super::odcs::OdcsVersion;
use super::odps::OdpsVersion;
use super::{StandardsError, dcs, odcs, odps};
use crate::mesh_as_code::{self, WriteReport};
use crate::model::Mesh;
use std::path::Path;

/// Which documents to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentSet {
    /// Every contract as ODCS.
    Odcs(OdcsVersion),
    /// Every product as ODPS.
    Odps(OdpsVersion),
    /// Every contract as DCS 1.2.1.
    Dcs,
}

/// A file name made from an id: ASCII letters, digits, `-`, `_` and single inner dots; everything else becomes
/// `-`, so no name can be `..`, hidden, or reach outside the folder.
pub fn safe_file_stem(id: &str) -> String {
    let mut stem: String = id
        .chars()
        .map(|character| if character.is_ascii_alphanumeric() || "-_.".contains(character) { character } else { '-' })
        .collect();
    while stem.contains("..") {
        stem = stem.replace("..", ".");
    }
    let stem = stem.trim_matches('.').to_owned();
    if stem.is_empty() { "unnamed".to_owned() } else { stem }
}

/// Writes the documents of `set` into `folder`, one per contract or product, in id order.
pub fn write_documents(mesh: &Mesh, set: DocumentSet, folder: &Path) -> Result<WriteReport, crate::error::Error> {
    let mut files: Vec<(String, String)> = Vec::new();
    match set {
        DocumentSet::Odcs(version) => {
            for contract in mesh.contracts.values() {
                files.push((
                    format!("{}.odcs.yaml", safe_file_stem(contract.id.as_str())),
                    odcs::write(contract, version)?,
                ));
            }
        }
        DocumentSet::Dcs => {
            for contract in mesh.contracts.values() {
                files.push((format!("{}.dcs.yaml", safe_file_stem(contract.id.as_str())), dcs::write(contract)?));
            }
        }
        DocumentSet::Odps(version) => {
            for product in mesh.products.values() {
                files.push((
                    format!("{}.odps.yaml", safe_file_stem(product.id.as_str())),
                    odps::write(product, version)?,
                ));
            }
        }
    }
    std::fs::create_dir_all(folder).map_err(|source| StandardsError::Io {
        action: "create the folder",
        path: folder.to_path_buf(),
        source,
    })?;
    let mut report = WriteReport { written: Vec::new(), unchanged: 0, removed: Vec::new() };
    for (name, text) in files {
        let path = folder.join(&name);
        if std::fs::read(&path).is_ok_and(|bytes| bytes == text.as_bytes()) {
            report.unchanged += 1;
            continue;
        }
        mesh_as_code::write_atomically(&path, text.as_bytes())?;
        report.written.push(path);
    }
    Ok(report)
}
