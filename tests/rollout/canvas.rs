//! The Data Product Canvas (model facts and stored free text, the A4/A0 print page, escaped), sticky notes and
//! the pilot-exercise template through the session.

use super::design;
use crate::support::{TestResult, run_cli};
use meshwright::canvas::{Paper, html, view};
use meshwright::model::{CanvasBlock, EntityKind, ProductCanvas};
use meshwright::session::{EntityValue, Session};
use serde_json::json;

#[test]
fn the_canvas_fills_blocks_from_the_model_and_keeps_free_text() -> TestResult {
    let mut mesh = design()?;
    let mut canvas = ProductCanvas::empty(meshwright::model::Id::new("sales.orders")?);
    canvas.blocks.insert(CanvasBlock::DataProductDesign, "Events <from> the shop & the till".to_owned());
    mesh.canvases.insert(canvas.product.clone(), canvas);
    let shown = view(&mesh, "sales.orders")?;
    assert_eq!(shown.blocks.len(), 10);
    let block = |which: CanvasBlock| shown.blocks.iter().find(|block| block.block == which).unwrap();
    assert_eq!(block(CanvasBlock::Domain).facts, vec!["Sales (sales)", "Owner team: Team"]);
    assert_eq!(
        block(CanvasBlock::ConsumerAndUseCase).facts,
        vec!["Product billing.invoices (billing.invoices)", "Product sales.revenue (sales.revenue)"]
    );
    assert_eq!(block(CanvasBlock::Observability).facts, vec!["SLA latency: 1d"]);
    assert_eq!(block(CanvasBlock::UbiquitousLanguage).facts, vec!["orders.customer_email: Where the receipt goes"]);
    assert_eq!(
        block(CanvasBlock::Classification).facts,
        vec!["public: 1 field(s): orders.order_id", "restricted: 1 field(s): orders.customer_email"]
    );
    assert_eq!(block(CanvasBlock::DataProductDesign).text.as_deref(), Some("Events <from> the shop & the till"));

    let a4 = html(&mesh, "sales.orders", Paper::A4)?;
    assert!(a4.contains("@page { size: 297mm 210mm;"), "A4 landscape, in millimetres");
    assert!(a4.contains("Events &#60;from&#62; the shop &#38; the till"), "free text is escaped");
    assert!(!a4.contains("<from>"));
    let a0 = html(&mesh, "sales.orders", Paper::A0)?;
    assert!(a0.contains("@page { size: 1189mm 841mm;"), "CSS has no name for A0");
    assert!(a0.contains("width: 1189mm; height: 841mm"));
    assert!(view(&mesh, "nope").is_err());
    Ok(())
}

#[test]
fn the_pilot_exercise_starts_a_design_and_canvas_text_and_notes_are_undoable_edits() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("pilot.mesh");
    let mut session = Session::create_pilot_exercise(&path, "Friday workshop")?;
    let mesh = session.mesh();
    assert_eq!(mesh.settings.name, "Friday workshop");
    assert_eq!((mesh.domains.len(), mesh.products.len(), mesh.canvases.len()), (1, 2, 2));
    assert!(mesh.canvases.values().all(|canvas| canvas.blocks.is_empty()));
    assert_eq!(session.view()?.findings.errors, 0, "the template is a clean start");

    let text = json!({"product": "pilot.use-case-data", "blocks": {"consumerAndUseCase": "Weekly stock review"}});
    session.put(vec![EntityValue { kind: EntityKind::Canvas, id: "pilot.use-case-data".into(), value: text }])?;
    let note = json!({"id": "note-1", "text": "Who owns returns?", "color": "#ffe066", "x": 10.0, "y": 20.0});
    let changed = session.put(vec![EntityValue { kind: EntityKind::Note, id: "note-1".into(), value: note }])?;
    assert_eq!(changed.undo_label.as_deref(), Some("Add note note-1"));
    let block = session.canvas_view("pilot.use-case-data")?.blocks[2].clone();
    assert_eq!(block.text.as_deref(), Some("Weekly stock review"));
    session.undo()?;
    assert!(session.mesh().notes.is_empty());
    drop(session);
    let reopened = Session::open(&path)?;
    assert_eq!(
        reopened.mesh().canvases["pilot.use-case-data"]
            .blocks
            .get(&CanvasBlock::ConsumerAndUseCase)
            .map(String::as_str),
        Some("Weekly stock review")
    );

    // The same from the command line: a pilot design, and its canvas printed.
    let file = scratch.path().join("cli.mesh");
    assert_eq!(run_cli(&["new", file.to_str().unwrap(), "--template", "pilot"]).code, 0);
    let out = scratch.path().join("canvas.html");
    let run = run_cli(&[
        "canvas",
        file.to_str().unwrap(),
        "pilot.source-data",
        "--out",
        out.to_str().unwrap(),
        "--paper",
        "a0",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&out)?.contains("Data Product Canvas · pilot.source-data"));
    Ok(())
}
