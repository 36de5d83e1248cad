//! The fleet simulator: N devices in one process sharing one profile, one ACS client, one
//! connection-request listener and one statistics block.

use crate::acs_client::{AcsClient, AcsClientConfig};
use crate::agent::schedule::Phase;
use crate::agent::stats::{Stats, Summary};
use crate::agent::{AgentConfig, Shared, run_device};
use crate::conn_req::{ListenerConfig, Registry, bind, serve};
use crate::device::Device;
use crate::store::StateDir;
use crate::transfer::TransferLimits;
use cwmp::CwmpVersion;
use datamodel::BaseTree;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Clone)]
pub struct SimulateOptions {
    pub acs_url: String,
    pub count: usize,
    pub serial_prefix: String,
    pub serial_start: u64,
    /// A built-in profile name or a `.profile` file.
    pub profile: String,
    pub state_dir: Option<PathBuf>,
    pub conn_req_listen: SocketAddr,
    /// The base URL the ACS reaches the listener at; `http://<bound address>` by default.
    pub conn_req_advertise: Option<String>,
    pub periodic_interval: u32,
    pub username: String,
    pub password: String,
    pub boot_storm: bool,
    pub duration: Option<Duration>,
    pub cwmp_version: CwmpVersion,
    pub ca_bundle: Option<PathBuf>,
    /// Print a progress line to stderr every this often; `None`: quiet.
    pub progress: Option<Duration>,
}

#[derive(Debug, thiserror::Error)]
pub enum SimulateError {
    #[error(transparent)]
    Profile(#[from] datamodel::builtin::LoadProfileError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("cannot listen for connection requests on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Client(#[from] crate::acs_client::AcsClientError),
    #[error("cannot build the HTTP client: {0}")]
    Http(#[from] reqwest::Error),
}

/// A factory-fresh device informing every `interval` seconds (until the ACS says otherwise).
fn new_device(base: &Arc<BaseTree>, serial: String, interval: u32) -> Device {
    let mut device = Device::new(Arc::clone(base), serial);
    device.set_own("ManagementServer.PeriodicInformEnable", "true");
    device.set_own(
        "ManagementServer.PeriodicInformInterval",
        interval.max(1).to_string(),
    );
    device
}

/// Serial numbers: the prefix and a zero-padded number, at least 6 digits wide.
pub fn serial(prefix: &str, number: u64, last: u64) -> String {
    let width = last.to_string().len().max(6);
    format!("{prefix}{number:0width$}")
}

/// Runs the fleet until `shutdown` is cancelled or the duration ends; returns the summary.
/// `on_ready` receives the listener's bound address once it is listening.
pub async fn simulate(
    options: SimulateOptions,
    shutdown: CancellationToken,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<Summary, SimulateError> {
    let profile = datamodel::builtin::load_profile(&options.profile)?;
    let base = BaseTree::new(profile);
    let store = options.state_dir.as_ref().map(StateDir::open).transpose()?;
    let (listener, bound) =
        bind(options.conn_req_listen)
            .await
            .map_err(|source| SimulateError::Listen {
                addr: options.conn_req_listen,
                source,
            })?;
    on_ready(bound);
    let registry = Arc::new(Registry::default());
    let listener_stop = CancellationToken::new();
    let listener_task = tokio::spawn(serve(
        listener,
        Arc::clone(&registry),
        ListenerConfig::default(),
        listener_stop.clone(),
    ));
    let acs = AcsClient::new(AcsClientConfig {
        ca_bundle: options.ca_bundle.clone(),
        ..AcsClientConfig::default()
    })?;
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()?;
    let stats = Arc::new(Stats::default());
    let shared = Arc::new(Shared {
        config: AgentConfig {
            acs_url: options.acs_url.clone(),
            acs_username: options.username.clone(),
            acs_password: options.password.clone(),
            conn_req_base: options
                .conn_req_advertise
                .clone()
                .unwrap_or_else(|| format!("http://{bound}")),
            periodic_interval: options.periodic_interval,
            phase: if options.boot_storm {
                Phase::Aligned
            } else {
                Phase::Spread
            },
            cwmp_version: options.cwmp_version,
            transfer_limits: TransferLimits::default(),
        },
        acs,
        http,
        registry,
        store,
        stats: Arc::clone(&stats),
    });

    let devices_stop = CancellationToken::new();
    let mut tasks = JoinSet::new();
    let last = options.serial_start + options.count.saturating_sub(1) as u64;
    // Without a boot storm the first informs are spread over the periodic interval.
    let spread = Duration::from_secs(u64::from(options.periodic_interval.max(1)));
    for i in 0..options.count {
        let serial = serial(
            &options.serial_prefix,
            options.serial_start + i as u64,
            last,
        );
        let device = match &shared.store {
            Some(store) => match store.load(&serial)? {
                Some(snapshot) => Device::restore(Arc::clone(&base), snapshot),
                None => new_device(&base, serial, options.periodic_interval),
            },
            None => new_device(&base, serial, options.periodic_interval),
        };
        let delay = if options.boot_storm || options.count <= 1 {
            Duration::ZERO
        } else {
            spread.mul_f64(i as f64 / options.count as f64)
        };
        let shared = Arc::clone(&shared);
        let stop = devices_stop.clone();
        tasks.spawn(async move {
            tokio::select! {
                () = tokio::time::sleep(delay) => run_device(device, shared, stop).await,
                () = stop.cancelled() => {}
            }
        });
    }

    let deadline = options.duration.map(|d| tokio::time::Instant::now() + d);
    let mut ticker = tokio::time::interval(options.progress.unwrap_or(Duration::from_secs(3600)));
    ticker.tick().await;
    loop {
        let until_deadline = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = shutdown.cancelled() => break,
            () = until_deadline => break,
            _ = ticker.tick() => {
                if options.progress.is_some() {
                    eprintln!(
                        "devices {} | sessions ok {} failed {}",
                        options.count, stats.completed(), stats.failed()
                    );
                }
            }
        }
    }
    devices_stop.cancel();
    // Devices save their state on the way out; a session in flight is given a little time.
    let _ = tokio::time::timeout(Duration::from_secs(10), async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    tasks.abort_all();
    listener_stop.cancel();
    let _ = listener_task.await;
    Ok(stats.summary(options.count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_zero_padded() {
        assert_eq!(serial("SIM", 7, 100), "SIM000007");
        assert_eq!(serial("SIM", 7, 12_345_678), "SIM00000007");
        assert_eq!(serial("", 1, 1), "000001");
    }
}
