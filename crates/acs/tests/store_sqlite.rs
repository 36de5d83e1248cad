//! The SQLite store: the shared store suite, plus what only SQLite has (the database file,
//! migrations, query plans).

#[macro_use]
mod store_suite;

use acs::filter::parse_filter;
use acs::store::sqlite::{MIGRATIONS, SqliteStore};
use acs::store::{DeviceQuery, Store};
use std::path::PathBuf;

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
    store.close().await;

    // Reopening finds the schema current, applies nothing twice, and keeps the data.
    let store = SqliteStore::open(&db.url()).await.expect("reopen");
    assert_eq!(store.schema_versions().await.expect("versions"), all);
    assert_eq!(store.load_device("dev-1").await.expect("load"), Some(d));
    store.close().await;
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_refused() {
    let db = TempDb::new();
    SqliteStore::open(&db.url())
        .await
        .expect("open")
        .close()
        .await;
    let pool = sqlx::SqlitePool::connect(&db.url()).await.expect("raw");
    sqlx::query(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
    )
    .execute(&pool)
    .await
    .expect("insert");
    pool.close().await;
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
async fn two_stores_on_one_file_write_concurrently() {
    let db = TempDb::new();
    let (a, b) = (
        SqliteStore::open(&db.url()).await.expect("open a"),
        SqliteStore::open(&db.url()).await.expect("open b"),
    );
    let writes = |store: &SqliteStore, who: &'static str| {
        let store = store.clone();
        async move {
            for i in 0..20 {
                let mut d = store_suite::device(&format!("{who}-{i}"));
                d.tree
                    .insert("Device.X.Who".into(), store_suite::param(who, "xsd:string"));
                store_suite::save(&store, &d).await;
            }
        }
    };
    tokio::join!(writes(&a, "a"), writes(&b, "b"));
    for (store, other) in [(&a, "b"), (&b, "a")] {
        let ids = store_suite::select(store, other, "Device.X.Who IS NOT NULL").await;
        assert_eq!(ids.len(), 20, "{other}: {ids:?}");
    }
}
