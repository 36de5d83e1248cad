//! The SOAP Fault carrying a `cwmp:Fault`.

use crate::codec::field::{array_item, cwmp_struct};
use crate::fault::{FaultClass, FaultCode};

cwmp_struct! {
    /// One failing parameter of a SetParameterValues.
    pub struct SetParameterValuesFault {
        parameter_name: String = "ParameterName",
        fault_code: FaultCode = "FaultCode",
        fault_string: String = "FaultString",
    }
}

array_item!(SetParameterValuesFault);

cwmp_struct! {
    /// The `cwmp:Fault` inside the SOAP fault's `detail`.
    pub struct CwmpFault {
        fault_code: FaultCode = "FaultCode",
        fault_string: String = "FaultString",
        set_parameter_values_fault: Vec<SetParameterValuesFault> = "SetParameterValuesFault" [repeated],
    }
}

/// A SOAP Fault. `faultcode` is `Client` or `Server` by the class of the CWMP fault code, and
/// `faultstring` is `CWMP fault` as TR-069 requires; the detail carries the real information.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Fault {
    #[cfg_attr(feature = "serde", serde(rename = "faultcode"))]
    pub faultcode: SoapFaultCode,
    #[cfg_attr(feature = "serde", serde(rename = "faultstring"))]
    pub faultstring: String,
    #[cfg_attr(feature = "serde", serde(rename = "detail"))]
    pub detail: CwmpFault,
}

/// The SOAP `faultcode`: TR-069 uses only `Client` and `Server`; anything else is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SoapFaultCode {
    Client,
    #[default]
    Server,
    Other(String),
}

impl SoapFaultCode {
    pub fn as_str(&self) -> &str {
        match self {
            SoapFaultCode::Client => "Client",
            SoapFaultCode::Server => "Server",
            SoapFaultCode::Other(s) => s,
        }
    }

    /// Reads a faultcode with or without a prefix (`soap-env:Client`, `Client`).
    pub fn parse(s: &str) -> SoapFaultCode {
        let s = s.trim();
        match s.rsplit(':').next().unwrap_or(s) {
            "Client" => SoapFaultCode::Client,
            "Server" => SoapFaultCode::Server,
            _ => SoapFaultCode::Other(s.to_string()),
        }
    }
}

impl From<FaultClass> for SoapFaultCode {
    fn from(c: FaultClass) -> Self {
        match c {
            FaultClass::Client => SoapFaultCode::Client,
            FaultClass::Server => SoapFaultCode::Server,
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SoapFaultCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SoapFaultCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Ok(SoapFaultCode::parse(&s))
    }
}

impl Fault {
    /// A fault with the standard class for `code` and the given message.
    pub fn new(code: FaultCode, message: impl Into<String>) -> Fault {
        Fault {
            faultcode: code.class().into(),
            faultstring: "CWMP fault".to_string(),
            detail: CwmpFault {
                fault_code: code,
                fault_string: message.into(),
                set_parameter_values_fault: Vec::new(),
            },
        }
    }

    /// A fault with the standard meaning of `code` as its message.
    pub fn standard(code: FaultCode) -> Fault {
        Fault::new(code, code.meaning())
    }

    /// A SetParameterValues fault listing each failing parameter.
    pub fn set_parameter_values(
        code: FaultCode,
        message: impl Into<String>,
        parameters: Vec<SetParameterValuesFault>,
    ) -> Fault {
        let mut fault = Fault::new(code, message);
        fault.detail.set_parameter_values_fault = parameters;
        fault
    }

    pub fn code(&self) -> FaultCode {
        self.detail.fault_code
    }
}
