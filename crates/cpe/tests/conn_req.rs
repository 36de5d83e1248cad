//! The connection-request listener over real sockets.

use cpe::conn_req::{ListenerConfig, Registry, bind, new_token, serve};
use cwmp::auth::{DigestChallenge, DigestClient};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

struct Listener {
    base: String,
    registry: Arc<Registry>,
    shutdown: CancellationToken,
}

async fn start(min_interval: Duration) -> Listener {
    let (listener, addr) = bind("127.0.0.1:0".parse().expect("addr"))
        .await
        .expect("bind");
    let registry = Arc::new(Registry::default());
    let shutdown = CancellationToken::new();
    let config = ListenerConfig {
        min_interval,
        ..ListenerConfig::default()
    };
    tokio::spawn(serve(
        listener,
        Arc::clone(&registry),
        config,
        shutdown.clone(),
    ));
    Listener {
        base: format!("http://{addr}"),
        registry,
        shutdown,
    }
}

async fn get(url: &str, authorization: Option<String>) -> reqwest::Response {
    let client = reqwest::Client::new();
    let mut req = client.get(url).timeout(Duration::from_secs(5));
    if let Some(a) = authorization {
        req = req.header("Authorization", a);
    }
    req.send().await.expect("listener answers")
}

async fn digest_get(url: &str, user: &str, password: &str) -> reqwest::Response {
    let first = get(url, None).await;
    assert_eq!(first.status(), 401);
    let header = first.headers()["www-authenticate"]
        .to_str()
        .expect("ascii")
        .to_string();
    let challenge = DigestChallenge::parse(&header).expect("digest challenge");
    let mut client = DigestClient::new(challenge, user, password);
    let path = url
        .split_once("//")
        .and_then(|(_, r)| r.find('/').map(|i| &r[i..]))
        .unwrap_or("/");
    get(url, Some(client.authorization("GET", path, "0a4f113b"))).await
}

#[tokio::test]
async fn digest_protected_requests_wake_the_device() {
    let l = start(Duration::from_millis(0)).await;
    let token = new_token();
    let wake = Arc::new(Notify::new());
    l.registry
        .register(&token, "cr-user", "cr-pass", Arc::clone(&wake));
    let url = format!("{}/cr/{token}", l.base);

    let ok = digest_get(&url, "cr-user", "cr-pass").await;
    assert_eq!(ok.status(), 200);
    assert!(ok.bytes().await.expect("body").is_empty());
    tokio::time::timeout(Duration::from_secs(2), wake.notified())
        .await
        .expect("woken");

    assert_eq!(digest_get(&url, "cr-user", "wrong").await.status(), 401);
    assert_eq!(digest_get(&url, "someone", "cr-pass").await.status(), 401);
    assert_eq!(
        get(&format!("{}/cr/unknown", l.base), None).await.status(),
        404
    );
    let post = reqwest::Client::new()
        .post(&url)
        .send()
        .await
        .expect("answers");
    assert_eq!(post.status(), 405);
    l.shutdown.cancel();
}

#[tokio::test]
async fn bursts_are_rate_limited_and_open_devices_need_no_credentials() {
    let l = start(Duration::from_secs(60)).await;
    let token = new_token();
    let wake = Arc::new(Notify::new());
    l.registry.register(&token, "", "", Arc::clone(&wake));
    let url = format!("{}/cr/{token}", l.base);
    assert_eq!(get(&url, None).await.status(), 200);
    assert_eq!(get(&url, None).await.status(), 503);
    // Re-registering (new credentials after a session) keeps the device reachable.
    l.registry.register(&token, "u", "p", Arc::clone(&wake));
    assert_eq!(get(&url, None).await.status(), 401);
    l.registry.unregister(&token);
    assert_eq!(get(&url, None).await.status(), 404);
    l.shutdown.cancel();
}
