//! Session locks with leases: one row per device naming the owner and when its lease ends.

use super::db_err;
use crate::model::Millis;
use crate::store::StoreError;
use sqlx::SqliteConnection;

/// Takes or extends the lock in one statement: the upsert's `WHERE` lets it replace only a
/// lock of the same owner or an expired one, so two nodes racing for a lock cannot both win.
pub(super) async fn acquire(
    conn: &mut SqliteConnection,
    device: &str,
    owner: &str,
    now: Millis,
    lease: Millis,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO session_locks (device_id, owner, expires) VALUES (?1, ?2, ?3)
         ON CONFLICT (device_id) DO UPDATE SET owner = excluded.owner, expires = excluded.expires
         WHERE session_locks.owner = excluded.owner OR session_locks.expires <= ?4",
    )
    .bind(device)
    .bind(owner)
    .bind(now.saturating_add(lease))
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

/// Releases the lock if `owner` still holds it; a lock taken over by another owner since
/// (after this one's lease ran out) stays.
pub(super) async fn release(
    conn: &mut SqliteConnection,
    device: &str,
    owner: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM session_locks WHERE device_id = ? AND owner = ?")
        .bind(device)
        .bind(owner)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    Ok(())
}
