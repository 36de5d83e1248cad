//! A per-device cookie jar, as small as an ACS session needs: `Set-Cookie` name and value,
//! sent back as one `Cookie` header. Path, Domain and Expires are ignored (a CPE talks to
//! one ACS, and the jar is emptied at the start of every session); `Max-Age` of zero or
//! less deletes the cookie.

/// At most this many cookies are kept; further ones are dropped.
pub const MAX_COOKIES: usize = 16;
/// A cookie whose name and value together are longer is dropped.
pub const MAX_COOKIE_BYTES: usize = 4096;

/// The cookies of one device. Values are session secrets, so `Debug` shows names only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CookieJar {
    cookies: Vec<(String, String)>,
}

impl std::fmt::Debug for CookieJar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set()
            .entries(self.cookies.iter().map(|(name, _)| name))
            .finish()
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b))
}

fn valid_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b';' && b != b',' && b != b'\\')
}

impl CookieJar {
    pub fn new() -> CookieJar {
        CookieJar::default()
    }

    /// Takes one `Set-Cookie` header value. Malformed cookies are ignored.
    pub fn store(&mut self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
            return;
        };
        let name = name.trim();
        let value = value.trim();
        if !valid_name(name) || !valid_value(value) || name.len() + value.len() > MAX_COOKIE_BYTES {
            return;
        }
        let deleted = parts.any(|attr| {
            let (key, val) = attr.split_once('=').unwrap_or((attr, ""));
            key.trim().eq_ignore_ascii_case("max-age")
                && val.trim().parse::<i64>().is_ok_and(|age| age <= 0)
        });
        let existing = self.cookies.iter().position(|(n, _)| n == name);
        match (existing, deleted) {
            (Some(i), true) => {
                self.cookies.remove(i);
            }
            (Some(i), false) => self.cookies[i].1 = value.to_string(),
            (None, true) => {}
            (None, false) if self.cookies.len() < MAX_COOKIES => {
                self.cookies.push((name.to_string(), value.to_string()));
            }
            (None, false) => {}
        }
    }

    /// The `Cookie` header value, `None` when the jar is empty.
    pub fn header(&self) -> Option<String> {
        if self.cookies.is_empty() {
            return None;
        }
        let pairs: Vec<String> = self
            .cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        Some(pairs.join("; "))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn len(&self) -> usize {
        self.cookies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cookies.is_empty()
    }

    pub fn clear(&mut self) {
        self.cookies.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_sends_back() {
        let mut jar = CookieJar::new();
        assert_eq!(jar.header(), None);
        jar.store("session=abc123; Path=/; HttpOnly");
        jar.store(" lb = node2 ; Expires=Wed, 21 Oct 2035 07:28:00 GMT");
        assert_eq!(jar.header().as_deref(), Some("session=abc123; lb=node2"));
        assert_eq!(jar.get("lb"), Some("node2"));
    }

    #[test]
    fn replaces_and_deletes() {
        let mut jar = CookieJar::new();
        jar.store("a=1");
        jar.store("b=2");
        jar.store("a=3; Max-Age=60");
        assert_eq!(jar.header().as_deref(), Some("a=3; b=2"));
        jar.store("a=; Max-Age=0");
        assert_eq!(jar.header().as_deref(), Some("b=2"));
        jar.store("c=1; max-age=-1");
        assert_eq!(jar.len(), 1);
        jar.clear();
        assert!(jar.is_empty());
    }

    #[test]
    fn quoted_and_empty_values_are_kept_verbatim() {
        let mut jar = CookieJar::new();
        jar.store(r#"q="x y"; Path=/"#);
        assert!(jar.is_empty(), "a space is not a cookie-octet");
        jar.store(r#"q="xy""#);
        jar.store("e=");
        assert_eq!(jar.header().as_deref(), Some(r#"q="xy"; e="#));
    }

    #[test]
    fn malformed_and_oversized_cookies_are_ignored() {
        let mut jar = CookieJar::new();
        for bad in ["novalue", "=v", "bad name=v", "n=a,b", "n=a\\b"] {
            jar.store(bad);
        }
        jar.store(&format!("big={}", "x".repeat(MAX_COOKIE_BYTES)));
        assert!(jar.is_empty(), "{jar:?}");
        for i in 0..MAX_COOKIES + 5 {
            jar.store(&format!("c{i}=v"));
        }
        assert_eq!(jar.len(), MAX_COOKIES);
    }

    #[test]
    fn debug_shows_names_only() {
        let mut jar = CookieJar::new();
        jar.store("session=very-secret-token");
        let shown = format!("{jar:?}");
        assert!(shown.contains("session"));
        assert!(!shown.contains("very-secret"));
    }
}
