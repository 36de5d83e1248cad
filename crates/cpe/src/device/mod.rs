//! One simulated device: its data model, the events it owes the ACS, the requests and work it
//! has queued, and what happens at boot, reboot and factory reset. No IO and no clock: the
//! agent tells it the time and carries out what it asks for.

pub mod du;
mod handler;
pub mod queue;

use cwmp::EventCode;
use cwmp::message::{DeviceIdStruct, EventStruct, Message, ParameterValueStruct};
use cwmp::session::{CpeOutcome, InformContent};
use cwmp::{DateTime, Value};
use datamodel::{BaseTree, DeviceModel, DeviceState};
use queue::{QueuedDuChange, QueuedTransfer, ScheduledInform};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What the device must do once a session is over.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PendingAction {
    Reboot { command_key: String },
    FactoryReset,
}

/// Everything a device keeps across restarts.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DeviceSnapshot {
    pub serial: String,
    pub model: DeviceState,
    pub events: Vec<(String, String)>,
    pub outbox: Vec<Message>,
    pub transfers: Vec<QueuedTransfer>,
    pub du_changes: Vec<QueuedDuChange>,
    pub scheduled_informs: Vec<ScheduledInform>,
    /// The ACS URL this device last completed a BOOTSTRAP with.
    pub bootstrapped_url: Option<String>,
    pub pending_action: Option<PendingAction>,
    pub retry_count: u32,
}

#[derive(Debug, Clone)]
pub struct Device {
    pub serial: String,
    pub model: DeviceModel,
    events: Vec<EventStruct>,
    /// CPE requests waiting for a session: TransferComplete, DUStateChangeComplete, ...
    pub outbox: Vec<Message>,
    pub transfers: Vec<QueuedTransfer>,
    pub du_changes: Vec<QueuedDuChange>,
    pub scheduled_informs: Vec<ScheduledInform>,
    bootstrapped_url: Option<String>,
    pub pending_action: Option<PendingAction>,
    pub retry_count: u32,
    /// Parameters whose changes went into an Inform that is not acknowledged yet.
    unreported: BTreeSet<String>,
    boot_time: i64,
    now: i64,
}

impl Device {
    /// A device fresh from the factory.
    pub fn new(base: Arc<BaseTree>, serial: impl Into<String>) -> Device {
        Device::restore(
            base,
            DeviceSnapshot {
                serial: serial.into(),
                ..Default::default()
            },
        )
    }

    pub fn restore(base: Arc<BaseTree>, s: DeviceSnapshot) -> Device {
        Device {
            serial: s.serial,
            model: DeviceModel::with_state(base, s.model),
            events: s
                .events
                .into_iter()
                .map(|(c, k)| EventStruct::new(EventCode::parse(&c), k))
                .collect(),
            outbox: s.outbox,
            transfers: s.transfers,
            du_changes: s.du_changes,
            scheduled_informs: s.scheduled_informs,
            bootstrapped_url: s.bootstrapped_url,
            pending_action: s.pending_action,
            retry_count: s.retry_count,
            unreported: BTreeSet::new(),
            boot_time: 0,
            now: 0,
        }
    }

    /// What must survive a power loss: events that are kept across reboots, queued work.
    pub fn snapshot(&self) -> DeviceSnapshot {
        DeviceSnapshot {
            serial: self.serial.clone(),
            model: self.model.state(),
            events: self
                .events
                .iter()
                .filter(|e| e.event_code.survives_reboot())
                .map(|e| (e.event_code.to_string(), e.command_key.clone()))
                .collect(),
            outbox: self.outbox.clone(),
            transfers: self.transfers.clone(),
            du_changes: self.du_changes.clone(),
            scheduled_informs: self.scheduled_informs.clone(),
            bootstrapped_url: self.bootstrapped_url.clone(),
            pending_action: self.pending_action.clone(),
            retry_count: self.retry_count,
        }
    }

    pub fn root(&self) -> String {
        self.model.root().to_string()
    }

    fn param(&self, relative: &str) -> String {
        format!("{}{relative}", self.model.root())
    }

    pub fn device_id(&self) -> DeviceIdStruct {
        let id = &self.model.base().profile.identity;
        DeviceIdStruct {
            manufacturer: id.manufacturer.clone(),
            oui: id.oui.clone(),
            product_class: id.product_class.clone(),
            serial_number: self.serial.clone(),
        }
    }

    /// The agent's clock, in unix seconds; RPC handling and queues read it.
    pub fn set_clock(&mut self, now: i64) {
        self.now = now;
    }

    pub fn now(&self) -> i64 {
        self.now
    }

    pub fn events(&self) -> &[EventStruct] {
        &self.events
    }

    pub fn add_event(&mut self, code: EventCode, command_key: impl Into<String>) {
        let event = EventStruct::new(code, command_key);
        let duplicate = self.events.iter().any(|e| {
            e.event_code == event.event_code
                && (event.event_code.is_single() || e.command_key == event.command_key)
        });
        if !duplicate {
            self.events.push(event);
        }
    }

    /// Sets a parameter the device owns, if the profile has it (no notification bookkeeping
    /// for values the ACS does not watch).
    pub fn set_own(&mut self, relative: &str, value: impl Into<String>) -> bool {
        let path = self.param(relative);
        self.model.set_local(&path, value)
    }

    pub fn value(&self, relative: &str) -> Option<String> {
        self.model.value(&self.param(relative))
    }

    /// The ACS URL the device is configured with.
    pub fn acs_url(&self) -> Option<String> {
        self.value("ManagementServer.URL").filter(|u| !u.is_empty())
    }

    /// Power on (process start, or after a reboot): volatile events are lost, `1 BOOT` is
    /// raised, and `0 BOOTSTRAP` too if this ACS URL has never completed a bootstrap.
    ///
    /// `acs_url` is the factory setting of the process: it replaces an empty URL and the
    /// placeholder the profile ships (e.g. `http://acs.example.net:7547/`), while a URL the
    /// ACS set is kept.
    pub fn power_on(&mut self, now: i64, acs_url: &str) {
        self.now = now;
        self.boot_time = now;
        self.events.retain(|e| e.event_code.survives_reboot());
        let shipped = DeviceModel::new(Arc::clone(self.model.base()))
            .value(&self.param("ManagementServer.URL"))
            .filter(|u| !u.is_empty());
        let current = self.acs_url();
        if !acs_url.is_empty() && (current.is_none() || current == shipped) {
            self.set_own("ManagementServer.URL", acs_url);
        }
        self.set_own("DeviceInfo.SerialNumber", self.serial.clone());
        self.set_own("DeviceInfo.UpTime", "0");
        if self.bootstrapped_url.as_deref() != self.acs_url().as_deref() {
            self.add_event(EventCode::Bootstrap, "");
        }
        self.add_event(EventCode::Boot, "");
    }

    /// The Inform's content: pending events, the forced parameters, and changed parameters
    /// with notification on (which also raise `4 VALUE CHANGE`).
    pub fn inform_content(&mut self, now: i64) -> InformContent {
        self.now = now;
        self.set_own(
            "DeviceInfo.UpTime",
            (now - self.boot_time).max(0).to_string(),
        );
        self.unreported.extend(self.model.take_changes());
        if !self.unreported.is_empty() {
            self.add_event(EventCode::ValueChange, "");
        }
        let mut names: Vec<String> =
            cwmp::session::cpe::forced_inform_parameters(self.model.root())
                .iter()
                .map(|s| s.to_string())
                .collect();
        names.extend(self.inform_parameters());
        names.extend(self.unreported.iter().cloned());
        let mut seen = BTreeSet::new();
        let parameters = names
            .into_iter()
            .filter(|n| seen.insert(n.clone()))
            .filter_map(|name| {
                let value = self.model.value(&name)?;
                let ty = self.model.param_def(&name).map(|d| d.wire_type());
                Some(ParameterValueStruct::new(name, Value { ty, text: value }))
            })
            .collect();
        InformContent {
            events: self.events.clone(),
            parameters,
            retry_count: self.retry_count,
            current_time: DateTime::from_unix(now),
        }
    }

    /// `ManagementServer.InformParameter.{i}`: extra parameters the ACS asked for.
    fn inform_parameters(&self) -> Vec<String> {
        let container = self.param("ManagementServer.InformParameter.");
        self.model
            .instances(&container)
            .into_iter()
            .filter(|n| {
                self.model
                    .value(&format!("{container}{n}.Enable"))
                    .as_deref()
                    == Some("true")
            })
            .filter_map(|n| self.model.value(&format!("{container}{n}.ParameterName")))
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// Applies a session's outcome: delivered events and requests are dropped, the retry
    /// count moves, and a BOOTSTRAP that got through remembers the URL.
    pub fn session_finished(&mut self, outcome: &CpeOutcome) {
        if outcome.inform_acknowledged {
            if self
                .events
                .iter()
                .any(|e| e.event_code == EventCode::Bootstrap)
            {
                self.bootstrapped_url = self.acs_url();
            }
            self.events.clear();
            self.unreported.clear();
        } else {
            self.events = outcome.events_to_retry.clone();
        }
        self.outbox = outcome.undelivered.clone();
        self.retry_count = if outcome.result.is_ok() {
            0
        } else {
            self.retry_count.saturating_add(1)
        };
    }

    /// Restarts the device as a Reboot RPC asks: `M Reboot` with its key, then power on.
    pub fn reboot(&mut self, now: i64, command_key: &str) {
        self.add_event(EventCode::method("Reboot"), command_key);
        let url = self.acs_url().unwrap_or_default();
        self.power_on(now, &url);
    }

    /// Back to the profile's defaults: everything learnt is forgotten, including the ACS
    /// bootstrap, so the device announces `0 BOOTSTRAP`.
    pub fn factory_reset(&mut self, now: i64, default_acs_url: &str) {
        self.model.reset();
        self.events.clear();
        self.outbox.clear();
        self.transfers.clear();
        self.du_changes.clear();
        self.scheduled_informs.clear();
        self.bootstrapped_url = None;
        self.pending_action = None;
        self.unreported.clear();
        self.power_on(now, default_acs_url);
    }

    /// Takes the action a session left for afterwards.
    pub fn take_pending_action(&mut self) -> Option<PendingAction> {
        self.pending_action.take()
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
