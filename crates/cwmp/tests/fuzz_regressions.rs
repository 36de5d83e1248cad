//! Inputs found by the `decode` fuzz target (fuzz/), minimised by hand, and edge cases the
//! decoder must keep handling. Each input is inlined so the test needs nothing else.
//!
//! The fuzz target's invariant, checked here by `assert_stable`: whatever decodes can be
//! encoded in its dialect and decodes back to the same envelopes.

use cwmp::message::{Fault, Reboot, SetParameterValues};
use cwmp::{
    DecodeErrorKind, DecodeOptions, Decoded, EncodeError, Envelope, FaultCode, Message, decode,
    decode_with, encode,
};

fn decoded(input: &[u8]) -> Decoded {
    decode(input).unwrap_or_else(|e| panic!("decode failed: {e}"))
}

/// The fuzz target's round-trip property.
fn assert_stable(decoded: &Decoded) {
    let dialect = decoded.dialect.unwrap_or_default();
    for first in &decoded.envelopes {
        let bytes = match encode(first, dialect) {
            Ok(bytes) => bytes,
            Err(EncodeError::NotInVersion { .. } | EncodeError::UnknownMethod(_)) => continue,
        };
        let again = decode(&bytes).unwrap_or_else(|e| {
            panic!(
                "re-encoding does not decode: {e}\n{}",
                String::from_utf8_lossy(&bytes)
            )
        });
        let expected = Envelope {
            header: first.header.for_version(dialect.version),
            body: first.body.clone(),
        };
        assert_eq!(again.envelopes, vec![expected]);
    }
}

fn body<T>(decoded: &Decoded, pick: impl Fn(&Message) -> Option<&T>) -> &T {
    assert_eq!(decoded.envelopes.len(), 1, "{decoded:?}");
    pick(&decoded.envelopes[0].body).unwrap_or_else(|| panic!("unexpected body: {decoded:?}"))
}

fn reboot(m: &Message) -> Option<&Reboot> {
    match m {
        Message::Reboot(r) => Some(r),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

/// Finding 1. Bytes that are not UTF-8 make the decoder read the body as ISO-8859-1, so raw
/// C0 control bytes reached decoded strings; the encoder writes those as U+FFFD (XML 1.0
/// cannot carry them), so the round trip changed the message. The decoder now replaces them
/// with U+FFFD too.
#[test]
fn raw_control_bytes_in_a_latin1_body_become_replacement_characters() {
    let input = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"><s:Body><cwmp:Reboot>\
<CommandKey>6ba7b\xff\xff\x03\x00810</CommandKey></cwmp:Reboot></s:Body></s:Envelope>";
    let d = decoded(input);
    assert_eq!(
        body(&d, reboot).command_key,
        "6ba7b\u{FF}\u{FF}\u{FFFD}\u{FFFD}810"
    );
    assert_stable(&d);
}

/// Finding 1, second form: a character reference to a control character (`&#1;`, not
/// well-formed XML 1.0 but accepted by the parser) and a control character in an attribute
/// (the `xsi:type` of a value) are replaced the same way.
#[test]
fn control_character_references_become_replacement_characters() {
    let input = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><s:Body><cwmp:SetParameterValues>\
<ParameterList><ParameterValueStruct><Name>a&#1;b&#x1F;</Name>\
<Value xsi:type=\"x&#2;y\">&#9;&#13;&#x8;</Value></ParameterValueStruct></ParameterList>\
<ParameterKey/></cwmp:SetParameterValues></s:Body></s:Envelope>";
    let d = decoded(input);
    let spv: &SetParameterValues = body(&d, |m| match m {
        Message::SetParameterValues(s) => Some(s),
        _ => None,
    });
    let p = &spv.parameter_list[0];
    assert_eq!(p.name, "a\u{FFFD}b\u{FFFD}");
    assert_eq!(
        p.value.ty,
        Some(cwmp::ValueType::Other("x\u{FFFD}y".into()))
    );
    // Tab and CR are legal and kept; backspace is not.
    assert_eq!(p.value.text, "\t\r\u{FFFD}");
    assert_stable(&d);
}

/// Finding 2. A `SetParameterValuesFault` without `FaultCode` decoded to
/// `FaultCode::Unspecified`, which encodes as `0`, which decoded as `FaultCode::Other(0)`.
/// `FaultCode::from_code(0)` is now `Unspecified`.
#[test]
fn a_missing_fault_code_survives_the_round_trip() {
    let input = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-1\"><s:Body><s:Fault><faultcode>Client</faultcode>\
<faultstring>CWMP fault</faultstring><detail><cwmp:Fault><FaultCode>9003</FaultCode>\
<FaultString>Invalid arguments</FaultString><SetParameterValuesFault><ParameterName>\
</ParameterName><FaultString></FaultString></SetParameterValuesFault></cwmp:Fault>\
</detail></s:Fault></s:Body></s:Envelope>";
    let d = decoded(input);
    let fault: &Fault = body(&d, |m| match m {
        Message::Fault(f) => Some(f),
        _ => None,
    });
    assert_eq!(fault.code(), FaultCode::InvalidArguments);
    let spv = &fault.detail.set_parameter_values_fault;
    assert_eq!(spv.len(), 1);
    assert_eq!(spv[0].fault_code, FaultCode::Unspecified);
    assert_eq!(FaultCode::from_code(0), FaultCode::Unspecified);
    assert_stable(&d);
}

/// Finding 3 (from the invariant itself, with small limits): a body over `max_bytes` was
/// refused with line and column 0; every error now has a position.
#[test]
fn an_oversized_body_is_refused_at_line_one() {
    let input =
        b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>";
    let options = DecodeOptions {
        max_bytes: 16,
        ..DecodeOptions::default()
    };
    let err = decode_with(input, &options).expect_err("over the limit");
    assert_eq!(
        err.kind,
        DecodeErrorKind::TooLarge {
            size: input.len(),
            limit: 16
        }
    );
    assert_eq!((err.line, err.column, err.offset), (1, 1, 0));
}

/// Found by review while writing the target: CR and CRLF inside a CDATA section were kept
/// as they were, although XML 1.0 normalises every line end before parsing (only `&#13;`
/// yields a CR). Text outside CDATA was already normalised.
#[test]
fn line_ends_inside_cdata_are_normalised() {
    let input = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><s:Body><cwmp:Reboot><CommandKey>\
<![CDATA[a\r\nb\rc]]>\r\n&#13;</CommandKey></cwmp:Reboot></s:Body></s:Envelope>";
    let d = decoded(input);
    assert_eq!(body(&d, reboot).command_key, "a\nb\nc\n\r");
    assert_stable(&d);
}

// ---------------------------------------------------------------------------------------------
// Edge cases
// ---------------------------------------------------------------------------------------------

const REBOOT: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">\n<soap-env:Header><cwmp:ID \
soap-env:mustUnderstand=\"1\">r1</cwmp:ID></soap-env:Header>\n<soap-env:Body>\
<cwmp:Reboot><CommandKey>k</CommandKey></cwmp:Reboot></soap-env:Body>\n</soap-env:Envelope>";

/// Every prefix of a valid envelope that cuts into the root element is an error with a
/// position, never a panic and never a partial envelope.
#[test]
fn every_truncation_is_an_error_with_a_position() {
    assert_eq!(decoded(REBOOT).envelopes.len(), 1);
    let root = REBOOT.iter().position(|&b| b == b'\n').unwrap() + 1;
    for cut in root + 1..REBOOT.len() {
        let err = decode(&REBOOT[..cut]).expect_err("truncated envelope decoded");
        assert!(err.line >= 1 && err.column >= 1, "{err:?}");
        assert!(err.offset <= cut, "{err:?} past the end at {cut}");
    }
    // Cut right at the end of the line holding the ID, the error is on that line or later.
    let cut = REBOOT.windows(5).position(|w| w == b"</cwm").unwrap();
    let err = decode(&REBOOT[..cut]).expect_err("truncated");
    assert!(err.line >= 3, "{err:?}");
    assert_eq!(err.kind, DecodeErrorKind::UnexpectedEof);
}

/// Nesting beyond `max_depth` is refused with `TooDeep`, with or without a known element
/// around it, and 100 000 levels do not overflow the stack.
#[test]
fn deep_nesting_is_refused() {
    let mut input = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><cwmp:Reboot xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><CommandKey>".to_vec();
    for _ in 0..100_000 {
        input.extend_from_slice(b"<a>");
    }
    let err = decode(&input).expect_err("too deep");
    assert_eq!(err.kind, DecodeErrorKind::TooDeep { limit: 32 });
    assert!(err.path.starts_with(&["Envelope".to_string()]), "{err:?}");

    // Just inside the limit decodes; the nested elements inside a text field are skipped.
    let mut ok = input[..input.len() - 100_000 * 3].to_vec();
    ok.extend_from_slice(b"x<a><b/></a>y</CommandKey></cwmp:Reboot></s:Body></s:Envelope>");
    let d = decoded(&ok);
    assert_eq!(body(&d, reboot).command_key, "xy");
}

/// A 1 MiB attribute value (and 10 000 attributes) is read without trouble, and the huge
/// `xsi:type` is kept verbatim as an unknown type.
#[test]
fn huge_attributes_are_handled() {
    let big = "t".repeat(1 << 20);
    let mut input = String::from(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><s:Body><cwmp:SetParameterValues><ParameterList>\
<ParameterValueStruct><Name>n</Name><Value",
    );
    for i in 0..10_000 {
        input.push_str(&format!(" a{i}=\"{i}\""));
    }
    input.push_str(&format!(
        " xsi:type=\"{big}\">v</Value></ParameterValueStruct></ParameterList>\
</cwmp:SetParameterValues></s:Body></s:Envelope>"
    ));
    let d = decoded(input.as_bytes());
    let spv = body(&d, |m| match m {
        Message::SetParameterValues(s) => Some(s),
        _ => None,
    });
    assert_eq!(
        spv.parameter_list[0].value.ty,
        Some(cwmp::ValueType::Other(big))
    );
    assert_eq!(spv.parameter_list[0].value.text, "v");
    assert_stable(&d);

    // An unterminated attribute is a syntax error, not a hang.
    let err = decode(b"<s:Envelope a=\"never closed").expect_err("unterminated");
    assert!(matches!(err.kind, DecodeErrorKind::Syntax(_)), "{err:?}");
}

/// Invalid UTF-8 without a declaration is read as ISO-8859-1; with a UTF-8 BOM it is read
/// lossily; UTF-16 with a BOM is decoded; and pure garbage is an error with a position.
#[test]
fn invalid_utf8_and_other_encodings() {
    let latin1 = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><s:Body><cwmp:Reboot><CommandKey>caf\xe9 \xc3</CommandKey>\
</cwmp:Reboot></s:Body></s:Envelope>";
    let d = decoded(latin1);
    assert_eq!(body(&d, reboot).command_key, "caf\u{e9} \u{c3}");
    assert_stable(&d);

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(latin1);
    let d = decoded(&bom);
    assert_eq!(body(&d, reboot).command_key, "caf\u{FFFD} \u{FFFD}");
    assert_stable(&d);

    let utf16: Vec<u8> = [0xFEFFu16]
        .into_iter()
        .chain(String::from_utf8_lossy(REBOOT).encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let d = decoded(&utf16);
    assert_eq!(body(&d, reboot).command_key, "k");
    assert_eq!(d.envelopes[0].id(), Some("r1"));

    for garbage in [
        &b"\xff\xfe\x00"[..],
        b"\x00\x01\x02",
        b"\xc3\x28<",
        b"<\xff",
    ] {
        if let Err(e) = decode(garbage) {
            assert!(e.line >= 1 && e.column >= 1, "{garbage:?}: {e:?}");
        }
    }
    let err = decode(b"\x80\x81 not xml").expect_err("text is not an envelope");
    assert_eq!(err.kind, DecodeErrorKind::StrayText);
}

/// A DOCTYPE is refused before any entity could be declared or expanded.
#[test]
fn doctype_is_refused() {
    let input = b"<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\">\
<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><s:Envelope xmlns:s=\"x\"><s:Body>\
<Reboot><CommandKey>&b;</CommandKey></Reboot></s:Body></s:Envelope>";
    let err = decode(input).expect_err("doctype");
    assert_eq!(err.kind, DecodeErrorKind::DoctypeRefused);
    assert_eq!(err.line, 1);
}
