//! `/devices`: listing with filters, one device with its parameters, deletion, tags.

use super::{ApiError, ApiResult, ApiState};
use crate::model::DeviceRecord;
use crate::store::{DeviceQuery, Store};
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// The most devices one page may hold.
pub const MAX_PAGE: u64 = 10_000;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    filter: Option<String>,
    fields: Option<String>,
    sort: Option<String>,
    limit: Option<u64>,
    offset: Option<u64>,
}

/// The JSON form of a device. `fields` limits it to the named top-level fields and to the
/// parameters under the named paths; `id` is always present.
pub fn device_json(d: &DeviceRecord, fields: Option<&[String]>) -> Value {
    let wanted = |name: &str| fields.is_none_or(|f| f.iter().any(|x| x == name));
    let mut out = Map::new();
    out.insert("id".into(), json!(d.id));
    let simple = [
        ("oui", json!(d.oui)),
        ("productClass", json!(d.product_class)),
        ("serialNumber", json!(d.serial_number)),
        ("manufacturer", json!(d.manufacturer)),
        ("firstSeen", json!(d.first_seen)),
        ("lastInform", json!(d.last_inform)),
        ("lastBoot", json!(d.last_boot)),
        ("lastBootstrap", json!(d.last_bootstrap)),
        ("remoteAddress", json!(d.remote_address)),
        ("lastEvents", json!(d.last_events)),
        ("tags", json!(d.tags)),
    ];
    for (name, value) in simple {
        if wanted(name) {
            out.insert(name.into(), value);
        }
    }
    let param_prefixes: Vec<&str> = fields
        .map(|f| {
            f.iter()
                .filter(|x| x.contains('.'))
                .map(String::as_str)
                .collect()
        })
        .unwrap_or_default();
    let all_params =
        fields.is_none() || fields.is_some_and(|f| f.iter().any(|x| x == "parameters"));
    if all_params || !param_prefixes.is_empty() {
        let mut params = Map::new();
        for (path, node) in &d.tree {
            if !all_params && !param_prefixes.iter().any(|p| path.starts_with(p)) {
                continue;
            }
            let mut entry = Map::new();
            if node.object {
                entry.insert("object".into(), json!(true));
            }
            if let Some((value, ty)) = &node.value {
                if crate::model::is_secret(path) && !value.is_empty() {
                    entry.insert("value".into(), json!(""));
                    entry.insert("redacted".into(), json!(true));
                } else {
                    entry.insert("value".into(), json!(value));
                }
                entry.insert("type".into(), json!(ty));
            }
            if let Some(w) = node.writable {
                entry.insert("writable".into(), json!(w));
            }
            if let Some(n) = node.notification {
                entry.insert("notification".into(), json!(n));
            }
            if let Some(a) = &node.access_list {
                entry.insert("accessList".into(), json!(a));
            }
            let timestamp = node.value_timestamp.unwrap_or(node.seen);
            entry.insert("timestamp".into(), json!(timestamp));
            params.insert(path.clone(), Value::Object(entry));
        }
        out.insert("parameters".into(), Value::Object(params));
    }
    Value::Object(out)
}

fn parse_sort(sort: &str) -> ApiResult<Vec<(String, bool)>> {
    sort.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s.strip_prefix('-') {
            Some(f) if !f.is_empty() => Ok((f.to_string(), true)),
            Some(_) => Err(ApiError::bad_request("empty sort field")),
            None => Ok((s.trim_start_matches('+').to_string(), false)),
        })
        .collect()
}

async fn list<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let filter = match params
        .filter
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        Some(text) => Some(
            crate::filter::parse_filter(text)
                .map_err(|e| ApiError::bad_request(format!("bad filter: {e}")))?,
        ),
        None => None,
    };
    let limit = params.limit.unwrap_or(100);
    if limit > MAX_PAGE {
        return Err(ApiError::bad_request(format!(
            "limit must be at most {MAX_PAGE}"
        )));
    }
    let query = DeviceQuery {
        filter,
        sort: parse_sort(params.sort.as_deref().unwrap_or(""))?,
        limit: Some(limit),
        offset: params.offset.unwrap_or(0),
    };
    let (total, devices) = state.store.list_devices(&query).await?;
    let fields: Option<Vec<String>> = params.fields.map(|f| {
        f.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    let items: Vec<Value> = devices
        .iter()
        .map(|d| device_json(d, fields.as_deref()))
        .collect();
    Ok(Json(json!({ "total": total, "items": items })))
}

async fn get_one<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let device = state
        .store
        .load_device(&id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("device {id}")))?;
    Ok(Json(device_json(&device, None)))
}

async fn delete_one<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    super::no_content_or_404(
        state.store.delete_device(&id).await?,
        format!("device {id}"),
    )
}

fn check_tag(tag: &str) -> ApiResult<()> {
    let ok = !tag.is_empty()
        && tag.len() <= 128
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "tags are 1-128 of A-Z a-z 0-9 - _ . :",
        ))
    }
}

async fn put_tag<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path((id, tag)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    check_tag(&tag)?;
    super::no_content_or_404(
        state.store.set_tag(&id, &tag, true).await?,
        format!("device {id}"),
    )
}

async fn delete_tag<S: Store>(
    State(state): State<Arc<ApiState<S>>>,
    Path((id, tag)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    check_tag(&tag)?;
    super::no_content_or_404(
        state.store.set_tag(&id, &tag, false).await?,
        format!("device {id}"),
    )
}

pub fn routes<S: Store>() -> Router<Arc<ApiState<S>>> {
    Router::new()
        .route("/devices", get(list::<S>))
        .route("/devices/{id}", get(get_one::<S>).delete(delete_one::<S>))
        .route(
            "/devices/{id}/tags/{tag}",
            put(put_tag::<S>).delete(delete_tag::<S>),
        )
}
