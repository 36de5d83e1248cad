//! Power losses: a device with a state directory is killed (its task aborted, nothing saved
//! on the way out) right after a session or in the middle of one, and restarted from the
//! state directory. What it had acknowledged stays; the events that must survive are re-sent.

mod scripted_acs;

use cpe::store::StateDir;
use cwmp::message::*;
use cwmp::{Message, Value};
use hyper::Method;
use scripted_acs::device::{DeviceOptions, TestDevice};
use scripted_acs::files::FileServer;
use scripted_acs::{InformAction, ScriptedAcs};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(10);
const SSID: &str = "Device.WiFi.SSID.1.SSID";
const KEY: &str = "Device.ManagementServer.ParameterKey";
const SOFTWARE: &str = "Device.DeviceInfo.SoftwareVersion";

/// A state directory of its own, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("cpe-restart-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn options(acs: &ScriptedAcs, serial: &str, dir: &TempDir) -> DeviceOptions {
    DeviceOptions {
        state_dir: Some(dir.0.clone()),
        ..DeviceOptions::new("tr181-gateway", serial, &acs.url())
    }
}

/// Polls the saved state until `check` accepts it.
async fn wait_saved(
    dir: &TempDir,
    serial: &str,
    what: &str,
    check: impl Fn(&cpe::device::DeviceSnapshot) -> bool,
) {
    let store = StateDir::open(&dir.0).expect("state dir");
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        if let Ok(Some(snapshot)) = store.load(serial)
            && check(&snapshot)
        {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the state never showed {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn power_loss_after_a_session() {
    let dir = TempDir::new("after-session");
    let acs = ScriptedAcs::start().await;
    acs.push(SetParameterValues {
        parameter_list: vec![ParameterValueStruct::new(
            SSID,
            Value::string("kept-across-power-loss"),
        )],
        parameter_key: "pk-1".into(),
    });
    let device = TestDevice::start(options(&acs, "RST000001", &dir)).await;
    let first = acs
        .wait_session("the first session", LIMIT, 0, |_| true)
        .await;
    assert!(first.completed());
    assert!(
        first.has_event("0 BOOTSTRAP") && first.has_event("1 BOOT"),
        "{:?}",
        first.events()
    );
    assert!(matches!(
        first.exchanges[0].response(),
        Message::SetParameterValuesResponse(_)
    ));

    // The end of the session is saved durably; then the power goes.
    wait_saved(&dir, "RST000001", "the session's outcome", |s| {
        s.model.values.get(SSID).map(String::as_str) == Some("kept-across-power-loss")
            && s.bootstrapped_url.is_some()
            && s.events.is_empty()
    })
    .await;
    device.power_loss().await;

    acs.push(GetParameterValues {
        parameter_names: vec![SSID.into(), KEY.into()],
    });
    let device = TestDevice::start(options(&acs, "RST000001", &dir)).await;
    let again = acs
        .wait_session("the session after the restart", LIMIT, 1, |_| true)
        .await;
    assert!(again.completed());
    assert!(again.has_event("1 BOOT"), "{:?}", again.events());
    assert!(
        !again.has_event("0 BOOTSTRAP"),
        "the bootstrap was acknowledged: {:?}",
        again.events()
    );
    assert_eq!(again.param(KEY), Some("pk-1"));
    let Message::GetParameterValuesResponse(r) = again.exchanges[0].response() else {
        panic!("{:?}", again.exchanges[0]);
    };
    assert_eq!(r.parameter_list[0].value.text, "kept-across-power-loss");
    device.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_power_loss_after_a_session_keeps_what_was_acknowledged() {
    tokio::time::timeout(Duration::from_secs(30), power_loss_after_a_session())
        .await
        .expect("the scenario finishes in time");
}

async fn killed_while_reporting_a_transfer() {
    let dir = TempDir::new("transfer");
    let acs = ScriptedAcs::start().await;
    let files = FileServer::start().await;
    let mut image = b"CWMP-FIRMWARE-VERSION: 7.7.7\n".to_vec();
    image.extend([0x5a; 2048]);
    files.serve("/fw.img", image.clone());
    acs.push(Download {
        command_key: "fw-kill".into(),
        file_type: "1 Firmware Upgrade Image".into(),
        url: files.url("/fw.img"),
        file_size: image.len() as u32,
        delay_seconds: 1,
        ..Default::default()
    });
    // The first Inform reporting the transfer is never answered.
    let stalled_once = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stalled_once);
    acs.set_inform_hook(move |inform| {
        let reports = inform.has_event(&cwmp::EventCode::TransferComplete);
        if reports && !flag.swap(true, Ordering::SeqCst) {
            InformAction::Stall
        } else {
            InformAction::Accept
        }
    });
    let device = TestDevice::start(options(&acs, "RST000002", &dir)).await;
    let first = acs
        .wait_session("the boot session", LIMIT, 0, |_| true)
        .await;
    assert!(
        matches!(first.exchanges[0].response(), Message::DownloadResponse(r) if r.status == Status::Pending)
    );
    let stalled = acs
        .wait_session("the stalled TransferComplete session", LIMIT, 1, |s| {
            s.action == InformAction::Stall
        })
        .await;
    assert!(
        stalled.has_event_with_key("M Download", "fw-kill"),
        "{:?}",
        stalled.inform.event
    );
    assert!(
        stalled.cpe_requests.is_empty(),
        "the TransferComplete was not delivered"
    );
    device.power_loss().await;

    let device = TestDevice::start(options(&acs, "RST000002", &dir)).await;
    let after = acs.log().sessions.len();
    let s = acs
        .wait_session("the session after the restart", LIMIT, after, |_| true)
        .await;
    assert!(s.completed(), "{:?}", s.end);
    assert!(s.has_event("7 TRANSFER COMPLETE"), "{:?}", s.events());
    assert!(
        s.has_event_with_key("M Download", "fw-kill"),
        "{:?}",
        s.inform.event
    );
    assert!(
        s.has_event("1 BOOT") && !s.has_event("0 BOOTSTRAP"),
        "{:?}",
        s.events()
    );
    let tc = s.cpe_requests.iter().find_map(|m| match m {
        Message::TransferComplete(tc) => Some(tc),
        _ => None,
    });
    let tc = tc.expect("the TransferComplete is delivered after the restart");
    assert_eq!(
        (tc.command_key.as_str(), tc.fault_struct.fault_code),
        ("fw-kill", 0)
    );
    assert_eq!(s.param(SOFTWARE), Some("7.7.7"));
    assert_eq!(
        files.count(&Method::GET, "/fw.img"),
        1,
        "the finished transfer is not repeated"
    );
    device.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_complete_survives_a_kill_mid_session() {
    tokio::time::timeout(Duration::from_secs(30), killed_while_reporting_a_transfer())
        .await
        .expect("the scenario finishes in time");
}

async fn killed_before_acknowledgements() {
    let dir = TempDir::new("bootstrap-reboot");
    let acs = ScriptedAcs::start().await;
    acs.set_inform_hook(|_| InformAction::Stall);
    let device = TestDevice::start(options(&acs, "RST000003", &dir)).await;
    let stalled = acs
        .wait_session("the stalled bootstrap", LIMIT, 0, |_| true)
        .await;
    assert!(stalled.has_event("0 BOOTSTRAP"));
    device.power_loss().await;

    // Restarted: the BOOTSTRAP was never acknowledged, so it comes again. This session
    // reboots the device; the Inform after the reboot is stalled and the device killed.
    let reboot_seen = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&reboot_seen);
    acs.set_inform_hook(move |inform| {
        let rebooted = inform.has_event(&cwmp::EventCode::method("Reboot"));
        if rebooted && !flag.swap(true, Ordering::SeqCst) {
            InformAction::Stall
        } else {
            InformAction::Accept
        }
    });
    acs.push(Reboot {
        command_key: "rb-kill".into(),
    });
    let device = TestDevice::start(options(&acs, "RST000003", &dir)).await;
    let s = acs
        .wait_session("the bootstrap after the restart", LIMIT, 1, |_| true)
        .await;
    assert!(s.completed());
    assert!(
        s.has_event("0 BOOTSTRAP") && s.has_event("1 BOOT"),
        "{:?}",
        s.events()
    );
    assert!(matches!(
        s.exchanges[0].response(),
        Message::RebootResponse(_)
    ));
    let stalled = acs
        .wait_session("the stalled session after Reboot", LIMIT, 2, |s| {
            s.action == InformAction::Stall
        })
        .await;
    assert!(stalled.has_event_with_key("M Reboot", "rb-kill"));
    device.power_loss().await;

    let device = TestDevice::start(options(&acs, "RST000003", &dir)).await;
    let after = acs.log().sessions.len();
    let s = acs
        .wait_session("the session after the second restart", LIMIT, after, |_| {
            true
        })
        .await;
    assert!(s.completed());
    assert!(
        s.has_event_with_key("M Reboot", "rb-kill"),
        "{:?}",
        s.inform.event
    );
    assert!(
        s.has_event("1 BOOT") && !s.has_event("0 BOOTSTRAP"),
        "{:?}",
        s.events()
    );
    device.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unacknowledged_bootstrap_and_reboot_events_survive_kills_mid_session() {
    tokio::time::timeout(Duration::from_secs(30), killed_before_acknowledgements())
        .await
        .expect("the scenario finishes in time");
}
