-- The initial schema of the SQLite store.
--
-- Every per-device table has `device_id` as the first column of its primary key, so rows of
-- one device sit together (WITHOUT ROWID tables are clustered by their key) and the schema can
-- later be sharded by device. `devices` and `files` keep a rowid: their rows are large, and a
-- WITHOUT ROWID table repeats whole rows in its interior pages, which makes every key search
-- over large rows slow.

-- Task and fault ids are global (the REST API addresses `/tasks/{id}`) while the tables are
-- keyed by device first, so ids come from this counter rather than from a rowid.
CREATE TABLE id_sequences (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO id_sequences (name, last) VALUES ('tasks', 0), ('faults', 0);

-- One row per device; the parameter tree is one JSON document so a session costs one read
-- and one write of it whatever its size.
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    oui TEXT NOT NULL,
    product_class TEXT NOT NULL,
    serial_number TEXT NOT NULL,
    manufacturer TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_inform INTEGER NOT NULL,
    last_boot INTEGER,
    last_bootstrap INTEGER,
    remote_address TEXT NOT NULL,
    last_events TEXT NOT NULL,
    tree TEXT NOT NULL,
    -- The text fields (id, oui, productClass, serialNumber, manufacturer, remoteAddress) that
    -- read as decimal numbers, as a JSON object of numbers, for filters comparing them with a
    -- number literal.
    text_numbers TEXT NOT NULL DEFAULT '{}',
    -- Digest of the indexed parameter values, to skip rewriting device_params when no value
    -- changed (the common periodic session).
    params_digest INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX devices_last_inform ON devices (last_inform);

CREATE TABLE device_tags (
    device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (device_id, tag)
) WITHOUT ROWID;
CREATE INDEX device_tags_tag ON device_tags (tag, device_id);

-- An index of the parameter values in the trees, so a filter on a value is an index search.
-- `num` holds the value as a number when it reads as one (booleans as 1/0), else NULL.
CREATE TABLE device_params (
    device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    value TEXT NOT NULL,
    num REAL,
    PRIMARY KEY (device_id, path)
) WITHOUT ROWID;
CREATE INDEX device_params_value ON device_params (path, value, device_id);
CREATE INDEX device_params_num ON device_params (path, num, device_id);

CREATE TABLE tasks (
    device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    spec TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'done', 'fault')),
    created INTEGER NOT NULL,
    expiry INTEGER,
    retries INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER,
    result TEXT,
    fault TEXT,
    PRIMARY KEY (device_id, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX tasks_id ON tasks (id);

CREATE TABLE faults (
    device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    -- A fault of a deleted task goes with it.
    task_id INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    detail TEXT,
    retries INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    PRIMARY KEY (device_id, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX faults_id ON faults (id);
CREATE INDEX faults_task ON faults (task_id);

CREATE TABLE files (
    name TEXT PRIMARY KEY,
    file_type TEXT NOT NULL,
    oui TEXT NOT NULL,
    product_class TEXT NOT NULL,
    version TEXT NOT NULL,
    length INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded INTEGER NOT NULL,
    content BLOB NOT NULL
);

-- Who runs a device's session, until when. No foreign key: the lock is taken at the first
-- Inform, before the device is registered.
CREATE TABLE session_locks (
    device_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    expires INTEGER NOT NULL
) WITHOUT ROWID;
