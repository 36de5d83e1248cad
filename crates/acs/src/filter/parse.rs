//! Text to [`Expr`] and back.
//!
//! Grammar (keywords are case-insensitive, field names are not):
//!
//! ```text
//! filter    := or
//! or        := and ( OR and )*
//! and       := unary ( AND unary )*
//! unary     := NOT unary | '(' or ')' | predicate
//! predicate := field ( cmp literal | [NOT] LIKE string | IS [NOT] NULL )
//! cmp       := '=' | '<>' | '!=' | '<' | '<=' | '>' | '>='
//! literal   := string | number | TRUE | FALSE
//! field     := id | tag | oui | productClass | serialNumber | manufacturer | firstSeen
//!            | lastInform | lastBoot | lastBootstrap | remoteAddress
//!            | a parameter path: an upper-case letter first, at least one `.`, segments of
//!              letters, digits, `_` and `-` (`InternetGatewayDevice.WANDevice.1.X_AB-C_Y`)
//! string    := "..." | '...'   with \\ \" \' \n \r \t escapes
//! number    := -?digits(.digits)?([eE][+-]?digits)?
//! ```
//!
//! `AND` and `OR` associate to the left. `a NOT LIKE p` is read as `NOT a LIKE p`.
//!
//! A filter comes from the REST API, so the parser is bounded: at most [`MAX_FILTER_BYTES`]
//! of text and [`MAX_DEPTH`] nested parentheses or `NOT`s, which keeps the recursion (here, in
//! the evaluator and in SQL translation) shallow whatever a client sends. Positions in errors
//! are 1-based character (not byte) indexes; the end of the filter is one past its last
//! character.

mod lex;
mod print;

use super::ast::{Expr, Field, Literal};
use lex::{Tok, Token, lex};

/// Longer filters are refused before parsing.
pub const MAX_FILTER_BYTES: usize = 4096;
/// Deeper nesting of parentheses and `NOT` is refused.
pub const MAX_DEPTH: usize = 32;

/// Why a filter was refused; the REST API answers it with 400 and this message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("filter is {len} bytes long; at most {max} are accepted")]
    TooLong { len: usize, max: usize },
    #[error("expected {expected} at character {position}, found {found}")]
    Unexpected {
        position: usize,
        expected: &'static str,
        found: String,
    },
    #[error(
        "unknown field `{name}` at character {position}: expected one of {FIELD_NAMES} \
         or a parameter path such as Device.DeviceInfo.SoftwareVersion"
    )]
    UnknownField { position: usize, name: String },
    #[error("nesting deeper than {max} levels at character {position}")]
    TooDeep { position: usize, max: usize },
    #[error("unterminated string starting at character {position}")]
    UnterminatedString { position: usize },
    #[error(
        "invalid escape `\\{escape}` at character {position}: expected one of \\\\ \\\" \\' \\n \\r \\t"
    )]
    BadEscape { position: usize, escape: char },
    #[error("invalid number `{text}` at character {position}")]
    BadNumber { position: usize, text: String },
    #[error("unexpected character `{found}` at character {position}")]
    BadCharacter { position: usize, found: char },
}

impl FilterError {
    /// The 1-based character position the error points at, if it points at one.
    pub fn position(&self) -> Option<usize> {
        match self {
            FilterError::TooLong { .. } => None,
            FilterError::Unexpected { position, .. }
            | FilterError::UnknownField { position, .. }
            | FilterError::TooDeep { position, .. }
            | FilterError::UnterminatedString { position }
            | FilterError::BadEscape { position, .. }
            | FilterError::BadNumber { position, .. }
            | FilterError::BadCharacter { position, .. } => Some(*position),
        }
    }
}

const FIELD_NAMES: &str = "id, tag, oui, productClass, serialNumber, manufacturer, firstSeen, \
                           lastInform, lastBoot, lastBootstrap, remoteAddress";

impl Field {
    /// A field by its filter-language name (`lastInform`, `Device.X.Y`); `None` for anything
    /// else. The REST API uses it for `sort` too.
    pub fn from_name(name: &str) -> Option<Field> {
        Some(match name {
            "id" => Field::Id,
            "tag" => Field::Tag,
            "oui" => Field::Oui,
            "productClass" => Field::ProductClass,
            "serialNumber" => Field::SerialNumber,
            "manufacturer" => Field::Manufacturer,
            "firstSeen" => Field::FirstSeen,
            "lastInform" => Field::LastInform,
            "lastBoot" => Field::LastBoot,
            "lastBootstrap" => Field::LastBootstrap,
            "remoteAddress" => Field::RemoteAddress,
            _ if is_parameter_path(name) => Field::Parameter(name.to_owned()),
            _ => return None,
        })
    }

    /// The filter-language name; parses back with [`Field::from_name`].
    pub fn name(&self) -> &str {
        match self {
            Field::Parameter(path) => path,
            Field::Tag => "tag",
            Field::Id => "id",
            Field::Oui => "oui",
            Field::ProductClass => "productClass",
            Field::SerialNumber => "serialNumber",
            Field::Manufacturer => "manufacturer",
            Field::FirstSeen => "firstSeen",
            Field::LastInform => "lastInform",
            Field::LastBoot => "lastBoot",
            Field::LastBootstrap => "lastBootstrap",
            Field::RemoteAddress => "remoteAddress",
        }
    }
}

fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'
}

fn is_parameter_path(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.contains('.')
        && name.chars().all(is_path_char)
        && name.split('.').all(|segment| !segment.is_empty())
}

/// Parses a filter; see the module documentation for the language.
pub fn parse_filter(text: &str) -> Result<Expr, FilterError> {
    if text.len() > MAX_FILTER_BYTES {
        return Err(FilterError::TooLong {
            len: text.len(),
            max: MAX_FILTER_BYTES,
        });
    }
    let tokens = lex(text)?;
    let mut parser = Parser {
        tokens,
        next: 0,
        depth: 0,
    };
    let expr = parser.or()?;
    let token = parser.peek();
    if token.kind != Tok::End {
        return Err(unexpected(token, "`AND`, `OR` or the end of the filter"));
    }
    Ok(expr)
}

struct Parser {
    tokens: Vec<Token>,
    next: usize,
    depth: usize,
}

fn unexpected(token: &Token, expected: &'static str) -> FilterError {
    FilterError::Unexpected {
        position: token.position,
        expected,
        found: token.kind.to_string(),
    }
}

impl Parser {
    fn peek(&self) -> &Token {
        // `lex` always ends the list with `End`, and `bump` never moves past it.
        &self.tokens[self.next.min(self.tokens.len() - 1)]
    }

    fn bump(&mut self) -> &Token {
        let i = self.next.min(self.tokens.len() - 1);
        if self.tokens[i].kind != Tok::End {
            self.next = i + 1;
        }
        &self.tokens[i]
    }

    fn eat(&mut self, kind: &Tok) -> bool {
        let found = &self.peek().kind == kind;
        if found {
            self.bump();
        }
        found
    }

    fn or(&mut self) -> Result<Expr, FilterError> {
        let mut left = self.and()?;
        while self.eat(&Tok::Or) {
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, FilterError> {
        let mut left = self.unary()?;
        while self.eat(&Tok::And) {
            left = Expr::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, FilterError> {
        let token = self.peek();
        let position = token.position;
        let is_not = match token.kind {
            Tok::Not => true,
            Tok::Open => false,
            _ => return self.predicate(),
        };
        if self.depth >= MAX_DEPTH {
            return Err(FilterError::TooDeep {
                position,
                max: MAX_DEPTH,
            });
        }
        self.depth += 1;
        self.bump();
        let result = if is_not {
            self.unary().map(|e| Expr::Not(Box::new(e)))
        } else {
            self.or().and_then(|e| {
                let close = self.bump();
                match close.kind {
                    Tok::Close => Ok(e),
                    _ => Err(unexpected(close, "`)`, `AND` or `OR`")),
                }
            })
        };
        self.depth -= 1;
        result
    }

    fn predicate(&mut self) -> Result<Expr, FilterError> {
        let token = self.bump();
        let field = match &token.kind {
            Tok::Word(name) => Field::from_name(name).ok_or_else(|| FilterError::UnknownField {
                position: token.position,
                name: name.clone(),
            })?,
            _ => {
                return Err(unexpected(token, "a field, a parameter path, `NOT` or `(`"));
            }
        };
        let token = self.bump();
        match token.kind {
            Tok::Op(op) => {
                let token = self.bump();
                let value = match &token.kind {
                    Tok::Str(s) => Literal::String(s.clone()),
                    Tok::Num(n) => Literal::Number(*n),
                    Tok::True => Literal::Bool(true),
                    Tok::False => Literal::Bool(false),
                    _ => {
                        return Err(unexpected(
                            token,
                            "a value (a quoted string, a number, TRUE or FALSE)",
                        ));
                    }
                };
                Ok(Expr::Compare { field, op, value })
            }
            Tok::Like => self.like(field),
            Tok::Not => {
                let token = self.bump();
                match token.kind {
                    Tok::Like => Ok(Expr::Not(Box::new(self.like(field)?))),
                    _ => Err(unexpected(token, "`LIKE`")),
                }
            }
            Tok::Is => {
                let negated = self.eat(&Tok::Not);
                let token = self.bump();
                match token.kind {
                    Tok::Null => Ok(Expr::IsNull { field, negated }),
                    _ if negated => Err(unexpected(token, "`NULL`")),
                    _ => Err(unexpected(token, "`NULL` or `NOT NULL`")),
                }
            }
            _ => Err(unexpected(
                token,
                "a comparison (=, <>, !=, <, <=, >, >=), `LIKE` or `IS`",
            )),
        }
    }

    fn like(&mut self, field: Field) -> Result<Expr, FilterError> {
        let token = self.bump();
        match &token.kind {
            Tok::Str(pattern) => Ok(Expr::Like {
                field,
                pattern: pattern.clone(),
            }),
            _ => Err(unexpected(token, "a quoted pattern")),
        }
    }
}
