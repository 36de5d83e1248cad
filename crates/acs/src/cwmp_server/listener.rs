//! The CWMP endpoint's connections: one single-threaded runtime per worker thread, each
//! accepting on its own `SO_REUSEPORT` socket of the same address.
//!
//! Why not the shared multi-threaded runtime the API uses: a CWMP session is a few short
//! requests on a fresh connection, and on a work-stealing runtime most of its cost is threads
//! waking each other to hand it around. Here the kernel spreads connections over the
//! workers and a connection lives on one thread from accept to close; what the workers
//! share (live sessions, the store, metrics) is behind `Arc`s and runtime-independent
//! locks, so a CPE that reconnects mid-session may land on any worker.
//!
//! HTTP/1.1 only (CWMP is specified over it), with keep-alive, a timeout for each request's
//! head and body, and graceful shutdown: on cancellation the workers stop accepting, let
//! each connection finish the request in hand, and end.

use super::{CwmpState, handle};
use crate::store::Store;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use socket2::{Domain, Protocol, Socket, Type};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Connections waiting to be accepted, per worker.
const BACKLOG: i32 = 1024;

/// Binds `workers` sockets to `addr` (with port 0, the port the first one got), all with
/// `SO_REUSEPORT` so the kernel spreads connections over them.
pub(crate) fn bind(
    addr: SocketAddr,
    workers: usize,
) -> std::io::Result<(Vec<std::net::TcpListener>, SocketAddr)> {
    let mut listeners = Vec::with_capacity(workers);
    let mut bound = addr;
    for _ in 0..workers.max(1) {
        let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
        socket.set_reuse_address(true)?;
        socket.set_reuse_port(true)?;
        // Inherited by accepted connections: a response goes out as soon as it is written.
        socket.set_tcp_nodelay(true)?;
        socket.set_nonblocking(true)?;
        socket.bind(&bound.into())?;
        socket.listen(BACKLOG)?;
        let listener: std::net::TcpListener = socket.into();
        bound = listener.local_addr()?;
        listeners.push(listener);
    }
    Ok((listeners, bound))
}

/// Starts one worker thread per listener; the receiver completes when every worker has
/// stopped after `shutdown`.
pub(crate) fn start<S: Store>(
    listeners: Vec<std::net::TcpListener>,
    state: Arc<CwmpState<S>>,
    shutdown: CancellationToken,
) -> std::io::Result<tokio::sync::oneshot::Receiver<()>> {
    let (done, stopped) = tokio::sync::oneshot::channel();
    let remaining = Arc::new(std::sync::atomic::AtomicUsize::new(listeners.len()));
    let done = Arc::new(std::sync::Mutex::new(Some(done)));
    for (n, listener) in listeners.into_iter().enumerate() {
        let (state, shutdown) = (Arc::clone(&state), shutdown.clone());
        let (remaining, done) = (Arc::clone(&remaining), Arc::clone(&done));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name(format!("acs-cwmp-{n}"))
            .spawn(move || {
                runtime.block_on(serve(listener, state, shutdown));
                drop(runtime);
                if remaining.fetch_sub(1, std::sync::atomic::Ordering::AcqRel) == 1
                    && let Some(done) = done.lock().ok().and_then(|mut d| d.take())
                {
                    let _ = done.send(());
                }
            })?;
    }
    Ok(stopped)
}

async fn serve<S: Store>(
    listener: std::net::TcpListener,
    state: Arc<CwmpState<S>>,
    shutdown: CancellationToken,
) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, "CWMP worker cannot use its socket");
            return;
        }
    };
    let connections = TaskTracker::new();
    loop {
        let accepted = tokio::select! {
            () = shutdown.cancelled() => break,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                connections.spawn(connection(
                    stream,
                    peer,
                    Arc::clone(&state),
                    shutdown.clone(),
                ));
            }
            Err(e) => {
                // Out of descriptors or the like: pause rather than spin.
                tracing::warn!(error = %e, "cannot accept a CWMP connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
    drop(listener);
    connections.close();
    connections.wait().await;
}

async fn connection<S: Store>(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    state: Arc<CwmpState<S>>,
    shutdown: CancellationToken,
) {
    let read_timeout = state.config.cwmp.read_timeout();
    let service = {
        let state = Arc::clone(&state);
        service_fn(move |request| handle(Arc::clone(&state), peer, request))
    };
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(read_timeout)
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    let result = tokio::select! {
        result = conn.as_mut() => result,
        () = shutdown.cancelled() => {
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    if let Err(e) = result
        && !e.is_incomplete_message()
    {
        tracing::debug!(peer = %peer, error = %e, "CWMP connection ended with an error");
    }
}
