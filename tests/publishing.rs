//! Publishing (#8): the HTML catalog, the SVG/PNG pictures, the contract artefacts (JSON Schema, PostgreSQL DDL,
//! Markdown) and `meshwright publish` into a git working tree.

mod artefacts;
mod catalog;
mod git;
mod pictures;
mod postgres;
