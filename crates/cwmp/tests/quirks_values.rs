//! Values the way real devices and ACSs write them, not the way the schema draws them: booleans,
//! dateTimes, untyped and oddly typed values, array types that lie, CDATA and references,
//! ChangeDUState operations without xsi:type, and character encodings other than declared UTF-8.
//!
//! The fixtures are in `tests/fixtures/quirks/`; inputs whose point is their exact bytes (BOM,
//! ISO-8859-1) are built here.

mod quirks_support;

use cwmp::message::Operation;
use cwmp::{EventCode, Message, TypedValue, ValueType};
use quirks_support::{decode_ok, dt, fixture, one};

// ---------------------------------------------------------------------------------------------
// Booleans and dateTimes

#[test]
fn booleans_as_digits_and_words() {
    let (env, _) = one("booleans.xml");
    assert_eq!(env.header.hold_requests, Some(true));
    let Message::GetParameterNamesResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    let writable: Vec<bool> = r.parameter_list.iter().map(|p| p.writable).collect();
    assert_eq!(writable, [false, true, true, false]);
}

#[test]
fn datetimes_with_and_without_fraction_and_zone() {
    let (env, _) = one("datetimes.xml");
    let Message::GetOptionsResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    let [voip, iptv] = &r.option_list[..] else {
        panic!("{:?}", r.option_list)
    };
    assert_eq!(voip.option_name, "VoIP");
    assert_eq!(voip.start_date, dt("2024-01-01T00:00:00Z"));
    let exp = voip.expiration_date.expect("expiration");
    assert_eq!(
        (exp.hour, exp.minute, exp.second, exp.nanosecond),
        (23, 59, 59, 125_000_000)
    );
    assert_eq!(exp.offset_minutes, Some(5 * 60 + 30));
    assert_eq!(exp.to_string(), "2024-06-30T23:59:59.125+05:30");
    // No zone: kept as local time, not silently made UTC.
    assert_eq!(iptv.start_date.offset_minutes, None);
    assert_eq!(iptv.start_date.to_string(), "2023-06-15T08:30:00");
    let exp = iptv.expiration_date.expect("expiration");
    assert_eq!((exp.nanosecond, exp.offset_minutes), (500_000_000, None));
    assert_eq!(voip.state, 3);
    assert_eq!(iptv.is_transferable, 1);
}
// ---------------------------------------------------------------------------------------------
// Values and arrays

#[test]
fn values_without_xsi_type() {
    let (env, _) = one("untyped-values.xml");
    let Message::GetParameterValuesResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(r.parameter_list.len(), 3);
    assert!(r.parameter_list.iter().all(|p| p.value.ty.is_none()));
    assert_eq!(r.parameter_list[0].value.text, "HG8245H");
    assert_eq!(r.parameter_list[1].value.text, "123456");
    // Untyped reads as a string.
    assert_eq!(
        r.parameter_list[1].value.typed(),
        Ok(TypedValue::String("123456".into()))
    );
    assert_eq!(r.parameter_list[2].value.text, "");
}

#[test]
fn xsi_type_with_xsd_xs_and_no_prefix() {
    let (env, _) = one("xsi-type-prefixes.xml");
    let Message::GetParameterValuesResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    let types: Vec<_> = r
        .parameter_list
        .iter()
        .map(|p| p.value.ty.clone())
        .collect();
    assert_eq!(
        types,
        [
            Some(ValueType::UnsignedInt),
            Some(ValueType::Boolean),
            Some(ValueType::Int),
            Some(ValueType::Base64),
            Some(ValueType::Other("xsd:anyURI".into())),
        ]
    );
    let typed: Vec<_> = r
        .parameter_list
        .iter()
        .map(|p| p.value.typed().unwrap())
        .collect();
    assert_eq!(typed[0], TypedValue::UnsignedInt(5012));
    assert_eq!(typed[1], TypedValue::Boolean(true));
    assert_eq!(typed[2], TypedValue::Int(-35));
    let TypedValue::Base64(gif) = &typed[3] else {
        panic!("{:?}", typed[3])
    };
    assert!(gif.starts_with(b"GIF89a"), "{gif:?}");
    assert_eq!(
        typed[4],
        TypedValue::Other(
            "xsd:anyURI".into(),
            "https://acs.example.net:7547/cwmp".into()
        )
    );
}

#[test]
fn missing_and_wrong_array_type_counts() {
    let (env, _) = one("array-type-counts.xml");
    let Message::Inform(inform) = env.body else {
        panic!("{:?}", env.body)
    };
    // Event has no arrayType at all.
    assert_eq!(inform.event.len(), 1);
    assert!(inform.has_event(&EventCode::Periodic));
    // ParameterList claims [5] and carries 2.
    assert_eq!(inform.parameter_list.len(), 2);
    assert_eq!(
        inform.parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion"),
        Some("16.3.7567-2521005")
    );

    let (env, _) = one("array-type-zero.xml");
    let Message::GetRPCMethodsResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    // Claims [0] and carries 4.
    assert_eq!(
        r.method_list,
        [
            "GetRPCMethods",
            "GetParameterValues",
            "SetParameterValues",
            "Reboot"
        ]
    );
}

#[test]
fn cdata_and_character_and_entity_references() {
    let (env, _) = one("cdata-and-references.xml");
    let Message::SetParameterValues(spv) = env.body else {
        panic!("{:?}", env.body)
    };
    let texts: Vec<&str> = spv
        .parameter_list
        .iter()
        .map(|p| p.value.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "p<a>ss&\"word\"",
            "Café & Bar AB",
            "<none> \"n/a\" '-'",
            "ACME.<BIZ>.1",
        ]
    );
    assert_eq!(spv.parameter_key, "key&1");
}

#[test]
fn change_du_state_operations_without_xsi_type() {
    let (env, _) = one("change-du-state-untyped.xml");
    let Message::ChangeDUState(c) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(c.command_key.as_deref(), Some("du-7"));
    let [install, update, uninstall, typed] = &c.operations[..] else {
        panic!("{:?}", c.operations)
    };
    // A URL and no version: an install.
    let Operation::Install(op) = install else {
        panic!("{install:?}")
    };
    assert_eq!(op.url, "https://apps.example.net/du/vpn-client-1.0.2.ipk");
    assert_eq!(op.uuid, None);
    assert_eq!(
        op.execution_env_ref.as_deref(),
        Some("Device.SoftwareModules.ExecEnv.1")
    );
    // UUID, version and URL: an update.
    let Operation::Update(op) = update else {
        panic!("{update:?}")
    };
    assert_eq!(
        op.uuid.as_deref(),
        Some("3f2504e0-4f89-41d3-9a0c-0305e82c3301")
    );
    assert_eq!(op.version.as_deref(), Some("2.0.4"));
    assert!(op.url.is_some());
    // Only a UUID: an uninstall.
    let Operation::Uninstall(op) = uninstall else {
        panic!("{uninstall:?}")
    };
    assert_eq!(op.uuid, "a8098c1a-f86e-11da-bd1a-00112444be1e");
    assert_eq!(op.version, None);
    // With xsi:type the type decides.
    let Operation::Uninstall(op) = typed else {
        panic!("{typed:?}")
    };
    assert_eq!(op.version.as_deref(), Some("1.3.0"));
}

// ---------------------------------------------------------------------------------------------
// Encodings

#[test]
fn utf8_byte_order_mark() {
    let plain = fixture("soapenv-prefix.xml");
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(&plain);
    let a = decode_ok("plain", &plain);
    let b = decode_ok("with BOM", &with_bom);
    assert_eq!(a, b);
    assert_eq!(b.envelopes.len(), 1);
    assert_eq!(b.envelopes[0].id(), Some("77"));
}

fn latin1_envelope(declaration: &[u8]) -> Vec<u8> {
    let mut body = declaration.to_vec();
    body.extend_from_slice(
        b"<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" \
          xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap-env:Header><cwmp:ID \
          soap-env:mustUnderstand=\"1\">lat1</cwmp:ID></soap-env:Header><soap-env:Body>\
          <cwmp:Inform><DeviceId><Manufacturer>Soci\xE9t\xE9 G\xE9n\xE9rale R\xE9seaux</Manufacturer>\
          <OUI>0024D4</OUI><ProductClass>Box\xAE</ProductClass><SerialNumber>F1234</SerialNumber>\
          </DeviceId></cwmp:Inform></soap-env:Body></soap-env:Envelope>",
    );
    assert!(std::str::from_utf8(&body).is_err(), "must not be UTF-8");
    body
}

#[test]
fn iso_8859_1_declared_in_the_xml_declaration() {
    let bytes = latin1_envelope(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n");
    let decoded = decode_ok("latin-1", &bytes);
    let Message::Inform(inform) = &decoded.envelopes[0].body else {
        panic!("{decoded:?}")
    };
    assert_eq!(inform.device_id.manufacturer, "Société Générale Réseaux");
    assert_eq!(inform.device_id.product_class, "Box®");
    assert_eq!(decoded.envelopes[0].id(), Some("lat1"));
}

#[test]
fn iso_8859_1_without_declaration() {
    // No encoding declared and not UTF-8: read as ISO-8859-1 rather than refused.
    for declaration in [&b""[..], b"<?xml version=\"1.0\"?>\n"] {
        let bytes = latin1_envelope(declaration);
        let decoded = decode_ok("undeclared latin-1", &bytes);
        let Message::Inform(inform) = &decoded.envelopes[0].body else {
            panic!("{decoded:?}")
        };
        assert_eq!(inform.device_id.manufacturer, "Société Générale Réseaux");
        assert_eq!(inform.device_id.product_class, "Box®");
    }
}
