//! Download and Upload tasks: the URLs the CPE is given, and the "in progress" state a task
//! keeps between the RPC and the CPE's TransferComplete.
//!
//! A transfer the CPE accepted with Status 1 stays `queued` with this marker as its result:
//! `{"pending": true, "sent": <ms>, "commandKey": "<task id>", "url": "..."}`. The store keeps
//! returning it as due, the engine never sends its RPC again while the marker is there, and a
//! TransferComplete with the command key (in this or any later session) closes it. A marker
//! older than [`super::EngineContext::transfer_timeout`] at the end of a session faults the task
//! with code `timeout` (then it is retried like any fault, with a fresh RPC).

use crate::model::{Millis, Task, TaskSpec};
use serde_json::{Value, json};

/// Writes `s` as one URL path segment: every byte but the RFC 3986 unreserved characters is
/// `%XX`, so names with spaces, `/` or `%` reach the file server intact.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn base(fs_url: &str) -> &str {
    fs_url.trim_end_matches('/')
}

/// `<fs_url>/<file name>`: where the file server serves a stored file.
pub fn download_url(fs_url: &str, file_name: &str) -> String {
    format!("{}/{}", base(fs_url), percent_encode(file_name))
}

/// `<fs_url>/uploads/<device id>/<file name>`: where a CPE puts an uploaded file. The device
/// id is escaped again as a path segment, so the server decodes it back to the id itself.
pub fn upload_url(fs_url: &str, device_id: &str, file_name: &str) -> String {
    format!(
        "{}/uploads/{}/{}",
        base(fs_url),
        percent_encode(device_id),
        percent_encode(file_name)
    )
}

/// The name an upload is stored under: the task's `fileName`, else `<task id>-<file type>`
/// with the type reduced to lower-case letters, digits and dashes
/// (`42-1-vendor-configuration-file`).
pub fn upload_file_name(task_id: i64, file_name: Option<&str>, file_type: &str) -> String {
    if let Some(name) = file_name.filter(|n| !n.is_empty()) {
        return name.to_string();
    }
    let mut slug = String::new();
    for c in file_type.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{task_id}-upload")
    } else {
        format!("{task_id}-{slug}")
    }
}

/// The marker result of a transfer waiting for its TransferComplete.
pub(crate) fn pending_result(command_key: &str, url: &str, now: Millis) -> Value {
    json!({"pending": true, "sent": now, "commandKey": command_key, "url": url})
}

/// When the transfer of a download or upload task was accepted by the CPE, if the task is
/// still waiting for its TransferComplete.
pub fn pending_since(task: &Task) -> Option<Millis> {
    if !is_transfer(&task.spec) {
        return None;
    }
    let result = task.result.as_ref()?;
    if result.get("pending").and_then(Value::as_bool) != Some(true) {
        return None;
    }
    result.get("sent").and_then(Value::as_i64)
}

pub(crate) fn is_transfer(spec: &TaskSpec) -> bool {
    matches!(spec, TaskSpec::Download { .. } | TaskSpec::Upload { .. })
}

/// The result of a finished transfer: the marker's URL kept, the CPE's times added.
pub(crate) fn completed_result(previous: Option<&Value>, start: &str, complete: &str) -> Value {
    let url = previous
        .and_then(|r| r.get("url"))
        .cloned()
        .unwrap_or(Value::Null);
    let mut result = json!({"startTime": start, "completeTime": complete});
    if !url.is_null() {
        result["url"] = url;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_escape_names_and_device_ids() {
        assert_eq!(
            download_url("http://fs:7567/", "fw v2/a.bin"),
            "http://fs:7567/fw%20v2%2Fa.bin"
        );
        assert_eq!(
            upload_url("http://fs:7567", "A4B1C2-HGW%2DAX-1", "log.txt"),
            "http://fs:7567/uploads/A4B1C2-HGW%252DAX-1/log.txt"
        );
    }

    #[test]
    fn upload_names_are_generated_from_the_file_type() {
        assert_eq!(
            upload_file_name(42, None, "1 Vendor Configuration File"),
            "42-1-vendor-configuration-file"
        );
        assert_eq!(upload_file_name(42, Some("cfg.xml"), "1 X"), "cfg.xml");
        assert_eq!(upload_file_name(7, Some(""), "  "), "7-upload");
    }
}
