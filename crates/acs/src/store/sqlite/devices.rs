//! Devices: load, delete, tags and the filtered listing (the session write is in `save`).

use super::filter_sql::{self, Bind};
use super::{corrupt, db_err};
use crate::model::{DeviceRecord, Tree};
use crate::store::{DeviceQuery, StoreError};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use std::collections::BTreeSet;

/// The columns [`from_row`] reads, over `devices d`; tags come along as a JSON array so a
/// device is one query.
macro_rules! device_columns {
    () => {
        "d.id, d.oui, d.product_class, d.serial_number, d.manufacturer, \
         d.first_seen, d.last_inform, d.last_boot, d.last_bootstrap, d.remote_address, \
         d.last_events, d.tree, \
         (SELECT json_group_array(t.tag) FROM device_tags t WHERE t.device_id = d.id) AS tags"
    };
}
const COLUMNS: &str = device_columns!();

pub(super) const LOAD: &str = concat!(
    "SELECT ",
    device_columns!(),
    " FROM devices d WHERE d.id = ?1"
);

fn from_row(row: &Row<'_>) -> Result<DeviceRecord, StoreError> {
    let id: String = row.get("id").map_err(db_err)?;
    let json = |column: &str| -> Result<String, StoreError> { row.get(column).map_err(db_err) };
    let tree: Tree = serde_json::from_str(&json("tree")?)
        .map_err(|e| corrupt(&format!("tree of device {id}"), e))?;
    let last_events: Vec<String> = serde_json::from_str(&json("last_events")?)
        .map_err(|e| corrupt(&format!("last events of device {id}"), e))?;
    let tags = serde_json::from_str(&json("tags")?)
        .map_err(|e| corrupt(&format!("tags of device {id}"), e))?;
    Ok(DeviceRecord {
        oui: row.get("oui").map_err(db_err)?,
        product_class: row.get("product_class").map_err(db_err)?,
        serial_number: row.get("serial_number").map_err(db_err)?,
        manufacturer: row.get("manufacturer").map_err(db_err)?,
        first_seen: row.get("first_seen").map_err(db_err)?,
        last_inform: row.get("last_inform").map_err(db_err)?,
        last_boot: row.get("last_boot").map_err(db_err)?,
        last_bootstrap: row.get("last_bootstrap").map_err(db_err)?,
        remote_address: row.get("remote_address").map_err(db_err)?,
        last_events,
        tags,
        tree,
        id,
    })
}

pub(super) fn load(conn: &Connection, id: &str) -> Result<Option<DeviceRecord>, StoreError> {
    super::query_first(conn, LOAD, [id], from_row)
}

pub(super) fn delete(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    // Tags, index rows, tasks and faults go by ON DELETE CASCADE.
    let deleted = conn
        .prepare_cached("DELETE FROM devices WHERE id = ?1")
        .and_then(|mut s| s.execute([id]))
        .map_err(db_err)?;
    Ok(deleted > 0)
}

pub(super) const TAGS: &str = "SELECT tag FROM device_tags WHERE device_id = ?1";

/// The device's tags as stored now.
pub(super) fn tags(conn: &Connection, id: &str) -> Result<BTreeSet<String>, StoreError> {
    let mut select = conn.prepare_cached(TAGS).map_err(db_err)?;
    let rows = select.query_map([id], |r| r.get(0)).map_err(db_err)?;
    rows.map(|r| r.map_err(db_err)).collect()
}

pub(super) fn exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("SELECT 1 FROM devices WHERE id = ?1")
        .and_then(|mut s| s.query_row([id], |_| Ok(())).optional())
        .map(|found| found.is_some())
        .map_err(db_err)
}

/// Inside the writer's transaction.
pub(super) fn set_tag(
    conn: &Connection,
    id: &str,
    tag: &str,
    present: bool,
) -> Result<bool, StoreError> {
    if !exists(conn, id)? {
        return Ok(false);
    }
    let sql = if present {
        "INSERT OR IGNORE INTO device_tags (device_id, tag) VALUES (?1, ?2)"
    } else {
        "DELETE FROM device_tags WHERE device_id = ?1 AND tag = ?2"
    };
    conn.prepare_cached(sql)
        .and_then(|mut s| s.execute([id, tag]))
        .map_err(db_err)?;
    Ok(true)
}

fn values(binds: &[Bind]) -> impl Iterator<Item = Value> + '_ {
    binds.iter().map(|b| match b {
        Bind::Text(s) => Value::Text(s.clone()),
        Bind::Real(n) => Value::Real(*n),
        Bind::Int(n) => Value::Integer(*n),
    })
}

/// The page query of a listing, with its binds (filter, sort, limit, offset).
fn page_query(query: &DeviceQuery) -> (String, Vec<Bind>) {
    let filter = filter_sql::where_clause(query.filter.as_ref());
    let order = filter_sql::order_by(&query.sort);
    // The page's ids are chosen first and only they are joined to their rows: sorting whole
    // rows would copy every matching device's tree through the sorter to keep ten.
    let sql = format!(
        "SELECT {COLUMNS} FROM (
             SELECT d.id AS page_id, row_number() OVER (ORDER BY {}) AS page_pos
             FROM devices d WHERE {} ORDER BY page_pos LIMIT ? OFFSET ?
         ) AS page JOIN devices d ON d.id = page.page_id ORDER BY page.page_pos",
        order.text, filter.text
    );
    // SQLite reads a negative LIMIT as "no limit".
    let limit = query
        .limit
        .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
    // In the order of their `?`s in the text: the sort's, then the filter's.
    let mut binds = order.binds;
    binds.extend(filter.binds);
    binds.push(Bind::Int(limit));
    binds.push(Bind::Int(offset));
    (sql, binds)
}

pub(super) fn list(
    conn: &Connection,
    query: &DeviceQuery,
) -> Result<(u64, Vec<DeviceRecord>), StoreError> {
    let filter = filter_sql::where_clause(query.filter.as_ref());
    let count_sql = format!("SELECT count(*) FROM devices d WHERE {}", filter.text);
    let (page_sql, page_binds) = page_query(query);
    // One read transaction, so the total and the page see the same data (on the writer
    // connection of an in-memory database, the reads run inside the writer's transaction).
    let tx = if conn.is_autocommit() {
        Some(conn.unchecked_transaction().map_err(db_err)?)
    } else {
        None
    };
    let total: i64 = conn
        .prepare_cached(&count_sql)
        .and_then(|mut s| s.query_row(params_from_iter(values(&filter.binds)), |r| r.get(0)))
        .map_err(db_err)?;
    let devices = super::query_all(
        conn,
        &page_sql,
        params_from_iter(values(&page_binds)),
        from_row,
    )?;
    if let Some(tx) = tx {
        tx.finish().map_err(db_err)?;
    }
    Ok((u64::try_from(total).unwrap_or(0), devices))
}

pub(super) fn explain(conn: &Connection, query: &DeviceQuery) -> Result<Vec<String>, StoreError> {
    let (sql, binds) = page_query(query);
    let mut select = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .map_err(db_err)?;
    let rows = select
        .query_map(params_from_iter(values(&binds)), |r| {
            r.get::<_, String>("detail")
        })
        .map_err(db_err)?;
    rows.map(|r| r.map_err(db_err)).collect()
}
