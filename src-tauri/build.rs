//! Build script: only the desktop build needs Tauri's code generation (context, capabilities, icons).

fn main() {
    #[cfg(feature = "desktop")]
    tauri_build::build();
}
