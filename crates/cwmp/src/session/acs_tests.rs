use super::*;
use crate::codec::encode;
use crate::event::EventCode;
use crate::version::Namespace;

fn inform(version: CwmpVersion, header: Header) -> Vec<u8> {
    let inform = Inform {
        device_id: DeviceIdStruct {
            manufacturer: "Acme".into(),
            oui: "00D09E".into(),
            product_class: "HGW".into(),
            serial_number: "SN1".into(),
        },
        event: vec![EventStruct::new(EventCode::Boot, "")],
        max_envelopes: 1,
        ..Inform::default()
    };
    to_bytes(
        Envelope {
            header,
            body: inform.into(),
        },
        Dialect::standard(version),
    )
}

fn to_bytes(env: Envelope, dialect: Dialect) -> Vec<u8> {
    encode(&env, dialect).expect("encodable")
}

fn reply_envelope(out: &[AcsOutput]) -> &Envelope {
    out.iter()
        .find_map(|o| match o {
            AcsOutput::Reply(Reply::Envelope(env)) => Some(&**env),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no envelope reply in {out:?}"))
}

fn started(version: CwmpVersion) -> AcsSession {
    let mut s = AcsSession::new(AcsConfig::default());
    let out = s.on_post(&inform(version, Header::with_id("1")));
    assert!(matches!(out[0], AcsOutput::Inform(_)));
    s
}

#[test]
fn full_session_with_one_rpc() {
    let mut s = AcsSession::new(AcsConfig::default());
    let out = s.on_post(&inform(CwmpVersion::V1_0, Header::with_id("1")));
    let AcsOutput::Inform(i) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(i.device_id.serial_number, "SN1");
    let resp = reply_envelope(&out);
    assert_eq!(resp.id(), Some("1"));
    assert_eq!(
        resp.body,
        Message::InformResponse(InformResponse { max_envelopes: 1 })
    );
    assert_eq!(s.dialect(), Dialect::standard(CwmpVersion::V1_0));

    assert_eq!(s.on_post(b""), vec![AcsOutput::NeedRequest]);
    let gpv: Message = GetParameterValues {
        parameter_names: vec!["Device.DeviceInfo.UpTime".into()],
    }
    .into();
    let out = s.send_request(gpv.clone()).expect("ready");
    let sent = reply_envelope(&out).clone();
    assert_eq!(sent.body, gpv);

    let answer = GetParameterValuesResponse::default();
    let out = s.on_post(&to_bytes(
        Envelope::new(sent.id().unwrap_or_default(), answer.clone()),
        s.dialect(),
    ));
    assert_eq!(
        out,
        vec![
            AcsOutput::Response {
                request: Box::new(gpv),
                response: Box::new(answer.into())
            },
            AcsOutput::NeedRequest
        ]
    );
    let out = s.end().expect("ready");
    assert_eq!(
        out,
        vec![
            AcsOutput::Reply(Reply::Empty),
            AcsOutput::Ended(EndReason::Completed)
        ]
    );
    assert!(s.is_ended());
}

#[test]
fn cpe_requests_are_answered_before_the_empty_post() {
    let mut s = started(CwmpVersion::V1_2);
    let tc = TransferComplete {
        command_key: "fw".into(),
        ..Default::default()
    };
    let out = s.on_post(&to_bytes(Envelope::new("2", tc.clone()), s.dialect()));
    assert_eq!(out[0], AcsOutput::CpeRequest(Box::new(tc.into())));
    assert_eq!(reply_envelope(&out).body.name(), "TransferCompleteResponse");
    assert_eq!(reply_envelope(&out).id(), Some("2"));

    let kicked = Kicked {
        next: "http://portal/next".into(),
        ..Default::default()
    };
    let out = s.on_post(&to_bytes(Envelope::new("3", kicked), s.dialect()));
    assert_eq!(
        reply_envelope(&out).body,
        Message::KickedResponse(KickedResponse {
            next_url: "http://portal/next".into()
        })
    );

    let out = s.on_post(&to_bytes(Envelope::new("4", GetRPCMethods {}), s.dialect()));
    let Message::GetRPCMethodsResponse(m) = &reply_envelope(&out).body else {
        panic!()
    };
    assert!(m.method_list.contains(&"DUStateChangeComplete".to_string()));

    for du in [
        Message::DUStateChangeComplete(Default::default()),
        Message::AutonomousDUStateChangeComplete(Default::default()),
        Message::AutonomousTransferComplete(Default::default()),
        Message::RequestDownload(Default::default()),
    ] {
        let out = s.on_post(&to_bytes(Envelope::new("5", du.clone()), s.dialect()));
        assert_eq!(out[0], AcsOutput::CpeRequest(Box::new(du.clone())));
        assert_eq!(
            reply_envelope(&out).body.name(),
            format!("{}Response", du.name())
        );
    }
}

#[test]
fn unsupported_cpe_methods_get_8000_and_the_session_goes_on() {
    let mut s = started(CwmpVersion::V1_0);
    let out = s.on_post(&to_bytes(
        Envelope::new("2", Reboot::default()),
        s.dialect(),
    ));
    let Message::Fault(f) = &reply_envelope(&out).body else {
        panic!("{out:?}")
    };
    assert_eq!(f.code(), FaultCode::AcsMethodNotSupported);
    let unknown = br#"<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:dslforum-org:cwmp-1-0"><e:Body><c:X_Vendor_Hello/></e:Body></e:Envelope>"#;
    let out = s.on_post(unknown);
    let Message::Fault(f) = &reply_envelope(&out).body else {
        panic!("{out:?}")
    };
    assert_eq!(f.code(), FaultCode::AcsMethodNotSupported);
    assert_eq!(s.on_post(b""), vec![AcsOutput::NeedRequest]);
}

#[test]
fn only_an_inform_opens_a_session() {
    let mut s = AcsSession::new(AcsConfig::default());
    let out = s.on_post(&to_bytes(
        Envelope::new("1", GetRPCMethods {}),
        Dialect::default(),
    ));
    let Message::Fault(f) = &reply_envelope(&out).body else {
        panic!("{out:?}")
    };
    assert_eq!(f.code(), FaultCode::AcsInvalidArguments);
    assert!(matches!(
        out.last(),
        Some(AcsOutput::Ended(EndReason::Protocol(_)))
    ));

    let mut s = AcsSession::new(AcsConfig::default());
    let out = s.on_post(b"");
    assert!(matches!(out[0], AcsOutput::Reply(Reply::BadRequest(_))));
    assert!(s.is_ended());
    // Nothing more is accepted once ended.
    assert!(matches!(
        s.on_post(b"")[0],
        AcsOutput::Reply(Reply::BadRequest(_))
    ));
}

#[test]
fn malformed_xml_is_a_400_with_the_reason() {
    let mut s = started(CwmpVersion::V1_0);
    let out = s.on_post(b"<Envelope><Body><Inform></Body></Envelope>");
    let AcsOutput::Reply(Reply::BadRequest(why)) = &out[0] else {
        panic!("{out:?}")
    };
    assert!(why.contains("line 1"), "{why}");
    assert!(matches!(
        out.last(),
        Some(AcsOutput::Ended(EndReason::Malformed(_)))
    ));
}

#[test]
fn faults_and_mismatches_are_reported_against_the_request() {
    let mut s = started(CwmpVersion::V1_0);
    s.on_post(b"");
    let spv: Message = SetParameterValues::default().into();
    let sent = reply_envelope(&s.send_request(spv.clone()).expect("ready")).clone();
    let fault = Fault::set_parameter_values(
        FaultCode::InvalidArguments,
        "bad",
        vec![SetParameterValuesFault {
            parameter_name: "Device.X".into(),
            fault_code: FaultCode::InvalidParameterName,
            fault_string: "no such".into(),
        }],
    );
    let out = s.on_post(&to_bytes(
        Envelope::new(sent.id().unwrap_or_default(), fault.clone()),
        s.dialect(),
    ));
    assert_eq!(
        out[0],
        AcsOutput::Fault {
            request: Box::new(spv.clone()),
            fault: Box::new(fault)
        }
    );

    // A response with another request's ID does not count as the answer.
    s.send_request(spv.clone()).expect("ready");
    let wrong = to_bytes(
        Envelope::new("not-ours", SetParameterValuesResponse::default()),
        s.dialect(),
    );
    let out = s.on_post(&wrong);
    assert!(matches!(out[0], AcsOutput::Unexpected { .. }), "{out:?}");

    // Without an ID, the name decides.
    s.send_request(spv.clone()).expect("ready");
    let bare = to_bytes(
        Envelope::bare(SetParameterValuesResponse::default()),
        s.dialect(),
    );
    assert!(matches!(s.on_post(&bare)[0], AcsOutput::Response { .. }));
}

#[test]
fn requests_are_checked_before_sending() {
    let mut s = started(CwmpVersion::V1_0);
    assert_eq!(
        s.send_request(Reboot::default().into()),
        Err(RequestError::NotReady)
    );
    s.on_post(b"");
    assert!(matches!(
        s.send_request(ChangeDUState::default().into()),
        Err(RequestError::NotInVersion { .. })
    ));
    assert!(matches!(
        s.send_request(Inform::default().into()),
        Err(RequestError::NotACpeMethod(_))
    ));
    assert!(s.send_request(Reboot::default().into()).is_ok());
    // The CPE gives up on our request with an empty POST.
    let out = s.on_post(b"");
    assert!(matches!(out[0], AcsOutput::NoResponse { .. }));
    assert_eq!(out[1], AcsOutput::NeedRequest);
    // A timeout ends the session and reports what was outstanding.
    s.send_request(FactoryReset {}.into()).expect("ready");
    let out = s.on_timeout();
    assert!(matches!(out[0], AcsOutput::NoResponse { .. }));
    assert_eq!(out[1], AcsOutput::Ended(EndReason::TimedOut));
}

#[test]
fn version_negotiation() {
    // A 1.4 CPE announcing its versions gets UseCWMPVersion and the 1.2 namespace.
    let mut s = AcsSession::new(AcsConfig::default());
    let header = Header {
        id: Some("1".into()),
        supported_cwmp_versions: Some(CwmpVersion::ALL.to_vec()),
        session_timeout: Some(90),
        ..Header::default()
    };
    let out = s.on_post(&inform(CwmpVersion::V1_4, header));
    assert_eq!(
        reply_envelope(&out).header.use_cwmp_version,
        Some(CwmpVersion::V1_4)
    );
    assert_eq!(s.dialect(), Dialect::standard(CwmpVersion::V1_4));
    assert_eq!(s.idle_timeout(), Duration::from_secs(90));

    // An ACS limited to 1.2 picks 1.2.
    let mut s = AcsSession::new(AcsConfig {
        max_version: CwmpVersion::V1_2,
        ..AcsConfig::default()
    });
    let header = Header {
        supported_cwmp_versions: Some(CwmpVersion::ALL.to_vec()),
        ..Header::default()
    };
    s.on_post(&inform(CwmpVersion::V1_4, header));
    assert_eq!(s.dialect().version, CwmpVersion::V1_2);

    // No common version: fault 8006.
    let mut s = AcsSession::new(AcsConfig {
        max_version: CwmpVersion::V1_0,
        ..AcsConfig::default()
    });
    let header = Header {
        supported_cwmp_versions: Some(vec![CwmpVersion::V1_4]),
        ..Header::default()
    };
    let out = s.on_post(&inform(CwmpVersion::V1_4, header));
    let Message::Fault(f) = &reply_envelope(&out).body else {
        panic!("{out:?}")
    };
    assert_eq!(f.code(), FaultCode::AcsVersionIncompatible);
    assert_eq!(
        out.last(),
        Some(&AcsOutput::Ended(EndReason::VersionMismatch))
    );

    // A device using the non-standard cwmp-1-3 namespace is answered in it.
    let mut s = AcsSession::new(AcsConfig::default());
    let dialect = Dialect {
        version: CwmpVersion::V1_2,
        namespace: Namespace::Cwmp13,
    };
    let env = Envelope::new(
        "1",
        Inform {
            device_id: DeviceIdStruct {
                oui: "00D09E".into(),
                serial_number: "X".into(),
                ..Default::default()
            },
            ..Inform::default()
        },
    );
    s.on_post(&to_bytes(env, dialect));
    assert_eq!(s.dialect().namespace, Namespace::Cwmp13);
}

#[test]
fn inform_without_identity_is_refused() {
    let mut s = AcsSession::new(AcsConfig::default());
    let out = s.on_post(&to_bytes(
        Envelope::new("1", Inform::default()),
        Dialect::default(),
    ));
    let Message::Fault(f) = &reply_envelope(&out).body else {
        panic!("{out:?}")
    };
    assert_eq!(f.code(), FaultCode::AcsInvalidArguments);
    assert!(s.is_ended());
}

#[test]
fn stray_responses_and_second_informs_end_the_session() {
    let mut s = started(CwmpVersion::V1_0);
    let out = s.on_post(&to_bytes(
        Envelope::new("9", RebootResponse {}),
        s.dialect(),
    ));
    assert!(matches!(out[0], AcsOutput::Reply(Reply::BadRequest(_))));
    assert!(s.is_ended());

    let mut s = started(CwmpVersion::V1_0);
    let out = s.on_post(&inform(CwmpVersion::V1_0, Header::with_id("2")));
    let Message::Fault(f) = &reply_envelope(&out).body else {
        panic!("{out:?}")
    };
    assert_eq!(f.code(), FaultCode::AcsRequestDenied);
    assert!(s.is_ended());
}
