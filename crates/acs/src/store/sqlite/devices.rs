//! Devices: load, the end-of-session write, delete, tags and the filtered listing.

use super::filter_sql::{self, Bind};
use super::{BEGIN_WRITE, corrupt, db_err, params, tasks};
use crate::filter::numeric_value;
use crate::model::{DeviceRecord, Tree};
use crate::store::{DeviceQuery, SessionWrite, StoreError};
use sqlx::query::Query;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{AssertSqlSafe, Row, Sqlite, SqlitePool};
use std::collections::hash_map::RandomState;

/// The columns [`from_row`] reads, over `devices d`; tags come along as a JSON array so a
/// device is one query.
const COLUMNS: &str = "d.id, d.oui, d.product_class, d.serial_number, d.manufacturer, \
     d.first_seen, d.last_inform, d.last_boot, d.last_bootstrap, d.remote_address, \
     d.last_events, d.tree, \
     (SELECT json_group_array(t.tag) FROM device_tags t WHERE t.device_id = d.id) AS tags";

fn from_row(row: &SqliteRow) -> Result<DeviceRecord, StoreError> {
    let id: String = row.try_get("id").map_err(db_err)?;
    let json = |column: &str| -> Result<String, StoreError> { row.try_get(column).map_err(db_err) };
    let tree: Tree = serde_json::from_str(&json("tree")?)
        .map_err(|e| corrupt(&format!("tree of device {id}"), e))?;
    let last_events: Vec<String> = serde_json::from_str(&json("last_events")?)
        .map_err(|e| corrupt(&format!("last events of device {id}"), e))?;
    let tags = serde_json::from_str(&json("tags")?)
        .map_err(|e| corrupt(&format!("tags of device {id}"), e))?;
    Ok(DeviceRecord {
        oui: row.try_get("oui").map_err(db_err)?,
        product_class: row.try_get("product_class").map_err(db_err)?,
        serial_number: row.try_get("serial_number").map_err(db_err)?,
        manufacturer: row.try_get("manufacturer").map_err(db_err)?,
        first_seen: row.try_get("first_seen").map_err(db_err)?,
        last_inform: row.try_get("last_inform").map_err(db_err)?,
        last_boot: row.try_get("last_boot").map_err(db_err)?,
        last_bootstrap: row.try_get("last_bootstrap").map_err(db_err)?,
        remote_address: row.try_get("remote_address").map_err(db_err)?,
        last_events,
        tags,
        tree,
        id,
    })
}

pub(super) async fn load(pool: &SqlitePool, id: &str) -> Result<Option<DeviceRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM devices d WHERE d.id = ?");
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(db_err)?;
    row.as_ref().map(from_row).transpose()
}

/// The text fields that read as numbers, for filters comparing them with a number literal
/// (see `filter_sql`).
fn text_numbers(d: &DeviceRecord) -> String {
    let fields = [
        ("id", &d.id),
        ("oui", &d.oui),
        ("productClass", &d.product_class),
        ("serialNumber", &d.serial_number),
        ("manufacturer", &d.manufacturer),
        ("remoteAddress", &d.remote_address),
    ];
    let map: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .filter_map(|(key, text)| Some(((*key).to_string(), numeric_value(text)?.into())))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// The device row, its value index, its tags when it is new, and the session's tasks and
/// faults, in one transaction.
///
/// Tags belong to `set_tag`: they are written from the record only when the session creates
/// the device, so a tag set through the API while a session runs is not undone by it.
pub(super) async fn save_session(
    pool: &SqlitePool,
    digest_key: &RandomState,
    write: &SessionWrite,
) -> Result<(), StoreError> {
    let d = &write.device;
    let encode = |what: &str, r: serde_json::Result<String>| {
        r.map_err(|e| StoreError::Database(format!("encoding {what} of device {}: {e}", d.id)))
    };
    let tree = encode("tree", serde_json::to_string(&d.tree))?;
    let events = encode("events", serde_json::to_string(&d.last_events))?;
    let digest = params::digest(digest_key, &d.tree);

    let mut tx = pool.begin_with(BEGIN_WRITE).await.map_err(db_err)?;
    let old_digest: Option<i64> =
        sqlx::query_scalar("SELECT params_digest FROM devices WHERE id = ?")
            .bind(&d.id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_err)?;
    sqlx::query(
        "INSERT INTO devices (id, oui, product_class, serial_number, manufacturer, first_seen,
             last_inform, last_boot, last_bootstrap, remote_address, last_events, tree,
             text_numbers, params_digest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET oui = excluded.oui,
             product_class = excluded.product_class, serial_number = excluded.serial_number,
             manufacturer = excluded.manufacturer, first_seen = excluded.first_seen,
             last_inform = excluded.last_inform, last_boot = excluded.last_boot,
             last_bootstrap = excluded.last_bootstrap, remote_address = excluded.remote_address,
             last_events = excluded.last_events, tree = excluded.tree,
             text_numbers = excluded.text_numbers, params_digest = excluded.params_digest",
    )
    .bind(&d.id)
    .bind(&d.oui)
    .bind(&d.product_class)
    .bind(&d.serial_number)
    .bind(&d.manufacturer)
    .bind(d.first_seen)
    .bind(d.last_inform)
    .bind(d.last_boot)
    .bind(d.last_bootstrap)
    .bind(&d.remote_address)
    .bind(events)
    .bind(tree)
    .bind(text_numbers(d))
    .bind(digest)
    .execute(&mut *tx)
    .await
    .map_err(db_err)?;
    if old_digest.is_none() {
        for tag in &d.tags {
            sqlx::query("INSERT OR IGNORE INTO device_tags (device_id, tag) VALUES (?, ?)")
                .bind(&d.id)
                .bind(tag)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
        }
    }
    if old_digest != Some(digest) {
        params::rewrite(&mut tx, &d.id, &d.tree).await?;
    }
    tasks::write_session(&mut tx, write).await?;
    tx.commit().await.map_err(db_err)
}

pub(super) async fn delete(pool: &SqlitePool, id: &str) -> Result<bool, StoreError> {
    // Tags, index rows, tasks and faults go by ON DELETE CASCADE.
    let done = sqlx::query("DELETE FROM devices WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn set_tag(
    pool: &SqlitePool,
    id: &str,
    tag: &str,
    present: bool,
) -> Result<bool, StoreError> {
    let mut tx = pool.begin_with(BEGIN_WRITE).await.map_err(db_err)?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM devices WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_err)?;
    if exists.is_none() {
        tx.rollback().await.map_err(db_err)?;
        return Ok(false);
    }
    let sql = if present {
        "INSERT OR IGNORE INTO device_tags (device_id, tag) VALUES (?, ?)"
    } else {
        "DELETE FROM device_tags WHERE device_id = ? AND tag = ?"
    };
    sqlx::query(sql)
        .bind(id)
        .bind(tag)
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
    tx.commit().await.map_err(db_err)?;
    Ok(true)
}

fn bind_all<'q>(
    mut q: Query<'q, Sqlite, SqliteArguments>,
    binds: &[Bind],
) -> Query<'q, Sqlite, SqliteArguments> {
    for b in binds {
        q = match b {
            Bind::Text(s) => q.bind(s.clone()),
            Bind::Real(n) => q.bind(*n),
            Bind::Int(n) => q.bind(*n),
        };
    }
    q
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

pub(super) async fn list(
    pool: &SqlitePool,
    query: &DeviceQuery,
) -> Result<(u64, Vec<DeviceRecord>), StoreError> {
    let filter = filter_sql::where_clause(query.filter.as_ref());
    let count_sql = format!("SELECT count(*) FROM devices d WHERE {}", filter.text);
    let (page_sql, page_binds) = page_query(query);
    // One read transaction, so the total and the page see the same data.
    let mut tx = pool.begin().await.map_err(db_err)?;
    let total: i64 = bind_all(sqlx::query(AssertSqlSafe(count_sql)), &filter.binds)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?
        .try_get(0)
        .map_err(db_err)?;
    let rows = bind_all(sqlx::query(AssertSqlSafe(page_sql)), &page_binds)
        .fetch_all(&mut *tx)
        .await
        .map_err(db_err)?;
    tx.commit().await.map_err(db_err)?;
    let devices = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    Ok((u64::try_from(total).unwrap_or(0), devices))
}

pub(super) async fn explain(
    pool: &SqlitePool,
    query: &DeviceQuery,
) -> Result<Vec<String>, StoreError> {
    let (sql, binds) = page_query(query);
    let rows = bind_all(
        sqlx::query(AssertSqlSafe(format!("EXPLAIN QUERY PLAN {sql}"))),
        &binds,
    )
    .fetch_all(pool)
    .await
    .map_err(db_err)?;
    rows.iter()
        .map(|r| r.try_get::<String, _>("detail").map_err(db_err))
        .collect()
}
