//! `/api/v1/openapi.json`: the API described for tools and people.

use axum::Json;
use serde_json::{Value, json};

fn op(summary: &str, responses: &[(&str, &str)]) -> Value {
    let responses: serde_json::Map<String, Value> = responses
        .iter()
        .map(|(code, what)| (code.to_string(), json!({ "description": what })))
        .collect();
    json!({ "summary": summary, "responses": responses })
}

fn path_param(name: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } })
}

pub fn spec() -> Value {
    let error = json!({ "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"] });
    json!({
        "openapi": "3.0.3",
        "info": { "title": "cwmp-rs ACS API", "version": env!("CARGO_PKG_VERSION") },
        "servers": [{ "url": "/api/v1" }],
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": { "Error": error }
        },
        "security": [{ "bearer": [] }],
        "paths": {
            "/devices": { "get": {
                "summary": "List devices",
                "parameters": [
                    { "name": "filter", "in": "query", "schema": { "type": "string" }, "description": "e.g. Device.DeviceInfo.SoftwareVersion = \"2.1\" AND tag = \"lab\"" },
                    { "name": "fields", "in": "query", "schema": { "type": "string" } },
                    { "name": "sort", "in": "query", "schema": { "type": "string" }, "description": "comma-separated fields, - for descending" },
                    { "name": "limit", "in": "query", "schema": { "type": "integer", "maximum": 10000 } },
                    { "name": "offset", "in": "query", "schema": { "type": "integer" } }
                ],
                "responses": { "200": { "description": "{\"total\": N, \"items\": [...]}" }, "400": { "description": "bad filter" } }
            }},
            "/devices/{id}": {
                "parameters": [path_param("id")],
                "get": op("A device with its parameters", &[("200", "the device"), ("404", "no such device")]),
                "delete": op("Delete a device with its tasks and faults", &[("204", "deleted"), ("404", "no such device")])
            },
            "/devices/{id}/tags/{tag}": {
                "parameters": [path_param("id"), path_param("tag")],
                "put": op("Tag a device", &[("204", "tagged"), ("404", "no such device")]),
                "delete": op("Untag a device", &[("204", "untagged"), ("404", "no such device")])
            },
            "/devices/{id}/credentials": {
                "parameters": [path_param("id")],
                "get": op("The device's credentials, usernames only", &[("200", "{cpe: {username}, connectionRequest: {username}}"), ("404", "none set")]),
                "put": op("Set the device's credentials: {cpe: {username, password}, connectionRequest: {username, password}}; the device need not exist yet", &[("204", "set"), ("400", "bad credentials")]),
                "delete": op("Remove the device's credentials", &[("204", "removed"), ("404", "none set")])
            },
            "/devices/{id}/tasks": {
                "parameters": [path_param("id"),
                    { "name": "connection_request", "in": "query", "schema": { "type": "boolean" } },
                    { "name": "timeout", "in": "query", "schema": { "type": "integer" }, "description": "milliseconds to wait, default 30000" }],
                "post": op("Queue a task (GenieACS task document)", &[("200", "the task ran"), ("202", "queued"), ("400", "bad task"), ("404", "no such device")])
            },
            "/presets": { "get": op("Every preset by name", &[("200", "{name: preset}")]) },
            "/presets/{name}": {
                "parameters": [path_param("name")],
                "get": op("A preset", &[("200", "the preset"), ("404", "no such preset")]),
                "put": op("Create or replace a preset: {weight, channel, events, precondition, schedule: {cron, duration}, provisions: [[name, args...]]}; only provisions is required", &[("204", "stored"), ("400", "invalid preset, with the reason")]),
                "delete": op("Delete a preset", &[("204", "deleted"), ("404", "no such preset")])
            },
            "/provisions": { "get": op("Names of the provision scripts", &[("200", "[name]")]) },
            "/provisions/{name}": {
                "parameters": [path_param("name")],
                "get": op("A provision script's source", &[("200", "the script"), ("404", "no such provision")]),
                "put": op("Create or replace a provision script; the body is the script (any text type)", &[("204", "stored"), ("400", "does not compile (with line and column), or a built-in name")]),
                "delete": op("Delete a provision script", &[("204", "deleted"), ("404", "no such provision")])
            },
            "/virtual-parameters": { "get": op("Names of the virtual parameters", &[("200", "[name]")]) },
            "/virtual-parameters/{name}": {
                "parameters": [path_param("name")],
                "get": op("A virtual parameter's script", &[("200", "the script"), ("404", "no such virtual parameter")]),
                "put": op("Create or replace a virtual parameter's script; the body is the script", &[("204", "stored"), ("400", "does not compile (with line and column)")]),
                "delete": op("Delete a virtual parameter", &[("204", "deleted"), ("404", "no such virtual parameter")])
            },
            "/tasks": { "get": op("List tasks (?device=)", &[("200", "tasks")]) },
            "/tasks/{id}": {
                "parameters": [path_param("id")],
                "get": op("A task", &[("200", "the task"), ("404", "no such task")]),
                "delete": op("Delete a task", &[("204", "deleted"), ("404", "no such task")])
            },
            "/tasks/{id}/retry": { "parameters": [path_param("id")], "post": op("Retry a faulted task now", &[("200", "queued again"), ("404", "no such task")]) },
            "/faults": { "get": op("List faults (?device=)", &[("200", "faults")]) },
            "/faults/{id}": { "parameters": [path_param("id")], "delete": op("Delete a fault", &[("204", "deleted"), ("404", "no such fault")]) },
            "/files": { "get": op("List files", &[("200", "file metadata")]) },
            "/files/{name}": {
                "parameters": [path_param("name")],
                "put": op("Upload a file (body; fileType, oui, productClass, version as query or headers)", &[("200", "replaced"), ("201", "created"), ("400", "bad name")]),
                "get": op("File metadata", &[("200", "metadata"), ("404", "no such file")]),
                "delete": op("Delete a file", &[("204", "deleted"), ("404", "no such file")])
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
