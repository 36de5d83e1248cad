//! The SQLite store's cost per session operation, on a database file: wall time and the
//! process's CPU time (from /proc) per load, due-task read and end-of-session save, for a
//! small tree (what a periodic Inform leaves) and a 1000-parameter one, saving one at a time
//! and 64 at once (the writer then commits them together), with the device cache and
//! without. The commit window is 0 here, so the figures are the operations' own cost.
//!
//! `cargo bench -p acs --bench store` (`-- --devices N` to change the device count).

use acs::model::{DeviceRecord, Node, TaskSpec, Tree};
use acs::store::sqlite::{SqliteOptions, SqliteStore};
use acs::store::{SessionWrite, Store};
use std::time::{Duration, Instant};

// As in the `acs` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const NOW: i64 = 1_700_000_000_000;

fn device(id: &str, params: usize) -> DeviceRecord {
    let mut tree = Tree::new();
    for i in 0..params {
        tree.insert(
            format!("Device.X.{}.Value", i),
            Node {
                value: Some((format!("value-{i}"), "xsd:string".into())),
                writable: Some(true),
                seen: NOW,
                value_timestamp: Some(NOW),
                ..Node::default()
            },
        );
    }
    DeviceRecord {
        id: id.into(),
        oui: "00D09E".into(),
        product_class: "HGW".into(),
        serial_number: id.into(),
        manufacturer: "Acme".into(),
        first_seen: NOW,
        last_inform: NOW,
        remote_address: "192.0.2.1".into(),
        last_events: vec!["2 PERIODIC".into()],
        tree,
        ..DeviceRecord::default()
    }
}

fn write_of(device: DeviceRecord) -> SessionWrite {
    SessionWrite {
        device,
        tasks: Vec::new(),
        new_faults: Vec::new(),
        cleared_faults: Vec::new(),
        tag_changes: Vec::new(),
    }
}

/// The process's user + system CPU time so far.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
        .sum();
    // CLK_TCK is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

struct Measure {
    wall: Instant,
    cpu: Duration,
}

impl Measure {
    fn start() -> Measure {
        Measure {
            wall: Instant::now(),
            cpu: cpu_time(),
        }
    }

    fn report(self, what: &str, ops: usize) {
        let wall = self.wall.elapsed();
        let cpu = cpu_time().saturating_sub(self.cpu);
        let n = ops as f64;
        println!(
            "{what:<44} {:>8.1} us wall/op {:>8.1} us CPU/op {:>9.0} ops/s",
            wall.as_secs_f64() * 1e6 / n,
            cpu.as_secs_f64() * 1e6 / n,
            n / wall.as_secs_f64()
        );
    }
}

async fn run(store: &SqliteStore, devices: usize, params: usize) {
    let ids: Vec<String> = (0..devices).map(|i| format!("dev-{params}-{i}")).collect();
    for id in &ids {
        store
            .save_session(write_of(device(id, params)))
            .await
            .expect("create");
    }
    let label = |op: &str| format!("{op} ({params} params)");

    // Each copy is dropped at once, as a session's is: keeping them all would time the
    // kernel handing the process fresh pages instead.
    let m = Measure::start();
    for id in &ids {
        let device = store.load_device(id).await.expect("load").expect("device");
        std::hint::black_box(&device);
    }
    m.report(&label("load_device"), devices);
    let loaded: Vec<DeviceRecord> = ids.iter().map(|id| device(id, params)).collect();

    let spec: TaskSpec =
        serde_json::from_value(serde_json::json!({"name": "reboot"})).expect("task");
    for id in &ids {
        store.queue_task(id, &spec, None, NOW).await.expect("queue");
    }
    let m = Measure::start();
    for id in &ids {
        store.due_tasks(id, NOW).await.expect("due");
    }
    m.report(&label("due_tasks, one task each"), devices);

    let m = Measure::start();
    for d in &loaded {
        let mut d = d.clone();
        d.last_inform += 1;
        store.save_session(write_of(d)).await.expect("save");
    }
    m.report(&label("save_session, one at a time"), devices);

    let m = Measure::start();
    for chunk in loaded.chunks(64) {
        let saves = chunk.iter().map(|d| {
            let mut d = d.clone();
            d.last_inform += 2;
            store.save_session(write_of(d))
        });
        for r in futures_join_all(saves).await {
            r.expect("save");
        }
    }
    m.report(&label("save_session, 64 at once"), devices);
}

/// Awaits every future concurrently on this task.
async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let mut pending: Vec<std::pin::Pin<Box<F>>> = futures.map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = pending.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut done = true;
        for (i, f) in pending.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => done = false,
                }
            }
        }
        if done {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    out.into_iter().flatten().collect()
}

fn main() {
    let mut devices = 2000;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--devices"
            && let Some(n) = args.next().and_then(|v| v.parse().ok())
        {
            devices = n;
        }
    }
    let dir = std::env::temp_dir().join(format!("acs-store-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    for (name, cache_bytes) in [
        (
            "with the device cache",
            SqliteOptions::default().device_cache_bytes,
        ),
        ("without the device cache", 0),
    ] {
        let url = format!(
            "sqlite://{}",
            dir.join(format!("{cache_bytes}.db")).display()
        );
        let options = SqliteOptions {
            device_cache_bytes: cache_bytes,
            commit_window: Duration::ZERO,
        };
        runtime.block_on(async {
            let store = SqliteStore::open_with(&url, options).await.expect("open");
            println!("SQLite store, database file, {devices} devices, {name}");
            run(&store, devices, 15).await;
            run(&store, devices / 10, 1000).await;
        });
    }
    drop(runtime);
    let _ = std::fs::remove_dir_all(&dir);
}
