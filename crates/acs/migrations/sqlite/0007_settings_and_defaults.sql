-- Settings of the installation, by name. The migration also installs the zero-touch defaults
-- (the "bootstrap" preset and provision) and the secret seeding scripts' Math.random(); both
-- come from the binary (src/provision/defaults.rs), see migrate::seed.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
