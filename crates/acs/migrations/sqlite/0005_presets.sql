-- Presets by name, each stored as its checked JSON document (see src/preset).
CREATE TABLE presets (
    name TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    updated INTEGER NOT NULL
) WITHOUT ROWID;
