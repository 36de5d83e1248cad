//! SOAP encoding and decoding of CWMP envelopes.
//!
//! Decoding is lenient where real devices differ (prefixes, qualification, missing types and
//! counts, encodings, extra elements) and strict where it matters (well-formedness, no DTDs,
//! size and depth limits, values of the declared type). Encoding writes exactly what the
//! negotiated version's schema accepts.

pub(crate) mod envelope;
pub mod error;
pub(crate) mod field;
pub(crate) mod read;
pub(crate) mod write;

pub use envelope::{Envelope, Header};
pub use error::{DecodeError, DecodeErrorKind, EncodeError};

use crate::version::{CwmpVersion, Namespace};
use std::borrow::Cow;

/// The protocol version and the namespace it is written in. They differ for CWMP 1.3/1.4
/// (which keep the `cwmp-1-2` namespace) and for devices that use a non-standard namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dialect {
    pub version: CwmpVersion,
    pub namespace: Namespace,
}

impl Dialect {
    /// The version written in the namespace its schema defines.
    pub fn standard(version: CwmpVersion) -> Dialect {
        Dialect {
            version,
            namespace: version.standard_namespace(),
        }
    }

    /// What a namespace alone implies.
    pub fn from_namespace(namespace: Namespace) -> Dialect {
        Dialect {
            version: namespace.version(),
            namespace,
        }
    }
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect::standard(CwmpVersion::V1_0)
    }
}

/// Limits applied while decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Larger bodies are refused before parsing.
    pub max_bytes: usize,
    /// Deeper nesting is refused; real envelopes nest about 8 deep.
    pub max_depth: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 32,
        }
    }
}

/// The result of decoding an HTTP body.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// Zero envelopes for an empty body (the empty POST that ends a CPE's requests) or for an
    /// envelope with an empty Body; more than one when a peer batched them.
    pub envelopes: Vec<Envelope>,
    /// The dialect the peer used, when any envelope told.
    pub dialect: Option<Dialect>,
}

/// Decodes an HTTP body with the default limits.
pub fn decode(body: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(body, &DecodeOptions::default())
}

/// Decodes an HTTP body.
pub fn decode_with(body: &[u8], options: &DecodeOptions) -> Result<Decoded, DecodeError> {
    if body.len() > options.max_bytes {
        // Reported at the start of the body: line 1, column 1.
        return Err(DecodeError::new(
            DecodeErrorKind::TooLarge {
                size: body.len(),
                limit: options.max_bytes,
            },
            0,
        )
        .locate(""))
        .map_err(|e| *e);
    }
    let text = to_utf8(body);
    decode_str(&text, options).map_err(|e| *e.locate(&text))
}

fn decode_str(text: &str, options: &DecodeOptions) -> Result<Decoded, Box<DecodeError>> {
    let mut r = read::Dec::new(text, options.max_depth);
    let mut envelopes = Vec::new();
    let mut namespace = None;
    while let Some(root) = r.next_root()? {
        if root.local() != "Envelope" {
            return Err(r.error(DecodeErrorKind::NotAnEnvelope(root.local().to_string())));
        }
        let (envelope, ns) =
            envelope::decode_envelope(&mut r, &root).map_err(|e| e.within("Envelope"))?;
        namespace = namespace.or(ns);
        envelopes.extend(envelope);
    }
    let dialect = namespace.map(|ns| {
        let announced = envelopes.iter().find_map(|e| e.header.use_cwmp_version);
        Dialect {
            version: announced.unwrap_or(ns.version()),
            namespace: ns,
        }
    });
    Ok(Decoded { envelopes, dialect })
}

/// Turns the body into UTF-8: a UTF-8 or UTF-16 BOM is honoured, an ISO-8859-1 (or
/// windows-1252, or ASCII) declaration is honoured, and bytes that are not UTF-8 without any
/// declaration are read as ISO-8859-1 rather than refused.
fn to_utf8(body: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = body.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = body.strip_prefix(&[0xFF, 0xFE]) {
        return Cow::Owned(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = body.strip_prefix(&[0xFE, 0xFF]) {
        return Cow::Owned(utf16(rest, u16::from_be_bytes));
    }
    if declares_latin1(body) {
        return Cow::Owned(body.iter().map(|&b| char::from(b)).collect());
    }
    match std::str::from_utf8(body) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(body.iter().map(|&b| char::from(b)).collect()),
    }
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn declares_latin1(body: &[u8]) -> bool {
    if !body.starts_with(b"<?xml") {
        return false;
    }
    let decl_end = body.iter().take(256).position(|&b| b == b'>').unwrap_or(0);
    let decl = &body[..decl_end];
    let Some(pos) = decl
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"encoding"))
    else {
        return false;
    };
    let rest = &decl[pos + 8..];
    let start = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'=' | b'"' | b'\''))
        .unwrap_or(rest.len());
    let rest = &rest[start..];
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\''))
        .unwrap_or(rest.len());
    let value = &rest[..end];
    const LATIN1: [&[u8]; 8] = [
        b"iso-8859-1",
        b"iso8859-1",
        b"latin1",
        b"latin-1",
        b"l1",
        b"windows-1252",
        b"cp1252",
        b"us-ascii",
    ];
    LATIN1.iter().any(|name| value.eq_ignore_ascii_case(name))
}

/// Encodes one envelope in `dialect`.
pub fn encode(envelope: &Envelope, dialect: Dialect) -> Result<Vec<u8>, EncodeError> {
    let mut w = write::Writer::new(dialect.version, 1024);
    envelope::encode_envelope(envelope, &mut w, dialect.namespace)?;
    Ok(w.out)
}

/// Encodes one envelope in the standard namespace of `version`.
pub fn encode_version(envelope: &Envelope, version: CwmpVersion) -> Result<Vec<u8>, EncodeError> {
    encode(envelope, Dialect::standard(version))
}
