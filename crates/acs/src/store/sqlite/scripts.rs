//! Provision and virtual-parameter scripts.

use super::db_err;
use crate::model::Millis;
use crate::script::ScriptKind;
use crate::store::StoreError;
use rusqlite::{Connection, params};

pub(super) fn list(conn: &Connection, kind: ScriptKind) -> Result<Vec<String>, StoreError> {
    let mut names = super::query_all(
        conn,
        "SELECT name FROM scripts WHERE kind = ?1",
        [kind.as_str()],
        |row| row.get(0).map_err(db_err),
    )?;
    names.sort();
    Ok(names)
}

/// Every script of `kind` with its source.
pub(super) fn all(
    conn: &Connection,
    kind: ScriptKind,
) -> Result<Vec<(String, String)>, StoreError> {
    super::query_all(
        conn,
        "SELECT name, source FROM scripts WHERE kind = ?1",
        [kind.as_str()],
        |row| Ok((row.get(0).map_err(db_err)?, row.get(1).map_err(db_err)?)),
    )
}

pub(super) fn get(
    conn: &Connection,
    kind: ScriptKind,
    name: &str,
) -> Result<Option<String>, StoreError> {
    super::query_first(
        conn,
        "SELECT source FROM scripts WHERE kind = ?1 AND name = ?2",
        [kind.as_str(), name],
        |row| row.get(0).map_err(db_err),
    )
}

pub(super) fn put(
    conn: &Connection,
    kind: ScriptKind,
    name: &str,
    source: &str,
    now: Millis,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO scripts (kind, name, source, updated) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, name) DO UPDATE SET source = excluded.source,
             updated = excluded.updated",
    )
    .and_then(|mut s| s.execute(params![kind.as_str(), name, source, now]))
    .map_err(db_err)?;
    Ok(())
}

pub(super) fn delete(conn: &Connection, kind: ScriptKind, name: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("DELETE FROM scripts WHERE kind = ?1 AND name = ?2")
        .and_then(|mut s| s.execute([kind.as_str(), name]))
        .map(|n| n > 0)
        .map_err(db_err)
}
