//! Cron expressions of preset schedules: five fields (minute, hour, day of month, month, day
//! of week), each `*`, a number, a range `a-b`, any of them with a step `/n`, or a comma list
//! of those. Day of week runs 0-7, both 0 and 7 being Sunday. As in classic cron, when both
//! day fields are restricted a day matching either one matches.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cron expression {expression:?}: {reason}")]
pub struct CronError {
    pub expression: String,
    pub reason: String,
}

/// A parsed expression: for each field, a bit per allowed value.
#[derive(Clone, PartialEq, Eq)]
pub struct Cron {
    text: String,
    minutes: u64,
    hours: u64,
    days: u64,
    months: u64,
    weekdays: u64,
    /// Whether each day field was `*` (it then does not take part in the either-day rule).
    days_any: bool,
    weekdays_any: bool,
}

impl fmt::Debug for Cron {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cron({:?})", self.text)
    }
}

/// One field's name and bounds.
struct FieldSpec {
    name: &'static str,
    min: u32,
    max: u32,
}

const FIELDS: [FieldSpec; 5] = [
    FieldSpec {
        name: "minute",
        min: 0,
        max: 59,
    },
    FieldSpec {
        name: "hour",
        min: 0,
        max: 23,
    },
    FieldSpec {
        name: "day of month",
        min: 1,
        max: 31,
    },
    FieldSpec {
        name: "month",
        min: 1,
        max: 12,
    },
    FieldSpec {
        name: "day of week",
        min: 0,
        max: 7,
    },
];

impl Cron {
    pub fn parse(expression: &str) -> Result<Cron, CronError> {
        let error = |reason: String| CronError {
            expression: expression.to_string(),
            reason,
        };
        let fields: Vec<&str> = expression.split_whitespace().collect();
        if fields.len() != FIELDS.len() {
            return Err(error(format!(
                "{} fields; expected 5 (minute hour day-of-month month day-of-week)",
                fields.len()
            )));
        }
        let mut sets = [0u64; 5];
        for (i, (text, spec)) in fields.iter().zip(&FIELDS).enumerate() {
            sets[i] = parse_field(text, spec).map_err(|r| error(format!("{}: {r}", spec.name)))?;
        }
        // Sunday is both 0 and 7.
        if sets[4] & (1 << 7) != 0 {
            sets[4] |= 1;
        }
        Ok(Cron {
            text: expression.to_string(),
            minutes: sets[0],
            hours: sets[1],
            days: sets[2],
            months: sets[3],
            weekdays: sets[4] & 0x7f,
            days_any: fields[2] == "*",
            weekdays_any: fields[4] == "*",
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the minute starting at `unix_seconds` (UTC) matches.
    pub fn matches(&self, unix_seconds: i64) -> bool {
        let t = Civil::from_unix(unix_seconds);
        let bit = |set: u64, v: u32| set & (1u64 << v) != 0;
        let day_ok = match (self.days_any, self.weekdays_any) {
            (true, true) => true,
            (false, true) => bit(self.days, t.day),
            (true, false) => bit(self.weekdays, t.weekday),
            (false, false) => bit(self.days, t.day) || bit(self.weekdays, t.weekday),
        };
        bit(self.minutes, t.minute)
            && bit(self.hours, t.hour)
            && bit(self.months, t.month)
            && day_ok
    }

    /// The start (unix seconds) of the latest matching minute at or before `unix_seconds`,
    /// looking back at most `horizon_seconds`.
    /// Whether a window of `duration` seconds opened by a match is open at `unix_seconds`.
    pub fn open_at(&self, unix_seconds: i64, duration: u64) -> bool {
        let window = i64::try_from(duration).unwrap_or(i64::MAX);
        self.last_match(unix_seconds, window)
            .is_some_and(|start| unix_seconds - start < window)
    }

    pub fn last_match(&self, unix_seconds: i64, horizon_seconds: i64) -> Option<i64> {
        let mut minute = unix_seconds.div_euclid(60) * 60;
        let stop = unix_seconds.saturating_sub(horizon_seconds);
        while minute >= stop {
            if self.matches(minute) {
                return Some(minute);
            }
            minute -= 60;
        }
        None
    }
}

fn parse_field(text: &str, spec: &FieldSpec) -> Result<u64, String> {
    let mut set = 0u64;
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((range, step)) => {
                let step: u32 = step
                    .parse()
                    .map_err(|_| format!("bad step {step:?} in {part:?}"))?;
                if step == 0 {
                    return Err(format!("step 0 in {part:?}"));
                }
                (range, step)
            }
            None => (part, 1),
        };
        let number = |s: &str| -> Result<u32, String> {
            let n: u32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
            if n < spec.min || n > spec.max {
                return Err(format!("{n} is outside {}-{}", spec.min, spec.max));
            }
            Ok(n)
        };
        let (low, high) = if range == "*" {
            (spec.min, spec.max)
        } else if let Some((a, b)) = range.split_once('-') {
            let (a, b) = (number(a)?, number(b)?);
            if a > b {
                return Err(format!("range {range:?} runs backwards"));
            }
            (a, b)
        } else {
            let n = number(range)?;
            // `5/15` means from 5 to the end in steps of 15, as in Vixie cron.
            (n, if part.contains('/') { spec.max } else { n })
        };
        let mut v = low;
        while v <= high {
            set |= 1u64 << v;
            v += step;
        }
    }
    Ok(set)
}

/// A UTC time broken into the fields cron compares.
struct Civil {
    minute: u32,
    hour: u32,
    day: u32,
    month: u32,
    /// 0 = Sunday.
    weekday: u32,
}

impl Civil {
    fn from_unix(seconds: i64) -> Civil {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400) as u32;
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let _ = era;
        Civil {
            minute: (secs / 60) % 60,
            hour: secs / 3600,
            day,
            month,
            // 1970-01-01 was a Thursday (4).
            weekday: (days + 4).rem_euclid(7) as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-26 03:00:00 UTC, a Thursday.
    const THU_0300: i64 = 1_795_662_000;

    #[test]
    fn fields_ranges_steps_and_lists() {
        let c = Cron::parse("0 3 * * *").expect("parse");
        assert!(c.matches(THU_0300));
        assert!(!c.matches(THU_0300 + 60));
        assert!(!c.matches(THU_0300 + 3600));
        let every_15 = Cron::parse("*/15 * * * *").expect("parse");
        assert!(every_15.matches(THU_0300 + 45 * 60));
        assert!(!every_15.matches(THU_0300 + 50 * 60));
        let list = Cron::parse("5,10-12 3 * * *").expect("parse");
        for m in [5, 10, 11, 12] {
            assert!(list.matches(THU_0300 + m * 60), "{m}");
        }
        assert!(!list.matches(THU_0300 + 13 * 60));
        let from = Cron::parse("5/20 * * * *").expect("parse");
        assert!(from.matches(THU_0300 + 45 * 60) && !from.matches(THU_0300 + 5 * 60 + 60));
    }

    #[test]
    fn days_of_week_and_month() {
        assert!(Cron::parse("0 3 * * 4").expect("thu").matches(THU_0300));
        assert!(
            !Cron::parse("0 3 * * 1-3")
                .expect("mon-wed")
                .matches(THU_0300)
        );
        assert!(Cron::parse("0 3 26 11 *").expect("date").matches(THU_0300));
        // Both day fields restricted: either matches.
        assert!(Cron::parse("0 3 1 * 4").expect("either").matches(THU_0300));
        // Sunday as 7 and as 0: three days later.
        let sunday = THU_0300 + 3 * 86_400;
        assert!(Cron::parse("0 3 * * 7").expect("7").matches(sunday));
        assert!(Cron::parse("0 3 * * 0").expect("0").matches(sunday));
    }

    #[test]
    fn the_latest_match_within_a_horizon() {
        let c = Cron::parse("0 3 * * *").expect("parse");
        assert_eq!(c.last_match(THU_0300 + 1800, 3600), Some(THU_0300));
        assert_eq!(c.last_match(THU_0300 - 60, 3600), None);
    }

    #[test]
    fn bad_expressions_say_what_is_wrong() {
        for (text, needle) in [
            ("0 3 * *", "4 fields"),
            ("60 * * * *", "minute: 60 is outside 0-59"),
            ("* 24 * * *", "hour"),
            ("*/0 * * * *", "step 0"),
            ("5-1 * * * *", "backwards"),
            ("x * * * *", "not a number"),
            ("* * 0 * *", "day of month"),
        ] {
            let e = Cron::parse(text).expect_err(text).to_string();
            assert!(e.contains(needle), "{text}: {e}");
        }
    }
}
