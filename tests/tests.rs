//! Meshwright's integration tests: one binary, a module per area. Fixtures come from `examples/` and
//! `tests/fixtures/`.

mod support;

mod architecture;
mod cli;
mod crash;
mod governance;
mod graph;
mod mesh_as_code;
mod publishing;
mod rollout;
mod session;
mod standards;
mod store;
