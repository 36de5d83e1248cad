//! Starting the three listeners (CWMP, northbound API, file server) over one store, and
//! stopping them cleanly.

use crate::api::{ApiState, ConnReqSettings, TaskEvents};
use crate::config::AcsConfig;
use crate::cwmp_server::{CwmpState, expire_idle_sessions};
use crate::metrics::Metrics;
use crate::store::Store;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr} ({what}): {source}")]
    Bind {
        what: &'static str,
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot start the CWMP worker threads: {source}")]
    Workers { source: std::io::Error },
}

/// The addresses the listeners actually bound (port 0 gives a free port).
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    pub cwmp: SocketAddr,
    pub nbi: SocketAddr,
    pub fs: SocketAddr,
}

async fn bind(
    what: &'static str,
    addr: SocketAddr,
) -> Result<(TcpListener, SocketAddr), ServeError> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { what, addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| ServeError::Bind { what, addr, source })?;
    Ok((listener, local))
}

/// Runs until `shutdown` is cancelled; `on_bound` learns the bound addresses first.
pub async fn serve<S: Store>(
    config: AcsConfig,
    store: Arc<S>,
    shutdown: CancellationToken,
    on_bound: impl FnOnce(Bound),
) -> Result<(), ServeError> {
    let workers = config.cwmp.worker_threads();
    let (cwmp_listeners, cwmp) = crate::cwmp_server::listener::bind(config.cwmp_listen, workers)
        .map_err(|source| ServeError::Bind {
            what: "CWMP",
            addr: config.cwmp_listen,
            source,
        })?;
    let (nbi_listener, nbi) = bind("API", config.nbi_listen).await?;
    let (fs_listener, fs) = bind("files", config.fs_listen).await?;
    tracing::info!(%cwmp, workers, "CWMP endpoint listening");
    tracing::info!(%nbi, "API listening");
    tracing::info!(%fs, "file server listening");
    on_bound(Bound { cwmp, nbi, fs });

    let config = Arc::new(config);
    let metrics = Arc::new(Metrics::default());
    let task_events = Arc::new(TaskEvents::default());
    let cwmp_state = Arc::new(CwmpState::new(
        Arc::clone(&store),
        Arc::clone(&config),
        Arc::clone(&metrics),
        Arc::clone(&task_events),
        fs.port(),
    ));
    let cr = &config.connection_request;
    let api_state = Arc::new(ApiState {
        store: Arc::clone(&store),
        metrics: Arc::clone(&metrics),
        task_events: Arc::clone(&task_events),
        api_token: config.api_token.as_ref().map(|t| t.expose().to_string()),
        conn_req: ConnReqSettings {
            username: cr.username.clone().unwrap_or_default(),
            password: cr
                .password
                .as_ref()
                .map(|p| p.expose().to_string())
                .unwrap_or_default(),
            allow_basic: cr.allow_basic,
            timeout: cr.timeout(),
        },
        http: reqwest::Client::new(),
    });

    let api_app = crate::api::router(api_state);
    let fs_app = crate::fileserver::router(Arc::clone(&store));

    let stop = shutdown.clone();
    let transfers = tokio::spawn(crate::transfer_sweeper::run(
        Arc::clone(&store),
        config.tasks.clone(),
        Arc::clone(&metrics),
        Arc::clone(&task_events),
        config.tasks.transfer_sweep_interval(),
        shutdown.clone(),
    ));
    let sweeper = tokio::spawn(expire_idle_sessions(
        Arc::clone(&cwmp_state),
        shutdown.clone(),
    ));
    let graceful = move |t: CancellationToken| async move { t.cancelled().await };
    let cwmp_stopped =
        crate::cwmp_server::listener::start(cwmp_listeners, cwmp_state, shutdown.clone())
            .map_err(|source| ServeError::Workers { source })?;
    let api_task = tokio::spawn(
        axum::serve(nbi_listener, api_app)
            .with_graceful_shutdown(graceful(stop.clone()))
            .into_future(),
    );
    let fs_task = tokio::spawn(
        axum::serve(fs_listener, fs_app)
            .with_graceful_shutdown(graceful(stop.clone()))
            .into_future(),
    );
    for (what, task) in [("API", api_task), ("files", fs_task)] {
        match task.await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!(listener = what, error = %e, "listener failed"),
            Err(e) => tracing::error!(listener = what, error = %e, "listener task failed"),
        }
    }
    let _ = cwmp_stopped.await;
    let _ = sweeper.await;
    let _ = transfers.await;
    tracing::info!("stopped");
    Ok(())
}
