//! Hostile input: alias bombs, deep nesting, huge files, wrong types and invalid UTF-8 give a clear error quickly,
//! never a panic.

use crate::support::{TestResult, run_cli};
use meshwright::standards::{self, validate};
use std::path::Path;
use std::time::{Duration, Instant};

const QUICK: Duration = Duration::from_secs(5);

#[test]
fn a_billion_laughs_document_is_refused_quickly() {
    let mut text = String::from("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for level in 1..10 {
        let previous = level - 1;
        text.push_str(&format!(
            "a{level}: &a{level} [*a{previous},*a{previous},*a{previous},*a{previous},*a{previous},*a{previous},*a{previous},*a{previous},*a{previous}]\n"
        ));
    }
    let started = Instant::now();
    let result = standards::read_str(&text, Path::new("bomb.yaml"));
    let report = validate::validate_text(&text, Path::new("bomb.yaml"));
    assert!(result.is_err());
    assert!(!report.is_valid());
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack() {
    for text in [
        "[".repeat(10_000) + &"]".repeat(10_000),
        "a:\n".to_owned() + &(1..10_000).map(|depth| format!("{}b:\n", " ".repeat(depth))).collect::<String>(),
    ] {
        let started = Instant::now();
        let report = validate::validate_text(&text, Path::new("deep.yaml"));
        assert!(!report.is_valid());
        assert!(standards::read_str(&text, Path::new("deep.yaml")).is_err());
        assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    }
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read_whole() -> TestResult {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("huge.odcs.yaml");
    let file = std::fs::File::create(&path)?;
    file.set_len(100 * 1024 * 1024)?;
    let started = Instant::now();
    let error = standards::read_file(&path).err().ok_or("a 100 MB file was read")?;
    assert!(error.to_string().contains("larger than"), "{error}");
    let run = run_cli(&["validate", &path.display().to_string()]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    Ok(())
}

#[test]
fn invalid_utf8_names_the_offset_of_the_bad_byte() -> TestResult {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("latin1.odcs.yaml");
    std::fs::write(&path, b"apiVersion: v3.2.0\nkind: DataContract\nid: caf\xe9\n")?;
    let error = standards::read_file(&path).err().ok_or("invalid UTF-8 was read")?;
    assert!(error.to_string().contains("not UTF-8 text (the first invalid byte is at offset 45)"), "{error}");
    Ok(())
}

#[test]
fn wrong_types_everywhere_are_problems_not_panics() {
    let text = "apiVersion: 3\nkind: [DataContract]\nid: {a: 1}\nversion: true\nstatus: 7\nschema: {name: x}\n\
                servers: 5\nslaProperties: [1, 2]\ntags: [[1]]\nteam: 4\ndescription: []\n";
    let report = validate::validate_text(text, Path::new("types.yaml"));
    // The document has no readable kind and an odd apiVersion: it is unrecognised, which is a problem.
    assert!(!report.is_valid());
    let typed =
        text.replace("apiVersion: 3", "apiVersion: v3.2.0").replace("kind: [DataContract]", "kind: DataContract");
    let report = validate::validate_text(&typed, Path::new("types.yaml"));
    assert!(report.problems.len() >= 8, "{:?}", report.problems);
    assert!(standards::read_str(&typed, Path::new("types.yaml")).is_err());
}
