//! CWMP protocol versions and the XML namespaces that carry them.

use std::fmt;
use std::str::FromStr;

/// A CWMP protocol version.
///
/// CWMP 1.3 and 1.4 kept the `cwmp-1-2` namespace, so the namespace alone cannot tell 1.2, 1.3
/// and 1.4 apart; the `SupportedCWMPVersions` / `UseCWMPVersion` headers do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CwmpVersion {
    #[cfg_attr(feature = "serde", serde(rename = "1.0"))]
    V1_0,
    #[cfg_attr(feature = "serde", serde(rename = "1.1"))]
    V1_1,
    #[cfg_attr(feature = "serde", serde(rename = "1.2"))]
    V1_2,
    #[cfg_attr(feature = "serde", serde(rename = "1.3"))]
    V1_3,
    #[cfg_attr(feature = "serde", serde(rename = "1.4"))]
    V1_4,
}

impl CwmpVersion {
    pub const ALL: [CwmpVersion; 5] = [
        CwmpVersion::V1_0,
        CwmpVersion::V1_1,
        CwmpVersion::V1_2,
        CwmpVersion::V1_3,
        CwmpVersion::V1_4,
    ];

    /// The newest version this crate speaks.
    pub const LATEST: CwmpVersion = CwmpVersion::V1_4;

    pub fn as_str(self) -> &'static str {
        match self {
            CwmpVersion::V1_0 => "1.0",
            CwmpVersion::V1_1 => "1.1",
            CwmpVersion::V1_2 => "1.2",
            CwmpVersion::V1_3 => "1.3",
            CwmpVersion::V1_4 => "1.4",
        }
    }

    /// The namespace the Broadband Forum's schema defines for this version.
    pub fn standard_namespace(self) -> Namespace {
        match self {
            CwmpVersion::V1_0 => Namespace::Cwmp10,
            CwmpVersion::V1_1 => Namespace::Cwmp11,
            CwmpVersion::V1_2 | CwmpVersion::V1_3 | CwmpVersion::V1_4 => Namespace::Cwmp12,
        }
    }
}

impl fmt::Display for CwmpVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The version string was not one of `1.0` ... `1.4`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown CWMP version {0:?} (expected 1.0, 1.1, 1.2, 1.3 or 1.4)")]
pub struct UnknownVersion(pub String);

impl FromStr for CwmpVersion {
    type Err = UnknownVersion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "1.0" => Ok(CwmpVersion::V1_0),
            "1.1" => Ok(CwmpVersion::V1_1),
            "1.2" => Ok(CwmpVersion::V1_2),
            "1.3" => Ok(CwmpVersion::V1_3),
            "1.4" => Ok(CwmpVersion::V1_4),
            other => Err(UnknownVersion(other.to_string())),
        }
    }
}

/// The `cwmp` XML namespace of an envelope.
///
/// `Cwmp13` and `Cwmp14` are not defined by any schema, but some devices send them; we accept
/// them and answer in the same namespace so such devices understand us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Namespace {
    #[cfg_attr(feature = "serde", serde(rename = "urn:dslforum-org:cwmp-1-0"))]
    Cwmp10,
    #[cfg_attr(feature = "serde", serde(rename = "urn:dslforum-org:cwmp-1-1"))]
    Cwmp11,
    #[cfg_attr(feature = "serde", serde(rename = "urn:dslforum-org:cwmp-1-2"))]
    Cwmp12,
    #[cfg_attr(feature = "serde", serde(rename = "urn:dslforum-org:cwmp-1-3"))]
    Cwmp13,
    #[cfg_attr(feature = "serde", serde(rename = "urn:dslforum-org:cwmp-1-4"))]
    Cwmp14,
}

impl Namespace {
    pub fn uri(self) -> &'static str {
        match self {
            Namespace::Cwmp10 => "urn:dslforum-org:cwmp-1-0",
            Namespace::Cwmp11 => "urn:dslforum-org:cwmp-1-1",
            Namespace::Cwmp12 => "urn:dslforum-org:cwmp-1-2",
            Namespace::Cwmp13 => "urn:dslforum-org:cwmp-1-3",
            Namespace::Cwmp14 => "urn:dslforum-org:cwmp-1-4",
        }
    }

    /// Recognises a cwmp namespace URI; surrounding whitespace and a trailing slash are
    /// tolerated because some stacks add them.
    pub fn from_uri(uri: &str) -> Option<Namespace> {
        let uri = uri.trim().trim_end_matches('/');
        let rest = uri.strip_prefix("urn:dslforum-org:cwmp-")?;
        match rest {
            "1-0" => Some(Namespace::Cwmp10),
            "1-1" => Some(Namespace::Cwmp11),
            "1-2" => Some(Namespace::Cwmp12),
            "1-3" => Some(Namespace::Cwmp13),
            "1-4" => Some(Namespace::Cwmp14),
            _ => None,
        }
    }

    /// The lowest protocol version this namespace implies.
    pub fn version(self) -> CwmpVersion {
        match self {
            Namespace::Cwmp10 => CwmpVersion::V1_0,
            Namespace::Cwmp11 => CwmpVersion::V1_1,
            Namespace::Cwmp12 => CwmpVersion::V1_2,
            Namespace::Cwmp13 => CwmpVersion::V1_3,
            Namespace::Cwmp14 => CwmpVersion::V1_4,
        }
    }
}

impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.uri())
    }
}

/// Parses a `SupportedCWMPVersions` header value (`"1.0,1.1,1.2"`), skipping entries this
/// crate does not know so that a newer peer does not break negotiation.
pub fn parse_version_list(s: &str) -> Vec<CwmpVersion> {
    s.split(',').filter_map(|v| v.parse().ok()).collect()
}

/// Picks the version to use with a peer that supports `peer`: the highest version both sides
/// know, never above `ours`. `None` when there is nothing in common.
pub fn negotiate(ours: CwmpVersion, peer: &[CwmpVersion]) -> Option<CwmpVersion> {
    peer.iter().copied().filter(|v| *v <= ours).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_round_trip() {
        for ns in [
            Namespace::Cwmp10,
            Namespace::Cwmp11,
            Namespace::Cwmp12,
            Namespace::Cwmp13,
            Namespace::Cwmp14,
        ] {
            assert_eq!(Namespace::from_uri(ns.uri()), Some(ns));
        }
        assert_eq!(
            Namespace::from_uri(" urn:dslforum-org:cwmp-1-0/ "),
            Some(Namespace::Cwmp10)
        );
        assert_eq!(Namespace::from_uri("urn:dslforum-org:cwmp-2-0"), None);
    }

    #[test]
    fn newer_versions_keep_the_1_2_namespace() {
        assert_eq!(CwmpVersion::V1_4.standard_namespace(), Namespace::Cwmp12);
        assert_eq!(CwmpVersion::V1_1.standard_namespace(), Namespace::Cwmp11);
    }

    #[test]
    fn negotiation_picks_highest_common() {
        let peer = parse_version_list("1.0,1.1,1.2,1.9");
        assert_eq!(
            peer,
            vec![CwmpVersion::V1_0, CwmpVersion::V1_1, CwmpVersion::V1_2]
        );
        assert_eq!(negotiate(CwmpVersion::V1_4, &peer), Some(CwmpVersion::V1_2));
        assert_eq!(negotiate(CwmpVersion::V1_1, &peer), Some(CwmpVersion::V1_1));
        assert_eq!(negotiate(CwmpVersion::V1_0, &[CwmpVersion::V1_2]), None);
    }
}
