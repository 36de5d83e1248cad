//! The connection-request listener: one HTTP server for every device of the process, routed by
//! a random path per device (`/cr/<token>`), so the number of devices is not bounded by ports.
//!
//! A request must carry digest credentials matching the device's ConnectionRequestUsername
//! and ConnectionRequestPassword (a device with both empty accepts any request); it is answered
//! 200 with an empty body before the device is woken, and requests closer together than
//! `min_interval` for one device get 503, as TR-069 asks devices to rate-limit.

use bytes::Bytes;
use cwmp::auth::{AuthError, DigestServer};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

/// What the listener knows of one device.
pub struct Registration {
    pub username: String,
    pub password: String,
    /// Woken on every accepted request; permits coalesce, as repeated requests should.
    pub wake: Arc<Notify>,
    last_accepted: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// The devices reachable through the listener, by path token.
#[derive(Debug, Default)]
pub struct Registry {
    devices: RwLock<HashMap<String, Arc<Registration>>>,
}

impl Registry {
    /// Registers (or re-registers with new credentials) the device behind `token`.
    pub fn register(&self, token: &str, username: &str, password: &str, wake: Arc<Notify>) {
        let reg = Arc::new(Registration {
            username: username.to_string(),
            password: password.to_string(),
            wake,
            last_accepted: Mutex::new(None),
        });
        if let Ok(mut map) = self.devices.write() {
            map.insert(token.to_string(), reg);
        }
    }

    pub fn unregister(&self, token: &str) {
        if let Ok(mut map) = self.devices.write() {
            map.remove(token);
        }
    }

    fn get(&self, token: &str) -> Option<Arc<Registration>> {
        self.devices.read().ok()?.get(token).cloned()
    }
}

/// A random token for a device's connection-request path.
pub fn new_token() -> String {
    let bytes: [u8; 12] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone)]
pub struct ListenerConfig {
    pub min_interval: Duration,
    pub realm: String,
}

impl Default for ListenerConfig {
    fn default() -> Self {
        ListenerConfig {
            min_interval: Duration::from_secs(1),
            realm: "cwmp-cpe".into(),
        }
    }
}

struct Shared {
    registry: Arc<Registry>,
    digest: DigestServer,
    config: ListenerConfig,
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn reply(status: StatusCode, challenge: Option<String>) -> Response<Full<Bytes>> {
    let mut builder = Response::builder().status(status);
    if let Some(c) = challenge {
        builder = builder.header(hyper::header::WWW_AUTHENTICATE, c);
    }
    builder.body(Full::new(Bytes::new())).unwrap_or_default()
}

fn handle(shared: &Shared, req: &Request<Incoming>) -> Response<Full<Bytes>> {
    if req.method() != hyper::Method::GET {
        return reply(StatusCode::METHOD_NOT_ALLOWED, None);
    }
    let token = req.uri().path().strip_prefix("/cr/").unwrap_or_default();
    let Some(device) = shared.registry.get(token) else {
        return reply(StatusCode::NOT_FOUND, None);
    };
    let now = now_unix();
    let open = device.username.is_empty() && device.password.is_empty();
    if !open {
        let header = req
            .headers()
            .get(hyper::header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok());
        let Some(authorization) = header else {
            return reply(
                StatusCode::UNAUTHORIZED,
                Some(shared.digest.challenge(now, false)),
            );
        };
        let checked = shared.digest.verify_request(
            authorization,
            "GET",
            &req.uri().to_string(),
            now,
            |user| (user == device.username).then(|| device.password.clone()),
        );
        match checked {
            Ok(_) => {}
            Err(AuthError::Stale) => {
                return reply(
                    StatusCode::UNAUTHORIZED,
                    Some(shared.digest.challenge(now, true)),
                );
            }
            Err(e) => {
                tracing::info!(error = %e, "connection request refused");
                return reply(
                    StatusCode::UNAUTHORIZED,
                    Some(shared.digest.challenge(now, false)),
                );
            }
        }
    }
    let Ok(mut last) = device.last_accepted.lock() else {
        return reply(StatusCode::INTERNAL_SERVER_ERROR, None);
    };
    let instant = Instant::now();
    if last.is_some_and(|t| instant.duration_since(t) < shared.config.min_interval) {
        return reply(StatusCode::SERVICE_UNAVAILABLE, None);
    }
    *last = Some(instant);
    device.wake.notify_one();
    reply(StatusCode::OK, None)
}

/// Serves connection requests on `listener` until `shutdown` is cancelled.
pub async fn serve(
    listener: TcpListener,
    registry: Arc<Registry>,
    config: ListenerConfig,
    shutdown: CancellationToken,
) {
    let secret: [u8; 32] = rand::random();
    let shared = Arc::new(Shared {
        registry,
        digest: DigestServer::new(config.realm.clone(), secret),
        config,
    });
    loop {
        let accepted = tokio::select! {
            () = shutdown.cancelled() => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, _peer)) = accepted else {
            continue;
        };
        let shared = Arc::clone(&shared);
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                let response = handle(&shared, &req);
                async move { Ok::<_, std::convert::Infallible>(response) }
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(Duration::from_secs(10))
                .serve_connection(io, service);
            tokio::select! {
                _ = conn => {}
                () = shutdown.cancelled() => {}
            }
        });
    }
}

/// Binds `addr` and returns the bound address with the listener, so port 0 works.
pub async fn bind(addr: SocketAddr) -> std::io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}
