//! A scripted ACS for the session-client tests: digest or basic authentication, a session
//! cookie, and a few behaviours (one RPC, errors, endless requests, silence, a redirect).

use bytes::Bytes;
use cwmp::auth::{AuthError, DigestServer, parse_basic};
use cwmp::message::{GetParameterValues, InformResponse, ParameterValueStruct};
use cwmp::{CwmpVersion, Envelope, Message};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

pub const USER: &str = "cpe-0001";
pub const PASS: &str = "s3cret";
pub const T0: u64 = 1_700_000_000;
pub const SOFTWARE: &str = "Device.DeviceInfo.SoftwareVersion";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Auth {
    Digest,
    Basic,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Script {
    /// Inform, empty POST -> one GetParameterValues, then 204.
    OneRpc,
    /// 500 to every authenticated POST.
    Error500,
    /// A GetParameterValues after every POST, forever.
    Endless,
    /// Never answer. (Any script: a POST to `/moved` is redirected to `/acs`.)
    Hang,
}

/// One HTTP request as the ACS saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub authorization: Option<String>,
    pub authorized: bool,
    pub cookie: Option<String>,
    pub soap_action: Option<String>,
    pub content_type: Option<String>,
    pub content_length: Option<String>,
    /// The message name, or "empty".
    pub message: String,
    pub status: u16,
}

pub struct Acs {
    pub auth: Auth,
    pub script: Script,
    pub digest: DigestServer,
    pub clock: AtomicU64,
    pub sessions: AtomicU64,
    pub state: Mutex<AcsState>,
}

#[derive(Default)]
pub struct AcsState {
    pub log: Vec<Seen>,
    pub rpc_sent: bool,
    pub values: Vec<ParameterValueStruct>,
}

impl Acs {
    pub fn log(&self) -> Vec<Seen> {
        self.state.lock().unwrap().log.clone()
    }

    /// `Err` holds the challenge to send with the 401.
    fn authorize(&self, header: Option<&str>, uri: &str) -> Result<(), String> {
        let now = self.clock.load(Ordering::SeqCst);
        match self.auth {
            Auth::Basic => match header.and_then(parse_basic) {
                Some((u, p)) if u == USER && p == PASS => Ok(()),
                _ => Err("Basic realm=\"acs\"".into()),
            },
            Auth::Digest => {
                let lookup = |u: &str| (u == USER).then(|| PASS.to_string());
                match header.map(|h| self.digest.verify_request(h, "POST", uri, now, lookup)) {
                    Some(Ok(_)) => Ok(()),
                    Some(Err(AuthError::Stale)) => Err(self.digest.challenge(now, true)),
                    _ => Err(self.digest.challenge(now, false)),
                }
            }
        }
    }

    async fn serve(self: Arc<Self>, req: Request<Incoming>) -> Response<Full<Bytes>> {
        let header = |name: &str| {
            req.headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
        };
        let mut seen = Seen {
            path: req.uri().path().to_string(),
            authorization: header("authorization"),
            authorized: false,
            cookie: header("cookie"),
            soap_action: header("soapaction"),
            content_type: header("content-type"),
            content_length: header("content-length"),
            message: String::new(),
            status: 0,
        };
        let uri = req.uri().to_string();
        let body = req.into_body().collect().await.unwrap().to_bytes();
        let decoded = cwmp::decode(&body).expect("the CPE sends valid envelopes");
        let envelope = decoded.envelopes.into_iter().next();
        seen.message = envelope
            .as_ref()
            .map_or("empty".to_string(), |e| e.body.name().to_string());
        if self.script == Script::Hang {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
        if seen.path == "/moved" {
            let mut r = reply(StatusCode::TEMPORARY_REDIRECT, Vec::new());
            r.headers_mut().insert("Location", "/acs".parse().unwrap());
            seen.status = 307;
            self.state.lock().unwrap().log.push(seen);
            return r;
        }
        let response = match self.authorize(seen.authorization.as_deref(), &uri) {
            Err(challenge) => {
                let mut r = reply(StatusCode::UNAUTHORIZED, Vec::new());
                let value = challenge.parse().unwrap();
                r.headers_mut().insert("WWW-Authenticate", value);
                r
            }
            Ok(()) => {
                seen.authorized = true;
                self.script_reply(envelope)
            }
        };
        seen.status = response.status().as_u16();
        self.state.lock().unwrap().log.push(seen);
        response
    }

    fn script_reply(&self, envelope: Option<Envelope>) -> Response<Full<Bytes>> {
        let mut state = self.state.lock().unwrap();
        if self.script == Script::Error500 {
            return reply(StatusCode::INTERNAL_SERVER_ERROR, b"oops".to_vec());
        }
        let gpv = || {
            let env = Envelope::new(
                "acs-1",
                GetParameterValues {
                    parameter_names: vec![SOFTWARE.into()],
                },
            );
            reply(StatusCode::OK, encode(env))
        };
        match envelope.map(|e| e.body) {
            Some(Message::Inform(_)) => {
                state.rpc_sent = false;
                let n = self.sessions.fetch_add(1, Ordering::SeqCst) + 1;
                let mut r = reply(
                    StatusCode::OK,
                    encode(Envelope::new("cpe-1", InformResponse { max_envelopes: 1 })),
                );
                let cookie = format!("session={n}; Path=/; HttpOnly");
                r.headers_mut()
                    .insert("Set-Cookie", cookie.parse().unwrap());
                r
            }
            _ if self.script == Script::Endless => gpv(),
            None if !state.rpc_sent => {
                state.rpc_sent = true;
                gpv()
            }
            Some(Message::GetParameterValuesResponse(r)) => {
                state.values = r.parameter_list;
                reply(StatusCode::NO_CONTENT, Vec::new())
            }
            _ => reply(StatusCode::NO_CONTENT, Vec::new()),
        }
    }
}

pub fn encode(env: Envelope) -> Vec<u8> {
    cwmp::encode_version(&env, CwmpVersion::V1_0).unwrap()
}

pub fn reply(status: StatusCode, body: Vec<u8>) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = status;
    r
}

/// Starts the ACS; its URL is `http://127.0.0.1:<port>/acs`. It stops with the runtime.
pub async fn start_acs(auth: Auth, script: Script) -> (String, Arc<Acs>) {
    let acs = Arc::new(Acs {
        auth,
        script,
        digest: DigestServer::new("acs", b"test key").with_nonce_lifetime(300),
        clock: AtomicU64::new(T0),
        sessions: AtomicU64::new(0),
        state: Mutex::new(AcsState::default()),
    });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/acs", listener.local_addr().unwrap());
    let server = acs.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acs = server.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let acs = acs.clone();
                    async move { Ok::<_, std::convert::Infallible>(acs.serve(req).await) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    (url, acs)
}
