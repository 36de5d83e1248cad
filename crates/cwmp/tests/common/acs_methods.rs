//! Samples of the methods the ACS implements, from Inform to AutonomousDUStateChangeComplete,
//! each followed by its response.

use super::{DU_UUID_1, DU_UUID_2, DU_UUID_3, dt, hold, model, pv, software_version};
use cwmp::message::*;
use cwmp::{CwmpVersion, EventCode, Header, Message, ValueType};

/// The ACS methods `v` may have and their responses, each with the header it is sent with.
pub(super) fn messages(v: CwmpVersion) -> Vec<(Header, Message)> {
    let m = model(v);
    let none = Header::default;
    let mut inform_events = vec![
        EventStruct::new(EventCode::Boot, ""),
        EventStruct::new(EventCode::method("Reboot"), "reboot-0417"),
    ];
    if v >= CwmpVersion::V1_2 {
        inform_events.push(EventStruct::new(EventCode::ValueChange, ""));
    }
    let mut inform_header = Header::default();
    if v >= CwmpVersion::V1_3 {
        inform_header.session_timeout = Some(60);
    }
    if v >= CwmpVersion::V1_4 {
        inform_header.supported_cwmp_versions = Some(CwmpVersion::ALL.to_vec());
    }
    let mut inform_response_header = hold(false);
    if v >= CwmpVersion::V1_4 {
        inform_response_header.use_cwmp_version = Some(CwmpVersion::V1_4);
    }

    // TransferComplete fault codes: cwmp-1-0/1-1 allow only 0, 9001, 9002 and 9010-9012.
    let transfer_fault = if v >= CwmpVersion::V1_2 {
        TransferCompleteFaultStruct {
            fault_code: 9018,
            fault_string: "Image signature check failed".into(),
        }
    } else {
        TransferCompleteFaultStruct {
            fault_code: 9010,
            fault_string: "Download failed: HTTP 404 Not Found".into(),
        }
    };

    let sw_version = software_version(v);

    vec![
        (
            inform_header,
            Inform {
                device_id: DeviceIdStruct {
                    manufacturer: "ACME Networks".into(),
                    oui: "00D09E".into(),
                    product_class: "GW4200".into(),
                    serial_number: "A1B2C3D4E5".into(),
                },
                event: inform_events,
                max_envelopes: 1,
                current_time: dt("2024-05-01T10:00:03+02:00"),
                retry_count: 0,
                parameter_list: vec![
                    pv(m.hardware_version, ValueType::String, "HW-2.1"),
                    pv(m.software_version, ValueType::String, sw_version),
                    pv(m.provisioning_code, ValueType::String, "ACME.RES.FTTH"),
                    pv(m.parameter_key, ValueType::String, "cfg-2024-05-01-0001"),
                    pv(
                        m.conn_req_url,
                        ValueType::String,
                        "http://203.0.113.17:7547/cr/A1B2C3D4E5",
                    ),
                    pv(m.external_ip, ValueType::String, "203.0.113.17"),
                    pv(m.ssid, ValueType::String, "HomeNet-5G"),
                ],
            }
            .into(),
        ),
        (
            inform_response_header,
            InformResponse { max_envelopes: 1 }.into(),
        ),
        (
            none(),
            TransferComplete {
                command_key: "fw-upgrade-4.2.1".into(),
                fault_struct: transfer_fault,
                start_time: dt("2024-05-01T02:00:00Z"),
                complete_time: dt("2024-05-01T02:03:41Z"),
            }
            .into(),
        ),
        (none(), TransferCompleteResponse {}.into()),
        (
            none(),
            AutonomousTransferComplete {
                announce_url: "http://198.51.100.10:5000/announce".into(),
                transfer_url: "tftp://198.51.100.10/gw4200.cfg".into(),
                is_download: true,
                file_type: "3 Vendor Configuration File".into(),
                file_size: 18_224,
                target_file_name: "gw4200.cfg".into(),
                fault_struct: TransferCompleteFaultStruct::success(),
                start_time: dt("2024-05-01T09:58:00Z"),
                complete_time: dt("2024-05-01T09:58:01Z"),
            }
            .into(),
        ),
        (none(), AutonomousTransferCompleteResponse {}.into()),
        (
            none(),
            RequestDownload {
                file_type: "3 Vendor Configuration File".into(),
                file_type_arg: vec![
                    ArgStruct {
                        name: "Version".into(),
                        value: "2024.05".into(),
                    },
                    ArgStruct {
                        name: "Profile".into(),
                        value: "residential".into(),
                    },
                ],
            }
            .into(),
        ),
        (none(), RequestDownloadResponse {}.into()),
        (
            none(),
            Kicked {
                command: "activate".into(),
                referer: "https://portal.example.net/welcome".into(),
                arg: "plan=gold&term=12".into(),
                next: "https://portal.example.net/done".into(),
            }
            .into(),
        ),
        (
            none(),
            KickedResponse {
                next_url: "https://portal.example.net/done?status=ok".into(),
            }
            .into(),
        ),
        (
            none(),
            DUStateChangeComplete {
                results: vec![
                    OpResultStruct {
                        uuid: DU_UUID_1.into(),
                        deployment_unit_ref: "Device.SoftwareModules.DeploymentUnit.4".into(),
                        version: "1.3.0".into(),
                        current_state: "Installed".into(),
                        resolved: true,
                        execution_unit_ref_list: "Device.SoftwareModules.ExecutionUnit.6".into(),
                        start_time: dt("2024-05-01T10:20:00Z"),
                        complete_time: dt("2024-05-01T10:20:14Z"),
                        fault: DeploymentUnitFaultStruct::default(),
                    },
                    OpResultStruct {
                        uuid: DU_UUID_3.into(),
                        deployment_unit_ref: String::new(),
                        version: "0.9.1".into(),
                        current_state: "Failed".into(),
                        resolved: false,
                        execution_unit_ref_list: String::new(),
                        start_time: dt("2024-05-01T10:20:14Z"),
                        complete_time: dt("2024-05-01T10:20:15Z"),
                        fault: DeploymentUnitFaultStruct {
                            fault_code: 9028,
                            fault_string: "Unknown Deployment Unit".into(),
                        },
                    },
                ],
                command_key: Some("du-batch-12".into()),
            }
            .into(),
        ),
        (none(), DUStateChangeCompleteResponse {}.into()),
        (
            none(),
            AutonomousDUStateChangeComplete {
                results: vec![AutonOpResultStruct {
                    uuid: DU_UUID_2.into(),
                    deployment_unit_ref: "Device.SoftwareModules.DeploymentUnit.2".into(),
                    version: "2.1.0".into(),
                    current_state: "Installed".into(),
                    resolved: true,
                    execution_unit_ref_list: "Device.SoftwareModules.ExecutionUnit.3".into(),
                    start_time: dt("2024-05-01T11:00:00Z"),
                    complete_time: dt("2024-05-01T11:00:09Z"),
                    fault: DeploymentUnitFaultStruct::default(),
                    operation_performed: "Update".into(),
                }],
            }
            .into(),
        ),
        (none(), AutonomousDUStateChangeCompleteResponse {}.into()),
    ]
}
