//! The two subcommands.

use crate::cli::{DecodeArgs, EncodeArgs};
use crate::document::{self, Document};
use crate::input;
use anyhow::{Context as _, Result, bail};
use cwmp::Dialect;

/// `cwmp decode`: capture in, pretty JSON out.
pub fn decode(args: &DecodeArgs) -> Result<()> {
    let bytes = input::read(&args.input)?;
    let decoded = cwmp::decode(&bytes)
        .with_context(|| format!("cannot decode {}", input::name(&args.input)))?;
    let mut json = serde_json::to_vec_pretty(&Document::from(decoded))
        .context("cannot render the document as JSON")?;
    json.push(b'\n');
    input::write_stdout(&json)
}

/// `cwmp encode`: JSON in, XML envelopes out.
pub fn encode(args: &EncodeArgs) -> Result<()> {
    let bytes = input::read(&args.input)?;
    let name = input::name(&args.input);
    let text = std::str::from_utf8(&bytes).with_context(|| format!("{name} is not UTF-8"))?;
    let doc = document::parse(text).with_context(|| format!("invalid JSON in {name}"))?;
    if doc.envelopes.is_empty() {
        // An empty HTTP body: nothing to write, whatever the version.
        return Ok(());
    }
    let dialect = dialect(args, &doc)?;
    let mut out = Vec::new();
    for (i, envelope) in doc.envelopes.iter().enumerate() {
        let xml = cwmp::encode(envelope, dialect)
            .with_context(|| format!("cannot encode envelope {} of {name}", i + 1))?;
        out.extend_from_slice(&xml);
        out.push(b'\n');
    }
    input::write_stdout(&out)
}

/// The flags win over the document; the document's namespace only goes with its own version.
fn dialect(args: &EncodeArgs, doc: &Document) -> Result<Dialect> {
    let (version, doc_namespace) = match (args.cwmp_version, doc.cwmp_version) {
        (Some(v), Some(d)) if v == d => (v, doc.namespace),
        (Some(v), _) => (v, None),
        (None, Some(v)) => (v, doc.namespace),
        (None, None) => {
            bail!("the input has no cwmpVersion: pass --cwmp-version 1.0|1.1|1.2|1.3|1.4")
        }
    };
    let namespace = args
        .namespace
        .or(doc_namespace)
        .unwrap_or_else(|| version.standard_namespace());
    Ok(Dialect { version, namespace })
}
