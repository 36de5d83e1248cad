//! The SQLite store: the shared store suite, plus what only SQLite has (the database file,
//! migrations, query plans).

#[macro_use]
mod store_suite;

use acs::filter::parse_filter;
use acs::store::sqlite::{MIGRATIONS, SqliteStore};
use acs::store::{DeviceQuery, Store};
use std::future::Future;
use std::path::PathBuf;
use std::task::Poll;

async fn memory_store() -> SqliteStore {
    SqliteStore::open("sqlite::memory:")
        .await
        .expect("in-memory store")
}

store_suite_tests!(memory_store().await);

/// A database path in a fresh directory, removed when dropped.
struct TempDb {
    dir: PathBuf,
}

impl TempDb {
    fn new() -> TempDb {
        let dir = std::env::temp_dir().join(format!("acs-store-{}", store_suite::unique_prefix()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDb { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.join("acs.db")
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.path().display())
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn the_whole_suite_runs_on_one_file_database() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.url()).await.expect("open");
    store_suite::run_all(&store).await;
}

#[tokio::test]
async fn the_file_is_created_in_wal_mode_and_migrations_apply_once() {
    let db = TempDb::new();
    assert!(!db.path().exists());
    let store = SqliteStore::open(&db.url()).await.expect("open");
    assert!(db.path().exists(), "database file created");
    let all: Vec<i64> = MIGRATIONS.iter().map(|m| m.0).collect();
    assert_eq!(store.schema_versions().await.expect("versions"), all);
    let d = store_suite::device("dev-1");
    store_suite::save(&store, &d).await;
    // A WAL database keeps a -wal file beside it while connections are open.
    let wal = PathBuf::from(format!("{}-wal", db.path().display()));
    assert!(wal.exists(), "journal mode is WAL");
    drop(store);

    // Reopening finds the schema current, applies nothing twice, and keeps the data.
    let store = SqliteStore::open(&db.url()).await.expect("reopen");
    assert_eq!(store.schema_versions().await.expect("versions"), all);
    assert_eq!(store.load_device("dev-1").await.expect("load"), Some(d));
    drop(store);
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_refused() {
    let db = TempDb::new();
    drop(SqliteStore::open(&db.url()).await.expect("open"));
    let raw = rusqlite::Connection::open(db.path()).expect("raw");
    raw.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
        [],
    )
    .expect("insert");
    drop(raw);
    let err = SqliteStore::open(&db.url()).await.expect_err("refused");
    assert!(err.to_string().contains("999"), "{err}");
}

#[tokio::test]
async fn only_sqlite_urls_are_accepted() {
    for url in ["postgres://localhost/acs", "acs.db", ""] {
        assert!(SqliteStore::open(url).await.is_err(), "{url}");
    }
}

/// The plan of the page query for a filter, after a few devices exist.
async fn plan(store: &SqliteStore, filter: &str) -> Vec<String> {
    let query = DeviceQuery {
        filter: Some(parse_filter(filter).expect("filter")),
        limit: Some(10),
        ..DeviceQuery::default()
    };
    store.explain_list_devices(&query).await.expect("explain")
}

#[tokio::test]
async fn value_filters_use_the_parameter_indexes() {
    let store = memory_store().await;
    for i in 0..20 {
        let mut d = store_suite::device(&format!("dev-{i}"));
        d.tree.insert(
            "Device.X.N".into(),
            store_suite::param(&i.to_string(), "xsd:int"),
        );
        store_suite::save(&store, &d).await;
    }
    let no_scan = |plan: &[String]| {
        !plan
            .iter()
            .any(|l| l.starts_with("SCAN device_params") || l == "SCAN p")
    };
    let cases = [
        (
            "Device.DeviceInfo.SoftwareVersion = \"2.1\"",
            "device_params_value (path=? AND value=?)",
        ),
        ("Device.X.N > 5", "device_params_num (path=? AND num>?)"),
        (
            "Device.DeviceInfo.SoftwareVersion LIKE \"2.%\"",
            "device_params_value (path=? AND value>? AND value<?)",
        ),
        ("Device.X.N IS NOT NULL", "(path=?)"),
        ("NOT Device.X.N IS NULL", "(path=?)"),
        ("tag = \"lab\"", "device_tags_tag (tag=?)"),
    ];
    for (filter, index) in cases {
        let plan = plan(&store, filter).await;
        // The matching devices are looked up by id, not scanned.
        assert!(
            plan.iter()
                .any(|l| l.starts_with("SEARCH d USING") && l.ends_with("(id=?)")),
            "{filter}: {plan:#?}"
        );
        assert!(!plan.iter().any(|l| l == "SCAN d"), "{filter}: {plan:#?}");
        assert!(
            plan.iter().any(|l| l.contains(index)),
            "{filter}: expected {index} in {plan:#?}"
        );
        assert!(no_scan(&plan), "{filter}: scans device_params: {plan:#?}");
    }
    // Both sides of an AND are index searches.
    let plan = plan(
        &store,
        "Device.X.N >= 3 AND Device.DeviceInfo.SoftwareVersion = \"1.0\"",
    )
    .await;
    assert!(
        plan.iter().any(|l| l.contains("device_params_num")),
        "{plan:#?}"
    );
    assert!(
        plan.iter().any(|l| l.contains("device_params_value")),
        "{plan:#?}"
    );
    assert!(no_scan(&plan), "{plan:#?}");
}

#[tokio::test]
async fn a_second_store_on_the_same_file_is_refused_until_the_first_closes() {
    let db = TempDb::new();
    let first = SqliteStore::open(&db.url()).await.expect("open");
    store_suite::save(&first, &store_suite::device("dev-1")).await;
    let err = SqliteStore::open(&db.url())
        .await
        .expect_err("the file is owned by the first store");
    assert!(err.to_string().contains("in use"), "{err}");
    drop(first);
    let second = SqliteStore::open(&db.url()).await.expect("reopen");
    assert!(second.load_device("dev-1").await.expect("load").is_some());
}

#[tokio::test]
async fn a_failing_write_is_undone_alone_within_its_commit() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.url()).await.expect("open");
    let mut d = store_suite::device("dev-1");
    store_suite::save(&store, &d).await;

    // Sent together, these share the writer's next commit; the first fails in its last
    // statements (a fault of an unknown device breaks a foreign key).
    d.tree.insert(
        "Device.X.Lost".into(),
        store_suite::param("x", "xsd:string"),
    );
    let mut failing = store_suite::write_of(&d);
    failing
        .new_faults
        .push(store_suite::new_fault("no-such-device", None, "9002"));
    let other = store_suite::device("dev-2");
    let (failed, saved, tagged) = tokio::join!(
        store.save_session(failing),
        store.save_session(store_suite::write_of(&other)),
        store.set_tag("dev-1", "kept", true),
    );
    assert!(failed.is_err(), "{failed:?}");
    saved.expect("the other save commits");
    assert!(tagged.expect("the tag commits"));

    let stored = store
        .load_device("dev-1")
        .await
        .expect("load")
        .expect("device");
    assert!(!stored.tree.contains_key("Device.X.Lost"), "undone");
    assert!(stored.tags.contains("kept"));
    assert!(store.load_device("dev-2").await.expect("load").is_some());
    assert!(store.list_faults(None).await.expect("faults").is_empty());
    assert!(
        store_suite::select(&store, "dev", "Device.X.Lost IS NOT NULL")
            .await
            .is_empty(),
        "the value index was undone with the tree"
    );
}

#[tokio::test]
async fn a_save_lands_even_when_its_caller_stops_waiting() {
    let store = memory_store().await;
    let mut d = store_suite::device("dev-1");
    d.tree.insert(
        "Device.X.Late".into(),
        store_suite::param("y", "xsd:string"),
    );
    {
        // Dropped after its first poll: the write is queued on the writer by then.
        let save = store.save_session(store_suite::write_of(&d));
        tokio::pin!(save);
        std::future::poll_fn(|cx| {
            let _ = save.as_mut().poll(cx);
            Poll::Ready(())
        })
        .await;
    }
    // Writes run in order, so once a later one is done the dropped one has landed.
    store_suite::save(&store, &store_suite::device("dev-2")).await;
    let stored = store
        .load_device("dev-1")
        .await
        .expect("load")
        .expect("the abandoned save landed");
    assert_eq!(stored, d);
}

#[tokio::test]
async fn a_database_at_an_older_version_is_upgraded_in_place() {
    // A file as the first schema version left it, with a device in it.
    let db = TempDb::new();
    let raw = rusqlite::Connection::open(db.path()).expect("raw");
    raw.execute_batch(MIGRATIONS[0].2).expect("version 1");
    raw.execute_batch(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
             applied_at INTEGER NOT NULL);
         INSERT INTO schema_migrations VALUES (1, 'initial', 0);
         INSERT INTO devices (id, oui, product_class, serial_number, manufacturer, first_seen,
             last_inform, remote_address, last_events, tree)
         VALUES ('old-1', '00D09E', 'HGW', 'S1', 'Acme', 1, 2, '192.0.2.1', '[\"1 BOOT\"]',
             '{\"Device.X\": {\"value\": [\"7\", \"xsd:int\"], \"seen\": 2}}');",
    )
    .expect("version 1 data");
    drop(raw);

    let store = SqliteStore::open(&db.url()).await.expect("upgrade");
    let all: Vec<i64> = MIGRATIONS.iter().map(|m| m.0).collect();
    assert_eq!(store.schema_versions().await.expect("versions"), all);
    let mut d = store
        .load_device("old-1")
        .await
        .expect("load")
        .expect("device kept");
    assert_eq!(d.last_events, ["1 BOOT"]);
    assert_eq!(
        d.tree["Device.X"].value,
        Some(("7".into(), "xsd:int".into()))
    );
    // Its first save on the new schema indexes its values.
    d.last_inform = 3;
    store_suite::save(&store, &d).await;
    assert_eq!(
        store_suite::select(&store, "old", "Device.X = 7").await,
        ["old-1"]
    );
}

#[tokio::test]
async fn queued_tasks_are_found_after_a_restart() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.url()).await.expect("open");
    store_suite::save(&store, &store_suite::device("dev-1")).await;
    // The device's sessions have looked and found nothing, then a task is queued.
    assert!(
        store
            .due_tasks("dev-1", store_suite::NOW)
            .await
            .expect("due")
            .is_empty()
    );
    let spec = serde_json::from_value(serde_json::json!({"name": "reboot"})).expect("spec");
    let task = store
        .queue_task("dev-1", &spec, None, store_suite::NOW)
        .await
        .expect("queue");
    drop(store);
    let store = SqliteStore::open(&db.url()).await.expect("reopen");
    let due = store
        .due_tasks("dev-1", store_suite::NOW)
        .await
        .expect("due");
    assert_eq!(due.iter().map(|t| t.id).collect::<Vec<_>>(), [task.id]);
}
