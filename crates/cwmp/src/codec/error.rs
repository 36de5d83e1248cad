//! Codec errors: what went wrong and where.

use crate::version::CwmpVersion;
use std::fmt;

/// What went wrong while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The body is larger than [`DecodeOptions::max_bytes`](super::DecodeOptions).
    TooLarge { size: usize, limit: usize },
    /// Elements nest deeper than [`DecodeOptions::max_depth`](super::DecodeOptions).
    TooDeep { limit: usize },
    /// A `<!DOCTYPE` was present; refused so no entity can ever be expanded.
    DoctypeRefused,
    /// The XML itself is malformed.
    Syntax(String),
    /// An entity other than the five predefined ones (`&amp;` ...) was referenced.
    UnknownEntity(String),
    /// The document ended inside an element.
    UnexpectedEof,
    /// The root element is not a SOAP `Envelope`.
    NotAnEnvelope(String),
    /// The envelope has no `Body`.
    MissingBody,
    /// A field's text is not valid for its type.
    InvalidValue {
        expected: &'static str,
        found: String,
    },
    /// Text outside the root element.
    StrayText,
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeErrorKind::TooLarge { size, limit } => {
                write!(
                    f,
                    "message of {size} bytes exceeds the limit of {limit} bytes"
                )
            }
            DecodeErrorKind::TooDeep { limit } => {
                write!(f, "elements nest deeper than the limit of {limit}")
            }
            DecodeErrorKind::DoctypeRefused => f.write_str("DOCTYPE declarations are not allowed"),
            DecodeErrorKind::Syntax(msg) => write!(f, "malformed XML: {msg}"),
            DecodeErrorKind::UnknownEntity(name) => write!(f, "unknown entity &{name};"),
            DecodeErrorKind::UnexpectedEof => f.write_str("unexpected end of document"),
            DecodeErrorKind::NotAnEnvelope(name) => {
                write!(f, "root element <{name}> is not a SOAP Envelope")
            }
            DecodeErrorKind::MissingBody => f.write_str("SOAP Envelope has no Body"),
            DecodeErrorKind::InvalidValue { expected, found } => {
                write!(f, "{found:?} is not a valid {expected}")
            }
            DecodeErrorKind::StrayText => f.write_str("text outside the Envelope"),
        }
    }
}

/// A decoding failure with its position: byte offset, line and column (1-based), and the path
/// of elements leading to it (e.g. `Envelope/Body/Inform/MaxEnvelopes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub kind: DecodeErrorKind,
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    /// Innermost element last.
    pub path: Vec<String>,
}

impl DecodeError {
    /// Boxed: decoding functions return `Result<T, Box<DecodeError>>` so that the success
    /// path moves a pointer-sized error slot, not the whole error, on every field.
    pub(crate) fn new(kind: DecodeErrorKind, offset: usize) -> Box<DecodeError> {
        Box::new(DecodeError {
            kind,
            offset,
            line: 0,
            column: 0,
            path: Vec::new(),
        })
    }

    /// Records that the error happened inside element `name`; called while unwinding, so
    /// the path costs nothing unless there is an error.
    pub(crate) fn within(mut self: Box<Self>, name: &str) -> Box<DecodeError> {
        self.path.insert(0, name.to_string());
        self
    }

    pub(crate) fn locate(mut self: Box<Self>, src: &str) -> Box<DecodeError> {
        let upto = &src.as_bytes()[..self.offset.min(src.len())];
        self.line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        self.column = upto.len() - line_start + 1;
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if !self.path.is_empty() {
            write!(f, " in {}", self.path.join("/"))?;
        }
        write!(
            f,
            " at line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

impl std::error::Error for DecodeError {}

/// Why a message could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    #[error("{method} does not exist in CWMP {version} (it appeared in {since})")]
    NotInVersion {
        method: &'static str,
        version: CwmpVersion,
        since: CwmpVersion,
    },
    #[error("method {0:?} is not known to this crate and cannot be encoded")]
    UnknownMethod(String),
}
