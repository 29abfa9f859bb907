//! Helpers shared by the test modules: paths to fixtures, in-process CLI runs, the built binary.

use std::path::{Path, PathBuf};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

pub fn example(name: &str) -> PathBuf {
    repo_root().join("examples").join(name)
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(name)
}

/// The result of running the command line in-process.
#[derive(Debug)]
pub struct Run {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `meshwright ARGS…` in this process, capturing what it prints.
pub fn run_cli(args: &[&str]) -> Run {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let outcome =
        meshwright::cli::run(std::iter::once("meshwright").chain(args.iter().copied()), &mut stdout, &mut stderr);
    let code = match outcome {
        meshwright::cli::Outcome::Exit(code) => code,
        meshwright::cli::Outcome::OpenStudio(_) => 100,
    };
    Run {
        code,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// The `meshwright` binary cargo built beside this test binary (`cargo test --workspace` builds it), or the one
/// `MESHWRIGHT_BIN` names.
pub fn meshwright_binary() -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(path) = std::env::var_os("MESHWRIGHT_BIN") {
        return Ok(PathBuf::from(path));
    }
    let test_binary = std::env::current_exe()?;
    // target/<profile>/deps/tests-<hash> → target/<profile>/meshwright
    let profile_dir = test_binary.parent().and_then(Path::parent).ok_or("the test binary has no profile folder")?;
    let binary = profile_dir.join("meshwright");
    if binary.exists() {
        Ok(binary)
    } else {
        Err(format!("{} is missing: run `cargo build -p meshwright` first (scripts/test does)", binary.display())
            .into())
    }
}

/// Every file under `folder`, by relative path, with its bytes.
pub fn read_tree(folder: &Path) -> Result<std::collections::BTreeMap<PathBuf, Vec<u8>>, std::io::Error> {
    fn walk(
        root: &Path,
        folder: &Path,
        files: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>,
    ) -> Result<(), std::io::Error> {
        for entry in std::fs::read_dir(folder)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                walk(root, &path, files)?;
            } else {
                let relative = path.strip_prefix(root).map_or_else(|_| path.clone(), Path::to_path_buf);
                files.insert(relative, std::fs::read(&path)?);
            }
        }
        Ok(())
    }
    let mut files = std::collections::BTreeMap::new();
    walk(folder, folder, &mut files)?;
    Ok(files)
}
