//! The store's connections: one writer and a few readers, each held open for the store's
//! life.
//!
//! Why not the driver's pool: every statement already costs a round trip to the connection's
//! own thread, and the pool adds two more per use (a liveness ping when a connection is taken
//! and another when it is given back), which would triple the cost of a session's small
//! statements. A file database needs no liveness check, and SQLite runs one writer at a time
//! anyway, so writes queue on one connection behind an async mutex and reads spread over the
//! readers (in WAL mode they never wait for the writer). An in-memory database is private to
//! its connection, so it has the writer only and reads use it too.

use super::db_err;
use crate::store::StoreError;
use sqlx::ConnectOptions;
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteConnectOptions;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// A connection held for one operation; derefs to the connection.
pub(super) type Conn = OwnedMutexGuard<SqliteConnection>;

#[derive(Debug)]
pub(super) struct Connections {
    writer: Arc<Mutex<SqliteConnection>>,
    readers: Vec<Arc<Mutex<SqliteConnection>>>,
    next_reader: AtomicUsize,
}

impl Connections {
    /// Opens the writer first (it creates the file and sets its journal mode), then
    /// `readers` readers.
    pub(super) async fn open(
        options: &SqliteConnectOptions,
        readers: usize,
    ) -> Result<Connections, StoreError> {
        let writer = options.connect().await.map_err(db_err)?;
        let mut opened = Vec::with_capacity(readers);
        for _ in 0..readers {
            let reader = options.connect().await.map_err(db_err)?;
            opened.push(Arc::new(Mutex::new(reader)));
        }
        Ok(Connections {
            writer: Arc::new(Mutex::new(writer)),
            readers: opened,
            next_reader: AtomicUsize::new(0),
        })
    }

    /// The writer, once the writes before have finished.
    pub(super) async fn write(&self) -> Conn {
        Arc::clone(&self.writer).lock_owned().await
    }

    /// A reader: the first free one, else the next in turn when it frees up.
    pub(super) async fn read(&self) -> Conn {
        let n = self.readers.len();
        if n == 0 {
            return self.write().await;
        }
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(conn) = Arc::clone(&self.readers[(start + i) % n]).try_lock_owned() {
                return conn;
            }
        }
        Arc::clone(&self.readers[start % n]).lock_owned().await
    }
}
