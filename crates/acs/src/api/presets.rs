//! `/presets`: create, replace, read, list and delete presets. A preset is checked when it is
//! stored (precondition, schedule, shape), so a bad one is refused with 400 and the reason,
//! never met by a session. Changes apply from the next session on.

use super::{ApiError, ApiResult, ApiState};
use crate::preset::{Preset, check_name};
use crate::store::Store;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Map, Value};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

async fn list<S: Store>(State(state): State<Arc<ApiState<S>>>) -> ApiResult<Json<Value>> {
    let presets = state.store.list_presets().await?;
    let mut all = Map::new();
    for (name, preset) in presets.iter() {
        let document = serde_json::to_value(preset)
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        all.insert(name.clone(), document);
    }
    Ok(Json(Value::Object(all)))
}

async fn get_one<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(name): Path<String>,
) -> ApiResult<Json<Preset>> {
    state
        .store
        .get_preset(&name)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("preset {name}")))
}

async fn put_one<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(name): Path<String>,
    Json(body): Json<Value>,
) -> ApiResult<StatusCode> {
    check_name(&name).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let preset = Preset::from_json(body).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    state.store.put_preset(&name, &preset, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_one<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(name): Path<String>,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(
        state.store.delete_preset(&name).await?,
        format!("preset {name}"),
    )
}

pub fn routes<S: Store>() -> Router<Arc<ApiState<S>>> {
    Router::new().route("/presets", get(list::<S>)).route(
        "/presets/{name}",
        get(get_one::<S>).put(put_one::<S>).delete(delete_one::<S>),
    )
}
