//! Benchmarks of governance on the 10,000-product design (`generate --domains 100 --products 10000 --seed 1`): a
//! full check, and a re-check after one edit. Run with
//! `cargo bench -p meshwright --no-default-features --bench governance`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use meshwright::generate::{GenerateOptions, generate};
use meshwright::governance::{CheckOptions, IncrementalCheck, check};
use meshwright::model::{Entity, Mesh};
use std::hint::black_box;
use std::time::Duration;

/// The binary's allocator, so the figures are the CLI's and the studio's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const OPTIONS: GenerateOptions = GenerateOptions { domains: 100, products: 10_000, seed: 1, cycles: 0 };
const TODAY: &str = "2026-06-01";

/// An edit a user makes while typing: a product's purpose changes.
fn edited_product(mesh: &Mesh, position: usize, round: usize) -> Option<Entity> {
    let mut product = mesh.products.values().nth(position % mesh.products.len().max(1))?.clone();
    product.description.purpose = Some(format!("Edited purpose, round {round}."));
    Some(Entity::Product(product))
}

fn governance(criterion: &mut Criterion) {
    let Ok(mesh) = generate(OPTIONS) else {
        eprintln!("cannot generate the benchmark design");
        return;
    };
    let options = CheckOptions::on(TODAY);
    let mut group = criterion.benchmark_group("governance-10k");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.bench_function("full check", |bench| bench.iter(|| black_box(check(&mesh, &options).counts)));

    let mut incremental = IncrementalCheck::new(mesh.clone(), options.clone());
    let mut round = 0;
    group.bench_function("re-check after one product edit", |bench| {
        bench.iter_batched(
            || {
                round += 1;
                edited_product(&mesh, round * 97, round)
            },
            |edit| {
                if let Some(edit) = edit {
                    black_box(incremental.apply(edit));
                }
            },
            BatchSize::SmallInput,
        )
    });
    let contract = mesh.contracts.values().nth(mesh.contracts.len() / 2).cloned();
    group.bench_function("re-check after one contract edit", |bench| {
        bench.iter_batched(
            || {
                round += 1;
                contract.clone().map(|mut contract| {
                    contract.version = format!("{}.0.0", 1 + round % 3);
                    Entity::Contract(contract)
                })
            },
            |edit| {
                if let Some(edit) = edit {
                    black_box(incremental.apply(edit));
                }
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, governance);
criterion_main!(benches);
