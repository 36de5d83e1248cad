//! The device filter language.

pub mod ast;
pub mod eval;
pub mod parse;

pub use ast::{CmpOp, Expr, Field, Literal};
pub use eval::{evaluate, like_matches, numeric_value};
pub use parse::{FilterError, parse_filter};
