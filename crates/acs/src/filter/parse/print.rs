//! [`Expr`] back to text that parses to the same tree.

use crate::filter::ast::{CmpOp, Expr, Field, Literal};
use std::fmt;

impl fmt::Display for CmpOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "<>",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        })
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes a string literal the lexer reads back to the same text.
fn write_quoted(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

/// Numbers print in Rust's shortest round-trip form (`5`, `-0.25`), which the lexer reads
/// back exactly. Non-finite numbers have no literal syntax: the parser never produces them.
impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::String(s) => write_quoted(f, s),
            Literal::Number(n) => write!(f, "{n}"),
            Literal::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
        }
    }
}

impl Expr {
    /// Binding strength: higher binds tighter.
    fn precedence(&self) -> u8 {
        match self {
            Expr::Or(..) => 1,
            Expr::And(..) => 2,
            Expr::Not(_) => 3,
            Expr::Compare { .. } | Expr::Like { .. } | Expr::IsNull { .. } => 4,
        }
    }
}

/// Writes `e`, in parentheses when it binds looser than `min`.
fn write_operand(f: &mut fmt::Formatter<'_>, e: &Expr, min: u8) -> fmt::Result {
    if e.precedence() < min {
        write!(f, "({e})")
    } else {
        write!(f, "{e}")
    }
}

/// Prints the filter with as few parentheses as keep its tree: [`parse_filter`] reads the
/// output back to an equal [`Expr`]. The right operand of `AND`/`OR` is parenthesised when
/// it is the same operator, because both associate to the left.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Or(a, b) => {
                write_operand(f, a, 1)?;
                f.write_str(" OR ")?;
                write_operand(f, b, 2)
            }
            Expr::And(a, b) => {
                write_operand(f, a, 2)?;
                f.write_str(" AND ")?;
                write_operand(f, b, 3)
            }
            Expr::Not(e) => {
                f.write_str("NOT ")?;
                write_operand(f, e, 3)
            }
            Expr::Compare { field, op, value } => write!(f, "{field} {op} {value}"),
            Expr::Like { field, pattern } => {
                write!(f, "{field} LIKE ")?;
                write_quoted(f, pattern)
            }
            Expr::IsNull { field, negated } => {
                let not = if *negated { "NOT " } else { "" };
                write!(f, "{field} IS {not}NULL")
            }
        }
    }
}
