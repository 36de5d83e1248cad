//! The engine's inputs besides the device and its tasks, its errors and notices, and the
//! rules for which tasks are due.

use crate::model::{FileMeta, Millis, Task, TaskSpec, TaskStatus};
use cwmp::CwmpVersion;
use std::collections::{BTreeMap, BTreeSet};

/// How a faulted task is retried: `base_delay * 2^(retries - 1)`, capped at `max_delay`,
/// for at most `max_retries` retries (GenieACS waits 300 s, doubling per retry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskRetry {
    pub base_delay: Millis,
    pub max_delay: Millis,
    pub max_retries: u32,
}

impl Default for TaskRetry {
    fn default() -> Self {
        TaskRetry {
            base_delay: 5 * 60 * 1000,
            max_delay: 24 * 60 * 60 * 1000,
            max_retries: 5,
        }
    }
}

impl TaskRetry {
    /// The wait after a task's `retries`-th fault, or `None` when it has no retry left.
    pub fn delay(&self, retries: u32) -> Option<Millis> {
        if retries == 0 || retries > self.max_retries {
            return None;
        }
        let factor = 1_i64 << (retries - 1).min(40);
        Some(self.base_delay.saturating_mul(factor).min(self.max_delay))
    }
}

/// What the engine needs to know besides the device and its tasks.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineContext {
    /// The session's time; every timestamp the session writes is this one.
    pub now: Millis,
    /// The base URL CPEs fetch files from (`http://acs.example:7567`).
    pub fs_url: String,
    /// The CPE's address as the HTTP layer saw it.
    pub remote_address: String,
    /// The session's negotiated CWMP version ([`cwmp::session::AcsSession::dialect`]).
    pub version: CwmpVersion,
    /// Stored files by name, for Download's FileSize (0, "unknown", when absent).
    pub files: BTreeMap<String, FileMeta>,
    /// The ids of the fault records of each task (task id -> fault ids).
    pub task_faults: BTreeMap<i64, Vec<i64>>,
    pub retry: TaskRetry,
    /// Names per GetParameterValues when a refresh reads what it discovered.
    pub gpv_batch: usize,
    /// How long a transfer may wait for its TransferComplete.
    pub transfer_timeout: Millis,
}

impl Default for EngineContext {
    fn default() -> Self {
        EngineContext {
            now: 0,
            fs_url: String::new(),
            remote_address: String::new(),
            version: CwmpVersion::V1_4,
            files: BTreeMap::new(),
            task_faults: BTreeMap::new(),
            retry: TaskRetry::default(),
            gpv_batch: 100,
            transfer_timeout: 60 * 60 * 1000,
        }
    }
}

impl EngineContext {
    pub fn new(now: Millis, fs_url: impl Into<String>) -> EngineContext {
        EngineContext {
            now,
            fs_url: fs_url.into(),
            ..EngineContext::default()
        }
    }
}

/// A call the engine cannot make sense of: a bug in the caller, reported rather than acted on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the session has had no Inform")]
    NoInform,
    #[error("the session already had its Inform")]
    AlreadyInformed,
    #[error("the engine was given device {loaded}, but {informed} informed")]
    DeviceMismatch { loaded: String, informed: String },
    #[error("{0} is not the request the engine is waiting on")]
    NotOutstanding(String),
}

/// Something that happened in the session, for logs and metrics.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    TaskDone {
        task: i64,
    },
    /// A transfer the CPE accepted; its TransferComplete will close the task.
    TaskPending {
        task: i64,
    },
    TaskFaulted {
        task: i64,
        code: String,
        /// When it will be retried; `None` when it will not be.
        retry_at: Option<Millis>,
    },
    TransferComplete {
        command_key: String,
        /// The task it closed, if one matched.
        task: Option<i64>,
        fault_code: u32,
    },
    AutonomousTransferComplete {
        url: String,
        is_download: bool,
        file_type: String,
        fault_code: u32,
    },
    /// Another request from the CPE (RequestDownload, Kicked, DU state changes, ...).
    CpeRequest {
        method: String,
    },
    /// A provisioning channel faulted (its fault is in the session's write).
    ChannelFaulted {
        channel: String,
        code: String,
    },
    /// A line a provision script logged in its last run.
    ScriptLog {
        channel: String,
        line: String,
    },
}

/// Whether a task may run at `now`: not expired, queued and past its backoff, or faulted
/// with a retry time that has come. Transfers waiting for TransferComplete are due too (the
/// session must know them to close them) but are not sent again.
pub fn is_due(task: &Task, now: Millis) -> bool {
    if task.expiry.is_some_and(|e| e <= now) {
        return false;
    }
    match task.status {
        TaskStatus::Queued => task.not_before.is_none_or(|t| t <= now),
        TaskStatus::Fault => task.not_before.is_some_and(|t| t <= now),
        TaskStatus::Done => false,
    }
}

/// The files the download tasks name, for the caller to put in [`EngineContext::files`].
pub fn files_needed(tasks: &[Task]) -> BTreeSet<String> {
    tasks
        .iter()
        .filter_map(|t| match &t.spec {
            TaskSpec::Download { file_name, .. } => Some(file_name.clone()),
            _ => None,
        })
        .collect()
}
