//! When a device must act next, decided from its state and the clock alone (no IO): periodic
//! informs on PeriodicInformInterval with PeriodicInformTime as the phase, scheduled informs,
//! queued transfers, and the retry wait after a failed session.

use crate::device::Device;
use cwmp::EventCode;
use cwmp::session::RetryPolicy;

/// How the periodic phase is chosen when the device has no PeriodicInformTime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Spread devices over the interval by their serial number.
    Spread,
    /// Every device on the same phase (a boot storm).
    Aligned,
}

/// The device's periodic settings: `(interval seconds, phase unix time)`, or `None` when
/// periodic informs are disabled.
pub fn periodic(device: &Device, fallback_interval: u32, phase: Phase) -> Option<(i64, i64)> {
    if device
        .value("ManagementServer.PeriodicInformEnable")
        .as_deref()
        == Some("false")
    {
        return None;
    }
    let interval = device
        .value("ManagementServer.PeriodicInformInterval")
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|v| *v > 0)
        .unwrap_or(i64::from(fallback_interval.max(1)));
    let configured = device
        .value("ManagementServer.PeriodicInformTime")
        .and_then(|t| cwmp::DateTime::parse(&t).ok())
        .filter(|t| !t.is_unknown())
        .map(|t| t.to_unix());
    let phase = configured.unwrap_or(match phase {
        Phase::Aligned => 0,
        Phase::Spread => spread(&device.serial, interval),
    });
    Some((interval, phase))
}

/// A stable offset in `[0, interval)` for a serial number.
fn spread(serial: &str, interval: i64) -> i64 {
    let hash = serial.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash % interval.max(1) as u64) as i64
}

/// The first periodic inform time strictly after `after`.
pub fn next_periodic(after: i64, interval: i64, phase: i64) -> i64 {
    let since = (after - phase).rem_euclid(interval);
    after - since + interval
}

/// What the agent should wait for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Run a session now.
    pub session_now: bool,
    /// Otherwise wake up at this unix time (at the latest).
    pub wake_at: i64,
}

/// Raises the events that are due at `now` (periodic, scheduled) and says what to do.
/// `last_periodic` is the last periodic time handled; `retry_at` the end of a retry wait.
pub fn plan(
    device: &mut Device,
    now: i64,
    periodic_setting: Option<(i64, i64)>,
    last_periodic: &mut i64,
    retry_at: Option<i64>,
) -> Plan {
    let mut wake_at = now + 24 * 3600;
    if let Some((interval, phase)) = periodic_setting {
        let next = next_periodic(*last_periodic, interval, phase);
        if next <= now {
            device.add_event(EventCode::Periodic, "");
            *last_periodic = now;
            wake_at = wake_at.min(next_periodic(now, interval, phase));
        } else {
            wake_at = wake_at.min(next);
        }
    }
    let (due, later): (Vec<_>, Vec<_>) = device
        .scheduled_informs
        .drain(..)
        .partition(|s| s.at <= now);
    device.scheduled_informs = later;
    for s in due {
        device.add_event(EventCode::Scheduled, "");
        device.add_event(EventCode::method("ScheduleInform"), s.command_key);
    }
    for s in &device.scheduled_informs {
        wake_at = wake_at.min(s.at);
    }
    for t in &device.transfers {
        if let Some(at) = t.next_start(now) {
            wake_at = wake_at.min(at.max(now));
        }
    }
    let has_work = !device.events().is_empty()
        || !device.outbox.is_empty()
        || device.model.has_active_change();
    match retry_at {
        Some(at) if at > now => Plan {
            session_now: false,
            wake_at: wake_at.min(at),
        },
        _ => Plan {
            session_now: has_work,
            wake_at,
        },
    }
}

/// The end of the wait after the `retry_count`-th failed session in a row.
pub fn retry_deadline(device: &Device, now: i64, random_unit: f64) -> i64 {
    let number = |name: &str, default: u32| {
        device
            .value(name)
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(default)
    };
    let policy = RetryPolicy {
        minimum_wait_interval: number("ManagementServer.CWMPRetryMinimumWaitInterval", 5),
        interval_multiplier: number("ManagementServer.CWMPRetryIntervalMultiplier", 2000),
    };
    now + policy.wait(device.retry_count, random_unit).as_secs() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use datamodel::{BaseTree, Profile};

    const PROFILE: &str = r#"
profile sched
device manufacturer="Acme" oui=00D09E product-class="HGW"
param Device.ManagementServer.URL string w
param Device.ManagementServer.PeriodicInformEnable boolean w default="true"
param Device.ManagementServer.PeriodicInformInterval unsignedInt w default="300"
param Device.ManagementServer.PeriodicInformTime dateTime w
param Device.ManagementServer.CWMPRetryMinimumWaitInterval unsignedInt w default="5"
param Device.ManagementServer.CWMPRetryIntervalMultiplier unsignedInt w default="2000"
"#;

    fn device(serial: &str) -> Device {
        let base = BaseTree::new(Profile::parse(PROFILE).expect("valid"));
        Device::new(base, serial)
    }

    #[test]
    fn periodic_times_follow_interval_and_phase() {
        assert_eq!(next_periodic(1000, 300, 0), 1200);
        assert_eq!(next_periodic(1200, 300, 0), 1500);
        assert_eq!(next_periodic(1000, 300, 50), 1250);
        assert_eq!(next_periodic(1000, 300, 2050), 1150);
        let mut d = device("SN1");
        assert_eq!(periodic(&d, 60, Phase::Aligned), Some((300, 0)));
        let (_, phase) = periodic(&d, 60, Phase::Spread).expect("enabled");
        assert!((0..300).contains(&phase));
        assert_ne!(
            phase,
            periodic(&device("SN2"), 60, Phase::Spread)
                .expect("enabled")
                .1
        );
        d.set_own(
            "ManagementServer.PeriodicInformTime",
            "2024-01-01T00:00:10Z",
        );
        assert_eq!(
            periodic(&d, 60, Phase::Spread).map(|p| p.1),
            Some(1_704_067_210)
        );
        d.set_own("ManagementServer.PeriodicInformEnable", "false");
        assert_eq!(periodic(&d, 60, Phase::Spread), None);
    }

    #[test]
    fn plans_raise_due_events() {
        let mut d = device("SN1");
        let mut last = 1000;
        let quiet = plan(&mut d, 1100, Some((300, 0)), &mut last, None);
        assert_eq!(
            quiet,
            Plan {
                session_now: false,
                wake_at: 1200
            }
        );
        let due = plan(&mut d, 1200, Some((300, 0)), &mut last, None);
        assert!(due.session_now);
        assert_eq!(due.wake_at, 1500);
        assert_eq!(d.events()[0].event_code, EventCode::Periodic);

        d.scheduled_informs
            .push(crate::device::queue::ScheduledInform {
                at: 1300,
                command_key: "s".into(),
            });
        let mut d2 = d.clone();
        let waiting = plan(&mut d2, 1250, Some((300, 0)), &mut last, Some(1260));
        assert_eq!(
            waiting,
            Plan {
                session_now: false,
                wake_at: 1260
            }
        );
        plan(&mut d2, 1300, None, &mut last, None);
        let codes: Vec<String> = d2
            .events()
            .iter()
            .map(|e| e.event_code.to_string())
            .collect();
        assert!(
            codes.contains(&"3 SCHEDULED".into()) && codes.contains(&"M ScheduleInform".into())
        );
    }

    #[test]
    fn retry_waits_grow() {
        let mut d = device("SN1");
        d.retry_count = 1;
        assert_eq!(retry_deadline(&d, 100, 0.0), 105);
        d.retry_count = 3;
        assert_eq!(retry_deadline(&d, 100, 0.999_999), 139);
    }
}
