//! The CWMP endpoint: HTTP/1.1 POSTs from CPEs, a session per cookie, CPE authentication,
//! compressed bodies, body limits, idle sessions expired.

mod auth;
pub(crate) mod listener;
mod live;

use crate::api::TaskEvents;
use crate::config::AcsConfig;
use crate::metrics::Metrics;
use crate::store::Store;
use bytes::Bytes;
use cwmp::auth::DigestServer;
use cwmp::session::AcsSession;
use http::{HeaderMap, HeaderValue, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use live::{HttpAnswer, LiveSession};
use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio_util::sync::CancellationToken;

const COOKIE: &str = "cwmp-session";

/// What the endpoint answers with.
type HttpResponse = Response<Full<Bytes>>;

/// A response with a status and a plain-text body (empty for none).
fn reply(status: StatusCode, text: impl Into<Bytes>) -> HttpResponse {
    let mut r = Response::new(Full::new(text.into()));
    *r.status_mut() = status;
    r
}

pub struct CwmpState<S> {
    pub store: Arc<S>,
    pub config: Arc<AcsConfig>,
    pub metrics: Arc<Metrics>,
    pub task_events: Arc<TaskEvents>,
    /// The port the file server actually bound, for derived download URLs.
    pub fs_port: u16,
    /// Programs provision scripts call with `ext()`.
    pub extensions: crate::provision::ext::Extensions,
    /// Script runs remembered across sessions.
    pub script_cache: Arc<crate::provision::sandbox::ScriptCache>,
    digest: DigestServer,
    sessions: Mutex<HashMap<String, Arc<tokio::sync::Mutex<LiveSession>>>>,
}

impl<S> std::fmt::Debug for CwmpState<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CwmpState")
            .field("fs_port", &self.fs_port)
            .finish()
    }
}

impl<S: Store> CwmpState<S> {
    pub fn new(
        store: Arc<S>,
        config: Arc<AcsConfig>,
        metrics: Arc<Metrics>,
        task_events: Arc<TaskEvents>,
        fs_port: u16,
    ) -> CwmpState<S> {
        let key: [u8; 32] = rand::random();
        CwmpState {
            extensions: config.provisioning.extensions(),
            script_cache: Arc::new(config.provisioning.script_cache()),
            store,
            config,
            metrics,
            task_events,
            fs_port,
            digest: DigestServer::new("cwmp-acs", key),
            sessions: Mutex::new(HashMap::new()),
        }
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The value of our session cookie, tolerating the odd separators devices produce
/// (`a=1;b=2`, `a=1 ; b=2`, `a=1, b=2`).
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|line| {
            line.split([';', ',']).find_map(|pair| {
                let (name, value) = pair.split_once('=')?;
                (name.trim() == COOKIE).then(|| value.trim().trim_matches('"').to_string())
            })
        })
}

/// 128 random bits: a session cookie must not be guessable.
fn new_cookie() -> String {
    let bytes: [u8; 16] = rand::random();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut cookie = String::with_capacity(32);
    for b in bytes {
        cookie.push(char::from(HEX[usize::from(b >> 4)]));
        cookie.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    cookie
}

/// Undoes `Content-Encoding: gzip` / `deflate`, refusing to inflate past `limit`.
/// The body as the session reads it; `Err` is the status and reason to refuse it with.
fn decode_body(
    headers: &HeaderMap,
    body: Bytes,
    limit: usize,
) -> Result<Vec<u8>, (StatusCode, String)> {
    let too_large = || (StatusCode::PAYLOAD_TOO_LARGE, "body too large".to_string());
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let mut out = Vec::new();
    let read = match encoding.as_str() {
        "" | "identity" => {
            return if body.len() > limit {
                Err(too_large())
            } else {
                Ok(body.to_vec())
            };
        }
        "gzip" | "x-gzip" => flate2::read::GzDecoder::new(&body[..])
            .take(limit as u64 + 1)
            .read_to_end(&mut out),
        "deflate" => {
            // Some clients send raw deflate, others zlib-wrapped: try zlib first.
            let zlib = flate2::read::ZlibDecoder::new(&body[..])
                .take(limit as u64 + 1)
                .read_to_end(&mut out);
            if zlib.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..])
                    .take(limit as u64 + 1)
                    .read_to_end(&mut out)
            } else {
                zlib
            }
        }
        other => {
            return Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("unsupported Content-Encoding {other}"),
            ));
        }
    };
    read.map_err(|e| {
        (
            StatusCode::BAD_REQUEST,
            format!("cannot decompress the body: {e}"),
        )
    })?;
    if out.len() > limit {
        return Err(too_large());
    }
    Ok(out)
}

/// One POST of a CPE. Never fails: every problem is an HTTP answer.
pub(crate) async fn handle<S: Store>(
    state: Arc<CwmpState<S>>,
    peer: SocketAddr,
    request: Request<Incoming>,
) -> Result<HttpResponse, Infallible> {
    let (parts, body) = request.into_parts();
    Ok(answer_post(&state, peer, &parts.uri, &parts.headers, body).await)
}

async fn answer_post<S: Store>(
    state: &Arc<CwmpState<S>>,
    peer: SocketAddr,
    uri: &http::Uri,
    headers: &HeaderMap,
    body: Incoming,
) -> HttpResponse {
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    if let Some(refusal) = auth::refuse_basic_over_http(&state.config.cwmp, false) {
        return refusal;
    }
    let limit = usize::try_from(state.config.cwmp.body_limit).unwrap_or(usize::MAX);
    // A compressed body may be smaller than what it inflates to, never twice the limit.
    let raw = match tokio::time::timeout(
        state.config.cwmp.read_timeout(),
        Limited::new(body, limit.saturating_mul(2).max(1024)).collect(),
    )
    .await
    {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return reply(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
        }
        Ok(Err(e)) => {
            tracing::debug!(peer = %peer, error = %e, "cannot read a CWMP request body");
            return reply(StatusCode::BAD_REQUEST, "cannot read the request body");
        }
        Err(_) => return reply(StatusCode::REQUEST_TIMEOUT, "request body too slow"),
    };
    let body = match decode_body(headers, raw, limit) {
        Ok(b) => b,
        Err((status, why)) => return reply(status, why),
    };
    let existing = session_cookie(headers).and_then(|c| {
        let map = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&c).cloned().map(|s| (c, s))
    });
    let (cookie, live, fresh) = match existing {
        Some((c, s)) => (c, s, false),
        None => {
            // A session is authenticated once, at its first request (the Inform, which names
            // the device whose credentials apply); its cookie stands for it after.
            if let Err(refusal) = auth::authenticate(state, headers, path, &body).await {
                return refusal;
            }
            let cookie = new_cookie();
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let acs = AcsSession::new(state.config.cwmp.session_config());
            let live = Arc::new(tokio::sync::Mutex::new(LiveSession::new(
                acs,
                cookie.clone(),
                peer.ip().to_string(),
                host,
            )));
            state
                .sessions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(cookie.clone(), Arc::clone(&live));
            (cookie, live, true)
        }
    };
    let answer = {
        let mut session = live.lock().await;
        let answer = session.post(state, &body, now_ms()).await;
        if session.ended {
            state
                .sessions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&cookie);
        }
        answer
    };
    let mut response = match answer {
        HttpAnswer::Envelope(xml) => {
            let mut r = Response::new(Full::new(Bytes::from(xml)));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/xml; charset=\"utf-8\""),
            );
            r
        }
        HttpAnswer::Empty => reply(StatusCode::NO_CONTENT, ""),
        HttpAnswer::BadRequest(why) => {
            tracing::info!(peer = %peer, reason = %why, "bad CWMP request");
            reply(StatusCode::BAD_REQUEST, why)
        }
        HttpAnswer::Busy(why) => {
            state
                .sessions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&cookie);
            reply(StatusCode::SERVICE_UNAVAILABLE, why)
        }
        HttpAnswer::Internal(why) => {
            tracing::error!(peer = %peer, reason = %why, "CWMP session failed");
            state
                .sessions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&cookie);
            reply(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        }
    };
    if fresh && let Ok(v) = HeaderValue::from_str(&format!("{COOKIE}={cookie}; Path=/; HttpOnly")) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// Ends sessions whose CPE went quiet longer than their idle timeout, so their device's lock
/// is released and what they did is saved.
pub async fn expire_idle_sessions<S: Store>(state: Arc<CwmpState<S>>, stop: CancellationToken) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        let all: Vec<(String, Arc<tokio::sync::Mutex<LiveSession>>)> = {
            let map = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
            map.iter()
                .map(|(k, v)| (k.clone(), Arc::clone(v)))
                .collect()
        };
        for (cookie, live) in all {
            let Ok(mut session) = live.try_lock() else {
                continue;
            };
            if session.last_seen.elapsed() > session.acs.idle_timeout() {
                let _ = session.acs.on_timeout();
                session.finish(&state, false).await;
                state
                    .sessions
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&cookie);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_with_odd_separators() {
        for line in [
            "cwmp-session=abc",
            "x=1; cwmp-session=abc",
            "x=1;cwmp-session=abc ; y=2",
            "x=1, cwmp-session=\"abc\"",
        ] {
            let mut h = HeaderMap::new();
            h.insert(header::COOKIE, HeaderValue::from_str(line).expect("ascii"));
            assert_eq!(session_cookie(&h).as_deref(), Some("abc"), "{line}");
        }
        assert_eq!(session_cookie(&HeaderMap::new()), None);
    }

    #[test]
    fn compressed_bodies_are_inflated_within_the_limit() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<Envelope/>").expect("in memory");
        let packed = Bytes::from(gz.finish().expect("in memory"));
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        assert_eq!(
            decode_body(&h, packed.clone(), 1024).expect("inflates"),
            b"<Envelope/>"
        );
        assert!(decode_body(&h, packed, 5).is_err());
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        assert!(decode_body(&h, Bytes::from_static(b"x"), 10).is_err());
    }
}
