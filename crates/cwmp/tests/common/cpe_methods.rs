//! Samples of the methods the CPE implements, from GetRPCMethods to ChangeDUState, each
//! followed by its response, and the fault a CPE answers a SetParameterValues with.

use super::{DU_UUID_1, DU_UUID_2, DU_UUID_3, dt, hold, model, pv, software_version, strings};
use cwmp::message::*;
use cwmp::{CwmpVersion, DateTime, FaultCode, Header, Message, Value, ValueType};

/// The CPE methods `v` may have and their responses, each with the header it is sent with.
pub(super) fn messages(v: CwmpVersion) -> Vec<(Header, Message)> {
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

    let firmware = "ACME-GW4200-4.2.1.bin";
    let sw_version = software_version(v);

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
    ]
}

pub(super) fn set_parameter_values_fault(v: CwmpVersion) -> Fault {
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
