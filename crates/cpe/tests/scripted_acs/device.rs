//! One simulated device run with `run_device` against an ACS, with its own connection-request
//! listener on 127.0.0.1 (no rate limit, so tests can wake it at will) and, optionally, a
//! state directory; and the connection request an ACS sends to wake it.

use cpe::acs_client::{AcsClient, AcsClientConfig};
use cpe::agent::schedule::Phase;
use cpe::agent::stats::Stats;
use cpe::agent::{AgentConfig, Shared, run_device};
use cpe::conn_req::{ListenerConfig, Registry, bind, serve};
use cpe::device::Device;
use cpe::store::StateDir;
use cpe::transfer::TransferLimits;
use cwmp::CwmpVersion;
use cwmp::auth::{DigestChallenge, DigestClient};
use datamodel::BaseTree;
use hyper::StatusCode;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A device task and what it runs on.
pub struct TestDevice {
    pub serial: String,
    pub shared: Arc<Shared>,
    task: Option<JoinHandle<()>>,
    shutdown: CancellationToken,
    listener_stop: CancellationToken,
}

impl Drop for TestDevice {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
        self.listener_stop.cancel();
    }
}

/// Settings of a test device.
pub struct DeviceOptions {
    pub profile: String,
    pub serial: String,
    pub acs_url: String,
    pub state_dir: Option<PathBuf>,
}

impl DeviceOptions {
    pub fn new(profile: &str, serial: &str, acs_url: &str) -> DeviceOptions {
        DeviceOptions {
            profile: profile.into(),
            serial: serial.into(),
            acs_url: acs_url.into(),
            state_dir: None,
        }
    }
}

impl TestDevice {
    /// Powers the device on: restored from the state directory if it has saved there,
    /// fresh from the factory otherwise.
    pub async fn start(options: DeviceOptions) -> TestDevice {
        let profile = datamodel::builtin::load_profile(&options.profile).expect("profile");
        let base = BaseTree::new(profile);
        let store = options
            .state_dir
            .as_ref()
            .map(|d| StateDir::open(d).expect("state dir"));
        let device = match store.as_ref().map(|s| s.load(&options.serial)) {
            Some(Ok(Some(snapshot))) => Device::restore(base, snapshot),
            Some(Err(e)) => panic!("cannot load saved state: {e}"),
            _ => Device::new(base, options.serial.clone()),
        };
        let (listener, addr) = bind("127.0.0.1:0".parse().expect("addr"))
            .await
            .expect("bind the connection-request listener");
        let registry = Arc::new(Registry::default());
        let listener_stop = CancellationToken::new();
        let listener_config = ListenerConfig {
            min_interval: Duration::ZERO,
            ..ListenerConfig::default()
        };
        tokio::spawn(serve(
            listener,
            Arc::clone(&registry),
            listener_config,
            listener_stop.clone(),
        ));
        let acs = AcsClient::new(AcsClientConfig {
            request_timeout: Duration::from_secs(20),
            ..AcsClientConfig::default()
        })
        .expect("ACS client");
        let shared = Arc::new(Shared {
            config: AgentConfig {
                acs_url: options.acs_url.clone(),
                acs_username: String::new(),
                acs_password: String::new(),
                conn_req_base: format!("http://{addr}"),
                // Profiles set their own (large) interval; periodic informs stay out of the way.
                periodic_interval: 3600,
                phase: Phase::Spread,
                cwmp_version: CwmpVersion::V1_4,
                transfer_limits: TransferLimits {
                    response_timeout: Duration::from_secs(5),
                    total_timeout: Duration::from_secs(10),
                    max_size: 1024 * 1024,
                },
            },
            acs,
            http: reqwest::Client::new(),
            registry,
            store,
            stats: Arc::new(Stats::default()),
        });
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(run_device(device, Arc::clone(&shared), shutdown.clone()));
        TestDevice {
            serial: options.serial,
            shared,
            task: Some(task),
            shutdown,
            listener_stop,
        }
    }

    /// A power loss: the task is aborted wherever it is, nothing is saved on the way out.
    pub async fn power_loss(mut self) {
        let task = self.task.take().expect("running");
        task.abort();
        self.listener_stop.cancel();
        let _ = task.await;
    }

    /// A clean stop: the device saves its state and ends.
    pub async fn stop(mut self) {
        let task = self.task.take().expect("running");
        self.shutdown.cancel();
        self.listener_stop.cancel();
        tokio::time::timeout(Duration::from_secs(10), task)
            .await
            .expect("the device stops")
            .expect("the device task ends cleanly");
    }
}

/// A connection request: GET to `url`, answering a digest challenge with `credentials` when
/// the device asks for one. Returns the final status.
pub async fn connection_request(url: &str, credentials: Option<(&str, &str)>) -> u16 {
    let client = reqwest::Client::new();
    let get = |authorization: Option<String>| {
        let mut req = client.get(url).timeout(Duration::from_secs(5));
        if let Some(a) = authorization {
            req = req.header("Authorization", a);
        }
        req.send()
    };
    let first = get(None).await.expect("the device answers");
    if first.status() != StatusCode::UNAUTHORIZED {
        return first.status().as_u16();
    }
    let Some((user, password)) = credentials else {
        return 401;
    };
    let header = first.headers()["www-authenticate"]
        .to_str()
        .expect("ascii challenge")
        .to_string();
    let challenge = DigestChallenge::parse(&header).expect("a digest challenge");
    let mut client_state = DigestClient::new(challenge, user, password);
    let parsed = reqwest::Url::parse(url).expect("valid URL");
    let uri = match parsed.query() {
        Some(q) => format!("{}?{q}", parsed.path()),
        None => parsed.path().to_string(),
    };
    let cnonce = format!("{:016x}", rand::random::<u64>());
    let authorization = client_state.authorization("GET", &uri, &cnonce);
    let second = get(Some(authorization)).await.expect("the device answers");
    second.status().as_u16()
}
