//! A device run by `run_device` against the scripted ACS, which calls every CPE RPC (wrong
//! paths, wrong types, non-writable parameters and failing transfers included) and checks each
//! response and fault; every envelope the CPE sent is then validated against the BBF schema.
//!
//! Sessions after the boot session are opened with connection requests. Transfers use
//! DelaySeconds 1 and a file server in the test; every wait is bounded.

#[path = "rpcs/parameters.rs"]
mod parameters;
mod scripted_acs;
#[path = "rpcs/tr098.rs"]
mod tr098;
#[path = "rpcs/transfers.rs"]
mod transfers;

use cwmp::Message;
use cwmp::message::*;
use hyper::Method;
use parameters::{check_parameter_rpcs, parameter_rpcs};
use scripted_acs::device::{DeviceOptions, TestDevice};
use scripted_acs::files::FileServer;
use scripted_acs::rpc::{gpv, values};
use scripted_acs::schema::validate_envelopes;
use scripted_acs::{ScriptedAcs, SessionRecord, connection_request};
use std::collections::BTreeSet;
use std::time::Duration;
use transfers::*;

const LIMIT: Duration = Duration::from_secs(15);
const SSID: &str = "Device.WiFi.SSID.1.SSID";
const KEY: &str = "Device.ManagementServer.ParameterKey";
const CR_URL: &str = "Device.ManagementServer.ConnectionRequestURL";
const SOFTWARE: &str = "Device.DeviceInfo.SoftwareVersion";
const FIRMWARE_VERSION: &str = "9.9.9-scripted";
const DU_UUID: &str = "6ba7b810-9dad-41d1-80b4-00c04fd430c8";

/// Queues `rpcs`, wakes the device with a connection request and returns the session that
/// answered them, checking that each got an answer.
async fn round(acs: &ScriptedAcs, cr_url: &str, rpcs: Vec<Message>) -> SessionRecord {
    let after = acs.log().sessions.len();
    let first = rpcs[0].clone();
    let count = rpcs.len();
    acs.push_all(rpcs);
    assert_eq!(connection_request(cr_url, None).await, 200);
    let s = acs
        .wait_session(
            &format!("a session answering {}", first.name()),
            LIMIT,
            after,
            |s| s.exchanges.first().map(|e| &e.request) == Some(&first),
        )
        .await;
    assert!(s.completed(), "session ended {:?}", s.end);
    assert!(s.has_event("6 CONNECTION REQUEST"), "{:?}", s.events());
    assert_eq!(s.exchanges.len(), count, "every RPC answered");
    s
}

async fn run_tr181() {
    let acs = ScriptedAcs::start().await;
    let files = FileServer::start().await;
    let image = firmware();
    files.serve("/fw.img", image.clone());

    acs.push_all(parameter_rpcs());
    let device =
        TestDevice::start(DeviceOptions::new("tr181-gateway", "RPC000001", &acs.url())).await;

    // Boot: BOOTSTRAP and BOOT, the forced parameters, then every parameter RPC.
    let boot = acs
        .wait_session("the boot session", LIMIT, 0, |_| true)
        .await;
    assert!(boot.completed(), "{:?}", boot.end);
    assert_eq!(boot.serial(), "RPC000001");
    assert!(
        boot.has_event("0 BOOTSTRAP") && boot.has_event("1 BOOT"),
        "{:?}",
        boot.events()
    );
    assert_eq!(boot.inform.device_id.oui, "A4B1C2");
    for forced in [
        "Device.RootDataModelVersion",
        "Device.DeviceInfo.HardwareVersion",
        SOFTWARE,
        "Device.DeviceInfo.ProvisioningCode",
        KEY,
        CR_URL,
    ] {
        assert!(boot.param(forced).is_some(), "Inform lacks {forced}");
    }
    let cr_url = boot
        .param(CR_URL)
        .expect("ConnectionRequestURL")
        .to_string();
    assert!(cr_url.starts_with("http://127.0.0.1:"), "{cr_url}");
    check_parameter_rpcs(&boot);

    // Transfers, queues, ScheduleInform and ChangeDUState; the completions follow.
    let s = round(&acs, &cr_url, transfer_rpcs(&files, image.len() as u32)).await;
    check_transfer_rpcs(&s);
    let du = acs
        .wait_session("DUStateChangeComplete", LIMIT, 0, |s| {
            s.cpe_requests
                .iter()
                .any(|m| matches!(m, Message::DUStateChangeComplete(_)))
        })
        .await;
    assert!(
        du.has_event("11 DU STATE CHANGE COMPLETE"),
        "{:?}",
        du.events()
    );
    assert!(du.has_event_with_key("M ChangeDUState", "du-1"));
    let Some(Message::DUStateChangeComplete(done)) = du.cpe_requests.first() else {
        panic!("{:?}", du.cpe_requests);
    };
    assert_eq!(done.command_key.as_deref(), Some("du-1"));
    let result = &done.results[0];
    assert_eq!(
        (result.uuid.as_str(), result.current_state.as_str()),
        (DU_UUID, "Installed")
    );
    assert_eq!(result.fault.fault_code, 0);
    assert!(
        result
            .deployment_unit_ref
            .starts_with("Device.SoftwareModules.DeploymentUnit.")
    );

    let fw = completed_transfer(&acs, "fw-1", "M Download", 0).await;
    assert!(
        fw.has_event("1 BOOT"),
        "a firmware upgrade reboots: {:?}",
        fw.events()
    );
    assert!(
        !fw.has_event("M Reboot"),
        "no Reboot RPC was sent: {:?}",
        fw.events()
    );
    assert!(!fw.has_event("0 BOOTSTRAP"));
    assert_eq!(fw.param(SOFTWARE), Some(FIRMWARE_VERSION));
    // SoftwareVersion has forced active notification: its change is reported.
    assert!(fw.has_event("4 VALUE CHANGE"), "{:?}", fw.events());
    assert_eq!(files.count(&Method::GET, "/fw.img"), 1);
    completed_transfer(&acs, "dl-missing", "M Download", 9016).await;
    completed_transfer(&acs, "up-1", "M Upload", 0).await;
    let uploaded = files.upload("/upload/config").expect("the upload arrived");
    let text = String::from_utf8_lossy(&uploaded);
    assert!(
        text.contains(&format!("{SOFTWARE}={FIRMWARE_VERSION}")),
        "{text}"
    );
    assert!(
        !text.contains("Password="),
        "no secrets in an uploaded configuration"
    );
    let scheduled = acs
        .wait_session("the scheduled inform", LIMIT, 0, |s| {
            s.has_event("3 SCHEDULED")
        })
        .await;
    assert!(scheduled.has_event_with_key("M ScheduleInform", "si-1"));
    assert_eq!(files.count(&Method::GET, "/later.img"), 0, "cancelled");

    // Everything delivered: the queue is empty.
    let s = round(
        &acs,
        &cr_url,
        vec![GetQueuedTransfers {}.into(), gpv(&[SOFTWARE])],
    )
    .await;
    assert!(queued_keys(s.exchanges[0].response()).is_empty());
    assert_eq!(
        values(s.exchanges[1].response())[SOFTWARE],
        FIRMWARE_VERSION
    );

    // Reboot: the next session carries M Reboot with its key, and BOOT.
    let after = acs.log().sessions.len();
    let s = round(
        &acs,
        &cr_url,
        vec![
            Reboot {
                command_key: "rb-1".into(),
            }
            .into(),
        ],
    )
    .await;
    assert!(matches!(
        s.exchanges[0].response(),
        Message::RebootResponse(_)
    ));
    let rebooted = acs
        .wait_session("the session after Reboot", LIMIT, after + 1, |_| true)
        .await;
    assert!(
        rebooted.has_event_with_key("M Reboot", "rb-1"),
        "{:?}",
        rebooted.inform.event
    );
    assert!(rebooted.has_event("1 BOOT") && !rebooted.has_event("0 BOOTSTRAP"));

    // FactoryReset: BOOTSTRAP again, and the profile's values are back.
    let after = acs.log().sessions.len();
    let s = round(&acs, &cr_url, vec![FactoryReset {}.into()]).await;
    assert!(matches!(
        s.exchanges[0].response(),
        Message::FactoryResetResponse(_)
    ));
    let reset = acs
        .wait_session("the session after FactoryReset", LIMIT, after + 1, |_| true)
        .await;
    assert!(
        reset.has_event("0 BOOTSTRAP") && reset.has_event("1 BOOT"),
        "{:?}",
        reset.events()
    );
    assert_eq!(
        reset.param(KEY),
        Some(""),
        "ParameterKey is empty after a factory reset"
    );
    let cr_url = reset
        .param(CR_URL)
        .expect("ConnectionRequestURL")
        .to_string();
    let s = round(
        &acs,
        &cr_url,
        vec![gpv(&[SSID, "Device.DeviceInfo.ProvisioningCode"])],
    )
    .await;
    let v = values(s.exchanges[0].response());
    assert_eq!(
        (
            v[SSID].as_str(),
            v["Device.DeviceInfo.ProvisioningCode"].as_str()
        ),
        ("Aurora-3F10", "")
    );

    device.stop().await;
    let log = acs.log();
    assert!(log.bad_requests.is_empty(), "{:?}", log.bad_requests);
    let sent: BTreeSet<String> = log
        .envelopes
        .iter()
        .filter_map(|e| cwmp::decode(e).ok()?.envelopes.into_iter().next())
        .map(|e| e.body.name().to_string())
        .collect();
    for name in [
        "Inform",
        "GetRPCMethodsResponse",
        "GetParameterNamesResponse",
        "Fault",
        "SetParameterValuesResponse",
        "AddObjectResponse",
        "DownloadResponse",
        "UploadResponse",
        "GetAllQueuedTransfersResponse",
        "ChangeDUStateResponse",
        "TransferComplete",
        "DUStateChangeComplete",
        "RebootResponse",
        "FactoryResetResponse",
    ] {
        assert!(sent.contains(name), "no {name} among {sent:?}");
    }
    validate_envelopes("rpcs-tr181", &log.envelopes);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_rpc_against_a_tr181_gateway() {
    tokio::time::timeout(Duration::from_secs(60), run_tr181())
        .await
        .expect("the scenario finishes in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parameter_rpcs_against_a_tr098_gateway() {
    tokio::time::timeout(Duration::from_secs(30), tr098::run_tr098())
        .await
        .expect("the scenario finishes in time");
}
