//! HTTP basic authentication (RFC 7617). It sends the password in the clear: use it only
//! over TLS.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The `Authorization` value for `username` and `password` (UTF-8).
pub fn basic_authorization(username: &str, password: &str) -> String {
    format!(
        "Basic {}",
        STANDARD.encode(format!("{username}:{password}"))
    )
}

/// Reads `(username, password)` from a basic `Authorization` value: the scheme in any case,
/// the user name up to the first colon. `None` for anything else.
pub fn parse_basic(header: &str) -> Option<(String, String)> {
    let header = header.trim();
    let (scheme, data) = header.split_once([' ', '\t'])?;
    if !scheme.eq_ignore_ascii_case("Basic") {
        return None;
    }
    let bytes = STANDARD.decode(data.trim()).ok()?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        // Older clients send ISO-8859-1.
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    let (user, pass) = text.split_once(':')?;
    Some((user.to_string(), pass.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7617_example() {
        // RFC 7617 section 2.
        assert_eq!(
            basic_authorization("Aladdin", "open sesame"),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(
            parse_basic("basic   QWxhZGRpbjpvcGVuIHNlc2FtZQ== "),
            Some(("Aladdin".into(), "open sesame".into()))
        );
    }

    #[test]
    fn passwords_may_hold_colons_and_utf8() {
        let header = basic_authorization("cpé", "a:b:c");
        assert_eq!(parse_basic(&header), Some(("cpé".into(), "a:b:c".into())));
        assert_eq!(
            parse_basic(&basic_authorization("", "")),
            Some((String::new(), String::new()))
        );
    }

    #[test]
    fn latin1_is_read_as_such() {
        let header = format!("Basic {}", STANDARD.encode(b"caf\xe9:pw"));
        assert_eq!(parse_basic(&header), Some(("café".into(), "pw".into())));
    }

    #[test]
    fn other_input_is_refused() {
        assert_eq!(parse_basic("Digest username=\"x\""), None);
        assert_eq!(parse_basic("Basic !!!"), None);
        assert_eq!(parse_basic("Basic"), None);
        // No colon.
        assert_eq!(
            parse_basic(&format!("Basic {}", STANDARD.encode("user"))),
            None
        );
    }
}
