//! Loads a Broadband Forum data-model document (the `*-full.xml` files: TR-181, TR-098,
//! TR-104, TR-135, TR-157, ...) into a [`Schema`].
//!
//! What is read, from every `<model>`:
//! - `<object>`: the generic path as written (`Device.WiFi.SSID.{i}.`), `multi` when it ends
//!   with `.{i}.`, writable when `access="readWrite"`, `minEntries`/`maxEntries`
//!   (`unbounded`: no maximum; absent: 1, the standard's default) and `numEntriesParameter`,
//!   made a full path by prefixing the table's parent object (`Device.WiFi.SSIDNumberOfEntries`).
//! - `<parameter>`: object path + name; writable for `readWrite` and `writeOnceReadOnly`;
//!   `activeNotify`; from `<syntax>` the type (a built-in element or a `<dataType ref=...>` /
//!   `<dataType base=...>` resolved through its chain of `base=`), `<range>`s, `<size>`,
//!   `<enumeration>` values, `<list>`, and the `<default type="object">` value (factory and
//!   implementation defaults are not initial values and are ignored).
//! - Service models (`isService="true"`) have paths relative to where they are mounted
//!   (`VoiceService.{i}.`, with `VoiceServiceNumberOfEntries` directly in the model);
//!   [`LoadOptions::service_root`] prefixes them (e.g. `Device.Services.`).
//!
//! Left out on purpose: descriptions and all other prose, profiles, components, units,
//! patterns, path references, `hidden`/`secured`/`command`, and the `<size>` of a `<list>` as a
//! whole (`Constraints` holds limits on the items). Items marked `status="deleted"` (objects,
//! parameters, enumeration values, facets, defaults) are left out; deprecated and obsoleted
//! ones are kept, as devices still carry them. A range bound that is not an integer (only
//! decimals could have one) drops that type's ranges rather than keeping half of them.
//! `<object base=...>` and `<parameter base=...>` (modifications, seen in component-based
//! documents, not in the full ones) update the earlier definition.
//!
//! A document with several models (TR-157 has `Device:1.7` and `InternetGatewayDevice:1.8`)
//! loads all of them into one schema unless [`LoadOptions::model`] picks some.
//!
//! Named data types come from the document's own top-level `<dataType>` definitions and from
//! [`LoadOptions::extra_types`] (e.g. `tr-106-types.xml` read with [`DataTypes::from_file`]);
//! the document's own win. A reference no loaded definition satisfies is an error
//! ([`BbfError::UnknownDataType`]): silently calling it a string would make the device send a
//! wrong `xsi:type`, and the message says which file to supply.

mod build;
mod error;
mod read;
mod types;

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod tests;

pub use error::{BbfError, Position};
pub use types::{DataType, DataTypes};

use crate::schema::Schema;
use std::path::Path;

/// How to load a document.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Generic path prefixes to keep (`"Device.WiFi."`, `"Device.DeviceInfo.UpTime"`); empty:
    /// everything. The objects on the way to a kept path, and the count parameters of the
    /// tables kept, are kept too.
    pub include: Vec<String>,
    /// Named data types defined in other documents, for `<dataType ref=...>` the document
    /// does not define itself.
    pub extra_types: Option<DataTypes>,
    /// Load only the models with this name, either exact (`"Device:1.7"`) or without the
    /// version (`"Device"`). `None`: every model of the document.
    pub model: Option<String>,
    /// Prefix for the paths of service models, e.g. `"Device.Services."` (a missing final
    /// `.` is added). `None`: the paths as written (`VoiceService.{i}.`).
    pub service_root: Option<String>,
}

/// Loads the schema of the models in a BBF data-model document.
pub fn load_schema(xml: &str, options: &LoadOptions) -> Result<Schema, BbfError> {
    let doc = read::read_document(xml, true)?;
    build::build(doc, options)
}

/// [`load_schema`] on a file.
pub fn load_schema_file(path: &Path, options: &LoadOptions) -> Result<Schema, BbfError> {
    load_schema(&read_file(path)?, options)
}

fn read_file(path: &Path) -> Result<String, BbfError> {
    std::fs::read_to_string(path).map_err(|source| BbfError::Io {
        path: path.to_path_buf(),
        source,
    })
}
