//! File transfers: carrying out a `Download` or an `Upload` the ACS asked for, and the
//! result the device reports in `TransferComplete`.
//!
//! ```text
//! let job = TransferJob::download(&download_rpc);
//! let result = transfer::execute(&client, &job, &TransferLimits::default()).await;
//! let tc = result.transfer_complete(&job.command_key);      // queue it for the ACS
//! if let Some(v) = &result.software_version { /* set DeviceInfo.SoftwareVersion */ }
//! ```
//!
//! [`execute`] never panics and never returns an error: every failure is a fault code in
//! [`TransferResult::fault`]. It is bounded by [`TransferLimits`] (time to the response
//! headers, time for the whole transfer, largest file). Downloaded bytes are checked and
//! then dropped; nothing is written to disk.
//!
//! # Downloads
//!
//! HTTP GET of `URL`; only `http` and `https` are supported. The request is first sent without
//! credentials; on `401` (or `403`) it is sent once more with the job's `Username`/`Password`,
//! using Digest (RFC 7616, MD5) when the server offers it and Basic otherwise. Credentials in
//! the URL (`http://user:pass@host/`) are used when the job carries none, and are never logged.
//!
//! Any file that arrives whole with the announced size is a successful download. `FileSize`
//! 0 means the size is unknown: then the file must only arrive whole (as long as the server's
//! `Content-Length`, or until the server ends it).
//!
//! | code | when |
//! | --- | --- |
//! | 0 | the file arrived whole, with `FileSize` bytes when that is not 0 |
//! | 9010 | anything else: a malformed URL, a request the server broke off before answering, a file larger than the device accepts ([`TransferLimits::max_size`]) |
//! | 9012 | `401`/`403` with the credentials, or without credentials to offer |
//! | 9013 | a scheme other than `http`/`https` (`ftp://`, `tftp://`, ...) |
//! | 9015 | the server cannot be reached: name resolution, connection refused, TLS handshake, or no response within [`TransferLimits::response_timeout`] |
//! | 9016 | any other status that is not `2xx` (`404`, `500`, an unfollowed redirect, ...) |
//! | 9017 | the body broke off, was shorter than `FileSize`, or did not finish within [`TransferLimits::total_timeout`] |
//! | 9018 | the body was longer than `FileSize`, or a firmware image failed its own check (below) |
//!
//! # Firmware images and their version
//!
//! When `FileType` is `1 Firmware Upgrade Image` and the download succeeds, the device takes
//! the image's version as its new `SoftwareVersion` ([`TransferResult::software_version`]).
//! An image declares its version in one of two ways; the first that applies wins.
//!
//! 1. **Manifest line.** The file's first line is `CWMP-FIRMWARE-VERSION: <version>` (the key
//!    in any letter case; the line ends with LF, optionally CRLF, and is at most 256 bytes).
//!    An optional second line `CWMP-FIRMWARE-CRC32: <hex>` gives the CRC-32 (the common
//!    one: zlib, gzip, `crc32 file`, Python's `zlib.crc32`) of every byte after the manifest
//!    lines; when it does not match, the image is corrupted (9018). A manifest whose version is
//!    empty, longer than 64 characters or contains spaces, or whose CRC line is not 1 to 8 hex
//!    digits, is also 9018. For example:
//!
//!    ```text
//!    printf 'CWMP-FIRMWARE-VERSION: 2.4.1\n' > fw.img; cat payload.bin >> fw.img
//!    printf 'CWMP-FIRMWARE-VERSION: 2.4.1\nCWMP-FIRMWARE-CRC32: %08x\n' \
//!        $(python3 -c 'import zlib,sys;print(zlib.crc32(open(sys.argv[1],"rb").read()))' payload.bin) \
//!        > fw.img; cat payload.bin >> fw.img
//!    ```
//!
//! 2. **File name.** Otherwise the name is `TargetFileName`, or when that is empty the last
//!    segment of the URL's path. Trailing extensions made of letters only (`.bin`, `.img`,
//!    `.gz`, ...) are removed; the version is then what follows the last `_v`, `-v`, `_V` or
//!    `-V` that is followed by a digit, or failing that what follows the last `_` or `-` that is
//!    followed by a digit. `gateway_v2.4.1.bin` and `gateway-2.4.1.img` declare `2.4.1`,
//!    `fw-2.4.1-rc1.img.gz` declares `2.4.1-rc1`, `firmware.bin` declares nothing (the
//!    download still succeeds; `SoftwareVersion` stays as it was).
//!
//! Other file types are not inspected.
//!
//! # Uploads
//!
//! HTTP PUT of [`TransferKind::Upload`]'s bytes to `URL` (`http`/`https`, else 9013), with
//! the same credential handling. Any `2xx` is success; `401`/`403` is 9012; an unreachable
//! server is 9015; anything else (another status, a broken connection, a timeout) is 9011.

mod download;
pub mod firmware;
mod http;
mod upload;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use cwmp::DateTime;
use cwmp::message::{Download, TransferComplete, TransferCompleteFaultStruct, Upload};

/// The `FileType` of firmware images.
pub const FIRMWARE_FILE_TYPE: &str = "1 Firmware Upgrade Image";

/// Which way the file goes.
#[derive(Clone, PartialEq, Eq)]
pub enum TransferKind {
    Download,
    /// Upload these bytes (a generated configuration or log file).
    Upload {
        content: Bytes,
    },
}

impl std::fmt::Debug for TransferKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TransferKind::Download => f.write_str("Download"),
            TransferKind::Upload { content } => write!(f, "Upload({} bytes)", content.len()),
        }
    }
}

/// A transfer as the `Download`/`Upload` RPC describes it. `Debug` hides the password and any
/// password in the URL.
#[derive(Clone, PartialEq, Eq)]
pub struct TransferJob {
    pub kind: TransferKind,
    pub command_key: String,
    /// `1 Firmware Upgrade Image`, `3 Vendor Configuration File`, `2 Vendor Log File`, ...
    pub file_type: String,
    pub url: String,
    pub username: String,
    pub password: String,
    /// Announced size in bytes; 0 means unknown. Downloads only.
    pub file_size: u64,
    /// Downloads only; names a firmware image when the URL does not.
    pub target_file_name: String,
}

impl TransferJob {
    /// The job a `Download` RPC asks for.
    pub fn download(rpc: &Download) -> Self {
        TransferJob {
            kind: TransferKind::Download,
            command_key: rpc.command_key.clone(),
            file_type: rpc.file_type.clone(),
            url: rpc.url.clone(),
            username: rpc.username.clone(),
            password: rpc.password.clone(),
            file_size: u64::from(rpc.file_size),
            target_file_name: rpc.target_file_name.clone(),
        }
    }

    /// The job an `Upload` RPC asks for, sending `content`.
    pub fn upload(rpc: &Upload, content: impl Into<Bytes>) -> Self {
        TransferJob {
            kind: TransferKind::Upload {
                content: content.into(),
            },
            command_key: rpc.command_key.clone(),
            file_type: rpc.file_type.clone(),
            url: rpc.url.clone(),
            username: rpc.username.clone(),
            password: rpc.password.clone(),
            file_size: 0,
            target_file_name: String::new(),
        }
    }

    pub fn is_firmware(&self) -> bool {
        self.kind == TransferKind::Download && self.file_type.trim() == FIRMWARE_FILE_TYPE
    }
}

impl std::fmt::Debug for TransferJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransferJob")
            .field("kind", &self.kind)
            .field("command_key", &self.command_key)
            .field("file_type", &self.file_type)
            .field("url", &http::redact_url(&self.url))
            .field("username", &self.username)
            .field("password", &cwmp::message::Redacted)
            .field("file_size", &self.file_size)
            .field("target_file_name", &self.target_file_name)
            .finish()
    }
}

/// Bounds on one transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferLimits {
    /// From sending a request to its response headers (connecting included); beyond it the
    /// server counts as unreachable.
    pub response_timeout: Duration,
    /// The whole transfer, body included.
    pub total_timeout: Duration,
    /// Largest file a download may bring (also when `FileSize` announces more).
    pub max_size: u64,
}

impl Default for TransferLimits {
    /// 30 s to the response headers, 10 minutes in all, 256 MiB.
    fn default() -> Self {
        TransferLimits {
            response_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(600),
            max_size: 256 * 1024 * 1024,
        }
    }
}

/// What happened, for `TransferComplete`.
#[derive(Debug, Clone, PartialEq)]
pub struct TransferResult {
    pub start_time: DateTime,
    /// Never before `start_time`.
    pub complete_time: DateTime,
    /// Code 0 on success.
    pub fault: TransferCompleteFaultStruct,
    /// The version a downloaded firmware image declares (see the module docs).
    pub software_version: Option<String>,
    /// Body bytes received (download) or sent (upload).
    pub bytes: u64,
}

impl TransferResult {
    pub fn is_success(&self) -> bool {
        self.fault.fault_code == 0
    }

    /// The `TransferComplete` request reporting this result.
    pub fn transfer_complete(&self, command_key: &str) -> TransferComplete {
        TransferComplete {
            command_key: command_key.to_owned(),
            fault_struct: self.fault.clone(),
            start_time: self.start_time,
            complete_time: self.complete_time,
        }
    }
}

/// Carries out `job`. Never panics; every failure is a fault code in the result.
pub async fn execute(
    client: &reqwest::Client,
    job: &TransferJob,
    limits: &TransferLimits,
) -> TransferResult {
    let clock = Clock::start();
    let outcome = match &job.kind {
        TransferKind::Download => download::run(client, job, limits).await,
        TransferKind::Upload { content } => upload::run(client, job, content, limits).await,
    };
    let fault = match &outcome.fault {
        None => TransferCompleteFaultStruct::success(),
        Some(f) => TransferCompleteFaultStruct {
            fault_code: f.code,
            fault_string: f.message.clone(),
        },
    };
    match &outcome.fault {
        None => tracing::info!(
            command_key = %job.command_key,
            url = %http::redact_url(&job.url),
            bytes = outcome.bytes,
            version = outcome.software_version.as_deref().unwrap_or(""),
            "transfer complete"
        ),
        Some(f) => tracing::warn!(
            command_key = %job.command_key,
            url = %http::redact_url(&job.url),
            code = f.code,
            reason = %f.message,
            "transfer failed"
        ),
    }
    TransferResult {
        start_time: clock.start_time(),
        complete_time: clock.now(),
        fault,
        software_version: outcome.software_version,
        bytes: outcome.bytes,
    }
}

/// A failed transfer: the TransferComplete fault code and a short reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub code: u32,
    pub message: String,
}

impl Failure {
    pub fn new(code: u32, message: impl Into<String>) -> Self {
        let mut message: String = message.into();
        if message.len() > 256 {
            let mut cut = 256;
            while !message.is_char_boundary(cut) {
                cut -= 1;
            }
            message.truncate(cut);
        }
        Failure { code, message }
    }
}

/// What the download or upload layer reports to [`execute`].
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub fault: Option<Failure>,
    pub software_version: Option<String>,
    pub bytes: u64,
}

impl Outcome {
    pub fn failed(failure: Failure, bytes: u64) -> Self {
        Outcome {
            fault: Some(failure),
            software_version: None,
            bytes,
        }
    }
}

/// Wall-clock start plus monotonic elapsed time, so the completion time is never before the
/// start even when the system clock steps back.
struct Clock {
    wall: SystemTime,
    mono: Instant,
}

impl Clock {
    fn start() -> Self {
        Clock {
            wall: SystemTime::now(),
            mono: Instant::now(),
        }
    }

    fn start_time(&self) -> DateTime {
        to_datetime(self.wall)
    }

    fn now(&self) -> DateTime {
        to_datetime(self.wall + self.mono.elapsed())
    }
}

fn to_datetime(t: SystemTime) -> DateTime {
    let since = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX / 2);
    let mut dt = DateTime::from_unix(secs);
    dt.nanosecond = since.subsec_nanos();
    dt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_passwords() {
        let job = TransferJob {
            kind: TransferKind::Upload {
                content: Bytes::from_static(b"secret file content"),
            },
            command_key: "k".into(),
            file_type: "1 Vendor Configuration File".into(),
            url: "http://admin:hunter2@files.example/up".into(),
            username: "user".into(),
            password: "s3cr3t-pw".into(),
            file_size: 0,
            target_file_name: String::new(),
        };
        let text = format!("{job:?}");
        assert!(!text.contains("s3cr3t-pw"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(!text.contains("secret file content"), "{text}");
        assert!(
            text.contains("files.example") && text.contains("19 bytes"),
            "{text}"
        );
    }

    #[test]
    fn jobs_from_rpcs() {
        let rpc = Download {
            command_key: "fw1".into(),
            file_type: FIRMWARE_FILE_TYPE.into(),
            url: "http://h/fw_v2.bin".into(),
            file_size: 42,
            ..Default::default()
        };
        let job = TransferJob::download(&rpc);
        assert!(job.is_firmware());
        assert_eq!(job.file_size, 42);
        let up = TransferJob::upload(
            &Upload {
                command_key: "u".into(),
                ..Default::default()
            },
            b"abc".to_vec(),
        );
        assert!(!up.is_firmware());
        assert_eq!(
            up.kind,
            TransferKind::Upload {
                content: Bytes::from_static(b"abc")
            }
        );
    }

    #[test]
    fn clock_never_goes_back_and_keeps_subseconds() {
        let clock = Clock::start();
        let (a, b) = (clock.start_time(), clock.now());
        assert!((b.to_unix(), b.nanosecond) >= (a.to_unix(), a.nanosecond));
        let t = UNIX_EPOCH + Duration::new(1_700_000_000, 250_000_000);
        let dt = to_datetime(t);
        assert_eq!(dt.to_unix(), 1_700_000_000);
        assert_eq!(dt.nanosecond, 250_000_000);
    }

    #[test]
    fn failure_messages_are_bounded() {
        let f = Failure::new(9010, "é".repeat(300));
        assert!(f.message.len() <= 256);
    }
}
