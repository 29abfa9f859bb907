//! Fuzzes the mesh-as-code reader through `mesh.yaml`: any bytes must give a design or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One scratch folder per fuzzing process, holding the `mesh.yaml` under test.
fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder = std::env::temp_dir().join(format!("meshwright-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&folder);
        folder
    })
}

fuzz_target!(|data: &[u8]| {
    let folder = folder();
    if std::fs::write(folder.join("mesh.yaml"), data).is_err() {
        return;
    }
    let _ = meshwright::mesh_as_code::read_folder(folder);
});
