//! Which `Authorization` header the CPE sends to its ACS: sans-IO decisions over the
//! challenges the ACS sent. Digest is preferred when offered; basic only over TLS unless the
//! client allows it over plain HTTP. A digest challenge is kept and reused (counting `nc`)
//! for every later request, sessions included, until the ACS challenges again.

use cwmp::auth::{DigestChallenge, DigestClient, basic_authorization, challenge_schemes};

/// A user name and password for the ACS. `Debug` hides the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

impl Credentials {
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Credentials {
        Credentials {
            username: username.into(),
            password: password.into(),
        }
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// What the ACS asked for last.
#[derive(Debug, Clone, Default)]
pub(crate) enum AuthState {
    /// No challenge seen: send nothing until the ACS asks.
    #[default]
    None,
    /// Basic worked (or was asked for): send it with every request.
    Basic,
    /// Answer this digest challenge with every request.
    Digest(DigestClient),
}

/// Why a 401 cannot be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthRefusal {
    NoCredentials,
    /// The ACS offered neither digest nor basic.
    NoUsableChallenge,
    /// Basic was offered over plain HTTP and the client does not allow it.
    BasicOverHttp,
}

impl std::fmt::Display for AuthRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AuthRefusal::NoCredentials => "the ACS asks for credentials and none are configured",
            AuthRefusal::NoUsableChallenge => "the ACS offers no digest or basic authentication",
            AuthRefusal::BasicOverHttp => {
                "the ACS asks for basic authentication over plain HTTP, which is not allowed"
            }
        })
    }
}

impl AuthState {
    /// The header to send with a request before any challenge, if the state has one.
    /// `basic_allowed`: the target is HTTPS, or basic over HTTP is allowed.
    pub fn preemptive(
        &mut self,
        credentials: Option<&Credentials>,
        method: &str,
        uri: &str,
        cnonce: &str,
        basic_allowed: bool,
    ) -> Option<String> {
        let creds = credentials?;
        match self {
            AuthState::None => None,
            AuthState::Basic if basic_allowed => {
                Some(basic_authorization(&creds.username, &creds.password))
            }
            AuthState::Basic => None,
            AuthState::Digest(client) => Some(client.authorization(method, uri, cnonce)),
        }
    }

    /// After a 401 carrying the `WWW-Authenticate` values `challenges`: adopts the best
    /// challenge and returns the header for the retry.
    pub fn answer_challenge(
        &mut self,
        credentials: Option<&Credentials>,
        challenges: &[&str],
        request: (&str, &str),
        cnonce: &str,
        basic_allowed: bool,
    ) -> Result<String, AuthRefusal> {
        let creds = credentials.ok_or(AuthRefusal::NoCredentials)?;
        let (method, uri) = request;
        if let Some(challenge) = challenges
            .iter()
            .find_map(|c| DigestChallenge::parse(c).ok())
        {
            let mut client = match std::mem::take(self) {
                AuthState::Digest(mut client) => {
                    client.update_challenge(challenge);
                    client
                }
                _ => DigestClient::new(challenge, &creds.username, &creds.password),
            };
            let header = client.authorization(method, uri, cnonce);
            *self = AuthState::Digest(client);
            return Ok(header);
        }
        let offers_basic = challenges.iter().any(|c| {
            challenge_schemes(c)
                .iter()
                .any(|s| s.eq_ignore_ascii_case("Basic"))
        });
        if !offers_basic {
            return Err(AuthRefusal::NoUsableChallenge);
        }
        if !basic_allowed {
            return Err(AuthRefusal::BasicOverHttp);
        }
        *self = AuthState::Basic;
        Ok(basic_authorization(&creds.username, &creds.password))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cwmp::auth::{DigestServer, parse_basic};

    fn creds() -> Credentials {
        Credentials::new("cpe", "s3cret")
    }

    fn lookup(user: &str) -> Option<String> {
        (user == "cpe").then(|| "s3cret".to_string())
    }

    #[test]
    fn nothing_is_sent_before_a_challenge() {
        let mut state = AuthState::default();
        assert_eq!(
            state.preemptive(Some(&creds()), "POST", "/acs", "c", true),
            None
        );
    }

    #[test]
    fn digest_is_preferred_and_reused_with_a_growing_nc() {
        let server = DigestServer::new("acs", b"k");
        let challenge = server.challenge(1000, false);
        let header = format!("Basic realm=\"acs\", {challenge}");
        let mut state = AuthState::default();
        let first = state
            .answer_challenge(Some(&creds()), &[&header], ("POST", "/acs"), "c1", true)
            .unwrap();
        assert!(first.starts_with("Digest "), "{first}");
        assert!(first.contains("nc=00000001"));
        assert_eq!(
            server.verify(&first, "POST", 1000, lookup),
            Ok("cpe".into())
        );
        let second = state
            .preemptive(Some(&creds()), "POST", "/acs", "c2", false)
            .unwrap();
        assert!(second.contains("nc=00000002"), "{second}");
        assert_eq!(
            server.verify(&second, "POST", 1000, lookup),
            Ok("cpe".into())
        );
    }

    #[test]
    fn a_new_challenge_replaces_the_old_one() {
        let server = DigestServer::new("acs", b"k");
        let mut state = AuthState::default();
        let c1 = server.challenge(1000, false);
        state
            .answer_challenge(Some(&creds()), &[&c1], ("POST", "/"), "a", true)
            .unwrap();
        let c2 = server.challenge(2000, true);
        let retry = state
            .answer_challenge(Some(&creds()), &[&c2], ("POST", "/"), "b", true)
            .unwrap();
        assert!(retry.contains("nc=00000001"), "{retry}");
        assert_eq!(
            server.verify(&retry, "POST", 2000, lookup),
            Ok("cpe".into())
        );
    }

    #[test]
    fn basic_needs_tls_or_permission() {
        let mut state = AuthState::default();
        let challenge = ["Basic realm=\"acs\""];
        assert_eq!(
            state.answer_challenge(Some(&creds()), &challenge, ("POST", "/"), "c", false),
            Err(AuthRefusal::BasicOverHttp)
        );
        assert_eq!(
            state.preemptive(Some(&creds()), "POST", "/", "c", true),
            None
        );
        let header = state
            .answer_challenge(Some(&creds()), &challenge, ("POST", "/"), "c", true)
            .unwrap();
        assert_eq!(parse_basic(&header), Some(("cpe".into(), "s3cret".into())));
        assert_eq!(
            state.preemptive(Some(&creds()), "POST", "/", "c", true),
            Some(header)
        );
        assert_eq!(
            state.preemptive(Some(&creds()), "POST", "/", "c", false),
            None
        );
    }

    #[test]
    fn refusals() {
        let mut state = AuthState::default();
        assert_eq!(
            state.answer_challenge(None, &["Basic realm=x"], ("POST", "/"), "c", true),
            Err(AuthRefusal::NoCredentials)
        );
        assert_eq!(
            state.answer_challenge(Some(&creds()), &["Negotiate"], ("POST", "/"), "c", true),
            Err(AuthRefusal::NoUsableChallenge)
        );
        assert_eq!(
            state.answer_challenge(Some(&creds()), &[], ("POST", "/"), "c", true),
            Err(AuthRefusal::NoUsableChallenge)
        );
    }

    #[test]
    fn debug_hides_passwords() {
        let shown = format!("{:?}", creds());
        assert!(!shown.contains("s3cret"), "{shown}");
        let mut state = AuthState::default();
        let server = DigestServer::new("acs", b"k");
        state
            .answer_challenge(
                Some(&creds()),
                &[&server.challenge(0, false)],
                ("POST", "/"),
                "c",
                true,
            )
            .unwrap();
        let shown = format!("{state:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
