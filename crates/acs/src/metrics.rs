//! Counters for `GET /metrics`, rendered in the Prometheus text exposition format.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the session duration histogram, in seconds.
const DURATION_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0, 30.0,
];

#[derive(Debug, Default)]
struct Histogram {
    buckets: [AtomicU64; DURATION_BUCKETS.len()],
    count: AtomicU64,
    /// Microseconds, so the sum stays an integer.
    sum_us: AtomicU64,
}

/// Labelled counters: few distinct labels, so a map behind a mutex is enough.
#[derive(Debug, Default)]
struct Labelled(Mutex<BTreeMap<String, u64>>);

impl Labelled {
    fn inc(&self, label: &str) {
        if let Ok(mut m) = self.0.lock() {
            *m.entry(label.to_string()).or_default() += 1;
        }
    }

    fn snapshot(&self) -> BTreeMap<String, u64> {
        self.0.lock().map(|m| m.clone()).unwrap_or_default()
    }
}

#[derive(Debug, Default)]
pub struct Metrics {
    sessions_started: AtomicU64,
    sessions_finished: AtomicU64,
    sessions_failed: AtomicU64,
    session_duration: Histogram,
    informs_by_event: Labelled,
    tasks_by_outcome: Labelled,
    faults: AtomicU64,
    conn_requests_by_outcome: Labelled,
    cpe_auth_by_outcome: Labelled,
    rpcs_by_method: Labelled,
    devices: AtomicU64,
}

fn escape_label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

impl Metrics {
    pub fn session_started(&self) {
        self.sessions_started.fetch_add(1, Ordering::Relaxed);
    }

    /// A session ended; `ok` is false when it ended on an error or a timeout.
    pub fn session_ended(&self, duration: Duration, ok: bool) {
        let counter = if ok {
            &self.sessions_finished
        } else {
            &self.sessions_failed
        };
        counter.fetch_add(1, Ordering::Relaxed);
        let h = &self.session_duration;
        let secs = duration.as_secs_f64();
        for (i, bound) in DURATION_BUCKETS.iter().enumerate() {
            if secs <= *bound {
                h.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        h.count.fetch_add(1, Ordering::Relaxed);
        h.sum_us
            .fetch_add(duration.as_micros() as u64, Ordering::Relaxed);
    }

    pub fn inform_event(&self, event_code: &str) {
        self.informs_by_event.inc(event_code);
    }

    /// `done`, `fault`, `expired`, ...
    pub fn task(&self, outcome: &str) {
        self.tasks_by_outcome.inc(outcome);
    }

    pub fn fault(&self) {
        self.faults.fetch_add(1, Ordering::Relaxed);
    }

    pub fn connection_request(&self, outcome: &str) {
        self.conn_requests_by_outcome.inc(outcome);
    }

    /// A CPE's credentials were checked: `accepted`, `rejected` (wrong ones) or `challenged`
    /// (none or a stale nonce).
    pub fn cpe_auth(&self, outcome: &str) {
        self.cpe_auth_by_outcome.inc(outcome);
    }

    /// An RPC the ACS sent to a CPE, by method.
    pub fn rpc(&self, method: &str) {
        self.rpcs_by_method.inc(method);
    }

    pub fn set_devices(&self, count: u64) {
        self.devices.store(count, Ordering::Relaxed);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, value: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        };
        counter(
            "acs_sessions_started_total",
            "CWMP sessions opened by an Inform.",
            self.sessions_started.load(Ordering::Relaxed),
        );
        counter(
            "acs_sessions_finished_total",
            "CWMP sessions that ended normally.",
            self.sessions_finished.load(Ordering::Relaxed),
        );
        counter(
            "acs_sessions_failed_total",
            "CWMP sessions that ended on an error or timeout.",
            self.sessions_failed.load(Ordering::Relaxed),
        );
        counter(
            "acs_faults_total",
            "Faults recorded.",
            self.faults.load(Ordering::Relaxed),
        );
        let h = &self.session_duration;
        let _ = writeln!(
            out,
            "# HELP acs_session_duration_seconds Duration of CWMP sessions."
        );
        let _ = writeln!(out, "# TYPE acs_session_duration_seconds histogram");
        for (i, bound) in DURATION_BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "acs_session_duration_seconds_bucket{{le=\"{bound}\"}} {}",
                h.buckets[i].load(Ordering::Relaxed)
            );
        }
        let count = h.count.load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "acs_session_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let sum = h.sum_us.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "acs_session_duration_seconds_sum {sum}");
        let _ = writeln!(out, "acs_session_duration_seconds_count {count}");
        let labelled = [
            (
                "acs_informs_total",
                "Informs by event code.",
                "event",
                &self.informs_by_event,
            ),
            (
                "acs_tasks_total",
                "Tasks by outcome.",
                "outcome",
                &self.tasks_by_outcome,
            ),
            (
                "acs_connection_requests_total",
                "Connection requests by outcome.",
                "outcome",
                &self.conn_requests_by_outcome,
            ),
            (
                "acs_cpe_authentications_total",
                "CPE credential checks by outcome (accepted, rejected, challenged).",
                "outcome",
                &self.cpe_auth_by_outcome,
            ),
            (
                "acs_rpcs_total",
                "RPCs the ACS sent to CPEs, by method (tasks and provisioning).",
                "method",
                &self.rpcs_by_method,
            ),
        ];
        for (name, help, label, values) in labelled {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            for (value, n) in values.snapshot() {
                let _ = writeln!(out, "{name}{{{label}=\"{}\"}} {n}", escape_label(&value));
            }
        }
        let _ = writeln!(
            out,
            "# HELP acs_devices Devices registered.\n# TYPE acs_devices gauge\nacs_devices {}",
            self.devices.load(Ordering::Relaxed)
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_prometheus_text() {
        let m = Metrics::default();
        m.session_started();
        m.session_ended(Duration::from_millis(3), true);
        m.session_started();
        m.session_ended(Duration::from_secs(2), false);
        m.inform_event("1 BOOT");
        m.inform_event("1 BOOT");
        m.inform_event("X 00D09E \"odd\"");
        m.task("done");
        m.fault();
        m.connection_request("accepted");
        m.rpc("SetParameterValues");
        m.set_devices(7);
        let text = m.render();
        assert!(
            text.contains("acs_rpcs_total{method=\"SetParameterValues\"} 1\n"),
            "{text}"
        );
        assert!(text.contains("acs_sessions_started_total 2\n"), "{text}");
        assert!(text.contains("acs_sessions_failed_total 1\n"));
        assert!(text.contains("acs_session_duration_seconds_bucket{le=\"0.005\"} 1\n"));
        assert!(text.contains("acs_session_duration_seconds_bucket{le=\"5\"} 2\n"));
        assert!(text.contains("acs_session_duration_seconds_count 2\n"));
        assert!(text.contains("acs_informs_total{event=\"1 BOOT\"} 2\n"));
        assert!(text.contains("acs_informs_total{event=\"X 00D09E \\\"odd\\\"\"} 1\n"));
        assert!(text.contains("acs_connection_requests_total{outcome=\"accepted\"} 1\n"));
        assert!(text.contains("acs_devices 7\n"));
        // Every sample line is `name{labels} value` or `name value`.
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let value = line.rsplit(' ').next().unwrap_or_default();
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }
}
