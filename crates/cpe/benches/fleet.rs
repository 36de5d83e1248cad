//! Fleet memory and boot throughput: N simulated devices with a 1000-parameter profile boot
//! against a minimal ACS in the same process; when every device has completed its first
//! session, the resident memory per device is printed.
//!
//! Run: `cargo bench -p cpe --bench fleet -- --count 100000` (default 10000 devices).
//! Boots are spread over `--spread` seconds (default: count / 2000) so the number of open
//! connections stays below the file-descriptor limit.

use bytes::Bytes;
use cpe::acs_client::{AcsClient, AcsClientConfig};
use cpe::agent::schedule::Phase;
use cpe::agent::stats::Stats;
use cpe::agent::{AgentConfig, Shared, run_device};
use cpe::conn_req::Registry;
use cpe::device::Device;
use cpe::transfer::TransferLimits;
use cwmp::message::{InformResponse, Message};
use cwmp::{CwmpVersion, Envelope};
use datamodel::{BaseTree, NodeKind, Profile};
use http_body_util::{BodyExt, Full};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The built-in TR-181 gateway, extended with vendor parameters to 1000 parameters in the
/// instantiated tree.
fn profile_with_1000_parameters() -> (Profile, usize) {
    let mut text = datamodel::builtin::builtin_text("tr181-gateway")
        .unwrap_or_default()
        .to_string();
    let base = BaseTree::new(Profile::parse(&text).expect("built-in profile parses"));
    let have = datamodel::DeviceModel::new(base)
        .paths_under("")
        .iter()
        .filter(|(_, k)| *k == NodeKind::Parameter)
        .count();
    for i in have..1000 {
        text.push_str(&format!(
            "param Device.X_00D09E_Bench.Value{i} unsignedInt w default=\"{i}\"\n"
        ));
    }
    (
        Profile::parse(&text).expect("extended profile parses"),
        have.max(1000),
    )
}

/// An ACS that answers every Inform and ends every session: enough for devices to boot.
async fn minimal_acs() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    |req: hyper::Request<hyper::body::Incoming>| async move {
                        let body = req
                            .into_body()
                            .collect()
                            .await
                            .map(|b| b.to_bytes())
                            .unwrap_or_default();
                        let decoded = cwmp::decode(&body).ok();
                        let reply = decoded.as_ref().and_then(|d| {
                            let env = d.envelopes.first()?;
                            matches!(env.body, Message::Inform(_)).then(|| {
                                let answer = Envelope::new(
                                    env.id().unwrap_or_default(),
                                    InformResponse { max_envelopes: 1 },
                                );
                                cwmp::encode(&answer, d.dialect.unwrap_or_default())
                                    .unwrap_or_default()
                            })
                        });
                        let response = match reply {
                            Some(xml) => hyper::Response::new(Full::new(Bytes::from(xml))),
                            None => {
                                let mut r = hyper::Response::new(Full::new(Bytes::new()));
                                *r.status_mut() = hyper::StatusCode::NO_CONTENT;
                                r
                            }
                        };
                        Ok::<_, std::convert::Infallible>(response)
                    },
                );
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    });
    addr
}

fn arg(name: &str) -> Option<u64> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        // `cargo test --benches` asks bench binaries to list or smoke-test themselves.
        return;
    }
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .init();
    }
    let count = arg("--count").unwrap_or(10_000) as usize;
    let spread = Duration::from_secs(arg("--spread").unwrap_or((count as u64 / 2000).max(1)));
    let (profile, parameters) = profile_with_1000_parameters();
    let base = BaseTree::new(profile);
    let acs = minimal_acs().await;
    let stats = Arc::new(Stats::default());
    let shared = Arc::new(Shared {
        config: AgentConfig {
            acs_url: format!("http://{acs}/"),
            acs_username: String::new(),
            acs_password: String::new(),
            conn_req_base: "http://127.0.0.1:9".into(),
            periodic_interval: 86_400,
            phase: Phase::Spread,
            cwmp_version: CwmpVersion::V1_4,
            transfer_limits: TransferLimits::default(),
        },
        acs: AcsClient::new(AcsClientConfig::default()).expect("client"),
        http: reqwest::Client::new(),
        registry: Arc::new(Registry::default()),
        store: None,
        stats: Arc::clone(&stats),
    });
    let before = rss_kib();
    let stop = CancellationToken::new();
    let started = Instant::now();
    for i in 0..count {
        let device = Device::new(Arc::clone(&base), format!("BENCH{i:07}"));
        let shared = Arc::clone(&shared);
        let stop = stop.clone();
        let delay = spread.mul_f64(i as f64 / count as f64);
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            run_device(device, shared, stop).await;
        });
    }
    while stats.completed() + stats.failed() < count as u64 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        if started.elapsed() > spread + Duration::from_secs(600) {
            eprintln!(
                "gave up waiting: {} of {count} sessions done",
                stats.completed()
            );
            break;
        }
    }
    let elapsed = started.elapsed();
    // Let connections close and allocator caches settle before reading.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = rss_kib();
    let per_device = (after.saturating_sub(before) as f64) * 1024.0 / count as f64;
    let summary = stats.summary(count);
    println!("profile parameters per device: {parameters}");
    println!("devices:                       {count}");
    println!(
        "boot sessions completed:       {} (failed {})",
        summary.sessions_completed, summary.sessions_failed
    );
    println!(
        "boot window:                   {:.1} s (spread {} s)",
        elapsed.as_secs_f64(),
        spread.as_secs()
    );
    println!(
        "sessions/s during boot:        {:.0}",
        summary.sessions_completed as f64 / elapsed.as_secs_f64()
    );
    println!(
        "session latency ms:            p50 {} p95 {} p99 {}",
        summary.latency_ms.p50, summary.latency_ms.p95, summary.latency_ms.p99
    );
    println!(
        "RSS before devices:            {:.1} MiB",
        before as f64 / 1024.0
    );
    println!(
        "RSS with devices:              {:.1} MiB",
        after as f64 / 1024.0
    );
    println!(
        "resident memory per device:    {:.1} KiB",
        per_device / 1024.0
    );
    stop.cancel();
}
