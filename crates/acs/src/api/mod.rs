//! The northbound REST API (`/api/v1`, JSON), `/health` and `/metrics`.
//!
//! Errors are `{"error": "..."}` with the status that says what went wrong: 400 for a bad
//! filter or task, 401 without the API token, 404 for what does not exist, 503 when the
//! database cannot be reached.

mod credentials;
mod devices;
pub mod files;
mod openapi;
mod presets;
mod scripts;
pub mod tasks;

use crate::metrics::Metrics;
use crate::store::{Store, StoreError};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

/// Lets API calls wait for a task to run in a device's session.
#[derive(Debug, Default)]
pub struct TaskEvents {
    waiting: Mutex<HashMap<i64, Arc<Notify>>>,
}

impl TaskEvents {
    pub fn subscribe(&self, task: i64) -> Arc<Notify> {
        let mut map = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(map.entry(task).or_default())
    }

    /// Called by the CWMP side once a session that touched `task` has been saved.
    pub fn changed(&self, task: i64) {
        let notify = self
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&task);
        if let Some(n) = notify {
            n.notify_waiters();
            n.notify_one();
        }
    }
}

/// Connection-request settings the API uses for `?connection_request=true`.
#[derive(Clone, Default)]
pub struct ConnReqSettings {
    /// Global credentials; empty: use the ones learnt from the device's tree.
    pub username: String,
    pub password: String,
    pub allow_basic: bool,
    pub timeout: Duration,
}

impl std::fmt::Debug for ConnReqSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnReqSettings")
            .field("username", &self.username)
            .field("password", &cwmp::message::Redacted)
            .field("allow_basic", &self.allow_basic)
            .field("timeout", &self.timeout)
            .finish()
    }
}

pub struct ApiState<S> {
    pub store: Arc<S>,
    pub metrics: Arc<Metrics>,
    pub task_events: Arc<TaskEvents>,
    pub api_token: Option<String>,
    pub conn_req: ConnReqSettings,
    pub http: reqwest::Client,
}

impl<S> std::fmt::Debug for ApiState<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiState")
            .field("api_token", &self.api_token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// An API error: a status and a message, rendered as JSON.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(what: impl std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, format!("{what} not found"))
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        tracing::error!(error = %e, "store error");
        let status = match e {
            StoreError::Conflict(_) => StatusCode::CONFLICT,
            StoreError::Database(_) | StoreError::Corrupt(_) => StatusCode::SERVICE_UNAVAILABLE,
        };
        ApiError::new(status, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            axum::Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The answer to a DELETE (or a tag change): 204 if `what` existed, else 404.
pub fn no_content_or_404(found: bool, what: impl std::fmt::Display) -> ApiResult<StatusCode> {
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found(what))
    }
}

/// Compares in time independent of where the first difference is.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn require_token<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    headers: HeaderMap,
    request: Request,
    next: Next,
) -> Response {
    if let Some(expected) = &state.api_token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !same_secret(given.trim().as_bytes(), expected.as_bytes()) {
            let mut response =
                ApiError::new(StatusCode::UNAUTHORIZED, "a valid bearer token is required")
                    .into_response();
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            return response;
        }
    }
    next.run(request).await
}

async fn health() -> &'static str {
    "ok\n"
}

async fn metrics<S: Store>(State(state): State<Arc<ApiState<S>>>) -> impl IntoResponse {
    if let Ok((count, _)) = state
        .store
        .list_devices(&crate::store::DeviceQuery {
            limit: Some(0),
            ..Default::default()
        })
        .await
    {
        state.metrics.set_devices(count);
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
}

/// The whole northbound router.
pub fn router<S: Store>(state: Arc<ApiState<S>>) -> Router {
    let api = Router::new()
        .merge(devices::routes::<S>())
        .merge(credentials::routes::<S>())
        .merge(presets::routes::<S>())
        .merge(scripts::routes::<S>())
        .merge(tasks::routes::<S>())
        .merge(files::routes::<S>())
        .route_layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            require_token::<S>,
        ));
    Router::new()
        .nest("/api/v1", api)
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/health", get(health))
        .route("/metrics", get(metrics::<S>))
        .with_state(state)
}
