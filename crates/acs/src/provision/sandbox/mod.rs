//! Running provision and virtual-parameter scripts in QuickJS with GenieACS's script API,
//! within a CPU and a memory budget: `declare`, `clear`, `commit`, `ext`, `log`, `args`,
//! and `Date.now()` fixed at the session's time (`Date.now(interval[, variance])` staggered
//! per device).
//!
//! Execution is a replay, as in GenieACS: one run gives the script's declarations against
//! the tree as the ACS knows it now; the caller plans a round from them, applies the
//! answers, and runs the script again until a round plans nothing. `commit()` stops the run
//! when what was declared before it does not hold yet; `ext()` stops it when the extension's
//! result is not known yet (the caller calls the extension and runs the script again).
//!
//! Each worker thread keeps one QuickJS runtime and context with the API installed, and
//! each script compiled once per content: a run costs the script itself, not a context. A
//! run that hits a limit throws that runtime away. Values cross between Rust and JavaScript
//! as JSON text, so the boundary is a handful of functions and no per-type glue.

mod api;
mod memo;

pub use memo::ScriptCache;

use super::catalog::{Script, fnv1a};
use super::path::PathPattern;
use super::plan::{Declaration, plan_knowing};
use crate::model::{Millis, Tree};
use rquickjs::{CatchResultExt, Context, Function, Object, Persistent, Runtime};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};
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

/// A call of `ext(file, function, ...args)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtCall {
    pub file: String,
    pub function: String,
    pub args: Vec<Value>,
}

impl ExtCall {
    /// The key its result is remembered by for the rest of the session.
    pub fn key(&self) -> String {
        serde_json::json!([self.file, self.function, self.args]).to_string()
    }
}

/// Why a run stopped before the script's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// At `commit()`, with declarations that do not hold yet.
    Commit,
    /// At an `ext()` whose result the session does not have yet.
    Ext(ExtCall),
}

/// What one run of a script asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    pub declarations: Vec<Declaration>,
    /// `clear(path, timestamp)` calls: forget what was learnt of `path` before the time.
    pub clears: Vec<(PathPattern, Millis)>,
    pub logs: Vec<String>,
    pub stop: Option<Stop>,
    /// What the script returned (virtual parameters return `{writable, value}`).
    pub returned: Option<Value>,
}

/// Why a script failed; it becomes the fault of the preset's channel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptFault {
    #[error("script error: {message}{}", line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Exception { message: String, line: Option<u32> },
    #[error("script exceeded its CPU time ({0:?})")]
    Timeout(Duration),
    #[error("script exceeded its memory limit")]
    Memory,
}

/// What a run sees besides the script.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub tree: &'a Tree,
    pub now: Millis,
    pub device_id: &'a str,
    pub args: &'a [Value],
    /// Extension results known in this session, by [`ExtCall::key`]: `Ok(result)` or
    /// `Err(message)`, which the script sees thrown.
    pub ext: &'a HashMap<String, Result<Value, String>>,
    /// Paths the CPE said it lacks, for `commit()`'s check.
    pub absent: &'a BTreeSet<String>,
    pub limits: Limits,
    /// The installation's secret for `Math.random()`'s per-device seed.
    pub secret: &'a [u8],
    /// Runs remembered across sessions; `None` runs every script.
    pub cache: Option<&'a ScriptCache>,
}

/// The API, installed once per context over the native functions.
const PRELUDE: &str = include_str!("prelude.js");

scoped_tls::scoped_thread_local!(static TREE: Tree);
scoped_tls::scoped_thread_local!(static ABSENT: BTreeSet<String>);
scoped_tls::scoped_thread_local!(static EXT: HashMap<String, Result<Value, String>>);

/// The state of the run in progress on this thread.
#[derive(Default)]
struct Current {
    run: Run,
    /// A `declare` or `clear` the ACS could not read: the script's fault.
    error: Option<String>,
    deadline: Option<Instant>,
    timed_out: bool,
    now: Millis,
    stagger: f64,
    trace: memo::Trace,
}

thread_local! {
    static CURRENT: RefCell<Current> = RefCell::new(Current::default());
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    static MEMORY_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// One thread's QuickJS. Fields drop in order: compiled scripts before the context and the
/// context before the runtime, as QuickJS requires.
struct Engine {
    compiled: HashMap<u64, Persistent<Function<'static>>>,
    begin: Persistent<Function<'static>>,
    context: Context,
    #[allow(dead_code)]
    runtime: Runtime,
}

fn with_current<R>(f: impl FnOnce(&mut Current) -> R) -> R {
    CURRENT.with(|c| f(&mut c.borrow_mut()))
}

/// Whether the run has stopped, so later calls from the script are ignored.
fn stopped() -> bool {
    with_current(|c| c.run.stop.is_some() || c.error.is_some())
}

fn internal(e: impl std::fmt::Display) -> ScriptFault {
    ScriptFault::Exception {
        message: format!("sandbox: {e}"),
        line: None,
    }
}

impl Engine {
    fn new(limits: Limits) -> Result<Engine, ScriptFault> {
        let runtime = Runtime::new().map_err(internal)?;
        runtime.set_memory_limit(limits.memory_bytes);
        runtime.set_interrupt_handler(Some(Box::new(|| {
            with_current(|c| {
                let out = c.run.stop.is_some() || c.deadline.is_some_and(|d| Instant::now() > d);
                if out && c.run.stop.is_none() {
                    c.timed_out = true;
                }
                out
            })
        })));
        let context = Context::full(&runtime).map_err(internal)?;
        let begin = context.with(|ctx| -> Result<_, String> {
            let native = Object::new(ctx.clone()).map_err(|e| e.to_string())?;
            let log = Function::new(ctx.clone(), |message: String| {
                if !stopped() {
                    with_current(|c| c.run.logs.push(message));
                }
            });
            native.set("log", log).map_err(|e| e.to_string())?;
            let declare = Function::new(
                ctx.clone(),
                |path: String, timestamps: rquickjs::Value, values: rquickjs::Value| -> i32 {
                    if stopped() {
                        return -1;
                    }
                    let parsed = api::js_to_json(&timestamps, 4).and_then(|t| {
                        api::js_to_json(&values, 4).and_then(|v| api::declaration(&path, t, v))
                    });
                    match parsed {
                        Ok(d) => with_current(|c| {
                            c.run.declarations.push(d);
                            i32::try_from(c.run.declarations.len() - 1).unwrap_or(-1)
                        }),
                        Err(e) => {
                            with_current(|c| c.error = Some(e));
                            -1
                        }
                    }
                },
            );
            native.set("declare", declare).map_err(|e| e.to_string())?;
            let describe = Function::new(ctx.clone(), |index: i32| -> String {
                let Some(i) = usize::try_from(index).ok() else {
                    return "[]".into();
                };
                let path = with_current(|c| c.run.declarations.get(i).map(|d| d.path.clone()));
                let Some(path) = path else {
                    return "[]".into();
                };
                let text = TREE.with(|tree| api::describe(&path, tree));
                with_current(|c| c.trace.reads.push((i, text.clone())));
                text
            });
            let now = Function::new(
                ctx.clone(),
                |interval: Option<f64>, variance: Option<f64>| -> f64 {
                    with_current(|c| {
                        let now = c.now as f64;
                        let Some(interval) = interval else {
                            c.trace.volatile = true;
                            return now;
                        };
                        let variance = variance.unwrap_or(interval);
                        let answer = staggered(now, c.stagger, interval, variance);
                        c.trace.times.push((interval, variance, answer));
                        answer
                    })
                },
            );
            native.set("now", now).map_err(|e| e.to_string())?;
            native
                .set("describe", describe)
                .map_err(|e| e.to_string())?;
            let clear = Function::new(ctx.clone(), |call: String| {
                if stopped() {
                    return;
                }
                match api::clear(&call) {
                    Ok(c) => with_current(|cur| cur.run.clears.push(c)),
                    Err(e) => with_current(|c| c.error = Some(e)),
                }
            });
            native.set("clear", clear).map_err(|e| e.to_string())?;
            let commit = Function::new(ctx.clone(), || -> bool {
                if stopped() {
                    return false;
                }
                let holds = with_current(|c| {
                    let device = c.run.declarations.iter().filter(|d| !d.path.is_local());
                    TREE.with(|tree| {
                        ABSENT.with(|absent| plan_knowing(tree, device, absent).is_empty())
                    })
                });
                with_current(|c| {
                    if holds {
                        let n = c.run.declarations.len();
                        c.trace.commits.push(n);
                    } else {
                        c.run.stop = Some(Stop::Commit);
                    }
                });
                holds
            });
            native.set("commit", commit).map_err(|e| e.to_string())?;
            let ext = Function::new(ctx.clone(), |call: String| -> Option<String> {
                if stopped() {
                    return None;
                }
                with_current(|c| c.trace.volatile = true);
                let parsed: Vec<Value> = serde_json::from_str(&call).unwrap_or_default();
                let text = |i: usize| parsed.get(i).and_then(Value::as_str).map(str::to_string);
                let (Some(file), Some(function)) = (text(0), text(1)) else {
                    return Some(
                        serde_json::json!({"error": "ext: file and function must be strings"})
                            .to_string(),
                    );
                };
                let call = ExtCall {
                    file,
                    function,
                    args: parsed.get(2..).map(<[Value]>::to_vec).unwrap_or_default(),
                };
                match EXT.with(|known| known.get(&call.key()).cloned()) {
                    Some(Ok(result)) => Some(serde_json::json!({ "result": result }).to_string()),
                    Some(Err(message)) => Some(serde_json::json!({ "error": message }).to_string()),
                    None => {
                        with_current(|c| c.run.stop = Some(Stop::Ext(call)));
                        None
                    }
                }
            });
            native.set("ext", ext).map_err(|e| e.to_string())?;
            ctx.globals()
                .set("__native", native)
                .map_err(|e| e.to_string())?;
            ctx.eval::<(), _>(PRELUDE)
                .catch(&ctx)
                .map_err(|e| e.to_string())?;
            let begin: Function = ctx.globals().get("__begin").map_err(|e| e.to_string())?;
            Ok(Persistent::save(&ctx, begin))
        });
        let begin = begin.map_err(internal)?;
        Ok(Engine {
            compiled: HashMap::new(),
            begin,
            context,
            runtime,
        })
    }

    /// Runs `script`; `Err(text)` is QuickJS's exception text.
    fn execute(
        &mut self,
        script: &Script,
        env: &Env<'_>,
        args: String,
    ) -> Result<Option<String>, String> {
        let Engine {
            compiled,
            begin,
            context,
            ..
        } = self;
        context.with(|ctx| {
            let begin = begin.clone().restore(&ctx).map_err(|e| e.to_string())?;
            let [a, b, c, d] = random_seed(env.secret, env.device_id);
            begin
                .call::<_, ()>((args, a, b, c, d))
                .catch(&ctx)
                .map_err(|e| e.to_string())?;
            let function = match compiled.get(&script.fingerprint) {
                Some(f) => f.clone().restore(&ctx).map_err(|e| e.to_string())?,
                None => {
                    // The same line numbers as the script: the wrapper opens on line 1.
                    let wrapped = format!("(function () {{ {}\n}})", script.source);
                    let f: Function = ctx
                        .eval(wrapped.as_str())
                        .catch(&ctx)
                        .map_err(|e| e.to_string())?;
                    compiled.insert(script.fingerprint, Persistent::save(&ctx, f.clone()));
                    f
                }
            };
            let returned: rquickjs::Value =
                function.call(()).catch(&ctx).map_err(|e| e.to_string())?;
            if returned.is_undefined() {
                return Ok(None);
            }
            let json = ctx
                .json_stringify(returned)
                .catch(&ctx)
                .map_err(|e| e.to_string())?;
            Ok(json.and_then(|s| s.to_string().ok()))
        })
    }
}

/// Runs `script` once in `env`.
pub fn run(script: &Script, env: &Env<'_>) -> Result<Run, ScriptFault> {
    let args = Value::Array(env.args.to_vec()).to_string();
    if let Some(run) = env.cache.and_then(|c| c.recall(script, env, &args)) {
        return Ok(run);
    }
    with_current(|c| {
        *c = Current {
            deadline: Some(Instant::now() + env.limits.cpu),
            now: env.now,
            stagger: stagger(env.device_id),
            ..Current::default()
        };
    });
    let key_args = env.cache.is_some().then(|| args.clone());
    let outcome = ENGINE.with(|slot| {
        let mut slot = slot.borrow_mut();
        let limit_changed =
            MEMORY_LIMIT.with(|m| m.replace(env.limits.memory_bytes)) != env.limits.memory_bytes;
        if slot.is_none() || limit_changed {
            *slot = None;
            *slot = Some(Engine::new(env.limits)?);
        }
        let Some(engine) = slot.as_mut() else {
            return Err(internal("no engine"));
        };
        let result = TREE.set(env.tree, || {
            ABSENT.set(env.absent, || {
                EXT.set(env.ext, || engine.execute(script, env, args))
            })
        });
        let current = with_current(std::mem::take);
        // A runtime that ran out of time or memory may be left in any state.
        if current.timed_out || matches!(&result, Err(t) if t.contains("out of memory")) {
            *slot = None;
        }
        Ok((result, current))
    });
    let (result, current) = outcome?;
    let mut run = current.run;
    if run.stop.is_some() {
        return Ok(run);
    }
    if let Some(message) = current.error {
        return Err(ScriptFault::Exception {
            message,
            line: None,
        });
    }
    match result {
        Ok(returned) => {
            run.returned = returned.and_then(|text| serde_json::from_str(&text).ok());
            if let (Some(cache), Some(args)) = (env.cache, key_args) {
                cache.remember(script, env, &args, &run, current.trace);
            }
            Ok(run)
        }
        Err(_) if current.timed_out => Err(ScriptFault::Timeout(env.limits.cpu)),
        Err(text) if text.contains("out of memory") => Err(ScriptFault::Memory),
        Err(text) => {
            let parsed = crate::script::ScriptError::from_engine(&text);
            Err(ScriptFault::Exception {
                message: parsed.message,
                line: parsed.line,
            })
        }
    }
}

/// The start of the device's current bucket of `interval` milliseconds: `now` rounded down to
/// the bucket boundaries, shifted by the device's place (`stagger`, in [0, 1)) within
/// `variance`. The arithmetic is JavaScript's (IEEE doubles, `%` as fmod).
fn staggered(now: f64, stagger: f64, interval: f64, variance: f64) -> f64 {
    let offset = (stagger * variance).floor();
    now - ((((now - offset) % interval) + interval) % interval)
}

/// The seed of a device's `Math.random()`: SHA-256 of the secret and the device id.
fn random_seed(secret: &[u8], device_id: &str) -> [i32; 4] {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(secret)
        .chain_update([0])
        .chain_update(device_id.as_bytes())
        .finalize();
    let word =
        |i: usize| i32::from_le_bytes([digest[i], digest[i + 1], digest[i + 2], digest[i + 3]]);
    [word(0), word(4), word(8), word(12)]
}

/// A number in [0, 1) fixed per device: where its staggered times fall in their interval.
pub fn stagger(device_id: &str) -> f64 {
    // FNV-1a alone leaves ids that differ in their last characters (serial numbers) close
    // together in the high bits; the finalizer of MurmurHash3 spreads them over the range.
    let mut h = fnv1a(device_id.as_bytes());
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (h >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
#[path = "sandbox_tests.rs"]
mod tests;
