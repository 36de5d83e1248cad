//! What the CPE and the extensions answer provisioning, and what a session leaves behind.

use super::{Outcome, Provisioning, fault};
use crate::model::{DeviceRecord, FaultInfo};
use crate::provision::rpc;
use crate::provision::sandbox::ExtCall;
use crate::provision::special;
use cwmp::message::{Fault, Message};
use serde_json::Value;
use std::collections::BTreeSet;

impl Provisioning {
    /// An extension's result (or its error, which the script sees thrown).
    pub fn on_ext_result(&mut self, call: &ExtCall, result: Result<Value, String>) {
        self.ext.insert(call.key(), result);
        if self.pending_ext.as_ref() == Some(call) {
            self.pending_ext = None;
        }
    }

    /// Whether `request` is the RPC provisioning is waiting on.
    pub fn is_outstanding(&self, request: &Message) -> bool {
        self.outstanding
            .as_ref()
            .is_some_and(|r| r.message == *request)
    }

    pub fn on_response(&mut self, response: &Message, device: &mut DeviceRecord) {
        let Some(rpc) = self.outstanding.take() else {
            return;
        };
        if !rpc::answers(&rpc.message, response) {
            let info = fault(
                "unexpected_response",
                format!("{} does not answer {}", response.name(), rpc.message.name()),
                Value::Null,
            );
            self.fail(&rpc.channels, info);
            return;
        }
        if !matches!(
            rpc.message,
            Message::GetParameterNames(_)
                | Message::GetParameterValues(_)
                | Message::GetParameterAttributes(_)
        ) {
            self.changed = true;
        }
        let follow = rpc::apply(&rpc, response, &mut device.tree, self.now);
        // What a next-level listing was sent to find and did not list does not exist.
        for path in &rpc.covers {
            if !device.tree.contains_key(path) {
                self.absent.insert(path.clone());
            }
        }
        for r in follow.into_iter().rev() {
            self.queue.push_front(r);
        }
    }

    /// The CPE answered with a fault. A 9005 to a GetParameterNames means the path does not
    /// exist: the ACS learns that; any other fault faults the channels it is about.
    pub fn on_fault(&mut self, fault_msg: &Fault, device: &mut DeviceRecord) {
        let Some(rpc) = self.outstanding.take() else {
            return;
        };
        if let Message::GetParameterNames(gpn) = &rpc.message
            && fault_msg.code() == cwmp::FaultCode::InvalidParameterName
        {
            crate::engine::apply::remove_subtree(&mut device.tree, &gpn.parameter_path);
            self.absent.insert(gpn.parameter_path.clone());
            return;
        }
        let info = crate::engine::cpe_fault(&rpc.message, fault_msg);
        self.fail(&rpc.blamed(fault_msg), info);
    }

    /// The outstanding RPC got no usable answer.
    pub fn on_failure(&mut self, code: &str, message: String) {
        if let Some(rpc) = self.outstanding.take() {
            self.fail(&rpc.channels, fault(code, message, Value::Null));
        }
    }

    fn fail(&mut self, channels: &BTreeSet<String>, info: FaultInfo) {
        for channel in channels {
            self.fault_channel(channel, info.clone());
        }
        // The rest of the round was planned with those channels: plan again without them.
        self.queue.clear();
    }

    /// What the session leaves: faults of channels, cleared ones, the last logs.
    pub fn finish(mut self, device: &mut DeviceRecord) -> Outcome {
        if self.started && !self.is_idle() {
            special::strip(&mut device.tree);
        }
        let mut outcome = Outcome {
            logs: self.take_logs(),
            ..Outcome::default()
        };
        for (channel, info) in self.faulted {
            let previous = self.ctx.channel_faults.get(&channel);
            if let Some(p) = previous {
                outcome.cleared.push(p.id);
            }
            let retries = previous.map_or(1, |p| p.retries.saturating_add(1));
            outcome.faults.push((channel, info, retries));
        }
        // A channel succeeded when the session got to the end with it applied and unfaulted.
        if self.done {
            for channel in &self.ran {
                if let Some(p) = self.ctx.channel_faults.get(channel) {
                    outcome.cleared.push(p.id);
                }
            }
        }
        outcome
    }
}
