//! Validating 1,000 generated ODCS documents of about 6 KB each, read from disk and checked on every core as
//! `meshwright validate` does (target: under one second in all). Set `MESHWRIGHT_BENCH_DIR` to keep the files,
//! for `scripts/compare-validate`, which times other validators on the same files.

use meshwright::standards::validate;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

const FILES: usize = 1_000;

/// A valid ODCS v3.2.0 contract of about 6 KB, different for every `index`.
fn contract(index: usize) -> String {
    let mut text = format!(
        "apiVersion: v3.2.0\nkind: DataContract\nid: bench-contract-{index}\nname: Bench contract {index}\n\
         version: 1.{index}.0\nstatus: active\ndomain: sales\ntenant: acme\n\
         description:\n  purpose: Orders placed in the web shop, one row per order line, for reporting.\n  \
         limitations: Not suitable for real-time use.\n  usage: Join on order_id.\ntags: [orders, bench]\n\
         team:\n  name: checkout\n  members:\n    - username: alice\n      role: owner\n    - username: bob\n      role: steward\n\
         schema:\n"
    );
    for object in 0..2 {
        let _ = write!(
            text,
            "  - name: table_{object}\n    physicalName: tbl_{object}_{index}\n    physicalType: table\n    logicalType: object\n    \
             description: Table {object} of contract {index}.\n    quality:\n      - type: library\n        metric: rowCount\n        mustBeGreaterThan: 0\n    properties:\n"
        );
        for property in 0..9 {
            let logical_type = ["string", "integer", "number", "date", "timestamp", "boolean"][property % 6];
            let _ = write!(
                text,
                "      - name: column_{property}\n        logicalType: {logical_type}\n        physicalType: varchar(64)\n        \
                 description: Column {property} of table {object}, described at some length to reach a realistic size.\n        \
                 required: {}\n        classification: internal\n        tags: [bench]\n",
                property % 2 == 0
            );
            if property % 4 == 0 {
                text.push_str(
                    "        quality:\n          - type: library\n            metric: nullValues\n            mustBe: 0\n            dimension: completeness\n",
                );
            }
        }
    }
    text.push_str(
        "slaProperties:\n  - property: latency\n    value: 4\n    unit: h\n  - property: retention\n    value: 3\n    unit: y\n\
         servers:\n  - server: production\n    type: postgres\n    host: db.example.com\n    port: 5432\n    database: shop\n    schema: public\n\
         support:\n  - channel: '#orders'\n    url: https://chat.example.com/orders\n",
    );
    text
}

fn write_files(folder: &Path) -> Result<Vec<PathBuf>, std::io::Error> {
    std::fs::create_dir_all(folder)?;
    (0..FILES)
        .map(|index| {
            let path = folder.join(format!("contract-{index:04}.odcs.yaml"));
            std::fs::write(&path, contract(index))?;
            Ok(path)
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scratch = tempfile::tempdir()?;
    let folder = std::env::var_os("MESHWRIGHT_BENCH_DIR").map_or_else(|| scratch.path().to_path_buf(), PathBuf::from);
    let files = write_files(&folder)?;
    let bytes: u64 = files.iter().filter_map(|path| std::fs::metadata(path).ok()).map(|metadata| metadata.len()).sum();
    let mut best = f64::MAX;
    for run in 0..5 {
        let started = Instant::now();
        let mut problems = 0;
        for report in validate::validate_files(&files) {
            problems += report?.problems.len();
        }
        let seconds = started.elapsed().as_secs_f64();
        if problems != 0 {
            return Err(format!("the generated contracts should be valid; {problems} problems found").into());
        }
        println!("run {run}: validated {FILES} files in {:.1} ms", seconds * 1000.0);
        best = best.min(seconds);
    }
    println!(
        "meshwright validate: {FILES} ODCS files of {:.1} KB on average: best {:.1} ms in all, {:.3} ms per file (target: ≤ 1000 ms)",
        bytes as f64 / FILES as f64 / 1024.0,
        best * 1000.0,
        best * 1000.0 / FILES as f64
    );
    Ok(())
}
