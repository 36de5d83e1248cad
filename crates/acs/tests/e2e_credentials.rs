//! Per-device credentials end to end: the real server and simulated devices. A device with
//! its own CPE credentials authenticates with them (and only them), others with the global
//! ones; connection requests use a device's own credentials before those learnt from its
//! tree.

mod common;

use acs::config::{AcsConfig, CpeAuth, Secret};
use common::{PROFILE, enc, post_task, simulate_options, start_acs_with, start_simulator};
use cpe::simulator::SimulateOptions;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

struct Acs {
    api: String,
    base: String,
    cwmp: SocketAddr,
    stop: CancellationToken,
}

impl Drop for Acs {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

/// The ACS with digest authentication and global CPE credentials `fleet`/`fleet-pass`.
async fn start_acs() -> Acs {
    let mut config = AcsConfig::default();
    config.cwmp.auth = CpeAuth::Digest;
    config.cwmp.username = Some("fleet".into());
    config.cwmp.password = Some(Secret::new("fleet-pass"));
    let (running, cwmp) = start_acs_with(config).await;
    // The credentials these tests set must not be replaced by the zero-touch defaults.
    common::delete_default_presets(&running.api).await;
    Acs {
        api: running.api,
        base: running.base,
        cwmp,
        stop: running.stop,
    }
}

/// One simulated device with serial `<prefix>000001`, authenticating as `user`/`pass`.
fn start_device(cwmp: SocketAddr, prefix: &str, user: &str, pass: &str) -> CancellationToken {
    start_simulator(SimulateOptions {
        username: user.into(),
        password: pass.into(),
        ..simulate_options(cwmp, prefix, 1)
    })
}

/// The id the ACS gives the simulated device with `serial`.
fn device_id(serial: &str) -> String {
    let profile = datamodel::builtin::load_profile(PROFILE).expect("profile");
    let device = cpe::device::Device::new(datamodel::BaseTree::new(profile), serial);
    let id = device.device_id();
    acs::model::device_id(&id.oui, &id.product_class, &id.serial_number)
}

async fn registered(api: &str, id: &str) -> bool {
    reqwest::get(format!("{api}/devices/{}", enc(id)))
        .await
        .expect("API answers")
        .status()
        == 200
}

async fn wait_registered(api: &str, id: &str) {
    for _ in 0..100 {
        if registered(api, id).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{id} never registered");
}

async fn put_credentials(api: &str, id: &str, body: Value) -> u16 {
    reqwest::Client::new()
        .put(format!("{api}/devices/{}/credentials", enc(id)))
        .json(&body)
        .send()
        .await
        .expect("API answers")
        .status()
        .as_u16()
}

/// Queues a task with a connection request, waiting at most `timeout_ms` for it to run.
async fn run_task(api: &str, id: &str, task: Value, timeout_ms: u64) -> (u16, Value) {
    let query = format!("?connection_request=true&timeout={timeout_ms}");
    post_task(api, id, &query, &task).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_authenticate_with_their_own_credentials_or_the_global_ones() {
    let acs = start_acs().await;
    let own = device_id("OWN000001");
    let wrong = device_id("OWX000001");
    let own_cpe = json!({"cpe": {"username": "own-user", "password": "own-pass"}});
    assert_eq!(put_credentials(&acs.api, &own, own_cpe.clone()).await, 204);
    assert_eq!(put_credentials(&acs.api, &wrong, own_cpe).await, 204);
    // Malformed credentials are refused.
    assert_eq!(
        put_credentials(&acs.api, &own, json!({"cpe": {"username": "x"}})).await,
        400
    );
    assert_eq!(put_credentials(&acs.api, &own, json!({})).await, 400);

    let _own = start_device(acs.cwmp, "OWN", "own-user", "own-pass");
    let _fleet = start_device(acs.cwmp, "FLT", "fleet", "fleet-pass");
    // This one has its own credentials but presents the global ones.
    let _wrong = start_device(acs.cwmp, "OWX", "fleet", "fleet-pass");
    wait_registered(&acs.api, &own).await;
    wait_registered(&acs.api, &device_id("FLT000001")).await;
    // The device presenting the global credentials instead of its own is refused.
    let metrics = format!("{}/metrics", acs.base);
    let mut rejected = false;
    for _ in 0..100 {
        let text = reqwest::get(&metrics)
            .await
            .expect("metrics")
            .text()
            .await
            .expect("text");
        if text.contains("acs_cpe_authentications_total{outcome=\"rejected\"}") {
            rejected = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        rejected,
        "the wrong credentials were presented and rejected"
    );
    assert!(
        !registered(&acs.api, &wrong).await,
        "global credentials refused"
    );

    // Reads show usernames, never passwords.
    let text = reqwest::get(format!("{}/devices/{}/credentials", acs.api, enc(&own)))
        .await
        .expect("API answers")
        .text()
        .await
        .expect("body");
    let body: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(body["cpe"]["username"], "own-user");
    assert!(!text.contains("own-pass"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_requests_prefer_the_devices_own_credentials() {
    let acs = start_acs().await;
    let id = device_id("CRQ000001");
    let _device = start_device(acs.cwmp, "CRQ", "fleet", "fleet-pass");
    wait_registered(&acs.api, &id).await;
    // The device's connection requests are open; the ACS locks them with credentials it
    // sets, and learns them into its tree as it does.
    let set = json!({"name": "setParameterValues", "parameterValues": [
        ["Device.ManagementServer.ConnectionRequestUsername", "cr-user"],
        ["Device.ManagementServer.ConnectionRequestPassword", "cr-pass"]]});
    let (status, body) = run_task(&acs.api, &id, set, 15_000).await;
    assert_eq!((status, &body["status"]), (200, &json!("done")), "{body}");

    let read = json!({"name": "getParameterValues",
        "parameterNames": ["Device.DeviceInfo.SoftwareVersion"]});
    // The device's own credentials come first: wrong ones make the request fail...
    let wrong = json!({"connectionRequest": {"username": "cr-user", "password": "not-it"}});
    assert_eq!(put_credentials(&acs.api, &id, wrong).await, 204);
    let (status, body) = run_task(&acs.api, &id, read.clone(), 2_000).await;
    assert_eq!(status, 202, "{body}");
    assert_eq!(body["connectionRequest"], "AuthFailed", "{body}");
    // ...the right ones work...
    let right = json!({"connectionRequest": {"username": "cr-user", "password": "cr-pass"}});
    assert_eq!(put_credentials(&acs.api, &id, right).await, 204);
    let (status, body) = run_task(&acs.api, &id, read.clone(), 15_000).await;
    assert_eq!((status, &body["status"]), (200, &json!("done")), "{body}");
    // ...and without them, those learnt from the tree do.
    let deleted = reqwest::Client::new()
        .delete(format!("{}/devices/{}/credentials", acs.api, enc(&id)))
        .send()
        .await
        .expect("API answers");
    assert_eq!(deleted.status(), 204);
    let gone = reqwest::get(format!("{}/devices/{}/credentials", acs.api, enc(&id)))
        .await
        .expect("API answers");
    assert_eq!(gone.status(), 404);
    let (status, body) = run_task(&acs.api, &id, read, 15_000).await;
    assert_eq!((status, &body["status"]), (200, &json!("done")), "{body}");
}
