//! Devices: load, delete, tags and the filtered listing (the session write is in `save`).

use super::filter_sql::{self, Bind};
use super::{BEGIN_WRITE, corrupt, db_err};
use crate::model::{DeviceRecord, Tree};
use crate::store::{DeviceQuery, StoreError};
use sqlx::query::Query;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{AssertSqlSafe, Connection, Row, Sqlite, SqliteConnection};

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

pub(super) async fn load(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Option<DeviceRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM devices d WHERE d.id = ?");
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?;
    row.as_ref().map(from_row).transpose()
}

pub(super) async fn delete(conn: &mut SqliteConnection, id: &str) -> Result<bool, StoreError> {
    // Tags, index rows, tasks and faults go by ON DELETE CASCADE.
    let done = sqlx::query("DELETE FROM devices WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn set_tag(
    conn: &mut SqliteConnection,
    id: &str,
    tag: &str,
    present: bool,
) -> Result<bool, StoreError> {
    let mut tx = conn.begin_with(BEGIN_WRITE).await.map_err(db_err)?;
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
    conn: &mut SqliteConnection,
    query: &DeviceQuery,
) -> Result<(u64, Vec<DeviceRecord>), StoreError> {
    let filter = filter_sql::where_clause(query.filter.as_ref());
    let count_sql = format!("SELECT count(*) FROM devices d WHERE {}", filter.text);
    let (page_sql, page_binds) = page_query(query);
    // One read transaction, so the total and the page see the same data.
    let mut tx = conn.begin().await.map_err(db_err)?;
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
    conn: &mut SqliteConnection,
    query: &DeviceQuery,
) -> Result<Vec<String>, StoreError> {
    let (sql, binds) = page_query(query);
    let rows = bind_all(
        sqlx::query(AssertSqlSafe(format!("EXPLAIN QUERY PLAN {sql}"))),
        &binds,
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(db_err)?;
    rows.iter()
        .map(|r| r.try_get::<String, _>("detail").map_err(db_err))
        .collect()
}
