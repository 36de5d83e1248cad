//! Tasks, faults, files and session locks.

use super::{NOW, device, save, unique_prefix, write_of};
use acs::model::{FaultInfo, FileMeta, ParameterValueSpec, Task, TaskSpec, TaskStatus};
use acs::store::{NewFault, Store};
use serde_json::json;

fn fault_info(code: &str) -> FaultInfo {
    FaultInfo {
        code: code.into(),
        message: format!("fault {code}"),
        detail: json!({"faultCode": code, "parameters": ["Device.X"]}),
    }
}

/// A task fault with CWMP code `code` to record.
pub fn new_fault(device: &str, task: Option<i64>, code: &str) -> NewFault {
    NewFault {
        device: device.into(),
        channel: "task".into(),
        task,
        fault: fault_info(code),
        retries: 1,
        timestamp: NOW + 7,
    }
}

fn ids(tasks: &[Task]) -> Vec<i64> {
    tasks.iter().map(|t| t.id).collect()
}

pub async fn task_lifecycle<S: Store>(store: &S) {
    let p = unique_prefix();
    let (d, other) = (device(&format!("{p}-a")), device(&format!("{p}-b")));
    save(store, &d).await;
    save(store, &other).await;
    let specs = [
        TaskSpec::GetParameterValues {
            parameter_names: vec!["Device.DeviceInfo.SoftwareVersion".into()],
        },
        TaskSpec::SetParameterValues {
            parameter_values: vec![
                ParameterValueSpec::Typed("Device.A".into(), json!(5), "xsd:unsignedInt".into()),
                ParameterValueSpec::Untyped("Device.B".into(), json!("x")),
            ],
        },
        TaskSpec::Download {
            file_type: "1 Firmware Upgrade Image".into(),
            file_name: "fw.bin".into(),
            target_file_name: String::new(),
        },
    ];
    let mut queued = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        let t = store
            .queue_task(&d.id, spec, None, NOW + i as i64)
            .await
            .expect("queue");
        assert_eq!(
            (&t.device, &t.spec, t.status, t.created, t.retries),
            (&d.id, spec, TaskStatus::Queued, NOW + i as i64, 0)
        );
        assert_eq!((t.not_before, &t.result, &t.fault), (None, &None, &None));
        queued.push(t);
    }
    assert!(queued.windows(2).all(|w| w[0].id < w[1].id), "ids increase");
    let theirs = store
        .queue_task(&other.id, &TaskSpec::Reboot {}, None, NOW)
        .await
        .expect("queue");
    assert!(
        store
            .queue_task(&format!("{p}-none"), &TaskSpec::Reboot {}, None, NOW)
            .await
            .is_err(),
        "a task for an unknown device is refused"
    );
    let [mut t1, mut t2, t3] = <[Task; 3]>::try_from(queued.clone()).expect("three");
    assert_eq!(store.get_task(t2.id).await.expect("get"), Some(t2.clone()));
    assert_eq!(store.list_tasks(Some(&d.id)).await.expect("list"), queued);
    let all = store.list_tasks(None).await.expect("list all");
    assert!(queued.iter().chain([&theirs]).all(|t| all.contains(t)));
    assert_eq!(store.due_tasks(&d.id, NOW + 10).await.expect("due"), queued);

    // A session: t1 succeeds, t2 faults and backs off.
    t1.status = TaskStatus::Done;
    t1.result = Some(json!({"Device.DeviceInfo.SoftwareVersion": ["1.0", "xsd:string"]}));
    t2.status = TaskStatus::Fault;
    t2.retries = 1;
    t2.not_before = Some(NOW + 1000);
    t2.fault = Some(fault_info("9007"));
    let mut write = write_of(&d);
    write.tasks = vec![t1.clone(), t2.clone()];
    store.save_session(write).await.expect("save");
    assert_eq!(store.get_task(t1.id).await.expect("get"), Some(t1.clone()));
    assert_eq!(store.get_task(t2.id).await.expect("get"), Some(t2.clone()));
    let due = store.due_tasks(&d.id, NOW + 999).await.expect("due");
    assert_eq!(ids(&due), [t3.id], "t2 waits out its backoff");
    let due = store.due_tasks(&d.id, NOW + 1000).await.expect("due");
    assert_eq!(
        due,
        [t2.clone(), t3.clone()],
        "t2 is due again, still faulted"
    );

    // The engine gives up: a fault without not_before is final.
    t2.retries = 2;
    t2.not_before = None;
    let mut write = write_of(&d);
    write.tasks = vec![t2.clone()];
    store.save_session(write).await.expect("save");
    let due = store.due_tasks(&d.id, NOW + 9000).await.expect("due");
    assert_eq!(ids(&due), [t3.id]);

    // A manual retry puts it back in the queue now.
    assert!(store.retry_task(t2.id, NOW + 9000).await.expect("retry"));
    let retried = store.get_task(t2.id).await.expect("get").expect("task");
    assert_eq!(
        (retried.status, retried.not_before),
        (TaskStatus::Queued, None)
    );
    let due = store.due_tasks(&d.id, NOW + 9000).await.expect("due");
    assert_eq!(ids(&due), [t2.id, t3.id]);
    assert!(!store.retry_task(i64::MAX, NOW).await.expect("retry none"));

    assert!(store.delete_task(t3.id).await.expect("delete"));
    assert!(!store.delete_task(t3.id).await.expect("delete again"));
    assert_eq!(store.get_task(t3.id).await.expect("get"), None);
    let due = store.due_tasks(&d.id, NOW + 9000).await.expect("due");
    assert_eq!(ids(&due), [t2.id]);
    // Finished tasks stay listed; the other device's task is untouched.
    assert_eq!(
        ids(&store.list_tasks(Some(&d.id)).await.expect("list")),
        [t1.id, t2.id]
    );
    assert_eq!(store.get_task(theirs.id).await.expect("get"), Some(theirs));
}

pub async fn task_expiry_and_backoff<S: Store>(store: &S) {
    let p = unique_prefix();
    let d = device(&format!("{p}-a"));
    save(store, &d).await;
    let queue = |expiry: Option<i64>| store.queue_task(&d.id, &TaskSpec::Reboot {}, expiry, NOW);
    let expiring = queue(Some(NOW + 100)).await.expect("queue");
    let mut lasting = queue(None).await.expect("queue");
    let mut finished = queue(Some(NOW + 100)).await.expect("queue");
    let mut faulted = queue(Some(NOW + 100)).await.expect("queue");

    finished.status = TaskStatus::Done;
    faulted.status = TaskStatus::Fault;
    faulted.retries = 1;
    faulted.not_before = Some(NOW + 50);
    // The engine may also postpone a queued task.
    lasting.not_before = Some(NOW + 500);
    let mut write = write_of(&d);
    write.tasks = vec![finished.clone(), faulted.clone(), lasting.clone()];
    write.new_faults = vec![new_fault(&d.id, Some(faulted.id), "9002")];
    store.save_session(write).await.expect("save");

    let due = store.due_tasks(&d.id, NOW + 99).await.expect("due");
    assert_eq!(ids(&due), [expiring.id, faulted.id]);
    // At its expiry a task is expired: dropped, with its fault; a finished one is kept.
    let due = store.due_tasks(&d.id, NOW + 100).await.expect("due");
    assert!(due.is_empty(), "{due:?}");
    assert_eq!(store.get_task(expiring.id).await.expect("get"), None);
    assert_eq!(store.get_task(faulted.id).await.expect("get"), None);
    assert!(
        store
            .list_faults(Some(&d.id))
            .await
            .expect("faults")
            .is_empty()
    );
    assert_eq!(
        store.get_task(finished.id).await.expect("get"),
        Some(finished)
    );
    let due = store.due_tasks(&d.id, NOW + 500).await.expect("due");
    assert_eq!(due, [lasting]);
}

pub async fn faults_are_recorded_cleared_and_deleted<S: Store>(store: &S) {
    let p = unique_prefix();
    let (d, other) = (device(&format!("{p}-a")), device(&format!("{p}-b")));
    save(store, &d).await;
    save(store, &other).await;
    let task = store
        .queue_task(&d.id, &TaskSpec::Reboot {}, None, NOW)
        .await
        .expect("queue");
    let mut write = write_of(&d);
    let mut plain = new_fault(&d.id, None, "timeout");
    plain.channel = "inform".into();
    plain.fault.detail = serde_json::Value::Null;
    write.new_faults = vec![new_fault(&d.id, Some(task.id), "9001"), plain.clone()];
    store.save_session(write).await.expect("save");
    store
        .save_session({
            let mut w = write_of(&other);
            w.new_faults = vec![new_fault(&other.id, None, "9003")];
            w
        })
        .await
        .expect("save other");

    let faults = store.list_faults(Some(&d.id)).await.expect("faults");
    assert_eq!(faults.len(), 2);
    assert!(faults[0].id < faults[1].id);
    let (on_task, on_inform) = (&faults[0], &faults[1]);
    assert_eq!(
        (&on_task.device, on_task.channel.as_str(), on_task.task),
        (&d.id, "task", Some(task.id))
    );
    assert_eq!(
        (&on_task.fault, on_task.retries, on_task.timestamp),
        (&fault_info("9001"), 1, NOW + 7)
    );
    assert_eq!(
        (on_inform.channel.as_str(), on_inform.task, &on_inform.fault),
        ("inform", None, &plain.fault)
    );
    let all = store.list_faults(None).await.expect("all faults");
    assert!(faults.iter().all(|f| all.contains(f)));
    assert!(all.iter().any(|f| f.device == other.id));

    // A task's success clears its fault in the same write.
    let mut write = write_of(&d);
    write.cleared_faults = vec![on_task.id];
    store.save_session(write).await.expect("save");
    assert_eq!(
        store.list_faults(Some(&d.id)).await.expect("faults"),
        std::slice::from_ref(on_inform)
    );
    assert!(store.delete_fault(on_inform.id).await.expect("delete"));
    assert!(
        !store
            .delete_fault(on_inform.id)
            .await
            .expect("delete again")
    );
    assert!(
        store
            .list_faults(Some(&d.id))
            .await
            .expect("faults")
            .is_empty()
    );

    // Deleting a task takes its faults along; a fault about a task deleted while the session
    // ran is not recorded, and does not fail the session's write.
    let mut write = write_of(&d);
    write.new_faults = vec![new_fault(&d.id, Some(task.id), "9001")];
    store.save_session(write).await.expect("save");
    assert_eq!(
        store.list_faults(Some(&d.id)).await.expect("faults").len(),
        1
    );
    assert!(store.delete_task(task.id).await.expect("delete task"));
    assert!(
        store
            .list_faults(Some(&d.id))
            .await
            .expect("faults")
            .is_empty()
    );
    let mut write = write_of(&d);
    write.new_faults = vec![new_fault(&d.id, Some(task.id), "9001")];
    store
        .save_session(write)
        .await
        .expect("save with a stale task");
    assert!(
        store
            .list_faults(Some(&d.id))
            .await
            .expect("faults")
            .is_empty()
    );
}

pub async fn files_round_trip<S: Store>(store: &S) {
    let p = unique_prefix();
    let name = format!("{p}-fw.bin");
    let content: Vec<u8> = (0..1024 * 1024u32).map(|i| (i * 7 % 251) as u8).collect();
    let meta = FileMeta {
        name: name.clone(),
        file_type: "1 Firmware Upgrade Image".into(),
        oui: "00D09E".into(),
        product_class: "HGW".into(),
        version: "2.0".into(),
        length: content.len() as u64,
        sha256: "ab".repeat(32),
        uploaded: NOW,
    };
    assert_eq!(store.file_meta(&name).await.expect("meta"), None);
    assert_eq!(store.get_file(&name).await.expect("get"), None);
    store.put_file(&meta, &content).await.expect("put");
    assert_eq!(
        store.file_meta(&name).await.expect("meta"),
        Some(meta.clone())
    );
    assert_eq!(
        store.get_file(&name).await.expect("get"),
        Some((meta.clone(), content.clone()))
    );
    assert!(store.list_files().await.expect("list").contains(&meta));

    // Replacing, and an empty file.
    let newer = FileMeta {
        version: "2.1".into(),
        length: 3,
        uploaded: NOW + 1,
        ..meta.clone()
    };
    store.put_file(&newer, b"abc").await.expect("replace");
    assert_eq!(
        store.get_file(&name).await.expect("get"),
        Some((newer.clone(), b"abc".to_vec()))
    );
    let empty = FileMeta {
        name: format!("{p}-empty"),
        length: 0,
        ..meta.clone()
    };
    store.put_file(&empty, &[]).await.expect("empty");
    assert_eq!(
        store.get_file(&empty.name).await.expect("get"),
        Some((empty.clone(), vec![]))
    );
    let listed = store.list_files().await.expect("list");
    assert!(listed.contains(&newer) && listed.contains(&empty) && !listed.contains(&meta));

    // Metadata that does not describe the content is refused and changes nothing.
    let wrong = FileMeta {
        length: 10,
        ..newer.clone()
    };
    assert!(store.put_file(&wrong, b"abc").await.is_err());
    assert_eq!(store.file_meta(&name).await.expect("meta"), Some(newer));

    assert!(store.delete_file(&name).await.expect("delete"));
    assert!(!store.delete_file(&name).await.expect("delete again"));
    assert_eq!(store.get_file(&name).await.expect("get"), None);
    assert!(
        !store
            .list_files()
            .await
            .expect("list")
            .iter()
            .any(|f| f.name == name)
    );
}

pub async fn session_locks_have_leases<S: Store>(store: &S) {
    let p = unique_prefix();
    let dev = format!("{p}-a");
    let lock =
        |owner: &'static str, at: i64| store.acquire_session_lock(&dev, owner, NOW + at, 1000);
    assert!(lock("A", 0).await.expect("lock"));
    assert!(!lock("B", 10).await.expect("held by A"));
    assert!(lock("A", 20).await.expect("A extends its lease to 1020"));
    assert!(!lock("B", 1010).await.expect("extended"));
    assert!(lock("B", 1020).await.expect("expired, B takes it"));
    assert!(!lock("A", 1030).await.expect("held by B"));
    // Releasing a lock one does not hold changes nothing.
    store
        .release_session_lock(&dev, "A")
        .await
        .expect("release");
    assert!(!lock("A", 1040).await.expect("still B's"));
    store
        .release_session_lock(&dev, "B")
        .await
        .expect("release");
    assert!(lock("A", 1050).await.expect("free"));
    // Locks are per device.
    assert!(
        store
            .acquire_session_lock(&format!("{p}-b"), "B", NOW, 1000)
            .await
            .expect("other device")
    );

    // Racing owners: exactly one wins.
    let race = format!("{p}-race");
    let try_lock = |owner: &'static str| store.acquire_session_lock(&race, owner, NOW, 1000);
    let won = tokio::join!(try_lock("1"), try_lock("2"), try_lock("3"), try_lock("4"));
    let won = [won.0, won.1, won.2, won.3].map(|r| r.expect("lock"));
    assert_eq!(won.iter().filter(|w| **w).count(), 1, "{won:?}");
}

/// A device that accepted a download and never came back: the sweep faults its task once
/// the transfer timeout has passed, not before, not while the device is in a session, and
/// not after a TransferComplete closed it.
pub async fn transfers_of_silent_devices_time_out<S: Store>(store: &S) {
    use acs::config::TaskConfig;
    use acs::transfer_sweeper::sweep;
    let p = unique_prefix();
    let download = |file: &str| -> TaskSpec {
        serde_json::from_value(
            json!({"name": "download", "fileType": "1 Firmware Upgrade Image", "fileName": file}),
        )
        .expect("download")
    };
    let mut tasks = Vec::new();
    for (n, dev) in ["silent", "busy"].iter().enumerate() {
        let d = device(&format!("{p}-{dev}"));
        save(store, &d).await;
        let mut task = store
            .queue_task(&d.id, &download(&format!("fw-{n}.bin")), None, NOW)
            .await
            .expect("queue");
        // The CPE accepted it with Status 1 at NOW: the task waits for its TransferComplete.
        task.result = Some(
            json!({"pending": true, "sent": NOW, "commandKey": task.id.to_string(), "url": "http://fs/fw.bin"}),
        );
        let mut write = write_of(&d);
        write.tasks.push(task.clone());
        store.save_session(write).await.expect("save");
        tasks.push(task);
    }
    let config = TaskConfig {
        transfer_timeout_secs: 600,
        ..TaskConfig::default()
    };
    let ours = |ids: Vec<i64>| -> Vec<i64> {
        ids.into_iter()
            .filter(|id| tasks.iter().any(|t| t.id == *id))
            .collect()
    };
    // Not yet due.
    assert!(ours(sweep(store, &config, NOW + 599_000).await.expect("sweep")).is_empty());
    // The busy device is in a session: the session decides about its task.
    assert!(
        store
            .acquire_session_lock(&tasks[1].device, "a-session", NOW, 3_600_000)
            .await
            .expect("lock")
    );
    let later = NOW + 600_000;
    assert_eq!(
        ours(sweep(store, &config, later).await.expect("sweep")),
        [tasks[0].id]
    );
    let faulted = store
        .get_task(tasks[0].id)
        .await
        .expect("get")
        .expect("task");
    assert_eq!(faulted.status, TaskStatus::Fault);
    assert_eq!(faulted.retries, 1);
    assert!(
        faulted.not_before.is_some_and(|t| t > later),
        "retried later"
    );
    assert_eq!(faulted.result, None, "the retry sends the transfer again");
    let faults = store
        .list_faults(Some(&tasks[0].device))
        .await
        .expect("faults");
    assert_eq!(faults.len(), 1);
    assert_eq!(faults[0].fault.code, "timeout");
    assert_eq!(faults[0].task, Some(tasks[0].id));
    // Done once: nothing more to sweep for it, and the lock it took is free again.
    assert!(ours(sweep(store, &config, later + 1).await.expect("sweep")).is_empty());
    assert!(
        store
            .acquire_session_lock(&tasks[0].device, "next-session", later + 2, 1000)
            .await
            .expect("lock")
    );
    let busy = store
        .get_task(tasks[1].id)
        .await
        .expect("get")
        .expect("task");
    assert_eq!(busy.status, TaskStatus::Queued);

    // A TransferComplete that lands between the sweep's read and its write wins.
    let stale = store.stale_transfers(later).await.expect("stale");
    let mut closing = stale
        .into_iter()
        .find(|t| t.id == tasks[1].id)
        .expect("the busy device's transfer is stale");
    let mut done = closing.clone();
    done.status = TaskStatus::Done;
    done.result = Some(json!({"startTime": "x", "completeTime": "y"}));
    let d = store
        .load_device(&done.device)
        .await
        .expect("load")
        .expect("device");
    let mut write = write_of(&d);
    write.tasks.push(done);
    store.save_session(write).await.expect("complete");
    let fault = acs::engine::fault_task(
        &mut closing,
        FaultInfo {
            code: "timeout".into(),
            message: "late".into(),
            detail: serde_json::Value::Null,
        },
        None,
        later,
    );
    let written = store
        .fault_stale_transfers(vec![acs::store::TransferTimeout {
            task: closing,
            fault,
            sent: NOW,
        }])
        .await
        .expect("write");
    assert!(written.is_empty());
    let kept = store
        .get_task(tasks[1].id)
        .await
        .expect("get")
        .expect("task");
    assert_eq!(kept.status, TaskStatus::Done);
}

/// Credentials are set before a device exists, replaced whole, kept when its record is
/// deleted, and removed on their own.
pub async fn device_credentials_round_trip<S: Store>(store: &S) {
    use acs::config::Secret;
    use acs::model::{Credential, DeviceCredentials};
    let p = unique_prefix();
    let id = format!("{p}-new");
    assert_eq!(store.get_credentials(&id).await.expect("get"), None);
    let both = DeviceCredentials {
        cpe: Some(Credential {
            username: "cpe-user".into(),
            password: Secret::new("cpe-secret"),
        }),
        connection_request: Some(Credential {
            username: "cr-user".into(),
            password: Secret::new("cr-secret"),
        }),
    };
    store.put_credentials(&id, &both).await.expect("put");
    assert_eq!(store.get_credentials(&id).await.expect("get"), Some(both));
    let cr_only = DeviceCredentials {
        cpe: None,
        connection_request: Some(Credential {
            username: "cr-2".into(),
            password: Secret::new(""),
        }),
    };
    store.put_credentials(&id, &cr_only).await.expect("replace");
    assert_eq!(
        store.get_credentials(&id).await.expect("get"),
        Some(cr_only.clone())
    );
    save(store, &device(&id)).await;
    assert!(store.delete_device(&id).await.expect("delete device"));
    assert_eq!(
        store.get_credentials(&id).await.expect("get"),
        Some(cr_only),
        "kept for the device's return"
    );
    assert!(store.delete_credentials(&id).await.expect("delete"));
    assert!(!store.delete_credentials(&id).await.expect("delete again"));
    assert_eq!(store.get_credentials(&id).await.expect("get"), None);
}
