//! A lab for provisioning: one simulated device (the `cpe` crate's device model, the same the
//! simulator runs) in sessions with the ACS's session engine, in-process, so a test sees
//! every RPC of every session and the device's parameters afterwards.

#![allow(dead_code)]

use acs::engine::{Action, EngineContext, Notice, SessionEngine};
use acs::model::{DeviceRecord, FaultInfo, Millis};
use acs::preset::Preset;
use acs::provision::catalog::Catalog;
use acs::provision::sandbox::ScriptCache;
use acs::provision::session::{ChannelFault, ProvisionContext};
use acs::store::SessionWrite;
use cpe::device::{Device, PendingAction};
use cwmp::message::{Inform, Message};
use cwmp::session::CpeHandler;
use cwmp::session::cpe::CpeOutcome;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// A channel fault as the store would hold it.
#[derive(Debug, Clone)]
pub struct StoredFault {
    pub id: i64,
    pub channel: String,
    pub fault: FaultInfo,
    pub retries: u32,
    pub timestamp: Millis,
}

pub struct Lab {
    pub cpe: Device,
    pub record: Option<DeviceRecord>,
    pub catalog: Arc<Catalog>,
    pub faults: Vec<StoredFault>,
    next_fault: i64,
    /// Milliseconds.
    pub now: Millis,
    /// Extension answers by `file:function`; others fail as missing programs would.
    pub extensions: HashMap<String, Result<Value, String>>,
    /// The extension calls made, as `file:function`.
    pub ext_calls: Vec<String>,
    /// Script runs remembered across the lab's sessions, as the ACS process keeps them.
    pub script_cache: Arc<ScriptCache>,
}

/// What one session did.
#[derive(Debug)]
pub struct Session {
    /// The RPCs the ACS sent, by method name.
    pub rpcs: Vec<String>,
    /// Every request the ACS sent.
    pub requests: Vec<Message>,
    pub write: SessionWrite,
    pub notices: Vec<Notice>,
}

impl Session {
    pub fn logs(&self) -> Vec<String> {
        self.notices
            .iter()
            .filter_map(|n| match n {
                Notice::ScriptLog { line, .. } => Some(line.clone()),
                _ => None,
            })
            .collect()
    }
}

/// Presets from `{"name": {...}}` and scripts as `(name, source)`.
pub fn catalog(presets: Value, provisions: &[(&str, &str)], virtuals: &[(&str, &str)]) -> Catalog {
    let presets: Vec<(String, Preset)> = presets
        .as_object()
        .expect("presets object")
        .iter()
        .map(|(name, body)| (name.clone(), Preset::from_json(body.clone()).expect(name)))
        .collect();
    let owned = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(n, s)| {
                acs::script::check_syntax(s).unwrap_or_else(|e| panic!("{n}: {e}"));
                (n.to_string(), s.to_string())
            })
            .collect()
    };
    Catalog::new(Arc::new(presets), owned(provisions), owned(virtuals))
}

impl Lab {
    /// A factory-fresh device of `profile` that has never met the ACS.
    pub fn new(profile: &str, serial: &str, catalog: Catalog) -> Lab {
        let profile = datamodel::builtin::load_profile(profile).expect("profile");
        let base = datamodel::BaseTree::new(profile);
        let mut cpe = Device::new(base, serial);
        let now: Millis = 1_790_000_000_000;
        cpe.power_on(now / 1000, "http://acs.example/");
        Lab {
            cpe,
            record: None,
            catalog: Arc::new(catalog),
            faults: Vec::new(),
            next_fault: 1,
            now,
            extensions: HashMap::new(),
            ext_calls: Vec::new(),
            script_cache: Arc::new(ScriptCache::new(64)),
        }
    }

    /// A device parameter's value on the CPE, by full path.
    pub fn cpe_value(&self, path: &str) -> Option<String> {
        let root = self.cpe.root();
        let relative = path.strip_prefix(root.as_str()).unwrap_or(path);
        self.cpe.value(relative)
    }

    pub fn advance(&mut self, secs: i64) {
        self.now += secs * 1000;
    }

    /// Replaces the presets and scripts, as API changes would between sessions.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        self.catalog = Arc::new(catalog);
    }

    pub fn fault_of(&self, channel: &str) -> Option<&StoredFault> {
        self.faults.iter().find(|f| f.channel == channel)
    }

    /// One session: Inform, then whatever the ACS asks, answered by the device model.
    pub fn session(&mut self) -> Session {
        self.run_session(None)
    }

    /// A session whose connection drops once the ACS has sent `sent` RPCs: the last one is
    /// never answered.
    pub fn session_cut_after(&mut self, sent: usize) -> Session {
        self.run_session(Some(sent))
    }

    fn run_session(&mut self, cut_after: Option<usize>) -> Session {
        self.advance(1);
        let content = self.cpe.inform_content(self.now / 1000);
        let inform = Inform {
            device_id: self.cpe.device_id(),
            event: content.events,
            max_envelopes: 1,
            current_time: content.current_time,
            retry_count: content.retry_count,
            parameter_list: content.parameters,
        };
        let channel_faults = self
            .faults
            .iter()
            .map(|f| {
                (
                    f.channel.clone(),
                    ChannelFault {
                        id: f.id,
                        retries: f.retries,
                        timestamp: f.timestamp,
                    },
                )
            })
            .collect();
        let provisioning = ProvisionContext {
            catalog: Arc::clone(&self.catalog),
            channel_faults,
            fs_url: "http://fs.example".into(),
            script_cache: Arc::clone(&self.script_cache),
            ..ProvisionContext::default()
        };
        let ctx = EngineContext::new(self.now, "http://fs.example");
        let mut engine = SessionEngine::new(self.record.clone(), Vec::new(), ctx)
            .with_provisioning(provisioning);
        engine.on_inform(&inform).expect("inform");
        let mut requests = Vec::new();
        loop {
            let request = match engine.next_action() {
                Action::Send(request) => request,
                Action::End => break,
                Action::CallExtension(call) => {
                    let key = format!("{}:{}", call.file, call.function);
                    let answer = self
                        .extensions
                        .get(&key)
                        .cloned()
                        .unwrap_or_else(|| Err(format!("no extension {key}")));
                    self.ext_calls.push(key);
                    engine.on_ext_result(&call, answer);
                    continue;
                }
            };
            assert!(
                requests.len() < 300,
                "a runaway session: {:?}",
                names(&requests)
            );
            if cut_after == Some(requests.len() + 1) {
                engine.on_no_response(&request).expect("no response");
                requests.push(request);
                break;
            }
            let response = self.cpe.handle(&request);
            match &response {
                Message::Fault(f) => engine.on_fault(&request, f).expect("fault"),
                other => engine.on_response(&request, other).expect("response"),
            }
            requests.push(request);
        }
        let notices = engine.notices().to_vec();
        let write = engine.finish().expect("finish");
        self.faults
            .retain(|f| !write.cleared_faults.contains(&f.id));
        for f in &write.new_faults {
            self.faults.push(StoredFault {
                id: self.next_fault,
                channel: f.channel.clone(),
                fault: f.fault.clone(),
                retries: f.retries,
                timestamp: f.timestamp,
            });
            self.next_fault += 1;
        }
        self.record = Some(write.device.clone());
        self.cpe.session_finished(&CpeOutcome {
            result: Ok(()),
            inform_acknowledged: true,
            events_to_retry: Vec::new(),
            delivered: Vec::new(),
            undelivered: Vec::new(),
            dialect: cwmp::Dialect::default(),
        });
        match self.cpe.take_pending_action() {
            Some(PendingAction::Reboot { command_key }) => {
                self.cpe.reboot(self.now / 1000, &command_key)
            }
            Some(PendingAction::FactoryReset) => self
                .cpe
                .factory_reset(self.now / 1000, "http://acs.example/"),
            None => {}
        }
        Session {
            rpcs: names(&requests),
            requests,
            write,
            notices,
        }
    }

    /// The stored value of a parameter as the ACS knows it.
    pub fn acs_value(&self, path: &str) -> Option<String> {
        let record = self.record.as_ref()?;
        record
            .tree
            .get(path)?
            .value
            .as_ref()
            .map(|(v, _)| v.clone())
    }
}

fn names(requests: &[Message]) -> Vec<String> {
    requests.iter().map(|r| r.name().to_string()).collect()
}

/// The benchmark's presets (`bench/presets`): ten, three of them scripts (the default
/// bootstrap script among them).
pub fn bench_catalog() -> Catalog {
    let presets: Value =
        serde_json::from_str(include_str!("../../../../bench/presets/presets.json")).expect("JSON");
    catalog(
        presets,
        &[
            ("bootstrap", acs::provision::defaults::BOOTSTRAP_SCRIPT),
            (
                "bench-wifi",
                include_str!("../../../../bench/presets/bench-wifi.js"),
            ),
            (
                "bench-ntp",
                include_str!("../../../../bench/presets/bench-ntp.js"),
            ),
        ],
        &[],
    )
}
