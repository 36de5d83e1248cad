//! The behaviour every `Store` backend must have, written once: each backend's test file
//! includes this module (`#[macro_use] mod store_suite;`) and runs it (`store_suite_tests!` makes one test per behaviour on a
//! fresh store; `run_all` runs them all on one store).
//!
//! Every behaviour works under its own random id prefix and filters its listings by it, so
//! the behaviours may share one database (a PostgreSQL server) and run concurrently.

#![allow(dead_code)]

mod devices;
mod filters;
mod presets;
mod tasks;

pub use devices::*;
pub use filters::*;
pub use presets::*;
pub use tasks::*;

use acs::filter::parse_filter;
use acs::model::{DeviceRecord, Millis, Node, Tree};
use acs::store::{DeviceQuery, SessionWrite, Store};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A fixed "now" for every test: stores take time as an argument, so nothing here depends on
/// the clock.
pub const NOW: Millis = 1_700_000_000_000;

/// A prefix no other behaviour, test run or process uses: letters and digits only, so it is
/// also a literal `LIKE` prefix.
pub fn unique_prefix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("T{}x{nanos}x{n}x", std::process::id())
}

/// A parameter node with a value.
pub fn param(value: &str, xsi_type: &str) -> Node {
    Node {
        value: Some((value.to_string(), xsi_type.to_string())),
        writable: Some(true),
        seen: NOW,
        value_timestamp: Some(NOW),
        ..Node::default()
    }
}

/// A device with a small tree and no tags.
pub fn device(id: &str) -> DeviceRecord {
    let mut tree = Tree::new();
    tree.insert(
        "Device.".into(),
        Node {
            object: true,
            seen: NOW,
            ..Node::default()
        },
    );
    tree.insert(
        "Device.DeviceInfo.SoftwareVersion".into(),
        param("1.0", "xsd:string"),
    );
    DeviceRecord {
        id: id.to_string(),
        oui: "00D09E".into(),
        product_class: "HGW".into(),
        serial_number: format!("SN-{id}"),
        manufacturer: "Acme".into(),
        first_seen: NOW,
        last_inform: NOW,
        last_boot: Some(NOW),
        last_bootstrap: Some(NOW),
        remote_address: "192.0.2.1".into(),
        last_events: vec!["0 BOOTSTRAP".into(), "1 BOOT".into()],
        tags: Default::default(),
        tree,
    }
}

/// A session write of `device` alone.
pub fn write_of(device: &DeviceRecord) -> SessionWrite {
    SessionWrite {
        device: device.clone(),
        tasks: vec![],
        new_faults: vec![],
        cleared_faults: vec![],
        tag_changes: Vec::new(),
    }
}

pub async fn save<S: Store>(store: &S, device: &DeviceRecord) {
    store
        .save_session(write_of(device))
        .await
        .expect("save_session");
}

/// The ids `filter` selects among the devices whose id starts with `prefix`, in the store's
/// default order (by id).
pub async fn select<S: Store>(store: &S, prefix: &str, filter: &str) -> Vec<String> {
    let text = if filter.is_empty() {
        format!("id LIKE \"{prefix}%\"")
    } else {
        format!("id LIKE \"{prefix}%\" AND ({filter})")
    };
    let query = DeviceQuery {
        filter: Some(parse_filter(&text).expect("valid filter")),
        ..DeviceQuery::default()
    };
    let (total, devices) = store.list_devices(&query).await.expect("list_devices");
    let ids: Vec<String> = devices.into_iter().map(|d| d.id).collect();
    assert_eq!(total, ids.len() as u64, "total of {filter}");
    ids
}

/// Runs every behaviour on one store, one after the other.
pub async fn run_all<S: Store>(store: &S) {
    device_round_trip_with_a_large_tree(store).await;
    saving_updates_the_device_and_its_value_index(store).await;
    save_session_is_one_transaction(store).await;
    tags_are_set_and_removed(store).await;
    deleting_a_device_removes_everything_of_it(store).await;
    filters_select_what_the_evaluator_selects(store).await;
    filters_compare_numbers_text_and_booleans(store).await;
    filter_logic_and_fields(store).await;
    paging_sorting_and_totals(store).await;
    task_lifecycle(store).await;
    task_expiry_and_backoff(store).await;
    faults_are_recorded_cleared_and_deleted(store).await;
    files_round_trip(store).await;
    session_locks_have_leases(store).await;
    transfers_of_silent_devices_time_out(store).await;
    device_credentials_round_trip(store).await;
    presets_are_stored_replaced_listed_and_deleted(store).await;
    scripts_are_kept_by_kind(store).await;
}

/// One `#[tokio::test]` per behaviour, each on a fresh store from `$make` (an expression,
/// evaluated inside the async test, giving the store).
macro_rules! store_suite_tests {
    ($make:expr) => {
        store_suite_tests!(@each $make;
            device_round_trip_with_a_large_tree,
            saving_updates_the_device_and_its_value_index,
            save_session_is_one_transaction,
            tags_are_set_and_removed,
            deleting_a_device_removes_everything_of_it,
            filters_select_what_the_evaluator_selects,
            filters_compare_numbers_text_and_booleans,
            filter_logic_and_fields,
            paging_sorting_and_totals,
            task_lifecycle,
            task_expiry_and_backoff,
            faults_are_recorded_cleared_and_deleted,
            files_round_trip,
            session_locks_have_leases,
            transfers_of_silent_devices_time_out,
            device_credentials_round_trip,
            presets_are_stored_replaced_listed_and_deleted,
            scripts_are_kept_by_kind,
        );
    };
    (@each $make:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $name() {
                let store = $make;
                store_suite::$name(&store).await;
            }
        )*
    };
}
