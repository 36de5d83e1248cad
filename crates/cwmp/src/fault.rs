//! CWMP fault codes (TR-069 Table 56 / 57) and their SOAP fault class.

use std::fmt;

/// Who is to blame for a fault, which decides the SOAP `faultcode` (`Client` or `Server`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FaultClass {
    Client,
    Server,
}

impl FaultClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FaultClass::Client => "Client",
            FaultClass::Server => "Server",
        }
    }
}

macro_rules! fault_codes {
    ($( $variant:ident = $code:literal, $class:ident, $meaning:literal; )*) => {
        /// A CWMP fault code. The codes the standard defines have names; any other number
        /// (vendor ranges 8800-8899 and 9800-9899, or codes from a future amendment) is kept
        /// as `Other`. [`FaultCode::from_code`] never builds `Other` for a named code, so
        /// equality on codes is equality on numbers.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum FaultCode {
            $( #[doc = $meaning] $variant, )*
            /// A code without a name here; vendor codes land here.
            Other(u32),
            /// Placeholder used only while decoding a message that omitted its code.
            #[default]
            Unspecified,
        }

        impl FaultCode {
            /// Every named code, in numeric order within each range.
            pub const NAMED: &'static [FaultCode] = &[$( FaultCode::$variant, )*];

            /// 0 is `Unspecified` (what a missing code decodes to and encodes as), so a
            /// code survives an encode/decode round trip whatever it is.
            pub fn from_code(code: u32) -> FaultCode {
                match code {
                    $( $code => FaultCode::$variant, )*
                    0 => FaultCode::Unspecified,
                    other => FaultCode::Other(other),
                }
            }

            pub fn code(self) -> u32 {
                match self {
                    $( FaultCode::$variant => $code, )*
                    FaultCode::Other(code) => code,
                    FaultCode::Unspecified => 0,
                }
            }

            /// The standard's one-line meaning of the code.
            pub fn meaning(self) -> &'static str {
                match self {
                    $( FaultCode::$variant => $meaning, )*
                    FaultCode::Other(code) if (9800..=9899).contains(&code) => "Vendor defined fault (CPE)",
                    FaultCode::Other(code) if (8800..=8899).contains(&code) => "Vendor defined fault (ACS)",
                    FaultCode::Other(_) => "Unknown fault",
                    FaultCode::Unspecified => "Fault code missing",
                }
            }

            /// The SOAP fault class the standard assigns; unnamed codes are `Server`.
            pub fn class(self) -> FaultClass {
                match self {
                    $( FaultCode::$variant => FaultClass::$class, )*
                    FaultCode::Other(_) | FaultCode::Unspecified => FaultClass::Server,
                }
            }
        }
    };
}

fault_codes! {
    MethodNotSupported = 9000, Server, "Method not supported";
    RequestDenied = 9001, Server, "Request denied (no reason specified)";
    InternalError = 9002, Server, "Internal error";
    InvalidArguments = 9003, Client, "Invalid arguments";
    ResourcesExceeded = 9004, Server, "Resources exceeded";
    InvalidParameterName = 9005, Client, "Invalid parameter name";
    InvalidParameterType = 9006, Client, "Invalid parameter type";
    InvalidParameterValue = 9007, Client, "Invalid parameter value";
    NonWritableParameter = 9008, Client, "Attempt to set a non-writable parameter";
    NotificationRequestRejected = 9009, Server, "Notification request rejected";
    FileTransferFailure = 9010, Server, "File transfer failure";
    UploadFailure = 9011, Server, "Upload failure";
    FileServerAuthenticationFailure = 9012, Server, "File transfer server authentication failure";
    UnsupportedTransferProtocol = 9013, Server, "Unsupported protocol for file transfer";
    MulticastJoinFailed = 9014, Server, "File transfer failure: unable to join multicast group";
    CannotContactFileServer = 9015, Server, "File transfer failure: unable to contact file server";
    CannotAccessFile = 9016, Server, "File transfer failure: unable to access file";
    CannotCompleteDownload = 9017, Server, "File transfer failure: unable to complete download";
    FileCorrupted = 9018, Server, "File transfer failure: file corrupted or otherwise unusable";
    FileAuthenticationFailure = 9019, Server, "File transfer failure: file authentication failure";
    OutsideTimeWindow = 9020, Client, "File transfer failure: unable to complete download within specified time windows";
    CancelationNotPermitted = 9021, Client, "Cancelation of file transfer not permitted in current transfer state";
    InvalidUuid = 9022, Server, "Invalid UUID format";
    UnknownExecutionEnvironment = 9023, Server, "Unknown Execution Environment";
    DisabledExecutionEnvironment = 9024, Server, "Disabled Execution Environment";
    DeploymentUnitEnvironmentMismatch = 9025, Server, "Deployment Unit to Execution Environment mismatch";
    DuplicateDeploymentUnit = 9026, Server, "Duplicate Deployment Unit";
    SystemResourcesExceeded = 9027, Server, "System resources exceeded";
    UnknownDeploymentUnit = 9028, Server, "Unknown Deployment Unit";
    InvalidDeploymentUnitState = 9029, Server, "Invalid Deployment Unit state";
    DowngradeNotPermitted = 9030, Server, "Invalid Deployment Unit update: downgrade not permitted";
    VersionNotSpecified = 9031, Server, "Invalid Deployment Unit update: version not specified";
    VersionAlreadyExists = 9032, Server, "Invalid Deployment Unit update: version already exists";
    AcsMethodNotSupported = 8000, Server, "Method not supported (ACS)";
    AcsRequestDenied = 8001, Server, "Request denied (ACS)";
    AcsInternalError = 8002, Server, "Internal error (ACS)";
    AcsInvalidArguments = 8003, Client, "Invalid arguments (ACS)";
    AcsResourcesExceeded = 8004, Server, "Resources exceeded (ACS)";
    AcsRetryRequest = 8005, Server, "Retry request";
    AcsVersionIncompatible = 8006, Server, "ACS version incompatible with CPE";
}

impl FaultCode {
    /// True for the vendor ranges 8800-8899 and 9800-9899.
    pub fn is_vendor(self) -> bool {
        let c = self.code();
        (8800..=8899).contains(&c) || (9800..=9899).contains(&c)
    }
}

impl fmt::Display for FaultCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.meaning())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FaultCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for FaultCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = <u32 as serde::Deserialize>::deserialize(d)?;
        Ok(FaultCode::from_code(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_round_trips() {
        assert_eq!(FaultCode::NAMED.len(), 33 + 7);
        for &code in FaultCode::NAMED {
            assert_eq!(FaultCode::from_code(code.code()), code);
        }
    }

    #[test]
    fn classes_follow_the_standard() {
        let client: Vec<u32> = FaultCode::NAMED
            .iter()
            .filter(|c| c.class() == FaultClass::Client)
            .map(|c| c.code())
            .collect();
        assert_eq!(client, vec![9003, 9005, 9006, 9007, 9008, 9020, 9021, 8003]);
    }

    #[test]
    fn vendor_codes_are_kept_as_numbers() {
        let v = FaultCode::from_code(9850);
        assert_eq!(v, FaultCode::Other(9850));
        assert!(v.is_vendor());
        assert_eq!(v.class(), FaultClass::Server);
        assert_eq!(v.to_string(), "9850 Vendor defined fault (CPE)");
        assert!(!FaultCode::InvalidParameterName.is_vendor());
    }
}
