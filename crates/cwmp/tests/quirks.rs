//! Envelopes the way real devices and ACSs send them, not the way the schema draws them, and
//! envelopes the decoder must refuse (with the right error kind and position).
//!
//! The fixtures are in `tests/fixtures/quirks/`; inputs whose point is their exact bytes (BOM,
//! ISO-8859-1) or their size are built here.

use cwmp::message::{Operation, SoapFaultCode};
use cwmp::{
    CwmpVersion, DateTime, DecodeError, DecodeErrorKind, DecodeOptions, Decoded, Dialect, Envelope,
    EventCode, FaultCode, Message, Namespace, TypedValue, ValueType, decode, decode_with,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/quirks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn decode_ok(name: &str, bytes: &[u8]) -> Decoded {
    decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Decodes a fixture that holds exactly one envelope.
fn one(name: &str) -> (Envelope, Dialect) {
    let decoded = decode_ok(name, &fixture(name));
    assert_eq!(decoded.envelopes.len(), 1, "{name}: {decoded:?}");
    let dialect = decoded.dialect.expect("dialect");
    (decoded.envelopes.into_iter().next().unwrap(), dialect)
}

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

fn dt(s: &str) -> DateTime {
    DateTime::parse(s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Prefixes and namespaces

#[test]
fn soap_env_uppercase_prefix() {
    let (env, dialect) = one("soap-env-prefix-inform.xml");
    assert_eq!(dialect, Dialect::standard(CwmpVersion::V1_0));
    assert_eq!(env.id(), Some("4a1f09c2"));
    let Message::Inform(inform) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(inform.device_id.manufacturer, "Zyxel");
    assert_eq!(inform.device_id.oui, "001349");
    assert_eq!(inform.device_id.serial_number, "S100Y31004312");
    let codes: Vec<_> = inform.event.iter().map(|e| e.event_code.clone()).collect();
    assert_eq!(codes, [EventCode::Bootstrap, EventCode::Boot]);
    assert!(inform.event.iter().all(|e| e.command_key.is_empty()));
    assert_eq!(inform.retry_count, 3);
    assert_eq!(inform.current_time, dt("2016-03-14T09:26:53+01:00"));
    assert_eq!(inform.current_time.offset_minutes, Some(60));
    assert_eq!(inform.parameter_list.len(), 3);
    assert_eq!(
        inform.parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion"),
        Some("V1.00(AAJZ.13)C0")
    );
    assert_eq!(
        inform.parameter_list[2].value.ty,
        Some(ValueType::UnsignedInt)
    );
    assert_eq!(
        inform.parameter_list[2].value.typed(),
        Ok(TypedValue::UnsignedInt(47))
    );
}

#[test]
fn soapenv_prefix() {
    let (env, dialect) = one("soapenv-prefix.xml");
    assert_eq!(dialect.namespace, Namespace::Cwmp12);
    assert_eq!(env.id(), Some("77"));
    let Message::GetParameterValuesResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(r.parameter_list.len(), 2);
    assert_eq!(r.parameter_list[0].name, "Device.WiFi.Radio.1.Channel");
    assert_eq!(
        r.parameter_list[0].value.typed(),
        Ok(TypedValue::UnsignedInt(36))
    );
    assert_eq!(
        r.parameter_list[1].value.typed(),
        Ok(TypedValue::Boolean(false))
    );
}

#[test]
fn s_prefix_and_cwmp1_prefix() {
    let (env, dialect) = one("s-prefix-cwmp1.xml");
    assert_eq!(dialect, Dialect::standard(CwmpVersion::V1_1));
    assert_eq!(env.id(), Some("tc-0003"));
    let Message::TransferComplete(tc) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(tc.command_key, "fw-2.4.0");
    assert_eq!(tc.fault_struct.fault_code, 0);
    assert_eq!(tc.fault_struct.fault(), None);
    assert_eq!(tc.start_time, dt("2019-11-02T03:00:05Z"));
    assert_eq!(tc.complete_time, dt("2019-11-02T03:02:47Z"));
}

#[test]
fn default_namespace_on_the_method() {
    let (env, dialect) = one("default-namespace-method.xml");
    assert_eq!(dialect, Dialect::standard(CwmpVersion::V1_2));
    assert_eq!(env.id(), Some("gpn-19"));
    let Message::GetParameterNamesResponse(r) = env.body else {
        panic!("{:?}", env.body)
    };
    let names: Vec<_> = r
        .parameter_list
        .iter()
        .map(|p| (p.name.as_str(), p.writable))
        .collect();
    assert_eq!(
        names,
        [
            ("Device.Hosts.Host.1.", false),
            ("Device.Hosts.Host.1.HostName", false)
        ]
    );
}

#[test]
fn children_qualified_with_the_cwmp_prefix() {
    let (env, dialect) = one("qualified-children.xml");
    assert_eq!(dialect.namespace, Namespace::Cwmp10);
    let Message::SetParameterValues(spv) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(spv.parameter_key, "periodic-daily");
    assert_eq!(spv.parameter_list.len(), 2);
    assert_eq!(
        spv.parameter_list[0].name,
        "InternetGatewayDevice.ManagementServer.PeriodicInformInterval"
    );
    assert_eq!(
        spv.parameter_list[0].value.typed(),
        Ok(TypedValue::UnsignedInt(86_400))
    );
    assert_eq!(spv.parameter_list[1].value.text, "pool.ntp.org");
    assert_eq!(spv.parameter_list[1].value.ty, Some(ValueType::String));
}

#[test]
fn non_standard_cwmp_1_3_namespace() {
    let (env, dialect) = one("namespace-cwmp-1-3.xml");
    assert_eq!(dialect.namespace, Namespace::Cwmp13);
    assert_eq!(dialect.version, CwmpVersion::V1_3);
    let Message::Inform(inform) = env.body else {
        panic!("{:?}", env.body)
    };
    assert!(inform.has_event(&EventCode::ConnectionRequest));
    assert_eq!(
        inform.parameter("Device.RootDataModelVersion"),
        Some("2.13")
    );
}

#[test]
fn non_standard_cwmp_1_4_namespace() {
    let (env, dialect) = one("namespace-cwmp-1-4.xml");
    assert_eq!(dialect.namespace, Namespace::Cwmp14);
    assert_eq!(dialect.version, CwmpVersion::V1_4);
    assert_eq!(env.id(), Some("ns14"));
    assert_eq!(env.body.name(), "Inform");
}

// ---------------------------------------------------------------------------------------------
// Headers

#[test]
fn use_cwmp_version_sets_the_dialect_version() {
    let (env, dialect) = one("use-cwmp-version.xml");
    assert_eq!(
        dialect,
        Dialect {
            version: CwmpVersion::V1_3,
            namespace: Namespace::Cwmp12
        }
    );
    assert_eq!(env.header.use_cwmp_version, Some(CwmpVersion::V1_3));
    assert_eq!(env.header.session_timeout, Some(120));
    assert_eq!(
        env.body,
        Message::InformResponse(cwmp::message::InformResponse { max_envelopes: 1 })
    );
}

#[test]
fn supported_cwmp_versions_skips_unknown_versions() {
    let (env, dialect) = one("supported-cwmp-versions.xml");
    // Without UseCWMPVersion the namespace alone decides.
    assert_eq!(dialect, Dialect::standard(CwmpVersion::V1_2));
    assert_eq!(
        env.header.supported_cwmp_versions,
        Some(CwmpVersion::ALL.to_vec())
    );
    let Message::Inform(inform) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(inform.device_id.product_class, "FRITZ!Box");
    assert!(inform.parameter_list.is_empty());
}

#[test]
fn no_more_requests_header_is_decoded() {
    let (env, _) = one("no-more-requests.xml");
    assert_eq!(env.header.no_more_requests, Some(true));
    assert_eq!(env.header.id.as_deref(), Some("1"));
    // It is never written back.
    assert_eq!(
        env.header.for_version(CwmpVersion::V1_0).no_more_requests,
        None
    );
}

#[test]
fn unknown_elements_and_header_elements_are_ignored() {
    let (env, dialect) = one("unknown-elements.xml");
    assert_eq!(dialect.namespace, Namespace::Cwmp12);
    assert_eq!(
        env.header,
        cwmp::Header {
            id: Some("dl-42".into()),
            ..Default::default()
        }
    );
    assert_eq!(
        env.body,
        Message::DownloadResponse(cwmp::message::DownloadResponse {
            status: cwmp::message::Status::Pending,
            start_time: DateTime::UNKNOWN,
            complete_time: DateTime::UNKNOWN,
        })
    );
}

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

// ---------------------------------------------------------------------------------------------
// Document structure

#[test]
fn two_envelopes_in_one_body() {
    let decoded = decode_ok("two", &fixture("two-envelopes.xml"));
    let ids: Vec<_> = decoded.envelopes.iter().map(|e| e.id()).collect();
    assert_eq!(ids, [Some("batch-1"), Some("batch-2")]);
    let Message::GetParameterValues(gpv) = &decoded.envelopes[0].body else {
        panic!("{decoded:?}")
    };
    assert_eq!(gpv.parameter_names, ["InternetGatewayDevice.DeviceInfo."]);
    let Message::Reboot(reboot) = &decoded.envelopes[1].body else {
        panic!("{decoded:?}")
    };
    assert_eq!(reboot.command_key, "batch-reboot");
    assert_eq!(decoded.dialect, Some(Dialect::standard(CwmpVersion::V1_0)));
}

#[test]
fn empty_body_gives_zero_envelopes() {
    let decoded = decode_ok("empty body", &fixture("empty-body.xml"));
    assert!(decoded.envelopes.is_empty(), "{decoded:?}");
    assert_eq!(
        decoded.dialect.map(|d| d.namespace),
        Some(Namespace::Cwmp11)
    );

    let self_closing = b"<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>";
    let decoded = decode_ok("self-closing body", self_closing);
    assert!(decoded.envelopes.is_empty(), "{decoded:?}");

    // The empty HTTP POST that ends a CPE's requests.
    for body in [&b""[..], b"\r\n  \n"] {
        let decoded = decode_ok("empty POST", body);
        assert!(decoded.envelopes.is_empty());
        assert_eq!(decoded.dialect, None);
    }
}

#[test]
fn pretty_printed_with_comments_and_processing_instructions() {
    let (env, dialect) = one("pretty-comments-pi.xml");
    assert_eq!(dialect, Dialect::standard(CwmpVersion::V1_1));
    // The ID is trimmed of the indentation around it.
    assert_eq!(env.id(), Some("sess17-req3"));
    let Message::AddObject(add) = env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(
        add.object_name,
        "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.PortMapping."
    );
    // A comment inside text splits it without adding anything.
    assert_eq!(add.parameter_key, "pm-console");
}

#[test]
fn set_parameter_values_fault_from_a_device() {
    let (env, dialect) = one("device-spv-fault.xml");
    assert_eq!(dialect.namespace, Namespace::Cwmp10);
    assert_eq!(env.id(), Some("spv-9"));
    let Message::Fault(fault) = env.body else {
        panic!("{:?}", env.body)
    };
    // "SOAP-ENV:Client" with its prefix.
    assert_eq!(fault.faultcode, SoapFaultCode::Client);
    assert_eq!(fault.faultstring, "CWMP fault");
    assert_eq!(fault.code(), FaultCode::InvalidArguments);
    assert_eq!(fault.detail.fault_string, "Invalid arguments");
    let entries: Vec<_> = fault
        .detail
        .set_parameter_values_fault
        .iter()
        .map(|f| (f.parameter_name.as_str(), f.fault_code))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Channel",
                FaultCode::InvalidParameterValue
            ),
            (
                "InternetGatewayDevice.DeviceInfo.SerialNumber",
                FaultCode::NonWritableParameter
            ),
            ("InternetGatewayDevice.X_TPLINK_Foo", FaultCode::Other(9805)),
        ]
    );
    let vendor = &fault.detail.set_parameter_values_fault[2];
    assert!(vendor.fault_code.is_vendor());
    // FaultString is optional in the schema.
    assert_eq!(vendor.fault_string, "");
}

#[test]
fn unknown_method_decodes_as_unknown() {
    let (env, _) = one("unknown-method.xml");
    assert_eq!(env.id(), Some("x-1"));
    let Message::Unknown(unknown) = &env.body else {
        panic!("{:?}", env.body)
    };
    assert_eq!(unknown.name, "X_ACME_GetDiagnostics");
    assert_eq!(env.body.name(), "X_ACME_GetDiagnostics");
    // It can be answered (with a fault), so it is a request.
    assert!(env.body.is_request());
}

// ---------------------------------------------------------------------------------------------
// Refusals

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
