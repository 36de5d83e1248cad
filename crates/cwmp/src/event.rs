//! Inform event codes.

use std::fmt;

/// An Inform event code. Standard codes have variants; `M <method>` and vendor `X <OUI> <name>`
/// codes keep their text, and a code this crate does not know is kept as given so nothing a
/// device sends is lost.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum EventCode {
    #[default]
    Bootstrap,
    Boot,
    Periodic,
    Scheduled,
    ValueChange,
    Kicked,
    ConnectionRequest,
    TransferComplete,
    DiagnosticsComplete,
    RequestDownload,
    AutonomousTransferComplete,
    DuStateChangeComplete,
    AutonomousDuStateChangeComplete,
    Wakeup,
    Heartbeat,
    /// `M <method>`, e.g. `M Reboot`; holds the method name.
    Method(String),
    /// `X <OUI> <name>`; holds everything after `X `.
    Vendor(String),
    /// Any other code, verbatim.
    Other(String),
}

const NUMBERED: [(&str, EventCode); 15] = [
    ("0 BOOTSTRAP", EventCode::Bootstrap),
    ("1 BOOT", EventCode::Boot),
    ("2 PERIODIC", EventCode::Periodic),
    ("3 SCHEDULED", EventCode::Scheduled),
    ("4 VALUE CHANGE", EventCode::ValueChange),
    ("5 KICKED", EventCode::Kicked),
    ("6 CONNECTION REQUEST", EventCode::ConnectionRequest),
    ("7 TRANSFER COMPLETE", EventCode::TransferComplete),
    ("8 DIAGNOSTICS COMPLETE", EventCode::DiagnosticsComplete),
    ("9 REQUEST DOWNLOAD", EventCode::RequestDownload),
    (
        "10 AUTONOMOUS TRANSFER COMPLETE",
        EventCode::AutonomousTransferComplete,
    ),
    (
        "11 DU STATE CHANGE COMPLETE",
        EventCode::DuStateChangeComplete,
    ),
    (
        "12 AUTONOMOUS DU STATE CHANGE COMPLETE",
        EventCode::AutonomousDuStateChangeComplete,
    ),
    ("13 WAKEUP", EventCode::Wakeup),
    ("14 HEARTBEAT", EventCode::Heartbeat),
];

impl EventCode {
    /// `M Reboot`, `M Download`, ... for the given method.
    pub fn method(name: &str) -> EventCode {
        EventCode::Method(name.to_string())
    }

    /// Parses a code as found on the wire. Surrounding whitespace is ignored, and numbered
    /// codes are matched on their number, so `"1 Boot"` from a sloppy device is still BOOT.
    pub fn parse(s: &str) -> EventCode {
        let s = s.trim();
        if let Some(method) = s.strip_prefix("M ") {
            return EventCode::Method(method.trim().to_string());
        }
        if let Some(vendor) = s.strip_prefix("X ") {
            return EventCode::Vendor(vendor.trim().to_string());
        }
        let number = s.split(' ').next().unwrap_or_default();
        NUMBERED
            .iter()
            .find(|(text, _)| text.split(' ').next() == Some(number))
            .map(|(_, code)| code.clone())
            .unwrap_or_else(|| EventCode::Other(s.to_string()))
    }

    /// The code as sent on the wire.
    pub fn as_wire(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            EventCode::Method(m) => Cow::Owned(format!("M {m}")),
            EventCode::Vendor(v) => Cow::Owned(format!("X {v}")),
            EventCode::Other(o) => Cow::Borrowed(o.as_str()),
            known => Cow::Borrowed(
                NUMBERED
                    .iter()
                    .find(|(_, code)| code == known)
                    .map(|(text, _)| *text)
                    .unwrap_or_default(),
            ),
        }
    }

    /// Whether the event must be kept until delivered, across reboots (TR-069 retention rules
    /// as mature agents apply them): BOOTSTRAP, PERIODIC, SCHEDULED, TRANSFER COMPLETE, the
    /// autonomous/DU completions, REQUEST DOWNLOAD, KICKED and every `M` event.
    pub fn survives_reboot(&self) -> bool {
        matches!(
            self,
            EventCode::Bootstrap
                | EventCode::Periodic
                | EventCode::Scheduled
                | EventCode::TransferComplete
                | EventCode::AutonomousTransferComplete
                | EventCode::DuStateChangeComplete
                | EventCode::AutonomousDuStateChangeComplete
                | EventCode::RequestDownload
                | EventCode::Kicked
                | EventCode::Method(_)
        )
    }

    /// Whether the event is re-sent when the session that carried it failed. CONNECTION
    /// REQUEST is the one that is not: the ACS asked once, and will ask again if it must.
    pub fn retried_after_failure(&self) -> bool {
        !matches!(self, EventCode::ConnectionRequest)
    }

    /// Only one instance of these may be in one Inform; the `M` events and vendor events can
    /// repeat with different command keys.
    pub fn is_single(&self) -> bool {
        !matches!(
            self,
            EventCode::Method(_) | EventCode::Vendor(_) | EventCode::Other(_)
        )
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_wire())
    }
}

impl From<&str> for EventCode {
    fn from(s: &str) -> Self {
        EventCode::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EventCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_wire())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for EventCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Ok(EventCode::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_codes_round_trip() {
        for (text, code) in NUMBERED.iter() {
            assert_eq!(&EventCode::parse(text), code);
            assert_eq!(code.as_wire(), *text);
        }
    }

    #[test]
    fn method_vendor_and_unknown_codes_are_kept() {
        assert_eq!(EventCode::parse("M Reboot"), EventCode::method("Reboot"));
        assert_eq!(EventCode::parse("M Reboot").as_wire(), "M Reboot");
        assert_eq!(
            EventCode::parse("X 00D09E Restart").as_wire(),
            "X 00D09E Restart"
        );
        assert_eq!(
            EventCode::parse("99 NEW EVENT"),
            EventCode::Other("99 NEW EVENT".into())
        );
        assert_eq!(EventCode::parse(" 1 Boot "), EventCode::Boot);
    }

    #[test]
    fn retention_rules() {
        assert!(EventCode::Bootstrap.survives_reboot());
        assert!(EventCode::method("Download").survives_reboot());
        assert!(!EventCode::Boot.survives_reboot());
        assert!(!EventCode::ValueChange.survives_reboot());
        assert!(!EventCode::ConnectionRequest.retried_after_failure());
        assert!(EventCode::ValueChange.retried_after_failure());
    }
}
