//! The CPE's wait before retrying a failed session (TR-069 3.2.1.1).

use std::time::Duration;

/// `CWMPRetryMinimumWaitInterval` and `CWMPRetryIntervalMultiplier` from the data model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Seconds; the standard default is 5.
    pub minimum_wait_interval: u32,
    /// Thousandths; the standard default is 2000 (doubling).
    pub interval_multiplier: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            minimum_wait_interval: 5,
            interval_multiplier: 2000,
        }
    }
}

/// From the tenth retry on, the window stops growing.
pub const MAX_GROWTH_RETRIES: u32 = 10;

impl RetryPolicy {
    /// The window `[low, high]` in seconds for retry number `retry_count` (1 for the first
    /// retry after a failure): `m * (k/1000)^(n-1)` to `m * (k/1000)^n`, `n` capped at 10.
    /// `retry_count` 0 means nothing failed and there is no wait.
    pub fn window(&self, retry_count: u32) -> (f64, f64) {
        if retry_count == 0 {
            return (0.0, 0.0);
        }
        let n = retry_count.min(MAX_GROWTH_RETRIES) as i32;
        let m = f64::from(self.minimum_wait_interval.max(1));
        let k = f64::from(self.interval_multiplier.max(1000)) / 1000.0;
        (m * k.powi(n - 1), m * k.powi(n))
    }

    /// The wait before retry `retry_count`, placed in its window by `random_unit` (a uniform
    /// random number in `[0, 1)` supplied by the caller, so this stays deterministic in tests).
    pub fn wait(&self, retry_count: u32, random_unit: f64) -> Duration {
        let (low, high) = self.window(retry_count);
        let r = if random_unit.is_finite() {
            random_unit.clamp(0.0, 1.0)
        } else {
            0.0
        };
        Duration::from_secs_f64(low + (high - low) * r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_matches_the_standard() {
        let p = RetryPolicy::default();
        let expected = [
            (5.0, 10.0),
            (10.0, 20.0),
            (20.0, 40.0),
            (40.0, 80.0),
            (80.0, 160.0),
            (160.0, 320.0),
            (320.0, 640.0),
            (640.0, 1280.0),
            (1280.0, 2560.0),
            (2560.0, 5120.0),
        ];
        for (i, window) in expected.iter().enumerate() {
            assert_eq!(p.window(i as u32 + 1), *window, "retry {}", i + 1);
        }
        assert_eq!(p.window(11), (2560.0, 5120.0));
        assert_eq!(p.window(1000), (2560.0, 5120.0));
        assert_eq!(p.window(0), (0.0, 0.0));
    }

    #[test]
    fn wait_is_placed_in_the_window() {
        let p = RetryPolicy::default();
        assert_eq!(p.wait(1, 0.0), Duration::from_secs(5));
        assert_eq!(p.wait(1, 0.5), Duration::from_secs_f64(7.5));
        assert_eq!(p.wait(3, 1.0), Duration::from_secs(40));
        assert_eq!(p.wait(3, f64::NAN), Duration::from_secs(20));
    }

    #[test]
    fn custom_multiplier_and_minimum() {
        let p = RetryPolicy {
            minimum_wait_interval: 30,
            interval_multiplier: 1500,
        };
        assert_eq!(p.window(1), (30.0, 45.0));
        assert_eq!(p.window(2), (45.0, 67.5));
        // A multiplier below 1000 would shrink the wait; it is treated as 1000.
        let flat = RetryPolicy {
            minimum_wait_interval: 10,
            interval_multiplier: 500,
        };
        assert_eq!(flat.window(5), (10.0, 10.0));
    }
}
