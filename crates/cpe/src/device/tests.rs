use super::du::TransferDone;
use super::*;
use cwmp::Dialect;
use cwmp::message::*;
use cwmp::session::{CpeHandler, CpeOutcome};
use datamodel::Profile;

const PROFILE: &str = r#"
profile unit-gw
device manufacturer="Acme" oui=00D09E product-class="HGW"
param Device.RootDataModelVersion string r default="2.17"
param Device.DeviceInfo.SerialNumber string r
param Device.DeviceInfo.HardwareVersion string r default="hw1"
param Device.DeviceInfo.SoftwareVersion string r default="1.0"
param Device.DeviceInfo.ProvisioningCode string w
param Device.DeviceInfo.UpTime unsignedInt r
param Device.ManagementServer.URL string w
param Device.ManagementServer.ParameterKey string r
param Device.ManagementServer.ConnectionRequestURL string r notify=forceEnabled
param Device.ManagementServer.AliasBasedAddressing boolean r
param Device.WiFi.SSID.{i}.SSID string w
object Device.SoftwareModules.DeploymentUnit.{i}. r
param Device.SoftwareModules.DeploymentUnit.{i}.UUID string r
param Device.SoftwareModules.DeploymentUnit.{i}.Name string r
param Device.SoftwareModules.DeploymentUnit.{i}.URL string r
param Device.SoftwareModules.DeploymentUnit.{i}.Version string r
param Device.SoftwareModules.DeploymentUnit.{i}.Status string r
param Device.SoftwareModules.DeploymentUnit.{i}.Resolved boolean r
instance Device.WiFi.SSID.1.
"#;

const ACS: &str = "http://acs.example:7547/";

fn device() -> Device {
    let base = BaseTree::new(Profile::parse(PROFILE).expect("valid"));
    let mut d = Device::new(base, "SN0001");
    d.power_on(1_000, ACS);
    d
}

fn codes(d: &Device) -> Vec<String> {
    d.events()
        .iter()
        .map(|e| e.event_code.to_string())
        .collect()
}

fn delivered() -> CpeOutcome {
    CpeOutcome {
        result: Ok(()),
        inform_acknowledged: true,
        events_to_retry: vec![],
        delivered: vec![],
        undelivered: vec![],
        dialect: Dialect::default(),
    }
}

fn fault_code(m: &Message) -> Option<u32> {
    match m {
        Message::Fault(f) => Some(f.code().code()),
        _ => None,
    }
}

#[test]
fn first_boot_bootstraps_and_later_boots_do_not() {
    let mut d = device();
    assert_eq!(codes(&d), vec!["0 BOOTSTRAP", "1 BOOT"]);
    let inform = d.inform_content(1_060);
    let names: Vec<&str> = inform.parameters.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Device.RootDataModelVersion"));
    assert!(names.contains(&"Device.ManagementServer.ConnectionRequestURL"));
    assert_eq!(d.value("DeviceInfo.UpTime").as_deref(), Some("60"));
    assert_eq!(d.device_id().serial_number, "SN0001");
    assert_eq!(d.value("ManagementServer.URL").as_deref(), Some(ACS));
    d.session_finished(&delivered());
    assert!(d.events().is_empty());

    // Power loss and restart: BOOT only, the bootstrap is remembered.
    let snapshot = d.snapshot();
    let mut again = Device::restore(Arc::clone(d.model.base()), snapshot);
    again.power_on(2_000, ACS);
    assert_eq!(codes(&again), vec!["1 BOOT"]);

    // A new ACS URL means a new bootstrap.
    again.set_own("ManagementServer.URL", "http://other-acs/");
    again.power_on(3_000, ACS);
    assert_eq!(codes(&again), vec!["0 BOOTSTRAP", "1 BOOT"]);
}

#[test]
fn failed_sessions_keep_events_and_count_retries() {
    let mut d = device();
    d.add_event(EventCode::ConnectionRequest, "");
    let outcome = CpeOutcome {
        result: Err(cwmp::session::SessionFailure::Transport),
        inform_acknowledged: false,
        events_to_retry: d
            .events()
            .iter()
            .filter(|e| e.event_code.retried_after_failure())
            .cloned()
            .collect(),
        ..delivered()
    };
    d.session_finished(&outcome);
    assert_eq!(codes(&d), vec!["0 BOOTSTRAP", "1 BOOT"]);
    assert_eq!(d.retry_count, 1);
    assert_eq!(d.inform_content(1_010).retry_count, 1);
    // Only events kept across reboots are saved.
    d.add_event(EventCode::Periodic, "");
    let saved: Vec<String> = d.snapshot().events.into_iter().map(|(c, _)| c).collect();
    assert_eq!(saved, vec!["0 BOOTSTRAP", "2 PERIODIC"]);
}

#[test]
fn reboot_and_factory_reset() {
    let mut d = device();
    d.session_finished(&delivered());
    assert_eq!(
        d.handle(
            &Reboot {
                command_key: "r1".into()
            }
            .into()
        )
        .name(),
        "RebootResponse"
    );
    assert_eq!(
        d.take_pending_action(),
        Some(PendingAction::Reboot {
            command_key: "r1".into()
        })
    );
    d.reboot(5_000, "r1");
    assert_eq!(codes(&d), vec!["M Reboot", "1 BOOT"]);
    assert_eq!(d.events()[0].command_key, "r1");

    d.session_finished(&delivered());
    d.handle(
        &SetParameterValues {
            parameter_list: vec![ParameterValueStruct::new(
                "Device.WiFi.SSID.1.SSID",
                cwmp::Value::string("X"),
            )],
            parameter_key: "k".into(),
        }
        .into(),
    );
    assert_eq!(
        d.handle(&FactoryReset {}.into()).name(),
        "FactoryResetResponse"
    );
    assert_eq!(d.take_pending_action(), Some(PendingAction::FactoryReset));
    d.factory_reset(6_000, ACS);
    assert_eq!(codes(&d), vec!["0 BOOTSTRAP", "1 BOOT"]);
    assert_eq!(
        d.model.value("Device.WiFi.SSID.1.SSID").as_deref(),
        Some("")
    );
    assert_eq!(
        d.value("ManagementServer.ParameterKey").as_deref(),
        Some("")
    );
}

#[test]
fn downloads_are_queued_then_completed() {
    let mut d = device();
    d.set_clock(1_000);
    let download = Download {
        command_key: "fw-2".into(),
        file_type: "1 Firmware Upgrade Image".into(),
        url: "http://fs/fw_v2.0.bin".into(),
        file_size: 100,
        delay_seconds: 30,
        ..Download::default()
    };
    let Message::DownloadResponse(r) = d.handle(&download.clone().into()) else {
        panic!("not accepted")
    };
    assert_eq!(r.status, Status::Pending);
    assert!(!d.transfers[0].is_due(1_010));
    assert!(d.transfers[0].is_due(1_030));
    let ftp = Download {
        url: "ftp://fs/fw.bin".into(),
        ..download.clone()
    };
    assert_eq!(fault_code(&d.handle(&ftp.into())), Some(9013));
    let odd = Download {
        file_type: "fw".into(),
        ..download
    };
    assert_eq!(fault_code(&d.handle(&odd.into())), Some(9003));

    let Message::GetAllQueuedTransfersResponse(all) = d.handle(&GetAllQueuedTransfers {}.into())
    else {
        panic!()
    };
    assert_eq!(all.transfer_list.len(), 1);
    assert!(all.transfer_list[0].is_download);
    let Message::GetQueuedTransfersResponse(q) = d.handle(&GetQueuedTransfers {}.into()) else {
        panic!()
    };
    assert_eq!(q.transfer_list[0].state, TransferState::NotYetStarted);

    let reboot = d.transfer_finished(TransferDone {
        command_key: "fw-2".into(),
        start_time: cwmp::DateTime::from_unix(1_030),
        complete_time: cwmp::DateTime::from_unix(1_031),
        fault: TransferCompleteFaultStruct::success(),
        new_software_version: Some("2.0".into()),
    });
    assert!(reboot);
    assert_eq!(
        d.value("DeviceInfo.SoftwareVersion").as_deref(),
        Some("2.0")
    );
    assert!(d.transfers.is_empty());
    assert_eq!(d.outbox.len(), 1);
    assert_eq!(d.outbox[0].name(), "TransferComplete");
    let c = codes(&d);
    assert!(
        c.contains(&"7 TRANSFER COMPLETE".to_string()) && c.contains(&"M Download".to_string())
    );
}

#[test]
fn scheduling_and_cancelling() {
    let mut d = device();
    d.set_clock(100);
    let window = TimeWindowStruct {
        window_start: 10,
        window_end: 60,
        window_mode: "1 At Any Time".into(),
        user_message: String::new(),
        max_retries: -1,
    };
    let sd = ScheduleDownload {
        command_key: "sd".into(),
        file_type: "3 Vendor Configuration File".into(),
        url: "https://fs/cfg".into(),
        time_window_list: vec![window.clone()],
        ..ScheduleDownload::default()
    };
    assert_eq!(
        d.handle(&sd.clone().into()).name(),
        "ScheduleDownloadResponse"
    );
    assert_eq!(d.transfers[0].windows, vec![(110, 160)]);
    let bad = ScheduleDownload {
        time_window_list: vec![],
        ..sd
    };
    assert_eq!(fault_code(&d.handle(&bad.into())), Some(9003));
    assert_eq!(
        fault_code(
            &d.handle(
                &CancelTransfer {
                    command_key: "nope".into()
                }
                .into()
            )
        ),
        Some(9003)
    );
    d.transfers[0].started = true;
    assert_eq!(
        fault_code(
            &d.handle(
                &CancelTransfer {
                    command_key: "sd".into()
                }
                .into()
            )
        ),
        Some(9021)
    );
    d.transfers[0].started = false;
    assert_eq!(
        d.handle(
            &CancelTransfer {
                command_key: "sd".into()
            }
            .into()
        )
        .name(),
        "CancelTransferResponse"
    );
    assert!(d.transfers.is_empty());

    assert_eq!(
        fault_code(
            &d.handle(
                &ScheduleInform {
                    delay_seconds: 0,
                    command_key: "s".into()
                }
                .into()
            )
        ),
        Some(9003)
    );
    d.handle(
        &ScheduleInform {
            delay_seconds: 50,
            command_key: "s".into(),
        }
        .into(),
    );
    assert_eq!(d.scheduled_informs[0].at, 150);
}

#[test]
fn deployment_units_install_update_uninstall() {
    let mut d = device();
    let uuid = "3f2a9c1e-0b7d-4e5f-9a8b-1c2d3e4f5a6b";
    let change = ChangeDUState {
        operations: vec![
            Operation::Install(InstallOpStruct {
                url: "http://fs/app.ipk".into(),
                uuid: Some(uuid.into()),
                ..Default::default()
            }),
            Operation::Update(UpdateOpStruct {
                uuid: Some(uuid.into()),
                version: Some("2.0".into()),
                ..Default::default()
            }),
            Operation::Uninstall(UninstallOpStruct {
                uuid: "00000000-0000-4000-8000-000000000000".into(),
                ..Default::default()
            }),
        ],
        command_key: Some("du-1".into()),
    };
    assert_eq!(d.handle(&change.into()).name(), "ChangeDUStateResponse");
    assert!(d.run_next_du_change());
    let Some(Message::DUStateChangeComplete(done)) = d.outbox.last() else {
        panic!("no completion")
    };
    assert_eq!(done.results[0].current_state, "Installed");
    assert_eq!(done.results[1].version, "2.0");
    assert_eq!(done.results[2].fault.fault_code, 9028);
    assert_eq!(done.command_key.as_deref(), Some("du-1"));
    assert_eq!(
        d.model
            .value("Device.SoftwareModules.DeploymentUnit.1.Version")
            .as_deref(),
        Some("2.0")
    );
    assert!(codes(&d).contains(&"11 DU STATE CHANGE COMPLETE".to_string()));
    let uninstall = ChangeDUState {
        operations: vec![Operation::Uninstall(UninstallOpStruct {
            uuid: uuid.into(),
            ..Default::default()
        })],
        command_key: None,
    };
    d.handle(&uninstall.into());
    d.run_next_du_change();
    assert!(
        d.model
            .instances("Device.SoftwareModules.DeploymentUnit.")
            .is_empty()
    );
    assert!(!d.run_next_du_change());
}

#[test]
fn optional_methods_are_declined_and_value_changes_reported() {
    let mut d = device();
    assert_eq!(
        fault_code(&d.handle(&SetVouchers::default().into())),
        Some(9000)
    );
    assert_eq!(
        fault_code(&d.handle(&GetOptions::default().into())),
        Some(9000)
    );
    let Message::GetRPCMethodsResponse(m) = d.handle(&GetRPCMethods {}.into()) else {
        panic!()
    };
    assert!(m.method_list.contains(&"ChangeDUState".to_string()));
    d.session_finished(&delivered());
    assert!(d.set_own(
        "ManagementServer.ConnectionRequestURL",
        "http://10.1.1.1:7547/abc"
    ));
    let inform = d.inform_content(1_100);
    assert!(
        inform
            .events
            .iter()
            .any(|e| e.event_code == EventCode::ValueChange)
    );
    assert!(
        inform
            .parameters
            .iter()
            .any(|p| p.value.text == "http://10.1.1.1:7547/abc")
    );
}
