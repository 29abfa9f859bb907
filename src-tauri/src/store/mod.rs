//! The `.mesh` document: one SQLite file per design. The only module that names `rusqlite`.
//!
//! The file is marked as ours with `PRAGMA application_id`, versioned with `PRAGMA user_version` and embedded
//! forward-only migrations, runs in WAL mode with foreign keys on, and keeps an edit journal so that undo and redo
//! survive a restart. Every user edit is one transaction; a file is created whole under a temporary name and then
//! renamed into place, so no reader ever sees a half-written design.

mod error;
mod header;
mod journal;
mod migrations;
mod snapshot;

pub use error::{Result, StoreError};
pub use journal::{AppliedEdit, ChangedEntity, EditTransaction, History};
pub use migrations::SCHEMA_VERSION;
pub use snapshot::SnapshotInfo;

use crate::model::{Entity, EntityKind, Mesh};
use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of every Meshwright design: "MESH" in ASCII.
pub const APPLICATION_ID: u32 = 0x4D45_5348;

/// How long a write waits for another process's transaction before reporting the file as in use.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

/// An open design document.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl Store {
    /// Creates a new document at `path` holding `mesh`. The file appears whole or not at all. With `replace`
    /// an existing design at `path` is replaced; without it an existing file is an error.
    pub fn create(path: &Path, mesh: &Mesh, replace: bool) -> Result<Self> {
        if !replace && path.exists() {
            return Err(StoreError::AlreadyExists { path: path.to_path_buf() });
        }
        if replace && wal_path(path).exists() {
            // A write-ahead log beside the old file would be replayed into the new one.
            return Err(StoreError::InUse { path: path.to_path_buf() });
        }
        let io_error = |source| StoreError::Io { action: "create", path: path.to_path_buf(), source };
        let directory = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temporary = tempfile::Builder::new()
            .prefix(".meshwright-")
            .suffix(".mesh.tmp")
            .tempfile_in(&directory)
            .map_err(io_error)?
            .into_temp_path();
        {
            let sqlite_error = |source| StoreError::sqlite("create", path, source);
            let mut connection = Connection::open(&temporary).map_err(sqlite_error)?;
            connection.pragma_update(None, "application_id", APPLICATION_ID).map_err(sqlite_error)?;
            connection.pragma_update(None, "foreign_keys", true).map_err(sqlite_error)?;
            migrate(&mut connection, path)?;
            let transaction = connection.transaction().map_err(sqlite_error)?;
            {
                let mut insert = transaction
                    .prepare("INSERT INTO entity (kind, key, body) VALUES (?1, ?2, ?3)")
                    .map_err(sqlite_error)?;
                for entity in mesh.entities() {
                    let body = encode(path, &entity)?;
                    insert.execute((entity.kind().as_str(), entity.key(), body)).map_err(sqlite_error)?;
                }
            }
            transaction.commit().map_err(sqlite_error)?;
            connection.close().map_err(|(_, source)| sqlite_error(source))?;
        }
        if replace {
            temporary.persist(path).map_err(|error| io_error(error.error))?;
        } else {
            temporary.persist_noclobber(path).map_err(|error| {
                if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                    StoreError::AlreadyExists { path: path.to_path_buf() }
                } else {
                    io_error(error.error)
                }
            })?;
        }
        Self::open(path)
    }

    /// Opens an existing document, refusing (and leaving untouched) anything that is not a design this build can
    /// read: not SQLite, another application's database, truncated, corrupt, or from a newer Meshwright.
    pub fn open(path: &Path) -> Result<Self> {
        header::check_header(path)?;
        let sqlite_error = |source| StoreError::sqlite("open", path, source);
        // Look before writing anything: a damaged file must stay byte-identical.
        {
            let reader = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sqlite_error)?;
            let tables: Vec<String> = reader
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
                .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
                .map_err(sqlite_error)?;
            let version: u32 =
                reader.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(sqlite_error)?;
            if version >= 1 && !tables.iter().any(|table| table == "entity") {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: "the entity table is missing".to_owned(),
                });
            }
        }
        let mut connection =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(sqlite_error)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(sqlite_error)?;
        connection.pragma_update(None, "foreign_keys", true).map_err(sqlite_error)?;
        let mode: String =
            connection.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0)).map_err(sqlite_error)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::InUse { path: path.to_path_buf() });
        }
        // FULL makes every committed edit durable across a power loss, not only a crash; an edit is small.
        connection.pragma_update(None, "synchronous", "FULL").map_err(sqlite_error)?;
        migrate(&mut connection, path)?;
        Ok(Self { connection, path: path.to_path_buf() })
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the whole design into memory.
    pub fn load(&self) -> Result<Mesh> {
        read_mesh(&self.connection, &self.path)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        self.connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|source| StoreError::sqlite("read", &self.path, source))
    }

    /// Runs SQLite's full integrity check; an empty list means the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let problems: Vec<String> = self
            .connection
            .prepare("PRAGMA integrity_check")
            .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
            .map_err(|source| StoreError::sqlite("check", &self.path, source))?;
        Ok(problems.into_iter().filter(|line| line != "ok").collect())
    }

    /// Copies the design, journal and snapshots included, to `target` through SQLite's backup API ("Save as").
    /// The copy appears whole or not at all.
    pub fn save_as(&self, target: &Path, replace: bool) -> Result<()> {
        if !replace && target.exists() {
            return Err(StoreError::AlreadyExists { path: target.to_path_buf() });
        }
        let io_error = |source| StoreError::Io { action: "save to", path: target.to_path_buf(), source };
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temporary = tempfile::Builder::new()
            .prefix(".meshwright-")
            .suffix(".mesh.tmp")
            .tempfile_in(&directory)
            .map_err(io_error)?
            .into_temp_path();
        self.connection
            .backup(rusqlite::MAIN_DB, &temporary, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|source| StoreError::sqlite("save to", target, source))?;
        {
            // The copy is a standalone file: no write-ahead log travels with it.
            let copy = Connection::open(&temporary).map_err(|source| StoreError::sqlite("save to", target, source))?;
            copy.pragma_update(None, "journal_mode", "delete")
                .map_err(|source| StoreError::sqlite("save to", target, source))?;
        }
        if replace {
            temporary.persist(target).map_err(|error| io_error(error.error))?;
        } else {
            temporary.persist_noclobber(target).map_err(|error| io_error(error.error))?;
        }
        Ok(())
    }
}

/// The write-ahead log SQLite keeps beside a WAL-mode file.
fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Applies the migrations the file has not seen yet, each in its own transaction.
fn migrate(connection: &mut Connection, path: &Path) -> Result<()> {
    let sqlite_error = |source| StoreError::sqlite("migrate", path, source);
    let version: u32 = connection.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(sqlite_error)?;
    for (index, sql) in migrations::MIGRATIONS.iter().enumerate().skip(version as usize) {
        let transaction = connection.transaction().map_err(sqlite_error)?;
        transaction.execute_batch(sql).map_err(sqlite_error)?;
        transaction
            .pragma_update(None, "user_version", u32::try_from(index + 1).unwrap_or(u32::MAX))
            .map_err(sqlite_error)?;
        transaction.commit().map_err(sqlite_error)?;
    }
    Ok(())
}

fn encode(path: &Path, entity: &Entity) -> Result<String> {
    entity.to_json().map_err(|source| StoreError::Encode {
        path: path.to_path_buf(),
        kind: entity.kind().as_str(),
        key: entity.key().to_owned(),
        source,
    })
}

fn decode(path: &Path, kind: &str, key: &str, body: &str) -> Result<Entity> {
    let kind = EntityKind::parse(kind).ok_or_else(|| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: format!("unknown entity kind `{kind}`"),
    })?;
    Entity::from_json(kind, key, body).map_err(|source| StoreError::Decode { path: path.to_path_buf(), source })
}

/// How many rows travel from the reading thread to the decoding one at a time.
const DECODE_CHUNK: usize = 1024;

/// Reads every entity of a connection's `entity` table into a design. SQLite reads the rows on this thread in
/// chunks while another thread decodes the JSON bodies, most of the work, on every core (rayon). At most a few
/// chunks of raw bodies are alive at once, so peak memory is the decoded design plus a bounded buffer.
fn read_mesh(connection: &Connection, path: &Path) -> Result<Mesh> {
    let sqlite_error = |source| StoreError::sqlite("read", path, source);
    let mut statement = connection.prepare("SELECT kind, key, body FROM entity").map_err(sqlite_error)?;
    let mut rows = statement.query([]).map_err(sqlite_error)?;
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<(String, String, String)>>(2);
        let decoder = scope.spawn(move || -> Result<Mesh> {
            let mut mesh = Mesh::default();
            for chunk in receiver {
                let decoded: Vec<Result<Entity>> =
                    chunk.par_iter().map(|(kind, key, body)| decode(path, kind, key, body)).collect();
                drop(chunk);
                for entity in decoded {
                    mesh.put(entity?);
                }
            }
            Ok(mesh)
        });
        let mut chunk = Vec::with_capacity(DECODE_CHUNK);
        let mut read_error = None;
        loop {
            match rows.next() {
                Ok(Some(row)) => match (row.get(0), row.get(1), row.get(2)) {
                    (Ok(kind), Ok(key), Ok(body)) => chunk.push((kind, key, body)),
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                        read_error = Some(error);
                        break;
                    }
                },
                Ok(None) => break,
                Err(error) => {
                    read_error = Some(error);
                    break;
                }
            }
            if chunk.len() == DECODE_CHUNK
                && sender.send(std::mem::replace(&mut chunk, Vec::with_capacity(DECODE_CHUNK))).is_err()
            {
                // The decoder stopped at a bad body; its error is the one to report.
                break;
            }
        }
        if !chunk.is_empty() {
            // A send fails only when the decoder already stopped with an error, reported below.
            let _ = sender.send(chunk);
        }
        drop(sender);
        let decoded = decoder.join().map_err(|_| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "decoding the design stopped unexpectedly".to_owned(),
        })?;
        match read_error {
            Some(error) => Err(sqlite_error(error)),
            None => decoded,
        }
    })
}

impl Store {
    /// Reads only the design's settings (name, description, policies…).
    pub fn load_settings(&self) -> Result<crate::model::MeshSettings> {
        use rusqlite::OptionalExtension;
        let body: Option<String> = self
            .connection
            .query_row("SELECT body FROM entity WHERE kind = 'settings'", [], |row| row.get(0))
            .optional()
            .map_err(|source| StoreError::sqlite("read", &self.path, source))?;
        match body {
            None => Ok(crate::model::MeshSettings::default()),
            Some(body) => match decode(&self.path, "settings", crate::model::SETTINGS_ID, &body)? {
                Entity::Settings(settings) => Ok(settings),
                _ => Ok(crate::model::MeshSettings::default()),
            },
        }
    }
}
