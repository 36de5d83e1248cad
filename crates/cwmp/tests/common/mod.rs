//! Sample envelopes shared by the schema, golden and quirk tests: one realistic, schema-valid
//! envelope for every message a CWMP version has, plus a SOAP Fault and a SetParameterValues
//! fault.
//!
//! CWMP 1.0 and 1.1 samples speak the TR-098 `InternetGatewayDevice.` data model, as devices of
//! that era do; 1.2 and later speak TR-181 `Device.`.

// Each test crate that includes this module uses a different part of it.
#![allow(dead_code)]

use cwmp::message::*;
use cwmp::{
    CwmpVersion, DateTime, Envelope, EventCode, FaultCode, Header, Message, Value, ValueType,
};
use std::path::PathBuf;

/// Every sample envelope for `version`: one per message in `Message::METHODS` that exists in
/// that version, then a SOAP Fault and a SetParameterValues fault.
pub fn samples(version: CwmpVersion) -> Vec<Envelope> {
    named_samples(version).into_iter().map(|(_, e)| e).collect()
}

/// The samples with the file stem each one's golden fixture uses: the method name, `Fault`,
/// or `SetParameterValuesFault` for the fault that lists failing parameters.
pub fn named_samples(version: CwmpVersion) -> Vec<(String, Envelope)> {
    let mut out: Vec<(String, Envelope)> = all_messages(version)
        .into_iter()
        .enumerate()
        .filter(|(_, (_, m))| m.since() <= version)
        .map(|(i, (header, body))| {
            let mut header = header;
            header.id = Some(format!("{}", 1000 + i));
            (body.name().to_string(), Envelope { header, body })
        })
        .collect();
    out.push((
        "Fault".to_string(),
        Envelope::new(
            "2001",
            Fault::new(
                FaultCode::MethodNotSupported,
                "Method not supported: X_ACME_Diagnose",
            ),
        ),
    ));
    out.push((
        "SetParameterValuesFault".to_string(),
        Envelope::new("2002", set_parameter_values_fault(version)),
    ));
    out
}

/// Where the golden fixtures of `version` live.
pub fn golden_dir(version: CwmpVersion) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/golden")
        .join(version.as_str())
}

/// Parameter names of the data model a version's samples use.
struct Model {
    root: &'static str,
    software_version: &'static str,
    hardware_version: &'static str,
    uptime: &'static str,
    provisioning_code: &'static str,
    parameter_key: &'static str,
    conn_req_url: &'static str,
    periodic_enable: &'static str,
    periodic_interval: &'static str,
    periodic_time: &'static str,
    ssid_table: &'static str,
    ssid: &'static str,
    ssid_enable: &'static str,
    noise_margin: &'static str,
    isp_logo: &'static str,
    port_mapping: &'static str,
    external_ip: &'static str,
}

const TR098: Model = Model {
    root: "InternetGatewayDevice.",
    software_version: "InternetGatewayDevice.DeviceInfo.SoftwareVersion",
    hardware_version: "InternetGatewayDevice.DeviceInfo.HardwareVersion",
    uptime: "InternetGatewayDevice.DeviceInfo.UpTime",
    provisioning_code: "InternetGatewayDevice.DeviceInfo.ProvisioningCode",
    parameter_key: "InternetGatewayDevice.ManagementServer.ParameterKey",
    conn_req_url: "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
    periodic_enable: "InternetGatewayDevice.ManagementServer.PeriodicInformEnable",
    periodic_interval: "InternetGatewayDevice.ManagementServer.PeriodicInformInterval",
    periodic_time: "InternetGatewayDevice.ManagementServer.PeriodicInformTime",
    ssid_table: "InternetGatewayDevice.LANDevice.1.WLANConfiguration.",
    ssid: "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID",
    ssid_enable: "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Enable",
    noise_margin: "InternetGatewayDevice.WANDevice.1.WANDSLInterfaceConfig.DownstreamNoiseMargin",
    isp_logo: "InternetGatewayDevice.UserInterface.ISPLogo",
    port_mapping: "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PortMapping.",
    external_ip: "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.ExternalIPAddress",
};

const TR181: Model = Model {
    root: "Device.",
    software_version: "Device.DeviceInfo.SoftwareVersion",
    hardware_version: "Device.DeviceInfo.HardwareVersion",
    uptime: "Device.DeviceInfo.UpTime",
    provisioning_code: "Device.DeviceInfo.ProvisioningCode",
    parameter_key: "Device.ManagementServer.ParameterKey",
    conn_req_url: "Device.ManagementServer.ConnectionRequestURL",
    periodic_enable: "Device.ManagementServer.PeriodicInformEnable",
    periodic_interval: "Device.ManagementServer.PeriodicInformInterval",
    periodic_time: "Device.ManagementServer.PeriodicInformTime",
    ssid_table: "Device.WiFi.SSID.",
    ssid: "Device.WiFi.SSID.1.SSID",
    ssid_enable: "Device.WiFi.SSID.1.Enable",
    noise_margin: "Device.DSL.Line.1.DownstreamNoiseMargin",
    isp_logo: "Device.UserInterface.ISPLogo",
    port_mapping: "Device.NAT.PortMapping.",
    external_ip: "Device.IP.Interface.1.IPv4Address.1.IPAddress",
};

fn model(version: CwmpVersion) -> &'static Model {
    if version < CwmpVersion::V1_2 {
        &TR098
    } else {
        &TR181
    }
}

fn dt(s: &str) -> DateTime {
    DateTime::parse(s).unwrap_or_else(|e| panic!("sample dateTime {s}: {e}"))
}

fn pv(name: &str, ty: ValueType, text: &str) -> ParameterValueStruct {
    ParameterValueStruct::new(name, Value::new(ty, text))
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn hold(hold_requests: bool) -> Header {
    Header {
        hold_requests: Some(hold_requests),
        ..Header::default()
    }
}

const DU_UUID_1: &str = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const DU_UUID_2: &str = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const DU_UUID_3: &str = "a8098c1a-f86e-11da-bd1a-00112444be1e";

/// Every message of every version, each with the header it is sent with (the ID is filled in
/// by the caller).
fn all_messages(v: CwmpVersion) -> Vec<(Header, Message)> {
    let m = model(v);
    let none = Header::default;
    let mut methods = strings(&[
        "GetRPCMethods",
        "SetParameterValues",
        "GetParameterValues",
        "GetParameterNames",
        "SetParameterAttributes",
        "GetParameterAttributes",
        "AddObject",
        "DeleteObject",
        "Reboot",
        "Download",
        "Upload",
        "FactoryReset",
        "GetQueuedTransfers",
        "ScheduleInform",
    ]);
    if v >= CwmpVersion::V1_1 {
        methods.push("GetAllQueuedTransfers".into());
    }
    if v >= CwmpVersion::V1_2 {
        methods.extend(strings(&[
            "ScheduleDownload",
            "CancelTransfer",
            "ChangeDUState",
        ]));
    }

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

    let mut attributes = vec![
        SetParameterAttributesStruct {
            name: m.ssid.into(),
            notification_change: true,
            notification: 2,
            access_list_change: true,
            access_list: strings(&["Subscriber"]),
        },
        SetParameterAttributesStruct {
            name: m.software_version.into(),
            notification_change: true,
            notification: 1,
            access_list_change: false,
            access_list: Vec::new(),
        },
    ];
    if v >= CwmpVersion::V1_4 {
        // Passive notification together with passive lightweight notification.
        attributes.push(SetParameterAttributesStruct {
            name: m.uptime.into(),
            notification_change: true,
            notification: 4,
            access_list_change: false,
            access_list: Vec::new(),
        });
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

    let firmware = "ACME-GW4200-4.2.1.bin";
    let sw_version = if v >= CwmpVersion::V1_2 {
        "4.2.1-r18734"
    } else {
        "3.10.7"
    };

    vec![
        (none(), GetRPCMethods {}.into()),
        (
            none(),
            GetRPCMethodsResponse {
                method_list: methods,
            }
            .into(),
        ),
        (
            none(),
            SetParameterValues {
                parameter_list: vec![
                    pv(m.ssid, ValueType::String, "Müller & Söhne <5G>"),
                    pv(m.periodic_enable, ValueType::Boolean, "true"),
                    pv(m.periodic_interval, ValueType::UnsignedInt, "3600"),
                    pv(m.periodic_time, ValueType::DateTime, "2024-05-01T03:00:00Z"),
                    pv(
                        m.isp_logo,
                        ValueType::Base64,
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB",
                    ),
                ],
                parameter_key: "cfg-2024-05-01-0001".into(),
            }
            .into(),
        ),
        (
            none(),
            SetParameterValuesResponse {
                status: Status::Pending,
            }
            .into(),
        ),
        (
            hold(false),
            GetParameterValues {
                parameter_names: strings(&[
                    &format!("{}DeviceInfo.", m.root),
                    m.periodic_interval,
                    m.noise_margin,
                ]),
            }
            .into(),
        ),
        (
            none(),
            GetParameterValuesResponse {
                parameter_list: vec![
                    pv(m.software_version, ValueType::String, sw_version),
                    pv(m.uptime, ValueType::UnsignedInt, "86412"),
                    pv(m.periodic_enable, ValueType::Boolean, "1"),
                    pv(
                        m.periodic_time,
                        ValueType::DateTime,
                        "2024-05-01T10:00:03.25+02:00",
                    ),
                    pv(m.noise_margin, ValueType::Int, "-12"),
                    ParameterValueStruct::new(m.provisioning_code, Value::untyped("ACME.RES.FTTH")),
                ],
            }
            .into(),
        ),
        (
            none(),
            GetParameterNames {
                parameter_path: m.ssid_table.into(),
                next_level: false,
            }
            .into(),
        ),
        (
            none(),
            GetParameterNamesResponse {
                parameter_list: vec![
                    ParameterInfoStruct {
                        name: format!("{}1.", m.ssid_table),
                        writable: false,
                    },
                    ParameterInfoStruct {
                        name: m.ssid.into(),
                        writable: true,
                    },
                    ParameterInfoStruct {
                        name: m.ssid_enable.into(),
                        writable: true,
                    },
                ],
            }
            .into(),
        ),
        (
            none(),
            SetParameterAttributes {
                parameter_list: attributes,
            }
            .into(),
        ),
        (none(), SetParameterAttributesResponse {}.into()),
        (
            none(),
            GetParameterAttributes {
                parameter_names: strings(&[m.ssid, m.software_version]),
            }
            .into(),
        ),
        (
            none(),
            GetParameterAttributesResponse {
                parameter_list: vec![
                    ParameterAttributeStruct {
                        name: m.ssid.into(),
                        notification: 2,
                        access_list: strings(&["Subscriber"]),
                    },
                    ParameterAttributeStruct {
                        name: m.software_version.into(),
                        notification: 0,
                        access_list: Vec::new(),
                    },
                ],
            }
            .into(),
        ),
        (
            none(),
            AddObject {
                object_name: m.port_mapping.into(),
                parameter_key: "pm-add-7f3a".into(),
            }
            .into(),
        ),
        (
            none(),
            AddObjectResponse {
                instance_number: 3,
                status: Status::Applied,
            }
            .into(),
        ),
        (
            none(),
            DeleteObject {
                object_name: format!("{}2.", m.port_mapping),
                parameter_key: "pm-del-7f3b".into(),
            }
            .into(),
        ),
        (
            none(),
            DeleteObjectResponse {
                status: Status::Applied,
            }
            .into(),
        ),
        (
            none(),
            Reboot {
                command_key: "reboot-0417".into(),
            }
            .into(),
        ),
        (none(), RebootResponse {}.into()),
        (
            hold(true),
            Download {
                command_key: "fw-upgrade-4.2.1".into(),
                file_type: "1 Firmware Upgrade Image".into(),
                url: format!("https://fw.example.net/acme/gw4200/{firmware}"),
                username: "cpe-fw".into(),
                password: "s3cr3t-f1rmware".into(),
                file_size: 31_457_280,
                target_file_name: firmware.into(),
                delay_seconds: 0,
                success_url: String::new(),
                failure_url: String::new(),
            }
            .into(),
        ),
        (
            none(),
            DownloadResponse {
                status: Status::Pending,
                start_time: DateTime::UNKNOWN,
                complete_time: DateTime::UNKNOWN,
            }
            .into(),
        ),
        (
            none(),
            Upload {
                command_key: "log-upload-88".into(),
                file_type: "2 Vendor Log File".into(),
                url: "https://upload.example.net/logs/00D09E-GW4200-A1B2C3D4.log".into(),
                username: "uploader".into(),
                password: "l0gs".into(),
                delay_seconds: 5,
            }
            .into(),
        ),
        (
            none(),
            UploadResponse {
                status: Status::Applied,
                start_time: dt("2024-05-01T10:15:00Z"),
                complete_time: dt("2024-05-01T10:15:02.5Z"),
            }
            .into(),
        ),
        (none(), FactoryReset {}.into()),
        (none(), FactoryResetResponse {}.into()),
        (none(), GetQueuedTransfers {}.into()),
        (
            none(),
            GetQueuedTransfersResponse {
                transfer_list: vec![
                    QueuedTransferStruct {
                        command_key: "fw-upgrade-4.2.1".into(),
                        state: TransferState::InProgress,
                    },
                    QueuedTransferStruct {
                        command_key: "cfg-night".into(),
                        state: TransferState::NotYetStarted,
                    },
                ],
            }
            .into(),
        ),
        (none(), GetAllQueuedTransfers {}.into()),
        (
            none(),
            GetAllQueuedTransfersResponse {
                transfer_list: vec![
                    AllQueuedTransferStruct {
                        command_key: "fw-upgrade-4.2.1".into(),
                        state: TransferState::InProgress,
                        is_download: true,
                        file_type: "1 Firmware Upgrade Image".into(),
                        file_size: 31_457_280,
                        target_file_name: firmware.into(),
                    },
                    // Queued by the CPE itself (RequestDownload), hence "all" transfers.
                    AllQueuedTransferStruct {
                        command_key: String::new(),
                        state: TransferState::NotYetStarted,
                        is_download: true,
                        file_type: "3 Vendor Configuration File".into(),
                        file_size: 18_224,
                        target_file_name: "gw4200.cfg".into(),
                    },
                ],
            }
            .into(),
        ),
        (
            none(),
            ScheduleInform {
                delay_seconds: 300,
                command_key: "sched-5min".into(),
            }
            .into(),
        ),
        (none(), ScheduleInformResponse {}.into()),
        (
            none(),
            SetVouchers {
                voucher_list: vec![Voucher(
                    b"<Voucher><OptionIdent>VoIP</OptionIdent><VSerialNum>42</VSerialNum></Voucher>"
                        .to_vec(),
                )],
            }
            .into(),
        ),
        (none(), SetVouchersResponse {}.into()),
        (
            none(),
            GetOptions {
                option_name: String::new(),
            }
            .into(),
        ),
        (
            none(),
            GetOptionsResponse {
                option_list: vec![
                    OptionStruct {
                        option_name: "VoIP".into(),
                        voucher_sn: 42,
                        state: 3,
                        mode: 2,
                        start_date: dt("2024-01-01T00:00:00Z"),
                        expiration_date: Some(dt("2025-01-01T00:00:00Z")),
                        is_transferable: 0,
                    },
                    OptionStruct {
                        option_name: "IPTV".into(),
                        voucher_sn: 7,
                        state: 1,
                        mode: 1,
                        start_date: dt("2023-06-15T08:30:00Z"),
                        expiration_date: None,
                        is_transferable: 1,
                    },
                ],
            }
            .into(),
        ),
        (
            none(),
            ScheduleDownload {
                command_key: "fw-window-0502".into(),
                file_type: "1 Firmware Upgrade Image".into(),
                url: format!("https://fw.example.net/acme/gw4200/{firmware}"),
                username: String::new(),
                password: String::new(),
                file_size: 31_457_280,
                target_file_name: firmware.into(),
                time_window_list: vec![
                    TimeWindowStruct {
                        window_start: 0,
                        window_end: 3600,
                        window_mode: "3 When Idle".into(),
                        user_message: String::new(),
                        max_retries: 2,
                    },
                    TimeWindowStruct {
                        window_start: 7200,
                        window_end: 14_400,
                        window_mode: "4 Confirmation Needed".into(),
                        user_message: "A firmware update is ready. Install now?".into(),
                        max_retries: -1,
                    },
                ],
            }
            .into(),
        ),
        (none(), ScheduleDownloadResponse {}.into()),
        (
            none(),
            CancelTransfer {
                command_key: "fw-window-0502".into(),
            }
            .into(),
        ),
        (none(), CancelTransferResponse {}.into()),
        (
            none(),
            ChangeDUState {
                operations: vec![
                    Operation::Install(InstallOpStruct {
                        url: "https://apps.example.net/du/speedtest-1.3.0.ipk".into(),
                        uuid: Some(DU_UUID_1.into()),
                        username: Some("apps".into()),
                        password: Some("apps-pw".into()),
                        execution_env_ref: Some("Device.SoftwareModules.ExecEnv.1".into()),
                    }),
                    Operation::Update(UpdateOpStruct {
                        uuid: Some(DU_UUID_2.into()),
                        version: Some("2.0.4".into()),
                        url: Some("https://apps.example.net/du/parental-2.1.0.ipk".into()),
                        username: None,
                        password: None,
                    }),
                    Operation::Uninstall(UninstallOpStruct {
                        uuid: DU_UUID_3.into(),
                        version: Some("0.9.1".into()),
                        execution_env_ref: Some("Device.SoftwareModules.ExecEnv.1".into()),
                    }),
                ],
                command_key: Some("du-batch-12".into()),
            }
            .into(),
        ),
        (none(), ChangeDUStateResponse {}.into()),
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

fn set_parameter_values_fault(v: CwmpVersion) -> Fault {
    let m = model(v);
    Fault::set_parameter_values(
        FaultCode::InvalidArguments,
        "Invalid arguments",
        vec![
            SetParameterValuesFault {
                parameter_name: m.periodic_interval.into(),
                fault_code: FaultCode::InvalidParameterValue,
                fault_string: "Value 0 is below the minimum of 1".into(),
            },
            SetParameterValuesFault {
                parameter_name: m.uptime.into(),
                fault_code: FaultCode::NonWritableParameter,
                fault_string: "Parameter is read-only".into(),
            },
        ],
    )
}
