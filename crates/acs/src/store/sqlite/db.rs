//! The store's connections: one writer thread with group commit, and a pool of readers used
//! in place.
//!
//! Why this shape: a session's database work is a handful of microseconds of SQLite, so what
//! it costs is dominated by how the work reaches a connection. Handing every statement to a
//! connection thread and waking the caller back (what async drivers do) costs more than the
//! statements, so:
//!
//! - Reads run on the calling thread, on a reader connection taken from a pool (in WAL mode
//!   readers never wait for the writer). Reads that can be long (listings over every device,
//!   whole files) go to the blocking pool instead, so they never hold up a runtime worker.
//! - Writes go to one thread that owns the writer connection. It takes every write queued
//!   since its last commit and runs them in one transaction, each inside its own savepoint, so
//!   one failing write rolls back alone; callers hear back after the commit. Under load many
//!   sessions share one commit; alone, a write costs one hand-off each way.
//!
//! An in-memory database is private to its connection, so there it has no readers and reads
//! run on the writer thread too.

use super::db_err;
use crate::store::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a statement waits for another connection's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Idle reader connections kept open; more are opened when concurrent reads need them.
const IDLE_READERS: usize = 8;

/// How much of the database file connections map into memory.
const MMAP_BYTES: i64 = 1 << 30;

/// Page cache of the writer connection, in KiB.
const WRITER_CACHE_KIB: i64 = 64 * 1024;

/// Writes committed together at most; bounds how long the first of a batch waits.
const MAX_BATCH: usize = 256;

/// Prepared statements kept per connection. A session uses a dozen; the rest is headroom for
/// the API's generated listing queries.
const STATEMENT_CACHE: usize = 128;

/// A write waiting for, or in, a batch.
trait WriteJob: Send {
    /// Runs the write on the writer connection; false if it failed (and must be undone).
    fn run(&mut self, conn: &Connection) -> bool;
    /// Hands the caller its result, or `committed`'s error when the batch did not commit.
    fn deliver(self: Box<Self>, committed: Result<(), String>);
    /// Someone waits for it now (a read routed to the writer): commit without waiting for
    /// more writes.
    fn urgent(&self) -> bool;
}

struct Pending<R, T, F, A> {
    write: Option<F>,
    result: Option<Result<(R, T), StoreError>>,
    after_commit: Option<A>,
    reply: tokio::sync::oneshot::Sender<Result<R, StoreError>>,
    urgent: bool,
}

impl<R, T, F, A> WriteJob for Pending<R, T, F, A>
where
    R: Send,
    T: Send,
    F: FnOnce(&Connection) -> Result<(R, T), StoreError> + Send,
    A: FnOnce(T) + Send,
{
    fn run(&mut self, conn: &Connection) -> bool {
        let Some(write) = self.write.take() else {
            return false;
        };
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| write(conn)))
            .unwrap_or_else(|_| Err(StoreError::Database("a database write panicked".into())));
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn deliver(self: Box<Self>, committed: Result<(), String>) {
        let outcome = match (committed, self.result) {
            (Ok(()), Some(Ok((result, kept)))) => {
                if let Some(after_commit) = self.after_commit {
                    after_commit(kept);
                }
                Ok(result)
            }
            (Ok(()), Some(Err(e))) => Err(e),
            (Ok(()), None) => Err(StoreError::Database("the write did not run".into())),
            (Err(e), _) => Err(StoreError::Database(e)),
        };
        let _ = self.reply.send(outcome);
    }

    fn urgent(&self) -> bool {
        self.urgent
    }
}

type Job = Box<dyn WriteJob>;

#[derive(Debug)]
pub(super) struct Db {
    jobs: mpsc::Sender<Job>,
    readers: Option<ReaderPool>,
}

#[derive(Debug)]
struct ReaderPool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl Db {
    /// Starts the writer thread on `writer` (already migrated) and, for a file, a reader
    /// pool on `path`. A write waits up to `commit_window` for others to share its commit.
    pub(super) fn start(
        writer: Connection,
        path: Option<PathBuf>,
        commit_window: Duration,
    ) -> Result<Db, StoreError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("acs-sqlite-writer".into())
            .spawn(move || write_loop(writer, queue, commit_window))
            .map_err(|e| StoreError::Database(format!("cannot start the writer thread: {e}")))?;
        let readers = path.map(|path| ReaderPool {
            path,
            idle: Mutex::new(Vec::new()),
        });
        Ok(Db { jobs, readers })
    }

    /// Runs `f` in the next write transaction and returns its result once that committed.
    /// If `f` fails, what it wrote is rolled back and the rest of the batch commits. The
    /// write runs to its end even if the caller stops waiting.
    pub(super) async fn write<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R, StoreError> + Send + 'static,
    {
        self.write_then(move |conn| f(conn).map(|r| (r, ())), |()| {})
            .await
    }

    /// As [`Db::write`], and once the write has committed, runs `after_commit` with what `f`
    /// kept for it, on the writer thread: such calls happen in commit order.
    pub(super) async fn write_then<R, T, F, A>(
        &self,
        f: F,
        after_commit: A,
    ) -> Result<R, StoreError>
    where
        R: Send + 'static,
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<(R, T), StoreError> + Send + 'static,
        A: FnOnce(T) + Send + 'static,
    {
        self.submit(f, Some(after_commit), false).await
    }

    async fn submit<R, T, F, A>(
        &self,
        f: F,
        after_commit: Option<A>,
        urgent: bool,
    ) -> Result<R, StoreError>
    where
        R: Send + 'static,
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<(R, T), StoreError> + Send + 'static,
        A: FnOnce(T) + Send + 'static,
    {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(Pending {
            write: Some(f),
            result: None,
            after_commit,
            reply,
            urgent,
        });
        self.jobs
            .send(job)
            .map_err(|_| StoreError::Database("the database writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Database("the database writer has stopped".into()))?
    }

    /// A read on the writer connection (an in-memory database has no other).
    async fn read_on_writer<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R, StoreError> + Send + 'static,
    {
        self.submit(move |conn| f(conn).map(|r| (r, ())), None::<fn(())>, true)
            .await
    }

    /// Runs a short read (a few rows by key) on the calling thread.
    pub(super) async fn read<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R, StoreError> + Send + 'static,
    {
        match &self.readers {
            Some(pool) => pool.with(f),
            None => self.read_on_writer(f).await,
        }
    }

    /// Runs a read that may take long (a scan, a large value) on the blocking pool.
    pub(super) async fn read_long<R, F>(self: &Arc<Self>, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R, StoreError> + Send + 'static,
    {
        if self.readers.is_none() {
            return self.read_on_writer(f).await;
        }
        let db = Arc::clone(self);
        tokio::task::spawn_blocking(move || match &db.readers {
            Some(pool) => pool.with(f),
            None => Err(StoreError::Database("no reader connections".into())),
        })
        .await
        .map_err(|e| StoreError::Database(format!("a database read failed: {e}")))?
    }
}

impl ReaderPool {
    fn with<R>(
        &self,
        f: impl FnOnce(&Connection) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let taken = self.idle.lock().map_or(None, |mut idle| idle.pop());
        let conn = match taken {
            Some(conn) => conn,
            None => open_reader(&self.path)?,
        };
        let result = f(&conn);
        // A reader left inside a transaction by a failed read would pin an old snapshot.
        if conn.is_autocommit()
            && let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_READERS
        {
            idle.push(conn);
        }
        result
    }
}

/// Settings every connection gets.
pub(super) fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_err)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(db_err)?;
    // Pages of the database file are read through a memory map rather than a system call
    // each: a reader's page cache is dropped whenever another connection commits.
    conn.pragma_update(None, "mmap_size", MMAP_BYTES)
        .map_err(db_err)?;
    Ok(())
}

/// Settings of the writer connection, besides [`configure`]'s.
pub(super) fn configure_writer(conn: &Connection) -> Result<(), StoreError> {
    // The writer's cache survives its own commits: a larger one saves re-reading the index
    // and table pages every save touches.
    conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)
        .map_err(db_err)?;
    Ok(())
}

fn open_reader(path: &PathBuf) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).map_err(db_err)?;
    configure(&conn)?;
    Ok(conn)
}

fn write_loop(conn: Connection, queue: mpsc::Receiver<Job>, window: Duration) {
    let mut batch: Vec<Job> = Vec::new();
    // Ends when the store and every clone of it are gone.
    while let Ok(first) = queue.recv() {
        if !first.urgent() && !window.is_zero() {
            // Asleep rather than waiting on the queue, so writes arriving meanwhile do not
            // each wake this thread: they are picked up together when the window ends.
            std::thread::sleep(window);
        }
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        run_batch(&conn, &mut batch);
    }
}

fn run_batch(conn: &Connection, batch: &mut Vec<Job>) {
    if let Err(e) = statement(conn, "BEGIN IMMEDIATE") {
        let message = format!("cannot begin a write transaction: {e}");
        tracing::error!(error = %message, "database write failed");
        for job in batch.drain(..) {
            job.deliver(Err(message.clone()));
        }
        return;
    }
    let mut ran = Vec::with_capacity(batch.len());
    let mut abandoned = None;
    for mut job in batch.drain(..) {
        if abandoned.is_some() {
            job.deliver(Err("write transaction abandoned".into()));
            continue;
        }
        // Each write in its own savepoint, so a failing one is undone alone.
        let closed = statement(conn, "SAVEPOINT job").and_then(|()| {
            if job.run(conn) {
                statement(conn, "RELEASE job")
            } else {
                statement(conn, "ROLLBACK TO job").and_then(|()| statement(conn, "RELEASE job"))
            }
        });
        ran.push(job);
        if let Err(e) = closed {
            // The transaction is in an unknown state: nothing of the batch can be kept.
            abandoned = Some(format!("write transaction abandoned: {e}"));
        }
    }
    let committed = match abandoned {
        Some(message) => Err(message),
        None => statement(conn, "COMMIT").map_err(|e| format!("commit failed: {e}")),
    };
    if let Err(message) = &committed {
        tracing::error!(error = %message, "database write failed");
        if !conn.is_autocommit() {
            let _ = statement(conn, "ROLLBACK");
        }
    }
    for job in ran {
        job.deliver(committed.clone());
    }
}

fn statement(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.execute([]).map(|_| ())
}
