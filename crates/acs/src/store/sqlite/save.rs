//! The end-of-session write: device row, value index, tags of a new device, task updates, new
//! and cleared faults, in one transaction.
//!
//! Every statement the driver runs is a round trip to its connection thread, which costs more
//! than the statement itself, so the whole write, `BEGIN IMMEDIATE` to `COMMIT`, is one fixed
//! batch of statements sent at once, with its variable parts (tasks, faults, index rows, tags)
//! as JSON parameters that SQLite unpacks with `json_each`: one round trip whatever the
//! session changed. Because the transaction is opened by the batch rather than by the
//! driver, [`OpenWrite`] makes sure a batch that stops halfway never leaves its transaction
//! open on the writer connection.
//!
//! The device upsert keeps the row's previous `params_digest` in `prev_digest` (NULL when the
//! row is new), which lets the later statements of the batch decide without a read whether
//! the device is new (write its tags) and whether its indexed values changed (rewrite the
//! index, otherwise leave it untouched).

use super::conn::Conn;
use super::{db_err, params};
use crate::model::TaskStatus;
use crate::store::{SessionWrite, StoreError};
use serde::Serialize;
use std::collections::hash_map::RandomState;

/// The batch. Its parameters are plain `?`s bound in the order they appear in the text,
/// statement after statement (the driver hands each statement the next unused values; the
/// numbered `?NNN` form does not survive a statement that skips a number). [`save_session`]
/// binds them in this order, statement by statement.
const SAVE_SQL: &str = "
BEGIN IMMEDIATE;

INSERT INTO devices (id, oui, product_class, serial_number, manufacturer, first_seen,
    last_inform, last_boot, last_bootstrap, remote_address, last_events, tree, text_numbers,
    params_digest, prev_digest)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
ON CONFLICT (id) DO UPDATE SET oui = excluded.oui, product_class = excluded.product_class,
    serial_number = excluded.serial_number, manufacturer = excluded.manufacturer,
    first_seen = excluded.first_seen, last_inform = excluded.last_inform,
    last_boot = excluded.last_boot, last_bootstrap = excluded.last_bootstrap,
    remote_address = excluded.remote_address, last_events = excluded.last_events,
    tree = excluded.tree, text_numbers = excluded.text_numbers,
    prev_digest = devices.params_digest, params_digest = excluded.params_digest;

INSERT OR IGNORE INTO device_tags (device_id, tag)
SELECT ?, j.value FROM json_each(?) AS j
WHERE (SELECT prev_digest FROM devices WHERE id = ?) IS NULL;

DELETE FROM device_params
WHERE device_id = ?
  AND (SELECT prev_digest FROM devices WHERE id = ?) IS NOT ?
  AND path NOT IN (SELECT j.value ->> 0 FROM json_each(?) AS j);

INSERT INTO device_params (device_id, path, value, num)
SELECT ?, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) AS j
WHERE (SELECT prev_digest FROM devices WHERE id = ?) IS NOT ?
ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, num = excluded.num
WHERE device_params.value IS NOT excluded.value OR device_params.num IS NOT excluded.num;

UPDATE tasks SET status = j.value ->> 'status', retries = j.value ->> 'retries',
    not_before = j.value ->> 'not_before', expiry = j.value ->> 'expiry',
    result = j.value ->> 'result', fault = j.value ->> 'fault'
FROM json_each(?) AS j
WHERE tasks.device_id = j.value ->> 'device' AND tasks.id = j.value ->> 'id';

INSERT INTO faults (device_id, id, channel, task_id, code, message, detail, retries,
    timestamp)
SELECT j.value ->> 'device', (SELECT last FROM id_sequences WHERE name = 'faults') + j.key + 1,
    j.value ->> 'channel', j.value ->> 'task', j.value ->> 'code', j.value ->> 'message',
    j.value ->> 'detail', j.value ->> 'retries', j.value ->> 'timestamp'
FROM json_each(?) AS j
WHERE j.value ->> 'task' IS NULL
   OR EXISTS (SELECT 1 FROM tasks WHERE tasks.id = j.value ->> 'task');

UPDATE id_sequences SET last = last + json_array_length(?) WHERE name = 'faults';

DELETE FROM faults WHERE id IN (SELECT j.value FROM json_each(?) AS j);

COMMIT;
";

/// A task's new state. JSON documents travel as strings, stored as they are.
#[derive(Serialize)]
struct TaskRow<'a> {
    id: i64,
    device: &'a str,
    status: &'static str,
    retries: u32,
    not_before: Option<i64>,
    expiry: Option<i64>,
    result: Option<String>,
    fault: Option<String>,
}

#[derive(Serialize)]
struct FaultRow<'a> {
    device: &'a str,
    channel: &'a str,
    task: Option<i64>,
    code: &'a str,
    message: &'a str,
    detail: Option<String>,
    retries: u32,
    timestamp: i64,
}

pub(super) fn status_text(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Queued => "queued",
        TaskStatus::Done => "done",
        TaskStatus::Fault => "fault",
    }
}

fn encode<T: Serialize + ?Sized>(what: &str, v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Database(format!("encoding {what}: {e}")))
}

/// Writes the session; a task deleted (through the API) while the session ran stays deleted
/// (its update matches no row) and a new fault about it is not recorded.
///
/// Tags belong to `set_tag`: they are written from the record only when the session creates
/// the device, so a tag set through the API while a session runs is not undone by it.
pub(super) async fn save_session(
    conn: Conn,
    digest_key: &RandomState,
    write: &SessionWrite,
) -> Result<(), StoreError> {
    let d = &write.device;
    let tasks = write
        .tasks
        .iter()
        .map(|t| {
            Ok(TaskRow {
                id: t.id,
                device: &t.device,
                status: status_text(t.status),
                retries: t.retries,
                not_before: t.not_before,
                expiry: t.expiry,
                result: t
                    .result
                    .as_ref()
                    .map(|r| encode("task result", r))
                    .transpose()?,
                fault: t
                    .fault
                    .as_ref()
                    .map(|f| encode("task fault", f))
                    .transpose()?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let faults = write
        .new_faults
        .iter()
        .map(|f| {
            let detail = if f.fault.detail.is_null() {
                None
            } else {
                Some(encode("fault detail", &f.fault.detail)?)
            };
            Ok(FaultRow {
                device: &f.device,
                channel: &f.channel,
                task: f.task,
                code: &f.fault.code,
                message: &f.fault.message,
                detail,
                retries: f.retries,
                timestamp: f.timestamp,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;

    let id = d.id.as_str();
    let digest = params::digest(digest_key, &d.tree);
    let rows = params::rows_json(&d.tree)?;
    let faults = encode("faults", &faults)?;
    let query = sqlx::query(SAVE_SQL)
        // The device upsert.
        .bind(id)
        .bind(&d.oui)
        .bind(&d.product_class)
        .bind(&d.serial_number)
        .bind(&d.manufacturer)
        .bind(d.first_seen)
        .bind(d.last_inform)
        .bind(d.last_boot)
        .bind(d.last_bootstrap)
        .bind(&d.remote_address)
        .bind(encode("events", &d.last_events)?)
        .bind(encode("tree", &d.tree)?)
        .bind(params::text_numbers(d))
        .bind(digest)
        // Tags of a new device.
        .bind(id)
        .bind(encode("tags", &d.tags)?)
        .bind(id)
        // Index rows that disappeared.
        .bind(id)
        .bind(id)
        .bind(digest)
        .bind(rows.as_str())
        // Index rows that are new or changed.
        .bind(id)
        .bind(rows)
        .bind(id)
        .bind(digest)
        // Tasks, new faults and their ids, cleared faults.
        .bind(encode("tasks", &tasks)?)
        .bind(faults.as_str())
        .bind(faults)
        .bind(encode("cleared faults", &write.cleared_faults)?);

    let mut open = OpenWrite { conn: Some(conn) };
    let Some(conn) = open.conn.as_mut() else {
        return Err(StoreError::Database("connection lost".into()));
    };
    match query.execute(&mut **conn).await {
        Ok(_) => {
            // The batch ended with COMMIT: nothing is left open.
            open.conn = None;
            Ok(())
        }
        Err(e) => {
            // Stopped at a failing statement inside its transaction (or before it began:
            // then the ROLLBACK fails harmlessly).
            if let Some(mut conn) = open.conn.take() {
                let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            }
            Err(db_err(e))
        }
    }
}

/// The writer running the save batch. Dropped while still holding it (the caller's future
/// was cancelled mid-batch), it rolls back whatever the batch left open before the next
/// write gets the connection.
struct OpenWrite {
    conn: Option<Conn>,
}

impl Drop for OpenWrite {
    fn drop(&mut self) {
        let Some(mut conn) = self.conn.take() else {
            return;
        };
        // The task keeps the writer locked until the ROLLBACK, which the connection's thread
        // runs after the batch.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            });
        }
    }
}
