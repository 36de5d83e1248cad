//! Structures shared by several messages.

use crate::codec::error::DecodeError;
use crate::codec::field::{XmlField, array_item, cwmp_struct};
use crate::codec::read::{Dec, El};
use crate::codec::write::Writer;
use crate::value::Value;
use base64::Engine as _;

cwmp_struct! {
    /// One parameter and its value.
    pub struct ParameterValueStruct {
        name: String = "Name",
        value: Value = "Value" [sensitive],
    }
}

impl ParameterValueStruct {
    pub fn new(name: impl Into<String>, value: Value) -> Self {
        ParameterValueStruct {
            name: name.into(),
            value,
        }
    }
}

cwmp_struct! {
    /// A GetParameterNames result entry.
    pub struct ParameterInfoStruct {
        name: String = "Name",
        writable: bool = "Writable",
    }
}

cwmp_struct! {
    /// A SetParameterAttributes entry.
    pub struct SetParameterAttributesStruct {
        name: String = "Name",
        notification_change: bool = "NotificationChange",
        /// 0 off, 1 passive, 2 active, 3-6 lightweight variants (CWMP 1.4).
        notification: u8 = "Notification",
        access_list_change: bool = "AccessListChange",
        access_list: Vec<String> = "AccessList",
    }
}

cwmp_struct! {
    /// A GetParameterAttributes result entry.
    pub struct ParameterAttributeStruct {
        name: String = "Name",
        notification: u8 = "Notification",
        access_list: Vec<String> = "AccessList",
    }
}

cwmp_struct! {
    /// The identity of a CPE in an Inform.
    pub struct DeviceIdStruct {
        manufacturer: String = "Manufacturer",
        /// Six upper-case hex digits.
        oui: String = "OUI",
        product_class: String = "ProductClass",
        serial_number: String = "SerialNumber",
    }
}

cwmp_struct! {
    /// An Inform event with the command key of the RPC that caused it, if any.
    pub struct EventStruct {
        event_code: crate::event::EventCode = "EventCode",
        command_key: String = "CommandKey",
    }
}

impl EventStruct {
    pub fn new(code: crate::event::EventCode, command_key: impl Into<String>) -> Self {
        EventStruct {
            event_code: code,
            command_key: command_key.into(),
        }
    }
}

cwmp_struct! {
    /// FaultStruct of TransferComplete / AutonomousTransferComplete; code 0 is success.
    pub struct TransferCompleteFaultStruct {
        fault_code: u32 = "FaultCode",
        fault_string: String = "FaultString",
    }
}

impl TransferCompleteFaultStruct {
    pub fn success() -> Self {
        Self::default()
    }

    /// The fault, or `None` when the transfer succeeded.
    pub fn fault(&self) -> Option<crate::fault::FaultCode> {
        (self.fault_code != 0).then(|| crate::fault::FaultCode::from_code(self.fault_code))
    }
}

cwmp_struct! {
    /// A ScheduleDownload time window.
    pub struct TimeWindowStruct {
        window_start: u32 = "WindowStart",
        window_end: u32 = "WindowEnd",
        /// `1 At Any Time`, `2 Immediately`, `3 When Idle`, `4 Confirmation Needed` or vendor.
        window_mode: String = "WindowMode",
        user_message: String = "UserMessage",
        /// -1 means the CPE decides.
        max_retries: i32 = "MaxRetries",
    }
}

cwmp_struct! {
    pub struct QueuedTransferStruct {
        command_key: String = "CommandKey",
        state: TransferState = "State",
    }
}

cwmp_struct! {
    pub struct AllQueuedTransferStruct {
        command_key: String = "CommandKey",
        state: TransferState = "State",
        is_download: bool = "IsDownload",
        file_type: String = "FileType",
        file_size: u32 = "FileSize",
        target_file_name: String = "TargetFileName",
    }
}

cwmp_struct! {
    /// A GetOptions result entry.
    pub struct OptionStruct {
        option_name: String = "OptionName",
        voucher_sn: u32 = "VoucherSN",
        /// 0 disabled, 1 enabled, 2 disabled with expiration, 3 enabled with expiration.
        state: u32 = "State",
        /// 0 disabled, 1 enabled, 2 enabled with expiration.
        mode: i32 = "Mode",
        start_date: crate::datetime::DateTime = "StartDate",
        expiration_date: Option<crate::datetime::DateTime> = "ExpirationDate",
        /// 0 or 1.
        is_transferable: i32 = "IsTransferable",
    }
}

cwmp_struct! {
    /// A RequestDownload argument.
    pub struct ArgStruct {
        name: String = "Name",
        value: String = "Value",
    }
}

array_item!(
    ParameterValueStruct,
    ParameterInfoStruct,
    SetParameterAttributesStruct,
    ParameterAttributeStruct,
    EventStruct,
    TimeWindowStruct,
    QueuedTransferStruct,
    AllQueuedTransferStruct,
    OptionStruct,
    ArgStruct,
);

/// The `Status` of SetParameterValues, AddObject, DeleteObject, Download and Upload responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "u8", try_from = "u8"))]
pub enum Status {
    /// 0: applied / transfer done.
    #[default]
    Applied,
    /// 1: committed but applied later (e.g. after a reboot) / transfer not yet done.
    Pending,
}

impl From<Status> for u8 {
    fn from(s: Status) -> u8 {
        match s {
            Status::Applied => 0,
            Status::Pending => 1,
        }
    }
}

impl TryFrom<u8> for Status {
    type Error = String;
    fn try_from(v: u8) -> Result<Status, String> {
        match v {
            0 => Ok(Status::Applied),
            1 => Ok(Status::Pending),
            other => Err(format!("status must be 0 or 1, not {other}")),
        }
    }
}

impl XmlField for Status {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf(name, if *self == Status::Applied { "0" } else { "1" });
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let text = r.text(el)?;
        match text.trim() {
            "0" => Ok(Status::Applied),
            "1" => Ok(Status::Pending),
            _ => Err(r.invalid("status (0 or 1)", &text)),
        }
    }
}

/// The state of a queued transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "u8", try_from = "u8"))]
pub enum TransferState {
    #[default]
    NotYetStarted,
    InProgress,
    Completed,
}

impl From<TransferState> for u8 {
    fn from(s: TransferState) -> u8 {
        match s {
            TransferState::NotYetStarted => 1,
            TransferState::InProgress => 2,
            TransferState::Completed => 3,
        }
    }
}

impl TryFrom<u8> for TransferState {
    type Error = String;
    fn try_from(v: u8) -> Result<TransferState, String> {
        match v {
            1 => Ok(TransferState::NotYetStarted),
            2 => Ok(TransferState::InProgress),
            3 => Ok(TransferState::Completed),
            other => Err(format!("transfer state must be 1, 2 or 3, not {other}")),
        }
    }
}

impl XmlField for TransferState {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf_display(name, u8::from(*self));
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let text = r.text(el)?;
        text.trim()
            .parse::<u8>()
            .ok()
            .and_then(|v| TransferState::try_from(v).ok())
            .ok_or_else(|| r.invalid("transfer state (1, 2 or 3)", &text))
    }
}

/// A voucher for SetVouchers: binary, base64 on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Voucher(pub Vec<u8>);

impl XmlField for Voucher {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf(
            name,
            &base64::engine::general_purpose::STANDARD.encode(&self.0),
        );
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let text = r.text(el)?;
        let compact: String = text.split_ascii_whitespace().collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .map(Voucher)
            .map_err(|_| r.invalid("base64", &text))
    }
}

impl crate::codec::field::ArrayItem for Voucher {
    const ELEMENT: &'static str = "base64";
    const ARRAY_TYPE: &'static str = "soap-enc:base64";
}

#[cfg(feature = "serde")]
impl serde::Serialize for Voucher {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Voucher {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(s.as_bytes())
            .map(Voucher)
            .map_err(serde::de::Error::custom)
    }
}
