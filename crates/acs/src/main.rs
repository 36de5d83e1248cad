//! `acs`: the Auto Configuration Server.

use acs::config::{AcsConfig, CliOptions, print_default};
use acs::store::sqlite::SqliteStore;
use anyhow::Context as _;
use clap::{Parser, Subcommand};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

// A session allocates and frees many small strings and tree nodes across threads (decoded on
// a CWMP worker, written and dropped on the store's writer); mimalloc's per-thread heaps cost
// less there than the system allocator's arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "acs",
    version,
    about = "TR-069 (CWMP) Auto Configuration Server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the CWMP endpoint, the REST API and the file server (SQLite by default).
    Serve(CliOptions),
    /// Configuration helpers.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print every configuration key with its default, as TOML.
    PrintDefault,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Config {
            command: ConfigCommand::PrintDefault,
        } => {
            print!("{}", print_default());
            Ok(())
        }
        Command::Serve(options) => {
            let config = AcsConfig::load(&options).context("invalid configuration")?;
            let store = SqliteStore::open_with(&config.database, config.store.sqlite_options())
                .await
                .with_context(|| format!("cannot open the database {}", config.database))?;
            let shutdown = CancellationToken::new();
            let signal = shutdown.clone();
            tokio::spawn(async move {
                wait_for_signal().await;
                tracing::info!("shutting down");
                signal.cancel();
            });
            acs::server::serve(config, Arc::new(store), shutdown, |_| {}).await?;
            Ok(())
        }
    }
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
