//! What the end-to-end tests share: the real server on loopback ports with an in-memory
//! store, simulated devices, and URL escaping of device ids.

#![allow(dead_code)]

use acs::config::AcsConfig;
use acs::store::sqlite::SqliteStore;
use cpe::simulator::{SimulateOptions, simulate};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// The profile the simulated devices use.
pub const PROFILE: &str = "tr181-gateway";

pub struct Running {
    /// `http://<api address>/api/v1`.
    pub api: String,
    /// The API listener's root, where `/metrics` lives.
    pub base: String,
    pub stop: CancellationToken,
}

pub async fn start_acs() -> (Running, SocketAddr) {
    start_acs_with(AcsConfig::default()).await
}

/// Starts the ACS with `config` on free loopback ports and an in-memory database; returns it
/// with the address of its CWMP endpoint.
pub async fn start_acs_with(mut config: AcsConfig) -> (Running, SocketAddr) {
    let local: SocketAddr = "127.0.0.1:0".parse().expect("addr");
    config.cwmp_listen = local;
    config.nbi_listen = local;
    config.fs_listen = local;
    config.database = "sqlite::memory:".into();
    let store = Arc::new(SqliteStore::open(&config.database).await.expect("store"));
    let stop = CancellationToken::new();
    let (tx, rx) = tokio::sync::oneshot::channel();
    let shutdown = stop.clone();
    tokio::spawn(async move {
        let _ = acs::server::serve(config, store, shutdown, move |bound| {
            let _ = tx.send(bound);
        })
        .await;
    });
    let bound = tokio::time::timeout(Duration::from_secs(10), rx)
        .await
        .expect("listeners bound in time")
        .expect("listeners bound");
    let base = format!("http://{}", bound.nbi);
    (
        Running {
            api: format!("{base}/api/v1"),
            base,
            stop,
        },
        bound.cwmp,
    )
}

/// Removes the zero-touch `bootstrap` preset a new database starts with, for tests that
/// need sessions with nothing to do.
pub async fn delete_default_presets(api: &str) {
    let status = api_client()
        .delete(format!("{api}/presets/bootstrap"))
        .send()
        .await
        .expect("API answers")
        .status();
    assert_eq!(
        status.as_u16(),
        204,
        "the default preset is there to delete"
    );
}

/// `count` simulated devices with serials `<prefix>000001`..., booting at once, without
/// credentials and with an hour between periodic informs.
pub fn simulate_options(cwmp: SocketAddr, prefix: &str, count: usize) -> SimulateOptions {
    SimulateOptions {
        acs_url: format!("http://{cwmp}/"),
        count,
        serial_prefix: prefix.into(),
        serial_start: 1,
        profile: PROFILE.into(),
        state_dir: None,
        conn_req_listen: "127.0.0.1:0".parse().expect("addr"),
        conn_req_advertise: None,
        periodic_interval: 3600,
        username: String::new(),
        password: String::new(),
        boot_storm: true,
        duration: None,
        cwmp_version: cwmp::CwmpVersion::V1_4,
        ca_bundle: None,
        progress: None,
    }
}

/// Runs the simulated devices until the returned token is cancelled.
pub fn start_simulator(options: SimulateOptions) -> CancellationToken {
    let stop = CancellationToken::new();
    let shutdown = stop.clone();
    tokio::spawn(async move {
        let _ = simulate(options, shutdown, |_| {}).await;
    });
    stop
}

/// A device id as one URL path segment.
pub fn enc(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// GET `url` and its JSON body.
pub async fn get_json(url: &str) -> serde_json::Value {
    api_client()
        .get(url)
        .send()
        .await
        .expect("API answers")
        .json()
        .await
        .expect("JSON")
}

fn api_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

/// The id of the device with `serial` once it has registered (within 10 s).
pub async fn wait_for_device(api: &str, serial: &str) -> String {
    for _ in 0..100 {
        let page = get_json(&format!(
            "{api}/devices?fields=id&filter=serialNumber%20%3D%20%22{serial}%22"
        ))
        .await;
        if let Some(id) = page["items"][0]["id"].as_str() {
            return id.to_string();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{serial} never registered");
}

/// POSTs `task` to the device's tasks with `query` (e.g. `?connection_request=true`);
/// returns the status and the JSON body.
pub async fn post_task(
    api: &str,
    device: &str,
    query: &str,
    task: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let response = api_client()
        .post(format!("{api}/devices/{}/tasks{query}", enc(device)))
        .json(task)
        .send()
        .await
        .expect("API answers");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

/// The task `id` once it has left the queue (within 10 s), as the API shows it.
pub async fn wait_task_finished(api: &str, id: i64) -> serde_json::Value {
    let mut task = serde_json::Value::Null;
    for _ in 0..100 {
        task = get_json(&format!("{api}/tasks/{id}")).await;
        if task["status"] != "queued" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    task
}
