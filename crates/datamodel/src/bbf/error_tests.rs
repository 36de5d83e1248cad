//! The loader on broken inline documents: malformed XML, invalid models, unknown types.

use super::error::LineCounter;
use super::tests::{doc, load};
use super::*;

#[test]
fn unknown_data_types_and_cycles_are_errors() {
    let err = load(
        "",
        "<object name=\"Device.\">\n  <parameter name=\"P\"><syntax>\n    <dataType ref=\"Nope\"/>\
         </syntax></parameter></object>",
    )
    .unwrap_err();
    match &err {
        BbfError::UnknownDataType { name, used_by, at } => {
            assert_eq!(name, "Nope");
            assert_eq!(used_by, "parameter Device.P");
            assert_eq!((at.line, at.column), (7, 5));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("extra_types"), "{err}");
    let err = load(
        r#"<dataType name="A" base="B"/><dataType name="B" base="A"/>"#,
        r#"<object name="Device."><parameter name="P"><syntax><dataType ref="A"/></syntax>
           </parameter></object>"#,
    )
    .unwrap_err();
    assert!(matches!(err, BbfError::DataTypeCycle { .. }), "{err}");
    let types =
        DataTypes::from_xml(r#"<document><dataType name="A" base="Z"/></document>"#).unwrap();
    assert!(
        matches!(types.resolve("A"), Err(BbfError::UnknownDataType { name, .. }) if name == "Z")
    );
}

#[test]
fn malformed_xml_is_an_error_with_a_position() {
    let cases: [(&str, usize); 6] = [
        ("<document>\n<model name=\"M\">\n</document>", 3),
        (
            "<document>\n<model name=\"M\">\n<object name=\"Device.\">",
            3,
        ),
        ("<document>\n  <model name=M>\n</model></document>", 2),
        (
            "<document>\n<model name=\"a&bogus;\"></model></document>",
            2,
        ),
        (
            "<document><model name=\"M\" name=\"N\"></model></document>",
            1,
        ),
        ("<document/><document/>", 1),
    ];
    for (xml, line) in cases {
        match load_schema(xml, &LoadOptions::default()) {
            Err(err @ BbfError::Xml { .. }) => {
                assert_eq!(err.position().unwrap().line, line, "{xml}: {err}");
            }
            other => panic!("{xml}: expected an XML error, got {other:?}"),
        }
    }
    for (xml, what) in [
        ("", "no root"),
        ("<schema/>", "expected <document>"),
        (
            "<document><model name=\"M\"><object name=\"Device\"/></model></document>",
            "ending with '.'",
        ),
        (
            "<document><model name=\"M\"><object name=\"D.\"><parameter name=\"P\"/></object></model></document>",
            "no <syntax>",
        ),
        (
            "<document><model name=\"M\"><object name=\"D.\" maxEntries=\"-2\"/></model></document>",
            "maxEntries",
        ),
        (
            "<document><model name=\"M\"><object name=\"D.\" access=\"rw\"/></model></document>",
            "access",
        ),
        (
            "<document><model><object name=\"D.\"/></model></document>",
            "no name",
        ),
        (
            "<document><model name=\"M\"><object name=\"D.\"><parameter name=\"P\" activeNotify=\"loud\"><syntax><int/></syntax></parameter></object></model></document>",
            "activeNotify",
        ),
        (
            "<document><model name=\"M\"><object name=\"D.\"><parameter name=\"P\"><syntax><units value=\"s\"/></syntax></parameter></object></model></document>",
            "no data type",
        ),
    ] {
        let err = load_schema(xml, &LoadOptions::default()).unwrap_err();
        assert!(matches!(err, BbfError::Invalid { .. }), "{xml}: {err:?}");
        assert!(err.to_string().contains(what), "{xml}: {err}");
    }
}

#[test]
fn positions_count_lines_and_characters() {
    let src = "ab\ncdé\nf";
    let mut lines = LineCounter::new(src);
    let at = |l: &mut LineCounter<'_>, o: usize| {
        let p = l.position(o);
        (p.line, p.column)
    };
    assert_eq!(at(&mut lines, 0), (1, 1));
    assert_eq!(at(&mut lines, 4), (2, 2));
    assert_eq!(at(&mut lines, 8), (3, 1));
    // Out of order, and past the end, still answer.
    assert_eq!(at(&mut lines, 1), (1, 2));
    assert_eq!(at(&mut lines, 99), (3, 2));
    // Inside a multi-byte character: the character's start.
    assert_eq!(at(&mut lines, 6), (2, 3));
}

#[test]
fn a_byte_order_mark_and_a_doctype_are_harmless() {
    let xml = format!(
        "\u{feff}<!DOCTYPE document [<!ENTITY e \"boom\">]>{}",
        doc("", r#"<object name="Device."><parameter name="P"><syntax><string/></syntax></parameter></object>"#)
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
    );
    let s = load_schema(&xml, &LoadOptions::default()).unwrap();
    assert!(s.param("Device.P").is_some());
}

#[test]
fn files_that_cannot_be_read_say_which() {
    let err = load_schema_file(
        Path::new("/nonexistent/tr-181.xml"),
        &LoadOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, BbfError::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/tr-181.xml"), "{err}");
}
