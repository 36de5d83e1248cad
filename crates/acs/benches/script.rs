//! What one run of a provision script costs in the sandbox: the thread's QuickJS context
//! reused, the script compiled once, a typical script of a few declarations, against a
//! gateway-sized tree. Part of issue 5's target (presets at most double a periodic
//! session's CPU).
//!
//! `cargo bench -p acs --bench script`

use acs::model::{Node, Tree};
use acs::provision::catalog::Script;
use acs::provision::sandbox::{Env, Limits, run};
use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SCRIPT: &str = r#"
const now = Date.now();
const interval = declare("Device.ManagementServer.PeriodicInformInterval", {value: 1}, {value: 3600});
declare("Device.WiFi.SSID.*.SSID", {value: Date.now(86400000)});
if (interval.value && interval.value[0] !== "3600") log("interval was", interval.value[0]);
declare("Device.WiFi.SSID.[SSID:Guest].Enable", {value: 1}, {value: true});
"#;

fn tree() -> Tree {
    let mut t = Tree::new();
    for i in 0..200 {
        t.insert(
            format!("Device.X.{i}.Value"),
            Node {
                value: Some((format!("v{i}"), "xsd:string".into())),
                value_timestamp: Some(1),
                ..Node::default()
            },
        );
    }
    for i in 1..=4 {
        t.insert(
            format!("Device.WiFi.SSID.{i}."),
            Node {
                object: true,
                seen: 1,
                ..Node::default()
            },
        );
        t.insert(
            format!("Device.WiFi.SSID.{i}.SSID"),
            Node {
                value: Some((
                    if i == 2 { "Guest" } else { "Home" }.into(),
                    "xsd:string".into(),
                )),
                value_timestamp: Some(1),
                ..Node::default()
            },
        );
    }
    t
}

fn main() {
    let tree = tree();
    let runs = 2000;
    // Warm up the allocator and caches.
    let script = Script::new(SCRIPT);
    let (ext, absent) = (HashMap::new(), BTreeSet::new());
    let ids: Vec<String> = (0..runs).map(|i| format!("dev-{i}")).collect();
    let base = Env {
        tree: &tree,
        now: 1_000_000,
        device_id: "dev-1",
        args: &[],
        ext: &ext,
        absent: &absent,
        limits: Limits::default(),
        secret: b"bench",
        cache: None,
    };
    let env = |device_id| Env { device_id, ..base };
    for _ in 0..50 {
        run(&script, &env("dev-1")).expect("runs");
    }
    let started = Instant::now();
    for id in &ids {
        let r = run(&script, &env(id)).expect("runs");
        std::hint::black_box(r);
    }
    let per_run = started.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!("sandbox run (context reused, 3 declarations, 208-node tree): {per_run:.1} us");
    for (what, source) in [
        ("an empty script", ""),
        (
            "one declaration, not read",
            "declare('Device.X.1.Value', {value: 1}, {value: 'v1'});",
        ),
        (
            "one declaration, read",
            "declare('Device.X.1.Value', {value: 1}).value;",
        ),
        (
            "the default bootstrap script",
            acs::provision::defaults::BOOTSTRAP_SCRIPT,
        ),
    ] {
        let script = Script::new(source);
        run(&script, &env("dev-1")).expect("runs");
        let started = Instant::now();
        for id in &ids {
            std::hint::black_box(run(&script, &env(id)).expect("runs"));
        }
        let per_run = started.elapsed().as_secs_f64() * 1e6 / runs as f64;
        println!("sandbox run, {what}: {per_run:.1} us");
    }
    let started = Instant::now();
    for _ in 0..runs {
        acs::script::check_syntax(SCRIPT).expect("valid");
    }
    let per_check = started.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!("syntax check at upload: {per_check:.1} us");
}
