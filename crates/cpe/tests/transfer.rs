//! Downloads and uploads against a small file server started in the test (hyper on
//! 127.0.0.1, port 0). Each test checks the fault code and that the completion time is not
//! before the start time.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use cpe::transfer::firmware::Crc32;
use cpe::transfer::{FIRMWARE_FILE_TYPE, TransferJob, TransferLimits, TransferResult, execute};
use cwmp::auth::DigestServer;
use cwmp::message::{Download, Upload};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{AUTHORIZATION, HeaderValue, WWW_AUTHENTICATE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

const USER: &str = "cpe-user";
const PASS: &str = "cpe-pass";

/// What the server saw: one entry per request.
#[derive(Debug, Clone)]
struct Seen {
    method: Method,
    path: String,
    authorization: Option<String>,
}

#[derive(Default)]
struct State {
    seen: Mutex<Vec<Seen>>,
    uploads: Mutex<HashMap<String, Bytes>>,
}

struct FileServer {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FileServer {
    async fn start() -> FileServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        let server_state = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = server_state.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let state = state.clone();
                        async move { Ok::<_, Infallible>(handle(&state, req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        FileServer { addr, state, task }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }
}

fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 251) as u8).collect()
}

fn firmware_with_manifest(version: &str, payload: &[u8], crc_ok: bool) -> Vec<u8> {
    let mut crc = Crc32::new();
    crc.update(payload);
    let crc = if crc_ok { crc.value() } else { !crc.value() };
    let mut image =
        format!("CWMP-FIRMWARE-VERSION: {version}\r\nCWMP-FIRMWARE-CRC32: {crc:08x}\r\n")
            .into_bytes();
    image.extend_from_slice(payload);
    image
}

fn reply(status: StatusCode, body: impl Into<Bytes>) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body.into()));
    *response.status_mut() = status;
    response
}

fn unauthorized(challenge: String) -> Response<Full<Bytes>> {
    let mut response = reply(StatusCode::UNAUTHORIZED, "unauthorized");
    response
        .headers_mut()
        .insert(WWW_AUTHENTICATE, HeaderValue::from_str(&challenge).unwrap());
    response
}

async fn handle(state: &State, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let authorization = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    state.seen.lock().unwrap().push(Seen {
        method: method.clone(),
        path: path.clone(),
        authorization: authorization.clone(),
    });
    let body = req.into_body().collect().await.unwrap().to_bytes();

    // Protected areas.
    if path.starts_with("/basic/") {
        let ok = authorization
            .as_deref()
            .and_then(cwmp::auth::parse_basic)
            .is_some_and(|(user, pass)| user == USER && pass == PASS);
        if !ok {
            return unauthorized("Basic realm=\"files\"".into());
        }
    }
    if path.starts_with("/digest/") {
        let server = DigestServer::new("files", b"test-key");
        let now = std::time::UNIX_EPOCH.elapsed().unwrap().as_secs();
        let ok = authorization.as_deref().is_some_and(|a| {
            server
                .verify_request(a, method.as_str(), &path, now, |user| {
                    (user == USER).then(|| PASS.to_owned())
                })
                .is_ok()
        });
        if !ok {
            return unauthorized(server.challenge(now, false));
        }
    }
    if path.starts_with("/forbidden/") {
        return reply(StatusCode::FORBIDDEN, "forbidden");
    }

    let name = path.rsplit('/').next().unwrap_or_default().to_owned();
    if method == Method::PUT {
        return match name.as_str() {
            "broken" => reply(StatusCode::INTERNAL_SERVER_ERROR, "disk full"),
            _ => {
                state.uploads.lock().unwrap().insert(path, body);
                reply(StatusCode::CREATED, "")
            }
        };
    }
    match name.as_str() {
        "file1000.bin" | "secret.bin" | "fw.bin" => reply(StatusCode::OK, pattern(1000)),
        "plain.img" | "gateway_v2.0.7.bin" => reply(StatusCode::OK, pattern(3000)),
        "manifest.img" => reply(
            StatusCode::OK,
            firmware_with_manifest("3.1.4-rc2", &pattern(5000), true),
        ),
        "corrupt.img" => reply(
            StatusCode::OK,
            firmware_with_manifest("3.1.5", &pattern(5000), false),
        ),
        _ => reply(StatusCode::NOT_FOUND, "no such file"),
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

fn limits() -> TransferLimits {
    TransferLimits {
        response_timeout: Duration::from_secs(5),
        total_timeout: Duration::from_secs(10),
        max_size: 64 * 1024,
    }
}

fn download(url: String, file_size: u32) -> TransferJob {
    TransferJob::download(&Download {
        command_key: "cmd".into(),
        file_type: "3 Vendor Configuration File".into(),
        url,
        file_size,
        ..Default::default()
    })
}

fn firmware(url: String, file_size: u32) -> TransferJob {
    TransferJob {
        file_type: FIRMWARE_FILE_TYPE.into(),
        ..download(url, file_size)
    }
}

fn upload(url: String, content: &[u8]) -> TransferJob {
    let rpc = Upload {
        command_key: "up".into(),
        file_type: "1 Vendor Configuration File".into(),
        url,
        ..Default::default()
    };
    TransferJob::upload(&rpc, content.to_vec())
}

fn with_credentials(job: TransferJob, user: &str, pass: &str) -> TransferJob {
    TransferJob {
        username: user.into(),
        password: pass.into(),
        ..job
    }
}

/// Runs the job and checks what every result must satisfy.
async fn run(job: &TransferJob) -> TransferResult {
    let result = execute(&client(), job, &limits()).await;
    let start = (result.start_time.to_unix(), result.start_time.nanosecond);
    let complete = (
        result.complete_time.to_unix(),
        result.complete_time.nanosecond,
    );
    assert!(!result.start_time.is_unknown(), "{result:?}");
    assert!(complete >= start, "completion before start: {result:?}");
    assert_eq!(result.is_success(), result.fault.fault_code == 0);
    if !result.is_success() {
        assert!(!result.fault.fault_string.is_empty(), "{result:?}");
    }
    result
}

#[tokio::test]
async fn download_with_the_exact_size_succeeds() {
    let server = FileServer::start().await;
    let r = run(&download(server.url("/files/file1000.bin"), 1000)).await;
    assert_eq!(r.fault.fault_code, 0, "{r:?}");
    assert_eq!(r.bytes, 1000);
    assert_eq!(r.software_version, None);
    let tc = r.transfer_complete("cmd");
    assert_eq!(tc.command_key, "cmd");
    assert_eq!(tc.fault_struct.fault_code, 0);
    assert_eq!(tc.start_time, r.start_time);

    // FileSize 0: unknown size, anything that arrives whole will do.
    let r = run(&download(server.url("/files/file1000.bin"), 0)).await;
    assert_eq!((r.fault.fault_code, r.bytes), (0, 1000), "{r:?}");
}

#[tokio::test]
async fn wrong_sizes_fail() {
    let server = FileServer::start().await;
    let shorter = run(&download(server.url("/files/file1000.bin"), 1001)).await;
    assert_eq!(shorter.fault.fault_code, 9017, "{shorter:?}");
    let longer = run(&download(server.url("/files/file1000.bin"), 999)).await;
    assert_eq!(longer.fault.fault_code, 9018, "{longer:?}");
    // Announced or not, a file beyond the device's limit is refused.
    let too_big = run(&download(server.url("/files/file1000.bin"), 1 << 20)).await;
    assert_eq!(too_big.fault.fault_code, 9010, "{too_big:?}");
    let mut tight = limits();
    tight.max_size = 500;
    let r = execute(
        &client(),
        &download(server.url("/files/file1000.bin"), 0),
        &tight,
    )
    .await;
    assert_eq!(r.fault.fault_code, 9010, "{r:?}");
}

#[tokio::test]
async fn body_broken_off_mid_way_is_9017() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut request = vec![0u8; 4096];
        let _ = tokio::io::AsyncReadExt::read(&mut stream, &mut request).await;
        let head = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
        stream.write_all(head).await.unwrap();
        stream.write_all(&pattern(400)).await.unwrap();
        stream.shutdown().await.unwrap();
    });
    let r = run(&download(format!("http://{addr}/f.bin"), 0)).await;
    assert_eq!(r.fault.fault_code, 9017, "{r:?}");
    server.await.unwrap();
}

#[tokio::test]
async fn missing_file_is_9016() {
    let server = FileServer::start().await;
    let r = run(&download(server.url("/files/nothing-here.bin"), 0)).await;
    assert_eq!(r.fault.fault_code, 9016, "{r:?}");
}

#[tokio::test]
async fn refused_port_is_9015() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let r = run(&download(format!("http://{addr}/f.bin"), 0)).await;
    assert_eq!(r.fault.fault_code, 9015, "{r:?}");
    let r = run(&upload(format!("http://{addr}/up/log.txt"), b"log")).await;
    assert_eq!(r.fault.fault_code, 9015, "{r:?}");
}

#[tokio::test]
async fn unsupported_scheme_is_9013() {
    let r = run(&download("ftp://127.0.0.1/firmware.bin".into(), 0)).await;
    assert_eq!(r.fault.fault_code, 9013, "{r:?}");
    let r = run(&upload("tftp://127.0.0.1/log.txt".into(), b"log")).await;
    assert_eq!(r.fault.fault_code, 9013, "{r:?}");
}

#[tokio::test]
async fn basic_auth_with_right_and_wrong_credentials() {
    let server = FileServer::start().await;
    let url = server.url("/basic/secret.bin");

    let r = run(&with_credentials(download(url.clone(), 1000), USER, PASS)).await;
    assert_eq!((r.fault.fault_code, r.bytes), (0, 1000), "{r:?}");
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen[0].authorization.is_none(), "first try goes without");
    assert!(
        seen[1]
            .authorization
            .as_deref()
            .unwrap()
            .starts_with("Basic ")
    );

    let r = run(&with_credentials(
        download(url.clone(), 1000),
        USER,
        "wrong",
    ))
    .await;
    assert_eq!(r.fault.fault_code, 9012, "{r:?}");
    assert!(!r.fault.fault_string.contains("wrong"), "{r:?}");
    let r = run(&download(url, 1000)).await;
    assert_eq!(r.fault.fault_code, 9012, "{r:?}");
    let r = run(&with_credentials(
        download(server.url("/forbidden/x.bin"), 0),
        USER,
        PASS,
    ))
    .await;
    assert_eq!(r.fault.fault_code, 9012, "{r:?}");
}

#[tokio::test]
async fn credentials_in_the_url_are_used() {
    let server = FileServer::start().await;
    let url = format!("http://{USER}:{PASS}@{}/basic/secret.bin", server.addr);
    let job = download(url, 1000);
    assert!(!format!("{job:?}").contains(PASS));
    let r = run(&job).await;
    assert_eq!(r.fault.fault_code, 0, "{r:?}");
}

#[tokio::test]
async fn digest_auth_with_right_and_wrong_credentials() {
    let server = FileServer::start().await;
    let url = server.url("/digest/fw.bin");
    let r = run(&with_credentials(download(url.clone(), 1000), USER, PASS)).await;
    assert_eq!(r.fault.fault_code, 0, "{r:?}");
    let seen = server.seen();
    assert!(
        seen[1]
            .authorization
            .as_deref()
            .unwrap()
            .starts_with("Digest ")
    );
    assert!(!seen[1].authorization.as_deref().unwrap().contains(PASS));

    let r = run(&with_credentials(download(url, 1000), USER, "wrong")).await;
    assert_eq!(r.fault.fault_code, 9012, "{r:?}");
}

#[tokio::test]
async fn firmware_version_from_the_manifest_line() {
    let server = FileServer::start().await;
    // The manifest wins over the file name.
    let url = server.url("/fw/manifest.img");
    let mut job = firmware(url, 0);
    job.target_file_name = "other_v9.9.bin".into();
    let r = run(&job).await;
    assert_eq!(r.fault.fault_code, 0, "{r:?}");
    assert_eq!(r.software_version.as_deref(), Some("3.1.4-rc2"));

    // The same file as a configuration file is not inspected.
    let r = run(&download(server.url("/fw/manifest.img"), 0)).await;
    assert_eq!((r.fault.fault_code, r.software_version), (0, None));

    // An image failing its own checksum is corrupted.
    let r = run(&firmware(server.url("/fw/corrupt.img"), 0)).await;
    assert_eq!(r.fault.fault_code, 9018, "{r:?}");
    assert_eq!(r.software_version, None);
}

#[tokio::test]
async fn firmware_version_from_the_file_name() {
    let server = FileServer::start().await;
    let r = run(&firmware(server.url("/fw/gateway_v2.0.7.bin"), 3000)).await;
    assert_eq!(r.fault.fault_code, 0, "{r:?}");
    assert_eq!(r.software_version.as_deref(), Some("2.0.7"));

    let mut job = firmware(server.url("/fw/plain.img"), 3000);
    let r = run(&job).await;
    assert_eq!((r.fault.fault_code, r.software_version), (0, None));
    job.target_file_name = "router-4.2.0.img".into();
    let r = run(&job).await;
    assert_eq!(r.software_version.as_deref(), Some("4.2.0"), "{r:?}");
}

#[tokio::test]
async fn upload_is_received_byte_exact() {
    let server = FileServer::start().await;
    let content: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let r = run(&upload(server.url("/up/config.bin"), &content)).await;
    assert_eq!((r.fault.fault_code, r.bytes), (0, 70_000), "{r:?}");
    let stored = server
        .state
        .uploads
        .lock()
        .unwrap()
        .get("/up/config.bin")
        .cloned();
    assert_eq!(stored.as_deref(), Some(&content[..]));
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, Method::PUT);
}

#[tokio::test]
async fn upload_with_credentials() {
    let server = FileServer::start().await;
    let job = with_credentials(
        upload(server.url("/digest/log.txt"), b"log line\n"),
        USER,
        PASS,
    );
    let r = run(&job).await;
    assert_eq!(r.fault.fault_code, 0, "{r:?}");
    let stored = server
        .state
        .uploads
        .lock()
        .unwrap()
        .get("/digest/log.txt")
        .cloned();
    assert_eq!(stored.as_deref(), Some(&b"log line\n"[..]));

    let job = with_credentials(upload(server.url("/basic/log.txt"), b"x"), USER, "bad");
    let r = run(&job).await;
    assert_eq!(r.fault.fault_code, 9012, "{r:?}");
    let tries: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| s.path == "/basic/log.txt")
        .collect();
    assert_eq!(tries.len(), 2, "one try without, one with: {tries:?}");
    assert!(
        tries[1]
            .authorization
            .as_deref()
            .unwrap()
            .starts_with("Basic ")
    );
    assert!(
        !server
            .state
            .uploads
            .lock()
            .unwrap()
            .contains_key("/basic/log.txt")
    );
}

#[tokio::test]
async fn upload_to_a_failing_server_is_9011() {
    let server = FileServer::start().await;
    let r = run(&upload(server.url("/up/broken"), b"data")).await;
    assert_eq!(r.fault.fault_code, 9011, "{r:?}");
}
