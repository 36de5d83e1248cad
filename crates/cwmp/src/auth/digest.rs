//! HTTP digest authentication (RFC 7616, which obsoletes RFC 2617): the challenge, the
//! client's `Authorization`, and (in [`DigestServer`]) a server that needs no nonce storage.
//!
//! Algorithms MD5, SHA-256 and SHA-512-256, each also in its `-sess` form. Quality of
//! protection `auth`, and the legacy form without `qop` (RFC 2069) that old devices still
//! use. `auth-int` is not supported: CWMP peers do not use it.

use super::params::{AuthItem, parse_auth_header, quote};
use super::{AuthError, hex};
use md5::Md5;
use sha2::{Digest, Sha256, Sha512_256};

pub use super::digest_server::{DEFAULT_NONCE_LIFETIME, DigestServer};

/// The hash a challenge asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DigestAlgorithm {
    /// The default when a challenge names none.
    #[default]
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
    Sha512_256,
    Sha512_256Sess,
}

impl DigestAlgorithm {
    pub const ALL: [DigestAlgorithm; 6] = [
        DigestAlgorithm::Md5,
        DigestAlgorithm::Md5Sess,
        DigestAlgorithm::Sha256,
        DigestAlgorithm::Sha256Sess,
        DigestAlgorithm::Sha512_256,
        DigestAlgorithm::Sha512_256Sess,
    ];

    /// Reads an `algorithm` value, ignoring case.
    pub fn parse(name: &str) -> Option<DigestAlgorithm> {
        DigestAlgorithm::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The name as RFC 7616 writes it.
    pub fn name(self) -> &'static str {
        match self {
            DigestAlgorithm::Md5 => "MD5",
            DigestAlgorithm::Md5Sess => "MD5-sess",
            DigestAlgorithm::Sha256 => "SHA-256",
            DigestAlgorithm::Sha256Sess => "SHA-256-sess",
            DigestAlgorithm::Sha512_256 => "SHA-512-256",
            DigestAlgorithm::Sha512_256Sess => "SHA-512-256-sess",
        }
    }

    /// Whether A1 includes the nonce and cnonce (the `-sess` variants).
    pub fn is_session(self) -> bool {
        matches!(
            self,
            DigestAlgorithm::Md5Sess
                | DigestAlgorithm::Sha256Sess
                | DigestAlgorithm::Sha512_256Sess
        )
    }

    /// The hash of `data`, in lower-case hexadecimal.
    pub fn hash(self, data: &str) -> String {
        match self {
            DigestAlgorithm::Md5 | DigestAlgorithm::Md5Sess => hex(&Md5::digest(data)),
            DigestAlgorithm::Sha256 | DigestAlgorithm::Sha256Sess => hex(&Sha256::digest(data)),
            DigestAlgorithm::Sha512_256 | DigestAlgorithm::Sha512_256Sess => {
                hex(&Sha512_256::digest(data))
            }
        }
    }
}

impl std::fmt::Display for DigestAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Quality of protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qop {
    /// Authentication only: the one supported here.
    Auth,
    /// Authentication with integrity of the body: recognised, not supported.
    AuthInt,
}

impl Qop {
    pub fn parse(value: &str) -> Option<Qop> {
        match value.trim() {
            v if v.eq_ignore_ascii_case("auth") => Some(Qop::Auth),
            v if v.eq_ignore_ascii_case("auth-int") => Some(Qop::AuthInt),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Qop::Auth => "auth",
            Qop::AuthInt => "auth-int",
        }
    }
}

/// A digest challenge from `WWW-Authenticate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestChallenge {
    pub realm: String,
    pub nonce: String,
    pub opaque: Option<String>,
    pub algorithm: DigestAlgorithm,
    /// The qualities offered; empty for a legacy (RFC 2069) challenge.
    pub qop: Vec<Qop>,
    /// The previous nonce was right but expired: retry with this one without asking the user.
    pub stale: bool,
}

impl DigestChallenge {
    /// Reads the first digest challenge with a supported algorithm from a `WWW-Authenticate`
    /// value, which may hold several challenges of several schemes.
    pub fn parse(www_authenticate: &str) -> Result<DigestChallenge, AuthError> {
        let items = parse_auth_header(www_authenticate)?;
        let mut first_error = None;
        for item in items.iter().filter(|i| i.is("Digest")) {
            match DigestChallenge::from_item(item) {
                Ok(c) => return Ok(c),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or(AuthError::WrongScheme("Digest")))
    }

    fn from_item(item: &AuthItem) -> Result<DigestChallenge, AuthError> {
        let algorithm = match item.get("algorithm") {
            None => DigestAlgorithm::Md5,
            Some(a) => DigestAlgorithm::parse(a)
                .ok_or_else(|| AuthError::UnsupportedAlgorithm(a.to_string()))?,
        };
        let qop = match item.get("qop") {
            None => Vec::new(),
            Some(list) => {
                let known: Vec<Qop> = list.split(',').filter_map(Qop::parse).collect();
                if known.is_empty() {
                    return Err(AuthError::UnsupportedQop(list.to_string()));
                }
                known
            }
        };
        Ok(DigestChallenge {
            realm: item.get("realm").unwrap_or_default().to_string(),
            nonce: item
                .get("nonce")
                .ok_or(AuthError::MissingField("nonce"))?
                .to_string(),
            opaque: item.get("opaque").map(str::to_string),
            algorithm,
            qop,
            stale: item
                .get("stale")
                .is_some_and(|s| s.trim().eq_ignore_ascii_case("true")),
        })
    }

    /// The `WWW-Authenticate` value announcing this challenge.
    pub fn to_header(&self) -> String {
        let mut out = format!("Digest realm={}", quote(&self.realm));
        if !self.qop.is_empty() {
            let list: Vec<&str> = self.qop.iter().map(|q| q.name()).collect();
            out.push_str(&format!(", qop={}", quote(&list.join(","))));
        }
        out.push_str(&format!(", nonce={}", quote(&self.nonce)));
        if let Some(opaque) = &self.opaque {
            out.push_str(&format!(", opaque={}", quote(opaque)));
        }
        out.push_str(&format!(", algorithm={}", self.algorithm));
        if self.stale {
            out.push_str(", stale=true");
        }
        out
    }
}

/// The inputs of a digest `response`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResponseInput<'a> {
    pub algorithm: DigestAlgorithm,
    pub username: &'a str,
    pub realm: &'a str,
    pub password: &'a str,
    pub nonce: &'a str,
    pub method: &'a str,
    pub uri: &'a str,
    /// `(nc, cnonce)` with qop=auth; `None` for the legacy form.
    pub qop_auth: Option<(&'a str, &'a str)>,
    /// The cnonce for `-sess` algorithms without qop (rare, kept for completeness).
    pub cnonce: Option<&'a str>,
}

/// The `response` value: RFC 7616 section 3.4.1.
pub(crate) fn compute_response(i: &ResponseInput<'_>) -> String {
    let h = |s: &str| i.algorithm.hash(s);
    let mut ha1 = h(&format!("{}:{}:{}", i.username, i.realm, i.password));
    if i.algorithm.is_session() {
        let cnonce = i.qop_auth.map(|(_, c)| c).or(i.cnonce).unwrap_or_default();
        ha1 = h(&format!("{ha1}:{}:{cnonce}", i.nonce));
    }
    let ha2 = h(&format!("{}:{}", i.method, i.uri));
    match i.qop_auth {
        Some((nc, cnonce)) => h(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", i.nonce)),
        None => h(&format!("{ha1}:{}:{ha2}", i.nonce)),
    }
}

/// A digest `Authorization` header as the server reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestCredentials {
    pub username: String,
    pub realm: String,
    pub nonce: String,
    pub uri: String,
    /// The client's response hash, hexadecimal.
    pub response: String,
    pub algorithm: DigestAlgorithm,
    pub qop: Option<Qop>,
    /// The nonce count as written (eight hex digits).
    pub nc: Option<String>,
    pub cnonce: Option<String>,
    pub opaque: Option<String>,
}

impl DigestCredentials {
    /// Reads the digest credentials from an `Authorization` value.
    pub fn parse(authorization: &str) -> Result<DigestCredentials, AuthError> {
        let items = parse_auth_header(authorization)?;
        let item = items
            .iter()
            .find(|i| i.is("Digest"))
            .ok_or(AuthError::WrongScheme("Digest"))?;
        let field = |name: &'static str| {
            item.get(name)
                .map(str::to_string)
                .ok_or(AuthError::MissingField(name))
        };
        let algorithm = match item.get("algorithm") {
            None => DigestAlgorithm::Md5,
            Some(a) => DigestAlgorithm::parse(a)
                .ok_or_else(|| AuthError::UnsupportedAlgorithm(a.to_string()))?,
        };
        let qop = match item.get("qop") {
            None => None,
            Some(q) => Some(Qop::parse(q).ok_or_else(|| AuthError::UnsupportedQop(q.into()))?),
        };
        Ok(DigestCredentials {
            username: field("username")?,
            realm: field("realm")?,
            nonce: field("nonce")?,
            uri: field("uri")?,
            response: field("response")?,
            algorithm,
            qop,
            nc: item.get("nc").map(str::to_string),
            cnonce: item.get("cnonce").map(str::to_string),
            opaque: item.get("opaque").map(str::to_string),
        })
    }

    /// The response a client knowing `password` would have sent for `method`.
    pub fn expected_response(&self, method: &str, password: &str) -> Result<String, AuthError> {
        let qop_auth = match self.qop {
            None => None,
            Some(Qop::Auth) => Some((
                self.nc.as_deref().ok_or(AuthError::MissingField("nc"))?,
                self.cnonce
                    .as_deref()
                    .ok_or(AuthError::MissingField("cnonce"))?,
            )),
            Some(Qop::AuthInt) => return Err(AuthError::UnsupportedQop("auth-int".into())),
        };
        Ok(compute_response(&ResponseInput {
            algorithm: self.algorithm,
            username: &self.username,
            realm: &self.realm,
            password,
            nonce: &self.nonce,
            method,
            uri: &self.uri,
            qop_auth,
            cnonce: self.cnonce.as_deref(),
        }))
    }
}

/// The client side: answers one challenge, counting its uses of the nonce, so one challenge
/// serves every request of a session.
#[derive(Clone)]
pub struct DigestClient {
    challenge: DigestChallenge,
    username: String,
    password: String,
    nc: u32,
}

impl std::fmt::Debug for DigestClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DigestClient")
            .field("challenge", &self.challenge)
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("nc", &self.nc)
            .finish()
    }
}

impl DigestClient {
    pub fn new(
        challenge: DigestChallenge,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> DigestClient {
        DigestClient {
            challenge,
            username: username.into(),
            password: password.into(),
            nc: 0,
        }
    }

    pub fn challenge(&self) -> &DigestChallenge {
        &self.challenge
    }

    /// How many `Authorization` values were made with the current nonce.
    pub fn nc(&self) -> u32 {
        self.nc
    }

    /// Adopts a new challenge (after a 401, e.g. `stale=true`); the count restarts when the
    /// nonce changes.
    pub fn update_challenge(&mut self, challenge: DigestChallenge) {
        if challenge.nonce != self.challenge.nonce {
            self.nc = 0;
        }
        self.challenge = challenge;
    }

    /// The `Authorization` value for one request. `uri` is the request-target as sent
    /// (path and query); `cnonce` a fresh client nonce (printable, no quotes needed).
    /// Uses qop=auth when offered (incrementing `nc`), the legacy form otherwise.
    pub fn authorization(&mut self, method: &str, uri: &str, cnonce: &str) -> String {
        let c = &self.challenge;
        let use_qop = c.qop.contains(&Qop::Auth);
        let nc = if use_qop {
            self.nc = self.nc.wrapping_add(1);
            Some(format!("{:08x}", self.nc))
        } else {
            None
        };
        let response = compute_response(&ResponseInput {
            algorithm: c.algorithm,
            username: &self.username,
            realm: &c.realm,
            password: &self.password,
            nonce: &c.nonce,
            method,
            uri,
            qop_auth: nc.as_deref().map(|nc| (nc, cnonce)),
            cnonce: Some(cnonce),
        });
        let mut out = format!(
            "Digest username={}, realm={}, nonce={}, uri={}, algorithm={}, response={}",
            quote(&self.username),
            quote(&c.realm),
            quote(&c.nonce),
            quote(uri),
            c.algorithm,
            quote(&response),
        );
        if let Some(nc) = nc {
            out.push_str(&format!(", qop=auth, nc={nc}, cnonce={}", quote(cnonce)));
        } else if c.algorithm.is_session() {
            out.push_str(&format!(", cnonce={}", quote(cnonce)));
        }
        if let Some(opaque) = &c.opaque {
            out.push_str(&format!(", opaque={}", quote(opaque)));
        }
        out
    }
}

#[cfg(test)]
#[path = "digest_tests.rs"]
mod tests;
