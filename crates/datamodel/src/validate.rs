//! Checking a value against its parameter definition, as SetParameterValues must.

use crate::schema::ParamDef;
use cwmp::{FaultCode, TypedValue, Value, ValueType};

/// Why a value was refused: the fault code and a message for SetParameterValuesFault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: FaultCode,
    pub message: String,
}

impl Refusal {
    fn new(code: FaultCode, message: impl Into<String>) -> Refusal {
        Refusal {
            code,
            message: message.into(),
        }
    }
}

/// Whether a declared `xsi:type` may carry a value of type `expected`. A string may carry
/// anything (many ACSes type every value as a string); integer types may carry each other's
/// values when the value fits, which the range check then decides.
fn type_compatible(given: &ValueType, expected: &ValueType) -> bool {
    use ValueType::*;
    let integer = |t: &ValueType| matches!(t, Int | UnsignedInt | Long | UnsignedLong);
    given == expected
        || *given == String
        || (integer(given) && integer(expected))
        || matches!(given, Other(_))
}

/// Validates `value` for `def` and returns its canonical text.
pub fn check_value(def: &ParamDef, value: &Value) -> Result<String, Refusal> {
    if let Some(given) = &value.ty
        && !type_compatible(given, &def.ty)
    {
        return Err(Refusal::new(
            FaultCode::InvalidParameterType,
            format!("expected {}, got {}", def.ty.xsi_type(), given.xsi_type()),
        ));
    }
    if def.constraints.list && def.ty != ValueType::String {
        return check_list_items(def, &value.text);
    }
    let typed = TypedValue::parse(&def.ty, &value.text)
        .map_err(|e| Refusal::new(FaultCode::InvalidParameterValue, e.to_string()))?;
    check_constraints(def, &typed, &value.text)?;
    Ok(match typed {
        // Strings keep their exact text; everything else is stored canonically.
        TypedValue::String(_) => value.text.clone(),
        other => other.to_string(),
    })
}

/// A list of items that are not strings (`25,50,75`): each item must be a value of the
/// parameter's type meeting its constraints; the list is stored with canonical items.
fn check_list_items(def: &ParamDef, text: &str) -> Result<String, Refusal> {
    if text.is_empty() {
        return Ok(String::new());
    }
    let mut item_def = def.clone();
    item_def.constraints.list = false;
    let mut items = Vec::new();
    for item in text.split(',').map(str::trim) {
        let typed = TypedValue::parse(&def.ty, item)
            .map_err(|e| Refusal::new(FaultCode::InvalidParameterValue, e.to_string()))?;
        check_constraints(&item_def, &typed, item)?;
        items.push(typed.to_string());
    }
    Ok(items.join(","))
}

fn check_constraints(def: &ParamDef, typed: &TypedValue, text: &str) -> Result<(), Refusal> {
    let c = &def.constraints;
    let bad = |m: String| Err(Refusal::new(FaultCode::InvalidParameterValue, m));
    let number: Option<i128> = match typed {
        TypedValue::Int(v) => Some(i128::from(*v)),
        TypedValue::UnsignedInt(v) => Some(i128::from(*v)),
        TypedValue::Long(v) => Some(i128::from(*v)),
        TypedValue::UnsignedLong(v) => Some(i128::from(*v)),
        _ => None,
    };
    if let Some(n) = number
        && !c.ranges.is_empty()
        && !c
            .ranges
            .iter()
            .any(|(lo, hi)| lo.is_none_or(|lo| n >= lo) && hi.is_none_or(|hi| n <= hi))
    {
        return bad(format!("{n} is outside the allowed range"));
    }
    let items: Vec<&str> = if c.list {
        if text.is_empty() {
            Vec::new()
        } else {
            text.split(',').map(str::trim).collect()
        }
    } else {
        vec![text]
    };
    for item in items {
        let len = match typed {
            TypedValue::Base64(b) | TypedValue::HexBinary(b) if !c.list => b.len(),
            _ => item.chars().count(),
        };
        if c.max_length.is_some_and(|max| len > max as usize) {
            return bad(format!("{len} characters exceed the maximum length"));
        }
        if c.min_length.is_some_and(|min| len < min as usize) {
            return bad(format!("{len} characters are below the minimum length"));
        }
        if !c.enumeration.is_empty() && !c.enumeration.iter().any(|e| e == item) {
            return bad(format!("{item:?} is not one of the allowed values"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(ty: ValueType) -> ParamDef {
        ParamDef::new(ty, true)
    }

    #[test]
    fn types_are_checked() {
        let d = def(ValueType::UnsignedInt);
        assert_eq!(
            check_value(&d, &Value::new(ValueType::UnsignedInt, "42")),
            Ok("42".into())
        );
        assert_eq!(check_value(&d, &Value::string("42")), Ok("42".into()));
        assert_eq!(check_value(&d, &Value::untyped("+7")), Ok("7".into()));
        let wrong = check_value(&d, &Value::new(ValueType::Boolean, "true")).unwrap_err();
        assert_eq!(wrong.code, FaultCode::InvalidParameterType);
        let bad = check_value(&d, &Value::new(ValueType::UnsignedInt, "-1")).unwrap_err();
        assert_eq!(bad.code, FaultCode::InvalidParameterValue);
        let b = def(ValueType::Boolean);
        assert_eq!(
            check_value(&b, &Value::new(ValueType::Boolean, "1")),
            Ok("true".into())
        );
    }

    #[test]
    fn constraints_are_checked() {
        let mut d = def(ValueType::UnsignedInt);
        d.constraints.ranges = vec![(Some(1), Some(13)), (Some(36), None)];
        assert!(check_value(&d, &Value::untyped("13")).is_ok());
        assert!(check_value(&d, &Value::untyped("40")).is_ok());
        assert!(check_value(&d, &Value::untyped("20")).is_err());
        let mut s = def(ValueType::String);
        s.constraints.max_length = Some(4);
        assert!(check_value(&s, &Value::string("abcd")).is_ok());
        assert_eq!(
            check_value(&s, &Value::string("abcde")).unwrap_err().code,
            FaultCode::InvalidParameterValue
        );
        let mut e = def(ValueType::String);
        e.constraints.enumeration = vec!["a".into(), "n".into(), "ac".into()];
        e.constraints.list = true;
        assert!(check_value(&e, &Value::string("a,n,ac")).is_ok());
        assert!(check_value(&e, &Value::string("")).is_ok());
        assert!(check_value(&e, &Value::string("a,x")).is_err());
    }

    #[test]
    fn lists_of_numbers_are_checked_item_by_item() {
        let mut d = def(ValueType::UnsignedInt);
        d.constraints.list = true;
        d.constraints.ranges = vec![(Some(0), Some(256))];
        assert_eq!(d.wire_type(), ValueType::String);
        assert_eq!(
            check_value(&d, &Value::string("128, +256")),
            Ok("128,256".into())
        );
        assert_eq!(check_value(&d, &Value::string("")), Ok(String::new()));
        for bad in ["128,512", "128,x", "128,"] {
            assert_eq!(
                check_value(&d, &Value::string(bad)).unwrap_err().code,
                FaultCode::InvalidParameterValue,
                "{bad}"
            );
        }
    }
}
