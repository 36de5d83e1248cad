//! Tasks and faults.
//!
//! A task's life as stored: `queued` until it runs; then `done` with its result, or `fault`
//! with its fault and, while the engine will retry it, a `not_before` time. A faulted task
//! whose `not_before` has passed is due again; one with status `fault` and no `not_before`
//! is final (the engine gave up) and never due. Expired tasks that have not completed are
//! deleted, with their faults, when the device's due tasks are read.

use super::{BEGIN_WRITE, corrupt, db_err, to_u32};
use crate::model::{FaultInfo, FaultRecord, Millis, Task, TaskSpec, TaskStatus};
use crate::store::{SessionWrite, StoreError};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

const TASK_COLUMNS: &str =
    "device_id, id, spec, status, created, expiry, retries, not_before, result, fault";

const FAULT_COLUMNS: &str =
    "device_id, id, channel, task_id, code, message, detail, retries, timestamp";

fn status_text(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Queued => "queued",
        TaskStatus::Done => "done",
        TaskStatus::Fault => "fault",
    }
}

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
    pool: &SqlitePool,
    device: &str,
    spec: &TaskSpec,
    expiry: Option<Millis>,
    now: Millis,
) -> Result<Task, StoreError> {
    let spec_json = json_text("task", spec)?;
    let mut tx = pool.begin_with(BEGIN_WRITE).await.map_err(db_err)?;
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

pub(super) async fn due(
    pool: &SqlitePool,
    device: &str,
    now: Millis,
) -> Result<Vec<Task>, StoreError> {
    // One read in the common case; the write happens only when something has expired.
    let sql = format!(
        "SELECT {TASK_COLUMNS} FROM tasks WHERE device_id = ? AND status <> 'done'
         ORDER BY created, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(device)
        .fetch_all(pool)
        .await
        .map_err(db_err)?;
    let mut due = Vec::new();
    let mut gone = Vec::new();
    for row in &rows {
        let task = task_from_row(row)?;
        if expired(&task, now) {
            gone.push(task.id);
        } else if is_due(&task, now) {
            due.push(task);
        }
    }
    for id in gone {
        // Re-checked in the statement, in case the task changed since it was read.
        sqlx::query(
            "DELETE FROM tasks WHERE id = ? AND status <> 'done'
             AND expiry IS NOT NULL AND expiry <= ?",
        )
        .bind(id)
        .bind(now)
        .execute(pool)
        .await
        .map_err(db_err)?;
    }
    Ok(due)
}

pub(super) async fn get(pool: &SqlitePool, id: i64) -> Result<Option<Task>, StoreError> {
    let sql = format!("SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(db_err)?;
    row.as_ref().map(task_from_row).transpose()
}

pub(super) async fn delete(pool: &SqlitePool, id: i64) -> Result<bool, StoreError> {
    // Its faults go by ON DELETE CASCADE.
    let done = sqlx::query("DELETE FROM tasks WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn list(pool: &SqlitePool, device: Option<&str>) -> Result<Vec<Task>, StoreError> {
    // Two statements rather than `? IS NULL OR ...`, so each has its own plan: by device
    // through the primary key, or the whole table.
    let rows = match device {
        Some(device) => {
            let sql = format!("SELECT {TASK_COLUMNS} FROM tasks WHERE device_id = ? ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(device)
                .fetch_all(pool)
                .await
        }
        None => {
            let sql = format!("SELECT {TASK_COLUMNS} FROM tasks ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await
        }
    }
    .map_err(db_err)?;
    rows.iter().map(task_from_row).collect()
}

/// Back in the queue now, whatever its state; the engine counts its retries on.
pub(super) async fn retry(pool: &SqlitePool, id: i64, _now: Millis) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE tasks SET status = 'queued', not_before = NULL WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn list_faults(
    pool: &SqlitePool,
    device: Option<&str>,
) -> Result<Vec<FaultRecord>, StoreError> {
    // Two statements rather than `? IS NULL OR ...`, so each has its own plan: by device
    // through the primary key, or the whole table.
    let rows = match device {
        Some(device) => {
            let sql = format!("SELECT {FAULT_COLUMNS} FROM faults WHERE device_id = ? ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(device)
                .fetch_all(pool)
                .await
        }
        None => {
            let sql = format!("SELECT {FAULT_COLUMNS} FROM faults ORDER BY id");
            sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await
        }
    }
    .map_err(db_err)?;
    rows.iter().map(fault_from_row).collect()
}

pub(super) async fn delete_fault(pool: &SqlitePool, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM faults WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

/// The tasks and faults of a session's write, inside its transaction.
///
/// A task deleted (through the API) while the session ran stays deleted: its update matches
/// no row, and a new fault about it is not recorded.
pub(super) async fn write_session(
    conn: &mut SqliteConnection,
    write: &SessionWrite,
) -> Result<(), StoreError> {
    for task in &write.tasks {
        let result = task
            .result
            .as_ref()
            .map(|r| json_text("task result", r))
            .transpose()?;
        let fault = task
            .fault
            .as_ref()
            .map(|f| json_text("task fault", f))
            .transpose()?;
        sqlx::query(
            "UPDATE tasks SET status = ?, retries = ?, not_before = ?, expiry = ?, result = ?,
                 fault = ?
             WHERE device_id = ? AND id = ?",
        )
        .bind(status_text(task.status))
        .bind(i64::from(task.retries))
        .bind(task.not_before)
        .bind(task.expiry)
        .bind(result)
        .bind(fault)
        .bind(&task.device)
        .bind(task.id)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    }
    for f in &write.new_faults {
        if let Some(task) = f.task {
            let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM tasks WHERE id = ?")
                .bind(task)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db_err)?;
            if exists.is_none() {
                continue;
            }
        }
        let id = next_id(conn, "faults").await?;
        let detail = if f.fault.detail.is_null() {
            None
        } else {
            Some(json_text("fault detail", &f.fault.detail)?)
        };
        sqlx::query(
            "INSERT INTO faults (device_id, id, channel, task_id, code, message, detail,
                 retries, timestamp)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&f.device)
        .bind(id)
        .bind(&f.channel)
        .bind(f.task)
        .bind(&f.fault.code)
        .bind(&f.fault.message)
        .bind(detail)
        .bind(i64::from(f.retries))
        .bind(f.timestamp)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    }
    for id in &write.cleared_faults {
        sqlx::query("DELETE FROM faults WHERE id = ?")
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(db_err)?;
    }
    Ok(())
}
