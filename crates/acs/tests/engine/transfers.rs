//! Download and Upload tasks: the RPC, the wait, and the TransferComplete of a later session.

use super::harness::{FS_URL, Lab};
use acs::engine::Notice;
use acs::model::{FileMeta, TaskSpec, TaskStatus};
use cpe::device::du::TransferDone;
use cwmp::DateTime;
use cwmp::message::{Message, TransferCompleteFaultStruct};
use serde_json::json;

fn booted(serial: &str) -> Lab {
    let mut lab = Lab::new("tr181-gateway", serial);
    lab.session();
    lab.advance(60);
    lab
}

fn done(lab: &Lab, command_key: &str, fault: TransferCompleteFaultStruct) -> TransferDone {
    TransferDone {
        command_key: command_key.to_string(),
        start_time: DateTime::from_unix(lab.now - 20),
        complete_time: DateTime::from_unix(lab.now - 5),
        fault,
        new_software_version: Some("2.0.0".into()),
    }
}

fn meta(name: &str, length: u64) -> FileMeta {
    FileMeta {
        name: name.into(),
        file_type: "1 Firmware Upgrade Image".into(),
        oui: "A4B1C2".into(),
        product_class: "HGW-AX3000".into(),
        version: "2.0.0".into(),
        length,
        sha256: String::new(),
        uploaded: 0,
    }
}

#[test]
fn a_download_is_closed_by_the_transfer_complete_of_a_later_session() {
    let mut lab = booted("DL1");
    let name = "fw 2.0.bin";
    lab.files.insert(name.into(), meta(name, 1234));
    let task = lab.queue(TaskSpec::Download {
        file_type: "1 Firmware Upgrade Image".into(),
        file_name: name.into(),
        target_file_name: "fw.bin".into(),
    });
    let log = lab.session();
    let Message::Download(sent) = &log.requests[0] else {
        panic!("{:?}", log.names())
    };
    assert_eq!(sent.url, format!("{FS_URL}/fw%202.0.bin"));
    assert_eq!(sent.file_size, 1234);
    assert_eq!(sent.command_key, task.to_string());
    assert_eq!(sent.target_file_name, "fw.bin");
    let t = lab.store.task(task);
    assert_eq!(t.status, TaskStatus::Queued, "in progress");
    assert_eq!(acs::engine::pending_since(t), Some(lab.now_ms()));
    assert_eq!(lab.device.transfers.len(), 1, "the CPE queued it");

    // A session before the transfer is over neither resends nor closes it.
    lab.advance(60);
    assert!(lab.periodic().requests.is_empty());
    assert_eq!(lab.store.task(task).status, TaskStatus::Queued);

    // The transfer finishes; the new firmware boots and reports.
    lab.advance(60);
    let key = task.to_string();
    let install = done(&lab, &key, TransferCompleteFaultStruct::success());
    assert!(lab.device.transfer_finished(install), "firmware installed");
    lab.device.power_on(lab.now, super::harness::ACS_URL);
    let log = lab.session();
    assert!(log.requests.is_empty());
    assert!(log.notices.contains(&Notice::TransferComplete {
        command_key: key.clone(),
        task: Some(task),
        fault_code: 0,
    }));
    let t = lab.store.task(task);
    assert_eq!(t.status, TaskStatus::Done);
    let result = t.result.as_ref().expect("result");
    assert_eq!(result["url"], json!(sent.url));
    assert_eq!(
        result["completeTime"],
        json!(DateTime::from_unix(lab.now - 5).to_string())
    );
    let d = lab.record();
    assert!(d.last_events.contains(&"7 TRANSFER COMPLETE".to_string()));
    assert_eq!(
        d.tree["Device.DeviceInfo.SoftwareVersion"]
            .value
            .as_ref()
            .map(|v| v.0.as_str()),
        Some("2.0.0")
    );
}

#[test]
fn a_transfer_without_transfer_complete_times_out_and_is_sent_again() {
    let mut lab = booted("DL2");
    let task = lab.queue(TaskSpec::Download {
        file_type: "1 Firmware Upgrade Image".into(),
        file_name: "fw.bin".into(),
        target_file_name: String::new(),
    });
    let log = lab.session();
    let Message::Download(sent) = &log.requests[0] else {
        panic!("{:?}", log.names())
    };
    assert_eq!(sent.file_size, 0, "unknown size");
    lab.advance(2 * 3600);
    let log = lab.periodic();
    assert!(log.requests.is_empty());
    let t = lab.store.task(task);
    assert_eq!(t.status, TaskStatus::Fault);
    assert_eq!(t.fault.as_ref().map(|f| f.code.as_str()), Some("timeout"));
    assert_eq!(t.result, None, "the retry starts over");
    assert_eq!(t.not_before, Some(lab.now_ms() + 5 * 60_000));

    lab.advance(5 * 60);
    let log = lab.periodic();
    assert_eq!(log.names(), ["Download"]);
    assert_eq!(lab.store.task(task).status, TaskStatus::Queued);
}

#[test]
fn a_failed_upload_faults_with_the_cpe_code() {
    let mut lab = booted("UP1");
    let task = lab.queue(TaskSpec::Upload {
        file_type: "2 Vendor Log File".into(),
        file_name: None,
    });
    let log = lab.session();
    let Message::Upload(sent) = &log.requests[0] else {
        panic!("{:?}", log.names())
    };
    assert_eq!(
        sent.url,
        format!("{FS_URL}/uploads/A4B1C2-HGW%252DAX3000-UP1/{task}-2-vendor-log-file")
    );
    lab.advance(60);
    let failure = TransferCompleteFaultStruct {
        fault_code: 9011,
        fault_string: "server said 507".into(),
    };
    let finished = done(&lab, &task.to_string(), failure);
    assert!(!lab.device.transfer_finished(finished));
    let log = lab.session();
    assert!(log.requests.is_empty(), "the upload waits for its backoff");
    let t = lab.store.task(task);
    assert_eq!(t.status, TaskStatus::Fault);
    let fault = t.fault.as_ref().expect("fault");
    assert_eq!(
        (fault.code.as_str(), fault.message.as_str()),
        ("9011", "server said 507")
    );
    assert_eq!(fault.detail["method"], json!("TransferComplete"));
    assert_eq!(lab.store.faults_of(task).len(), 1);
}
