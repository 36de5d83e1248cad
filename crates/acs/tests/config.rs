//! Configuration layering: defaults < file < `ACS_*` environment < flags.

use acs::config::{AcsConfig, CliOptions, ConfigError, CpeAuth, Secret, print_default};
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// A config file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("acs-config-{}-{name}.toml", std::process::id()));
        std::fs::write(&path, text).expect("write temp config");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn addr(s: &str) -> SocketAddr {
    s.parse().expect("test address")
}

fn load(cli: &CliOptions, env: &[(&str, &str)]) -> Result<AcsConfig, ConfigError> {
    AcsConfig::load_with_env(cli, env.iter().copied())
}

fn with_file(file: &TempFile) -> CliOptions {
    CliOptions {
        config: Some(file.0.clone()),
        ..CliOptions::default()
    }
}

#[test]
fn defaults_are_the_documented_ones() {
    let c = load(
        &CliOptions::default(),
        &[("PATH", "/bin"), ("HOME", "/root")],
    )
    .expect("defaults");
    assert_eq!(c, AcsConfig::default());
    assert_eq!(c.cwmp_listen, addr("0.0.0.0:7547"));
    assert_eq!(c.nbi_listen, addr("127.0.0.1:7557"));
    assert_eq!(c.fs_listen, addr("0.0.0.0:7567"));
    assert_eq!(c.database, "sqlite://acs.db");
    assert_eq!(c.fs_url, None);
    assert_eq!(c.api_token, None);
    assert_eq!(c.cwmp.auth, CpeAuth::None);
    assert!(!c.cwmp.allow_basic_over_http);
    assert!(!c.connection_request.allow_basic);
}

#[test]
fn each_layer_overrides_the_one_before() {
    let file = TempFile::new(
        "layers",
        r#"
        cwmp_listen = "127.0.0.1:1000"
        nbi_listen = "127.0.0.1:1001"
        fs_listen = "127.0.0.1:1002"
        database = "sqlite://file.db"

        [cwmp]
        auth = "digest"
        idle_timeout_secs = 10
        username = "cpe"
        password = "file-secret"

        [tasks]
        retry_limit = 2
        "#,
    );
    let cli = with_file(&file);

    let from_file = load(&cli, &[]).expect("file layer");
    assert_eq!(from_file.cwmp_listen, addr("127.0.0.1:1000"));
    assert_eq!(from_file.database, "sqlite://file.db");
    assert_eq!(from_file.cwmp.auth, CpeAuth::Digest);
    assert_eq!(from_file.cwmp.idle_timeout(), Duration::from_secs(10));
    assert_eq!(from_file.cwmp.password, Some(Secret::new("file-secret")));
    assert_eq!(from_file.tasks.retry_limit, 2);
    // Keys the file leaves out keep their defaults.
    assert_eq!(from_file.cwmp.read_timeout_secs, 30);

    let env = [
        ("ACS_NBI_LISTEN", "127.0.0.1:2001"),
        ("ACS_DATABASE", "sqlite://env.db"),
        ("ACS_CWMP__AUTH", "Basic"),
        ("ACS_CWMP__ALLOW_BASIC_OVER_HTTP", "yes"),
        ("ACS_CWMP__PASSWORD", "env-secret"),
        ("ACS_TASKS__RETRY_LIMIT", "7"),
        ("ACS_CONNECTION_REQUEST__TIMEOUT_SECS", "9"),
        ("ACS_API_TOKEN", "env-token"),
    ];
    let from_env = load(&cli, &env).expect("env layer");
    assert_eq!(
        from_env.cwmp_listen,
        addr("127.0.0.1:1000"),
        "file value kept"
    );
    assert_eq!(from_env.nbi_listen, addr("127.0.0.1:2001"));
    assert_eq!(from_env.database, "sqlite://env.db");
    assert_eq!(from_env.cwmp.auth, CpeAuth::Basic);
    assert!(from_env.cwmp.allow_basic_over_http);
    assert_eq!(from_env.cwmp.username.as_deref(), Some("cpe"));
    assert_eq!(from_env.cwmp.password, Some(Secret::new("env-secret")));
    assert_eq!(from_env.cwmp.idle_timeout_secs, 10, "file value kept");
    assert_eq!(from_env.tasks.retry_limit, 7);
    assert_eq!(from_env.connection_request.timeout_secs, 9);
    assert_eq!(from_env.api_token, Some(Secret::new("env-token")));

    let flags = CliOptions {
        nbi_listen: Some(addr("127.0.0.1:3001")),
        fs_listen: Some(addr("127.0.0.1:3002")),
        database: Some("postgres://db/acs".into()),
        fs_url: Some("http://files.example:8080/".into()),
        api_token: Some(Secret::new("flag-token")),
        ..cli
    };
    let from_flags = load(&flags, &env).expect("flag layer");
    assert_eq!(
        from_flags.cwmp_listen,
        addr("127.0.0.1:1000"),
        "file value kept"
    );
    assert_eq!(from_flags.nbi_listen, addr("127.0.0.1:3001"));
    assert_eq!(from_flags.fs_listen, addr("127.0.0.1:3002"));
    assert_eq!(from_flags.database, "postgres://db/acs");
    assert_eq!(
        from_flags.fs_url.as_deref(),
        Some("http://files.example:8080/")
    );
    assert_eq!(from_flags.api_token, Some(Secret::new("flag-token")));
    assert_eq!(from_flags.tasks.retry_limit, 7, "env value kept");
}

#[test]
fn an_empty_variable_unsets_an_optional_key() {
    let file = TempFile::new("unset", "api_token = \"t\"\nfs_url = \"http://a\"\n");
    let c = load(
        &with_file(&file),
        &[("ACS_API_TOKEN", ""), ("ACS_FS_URL", "")],
    )
    .expect("load");
    assert_eq!(c.api_token, None);
    assert_eq!(c.fs_url, None);
    // A required key cannot be emptied that way.
    let e = load(&CliOptions::default(), &[("ACS_CWMP_LISTEN", "")]).expect_err("empty address");
    assert!(
        matches!(&e, ConfigError::BadEnv { var, .. } if var == "ACS_CWMP_LISTEN"),
        "{e}"
    );
}

#[test]
fn acs_config_names_the_file_and_the_flag_wins() {
    let env_file = TempFile::new("env-file", "database = \"sqlite://from-env-file.db\"\n");
    let flag_file = TempFile::new("flag-file", "database = \"sqlite://from-flag-file.db\"\n");
    let path = env_file.0.to_str().expect("utf-8 temp path");
    let c = load(&CliOptions::default(), &[("ACS_CONFIG", path)]).expect("load");
    assert_eq!(c.database, "sqlite://from-env-file.db");
    let c = load(&with_file(&flag_file), &[("ACS_CONFIG", path)]).expect("load");
    assert_eq!(c.database, "sqlite://from-flag-file.db");
}

#[test]
fn unknown_keys_in_the_file_are_named() {
    for (name, text, key) in [
        ("top", "cwmp_listn = \"0.0.0.0:1\"\n", "cwmp_listn"),
        ("section", "[cwmpp]\nauth = \"none\"\n", "cwmpp"),
        ("nested", "[cwmp]\nbody_limt = 5000\n", "body_limt"),
    ] {
        let file = TempFile::new(name, text);
        let e = load(&with_file(&file), &[]).expect_err("unknown key");
        assert!(matches!(e, ConfigError::File { .. }), "{e}");
        assert!(e.to_string().contains(key), "{e}");
        assert!(e.to_string().contains(&file.0.display().to_string()), "{e}");
    }
    let e = AcsConfig::from_toml_str("[tasks]\nretry_limit = \"five\"\n").expect_err("bad type");
    assert!(
        e.to_string().contains("retry_limit") || e.to_string().contains("line 2"),
        "{e}"
    );
    let missing = CliOptions {
        config: Some(PathBuf::from("/nonexistent/acs.toml")),
        ..CliOptions::default()
    };
    let e = load(&missing, &[]).expect_err("missing file");
    assert!(matches!(e, ConfigError::Read { .. }), "{e}");
    assert!(e.to_string().contains("/nonexistent/acs.toml"), "{e}");
}

#[test]
fn unknown_variables_are_named() {
    let e = load(&CliOptions::default(), &[("ACS_BOGUS", "1")]).expect_err("unknown");
    assert!(
        matches!(&e, ConfigError::UnknownEnv { var, .. } if var == "ACS_BOGUS"),
        "{e}"
    );
    // A section key written with one underscore gets a suggestion.
    let e = load(&CliOptions::default(), &[("ACS_CWMP_AUTH", "digest")]).expect_err("unknown");
    assert!(e.to_string().contains("ACS_CWMP_AUTH"), "{e}");
    assert!(e.to_string().contains("did you mean ACS_CWMP__AUTH"), "{e}");
    // Other variables are not ours to judge.
    assert!(
        load(
            &CliOptions::default(),
            &[("ACSX", "1"), ("MY_ACS_THING", "1")]
        )
        .is_ok()
    );
}

#[test]
fn bad_variable_values_name_the_variable() {
    for (var, value, says) in [
        ("ACS_CWMP_LISTEN", "localhost", "not an address"),
        ("ACS_CWMP__BODY_LIMIT", "-1", "whole number"),
        ("ACS_TASKS__RETRY_LIMIT", "5000000000", "whole number"),
        ("ACS_CWMP__AUTH", "kerberos", "none, basic, digest"),
        ("ACS_CONNECTION_REQUEST__ALLOW_BASIC", "maybe", "boolean"),
    ] {
        let e = load(&CliOptions::default(), &[(var, value)]).expect_err(var);
        assert!(
            matches!(&e, ConfigError::BadEnv { var: v, .. } if v == var),
            "{e}"
        );
        assert!(e.to_string().contains(says), "{e}");
    }
}

#[cfg(unix)]
#[test]
fn a_variable_that_is_not_utf8_is_named() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let env = [(
        OsString::from("ACS_DATABASE"),
        OsString::from_vec(vec![0xff, 0xfe]),
    )];
    let e = AcsConfig::load_with_env(&CliOptions::default(), env).expect_err("not utf-8");
    assert!(
        matches!(&e, ConfigError::BadEnv { var, .. } if var == "ACS_DATABASE"),
        "{e}"
    );
}

#[test]
fn values_are_validated_after_all_layers() {
    for (env, key) in [
        (("ACS_FS_URL", "ftp://x"), "fs_url"),
        (("ACS_FS_URL", "http://"), "fs_url"),
        (("ACS_DATABASE", " "), "database"),
        (("ACS_CWMP__USERNAME", "only-a-name"), "cwmp.password"),
        (
            ("ACS_CONNECTION_REQUEST__PASSWORD", "pw"),
            "connection_request.password",
        ),
        (
            ("ACS_CWMP__IDLE_TIMEOUT_SECS", "0"),
            "cwmp.idle_timeout_secs",
        ),
        (("ACS_CWMP__BODY_LIMIT", "10"), "cwmp.body_limit"),
    ] {
        let e = load(&CliOptions::default(), &[env]).expect_err(env.0);
        assert!(
            matches!(&e, ConfigError::Invalid { key: k, .. } if *k == key),
            "{e}"
        );
    }
    let e = AcsConfig::from_toml_str("api_token = \"\"").expect_err("empty token");
    assert!(e.to_string().contains("api_token"), "{e}");
}

#[test]
fn print_default_round_trips_and_documents_every_key() {
    let text = print_default();
    assert_eq!(
        AcsConfig::from_toml_str(&text).expect("parses"),
        AcsConfig::default()
    );
    let file = TempFile::new("print-default", &text);
    assert_eq!(
        load(&with_file(&file), &[]).expect("loads"),
        AcsConfig::default()
    );
    for expected in [
        "cwmp_listen = \"0.0.0.0:7547\"",
        "nbi_listen = \"127.0.0.1:7557\"",
        "fs_listen = \"0.0.0.0:7567\"",
        "database = \"sqlite://acs.db\"",
        "# fs_url = ",
        "# api_token = ",
        "[cwmp]",
        "auth = \"none\"",
        "# password = ",
        "allow_basic_over_http = false",
        "[connection_request]",
        "[tasks]",
        "retry_limit = 5",
        "ACS_CWMP__AUTH",
        "ACS_CONNECTION_REQUEST__TIMEOUT_SECS",
        "--cwmp-listen",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Uncommenting the optional keys gives a valid file too.
    let filled = text
        .replace("# fs_url = \"\"", "fs_url = \"http://x\"")
        .replace("# api_token = \"\"", "api_token = \"t\"")
        .replace("# username = \"\"", "username = \"u\"")
        .replace("# password = \"\"", "password = \"p\"");
    let c = AcsConfig::from_toml_str(&filled).expect("filled parses");
    assert_eq!(c.connection_request.password, Some(Secret::new("p")));
    assert_eq!(c.fs_url.as_deref(), Some("http://x"));
}

#[test]
fn secrets_never_reach_debug_output() {
    let mut c = AcsConfig {
        api_token: Some(Secret::new("tok-123")),
        ..AcsConfig::default()
    };
    c.cwmp.username = Some("cpe-user".into());
    c.cwmp.password = Some(Secret::new("cwmp-pw-456"));
    c.connection_request.username = Some("cr-user".into());
    c.connection_request.password = Some(Secret::new("cr-pw-789"));
    let debug = format!("{c:?} {c:#?}");
    for secret in ["tok-123", "cwmp-pw-456", "cr-pw-789"] {
        assert!(!debug.contains(secret), "{secret} in {debug}");
    }
    assert!(debug.contains("<redacted>"));
    assert!(debug.contains("cpe-user"), "usernames are not secret");
    let cli = CliOptions {
        api_token: Some(Secret::new("flag-tok")),
        ..CliOptions::default()
    };
    assert!(!format!("{cli:?}").contains("flag-tok"));
    assert_eq!(Secret::new("x").expose(), "x");
}

#[derive(Debug, Parser)]
struct TestCli {
    #[command(flatten)]
    options: CliOptions,
}

#[test]
fn flags_have_the_documented_names() {
    let cli = TestCli::try_parse_from([
        "acs",
        "--config",
        "/etc/acs.toml",
        "--cwmp-listen",
        "0.0.0.0:0",
        "--nbi-listen",
        "127.0.0.1:0",
        "--fs-listen",
        "[::]:0",
        "--database",
        "sqlite://x.db",
        "--fs-url",
        "http://h:1",
        "--api-token",
        "t",
    ])
    .expect("flags parse");
    let o = cli.options;
    assert_eq!(o.config, Some(PathBuf::from("/etc/acs.toml")));
    assert_eq!(o.cwmp_listen, Some(addr("0.0.0.0:0")));
    assert_eq!(o.nbi_listen, Some(addr("127.0.0.1:0")));
    assert_eq!(o.fs_listen, Some(addr("[::]:0")));
    assert_eq!(o.database.as_deref(), Some("sqlite://x.db"));
    assert_eq!(o.fs_url.as_deref(), Some("http://h:1"));
    assert_eq!(o.api_token, Some(Secret::new("t")));
    let e = TestCli::try_parse_from(["acs", "--cwmp-listen", "nope"]).expect_err("bad addr");
    assert!(e.to_string().contains("--cwmp-listen"), "{e}");
}

#[test]
fn the_file_server_url_is_derived_when_unset() {
    let mut c = AcsConfig::default();
    assert_eq!(
        c.fs_base_url(Some("acs.example.net:7547"), 7567),
        "http://acs.example.net:7567"
    );
    assert_eq!(c.fs_base_url(Some("[::1]:7547"), 7567), "http://[::1]:7567");
    assert_eq!(
        c.fs_base_url(Some("10.0.0.1"), 9000),
        "http://10.0.0.1:9000"
    );
    // No usable Host header and wildcard listeners: loopback.
    assert_eq!(c.fs_base_url(None, 7567), "http://127.0.0.1:7567");
    assert_eq!(
        c.fs_base_url(Some("evil/path@x"), 7567),
        "http://127.0.0.1:7567"
    );
    assert_eq!(
        c.fs_base_url(Some("[not-ip]:1"), 7567),
        "http://127.0.0.1:7567"
    );
    c.cwmp_listen = addr("192.0.2.1:7547");
    assert_eq!(c.fs_base_url(None, 7567), "http://192.0.2.1:7567");
    c.fs_listen = addr("[2001:db8::2]:7567");
    assert_eq!(c.fs_base_url(None, 40000), "http://[2001:db8::2]:40000");
    c.fs_url = Some("https://files.example/base/".into());
    assert_eq!(
        c.fs_base_url(Some("acs.example.net"), 7567),
        "https://files.example/base"
    );
}

#[test]
fn durations_and_backoff() {
    let c = AcsConfig::default();
    assert_eq!(
        c.cwmp.session_config().idle_timeout,
        Duration::from_secs(30)
    );
    assert_eq!(c.cwmp.session_config().decode.max_bytes, 16 * 1024 * 1024);
    assert_eq!(c.connection_request.timeout(), Duration::from_secs(5));
    assert_eq!(c.tasks.retry_delay(1), Duration::from_secs(300));
    assert_eq!(c.tasks.retry_delay(2), Duration::from_secs(600));
    assert_eq!(c.tasks.retry_delay(3), Duration::from_secs(1200));
    assert_eq!(c.tasks.retry_delay(40), Duration::from_secs(86_400));
    assert_eq!(c.tasks.retry_delay(u32::MAX), Duration::from_secs(86_400));
}
