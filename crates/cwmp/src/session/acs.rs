//! The ACS side of a session as a sans-IO state machine.
//!
//! The HTTP layer feeds each POST body to [`AcsSession::on_post`] and acts on the outputs:
//! [`AcsOutput::Reply`] is the HTTP answer to that POST, the other outputs tell the caller what
//! happened. When the machine emits [`AcsOutput::NeedRequest`], the CPE is waiting for the
//! ACS's next RPC: the caller answers with [`AcsSession::send_request`] or ends the session with
//! [`AcsSession::end`] (HTTP 204).

use crate::codec::{DecodeOptions, Dialect, Envelope, Header, decode_with};
use crate::fault::FaultCode;
use crate::message::*;
use crate::version::{CwmpVersion, negotiate};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub struct AcsConfig {
    /// The highest CWMP version the ACS speaks.
    pub max_version: CwmpVersion,
    /// Idle timeout between two POSTs of a session when the CPE does not announce one.
    pub idle_timeout: Duration,
    pub decode: DecodeOptions,
}

impl Default for AcsConfig {
    fn default() -> Self {
        AcsConfig {
            max_version: CwmpVersion::V1_4,
            idle_timeout: Duration::from_secs(30),
            decode: DecodeOptions::default(),
        }
    }
}

/// The HTTP answer to a POST.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// 200 with this envelope, encoded in [`AcsSession::dialect`].
    Envelope(Box<Envelope>),
    /// 204 No Content: the ACS has nothing more; with `Ended` this closes the session.
    Empty,
    /// 400 with this reason.
    BadRequest(String),
}

/// Why a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndReason {
    /// Both sides said they were done.
    Completed,
    /// A body could not be decoded.
    Malformed(String),
    /// The CPE broke the session rules.
    Protocol(String),
    /// No versions in common (fault 8006 was sent).
    VersionMismatch,
    /// The CPE went quiet for longer than the idle timeout.
    TimedOut,
}

/// What happened, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum AcsOutput {
    /// The Inform that opened the session; the caller registers the device from it.
    Inform(Box<Inform>),
    /// A CPE request (TransferComplete, ...) the machine has already answered.
    CpeRequest(Box<Message>),
    /// The CPE answered the ACS's request.
    Response {
        request: Box<Message>,
        response: Box<Message>,
    },
    /// The CPE answered the ACS's request with a fault.
    Fault {
        request: Box<Message>,
        fault: Box<Fault>,
    },
    /// The CPE answered with something that does not answer the request.
    Unexpected {
        request: Box<Message>,
        response: Box<Message>,
    },
    /// The request got no answer (the CPE moved on, or the session ended).
    NoResponse {
        request: Box<Message>,
    },
    /// Call [`AcsSession::send_request`] or [`AcsSession::end`].
    NeedRequest,
    /// The HTTP answer to the POST just fed in.
    Reply(Reply),
    Ended(EndReason),
}

/// Why the caller's request was not sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the session is not waiting for a request")]
    NotReady,
    #[error("{0} is not a method the CPE implements")]
    NotACpeMethod(String),
    #[error("{method} needs CWMP {since}, the session speaks {version}")]
    NotInVersion {
        method: String,
        since: CwmpVersion,
        version: CwmpVersion,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    AwaitingInform,
    /// The CPE may still send requests.
    CpeRequests,
    /// `NeedRequest` was emitted; the caller decides.
    AwaitingCaller,
    AwaitingResponse {
        id: String,
        request: Box<Message>,
    },
    Ended,
}

#[derive(Debug)]
pub struct AcsSession {
    config: AcsConfig,
    state: State,
    dialect: Dialect,
    device_id: Option<DeviceIdStruct>,
    idle_timeout: Duration,
    next_id: u64,
}

impl AcsSession {
    pub fn new(config: AcsConfig) -> AcsSession {
        let idle_timeout = config.idle_timeout;
        AcsSession {
            config,
            state: State::AwaitingInform,
            dialect: Dialect::default(),
            device_id: None,
            idle_timeout,
            next_id: 0,
        }
    }

    /// The dialect to encode replies in: the CPE's namespace and the negotiated version.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn device_id(&self) -> Option<&DeviceIdStruct> {
        self.device_id.as_ref()
    }

    /// How long to wait for the CPE's next POST: its SessionTimeout if it sent one.
    pub fn idle_timeout(&self) -> Duration {
        self.idle_timeout
    }

    pub fn is_ended(&self) -> bool {
        self.state == State::Ended
    }

    /// The request the ACS is waiting on, if any.
    pub fn outstanding(&self) -> Option<&Message> {
        match &self.state {
            State::AwaitingResponse { request, .. } => Some(request),
            _ => None,
        }
    }

    /// Feeds one HTTP POST body (possibly empty).
    pub fn on_post(&mut self, body: &[u8]) -> Vec<AcsOutput> {
        if matches!(self.state, State::Ended | State::AwaitingCaller) {
            let why = if self.state == State::Ended {
                "the session has ended"
            } else {
                "a POST arrived before the previous one was answered"
            };
            return vec![AcsOutput::Reply(Reply::BadRequest(why.into()))];
        }
        let decoded = match decode_with(body, &self.config.decode) {
            Ok(d) => d,
            Err(e) => {
                let reason = e.to_string();
                let mut out = self.end_with(EndReason::Malformed(reason.clone()));
                out.insert(0, AcsOutput::Reply(Reply::BadRequest(reason)));
                return out;
            }
        };
        let dialect = decoded.dialect;
        match decoded.envelopes.into_iter().next() {
            None => self.on_empty_post(),
            Some(env) => match self.state {
                State::AwaitingInform => self.on_first_envelope(env, dialect),
                _ => self.on_envelope(env),
            },
        }
    }

    fn on_empty_post(&mut self) -> Vec<AcsOutput> {
        match std::mem::replace(&mut self.state, State::AwaitingCaller) {
            State::AwaitingInform => {
                self.state = State::AwaitingInform;
                let mut out = self.end_with(EndReason::Protocol("no Inform".into()));
                out.insert(
                    0,
                    AcsOutput::Reply(Reply::BadRequest("a session starts with an Inform".into())),
                );
                out
            }
            State::AwaitingResponse { request, .. } => {
                vec![AcsOutput::NoResponse { request }, AcsOutput::NeedRequest]
            }
            _ => vec![AcsOutput::NeedRequest],
        }
    }

    fn on_first_envelope(&mut self, env: Envelope, seen: Option<Dialect>) -> Vec<AcsOutput> {
        let seen = seen.unwrap_or_default();
        let Message::Inform(inform) = env.body else {
            let fault = Fault::new(
                FaultCode::AcsInvalidArguments,
                "a session starts with an Inform",
            );
            self.dialect = Dialect {
                version: seen.version.min(self.config.max_version),
                ..seen
            };
            let mut out = vec![self.reply(env.header.id, fault.into())];
            out.extend(self.end_with(EndReason::Protocol(
                "first message was not an Inform".into(),
            )));
            return out;
        };
        let version = match &env.header.supported_cwmp_versions {
            Some(theirs) => match negotiate(self.config.max_version, theirs) {
                Some(v) => v,
                None => {
                    self.dialect = seen;
                    let fault = Fault::standard(FaultCode::AcsVersionIncompatible);
                    let mut out = vec![self.reply(env.header.id, fault.into())];
                    out.extend(self.end_with(EndReason::VersionMismatch));
                    return out;
                }
            },
            None => seen.version.min(self.config.max_version),
        };
        // Answer in the namespace the CPE used, whatever the version.
        self.dialect = Dialect {
            version,
            namespace: seen.namespace,
        };
        let id = &inform.device_id;
        if id.oui.trim().is_empty() || id.serial_number.trim().is_empty() {
            let fault = Fault::new(
                FaultCode::AcsInvalidArguments,
                "DeviceId lacks OUI or SerialNumber",
            );
            let mut out = vec![self.reply(env.header.id, fault.into())];
            out.extend(self.end_with(EndReason::Protocol(
                "Inform without a device identity".into(),
            )));
            return out;
        }
        if let Some(secs) = env.header.session_timeout.filter(|s| *s > 0) {
            self.idle_timeout = Duration::from_secs(u64::from(secs));
        }
        self.device_id = Some(inform.device_id.clone());
        self.state = State::CpeRequests;
        let header = Header {
            id: env.header.id,
            use_cwmp_version: env
                .header
                .supported_cwmp_versions
                .is_some()
                .then_some(version),
            ..Header::default()
        };
        let response = Envelope {
            header,
            body: InformResponse { max_envelopes: 1 }.into(),
        };
        vec![
            AcsOutput::Inform(Box::new(inform)),
            AcsOutput::Reply(Reply::Envelope(Box::new(response))),
        ]
    }

    fn on_envelope(&mut self, env: Envelope) -> Vec<AcsOutput> {
        let id = env.header.id.clone();
        match std::mem::replace(&mut self.state, State::CpeRequests) {
            State::AwaitingResponse { id: sent, request } => {
                let expected = request.response_name();
                // Responses are matched by ID; a CPE that omits the ID is given the benefit
                // of the doubt since only one request is ever outstanding.
                let id_matches = id.as_deref().is_none_or(|got| got == sent);
                match env.body {
                    Message::Fault(fault) => {
                        self.state = State::AwaitingCaller;
                        vec![
                            AcsOutput::Fault {
                                request,
                                fault: Box::new(fault),
                            },
                            AcsOutput::NeedRequest,
                        ]
                    }
                    body if id_matches && Some(body.name()) == expected.as_deref() => {
                        self.state = State::AwaitingCaller;
                        vec![
                            AcsOutput::Response {
                                request,
                                response: Box::new(body),
                            },
                            AcsOutput::NeedRequest,
                        ]
                    }
                    body if body.is_request() => {
                        // The CPE sent a request instead of answering ours.
                        let mut out = vec![AcsOutput::NoResponse { request }];
                        out.extend(self.on_cpe_request(id, body));
                        out
                    }
                    body => {
                        self.state = State::AwaitingCaller;
                        vec![
                            AcsOutput::Unexpected {
                                request,
                                response: Box::new(body),
                            },
                            AcsOutput::NeedRequest,
                        ]
                    }
                }
            }
            _ => {
                if env.body.is_request() {
                    self.on_cpe_request(id, env.body)
                } else {
                    let why = format!("{} answers nothing the ACS asked", env.body.name());
                    let mut out = self.end_with(EndReason::Protocol(why.clone()));
                    out.insert(0, AcsOutput::Reply(Reply::BadRequest(why)));
                    out
                }
            }
        }
    }

    fn on_cpe_request(&mut self, id: Option<String>, request: Message) -> Vec<AcsOutput> {
        self.state = State::CpeRequests;
        let response: Message = match &request {
            Message::TransferComplete(_) => TransferCompleteResponse {}.into(),
            Message::AutonomousTransferComplete(_) => AutonomousTransferCompleteResponse {}.into(),
            Message::RequestDownload(_) => RequestDownloadResponse {}.into(),
            Message::Kicked(k) => KickedResponse {
                next_url: k.next.clone(),
            }
            .into(),
            Message::DUStateChangeComplete(_) => DUStateChangeCompleteResponse {}.into(),
            Message::AutonomousDUStateChangeComplete(_) => {
                AutonomousDUStateChangeCompleteResponse {}.into()
            }
            Message::GetRPCMethods(_) => GetRPCMethodsResponse {
                method_list: acs_methods(self.dialect.version),
            }
            .into(),
            Message::Inform(_) => {
                let fault = Fault::new(FaultCode::AcsRequestDenied, "Inform inside a session");
                let mut out = vec![self.reply(id, fault.into())];
                out.extend(self.end_with(EndReason::Protocol("second Inform".into())));
                return out;
            }
            _ => {
                let fault = Fault::new(
                    FaultCode::AcsMethodNotSupported,
                    format!("{} is not supported by the ACS", request.name()),
                );
                return vec![self.reply(id, fault.into())];
            }
        };
        vec![
            AcsOutput::CpeRequest(Box::new(request)),
            self.reply(id, response),
        ]
    }

    fn reply(&self, id: Option<String>, body: Message) -> AcsOutput {
        let header = Header {
            id,
            ..Header::default()
        };
        AcsOutput::Reply(Reply::Envelope(Box::new(Envelope { header, body })))
    }

    /// Sends the ACS's next RPC to the CPE; valid only after [`AcsOutput::NeedRequest`].
    pub fn send_request(&mut self, request: Message) -> Result<Vec<AcsOutput>, RequestError> {
        if self.state != State::AwaitingCaller {
            return Err(RequestError::NotReady);
        }
        if !matches!(request.handler(), Some(Handler::Cpe | Handler::Both))
            || matches!(request, Message::Unknown(_))
        {
            return Err(RequestError::NotACpeMethod(request.name().to_string()));
        }
        if request.since() > self.dialect.version {
            return Err(RequestError::NotInVersion {
                method: request.name().to_string(),
                since: request.since(),
                version: self.dialect.version,
            });
        }
        self.next_id += 1;
        let id = format!("acs-{}", self.next_id);
        let envelope = Envelope::new(id.clone(), request.clone());
        self.state = State::AwaitingResponse {
            id,
            request: Box::new(request),
        };
        Ok(vec![AcsOutput::Reply(Reply::Envelope(Box::new(envelope)))])
    }

    /// Ends the session with an empty response; valid only after [`AcsOutput::NeedRequest`].
    pub fn end(&mut self) -> Result<Vec<AcsOutput>, RequestError> {
        if self.state != State::AwaitingCaller {
            return Err(RequestError::NotReady);
        }
        let mut out = vec![AcsOutput::Reply(Reply::Empty)];
        out.extend(self.end_with(EndReason::Completed));
        Ok(out)
    }

    /// The idle timeout passed without a POST.
    pub fn on_timeout(&mut self) -> Vec<AcsOutput> {
        if self.state == State::Ended {
            return Vec::new();
        }
        self.end_with(EndReason::TimedOut)
    }

    fn end_with(&mut self, reason: EndReason) -> Vec<AcsOutput> {
        let mut out = Vec::new();
        if let State::AwaitingResponse { request, .. } =
            std::mem::replace(&mut self.state, State::Ended)
        {
            out.push(AcsOutput::NoResponse { request });
        }
        out.push(AcsOutput::Ended(reason));
        out
    }
}

/// The methods an ACS implements in `version`, for GetRPCMethodsResponse.
pub fn acs_methods(version: CwmpVersion) -> Vec<String> {
    let mut methods = vec![
        "Inform",
        "GetRPCMethods",
        "TransferComplete",
        "RequestDownload",
        "Kicked",
    ];
    if version >= CwmpVersion::V1_1 {
        methods.push("AutonomousTransferComplete");
    }
    if version >= CwmpVersion::V1_2 {
        methods.extend(["DUStateChangeComplete", "AutonomousDUStateChangeComplete"]);
    }
    methods.into_iter().map(String::from).collect()
}

#[cfg(test)]
#[path = "acs_tests.rs"]
mod tests;
