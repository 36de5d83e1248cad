//! Generators of whole messages, one per message type, and of headers and envelopes.

use super::structs::*;
use super::values::{datetime, list, opt_text, status, text, trimmed_text, version};
use cwmp::message::*;
use cwmp::{Envelope, Header, Message};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::strategy::Union;

/// One strategy per message type: every variant of [`Message`] but `Unknown`.
pub fn message_strategies() -> Vec<BoxedStrategy<Message>> {
    fn m<S: Strategy + 'static>(s: S) -> BoxedStrategy<Message>
    where
        S::Value: Into<Message>,
    {
        s.prop_map(Into::into).boxed()
    }
    vec![
        m(Just(GetRPCMethods {})),
        m(list(text()).prop_map(|method_list| GetRPCMethodsResponse { method_list })),
        m(
            (list(parameter_value()), text()).prop_map(|(parameter_list, parameter_key)| {
                SetParameterValues {
                    parameter_list,
                    parameter_key,
                }
            }),
        ),
        m(status().prop_map(|status| SetParameterValuesResponse { status })),
        m(list(text()).prop_map(|parameter_names| GetParameterValues { parameter_names })),
        m(list(parameter_value())
            .prop_map(|parameter_list| GetParameterValuesResponse { parameter_list })),
        m(
            (text(), any::<bool>()).prop_map(|(parameter_path, next_level)| GetParameterNames {
                parameter_path,
                next_level,
            }),
        ),
        m(list(parameter_info())
            .prop_map(|parameter_list| GetParameterNamesResponse { parameter_list })),
        m(list(set_parameter_attributes())
            .prop_map(|parameter_list| SetParameterAttributes { parameter_list })),
        m(Just(SetParameterAttributesResponse {})),
        m(list(text()).prop_map(|parameter_names| GetParameterAttributes { parameter_names })),
        m(list(parameter_attribute())
            .prop_map(|parameter_list| GetParameterAttributesResponse { parameter_list })),
        m(
            (text(), text()).prop_map(|(object_name, parameter_key)| AddObject {
                object_name,
                parameter_key,
            }),
        ),
        m(
            (any::<u32>(), status()).prop_map(|(instance_number, status)| AddObjectResponse {
                instance_number,
                status,
            }),
        ),
        m(
            (text(), text()).prop_map(|(object_name, parameter_key)| DeleteObject {
                object_name,
                parameter_key,
            }),
        ),
        m(status().prop_map(|status| DeleteObjectResponse { status })),
        m(text().prop_map(|command_key| Reboot { command_key })),
        m(Just(RebootResponse {})),
        m((
            (text(), text(), text(), text(), text()),
            (any::<u32>(), text(), any::<u32>(), text(), text()),
        )
            .prop_map(
                |(
                    (command_key, file_type, url, username, password),
                    (file_size, target_file_name, delay_seconds, success_url, failure_url),
                )| Download {
                    command_key,
                    file_type,
                    url,
                    username,
                    password,
                    file_size,
                    target_file_name,
                    delay_seconds,
                    success_url,
                    failure_url,
                },
            )),
        m(
            (status(), datetime(), datetime()).prop_map(|(status, start_time, complete_time)| {
                DownloadResponse {
                    status,
                    start_time,
                    complete_time,
                }
            }),
        ),
        m(
            (text(), text(), text(), text(), text(), any::<u32>()).prop_map(
                |(command_key, file_type, url, username, password, delay_seconds)| Upload {
                    command_key,
                    file_type,
                    url,
                    username,
                    password,
                    delay_seconds,
                },
            ),
        ),
        m(
            (status(), datetime(), datetime()).prop_map(|(status, start_time, complete_time)| {
                UploadResponse {
                    status,
                    start_time,
                    complete_time,
                }
            }),
        ),
        m(Just(FactoryReset {})),
        m(Just(FactoryResetResponse {})),
        m(Just(GetQueuedTransfers {})),
        m(list(queued_transfer())
            .prop_map(|transfer_list| GetQueuedTransfersResponse { transfer_list })),
        m(Just(GetAllQueuedTransfers {})),
        m(list(all_queued_transfer())
            .prop_map(|transfer_list| GetAllQueuedTransfersResponse { transfer_list })),
        m(
            (any::<u32>(), text()).prop_map(|(delay_seconds, command_key)| ScheduleInform {
                delay_seconds,
                command_key,
            }),
        ),
        m(Just(ScheduleInformResponse {})),
        m(list(voucher()).prop_map(|voucher_list| SetVouchers { voucher_list })),
        m(Just(SetVouchersResponse {})),
        m(text().prop_map(|option_name| GetOptions { option_name })),
        m(list(option_struct()).prop_map(|option_list| GetOptionsResponse { option_list })),
        m((
            (text(), text(), text(), text(), text()),
            (any::<u32>(), text(), vec(time_window(), 1..3)),
        )
            .prop_map(
                |(
                    (command_key, file_type, url, username, password),
                    (file_size, target_file_name, time_window_list),
                )| ScheduleDownload {
                    command_key,
                    file_type,
                    url,
                    username,
                    password,
                    file_size,
                    target_file_name,
                    time_window_list,
                },
            )),
        m(Just(ScheduleDownloadResponse {})),
        m(text().prop_map(|command_key| CancelTransfer { command_key })),
        m(Just(CancelTransferResponse {})),
        m(
            (vec(operation(), 0..5), opt_text()).prop_map(|(operations, command_key)| {
                ChangeDUState {
                    operations,
                    command_key,
                }
            }),
        ),
        m(Just(ChangeDUStateResponse {})),
        m((
            device_id(),
            list(event_struct()),
            any::<u32>(),
            datetime(),
            any::<u32>(),
            list(parameter_value()),
        )
            .prop_map(
                |(device_id, event, max_envelopes, current_time, retry_count, parameter_list)| {
                    Inform {
                        device_id,
                        event,
                        max_envelopes,
                        current_time,
                        retry_count,
                        parameter_list,
                    }
                },
            )),
        m(any::<u32>().prop_map(|max_envelopes| InformResponse { max_envelopes })),
        m((text(), transfer_fault(), datetime(), datetime()).prop_map(
            |(command_key, fault_struct, start_time, complete_time)| TransferComplete {
                command_key,
                fault_struct,
                start_time,
                complete_time,
            },
        )),
        m(Just(TransferCompleteResponse {})),
        m((
            (text(), text(), any::<bool>(), text(), any::<u32>()),
            (text(), transfer_fault(), datetime(), datetime()),
        )
            .prop_map(
                |(
                    (announce_url, transfer_url, is_download, file_type, file_size),
                    (target_file_name, fault_struct, start_time, complete_time),
                )| AutonomousTransferComplete {
                    announce_url,
                    transfer_url,
                    is_download,
                    file_type,
                    file_size,
                    target_file_name,
                    fault_struct,
                    start_time,
                    complete_time,
                },
            )),
        m(Just(AutonomousTransferCompleteResponse {})),
        m(
            (text(), list(arg())).prop_map(|(file_type, file_type_arg)| RequestDownload {
                file_type,
                file_type_arg,
            }),
        ),
        m(Just(RequestDownloadResponse {})),
        m(
            (text(), text(), text(), text()).prop_map(|(command, referer, arg, next)| Kicked {
                command,
                referer,
                arg,
                next,
            }),
        ),
        m(text().prop_map(|next_url| KickedResponse { next_url })),
        m(
            (list(op_result()), opt_text()).prop_map(|(results, command_key)| {
                DUStateChangeComplete {
                    results,
                    command_key,
                }
            }),
        ),
        m(Just(DUStateChangeCompleteResponse {})),
        m(list(auton_op_result()).prop_map(|results| AutonomousDUStateChangeComplete { results })),
        m(Just(AutonomousDUStateChangeCompleteResponse {})),
        m(fault()),
    ]
}

pub fn message() -> impl Strategy<Value = Message> {
    Union::new(message_strategies())
}

pub fn header() -> impl Strategy<Value = Header> {
    (
        option::of(trimmed_text()),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
        option::of(any::<u32>()),
        option::of(vec(version(), 0..6)),
        option::of(version()),
    )
        .prop_map(
            |(id, hold_requests, no_more_requests, session_timeout, supported, use_version)| {
                Header {
                    id,
                    hold_requests,
                    no_more_requests,
                    session_timeout,
                    supported_cwmp_versions: supported,
                    use_cwmp_version: use_version,
                }
            },
        )
}

pub fn envelope_of(body: impl Strategy<Value = Message>) -> impl Strategy<Value = Envelope> {
    (header(), body).prop_map(|(header, body)| Envelope { header, body })
}
