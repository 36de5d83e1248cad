//! Files for CPE downloads, content and metadata in one row. The content is the last column,
//! so reading the metadata alone never touches the content's pages.

use super::{MAX_FILE_BYTES, corrupt, db_err};
use crate::model::FileMeta;
use crate::store::StoreError;
use rusqlite::{Connection, Row, params};

macro_rules! meta_columns {
    () => {
        "name, file_type, oui, product_class, version, length, sha256, uploaded"
    };
}
pub(super) const META: &str = concat!("SELECT ", meta_columns!(), " FROM files WHERE name = ?1");
const WITH_CONTENT: &str = concat!(
    "SELECT ",
    meta_columns!(),
    ", content FROM files WHERE name = ?1"
);
const ALL: &str = concat!("SELECT ", meta_columns!(), " FROM files ORDER BY name");

fn meta_from_row(row: &Row<'_>) -> Result<FileMeta, StoreError> {
    let name: String = row.get("name").map_err(db_err)?;
    let length: i64 = row.get("length").map_err(db_err)?;
    Ok(FileMeta {
        length: u64::try_from(length)
            .map_err(|_| corrupt(&format!("length of file {name}"), length))?,
        file_type: row.get("file_type").map_err(db_err)?,
        oui: row.get("oui").map_err(db_err)?,
        product_class: row.get("product_class").map_err(db_err)?,
        version: row.get("version").map_err(db_err)?,
        sha256: row.get("sha256").map_err(db_err)?,
        uploaded: row.get("uploaded").map_err(db_err)?,
        name,
    })
}

/// Stores or replaces a file. Refused when larger than [`MAX_FILE_BYTES`] or when the
/// metadata's length is not the content's.
pub(super) fn put(conn: &Connection, meta: &FileMeta, content: &[u8]) -> Result<(), StoreError> {
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
    conn.prepare_cached(
        "INSERT INTO files (name, file_type, oui, product_class, version, length, sha256,
             uploaded, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (name) DO UPDATE SET file_type = excluded.file_type, oui = excluded.oui,
             product_class = excluded.product_class, version = excluded.version,
             length = excluded.length, sha256 = excluded.sha256, uploaded = excluded.uploaded,
             content = excluded.content",
    )
    .and_then(|mut s| {
        s.execute(params![
            meta.name,
            meta.file_type,
            meta.oui,
            meta.product_class,
            meta.version,
            length,
            meta.sha256,
            meta.uploaded,
            content
        ])
    })
    .map_err(db_err)?;
    Ok(())
}

pub(super) fn get(
    conn: &Connection,
    name: &str,
) -> Result<Option<(FileMeta, Vec<u8>)>, StoreError> {
    super::query_first(conn, WITH_CONTENT, [name], |row| {
        let content: Vec<u8> = row.get("content").map_err(db_err)?;
        Ok((meta_from_row(row)?, content))
    })
}

pub(super) fn meta(conn: &Connection, name: &str) -> Result<Option<FileMeta>, StoreError> {
    super::query_first(conn, META, [name], meta_from_row)
}

pub(super) fn delete(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("DELETE FROM files WHERE name = ?1")
        .and_then(|mut s| s.execute([name]))
        .map(|n| n > 0)
        .map_err(db_err)
}

pub(super) fn list(conn: &Connection) -> Result<Vec<FileMeta>, StoreError> {
    super::query_all(conn, ALL, [], meta_from_row)
}
