//! Virtual parameters: computed by their scripts when something declares them, stored in the
//! tree like any parameter.

use super::{Provisioning, fault, script_fault};
use crate::model::DeviceRecord;
use crate::provision::plan::{Declaration, plan_knowing};
use crate::provision::sandbox::Stop;
use crate::provision::special;
use serde_json::{Value, json};
use std::sync::Arc;

impl Provisioning {
    /// Computes the virtual parameters a declaration reads or sets: their scripts'
    /// declarations join the channel's, and once those hold, the returned value is stored.
    pub(super) fn virtual_parameters(
        &mut self,
        device: &mut DeviceRecord,
        channel: &str,
        d: &Declaration,
        asked: &mut super::Asked,
    ) {
        let catalog = Arc::clone(&self.ctx.catalog);
        for path in d.path.matches(&device.tree) {
            let Some(name) = path.strip_prefix("VirtualParameters.") else {
                continue;
            };
            let Some(script) = catalog.virtual_parameters.get(name) else {
                continue;
            };
            if self.computed.contains(name) {
                continue;
            }
            let node = device.tree.get(&path).cloned().unwrap_or_default();
            let wants_value = d
                .fresh
                .value
                .is_some_and(|t| node.value_timestamp.is_none_or(|k| k < t))
                || d.fresh.path.is_some() && node.value.is_none()
                || d.desired
                    .value
                    .as_ref()
                    .is_some_and(|(v, _)| node.value.as_ref().is_none_or(|(c, _)| c != v));
            if !wants_value {
                continue;
            }
            let mut timestamps = json!({});
            if let Some(t) = d.fresh.value {
                timestamps["value"] = json!(t);
            }
            let mut values = json!({});
            if let Some((v, t)) = &d.desired.value {
                values["value"] = json!([v, t.clone().unwrap_or_else(|| "xsd:string".into())]);
            }
            let args = [timestamps, values];
            match self.script(device, script, &args) {
                Ok(run) => {
                    let stopped = run.stop.clone();
                    let returned = run.returned.clone();
                    let decls = run.declarations.clone();
                    self.take_run(device, channel, run, asked);
                    if let Some(Stop::Ext(call)) = stopped {
                        self.pending_ext = Some(call);
                        return;
                    }
                    let holds = stopped.is_none()
                        && plan_knowing(&device.tree, &decls, &self.absent).is_empty();
                    if holds {
                        self.computed.insert(name.to_string());
                        match stored_value(returned.as_ref()) {
                            Some((value, ty, writable)) => {
                                let before = device.tree.get(&path).and_then(|n| n.value.clone());
                                // A precondition may read it: evaluate again when it changed.
                                self.changed |= before.as_ref().map(|(v, _)| v) != Some(&value);
                                special::set_local(&mut device.tree, &path, value, &ty, self.now);
                                if let Some(node) = device.tree.get_mut(&path) {
                                    node.writable = Some(writable);
                                }
                            }
                            None => {
                                let message = format!(
                                    "virtual parameter {name} returned no {{value: [value, type]}}"
                                );
                                let detail = json!({"virtualParameter": name});
                                self.fault_channel(channel, fault("script", message, detail));
                            }
                        }
                    }
                }
                Err(e) => {
                    let info = script_fault(&format!("VirtualParameters.{name}"), name, &e);
                    self.fault_channel(channel, info);
                }
            }
        }
    }
}

/// `{writable, value: [value, type]}` (or `value: v`) as a virtual parameter returns it.
fn stored_value(returned: Option<&Value>) -> Option<(String, String, bool)> {
    let returned = returned?;
    let writable = returned
        .get("writable")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let (value, ty) = match returned.get("value")? {
        Value::Array(pair) => (pair.first()?.clone(), pair.get(1).and_then(Value::as_str)),
        other => (other.clone(), None),
    };
    let text = match value {
        Value::String(s) => s,
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let ty = ty.map_or_else(
        || "xsd:string".to_string(),
        crate::engine::apply::normalize_type,
    );
    Some((text, ty, writable))
}
