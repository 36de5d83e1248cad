//! Runs remembered per device, so a periodic session whose scripts would do exactly what
//! they did last time does not run them again.
//!
//! A script is deterministic given what it can observe: its source and arguments, the
//! device (id, `Math.random()`'s seed), the times it asks for, what its declarations
//! describe, and whether its commits pass. A run records the last three (its [`Trace`]); a
//! later run of the same script with the same arguments for the same device gives the same
//! result if every staggered time it asked for is the same bucket, every description it read
//! is the same text, and every commit that passed still would. A run that read the session's
//! own time, called an extension, stopped, or failed is not remembered.

use super::{Env, Run, api, stagger, staggered};
use crate::provision::catalog::Script;
use crate::provision::plan::plan_knowing;
use lru::LruCache;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// What a run depended on.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Trace {
    /// `Date.now(interval, variance)` calls and their answers.
    pub times: Vec<(f64, f64, f64)>,
    /// Descriptions read: declaration index and the text the script got.
    pub reads: Vec<(usize, String)>,
    /// Commits that passed, by how many declarations came before them.
    pub commits: Vec<usize>,
    /// The run used something no trace can replay (the session time, an extension).
    pub volatile: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    device: String,
    script: u64,
    args: String,
}

#[derive(Debug)]
struct Memo {
    run: Run,
    trace: Trace,
}

/// The remembered runs, least recently used first out.
#[derive(Debug)]
pub struct ScriptCache {
    entries: Mutex<LruCache<Key, Arc<Memo>>>,
    hits: std::sync::atomic::AtomicU64,
}

impl ScriptCache {
    /// Remembers at most `capacity` runs (device and script pairs); 0 remembers none.
    pub fn new(capacity: usize) -> ScriptCache {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        ScriptCache {
            entries: Mutex::new(LruCache::new(capacity)),
            hits: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// How many runs were answered from memory.
    pub fn hits(&self) -> u64 {
        self.hits.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn key(script: &Script, env: &Env<'_>, args: &str) -> Key {
        Key {
            device: env.device_id.to_string(),
            script: script.fingerprint,
            args: args.to_string(),
        }
    }

    /// The remembered result of running `script` in `env`, if it still holds.
    pub(super) fn recall(&self, script: &Script, env: &Env<'_>, args: &str) -> Option<Run> {
        let key = Self::key(script, env, args);
        let memo = self.entries.lock().ok()?.get(&key).cloned()?;
        if !holds(&memo, env) {
            return None;
        }
        self.hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(memo.run.clone())
    }

    pub(super) fn remember(
        &self,
        script: &Script,
        env: &Env<'_>,
        args: &str,
        run: &Run,
        trace: Trace,
    ) {
        if trace.volatile || run.stop.is_some() {
            return;
        }
        let memo = Arc::new(Memo {
            run: run.clone(),
            trace,
        });
        if let Ok(mut entries) = self.entries.lock() {
            entries.put(Self::key(script, env, args), memo);
        }
    }
}

/// Whether a remembered run is what running the script in `env` would give.
fn holds(memo: &Memo, env: &Env<'_>) -> bool {
    let spread = stagger(env.device_id);
    let now = env.now as f64;
    let times = memo
        .trace
        .times
        .iter()
        .all(|&(interval, variance, answer)| staggered(now, spread, interval, variance) == answer);
    if !times {
        return false;
    }
    let declarations = &memo.run.declarations;
    let commits = memo.trace.commits.iter().all(|&n| {
        let before = declarations[..n.min(declarations.len())]
            .iter()
            .filter(|d| !d.path.is_local());
        plan_knowing(env.tree, before, env.absent).is_empty()
    });
    commits
        && memo.trace.reads.iter().all(|(index, text)| {
            declarations
                .get(*index)
                .is_some_and(|d| api::describe(&d.path, env.tree) == *text)
        })
}
