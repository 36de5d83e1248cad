//! Upload: PUT the bytes the device generated.

use bytes::Bytes;
use reqwest::{Method, StatusCode};
use tokio::time::{Instant, timeout_at};

use super::http::{self, SendError, Target};
use super::{Failure, Outcome, TransferJob, TransferLimits};

const UPLOAD_FAILURE: u32 = 9011;
const AUTH_FAILURE: u32 = 9012;
const CANNOT_CONTACT: u32 = 9015;

pub(crate) async fn run(
    client: &reqwest::Client,
    job: &TransferJob,
    content: &Bytes,
    limits: &TransferLimits,
) -> Outcome {
    let deadline = Instant::now() + limits.total_timeout;
    let target = match Target::new(job) {
        Ok(target) => target,
        Err(failure) => return Outcome::failed(failure, 0),
    };
    let sent = timeout_at(
        deadline,
        http::send(client, Method::PUT, &target, Some(content), limits),
    )
    .await;
    let sent = match sent {
        Err(_) => {
            let reason = format!(
                "upload did not finish within {} s",
                limits.total_timeout.as_secs_f32()
            );
            return Outcome::failed(Failure::new(UPLOAD_FAILURE, reason), 0);
        }
        Ok(Err(SendError::Contact(reason))) => {
            return Outcome::failed(Failure::new(CANNOT_CONTACT, reason), 0);
        }
        Ok(Err(SendError::Other(reason))) => {
            let reason = format!("upload failed: {reason}");
            return Outcome::failed(Failure::new(UPLOAD_FAILURE, reason), 0);
        }
        Ok(Ok(sent)) => sent,
    };
    let status = sent.response.status();
    if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
        let reason = if sent.with_credentials {
            format!("file server refused the credentials ({status})")
        } else {
            format!("file server requires authentication ({status}) and no credentials were given")
        };
        return Outcome::failed(Failure::new(AUTH_FAILURE, reason), 0);
    }
    if !status.is_success() {
        let reason = format!("file server answered {status}");
        return Outcome::failed(Failure::new(UPLOAD_FAILURE, reason), 0);
    }
    Outcome {
        fault: None,
        software_version: None,
        bytes: content.len() as u64,
    }
}
