//! The ACS end to end with sessions the test drives itself: a simulated device whose TCP
//! connection is cut in the middle of a session, and a plain getParameterValues task.

mod common;

use common::{
    PROFILE, enc, get_json as get, post_task, simulate_options, start_acs, start_simulator,
    wait_for_device,
};
use cpe::acs_client::CookieJar;
use cpe::device::Device;
use cwmp::session::{CpeAction, CpeConfig, CpeOutcome, CpeSession};
use cwmp::{CwmpVersion, EventCode};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

/// A TCP relay in front of the CWMP port. It counts the connections the CPE opens and can
/// cut them abruptly, as a flaky access network would, which a client closing its own
/// connection would not show.
struct Relay {
    addr: SocketAddr,
    accepted: Arc<AtomicUsize>,
    live: Arc<Mutex<Vec<AbortHandle>>>,
}

impl Relay {
    async fn start(target: SocketAddr) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind relay");
        let addr = listener.local_addr().expect("relay addr");
        let accepted = Arc::new(AtomicUsize::new(0));
        let live = Arc::new(Mutex::new(Vec::new()));
        let (count, handles) = (Arc::clone(&accepted), Arc::clone(&live));
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                count.fetch_add(1, Ordering::SeqCst);
                let forward = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                handles
                    .lock()
                    .expect("relay lock")
                    .push(forward.abort_handle());
            }
        });
        Relay {
            addr,
            accepted,
            live,
        }
    }

    fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    /// Drops both sides of every open connection.
    fn cut(&self) {
        for forward in self.live.lock().expect("relay lock").drain(..) {
            forward.abort();
        }
    }
}

/// What one session looked like on the wire.
struct Trace {
    outcome: CpeOutcome,
    /// The ACS's requests, by name, in order.
    acs_requests: Vec<String>,
    /// How many responses carried a Set-Cookie: a resumed session must not get a new one.
    cookies_set: usize,
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// One reqwest client per TCP connection: a new client cannot reuse the old one's socket.
fn cpe_http() -> reqwest::Client {
    reqwest::Client::builder()
        .http1_only()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// Runs one session of `device` against `url`, the CPE side being `CpeSession` answered by
/// the device's own handler. With `cut`, the connection is cut right after the ACS's first
/// request arrives, and the session goes on over a new connection with the same cookie.
async fn drive(url: &str, device: &mut Device, cut: Option<&Relay>) -> Trace {
    let config = CpeConfig {
        device_id: device.device_id(),
        version: CwmpVersion::V1_4,
    };
    let content = device.inform_content(unix_now());
    let mut session = CpeSession::new(config, content, device.outbox.clone());
    let mut http = cpe_http();
    let mut jar = CookieJar::new();
    let (mut acs_requests, mut cookies_set) = (Vec::new(), 0);
    let mut action = session.start();
    for _ in 0..32 {
        let body = match action {
            CpeAction::Finished(outcome) => {
                device.session_finished(&outcome);
                return Trace {
                    outcome,
                    acs_requests,
                    cookies_set,
                };
            }
            CpeAction::PostEmpty => Vec::new(),
            CpeAction::Post(envelope) => {
                cwmp::encode(&envelope, session.dialect()).expect("encode")
            }
        };
        let mut request = http.post(url).body(body);
        if let Some(cookie) = jar.header() {
            request = request.header(reqwest::header::COOKIE, cookie);
        }
        let response = request.send().await.expect("ACS reachable");
        let status = response.status().as_u16();
        for set in response.headers().get_all(reqwest::header::SET_COOKIE) {
            cookies_set += 1;
            jar.store(set.to_str().expect("ASCII cookie"));
        }
        let reply = response.bytes().await.expect("ACS body");
        let name = cwmp::decode(&reply)
            .ok()
            .and_then(|d| d.envelopes.first().map(|e| e.body.name().to_string()));
        if let Some(name) = name.filter(|n| n != "InformResponse") {
            acs_requests.push(name);
            if let Some(relay) = cut.filter(|_| acs_requests.len() == 1) {
                relay.cut();
                http = cpe_http();
            }
        }
        action = session.on_response(status, &reply, device);
    }
    panic!("the session did not end within 32 exchanges");
}

fn factory_device(serial: &str) -> Device {
    let profile = datamodel::builtin::load_profile(PROFILE).expect("profile");
    Device::new(datamodel::BaseTree::new(profile), serial)
}

/// The API's client; a connection request waits up to the task's own 15 s timeout.
fn api_http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

async fn queue(api: &str, device: &str, query: &str, task: Value) -> (u16, Value) {
    post_task(api, device, query, &task).await
}

/// `acs_sessions_{started,finished,failed}_total` from the API port's `/metrics`.
async fn session_counters(base: &str) -> [u64; 3] {
    let text = api_http()
        .get(format!("{base}/metrics"))
        .send()
        .await
        .expect("metrics answer")
        .text()
        .await
        .expect("text");
    ["started", "finished", "failed"].map(|what| {
        let name = format!("acs_sessions_{what}_total ");
        text.lines()
            .find_map(|l| l.strip_prefix(&name)?.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {text}"))
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_that_disconnects_mid_session_resumes() {
    let (acs, cwmp) = start_acs().await;
    // The test counts the RPCs of each session: the zero-touch defaults would add theirs.
    common::delete_default_presets(&acs.api).await;
    let relay = Relay::start(cwmp).await;
    let url = format!("http://{}/", relay.addr);
    let mut device = factory_device("RESUME000001");
    device.power_on(unix_now(), &url);

    // The bootstrap session registers the device; tasks can only be queued for known ones.
    let boot = tokio::time::timeout(Duration::from_secs(30), drive(&url, &mut device, None))
        .await
        .expect("bootstrap session in time");
    assert_eq!(boot.outcome.result, Ok(()));
    assert!(boot.acs_requests.is_empty(), "{:?}", boot.acs_requests);
    let id = wait_for_device(&acs.api, "RESUME000001").await;

    let mut tasks = Vec::new();
    for task in [
        json!({"name": "getParameterValues", "parameterNames":
            ["Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.ModelName"]}),
        json!({"name": "setParameterValues", "parameterValues":
            [["Device.WiFi.SSID.1.SSID", "Resumed-Net"]]}),
    ] {
        let (status, queued) = queue(&acs.api, &id, "", task).await;
        assert_eq!(status, 202, "{queued}");
        assert_eq!(queued["status"], "queued", "{queued}");
        tasks.push(queued["id"].clone());
    }

    let [started, finished, failed] = session_counters(&acs.base).await;
    let connections = relay.accepted();
    device.add_event(EventCode::Periodic, "");
    let resumed = tokio::time::timeout(
        Duration::from_secs(30),
        drive(&url, &mut device, Some(&relay)),
    )
    .await
    .expect("resumed session in time");

    assert_eq!(resumed.outcome.result, Ok(()));
    assert!(resumed.outcome.inform_acknowledged);
    assert_eq!(
        resumed.acs_requests,
        ["GetParameterValues", "SetParameterValues"]
    );
    // At least two TCP connections (the client may open a spare one while its first is
    // on its way back to the pool), one cookie: the ACS recognised the session after the cut.
    assert!(relay.accepted() - connections >= 2);
    assert_eq!(resumed.cookies_set, 1);
    // One Inform opened the session, and it ended normally rather than by the idle timeout.
    assert_eq!(
        session_counters(&acs.base).await,
        [started + 1, finished + 1, failed]
    );

    let gpv = get(&format!("{}/tasks/{}", acs.api, tasks[0])).await;
    assert_eq!(gpv["status"], "done", "{gpv}");
    let software = device
        .value("DeviceInfo.SoftwareVersion")
        .expect("software version");
    let model = device.value("DeviceInfo.ModelName").expect("model name");
    assert_eq!(
        gpv["result"]["parameterValues"],
        json!([
            ["Device.DeviceInfo.SoftwareVersion", software, "xsd:string"],
            ["Device.DeviceInfo.ModelName", model, "xsd:string"]
        ]),
        "{gpv}"
    );
    let spv = get(&format!("{}/tasks/{}", acs.api, tasks[1])).await;
    assert_eq!(spv["status"], "done", "{spv}");

    assert_eq!(
        device.value("WiFi.SSID.1.SSID").as_deref(),
        Some("Resumed-Net")
    );
    // The ParameterKey of a setParameterValues is its task id.
    assert_eq!(
        device.value("ManagementServer.ParameterKey"),
        Some(spv["id"].to_string())
    );
    let record = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    let params = &record["parameters"];
    assert_eq!(params["Device.WiFi.SSID.1.SSID"]["value"], "Resumed-Net");
    // ModelName is not in the Inform: only the answer sent on the new connection taught it.
    assert_eq!(
        params["Device.DeviceInfo.ModelName"]["value"],
        model.as_str()
    );
    assert_eq!(record["lastEvents"], json!(["2 PERIODIC"]));
    acs.stop.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_parameter_values_over_a_connection_request() {
    let (acs, cwmp) = start_acs().await;
    let devices = start_simulator(simulate_options(cwmp, "GPV", 1));
    let id = wait_for_device(&acs.api, "GPV000001").await;

    // Not in the Inform, so the tree can only have it from this task.
    let name = "Device.DeviceInfo.Manufacturer";
    let expected = factory_device("GPV000001")
        .value("DeviceInfo.Manufacturer")
        .expect("the profile has a manufacturer");
    let before = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    assert!(before["parameters"][name].is_null(), "{before}");

    let (status, task) = queue(
        &acs.api,
        &id,
        "?connection_request=true&timeout=15000",
        json!({"name": "getParameterValues", "parameterNames": [name]}),
    )
    .await;
    assert_eq!(status, 200, "{task}");
    assert_eq!(task["status"], "done", "{task}");
    assert_eq!(
        task["result"]["parameterValues"],
        json!([[name, expected, "xsd:string"]]),
        "{task}"
    );

    let device = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    let param = &device["parameters"][name];
    assert_eq!(param["value"], expected.as_str(), "{param}");
    assert_eq!(param["type"], "xsd:string", "{param}");
    let created = task["created"].as_i64().expect("created");
    assert!(
        param["timestamp"].as_i64().is_some_and(|t| t >= created),
        "the value is as fresh as the task: {param}"
    );
    // A GetParameterValuesResponse says nothing about writability; the ACS must not guess.
    assert!(param["writable"].is_null(), "{param}");
    devices.cancel();
    acs.stop.cancel();
}
