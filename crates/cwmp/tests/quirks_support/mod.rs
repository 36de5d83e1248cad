//! Helpers shared by the quirk and refusal tests, which read their inputs from
//! `tests/fixtures/quirks/`.

// Each test crate that includes this module uses a different part of it.
#![allow(dead_code)]

use cwmp::{DateTime, Decoded, Dialect, Envelope, decode};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/quirks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

pub fn decode_ok(name: &str, bytes: &[u8]) -> Decoded {
    decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Decodes a fixture that holds exactly one envelope.
pub fn one(name: &str) -> (Envelope, Dialect) {
    let decoded = decode_ok(name, &fixture(name));
    assert_eq!(decoded.envelopes.len(), 1, "{name}: {decoded:?}");
    let dialect = decoded.dialect.expect("dialect");
    (decoded.envelopes.into_iter().next().unwrap(), dialect)
}

pub fn dt(s: &str) -> DateTime {
    DateTime::parse(s).unwrap()
}
