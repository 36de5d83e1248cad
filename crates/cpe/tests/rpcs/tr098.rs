//! The parameter RPCs of a TR-098 (InternetGatewayDevice) gateway.

use super::*;
use cwmp::message::*;
use cwmp::{Value, ValueType};
use scripted_acs::rpc::{gpn, gpv, names, spv, values};
use std::collections::BTreeMap;

pub async fn run_tr098() {
    const IGD: &str = "InternetGatewayDevice.";
    const WLAN_SSID: &str = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID";
    const IP: &str = "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.";
    let acs = ScriptedAcs::start().await;
    let mapping = format!("{IP}PortMapping.");
    acs.push_all(vec![
        gpn(IGD, true),
        gpv(&["InternetGatewayDevice.LANDevice.1.WLANConfiguration.1."]),
        spv(&[(WLAN_SSID, Value::string("igd-ssid"))], "igd-1"),
        spv(
            &[
                (
                    "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BeaconType",
                    Value::string("Open"),
                ),
                (
                    "InternetGatewayDevice.DeviceInfo.SoftwareVersion",
                    Value::string("1"),
                ),
                (
                    "InternetGatewayDevice.ManagementServer.PeriodicInformInterval",
                    Value::new(ValueType::Boolean, "true"),
                ),
            ],
            "igd-bad",
        ),
        AddObject {
            object_name: mapping.clone(),
            parameter_key: "igd-add".into(),
        }
        .into(),
        gpv(&[
            &format!("{mapping}1.ExternalPort"),
            "InternetGatewayDevice.ManagementServer.ParameterKey",
        ]),
        DeleteObject {
            object_name: format!("{mapping}1."),
            parameter_key: "igd-del".into(),
        }
        .into(),
        gpv(&[
            WLAN_SSID,
            "InternetGatewayDevice.ManagementServer.ParameterKey",
        ]),
        SetParameterAttributes {
            parameter_list: vec![SetParameterAttributesStruct {
                name: "InternetGatewayDevice.ManagementServer.ParameterKey".into(),
                notification_change: true,
                notification: 2,
                ..Default::default()
            }],
        }
        .into(),
        gpn("InternetGatewayDevice.Nope.", true),
    ]);
    let device =
        TestDevice::start(DeviceOptions::new("tr098-gateway", "IGD000001", &acs.url())).await;
    let s = acs
        .wait_session("the boot session", LIMIT, 0, |_| true)
        .await;
    assert!(s.completed() && s.has_event("0 BOOTSTRAP") && s.has_event("1 BOOT"));
    assert_eq!(
        s.param("InternetGatewayDevice.DeviceInfo.SpecVersion"),
        Some("1.0")
    );
    assert_eq!(
        s.param(&format!("{IP}ExternalIPAddress")),
        Some("198.51.100.77")
    );
    assert!(
        s.param("InternetGatewayDevice.DeviceSummary")
            .is_some_and(|d| d.starts_with("InternetGatewayDevice:1.4"))
    );
    let x = &s.exchanges;
    let top = names(x[0].response());
    assert!(
        top.contains_key("InternetGatewayDevice.LANDevice.")
            && top.contains_key("InternetGatewayDevice.DeviceSummary")
    );
    assert_eq!(values(x[1].response())[WLAN_SSID], "Aurora-5E20");
    assert!(matches!(
        x[2].response(),
        Message::SetParameterValuesResponse(_)
    ));
    let failures: BTreeMap<&str, u32> = x[3]
        .fault()
        .detail
        .set_parameter_values_fault
        .iter()
        .map(|f| {
            (
                f.parameter_name
                    .as_str()
                    .rsplit('.')
                    .next()
                    .unwrap_or_default(),
                f.fault_code.code(),
            )
        })
        .collect();
    assert_eq!(
        failures,
        BTreeMap::from([
            ("BeaconType", 9007),
            ("SoftwareVersion", 9008),
            ("PeriodicInformInterval", 9006)
        ])
    );
    assert!(matches!(x[4].response(), Message::AddObjectResponse(a) if a.instance_number == 1));
    assert_eq!(
        values(x[5].response())["InternetGatewayDevice.ManagementServer.ParameterKey"],
        "igd-add"
    );
    assert!(matches!(x[6].response(), Message::DeleteObjectResponse(_)));
    let v = values(x[7].response());
    assert_eq!(
        (
            v[WLAN_SSID].as_str(),
            v["InternetGatewayDevice.ManagementServer.ParameterKey"].as_str()
        ),
        ("igd-ssid", "igd-del")
    );
    assert_eq!(x[8].fault_code(), 9009);
    assert_eq!(x[9].fault_code(), 9005);
    device.stop().await;
    validate_envelopes("rpcs-tr098", &acs.log().envelopes);
}
