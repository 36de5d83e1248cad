//! The ACS side of one CWMP session, without IO: what the ACS asks the CPE, and what it
//! learns from the answers.
//!
//! The HTTP layer drives it next to a [`cwmp::session::AcsSession`]:
//!
//! 1. On the session's `Inform` output it computes [`inform_device_id`], loads that device
//!    and its due tasks from the store (with the files [`files_needed`] names and the fault ids
//!    of those tasks), creates a [`SessionEngine`] and calls [`SessionEngine::on_inform`].
//! 2. `CpeRequest` outputs go to [`SessionEngine::on_cpe_request`].
//! 3. On `NeedRequest` it sends [`SessionEngine::next_request`], or ends the session when
//!    that is `None`.
//! 4. `Response`, `Fault`, `NoResponse` and `Unexpected` outputs go to the matching `on_*`.
//! 5. When the session is over, [`SessionEngine::finish`] gives the one [`SessionWrite`] to
//!    save.
//!
//! Tasks run one at a time in the order given. Conventions the store and the API share:
//! - The ParameterKey of SetParameterValues, AddObject and DeleteObject and the CommandKey of
//!   Reboot, Download and Upload are the task id in decimal; a TransferComplete is matched to
//!   its task by it. ScheduleInform sends the task's own `commandKey`.
//! - A task that faults gets status `fault`, `retries + 1` and a `not_before` from
//!   [`TaskRetry`]; once its retries are used up, or when retrying cannot help (an invalid
//!   task, an RPC the session's CWMP version lacks), `not_before` is `None`: a faulted task
//!   with no `not_before` is no longer due ([`is_due`]) until the API retries it.
//! - Each fault of a task is recorded as a new fault record and replaces the task's earlier
//!   records (listed in [`EngineContext::task_faults`]), so a task has one current fault;
//!   a success clears them.
//! - addObject's `parameterValues` paths are relative to the new instance (`["SSID",
//!   "guest"]` sets `Device.WiFi.SSID.<n>.SSID`).
//! - Transfers waiting for TransferComplete: see [`transfer`].

pub(crate) mod apply;
mod context;
mod faults;
mod inform;
mod tasks;
pub mod transfer;

pub use context::{EngineContext, EngineError, Notice, TaskRetry, files_needed, is_due};
pub(crate) use faults::cpe_fault;
pub use faults::{fault_task, transfer_timeout};
pub use inform::inform_device_id;
pub use transfer::{download_url, pending_since, upload_file_name, upload_url};

use crate::model::{DeviceRecord, FaultInfo, Task, TaskStatus};
use crate::provision::sandbox::ExtCall;
use crate::provision::session::{Next, ProvisionContext, Provisioning};
use crate::store::{NewFault, SessionWrite};
use cwmp::message::{Fault, Message, TransferComplete};
use cwmp::{CwmpVersion, FaultCode};
use faults::acs_fault;
use serde_json::json;
use std::collections::BTreeSet;
use tasks::{Outcome, TaskRun};

/// The fault of a task whose RPC the session's CWMP version does not have.
fn version_fault(request: &Message, version: CwmpVersion) -> Option<FaultInfo> {
    (request.since() > version).then(|| {
        acs_fault(
            "not_in_version",
            format!(
                "{} needs CWMP {}, the session speaks {version}",
                request.name(),
                request.since(),
            ),
        )
    })
}

/// One session's decisions and what they taught.
#[derive(Debug)]
pub struct SessionEngine {
    ctx: EngineContext,
    device: Option<DeviceRecord>,
    informed: bool,
    tasks: Vec<Task>,
    /// Which tasks this session changed.
    changed: Vec<bool>,
    /// The next task to consider.
    cursor: usize,
    current: Option<TaskRun>,
    outstanding: Option<Message>,
    new_faults: Vec<NewFault>,
    cleared_faults: BTreeSet<i64>,
    notices: Vec<Notice>,
    /// Presets and provisions, after the tasks.
    provisioning: Option<Provisioning>,
    /// The device's tags when the session started, to write only what it changed.
    initial_tags: BTreeSet<String>,
}

/// What the session must do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Send(Message),
    /// Call a provision script's extension and report with [`SessionEngine::on_ext_result`].
    CallExtension(ExtCall),
    /// Nothing more to ask: end the session.
    End,
}

impl SessionEngine {
    /// `device` is the stored record (`None` for a device never seen); `tasks` its due tasks,
    /// oldest first.
    pub fn new(device: Option<DeviceRecord>, tasks: Vec<Task>, ctx: EngineContext) -> Self {
        let changed = vec![false; tasks.len()];
        SessionEngine {
            ctx,
            device,
            informed: false,
            tasks,
            changed,
            cursor: 0,
            current: None,
            outstanding: None,
            new_faults: Vec::new(),
            cleared_faults: BTreeSet::new(),
            notices: Vec::new(),
            provisioning: None,
            initial_tags: BTreeSet::new(),
        }
    }

    /// Provisions the device from presets once its tasks have run.
    pub fn with_provisioning(mut self, ctx: ProvisionContext) -> Self {
        self.provisioning = Some(Provisioning::new(ctx, self.ctx.now));
        self
    }

    /// An extension's result for [`Action::CallExtension`] (`Err` is its error message).
    pub fn on_ext_result(&mut self, call: &ExtCall, result: Result<serde_json::Value, String>) {
        if let Some(p) = self.provisioning.as_mut() {
            p.on_ext_result(call, result);
        }
    }

    /// The device as the session knows it so far.
    pub fn device(&self) -> Option<&DeviceRecord> {
        self.device.as_ref()
    }

    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The request sent and not answered yet.
    pub fn outstanding(&self) -> Option<&Message> {
        self.outstanding.as_ref()
    }

    /// A request from the CPE, already answered by the session machine.
    pub fn on_cpe_request(&mut self, message: &Message) {
        match message {
            Message::TransferComplete(tc) => self.transfer_complete(tc),
            Message::AutonomousTransferComplete(a) => {
                self.notices.push(Notice::AutonomousTransferComplete {
                    url: a.transfer_url.clone(),
                    is_download: a.is_download,
                    file_type: a.file_type.clone(),
                    fault_code: a.fault_struct.fault_code,
                });
            }
            other => self.notices.push(Notice::CpeRequest {
                method: other.name().to_string(),
            }),
        }
    }

    fn transfer_complete(&mut self, tc: &TransferComplete) {
        let index = self.tasks.iter().position(|t| {
            transfer::is_transfer(&t.spec)
                && t.status != TaskStatus::Done
                && t.id.to_string() == tc.command_key
        });
        self.notices.push(Notice::TransferComplete {
            command_key: tc.command_key.clone(),
            task: index.map(|i| self.tasks[i].id),
            fault_code: tc.fault_struct.fault_code,
        });
        let Some(index) = index else {
            return;
        };
        if self.current.as_ref().is_some_and(|r| r.index == index) {
            self.current = None;
        }
        let start = tc.start_time.to_string();
        let end = tc.complete_time.to_string();
        if tc.fault_struct.fault_code == 0 {
            let result =
                transfer::completed_result(self.tasks[index].result.as_ref(), &start, &end);
            self.complete_task(index, result);
        } else {
            let code = tc.fault_struct.fault_code;
            let message = if tc.fault_struct.fault_string.trim().is_empty() {
                FaultCode::from_code(code).meaning().to_string()
            } else {
                tc.fault_struct.fault_string.clone()
            };
            let info = FaultInfo {
                code: code.to_string(),
                message,
                detail: json!({"method": "TransferComplete", "startTime": start, "completeTime": end}),
            };
            self.fault_task(index, info, true);
        }
    }

    /// The next RPC to send, or `None` when the session's work is done: then it ends.
    /// Extensions are not called on this path (their calls fail); drivers that can call
    /// them use [`SessionEngine::next_action`].
    pub fn next_request(&mut self) -> Option<Message> {
        loop {
            match self.next_action() {
                Action::Send(message) => return Some(message),
                Action::End => return None,
                Action::CallExtension(call) => {
                    self.on_ext_result(&call, Err("extensions are not available".into()));
                }
            }
        }
    }

    /// What to do next: send an RPC, call an extension, or end the session.
    pub fn next_action(&mut self) -> Action {
        if !self.informed {
            return Action::End;
        }
        if let Some(request) = self.outstanding.clone() {
            // The caller never reported an answer, so none came.
            let _ = self.on_no_response(&request);
        }
        loop {
            if self.current.is_none() {
                let Some(index) = self.next_due() else {
                    return self.provision();
                };
                let Some(device) = self.device.as_ref() else {
                    return Action::End;
                };
                let started = TaskRun::start(
                    index,
                    &self.tasks[index],
                    &device.tree,
                    &self.ctx,
                    &device.id,
                );
                match started {
                    Ok(run) => self.current = Some(run),
                    Err(fault) => {
                        self.fault_task(index, fault, false);
                        continue;
                    }
                }
            }
            let Some(run) = self.current.as_mut() else {
                return Action::End;
            };
            let Some(request) = run.next() else {
                self.close_run();
                continue;
            };
            if let Some(fault) = version_fault(request, self.ctx.version) {
                let index = run.index;
                self.current = None;
                self.fault_task(index, fault, false);
                continue;
            }
            let request = request.clone();
            self.outstanding = Some(request.clone());
            return Action::Send(request);
        }
    }

    /// Provisioning's next step, once no task is left.
    fn provision(&mut self) -> Action {
        let (Some(p), Some(device)) = (self.provisioning.as_mut(), self.device.as_mut()) else {
            return Action::End;
        };
        let events = device.last_events.clone();
        match p.next(device, &events) {
            Next::Send(message) => {
                self.outstanding = Some(message.clone());
                Action::Send(message)
            }
            Next::Ext(call) => Action::CallExtension(call),
            Next::Done => {
                for (channel, line) in p.take_logs() {
                    self.notices.push(Notice::ScriptLog { channel, line });
                }
                Action::End
            }
        }
    }

    /// Whether `request` belongs to provisioning rather than a task run.
    fn provisioning_owns(&self, request: &Message) -> bool {
        self.current.is_none()
            && self
                .provisioning
                .as_ref()
                .is_some_and(|p| p.is_outstanding(request))
    }

    fn next_due(&mut self) -> Option<usize> {
        while self.cursor < self.tasks.len() {
            let i = self.cursor;
            self.cursor += 1;
            let task = &self.tasks[i];
            if !self.changed[i] && is_due(task, self.ctx.now) && pending_since(task).is_none() {
                return Some(i);
            }
        }
        None
    }

    fn take_outstanding(&mut self, request: &Message) -> Result<(), EngineError> {
        if self.outstanding.as_ref() == Some(request) {
            self.outstanding = None;
            Ok(())
        } else {
            Err(EngineError::NotOutstanding(request.name().to_string()))
        }
    }

    /// The CPE answered `request`.
    pub fn on_response(
        &mut self,
        request: &Message,
        response: &Message,
    ) -> Result<(), EngineError> {
        let provisioning = self.provisioning_owns(request);
        self.take_outstanding(request)?;
        if provisioning {
            if let (Some(p), Some(device)) = (self.provisioning.as_mut(), self.device.as_mut()) {
                p.on_response(response, device);
            }
            return Ok(());
        }
        let (Some(run), Some(device)) = (self.current.as_mut(), self.device.as_mut()) else {
            return Ok(());
        };
        match run.on_response(response, &mut device.tree) {
            Ok(()) => {
                if run.next().is_none() {
                    self.close_run();
                }
            }
            Err(fault) => {
                let index = run.index;
                self.current = None;
                self.fault_task(index, fault, true);
            }
        }
        Ok(())
    }

    /// The CPE answered `request` with a fault: the task faults with the CPE's code.
    pub fn on_fault(&mut self, request: &Message, fault: &Fault) -> Result<(), EngineError> {
        let provisioning = self.provisioning_owns(request);
        self.take_outstanding(request)?;
        if provisioning {
            if let (Some(p), Some(device)) = (self.provisioning.as_mut(), self.device.as_mut()) {
                p.on_fault(fault, device);
            }
            return Ok(());
        }
        let Some(mut run) = self.current.take() else {
            return Ok(());
        };
        if let Some(device) = self.device.as_mut() {
            run.on_fault(fault, &mut device.tree);
        }
        self.fault_task(run.index, cpe_fault(request, fault), true);
        Ok(())
    }

    /// `request` got no answer (the CPE moved on, or the session ended).
    pub fn on_no_response(&mut self, request: &Message) -> Result<(), EngineError> {
        let fault = acs_fault(
            "no_response",
            format!("the CPE did not answer {}", request.name()),
        );
        self.abort_run(request, fault, true)
    }

    /// The CPE answered `request` with a message that does not answer it.
    pub fn on_unexpected(
        &mut self,
        request: &Message,
        response: &Message,
    ) -> Result<(), EngineError> {
        let fault = acs_fault(
            "unexpected_response",
            format!("{} does not answer {}", response.name(), request.name()),
        );
        self.abort_run(request, fault, true)
    }

    /// The session machine refused to send `request` (`reason` from its error).
    pub fn on_request_rejected(
        &mut self,
        request: &Message,
        reason: &str,
    ) -> Result<(), EngineError> {
        self.abort_run(request, acs_fault("rejected", reason), false)
    }

    fn abort_run(
        &mut self,
        request: &Message,
        fault: FaultInfo,
        retry: bool,
    ) -> Result<(), EngineError> {
        let provisioning = self.provisioning_owns(request);
        self.take_outstanding(request)?;
        if provisioning {
            if let Some(p) = self.provisioning.as_mut() {
                p.on_failure(&fault.code, fault.message);
            }
            return Ok(());
        }
        if let Some(mut run) = self.current.take() {
            run.abandon();
            self.fault_task(run.index, fault, retry);
        }
        Ok(())
    }

    fn close_run(&mut self) {
        let Some(mut run) = self.current.take() else {
            return;
        };
        match run.outcome() {
            Some(Outcome::Done(result)) => self.complete_task(run.index, result),
            Some(Outcome::Pending(result)) => {
                let task = &mut self.tasks[run.index];
                task.status = TaskStatus::Queued;
                task.result = Some(result);
                task.fault = None;
                task.not_before = None;
                self.changed[run.index] = true;
                self.notices.push(Notice::TaskPending { task: task.id });
            }
            None => self.current = Some(run),
        }
    }

    fn complete_task(&mut self, index: usize, result: serde_json::Value) {
        let task = &mut self.tasks[index];
        task.status = TaskStatus::Done;
        task.result = Some(result);
        task.fault = None;
        task.not_before = None;
        let id = task.id;
        self.changed[index] = true;
        self.clear_faults_of(id);
        self.notices.push(Notice::TaskDone { task: id });
    }

    fn clear_faults_of(&mut self, task: i64) {
        if let Some(ids) = self.ctx.task_faults.get(&task) {
            self.cleared_faults.extend(ids.iter().copied());
        }
    }

    /// Records a fault of a task: a retry time if `retry` and retries are left, a new fault
    /// record replacing the task's earlier ones.
    fn fault_task(&mut self, index: usize, info: FaultInfo, retry: bool) {
        let policy = retry.then_some(self.ctx.retry);
        let task = &mut self.tasks[index];
        let fault = faults::fault_task(task, info, policy, self.ctx.now);
        let (id, retry_at) = (task.id, task.not_before);
        self.changed[index] = true;
        self.clear_faults_of(id);
        self.notices.push(Notice::TaskFaulted {
            task: id,
            code: fault.fault.code.clone(),
            retry_at,
        });
        self.new_faults.push(fault);
    }

    /// Ends the session's work: what it changed, for the store to save in one transaction.
    /// Transfers that waited longer than the timeout for their TransferComplete fault here.
    pub fn finish(mut self) -> Result<SessionWrite, EngineError> {
        if let Some(run) = self.current.take()
            && let Some(progress) = run.progress()
        {
            // A run cut short keeps only what must not be done twice (addObject's instance).
            self.tasks[run.index].result = Some(progress);
            self.changed[run.index] = true;
        }
        for index in 0..self.tasks.len() {
            let timed_out = faults::transfer_timeout(
                &self.tasks[index],
                self.ctx.now,
                self.ctx.transfer_timeout,
            );
            if let Some(fault) = timed_out {
                self.fault_task(index, fault, true);
            }
        }
        let mut device = match self.device.take() {
            Some(device) if self.informed => device,
            _ => return Err(EngineError::NoInform),
        };
        if let Some(p) = self.provisioning.take() {
            let outcome = p.finish(&mut device);
            for (channel, line) in outcome.logs {
                self.notices.push(Notice::ScriptLog { channel, line });
            }
            for (channel, fault, retries) in outcome.faults {
                self.notices.push(Notice::ChannelFaulted {
                    channel: channel.clone(),
                    code: fault.code.clone(),
                });
                self.new_faults.push(NewFault {
                    device: device.id.clone(),
                    channel,
                    task: None,
                    fault,
                    retries,
                    timestamp: self.ctx.now,
                });
            }
            self.cleared_faults.extend(outcome.cleared);
        }
        let tag_changes = device
            .tags
            .difference(&self.initial_tags)
            .map(|t| (t.clone(), true))
            .chain(
                self.initial_tags
                    .difference(&device.tags)
                    .map(|t| (t.clone(), false)),
            )
            .collect();
        let tasks = self
            .tasks
            .into_iter()
            .zip(self.changed)
            .filter_map(|(t, changed)| changed.then_some(t))
            .collect();
        Ok(SessionWrite {
            device,
            tasks,
            new_faults: self.new_faults,
            cleared_faults: self.cleared_faults.into_iter().collect(),
            tag_changes,
        })
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
