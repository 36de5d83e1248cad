//! Times out transfers of devices that do not come back.
//!
//! A session faults its device's transfers that waited too long for their TransferComplete
//! (see `engine::transfer`), but a device that accepted a download and then died, or was
//! unplugged, has no more sessions: its task would stay "in progress" for ever. This sweep
//! finds such transfers and faults them as the session would have, so operators see them
//! and the retry policy applies. It skips devices in a session (the session decides) by
//! taking each device's session lock for the time of the write.

use crate::api::TaskEvents;
use crate::config::TaskConfig;
use crate::engine::{fault_task, pending_since, transfer_timeout};
use crate::metrics::Metrics;
use crate::model::Millis;
use crate::store::{Store, StoreError, TransferTimeout};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio_util::sync::CancellationToken;

/// The session-lock owner the sweep takes locks as.
const OWNER: &str = "transfer-timeout-sweep";

/// Runs a sweep every `every` until `stop`.
pub async fn run<S: Store>(
    store: Arc<S>,
    tasks: TaskConfig,
    metrics: Arc<Metrics>,
    events: Arc<TaskEvents>,
    every: Duration,
    stop: CancellationToken,
) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        match sweep(store.as_ref(), &tasks, now_ms()).await {
            Ok(ids) => {
                for id in ids {
                    metrics.task("fault");
                    metrics.fault();
                    events.changed(id);
                }
            }
            Err(e) => tracing::warn!(error = %e, "transfer timeout sweep failed"),
        }
    }
}

fn now_ms() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// One sweep at `now`: the ids of the tasks it faulted.
pub async fn sweep<S: Store>(
    store: &S,
    tasks: &TaskConfig,
    now: Millis,
) -> Result<Vec<i64>, StoreError> {
    let timeout = i64::try_from(tasks.transfer_timeout().as_millis()).unwrap_or(i64::MAX);
    let retry = tasks.retry_policy();
    let stale = store.stale_transfers(now.saturating_sub(timeout)).await?;
    let mut timeouts = Vec::new();
    let mut locked = Vec::new();
    for mut task in stale {
        let (Some(sent), Some(fault)) =
            (pending_since(&task), transfer_timeout(&task, now, timeout))
        else {
            continue;
        };
        // A lease as long as a session's: released below, or expiring if this process dies.
        let lease = 120_000;
        if !locked.contains(&task.device)
            && !store
                .acquire_session_lock(&task.device, OWNER, now, lease)
                .await?
        {
            continue;
        }
        if !locked.contains(&task.device) {
            locked.push(task.device.clone());
        }
        let fault = fault_task(&mut task, fault, Some(retry), now);
        tracing::info!(task = task.id, device = %task.device, "transfer timed out without a session");
        timeouts.push(TransferTimeout { task, fault, sent });
    }
    let written = if timeouts.is_empty() {
        Ok(Vec::new())
    } else {
        store.fault_stale_transfers(timeouts).await
    };
    for device in locked {
        store.release_session_lock(&device, OWNER).await?;
    }
    written
}
