//! Presets, one row each holding the checked document.

use super::save::encode;
use super::{corrupt, db_err};
use crate::model::Millis;
use crate::preset::Preset;
use crate::store::StoreError;
use rusqlite::{Connection, params};

fn decode(name: &str, document: &str) -> Result<Preset, StoreError> {
    serde_json::from_str(document).map_err(|e| corrupt(&format!("preset {name}"), e))
}

pub(super) fn list(conn: &Connection) -> Result<Vec<(String, Preset)>, StoreError> {
    super::query_all(
        conn,
        "SELECT name, document FROM presets ORDER BY name",
        [],
        |row| {
            let name: String = row.get(0).map_err(db_err)?;
            let document: String = row.get(1).map_err(db_err)?;
            let preset = decode(&name, &document)?;
            Ok((name, preset))
        },
    )
}

pub(super) fn get(conn: &Connection, name: &str) -> Result<Option<Preset>, StoreError> {
    super::query_first(
        conn,
        "SELECT document FROM presets WHERE name = ?1",
        [name],
        |row| decode(name, &row.get::<_, String>(0).map_err(db_err)?),
    )
}

pub(super) fn put(
    conn: &Connection,
    name: &str,
    preset: &Preset,
    now: Millis,
) -> Result<(), StoreError> {
    let document = encode("preset", preset)?;
    conn.prepare_cached(
        "INSERT INTO presets (name, document, updated) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET document = excluded.document,
             updated = excluded.updated",
    )
    .and_then(|mut s| s.execute(params![name, document, now]))
    .map_err(db_err)?;
    Ok(())
}

pub(super) fn delete(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("DELETE FROM presets WHERE name = ?1")
        .and_then(|mut s| s.execute([name]))
        .map(|n| n > 0)
        .map_err(db_err)
}
