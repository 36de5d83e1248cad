//! The `auth-scheme auth-param, ...` grammar shared by `WWW-Authenticate` and
//! `Authorization` (RFC 9110 section 11): several challenges in one header, tokens or quoted
//! strings as values, any spacing, schemes in any case.

use super::AuthError;

/// One challenge or one set of credentials.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct AuthItem {
    /// The scheme as written (compare with `eq_ignore_ascii_case`).
    pub scheme: String,
    /// Parameter names in lower case, values unquoted; the first of duplicates wins.
    pub params: Vec<(String, String)>,
    /// A bare `token68` after the scheme (Basic credentials, Negotiate data).
    pub token68: Option<String>,
}

impl AuthItem {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn is(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }
}

fn is_tchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

fn is_token68_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~+/".contains(&c)
}

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn skip_separators(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n' | b',')) {
            self.pos += 1;
        }
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> String {
        let start = self.pos;
        while self.peek().is_some_and(&f) {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.pos]).into_owned()
    }

    fn quoted(&mut self) -> Result<String, AuthError> {
        // Opening quote already seen.
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => return Err(AuthError::Malformed("unterminated quoted string".into())),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(String::from_utf8_lossy(&out).into_owned());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(c) => out.push(c),
                        None => {
                            return Err(AuthError::Malformed("unterminated quoted string".into()));
                        }
                    }
                    self.pos += 1;
                }
                Some(c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    /// Whether the text at the cursor is a token68 ending the item: token68 characters, any
    /// `=` padding, then the end or a comma.
    fn at_token68(&self) -> Option<usize> {
        let mut i = self.pos;
        while self.s.get(i).copied().is_some_and(is_token68_char) {
            i += 1;
        }
        if i == self.pos {
            return None;
        }
        while self.s.get(i) == Some(&b'=') {
            i += 1;
        }
        let mut j = i;
        while matches!(self.s.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        match self.s.get(j) {
            None | Some(b',') => Some(i),
            _ => None,
        }
    }
}

/// Parses a header value into its challenges (or credentials), in order.
pub(crate) fn parse_auth_header(value: &str) -> Result<Vec<AuthItem>, AuthError> {
    let mut c = Cursor {
        s: value.as_bytes(),
        pos: 0,
    };
    let mut items: Vec<AuthItem> = Vec::new();
    // Whether the current item may still take a token68 (nothing followed its scheme yet).
    let mut fresh = false;
    loop {
        c.skip_separators();
        let Some(next) = c.peek() else { break };
        if fresh && let Some(end) = c.at_token68() {
            let text = String::from_utf8_lossy(&c.s[c.pos..end]).into_owned();
            c.pos = end;
            if let Some(item) = items.last_mut() {
                item.token68 = Some(text);
            }
            fresh = false;
            continue;
        }
        if !is_tchar(next) {
            return Err(AuthError::Malformed(format!(
                "unexpected character {:?} at {}",
                next as char, c.pos
            )));
        }
        let token = c.take_while(is_tchar);
        c.skip_ws();
        if c.peek() == Some(b'=') {
            c.pos += 1;
            c.skip_ws();
            let value = if c.peek() == Some(b'"') {
                c.quoted()?
            } else {
                c.take_while(|b| b != b',' && b != b' ' && b != b'\t')
            };
            let Some(item) = items.last_mut() else {
                return Err(AuthError::Malformed("parameter before any scheme".into()));
            };
            let name = token.to_ascii_lowercase();
            if item.get(&name).is_none() {
                item.params.push((name, value));
            }
            fresh = false;
        } else {
            items.push(AuthItem {
                scheme: token,
                ..AuthItem::default()
            });
            fresh = true;
        }
    }
    Ok(items)
}

/// Writes `value` as a quoted-string, escaping `"` and `\`.
pub(crate) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for ch in value.chars() {
        if ch == '"' || ch == '\\' {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_challenges_in_one_header() {
        let items = parse_auth_header(
            r#"Basic realm="simple", DIGEST realm = "x y" ,nonce="a\"b", qop="auth,auth-int", stale=TRUE"#,
        )
        .unwrap();
        assert_eq!(items.len(), 2);
        assert!(items[0].is("basic"));
        assert_eq!(items[0].get("realm"), Some("simple"));
        assert!(items[1].is("Digest"));
        assert_eq!(items[1].get("realm"), Some("x y"));
        assert_eq!(items[1].get("nonce"), Some("a\"b"));
        assert_eq!(items[1].get("qop"), Some("auth,auth-int"));
        assert_eq!(items[1].get("stale"), Some("TRUE"));
    }

    #[test]
    fn token68_after_scheme() {
        let items = parse_auth_header("Negotiate abc+/d==, Basic dXNlcjpwYXNz").unwrap();
        assert_eq!(items[0].token68.as_deref(), Some("abc+/d=="));
        assert_eq!(items[1].token68.as_deref(), Some("dXNlcjpwYXNz"));
        let bare = parse_auth_header("Negotiate, Digest nonce=abc").unwrap();
        assert_eq!(bare.len(), 2);
        assert_eq!(bare[1].get("nonce"), Some("abc"));
    }

    #[test]
    fn first_duplicate_wins_and_names_fold_case() {
        let items = parse_auth_header("Digest NONCE=a, nonce=b").unwrap();
        assert_eq!(items[0].get("nonce"), Some("a"));
    }

    #[test]
    fn malformed_input_is_an_error() {
        assert!(parse_auth_header(r#"Digest realm="open"#).is_err());
        assert!(parse_auth_header("realm=x").is_err());
        assert!(parse_auth_header("Digest {").is_err());
        assert_eq!(parse_auth_header("  ").unwrap(), vec![]);
    }

    #[test]
    fn quoting_round_trips() {
        let q = quote(r#"we"ird\name"#);
        assert_eq!(q, r#""we\"ird\\name""#);
        let items = parse_auth_header(&format!("Digest username={q}")).unwrap();
        assert_eq!(items[0].get("username"), Some(r#"we"ird\name"#));
    }
}
