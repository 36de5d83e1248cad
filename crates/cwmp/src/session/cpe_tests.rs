use super::*;
use crate::codec::encode_version;
use crate::message::*;
use crate::value::Value;

struct Recorder {
    seen: Vec<String>,
}

impl CpeHandler for Recorder {
    fn handle(&mut self, request: &Message) -> Message {
        self.seen.push(request.name().to_string());
        match request {
            Message::GetParameterValues(gpv) => GetParameterValuesResponse {
                parameter_list: gpv
                    .parameter_names
                    .iter()
                    .map(|n| ParameterValueStruct::new(n.clone(), Value::string("v")))
                    .collect(),
            }
            .into(),
            _ => Fault::standard(FaultCode::MethodNotSupported).into(),
        }
    }
}

fn recorder() -> Recorder {
    Recorder { seen: Vec::new() }
}

fn config(version: CwmpVersion) -> CpeConfig {
    CpeConfig {
        device_id: DeviceIdStruct {
            manufacturer: "Acme".into(),
            oui: "00D09E".into(),
            product_class: "HGW".into(),
            serial_number: "SN1".into(),
        },
        version,
    }
}

fn content(events: &[EventCode]) -> InformContent {
    InformContent {
        events: events
            .iter()
            .map(|e| EventStruct::new(e.clone(), ""))
            .collect(),
        parameters: vec![ParameterValueStruct::new(
            "Device.DeviceInfo.SoftwareVersion",
            Value::string("1.0"),
        )],
        retry_count: 0,
        current_time: DateTime::from_unix(1_700_000_000),
    }
}

fn bytes(env: Envelope, version: CwmpVersion) -> Vec<u8> {
    encode_version(&env, version).expect("encodable")
}

fn inform_response(hold: bool) -> Vec<u8> {
    let mut env = Envelope::new("cpe-1", InformResponse { max_envelopes: 1 });
    if hold {
        env.header.hold_requests = Some(true);
    }
    bytes(env, CwmpVersion::V1_0)
}

fn transfer_complete() -> Message {
    TransferComplete {
        command_key: "fw1".into(),
        ..Default::default()
    }
    .into()
}

fn finished(action: CpeAction) -> CpeOutcome {
    match action {
        CpeAction::Finished(o) => o,
        other => panic!("expected Finished, got {other:?}"),
    }
}

fn posted(action: CpeAction) -> Envelope {
    match action {
        CpeAction::Post(env) => env,
        other => panic!("expected Post, got {other:?}"),
    }
}

#[test]
fn plain_periodic_session() {
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[EventCode::Periodic]),
        vec![],
    );
    let inform = posted(s.start());
    let Message::Inform(i) = &inform.body else {
        panic!("not an Inform")
    };
    assert_eq!(i.max_envelopes, 1);
    assert_eq!(i.event[0].event_code, EventCode::Periodic);
    assert_eq!(
        s.on_response(200, &inform_response(false), &mut recorder()),
        CpeAction::PostEmpty
    );
    let outcome = finished(s.on_response(204, b"", &mut recorder()));
    assert_eq!(outcome.result, Ok(()));
    assert!(outcome.inform_acknowledged);
    assert!(outcome.events_to_retry.is_empty());
    assert!(s.is_finished());
}

#[test]
fn queued_requests_follow_the_inform_response() {
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[EventCode::TransferComplete]),
        vec![transfer_complete()],
    );
    s.start();
    let tc = posted(s.on_response(200, &inform_response(false), &mut recorder()));
    assert_eq!(tc.body.name(), "TransferComplete");
    let answer = bytes(
        Envelope::new(tc.id().unwrap_or_default(), TransferCompleteResponse {}),
        CwmpVersion::V1_0,
    );
    assert_eq!(
        s.on_response(200, &answer, &mut recorder()),
        CpeAction::PostEmpty
    );
    let outcome = finished(s.on_response(204, b"", &mut recorder()));
    assert_eq!(outcome.delivered, vec![transfer_complete()]);
    assert!(outcome.undelivered.is_empty());
}

#[test]
fn hold_requests_defers_cpe_requests_until_released() {
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[]),
        vec![transfer_complete()],
    );
    s.start();
    // HoldRequests: the CPE must not send its TransferComplete yet.
    assert_eq!(
        s.on_response(200, &inform_response(true), &mut recorder()),
        CpeAction::PostEmpty
    );
    let mut gpv = Envelope::new(
        "acs-7",
        GetParameterValues {
            parameter_names: vec!["Device.DeviceInfo.UpTime".into()],
        },
    );
    gpv.header.hold_requests = Some(true);
    let mut handler = recorder();
    let reply = posted(s.on_response(200, &bytes(gpv, CwmpVersion::V1_0), &mut handler));
    assert_eq!(reply.id(), Some("acs-7"));
    assert_eq!(reply.body.name(), "GetParameterValuesResponse");
    assert_eq!(handler.seen, vec!["GetParameterValues"]);
    // The ACS is done and no longer holds: the queued request goes now.
    let tc = posted(s.on_response(204, b"", &mut handler));
    assert_eq!(tc.body.name(), "TransferComplete");
    let answer = bytes(
        Envelope::new("x", TransferCompleteResponse {}),
        CwmpVersion::V1_0,
    );
    assert_eq!(
        s.on_response(200, &answer, &mut handler),
        CpeAction::PostEmpty
    );
    let outcome = finished(s.on_response(204, b"", &mut handler));
    assert_eq!(outcome.result, Ok(()));
    assert_eq!(outcome.delivered.len(), 1);
}

#[test]
fn failure_before_inform_response_keeps_retryable_events() {
    let events = [
        EventCode::Boot,
        EventCode::ConnectionRequest,
        EventCode::method("Reboot"),
    ];
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&events),
        vec![transfer_complete()],
    );
    s.start();
    let outcome = finished(s.on_transport_error());
    assert_eq!(outcome.result, Err(SessionFailure::Transport));
    assert!(!outcome.inform_acknowledged);
    let kept: Vec<_> = outcome
        .events_to_retry
        .iter()
        .map(|e| e.event_code.clone())
        .collect();
    assert_eq!(kept, vec![EventCode::Boot, EventCode::method("Reboot")]);
    assert_eq!(outcome.undelivered, vec![transfer_complete()]);
}

#[test]
fn failure_after_inform_response_delivers_events() {
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[EventCode::Boot]),
        vec![],
    );
    s.start();
    s.on_response(200, &inform_response(false), &mut recorder());
    let outcome = finished(s.on_response(500, b"oops", &mut recorder()));
    assert_eq!(outcome.result, Err(SessionFailure::HttpStatus(500)));
    assert!(outcome.inform_acknowledged);
    assert!(outcome.events_to_retry.is_empty());
}

#[test]
fn inform_fault_and_garbage_fail_the_session() {
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[EventCode::Boot]),
        vec![],
    );
    s.start();
    let fault = bytes(
        Envelope::new("cpe-1", Fault::standard(FaultCode::AcsRetryRequest)),
        CwmpVersion::V1_0,
    );
    let outcome = finished(s.on_response(200, &fault, &mut recorder()));
    assert_eq!(
        outcome.result,
        Err(SessionFailure::InformFault(FaultCode::AcsRetryRequest))
    );

    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[EventCode::Boot]),
        vec![],
    );
    s.start();
    let outcome = finished(s.on_response(200, b"<soap:Envelope><oops", &mut recorder()));
    assert!(matches!(outcome.result, Err(SessionFailure::Malformed(_))));

    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[EventCode::Boot]),
        vec![],
    );
    s.start();
    let outcome = finished(s.on_response(204, b"", &mut recorder()));
    assert!(matches!(outcome.result, Err(SessionFailure::Protocol(_))));
}

#[test]
fn unknown_and_acs_only_methods_get_9000_without_the_handler() {
    let mut s = CpeSession::new(config(CwmpVersion::V1_0), content(&[]), vec![]);
    s.start();
    s.on_response(200, &inform_response(false), &mut recorder());
    let unknown = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:dslforum-org:cwmp-1-0"><s:Header><c:ID s:mustUnderstand="1">9</c:ID></s:Header><s:Body><c:X_Frobnicate/></s:Body></s:Envelope>"#;
    let mut handler = recorder();
    let reply = posted(s.on_response(200, unknown, &mut handler));
    let Message::Fault(f) = &reply.body else {
        panic!("expected a fault")
    };
    assert_eq!(f.code(), FaultCode::MethodNotSupported);
    assert_eq!(reply.id(), Some("9"));
    let inform_from_acs = bytes(Envelope::new("10", Inform::default()), CwmpVersion::V1_0);
    let reply = posted(s.on_response(200, &inform_from_acs, &mut handler));
    assert_eq!(reply.body.name(), "Fault");
    assert!(handler.seen.is_empty());
}

#[test]
fn refused_request_is_kept_for_a_later_session() {
    let mut s = CpeSession::new(
        config(CwmpVersion::V1_0),
        content(&[]),
        vec![transfer_complete()],
    );
    s.start();
    posted(s.on_response(200, &inform_response(false), &mut recorder()));
    let fault = bytes(
        Envelope::new("cpe-2", Fault::standard(FaultCode::AcsRetryRequest)),
        CwmpVersion::V1_0,
    );
    assert_eq!(
        s.on_response(200, &fault, &mut recorder()),
        CpeAction::PostEmpty
    );
    let outcome = finished(s.on_response(204, b"", &mut recorder()));
    assert_eq!(outcome.result, Ok(()));
    assert_eq!(outcome.undelivered, vec![transfer_complete()]);
}

#[test]
fn version_follows_the_acs() {
    let mut s = CpeSession::new(config(CwmpVersion::V1_4), content(&[]), vec![]);
    let inform = posted(s.start());
    assert_eq!(
        inform.header.supported_cwmp_versions.as_deref(),
        Some(&CwmpVersion::ALL[..])
    );
    // An ACS that only speaks 1.0 answers in the 1.0 namespace.
    s.on_response(200, &inform_response(false), &mut recorder());
    assert_eq!(s.dialect(), Dialect::standard(CwmpVersion::V1_0));

    let mut s = CpeSession::new(config(CwmpVersion::V1_4), content(&[]), vec![]);
    s.start();
    let mut env = Envelope::new("cpe-1", InformResponse { max_envelopes: 1 });
    env.header.use_cwmp_version = Some(CwmpVersion::V1_3);
    s.on_response(200, &bytes(env, CwmpVersion::V1_4), &mut recorder());
    assert_eq!(s.dialect().version, CwmpVersion::V1_3);
    assert_eq!(s.dialect().namespace, crate::version::Namespace::Cwmp12);
}

#[test]
fn inform_events_are_deduplicated_and_capped() {
    let mut events = vec![
        EventStruct::new(EventCode::Boot, ""),
        EventStruct::new(EventCode::Boot, ""),
        EventStruct::new(EventCode::method("Download"), "a"),
        EventStruct::new(EventCode::method("Download"), "b"),
        EventStruct::new(EventCode::method("Download"), "a"),
    ];
    for i in 0..100 {
        events.push(EventStruct::new(
            EventCode::Vendor(format!("00D09E E{i}")),
            "",
        ));
    }
    let inform = InformContent {
        events,
        ..content(&[])
    };
    let s = CpeSession::new(config(CwmpVersion::V1_0), inform, vec![]);
    let built = s.build_inform();
    assert_eq!(built.event.len(), MAX_EVENTS);
    let codes: Vec<String> = built
        .event
        .iter()
        .take(3)
        .map(|e| e.event_code.to_string())
        .collect();
    assert_eq!(codes, vec!["1 BOOT", "M Download", "M Download"]);
}

#[test]
fn forced_parameters_by_root() {
    assert!(forced_inform_parameters("Device.").contains(&"Device.RootDataModelVersion"));
    assert!(
        forced_inform_parameters("InternetGatewayDevice")
            .contains(&"InternetGatewayDevice.DeviceSummary")
    );
    assert!(!survives_failed_session(&EventCode::ConnectionRequest));
}
