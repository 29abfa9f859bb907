-- The design: one row per entity, its body the entity's JSON form.
CREATE TABLE entity (
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);

-- The edit journal: every user edit is one row here plus one row per entity it changed, with the body before
-- and after (NULL where the entity did not exist). Undo writes the befores back; redo the afters.
CREATE TABLE edit (
    seq    INTEGER PRIMARY KEY,
    label  TEXT NOT NULL,
    at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);

CREATE TABLE edit_change (
    edit_seq INTEGER NOT NULL REFERENCES edit (seq) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    key      TEXT NOT NULL,
    before   TEXT,
    after    TEXT,
    PRIMARY KEY (edit_seq, ord)
);
