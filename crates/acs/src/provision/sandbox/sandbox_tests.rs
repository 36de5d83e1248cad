use super::*;
use crate::model::Node;
use serde_json::json;

fn tree() -> Tree {
    let mut t = Tree::new();
    t.insert(
        "Device.DeviceInfo.SoftwareVersion".into(),
        Node {
            value: Some(("1.0".into(), "xsd:string".into())),
            value_timestamp: Some(1),
            writable: Some(false),
            seen: 1,
            ..Node::default()
        },
    );
    t.insert(
        "Device.".into(),
        Node {
            object: true,
            seen: 1,
            ..Node::default()
        },
    );
    t
}

fn go_with(
    source: &str,
    ext: &HashMap<String, Result<Value, String>>,
    limits: Limits,
) -> Result<Run, ScriptFault> {
    let tree = tree();
    let args = [json!("guest"), json!(3)];
    let absent = BTreeSet::new();
    let env = Env {
        tree: &tree,
        now: 1_000_000,
        device_id: "dev-1",
        args: &args,
        ext,
        absent: &absent,
        limits,
        secret: b"lab secret",
        cache: None,
    };
    run(&Script::new(source), &env)
}

fn go(source: &str) -> Result<Run, ScriptFault> {
    go_with(source, &HashMap::new(), Limits::default())
}

#[test]
fn declarations_logs_args_and_results_reach_the_script() {
    let r = go(r#"
        const v = declare("Device.DeviceInfo.SoftwareVersion", {value: 1});
        log("version", v.value[0], v.size, args[0], v.writable);
        declare("Device.WiFi.SSID.*.SSID", {value: 1}, {value: args[0]});
        declare("Device.WiFi.SSID.*", null, {path: [1, args[1]]});
        clear("Device.Hosts", 5);
    "#)
    .expect("runs");
    assert_eq!(r.logs, ["version 1.0 1 guest false"]);
    assert_eq!(r.declarations.len(), 3);
    assert_eq!(r.declarations[0].fresh.value, Some(1));
    assert_eq!(
        r.declarations[1].desired.value,
        Some(("guest".into(), None))
    );
    assert_eq!(r.declarations[2].desired.instances, Some((1, 3)));
    assert_eq!(r.clears.len(), 1);
    assert_eq!(r.clears[0].1, 5);
    assert_eq!(r.stop, None);
}

#[test]
fn dates_and_nested_values_cross_as_json_would() {
    let r = go(r#"
        declare("Device.A", null, {value: [new Date(0), "xsd:dateTime"]});
        declare("Device.B", {value: 2.5}, {value: 7});
        declare("Device.C.*", {path: 1}, {path: [1, 2]});
    "#)
    .expect("runs");
    assert_eq!(
        r.declarations[0].desired.value,
        Some((
            "1970-01-01T00:00:00.000Z".into(),
            Some("xsd:dateTime".into())
        ))
    );
    assert_eq!(r.declarations[1].desired.value, Some(("7".into(), None)));
    assert_eq!(r.declarations[1].fresh.value, Some(2));
    assert_eq!(r.declarations[2].desired.instances, Some((1, 2)));
    match go("declare('Device.A', null, {value: function () {}});") {
        Err(ScriptFault::Exception { message, .. }) => {
            assert!(message.contains("declare"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn runs_on_one_thread_do_not_see_each_others_arguments() {
    for arg in ["a", "b"] {
        let tree = tree();
        let args = [json!(arg)];
        let (ext, absent) = (HashMap::new(), BTreeSet::new());
        let env = Env {
            tree: &tree,
            now: 1,
            device_id: "d",
            args: &args,
            ext: &ext,
            absent: &absent,
            limits: Limits::default(),
            secret: b"lab secret",
            cache: None,
        };
        let r = run(&Script::new("log(args[0]);"), &env).expect("runs");
        assert_eq!(r.logs, [arg]);
    }
}

#[test]
fn math_random_repeats_per_device_and_differs_between_devices() {
    let draw = |device_id: &str| {
        let tree = tree();
        let (ext, absent) = (HashMap::new(), BTreeSet::new());
        let env = Env {
            tree: &tree,
            now: 1,
            device_id,
            args: &[],
            ext: &ext,
            absent: &absent,
            limits: Limits::default(),
            secret: b"lab secret",
            cache: None,
        };
        let r = run(&Script::new("log(Math.random(), Math.random());"), &env).expect("runs");
        r.logs[0].clone()
    };
    assert_eq!(draw("a"), draw("a"));
    assert_ne!(draw("a"), draw("b"));
    let values: Vec<f64> = draw("a")
        .split(' ')
        .map(|v| v.parse().expect("number"))
        .collect();
    assert!(values.iter().all(|v| (0.0..1.0).contains(v)) && values[0] != values[1]);
}

#[test]
fn serial_numbers_in_a_row_are_spread_over_the_interval() {
    let spread: Vec<f64> = (1..=4)
        .map(|i| stagger(&format!("A4B1C2-HGW-SN00000{i}")))
        .collect();
    for (i, a) in spread.iter().enumerate() {
        for b in &spread[i + 1..] {
            assert!((a - b).abs() > 0.01, "{spread:?}");
        }
    }
}

#[test]
fn staggered_times_are_fixed_per_device_and_within_the_interval() {
    let r = go("log(Date.now(3600000), Date.now(3600000), Date.now());").expect("runs");
    let parts: Vec<i64> = r.logs[0]
        .split(' ')
        .map(|p| p.parse().expect("n"))
        .collect();
    assert_eq!(parts[0], parts[1], "the same in one run");
    assert!(
        parts[0] <= parts[2] && parts[2] - parts[0] < 3_600_000,
        "{parts:?}"
    );
}

#[test]
fn reading_a_declaration_that_does_not_hold_stops_the_run() {
    let r = go(r#"
        const v = declare("Device.DeviceInfo.SoftwareVersion", {value: Date.now()});
        log("before");
        log(v.value[0]);
    "#)
    .expect("runs");
    assert_eq!(r.stop, Some(Stop::Commit), "the value is older than asked");
    assert_eq!(r.logs, ["before"]);
}

#[test]
fn commit_stops_until_what_came_before_holds() {
    let source = r#"
        declare("Device.DeviceInfo.SoftwareVersion", {value: 1});
        commit();
        log("after the first commit");
        declare("Device.DeviceInfo.HardwareVersion", {value: 1});
        commit();
        log("never");
    "#;
    let r = go(source).expect("runs");
    assert_eq!(r.stop, Some(Stop::Commit), "HardwareVersion is not known");
    assert_eq!(r.logs, ["after the first commit"]);
    assert_eq!(r.declarations.len(), 2);
    // A script that swallows the stop is still stopped.
    let r = go("try { declare('Device.X.Y', {value: 1}); commit(); } catch (e) {} log('x'); while (true) {}")
        .expect("stops");
    assert_eq!(r.stop, Some(Stop::Commit));
    assert!(r.logs.is_empty());
}

#[test]
fn ext_stops_for_unknown_results_and_returns_known_ones() {
    let r = go("const v = ext('billing', 'plan', 'x', 2); log(v);").expect("runs");
    let call = ExtCall {
        file: "billing".into(),
        function: "plan".into(),
        args: vec![json!("x"), json!(2)],
    };
    assert_eq!(r.stop, Some(Stop::Ext(call.clone())));
    let mut known = HashMap::new();
    known.insert(call.key(), Ok(json!({"speed": 100})));
    let r = go_with(
        "const v = ext('billing', 'plan', 'x', 2); log(v.speed);",
        &known,
        Limits::default(),
    )
    .expect("runs");
    assert_eq!((r.stop, r.logs), (None, vec!["100".to_string()]));
    known.insert(call.key(), Err("no such customer".into()));
    let err = go_with("ext('billing', 'plan', 'x', 2);", &known, Limits::default());
    assert!(
        matches!(&err, Err(ScriptFault::Exception { message, .. }) if message.contains("no such customer")),
        "{err:?}"
    );
}

#[test]
fn a_virtual_parameter_returns_its_value() {
    let r = go("const v = declare('Device.DeviceInfo.SoftwareVersion', {value: 1}); return {writable: false, value: [v.value[0] + '-x', 'xsd:string']};")
        .expect("runs");
    assert_eq!(
        r.returned,
        Some(json!({"writable": false, "value": ["1.0-x", "xsd:string"]}))
    );
}

#[test]
fn exceptions_timeouts_and_memory_become_faults() {
    match go("\n\nthrow new Error('no WAN');") {
        Err(ScriptFault::Exception { message, line }) => {
            assert!(message.contains("no WAN"), "{message}");
            assert_eq!(line, Some(3));
        }
        other => panic!("{other:?}"),
    }
    let limits = Limits {
        memory_bytes: 8 << 20,
        cpu: Duration::from_millis(50),
    };
    let looping = go_with("while (true) {}", &HashMap::new(), limits);
    assert!(
        matches!(looping, Err(ScriptFault::Timeout(_))),
        "{looping:?}"
    );
    let hungry = go_with(
        "const a = []; while (true) a.push('x'.repeat(100000));",
        &HashMap::new(),
        Limits {
            cpu: Duration::from_secs(5),
            ..limits
        },
    );
    assert!(matches!(hungry, Err(ScriptFault::Memory)), "{hungry:?}");
    // The thread's engine works again after both.
    assert_eq!(go("log(1)").expect("runs").logs, ["1"]);
    match go("declare('Device..X', {value: 1});") {
        Err(ScriptFault::Exception { message, .. }) => {
            assert!(message.contains("invalid path"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

/// Runs `source` with a cache at `now` against `tree`; the cache's hits after it.
fn cached(cache: &ScriptCache, source: &str, tree: &Tree, now: Millis) -> (Run, u64) {
    let (ext, absent) = (HashMap::new(), BTreeSet::new());
    let env = Env {
        tree,
        now,
        device_id: "dev-1",
        args: &[],
        ext: &ext,
        absent: &absent,
        limits: Limits::default(),
        secret: b"lab secret",
        cache: Some(cache),
    };
    let run = run(&Script::new(source), &env).expect("runs");
    (run, cache.hits())
}

#[test]
fn a_remembered_run_is_replayed_only_while_its_inputs_hold() {
    let cache = ScriptCache::new(16);
    let source = r#"
        const v = declare("Device.DeviceInfo.SoftwareVersion", {value: Date.now(3600000)});
        log("version", v.value[0], Math.random() < 2);
        declare("Device.X", null, {value: v.value[0]});
    "#;
    let mut t = tree();
    t.get_mut("Device.DeviceInfo.SoftwareVersion")
        .expect("node")
        .value_timestamp = Some(5_000_000);
    let (first, hits) = cached(&cache, source, &t, 5_000_000);
    assert_eq!(
        (hits, first.logs.clone()),
        (0, vec!["version 1.0 true".to_string()])
    );
    // Same bucket, same tree: replayed.
    let (again, hits) = cached(&cache, source, &t, 5_000_100);
    assert_eq!((hits, &again), (1, &first));
    // What it read changed: run again, with the new value.
    t.get_mut("Device.DeviceInfo.SoftwareVersion")
        .expect("node")
        .value = Some(("2.0".into(), "xsd:string".into()));
    let (changed, hits) = cached(&cache, source, &t, 5_000_200);
    assert_eq!(hits, 1);
    assert_eq!(changed.logs, ["version 2.0 true"]);
    assert_eq!(
        changed.declarations[1].desired.value,
        Some(("2.0".into(), None))
    );
    // A later bucket of the staggered time: the freshness asked for differs, run again.
    let (_, hits) = cached(&cache, source, &t, 5_000_200 + 3_600_000);
    assert_eq!(hits, 1);
}

#[test]
fn runs_that_read_the_session_time_are_never_replayed() {
    let cache = ScriptCache::new(16);
    let t = tree();
    for (source, now) in [("log(Date.now());", 10), ("log(Date.now());", 20)] {
        let (r, hits) = cached(&cache, source, &t, now);
        assert_eq!((r.logs[0].as_str(), hits), (now.to_string().as_str(), 0));
    }
    let (r, hits) = cached(&cache, "log(new Date().getTime());", &t, 30);
    assert_eq!(
        (r.logs[0].as_str(), hits),
        ("30", 0),
        "new Date() is the session time"
    );
    let (r, _) = cached(&cache, "log(new Date().getTime());", &t, 40);
    assert_eq!(r.logs[0], "40");
    assert_eq!(cache.hits(), 0);
    let (r, _) = cached(
        &cache,
        "log(new Date(5).getTime(), new Date(5) instanceof Date);",
        &t,
        50,
    );
    assert_eq!(r.logs[0], "5 true");
}

#[test]
fn a_commit_that_would_stop_now_is_not_replayed() {
    let cache = ScriptCache::new(16);
    let source = r#"
        declare("Device.DeviceInfo.SoftwareVersion", {value: 2000});
        commit();
        log("after");
    "#;
    let mut t = tree();
    t.get_mut("Device.DeviceInfo.SoftwareVersion")
        .expect("node")
        .value_timestamp = Some(3000);
    let (r, _) = cached(&cache, source, &t, 10_000);
    assert_eq!(
        (r.stop.clone(), r.logs.clone()),
        (None, vec!["after".to_string()])
    );
    t.get_mut("Device.DeviceInfo.SoftwareVersion")
        .expect("node")
        .value_timestamp = Some(1000);
    let (r, hits) = cached(&cache, source, &t, 10_000);
    assert_eq!((r.stop, hits), (Some(Stop::Commit), 0));
}

#[test]
fn the_default_bootstrap_phase_is_the_same_all_day_and_within_the_interval() {
    let source = "const day = 86400000; const interval = 900;\n\
        const offset = (((Date.now(day, interval * 1000) - Date.now(day, 0)) % day) + day) % day;\n\
        log(offset);";
    let tree = tree();
    let phase_at = |now: Millis| {
        let (ext, absent) = (HashMap::new(), BTreeSet::new());
        let env = Env {
            tree: &tree,
            now,
            device_id: "dev-1",
            args: &[],
            ext: &ext,
            absent: &absent,
            limits: Limits::default(),
            secret: b"lab secret",
            cache: None,
        };
        let r = run(&Script::new(source), &env).expect("runs");
        r.logs[0].parse::<i64>().expect("number")
    };
    let first = phase_at(1_790_000_000_000);
    assert!((0..900_000).contains(&first), "{first}");
    for later in [1, 3_600_000, 43_200_000, 86_000_000, 200_000_000] {
        assert_eq!(phase_at(1_790_000_000_000 + later), first, "{later}");
    }
}
