//! Tasks and faults.
//!
//! A task's life as stored: `queued` until it runs; then `done` with its result, or `fault`
//! with its fault and, while the engine will retry it, a `not_before` time. A faulted task
//! whose `not_before` has passed is due again; one with status `fault` and no `not_before`
//! is final (the engine gave up) and never due. Expired tasks that have not completed are
//! deleted, with their faults, when the device's due tasks are read.

use super::save::encode;
use super::{corrupt, db_err, devices, next_id, to_u32};
use crate::model::{FaultInfo, FaultRecord, Millis, Task, TaskSpec, TaskStatus};
use crate::store::StoreError;
use rusqlite::{Connection, OptionalExtension, Row, params};

// Statements with a bound device id have no ORDER BY: with SQLite's STAT4 planner, a
// statement that sorts the rows of a bound key is compiled again for every new binding,
// which costs more than the query. The few rows of one device are sorted here instead.

macro_rules! task_columns {
    () => {
        "device_id, id, spec, status, created, expiry, retries, not_before, result, fault"
    };
}
macro_rules! fault_columns {
    () => {
        "device_id, id, channel, task_id, code, message, detail, retries, timestamp"
    };
}

pub(super) const UNFINISHED_TASKS: &str = concat!(
    "SELECT ",
    task_columns!(),
    " FROM tasks WHERE device_id = ?1 AND status <> 'done'"
);
const DEVICE_TASKS: &str = concat!(
    "SELECT ",
    task_columns!(),
    " FROM tasks WHERE device_id = ?1"
);
const ALL_TASKS: &str = concat!("SELECT ", task_columns!(), " FROM tasks ORDER BY id");
const STALE_TRANSFERS: &str = concat!(
    "SELECT ",
    task_columns!(),
    " FROM tasks WHERE status = 'queued' AND result ->> '$.pending' = 1 AND result ->> '$.sent' <= ?1"
);
const TASK: &str = concat!("SELECT ", task_columns!(), " FROM tasks WHERE id = ?1");
pub(super) const DEVICE_FAULTS: &str = concat!(
    "SELECT ",
    fault_columns!(),
    " FROM faults WHERE device_id = ?1"
);
const ALL_FAULTS: &str = concat!("SELECT ", fault_columns!(), " FROM faults ORDER BY id");

fn task_from_row(row: &Row<'_>) -> Result<Task, StoreError> {
    let id: i64 = row.get("id").map_err(db_err)?;
    let what = |field: &str| format!("{field} of task {id}");
    let spec: String = row.get("spec").map_err(db_err)?;
    let spec: TaskSpec = serde_json::from_str(&spec).map_err(|e| corrupt(&what("spec"), e))?;
    let status: String = row.get("status").map_err(db_err)?;
    let status = match status.as_str() {
        "queued" => TaskStatus::Queued,
        "done" => TaskStatus::Done,
        "fault" => TaskStatus::Fault,
        other => return Err(corrupt(&what("status"), other)),
    };
    let result: Option<String> = row.get("result").map_err(db_err)?;
    let fault: Option<String> = row.get("fault").map_err(db_err)?;
    Ok(Task {
        id,
        device: row.get("device_id").map_err(db_err)?,
        spec,
        status,
        created: row.get("created").map_err(db_err)?,
        expiry: row.get("expiry").map_err(db_err)?,
        retries: to_u32(&what("retries"), row.get("retries").map_err(db_err)?)?,
        not_before: row.get("not_before").map_err(db_err)?,
        result: result
            .map(|r| serde_json::from_str(&r))
            .transpose()
            .map_err(|e| corrupt(&what("result"), e))?,
        fault: fault
            .map(|f| serde_json::from_str(&f))
            .transpose()
            .map_err(|e| corrupt(&what("fault"), e))?,
    })
}

fn fault_from_row(row: &Row<'_>) -> Result<FaultRecord, StoreError> {
    let id: i64 = row.get("id").map_err(db_err)?;
    let detail: Option<String> = row.get("detail").map_err(db_err)?;
    let detail = match detail {
        Some(d) => serde_json::from_str(&d).map_err(|e| corrupt(&format!("fault {id}"), e))?,
        None => serde_json::Value::Null,
    };
    Ok(FaultRecord {
        id,
        device: row.get("device_id").map_err(db_err)?,
        channel: row.get("channel").map_err(db_err)?,
        task: row.get("task_id").map_err(db_err)?,
        fault: FaultInfo {
            code: row.get("code").map_err(db_err)?,
            message: row.get("message").map_err(db_err)?,
            detail,
        },
        retries: to_u32(&format!("fault {id}"), row.get("retries").map_err(db_err)?)?,
        timestamp: row.get("timestamp").map_err(db_err)?,
    })
}

/// Inside the writer's transaction; a conflict if the device does not exist.
pub(super) fn queue(
    conn: &Connection,
    device: &str,
    spec: &TaskSpec,
    expiry: Option<Millis>,
    now: Millis,
) -> Result<Task, StoreError> {
    let spec_json = encode("task", spec)?;
    if !devices::exists(conn, device)? {
        return Err(StoreError::Conflict(format!("no device {device}")));
    }
    let id = next_id(conn, "tasks")?;
    conn.prepare_cached(
        "INSERT INTO tasks (device_id, id, spec, status, created, expiry, retries)
         VALUES (?1, ?2, ?3, 'queued', ?4, ?5, 0)",
    )
    .and_then(|mut s| s.execute(params![device, id, spec_json, now, expiry]))
    .map_err(db_err)?;
    Ok(Task::queued(id, device, spec.clone(), now, expiry))
}

fn expired(task: &Task, now: Millis) -> bool {
    task.expiry.is_some_and(|e| e <= now)
}

/// A device's unfinished tasks as a session sees them.
#[derive(Debug, Default)]
pub(super) struct Unfinished {
    /// Due now, oldest first.
    pub due: Vec<Task>,
    /// Past their expiry, for [`drop_expired`].
    pub expired: Vec<i64>,
    /// Unfinished tasks in all, expired ones included.
    pub total: usize,
}

/// The device's unfinished tasks. A read only, so a session's start does not wait for the
/// writer.
pub(super) fn due(conn: &Connection, device: &str, now: Millis) -> Result<Unfinished, StoreError> {
    let mut unfinished = collect(conn, UNFINISHED_TASKS, Some(device), task_from_row)?;
    unfinished.sort_by_key(|t| (t.created, t.id));
    let mut out = Unfinished {
        total: unfinished.len(),
        ..Unfinished::default()
    };
    for task in unfinished {
        if expired(&task, now) {
            out.expired.push(task.id);
        } else if crate::engine::is_due(&task, now) {
            out.due.push(task);
        }
    }
    Ok(out)
}

/// Deletes expired unfinished tasks (their faults go by ON DELETE CASCADE).
pub(super) fn drop_expired(conn: &Connection, ids: &[i64], now: Millis) -> Result<(), StoreError> {
    // Re-checked here, in case a task changed since it was read.
    let mut delete = conn
        .prepare_cached(
            "DELETE FROM tasks WHERE id = ?1
             AND status <> 'done' AND expiry IS NOT NULL AND expiry <= ?2",
        )
        .map_err(db_err)?;
    for id in ids {
        delete.execute(params![id, now]).map_err(db_err)?;
    }
    Ok(())
}

fn collect<T>(
    conn: &Connection,
    sql: &str,
    bind: Option<&str>,
    from_row: fn(&Row<'_>) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    match bind {
        Some(value) => super::query_all(conn, sql, [value], from_row),
        None => super::query_all(conn, sql, [], from_row),
    }
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Option<Task>, StoreError> {
    super::query_first(conn, TASK, [id], task_from_row)
}

/// One statement whose result is the number of rows it changed.
pub(super) fn changed(conn: &Connection, sql: &str, id: i64) -> Result<bool, StoreError> {
    conn.prepare_cached(sql)
        .and_then(|mut s| s.execute([id]))
        .map(|n| n > 0)
        .map_err(db_err)
}

pub(super) fn delete(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    // Its faults go by ON DELETE CASCADE.
    changed(conn, "DELETE FROM tasks WHERE id = ?1", id)
}

// Two statements rather than `? IS NULL OR ...` in the listings, so each has its own plan: by
// device through the primary key, or the whole table.

pub(super) fn list(conn: &Connection, device: Option<&str>) -> Result<Vec<Task>, StoreError> {
    let sql = if device.is_some() {
        DEVICE_TASKS
    } else {
        ALL_TASKS
    };
    let mut tasks = collect(conn, sql, device, task_from_row)?;
    tasks.sort_by_key(|t| t.id);
    Ok(tasks)
}

/// Back in the queue now, whatever its state; the engine counts its retries on. The task's
/// device, or `None` if there is no such task.
pub(super) fn retry(conn: &Connection, id: i64) -> Result<Option<String>, StoreError> {
    conn.prepare_cached(
        "UPDATE tasks SET status = 'queued', not_before = NULL WHERE id = ?1 RETURNING device_id",
    )
    .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
    .map_err(db_err)
}

/// Devices with unfinished tasks.
pub(super) fn devices_with_unfinished(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut select = conn
        .prepare("SELECT DISTINCT device_id FROM tasks WHERE status <> 'done'")
        .map_err(db_err)?;
    let rows = select.query_map([], |r| r.get(0)).map_err(db_err)?;
    rows.map(|r| r.map_err(db_err)).collect()
}

pub(super) fn devices_with_channel_faults(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut select = conn
        .prepare("SELECT DISTINCT device_id FROM faults WHERE task_id IS NULL")
        .map_err(db_err)?;
    let rows = select.query_map([], |r| r.get(0)).map_err(db_err)?;
    rows.map(|r| r.map_err(db_err)).collect()
}

pub(super) fn list_faults(
    conn: &Connection,
    device: Option<&str>,
) -> Result<Vec<FaultRecord>, StoreError> {
    let sql = if device.is_some() {
        DEVICE_FAULTS
    } else {
        ALL_FAULTS
    };
    let mut faults = collect(conn, sql, device, fault_from_row)?;
    faults.sort_by_key(|f| f.id);
    Ok(faults)
}

pub(super) fn delete_fault(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    changed(conn, "DELETE FROM faults WHERE id = ?1", id)
}

/// Queued transfers accepted at or before `sent_by`, oldest first.
pub(super) fn stale_transfers(conn: &Connection, sent_by: Millis) -> Result<Vec<Task>, StoreError> {
    let mut out = super::query_all(conn, STALE_TRANSFERS, [sent_by], task_from_row)?;
    out.sort_by_key(|t| t.id);
    Ok(out)
}

/// Inside the writer's transaction; see `Store::fault_stale_transfers`.
pub(super) fn fault_stale_transfers(
    conn: &Connection,
    timeouts: &[crate::store::TransferTimeout],
) -> Result<Vec<i64>, StoreError> {
    let mut written = Vec::new();
    for timeout in timeouts {
        let (task, sent) = (&timeout.task, timeout.sent);
        let fault_json = task
            .fault
            .as_ref()
            .map(|f| encode("task fault", f))
            .transpose()?;
        let result = task
            .result
            .as_ref()
            .map(|r| encode("task result", r))
            .transpose()?;
        let updated = conn
            .prepare_cached(
                "UPDATE tasks SET status = ?2, retries = ?3, not_before = ?4, result = ?5,
                     fault = ?6
                 WHERE id = ?1 AND status = 'queued' AND result ->> '$.pending' = 1
                     AND result ->> '$.sent' = ?7",
            )
            .and_then(|mut s| {
                s.execute(params![
                    task.id,
                    super::save::status_text(task.status),
                    task.retries,
                    task.not_before,
                    result,
                    fault_json,
                    sent
                ])
            })
            .map_err(db_err)?;
        if updated == 0 {
            continue;
        }
        conn.prepare_cached("DELETE FROM faults WHERE task_id = ?1")
            .and_then(|mut s| s.execute([task.id]))
            .map_err(db_err)?;
        super::save::insert_faults(conn, std::slice::from_ref(&timeout.fault))?;
        written.push(task.id);
    }
    Ok(written)
}
