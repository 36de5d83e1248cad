//! Numbered schema migrations, embedded in the binary and applied in order at open.
//!
//! `schema_migrations` records each applied version. Each migration runs in its own write
//! transaction together with its record, so a crash leaves the schema at a whole version, and
//! two processes opening the same new file apply each migration once.

use super::{BEGIN_WRITE, db_err};
use crate::store::StoreError;
use sqlx::{Connection, Row, SqliteConnection};

/// `(version, name, SQL)`, in the order they apply. Append only: a released migration never
/// changes, a schema change is a new file.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "initial",
        include_str!("../../../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "prev_digest",
        include_str!("../../../migrations/sqlite/0002_prev_digest.sql"),
    ),
];

pub(super) async fn run(conn: &mut SqliteConnection) -> Result<(), StoreError> {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )",
    )
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;

    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    let newest = applied(&mut *conn).await?.last().copied().unwrap_or(0);
    if newest > known {
        // A newer build migrated this file; running on it could corrupt data it relies on.
        return Err(StoreError::Database(format!(
            "database schema version {newest} is newer than this build knows ({known})"
        )));
    }

    for &(version, name, sql) in MIGRATIONS {
        let mut tx = conn.begin_with(BEGIN_WRITE).await.map_err(db_err)?;
        let done: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = ?")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
        if done.is_some() {
            tx.rollback().await.map_err(db_err)?;
            continue;
        }
        sqlx::raw_sql(sql)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::Database(format!("migration {version} ({name}): {e}")))?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at)
             VALUES (?, ?, CAST(unixepoch('subsec') * 1000 AS INTEGER))",
        )
        .bind(version)
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        tx.commit().await.map_err(db_err)?;
        tracing::info!(version, name, "applied SQLite schema migration");
    }
    Ok(())
}

pub(super) async fn applied(conn: &mut SqliteConnection) -> Result<Vec<i64>, StoreError> {
    let rows = sqlx::query("SELECT version FROM schema_migrations ORDER BY version")
        .fetch_all(&mut *conn)
        .await
        .map_err(db_err)?;
    rows.iter()
        .map(|r| r.try_get::<i64, _>(0).map_err(db_err))
        .collect()
}
