//! `cwmp`: decode CWMP captures to JSON and encode JSON back to SOAP envelopes.
//!
//! This file only parses arguments and reports errors; the work is in the modules.

mod cli;
mod commands;
mod document;
mod input;

use clap::Parser as _;
use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => return cli::report_usage(&err),
    };
    let result = match args.command {
        cli::Command::Decode(a) => commands::decode(&a),
        cli::Command::Encode(a) => commands::encode(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line, whatever the cause chain looks like: scripts read the first line.
            let message = format!("{err:#}").replace(['\r', '\n'], " ");
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::FAILURE
        }
    }
}
