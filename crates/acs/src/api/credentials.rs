//! `/devices/{id}/credentials`: what a device authenticates to the ACS with, and what the
//! ACS answers its connection requests with. Set before the device's first Inform when
//! devices ship with unique credentials. Passwords are write-only: reads show usernames.

use super::{ApiError, ApiResult, ApiState};
use crate::model::{Credential, DeviceCredentials};
use crate::store::Store;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::Arc;

fn username_only(credential: Option<&Credential>) -> Value {
    credential.map_or(Value::Null, |c| json!({ "username": c.username }))
}

async fn get_credentials<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let credentials = state
        .store
        .get_credentials(&id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("credentials of device {id}")))?;
    Ok(Json(json!({
        "cpe": username_only(credentials.cpe.as_ref()),
        "connectionRequest": username_only(credentials.connection_request.as_ref()),
    })))
}

async fn put_credentials<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<String>,
    Json(body): Json<Value>,
) -> ApiResult<StatusCode> {
    let credentials: DeviceCredentials = serde_json::from_value(body).map_err(|e| {
        ApiError::bad_request(format!(
            "credentials are {{\"cpe\": {{\"username\", \"password\"}}, \
             \"connectionRequest\": {{\"username\", \"password\"}}}}: {e}"
        ))
    })?;
    for credential in [&credentials.cpe, &credentials.connection_request]
        .into_iter()
        .flatten()
    {
        if credential.username.is_empty() || credential.username.contains(':') {
            return Err(ApiError::bad_request(
                "a username must be non-empty and without ':'",
            ));
        }
    }
    if credentials.cpe.is_none() && credentials.connection_request.is_none() {
        return Err(ApiError::bad_request(
            "set cpe, connectionRequest or both (DELETE removes them)",
        ));
    }
    state.store.put_credentials(&id, &credentials).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_credentials<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(
        state.store.delete_credentials(&id).await?,
        format!("credentials of device {id}"),
    )
}

pub fn routes<S: Store>() -> Router<Arc<ApiState<S>>> {
    Router::new().route(
        "/devices/{id}/credentials",
        get(get_credentials::<S>)
            .put(put_credentials::<S>)
            .delete(delete_credentials::<S>),
    )
}
