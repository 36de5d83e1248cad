//! Persistence behind a trait, so the same engine and API run on SQLite (the embedded
//! default) and PostgreSQL (several ACS nodes sharing one database).

pub mod sqlite;

use crate::filter::Expr;
use crate::model::{
    DeviceCredentials, DeviceRecord, FaultInfo, FaultRecord, FileMeta, Millis, Task, TaskSpec,
};
use std::future::Future;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Conflict(String),
}

/// A page of devices for the REST API.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeviceQuery {
    pub filter: Option<Expr>,
    /// `(field, descending)`; fields as in the filter language (`lastInform`, a parameter path).
    pub sort: Vec<(String, bool)>,
    pub limit: Option<u64>,
    pub offset: u64,
}

/// A fault to record, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFault {
    pub device: String,
    pub channel: String,
    pub task: Option<i64>,
    pub fault: FaultInfo,
    pub retries: u32,
    pub timestamp: Millis,
}

/// A transfer whose TransferComplete did not come in time, found outside a session.
#[derive(Debug, Clone, PartialEq)]
pub struct TransferTimeout {
    /// The task as faulted.
    pub task: Task,
    pub fault: NewFault,
    /// When the transfer the task waited for was sent.
    pub sent: Millis,
}

/// Everything a session changed, written in one transaction when it ends.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionWrite {
    pub device: DeviceRecord,
    /// Tasks whose status, retries, result or fault changed.
    pub tasks: Vec<Task>,
    pub new_faults: Vec<NewFault>,
    /// Faults cleared because their task or channel has now succeeded (or a newer fault
    /// replaces them).
    pub cleared_faults: Vec<i64>,
    /// Tags the session added (`true`) or removed (`false`); the record's `tags` are not
    /// written for a known device, so a tag set through the API meanwhile stays.
    pub tag_changes: Vec<(String, bool)>,
}

/// The operations the ACS needs. Every method is one round trip or one transaction.
pub trait Store: Send + Sync + 'static {
    fn load_device(
        &self,
        id: &str,
    ) -> impl Future<Output = Result<Option<DeviceRecord>, StoreError>> + Send;

    fn save_session(
        &self,
        write: SessionWrite,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Removes the device with its tasks and faults; false if there was none.
    fn delete_device(&self, id: &str) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Adds or removes a tag; false if the device does not exist.
    fn set_tag(
        &self,
        id: &str,
        tag: &str,
        present: bool,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// `(total matching, the requested page)`. A filter on a parameter value must use an
    /// index, not read every device's tree.
    fn list_devices(
        &self,
        query: &DeviceQuery,
    ) -> impl Future<Output = Result<(u64, Vec<DeviceRecord>), StoreError>> + Send;

    fn queue_task(
        &self,
        device: &str,
        spec: &TaskSpec,
        expiry: Option<Millis>,
        now: Millis,
    ) -> impl Future<Output = Result<Task, StoreError>> + Send;

    /// Queued tasks of a device that may run at `now` (not expired, past their backoff),
    /// oldest first. Expired ones are dropped.
    fn due_tasks(
        &self,
        device: &str,
        now: Millis,
    ) -> impl Future<Output = Result<Vec<Task>, StoreError>> + Send;

    fn get_task(&self, id: i64) -> impl Future<Output = Result<Option<Task>, StoreError>> + Send;

    /// Transfers (download and upload tasks) the CPE accepted at or before `sent_by` and has
    /// not reported on since: candidates for the transfer timeout of devices that do not
    /// come back.
    fn stale_transfers(
        &self,
        sent_by: Millis,
    ) -> impl Future<Output = Result<Vec<Task>, StoreError>> + Send;

    /// Records timed-out transfers outside a session, in one transaction: each writes its
    /// task and replaces the task's earlier fault records with its fault, but only if the
    /// task still waits for the transfer sent at `sent` (a TransferComplete may have closed
    /// it since). Returns the ids of the tasks written.
    fn fault_stale_transfers(
        &self,
        faults: Vec<TransferTimeout>,
    ) -> impl Future<Output = Result<Vec<i64>, StoreError>> + Send;
    fn delete_task(&self, id: i64) -> impl Future<Output = Result<bool, StoreError>> + Send;
    fn list_tasks(
        &self,
        device: Option<&str>,
    ) -> impl Future<Output = Result<Vec<Task>, StoreError>> + Send;
    /// Puts a faulted task back in the queue now; false if there is no such task.
    fn retry_task(
        &self,
        id: i64,
        now: Millis,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    fn list_faults(
        &self,
        device: Option<&str>,
    ) -> impl Future<Output = Result<Vec<FaultRecord>, StoreError>> + Send;
    fn delete_fault(&self, id: i64) -> impl Future<Output = Result<bool, StoreError>> + Send;

    fn put_file(
        &self,
        meta: &FileMeta,
        content: &[u8],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn get_file(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<(FileMeta, Vec<u8>)>, StoreError>> + Send;
    fn file_meta(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<FileMeta>, StoreError>> + Send;
    fn delete_file(&self, name: &str) -> impl Future<Output = Result<bool, StoreError>> + Send;
    fn list_files(&self) -> impl Future<Output = Result<Vec<FileMeta>, StoreError>> + Send;

    /// Every preset with its name, by name. Every session reads them: a store may keep
    /// them in memory, as long as a change is seen by the next call.
    #[allow(clippy::type_complexity)]
    fn list_presets(
        &self,
    ) -> impl Future<
        Output = Result<std::sync::Arc<Vec<(String, crate::preset::Preset)>>, StoreError>,
    > + Send;
    /// Presets and scripts prepared for sessions, which read them every time: a store may
    /// keep them in memory, as long as a change is seen by the next call.
    fn catalog(
        &self,
    ) -> impl Future<Output = Result<std::sync::Arc<crate::provision::catalog::Catalog>, StoreError>>
    + Send;
    /// The device's faults of provisioning channels (not of tasks).
    fn channel_faults(
        &self,
        device: &str,
    ) -> impl Future<Output = Result<Vec<FaultRecord>, StoreError>> + Send;
    fn get_preset(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<crate::preset::Preset>, StoreError>> + Send;
    /// Creates or replaces a preset (already checked by `Preset::check`).
    fn put_preset(
        &self,
        name: &str,
        preset: &crate::preset::Preset,
        now: Millis,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn delete_preset(&self, name: &str) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// The names of the scripts of `kind`, sorted.
    fn list_scripts(
        &self,
        kind: crate::script::ScriptKind,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;
    fn get_script(
        &self,
        kind: crate::script::ScriptKind,
        name: &str,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;
    /// Creates or replaces a script (already checked by `script::check_syntax`).
    fn put_script(
        &self,
        kind: crate::script::ScriptKind,
        name: &str,
        source: &str,
        now: Millis,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn delete_script(
        &self,
        kind: crate::script::ScriptKind,
        name: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// The credentials set for a device, if any.
    fn get_credentials(
        &self,
        device: &str,
    ) -> impl Future<Output = Result<Option<DeviceCredentials>, StoreError>> + Send;
    /// Sets (replaces) a device's credentials; the device need not exist yet.
    fn put_credentials(
        &self,
        device: &str,
        credentials: &DeviceCredentials,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Removes a device's credentials; false if it had none.
    fn delete_credentials(
        &self,
        device: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Takes the session lock of a device for `owner` until `now + lease`; false when another
    /// owner holds an unexpired lock.
    fn acquire_session_lock(
        &self,
        device: &str,
        owner: &str,
        now: Millis,
        lease: Millis,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    fn release_session_lock(
        &self,
        device: &str,
        owner: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}
