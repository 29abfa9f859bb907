//! The studio's list of recently opened designs: a small JSON file in the app's data folder, newest first.

use super::transport::RecentFile;
use crate::error::Error;
use std::path::Path;

/// How many designs the welcome screen lists.
pub const RECENT_LIMIT: usize = 10;

/// Reads the list; a missing or unreadable list is an empty one (it is a convenience, not a document).
pub fn load(list: &Path) -> Vec<RecentFile> {
    std::fs::read_to_string(list)
        .ok()
        .and_then(|text| serde_json::from_str::<Vec<RecentFile>>(&text).ok())
        .map(|files| files.into_iter().filter(|file| Path::new(&file.path).exists()).collect())
        .unwrap_or_default()
}

/// Puts `opened` at the top of the list and writes the list (atomically); returns the new list.
pub fn record(list: &Path, opened: &Path) -> Result<Vec<RecentFile>, Error> {
    let path = std::fs::canonicalize(opened).unwrap_or_else(|_| opened.to_path_buf());
    let path_text = path.display().to_string();
    let mut files = load(list);
    files.retain(|file| file.path != path_text);
    let name = path.file_name().map_or_else(|| path_text.clone(), |name| name.to_string_lossy().into_owned());
    files.insert(0, RecentFile { path: path_text, name, opened_at: now_utc() });
    files.truncate(RECENT_LIMIT);
    let text = serde_json::to_string_pretty(&files)
        .map_err(|error| Error::Internal(format!("cannot write the recent-files list: {error}")))?;
    if let Some(folder) = list.parent() {
        std::fs::create_dir_all(folder).map_err(|source| Error::Io {
            action: "create the folder",
            path: folder.to_path_buf(),
            source,
        })?;
    }
    crate::mesh_as_code::write_atomically(list, text.as_bytes())?;
    Ok(files)
}

/// The current time in UTC as `YYYY-MM-DDThh:mm:ssZ`.
fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(0));
    let (year, month, day) = crate::governance::civil_from_days(seconds.div_euclid(86_400));
    let time = seconds.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", time / 3600, time % 3600 / 60, time % 60)
}
