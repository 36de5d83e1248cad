//! Everything sessions need to provision, prepared once per change rather than per session:
//! presets in evaluation order with their preconditions and schedules parsed, and the
//! sources of provision and virtual-parameter scripts.

use crate::filter::{Expr, Field};
use crate::preset::cron::Cron;
use crate::preset::{Preset, Presets};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A preset ready to evaluate.
#[derive(Debug, Clone)]
pub struct PreparedPreset {
    pub name: String,
    pub preset: Preset,
    pub precondition: Option<Expr>,
    pub cron: Option<Cron>,
    /// The parameters the precondition reads: fetched first when the ACS does not know them.
    pub reads: Vec<String>,
}

impl PreparedPreset {
    /// Whether the session's events and the schedule at `now` (unix seconds) let the
    /// preset apply: a cron match at most `duration` seconds before; no schedule is always
    /// open.
    pub fn open(&self, events: &[String], now: i64) -> bool {
        let scheduled = match (&self.cron, &self.preset.schedule) {
            (Some(cron), Some(schedule)) => cron.open_at(now, schedule.duration),
            _ => true,
        };
        scheduled && self.preset.events_match(events.iter().map(String::as_str))
    }

    /// Whether the precondition holds on the device as the ACS knows it (none always does).
    pub fn precondition_holds(&self, device: &crate::model::DeviceRecord) -> bool {
        self.precondition
            .as_ref()
            .is_none_or(|expr| crate::filter::evaluate(expr, device))
    }
}

/// A script's source with a fingerprint, so compiled forms can be cached by content.
#[derive(Debug, Clone)]
pub struct Script {
    pub source: Arc<str>,
    pub fingerprint: u64,
}

impl Script {
    pub fn new(source: &str) -> Script {
        Script {
            source: Arc::from(source),
            fingerprint: fnv1a(source.as_bytes()),
        }
    }
}

/// FNV-1a: stable across builds and restarts, which the caches and staggering rely on.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What the sessions provision from.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// As stored, for the REST API.
    pub raw_presets: Presets,
    /// By weight, then name.
    pub presets: Vec<PreparedPreset>,
    pub provisions: BTreeMap<String, Script>,
    pub virtual_parameters: BTreeMap<String, Script>,
    /// The installation's secret seeding scripts' `Math.random()` per device.
    pub secret: Vec<u8>,
}

impl Catalog {
    /// Prepares stored presets and scripts. A preset that no longer parses (stored by an
    /// older version) is left out with a warning rather than failing every session.
    pub fn new(
        raw_presets: Presets,
        provisions: impl IntoIterator<Item = (String, String)>,
        virtual_parameters: impl IntoIterator<Item = (String, String)>,
    ) -> Catalog {
        let mut presets: Vec<PreparedPreset> = raw_presets
            .iter()
            .filter_map(|(name, preset)| match prepare(name, preset) {
                Ok(p) => Some(p),
                Err(e) => {
                    tracing::warn!(preset = %name, error = %e, "preset left out of sessions");
                    None
                }
            })
            .collect();
        presets.sort_by(|a, b| (a.preset.weight, &a.name).cmp(&(b.preset.weight, &b.name)));
        Catalog {
            raw_presets,
            presets,
            provisions: scripts(provisions),
            virtual_parameters: scripts(virtual_parameters),
            secret: Vec::new(),
        }
    }
}

impl Catalog {
    pub fn with_secret(mut self, secret: Vec<u8>) -> Catalog {
        self.secret = secret;
        self
    }
}

fn scripts(list: impl IntoIterator<Item = (String, String)>) -> BTreeMap<String, Script> {
    list.into_iter()
        .map(|(name, source)| {
            let script = Script::new(&source);
            (name, script)
        })
        .collect()
}

pub fn prepare(name: &str, preset: &Preset) -> Result<PreparedPreset, crate::preset::PresetError> {
    let precondition = preset.precondition_expr()?;
    let cron = preset
        .schedule
        .as_ref()
        .map(|s| Cron::parse(&s.cron))
        .transpose()?;
    let mut reads = Vec::new();
    if let Some(expr) = &precondition {
        parameters_read(expr, &mut reads);
    }
    reads.sort();
    reads.dedup();
    Ok(PreparedPreset {
        name: name.to_string(),
        preset: preset.clone(),
        precondition,
        cron,
        reads,
    })
}

fn parameters_read(expr: &Expr, out: &mut Vec<String>) {
    match expr {
        Expr::And(a, b) | Expr::Or(a, b) => {
            parameters_read(a, out);
            parameters_read(b, out);
        }
        Expr::Not(a) => parameters_read(a, out),
        Expr::Compare { field, .. } | Expr::Like { field, .. } | Expr::IsNull { field, .. } => {
            if let Field::Parameter(path) = field {
                out.push(path.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_preset_applies_when_its_events_schedule_and_precondition_hold() {
        use crate::model::{DeviceRecord, Node};
        let mut device = DeviceRecord::default();
        device.tree.insert(
            "Device.DeviceInfo.SoftwareVersion".into(),
            Node {
                value: Some(("1.9".into(), "xsd:string".into())),
                ..Node::default()
            },
        );
        let preset = Preset::from_json(json!({
            "events": {"1 BOOT": true},
            "precondition": "Device.DeviceInfo.SoftwareVersion < \"2.0\"",
            "schedule": {"cron": "0 3 * * *", "duration": 3600},
            "provisions": [["reboot"]]}))
        .expect("valid");
        let preset = prepare("p", &preset).expect("prepared");
        let applies = |device: &DeviceRecord, events: &[String], now: i64| {
            preset.open(events, now) && preset.precondition_holds(device)
        };
        // 2026-11-26 03:00 UTC.
        let three = 1_795_662_000;
        let boot = vec!["1 BOOT".to_string()];
        assert!(applies(&device, &boot, three + 1800));
        assert!(!applies(&device, &boot, three + 3600));
        assert!(!applies(&device, &boot, three - 60));
        assert!(!applies(&device, &["2 PERIODIC".into()], three));
        device
            .tree
            .get_mut("Device.DeviceInfo.SoftwareVersion")
            .expect("node")
            .value = Some(("2.1".into(), "xsd:string".into()));
        assert!(!applies(&device, &boot, three));
    }

    #[test]
    fn presets_are_ordered_and_their_reads_known() {
        let a = Preset::from_json(json!({
            "weight": 5,
            "precondition": "Device.DeviceInfo.SoftwareVersion <> \"2.0\" AND (tag = \"x\" OR Device.A.B IS NULL)",
            "provisions": [["reboot"]]
        }))
        .expect("valid");
        let b =
            Preset::from_json(json!({"weight": -1, "provisions": [["reboot"]]})).expect("valid");
        let catalog = Catalog::new(
            Arc::new(vec![("a".into(), a), ("b".into(), b)]),
            [("s".to_string(), "log(1)".to_string())],
            [],
        );
        let names: Vec<&str> = catalog.presets.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["b", "a"]);
        assert_eq!(
            catalog.presets[1].reads,
            ["Device.A.B", "Device.DeviceInfo.SoftwareVersion"]
        );
        assert_eq!(
            catalog.provisions["s"].fingerprint,
            Script::new("log(1)").fingerprint
        );
    }
}
