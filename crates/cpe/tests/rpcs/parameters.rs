//! The parameter RPCs of a TR-181 device and the faults they must give.

use super::*;
use cwmp::message::*;
use cwmp::{Value, ValueType};
use scripted_acs::rpc::{gpn, gpv, names, spv, values};
use std::collections::{BTreeMap, BTreeSet};

/// The parameter RPCs and their faults, in the boot session.
pub fn parameter_rpcs() -> Vec<Message> {
    vec![
        GetRPCMethods {}.into(),
        gpn("", true),
        gpn("Device.", true),
        gpn("Device.WiFi.SSID.1.", false),
        gpn(SOFTWARE, false),
        gpn(SOFTWARE, true),
        gpn("Device.NoSuchObject.", false),
        gpv(&[SOFTWARE, "Device.WiFi.SSID.1."]),
        gpv(&["Device.NoSuchObject.Thing"]),
        spv(
            &[
                (SSID, Value::string("scripted-ssid")),
                (
                    "Device.DeviceInfo.ProvisioningCode",
                    Value::string("prov-1"),
                ),
            ],
            "spv-1",
        ),
        gpv(&[SSID, "Device.DeviceInfo.ProvisioningCode", KEY]),
        spv(
            &[
                ("Device.DeviceInfo.ProvisioningCode", Value::string("never")),
                ("Device.WiFi.SSID.1.Enable", Value::new(ValueType::Int, "1")),
                (
                    "Device.ManagementServer.CWMPRetryIntervalMultiplier",
                    Value::new(ValueType::UnsignedInt, "999"),
                ),
                (
                    "Device.Ethernet.Interface.1.DuplexMode",
                    Value::string("Sideways"),
                ),
                (SSID, Value::string("x".repeat(33))),
                (SOFTWARE, Value::string("0.0.1")),
                ("Device.NoSuchObject.Thing", Value::string("x")),
            ],
            "spv-bad",
        ),
        gpv(&[SSID, "Device.DeviceInfo.ProvisioningCode", KEY]),
        SetParameterAttributes {
            parameter_list: vec![SetParameterAttributesStruct {
                name: SSID.into(),
                notification_change: true,
                notification: 2,
                access_list_change: true,
                access_list: vec!["Subscriber".into()],
            }],
        }
        .into(),
        GetParameterAttributes {
            parameter_names: vec![SSID.into()],
        }
        .into(),
        SetParameterAttributes {
            parameter_list: vec![SetParameterAttributesStruct {
                name: "Device.DeviceInfo.UpTime".into(),
                notification_change: true,
                notification: 2,
                ..Default::default()
            }],
        }
        .into(),
        AddObject {
            object_name: "Device.Users.User.".into(),
            parameter_key: "add-1".into(),
        }
        .into(),
        gpv(&[
            KEY,
            "Device.Users.User.3.Username",
            "Device.Users.UserNumberOfEntries",
        ]),
        DeleteObject {
            object_name: "Device.Users.User.3.".into(),
            parameter_key: "del-1".into(),
        }
        .into(),
        gpv(&["Device.Users.User.3."]),
        AddObject {
            object_name: "Device.NoSuchTable.".into(),
            parameter_key: "add-bad".into(),
        }
        .into(),
        DeleteObject {
            object_name: "Device.Users.User.99.".into(),
            parameter_key: "del-bad".into(),
        }
        .into(),
        gpv(&[KEY]),
        SetVouchers {
            voucher_list: vec![Voucher(b"voucher".to_vec())],
        }
        .into(),
        GetOptions {
            option_name: String::new(),
        }
        .into(),
    ]
}

pub fn check_parameter_rpcs(s: &SessionRecord) {
    let x = &s.exchanges;
    let Message::GetRPCMethodsResponse(methods) = x[0].response() else {
        panic!("GetRPCMethods answered {:?}", x[0].response());
    };
    let methods: BTreeSet<&str> = methods.method_list.iter().map(String::as_str).collect();
    for m in [
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
        "GetAllQueuedTransfers",
        "ScheduleInform",
        "ScheduleDownload",
        "CancelTransfer",
        "ChangeDUState",
    ] {
        assert!(methods.contains(m), "GetRPCMethods lacks {m}: {methods:?}");
    }
    assert!(!methods.contains("SetVouchers") && !methods.contains("GetOptions"));

    // GetParameterNames: the root, next level, a partial path, a parameter, faults.
    assert_eq!(
        names(x[1].response()).into_keys().collect::<Vec<_>>(),
        ["Device."]
    );
    let top = names(x[2].response());
    assert!(top.contains_key("Device.DeviceInfo.") && top.contains_key("Device.WiFi."));
    for name in top.keys() {
        let rest = name.strip_prefix("Device.").expect("under Device.");
        assert!(
            !rest.trim_end_matches('.').contains('.'),
            "{name} is deeper"
        );
    }
    let ssid = names(x[3].response());
    assert!(ssid.contains_key("Device.WiFi.SSID.1."));
    assert_eq!(ssid.get(SSID), Some(&true));
    assert_eq!(ssid.get("Device.WiFi.SSID.1.Stats.BytesSent"), Some(&false));
    assert!(ssid.keys().all(|n| n.starts_with("Device.WiFi.SSID.1.")));
    assert_eq!(
        names(x[4].response()),
        BTreeMap::from([(SOFTWARE.to_string(), false)])
    );
    assert_eq!(x[5].fault_code(), 9003, "NextLevel true on a parameter");
    assert_eq!(x[6].fault_code(), 9005);

    // GetParameterValues: full and partial names, unknown name.
    let v = values(x[7].response());
    assert_eq!(v[SOFTWARE], "3.4.1-build2417");
    assert_eq!(v[SSID], "Aurora-3F10");
    assert!(v.contains_key("Device.WiFi.SSID.1.Enable"));
    assert!(
        v.keys()
            .skip(1)
            .all(|n| n.starts_with("Device.WiFi.SSID.1."))
    );
    assert_eq!(x[8].fault_code(), 9005);

    // SetParameterValues: applied, ParameterKey set.
    let Message::SetParameterValuesResponse(ok) = x[9].response() else {
        panic!("{:?}", x[9].response());
    };
    assert_eq!(ok.status, Status::Applied);
    let v = values(x[10].response());
    assert_eq!(
        (
            v[SSID].as_str(),
            v["Device.DeviceInfo.ProvisioningCode"].as_str(),
            v[KEY].as_str()
        ),
        ("scripted-ssid", "prov-1", "spv-1")
    );
    // Every failing parameter is reported with its own code, and nothing is applied.
    let fault = x[11].fault();
    assert_eq!(fault.code().code(), 9003);
    let failures: BTreeMap<&str, u32> = fault
        .detail
        .set_parameter_values_fault
        .iter()
        .map(|f| (f.parameter_name.as_str(), f.fault_code.code()))
        .collect();
    assert_eq!(
        failures,
        BTreeMap::from([
            ("Device.WiFi.SSID.1.Enable", 9006),
            ("Device.ManagementServer.CWMPRetryIntervalMultiplier", 9007),
            ("Device.Ethernet.Interface.1.DuplexMode", 9007),
            (SSID, 9007),
            (SOFTWARE, 9008),
            ("Device.NoSuchObject.Thing", 9005),
        ])
    );
    assert_eq!(values(x[12].response()), v, "all or nothing");

    // Attributes: set and read back; active notification refused on a canDeny parameter.
    assert!(matches!(
        x[13].response(),
        Message::SetParameterAttributesResponse(_)
    ));
    let Message::GetParameterAttributesResponse(attrs) = x[14].response() else {
        panic!("{:?}", x[14].response());
    };
    assert_eq!(attrs.parameter_list.len(), 1);
    assert_eq!(attrs.parameter_list[0].notification, 2);
    assert_eq!(attrs.parameter_list[0].access_list, ["Subscriber"]);
    assert_eq!(x[15].fault_code(), 9009, "UpTime is canDeny");

    // AddObject / DeleteObject: the next instance number, ParameterKey, 9005 on bad paths.
    let Message::AddObjectResponse(added) = x[16].response() else {
        panic!("{:?}", x[16].response());
    };
    assert_eq!((added.instance_number, added.status), (3, Status::Applied));
    let v = values(x[17].response());
    assert_eq!(v[KEY], "add-1");
    assert_eq!(v["Device.Users.UserNumberOfEntries"], "3");
    assert!(v.contains_key("Device.Users.User.3.Username"));
    assert!(
        matches!(x[18].response(), Message::DeleteObjectResponse(d) if d.status == Status::Applied)
    );
    assert_eq!(x[19].fault_code(), 9005, "the deleted instance is gone");
    assert_eq!(x[20].fault_code(), 9005);
    assert_eq!(x[21].fault_code(), 9005);
    assert_eq!(values(x[22].response())[KEY], "del-1");

    // Optional methods this device declines.
    assert_eq!(x[23].fault_code(), 9000);
    assert_eq!(x[24].fault_code(), 9000);
}
