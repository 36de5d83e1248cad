//! The ACS's connection requests against the CPE simulator's real listener.

use acs::conn_req::{ConnReqCredentials, ConnReqOutcome, send};
use cpe::conn_req::{ListenerConfig, Registry, bind, new_token, serve};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

fn creds(user: &str, pass: &str) -> ConnReqCredentials {
    ConnReqCredentials {
        username: user.into(),
        password: pass.into(),
    }
}

/// The simulator's connection-request listener on a free port, answering each device at
/// most once per `min_interval`.
async fn start_listener(
    min_interval: Duration,
) -> (std::net::SocketAddr, Arc<Registry>, CancellationToken) {
    let (listener, addr) = bind("127.0.0.1:0".parse().expect("addr"))
        .await
        .expect("bind");
    let registry = Arc::new(Registry::default());
    let stop = CancellationToken::new();
    let config = ListenerConfig {
        min_interval,
        ..ListenerConfig::default()
    };
    tokio::spawn(serve(listener, Arc::clone(&registry), config, stop.clone()));
    (addr, registry, stop)
}

#[tokio::test]
async fn digest_connection_requests_reach_the_device() {
    let (addr, registry, stop) = start_listener(Duration::ZERO).await;
    let token = new_token();
    let wake = Arc::new(Notify::new());
    registry.register(&token, "cr", "secret", Arc::clone(&wake));
    let url = format!("http://{addr}/cr/{token}");
    let client = reqwest::Client::new();
    let timeout = Duration::from_secs(5);

    assert_eq!(
        send(&client, &url, &creds("cr", "secret"), false, timeout).await,
        ConnReqOutcome::Accepted
    );
    tokio::time::timeout(Duration::from_secs(2), wake.notified())
        .await
        .expect("device woken");
    assert_eq!(
        send(&client, &url, &creds("cr", "wrong"), false, timeout).await,
        ConnReqOutcome::AuthFailed
    );
    assert_eq!(
        send(
            &client,
            &format!("http://{addr}/cr/nobody"),
            &creds("cr", "secret"),
            false,
            timeout
        )
        .await,
        ConnReqOutcome::Status(404)
    );
    assert_eq!(
        send(&client, "not a url", &creds("", ""), false, timeout).await,
        ConnReqOutcome::NoUrl
    );
    assert_eq!(
        send(&client, "ftp://x/", &creds("", ""), false, timeout).await,
        ConnReqOutcome::NoUrl
    );
    stop.cancel();
    // Nothing listens on port 9 of loopback.
    let gone = send(
        &client,
        "http://127.0.0.1:9/cr/x",
        &creds("", ""),
        false,
        timeout,
    )
    .await;
    assert!(matches!(gone, ConnReqOutcome::Unreachable(_)), "{gone:?}");
    assert!(!format!("{:?}", creds("u", "p4ss")).contains("p4ss"));
}

#[tokio::test]
async fn rate_limited_devices_answer_busy() {
    let (addr, registry, stop) = start_listener(Duration::from_secs(60)).await;
    let token = new_token();
    registry.register(&token, "", "", Arc::new(Notify::new()));
    let url = format!("http://{addr}/cr/{token}");
    let client = reqwest::Client::new();
    let none = creds("", "");
    assert_eq!(
        send(&client, &url, &none, false, Duration::from_secs(5)).await,
        ConnReqOutcome::Accepted
    );
    assert_eq!(
        send(&client, &url, &none, false, Duration::from_secs(5)).await,
        ConnReqOutcome::Busy
    );
    stop.cancel();
}
