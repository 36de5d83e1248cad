//! Property tests of the codec.
//!
//! 1. Every message type, with content chosen to stress the XML layer (markup characters,
//!    CR/LF/tab, non-ASCII, empty strings, every value type, dateTimes with and without fraction
//!    and zone, every kind of event code, any fault code), encodes for every CWMP version that
//!    has it and decodes back to exactly what was encoded, in the expected dialect.
//! 2. Decoding never panics, on arbitrary bytes, on XML-ish token soup, and on valid encodings
//!    with bytes replaced, inserted, deleted or cut off; an error always has a position, and
//!    whatever does decode survives a second encode/decode unchanged.
//!
//! The generators are in `strategies/`.

mod strategies;

use cwmp::{
    CwmpVersion, DateTime, DecodeOptions, Decoded, EncodeError, Envelope, EventCode, Message,
    ValueType, decode, decode_with, encode, encode_version,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::collections::BTreeSet;
use strategies::{
    datetime, encoding, envelope_of, event_code, is_xml_char, message, message_strategies, mutate,
    mutation, text, token_soup, value_type,
};

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/// Encodes `env` for every version and checks what decodes back.
fn check_round_trip(env: &Envelope) -> Result<(), TestCaseError> {
    for v in CwmpVersion::ALL {
        let encoded = encode_version(env, v);
        if env.body.since() > v {
            prop_assert!(
                matches!(encoded, Err(EncodeError::NotInVersion { .. })),
                "{} encoded for {v}: {encoded:?}",
                env.body.name()
            );
            continue;
        }
        let bytes = encoded.map_err(|e| TestCaseError::fail(format!("encode for {v}: {e}")))?;
        let text = String::from_utf8_lossy(&bytes);
        let decoded = decode(&bytes)
            .map_err(|e| TestCaseError::fail(format!("decode for {v}: {e}\n{text}")))?;
        prop_assert_eq!(decoded.envelopes.len(), 1, "{}", text);
        let expected = Envelope {
            header: env.header.for_version(v),
            body: env.body.clone(),
        };
        prop_assert_eq!(&decoded.envelopes[0], &expected, "CWMP {}:\n{}", v, text);
        let dialect = decoded.dialect.expect("an envelope in a cwmp namespace");
        prop_assert_eq!(dialect.namespace, v.standard_namespace());
        // The namespace tells the version unless a 1.4 header announced one.
        let expected_version = expected
            .header
            .use_cwmp_version
            .unwrap_or(v.standard_namespace().version());
        prop_assert_eq!(dialect.version, expected_version, "CWMP {}", v);
    }
    Ok(())
}

const SMALL: DecodeOptions = DecodeOptions {
    max_bytes: 512,
    max_depth: 6,
};

/// Decodes arbitrary input with the default and with small limits. Errors must carry a
/// position; whatever decodes must survive a second encode/decode in its dialect.
fn check_decode_is_total(input: &[u8]) -> Result<(), TestCaseError> {
    for options in [DecodeOptions::default(), SMALL] {
        match decode_with(input, &options) {
            Ok(decoded) => check_stable(&decoded)?,
            Err(e) => {
                prop_assert!(e.line >= 1 && e.column >= 1, "no position: {:?}", e);
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
    Ok(())
}

fn check_stable(decoded: &Decoded) -> Result<(), TestCaseError> {
    let dialect = decoded.dialect.unwrap_or_default();
    for first in &decoded.envelopes {
        let bytes = match encode(first, dialect) {
            Ok(bytes) => bytes,
            Err(EncodeError::NotInVersion { .. } | EncodeError::UnknownMethod(_)) => continue,
        };
        let again = decode(&bytes).map_err(|e| TestCaseError::fail(format!("re-decode: {e}")))?;
        prop_assert_eq!(again.envelopes.len(), 1);
        let expected = Envelope {
            header: first.header.for_version(dialect.version),
            body: first.body.clone(),
        };
        prop_assert_eq!(&again.envelopes[0], &expected);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_message_round_trips_in_every_version(env in envelope_of(message())) {
        check_round_trip(&env)?;
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(input in vec(any::<u8>(), 0..1024)) {
        check_decode_is_total(&input)?;
    }

    #[test]
    fn decoding_token_soup_never_panics(input in token_soup()) {
        check_decode_is_total(&input)?;
    }

    #[test]
    fn decoding_mutated_encodings_never_panics(
        bytes in encoding(),
        mutations in vec(mutation(), 1..6),
    ) {
        check_decode_is_total(&mutate(bytes, &mutations))?;
    }

    #[test]
    fn every_truncation_of_an_encoding_fails_cleanly(bytes in encoding(), cut in any::<Index>()) {
        // Cutting anywhere before the end of the root element leaves it unclosed.
        let end = bytes.len() - b"</soap-env:Envelope>".len();
        let cut = cut.index(end);
        let err = decode(&bytes[..cut]);
        match err {
            Ok(decoded) => {
                // Only a cut inside the XML declaration and before the root leaves nothing.
                prop_assert!(decoded.envelopes.is_empty(), "cut at {} decoded", cut);
                prop_assert!(cut < bytes.iter().position(|&b| b == b'\n').unwrap_or(0) + 2);
            }
            Err(e) => prop_assert!(e.line >= 1 && e.column >= 1),
        }
    }
}

/// The union above draws message types at random; this runs a few cases of each one so no
/// type can be missed, and checks that the generators cover every known method and Fault.
#[test]
fn each_message_type_round_trips() {
    let strategies = message_strategies();
    let mut names = BTreeSet::new();
    for strategy in strategies {
        let mut runner = TestRunner::new(Config {
            cases: 12,
            failure_persistence: None,
            ..Config::default()
        });
        let sample = strategy
            .new_tree(&mut runner)
            .expect("strategy generates")
            .current();
        names.insert(sample.name().to_string());
        let result = runner.run(&envelope_of(strategy), |env| {
            prop_assert_eq!(env.body.name(), sample.name());
            check_round_trip(&env)
        });
        if let Err(e) = result {
            panic!("{}: {e}", sample.name());
        }
    }
    let mut expected: BTreeSet<String> = Message::METHODS.iter().map(|m| m.to_string()).collect();
    expected.insert("Fault".to_string());
    assert_eq!(names, expected);
}

/// The generators reach the corners the module documentation promises.
#[test]
fn generators_reach_the_corners() {
    let mut runner = TestRunner::deterministic();
    let sample = |runner: &mut TestRunner, s: &BoxedStrategy<String>| {
        (0..400)
            .map(|_| s.new_tree(runner).expect("generates").current())
            .collect::<Vec<_>>()
    };
    let texts = sample(&mut runner, &text());
    for wanted in ['&', '<', '>', '"', '\r', '\n', '\t', 'é'] {
        assert!(
            texts.iter().any(|t| t.contains(wanted)),
            "no generated text contains {wanted:?}"
        );
    }
    assert!(texts.iter().any(String::is_empty));
    assert!(texts.iter().all(|t| t.chars().all(is_xml_char)));

    let types: Vec<ValueType> = (0..400)
        .map(|_| value_type().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(types.contains(&ValueType::Other("xsd:anyURI".into())));
    assert!(types.contains(&ValueType::HexBinary));

    let codes: Vec<EventCode> = (0..400)
        .map(|_| event_code().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(codes.iter().any(|c| matches!(c, EventCode::Method(_))));
    assert!(codes.iter().any(|c| matches!(c, EventCode::Vendor(_))));
    assert!(codes.iter().any(|c| matches!(c, EventCode::Other(_))));

    let times: Vec<DateTime> = (0..400)
        .map(|_| datetime().new_tree(&mut runner).unwrap().current())
        .collect();
    assert!(
        times
            .iter()
            .any(|t| t.nanosecond > 0 && t.offset_minutes.is_none())
    );
    assert!(
        times
            .iter()
            .any(|t| t.offset_minutes.is_some_and(|m| m < 0))
    );
    assert!(times.iter().any(|t| t.hour == 24));
}
