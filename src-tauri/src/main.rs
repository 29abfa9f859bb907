//! The `meshwright` binary: the command line, and with the `desktop` feature the studio window.

use meshwright::cli::{self, Outcome};
use std::process::ExitCode;

/// mimalloc rather than glibc's malloc: a governance check or an open of a large design makes millions of small
/// allocations, and glibc spent a third of a full check in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let color = std::io::IsTerminal::is_terminal(&stderr);
    match cli::run_with_color(std::env::args_os(), &mut stdout, &mut stderr, color) {
        Outcome::Exit(code) => ExitCode::from(code),
        Outcome::OpenStudio(file) => open_studio(file),
    }
}

#[cfg(feature = "desktop")]
fn open_studio(file: Option<std::path::PathBuf>) -> ExitCode {
    meshwright::desktop::run(file)
}

#[cfg(not(feature = "desktop"))]
fn open_studio(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "error: this build of meshwright has no studio (built without the `desktop` feature); run `meshwright --help` for the command line"
    );
    ExitCode::from(cli::EXIT_UNUSABLE)
}
