//! Work the device has accepted and does after the RPC returned: file transfers, deployment
//! unit operations, scheduled informs. These survive restarts, so they are serialisable.

use cwmp::message::{Operation, TimeWindowStruct, TransferState};

/// A Download, Upload or ScheduleDownload the device has accepted.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QueuedTransfer {
    pub command_key: String,
    pub is_download: bool,
    pub file_type: String,
    pub url: String,
    pub username: String,
    pub password: String,
    pub file_size: u32,
    pub target_file_name: String,
    /// Unix time before which it must not start.
    pub not_before: i64,
    /// ScheduleDownload windows as absolute unix times `(start, end)`; empty: any time.
    pub windows: Vec<(i64, i64)>,
    /// Whether the RPC was ScheduleDownload (its completion event is `M ScheduleDownload`).
    pub scheduled: bool,
    pub started: bool,
}

impl std::fmt::Debug for QueuedTransfer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueuedTransfer")
            .field("command_key", &self.command_key)
            .field("is_download", &self.is_download)
            .field("file_type", &self.file_type)
            .field("url", &self.url)
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("file_size", &self.file_size)
            .field("not_before", &self.not_before)
            .field("windows", &self.windows)
            .finish()
    }
}

impl QueuedTransfer {
    /// A Download, to start `delay` seconds after `now`.
    pub fn download(d: &cwmp::message::Download, now: i64) -> QueuedTransfer {
        QueuedTransfer {
            command_key: d.command_key.clone(),
            is_download: true,
            file_type: d.file_type.clone(),
            url: d.url.clone(),
            username: d.username.clone(),
            password: d.password.clone(),
            file_size: d.file_size,
            target_file_name: d.target_file_name.clone(),
            not_before: now + i64::from(d.delay_seconds),
            windows: Vec::new(),
            scheduled: false,
            started: false,
        }
    }

    /// An Upload, to start `delay` seconds after `now`.
    pub fn upload(u: &cwmp::message::Upload, now: i64) -> QueuedTransfer {
        QueuedTransfer {
            command_key: u.command_key.clone(),
            is_download: false,
            file_type: u.file_type.clone(),
            url: u.url.clone(),
            username: u.username.clone(),
            password: u.password.clone(),
            file_size: 0,
            target_file_name: String::new(),
            not_before: now + i64::from(u.delay_seconds),
            windows: Vec::new(),
            scheduled: false,
            started: false,
        }
    }

    /// A ScheduleDownload with its windows already made absolute.
    pub fn scheduled(
        d: &cwmp::message::ScheduleDownload,
        now: i64,
        windows: Vec<(i64, i64)>,
    ) -> QueuedTransfer {
        QueuedTransfer {
            command_key: d.command_key.clone(),
            is_download: true,
            file_type: d.file_type.clone(),
            url: d.url.clone(),
            username: d.username.clone(),
            password: d.password.clone(),
            file_size: d.file_size,
            target_file_name: d.target_file_name.clone(),
            not_before: now,
            windows,
            scheduled: true,
            started: false,
        }
    }

    pub fn state(&self) -> TransferState {
        if self.started {
            TransferState::InProgress
        } else {
            TransferState::NotYetStarted
        }
    }

    /// Whether it may start at `now`: after its delay and inside a window if it has any.
    pub fn is_due(&self, now: i64) -> bool {
        !self.started
            && now >= self.not_before
            && (self.windows.is_empty() || self.windows.iter().any(|(s, e)| now >= *s && now < *e))
    }

    /// Whether every window has passed without the transfer starting (fault 9020).
    pub fn missed_all_windows(&self, now: i64) -> bool {
        !self.started && !self.windows.is_empty() && self.windows.iter().all(|(_, e)| now >= *e)
    }

    /// The next time it could become due, for the agent's timer.
    pub fn next_start(&self, now: i64) -> Option<i64> {
        if self.started {
            return None;
        }
        if self.windows.is_empty() {
            return Some(self.not_before.max(now));
        }
        self.windows
            .iter()
            .filter(|(_, e)| *e > now)
            .map(|(s, _)| (*s).max(now))
            .min()
    }
}

/// Turns ScheduleDownload windows (seconds from now) into absolute times, checking what
/// TR-069 requires: one or two windows, each with start < end, not overlapping.
pub fn absolute_windows(now: i64, list: &[TimeWindowStruct]) -> Result<Vec<(i64, i64)>, String> {
    if list.is_empty() || list.len() > 2 {
        return Err("one or two time windows are required".into());
    }
    let mut out: Vec<(i64, i64)> = Vec::new();
    for w in list {
        if w.window_end <= w.window_start {
            return Err("a window must end after it starts".into());
        }
        let window = (
            now + i64::from(w.window_start),
            now + i64::from(w.window_end),
        );
        if out.iter().any(|(s, e)| window.0 < *e && *s < window.1) {
            return Err("time windows must not overlap".into());
        }
        out.push(window);
    }
    Ok(out)
}

/// A ChangeDUState request waiting to be carried out.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QueuedDuChange {
    pub command_key: Option<String>,
    pub operations: Vec<Operation>,
}

/// A ScheduleInform the device owes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScheduledInform {
    pub at: i64,
    pub command_key: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(start: u32, end: u32) -> TimeWindowStruct {
        TimeWindowStruct {
            window_start: start,
            window_end: end,
            window_mode: "1 At Any Time".into(),
            user_message: String::new(),
            max_retries: -1,
        }
    }

    #[test]
    fn windows_are_validated_and_made_absolute() {
        assert_eq!(
            absolute_windows(1000, &[window(10, 20)]),
            Ok(vec![(1010, 1020)])
        );
        assert!(absolute_windows(0, &[]).is_err());
        assert!(absolute_windows(0, &[window(20, 10)]).is_err());
        assert!(absolute_windows(0, &[window(0, 20), window(10, 30)]).is_err());
        assert!(absolute_windows(0, &[window(0, 1), window(2, 3), window(4, 5)]).is_err());
    }

    #[test]
    fn due_times() {
        let t = QueuedTransfer {
            command_key: "k".into(),
            is_download: true,
            file_type: "1 Firmware Upgrade Image".into(),
            url: "http://fs/fw.bin".into(),
            username: String::new(),
            password: "secret".into(),
            file_size: 0,
            target_file_name: String::new(),
            not_before: 100,
            windows: vec![(200, 300)],
            scheduled: true,
            started: false,
        };
        assert!(!t.is_due(150));
        assert!(t.is_due(250));
        assert!(!t.is_due(300));
        assert_eq!(t.next_start(50), Some(200));
        assert!(t.missed_all_windows(300));
        assert!(!format!("{t:?}").contains("secret"));
    }
}
