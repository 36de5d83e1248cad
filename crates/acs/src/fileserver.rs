//! The file server CPEs download from (and upload to): GET and HEAD with ETag and single
//! byte ranges; PUT under `/uploads/` for the Upload RPC.

use crate::api::files::hex;
use crate::model::FileMeta;
use crate::store::Store;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The largest upload a CPE may send.
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

fn status(code: StatusCode) -> Response {
    code.into_response()
}

/// Parses a single `bytes=a-b`, `bytes=a-` or `bytes=-n` range against `len`; `Err` when it
/// cannot be satisfied, `Ok(None)` for forms we do not serve (multiple ranges: whole file).
fn parse_range(value: &str, len: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = value.trim().strip_prefix("bytes=") else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let (start, end) = spec.split_once('-').ok_or(())?;
    let (start, end) = match (start.trim(), end.trim()) {
        ("", "") => return Err(()),
        ("", suffix) => {
            let n: u64 = suffix.parse().map_err(|_| ())?;
            if n == 0 {
                return Err(());
            }
            (len.saturating_sub(n), len.checked_sub(1).ok_or(())?)
        }
        (s, "") => (s.parse().map_err(|_| ())?, len.checked_sub(1).ok_or(())?),
        (s, e) => (
            s.parse().map_err(|_| ())?,
            e.parse::<u64>().map_err(|_| ())?.min(len.saturating_sub(1)),
        ),
    };
    if start > end || start >= len {
        return Err(());
    }
    Ok(Some((start, end)))
}

async fn serve<S: Store>(
    State(store): State<Arc<S>>,
    method: Method,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let found = match store.get_file(&name).await {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "file server cannot read the store");
            return status(StatusCode::SERVICE_UNAVAILABLE);
        }
    };
    let Some((meta, content)) = found else {
        return status(StatusCode::NOT_FOUND);
    };
    let etag = format!("\"{}\"", meta.sha256);
    let mut response_headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        response_headers.insert(header::ETAG, v);
    }
    response_headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    response_headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
    {
        return (StatusCode::NOT_MODIFIED, response_headers).into_response();
    }
    let len = content.len() as u64;
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(|v| parse_range(v, len));
    let (code, body) = match range {
        Some(Err(())) => {
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                response_headers.insert(header::CONTENT_RANGE, v);
            }
            return (StatusCode::RANGE_NOT_SATISFIABLE, response_headers).into_response();
        }
        Some(Ok(Some((start, end)))) => {
            if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{end}/{len}")) {
                response_headers.insert(header::CONTENT_RANGE, v);
            }
            (
                StatusCode::PARTIAL_CONTENT,
                content[start as usize..=end as usize].to_vec(),
            )
        }
        _ => (StatusCode::OK, content),
    };
    response_headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    if method == Method::HEAD {
        return (code, response_headers).into_response();
    }
    (code, response_headers, Body::from(body)).into_response()
}

async fn upload<S: Store>(
    State(store): State<Arc<S>>,
    Path((device, name)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let safe = |s: &str| {
        !s.is_empty()
            && s.len() <= 200
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'%'))
    };
    if !safe(&device) || !safe(&name) || name.starts_with('.') {
        return status(StatusCode::BAD_REQUEST);
    }
    let meta = FileMeta {
        name: format!("uploads/{device}/{name}"),
        file_type: "upload".into(),
        oui: String::new(),
        product_class: String::new(),
        version: String::new(),
        length: body.len() as u64,
        sha256: hex(&Sha256::digest(&body)),
        uploaded: crate::api::tasks::now_ms(),
    };
    match store.put_file(&meta, &body).await {
        Ok(()) => status(StatusCode::CREATED),
        Err(e) => {
            tracing::error!(error = %e, "cannot store an upload");
            status(StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

pub fn router<S: Store>(store: Arc<S>) -> Router {
    Router::new()
        .route("/{name}", get(serve::<S>).head(serve::<S>))
        .route(
            "/uploads/{device}/{name}",
            put(upload::<S>).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)),
        )
        .with_state(store)
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges() {
        assert_eq!(parse_range("bytes=0-9", 100), Ok(Some((0, 9))));
        assert_eq!(parse_range("bytes=90-", 100), Ok(Some((90, 99))));
        assert_eq!(parse_range("bytes=-10", 100), Ok(Some((90, 99))));
        assert_eq!(parse_range("bytes=95-200", 100), Ok(Some((95, 99))));
        assert_eq!(parse_range("bytes=100-", 100), Err(()));
        assert_eq!(parse_range("bytes=5-1", 100), Err(()));
        assert_eq!(parse_range("bytes=0-1,5-6", 100), Ok(None));
        assert_eq!(parse_range("items=0-1", 100), Ok(None));
        assert_eq!(parse_range("bytes=-0", 100), Err(()));
        assert_eq!(parse_range("bytes=0-", 0), Err(()));
    }
}
