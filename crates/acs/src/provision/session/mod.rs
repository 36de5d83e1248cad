//! One session's provisioning, after its tasks: which presets apply, what their provisions
//! declare, and the rounds of RPCs until every declaration holds.
//!
//! A step evaluates the presets (fetching first the parameters their preconditions read
//! that the ACS does not know), runs their provisions channel by channel, applies what is
//! the ACS's own (tags, downloads to send, reboots), and plans one round of RPCs from the
//! rest. When a round plans nothing, the effects (Download, Reboot, FactoryReset) go out;
//! then, if the session changed anything, the presets are evaluated again, since a
//! precondition may read what changed. A channel whose script fails, whose RPC faults or
//! that needs too many rounds is faulted and left out for the rest of the session; the
//! other channels go on. Preset evaluations that keep changing the device end in a
//! `preset_loop` fault.

mod answers;
mod provisions;
mod virtuals;

use super::catalog::Catalog;
use super::local::{self, Effect};
use super::plan::{Declaration, Desired, Freshness, plan_knowing};
use super::rpc::{self, Rpc};
use super::sandbox::{ExtCall, Limits, ScriptCache, ScriptFault};
use super::{path::PathPattern, special};
use crate::engine::{TaskRetry, apply};
use crate::model::{DeviceRecord, FaultInfo, Millis};
use cwmp::message::{Download, FactoryReset, Message, Reboot};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::Arc;

/// A channel's current fault as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelFault {
    pub id: i64,
    pub retries: u32,
    pub timestamp: Millis,
}

/// What provisioning needs besides the device.
#[derive(Debug, Clone)]
pub struct ProvisionContext {
    pub catalog: Arc<Catalog>,
    /// The device's current channel faults, by channel.
    pub channel_faults: BTreeMap<String, ChannelFault>,
    pub limits: Limits,
    /// When a faulted channel runs again.
    pub retry: TaskRetry,
    /// Rounds of RPCs per preset evaluation.
    pub max_rounds: u32,
    /// Preset evaluations per session.
    pub max_cycles: u32,
    pub gpv_batch: usize,
    /// The base URL CPEs fetch files from, for downloads.
    pub fs_url: String,
    /// Script runs remembered across sessions (shared by every session of the process).
    pub script_cache: Arc<ScriptCache>,
}

impl Default for ProvisionContext {
    fn default() -> Self {
        ProvisionContext {
            catalog: Arc::default(),
            channel_faults: BTreeMap::new(),
            limits: Limits::default(),
            retry: TaskRetry::default(),
            max_rounds: 32,
            max_cycles: 4,
            gpv_batch: 100,
            fs_url: String::new(),
            script_cache: Arc::new(ScriptCache::new(1024)),
        }
    }
}

/// What the session must do next for provisioning.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Send(Message),
    /// Call an extension and report with [`Provisioning::on_ext_result`].
    Ext(ExtCall),
    Done,
}

/// What provisioning leaves for the session's write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// `(channel, fault, retries)` for channels that faulted.
    pub faults: Vec<(String, FaultInfo, u32)>,
    /// Ids of channel faults that no longer hold (replaced, or their channel succeeded).
    pub cleared: Vec<i64>,
    pub logs: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Provisioning {
    ctx: ProvisionContext,
    now: Millis,
    started: bool,
    done: bool,
    cycle: u32,
    rounds: u32,
    /// The presets that applied in this evaluation (indices into the catalog), once known.
    applied: Option<Vec<usize>>,
    /// Whether anything was written since the presets were evaluated.
    changed: bool,
    queue: VecDeque<Rpc>,
    outstanding: Option<Rpc>,
    absent: BTreeSet<String>,
    /// Rounds spent reading what preconditions read.
    fetch_rounds: u32,
    ext: HashMap<String, Result<Value, String>>,
    pending_ext: Option<ExtCall>,
    faulted: BTreeMap<String, FaultInfo>,
    ran: BTreeSet<String>,
    effects_sent: BTreeSet<String>,
    /// Virtual parameters computed this session.
    computed: BTreeSet<String>,
    /// Clears already applied (a replay repeats them).
    cleared_paths: BTreeSet<(String, Millis)>,
    logs: BTreeMap<String, Vec<String>>,
}

fn fault(code: &str, message: impl Into<String>, detail: Value) -> FaultInfo {
    FaultInfo {
        code: code.to_string(),
        message: message.into(),
        detail,
    }
}

fn script_fault(preset: &str, provision: &str, e: &ScriptFault) -> FaultInfo {
    let (code, line) = match e {
        ScriptFault::Exception { line, .. } => ("script", *line),
        ScriptFault::Timeout(_) => ("script_timeout", None),
        ScriptFault::Memory => ("script_memory", None),
    };
    let mut detail = json!({"preset": preset, "provision": provision});
    if let Some(line) = line {
        detail["line"] = json!(line);
    }
    fault(code, e.to_string(), detail)
}

/// What the channels asked for in one step.
#[derive(Default)]
struct Asked {
    /// Device declarations by channel, in weight order of the channels' first presets.
    declarations: Vec<(String, Vec<Declaration>)>,
    effects: Vec<(String, Effect)>,
}

impl Asked {
    fn channel(&mut self, channel: &str) -> &mut Vec<Declaration> {
        if let Some(i) = self.declarations.iter().position(|(c, _)| c == channel) {
            return &mut self.declarations[i].1;
        }
        self.declarations.push((channel.to_string(), Vec::new()));
        &mut self.declarations.last_mut().expect("just pushed").1
    }
}

impl Provisioning {
    pub fn new(ctx: ProvisionContext, now: Millis) -> Provisioning {
        Provisioning {
            ctx,
            now,
            started: false,
            done: false,
            cycle: 0,
            rounds: 0,
            applied: None,
            changed: false,
            queue: VecDeque::new(),
            outstanding: None,
            absent: BTreeSet::new(),
            fetch_rounds: 0,
            ext: HashMap::new(),
            pending_ext: None,
            faulted: BTreeMap::new(),
            ran: BTreeSet::new(),
            effects_sent: BTreeSet::new(),
            computed: BTreeSet::new(),
            cleared_paths: BTreeSet::new(),
            logs: BTreeMap::new(),
        }
    }

    /// Whether there is nothing to provision at all (no presets): the session skips it.
    pub fn is_idle(&self) -> bool {
        self.ctx.catalog.presets.is_empty()
    }

    /// The next thing to do for `device`.
    pub fn next(&mut self, device: &mut DeviceRecord, events: &[String]) -> Next {
        if !self.started {
            self.started = true;
            if self.is_idle() {
                self.done = true;
                return Next::Done;
            }
            let names: Vec<&str> = self
                .ctx
                .catalog
                .virtual_parameters
                .keys()
                .map(String::as_str)
                .collect();
            special::sync(device, names, self.now);
        }
        loop {
            if let Some(call) = &self.pending_ext {
                return Next::Ext(call.clone());
            }
            if let Some(rpc) = self.queue.pop_front() {
                let message = rpc.message.clone();
                self.outstanding = Some(rpc);
                return Next::Send(message);
            }
            if self.done {
                return Next::Done;
            }
            self.step(device, events);
        }
    }

    /// Whether a channel may run: not faulted in this session, and past the backoff of
    /// its stored fault.
    fn runnable(&self, channel: &str) -> bool {
        if self.faulted.contains_key(channel) {
            return false;
        }
        match self.ctx.channel_faults.get(channel) {
            None => true,
            Some(f) => self
                .ctx
                .retry
                .delay(f.retries)
                .is_some_and(|d| self.now >= f.timestamp.saturating_add(d)),
        }
    }

    fn fault_channel(&mut self, channel: &str, info: FaultInfo) {
        tracing::debug!(channel, code = %info.code, message = %info.message, "channel faulted");
        self.faulted.entry(channel.to_string()).or_insert(info);
        self.ran.remove(channel);
    }

    fn step(&mut self, device: &mut DeviceRecord, events: &[String]) {
        let catalog = Arc::clone(&self.ctx.catalog);
        let applied = match self.applied.clone() {
            Some(applied) => applied,
            None => {
                let Some(applied) = self.evaluate(device, events, &catalog) else {
                    return;
                };
                self.applied = Some(applied.clone());
                applied
            }
        };
        let asked = self.run_provisions(device, &catalog, &applied);
        if self.pending_ext.is_some() {
            return;
        }
        let rounds: Vec<(String, super::plan::Round)> = asked
            .declarations
            .iter()
            .filter(|(c, _)| !self.faulted.contains_key(c))
            .map(|(c, decls)| (c.clone(), plan_knowing(&device.tree, decls, &self.absent)))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        if !rounds.is_empty() {
            self.rounds += 1;
            if self.rounds > self.ctx.max_rounds {
                let limit = self.ctx.max_rounds;
                for (channel, _) in &rounds {
                    self.fault_channel(
                        channel,
                        fault(
                            "too_many_rounds",
                            format!(
                                "declarations still not satisfied after {limit} rounds of RPCs"
                            ),
                            Value::Null,
                        ),
                    );
                }
                return;
            }
            self.queue = rpc::queue(&rounds, self.ctx.gpv_batch);
            return;
        }
        let effects: Vec<(String, Effect)> = asked
            .effects
            .into_iter()
            .filter(|(c, e)| {
                !self.faulted.contains_key(c) && !self.effects_sent.contains(&e.record_path())
            })
            .collect();
        if !effects.is_empty() {
            self.send_effects(device, effects);
            return;
        }
        // Every declaration holds: evaluate again if the session changed anything.
        if !self.changed {
            self.done = true;
            return;
        }
        let Some(again) = self.evaluate(device, events, &catalog) else {
            return;
        };
        if again == applied {
            self.done = true;
            return;
        }
        self.cycle += 1;
        if self.cycle >= self.ctx.max_cycles {
            let channels: BTreeSet<String> = again
                .iter()
                .chain(&applied)
                .map(|&i| catalog.presets[i].preset.channel.clone())
                .collect();
            for channel in channels {
                self.fault_channel(
                    &channel,
                    fault(
                        "preset_loop",
                        format!(
                            "presets kept changing what their preconditions read ({} evaluations)",
                            self.ctx.max_cycles
                        ),
                        Value::Null,
                    ),
                );
            }
            self.done = true;
            return;
        }
        self.applied = Some(again);
        self.changed = false;
        self.rounds = 0;
    }

    /// The presets that apply now, or `None` when parameters their preconditions read must
    /// be fetched first (the RPCs are queued).
    fn evaluate(
        &mut self,
        device: &DeviceRecord,
        events: &[String],
        catalog: &Catalog,
    ) -> Option<Vec<usize>> {
        let now_secs = self.now.div_euclid(1000);
        let candidates: Vec<usize> = (0..catalog.presets.len())
            .filter(|&i| {
                let p = &catalog.presets[i];
                p.open(events, now_secs) && self.runnable(&p.preset.channel)
            })
            .collect();
        let mut fetch: Vec<(String, Vec<Declaration>)> = Vec::new();
        for &i in &candidates {
            let p = &catalog.presets[i];
            for path in &p.reads {
                let known = device.tree.get(path).is_some_and(|n| n.value.is_some());
                // A device that never answers for it must not hold the session: after the
                // rounds allowed, the precondition reads what is known.
                if known || special::is_local(path) || self.fetch_rounds >= self.ctx.max_rounds {
                    continue;
                }
                let Ok(pattern) = PathPattern::parse(path) else {
                    continue;
                };
                let d = Declaration {
                    path: pattern,
                    fresh: Freshness {
                        value: Some(1),
                        ..Freshness::default()
                    },
                    desired: Desired::default(),
                };
                match fetch.iter_mut().find(|(c, _)| *c == p.preset.channel) {
                    Some((_, decls)) => decls.push(d),
                    None => fetch.push((p.preset.channel.clone(), vec![d])),
                }
            }
        }
        let rounds: Vec<_> = fetch
            .into_iter()
            .map(|(c, decls)| (c, plan_knowing(&device.tree, &decls, &self.absent)))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        if !rounds.is_empty() {
            self.queue = rpc::queue(&rounds, self.ctx.gpv_batch);
            if !self.queue.is_empty() {
                self.fetch_rounds += 1;
                return None;
            }
        }
        let applied: Vec<usize> = candidates
            .into_iter()
            .filter(|&i| catalog.presets[i].precondition_holds(device))
            .collect();
        for &i in &applied {
            self.ran.insert(catalog.presets[i].preset.channel.clone());
        }
        Some(applied)
    }

    fn send_effects(&mut self, device: &mut DeviceRecord, effects: Vec<(String, Effect)>) {
        // GenieACS's order: downloads, then reboot, then factory reset.
        let mut ordered = effects;
        ordered.sort_by_key(|(_, e)| match e {
            Effect::Download(_) => 0,
            Effect::Reboot => 1,
            Effect::FactoryReset => 2,
        });
        for (channel, effect) in ordered {
            if !self.effects_sent.insert(effect.record_path()) {
                continue;
            }
            let message: Message = match &effect {
                Effect::Reboot => Reboot {
                    command_key: "provision".into(),
                }
                .into(),
                Effect::FactoryReset => FactoryReset {}.into(),
                Effect::Download(instance) => {
                    let (file_type, file_name, target_file_name) =
                        local::download_fields(&device.tree, instance);
                    Download {
                        command_key: format!("provision:{}", instance.trim_end_matches('.')),
                        file_type,
                        url: crate::engine::download_url(&self.ctx.fs_url, &file_name),
                        target_file_name,
                        ..Download::default()
                    }
                    .into()
                }
            };
            local::sent(&mut device.tree, &effect, self.now);
            self.changed = true;
            self.queue.push_back(Rpc {
                message,
                channels: BTreeSet::from([channel]),
                keys: Vec::new(),
                covers: Vec::new(),
                owners: BTreeMap::new(),
            });
        }
    }

    /// The lines scripts logged in their last runs, by channel; taken once.
    pub fn take_logs(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.logs)
            .into_iter()
            .flat_map(|(c, lines)| lines.into_iter().map(move |l| (c.clone(), l)))
            .collect()
    }
}

/// Forgets what was learnt of `path` (and under it) before `t`, so the next plan reads it
/// again.
fn clear(tree: &mut crate::model::Tree, path: &PathPattern, t: Millis) {
    let mut roots = path.matches(tree);
    if roots.is_empty() && path.is_concrete() {
        roots.push(path.to_string());
    }
    let stale = |ts: &mut Option<Millis>| {
        if ts.is_some_and(|x| x < t) {
            *ts = None;
        }
    };
    for root in roots {
        let object = format!("{}.", root.trim_end_matches('.'));
        let doomed: Vec<String> = std::iter::once(root.clone())
            .chain(apply::under(tree, &object).map(|(k, _)| k.clone()))
            .collect();
        for k in doomed {
            let Some(node) = tree.get_mut(&k) else {
                continue;
            };
            if node.seen < t {
                node.seen = 0;
            }
            stale(&mut node.value_timestamp);
            stale(&mut node.writable_timestamp);
            stale(&mut node.attributes_timestamp);
        }
    }
}
