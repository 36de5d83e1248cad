//! `/files`: the files CPEs download, with the metadata ACS operators filter them by.

use super::tasks::now_ms;
use super::{ApiError, ApiResult, ApiState};
use crate::model::FileMeta;
use crate::store::Store;
use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The largest file the API accepts.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileParams {
    file_type: Option<String>,
    oui: Option<String>,
    product_class: Option<String>,
    version: Option<String>,
}

/// A file name must be usable in a URL path segment and in a TR-069 Download URL.
fn check_name(name: &str) -> ApiResult<()> {
    let ok = !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'+'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "file names are 1-200 of A-Z a-z 0-9 - _ . + and do not start with .",
        ))
    }
}

/// Metadata comes from query parameters or, as GenieACS clients send it, from headers.
fn meta_value(query: &Option<String>, headers: &HeaderMap, header: &str) -> String {
    query
        .clone()
        .or_else(|| {
            headers
                .get(header)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_default()
}

async fn put_file<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(name): Path<String>,
    Query(params): Query<FileParams>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    check_name(&name)?;
    let file_type = meta_value(&params.file_type, &headers, "fileType");
    let file_type = if file_type.is_empty() {
        "1 Firmware Upgrade Image".to_string()
    } else {
        file_type
    };
    let meta = FileMeta {
        name: name.clone(),
        file_type,
        oui: meta_value(&params.oui, &headers, "oui"),
        product_class: meta_value(&params.product_class, &headers, "productClass"),
        version: meta_value(&params.version, &headers, "version"),
        length: body.len() as u64,
        sha256: hex(&Sha256::digest(&body)),
        uploaded: now_ms(),
    };
    let existed = state.store.file_meta(&name).await?.is_some();
    state.store.put_file(&meta, &body).await?;
    let status = if existed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(json!(meta))))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn get_file<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    let meta = state
        .store
        .file_meta(&name)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("file {name}")))?;
    Ok(Json(json!(meta)))
}

async fn delete_file<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(name): Path<String>,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(
        state.store.delete_file(&name).await?,
        format!("file {name}"),
    )
}

async fn list_files<S: Store>(State(state): State<Arc<ApiState<S>>>) -> ApiResult<Json<Value>> {
    Ok(Json(json!(state.store.list_files().await?)))
}

pub fn routes<S: Store>() -> Router<Arc<ApiState<S>>> {
    Router::new().route("/files", get(list_files::<S>)).route(
        "/files/{name}",
        get(get_file::<S>)
            .put(put_file::<S>)
            .delete(delete_file::<S>)
            .layer(DefaultBodyLimit::max(MAX_FILE_BYTES)),
    )
}
