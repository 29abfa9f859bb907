//! Benchmarks of the graph on the 10,000-product design (`generate --domains 100 --products 10000 --seed 1`):
//! build; impact and lineage; cycles, layers and stats from cold caches; re-querying after one edge edit; and the
//! memory the graph holds, counted by an instrumented global allocator. Run with
//! `cargo bench -p meshwright --no-default-features --bench graph`; figures go in the README.
//!
//! Every allocation here goes through an atomic counter, which makes the timings slightly pessimistic. On a shared
//! machine, wall-clock figures include time spent waiting for a core; the on-CPU times printed before the
//! criterion runs (from /proc/thread-self/schedstat) do not.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use meshwright::generate::{GenerateOptions, generate};
use meshwright::graph::MeshGraph;
use meshwright::model::{Archetype, Binding, DataProduct, Mesh};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const OPTIONS: GenerateOptions = GenerateOptions { domains: 100, products: 10_000, seed: 1, cycles: 0 };

fn graph(criterion: &mut Criterion) {
    let Ok(mesh) = generate(OPTIONS) else {
        eprintln!("cannot generate the benchmark design");
        return;
    };
    report_memory(&mesh);
    report_query_distribution(&mesh);
    report_cpu_times(&mesh);

    let mut group = criterion.benchmark_group("graph-10k");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.bench_function("build", |bench| bench.iter_with_large_drop(|| MeshGraph::build(&mesh)));

    let built = MeshGraph::build(&mesh);
    let products: Vec<&str> = mesh.products.keys().map(|id| id.as_str()).collect();
    let consumers: Vec<&str> = mesh.consumers.keys().map(|id| id.as_str()).collect();
    // A rotating sample of 100 products spread over the design, so no single lucky id sets the figure.
    let sample: Vec<&str> = products.iter().step_by(products.len().div_ceil(100).max(1)).copied().collect();
    let mut next = 0;
    group.bench_function("impact (100 products in turn)", |bench| {
        bench.iter(|| {
            next = (next + 1) % sample.len();
            black_box(built.impact(sample[next]).map(|reach| reach.nodes.len()))
        })
    });
    group.bench_function("lineage (100 products in turn)", |bench| {
        bench.iter(|| {
            next = (next + 1) % sample.len();
            black_box(built.lineage(sample[next]).map(|reach| reach.nodes.len()))
        })
    });
    let busiest = built.stats().bottlenecks.first().map(|product| product.product.to_string()).unwrap_or_default();
    group.bench_function("impact of the most depended-on product", |bench| {
        bench.iter(|| black_box(built.impact(&busiest).map(|reach| reach.nodes.len())))
    });
    let consumer = consumers.first().copied().unwrap_or_default();
    group.bench_function("lineage of a consumer", |bench| {
        bench.iter(|| black_box(built.lineage(consumer).map(|reach| reach.nodes.len())))
    });
    group.bench_function("cycles (cold)", |bench| {
        bench.iter_batched_ref(
            || MeshGraph::build(&mesh),
            |graph| black_box(graph.cycles().len()),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("layers (cold)", |bench| {
        bench.iter_batched_ref(
            || MeshGraph::build(&mesh),
            |graph| black_box(graph.layers().layers.len()),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("stats (cold)", |bench| {
        bench.iter_batched_ref(
            || MeshGraph::build(&mesh),
            |graph| black_box(graph.stats().critical_path.length),
            BatchSize::PerIteration,
        )
    });

    // One edge edit: a product in the middle of the design re-points one input port at a source-aligned
    // product's contract (which reads no product, so no cycle can form), then back on the next iteration.
    let Some((original, edited)) = one_edge_edit(&mesh) else {
        eprintln!("found no product to edit");
        return;
    };
    let mut graph = MeshGraph::build(&mesh);
    let _ = graph.cycles();
    let mut flip = false;
    let edited_id = original.id.to_string();
    let mut toggle = |graph: &mut MeshGraph| {
        flip = !flip;
        graph.upsert_product(if flip { &edited } else { &original });
    };
    group.bench_function("edit one edge + impact", |bench| {
        bench.iter(|| {
            toggle(&mut graph);
            black_box(graph.impact(&edited_id).map(|reach| reach.nodes.len()))
        })
    });
    group.bench_function("edit one edge + cycles", |bench| {
        bench.iter(|| {
            toggle(&mut graph);
            black_box(graph.cycles().len())
        })
    });
    group.bench_function("edit one edge + layers", |bench| {
        bench.iter(|| {
            toggle(&mut graph);
            black_box(graph.layers().layers.len())
        })
    });
    group.bench_function("edit one edge + stats", |bench| {
        bench.iter(|| {
            toggle(&mut graph);
            black_box(graph.stats().critical_path.length)
        })
    });
    group.bench_function("rebuild + impact (for comparison)", |bench| {
        bench.iter(|| black_box(MeshGraph::build(&mesh).impact(&edited_id).map(|reach| reach.nodes.len())))
    });
    group.finish();
}

/// A product with a contract input, and the same product with that input re-pointed at a source-aligned
/// product's contract.
fn one_edge_edit(mesh: &Mesh) -> Option<(DataProduct, DataProduct)> {
    let safe_contract = mesh
        .products
        .values()
        .filter(|product| product.archetype == Some(Archetype::SourceAligned))
        .find_map(|product| product.output_ports.first()?.contract_id.clone())?;
    let original = mesh
        .products
        .values()
        .skip(mesh.products.len() / 2)
        .find(|product| product.input_ports.iter().any(|port| matches!(port.source, Binding::Contract { .. })))?
        .clone();
    let mut edited = original.clone();
    let port = edited.input_ports.iter_mut().find(|port| matches!(port.source, Binding::Contract { .. }))?;
    port.source = Binding::Contract { contract_id: safe_contract, version: "1.0.0".to_owned() };
    Some((original, edited))
}

/// Heap bytes held by the graph (and then by its filled caches), counted by the allocator, with the process's
/// resident set size as a cross-check.
fn report_memory(mesh: &Mesh) {
    let resident_before = resident_bytes();
    let region = Region::new(ALLOCATOR);
    let graph = MeshGraph::build(mesh);
    let built = region.change();
    let resident_after = resident_bytes();
    let _ = (graph.cycles().len(), graph.layers().layers.len(), graph.stats().products.len());
    let with_caches = region.change();
    let held = |stats: stats_alloc::Stats| stats.bytes_allocated.saturating_sub(stats.bytes_deallocated);
    println!(
        "graph memory: {} nodes, {} edges; {:.1} MB held after build ({} allocations), {:.1} MB with cycles, layers \
         and stats cached; resident set grew {:.1} MB during build",
        graph.node_count(),
        graph.edge_count(),
        megabytes(held(built)),
        built.allocations,
        megabytes(held(with_caches)),
        megabytes(resident_after.saturating_sub(resident_before)),
    );
    drop(graph);
}

/// The spread of single impact and lineage queries over every product, timed one by one.
fn report_query_distribution(mesh: &Mesh) {
    let graph = MeshGraph::build(mesh);
    for (name, query) in [("impact", MeshGraph::impact as fn(&MeshGraph, &str) -> _), ("lineage", MeshGraph::lineage)] {
        let mut times: Vec<Duration> = mesh
            .products
            .keys()
            .map(|id| {
                let started = Instant::now();
                let _ = black_box(query(&graph, id.as_str()));
                started.elapsed()
            })
            .collect();
        times.sort_unstable();
        let at =
            |fraction: f64| times.get(((times.len() as f64 - 1.0) * fraction) as usize).copied().unwrap_or_default();
        println!(
            "{name} over all {} products, one query each: median {:?}, p90 {:?}, p99 {:?}, max {:?}",
            times.len(),
            at(0.5),
            at(0.9),
            at(0.99),
            at(1.0)
        );
    }
}

/// Medians over eleven rounds of build, cold cycles, layers and stats, and drop: wall-clock and on-CPU time.
fn report_cpu_times(mesh: &Mesh) {
    let mut rounds: Vec<[(Duration, Duration); 5]> = Vec::new();
    for _ in 0..11 {
        let mut round = [(Duration::ZERO, Duration::ZERO); 5];
        let graph = timed(&mut round[0], || MeshGraph::build(mesh));
        timed(&mut round[1], || black_box(graph.cycles().len()));
        timed(&mut round[2], || black_box(graph.layers().layers.len()));
        timed(&mut round[3], || black_box(graph.stats().products.len()));
        timed(&mut round[4], || drop(graph));
        rounds.push(round);
    }
    for (step, name) in ["build", "cycles (cold)", "layers (cold)", "stats (cold)", "drop"].into_iter().enumerate() {
        let mut wall: Vec<Duration> = rounds.iter().map(|round| round[step].0).collect();
        let mut cpu: Vec<Duration> = rounds.iter().map(|round| round[step].1).collect();
        wall.sort_unstable();
        cpu.sort_unstable();
        let median = |times: &[Duration]| times.get(times.len() / 2).copied().unwrap_or_default();
        println!("{name}: median wall {:?}, median on-CPU {:?}", median(&wall), median(&cpu));
    }
}

/// Runs `work`, recording its wall-clock and on-CPU time.
fn timed<T>(record: &mut (Duration, Duration), work: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), thread_cpu_time());
    let result = work();
    *record = (wall.elapsed(), thread_cpu_time().saturating_sub(cpu));
    result
}

/// Time this thread has spent on a CPU (Linux); zero elsewhere.
fn thread_cpu_time() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    Duration::from_nanos(text.split_whitespace().next().and_then(|field| field.parse().ok()).unwrap_or(0))
}

fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm.split_whitespace().nth(1).and_then(|field| field.parse().ok()).unwrap_or(0);
    pages * 4096
}

fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}

criterion_group!(benches, graph);
criterion_main!(benches);
