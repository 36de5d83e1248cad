//! Presets.

use super::{NOW, unique_prefix};
use acs::preset::Preset;
use acs::store::Store;
use serde_json::json;

pub async fn presets_are_stored_replaced_listed_and_deleted<S: Store>(store: &S) {
    let p = unique_prefix();
    let name = format!("{p}-bootstrap");
    let preset = Preset::from_json(json!({"weight": -1, "channel": "bootstrap",
        "events": {"0 BOOTSTRAP": true},
        "precondition": "Device.DeviceInfo.SoftwareVersion < \"2.0\"",
        "schedule": {"cron": "0 3 * * *", "duration": 3600},
        "provisions": [["value", "Device.ManagementServer.PeriodicInformInterval", 3600]]}))
    .expect("valid");
    assert_eq!(store.get_preset(&name).await.expect("get"), None);
    store.put_preset(&name, &preset, NOW).await.expect("put");
    assert_eq!(store.get_preset(&name).await.expect("get"), Some(preset));
    let replaced = Preset::from_json(json!({"provisions": [["reboot"]]})).expect("valid");
    store
        .put_preset(&name, &replaced, NOW + 1)
        .await
        .expect("replace");
    let other = format!("{p}-another");
    store.put_preset(&other, &replaced, NOW).await.expect("put");
    let ours: Vec<(String, Preset)> = store
        .list_presets()
        .await
        .expect("list")
        .iter()
        .filter(|(n, _)| n.starts_with(&p))
        .cloned()
        .collect();
    assert_eq!(
        ours,
        [(other.clone(), replaced.clone()), (name.clone(), replaced)],
        "by name"
    );
    assert!(store.delete_preset(&name).await.expect("delete"));
    assert!(!store.delete_preset(&name).await.expect("delete again"));
    assert_eq!(store.get_preset(&name).await.expect("get"), None);
    // A listing right after a change sees it.
    assert!(
        !store
            .list_presets()
            .await
            .expect("list")
            .iter()
            .any(|(n, _)| *n == name)
    );
    assert!(store.delete_preset(&other).await.expect("delete"));
}

pub async fn scripts_are_kept_by_kind<S: Store>(store: &S) {
    use acs::script::ScriptKind::{Provision, VirtualParameter};
    let p = unique_prefix();
    let name = format!("{p}-wifi");
    store
        .put_script(Provision, &name, "log('a');", NOW)
        .await
        .expect("put");
    store
        .put_script(
            VirtualParameter,
            &name,
            "return {value: ['1', 'xsd:int']};",
            NOW,
        )
        .await
        .expect("put");
    assert_eq!(
        store.get_script(Provision, &name).await.expect("get"),
        Some("log('a');".to_string())
    );
    store
        .put_script(Provision, &name, "log('b');", NOW + 1)
        .await
        .expect("replace");
    assert_eq!(
        store
            .get_script(Provision, &name)
            .await
            .expect("get")
            .as_deref(),
        Some("log('b');")
    );
    let ours = |names: Vec<String>| names.into_iter().filter(|n| n.starts_with(&p)).count();
    assert_eq!(ours(store.list_scripts(Provision).await.expect("list")), 1);
    assert!(store.delete_script(Provision, &name).await.expect("delete"));
    assert!(!store.delete_script(Provision, &name).await.expect("again"));
    assert_eq!(store.get_script(Provision, &name).await.expect("get"), None);
    assert!(
        store
            .get_script(VirtualParameter, &name)
            .await
            .expect("get")
            .is_some(),
        "the other kind is separate"
    );
    assert!(
        store
            .delete_script(VirtualParameter, &name)
            .await
            .expect("delete")
    );
}
