//! Embedded, ordered, forward-only schema migrations. `PRAGMA user_version` counts the ones applied.

/// The migrations in order; migration `n` (1-based) brings a file from version `n - 1` to `n`.
pub(super) const MIGRATIONS: &[&str] =
    &[include_str!("migrations/0001_entities_and_journal.sql"), include_str!("migrations/0002_snapshots.sql")];

/// The schema version this build writes; a file with a higher version came from a newer Meshwright.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;
