//! The HTTP side of the scripted ACS: cookies, digest authentication, and feeding each POST
//! through the session machine while recording what happens.

use super::record::{Exchange, InformAction, Outcome, SessionRecord};
use super::{COOKIE, Inner, Open, State};
use bytes::Bytes;
use cwmp::Message;
use cwmp::auth::AuthError;
use cwmp::session::{AcsConfig, AcsOutput, AcsSession, Reply};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

pub(super) async fn accept_loop(listener: TcpListener, inner: Arc<Inner>) {
    loop {
        let accepted = tokio::select! {
            () = inner.shutdown.cancelled() => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, _)) = accepted else { continue };
        let inner = Arc::clone(&inner);
        tokio::spawn(async move {
            let shutdown = inner.shutdown.clone();
            let service = hyper::service::service_fn(move |req| {
                let inner = Arc::clone(&inner);
                async move { serve(&inner, req).await }
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = conn => {}
                () = shutdown.cancelled() => {}
            }
        });
    }
}

fn respond(status: StatusCode, body: Vec<u8>, cookie: Option<u64>) -> Response<Full<Bytes>> {
    let mut builder = Response::builder().status(status);
    if !body.is_empty() {
        builder = builder.header("Content-Type", "text/xml; charset=\"utf-8\"");
    }
    if let Some(id) = cookie {
        builder = builder.header("Set-Cookie", format!("{COOKIE}={id}; Path=/"));
    }
    builder
        .body(Full::new(Bytes::from(body)))
        .expect("response")
}

fn session_cookie(req: &Request<Incoming>) -> Option<u64> {
    req.headers()
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| value.parse().ok())
}

/// What the HTTP layer must do after a POST went through the machine.
enum Answer {
    Reply(Response<Full<Bytes>>),
    Stall,
    Drop,
}

async fn serve(
    inner: &Arc<Inner>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, std::io::Error> {
    if req.method() != hyper::Method::POST {
        return Ok(respond(StatusCode::METHOD_NOT_ALLOWED, Vec::new(), None));
    }
    if let Some(auth) = &inner.digest {
        let header = req
            .headers()
            .get("authorization")
            .and_then(|h| h.to_str().ok());
        let now = now_unix();
        let lookup = |user: &str| (user == auth.username).then(|| auth.password.clone());
        let verdict = header.map(|h| {
            auth.server
                .verify_request(h, "POST", &req.uri().to_string(), now, lookup)
        });
        if !matches!(verdict, Some(Ok(_))) {
            let stale = matches!(verdict, Some(Err(AuthError::Stale)));
            inner.state.lock().unwrap().log.challenges += 1;
            let mut r = respond(StatusCode::UNAUTHORIZED, Vec::new(), None);
            let challenge = auth.server.challenge(now, stale);
            r.headers_mut()
                .insert("WWW-Authenticate", challenge.parse().expect("header value"));
            return Ok(r);
        }
    }
    let cookie = session_cookie(&req);
    let body = req
        .into_body()
        .collect()
        .await
        .map_err(std::io::Error::other)?
        .to_bytes();
    let answer = process(inner, cookie, &body);
    inner.changes.send_modify(|v| *v += 1);
    match answer {
        Answer::Reply(r) => Ok(r),
        Answer::Drop => Err(std::io::Error::other("the script drops this connection")),
        Answer::Stall => {
            inner.shutdown.cancelled().await;
            Err(std::io::Error::other("the ACS stopped"))
        }
    }
}

/// Feeds one POST to its session machine, recording everything, and says how to answer.
fn process(inner: &Inner, cookie: Option<u64>, body: &[u8]) -> Answer {
    let mut guard = inner.state.lock().unwrap();
    let state = &mut *guard;
    if !body.is_empty() {
        state.log.envelopes.push(body.to_vec());
    }
    let id = match cookie.filter(|id| state.open.contains_key(id)) {
        Some(id) => id,
        None => {
            state.next_id += 1;
            let id = state.next_id;
            let machine = AcsSession::new(AcsConfig::default());
            state.open.insert(
                id,
                Open {
                    machine,
                    record: usize::MAX,
                },
            );
            id
        }
    };
    let mut pending: VecDeque<AcsOutput> = {
        let open = state.open.get_mut(&id).expect("open session");
        open.machine.on_post(body).into()
    };
    let mut reply = None;
    let mut answer = None;
    while let Some(output) = pending.pop_front() {
        let State {
            queue, open, log, ..
        } = &mut *state;
        let Some(session) = open.get_mut(&id) else {
            break;
        };
        let record = log.sessions.get_mut(session.record);
        match output {
            AcsOutput::Inform(inform) => {
                let action = match &*inner.hook.lock().unwrap() {
                    Some(hook) => hook(&inform),
                    None => InformAction::Accept,
                };
                session.record = log.sessions.len();
                log.sessions.push(SessionRecord {
                    id,
                    inform: *inform,
                    action,
                    cpe_requests: Vec::new(),
                    exchanges: Vec::new(),
                    end: None,
                });
                match action {
                    InformAction::Accept => {}
                    InformAction::Stall => answer = Some(Answer::Stall),
                    InformAction::Drop => answer = Some(Answer::Drop),
                }
                if answer.is_some() {
                    open.remove(&id);
                    break;
                }
            }
            AcsOutput::CpeRequest(m) => {
                if let Some(r) = record {
                    r.cpe_requests.push(*m);
                }
            }
            AcsOutput::Response { request, response } => {
                record_exchange(record, *request, Outcome::Response(*response));
            }
            AcsOutput::Fault { request, fault } => {
                record_exchange(record, *request, Outcome::Fault(*fault));
            }
            AcsOutput::Unexpected { request, response } => {
                record_exchange(record, *request, Outcome::Unexpected(*response));
            }
            AcsOutput::NoResponse { request } => {
                record_exchange(record, *request, Outcome::NoResponse);
            }
            AcsOutput::NeedRequest => {
                let next = loop {
                    let Some(rpc) = queue.pop_front() else {
                        break session.machine.end().expect("the machine waits");
                    };
                    match session.machine.send_request(rpc.clone()) {
                        Ok(out) => break out,
                        Err(e) => {
                            let r = log.sessions.get_mut(session.record);
                            record_exchange(r, rpc, Outcome::NotSent(e.to_string()));
                        }
                    }
                };
                pending.extend(next);
            }
            AcsOutput::Reply(r) => reply = Some(r),
            AcsOutput::Ended(reason) => {
                if let Some(r) = record {
                    r.end = Some(reason);
                }
            }
        }
    }
    if let Some(answer) = answer {
        return answer;
    }
    let (dialect, ended) = match state.open.get(&id) {
        Some(s) => (s.machine.dialect(), s.machine.is_ended()),
        None => (cwmp::Dialect::default(), true),
    };
    if ended {
        state.open.remove(&id);
    }
    Answer::Reply(match reply {
        Some(Reply::Envelope(env)) => {
            let bytes = cwmp::encode(&env, dialect).expect("the ACS encodes its replies");
            respond(StatusCode::OK, bytes, Some(id))
        }
        Some(Reply::Empty) | None => respond(StatusCode::NO_CONTENT, Vec::new(), Some(id)),
        Some(Reply::BadRequest(why)) => {
            state.log.bad_requests.push(why);
            respond(StatusCode::BAD_REQUEST, Vec::new(), None)
        }
    })
}

fn record_exchange(record: Option<&mut SessionRecord>, request: Message, outcome: Outcome) {
    if let Some(r) = record {
        r.exchanges.push(Exchange { request, outcome });
    }
}
