//! What the store's unit tests check that the shared suite cannot see: how statements
//! behave inside SQLite.

use super::*;
use crate::model::{FaultInfo, Node, TaskStatus};
use crate::store::NewFault;
use rusqlite::StatementStatus;

fn device(id: &str, value: &str, extra: bool) -> DeviceRecord {
    let node = |v: &str| Node {
        value: Some((v.to_string(), "xsd:string".to_string())),
        seen: 1,
        ..Node::default()
    };
    let mut d = DeviceRecord {
        id: id.to_string(),
        last_events: vec!["2 PERIODIC".into()],
        tags: ["lab".to_string()].into(),
        ..DeviceRecord::default()
    };
    d.tree.insert("Device.X".into(), node(value));
    if extra {
        d.tree.insert("Device.Gone".into(), node("1"));
    }
    d
}

/// A session's statements are compiled once per connection, whatever their bindings: a
/// statement the planner compiles again for each new binding (SQLite does that when sorting
/// by a bound key, with STAT4) costs more than the query itself.
#[test]
fn session_statements_are_compiled_once() {
    let mut conn = Connection::open_in_memory().expect("open");
    db::configure(&conn).expect("configure");
    migrate::run(&mut conn).expect("migrate");
    let key = RandomState::new();
    for i in 0..3 {
        let id = format!("dev-{i}");
        // A new device (tags, index), then a session that changes a value, drops a
        // parameter, completes a task and records and clears faults.
        let write = |device| SessionWrite {
            device,
            tasks: Vec::new(),
            new_faults: Vec::new(),
            cleared_faults: Vec::new(),
            tag_changes: Vec::new(),
        };
        save::save_session(&conn, &key, &write(device(&id, "a", true)), None).expect("create");
        let spec = serde_json::from_value(serde_json::json!({"name": "reboot"})).expect("spec");
        let mut task = tasks::queue(&conn, &id, &spec, None, 1).expect("queue");
        assert!(devices::load(&conn, &id).expect("load").is_some());
        let unfinished = tasks::due(&conn, &id, 2).expect("due");
        assert_eq!(unfinished.due.len(), 1);
        assert!(
            files::meta(&conn, &format!("file-{i}"))
                .expect("meta")
                .is_none()
        );
        task.status = TaskStatus::Fault;
        let mut session = write(device(&id, "b", false));
        session.tasks.push(task.clone());
        session.tag_changes.push(("provisioned".into(), true));
        session.new_faults.push(NewFault {
            device: id.clone(),
            channel: "task".into(),
            task: Some(task.id),
            fault: FaultInfo {
                code: "9002".into(),
                message: "Internal error".into(),
                detail: serde_json::Value::Null,
            },
            retries: 0,
            timestamp: 2,
        });
        let stored = save::save_session(&conn, &key, &session, None).expect("save");
        // The retry succeeds and clears the fault.
        let recorded = tasks::list_faults(&conn, Some(&id)).expect("faults");
        assert_eq!(recorded.len(), 1);
        task.status = TaskStatus::Done;
        let mut retry = write(device(&id, "b", false));
        retry.tasks.push(task);
        retry.cleared_faults = recorded.iter().map(|f| f.id).collect();
        retry.tag_changes.push(("provisioned".into(), false));
        save::save_session(&conn, &key, &retry, Some(stored.digest)).expect("retry");
        assert_eq!(devices::tags(&conn, &id).expect("tags").len(), 1);
        assert!(
            tasks::list_faults(&conn, Some(&id))
                .expect("faults")
                .is_empty()
        );
    }
    let session_path = [
        devices::LOAD,
        devices::TAGS,
        tasks::UNFINISHED_TASKS,
        tasks::DEVICE_FAULTS,
        files::META,
        NEXT_ID,
    ];
    for sql in session_path.iter().chain(save::STATEMENTS) {
        let statement = conn.prepare_cached(sql).expect("cached");
        assert!(
            statement.get_status(StatementStatus::Run) >= 3,
            "not exercised by every session: {sql}"
        );
        assert_eq!(
            statement.get_status(StatementStatus::RePrepare),
            0,
            "compiled again: {sql}"
        );
    }
}

/// A session's save leaves the device in the cache, with the stored tags and digest, so its
/// next session's load and save read nothing.
#[tokio::test]
async fn a_saved_device_is_served_from_the_cache() {
    let store = SqliteStore::open("sqlite::memory:").await.expect("open");
    let d = device("dev-1", "a", true);
    let write = SessionWrite {
        device: d.clone(),
        tasks: Vec::new(),
        new_faults: Vec::new(),
        cleared_faults: Vec::new(),
        tag_changes: Vec::new(),
    };
    store.save_session(write.clone()).await.expect("save");
    assert_eq!(store.inner.cache.get("dev-1"), Some(d.clone()));
    let first = store
        .inner
        .cache
        .stored_digest("dev-1")
        .expect("digest kept");
    store.set_tag("dev-1", "vip", true).await.expect("tag");
    // A save of the copy loaded before the tag does not undo it.
    store.save_session(write).await.expect("save");
    let cached = store.inner.cache.get("dev-1").expect("cached");
    assert!(cached.tags.contains("vip") && cached.tags.contains("lab"));
    assert_eq!(store.inner.cache.stored_digest("dev-1"), Some(first));
    assert_eq!(
        store.load_device("dev-1").await.expect("load"),
        Some(cached)
    );
}
