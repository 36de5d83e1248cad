//! The CWMP endpoint against hand-written HTTP exchanges: what real CPEs do on the wire.

mod common;

use acs::config::{AcsConfig, CpeAuth, Secret};
use cwmp::auth::{DigestChallenge, DigestClient};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

async fn start(auth: CpeAuth) -> (SocketAddr, CancellationToken) {
    start_with(auth, AcsConfig::default()).await
}

async fn start_with(auth: CpeAuth, mut config: AcsConfig) -> (SocketAddr, CancellationToken) {
    config.cwmp.idle_timeout_secs = 1;
    config.cwmp.auth = auth;
    config.cwmp.username = Some("cpe".into());
    config.cwmp.password = Some(Secret::new("s3cret"));
    let (running, cwmp) = common::start_acs_with(config).await;
    // These exchanges are about HTTP and authentication: no preset may add RPCs to them.
    common::delete_default_presets(&running.api).await;
    (cwmp, running.stop)
}

fn inform(serial: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
<soap:Header><cwmp:ID soap:mustUnderstand="1">1</cwmp:ID></soap:Header>
<soap:Body><cwmp:Inform>
<DeviceId><Manufacturer>Raw</Manufacturer><OUI>00D09E</OUI><ProductClass>RAW</ProductClass><SerialNumber>{serial}</SerialNumber></DeviceId>
<Event><EventStruct><EventCode>1 BOOT</EventCode><CommandKey></CommandKey></EventStruct></Event>
<MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2024-01-01T00:00:00Z</CurrentTime><RetryCount>0</RetryCount>
<ParameterList><ParameterValueStruct><Name>Device.DeviceInfo.SoftwareVersion</Name><Value>1.0</Value></ParameterValueStruct></ParameterList>
</cwmp:Inform></soap:Body></soap:Envelope>"#
    )
}

/// One raw HTTP/1.1 exchange on a fresh connection; returns status, headers, body.
async fn exchange(addr: SocketAddr, head: &str, body: &[u8]) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(head.as_bytes()).await.expect("write head");
    stream.write_all(body).await.expect("write body");
    let mut raw = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), async {
        let mut buf = [0u8; 8192];
        loop {
            let n = stream.read(&mut buf).await.unwrap_or(0);
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw);
            if let Some(end) = text.find("\r\n\r\n") {
                let len = text[..end]
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                    })
                    .unwrap_or(0);
                if raw.len() >= end + 4 + len {
                    break;
                }
            }
        }
    })
    .await;
    assert!(read.is_ok(), "no complete answer");
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn post(addr: SocketAddr, extra: &str, len: usize) -> String {
    format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/xml\r\n{extra}Content-Length: {len}\r\n\r\n"
    )
}

#[tokio::test]
async fn chunked_bodies_odd_cookies_and_gzip() {
    let (addr, stop) = start(CpeAuth::None).await;
    let body = inform("CHUNK1");
    let (a, b) = body.split_at(body.len() / 2);
    let chunked = format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len());
    let head = format!("POST / HTTP/1.1\r\nHost: {addr}\r\nTransfer-Encoding: chunked\r\n\r\n");
    let (status, head, reply) = exchange(addr, &head, chunked.as_bytes()).await;
    assert_eq!(status, 200, "{head}");
    assert!(reply.contains("InformResponse"), "{reply}");
    let cookie = header(&head, "set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_string();
    // The empty POST carries the cookie among others, with odd separators, on a new connection.
    let odd = format!("Cookie: a=1;{cookie} ; b=2\r\n");
    let (status, head, _) = exchange(addr, &post(addr, &odd, 0), b"").await;
    assert_eq!(status, 204, "{head}");

    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(inform("GZIP1").as_bytes()).expect("in memory");
    let packed = gz.finish().expect("in memory");
    let (status, _, reply) = exchange(
        addr,
        &post(addr, "Content-Encoding: gzip\r\n", packed.len()),
        &packed,
    )
    .await;
    assert_eq!(status, 200);
    assert!(reply.contains("InformResponse"));

    let bad = b"<soap:Envelope><soap:Body><cwmp:Inform>";
    let (status, _, reason) = exchange(addr, &post(addr, "", bad.len()), bad).await;
    assert_eq!(status, 400);
    assert!(reason.contains("line"), "{reason}");
    stop.cancel();
}

#[tokio::test]
async fn a_cpe_that_never_sends_the_empty_post() {
    let (addr, stop) = start(CpeAuth::None).await;
    let body = inform("QUIET1");
    let (status, _, _) = exchange(addr, &post(addr, "", body.len()), body.as_bytes()).await;
    assert_eq!(status, 200);
    // While that session holds the device, a second one is refused.
    let (status, _, why) = exchange(addr, &post(addr, "", body.len()), body.as_bytes()).await;
    assert_eq!(status, 503, "{why}");
    // After the idle timeout the first session is ended and its lock released.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let (status, _, reply) = exchange(addr, &post(addr, "", body.len()), body.as_bytes()).await;
    assert_eq!(status, 200);
    assert!(reply.contains("InformResponse"));
    stop.cancel();
}

#[tokio::test]
async fn digest_authentication_and_a_wrong_password() {
    let (addr, stop) = start(CpeAuth::Digest).await;
    let body = inform("AUTH1");
    let (status, head, _) = exchange(addr, &post(addr, "", body.len()), body.as_bytes()).await;
    assert_eq!(status, 401);
    let challenge = DigestChallenge::parse(header(&head, "www-authenticate").expect("challenge"))
        .expect("digest");
    let mut wrong = DigestClient::new(challenge.clone(), "cpe", "guess");
    let auth = format!(
        "Authorization: {}\r\n",
        wrong.authorization("POST", "/", "abcd")
    );
    let (status, _, _) = exchange(addr, &post(addr, &auth, body.len()), body.as_bytes()).await;
    assert_eq!(status, 401);
    let mut right = DigestClient::new(challenge, "cpe", "s3cret");
    let auth = format!(
        "Authorization: {}\r\n",
        right.authorization("POST", "/", "abcd")
    );
    let (status, _, reply) = exchange(addr, &post(addr, &auth, body.len()), body.as_bytes()).await;
    assert_eq!(status, 200);
    assert!(reply.contains("InformResponse"));
    stop.cancel();
}

#[tokio::test]
async fn a_body_that_stops_coming_times_out_and_an_oversized_one_is_refused() {
    let mut config = AcsConfig::default();
    config.cwmp.read_timeout_secs = 1;
    config.cwmp.body_limit = 4096;
    let (addr, stop) = start_with(CpeAuth::None, config).await;
    // Announces 1000 bytes, sends 10, then waits.
    let started = std::time::Instant::now();
    let (status, _, _) = exchange(addr, &post(addr, "", 1000), b"<soap:Env").await;
    assert_eq!(status, 408);
    assert!(started.elapsed() < Duration::from_secs(4));
    // More than twice the limit (the allowance for compressed bodies) is refused unread.
    let big = vec![b' '; 9000];
    let (status, _, _) = exchange(addr, &post(addr, "", big.len()), &big).await;
    assert_eq!(status, 413);
    // Within the allowance but past the limit once read: refused too.
    let mid = vec![b' '; 6000];
    let (status, _, _) = exchange(addr, &post(addr, "", mid.len()), &mid).await;
    assert_eq!(status, 413);
    stop.cancel();
}

#[tokio::test]
async fn basic_authentication_is_refused_over_plain_http_unless_allowed() {
    let body = inform("BASIC1");
    let right = format!(
        "Authorization: {}\r\n",
        cwmp::auth::basic_authorization("cpe", "s3cret")
    );
    let (addr, stop) = start(CpeAuth::Basic).await;
    let (status, _, why) = exchange(addr, &post(addr, &right, body.len()), body.as_bytes()).await;
    assert_eq!(status, 403, "{why}");
    stop.cancel();

    let mut config = AcsConfig::default();
    config.cwmp.allow_basic_over_http = true;
    let (addr, stop) = start_with(CpeAuth::Basic, config).await;
    let (status, head, _) = exchange(addr, &post(addr, "", body.len()), body.as_bytes()).await;
    assert_eq!(status, 401);
    assert!(
        header(&head, "www-authenticate").is_some_and(|c| c.starts_with("Basic")),
        "{head}"
    );
    let wrong = format!(
        "Authorization: {}\r\n",
        cwmp::auth::basic_authorization("cpe", "guess")
    );
    let (status, _, _) = exchange(addr, &post(addr, &wrong, body.len()), body.as_bytes()).await;
    assert_eq!(status, 401);
    let (status, _, reply) = exchange(addr, &post(addr, &right, body.len()), body.as_bytes()).await;
    assert_eq!(status, 200);
    assert!(reply.contains("InformResponse"));
    stop.cancel();
}
