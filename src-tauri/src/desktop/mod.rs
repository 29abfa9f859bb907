//! The desktop studio: the only module that names Tauri. It owns the window, turns IPC calls into engine calls
//! run off the main thread, and sends errors to the UI as `{code, message}`.

use crate::error::{Error, ErrorJson};
use crate::model::Mesh;
use crate::store::Store;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

/// The design the window shows: the path of its `.mesh` file, if one is open.
#[derive(Debug, Default)]
struct OpenDesign {
    path: Mutex<Option<PathBuf>>,
}

/// What `mesh_show` returns: the headline numbers of the open design.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshSummaryJson {
    pub name: String,
    pub path: Option<String>,
    pub domains: usize,
    pub teams: usize,
    pub products: usize,
    pub contracts: usize,
    pub source_systems: usize,
    pub consumers: usize,
    pub dependencies: usize,
    pub domain_names: Vec<String>,
}

impl MeshSummaryJson {
    fn new(mesh: &Mesh, path: Option<String>) -> Self {
        let summary = crate::summary::summarize(mesh);
        Self {
            name: summary.name,
            path,
            domains: summary.domains,
            teams: summary.teams,
            products: summary.products,
            contracts: summary.contracts,
            source_systems: summary.source_systems,
            consumers: summary.consumers,
            dependencies: summary.dependencies,
            domain_names: summary.by_domain.into_iter().map(|domain| domain.name).collect(),
        }
    }
}

/// Summarizes the open design; the store is read on a blocking thread, never on the main one.
#[tauri::command]
async fn mesh_show(state: tauri::State<'_, OpenDesign>) -> Result<MeshSummaryJson, ErrorJson> {
    let path = state.path.lock().map_err(|_| internal("the open-design lock is poisoned"))?.clone();
    let Some(path) = path else {
        return Err(ErrorJson {
            code: crate::error::ErrorCode::NotFound,
            message: "No design is open. Start the studio with `meshwright open FILE.mesh`.".to_owned(),
        });
    };
    tauri::async_runtime::spawn_blocking(move || {
        let store = Store::open(&path).map_err(Error::from)?;
        let mesh = store.load().map_err(Error::from)?;
        Ok::<_, Error>(MeshSummaryJson::new(&mesh, Some(path.display().to_string())))
    })
    .await
    .map_err(|error| internal(&error.to_string()))?
    .map_err(|error| error.to_json())
}

fn internal(message: &str) -> ErrorJson {
    Error::Internal(message.to_owned()).to_json()
}

/// Opens the studio window, on `file` when given; returns when the window closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let title = match &file {
        Some(path) => format!(
            "{} — Meshwright",
            path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
        ),
        None => "Meshwright".to_owned(),
    };
    let result = tauri::Builder::default()
        .manage(OpenDesign { path: Mutex::new(file) })
        .invoke_handler(tauri::generate_handler![mesh_show])
        .setup(move |app| {
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::App("index.html".into()))
                .title(&title)
                .inner_size(1280.0, 800.0)
                .min_inner_size(720.0, 480.0)
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
