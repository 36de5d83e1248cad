//! Files for CPE downloads, content and metadata in one row. The content is the last column,
//! so reading the metadata alone never touches the content's pages.

use super::{MAX_FILE_BYTES, corrupt, db_err};
use crate::model::FileMeta;
use crate::store::StoreError;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

const META_COLUMNS: &str = "name, file_type, oui, product_class, version, length, sha256, uploaded";

fn meta_from_row(row: &SqliteRow) -> Result<FileMeta, StoreError> {
    let name: String = row.try_get("name").map_err(db_err)?;
    let length: i64 = row.try_get("length").map_err(db_err)?;
    Ok(FileMeta {
        length: u64::try_from(length)
            .map_err(|_| corrupt(&format!("length of file {name}"), length))?,
        file_type: row.try_get("file_type").map_err(db_err)?,
        oui: row.try_get("oui").map_err(db_err)?,
        product_class: row.try_get("product_class").map_err(db_err)?,
        version: row.try_get("version").map_err(db_err)?,
        sha256: row.try_get("sha256").map_err(db_err)?,
        uploaded: row.try_get("uploaded").map_err(db_err)?,
        name,
    })
}

/// Stores or replaces a file. Refused when larger than [`MAX_FILE_BYTES`] or when the
/// metadata's length is not the content's.
pub(super) async fn put(
    conn: &mut SqliteConnection,
    meta: &FileMeta,
    content: &[u8],
) -> Result<(), StoreError> {
    if content.len() > MAX_FILE_BYTES {
        return Err(StoreError::Conflict(format!(
            "file {} is {} bytes; at most {MAX_FILE_BYTES} are stored",
            meta.name,
            content.len()
        )));
    }
    if u64::try_from(content.len()).ok() != Some(meta.length) {
        return Err(StoreError::Conflict(format!(
            "file {} has {} bytes but its metadata says {}",
            meta.name,
            content.len(),
            meta.length
        )));
    }
    let length = i64::try_from(meta.length)
        .map_err(|_| StoreError::Conflict(format!("file {} is too large", meta.name)))?;
    sqlx::query(
        "INSERT INTO files (name, file_type, oui, product_class, version, length, sha256,
             uploaded, content)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET file_type = excluded.file_type, oui = excluded.oui,
             product_class = excluded.product_class, version = excluded.version,
             length = excluded.length, sha256 = excluded.sha256, uploaded = excluded.uploaded,
             content = excluded.content",
    )
    .bind(&meta.name)
    .bind(&meta.file_type)
    .bind(&meta.oui)
    .bind(&meta.product_class)
    .bind(&meta.version)
    .bind(length)
    .bind(&meta.sha256)
    .bind(meta.uploaded)
    .bind(content)
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(())
}

pub(super) async fn get(
    conn: &mut SqliteConnection,
    name: &str,
) -> Result<Option<(FileMeta, Vec<u8>)>, StoreError> {
    let sql = format!("SELECT {META_COLUMNS}, content FROM files WHERE name = ?");
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(name)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?
    else {
        return Ok(None);
    };
    let content: Vec<u8> = row.try_get("content").map_err(db_err)?;
    Ok(Some((meta_from_row(&row)?, content)))
}

pub(super) async fn meta(
    conn: &mut SqliteConnection,
    name: &str,
) -> Result<Option<FileMeta>, StoreError> {
    let sql = format!("SELECT {META_COLUMNS} FROM files WHERE name = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(name)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db_err)?;
    row.as_ref().map(meta_from_row).transpose()
}

pub(super) async fn delete(conn: &mut SqliteConnection, name: &str) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM files WHERE name = ?")
        .bind(name)
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<FileMeta>, StoreError> {
    let sql = format!("SELECT {META_COLUMNS} FROM files ORDER BY name");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await
        .map_err(db_err)?;
    rows.iter().map(meta_from_row).collect()
}
