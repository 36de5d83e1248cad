//! Deployment unit operations (ChangeDUState) and their results (CWMP 1.2+).

use crate::codec::error::DecodeError;
use crate::codec::field::{XmlField, XmlStruct, cwmp_struct, decode_struct};
use crate::codec::read::{Dec, El};
use crate::codec::write::Writer;
use crate::datetime::DateTime;

cwmp_struct! {
    pub struct InstallOpStruct {
        url: String = "URL",
        uuid: Option<String> = "UUID",
        username: Option<String> = "Username",
        password: Option<String> = "Password" [secret],
        execution_env_ref: Option<String> = "ExecutionEnvRef",
    }
}

cwmp_struct! {
    pub struct UpdateOpStruct {
        uuid: Option<String> = "UUID",
        version: Option<String> = "Version",
        url: Option<String> = "URL",
        username: Option<String> = "Username",
        password: Option<String> = "Password" [secret],
    }
}

cwmp_struct! {
    pub struct UninstallOpStruct {
        uuid: String = "UUID",
        version: Option<String> = "Version",
        execution_env_ref: Option<String> = "ExecutionEnvRef",
    }
}

/// One ChangeDUState operation. On the wire each is an `Operations` element whose `xsi:type`
/// names the concrete struct.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Operation {
    Install(InstallOpStruct),
    Update(UpdateOpStruct),
    Uninstall(UninstallOpStruct),
}

impl Default for Operation {
    fn default() -> Self {
        Operation::Install(InstallOpStruct::default())
    }
}

cwmp_struct! {
    /// Every field any operation can have; used to read an operation whose `xsi:type` is
    /// missing or unknown, which is then classified by the fields present.
    struct AnyOpStruct {
        url: Option<String> = "URL",
        uuid: Option<String> = "UUID",
        version: Option<String> = "Version",
        username: Option<String> = "Username",
        password: Option<String> = "Password" [secret],
        execution_env_ref: Option<String> = "ExecutionEnvRef",
    }
}

impl XmlField for Operation {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        let (ty, fields): (&str, &dyn Fn(&mut Writer)) = match self {
            Operation::Install(op) => ("cwmp:InstallOpStruct", &|w| op.encode_children(w)),
            Operation::Update(op) => ("cwmp:UpdateOpStruct", &|w| op.encode_children(w)),
            Operation::Uninstall(op) => ("cwmp:UninstallOpStruct", &|w| op.encode_children(w)),
        };
        w.open_with(name, &[("xsi:type", ty)]);
        fields(w);
        w.close(name);
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let ty = el.attr("type").unwrap_or_default();
        let local = ty.rsplit(':').next().unwrap_or_default();
        Ok(match local {
            "InstallOpStruct" => Operation::Install(decode_struct(r, el)?),
            "UpdateOpStruct" => Operation::Update(decode_struct(r, el)?),
            "UninstallOpStruct" => Operation::Uninstall(decode_struct(r, el)?),
            _ => {
                let any: AnyOpStruct = decode_struct(r, el)?;
                match (&any.url, &any.uuid, &any.version) {
                    (Some(url), _, None) => Operation::Install(InstallOpStruct {
                        url: url.clone(),
                        uuid: any.uuid,
                        username: any.username,
                        password: any.password,
                        execution_env_ref: any.execution_env_ref,
                    }),
                    (None, Some(uuid), _) if any.username.is_none() => {
                        Operation::Uninstall(UninstallOpStruct {
                            uuid: uuid.clone(),
                            version: any.version,
                            execution_env_ref: any.execution_env_ref,
                        })
                    }
                    _ => Operation::Update(UpdateOpStruct {
                        uuid: any.uuid,
                        version: any.version,
                        url: any.url,
                        username: any.username,
                        password: any.password,
                    }),
                }
            }
        })
    }
}

cwmp_struct! {
    /// Fault of one deployment unit operation; code 0 is success.
    pub struct DeploymentUnitFaultStruct {
        fault_code: u32 = "FaultCode",
        fault_string: String = "FaultString",
    }
}

cwmp_struct! {
    pub struct OpResultStruct {
        uuid: String = "UUID",
        deployment_unit_ref: String = "DeploymentUnitRef",
        version: String = "Version",
        /// `Installed`, `Uninstalled` or `Failed`.
        current_state: String = "CurrentState",
        resolved: bool = "Resolved",
        execution_unit_ref_list: String = "ExecutionUnitRefList",
        start_time: DateTime = "StartTime",
        complete_time: DateTime = "CompleteTime",
        fault: DeploymentUnitFaultStruct = "Fault",
    }
}

cwmp_struct! {
    /// OpResultStruct plus the operation the CPE performed on its own.
    pub struct AutonOpResultStruct {
        uuid: String = "UUID",
        deployment_unit_ref: String = "DeploymentUnitRef",
        version: String = "Version",
        current_state: String = "CurrentState",
        resolved: bool = "Resolved",
        execution_unit_ref_list: String = "ExecutionUnitRefList",
        start_time: DateTime = "StartTime",
        complete_time: DateTime = "CompleteTime",
        fault: DeploymentUnitFaultStruct = "Fault",
        /// `Install`, `Update`, `Uninstall` or a vendor operation.
        operation_performed: String = "OperationPerformed",
    }
}
