//! CPE faults: the task fault and its record, the retry backoff, and a retry that succeeds.

use super::{CHANNEL, booted, untyped};
use acs::model::{ParameterValueSpec, TaskSpec, TaskStatus};
use serde_json::json;

#[test]
fn a_cpe_fault_faults_the_task_and_retries_back_off_until_the_limit() {
    let mut lab = booted("tr181-gateway", "FLT1");
    let task = lab.queue(TaskSpec::SetParameterValues {
        parameter_values: vec![
            ParameterValueSpec::Typed(CHANNEL.into(), json!("abc"), "xsd:unsignedInt".into()),
            untyped("Device.DeviceInfo.SoftwareVersion", json!("9.9")),
        ],
    });
    let log = lab.session();
    assert_eq!(log.names(), ["SetParameterValues"]);
    let t = lab.store.task(task).clone();
    assert_eq!(t.status, TaskStatus::Fault);
    assert_eq!(t.retries, 1);
    assert_eq!(t.not_before, Some(lab.now_ms() + 5 * 60_000));
    let fault = t.fault.expect("fault");
    assert_eq!(fault.code, "9003");
    let entries = fault.detail["setParameterValuesFault"]
        .as_array()
        .expect("list")
        .clone();
    let codes: Vec<(String, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["parameterName"].as_str().unwrap_or_default().to_string(),
                e["faultCode"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (CHANNEL.to_string(), 9007),
            ("Device.DeviceInfo.SoftwareVersion".to_string(), 9008)
        ]
    );
    assert_eq!(fault.detail["method"], json!("SetParameterValues"));
    let new = &log.write.new_faults;
    assert_eq!(new.len(), 1);
    assert_eq!(
        (new[0].channel.as_str(), new[0].task, new[0].retries),
        ("task", Some(task), 1)
    );
    assert_eq!(new[0].fault.detail, fault.detail);

    // Before the backoff has passed the task does not run.
    lab.advance(60);
    assert!(lab.periodic().requests.is_empty());

    // Each retry doubles the wait; each fault replaces the task's previous fault record.
    let mut waits = Vec::new();
    for _ in 0..5 {
        let due = lab.store.task(task).not_before.expect("a retry is planned");
        lab.now = due / 1000;
        let log = lab.periodic();
        assert_eq!(log.names(), ["SetParameterValues"]);
        let t = lab.store.task(task);
        waits.push(t.not_before.map(|nb| (nb - lab.now_ms()) / 60_000));
        assert_eq!(lab.store.faults_of(task).len(), 1);
        assert_eq!(lab.store.faults_of(task)[0].retries, t.retries);
    }
    assert_eq!(waits, [Some(10), Some(20), Some(40), Some(80), None]);
    let t = lab.store.task(task);
    assert_eq!((t.status, t.retries), (TaskStatus::Fault, 6));
    lab.advance(7 * 24 * 3600);
    assert!(
        lab.periodic().requests.is_empty(),
        "out of retries: not due anymore"
    );
}

#[test]
fn a_successful_retry_clears_the_fault() {
    let mut lab = booted("tr181-gateway", "FLT2");
    let task = lab.queue(TaskSpec::SetParameterValues {
        parameter_values: vec![untyped("Device.WiFi.SSID.3.SSID", json!("Later"))],
    });
    lab.session();
    assert_eq!(lab.store.task(task).status, TaskStatus::Fault);
    assert_eq!(lab.store.faults_of(task).len(), 1);
    let fault_id = lab.store.faults_of(task)[0].id;
    assert_eq!(lab.device.model.add_local("Device.WiFi.SSID."), Some(3));
    lab.advance(5 * 60);
    let log = lab.periodic();
    assert_eq!(log.names(), ["SetParameterValues"]);
    assert_eq!(log.write.cleared_faults, [fault_id]);
    let t = lab.store.task(task);
    assert_eq!(
        (t.status, &t.fault, t.not_before),
        (TaskStatus::Done, &None, None)
    );
    assert!(lab.store.faults_of(task).is_empty());
    assert_eq!(
        lab.device.value("WiFi.SSID.3.SSID").as_deref(),
        Some("Later")
    );
}
