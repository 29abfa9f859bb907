//! Edits and the edit journal: each user edit is one transaction that records every entity's body before and
//! after, so that undo and redo work across restarts and a crash never leaves half an edit.

use super::error::{Result, StoreError};
use super::{Store, decode, encode};
use crate::model::{Entity, EntityKind};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};
use std::path::Path;

/// How many edits the journal keeps; older ones can no longer be undone.
pub const JOURNAL_LIMIT: i64 = 1_000;

/// One entity an edit, undo or redo changed, with its new state (`None` when it was removed).
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedEntity {
    pub kind: EntityKind,
    pub key: String,
    pub entity: Option<Entity>,
}

/// What a committed edit, undo or redo did: the journal sequence number, the edit's label and every change.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedEdit {
    pub seq: i64,
    pub label: String,
    pub changes: Vec<ChangedEntity>,
}

/// What undo and redo would do next.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
    pub edits: i64,
}

/// A user edit in progress: a write transaction on the document. Dropping it without `commit` changes nothing.
#[derive(Debug)]
pub struct EditTransaction<'store> {
    transaction: Transaction<'store>,
    path: &'store Path,
    seq: i64,
    label: String,
    changes: Vec<ChangedEntity>,
}

impl Store {
    /// Starts a user edit. Waits briefly for another process's write, then reports the file as in use.
    pub fn begin_edit(&mut self, label: &str) -> Result<EditTransaction<'_>> {
        let path = self.path.as_path();
        let sqlite_error = |source| StoreError::sqlite("edit", path, source);
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sqlite_error)?;
        transaction.execute("INSERT INTO edit (label) VALUES (?1)", [label]).map_err(sqlite_error)?;
        let seq = transaction.last_insert_rowid();
        Ok(EditTransaction { transaction, path, seq, label: label.to_owned(), changes: Vec::new() })
    }

    /// Applies a list of entity writes and removals as one edit.
    pub fn apply(&mut self, label: &str, puts: &[Entity], removals: &[(EntityKind, String)]) -> Result<AppliedEdit> {
        let mut edit = self.begin_edit(label)?;
        for entity in puts {
            edit.put(entity)?;
        }
        for (kind, key) in removals {
            edit.remove(*kind, key)?;
        }
        edit.commit()
    }

    /// Undoes the latest edit that is not undone yet; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<AppliedEdit>> {
        self.travel(Direction::Back)
    }

    /// Redoes the earliest undone edit; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<AppliedEdit>> {
        self.travel(Direction::Forward)
    }

    /// The labels of the edits that undo and redo would apply next.
    pub fn history(&self) -> Result<History> {
        let sqlite_error = |source| StoreError::sqlite("read the history of", &self.path, source);
        let label = |sql: &str| -> Result<Option<String>> {
            self.connection.query_row(sql, [], |row| row.get(0)).optional().map_err(sqlite_error)
        };
        Ok(History {
            undo: label("SELECT label FROM edit WHERE undone = 0 ORDER BY seq DESC LIMIT 1")?,
            redo: label("SELECT label FROM edit WHERE undone = 1 ORDER BY seq ASC LIMIT 1")?,
            edits: self
                .connection
                .query_row("SELECT count(*) FROM edit WHERE undone = 0", [], |row| row.get(0))
                .map_err(sqlite_error)?,
        })
    }

    fn travel(&mut self, direction: Direction) -> Result<Option<AppliedEdit>> {
        let path = self.path.as_path();
        let sqlite_error = |source| StoreError::sqlite(direction.verb(), path, source);
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sqlite_error)?;
        let (select, order, mark) = match direction {
            Direction::Back => ("SELECT seq, label FROM edit WHERE undone = 0 ORDER BY seq DESC LIMIT 1", "DESC", 1),
            Direction::Forward => ("SELECT seq, label FROM edit WHERE undone = 1 ORDER BY seq ASC LIMIT 1", "ASC", 0),
        };
        let Some((seq, label)) = transaction
            .query_row(select, [], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))
            .optional()
            .map_err(sqlite_error)?
        else {
            return Ok(None);
        };
        let body_column = match direction {
            Direction::Back => "before",
            Direction::Forward => "after",
        };
        let rows: Vec<(String, String, Option<String>)> = transaction
            .prepare(&format!(
                "SELECT kind, key, {body_column} FROM edit_change WHERE edit_seq = ?1 ORDER BY ord {order}"
            ))
            .and_then(|mut statement| {
                statement.query_map([seq], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?.collect()
            })
            .map_err(sqlite_error)?;
        let mut changes = Vec::with_capacity(rows.len());
        for (kind, key, body) in rows {
            write_body(&transaction, path, &kind, &key, body.as_deref())?;
            let entity = body.as_deref().map(|body| decode(path, &kind, &key, body)).transpose()?;
            let kind = EntityKind::parse(&kind).ok_or_else(|| StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: format!("unknown entity kind `{kind}` in the edit journal"),
            })?;
            changes.push(ChangedEntity { kind, key, entity });
        }
        transaction.execute("UPDATE edit SET undone = ?1 WHERE seq = ?2", (mark, seq)).map_err(sqlite_error)?;
        transaction.commit().map_err(sqlite_error)?;
        Ok(Some(AppliedEdit { seq, label, changes }))
    }
}

#[derive(Debug, Clone, Copy)]
enum Direction {
    Back,
    Forward,
}

impl Direction {
    fn verb(self) -> &'static str {
        match self {
            Self::Back => "undo an edit in",
            Self::Forward => "redo an edit in",
        }
    }
}

impl EditTransaction<'_> {
    /// Writes an entity, replacing the one of the same kind and key.
    pub fn put(&mut self, entity: &Entity) -> Result<()> {
        let body = encode(self.path, entity)?;
        self.record(entity.kind(), entity.key(), Some(body), Some(entity.clone()))
    }

    /// Removes an entity; removing one that does not exist changes nothing.
    pub fn remove(&mut self, kind: EntityKind, key: &str) -> Result<()> {
        self.record(kind, key, None, None)
    }

    /// Commits the edit; an edit that changed nothing leaves no trace in the journal.
    pub fn commit(self) -> Result<AppliedEdit> {
        let sqlite_error = |source| StoreError::sqlite("save an edit to", self.path, source);
        if self.changes.is_empty() {
            self.transaction.rollback().map_err(sqlite_error)?;
            return Ok(AppliedEdit { seq: 0, label: self.label, changes: Vec::new() });
        }
        // A new edit ends the redo branch, and the journal keeps only the latest edits.
        self.transaction.execute("DELETE FROM edit WHERE undone = 1", []).map_err(sqlite_error)?;
        self.transaction
            .execute("DELETE FROM edit WHERE seq <= ?1", [self.seq - JOURNAL_LIMIT])
            .map_err(sqlite_error)?;
        self.transaction.commit().map_err(sqlite_error)?;
        Ok(AppliedEdit { seq: self.seq, label: self.label, changes: self.changes })
    }

    fn record(&mut self, kind: EntityKind, key: &str, after: Option<String>, entity: Option<Entity>) -> Result<()> {
        let sqlite_error = |source| StoreError::sqlite("edit", self.path, source);
        let before: Option<String> = self
            .transaction
            .query_row("SELECT body FROM entity WHERE kind = ?1 AND key = ?2", (kind.as_str(), key), |row| row.get(0))
            .optional()
            .map_err(sqlite_error)?;
        if before == after {
            return Ok(());
        }
        write_body(&self.transaction, self.path, kind.as_str(), key, after.as_deref())?;
        let ord = i64::try_from(self.changes.len()).unwrap_or(i64::MAX);
        self.transaction
            .execute(
                "INSERT INTO edit_change (edit_seq, ord, kind, key, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (self.seq, ord, kind.as_str(), key, before, after),
            )
            .map_err(sqlite_error)?;
        self.changes.push(ChangedEntity { kind, key: key.to_owned(), entity });
        Ok(())
    }
}

fn write_body(transaction: &Transaction<'_>, path: &Path, kind: &str, key: &str, body: Option<&str>) -> Result<()> {
    let sqlite_error = |source| StoreError::sqlite("edit", path, source);
    match body {
        Some(body) => transaction
            .execute(
                "INSERT INTO entity (kind, key, body) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body",
                (kind, key, body),
            )
            .map_err(sqlite_error)?,
        None => {
            transaction.execute("DELETE FROM entity WHERE kind = ?1 AND key = ?2", (kind, key)).map_err(sqlite_error)?
        }
    };
    Ok(())
}
