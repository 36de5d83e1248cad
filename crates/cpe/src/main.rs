//! `cpe`: simulated TR-069 devices.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use cpe::simulator::{SimulateOptions, simulate};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

#[derive(Parser)]
#[command(name = "cpe", version, about = "Simulated TR-069 (CWMP) devices")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a fleet of simulated devices against an ACS. Stops after --duration, or on SIGINT
    /// or SIGTERM, and prints a summary.
    Simulate(SimulateArgs),
}

#[derive(clap::Args)]
struct SimulateArgs {
    /// The ACS URL devices inform to.
    #[arg(long)]
    acs_url: String,
    /// Number of devices.
    #[arg(long, default_value_t = 1)]
    count: usize,
    /// Serial numbers are this prefix and a zero-padded number.
    #[arg(long, default_value = "SIM")]
    serial_prefix: String,
    /// The first serial number.
    #[arg(long, default_value_t = 1)]
    serial_start: u64,
    /// A built-in profile (tr181-gateway, tr098-gateway, tr135-stb, tr104-voip) or a .profile file.
    #[arg(long, default_value = "tr181-gateway")]
    profile: String,
    /// Where device state persists across restarts; without it devices forget everything.
    #[arg(long)]
    state_dir: Option<PathBuf>,
    /// Address of the connection-request listener shared by all devices.
    #[arg(long, default_value = "127.0.0.1:0")]
    conn_req_listen: SocketAddr,
    /// Base URL the ACS reaches the listener at (default: http://<bound address>).
    #[arg(long)]
    conn_req_url: Option<String>,
    /// PeriodicInformInterval of new devices (the ACS may change it), and the boot spread.
    #[arg(long, default_value_t = 300)]
    periodic_interval: u32,
    /// Credentials devices present to the ACS.
    #[arg(long, default_value = "")]
    username: String,
    #[arg(long, default_value = "")]
    password: String,
    /// Boot every device at once and align their periodic informs.
    #[arg(long)]
    boot_storm: bool,
    /// Stop after this many seconds.
    #[arg(long)]
    duration: Option<u64>,
    /// CWMP version the devices speak (1.0 to 1.4).
    #[arg(long, default_value = "1.4")]
    cwmp_version: cwmp::CwmpVersion,
    /// Extra CA certificates (PEM) to trust for https ACS URLs.
    #[arg(long)]
    ca_bundle: Option<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let Command::Simulate(args) = Cli::parse().command;
    let shutdown = CancellationToken::new();
    let signals = shutdown.clone();
    tokio::spawn(async move {
        wait_for_signal().await;
        signals.cancel();
    });
    let json = args.json;
    let options = SimulateOptions {
        acs_url: args.acs_url,
        count: args.count,
        serial_prefix: args.serial_prefix,
        serial_start: args.serial_start,
        profile: args.profile,
        state_dir: args.state_dir,
        conn_req_listen: args.conn_req_listen,
        conn_req_advertise: args.conn_req_url,
        periodic_interval: args.periodic_interval,
        username: args.username,
        password: args.password,
        boot_storm: args.boot_storm,
        duration: args.duration.map(Duration::from_secs),
        cwmp_version: args.cwmp_version,
        ca_bundle: args.ca_bundle,
        progress: (!json).then_some(Duration::from_secs(5)),
    };
    let summary = simulate(options, shutdown, |addr| {
        eprintln!("connection requests: listening on {addr}");
    })
    .await
    .context("simulation failed")?;
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print!("{summary}");
    }
    Ok(())
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
