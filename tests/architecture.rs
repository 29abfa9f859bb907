//! The layering rules of ARCHITECTURE.md, as a test: only the desktop layer names Tauri, only the store names
//! rusqlite, only the graph module names petgraph, and every Rust file says what it is for on its first line.

use crate::support::{TestResult, repo_root};
use std::path::{Path, PathBuf};

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            rust_files(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    Ok(())
}

#[test]
fn crates_stay_in_their_layers() -> TestResult {
    let source = repo_root().join("src-tauri").join("src");
    let mut files = Vec::new();
    rust_files(&source, &mut files)?;
    assert!(files.len() > 10);
    let rules = [("tauri::", "desktop"), ("rusqlite", "store"), ("petgraph", "graph")];
    for file in &files {
        let text = std::fs::read_to_string(file)?;
        let relative = file.strip_prefix(&source)?.to_string_lossy().into_owned();
        for (name, home) in rules {
            if text.contains(name) {
                assert!(
                    relative.starts_with(&format!("{home}/")),
                    "{relative} names `{name}`, which belongs in {home}/"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn every_rust_file_opens_with_a_doc_line() -> TestResult {
    let mut files = Vec::new();
    for folder in ["src-tauri/src", "src-tauri/benches", "tests"] {
        rust_files(&repo_root().join(folder), &mut files)?;
    }
    files.push(repo_root().join("src-tauri").join("build.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        assert!(text.starts_with("//!"), "{} does not open with a `//!` line", file.display());
    }
    Ok(())
}
