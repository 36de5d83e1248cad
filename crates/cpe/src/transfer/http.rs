//! The HTTP part shared by downloads and uploads: checking the URL, sending a request with the
//! credential dance (without, then Digest or Basic on 401/403), and describing failures
//! without leaking secrets.

use std::error::Error as _;

use bytes::Bytes;
use cwmp::auth::{DigestChallenge, DigestClient};
use reqwest::header::{AUTHORIZATION, HeaderValue, WWW_AUTHENTICATE};
use reqwest::{Method, Response, StatusCode, Url};

use super::{Failure, TransferJob, TransferLimits};

/// Unsupported transfer protocol.
pub const UNSUPPORTED_PROTOCOL: u32 = 9013;
/// File transfer failure (generic).
pub const TRANSFER_FAILURE: u32 = 9010;

/// Where to send the request, and with which credentials.
pub(crate) struct Target {
    /// Without user information.
    pub url: Url,
    username: String,
    password: String,
}

impl Target {
    /// Checks the job's URL: `http`/`https` only (9013), well-formed with a host (9010).
    /// Credentials come from the job, or from the URL when the job has none.
    pub fn new(job: &TransferJob) -> Result<Target, Failure> {
        let raw = job.url.trim();
        let mut url = match Url::parse(raw) {
            Ok(url) => url,
            Err(e) => {
                // A scheme we do not speak is 9013 even when the rest would not parse.
                if let Some((scheme, _)) = raw.split_once("://") {
                    let scheme = scheme.to_ascii_lowercase();
                    if scheme != "http" && scheme != "https" {
                        return Err(unsupported(&scheme));
                    }
                }
                return Err(Failure::new(TRANSFER_FAILURE, format!("invalid URL: {e}")));
            }
        };
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(unsupported(url.scheme()));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Failure::new(TRANSFER_FAILURE, "invalid URL: no host"));
        }
        let (mut username, mut password) = (job.username.clone(), job.password.clone());
        if username.is_empty() && password.is_empty() {
            username = percent_decode(url.username());
            password = percent_decode(url.password().unwrap_or(""));
        }
        // Cannot fail for http(s) URLs, which always have a host.
        let _ = url.set_username("");
        let _ = url.set_password(None);
        Ok(Target {
            url,
            username,
            password,
        })
    }

    fn has_credentials(&self) -> bool {
        !self.username.is_empty() || !self.password.is_empty()
    }

    /// The request-target, as Digest's `uri` names it.
    fn request_uri(&self) -> String {
        match self.url.query() {
            Some(q) => format!("{}?{q}", self.url.path()),
            None => self.url.path().to_owned(),
        }
    }

    /// The `Authorization` header answering the challenges of `response`.
    fn authorization(&self, method: &Method, response: &Response) -> Option<HeaderValue> {
        let digest = response
            .headers()
            .get_all(WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| DigestChallenge::parse(v).ok());
        let value = match digest {
            Some(challenge) => {
                let cnonce = format!("{:016x}", rand::random::<u64>());
                let mut client = DigestClient::new(challenge, &self.username, &self.password);
                client.authorization(method.as_str(), &self.request_uri(), &cnonce)
            }
            None => cwmp::auth::basic_authorization(&self.username, &self.password),
        };
        let mut value = HeaderValue::from_str(&value).ok()?;
        value.set_sensitive(true);
        Some(value)
    }
}

fn unsupported(scheme: &str) -> Failure {
    let scheme: String = scheme.chars().take(32).collect();
    Failure::new(
        UNSUPPORTED_PROTOCOL,
        format!("unsupported transfer protocol `{scheme}` (http and https only)"),
    )
}

/// Why no response arrived.
#[derive(Debug)]
pub(crate) enum SendError {
    /// Name resolution, connection, TLS, or no answer in time.
    Contact(String),
    /// The connection broke after the request went out, or another client error.
    Other(String),
}

/// A response, and whether the credentials were sent to get it.
pub(crate) struct Sent {
    pub response: Response,
    pub with_credentials: bool,
}

/// Sends `method` to `target`, first without credentials, then (on 401/403, when there are
/// credentials) once with them. The caller judges the final status.
pub(crate) async fn send(
    client: &reqwest::Client,
    method: Method,
    target: &Target,
    body: Option<&Bytes>,
    limits: &TransferLimits,
) -> Result<Sent, SendError> {
    let first = send_once(client, &method, target, body, None, limits).await?;
    let status = first.status();
    let challenged = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN;
    if !challenged || !target.has_credentials() {
        return Ok(Sent {
            response: first,
            with_credentials: false,
        });
    }
    let Some(authorization) = target.authorization(&method, &first) else {
        // Credentials that cannot travel in a header (control characters) cannot succeed.
        return Ok(Sent {
            response: first,
            with_credentials: true,
        });
    };
    drop(first);
    let response = send_once(client, &method, target, body, Some(authorization), limits).await?;
    Ok(Sent {
        response,
        with_credentials: true,
    })
}

async fn send_once(
    client: &reqwest::Client,
    method: &Method,
    target: &Target,
    body: Option<&Bytes>,
    authorization: Option<HeaderValue>,
    limits: &TransferLimits,
) -> Result<Response, SendError> {
    let mut request = client.request(method.clone(), target.url.clone());
    if let Some(body) = body {
        request = request
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(body.clone());
    }
    if let Some(value) = authorization {
        request = request.header(AUTHORIZATION, value);
    }
    match tokio::time::timeout(limits.response_timeout, request.send()).await {
        Err(_) => Err(SendError::Contact(format!(
            "no response from the file server within {} s",
            limits.response_timeout.as_secs_f32()
        ))),
        Ok(Ok(response)) => Ok(response),
        Ok(Err(e)) if e.is_connect() || e.is_timeout() => Err(SendError::Contact(format!(
            "cannot contact file server: {}",
            describe(&e)
        ))),
        Ok(Err(e)) => Err(SendError::Other(describe(&e))),
    }
}

/// An error and its causes on one line, without the URL.
pub(crate) fn describe(e: &reqwest::Error) -> String {
    let top = e.to_string();
    let mut text = match e.url() {
        Some(url) => top
            .replace(&format!(" for url ({url})"), "")
            .replace(&format!(" ({url})"), ""),
        None => top,
    };
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// The URL for logs and `Debug`: any password in it replaced by `***`.
pub(crate) fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(url: &str) -> TransferJob {
        TransferJob {
            kind: super::super::TransferKind::Download,
            command_key: String::new(),
            file_type: String::new(),
            url: url.into(),
            username: String::new(),
            password: String::new(),
            file_size: 0,
            target_file_name: String::new(),
        }
    }

    #[test]
    fn schemes() {
        for url in [
            "ftp://h/f",
            "tftp://h/f",
            "FTP://h/f",
            "file:///etc/passwd",
            "ftp://[bad",
        ] {
            let code = Target::new(&job(url)).err().map(|f| f.code);
            assert_eq!(code, Some(UNSUPPORTED_PROTOCOL), "{url}");
        }
        for url in ["not a url", "http://", "http://[::1"] {
            let code = Target::new(&job(url)).err().map(|f| f.code);
            assert_eq!(code, Some(TRANSFER_FAILURE), "{url}");
        }
        assert!(Target::new(&job("HTTPS://h.example:8443/a?b=c")).is_ok());
    }

    #[test]
    fn credentials_from_the_url_when_the_job_has_none() {
        let t = Target::new(&job("http://us%40er:p%3Ass@h/f?x=1"))
            .ok()
            .unwrap();
        assert_eq!(
            (t.username.as_str(), t.password.as_str()),
            ("us@er", "p:ss")
        );
        assert_eq!(t.url.as_str(), "http://h/f?x=1");
        assert_eq!(t.request_uri(), "/f?x=1");
        let mut with = job("http://a:b@h/f");
        with.username = "job".into();
        let t = Target::new(&with).ok().unwrap();
        assert_eq!((t.username.as_str(), t.password.as_str()), ("job", ""));
    }

    #[test]
    fn redaction() {
        assert_eq!(
            redact_url("http://admin:pw@h:80/p@x?q"),
            "http://admin:***@h:80/p@x?q"
        );
        assert_eq!(redact_url("http://h/p@x"), "http://h/p@x");
        assert_eq!(redact_url("garbage"), "garbage");
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%2Fb%zz%4"), "a/b%zz%4");
    }
}
