//! The parameter RPCs of TR-069 over a [`DeviceModel`], with the exact faults the standard
//! asks for. Each returns the response message or the fault to send instead.

use crate::tree::{Attributes, DeviceModel, NodeKind, split_instance};
use crate::validate::check_value;
use cwmp::message::*;
use cwmp::{FaultCode, Value};
use std::collections::BTreeSet;

fn fault(code: FaultCode, message: impl Into<String>) -> Fault {
    Fault::new(code, message)
}

fn unknown(name: &str) -> Fault {
    fault(
        FaultCode::InvalidParameterName,
        format!("{name} does not exist"),
    )
}

impl DeviceModel {
    /// The ParameterKey parameter of this root.
    fn parameter_key_path(&self) -> String {
        format!("{}ManagementServer.ParameterKey", self.root())
    }

    fn set_parameter_key(&mut self, key: &str) {
        let path = self.parameter_key_path();
        if self.kind(&path).is_some() {
            self.values.insert(path, key.to_string());
        }
    }

    /// Whether objects at this path may be added (table container) or deleted (instance).
    fn object_writable(&self, path: &str) -> bool {
        let generic = crate::schema::generic_path(path);
        let table = if generic.ends_with(".{i}.") {
            generic
        } else {
            format!("{generic}{{i}}.")
        };
        self.schema()
            .object(&table)
            .is_some_and(|d| d.multi && d.writable)
    }

    pub fn get_parameter_names(
        &self,
        path: &str,
        next_level: bool,
    ) -> Result<GetParameterNamesResponse, Fault> {
        let info = |p: &str, kind: NodeKind| ParameterInfoStruct {
            name: p.to_string(),
            writable: match kind {
                NodeKind::Object => self.object_writable(p),
                NodeKind::Parameter => self.param_def(p).is_some_and(|d| d.writable),
            },
        };
        let list = if path.is_empty() {
            let all = self.paths_under("");
            if next_level {
                all.iter()
                    .filter(|(p, _)| p.matches('.').count() == 1 && p.ends_with('.'))
                    .map(|(p, k)| info(p, *k))
                    .collect()
            } else {
                all.iter().map(|(p, k)| info(p, *k)).collect()
            }
        } else {
            match self.kind(path) {
                None => return Err(unknown(path)),
                Some(NodeKind::Parameter) if next_level => {
                    return Err(fault(
                        FaultCode::InvalidArguments,
                        "NextLevel must be false for a parameter name",
                    ));
                }
                Some(NodeKind::Parameter) => vec![info(path, NodeKind::Parameter)],
                Some(NodeKind::Object) if next_level => self
                    .paths_under(path)
                    .iter()
                    .filter(|(p, _)| is_child(path, p))
                    .map(|(p, k)| info(p, *k))
                    .collect(),
                Some(NodeKind::Object) => self
                    .paths_under(path)
                    .iter()
                    .map(|(p, k)| info(p, *k))
                    .collect(),
            }
        };
        Ok(GetParameterNamesResponse {
            parameter_list: list,
        })
    }

    /// The parameters a name selects: itself, or every parameter under a partial path.
    fn select(&self, name: &str) -> Result<Vec<String>, Fault> {
        if name.is_empty() || name.ends_with('.') {
            if !name.is_empty() && self.kind(name) != Some(NodeKind::Object) {
                return Err(unknown(name));
            }
            return Ok(self
                .paths_under(name)
                .into_iter()
                .filter(|(_, k)| *k == NodeKind::Parameter)
                .map(|(p, _)| p)
                .collect());
        }
        match self.kind(name) {
            Some(NodeKind::Parameter) => Ok(vec![name.to_string()]),
            _ => Err(unknown(name)),
        }
    }

    pub fn get_parameter_values(
        &self,
        names: &[String],
    ) -> Result<GetParameterValuesResponse, Fault> {
        let mut list = Vec::new();
        for name in names {
            for path in self.select(name)? {
                let ty = self.param_def(&path).map(|d| d.wire_type());
                let text = self.value(&path).unwrap_or_default();
                list.push(ParameterValueStruct::new(path, Value { ty, text }));
            }
        }
        Ok(GetParameterValuesResponse {
            parameter_list: list,
        })
    }

    /// All or nothing: every failing parameter is listed in the fault, and nothing changes
    /// unless every parameter passes.
    pub fn set_parameter_values(
        &mut self,
        list: &[ParameterValueStruct],
        parameter_key: &str,
    ) -> Result<SetParameterValuesResponse, Fault> {
        let mut seen = BTreeSet::new();
        let mut failures = Vec::new();
        let mut accepted = Vec::new();
        for p in list {
            if !seen.insert(p.name.as_str()) {
                return Err(fault(
                    FaultCode::InvalidArguments,
                    format!("{} appears more than once", p.name),
                ));
            }
            let refusal = match (self.kind(&p.name), self.param_def(&p.name)) {
                (Some(NodeKind::Parameter), Some(def)) if !def.writable => Some((
                    FaultCode::NonWritableParameter,
                    "parameter is not writable".to_string(),
                )),
                (Some(NodeKind::Parameter), Some(def)) => match check_value(def, &p.value) {
                    Ok(text) => {
                        accepted.push((p.name.clone(), text));
                        None
                    }
                    Err(r) => Some((r.code, r.message)),
                },
                _ => Some((
                    FaultCode::InvalidParameterName,
                    "no such parameter".to_string(),
                )),
            };
            if let Some((code, message)) = refusal {
                failures.push(SetParameterValuesFault {
                    parameter_name: p.name.clone(),
                    fault_code: code,
                    fault_string: message,
                });
            }
        }
        if !failures.is_empty() {
            return Err(Fault::set_parameter_values(
                FaultCode::InvalidArguments,
                "one or more parameters could not be set",
                failures,
            ));
        }
        for (name, text) in accepted {
            // Changes made by the ACS are never notified back to it.
            self.changed.remove(&name);
            self.values.insert(name, text);
        }
        self.set_parameter_key(parameter_key);
        Ok(SetParameterValuesResponse {
            status: Status::Applied,
        })
    }

    pub fn get_parameter_attributes(
        &self,
        names: &[String],
    ) -> Result<GetParameterAttributesResponse, Fault> {
        let mut list = Vec::new();
        for name in names {
            for path in self.select(name)? {
                let a = self.attributes(&path);
                list.push(ParameterAttributeStruct {
                    name: path,
                    notification: a.notification,
                    access_list: a.access_list,
                });
            }
        }
        Ok(GetParameterAttributesResponse {
            parameter_list: list,
        })
    }

    pub fn set_parameter_attributes(
        &mut self,
        list: &[SetParameterAttributesStruct],
    ) -> Result<SetParameterAttributesResponse, Fault> {
        let mut updates: Vec<(String, Attributes)> = Vec::new();
        for s in list {
            if s.notification_change && s.notification > 6 {
                return Err(fault(
                    FaultCode::InvalidArguments,
                    "notification must be 0 to 6",
                ));
            }
            if s.access_list_change && s.access_list.iter().any(|e| e != "Subscriber") {
                return Err(fault(
                    FaultCode::InvalidArguments,
                    "unknown access list entry",
                ));
            }
            for path in self.select(&s.name)? {
                let def = self.param_def(&path);
                let policy = def.map(|d| d.active_notify).unwrap_or_default();
                let mut a = self.attributes(&path);
                if s.notification_change {
                    use crate::schema::ActiveNotify::*;
                    let refused = match policy {
                        CanDeny => matches!(s.notification, 2 | 5 | 6),
                        ForceEnabled => s.notification != 2,
                        Normal | ForceDefaultEnabled => false,
                    };
                    if refused {
                        return Err(fault(
                            FaultCode::NotificationRequestRejected,
                            format!("notification {} refused for {path}", s.notification),
                        ));
                    }
                    a.notification = s.notification;
                }
                if s.access_list_change {
                    a.access_list = s.access_list.clone();
                }
                updates.push((path, a));
            }
        }
        self.attributes.extend(updates);
        Ok(SetParameterAttributesResponse {})
    }

    pub fn add_object(
        &mut self,
        object_name: &str,
        parameter_key: &str,
    ) -> Result<AddObjectResponse, Fault> {
        let container = with_dot(object_name);
        if self.kind(&container) != Some(NodeKind::Object) {
            return Err(unknown(&container));
        }
        let table_generic = format!("{}{{i}}.", crate::schema::generic_path(&container));
        let Some(def) = self.schema().object(&table_generic).cloned() else {
            return Err(fault(
                FaultCode::InvalidParameterName,
                format!("{container} is not a table"),
            ));
        };
        if !def.writable {
            return Err(fault(
                FaultCode::RequestDenied,
                format!("{container} is not writable"),
            ));
        }
        if def
            .max_entries
            .is_some_and(|max| self.instances(&container).len() >= max as usize)
        {
            return Err(fault(FaultCode::ResourcesExceeded, "table is full"));
        }
        let n = self.allocate_instance(&container);
        self.added.insert(format!("{container}{n}."));
        self.set_parameter_key(parameter_key);
        Ok(AddObjectResponse {
            instance_number: n,
            status: Status::Applied,
        })
    }

    pub fn delete_object(
        &mut self,
        object_name: &str,
        parameter_key: &str,
    ) -> Result<DeleteObjectResponse, Fault> {
        let instance = with_dot(object_name);
        let Some((container, _)) = split_instance(&instance) else {
            return Err(unknown(&instance));
        };
        if self.kind(&instance) != Some(NodeKind::Object) {
            return Err(unknown(&instance));
        }
        if !self.object_writable(container) {
            return Err(fault(
                FaultCode::RequestDenied,
                format!("{container} is not writable"),
            ));
        }
        self.delete_local(&instance);
        self.set_parameter_key(parameter_key);
        Ok(DeleteObjectResponse {
            status: Status::Applied,
        })
    }
}

fn with_dot(name: &str) -> String {
    if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.")
    }
}

/// Whether `path` is a direct child of object `parent`.
fn is_child(parent: &str, path: &str) -> bool {
    let Some(rest) = path.strip_prefix(parent) else {
        return false;
    };
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    !rest.is_empty() && !rest.contains('.')
}

#[cfg(test)]
#[path = "rpc_tests.rs"]
mod tests;
