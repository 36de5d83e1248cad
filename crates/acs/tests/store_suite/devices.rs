//! Devices: round trip, saving, the value index following the tree, tags, deletion, paging.

use super::{NOW, device, param, save, select, unique_prefix, write_of};
use acs::model::{Node, TaskSpec, Tree};
use acs::store::{DeviceQuery, Store};

/// A tree of `2 * hosts * 5` nodes exercising every attribute.
fn large_tree(hosts: usize) -> Tree {
    let mut tree = Tree::new();
    for i in 1..=hosts {
        let base = format!("Device.Hosts.Host.{i}.");
        tree.insert(
            base.clone(),
            Node {
                object: true,
                writable: Some(true),
                seen: NOW + i as i64,
                ..Node::default()
            },
        );
        tree.insert(
            format!("{base}HostName"),
            Node {
                notification: Some(2),
                access_list: Some(vec!["Subscriber".into()]),
                attributes_timestamp: Some(NOW - 5),
                writable_timestamp: Some(NOW - 7),
                ..param(&format!("host \"{i}\" é\n<&>"), "xsd:string")
            },
        );
        tree.insert(
            format!("{base}Active"),
            param(if i % 2 == 0 { "true" } else { "0" }, "xsd:boolean"),
        );
        tree.insert(
            format!("{base}LeaseTimeRemaining"),
            param(&i.to_string(), "xsd:int"),
        );
        // Known to exist, value not read yet.
        tree.insert(
            format!("{base}PhysAddress"),
            Node {
                writable: Some(false),
                seen: NOW,
                ..Node::default()
            },
        );
        for j in 1..=5 {
            tree.insert(
                format!("{base}X_Vendor.{j}"),
                param(&format!("{}", i * j), "xsd:unsignedInt"),
            );
        }
    }
    tree
}

pub async fn device_round_trip_with_a_large_tree<S: Store>(store: &S) {
    let p = unique_prefix();
    let mut d = device(&format!("{p}-big"));
    d.tree = large_tree(200);
    assert_eq!(d.tree.len(), 2000);
    d.last_boot = None;
    d.tags.insert("lab".into());
    assert_eq!(store.load_device(&d.id).await.expect("load"), None);
    save(store, &d).await;
    assert_eq!(
        store.load_device(&d.id).await.expect("load"),
        Some(d.clone())
    );

    // Listing returns the same whole records.
    let query = DeviceQuery {
        filter: Some(acs::filter::parse_filter(&format!("id = \"{}\"", d.id)).expect("filter")),
        ..DeviceQuery::default()
    };
    let (total, items) = store.list_devices(&query).await.expect("list");
    assert_eq!((total, items), (1, vec![d.clone()]));

    // A second session rewrites it whole.
    d.tree.remove("Device.Hosts.Host.7.HostName");
    d.tree
        .insert("Device.Hosts.Host.7.Alias".into(), param("x", "xsd:string"));
    d.last_inform = NOW + 60_000;
    d.last_boot = Some(NOW + 1);
    d.last_events = vec!["2 PERIODIC".into()];
    d.remote_address = "198.51.100.7".into();
    save(store, &d).await;
    assert_eq!(store.load_device(&d.id).await.expect("load"), Some(d));
}

pub async fn saving_updates_the_device_and_its_value_index<S: Store>(store: &S) {
    let p = unique_prefix();
    let mut d = device(&format!("{p}-a"));
    let path = "Device.DeviceInfo.SoftwareVersion";
    save(store, &d).await;
    assert_eq!(
        select(store, &p, &format!("{path} = \"1.0\"")).await,
        [d.id.clone()]
    );

    // Same values, new timestamps: still indexed.
    d.tree.get_mut(path).expect("node").value_timestamp = Some(NOW + 5);
    save(store, &d).await;
    assert_eq!(
        select(store, &p, &format!("{path} = \"1.0\"")).await,
        [d.id.clone()]
    );

    // A changed value replaces the old one in the index.
    d.tree.insert(path.into(), param("2.0", "xsd:string"));
    save(store, &d).await;
    assert!(
        select(store, &p, &format!("{path} = \"1.0\""))
            .await
            .is_empty()
    );
    assert_eq!(
        select(store, &p, &format!("{path} = \"2.0\"")).await,
        [d.id.clone()]
    );
    assert_eq!(
        select(store, &p, &format!("{path} > 1.5")).await,
        [d.id.clone()]
    );

    // A removed parameter leaves the index; a value forgotten (not read) counts as none.
    d.tree.remove(path);
    d.tree.insert("Device.X.Unread".into(), Node::default());
    save(store, &d).await;
    assert_eq!(
        select(store, &p, &format!("{path} IS NULL")).await,
        [d.id.clone()]
    );
    assert_eq!(
        select(store, &p, "Device.X.Unread IS NULL").await,
        [d.id.clone()]
    );
    d.tree.insert(path.into(), param("3", "xsd:string"));
    save(store, &d).await;
    assert_eq!(
        select(store, &p, &format!("{path} IS NOT NULL")).await,
        [d.id.clone()]
    );
    assert_eq!(
        select(store, &p, &format!("{path} = 3")).await,
        [d.id.clone()]
    );
}

pub async fn save_session_is_one_transaction<S: Store>(store: &S) {
    let p = unique_prefix();
    let mut d = device(&format!("{p}-a"));
    save(store, &d).await;
    let task = store
        .queue_task(&d.id, &TaskSpec::Reboot {}, None, NOW)
        .await
        .expect("queue");

    // A write whose last part fails (a fault for a device that does not exist) must leave
    // nothing of itself behind.
    d.tree.insert(
        "Device.DeviceInfo.SoftwareVersion".into(),
        param("9.9", "xsd:string"),
    );
    let mut done = task.clone();
    done.status = acs::model::TaskStatus::Done;
    let mut write = write_of(&d);
    write.tasks.push(done);
    write
        .new_faults
        .push(super::new_fault(&format!("{p}-missing"), None, "9002"));
    assert!(store.save_session(write).await.is_err());
    let stored = store
        .load_device(&d.id)
        .await
        .expect("load")
        .expect("device");
    assert_eq!(
        stored.tree["Device.DeviceInfo.SoftwareVersion"].value,
        Some(("1.0".into(), "xsd:string".into()))
    );
    assert!(
        select(store, &p, "Device.DeviceInfo.SoftwareVersion = \"9.9\"")
            .await
            .is_empty()
    );
    assert_eq!(store.get_task(task.id).await.expect("get"), Some(task));
}

pub async fn tags_are_set_and_removed<S: Store>(store: &S) {
    let p = unique_prefix();
    let mut d = device(&format!("{p}-a"));
    d.tags.insert("initial".into());
    save(store, &d).await;
    assert!(store.set_tag(&d.id, "lab", true).await.expect("tag"));
    assert!(store.set_tag(&d.id, "lab", true).await.expect("tag again"));
    assert!(store.set_tag(&d.id, "x y/ü", true).await.expect("odd tag"));
    let tags = |d: Option<acs::model::DeviceRecord>| d.expect("device").tags;
    assert_eq!(
        tags(store.load_device(&d.id).await.expect("load")),
        ["initial", "lab", "x y/ü"].map(String::from).into()
    );
    assert!(store.set_tag(&d.id, "initial", false).await.expect("untag"));
    assert!(
        store
            .set_tag(&d.id, "never", false)
            .await
            .expect("untag absent")
    );
    assert!(
        !store
            .set_tag(&format!("{p}-none"), "lab", true)
            .await
            .expect("no device")
    );

    // A session of a known device does not undo tags set meanwhile through the API: its
    // record was loaded before and still has "initial" and not "lab".
    save(store, &d).await;
    assert_eq!(
        tags(store.load_device(&d.id).await.expect("load")),
        ["lab", "x y/ü"].map(String::from).into()
    );
    assert_eq!(select(store, &p, "tag = \"lab\"").await, [d.id.clone()]);
    assert!(select(store, &p, "tag = \"initial\"").await.is_empty());
}

pub async fn deleting_a_device_removes_everything_of_it<S: Store>(store: &S) {
    let p = unique_prefix();
    let (a, b) = (device(&format!("{p}-a")), device(&format!("{p}-b")));
    save(store, &a).await;
    save(store, &b).await;
    store.set_tag(&a.id, "lab", true).await.expect("tag");
    let task = store
        .queue_task(&a.id, &TaskSpec::Reboot {}, None, NOW)
        .await
        .expect("queue");
    let other = store
        .queue_task(&b.id, &TaskSpec::Reboot {}, None, NOW)
        .await
        .expect("queue");
    let mut write = write_of(&a);
    write
        .new_faults
        .push(super::new_fault(&a.id, Some(task.id), "9001"));
    store.save_session(write).await.expect("save");
    assert_eq!(
        store.list_faults(Some(&a.id)).await.expect("faults").len(),
        1
    );

    assert!(store.delete_device(&a.id).await.expect("delete"));
    assert!(!store.delete_device(&a.id).await.expect("delete again"));
    assert_eq!(store.load_device(&a.id).await.expect("load"), None);
    assert_eq!(store.get_task(task.id).await.expect("task"), None);
    assert!(
        store
            .list_tasks(Some(&a.id))
            .await
            .expect("tasks")
            .is_empty()
    );
    assert!(
        store
            .list_faults(Some(&a.id))
            .await
            .expect("faults")
            .is_empty()
    );
    assert_eq!(
        select(store, &p, "Device.DeviceInfo.SoftwareVersion = \"1.0\"").await,
        std::slice::from_ref(&b.id)
    );
    assert!(select(store, &p, "tag = \"lab\"").await.is_empty());
    // The other device keeps its task.
    assert_eq!(store.get_task(other.id).await.expect("task"), Some(other));

    // Registered again, it starts clean.
    save(store, &a).await;
    let again = store
        .load_device(&a.id)
        .await
        .expect("load")
        .expect("device");
    assert!(again.tags.is_empty());
    assert!(
        store
            .list_tasks(Some(&a.id))
            .await
            .expect("tasks")
            .is_empty()
    );
}

pub async fn paging_sorting_and_totals<S: Store>(store: &S) {
    let p = unique_prefix();
    let prefix_filter = acs::filter::parse_filter(&format!("id LIKE \"{p}%\"")).expect("filter");
    let mut ids = Vec::new();
    for i in 0..25i64 {
        let mut d = device(&format!("{p}-{i:02}"));
        // Inform times run against the ids; the parameter sorts numerically 0..24 reversed
        // in text order ("9" > "10" as text).
        d.last_inform = NOW - i * 1000;
        d.tree.insert(
            "Device.X.Rank".into(),
            param(&(24 - i).to_string(), "xsd:int"),
        );
        save(store, &d).await;
        ids.push(d.id);
    }
    let page = |sort: Vec<(&str, bool)>, limit: Option<u64>, offset: u64| DeviceQuery {
        filter: Some(prefix_filter.clone()),
        sort: sort.into_iter().map(|(f, d)| (f.to_string(), d)).collect(),
        limit,
        offset,
    };
    let list = |q: DeviceQuery| async move {
        let (total, items) = store.list_devices(&q).await.expect("list");
        (total, items.into_iter().map(|d| d.id).collect::<Vec<_>>())
    };

    // Default order is by id; no limit returns everything.
    assert_eq!(list(page(vec![], None, 0)).await, (25, ids.clone()));
    assert_eq!(
        list(page(vec![], Some(10), 20)).await,
        (25, ids[20..].to_vec())
    );
    assert_eq!(list(page(vec![], Some(10), 30)).await, (25, vec![]));
    assert_eq!(list(page(vec![], Some(0), 0)).await, (25, vec![]));

    // lastInform ascending is id descending.
    let mut reversed = ids.clone();
    reversed.reverse();
    assert_eq!(
        list(page(vec![("lastInform", false)], Some(5), 5)).await,
        (25, reversed[5..10].to_vec())
    );
    assert_eq!(
        list(page(vec![("lastInform", true)], Some(3), 0)).await,
        (25, ids[..3].to_vec())
    );
    // By a parameter: numerically (10 after 9), so ascending rank is id descending.
    assert_eq!(
        list(page(vec![("Device.X.Rank", false)], Some(15), 0)).await,
        (25, reversed[..15].to_vec())
    );
    assert_eq!(
        list(page(vec![("Device.X.Rank", true)], None, 0)).await,
        (25, ids.clone())
    );
    // Ties broken by the next key, then by id.
    assert_eq!(
        list(page(vec![("oui", false), ("id", true)], Some(2), 0)).await,
        (25, reversed[..2].to_vec())
    );
}
