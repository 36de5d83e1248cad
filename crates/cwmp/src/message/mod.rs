//! Every CWMP message as a type.
//!
//! Struct and variant names are the method names of TR-069, so a reader can match them with
//! the standard and with captures; fields are the snake_case of the XML element names.

pub mod acs_methods;
pub mod common;
pub mod cpe_methods;
pub mod du;
pub mod fault;

pub use acs_methods::*;
pub use common::*;
pub use cpe_methods::*;
pub use du::*;
pub use fault::*;

use crate::codec::error::{DecodeError, EncodeError};
use crate::codec::field::{XmlStruct, decode_struct};
use crate::codec::read::{Dec, El};
use crate::codec::write::Writer;
use crate::version::CwmpVersion;

/// Stands in for a secret in `Debug` output.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Whether a parameter holds a secret, judged by its last path segment as the BBF data models
/// name them (`...Password`, `KeyPassphrase`, `PreSharedKey`, `WEPKey`, `...Secret`, ...).
/// Such values are shown as `<redacted>` by `Debug`.
pub fn is_secret_parameter(name: &str) -> bool {
    let last = name
        .trim_end_matches('.')
        .rsplit('.')
        .next()
        .unwrap_or(name);
    [
        "Password",
        "Passphrase",
        "PreSharedKey",
        "WEPKey",
        "Secret",
        "PrivateKey",
        "PIN",
    ]
    .iter()
    .any(|marker| last.contains(marker))
}

/// Which side implements a request method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Handler {
    /// The CPE implements it; the ACS sends it.
    Cpe,
    /// The ACS implements it; the CPE sends it.
    Acs,
    /// Both sides implement it (GetRPCMethods).
    Both,
}

/// A method name this crate does not know. It can be decoded, so the peer can be answered
/// with a "method not supported" fault, but not encoded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnknownMethod {
    pub name: String,
}

macro_rules! messages {
    ($( $name:ident: $since:ident, $role:ident; )*) => {
        /// The body of an envelope: one request, response or fault.
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[allow(clippy::large_enum_variant)]
        pub enum Message {
            $( $name($name), )*
            Fault(Fault),
            Unknown(UnknownMethod),
        }

        $(
            impl From<$name> for Message {
                fn from(m: $name) -> Message {
                    Message::$name(m)
                }
            }
        )*

        impl From<Fault> for Message {
            fn from(f: Fault) -> Message {
                Message::Fault(f)
            }
        }

        impl Message {
            /// Every method name this crate knows, requests and responses.
            pub const METHODS: &'static [&'static str] = &[$( stringify!($name), )*];

            /// The element name of the body: the method name, `Fault`, or the unknown name.
            pub fn name(&self) -> &str {
                match self {
                    $( Message::$name(_) => stringify!($name), )*
                    Message::Fault(_) => "Fault",
                    Message::Unknown(u) => &u.name,
                }
            }

            /// The first CWMP version whose schema has this message.
            pub fn since(&self) -> CwmpVersion {
                match self {
                    $( Message::$name(_) => CwmpVersion::$since, )*
                    Message::Fault(_) | Message::Unknown(_) => CwmpVersion::V1_0,
                }
            }

            /// For a request, the side that implements it; `None` for responses and faults.
            pub fn handler(&self) -> Option<Handler> {
                match self {
                    $( Message::$name(_) => messages!(@role $role), )*
                    Message::Fault(_) => None,
                    Message::Unknown(_) => Some(Handler::Both),
                }
            }

            pub(crate) fn encode_body(&self, w: &mut Writer) -> Result<(), EncodeError> {
                if w.version < self.since() {
                    return Err(EncodeError::NotInVersion {
                        method: match self {
                            $( Message::$name(_) => stringify!($name), )*
                            Message::Fault(_) | Message::Unknown(_) => "Fault",
                        },
                        version: w.version,
                        since: self.since(),
                    });
                }
                match self {
                    $( Message::$name(m) => {
                        let tag = concat!("cwmp:", stringify!($name));
                        w.open(tag);
                        m.encode_children(w);
                        w.close(tag);
                    } )*
                    Message::Fault(f) => crate::codec::envelope::encode_fault(f, w),
                    Message::Unknown(u) => return Err(EncodeError::UnknownMethod(u.name.clone())),
                }
                Ok(())
            }

            pub(crate) fn decode_body(r: &mut Dec<'_>, el: &El<'_>) -> Result<Message, Box<DecodeError>> {
                let name = el.local();
                let message = match name {
                    $( stringify!($name) => Message::$name(decode_struct(r, el)?), )*
                    "Fault" => Message::Fault(crate::codec::envelope::decode_fault(r, el)?),
                    other => {
                        let unknown = UnknownMethod { name: other.to_string() };
                        r.skip(el)?;
                        Message::Unknown(unknown)
                    }
                };
                Ok(message)
            }
        }
    };
    (@role cpe) => { Some(Handler::Cpe) };
    (@role acs) => { Some(Handler::Acs) };
    (@role both) => { Some(Handler::Both) };
    (@role response) => { None };
}

messages! {
    GetRPCMethods: V1_0, both;
    GetRPCMethodsResponse: V1_0, response;
    SetParameterValues: V1_0, cpe;
    SetParameterValuesResponse: V1_0, response;
    GetParameterValues: V1_0, cpe;
    GetParameterValuesResponse: V1_0, response;
    GetParameterNames: V1_0, cpe;
    GetParameterNamesResponse: V1_0, response;
    SetParameterAttributes: V1_0, cpe;
    SetParameterAttributesResponse: V1_0, response;
    GetParameterAttributes: V1_0, cpe;
    GetParameterAttributesResponse: V1_0, response;
    AddObject: V1_0, cpe;
    AddObjectResponse: V1_0, response;
    DeleteObject: V1_0, cpe;
    DeleteObjectResponse: V1_0, response;
    Reboot: V1_0, cpe;
    RebootResponse: V1_0, response;
    Download: V1_0, cpe;
    DownloadResponse: V1_0, response;
    Upload: V1_0, cpe;
    UploadResponse: V1_0, response;
    FactoryReset: V1_0, cpe;
    FactoryResetResponse: V1_0, response;
    GetQueuedTransfers: V1_0, cpe;
    GetQueuedTransfersResponse: V1_0, response;
    GetAllQueuedTransfers: V1_1, cpe;
    GetAllQueuedTransfersResponse: V1_1, response;
    ScheduleInform: V1_0, cpe;
    ScheduleInformResponse: V1_0, response;
    SetVouchers: V1_0, cpe;
    SetVouchersResponse: V1_0, response;
    GetOptions: V1_0, cpe;
    GetOptionsResponse: V1_0, response;
    ScheduleDownload: V1_2, cpe;
    ScheduleDownloadResponse: V1_2, response;
    CancelTransfer: V1_2, cpe;
    CancelTransferResponse: V1_2, response;
    ChangeDUState: V1_2, cpe;
    ChangeDUStateResponse: V1_2, response;
    Inform: V1_0, acs;
    InformResponse: V1_0, response;
    TransferComplete: V1_0, acs;
    TransferCompleteResponse: V1_0, response;
    AutonomousTransferComplete: V1_1, acs;
    AutonomousTransferCompleteResponse: V1_1, response;
    RequestDownload: V1_0, acs;
    RequestDownloadResponse: V1_0, response;
    Kicked: V1_0, acs;
    KickedResponse: V1_0, response;
    DUStateChangeComplete: V1_2, acs;
    DUStateChangeCompleteResponse: V1_2, response;
    AutonomousDUStateChangeComplete: V1_2, acs;
    AutonomousDUStateChangeCompleteResponse: V1_2, response;
}

impl Message {
    pub fn is_request(&self) -> bool {
        self.handler().is_some()
    }

    pub fn is_response(&self) -> bool {
        !self.is_request() && !matches!(self, Message::Fault(_))
    }

    /// The name of the response that answers this request (`Inform` -> `InformResponse`).
    pub fn response_name(&self) -> Option<String> {
        self.is_request()
            .then(|| format!("{}Response", self.name()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    #[test]
    fn debug_output_hides_secrets() {
        let download = Download {
            url: "http://fs/fw.bin".into(),
            username: "cpe".into(),
            password: "hunter2".into(),
            ..Download::default()
        };
        let shown = format!("{:?}", Message::from(download));
        assert!(
            shown.contains("http://fs/fw.bin") && shown.contains("<redacted>"),
            "{shown}"
        );
        assert!(!shown.contains("hunter2"), "{shown}");

        let spv = SetParameterValues {
            parameter_list: vec![
                ParameterValueStruct::new(
                    "Device.ManagementServer.ConnectionRequestPassword",
                    Value::string("s3cret-cr"),
                ),
                ParameterValueStruct::new(
                    "Device.WiFi.AccessPoint.1.Security.KeyPassphrase",
                    Value::string("wifi-pass"),
                ),
                ParameterValueStruct::new("Device.WiFi.SSID.1.SSID", Value::string("HomeNet")),
            ],
            parameter_key: "k".into(),
        };
        let shown = format!("{spv:?}");
        assert!(
            !shown.contains("s3cret-cr") && !shown.contains("wifi-pass"),
            "{shown}"
        );
        assert!(shown.contains("HomeNet"), "{shown}");

        let install = Operation::Install(InstallOpStruct {
            url: "http://fs/du.ipk".into(),
            password: Some("du-secret".into()),
            ..InstallOpStruct::default()
        });
        assert!(!format!("{install:?}").contains("du-secret"));
    }

    #[test]
    fn secret_parameter_names() {
        assert!(is_secret_parameter(
            "InternetGatewayDevice.ManagementServer.Password"
        ));
        assert!(is_secret_parameter(
            "Device.WiFi.AccessPoint.1.Security.PreSharedKey"
        ));
        assert!(!is_secret_parameter("Device.ManagementServer.ParameterKey"));
        assert!(!is_secret_parameter("Device.ManagementServer.Username"));
    }
}
