//! The desktop studio: the only module that names Tauri. It owns the window and the native menu, turns each IPC
//! command into a [`Session`] call run on a blocking thread (never the main one), emits typed events after every
//! edit, and sends every error to the UI as `{code, message}`.
//!
//! Files are read and written only where the user chose them: the native dialogs are opened here, not by the
//! window, and a command that names a path accepts only one the user picked in a dialog this run, the file the
//! studio was started on, or (to open) a recent file.

use crate::error::{Error, ErrorJson};
use crate::governance::EntityRef;
use crate::session::{
    CheckReport, DesignChanged, DesignView, EntityValue, ExportFormat, ExportProgress, ExportReport, MenuAction,
    NodePosition, PublishRequest, RecentFile, SaveFileOptions, Session, SnapshotSummary, WaveFilter, YamlResult,
    recent,
};
use base64::Engine as _;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, MutexGuard};
use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// Event sent after every edit, undo and redo, with a [`DesignChanged`].
pub const DESIGN_CHANGED: &str = "design-changed";
/// Event sent while an export runs, with an `ExportProgress`.
pub const EXPORT_PROGRESS: &str = "export-progress";
/// Event sent when a native menu item is chosen, with a [`MenuAction`].
pub const MENU_ACTION: &str = "menu-action";

/// The menu item that quits; handled here, not in the window.
const QUIT: &str = "app.quit";

/// The studio's state: the open design (if any), the file it was started on, and where its own files live.
#[derive(Debug, Default)]
struct Studio {
    session: Mutex<Option<Session>>,
    start_file: Mutex<Option<PathBuf>>,
    data_dir: Mutex<Option<PathBuf>>,
    /// The paths the user chose in a native dialog (or on the command line) this run.
    chosen: Mutex<HashSet<PathBuf>>,
}

type Shared = Arc<Studio>;

impl Studio {
    fn session(&self) -> Result<MutexGuard<'_, Option<Session>>, Error> {
        self.session.lock().map_err(|_| Error::Internal("the open-design lock is poisoned".to_owned()))
    }

    fn data_dir(&self) -> Result<PathBuf, Error> {
        let dir = self.data_dir.lock().map_err(|_| Error::Internal("the data-folder lock is poisoned".to_owned()))?;
        dir.clone().ok_or_else(|| Error::Internal("the studio has no data folder".to_owned()))
    }

    fn recent_list(&self) -> Result<PathBuf, Error> {
        Ok(self.data_dir()?.join("recent.json"))
    }

    fn chosen(&self) -> Result<MutexGuard<'_, HashSet<PathBuf>>, Error> {
        self.chosen.lock().map_err(|_| Error::Internal("the chosen-paths lock is poisoned".to_owned()))
    }

    /// Records a path the user chose.
    fn choose(&self, path: &Path) -> Result<(), Error> {
        self.chosen()?.insert(path.to_path_buf());
        Ok(())
    }

    /// Refuses a path the user did not choose: the window cannot make the studio touch other files.
    fn require_chosen(&self, path: &Path) -> Result<(), Error> {
        if self.chosen()?.contains(path) {
            return Ok(());
        }
        Err(Error::Usage(format!(
            "{} was not chosen in a file dialog; choose the file or folder again through the dialog.",
            path.display()
        )))
    }

    /// Like `require_chosen`, and a file of the recent list may be opened again.
    fn require_openable(&self, path: &Path) -> Result<(), Error> {
        let recent = self.recent_list().map(|list| recent::load(&list)).unwrap_or_default();
        if recent.iter().any(|file| Path::new(&file.path) == path) {
            return Ok(());
        }
        self.require_chosen(path)
    }

    /// Writes `bytes` atomically to a path the user chose, if its extension is one of `extensions` (`kinds` says
    /// which files those are, for the error).
    fn write_chosen(&self, path: &Path, extensions: &[&str], kinds: &str, bytes: &[u8]) -> Result<(), Error> {
        self.require_chosen(path)?;
        let extension = path.extension().and_then(|extension| extension.to_str()).unwrap_or_default();
        if !extensions.iter().any(|allowed| allowed.eq_ignore_ascii_case(extension)) {
            return Err(Error::Usage(format!("{} is not {kinds}.", path.display())));
        }
        Ok(crate::mesh_as_code::write_atomically(path, bytes)?)
    }

    /// Runs `action` on the open design, or says that none is open.
    fn with_session<T>(&self, action: impl FnOnce(&mut Session) -> Result<T, Error>) -> Result<T, Error> {
        let mut guard = self.session()?;
        let session = guard.as_mut().ok_or_else(|| {
            Error::Usage("No design is open. Open one from the welcome screen, or create a new design.".to_owned())
        })?;
        action(session)
    }

    /// Makes `session` the open design, records it as recent, and returns its view.
    fn install(&self, session: Session) -> Result<DesignView, Error> {
        let view = session.view()?;
        if let Ok(list) = self.recent_list() {
            // The recent list is a convenience: failing to write it does not stop the design from opening.
            let _ = recent::record(&list, session.path());
        }
        *self.session()? = Some(session);
        Ok(view)
    }
}

/// Runs blocking engine work off the main thread and turns its error into the IPC shape.
async fn blocking<T: Send + 'static>(
    studio: &Shared,
    work: impl FnOnce(&Studio) -> Result<T, Error> + Send + 'static,
) -> Result<T, ErrorJson> {
    let studio = Arc::clone(studio);
    tauri::async_runtime::spawn_blocking(move || work(&studio))
        .await
        .map_err(|error| Error::Internal(format!("a background task failed: {error}")).to_json())?
        .map_err(|error| error.to_json())
}

fn set_title<R: Runtime>(app: &AppHandle<R>, view: &DesignView) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&format!("{} — Meshwright", view.title));
    }
}

fn opened<R: Runtime>(app: &AppHandle<R>, view: DesignView) -> DesignView {
    set_title(app, &view);
    view
}

fn changed<R: Runtime>(app: &AppHandle<R>, change: DesignChanged) -> DesignChanged {
    let _ = app.emit(DESIGN_CHANGED, &change);
    change
}

/// The design the studio was started on (`meshwright open FILE`), opened on first call; `null` for the welcome
/// screen.
#[tauri::command]
async fn design_current<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
) -> Result<Option<DesignView>, ErrorJson> {
    let view = blocking(&state, |studio| {
        if let Some(view) = studio.session()?.as_ref().map(Session::view).transpose()? {
            return Ok(Some(view));
        }
        let start = studio.start_file.lock().map_err(|_| Error::Internal("lock poisoned".to_owned()))?.take();
        match start {
            Some(path) => Ok(Some(studio.install(Session::open(&path)?)?)),
            None => Ok(None),
        }
    })
    .await?;
    Ok(view.map(|view| opened(&app, view)))
}

#[tauri::command]
async fn design_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    path: PathBuf,
) -> Result<DesignView, ErrorJson> {
    let view = blocking(&state, move |studio| {
        studio.require_openable(&path)?;
        studio.install(Session::open(&path)?)
    })
    .await?;
    Ok(opened(&app, view))
}

#[tauri::command]
async fn design_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    path: PathBuf,
    name: String,
) -> Result<DesignView, ErrorJson> {
    let view = blocking(&state, move |studio| {
        studio.require_chosen(&path)?;
        studio.install(Session::create(&with_mesh_extension(path), &name)?)
    })
    .await?;
    Ok(opened(&app, view))
}

#[tauri::command]
async fn design_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    folder: PathBuf,
    path: PathBuf,
) -> Result<DesignView, ErrorJson> {
    let view = blocking(&state, move |studio| {
        studio.require_chosen(&folder)?;
        studio.require_chosen(&path)?;
        studio.install(Session::import(&folder, &with_mesh_extension(path))?)
    })
    .await?;
    Ok(opened(&app, view))
}

/// Opens a bundled example: imported into the studio's data folder the first time, reopened after that (so work
/// done on it is kept).
#[tauri::command]
async fn design_open_example<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    name: String,
) -> Result<DesignView, ErrorJson> {
    let view = blocking(&state, move |studio| {
        if !matches!(name.as_str(), "retail" | "healthcare") {
            return Err(Error::Usage(format!("There is no example `{name}`; the examples are retail and healthcare.")));
        }
        let file = studio.data_dir()?.join("examples").join(format!("{name}.mesh"));
        let session = if file.exists() {
            Session::open(&file)?
        } else {
            let folder = examples_folder()?.join(&name);
            std::fs::create_dir_all(file.parent().unwrap_or(Path::new("."))).map_err(|source| Error::Io {
                action: "create the folder for",
                path: file.clone(),
                source,
            })?;
            Session::import(&folder, &file)?
        };
        studio.install(session)
    })
    .await?;
    Ok(opened(&app, view))
}

#[tauri::command]
async fn design_recent(state: State<'_, Shared>) -> Result<Vec<RecentFile>, ErrorJson> {
    blocking(&state, |studio| Ok(recent::load(&studio.recent_list()?))).await
}

#[tauri::command]
async fn entity_put<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    puts: Vec<EntityValue>,
) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, move |studio| studio.with_session(|session| session.put(puts))).await?;
    Ok(changed(&app, change))
}

#[tauri::command]
async fn entity_remove<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    refs: Vec<EntityRef>,
) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, move |studio| studio.with_session(|session| session.remove(refs))).await?;
    Ok(changed(&app, change))
}

#[tauri::command]
async fn layout_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    positions: Vec<NodePosition>,
) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, move |studio| studio.with_session(|session| session.layout(positions))).await?;
    Ok(changed(&app, change))
}

#[tauri::command]
async fn edit_undo<R: Runtime>(app: AppHandle<R>, state: State<'_, Shared>) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, |studio| studio.with_session(Session::undo)).await?;
    Ok(changed(&app, change))
}

#[tauri::command]
async fn edit_redo<R: Runtime>(app: AppHandle<R>, state: State<'_, Shared>) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, |studio| studio.with_session(Session::redo)).await?;
    Ok(changed(&app, change))
}

#[tauri::command]
async fn governance_check(state: State<'_, Shared>) -> Result<CheckReport, ErrorJson> {
    blocking(&state, |studio| studio.with_session(|session| Ok(session.findings()))).await
}

#[tauri::command]
async fn graph_impact(state: State<'_, Shared>, id: String) -> Result<Vec<String>, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.impact(&id))).await
}

#[tauri::command]
async fn graph_lineage(state: State<'_, Shared>, id: String) -> Result<Vec<String>, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.lineage(&id))).await
}

#[tauri::command]
async fn contract_yaml(state: State<'_, Shared>, id: String) -> Result<String, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.contract_yaml(&id))).await
}

#[tauri::command]
async fn contract_from_yaml<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    id: String,
    yaml: String,
) -> Result<YamlResult, ErrorJson> {
    let result =
        blocking(&state, move |studio| studio.with_session(|session| session.contract_from_yaml(&id, &yaml))).await?;
    if let YamlResult::Applied { changed: change, .. } = &result {
        let _ = app.emit(DESIGN_CHANGED, change);
    }
    Ok(result)
}

#[tauri::command]
async fn export_run<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    format: ExportFormat,
    path: PathBuf,
) -> Result<ExportReport, ErrorJson> {
    blocking(&state, move |studio| {
        studio.require_chosen(&path)?;
        studio.with_session(|session| {
            session.export(format, &path, &|progress| {
                let _ = app.emit(EXPORT_PROGRESS, &progress);
            })
        })
    })
    .await
}

/// Writes a picture of the canvas (PNG or SVG, base64) to the path the user chose in the save dialog.
#[tauri::command]
async fn file_write_bytes(state: State<'_, Shared>, path: PathBuf, base64: String) -> Result<(), ErrorJson> {
    blocking(&state, move |studio| {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(base64.as_bytes())
            .map_err(|error| Error::Usage(format!("The picture of the canvas is not valid base64: {error}.")))?;
        studio.write_chosen(&path, &["png", "svg"], "a picture file: the canvas is saved as .png or .svg", &bytes)
    })
    .await
}

/// `name.mesh` stays; anything else gets `.mesh` added, so designs are recognisable.
fn with_mesh_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|extension| extension == "mesh") { path } else { path.with_extension("mesh") }
}

/// Where the bundled examples are: beside the installed binary (`examples/`), else in the source tree.
fn examples_folder() -> Result<PathBuf, Error> {
    let beside_binary = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join("examples")));
    let source_tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    [beside_binary, Some(source_tree)]
        .into_iter()
        .flatten()
        .find(|folder| folder.join("retail").is_dir())
        .ok_or_else(|| Error::Usage("The bundled examples are not installed next to meshwright.".to_owned()))
}

/// Starts a pilot exercise: a new design from the workshop template, where the user chose to save it.
#[tauri::command]
async fn design_create_pilot<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    path: PathBuf,
    name: String,
) -> Result<DesignView, ErrorJson> {
    let view = blocking(&state, move |studio| {
        studio.require_chosen(&path)?;
        studio.install(Session::create_pilot_exercise(&with_mesh_extension(path), &name)?)
    })
    .await?;
    Ok(opened(&app, view))
}

/// Writes text the window made (a plan as Markdown, CSV or JSON; a printable canvas page) where the user chose.
#[tauri::command]
async fn file_write_text(state: State<'_, Shared>, path: PathBuf, text: String) -> Result<(), ErrorJson> {
    blocking(&state, move |studio| {
        let kinds = "a text file the studio writes: choose a .md, .csv, .json, .html or .txt name";
        studio.write_chosen(&path, &["md", "csv", "json", "html", "txt"], kinds, text.as_bytes())
    })
    .await
}

#[tauri::command]
async fn plan_questions() -> Result<Vec<crate::plan::Question>, ErrorJson> {
    Ok(Session::rollout_questions())
}

#[tauri::command]
async fn plan_get(state: State<'_, Shared>, capacity: Option<u32>) -> Result<crate::plan::RolloutPlan, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| Ok(session.rollout_plan(capacity)))).await
}

#[tauri::command]
async fn plan_apply_proposal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    capacity: Option<u32>,
    weeks_per_wave: Option<u32>,
) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, move |studio| {
        studio.with_session(|session| session.rollout_apply_proposal(capacity, weeks_per_wave))
    })
    .await?;
    Ok(changed(&app, change))
}

#[tauri::command]
async fn plan_as_of_wave(state: State<'_, Shared>, wave: u32) -> Result<WaveFilter, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| Ok(session.rollout_as_of_wave(wave)))).await
}

#[tauri::command]
async fn plan_export(
    state: State<'_, Shared>,
    format: crate::plan::PlanFormat,
    capacity: Option<u32>,
) -> Result<String, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| Ok(session.rollout_export(format, capacity)))).await
}

#[tauri::command]
async fn metrics_get(state: State<'_, Shared>) -> Result<crate::metrics::Metrics, ErrorJson> {
    blocking(&state, |studio| studio.with_session(|session| Ok(session.metrics()))).await
}

#[tauri::command]
async fn canvas_view(state: State<'_, Shared>, product: String) -> Result<crate::canvas::CanvasView, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.canvas_view(&product))).await
}

#[tauri::command]
async fn canvas_html(
    state: State<'_, Shared>,
    product: String,
    paper: crate::canvas::Paper,
) -> Result<String, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.canvas_html(&product, paper))).await
}

#[tauri::command]
async fn snapshot_list(state: State<'_, Shared>) -> Result<Vec<SnapshotSummary>, ErrorJson> {
    blocking(&state, |studio| studio.with_session(|session| session.snapshot_list())).await
}

#[tauri::command]
async fn snapshot_create(state: State<'_, Shared>, name: String) -> Result<SnapshotSummary, ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.snapshot_create(&name))).await
}

#[tauri::command]
async fn snapshot_delete(state: State<'_, Shared>, name: String) -> Result<(), ErrorJson> {
    blocking(&state, move |studio| studio.with_session(|session| session.snapshot_delete(&name))).await
}

#[tauri::command]
async fn snapshot_compare(
    state: State<'_, Shared>,
    from: Option<String>,
    to: Option<String>,
) -> Result<crate::design_diff::DesignDiff, ErrorJson> {
    blocking(&state, move |studio| {
        studio.with_session(|session| session.snapshot_compare(from.as_deref(), to.as_deref()))
    })
    .await
}

#[tauri::command]
async fn snapshot_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    name: String,
) -> Result<DesignChanged, ErrorJson> {
    let change = blocking(&state, move |studio| studio.with_session(|session| session.snapshot_restore(&name))).await?;
    Ok(changed(&app, change))
}

/// Publishes the design into the git working tree the user chose, with each step as `export-progress`.
#[tauri::command]
async fn publish_run<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    request: PublishRequest,
) -> Result<crate::publish::PublishReport, ErrorJson> {
    blocking(&state, move |studio| {
        studio.require_chosen(Path::new(&request.repo))?;
        let steps = std::sync::atomic::AtomicUsize::new(0);
        studio.with_session(|session| {
            session.publish(request, &|phase| {
                let done = steps.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let _ = app.emit(EXPORT_PROGRESS, &ExportProgress { done, total: 5, phase: phase.to_owned() });
            })
        })
    })
    .await
}

/// Workshop mode: the window fills the screen, or stops filling it.
#[tauri::command]
async fn window_set_fullscreen<R: Runtime>(app: AppHandle<R>, on: bool) -> Result<(), ErrorJson> {
    let window = app
        .get_webview_window("main")
        .ok_or_else(|| Error::Internal("the studio window is gone".to_owned()).to_json())?;
    window.set_fullscreen(on).map_err(|error| Error::Internal(format!("cannot change full screen: {error}")).to_json())
}

/// Shows a native dialog on a blocking thread and records what the user chose.
async fn dialog<R: Runtime>(
    app: AppHandle<R>,
    state: &Shared,
    show: impl FnOnce(tauri_plugin_dialog::FileDialogBuilder<R>) -> Option<tauri_plugin_dialog::FilePath> + Send + 'static,
) -> Result<Option<String>, ErrorJson> {
    // Start beside the open design, else in the home folder (not GTK's "Recent", where a typed path is not taken).
    let start = state
        .session()
        .ok()
        .and_then(|session| session.as_ref().and_then(|session| session.path().parent().map(Path::to_path_buf)))
        .filter(|folder| folder.is_dir())
        .or_else(|| app.path().home_dir().ok());
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let file = app.dialog().file();
        show(match start {
            Some(folder) => file.set_directory(folder),
            None => file,
        })
    })
    .await
    .map_err(|error| Error::Internal(format!("the file dialog failed: {error}")).to_json())?;
    let Some(path) = picked.and_then(|picked| picked.into_path().ok()) else { return Ok(None) };
    state.choose(&path).map_err(|error| error.to_json())?;
    Ok(Some(path.display().to_string()))
}

/// The native open dialog for a design; `null` when cancelled.
#[tauri::command]
async fn dialog_open_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
) -> Result<Option<String>, ErrorJson> {
    dialog(app, &state, |file| {
        file.set_title("Open a design").add_filter("Meshwright design", &["mesh"]).blocking_pick_file()
    })
    .await
}

/// The native save dialog; `null` when cancelled.
#[tauri::command]
async fn dialog_save_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
    options: SaveFileOptions,
) -> Result<Option<String>, ErrorJson> {
    dialog(app, &state, move |mut file| {
        if let Some(title) = &options.title {
            file = file.set_title(title);
        }
        if let Some(name) = &options.default_name {
            file = file.set_file_name(name);
        }
        if !options.extensions.is_empty() {
            let extensions: Vec<&str> = options.extensions.iter().map(String::as_str).collect();
            file = file.add_filter(options.title.as_deref().unwrap_or("File"), &extensions);
        }
        file.blocking_save_file()
    })
    .await
}

/// The native folder dialog; `null` when cancelled.
#[tauri::command]
async fn dialog_pick_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Shared>,
) -> Result<Option<String>, ErrorJson> {
    dialog(app, &state, |file| file.set_title("Choose a folder").blocking_pick_folder()).await
}

/// The native menu: every item sends its UI action id to the window (`menu-action`), where the one action
/// registry runs it. Text-editing keys (Ctrl+Z in a field) stay with the focused field, so items carry no
/// accelerators that would steal them.
fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str| MenuItemBuilder::with_id(id, label).build(app);
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("design.new", "New design…")?)
        .item(&item("design.open", "Open…")?)
        .item(&item("design.import", "Import folder…")?)
        .item(&item("design.pilot", "New pilot exercise…")?)
        .separator()
        .item(&item("design.example.retail", "Open example: retail")?)
        .item(&item("design.example.healthcare", "Open example: healthcare")?)
        .separator()
        .item(&item("design.snapshots", "Snapshots…")?)
        .item(&item("design.export", "Export…")?)
        .item(&item("design.publish", "Publish to repository…")?)
        .separator()
        .item(&item(QUIT, "Quit")?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("edit.undo", "Undo")?)
        .item(&item("edit.redo", "Redo")?)
        .separator()
        .item(&item("edit.copy", "Copy")?)
        .item(&item("edit.paste", "Paste")?)
        .item(&item("edit.delete", "Delete")?)
        .item(&item("edit.selectAll", "Select all")?)
        .separator()
        .item(&item("add.domain", "Add domain")?)
        .item(&item("add.product", "Add data product")?)
        .item(&item("add.sourceSystem", "Add source system")?)
        .item(&item("add.consumer", "Add consumer")?)
        .item(&item("add.team", "Add team")?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item("view.canvas", "Mesh")?)
        .item(&item("view.plan", "Rollout plan")?)
        .item(&item("view.metrics", "Metrics")?)
        .item(&item("view.productCanvas", "Data Product Canvas")?)
        .item(&item("view.allWaves", "Show every wave")?)
        .separator()
        .item(&item("view.fit", "Fit view")?)
        .item(&item("view.zoomIn", "Zoom in")?)
        .item(&item("view.zoomOut", "Zoom out")?)
        .item(&item("view.autoLayout", "Auto layout")?)
        .separator()
        .item(&item("view.collapseAll", "Collapse all domains")?)
        .item(&item("view.expandAll", "Expand all domains")?)
        .item(&item("view.impact", "Impact mode")?)
        .item(&item("view.lineage", "Lineage mode")?)
        .separator()
        .item(&item("governance.check", "Check governance")?)
        .item(&item("view.workshop", "Workshop mode")?)
        .item(&item("view.theme", "Toggle dark mode")?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item("app.palette", "Command palette… (Ctrl+K)")?)
        .item(&item("app.shortcuts", "Keyboard shortcuts (?)")?)
        .build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &view, &help]).build()
}

/// Opens the studio window, on `file` when given (the welcome screen otherwise); returns when it closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let title = match &file {
        Some(path) => format!(
            "{} — Meshwright",
            path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
        ),
        None => "Meshwright".to_owned(),
    };
    let chosen: HashSet<PathBuf> = file.iter().cloned().collect();
    let studio: Shared =
        Arc::new(Studio { start_file: Mutex::new(file), chosen: Mutex::new(chosen), ..Studio::default() });
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Arc::clone(&studio))
        .invoke_handler(tauri::generate_handler![
            design_current,
            design_open,
            design_create,
            design_import,
            design_open_example,
            design_recent,
            entity_put,
            entity_remove,
            layout_save,
            edit_undo,
            edit_redo,
            governance_check,
            graph_impact,
            graph_lineage,
            contract_yaml,
            contract_from_yaml,
            export_run,
            file_write_bytes,
            dialog_open_file,
            dialog_save_file,
            dialog_pick_folder,
            design_create_pilot,
            file_write_text,
            plan_questions,
            plan_get,
            plan_apply_proposal,
            plan_as_of_wave,
            plan_export,
            metrics_get,
            canvas_view,
            canvas_html,
            snapshot_list,
            snapshot_create,
            snapshot_delete,
            snapshot_compare,
            snapshot_restore,
            publish_run,
            window_set_fullscreen,
        ])
        .menu(menu)
        .on_menu_event(|app, event| {
            if event.id().0 == QUIT {
                app.exit(0);
            } else {
                let _ = app.emit(MENU_ACTION, MenuAction { action: event.id().0.clone() });
            }
        })
        .setup(move |app| {
            let data_dir = app.path().app_data_dir()?;
            if let Ok(mut slot) = studio.data_dir.lock() {
                *slot = Some(data_dir);
            }
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::App("index.html".into()))
                .title(&title)
                .inner_size(1440.0, 900.0)
                .min_inner_size(800.0, 520.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot start the studio: {error}");
            ExitCode::from(crate::cli::EXIT_UNUSABLE)
        }
    }
}
