//! An ACS engine and a simulated CPE wired back to back in memory. Every envelope goes
//! through the codec both ways, so the bytes exchanged are real CWMP.

use acs::engine::{EngineContext, Notice, SessionEngine, inform_device_id};
use acs::model::{
    DeviceRecord, FaultRecord, FileMeta, Millis, Task, TaskSpec, TaskStatus, device_id,
};
use acs::store::SessionWrite;
use cpe::device::{Device, PendingAction};
use cwmp::message::Message;
use cwmp::session::{
    AcsConfig, AcsOutput, AcsSession, CpeAction, CpeConfig, CpeOutcome, CpeSession, EndReason,
    Reply,
};
use cwmp::{CwmpVersion, EventCode, encode};
use datamodel::BaseTree;
use std::collections::{BTreeMap, VecDeque};

pub const ACS_URL: &str = "http://acs.test:7547/";
pub const FS_URL: &str = "http://fs.test:7567";
pub const REMOTE: &str = "192.0.2.10";

/// A store as simple as can be. It hands the engine every unfinished task of the device, so
/// the engine's own rules (expiry, backoff, retries left) decide what runs.
#[derive(Debug, Default)]
pub struct MemStore {
    pub devices: BTreeMap<String, DeviceRecord>,
    pub tasks: Vec<Task>,
    pub faults: Vec<FaultRecord>,
    next_task: i64,
    next_fault: i64,
}

impl MemStore {
    pub fn queue(
        &mut self,
        device: &str,
        spec: TaskSpec,
        expiry: Option<Millis>,
        now: Millis,
    ) -> i64 {
        self.next_task += 1;
        self.tasks
            .push(Task::queued(self.next_task, device, spec, now, expiry));
        self.next_task
    }

    pub fn task(&self, id: i64) -> &Task {
        self.tasks.iter().find(|t| t.id == id).expect("task exists")
    }

    pub fn faults_of(&self, task: i64) -> Vec<&FaultRecord> {
        self.faults
            .iter()
            .filter(|f| f.task == Some(task))
            .collect()
    }

    fn unfinished(&self, device: &str) -> Vec<Task> {
        self.tasks
            .iter()
            .filter(|t| t.device == device && t.status != TaskStatus::Done)
            .cloned()
            .collect()
    }

    fn fault_ids(&self) -> BTreeMap<i64, Vec<i64>> {
        let mut map: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for f in &self.faults {
            if let Some(t) = f.task {
                map.entry(t).or_default().push(f.id);
            }
        }
        map
    }

    fn save(&mut self, w: SessionWrite) {
        for t in w.tasks {
            match self.tasks.iter_mut().find(|x| x.id == t.id) {
                Some(slot) => *slot = t,
                None => panic!("the engine wrote an unknown task {}", t.id),
            }
        }
        self.faults.retain(|f| !w.cleared_faults.contains(&f.id));
        for f in w.new_faults {
            self.next_fault += 1;
            self.faults.push(FaultRecord {
                id: self.next_fault,
                device: f.device,
                channel: f.channel,
                task: f.task,
                fault: f.fault,
                retries: f.retries,
                timestamp: f.timestamp,
            });
        }
        self.devices.insert(w.device.id.clone(), w.device);
    }
}

/// What one session did.
#[derive(Debug)]
pub struct SessionLog {
    /// The ACS's requests, in the order sent.
    pub requests: Vec<Message>,
    pub write: SessionWrite,
    pub notices: Vec<Notice>,
    pub end: Option<EndReason>,
    pub outcome: CpeOutcome,
}

impl SessionLog {
    pub fn names(&self) -> Vec<&str> {
        self.requests.iter().map(Message::name).collect()
    }
}

/// One CPE, the ACS engine, and a clock in seconds.
#[derive(Debug)]
pub struct Lab {
    pub device: Device,
    pub version: CwmpVersion,
    pub store: MemStore,
    pub files: BTreeMap<String, FileMeta>,
    pub now: i64,
}

impl Lab {
    pub fn new(profile: &str, serial: &str) -> Lab {
        let profile = datamodel::builtin::builtin(profile).expect("built-in profile");
        let mut device = Device::new(BaseTree::new(profile), serial);
        let now = 1_700_000_000;
        device.power_on(now, ACS_URL);
        Lab {
            device,
            version: CwmpVersion::V1_4,
            store: MemStore::default(),
            files: BTreeMap::new(),
            now,
        }
    }

    pub fn now_ms(&self) -> Millis {
        self.now * 1000
    }

    pub fn advance(&mut self, secs: i64) {
        self.now += secs;
        self.device.set_clock(self.now);
    }

    pub fn id(&self) -> String {
        let d = self.device.device_id();
        device_id(&d.oui, &d.product_class, &d.serial_number)
    }

    pub fn record(&self) -> &DeviceRecord {
        self.store.devices.get(&self.id()).expect("registered")
    }

    pub fn queue(&mut self, spec: TaskSpec) -> i64 {
        let (id, now) = (self.id(), self.now_ms());
        self.store.queue(&id, spec, None, now)
    }

    /// A periodic session, as the agent's timer would start.
    pub fn periodic(&mut self) -> SessionLog {
        self.device.add_event(EventCode::Periodic, "");
        self.session()
    }

    /// One full session; afterwards the device carries out a reboot or factory reset it was
    /// asked for, as its agent would.
    pub fn session(&mut self) -> SessionLog {
        self.device.set_clock(self.now);
        let content = self.device.inform_content(self.now);
        let config = CpeConfig {
            device_id: self.device.device_id(),
            version: self.version,
        };
        let mut cpe = CpeSession::new(config, content, self.device.outbox.clone());
        let mut acs = AcsSession::new(AcsConfig::default());
        let mut run = Run {
            engine: None,
            requests: Vec::new(),
            end: None,
        };
        let mut action = cpe.start();
        let outcome = loop {
            let body = match action {
                CpeAction::Post(env) => encode(&env, cpe.dialect()).expect("CPE envelope encodes"),
                CpeAction::PostEmpty => Vec::new(),
                CpeAction::Finished(outcome) => break outcome,
            };
            let (status, reply) = self.post(&mut acs, &mut run, &body);
            action = cpe.on_response(status, &reply, &mut self.device);
        };
        self.device.session_finished(&outcome);
        let engine = run.engine.expect("the session had an Inform");
        let notices = engine.notices().to_vec();
        let write = engine.finish().expect("engine finishes");
        self.store.save(write.clone());
        match self.device.take_pending_action() {
            Some(PendingAction::Reboot { command_key }) => {
                self.device.reboot(self.now, &command_key)
            }
            Some(PendingAction::FactoryReset) => self.device.factory_reset(self.now, ACS_URL),
            None => {}
        }
        SessionLog {
            requests: run.requests,
            write,
            notices,
            end: run.end,
            outcome,
        }
    }

    /// Feeds one POST to the ACS machine and the engine, as the HTTP layer will.
    fn post(&mut self, acs: &mut AcsSession, run: &mut Run, body: &[u8]) -> (u16, Vec<u8>) {
        let mut outputs: VecDeque<AcsOutput> = acs.on_post(body).into();
        let mut reply = None;
        while let Some(out) = outputs.pop_front() {
            match out {
                AcsOutput::Inform(inform) => {
                    let id = inform_device_id(&inform);
                    let ctx = EngineContext {
                        now: self.now_ms(),
                        fs_url: FS_URL.to_string(),
                        remote_address: REMOTE.to_string(),
                        version: acs.dialect().version,
                        files: self.files.clone(),
                        task_faults: self.store.fault_ids(),
                        ..EngineContext::default()
                    };
                    let mut engine = SessionEngine::new(
                        self.store.devices.get(&id).cloned(),
                        self.store.unfinished(&id),
                        ctx,
                    );
                    engine.on_inform(&inform).expect("inform accepted");
                    run.engine = Some(engine);
                }
                AcsOutput::CpeRequest(m) => run.engine().on_cpe_request(&m),
                AcsOutput::Response { request, response } => {
                    run.engine()
                        .on_response(&request, &response)
                        .expect("outstanding");
                }
                AcsOutput::Fault { request, fault } => {
                    run.engine()
                        .on_fault(&request, &fault)
                        .expect("outstanding");
                }
                AcsOutput::Unexpected { request, response } => {
                    run.engine()
                        .on_unexpected(&request, &response)
                        .expect("outstanding");
                }
                AcsOutput::NoResponse { request } => {
                    run.engine().on_no_response(&request).expect("outstanding");
                }
                AcsOutput::NeedRequest => match run.engine().next_request() {
                    Some(request) => {
                        run.requests.push(request.clone());
                        outputs.extend(acs.send_request(request).expect("request sendable"));
                    }
                    None => outputs.extend(acs.end().expect("session may end")),
                },
                AcsOutput::Reply(r) => reply = Some(r),
                AcsOutput::Ended(reason) => run.end = Some(reason),
            }
        }
        match reply {
            Some(Reply::Envelope(env)) => (
                200,
                encode(&env, acs.dialect()).expect("ACS envelope encodes"),
            ),
            Some(Reply::Empty) | None => (204, Vec::new()),
            Some(Reply::BadRequest(why)) => panic!("the ACS refused a POST: {why}"),
        }
    }
}

#[derive(Debug)]
struct Run {
    engine: Option<SessionEngine>,
    requests: Vec<Message>,
    end: Option<EndReason>,
}

impl Run {
    fn engine(&mut self) -> &mut SessionEngine {
        self.engine.as_mut().expect("the Inform came first")
    }
}
