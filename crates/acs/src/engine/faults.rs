//! Task faults: the ones the ACS raises itself and the ones the CPE sends.

use super::context::TaskRetry;
use super::transfer::pending_since;
use crate::model::{FaultInfo, Millis, Task, TaskStatus};
use crate::store::NewFault;
use cwmp::message::{Fault, Message};
use serde_json::{Value, json};

/// Marks `task` faulted at `now` and returns the fault record to store for it. With `retry`,
/// the task runs again after its backoff while it has retries left; a transfer's retry sends
/// the transfer again.
pub fn fault_task(
    task: &mut Task,
    info: FaultInfo,
    retry: Option<TaskRetry>,
    now: Millis,
) -> NewFault {
    task.retries = task.retries.saturating_add(1);
    task.status = TaskStatus::Fault;
    task.not_before = retry
        .and_then(|policy| policy.delay(task.retries))
        .map(|d| now.saturating_add(d));
    if pending_since(task).is_some() {
        task.result = None;
    }
    task.fault = Some(info.clone());
    NewFault {
        device: task.device.clone(),
        channel: "task".to_string(),
        task: Some(task.id),
        fault: info,
        retries: task.retries,
        timestamp: now,
    }
}

/// The fault of a transfer whose TransferComplete did not come within `timeout`, if `task`
/// is one at `now`.
pub fn transfer_timeout(task: &Task, now: Millis, timeout: Millis) -> Option<FaultInfo> {
    let sent = pending_since(task)?;
    (task.status == TaskStatus::Queued && now.saturating_sub(sent) >= timeout).then(|| {
        acs_fault(
            "timeout",
            format!("no TransferComplete within {} s", timeout / 1000),
        )
    })
}

/// A fault the ACS raises itself, with a code that is not a CWMP number.
pub(crate) fn acs_fault(code: &str, message: impl Into<String>) -> FaultInfo {
    FaultInfo {
        code: code.to_string(),
        message: message.into(),
        detail: Value::Null,
    }
}

/// The task fault for a CPE fault: the CWMP code as text, the CPE's message, and the method
/// with any SetParameterValuesFault entries as detail.
pub(crate) fn cpe_fault(request: &Message, fault: &Fault) -> FaultInfo {
    let code = fault.code();
    let message = if fault.detail.fault_string.trim().is_empty() {
        code.meaning().to_string()
    } else {
        fault.detail.fault_string.clone()
    };
    let mut detail = json!({ "method": request.name() });
    let spv = &fault.detail.set_parameter_values_fault;
    if !spv.is_empty() {
        detail["setParameterValuesFault"] = spv
            .iter()
            .map(|f| {
                json!({
                    "parameterName": f.parameter_name,
                    "faultCode": f.fault_code.code(),
                    "faultString": f.fault_string,
                })
            })
            .collect();
    }
    FaultInfo {
        code: code.code().to_string(),
        message,
        detail,
    }
}
