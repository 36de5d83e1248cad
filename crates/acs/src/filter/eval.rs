//! A filter applied to one device in memory: the reference meaning of the language, used by
//! tests and by stores without SQL. SQL stores must select exactly the devices this selects.
//!
//! The rules:
//!
//! - Logic is two-valued. A comparison or `LIKE` is true only when the field has a value and
//!   the value satisfies it; `NOT` is plain negation. So `Device.X <> "a"` skips devices
//!   without `Device.X`, while `NOT Device.X = "a"` includes them (in SQL: `EXISTS` and
//!   `NOT EXISTS`, not a three-valued `NULL`).
//! - A parameter has a value when its node exists and has been read; device fields always
//!   have one except `lastBoot` and `lastBootstrap` before the first (BOOTSTRAP) boot. Times
//!   are milliseconds since the epoch and compare as numbers.
//! - Against a number literal, a value compares numerically when it is written as a decimal
//!   number ([`numeric_value`]); any other value matches no operator, not even `<>`.
//! - Against a string literal, values compare as text, by Unicode code point (byte order of
//!   UTF-8, as SQL's binary collation).
//! - Against `TRUE`/`FALSE`, a value compares when it is a CWMP boolean (`1`, `0`, `true`,
//!   `false`, any case), `false` ordering before `true`; any other value matches nothing.
//! - `LIKE` is case-sensitive: `%` matches any run of characters, `_` exactly one, and `\`
//!   makes the next character literal (SQL `LIKE ... ESCAPE '\'`).
//! - `IS NULL` is true when the field has no value.
//! - `tag` reads the device's tags: `tag = "x"` when the device has tag `x`, `tag <> "x"` when
//!   it has not; other comparisons and `LIKE` when some tag satisfies them (literals compared
//!   as their text: `tag = 5` means tag `5`); `tag IS NULL` when the device has no tags.

use super::ast::{CmpOp, Expr, Field, Literal};
use crate::model::DeviceRecord;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Whether `device` matches `expr`; see the module documentation for the rules.
pub fn evaluate(expr: &Expr, device: &DeviceRecord) -> bool {
    match expr {
        Expr::And(a, b) => evaluate(a, device) && evaluate(b, device),
        Expr::Or(a, b) => evaluate(a, device) || evaluate(b, device),
        Expr::Not(e) => !evaluate(e, device),
        Expr::Compare {
            field: Field::Tag,
            op,
            value,
        } => {
            let wanted = literal_text(value);
            match op {
                CmpOp::Eq => device.tags.contains(wanted.as_ref()),
                CmpOp::Ne => !device.tags.contains(wanted.as_ref()),
                _ => device
                    .tags
                    .iter()
                    .any(|tag| holds(*op, tag.as_str().cmp(&wanted))),
            }
        }
        Expr::Compare { field, op, value } => {
            field_value(field, device).is_some_and(|v| compare(&v, *op, value))
        }
        Expr::Like {
            field: Field::Tag,
            pattern,
        } => device.tags.iter().any(|tag| like_matches(pattern, tag)),
        Expr::Like { field, pattern } => {
            field_value(field, device).is_some_and(|v| like_matches(pattern, &v))
        }
        Expr::IsNull {
            field: Field::Tag,
            negated,
        } => device.tags.is_empty() != *negated,
        Expr::IsNull { field, negated } => field_value(field, device).is_none() != *negated,
    }
}

/// The value a field reads on a device, as text; `None` when it has none. `tag` has no single
/// value and reads as `None` here ([`evaluate`] handles it apart).
pub fn field_value<'a>(field: &Field, device: &'a DeviceRecord) -> Option<Cow<'a, str>> {
    let text = |s: &'a String| Some(Cow::Borrowed(s.as_str()));
    let time = |t: i64| Some(Cow::Owned(t.to_string()));
    match field {
        Field::Parameter(path) => device
            .tree
            .get(path)
            .and_then(|node| node.value.as_ref())
            .map(|(value, _type)| Cow::Borrowed(value.as_str())),
        Field::Tag => None,
        Field::Id => text(&device.id),
        Field::Oui => text(&device.oui),
        Field::ProductClass => text(&device.product_class),
        Field::SerialNumber => text(&device.serial_number),
        Field::Manufacturer => text(&device.manufacturer),
        Field::RemoteAddress => text(&device.remote_address),
        Field::FirstSeen => time(device.first_seen),
        Field::LastInform => time(device.last_inform),
        Field::LastBoot => device.last_boot.and_then(time),
        Field::LastBootstrap => device.last_bootstrap.and_then(time),
    }
}

/// `value op literal` under the typing rules of the module documentation.
pub fn compare(value: &str, op: CmpOp, literal: &Literal) -> bool {
    let ordering = match literal {
        Literal::String(s) => Some(value.cmp(s.as_str())),
        Literal::Number(n) => numeric_value(value).and_then(|v| v.partial_cmp(n)),
        Literal::Bool(b) => cwmp_bool(value).map(|v| v.cmp(b)),
    };
    ordering.is_some_and(|o| holds(op, o))
}

fn holds(op: CmpOp, ordering: Ordering) -> bool {
    match op {
        CmpOp::Eq => ordering == Ordering::Equal,
        CmpOp::Ne => ordering != Ordering::Equal,
        CmpOp::Lt => ordering == Ordering::Less,
        CmpOp::Le => ordering != Ordering::Greater,
        CmpOp::Gt => ordering == Ordering::Greater,
        CmpOp::Ge => ordering != Ordering::Less,
    }
}

/// A literal's text, for comparing with tags.
fn literal_text(literal: &Literal) -> Cow<'_, str> {
    match literal {
        Literal::String(s) => Cow::Borrowed(s),
        Literal::Number(n) => Cow::Owned(n.to_string()),
        Literal::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
    }
}

/// The number a value is written as, when it is a decimal number as the filter language
/// writes them: `-?digits(.digits)?([eE][+-]?digits)?`. Stores that index values numerically
/// should use this so they agree with [`evaluate`]; `" 5"`, `"+5"`, `"0x10"`, `"NaN"` and
/// `"inf"` are not numbers.
pub fn numeric_value(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let integer = digits(i);
    if integer == 0 {
        return None;
    }
    i += integer;
    if bytes.get(i) == Some(&b'.') {
        let fraction = digits(i + 1);
        if fraction == 0 {
            return None;
        }
        i += 1 + fraction;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return None;
        }
        i += exponent;
    }
    if i != bytes.len() {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A CWMP boolean: `1`/`true` or `0`/`false` (xsd:boolean; devices vary in case).
fn cwmp_bool(text: &str) -> Option<bool> {
    if text == "1" || text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text == "0" || text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pat {
    /// `%`
    AnyRun,
    /// `_`
    One,
    Char(char),
}

/// Whether `text` matches the `LIKE` pattern: `%` any run, `_` one character, `\` escapes
/// the next character (a `\` at the end stands for itself). Case-sensitive.
pub fn like_matches(pattern: &str, text: &str) -> bool {
    let mut pat = Vec::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        pat.push(match c {
            '%' => Pat::AnyRun,
            '_' => Pat::One,
            '\\' => Pat::Char(chars.next().unwrap_or('\\')),
            c => Pat::Char(c),
        });
    }
    let text: Vec<char> = text.chars().collect();
    // Greedy matching that, on a mismatch, lets the most recent `%` swallow one more
    // character: O(pattern × text) at worst, no recursion, no backtracking blow-up.
    let (mut p, mut t) = (0, 0);
    let mut resume: Option<(usize, usize)> = None;
    while t < text.len() {
        match pat.get(p) {
            Some(Pat::AnyRun) => {
                resume = Some((p, t));
                p += 1;
            }
            Some(Pat::One) => {
                p += 1;
                t += 1;
            }
            Some(Pat::Char(c)) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match resume {
                Some((star, from)) => {
                    p = star + 1;
                    t = from + 1;
                    resume = Some((star, from + 1));
                }
                None => return false,
            },
        }
    }
    pat[p..].iter().all(|item| *item == Pat::AnyRun)
}
