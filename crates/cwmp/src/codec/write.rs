//! A minimal XML writer: CWMP envelopes have a fixed shape, so writing bytes directly is both
//! the fastest way and the one that leaves nothing to a serializer's taste.

use crate::version::CwmpVersion;

pub(crate) struct Writer {
    pub(crate) out: Vec<u8>,
    pub(crate) version: CwmpVersion,
}

impl Writer {
    pub(crate) fn new(version: CwmpVersion, capacity: usize) -> Writer {
        Writer {
            out: Vec::with_capacity(capacity),
            version,
        }
    }

    pub(crate) fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn open(&mut self, name: &str) {
        self.out.push(b'<');
        self.raw(name);
        self.out.push(b'>');
    }

    /// Opens an element with attributes whose values are already safe to emit unescaped.
    pub(crate) fn open_with(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push(b'<');
        self.raw(name);
        for (key, value) in attrs {
            self.out.push(b' ');
            self.raw(key);
            self.raw("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push(b'"');
        }
        self.out.push(b'>');
    }

    pub(crate) fn close(&mut self, name: &str) {
        self.raw("</");
        self.raw(name);
        self.out.push(b'>');
    }

    pub(crate) fn text(&mut self, s: &str) {
        escape_into(&mut self.out, s, false);
    }

    pub(crate) fn leaf(&mut self, name: &str, text: &str) {
        self.open(name);
        self.text(text);
        self.close(name);
    }

    pub(crate) fn leaf_display(&mut self, name: &str, value: impl std::fmt::Display) {
        use std::io::Write as _;
        self.open(name);
        // Writing into a Vec cannot fail.
        let _ = write!(self.out, "{value}");
        self.close(name);
    }
}

/// Escapes text for XML 1.0. Carriage returns become `&#13;` so they survive the parser's
/// end-of-line normalisation; characters XML 1.0 cannot carry at all are replaced by U+FFFD.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str, attribute: bool) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'\r' => b"&#13;",
            b'"' if attribute => b"&quot;",
            b'\n' if attribute => b"&#10;",
            b'\t' if attribute => b"&#9;",
            0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F => "\u{FFFD}".as_bytes(),
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(replacement);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        let mut out = Vec::new();
        escape_into(&mut out, "a<b>&c\r\n\u{1}\"", false);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a&lt;b&gt;&amp;c&#13;\n\u{FFFD}\""
        );
        let mut out = Vec::new();
        escape_into(&mut out, "x\"y\n", true);
        assert_eq!(String::from_utf8(out).unwrap(), "x&quot;y&#10;");
    }
}
