//! What the scripted ACS records: sessions, the RPCs it sent and how the CPE answered.

use cwmp::message::{Fault, Inform};
use cwmp::session::EndReason;
use cwmp::{EventCode, Message};

/// What the ACS does with a session once it has seen its Inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InformAction {
    /// Answer and run the session.
    Accept,
    /// Never answer the Inform (until the ACS is dropped): the CPE hangs mid-session.
    Stall,
    /// Close the connection without answering.
    Drop,
}

/// How the CPE answered one of the ACS's RPCs.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Response(Message),
    Fault(Fault),
    /// Something that does not answer the request.
    Unexpected(Message),
    /// No answer (the CPE moved on, or the session ended first).
    NoResponse,
    /// The session machine refused to send it (e.g. not in the negotiated version).
    NotSent(String),
}

/// One RPC of the ACS and what came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    pub request: Message,
    pub outcome: Outcome,
}

impl Exchange {
    /// The response, or a panic naming what came instead.
    pub fn response(&self) -> &Message {
        match &self.outcome {
            Outcome::Response(m) => m,
            other => panic!("{} got {other:?}, not a response", self.request.name()),
        }
    }

    /// The fault, or a panic naming what came instead.
    pub fn fault(&self) -> &Fault {
        match &self.outcome {
            Outcome::Fault(f) => f,
            other => panic!("{} got {other:?}, not a fault", self.request.name()),
        }
    }

    pub fn fault_code(&self) -> u32 {
        self.fault().code().code()
    }
}

/// One session as the ACS saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
    pub id: u64,
    pub inform: Inform,
    pub action: InformAction,
    /// TransferComplete, DUStateChangeComplete, ... in the order they came.
    pub cpe_requests: Vec<Message>,
    pub exchanges: Vec<Exchange>,
    /// `None` while the session is open (or stalled).
    pub end: Option<EndReason>,
}

impl SessionRecord {
    pub fn serial(&self) -> &str {
        &self.inform.device_id.serial_number
    }

    /// The event codes of the Inform, as on the wire.
    pub fn events(&self) -> Vec<String> {
        self.inform
            .event
            .iter()
            .map(|e| e.event_code.to_string())
            .collect()
    }

    pub fn has_event(&self, code: &str) -> bool {
        self.inform.has_event(&EventCode::parse(code))
    }

    /// Whether the Inform has `code` with this CommandKey.
    pub fn has_event_with_key(&self, code: &str, key: &str) -> bool {
        let code = EventCode::parse(code);
        self.inform
            .event
            .iter()
            .any(|e| e.event_code == code && e.command_key == key)
    }

    /// A parameter of the Inform's ParameterList.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.inform.parameter(name)
    }

    pub fn completed(&self) -> bool {
        self.end == Some(EndReason::Completed)
    }

    /// The exchange of the first request named `method`.
    pub fn exchange(&self, method: &str) -> &Exchange {
        self.exchanges
            .iter()
            .find(|e| e.request.name() == method)
            .unwrap_or_else(|| panic!("no {method} in session {}", self.id))
    }
}

/// Everything the ACS saw.
#[derive(Debug, Clone, Default)]
pub struct Log {
    pub sessions: Vec<SessionRecord>,
    /// Every non-empty body the CPE posted, in order.
    pub envelopes: Vec<Vec<u8>>,
    /// 401s sent.
    pub challenges: usize,
    /// 400s sent, with their reasons.
    pub bad_requests: Vec<String>,
}

impl Log {
    /// A short description, for failure messages.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for s in &self.sessions {
            let rpcs: Vec<String> = s
                .exchanges
                .iter()
                .map(|e| match &e.outcome {
                    Outcome::Fault(f) => format!("{}->{}", e.request.name(), f.code().code()),
                    Outcome::Response(_) => e.request.name().to_string(),
                    other => format!("{}->{other:?}", e.request.name()),
                })
                .collect();
            let cpe: Vec<&str> = s.cpe_requests.iter().map(Message::name).collect();
            out.push_str(&format!(
                "session {} {} events {:?} cpe {:?} rpcs {:?} end {:?}\n",
                s.id,
                s.serial(),
                s.events(),
                cpe,
                rpcs,
                s.end
            ));
        }
        out.push_str(&format!(
            "{} envelopes, {} challenges, bad requests {:?}",
            self.envelopes.len(),
            self.challenges,
            self.bad_requests
        ));
        out
    }
}
