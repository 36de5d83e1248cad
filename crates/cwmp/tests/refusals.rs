//! Envelopes the decoder must refuse, with the right error kind and position: DOCTYPE (and so
//! entity expansion), nesting and size limits, malformed XML, invalid values, unknown entities,
//! a root that is not an Envelope, a missing Body.
//!
//! The fixtures are in `tests/fixtures/quirks/`; inputs whose point is their size are built
//! here.

mod quirks_support;

use cwmp::{DecodeError, DecodeErrorKind, DecodeOptions, decode, decode_with};
use quirks_support::fixture;

fn refused(name: &str, bytes: &[u8]) -> DecodeError {
    match decode(bytes) {
        Ok(d) => panic!("{name}: decoded {d:?}"),
        Err(e) => e,
    }
}

/// Byte offset, line and column (1-based, counted in bytes like `DecodeError`) of the first
/// occurrence of `needle`.
fn position(src: &[u8], needle: &str) -> (usize, usize, usize) {
    let offset = src
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle:?} not in the input"));
    let before = &src[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (offset, line, offset - line_start + 1)
}

fn assert_at(err: &DecodeError, src: &[u8], needle: &str) {
    let (offset, line, column) = position(src, needle);
    assert_eq!(
        (err.line, err.column, err.offset),
        (line, column, offset),
        "{err} should point at {needle:?}"
    );
    assert!(
        err.to_string()
            .contains(&format!("line {line}, column {column}")),
        "{err}"
    );
}

#[test]
fn doctype_is_refused() {
    let src = fixture("refuse-doctype.xml");
    let err = refused("doctype", &src);
    assert_eq!(err.kind, DecodeErrorKind::DoctypeRefused);
    assert_at(&err, &src, "<!DOCTYPE");
    assert_eq!((err.line, err.column), (2, 1));
}

#[test]
fn billion_laughs_is_refused_before_any_expansion() {
    let src = fixture("refuse-billion-laughs.xml");
    let err = refused("billion laughs", &src);
    assert_eq!(err.kind, DecodeErrorKind::DoctypeRefused);
    assert_at(&err, &src, "<!DOCTYPE lolz");
    assert_eq!((err.line, err.column), (2, 1));
}

#[test]
fn nesting_deeper_than_the_limit_is_refused() {
    // Default limit: a vendor extension nested 40 deep inside a Reboot.
    let mut doc = String::from(
        "<?xml version=\"1.0\"?>\n<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">\n<soap-env:Body>\n<cwmp:Reboot>\n",
    );
    for level in 1..=40 {
        doc.push_str(&format!("<X_Nest level=\"{level}\">\n"));
    }
    for _ in 1..=40 {
        doc.push_str("</X_Nest>\n");
    }
    doc.push_str("</cwmp:Reboot>\n</soap-env:Body>\n</soap-env:Envelope>\n");
    let limit = DecodeOptions::default().max_depth;
    assert_eq!(limit, 32);
    let err = refused("deep", doc.as_bytes());
    assert_eq!(err.kind, DecodeErrorKind::TooDeep { limit });
    // Envelope, Body and Reboot are 3 deep, so X_Nest number 30 is element 33.
    assert_at(&err, doc.as_bytes(), "<X_Nest level=\"30\">");

    // A lower limit refuses an ordinary Inform at the first element past it.
    let src = fixture("soap-env-prefix-inform.xml");
    let options = DecodeOptions {
        max_depth: 4,
        ..DecodeOptions::default()
    };
    let err = decode_with(&src, &options).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::TooDeep { limit: 4 });
    assert_at(&err, &src, "<Manufacturer>");
    // Event/EventStruct/EventCode reach 6.
    let options = DecodeOptions {
        max_depth: 5,
        ..DecodeOptions::default()
    };
    let err = decode_with(&src, &options).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::TooDeep { limit: 5 });
    assert_at(&err, &src, "<EventCode>");
    let options = DecodeOptions {
        max_depth: 6,
        ..DecodeOptions::default()
    };
    assert!(decode_with(&src, &options).is_ok());
}

#[test]
fn body_larger_than_max_bytes_is_refused() {
    let src = fixture("soap-env-prefix-inform.xml");
    let options = DecodeOptions {
        max_bytes: 1024,
        ..DecodeOptions::default()
    };
    assert!(src.len() > 1024);
    let err = decode_with(&src, &options).unwrap_err();
    assert_eq!(
        err.kind,
        DecodeErrorKind::TooLarge {
            size: src.len(),
            limit: 1024
        }
    );
    // Refused before parsing: the position is the start of the body.
    assert_eq!((err.line, err.column, err.offset), (1, 1, 0));
    let exact = DecodeOptions {
        max_bytes: src.len(),
        ..DecodeOptions::default()
    };
    assert!(decode_with(&src, &exact).is_ok());
}

#[test]
fn unclosed_tag_is_refused() {
    let src = fixture("refuse-unclosed-tag.xml");
    let err = refused("unclosed", &src);
    let DecodeErrorKind::Syntax(msg) = &err.kind else {
        panic!("{err:?}")
    };
    assert!(msg.contains("CommandKey"), "{msg}");
    // Found when the parent's end tag arrives instead of </CommandKey>.
    assert_at(&err, &src, "</cwmp:Reboot>");
    assert_eq!(err.path, ["Envelope", "Body", "Reboot", "CommandKey"]);
}

#[test]
fn truncated_document_is_refused() {
    let src = fixture("refuse-truncated.xml");
    let err = refused("truncated", &src);
    assert_eq!(err.kind, DecodeErrorKind::UnexpectedEof);
    // At the very end.
    assert_eq!(err.offset, src.len());
    assert_eq!((err.line, err.column), (6, 1));
    assert_eq!(err.path, ["Envelope", "Body", "Reboot"]);
}

#[test]
fn invalid_unsigned_int_is_refused_with_its_path() {
    let src = fixture("refuse-invalid-unsigned-int.xml");
    let err = refused("unsignedInt", &src);
    assert_eq!(
        err.kind,
        DecodeErrorKind::InvalidValue {
            expected: "unsignedInt",
            found: "-1".into()
        }
    );
    assert!(err.path.iter().any(|p| p == "Inform"), "{:?}", err.path);
    assert!(
        err.path.iter().any(|p| p == "MaxEnvelopes"),
        "{:?}",
        err.path
    );
    assert_eq!(err.path, ["Envelope", "Body", "Inform", "MaxEnvelopes"]);
    // At the value itself.
    assert_at(&err, &src, "-1</MaxEnvelopes>");
    assert!(err.to_string().contains("Inform/MaxEnvelopes"), "{err}");
}

#[test]
fn unknown_entity_is_refused() {
    let src = fixture("refuse-unknown-entity.xml");
    let err = refused("entity", &src);
    assert_eq!(err.kind, DecodeErrorKind::UnknownEntity("nbsp".into()));
    assert_at(&err, &src, "&nbsp;");
    assert_eq!(err.path.last().map(String::as_str), Some("Value"));
    assert!(err.path.iter().any(|p| p == "SetParameterValues"));
}

#[test]
fn root_that_is_not_an_envelope_is_refused() {
    let src = fixture("refuse-not-envelope.xml");
    let err = refused("not an envelope", &src);
    assert_eq!(err.kind, DecodeErrorKind::NotAnEnvelope("Inform".into()));
    assert_at(&err, &src, "<cwmp:Inform");
    assert_eq!((err.line, err.column), (2, 1));
}

#[test]
fn envelope_without_body_is_refused() {
    let src = fixture("refuse-no-body.xml");
    let err = refused("no body", &src);
    assert_eq!(err.kind, DecodeErrorKind::MissingBody);
    // Known to be missing once the Envelope closes.
    assert_at(&err, &src, "</soap-env:Envelope>");
    assert_eq!(err.path, ["Envelope"]);
}
