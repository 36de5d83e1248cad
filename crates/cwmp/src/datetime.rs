//! `xsd:dateTime` as CWMP uses it: parsed leniently, formatted canonically.

use std::fmt;
use std::str::FromStr;

/// A calendar date and time with an optional UTC offset, as sent on the wire.
///
/// TR-069 allows times with or without a fraction of a second and with or without a zone; a
/// time without a zone is local to the device and stays without one. The TR-106 "unknown time"
/// is `0001-01-01T00:00:00Z`, which is also the `Default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub nanosecond: u32,
    /// Offset from UTC in minutes; `None` when the time carried no zone.
    pub offset_minutes: Option<i16>,
}

impl Default for DateTime {
    fn default() -> Self {
        DateTime::UNKNOWN
    }
}

/// Why a dateTime string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid dateTime {0:?}")]
pub struct InvalidDateTime(pub String);

impl DateTime {
    /// TR-106's "unknown time".
    pub const UNKNOWN: DateTime = DateTime {
        year: 1,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        nanosecond: 0,
        offset_minutes: Some(0),
    };

    /// The UTC time `secs` seconds after the Unix epoch.
    pub fn from_unix(secs: i64) -> DateTime {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        DateTime {
            year: year.clamp(1, 9999) as u16,
            month,
            day,
            hour: (rem / 3600) as u8,
            minute: (rem % 3600 / 60) as u8,
            second: (rem % 60) as u8,
            nanosecond: 0,
            offset_minutes: Some(0),
        }
    }

    /// Seconds since the Unix epoch; a time without a zone is taken as UTC.
    pub fn to_unix(&self) -> i64 {
        let days = days_from_civil(i64::from(self.year), self.month, self.day);
        let offset = i64::from(self.offset_minutes.unwrap_or(0)) * 60;
        days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - offset
    }

    /// TR-106 treats any time before 1971 as "unknown" or relative to boot.
    pub fn is_unknown(&self) -> bool {
        self.year < 1971
    }

    pub fn parse(s: &str) -> Result<DateTime, InvalidDateTime> {
        parse(s.trim()).ok_or_else(|| InvalidDateTime(s.to_string()))
    }
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.iter().try_fold(0u32, |acc, d| {
        acc.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

fn parse(s: &str) -> Option<DateTime> {
    let b = s.as_bytes();
    // YYYY-MM-DDThh:mm:ss is 19 bytes; a space instead of T is tolerated (seen on devices).
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if b[10] != b'T' && b[10] != b't' && b[10] != b' ' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    let mut rest = &b[19..];
    let mut nanosecond = 0u32;
    if let Some(frac) = rest.strip_prefix(b".") {
        let len = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        // Digits past nanoseconds are dropped rather than refused.
        let kept = &frac[..len.min(9)];
        nanosecond = digits(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &frac[len..];
    }
    let offset_minutes = match rest {
        [] => None,
        [b'Z'] | [b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 14 || m > 59 {
                return None;
            }
            let total = (h * 60 + m) as i16;
            Some(if *sign == b'-' { -total } else { total })
        }
        [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 14 || m > 59 {
                return None;
            }
            let total = (h * 60 + m) as i16;
            Some(if *sign == b'-' { -total } else { total })
        }
        _ => return None,
    };
    // 24:00:00 is allowed by xsd for midnight at the end of the day; 60 seconds for leap ones.
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && (hour < 24 || (hour == 24 && minute == 0 && second == 0 && nanosecond == 0))
        && minute < 60
        && second <= 60;
    valid.then_some(DateTime {
        year: year as u16,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        nanosecond,
        offset_minutes,
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil calendar algorithms.
fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl fmt::Display for DateTime {
    /// Canonical form: `YYYY-MM-DDThh:mm:ss`, the fraction without trailing zeros when there is
    /// one, then `Z`, `±hh:mm` or nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.nanosecond > 0 {
            let mut frac = format!("{:09}", self.nanosecond);
            while frac.ends_with('0') {
                frac.pop();
            }
            write!(f, ".{frac}")?;
        }
        match self.offset_minutes {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

impl FromStr for DateTime {
    type Err = InvalidDateTime;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateTime::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        DateTime::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_forms_devices_send() {
        for (input, canonical) in [
            ("2024-03-01T12:34:56Z", "2024-03-01T12:34:56Z"),
            ("2024-03-01T12:34:56", "2024-03-01T12:34:56"),
            ("2024-03-01T12:34:56.120Z", "2024-03-01T12:34:56.12Z"),
            (
                "2024-03-01T12:34:56.123456789+02:00",
                "2024-03-01T12:34:56.123456789+02:00",
            ),
            ("2024-03-01T12:34:56-0530", "2024-03-01T12:34:56-05:30"),
            ("2024-03-01 12:34:56Z", "2024-03-01T12:34:56Z"),
            (" 0001-01-01T00:00:00Z ", "0001-01-01T00:00:00Z"),
            ("2024-02-29T00:00:00.0000000001Z", "2024-02-29T00:00:00Z"),
        ] {
            let dt = DateTime::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(dt.to_string(), canonical, "{input}");
            assert_eq!(DateTime::parse(canonical), Ok(dt));
        }
    }

    #[test]
    fn refuses_garbage() {
        for bad in [
            "",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-03-01T25:00:00Z",
            "2024-03-01T12:34:56.Z",
            "2024-03-01T12:34:56+2",
            "yesterday",
            "2024-03-01T12:34:56Zjunk",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn unix_conversion() {
        let dt = DateTime::from_unix(1_700_000_000);
        assert_eq!(dt.to_string(), "2023-11-14T22:13:20Z");
        assert_eq!(dt.to_unix(), 1_700_000_000);
        let shifted = DateTime::parse("2023-11-15T00:13:20+02:00").unwrap();
        assert_eq!(shifted.to_unix(), 1_700_000_000);
        assert!(DateTime::UNKNOWN.is_unknown());
        assert_eq!(DateTime::from_unix(0).to_string(), "1970-01-01T00:00:00Z");
    }
}
