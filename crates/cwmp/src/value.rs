//! TR-106 parameter value types.
//!
//! On the wire a value is text with an optional `xsi:type`. [`Value`] keeps exactly that, so
//! decoding costs no parsing and nothing a device sends is lost; [`TypedValue`] is the parsed
//! form with canonical formatting, produced on demand.

use crate::datetime::DateTime;
use base64::Engine as _;
use std::fmt;

/// The `xsi:type` of a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ValueType {
    String,
    Int,
    UnsignedInt,
    Long,
    UnsignedLong,
    Boolean,
    DateTime,
    Base64,
    HexBinary,
    Decimal,
    /// A type this crate does not know, kept as given on the wire (e.g. `"xsd:anyURI"`).
    Other(String),
}

impl ValueType {
    /// The `xsd:` qualified name used when encoding.
    pub fn xsi_type(&self) -> &str {
        match self {
            ValueType::String => "xsd:string",
            ValueType::Int => "xsd:int",
            ValueType::UnsignedInt => "xsd:unsignedInt",
            ValueType::Long => "xsd:long",
            ValueType::UnsignedLong => "xsd:unsignedLong",
            ValueType::Boolean => "xsd:boolean",
            ValueType::DateTime => "xsd:dateTime",
            ValueType::Base64 => "xsd:base64Binary",
            ValueType::HexBinary => "xsd:hexBinary",
            ValueType::Decimal => "xsd:decimal",
            ValueType::Other(s) => s,
        }
    }

    /// Recognises an `xsi:type` whatever prefix it carries (`xsd:`, `xs:`, `soap-enc:` or
    /// none); TR-106's names (`base64`, `unsignedInt`, ...) are accepted too.
    pub fn from_xsi_type(raw: &str) -> ValueType {
        // What nearly every device and ACS sends, matched before the general path.
        match raw {
            "xsd:string" => return ValueType::String,
            "xsd:unsignedInt" => return ValueType::UnsignedInt,
            "xsd:boolean" => return ValueType::Boolean,
            _ => {}
        }
        let local = match raw.bytes().rposition(|b| b == b':') {
            Some(i) => &raw[i + 1..],
            None => raw,
        }
        .trim();
        match local {
            "string" => ValueType::String,
            "int" | "integer" => ValueType::Int,
            "unsignedInt" => ValueType::UnsignedInt,
            "long" => ValueType::Long,
            "unsignedLong" => ValueType::UnsignedLong,
            "boolean" => ValueType::Boolean,
            "dateTime" => ValueType::DateTime,
            "base64" | "base64Binary" => ValueType::Base64,
            "hexBinary" => ValueType::HexBinary,
            "decimal" => ValueType::Decimal,
            _ => ValueType::Other(raw.trim().to_string()),
        }
    }

    /// The TR-106 / GenieACS short name (`xsd:` prefix dropped).
    pub fn name(&self) -> &str {
        let full = self.xsi_type();
        full.strip_prefix("xsd:").unwrap_or(full)
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.xsi_type())
    }
}

/// A parameter value as carried on the wire: the text and the `xsi:type`, if there was one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Value {
    /// `None` when the sender gave no `xsi:type` (allowed by the schema, common on devices).
    pub ty: Option<ValueType>,
    pub text: String,
}

impl Value {
    pub fn new(ty: ValueType, text: impl Into<String>) -> Value {
        Value {
            ty: Some(ty),
            text: text.into(),
        }
    }

    pub fn string(text: impl Into<String>) -> Value {
        Value::new(ValueType::String, text)
    }

    pub fn untyped(text: impl Into<String>) -> Value {
        Value {
            ty: None,
            text: text.into(),
        }
    }

    /// Parses the text as its declared type (a missing type means string).
    pub fn typed(&self) -> Result<TypedValue, InvalidValue> {
        TypedValue::parse(self.ty.as_ref().unwrap_or(&ValueType::String), &self.text)
    }
}

impl From<TypedValue> for Value {
    fn from(v: TypedValue) -> Value {
        Value {
            ty: Some(v.value_type()),
            text: v.to_string(),
        }
    }
}

/// A value parsed according to its TR-106 type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedValue {
    String(String),
    Int(i32),
    UnsignedInt(u32),
    Long(i64),
    UnsignedLong(u64),
    Boolean(bool),
    DateTime(DateTime),
    Base64(Vec<u8>),
    HexBinary(Vec<u8>),
    /// Kept as validated text in canonical form: decimals have no fixed precision.
    Decimal(String),
    /// A value of a type this crate does not know: the type and text as given.
    Other(String, String),
}

/// The text is not a valid value of its declared type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a valid {ty}")]
pub struct InvalidValue {
    pub ty: String,
    pub text: String,
}

/// Parses a boolean the way devices write them: `true/false/1/0`, any case, trimmed.
pub fn parse_bool(s: &str) -> Option<bool> {
    let s = s.trim();
    if s == "1" || s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s == "0" || s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn parse_decimal(s: &str) -> Option<String> {
    let (sign, body) = match s.as_bytes().first() {
        Some(b'-') => ("-", &s[1..]),
        Some(b'+') => ("", &s[1..]),
        _ => ("", s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|c| c.is_ascii_digit())
        || !frac.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let sign = if int == "0" && frac.is_empty() {
        ""
    } else {
        sign
    };
    Some(if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    })
}

fn parse_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

impl TypedValue {
    pub fn parse(ty: &ValueType, text: &str) -> Result<TypedValue, InvalidValue> {
        let err = || InvalidValue {
            ty: ty.name().to_string(),
            text: text.to_string(),
        };
        let t = text.trim();
        Ok(match ty {
            ValueType::String => TypedValue::String(text.to_string()),
            ValueType::Int => TypedValue::Int(t.parse().map_err(|_| err())?),
            ValueType::UnsignedInt => TypedValue::UnsignedInt(t.parse().map_err(|_| err())?),
            ValueType::Long => TypedValue::Long(t.parse().map_err(|_| err())?),
            ValueType::UnsignedLong => TypedValue::UnsignedLong(t.parse().map_err(|_| err())?),
            ValueType::Boolean => TypedValue::Boolean(parse_bool(t).ok_or_else(err)?),
            ValueType::DateTime => TypedValue::DateTime(DateTime::parse(t).map_err(|_| err())?),
            ValueType::Base64 => {
                let compact: String = t.split_ascii_whitespace().collect();
                TypedValue::Base64(
                    base64::engine::general_purpose::STANDARD
                        .decode(compact.as_bytes())
                        .map_err(|_| err())?,
                )
            }
            ValueType::HexBinary => TypedValue::HexBinary(parse_hex(t).ok_or_else(err)?),
            ValueType::Decimal => TypedValue::Decimal(parse_decimal(t).ok_or_else(err)?),
            ValueType::Other(name) => TypedValue::Other(name.clone(), text.to_string()),
        })
    }

    pub fn value_type(&self) -> ValueType {
        match self {
            TypedValue::String(_) => ValueType::String,
            TypedValue::Int(_) => ValueType::Int,
            TypedValue::UnsignedInt(_) => ValueType::UnsignedInt,
            TypedValue::Long(_) => ValueType::Long,
            TypedValue::UnsignedLong(_) => ValueType::UnsignedLong,
            TypedValue::Boolean(_) => ValueType::Boolean,
            TypedValue::DateTime(_) => ValueType::DateTime,
            TypedValue::Base64(_) => ValueType::Base64,
            TypedValue::HexBinary(_) => ValueType::HexBinary,
            TypedValue::Decimal(_) => ValueType::Decimal,
            TypedValue::Other(ty, _) => ValueType::Other(ty.clone()),
        }
    }
}

impl fmt::Display for TypedValue {
    /// The canonical lexical form: booleans as `true`/`false`, integers without sign or zero
    /// padding noise, base64 without line breaks, hexBinary upper case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypedValue::String(s) | TypedValue::Decimal(s) | TypedValue::Other(_, s) => {
                f.write_str(s)
            }
            TypedValue::Int(v) => write!(f, "{v}"),
            TypedValue::UnsignedInt(v) => write!(f, "{v}"),
            TypedValue::Long(v) => write!(f, "{v}"),
            TypedValue::UnsignedLong(v) => write!(f, "{v}"),
            TypedValue::Boolean(v) => f.write_str(if *v { "true" } else { "false" }),
            TypedValue::DateTime(v) => write!(f, "{v}"),
            TypedValue::Base64(v) => {
                f.write_str(&base64::engine::general_purpose::STANDARD.encode(v))
            }
            TypedValue::HexBinary(v) => v.iter().try_for_each(|b| write!(f, "{b:02X}")),
        }
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{Value, ValueType};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    impl Serialize for ValueType {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.xsi_type())
        }
    }

    impl<'de> Deserialize<'de> for ValueType {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            Ok(ValueType::from_xsi_type(&s))
        }
    }

    /// JSON shape: `{"type": "xsd:string", "value": "text"}`; `type` absent when untyped.
    #[derive(Serialize, Deserialize)]
    struct ValueJson {
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        ty: Option<ValueType>,
        value: String,
    }

    impl Serialize for Value {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            ValueJson {
                ty: self.ty.clone(),
                value: self.text.clone(),
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Value {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v = ValueJson::deserialize(d)?;
            Ok(Value {
                ty: v.ty,
                text: v.value,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(ty: ValueType, text: &str) -> String {
        TypedValue::parse(&ty, text)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_string()
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(canon(ValueType::Boolean, "1"), "true");
        assert_eq!(canon(ValueType::Boolean, " FALSE "), "false");
        assert_eq!(canon(ValueType::Int, " -42"), "-42");
        assert_eq!(canon(ValueType::UnsignedInt, "+7"), "7");
        assert_eq!(
            canon(ValueType::UnsignedLong, "18446744073709551615"),
            "18446744073709551615"
        );
        assert_eq!(
            canon(ValueType::Long, "-9223372036854775808"),
            "-9223372036854775808"
        );
        assert_eq!(canon(ValueType::Decimal, "007.500"), "7.5");
        assert_eq!(canon(ValueType::Decimal, "-0.0"), "0");
        assert_eq!(canon(ValueType::Decimal, ".5"), "0.5");
        assert_eq!(canon(ValueType::HexBinary, "0aff"), "0AFF");
        assert_eq!(canon(ValueType::Base64, "aGVs\nbG8="), "aGVsbG8=");
        assert_eq!(
            canon(ValueType::DateTime, "2024-01-02T03:04:05.500Z"),
            "2024-01-02T03:04:05.5Z"
        );
        assert_eq!(canon(ValueType::String, "  kept  "), "  kept  ");
    }

    #[test]
    fn refuses_out_of_range_and_malformed() {
        for (ty, text) in [
            (ValueType::Int, "2147483648"),
            (ValueType::UnsignedInt, "-1"),
            (ValueType::Boolean, "yes"),
            (ValueType::HexBinary, "abc"),
            (ValueType::Base64, "***"),
            (ValueType::Decimal, "1.2.3"),
            (ValueType::Decimal, "."),
            (ValueType::DateTime, "now"),
        ] {
            assert!(
                TypedValue::parse(&ty, text).is_err(),
                "{ty} {text:?} accepted"
            );
        }
    }

    #[test]
    fn xsi_types_with_any_prefix() {
        assert_eq!(
            ValueType::from_xsi_type("xs:unsignedInt"),
            ValueType::UnsignedInt
        );
        assert_eq!(
            ValueType::from_xsi_type("soap-enc:base64"),
            ValueType::Base64
        );
        assert_eq!(ValueType::from_xsi_type("boolean"), ValueType::Boolean);
        let other = ValueType::from_xsi_type("xsd:anyURI");
        assert_eq!(other, ValueType::Other("xsd:anyURI".into()));
        assert_eq!(other.xsi_type(), "xsd:anyURI");
        assert_eq!(ValueType::UnsignedInt.name(), "unsignedInt");
    }

    #[test]
    fn untyped_values_read_as_strings() {
        let v = Value::untyped("abc");
        assert_eq!(v.typed(), Ok(TypedValue::String("abc".into())));
        let v: Value = TypedValue::Boolean(true).into();
        assert_eq!(v, Value::new(ValueType::Boolean, "true"));
    }
}
