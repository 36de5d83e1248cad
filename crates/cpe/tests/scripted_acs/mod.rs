//! A scripted ACS for the CPE's end-to-end tests: hyper on 127.0.0.1 (port 0) in front of the
//! sans-IO [`AcsSession`] machine of the `cwmp` crate.
//!
//! - Sessions are tied together by a cookie the ACS sets on its first answer.
//! - The RPCs the ACS sends come from a queue ([`ScriptedAcs::push`]): whenever the CPE waits
//!   for the ACS, the next queued RPC is sent; with the queue empty the session ends (204).
//! - Everything is recorded ([`Log`]): every CPE envelope as bytes (for schema validation) and,
//!   per session, the Inform, the CPE's own requests, and each RPC with its response or fault.
//! - Optional digest authentication of the CPE ([`ScriptedAcs::start_with_digest`]).
//! - A hook sees each session's Inform and may stall the session or drop the connection.
//!
//! Tests wait for what they expect with [`ScriptedAcs::wait_for`], which fails with the log
//! after a timeout instead of hanging.

#![allow(dead_code, unused_imports)]

pub mod device;
pub mod files;
pub mod record;
pub mod rpc;
pub mod schema;
mod server;

pub use device::connection_request;
pub use record::{Exchange, InformAction, Log, Outcome, SessionRecord};

use cwmp::Message;
use cwmp::auth::DigestServer;
use cwmp::message::Inform;
use cwmp::session::AcsSession;
use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

/// The cookie naming a session.
pub const COOKIE: &str = "scripted-acs-session";

type InformHook = Box<dyn Fn(&Inform) -> InformAction + Send + Sync>;

struct Open {
    machine: AcsSession,
    /// Index of its record in the log.
    record: usize,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Message>,
    open: HashMap<u64, Open>,
    next_id: u64,
    log: Log,
}

struct DigestAuth {
    server: DigestServer,
    username: String,
    password: String,
}

struct Inner {
    state: Mutex<State>,
    changes: watch::Sender<u64>,
    digest: Option<DigestAuth>,
    hook: Mutex<Option<InformHook>>,
    shutdown: CancellationToken,
}

/// The ACS. Dropping it stops the server (stalled sessions are then cut).
pub struct ScriptedAcs {
    pub addr: SocketAddr,
    inner: Arc<Inner>,
}

impl Drop for ScriptedAcs {
    fn drop(&mut self) {
        self.inner.shutdown.cancel();
    }
}

impl ScriptedAcs {
    pub async fn start() -> ScriptedAcs {
        Self::launch(None).await
    }

    /// An ACS that requires digest credentials on every POST.
    pub async fn start_with_digest(username: &str, password: &str) -> ScriptedAcs {
        let auth = DigestAuth {
            server: DigestServer::new("scripted-acs", rand::random::<[u8; 32]>()),
            username: username.into(),
            password: password.into(),
        };
        Self::launch(Some(auth)).await
    }

    async fn launch(digest: Option<DigestAuth>) -> ScriptedAcs {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the ACS");
        let addr = listener.local_addr().expect("bound address");
        let inner = Arc::new(Inner {
            state: Mutex::new(State::default()),
            changes: watch::channel(0).0,
            digest,
            hook: Mutex::new(None),
            shutdown: CancellationToken::new(),
        });
        tokio::spawn(server::accept_loop(listener, Arc::clone(&inner)));
        ScriptedAcs { addr, inner }
    }

    pub fn url(&self) -> String {
        format!("http://{}/acs", self.addr)
    }

    /// Queues an RPC for the next session that waits for one.
    pub fn push(&self, rpc: impl Into<Message>) {
        self.inner.state.lock().unwrap().queue.push_back(rpc.into());
    }

    pub fn push_all(&self, rpcs: impl IntoIterator<Item = Message>) {
        self.inner.state.lock().unwrap().queue.extend(rpcs);
    }

    pub fn queued(&self) -> usize {
        self.inner.state.lock().unwrap().queue.len()
    }

    /// Called with each session's Inform; decides what the ACS does with the session.
    pub fn set_inform_hook(&self, hook: impl Fn(&Inform) -> InformAction + Send + Sync + 'static) {
        *self.inner.hook.lock().unwrap() = Some(Box::new(hook));
    }

    pub fn clear_inform_hook(&self) {
        *self.inner.hook.lock().unwrap() = None;
    }

    pub fn log(&self) -> Log {
        self.inner.state.lock().unwrap().log.clone()
    }

    /// Waits until `check` finds what it looks for in the log; panics with the log after
    /// `limit`.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        limit: Duration,
        mut check: impl FnMut(&Log) -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let mut changes = self.inner.changes.subscribe();
            if let Some(found) = check(&self.inner.state.lock().unwrap().log) {
                return found;
            }
            if tokio::time::timeout_at(deadline, changes.changed())
                .await
                .is_err()
            {
                panic!(
                    "timed out after {limit:?} waiting for {what}\n{}",
                    self.log().describe()
                );
            }
        }
    }

    /// Waits for a session after the first `after` ones that `pred` accepts and that has
    /// ended (or, for a stalled one, only been opened).
    pub async fn wait_session(
        &self,
        what: &str,
        limit: Duration,
        after: usize,
        pred: impl Fn(&SessionRecord) -> bool,
    ) -> SessionRecord {
        self.wait_for(what, limit, |log| {
            log.sessions
                .iter()
                .skip(after)
                .find(|s| (s.end.is_some() || s.action == InformAction::Stall) && pred(s))
                .cloned()
        })
        .await
    }
}
