//! Fleet statistics: counters and a latency histogram that every device task updates without
//! locking, and the summary printed at the end (as text or JSON).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Buckets grow by 2^(1/4) from 1 ms; 100 of them reach beyond 30 minutes.
const BUCKETS: usize = 100;

fn bucket_of(ms: f64) -> usize {
    if ms <= 1.0 {
        return 0;
    }
    ((ms.log2() * 4.0).ceil() as usize).min(BUCKETS - 1)
}

fn bucket_upper_ms(index: usize) -> f64 {
    2f64.powf(index as f64 / 4.0)
}

#[derive(Debug)]
pub struct Stats {
    started: Instant,
    completed: AtomicU64,
    failed: AtomicU64,
    retries: AtomicU64,
    latency: [AtomicU64; BUCKETS],
    max_latency_us: AtomicU64,
    /// Failure reasons: `fault 9005`, `http 500`, `transport`, ...
    failures: Mutex<BTreeMap<String, u64>>,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            started: Instant::now(),
            completed: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            retries: AtomicU64::new(0),
            latency: std::array::from_fn(|_| AtomicU64::new(0)),
            max_latency_us: AtomicU64::new(0),
            failures: Mutex::new(BTreeMap::new()),
        }
    }
}

/// The end-of-run report.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Summary {
    pub devices: usize,
    pub duration_seconds: f64,
    pub sessions_completed: u64,
    pub sessions_failed: u64,
    pub sessions_per_second: f64,
    pub retries: u64,
    pub latency_ms: Latency,
    pub failures: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Latency {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Stats {
    pub fn session(&self, latency: Duration, failure: Option<String>, retry: bool) {
        let ms = latency.as_secs_f64() * 1000.0;
        self.latency[bucket_of(ms)].fetch_add(1, Ordering::Relaxed);
        self.max_latency_us
            .fetch_max(latency.as_micros() as u64, Ordering::Relaxed);
        if retry {
            self.retries.fetch_add(1, Ordering::Relaxed);
        }
        match failure {
            None => {
                self.completed.fetch_add(1, Ordering::Relaxed);
            }
            Some(reason) => {
                self.failed.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut f) = self.failures.lock() {
                    *f.entry(reason).or_default() += 1;
                }
            }
        }
    }

    pub fn completed(&self) -> u64 {
        self.completed.load(Ordering::Relaxed)
    }

    pub fn failed(&self) -> u64 {
        self.failed.load(Ordering::Relaxed)
    }

    fn percentile(&self, counts: &[u64], total: u64, p: f64) -> f64 {
        if total == 0 {
            return 0.0;
        }
        let target = ((total as f64) * p).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (i, c) in counts.iter().enumerate() {
            seen += c;
            if seen >= target {
                return bucket_upper_ms(i);
            }
        }
        bucket_upper_ms(BUCKETS - 1)
    }

    pub fn summary(&self, devices: usize) -> Summary {
        let duration = self.started.elapsed().as_secs_f64();
        let counts: Vec<u64> = self
            .latency
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .collect();
        let total: u64 = counts.iter().sum();
        let completed = self.completed();
        let round = |v: f64| (v * 100.0).round() / 100.0;
        let max_ms = self.max_latency_us.load(Ordering::Relaxed) as f64 / 1000.0;
        // A bucket's upper bound can exceed the largest latency seen; never report more.
        let percentile = |p: f64| round(self.percentile(&counts, total, p).min(max_ms));
        Summary {
            devices,
            duration_seconds: round(duration),
            sessions_completed: completed,
            sessions_failed: self.failed(),
            sessions_per_second: round(if duration > 0.0 {
                completed as f64 / duration
            } else {
                0.0
            }),
            retries: self.retries.load(Ordering::Relaxed),
            latency_ms: Latency {
                p50: percentile(0.50),
                p95: percentile(0.95),
                p99: percentile(0.99),
                max: round(max_ms),
            },
            failures: self.failures.lock().map(|f| f.clone()).unwrap_or_default(),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "devices:            {}", self.devices)?;
        writeln!(f, "duration:           {:.1} s", self.duration_seconds)?;
        writeln!(f, "sessions completed: {}", self.sessions_completed)?;
        writeln!(f, "sessions failed:    {}", self.sessions_failed)?;
        writeln!(f, "sessions/s:         {:.1}", self.sessions_per_second)?;
        writeln!(f, "retries:            {}", self.retries)?;
        writeln!(
            f,
            "latency ms:         p50 {} p95 {} p99 {} max {}",
            self.latency_ms.p50, self.latency_ms.p95, self.latency_ms.p99, self.latency_ms.max
        )?;
        for (reason, count) in &self.failures {
            writeln!(f, "failure {reason}: {count}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_come_from_the_histogram() {
        let s = Stats::default();
        for ms in 1..=100u64 {
            s.session(Duration::from_millis(ms), None, false);
        }
        s.session(Duration::from_millis(5), Some("fault 8005".into()), true);
        let sum = s.summary(10);
        assert_eq!(sum.sessions_completed, 100);
        assert_eq!(sum.sessions_failed, 1);
        assert_eq!(sum.retries, 1);
        assert_eq!(sum.failures.get("fault 8005"), Some(&1));
        // Bucket upper bounds are within 19% of the true value.
        assert!(
            (45.0..=60.0).contains(&sum.latency_ms.p50),
            "{}",
            sum.latency_ms.p50
        );
        assert!(
            (95.0..=114.0).contains(&sum.latency_ms.p99),
            "{}",
            sum.latency_ms.p99
        );
        assert_eq!(sum.latency_ms.max, 100.0);
        let json = serde_json::to_value(&sum).expect("serialisable");
        assert_eq!(json["sessions_completed"], 100);
        assert!(sum.to_string().contains("failure fault 8005: 1"));
    }

    #[test]
    fn empty_stats_are_zero() {
        let sum = Stats::default().summary(0);
        assert_eq!(sum.latency_ms.p50, 0.0);
        assert_eq!(sum.sessions_per_second, 0.0);
    }
}
