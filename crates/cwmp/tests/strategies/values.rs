//! Text and scalar generators: strings biased towards what XML makes hard, dateTimes, values
//! and their types, event codes, fault codes and the small enums.

use cwmp::message::{Status, TransferState};
use cwmp::{CwmpVersion, DateTime, EventCode, FaultCode, Message, Value, ValueType};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/// Whether XML 1.0 can carry `c` at all (its `Char` production). Everything else is in reach
/// of the generators.
pub fn is_xml_char(c: char) -> bool {
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
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => vec(xml_char(), 0..16).prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => select(TRICKY).prop_map(str::to_string),
    ]
    .boxed()
}

/// A string without surrounding whitespace: what fields that are trimmed on decode (the header
/// ID, event codes) hold after a decode.
pub fn trimmed_text() -> BoxedStrategy<String> {
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

pub fn version() -> impl Strategy<Value = CwmpVersion> {
    select(CwmpVersion::ALL.to_vec())
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn datetime() -> BoxedStrategy<DateTime> {
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

pub fn value_type() -> BoxedStrategy<ValueType> {
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

pub fn value() -> BoxedStrategy<Value> {
    (option::weighted(0.8, value_type()), text())
        .prop_map(|(ty, text)| Value { ty, text })
        .boxed()
}

pub fn event_code() -> BoxedStrategy<EventCode> {
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

pub fn fault_code() -> BoxedStrategy<FaultCode> {
    prop_oneof![
        select(FaultCode::NAMED.to_vec()),
        any::<u32>().prop_map(FaultCode::from_code),
        (8800u32..8900).prop_map(FaultCode::from_code),
        (9800u32..9900).prop_map(FaultCode::from_code),
        Just(FaultCode::from_code(0)),
    ]
    .boxed()
}

pub fn status() -> impl Strategy<Value = Status> {
    select(vec![Status::Applied, Status::Pending])
}

pub fn transfer_state() -> impl Strategy<Value = TransferState> {
    select(vec![
        TransferState::NotYetStarted,
        TransferState::InProgress,
        TransferState::Completed,
    ])
}

pub fn opt_text() -> BoxedStrategy<Option<String>> {
    option::of(text()).boxed()
}

pub fn list<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    vec(s, 0..4)
}
