//! The ACS end to end: the real server (CWMP endpoint, API, file server) on loopback ports,
//! and the CPE simulator's devices talking to it.

mod common;

use acs::config::AcsConfig;
use common::{
    enc, get_json as get, post_task, simulate_options, start_acs, start_acs_with, start_simulator,
    wait_for_device, wait_task_finished,
};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

fn start_devices(cwmp: SocketAddr, prefix: &str, count: usize) -> CancellationToken {
    start_simulator(simulate_options(cwmp, prefix, count))
}

async fn run_task(api: &str, device: &str, task: Value) -> (u16, Value) {
    post_task(api, device, "?connection_request=true&timeout=15000", &task).await
}

fn param<'a>(device: &'a Value, path: &str) -> Option<&'a str> {
    device["parameters"][path]["value"].as_str()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bootstrap_tasks_and_connection_requests() {
    let (acs, cwmp) = start_acs().await;
    let devices = start_devices(cwmp, "E2E", 1);
    let id = wait_for_device(&acs.api, "E2E000001").await;
    let device = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    assert_eq!(device["serialNumber"], "E2E000001");
    assert!(
        device["lastEvents"]
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e == "0 BOOTSTRAP")
    );
    assert!(param(&device, "Device.DeviceInfo.SoftwareVersion").is_some());

    let (status, task) = run_task(
        &acs.api,
        &id,
        json!({"name": "setParameterValues", "parameterValues": [["Device.WiFi.SSID.1.SSID", "E2E-Net"]]}),
    )
    .await;
    assert_eq!(status, 200, "{task}");
    assert_eq!(task["status"], "done");
    let (status, task) = run_task(
        &acs.api,
        &id,
        json!({"name": "refreshObject", "objectName": "Device.WiFi.SSID"}),
    )
    .await;
    assert_eq!(
        (status, task["status"].as_str()),
        (200, Some("done")),
        "{task}"
    );
    let device = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    assert_eq!(param(&device, "Device.WiFi.SSID.1.SSID"), Some("E2E-Net"));
    assert_eq!(
        device["parameters"]["Device.WiFi.SSID.1.SSID"]["writable"],
        true
    );

    let (_, added) = run_task(
        &acs.api,
        &id,
        json!({"name": "addObject", "objectName": "Device.NAT.PortMapping."}),
    )
    .await;
    assert_eq!(added["status"], "done", "{added}");
    let n = added["result"]["instanceNumber"]
        .as_u64()
        .expect("instance number");
    let (_, deleted) = run_task(
        &acs.api,
        &id,
        json!({"name": "deleteObject", "objectName": format!("Device.NAT.PortMapping.{n}")}),
    )
    .await;
    assert_eq!(deleted["status"], "done", "{deleted}");

    // A CPE fault becomes a fault record; the task stays faulted until retried.
    let (_, faulted) = run_task(
        &acs.api,
        &id,
        json!({"name": "setParameterValues", "parameterValues": [["Device.DeviceInfo.UpTime", "1"]]}),
    )
    .await;
    assert_eq!(faulted["status"], "fault", "{faulted}");
    assert_eq!(faulted["fault"]["code"], "9003");
    let faults = get(&format!("{}/faults?device={}", acs.api, enc(&id))).await;
    assert_eq!(faults.as_array().map(Vec::len), Some(1), "{faults}");
    let task_id = faulted["id"].as_i64().expect("id");
    let retried: Value = reqwest::Client::new()
        .post(format!("{}/tasks/{task_id}/retry", acs.api))
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(retried["status"], "queued", "{retried}");

    let (_, methods) = run_task(&acs.api, &id, json!({"name": "getRPCMethods"})).await;
    // The retried task ran first in that session and faulted again; getRPCMethods still ran.
    assert_eq!(methods["status"], "done", "{methods}");
    let metrics = reqwest::get(format!("{}/metrics", acs.api.trim_end_matches("/api/v1")))
        .await
        .expect("answers")
        .text()
        .await
        .expect("text");
    assert!(
        metrics.contains("acs_connection_requests_total{outcome=\"accepted\"}"),
        "{metrics}"
    );
    devices.cancel();
    acs.stop.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn firmware_download_changes_the_software_version() {
    let (acs, cwmp) = start_acs().await;
    let devices = start_devices(cwmp, "FW", 1);
    let id = wait_for_device(&acs.api, "FW000001").await;
    let image = b"CWMP-FIRMWARE-VERSION: 9.9.9\nfirmware payload".to_vec();
    let put = reqwest::Client::new()
        .put(format!("{}/files/gateway_v9.9.9.bin", acs.api))
        .header("fileType", "1 Firmware Upgrade Image")
        .body(image)
        .send()
        .await
        .expect("answers");
    assert_eq!(put.status().as_u16(), 201);
    let (status, task) = run_task(
        &acs.api,
        &id,
        json!({"name": "download", "fileName": "gateway_v9.9.9.bin"}),
    )
    .await;
    assert!(status == 200 || status == 202, "{task}");
    // The TransferComplete arrives in the session after the download and reboot.
    let task_id = task["id"].as_i64().expect("id");
    let done = wait_task_finished(&acs.api, task_id).await;
    assert_eq!(done["status"], "done", "{done}");
    let device = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    assert_eq!(
        param(&device, "Device.DeviceInfo.SoftwareVersion"),
        Some("9.9.9")
    );
    devices.cancel();
    acs.stop.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attribute_upload_schedule_reboot_and_factory_reset_tasks() {
    let (acs, cwmp) = start_acs().await;
    let devices = start_devices(cwmp, "ALL", 1);
    let id = wait_for_device(&acs.api, "ALL000001").await;

    let (_, set) = run_task(
        &acs.api,
        &id,
        json!({"name": "setParameterAttributes", "parameterAttributes": [
            {"name": "Device.WiFi.SSID.1.SSID", "notification": 1}
        ]}),
    )
    .await;
    assert_eq!(set["status"], "done", "{set}");
    let (_, got) = run_task(
        &acs.api,
        &id,
        json!({"name": "getParameterAttributes", "parameterNames": ["Device.WiFi.SSID.1.SSID"]}),
    )
    .await;
    assert_eq!(got["status"], "done", "{got}");
    let device = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    assert_eq!(
        device["parameters"]["Device.WiFi.SSID.1.SSID"]["notification"],
        1
    );

    let (_, scheduled) = run_task(
        &acs.api,
        &id,
        json!({"name": "scheduleInform", "delaySeconds": 1, "commandKey": "sched"}),
    )
    .await;
    assert_eq!(scheduled["status"], "done", "{scheduled}");
    let mut saw_scheduled = false;
    for _ in 0..50 {
        let d = get(&format!(
            "{}/devices/{}?fields=lastEvents",
            acs.api,
            enc(&id)
        ))
        .await;
        if d["lastEvents"]
            .as_array()
            .is_some_and(|e| e.iter().any(|c| c == "3 SCHEDULED"))
        {
            saw_scheduled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(saw_scheduled, "no 3 SCHEDULED inform");

    let (status, upload) = run_task(
        &acs.api,
        &id,
        json!({"name": "upload", "fileType": "1 Vendor Configuration File", "fileName": "all-config.txt"}),
    )
    .await;
    assert!(status == 200 || status == 202, "{upload}");
    let task_id = upload["id"].as_i64().expect("id");
    let uploaded = wait_task_finished(&acs.api, task_id).await;
    assert_eq!(uploaded["status"], "done", "{uploaded}");
    let files = get(&format!("{}/files", acs.api)).await;
    let names: Vec<&str> = files
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("uploads/") && n.ends_with("all-config.txt")),
        "{files}"
    );

    let before =
        get(&format!("{}/devices/{}?fields=lastBoot", acs.api, enc(&id))).await["lastBoot"]
            .as_i64();
    let (_, reboot) = run_task(&acs.api, &id, json!({"name": "reboot"})).await;
    assert_eq!(reboot["status"], "done", "{reboot}");
    let mut rebooted = false;
    for _ in 0..50 {
        let d = get(&format!(
            "{}/devices/{}?fields=lastBoot,lastEvents",
            acs.api,
            enc(&id)
        ))
        .await;
        if d["lastBoot"].as_i64() > before
            && d["lastEvents"]
                .as_array()
                .is_some_and(|e| e.iter().any(|c| c == "M Reboot"))
        {
            rebooted = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(rebooted, "no reboot inform");

    let (_, reset) = run_task(&acs.api, &id, json!({"name": "factoryReset"})).await;
    assert_eq!(reset["status"], "done", "{reset}");
    let mut bootstrapped = false;
    for _ in 0..50 {
        let d = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
        let events = d["lastEvents"].as_array().cloned().unwrap_or_default();
        if events.iter().any(|c| c == "0 BOOTSTRAP")
            && param(&d, "Device.WiFi.SSID.1.SSID").is_none()
        {
            bootstrapped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        bootstrapped,
        "no bootstrap after factory reset (the learnt tree is cleared)"
    );
    devices.cancel();
    acs.stop.cancel();
}

#[tokio::test]
async fn the_api_refuses_bad_input_with_json_errors() {
    let mut config = AcsConfig::default();
    config.api_token = Some(acs::config::Secret::new("t0ken"));
    let (acs, _) = start_acs_with(config).await;
    let client = reqwest::Client::new();
    let call = |method: reqwest::Method, path: &str, body: Option<Value>| {
        let mut req = client
            .request(method, format!("{}{path}", acs.api))
            .bearer_auth("t0ken");
        if let Some(b) = body {
            req = req.json(&b);
        }
        async move {
            let r = req.send().await.expect("API answers");
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let unauthorised = client
        .get(format!("{}/devices", acs.api))
        .send()
        .await
        .expect("answers");
    assert_eq!(unauthorised.status().as_u16(), 401);
    let wrong = client
        .get(format!("{}/devices", acs.api))
        .bearer_auth("nope")
        .send()
        .await
        .expect("answers");
    assert_eq!(wrong.status().as_u16(), 401);

    let (status, body) = call(reqwest::Method::GET, "/devices?filter=Device.X%20%3D", None).await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().is_some_and(|e| e.contains("filter")),
        "{body}"
    );
    let (status, _) = call(reqwest::Method::GET, "/devices?limit=100000", None).await;
    assert_eq!(status, 400);
    let (status, body) = call(reqwest::Method::GET, "/devices/nobody", None).await;
    assert_eq!(status, 404);
    assert!(body["error"].is_string(), "{body}");
    let (status, _) = call(
        reqwest::Method::POST,
        "/devices/nobody/tasks",
        Some(json!({"name": "reboot"})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, body) = call(
        reqwest::Method::POST,
        "/devices/nobody/tasks",
        Some(json!({"name": "frobnicate"})),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = call(
        reqwest::Method::POST,
        "/devices/nobody/tasks",
        Some(json!({"name": "getParameterValues", "parameterNames": "not a list"})),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = call(reqwest::Method::DELETE, "/tasks/12345", None).await;
    assert_eq!(status, 404);
    let (status, _) = call(reqwest::Method::POST, "/tasks/12345/retry", None).await;
    assert_eq!(status, 404);
    let (status, _) = call(reqwest::Method::PUT, "/devices/nobody/tags/bad%20tag", None).await;
    assert_eq!(status, 400);
    let (status, _) = call(reqwest::Method::PUT, "/devices/nobody/tags/lab", None).await;
    assert_eq!(status, 404);
    let (status, _) = call(reqwest::Method::DELETE, "/files/missing.bin", None).await;
    assert_eq!(status, 404);
    let (status, _) = call(reqwest::Method::PUT, "/files/.hidden", None).await;
    assert_eq!(status, 400);
    // The OpenAPI document needs no token.
    let doc: Value = client
        .get(format!("{}/openapi.json", acs.api))
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON");
    assert!(doc["paths"]["/devices/{id}/tasks"].is_object());
    acs.stop.cancel();
}
