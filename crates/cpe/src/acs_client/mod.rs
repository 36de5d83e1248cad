//! The CPE's HTTP client for sessions with its ACS.
//!
//! One [`AcsClient`] (one `reqwest` client: a keep-alive connection pool, TLS roots, timeouts)
//! serves every simulated device of the process; what belongs to one device, its ACS URL,
//! credentials, cookies and digest state, lives in a small [`AcsConnection`].
//! [`run_session`] drives a [`cwmp::session::CpeSession`] over them.

mod auth;
mod cookies;
mod driver;

pub use auth::Credentials;
pub use cookies::{CookieJar, MAX_COOKIE_BYTES, MAX_COOKIES};
pub use driver::run_session;

use auth::AuthState;
use reqwest::Url;
use std::path::PathBuf;
use std::time::Duration;

/// Settings shared by every device of the process.
#[derive(Debug, Clone)]
pub struct AcsClientConfig {
    /// Extra trusted CA certificates (a PEM bundle) besides the built-in web roots.
    pub ca_bundle: Option<PathBuf>,
    /// Bound on one HTTP exchange, body included.
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    /// A session with more HTTP exchanges fails (a looping ACS cannot hold a device).
    pub max_exchanges: usize,
    /// Larger ACS bodies fail the session.
    pub max_body_bytes: usize,
    /// Send basic credentials over plain HTTP (otherwise only over HTTPS).
    pub allow_basic_over_http: bool,
    /// Redirects followed per session (TR-069 3.4.5: they apply to that session only).
    pub max_redirects: usize,
    pub user_agent: String,
}

impl Default for AcsClientConfig {
    fn default() -> Self {
        AcsClientConfig {
            ca_bundle: None,
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_exchanges: 1024,
            max_body_bytes: 4 * 1024 * 1024,
            allow_basic_over_http: false,
            max_redirects: 5,
            user_agent: concat!("cwmp-rs-cpe/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

/// Errors setting up the client or a connection.
#[derive(Debug, thiserror::Error)]
pub enum AcsClientError {
    #[error("cannot read CA bundle {path}: {source}")]
    CaBundleRead {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("CA bundle {path} is not usable: {reason}")]
    CaBundle { path: PathBuf, reason: String },
    #[error("cannot build the HTTP client: {0}")]
    Build(#[source] reqwest::Error),
    /// The URL itself is not repeated: it might carry secrets.
    #[error("invalid ACS URL: {0}")]
    InvalidUrl(String),
}

/// The HTTP client shared by all devices. Cloning is cheap and shares the pool.
#[derive(Debug, Clone)]
pub struct AcsClient {
    http: reqwest::Client,
    config: AcsClientConfig,
}

impl AcsClient {
    pub fn new(config: AcsClientConfig) -> Result<AcsClient, AcsClientError> {
        let mut builder = reqwest::Client::builder()
            .timeout(config.request_timeout)
            .connect_timeout(config.connect_timeout)
            .user_agent(config.user_agent.clone())
            // Redirects of a POST are followed by the driver, which keeps method and body.
            .redirect(reqwest::redirect::Policy::none())
            .http1_only();
        if let Some(path) = &config.ca_bundle {
            let pem = std::fs::read(path).map_err(|source| AcsClientError::CaBundleRead {
                path: path.clone(),
                source,
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
                AcsClientError::CaBundle {
                    path: path.clone(),
                    reason: e.to_string(),
                }
            })?;
            if certs.is_empty() {
                return Err(AcsClientError::CaBundle {
                    path: path.clone(),
                    reason: "no certificate in it".into(),
                });
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder.build().map_err(AcsClientError::Build)?;
        Ok(AcsClient { http, config })
    }

    pub fn config(&self) -> &AcsClientConfig {
        &self.config
    }
}

/// One device's link to its ACS.
#[derive(Debug, Clone)]
pub struct AcsConnection {
    url: Url,
    credentials: Option<Credentials>,
    cookies: CookieJar,
    auth: AuthState,
}

fn parse_url(url: &str) -> Result<Url, AcsClientError> {
    let parsed = Url::parse(url).map_err(|e| AcsClientError::InvalidUrl(e.to_string()))?;
    if parsed.scheme() != "http" && parsed.scheme() != "https" {
        return Err(AcsClientError::InvalidUrl(format!(
            "scheme `{}` is not http or https",
            parsed.scheme()
        )));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(AcsClientError::InvalidUrl(
            "credentials belong in the ACS username and password, not in the URL".into(),
        ));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(AcsClientError::InvalidUrl("no host".into()));
    }
    Ok(parsed)
}

impl AcsConnection {
    /// A connection to the ACS at `url` (http or https), without credentials.
    pub fn new(url: &str) -> Result<AcsConnection, AcsClientError> {
        Ok(AcsConnection {
            url: parse_url(url)?,
            credentials: None,
            cookies: CookieJar::new(),
            auth: AuthState::None,
        })
    }

    pub fn with_credentials(
        mut self,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> AcsConnection {
        self.set_credentials(Some(Credentials::new(username, password)));
        self
    }

    pub fn url(&self) -> &Url {
        &self.url
    }

    /// Points the device at another ACS (ManagementServer.URL changed): cookies and the
    /// digest state go.
    pub fn set_url(&mut self, url: &str) -> Result<(), AcsClientError> {
        self.url = parse_url(url)?;
        self.cookies.clear();
        self.auth = AuthState::None;
        Ok(())
    }

    pub fn credentials(&self) -> Option<&Credentials> {
        self.credentials.as_ref()
    }

    /// Replaces the credentials (ManagementServer.Username/Password changed).
    pub fn set_credentials(&mut self, credentials: Option<Credentials>) {
        self.credentials = credentials;
        self.auth = AuthState::None;
    }

    /// The cookies of the current (or last) session.
    pub fn cookies(&self) -> &CookieJar {
        &self.cookies
    }
}
