//! Benchmarks of the foundation on the 10,000-product design (`generate --domains 100 --products 10000 --seed 1`):
//! generate, open into memory, save, and export as code. Run with `scripts/bench`; figures go in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use meshwright::generate::{GenerateOptions, generate};
use meshwright::mesh_as_code::write_folder;
use meshwright::store::Store;
use std::hint::black_box;
use std::time::Duration;

/// The binary's allocator, so the figures are the CLI's and the studio's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const OPTIONS: GenerateOptions = GenerateOptions { domains: 100, products: 10_000, seed: 1, cycles: 0 };

fn foundation(criterion: &mut Criterion) {
    let Ok(mesh) = generate(OPTIONS) else {
        eprintln!("cannot generate the benchmark design");
        return;
    };
    let Ok(scratch) = tempfile::tempdir() else {
        eprintln!("cannot make a scratch folder");
        return;
    };
    let document = scratch.path().join("bench.mesh");
    if let Err(error) = Store::create(&document, &mesh, false) {
        eprintln!("cannot write the benchmark design: {error}");
        return;
    }
    let mut group = criterion.benchmark_group("foundation-10k");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    // Freeing a design is not part of making it or opening it: the large drops happen outside the timing.
    group.bench_function("generate", |bench| bench.iter_with_large_drop(|| generate(OPTIONS)));
    group.bench_function("open into memory", |bench| {
        bench.iter_with_large_drop(|| Store::open(&document).and_then(|store| store.load()))
    });
    let saved = scratch.path().join("saved.mesh");
    group.bench_function("save", |bench| bench.iter(|| black_box(Store::create(&saved, &mesh, true).is_ok())));
    // Each export writes a new folder, as a user exporting a design does. The folders are removed only after the
    // group: on this machine's ext4 (no journal) creating files right after deleting thousands of others is several
    // times slower (the kernel scans the recently freed inodes), which is not what an export meets in use.
    let exports = scratch.path().join("exports");
    let mut count = 0_usize;
    group.bench_function("export as code", |bench| {
        bench.iter_batched(
            || {
                count += 1;
                exports.join(format!("code-{count}"))
            },
            |folder| black_box(write_folder(&mesh, &folder).map(|report| report.written.len())),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&exports);
}

criterion_group!(benches, foundation);
criterion_main!(benches);
