//! Filters: a store selects exactly what the in-memory evaluator selects, and the main rules
//! spelled out.

use super::{NOW, device, param, save, select, unique_prefix};
use acs::filter::{evaluate, parse_filter};
use acs::model::{DeviceRecord, Node};
use acs::store::Store;

const SV: &str = "Device.DeviceInfo.SoftwareVersion";

/// Devices covering the cases the rules distinguish: numbers written in several ways, text
/// that looks like numbers, booleans in several spellings, wildcard characters in values,
/// missing and unread values, tags, numeric serial numbers, no boot time.
fn fleet(p: &str) -> Vec<DeviceRecord> {
    #[allow(clippy::type_complexity)]
    let rows: [(
        Option<&str>,
        Option<&str>,
        Option<&str>,
        &str,
        &[&str],
        &str,
    ); 8] = [
        (
            Some("2.1"),
            Some("5"),
            Some("true"),
            "abc",
            &["lab"],
            "12345",
        ),
        (
            Some("2.10"),
            Some("10"),
            Some("0"),
            "ABC",
            &["prod"],
            "SN-1",
        ),
        (
            Some("10.0"),
            Some("9"),
            Some("TRUE"),
            "a%c",
            &["lab", "prod"],
            "007",
        ),
        (Some("abc"), Some("-3"), Some("yes"), "a_c", &[], "SN-3"),
        (None, Some("1e3"), None, "a*c[", &["5"], "1e2"),
        (Some("2.1"), Some("5.0"), Some("false"), "", &[], "SN-5"),
        (Some("2.1.3"), Some("007"), Some("1"), "ä", &["zz"], "-0.5"),
        (Some("2"), Some("abc"), Some(""), "a\\c", &[], "SN-7"),
    ];
    rows.iter()
        .enumerate()
        .map(|(i, (sv, n, f, t, tags, serial))| {
            let mut d = device(&format!("{p}-{i}"));
            d.tree.remove(SV);
            let mut set = |path: &str, v: &Option<&str>, ty: &str| match v {
                Some(v) => {
                    d.tree.insert(path.into(), param(v, ty));
                }
                None => {
                    d.tree.insert(path.into(), Node::default());
                }
            };
            set(SV, sv, "xsd:string");
            set("Device.X.N", n, "xsd:int");
            set("Device.X.F", f, "xsd:boolean");
            set("Device.X.T", &Some(t), "xsd:string");
            d.tags = tags.iter().map(|t| t.to_string()).collect();
            d.serial_number = serial.to_string();
            d.last_boot = (i % 3 != 0).then_some(NOW - i as i64);
            d.last_inform = NOW + i as i64 * 1000;
            d.remote_address = format!("192.0.2.{}", 10 + i);
            d
        })
        .collect()
}

/// Filters over every field kind, operator and literal type, and their combinations.
const FILTERS: &[&str] = &[
    "Device.DeviceInfo.SoftwareVersion = \"2.1\"",
    "Device.DeviceInfo.SoftwareVersion <> \"2.1\"",
    "NOT Device.DeviceInfo.SoftwareVersion = \"2.1\"",
    "Device.DeviceInfo.SoftwareVersion > \"2\"",
    "Device.DeviceInfo.SoftwareVersion < \"2.10\"",
    "Device.DeviceInfo.SoftwareVersion >= \"2.1\" AND Device.DeviceInfo.SoftwareVersion <= \"2.10\"",
    "Device.DeviceInfo.SoftwareVersion LIKE \"2.%\"",
    "Device.DeviceInfo.SoftwareVersion LIKE \"2._\"",
    "NOT Device.DeviceInfo.SoftwareVersion LIKE \"2.%\"",
    "Device.DeviceInfo.SoftwareVersion IS NULL",
    "Device.DeviceInfo.SoftwareVersion IS NOT NULL",
    "Device.DeviceInfo.SoftwareVersion > 2",
    "Device.DeviceInfo.SoftwareVersion = 2.1",
    "Device.X.N = 5",
    "Device.X.N <> 5",
    "Device.X.N > 9",
    "Device.X.N >= 9",
    "Device.X.N < 0",
    "Device.X.N <= 10",
    "Device.X.N = 7",
    "Device.X.N = 1000",
    "Device.X.N = \"5\"",
    "Device.X.N > \"9\"",
    "NOT Device.X.N > 9",
    "Device.X.N = TRUE",
    "Device.X.F = TRUE",
    "Device.X.F = FALSE",
    "Device.X.F <> TRUE",
    "Device.X.F > FALSE",
    "Device.X.F <= TRUE",
    "NOT Device.X.F = TRUE",
    "Device.X.F = 1",
    "Device.X.F = \"true\"",
    "Device.X.F IS NULL",
    "Device.X.T LIKE \"a%c\"",
    "Device.X.T LIKE \"a\\\\%c\"",
    "Device.X.T LIKE \"a\\\\_c\"",
    "Device.X.T LIKE \"a_c\"",
    "Device.X.T LIKE \"a*c[\"",
    "Device.X.T LIKE \"a\\\\\\\\c\"",
    "Device.X.T LIKE \"A%\"",
    "Device.X.T LIKE \"%\"",
    "Device.X.T LIKE \"_\"",
    "Device.X.T = \"\"",
    "Device.X.T > \"a\"",
    "Device.X.T >= \"ä\"",
    "Device.X.Missing = \"x\"",
    "NOT Device.X.Missing = \"x\"",
    "Device.X.Missing IS NULL",
    "tag = \"lab\"",
    "tag <> \"lab\"",
    "NOT tag = \"lab\"",
    "NOT tag <> \"lab\"",
    "tag LIKE \"pr%\"",
    "NOT tag LIKE \"pr%\"",
    "tag > \"m\"",
    "tag < \"m\"",
    "tag IS NULL",
    "tag IS NOT NULL",
    "tag = 5",
    "tag = TRUE",
    "serialNumber = 12345",
    "serialNumber > 100",
    "serialNumber < 0",
    "serialNumber = 7",
    "serialNumber = \"007\"",
    "serialNumber LIKE \"SN%\"",
    "NOT serialNumber = 100",
    "lastBoot IS NULL",
    "lastBoot IS NOT NULL",
    "lastBoot > 0",
    "NOT lastBoot > 0",
    "lastBoot <> 0",
    "lastBoot > \"1\"",
    "lastBoot LIKE \"17%\"",
    "lastBoot = TRUE",
    "lastBootstrap = 1700000000000",
    "lastInform >= 1700000003000",
    "lastInform < 1700000003000.5",
    "firstSeen < 0",
    "firstSeen IS NULL",
    "oui = \"00D09E\"",
    "oui = 00",
    "productClass <> \"HGW\"",
    "manufacturer IS NULL",
    "manufacturer IS NOT NULL",
    "remoteAddress LIKE \"192.0.2.1_\"",
    "remoteAddress > \"192.0.2.13\"",
    "NOT tag = \"lab\" OR tag = \"prod\"",
    "NOT (tag = \"lab\" OR tag = \"prod\")",
    "tag = \"lab\" AND tag = \"prod\" OR Device.X.N = 5",
    "tag = \"lab\" AND (tag = \"prod\" OR Device.X.N = 5)",
    "NOT NOT tag = \"lab\"",
    "Device.X.N > 9 OR Device.DeviceInfo.SoftwareVersion IS NULL AND NOT tag = \"prod\"",
    "NOT (Device.X.N > 0 AND Device.X.F = TRUE) AND lastBoot IS NOT NULL",
];

pub async fn filters_select_what_the_evaluator_selects<S: Store>(store: &S) {
    let p = unique_prefix();
    let fleet = fleet(&p);
    for d in &fleet {
        save(store, d).await;
    }
    for filter in FILTERS {
        let expr = parse_filter(filter).unwrap_or_else(|e| panic!("{filter}: {e}"));
        let expected: Vec<&str> = fleet
            .iter()
            .filter(|d| evaluate(&expr, d))
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(select(store, &p, filter).await, expected, "filter {filter}");
    }
}

/// The ids of devices `i` of the fleet.
fn ids(p: &str, of: &[usize]) -> Vec<String> {
    of.iter().map(|i| format!("{p}-{i}")).collect()
}

pub async fn filters_compare_numbers_text_and_booleans<S: Store>(store: &S) {
    let p = unique_prefix();
    for d in fleet(&p) {
        save(store, &d).await;
    }
    let check = |filter: &'static str, expected: &'static [usize]| {
        let p = p.clone();
        async move {
            assert_eq!(
                select(store, &p, filter).await,
                ids(&p, expected),
                "{filter}"
            )
        }
    };
    // Numbers compare as numbers: 10 and 1e3 are above 9; "5", "5.0" equal 5; "007" is 7.
    check("Device.X.N > 9", &[1, 4]).await;
    check("Device.X.N = 5", &[0, 5]).await;
    check("Device.X.N = 7", &[6]).await;
    // Strings compare as text: "abc" and "9" sort after "10", "1e3", "5".
    check("Device.X.N > \"9\"", &[7]).await;
    check("Device.X.N = \"5\"", &[0]).await;
    // A value that is not a number matches no numeric comparison, not even <>.
    check("Device.X.N <> 5", &[1, 2, 3, 4, 6]).await;
    check("NOT Device.X.N = 5", &[1, 2, 3, 4, 6, 7]).await;
    // Booleans in every spelling; "yes" and "" are not booleans.
    check("Device.X.F = TRUE", &[0, 2, 6]).await;
    check("Device.X.F = FALSE", &[1, 5]).await;
    check("Device.X.F <> TRUE", &[1, 5]).await;
    // Unread and missing values are NULL.
    check("Device.X.F IS NULL", &[4]).await;
    check("Device.DeviceInfo.SoftwareVersion IS NULL", &[4]).await;
}

pub async fn filter_logic_and_fields<S: Store>(store: &S) {
    let p = unique_prefix();
    for d in fleet(&p) {
        save(store, &d).await;
    }
    let check = |filter: &'static str, expected: &'static [usize]| {
        let p = p.clone();
        async move {
            assert_eq!(
                select(store, &p, filter).await,
                ids(&p, expected),
                "{filter}"
            )
        }
    };
    // NOT binds tighter than OR, AND tighter than OR.
    check(
        "NOT tag = \"lab\" OR tag = \"prod\"",
        &[1, 2, 3, 4, 5, 6, 7],
    )
    .await;
    check("NOT (tag = \"lab\" OR tag = \"prod\")", &[3, 4, 5, 6, 7]).await;
    check(
        "tag = \"lab\" AND tag = \"prod\" OR Device.X.N = 5",
        &[0, 2, 5],
    )
    .await;
    check(
        "tag = \"lab\" AND (tag = \"prod\" OR Device.X.N = 5)",
        &[0, 2],
    )
    .await;
    // Tags: <> is "has not", IS NULL is "has none".
    check("tag <> \"lab\"", &[1, 3, 4, 5, 6, 7]).await;
    check("tag IS NULL", &[3, 5, 7]).await;
    check("tag LIKE \"pr%\"", &[1, 2]).await;
    // LIKE is case-sensitive, `\` escapes a wildcard, GLOB characters are literal.
    check("Device.X.T LIKE \"a%c\"", &[0, 2, 3, 7]).await;
    check("Device.X.T LIKE \"a\\\\%c\"", &[2]).await;
    check("Device.X.T LIKE \"a*c[\"", &[4]).await;
    // Device fields: times are numbers, unset boot times are NULL; text fields compare with
    // numbers when written as numbers.
    check("lastBoot IS NULL", &[0, 3, 6]).await;
    check("NOT lastBoot > 0", &[0, 3, 6]).await;
    check("lastInform >= 1700000006000", &[6, 7]).await;
    check("serialNumber > 100", &[0]).await;
    check("serialNumber < 0", &[6]).await;
    check("serialNumber = 7", &[2]).await;
    check(
        "remoteAddress LIKE \"192.0.2.1_\"",
        &[0, 1, 2, 3, 4, 5, 6, 7],
    )
    .await;
}
