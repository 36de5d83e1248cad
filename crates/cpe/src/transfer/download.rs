//! Download: GET the file, check its size, inspect firmware images. The body is streamed and
//! dropped, so memory stays small whatever the file's size.

use reqwest::{Method, StatusCode};
use tokio::time::{Instant, timeout_at};

use super::firmware::FirmwareInspector;
use super::http::{self, SendError, Target};
use super::{Failure, Outcome, TransferJob, TransferLimits};

const TRANSFER_FAILURE: u32 = 9010;
const AUTH_FAILURE: u32 = 9012;
const CANNOT_CONTACT: u32 = 9015;
const CANNOT_ACCESS: u32 = 9016;
const CANNOT_COMPLETE: u32 = 9017;
const CORRUPTED: u32 = 9018;

pub(crate) async fn run(
    client: &reqwest::Client,
    job: &TransferJob,
    limits: &TransferLimits,
) -> Outcome {
    let deadline = Instant::now() + limits.total_timeout;
    let target = match Target::new(job) {
        Ok(target) => target,
        Err(failure) => return Outcome::failed(failure, 0),
    };
    if job.file_size > limits.max_size {
        return Outcome::failed(
            Failure::new(
                TRANSFER_FAILURE,
                format!(
                    "file of {} bytes exceeds the device's limit of {} bytes",
                    job.file_size, limits.max_size
                ),
            ),
            0,
        );
    }
    let sent = timeout_at(
        deadline,
        http::send(client, Method::GET, &target, None, limits),
    )
    .await;
    let sent = match sent {
        Err(_) => {
            return Outcome::failed(
                Failure::new(CANNOT_CONTACT, "no response from the file server in time"),
                0,
            );
        }
        Ok(Err(SendError::Contact(reason))) => {
            return Outcome::failed(Failure::new(CANNOT_CONTACT, reason), 0);
        }
        Ok(Err(SendError::Other(reason))) => {
            return Outcome::failed(
                Failure::new(TRANSFER_FAILURE, format!("request failed: {reason}")),
                0,
            );
        }
        Ok(Ok(sent)) => sent,
    };
    let mut response = sent.response;
    let status = response.status();
    if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
        let reason = if sent.with_credentials {
            format!("file server refused the credentials ({status})")
        } else {
            format!("file server requires authentication ({status}) and no credentials were given")
        };
        return Outcome::failed(Failure::new(AUTH_FAILURE, reason), 0);
    }
    if !status.is_success() {
        return Outcome::failed(
            Failure::new(CANNOT_ACCESS, format!("file server answered {status}")),
            0,
        );
    }

    let limit = if job.file_size > 0 {
        job.file_size
    } else {
        limits.max_size
    };
    let mut inspector = job.is_firmware().then(FirmwareInspector::new);
    let mut received: u64 = 0;
    loop {
        let chunk = match timeout_at(deadline, response.chunk()).await {
            Err(_) => {
                let reason = format!(
                    "download did not finish within {} s ({received} bytes received)",
                    limits.total_timeout.as_secs_f32()
                );
                return Outcome::failed(Failure::new(CANNOT_COMPLETE, reason), received);
            }
            Ok(Err(e)) => {
                let reason = format!(
                    "download broke off after {received} bytes: {}",
                    http::describe(&e)
                );
                return Outcome::failed(Failure::new(CANNOT_COMPLETE, reason), received);
            }
            Ok(Ok(None)) => break,
            Ok(Ok(Some(chunk))) => chunk,
        };
        received = received.saturating_add(chunk.len() as u64);
        if received > limit {
            let failure = if job.file_size > 0 {
                Failure::new(
                    CORRUPTED,
                    format!(
                        "file is longer than its FileSize of {} bytes",
                        job.file_size
                    ),
                )
            } else {
                Failure::new(
                    TRANSFER_FAILURE,
                    format!(
                        "file exceeds the device's limit of {} bytes",
                        limits.max_size
                    ),
                )
            };
            return Outcome::failed(failure, received);
        }
        if let Some(inspector) = &mut inspector {
            inspector.feed(&chunk);
        }
    }
    if job.file_size > 0 && received < job.file_size {
        let reason = format!(
            "file is shorter than its FileSize: {received} of {} bytes",
            job.file_size
        );
        return Outcome::failed(Failure::new(CANNOT_COMPLETE, reason), received);
    }
    let software_version = match inspector {
        None => None,
        Some(inspector) => match inspector.finish(&file_name(job, &target)) {
            Ok(version) => version,
            Err(e) => return Outcome::failed(Failure::new(CORRUPTED, e.to_string()), received),
        },
    };
    Outcome {
        fault: None,
        software_version,
        bytes: received,
    }
}

/// The name a firmware image goes by: TargetFileName, else the URL path's last segment.
fn file_name(job: &TransferJob, target: &Target) -> String {
    let given = job.target_file_name.trim();
    if !given.is_empty() {
        return given.to_owned();
    }
    target
        .url
        .path_segments()
        .and_then(|mut segments| segments.next_back())
        .map(http::percent_decode)
        .unwrap_or_default()
}
