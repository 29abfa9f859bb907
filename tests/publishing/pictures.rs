//! Pictures: the retail SVG is well-formed XML and draws every product; the PNG is a real image; a neighbourhood
//! draws only what is near; an unknown id gets a suggestion; a design above the bar is drawn with domains collapsed.

use crate::support::{TestResult, example, run_cli};
use meshwright::generate::{GenerateOptions, generate};
use meshwright::picture::{Collapse, PictureOptions, png_from_svg, svg};
use std::collections::BTreeSet;

/// The `<title>` texts of a picture: nodes are titled "NAME (ID)".
fn titles(text: &str) -> Result<BTreeSet<String>, Box<dyn std::error::Error>> {
    let document = roxmltree::Document::parse(text)?;
    Ok(document
        .descendants()
        .filter(|node| node.has_tag_name("title"))
        .filter_map(|node| node.text().map(str::to_owned))
        .collect())
}

#[test]
fn retail_svg_is_well_formed_and_draws_every_product() -> TestResult {
    let mesh = meshwright::design::load(&example("retail"))?;
    let text = svg(&mesh, &PictureOptions::default())?;
    let titles = titles(&text)?;
    for product in mesh.products.values() {
        let title = format!("{} ({})", product.name, product.id);
        assert!(titles.contains(&title), "the picture lacks {title}");
    }
    assert!(text.contains("source-aligned") && text.contains("consumer-aligned"), "the legend names the archetypes");
    let png = png_from_svg(&text)?;
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert!(width > 1_000, "the PNG is {width} pixels wide");
    Ok(())
}

#[test]
fn a_neighbourhood_draws_only_what_is_near_and_suggests_ids() -> TestResult {
    let mesh = meshwright::design::load(&example("retail"))?;
    let options = PictureOptions { around: Some("orders.net-sales".to_owned()), depth: 1, ..PictureOptions::default() };
    let titles = titles(&svg(&mesh, &options)?)?;
    assert!(titles.iter().any(|title| title.ends_with("(orders.net-sales)")));
    let drawn: Vec<&String> =
        titles.iter().filter(|title| mesh.products.keys().any(|id| title.ends_with(&format!("({id})")))).collect();
    assert!(drawn.len() < mesh.products.len() / 2, "only the neighbourhood is drawn: {drawn:?}");
    let scratch = tempfile::tempdir()?;
    let out = scratch.path().join("x.png");
    let retail = example("retail");
    let run = run_cli(&[
        "export",
        &retail.to_string_lossy(),
        "--format",
        "png",
        "--out",
        &out.to_string_lossy(),
        "--around",
        "orders.net-sale",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `orders.net-sales`"), "{}", run.stderr);
    Ok(())
}

#[test]
fn a_large_design_is_drawn_with_domains_collapsed() -> TestResult {
    let mesh = generate(GenerateOptions { domains: 12, products: 600, seed: 1, cycles: 0 })?;
    let text = svg(&mesh, &PictureOptions::default())?;
    assert!(text.contains("(collapsed)"));
    let titles = titles(&text)?;
    assert!(
        !titles.iter().any(|title| title.contains('(') && title.ends_with(')') && title.contains('.')),
        "no product nodes"
    );
    let expanded = svg(&mesh, &PictureOptions { collapse: Collapse::Never, ..PictureOptions::default() })?;
    assert!(expanded.len() > text.len() * 4, "expanded on request");
    Ok(())
}
