//! Running one provision script in QuickJS with GenieACS's script API, within a CPU and a
//! memory budget: `declare`, `log`, `args`, and `Date.now()` fixed at the session's time
//! (`Date.now(interval[, variance])` staggered per device). One run gives the script's
//! declarations against the tree as the ACS knows it now; the caller plans a round from
//! them, applies the answers, and runs the script again until a round plans nothing.
//!
//! Values cross between Rust and JavaScript as JSON text, so the boundary is two functions
//! and no per-type glue.

use super::path::PathPattern;
use super::plan::{Declaration, Desired, Freshness};
use crate::model::{Millis, Tree};
use rquickjs::{CatchResultExt, Context, Function, Runtime};
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What a script may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub memory_bytes: usize,
    pub cpu: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: 32 << 20,
            cpu: Duration::from_millis(500),
        }
    }
}

/// What one run of a script asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub declarations: Vec<Declaration>,
    pub logs: Vec<String>,
}

/// Why a script stopped; it becomes the fault of the preset's channel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptFault {
    #[error("script error: {message}{}", line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Exception { message: String, line: Option<u32> },
    #[error("script exceeded its CPU time ({0:?})")]
    Timeout(Duration),
    #[error("script exceeded its memory limit")]
    Memory,
}

/// The script API, defined over two native functions.
const PRELUDE: &str = r#"
(function (g) {
  const native = g.__native;
  delete g.__native;
  const now = native.now;
  const stagger = native.stagger;
  Date.now = function (interval, variance) {
    if (interval === undefined) return now;
    const spread = variance === undefined ? interval : variance;
    const offset = Math.floor(stagger * spread);
    return now - ((((now - offset) % interval) + interval) % interval);
  };
  g.args = JSON.parse(native.args);
  g.log = function () {
    native.log(Array.prototype.map.call(arguments, String).join(" "));
  };
  g.declare = function (path, timestamps, values) {
    const found = JSON.parse(
      native.declare(JSON.stringify([path, timestamps || {}, values || {}]))
    );
    const first = found[0] || {};
    const result = {
      path: first.path,
      value: first.value,
      writable: first.writable,
      object: first.object,
      size: found.length,
    };
    result[Symbol.iterator] = function* () {
      for (const f of found) yield f;
    };
    return result;
  };
})(globalThis);
"#;

/// Runs `source` once against `tree` at `now` for the device `device_id`.
pub fn run(
    source: &str,
    args: &[Value],
    tree: &Tree,
    now: Millis,
    device_id: &str,
    limits: Limits,
) -> Result<Run, ScriptFault> {
    let internal = |e: rquickjs::Error| ScriptFault::Exception {
        message: e.to_string(),
        line: None,
    };
    let runtime = Runtime::new().map_err(internal)?;
    runtime.set_memory_limit(limits.memory_bytes);
    let started = Instant::now();
    let timed_out = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&timed_out);
    let cpu = limits.cpu;
    runtime.set_interrupt_handler(Some(Box::new(move || {
        let out = started.elapsed() > cpu;
        if out {
            flag.store(true, Ordering::Relaxed);
        }
        out
    })));
    let context = Context::full(&runtime).map_err(internal)?;
    let run = Rc::new(RefCell::new(Run::default()));
    let declare_error: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
    let outcome = context.with(|ctx| -> Result<(), String> {
        let native = rquickjs::Object::new(ctx.clone()).map_err(|e| e.to_string())?;
        native.set("now", now as f64).map_err(|e| e.to_string())?;
        native
            .set("stagger", stagger(device_id))
            .map_err(|e| e.to_string())?;
        native
            .set("args", Value::Array(args.to_vec()).to_string())
            .map_err(|e| e.to_string())?;
        let logs = Rc::clone(&run);
        let log = Function::new(ctx.clone(), move |message: String| {
            logs.borrow_mut().logs.push(message);
        })
        .map_err(|e| e.to_string())?;
        native.set("log", log).map_err(|e| e.to_string())?;
        let declared = Rc::clone(&run);
        let failed = Rc::clone(&declare_error);
        let tree = tree.clone();
        let declare = Function::new(ctx.clone(), move |call: String| -> String {
            match declaration(&call) {
                Ok(d) => {
                    let found = describe(&d.path, &tree);
                    declared.borrow_mut().declarations.push(d);
                    found.to_string()
                }
                Err(e) => {
                    *failed.borrow_mut() = Some(e);
                    "[]".to_string()
                }
            }
        })
        .map_err(|e| e.to_string())?;
        native.set("declare", declare).map_err(|e| e.to_string())?;
        ctx.globals()
            .set("__native", native)
            .map_err(|e| e.to_string())?;
        ctx.eval::<(), _>(PRELUDE)
            .catch(&ctx)
            .map_err(|e| e.to_string())?;
        let wrapped = format!("(function () {{ {source}\n}})()");
        ctx.eval::<(), _>(wrapped.as_str())
            .catch(&ctx)
            .map_err(|e| e.to_string())
    });
    if let Err(text) = outcome {
        if timed_out.load(Ordering::Relaxed) {
            return Err(ScriptFault::Timeout(limits.cpu));
        }
        if text.contains("out of memory") {
            return Err(ScriptFault::Memory);
        }
        let parsed = crate::script::ScriptError::from_engine(&text);
        return Err(ScriptFault::Exception {
            message: parsed.message,
            line: parsed.line,
        });
    }
    if let Some(message) = declare_error.borrow_mut().take() {
        return Err(ScriptFault::Exception {
            message,
            line: None,
        });
    }
    drop(context);
    Ok(Rc::try_unwrap(run).map_or_else(|shared| shared.borrow().clone(), RefCell::into_inner))
}

/// A number in [0, 1) fixed per device: where its staggered times fall in their interval.
/// FNV-1a, so it stays the same across builds and restarts.
fn stagger(device_id: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in device_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Reads `[path, timestamps, values]` as the script passed them to `declare`.
fn declaration(call: &str) -> Result<Declaration, String> {
    let parsed: (Value, Value, Value) =
        serde_json::from_str(call).map_err(|e| format!("declare: {e}"))?;
    let (path, timestamps, values) = parsed;
    let path = path
        .as_str()
        .ok_or_else(|| format!("declare: the path must be a string, not {path}"))?;
    let path = PathPattern::parse(path).map_err(|e| format!("declare: {e}"))?;
    let mut fresh = Freshness::default();
    for (key, t) in timestamps.as_object().into_iter().flatten() {
        let t = t
            .as_f64()
            .map(|t| t as Millis)
            .ok_or_else(|| format!("declare: timestamp {key} must be a number, not {t}"))?;
        let slot = match key.as_str() {
            "path" | "object" => &mut fresh.path,
            "value" => &mut fresh.value,
            "writable" => &mut fresh.writable,
            "notification" | "accessList" => &mut fresh.attributes,
            other => return Err(format!("declare: unknown attribute {other:?}")),
        };
        *slot = Some(slot.map_or(t, |s| s.max(t)));
    }
    let mut desired = Desired::default();
    for (key, v) in values.as_object().into_iter().flatten() {
        match key.as_str() {
            "value" => desired.value = Some(desired_value(v)?),
            "path" => desired.instances = Some(instances(v)?),
            "notification" => {
                desired.notification = Some(
                    v.as_u64()
                        .and_then(|n| u8::try_from(n).ok())
                        .filter(|n| *n <= 6)
                        .ok_or_else(|| format!("declare: notification must be 0-6, not {v}"))?,
                )
            }
            other => return Err(format!("declare: cannot set {other:?}")),
        }
    }
    Ok(Declaration {
        path,
        fresh,
        desired,
    })
}

fn scalar(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(format!(
            "declare: a value must be a string, number or boolean, not {other}"
        )),
    }
}

/// `value` or `[value, type]`.
fn desired_value(v: &Value) -> Result<(String, Option<String>), String> {
    match v {
        Value::Array(pair) => match &pair[..] {
            [value, Value::String(t)] => Ok((scalar(value)?, Some(t.clone()))),
            [value] => Ok((scalar(value)?, None)),
            _ => Err(format!(
                "declare: a value is value or [value, type], not {v}"
            )),
        },
        other => Ok((scalar(other)?, None)),
    }
}

/// `n` or `[min, max]`.
fn instances(v: &Value) -> Result<(u32, u32), String> {
    let count = |v: &Value| {
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("declare: an instance count must be a whole number, not {v}"))
    };
    match v {
        Value::Array(pair) => match &pair[..] {
            [min, max] => Ok((count(min)?, count(max)?)),
            _ => Err(format!("declare: instances are n or [min, max], not {v}")),
        },
        n => count(n).map(|n| (n, n)),
    }
}

/// The matches of `path` in `tree` as the script sees them.
fn describe(path: &PathPattern, tree: &Tree) -> Value {
    let found: Vec<Value> = path
        .matches(tree)
        .into_iter()
        .filter_map(|p| {
            let node = tree.get(&p)?;
            let mut item = json!({"path": p.trim_end_matches('.'), "object": node.object});
            if let Some((value, t)) = &node.value {
                item["value"] = json!([value, t]);
            }
            if let Some(w) = node.writable {
                item["writable"] = json!(w);
            }
            Some(item)
        })
        .collect();
    Value::Array(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    fn tree() -> Tree {
        let mut t = Tree::new();
        t.insert(
            "Device.DeviceInfo.SoftwareVersion".into(),
            Node {
                value: Some(("1.0".into(), "xsd:string".into())),
                writable: Some(false),
                ..Node::default()
            },
        );
        t
    }

    fn go(source: &str) -> Result<Run, ScriptFault> {
        run(
            source,
            &[json!("guest"), json!(3)],
            &tree(),
            1_000_000,
            "dev-1",
            Limits::default(),
        )
    }

    #[test]
    fn declarations_logs_args_and_results_reach_the_script() {
        let r = go(r#"
            const v = declare("Device.DeviceInfo.SoftwareVersion", {value: Date.now()});
            log("version", v.value[0], v.size, args[0]);
            declare("Device.WiFi.SSID.*.SSID", {value: 1}, {value: args[0]});
            declare("Device.WiFi.SSID.*", null, {path: [1, args[1]]});
        "#)
        .expect("runs");
        assert_eq!(r.logs, ["version 1.0 1 guest"]);
        assert_eq!(r.declarations.len(), 3);
        assert_eq!(r.declarations[0].fresh.value, Some(1_000_000));
        assert_eq!(
            r.declarations[1].desired.value,
            Some(("guest".into(), None))
        );
        assert_eq!(r.declarations[2].desired.instances, Some((1, 3)));
    }

    #[test]
    fn staggered_times_are_fixed_per_device_and_within_the_interval() {
        let r = go("log(Date.now(3600000), Date.now(3600000), Date.now());").expect("runs");
        let parts: Vec<i64> = r.logs[0]
            .split(' ')
            .map(|p| p.parse().expect("n"))
            .collect();
        assert_eq!(parts[0], parts[1], "the same in one run");
        assert!(
            parts[0] <= parts[2] && parts[2] - parts[0] < 3_600_000,
            "{parts:?}"
        );
    }

    #[test]
    fn exceptions_timeouts_and_memory_become_faults() {
        match go("\n\nthrow new Error('no WAN');") {
            Err(ScriptFault::Exception { message, line }) => {
                assert!(message.contains("no WAN"), "{message}");
                assert_eq!(line, Some(3));
            }
            other => panic!("{other:?}"),
        }
        let limits = Limits {
            memory_bytes: 8 << 20,
            cpu: Duration::from_millis(50),
        };
        let looping = run("while (true) {}", &[], &tree(), 0, "d", limits);
        assert!(
            matches!(looping, Err(ScriptFault::Timeout(_))),
            "{looping:?}"
        );
        let hungry = run(
            "const a = []; while (true) a.push('x'.repeat(100000));",
            &[],
            &tree(),
            0,
            "d",
            Limits {
                cpu: Duration::from_secs(5),
                ..limits
            },
        );
        assert!(matches!(hungry, Err(ScriptFault::Memory)), "{hungry:?}");
        match go("declare('Device..X', {value: 1});") {
            Err(ScriptFault::Exception { message, .. }) => {
                assert!(message.contains("invalid path"), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }
}
