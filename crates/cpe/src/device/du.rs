//! Carrying out deployment unit changes over the TR-157 `SoftwareModules` tree, and the
//! completion of file transfers.

use super::Device;
use super::queue::QueuedDuChange;
use cwmp::message::*;
use cwmp::{DateTime, EventCode, FaultCode};

/// How a finished transfer went, as the transfer executor reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct TransferDone {
    pub command_key: String,
    pub start_time: DateTime,
    pub complete_time: DateTime,
    pub fault: TransferCompleteFaultStruct,
    /// A firmware image that declared its version.
    pub new_software_version: Option<String>,
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A stable UUID for a deployment unit installed without one, derived from its URL.
fn uuid_for(url: &str) -> String {
    // FNV-1a, twice with different seeds, gives 128 bits; stability matters, not secrecy.
    let hash = |seed: u64| {
        url.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let (a, b) = (hash(0xcbf2_9ce4_8422_2325), hash(0x8422_2325_cbf2_9ce4));
    let hex = format!("{a:016x}{b:016x}");
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

impl Device {
    fn du_container(&self) -> String {
        format!("{}SoftwareModules.DeploymentUnit.", self.model.root())
    }

    fn find_du(&self, uuid: &str) -> Option<String> {
        let container = self.du_container();
        self.model
            .instances(&container)
            .into_iter()
            .map(|n| format!("{container}{n}."))
            .find(|du| self.model.value(&format!("{du}UUID")).as_deref() == Some(uuid))
    }

    fn set_du(&mut self, du: &str, field: &str, value: &str) {
        self.model.set_local(&format!("{du}{field}"), value);
    }

    fn apply_operation(&mut self, op: &Operation) -> OpResultStruct {
        let now = DateTime::from_unix(self.now);
        let mut result = OpResultStruct {
            start_time: now,
            complete_time: now,
            ..Default::default()
        };
        let outcome: Result<(String, String, String), (FaultCode, String)> = match op {
            Operation::Install(i) => {
                let uuid = i.uuid.clone().unwrap_or_else(|| uuid_for(&i.url));
                if !is_uuid(&uuid) {
                    Err((FaultCode::InvalidUuid, format!("{uuid:?} is not a UUID")))
                } else if self.find_du(&uuid).is_some() {
                    Err((
                        FaultCode::DuplicateDeploymentUnit,
                        format!("{uuid} is installed"),
                    ))
                } else if let Some(n) = self.model.add_local(&self.du_container()) {
                    let du = format!("{}{n}.", self.du_container());
                    let name = i.url.rsplit('/').next().unwrap_or("du").to_string();
                    self.set_du(&du, "UUID", &uuid);
                    self.set_du(&du, "Name", &name);
                    self.set_du(&du, "URL", &i.url);
                    self.set_du(&du, "Version", "1.0");
                    self.set_du(&du, "Status", "Installed");
                    self.set_du(&du, "Resolved", "true");
                    Ok((uuid, du, "1.0".to_string()))
                } else {
                    Err((
                        FaultCode::UnknownExecutionEnvironment,
                        "no SoftwareModules here".into(),
                    ))
                }
            }
            Operation::Update(u) => {
                let found = u.uuid.as_deref().and_then(|id| self.find_du(id));
                match (found, &u.uuid) {
                    (Some(du), Some(uuid)) => {
                        let current = self
                            .model
                            .value(&format!("{du}Version"))
                            .unwrap_or_default();
                        let version = u.version.clone().unwrap_or_else(|| format!("{current}.1"));
                        if version == current {
                            Err((
                                FaultCode::VersionAlreadyExists,
                                format!("{version} is installed"),
                            ))
                        } else {
                            self.set_du(&du, "Version", &version);
                            if let Some(url) = &u.url {
                                self.set_du(&du, "URL", url);
                            }
                            Ok((uuid.clone(), du, version))
                        }
                    }
                    _ => Err((
                        FaultCode::UnknownDeploymentUnit,
                        "no such deployment unit".into(),
                    )),
                }
            }
            Operation::Uninstall(u) => match self.find_du(&u.uuid) {
                Some(du) => {
                    let version = self
                        .model
                        .value(&format!("{du}Version"))
                        .unwrap_or_default();
                    self.model.delete_local(&du);
                    result.current_state = "Uninstalled".into();
                    Ok((u.uuid.clone(), du, version))
                }
                None => Err((
                    FaultCode::UnknownDeploymentUnit,
                    format!("{} is not installed", u.uuid),
                )),
            },
        };
        match outcome {
            Ok((uuid, du, version)) => {
                result.uuid = uuid;
                result.deployment_unit_ref = du.trim_end_matches('.').to_string();
                result.version = version;
                if result.current_state.is_empty() {
                    result.current_state = "Installed".into();
                }
                result.resolved = true;
            }
            Err((code, message)) => {
                result.current_state = "Failed".into();
                result.fault = DeploymentUnitFaultStruct {
                    fault_code: code.code(),
                    fault_string: message,
                };
            }
        }
        result
    }

    /// Carries out the oldest queued ChangeDUState and queues its DUStateChangeComplete.
    pub fn run_next_du_change(&mut self) -> bool {
        if self.du_changes.is_empty() {
            return false;
        }
        let change: QueuedDuChange = self.du_changes.remove(0);
        let results = change
            .operations
            .iter()
            .map(|op| self.apply_operation(op))
            .collect();
        let key = change.command_key.clone().unwrap_or_default();
        self.outbox.push(
            DUStateChangeComplete {
                results,
                command_key: change.command_key,
            }
            .into(),
        );
        self.add_event(EventCode::DuStateChangeComplete, "");
        self.add_event(EventCode::method("ChangeDUState"), key);
        true
    }

    /// Records a finished transfer: TransferComplete is queued with `7 TRANSFER COMPLETE` and
    /// the `M` event of the RPC. Returns true when a firmware image was installed, after which
    /// the device must reboot.
    pub fn transfer_finished(&mut self, done: TransferDone) -> bool {
        let Some(index) = self
            .transfers
            .iter()
            .position(|t| t.command_key == done.command_key)
        else {
            return false;
        };
        let job = self.transfers.remove(index);
        let method = match (job.is_download, job.scheduled) {
            (true, true) => "ScheduleDownload",
            (true, false) => "Download",
            (false, _) => "Upload",
        };
        let succeeded = done.fault.fault_code == 0;
        self.outbox.push(
            TransferComplete {
                command_key: done.command_key.clone(),
                fault_struct: done.fault,
                start_time: done.start_time,
                complete_time: done.complete_time,
            }
            .into(),
        );
        self.add_event(EventCode::TransferComplete, "");
        self.add_event(EventCode::method(method), done.command_key);
        let firmware = job.is_download && job.file_type.starts_with("1 ");
        if succeeded && firmware {
            if let Some(version) = done.new_software_version {
                self.set_own("DeviceInfo.SoftwareVersion", version);
            }
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_uuids_are_valid_and_stable() {
        let a = uuid_for("http://fs/app.ipk");
        assert!(is_uuid(&a), "{a}");
        assert_eq!(a, uuid_for("http://fs/app.ipk"));
        assert_ne!(a, uuid_for("http://fs/other.ipk"));
        assert!(!is_uuid("not-a-uuid"));
    }
}
