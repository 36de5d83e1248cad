//! Presets: which provisions run on which devices, when. The document is GenieACS's, with
//! provisions written as calls (`["value", "Device.X", 3600]`) rather than configuration
//! objects:
//!
//! ```json
//! {"weight": 0, "channel": "bootstrap", "events": {"0 BOOTSTRAP": true, "1 BOOT": false},
//!  "precondition": "Device.DeviceInfo.SoftwareVersion < \"2.0\"",
//!  "schedule": {"cron": "0 3 * * *", "duration": 3600},
//!  "provisions": [["value", "Device.ManagementServer.PeriodicInformInterval", 3600]]}
//! ```
//!
//! Every field but `provisions` is optional: no events means any session, no precondition
//! every device, no schedule always. Validation happens when a preset is stored, so a session
//! never meets a preset it cannot read.

pub mod cron;

use crate::filter::{Expr, parse_filter};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Every preset with its name, in name order, shared as sessions read it.
pub type Presets = std::sync::Arc<Vec<(String, Preset)>>;

/// The longest preset or provision name accepted.
pub const MAX_NAME_BYTES: usize = 128;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Lower weights run first; equal weights run by name.
    #[serde(default)]
    pub weight: i64,
    /// The unit of fault isolation: a provision that faults stops its channel's presets.
    #[serde(default = "default_channel")]
    pub channel: String,
    /// Event codes that must be present (`true`) or absent (`false`) in the session's Inform.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub events: BTreeMap<String, bool>,
    /// A filter expression the device must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precondition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    pub provisions: Vec<ProvisionCall>,
}

fn default_channel() -> String {
    "default".to_string()
}

/// The preset applies for `duration` seconds after each time `cron` matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub cron: String,
    pub duration: u64,
}

/// One provision with its arguments; JSON `[name, arg, ...]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Value>", into = "Vec<Value>")]
pub struct ProvisionCall {
    pub name: String,
    pub args: Vec<Value>,
}

impl TryFrom<Vec<Value>> for ProvisionCall {
    type Error = String;

    fn try_from(mut call: Vec<Value>) -> Result<ProvisionCall, String> {
        if call.is_empty() {
            return Err("a provision is [name, args...], not []".into());
        }
        match call.remove(0) {
            Value::String(name) => Ok(ProvisionCall { name, args: call }),
            other => Err(format!("a provision's name is a string, not {other}")),
        }
    }
}

impl From<ProvisionCall> for Vec<Value> {
    fn from(call: ProvisionCall) -> Vec<Value> {
        let mut out = Vec::with_capacity(call.args.len() + 1);
        out.push(Value::String(call.name));
        out.extend(call.args);
        out
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PresetError {
    #[error("invalid preset: {0}")]
    Shape(String),
    #[error("invalid precondition: {0}")]
    Precondition(crate::filter::FilterError),
    #[error("invalid schedule: {0}")]
    Schedule(#[from] cron::CronError),
    #[error("invalid name {0:?}: 1-128 bytes, no control characters or '/'")]
    Name(String),
}

/// Checks a preset or provision name: it is a URL path segment and a key.
pub fn check_name(name: &str) -> Result<(), PresetError> {
    let ok = !name.is_empty()
        && name.len() <= MAX_NAME_BYTES
        && !name.chars().any(|c| c.is_control() || c == '/');
    if ok {
        Ok(())
    } else {
        Err(PresetError::Name(name.to_string()))
    }
}

impl Preset {
    /// Reads and checks a preset document.
    pub fn from_json(body: Value) -> Result<Preset, PresetError> {
        // With the path of the offending field (`weight: invalid type ...`).
        let preset: Preset = serde_path_to_error::deserialize(body)
            .map_err(|e| PresetError::Shape(e.to_string()))?;
        preset.check()?;
        Ok(preset)
    }

    /// Everything a session relies on: a parsable precondition and schedule, names of
    /// channels and provisions, a non-empty provision list.
    pub fn check(&self) -> Result<(), PresetError> {
        if self.channel.is_empty() || self.channel.len() > MAX_NAME_BYTES {
            return Err(PresetError::Shape("channel must be 1-128 bytes".into()));
        }
        if self.provisions.is_empty() {
            return Err(PresetError::Shape("provisions must not be empty".into()));
        }
        for call in &self.provisions {
            check_name(&call.name)?;
        }
        self.precondition_expr()?;
        if let Some(schedule) = &self.schedule {
            cron::Cron::parse(&schedule.cron)?;
            if schedule.duration == 0 {
                return Err(PresetError::Shape(
                    "a schedule's duration is at least 1 second".into(),
                ));
            }
        }
        Ok(())
    }

    /// The parsed precondition, if there is one.
    pub fn precondition_expr(&self) -> Result<Option<Expr>, PresetError> {
        self.precondition
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(parse_filter)
            .transpose()
            .map_err(PresetError::Precondition)
    }

    /// Whether the session's events satisfy the preset's event conditions.
    pub fn events_match<'a>(&self, events: impl IntoIterator<Item = &'a str> + Clone) -> bool {
        self.events
            .iter()
            .all(|(code, wanted)| events.clone().into_iter().any(|e| e == code) == *wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documented_body_round_trips() {
        let body = json!({"weight": 0, "channel": "bootstrap",
            "events": {"0 BOOTSTRAP": true, "1 BOOT": false},
            "precondition": "Device.DeviceInfo.SoftwareVersion = \"2.1\" AND tag = \"lab\"",
            "schedule": {"cron": "0 3 * * *", "duration": 3600},
            "provisions": [["value", "Device.ManagementServer.PeriodicInformInterval", 3600],
                           ["my-script", "arg1"]]});
        let preset = Preset::from_json(body.clone()).expect("valid");
        assert_eq!(preset.provisions[1].name, "my-script");
        assert_eq!(preset.provisions[0].args[1], json!(3600));
        assert_eq!(serde_json::to_value(&preset).expect("json"), body);
        assert!(preset.events_match(["0 BOOTSTRAP"]));
        assert!(!preset.events_match(["0 BOOTSTRAP", "1 BOOT"]));
        assert!(!preset.events_match(["2 PERIODIC"]));
    }

    #[test]
    fn only_provisions_are_required() {
        let preset = Preset::from_json(json!({"provisions": [["reboot"]]})).expect("valid");
        assert_eq!(preset.channel, "default");
        assert_eq!(preset.precondition_expr().expect("none"), None);
        assert!(preset.events_match(["2 PERIODIC"]));
    }

    #[test]
    fn bad_presets_say_what_is_wrong() {
        for (body, needle) in [
            (json!({}), "provisions"),
            (json!({"provisions": []}), "must not be empty"),
            (json!({"provisions": [[]]}), "not []"),
            (json!({"provisions": [[3]]}), "name is a string"),
            (json!({"provisions": [["a/b"]]}), "invalid name"),
            (
                json!({"provisions": [["x"]], "precondition": "Device.X = "}),
                "precondition",
            ),
            (
                json!({"provisions": [["x"]], "schedule": {"cron": "61 * * * *", "duration": 5}}),
                "minute",
            ),
            (
                json!({"provisions": [["x"]], "schedule": {"cron": "* * * * *", "duration": 0}}),
                "duration",
            ),
            (
                json!({"provisions": [["x"]], "colour": "red"}),
                "unknown field",
            ),
        ] {
            let e = Preset::from_json(body.clone())
                .expect_err(&body.to_string())
                .to_string();
            assert!(e.contains(needle), "{body}: {e}");
        }
    }
}
