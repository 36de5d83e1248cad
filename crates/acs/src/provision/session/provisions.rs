//! Running the provisions of the presets that apply: built-ins and scripts, and where each
//! declaration they make belongs.

use super::{Asked, Provisioning, fault, script_fault};
use crate::model::DeviceRecord;
use crate::provision::catalog::{Catalog, Script};
use crate::provision::local::{self, Effect};
use crate::provision::plan::Declaration;
use crate::provision::sandbox::{self, Env, ScriptFault, Stop};
use crate::provision::{builtin, special};
use serde_json::{Value, json};

impl Provisioning {
    pub(super) fn run_provisions(
        &mut self,
        device: &mut DeviceRecord,
        catalog: &Catalog,
        applied: &[usize],
    ) -> Asked {
        let mut asked = Asked::default();
        for &i in applied {
            let prepared = &catalog.presets[i];
            let channel = prepared.preset.channel.as_str();
            for call in &prepared.preset.provisions {
                if self.faulted.contains_key(channel) {
                    break;
                }
                match builtin::steps(call, self.now, &device.tree) {
                    Some(Ok(steps)) => self.builtin(device, channel, steps, &mut asked),
                    Some(Err(e)) => {
                        let detail = json!({"preset": prepared.name, "provision": call.name});
                        self.fault_channel(
                            channel,
                            fault("invalid_provision", e.to_string(), detail),
                        );
                    }
                    None => {
                        let Some(script) = catalog.provisions.get(&call.name) else {
                            let detail = json!({"preset": prepared.name, "provision": call.name});
                            let message = format!("no provision named {:?}", call.name);
                            self.fault_channel(
                                channel,
                                fault("unknown_provision", message, detail),
                            );
                            continue;
                        };
                        let outcome = self.script(device, script, &call.args);
                        match outcome {
                            Ok(run) => {
                                self.logs.insert(channel.to_string(), run.logs.clone());
                                let stop = run.stop.clone();
                                self.take_run(device, channel, run, &mut asked);
                                if let Some(Stop::Ext(call)) = stop {
                                    self.pending_ext = Some(call);
                                    return asked;
                                }
                            }
                            Err(e) => {
                                let info = script_fault(&prepared.name, &call.name, &e);
                                self.fault_channel(channel, info);
                            }
                        }
                    }
                }
            }
        }
        asked
    }

    pub(super) fn script(
        &self,
        device: &DeviceRecord,
        script: &Script,
        args: &[Value],
    ) -> Result<sandbox::Run, ScriptFault> {
        let env = Env {
            tree: &device.tree,
            now: self.now,
            device_id: &device.id,
            args,
            ext: &self.ext,
            absent: &self.absent,
            limits: self.ctx.limits,
            secret: &self.ctx.catalog.secret,
            cache: Some(&self.ctx.script_cache),
        };
        sandbox::run(script, &env)
    }

    fn builtin(
        &mut self,
        device: &mut DeviceRecord,
        channel: &str,
        steps: Vec<builtin::Step>,
        asked: &mut Asked,
    ) {
        for step in steps {
            match step {
                builtin::Step::Declare(d) => self.route(device, channel, d, asked),
                builtin::Step::Tag { name, present } => {
                    self.changed |= special::set_tag(device, &name, present, self.now);
                }
                builtin::Step::Reboot => asked.effects.push((channel.into(), Effect::Reboot)),
                builtin::Step::FactoryReset => {
                    asked.effects.push((channel.into(), Effect::FactoryReset))
                }
                builtin::Step::Download {
                    file_type,
                    file_name,
                    target_file_name,
                } => {
                    let target = target_file_name.unwrap_or_default();
                    if let Some(instance) = local::builtin_download(
                        &mut device.tree,
                        &file_type,
                        &file_name,
                        &target,
                        self.now,
                    ) {
                        asked
                            .effects
                            .push((channel.into(), Effect::Download(instance)));
                    }
                }
            }
        }
    }

    /// Takes what a script run declared: clears, local declarations, device declarations.
    pub(super) fn take_run(
        &mut self,
        device: &mut DeviceRecord,
        channel: &str,
        run: sandbox::Run,
        asked: &mut Asked,
    ) {
        for (path, t) in run.clears {
            if self.cleared_paths.insert((path.to_string(), t)) {
                super::clear(&mut device.tree, &path, t);
            }
        }
        for d in run.declarations {
            self.route(device, channel, d, asked);
        }
    }

    /// Sends a declaration where it belongs: the ACS's own roots, a virtual parameter, or
    /// the device.
    fn route(
        &mut self,
        device: &mut DeviceRecord,
        channel: &str,
        d: Declaration,
        asked: &mut Asked,
    ) {
        if !d.path.is_local() {
            asked.channel(channel).push(d);
            return;
        }
        let virtual_parameter = matches!(d.path.segments.first(),
            Some(crate::provision::path::Segment::Name(root)) if root == "VirtualParameters");
        if virtual_parameter {
            self.virtual_parameters(device, channel, &d, asked);
            return;
        }
        let (effects, tags_changed) = local::apply(device, std::slice::from_ref(&d), self.now);
        self.changed |= tags_changed;
        asked
            .effects
            .extend(effects.into_iter().map(|e| (channel.to_string(), e)));
    }
}
