//! The session client against a scripted ACS on 127.0.0.1: digest authentication, the
//! session cookie, one RPC, and the ways a session fails.

#[path = "acs_client/scripted_acs.rs"]
mod scripted_acs;

use cpe::acs_client::{AcsClient, AcsClientConfig, AcsClientError, AcsConnection, run_session};
use cwmp::auth::parse_basic;
use cwmp::message::{
    DeviceIdStruct, EventStruct, GetParameterValuesResponse, ParameterValueStruct,
};
use cwmp::session::{CpeConfig, CpeHandler, CpeOutcome, CpeSession, InformContent, SessionFailure};
use cwmp::{CwmpVersion, DateTime, EventCode, Message, Value};
use scripted_acs::{Auth, PASS, SOFTWARE, Script, Seen, T0, USER, start_acs};
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Answers GetParameterValues from a fixed value, records what it was asked.
#[derive(Default)]
struct Device {
    asked: Vec<String>,
}

impl CpeHandler for Device {
    fn handle(&mut self, request: &Message) -> Message {
        self.asked.push(request.name().to_string());
        match request {
            Message::GetParameterValues(gpv) => GetParameterValuesResponse {
                parameter_list: gpv
                    .parameter_names
                    .iter()
                    .map(|n| ParameterValueStruct::new(n.clone(), Value::string("1.2.3")))
                    .collect(),
            }
            .into(),
            _ => cwmp::message::Fault::standard(cwmp::FaultCode::MethodNotSupported).into(),
        }
    }
}

fn session() -> CpeSession {
    CpeSession::new(
        CpeConfig {
            device_id: DeviceIdStruct {
                manufacturer: "Acme".into(),
                oui: "00D09E".into(),
                product_class: "HGW".into(),
                serial_number: "SN0001".into(),
            },
            version: CwmpVersion::V1_0,
        },
        InformContent {
            events: vec![EventStruct::new(EventCode::Boot, "")],
            parameters: vec![ParameterValueStruct::new(SOFTWARE, Value::string("1.2.3"))],
            retry_count: 0,
            current_time: DateTime::from_unix(T0 as i64),
        },
        Vec::new(),
    )
}

fn client(tweak: impl FnOnce(&mut AcsClientConfig)) -> AcsClient {
    let mut config = AcsClientConfig {
        request_timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        ..AcsClientConfig::default()
    };
    tweak(&mut config);
    AcsClient::new(config).unwrap()
}

async fn run(client: &AcsClient, conn: &mut AcsConnection, device: &mut Device) -> CpeOutcome {
    let mut session = session();
    tokio::time::timeout(
        Duration::from_secs(20),
        run_session(client, conn, &mut session, device),
    )
    .await
    .expect("sessions are bounded")
}

fn nc(seen: &Seen) -> &str {
    let auth = seen.authorization.as_deref().unwrap();
    let start = auth.find("nc=").unwrap() + 3;
    &auth[start..start + 8]
}

#[tokio::test]
async fn digest_session_with_cookie_and_one_rpc() {
    let (url, acs) = start_acs(Auth::Digest, Script::OneRpc).await;
    let client = client(|_| {});
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let mut device = Device::default();
    let outcome = run(&client, &mut conn, &mut device).await;

    assert_eq!(outcome.result, Ok(()));
    assert!(outcome.inform_acknowledged);
    assert!(outcome.events_to_retry.is_empty());
    assert_eq!(device.asked, vec!["GetParameterValues"]);
    let log = acs.log();
    let sequence: Vec<(&str, u16, bool)> = log
        .iter()
        .map(|s| (s.message.as_str(), s.status, s.authorized))
        .collect();
    assert_eq!(
        sequence,
        vec![
            ("Inform", 401, false),
            ("Inform", 200, true),
            ("empty", 200, true),
            ("GetParameterValuesResponse", 204, true),
        ]
    );
    // The first POST carries no credentials; the challenge is then reused with a growing nc.
    assert_eq!(log[0].authorization, None);
    assert_eq!(
        log[1..].iter().map(nc).collect::<Vec<_>>(),
        vec!["00000001", "00000002", "00000003"]
    );
    // The session cookie comes back on every POST after the InformResponse.
    assert_eq!(log[0].cookie, None);
    assert_eq!(log[1].cookie, None);
    assert_eq!(log[2].cookie.as_deref(), Some("session=1"));
    assert_eq!(log[3].cookie.as_deref(), Some("session=1"));
    assert_eq!(conn.cookies().get("session"), Some("1"));
    // Envelopes carry the SOAP headers; the empty POST carries none and no body.
    for s in [&log[1], &log[3]] {
        assert_eq!(s.soap_action.as_deref(), Some("\"\""));
        assert_eq!(
            s.content_type.as_deref(),
            Some("text/xml; charset=\"utf-8\"")
        );
    }
    assert_eq!(log[2].soap_action, None);
    assert_eq!(log[2].content_type, None);
    assert_eq!(log[2].content_length.as_deref(), Some("0"));
    let values = acs.state.lock().unwrap().values.clone();
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].name, SOFTWARE);
    assert_eq!(values[0].value.text, "1.2.3");
}

#[tokio::test]
async fn next_session_starts_without_cookies_and_survives_a_stale_nonce() {
    let (url, acs) = start_acs(Auth::Digest, Script::OneRpc).await;
    let client = client(|_| {});
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let first = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(first.result, Ok(()));
    let before = acs.log().len();

    // The nonce of the first session expires.
    acs.clock.store(T0 + 1000, Ordering::SeqCst);
    let second = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(second.result, Ok(()));
    let log = acs.log();
    let log = &log[before..];
    // The old challenge is tried first, refused as stale, and answered once.
    assert!(log[0].authorization.is_some());
    assert_eq!((log[0].status, log[0].message.as_str()), (401, "Inform"));
    assert_eq!((log[1].status, log[1].authorized), (200, true));
    assert_eq!(nc(&log[1]), "00000001");
    // A new session starts with an empty jar and gets its own cookie.
    assert_eq!(log[0].cookie, None);
    assert_eq!(log[1].cookie, None);
    assert_eq!(log[2].cookie.as_deref(), Some("session=2"));
    assert_eq!(log.len(), 4);
}

#[tokio::test]
async fn wrong_password_fails_after_one_retry() {
    let (url, acs) = start_acs(Auth::Digest, Script::OneRpc).await;
    let client = client(|_| {});
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, "guess");
    let outcome = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Err(SessionFailure::HttpStatus(401)));
    assert!(!outcome.inform_acknowledged);
    let log = acs.log();
    assert_eq!(log.len(), 2, "one try without, one with credentials");
    assert!(log.iter().all(|s| !s.authorized));
}

#[tokio::test]
async fn http_500_fails_the_session_and_keeps_the_events() {
    let (url, _acs) = start_acs(Auth::Digest, Script::Error500).await;
    let client = client(|_| {});
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let outcome = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Err(SessionFailure::HttpStatus(500)));
    assert!(!outcome.inform_acknowledged);
    let retried: Vec<_> = outcome
        .events_to_retry
        .iter()
        .map(|e| &e.event_code)
        .collect();
    assert_eq!(retried, vec![&EventCode::Boot]);
}

#[tokio::test]
async fn refused_connection_is_a_transport_failure() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/acs", listener.local_addr().unwrap());
    drop(listener);
    let client = client(|_| {});
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let outcome = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Err(SessionFailure::Transport));
    assert_eq!(outcome.events_to_retry.len(), 1);
}

#[tokio::test]
async fn silent_acs_times_out_as_a_transport_failure() {
    let (url, _acs) = start_acs(Auth::Digest, Script::Hang).await;
    let client = client(|c| c.request_timeout = Duration::from_millis(300));
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let outcome = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Err(SessionFailure::Transport));
}

#[tokio::test]
async fn basic_auth_is_refused_over_http_unless_allowed() {
    let (url, acs) = start_acs(Auth::Basic, Script::OneRpc).await;
    let strict = client(|_| {});
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let outcome = run(&strict, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Err(SessionFailure::HttpStatus(401)));
    let log = acs.log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].authorization, None, "the password never went out");

    let lenient = client(|c| c.allow_basic_over_http = true);
    let outcome = run(&lenient, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Ok(()));
    let log = acs.log();
    let statuses: Vec<u16> = log[1..].iter().map(|s| s.status).collect();
    assert_eq!(statuses, vec![401, 200, 200, 204]);
    // Once basic was asked for, it is sent with every later POST.
    for s in &log[2..] {
        let creds = parse_basic(s.authorization.as_deref().unwrap());
        assert_eq!(creds, Some((USER.to_string(), PASS.to_string())));
    }
}

#[tokio::test]
async fn endless_acs_hits_the_exchange_bound() {
    let (url, acs) = start_acs(Auth::Digest, Script::Endless).await;
    let client = client(|c| c.max_exchanges = 8);
    let mut conn = AcsConnection::new(&url)
        .unwrap()
        .with_credentials(USER, PASS);
    let mut device = Device::default();
    let outcome = run(&client, &mut conn, &mut device).await;
    let Err(SessionFailure::Protocol(why)) = &outcome.result else {
        panic!("expected a protocol failure, got {:?}", outcome.result);
    };
    assert!(why.contains("8 HTTP exchanges"), "{why}");
    assert!(outcome.inform_acknowledged);
    // 8 CWMP exchanges, plus the 401 of the first.
    assert_eq!(acs.log().len(), 9);
    assert_eq!(device.asked.len(), 7);
}

#[tokio::test]
async fn a_redirect_holds_for_the_session_only() {
    let (url, acs) = start_acs(Auth::Digest, Script::OneRpc).await;
    let moved = url.replace("/acs", "/moved");
    let client = client(|_| {});
    let mut conn = AcsConnection::new(&moved)
        .unwrap()
        .with_credentials(USER, PASS);
    let outcome = run(&client, &mut conn, &mut Device::default()).await;
    assert_eq!(outcome.result, Ok(()));
    let log = acs.log();
    let paths: Vec<(&str, u16)> = log.iter().map(|s| (s.path.as_str(), s.status)).collect();
    assert_eq!(
        paths,
        vec![
            ("/moved", 307),
            ("/acs", 401),
            ("/acs", 200),
            ("/acs", 200),
            ("/acs", 204)
        ]
    );
    // The Inform was re-sent whole to the new place.
    assert_eq!(log[1].message, "Inform");
    assert_eq!(conn.url().path(), "/moved");
}

#[tokio::test]
async fn bad_setup_is_reported() {
    assert!(matches!(
        AcsConnection::new("ftp://acs/"),
        Err(AcsClientError::InvalidUrl(_))
    ));
    let err = AcsConnection::new("http://user:hunter2@acs/").unwrap_err();
    assert!(!err.to_string().contains("hunter2"), "{err}");
    let missing = AcsClient::new(AcsClientConfig {
        ca_bundle: Some("/nonexistent/ca.pem".into()),
        ..AcsClientConfig::default()
    });
    assert!(matches!(missing, Err(AcsClientError::CaBundleRead { .. })));
    let dir = std::env::temp_dir().join(format!("acs-client-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let garbage = dir.join("garbage.pem");
    std::fs::write(&garbage, "not a certificate").unwrap();
    let bad = AcsClient::new(AcsClientConfig {
        ca_bundle: Some(garbage),
        ..AcsClientConfig::default()
    });
    assert!(matches!(bad, Err(AcsClientError::CaBundle { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn connection_debug_hides_the_password() {
    let conn = AcsConnection::new("https://acs.example/cwmp")
        .unwrap()
        .with_credentials(USER, PASS);
    let shown = format!("{conn:?}");
    assert!(shown.contains(USER));
    assert!(!shown.contains(PASS), "{shown}");
}

#[test]
fn the_session_future_can_be_spawned() {
    fn assert_send<T: Send>(_: &T) {}
    let client = client(|_| {});
    let mut conn = AcsConnection::new("http://127.0.0.1:1/").unwrap();
    let mut session = session();
    let mut device = Device::default();
    let future = run_session(&client, &mut conn, &mut session, &mut device);
    assert_send(&future);
}
