//! One task's run inside a session: the RPCs it needs, in order, and what each answer means
//! for the tree and for the task's result.
//!
//! A run is a queue of RPCs. Most tasks are one RPC; `refreshObject` starts with
//! GetParameterNames and queues GetParameterValues batches for what it found; `addObject`
//! queues SetParameterValues for the initial values and a refresh of the new instance once
//! the instance number is known.

use super::EngineContext;
use super::apply;
use super::faults::acs_fault;
use super::transfer;
use crate::model::{FaultInfo, Millis, ParameterValueSpec, Task, TaskSpec, TaskStatus, Tree};
use cwmp::message::*;
use cwmp::{FaultCode, ValueType};
use serde_json::{Map, Value, json};
use std::collections::VecDeque;

/// How a run ended when its last RPC was answered.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    Done(Value),
    /// A transfer the CPE will report with TransferComplete.
    Pending(Value),
}

#[derive(Debug)]
pub(crate) struct TaskRun {
    pub(crate) index: usize,
    /// The task id as text: ParameterKey and CommandKey of the RPCs.
    key: String,
    queue: VecDeque<Message>,
    result: Map<String, Value>,
    pending: bool,
    /// addObject: the initial values, sent once the instance number is known.
    add_values: Vec<ParameterValueSpec>,
    /// getParameterValues: what was read, as `[path, value, type]`.
    values: Option<Vec<Value>>,
    /// `result` holds progress worth keeping if the session ends before the run does.
    progress: bool,
    gpv_batch: usize,
    now: Millis,
}

/// An object name as the RPCs want it: with the trailing dot.
fn object_path(name: &str) -> Result<String, FaultInfo> {
    let name = name.trim();
    if name.is_empty() || name == "." {
        return Err(acs_fault("invalid_task", "objectName is empty"));
    }
    Ok(if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.")
    })
}

/// What refreshObject asks GetParameterNames for: the whole tree for an empty name, a
/// parameter the tree knows as one, else an object.
fn refresh_path(name: &str, tree: &Tree) -> String {
    let name = name.trim();
    if name.is_empty() || name.ends_with('.') {
        return name.to_string();
    }
    match tree.get(name) {
        Some(node) if !node.object => name.to_string(),
        _ => format!("{name}."),
    }
}

/// The `xsi:type` a SetParameterValues entry is sent with: the task's, else the tree's, else
/// `xsd:string`.
fn typed_value(spec: &ParameterValueSpec, known: Option<String>) -> cwmp::Value {
    let ty = spec
        .xsi_type()
        .map(apply::normalize_type)
        .or(known)
        .unwrap_or_else(|| "xsd:string".to_string());
    cwmp::Value::new(ValueType::from_xsi_type(&ty), spec.text())
}

/// The instance an interrupted or faulted addObject already created, to resume on it rather
/// than create another.
fn resumable_instance(task: &Task) -> Option<u32> {
    if task.status == TaskStatus::Done {
        return None;
    }
    let n = task.result.as_ref()?.get("instanceNumber")?.as_u64()?;
    u32::try_from(n).ok()
}

impl TaskRun {
    pub(crate) fn start(
        index: usize,
        task: &Task,
        tree: &Tree,
        ctx: &EngineContext,
        device_id: &str,
    ) -> Result<TaskRun, FaultInfo> {
        let key = task.id.to_string();
        let mut run = TaskRun {
            index,
            key: key.clone(),
            queue: VecDeque::new(),
            result: Map::new(),
            pending: false,
            add_values: Vec::new(),
            values: None,
            progress: false,
            gpv_batch: ctx.gpv_batch.max(1),
            now: ctx.now,
        };
        let first: Message = match &task.spec {
            TaskSpec::GetParameterValues { parameter_names } => {
                run.values = Some(Vec::new());
                GetParameterValues {
                    parameter_names: parameter_names.clone(),
                }
                .into()
            }
            TaskSpec::SetParameterValues { parameter_values } => {
                if parameter_values.is_empty() {
                    return Err(acs_fault("invalid_task", "parameterValues is empty"));
                }
                let parameter_list = parameter_values
                    .iter()
                    .map(|spec| {
                        let known = apply::known_type(tree, spec.path());
                        ParameterValueStruct::new(spec.path(), typed_value(spec, known))
                    })
                    .collect();
                SetParameterValues {
                    parameter_list,
                    parameter_key: key,
                }
                .into()
            }
            TaskSpec::RefreshObject { object_name } => GetParameterNames {
                parameter_path: refresh_path(object_name, tree),
                next_level: false,
            }
            .into(),
            TaskSpec::AddObject {
                object_name,
                parameter_values,
            } => {
                let table = object_path(object_name)?;
                run.add_values = parameter_values.clone();
                if let Some(n) = resumable_instance(task) {
                    if let Some(Value::Object(previous)) = &task.result {
                        run.result = previous.clone();
                    }
                    run.progress = true;
                    run.after_add(&table, n, tree);
                    return Ok(run);
                }
                AddObject {
                    object_name: table,
                    parameter_key: key,
                }
                .into()
            }
            TaskSpec::DeleteObject { object_name } => DeleteObject {
                object_name: object_path(object_name)?,
                parameter_key: key,
            }
            .into(),
            TaskSpec::Reboot {} => Reboot { command_key: key }.into(),
            TaskSpec::FactoryReset {} => FactoryReset {}.into(),
            TaskSpec::Download {
                file_type,
                file_name,
                target_file_name,
            } => {
                if file_name.trim().is_empty() {
                    return Err(acs_fault("invalid_task", "fileName is empty"));
                }
                let url = transfer::download_url(&ctx.fs_url, file_name);
                // FileSize 0 means "unknown" to the CPE; a size beyond 4 GiB cannot be said.
                let file_size = ctx
                    .files
                    .get(file_name)
                    .and_then(|m| u32::try_from(m.length).ok())
                    .unwrap_or(0);
                run.result.insert("url".into(), url.clone().into());
                Download {
                    command_key: key,
                    file_type: file_type.clone(),
                    url,
                    file_size,
                    target_file_name: target_file_name.clone(),
                    ..Download::default()
                }
                .into()
            }
            TaskSpec::Upload {
                file_type,
                file_name,
            } => {
                let name = transfer::upload_file_name(task.id, file_name.as_deref(), file_type);
                let url = transfer::upload_url(&ctx.fs_url, device_id, &name);
                run.result.insert("url".into(), url.clone().into());
                run.result.insert("fileName".into(), name.into());
                Upload {
                    command_key: key,
                    file_type: file_type.clone(),
                    url,
                    ..Upload::default()
                }
                .into()
            }
            TaskSpec::ScheduleInform {
                delay_seconds,
                command_key,
            } => ScheduleInform {
                delay_seconds: *delay_seconds,
                command_key: command_key.clone(),
            }
            .into(),
            TaskSpec::GetParameterAttributes { parameter_names } => GetParameterAttributes {
                parameter_names: parameter_names.clone(),
            }
            .into(),
            TaskSpec::SetParameterAttributes {
                parameter_attributes,
            } => SetParameterAttributes {
                parameter_list: parameter_attributes
                    .iter()
                    .map(|a| SetParameterAttributesStruct {
                        name: a.name.clone(),
                        notification_change: a.notification.is_some(),
                        notification: a.notification.unwrap_or(0),
                        access_list_change: a.access_list.is_some(),
                        access_list: a.access_list.clone().unwrap_or_default(),
                    })
                    .collect(),
            }
            .into(),
            TaskSpec::GetRpcMethods {} => GetRPCMethods {}.into(),
        };
        run.queue.push_back(first);
        Ok(run)
    }

    /// The RPC to send next, if the run needs one.
    pub(crate) fn next(&self) -> Option<&Message> {
        self.queue.front()
    }

    /// Drops every RPC the run still had: it cannot go on.
    pub(crate) fn abandon(&mut self) {
        self.queue.clear();
    }

    /// The run's result when its queue is empty.
    pub(crate) fn outcome(&mut self) -> Option<Outcome> {
        if !self.queue.is_empty() {
            return None;
        }
        let mut result = std::mem::take(&mut self.result);
        if let Some(values) = self.values.take() {
            result.insert("parameterValues".into(), Value::Array(values));
        }
        if self.pending {
            let url = result
                .get("url")
                .and_then(Value::as_str)
                .unwrap_or_default();
            return Some(Outcome::Pending(transfer::pending_result(
                &self.key, url, self.now,
            )));
        }
        Some(Outcome::Done(Value::Object(result)))
    }

    /// What to keep in the task if the session ends mid-run (addObject's instance).
    pub(crate) fn progress(&self) -> Option<Value> {
        self.progress.then(|| Value::Object(self.result.clone()))
    }

    fn add_count(&mut self, field: &str, n: usize) {
        let before = self.result.get(field).and_then(Value::as_u64).unwrap_or(0);
        self.result.insert(field.into(), json!(before + n as u64));
    }

    /// Status 1 anywhere in the run makes the run's status 1.
    fn merge_status(&mut self, status: Status) {
        let s = u8::from(status);
        let before = self
            .result
            .get("status")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        self.result
            .insert("status".into(), json!(before.max(u64::from(s))));
    }

    /// After AddObject: the initial values on the new instance, then its refresh.
    fn after_add(&mut self, table: &str, n: u32, tree: &Tree) {
        let instance = format!("{table}{n}.");
        if !self.add_values.is_empty() {
            let parameter_list = self
                .add_values
                .iter()
                .map(|spec| {
                    let rel = spec.path().trim_start_matches('.');
                    let path = format!("{instance}{rel}");
                    let known = apply::known_type(tree, &path)
                        .or_else(|| apply::sibling_type(tree, table, rel));
                    ParameterValueStruct::new(path, typed_value(spec, known))
                })
                .collect();
            self.queue.push_back(
                SetParameterValues {
                    parameter_list,
                    parameter_key: self.key.clone(),
                }
                .into(),
            );
        }
        self.queue.push_back(
            GetParameterNames {
                parameter_path: instance,
                next_level: false,
            }
            .into(),
        );
    }

    /// The CPE answered the RPC at the head of the queue.
    pub(crate) fn on_response(
        &mut self,
        response: &Message,
        tree: &mut Tree,
    ) -> Result<(), FaultInfo> {
        let Some(request) = self.queue.pop_front() else {
            return Err(acs_fault("unexpected_response", "no request outstanding"));
        };
        let now = self.now;
        match (&request, response) {
            (Message::GetParameterValues(_), Message::GetParameterValuesResponse(r)) => {
                for p in &r.parameter_list {
                    let ty = p.value.ty.as_ref().map(ValueType::xsi_type);
                    apply::read_value(tree, &p.name, &p.value.text, ty, now);
                    if let Some(values) = &mut self.values {
                        let ty = apply::known_type(tree, &p.name).unwrap_or_default();
                        values.push(json!([p.name, p.value.text, ty]));
                    }
                }
                if self.values.is_none() {
                    self.add_count("parameters", r.parameter_list.len());
                }
            }
            (Message::GetParameterNames(req), Message::GetParameterNamesResponse(r)) => {
                let removed = apply::apply_names(tree, &req.parameter_path, &r.parameter_list, now);
                self.add_count("removed", removed);
                let names: Vec<String> = r
                    .parameter_list
                    .iter()
                    .filter(|i| !i.name.is_empty() && !i.name.ends_with('.'))
                    .map(|i| i.name.clone())
                    .collect();
                for chunk in names.chunks(self.gpv_batch) {
                    self.queue.push_back(
                        GetParameterValues {
                            parameter_names: chunk.to_vec(),
                        }
                        .into(),
                    );
                }
                // Nothing to read still counts as a refresh that found nothing.
                self.add_count("parameters", 0);
            }
            (Message::SetParameterValues(req), Message::SetParameterValuesResponse(r)) => {
                apply::values_set(tree, req, now);
                self.merge_status(r.status);
            }
            (Message::AddObject(req), Message::AddObjectResponse(r)) => {
                let instance = format!("{}{}.", req.object_name, r.instance_number);
                apply::add_instance(tree, &instance, now);
                apply::learn_parameter_key(tree, &req.parameter_key, now);
                self.result
                    .insert("instanceNumber".into(), json!(r.instance_number));
                self.result
                    .insert("objectName".into(), json!(instance.trim_end_matches('.')));
                self.merge_status(r.status);
                self.progress = true;
                let table = req.object_name.clone();
                self.after_add(&table, r.instance_number, tree);
            }
            (Message::DeleteObject(req), Message::DeleteObjectResponse(r)) => {
                let removed = apply::remove_subtree(tree, &req.object_name);
                apply::learn_parameter_key(tree, &req.parameter_key, now);
                self.add_count("removed", removed);
                self.merge_status(r.status);
            }
            (Message::GetParameterAttributes(_), Message::GetParameterAttributesResponse(r)) => {
                apply::apply_attributes(tree, &r.parameter_list, now);
                let list: Vec<Value> = r
                    .parameter_list
                    .iter()
                    .map(|a| {
                        json!({
                            "name": a.name,
                            "notification": a.notification,
                            "accessList": a.access_list,
                        })
                    })
                    .collect();
                self.result
                    .insert("parameterAttributes".into(), Value::Array(list));
            }
            (Message::SetParameterAttributes(req), Message::SetParameterAttributesResponse(_)) => {
                apply::attributes_set(tree, req, now);
            }
            (Message::GetRPCMethods(_), Message::GetRPCMethodsResponse(r)) => {
                self.result.insert("methods".into(), json!(r.method_list));
            }
            (Message::Reboot(_), Message::RebootResponse(_))
            | (Message::FactoryReset(_), Message::FactoryResetResponse(_))
            | (Message::ScheduleInform(_), Message::ScheduleInformResponse(_)) => {}
            (Message::Download(_), Message::DownloadResponse(r)) => {
                self.transfer_answer(r.status, &r.start_time, &r.complete_time);
            }
            (Message::Upload(_), Message::UploadResponse(r)) => {
                self.transfer_answer(r.status, &r.start_time, &r.complete_time);
            }
            (request, response) => {
                return Err(acs_fault(
                    "unexpected_response",
                    format!("{} does not answer {}", response.name(), request.name()),
                ));
            }
        }
        Ok(())
    }

    fn transfer_answer(&mut self, status: Status, start: &cwmp::DateTime, end: &cwmp::DateTime) {
        match status {
            Status::Applied => {
                self.result
                    .insert("startTime".into(), json!(start.to_string()));
                self.result
                    .insert("completeTime".into(), json!(end.to_string()));
            }
            Status::Pending => self.pending = true,
        }
    }

    /// The CPE answered the RPC at the head of the queue with a fault. A 9005 for an object
    /// the run named is the CPE saying the object is gone, so the tree forgets it.
    pub(crate) fn on_fault(&mut self, fault: &Fault, tree: &mut Tree) {
        let Some(request) = self.queue.pop_front() else {
            return;
        };
        self.queue.clear();
        if fault.code() != FaultCode::InvalidParameterName {
            return;
        }
        let gone = match &request {
            Message::GetParameterNames(r) if r.parameter_path.ends_with('.') => {
                Some(&r.parameter_path)
            }
            Message::DeleteObject(r) => Some(&r.object_name),
            _ => None,
        };
        if let Some(path) = gone {
            apply::remove_subtree(tree, path);
        }
    }
}
