//! One live CWMP session: the protocol machine, the engine deciding what to ask, and the
//! store reads and the single write around them.

use super::CwmpState;
use crate::engine::{Action, EngineContext, SessionEngine, files_needed, inform_device_id};
use crate::model::Millis;
use crate::provision::session::{ChannelFault, ProvisionContext};
use crate::store::Store;
use cwmp::Envelope;
use cwmp::message::Inform;
use cwmp::session::{AcsOutput, AcsSession, EndReason, Reply};
use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

pub struct LiveSession {
    pub acs: AcsSession,
    pub engine: Option<SessionEngine>,
    pub device: Option<String>,
    pub started: Instant,
    pub last_seen: Instant,
    pub ended: bool,
    /// The lock owner: this session's cookie.
    pub owner: String,
    pub remote_address: String,
    pub host: Option<String>,
}

/// What to answer the POST with.
#[derive(Debug)]
pub enum HttpAnswer {
    Envelope(Vec<u8>),
    Empty,
    BadRequest(String),
    /// Another node or session holds the device.
    Busy(String),
    Internal(String),
}

impl LiveSession {
    pub fn new(
        acs: AcsSession,
        owner: String,
        remote_address: String,
        host: Option<String>,
    ) -> LiveSession {
        LiveSession {
            acs,
            engine: None,
            device: None,
            started: Instant::now(),
            last_seen: Instant::now(),
            ended: false,
            owner,
            remote_address,
            host,
        }
    }

    async fn start_engine<S: Store>(
        &mut self,
        state: &CwmpState<S>,
        inform: &Inform,
        now: Millis,
    ) -> Result<(), HttpAnswer> {
        let id = inform_device_id(inform);
        let lease = state.config.cwmp.session_lock().as_millis() as i64;
        let locked = state
            .store
            .acquire_session_lock(&id, &self.owner, now, lease)
            .await
            .map_err(|e| HttpAnswer::Internal(e.to_string()))?;
        if !locked {
            return Err(HttpAnswer::Busy(format!(
                "a session for {id} is already running"
            )));
        }
        self.device = Some(id.clone());
        let device = state
            .store
            .load_device(&id)
            .await
            .map_err(|e| HttpAnswer::Internal(e.to_string()))?;
        let tasks = state
            .store
            .due_tasks(&id, now)
            .await
            .map_err(|e| HttpAnswer::Internal(e.to_string()))?;
        let mut files = BTreeMap::new();
        for name in files_needed(&tasks) {
            if let Ok(Some(meta)) = state.store.file_meta(&name).await {
                files.insert(name, meta);
            }
        }
        let mut task_faults: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        // Only tasks can clear faults: a session without due tasks (nearly every periodic
        // one) skips this read.
        if !tasks.is_empty()
            && let Ok(faults) = state.store.list_faults(Some(&id)).await
        {
            for f in faults {
                if let Some(task) = f.task {
                    task_faults.entry(task).or_default().push(f.id);
                }
            }
        }
        let tasks_config = &state.config.tasks;
        let ctx = EngineContext {
            now,
            fs_url: state
                .config
                .fs_base_url(self.host.as_deref(), state.fs_port),
            remote_address: self.remote_address.clone(),
            version: self.acs.dialect().version,
            files,
            task_faults,
            retry: tasks_config.retry_policy(),
            transfer_timeout: tasks_config.transfer_timeout().as_millis() as i64,
            ..EngineContext::default()
        };
        let provisioning = self.provision_context(state, &id, &ctx).await?;
        let mut engine = SessionEngine::new(device, tasks, ctx).with_provisioning(provisioning);
        engine
            .on_inform(inform)
            .map_err(|e| HttpAnswer::Internal(e.to_string()))?;
        for event in &inform.event {
            state.metrics.inform_event(&event.event_code.to_string());
        }
        state.metrics.session_started();
        self.engine = Some(engine);
        Ok(())
    }

    async fn provision_context<S: Store>(
        &self,
        state: &CwmpState<S>,
        id: &str,
        ctx: &EngineContext,
    ) -> Result<ProvisionContext, HttpAnswer> {
        let catalog = state
            .store
            .catalog()
            .await
            .map_err(|e| HttpAnswer::Internal(e.to_string()))?;
        let mut channel_faults = BTreeMap::new();
        if !catalog.presets.is_empty() {
            let faults = state
                .store
                .channel_faults(id)
                .await
                .map_err(|e| HttpAnswer::Internal(e.to_string()))?;
            for f in faults {
                channel_faults.insert(
                    f.channel,
                    ChannelFault {
                        id: f.id,
                        retries: f.retries,
                        timestamp: f.timestamp,
                    },
                );
            }
        }
        let config = &state.config.provisioning;
        Ok(ProvisionContext {
            catalog,
            channel_faults,
            limits: config.limits(),
            retry: ctx.retry,
            max_rounds: config.max_rounds,
            max_cycles: config.max_cycles,
            gpv_batch: ctx.gpv_batch,
            fs_url: ctx.fs_url.clone(),
            script_cache: std::sync::Arc::clone(&state.script_cache),
        })
    }

    /// Feeds a POST body and works through the outputs until the HTTP answer is known.
    pub async fn post<S: Store>(
        &mut self,
        state: &CwmpState<S>,
        body: &[u8],
        now: Millis,
    ) -> HttpAnswer {
        self.last_seen = Instant::now();
        let mut queue: VecDeque<AcsOutput> = self.acs.on_post(body).into();
        let mut answer = None;
        while let Some(output) = queue.pop_front() {
            let step = match output {
                AcsOutput::Inform(inform) => match self.start_engine(state, &inform, now).await {
                    Ok(()) => Ok(()),
                    Err(refusal) => {
                        // The InformResponse must not go out: refuse and drop the session.
                        self.ended = true;
                        return refusal;
                    }
                },
                AcsOutput::CpeRequest(m) => {
                    if let Some(e) = self.engine.as_mut() {
                        e.on_cpe_request(&m);
                    }
                    Ok(())
                }
                AcsOutput::Response { request, response } => {
                    self.with_engine(|e| e.on_response(&request, &response).map(|_| ()))
                }
                AcsOutput::Fault { request, fault } => {
                    self.with_engine(|e| e.on_fault(&request, &fault))
                }
                AcsOutput::Unexpected { request, response } => {
                    self.with_engine(|e| e.on_unexpected(&request, &response).map(|_| ()))
                }
                AcsOutput::NoResponse { request } => {
                    self.with_engine(|e| e.on_no_response(&request))
                }
                AcsOutput::NeedRequest => {
                    self.next_request(state, &mut queue).await;
                    Ok(())
                }
                AcsOutput::Reply(reply) => {
                    answer = Some(match reply {
                        Reply::Envelope(env) => self.encode(&env),
                        Reply::Empty => HttpAnswer::Empty,
                        Reply::BadRequest(why) => HttpAnswer::BadRequest(why),
                    });
                    Ok(())
                }
                AcsOutput::Ended(reason) => {
                    self.finish(state, matches!(reason, EndReason::Completed))
                        .await;
                    Ok(())
                }
            };
            if let Err(e) = step {
                tracing::warn!(device = ?self.device, error = %e, "engine refused a session event");
            }
        }
        answer.unwrap_or(HttpAnswer::Internal(
            "the session produced no answer".into(),
        ))
    }

    fn with_engine<E: std::fmt::Display>(
        &mut self,
        f: impl FnOnce(&mut SessionEngine) -> Result<(), E>,
    ) -> Result<(), String> {
        match self.engine.as_mut() {
            Some(engine) => f(engine).map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    async fn next_request<S: Store>(
        &mut self,
        state: &CwmpState<S>,
        queue: &mut VecDeque<AcsOutput>,
    ) {
        loop {
            let next = self
                .engine
                .as_mut()
                .map_or(Action::End, SessionEngine::next_action);
            let request = match next {
                Action::Send(request) => request,
                Action::CallExtension(call) => {
                    let result = state
                        .extensions
                        .call(&call.file, &call.function, &call.args)
                        .await
                        .map_err(|e| e.to_string());
                    if let Some(engine) = self.engine.as_mut() {
                        engine.on_ext_result(&call, result);
                    }
                    continue;
                }
                Action::End => {
                    match self.acs.end() {
                        Ok(outputs) => queue.extend(outputs),
                        Err(e) => tracing::warn!(error = %e, "cannot end the session"),
                    }
                    return;
                }
            };
            state.metrics.rpc(request.name());
            match self.acs.send_request(request.clone()) {
                Ok(outputs) => {
                    queue.extend(outputs);
                    return;
                }
                Err(e) => {
                    if let Some(engine) = self.engine.as_mut()
                        && let Err(err) = engine.on_request_rejected(&request, &e.to_string())
                    {
                        tracing::warn!(error = %err, "engine refused a rejected request");
                    }
                }
            }
        }
    }

    fn encode(&self, env: &Envelope) -> HttpAnswer {
        match cwmp::encode(env, self.acs.dialect()) {
            Ok(bytes) => HttpAnswer::Envelope(bytes),
            Err(e) => HttpAnswer::Internal(e.to_string()),
        }
    }

    /// Writes what the session changed, in one transaction, and releases the device.
    pub async fn finish<S: Store>(&mut self, state: &CwmpState<S>, completed: bool) {
        if self.ended {
            return;
        }
        self.ended = true;
        state
            .metrics
            .session_ended(self.started.elapsed(), completed);
        if let Some(engine) = self.engine.take() {
            for notice in engine.notices() {
                match notice {
                    crate::engine::Notice::ScriptLog { channel, line } => {
                        tracing::info!(device = ?self.device, channel, "script: {line}");
                    }
                    notice => tracing::debug!(device = ?self.device, ?notice, "session notice"),
                }
            }
            match engine.finish() {
                Ok(write) => {
                    let touched: Vec<i64> = write.tasks.iter().map(|t| t.id).collect();
                    for t in &write.tasks {
                        state.metrics.task(match t.status {
                            crate::model::TaskStatus::Done => "done",
                            crate::model::TaskStatus::Fault => "fault",
                            crate::model::TaskStatus::Queued => "pending",
                        });
                    }
                    for fault in &write.new_faults {
                        state.metrics.fault();
                        if fault.task.is_none() {
                            tracing::warn!(device = ?self.device, channel = %fault.channel,
                                code = %fault.fault.code, message = %fault.fault.message,
                                "provisioning channel faulted");
                        }
                    }
                    if let Err(e) = state.store.save_session(write).await {
                        tracing::error!(device = ?self.device, error = %e, "cannot save the session");
                    }
                    for id in touched {
                        state.task_events.changed(id);
                    }
                }
                Err(e) => {
                    tracing::error!(device = ?self.device, error = %e, "session could not be finished")
                }
            }
        }
        if let Some(device) = &self.device
            && let Err(e) = state.store.release_session_lock(device, &self.owner).await
        {
            tracing::warn!(device, error = %e, "cannot release the session lock");
        }
    }
}
