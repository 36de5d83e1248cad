//! What an Inform teaches the ACS: who the device is, when it booted or bootstrapped, where
//! it connects from, and the values it reports.

use super::{EngineError, SessionEngine, apply};
use crate::model::{DeviceRecord, device_id};
use cwmp::EventCode;
use cwmp::ValueType;
use cwmp::message::Inform;

/// The device id an Inform speaks for, as the store keys devices (GenieACS's format).
pub fn inform_device_id(inform: &Inform) -> String {
    let id = &inform.device_id;
    device_id(&id.oui, &id.product_class, &id.serial_number)
}

impl SessionEngine {
    /// Registers or updates the device from the Inform that opened the session. The engine
    /// must have been created with the record stored under [`inform_device_id`] (or `None`).
    ///
    /// On `0 BOOTSTRAP` the learnt tree is forgotten before the Inform's values are recorded:
    /// GenieACS's default bootstrap provision does the same (`clear("Device", now)` and
    /// `clear("InternetGatewayDevice", now)`), because a bootstrapped device may have been
    /// reset or replaced and nothing learnt before can be trusted. Tags are kept.
    pub fn on_inform(&mut self, inform: &Inform) -> Result<(), EngineError> {
        if self.informed {
            return Err(EngineError::AlreadyInformed);
        }
        let id = inform_device_id(inform);
        let now = self.ctx.now;
        let mut device = match self.device.take() {
            Some(d) if d.id == id => d,
            Some(d) => {
                let loaded = d.id.clone();
                self.device = Some(d);
                return Err(EngineError::DeviceMismatch {
                    loaded,
                    informed: id,
                });
            }
            None => DeviceRecord {
                id: id.clone(),
                first_seen: now,
                ..DeviceRecord::default()
            },
        };
        let ident = &inform.device_id;
        device.oui = ident.oui.clone();
        device.product_class = ident.product_class.clone();
        device.serial_number = ident.serial_number.clone();
        device.manufacturer = ident.manufacturer.clone();
        device.last_inform = now;
        if inform.has_event(&EventCode::Bootstrap) {
            device.last_bootstrap = Some(now);
            device.tree.clear();
        }
        if inform.has_event(&EventCode::Boot) {
            device.last_boot = Some(now);
        }
        device.last_events = inform
            .event
            .iter()
            .map(|e| e.event_code.as_wire().into_owned())
            .collect();
        device.remote_address = self.ctx.remote_address.clone();
        for p in &inform.parameter_list {
            let ty = p.value.ty.as_ref().map(ValueType::xsi_type);
            apply::set_value(&mut device.tree, &p.name, &p.value.text, ty, now);
        }
        // Tasks of another device must never reach this one, whatever the caller loaded.
        self.tasks.retain(|t| t.device == id);
        self.changed = vec![false; self.tasks.len()];
        self.initial_tags.clone_from(&device.tags);
        self.device = Some(device);
        self.informed = true;
        Ok(())
    }
}
