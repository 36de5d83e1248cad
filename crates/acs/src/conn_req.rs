//! Connection requests: the ACS asks a device to open a session now (TR-069 3.2.2), by an HTTP
//! GET to its ConnectionRequestURL authenticated with digest (or basic, when allowed).

use cwmp::auth::{DigestChallenge, DigestClient, basic_authorization, challenge_schemes};
use std::time::Duration;

/// How a connection request went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnReqOutcome {
    /// The device answered 200 or 204: it will open a session.
    Accepted,
    /// 401 with the credentials given (or none to give).
    AuthFailed,
    /// The device refused for now (503: rate limited).
    Busy,
    /// Another status.
    Status(u16),
    /// Could not connect or no answer in time.
    Unreachable(String),
    /// The device has no usable ConnectionRequestURL.
    NoUrl,
}

impl ConnReqOutcome {
    /// A short label for metrics and logs.
    pub fn label(&self) -> &'static str {
        match self {
            ConnReqOutcome::Accepted => "accepted",
            ConnReqOutcome::AuthFailed => "auth_failed",
            ConnReqOutcome::Busy => "busy",
            ConnReqOutcome::Status(_) => "status",
            ConnReqOutcome::Unreachable(_) => "unreachable",
            ConnReqOutcome::NoUrl => "no_url",
        }
    }
}

/// Credentials for a device's connection requests.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ConnReqCredentials {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for ConnReqCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnReqCredentials")
            .field("username", &self.username)
            .field("password", &cwmp::message::Redacted)
            .finish()
    }
}

/// The path and query of a URL, which digest authentication signs.
fn request_uri(url: &reqwest::Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// Sends a connection request. Tries without credentials first (some devices need none);
/// on 401 answers the challenge once: digest when offered, basic only if `allow_basic`.
pub async fn send(
    client: &reqwest::Client,
    url: &str,
    credentials: &ConnReqCredentials,
    allow_basic: bool,
    timeout: Duration,
) -> ConnReqOutcome {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return ConnReqOutcome::NoUrl;
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return ConnReqOutcome::NoUrl;
    }
    let first = match client.get(parsed.clone()).timeout(timeout).send().await {
        Ok(r) => r,
        Err(e) => return ConnReqOutcome::Unreachable(e.without_url().to_string()),
    };
    if first.status() != reqwest::StatusCode::UNAUTHORIZED {
        return classify(first.status().as_u16());
    }
    let challenge_header = first
        .headers()
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ");
    let schemes = challenge_schemes(&challenge_header);
    let authorization = if schemes.iter().any(|s| s.eq_ignore_ascii_case("digest")) {
        let Ok(challenge) = DigestChallenge::parse(&challenge_header) else {
            return ConnReqOutcome::AuthFailed;
        };
        let mut digest = DigestClient::new(challenge, &credentials.username, &credentials.password);
        let cnonce = format!("{:016x}", rand::random::<u64>());
        digest.authorization("GET", &request_uri(&parsed), &cnonce)
    } else if allow_basic && schemes.iter().any(|s| s.eq_ignore_ascii_case("basic")) {
        basic_authorization(&credentials.username, &credentials.password)
    } else {
        return ConnReqOutcome::AuthFailed;
    };
    match client
        .get(parsed)
        .header(reqwest::header::AUTHORIZATION, authorization)
        .timeout(timeout)
        .send()
        .await
    {
        Ok(r) if r.status() == reqwest::StatusCode::UNAUTHORIZED => ConnReqOutcome::AuthFailed,
        Ok(r) => classify(r.status().as_u16()),
        Err(e) => ConnReqOutcome::Unreachable(e.without_url().to_string()),
    }
}

fn classify(status: u16) -> ConnReqOutcome {
    match status {
        200 | 204 => ConnReqOutcome::Accepted,
        401 => ConnReqOutcome::AuthFailed,
        503 => ConnReqOutcome::Busy,
        other => ConnReqOutcome::Status(other),
    }
}
