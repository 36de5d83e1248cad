//! Task faults: the ones the ACS raises itself and the ones the CPE sends.

use crate::model::FaultInfo;
use cwmp::message::{Fault, Message};
use serde_json::{Value, json};

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
