//! The CPE side of a session as a sans-IO state machine.
//!
//! The driver POSTs what [`CpeAction::Post`] / [`CpeAction::PostEmpty`] say, feeds every HTTP
//! response to [`CpeSession::on_response`], and stops at [`CpeAction::Finished`]. Requests
//! from the ACS are answered through [`CpeHandler`], synchronously: a real transfer or reboot
//! is only scheduled by the handler and carried out after the session.

use crate::codec::{Dialect, Envelope, Header, decode};
use crate::datetime::DateTime;
use crate::event::EventCode;
use crate::fault::FaultCode;
use crate::message::{
    DeviceIdStruct, EventStruct, Fault, Handler, Inform, Message, ParameterValueStruct,
};
use crate::version::{CwmpVersion, negotiate};

/// Answers the ACS's requests from the device's data model.
pub trait CpeHandler {
    /// Returns the response to `request`, or a [`Message::Fault`].
    fn handle(&mut self, request: &Message) -> Message;
}

/// What the CPE is and what it speaks.
#[derive(Debug, Clone, PartialEq)]
pub struct CpeConfig {
    pub device_id: DeviceIdStruct,
    /// The highest CWMP version the CPE supports; the Inform is sent in this version.
    pub version: CwmpVersion,
}

/// The Inform's variable content, gathered by the device runtime before the session.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InformContent {
    pub events: Vec<EventStruct>,
    /// The forced parameters plus any with changed notified values.
    pub parameters: Vec<ParameterValueStruct>,
    /// Consecutive failed sessions before this one.
    pub retry_count: u32,
    pub current_time: DateTime,
}

/// What the driver must do next.
#[derive(Debug, Clone, PartialEq)]
pub enum CpeAction {
    /// POST this envelope, encoded in [`CpeSession::dialect`].
    Post(Envelope),
    /// POST an empty body: the CPE has no more requests.
    PostEmpty,
    /// The session is over; close the connection.
    Finished(CpeOutcome),
}

/// Why a session failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionFailure {
    /// Connection refused, reset or timed out.
    Transport,
    /// The ACS answered with an HTTP status that is not 200/204.
    HttpStatus(u16),
    /// The ACS's body could not be decoded.
    Malformed(String),
    /// The ACS answered the Inform with a fault (e.g. 8005 retry request).
    InformFault(FaultCode),
    /// The ACS broke the session rules.
    Protocol(String),
}

/// How the session went: what the runtime must keep for the next one.
#[derive(Debug, Clone, PartialEq)]
pub struct CpeOutcome {
    pub result: Result<(), SessionFailure>,
    /// Once the InformResponse arrived the events are delivered, even if the session fails
    /// later.
    pub inform_acknowledged: bool,
    /// The events to send again in the next session (empty once acknowledged).
    pub events_to_retry: Vec<EventStruct>,
    /// CPE requests the ACS answered, in order.
    pub delivered: Vec<Message>,
    /// CPE requests still queued: send them in a later session.
    pub undelivered: Vec<Message>,
    /// The dialect the session settled on, to start the next one with.
    pub dialect: Dialect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    AwaitingInformResponse,
    /// Waiting for the answer to our request `queue[0]`.
    AwaitingRequestResponse,
    /// Our last POST carried a response to the ACS or was empty.
    AwaitingAcs,
    Done,
}

/// One session from the CPE's side.
#[derive(Debug)]
pub struct CpeSession {
    config: CpeConfig,
    inform: InformContent,
    queue: std::collections::VecDeque<Message>,
    delivered: Vec<Message>,
    dialect: Dialect,
    state: State,
    hold_requests: bool,
    empty_post_sent: bool,
    inform_acknowledged: bool,
    /// A request refused with a fault is not offered again in the same session.
    stop_requests: bool,
    next_id: u32,
}

/// At most this many events fit in an Inform (the schema's EventList bound).
pub const MAX_EVENTS: usize = 64;

impl CpeSession {
    /// `queued` holds the CPE's own requests (TransferComplete, ...), sent after the Inform.
    pub fn new(config: CpeConfig, inform: InformContent, queued: Vec<Message>) -> CpeSession {
        let dialect = Dialect::standard(config.version);
        CpeSession {
            config,
            inform,
            queue: queued.into(),
            delivered: Vec::new(),
            dialect,
            state: State::New,
            hold_requests: false,
            empty_post_sent: false,
            inform_acknowledged: false,
            stop_requests: false,
            next_id: 0,
        }
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn is_finished(&self) -> bool {
        self.state == State::Done
    }

    fn new_id(&mut self) -> String {
        self.next_id += 1;
        format!("cpe-{}", self.next_id)
    }

    /// The Inform: events deduplicated (single-instance codes once), capped at 64.
    pub fn build_inform(&self) -> Inform {
        let mut events: Vec<EventStruct> = Vec::new();
        for e in &self.inform.events {
            let dup = events.iter().any(|x| {
                x.event_code == e.event_code
                    && (e.event_code.is_single() || x.command_key == e.command_key)
            });
            if !dup && events.len() < MAX_EVENTS {
                events.push(e.clone());
            }
        }
        Inform {
            device_id: self.config.device_id.clone(),
            event: events,
            max_envelopes: 1,
            current_time: self.inform.current_time,
            retry_count: self.inform.retry_count,
            parameter_list: self.inform.parameters.clone(),
        }
    }

    /// Opens the session: the first action is always the Inform.
    pub fn start(&mut self) -> CpeAction {
        if self.state != State::New {
            return self.fail(SessionFailure::Protocol("session started twice".into()));
        }
        let mut header = Header::with_id(self.new_id());
        if self.config.version >= CwmpVersion::V1_4 {
            header.supported_cwmp_versions = Some(
                CwmpVersion::ALL
                    .iter()
                    .copied()
                    .filter(|v| *v <= self.config.version)
                    .collect(),
            );
        }
        self.state = State::AwaitingInformResponse;
        CpeAction::Post(Envelope {
            header,
            body: self.build_inform().into(),
        })
    }

    /// The HTTP exchange failed before a response arrived.
    pub fn on_transport_error(&mut self) -> CpeAction {
        self.fail(SessionFailure::Transport)
    }

    /// Feeds the ACS's HTTP response (after any authentication round trips, which belong to
    /// the HTTP layer).
    pub fn on_response(
        &mut self,
        status: u16,
        body: &[u8],
        handler: &mut dyn CpeHandler,
    ) -> CpeAction {
        if self.state == State::Done || self.state == State::New {
            return self.fail(SessionFailure::Protocol(
                "response outside a session".into(),
            ));
        }
        if status != 200 && status != 204 {
            return self.fail(SessionFailure::HttpStatus(status));
        }
        let decoded = match decode(body) {
            Ok(d) => d,
            Err(e) => return self.fail(SessionFailure::Malformed(e.to_string())),
        };
        // Only one envelope per HTTP message is exchanged (MaxEnvelopes 1); extras are ignored.
        let envelope = decoded.envelopes.into_iter().next();
        if let Some(env) = &envelope {
            self.hold_requests = env.header.hold_requests.unwrap_or(false);
            if self.state == State::AwaitingInformResponse {
                self.adopt_dialect(decoded.dialect, &env.header);
            }
        } else {
            self.hold_requests = false;
        }
        match self.state {
            State::AwaitingInformResponse => self.on_inform_answer(envelope),
            State::AwaitingRequestResponse => self.on_request_answer(envelope, handler),
            _ => self.on_acs_message(envelope, handler),
        }
    }

    fn adopt_dialect(&mut self, seen: Option<Dialect>, header: &Header) {
        if let Some(seen) = seen
            && seen.version <= self.config.version
        {
            self.dialect = seen;
        }
        if let Some(chosen) = header.use_cwmp_version
            && negotiate(self.config.version, &[chosen]).is_some()
        {
            self.dialect.version = chosen;
        }
    }

    fn on_inform_answer(&mut self, envelope: Option<Envelope>) -> CpeAction {
        match envelope.map(|e| e.body) {
            Some(Message::InformResponse(_)) => {
                self.inform_acknowledged = true;
                self.next_own_post()
            }
            Some(Message::Fault(f)) => self.fail(SessionFailure::InformFault(f.code())),
            Some(other) => self.fail(SessionFailure::Protocol(format!(
                "expected InformResponse, got {}",
                other.name()
            ))),
            None => self.fail(SessionFailure::Protocol("empty answer to Inform".into())),
        }
    }

    fn on_request_answer(
        &mut self,
        envelope: Option<Envelope>,
        handler: &mut dyn CpeHandler,
    ) -> CpeAction {
        let Some(env) = envelope else {
            return self.fail(SessionFailure::Protocol(
                "empty answer while a CPE request was outstanding".into(),
            ));
        };
        let expected = self.queue.front().and_then(Message::response_name);
        match &env.body {
            Message::Fault(_) => {
                // The ACS refused it (8005 asks for a later retry); keep it for the next
                // session rather than loop on it now.
                self.stop_requests = true;
                self.next_own_post()
            }
            body if Some(body.name()) == expected.as_deref() => {
                if let Some(done) = self.queue.pop_front() {
                    self.delivered.push(done);
                }
                self.next_own_post()
            }
            body if body.is_request() => {
                // Some ACSes send a request instead of our response; answer it, and offer
                // our request again later.
                self.answer(env, handler)
            }
            other => self.fail(SessionFailure::Protocol(format!(
                "expected {}, got {}",
                expected.unwrap_or_default(),
                other.name()
            ))),
        }
    }

    fn on_acs_message(
        &mut self,
        envelope: Option<Envelope>,
        handler: &mut dyn CpeHandler,
    ) -> CpeAction {
        match envelope {
            None => {
                // The ACS has nothing more. The session ends once we have said the same.
                if self.may_send_request() {
                    return self.post_request();
                }
                if self.empty_post_sent {
                    return self.finish();
                }
                self.empty_post_sent = true;
                CpeAction::PostEmpty
            }
            Some(env) if env.body.is_request() => self.answer(env, handler),
            Some(env) => self.fail(SessionFailure::Protocol(format!(
                "unexpected {} from the ACS",
                env.body.name()
            ))),
        }
    }

    fn answer(&mut self, env: Envelope, handler: &mut dyn CpeHandler) -> CpeAction {
        let response = match (&env.body, env.body.handler()) {
            (Message::Unknown(_), _) | (_, Some(Handler::Acs)) => {
                Message::Fault(Fault::standard(FaultCode::MethodNotSupported))
            }
            (request, _) => handler.handle(request),
        };
        let header = Header {
            id: env.header.id.clone(),
            ..Header::default()
        };
        self.state = State::AwaitingAcs;
        CpeAction::Post(Envelope {
            header,
            body: response,
        })
    }

    fn may_send_request(&self) -> bool {
        !self.hold_requests && !self.stop_requests && !self.queue.is_empty()
    }

    fn post_request(&mut self) -> CpeAction {
        let Some(request) = self.queue.front().cloned() else {
            return self.fail(SessionFailure::Protocol("no request to send".into()));
        };
        let id = self.new_id();
        self.state = State::AwaitingRequestResponse;
        CpeAction::Post(Envelope::new(id, request))
    }

    /// After the ACS answered something of ours: our next request, or the empty POST.
    fn next_own_post(&mut self) -> CpeAction {
        if self.may_send_request() {
            return self.post_request();
        }
        self.empty_post_sent = true;
        self.state = State::AwaitingAcs;
        CpeAction::PostEmpty
    }

    fn outcome(&mut self, result: Result<(), SessionFailure>) -> CpeOutcome {
        let events_to_retry = if self.inform_acknowledged {
            Vec::new()
        } else {
            self.inform
                .events
                .iter()
                .filter(|e| e.event_code.retried_after_failure())
                .cloned()
                .collect()
        };
        CpeOutcome {
            result,
            inform_acknowledged: self.inform_acknowledged,
            events_to_retry,
            delivered: std::mem::take(&mut self.delivered),
            undelivered: self.queue.drain(..).collect(),
            dialect: self.dialect,
        }
    }

    fn finish(&mut self) -> CpeAction {
        self.state = State::Done;
        CpeAction::Finished(self.outcome(Ok(())))
    }

    fn fail(&mut self, failure: SessionFailure) -> CpeAction {
        self.state = State::Done;
        CpeAction::Finished(self.outcome(Err(failure)))
    }
}

/// The parameters every Inform must carry, by root object (TR-069 Annex / TR-181, TR-098).
pub fn forced_inform_parameters(root: &str) -> &'static [&'static str] {
    match root.trim_end_matches('.') {
        "InternetGatewayDevice" => &[
            "InternetGatewayDevice.DeviceSummary",
            "InternetGatewayDevice.DeviceInfo.SpecVersion",
            "InternetGatewayDevice.DeviceInfo.HardwareVersion",
            "InternetGatewayDevice.DeviceInfo.SoftwareVersion",
            "InternetGatewayDevice.DeviceInfo.ProvisioningCode",
            "InternetGatewayDevice.ManagementServer.ParameterKey",
            "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress",
        ],
        _ => &[
            "Device.RootDataModelVersion",
            "Device.DeviceInfo.HardwareVersion",
            "Device.DeviceInfo.SoftwareVersion",
            "Device.DeviceInfo.ProvisioningCode",
            "Device.ManagementServer.ParameterKey",
            "Device.ManagementServer.ConnectionRequestURL",
            "Device.ManagementServer.AliasBasedAddressing",
        ],
    }
}

/// Whether `code` in a failed session's Inform is kept for the retry.
pub fn survives_failed_session(code: &EventCode) -> bool {
    code.retried_after_failure()
}

#[cfg(test)]
#[path = "cpe_tests.rs"]
mod tests;
