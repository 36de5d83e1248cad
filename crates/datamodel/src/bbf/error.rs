//! What can go wrong while loading a BBF data-model document, and where.

use std::fmt;
use std::path::PathBuf;

/// A place in a document: 1-based line and column (in characters), and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// Turns byte offsets into positions. Offsets must be asked for in increasing order (as a
/// reader meets them), so that the whole document is scanned for newlines only once.
#[derive(Debug)]
pub(super) struct LineCounter<'a> {
    src: &'a str,
    /// Byte offset up to which newlines have been counted, and the line found there.
    scanned: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(src: &'a str) -> LineCounter<'a> {
        LineCounter {
            src,
            scanned: 0,
            line: 1,
            line_start: 0,
        }
    }

    pub(super) fn position(&mut self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.src, offset.min(self.src.len()));
        if offset < self.scanned {
            // Out of order (an error reported at an earlier place): count afresh.
            *self = LineCounter::new(self.src);
        }
        for (i, b) in self.src.as_bytes()[self.scanned..offset].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.scanned + i + 1;
            }
        }
        self.scanned = offset;
        Position {
            line: self.line,
            column: self.src[self.line_start..offset].chars().count() + 1,
            offset,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Why a data-model document could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum BbfError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The text is not well-formed XML.
    #[error("malformed XML at {at}: {message}")]
    Xml { at: Position, message: String },
    /// Well-formed XML that is not a usable data-model document (a bad attribute value, a
    /// parameter without a type, ...).
    #[error("invalid data model at {at}: {message}")]
    Invalid { at: Position, message: String },
    /// A `<dataType ref=...>` or `base=...` names a type that no loaded document defines.
    #[error(
        "unknown data type {name:?} used by {used_by} at {at}; \
         supply its definition with LoadOptions::extra_types (e.g. tr-106-types.xml)"
    )]
    UnknownDataType {
        name: String,
        used_by: String,
        at: Position,
    },
    /// A chain of `base=` attributes comes back to a type already in it.
    #[error("data type {name:?} derives from itself (defined at {at})")]
    DataTypeCycle { name: String, at: Position },
    /// The document has no `<model>` element.
    #[error("the document has no <model>")]
    NoModel,
    /// `LoadOptions::model` matched none of the document's models.
    #[error("no model matches {wanted:?}; the document has {available:?}")]
    ModelNotFound {
        wanted: String,
        available: Vec<String>,
    },
}

impl BbfError {
    /// Where in the document the problem is, when it is about a place.
    pub fn position(&self) -> Option<Position> {
        match self {
            BbfError::Xml { at, .. }
            | BbfError::Invalid { at, .. }
            | BbfError::UnknownDataType { at, .. }
            | BbfError::DataTypeCycle { at, .. } => Some(*at),
            BbfError::Io { .. } | BbfError::NoModel | BbfError::ModelNotFound { .. } => None,
        }
    }
}
