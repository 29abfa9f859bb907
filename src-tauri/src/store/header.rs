//! Reads the 100-byte SQLite header of a file before SQLite touches it, so that a file that is not ours, is
//! truncated, or comes from a newer build is refused with the file left byte-identical.

use super::APPLICATION_ID;
use super::error::{Result, StoreError};
use super::migrations::SCHEMA_VERSION;
use std::io::Read;
use std::path::Path;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a file that is not a Meshwright design this build can open, reading only its header.
pub(super) fn check_header(path: &Path) -> Result<()> {
    let io_error = |source| StoreError::Io { action: "open", path: path.to_path_buf(), source };
    let mut file = std::fs::File::open(path).map_err(|source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::NotFound {
            StoreError::NotFound { path: path.to_path_buf() }
        } else {
            io_error(source)
        }
    })?;
    let actual_size = file.metadata().map_err(io_error)?.len();
    let mut header = [0_u8; 100];
    let mut filled = 0;
    while filled < header.len() {
        match file.read(&mut header[filled..]).map_err(io_error)? {
            0 => break,
            read => filled += read,
        }
    }
    if filled < MAGIC.len() || &header[..MAGIC.len()] != MAGIC {
        return Err(StoreError::NotSqlite { path: path.to_path_buf() });
    }
    if filled < header.len() {
        return Err(StoreError::Truncated { path: path.to_path_buf(), expected: 100, actual: actual_size });
    }
    let word = |offset: usize| {
        u32::from_be_bytes([header[offset], header[offset + 1], header[offset + 2], header[offset + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536_u64,
        size => u64::from(size),
    };
    // The in-header page count is valid only when "version-valid-for" matches the change counter.
    let page_count = u64::from(word(28));
    if word(92) == word(24) && page_count > 0 {
        let expected = page_count * page_size;
        if actual_size < expected {
            return Err(StoreError::Truncated { path: path.to_path_buf(), expected, actual: actual_size });
        }
    }
    let application_id = word(68);
    if application_id != APPLICATION_ID {
        return Err(StoreError::Foreign { path: path.to_path_buf(), application_id });
    }
    let version = word(60);
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    Ok(())
}
