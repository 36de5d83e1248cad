//! Sample envelopes shared by the schema and golden tests: one realistic, schema-valid
//! envelope for every message a CWMP version has, plus a SOAP Fault and a SetParameterValues
//! fault.
//!
//! CWMP 1.0 and 1.1 samples speak the TR-098 `InternetGatewayDevice.` data model, as devices of
//! that era do; 1.2 and later speak TR-181 `Device.`.
//!
//! This file holds the public entry points and what the samples share (the data model, small
//! builders); the samples themselves are in `cpe_methods.rs` (the methods the CPE implements,
//! their responses and the SetParameterValues fault) and `acs_methods.rs` (the methods the ACS
//! implements and their responses).

// Each test crate that includes this module uses a different part of it.
#![allow(dead_code)]

mod acs_methods;
mod cpe_methods;

use cwmp::message::{Fault, ParameterValueStruct};
use cwmp::{CwmpVersion, DateTime, Envelope, FaultCode, Header, Message, Value, ValueType};
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
        Envelope::new("2002", cpe_methods::set_parameter_values_fault(version)),
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

/// The software version the samples' device reports.
fn software_version(v: CwmpVersion) -> &'static str {
    if v >= CwmpVersion::V1_2 {
        "4.2.1-r18734"
    } else {
        "3.10.7"
    }
}

/// Every message of every version, each with the header it is sent with (the ID is filled in
/// by the caller): the methods the CPE implements, then those the ACS implements.
fn all_messages(v: CwmpVersion) -> Vec<(Header, Message)> {
    let mut all = cpe_methods::messages(v);
    all.extend(acs_methods::messages(v));
    all
}
