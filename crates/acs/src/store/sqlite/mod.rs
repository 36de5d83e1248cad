//! The embedded default store: one SQLite file (`sqlite://acs.db`), nothing to install.
//!
//! Layout (see `migrations/sqlite/`): a device is one row whose parameter tree is one JSON
//! document, so a session costs one read and one write of it; `device_params` indexes the
//! parameter values of every tree so a filter on a value is an index search, not a scan of
//! trees; tasks, faults and tags are rows keyed by device first. Files are stored in the
//! database too, up to [`MAX_FILE_BYTES`] each.
//!
//! Concurrency and cost: the file is opened in WAL mode, so readers never wait for the
//! writer. The store holds one writer connection (writes queue on it) and a few readers (see
//! `conn`), and keeps the statements per operation few, because each statement is a round
//! trip to the driver's connection thread: a session's reads are one statement each and its
//! whole end-of-session write is one batch (see `save`). Write transactions start with
//! `BEGIN IMMEDIATE`, so writers of another process sharing the file queue on the busy
//! timeout instead of failing when one upgrades a read lock.

mod conn;
mod devices;
mod files;
mod filter_sql;
mod locks;
mod migrate;
mod params;
mod save;
mod tasks;

use super::{DeviceQuery, SessionWrite, Store, StoreError};
use crate::model::{DeviceRecord, FaultRecord, FileMeta, Millis, Task, TaskSpec};
use conn::Connections;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use std::collections::hash_map::RandomState;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

pub use migrate::MIGRATIONS;

/// The largest file `put_file` accepts. Files live in the database as one BLOB each and are
/// read whole into memory, so this bounds memory per download; firmware images of
/// residential gateways are well below it.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// How long a statement waits for another connection's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Reader connections to a database file, besides the writer.
const FILE_READERS: usize = 3;

/// The statement that opens every write transaction: takes the write lock at once, so a
/// transaction that reads then writes cannot fail halfway on a lock upgrade.
pub(crate) const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// The SQLite implementation of [`Store`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    conns: Arc<Connections>,
    /// Keys the digest of indexed values (see `params`).
    digest_key: Arc<RandomState>,
}

impl SqliteStore {
    /// Opens (creating it when missing) the database at `url` and brings its schema up to
    /// date. `url` is `sqlite://path/to/acs.db`, `sqlite:///absolute/path.db`, or
    /// `sqlite::memory:` for a private in-memory database (tests).
    pub async fn open(url: &str) -> Result<SqliteStore, StoreError> {
        if !url.starts_with("sqlite:") {
            return Err(StoreError::Database(format!(
                "`{url}` is not an SQLite URL (expected sqlite://FILE or sqlite::memory:)"
            )));
        }
        let in_memory = is_memory_url(url);
        let mut options = SqliteConnectOptions::from_str(url)
            .map_err(db_err)?
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let readers = if in_memory {
            // Private to its one connection (see `conn`).
            0
        } else {
            // WAL: readers do not block the writer nor the writer readers. NORMAL sync is
            // durable across process crashes in WAL mode and avoids an fsync per commit.
            options = options
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal);
            FILE_READERS
        };
        let conns = Connections::open(&options, readers).await?;
        migrate::run(&mut *conns.write().await).await?;
        Ok(SqliteStore {
            conns: Arc::new(conns),
            digest_key: Arc::new(RandomState::new()),
        })
    }

    /// The schema versions applied to this database, in order.
    pub async fn schema_versions(&self) -> Result<Vec<i64>, StoreError> {
        migrate::applied(&mut *self.conns.read().await).await
    }

    /// SQLite's plan for the page query of `list_devices`, one line per step (`SEARCH
    /// device_params USING COVERING INDEX device_params_value (path=? AND value=?)`), for
    /// checking that a filter is answered from the indexes.
    pub async fn explain_list_devices(
        &self,
        query: &DeviceQuery,
    ) -> Result<Vec<String>, StoreError> {
        devices::explain(&mut *self.conns.read().await, query).await
    }
}

fn is_memory_url(url: &str) -> bool {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    rest.starts_with(":memory:") || rest.contains("mode=memory")
}

/// Any error from the database driver.
pub(crate) fn db_err(e: sqlx::Error) -> StoreError {
    StoreError::Database(e.to_string())
}

/// A stored JSON document that does not decode.
pub(crate) fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

/// Millisecond and count columns are INTEGER (i64); the model uses unsigned types for counts.
pub(crate) fn to_u32(what: &str, v: i64) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| corrupt(what, format!("{v} out of range")))
}

impl Store for SqliteStore {
    async fn load_device(&self, id: &str) -> Result<Option<DeviceRecord>, StoreError> {
        devices::load(&mut *self.conns.read().await, id).await
    }

    async fn save_session(&self, write: SessionWrite) -> Result<(), StoreError> {
        save::save_session(self.conns.write().await, &self.digest_key, &write).await
    }

    async fn delete_device(&self, id: &str) -> Result<bool, StoreError> {
        devices::delete(&mut *self.conns.write().await, id).await
    }

    async fn set_tag(&self, id: &str, tag: &str, present: bool) -> Result<bool, StoreError> {
        devices::set_tag(&mut *self.conns.write().await, id, tag, present).await
    }

    async fn list_devices(
        &self,
        query: &DeviceQuery,
    ) -> Result<(u64, Vec<DeviceRecord>), StoreError> {
        devices::list(&mut *self.conns.read().await, query).await
    }

    async fn queue_task(
        &self,
        device: &str,
        spec: &TaskSpec,
        expiry: Option<Millis>,
        now: Millis,
    ) -> Result<Task, StoreError> {
        tasks::queue(&mut *self.conns.write().await, device, spec, expiry, now).await
    }

    async fn due_tasks(&self, device: &str, now: Millis) -> Result<Vec<Task>, StoreError> {
        let (due, expired) = tasks::due(&mut *self.conns.read().await, device, now).await?;
        if !expired.is_empty() {
            tasks::drop_expired(&mut *self.conns.write().await, &expired, now).await?;
        }
        Ok(due)
    }

    async fn get_task(&self, id: i64) -> Result<Option<Task>, StoreError> {
        tasks::get(&mut *self.conns.read().await, id).await
    }

    async fn delete_task(&self, id: i64) -> Result<bool, StoreError> {
        tasks::delete(&mut *self.conns.write().await, id).await
    }

    async fn list_tasks(&self, device: Option<&str>) -> Result<Vec<Task>, StoreError> {
        tasks::list(&mut *self.conns.read().await, device).await
    }

    async fn retry_task(&self, id: i64, now: Millis) -> Result<bool, StoreError> {
        tasks::retry(&mut *self.conns.write().await, id, now).await
    }

    async fn list_faults(&self, device: Option<&str>) -> Result<Vec<FaultRecord>, StoreError> {
        tasks::list_faults(&mut *self.conns.read().await, device).await
    }

    async fn delete_fault(&self, id: i64) -> Result<bool, StoreError> {
        tasks::delete_fault(&mut *self.conns.write().await, id).await
    }

    async fn put_file(&self, meta: &FileMeta, content: &[u8]) -> Result<(), StoreError> {
        files::put(&mut *self.conns.write().await, meta, content).await
    }

    async fn get_file(&self, name: &str) -> Result<Option<(FileMeta, Vec<u8>)>, StoreError> {
        files::get(&mut *self.conns.read().await, name).await
    }

    async fn file_meta(&self, name: &str) -> Result<Option<FileMeta>, StoreError> {
        files::meta(&mut *self.conns.read().await, name).await
    }

    async fn delete_file(&self, name: &str) -> Result<bool, StoreError> {
        files::delete(&mut *self.conns.write().await, name).await
    }

    async fn list_files(&self) -> Result<Vec<FileMeta>, StoreError> {
        files::list(&mut *self.conns.read().await).await
    }

    async fn acquire_session_lock(
        &self,
        device: &str,
        owner: &str,
        now: Millis,
        lease: Millis,
    ) -> Result<bool, StoreError> {
        locks::acquire(&mut *self.conns.write().await, device, owner, now, lease).await
    }

    async fn release_session_lock(&self, device: &str, owner: &str) -> Result<(), StoreError> {
        locks::release(&mut *self.conns.write().await, device, owner).await
    }
}
