//! `meshwright publish` against temporary repositories: a fresh one gets one commit with the design as code and
//! the artefacts under the sub-folder; an unchanged second publish makes no commit; a dirty tree is refused with
//! exit 2 naming the file; a changed design reports modified and removed files; nothing outside --path is touched.

use crate::support::{TestResult, example, run_cli};
use std::path::Path;
use std::process::Command;

fn git(repo: &Path, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()?;
    if !output.status.success() {
        return Err(format!("git {args:?} failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn commits(repo: &Path) -> Result<usize, Box<dyn std::error::Error>> {
    Ok(git(repo, &["rev-list", "--all", "--count"])?.trim().parse()?)
}

#[test]
fn publish_commits_once_refuses_dirt_and_reports_changes() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let repo = scratch.path().join("repo");
    std::fs::create_dir(&repo)?;
    git(&repo, &["init", "-q"])?;
    std::fs::write(repo.join("README.md"), "# Data products\n")?;
    git(&repo, &["add", "README.md"])?;
    git(&repo, &["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "Start"])?;
    let repo_arg = repo.to_string_lossy().into_owned();

    // A copy of retail that the test can change.
    let design = scratch.path().join("retail");
    let copy = run_cli(&[
        "export",
        &example("retail").to_string_lossy(),
        "--format",
        "mesh",
        "--out",
        &design.to_string_lossy(),
    ]);
    assert_eq!(copy.code, 0, "{}", copy.stderr);
    let design_arg = design.to_string_lossy().into_owned();

    let first = run_cli(&[
        "publish",
        &design_arg,
        "--repo",
        &repo_arg,
        "--path",
        "data/mesh",
        "--branch",
        "catalog",
        "--format",
        "json",
    ]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let report: serde_json::Value = serde_json::from_str(&first.stdout)?;
    assert_eq!(report["branch"], "catalog");
    let added = report["added"].as_array().ok_or("no added list")?;
    assert!(added.iter().any(|file| file == "data/mesh/mesh.yaml"));
    assert!(added.iter().any(|file| file == "data/mesh/artefacts/sql/orders.order-lines.sql"));
    assert!(added.iter().all(|file| file.as_str().is_some_and(|file| file.starts_with("data/mesh/"))));
    assert!(report["commit"].is_string());
    assert_eq!(commits(&repo)?, 2);
    assert_eq!(std::fs::read_to_string(repo.join("README.md"))?, "# Data products\n", "nothing outside --path changes");

    let second = run_cli(&["publish", &design_arg, "--repo", &repo_arg, "--path", "data/mesh", "--branch", "catalog"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(second.stdout.starts_with("Nothing to publish"), "{}", second.stdout);
    assert_eq!(commits(&repo)?, 2, "an unchanged design makes no commit");

    std::fs::write(repo.join("notes.txt"), "work in progress\n")?;
    let dirty = run_cli(&["publish", &design_arg, "--repo", &repo_arg, "--path", "data/mesh"]);
    assert_eq!(dirty.code, 2);
    assert!(dirty.stderr.contains("uncommitted changes") && dirty.stderr.contains("`notes.txt`"), "{}", dirty.stderr);
    assert_eq!(commits(&repo)?, 2);
    std::fs::remove_file(repo.join("notes.txt"))?;

    // Change the design: edit one contract and delete a product with its contracts.
    let contract = design.join("contracts").join("orders.order-lines.odcs.yaml");
    let text =
        std::fs::read_to_string(&contract)?.replace("One row per order line;", "One row per order line (edited);");
    std::fs::write(&contract, text)?;
    std::fs::remove_file(design.join("products").join("catalog.product-performance.odps.yaml"))?;
    std::fs::remove_file(design.join("contracts").join("catalog.product-performance-daily.odcs.yaml"))?;
    let third =
        run_cli(&["publish", &design_arg, "--repo", &repo_arg, "--path", "data/mesh", "--message", "Edit order lines"]);
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert!(third.stdout.contains("  M data/mesh/contracts/orders.order-lines.odcs.yaml"), "{}", third.stdout);
    assert!(third.stdout.contains("  M data/mesh/artefacts/sql/orders.order-lines.sql"), "{}", third.stdout);
    assert!(third.stdout.contains("  D data/mesh/products/catalog.product-performance.odps.yaml"), "{}", third.stdout);
    assert!(
        third.stdout.contains("  D data/mesh/artefacts/markdown/catalog.product-performance-daily.md"),
        "{}",
        third.stdout
    );
    assert_eq!(git(&repo, &["log", "-1", "--format=%s"])?.trim(), "Edit order lines");
    assert!(git(&repo, &["status", "--porcelain"])?.is_empty(), "the tree is clean after a publish");

    let outside = run_cli(&["publish", &design_arg, "--repo", &repo_arg, "--path", "../elsewhere"]);
    assert_eq!(outside.code, 2);
    assert!(outside.stderr.contains("inside the repository"), "{}", outside.stderr);
    let not_a_repo = run_cli(&["publish", &design_arg, "--repo", &scratch.path().to_string_lossy()]);
    assert_eq!(not_a_repo.code, 2);
    assert!(not_a_repo.stderr.contains("not a git working tree"), "{}", not_a_repo.stderr);
    Ok(())
}
