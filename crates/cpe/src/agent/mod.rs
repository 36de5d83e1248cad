//! The life of one device as a task: wait for the next thing to do (a periodic or scheduled
//! inform, a connection request, a due transfer, the end of a retry wait), carry out queued
//! work, run a session with the ACS, save the state, reboot when asked.

pub mod schedule;
pub mod stats;

use crate::acs_client::{AcsClient, AcsConnection, Credentials, run_session};
use crate::conn_req::{Registry, new_token};
use crate::device::du::TransferDone;
use crate::device::{Device, PendingAction};
use crate::store::StateDir;
use crate::transfer::{TransferJob, TransferLimits, execute};
use cwmp::message::{Download, Upload};
use cwmp::session::{CpeConfig, CpeSession, SessionFailure};
use cwmp::{CwmpVersion, EventCode};
use schedule::{Phase, periodic, plan, retry_deadline};
use stats::Stats;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

/// Settings every device of a process shares.
#[derive(Debug, Clone)]
pub struct AgentConfig {
    pub acs_url: String,
    /// ACS credentials, unless the device's ManagementServer.Username/Password say otherwise.
    pub acs_username: String,
    pub acs_password: String,
    /// Base URL the connection-request listener is reachable at, e.g. `http://10.0.0.5:7548`.
    pub conn_req_base: String,
    /// PeriodicInformInterval for profiles that do not set one.
    pub periodic_interval: u32,
    pub phase: Phase,
    pub cwmp_version: CwmpVersion,
    pub transfer_limits: TransferLimits,
}

/// What the device tasks of a process share: clients, listener registry, store, statistics.
#[derive(Debug)]
pub struct Shared {
    pub config: AgentConfig,
    pub acs: AcsClient,
    pub http: reqwest::Client,
    pub registry: Arc<Registry>,
    pub store: Option<StateDir>,
    pub stats: Arc<Stats>,
}

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn failure_reason(failure: &SessionFailure) -> String {
    match failure {
        SessionFailure::Transport => "transport".into(),
        SessionFailure::HttpStatus(code) => format!("http {code}"),
        SessionFailure::Malformed(_) => "malformed response".into(),
        SessionFailure::InformFault(code) => format!("fault {}", code.code()),
        SessionFailure::Protocol(_) => "protocol".into(),
    }
}

/// The path token of a connection-request URL this process handed out before, so a device
/// keeps its URL across restarts.
fn existing_token(device: &Device, base: &str) -> Option<String> {
    let url = device.value("ManagementServer.ConnectionRequestURL")?;
    let token = url.strip_prefix(base)?.strip_prefix("/cr/")?;
    (!token.is_empty() && token.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| token.into())
}

struct Task {
    device: Device,
    shared: Arc<Shared>,
    conn: AcsConnection,
    token: String,
    wake: Arc<Notify>,
    last_periodic: i64,
    retry_at: Option<i64>,
}

impl Task {
    fn register(&self) {
        let user = self
            .device
            .value("ManagementServer.ConnectionRequestUsername")
            .unwrap_or_default();
        let pass = self
            .device
            .value("ManagementServer.ConnectionRequestPassword")
            .unwrap_or_default();
        self.shared
            .registry
            .register(&self.token, &user, &pass, Arc::clone(&self.wake));
    }

    fn save(&self) {
        if let Some(store) = &self.shared.store
            && let Err(e) = store.save(&self.device.snapshot())
        {
            tracing::error!(serial = %self.device.serial, error = %e, "cannot save device state");
        }
    }

    /// The ACS URL and credentials follow the data model, which the ACS may change.
    fn refresh_connection(&mut self) {
        if let Some(url) = self.device.acs_url()
            && url != self.conn.url().as_str()
            && let Err(e) = self.conn.set_url(&url)
        {
            tracing::warn!(serial = %self.device.serial, error = %e, "ignoring unusable ACS URL");
        }
        let user = self
            .device
            .value("ManagementServer.Username")
            .filter(|u| !u.is_empty());
        let pass = self
            .device
            .value("ManagementServer.Password")
            .unwrap_or_default();
        let config = &self.shared.config;
        let credentials = match user {
            Some(u) => Some(Credentials::new(u, pass)),
            None if !config.acs_username.is_empty() => Some(Credentials::new(
                config.acs_username.clone(),
                config.acs_password.clone(),
            )),
            None => None,
        };
        self.conn.set_credentials(credentials);
    }

    /// Runs the transfers that are due, one after the other, and closes those whose windows
    /// all passed. Returns true when a firmware image was installed (a reboot is due).
    async fn run_transfers(&mut self, now: i64) -> bool {
        let mut reboot = false;
        let missed: Vec<String> = self
            .device
            .transfers
            .iter()
            .filter(|t| t.missed_all_windows(now))
            .map(|t| t.command_key.clone())
            .collect();
        for key in missed {
            let fault = cwmp::message::TransferCompleteFaultStruct {
                fault_code: cwmp::FaultCode::OutsideTimeWindow.code(),
                fault_string: "no time window allowed the download".into(),
            };
            let unknown = cwmp::DateTime::UNKNOWN;
            let done = TransferDone {
                command_key: key,
                start_time: unknown,
                complete_time: unknown,
                fault,
                new_software_version: None,
            };
            self.device.transfer_finished(done);
        }
        while let Some(index) = self.device.transfers.iter().position(|t| t.is_due(now)) {
            self.device.transfers[index].started = true;
            let job = self.job_for(index);
            let result = Box::pin(execute(
                &self.shared.http,
                &job,
                &self.shared.config.transfer_limits,
            ))
            .await;
            reboot |= self.device.transfer_finished(TransferDone {
                command_key: job.command_key.clone(),
                start_time: result.start_time,
                complete_time: result.complete_time,
                fault: result.fault,
                new_software_version: result.software_version,
            });
        }
        reboot
    }

    fn job_for(&self, index: usize) -> TransferJob {
        let t = &self.device.transfers[index];
        if t.is_download {
            TransferJob::download(&Download {
                command_key: t.command_key.clone(),
                file_type: t.file_type.clone(),
                url: t.url.clone(),
                username: t.username.clone(),
                password: t.password.clone(),
                file_size: t.file_size,
                target_file_name: t.target_file_name.clone(),
                ..Download::default()
            })
        } else {
            let rpc = Upload {
                command_key: t.command_key.clone(),
                file_type: t.file_type.clone(),
                url: t.url.clone(),
                username: t.username.clone(),
                password: t.password.clone(),
                delay_seconds: 0,
            };
            TransferJob::upload(&rpc, self.upload_content(&t.file_type))
        }
    }

    /// A configuration file is the parameter tree as `name=value` lines; a log file is a
    /// short log of the device's life.
    fn upload_content(&self, file_type: &str) -> Vec<u8> {
        if file_type.starts_with("2 ") {
            let uptime = self.device.value("DeviceInfo.UpTime").unwrap_or_default();
            return format!(
                "serial={}\nuptime={uptime}\nstatus=ok\n",
                self.device.serial
            )
            .into_bytes();
        }
        let mut out = String::new();
        for (path, kind) in self.device.model.paths_under("") {
            if kind == datamodel::NodeKind::Parameter && !cwmp::message::is_secret_parameter(&path)
            {
                let value = self.device.model.value(&path).unwrap_or_default();
                out.push_str(&format!("{path}={value}\n"));
            }
        }
        out.into_bytes()
    }

    async fn session(&mut self, now: i64) {
        self.refresh_connection();
        let content = self.device.inform_content(now);
        let config = CpeConfig {
            device_id: self.device.device_id(),
            version: self.shared.config.cwmp_version,
        };
        let mut session = CpeSession::new(config, content, self.device.outbox.clone());
        let started = Instant::now();
        let retrying = self.device.retry_count > 0;
        let outcome = Box::pin(run_session(
            &self.shared.acs,
            &mut self.conn,
            &mut session,
            &mut self.device,
        ))
        .await;
        self.device.session_finished(&outcome);
        let failure = outcome.result.as_ref().err().map(failure_reason);
        self.shared
            .stats
            .session(started.elapsed(), failure.clone(), retrying);
        match failure {
            None => {
                self.retry_at = None;
                match self.device.take_pending_action() {
                    Some(PendingAction::Reboot { command_key }) => {
                        self.device.reboot(unix_now(), &command_key);
                        self.last_periodic = unix_now();
                    }
                    Some(PendingAction::FactoryReset) => {
                        let url = self.shared.config.acs_url.clone();
                        self.device.factory_reset(unix_now(), &url);
                        self.set_conn_req_url();
                    }
                    None => {}
                }
            }
            Some(reason) => {
                tracing::debug!(serial = %self.device.serial, %reason, result = ?outcome.result, "session failed");
                self.retry_at = Some(retry_deadline(
                    &self.device,
                    unix_now(),
                    rand::random::<f64>(),
                ));
            }
        }
        self.register();
        self.save();
    }

    fn set_conn_req_url(&mut self) {
        let url = format!("{}/cr/{}", self.shared.config.conn_req_base, self.token);
        self.device
            .set_own("ManagementServer.ConnectionRequestURL", url);
    }

    async fn run(mut self, shutdown: CancellationToken) {
        self.register();
        loop {
            let now = unix_now();
            self.device.set_clock(now);
            let outbox = self.device.outbox.len();
            if Box::pin(self.run_transfers(now)).await {
                // The new firmware boots: `1 BOOT` next to the transfer's own events, but no
                // `M Reboot`, which only a Reboot RPC causes.
                let url = self.device.acs_url().unwrap_or_default();
                self.device.power_on(unix_now(), &url);
                self.last_periodic = unix_now();
            }
            while self.device.run_next_du_change() {}
            if self.device.outbox.len() != outbox {
                // Finished work is saved before it is reported, so a power loss from here on
                // neither repeats the transfer nor loses its completion.
                self.save();
            }
            let setting = periodic(
                &self.device,
                self.shared.config.periodic_interval,
                self.shared.config.phase,
            );
            let next = plan(
                &mut self.device,
                now,
                setting,
                &mut self.last_periodic,
                self.retry_at,
            );
            if next.session_now {
                self.session(now).await;
                continue;
            }
            let wait = Duration::from_secs((next.wake_at - now).clamp(0, 3600) as u64);
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = self.wake.notified() => {
                    self.device.add_event(EventCode::ConnectionRequest, "");
                    // A new event ends a retry wait at once.
                    self.retry_at = None;
                }
                () = shutdown.cancelled() => {
                    self.save();
                    self.shared.registry.unregister(&self.token);
                    return;
                }
            }
        }
    }
}

/// Runs one device until `shutdown`: powers it on (BOOT, and BOOTSTRAP when due), then serves
/// it. Sessions and transfers are boxed so an idle device task stays small.
pub async fn run_device(mut device: Device, shared: Arc<Shared>, shutdown: CancellationToken) {
    let now = unix_now();
    device.power_on(now, &shared.config.acs_url);
    let token = existing_token(&device, &shared.config.conn_req_base).unwrap_or_else(new_token);
    let conn = match AcsConnection::new(
        &device
            .acs_url()
            .unwrap_or_else(|| shared.config.acs_url.clone()),
    ) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(serial = %device.serial, error = %e, "unusable ACS URL");
            return;
        }
    };
    let mut task = Task {
        device,
        shared,
        conn,
        token,
        wake: Arc::new(Notify::new()),
        last_periodic: now,
        retry_at: None,
    };
    task.set_conn_req_url();
    task.save();
    task.run(shutdown).await;
}
