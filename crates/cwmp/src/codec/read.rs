//! A pull reader over quick-xml that gives the decoder what CWMP needs: child elements by
//! local name (prefixes and namespaces of children are ignored, which is what makes the decoder
//! accept every way devices qualify them), text with entities resolved, and skipping of what is
//! not understood. Every loop is bounded by the input, and nesting by `max_depth`.

use super::error::{DecodeError, DecodeErrorKind};
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
        match name.rfind(':') {
            Some(i) => &name[i + 1..],
            None => name,
        }
    }

    pub(crate) fn prefix(&self) -> Option<&str> {
        let name = self.start.name().into_inner();
        name.rfind(':').map(|i| &name[..i])
    }

    /// The value of the first attribute whose local name is `local`, whatever its prefix.
    pub(crate) fn attr(&self, local: &str) -> Option<String> {
        self.start
            .attributes()
            .with_checks(false)
            .flatten()
            .find_map(|a| {
                let key = a.key.into_inner();
                let key_local = key.rsplit(':').next().unwrap_or(key);
                (key_local == local && !key.starts_with("xmlns")).then(|| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| replace_illegal_chars(v).into_owned())
                        .unwrap_or_default()
                })
            })
    }

    /// Namespace declarations on this element: `(prefix, uri)`, prefix empty for the default.
    pub(crate) fn namespace_decls(&self) -> Vec<(String, String)> {
        self.start
            .attributes()
            .with_checks(false)
            .flatten()
            .filter_map(|a| {
                let key = a.key.into_inner();
                let prefix = if key == "xmlns" {
                    ""
                } else {
                    key.strip_prefix("xmlns:")?
                };
                Some((prefix.to_string(), a.value.into_owned()))
            })
            .collect()
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
    pub(crate) fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(kind, self.event_start)
    }

    /// An error about the text read last, located where that text starts.
    pub(crate) fn invalid(&self, expected: &'static str, found: &str) -> DecodeError {
        DecodeError::new(
            DecodeErrorKind::InvalidValue {
                expected,
                found: found.to_string(),
            },
            self.text_start,
        )
    }

    fn next_event(&mut self) -> Result<Event<'a>, DecodeError> {
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

    fn enter(&mut self) -> Result<(), DecodeError> {
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
    pub(crate) fn next_root(&mut self) -> Result<Option<El<'a>>, DecodeError> {
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
    pub(crate) fn next_child(&mut self, parent: &El<'_>) -> Result<Option<El<'a>>, DecodeError> {
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
    pub(crate) fn text(&mut self, el: &El<'_>) -> Result<Cow<'a, str>, DecodeError> {
        if el.empty {
            self.text_start = self.event_start;
            return Ok(Cow::Borrowed(""));
        }
        self.text_start = self.offset();
        let mut acc: Option<Cow<'a, str>> = None;
        loop {
            let piece: Cow<'a, str> = match self.next_event()? {
                Event::Text(t) => t.xml10_content(),
                // Line ends are normalised inside CDATA sections too (XML 1.0 section 2.11).
                Event::CData(c) => c.xml10_content(),
                Event::GeneralRef(r) => {
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
                    return Ok(replace_illegal_chars(acc.unwrap_or(Cow::Borrowed(""))));
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
    pub(crate) fn skip(&mut self, el: &El<'_>) -> Result<(), DecodeError> {
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

/// Replaces the control characters XML 1.0 cannot carry (raw, read from a lenient
/// ISO-8859-1 body, or as `&#1;`) by U+FFFD, as the encoder does: what decodes can then always
/// be encoded and read back unchanged, and one bad byte does not cost the whole message.
fn replace_illegal_chars(s: Cow<'_, str>) -> Cow<'_, str> {
    let illegal = |c: char| matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}');
    if s.contains(illegal) {
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
