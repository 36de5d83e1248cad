//! What presets add to a periodic session with nothing to change, in the session engine
//! alone (no HTTP, no store): the benchmark's ten presets (`bench/presets`, three of them
//! scripts) against the same session without presets, on the simulator's TR-181 device
//! model. The end-to-end figure is `bench/acs_sessions.sh` with `PRESETS=bench/presets`.
//!
//! `cargo bench -p acs --bench provisioning`

#[path = "../tests/provision_lab/mod.rs"]
mod provision_lab;

use provision_lab::{Lab, bench_catalog, catalog};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Microseconds per steady session of `labs` devices, after their first sessions.
fn per_session(mut labs: Vec<Lab>, rounds: usize) -> f64 {
    for lab in &mut labs {
        lab.session();
        lab.session();
    }
    let started = Instant::now();
    let mut sessions = 0;
    for _ in 0..rounds {
        for lab in &mut labs {
            lab.advance(5);
            let s = lab.session();
            assert!(s.rpcs.is_empty(), "not a steady session: {:?}", s.rpcs);
            sessions += 1;
        }
    }
    started.elapsed().as_secs_f64() * 1e6 / sessions as f64
}

fn main() {
    let devices = 200;
    let rounds = 50;
    let labs = |with_presets: bool| -> Vec<Lab> {
        (0..devices)
            .map(|i| {
                let catalog = if with_presets {
                    bench_catalog()
                } else {
                    catalog(serde_json::json!({}), &[], &[])
                };
                Lab::new("tr181-gateway", &format!("BENCH{i:05}"), catalog)
            })
            .collect()
    };
    let none = per_session(labs(false), rounds);
    let ten = per_session(labs(true), rounds);
    println!("session engine, steady periodic session (device model included):");
    println!("  no presets:                      {none:.1} us");
    println!("  ten presets, three scripts:      {ten:.1} us");
    println!("  what the presets add:            {:.1} us", ten - none);
}
