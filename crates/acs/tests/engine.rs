//! The session engine end to end: an `AcsSession` with the engine on one side, a simulated
//! CPE (`cpe::device::Device` over a built-in profile) on the other, every envelope encoded
//! and decoded.

#[path = "engine/faults.rs"]
mod faults;
#[path = "engine/harness.rs"]
mod harness;
#[path = "engine/transfers.rs"]
mod transfers;

use acs::model::{DeviceRecord, ParameterAttributeSpec, ParameterValueSpec, TaskSpec, TaskStatus};
use cwmp::message::Message;
use cwmp::session::EndReason;
use cwmp::{CwmpVersion, EventCode};
use harness::{Lab, REMOTE};
use serde_json::json;

pub(crate) const SSID: &str = "Device.WiFi.SSID.1.SSID";
pub(crate) const CHANNEL: &str = "Device.WiFi.Radio.1.Channel";

fn value<'r>(record: &'r DeviceRecord, path: &str) -> Option<(&'r str, &'r str)> {
    record
        .tree
        .get(path)
        .and_then(|n| n.value.as_ref())
        .map(|(v, t)| (v.as_str(), t.as_str()))
}

pub(crate) fn untyped(path: &str, v: serde_json::Value) -> ParameterValueSpec {
    ParameterValueSpec::Untyped(path.into(), v)
}

/// A lab whose device has completed its bootstrap session.
pub(crate) fn booted(profile: &str, serial: &str) -> Lab {
    let mut lab = Lab::new(profile, serial);
    let log = lab.session();
    assert_eq!(log.end, Some(EndReason::Completed));
    lab.advance(60);
    lab
}

#[test]
fn a_new_device_registers_from_its_bootstrap_inform() {
    let mut lab = Lab::new("tr181-gateway", "SN-0001");
    let log = lab.session();
    assert_eq!(log.end, Some(EndReason::Completed));
    assert!(log.requests.is_empty(), "no tasks, no requests");
    let now = lab.now_ms();
    let d = lab.record();
    assert_eq!(d.id, "A4B1C2-HGW%2DAX3000-SN%2D0001");
    assert_eq!(
        (
            d.oui.as_str(),
            d.product_class.as_str(),
            d.serial_number.as_str()
        ),
        ("A4B1C2", "HGW-AX3000", "SN-0001")
    );
    assert_eq!(d.manufacturer, "Aurora Broadband");
    assert_eq!((d.first_seen, d.last_inform), (now, now));
    assert_eq!((d.last_boot, d.last_bootstrap), (Some(now), Some(now)));
    assert_eq!(d.last_events, ["0 BOOTSTRAP", "1 BOOT"]);
    assert_eq!(d.remote_address, REMOTE);
    let software = lab.device.value("DeviceInfo.SoftwareVersion").expect("set");
    assert_eq!(
        value(d, "Device.DeviceInfo.SoftwareVersion"),
        Some((software.as_str(), "xsd:string"))
    );
    let node = &d.tree["Device.DeviceInfo.SoftwareVersion"];
    assert_eq!((node.seen, node.value_timestamp), (now, Some(now)));
    assert!(d.tree["Device.DeviceInfo."].object && d.tree["Device."].object);
    assert_eq!(
        value(d, "Device.ManagementServer.AliasBasedAddressing").map(|v| v.1),
        Some("xsd:boolean")
    );

    // A later periodic session updates the record without re-registering it.
    lab.advance(3600);
    lab.periodic();
    let later = lab.record();
    assert_eq!(later.first_seen, now);
    assert_eq!(later.last_inform, lab.now_ms());
    assert_eq!(later.last_boot, Some(now), "no BOOT this time");
    assert_eq!(later.last_events, ["2 PERIODIC"]);
}

#[test]
fn get_and_set_parameter_values() {
    let mut lab = booted("tr181-gateway", "GPV1");
    let gpv = lab.queue(TaskSpec::GetParameterValues {
        parameter_names: vec!["Device.WiFi.SSID.1.".into(), CHANNEL.into()],
    });
    let log = lab.session();
    assert_eq!(log.names(), ["GetParameterValues"]);
    let t = lab.store.task(gpv);
    assert_eq!(t.status, TaskStatus::Done);
    let values = t.result.as_ref().expect("result")["parameterValues"]
        .as_array()
        .expect("a list")
        .clone();
    let channel = lab.device.value("WiFi.Radio.1.Channel").expect("channel");
    assert!(
        values.contains(&json!([CHANNEL, channel, "xsd:unsignedInt"])),
        "{values:?}"
    );
    assert!(values.iter().any(|v| v[0] == SSID));
    let now = lab.now_ms();
    assert_eq!(lab.record().tree[SSID].value_timestamp, Some(now));

    // Types: the tree knows Channel is unsignedInt; the SSID is a string.
    lab.advance(60);
    let spv = lab.queue(TaskSpec::SetParameterValues {
        parameter_values: vec![untyped(SSID, json!("Lab")), untyped(CHANNEL, json!(11))],
    });
    let log = lab.session();
    let Message::SetParameterValues(sent) = &log.requests[0] else {
        panic!("{:?}", log.names())
    };
    assert_eq!(sent.parameter_key, spv.to_string());
    let types: Vec<&str> = sent
        .parameter_list
        .iter()
        .map(|p| p.value.ty.as_ref().map_or("", |t| t.xsi_type()))
        .collect();
    assert_eq!(types, ["xsd:string", "xsd:unsignedInt"]);
    assert_eq!(lab.store.task(spv).status, TaskStatus::Done);
    assert_eq!(lab.store.task(spv).result, Some(json!({"status": 0})));
    assert_eq!(lab.device.value("WiFi.SSID.1.SSID").as_deref(), Some("Lab"));
    assert_eq!(
        lab.device.value("WiFi.Radio.1.Channel").as_deref(),
        Some("11")
    );
    let d = lab.record();
    assert_eq!(value(d, SSID), Some(("Lab", "xsd:string")));
    assert_eq!(value(d, CHANNEL), Some(("11", "xsd:unsignedInt")));
    assert_eq!(
        value(d, "Device.ManagementServer.ParameterKey").map(|v| v.0),
        Some(spv.to_string().as_str()),
        "the CPE's ParameterKey is now the task id"
    );
}

#[test]
fn refresh_object_discovers_a_subtree_and_forgets_what_is_gone() {
    let mut lab = booted("tr181-gateway", "REF1");
    let first = lab.queue(TaskSpec::RefreshObject {
        object_name: "Device.WiFi".into(),
    });
    let log = lab.session();
    assert_eq!(log.names()[0], "GetParameterNames");
    let Message::GetParameterNames(gpn) = &log.requests[0] else {
        unreachable!()
    };
    assert_eq!(
        (gpn.parameter_path.as_str(), gpn.next_level),
        ("Device.WiFi.", false)
    );
    let batches: Vec<usize> = log.requests[1..]
        .iter()
        .map(|m| match m {
            Message::GetParameterValues(g) => g.parameter_names.len(),
            other => panic!("{}", other.name()),
        })
        .collect();
    assert!(
        batches.len() > 1 && batches.iter().all(|n| *n <= 100),
        "{batches:?}"
    );
    let read: usize = batches.iter().sum();
    assert_eq!(
        lab.store
            .task(first)
            .result
            .as_ref()
            .map(|r| r["parameters"].clone()),
        Some(json!(read))
    );

    let d = lab.record();
    assert_eq!(
        d.tree["Device.WiFi.SSID.2."].writable,
        Some(true),
        "deletable"
    );
    assert_eq!(
        d.tree["Device.WiFi.SSID."].writable,
        Some(true),
        "instances can be added"
    );
    assert_eq!(d.tree["Device.WiFi.Radio.1."].writable, Some(false));
    assert_eq!(d.tree["Device.WiFi.SSID.2.SSID"].writable, Some(true));
    let status = &d.tree["Device.WiFi.SSID.2.Status"];
    assert_eq!(status.writable, Some(false));
    assert_eq!(
        status.value.as_ref().map(|v| v.1.as_str()),
        Some("xsd:string")
    );
    assert_eq!(status.writable_timestamp, Some(lab.now_ms()));
    assert!(d.tree["Device.WiFi.SSID.2."].object);

    // The device loses SSID 2 behind the ACS's back; the next refresh notices.
    assert!(lab.device.model.delete_local("Device.WiFi.SSID.2."));
    lab.advance(60);
    let second = lab.queue(TaskSpec::RefreshObject {
        object_name: "Device.WiFi.".into(),
    });
    lab.session();
    let d = lab.record();
    assert!(
        !d.tree.keys().any(|k| k.starts_with("Device.WiFi.SSID.2.")),
        "SSID 2 forgotten"
    );
    assert!(d.tree.contains_key("Device.WiFi.SSID.1.SSID"));
    assert!(
        d.tree.contains_key("Device.DeviceInfo.SoftwareVersion"),
        "outside the refresh"
    );
    let removed = lab.store.task(second).result.as_ref().expect("result")["removed"].clone();
    assert!(removed.as_u64().is_some_and(|n| n > 5), "{removed}");
}

#[test]
fn add_object_with_initial_values_then_delete_it() {
    let mut lab = booted("tr181-gateway", "ADD1");
    lab.queue(TaskSpec::RefreshObject {
        object_name: "Device.WiFi.SSID".into(),
    });
    let add = lab.queue(TaskSpec::AddObject {
        object_name: "Device.WiFi.SSID".into(),
        parameter_values: vec![
            untyped("SSID", json!("Guest")),
            untyped("Enable", json!(true)),
        ],
    });
    let log = lab.session();
    let after_refresh: Vec<&str> = log
        .names()
        .into_iter()
        .skip_while(|n| *n != "AddObject")
        .collect();
    assert_eq!(
        &after_refresh[..3],
        ["AddObject", "SetParameterValues", "GetParameterNames"]
    );
    let t = lab.store.task(add);
    assert_eq!(t.status, TaskStatus::Done, "{:?}", t.fault);
    let result = t.result.as_ref().expect("result");
    assert_eq!(result["instanceNumber"], json!(3));
    assert_eq!(result["objectName"], json!("Device.WiFi.SSID.3"));
    assert_eq!(
        lab.device.value("WiFi.SSID.3.SSID").as_deref(),
        Some("Guest")
    );
    assert_eq!(
        lab.device.value("WiFi.SSID.3.Enable").as_deref(),
        Some("true")
    );
    let d = lab.record();
    assert_eq!(
        value(d, "Device.WiFi.SSID.3.SSID"),
        Some(("Guest", "xsd:string"))
    );
    assert_eq!(
        value(d, "Device.WiFi.SSID.3.Enable").map(|v| v.1),
        Some("xsd:boolean"),
        "type taken from the other instances"
    );
    assert_eq!(d.tree["Device.WiFi.SSID.3."].writable, Some(true));
    assert!(
        d.tree["Device.WiFi.SSID.3.Status"].value.is_some(),
        "refreshed"
    );

    lab.advance(60);
    let del = lab.queue(TaskSpec::DeleteObject {
        object_name: "Device.WiFi.SSID.3".into(),
    });
    let log = lab.session();
    let Message::DeleteObject(sent) = &log.requests[0] else {
        panic!("{:?}", log.names())
    };
    assert_eq!(sent.object_name, "Device.WiFi.SSID.3.");
    assert_eq!(lab.store.task(del).status, TaskStatus::Done);
    assert_eq!(lab.device.model.instances("Device.WiFi.SSID."), [1, 2]);
    assert!(
        !lab.record()
            .tree
            .keys()
            .any(|k| k.starts_with("Device.WiFi.SSID.3."))
    );
}

#[test]
fn reboot_factory_reset_schedule_inform_and_rpc_methods() {
    let mut lab = booted("tr181-gateway", "RPC1");
    let methods = lab.queue(TaskSpec::GetRpcMethods {});
    let schedule = lab.queue(TaskSpec::ScheduleInform {
        delay_seconds: 90,
        command_key: "wake".into(),
    });
    let reboot = lab.queue(TaskSpec::Reboot {});
    let log = lab.session();
    assert_eq!(log.names(), ["GetRPCMethods", "ScheduleInform", "Reboot"]);
    let list = lab.store.task(methods).result.as_ref().expect("result")["methods"].clone();
    assert!(
        list.as_array()
            .is_some_and(|l| l.contains(&json!("Download"))),
        "{list}"
    );
    assert_eq!(lab.store.task(schedule).status, TaskStatus::Done);
    let scheduled = &lab.device.scheduled_informs;
    assert_eq!(scheduled.len(), 1);
    assert_eq!(
        (scheduled[0].at, scheduled[0].command_key.as_str()),
        (lab.now + 90, "wake")
    );
    assert_eq!(lab.store.task(reboot).status, TaskStatus::Done);

    // The device rebooted after the session (the harness acts as its agent), with the task
    // id as the command key of its `M Reboot` event.
    let m_reboot = lab
        .device
        .events()
        .iter()
        .find(|e| e.event_code == EventCode::method("Reboot"))
        .map(|e| e.command_key.clone());
    assert_eq!(m_reboot, Some(reboot.to_string()));
    lab.advance(30);
    lab.session();
    let d = lab.record();
    assert_eq!(d.last_boot, Some(lab.now_ms()));
    assert!(
        d.last_events.contains(&"M Reboot".to_string()),
        "{:?}",
        d.last_events
    );
}

#[test]
fn parameter_attributes_are_set_and_read_back() {
    let mut lab = booted("tr181-gateway", "ATTR1");
    lab.queue(TaskSpec::SetParameterAttributes {
        parameter_attributes: vec![ParameterAttributeSpec {
            name: SSID.into(),
            notification: Some(2),
            access_list: Some(vec!["Subscriber".into()]),
        }],
    });
    let gpa = lab.queue(TaskSpec::GetParameterAttributes {
        parameter_names: vec!["Device.WiFi.SSID.1.".into()],
    });
    let log = lab.session();
    assert_eq!(
        log.names(),
        ["SetParameterAttributes", "GetParameterAttributes"]
    );
    let now = lab.now_ms();
    let d = lab.record();
    let ssid = &d.tree[SSID];
    assert_eq!(ssid.notification, Some(2));
    assert_eq!(
        ssid.access_list.as_deref(),
        Some(&["Subscriber".to_string()][..])
    );
    assert_eq!(ssid.attributes_timestamp, Some(now));
    let enable = &d.tree["Device.WiFi.SSID.1.Enable"];
    assert_eq!(
        (enable.notification, enable.attributes_timestamp),
        (Some(0), Some(now))
    );
    let listed =
        lab.store.task(gpa).result.as_ref().expect("result")["parameterAttributes"].clone();
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l
                .contains(&json!({"name": SSID, "notification": 2, "accessList": ["Subscriber"]}))),
        "{listed}"
    );
}

#[test]
fn bootstrap_forgets_the_learnt_tree_but_not_the_device() {
    let mut lab = booted("tr181-gateway", "BOOT1");
    let first_seen = lab.record().first_seen;
    lab.queue(TaskSpec::RefreshObject {
        object_name: "Device.WiFi".into(),
    });
    lab.queue(TaskSpec::FactoryReset {});
    let log = lab.session();
    assert_eq!(log.names().last(), Some(&"FactoryReset"));
    assert!(lab.record().tree.contains_key(SSID));
    let id = lab.id();
    lab.store
        .devices
        .get_mut(&id)
        .expect("known")
        .tags
        .insert("lab".into());

    // The reset device comes back with BOOTSTRAP.
    lab.advance(120);
    let log = lab.session();
    assert!(log.outcome.result.is_ok());
    let d = lab.record();
    assert_eq!(d.last_events, ["0 BOOTSTRAP", "1 BOOT"]);
    assert_eq!(d.last_bootstrap, Some(lab.now_ms()));
    assert_eq!(d.first_seen, first_seen);
    assert!(d.tags.contains("lab"), "tags survive");
    assert!(!d.tree.contains_key(SSID), "learnt values forgotten");
    assert!(
        d.tree.contains_key("Device.DeviceInfo.SoftwareVersion"),
        "Inform values kept"
    );
    assert!(
        d.tree.values().all(|n| n.seen == lab.now_ms()),
        "only this session's knowledge"
    );
}

#[test]
fn expired_tasks_are_not_run() {
    let mut lab = booted("tr181-gateway", "EXP1");
    let (id, now) = (lab.id(), lab.now_ms());
    let expired = lab
        .store
        .queue(&id, TaskSpec::Reboot {}, Some(now + 1_000), now);
    let live = lab.store.queue(
        &id,
        TaskSpec::GetParameterValues {
            parameter_names: vec![SSID.into()],
        },
        Some(now + 3_600_000),
        now,
    );
    lab.advance(60);
    let log = lab.session();
    assert_eq!(log.names(), ["GetParameterValues"]);
    assert!(lab.device.take_pending_action().is_none(), "no reboot");
    assert!(lab.device.events().is_empty());
    assert!(log.write.tasks.iter().all(|t| t.id != expired));
    assert_eq!(lab.store.task(expired).status, TaskStatus::Queued);
    assert_eq!(lab.store.task(live).status, TaskStatus::Done);
}

#[test]
fn a_tr098_device_on_cwmp_1_0() {
    let mut lab = Lab::new("tr098-gateway", "IGD1");
    lab.version = CwmpVersion::V1_0;
    lab.session();
    assert_eq!(lab.id(), "A4B1C2-VG%2D2200-IGD1");
    let d = lab.record();
    assert!(value(d, "InternetGatewayDevice.DeviceSummary").is_some());
    assert!(
        d.last_events
            .contains(&EventCode::Bootstrap.as_wire().into_owned())
    );

    lab.advance(60);
    let wlan = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.";
    let refresh = lab.queue(TaskSpec::RefreshObject {
        object_name: wlan.into(),
    });
    let set = lab.queue(TaskSpec::SetParameterValues {
        parameter_values: vec![untyped(&format!("{wlan}SSID"), json!("Old School"))],
    });
    let log = lab.session();
    assert_eq!(log.names().last(), Some(&"SetParameterValues"));
    assert_eq!(lab.store.task(refresh).status, TaskStatus::Done);
    assert_eq!(lab.store.task(set).status, TaskStatus::Done);
    assert_eq!(
        lab.device
            .value("LANDevice.1.WLANConfiguration.1.SSID")
            .as_deref(),
        Some("Old School")
    );
    let d = lab.record();
    assert_eq!(d.tree[&format!("{wlan}SSID")].writable, Some(true));
    assert_eq!(
        value(d, &format!("{wlan}SSID")),
        Some(("Old School", "xsd:string"))
    );
}
