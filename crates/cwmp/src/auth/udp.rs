//! UDP connection requests (TR-069 Annex G, from TR-111 part 2): an HTTP-formatted GET in one
//! datagram, signed with HMAC-SHA1 under the connection-request password.
//!
//! ```text
//! GET http://10.1.1.1:8080?ts=1120673700&id=1234&un=CPE57689&cn=XTGRWIPC6D3IPXS3&sig=<40 hex> HTTP/1.1
//! Host: 10.1.1.1:8080
//! ```
//!
//! `sig` is the hexadecimal HMAC-SHA1 of the concatenated values of `ts`, `id`, `un` and `cn`
//! (nothing between them), keyed with ConnectionRequestPassword. The CPE checks the
//! signature, that `ts` is within a window of its clock, that `un` is its
//! ConnectionRequestUsername, and that `id` is new (the ACS sends each request several times).

use super::{AuthError, hex, hex_eq};
use hmac::{Hmac, Mac};
use sha1::Sha1;
use std::collections::VecDeque;

/// A parsed UDP connection request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdpRequest {
    /// Unix seconds when the ACS sent it.
    pub ts: u64,
    /// Message id: the same for every copy of one request.
    pub id: String,
    /// Compare with ConnectionRequestUsername.
    pub username: String,
    pub cnonce: String,
    /// The hexadecimal signature as sent.
    pub sig: String,
    /// The `host:port` of the request-target (empty when the target had none).
    pub host: String,
}

/// The hexadecimal (lower-case) HMAC-SHA1 of `ts id un cn` keyed with `password`.
pub fn sign(ts: u64, id: &str, username: &str, cnonce: &str, password: &str) -> String {
    let mut mac =
        Hmac::<Sha1>::new_from_slice(password.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(ts.to_string().as_bytes());
    mac.update(id.as_bytes());
    mac.update(username.as_bytes());
    mac.update(cnonce.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// The signed request line: `GET http://<host_port>?ts=..&id=..&un=..&cn=..&sig=.. HTTP/1.1`.
pub fn request_line(
    host_port: &str,
    ts: u64,
    id: &str,
    username: &str,
    cnonce: &str,
    password: &str,
) -> String {
    let sig = sign(ts, id, username, cnonce, password);
    format!(
        "GET http://{host_port}?ts={ts}&id={}&un={}&cn={}&sig={sig} HTTP/1.1",
        encode(id),
        encode(username),
        encode(cnonce),
    )
}

/// The whole datagram: the request line and a `Host` header.
pub fn message(
    host_port: &str,
    ts: u64,
    id: &str,
    username: &str,
    cnonce: &str,
    password: &str,
) -> String {
    format!(
        "{}\r\nHost: {host_port}\r\n\r\n",
        request_line(host_port, ts, id, username, cnonce, password)
    )
}

/// Parses a datagram without checking its signature.
pub fn parse(message: &[u8]) -> Result<UdpRequest, AuthError> {
    let malformed = |what: &str| AuthError::Malformed(format!("UDP connection request: {what}"));
    let text = std::str::from_utf8(message).map_err(|_| malformed("not UTF-8"))?;
    let line = text.lines().next().unwrap_or_default();
    let mut parts = line.split_ascii_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed("bad request line"));
    };
    if method != "GET" {
        return Err(malformed("method is not GET"));
    }
    if !version.starts_with("HTTP/1.") {
        return Err(malformed("not HTTP/1.x"));
    }
    let (before, query) = target
        .split_once('?')
        .ok_or_else(|| malformed("no query"))?;
    let host = before
        .split_once("://")
        .map(|(_, rest)| rest.split('/').next().unwrap_or_default())
        .unwrap_or_default()
        .to_string();
    let (mut ts, mut id, mut un, mut cn, mut sig) = (None, None, None, None, None);
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let slot = match key {
            "ts" => &mut ts,
            "id" => &mut id,
            "un" => &mut un,
            "cn" => &mut cn,
            "sig" => &mut sig,
            _ => continue,
        };
        if slot.is_some() {
            return Err(malformed("repeated field"));
        }
        *slot = Some(decode(value).ok_or_else(|| malformed("bad percent-encoding"))?);
    }
    let ts = ts.ok_or(AuthError::MissingField("ts"))?;
    Ok(UdpRequest {
        ts: ts.parse().map_err(|_| malformed("ts is not a number"))?,
        id: id.ok_or(AuthError::MissingField("id"))?,
        username: un.ok_or(AuthError::MissingField("un"))?,
        cnonce: cn.ok_or(AuthError::MissingField("cn"))?,
        sig: sig.ok_or(AuthError::MissingField("sig"))?,
        host,
    })
}

/// Parses a datagram and checks its signature under `password` and that `ts` is within
/// `window` seconds of `now` (either side). The caller still compares the user name and
/// drops repeated ids (see [`ReplayGuard`]).
pub fn verify(
    message: impl AsRef<[u8]>,
    password: &str,
    now: u64,
    window: u64,
) -> Result<UdpRequest, AuthError> {
    let request = parse(message.as_ref())?;
    let expected = sign(
        request.ts,
        &request.id,
        &request.username,
        &request.cnonce,
        password,
    );
    if !hex_eq(&expected, &request.sig) {
        return Err(AuthError::BadCredentials);
    }
    if now.abs_diff(request.ts) > window {
        return Err(AuthError::Expired);
    }
    Ok(request)
}

/// Remembers the ids of recent requests, so each request starts one session however many
/// copies of it arrive.
#[derive(Debug, Clone)]
pub struct ReplayGuard {
    recent: VecDeque<String>,
    capacity: usize,
}

impl ReplayGuard {
    /// Remembers the last `capacity` ids (at least one).
    pub fn new(capacity: usize) -> ReplayGuard {
        ReplayGuard {
            recent: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// Accepts a request id once: [`AuthError::Replayed`] when seen before.
    pub fn check(&mut self, request: &UdpRequest) -> Result<(), AuthError> {
        if self.recent.iter().any(|id| *id == request.id) {
            return Err(AuthError::Replayed);
        }
        if self.recent.len() == self.capacity {
            self.recent.pop_front();
        }
        self.recent.push_back(request.id.clone());
        Ok(())
    }
}

/// Percent-encodes all but RFC 3986 unreserved characters.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let digits = bytes.get(i + 1..i + 3)?;
            if !digits.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
#[path = "udp_tests.rs"]
mod tests;
