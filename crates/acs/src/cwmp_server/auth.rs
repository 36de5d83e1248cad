//! CPE authentication: none, basic or digest (qop=auth), against the device's own
//! credentials when the operator set them (looked up by the device id of the Inform), else
//! the global ones. A failure is a 401 with a fresh challenge, and a log line.

use super::{CwmpState, HttpResponse, now_ms, reply};
use crate::config::{CpeAuth, CwmpConfig};
use crate::engine::inform_device_id;
use crate::store::Store;
use cwmp::auth::{AuthError, parse_basic};
use cwmp::message::Message;
use http::{HeaderMap, HeaderValue, StatusCode, header};

/// Basic authentication over plain HTTP, unless allowed: refused before the body is read.
pub(super) fn refuse_basic_over_http(cwmp: &CwmpConfig, tls: bool) -> Option<HttpResponse> {
    if cwmp.auth == CpeAuth::Basic && !tls && !cwmp.allow_basic_over_http {
        tracing::warn!("basic authentication refused over plain HTTP");
        return Some(reply(
            StatusCode::FORBIDDEN,
            "basic authentication is refused over plain HTTP",
        ));
    }
    None
}

/// The device id of an Inform body, if that is what `body` is.
fn informing_device(body: &[u8]) -> Option<String> {
    let decoded = cwmp::decode(body).ok()?;
    decoded.envelopes.iter().find_map(|e| match &e.body {
        Message::Inform(inform) => Some(inform_device_id(inform)),
        _ => None,
    })
}

/// Checks the first request of a session; `Err` is the answer to send instead.
pub(super) async fn authenticate<S: Store>(
    state: &CwmpState<S>,
    headers: &HeaderMap,
    uri: &str,
    body: &[u8],
) -> Result<(), HttpResponse> {
    let cwmp = &state.config.cwmp;
    if cwmp.auth == CpeAuth::None {
        return Ok(());
    }
    let device = informing_device(body);
    let own = match &device {
        Some(id) => match state.store.get_credentials(id).await {
            Ok(found) => found.and_then(|c| c.cpe),
            Err(e) => {
                tracing::error!(device = %id, error = %e, "cannot read the device's credentials");
                return Err(reply(StatusCode::SERVICE_UNAVAILABLE, "try again later"));
            }
        },
        None => None,
    };
    let (user, pass) = match own {
        Some(c) => (c.username, c.password.expose().to_string()),
        None => (
            cwmp.username.clone().unwrap_or_default(),
            cwmp.password
                .as_ref()
                .map(|p| p.expose().to_string())
                .unwrap_or_default(),
        ),
    };
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let now = u64::try_from(now_ms() / 1000).unwrap_or(0);
    let challenge = |stale: bool| {
        let value = match cwmp.auth {
            CpeAuth::Basic => "Basic realm=\"cwmp-acs\"".to_string(),
            _ => state.digest.challenge(now, stale),
        };
        let mut r = reply(StatusCode::UNAUTHORIZED, "");
        if let Ok(v) = HeaderValue::from_str(&value) {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
        r
    };
    let failed = |reason: &str| {
        tracing::warn!(device = ?device, reason, "CPE authentication failed");
    };
    let outcome = match cwmp.auth {
        CpeAuth::None => Ok(()),
        CpeAuth::Basic => match authorization.and_then(parse_basic) {
            Some((u, p)) if u == user && p == pass => Ok(()),
            Some(_) => {
                failed("wrong username or password");
                Err((challenge(false), "rejected"))
            }
            None => Err((challenge(false), "challenged")),
        },
        CpeAuth::Digest => match authorization {
            None => Err((challenge(false), "challenged")),
            Some(authorization) => {
                match state
                    .digest
                    .verify_request(authorization, "POST", uri, now, |u| {
                        (u == user).then(|| pass.clone())
                    }) {
                    Ok(_) => Ok(()),
                    Err(AuthError::Stale) => Err((challenge(true), "challenged")),
                    Err(e) => {
                        failed(&e.to_string());
                        Err((challenge(false), "rejected"))
                    }
                }
            }
        },
    };
    state.metrics.cpe_auth(match &outcome {
        Ok(()) => "accepted",
        Err((_, label)) => label,
    });
    outcome.map_err(|(refusal, _)| refusal)
}
