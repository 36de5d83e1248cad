//! Characters to tokens, with the 1-based character position of each.

use super::{FilterError, is_path_char};
use crate::filter::ast::CmpOp;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Word(String),
    Str(String),
    Num(f64),
    Op(CmpOp),
    And,
    Or,
    Not,
    Like,
    Is,
    Null,
    True,
    False,
    Open,
    Close,
    End,
}

#[derive(Debug)]
pub(super) struct Token {
    pub kind: Tok,
    /// 1-based character position of the token's first character.
    pub position: usize,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Word(w) => write!(f, "`{w}`"),
            Tok::Str(s) if s.chars().count() > 24 => {
                let head: String = s.chars().take(24).collect();
                write!(f, "string {:?}...", head)
            }
            Tok::Str(s) => write!(f, "string {s:?}"),
            Tok::Num(n) => write!(f, "number {n}"),
            Tok::Op(op) => write!(f, "`{op}`"),
            Tok::And => f.write_str("`AND`"),
            Tok::Or => f.write_str("`OR`"),
            Tok::Not => f.write_str("`NOT`"),
            Tok::Like => f.write_str("`LIKE`"),
            Tok::Is => f.write_str("`IS`"),
            Tok::Null => f.write_str("`NULL`"),
            Tok::True => f.write_str("`TRUE`"),
            Tok::False => f.write_str("`FALSE`"),
            Tok::Open => f.write_str("`(`"),
            Tok::Close => f.write_str("`)`"),
            Tok::End => f.write_str("the end of the filter"),
        }
    }
}

pub(super) fn lex(text: &str) -> Result<Vec<Token>, FilterError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let position = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let peek = chars.get(i + 1).copied();
        let (kind, len) = match c {
            '(' => (Tok::Open, 1),
            ')' => (Tok::Close, 1),
            '=' => (Tok::Op(CmpOp::Eq), 1),
            '!' if peek == Some('=') => (Tok::Op(CmpOp::Ne), 2),
            '<' if peek == Some('>') => (Tok::Op(CmpOp::Ne), 2),
            '<' if peek == Some('=') => (Tok::Op(CmpOp::Le), 2),
            '<' => (Tok::Op(CmpOp::Lt), 1),
            '>' if peek == Some('=') => (Tok::Op(CmpOp::Ge), 2),
            '>' => (Tok::Op(CmpOp::Gt), 1),
            '"' | '\'' => lex_string(&chars, i)?,
            '-' | '0'..='9' => lex_number(&chars, i)?,
            c if c.is_ascii_alphabetic() || c == '_' => {
                let len = chars[i..].iter().take_while(|c| is_path_char(**c)).count();
                let word: String = chars[i..i + len].iter().collect();
                (keyword(&word).unwrap_or(Tok::Word(word)), len)
            }
            found => return Err(FilterError::BadCharacter { position, found }),
        };
        tokens.push(Token { kind, position });
        i += len;
    }
    tokens.push(Token {
        kind: Tok::End,
        position: chars.len() + 1,
    });
    Ok(tokens)
}

fn keyword(word: &str) -> Option<Tok> {
    const KEYWORDS: [(&str, Tok); 8] = [
        ("and", Tok::And),
        ("or", Tok::Or),
        ("not", Tok::Not),
        ("like", Tok::Like),
        ("is", Tok::Is),
        ("null", Tok::Null),
        ("true", Tok::True),
        ("false", Tok::False),
    ];
    KEYWORDS
        .iter()
        .find(|(k, _)| word.eq_ignore_ascii_case(k))
        .map(|(_, tok)| tok.clone())
}

/// A quoted string starting at `start`; returns the token and the characters it spans.
fn lex_string(chars: &[char], start: usize) -> Result<(Tok, usize), FilterError> {
    let quote = chars[start];
    let mut out = String::new();
    let mut i = start + 1;
    loop {
        match chars.get(i) {
            None => {
                return Err(FilterError::UnterminatedString {
                    position: start + 1,
                });
            }
            Some(&c) if c == quote => return Ok((Tok::Str(out), i + 1 - start)),
            Some('\\') => {
                let escaped = match chars.get(i + 1) {
                    None => {
                        return Err(FilterError::UnterminatedString {
                            position: start + 1,
                        });
                    }
                    Some('\\') => '\\',
                    Some('"') => '"',
                    Some('\'') => '\'',
                    Some('n') => '\n',
                    Some('r') => '\r',
                    Some('t') => '\t',
                    Some(&escape) => {
                        return Err(FilterError::BadEscape {
                            position: i + 1,
                            escape,
                        });
                    }
                };
                out.push(escaped);
                i += 2;
            }
            Some(&c) => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// A number starting at `start`: `-?digits(.digits)?([eE][+-]?digits)?`. A run of letters,
/// digits or dots right after it makes the whole run an invalid number (`12abc`, `1.2.3`).
fn lex_number(chars: &[char], start: usize) -> Result<(Tok, usize), FilterError> {
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = start;
    if chars[i] == '-' {
        i += 1;
    }
    let integer = digits(i);
    let mut valid = integer > 0;
    i += integer;
    if valid && chars.get(i) == Some(&'.') {
        let fraction = digits(i + 1);
        valid = fraction > 0;
        i += 1 + fraction;
    }
    if valid && matches!(chars.get(i), Some('e' | 'E')) {
        let mut j = i + 1;
        if matches!(chars.get(j), Some('+' | '-')) {
            j += 1;
        }
        let exponent = digits(j);
        valid = exponent > 0;
        i = j + exponent;
    }
    let trailing = chars[i..].iter().take_while(|c| is_path_char(**c)).count();
    let text: String = chars[start..i + trailing].iter().collect();
    let number = text.parse::<f64>().ok().filter(|n| n.is_finite());
    match number {
        Some(n) if valid && trailing == 0 => Ok((Tok::Num(n), i - start)),
        _ => Err(FilterError::BadNumber {
            position: start + 1,
            text,
        }),
    }
}
