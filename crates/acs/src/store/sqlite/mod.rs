//! The embedded default store: one SQLite file (`sqlite://acs.db`), nothing to install.
//!
//! Layout (see `migrations/sqlite/`): a device is one row whose parameter tree is one JSON
//! document, so a session costs one read and one write of it; `device_params` indexes the
//! parameter values of every tree so a filter on a value is an index search, not a scan of
//! trees; tasks, faults and tags are rows keyed by device first. Files are stored in the
//! database too, up to [`MAX_FILE_BYTES`] each.
//!
//! Concurrency and cost: the file is opened in WAL mode, so readers never wait for the
//! writer. Reads run in place on pooled reader connections and writes are committed in
//! batches by one writer thread (see `db`). One ACS process owns a database file: it holds
//! an exclusive lock on `<file>.lock` beside it, so session locks live in its memory (see
//! `locks`) and a second process on the same file is refused at open. Several ACS nodes
//! share a PostgreSQL database instead.

mod cache;
mod credentials;
mod db;
mod devices;
mod files;
mod filter_sql;
mod locks;
mod migrate;
mod params;
mod pending;
mod presets;
mod save;
mod scripts;
mod tasks;

use super::{DeviceQuery, SessionWrite, Store, StoreError, TransferTimeout};
use crate::model::{
    DeviceCredentials, DeviceRecord, FaultRecord, FileMeta, Millis, Task, TaskSpec,
};
use crate::provision::catalog::Catalog;
use cache::DeviceCache;
use db::Db;
use locks::SessionLocks;
use pending::PendingTasks;
use rusqlite::{Connection, OpenFlags};
use std::collections::hash_map::RandomState;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub use migrate::MIGRATIONS;

/// WAL pages between automatic checkpoints (64 MiB at 4 KiB pages).
const WAL_CHECKPOINT_PAGES: i64 = 16384;

/// The largest file `put_file` accepts. Files live in the database as one BLOB each and are
/// read whole into memory, so this bounds memory per download; firmware images of
/// residential gateways are well below it.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// The SQLite implementation of [`Store`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

/// How the store trades memory and latency for CPU.
#[derive(Debug, Clone, PartialEq)]
pub struct SqliteOptions {
    /// Memory for devices kept decoded between their sessions (see `cache`); 0 for none.
    pub device_cache_bytes: usize,
    /// How long a write may wait for others to share its commit (see `db`).
    pub commit_window: Duration,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        crate::config::StoreConfig::default().sqlite_options()
    }
}

#[derive(Debug)]
struct Inner {
    db: Arc<Db>,
    cache: DeviceCache,
    pending: PendingTasks,
    /// Every preset, as sessions read them; `None` until read or after a change.
    catalog: std::sync::Mutex<CatalogCache>,
    /// Devices that may have channel faults, so sessions of the others skip reading them.
    channel_faulted: PendingTasks,
    locks: SessionLocks,
    /// Keys the digest of indexed values (see `params`).
    digest_key: RandomState,
    /// Held for the store's life: the exclusive lock on `<file>.lock`.
    _owner: Option<File>,
}

impl SqliteStore {
    /// Opens (creating it when missing) the database at `url` and brings its schema up to
    /// date. `url` is `sqlite://path/to/acs.db`, `sqlite:///absolute/path.db`, or
    /// `sqlite::memory:` for a private in-memory database (tests).
    pub async fn open(url: &str) -> Result<SqliteStore, StoreError> {
        SqliteStore::open_with(url, SqliteOptions::default()).await
    }

    /// [`SqliteStore::open`] with other than the default options.
    pub async fn open_with(url: &str, options: SqliteOptions) -> Result<SqliteStore, StoreError> {
        let location = parse_url(url)?;
        // Opening and migrating touch the disk and may wait on a busy file.
        tokio::task::spawn_blocking(move || open_blocking(location, options))
            .await
            .map_err(|e| StoreError::Database(format!("opening the database failed: {e}")))?
    }

    /// The schema versions applied to this database, in order.
    pub async fn schema_versions(&self) -> Result<Vec<i64>, StoreError> {
        self.inner.db.read(migrate::applied).await
    }

    /// SQLite's plan for the page query of `list_devices`, one line per step (`SEARCH
    /// device_params USING COVERING INDEX device_params_value (path=? AND value=?)`), for
    /// checking that a filter is answered from the indexes.
    pub async fn explain_list_devices(
        &self,
        query: &DeviceQuery,
    ) -> Result<Vec<String>, StoreError> {
        let query = query.clone();
        self.inner
            .db
            .read_long(move |conn| devices::explain(conn, &query))
            .await
    }
}

/// Where a database URL points.
enum Location {
    Memory,
    File(PathBuf),
}

fn parse_url(url: &str) -> Result<Location, StoreError> {
    let Some(rest) = url.strip_prefix("sqlite:") else {
        return Err(StoreError::Database(format!(
            "`{url}` is not an SQLite URL (expected sqlite://FILE or sqlite::memory:)"
        )));
    };
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    if rest == ":memory:" {
        return Ok(Location::Memory);
    }
    if rest.is_empty() || rest.contains('?') {
        return Err(StoreError::Database(format!(
            "`{url}` names no database file (expected sqlite://FILE, without options)"
        )));
    }
    Ok(Location::File(PathBuf::from(rest)))
}

fn open_blocking(location: Location, options: SqliteOptions) -> Result<SqliteStore, StoreError> {
    let (mut writer, path, owner) = match location {
        Location::Memory => (Connection::open_in_memory().map_err(db_err)?, None, None),
        Location::File(path) => {
            let owner = own_file(&path)?;
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&path, flags).map_err(db_err)?;
            (conn, Some(path), Some(owner))
        }
    };
    db::configure(&writer)?;
    db::configure_writer(&writer)?;
    if path.is_some() {
        // WAL: readers do not block the writer nor the writer readers. NORMAL sync is
        // durable across process crashes in WAL mode and avoids an fsync per commit.
        let mode: String = writer
            .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
            .map_err(db_err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Database(format!(
                "cannot switch the database to WAL mode (it is in {mode} mode)"
            )));
        }
        writer
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(db_err)?;
        // Checkpoints copy each page changed since the last one into the database file once,
        // however often it changed: a longer interval than SQLite's 1000 pages copies the
        // devices' rows, rewritten every session, fewer times.
        writer
            .pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)
            .map_err(db_err)?;
    }
    migrate::run(&mut writer)?;
    let pending = PendingTasks::from_devices(tasks::devices_with_unfinished(&writer)?);
    let channel_faulted = PendingTasks::from_devices(tasks::devices_with_channel_faults(&writer)?);
    Ok(SqliteStore {
        inner: Arc::new(Inner {
            db: Arc::new(Db::start(writer, path, options.commit_window)?),
            cache: DeviceCache::new(options.device_cache_bytes),
            pending,
            catalog: std::sync::Mutex::new(CatalogCache::default()),
            channel_faulted,
            locks: SessionLocks::default(),
            digest_key: RandomState::new(),
            _owner: owner,
        }),
    })
}

/// Takes the exclusive lock on `<path>.lock`, refusing when another process holds it.
fn own_file(path: &Path) -> Result<File, StoreError> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| {
            StoreError::Database(format!(
                "cannot open {}: {e}",
                Path::new(&lock_path).display()
            ))
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Database(format!(
            "database {} is in use by another ACS process (it holds {})",
            path.display(),
            Path::new(&lock_path).display()
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Database(format!(
            "cannot lock {}: {e}",
            Path::new(&lock_path).display()
        ))),
    }
}

/// Any error from the database driver.
pub(crate) fn db_err(e: rusqlite::Error) -> StoreError {
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

/// Every row of the cached statement `sql` with `params`, each read by `from_row`.
pub(crate) fn query_all<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    from_row: impl Fn(&rusqlite::Row<'_>) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut select = conn.prepare_cached(sql).map_err(db_err)?;
    let mut rows = select.query(params).map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(db_err)? {
        out.push(from_row(row)?);
    }
    Ok(out)
}

/// The first row of the cached statement `sql` with `params`, read by `from_row`.
pub(crate) fn query_first<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    from_row: impl Fn(&rusqlite::Row<'_>) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    let mut select = conn.prepare_cached(sql).map_err(db_err)?;
    let mut rows = select.query(params).map_err(db_err)?;
    rows.next().map_err(db_err)?.map(from_row).transpose()
}

const NEXT_ID: &str = "UPDATE id_sequences SET last = last + 1 WHERE name = ?1 RETURNING last";

/// Presets and scripts as sessions read them: each session needs all of them, and they
/// change rarely.
#[derive(Debug, Default)]
struct CatalogCache {
    /// Bumped after every committed change, so a read that raced one is not kept.
    generation: u64,
    catalog: Option<Arc<Catalog>>,
}

impl Inner {
    /// After a commit that changed presets or scripts.
    fn catalog_changed(&self) {
        if let Ok(mut cache) = self.catalog.lock() {
            cache.generation += 1;
            cache.catalog = None;
        }
    }
}

fn read_catalog(conn: &Connection) -> Result<Catalog, StoreError> {
    use crate::script::ScriptKind;
    let secret: Vec<u8> = query_first(
        conn,
        "SELECT value FROM settings WHERE name = 'script_secret'",
        [],
        |row| row.get(0).map_err(db_err),
    )?
    .unwrap_or_default();
    Ok(Catalog::new(
        Arc::new(presets::list(conn)?),
        scripts::all(conn, ScriptKind::Provision)?,
        scripts::all(conn, ScriptKind::VirtualParameter)?,
    )
    .with_secret(secret))
}

/// The next id of `sequence` (`tasks` or `faults`); inside a write transaction.
pub(crate) fn next_id(conn: &Connection, sequence: &str) -> Result<i64, StoreError> {
    conn.prepare_cached(NEXT_ID)
        .and_then(|mut s| s.query_row([sequence], |r| r.get(0)))
        .map_err(db_err)
}

impl Store for SqliteStore {
    async fn load_device(&self, id: &str) -> Result<Option<DeviceRecord>, StoreError> {
        if let Some(device) = self.inner.cache.get(id) {
            return Ok(Some(device));
        }
        let id = id.to_string();
        self.inner
            .db
            .read(move |conn| devices::load(conn, &id))
            .await
    }

    async fn save_session(&self, write: SessionWrite) -> Result<(), StoreError> {
        let inner = Arc::clone(&self.inner);
        let cache = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| {
                    // A cached device's stored digest and tags are known: the save skips
                    // reading them.
                    let stored = inner.cache.stored_digest(&write.device.id);
                    let saved = save::save_session(conn, &inner.digest_key, &write, stored)?;
                    let tags = match stored {
                        Some(_) if write.tag_changes.is_empty() => None,
                        _ => Some(devices::tags(conn, &write.device.id)?),
                    };
                    let channel_faulted = write.new_faults.iter().any(|f| f.task.is_none());
                    Ok(((), (write.device, saved, tags, channel_faulted)))
                },
                move |(device, saved, tags, channel_faulted)| {
                    if channel_faulted {
                        cache.channel_faulted.mark(&device.id);
                    }
                    cache
                        .cache
                        .put(device, saved.tree_bytes, saved.digest, tags);
                },
            )
            .await
    }

    async fn delete_device(&self, id: &str) -> Result<bool, StoreError> {
        let id = id.to_string();
        let cache = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| Ok((devices::delete(conn, &id)?, id)),
                move |id| {
                    cache.cache.remove(&id);
                    cache.pending.forget(&id);
                    cache.channel_faulted.forget(&id);
                },
            )
            .await
    }

    async fn set_tag(&self, id: &str, tag: &str, present: bool) -> Result<bool, StoreError> {
        let (id, tag) = (id.to_string(), tag.to_string());
        let cache = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| {
                    let found = devices::set_tag(conn, &id, &tag, present)?;
                    let tags = if found {
                        devices::tags(conn, &id)?
                    } else {
                        Default::default()
                    };
                    Ok((found, (id, tags)))
                },
                move |(id, tags)| cache.cache.set_tags(&id, tags),
            )
            .await
    }

    async fn list_devices(
        &self,
        query: &DeviceQuery,
    ) -> Result<(u64, Vec<DeviceRecord>), StoreError> {
        let query = query.clone();
        self.inner
            .db
            .read_long(move |conn| devices::list(conn, &query))
            .await
    }

    async fn queue_task(
        &self,
        device: &str,
        spec: &TaskSpec,
        expiry: Option<Millis>,
        now: Millis,
    ) -> Result<Task, StoreError> {
        let (device, spec) = (device.to_string(), spec.clone());
        let inner = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| {
                    let task = tasks::queue(conn, &device, &spec, expiry, now)?;
                    Ok((task, device))
                },
                move |device| inner.pending.mark(&device),
            )
            .await
    }

    async fn due_tasks(&self, device: &str, now: Millis) -> Result<Vec<Task>, StoreError> {
        let Some(seen) = self.inner.pending.check(device) else {
            return Ok(Vec::new());
        };
        let id = device.to_string();
        let unfinished = self
            .inner
            .db
            .read(move |conn| tasks::due(conn, &id, now))
            .await?;
        if !unfinished.expired.is_empty() {
            let expired = unfinished.expired;
            self.inner
                .db
                .write(move |conn| tasks::drop_expired(conn, &expired, now))
                .await?;
        } else if unfinished.total == 0 {
            self.inner.pending.clear(device, seen);
        }
        Ok(unfinished.due)
    }

    async fn get_task(&self, id: i64) -> Result<Option<Task>, StoreError> {
        self.inner.db.read(move |conn| tasks::get(conn, id)).await
    }

    async fn stale_transfers(&self, sent_by: Millis) -> Result<Vec<Task>, StoreError> {
        self.inner
            .db
            .read_long(move |conn| tasks::stale_transfers(conn, sent_by))
            .await
    }

    async fn fault_stale_transfers(
        &self,
        faults: Vec<TransferTimeout>,
    ) -> Result<Vec<i64>, StoreError> {
        self.inner
            .db
            .write(move |conn| tasks::fault_stale_transfers(conn, &faults))
            .await
    }

    async fn delete_task(&self, id: i64) -> Result<bool, StoreError> {
        self.inner
            .db
            .write(move |conn| tasks::delete(conn, id))
            .await
    }

    async fn list_tasks(&self, device: Option<&str>) -> Result<Vec<Task>, StoreError> {
        let device = device.map(str::to_string);
        self.inner
            .db
            .read_long(move |conn| tasks::list(conn, device.as_deref()))
            .await
    }

    async fn retry_task(&self, id: i64, _now: Millis) -> Result<bool, StoreError> {
        let inner = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| {
                    let device = tasks::retry(conn, id)?;
                    Ok((device.is_some(), device))
                },
                move |device| {
                    if let Some(device) = device {
                        inner.pending.mark(&device);
                    }
                },
            )
            .await
    }

    async fn list_faults(&self, device: Option<&str>) -> Result<Vec<FaultRecord>, StoreError> {
        let one_device = device.is_some();
        let device = device.map(str::to_string);
        let list = move |conn: &Connection| tasks::list_faults(conn, device.as_deref());
        // A device's faults are a few rows by key; all faults may be many.
        if one_device {
            self.inner.db.read(list).await
        } else {
            self.inner.db.read_long(list).await
        }
    }

    async fn delete_fault(&self, id: i64) -> Result<bool, StoreError> {
        self.inner
            .db
            .write(move |conn| tasks::delete_fault(conn, id))
            .await
    }

    async fn put_file(&self, meta: &FileMeta, content: &[u8]) -> Result<(), StoreError> {
        let (meta, content) = (meta.clone(), content.to_vec());
        self.inner
            .db
            .write(move |conn| files::put(conn, &meta, &content))
            .await
    }

    async fn get_file(&self, name: &str) -> Result<Option<(FileMeta, Vec<u8>)>, StoreError> {
        let name = name.to_string();
        self.inner
            .db
            .read_long(move |conn| files::get(conn, &name))
            .await
    }

    async fn file_meta(&self, name: &str) -> Result<Option<FileMeta>, StoreError> {
        let name = name.to_string();
        self.inner
            .db
            .read(move |conn| files::meta(conn, &name))
            .await
    }

    async fn delete_file(&self, name: &str) -> Result<bool, StoreError> {
        let name = name.to_string();
        self.inner
            .db
            .write(move |conn| files::delete(conn, &name))
            .await
    }

    async fn list_files(&self) -> Result<Vec<FileMeta>, StoreError> {
        self.inner.db.read_long(files::list).await
    }

    async fn list_presets(&self) -> Result<Arc<Vec<(String, crate::preset::Preset)>>, StoreError> {
        Ok(Arc::clone(&self.catalog().await?.raw_presets))
    }

    async fn catalog(&self) -> Result<Arc<Catalog>, StoreError> {
        let generation = match self.inner.catalog.lock() {
            Ok(cache) => match &cache.catalog {
                Some(catalog) => return Ok(Arc::clone(catalog)),
                None => cache.generation,
            },
            Err(_) => u64::MAX,
        };
        let catalog = Arc::new(self.inner.db.read(read_catalog).await?);
        if let Ok(mut cache) = self.inner.catalog.lock()
            && cache.generation == generation
        {
            cache.catalog = Some(Arc::clone(&catalog));
        }
        Ok(catalog)
    }

    async fn channel_faults(&self, device: &str) -> Result<Vec<FaultRecord>, StoreError> {
        let Some(seen) = self.inner.channel_faulted.check(device) else {
            return Ok(Vec::new());
        };
        let id = device.to_string();
        let mut faults = self
            .inner
            .db
            .read(move |conn| tasks::list_faults(conn, Some(&id)))
            .await?;
        faults.retain(|f| f.task.is_none());
        if faults.is_empty() {
            self.inner.channel_faulted.clear(device, seen);
        }
        Ok(faults)
    }

    async fn get_preset(&self, name: &str) -> Result<Option<crate::preset::Preset>, StoreError> {
        let name = name.to_string();
        self.inner
            .db
            .read(move |conn| presets::get(conn, &name))
            .await
    }

    async fn put_preset(
        &self,
        name: &str,
        preset: &crate::preset::Preset,
        now: Millis,
    ) -> Result<(), StoreError> {
        let (name, preset) = (name.to_string(), preset.clone());
        let inner = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| presets::put(conn, &name, &preset, now).map(|()| ((), ())),
                move |()| inner.catalog_changed(),
            )
            .await
    }

    async fn delete_preset(&self, name: &str) -> Result<bool, StoreError> {
        let name = name.to_string();
        let inner = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| presets::delete(conn, &name).map(|found| (found, ())),
                move |()| inner.catalog_changed(),
            )
            .await
    }

    async fn list_scripts(
        &self,
        kind: crate::script::ScriptKind,
    ) -> Result<Vec<String>, StoreError> {
        self.inner
            .db
            .read(move |conn| scripts::list(conn, kind))
            .await
    }

    async fn get_script(
        &self,
        kind: crate::script::ScriptKind,
        name: &str,
    ) -> Result<Option<String>, StoreError> {
        let name = name.to_string();
        self.inner
            .db
            .read(move |conn| scripts::get(conn, kind, &name))
            .await
    }

    async fn put_script(
        &self,
        kind: crate::script::ScriptKind,
        name: &str,
        source: &str,
        now: Millis,
    ) -> Result<(), StoreError> {
        let (name, source) = (name.to_string(), source.to_string());
        let inner = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| scripts::put(conn, kind, &name, &source, now).map(|()| ((), ())),
                move |()| inner.catalog_changed(),
            )
            .await
    }

    async fn delete_script(
        &self,
        kind: crate::script::ScriptKind,
        name: &str,
    ) -> Result<bool, StoreError> {
        let name = name.to_string();
        let inner = Arc::clone(&self.inner);
        self.inner
            .db
            .write_then(
                move |conn| scripts::delete(conn, kind, &name).map(|found| (found, ())),
                move |()| inner.catalog_changed(),
            )
            .await
    }

    async fn get_credentials(&self, device: &str) -> Result<Option<DeviceCredentials>, StoreError> {
        let device = device.to_string();
        self.inner
            .db
            .read(move |conn| credentials::get(conn, &device))
            .await
    }

    async fn put_credentials(
        &self,
        device: &str,
        credentials: &DeviceCredentials,
    ) -> Result<(), StoreError> {
        let (device, credentials) = (device.to_string(), credentials.clone());
        self.inner
            .db
            .write(move |conn| credentials::put(conn, &device, &credentials))
            .await
    }

    async fn delete_credentials(&self, device: &str) -> Result<bool, StoreError> {
        let device = device.to_string();
        self.inner
            .db
            .write(move |conn| credentials::delete(conn, &device))
            .await
    }

    async fn acquire_session_lock(
        &self,
        device: &str,
        owner: &str,
        now: Millis,
        lease: Millis,
    ) -> Result<bool, StoreError> {
        Ok(self.inner.locks.acquire(device, owner, now, lease))
    }

    async fn release_session_lock(&self, device: &str, owner: &str) -> Result<(), StoreError> {
        self.inner.locks.release(device, owner);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
