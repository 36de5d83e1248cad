//! Walks a BBF data-model document with quick-xml and keeps what a schema needs: named data
//! types and, per `<model>`, its objects and parameters with their syntax. Descriptions,
//! profiles, components, bibliography and every other element are skipped unread.
//!
//! Every element is matched by its local name (any prefix). Only the nesting the standard
//! defines is descended into, so recursion is bounded; anything else is skipped with a loop.

use super::error::{BbfError, LineCounter, Position};
use super::types::{DataTypes, Facets, TypeSpec, builtin};
use crate::schema::ActiveNotify;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// What [`read_document`] found.
#[derive(Debug, Default)]
pub(super) struct Document {
    pub types: DataTypes,
    pub models: Vec<Model>,
}

#[derive(Debug)]
pub(super) struct Model {
    pub name: String,
    /// `isService="true"`: paths are relative to where the service is mounted.
    pub service: bool,
    /// Parameters directly in the model (service models' `...NumberOfEntries`).
    pub params: Vec<Param>,
    pub objects: Vec<Object>,
}

#[derive(Debug)]
pub(super) struct Object {
    /// `name=`, or `base=` when this element modifies an object defined before.
    pub path: String,
    pub modifies: bool,
    pub writable: Option<bool>,
    pub min_entries: Option<u32>,
    /// `Some(None)`: unbounded.
    pub max_entries: Option<Option<u32>>,
    pub num_entries_parameter: Option<String>,
    pub deleted: bool,
    pub params: Vec<Param>,
    pub at: Position,
}

#[derive(Debug)]
pub(super) struct Param {
    pub name: String,
    pub modifies: bool,
    pub writable: Option<bool>,
    pub active_notify: Option<ActiveNotify>,
    pub syntax: Option<Syntax>,
    pub deleted: bool,
    pub at: Position,
}

#[derive(Debug)]
pub(super) struct Syntax {
    pub spec: TypeSpec,
    /// The `<default type="object">` value.
    pub default: Option<String>,
}

/// Reads the data types and (when `with_models`) the models of a document.
pub(super) fn read_document(xml: &str, with_models: bool) -> Result<Document, BbfError> {
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let mut c = Cursor::new(xml);
    let root = match c.next()? {
        Node::Open(tag) => tag,
        Node::Close => return Err(c.xml_error("unexpected end tag")),
        Node::End => return Err(c.invalid(0, "no root element".into())),
    };
    if root.name() != "document" {
        return Err(BbfError::Invalid {
            at: root.at,
            message: format!("root element is <{}>, expected <document>", root.name()),
        });
    }
    let mut doc = Document::default();
    c.children(|c, tag| match tag.name() {
        "dataType" => {
            let name = tag.required("name")?.into_owned();
            let mut spec = TypeSpec::new(tag.at);
            spec.base = tag.attr("base")?.map(Cow::into_owned);
            read_spec(c, &mut spec, &mut None)?;
            doc.types.insert(name, spec);
            Ok(())
        }
        "model" if with_models => {
            let model = read_model(c, &tag)?;
            doc.models.push(model);
            Ok(())
        }
        _ => c.skip(),
    })?;
    // Whatever follows the root element: only comments and processing instructions may.
    match c.next()? {
        Node::End => Ok(doc),
        Node::Open(tag) => Err(BbfError::Xml {
            at: tag.at,
            message: "a second root element".into(),
        }),
        Node::Close => Err(c.xml_error("unexpected end tag")),
    }
}

fn read_model(c: &mut Cursor<'_>, tag: &Tag<'_>) -> Result<Model, BbfError> {
    let mut model = Model {
        name: tag.required("name")?.into_owned(),
        service: tag
            .attr("isService")?
            .is_some_and(|v| v == "true" || v == "1"),
        params: Vec::new(),
        objects: Vec::new(),
    };
    c.children(|c, tag| match tag.name() {
        "object" => {
            let object = read_object(c, &tag)?;
            model.objects.push(object);
            Ok(())
        }
        "parameter" => {
            let param = read_param(c, &tag)?;
            model.params.push(param);
            Ok(())
        }
        _ => c.skip(),
    })?;
    Ok(model)
}

fn read_object(c: &mut Cursor<'_>, tag: &Tag<'_>) -> Result<Object, BbfError> {
    let (path, modifies) = name_or_base(tag)?;
    let writable = match tag.attr("access")?.as_deref() {
        None => None,
        Some("readOnly") => Some(false),
        Some("readWrite") => Some(true),
        Some(other) => return Err(tag.bad("access", other)),
    };
    let min_entries = match tag.attr("minEntries")? {
        None => None,
        Some(v) => Some(v.parse().map_err(|_| tag.bad("minEntries", &v))?),
    };
    let max_entries = match tag.attr("maxEntries")? {
        None => None,
        Some(v) if v == "unbounded" => Some(None),
        Some(v) => Some(Some(v.parse().map_err(|_| tag.bad("maxEntries", &v))?)),
    };
    let mut object = Object {
        path,
        modifies,
        writable,
        min_entries,
        max_entries,
        num_entries_parameter: tag.attr("numEntriesParameter")?.map(Cow::into_owned),
        deleted: tag.attr("status")?.is_some_and(|s| s == "deleted"),
        params: Vec::new(),
        at: tag.at,
    };
    c.children(|c, tag| match tag.name() {
        "parameter" => {
            let param = read_param(c, &tag)?;
            object.params.push(param);
            Ok(())
        }
        _ => c.skip(),
    })?;
    Ok(object)
}

fn read_param(c: &mut Cursor<'_>, tag: &Tag<'_>) -> Result<Param, BbfError> {
    let (name, modifies) = name_or_base(tag)?;
    let writable = match tag.attr("access")?.as_deref() {
        None => None,
        Some("readOnly") => Some(false),
        // Written once (by the ACS, in practice when it names a new instance), then fixed:
        // the loader treats it as writable and leaves "once" to the device logic.
        Some("readWrite" | "writeOnceReadOnly") => Some(true),
        Some(other) => return Err(tag.bad("access", other)),
    };
    let active_notify = match tag.attr("activeNotify")? {
        None => None,
        Some(v) => Some(ActiveNotify::parse(&v).ok_or_else(|| tag.bad("activeNotify", &v))?),
    };
    let mut param = Param {
        name,
        modifies,
        writable,
        active_notify,
        syntax: None,
        deleted: tag.attr("status")?.is_some_and(|s| s == "deleted"),
        at: tag.at,
    };
    c.children(|c, tag| match tag.name() {
        "syntax" => {
            let mut syntax = Syntax {
                spec: TypeSpec::new(tag.at),
                default: None,
            };
            read_spec(c, &mut syntax.spec, &mut syntax.default)?;
            param.syntax = Some(syntax);
            Ok(())
        }
        _ => c.skip(),
    })?;
    Ok(param)
}

fn name_or_base(tag: &Tag<'_>) -> Result<(String, bool), BbfError> {
    if let Some(name) = tag.attr("name")? {
        return Ok((name.into_owned(), false));
    }
    match tag.attr("base")? {
        Some(base) => Ok((base.into_owned(), true)),
        None => Err(BbfError::Invalid {
            at: tag.at,
            message: format!("<{}> has neither name nor base", tag.name()),
        }),
    }
}

/// The children of a `<syntax>` or of a `<dataType>` definition.
fn read_spec(
    c: &mut Cursor<'_>,
    spec: &mut TypeSpec,
    default: &mut Option<String>,
) -> Result<(), BbfError> {
    c.children(|c, tag| {
        let name = tag.name();
        if let Some(ty) = builtin(name) {
            spec.builtin = Some(ty);
            return read_facets(c, &mut spec.facets);
        }
        match name {
            // The list's own <size> limits the whole string; Constraints keeps item limits.
            "list" => {
                spec.facets.list = true;
                c.skip()
            }
            "dataType" => {
                spec.at = tag.at;
                spec.base = match tag.attr("ref")? {
                    Some(r) => Some(r.into_owned()),
                    None => tag.attr("base")?.map(Cow::into_owned),
                };
                read_facets(c, &mut spec.facets)
            }
            "default" => {
                let object = tag.attr("type")?.is_some_and(|t| t == "object");
                if object && !is_deleted(&tag)? {
                    *default = Some(tag.required("value")?.into_owned());
                }
                c.skip()
            }
            _ => {
                read_facet(&tag, &mut spec.facets)?;
                c.skip()
            }
        }
    })
}

/// The facet children of a type element.
fn read_facets(c: &mut Cursor<'_>, facets: &mut Facets) -> Result<(), BbfError> {
    c.children(|c, tag| {
        read_facet(&tag, facets)?;
        c.skip()
    })
}

/// Records `tag` when it is a facet a schema keeps (range, size, enumeration); the caller
/// skips its content.
fn read_facet(tag: &Tag<'_>, facets: &mut Facets) -> Result<(), BbfError> {
    if is_deleted(tag)? {
        return Ok(());
    }
    match tag.name() {
        "range" => {
            let mut bound = |key: &str| -> Result<Option<i128>, BbfError> {
                let Some(v) = tag.attr(key)? else {
                    return Ok(None);
                };
                let v = v.trim();
                if let Ok(n) = v.parse::<i128>() {
                    return Ok(Some(n));
                }
                match v.parse::<f64>() {
                    Ok(f) if f.is_finite() => {
                        facets.ranges_unrepresentable = true;
                        Ok(None)
                    }
                    _ => Err(tag.bad(key, v)),
                }
            };
            let range = (bound("minInclusive")?, bound("maxInclusive")?);
            facets.ranges.push(range);
        }
        "size" => {
            let length = |key: &str| -> Result<Option<u32>, BbfError> {
                match tag.attr(key)? {
                    None => Ok(None),
                    Some(v) => v.trim().parse().map(Some).map_err(|_| tag.bad(key, &v)),
                }
            };
            let size = (length("minLength")?, length("maxLength")?);
            facets.sizes.push(size);
        }
        "enumeration" => facets.enumeration.push(tag.required("value")?.into_owned()),
        _ => {}
    }
    Ok(())
}

fn is_deleted(tag: &Tag<'_>) -> Result<bool, BbfError> {
    Ok(tag.attr("status")?.is_some_and(|s| s == "deleted"))
}

/// An element that has just been opened.
pub(super) struct Tag<'a> {
    start: BytesStart<'a>,
    pub at: Position,
}

impl<'a> Tag<'a> {
    /// The local name (without prefix).
    pub(super) fn name(&self) -> &str {
        let name = self.start.name().into_inner();
        name.rsplit(':').next().unwrap_or(name)
    }

    /// The value of the unprefixed attribute `key`, with references resolved.
    pub(super) fn attr(&self, key: &str) -> Result<Option<Cow<'_, str>>, BbfError> {
        for attr in self.start.attributes() {
            let attr = attr.map_err(|e| self.xml(e.to_string()))?;
            if attr.key.into_inner() == key {
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| self.xml(e.to_string()))?;
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    fn required(&self, key: &str) -> Result<Cow<'_, str>, BbfError> {
        self.attr(key)?.ok_or_else(|| BbfError::Invalid {
            at: self.at,
            message: format!("<{}> has no {key} attribute", self.name()),
        })
    }

    fn bad(&self, key: &str, value: &str) -> BbfError {
        BbfError::Invalid {
            at: self.at,
            message: format!("<{}> has a bad {key}: {value:?}", self.name()),
        }
    }

    fn xml(&self, message: String) -> BbfError {
        BbfError::Xml {
            at: self.at,
            message,
        }
    }
}

pub(super) enum Node<'a> {
    Open(Tag<'a>),
    Close,
    End,
}

/// A pull reader yielding only elements; an empty element `<x/>` yields `Open` then `Close`.
struct Cursor<'a> {
    reader: Reader<&'a [u8]>,
    lines: LineCounter<'a>,
    depth: usize,
    pending_close: bool,
}

impl<'a> Cursor<'a> {
    fn new(xml: &'a str) -> Cursor<'a> {
        Cursor {
            reader: Reader::from_str(xml),
            lines: LineCounter::new(xml),
            depth: 0,
            pending_close: false,
        }
    }

    fn next(&mut self) -> Result<Node<'a>, BbfError> {
        if self.pending_close {
            self.pending_close = false;
            return Ok(Node::Close);
        }
        loop {
            let offset = self.reader.buffer_position() as usize;
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(e) => {
                    let at = self.reader.error_position() as usize;
                    return Err(BbfError::Xml {
                        at: self.lines.position(at),
                        message: e.to_string(),
                    });
                }
            };
            match event {
                Event::Start(start) => {
                    self.depth += 1;
                    let at = self.lines.position(offset);
                    return Ok(Node::Open(Tag { start, at }));
                }
                Event::Empty(start) => {
                    self.pending_close = true;
                    let at = self.lines.position(offset);
                    return Ok(Node::Open(Tag { start, at }));
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Node::Close);
                }
                Event::Eof if self.depth > 0 => {
                    return Err(self.xml_error("the document ends inside an element"));
                }
                Event::Eof => return Ok(Node::End),
                // Text, references, comments, declarations, PIs and DOCTYPE carry nothing a
                // schema needs (no entity is ever expanded).
                _ => {}
            }
        }
    }

    /// Calls `f` for each child element of the element just opened, up to its end tag. `f`
    /// must consume the child it is given (with `children` or `skip`).
    fn children(
        &mut self,
        mut f: impl FnMut(&mut Self, Tag<'a>) -> Result<(), BbfError>,
    ) -> Result<(), BbfError> {
        loop {
            match self.next()? {
                Node::Open(tag) => f(self, tag)?,
                Node::Close => return Ok(()),
                Node::End => return Err(self.xml_error("the document ends inside an element")),
            }
        }
    }

    /// Consumes the rest of the element just opened, whatever it holds.
    fn skip(&mut self) -> Result<(), BbfError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Node::Open(_) => depth += 1,
                Node::Close => depth -= 1,
                Node::End => return Err(self.xml_error("the document ends inside an element")),
            }
        }
        Ok(())
    }

    fn xml_error(&mut self, message: &str) -> BbfError {
        let at = self.reader.buffer_position() as usize;
        BbfError::Xml {
            at: self.lines.position(at),
            message: message.into(),
        }
    }

    fn invalid(&mut self, offset: usize, message: String) -> BbfError {
        BbfError::Invalid {
            at: self.lines.position(offset),
            message,
        }
    }
}
