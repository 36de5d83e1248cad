-- Provision and virtual-parameter scripts by kind and name, stored as uploaded (checked for
-- syntax first, see src/script).
CREATE TABLE scripts (
    kind TEXT NOT NULL CHECK (kind IN ('provision', 'virtual_parameter')),
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    updated INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
