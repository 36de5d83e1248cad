//! `/provisions/{name}` and `/virtual-parameters/{name}`: scripts, the body being the script
//! itself (any text content type). A script that does not compile is refused with 400 and
//! the line and column; built-in provision names are reserved.

use super::{ApiError, ApiResult, ApiState};
use crate::preset::check_name;
use crate::script::{BUILT_IN_PROVISIONS, ScriptKind, check_syntax};
use crate::store::Store;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

fn what(kind: ScriptKind) -> &'static str {
    match kind {
        ScriptKind::Provision => "provision",
        ScriptKind::VirtualParameter => "virtual parameter",
    }
}

async fn list<S: Store>(state: &ApiState<S>, kind: ScriptKind) -> ApiResult<Json<Value>> {
    Ok(Json(json!(state.store.list_scripts(kind).await?)))
}

async fn get_one<S: Store>(
    state: &ApiState<S>,
    kind: ScriptKind,
    name: &str,
) -> ApiResult<impl IntoResponse + use<S>> {
    let source = state
        .store
        .get_script(kind, name)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("{} {name}", what(kind))))?;
    Ok((
        [(
            header::CONTENT_TYPE,
            "application/javascript; charset=utf-8",
        )],
        source,
    ))
}

async fn put_one<S: Store>(
    state: &ApiState<S>,
    kind: ScriptKind,
    name: &str,
    body: String,
) -> ApiResult<StatusCode> {
    check_name(name).map_err(|e| ApiError::bad_request(e.to_string()))?;
    if kind == ScriptKind::Provision && BUILT_IN_PROVISIONS.contains(&name) {
        return Err(ApiError::bad_request(format!(
            "{name} is a built-in provision; choose another name"
        )));
    }
    // Compiling is CPU work bounded by the script's size: off the async workers.
    let source = body.clone();
    let checked = tokio::task::spawn_blocking(move || check_syntax(&source))
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    if let Err(e) = checked {
        return Err(ApiError::bad_request(format!("{} {name}: {e}", what(kind))));
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    state.store.put_script(kind, name, &body, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_one<S: Store>(
    state: &ApiState<S>,
    kind: ScriptKind,
    name: &str,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(
        state.store.delete_script(kind, name).await?,
        format!("{} {name}", what(kind)),
    )
}

/// The four handlers of one kind, as axum routes.
macro_rules! script_routes {
    ($kind:expr, $list:literal, $one:literal) => {
        Router::new().route(
            $list,
            get(|State(s): State<Arc<ApiState<S>>>| async move { list(&s, $kind).await }),
        )
        .route(
            $one,
            get(
                |State(s): State<Arc<ApiState<S>>>, Path(name): Path<String>| async move {
                    get_one(&s, $kind, &name).await
                },
            )
            .put(
                |State(s): State<Arc<ApiState<S>>>, Path(name): Path<String>, body: String| async move {
                    put_one(&s, $kind, &name, body).await
                },
            )
            .delete(
                |State(s): State<Arc<ApiState<S>>>, Path(name): Path<String>| async move {
                    delete_one(&s, $kind, &name).await
                },
            ),
        )
    };
}

pub fn routes<S: Store>() -> Router<Arc<ApiState<S>>> {
    script_routes!(ScriptKind::Provision, "/provisions", "/provisions/{name}").merge(
        script_routes!(
            ScriptKind::VirtualParameter,
            "/virtual-parameters",
            "/virtual-parameters/{name}"
        ),
    )
}
