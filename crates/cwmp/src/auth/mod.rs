//! HTTP authentication helpers, without IO: digest (RFC 7616 / RFC 2617) for both the client
//! and the server side, basic (RFC 7617), and the signed UDP connection requests of TR-069
//! Annex G (TR-111 part 2).
//!
//! Both peers of CWMP authenticate over HTTP: the CPE to the ACS on every session, the ACS to
//! the CPE on every connection request. These helpers compute and check header values; the
//! HTTP layers move them.

pub mod basic;
pub mod digest;
mod digest_server;
mod params;
pub mod udp;

pub use basic::{basic_authorization, parse_basic};
pub use digest::{
    DigestAlgorithm, DigestChallenge, DigestClient, DigestCredentials, DigestServer, Qop,
};

/// Why authentication data was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// The header could not be parsed.
    #[error("malformed authentication header: {0}")]
    Malformed(String),
    /// No challenge or credentials of the expected scheme.
    #[error("no {0} authentication in the header")]
    WrongScheme(&'static str),
    /// A required field is absent.
    #[error("missing `{0}` in the authentication header")]
    MissingField(&'static str),
    /// The digest algorithm is unknown or not the one the server offered.
    #[error("unsupported digest algorithm `{0}`")]
    UnsupportedAlgorithm(String),
    /// The quality of protection is unsupported or not the one required.
    #[error("unsupported quality of protection `{0}`")]
    UnsupportedQop(String),
    /// The realm is not the server's.
    #[error("wrong realm")]
    RealmMismatch,
    /// The digest-uri does not name the requested resource.
    #[error("digest uri does not match the request")]
    UriMismatch,
    /// The nonce (or opaque) was not issued by this server, or was altered.
    #[error("nonce not issued by this server")]
    BadNonce,
    /// Unknown user or wrong password. The two are not told apart, so a peer cannot probe
    /// user names.
    #[error("bad credentials")]
    BadCredentials,
    /// The credentials are right but the nonce has expired: challenge again with
    /// `stale=true`, so the client retries without asking its user.
    #[error("stale nonce")]
    Stale,
    /// A signed message (UDP connection request) is outside the accepted time window.
    #[error("timestamp outside the accepted window")]
    Expired,
    /// A signed message was seen before.
    #[error("replayed message")]
    Replayed,
}

/// The schemes of the challenges in a `WWW-Authenticate` value, in order (empty when the
/// value is malformed), e.g. to see whether an ACS offers `Basic`.
pub fn challenge_schemes(www_authenticate: &str) -> Vec<String> {
    params::parse_auth_header(www_authenticate)
        .map(|items| items.into_iter().map(|i| i.scheme).collect())
        .unwrap_or_default()
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}

/// Compares two byte strings in time that depends only on their lengths.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Compares hexadecimal strings ignoring case, in time that depends only on their lengths.
pub(crate) fn hex_eq(a: &str, b: &str) -> bool {
    let a = a.to_ascii_lowercase();
    let b = b.to_ascii_lowercase();
    constant_time_eq(a.as_bytes(), b.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lower_case_and_complete() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }

    #[test]
    fn schemes_of_a_header() {
        assert_eq!(
            challenge_schemes(r#"Basic realm="a", Digest realm="b", nonce="n""#),
            vec!["Basic".to_string(), "Digest".to_string()]
        );
        assert!(challenge_schemes(r#"Digest realm="open"#).is_empty());
    }

    #[test]
    fn comparisons() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(hex_eq("00FFaa", "00ffAA"));
        assert!(!hex_eq("00ff", "00fe"));
    }
}
