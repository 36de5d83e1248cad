//! The provisioning API over HTTP (presets, provision scripts, virtual parameters): what is
//! accepted, what is refused and why.

mod common;

use common::start_acs;
use serde_json::{Value, json};

async fn put(url: &str, body: &Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .put(url)
        .json(body)
        .send()
        .await
        .expect("API answers");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn presets_are_checked_stored_listed_and_deleted() {
    let (acs, _) = start_acs().await;
    let url = format!("{}/presets/firmware-2.1", acs.api);
    let preset = json!({"weight": 10, "channel": "firmware",
        "precondition": "Device.DeviceInfo.SoftwareVersion < \"2.1\"",
        "provisions": [["download", "1 Firmware Upgrade Image", "fw-2.1.bin"]]});
    assert_eq!(put(&url, &preset).await.0, 204);
    let stored: Value = reqwest::get(&url)
        .await
        .expect("API answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(stored["provisions"], preset["provisions"]);
    assert_eq!(stored["channel"], "firmware");
    let all: Value = reqwest::get(format!("{}/presets", acs.api))
        .await
        .expect("API answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(all["firmware-2.1"]["weight"], 10);
    assert_eq!(
        all["bootstrap"]["provisions"],
        json!([["bootstrap", 3600]]),
        "a new database has the default bootstrap preset"
    );

    // Refusals carry the reason.
    for (body, needle) in [
        (
            json!({"provisions": [["x"]], "precondition": "Device.X >"}),
            "precondition",
        ),
        (
            json!({"provisions": [["x"]], "schedule": {"cron": "* * *", "duration": 60}}),
            "fields",
        ),
        (json!({"provisions": []}), "provisions"),
        (json!({"weight": "heavy", "provisions": [["x"]]}), "weight"),
    ] {
        let (status, error) = put(&url, &body).await;
        assert_eq!(status, 400, "{body}");
        let message = error["error"].as_str().unwrap_or_default();
        assert!(message.contains(needle), "{body}: {error}");
    }
    // The stored preset is unchanged by the refused ones.
    let still: Value = reqwest::get(&url)
        .await
        .expect("API answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(still, stored);

    let client = reqwest::Client::new();
    assert_eq!(
        client.delete(&url).send().await.expect("delete").status(),
        204
    );
    assert_eq!(
        client.delete(&url).send().await.expect("delete").status(),
        404
    );
    assert_eq!(reqwest::get(&url).await.expect("get").status(), 404);
    acs.stop.cancel();
}

#[tokio::test]
async fn scripts_are_compiled_at_upload_and_refused_with_their_line() {
    let (acs, _) = start_acs().await;
    let client = reqwest::Client::new();
    let upload = |path: String, source: &'static str| {
        let client = client.clone();
        async move {
            let response = client
                .put(path)
                .header("content-type", "text/plain")
                .body(source)
                .send()
                .await
                .expect("API answers");
            let status = response.status().as_u16();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            (status, body)
        }
    };
    let script =
        "const now = Date.now();\ndeclare('Device.DeviceInfo.SoftwareVersion', {value: now});\n";
    let url = format!("{}/provisions/inform-check", acs.api);
    assert_eq!(upload(url.clone(), script).await.0, 204);
    let stored = reqwest::get(&url)
        .await
        .expect("API answers")
        .text()
        .await
        .expect("text");
    assert_eq!(stored, script);
    let names: Value = reqwest::get(format!("{}/provisions", acs.api))
        .await
        .expect("API answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        names,
        json!(["bootstrap", "inform-check"]),
        "with the default bootstrap provision"
    );

    // A syntax error: 400 with its line, and the stored script is unchanged.
    let (status, error) = upload(url.clone(), "let a = 1;\nlet b = ;\n").await;
    assert_eq!(status, 400);
    let message = error["error"].as_str().unwrap_or_default();
    assert!(message.contains("line 2"), "{error}");
    let still = reqwest::get(&url)
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert_eq!(still, script);
    // Built-in names are reserved.
    let (status, _) = upload(format!("{}/provisions/value", acs.api), "log('x');").await;
    assert_eq!(status, 400);

    // Virtual parameters return their value at the top level.
    let vp = format!("{}/virtual-parameters/wan-ip", acs.api);
    let source = "let ip = declare('Device.IP.Interface.1.IPv4Address.1.IPAddress', {value: Date.now()});\nreturn {writable: false, value: [ip.value[0], 'xsd:string']};\n";
    assert_eq!(upload(vp.clone(), source).await.0, 204);
    assert_eq!(
        client.delete(&vp).send().await.expect("delete").status(),
        204
    );
    assert_eq!(
        client.delete(&vp).send().await.expect("delete").status(),
        404
    );
    assert_eq!(
        client.delete(&url).send().await.expect("delete").status(),
        204
    );
    acs.stop.cancel();
}
