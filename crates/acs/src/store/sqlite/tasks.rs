//! Tasks and faults.
//!
//! A task's life as stored: `queued` until it runs; then `done` with its result, or `fault`
//! with its fault and, while the engine will retry it, a `not_before` time. A faulted task
//! whose `not_before` has passed is due again; one with status `fault` and no `not_before`
//! is final (the engine gave up) and never due. Expired tasks that have not completed are
//! deleted, with their faults, when the device's due tasks are read.

use super::{BEGIN_WRITE, corrupt, db_err, to_u32};
use crate::model::{FaultInfo, FaultRecord, Millis, Task, TaskSpec, TaskStatus};
use crate::store::StoreError;
use sqlx::sqlite::SqliteRow;
use sqlx::{Connection, Row, SqliteConnection};

const TASK_COLUMNS: &str =
    "device_id, id, spec, status, created, expiry, retries, not_before, result, fault";

const FAULT_COLUMNS: &str =
    "device_id, id, channel, task_id, code, message, detail, retries, timestamp";

fn json_text<T: serde::Serialize>(what: &str, v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Database(format!("encoding {what}: {e}")))
}

fn task_from_row(row: &SqliteRow) -> Result<Task, StoreError> {
    let id: i64 = row.try_get("id").map_err(db_err)?;
    let what = |field: &str| format!("{field} of task {id}");
    let spec: String = row.try_get("spec").map_err(db_err)?;
    let spec: TaskSpec = serde_json::from_str(&spec).map_err(|e| corrupt(&what("spec"), e))?;
    let status: String = row.try_get("status").map_err(db_err)?;
    let status = match status.as_str() {
        "queued" => TaskStatus::Queued,
        "done" => TaskStatus::Done,
        "fault" => TaskStatus::Fault,
        other => return Err(corrupt(&what("status"), other)),
    };
    let result: Option<String> = row.try_get("result").map_err(db_err)?;
    let fault: Option<String> = row.try_get("fault").map_err(db_err)?;
    Ok(Task {
        id,
        device: row.try_get("device_id").map_err(db_err)?,
        spec,
        status,
        created: row.try_get("created").map_err(db_err)?,
        expiry: row.try_get("expiry").map_err(db_err)?,
        retries: to_u32(&what("retries"), row.try_get("retries").map_err(db_err)?)?,
        not_before: row.try_get("not_before").map_err(db_err)?,
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

fn fault_from_row(row: &SqliteRow) -> Result<FaultRecord, StoreError> {
    let id: i64 = row.try_get("id").map_err(db_err)?;
    let detail: Option<String> = row.try_get("detail").map_err(db_err)?;
    let detail = match detail {
        Some(d) => serde_json::from_str(&d).map_err(|e| corrupt(&format!("fault {id}"), e))?,
        None => serde_json::Value::Null,
    };
    Ok(FaultRecord {
        id,
        device: row.try_get("device_id").map_err(db_err)?,
        channel: row.try_get("channel").map_err(db_err)?,
        task: row.try_get("task_id").map_err(db_err)?,
        fault: FaultInfo {
            code: row.try_get("code").map_err(db_err)?,
            message: row.try_get("message").map_err(db_err)?,
            detail,
        },
        retries: to_u32(
            &format!("fault {id}"),
            row.try_get("retries").map_err(db_err)?,
        )?,
        timestamp: row.try_get("timestamp").map_err(db_err)?,
    })
}

/// The next id of `sequence` (`tasks` or `faults`); inside a write transaction.
async fn next_id(conn: &mut SqliteConnection, sequence: &str) -> Result<i64, StoreError> {
    sqlx::query_scalar("UPDATE id_sequences SET last = last + 1 WHERE name = ? RETURNING last")
        .bind(sequence)
        .fetch_one(conn)
        .await
        .map_err(db_err)
}

pub(super) async fn queue(
    conn: &mut SqliteConnection,
    device: &str,
    spec: &TaskSpec,
    expiry: Option<Millis>,
    now: Millis,
) -> Result<Task, StoreError> {
    let spec_json = json_text("task", spec)?;
    let mut tx = conn.begin_with(BEGIN_WRITE).await.map_err(db_err)?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM devices WHERE id = ?")
        .bind(device)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_err)?;
    if exists.is_none() {
        tx.rollback().await.map_err(db_err)?;
        return Err(StoreError::Conflict(format!("no device {device}")));
    }
    let id = next_id(&mut tx, "tasks").await?;
    sqlx::query(
        "INSERT INTO tasks (device_id, id, spec, status, created, expiry, retries)
         VALUES (?, ?, ?, 'queued', ?, ?, 0)",
    )
    .bind(device)
    .bind(id)
    .bind(spec_json)
    .bind(now)
    .bind(expiry)
    .execute(&mut *tx)
    .await
    .map_err(db_err)?;
    tx.commit().await.map_err(db_err)?;
    Ok(Task {
        id,
        device: device.to_string(),
        spec: spec.clone(),
        status: TaskStatus::Queued,
        created: now,
        expiry,
        retries: 0,
        not_before: None,
        result: None,
        fault: None,
    })
}

fn expired(task: &Task, now: Millis) -> bool {
    task.expiry.is_some_and(|e| e <= now)
}

fn is_due(task: &Task, now: Millis) -> bool {
    match task.status {
        TaskStatus::Queued => task.not_before.is_none_or(|t| t <= now),
        TaskStatus::Fault => task.not_before.is_some_and(|t| t <= now),
        TaskStatus::Done => false,
    }
}

/// The device's due tasks, oldest first, and the ids of its expired ones, for
/// [`drop_expired`]. A read only, so a session's start does not wait for the writer.
pub(super) async fn due(
    conn: &mut SqliteConnection,
    device: &str,
    now: Millis,
) -> Result<(Vec<Task>, Vec<i64>), StoreError> {
    let sql = format!(
        "SELECT {TASK_COLUMNS} FROM tasks WHERE device_id = ? AND status <> 'done'
         ORDER BY created, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(device)
        .fetch_all(&mut *conn)
        .await
        .map_err(db_err)?;
    let mut due = Vec::new();
    let mut expired_ids = Vec::new();
    for row in &rows {
        let task = task_from_row(row)?;
        if expired(&task, now) {
            expired_ids.push(task.id);
        } else if is_due(&task, now) {
            due.push(task);
        }
    }
    Ok((due, expired_ids))
}

/// Deletes expired unfinished tasks (their faults go by ON DELETE CASCADE).
pub(super) async fn drop_expired(
    conn: &mut SqliteConnection,
    ids: &[i64],
    now: Millis,
) -> Result<(), StoreError> {
    let ids = serde_json::to_string(ids)
        .map_err(|e| StoreError::Database(format!("encoding task ids: {e}")))?;
    // Re-checked here, in case a task changed since it was read.
    sqlx::query(
        "DELETE FROM tasks WHERE id IN (SELECT j.value FROM json_each(?) AS j)
         AND status <> 'done' AND expiry IS NOT NULL AND expiry <= ?",
    )
    .bind(ids)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(())
}

pub(super) async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<Task>, StoreError> {
    let sql = format!("SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?;
    row.as_ref().map(task_from_row).transpose()
}

pub(super) async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<bool, StoreError> {
    // Its faults go by ON DELETE CASCADE.
    let done = sqlx::query("DELETE FROM tasks WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn list(
    conn: &mut SqliteConnection,
    device: Option<&str>,
) -> Result<Vec<Task>, StoreError> {
    // Two statements rather than `? IS NULL OR ...`, so each has its own plan: by device
    // through the primary key, or the whole table.
    let rows = match device {
        Some(device) => {
            let sql = format!("SELECT {TASK_COLUMNS} FROM tasks WHERE device_id = ? ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(device)
                .fetch_all(&mut *conn)
                .await
        }
        None => {
            let sql = format!("SELECT {TASK_COLUMNS} FROM tasks ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(&mut *conn)
                .await
        }
    }
    .map_err(db_err)?;
    rows.iter().map(task_from_row).collect()
}

/// Back in the queue now, whatever its state; the engine counts its retries on.
pub(super) async fn retry(
    conn: &mut SqliteConnection,
    id: i64,
    _now: Millis,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE tasks SET status = 'queued', not_before = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn list_faults(
    conn: &mut SqliteConnection,
    device: Option<&str>,
) -> Result<Vec<FaultRecord>, StoreError> {
    // Two statements rather than `? IS NULL OR ...`, so each has its own plan: by device
    // through the primary key, or the whole table.
    let rows = match device {
        Some(device) => {
            let sql = format!("SELECT {FAULT_COLUMNS} FROM faults WHERE device_id = ? ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(device)
                .fetch_all(&mut *conn)
                .await
        }
        None => {
            let sql = format!("SELECT {FAULT_COLUMNS} FROM faults ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(&mut *conn)
                .await
        }
    }
    .map_err(db_err)?;
    rows.iter().map(fault_from_row).collect()
}

pub(super) async fn delete_fault(conn: &mut SqliteConnection, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM faults WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}
