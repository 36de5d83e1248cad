//! Property tests of the codec.
//!
//! 1. Every message type, with content chosen to stress the XML layer (markup characters,
//!    CR/LF/tab, non-ASCII, empty strings, every value type, dateTimes with and without fraction
//!    and zone, every kind of event code, any fault code), encodes for every CWMP version that
//!    has it and decodes back to exactly what was encoded, in the expected dialect.
//! 2. Decoding never panics, on arbitrary bytes, on XML-ish token soup, and on valid encodings
//!    with bytes replaced, inserted, deleted or cut off; an error always has a position, and
//!    whatever does decode survives a second encode/decode unchanged.

use cwmp::message::*;
use cwmp::{
    CwmpVersion, DateTime, DecodeOptions, Decoded, EncodeError, Envelope, EventCode, FaultCode,
    Header, Message, Value, ValueType, decode, decode_with, encode, encode_version,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::Union;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/// Whether XML 1.0 can carry `c` at all (its `Char` production). Everything else is in reach
/// of the generators.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Characters biased towards the ones that need escaping or normalisation care.
fn xml_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        3 => select(vec!['&', '<', '>', '"', '\'', '\r', '\n', '\t', ' ', ']', ';', '#', '=', ':']),
        2 => select(vec![
            'é', 'ß', 'Ω', '中', '😀', '\u{A0}', '\u{85}', '\u{2028}', '\u{FEFF}', '\u{FFFD}',
            '\u{7F}', '\u{9F}',
        ]),
        1 => any::<char>().prop_filter("not an XML 1.0 character", |c| is_xml_char(*c)),
    ]
}

/// Strings whose shape has broken XML codecs before.
const TRICKY: &[&str] = &[
    "",
    " ",
    "]]>",
    "<![CDATA[x]]>",
    "&amp;",
    "&#13;",
    "a\r\nb",
    "\r",
    "\r\r\n\n",
    "  leading and trailing  ",
    "<cwmp:ID>",
    "</soap-env:Body>",
    "\"'\"'",
    "x\u{1F600}y",
];

/// Any string XML 1.0 can carry.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => vec(xml_char(), 0..16).prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => select(TRICKY).prop_map(str::to_string),
    ]
    .boxed()
}

/// A string without surrounding whitespace: what fields that are trimmed on decode (the header
/// ID, event codes) hold after a decode.
fn trimmed_text() -> BoxedStrategy<String> {
    text().prop_map(|s| s.trim().to_string()).boxed()
}

fn nonempty_trimmed_text() -> BoxedStrategy<String> {
    trimmed_text()
        .prop_filter("empty", |s| !s.is_empty())
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

fn version() -> impl Strategy<Value = CwmpVersion> {
    select(CwmpVersion::ALL.to_vec())
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn datetime() -> BoxedStrategy<DateTime> {
    let nanos = prop_oneof![
        Just(0u32),
        Just(500_000_000u32),
        Just(1u32),
        0u32..1_000_000_000
    ];
    let offset = prop_oneof![
        Just(None),
        Just(Some(0i16)),
        Just(Some(-840i16)),
        Just(Some(840i16)),
        (-840i16..=840).prop_map(Some),
    ];
    let any_time = (
        1u16..=9999,
        1u8..=12,
        1u8..=31,
        0u8..24,
        0u8..60,
        0u8..=60,
        nanos,
        offset.clone(),
    )
        .prop_map(
            |(year, month, day, hour, minute, second, nanosecond, offset)| DateTime {
                year,
                month,
                day: day.min(days_in_month(year, month)),
                hour,
                minute,
                second,
                nanosecond,
                offset_minutes: offset,
            },
        );
    // xsd allows 24:00:00 for the midnight that ends a day.
    let end_of_day = (1u16..=9999, offset).prop_map(|(year, offset)| DateTime {
        year,
        month: 12,
        day: 31,
        hour: 24,
        minute: 0,
        second: 0,
        nanosecond: 0,
        offset_minutes: offset,
    });
    prop_oneof![
        6 => any_time,
        1 => end_of_day,
        1 => Just(DateTime::UNKNOWN),
        1 => (0i64..4_102_444_800).prop_map(DateTime::from_unix),
    ]
    .boxed()
}

fn value_type() -> BoxedStrategy<ValueType> {
    let known = select(vec![
        ValueType::String,
        ValueType::Int,
        ValueType::UnsignedInt,
        ValueType::Long,
        ValueType::UnsignedLong,
        ValueType::Boolean,
        ValueType::DateTime,
        ValueType::Base64,
        ValueType::HexBinary,
        ValueType::Decimal,
    ]);
    // Unknown types are kept as written; the generated ones include markup and whitespace
    // characters so the attribute escaping is exercised. Only what a decode can produce is
    // kept: trimmed, and not spelling a known type.
    let other = prop_oneof![
        Just("xsd:anyURI".to_string()),
        Just("xs:token".to_string()),
        Just("cwmp:Vendor&Type".to_string()),
        (select(vec!["xsd:", "xs:", "", "tns:"]), text()).prop_map(|(p, t)| format!("{p}{t}")),
    ]
    .prop_filter_map("not what a decode yields", |s| {
        (ValueType::from_xsi_type(&s) == ValueType::Other(s.clone())).then_some(ValueType::Other(s))
    });
    prop_oneof![3 => known, 1 => other].boxed()
}

fn value() -> BoxedStrategy<Value> {
    (option::weighted(0.8, value_type()), text())
        .prop_map(|(ty, text)| Value { ty, text })
        .boxed()
}

fn event_code() -> BoxedStrategy<EventCode> {
    let standard = select(vec![
        EventCode::Bootstrap,
        EventCode::Boot,
        EventCode::Periodic,
        EventCode::Scheduled,
        EventCode::ValueChange,
        EventCode::Kicked,
        EventCode::ConnectionRequest,
        EventCode::TransferComplete,
        EventCode::DiagnosticsComplete,
        EventCode::RequestDownload,
        EventCode::AutonomousTransferComplete,
        EventCode::DuStateChangeComplete,
        EventCode::AutonomousDuStateChangeComplete,
        EventCode::Wakeup,
        EventCode::Heartbeat,
    ]);
    let method = prop_oneof![
        select(Message::METHODS.to_vec()).prop_map(str::to_string),
        nonempty_trimmed_text(),
    ]
    .prop_map(EventCode::Method);
    let vendor = prop_oneof![
        Just("00D09E Restart".to_string()),
        nonempty_trimmed_text().prop_map(|t| format!("00256D {t}")),
        nonempty_trimmed_text(),
    ]
    .prop_map(EventCode::Vendor);
    // An unknown code decodes verbatim unless it looks like one of the others.
    let other = prop_oneof![Just("99 NEW EVENT".to_string()), trimmed_text()]
        .prop_filter_map("reads as another kind of code", |s| {
            (EventCode::parse(&s) == EventCode::Other(s.clone())).then_some(EventCode::Other(s))
        });
    prop_oneof![3 => standard, 1 => method, 1 => vendor, 1 => other].boxed()
}

fn fault_code() -> BoxedStrategy<FaultCode> {
    prop_oneof![
        select(FaultCode::NAMED.to_vec()),
        any::<u32>().prop_map(FaultCode::from_code),
        (8800u32..8900).prop_map(FaultCode::from_code),
        (9800u32..9900).prop_map(FaultCode::from_code),
        Just(FaultCode::from_code(0)),
    ]
    .boxed()
}

fn status() -> impl Strategy<Value = Status> {
    select(vec![Status::Applied, Status::Pending])
}

fn transfer_state() -> impl Strategy<Value = TransferState> {
    select(vec![
        TransferState::NotYetStarted,
        TransferState::InProgress,
        TransferState::Completed,
    ])
}

fn opt_text() -> BoxedStrategy<Option<String>> {
    option::of(text()).boxed()
}

fn list<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    vec(s, 0..4)
}

// ---------------------------------------------------------------------------------------------
// Structures
// ---------------------------------------------------------------------------------------------

fn parameter_value() -> impl Strategy<Value = ParameterValueStruct> {
    (text(), value()).prop_map(|(name, value)| ParameterValueStruct { name, value })
}

fn parameter_info() -> impl Strategy<Value = ParameterInfoStruct> {
    (text(), any::<bool>()).prop_map(|(name, writable)| ParameterInfoStruct { name, writable })
}

fn set_parameter_attributes() -> impl Strategy<Value = SetParameterAttributesStruct> {
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

fn parameter_attribute() -> impl Strategy<Value = ParameterAttributeStruct> {
    (text(), any::<u8>(), list(text())).prop_map(|(name, notification, access_list)| {
        ParameterAttributeStruct {
            name,
            notification,
            access_list,
        }
    })
}

fn device_id() -> impl Strategy<Value = DeviceIdStruct> {
    (text(), text(), text(), text()).prop_map(
        |(manufacturer, oui, product_class, serial_number)| DeviceIdStruct {
            manufacturer,
            oui,
            product_class,
            serial_number,
        },
    )
}

fn event_struct() -> impl Strategy<Value = EventStruct> {
    (event_code(), text()).prop_map(|(event_code, command_key)| EventStruct {
        event_code,
        command_key,
    })
}

fn transfer_fault() -> impl Strategy<Value = TransferCompleteFaultStruct> {
    (prop_oneof![Just(0u32), 9000u32..9033, any::<u32>()], text()).prop_map(
        |(fault_code, fault_string)| TransferCompleteFaultStruct {
            fault_code,
            fault_string,
        },
    )
}

fn time_window() -> impl Strategy<Value = TimeWindowStruct> {
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

fn queued_transfer() -> impl Strategy<Value = QueuedTransferStruct> {
    (text(), transfer_state())
        .prop_map(|(command_key, state)| QueuedTransferStruct { command_key, state })
}

fn all_queued_transfer() -> impl Strategy<Value = AllQueuedTransferStruct> {
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

fn option_struct() -> impl Strategy<Value = OptionStruct> {
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

fn arg() -> impl Strategy<Value = ArgStruct> {
    (text(), text()).prop_map(|(name, value)| ArgStruct { name, value })
}

fn voucher() -> impl Strategy<Value = Voucher> {
    vec(any::<u8>(), 0..48).prop_map(Voucher)
}

fn operation() -> impl Strategy<Value = Operation> {
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

fn op_result() -> impl Strategy<Value = OpResultStruct> {
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

fn auton_op_result() -> impl Strategy<Value = AutonOpResultStruct> {
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

fn fault() -> impl Strategy<Value = Fault> {
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

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/// One strategy per message type: every variant of [`Message`] but `Unknown`.
fn message_strategies() -> Vec<BoxedStrategy<Message>> {
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

fn message() -> impl Strategy<Value = Message> {
    Union::new(message_strategies())
}

fn header() -> impl Strategy<Value = Header> {
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

fn envelope_of(body: impl Strategy<Value = Message>) -> impl Strategy<Value = Envelope> {
    (header(), body).prop_map(|(header, body)| Envelope { header, body })
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/// Encodes `env` for every version and checks what decodes back.
fn check_round_trip(env: &Envelope) -> Result<(), TestCaseError> {
    for v in CwmpVersion::ALL {
        let encoded = encode_version(env, v);
        if env.body.since() > v {
            prop_assert!(
                matches!(encoded, Err(EncodeError::NotInVersion { .. })),
                "{} encoded for {v}: {encoded:?}",
                env.body.name()
            );
            continue;
        }
        let bytes = encoded.map_err(|e| TestCaseError::fail(format!("encode for {v}: {e}")))?;
        let text = String::from_utf8_lossy(&bytes);
        let decoded = decode(&bytes)
            .map_err(|e| TestCaseError::fail(format!("decode for {v}: {e}\n{text}")))?;
        prop_assert_eq!(decoded.envelopes.len(), 1, "{}", text);
        let expected = Envelope {
            header: env.header.for_version(v),
            body: env.body.clone(),
        };
        prop_assert_eq!(&decoded.envelopes[0], &expected, "CWMP {}:\n{}", v, text);
        let dialect = decoded.dialect.expect("an envelope in a cwmp namespace");
        prop_assert_eq!(dialect.namespace, v.standard_namespace());
        // The namespace tells the version unless a 1.4 header announced one.
        let expected_version = expected
            .header
            .use_cwmp_version
            .unwrap_or(v.standard_namespace().version());
        prop_assert_eq!(dialect.version, expected_version, "CWMP {}", v);
    }
    Ok(())
}

const SMALL: DecodeOptions = DecodeOptions {
    max_bytes: 512,
    max_depth: 6,
};

/// Decodes arbitrary input with the default and with small limits. Errors must carry a
/// position; whatever decodes must survive a second encode/decode in its dialect.
fn check_decode_is_total(input: &[u8]) -> Result<(), TestCaseError> {
    for options in [DecodeOptions::default(), SMALL] {
        match decode_with(input, &options) {
            Ok(decoded) => check_stable(&decoded)?,
            Err(e) => {
                prop_assert!(e.line >= 1 && e.column >= 1, "no position: {:?}", e);
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
    Ok(())
}

fn check_stable(decoded: &Decoded) -> Result<(), TestCaseError> {
    let dialect = decoded.dialect.unwrap_or_default();
    for first in &decoded.envelopes {
        let bytes = match encode(first, dialect) {
            Ok(bytes) => bytes,
            Err(EncodeError::NotInVersion { .. } | EncodeError::UnknownMethod(_)) => continue,
        };
        let again = decode(&bytes).map_err(|e| TestCaseError::fail(format!("re-decode: {e}")))?;
        prop_assert_eq!(again.envelopes.len(), 1);
        let expected = Envelope {
            header: first.header.for_version(dialect.version),
            body: first.body.clone(),
        };
        prop_assert_eq!(&again.envelopes[0], &expected);
    }
    Ok(())
}

/// One edit of an encoded envelope.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(Index, u8),
    Insert(Index, u8),
    InsertText(Index, &'static str),
    Delete(Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = select(vec![
        "<",
        ">",
        "/>",
        "</",
        "&",
        "&#1;",
        "&#0;",
        "&bogus;",
        "\"",
        "<![CDATA[",
        "]]>",
        "<!--",
        "<!DOCTYPE x>",
        "<?pi?>",
        "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-4\"",
        "\u{0}",
        "\u{FEFF}",
    ]);
    prop_oneof![
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<Index>(), snippet).prop_map(|(i, s)| Mutation::InsertText(i, s)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        match m {
            Mutation::Replace(i, b) => {
                let i = i.index(bytes.len());
                bytes[i] = *b;
            }
            Mutation::Insert(i, b) => bytes.insert(i.index(bytes.len() + 1), *b),
            Mutation::InsertText(i, s) => {
                let i = i.index(bytes.len() + 1);
                bytes.splice(i..i, s.bytes());
            }
            Mutation::Delete(i) => {
                bytes.remove(i.index(bytes.len()));
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        }
    }
    bytes
}

/// A valid encoding, for the newest version so every message has one.
fn encoding() -> impl Strategy<Value = Vec<u8>> {
    envelope_of(message()).prop_map(|env| {
        encode_version(&env, CwmpVersion::LATEST).expect("every known message encodes in 1.4")
    })
}

fn token_soup() -> impl Strategy<Value = Vec<u8>> {
    let token = select(vec![
        "<",
        ">",
        "</",
        "/>",
        "=",
        "\"",
        " ",
        "\n",
        "s:",
        "cwmp:",
        "Envelope",
        "Header",
        "Body",
        "Fault",
        "detail",
        "ID",
        "Inform",
        "ChangeDUState",
        "Operations",
        "Value",
        "Name",
        "ParameterList",
        "ParameterValueStruct",
        "xmlns:cwmp",
        "xsi:type",
        "urn:dslforum-org:cwmp-1-2",
        "http://schemas.xmlsoap.org/soap/envelope/",
        "&amp;",
        "&#1;",
        "<![CDATA[",
        "]]>",
        "<?xml version=\"1.0\"?>",
        "1",
        "x",
        "2024-01-01T00:00:00Z",
    ]);
    vec(token, 0..80).prop_map(|ts| ts.concat().into_bytes())
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_message_round_trips_in_every_version(env in envelope_of(message())) {
        check_round_trip(&env)?;
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(input in vec(any::<u8>(), 0..1024)) {
        check_decode_is_total(&input)?;
    }

    #[test]
    fn decoding_token_soup_never_panics(input in token_soup()) {
        check_decode_is_total(&input)?;
    }

    #[test]
    fn decoding_mutated_encodings_never_panics(
        bytes in encoding(),
        mutations in vec(mutation(), 1..6),
    ) {
        check_decode_is_total(&mutate(bytes, &mutations))?;
    }

    #[test]
    fn every_truncation_of_an_encoding_fails_cleanly(bytes in encoding(), cut in any::<Index>()) {
        // Cutting anywhere before the end of the root element leaves it unclosed.
        let end = bytes.len() - b"</soap-env:Envelope>".len();
        let cut = cut.index(end);
        let err = decode(&bytes[..cut]);
        match err {
            Ok(decoded) => {
                // Only a cut inside the XML declaration and before the root leaves nothing.
                prop_assert!(decoded.envelopes.is_empty(), "cut at {} decoded", cut);
                prop_assert!(cut < bytes.iter().position(|&b| b == b'\n').unwrap_or(0) + 2);
            }
            Err(e) => prop_assert!(e.line >= 1 && e.column >= 1),
        }
    }
}

/// The union above draws message types at random; this runs a few cases of each one so no
/// type can be missed, and checks that the generators cover every known method and Fault.
#[test]
fn each_message_type_round_trips() {
    let strategies = message_strategies();
    let mut names = BTreeSet::new();
    for strategy in strategies {
        let mut runner = TestRunner::new(Config {
            cases: 12,
            failure_persistence: None,
            ..Config::default()
        });
        let sample = strategy
            .new_tree(&mut runner)
            .expect("strategy generates")
            .current();
        names.insert(sample.name().to_string());
        let result = runner.run(&envelope_of(strategy), |env| {
            prop_assert_eq!(env.body.name(), sample.name());
            check_round_trip(&env)
        });
        if let Err(e) = result {
            panic!("{}: {e}", sample.name());
        }
    }
    let mut expected: BTreeSet<String> = Message::METHODS.iter().map(|m| m.to_string()).collect();
    expected.insert("Fault".to_string());
    assert_eq!(names, expected);
}

/// The generators reach the corners the module documentation promises.
#[test]
fn generators_reach_the_corners() {
    let mut runner = TestRunner::deterministic();
    let sample = |runner: &mut TestRunner, s: &BoxedStrategy<String>| {
        (0..400)
            .map(|_| s.new_tree(runner).expect("generates").current())
            .collect::<Vec<_>>()
    };
    let texts = sample(&mut runner, &text());
    for wanted in ['&', '<', '>', '"', '\r', '\n', '\t', 'é'] {
        assert!(
            texts.iter().any(|t| t.contains(wanted)),
            "no generated text contains {wanted:?}"
        );
    }
    assert!(texts.iter().any(String::is_empty));
    assert!(texts.iter().all(|t| t.chars().all(is_xml_char)));

    let types: Vec<ValueType> = (0..400)
        .map(|_| value_type().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(types.contains(&ValueType::Other("xsd:anyURI".into())));
    assert!(types.contains(&ValueType::HexBinary));

    let codes: Vec<EventCode> = (0..400)
        .map(|_| event_code().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(codes.iter().any(|c| matches!(c, EventCode::Method(_))));
    assert!(codes.iter().any(|c| matches!(c, EventCode::Vendor(_))));
    assert!(codes.iter().any(|c| matches!(c, EventCode::Other(_))));

    let times: Vec<DateTime> = (0..400)
        .map(|_| datetime().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(
        times
            .iter()
            .any(|t| t.nanosecond > 0 && t.offset_minutes.is_none())
    );
    assert!(
        times
            .iter()
            .any(|t| t.offset_minutes.is_some_and(|m| m < 0))
    );
    assert!(times.iter().any(|t| t.hour == 24));
}
