-- Named, frozen copies of the design inside the same file. `image` is a whole SQLite database holding the
-- entity table as it was, made with the backup API and serialized.
CREATE TABLE snapshot (
    name       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    entities   INTEGER NOT NULL,
    image      BLOB NOT NULL
);
