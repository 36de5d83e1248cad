//! What one run of a provision script costs in the sandbox: a fresh QuickJS runtime and
//! context, the script API, a typical script of a few declarations, against a gateway-sized
//! tree. Groundwork for issue 5's target (presets at most double a periodic session's CPU):
//! it tells whether a runtime per run is affordable or must be reused.
//!
//! `cargo bench -p acs --bench script`

use acs::model::{Node, Tree};
use acs::provision::sandbox::{Limits, run};
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
    for _ in 0..50 {
        run(SCRIPT, &[], &tree, 1_000_000, "dev-1", Limits::default()).expect("runs");
    }
    let started = Instant::now();
    for i in 0..runs {
        let r = run(
            SCRIPT,
            &[],
            &tree,
            1_000_000,
            &format!("dev-{i}"),
            Limits::default(),
        )
        .expect("runs");
        std::hint::black_box(r);
    }
    let per_run = started.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!("sandbox run (fresh runtime, 3 declarations, 208-node tree): {per_run:.1} us");
    let started = Instant::now();
    for _ in 0..runs {
        acs::script::check_syntax(SCRIPT).expect("valid");
    }
    let per_check = started.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!("syntax check at upload: {per_check:.1} us");
}
