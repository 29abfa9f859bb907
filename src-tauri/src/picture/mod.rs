//! Pictures of a design: SVG drawn by Meshwright's own layered layout (no Graphviz, no browser), and PNG rendered
//! from that SVG with resvg and the system's fonts. The whole design or the neighbourhood of one node; domains are
//! clusters, and above [`COLLAPSE_ABOVE`] products each domain is drawn as one node with its counts.

mod error;
mod layout;
mod svg;

pub use error::PictureError;

use crate::graph::{MeshGraph, Scope};
use crate::model::Mesh;

/// Above this many products in the picture, domains are drawn collapsed (the studio's canvas uses the same bar).
pub const COLLAPSE_ABOVE: usize = 300;

/// The largest side of a PNG, in pixels; larger pictures are scaled down to fit.
pub const MAX_PNG_SIDE: u32 = 12_000;

/// Whether domains are drawn as one node each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Collapse {
    /// Collapse when the picture would hold more than [`COLLAPSE_ABOVE`] products.
    #[default]
    Auto,
    Always,
    Never,
}

/// What to draw.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PictureOptions {
    /// Draw the neighbourhood of this id (product, PRODUCT/PORT, contract, source system, consumer).
    pub around: Option<String>,
    /// With `around`: edges upstream and downstream to include.
    pub depth: usize,
    pub collapse: Collapse,
    /// Link products and domains to the catalog's pages (`products/ID.html`, `domains/ID.html`), for an SVG
    /// placed inline in the catalog's index page.
    pub catalog_links: bool,
}

/// The design, or a neighbourhood of it, as an SVG document.
pub fn svg(mesh: &Mesh, options: &PictureOptions) -> Result<String, PictureError> {
    let graph = MeshGraph::build(mesh);
    svg_of_graph(mesh, &graph, options)
}

/// [`svg`] on a graph already built.
pub fn svg_of_graph(mesh: &Mesh, graph: &MeshGraph, options: &PictureOptions) -> Result<String, PictureError> {
    let scope = match &options.around {
        Some(id) => Scope::Around { id: id.clone(), depth: options.depth },
        None => Scope::Whole,
    };
    let diagram = graph.diagram(&scope)?;
    let products = diagram.nodes.iter().filter(|node| node.kind == crate::graph::NodeKind::Product).count();
    let collapse = match options.collapse {
        Collapse::Auto => products > COLLAPSE_ABOVE,
        Collapse::Always => true,
        Collapse::Never => false,
    };
    Ok(if collapse {
        svg::collapsed(mesh, &diagram, options.catalog_links)
    } else {
        svg::expanded(mesh, &diagram, options.catalog_links)
    })
}

/// The design, or a neighbourhood of it, as a PNG image (twice the SVG's size, or less for a very large one).
pub fn png(mesh: &Mesh, options: &PictureOptions) -> Result<Vec<u8>, PictureError> {
    png_from_svg(&svg(mesh, options)?)
}

/// Renders an SVG document to PNG with resvg, text set in the system's fonts.
pub fn png_from_svg(svg: &str) -> Result<Vec<u8>, PictureError> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    if options.fontdb.is_empty() {
        return Err(PictureError::NoFonts);
    }
    options.font_family = "DejaVu Sans".to_owned();
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|error| PictureError::Render { detail: format!("the SVG does not parse: {error}") })?;
    let size = tree.size();
    let largest = size.width().max(size.height()).max(1.0);
    let scale = (2.0f32).min(MAX_PNG_SIDE as f32 / largest);
    let width = (size.width() * scale).ceil().max(1.0) as u32;
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or(PictureError::Render { detail: format!("cannot make a {width}×{height} pixel image") })?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| PictureError::Render { detail: format!("cannot encode the PNG: {error}") })
}
