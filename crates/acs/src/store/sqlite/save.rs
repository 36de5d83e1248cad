//! The end-of-session write: device row, value index, tags of a new device, task updates, new
//! and cleared faults, in one transaction (the writer's batch, see `db`).
//!
//! The value index is rewritten only when the digest of the indexed values differs from the
//! one stored on the device row (see `params`): a periodic Inform that changes no value
//! writes the device row alone.

use super::{db_err, params};
use crate::model::TaskStatus;
use crate::store::{NewFault, SessionWrite, StoreError};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;

const UPSERT_DEVICE: &str = "
INSERT INTO devices (id, oui, product_class, serial_number, manufacturer, first_seen,
    last_inform, last_boot, last_bootstrap, remote_address, last_events, tree, text_numbers,
    params_digest)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
ON CONFLICT (id) DO UPDATE SET oui = excluded.oui, product_class = excluded.product_class,
    serial_number = excluded.serial_number, manufacturer = excluded.manufacturer,
    first_seen = excluded.first_seen, last_inform = excluded.last_inform,
    last_boot = excluded.last_boot, last_bootstrap = excluded.last_bootstrap,
    remote_address = excluded.remote_address, last_events = excluded.last_events,
    tree = excluded.tree, text_numbers = excluded.text_numbers,
    params_digest = excluded.params_digest";

const UPDATE_DEVICE: &str = "
UPDATE devices SET oui = ?2, product_class = ?3, serial_number = ?4, manufacturer = ?5,
    first_seen = ?6, last_inform = ?7, last_boot = ?8, last_bootstrap = ?9,
    remote_address = ?10, last_events = ?11, tree = ?12, text_numbers = ?13,
    params_digest = ?14
WHERE id = ?1";
const DIGEST: &str = "SELECT params_digest FROM devices WHERE id = ?1";
const INSERT_TAG: &str = "INSERT OR IGNORE INTO device_tags (device_id, tag) VALUES (?1, ?2)";
const INDEX_ROWS: &str = "SELECT path, value, num FROM device_params WHERE device_id = ?1";
const UPSERT_INDEX_ROW: &str = "
INSERT INTO device_params (device_id, path, value, num) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, num = excluded.num";
const DELETE_INDEX_ROW: &str = "DELETE FROM device_params WHERE device_id = ?1 AND path = ?2";
const UPDATE_TASK: &str = "
UPDATE tasks SET status = ?3, retries = ?4, not_before = ?5, expiry = ?6, result = ?7,
    fault = ?8
WHERE device_id = ?1 AND id = ?2";
const TASK_EXISTS: &str = "SELECT 1 FROM tasks WHERE id = ?1";
const INSERT_FAULT: &str = "
INSERT INTO faults (device_id, id, channel, task_id, code, message, detail, retries, timestamp)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
const DELETE_FAULT: &str = "DELETE FROM faults WHERE id = ?1";
const DELETE_TAG: &str = "DELETE FROM device_tags WHERE device_id = ?1 AND tag = ?2";

/// Every statement of a session's save, for the test that none is compiled twice.
#[cfg(test)]
pub(super) const STATEMENTS: &[&str] = &[
    DIGEST,
    UPSERT_DEVICE,
    UPDATE_DEVICE,
    INSERT_TAG,
    INDEX_ROWS,
    UPSERT_INDEX_ROW,
    DELETE_INDEX_ROW,
    UPDATE_TASK,
    TASK_EXISTS,
    INSERT_FAULT,
    DELETE_FAULT,
    DELETE_TAG,
];

pub(super) fn status_text(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Queued => "queued",
        TaskStatus::Done => "done",
        TaskStatus::Fault => "fault",
    }
}

pub(super) fn encode<T: serde::Serialize + ?Sized>(
    what: &str,
    v: &T,
) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Database(format!("encoding {what}: {e}")))
}

/// Writes the session; a task deleted (through the API) while the session ran stays deleted
/// (its update matches no row) and a new fault about it is not recorded.
///
/// Tags belong to `set_tag`: they are written from the record only when the session creates
/// the device, so a tag set through the API while a session runs is not undone by it.
///
/// `stored_digest` is the digest of the device's indexed values as stored, when known (the
/// device cache knows it for devices it holds); otherwise it is read.
pub(super) fn save_session(
    conn: &Connection,
    digest_key: &RandomState,
    write: &SessionWrite,
    stored_digest: Option<i64>,
) -> Result<Saved, StoreError> {
    let d = &write.device;
    let id = d.id.as_str();
    let digest = params::digest(digest_key, &d.tree);
    let tree = encode("tree", &d.tree)?;
    let saved = Saved {
        tree_bytes: tree.len(),
        digest,
    };
    let events = encode("events", &d.last_events)?;
    let text_numbers = params::text_numbers(d);
    // The device row's values, numbered as both UPDATE_DEVICE and UPSERT_DEVICE take them.
    let row = params![
        id,
        d.oui,
        d.product_class,
        d.serial_number,
        d.manufacturer,
        d.first_seen,
        d.last_inform,
        d.last_boot,
        d.last_bootstrap,
        d.remote_address,
        events,
        tree,
        text_numbers,
        digest,
    ];
    let write_row = |sql: &str| {
        conn.prepare_cached(sql)
            .and_then(|mut s| s.execute(row))
            .map_err(db_err)
    };
    if let Some(previous) = stored_digest
        && write_row(UPDATE_DEVICE)? == 1
    {
        if previous != digest {
            write_index(conn, id, &d.tree, false)?;
        }
        finish(conn, write)?;
        return Ok(saved);
    }
    let previous: Option<i64> = conn
        .prepare_cached(DIGEST)
        .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
        .map_err(db_err)?;
    write_row(UPSERT_DEVICE)?;
    if previous.is_none() {
        let mut insert = conn.prepare_cached(INSERT_TAG).map_err(db_err)?;
        for tag in &d.tags {
            insert.execute(params![id, tag]).map_err(db_err)?;
        }
    }
    if previous != Some(digest) {
        write_index(conn, id, &d.tree, previous.is_none())?;
    }
    finish(conn, write)?;
    Ok(saved)
}

/// What a save wrote, for the device cache.
#[derive(Debug, Clone, Copy)]
pub(super) struct Saved {
    /// Length of the tree's JSON, for the cache's accounting.
    pub tree_bytes: usize,
    /// Digest of the indexed values now stored.
    pub digest: i64,
}

/// Task results and faults.
fn finish(conn: &Connection, write: &SessionWrite) -> Result<(), StoreError> {
    update_tasks(conn, write)?;
    insert_faults(conn, &write.new_faults)?;
    let mut clear = conn.prepare_cached(DELETE_FAULT).map_err(db_err)?;
    for fault in &write.cleared_faults {
        clear.execute([fault]).map_err(db_err)?;
    }
    for (tag, present) in &write.tag_changes {
        let statement = if *present { INSERT_TAG } else { DELETE_TAG };
        conn.prepare_cached(statement)
            .and_then(|mut s| s.execute(params![write.device.id, tag]))
            .map_err(db_err)?;
    }
    Ok(())
}

/// Brings the device's index rows in step with `tree`, touching only rows that changed.
fn write_index(
    conn: &Connection,
    id: &str,
    tree: &crate::model::Tree,
    new_device: bool,
) -> Result<(), StoreError> {
    let mut stored: HashMap<String, (String, Option<f64>)> = HashMap::new();
    if !new_device {
        let mut select = conn.prepare_cached(INDEX_ROWS).map_err(db_err)?;
        let rows = select
            .query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .map_err(db_err)?;
        for row in rows {
            let (path, entry) = row.map_err(db_err)?;
            stored.insert(path, entry);
        }
    }
    let mut upsert = conn.prepare_cached(UPSERT_INDEX_ROW).map_err(db_err)?;
    for (path, value, num) in params::rows(tree) {
        let unchanged = stored
            .remove(path)
            .is_some_and(|(v, n)| v == value && n == num);
        if !unchanged {
            upsert
                .execute(params![id, path, value, num])
                .map_err(db_err)?;
        }
    }
    let mut delete = conn.prepare_cached(DELETE_INDEX_ROW).map_err(db_err)?;
    for path in stored.keys() {
        delete.execute(params![id, path]).map_err(db_err)?;
    }
    Ok(())
}

fn update_tasks(conn: &Connection, write: &SessionWrite) -> Result<(), StoreError> {
    let mut update = conn.prepare_cached(UPDATE_TASK).map_err(db_err)?;
    for t in &write.tasks {
        let result = t
            .result
            .as_ref()
            .map(|r| encode("task result", r))
            .transpose()?;
        let fault = t
            .fault
            .as_ref()
            .map(|f| encode("task fault", f))
            .transpose()?;
        update
            .execute(params![
                t.device,
                t.id,
                status_text(t.status),
                t.retries,
                t.not_before,
                t.expiry,
                result,
                fault
            ])
            .map_err(db_err)?;
    }
    Ok(())
}

pub(super) fn insert_faults(conn: &Connection, faults: &[NewFault]) -> Result<(), StoreError> {
    if faults.is_empty() {
        return Ok(());
    }
    let mut task_exists = conn.prepare_cached(TASK_EXISTS).map_err(db_err)?;
    let mut insert = conn.prepare_cached(INSERT_FAULT).map_err(db_err)?;
    for f in faults {
        if let Some(task) = f.task
            && !task_exists.exists([task]).map_err(db_err)?
        {
            // Deleted through the API while the session ran.
            continue;
        }
        let detail = if f.fault.detail.is_null() {
            None
        } else {
            Some(encode("fault detail", &f.fault.detail)?)
        };
        let id = super::next_id(conn, "faults")?;
        insert
            .execute(params![
                f.device,
                id,
                f.channel,
                f.task,
                f.fault.code,
                f.fault.message,
                detail,
                f.retries,
                f.timestamp
            ])
            .map_err(db_err)?;
    }
    Ok(())
}
