//! Device models in the formats of genieacs-sim (the GenieACS CPE simulator), turned into a
//! [`Profile`].
//!
//! Two formats exist:
//!
//! - CSV, as exported by the GenieACS UI for one device: a header row naming the columns
//!   (`Parameter,Object,Writable,Value,Value type`, often followed by timestamp, notification
//!   and access-list columns, which are ignored), then one row per object or parameter.
//!   Object rows name the path without the trailing dot and have `Object` = `true`.
//! - JSON: an object mapping each path to `[writable]` (objects, path ending with `.`) or
//!   `[writable, value, type]` (parameters; the type may be left out).
//!
//! Both describe one concrete device. The loader derives the schema from it:
//!
//! - paths become generic paths ([`crate::generic_path`]); every instance number (`X.1.`) makes a
//!   table `X.{i}.`, writable when the ACS could add or delete entries: when the container
//!   row (`X.`) or any instance row (`X.1.`) is marked writable. An object without instances
//!   is a table too when its parent has the matching `...NumberOfEntries` parameter (and the
//!   object has no children of its own), which also becomes the table's count parameter.
//!   Other objects are plain objects; their writable flag has no meaning and is dropped.
//! - a parameter's type comes from the type column (`xsd:string`, ...; missing: string);
//!   it is writable when any of its instances is. When instances disagree on the type, the
//!   one most of them give wins (the first seen on a tie); an empty `xsd:string` value, what
//!   GenieACS lists for a value it never fetched, does not count.
//! - every table entry becomes an `instance` (parents first, in natural order) and every
//!   parameter value a `value`, except values equal to the type's zero value (`""`, `0`,
//!   `false`, the unknown time): the schema defines no defaults, so a device built from the
//!   profile starts with exactly the values of the file. Empty values are dropped as well
//!   (for a number, boolean or time they mean "unknown": the zero value stands in). Booleans
//!   are written `true`/`false` (files often use `1`/`0`); other values are kept verbatim.
//!   Values of count parameters (`...NumberOfEntries` linked to a table) are dropped too:
//!   the tree counts the instances.
//! - the identity comes from GenieACS's `DeviceID.Manufacturer`/`OUI`/`ProductClass` rows
//!   when present (what the device sent in its Inform, which genieacs-sim prefers too), else
//!   from `Device.DeviceInfo.*` or `InternetGatewayDevice.DeviceInfo.*`.
//! - rows outside `Device.` and `InternetGatewayDevice.` (GenieACS's `DeviceID.*`, `Events.*`,
//!   `Tags.*`, `VirtualParameters.*`, ...) are not part of the data model and are skipped.

mod builder;
mod csv;
mod json;

use crate::profile::Profile;
use builder::Builder;
use std::path::{Path, PathBuf};

/// Why a model file could not be loaded. Errors in the content carry their position.
#[derive(Debug, thiserror::Error)]
pub enum SimModelError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: unknown model format (expected a .csv or .json file)")]
    UnknownFormat { path: PathBuf },
    #[error("line {line}: the file is not valid UTF-8")]
    NotUtf8 { line: usize },
    #[error("CSV line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("JSON line {line} column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("invalid profile name {name:?}: no surrounding spaces or control characters")]
    InvalidName { name: String },
    #[error("the model has no Device. or InternetGatewayDevice. objects or parameters")]
    Empty,
}

impl SimModelError {
    /// The line of the file the error is about, when it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            SimModelError::NotUtf8 { line }
            | SimModelError::Csv { line, .. }
            | SimModelError::Json { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// Reads a model in genieacs-sim's CSV form.
pub fn profile_from_csv(text: &str, name: &str) -> Result<Profile, SimModelError> {
    check_name(name)?;
    let mut builder = Builder::default();
    csv::load(strip_bom(text), &mut builder)?;
    builder.finish(name)
}

/// Reads a model in genieacs-sim's JSON form.
pub fn profile_from_json(text: &str, name: &str) -> Result<Profile, SimModelError> {
    check_name(name)?;
    let mut builder = Builder::default();
    json::load(strip_bom(text), &mut builder)?;
    builder.finish(name)
}

/// Reads a `.csv` or `.json` model file; the profile is named after the file (its stem).
pub fn load_sim_model(path: &Path) -> Result<Profile, SimModelError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let parse = match extension.as_deref() {
        Some("csv") => profile_from_csv,
        Some("json") => profile_from_json,
        _ => {
            return Err(SimModelError::UnknownFormat {
                path: path.to_path_buf(),
            });
        }
    };
    let bytes = std::fs::read(path).map_err(|source| SimModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        SimModelError::NotUtf8 {
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
        }
    })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse(&text, &name)
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn check_name(name: &str) -> Result<(), SimModelError> {
    if name.trim() != name || name.chars().any(char::is_control) {
        return Err(SimModelError::InvalidName {
            name: name.to_string(),
        });
    }
    Ok(())
}
