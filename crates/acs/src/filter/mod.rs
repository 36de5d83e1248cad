//! The device filter language.

pub mod ast;

pub use ast::{CmpOp, Expr, Field, Literal};
