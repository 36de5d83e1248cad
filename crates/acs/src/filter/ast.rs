//! The device filter language as a tree: what the REST API parses and the stores evaluate.
//!
//! `Device.DeviceInfo.SoftwareVersion = "2.1" AND tag = "lab"`, `<`, `<=`, `>`, `>=`, `<>`,
//! `LIKE "2.%"`, `IS NULL`, `IS NOT NULL`, `AND`, `OR`, `NOT`, parentheses.

/// What a comparison reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A parameter value by full path, e.g. `Device.DeviceInfo.SoftwareVersion`.
    Parameter(String),
    /// `tag`: true when the device has the compared tag.
    Tag,
    Id,
    Oui,
    ProductClass,
    SerialNumber,
    Manufacturer,
    /// Times in milliseconds since the epoch.
    FirstSeen,
    LastInform,
    LastBoot,
    LastBootstrap,
    RemoteAddress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    String(String),
    Number(f64),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Compare {
        field: Field,
        op: CmpOp,
        value: Literal,
    },
    /// SQL-style pattern: `%` any run, `_` one character.
    Like {
        field: Field,
        pattern: String,
    },
    IsNull {
        field: Field,
        negated: bool,
    },
}
