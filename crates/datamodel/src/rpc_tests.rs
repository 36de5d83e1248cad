use crate::tree::tests::model;
use cwmp::message::*;
use cwmp::{FaultCode, Value, ValueType};

fn names(r: &GetParameterNamesResponse) -> Vec<(&str, bool)> {
    r.parameter_list
        .iter()
        .map(|p| (p.name.as_str(), p.writable))
        .collect()
}

fn pvs(name: &str, value: Value) -> ParameterValueStruct {
    ParameterValueStruct::new(name, value)
}

#[test]
fn get_parameter_names_next_level_and_subtree() {
    let m = model();
    let top = m.get_parameter_names("Device.WiFi.", true).expect("exists");
    assert_eq!(
        names(&top),
        vec![
            ("Device.WiFi.SSID.", true),
            ("Device.WiFi.SSIDNumberOfEntries", false)
        ]
    );
    let table = m
        .get_parameter_names("Device.WiFi.SSID.", true)
        .expect("exists");
    assert_eq!(
        names(&table),
        vec![("Device.WiFi.SSID.1.", true), ("Device.WiFi.SSID.2.", true)]
    );
    let subtree = m
        .get_parameter_names("Device.WiFi.SSID.1.", false)
        .expect("exists");
    let n = names(&subtree);
    assert_eq!(n[0], ("Device.WiFi.SSID.1.", true));
    assert!(n.contains(&("Device.WiFi.SSID.1.SSID", true)));
    assert!(n.contains(&("Device.WiFi.SSID.1.Stats.BytesSent", false)));
    let single = m
        .get_parameter_names("Device.DeviceInfo.UpTime", false)
        .expect("exists");
    assert_eq!(names(&single), vec![("Device.DeviceInfo.UpTime", false)]);
    let root = m.get_parameter_names("", true).expect("root");
    assert_eq!(names(&root), vec![("Device.", false)]);
    // Read-only tables are not writable.
    let hosts = m
        .get_parameter_names("Device.Hosts.", true)
        .expect("exists");
    assert_eq!(names(&hosts), vec![("Device.Hosts.Host.", false)]);
}

#[test]
fn get_parameter_names_faults() {
    let m = model();
    let f = m.get_parameter_names("Device.Nope.", false).unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidParameterName);
    let f = m
        .get_parameter_names("Device.DeviceInfo.UpTime", true)
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidArguments);
    // A partial path must end with a dot; without it, it is an unknown parameter.
    let f = m.get_parameter_names("Device.WiFi", false).unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidParameterName);
}

#[test]
fn get_parameter_values_on_full_and_partial_paths() {
    let m = model();
    let r = m
        .get_parameter_values(&[
            "Device.WiFi.SSID.2.".into(),
            "Device.DeviceInfo.SoftwareVersion".into(),
        ])
        .expect("exists");
    let got: Vec<(&str, &str)> = r
        .parameter_list
        .iter()
        .map(|p| (p.name.as_str(), p.value.text.as_str()))
        .collect();
    assert!(got.contains(&("Device.WiFi.SSID.2.SSID", "HomeNet-5G")));
    assert!(got.contains(&("Device.WiFi.SSID.2.Stats.BytesSent", "0")));
    assert_eq!(
        got.last(),
        Some(&("Device.DeviceInfo.SoftwareVersion", "1.0"))
    );
    let enable = r
        .parameter_list
        .iter()
        .find(|p| p.name == "Device.WiFi.SSID.2.Enable");
    assert_eq!(
        enable.and_then(|p| p.value.ty.clone()),
        Some(ValueType::Boolean)
    );
    let f = m
        .get_parameter_values(&["Device.WiFi.SSID.9.SSID".into()])
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidParameterName);
}

#[test]
fn set_parameter_values_is_all_or_nothing() {
    let mut m = model();
    let f = m
        .set_parameter_values(
            &[
                pvs("Device.WiFi.SSID.1.SSID", Value::string("Changed")),
                pvs("Device.DeviceInfo.SoftwareVersion", Value::string("2.0")),
                pvs(
                    "Device.WiFi.SSID.1.Enable",
                    Value::new(ValueType::Boolean, "maybe"),
                ),
                pvs("Device.WiFi.SSID.1.Enable2", Value::string("x")),
                pvs(
                    "Device.ManagementServer.PeriodicInformInterval",
                    Value::new(ValueType::Boolean, "1"),
                ),
                pvs(
                    "Device.ManagementServer.PeriodicInformInterval2",
                    Value::string("1"),
                ),
                pvs("Device.WiFi.SSID.2.SSID", Value::string("x".repeat(33))),
            ],
            "key-1",
        )
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidArguments);
    let codes: Vec<(&str, u32)> = f
        .detail
        .set_parameter_values_fault
        .iter()
        .map(|e| (e.parameter_name.as_str(), e.fault_code.code()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("Device.DeviceInfo.SoftwareVersion", 9008),
            ("Device.WiFi.SSID.1.Enable", 9007),
            ("Device.WiFi.SSID.1.Enable2", 9005),
            ("Device.ManagementServer.PeriodicInformInterval", 9006),
            ("Device.ManagementServer.PeriodicInformInterval2", 9005),
            ("Device.WiFi.SSID.2.SSID", 9007),
        ]
    );
    // Nothing changed, not even the valid SSID nor the ParameterKey.
    assert_eq!(
        m.value("Device.WiFi.SSID.1.SSID").as_deref(),
        Some("HomeNet")
    );
    assert_eq!(
        m.value("Device.ManagementServer.ParameterKey").as_deref(),
        Some("")
    );

    let ok = m
        .set_parameter_values(
            &[
                pvs("Device.WiFi.SSID.1.SSID", Value::string("Changed")),
                pvs(
                    "Device.WiFi.SSID.1.Enable",
                    Value::new(ValueType::Boolean, "1"),
                ),
                pvs(
                    "Device.ManagementServer.PeriodicInformInterval",
                    Value::untyped("600"),
                ),
            ],
            "key-2",
        )
        .expect("valid");
    assert_eq!(ok.status, Status::Applied);
    assert_eq!(
        m.value("Device.WiFi.SSID.1.Enable").as_deref(),
        Some("true")
    );
    assert_eq!(
        m.value("Device.ManagementServer.PeriodicInformInterval")
            .as_deref(),
        Some("600")
    );
    assert_eq!(
        m.value("Device.ManagementServer.ParameterKey").as_deref(),
        Some("key-2")
    );
    let range = m
        .set_parameter_values(
            &[pvs(
                "Device.ManagementServer.PeriodicInformInterval",
                Value::untyped("0"),
            )],
            "",
        )
        .unwrap_err();
    assert_eq!(
        range.detail.set_parameter_values_fault[0].fault_code,
        FaultCode::InvalidParameterValue
    );
    let dup = m
        .set_parameter_values(
            &[
                pvs("Device.WiFi.SSID.1.SSID", Value::string("a")),
                pvs("Device.WiFi.SSID.1.SSID", Value::string("b")),
            ],
            "",
        )
        .unwrap_err();
    assert_eq!(dup.code(), FaultCode::InvalidArguments);
}

#[test]
fn add_and_delete_objects() {
    let mut m = model();
    let added = m
        .add_object("Device.WiFi.SSID.", "add-1")
        .expect("writable table");
    assert_eq!(added.instance_number, 3);
    assert_eq!(
        m.value("Device.ManagementServer.ParameterKey").as_deref(),
        Some("add-1")
    );
    m.set_parameter_values(
        &[pvs("Device.WiFi.SSID.3.SSID", Value::string("Guest"))],
        "",
    )
    .expect("new instance is settable");
    assert_eq!(
        m.value("Device.WiFi.SSIDNumberOfEntries").as_deref(),
        Some("3")
    );
    // Without the trailing dot too.
    assert_eq!(
        m.add_object("Device.WiFi.SSID", "")
            .expect("ok")
            .instance_number,
        4
    );
    let full = m.add_object("Device.WiFi.SSID.", "").unwrap_err();
    assert_eq!(full.code(), FaultCode::ResourcesExceeded);
    assert_eq!(
        m.add_object("Device.Hosts.Host.", "").unwrap_err().code(),
        FaultCode::RequestDenied
    );
    assert_eq!(
        m.add_object("Device.Nope.", "").unwrap_err().code(),
        FaultCode::InvalidParameterName
    );
    assert_eq!(
        m.add_object("Device.WiFi.", "").unwrap_err().code(),
        FaultCode::InvalidParameterName
    );
    let nested = m
        .add_object("Device.WiFi.SSID.3.AssociatedDevice.", "")
        .expect("nested table");
    assert_eq!(nested.instance_number, 1);

    m.delete_object("Device.WiFi.SSID.3.", "del-1")
        .expect("exists");
    assert_eq!(m.kind("Device.WiFi.SSID.3.SSID"), None);
    assert_eq!(m.kind("Device.WiFi.SSID.3.AssociatedDevice.1."), None);
    m.delete_object("Device.WiFi.SSID.1.", "del-2")
        .expect("profile instance");
    assert_eq!(m.instances("Device.WiFi.SSID."), vec![2, 4]);
    assert_eq!(
        m.delete_object("Device.WiFi.SSID.1.", "")
            .unwrap_err()
            .code(),
        FaultCode::InvalidParameterName
    );
    assert_eq!(
        m.delete_object("Device.WiFi.", "").unwrap_err().code(),
        FaultCode::InvalidParameterName
    );
    assert_eq!(
        m.delete_object("Device.Hosts.Host.1.", "")
            .unwrap_err()
            .code(),
        FaultCode::RequestDenied
    );
    // A deleted number is not handed out again.
    assert_eq!(
        m.add_object("Device.WiFi.SSID.", "")
            .expect("room again")
            .instance_number,
        5
    );
}

#[test]
fn attributes_and_notification_policy() {
    let mut m = model();
    let set = |name: &str, n: u8| SetParameterAttributesStruct {
        name: name.into(),
        notification_change: true,
        notification: n,
        access_list_change: false,
        access_list: vec![],
    };
    m.set_parameter_attributes(&[set("Device.WiFi.SSID.1.", 1)])
        .expect("ok");
    let r = m
        .get_parameter_attributes(&["Device.WiFi.SSID.1.SSID".into()])
        .expect("exists");
    assert_eq!(r.parameter_list[0].notification, 1);
    let f = m
        .set_parameter_attributes(&[set("Device.DeviceInfo.UpTime", 2)])
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::NotificationRequestRejected);
    let f = m
        .set_parameter_attributes(&[set("Device.ManagementServer.ConnectionRequestURL", 0)])
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::NotificationRequestRejected);
    let f = m
        .set_parameter_attributes(&[set("Device.Nope", 1)])
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidParameterName);
    let f = m
        .set_parameter_attributes(&[set("Device.WiFi.SSID.1.SSID", 7)])
        .unwrap_err();
    assert_eq!(f.code(), FaultCode::InvalidArguments);
    let acl = SetParameterAttributesStruct {
        name: "Device.WiFi.SSID.2.SSID".into(),
        notification_change: false,
        notification: 0,
        access_list_change: true,
        access_list: vec!["Subscriber".into()],
    };
    m.set_parameter_attributes(&[acl]).expect("ok");
    let r = m
        .get_parameter_attributes(&["Device.WiFi.SSID.2.SSID".into()])
        .expect("exists");
    assert_eq!(
        r.parameter_list[0].access_list,
        vec!["Subscriber".to_string()]
    );
    let forced = m
        .get_parameter_attributes(&["Device.ManagementServer.ConnectionRequestURL".into()])
        .expect("exists");
    assert_eq!(forced.parameter_list[0].notification, 2);
    // The ACS's own changes are not reported back.
    m.set_parameter_values(
        &[pvs("Device.WiFi.SSID.1.SSID", Value::string("ByAcs"))],
        "",
    )
    .expect("ok");
    assert!(m.take_changes().is_empty());
}
