//! The HTML catalog on both examples: every page well-formed, every relative link and anchor resolving, and user
//! text escaped (a product named `<script>alert(1)</script>` shows as text).

use crate::support::{TestResult, example, read_tree};
use meshwright::catalog::{CatalogOptions, write_catalog};
use meshwright::model::{Id, Mesh};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

const EVIL: &str = "<script>alert(1)</script>";

/// Elements HTML writes without an end tag.
const VOID: [&str; 6] = ["meta", "link", "input", "br", "img", "hr"];

fn evil_retail() -> Result<Mesh, Box<dyn std::error::Error>> {
    let mut mesh = meshwright::design::load(&example("retail"))?;
    let product = mesh.products.get_mut("orders.order-management").ok_or("retail has no order management")?;
    product.name = EVIL.to_owned();
    product.description.purpose = Some(format!("Purpose with {EVIL} & \"quotes\""));
    let domain = mesh.domains.get_mut("orders").ok_or("retail has no orders domain")?;
    domain.name = format!("Orders {EVIL}");
    mesh.settings.name = format!("Retail {EVIL}");
    Ok(mesh)
}

#[test]
fn catalog_pages_are_well_formed_linked_and_escaped() -> TestResult {
    let healthcare = meshwright::design::load(&example("healthcare"))?;
    for (label, mesh) in [("retail", evil_retail()?), ("healthcare", healthcare)] {
        let scratch = tempfile::tempdir()?;
        let site = scratch.path().join("site");
        let options = CatalogOptions { today: Some("2026-01-15".to_owned()) };
        write_catalog(&mesh, &site, &options, &|_, _| {})?;
        let files = read_tree(&site)?;
        let pages: BTreeMap<&PathBuf, String> = files
            .iter()
            .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
            .map(|(path, bytes)| (path, String::from_utf8_lossy(bytes).into_owned()))
            .collect();
        assert_eq!(
            pages.len(),
            1 + mesh.domains.len() + mesh.products.len(),
            "{label}: one page per domain and product"
        );
        for expected in ["assets/catalog.css", "assets/search.js", "assets/search-index.js"] {
            assert!(files.contains_key(Path::new(expected)), "{label}: {expected} is missing");
        }
        let ids: BTreeMap<PathBuf, BTreeSet<String>> = pages
            .iter()
            .map(|(path, text)| ((*path).clone(), attribute_values(text, "id").into_iter().collect()))
            .collect();
        for (path, text) in &pages {
            check_well_formed(text)
                .map_err(|problem| format!("{label}: {} is not well-formed: {problem}", path.display()))?;
            assert!(!text.contains(EVIL), "{label}: {} holds unescaped user text", path.display());
            assert!(
                !text.contains("http://") || text.contains("http://www.w3.org/2000/svg"),
                "{label}: {} links out",
                path.display()
            );
            for link in attribute_values(text, "href").into_iter().chain(attribute_values(text, "src")) {
                if link.starts_with("https://") || link.starts_with("mailto:") {
                    continue;
                }
                assert!(
                    !link.starts_with('/') && !link.contains("://"),
                    "{label}: {} has a non-relative link {link}",
                    path.display()
                );
                let (file, anchor) = link.split_once('#').unwrap_or((link.as_str(), ""));
                let target = if file.is_empty() { (*path).clone() } else { resolve(path, file) };
                assert!(
                    files.contains_key(&target),
                    "{label}: {} links to {link}, which does not exist",
                    path.display()
                );
                if !anchor.is_empty() {
                    let known = ids.get(&target).is_some_and(|ids| ids.contains(anchor));
                    assert!(known, "{label}: {} links to {link}, whose anchor does not exist", path.display());
                }
            }
        }
        if label == "retail" {
            let page = pages
                .get(&PathBuf::from("products/orders.order-management.html"))
                .ok_or("no page for orders.order-management")?;
            assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the evil name is shown as text");
            let index =
                String::from_utf8_lossy(files.get(Path::new("assets/search-index.js")).ok_or("no index")?).into_owned();
            assert!(index.starts_with("// ") && index.contains("window.MESHWRIGHT_INDEX = ["));
            // Contract tables: a property, its classification and a quality rule of orders.order-lines.
            assert!(
                page.contains("order_line_id") && page.contains("class-internal") && page.contains("is unique across")
            );
        }
    }
    Ok(())
}

#[test]
fn a_second_catalog_export_writes_nothing_and_removes_pages_of_deleted_products() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let site = scratch.path().join("site");
    let mut mesh = meshwright::design::load(&example("retail"))?;
    let options = CatalogOptions { today: Some("2026-01-15".to_owned()) };
    write_catalog(&mesh, &site, &options, &|_, _| {})?;
    let again = write_catalog(&mesh, &site, &options, &|_, _| {})?;
    assert!(again.written.is_empty(), "unchanged design rewrote {:?}", again.written);
    mesh.products.remove(&Id::new("orders.order-management")?);
    let after = write_catalog(&mesh, &site, &options, &|_, _| {})?;
    assert_eq!(after.removed, vec![PathBuf::from("products/orders.order-management.html")]);
    Ok(())
}

/// `file` relative to the folder of `page`, normalised.
fn resolve(page: &Path, file: &str) -> PathBuf {
    let mut parts: Vec<String> = page.parent().map_or_else(Vec::new, |parent| {
        parent.components().map(|component| component.as_os_str().to_string_lossy().into_owned()).collect()
    });
    for component in Path::new(file).components() {
        match component {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.iter().collect()
}

/// Every value of an attribute in the text (values are always double-quoted by the templates).
fn attribute_values(text: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&needle) {
        let after = &rest[start + needle.len()..];
        let Some(end) = after.find('"') else { break };
        values.push(after[..end].replace("&amp;", "&"));
        rest = &after[end..];
    }
    values
}

/// Tags balance (void elements and `/>` aside), attribute values are quoted, and no `<` or `&` stands unescaped in
/// text.
fn check_well_formed(text: &str) -> Result<(), String> {
    let body = text.strip_prefix("<!DOCTYPE html>").ok_or("no doctype")?;
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    let mut in_script_or_style = false;
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open])?;
        let after = &rest[open + 1..];
        let close = after.find('>').ok_or("a tag never ends")?;
        let tag = &after[..close];
        rest = &after[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            let top = stack.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if top != name {
                return Err(format!("</{name}> closes <{top}>"));
            }
            in_script_or_style = false;
            continue;
        }
        if in_script_or_style {
            return Err("markup inside a script or style element".to_owned());
        }
        let name: String =
            tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>().to_ascii_lowercase();
        if name.is_empty() {
            return Err(format!("a tag without a name: <{tag}>"));
        }
        check_attributes(tag)?;
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        in_script_or_style = name == "script" || name == "style";
        stack.push(name);
    }
    check_text(rest)?;
    if stack.is_empty() { Ok(()) } else { Err(format!("elements never closed: {stack:?}")) }
}

fn check_text(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let entity = &rest[at..];
        let end = entity.find(';').ok_or_else(|| format!("a bare & in {text:?}"))?;
        let name = &entity[1..end];
        let known = ["amp", "lt", "gt", "quot", "nbsp"].contains(&name)
            || (name.starts_with('#') && name[1..].chars().all(|c| c.is_ascii_digit()))
            || (name.starts_with("#x") && name[2..].chars().all(|c| c.is_ascii_hexdigit()));
        if !known {
            return Err(format!("an unknown entity &{name};"));
        }
        rest = &entity[end..];
    }
    if text.contains('>') {
        return Err(format!("a bare > in {text:?}"));
    }
    Ok(())
}

fn check_attributes(tag: &str) -> Result<(), String> {
    // Outside quoted values there must be no quote, < or &.
    let mut quoted = false;
    for character in tag.chars() {
        match character {
            '"' => quoted = !quoted,
            '<' if !quoted => return Err(format!("a < inside the tag <{tag}>")),
            '\'' if !quoted => return Err(format!("a single-quoted value in <{tag}>")),
            _ => {}
        }
    }
    if quoted { Err(format!("an unterminated value in <{tag}>")) } else { Ok(()) }
}
