//! The filter language: parsing, errors, printing back, and in-memory evaluation.

use acs::filter::parse::{MAX_DEPTH, MAX_FILTER_BYTES};
use acs::filter::{
    CmpOp, Expr, Field, FilterError, Literal, evaluate, like_matches, numeric_value, parse_filter,
};
use acs::model::{DeviceRecord, Node};
use proptest::prelude::*;

fn cmp(field: Field, op: CmpOp, value: Literal) -> Expr {
    Expr::Compare { field, op, value }
}

fn param(path: &str) -> Field {
    Field::Parameter(path.to_owned())
}

fn s(text: &str) -> Literal {
    Literal::String(text.to_owned())
}

fn parse(text: &str) -> Expr {
    parse_filter(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

#[test]
fn parses_the_issue_example() {
    let e = parse(r#"Device.DeviceInfo.SoftwareVersion = "2.1" AND tag = "lab""#);
    assert_eq!(
        e,
        Expr::And(
            Box::new(cmp(
                param("Device.DeviceInfo.SoftwareVersion"),
                CmpOp::Eq,
                s("2.1")
            )),
            Box::new(cmp(Field::Tag, CmpOp::Eq, s("lab"))),
        )
    );
}

#[test]
fn parses_every_operator_and_literal() {
    let cases = [
        ("id = 'a'", cmp(Field::Id, CmpOp::Eq, s("a"))),
        ("oui <> \"b\"", cmp(Field::Oui, CmpOp::Ne, s("b"))),
        (
            "productClass != 'c'",
            cmp(Field::ProductClass, CmpOp::Ne, s("c")),
        ),
        (
            "firstSeen < 10",
            cmp(Field::FirstSeen, CmpOp::Lt, Literal::Number(10.0)),
        ),
        (
            "lastInform<=-2.5",
            cmp(Field::LastInform, CmpOp::Le, Literal::Number(-2.5)),
        ),
        (
            "lastBoot > 1e3",
            cmp(Field::LastBoot, CmpOp::Gt, Literal::Number(1000.0)),
        ),
        (
            "lastBootstrap >= 0",
            cmp(Field::LastBootstrap, CmpOp::Ge, Literal::Number(0.0)),
        ),
        (
            "serialNumber = TRUE",
            cmp(Field::SerialNumber, CmpOp::Eq, Literal::Bool(true)),
        ),
        (
            "manufacturer = false",
            cmp(Field::Manufacturer, CmpOp::Eq, Literal::Bool(false)),
        ),
        (
            "remoteAddress LIKE '10.%'",
            Expr::Like {
                field: Field::RemoteAddress,
                pattern: "10.%".into(),
            },
        ),
        (
            "InternetGatewayDevice.WANDevice.1.X_AB-C_Y is null",
            Expr::IsNull {
                field: param("InternetGatewayDevice.WANDevice.1.X_AB-C_Y"),
                negated: false,
            },
        ),
        (
            "Device.A IS NOT NULL",
            Expr::IsNull {
                field: param("Device.A"),
                negated: true,
            },
        ),
        (
            "Device.A not like 'x'",
            Expr::Not(Box::new(Expr::Like {
                field: param("Device.A"),
                pattern: "x".into(),
            })),
        ),
        (
            r#"Device.A = "q\"uo\\te\n\t\r\'""#,
            cmp(param("Device.A"), CmpOp::Eq, s("q\"uo\\te\n\t\r'")),
        ),
        (
            "Device.A = 'it\\'s'",
            cmp(param("Device.A"), CmpOp::Eq, s("it's")),
        ),
        (
            "Device.A = 'ünï'",
            cmp(param("Device.A"), CmpOp::Eq, s("ünï")),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(parse(text), expected, "{text}");
    }
}

#[test]
fn precedence_is_not_then_and_then_or() {
    let a = || cmp(Field::Id, CmpOp::Eq, s("a"));
    let b = || cmp(Field::Id, CmpOp::Eq, s("b"));
    let c = || cmp(Field::Id, CmpOp::Eq, s("c"));
    let bx = Box::new;
    assert_eq!(
        parse("id='a' OR id='b' AND id='c'"),
        Expr::Or(bx(a()), bx(Expr::And(bx(b()), bx(c()))))
    );
    assert_eq!(
        parse("NOT id='a' AND id='b'"),
        Expr::And(bx(Expr::Not(bx(a()))), bx(b()))
    );
    assert_eq!(
        parse("(id='a' or id='b') and not (id='c')"),
        Expr::And(bx(Expr::Or(bx(a()), bx(b()))), bx(Expr::Not(bx(c()))))
    );
    // Left associative.
    assert_eq!(
        parse("id='a' OR id='b' OR id='c'"),
        Expr::Or(bx(Expr::Or(bx(a()), bx(b()))), bx(c()))
    );
}

fn error(text: &str) -> FilterError {
    match parse_filter(text) {
        Ok(e) => panic!("{text:?} should fail, parsed as {e:?}"),
        Err(e) => e,
    }
}

#[test]
fn errors_say_what_was_expected_and_where() {
    let e = error("Device.A = ");
    assert_eq!(e.position(), Some(12));
    assert!(e.to_string().contains("expected a value"), "{e}");
    assert!(e.to_string().contains("end of the filter"), "{e}");

    let e = error("id = 'a' AND");
    assert_eq!(e.position(), Some(13));
    assert!(e.to_string().contains("a field, a parameter path"), "{e}");

    let e = error("(id = 'a'");
    assert_eq!(e.position(), Some(10));
    assert!(e.to_string().contains("expected `)`"), "{e}");

    let e = error("id = 'a' id = 'b'");
    assert_eq!(e.position(), Some(10));
    assert!(e.to_string().contains("`AND`, `OR`"), "{e}");

    let e = error("id 'a'");
    assert!(e.to_string().contains("expected a comparison"), "{e}");
    assert_eq!(e.position(), Some(4));

    let e = error("id IS 'a'");
    assert!(e.to_string().contains("`NULL` or `NOT NULL`"), "{e}");
    let e = error("id LIKE 5");
    assert!(e.to_string().contains("a quoted pattern"), "{e}");
    assert_eq!(e.position(), Some(9));

    // Positions count characters, not bytes.
    let e = error("id = 'éé' AND ?");
    assert_eq!(
        e,
        FilterError::BadCharacter {
            position: 15,
            found: '?'
        }
    );
}

#[test]
fn lexical_errors_are_precise() {
    assert_eq!(
        error("id = 'abc"),
        FilterError::UnterminatedString { position: 6 }
    );
    assert_eq!(
        error(r"id = 'a\qb'"),
        FilterError::BadEscape {
            position: 8,
            escape: 'q'
        }
    );
    for bad in ["1.", "12abc", "1.2.3", "-", "1e", "1e999"] {
        let e = error(&format!("Device.A = {bad}"));
        assert_eq!(
            e,
            FilterError::BadNumber {
                position: 12,
                text: bad.into()
            },
            "{bad}"
        );
    }
}

#[test]
fn unknown_fields_are_named() {
    for (text, name) in [
        ("foo = 1", "foo"),
        ("Device = 1", "Device"),
        ("ProductClass = 'x'", "ProductClass"),
        ("device.A = 1", "device.A"),
        ("Device..A = 1", "Device..A"),
        ("Device.A. = 1", "Device.A."),
    ] {
        let e = error(text);
        assert_eq!(
            e,
            FilterError::UnknownField {
                position: 1,
                name: name.into()
            }
        );
        assert!(e.to_string().contains("productClass"), "{e}");
    }
}

#[test]
fn hostile_input_is_bounded() {
    let deep = format!("{}id = 'a'{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(parse_filter(&deep).is_ok());
    let too_deep = format!(
        "{}id = 'a'{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(
        error(&too_deep),
        FilterError::TooDeep {
            position: MAX_DEPTH + 1,
            max: MAX_DEPTH
        }
    );
    let nots = format!("{}id = 'a'", "NOT ".repeat(MAX_DEPTH + 1));
    assert!(matches!(error(&nots), FilterError::TooDeep { .. }));

    // A parenthesis bomb longer than the limit is refused before any parsing.
    let bomb = "(".repeat(100_000);
    assert_eq!(
        error(&bomb),
        FilterError::TooLong {
            len: 100_000,
            max: MAX_FILTER_BYTES
        }
    );
    // The longest flat chain the size limit allows parses and evaluates.
    let chain = vec!["id='a'"; MAX_FILTER_BYTES / 10].join(" OR ");
    assert!(chain.len() <= MAX_FILTER_BYTES);
    let e = parse(&chain);
    assert!(evaluate(&e, &device()));
}

fn device() -> DeviceRecord {
    let mut d = DeviceRecord {
        id: "a".into(),
        oui: "00D09E".into(),
        product_class: "HGW".into(),
        serial_number: "SN1".into(),
        manufacturer: "Acme".into(),
        first_seen: 1_000,
        last_inform: 5_000,
        last_boot: Some(4_000),
        last_bootstrap: None,
        remote_address: "10.0.0.7".into(),
        ..DeviceRecord::default()
    };
    d.tags.insert("lab".into());
    d.tags.insert("north".into());
    let mut set = |path: &str, value: Option<&str>| {
        let node = Node {
            value: value.map(|v| (v.to_owned(), "xsd:string".to_owned())),
            ..Node::default()
        };
        d.tree.insert(path.to_owned(), node);
    };
    set("Device.DeviceInfo.SoftwareVersion", Some("2.1"));
    set("Device.Count", Some("10"));
    set("Device.Float", Some("2.50"));
    set("Device.Text", Some("abc"));
    set("Device.Enabled", Some("1"));
    set("Device.Unread", None);
    d
}

fn matches(text: &str) -> bool {
    evaluate(&parse(text), &device())
}

#[test]
fn evaluates_comparisons_with_typing_rules() {
    let d = device();
    let truths = [
        (
            "Device.DeviceInfo.SoftwareVersion = '2.1' AND tag = 'lab'",
            true,
        ),
        ("Device.DeviceInfo.SoftwareVersion = '2.10'", false),
        // Numbers compare numerically when the value is a number...
        ("Device.Count > 9", true),
        ("Device.Count = 10.0", true),
        ("Device.Float = 2.5", true),
        ("Device.Float < 10", true),
        // ...and as text against a string literal ("10" < "9").
        ("Device.Count < '9'", true),
        ("Device.Float = '2.5'", false),
        // A value that is not a number matches no numeric comparison, not even <>.
        ("Device.Text = 1", false),
        ("Device.Text <> 1", false),
        ("Device.Text > 'abb'", true),
        ("Device.Enabled = true", true),
        ("Device.Enabled = false", false),
        ("Device.Text = true", false),
        // Absent or unread values satisfy nothing; NOT negates plainly.
        ("Device.Missing <> 'x'", false),
        ("NOT Device.Missing = 'x'", true),
        ("Device.Unread = ''", false),
        ("Device.Unread IS NULL", true),
        ("Device.Missing IS NULL", true),
        ("Device.Count IS NULL", false),
        ("Device.Count IS NOT NULL", true),
        // Device fields.
        ("id = 'a' AND oui = '00D09E' AND productClass = 'HGW'", true),
        ("serialNumber = 'SN1' AND manufacturer LIKE 'Ac%'", true),
        ("remoteAddress LIKE '10.0.0._'", true),
        (
            "firstSeen = 1000 AND lastInform > 4999 AND lastBoot < 4001",
            true,
        ),
        ("lastBootstrap IS NULL AND lastBoot IS NOT NULL", true),
        ("lastBootstrap < 1e20", false),
        // Tags.
        ("tag = 'lab'", true),
        ("tag = 'south'", false),
        ("tag <> 'south'", true),
        ("tag <> 'lab'", false),
        ("tag LIKE 'no%'", true),
        ("tag > 'm'", true),
        ("tag IS NULL", false),
        ("tag IS NOT NULL", true),
        // Logic.
        ("tag = 'x' OR tag = 'north'", true),
        ("NOT (tag = 'x' OR tag = 'north')", false),
        ("tag = 'lab' AND NOT Device.Count < 5", true),
    ];
    for (text, expected) in truths {
        assert_eq!(evaluate(&parse(text), &d), expected, "{text}");
    }
    let untagged = DeviceRecord::default();
    assert!(evaluate(&parse("tag IS NULL"), &untagged));
    assert!(evaluate(&parse("tag <> 'lab'"), &untagged));
    assert!(matches("tag = 'lab'"));
}

#[test]
fn like_patterns() {
    assert!(like_matches("2.%", "2.1.0"));
    assert!(!like_matches("2.%", "12.1"));
    assert!(like_matches("%", ""));
    assert!(like_matches("a_c", "abc"));
    assert!(like_matches("a_c", "aéc"));
    assert!(!like_matches("a_c", "ac"));
    assert!(like_matches("%b%b%", "abxxbx"));
    assert!(!like_matches("%b%b%", "abx"));
    assert!(!like_matches("abc", "ABC"));
    assert!(like_matches(r"50\%", "50%"));
    assert!(!like_matches(r"50\%", "500"));
    assert!(like_matches(r"a\_b", "a_b"));
    assert!(!like_matches(r"a\_b", "axb"));
    assert!(like_matches("a\\", "a\\"));
    // A pathological pattern finishes (no exponential backtracking).
    let text = "a".repeat(2000);
    assert!(!like_matches(&format!("{}b", "%a".repeat(50)), &text));
}

#[test]
fn numeric_values_are_decimal_numbers_only() {
    assert_eq!(numeric_value("10"), Some(10.0));
    assert_eq!(numeric_value("-2.5e2"), Some(-250.0));
    assert_eq!(numeric_value("1E+2"), Some(100.0));
    for bad in [
        "", "-", " 5", "+5", "5 ", "0x10", "NaN", "inf", "1.", ".5", "1e", "1e999",
    ] {
        assert_eq!(numeric_value(bad), None, "{bad:?}");
    }
}

#[test]
fn display_is_canonical() {
    let e = parse("not (id='a' or id = 'b')");
    assert!(e.to_string().starts_with("NOT ("), "{e}");
    let e = parse("id='a' OR (id='b' OR id='c')");
    assert_eq!(e.to_string(), r#"id = "a" OR (id = "b" OR id = "c")"#);
    let e = parse("Device.A != 5 and Device.B like 'x\"y'");
    assert_eq!(e.to_string(), r#"Device.A <> 5 AND Device.B LIKE "x\"y""#);
    assert_eq!(Field::from_name("lastInform"), Some(Field::LastInform));
    assert_eq!(Field::from_name("Device.X"), Some(param("Device.X")));
    assert_eq!(Field::from_name("nope"), None);
}

fn field_strategy() -> impl Strategy<Value = Field> {
    prop_oneof![
        Just(Field::Tag),
        Just(Field::Id),
        Just(Field::Oui),
        Just(Field::ProductClass),
        Just(Field::SerialNumber),
        Just(Field::Manufacturer),
        Just(Field::FirstSeen),
        Just(Field::LastInform),
        Just(Field::LastBoot),
        Just(Field::LastBootstrap),
        Just(Field::RemoteAddress),
        "[A-Z][A-Za-z0-9_]{0,8}(\\.[A-Za-z0-9_-]{1,8}){1,4}".prop_map(Field::Parameter),
    ]
}

fn literal_strategy() -> impl Strategy<Value = Literal> {
    prop_oneof![
        any::<String>().prop_map(Literal::String),
        any::<i64>().prop_map(|n| Literal::Number(n as f64)),
        (-1e9f64..1e9).prop_map(Literal::Number),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Literal::Number),
        any::<bool>().prop_map(Literal::Bool),
    ]
}

fn op_strategy() -> impl Strategy<Value = CmpOp> {
    prop_oneof![
        Just(CmpOp::Eq),
        Just(CmpOp::Ne),
        Just(CmpOp::Lt),
        Just(CmpOp::Le),
        Just(CmpOp::Gt),
        Just(CmpOp::Ge),
    ]
}

fn expr_strategy() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        (field_strategy(), op_strategy(), literal_strategy())
            .prop_map(|(field, op, value)| Expr::Compare { field, op, value }),
        (field_strategy(), any::<String>())
            .prop_map(|(field, pattern)| Expr::Like { field, pattern }),
        (field_strategy(), any::<bool>())
            .prop_map(|(field, negated)| Expr::IsNull { field, negated }),
    ];
    leaf.prop_recursive(6, 24, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::Or(Box::new(a), Box::new(b))),
            inner.prop_map(|e| Expr::Not(Box::new(e))),
        ]
    })
}

/// The obvious recursive matcher, exponential but fine on short inputs: the reference for
/// `like_matches`.
fn like_reference(pattern: &[char], text: &[char]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some(('%', rest)) => (0..=text.len()).any(|skip| like_reference(rest, &text[skip..])),
        Some(('_', rest)) => !text.is_empty() && like_reference(rest, &text[1..]),
        Some(('\\', rest)) => {
            let (literal, rest) = rest.split_first().map_or(('\\', rest), |(c, r)| (*c, r));
            text.first() == Some(&literal) && like_reference(rest, &text[1..])
        }
        Some((c, rest)) => text.first() == Some(c) && like_reference(rest, &text[1..]),
    }
}

proptest! {
    #[test]
    fn like_agrees_with_the_reference(pattern in "[ab%_\\\\]{0,8}", text in "[ab%_\\\\]{0,8}") {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        prop_assert_eq!(like_matches(&pattern, &text), like_reference(&p, &t));
    }

    #[test]
    fn printing_then_parsing_gives_the_same_tree(expr in expr_strategy()) {
        let text = expr.to_string();
        prop_assume!(text.len() <= MAX_FILTER_BYTES);
        let parsed = parse_filter(&text);
        prop_assert_eq!(parsed, Ok(expr), "printed as {}", text);
    }

    #[test]
    fn arbitrary_text_parses_or_points_inside_it(text in "[ -~éü]{0,200}") {
        match parse_filter(&text) {
            Ok(expr) => prop_assert_eq!(parse_filter(&expr.to_string()), Ok(expr)),
            Err(e) => {
                let position = e.position().unwrap_or(1);
                prop_assert!((1..=text.chars().count() + 1).contains(&position), "{}", e);
            }
        }
    }
}
