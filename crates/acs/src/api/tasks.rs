//! `/devices/{id}/tasks`, `/tasks` and `/faults`.

use super::{ApiError, ApiResult, ApiState};
use crate::conn_req::{ConnReqCredentials, ConnReqOutcome};
use crate::model::{DeviceCredentials, DeviceRecord, Task, TaskSpec, TaskStatus};
use crate::store::Store;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueParams {
    connection_request: Option<bool>,
    /// Milliseconds to wait for the task to run (default 30000).
    timeout: Option<u64>,
}

/// The longest an API call waits for a task.
const MAX_WAIT: Duration = Duration::from_secs(300);

/// Splits the optional `expiry` (seconds from now) off a task body and reads the rest as a
/// GenieACS task document.
pub fn parse_task(mut body: Value, now: i64) -> ApiResult<(TaskSpec, Option<i64>)> {
    let expiry = match body.as_object_mut().and_then(|o| o.remove("expiry")) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => {
            let secs = n
                .as_u64()
                .ok_or_else(|| ApiError::bad_request("expiry must be seconds"))?;
            Some(now + (secs as i64).saturating_mul(1000))
        }
        Some(_) => return Err(ApiError::bad_request("expiry must be a number of seconds")),
    };
    let spec: TaskSpec = serde_json::from_value(body)
        .map_err(|e| ApiError::bad_request(format!("bad task: {e}")))?;
    Ok((spec, expiry))
}

fn tree_value(device: &DeviceRecord, relative: &str) -> Option<String> {
    ["Device.", "InternetGatewayDevice."]
        .iter()
        .find_map(|root| device.tree.get(&format!("{root}{relative}")))
        .and_then(|n| n.value.as_ref().map(|(v, _)| v.clone()))
}

/// The device's own connection-request credentials when the operator set them, else those
/// learnt from its tree (ConnectionRequestUsername and the password the ACS set), else the
/// global ones.
async fn conn_req_credentials<S: Store>(
    state: &ApiState<S>,
    device: &DeviceRecord,
) -> ConnReqCredentials {
    match state.store.get_credentials(&device.id).await {
        Ok(Some(DeviceCredentials {
            connection_request: Some(own),
            ..
        })) => {
            return ConnReqCredentials {
                username: own.username,
                password: own.password.expose().to_string(),
            };
        }
        Ok(_) => {}
        Err(e) => {
            tracing::warn!(device = %device.id, error = %e, "cannot read the device's credentials")
        }
    }
    // A CPE reads its ConnectionRequestPassword back as empty: a password in the tree is
    // one the ACS set itself, and only then is the learnt pair complete.
    let non_empty = |relative: &str| tree_value(device, relative).filter(|v| !v.is_empty());
    let learnt_user = non_empty("ManagementServer.ConnectionRequestUsername");
    if let (Some(username), Some(password)) = (
        learnt_user.clone(),
        non_empty("ManagementServer.ConnectionRequestPassword"),
    ) {
        return ConnReqCredentials { username, password };
    }
    if !state.conn_req.username.is_empty() {
        return ConnReqCredentials {
            username: state.conn_req.username.clone(),
            password: state.conn_req.password.clone(),
        };
    }
    ConnReqCredentials {
        username: learnt_user.unwrap_or_default(),
        password: String::new(),
    }
}

async fn connection_request<S: Store>(
    state: &ApiState<S>,
    device: &DeviceRecord,
) -> ConnReqOutcome {
    let Some(url) =
        tree_value(device, "ManagementServer.ConnectionRequestURL").filter(|u| !u.is_empty())
    else {
        return ConnReqOutcome::NoUrl;
    };
    let settings = &state.conn_req;
    let credentials = conn_req_credentials(state, device).await;
    let timeout = if settings.timeout.is_zero() {
        Duration::from_secs(10)
    } else {
        settings.timeout
    };
    let outcome = crate::conn_req::send(
        &state.http,
        &url,
        &credentials,
        settings.allow_basic,
        timeout,
    )
    .await;
    state.metrics.connection_request(outcome.label());
    outcome
}

async fn queue<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<String>,
    Query(params): Query<QueueParams>,
    Json(body): Json<Value>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let now = now_ms();
    let (spec, expiry) = parse_task(body, now)?;
    let device = state
        .store
        .load_device(&id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("device {id}")))?;
    let task = state.store.queue_task(&id, &spec, expiry, now).await?;
    if !params.connection_request.unwrap_or(false) {
        return Ok((StatusCode::ACCEPTED, Json(json!(task))));
    }
    let wait = Duration::from_millis(params.timeout.unwrap_or(30_000)).min(MAX_WAIT);
    let changed = state.task_events.subscribe(task.id);
    let outcome = connection_request(&state, &device).await;
    if outcome != ConnReqOutcome::Accepted {
        let body = json!({ "task": task, "connectionRequest": format!("{outcome:?}") });
        return Ok((StatusCode::ACCEPTED, Json(body)));
    }
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let current: Option<Task> = state.store.get_task(task.id).await?;
        match current {
            Some(t) if t.status != TaskStatus::Queued => {
                return Ok((StatusCode::OK, Json(json!(t))));
            }
            None => {
                // Finished tasks may be removed by the store once done; report what we know.
                return Ok((
                    StatusCode::OK,
                    Json(json!({ "id": task.id, "status": "done" })),
                ));
            }
            Some(t) => {
                if tokio::time::timeout_at(deadline, changed.notified())
                    .await
                    .is_err()
                {
                    return Ok((StatusCode::ACCEPTED, Json(json!(t))));
                }
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceParam {
    device: Option<String>,
}

async fn list_tasks<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Query(p): Query<DeviceParam>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.store.list_tasks(p.device.as_deref()).await?
    )))
}

/// The task as JSON, or 404.
async fn existing_task<S: Store>(state: &ApiState<S>, id: i64) -> ApiResult<Json<Value>> {
    let task = state
        .store
        .get_task(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("task {id}")))?;
    Ok(Json(json!(task)))
}

async fn get_task<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    existing_task(&state, id).await
}

async fn delete_task<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(state.store.delete_task(id).await?, format!("task {id}"))
}

async fn retry_task<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    if !state.store.retry_task(id, now_ms()).await? {
        return Err(ApiError::not_found(format!("task {id}")));
    }
    existing_task(&state, id).await
}

async fn list_faults<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Query(p): Query<DeviceParam>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.store.list_faults(p.device.as_deref()).await?
    )))
}

async fn delete_fault<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(state.store.delete_fault(id).await?, format!("fault {id}"))
}

pub fn routes<S: Store>() -> Router<Arc<ApiState<S>>> {
    Router::new()
        .route("/devices/{id}/tasks", post(queue::<S>))
        .route("/tasks", get(list_tasks::<S>))
        .route("/tasks/{id}", get(get_task::<S>).delete(delete_task::<S>))
        .route("/tasks/{id}/retry", post(retry_task::<S>))
        .route("/faults", get(list_faults::<S>))
        .route("/faults/{id}", delete(delete_fault::<S>))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_bodies_with_expiry() {
        let (spec, expiry) =
            parse_task(json!({"name": "reboot", "expiry": 60}), 1_000).expect("valid");
        assert_eq!(spec, TaskSpec::Reboot {});
        assert_eq!(expiry, Some(61_000));
        assert!(parse_task(json!({"name": "reboot", "expiry": "soon"}), 0).is_err());
        assert!(parse_task(json!({"name": "nope"}), 0).is_err());
        let (spec, expiry) = parse_task(
            json!({"name": "getParameterValues", "parameterNames": ["Device.DeviceInfo."]}),
            0,
        )
        .expect("valid");
        assert!(matches!(spec, TaskSpec::GetParameterValues { .. }));
        assert_eq!(expiry, None);
    }
}
