//! Presets end to end over HTTP: the real server and the simulator's devices. The zero-touch
//! defaults give every device its own connection-request credentials and inform phase (and
//! the ACS uses those credentials), the README's firmware-upgrade preset upgrades a device,
//! and a broken provision's fault is listed by the API with the script's message.

mod common;

use common::{
    enc, get_json as get, post_task, simulate_options, start_acs, start_simulator, wait_for_device,
};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::time::Duration;

fn param(device: &Value, path: &str) -> Option<String> {
    device["parameters"][path]["value"]
        .as_str()
        .map(str::to_string)
}

async fn put(url: String, body: reqwest::Body, content_type: &str) -> u16 {
    reqwest::Client::new()
        .put(url)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("API answers")
        .status()
        .as_u16()
}

/// Polls the device until `check` holds (within 20 s) and returns it.
async fn wait_until(api: &str, id: &str, check: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let device = get(&format!("{api}/devices/{}", enc(id))).await;
        if check(&device) {
            return device;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{id} never got there: {}",
        get(&format!("{api}/devices/{}", enc(id))).await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zero_touch_defaults_give_each_device_its_own_credentials_and_phase() {
    let (acs, cwmp) = start_acs().await;
    let devices = start_simulator(simulate_options(cwmp, "ZT", 3));
    let ms = "Device.ManagementServer.";
    let mut users = BTreeSet::new();
    let mut phases = BTreeSet::new();
    let mut ids = Vec::new();
    for serial in ["ZT000001", "ZT000002", "ZT000003"] {
        let id = wait_for_device(&acs.api, serial).await;
        let device = wait_until(&acs.api, &id, |d| {
            param(d, &format!("{ms}ConnectionRequestUsername"))
                .is_some_and(|u| u.starts_with("cr-"))
        })
        .await;
        assert_eq!(
            param(&device, &format!("{ms}PeriodicInformInterval")).as_deref(),
            Some("3600")
        );
        let password = &device["parameters"][format!("{ms}ConnectionRequestPassword")];
        assert_eq!(
            password["value"], "",
            "the API never shows a password: {password}"
        );
        assert_eq!(password["redacted"], true);
        users.insert(param(&device, &format!("{ms}ConnectionRequestUsername")).expect("user"));
        phases.insert(param(&device, &format!("{ms}PeriodicInformTime")).expect("phase"));
        ids.push(id);
    }
    assert_eq!(users.len(), 3, "unique per device: {users:?}");
    assert_eq!(
        phases.len(),
        3,
        "informs spread over the interval: {phases:?}"
    );
    // The device now demands those credentials; the ACS's connection request carries them.
    let read = json!({"name": "getParameterValues",
        "parameterNames": ["Device.DeviceInfo.UpTime"]});
    let (status, task) = post_task(
        &acs.api,
        &ids[0],
        "?connection_request=true&timeout=15000",
        &read,
    )
    .await;
    assert_eq!((status, &task["status"]), (200, &json!("done")), "{task}");
    devices.cancel();
    acs.stop.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_firmware_preset_upgrades_a_device() {
    let (acs, cwmp) = start_acs().await;
    let image = b"CWMP-FIRMWARE-VERSION: 4.0.0\nfirmware payload".to_vec();
    let status = reqwest::Client::new()
        .put(format!("{}/files/gateway-4.0.0.bin", acs.api))
        .header("fileType", "1 Firmware Upgrade Image")
        .body(image)
        .send()
        .await
        .expect("API answers")
        .status();
    assert_eq!(status.as_u16(), 201);
    let preset = json!({
        "weight": 100,
        "channel": "firmware",
        "precondition": "Device.DeviceInfo.SoftwareVersion <> \"4.0.0\"",
        "provisions": [["download", "1 Firmware Upgrade Image", "gateway-4.0.0.bin"]]
    });
    let url = format!("{}/presets/firmware-4.0.0", acs.api);
    assert_eq!(
        put(url, preset.to_string().into(), "application/json").await,
        204
    );
    let devices = start_simulator(simulate_options(cwmp, "FWP", 1));
    let id = wait_for_device(&acs.api, "FWP000001").await;
    let device = wait_until(&acs.api, &id, |d| {
        param(d, "Device.DeviceInfo.SoftwareVersion").as_deref() == Some("4.0.0")
    })
    .await;
    assert!(
        device["lastEvents"]
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e == "1 BOOT"),
        "the new version came with the reboot: {}",
        device["lastEvents"]
    );
    let faults = get(&format!("{}/faults", acs.api)).await;
    assert_eq!(faults.as_array().map(Vec::len), Some(0), "{faults}");
    devices.cancel();
    acs.stop.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_provision_is_listed_with_the_other_faults() {
    let (acs, cwmp) = start_acs().await;
    let script = "const v = declare('Device.DeviceInfo.SoftwareVersion', {value: 1});\n\
                  if (v.value[0]) throw new Error('unsupported firmware ' + v.value[0]);";
    let url = format!("{}/provisions/check-firmware", acs.api);
    assert_eq!(put(url, script.to_string().into(), "text/plain").await, 204);
    let preset = json!({"channel": "audit", "provisions": [["check-firmware"]]});
    let url = format!("{}/presets/audit", acs.api);
    assert_eq!(
        put(url, preset.to_string().into(), "application/json").await,
        204
    );
    let devices = start_simulator(simulate_options(cwmp, "BRK", 1));
    let id = wait_for_device(&acs.api, "BRK000001").await;
    let faults = get(&format!("{}/faults", acs.api)).await;
    let list = faults.as_array().expect("list");
    assert_eq!(list.len(), 1, "only the audit channel faulted: {faults}");
    let fault = &list[0];
    assert_eq!(fault["channel"], "audit");
    assert_eq!(fault["device"], id.as_str());
    assert_eq!(fault["code"], "script");
    assert!(
        fault["message"]
            .as_str()
            .unwrap_or_default()
            .contains("unsupported firmware 3.4.1"),
        "{fault}"
    );
    assert_eq!(fault["detail"]["line"], 2);
    assert!(fault.get("task").is_none(), "{fault}");
    // The other channel (the zero-touch defaults) did its work in the same session.
    let device = get(&format!("{}/devices/{}", acs.api, enc(&id))).await;
    assert!(
        param(&device, "Device.ManagementServer.ConnectionRequestUsername")
            .is_some_and(|u| u.starts_with("cr-"))
    );
    devices.cancel();
    acs.stop.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn virtual_parameters_show_in_the_device_and_in_filters() {
    let (acs, cwmp) = start_acs().await;
    let script = "const ip = declare('Device.IP.Interface.1.IPv4Address.1.IPAddress', \
                  {value: Date.now(3600000)});\n\
                  return {writable: false, value: [ip.value[0], 'xsd:string']};";
    let url = format!("{}/virtual-parameters/wan_ip", acs.api);
    assert_eq!(
        put(url, script.to_string().into(), "text/javascript").await,
        204
    );
    let preset = json!({"channel": "inventory",
        "provisions": [["refresh", "VirtualParameters.wan_ip", 3600]]});
    let url = format!("{}/presets/inventory", acs.api);
    assert_eq!(
        put(url, preset.to_string().into(), "application/json").await,
        204
    );
    let devices = start_simulator(simulate_options(cwmp, "VPE", 1));
    let id = wait_for_device(&acs.api, "VPE000001").await;
    let device = wait_until(&acs.api, &id, |d| {
        param(d, "VirtualParameters.wan_ip").is_some()
    })
    .await;
    assert_eq!(
        param(&device, "VirtualParameters.wan_ip").as_deref(),
        Some("203.0.113.45")
    );
    let found = get(&format!(
        "{}/devices?fields=id&filter=VirtualParameters.wan_ip%20%3D%20%22203.0.113.45%22",
        acs.api
    ))
    .await;
    assert_eq!(found["items"][0]["id"], id.as_str(), "{found}");
    let none = get(&format!(
        "{}/devices?fields=id&filter=VirtualParameters.wan_ip%20%3D%20%22192.0.2.1%22",
        acs.api
    ))
    .await;
    assert_eq!(none["items"].as_array().map(Vec::len), Some(0), "{none}");
    devices.cancel();
    acs.stop.cancel();
}
