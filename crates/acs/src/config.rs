//! The ACS configuration, in four layers, each overriding the one before:
//!
//! 1. built-in defaults ([`AcsConfig::default`]);
//! 2. a TOML file, given by `--config PATH` (or `ACS_CONFIG=PATH`); keys as in
//!    [`print_default`], which prints every key with its default;
//! 3. `ACS_*` environment variables: `ACS_<KEY>` for a top-level key (`ACS_CWMP_LISTEN`,
//!    `ACS_DATABASE`, `ACS_API_TOKEN`) and `ACS_<SECTION>__<KEY>` (two underscores) for a
//!    key in a section (`ACS_CWMP__AUTH`, `ACS_CONNECTION_REQUEST__PASSWORD`). Booleans
//!    accept `true/false/1/0/yes/no/on/off`. An empty value unsets an optional key;
//! 4. command-line flags ([`CliOptions`]).
//!
//! Unknown keys in the file and unknown `ACS_*` variables are errors that name the key or
//! variable, so a typo never silently falls back to a default. Passwords and the API token are
//! [`Secret`]s: they print as `<redacted>` in `Debug`, so they never reach a log.

mod keys;
mod provisioning;

pub use provisioning::ProvisioningConfig;

pub use keys::print_default;

use serde::{Deserialize, Serialize};
use std::ffi::OsStr;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// A password or token. `Debug` never shows it; [`Secret::expose`] does, for the code that
/// must compare or send it. Serialisation writes it as is (config round trips need that).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Secret, Self::Err> {
        Ok(Secret::new(s))
    }
}

/// How CPEs authenticate to the CWMP endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CpeAuth {
    /// Every CPE is accepted (GenieACS's default).
    #[default]
    None,
    /// HTTP basic; refused over plain HTTP unless `allow_basic_over_http`.
    Basic,
    /// HTTP digest with qop=auth.
    Digest,
}

/// Everything the `acs` binary is configured with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AcsConfig {
    pub cwmp_listen: SocketAddr,
    pub nbi_listen: SocketAddr,
    pub fs_listen: SocketAddr,
    /// `sqlite://PATH` or `postgres://...`.
    pub database: String,
    /// The base URL CPEs download files from; when unset, derived by
    /// [`AcsConfig::fs_base_url`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fs_url: Option<String>,
    /// When set, every `/api/v1` request needs `Authorization: Bearer <token>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_token: Option<Secret>,
    pub cwmp: CwmpConfig,
    pub connection_request: ConnectionRequestConfig,
    pub tasks: TaskConfig,
    pub store: StoreConfig,
    pub provisioning: ProvisioningConfig,
}

/// `[store]`: how the embedded SQLite store trades memory and latency for CPU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoreConfig {
    /// Memory for devices kept decoded between their sessions; 0 turns the cache off.
    pub device_cache_mib: u64,
    /// How long a write may wait for others to share its commit.
    pub commit_window_ms: u64,
}

/// `[cwmp]`: the CWMP endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CwmpConfig {
    /// Largest accepted request body in bytes, after decompression.
    pub body_limit: u64,
    /// Longest time to receive one request.
    pub read_timeout_secs: u64,
    /// Longest wait for a CPE's next POST within a session when it announces no
    /// SessionTimeout.
    pub idle_timeout_secs: u64,
    /// Lease of a device's session lock: a lock left by a dead session expires after it.
    pub session_lock_secs: u64,
    pub auth: CpeAuth,
    /// Global CPE credentials; per-device credentials take precedence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    pub allow_basic_over_http: bool,
    /// Threads serving CPE connections; 0 for one per CPU.
    pub workers: u64,
}

/// `[connection_request]`: how the ACS wakes a CPE.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConnectionRequestConfig {
    /// Global credentials; per-device ones and those learnt from the device's tree
    /// (`ConnectionRequestUsername`/`Password`) take precedence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// Answer a basic challenge (the password crosses the network in clear).
    pub allow_basic: bool,
    pub timeout_secs: u64,
}

/// `[tasks]`: retries of faulted tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TaskConfig {
    /// Retries after a fault before the task stays faulted (until retried by hand).
    pub retry_limit: u32,
    /// Wait before the first retry; it doubles with each further retry.
    pub retry_backoff_secs: u64,
    /// How long a download or upload may take before its task faults with `timeout`.
    pub transfer_timeout_secs: u64,
}

impl Default for AcsConfig {
    fn default() -> Self {
        let any = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
        AcsConfig {
            cwmp_listen: SocketAddr::new(any, 7547),
            nbi_listen: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 7557),
            fs_listen: SocketAddr::new(any, 7567),
            database: "sqlite://acs.db".into(),
            fs_url: None,
            api_token: None,
            cwmp: CwmpConfig::default(),
            connection_request: ConnectionRequestConfig::default(),
            tasks: TaskConfig::default(),
            store: StoreConfig::default(),
            provisioning: ProvisioningConfig::default(),
        }
    }
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            device_cache_mib: 256,
            commit_window_ms: 20,
        }
    }
}

impl StoreConfig {
    pub fn sqlite_options(&self) -> crate::store::sqlite::SqliteOptions {
        crate::store::sqlite::SqliteOptions {
            device_cache_bytes: usize::try_from(self.device_cache_mib.saturating_mul(1 << 20))
                .unwrap_or(usize::MAX),
            commit_window: Duration::from_millis(self.commit_window_ms),
        }
    }
}

impl Default for CwmpConfig {
    fn default() -> Self {
        CwmpConfig {
            // The codec's own default: a full GetParameterValues of a large tree fits.
            body_limit: 16 * 1024 * 1024,
            read_timeout_secs: 30,
            idle_timeout_secs: 30,
            session_lock_secs: 120,
            auth: CpeAuth::None,
            username: None,
            password: None,
            allow_basic_over_http: false,
            workers: 0,
        }
    }
}

impl Default for ConnectionRequestConfig {
    fn default() -> Self {
        ConnectionRequestConfig {
            username: None,
            password: None,
            allow_basic: false,
            timeout_secs: 5,
        }
    }
}

impl Default for TaskConfig {
    fn default() -> Self {
        TaskConfig {
            retry_limit: 5,
            // GenieACS waits 300 s before retrying a faulted channel, doubling each time.
            retry_backoff_secs: 300,
            transfer_timeout_secs: 3600,
        }
    }
}

impl CwmpConfig {
    pub fn read_timeout(&self) -> Duration {
        Duration::from_secs(self.read_timeout_secs)
    }

    pub fn idle_timeout(&self) -> Duration {
        Duration::from_secs(self.idle_timeout_secs)
    }

    /// The number of CWMP worker threads: `workers`, or one per CPU when 0.
    pub fn worker_threads(&self) -> usize {
        match usize::try_from(self.workers) {
            Ok(0) | Err(_) => std::thread::available_parallelism().map_or(1, |n| n.get()),
            Ok(n) => n,
        }
    }

    pub fn session_lock(&self) -> Duration {
        Duration::from_secs(self.session_lock_secs)
    }

    /// The session machine's settings: idle timeout and body limit.
    pub fn session_config(&self) -> cwmp::session::AcsConfig {
        let mut config = cwmp::session::AcsConfig {
            idle_timeout: self.idle_timeout(),
            ..cwmp::session::AcsConfig::default()
        };
        config.decode.max_bytes = usize::try_from(self.body_limit).unwrap_or(usize::MAX);
        config
    }
}

impl ConnectionRequestConfig {
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs)
    }
}

impl TaskConfig {
    /// The wait before retry number `retries` (1 for the first): the backoff doubled for each
    /// retry after the first, capped at a day.
    pub fn retry_delay(&self, retries: u32) -> Duration {
        let doublings = retries.saturating_sub(1).min(32);
        let secs = self.retry_backoff_secs.saturating_mul(1 << doublings);
        Duration::from_secs(secs.min(86_400))
    }

    /// The engine's retry policy for faulted tasks.
    pub fn retry_policy(&self) -> crate::engine::TaskRetry {
        crate::engine::TaskRetry {
            base_delay: i64::try_from(self.retry_delay(1).as_millis()).unwrap_or(i64::MAX),
            max_retries: self.retry_limit,
            ..crate::engine::TaskRetry::default()
        }
    }

    /// How often transfers of devices without sessions are checked for the timeout: a tenth
    /// of it, between a second and a minute.
    pub fn transfer_sweep_interval(&self) -> Duration {
        (self.transfer_timeout() / 10).clamp(Duration::from_secs(1), Duration::from_secs(60))
    }

    pub fn transfer_timeout(&self) -> Duration {
        Duration::from_secs(self.transfer_timeout_secs)
    }
}

/// The flags that override everything else; the binary fills them with clap
/// (`#[command(flatten)]`).
#[derive(Debug, Clone, Default, PartialEq, clap::Args)]
pub struct CliOptions {
    /// TOML configuration file (default: $ACS_CONFIG, else none).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// CWMP endpoint address [default: 0.0.0.0:7547].
    #[arg(long, value_name = "ADDR")]
    pub cwmp_listen: Option<SocketAddr>,
    /// REST API address [default: 127.0.0.1:7557].
    #[arg(long, value_name = "ADDR")]
    pub nbi_listen: Option<SocketAddr>,
    /// File server address [default: 0.0.0.0:7567].
    #[arg(long, value_name = "ADDR")]
    pub fs_listen: Option<SocketAddr>,
    /// Database URL [default: sqlite://acs.db].
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
    /// Base URL CPEs download files from [default: derived from the CWMP request].
    #[arg(long, value_name = "URL")]
    pub fs_url: Option<String>,
    /// Bearer token required by /api/v1 (visible to other local users in the process list;
    /// prefer ACS_API_TOKEN or the config file).
    #[arg(long, value_name = "TOKEN")]
    pub api_token: Option<Secret>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The TOML is malformed, a key is unknown or a value has the wrong type; the message
    /// names the key and its line.
    #[error("config file {}: {source}", path.display())]
    File {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("unknown environment variable {var}: {hint}")]
    UnknownEnv { var: String, hint: String },
    #[error("environment variable {var}: {message}")]
    BadEnv { var: String, message: String },
    #[error("config key `{key}`: {message}")]
    Invalid { key: &'static str, message: String },
}

impl AcsConfig {
    /// Loads every layer: the file named by `cli.config` or `ACS_CONFIG`, the process's
    /// `ACS_*` variables, then the flags.
    pub fn load(cli: &CliOptions) -> Result<AcsConfig, ConfigError> {
        AcsConfig::load_with_env(cli, std::env::vars_os())
    }

    /// [`AcsConfig::load`] with the environment given as name/value pairs.
    pub fn load_with_env<I, K, V>(cli: &CliOptions, env: I) -> Result<AcsConfig, ConfigError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        let env = keys::acs_vars(env)?;
        let path = match &cli.config {
            Some(path) => Some(path.clone()),
            None => env
                .iter()
                .find(|(name, _)| name == keys::CONFIG_VAR)
                .map(|(_, value)| PathBuf::from(value))
                .filter(|path| !path.as_os_str().is_empty()),
        };
        let mut table = match path {
            Some(path) => read_file(&path)?,
            None => toml::Table::new(),
        };
        keys::apply_env(&mut table, &env)?;
        // Every value was checked against its key's type on the way in, so this only fails
        // on a bug in the key table; report it rather than panic.
        let mut config: AcsConfig =
            toml::Value::Table(table)
                .try_into()
                .map_err(|e: toml::de::Error| ConfigError::Invalid {
                    key: "environment",
                    message: e.message().to_owned(),
                })?;
        config.apply_cli(cli);
        config.validate()?;
        Ok(config)
    }

    /// The defaults overridden by a TOML document (the file layer alone).
    pub fn from_toml_str(text: &str) -> Result<AcsConfig, ConfigError> {
        let config = parse_toml::<AcsConfig>(text, Path::new("<string>"))?;
        config.validate()?;
        Ok(config)
    }

    fn apply_cli(&mut self, cli: &CliOptions) {
        let CliOptions {
            config: _,
            cwmp_listen,
            nbi_listen,
            fs_listen,
            database,
            fs_url,
            api_token,
        } = cli;
        if let Some(addr) = cwmp_listen {
            self.cwmp_listen = *addr;
        }
        if let Some(addr) = nbi_listen {
            self.nbi_listen = *addr;
        }
        if let Some(addr) = fs_listen {
            self.fs_listen = *addr;
        }
        if let Some(url) = database {
            self.database.clone_from(url);
        }
        if let Some(url) = fs_url {
            self.fs_url = Some(url.clone());
        }
        if let Some(token) = api_token {
            self.api_token = Some(token.clone());
        }
    }

    /// Checks what types alone cannot: non-empty strings, usable URLs, positive timeouts,
    /// credentials given in pairs.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key: &'static str, message: &str| {
            Err(ConfigError::Invalid {
                key,
                message: message.to_owned(),
            })
        };
        if self.database.trim().is_empty() {
            return invalid("database", "must not be empty");
        }
        if let Some(url) = &self.fs_url {
            let rest = url
                .strip_prefix("http://")
                .or_else(|| url.strip_prefix("https://"));
            if rest.is_none_or(|host| host.is_empty() || host.starts_with('/')) {
                return invalid("fs_url", "must be an http:// or https:// URL with a host");
            }
        }
        if self
            .api_token
            .as_ref()
            .is_some_and(|t| t.expose().is_empty())
        {
            return invalid("api_token", "must not be empty (leave it out to disable)");
        }
        if self.cwmp.body_limit < 1024 {
            return invalid("cwmp.body_limit", "must be at least 1024 bytes");
        }
        for (key, secs) in [
            ("cwmp.read_timeout_secs", self.cwmp.read_timeout_secs),
            ("cwmp.idle_timeout_secs", self.cwmp.idle_timeout_secs),
            ("cwmp.session_lock_secs", self.cwmp.session_lock_secs),
            (
                "connection_request.timeout_secs",
                self.connection_request.timeout_secs,
            ),
            (
                "tasks.transfer_timeout_secs",
                self.tasks.transfer_timeout_secs,
            ),
        ] {
            if secs == 0 {
                return invalid(key, "must be at least 1 second");
            }
        }
        if self.cwmp.username.is_some() != self.cwmp.password.is_some() {
            return invalid(
                "cwmp.password",
                "cwmp.username and cwmp.password go together",
            );
        }
        let cr = &self.connection_request;
        if cr.username.is_some() != cr.password.is_some() {
            return invalid(
                "connection_request.password",
                "connection_request.username and connection_request.password go together",
            );
        }
        Ok(())
    }

    /// The base URL (no trailing `/`) CPEs download files from. `fs_url` when set; otherwise
    /// `http://<host>:<fs_port>`, where `fs_port` is the port the file server actually bound
    /// (it differs from `fs_listen` with port 0) and `<host>` is, in order of preference:
    ///
    /// 1. the host of the `Host` header of the CPE's CWMP request (`cwmp_host`), because the
    ///    name or address the CPE reached the ACS by is the one it can reach the file server by;
    /// 2. the IP of `fs_listen`, unless it is the unspecified address (`0.0.0.0`, `::`);
    /// 3. the IP of `cwmp_listen`, on the same condition;
    /// 4. `127.0.0.1`.
    ///
    /// A `Host` header with characters no host name has is ignored.
    pub fn fs_base_url(&self, cwmp_host: Option<&str>, fs_port: u16) -> String {
        if let Some(url) = &self.fs_url {
            return url.trim_end_matches('/').to_owned();
        }
        let from_header = cwmp_host.and_then(host_of_header);
        let host = from_header.unwrap_or_else(|| {
            let ip = [self.fs_listen.ip(), self.cwmp_listen.ip()]
                .into_iter()
                .find(|ip| !ip.is_unspecified())
                .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            match ip {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            }
        });
        format!("http://{host}:{fs_port}")
    }
}

/// The host part of a `Host` header (`acs.example:7547` -> `acs.example`, `[::1]:7547` ->
/// `[::1]`), if it looks like a host name or IP literal.
fn host_of_header(header: &str) -> Option<String> {
    let header = header.trim();
    let host = if header.starts_with('[') {
        let end = header.find(']')?;
        let inside = &header[1..end];
        inside.parse::<std::net::Ipv6Addr>().ok()?;
        &header[..=end]
    } else {
        let host = header.split(':').next().unwrap_or_default();
        let valid = host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_');
        if !valid {
            return None;
        }
        host
    };
    (!host.is_empty()).then(|| host.to_owned())
}

fn read_file(path: &Path) -> Result<toml::Table, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })?;
    // Deserialising into the typed config first gives errors with the key and line; the
    // table is what the environment layer then merges into.
    parse_toml::<AcsConfig>(&text, path)?;
    parse_toml::<toml::Table>(&text, path)
}

fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|source| ConfigError::File {
        path: path.to_owned(),
        source,
    })
}
