//! Envelopes the way real devices and ACSs send them, not the way the schema draws them: the
//! envelope-level leniency (prefixes, namespaces, headers, document structure). Leniency in values
//! and character encodings is in `quirks_values.rs`; what the decoder refuses is in
//! `refusals.rs`.
//!
//! The fixtures are in `tests/fixtures/quirks/`.

mod quirks_support;

use cwmp::message::SoapFaultCode;
use cwmp::{
    CwmpVersion, DateTime, Dialect, EventCode, FaultCode, Message, Namespace, TypedValue, ValueType,
};
use quirks_support::{decode_ok, dt, fixture, one};

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
