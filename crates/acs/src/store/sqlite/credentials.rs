//! Per-device credentials, one row per device.

use super::db_err;
use crate::config::Secret;
use crate::model::{Credential, DeviceCredentials};
use crate::store::StoreError;
use rusqlite::{Connection, OptionalExtension, params};

fn pair(username: Option<String>, password: Option<String>) -> Option<Credential> {
    Some(Credential {
        username: username?,
        password: Secret::new(password.unwrap_or_default()),
    })
}

pub(super) fn get(
    conn: &Connection,
    device: &str,
) -> Result<Option<DeviceCredentials>, StoreError> {
    conn.prepare_cached(
        "SELECT cpe_username, cpe_password, cr_username, cr_password
         FROM device_credentials WHERE device_id = ?1",
    )
    .and_then(|mut s| {
        s.query_row([device], |r| {
            Ok(DeviceCredentials {
                cpe: pair(r.get(0)?, r.get(1)?),
                connection_request: pair(r.get(2)?, r.get(3)?),
            })
        })
        .optional()
    })
    .map_err(db_err)
}

pub(super) fn put(
    conn: &Connection,
    device: &str,
    credentials: &DeviceCredentials,
) -> Result<(), StoreError> {
    let (cpe_user, cpe_pass) = split(credentials.cpe.as_ref());
    let (cr_user, cr_pass) = split(credentials.connection_request.as_ref());
    conn.prepare_cached(
        "INSERT INTO device_credentials (device_id, cpe_username, cpe_password, cr_username,
             cr_password)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (device_id) DO UPDATE SET cpe_username = excluded.cpe_username,
             cpe_password = excluded.cpe_password, cr_username = excluded.cr_username,
             cr_password = excluded.cr_password",
    )
    .and_then(|mut s| s.execute(params![device, cpe_user, cpe_pass, cr_user, cr_pass]))
    .map_err(db_err)?;
    Ok(())
}

fn split(credential: Option<&Credential>) -> (Option<&str>, Option<&str>) {
    match credential {
        Some(c) => (Some(c.username.as_str()), Some(c.password.expose())),
        None => (None, None),
    }
}

pub(super) fn delete(conn: &Connection, device: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("DELETE FROM device_credentials WHERE device_id = ?1")
        .and_then(|mut s| s.execute([device]))
        .map(|n| n > 0)
        .map_err(db_err)
}
