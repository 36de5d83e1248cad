//! The server side of digest authentication, without nonce storage.
//!
//! A nonce is `<time>-<counter>-<mac>`: the issue time (unix seconds, hex), a counter that
//! makes nonces issued in the same second differ, and a truncated HMAC-SHA256 over both and
//! the realm under the server's secret key. Verifying it needs only the key, so any number of
//! clients (or server nodes sharing the key) cost no memory. Being stateless, the server does
//! not track `nc`: a captured request can be replayed until its nonce expires, which the
//! nonce lifetime bounds (TLS removes the capture).

use super::digest::{DigestAlgorithm, DigestChallenge, DigestCredentials, Qop};
use super::{AuthError, constant_time_eq, hex, hex_eq};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::atomic::{AtomicU64, Ordering};

/// Default nonce lifetime: five minutes.
pub const DEFAULT_NONCE_LIFETIME: u64 = 300;

/// Nonces dated this far ahead of the server's clock are still accepted (clock steps).
const FUTURE_SKEW: u64 = 60;

/// Issues digest challenges and verifies the answers.
pub struct DigestServer {
    realm: String,
    key: Vec<u8>,
    algorithm: DigestAlgorithm,
    nonce_lifetime: u64,
    allow_legacy: bool,
    counter: AtomicU64,
}

impl std::fmt::Debug for DigestServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DigestServer")
            .field("realm", &self.realm)
            .field("key", &"<redacted>")
            .field("algorithm", &self.algorithm)
            .field("nonce_lifetime", &self.nonce_lifetime)
            .field("allow_legacy", &self.allow_legacy)
            .finish()
    }
}

impl DigestServer {
    /// A server for `realm` that signs its nonces with `secret_key`, offering MD5 (what
    /// CWMP peers support) with qop=auth and a nonce lifetime of
    /// [`DEFAULT_NONCE_LIFETIME`] seconds.
    pub fn new(realm: impl Into<String>, secret_key: impl AsRef<[u8]>) -> DigestServer {
        DigestServer {
            realm: realm.into(),
            key: secret_key.as_ref().to_vec(),
            algorithm: DigestAlgorithm::Md5,
            nonce_lifetime: DEFAULT_NONCE_LIFETIME,
            allow_legacy: false,
            counter: AtomicU64::new(0),
        }
    }

    /// Offers and requires `algorithm` instead of MD5.
    pub fn with_algorithm(mut self, algorithm: DigestAlgorithm) -> DigestServer {
        self.algorithm = algorithm;
        self
    }

    /// Nonces older than `seconds` are stale.
    pub fn with_nonce_lifetime(mut self, seconds: u64) -> DigestServer {
        self.nonce_lifetime = seconds;
        self
    }

    /// Also accepts answers without `qop` (RFC 2069), as some old devices send.
    pub fn with_legacy_clients(mut self, allow: bool) -> DigestServer {
        self.allow_legacy = allow;
        self
    }

    pub fn realm(&self) -> &str {
        &self.realm
    }

    fn mac(&self, label: &str, data: &str) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC accepts keys of any length");
        mac.update(label.as_bytes());
        mac.update(b"\0");
        mac.update(self.realm.as_bytes());
        mac.update(b"\0");
        mac.update(data.as_bytes());
        hex(&mac.finalize().into_bytes()[..16])
    }

    fn opaque(&self) -> String {
        self.mac("opaque", "")
    }

    fn nonce(&self, now_unix: u64) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let stamp = format!("{now_unix:x}-{n:x}");
        let mac = self.mac("nonce", &stamp);
        format!("{stamp}-{mac}")
    }

    /// Checks the nonce's MAC and returns its issue time.
    fn nonce_time(&self, nonce: &str) -> Result<u64, AuthError> {
        let (stamp, mac) = nonce.rsplit_once('-').ok_or(AuthError::BadNonce)?;
        if !constant_time_eq(self.mac("nonce", stamp).as_bytes(), mac.as_bytes()) {
            return Err(AuthError::BadNonce);
        }
        let (time, _) = stamp.split_once('-').ok_or(AuthError::BadNonce)?;
        u64::from_str_radix(time, 16).map_err(|_| AuthError::BadNonce)
    }

    /// The challenge as a struct (for callers that want to adjust it).
    pub fn challenge_struct(&self, now_unix: u64, stale: bool) -> DigestChallenge {
        DigestChallenge {
            realm: self.realm.clone(),
            nonce: self.nonce(now_unix),
            opaque: Some(self.opaque()),
            algorithm: self.algorithm,
            qop: vec![Qop::Auth],
            stale,
        }
    }

    /// A `WWW-Authenticate` value with a fresh nonce; `stale` after [`AuthError::Stale`].
    pub fn challenge(&self, now_unix: u64, stale: bool) -> String {
        self.challenge_struct(now_unix, stale).to_header()
    }

    /// Verifies an `Authorization` value for a request with `method`, without comparing the
    /// digest-uri to the request (see [`DigestServer::verify_request`]). Returns the user name.
    /// `lookup_password` gives the password of a user, `None` for an unknown one.
    pub fn verify(
        &self,
        authorization: &str,
        method: &str,
        now_unix: u64,
        lookup_password: impl Fn(&str) -> Option<String>,
    ) -> Result<String, AuthError> {
        self.check(authorization, method, None, now_unix, lookup_password)
    }

    /// Like [`DigestServer::verify`], and the digest-uri must name `request_uri` (origin or
    /// absolute form, compared by path and query).
    pub fn verify_request(
        &self,
        authorization: &str,
        method: &str,
        request_uri: &str,
        now_unix: u64,
        lookup_password: impl Fn(&str) -> Option<String>,
    ) -> Result<String, AuthError> {
        self.check(
            authorization,
            method,
            Some(request_uri),
            now_unix,
            lookup_password,
        )
    }

    fn check(
        &self,
        authorization: &str,
        method: &str,
        request_uri: Option<&str>,
        now_unix: u64,
        lookup_password: impl Fn(&str) -> Option<String>,
    ) -> Result<String, AuthError> {
        let creds = DigestCredentials::parse(authorization)?;
        if creds.realm != self.realm {
            return Err(AuthError::RealmMismatch);
        }
        if creds.algorithm != self.algorithm {
            return Err(AuthError::UnsupportedAlgorithm(
                creds.algorithm.name().into(),
            ));
        }
        match creds.qop {
            Some(Qop::Auth) => {
                let nc = creds.nc.as_deref().ok_or(AuthError::MissingField("nc"))?;
                if nc.len() != 8 || u32::from_str_radix(nc, 16).is_err() {
                    return Err(AuthError::Malformed(format!("bad nc `{nc}`")));
                }
                creds
                    .cnonce
                    .as_deref()
                    .ok_or(AuthError::MissingField("cnonce"))?;
            }
            Some(Qop::AuthInt) => return Err(AuthError::UnsupportedQop("auth-int".into())),
            None if self.allow_legacy => {}
            None => return Err(AuthError::MissingField("qop")),
        }
        if let Some(request_uri) = request_uri
            && request_target(&creds.uri) != request_target(request_uri)
        {
            return Err(AuthError::UriMismatch);
        }
        let issued = self.nonce_time(&creds.nonce)?;
        if let Some(opaque) = &creds.opaque
            && !constant_time_eq(opaque.as_bytes(), self.opaque().as_bytes())
        {
            return Err(AuthError::BadNonce);
        }
        let password = lookup_password(&creds.username);
        // Hash even for unknown users, so timing does not tell which names exist.
        let expected = creds.expected_response(method, password.as_deref().unwrap_or(""))?;
        if password.is_none() || !hex_eq(&expected, &creds.response) {
            return Err(AuthError::BadCredentials);
        }
        let expired = now_unix.saturating_sub(issued) > self.nonce_lifetime;
        let from_future = issued > now_unix.saturating_add(FUTURE_SKEW);
        if expired || from_future {
            return Err(AuthError::Stale);
        }
        Ok(creds.username)
    }
}

/// The path and query of a request-target in origin or absolute form.
fn request_target(uri: &str) -> &str {
    let Some((_, rest)) = uri.split_once("://") else {
        return uri;
    };
    match rest.find(['/', '?']) {
        Some(i) => &rest[i..],
        None => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::request_target;

    #[test]
    fn request_targets_compare_by_path_and_query() {
        assert_eq!(request_target("/acs?x=1"), "/acs?x=1");
        assert_eq!(request_target("http://h:7547/acs?x=1"), "/acs?x=1");
        assert_eq!(request_target("https://h"), "/");
        assert_eq!(request_target("http://h?x"), "?x");
    }
}
