//! How each Rust type used in a message maps to XML: scalars as element text, `Vec<T>` as a
//! SOAP-encoded array, `Option<T>` as an element that may be absent, structs through the
//! `cwmp_struct!` macro.

use super::error::DecodeError;
use super::read::{Dec, El};
use super::write::Writer;
use crate::datetime::DateTime;
use crate::event::EventCode;
use crate::fault::FaultCode;
use crate::value::{Value, ValueType, parse_bool};

pub(crate) trait XmlField: Sized {
    fn encode_field(&self, w: &mut Writer, name: &str);
    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>>;
}

/// A struct whose fields are child elements. Missing children keep their `Default`, unknown
/// children are skipped: devices omit and add elements more often than they get them wrong.
pub(crate) trait XmlStruct: Default {
    fn encode_children(&self, w: &mut Writer);
    /// Decodes `el` into the matching field; `false` when no field has that name.
    fn decode_child(&mut self, r: &mut Dec<'_>, el: &El<'_>) -> Result<bool, Box<DecodeError>>;
}

pub(crate) fn decode_struct<T: XmlStruct>(
    r: &mut Dec<'_>,
    el: &El<'_>,
) -> Result<T, Box<DecodeError>> {
    let mut value = T::default();
    while let Some(child) = r.next_child(el)? {
        if !value.decode_child(r, &child)? {
            r.skip(&child)?;
        }
    }
    Ok(value)
}

/// An element of a SOAP-encoded array.
pub(crate) trait ArrayItem: XmlField {
    /// The element name of each item.
    const ELEMENT: &'static str;
    /// The `soap-enc:arrayType` item type, without the `[n]`.
    const ARRAY_TYPE: &'static str;
}

impl<T: ArrayItem> XmlField for Vec<T> {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        let array_type = format!("{}[{}]", T::ARRAY_TYPE, self.len());
        w.open_with(name, &[("soap-enc:arrayType", &array_type)]);
        for item in self {
            item.encode_field(w, T::ELEMENT);
        }
        w.close(name);
    }

    /// Every child is an item whatever its name, and the declared `arrayType` count is not
    /// trusted: devices get both wrong.
    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        // The declared count only sizes the first allocation, and is capped so a lying
        // header cannot make us reserve memory the body does not fill.
        let declared = el
            .attr_with("arrayType", declared_count)
            .flatten()
            .unwrap_or(0);
        let mut items = Vec::with_capacity(declared.min(256));
        while let Some(child) = r.next_child(el)? {
            let item = T::decode_field(r, &child).map_err(|e| e.within(T::ELEMENT))?;
            items.push(item);
        }
        Ok(items)
    }
}

/// The `n` of an `arrayType` like `cwmp:ParameterValueStruct[n]`.
fn declared_count(array_type: &str) -> Option<usize> {
    let open = array_type.bytes().rposition(|b| b == b'[')?;
    array_type[open + 1..]
        .strip_suffix(']')?
        .trim()
        .parse()
        .ok()
}

impl<T: XmlField> XmlField for Option<T> {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        if let Some(v) = self {
            v.encode_field(w, name);
        }
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        T::decode_field(r, el).map(Some)
    }
}

impl XmlField for String {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf(name, self);
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        Ok(r.text(el)?.into_owned())
    }
}

impl ArrayItem for String {
    const ELEMENT: &'static str = "string";
    const ARRAY_TYPE: &'static str = "xsd:string";
}

macro_rules! numeric_field {
    ($($ty:ty => $expected:literal),*) => {$(
        impl XmlField for $ty {
            fn encode_field(&self, w: &mut Writer, name: &str) {
                w.leaf_display(name, self);
            }

            fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
                let text = r.text(el)?;
                let t = text.trim();
                t.strip_prefix('+').unwrap_or(t).parse().map_err(|_| r.invalid($expected, &text))
            }
        }
    )*};
}

numeric_field!(u32 => "unsignedInt", i32 => "int", u8 => "small integer");

impl XmlField for bool {
    /// `1`/`0` rather than `true`/`false`: both are valid xsd:boolean, and the digits are
    /// what every embedded agent parses, including those that only `atoi` the text.
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf(name, if *self { "1" } else { "0" });
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let text = r.text(el)?;
        parse_bool(&text).ok_or_else(|| r.invalid("boolean", &text))
    }
}

impl XmlField for DateTime {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf_display(name, self);
    }

    /// An empty dateTime is read as the unknown time: some devices send `<StartTime/>`.
    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let text = r.text(el)?;
        if text.trim().is_empty() {
            return Ok(DateTime::UNKNOWN);
        }
        DateTime::parse(&text).map_err(|_| r.invalid("dateTime", &text))
    }
}

impl XmlField for EventCode {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf(name, &self.as_wire());
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        Ok(EventCode::parse(&r.text(el)?))
    }
}

impl XmlField for FaultCode {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        w.leaf_display(name, self.code());
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        u32::decode_field(r, el).map(FaultCode::from_code)
    }
}

impl XmlField for Value {
    fn encode_field(&self, w: &mut Writer, name: &str) {
        match &self.ty {
            Some(ty) => w.open_with(name, &[("xsi:type", ty.xsi_type())]),
            None => w.open(name),
        }
        w.text(&self.text);
        w.close(name);
    }

    fn decode_field(r: &mut Dec<'_>, el: &El<'_>) -> Result<Self, Box<DecodeError>> {
        let ty = el.attr_with("type", ValueType::from_xsi_type);
        let text = r.text(el)?.into_owned();
        Ok(Value { ty, text })
    }
}

/// Declares a message struct and its XML mapping in one place, so field names, XML names and
/// JSON names cannot drift apart. A field marked `[repeated]` is a sequence of sibling
/// elements rather than a SOAP array. `Debug` never shows a field marked `[secret]`, nor a
/// field marked `[sensitive]` when the struct's `name` says it holds a secret (see
/// [`crate::message::is_secret_parameter`]): secrets must not reach logs.
macro_rules! cwmp_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $xml:literal $([$kind:ident])? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Default)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
        $vis struct $name {
            $(
                $(#[$fmeta])*
                #[cfg_attr(feature = "serde", serde(rename = $xml))]
                pub $field: $ty,
            )*
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let mut d = f.debug_struct(stringify!($name));
                $( cwmp_struct!(@debug $($kind)? ; d, self, $field); )*
                d.finish()
            }
        }

        impl $crate::codec::field::XmlStruct for $name {
            #[allow(unused_variables)]
            fn encode_children(&self, w: &mut $crate::codec::write::Writer) {
                $( cwmp_struct!(@encode $($kind)? ; w, &self.$field, $xml); )*
            }

            #[allow(unused_variables, clippy::match_single_binding)]
            fn decode_child(
                &mut self,
                r: &mut $crate::codec::read::Dec<'_>,
                el: &$crate::codec::read::El<'_>,
            ) -> Result<bool, Box<$crate::codec::error::DecodeError>> {
                match el.local() {
                    $( $xml => {
                        cwmp_struct!(@decode $($kind)? ; r, el, self.$field, $xml);
                        Ok(true)
                    } )*
                    _ => Ok(false),
                }
            }
        }

        impl $crate::codec::field::XmlField for $name {
            fn encode_field(&self, w: &mut $crate::codec::write::Writer, name: &str) {
                w.open(name);
                $crate::codec::field::XmlStruct::encode_children(self, w);
                w.close(name);
            }

            fn decode_field(
                r: &mut $crate::codec::read::Dec<'_>,
                el: &$crate::codec::read::El<'_>,
            ) -> Result<Self, Box<$crate::codec::error::DecodeError>> {
                $crate::codec::field::decode_struct(r, el)
            }
        }
    };
    (@debug $(repeated)? ; $d:ident, $s:ident, $field:ident) => {
        $d.field(stringify!($field), &$s.$field)
    };
    (@debug secret ; $d:ident, $s:ident, $field:ident) => {
        $d.field(stringify!($field), &$crate::message::Redacted)
    };
    (@debug sensitive ; $d:ident, $s:ident, $field:ident) => {
        if $crate::message::is_secret_parameter(&$s.name) {
            $d.field(stringify!($field), &$crate::message::Redacted)
        } else {
            $d.field(stringify!($field), &$s.$field)
        }
    };
    (@encode $(secret)? $(sensitive)? ; $w:ident, $value:expr, $xml:literal) => {
        $crate::codec::field::XmlField::encode_field($value, $w, $xml)
    };
    (@encode repeated ; $w:ident, $value:expr, $xml:literal) => {
        for item in $value {
            $crate::codec::field::XmlField::encode_field(item, $w, $xml);
        }
    };
    (@decode $(secret)? $(sensitive)? ; $r:ident, $el:ident, $target:expr, $xml:literal) => {
        $target = $crate::codec::field::XmlField::decode_field($r, $el).map_err(|e| e.within($xml))?
    };
    (@decode repeated ; $r:ident, $el:ident, $target:expr, $xml:literal) => {
        $target.push($crate::codec::field::XmlField::decode_field($r, $el).map_err(|e| e.within($xml))?)
    };
}

/// Makes a struct usable as a SOAP array item named like the type, e.g.
/// `<ParameterValueStruct>` with array type `cwmp:ParameterValueStruct`.
macro_rules! array_item {
    ($($ty:ident),* $(,)?) => {$(
        impl $crate::codec::field::ArrayItem for $ty {
            const ELEMENT: &'static str = stringify!($ty);
            const ARRAY_TYPE: &'static str = concat!("cwmp:", stringify!($ty));
        }
    )*};
}

pub(crate) use array_item;
pub(crate) use cwmp_struct;
