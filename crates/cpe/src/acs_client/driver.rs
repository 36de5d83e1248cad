//! Carries out what a [`CpeSession`] asks: POST, answer 401s, follow redirects, keep
//! cookies, and feed each response back, until the session is finished.

use super::{AcsClient, AcsConnection};
use bytes::Bytes;
use cwmp::session::{CpeAction, CpeHandler, CpeOutcome, CpeSession, SessionFailure};
use reqwest::header::{
    AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, COOKIE, HeaderMap, HeaderValue, LOCATION,
    SET_COOKIE, WWW_AUTHENTICATE,
};
use reqwest::{StatusCode, Url};

/// The Content-Type of a SOAP envelope, as TR-069 section 3.4.1 writes it.
pub const SOAP_CONTENT_TYPE: &str = "text/xml; charset=\"utf-8\"";

/// A 401's body is read (to keep the connection) up to this size, then dropped.
const MAX_DRAINED_BYTES: usize = 64 * 1024;

/// Runs one session to its end: the Inform first, then whatever the state machine says.
///
/// The cookie jar starts empty; the digest state of earlier sessions is reused (a stale
/// nonce costs one 401). Transport errors and timeouts end the session as
/// [`SessionFailure::Transport`]; a session longer than the client's `max_exchanges` fails
/// as a protocol error. Never panics.
pub async fn run_session(
    client: &AcsClient,
    conn: &mut AcsConnection,
    session: &mut CpeSession,
    handler: &mut (dyn CpeHandler + Send),
) -> CpeOutcome {
    conn.cookies.clear();
    let mut exchange = Exchange {
        client,
        target: conn.url.clone(),
        redirects: 0,
    };
    let mut exchanges = 0usize;
    let mut action = session.start();
    loop {
        let body = match action {
            CpeAction::Finished(outcome) => return outcome,
            CpeAction::PostEmpty => None,
            CpeAction::Post(envelope) => match cwmp::encode(&envelope, session.dialect()) {
                Ok(bytes) => Some(Bytes::from(bytes)),
                Err(e) => {
                    let failure = format!("cannot encode {}: {e}", envelope.body.name());
                    return abort(session, SessionFailure::Protocol(failure));
                }
            },
        };
        exchanges += 1;
        if exchanges > client.config.max_exchanges {
            let failure = format!("more than {} HTTP exchanges", client.config.max_exchanges);
            return abort(session, SessionFailure::Protocol(failure));
        }
        match exchange.post(conn, body).await {
            Ok((status, body)) => {
                tracing::debug!(status, bytes = body.len(), "ACS answered");
                action = session.on_response(status, &body, handler);
            }
            Err(Failed::Transport(e)) => {
                tracing::debug!(error = %e, "ACS exchange failed");
                action = session.on_transport_error();
            }
            Err(Failed::Session(failure)) => return abort(session, failure),
        }
    }
}

/// Ends the session with `failure`, keeping the machine's bookkeeping (events to retry,
/// undelivered requests).
fn abort(session: &mut CpeSession, failure: SessionFailure) -> CpeOutcome {
    tracing::debug!(?failure, "session aborted");
    match session.on_transport_error() {
        CpeAction::Finished(mut outcome) => {
            outcome.result = Err(failure);
            outcome
        }
        // `on_transport_error` always finishes; this arm only keeps the driver total.
        _ => CpeOutcome {
            result: Err(failure),
            inform_acknowledged: false,
            events_to_retry: Vec::new(),
            delivered: Vec::new(),
            undelivered: Vec::new(),
            dialect: session.dialect(),
        },
    }
}

enum Failed {
    /// Connection refused, reset, timed out: the session machine decides.
    Transport(reqwest::Error),
    /// The driver ends the session itself.
    Session(SessionFailure),
}

impl From<reqwest::Error> for Failed {
    fn from(e: reqwest::Error) -> Self {
        Failed::Transport(e)
    }
}

/// The per-session HTTP side: where to POST (after redirects) and how often it moved.
struct Exchange<'a> {
    client: &'a AcsClient,
    target: Url,
    redirects: usize,
}

impl Exchange<'_> {
    fn basic_allowed(&self) -> bool {
        self.target.scheme() == "https" || self.client.config.allow_basic_over_http
    }

    /// One CWMP message exchange: the POST, at most one authentication retry, and any
    /// redirects; returns the final status and body.
    async fn post(
        &mut self,
        conn: &mut AcsConnection,
        body: Option<Bytes>,
    ) -> Result<(u16, Bytes), Failed> {
        let mut authorization = conn.auth.preemptive(
            conn.credentials.as_ref(),
            "POST",
            &uri_of(&self.target),
            &cnonce(),
            self.basic_allowed(),
        );
        let mut auth_retried = false;
        loop {
            let mut response = self
                .send(conn, body.clone(), authorization.as_deref())
                .await?;
            for value in response.headers().get_all(SET_COOKIE) {
                if let Ok(text) = value.to_str() {
                    conn.cookies.store(text);
                }
            }
            let status = response.status();
            if status == StatusCode::UNAUTHORIZED && !auth_retried {
                auth_retried = true;
                if let Some(header) = self.answer_401(conn, response.headers()) {
                    drain(&mut response).await;
                    authorization = Some(header);
                    continue;
                }
            }
            if status.is_redirection()
                && let Some(next) = self.redirect_target(response.headers())?
            {
                drain(&mut response).await;
                tracing::debug!(status = status.as_u16(), "ACS redirected the session");
                self.target = next;
                auth_retried = false;
                authorization = conn.auth.preemptive(
                    conn.credentials.as_ref(),
                    "POST",
                    &uri_of(&self.target),
                    &cnonce(),
                    self.basic_allowed(),
                );
                continue;
            }
            let body = read_body(&mut response, self.client.config.max_body_bytes).await?;
            return Ok((status.as_u16(), body));
        }
    }

    async fn send(
        &self,
        conn: &AcsConnection,
        body: Option<Bytes>,
        authorization: Option<&str>,
    ) -> Result<reqwest::Response, reqwest::Error> {
        let mut headers = HeaderMap::new();
        if let Some(cookie) = conn.cookies.header()
            && let Ok(value) = HeaderValue::from_str(&cookie)
        {
            headers.insert(COOKIE, value);
        }
        if let Some(auth) = authorization
            && let Ok(mut value) = HeaderValue::from_bytes(auth.as_bytes())
        {
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
        let request = self.client.http.post(self.target.clone());
        let request = match body {
            Some(bytes) => {
                headers.insert(CONTENT_TYPE, HeaderValue::from_static(SOAP_CONTENT_TYPE));
                headers.insert("SOAPAction", HeaderValue::from_static("\"\""));
                request.headers(headers).body(bytes)
            }
            // The empty POST: no Content-Type, no SOAPAction, Content-Length 0.
            None => {
                headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
                request.headers(headers).body(Bytes::new())
            }
        };
        request.send().await
    }

    /// Adopts the challenge of a 401; the header for the retry, or `None` when it cannot be
    /// answered (the 401 then ends the session).
    fn answer_401(&self, conn: &mut AcsConnection, headers: &HeaderMap) -> Option<String> {
        let challenges: Vec<&str> = headers
            .get_all(WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        match conn.auth.answer_challenge(
            conn.credentials.as_ref(),
            &challenges,
            ("POST", &uri_of(&self.target)),
            &cnonce(),
            self.basic_allowed(),
        ) {
            Ok(header) => Some(header),
            Err(refusal) => {
                tracing::warn!(%refusal, "cannot authenticate to the ACS");
                None
            }
        }
    }

    /// The next URL of a redirect, `None` for a 3xx without a usable `Location`.
    fn redirect_target(&mut self, headers: &HeaderMap) -> Result<Option<Url>, Failed> {
        let Some(location) = headers.get(LOCATION).and_then(|v| v.to_str().ok()) else {
            return Ok(None);
        };
        let Ok(next) = self.target.join(location) else {
            return Ok(None);
        };
        if next.scheme() != "http" && next.scheme() != "https" {
            return Ok(None);
        }
        self.redirects += 1;
        if self.redirects > self.client.config.max_redirects {
            return Err(Failed::Session(SessionFailure::Protocol(format!(
                "more than {} redirects",
                self.client.config.max_redirects
            ))));
        }
        Ok(Some(next))
    }
}

/// The request-target digest hashes: path and query.
fn uri_of(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

fn cnonce() -> String {
    format!("{:016x}", rand::random::<u64>())
}

async fn read_body(response: &mut reqwest::Response, limit: usize) -> Result<Bytes, Failed> {
    let too_large = || {
        Failed::Session(SessionFailure::Malformed(format!(
            "ACS body larger than {limit} bytes"
        )))
    };
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

/// Reads and drops a small body so the connection can serve the next request.
async fn drain(response: &mut reqwest::Response) {
    let _ = read_body(response, MAX_DRAINED_BYTES).await;
}
