//! Generators of the structures messages are made of, from ParameterValueStruct to the SOAP
//! Fault.

use super::values::{
    datetime, event_code, fault_code, list, opt_text, text, transfer_state, trimmed_text, value,
};
use cwmp::DateTime;
use cwmp::message::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

pub fn parameter_value() -> impl Strategy<Value = ParameterValueStruct> {
    (text(), value()).prop_map(|(name, value)| ParameterValueStruct { name, value })
}

pub fn parameter_info() -> impl Strategy<Value = ParameterInfoStruct> {
    (text(), any::<bool>()).prop_map(|(name, writable)| ParameterInfoStruct { name, writable })
}

pub fn set_parameter_attributes() -> impl Strategy<Value = SetParameterAttributesStruct> {
    (
        text(),
        any::<bool>(),
        any::<u8>(),
        any::<bool>(),
        list(text()),
    )
        .prop_map(
            |(name, notification_change, notification, access_list_change, access_list)| {
                SetParameterAttributesStruct {
                    name,
                    notification_change,
                    notification,
                    access_list_change,
                    access_list,
                }
            },
        )
}

pub fn parameter_attribute() -> impl Strategy<Value = ParameterAttributeStruct> {
    (text(), any::<u8>(), list(text())).prop_map(|(name, notification, access_list)| {
        ParameterAttributeStruct {
            name,
            notification,
            access_list,
        }
    })
}

pub fn device_id() -> impl Strategy<Value = DeviceIdStruct> {
    (text(), text(), text(), text()).prop_map(
        |(manufacturer, oui, product_class, serial_number)| DeviceIdStruct {
            manufacturer,
            oui,
            product_class,
            serial_number,
        },
    )
}

pub fn event_struct() -> impl Strategy<Value = EventStruct> {
    (event_code(), text()).prop_map(|(event_code, command_key)| EventStruct {
        event_code,
        command_key,
    })
}

pub fn transfer_fault() -> impl Strategy<Value = TransferCompleteFaultStruct> {
    (prop_oneof![Just(0u32), 9000u32..9033, any::<u32>()], text()).prop_map(
        |(fault_code, fault_string)| TransferCompleteFaultStruct {
            fault_code,
            fault_string,
        },
    )
}

pub fn time_window() -> impl Strategy<Value = TimeWindowStruct> {
    (any::<u32>(), any::<u32>(), text(), text(), any::<i32>()).prop_map(
        |(window_start, window_end, window_mode, user_message, max_retries)| TimeWindowStruct {
            window_start,
            window_end,
            window_mode,
            user_message,
            max_retries,
        },
    )
}

pub fn queued_transfer() -> impl Strategy<Value = QueuedTransferStruct> {
    (text(), transfer_state())
        .prop_map(|(command_key, state)| QueuedTransferStruct { command_key, state })
}

pub fn all_queued_transfer() -> impl Strategy<Value = AllQueuedTransferStruct> {
    (
        text(),
        transfer_state(),
        any::<bool>(),
        text(),
        any::<u32>(),
        text(),
    )
        .prop_map(
            |(command_key, state, is_download, file_type, file_size, target_file_name)| {
                AllQueuedTransferStruct {
                    command_key,
                    state,
                    is_download,
                    file_type,
                    file_size,
                    target_file_name,
                }
            },
        )
}

pub fn option_struct() -> impl Strategy<Value = OptionStruct> {
    (
        text(),
        any::<u32>(),
        0u32..4,
        prop_oneof![0i32..3, any::<i32>()],
        datetime(),
        option::of(datetime()),
        0i32..2,
    )
        .prop_map(
            |(
                option_name,
                voucher_sn,
                state,
                mode,
                start_date,
                expiration_date,
                is_transferable,
            )| OptionStruct {
                option_name,
                voucher_sn,
                state,
                mode,
                start_date,
                expiration_date,
                is_transferable,
            },
        )
}

pub fn arg() -> impl Strategy<Value = ArgStruct> {
    (text(), text()).prop_map(|(name, value)| ArgStruct { name, value })
}

pub fn voucher() -> impl Strategy<Value = Voucher> {
    vec(any::<u8>(), 0..48).prop_map(Voucher)
}

pub fn operation() -> impl Strategy<Value = Operation> {
    let install = (text(), opt_text(), opt_text(), opt_text(), opt_text()).prop_map(
        |(url, uuid, username, password, execution_env_ref)| {
            Operation::Install(InstallOpStruct {
                url,
                uuid,
                username,
                password,
                execution_env_ref,
            })
        },
    );
    let update = (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()).prop_map(
        |(uuid, version, url, username, password)| {
            Operation::Update(UpdateOpStruct {
                uuid,
                version,
                url,
                username,
                password,
            })
        },
    );
    let uninstall =
        (text(), opt_text(), opt_text()).prop_map(|(uuid, version, execution_env_ref)| {
            Operation::Uninstall(UninstallOpStruct {
                uuid,
                version,
                execution_env_ref,
            })
        });
    prop_oneof![install, update, uninstall]
}

fn du_fault() -> impl Strategy<Value = DeploymentUnitFaultStruct> {
    (prop_oneof![Just(0u32), 9000u32..9033, any::<u32>()], text()).prop_map(
        |(fault_code, fault_string)| DeploymentUnitFaultStruct {
            fault_code,
            fault_string,
        },
    )
}

/// The fields OpResultStruct and AutonOpResultStruct share.
type ResultFields = (
    String,
    String,
    String,
    String,
    bool,
    String,
    DateTime,
    DateTime,
    DeploymentUnitFaultStruct,
);

fn result_fields() -> impl Strategy<Value = ResultFields> {
    (
        text(),
        text(),
        text(),
        select(vec!["Installed", "Uninstalled", "Failed"]).prop_map(str::to_string),
        any::<bool>(),
        text(),
        datetime(),
        datetime(),
        du_fault(),
    )
}

pub fn op_result() -> impl Strategy<Value = OpResultStruct> {
    result_fields().prop_map(
        |(uuid, du, version, state, resolved, eus, start, complete, fault)| OpResultStruct {
            uuid,
            deployment_unit_ref: du,
            version,
            current_state: state,
            resolved,
            execution_unit_ref_list: eus,
            start_time: start,
            complete_time: complete,
            fault,
        },
    )
}

pub fn auton_op_result() -> impl Strategy<Value = AutonOpResultStruct> {
    (result_fields(), text()).prop_map(
        |((uuid, du, version, state, resolved, eus, start, complete, fault), operation)| {
            AutonOpResultStruct {
                uuid,
                deployment_unit_ref: du,
                version,
                current_state: state,
                resolved,
                execution_unit_ref_list: eus,
                start_time: start,
                complete_time: complete,
                fault,
                operation_performed: operation,
            }
        },
    )
}

fn soap_fault_code() -> impl Strategy<Value = SoapFaultCode> {
    let other = prop_oneof![Just("soap-env:MustUnderstand".to_string()), trimmed_text()]
        .prop_filter_map("reads as Client or Server", |s| {
            (SoapFaultCode::parse(&s) == SoapFaultCode::Other(s.clone()))
                .then_some(SoapFaultCode::Other(s))
        });
    prop_oneof![
        Just(SoapFaultCode::Client),
        Just(SoapFaultCode::Server),
        other
    ]
}

pub fn fault() -> impl Strategy<Value = Fault> {
    let spv_fault =
        (text(), fault_code(), text()).prop_map(|(parameter_name, fault_code, fault_string)| {
            SetParameterValuesFault {
                parameter_name,
                fault_code,
                fault_string,
            }
        });
    (
        soap_fault_code(),
        text(),
        fault_code(),
        text(),
        list(spv_fault),
    )
        .prop_map(|(faultcode, faultstring, code, message, spv)| Fault {
            faultcode,
            faultstring,
            detail: CwmpFault {
                fault_code: code,
                fault_string: message,
                set_parameter_values_fault: spv,
            },
        })
}
