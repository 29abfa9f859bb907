//! Build script: only the desktop build needs Tauri's code generation (context, capabilities, icons). The app's
//! commands are listed so that Tauri generates one `allow-<command>` permission each; the capability grants them.

/// Every IPC command of the studio (`src/desktop/mod.rs`).
#[cfg(feature = "desktop")]
const COMMANDS: &[&str] = &[
    "design_current",
    "design_open",
    "design_create",
    "design_import",
    "design_open_example",
    "design_recent",
    "entity_put",
    "entity_remove",
    "layout_save",
    "edit_undo",
    "edit_redo",
    "governance_check",
    "graph_impact",
    "graph_lineage",
    "contract_yaml",
    "contract_from_yaml",
    "export_run",
    "file_write_bytes",
    "dialog_open_file",
    "dialog_save_file",
    "dialog_pick_folder",
    "design_create_pilot",
    "file_write_text",
    "plan_questions",
    "plan_get",
    "plan_apply_proposal",
    "plan_as_of_wave",
    "plan_export",
    "metrics_get",
    "canvas_view",
    "canvas_html",
    "snapshot_list",
    "snapshot_create",
    "snapshot_delete",
    "snapshot_compare",
    "snapshot_restore",
    "publish_run",
    "window_set_fullscreen",
];

fn main() {
    #[cfg(feature = "desktop")]
    {
        let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
        if let Err(error) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
            println!("cargo::error=cannot generate the Tauri context: {error:#}");
        }
    }
}
