//! Decodes arbitrary bytes, then checks that whatever decoded survives an encode/decode
//! round trip in the dialect it came in.
//!
//! Panics (a finding) when:
//! - the decoder panics or loops (libFuzzer reports crashes and timeouts);
//! - a decode error carries no position (`line`/`column` of 0);
//! - an envelope that decoded cannot be encoded for its own dialect, except for the two
//!   documented refusals (`NotInVersion`, `UnknownMethod`);
//! - the encoding does not decode, decodes to other than exactly one envelope, or to an
//!   envelope different from the first decode (with the header as the dialect's version
//!   keeps it), or in another namespace.

#![no_main]

use cwmp::{DecodeOptions, Decoded, EncodeError, Envelope, decode, decode_with, encode};
use libfuzzer_sys::fuzz_target;

/// Small limits, so the size and depth checks are exercised on ordinary inputs too.
const SMALL: DecodeOptions = DecodeOptions {
    max_bytes: 4096,
    max_depth: 6,
};

fuzz_target!(|data: &[u8]| {
    if let Some(decoded) = decode_checked(data, &DecodeOptions::default()) {
        round_trip(&decoded);
    }
    if let Some(decoded) = decode_checked(data, &SMALL) {
        round_trip(&decoded);
    }
});

/// Decodes and checks the invariants every error must keep.
fn decode_checked(data: &[u8], options: &DecodeOptions) -> Option<Decoded> {
    match decode_with(data, options) {
        Ok(decoded) => Some(decoded),
        Err(e) => {
            assert!(
                e.line >= 1 && e.column >= 1,
                "decode error without a position: {e:?}"
            );
            // Display must not panic either.
            let _ = e.to_string();
            None
        }
    }
}

fn round_trip(decoded: &Decoded) {
    let dialect = decoded.dialect.unwrap_or_default();
    for first in &decoded.envelopes {
        let bytes = match encode(first, dialect) {
            Ok(bytes) => bytes,
            Err(EncodeError::NotInVersion { .. } | EncodeError::UnknownMethod(_)) => continue,
        };
        let text = String::from_utf8_lossy(&bytes);
        let again = match decode(&bytes) {
            Ok(again) => again,
            Err(e) => panic!("re-encoded envelope does not decode: {e}\n{first:#?}\n{text}"),
        };
        assert_eq!(
            again.envelopes.len(),
            1,
            "re-encoded envelope decodes to {} envelopes\n{first:#?}\n{text}",
            again.envelopes.len()
        );
        let expected = Envelope {
            header: first.header.for_version(dialect.version),
            body: first.body.clone(),
        };
        assert_eq!(
            again.envelopes[0], expected,
            "round trip changed the envelope\n{text}"
        );
        assert_eq!(
            again.dialect.map(|d| d.namespace),
            Some(dialect.namespace),
            "round trip changed the namespace\n{text}"
        );
    }
}
