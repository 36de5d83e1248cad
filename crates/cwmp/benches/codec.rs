//! Codec speed: `decode` and `encode` of three realistic envelopes, measured next to raw
//! quick-xml tokenisation of the same bytes, which is the floor any decoder built on
//! quick-xml can reach. The target is decode <= 2x tokenise.
//!
//! Run: `cargo bench -p cwmp --bench codec` (add `-- --warm-up-time 1 --measurement-time 3`
//! for a shorter run). After criterion's report, a table with the decode/tokenise ratio is
//! printed, from a separate simple timing loop (median of alternating batches).

use criterion::{Criterion, Throughput};
use cwmp::message::{
    DeviceIdStruct, EventStruct, GetParameterNamesResponse, GetParameterValuesResponse, Inform,
    ParameterInfoStruct, ParameterValueStruct,
};
use cwmp::{CwmpVersion, DateTime, Envelope, EventCode, Value, ValueType};
use quick_xml::events::Event;
use std::hint::black_box;
use std::time::{Duration, Instant};

struct Payload {
    name: &'static str,
    envelope: Envelope,
    xml: String,
}

impl Payload {
    fn new(name: &'static str, envelope: Envelope) -> Payload {
        let bytes = cwmp::encode_version(&envelope, CwmpVersion::V1_2).expect("encodes");
        let xml = String::from_utf8(bytes).expect("the encoder writes UTF-8");
        // The benchmark must measure a decode that does the whole job.
        let decoded = cwmp::decode(xml.as_bytes()).expect("decodes");
        assert_eq!(decoded.envelopes, vec![envelope.clone()], "{name}");
        Payload {
            name,
            envelope,
            xml,
        }
    }
}

/// An Inform as a TR-181 gateway sends it at boot: two events, the forced parameters and the
/// WAN address, 8 parameters in all (about 2 KB).
fn inform() -> Envelope {
    let p = |name: &str, ty: ValueType, text: &str| {
        ParameterValueStruct::new(name, Value::new(ty, text))
    };
    let inform = Inform {
        device_id: DeviceIdStruct {
            manufacturer: "Acme Networks Ltd.".into(),
            oui: "00D09E".into(),
            product_class: "AX3000-GW".into(),
            serial_number: "ACME2024031500123".into(),
        },
        event: vec![
            EventStruct::new(EventCode::Boot, ""),
            EventStruct::new(EventCode::method("Reboot"), "reboot-20240315-01"),
        ],
        max_envelopes: 1,
        current_time: DateTime::parse("2024-03-15T08:21:07.512+01:00").expect("dateTime"),
        retry_count: 0,
        parameter_list: vec![
            p("Device.RootDataModelVersion", ValueType::String, "2.15"),
            p(
                "Device.DeviceInfo.HardwareVersion",
                ValueType::String,
                "AX3000-GW rev.B2",
            ),
            p(
                "Device.DeviceInfo.SoftwareVersion",
                ValueType::String,
                "4.2.1-build.20240301 (r18842)",
            ),
            p(
                "Device.DeviceInfo.ProvisioningCode",
                ValueType::String,
                "RES.FTTH.1G",
            ),
            p("Device.DeviceInfo.UpTime", ValueType::UnsignedInt, "37"),
            p(
                "Device.ManagementServer.ConnectionRequestURL",
                ValueType::String,
                "http://100.72.18.201:7547/cr/6d2f9c1e4b7a",
            ),
            p(
                "Device.ManagementServer.ParameterKey",
                ValueType::String,
                "provision-2024-03-01T10:00",
            ),
            p(
                "Device.IP.Interface.1.IPv4Address.1.IPAddress",
                ValueType::String,
                "100.72.18.201",
            ),
        ],
    };
    Envelope::new("1", inform)
}

/// A GetParameterValuesResponse for a WiFi subtree: 32 values of mixed types.
fn get_parameter_values_response() -> Envelope {
    let mut list = Vec::with_capacity(32);
    for radio in 1..=2 {
        let r = format!("Device.WiFi.Radio.{radio}.");
        let band = if radio == 1 { "2.4GHz" } else { "5GHz" };
        for (field, ty, text) in [
            ("Enable", ValueType::Boolean, "1"),
            ("Status", ValueType::String, "Up"),
            ("OperatingFrequencyBand", ValueType::String, band),
            ("Channel", ValueType::UnsignedInt, "36"),
            ("AutoChannelEnable", ValueType::Boolean, "1"),
            ("TransmitPower", ValueType::Int, "100"),
            ("OperatingStandards", ValueType::String, "ax"),
            ("Stats.BytesSent", ValueType::UnsignedLong, "982347823411"),
        ] {
            list.push(ParameterValueStruct::new(
                format!("{r}{field}"),
                Value::new(ty, text),
            ));
        }
    }
    for ssid in 1..=2 {
        let s = format!("Device.WiFi.SSID.{ssid}.");
        for (field, ty, text) in [
            ("Enable", ValueType::Boolean, "1".to_string()),
            ("Status", ValueType::String, "Up".to_string()),
            (
                "SSID",
                ValueType::String,
                format!("Acme-Home-{ssid} & Guests"),
            ),
            (
                "BSSID",
                ValueType::String,
                format!("00:D0:9E:12:34:5{ssid}"),
            ),
            (
                "LowerLayers",
                ValueType::String,
                format!("Device.WiFi.Radio.{ssid}."),
            ),
            (
                "LastChange",
                ValueType::UnsignedInt,
                (86_400 * ssid).to_string(),
            ),
            ("Stats.ErrorsSent", ValueType::UnsignedInt, "0".to_string()),
            (
                "Stats.PacketsReceived",
                ValueType::UnsignedLong,
                "18234771".to_string(),
            ),
        ] {
            list.push(ParameterValueStruct::new(
                format!("{s}{field}"),
                Value::new(ty, text),
            ));
        }
    }
    assert_eq!(list.len(), 32);
    Envelope::new(
        "gpv-17",
        GetParameterValuesResponse {
            parameter_list: list,
        },
    )
}

/// A GetParameterNamesResponse for a large subtree: 1000 entries, objects and parameters.
fn get_parameter_names_response() -> Envelope {
    let fields = [
        "Enable",
        "Status",
        "Alias",
        "Name",
        "LastChange",
        "LowerLayers",
        "Stats.BytesSent",
        "Stats.BytesReceived",
        "Stats.PacketsSent",
    ];
    let mut list = Vec::with_capacity(1000);
    let mut instance = 1;
    while list.len() < 1000 {
        let object = format!("Device.Hosts.Host.{instance}.");
        list.push(ParameterInfoStruct {
            name: object.clone(),
            writable: false,
        });
        for (i, field) in fields.iter().enumerate() {
            if list.len() == 1000 {
                break;
            }
            list.push(ParameterInfoStruct {
                name: format!("{object}{field}"),
                writable: i == 0 || i == 2,
            });
        }
        instance += 1;
    }
    Envelope::new(
        "gpn-3",
        GetParameterNamesResponse {
            parameter_list: list,
        },
    )
}

/// What a decoder on quick-xml cannot avoid: pulling every event out of the reader, with the
/// same configuration the decoder uses.
fn tokenise(xml: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return events,
            Ok(event) => {
                black_box(&event);
                events += 1;
            }
            Err(e) => panic!("tokenise: {e}"),
        }
    }
}

fn decode(xml: &str) -> cwmp::Decoded {
    cwmp::decode(xml.as_bytes()).expect("decodes")
}

fn encode(envelope: &Envelope) -> Vec<u8> {
    cwmp::encode_version(envelope, CwmpVersion::V1_2).expect("encodes")
}

fn bench_payload(c: &mut Criterion, p: &Payload) {
    let mut group = c.benchmark_group(p.name);
    group.throughput(Throughput::Bytes(p.xml.len() as u64));
    group.bench_function("tokenise", |b| b.iter(|| tokenise(black_box(&p.xml))));
    group.bench_function("decode", |b| b.iter(|| decode(black_box(&p.xml))));
    group.bench_function("encode", |b| b.iter(|| encode(black_box(&p.envelope))));
    group.finish();
}

/// Median time per call of `f`, measured in batches that alternate with `g` so that both see
/// the same machine load; returns (median f, median g).
fn alternate<A, B>(mut f: impl FnMut() -> A, mut g: impl FnMut() -> B) -> (Duration, Duration) {
    // Calibrate: about 20 ms per batch of the slower one.
    let mut iters: u32 = 1;
    loop {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(g());
        }
        if start.elapsed() > Duration::from_millis(20) || iters >= 1 << 24 {
            break;
        }
        iters *= 2;
    }
    let mut fs = Vec::new();
    let mut gs = Vec::new();
    for _ in 0..25 {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        fs.push(start.elapsed() / iters);
        let start = Instant::now();
        for _ in 0..iters {
            black_box(g());
        }
        gs.push(start.elapsed() / iters);
    }
    fs.sort();
    gs.sort();
    (fs[fs.len() / 2], gs[gs.len() / 2])
}

fn micros(d: Duration) -> String {
    format!("{:.2} us", d.as_secs_f64() * 1e6)
}

fn print_table(payloads: &[Payload]) {
    println!();
    println!("Manual timing loop (median of 25 alternating batches; not criterion's estimate):");
    println!(
        "| payload | bytes | tokenise | decode | encode | decode / tokenise |\n\
         | --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for p in payloads {
        let (tok, dec) = alternate(|| tokenise(&p.xml), || decode(&p.xml));
        let (enc, _) = alternate(|| encode(&p.envelope), || decode(&p.xml));
        println!(
            "| {} | {} | {} | {} | {} | {:.2}x |",
            p.name,
            p.xml.len(),
            micros(tok),
            micros(dec),
            micros(enc),
            dec.as_secs_f64() / tok.as_secs_f64()
        );
    }
    println!("Target: decode / tokenise <= 2.00x. The machine is shared: expect +-10% noise.");
}

fn main() {
    let payloads = [
        Payload::new("inform-8-params", inform()),
        Payload::new("gpv-response-32", get_parameter_values_response()),
        Payload::new("gpn-response-1000", get_parameter_names_response()),
    ];
    for p in &payloads {
        println!("payload {}: {} bytes", p.name, p.xml.len());
    }

    let mut criterion = Criterion::default().configure_from_args();
    for p in &payloads {
        bench_payload(&mut criterion, p);
    }
    criterion.final_summary();

    // `cargo test --benches` and `--list` run without `--bench`: skip the slow table there.
    let args: Vec<String> = std::env::args().collect();
    let benchmarking = args.iter().any(|a| a == "--bench")
        && !args
            .iter()
            .any(|a| a == "--test" || a == "--list" || a.starts_with("--profile-time"));
    if benchmarking {
        print_table(&payloads);
    }
}
