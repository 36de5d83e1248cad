//! What the ACS knows and stores: devices with their parameter trees, tasks, faults, files.
//! These types are the contract between the CWMP engine, the stores and the REST API.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Milliseconds since the Unix epoch; every timestamp the ACS records uses it.
pub type Millis = i64;

/// One node of a device's parameter tree as the ACS has learnt it. Each attribute carries the
/// time it was last learnt from the device, so provisioning can ask for fresh values.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Node {
    /// An object (path ends with `.`) rather than a parameter.
    pub object: bool,
    /// `(value, xsi:type such as "xsd:string")`; `None` until read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<(String, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub writable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_list: Option<Vec<String>>,
    /// When the node was last seen to exist (GetParameterNames, Inform, GetParameterValues).
    pub seen: Millis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_timestamp: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub writable_timestamp: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_timestamp: Option<Millis>,
}

/// A device's parameter tree by full path (objects end with `.`).
pub type Tree = BTreeMap<String, Node>;

/// Whether a parameter holds a secret (TR-069 passwords, e.g. `ConnectionRequestPassword`,
/// `KeyPassphrase`): its value is used by the ACS but never shown or indexed.
pub fn is_secret(path: &str) -> bool {
    path.ends_with("Password") || path.ends_with("Passphrase") || path.ends_with(".WEPKey")
}

/// A device as registered by its first Inform and updated by every session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DeviceRecord {
    /// `OUI-ProductClass-SerialNumber`, each part escaped as GenieACS does.
    pub id: String,
    pub oui: String,
    pub product_class: String,
    pub serial_number: String,
    pub manufacturer: String,
    pub first_seen: Millis,
    pub last_inform: Millis,
    pub last_boot: Option<Millis>,
    pub last_bootstrap: Option<Millis>,
    pub remote_address: String,
    /// Event codes of the last Inform.
    pub last_events: Vec<String>,
    pub tags: BTreeSet<String>,
    pub tree: Tree,
}

/// A task as the REST API receives it, with GenieACS's names and fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "camelCase", deny_unknown_fields)]
pub enum TaskSpec {
    #[serde(rename_all = "camelCase")]
    GetParameterValues {
        parameter_names: Vec<String>,
    },
    /// `[path, value]` or `[path, value, "xsd:type"]`; the type is taken from the tree when
    /// omitted.
    #[serde(rename_all = "camelCase")]
    SetParameterValues {
        parameter_values: Vec<ParameterValueSpec>,
    },
    #[serde(rename_all = "camelCase")]
    RefreshObject {
        object_name: String,
    },
    #[serde(rename_all = "camelCase")]
    AddObject {
        object_name: String,
        #[serde(default)]
        parameter_values: Vec<ParameterValueSpec>,
    },
    #[serde(rename_all = "camelCase")]
    DeleteObject {
        object_name: String,
    },
    Reboot {},
    FactoryReset {},
    #[serde(rename_all = "camelCase")]
    Download {
        #[serde(default = "firmware_file_type")]
        file_type: String,
        file_name: String,
        #[serde(default)]
        target_file_name: String,
    },
    #[serde(rename_all = "camelCase")]
    Upload {
        file_type: String,
        #[serde(default)]
        file_name: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    ScheduleInform {
        delay_seconds: u32,
        #[serde(default)]
        command_key: String,
    },
    #[serde(rename_all = "camelCase")]
    GetParameterAttributes {
        parameter_names: Vec<String>,
    },
    #[serde(rename_all = "camelCase")]
    SetParameterAttributes {
        parameter_attributes: Vec<ParameterAttributeSpec>,
    },
    #[serde(rename = "getRPCMethods")]
    GetRpcMethods {},
}

fn firmware_file_type() -> String {
    "1 Firmware Upgrade Image".into()
}

/// `["Device.X", "value"]` or `["Device.X", "value", "xsd:unsignedInt"]`; the value may be a
/// JSON string, number or boolean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParameterValueSpec {
    Typed(String, serde_json::Value, String),
    Untyped(String, serde_json::Value),
}

impl ParameterValueSpec {
    pub fn path(&self) -> &str {
        match self {
            ParameterValueSpec::Typed(p, _, _) | ParameterValueSpec::Untyped(p, _) => p,
        }
    }

    /// The value as text: strings as they are, numbers and booleans in their JSON form.
    pub fn text(&self) -> String {
        let v = match self {
            ParameterValueSpec::Typed(_, v, _) | ParameterValueSpec::Untyped(_, v) => v,
        };
        match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    pub fn xsi_type(&self) -> Option<&str> {
        match self {
            ParameterValueSpec::Typed(_, _, t) => Some(t),
            ParameterValueSpec::Untyped(..) => None,
        }
    }
}

/// A SetParameterAttributes entry, as in the RPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParameterAttributeSpec {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_list: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    /// Waiting for the device's next session.
    Queued,
    /// Ran; `result` holds what it returned.
    Done,
    /// Faulted; `fault` holds why. It is retried until its retries run out.
    Fault,
}

/// A queued or finished task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    pub id: i64,
    pub device: String,
    #[serde(flatten)]
    pub spec: TaskSpec,
    pub status: TaskStatus,
    pub created: Millis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry: Option<Millis>,
    pub retries: u32,
    /// Not before this time (backoff after a fault).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<FaultInfo>,
}

impl Task {
    /// A task just queued: not run yet, no retries, no result.
    pub fn queued(
        id: i64,
        device: &str,
        spec: TaskSpec,
        created: Millis,
        expiry: Option<Millis>,
    ) -> Task {
        Task {
            id,
            device: device.to_string(),
            spec,
            status: TaskStatus::Queued,
            created,
            expiry,
            retries: 0,
            not_before: None,
            result: None,
            fault: None,
        }
    }
}

/// Why something failed: a CWMP fault code (`"9005"`), or an ACS-side code such as `"timeout"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultInfo {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub detail: serde_json::Value,
}

/// A fault as listed by `/api/v1/faults`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRecord {
    pub id: i64,
    pub device: String,
    /// `task` for task faults; provisioning channels later.
    pub channel: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<i64>,
    #[serde(flatten)]
    pub fault: FaultInfo,
    pub retries: u32,
    pub timestamp: Millis,
}

/// A file on the file server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileMeta {
    pub name: String,
    pub file_type: String,
    pub oui: String,
    pub product_class: String,
    pub version: String,
    pub length: u64,
    /// Hex SHA-256 of the content; also the ETag.
    pub sha256: String,
    pub uploaded: Millis,
}

/// GenieACS's device id: `OUI-ProductClass-SerialNumber` with each part percent-escaped so it
/// is safe in a URL and unambiguous (`-` inside a part becomes `%2D`).
pub fn device_id(oui: &str, product_class: &str, serial_number: &str) -> String {
    fn escape(part: &str) -> String {
        let mut out = String::with_capacity(part.len());
        for b in part.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    if product_class.is_empty() {
        format!("{}-{}", escape(oui), escape(serial_number))
    } else {
        format!(
            "{}-{}-{}",
            escape(oui),
            escape(product_class),
            escape(serial_number)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_ids_escape_like_genieacs() {
        assert_eq!(
            device_id("00D09E", "HGW-3000", "SN 1"),
            "00D09E-HGW%2D3000-SN%201"
        );
        assert_eq!(device_id("00D09E", "", "ABC"), "00D09E-ABC");
    }

    #[test]
    fn task_specs_use_genieacs_names() {
        let t: TaskSpec = serde_json::from_value(serde_json::json!({
            "name": "setParameterValues",
            "parameterValues": [["Device.A", 5, "xsd:unsignedInt"], ["Device.B", "x"], ["Device.C", true]]
        }))
        .expect("valid task");
        let TaskSpec::SetParameterValues { parameter_values } = &t else {
            panic!("{t:?}")
        };
        assert_eq!(parameter_values[0].text(), "5");
        assert_eq!(parameter_values[0].xsi_type(), Some("xsd:unsignedInt"));
        assert_eq!(parameter_values[1].xsi_type(), None);
        assert_eq!(parameter_values[2].text(), "true");
        let t: TaskSpec = serde_json::from_str(r#"{"name":"getRPCMethods"}"#).expect("valid");
        assert_eq!(t, TaskSpec::GetRpcMethods {});
        let t: TaskSpec =
            serde_json::from_str(r#"{"name":"download","fileName":"fw.bin"}"#).expect("valid");
        assert!(
            matches!(t, TaskSpec::Download { ref file_type, .. } if file_type == "1 Firmware Upgrade Image")
        );
        assert!(serde_json::from_str::<TaskSpec>(r#"{"name":"reboot","bogus":1}"#).is_err());
        assert!(serde_json::from_str::<TaskSpec>(r#"{"name":"frobnicate"}"#).is_err());
    }
}

/// A username and password pair; the password never shows in `Debug`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    pub username: String,
    pub password: crate::config::Secret,
}

/// Credentials set for one device by the operator, before or after its first Inform: what
/// the device must authenticate to the ACS with, and what the ACS answers its connection
/// requests with. Each takes precedence over the global ones.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceCredentials {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpe: Option<Credential>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_request: Option<Credential>,
}
