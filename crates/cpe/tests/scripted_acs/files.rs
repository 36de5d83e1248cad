//! A file server for Download and Upload: GET serves the files put in it (404 for others),
//! PUT stores what it receives. Every request is recorded.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

#[derive(Default)]
struct Files {
    served: HashMap<String, Bytes>,
    uploads: HashMap<String, Bytes>,
    requests: Vec<(Method, String)>,
}

pub struct FileServer {
    pub addr: SocketAddr,
    files: Arc<Mutex<Files>>,
    shutdown: CancellationToken,
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

impl FileServer {
    pub async fn start() -> FileServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the file server");
        let addr = listener.local_addr().expect("bound address");
        let files = Arc::new(Mutex::new(Files::default()));
        let shutdown = CancellationToken::new();
        let (state, stop) = (Arc::clone(&files), shutdown.clone());
        tokio::spawn(async move {
            loop {
                let accepted = tokio::select! {
                    () = stop.cancelled() => return,
                    accepted = listener.accept() => accepted,
                };
                let Ok((stream, _)) = accepted else { continue };
                let state = Arc::clone(&state);
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let state = Arc::clone(&state);
                        async move { Ok::<_, hyper::Error>(handle(&state, req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        FileServer {
            addr,
            files,
            shutdown,
        }
    }

    /// The URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn serve(&self, path: &str, content: impl Into<Bytes>) {
        self.files
            .lock()
            .unwrap()
            .served
            .insert(path.to_string(), content.into());
    }

    /// What was PUT at `path`, if anything.
    pub fn upload(&self, path: &str) -> Option<Bytes> {
        self.files.lock().unwrap().uploads.get(path).cloned()
    }

    /// How many requests of `method` were made for `path`.
    pub fn count(&self, method: &Method, path: &str) -> usize {
        self.files
            .lock()
            .unwrap()
            .requests
            .iter()
            .filter(|(m, p)| m == method && p == path)
            .count()
    }
}

async fn handle(files: &Mutex<Files>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    files
        .lock()
        .unwrap()
        .requests
        .push((method.clone(), path.clone()));
    let reply = |status: StatusCode, body: Bytes| {
        Response::builder()
            .status(status)
            .body(Full::new(body))
            .expect("response")
    };
    match method {
        Method::GET => match files.lock().unwrap().served.get(&path) {
            Some(content) => reply(StatusCode::OK, content.clone()),
            None => reply(StatusCode::NOT_FOUND, Bytes::new()),
        },
        Method::PUT => {
            let Ok(body) = req.into_body().collect().await else {
                return reply(StatusCode::BAD_REQUEST, Bytes::new());
            };
            files.lock().unwrap().uploads.insert(path, body.to_bytes());
            reply(StatusCode::CREATED, Bytes::new())
        }
        _ => reply(StatusCode::METHOD_NOT_ALLOWED, Bytes::new()),
    }
}
