//! Writing a generated set of files into a folder the way every export does: each file atomically and only when
//! its bytes change, and the files of the same kinds that the set no longer holds removed, so a second run over an
//! unchanged design touches nothing and a git diff shows only real changes.

use crate::mesh_as_code::{CodeError, WriteReport, write_atomically};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A file the set owns: the sub-folder (relative, `""` for the folder itself) and the name ending of the files
/// that belong to the set there. Files in other places or with other endings are never removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owned<'a> {
    pub folder: &'a str,
    pub suffix: &'a str,
}

/// Writes `files` (paths relative to `folder`) and removes stale owned files, calling `progress(done, total)`.
pub fn write_file_set(
    folder: &Path,
    files: &[(PathBuf, Vec<u8>)],
    owned: &[Owned<'_>],
    progress: &dyn Fn(usize, usize),
) -> Result<WriteReport, CodeError> {
    std::fs::create_dir_all(folder).map_err(io_error("create the folder", folder))?;
    let mut report = WriteReport::default();
    for (done, (relative, bytes)) in files.iter().enumerate() {
        if write_if_changed(folder, relative, bytes)? {
            report.written.push(relative.clone());
        } else {
            report.unchanged += 1;
        }
        if done % 200 == 0 {
            progress(done, files.len());
        }
    }
    let expected: BTreeSet<&Path> = files.iter().map(|(relative, _)| relative.as_path()).collect();
    report.removed = remove_stale(folder, &expected, owned)?;
    progress(files.len(), files.len());
    Ok(report)
}

/// Writes one file of a set (creating its folder) unless it already holds these bytes; says whether it wrote.
pub fn write_if_changed(folder: &Path, relative: &Path, bytes: &[u8]) -> Result<bool, CodeError> {
    let path = folder.join(relative);
    if std::fs::read(&path).is_ok_and(|existing| existing == bytes) {
        return Ok(false);
    }
    if let Some(parent) = path.parent()
        && !parent.is_dir()
    {
        std::fs::create_dir_all(parent).map_err(io_error("create the folder", parent))?;
    }
    write_atomically(&path, bytes)?;
    Ok(true)
}

/// Removes the owned files that are not `expected`, returning their relative paths.
pub fn remove_stale(folder: &Path, expected: &BTreeSet<&Path>, owned: &[Owned<'_>]) -> Result<Vec<PathBuf>, CodeError> {
    let mut removed = Vec::new();
    for Owned { folder: sub_folder, suffix } in owned {
        let directory = folder.join(sub_folder);
        let Ok(entries) = std::fs::read_dir(&directory) else { continue };
        let mut stale = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_error("read the folder", &directory))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = Path::new(sub_folder).join(&name);
            if name.ends_with(suffix) && entry.path().is_file() && !expected.contains(relative.as_path()) {
                stale.push((entry.path(), relative));
            }
        }
        stale.sort();
        for (path, relative) in stale {
            std::fs::remove_file(&path).map_err(io_error("remove", &path))?;
            removed.push(relative);
        }
    }
    Ok(removed)
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> CodeError {
    let path = path.to_path_buf();
    move |source| CodeError::Io { action, path, source }
}
