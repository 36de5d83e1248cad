//! A pull reader over quick-xml that gives the decoder what CWMP needs: child elements by
//! local name (prefixes and namespaces of children are ignored, which is what makes the decoder
//! accept every way devices qualify them), text with entities resolved, and skipping of what is
//! not understood. Every loop is bounded by the input, and nesting by `max_depth`.

use super::error::{DecodeError, DecodeErrorKind};
use crate::version::Namespace;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// An element that has just been opened.
pub(crate) struct El<'a> {
    pub(crate) start: BytesStart<'a>,
    /// `<x/>`: there is no content and no end tag to consume.
    pub(crate) empty: bool,
}

impl El<'_> {
    pub(crate) fn local(&self) -> &str {
        let name = self.start.name().into_inner();
        // A byte scan: names are short, and `rfind(':')` pays for a generic searcher.
        match name.bytes().rposition(|b| b == b':') {
            Some(i) => &name[i + 1..],
            None => name,
        }
    }

    pub(crate) fn prefix(&self) -> Option<&str> {
        let name = self.start.name().into_inner();
        name.bytes().rposition(|b| b == b':').map(|i| &name[..i])
    }

    /// Applies `f` to the value of the first attribute whose local name is `local`, whatever
    /// its prefix. The common case (no references, no control characters) costs no allocation.
    pub(crate) fn attr_with<R>(&self, local: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        let attr = self
            .start
            .attributes()
            .with_checks(false)
            .flatten()
            .find(|a| {
                let key = a.key.into_inner();
                let key_local = match key.bytes().rposition(|b| b == b':') {
                    Some(i) => &key[i + 1..],
                    None => key,
                };
                key_local == local && !key.starts_with("xmlns")
            })?;
        if attr.value.bytes().any(|b| b == b'&' || b < 0x20) {
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(replace_illegal_chars)
                .unwrap_or_default();
            Some(f(&value))
        } else {
            Some(f(&attr.value))
        }
    }

    /// The value of the first attribute whose local name is `local`, whatever its prefix.
    pub(crate) fn attr(&self, local: &str) -> Option<String> {
        self.attr_with(local, str::to_string)
    }

    /// Appends this element's declarations of cwmp namespaces as `(prefix, namespace)`, the
    /// prefix empty for a default namespace. Other declarations are not kept: only the cwmp
    /// namespace matters for decoding, and skipping them saves allocations on every envelope.
    pub(crate) fn cwmp_namespace_decls(&self, out: &mut Vec<(String, Namespace)>) {
        for a in self.start.attributes().with_checks(false).flatten() {
            let key = a.key.into_inner();
            let prefix = if key == "xmlns" {
                ""
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                p
            } else {
                continue;
            };
            if let Some(ns) = Namespace::from_uri(&a.value) {
                out.push((prefix.to_string(), ns));
            }
        }
    }
}

pub(crate) struct Dec<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    depth: usize,
    max_depth: usize,
    /// Where the event read last starts, so errors point at the markup that caused them
    /// rather than past it.
    event_start: usize,
    /// Where the text read last by [`Dec::text`] starts, for errors about its value.
    text_start: usize,
}

impl<'a> Dec<'a> {
    pub(crate) fn new(src: &'a str, max_depth: usize) -> Dec<'a> {
        let mut reader = quick_xml::Reader::from_str(src);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Dec {
            reader,
            depth: 0,
            max_depth,
            event_start: 0,
            text_start: 0,
        }
    }

    pub(crate) fn offset(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// An error located at the start of the event read last.
    pub(crate) fn error(&self, kind: DecodeErrorKind) -> Box<DecodeError> {
        DecodeError::new(kind, self.event_start)
    }

    /// An error about the text read last, located where that text starts.
    pub(crate) fn invalid(&self, expected: &'static str, found: &str) -> Box<DecodeError> {
        DecodeError::new(
            DecodeErrorKind::InvalidValue {
                expected,
                found: found.to_string(),
            },
            self.text_start,
        )
    }

    #[inline(always)]
    fn next_event(&mut self) -> Result<Event<'a>, Box<DecodeError>> {
        self.event_start = self.offset();
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err(self.error(DecodeErrorKind::DoctypeRefused)),
            Ok(Event::Eof) => Err(self.error(DecodeErrorKind::UnexpectedEof)),
            Ok(event) => Ok(event),
            Err(e) => {
                let offset = usize::try_from(self.reader.error_position()).unwrap_or(0);
                Err(DecodeError::new(
                    DecodeErrorKind::Syntax(e.to_string()),
                    offset,
                ))
            }
        }
    }

    fn enter(&mut self) -> Result<(), Box<DecodeError>> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error(DecodeErrorKind::TooDeep {
                limit: self.max_depth,
            }));
        }
        Ok(())
    }

    /// Reads the next top-level item: an element, or `None` at the end of the document.
    /// Declarations, comments, processing instructions and whitespace are passed over.
    pub(crate) fn next_root(&mut self) -> Result<Option<El<'a>>, Box<DecodeError>> {
        loop {
            self.event_start = self.offset();
            let event = match self.reader.read_event() {
                Ok(Event::Eof) => return Ok(None),
                Ok(event) => event,
                Err(e) => {
                    let offset = usize::try_from(self.reader.error_position()).unwrap_or(0);
                    return Err(DecodeError::new(
                        DecodeErrorKind::Syntax(e.to_string()),
                        offset,
                    ));
                }
            };
            match event {
                Event::Start(start) => {
                    self.enter()?;
                    return Ok(Some(El {
                        start,
                        empty: false,
                    }));
                }
                Event::Empty(start) => return Ok(Some(El { start, empty: true })),
                Event::DocType(_) => return Err(self.error(DecodeErrorKind::DoctypeRefused)),
                Event::Text(t) if t.trim_ascii().is_empty() => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(DecodeErrorKind::StrayText));
                }
                Event::End(_) => {
                    return Err(self.error(DecodeErrorKind::Syntax("unmatched end tag".into())));
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::Eof => {}
            }
        }
    }

    /// The next child element of the element last opened, or `None` once its end tag has been
    /// consumed. Text between children (mixed content) is ignored.
    pub(crate) fn next_child(
        &mut self,
        parent: &El<'_>,
    ) -> Result<Option<El<'a>>, Box<DecodeError>> {
        if parent.empty {
            return Ok(None);
        }
        loop {
            match self.next_event()? {
                Event::Start(start) => {
                    self.enter()?;
                    return Ok(Some(El {
                        start,
                        empty: false,
                    }));
                }
                Event::Empty(start) => return Ok(Some(El { start, empty: true })),
                Event::End(_) => {
                    self.depth -= 1;
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    /// The text content of `el`, with entity and character references resolved and CDATA
    /// sections included. Child elements inside a text field are skipped.
    pub(crate) fn text(&mut self, el: &El<'_>) -> Result<Cow<'a, str>, Box<DecodeError>> {
        if el.empty {
            self.text_start = self.event_start;
            return Ok(Cow::Borrowed(""));
        }
        self.text_start = self.offset();
        let mut acc: Option<Cow<'a, str>> = None;
        // Set when a piece may hold a carriage return or a character XML 1.0 cannot carry;
        // clean text (nearly all of it) is then passed through without a second look.
        let mut dirty = false;
        loop {
            let piece: Cow<'a, str> = match self.next_event()? {
                Event::Text(t) if has_control(&t) => {
                    dirty = true;
                    t.xml10_content()
                }
                Event::Text(t) => t.into_inner(),
                // Line ends are normalised inside CDATA sections too (XML 1.0 section 2.11).
                Event::CData(c) if has_control(&c) => {
                    dirty = true;
                    c.xml10_content()
                }
                Event::CData(c) => c.into_inner(),
                Event::GeneralRef(r) => {
                    dirty = true;
                    let offset = self.event_start;
                    Cow::Owned(
                        resolve_reference(&r).map_err(|kind| DecodeError::new(kind, offset))?,
                    )
                }
                Event::Start(start) => {
                    self.enter()?;
                    let child = El {
                        start,
                        empty: false,
                    };
                    self.skip(&child)?;
                    continue;
                }
                Event::End(_) => {
                    self.depth -= 1;
                    let text = acc.unwrap_or(Cow::Borrowed(""));
                    return Ok(if dirty {
                        replace_illegal_chars(text)
                    } else {
                        text
                    });
                }
                _ => continue,
            };
            acc = Some(match acc {
                None => piece,
                Some(prev) => Cow::Owned(prev.into_owned() + &piece),
            });
        }
    }

    /// Consumes `el` and everything inside it.
    pub(crate) fn skip(&mut self, el: &El<'_>) -> Result<(), Box<DecodeError>> {
        if el.empty {
            return Ok(());
        }
        let target = self.depth - 1;
        while self.depth > target {
            match self.next_event()? {
                Event::Start(_) => self.enter()?,
                Event::End(_) => self.depth -= 1,
                _ => {}
            }
        }
        Ok(())
    }
}

/// Whether text holds a control character other than tab and line feed: a carriage return to
/// normalise, or a character XML 1.0 cannot carry.
fn has_control(s: &str) -> bool {
    // Eight bytes at a time: a word holds a byte below 0x20 exactly when this SWAR test fires.
    // It fires for tab and line feed too; those words get the exact check.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let exact = |chunk: &[u8]| chunk.iter().any(|&b| b < 0x20 && b != b'\t' && b != b'\n');
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0 && exact(chunk) {
            return true;
        }
    }
    exact(chunks.remainder())
}

/// Replaces the control characters XML 1.0 cannot carry (raw, read from a lenient
/// ISO-8859-1 body, or as `&#1;`) by U+FFFD, as the encoder does: what decodes can then always
/// be encoded and read back unchanged, and one bad byte does not cost the whole message.
fn replace_illegal_chars(s: Cow<'_, str>) -> Cow<'_, str> {
    let illegal = |c: char| matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}');
    // All the illegal characters are ASCII, so a byte scan finds them; it is the hot path.
    let has_illegal = s
        .bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'));
    if has_illegal {
        Cow::Owned(s.replace(illegal, "\u{FFFD}"))
    } else {
        s
    }
}

fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Result<String, DecodeErrorKind> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c.to_string()),
            _ => Err(DecodeErrorKind::UnknownEntity(r.to_string())),
        };
    }
    let c = match &**r {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        other => return Err(DecodeErrorKind::UnknownEntity(other.to_string())),
    };
    Ok(c.to_string())
}
