//! Numbered schema migrations, embedded in the binary and applied in order at open.
//!
//! `schema_migrations` records each applied version. Each migration runs in its own write
//! transaction together with its record, so a crash leaves the schema at a whole version, and
//! two processes opening the same new file apply each migration once.

use super::db_err;
use crate::store::StoreError;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

/// `(version, name, SQL)`, in the order they apply. Append only: a released migration never
/// changes, a schema change is a new file.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "initial",
        include_str!("../../../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "prev_digest",
        include_str!("../../../migrations/sqlite/0002_prev_digest.sql"),
    ),
    (
        3,
        "locks_in_memory",
        include_str!("../../../migrations/sqlite/0003_locks_in_memory.sql"),
    ),
    (
        4,
        "device_credentials",
        include_str!("../../../migrations/sqlite/0004_device_credentials.sql"),
    ),
    (
        5,
        "presets",
        include_str!("../../../migrations/sqlite/0005_presets.sql"),
    ),
    (
        6,
        "scripts",
        include_str!("../../../migrations/sqlite/0006_scripts.sql"),
    ),
    (
        7,
        "settings_and_defaults",
        include_str!("../../../migrations/sqlite/0007_settings_and_defaults.sql"),
    ),
];

/// Rows a migration adds that come from the binary rather than SQL, in the migration's
/// transaction.
fn seed(tx: &rusqlite::Transaction<'_>, version: i64) -> Result<(), StoreError> {
    if version != 7 {
        return Ok(());
    }
    use crate::provision::defaults;
    let secret: [u8; 32] = rand::random();
    tx.execute(
        "INSERT INTO settings (name, value) VALUES ('script_secret', ?1)",
        [&secret[..]],
    )
    .map_err(db_err)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    super::presets::put(tx, defaults::BOOTSTRAP, &defaults::bootstrap_preset(), now)?;
    super::scripts::put(
        tx,
        crate::script::ScriptKind::Provision,
        defaults::BOOTSTRAP,
        defaults::BOOTSTRAP_SCRIPT,
        now,
    )
}

pub(super) fn run(conn: &mut Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )",
    )
    .map_err(db_err)?;

    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    let newest = applied(conn)?.last().copied().unwrap_or(0);
    if newest > known {
        // A newer build migrated this file; running on it could corrupt data it relies on.
        return Err(StoreError::Database(format!(
            "database schema version {newest} is newer than this build knows ({known})"
        )));
    }

    for &(version, name, sql) in MIGRATIONS {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_err)?;
        let done: Option<i64> = tx
            .query_row(
                "SELECT version FROM schema_migrations WHERE version = ?1",
                [version],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_err)?;
        if done.is_some() {
            continue;
        }
        tx.execute_batch(sql)
            .map_err(|e| StoreError::Database(format!("migration {version} ({name}): {e}")))?;
        seed(&tx, version)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at)
             VALUES (?1, ?2, CAST(unixepoch('subsec') * 1000 AS INTEGER))",
            rusqlite::params![version, name],
        )
        .map_err(db_err)?;
        tx.commit().map_err(db_err)?;
        tracing::info!(version, name, "applied SQLite schema migration");
    }
    Ok(())
}

pub(super) fn applied(conn: &Connection) -> Result<Vec<i64>, StoreError> {
    let mut select = conn
        .prepare("SELECT version FROM schema_migrations ORDER BY version")
        .map_err(db_err)?;
    let rows = select.query_map([], |r| r.get(0)).map_err(db_err)?;
    rows.map(|r| r.map_err(db_err)).collect()
}
