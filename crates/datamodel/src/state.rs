//! What a device must remember across restarts: everything that differs from its profile.

use crate::tree::{Attributes, BaseTree, DeviceModel};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The persistent part of a [`DeviceModel`], serialisable as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeviceState {
    pub values: BTreeMap<String, String>,
    pub added: BTreeSet<String>,
    pub deleted: BTreeSet<String>,
    pub attributes: BTreeMap<String, StoredAttributes>,
    pub next_instance: BTreeMap<String, u32>,
    /// Notified changes not yet reported in an Inform.
    pub changed: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoredAttributes {
    pub notification: u8,
    pub access_list: Vec<String>,
}

impl DeviceModel {
    pub fn state(&self) -> DeviceState {
        DeviceState {
            values: self.values.clone(),
            added: self.added.clone(),
            deleted: self.deleted.clone(),
            attributes: self
                .attributes
                .iter()
                .map(|(k, a)| {
                    let stored = StoredAttributes {
                        notification: a.notification,
                        access_list: a.access_list.clone(),
                    };
                    (k.clone(), stored)
                })
                .collect(),
            next_instance: self.next_instance.clone(),
            changed: self.changed.clone(),
        }
    }

    /// A device restored from its saved state.
    pub fn with_state(base: Arc<BaseTree>, state: DeviceState) -> DeviceModel {
        let mut m = DeviceModel::new(base);
        m.values = state.values;
        m.added = state.added;
        m.deleted = state.deleted;
        m.attributes = state
            .attributes
            .into_iter()
            .map(|(k, a)| {
                let attrs = Attributes {
                    notification: a.notification,
                    access_list: a.access_list,
                };
                (k, attrs)
            })
            .collect();
        m.next_instance = state.next_instance;
        m.changed = state.changed;
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::tests::model;
    use cwmp::Value;
    use cwmp::message::ParameterValueStruct;

    #[test]
    fn state_round_trips_through_json() {
        let mut m = model();
        m.add_object("Device.WiFi.SSID.", "k").expect("ok");
        m.delete_object("Device.WiFi.SSID.2.", "k").expect("ok");
        m.set_parameter_values(
            &[ParameterValueStruct::new(
                "Device.WiFi.SSID.3.SSID",
                Value::string("Guest"),
            )],
            "k2",
        )
        .expect("ok");
        m.set_local(
            "Device.ManagementServer.ConnectionRequestURL",
            "http://x/cr",
        );
        let json = serde_json::to_string(&m.state()).expect("serialisable");
        let state: DeviceState = serde_json::from_str(&json).expect("readable");
        let restored = DeviceModel::with_state(Arc::clone(m.base()), state);
        assert_eq!(restored.state(), m.state());
        assert_eq!(
            restored.value("Device.WiFi.SSID.3.SSID").as_deref(),
            Some("Guest")
        );
        assert_eq!(restored.instances("Device.WiFi.SSID."), vec![1, 3]);
        assert!(restored.has_active_change());
        // A fresh device has nothing to save.
        assert_eq!(model().state(), DeviceState::default());
    }
}
