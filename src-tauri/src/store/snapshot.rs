//! Snapshots: named, frozen copies of the design kept inside the same file. Each is a whole SQLite database made
//! with the backup API (journal and other snapshots left out) and stored serialized, so a snapshot reads back
//! with the same code as the document itself.

use super::error::{Result, StoreError};
use super::{Store, read_mesh};
use crate::model::Mesh;
use rusqlite::{Connection, OptionalExtension, backup::Backup};
use std::time::Duration;

/// A snapshot's name, when it was taken and how many entities it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotInfo {
    pub name: String,
    pub created_at: String,
    pub entities: i64,
}

impl Store {
    /// Freezes the current design under `name`.
    pub fn snapshot_create(&mut self, name: &str) -> Result<SnapshotInfo> {
        let path = self.path.clone();
        let sqlite_error = |source| StoreError::sqlite("take a snapshot of", &path, source);
        let exists: Option<i64> = self
            .connection
            .query_row("SELECT 1 FROM snapshot WHERE name = ?1", [name], |row| row.get(0))
            .optional()
            .map_err(sqlite_error)?;
        if exists.is_some() {
            return Err(StoreError::SnapshotExists { path, name: name.to_owned() });
        }
        let mut copy = Connection::open_in_memory().map_err(sqlite_error)?;
        {
            let backup = Backup::new(&self.connection, &mut copy).map_err(sqlite_error)?;
            backup.run_to_completion(1024, Duration::from_millis(5), None).map_err(sqlite_error)?;
        }
        copy.execute_batch("DELETE FROM edit_change; DELETE FROM edit; DELETE FROM snapshot; VACUUM;")
            .map_err(sqlite_error)?;
        let entities: i64 =
            copy.query_row("SELECT count(*) FROM entity", [], |row| row.get(0)).map_err(sqlite_error)?;
        let image = copy.serialize(rusqlite::MAIN_DB).map_err(sqlite_error)?;
        self.connection
            .execute("INSERT INTO snapshot (name, entities, image) VALUES (?1, ?2, ?3)", (name, entities, &image[..]))
            .map_err(sqlite_error)?;
        drop(image);
        self.snapshots()?
            .into_iter()
            .find(|snapshot| snapshot.name == name)
            .ok_or_else(|| StoreError::SnapshotNotFound { path: self.path.clone(), name: name.to_owned() })
    }

    /// Every snapshot, oldest first.
    pub fn snapshots(&self) -> Result<Vec<SnapshotInfo>> {
        self.connection
            .prepare("SELECT name, created_at, entities FROM snapshot ORDER BY created_at, name")
            .and_then(|mut statement| {
                statement
                    .query_map([], |row| {
                        Ok(SnapshotInfo { name: row.get(0)?, created_at: row.get(1)?, entities: row.get(2)? })
                    })?
                    .collect()
            })
            .map_err(|source| StoreError::sqlite("list the snapshots of", &self.path, source))
    }

    /// Deletes a snapshot.
    pub fn snapshot_delete(&mut self, name: &str) -> Result<()> {
        let deleted = self
            .connection
            .execute("DELETE FROM snapshot WHERE name = ?1", [name])
            .map_err(|source| StoreError::sqlite("delete a snapshot of", &self.path, source))?;
        if deleted == 0 {
            return Err(StoreError::SnapshotNotFound { path: self.path.clone(), name: name.to_owned() });
        }
        Ok(())
    }

    /// Reads the design as it was when the snapshot was taken.
    pub fn snapshot_load(&self, name: &str) -> Result<Mesh> {
        let sqlite_error = |source| StoreError::sqlite("read a snapshot of", &self.path, source);
        let image: Vec<u8> = self
            .connection
            .query_row("SELECT image FROM snapshot WHERE name = ?1", [name], |row| row.get(0))
            .optional()
            .map_err(sqlite_error)?
            .ok_or_else(|| StoreError::SnapshotNotFound { path: self.path.clone(), name: name.to_owned() })?;
        let mut copy = Connection::open_in_memory().map_err(sqlite_error)?;
        copy.deserialize_read_exact(rusqlite::MAIN_DB, image.as_slice(), image.len(), true).map_err(sqlite_error)?;
        read_mesh(&copy, &self.path)
    }
}
