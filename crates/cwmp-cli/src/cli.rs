//! Command-line arguments, help texts and the reporting of usage errors.

use clap::{Args, Parser, Subcommand};
use cwmp::{CwmpVersion, Namespace};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The JSON shape, shown by `--help` of both subcommands. Scripts rely on it: changing it is a
/// breaking change of the tool, so it only ever grows (new optional fields).
const JSON_SHAPE: &str = "\
JSON SHAPE (a stable contract for scripts: fields are only ever added, never renamed):
  {
    \"cwmpVersion\": \"1.2\",
    \"namespace\": \"urn:dslforum-org:cwmp-1-2\",
    \"envelopes\": [
      {
        \"Header\": {\"ID\": \"42\"},
        \"Body\": {\"Inform\": {
          \"DeviceId\": {\"Manufacturer\": \"Acme\", \"OUI\": \"00D09E\",
                       \"ProductClass\": \"GW\", \"SerialNumber\": \"S123\"},
          \"Event\": [{\"EventCode\": \"1 BOOT\", \"CommandKey\": \"\"}],
          \"MaxEnvelopes\": 1,
          \"CurrentTime\": \"2024-03-01T12:00:00Z\",
          \"RetryCount\": 0,
          \"ParameterList\": [
            {\"Name\": \"Device.DeviceInfo.SoftwareVersion\",
             \"Value\": {\"type\": \"xsd:string\", \"value\": \"1.0.3\"}}
          ]
        }}
      }
    ]
  }

  - cwmpVersion: \"1.0\" .. \"1.4\", or null when the capture does not tell; namespace: the
    cwmp namespace URI used, or null. envelopes: empty for an empty HTTP body.
  - Header: ID, HoldRequests, NoMoreRequests (booleans), SessionTimeout (number),
    SupportedCWMPVersions (list of version strings), UseCWMPVersion; absent ones are left out.
  - Body: one key, the TR-069 method name (Inform, GetParameterValues, ChangeDUState, ...) or
    Fault; its fields are named exactly like the XML elements. Arrays are JSON lists.
  - Value: {\"type\": xsi:type, \"value\": text}; type is left out when the XML had none.
  - Fault codes, Status, counts and other numbers are JSON numbers; dateTimes, event codes and
    base64 vouchers are strings; optional elements that were absent are null.
  - Fault: {\"faultcode\": \"Client\", \"faultstring\": \"CWMP fault\",
            \"detail\": {\"FaultCode\": 9005, \"FaultString\": \"...\", \"SetParameterValuesFault\": []}}

EXIT STATUS: 0 on success, 1 on any error (one line on stderr starting with \"error: \").";

#[derive(Debug, Parser)]
#[command(
    name = "cwmp",
    version,
    about = "Decode CWMP (TR-069) SOAP captures to JSON, and encode JSON back to SOAP",
    after_help = "Run `cwmp decode --help` or `cwmp encode --help` for the JSON shape."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read a capture (an HTTP body with zero or more SOAP envelopes) and print it as JSON.
    #[command(
        long_about = "Read a capture (an HTTP body with zero or more SOAP envelopes) and print \
                      it as pretty JSON on stdout.\n\nThe decoder is as lenient as the ACS: any \
                      prefixes, missing xsi:types, ISO-8859-1 or UTF-16 bodies are accepted. \
                      Malformed XML is reported with its line, column and element path.",
        after_help = JSON_SHAPE
    )]
    Decode(DecodeArgs),
    /// Read JSON (as printed by `decode`) and write the SOAP envelope(s) as XML on stdout.
    #[command(
        long_about = "Read JSON (the document printed by `cwmp decode`, or a single envelope \
                      object {\"Header\": ..., \"Body\": ...}) and write the SOAP envelope(s) as \
                      XML on stdout, one after the other, each followed by a newline.\n\nThe \
                      version is --cwmp-version, else the document's cwmpVersion; without either \
                      the command fails (except with no envelopes: an empty body is written as \
                      nothing). The namespace is --namespace, else the document's \
                      namespace when the document's version is used, else the standard \
                      namespace of the version. Header fields the version does not have are left out \
                      (SessionTimeout needs 1.3, SupportedCWMPVersions and UseCWMPVersion 1.4; \
                      NoMoreRequests is never written); a method newer than the version is an \
                      error.",
        after_help = JSON_SHAPE
    )]
    Encode(EncodeArgs),
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The capture to read, or `-` for stdin.
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,
}

#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// The JSON to read, or `-` for stdin.
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,
    /// CWMP version to encode for: 1.0, 1.1, 1.2, 1.3 or 1.4 [default: the document's
    /// cwmpVersion].
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub cwmp_version: Option<CwmpVersion>,
    /// Force the cwmp namespace URI, e.g. urn:dslforum-org:cwmp-1-3 for devices that expect
    /// that non-standard one.
    #[arg(long, value_name = "URI", value_parser = parse_namespace)]
    pub namespace: Option<Namespace>,
}

fn parse_version(s: &str) -> Result<CwmpVersion, String> {
    s.parse::<CwmpVersion>().map_err(|e| e.to_string())
}

fn parse_namespace(s: &str) -> Result<Namespace, String> {
    Namespace::from_uri(s).ok_or_else(|| {
        format!(
            "unknown cwmp namespace {s:?} (expected urn:dslforum-org:cwmp-1-0, -1-1, -1-2, \
             -1-3 or -1-4)"
        )
    })
}

/// Prints what clap has to say. Help and version go to stdout with status 0; a usage error
/// is reduced to clap's first line, like every other error of the tool, with status 1.
pub fn report_usage(err: &clap::Error) -> ExitCode {
    if !err.use_stderr() {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = writeln!(
            std::io::stderr(),
            "error: a subcommand is required: decode or encode (see `cwmp --help`)"
        );
        return ExitCode::FAILURE;
    }
    // clap's message is its first paragraph (e.g. "required arguments were not provided:"
    // followed by the argument names); its usage and tips are left to --help.
    let rendered = err.render().to_string();
    let message = rendered
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
        .collect::<Vec<_>>()
        .join(" ");
    let message = message.strip_prefix("error:").unwrap_or(&message).trim();
    let message = if message.is_empty() {
        "invalid arguments"
    } else {
        message
    };
    let _ = writeln!(std::io::stderr(), "error: {message} (see `cwmp --help`)");
    ExitCode::FAILURE
}
